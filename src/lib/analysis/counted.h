/*
 * counted.h - what a figure counts (internal to libizde): the unit a word
 * names in either language and any case form, and the key and label of
 * a counted noun, the same for every form of one word in Russian and
 * Kyrgyz.
 *
 *   «килограммга», «килограммов», «кг», «кило»   unit "кг"
 *   «гривен», «гривны», «грн»                     unit "гривна"
 *   «долларов», «долларды», «$», «долл»           unit "доллар"
 *   «мигрантов» (ru), «мигранттар» (ky)           key "мигрант", label мигрант
 *   «лидеров» (ru), «лидерлердин» (ky)            key "лидер", label лидер
 *   «компании» (ru), «компаниялар» (ky)           key "компан"
 *
 * A unit word is a base form of the unit with a case ending of its
 * language, read by the stemmers (stem.c, stem_ky.c): Russian, when its
 * Snowball stem is the stem of a base form and what follows the part it
 * shares with the base form is a Russian noun ending; Kyrgyz, when it is
 * a Kyrgyz base form or its Kyrgyz stem is one.  Abbreviations match only
 * as written («т» but not «Том», «л» but not «лет»).
 *
 * A noun's key: its Russian stem in a Russian text; its Kyrgyz stem in a
 * Kyrgyz one, without a loanword's final vowel, which is how Russian
 * stems end («компания» ky stem компания, ru stem компан): ия ья ие ея
 * when three letters remain (Индия), а я и й ь when four do (машина; but
 * кара, пара, буга are Kyrgyz words and stay whole).  Kyrgyz units are
 * read with derivations too («100 сомдук айып» is сом).  A unit word's key is the
 * unit.  The label is the word's dictionary form when the word shows it:
 * the Kyrgyz stem (Kyrgyz nominatives carry no ending); in Russian the
 * word itself, or its stem's letters when the ending is masculine
 * («самолётов» -> самолёт).
 */
#ifndef IZDE_COUNTED_H
#define IZDE_COUNTED_H

#include <stddef.h>

/* The two stemmers and the stems of the units' base forms, made on first
 * use; one per thread. */
typedef struct izde_counted izde_counted;

/* NULL only when out of memory. */
izde_counted *izde__counted_new(void);
/* Accepts NULL. */
void izde__counted_free(izde_counted *c);

/* The unit `n` bytes of the lower-cased word `w` name ("кг", "т", "%",
 * "доллар"... see counted.c), or NULL (also when out of memory).
 * *currency is set to 1 for money; *bare to 1 when the word is a base
 * form or an abbreviation, 0 when it is inflected (Kyrgyz writes the
 * measured thing before an inflected unit: «96 пайызы»).  Either may be
 * NULL. */
const char *izde__counted_unit(izde_counted *c, const char *w, size_t n, int *currency,
                               int *bare);

/* The group key of a counted word as written (`ky`: read as Kyrgyz, else
 * as Russian): the unit it names, else the noun's key.  A malloc'd
 * string; NULL when out of memory. */
char *izde__counted_key(izde_counted *c, const char *word, size_t n, int ky);

/* The word's dictionary form as far as the word shows it, lower-cased.
 * A malloc'd string; NULL when out of memory. */
char *izde__counted_label(izde_counted *c, const char *word, size_t n, int ky);

/* The label a group of figures is shown under, from the labels of its
 * figures (`labels[i]` seen `counts[i]` times) and its key: the most
 * frequent label that is the key itself (ё read е), then one that is the
 * key with a nominative ending (а я о е ь й ие ия ья), then the most
 * frequent; ties go to the shorter, then the first.  NULL when n is 0. */
const char *izde__counted_group_label(const char *key, const char *const *labels,
                                      const unsigned *counts, size_t n);

#endif /* IZDE_COUNTED_H */
