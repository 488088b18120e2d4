/* fuzz_figures.c - libFuzzer target: izde__figures_extract() on arbitrary text, as ru, ky and unknown language. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "analyzer.h"
#include "figures.h"
#include "izde.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static izde_stemmer *ru, *ky;
    static izde_analyzer *an; /* shared across calls, as the indexer does */
    if (!ru && (izde_stemmer_new(&ru, "ru") != 0 || izde_stemmer_new(&ky, "ky") != 0 ||
                izde_analyzer_new(&an, NULL) != 0))
        abort();
    const char *langs[] = {"ru", "ky", "en"};
    izde_stemmer *st[] = {ru, ky, NULL};
    for (int i = 0; i < 3; i++) {
        izde_figures *f = NULL;
        if (izde__figures_extract(&f, an, (const char *)data, size, langs[i], st[i]) != 0)
            continue;
        for (size_t k = 0, n = izde__figures_count(f); k < n; k++) {
            const izde_figure *g = izde__figures_get(f, k);
            if (g->start > g->end || g->end > size || g->num_end > size || g->sent_end > size ||
                g->kind < 0 || g->kind >= IZDE_FIG_NKINDS || !izde__figure_kind_name(g->kind))
                abort();
        }
        izde__figures_free(f);
    }
    return 0;
}
