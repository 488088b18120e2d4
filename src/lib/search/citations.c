/*
 * citations.c - an article citing a figure (izde_citation): read from the
 * stored article and its stored figure, written as JSON, freed; and the
 * walk over the matching articles that facts and checks read.
 */
#include <stdlib.h>
#include <string.h>

#include "citations.h"
#include "docstore.h"

int izde__each_doc(izde_db *db, izx_query *xq, unsigned offset, unsigned max, izde__doc_fn fn,
                   void *ctx, unsigned *nmatched)
{
    izx_mset *m = NULL;
    /* equal weights in id order: the same articles and order from any
     * set of shards (ranking.c) */
    int x = izx_enquire(&m, db->x, xq, offset, max, IZX_SORT_REL_THEN(IZDE_SLOT_META), 0);
    if (x != IZX_OK)
        return izde__db_izx_error(db, x, "search failed");
    int rc = IZDE_OK;
    *nmatched = izx_mset_size(m);
    for (unsigned i = 0; i < izx_mset_size(m) && rc == IZDE_OK; i++) {
        izde_stored sd;
        if (izde__doc_read(m, i, IZDE_DOC_BODY, &sd) == IZX_OK)
            rc = fn(ctx, sd.doc, sd.text, sd.text_len);
        izde__stored_clear(&sd);
    }
    izx_mset_free(m);
    return rc;
}

/* A string member as a copy; NULL when absent or not a string. */
static int copy_str(json_t *o, const char *key, const char **out)
{
    const char *s = json_string_value(json_object_get(o, key));
    *out = s ? strdup(s) : NULL;
    return s && !*out ? -1 : 0;
}

int izde__cite(izde__citations *list, json_t *doc, json_t *fig, const char *text, size_t tlen)
{
    izde__figure_expand(fig, text, tlen);
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 16;
        izde_citation *v = realloc(list->v, cap * sizeof *v);
        if (!v)
            return IZDE_ENOMEM;
        list->v = v, list->cap = cap;
    }
    izde_citation *c = &list->v[list->n++];
    memset(c, 0, sizeof *c);
    izde_hit_figure *f = &c->figure;
    f->value = json_number_value(json_object_get(fig, "value"));
    f->high = json_number_value(json_object_get(fig, "high"));
    f->start = (size_t)json_integer_value(json_object_get(fig, "start"));
    f->end = (size_t)json_integer_value(json_object_get(fig, "end"));
    int bad = copy_str(doc, "id", &c->id) | copy_str(doc, "title", &c->title) |
              copy_str(doc, "path", &c->path) | copy_str(doc, "url", &c->url) |
              copy_str(doc, "date", &c->date) | copy_str(doc, "source", &c->source) |
              copy_str(doc, "lang", &c->lang) | copy_str(fig, "qualifier", &f->qualifier) |
              copy_str(fig, "unit", &f->unit) | copy_str(fig, "noun", &f->noun) |
              copy_str(fig, "noun_stem", &f->noun_stem) | copy_str(fig, "key", &f->key) |
              copy_str(fig, "label", &f->label) | copy_str(fig, "text", &f->text) |
              copy_str(fig, "sentence", &f->sentence);
    return bad ? IZDE_ENOMEM : IZDE_OK;
}

void izde__citations_free(izde_citation *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        izde_citation *c = &v[i];
        const char *s[] = {c->id, c->title, c->path, c->url, c->date, c->source, c->lang,
                           c->figure.qualifier, c->figure.unit, c->figure.noun,
                           c->figure.noun_stem, c->figure.key, c->figure.label,
                           c->figure.text, c->figure.sentence};
        for (size_t k = 0; k < sizeof s / sizeof *s; k++)
            free((char *)s[k]);
    }
    free(v);
}

json_t *izde__citation_json(const izde_citation *c)
{
    json_t *e = json_object();
    izde__json_set_strs(e, (const char *const[]){"id", "title", "path", "url", "date", "source",
                                                 "lang"},
                        (const char *const[]){c->id, c->title, c->path, c->url, c->date,
                                              c->source, c->lang}, 7);
    izde__figure_core_json(e, &c->figure);
    izde__json_set_strs(e, (const char *const[]){"text", "sentence"},
                        (const char *const[]){c->figure.text, c->figure.sentence}, 2);
    return e;
}

json_t *izde__citations_json(const izde_citation *v, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, izde__citation_json(&v[i]));
    return a;
}
