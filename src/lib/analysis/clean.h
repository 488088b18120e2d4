/*
 * clean.h - site chrome out of a scraped article, by rules on its lines,
 * with the lines seen across the articles of one source (clean.c).
 */
#ifndef IZDE_CLEAN_H
#define IZDE_CLEAN_H

#include <stddef.h>

/* Lines seen per source during one indexing run (cross-article chrome). */
typedef struct izde_seen izde_seen;

izde_seen *izde__seen_new(void);
void izde__seen_free(izde_seen *t);

typedef struct izde_clean {
    char *text;    /* the article without chrome lines, lines joined by '\n' */
    size_t len;
    char *title;   /* first line of five words or more (a paragraph: its first sentence), or NULL */
    char *source;  /* attribution in the text (lower-cased host for domains), or NULL */
    char *date;    /* YYYY-MM-DD from a "Опубликовано:" line or dateline, or NULL */
} izde_clean;

/* Clean `text`; `seen` (may be NULL) counts lines across articles of the
 * same `source_key`: a line counted for three earlier articles is chrome,
 * and this article's lines are counted after.  Everything in *out is
 * malloc'ed. */
int izde__clean_article(izde_clean *out, const char *text, size_t len, izde_seen *seen,
                        const char *source_key);

/* Count the lines of `text` in `seen` without cleaning it: the articles of
 * a file are counted first, then cleaned with izde__clean_counted(), so
 * the first articles of a source know the lines that the later ones
 * repeat. */
int izde__seen_count(izde_seen *seen, const char *text, size_t len, const char *source_key);

/* izde__clean_article() for an article izde__seen_count() counted: a line
 * is chrome when three other articles have it; nothing more is counted. */
int izde__clean_counted(izde_clean *out, const char *text, size_t len, izde_seen *seen,
                        const char *source_key);
void izde__clean_free(izde_clean *c);

#endif /* IZDE_CLEAN_H */
