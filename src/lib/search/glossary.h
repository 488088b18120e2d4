/*
 * glossary.h - izde's Russian-Kyrgyz glossary (glossary.tsv, compiled
 * in): the word of one language a query word stands for in the other
 * (выборы <-> шайлоо, МВД <-> ИИМ, Киргизия <-> Кыргызстан).
 */
#ifndef IZDE_GLOSSARY_H
#define IZDE_GLOSSARY_H

#include <stddef.h>

/* One side of a pair: its text as written and the stem of each of its
 * words (a phrase when more than one), in that side's language. */
typedef struct izde_gside {
    const char *text;
    char **stems;
    size_t n;
    int ky;
    int short_word;  /* one word of a stem under 4 letters, not an acronym
                      * (кой, ат, ок): too ambiguous to search for */
} izde_gside;

typedef struct izde_glossary izde_glossary;

/* The glossary, read and stemmed on first use (thread-safe); NULL when
 * out of memory. */
const izde_glossary *izde__glossary(void);
/* Number of pairs. */
size_t izde__glossary_size(const izde_glossary *g);
/* The other sides of the pairs whose one-word side in language `ky` has
 * the stem s[0..n): up to `max` into out[]; returns how many. */
size_t izde__glossary_lookup(const izde_glossary *g, int ky, const char *s, size_t n,
                             const izde_gside **out, size_t max);

#endif /* IZDE_GLOSSARY_H */
