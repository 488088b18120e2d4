/*
 * cmd_facts.c - `izde facts [--db DIR] [--json] [-n N] QUERY`: the
 * figures cited in the articles matching QUERY, grouped by what they
 * count, with their values, articles and sentences.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "options.h"

static const cli_option facts_options[] = {
    {CLI_OPT_N, "-n", NULL, "ARTICLES", NULL, "read the figures of the best ARTICLES matches (default 1000)"},
    {CLI_OPT_JSON, "--json", NULL, NULL, NULL, "one JSON object: the groups, values and their articles"},
    {0},
};

const cli_command cli_cmd_facts = {
    "facts", cmd_facts, "QUERY", CLI_OPERANDS_QUERY,
    "figures cited in matching articles, grouped by what they count",
    "The figures cited in the articles matching QUERY (the best 1000 unless -n\n"
    "says otherwise), grouped by what they count, with their values, articles\n"
    "and sentences.",
    facts_options, CLI_DB_SET | CLI_DASH_WORDS,
};

int cmd_facts(int argc, char **argv)
{
    cli_dbs dbs = {0};
    int json = 0;
    long max = 1000;
    char *query = cli_parse_query(&cli_cmd_facts, argc, argv, &dbs, &json, &max);
    if (!query)
        return CLI_ERROR;
    char *out = NULL;
    int code = CLI_ERROR;
    int rc;
    izde_db *db = cli_open_read(&dbs);
    if (!db)
        goto done;
    rc = izde_facts_json(db, query, (unsigned)max, &out);
    if (cli_query_failed(db, query, rc))
        goto done;
    json_t *o = json_loads(out, 0, NULL);
    json_t *groups = json_object_get(o, "groups");
    if (json) {
        printf("%s\n", out);
    } else {
        size_t i, k;
        json_t *g, *v;
        printf("%lld articles match '%s'; %zu things counted\n",
               (long long)json_integer_value(json_object_get(o, "articles")), query,
               json_array_size(groups));
        json_array_foreach(groups, i, g) {
            const char *noun = json_string_value(json_object_get(g, "noun"));
            const char *unit = json_string_value(json_object_get(g, "unit"));
            printf("\n%s (%lld figure(s) in %lld article(s))\n",
                   noun ? noun : unit ? unit : json_string_value(json_object_get(g, "noun_stem")),
                   (long long)json_integer_value(json_object_get(g, "figures")),
                   (long long)json_integer_value(json_object_get(g, "articles")));
            json_array_foreach(json_object_get(g, "values"), k, v) {
                const char *path = json_string_value(json_object_get(v, "path"));
                const char *url = json_string_value(json_object_get(v, "url"));
                printf("  ");
                cli_print_number(json_number_value(json_object_get(v, "value")));
                printf("  %s  — %s\n", json_string_value(json_object_get(v, "text")),
                       url ? url : path ? cli_display_path(path) : "");
            }
        }
    }
    code = json_array_size(groups) ? CLI_OK : CLI_NONE;
    if (code == CLI_NONE)
        cli_error("no figures in the articles matching '%s'", query);
    json_decref(o);
done:
    izde_free(out);
    izde_db_close(db);
    free(query);
    return code;
}
