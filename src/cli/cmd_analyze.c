/*
 * cmd_analyze.c - `izde analyze [--json] [--lang ru|ky] [FILE|-]`: the
 * language, tokens, stems and figures of a text, for debugging and
 * scripting.  Reads standard input when no file (or "-") is given.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* The analysis as text: language, tokens (→ stem when it differs), figures. */
static void print_analysis(const izde_text_analysis *a)
{
    printf("language: %s\n", a->lang);
    printf("tokens:");
    for (size_t i = 0; i < a->ntokens; i++) {
        const izde_text_token *t = &a->tokens[i];
        printf(" %s", cli_safe(t->term));
        if (t->stem && strcmp(t->stem, t->term) != 0)
            printf("→%s", t->stem);
    }
    printf("\nfigures:\n");
    for (size_t i = 0; i < a->nfigures; i++) {
        const izde_hit_figure *f = &a->figures[i];
        printf("  %s: ", cli_safe(f->text));
        cli_print_number(f->value);
        if (f->high != f->value) {
            printf("..");
            cli_print_number(f->high);
        }
        int count = !f->kind || strcmp(f->kind, "count") == 0;
        printf(" %s%s%s", f->qualifier, f->unit ? ", unit " : "", f->unit ? f->unit : "");
        if (f->noun)
            printf(", %s %s (key %s)", count ? "counts" : "noun", f->label ? f->label : f->noun,
                   f->key ? f->key : f->noun_stem ? f->noun_stem : "");
        if (!count)
            printf(", kind %s", f->kind);
        printf("\n");
    }
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
    izde_text_analysis *an = NULL;
    int rc = izde_analyze_text(&an, text, len, lang, &err);
    if (rc == IZDE_OK && json)
        rc = izde_text_analysis_to_json(an, &out);
    if (rc != IZDE_OK) {
        cli_error("analyze: %s", err ? err : izde_status_name(rc));
        izde_free(err);
        izde_text_analysis_free(an);
        free(text);
        return CLI_ERROR;
    }
    if (json)
        printf("%s\n", out);
    else
        print_analysis(an);
    izde_text_analysis_free(an);
    izde_free(out);
    free(text);
    return CLI_OK;
}
