/*
 * cmd_facts.c - `izde facts [--db DIR] [--json] [-n N] QUERY`: the
 * figures cited in the articles matching QUERY, grouped by what they
 * count, with their values, articles and sentences.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "options.h"

static const cli_option facts_options[] = {
    {CLI_OPT_N, "-n", NULL, "ARTICLES", NULL,
     "read the figures of the best ARTICLES matches (default 1000, at\n"
     "most 10000)"},
    {CLI_OPT_OFFSET, "--offset", NULL, "K", NULL, "skip the best K matches first (the next page)"},
    {CLI_OPT_JSON, "--json", NULL, NULL, NULL, "one JSON object: the groups, values and their articles"},
    CLI_NO_EXPAND_OPTION,
    {0},
};

const cli_command cli_cmd_facts = {
    "facts", cmd_facts, "QUERY", CLI_OPERANDS_QUERY,
    "figures cited in matching articles, grouped by what they count",
    "The figures cited in the articles matching QUERY (the best 1000 unless -n\n"
    "says otherwise), grouped by what they count, with their values, articles\n"
    "and sentences: the first 100 figures of each article (every one is\n"
    "counted), each sentence cut to 400 bytes around its figure.",
    facts_options, CLI_DB_SET | CLI_DASH_WORDS,
};

static const char *or_null(const char *s)
{
    return s ? cli_safe(s) : "(null)";
}

/* Each group, then each value: the number, the figure as written, where. */
static void print_facts(const izde_facts *f, const char *query)
{
    printf("%u articles match '%s'; %zu things counted\n", f->articles, query, f->ngroups);
    for (size_t i = 0; i < f->ngroups; i++) {
        const izde_fact_group *g = &f->groups[i];
        printf("\n%s (%u figure(s) in %u article(s))\n",
               or_null(g->label ? g->label : g->noun ? g->noun : g->unit ? g->unit : g->noun_stem), g->figures,
               g->articles);
        for (size_t k = 0; k < g->nvalues; k++) {
            const izde_citation *v = &g->values[k];
            printf("  ");
            cli_print_number(v->figure.value);
            printf("  %s  — %s\n", or_null(v->figure.text),
                   or_null(v->url ? v->url : v->path ? cli_display_path(v->path) : ""));
        }
    }
}

int cmd_facts(int argc, char **argv)
{
    cli_dbs dbs = {0};
    int json = 0;
    cli_page page = {.n = 1000, .n_max = IZDE_FACTS_MAX_ARTICLES};
    char *query = cli_parse_query(&cli_cmd_facts, argc, argv, &dbs, &json, &page);
    if (!query)
        return CLI_ERROR;
    izde_facts *facts = NULL;
    int code = CLI_ERROR;
    izde_db *db = cli_open_read(&dbs);
    if (!db || cli_query_failed(db, query,
                                   izde_facts_page(&facts, db, query, (unsigned)page.offset,
                                                   (unsigned)page.n)))
        goto done;
    if (json) {
        char *out = NULL;
        if (izde_facts_to_json(facts, db, query, &out) != IZDE_OK)
            goto done;
        printf("%s\n", out);
        izde_free(out);
    } else {
        print_facts(facts, query);
    }
    code = facts->ngroups ? CLI_OK : CLI_NONE;
    if (code == CLI_NONE)
        cli_error("no figures in the articles matching '%s'", query);
done:
    izde_facts_free(facts);
    izde_db_close(db);
    free(query);
    return code;
}
