/*
 * results_json.c - the JSON form of search results that `izde search
 * --json` prints and `izde serve` answers with: one builder, so the
 * command line and the HTTP API cannot drift apart.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "expand.h"
#include "izde-private.h"

json_t *izde__json_str(const char *s)
{
    json_t *j = s ? json_string(s) : NULL;
    return j ? j : json_null();
}

void izde__json_set_strs(json_t *o, const char *const *keys, const char *const *vals, size_t n)
{
    for (size_t k = 0; k < n; k++)
        json_object_set_new(o, keys[k], izde__json_str(vals[k]));
}

void izde__figure_core_json(json_t *o, const izde_hit_figure *g)
{
    json_object_set_new(o, "value", json_real(g->value));
    json_object_set_new(o, "high", json_real(g->high));
    izde__json_set_strs(o, (const char *const[]){"qualifier", "unit", "noun", "kind"},
                        (const char *const[]){g->qualifier, g->unit, g->noun,
                                              g->kind ? g->kind : "count"}, 4);
}

json_t *izde__hit_figure_json(const izde_hit_figure *g)
{
    json_t *jf = json_object();
    izde__figure_core_json(jf, g);
    json_object_set_new(jf, "noun_stem", izde__json_str(g->noun_stem));
    json_object_set_new(jf, "key", izde__json_str(g->key));
    json_object_set_new(jf, "label", izde__json_str(g->label));
    json_object_set_new(jf, "text", izde__json_str(g->text));
    json_object_set_new(jf, "start", json_integer((json_int_t)g->start));
    json_object_set_new(jf, "end", json_integer((json_int_t)g->end));
    json_object_set_new(jf, "sentence", izde__json_str(g->sentence));
    return jf;
}

static json_t *snippets_json(const izde_hit *h)
{
    json_t *snips = json_array();
    for (size_t s = 0; s < h->nsnippets; s++) {
        const izde_snippet *sn = &h->snippets[s];
        json_t *hl = json_array();
        for (size_t k = 0; k < sn->nhighlights; k++)
            json_array_append_new(hl, json_pack("[II]", (json_int_t)sn->highlights[k][0],
                                                 (json_int_t)sn->highlights[k][1]));
        json_t *js = json_object();
        json_object_set_new(js, "text", json_stringn(sn->text, sn->len));
        json_object_set_new(js, "highlights", hl);
        json_array_append_new(snips, js);
    }
    return snips;
}

static json_t *figures_json(const izde_hit *h)
{
    json_t *figs = json_array();
    for (size_t f = 0; f < h->nfigures; f++)
        json_array_append_new(figs, izde__hit_figure_json(&h->figures[f]));
    return figs;
}

/* [{word, why, to: [...]}], one entry per (word, why) in the order first
 * found; NULL when n is 0. */
static json_t *expansions_json(const izde_expansion *e, size_t n)
{
    if (!n)
        return NULL;
    /* one entry per (word, why), in the order first found */
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *to = NULL;
        for (size_t k = 0; k < json_array_size(a) && !to; k++) {
            json_t *g = json_array_get(a, k);
            if (strcmp(json_string_value(json_object_get(g, "word")), e[i].word) == 0 &&
                strcmp(json_string_value(json_object_get(g, "why")), e[i].why) == 0)
                to = json_object_get(g, "to");
        }
        if (!to) {
            json_t *g = json_pack("{s:s, s:s, s:[]}", "word", e[i].word, "why", e[i].why, "to");
            json_array_append_new(a, g);
            to = json_object_get(g, "to");
        }
        json_array_append_new(to, json_string(e[i].to));
    }
    return a;
}

json_t *izde__expanded_json(const izde_results *r)
{
    const izde_expansion *e;
    size_t n = izde_results_expansions(r, &e);
    return expansions_json(e, n);
}

json_t *izde__query_expanded_json(izde_db *db, const char *query)
{
    izde_pquery pq;
    if (izde__db_parse_query(db, query, &pq) != IZDE_OK)
        return NULL;
    izde_expansion *e = pq.nexpanded ? calloc(pq.nexpanded, sizeof *e) : NULL;
    json_t *j = NULL;
    if (e) {
        for (size_t i = 0; i < pq.nexpanded; i++)
            e[i] = (izde_expansion){pq.expanded[i].word, pq.expanded[i].to,
                                    izde__xwhy_name(pq.expanded[i].why)};
        j = expansions_json(e, pq.nexpanded);
    }
    free(e);
    izde__pquery_clear(&pq);
    return j;
}

int izde_results_json(const izde_results *r, izde_db *db, const char *query, double took_ms,
                      char **json_out)
{
    *json_out = NULL;
    json_t *o = json_object();
    if (!o)
        return IZDE_ENOMEM;
    json_object_set_new(o, "query", json_string(query));
    json_object_set_new(o, "matches_estimated", json_integer(izde_results_estimated(r)));
    json_object_set_new(o, "counts", json_string(izde_results_by_story(r) ? "stories" : "articles"));
    json_object_set_new(o, "articles_estimated",
                        json_integer(izde_results_articles_estimated(r)));
    if (izde_results_suggestion(r))
        json_object_set_new(o, "suggestion", json_string(izde_results_suggestion(r)));
    izde__add_partial(o, db);
    if (took_ms >= 0)
        json_object_set_new(o, "took_ms", json_real(took_ms));
    json_t *hits = json_array();
    for (unsigned i = 0; i < izde_results_count(r); i++) {
        const izde_hit *h = izde_results_hit(r, i);
        json_t *jh = json_object();
        json_object_set_new(jh, "rank", json_integer(h->rank));
        izde__json_set_strs(jh,
                            (const char *const[]){"id", "path", "url", "title", "lang", "source",
                                                  "date"},
                            (const char *const[]){h->id, h->path, h->url, h->title, h->lang,
                                                  h->source, h->date}, 7);
        json_object_set_new(jh, "score", json_real(h->score));
        json_object_set_new(jh, "snippets", snippets_json(h));
        json_object_set_new(jh, "figures", figures_json(h));
        json_object_set_new(jh, "figures_total", json_integer((json_int_t)h->figures_total));
        json_object_set_new(jh, "story", izde__json_str(h->story ? h->story : h->id));
        json_object_set_new(jh, "copies", json_integer(h->copies));
        json_t *ids = json_array();
        for (size_t k = 0; k < h->ncopy_ids; k++)
            json_array_append_new(ids, izde__json_str(h->copy_ids[k]));
        json_object_set_new(jh, "copy_ids", ids);
        json_array_append_new(hits, jh);
    }
    json_object_set_new(o, "hits", hits);
    json_t *x = izde__expanded_json(r);
    if (x)
        json_object_set_new(o, "expanded", x);
    *json_out = json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(6));
    json_decref(o);
    return *json_out ? IZDE_OK : IZDE_ENOMEM;
}
