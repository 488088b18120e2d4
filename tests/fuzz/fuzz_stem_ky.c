/* fuzz_stem_ky.c - libFuzzer target: the Kyrgyz stemmer (all flag sets) and the public "ru"/"ky" izde_stemmer_stem(). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "izde.h"
#include "stem_ky.h"

static void check(const char *stem, size_t len)
{
    if (!stem || stem[len] != '\0') /* NUL-terminated; input NULs may stay inside */
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static izde_ky_stemmer *ky[4];
    static izde_stemmer *ru, *kyp;
    if (!ru) {
        for (unsigned f = 0; f < 4; f++)
            if (!(ky[f] = izde_ky_stemmer_new(f)))
                abort();
        if (izde_stemmer_new(&ru, "ru") != 0 || izde_stemmer_new(&kyp, "ky") != 0)
            abort();
    }
    const char *w = (const char *)data;
    for (unsigned f = 0; f < 4; f++)
        check(izde_ky_stemmer_stem(ky[f], w, size), izde_ky_stemmer_length(ky[f]));
    /* izde_stemmer_stem() returns a word without letters as is (the
     * caller's bytes, not NUL-terminated); any other stem is a C string */
    izde_stemmer *pub[] = {ru, kyp};
    for (int i = 0; i < 2; i++) {
        size_t n = 0;
        const char *r = izde_stemmer_stem(pub[i], w, size, &n);
        if (r == w ? n != size : (check(r, n), 0))
            abort();
    }
    return 0;
}
