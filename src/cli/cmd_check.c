/*
 * cmd_check.c - `izde check [--db DIR] [--json] [-n N] [--offset K]
 * "11 терактов"`: the
 * articles that cite this figure for this noun (agree) and those citing
 * a different value for it (differ), each with its sentence, qualifier
 * and date: the fact-checking view.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "options.h"

static const cli_option check_options[] = {
    {CLI_OPT_N, "-n", NULL, "N", NULL,
     "list at most N citations that agree and N that differ (default\n"
     "1000, at most 10000)"},
    {CLI_OPT_OFFSET, "--offset", NULL, "K", NULL, "skip the first K of each list (the next page)"},
    {CLI_OPT_JSON, "--json", NULL, NULL, NULL, "one JSON object: the claim, agree and differ lists"},
    {0},
};

const cli_command cli_cmd_check = {
    "check", cmd_check, "FIGURE", CLI_OPERANDS_WORDS,
    "who cites a figure, and who cites another value for the same thing",
    "Who cites this figure (\"11 терактов\", \"28 тысяч человек\") and who cites\n"
    "another value for the same thing, each with its sentence, qualifier and\n"
    "date: the fact-checking view.  FIGURE is a number and the noun it counts.",
    check_options, CLI_DB_SET | CLI_DASH_WORDS,
};

static const char *or_null(const char *s)
{
    return s ? cli_safe(s) : "(null)";
}

/* "agree (3):", or "differ (1000 of 2000, from 1):" when paged. */
static void print_list(const char *head, const izde_citation *v, size_t n, size_t total,
                       unsigned offset)
{
    if (n == total)
        printf("%s (%zu):\n", head, n);
    else
        printf("%s (%zu of %zu, from %u):\n", head, n, total, offset + 1);
    for (size_t i = 0; i < n; i++) {
        const izde_citation *e = &v[i];
        printf("  %s  [%s%s%s] %s\n", or_null(e->figure.text), or_null(e->figure.qualifier),
               e->date ? ", " : "", e->date ? cli_safe(e->date) : "",
               or_null(e->url ? e->url : e->path ? cli_display_path(e->path) : ""));
        printf("    %s\n", or_null(e->figure.sentence));
    }
}

int cmd_check(int argc, char **argv)
{
    cli_dbs dbs = {0};
    int json = 0;
    cli_page page = {.n = IZDE_CHECK_DEFAULT_CITATIONS, .n_max = IZDE_CHECK_MAX_CITATIONS};
    char *claim = cli_parse_query(&cli_cmd_check, argc, argv, &dbs, &json, &page);
    if (!claim)
        return CLI_ERROR;
    izde_check *chk = NULL;
    int code = CLI_ERROR;
    izde_db *db = cli_open_read(&dbs);
    if (!db)
        goto done;
    int rc = izde_check_page(&chk, db, claim, (unsigned)page.offset, (unsigned)page.n);
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
    } else {
        printf("claim: %s (counts %s)\n", claim, chk->claim.noun_stem);
        print_list("agree", chk->agree, chk->nagree, chk->agree_total, chk->offset);
        print_list("differ", chk->differ, chk->ndiffer, chk->differ_total, chk->offset);
    }
    code = chk->agree_total + chk->differ_total ? CLI_OK : CLI_NONE;
    if (code == CLI_NONE)
        cli_error("no article cites a figure for what '%s' counts", claim);
done:
    izde_check_free(chk);
    izde_db_close(db);
    free(claim);
    return code;
}
