/*
 * cmd_check.c - `izde check [--db DIR] [--json] [-n N] [--offset K]
 * [--in QUERY] [--date YYYY-MM-DD] CLAIM [WORD...]`: within the articles
 * the claim's other words (and --in) select, those that cite this figure
 * for this noun (agree) and those citing a different value for it
 * (differ), one citation per story and value, ranked by relevance and
 * closeness in time, each with its sentence, qualifier, date and first
 * source: the fact-checking view; --csv: a row per citation (csv_tables.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csv_out.h"
#include "options.h"

enum { O_IN = 1, O_DATE, O_CSV };

static const cli_option check_options[] = {
    {O_IN, "--in", NULL, "QUERY", NULL,
     "check within the articles matching QUERY (the query language:\n"
     "every word must match); the claim's other words rank them"},
    {O_DATE, "--date", NULL, "YYYY-MM-DD", NULL,
     "rank citations by closeness to this date (default: the date of the\n"
     "most relevant agreeing article)"},
    {CLI_OPT_N, "-n", NULL, "N", NULL,
     "list at most N citations that agree and N that differ (default\n"
     "1000, at most 10000)"},
    {CLI_OPT_OFFSET, "--offset", NULL, "K", NULL, "skip the first K of each list (the next page)"},
    {CLI_OPT_JSON, "--json", NULL, NULL, NULL,
     "one JSON object: the claim, its scope, agree and differ lists"},
    {O_CSV, "--csv", NULL, NULL, NULL,
     "CSV: a header, then a row per citation that agrees, then per one\n"
     "that differs (list, value, high, figure, unit, noun, kind,\n"
     "qualifier, sentence, copies, first_id, first_date, id, title,\n"
     "date, source, url, path, lang); -n then defaults to 10000"},
    CLI_NO_EXPAND_OPTION,
    {0},
};

const cli_command cli_cmd_check = {
    "check", cmd_check, "CLAIM [WORD...]", CLI_OPERANDS_WORDS,
    "who cites a figure, and who cites another value for the same thing",
    "Who cites this figure (\"11 терактов\", \"28 тысяч человек\") and who cites\n"
    "another value for the same thing, each with its sentence, qualifier,\n"
    "date and the first source of its value: the fact-checking view.  CLAIM\n"
    "is a number and the noun it counts; its other words (and WORDs after\n"
    "it) scope the check: only articles holding any of them are read, those\n"
    "with more of them first.  Without such words or --in every article\n"
    "citing the noun is read (unscoped).  Citations are ranked by the\n"
    "article's relevance / (1 + days / 30), days from the date of the most\n"
    "relevant agreeing article (unscoped: the earliest; or --date);\n"
    "small words (в, по) are left out of the scope and named; copies of one\n"
    "story citing one value count once; only counts are read (not ages,\n"
    "anniversaries, ordinals, fractions or scores).",
    check_options, CLI_DB_SET | CLI_DASH_WORDS,
};

static const char *or_null(const char *s)
{
    return s ? cli_safe(s) : "(null)";
}

/* "    first: 2017-01-16 ng.ru «title»" when another article cited the value first. */
static void print_first(const izde_citation *e)
{
    if (e->copies > 1)
        printf("    %u copies of this story cite it\n", e->copies);
    if (!e->first.id || (e->id && strcmp(e->first.id, e->id) == 0))
        return;
    printf("    first cited: %s%s%s «%s» %s\n", e->first.date ? cli_safe(e->first.date) : "undated",
           e->first.source ? " " : "", e->first.source ? cli_safe(e->first.source) : "",
           or_null(e->first.title), cli_safe(e->first.id));
}

/* "agree (3):", or "differ (1000 of 2000, from 1):" when paged. */
static void print_list(const char *head, const izde_citation *v, size_t n, size_t total,
                       unsigned offset)
{
    if (n == total)
        printf("%s (%s):\n", head, cli_count(n));
    else
        printf("%s (%s of %s, from %u):\n", head, cli_count(n), cli_count(total), offset + 1);
    for (size_t i = 0; i < n; i++) {
        const izde_citation *e = &v[i];
        printf("  %s  [%s%s%s] %s\n", or_null(e->figure.text), or_null(e->figure.qualifier),
               e->date ? ", " : "", e->date ? cli_safe(e->date) : "",
               or_null(e->url ? e->url : e->path ? cli_display_path(e->path) : ""));
        printf("    %s\n", or_null(e->figure.sentence));
        print_first(e);
    }
}

/* What was read: the scope (which words, which query) and the counts. */
static void print_scope(const izde_check *c)
{
    printf("claim: %s (counts %s)\n", cli_safe(c->claim.text), cli_safe(c->claim.noun_stem));
    if (c->scope_words)
        printf("scoped by the claim's words (any of them): %s\n", cli_safe(c->scope_words));
    if (c->scope_small)
        printf("left out of the scope (small words, operators): %s\n", cli_safe(c->scope_small));
    if (c->scope_in)
        printf("scoped by --in: %s\n", cli_safe(c->scope_in));
    if (c->scope_words || c->scope_in)
        printf("%s article%s in scope; %s of them cite %s; %s read\n", cli_count(c->in_scope),
               c->in_scope == 1 ? "" : "s", cli_count(c->matched), cli_safe(c->claim.noun_stem),
               cli_count(c->analysed));
    else
        printf("unscoped: every article citing %s (%s; %s read); add words to the claim or "
               "--in QUERY to scope it\n", cli_safe(c->claim.noun_stem), cli_count(c->matched),
               cli_count(c->analysed));
    if (*c->ref_date)
        printf("ranked by relevance and closeness to %s\n", c->ref_date);
    else
        printf("ranked by relevance (no dated article agrees)\n");
}

/* Options and operands into `o`, `page`, `json`; the claim, or NULL
 * after printing an error. */
static char *parse(int argc, char **argv, cli_dbs *dbs, izde_check_options *o, cli_page *page,
                   int *json, int *csv)
{
    char *claim = NULL;
    cli_parser p;
    cli_parser_init(&p, &cli_cmd_check, argc, argv, dbs);
    for (int id; (id = cli_next(&p)) != CLI_ARG_END;) {
        if (id == CLI_ARG_BAD || (id == CLI_ARG_OPERAND && cli_append_word(&claim, p.value)) ||
            (id == CLI_OPT_N && (page->n = cli_value_count(&p, 0, page->n_max)) < 0) ||
            (id == CLI_OPT_OFFSET && (page->offset = cli_value_count(&p, 0, 100000000)) < 0)) {
            free(claim);
            return NULL;
        }
        *json |= id == CLI_OPT_JSON;
        *csv |= id == O_CSV;
        dbs->no_expand |= id == CLI_OPT_NO_EXPAND;
        if (id == O_IN)
            o->in = p.value;
        if (id == O_DATE)
            o->date = p.value;
    }
    if (claim && *json && *csv) {
        cli_error("check: --json and --csv are two formats of one answer: give one of them");
        free(claim);
        return NULL;
    }
    if (!claim) {
        cli_error("check: nothing to check: give a number and what it counts, e.g. "
                  "\"11 терактов\"");
        cli_print_help(&cli_cmd_check, stderr);
    }
    return claim;
}

int cmd_check(int argc, char **argv)
{
    cli_dbs dbs = {0};
    int json = 0, csv = 0;
    cli_page page = {.n = -1, .n_max = IZDE_CHECK_MAX_CITATIONS};
    izde_check_options o = {0};
    char *claim = parse(argc, argv, &dbs, &o, &page, &json, &csv);
    if (!claim)
        return CLI_ERROR;
    if (page.n < 0) /* --csv: every citation, as far as a list may go */
        page.n = csv ? IZDE_CHECK_MAX_CITATIONS : IZDE_CHECK_DEFAULT_CITATIONS;
    o.offset = (unsigned)page.offset, o.limit = (unsigned)page.n;
    izde_check *chk = NULL;
    int code = CLI_ERROR;
    izde_db *db = cli_open_read(&dbs);
    if (!db)
        goto done;
    int rc = izde_check_ex(&chk, db, claim, &o);
    cli_warn_partial(db);
    if (rc != IZDE_OK) {
        cli_error("check: %s", izde_db_errmsg(db));
        goto done;
    }
    if (json) {
        char *out = NULL;
        if (izde_check_to_json(chk, db, &out) != IZDE_OK)
            goto done;
        printf("%s\n", out);
        izde_free(out);
    } else if (csv) {
        csv_check(stdout, chk);
    } else {
        print_scope(chk);
        print_list("agree", chk->agree, chk->nagree, chk->agree_total, chk->offset);
        print_list("differ", chk->differ, chk->ndiffer, chk->differ_total, chk->offset);
    }
    code = chk->agree_total + chk->differ_total ? CLI_OK : CLI_NONE;
    if (code == CLI_NONE)
        cli_error("no article%s cites a figure for what '%s' counts",
                  chk->scope_words || chk->scope_in ? " in scope" : "", claim);
done:
    izde_check_free(chk);
    izde_db_close(db);
    free(claim);
    return code;
}
