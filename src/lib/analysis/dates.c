/*
 * dates.c - the one date parser of libizde: date fields (JSON/CSV), the
 * publication date in an article's text (clean.c) and the years and dates
 * a text mentions.  Russian, Kyrgyz, English month names, ISO 8601 and
 * numeric day-month-year forms; see dates.h for the forms and the rules.
 *
 * scan_at() recognises one date expression at a token start and reports
 * how long it is and what it gives (level 0 for a well-formed but invalid
 * date, so that «31.02.2020» is rejected rather than read as a year).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"

enum { MODE_FIELD, MODE_TEXT };

typedef struct dmatch {
    int level;   /* 0 invalid, 1 year, 2 year-month, 3 full date */
    int y, m, d;
    int y0;      /* first year of a range «2014-2016 годы», else 0 */
    size_t len;  /* bytes of the expression; 0: no date expression here */
    size_t at;   /* where it starts (each_date()) */
} dmatch;

/* ---- validation ----------------------------------------------------------- */

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

int izde__date_level(int y, int m, int d)
{
    if (y < 1900 || y > 2100)
        return 0;
    if (!m)
        return d ? 0 : 1;
    if (m < 1 || m > 12)
        return 0;
    if (!d)
        return 2;
    return d >= 1 && d <= days_in_month(y, m) ? 3 : 0;
}

char *izde__format_date(int y, int m, int d)
{
    char buf[32];
    if (d)
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    else if (m)
        snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    else
        snprintf(buf, sizeof buf, "%04d", y);
    return strdup(buf);
}

/* ---- bytes, letters and words -------------------------------------------- */

static int is_digit(const char *s, size_t n, size_t i)
{
    return i < n && s[i] >= '0' && s[i] <= '9';
}

static int is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Bytes of the letter at s[i] (ASCII or a 2-byte Cyrillic one), else 0. */
static size_t letter_len(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return 0;
    unsigned char c = (unsigned char)s[i];
    if (is_alpha(c))
        return 1;
    if (c >= 0xd0 && c <= 0xd4 && i + 1 < n && ((unsigned char)s[i + 1] & 0xc0) == 0x80)
        return 2;
    return 0;
}

/* Bytes of the blank at s[i] (space, tab, no-break or thin space), else 0. */
static size_t blank_len(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return 0;
    const unsigned char *u = (const unsigned char *)s + i;
    if (u[0] == ' ' || u[0] == '\t')
        return 1;
    if (u[0] == 0xc2 && i + 1 < n && u[1] == 0xa0)
        return 2;
    if (u[0] == 0xe2 && i + 2 < n && u[1] == 0x80 && (u[2] == 0xaf || u[2] == 0x89))
        return 3;
    return 0;
}

static size_t skip_blanks(const char *s, size_t n, size_t i)
{
    size_t b;
    while ((b = blank_len(s, n, i)) > 0)
        i += b;
    return i;
}

/* Bytes of a dash at s[i]: '-', en dash, em dash; else 0. */
static size_t dash_len(const char *s, size_t n, size_t i)
{
    if (i < n && s[i] == '-')
        return 1;
    if (i + 2 < n && (unsigned char)s[i] == 0xe2 && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
        return 3;
    return 0;
}

/* The word at s[i], lower-cased into w (cut to its size); returns its bytes. */
static size_t word_at(const char *s, size_t n, size_t i, char *w, size_t wsz)
{
    size_t j = i, o = 0, l;
    while ((l = letter_len(s, n, j)) > 0) {
        unsigned char c0 = (unsigned char)s[j], c1 = l == 2 ? (unsigned char)s[j + 1] : 0;
        if (l == 1) {
            c0 = (unsigned char)(c0 >= 'A' && c0 <= 'Z' ? c0 + 32 : c0);
        } else if (c0 == 0xd0 && c1 >= 0x90 && c1 <= 0x9f) {
            c1 += 0x20;
        } else if (c0 == 0xd0 && c1 >= 0xa0 && c1 <= 0xaf) {
            c0 = 0xd1;
            c1 -= 0x20;
        } else if (c0 == 0xd0 && c1 >= 0x80 && c1 <= 0x8f) { /* Ё and the like */
            c0 = 0xd1;
            c1 += 0x10;
        } else if ((c0 == 0xd2 && c1 >= 0x8a) || (c0 == 0xd3 && c1 >= 0x90)) {
            c1 |= 1; /* Ң Ү Ө ...: upper case is the even code point */
        }
        if (o + l < wsz) {
            w[o++] = (char)c0;
            if (l == 2)
                w[o++] = (char)c1;
        }
        j += l;
    }
    if (wsz)
        w[o] = '\0';
    return j - i;
}

/* Digits at s[i] (at most 8 counted) and their value. */
static size_t digits_at(const char *s, size_t n, size_t i, int *val)
{
    size_t k = 0;
    int v = 0;
    while (is_digit(s, n, i + k) && k < 8) {
        v = v * 10 + (s[i + k] - '0');
        k++;
    }
    if (is_digit(s, n, i + k))
        k++; /* longer than anything we read: report it as such */
    *val = v;
    return k;
}

/* s[i] may start a date: not inside a word or a number («1.18.04.2017»,
 * «+7 2017...»). */
static int token_start(const char *s, size_t i)
{
    if (i == 0)
        return 1;
    unsigned char p = (unsigned char)s[i - 1];
    if (is_alpha(p) || (p >= '0' && p <= '9'))
        return 0;
    if (p >= 0x80) {
        size_t k = i - 1;
        while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80)
            k--;
        unsigned char lead = (unsigned char)s[k];
        return !(lead >= 0xd0 && lead <= 0xd4);
    }
    if (p == '+')
        return 0;
    if (strchr(".,/:-", p) && i >= 2 && s[i - 2] >= '0' && s[i - 2] <= '9')
        return 0;
    return 1;
}

/* A numeric date in a text right after ')', '+' or a number is a phone
 * number or a code: «+7 (727) 2017-11-22», «0312 12.04.2017». */
static int after_number(const char *s, size_t i)
{
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
        i--;
    return i > 0 && (s[i - 1] == ')' || s[i - 1] == '+' || (s[i - 1] >= '0' && s[i - 1] <= '9'));
}

/* What follows a date may not continue it: no letter, digit, «-5», «.5». */
static int ends_ok(const char *s, size_t n, size_t e)
{
    if (e >= n)
        return 1;
    if (is_digit(s, n, e) || letter_len(s, n, e))
        return 0;
    if ((s[e] == '-' || s[e] == '.' || s[e] == '/') && is_digit(s, n, e + 1))
        return 0;
    return 1;
}

/* ---- month names and year words ------------------------------------------ */

/* Month stems; Russian endings after the stem, and Kyrgyz case endings
 * (after the stem or a soft sign) starting with one of ky_first. */
static const struct {
    const char *stem;
    int hard; /* март, август: endings "", а, е; else ь, я, е */
} months[12] = {{"январ", 0},  {"феврал", 0}, {"март", 1},    {"апрел", 0},
                {"май", 2},    {"июн", 0},    {"июл", 0},     {"август", 1},
                {"сентябр", 0}, {"октябр", 0}, {"ноябр", 0},  {"декабр", 0}};

static const char *const ky_first[] = {"д", "т", "ы", "и", "у", "ү", "г", "к", "н", NULL};

static const char *const en_months[12] = {"january", "february", "march",     "april",
                                          "may",     "june",     "july",      "august",
                                          "september", "october", "november", "december"};

/* 1-12 for a lower-cased month word (any of its Russian or Kyrgyz forms,
 * English name or abbreviation), else 0. */
static int month_of(const char *w)
{
    if (strcmp(w, "мая") == 0 || strcmp(w, "мае") == 0)
        return 5;
    for (int m = 0; m < 12; m++) {
        if (months[m].stem[0] != w[0] || months[m].stem[1] != w[1])
            continue; /* every stem has two bytes or more */
        size_t sl = strlen(months[m].stem);
        if (strncmp(w, months[m].stem, sl) != 0)
            continue;
        const char *r = w + sl;
        if (months[m].hard == 2) {
            if (!*r)
                return m + 1;
        } else if (months[m].hard == 1) {
            if (!*r || strcmp(r, "а") == 0 || strcmp(r, "е") == 0)
                return m + 1;
        } else if (strcmp(r, "ь") == 0 || strcmp(r, "я") == 0 || strcmp(r, "е") == 0) {
            return m + 1;
        }
        if (strncmp(r, "ь", 2) == 0)
            r += 2;
        if (!*r || strlen(r) > 14)
            continue;
        for (const char *const *k = ky_first; *k; k++)
            if (strncmp(r, *k, strlen(*k)) == 0)
                return m + 1;
    }
    size_t wl = strlen(w);
    for (int m = 0; m < 12; m++) {
        if (strcmp(w, en_months[m]) == 0 || (wl == 3 && strncmp(w, en_months[m], 3) == 0))
            return m + 1;
        if (m == 8 && strcmp(w, "sept") == 0)
            return 9;
    }
    return 0;
}

static int ru_year_word(const char *w)
{
    static const char *const words[] = {"год",   "года", "году", "годом", "годе", "годы",
                                        "годах", "годов", "годам", "гг",  "г",    NULL};
    for (const char *const *p = words; *p; p++)
        if (strcmp(w, *p) == 0)
            return 1;
    return 0;
}

/* жыл, жылы, жылдын, жылда, жылга, жылдар... but not жылкы (horse),
 * жылан (snake). */
static int ky_year_word(const char *w)
{
    if (strncmp(w, "жыл", 6) != 0)
        return 0;
    const char *r = w + 6;
    return !*r || strncmp(r, "ы", 2) == 0 || strncmp(r, "д", 2) == 0 || strncmp(r, "г", 2) == 0;
}

/* Bytes of a year word after a year ending at s[i]: «-жылдын», «-ж.»,
 * « жылы», « года», «-м году», « г.», « гг.»; 0 if none, and for a
 * decade («1990-е годы», «1980-х годах»). */
static size_t year_word(const char *s, size_t n, size_t i)
{
    char w[64];
    size_t j = i, wl;
    int decade = 0;
    if (j < n && s[j] == '-') {
        wl = word_at(s, n, j + 1, w, sizeof w);
        if (wl && ky_year_word(w))
            return j + 1 + wl - i;
        if (wl && strcmp(w, "ж") == 0 && j + 1 + wl < n && s[j + 1 + wl] == '.')
            return j + 2 + wl - i;
        static const char *const ends[] = {"м", "го", "й", "х", "е", "ом", "ый", "ым", NULL};
        int ok = 0;
        for (const char *const *e = ends; wl && *e; e++)
            ok |= strcmp(w, *e) == 0;
        if (!ok)
            return 0;
        /* «1990-е годы», «в 1980-х годах»: a decade, not a year */
        decade = strcmp(w, "е") == 0 || strcmp(w, "х") == 0;
        j += 1 + wl;
    }
    size_t k = skip_blanks(s, n, j);
    if (k == j)
        return 0;
    wl = word_at(s, n, k, w, sizeof w);
    if (!wl)
        return 0;
    if (ru_year_word(w)) {
        if (decade && (strcmp(w, "годы") == 0 || strcmp(w, "годах") == 0 ||
                       strcmp(w, "годов") == 0 || strcmp(w, "годам") == 0 ||
                       strcmp(w, "гг") == 0))
            return 0;
        size_t e = k + wl;
        if ((strcmp(w, "г") == 0 || strcmp(w, "гг") == 0) && e < n && s[e] == '.')
            e++;
        return e - i;
    }
    if (j == i && ky_year_word(w))
        return k + wl - i;
    return 0;
}

/* «28-апрелинде», «5 декабря», «28 апрель»: day and month at s[i]; the
 * end offset, or 0. */
static size_t day_month(const char *s, size_t n, size_t i, int *d, int *m)
{
    size_t k = digits_at(s, n, i, d);
    if (k < 1 || k > 2)
        return 0;
    size_t j = i + k;
    if (j < n && s[j] == '-')
        j++;
    else if (skip_blanks(s, n, j) > j)
        j = skip_blanks(s, n, j);
    else
        return 0;
    char w[64];
    size_t wl = word_at(s, n, j, w, sizeof w);
    if (!wl || !(*m = month_of(w)))
        return 0;
    return j + wl;
}

/* Record a match of the given form (level it should give); a zero month
 * or day where the form has one makes it invalid. */
static int set(dmatch *r, int form, int y, int m, int d, size_t len)
{
    r->y = y;
    r->m = m;
    r->d = d;
    r->level = izde__date_level(y, m, d);
    if (r->level != form)
        r->level = 0;
    r->len = len;
    return 1;
}

/* The date expression at s[i] (a token start); 1 and *r if there is one.
 * bare_year: a lone four-digit number counts (a field that is only a year).
 * Kept whole (about 110 lines): a decision tree over the first characters
 * (four digits, one or two digits, a month word), each branch one date
 * form, so the forms and their order of trial are seen together. */
static int scan_at(const char *s, size_t n, size_t i, int mode, int bare_year, dmatch *r)
{
    memset(r, 0, sizeof *r);
    int v;
    if (is_digit(s, n, i)) {
        size_t k = digits_at(s, n, i, &v), j = i + k;
        if (k == 4) {
            int y = v, m, d;
            /* ISO: 2017-04-18[T10:30], 2017-04 (fields only) */
            if (j < n && s[j] == '-' && is_digit(s, n, j + 1)) {
                if (mode == MODE_TEXT && after_number(s, i))
                    return 0;
                size_t k2 = digits_at(s, n, j + 1, &m), e = j + 1 + k2;
                if (k2 == 1 || k2 == 2) {
                    if (e < n && s[e] == '-' && is_digit(s, n, e + 1)) {
                        size_t k3 = digits_at(s, n, e + 1, &d), e3 = e + 1 + k3;
                        if (k3 > 2)
                            return 0;
                        if (e3 < n && s[e3] == 'T' && is_digit(s, n, e3 + 1))
                            return set(r, 3, y, m, d, e3 - i);
                        return ends_ok(s, n, e3) ? set(r, 3, y, m, d, e3 - i) : 0;
                    }
                    if (mode == MODE_FIELD && k2 == 2 && ends_ok(s, n, e))
                        return set(r, 2, y, m, 0, e - i);
                    return 0;
                }
            }
            /* a range of years: «2014-2016 годы», «2014–2016 гг.» */
            size_t dl = dash_len(s, n, j);
            int y2;
            if (dl && digits_at(s, n, j + dl, &y2) == 4) {
                size_t yw = year_word(s, n, j + dl + 4);
                if (yw) {
                    set(r, 1, y2, 0, 0, j + dl + 4 + yw - i);
                    if (!izde__date_level(y, 0, 0) || y >= y2)
                        r->level = 0;
                    else
                        r->y0 = y;
                    return 1;
                }
            }
            size_t yw = year_word(s, n, j);
            if (yw) {
                size_t e = j + yw, b = skip_blanks(s, n, e), e2;
                char w[64];
                if (b > e && (e2 = day_month(s, n, b, &d, &m)) > 0)
                    return set(r, 3, y, m, d, e2 - i); /* 2021-жылдын 28-апрелинде */
                size_t wl = b > e ? word_at(s, n, b, w, sizeof w) : 0;
                if (wl && (m = month_of(w)) > 0)
                    return set(r, 2, y, m, 0, b + wl - i); /* 2021-жылдын апрель айында */
                return set(r, 1, y, 0, 0, e - i);
            }
            if (bare_year && skip_blanks(s, n, j) == n)
                return set(r, 1, y, 0, 0, j - i);
            return 0;
        }
        if (k == 1 || k == 2) {
            int d = v, m, y;
            /* 18.04.2017, 18/04/2017 */
            if (j < n && (s[j] == '.' || s[j] == '/')) {
                char sep = s[j];
                if (mode == MODE_TEXT && after_number(s, i))
                    return 0;
                size_t k2 = digits_at(s, n, j + 1, &m), e = j + 1 + k2;
                if ((k2 == 1 || k2 == 2) && e < n && s[e] == sep &&
                    digits_at(s, n, e + 1, &y) == 4 && ends_ok(s, n, e + 5))
                    return set(r, 3, y, m, d, e + 5 - i);
                return 0;
            }
            /* 5 декабря 2021 [года], 28-апрель 2021[-жылы] */
            size_t e = day_month(s, n, i, &d, &m);
            if (!e)
                return 0;
            size_t b = skip_blanks(s, n, e);
            if (b == e || digits_at(s, n, b, &y) != 4)
                return 0; /* no year: not a date we can place */
            size_t e2 = b + 4, yw = year_word(s, n, e2);
            if (!yw && !ends_ok(s, n, e2))
                return 0;
            return set(r, 3, y, m, d, e2 + yw - i);
        }
        return 0;
    }
    /* декабрь 2021, в декабре 2021 года, April 18, 2017, Apr 2017 */
    char w[64];
    size_t wl = word_at(s, n, i, w, sizeof w);
    int m, y, d;
    if (!wl || !(m = month_of(w)))
        return 0;
    size_t b = skip_blanks(s, n, i + wl);
    if (b == i + wl)
        return 0;
    size_t k = digits_at(s, n, b, &v);
    if (k == 4) {
        y = v;
        size_t yw = year_word(s, n, b + 4);
        if (!yw && !ends_ok(s, n, b + 4))
            return 0;
        return set(r, 2, y, m, 0, b + 4 + yw - i);
    }
    if (k == 1 || k == 2) {
        d = v;
        size_t e = b + k;
        if (e < n && s[e] == ',')
            e++;
        size_t b2 = skip_blanks(s, n, e);
        if (b2 > e && digits_at(s, n, b2, &y) == 4 && ends_ok(s, n, b2 + 4))
            return set(r, 3, y, m, d, b2 + 4 - i);
    }
    return 0;
}

/* Calls fn for each date expression in s[0..n) (valid or not) until it
 * returns nonzero; returns that value or 0. */
typedef int (*visit_fn)(const dmatch *r, void *payload);

static int each_date(const char *s, size_t n, int mode, size_t first, visit_fn fn, void *payload)
{
    for (size_t i = 0; i < n;) {
        dmatch r;
        if ((is_digit(s, n, i) || letter_len(s, n, i)) && token_start(s, i) &&
            scan_at(s, n, i, mode, mode == MODE_FIELD && i == first, &r)) {
            r.at = i;
            int rc = fn(&r, payload);
            if (rc)
                return rc;
            i += r.len ? r.len : 1;
        } else {
            i++;
        }
    }
    return 0;
}

/* ---- a line that is only a date -------------------------------------------- */

/* Words a dateline may hold beside its date: weekdays (Russian, Kyrgyz,
 * English, in full or cut), «в» before a time, time zones. */
static int dateline_word(const char *w)
{
    static const char *const words[] = {
        "понедельник", "вторник", "среда", "среду", "четверг", "пятница", "пятницу", "суббота",
        "субботу", "воскресенье", "пн", "вт", "ср", "чт", "пт", "сб", "вс", "дүйшөмбү",
        "шейшемби", "шаршемби", "бейшемби", "жума", "ишемби", "жекшемби", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu",
        "fri", "sat", "sun", "в", "саат", "at", "мск", "msk", "utc", "gmt", "am", "pm", NULL};
    for (const char *const *p = words; *p; p++)
        if (strcmp(w, *p) == 0)
            return 1;
    return 0;
}

/* Bytes of a time «10:15», «9:05:30» at s[i], else 0. */
static size_t time_at(const char *s, size_t n, size_t i)
{
    int v;
    size_t k = digits_at(s, n, i, &v);
    if (k < 1 || k > 2 || v > 23 || i + k >= n || s[i + k] != ':')
        return 0;
    size_t e = i + k + 1;
    for (int part = 0; part < 2; part++) {
        int mm;
        if (digits_at(s, n, e, &mm) != 2 || mm > 59)
            return part ? e - 1 - i : 0;
        e += 2;
        if (e >= n || s[e] != ':' || !is_digit(s, n, e + 1))
            break;
        e++;
    }
    return is_digit(s, n, e) ? 0 : e - i;
}

/* Bytes of a place before a dateline's date: one to three capitalised
 * words and a comma («АЛМАТЫ,», «Бишкек,», «Нижний Новгород,»), else 0. */
static size_t place_at(const char *s, size_t n)
{
    size_t i = 0;
    for (int words = 1; words <= 3; words++) {
        unsigned char c0 = (unsigned char)s[i], c1 = i + 1 < n ? (unsigned char)s[i + 1] : 0;
        int upper = (c0 >= 'A' && c0 <= 'Z') || (c0 == 0xd0 && (c1 == 0x81 || (c1 >= 0x90 && c1 <= 0xaf))) ||
                    (c0 == 0xd2 && (c1 == 0xa2 || c1 == 0xae)) || (c0 == 0xd3 && c1 == 0xa8);
        char w[64];
        size_t wl = upper ? word_at(s, n, i, w, sizeof w) : 0;
        if (!wl || month_of(w) || dateline_word(w))
            return 0;
        i += wl;
        if (i < n && s[i] == '-' && letter_len(s, n, i + 1))
            i += 1 + word_at(s, n, i + 1, w, sizeof w);
        if (i < n && s[i] == ',')
            return i + 1;
        size_t b = skip_blanks(s, n, i);
        if (b == i)
            return 0;
        i = b;
    }
    return 0;
}

/* Does the date expression s[i..e) hold a word other than a month name
 * («года», «-жылдын»)? */
static int has_year_word(const char *s, size_t i, size_t e)
{
    char w[64];
    while (i < e) {
        size_t wl = word_at(s, e, i, w, sizeof w);
        if (wl && !month_of(w))
            return 1;
        i += wl ? wl : 1;
    }
    return 0;
}

int izde__date_line(const char *s, size_t n, izde_dateline *out)
{
    memset(out, 0, sizeof *out);
    size_t i = skip_blanks(s, n, 0), p = place_at(s + i, n - i);
    out->place = p > 0;
    i += p;
    int dates = 0;
    while (i < n) {
        size_t b = blank_len(s, n, i), dl = dash_len(s, n, i), t;
        if (b || dl || strchr(",.|()/:•", s[i])) {
            i += b ? b : dl ? dl : 1;
            continue;
        }
        dmatch r;
        if (token_start(s, i) && scan_at(s, n, i, MODE_TEXT, 0, &r) && r.len) {
            if (r.level != 3 || dates++)
                return 0;
            out->y = r.y, out->m = r.m, out->d = r.d;
            out->numeric = 1;
            for (size_t k = i; k < i + r.len; k++)
                out->numeric &= !letter_len(s, n, k);
            out->prose = has_year_word(s, i, i + r.len);
            i += r.len;
        } else if ((t = time_at(s, n, i)) > 0) {
            out->time = 1;
            i += t;
        } else {
            char w[64];
            size_t wl = word_at(s, n, i, w, sizeof w);
            if (!wl || !dateline_word(w))
                return 0;
            i += wl;
        }
    }
    return dates == 1;
}

/* A lead's dateline: the place, one full date, perhaps a time, then a
 * dash or an agency in slashes and the lead's text («МОСКВА, 16 января
 * 2024 — …», «АЛМАТЫ, 15.09.2021, 12:30 /Казинформ/ …»).  The place is
 * required: without it a first sentence that starts with a date tells of
 * an event. */
int izde__lead_dateline(const char *s, size_t n, izde_dateline *out)
{
    memset(out, 0, sizeof *out);
    size_t i = skip_blanks(s, n, 0), p = place_at(s + i, n - i);
    if (!p)
        return 0;
    out->place = 1;
    i = skip_blanks(s, n, i + p);
    dmatch r;
    if (!token_start(s, i) || !scan_at(s, n, i, MODE_TEXT, 0, &r) || r.level != 3)
        return 0;
    out->y = r.y, out->m = r.m, out->d = r.d;
    out->prose = has_year_word(s, i, i + r.len);
    i = skip_blanks(s, n, i + r.len);
    if (i < n && s[i] == ',')
        i = skip_blanks(s, n, i + 1);
    size_t t = time_at(s, n, i);
    if (t) {
        out->time = 1;
        i = skip_blanks(s, n, i + t);
    }
    size_t d = dash_len(s, n, i);
    if (d)
        i += d;
    else if (i < n && s[i] == '/' && memchr(s + i + 1, '/', n - i - 1))
        i = (size_t)((const char *)memchr(s + i + 1, '/', n - i - 1) - s) + 1;
    else
        return 0;
    return skip_blanks(s, n, i) < n;
}

/* ---- a date in a file name ------------------------------------------------- */

/* The date at name[i] (a run of digits starting there), its day and
 * month in two digits: «2024-01-16», «2024_01_16», «2024.01.16»,
 * «20240116», «16.01.2024», «16-01-2024»; its level 3, else 0. */
static int name_date_at(const char *s, size_t n, size_t i, int *y, int *m, int *d)
{
    int a, b, c;
    size_t k = digits_at(s, n, i, &a), e;
    if (k == 8) {
        *y = a / 10000, *m = a / 100 % 100, *d = a % 100;
        return izde__date_level(*y, *m, *d) == 3 ? 3 : 0;
    }
    if ((k != 4 && k != 2) || i + k >= n || !strchr("-_.", s[i + k]))
        return 0;
    char sep = s[i + k];
    size_t k2 = digits_at(s, n, i + k + 1, &b);
    e = i + k + 1 + k2;
    if (k2 != 2 || e >= n || s[e] != sep)
        return 0;
    size_t k3 = digits_at(s, n, e + 1, &c);
    if (k == 4 && k3 == 2)
        *y = a, *m = b, *d = c;
    else if (k == 2 && k3 == 4)
        *y = c, *m = b, *d = a;
    else
        return 0;
    return izde__date_level(*y, *m, *d) == 3 ? 3 : 0;
}

int izde__filename_date(const char *path, int *y, int *m, int *d)
{
    const char *name = strrchr(path, '/');
    name = name ? name + 1 : path;
    size_t n = strlen(name);
    for (size_t i = 0; i < n; i++)
        if (is_digit(name, n, i) && (i == 0 || !is_digit(name, n, i - 1)) &&
            name_date_at(name, n, i, y, m, d))
            return 3;
    return 0;
}

/* ---- the API -------------------------------------------------------------- */

typedef struct found {
    int min_level;
    dmatch r;
} found;

static int take_first(const dmatch *r, void *payload)
{
    found *f = payload;
    if (f->min_level == 0) { /* a field: the first expression decides */
        f->r = *r;
        return 1;
    }
    if (r->level >= f->min_level) {
        f->r = *r;
        return 1;
    }
    return 0;
}

static int report(const found *f, int *y, int *m, int *d)
{
    if (f->r.level <= 0)
        return 0;
    if (y)
        *y = f->r.y;
    if (m)
        *m = f->r.m;
    if (d)
        *d = f->r.d;
    return f->r.level;
}

int izde__parse_date(const char *s, size_t n, int *y, int *m, int *d)
{
    if (!s)
        return 0;
    found f = {0};
    each_date(s, n, MODE_FIELD, skip_blanks(s, n, 0), take_first, &f);
    return report(&f, y, m, d);
}

int izde__find_date(const char *s, size_t n, int min_level, int *y, int *m, int *d)
{
    if (!s)
        return 0;
    found f = {min_level < 1 ? 1 : min_level, {0}};
    each_date(s, n, MODE_TEXT, 0, take_first, &f);
    return report(&f, y, m, d);
}

int izde__date_is_invalid(const char *s)
{
    if (!s)
        return 0;
    size_t n = strlen(s);
    if (skip_blanks(s, n, 0) == n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return izde__parse_date(s, n, NULL, NULL, NULL) == 0;
    return 0;
}

typedef struct strv {
    char **v;
    size_t n, cap;
    int oom;
} strv;

static void strv_add(strv *sv, int y, int m, int d)
{
    char *t = izde__format_date(y, m, d);
    if (!t) {
        sv->oom = 1;
        return;
    }
    for (size_t i = 0; i < sv->n; i++)
        if (strcmp(sv->v[i], t) == 0) {
            free(t);
            return;
        }
    if (sv->n == sv->cap) {
        size_t cap = sv->cap ? sv->cap * 2 : 8;
        char **v = realloc(sv->v, cap * sizeof *v);
        if (!v) {
            free(t);
            sv->oom = 1;
            return;
        }
        sv->v = v;
        sv->cap = cap;
    }
    sv->v[sv->n++] = t;
}

/* ---- birth dates ------------------------------------------------------------ */

/* Is w a word that makes a date next to it a birth date?  before: it
 * stands before the date («родился», «рождения», «род.»), else after it
 * («рождения», «г. р.», «туулган», «төрөлгөн»). */
static int birth_word(const char *w, int before)
{
    if (strncmp(w, "родил", 10) == 0 || strncmp(w, "рожден", 12) == 0)
        return 1;
    if (before)
        return strcmp(w, "род") == 0;
    return strcmp(w, "р") == 0 || strncmp(w, "туул", 8) == 0 || strncmp(w, "төрөл", 10) == 0;
}

/* Is s[i-1] the end of a clause: «.» (but after «род», «г»), «!», «?»,
 * «,», «;», a new line? */
static int clause_end_before(const char *s, size_t i)
{
    char c = s[i - 1];
    if (c == '.')
        return !(i >= 7 && memcmp(s + i - 7, "род", 6) == 0) &&
               !(i >= 3 && memcmp(s + i - 3, "г", 2) == 0);
    return c == '!' || c == '?' || c == '\n' || c == ',' || c == ';';
}

/* A birth word among the 4 words before s[at], in its clause? */
static int birth_before(const char *s, size_t n, size_t at)
{
    char w[64];
    size_t i = at;
    for (int words = 0; words < 4 && i > 0 && !clause_end_before(s, i);) {
        size_t k = i - 1;
        while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80)
            k--;
        if (!letter_len(s, n, k)) {
            i = k;
            continue;
        }
        size_t st = k;
        while (st > 0) {
            size_t p = st - 1;
            while (p > 0 && ((unsigned char)s[p] & 0xc0) == 0x80)
                p--;
            if (!letter_len(s, n, p))
                break;
            st = p;
        }
        word_at(s, n, st, w, sizeof w);
        if (birth_word(w, 1))
            return 1;
        words++;
        i = st;
    }
    return 0;
}

/* A birth word among the 2 words after s[end] («г.» not counted), in
 * its clause? */
static int birth_after(const char *s, size_t n, size_t end)
{
    char w[64];
    size_t i = end;
    for (int words = 0; words < 2 && i < n;) {
        if (s[i] == '!' || s[i] == '?' || s[i] == '\n' || s[i] == ',' || s[i] == ';' ||
            (s[i] == '.' && words > 1))
            return 0;
        size_t wl = word_at(s, n, i, w, sizeof w);
        if (!wl) {
            i++;
            continue;
        }
        if (birth_word(w, 0))
            return 1;
        words += strcmp(w, "г") != 0;
        i += wl;
    }
    return 0;
}

/* A birth date: «родился в Оше 5 мая 1960 года», «1960 года рождения»,
 * «1960-жылы туулган», «(1960 г. р.)». */
static int is_birth(const char *s, size_t n, size_t at, size_t end)
{
    return birth_before(s, n, at) || birth_after(s, n, end);
}

typedef struct collecting {
    strv *sv;
    const char *s;
    size_t n;
    int born; /* collect the birth dates (1) or the others (0) */
} collecting;

static int collect(const dmatch *r, void *payload)
{
    collecting *c = payload;
    strv *sv = c->sv;
    if (r->level <= 0 || is_birth(c->s, c->n, r->at, r->at + r->len) != c->born)
        return 0;
    if (r->y0)
        strv_add(sv, r->y0, 0, 0);
    strv_add(sv, r->y, r->m, r->d);
    return sv->oom;
}

static int mentions(const char *text, size_t len, int born, char ***out, size_t *n)
{
    strv sv = {0};
    collecting c = {&sv, text, len, born};
    *out = NULL;
    *n = 0;
    if (text)
        each_date(text, len, MODE_TEXT, 0, collect, &c);
    if (sv.oom) {
        izde__strv_free(sv.v, sv.n);
        return -1;
    }
    *out = sv.v;
    *n = sv.n;
    return 0;
}

int izde__mentioned_dates(const char *text, size_t len, char ***out, size_t *n)
{
    return mentions(text, len, 0, out, n);
}

int izde__birth_dates(const char *text, size_t len, char ***out, size_t *n)
{
    return mentions(text, len, 1, out, n);
}

int izde__date_after(const char *date, const char *ref)
{
    size_t a = strlen(date), b = strlen(ref);
    return strncmp(date, ref, a < b ? a : b) > 0;
}

void izde__strv_free(char **v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        free(v[i]);
    free(v);
}

/* Days from 1970-01-01 to a proleptic Gregorian date (negative before). */
long izde__days_from_civil(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}
