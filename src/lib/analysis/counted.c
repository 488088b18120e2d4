/*
 * counted.c - what a figure counts: the unit a word names, in Russian or
 * Kyrgyz and in any case form, and the key and label of a counted noun
 * (counted.h).
 *
 * Units are named by short standard symbols where one exists, else by
 * their Russian dictionary form: "%", "кг", "г", "т", "км", "м", "см",
 * "мм", "га", "л", "сом", "тенге", "рубль", "доллар", "евро", "гривна",
 * "юань", "сум", "манат", "фунт", "м²", "м³", "км²" and "доза".  "г"
 * alone is not read as grams: it is the year («2019 г.»).
 */
#include "counted.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "izde.h"
#include "stem_ky.h"

typedef struct unit_def {
    const char *name;      /* the unit's name */
    int currency;          /* 1: money (no counted noun follows it) */
    const char *abbr[5];   /* written forms that never inflect */
    const char *ru[3];     /* Russian base forms (and irregular forms) */
    const char *ky[3];     /* Kyrgyz base forms, as the Kyrgyz stemmer leaves them */
} unit_def;

static const unit_def UNITS[] = {
    {"%", 0, {"%", "проц"}, {"процент"}, {"пайыз", "процент"}},
    {"кг", 0, {"кг", "кило"}, {"килограмм"}, {"килограмм", "килограм"}},
    {"г", 0, {"гр"}, {"грамм"}, {"грамм", "грам"}},
    {"т", 0, {"т", "тн"}, {"тонна"}, {"тонна"}},
    {"км", 0, {"км"}, {"километр"}, {"километр", "чакырым"}},
    {"м", 0, {"м"}, {"метр"}, {"метр"}},
    {"см", 0, {"см"}, {"сантиметр"}, {"сантиметр"}},
    {"мм", 0, {"мм"}, {"миллиметр"}, {"миллиметр"}},
    {"га", 0, {"га"}, {"гектар"}, {"гектар"}},
    {"л", 0, {"л"}, {"литр"}, {"литр"}},
    {"доза", 0, {NULL}, {"доза"}, {"доза"}},
    {"сом", 1, {NULL}, {"сом"}, {"сом"}},
    {"тенге", 1, {"тенге"}, {NULL}, {"тенге", "теңге"}},
    {"рубль", 1, {"руб", "\xe2\x82\xbd"}, {"рубль"}, {"рубль", "рубл"}},
    {"доллар", 1, {"долл", "$"}, {"доллар"}, {"доллар"}},
    {"евро", 1, {"евро", "\xe2\x82\xac"}, {NULL}, {"евро"}},
    {"гривна", 1, {"грн"}, {"гривна", "гривен"}, {"гривна"}},
    {"юань", 1, {NULL}, {"юань"}, {"юань", "юан"}},
    {"сум", 1, {NULL}, {"сум"}, {"сум"}},
    {"манат", 1, {NULL}, {"манат"}, {"манат"}},
    {"фунт", 1, {"\xc2\xa3"}, {"фунт"}, {"фунт"}},
    {"м\xc2\xb2", 0, {"м\xc2\xb2", "м2"}, {NULL}, {NULL}},
    {"м\xc2\xb3", 0, {"м\xc2\xb3", "м3"}, {"кубометр"}, {"кубометр"}},
    {"км\xc2\xb2", 0, {"км\xc2\xb2", "км2"}, {NULL}, {NULL}},
};
#define NUNITS (sizeof UNITS / sizeof UNITS[0])

/* What may follow the part a Russian word shares with its base form. */
static const char *const RU_ENDINGS[] = {"",   "а",  "я",  "у",   "ю",   "ом", "ем", "ой",
                                         "ей", "ою", "ею", "е",   "и",   "ы",  "ов", "ев",
                                         "ам", "ям", "ами", "ями", "ах", "ях", "ь",  NULL};
/* A loanword's final vowel: in a Kyrgyz stem, not in the Russian one.
 * Two letters go when three stay (Россия, Индия); one when four stay:
 * Kyrgyz words of four letters end in a vowel too (кара, пара, буга). */
static const char *const LOAN_TAILS[] = {"ия", "ья", "ие", "ея", "а", "я", "и", "й", "ь", NULL};
/* Masculine endings after which a Russian stem is the nominative. */
static const char *const RU_MASC[] = {"ов", "ом", NULL};
/* What a nominative adds to a Russian stem. */
static const char *const RU_NOM[] = {"а", "я", "о", "е", "ь", "й", "ие", "ия", "ья", NULL};

struct izde_counted {
    izde_stemmer *ru, *ky;
    izde_ky_stemmer *kyd;      /* Kyrgyz, derivations too: «сомдук» is сом */
    char *ru_stem[NUNITS][3];  /* Russian stems of the Russian base forms */
    int ready, failed;
};

izde_counted *izde__counted_new(void)
{
    return calloc(1, sizeof(izde_counted));
}

void izde__counted_free(izde_counted *c)
{
    if (!c)
        return;
    for (size_t u = 0; u < NUNITS; u++)
        for (int k = 0; k < 3; k++)
            free(c->ru_stem[u][k]);
    izde_stemmer_free(c->ru);
    izde_stemmer_free(c->ky);
    izde_ky_stemmer_delete(c->kyd);
    free(c);
}

static char *dupn(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = 0;
    }
    return d;
}

/* The stemmers and the base forms' stems, once; 0 when out of memory. */
static int ready(izde_counted *c)
{
    if (c->ready || c->failed)
        return c->ready;
    c->failed = 1;
    if (izde_stemmer_new(&c->ru, "ru") != IZDE_OK || izde_stemmer_new(&c->ky, "ky") != IZDE_OK ||
        !(c->kyd = izde_ky_stemmer_new(IZDE_KY_DERIV)))
        return 0;
    for (size_t u = 0; u < NUNITS; u++)
        for (int k = 0; k < 3 && UNITS[u].ru[k]; k++) {
            size_t n;
            const char *s = izde_stemmer_stem(c->ru, UNITS[u].ru[k], strlen(UNITS[u].ru[k]), &n);
            if (!s || !(c->ru_stem[u][k] = dupn(s, n)))
                return 0;
        }
    c->failed = 0;
    return c->ready = 1;
}

static int in_list(const char *s, size_t n, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && memcmp(list[i], s, n) == 0)
            return 1;
    return 0;
}

static int equals(const char *a, size_t n, const char *b)
{
    return b && strlen(b) == n && memcmp(a, b, n) == 0;
}

/* Bytes `a` and the base form `b` share, whole letters only. */
static size_t common_prefix(const char *a, size_t n, const char *b)
{
    size_t i = 0, whole = 0;
    while (i < n && b[i] && a[i] == b[i]) {
        i++;
        if (i == n || !b[i] || ((unsigned char)a[i] & 0xC0) != 0x80)
            whole = i;
    }
    return whole;
}

/* A Russian form of unit u: its stem is a base form's, and what follows
 * some of the letters it shares with that base form (the stem's at
 * least) is a noun ending: «тонн|ами», «гривн|ами», not «метр|о». */
static int ru_form(izde_counted *c, size_t u, const char *w, size_t n, const char *stem,
                   size_t sn)
{
    for (int k = 0; k < 3 && UNITS[u].ru[k]; k++) {
        if (!equals(stem, sn, c->ru_stem[u][k]))
            continue;
        for (size_t p = common_prefix(w, n, UNITS[u].ru[k]); p >= sn && p > 0; p--)
            if (((unsigned char)w[p] & 0xC0) != 0x80 && in_list(w + p, n - p, RU_ENDINGS))
                return 1;
    }
    return 0;
}

static const char *found(size_t u, int bare, int *currency, int *barep)
{
    if (currency)
        *currency = UNITS[u].currency;
    if (barep)
        *barep = bare;
    return UNITS[u].name;
}

const char *izde__counted_unit(izde_counted *c, const char *w, size_t n, int *currency,
                               int *bare)
{
    for (size_t u = 0; u < NUNITS; u++) {
        const unit_def *d = &UNITS[u];
        for (int k = 0; k < 5 && d->abbr[k]; k++)
            if (equals(w, n, d->abbr[k]))
                return found(u, 1, currency, bare);
        for (int k = 0; k < 3; k++)
            if (equals(w, n, d->ru[k]) || equals(w, n, d->ky[k]))
                return found(u, 1, currency, bare);
    }
    if (n < 2 || !ready(c))
        return NULL;
    size_t rn, kn;
    const char *rs = izde_stemmer_stem(c->ru, w, n, &rn);
    char *r = rs ? dupn(rs, rn) : NULL;
    const char *ks = r ? izde_ky_stemmer_stem(c->kyd, w, n) : NULL;
    kn = ks ? izde_ky_stemmer_length(c->kyd) : 0;
    const char *hit = NULL;
    for (size_t u = 0; ks && !hit && u < NUNITS; u++) {
        int ky = 0;
        for (int k = 0; k < 3; k++)
            ky |= equals(ks, kn, UNITS[u].ky[k]);
        if (ky || ru_form(c, u, w, n, r, rn))
            hit = found(u, 0, currency, bare);
    }
    free(r);
    return hit;
}

/* Lower-case UTF-8 (ICU's simple case mapping); NULL when out of memory. */
static char *lower(const char *w, size_t n)
{
    char *out = malloc(n * 2 + 1);
    if (!out)
        return NULL;
    size_t i = 0, o = 0;
    while (i < n) {
        UChar32 ch;
        U8_NEXT(w, i, n, ch);
        if (ch < 0)
            continue;
        UBool err = 0;
        U8_APPEND(out, o, n * 2, u_tolower(ch), err);
        if (err)
            break;
    }
    out[o] = 0;
    return out;
}

/* Letters (code points) in n bytes of UTF-8. */
static size_t letters(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* A Kyrgyz stem without a loanword's final vowel (LOAN_TAILS). */
static size_t loan_strip(const char *s, size_t n)
{
    for (size_t i = 0; LOAN_TAILS[i]; i++) {
        size_t t = strlen(LOAN_TAILS[i]);
        if (n > t && memcmp(s + n - t, LOAN_TAILS[i], t) == 0)
            return letters(s, n - t) >= (t > 2 ? 3u : 4u) ? n - t : n;
    }
    return n;
}

char *izde__counted_key(izde_counted *c, const char *word, size_t n, int ky)
{
    char *lw = lower(word, n);
    if (!lw)
        return NULL;
    const char *unit = izde__counted_unit(c, lw, strlen(lw), NULL, NULL);
    free(lw);
    if (unit)
        return dupn(unit, strlen(unit));
    if (!ready(c))
        return NULL;
    size_t sn;
    const char *s = izde_stemmer_stem(ky ? c->ky : c->ru, word, n, &sn);
    if (!s)
        return NULL;
    return dupn(s, ky ? loan_strip(s, sn) : sn);
}

/* The first `k` letters of s, in bytes. */
static size_t letter_bytes(const char *s, size_t k)
{
    size_t i = 0;
    for (; s[i] && k; k--) {
        i++;
        while (((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

/* Whether the letter ending at byte `at` of s is not one of `vowels`. */
static int consonant_at(const char *s, size_t n, size_t at, const char *vowels)
{
    if (at < 2 || at > n)
        return 0;
    char c[3] = {s[at - 2], s[at - 1], 0};
    return strstr(vowels, c) == NULL;
}

/* Whether the stem s is a masculine nominative: it ends in a consonant
 * (not й), but not in a consonant (й too) and к or ц, where the nominative has a
 * vowel the other forms drop («бросков» бросок, «бойцов» боец) or is
 * neuter («очков» очко). */
static int hard_end(const char *s, size_t n)
{
    if (!consonant_at(s, n, n, "аеёиоуыэюяйьъөүі"))
        return 0;
    int kc = n >= 2 && (memcmp(s + n - 2, "к", 2) == 0 || memcmp(s + n - 2, "ц", 2) == 0);
    return !(kc && consonant_at(s, n, n - 2, "аеёиоуыэюяөүі"));
}

/* Russian: the word lower-cased, or its stem's letters («самолётов» ->
 * самолёт) when it is the stem with a masculine ending. */
static char *ru_label(izde_counted *c, char *lw)
{
    size_t sn, n = strlen(lw);
    const char *s = izde_stemmer_stem(c->ru, lw, n, &sn);
    if (!s) {
        free(lw);
        return NULL;
    }
    size_t cut = letter_bytes(lw, letters(s, sn));
    if (cut < n && in_list(lw + cut, n - cut, RU_MASC) && hard_end(s, sn))
        lw[cut] = 0;
    return lw;
}

char *izde__counted_label(izde_counted *c, const char *word, size_t n, int ky)
{
    char *lw = lower(word, n);
    if (!lw)
        return NULL;
    const char *unit = izde__counted_unit(c, lw, strlen(lw), NULL, NULL);
    if (unit) {
        free(lw);
        return dupn(unit, strlen(unit));
    }
    if (!ready(c)) {
        free(lw);
        return NULL;
    }
    if (!ky)
        return ru_label(c, lw);
    free(lw);
    size_t sn;
    const char *s = izde_stemmer_stem(c->ky, word, n, &sn);
    return s ? dupn(s, sn) : NULL;
}

/* s with ё read е equals key followed by one of `tails` (or nothing, when
 * tails is NULL). */
static int key_plus(const char *s, const char *key, const char *const *tails)
{
    char buf[256];
    size_t o = 0, kn = strlen(key);
    for (size_t i = 0; s[i]; i++) {
        if (o + 2 >= sizeof buf)
            return 0;
        if ((unsigned char)s[i] == 0xd1 && (unsigned char)s[i + 1] == 0x91) {
            buf[o++] = (char)0xd0, buf[o++] = (char)0xb5, i++;  /* ё -> е */
            continue;
        }
        buf[o++] = s[i];
    }
    buf[o] = 0;
    if (o < kn || memcmp(buf, key, kn) != 0)
        return 0;
    return tails ? in_list(buf + kn, o - kn, tails) : o == kn;
}

const char *izde__counted_group_label(const char *key, const char *const *labels,
                                      const unsigned *counts, size_t n)
{
    const char *best = NULL;
    int best_rank = -1;
    unsigned best_count = 0;
    for (size_t i = 0; i < n; i++) {
        const char *l = labels[i];
        int rank = key_plus(l, key, NULL) ? 2 : key_plus(l, key, RU_NOM) ? 1 : 0;
        if (rank > best_rank ||
            (rank == best_rank && (counts[i] > best_count ||
                                   (counts[i] == best_count && strlen(l) < strlen(best))))) {
            best = l;
            best_rank = rank;
            best_count = counts[i];
        }
    }
    return best;
}
