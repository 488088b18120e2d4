/*
 * story.c - copies of one story (index/SCHEMA.md, "Stories").  Every
 * article gets a MinHash signature of its clean text: the word 3-shingles
 * of its normalised words (the analyzer's tokens: case-folded, ё→е,
 * punctuation and quotes gone), 60 minimums, one per permutation
 * izde__mix64(shingle ^ seed k).  MinHash rather than SimHash because the
 * share of equal minimums estimates the Jaccard similarity of the shingle
 * sets directly, so a threshold says "this share of the text is shared",
 * and banding it (20 bands of 3 minimums, each band one B term) finds the
 * candidates with Xapian's own postlists: two texts of Jaccard 0.5 share
 * a band with probability 1 - (1 - 0.5^3)^20 = 0.93, of 0.6 0.99, of 0.2
 * 0.15.  A candidate is a copy when its estimated Jaccard is at least
 * IZDE_STORY_SAME (measured: README, "Copies of one story"); a text of
 * fewer than IZDE_STORY_MIN_SHINGLES shingles is never one.
 *
 * An article joins the story of its earliest-indexed copy; with none it
 * starts its own, named by its id.  Existing articles never change story.
 * A parallel build assigns stories again after its merge, in the order a
 * single process reads the articles, so any -j gives the same stories.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "izde-private.h"
#include "hash.h"

/* ---- the signature ------------------------------------------------------- */

static uint64_t shingle_hash(const uint64_t *w, size_t n)
{
    uint64_t h = 0;
    for (size_t i = 0; i < n; i++)
        h = izde__mix64(h ^ w[i]);
    return h;
}

void izde__story_sig(const uint64_t *words, size_t n, izde_story_sig *sig)
{
    memset(sig, 0, sizeof *sig);
    for (unsigned k = 0; k < IZDE_STORY_HASHES; k++)
        sig->min[k] = UINT32_MAX;
    size_t w = n < IZDE_STORY_SHINGLE ? n : IZDE_STORY_SHINGLE;
    size_t count = n ? n - w + 1 : 0;
    sig->shingles = (uint32_t)count;
    for (size_t i = 0; i < count; i++) {
        uint64_t s = shingle_hash(words + i, w);
        for (unsigned k = 0; k < IZDE_STORY_HASHES; k++) {
            uint32_t v = (uint32_t)(izde__mix64(s ^ izde__mix64(k + 1)) >> 32);
            if (v < sig->min[k])
                sig->min[k] = v;
        }
    }
}

static void put32(unsigned char *p, uint32_t v)
{
    for (int b = 0; b < 4; b++)
        p[b] = (unsigned char)(v >> (8 * b));
}

static uint32_t get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

void izde__story_sig_pack(const izde_story_sig *sig, unsigned char out[IZDE_STORY_SIG_BYTES])
{
    out[0] = IZDE_STORY_SIG_FORMAT;
    put32(out + 1, sig->seq);
    put32(out + 5, sig->shingles);
    for (unsigned k = 0; k < IZDE_STORY_HASHES; k++)
        put32(out + 9 + 4 * k, sig->min[k]);
}

int izde__story_sig_unpack(const char *v, size_t len, izde_story_sig *sig)
{
    const unsigned char *p = (const unsigned char *)v;
    if (len != IZDE_STORY_SIG_BYTES || p[0] != IZDE_STORY_SIG_FORMAT)
        return 0;
    sig->seq = get32(p + 1);
    sig->shingles = get32(p + 5);
    for (unsigned k = 0; k < IZDE_STORY_HASHES; k++)
        sig->min[k] = get32(p + 9 + 4 * k);
    return 1;
}

double izde__story_similarity(const izde_story_sig *a, const izde_story_sig *b)
{
    if (a->shingles < IZDE_STORY_MIN_SHINGLES || b->shingles < IZDE_STORY_MIN_SHINGLES)
        return 0;
    unsigned same = 0;
    for (unsigned k = 0; k < IZDE_STORY_HASHES; k++)
        same += a->min[k] == b->min[k];
    return (double)same / IZDE_STORY_HASHES;
}

int izde__story_band_term(izde_buf *b, const izde_story_sig *sig, unsigned band)
{
    uint64_t h = izde__mix64(band + 1);
    for (unsigned r = 0; r < IZDE_STORY_ROWS; r++)
        h = izde__mix64(h ^ sig->min[band * IZDE_STORY_ROWS + r]);
    char t[32];
    snprintf(t, sizeof t, "%s%02x%016llx", IZDE_PREFIX_BAND, band, (unsigned long long)h);
    izde__buf_clear(b);
    return izde__buf_puts(b, t);
}

int izde__story_term(izde_buf *b, const char *story)
{
    izde__buf_clear(b);
    izde__buf_puts(b, IZDE_PREFIX_STORY);
    return izde__hashed_key(b, story, IZDE_MAX_TERM - 1, 200);
}

void izde__story_key(const char *story, unsigned char out[IZDE_STORY_KEY_BYTES])
{
    uint64_t h = izde__hash(IZDE_HASH_SEED_V1, story, strlen(story));
    for (int b = 0; b < IZDE_STORY_KEY_BYTES; b++)
        out[b] = (unsigned char)(h >> (8 * (IZDE_STORY_KEY_BYTES - 1 - b)));
}

unsigned izde__story_slot(izx_db *x)
{
    unsigned keys = 0, stories = 0;
    if (izx_db_value_freq(x, IZDE_SLOT_STORY_KEY, &keys) != IZX_OK ||
        izx_db_value_freq(x, IZDE_SLOT_STORY, &stories) != IZX_OK)
        return IZDE_SLOT_STORY;
    return keys == stories ? IZDE_SLOT_STORY_KEY : IZDE_SLOT_STORY;
}

/* ---- candidates ---------------------------------------------------------- */

typedef struct docids {
    unsigned *v;
    size_t n, cap;
    int oom;
} docids;

static int on_docid(void *vctx, unsigned docid)
{
    docids *d = vctx;
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 32;
        unsigned *nv = realloc(d->v, cap * sizeof *nv);
        if (!nv) {
            d->oom = 1;
            return 1;
        }
        d->v = nv;
        d->cap = cap;
    }
    d->v[d->n++] = docid;
    return 0;
}

static int cmp_unsigned(const void *a, const void *b)
{
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
    return (x > y) - (x < y);
}

/* The documents sharing a band with `sig`, sorted, each once. */
static int story_candidates(izx_db *x, const izde_story_sig *sig, docids *out)
{
    if (sig->shingles < IZDE_STORY_MIN_SHINGLES)
        return IZX_OK;
    izde_buf t = {0};
    int rc = IZX_OK;
    for (unsigned band = 0; band < IZDE_STORY_BANDS && rc == IZX_OK; band++) {
        if (izde__story_band_term(&t, sig, band)) {
            rc = IZX_ENOMEM;
            break;
        }
        rc = izx_db_postlist(x, t.data, t.len, on_docid, out);
        if (out->oom)
            rc = IZX_ENOMEM;
    }
    izde__buf_free(&t);
    if (rc != IZX_OK || !out->n)
        return rc;
    qsort(out->v, out->n, sizeof *out->v, cmp_unsigned);
    size_t k = 1;
    for (size_t i = 1; i < out->n; i++)
        if (out->v[i] != out->v[k - 1])
            out->v[k++] = out->v[i];
    out->n = k;
    return IZX_OK;
}

int izde__story_candidates(izx_db *x, const izde_story_sig *sig, unsigned **ids, size_t *n)
{
    docids c = {0};
    int rc = story_candidates(x, sig, &c);
    *ids = c.v;
    *n = rc == IZX_OK ? c.n : 0;
    return rc;
}

/* The stored signature of `docid`; 0 when it has none. */
static int stored_sig(izx_db *x, unsigned docid, izde_story_sig *sig)
{
    char *v = NULL;
    size_t len = 0;
    int ok = izx_db_get_value(x, docid, IZDE_SLOT_STORY_SIG, &v, &len) == IZX_OK &&
             izde__story_sig_unpack(v, len, sig);
    izx_free(v);
    return ok;
}

/* ---- one new article ----------------------------------------------------- */

/* The story of the earliest-indexed copy of `sig` in the index (besides
 * document `self`, the article's own old version), malloc'd; NULL with
 * IZDE_OK when it has none. */
static int earliest_copy(izde_db *db, const izde_story_sig *sig, unsigned self, char **story)
{
    docids c = {0};
    *story = NULL;
    int x = story_candidates(db->x, sig, &c);
    for (size_t i = 0; x == IZX_OK && i < c.n && !*story; i++) {
        izde_story_sig other;
        if (c.v[i] == self || !stored_sig(db->x, c.v[i], &other) ||
            izde__story_similarity(sig, &other) < IZDE_STORY_SAME)
            continue;
        char *v = NULL;
        size_t len = 0;
        x = izx_db_get_value(db->x, c.v[i], IZDE_SLOT_STORY, &v, &len);
        if (x == IZX_OK && len > 0 && !(*story = strndup(v, len)))
            x = IZX_ENOMEM;
        izx_free(v);
    }
    free(c.v);
    if (x == IZX_ENOMEM)
        return izde__db_error(db, IZDE_ENOMEM, "out of memory");
    return x == IZX_OK ? IZDE_OK : izde__db_izx_error(db, x, "cannot look up copies");
}

static int first_docid(void *vctx, unsigned docid)
{
    *(unsigned *)vctx = docid;
    return 1;
}

/* Give `doc` its signature, band terms, story value and G term. */
static int story_terms(izx_doc *doc, const izde_story_sig *sig, const char *story)
{
    unsigned char packed[IZDE_STORY_SIG_BYTES];
    izde__story_sig_pack(sig, packed);
    izde_buf t = {0};
    int x = izx_doc_set_value(doc, IZDE_SLOT_STORY_SIG, (const char *)packed, sizeof packed);
    for (unsigned band = 0; sig->shingles >= IZDE_STORY_MIN_SHINGLES && band < IZDE_STORY_BANDS &&
                            x == IZX_OK;
         band++)
        x = izde__story_band_term(&t, sig, band) ? IZX_ENOMEM
                                                  : izx_doc_add_boolean_term(doc, t.data, t.len);
    if (x == IZX_OK)
        x = izx_doc_set_value(doc, IZDE_SLOT_STORY, story, strlen(story));
    unsigned char key[IZDE_STORY_KEY_BYTES];
    izde__story_key(story, key);
    if (x == IZX_OK)
        x = izx_doc_set_value(doc, IZDE_SLOT_STORY_KEY, (const char *)key, sizeof key);
    if (x == IZX_OK)
        x = izde__story_term(&t, story) ? IZX_ENOMEM
                                        : izx_doc_add_boolean_term(doc, t.data, t.len);
    izde__buf_free(&t);
    return x;
}

typedef struct holders {
    unsigned self, others;
} holders;

static int on_holder(void *vctx, unsigned docid)
{
    holders *h = vctx;
    h->others += docid != h->self;
    return h->others > 0;
}

/* A story named by article `id` that starts anew: its id, unless other
 * articles still carry a story of that name (their first article was
 * this id, read again with another text); then "ID~2", "ID~3", ... */
static char *new_story_name(izde_db *db, const char *id, unsigned self)
{
    izde_buf t = {0};
    char *name = strdup(id);
    for (unsigned k = 2; name; k++) {
        holders h = {self, 0};
        if (izde__story_term(&t, name) ||
            izx_db_postlist(db->x, t.data, t.len, on_holder, &h) != IZX_OK || !h.others)
            break;
        free(name);
        name = izde__strdupf("%s~%u", id, k);
    }
    izde__buf_free(&t);
    return name;
}

int izde__story_assign(izde_db *db, izx_doc *doc, const izde_story_sig *sig, const char *id,
                       const char *id_term, size_t id_len, char **story_out)
{
    unsigned self = 0;
    *story_out = NULL;
    if (izx_db_postlist(db->x, id_term, id_len, first_docid, &self) != IZX_OK)
        self = 0;
    char *story = NULL;
    int rc = earliest_copy(db, sig, self, &story);
    if (rc != IZDE_OK)
        return rc;
    if (!story && !(story = new_story_name(db, id, self)))
        return izde__db_error(db, IZDE_ENOMEM, "out of memory");
    int x = story_terms(doc, sig, story);
    if (x != IZX_OK) {
        free(story);
        return izde__db_error(db, izde__status_from_izx(x), "cannot store the story of '%s': %s",
                              id, izx_doc_errmsg(doc));
    }
    *story_out = story;
    return IZDE_OK;
}
