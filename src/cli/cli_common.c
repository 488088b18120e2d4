/*
 * cli_common.c - helpers shared by the izde commands: index location,
 * option values, error printing and path display.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

const char *cli_db_path(const char *opt)
{
    if (opt && *opt)
        return opt;
    const char *env = getenv("IZDE_DB");
    if (env && *env)
        return env;
    return "index/db";
}

long cli_parse_count(const char *opt, const char *value)
{
    if (!value) {
        cli_error("%s needs a number", opt);
        return -1;
    }
    char *end;
    long v = strtol(value, &end, 10);
    if (*value == '\0' || *end != '\0' || v < 0 || v > 100000000) {
        cli_error("%s: '%s' is not a number from 0 to 100000000", opt, value);
        return -1;
    }
    return v;
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("izde: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

const char *cli_display_path(const char *path)
{
    static char cwd[4096];
    static size_t n;
    if (!path)
        return NULL;
    if (!n && getcwd(cwd, sizeof cwd))
        n = strlen(cwd);
    if (n > 1 && strncmp(path, cwd, n) == 0 && path[n] == '/')
        return path + n + 1;
    return path;
}

char *cli_join_query(int argc, char **argv, cli_dbs *dbs, int *json, long *max,
                     const char *usage)
{
    int took;
    size_t cap = 1;
    for (int i = 1; i < argc; i++)
        cap += strlen(argv[i]) + 1;
    char *q = calloc(cap, 1);
    if (!q)
        return NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage, stdout);
            free(q);
            exit(CLI_OK);
        } else if (strcmp(a, "--json") == 0) {
            *json = 1;
        } else if ((took = cli_db_option(argc, argv, &i, dbs)) != 0) {
            if (took < 0) {
                free(q);
                return NULL;
            }
        } else if (max && strcmp(a, "-n") == 0) {
            if ((*max = cli_parse_count(a, i + 1 < argc ? argv[++i] : NULL)) < 0) {
                free(q);
                return NULL;
            }
        } else if (strncmp(a, "--", 2) == 0 && a[2]) {
            cli_error("unknown option '%s'", a);
            fputs(usage, stderr);
            free(q);
            return NULL;
        } else {
            if (*q)
                strcat(q, " ");
            strcat(q, a);
        }
    }
    if (!*q) {
        cli_error("nothing to look for");
        fputs(usage, stderr);
        free(q);
        return NULL;
    }
    return q;
}

int cli_db_option(int argc, char **argv, int *i, cli_dbs *dbs)
{
    const char *a = argv[*i];
    const char *v = NULL;
    if (strcmp(a, "--allow-partial") == 0) {
        dbs->open.allow_partial = 1;
        return 1;
    }
    int is_db = strcmp(a, "--db") == 0 || strncmp(a, "--db=", 5) == 0;
    int is_timeout = strcmp(a, "--timeout") == 0 || strncmp(a, "--timeout=", 10) == 0;
    if (!is_db && !is_timeout)
        return 0;
    const char *eq = strchr(a, '=');
    if (eq)
        v = eq + 1;
    else if (*i + 1 < argc)
        v = argv[++*i];
    if (is_timeout) {
        long ms = cli_parse_count("--timeout", v);
        if (ms < 0)
            return -1;
        if (ms == 0) {
            cli_error("--timeout: give the milliseconds to wait for a remote shard (1 or more)");
            return -1;
        }
        dbs->open.timeout_ms = (unsigned)ms;
        return 1;
    }
    if (!v || !*v) {
        cli_error("--db needs an index folder, tcp://HOST:PORT or a shard list file");
        return -1;
    }
    if (dbs->n == CLI_MAX_DBS) {
        cli_error("--db given more than %d times; list the indexes in a file and give that",
                  CLI_MAX_DBS);
        return -1;
    }
    dbs->spec[dbs->n++] = v;
    return 1;
}

izde_db *cli_open_read(const cli_dbs *dbs)
{
    izde_db *db = NULL;
    char *err = NULL;
    const char *def = cli_db_path(NULL);
    int rc = dbs->n ? izde_db_open_shards(&db, dbs->spec, dbs->n, &dbs->open, &err)
                    : izde_db_open_shards(&db, &def, 1, &dbs->open, &err);
    if (rc != IZDE_OK) {
        cli_error("%s", err ? err : izde_status_name(rc));
        izde_free(err);
        return NULL;
    }
    cli_warn_partial(db);
    return db;
}

void cli_warn_partial(izde_db *db)
{
    static unsigned warned;
    unsigned n = izde_db_missing_count(db);
    for (unsigned i = warned; i < n; i++)
        cli_error("warning: results are partial: shard '%s' left out: %s",
                  izde_db_missing_name(db, i), izde_db_missing_reason(db, i));
    warned = n;
}

void cli_print_number(double v)
{
    if (v == (double)(long long)v)
        printf("%lld", (long long)v);
    else
        printf("%g", v);
}
