/*
 * stem.h - stemmer dispatch by language (internal to libizde).
 *
 * "ru" goes to Snowball's Russian stemmer (libstemmer, UTF-8).  Input must
 * already be normalised by the analyzer (NFC, case-folded).  Follows the
 * libstemmer contract: the returned stem is owned by the stemmer and valid
 * until its next call; no allocation per word; one instance per thread.
 */
#ifndef IZDE_STEM_H
#define IZDE_STEM_H

#include <stddef.h>

typedef struct izde_stemmer izde_stemmer;

/* @retval IZDE_OK, IZDE_EINVAL (unknown language), IZDE_ENOMEM */
int izde_stemmer_new(izde_stemmer **out, const char *lang);
void izde_stemmer_free(izde_stemmer *s);

/* Stem `len` bytes of `word`; *out_len receives the stem length.  Returns
 * NULL only on out-of-memory. */
const char *izde_stemmer_stem(izde_stemmer *s, const char *word, size_t len, size_t *out_len);

#endif /* IZDE_STEM_H */
