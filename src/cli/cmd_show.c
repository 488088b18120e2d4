/*
 * cmd_show.c - `izde show [--db ...] [--json] ID...`: stored articles by
 * id.  Text: title, date, source, url, story and copies, then the clean
 * text; --json: one JSON object per id, one per line (izde_article_json).
 * Exit 0 when every id was found, 1 when one was not, 2 on error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "options.h"

static const cli_option show_options[] = {
    {CLI_OPT_JSON, "--json", NULL, NULL, NULL,
     "one JSON object per id, one per line: the stored metadata, story,\n"
     "copies, figures, the record's other fields and the text"},
    {0},
};

const cli_command cli_cmd_show = {
    "show", cmd_show, "ID...", CLI_OPERANDS_WORDS,
    "stored articles by id, with their story and its copies",
    "The articles of the ids given, as the index stores them: title, date,\n"
    "source, url, its story (the id of the story's first article) and the ids\n"
    "of the story's other copies, then the clean text.  An id is what search\n"
    "shows (a file's path, a record's id or url).  Exit 0 when every id was\n"
    "found, 1 when one was not, 2 on a bad index.",
    show_options, CLI_DB_SET,
};

static void print_field(json_t *o, const char *label, const char *key)
{
    const char *v = json_string_value(json_object_get(o, key));
    if (v)
        printf("%-7s %s\n", label, cli_safe(v));
}

static void print_text(const char *json)
{
    json_t *o = json_loads(json, 0, NULL);
    print_field(o, "title:", "title");
    print_field(o, "date:", "date");
    print_field(o, "source:", "source");
    print_field(o, "url:", "url");
    print_field(o, "id:", "id");
    print_field(o, "story:", "story");
    json_t *copies = json_object_get(o, "copies");
    printf("copies:%s", json_array_size(copies) ? "" : " none");
    for (size_t k = 0; k < json_array_size(copies); k++)
        printf("%s %s", k ? "," : "", cli_safe(json_string_value(json_array_get(copies, k))));
    printf("\n\n%s\n", cli_safe(json_string_value(json_object_get(o, "text"))));
    json_decref(o);
}

int cmd_show(int argc, char **argv)
{
    cli_dbs dbs = {0};
    int json = 0, rcode = CLI_OK;
    char **ids = calloc((size_t)argc + 1, sizeof *ids);
    size_t nids = 0;
    cli_parser p;
    cli_parser_init(&p, &cli_cmd_show, argc, argv, &dbs);
    for (int id; ids && (id = cli_next(&p)) != CLI_ARG_END;) {
        if (id == CLI_ARG_BAD) {
            free(ids);
            return CLI_ERROR;
        }
        if (id == CLI_ARG_OPERAND)
            ids[nids++] = (char *)p.value;
        else
            json = 1; /* CLI_OPT_JSON */
    }
    if (!ids || !nids) {
        cli_error(ids ? "show: no id given; give the id of an article, as search shows it"
                      : "out of memory");
        free(ids);
        return CLI_ERROR;
    }
    izde_db *db = cli_open_read(&dbs);
    for (size_t i = 0; db && i < nids && rcode != CLI_ERROR; i++) {
        char *out = NULL;
        int rc = izde_article_json(db, ids[i], &out);
        if (rc == IZDE_OK && json)
            puts(out);
        else if (rc == IZDE_OK)
            printf("%s", i ? "\n" : ""), print_text(out);
        else
            cli_error("%s", izde_db_errmsg(db));
        rcode = rc == IZDE_OK ? rcode : rc == IZDE_ENOTFOUND ? CLI_NONE : CLI_ERROR;
        izde_free(out);
    }
    if (!db)
        rcode = CLI_ERROR;
    izde_db_close(db);
    free(ids);
    return rcode;
}
