/*
 * translit.h - Cyrillic spellings of a word written in Latin letters.
 */
#ifndef IZDE_TRANSLIT_H
#define IZDE_TRANSLIT_H

#include <stddef.h>

typedef int (*izde_spelling_fn)(void *ctx, const char *cyr, size_t len);
int izde__latin_spellings(const char *word, size_t len, size_t max, izde_spelling_fn fn,
                          void *ctx);

#endif /* IZDE_TRANSLIT_H */
