/*
 * cmd_search.c - `izde search [--db DIR] [-n N] [--offset K] [--json]
 * QUERY`: ranked hits as text (rank, title, where, a line of context) or
 * as one JSON object, after "Did you mean: ...?" when the library suggests
 * a corrected query.  Exit 0 with hits, 1 with none, 2 on error.
 * `--csv` writes the hits as CSV (csv_tables.c), every one up to -n.
 * `--batch` answers queries read one per line from stdin, one JSON line
 * each, on one open database, with the in-process time of each.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"
#include "csv_out.h"
#include "options.h"

enum { O_N = 1, O_OFFSET, O_SORT, O_NO_SNIPPETS, O_JSON, O_FORMAT, O_BATCH, O_ALL_COPIES, O_CSV };

/* The options search and similar share. */
#define PAGE_OPTIONS                                                                           \
    {O_N, "-n", NULL, "N", NULL, "show N hits (default 10)"},                                  \
    {O_OFFSET, "--offset", NULL, "K", NULL, "skip the first K hits (the next page)"},          \
    {O_SORT, "--sort", NULL, "SORT", "relevance|date|-date|oldest|newest",                     \
     "best first (relevance, the default), oldest first (date, oldest)\n"                      \
     "or newest first (-date, newest); undated hits last either way"},                         \
    {O_NO_SNIPPETS, "--no-snippets", NULL, NULL, NULL, "no lines of context (faster)"},        \
    {O_ALL_COPIES, "--all-copies", NULL, NULL, NULL,                                           \
     "every copy of a story its own hit (default: one hit per story,\n"                        \
     "the best, with \"and N copies\")"},                                                      \
    {O_JSON, "--json", NULL, NULL, NULL, "one JSON object: hits, their snippets and figures"}
#define CSV_OPTION                                                                             \
    {O_CSV, "--csv", NULL, NULL, NULL,                                                         \
     "CSV: a header, then a row per hit (rank, id, title, date, source,\n"                      \
     "url, path, lang, score, copies, snippet); every hit up to -n, whose\n"                    \
     "default is then 10000"}
#define FORMAT_OPTION                                                                          \
    {O_FORMAT, "--format", NULL, "FORMAT", "full|compact|json",                                \
     "full: title, where, snippets, figures (default); compact: one\n"                         \
     "line per hit; json: as --json"}

static const cli_option search_options[] = {
    PAGE_OPTIONS,
    CSV_OPTION,
    CLI_NO_EXPAND_OPTION,
    FORMAT_OPTION,
    {O_BATCH, "--batch", NULL, NULL, NULL,
     "read one query per line from stdin and write one JSON line per\n"
     "query: the --json object plus \"took_ms\", or {\"query\", \"line\", \"error\"}"},
    {0},
};

/* search's but --batch and --no-expand (a similar list has no words of
 * its own to expand). */
static const cli_option similar_options[] = {PAGE_OPTIONS, CSV_OPTION, FORMAT_OPTION, {0}};

const cli_command cli_cmd_search = {
    "search", cmd_search, "QUERY", CLI_OPERANDS_QUERY,
    "ranked articles matching a query, with lines of context",
    "The articles matching QUERY, best first, each with its title, language,\n"
    "source, date, where it is, the lines that match and the figures it cites.\n"
    "Copies of one story (the same text on other pages or sites) are one hit,\n"
    "\"and N copies\" under it; --all-copies shows each.\n"
    "A search finding few articles because of a misspelt word starts with\n"
    "\"Did you mean: QUERY?\", the query corrected.  Words after the options\n"
    "are joined into one query.  Exit 0 with hits, 1 with none, 2 on a bad\n"
    "query or index.",
    search_options, CLI_DB_SET | CLI_DASH_WORDS,
};

const cli_command cli_cmd_similar = {
    "similar", cmd_similar, "ID [QUERY]", CLI_OPERANDS_QUERY,
    "articles like a stored one, in both languages",
    "The articles most like article ID (an id as search shows it), best\n"
    "first, shown as search shows hits: found by the words that best tell\n"
    "the article apart (Xapian's relevance feedback over it), each searched\n"
    "as a Russian and a Kyrgyz stem, so the other language's coverage of the\n"
    "same names and loanwords is found too.  The article's own story (its\n"
    "copies) is left out.  A QUERY after the id keeps only the articles it\n"
    "matches (date:2021, lang:ky, words).  Exit 0 with hits, 1 with none, 2\n"
    "on an unknown id, a bad query or index.",
    similar_options, CLI_DB_SET | CLI_DASH_WORDS,
};

/* The --json object; with `took_ms` >= 0 (batch mode) it carries the time. */
static void print_json(izde_db *db, const char *query, const izde_results *r, double took_ms)
{
    char *out = NULL;
    if (izde_results_json(r, db, query, took_ms, &out) == IZDE_OK)
        puts(out);
    else
        cli_error("out of memory");
    izde_free(out);
}

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* --batch: every line of stdin is a query; every query gets one line of
 * JSON, flushed, so a client can pipe queries in one at a time.  A bad
 * query gets an error line and the batch goes on.  Exit 0 when every
 * query ran, 2 when some failed. */
static int run_batch(izde_db *db, const izde_search_options *opt)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long lineno = 0;
    int failed = 0;
    while ((len = getline(&line, &cap, stdin)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        izde_results *r = NULL;
        double t0 = now_ms();
        int rc = *line ? izde_search_ex(&r, db, line, opt) : IZDE_EQUERY;
        double took = now_ms() - t0;
        if (rc == IZDE_OK) {
            print_json(db, line, r, took);
        } else {
            json_t *o = json_pack("{s:s, s:I, s:s}", "query", line, "line", (json_int_t)lineno,
                                  "error", *line ? izde_db_errmsg(db) : "empty query");
            if (o)
                json_dumpf(o, stdout, JSON_COMPACT);
            fputc('\n', stdout);
            json_decref(o);
            cli_error("stdin:%ld: %s: %s", lineno, *line ? "bad query" : "empty query",
                      *line ? izde_db_errmsg(db) : "write one query per line");
            failed = 1;
        }
        izde_results_free(r);
        cli_warn_partial(db);
        fflush(stdout);
    }
    free(line);
    if (ferror(stdin)) {
        cli_error("search --batch: cannot read stdin");
        return CLI_ERROR;
    }
    return failed ? CLI_ERROR : CLI_OK;
}

/* Marks around highlighted words: colour on a terminal (unless NO_COLOR),
 * brackets otherwise. */
typedef struct marks {
    const char *open, *close;
} marks;

static void print_snippet(const izde_snippet *s, const marks *mk)
{
    size_t at = 0;
    fputs("   ", stdout);
    for (size_t k = 0; k < s->nhighlights; k++) {
        size_t b = s->highlights[k][0], e = s->highlights[k][1];
        cli_put_safe(stdout, s->text + at, b - at, 0);
        fputs(mk->open, stdout);
        cli_put_safe(stdout, s->text + b, e - b, 0);
        fputs(mk->close, stdout);
        at = e;
    }
    cli_put_safe(stdout, s->text + at, s->len - at, 0);
    fputc('\n', stdout);
}

/* "ru · vecher.kz · 2021-09-15": the fields that are known. */
static void print_meta(const izde_hit *h, const char *sep)
{
    const char *fields[3] = {h->lang, h->source, h->date};
    const char *s = "";
    for (int i = 0; i < 3; i++)
        if (fields[i]) {
            printf("%s%s", s, cli_safe(fields[i]));
            s = sep;
        }
}

/* Figures shown under a hit at most. */
#define SHOWN_FIGURES 5

/* Is figure g to be shown: in a shown fragment (pass 0) or any (pass 1),
 * and not the same as one shown already? */
static int worth_showing(const izde_hit *h, const izde_hit_figure *g, int pass,
                         const char *const *shown, size_t nshown)
{
    if (!g->text)
        return pass == 1;
    int in_fragment = 0;
    for (size_t s = 0; s < h->nsnippets && !in_fragment && pass == 0; s++)
        in_fragment = strstr(h->snippets[s].text, g->text) != NULL;
    if (pass == 0 && !in_fragment)
        return 0;
    for (size_t e = 0; e < nshown; e++) /* the same figure cited twice is shown once */
        if (shown[e] && strcmp(shown[e], g->text) == 0)
            return 0;
    return 1;
}

/* The figures the shown fragments cite, else the article's first ones:
 * "figures: более 300 мероприятий · 28 тысяч человек".  The hit lists
 * at most IZDE_HIT_MAX_FIGURES and the fragments are short, so this is
 * quick whatever the article. */
static void print_figures(const izde_hit *h)
{
    const char *shown[SHOWN_FIGURES];
    size_t nshown = 0;
    for (int pass = 0; pass < 2 && nshown == 0; pass++)
        for (size_t f = 0; f < h->nfigures && nshown < SHOWN_FIGURES; f++) {
            const izde_hit_figure *g = &h->figures[f];
            if (!worth_showing(h, g, pass, shown, nshown))
                continue;
            printf("%s%s", nshown ? " · " : "   figures: ", g->text ? cli_safe(g->text) : "?");
            shown[nshown++] = g->text;
        }
    if (nshown)
        fputc('\n', stdout);
}

static const char *where(const izde_hit *h)
{
    const char *w = h->url ? h->url : h->path ? cli_display_path(h->path) : h->id;
    return w ? cli_safe(w) : "";
}

/* What each kind of expansion is called in the text output. */
static const char *why_text(const char *why)
{
    static const char *const names[][2] = {
        {"form", "the same word in the other language"},
        {"name", "case forms of the name"},
        {"keyboard", "н о у read as ң ө ү"},
        {"latin", "Cyrillic spelling"},
        {"glossary", "glossary"},
        {"wildcard", "words starting so"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i][0], why) == 0)
            return names[i][1];
    return why;
}

/* Words shown per line of expansions at most. */
#define SHOWN_EXPANSIONS 12

/* "+ экстремизма also as экстремизм (the same word in the other
 * language)": one line per word and kind, before the hits. */
static void print_expanded(const izde_results *r)
{
    const izde_expansion *e;
    size_t n = izde_results_expansions(r, &e);
    unsigned char *done = n ? calloc(n, 1) : NULL;
    if (n && !done)
        return;
    for (size_t i = 0; i < n; i++) {
        if (done[i])
            continue;
        printf("+ %s also as ", cli_safe(e[i].word));
        size_t shown = 0, more = 0;
        for (size_t k = i; k < n; k++) {
            if (done[k] || strcmp(e[k].word, e[i].word) != 0 || strcmp(e[k].why, e[i].why) != 0)
                continue;
            done[k] = 1;
            if (shown == SHOWN_EXPANSIONS) {
                more++;
                continue;
            }
            printf("%s%s", shown++ ? ", " : "", cli_safe(e[k].to));
        }
        if (more)
            printf(" and %zu more", more);
        printf(" (%s)\n", why_text(e[i].why));
    }
    if (n)
        puts("  (--no-expand: the words as typed only)");
    free(done);
}

/* "and N copies: ID, ID ..." under a hit whose story has other articles. */
static void print_copies(const izde_hit *h)
{
    if (!h->copies)
        return;
    printf("   and %u cop%s:", h->copies, h->copies == 1 ? "y" : "ies");
    for (size_t k = 0; k < h->ncopy_ids && k < 3; k++)
        printf("%s %s", k ? "," : "", cli_safe(h->copy_ids[k]));
    printf("%s\n", h->copies > 3 ? ", ..." : "");
}

static void print_text(const izde_results *r, int compact)
{
    print_expanded(r);
    int tty = isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
    marks mk = tty ? (marks){"\033[1;31m", "\033[0m"} : (marks){"[", "]"};
    for (unsigned i = 0; i < izde_results_count(r); i++) {
        const izde_hit *h = izde_results_hit(r, i);
        const char *title = h->title ? cli_safe(h->title) : "(untitled)";
        if (compact) {
            printf("%u. ", h->rank);
            print_meta(h, " ");
            printf("%s%s  %s\n", (h->lang || h->source || h->date) ? "  " : "", title, where(h));
            continue;
        }
        printf("%u. %s%s%s\n", h->rank, tty ? "\033[1m" : "", title, tty ? "\033[0m" : "");
        fputs("   ", stdout);
        print_meta(h, " · ");
        printf("%s%s\n", (h->lang || h->source || h->date) ? " · " : "", where(h));
        for (size_t s = 0; s < h->nsnippets; s++)
            print_snippet(&h->snippets[s], &mk);
        print_figures(h);
        print_copies(h);
    }
}

/* "-- hits 1-10 of about 40 stories (52 articles)", or "... of about
 * 52 articles" with --all-copies. */
static void print_total(const izde_results *r, long offset, unsigned n)
{
    unsigned est = izde_results_estimated(r), all = izde_results_articles_estimated(r);
    printf("-- hits %ld-%ld of about %u", offset + 1, offset + (long)n, est);
    if (!izde_results_by_story(r))
        printf(" article%s\n", est == 1 ? "" : "s");
    else
        printf(" stor%s (%u article%s)\n", est == 1 ? "y" : "ies", all, all == 1 ? "" : "s");
}

static int search_main(int argc, char **argv, const cli_command *cmd);

int cmd_search(int argc, char **argv) { return search_main(argc, argv, &cli_cmd_search); }

int cmd_similar(int argc, char **argv) { return search_main(argc, argv, &cli_cmd_similar); }

/* `search`, or `similar` (its first operand the article's id). */
static int search_main(int argc, char **argv, const cli_command *cmd)
{
    int similar = cmd == &cli_cmd_similar;
    char *like = NULL;
    cli_dbs dbs = {0};
    long limit = -1, offset = 0;
    int csv = 0, json = 0, compact = 0, sort = IZDE_SORT_RELEVANCE, batch = 0, no_snippets = 0;
    int all_copies = 0;
    char *query = NULL;
    int rcode = CLI_ERROR;
    cli_parser p;
    cli_parser_init(&p, cmd, argc, argv, &dbs);
    for (int id; (id = cli_next(&p)) != CLI_ARG_END;) {
        const char *v = p.value;
        switch (id) {
        case CLI_ARG_BAD:
            goto out;
        case CLI_ARG_OPERAND: /* -word included: the query's NOT */
            if (similar && !like) {
                if (!(like = strdup(v)))
                    goto out;
            } else if (cli_append_word(&query, v) != 0) {
                goto out;
            }
            break;
        case O_JSON: json = 1; break;
        case O_CSV: csv = 1; break;
        case CLI_OPT_NO_EXPAND: dbs.no_expand = 1; break;
        case O_BATCH: batch = 1; break;
        case O_NO_SNIPPETS: no_snippets = 1; break;
        case O_ALL_COPIES: all_copies = 1; break;
        case O_SORT:
            sort = strcmp(v, "date") == 0 || strcmp(v, "oldest") == 0   ? IZDE_SORT_OLDEST
                   : strcmp(v, "-date") == 0 || strcmp(v, "newest") == 0 ? IZDE_SORT_NEWEST
                                                                           : IZDE_SORT_RELEVANCE;
            break;
        case O_FORMAT:
            json |= strcmp(v, "json") == 0;
            compact = strcmp(v, "compact") == 0;
            break;
        case O_N:
            if ((limit = cli_value_count(&p, 0, 100000000)) < 0)
                goto out;
            break;
        case O_OFFSET:
            if ((offset = cli_value_count(&p, 0, 100000000)) < 0)
                goto out;
            break;
        }
    }
    if (similar && !like) {
        cli_error("similar: no article id given");
        cli_print_help(cmd, stderr);
        goto out;
    }
    if (similar && !query && !(query = strdup("")))
        goto out;
    if (csv && (json || batch)) {
        cli_error(json ? "search: --json and --csv are two formats of one answer: give one of them"
                       : "search: --batch writes JSON lines: drop --csv");
        goto out;
    }
    if (limit < 0)
        limit = csv ? CSV_SEARCH_ROWS : 10;
    if (batch && query) {
        cli_error("search --batch reads its queries from stdin, one per line; drop '%s'", query);
        goto out;
    }
    if (!batch && !query) {
        cli_error("search: no query given");
        cli_print_help(&cli_cmd_search, stderr);
        goto out;
    }
    izde_db *db = cli_open_read(&dbs);
    if (!db)
        goto out;
    izde_search_options opt = {.offset = (unsigned)offset, .limit = (unsigned)limit,
                               .sort = sort, .no_snippets = no_snippets,
                               .all_copies = all_copies, .like = like};
    if (batch) {
        rcode = run_batch(db, &opt);
        izde_db_close(db);
        goto out;
    }
    izde_results *r = NULL;
    int rc = csv ? csv_search(stdout, db, query, &opt, &r) : izde_search_ex(&r, db, query, &opt);
    if (!cli_query_failed(db, query, rc)) {
        const char *better = izde_results_suggestion(r);
        if (json)
            print_json(db, query, r, -1);
        else if (better && csv) /* the table stays a table */
            cli_error("did you mean: %s?", cli_safe(better));
        else if (better) /* before "no match" on stderr, also when both go to one file */
            printf("Did you mean: %s?\n", cli_safe(better)), fflush(stdout);
        if (!json && !csv)
            print_text(r, compact);
        unsigned n = izde_results_count(r), est = izde_results_estimated(r);
        if (n == 0 && est == 0) {
            if (like)
                cli_error("nothing like '%s'%s%s%s", like, *query ? " matches '" : "", query,
                          *query ? "'" : "");
            else
                cli_error("no match for '%s'", query);
            rcode = CLI_NONE;
        } else if (n == 0) {
            cli_error("no hits past --offset %ld; about %u match%s in all", offset, est,
                      est == 1 ? "" : "es");
            rcode = CLI_NONE;
        } else {
            if (!json && !csv)
                print_total(r, offset, n);
            rcode = CLI_OK;
        }
    }
    izde_results_free(r);
    izde_db_close(db);
out:
    free(query);
    free(like);
    return rcode;
}
