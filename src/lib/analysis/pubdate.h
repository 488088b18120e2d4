/*
 * pubdate.h - the publication date an article's text states (pubdate.c).
 */
#ifndef IZDE_PUBDATE_H
#define IZDE_PUBDATE_H

#include <stddef.h>

/* One line of an article: s[0..n), without its blanks at either end. */
typedef struct izde_span {
    const char *s;
    size_t n;
} izde_span;

/* Bytes of a publication label («Опубликовано», «Дата публикации»,
 * «Жарыяланды», «Published») at the start of s[0..n), else 0. */
size_t izde__date_label_len(const char *s, size_t n);

/* The publication date ("YYYY-MM-DD", malloc'ed) that the article's
 * non-empty lines l[0..nl) state, l[title] its title (title >= nl: none);
 * NULL when they state none or it is unsure. */
char *izde__publication_date(const izde_span *l, size_t nl, size_t title);

#endif
