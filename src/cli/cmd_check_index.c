/*
 * cmd_check_index.c - `izde check-index [--db DIR]`: does the index open
 * at this version, do its document count and its documents agree, can
 * every stored article be read?  Exit 0 when sound, 1 with problems
 * (listed), 2 when it cannot be opened.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "options.h"

enum { O_DB = 1 };

static const cli_option check_index_options[] = {
    {O_DB, "--db", NULL, "DIR", NULL, "the index folder (default $IZDE_DB, else index/db)"},
    {0},
};

const cli_command cli_cmd_check_index = {
    "check-index", cmd_check_index, "", CLI_OPERANDS_NONE,
    "check that the index is sound",
    "Run Xapian's structural check of every table, then check that the index\n"
    "opens at this version, that its document count is right and that every\n"
    "stored article can be read.  Exit 0 when sound, 1\n"
    "with problems (each listed on stderr), 2 when it cannot be opened.",
    check_index_options, 0,
};

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
    const char *path = cli_parse_db_only(&cli_cmd_check_index, argc, argv);
    if (!path)
        return CLI_ERROR;
    int code = CLI_ERROR;
    izde_db *db = cli_open_path(path, IZDE_DB_READ, &code);
    if (!db)
        return code;
    unsigned docs = 0, bad = 0;
    int rc = izde_db_verify(db, on_problem, NULL, &docs, &bad);
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
