/*
 * stem.h - stemmer dispatch by language (internal to libizde).  The API is
 * public (izde_stemmer_* in izde.h); this header only ties stem.c to it.
 */
#ifndef IZDE_STEM_H
#define IZDE_STEM_H

#include "izde.h"

#endif /* IZDE_STEM_H */
