/*
 * citations.h - what facts.c and check.c share (citations.c): an article
 * citing a figure as a typed izde_citation and as JSON.
 */
#ifndef IZDE_CITATIONS_H
#define IZDE_CITATIONS_H

#include <jansson.h>

#include "izde-private.h"

/* A growable list of citations. */
typedef struct izde__citations {
    izde_citation *v;
    size_t n, cap;
} izde__citations;

/* The citation of stored figure `fig` of stored article `doc` whose
 * clean text is `text` (the figure's sentence cut as excerpt.c does):
 * izde__cite_into() fills *c, izde__cite() appends it to `list`;
 * IZDE_ENOMEM when out of memory. */
int izde__cite_into(izde_citation *c, json_t *doc, json_t *fig, const char *text, size_t tlen);
int izde__cite(izde__citations *list, json_t *doc, json_t *fig, const char *text, size_t tlen);
/* Free the strings of v[0..n) and v. */
void izde__citations_free(izde_citation *v, size_t n);
/* A citation as JSON: the article (id, title, path, url, date, source,
 * lang) then the figure (value, high, qualifier, unit, noun, text,
 * sentence), its copies and its first source ({id, title, date, source},
 * when known). */
json_t *izde__citation_json(const izde_citation *c);
/* An array of the citations v[0..n). */
json_t *izde__citations_json(const izde_citation *v, size_t n);

#endif /* IZDE_CITATIONS_H */
