/*
 * stem.c - stemmer dispatch by language (stem.h, izde.h).
 *
 * Each language is one entry of `backends`: an open/stem/close triple.
 * "ru" is Snowball's Russian stemmer (libstemmer, UTF-8) with one
 * correction; "ky" is izde's own Kyrgyz stemmer (stem_ky.c).  Both take a
 * word as written: Russian words are lower-cased here (ASCII and
 * Cyrillic, ё→е) when they need it; the Kyrgyz stemmer wants the original
 * case for its acronym rules.  Words without a letter (numbers such as
 * "28000" or "2.2") never reach a backend and come back unchanged, as the
 * caller's own pointer.
 */
#include "stem.h"
#include "izde.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "stem_ky.h"


typedef struct stem_backend stem_backend;

struct izde_stemmer {
    const stem_backend *be;  /* the language's backend */
    struct sb_stemmer *sb;   /* Snowball state (Snowball backends) */
    izde_ky_stemmer *ky;     /* Kyrgyz state (the "ky" backend) */
    char *out;               /* stems izde rewrites after Snowball */
    size_t out_cap;          /* bytes allocated in out */
    char *low;               /* the word lower-cased, for Snowball */
    size_t low_cap;          /* bytes allocated in low */
};

struct stem_backend {
    const char *lang;        /* language code, as given to izde_stemmer_new() */
    const char *algorithm;   /* Snowball algorithm name, or NULL */
    /* Set up s (s->be is set); IZDE_OK or IZDE_ENOMEM. */
    int (*open)(izde_stemmer *s);
    /* Stem one word that has a letter; NULL only on out-of-memory. */
    const char *(*stem)(izde_stemmer *s, const char *word, size_t len, size_t *out_len);
    void (*close)(izde_stemmer *s);
};

/* ------------------------------------------------------------------------ */
/* Snowball                                                                 */

static int snowball_open(izde_stemmer *s)
{
    /* The algorithm is compiled in, so NULL here can only be out-of-memory. */
    s->sb = sb_stemmer_new(s->be->algorithm, NULL);
    return s->sb ? IZDE_OK : IZDE_ENOMEM;
}

static const char *snowball_stem(izde_stemmer *s, const char *word, size_t len, size_t *out_len)
{
    const sb_symbol *r;

    if (len > INT_MAX) {        /* not a word; leave it be */
        *out_len = len;
        return word;
    }
    r = sb_stemmer_stem(s->sb, (const sb_symbol *)word, (int)len);
    if (!r)
        return NULL;
    *out_len = (size_t)sb_stemmer_length(s->sb);
    return (const char *)r;
}

static void snowball_close(izde_stemmer *s)
{
    sb_stemmer_delete(s->sb);
    s->sb = NULL;
    free(s->out);
    s->out = NULL;
    free(s->low);
    s->low = NULL;
}

/* ------------------------------------------------------------------------ */
/* Kyrgyz                                                                   */

static int kyrgyz_open(izde_stemmer *s)
{
    s->ky = izde_ky_stemmer_new(0);
    return s->ky ? IZDE_OK : IZDE_ENOMEM;
}

/* Kyrgyz stems, with ё written е as the analyzer writes every term. */
static const char *kyrgyz_stem(izde_stemmer *s, const char *word, size_t len, size_t *out_len)
{
    const char *r = izde_ky_stemmer_stem(s->ky, word, len);
    if (!r)
        return NULL;
    size_t n = izde_ky_stemmer_length(s->ky);
    *out_len = n;
    const char *yo = NULL;
    for (size_t i = 0; i + 1 < n && !yo; i++)
        if ((unsigned char)r[i] == 0xd1 && (unsigned char)r[i + 1] == 0x91)
            yo = r + i;
    if (!yo)
        return r;
    if (s->out_cap < n + 1) {
        char *p = realloc(s->out, n + 1);
        if (!p)
            return NULL;
        s->out = p;
        s->out_cap = n + 1;
    }
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)r[i] == 0xd1 && i + 1 < n && (unsigned char)r[i + 1] == 0x91) {
            s->out[i] = (char)0xd0, s->out[i + 1] = (char)0xb5, i++;
        } else {
            s->out[i] = r[i];
        }
    }
    s->out[n] = '\0';
    return s->out;
}

static void kyrgyz_close(izde_stemmer *s)
{
    izde_ky_stemmer_delete(s->ky);
    s->ky = NULL;
    free(s->out);
    s->out = NULL;
}

/*
 * Russian: Snowball, then one correction.  Snowball reads a final "-н" /
 * "-на" / "-ны" / "-но" after "а" or "я" as a verb ending, so nouns in
 * "-ан"/"-ян" lose their "н" in some cases only: "казахстан",
 * "казахстана" -> "казахста" but "казахстане", "казахстану" ->
 * "казахстан"; likewise Кыргызстан, Иран, Пашинян, стакан.  Those are the
 * names analysts search for most, so when the stem ends in "а"/"я" and
 * the word goes on with "н", the "н" is kept: every case form of such a
 * noun then shares one stem.  The cost: short passive participles
 * ("сделан", "сделано") no longer share the stem of their verb ("сделала").
 */
/* Does the word need lower-casing (ASCII or Cyrillic capitals, ё)? */
static int needs_lowering(const unsigned char *w, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (w[i] >= 'A' && w[i] <= 'Z')
            return 1;
        if (w[i] == 0xd0 && i + 1 < len && w[i + 1] >= 0x80 && w[i + 1] <= 0xaf)
            return 1; /* Ѐ-Я */
        if (w[i] == 0xd1 && i + 1 < len && w[i + 1] == 0x91)
            return 1; /* ё */
    }
    return 0;
}

/* Lower-case ASCII and Cyrillic capitals and map ё/Ё to е into s->low. */
static const char *lower_ru(izde_stemmer *s, const unsigned char *w, size_t len)
{
    if (s->low_cap < len + 1) {
        char *p = realloc(s->low, len + 1);
        if (!p)
            return NULL;
        s->low = p;
        s->low_cap = len + 1;
    }
    unsigned char *o = (unsigned char *)s->low;
    for (size_t i = 0; i < len; i++) {
        unsigned c = w[i], d = i + 1 < len ? w[i + 1] : 0;
        if (c >= 'A' && c <= 'Z') {
            o[i] = (unsigned char)(c + 32);
        } else if (c == 0xd0 && d == 0x81) { /* Ё -> е */
            o[i] = 0xd0, o[++i] = 0xb5;
        } else if (c == 0xd1 && d == 0x91) { /* ё -> е */
            o[i] = 0xd0, o[++i] = 0xb5;
        } else if (c == 0xd0 && d >= 0x90 && d <= 0x9f) { /* А-П */
            o[i] = 0xd0, o[++i] = (unsigned char)(d + 0x20);
        } else if (c == 0xd0 && d >= 0xa0 && d <= 0xaf) { /* Р-Я */
            o[i] = 0xd1, o[++i] = (unsigned char)(d - 0x20);
        } else if (c == 0xd0 && d >= 0x80 && d <= 0x8f) { /* Ѐ-Џ */
            o[i] = 0xd1, o[++i] = (unsigned char)(d + 0x10);
        } else {
            o[i] = (unsigned char)c;
        }
    }
    s->low[len] = '\0';
    return s->low;
}

static const char *russian_stem(izde_stemmer *s, const char *word, size_t len, size_t *out_len)
{
    size_t n = 0;
    if (izde__is_acronym(word, len)) {
        /* МВД, ИИМ: Snowball would cut them as words (ИИМ -> "и") */
        const char *low = lower_ru(s, (const unsigned char *)word, len);
        *out_len = len;
        return low;
    }
    if (needs_lowering((const unsigned char *)word, len)) {
        word = lower_ru(s, (const unsigned char *)word, len);
        if (!word)
            return NULL;
    }
    const char *r = snowball_stem(s, word, len, &n);
    *out_len = n;
    if (!r || n < 2 || n + 2 > len)
        return r;
    int ends_a = (unsigned char)r[n - 2] == 0xd0 && (unsigned char)r[n - 1] == 0xb0; /* а */
    int ends_ya = (unsigned char)r[n - 2] == 0xd1 && (unsigned char)r[n - 1] == 0x8f; /* я */
    if (!(ends_a || ends_ya) || memcmp(word, r, n) != 0 ||
        (unsigned char)word[n] != 0xd0 || (unsigned char)word[n + 1] != 0xbd) /* н */
        return r;
    if (s->out_cap < n + 3) {
        char *p = realloc(s->out, n + 3);
        if (!p)
            return NULL;
        s->out = p;
        s->out_cap = n + 3;
    }
    memcpy(s->out, word, n + 2);
    s->out[n + 2] = '\0';
    *out_len = n + 2;
    return s->out;
}

static const stem_backend backends[] = {
    { "ru", "russian", snowball_open, russian_stem, snowball_close },
    { "ky", NULL, kyrgyz_open, kyrgyz_stem, kyrgyz_close },
};

/* ------------------------------------------------------------------------ */

/* Does word[0..len) have a letter?  Any non-ASCII byte counts as one: the
 * analyzer's NUMBER terms are ASCII. */
static int has_letter(const char *word, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)word[i];
        if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
            return 1;
    }
    return 0;
}

int izde_stemmer_new(izde_stemmer **out, const char *lang)
{
    const stem_backend *be = NULL;
    izde_stemmer *s;
    size_t i;
    int rc;

    if (!out)
        return IZDE_EINVAL;
    *out = NULL;
    if (!lang)
        return IZDE_EINVAL;
    for (i = 0; i < sizeof backends / sizeof backends[0]; i++)
        if (strcmp(backends[i].lang, lang) == 0)
            be = &backends[i];
    if (!be)
        return IZDE_EINVAL;

    s = calloc(1, sizeof *s);
    if (!s)
        return IZDE_ENOMEM;
    s->be = be;
    rc = be->open(s);
    if (rc != IZDE_OK) {
        free(s);
        return rc;
    }
    *out = s;
    return IZDE_OK;
}

void izde_stemmer_free(izde_stemmer *s)
{
    if (!s)
        return;
    s->be->close(s);
    free(s);
}

const char *izde_stemmer_stem(izde_stemmer *s, const char *word, size_t len, size_t *out_len)
{
    if (!has_letter(word, len)) {
        *out_len = len;
        return word;
    }
    return s->be->stem(s, word, len, out_len);
}

int izde__is_acronym(const char *w, size_t n)
{
    const unsigned char *s = (const unsigned char *)w;
    size_t caps = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = s[i], d = i + 1 < n ? s[i + 1] : 0;
        if (c >= 'a' && c <= 'z')
            return 0;
        if (c >= 'A' && c <= 'Z') {
            caps++;
        } else if (c == 0xd0 && d >= 0x80 && d <= 0xaf) {
            caps++, i++;
        } else if (c == 0xd0 || c == 0xd1) {
            return 0; /* a small Cyrillic letter */
        } else if ((c == 0xd2 || c == 0xd3) && d >= 0x80 && d <= 0xbf) {
            if (d % 2)
                return 0; /* odd code points are the small letters here */
            caps++, i++;
        }
    }
    return caps >= 2 && caps <= 5;
}
