/* fuzz_webfiles.c - libFuzzer target: the web archive and feed readers
 * (warc_reader.c, warc_http.c, feed_reader.c) via izde_extract_file() on
 * a temp file: the first byte picks .warc, .warc.gz or .rss. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "izde.h"

static char dir[] = "/tmp/izde-fuzz-web-XXXXXX";

static void problem(void *p, const char *path, unsigned long line, int st, const char *msg)
{
    (void)p, (void)path, (void)line, (void)st, (void)msg;
}

static int article(void *p, const izde_article *a)
{
    (void)p, (void)a;
    return IZDE_OK;
}

static void cleanup(void)
{
    char cmd[sizeof dir + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        return;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        if (!mkdtemp(dir))
            abort();
        atexit(cleanup);
        ready = 1;
    }
    if (size < 1)
        return 0;
    static const char *const exts[] = {"warc", "warc.gz", "rss"};
    char file[sizeof dir + 16];
    snprintf(file, sizeof file, "%s/in.%s", dir, exts[data[0] % 3]);
    FILE *f = fopen(file, "wb");
    if (!f)
        abort();
    if (size > 1 && fwrite(data + 1, 1, size - 1, f) != size - 1)
        abort();
    fclose(f);
    izde_extract_file(file, article, NULL, problem, NULL);
    unlink(file);
    return 0;
}
