/*
 * terms.h - from a token to the terms it is indexed and searched as: the
 * stemmer of a language and its term prefix, the stem of a token, hyphen
 * joints of compounds (terms.c).
 */
#ifndef IZDE_TERMS_H
#define IZDE_TERMS_H

#include <stddef.h>

#include "analyzer.h"
#include "stem.h"

/* The stemmer for an article language ("ru": `ru`, "ky": `ky`), or NULL;
 * and the term prefix of its stems. */
izde_stemmer *izde__stemmer_for(izde_stemmer *ru, izde_stemmer *ky, const char *lang,
                                const char **prefix);
/* Stem a token: Kyrgyz gets the token as written in `text` (its case
 * matters), Russian the normalised term. */
const char *izde__stem_token(izde_stemmer *s, int kyrgyz, const izde_token *tok, const char *text,
                             size_t *out_len);
/* The same for a word given as its normalised term and as written
 * (`orig` may be NULL).  Russian acronyms are not stemmed. */
const char *izde__stem_word(izde_stemmer *s, int kyrgyz, const char *term, size_t len,
                            const char *orig, size_t olen, size_t *out_len);
/* Tokens joined by one hyphen ("2021-жылдын", "северо-западный") form a
 * compound; returns 1 if text[a_end..b_start) is such a joint. */
int izde__is_hyphen_joint(const char *text, size_t a_end, size_t b_start);

#endif /* IZDE_TERMS_H */
