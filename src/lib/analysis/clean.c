/*
 * clean.c - separate an article from the site chrome scraped with it, and
 * read its title, source and date from the text when the record does not
 * give them.
 *
 * Chrome is found by general rules on lines, never by a list of strings:
 *  - lines without a letter (times "16:49", counters "0", rules);
 *  - short lines (four words or fewer) that do not end a sentence: menu
 *    items, buttons, section names ("Версия сайта"), and a short question
 *    right before a button ("Ваша реакция?" / "Нравится");
 *  - "Label: ..." lines that do not end a sentence: captions, credits,
 *    "read also" links, "original article" links;
 *  - lines repeated within the article that do not end a sentence
 *    (photo captions), and repeats of the title;
 *  - lines seen in three or more earlier articles of the same source in
 *    this run (see izde__chrome_seen()).
 * A line that ends a sentence (. ! … or a question of two words or more)
 * is never chrome, so cleaning cannot drop a sentence of the article.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "izde.h"
#include "util.h"
#include "article.h"
#include "clean.h"
#include "hash.h"

typedef struct line {
    const char *s;       /* first non-blank byte */
    size_t n;            /* bytes, trailing blanks excluded */
    int words;           /* whitespace-separated tokens holding a letter */
    int sentence;        /* ends a sentence */
    int question;        /* ends with '?' */
    int chrome;          /* dropped from the clean text */
} line;

/* Is the UTF-8 sequence at s a letter?  ASCII letters, and every
 * non-ASCII letter-ish lead byte of Latin-1 to Cyrillic (0xc3-0xd4). */
static int is_letter_at(const unsigned char *s)
{
    return isalpha(s[0]) || (s[0] >= 0xc3 && s[0] <= 0xd4);
}

static int is_blank_at(const unsigned char *s, size_t n, size_t *len)
{
    if (s[0] == ' ' || s[0] == '\t' || s[0] == '\r') {
        *len = 1;
        return 1;
    }
    if (n >= 2 && s[0] == 0xc2 && s[1] == 0xa0) { /* no-break space */
        *len = 2;
        return 1;
    }
    if (n >= 3 && s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0xaf || s[2] == 0x89 || s[2] == 0x8b)) {
        *len = 3; /* narrow no-break, thin, zero-width space */
        return 1;
    }
    return 0;
}

static void measure(line *l, const char *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    size_t b = 1;
    while (n && is_blank_at(s, n, &b))
        s += b, n -= b;
    /* trailing blanks: ASCII and no-break space */
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' ||
                 (n >= 2 && s[n - 2] == 0xc2 && s[n - 1] == 0xa0)))
        n -= (s[n - 1] == 0xa0) ? 2 : 1;
    l->s = (const char *)s;
    l->n = n;
    l->words = 0;
    int in_tok = 0, has_letter = 0;
    for (size_t i = 0; i <= n; i++) {
        int blank = i == n || is_blank_at(s + i, n - i, &b);
        if (blank) {
            if (in_tok && has_letter)
                l->words++;
            in_tok = has_letter = 0;
            if (i < n)
                i += b - 1;
        } else {
            in_tok = 1;
            if (is_letter_at(s + i))
                has_letter = 1;
        }
    }
    /* the last character, closing quotes and brackets skipped */
    size_t e = n;
    for (;;) {
        if (e >= 1 && strchr("\"')", s[e - 1]) && s[e - 1] != '\0') {
            e--;
        } else if (e >= 2 && s[e - 2] == 0xc2 && s[e - 1] == 0xbb) { /* » */
            e -= 2;
        } else if (e >= 3 && s[e - 3] == 0xe2 && s[e - 2] == 0x80 &&
                   (s[e - 1] == 0x9d || s[e - 1] == 0x99)) { /* ” ’ */
            e -= 3;
        } else {
            break;
        }
    }
    int end_dot = e >= 1 && (s[e - 1] == '.' || s[e - 1] == '!');
    int end_ellipsis = e >= 3 && s[e - 3] == 0xe2 && s[e - 2] == 0x80 && s[e - 1] == 0xa6;
    int end_question = e >= 1 && s[e - 1] == '?';
    l->sentence = l->words > 0 && (end_dot || end_ellipsis || (end_question && l->words >= 2));
    l->question = end_question && !end_dot;
    l->chrome = 0;
}

/* "Label: rest" with a label of one or two words starting with a capital
 * or a letter, and something after the colon. */
static int is_label_line(const line *l)
{
    const char *colon = memchr(l->s, ':', l->n);
    if (!colon || colon == l->s || (size_t)(colon - l->s) + 1 >= l->n)
        return 0;
    int words = 1;
    for (const char *p = l->s; p < colon; p++) {
        if (*p == ' ')
            words++;
        if (*p == '.' || *p == ',' || *p == '"')
            return 0;
    }
    if (colon[1] != ' ' && strncmp(colon + 1, "//", 2) != 0)
        return 0;
    return words <= 2;
}

static int same_line(const line *a, const line *b)
{
    return a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
}

/* ---- cross-article repetition -------------------------------------------- */

#define SEEN_BITS 16
#define SEEN_SLOTS (1u << SEEN_BITS)

/* Lines of short to middling length seen per source during this run:
 * an open-addressing table of (hash of source + line) -> articles count.
 * Collisions only make a line look more common; the table is small. */
struct izde_seen {
    uint64_t key[SEEN_SLOTS];
    uint16_t count[SEEN_SLOTS];
};

static uint16_t *seen_slot(izde_seen *t, uint64_t key)
{
    if (key == 0)
        key = 1;
    for (uint32_t i = (uint32_t)(key >> 40) & (SEEN_SLOTS - 1), probes = 0; probes < 64;
         i = (i + 1) & (SEEN_SLOTS - 1), probes++) {
        if (t->key[i] == key)
            return &t->count[i];
        if (t->key[i] == 0) {
            t->key[i] = key;
            return &t->count[i];
        }
    }
    return NULL; /* full neighbourhood: forget this line */
}

izde_seen *izde__seen_new(void)
{
    return calloc(1, sizeof(izde_seen));
}

void izde__seen_free(izde_seen *t)
{
    free(t);
}

/* ---- title, source, date --------------------------------------------------- */

/* Length of the first sentence of s[0..n). */
static size_t first_sentence(const char *s, size_t n)
{
    for (size_t i = 1; i + 1 < n; i++) {
        if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ') {
            if (i >= 2 && s[i - 2] == ' ' && s[i] == '.')
                continue; /* an initial: "Н. Кикимов" */
            if (isdigit((unsigned char)s[i - 1]) && s[i] == '.')
                continue;
            return i + 1;
        }
    }
    return n;
}

static char *dup_cut(const char *s, size_t n, size_t max)
{
    size_t c = izde__cut_utf8(s, n, max);
    return izde__dup_ellipsis(s, c, c < n);
}

/* A domain-like word at s ("Vecher.kz", "24.kg", "NewTimes.kz"): its
 * length, or 0. */
static size_t domain_len(const char *s, size_t n)
{
    size_t i = 0, dots = 0, last_dot = 0;
    while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '-' || s[i] == '.')) {
        if (s[i] == '.') {
            dots++;
            last_dot = i;
        }
        i++;
    }
    while (i > 0 && s[i - 1] == '.')
        i--, dots--;
    if (!dots || last_dot + 3 > i)
        return 0;
    for (size_t k = last_dot + 1; k < i; k++)
        if (!isalpha((unsigned char)s[k]))
            return 0;
    return i;
}

static char *lower_dup(const char *s, size_t n)
{
    char *t = malloc(n + 1);
    if (!t)
        return NULL;
    for (size_t i = 0; i < n; i++)
        t[i] = (char)tolower((unsigned char)s[i]);
    t[n] = '\0';
    return t;
}

static const char *find_in(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    const char *p = s, *end = s + n;
    while ((size_t)(end - p) >= k && (p = memchr(p, needle[0], (size_t)(end - p) - k + 1))) {
        if (memcmp(p, needle, k) == 0)
            return p;
        p++;
    }
    return NULL;
}

/* Attribution in the text, most specific first. */
static char *find_source(const line *lines, size_t nl)
{
    static const char *const link_labels[] = {"Оригинал статьи:", "Источник:", "Булак:", NULL};
    static const char *const verbs[] = {"передает корреспондент ", "передает ", "сообщает ",
                                        "пишет ", "передаёт ", NULL};
    for (size_t i = 0; i < nl; i++)
        for (const char *const *lab = link_labels; *lab; lab++)
            if (lines[i].n > strlen(*lab) && memcmp(lines[i].s, *lab, strlen(*lab)) == 0) {
                const char *url = find_in(lines[i].s, lines[i].n, "http");
                if (url) {
                    char *u = lower_dup(url, lines[i].n - (size_t)(url - lines[i].s));
                    char *host = izde__url_host(u);
                    free(u);
                    if (host)
                        return host;
                }
            }
    for (size_t i = 0; i < nl; i++) {
        const line *l = &lines[i];
        for (const char *const *v = verbs; *v; v++) {
            const char *at = find_in(l->s, l->n, *v);
            if (!at)
                continue;
            const char *d = at + strlen(*v);
            size_t dl = domain_len(d, l->n - (size_t)(d - l->s));
            if (dl)
                return lower_dup(d, dl);
        }
        /* ИА «NewTimes.kz», агентство «24.kg» */
        const char *ia = find_in(l->s, l->n, "ИА \xc2\xab");
        if (ia) {
            const char *d = ia + strlen("ИА \xc2\xab");
            size_t dl = domain_len(d, l->n - (size_t)(d - l->s));
            if (dl)
                return lower_dup(d, dl);
        }
        /* Kyrgyz: "24.kg агенттигине" (told the 24.kg agency) */
        for (const char *p = l->s; p < l->s + l->n; p++) {
            size_t dl = (p == l->s || p[-1] == ' ') ? domain_len(p, l->n - (size_t)(p - l->s)) : 0;
            if (dl && find_in(p + dl, l->n - (size_t)(p + dl - l->s), " агенттиги") == p + dl)
                return lower_dup(p, dl);
        }
    }
    /* a press-service signature line: "ИИМдин Басма сөз кызматы" */
    for (size_t i = nl; i-- > 0;)
        if (lines[i].words <= 6 && !lines[i].sentence &&
            (find_in(lines[i].s, lines[i].n, "сөз кызматы") ||
             find_in(lines[i].s, lines[i].n, "Пресс-служба")))
            return dup_cut(lines[i].s, lines[i].n, 120);
    return NULL;
}

/* A full date in s[0..n) (dates.c: «18.04.2017», «2021-09-15»,
 * «5 декабря 2017», «2021-жылдын 28-апрелинде», «28-апрель 2021»). */
static char *date_in(const char *s, size_t n)
{
    int y, m, d;
    return izde__find_date(s, n, 3, &y, &m, &d) == 3 ? izde__format_date(y, m, d) : NULL;
}

/* "Опубликовано: <date>" (on the line or the next non-empty one), else a
 * date on one of the first lines that are not sentences (a dateline). */
static char *find_date(const line *lines, size_t nl)
{
    static const char *const labels[] = {"Опубликовано", "Дата публикации", "Жарыяланды", NULL};
    for (size_t i = 0; i < nl; i++)
        for (const char *const *lab = labels; *lab; lab++)
            if (lines[i].n >= strlen(*lab) && memcmp(lines[i].s, *lab, strlen(*lab)) == 0) {
                char *d = date_in(lines[i].s, lines[i].n);
                for (size_t j = i + 1; !d && j < nl && j <= i + 2; j++)
                    if (lines[j].n)
                        d = date_in(lines[j].s, lines[j].n);
                if (d)
                    return d;
            }
    for (size_t i = 0, seen = 0; i < nl && seen < 8; i++) {
        if (!lines[i].n)
            continue;
        seen++;
        if (!lines[i].sentence && lines[i].words <= 8) {
            char *d = date_in(lines[i].s, lines[i].n);
            if (d)
                return d;
        }
    }
    return NULL;
}

/* ---- the whole article ---------------------------------------------------- */

void izde__clean_free(izde_clean *c)
{
    free(c->text);
    free(c->title);
    free(c->source);
    free(c->date);
    memset(c, 0, sizeof *c);
}

/* The lines of text[0..len), measured; NULL when out of memory. */
static line *split_lines(const char *text, size_t len, size_t *nl_out)
{
    size_t cap = 16, nl = 0;
    line *lines = malloc(cap * sizeof *lines);
    if (!lines)
        return NULL;
    for (const char *p = text, *end = text + len; p < end;) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        size_t n = e ? (size_t)(e - p) : (size_t)(end - p);
        if (nl == cap) {
            line *nlines = realloc(lines, (cap *= 2) * sizeof *lines);
            if (!nlines) {
                free(lines);
                return NULL;
            }
            lines = nlines;
        }
        measure(&lines[nl++], p, n);
        p = e ? e + 1 : end;
    }
    *nl_out = nl;
    return lines;
}

/* Mark the chrome lines: short lines and labels that end no sentence, the
 * title again, lines repeated in the article or seen in three articles of
 * the source (src_hash); a short question before a button ("Ваша
 * реакция?" then "Нравится") is a widget, not a sentence.  The title line
 * (title_at) is never chrome. */
static void mark_chrome(line *lines, size_t nl, size_t title_at, izde_seen *seen,
                        uint64_t src_hash)
{
    for (size_t i = 0; i < nl; i++) {
        line *l = &lines[i];
        if (!l->question || l->words > 4)
            continue;
        size_t j = i + 1;
        while (j < nl && lines[j].n == 0)
            j++;
        if (j < nl && !lines[j].sentence && lines[j].words <= 1)
            l->sentence = 0;
    }
    for (size_t i = 0; i < nl; i++) {
        line *l = &lines[i];
        if (l->n == 0 || i == title_at || l->sentence)
            continue;
        if (l->words == 0 || l->words <= 4 || is_label_line(l)) {
            l->chrome = 1;
            continue;
        }
        if (title_at < nl && i > title_at && l->n >= lines[title_at].n &&
            memcmp(l->s, lines[title_at].s, lines[title_at].n) == 0) {
            l->chrome = 1; /* the title again, perhaps with a rubric after it */
            continue;
        }
        for (size_t j = 0; j < nl; j++)
            if (j != i && same_line(l, &lines[j])) {
                l->chrome = 1;
                break;
            }
        if (!l->chrome && seen && l->n < 400) {
            uint16_t *c = seen_slot(seen, izde__hash(src_hash, l->s, l->n));
            if (c && *c >= 3)
                l->chrome = 1;
        }
    }
}

/* Count this article's lines (each once) for the next ones of the source. */
static void count_seen(const line *lines, size_t nl, izde_seen *seen, uint64_t src_hash)
{
    for (size_t i = 0; i < nl; i++) {
        if (!lines[i].n || lines[i].n >= 400 || lines[i].sentence)
            continue;
        int dup = 0;
        for (size_t j = 0; j < i && !dup; j++)
            dup = same_line(&lines[i], &lines[j]);
        uint16_t *c = dup ? NULL : seen_slot(seen, izde__hash(src_hash, lines[i].s, lines[i].n));
        if (c && *c < UINT16_MAX)
            (*c)++;
    }
}

/* The lines that are not chrome, joined by '\n', into out->text. */
static void join_kept(const line *lines, size_t nl, izde_clean *out)
{
    izde_buf b = {0};
    for (size_t i = 0; i < nl; i++) {
        if (lines[i].n == 0 || lines[i].chrome)
            continue;
        if (b.len)
            izde__buf_putc(&b, '\n');
        izde__buf_append(&b, lines[i].s, lines[i].n);
    }
    if (b.oom || !b.data) {
        izde__buf_free(&b);
        if (!b.oom) {
            out->text = calloc(1, 1);
            out->len = 0;
        }
    } else {
        out->text = b.data;
        out->len = b.len;
    }
}

int izde__clean_article(izde_clean *out, const char *text, size_t len, izde_seen *seen,
                        const char *source_key)
{
    memset(out, 0, sizeof *out);
    size_t nl = 0;
    line *lines = split_lines(text, len, &nl);
    if (!lines)
        return IZDE_ENOMEM;
    /* the title: the first line of five words or more; never chrome */
    size_t title_at = nl;
    for (size_t i = 0; i < nl && title_at == nl; i++)
        if (lines[i].words >= 5)
            title_at = i;
    uint64_t src_hash = izde__hash(IZDE_HASH_SEED_V1, source_key ? source_key : "",
                                   source_key ? strlen(source_key) : 0);
    mark_chrome(lines, nl, title_at, source_key ? seen : NULL, src_hash);
    if (seen && source_key)
        count_seen(lines, nl, seen, src_hash);
    join_kept(lines, nl, out);
    if (title_at < nl) {
        const line *t = &lines[title_at];
        /* a paragraph is no title: use its first sentence */
        size_t n = t->words > 25 ? first_sentence(t->s, t->n) : t->n;
        out->title = dup_cut(t->s, n, 400);
    }
    out->source = find_source(lines, nl);
    out->date = find_date(lines, nl);
    free(lines);
    return out->text ? IZDE_OK : IZDE_ENOMEM;
}
