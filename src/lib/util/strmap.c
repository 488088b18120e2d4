/*
 * strmap.c - a chained hash table of strings to strings, grown to keep its
 * chains short (strmap.h).
 */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "strmap.h"

typedef struct entry {
    struct entry *next;
    char *value;
    char key[];
} entry;

struct izde_strmap {
    entry **b;
    size_t nb, n;
};

static size_t bucket(size_t nb, const char *key)
{
    return (size_t)(izde__hash(IZDE_HASH_SEED_V1, key, strlen(key)) & (nb - 1));
}

/* Twice the buckets; on failure the chains only get longer. */
static void grow(izde_strmap *m)
{
    size_t nb = m->nb ? m->nb * 2 : 256;
    entry **b = calloc(nb, sizeof *b);
    if (!b)
        return;
    for (size_t i = 0; i < m->nb; i++)
        for (entry *e = m->b[i], *next; e; e = next) {
            next = e->next;
            size_t j = bucket(nb, e->key);
            e->next = b[j];
            b[j] = e;
        }
    free(m->b);
    m->b = b;
    m->nb = nb;
}

int izde__strmap_put(izde_strmap **mp, const char *key, const char *value)
{
    if (!*mp && !(*mp = calloc(1, sizeof **mp)))
        return -1;
    izde_strmap *m = *mp;
    if (m->n >= m->nb)
        grow(m);
    size_t klen = strlen(key);
    entry *e = m->nb ? malloc(sizeof *e + klen + 1) : NULL;
    if (!e || !(e->value = strdup(value))) {
        free(e);
        return -1;
    }
    memcpy(e->key, key, klen + 1);
    size_t j = bucket(m->nb, key);
    e->next = m->b[j];
    m->b[j] = e;
    m->n++;
    return 0;
}

int izde__strmap_take(izde_strmap *m, const char *key, char *out, size_t size)
{
    if (!m || !m->n)
        return 0;
    for (entry **p = &m->b[bucket(m->nb, key)]; *p; p = &(*p)->next)
        if (strcmp((*p)->key, key) == 0) {
            entry *e = *p;
            *p = e->next;
            size_t n = strlen(e->value);
            n = n < size ? n : size - 1;
            memcpy(out, e->value, n);
            out[n] = '\0';
            free(e->value);
            free(e);
            m->n--;
            return 1;
        }
    return 0;
}

void izde__strmap_free(izde_strmap *m)
{
    for (size_t i = 0; m && i < m->nb; i++)
        for (entry *e = m->b[i], *next; e; e = next) {
            next = e->next;
            free(e->value);
            free(e);
        }
    if (m)
        free(m->b);
    free(m);
}
