/*
 * excerpt.h - the sentence shown with a figure, bounded (excerpt.c): a
 * sentence of any length becomes at most IZDE_SENTENCE_MAX_BYTES (izde.h)
 * of it around the figure, cut at spaces, with "…" where it was cut.
 */
#ifndef IZDE_EXCERPT_H
#define IZDE_EXCERPT_H

#include <stddef.h>

/*
 * The sentence [sent_start, sent_end) of `text` (tlen bytes of UTF-8) as
 * shown with the figure [start, end) standing in it: the whole sentence
 * when it is at most IZDE_SENTENCE_MAX_BYTES long, else a window of at
 * most that many bytes holding the figure (its start, for a figure longer
 * than the window), cut on characters (at spaces where one is near), with
 * "…" before and after where something was left out.  *len_out gets the
 * length.  malloc'ed and NUL-terminated; NULL when out of memory or when
 * the offsets do not fit the text.
 */
char *izde__sentence_excerpt(const char *text, size_t tlen, size_t sent_start, size_t sent_end,
                             size_t start, size_t end, size_t *len_out);

#endif /* IZDE_EXCERPT_H */
