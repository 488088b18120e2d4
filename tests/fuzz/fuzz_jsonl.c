/* fuzz_jsonl.c - libFuzzer target: the JSON Lines reader, via izde_index_path() on a temp .jsonl file into a throwaway index. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "izde.h"

static char dir[] = "/tmp/izde-fuzz-jsonl-XXXXXX";
static char file[sizeof dir + 16];
static izde_db *db;

static void problem(void *p, const char *path, unsigned long line, int st, const char *msg)
{
    (void)p, (void)path, (void)line, (void)st, (void)msg;
}

static void cleanup(void)
{
    izde_db_close(db);
    db = NULL;
    char cmd[sizeof dir + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        return;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!db) {
        if (!mkdtemp(dir))
            abort();
        char dbpath[sizeof dir + 8];
        snprintf(dbpath, sizeof dbpath, "%s/db", dir);
        snprintf(file, sizeof file, "%s/in.jsonl", dir);
        if (izde_db_open(&db, dbpath, IZDE_DB_WRITE, NULL) != 0)
            abort();
        atexit(cleanup);
    }
    FILE *f = fopen(file, "wb");
    if (!f)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);
    izde_index_stats stats = {0};
    izde_index_path(db, file, problem, NULL, &stats);
    return 0;
}
