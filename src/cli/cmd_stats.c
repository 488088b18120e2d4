/*
 * cmd_stats.c - `izde stats [--db ...] [--json]`: what the index holds:
 * documents, shards, articles per language, year and source.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    const izde_count *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->key, y->key);
}

/* "ru 4, ky 1": the counts, biggest first, at most `max`. */
static void print_counts(const char *head, const izde_count *counts, size_t n, size_t max)
{
    izde_count *v = malloc((n ? n : 1) * sizeof *v);
    if (!v)
        return;
    if (n) { /* no counts may come as NULL */
        memcpy(v, counts, n * sizeof *v);
        qsort(v, n, sizeof *v, by_count_desc);
    }
    printf("%s:", head);
    for (size_t i = 0; i < n && i < max; i++)
        printf("%s %s %u", i ? "," : "", cli_safe(v[i].key), v[i].count);
    printf(n > max ? ", ... (%zu in all)\n" : n ? "\n" : " none\n", n);
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
    izde_stats *s = NULL;
    int rc = izde_stats_get(&s, db);
    cli_warn_partial(db);
    char *out = NULL;
    if (rc == IZDE_OK && json)
        rc = izde_stats_to_json(s, db, &out);
    if (rc != IZDE_OK) {
        cli_error("%s", izde_db_errmsg(db));
        izde_stats_free(s);
        izde_db_close(db);
        return CLI_ERROR;
    }
    if (json) {
        puts(out);
    } else {
        printf("%s: %u document%s", dbs.n ? dbs.spec[0] : cli_db_path(NULL), s->documents,
               s->documents == 1 ? "" : "s");
        if (s->shards > 1)
            printf(" in %u shards", s->shards);
        printf(", format version %d\n", s->format_version);
        print_counts("languages", s->languages, s->nlanguages, 10);
        print_counts("years", s->years, s->nyears, 10);
        print_counts("sources", s->sources, s->nsources, 10);
        if (s->problem_files)
            printf("problems: %u record%s of %u file%s could not be indexed when read "
                   "(izde index -v names the files, --force reads them again)\n",
                   s->problem_records, s->problem_records == 1 ? "" : "s", s->problem_files,
                   s->problem_files == 1 ? "" : "s");
    }
    izde_stats_free(s);
    izde_free(out);
    izde_db_close(db);
    return CLI_OK;
}
