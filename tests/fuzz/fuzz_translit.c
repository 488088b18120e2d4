/* fuzz_translit.c - libFuzzer target: izde__latin_spellings(), the Cyrillic spellings of a Latin word.
 * The first byte is max (0-255, and 1000 for 255: above the cap), the rest the word.  Every
 * answer is a status or a count within max; every spelling is UTF-8, NUL-terminated, distinct. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "izde.h"
#include "translit.h"

typedef struct seen {
    size_t n;
    char *s[IZDE_LATIN_MAX_SPELLINGS];
} seen;

static int check(void *ctx, const char *cyr, size_t len)
{
    seen *z = ctx;
    if (cyr[len] != '\0' || strlen(cyr) != len || izde_utf8_valid_prefix(cyr, len) != len ||
        z->n >= IZDE_LATIN_MAX_SPELLINGS)
        abort();
    for (size_t i = 0; i < z->n; i++)
        if (strcmp(z->s[i], cyr) == 0)
            abort();
    if (!(z->s[z->n] = strdup(cyr)))
        abort();
    z->n++;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    size_t max = data[0] == 255 ? 1000 : data[0];
    seen z = {0};
    int r = izde__latin_spellings((const char *)data + 1, size - 1, max, check, &z);
    if (r < 0 ? (r != -IZDE_EINVAL && r != -IZDE_ENOMEM) || z.n != 0
              : (size_t)r != z.n || (size_t)r > max || r > IZDE_LATIN_MAX_SPELLINGS)
        abort();
    for (size_t i = 0; i < z.n; i++)
        free(z.s[i]);
    return 0;
}
