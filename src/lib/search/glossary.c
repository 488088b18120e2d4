/*
 * glossary.c - the compiled-in Russian-Kyrgyz glossary (glossary.h).
 *
 * glossary.tsv is embedded at build time (tools/embed-text.cmake) as
 * izde__glossary_tsv.  On first use each side is analysed and stemmed
 * exactly as a query word would be (the same analyzer and stemmers), and
 * the one-word sides are sorted by (language, stem) for lookup.  Read
 * once per process; it stays for the process's life.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer.h"
#include "glossary.h"
#include "izde-private.h"
#include "stem.h"
#include "terms.h"

extern const char izde__glossary_tsv[];

typedef struct gkey {
    const char *stem;        /* the one word's stem */
    int ky;                  /* its language */
    const izde_gside *other; /* the other side of its pair */
} gkey;

struct izde_glossary {
    izde_gside *sides;       /* two per pair: [2i] Russian, [2i+1] Kyrgyz */
    size_t npairs;
    gkey *keys;
    size_t nkeys;
};

static izde_glossary *the_glossary;
static pthread_once_t once = PTHREAD_ONCE_INIT;

typedef struct side_build {
    izde_gside *side;
    izde_stemmer *st;
    const char *text;
    int oom;
} side_build;

static int on_side_token(void *ctx, const izde_token *t)
{
    side_build *b = ctx;
    if (t->kind != IZDE_TOK_WORD)
        return 0;
    size_t sl;
    const char *s = izde__stem_word(b->st, b->side->ky, t->term, t->term_len, b->text + t->start,
                                    t->end - t->start, &sl);
    char **v = s ? realloc(b->side->stems, (b->side->n + 1) * sizeof *v) : NULL;
    if (!v || !(v[b->side->n] = strndup(s, sl))) {
        if (v)
            b->side->stems = v;
        b->oom = 1;
        return 1;
    }
    b->side->stems = v;
    b->side->n++;
    return 0;
}

static int build_side(izde_gside *side, int ky, const char *text, size_t len, izde_analyzer *an,
                      izde_stemmer *st)
{
    side->ky = ky;
    char *t = strndup(text, len);
    if (!t)
        return IZDE_ENOMEM;
    side->text = t;
    side_build b = {.side = side, .st = st, .text = t};
    int rc = izde_analyze(an, t, len, on_side_token, &b);
    if (rc == IZDE_OK && !b.oom && side->n == 1 && !izde__is_acronym(t, len)) {
        size_t chars = 0;
        for (const char *c = side->stems[0]; *c; c++)
            chars += ((unsigned char)*c & 0xc0) != 0x80;
        side->short_word = chars < 4;
    }
    return b.oom ? IZDE_ENOMEM : rc;
}

static int cmp_key(const void *a, const void *b)
{
    const gkey *x = a, *y = b;
    if (x->ky != y->ky)
        return x->ky - y->ky;
    return strcmp(x->stem, y->stem);
}

/* One line "ru<TAB>ky<TAB>topic" into pair g->npairs.  A pair with a
 * short word on either side (овца - кой, which also stems койду «put») is
 * read but never looked up. */
static int add_line(izde_glossary *g, const char *line, size_t len, izde_analyzer *an,
                    izde_stemmer *ru, izde_stemmer *ky)
{
    const char *tab1 = memchr(line, '\t', len);
    if (!tab1)
        return IZDE_OK;
    const char *rest = tab1 + 1;
    const char *tab2 = memchr(rest, '\t', (size_t)(line + len - rest));
    size_t kylen = tab2 ? (size_t)(tab2 - rest) : (size_t)(line + len - rest);
    izde_gside *s = &g->sides[2 * g->npairs];
    int rc = build_side(&s[0], 0, line, (size_t)(tab1 - line), an, ru);
    if (rc == IZDE_OK)
        rc = build_side(&s[1], 1, rest, kylen, an, ky);
    if (rc == IZDE_OK && s[0].n && s[1].n)
        g->npairs++;
    return rc;
}

static int build(izde_glossary *g)
{
    izde_analyzer *an = NULL;
    izde_stemmer *ru = NULL, *ky = NULL;
    char *err = NULL;
    int rc = izde_analyzer_new(&an, &err);
    free(err);
    if (rc == IZDE_OK)
        rc = izde_stemmer_new(&ru, "ru");
    if (rc == IZDE_OK)
        rc = izde_stemmer_new(&ky, "ky");
    size_t lines = 1;
    for (const char *p = izde__glossary_tsv; *p; p++)
        lines += *p == '\n';
    if (rc == IZDE_OK && !(g->sides = calloc(2 * lines, sizeof *g->sides)))
        rc = IZDE_ENOMEM;
    for (const char *p = izde__glossary_tsv; rc == IZDE_OK && *p;) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len && p[0] != '#')
            rc = add_line(g, p, len, an, ru, ky);
        p += len + (e ? 1 : 0);
    }
    if (rc == IZDE_OK && !(g->keys = calloc(2 * g->npairs + 1, sizeof *g->keys)))
        rc = IZDE_ENOMEM;
    for (size_t i = 0; rc == IZDE_OK && i < 2 * g->npairs; i++)
        if (g->sides[i].n == 1 && !g->sides[i].short_word && !g->sides[i ^ 1].short_word)
            g->keys[g->nkeys++] = (gkey){g->sides[i].stems[0], g->sides[i].ky, &g->sides[i ^ 1]};
    if (rc == IZDE_OK)
        qsort(g->keys, g->nkeys, sizeof *g->keys, cmp_key);
    izde_stemmer_free(ru);
    izde_stemmer_free(ky);
    izde_analyzer_free(an);
    return rc;
}

static void build_once(void)
{
    izde_glossary *g = calloc(1, sizeof *g);
    if (g && build(g) == IZDE_OK)
        the_glossary = g;
    /* on failure (out of memory) the partial glossary is left: no expansion */
}

const izde_glossary *izde__glossary(void)
{
    pthread_once(&once, build_once);
    return the_glossary;
}

size_t izde__glossary_size(const izde_glossary *g)
{
    return g ? g->npairs : 0;
}

size_t izde__glossary_lookup(const izde_glossary *g, int ky, const char *s, size_t n,
                             const izde_gside **out, size_t max)
{
    if (!g || !g->nkeys || n > IZDE_MAX_TERM)
        return 0;
    char stem[IZDE_MAX_TERM + 1];
    memcpy(stem, s, n);
    stem[n] = '\0';
    gkey probe = {stem, ky, NULL};
    size_t lo = 0, hi = g->nkeys;
    while (lo < hi) { /* first key >= probe */
        size_t mid = (lo + hi) / 2;
        if (cmp_key(&g->keys[mid], &probe) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t k = 0;
    for (size_t i = lo; i < g->nkeys && k < max && cmp_key(&g->keys[i], &probe) == 0; i++)
        out[k++] = g->keys[i].other;
    return k;
}
