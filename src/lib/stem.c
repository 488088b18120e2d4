/*
 * stem.c - stemmer dispatch by language (stem.h).
 *
 * Each language is one entry of `backends`: an open/stem/close triple.
 * "ru" is Snowball's Russian stemmer (libstemmer, UTF-8); a Kyrgyz stemmer
 * is added as another entry.  Words without a letter (numbers such as
 * "28000" or "2.2") never reach a backend and come back unchanged, as the
 * caller's own pointer.
 */
#include "stem.h"
#include "izde.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

typedef struct stem_backend stem_backend;

struct izde_stemmer {
    const stem_backend *be;  /* the language's backend */
    struct sb_stemmer *sb;   /* Snowball state (Snowball backends) */
    char *out;               /* stems izde rewrites after Snowball */
    size_t out_cap;          /* bytes allocated in out */
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
static const char *russian_stem(izde_stemmer *s, const char *word, size_t len, size_t *out_len)
{
    size_t n = 0;
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
