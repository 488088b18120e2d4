/*
 * stem_ky.h - izde's Kyrgyz (Cyrillic) stemmer, following the libstemmer
 * contract (see ../shared/KYRGYZ-STEMMER.md for the algorithm).
 *
 * Input: one word as UTF-8, in its ORIGINAL case (acronym and head+tail
 * rules need it: "ИИМдин" -> "иим", "KOICAнын" -> "koica", "100дөн" ->
 * "100"); already lower-cased input is accepted too (those rules then do
 * not fire).  Output: the lower-cased stem, UTF-8, owned by the stemmer
 * and valid until its next call.  No allocation per word; one instance
 * per thread.
 */
#ifndef IZDE_STEM_KY_H
#define IZDE_STEM_KY_H

#include <stddef.h>

typedef struct izde_ky_stemmer izde_ky_stemmer;

/* Flags (0 = the default, precision-first configuration). */
#define IZDE_KY_DERIV  1u /* also strip derivational -лык/-дык/-тык */
#define IZDE_KY_AORIST 2u /* also strip the bare aorist -ат/-ет */

/* NULL only when out of memory. */
izde_ky_stemmer *izde_ky_stemmer_new(unsigned flags);
/* Stem `len` bytes of `word`.  Returns the stem (NUL-terminated); NULL
 * only on out-of-memory (never for bad input: words it cannot handle,
 * e.g. longer than 64 code points or invalid UTF-8, come back lower-cased
 * or unchanged). */
const char *izde_ky_stemmer_stem(izde_ky_stemmer *s, const char *word, size_t len);
/* Length in bytes of the last stem returned. */
size_t izde_ky_stemmer_length(const izde_ky_stemmer *s);
/* Accepts NULL. */
void izde_ky_stemmer_delete(izde_ky_stemmer *s);

#endif /* IZDE_STEM_KY_H */
