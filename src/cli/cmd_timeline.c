/*
 * cmd_timeline.c - `izde timeline [--db DIR] [--by year|month|week]
 * [--mentioned] [--json|--csv] [--svg FILE] QUERY`: matching stories per
 * period as a bar chart that fits the terminal, as JSON or CSV, or as an
 * SVG chart file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "options.h"

enum { O_BY = 1, O_MENTIONED, O_CSV, O_SVG };

static const cli_option timeline_options[] = {
    {O_BY, "--by", NULL, "PERIOD", "year|month|week", "count per year, month (the default) or week"},
    {O_MENTIONED, "--mentioned", NULL, NULL, NULL,
     "count the dates the texts mention, not their publication dates"},
    {CLI_OPT_JSON, "--json", NULL, NULL, NULL, "one JSON object: matches, stories, undated, periods"},
    CLI_NO_EXPAND_OPTION,
    {O_CSV, "--csv", NULL, NULL, NULL, "CSV: a period,count,articles header, then one line per\n"
     "period (count: stories)"},
    {O_SVG, "--svg", NULL, "FILE", NULL, "also draw the chart as an SVG file"},
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

static void xml_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '<')
            fputs("&lt;", f);
        else if (*s == '>')
            fputs("&gt;", f);
        else if (*s == '&')
            fputs("&amp;", f);
        else if (*s == '"')
            fputs("&quot;", f);
        else
            fputc(*s, f);
    }
}

static const char *period_word(const izde_timeline *t)
{
    return t->by == 'y' ? "year" : t->by == 'm' ? "month" : "week";
}

/* The largest count of a period, at least 1. */
static unsigned max_count(const izde_timeline *t)
{
    unsigned max = 1;
    for (size_t i = 0; i < t->nperiods; i++)
        if (t->periods[i].count > max)
            max = t->periods[i].count;
    return max;
}

/* A bar chart with titled axes, readable in any browser. */
static int write_svg(const char *path, const izde_timeline *t, const char *query)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    size_t n = t->nperiods;
    long long max = max_count(t);
    const int W = 900, H = 420, L = 70, R = 20, T = 50, B = 90;
    double pw = (double)(W - L - R) / (double)(n ? n : 1);
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
               "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n",
            W, H, W, H);
    fprintf(f, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", W, H);
    fputs("<text x=\"450\" y=\"25\" text-anchor=\"middle\" font-size=\"16\">", f);
    xml_text(f, query);
    fprintf(f, " — stories per %s (%s)</text>\n", period_word(t),
            t->mentioned ? "mentioned" : "published");
    /* axes and y ticks */
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", L, H - B, W - R, H - B);
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", L, T, L, H - B);
    for (int k = 0; k <= 4; k++) {
        long long v = max * k / 4;
        double y = (H - B) - (double)(H - B - T) * (double)v / (double)max;
        fprintf(f, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", L, y, W - R, y);
        fprintf(f, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%lld</text>\n", L - 6, y + 4, v);
    }
    size_t every = n > 40 ? (n + 39) / 40 : 1;
    for (size_t i = 0; i < n; i++) {
        const izde_period *p = &t->periods[i];
        long long c = p->count;
        double h = (double)(H - B - T) * (double)c / (double)max;
        double x = L + pw * (double)i;
        fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4a7ab5\">"
                   "<title>%s: %lld</title></rect>\n",
                x + pw * 0.1, (H - B) - h, pw * 0.8, h, p->period, c);
        if (i % every == 0)
            fprintf(f, "<text transform=\"translate(%.1f,%d) rotate(-60)\" text-anchor=\"end\">%s</text>\n",
                    x + pw / 2, H - B + 12, p->period);
    }
    fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", (L + W - R) / 2, H - 8,
            period_word(t));
    fprintf(f, "<text transform=\"translate(18,%d) rotate(-90)\" text-anchor=\"middle\">stories</text>\n",
            (T + H - B) / 2);
    fputs("</svg>\n", f);
    return fclose(f) == 0 ? 0 : -1;
}

/* The chart in the terminal: a bar per period, then the totals. */
static void print_bars(const izde_timeline *t)
{
    long long max = max_count(t);
    int width = term_width() - 20;
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
    if (!t->mentioned && t->undated)
        printf("; %u without a date, not shown", t->undated);
    if (!t->mentioned && t->less_precise)
        printf("; %u dated less precisely than a %s, not shown", t->less_precise,
               period_word(t));
    fputc('\n', stdout);
}

int cmd_timeline(int argc, char **argv)
{
    cli_dbs dbs = {0};
    const char *svg = NULL;
    char by = 'm';
    int json = 0, csv = 0, mentioned = 0;
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
        }
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
    if (json) {
        char *out = NULL;
        if (izde_timeline_to_json(t, db, query, &out) != IZDE_OK)
            goto done;
        printf("%s\n", out);
        izde_free(out);
    } else if (csv) {
        printf("period,count,articles\n");
        for (size_t i = 0; i < t->nperiods; i++)
            printf("%s,%u,%u\n", t->periods[i].period, t->periods[i].count,
                   t->periods[i].articles);
    } else {
        print_bars(t);
    }
    if (svg && write_svg(svg, t, query) != 0)
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
