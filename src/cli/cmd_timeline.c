/*
 * cmd_timeline.c - `izde timeline [--db DIR] [--by year|month|week]
 * [--mentioned] [--json|--csv] [--svg FILE] QUERY`: matching articles per
 * period as a bar chart that fits the terminal, as JSON or CSV, or as an
 * SVG chart file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"
#include "options.h"

enum { O_BY = 1, O_MENTIONED, O_CSV, O_SVG };

static const cli_option timeline_options[] = {
    {O_BY, "--by", NULL, "PERIOD", "year|month|week", "count per year, month (the default) or week"},
    {O_MENTIONED, "--mentioned", NULL, NULL, NULL,
     "count the dates the texts mention, not their publication dates"},
    {CLI_OPT_JSON, "--json", NULL, NULL, NULL, "one JSON object: matches, undated, periods"},
    {O_CSV, "--csv", NULL, NULL, NULL, "CSV: a period,count header, then one line per period"},
    {O_SVG, "--svg", NULL, "FILE", NULL, "also draw the chart as an SVG file"},
    {0},
};

const cli_command cli_cmd_timeline = {
    "timeline", cmd_timeline, "QUERY", CLI_OPERANDS_QUERY,
    "matching articles per year, month or week, as a chart",
    "Matching articles per period of their publication date (with --mentioned:\n"
    "of the dates their text mentions), every period shown, empty ones as 0,\n"
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

/* A bar chart with titled axes, readable in any browser. */
static int write_svg(const char *path, json_t *o)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    json_t *periods = json_object_get(o, "periods");
    size_t n = json_array_size(periods), i;
    long long max = 1;
    json_t *p;
    json_array_foreach(periods, i, p) {
        long long c = json_integer_value(json_object_get(p, "count"));
        if (c > max)
            max = c;
    }
    const int W = 900, H = 420, L = 70, R = 20, T = 50, B = 90;
    double pw = (double)(W - L - R) / (double)(n ? n : 1);
    const char *by = json_string_value(json_object_get(o, "by"));
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
               "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n",
            W, H, W, H);
    fprintf(f, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", W, H);
    fputs("<text x=\"450\" y=\"25\" text-anchor=\"middle\" font-size=\"16\">", f);
    xml_text(f, json_string_value(json_object_get(o, "query")));
    fprintf(f, " — articles per %s (%s)</text>\n", by,
            json_string_value(json_object_get(o, "basis")));
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
    json_array_foreach(periods, i, p) {
        long long c = json_integer_value(json_object_get(p, "count"));
        double h = (double)(H - B - T) * (double)c / (double)max;
        double x = L + pw * (double)i;
        fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4a7ab5\">"
                   "<title>%s: %lld</title></rect>\n",
                x + pw * 0.1, (H - B) - h, pw * 0.8, h,
                json_string_value(json_object_get(p, "period")), c);
        if (i % every == 0)
            fprintf(f, "<text transform=\"translate(%.1f,%d) rotate(-60)\" text-anchor=\"end\">%s</text>\n",
                    x + pw / 2, H - B + 12, json_string_value(json_object_get(p, "period")));
    }
    fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", (L + W - R) / 2, H - 8, by);
    fprintf(f, "<text transform=\"translate(18,%d) rotate(-90)\" text-anchor=\"middle\">articles</text>\n",
            (T + H - B) / 2);
    fputs("</svg>\n", f);
    return fclose(f) == 0 ? 0 : -1;
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
        case O_SVG: svg = args.value; break;
        }
    }
    if (!query) {
        cli_error("timeline: nothing to look for");
        cli_print_help(&cli_cmd_timeline, stderr);
        return CLI_ERROR;
    }
    char *out = NULL;
    int code = CLI_ERROR;
    int rc;
    izde_db *db = cli_open_read(&dbs);
    if (!db)
        goto done;
    rc = izde_timeline_json(db, query, by, mentioned, &out);
    if (cli_query_failed(db, query, rc))
        goto done;
    json_t *o = json_loads(out, 0, NULL);
    json_t *periods = json_object_get(o, "periods"), *p;
    size_t i;
    long long matches = json_integer_value(json_object_get(o, "matches"));
    long long undated = json_integer_value(json_object_get(o, "undated"));
    long long coarse = json_integer_value(json_object_get(o, "less_precise"));
    if (json) {
        printf("%s\n", out);
    } else if (csv) {
        printf("period,count\n");
        json_array_foreach(periods, i, p)
            printf("%s,%lld\n", json_string_value(json_object_get(p, "period")),
                   (long long)json_integer_value(json_object_get(p, "count")));
    } else {
        long long max = 1;
        json_array_foreach(periods, i, p) {
            long long c = json_integer_value(json_object_get(p, "count"));
            if (c > max)
                max = c;
        }
        int width = term_width() - 20;
        json_array_foreach(periods, i, p) {
            long long c = json_integer_value(json_object_get(p, "count"));
            int bar = (int)((long long)width * c / max);
            printf("%-9s %6lld ", json_string_value(json_object_get(p, "period")), c);
            for (int k = 0; k < bar; k++)
                fputs("\xe2\x96\x88", stdout); /* █ */
            fputc('\n', stdout);
        }
        printf("-- %lld matching article%s", matches, matches == 1 ? "" : "s");
        if (!mentioned && undated)
            printf("; %lld without a date, not shown", undated);
        if (!mentioned && coarse)
            printf("; %lld dated less precisely than a %s, not shown", coarse,
                   json_string_value(json_object_get(o, "by")));
        fputc('\n', stdout);
    }
    if (svg && write_svg(svg, o) != 0)
        cli_error("timeline: cannot write %s", svg);
    else
        code = matches ? CLI_OK : CLI_NONE;
    if (matches == 0)
        cli_error("no match for '%s'", query);
    json_decref(o);
done:
    izde_free(out);
    izde_db_close(db);
    free(query);
    return code;
}
