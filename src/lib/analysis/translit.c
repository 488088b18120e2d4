/* translit.c - placeholder */
#include "translit.h"

int izde__latin_spellings(const char *word, size_t len, size_t max, izde_spelling_fn fn,
                          void *ctx)
{
    (void)word, (void)len, (void)max, (void)fn, (void)ctx;
    return 0;
}
