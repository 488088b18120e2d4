/*
 * facts.c - the figures of matching articles, grouped by what they count
 * (izde_facts_get, `izde facts`), and their JSON form.
 */
#include <stdlib.h>
#include <string.h>

#include "citations.h"
#include "counted.h"

typedef struct group {
    izde_fact_group pub;        /* noun_stem, noun, unit owned; values in `list` */
    izde__citations list;
    const char *last_id;        /* to count articles once */
    char **labels;              /* the labels of its figures, each once */
    unsigned *counts;           /* how often each */
    size_t nlabels;
} group;

/* What a stored figure counts: its key (analyzer version 4), else its
 * noun's stem, else its unit; and the label it shows. */
static const char *figure_key(json_t *fig, const char **label)
{
    const char *key = json_string_value(json_object_get(fig, "key"));
    if (!key)
        key = json_string_value(json_object_get(fig, "noun_stem"));
    if (!key)
        key = json_string_value(json_object_get(fig, "unit"));
    *label = json_string_value(json_object_get(fig, "label"));
    if (!*label)
        *label = json_string_value(json_object_get(fig, "noun"));
    if (!*label)
        *label = key;
    return key;
}

/* One more figure shown as `label` in g. */
static int count_label(group *g, const char *label)
{
    for (size_t i = 0; i < g->nlabels; i++)
        if (strcmp(g->labels[i], label) == 0) {
            g->counts[i]++;
            return IZDE_OK;
        }
    char **nl = realloc(g->labels, (g->nlabels + 1) * sizeof *nl);
    if (nl)
        g->labels = nl;
    unsigned *nc = nl ? realloc(g->counts, (g->nlabels + 1) * sizeof *nc) : NULL;
    if (nc)
        g->counts = nc;
    if (!nc || !(nl[g->nlabels] = strdup(label)))
        return IZDE_ENOMEM;
    g->counts[g->nlabels++] = 1;
    return IZDE_OK;
}

/* The group's label (counted.c), its labels freed.  IZDE_OK or IZDE_ENOMEM. */
static int settle_label(group *g)
{
    const char *best = izde__counted_group_label(g->pub.noun_stem, (const char *const *)g->labels,
                                                 g->counts, g->nlabels);
    g->pub.label = strdup(best ? best : g->pub.noun_stem);
    for (size_t i = 0; i < g->nlabels; i++)
        free(g->labels[i]);
    free(g->labels);
    free(g->counts);
    g->labels = NULL;
    g->counts = NULL;
    g->nlabels = 0;
    return g->pub.label ? IZDE_OK : IZDE_ENOMEM;
}

typedef struct facts_ctx {
    group *g;
    size_t n, cap;
} facts_ctx;

static group *group_for(facts_ctx *c, const char *key, json_t *fig)
{
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->g[i].pub.noun_stem, key) == 0)
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
    const char *noun = json_string_value(json_object_get(fig, "noun"));
    const char *unit = json_string_value(json_object_get(fig, "unit"));
    g->pub.noun_stem = strdup(key);
    g->pub.noun = noun ? strdup(noun) : NULL;
    g->pub.unit = unit ? strdup(unit) : NULL;
    if (!g->pub.noun_stem || (noun && !g->pub.noun) || (unit && !g->pub.unit))
        return NULL;
    return g;
}

/* Every figure of the article is counted; the first IZDE_HIT_MAX_FIGURES
 * are cited, so one article with many figures cannot fill the answer. */
static int facts_doc(void *vctx, json_t *doc, const char *text, size_t tlen)
{
    facts_ctx *c = vctx;
    json_t *figs = json_object_get(doc, "figures"), *f;
    size_t i;
    const char *id = json_string_value(json_object_get(doc, "id"));
    json_array_foreach(figs, i, f) {
        const char *label;
        const char *key = figure_key(f, &label);
        if (!key)
            continue;
        group *g = group_for(c, key, f);
        if (!g || count_label(g, label) != IZDE_OK)
            return IZDE_ENOMEM;
        g->pub.figures++;
        if (!g->last_id || !id || strcmp(g->last_id, id) != 0)
            g->pub.articles++;
        g->last_id = id; /* compared only within this document's loop */
        if (i < IZDE_HIT_MAX_FIGURES && izde__cite(&g->list, doc, f, text, tlen) != IZDE_OK)
            return IZDE_ENOMEM;
    }
    for (size_t k = 0; k < c->n; k++)
        c->g[k].last_id = NULL;
    return IZDE_OK;
}

static int by_articles(const void *a, const void *b)
{
    const izde_fact_group *x = a, *y = b;
    if (x->articles != y->articles)
        return x->articles < y->articles ? 1 : -1;
    if (x->figures != y->figures)
        return x->figures < y->figures ? 1 : -1;
    return strcmp(x->noun_stem, y->noun_stem);
}

static void free_group(izde_fact_group *g)
{
    free((char *)g->noun_stem);
    free((char *)g->label);
    free((char *)g->noun);
    free((char *)g->unit);
    izde__citations_free(g->values, g->nvalues);
}

void izde_facts_free(izde_facts *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->ngroups; i++)
        free_group(&f->groups[i]);
    free(f->groups);
    free(f);
}

/* The groups gathered, as the public struct, most-cited first: c's
 * groups belong to it then.  NULL when out of memory (c keeps them). */
static izde_facts *make_facts(facts_ctx *c, unsigned offset, unsigned matched)
{
    izde_facts *f = calloc(1, sizeof *f);
    izde_fact_group *groups = c->n ? calloc(c->n, sizeof *groups) : NULL;
    if (!f || (c->n && !groups)) {
        free(f);
        free(groups);
        return NULL;
    }
    for (size_t i = 0; i < c->n; i++)
        if (settle_label(&c->g[i]) != IZDE_OK) {
            free(f);
            free(groups);
            return NULL;
        }
    for (size_t i = 0; i < c->n; i++) {
        groups[i] = c->g[i].pub;
        groups[i].values = c->g[i].list.v;
        groups[i].nvalues = c->g[i].list.n;
    }
    if (c->n)
        qsort(groups, c->n, sizeof *groups, by_articles);
    f->articles = matched;
    f->offset = offset;
    f->groups = groups;
    f->ngroups = c->n;
    c->n = 0;
    return f;
}

/* Free what the context still owns. */
static void facts_ctx_free(facts_ctx *c)
{
    for (size_t i = 0; i < c->n; i++) {
        c->g[i].pub.values = c->g[i].list.v;
        c->g[i].pub.nvalues = c->g[i].list.n;
        free_group(&c->g[i].pub);
        for (size_t k = 0; k < c->g[i].nlabels; k++)
            free(c->g[i].labels[k]);
        free(c->g[i].labels);
        free(c->g[i].counts);
    }
    free(c->g);
}

static int facts_once(izde_facts **out, izde_db *db, const char *query, unsigned offset,
                      unsigned max_docs)
{
    *out = NULL;
    if (max_docs > IZDE_FACTS_MAX_ARTICLES)
        return izde__db_error(db, IZDE_EINVAL, "facts read at most %d articles at a time, not %u; "
                              "read the next ones with an offset", IZDE_FACTS_MAX_ARTICLES,
                              max_docs);
    izde_pquery pq;
    int rc = izde__db_parse_query(db, query, &pq);
    if (rc != IZDE_OK)
        return rc;
    facts_ctx c = {0};
    unsigned matched = 0;
    rc = izde__each_doc(db, pq.xq, offset, max_docs, facts_doc, &c, &matched);
    izde__pquery_clear(&pq);
    if (rc == IZDE_OK && !(*out = make_facts(&c, offset, matched)))
        rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
    facts_ctx_free(&c);
    return rc;
}

int izde_facts_page(izde_facts **out, izde_db *db, const char *query, unsigned offset,
                    unsigned max_docs)
{
    /* a set of shards: a remote one that stops answering is named, or
     * left out with allow_partial and the operation run again */
    int rc;
    IZDE__RUN_RECOVERING(db, rc, facts_once(out, db, query, offset, max_docs));
    return rc;
}

int izde_facts_get(izde_facts **out, izde_db *db, const char *query, unsigned max_docs)
{
    return izde_facts_page(out, db, query, 0, max_docs);
}

int izde_facts_to_json(const izde_facts *f, izde_db *db, const char *query, char **json_out)
{
    json_t *root = json_object(), *groups = json_array();
    json_object_set_new(root, "query", json_string(query));
    json_object_set_new(root, "articles", json_integer(f->articles));
    json_object_set_new(root, "offset", json_integer(f->offset));
    for (size_t i = 0; i < f->ngroups; i++) {
        const izde_fact_group *g = &f->groups[i];
        json_t *o = json_object();
        json_object_set_new(o, "noun_stem", json_string(g->noun_stem));
        json_object_set_new(o, "key", json_string(g->noun_stem));
        json_object_set_new(o, "label", izde__json_str(g->label));
        json_object_set_new(o, "noun", izde__json_str(g->noun));
        json_object_set_new(o, "unit", izde__json_str(g->unit));
        json_object_set_new(o, "figures", json_integer(g->figures));
        json_object_set_new(o, "articles", json_integer(g->articles));
        json_object_set_new(o, "values", izde__citations_json(g->values, g->nvalues));
        json_array_append_new(groups, o);
    }
    json_object_set_new(root, "groups", groups);
    json_t *x = izde__query_expanded_json(db, query);
    if (x)
        json_object_set_new(root, "expanded", x);
    izde__add_partial(root, db);
    *json_out = json_dumps(root, JSON_COMPACT | JSON_REAL_PRECISION(15));
    json_decref(root);
    return *json_out ? IZDE_OK : izde__db_error(db, IZDE_ENOMEM, "out of memory");
}

int izde_facts_json(izde_db *db, const char *query, unsigned max_docs, char **json_out)
{
    izde_facts *f = NULL;
    *json_out = NULL;
    int rc = izde_facts_get(&f, db, query, max_docs);
    if (rc == IZDE_OK)
        rc = izde_facts_to_json(f, db, query, json_out);
    izde_facts_free(f);
    return rc;
}
