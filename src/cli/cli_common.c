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

char *cli_join_query(int argc, char **argv, const char **dbopt, int *json, long *max,
                     const char *usage)
{
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
        } else if (strcmp(a, "--db") == 0 && i + 1 < argc) {
            *dbopt = argv[++i];
        } else if (strncmp(a, "--db=", 5) == 0) {
            *dbopt = a + 5;
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

izde_db *cli_open_read(const char *dbopt)
{
    izde_db *db = NULL;
    char *err = NULL;
    int rc = izde_db_open(&db, cli_db_path(dbopt), IZDE_DB_READ, &err);
    if (rc != IZDE_OK) {
        cli_error("%s", err ? err : izde_status_name(rc));
        izde_free(err);
        return NULL;
    }
    return db;
}

void cli_print_number(double v)
{
    if (v == (double)(long long)v)
        printf("%lld", (long long)v);
    else
        printf("%g", v);
}
