/*
 * cmd_stats.c - `izde stats [--db ...] [--json]`: what the index holds:
 * documents, shards, articles per language, year and source.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "options.h"

static const cli_option stats_options[] = {
    {CLI_OPT_JSON, "--json", NULL, NULL, NULL, "one JSON object, with every source"},
    {0},
};

const cli_command cli_cmd_stats = {
    "stats", cmd_stats, "", CLI_OPERANDS_NONE,
    "what the index holds, per language, year and source",
    "What the index holds: documents, shards, and articles per language, year and\n"
    "source (the ten biggest sources; --json lists them all).",
    stats_options, CLI_DB_SET,
};

static int by_count_desc(const void *a, const void *b)
{
    const json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
    json_int_t cx = json_integer_value(json_array_get(x, 1));
    json_int_t cy = json_integer_value(json_array_get(y, 1));
    if (cx != cy)
        return cx < cy ? 1 : -1;
    return strcmp(json_string_value(json_array_get(x, 0)), json_string_value(json_array_get(y, 0)));
}

/* "ru 4, ky 1": the members of `o`, biggest first, at most `max`. */
static void print_counts(const char *head, json_t *o, size_t max)
{
    size_t n = json_object_size(o), i = 0;
    json_t **v = calloc(n ? n : 1, sizeof *v);
    const char *k;
    json_t *c;
    json_object_foreach(o, k, c) v[i++] = json_pack("[sO]", k, c);
    qsort(v, n, sizeof *v, by_count_desc);
    printf("%s:", head);
    for (i = 0; i < n && i < max; i++)
        printf("%s %s %lld", i ? "," : "", json_string_value(json_array_get(v[i], 0)),
               (long long)json_integer_value(json_array_get(v[i], 1)));
    printf(n > max ? ", ... (%zu in all)\n" : n ? "\n" : " none\n", n);
    for (i = 0; i < n; i++)
        json_decref(v[i]);
    free(v);
}

int cmd_stats(int argc, char **argv)
{
    cli_dbs dbs = {0};
    int json = 0;
    cli_parser p;
    cli_parser_init(&p, &cli_cmd_stats, argc, argv, &dbs);
    for (int id; (id = cli_next(&p)) != CLI_ARG_END;) {
        if (id == CLI_ARG_BAD)
            return CLI_ERROR;
        if (id == CLI_ARG_OPERAND) {
            cli_error("stats: takes no arguments, only options, not '%s'", p.value);
            return CLI_ERROR;
        }
        json = 1; /* CLI_OPT_JSON */
    }
    izde_db *db = cli_open_read(&dbs);
    if (!db)
        return CLI_ERROR;
    char *out = NULL;
    int rc = izde_stats_json(db, &out);
    cli_warn_partial(db);
    if (rc != IZDE_OK) {
        cli_error("%s", izde_db_errmsg(db));
        izde_db_close(db);
        return CLI_ERROR;
    }
    if (json) {
        puts(out);
    } else {
        json_t *o = json_loads(out, 0, NULL);
        long long docs = json_integer_value(json_object_get(o, "documents"));
        long long shards = json_integer_value(json_object_get(o, "shards"));
        printf("%s: %lld document%s", dbs.n ? dbs.spec[0] : cli_db_path(NULL), docs,
               docs == 1 ? "" : "s");
        if (shards > 1)
            printf(" in %lld shards", shards);
        printf(", format version %lld\n",
               (long long)json_integer_value(json_object_get(o, "format_version")));
        print_counts("languages", json_object_get(o, "languages"), 10);
        print_counts("years", json_object_get(o, "years"), 10);
        print_counts("sources", json_object_get(o, "sources"), 10);
        json_decref(o);
    }
    izde_free(out);
    izde_db_close(db);
    return CLI_OK;
}
