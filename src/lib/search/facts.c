/*
 * facts.c - the figures of matching articles, grouped by what they count
 * (izde_facts_get, `izde facts`): every count figure counted, copies of
 * one story and value cited once, a page of groups and of each group's
 * values cited; and their JSON form.
 */
#include <stdlib.h>
#include <string.h>

#include "counted.h"
#include "mentions.h"

typedef struct group {
    izde_fact_group pub;    /* noun_stem, noun, unit, label owned */
    size_t last_art;        /* to count articles once: 1 + the last article */
    size_t from;            /* where its folded mentions start */
    char **labels;          /* the labels of its figures, each once */
    unsigned *counts;       /* how often each */
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
    size_t *slots;          /* open addressing on the key: group index + 1 */
    size_t nslots;
} facts_ctx;

static size_t key_hash(const char *s)
{
    size_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* Double the table (and the groups' room); -1 when out of memory. */
static int grow(facts_ctx *c)
{
    size_t cap = c->cap ? c->cap * 2 : 64, nslots = cap * 2;
    group *ng = realloc(c->g, cap * sizeof *ng);
    size_t *slots = calloc(nslots, sizeof *slots);
    if (ng)
        c->g = ng;
    if (!ng || !slots) {
        free(slots);
        return -1;
    }
    for (size_t i = 0; i < c->n; i++) {
        size_t h = key_hash(c->g[i].pub.noun_stem) & (nslots - 1);
        while (slots[h])
            h = (h + 1) & (nslots - 1);
        slots[h] = i + 1;
    }
    free(c->slots);
    c->slots = slots, c->nslots = nslots, c->cap = cap;
    return 0;
}

static group *new_group(facts_ctx *c, const char *key, json_t *fig, size_t slot)
{
    group *g = &c->g[c->n];
    memset(g, 0, sizeof *g);
    const char *noun = json_string_value(json_object_get(fig, "noun"));
    const char *unit = json_string_value(json_object_get(fig, "unit"));
    g->pub.noun_stem = strdup(key);
    g->pub.noun = noun ? strdup(noun) : NULL;
    g->pub.unit = unit ? strdup(unit) : NULL;
    c->n++;
    c->slots[slot] = c->n;
    if (!g->pub.noun_stem || (noun && !g->pub.noun) || (unit && !g->pub.unit))
        return NULL;
    return g;
}

static group *group_for(facts_ctx *c, const char *key, json_t *fig)
{
    if (c->n == c->cap && grow(c) != 0)
        return NULL;
    size_t h = key_hash(key) & (c->nslots - 1);
    for (; c->slots[h]; h = (h + 1) & (c->nslots - 1))
        if (strcmp(c->g[c->slots[h] - 1].pub.noun_stem, key) == 0)
            return &c->g[c->slots[h] - 1];
    return new_group(c, key, fig, h);
}

/* The group of a figure: what it counts (figure_key); every figure,
 * article and label counted. */
static int facts_group(void *vctx, size_t art, json_t *doc, json_t *f)
{
    facts_ctx *c = vctx;
    (void)doc;
    const char *label;
    const char *key = figure_key(f, &label);
    if (!key)
        return -1;
    group *g = group_for(c, key, f);
    if (!g || count_label(g, label) != IZDE_OK)
        return IZDE__GROUP_ENOMEM;
    g->pub.figures++;
    g->pub.articles += g->last_art != art + 1;
    g->last_art = art + 1;
    return (int)(g - c->g);
}

static int cmp_unsigned(const void *a, const void *b)
{
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
    return (x > y) - (x < y);
}

/* Each group's values (folded mentions), stories and where its mentions
 * start.  -1 when out of memory. */
static int count_values(facts_ctx *c, const izde__mentions *m)
{
    unsigned *stories = malloc((m->n ? m->n : 1) * sizeof *stories);
    if (!stories)
        return -1;
    for (size_t i = 0, k; i < m->n; i = k) {
        group *g = &c->g[m->v[i].group];
        g->from = i;
        for (k = i; k < m->n && m->v[k].group == m->v[i].group; k++)
            stories[k - i] = m->v[k].story;
        g->pub.values_total = k - i;
        qsort(stories, k - i, sizeof *stories, cmp_unsigned);
        for (size_t j = 0; j < k - i; j++)
            g->pub.stories += j == 0 || stories[j] != stories[j - 1];
    }
    free(stories);
    return 0;
}

static int by_stories(const void *a, const void *b)
{
    const izde_fact_group *x = &((const group *)a)->pub, *y = &((const group *)b)->pub;
    if (x->stories != y->stories)
        return x->stories < y->stories ? 1 : -1;
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
    for (size_t i = 0; i < f->groups_total; i++)
        free_group(&f->groups[i]);
    free(f->groups);
    free(f);
}

/* Cite the values of the page's groups. */
static int cite_groups(izde_facts *f, izde__mentions *m, const size_t *from,
                       const izde_facts_options *o)
{
    for (size_t i = 0; i < f->ngroups; i++) {
        izde_fact_group *g = &f->groups[i];
        size_t k = g->values_total < o->max_values ? g->values_total : o->max_values;
        const izde__mention **page = malloc((k ? k : 1) * sizeof *page);
        g->values = calloc(k ? k : 1, sizeof *g->values);
        if (!page || !g->values) {
            free(page);
            return IZDE_ENOMEM;
        }
        g->nvalues = k;
        for (size_t j = 0; j < k; j++)
            page[j] = &m->v[from[i] + j];
        int rc = izde__mentions_cite(m, page, k, g->values);
        free(page);
        if (rc != IZDE_OK)
            return rc;
    }
    return IZDE_OK;
}

/* The groups gathered, most stories first, as the public struct: the
 * page's groups first, then the others (c's groups belong to it then). */
static int make_facts(izde_facts **out, facts_ctx *c, izde__mentions *m,
                      const izde_facts_options *o)
{
    size_t n = c->n, skip = o->group_offset < n ? o->group_offset : n;
    size_t left = n - skip, page = o->max_groups && o->max_groups < left ? o->max_groups : left;
    izde_facts *f = calloc(1, sizeof *f);
    size_t *from = calloc(n ? n : 1, sizeof *from);
    if (f)
        f->groups = calloc(n ? n : 1, sizeof *f->groups);
    int bad = !f || !from || !f->groups || count_values(c, m) != 0;
    for (size_t i = 0; i < n && !bad; i++)
        bad = settle_label(&c->g[i]) != IZDE_OK;
    if (bad) {
        izde_facts_free(f);
        free(from);
        return IZDE_ENOMEM;
    }
    if (n)
        qsort(c->g, n, sizeof *c->g, by_stories);
    for (size_t i = 0; i < n; i++) {
        size_t at = (i + n - skip) % (n ? n : 1); /* the page's groups first */
        f->groups[at] = c->g[i].pub;
        from[at] = c->g[i].from;
    }
    c->n = 0;
    f->groups_total = n;
    f->ngroups = page;
    f->articles = (unsigned)m->narts;
    f->offset = o->offset;
    f->group_offset = o->group_offset;
    *out = f;
    int rc = cite_groups(f, m, from, o);
    free(from);
    return rc;
}

static void facts_ctx_free(facts_ctx *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free_group(&c->g[i].pub);
        for (size_t k = 0; k < c->g[i].nlabels; k++)
            free(c->g[i].labels[k]);
        free(c->g[i].labels);
        free(c->g[i].counts);
    }
    free(c->g);
    free(c->slots);
}

static int facts_once(izde_facts **out, izde_db *db, const char *query,
                      const izde_facts_options *o)
{
    *out = NULL;
    if (o->max_docs > IZDE_FACTS_MAX_ARTICLES || o->max_values > IZDE_CHECK_MAX_CITATIONS)
        return izde__db_error(db, IZDE_EINVAL, "facts read at most %d articles and cite at "
                              "most %d values of a group at a time, not %u and %u; read the "
                              "next ones with an offset", IZDE_FACTS_MAX_ARTICLES,
                              IZDE_CHECK_MAX_CITATIONS, o->max_docs, o->max_values);
    izde_pquery pq;
    int rc = izde__db_parse_query(db, query, &pq);
    if (rc != IZDE_OK)
        return rc;
    facts_ctx c = {0};
    izde__mentions m;
    unsigned matched = 0;
    int x = izx_count(db->x, pq.xq, &matched);
    rc = x == IZX_OK ? izde__mentions_read(&m, db, pq.xq, o->offset, o->max_docs, facts_group, &c)
                     : izde__db_izx_error(db, x, "search failed");
    izde__pquery_clear(&pq);
    if (x != IZX_OK)
        memset(&m, 0, sizeof m);
    izde__mentions_rank(&m, IZDE__NO_DAY);
    if (rc == IZDE_OK)
        rc = izde__mentions_fold(&m);
    if (rc == IZDE_OK)
        rc = make_facts(out, &c, &m, o);
    if (*out)
        (*out)->matched = matched;
    if (rc != IZDE_OK) {
        izde_facts_free(*out);
        *out = NULL;
    }
    if (rc == IZDE_ENOMEM)
        izde__db_error(db, rc, "out of memory");
    izde__mentions_free(&m);
    facts_ctx_free(&c);
    return rc;
}

int izde_facts_ex(izde_facts **out, izde_db *db, const char *query, const izde_facts_options *o)
{
    izde_facts_options opt = *o;
    if (!opt.max_values)
        opt.max_values = IZDE_FACTS_DEFAULT_VALUES;
    /* a set of shards: a remote one that stops answering is named, or
     * left out with allow_partial and the operation run again */
    int rc;
    IZDE__RUN_RECOVERING(db, rc, facts_once(out, db, query, &opt));
    return rc;
}

int izde_facts_page(izde_facts **out, izde_db *db, const char *query, unsigned offset,
                    unsigned max_docs)
{
    izde_facts_options o = {.offset = offset, .max_docs = max_docs};
    return izde_facts_ex(out, db, query, &o);
}

int izde_facts_get(izde_facts **out, izde_db *db, const char *query, unsigned max_docs)
{
    return izde_facts_page(out, db, query, 0, max_docs);
}

static json_t *group_json(const izde_fact_group *g)
{
    json_t *o = json_object();
    json_object_set_new(o, "noun_stem", json_string(g->noun_stem));
    json_object_set_new(o, "key", json_string(g->noun_stem));
    json_object_set_new(o, "label", izde__json_str(g->label));
    json_object_set_new(o, "noun", izde__json_str(g->noun));
    json_object_set_new(o, "unit", izde__json_str(g->unit));
    json_object_set_new(o, "figures", json_integer(g->figures));
    json_object_set_new(o, "articles", json_integer(g->articles));
    json_object_set_new(o, "stories", json_integer(g->stories));
    json_object_set_new(o, "values_total", json_integer((json_int_t)g->values_total));
    json_object_set_new(o, "values", izde__citations_json(g->values, g->nvalues));
    return o;
}

int izde_facts_to_json(const izde_facts *f, izde_db *db, const char *query, char **json_out)
{
    json_t *root = json_object(), *groups = json_array();
    json_object_set_new(root, "query", json_string(query));
    json_object_set_new(root, "matched", json_integer(f->matched));
    json_object_set_new(root, "articles", json_integer(f->articles));
    json_object_set_new(root, "offset", json_integer(f->offset));
    json_object_set_new(root, "groups_total", json_integer((json_int_t)f->groups_total));
    json_object_set_new(root, "group_offset", json_integer(f->group_offset));
    for (size_t i = 0; i < f->ngroups; i++)
        json_array_append_new(groups, group_json(&f->groups[i]));
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
