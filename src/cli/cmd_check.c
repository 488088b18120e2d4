/*
 * cmd_check.c - `izde check [--db DIR] [--json] "11 терактов"`: the
 * articles that cite this figure for this noun (agree) and those citing
 * a different value for it (differ), each with its sentence, qualifier
 * and date: the fact-checking view.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "options.h"

static const cli_option check_options[] = {
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

static void print_list(const char *head, json_t *arr)
{
    size_t i;
    json_t *v;
    printf("%s (%zu):\n", head, json_array_size(arr));
    json_array_foreach(arr, i, v) {
        const char *date = json_string_value(json_object_get(v, "date"));
        const char *path = json_string_value(json_object_get(v, "path"));
        const char *url = json_string_value(json_object_get(v, "url"));
        printf("  %s  [%s%s%s] %s\n", json_string_value(json_object_get(v, "text")),
               json_string_value(json_object_get(v, "qualifier")), date ? ", " : "",
               date ? date : "", url ? url : path ? cli_display_path(path) : "");
        printf("    %s\n", json_string_value(json_object_get(v, "sentence")));
    }
}

int cmd_check(int argc, char **argv)
{
    cli_dbs dbs = {0};
    int json = 0;
    char *claim = cli_parse_query(&cli_cmd_check, argc, argv, &dbs, &json, NULL);
    if (!claim)
        return CLI_ERROR;
    char *out = NULL;
    int code = CLI_ERROR;
    int rc;
    izde_db *db = cli_open_read(&dbs);
    if (!db)
        goto done;
    rc = izde_check_json(db, claim, &out);
    cli_warn_partial(db);
    if (rc != IZDE_OK) {
        cli_error("check: %s", izde_db_errmsg(db));
        goto done;
    }
    json_t *o = json_loads(out, 0, NULL);
    json_t *agree = json_object_get(o, "agree"), *differ = json_object_get(o, "differ");
    if (json) {
        printf("%s\n", out);
    } else {
        json_t *c = json_object_get(o, "claim");
        printf("claim: %s (counts %s)\n", claim, json_string_value(json_object_get(c, "noun_stem")));
        print_list("agree", agree);
        print_list("differ", differ);
    }
    code = json_array_size(agree) + json_array_size(differ) ? CLI_OK : CLI_NONE;
    if (code == CLI_NONE)
        cli_error("no article cites a figure for what '%s' counts", claim);
    json_decref(o);
done:
    izde_free(out);
    izde_db_close(db);
    free(claim);
    return code;
}
