/* fuzz_analyzer.c - libFuzzer target: izde_analyze() and izde_analyzer_normalize() on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer.h"

static int on_token(void *ctx, const izde_token *t)
{
    size_t len = *(const size_t *)ctx;
    /* the documented contract: offsets inside the input, term NUL-terminated */
    if (t->start > t->end || t->end > len || t->term[t->term_len] != '\0')
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static izde_analyzer *a;
    if (!a && izde_analyzer_new(&a, NULL) != 0)
        abort();
    izde_analyze(a, (const char *)data, size, on_token, &size);
    size_t n = 0;
    izde_analyzer_normalize(a, (const char *)data, size, &n);
    return 0;
}
