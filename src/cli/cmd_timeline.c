/*
 * cmd_timeline.c - `izde timeline [--db DIR] [--by year|month|week]
 * [--mentioned] [--json|--csv] [--svg FILE [--labels ru|en]] QUERY`:
 * matching stories per period as a bar chart that fits the terminal, as
 * JSON or CSV, or as an SVG chart file (timeline_svg.c); the stories left
 * out (no date, or a less precise one) are counted in every form.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "csv_out.h"
#include "options.h"

enum { O_BY = 1, O_MENTIONED, O_CSV, O_SVG, O_LABELS };

static const cli_option timeline_options[] = {
    {O_BY, "--by", NULL, "PERIOD", "year|month|week", "count per year, month (the default) or week"},
    {O_MENTIONED, "--mentioned", NULL, NULL, NULL,
     "count the dates the texts mention, not their publication dates"},
    {CLI_OPT_JSON, "--json", NULL, NULL, NULL, "one JSON object: matches, stories, undated, periods"},
    CLI_NO_EXPAND_OPTION,
    {O_CSV, "--csv", NULL, NULL, NULL, "CSV: a period,count,articles header, then one line per\n"
     "period (count: stories)"},
    {O_SVG, "--svg", NULL, "FILE", NULL, "also draw the chart as an SVG file"},
    {O_LABELS, "--labels", NULL, "LANG", "ru|en", "the labels of the periods (in the SVG chart and JSON)\n"
     "in Russian (the default) or English"},
    {0},
};

const cli_command cli_cmd_timeline = {
    "timeline", cmd_timeline, "QUERY", CLI_OPERANDS_QUERY,
    "matching stories per year, month or week, as a chart",
    "Matching stories per period of their publication date (with --mentioned:\n"
    "of the dates their text mentions), every period shown, empty ones as 0;\n"
    "copies of one story count once, in the period of the earliest of them,\n"
    "as a bar chart that fits the terminal, JSON, CSV or an SVG file.",
    timeline_options, CLI_DB_SET | CLI_DASH_WORDS,
};

static int term_width(void)
{
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
        return ws.ws_col;
    const char *c = getenv("COLUMNS");
    int n = c ? atoi(c) : 0;
    return n > 20 ? n : 80;
}

static const char *period_word(const izde_timeline *t)
{
    return t->by == 'y' ? "year" : t->by == 'm' ? "month" : "week";
}

/* The largest count of a period, at least 1 (the terminal and SVG charts). */
unsigned cli_timeline_max(const izde_timeline *t)
{
    unsigned max = 1;
    for (size_t i = 0; i < t->nperiods; i++)
        if (t->periods[i].count > max)
            max = t->periods[i].count;
    return max;
}

/* The chart in the terminal: a bar per period, then the totals. */
static void print_bars(const izde_timeline *t)
{
    long long max = cli_timeline_max(t);
    int width = term_width() - 20;
    if (t->stories == 1 && !t->nperiods)
        printf("the matching story %s\n", t->mentioned ? "mentions no date" : "has no publication date");
    else if (t->stories && !t->nperiods)
        printf("none of the %u matching stories %s\n", t->stories,
               t->mentioned ? "mentions a date" : "has a publication date");
    for (size_t i = 0; i < t->nperiods; i++) {
        long long c = t->periods[i].count;
        int bar = (int)((long long)width * c / max);
        printf("%-9s %6lld ", t->periods[i].period, c);
        for (int k = 0; k < bar; k++)
            fputs("\xe2\x96\x88", stdout); /* █ */
        fputc('\n', stdout);
    }
    printf("-- %u matching stor%s (%u article%s; copies of one story count once)", t->stories,
           t->stories == 1 ? "y" : "ies", t->matches, t->matches == 1 ? "" : "s");
    if (t->undated)
        printf("; %u %s, not shown", t->undated,
               t->mentioned ? "mention no date" : "without a date");
    if (t->less_precise)
        printf("; %u %s less precisely than a %s, not shown", t->less_precise,
               t->mentioned ? "mention dates" : "dated", period_word(t));
    fputc('\n', stdout);
}

int cmd_timeline(int argc, char **argv)
{
    cli_dbs dbs = {0};
    const char *svg = NULL;
    char by = 'm';
    int json = 0, csv = 0, mentioned = 0, english = 0;
    char *query = NULL;
    cli_parser args;
    cli_parser_init(&args, &cli_cmd_timeline, argc, argv, &dbs);
    for (int id; (id = cli_next(&args)) != CLI_ARG_END;) {
        switch (id) {
        case CLI_ARG_BAD:
            free(query);
            return CLI_ERROR;
        case CLI_ARG_OPERAND:
            if (cli_append_word(&query, args.value) != 0) {
                free(query);
                return CLI_ERROR;
            }
            break;
        case O_BY: by = args.value[0]; break; /* y, m or w: the table checked it */
        case O_MENTIONED: mentioned = 1; break;
        case O_CSV: csv = 1; break;
        case CLI_OPT_JSON: json = 1; break;
        case CLI_OPT_NO_EXPAND: dbs.no_expand = 1; break;
        case O_SVG: svg = args.value; break;
        case O_LABELS: english = strcmp(args.value, "en") == 0; break;
        }
    }
    if (json && csv) {
        cli_error("timeline: --json and --csv are two formats of one answer: give one of them");
        free(query);
        return CLI_ERROR;
    }
    if (!query) {
        cli_error("timeline: nothing to look for");
        cli_print_help(&cli_cmd_timeline, stderr);
        return CLI_ERROR;
    }
    izde_timeline *t = NULL;
    int code = CLI_ERROR;
    izde_db *db = cli_open_read(&dbs);
    if (!db || cli_query_failed(db, query, izde_timeline_get(&t, db, query, by, mentioned)))
        goto done;
    t->english = english;
    if (json) {
        char *out = NULL;
        if (izde_timeline_to_json(t, db, query, &out) != IZDE_OK)
            goto done;
        printf("%s\n", out);
        izde_free(out);
    } else if (csv) {
        csv_timeline(stdout, t);
    } else {
        print_bars(t);
    }
    if (svg && cli_timeline_svg(svg, t, query, english) != 0)
        cli_error("timeline: cannot write %s", svg);
    else
        code = t->matches ? CLI_OK : CLI_NONE;
    if (t->matches == 0)
        cli_error("no match for '%s'", query);
done:
    izde_timeline_free(t);
    izde_db_close(db);
    free(query);
    return code;
}
