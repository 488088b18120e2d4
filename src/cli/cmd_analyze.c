/*
 * cmd_analyze.c - `izde analyze [--json] [--lang ru|ky] [FILE|-]`: the
 * language, tokens, stems and figures of a text, for debugging and
 * scripting.  Reads standard input when no file (or "-") is given.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "options.h"

enum { O_JSON = 1, O_LANG };

static const cli_option analyze_options[] = {
    {O_JSON, "--json", NULL, NULL, NULL, "one JSON object: lang, tokens, figures"},
    {O_LANG, "--lang", NULL, "LANG", "ru|ky|other", "read the text as this language (default: guessed)"},
    {0},
};

const cli_command cli_cmd_analyze = {
    "analyze", cmd_analyze, "[FILE|-]", CLI_OPERANDS_FILES,
    "language, tokens, stems and figures of a text",
    "Show how izde reads a text (FILE, or standard input when there is none or\n"
    "it is -): its language, every token with its byte offsets and stem, and\n"
    "the figures it cites.",
    analyze_options, 0,
};

static char *read_all(FILE *f, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *b = malloc(cap + 1);
    size_t k;
    while (b && (k = fread(b + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            char *nb = realloc(b, (cap *= 2) + 1);
            if (!nb) {
                free(b);
                return NULL;
            }
            b = nb;
        }
    }
    if (b)
        b[n] = '\0';
    *len = n;
    return b;
}

int cmd_analyze(int argc, char **argv)
{
    int json = 0;
    const char *lang = NULL, *path = NULL;
    cli_parser p;
    cli_parser_init(&p, &cli_cmd_analyze, argc, argv, NULL);
    for (int id; (id = cli_next(&p)) != CLI_ARG_END;) {
        if (id == CLI_ARG_BAD)
            return CLI_ERROR;
        if (id == O_JSON) {
            json = 1;
        } else if (id == O_LANG) {
            lang = p.value;
        } else if (!path) {
            path = p.value;
        } else {
            cli_error("analyze: give one file (or - for standard input), not '%s' too", p.value);
            return CLI_ERROR;
        }
    }
    FILE *f = stdin;
    if (path && strcmp(path, "-") != 0 && !(f = fopen(path, "rb"))) {
        cli_error("analyze: %s: cannot read it", path);
        return CLI_ERROR;
    }
    size_t len = 0;
    char *text = read_all(f, &len);
    if (f != stdin)
        fclose(f);
    if (!text) {
        cli_error("analyze: out of memory");
        return CLI_ERROR;
    }
    char *out = NULL, *err = NULL;
    int rc = izde_analyze_json(text, len, lang, &out, &err);
    if (rc != IZDE_OK) {
        cli_error("analyze: %s", err ? err : izde_status_name(rc));
        izde_free(err);
        free(text);
        return CLI_ERROR;
    }
    if (json) {
        printf("%s\n", out);
    } else {
        json_t *o = json_loads(out, 0, NULL);
        printf("language: %s\n", json_string_value(json_object_get(o, "lang")));
        json_t *v;
        size_t i;
        printf("tokens:");
        json_array_foreach(json_object_get(o, "tokens"), i, v) {
            const char *stem = json_string_value(json_object_get(v, "stem"));
            const char *term = json_string_value(json_object_get(v, "term"));
            printf(" %s", term);
            if (stem && strcmp(stem, term) != 0)
                printf("→%s", stem);
        }
        printf("\nfigures:\n");
        json_array_foreach(json_object_get(o, "figures"), i, v) {
            printf("  %s: ", json_string_value(json_object_get(v, "text")));
            cli_print_number(json_number_value(json_object_get(v, "value")));
            double high = json_number_value(json_object_get(v, "high"));
            if (high != json_number_value(json_object_get(v, "value"))) {
                printf("..");
                cli_print_number(high);
            }
            const char *q = json_string_value(json_object_get(v, "qualifier"));
            const char *unit = json_string_value(json_object_get(v, "unit"));
            const char *stem = json_string_value(json_object_get(v, "noun_stem"));
            printf(" %s%s%s%s%s\n", q, unit ? ", unit " : "", unit ? unit : "",
                   stem ? ", counts " : "", stem ? stem : "");
        }
        json_decref(o);
    }
    izde_free(out);
    free(text);
    return CLI_OK;
}
