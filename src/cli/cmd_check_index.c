/*
 * cmd_check_index.c - `izde check-index [--db DIR]`: does the index open
 * at this version, do its document count and its documents agree, can
 * every stored article be read?  Exit 0 when sound, 1 with problems
 * (listed), 2 when it cannot be opened.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void on_problem(void *payload, const char *what, unsigned long line, int status,
                       const char *msg)
{
    (void)line;
    (void)status;
    (void)payload;
    cli_error("%s: %s", what, msg);
}

int cmd_check_index(int argc, char **argv)
{
    const char *dbopt = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
            dbopt = argv[++i];
        } else if (strncmp(argv[i], "--db=", 5) == 0) {
            dbopt = argv[i] + 5;
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            puts("usage: izde check-index [--db DIR]\nCheck that the index opens, that its "
                 "document count is right and that every stored article can be read.");
            return CLI_OK;
        } else {
            cli_error("check-index: unexpected '%s'", argv[i]);
            return CLI_ERROR;
        }
    }
    const char *path = cli_db_path(dbopt);
    izde_db *db = NULL;
    char *err = NULL;
    int rc = izde_db_open(&db, path, IZDE_DB_READ, &err);
    if (rc != IZDE_OK) {
        cli_error("%s", err ? err : izde_status_name(rc));
        izde_free(err);
        return CLI_ERROR;
    }
    unsigned docs = 0, bad = 0;
    rc = izde_db_verify(db, on_problem, NULL, &docs, &bad);
    if (rc != IZDE_OK) {
        cli_error("%s", izde_db_errmsg(db));
        izde_db_close(db);
        return CLI_ERROR;
    }
    izde_db_close(db);
    if (bad) {
        cli_error("%s: %u problem%s in %u documents", path, bad, bad == 1 ? "" : "s", docs);
        return CLI_NONE;
    }
    printf("%s: format version %d, %u documents, every article readable\n", path,
           izde_index_version(), docs);
    return CLI_OK;
}
