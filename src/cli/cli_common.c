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

izde_db *cli_open_path(const char *path, int mode, int *code)
{
    izde_db *db = NULL;
    char *err = NULL;
    int rc = izde_db_open(&db, path, mode, &err);
    if (rc != IZDE_OK) {
        cli_error("%s", err ? err : izde_status_name(rc));
        *code = rc == IZDE_ELOCKED ? CLI_LOCKED : CLI_ERROR;
    }
    izde_free(err);
    return db;
}

izde_db *cli_open_write(const char *path, int *code)
{
    return cli_open_path(path, IZDE_DB_WRITE, code);
}

void cli_error(const char *fmt, ...)
{
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (msg)
        vsnprintf(msg, (size_t)n + 1, fmt, again);
    else
        n = -1;
    va_end(again);
    va_end(ap);
    fputs("izde: ", stderr);
    if (n >= 0)
        cli_put_safe(stderr, msg, (size_t)n, 1); /* file names and titles may be quoted */
    fputc('\n', stderr);
    free(msg);
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
    izde_db_set_expansion(db, !dbs->no_expand);
    return db;
}

int cli_query_failed(izde_db *db, const char *query, int rc)
{
    cli_warn_partial(db);
    if (rc == IZDE_EQUERY)
        cli_error("bad query '%s': %s", query, izde_db_errmsg(db));
    else if (rc != IZDE_OK)
        cli_error("%s", izde_db_errmsg(db));
    return rc != IZDE_OK;
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
    /* to 15 significant digits, as the JSON forms write it: 526,66 million
     * is 526660000, not the 526660000.00000006 of binary floating point */
    char digits[40];
    snprintf(digits, sizeof digits, "%.15g", v);
    v = strtod(digits, NULL);
    if (v == (double)(long long)v)
        printf("%lld", (long long)v);
    else
        printf("%g", v);
}

const char *cli_count(size_t n)
{
    static char ring[4][32];
    static unsigned next;
    char digits[24], *out = ring[next++ % 4];
    int len = snprintf(digits, sizeof digits, "%zu", n), k = 0;
    for (int i = 0; i < len; i++) {
        if (i && (len - i) % 3 == 0)
            out[k++] = ',';
        out[k++] = digits[i];
    }
    out[k] = 0;
    return out;
}
