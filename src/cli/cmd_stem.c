/*
 * cmd_stem.c - `izde stem --lang ky|ru [WORD...]`: the stem of each word
 * given, or of each line of stdin (one word per line), one per line, like
 * Snowball's stemwords; for inspecting and evaluating the stemmers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "options.h"

enum { O_LANG = 1 };

static const cli_option stem_options[] = {
    {O_LANG, "--lang", "-l", "LANG", "ky|ru", "the stemmer: Kyrgyz (izde's own) or Russian (Snowball)"},
    {0},
};

const cli_command cli_cmd_stem = {
    "stem", cmd_stem, "[WORD...]", CLI_OPERANDS_WORDS,
    "the stem of each word, Kyrgyz or Russian",
    "Print the stem of each WORD, or of each line of standard input, one per line.\n"
    "Words are taken as written: the Kyrgyz stemmer uses capitals to spot\n"
    "acronyms (ИИМдин -> иим).  --lang is required.",
    stem_options, 0,
};

static int stem_one(izde_stemmer *s, const char *w, size_t n)
{
    size_t len = 0;
    const char *r = izde_stemmer_stem(s, w, n, &len);
    if (!r) {
        cli_error("stem: out of memory");
        return -1;
    }
    fwrite(r, 1, len, stdout);
    fputc('\n', stdout);
    return 0;
}

int cmd_stem(int argc, char **argv)
{
    const char *lang = NULL;
    int nwords = 0; /* the words, compacted into argv[0..nwords) */
    cli_parser p;
    cli_parser_init(&p, &cli_cmd_stem, argc, argv, NULL);
    for (int id; (id = cli_next(&p)) != CLI_ARG_END;) {
        if (id == CLI_ARG_BAD)
            return CLI_ERROR;
        if (id == O_LANG)
            lang = p.value;
        else
            argv[nwords++] = (char *)p.value; /* nwords < p.i */
    }
    if (!lang) {
        cli_error("stem: say which stemmer with --lang ky or --lang ru");
        cli_print_help(&cli_cmd_stem, stderr);
        return CLI_ERROR;
    }
    izde_stemmer *s = NULL;
    int rc = izde_stemmer_new(&s, lang);
    if (rc != IZDE_OK) {
        if (rc == IZDE_EINVAL)
            cli_error("stem: no stemmer for '%s'; use --lang ky or --lang ru", lang);
        else
            cli_error("stem: %s", izde_status_name(rc));
        return CLI_ERROR;
    }
    int status = CLI_OK;
    if (nwords > 0) {
        for (int i = 0; i < nwords && status == CLI_OK; i++)
            if (stem_one(s, argv[i], strlen(argv[i])) != 0)
                status = CLI_ERROR;
    } else {
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        while (status == CLI_OK && (n = getline(&line, &cap, stdin)) >= 0) {
            size_t len = (size_t)n;
            while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
                len--;
            if (stem_one(s, line, len) != 0)
                status = CLI_ERROR;
        }
        free(line);
    }
    izde_stemmer_free(s);
    if (fflush(stdout) != 0)
        status = CLI_ERROR;
    return status;
}
