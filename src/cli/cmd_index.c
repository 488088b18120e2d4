/*
 * cmd_index.c - `izde index [--db DIR] PATH...`: index files and folders,
 * reporting each file or record that could not be indexed on stderr.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli.h"

static const char usage_text[] =
    "usage: izde index [--db DIR] [-v] PATH...\n"
    "Index .txt and .md files (one article each) and .jsonl files (one article per\n"
    "line: id, title, text|content|body, url, date, source, lang); folders are\n"
    "read recursively.  Re-indexing a file or id replaces its document.\n"
    "Text files may be UTF-8, UTF-16 with a BOM, windows-1251, KOI8-R, ISO-8859-5\n"
    "or IBM866: the charset is detected and converted to UTF-8.\n"
    "  -v, --verbose  print the charset of each text file on stderr\n";

static void on_problem(void *payload, const char *path, unsigned long line, int status,
                       const char *msg)
{
    (void)payload;
    (void)status;
    if (line)
        cli_error("%s:%lu: %s", cli_display_path(path), line, msg);
    else
        cli_error("%s: %s", cli_display_path(path), msg);
}

static void on_warning(void *payload, const char *path, const char *msg)
{
    (void)payload;
    if (path)
        cli_error("%s: warning: %s", cli_display_path(path), msg);
    else
        cli_error("warning: %s", msg);
}

static void on_notice(void *payload, const char *path, const char *msg)
{
    (void)payload;
    cli_error("%s: %s", cli_display_path(path), msg);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int cmd_index(int argc, char **argv)
{
    const char *dbopt = NULL;
    int verbose = 0;
    int first_path = 0, npaths = 0;
    char **paths = argv + 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(usage_text, stdout);
            return CLI_OK;
        } else if (strcmp(argv[i], "-v") == 0 || strcmp(argv[i], "--verbose") == 0) {
            verbose = 1;
        } else if (strcmp(argv[i], "--db") == 0) {
            if (i + 1 >= argc) {
                cli_error("--db needs a folder");
                return CLI_ERROR;
            }
            dbopt = argv[++i];
        } else if (strncmp(argv[i], "--db=", 5) == 0) {
            dbopt = argv[i] + 5;
        } else if (strcmp(argv[i], "--") == 0) {
            for (i++; i < argc; i++)
                paths[npaths++] = argv[i];
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            cli_error("index: unknown option '%s'", argv[i]);
            fputs(usage_text, stderr);
            return CLI_ERROR;
        } else {
            paths[npaths++] = argv[i]; /* compacts in place; i >= npaths */
        }
    }
    (void)first_path;
    if (npaths == 0) {
        cli_error("index: give at least one file or folder to index");
        fputs(usage_text, stderr);
        return CLI_ERROR;
    }
    const char *dbpath = cli_db_path(dbopt);
    izde_db *db = NULL;
    char *err = NULL;
    int rc = izde_db_open(&db, dbpath, IZDE_DB_WRITE, &err);
    if (rc != IZDE_OK) {
        cli_error("%s", err ? err : izde_status_name(rc));
        izde_free(err);
        return CLI_ERROR;
    }
    if (verbose)
        izde_db_set_notice(db, on_notice, NULL);
    izde_db_set_warning(db, on_warning, NULL);
    double t0 = now();
    izde_index_stats st = {0};
    for (int i = 0; i < npaths && rc == IZDE_OK; i++)
        rc = izde_index_path(db, paths[i], on_problem, NULL, &st);
    if (rc != IZDE_OK) {
        cli_error("indexing stopped: %s", izde_db_errmsg(db));
        cli_error("the index keeps what was committed before; run the same command again");
        izde_db_close(db);
        return CLI_ERROR;
    }
    rc = izde_db_commit(db);
    unsigned total = 0;
    if (rc == IZDE_OK)
        rc = izde_db_doccount(db, &total);
    if (rc != IZDE_OK) {
        cli_error("%s", izde_db_errmsg(db));
        izde_db_close(db);
        return CLI_ERROR;
    }
    izde_db_close(db);
    printf("indexed %u article%s from %u file%s in %.2f s; %s now holds %u document%s\n",
           st.articles, st.articles == 1 ? "" : "s", st.files, st.files == 1 ? "" : "s",
           now() - t0, dbpath, total, total == 1 ? "" : "s");
    if (st.failed) {
        cli_error("%u file%s or record%s could not be indexed (listed above); the rest was indexed",
                  st.failed, st.failed == 1 ? "" : "s", st.failed == 1 ? "" : "s");
        return CLI_NONE;
    }
    return CLI_OK;
}
