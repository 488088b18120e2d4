/*
 * cmd_compact.c - `izde compact [--db DIR]`: rewrite the index with its
 * B-trees full, under the writer's lock, as one step (db/compact.c), and
 * say how many bytes it took before and after.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "options.h"

enum { O_DB = 1 };

static const cli_option compact_options[] = {
    {O_DB, "--db", NULL, "DIR", NULL, "the index folder (default $IZDE_DB, else index/db)"},
    {0},
};

const cli_command cli_cmd_compact = {
    "compact", cmd_compact, "", CLI_OPERANDS_NONE,
    "rewrite the index at its smallest",
    "Rewrite the index with its B-trees full, as Xapian's compactor does: an index\n"
    "grown by many runs of izde index takes less room and reads faster after it.\n"
    "A bulk build into a new index ends compact already.  The writer's lock is\n"
    "held as izde index holds it, and the compacted copy replaces the index in\n"
    "one step, so a stopped run leaves the index as it was.",
    compact_options, 0,
};

static double mib(unsigned long long b)
{
    return (double)b / (1024.0 * 1024.0);
}

int cmd_compact(int argc, char **argv)
{
    const char *path = cli_parse_db_only(&cli_cmd_compact, argc, argv);
    if (!path)
        return CLI_ERROR;
    int code = CLI_ERROR;
    /* an index that is not there is an error, not a new empty one */
    izde_db *db = cli_open_path(path, IZDE_DB_READ, &code);
    if (!db)
        return code;
    unsigned shards = izde_db_shard_count(db);
    izde_db_close(db);
    if (shards > 1) {
        cli_error("compact: '%s' is a set of %u shards: compact each one by itself "
                  "(izde compact --db %s/shard-1, ...)", path, shards, path);
        return CLI_ERROR;
    }
    if (!(db = cli_open_write(path, &code)))
        return code;
    unsigned long long before = 0, after = 0;
    int rc = izde_db_compact(db, &before, &after);
    if (rc != IZDE_OK) {
        cli_error("%s", izde_db_errmsg(db));
        izde_db_close(db);
        return CLI_ERROR;
    }
    unsigned docs = 0;
    izde_db_doccount(db, &docs);
    izde_db_close(db);
    printf("compacted %s: %u documents, %.1f MiB before, %.1f MiB after\n", path, docs,
           mib(before), mib(after));
    return CLI_OK;
}
