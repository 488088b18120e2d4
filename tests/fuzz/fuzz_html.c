/* fuzz_html.c - libFuzzer target: the HTML page reader (html_page.c: charset,
 * libxml2's HTML parser, the main text and the metadata) on the input as a
 * page, and as a feed item's HTML fragment. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "izde.h"
#include "web.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    izde_page p;
    const char *err = NULL;
    if (izde__html_page((const char *)data, size, "https://www.example.kg/2020/01/02/a", NULL, &p,
                        &err) == IZDE_OK)
        izde__page_free(&p);
    free(izde__html_fragment_text((const char *)data, size));
    return 0;
}
