/*
 * facts.c - the figures of matching articles, grouped by what they count
 * (izde_facts_json, `izde facts`), and the fact-checking view of one
 * figure: who cites the same value for the same noun and who cites
 * another (izde_check_json, `izde check`).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "izde-private.h"
#include "docstore.h"
#include "figures.h"

/* The article fields every entry carries. */
static void add_article(json_t *to, json_t *doc)
{
    static const char *const keys[] = {"id", "title", "path", "url", "date", "source", "lang", NULL};
    for (const char *const *k = keys; *k; k++) {
        json_t *v = json_object_get(doc, *k);
        json_object_set(to, *k, v ? v : json_null());
    }
}

static json_t *entry(json_t *doc, json_t *fig)
{
    json_t *e = json_object();
    add_article(e, doc);
    static const char *const keys[] = {"value", "high", "qualifier", "unit", "noun", "text",
                                       "sentence", NULL};
    for (const char *const *k = keys; *k; k++) {
        json_t *v = json_object_get(fig, *k);
        json_object_set(e, *k, v ? v : json_null());
    }
    return e;
}

/* Run `xq` and call `fn` with each matching document's data. */
typedef int (*doc_fn)(void *ctx, json_t *doc);
static int each_doc(izde_db *db, izx_query *xq, unsigned max, doc_fn fn, void *ctx,
                    unsigned *nmatched)
{
    izx_mset *m = NULL;
    /* equal weights in id order: the same articles and order from any
     * set of shards (ranking.c) */
    int x = izx_enquire(&m, db->x, xq, 0, max, IZX_SORT_REL_THEN(IZDE_SLOT_META), 0);
    if (x != IZX_OK)
        return izde__db_izx_error(db, x, "search failed");
    int rc = IZDE_OK;
    *nmatched = izx_mset_size(m);
    for (unsigned i = 0; i < izx_mset_size(m) && rc == IZDE_OK; i++) {
        izde_stored sd;
        if (izde__doc_read(m, i, IZDE_DOC_BODY, &sd) == IZX_OK)
            rc = fn(ctx, sd.doc);
        izde__stored_clear(&sd);
    }
    izx_mset_free(m);
    return rc;
}

/* ---- facts ------------------------------------------------------------------- */

typedef struct group {
    char *key;          /* noun stem, else unit */
    json_t *obj;        /* the group's JSON */
    json_t *values;
    unsigned figures, articles;
    const char *last_id;/* to count articles once */
} group;

typedef struct facts_ctx {
    group *g;
    size_t n, cap;
} facts_ctx;

static group *group_for(facts_ctx *c, const char *key, json_t *fig)
{
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->g[i].key, key) == 0)
            return &c->g[i];
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 32;
        group *ng = realloc(c->g, cap * sizeof *ng);
        if (!ng)
            return NULL;
        c->g = ng;
        c->cap = cap;
    }
    group *g = &c->g[c->n++];
    memset(g, 0, sizeof *g);
    g->key = strdup(key);
    g->obj = json_object();
    g->values = json_array();
    json_object_set_new(g->obj, "noun_stem", json_string(key));
    json_t *noun = json_object_get(fig, "noun");
    json_object_set(g->obj, "noun", noun ? noun : json_null());
    json_t *unit = json_object_get(fig, "unit");
    json_object_set(g->obj, "unit", unit ? unit : json_null());
    return g;
}

static int facts_doc(void *vctx, json_t *doc)
{
    facts_ctx *c = vctx;
    json_t *figs = json_object_get(doc, "figures"), *f;
    size_t i;
    const char *id = json_string_value(json_object_get(doc, "id"));
    json_array_foreach(figs, i, f) {
        const char *key = json_string_value(json_object_get(f, "noun_stem"));
        if (!key)
            key = json_string_value(json_object_get(f, "unit"));
        if (!key)
            continue;
        group *g = group_for(c, key, f);
        if (!g || !g->key)
            return IZDE_ENOMEM;
        g->figures++;
        if (!g->last_id || !id || strcmp(g->last_id, id) != 0)
            g->articles++;
        g->last_id = id; /* compared only within this document's loop */
        json_array_append_new(g->values, entry(doc, f));
    }
    for (size_t k = 0; k < c->n; k++)
        c->g[k].last_id = NULL;
    return IZDE_OK;
}

static int by_articles(const void *a, const void *b)
{
    const group *x = a, *y = b;
    if (x->articles != y->articles)
        return x->articles < y->articles ? 1 : -1;
    if (x->figures != y->figures)
        return x->figures < y->figures ? 1 : -1;
    return strcmp(x->key, y->key);
}

static int facts_once(izde_db *db, const char *query, unsigned max_docs, char **json_out)
{
    *json_out = NULL;
    izde_pquery pq;
    int rc = izde__db_parse_query(db, query, &pq);
    if (rc != IZDE_OK)
        return rc;
    facts_ctx c = {0};
    unsigned matched = 0;
    rc = each_doc(db, pq.xq, max_docs, facts_doc, &c, &matched);
    izde__pquery_clear(&pq);
    if (rc == IZDE_OK) {
        if (c.n)
            qsort(c.g, c.n, sizeof *c.g, by_articles);
        json_t *root = json_object(), *groups = json_array();
        json_object_set_new(root, "query", json_string(query));
        json_object_set_new(root, "articles", json_integer(matched));
        for (size_t i = 0; i < c.n; i++) {
            json_object_set_new(c.g[i].obj, "figures", json_integer(c.g[i].figures));
            json_object_set_new(c.g[i].obj, "articles", json_integer(c.g[i].articles));
            json_object_set(c.g[i].obj, "values", c.g[i].values);
            json_array_append(groups, c.g[i].obj);
        }
        json_object_set_new(root, "groups", groups);
        izde__add_partial(root, db);
        *json_out = json_dumps(root, JSON_COMPACT | JSON_REAL_PRECISION(15));
        json_decref(root);
        if (!*json_out)
            rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < c.n; i++) {
        free(c.g[i].key);
        json_decref(c.g[i].obj);
        json_decref(c.g[i].values);
    }
    free(c.g);
    return rc;
}

int izde_facts_json(izde_db *db, const char *query, unsigned max_docs, char **json_out)
{
    /* a set of shards: a remote one that stops answering is named, or
     * left out with allow_partial and the operation run again */
    int rc;
    IZDE__RUN_RECOVERING(db, rc, facts_once(db, query, max_docs, json_out));
    return rc;
}

/* ---- check ------------------------------------------------------------------- */

typedef struct check_ctx {
    char *keys[3];      /* the claim's noun stems (ru, ky) or unit */
    size_t nkeys;
    double value, high;
    json_t *agree, *differ;
} check_ctx;

static int same_value(double a, double b)
{
    return fabs(a - b) <= 1e-9 * (fabs(a) > 1 ? fabs(a) : 1);
}

static int check_doc(void *vctx, json_t *doc)
{
    check_ctx *c = vctx;
    json_t *figs = json_object_get(doc, "figures"), *f;
    size_t i;
    json_array_foreach(figs, i, f) {
        const char *key = json_string_value(json_object_get(f, "noun_stem"));
        const char *unit = json_string_value(json_object_get(f, "unit"));
        int hit = 0;
        for (size_t k = 0; k < c->nkeys; k++)
            hit |= (key && strcmp(key, c->keys[k]) == 0) || (!key && unit && strcmp(unit, c->keys[k]) == 0);
        if (!hit)
            continue;
        double v = json_number_value(json_object_get(f, "value"));
        double h = json_number_value(json_object_get(f, "high"));
        json_array_append_new(same_value(v, c->value) && same_value(h, c->high) ? c->agree : c->differ,
                              entry(doc, f));
    }
    return IZDE_OK;
}

/* The figure a claim cites: the first with a noun or a unit; NULL after
 * setting the handle's message.  *figs holds it. */
static const izde_figure *claim_figure(izde_db *db, const char *claim, izde_figures **figs)
{
    const char *lang = strcmp(izde__detect_lang(claim, strlen(claim)), "ky") == 0 ? "ky" : "ru";
    izde_stemmer *stem = strcmp(lang, "ky") == 0 ? db->stem_ky : db->stem_ru;
    int rc = izde__figures_extract(figs, NULL, claim, strlen(claim), lang, stem);
    if (rc != IZDE_OK) {
        izde__db_error(db, rc, "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < izde__figures_count(*figs); i++) {
        const izde_figure *g = izde__figures_get(*figs, i);
        if (g->noun || g->unit)
            return g;
    }
    izde__db_error(db, IZDE_EQUERY,
                   "no figure in '%s': give a number and what it counts, e.g. "
                   "\"11 терактов\" or \"28 тысяч человек\"", claim);
    return NULL;
}

/* The keys the figure is indexed under: its noun's stem in both languages
 * (a Kyrgyz report may cite it too), else its unit. */
static void claim_keys(izde_db *db, const izde_figure *f, check_ctx *c)
{
    if (!f->noun) {
        c->keys[c->nkeys++] = strdup(f->unit);
        return;
    }
    izde_stemmer *st[2] = {db->stem_ru, db->stem_ky};
    for (int k = 0; k < 2; k++) {
        size_t n;
        const char *s = izde_stemmer_stem(st[k], f->noun, strlen(f->noun), &n);
        int dup = 0;
        for (size_t j = 0; s && j < c->nkeys; j++)
            dup |= strlen(c->keys[j]) == n && memcmp(c->keys[j], s, n) == 0;
        if (s && !dup)
            c->keys[c->nkeys++] = strndup(s, n);
    }
}

/* N<key> for any of the keys; NULL when out of memory. */
static izx_query *keys_query(const check_ctx *c)
{
    izx_query **subs = calloc(c->nkeys, sizeof *subs);
    izx_query *xq = NULL;
    char *msg = NULL;
    int ok = subs != NULL;
    for (size_t k = 0; ok && k < c->nkeys; k++) {
        char *t = izde__strdupf("%s%s", IZDE_PREFIX_FIGURE, c->keys[k]);
        ok = t && izx_query_term(&subs[k], t, strlen(t), 1, &msg) == IZX_OK;
        free(t);
    }
    if (ok && izx_query_combine(&xq, IZX_OP_OR, subs, c->nkeys, 0, &msg) != IZX_OK)
        xq = NULL;
    for (size_t k = 0; subs && k < c->nkeys; k++)
        izx_query_free(subs[k]);
    free(subs);
    izx_free(msg);
    return xq;
}

/* The answer: the claim as read, then who agrees and who differs. */
static char *check_json(izde_db *db, const char *claim, const izde_figure *f, const check_ctx *c)
{
    json_t *root = json_object(), *cl = json_object();
    json_object_set_new(cl, "text", json_string(claim));
    json_object_set_new(cl, "value", json_real(f->value));
    json_object_set_new(cl, "high", json_real(f->high));
    json_object_set_new(cl, "qualifier", json_string(izde__qualifier_name(f->qualifier)));
    json_object_set_new(cl, "unit", f->unit ? json_string(f->unit) : json_null());
    json_object_set_new(cl, "noun", f->noun ? json_string(f->noun) : json_null());
    json_object_set_new(cl, "noun_stem", json_string(c->keys[0]));
    json_object_set_new(root, "claim", cl);
    json_object_set(root, "agree", c->agree);
    json_object_set(root, "differ", c->differ);
    izde__add_partial(root, db);
    char *out = json_dumps(root, JSON_COMPACT | JSON_REAL_PRECISION(15));
    json_decref(root);
    return out;
}

static int check_once(izde_db *db, const char *claim, char **json_out)
{
    *json_out = NULL;
    izde_figures *figs = NULL;
    const izde_figure *f = claim_figure(db, claim, &figs);
    if (!f) {
        int rc = figs ? IZDE_EQUERY : IZDE_ENOMEM;
        izde__figures_free(figs);
        return rc;
    }
    check_ctx c = {.value = f->value, .high = f->high, .agree = json_array(), .differ = json_array()};
    claim_keys(db, f, &c);
    izx_query *xq = keys_query(&c);
    unsigned matched = 0;
    int rc = xq ? each_doc(db, xq, 100000, check_doc, &c, &matched)
                : izde__db_error(db, IZDE_ENOMEM, "out of memory");
    izx_query_free(xq);
    if (rc == IZDE_OK && !(*json_out = check_json(db, claim, f, &c)))
        rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
    json_decref(c.agree);
    json_decref(c.differ);
    for (size_t k = 0; k < c.nkeys; k++)
        free(c.keys[k]);
    izde__figures_free(figs);
    return rc;
}

int izde_check_json(izde_db *db, const char *claim, char **json_out)
{
    /* a set of shards: a remote one that stops answering is named, or
     * left out with allow_partial and the operation run again */
    int rc;
    IZDE__RUN_RECOVERING(db, rc, check_once(db, claim, json_out));
    return rc;
}
