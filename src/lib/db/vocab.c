/*
 * vocab.c - the index's stems in memory, for spelling suggestions
 * (search/suggest.c): the Russian (Z) stems of three letters or more and
 * the Kyrgyz (ZK) stems of two or more that are written in the letters of
 * the two alphabets, with the number of articles holding each.  They are
 * read one first letter at a time, when a suggestion first needs that
 * letter (one walk over the terms with that prefix, which Xapian's remote
 * backend answers too: it has no spelling table), kept on the handle, and
 * dropped when the index's document count changes.  Letters are one-byte
 * codes (а..я 1..32, ң ө ү 33..35), so distances are computed on bytes.
 */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "izde-private.h"

/* ---- the alphabet ---------------------------------------------------------- */

int izde__vocab_encode(const char *s, size_t len, unsigned char *codes, size_t cap)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        if (i + 1 >= len || n >= cap || (u[i] & 0xe0) != 0xc0 || (u[i + 1] & 0xc0) != 0x80)
            return -1;
        unsigned cp = ((unsigned)(u[i] & 0x1f) << 6) | (u[i + 1] & 0x3f);
        i += 2;
        unsigned char c;
        if (cp >= 0x430 && cp <= 0x44f)
            c = (unsigned char)(cp - 0x430 + 1);
        else if (cp >= 0x410 && cp <= 0x42f)
            c = (unsigned char)(cp - 0x410 + 1);
        else if (cp == 0x451 || cp == 0x401) /* ё */
            c = 6;
        else if (cp == 0x4a3 || cp == 0x4a2)
            c = IZDE_VOCAB_NG;
        else if (cp == 0x4e9 || cp == 0x4e8)
            c = IZDE_VOCAB_OE;
        else if (cp == 0x4af || cp == 0x4ae)
            c = IZDE_VOCAB_UE;
        else
            return -1;
        codes[n++] = c;
    }
    return (int)n;
}

size_t izde__vocab_decode(const unsigned char *codes, size_t n, int upper, char *out)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = codes[i], cp;
        int up = upper == 2 || (upper == 1 && i == 0);
        if (c == IZDE_VOCAB_NG)
            cp = up ? 0x4a2 : 0x4a3;
        else if (c == IZDE_VOCAB_OE)
            cp = up ? 0x4e8 : 0x4e9;
        else if (c == IZDE_VOCAB_UE)
            cp = up ? 0x4ae : 0x4af;
        else
            cp = (up ? 0x410 : 0x430) + c - 1;
        out[w++] = (char)(0xc0 | (cp >> 6));
        out[w++] = (char)(0x80 | (cp & 0x3f));
    }
    out[w] = '\0';
    return w;
}

/* ---- one letter's stems ------------------------------------------------------- */

typedef struct loader {
    izde_vocab_bucket *b;
    size_t plen;            /* bytes of the prefix (Z or ZK) */
    int kyrgyz;
    size_t cap, ccap, clen; /* stems room; letter codes room, used */
    int oom;
} loader;

/* room for one more stem of `letters` letters */
static int room(loader *ld, size_t letters)
{
    izde_vocab_bucket *b = ld->b;
    if (b->n == ld->cap) {
        size_t cap = ld->cap ? ld->cap * 2 : 256;
        unsigned *off = realloc(b->off, cap * sizeof *off);
        if (off)
            b->off = off;
        unsigned *freq = realloc(b->freq, cap * sizeof *freq);
        if (freq)
            b->freq = freq;
        unsigned char *len = realloc(b->len, cap);
        if (len)
            b->len = len;
        unsigned long long *mask = realloc(b->mask, cap * sizeof *mask);
        if (mask)
            b->mask = mask;
        if (!off || !freq || !len || !mask)
            return -1;
        ld->cap = cap;
    }
    if (ld->clen + letters > ld->ccap) {
        size_t cap = ld->ccap ? ld->ccap * 2 : 4096;
        unsigned char *codes = realloc(b->codes, cap);
        if (!codes)
            return -1;
        b->codes = codes;
        ld->ccap = cap;
    }
    return 0;
}

static int on_term(void *ctx, const char *term, size_t len, unsigned freq)
{
    loader *ld = ctx;
    unsigned char codes[IZDE_VOCAB_MAX_LETTERS];
    int n = izde__vocab_encode(term + ld->plen, len - ld->plen, codes, sizeof codes);
    if (n < 3 - ld->kyrgyz)
        return 0; /* digits, hyphens, Latin, other alphabets; Russian stems of two
                   * letters are words such as до, на (Kyrgyz ones roots: иш, эл) */
    if (room(ld, (size_t)n)) {
        ld->oom = 1;
        return 1;
    }
    izde_vocab_bucket *b = ld->b;
    unsigned long long mask = 0;
    for (int i = 0; i < n; i++)
        mask |= 1ULL << codes[i];
    memcpy(b->codes + ld->clen, codes, (size_t)n);
    b->off[b->n] = (unsigned)ld->clen;
    b->len[b->n] = (unsigned char)n;
    b->freq[b->n] = freq;
    b->mask[b->n] = mask;
    b->n++;
    ld->clen += (size_t)n;
    return 0;
}

/* The table of stems by their letters: open addressing, a power of two
 * at least twice the stems; a slot holds id + 1, or 0. */
static int hash_all(izde_vocab_bucket *b)
{
    size_t n = 64;
    while (n < 2 * b->n)
        n *= 2;
    if (!(b->slots = calloc(n, sizeof *b->slots)))
        return -1;
    b->nslots = n;
    for (size_t i = 0; i < b->n; i++) {
        size_t h = (size_t)izde__hash(IZDE_HASH_SEED, b->codes + b->off[i], b->len[i]) & (n - 1);
        while (b->slots[h])
            h = (h + 1) & (n - 1);
        b->slots[h] = (unsigned)i + 1;
    }
    return 0;
}

long izde__vocab_find(const izde_vocab_bucket *b, const unsigned char *codes, size_t n)
{
    if (!b->nslots)
        return -1;
    size_t h = (size_t)izde__hash(IZDE_HASH_SEED, codes, n) & (b->nslots - 1);
    for (unsigned id; (id = b->slots[h]) != 0; h = (h + 1) & (b->nslots - 1))
        if (b->len[id - 1] == n && memcmp(b->codes + b->off[id - 1], codes, n) == 0)
            return (long)id - 1;
    return -1;
}

static void bucket_free(izde_vocab_bucket *b)
{
    free(b->codes);
    free(b->off);
    free(b->len);
    free(b->freq);
    free(b->mask);
    free(b->slots);
    memset(b, 0, sizeof *b);
}

void izde__vocab_free(izde_vocab *v)
{
    if (!v)
        return;
    for (int k = 0; k < 2; k++)
        for (int c = 0; c <= IZDE_VOCAB_CODES; c++)
            bucket_free(&v->b[k][c]);
    free(v);
}

/* ---- the handle's ------------------------------------------------------------- */

izde_vocab *izde__vocab_get(izde_db *db)
{
    unsigned n = 0;
    if (izx_db_doccount(db->x, &n) != IZX_OK)
        return NULL;
    if (db->vocab && db->vocab->doccount == n)
        return db->vocab;
    izde__vocab_free(db->vocab);
    izde_vocab *v = db->vocab = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->doccount = n;
    static const char *const lang_term[2] = {IZDE_PREFIX_LANG "ru", IZDE_PREFIX_LANG "ky"};
    for (int k = 0; k < 2; k++)
        if (izx_db_termfreq(db->x, lang_term[k], strlen(lang_term[k]), &v->docs[k]) != IZX_OK) {
            izde__vocab_free(v);
            return db->vocab = NULL;
        }
    return v;
}

const izde_vocab_bucket *izde__vocab_bucket(izde_db *db, izde_vocab *v, int kyrgyz,
                                            unsigned char first)
{
    if (first < 1 || first > IZDE_VOCAB_CODES)
        return NULL;
    izde_vocab_bucket *b = &v->b[kyrgyz][first];
    if (b->loaded)
        return b;
    char prefix[8];
    const char *p = kyrgyz ? IZDE_PREFIX_STEM_KY : IZDE_PREFIX_STEM_RU;
    size_t plen = strlen(p);
    memcpy(prefix, p, plen);
    izde__vocab_decode(&first, 1, 0, prefix + plen);
    loader ld = {.b = b, .plen = plen, .kyrgyz = kyrgyz};
    if (izx_db_allterms(db->x, prefix, on_term, &ld) != IZX_OK || ld.oom || hash_all(b)) {
        bucket_free(b);
        return NULL;
    }
    b->loaded = 1;
    return b;
}
