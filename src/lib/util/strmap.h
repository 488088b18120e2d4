/*
 * strmap.h - a map of strings to short strings in memory (strmap.c): what
 * an indexing run remembers of the documents it deleted (db/run.c).
 */
#ifndef IZDE_STRMAP_H
#define IZDE_STRMAP_H

#include <stddef.h>

typedef struct izde_strmap izde_strmap;

/* Put key -> value (a new map when *m is NULL); 0, or -1 out of memory. */
int izde__strmap_put(izde_strmap **m, const char *key, const char *value);
/* Copy key's value into out[size] and take the key out: 1, or 0 when absent. */
int izde__strmap_take(izde_strmap *m, const char *key, char *out, size_t size);
void izde__strmap_free(izde_strmap *m);

#endif /* IZDE_STRMAP_H */
