/*
 * cmd_facts.c - `izde facts [--db DIR] [--json] [-n N] [--offset K]
 * [--groups N] [--group-offset K] [--values N] QUERY`: the figures cited
 * in the articles matching QUERY, grouped by what they count, with their
 * values, dates, sentences and first sources, and how many articles
 * matched and were read; --csv: a row per value (csv_tables.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csv_out.h"
#include "options.h"

enum { O_GROUPS = 1, O_GROUP_OFFSET, O_VALUES, O_CSV };

static const cli_option facts_options[] = {
    {CLI_OPT_N, "-n", NULL, "ARTICLES", NULL,
     "read the figures of the best ARTICLES matches (default 1000, at\n"
     "most 10000)"},
    {CLI_OPT_OFFSET, "--offset", NULL, "K", NULL, "skip the best K matches first (the next page)"},
    {O_GROUPS, "--groups", NULL, "N", NULL, "show at most N groups (default all)"},
    {O_GROUP_OFFSET, "--group-offset", NULL, "K", NULL,
     "skip the first K groups (the next page of groups)"},
    {O_VALUES, "--values", NULL, "N", NULL,
     "cite at most N values of each group (default 20, at most 10000)"},
    {CLI_OPT_JSON, "--json", NULL, NULL, NULL, "one JSON object: the groups, values and their articles"},
    {O_CSV, "--csv", NULL, NULL, NULL,
     "CSV: a header, then a row per value of every group (group, value,\n"
     "high, figure, unit, noun, kind, qualifier, sentence, copies,\n"
     "first_id, first_date, id, title, date, source, url, path, lang);\n"
     "--values then defaults to 10000"},
    CLI_NO_EXPAND_OPTION,
    {0},
};

const cli_command cli_cmd_facts = {
    "facts", cmd_facts, "QUERY", CLI_OPERANDS_QUERY,
    "figures cited in matching articles, grouped by what they count",
    "The figures cited in the articles matching QUERY (the best 1000 unless -n\n"
    "says otherwise; how many match and how many were read is said first),\n"
    "grouped by what they count, the groups cited by the most stories first,\n"
    "each value with its date, article, sentence (cut to 400 bytes around its\n"
    "figure) and first source.  Every count figure is counted (ages,\n"
    "anniversaries, ordinals, fractions and scores are not counts); copies of\n"
    "one story citing one value are cited once.",
    facts_options, CLI_DB_SET | CLI_DASH_WORDS,
};

static const char *or_null(const char *s)
{
    return s ? cli_safe(s) : "(null)";
}

/* One value: the number, the figure as written, the date, where; then
 * its sentence, copies and first source. */
static void print_value(const izde_citation *v)
{
    printf("  ");
    cli_print_number(v->figure.value);
    printf("  %s  %s  %s\n", or_null(v->figure.text), v->date ? cli_safe(v->date) : "undated",
           or_null(v->url ? v->url : v->path ? cli_display_path(v->path) : ""));
    printf("      %s\n", or_null(v->figure.sentence));
    if (v->copies > 1)
        printf("      %u copies of this story cite it\n", v->copies);
    if (v->first.id && (!v->id || strcmp(v->first.id, v->id) != 0))
        printf("      first cited: %s «%s» %s\n", v->first.date ? cli_safe(v->first.date) : "undated",
               or_null(v->first.title), cli_safe(v->first.id));
}

/* Each group, then each value. */
static void print_facts(const izde_facts *f, const char *query)
{
    printf("%s articles match '%s'; ", cli_count(f->matched), cli_safe(query));
    if (f->offset)
        printf("%s read after skipping the best %s; ", cli_count(f->articles),
               cli_count(f->offset));
    else if (f->articles < f->matched)
        printf("the best %s read; ", cli_count(f->articles));
    else
        printf("all read; ");
    printf("%s things counted", cli_count(f->groups_total));
    if (f->ngroups < f->groups_total && f->ngroups)
        printf(", %s to %s shown", cli_count(f->group_offset + 1),
               cli_count(f->group_offset + f->ngroups));
    else if (f->ngroups < f->groups_total)
        printf(", none shown after skipping %s", cli_count(f->group_offset));
    printf("\n");
    for (size_t i = 0; i < f->ngroups; i++) {
        const izde_fact_group *g = &f->groups[i];
        printf("\n%s (%s figure(s) in %s article(s), %s stor%s; %s value(s)",
               or_null(g->label ? g->label : g->noun ? g->noun : g->unit ? g->unit : g->noun_stem),
               cli_count(g->figures), cli_count(g->articles), cli_count(g->stories),
               g->stories == 1 ? "y" : "ies", cli_count(g->values_total));
        if (g->nvalues < g->values_total)
            printf(", the first %s shown", cli_count(g->nvalues));
        printf(")\n");
        for (size_t k = 0; k < g->nvalues; k++)
            print_value(&g->values[k]);
    }
}

/* Options and operands; the query, or NULL after printing an error. */
static char *parse(int argc, char **argv, cli_dbs *dbs, izde_facts_options *o, int *json,
                   int *csv)
{
    char *q = NULL;
    long v = 0;
    cli_parser p;
    cli_parser_init(&p, &cli_cmd_facts, argc, argv, dbs);
    for (int id; (id = cli_next(&p)) != CLI_ARG_END;) {
        int bad = id == CLI_ARG_BAD || (id == CLI_ARG_OPERAND && cli_append_word(&q, p.value));
        if (id == CLI_OPT_N || id == CLI_OPT_OFFSET || id == O_GROUPS || id == O_GROUP_OFFSET ||
            id == O_VALUES)
            bad |= (v = cli_value_count(&p, id == O_VALUES ? 1 : 0,
                                        id == CLI_OPT_N ? IZDE_FACTS_MAX_ARTICLES
                                        : id == O_VALUES ? IZDE_CHECK_MAX_CITATIONS
                                                         : 100000000)) < 0;
        if (bad) {
            free(q);
            return NULL;
        }
        *json |= id == CLI_OPT_JSON;
        *csv |= id == O_CSV;
        dbs->no_expand |= id == CLI_OPT_NO_EXPAND;
        if (id == CLI_OPT_N)
            o->max_docs = (unsigned)v;
        if (id == CLI_OPT_OFFSET)
            o->offset = (unsigned)v;
        if (id == O_GROUPS)
            o->max_groups = (unsigned)v;
        if (id == O_GROUP_OFFSET)
            o->group_offset = (unsigned)v;
        if (id == O_VALUES)
            o->max_values = (unsigned)v;
    }
    if (q && *json && *csv) {
        cli_error("facts: --json and --csv are two formats of one answer: give one of them");
        free(q);
        return NULL;
    }
    if (*csv && !o->max_values)
        o->max_values = IZDE_CHECK_MAX_CITATIONS; /* every value, as far as a group may list */
    if (!q) {
        cli_error("facts: nothing to look for");
        cli_print_help(&cli_cmd_facts, stderr);
    }
    return q;
}

int cmd_facts(int argc, char **argv)
{
    cli_dbs dbs = {0};
    int json = 0, csv = 0;
    izde_facts_options o = {.max_docs = 1000};
    char *query = parse(argc, argv, &dbs, &o, &json, &csv);
    if (!query)
        return CLI_ERROR;
    izde_facts *facts = NULL;
    int code = CLI_ERROR;
    izde_db *db = cli_open_read(&dbs);
    if (!db || cli_query_failed(db, query, izde_facts_ex(&facts, db, query, &o)))
        goto done;
    if (json) {
        char *out = NULL;
        if (izde_facts_to_json(facts, db, query, &out) != IZDE_OK)
            goto done;
        printf("%s\n", out);
        izde_free(out);
    } else if (csv) {
        csv_facts(stdout, facts);
    } else {
        print_facts(facts, query);
    }
    code = facts->groups_total ? CLI_OK : CLI_NONE;
    if (code == CLI_NONE)
        cli_error("no figures in the articles matching '%s'", query);
done:
    izde_facts_free(facts);
    izde_db_close(db);
    free(query);
    return code;
}
