/* fuzz_query.c - libFuzzer target: izde__query_parse() with the ru and ky stemmers and no database. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "izde-private.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static izde_analyzer *a;
    static izde_qstemmers st;
    if (!a) {
        if (izde_analyzer_new(&a, NULL) != 0 || izde_stemmer_new(&st.ru, "ru") != 0 ||
            izde_stemmer_new(&st.ky, "ky") != 0)
            abort();
    }
    char *q = malloc(size + 1); /* the query is a C string */
    if (!q)
        return 0;
    memcpy(q, data, size);
    q[size] = '\0';
    izde_pquery pq;
    memset(&pq, 0, sizeof pq);
    char *err = NULL;
    if (izde__query_parse(&pq, a, &st, q, &err) == 0)
        izde__pquery_clear(&pq);
    izde_free(err);
    free(q);
    return 0;
}
