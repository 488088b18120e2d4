/*
 * citations.c - an article citing a figure (izde_citation): read from the
 * stored article and its stored figure, written as JSON, freed.
 */
#include <stdlib.h>
#include <string.h>

#include "citations.h"
#include "docstore.h"
#include "figures.h"

/* A string member as a copy; NULL when absent or not a string. */
static int copy_str(json_t *o, const char *key, const char **out)
{
    const char *s = json_string_value(json_object_get(o, key));
    *out = s ? strdup(s) : NULL;
    return s && !*out ? -1 : 0;
}

int izde__cite_into(izde_citation *c, json_t *doc, json_t *fig, const char *text, size_t tlen)
{
    izde__figure_expand(fig, text, tlen);
    memset(c, 0, sizeof *c);
    c->copies = 1;
    izde_hit_figure *f = &c->figure;
    f->value = json_number_value(json_object_get(fig, "value"));
    f->high = json_number_value(json_object_get(fig, "high"));
    f->start = (size_t)json_integer_value(json_object_get(fig, "start"));
    f->end = (size_t)json_integer_value(json_object_get(fig, "end"));
    f->kind = izde__figure_kind_name(izde__figure_json_kind(fig));
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

int izde__cite(izde__citations *list, json_t *doc, json_t *fig, const char *text, size_t tlen)
{
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 16;
        izde_citation *v = realloc(list->v, cap * sizeof *v);
        if (!v)
            return IZDE_ENOMEM;
        list->v = v, list->cap = cap;
    }
    return izde__cite_into(&list->v[list->n++], doc, fig, text, tlen);
}

void izde__citations_free(izde_citation *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        izde_citation *c = &v[i];
        const char *s[] = {c->id, c->title, c->path, c->url, c->date, c->source, c->lang,
                           c->figure.qualifier, c->figure.unit, c->figure.noun,
                           c->figure.noun_stem, c->figure.key, c->figure.label,
                           c->figure.text, c->figure.sentence,
                           c->first.id, c->first.title, c->first.date, c->first.source};
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
    json_object_set_new(e, "copies", json_integer(c->copies ? c->copies : 1));
    if (c->first.id) {
        json_t *f = json_object();
        izde__json_set_strs(f, (const char *const[]){"id", "title", "date", "source"},
                            (const char *const[]){c->first.id, c->first.title, c->first.date,
                                                  c->first.source}, 4);
        json_object_set_new(e, "first", f);
    }
    return e;
}

json_t *izde__citations_json(const izde_citation *v, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, izde__citation_json(&v[i]));
    return a;
}
