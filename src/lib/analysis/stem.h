/*
 * stem.h - stemmer dispatch by language (internal to libizde).  The API is
 * public (izde_stemmer_* in izde.h); this header only ties stem.c to it.
 */
#ifndef IZDE_STEM_H
#define IZDE_STEM_H

#include <stddef.h>

#include "izde.h"

/* All letters capitals, two to five of them: an acronym (not stemmed in
 * Russian; stem.c). */
int izde__is_acronym(const char *w, size_t n);

#endif /* IZDE_STEM_H */
