/*
 * cmd_stem.c - `izde stem --lang ky|ru [WORD...]`: the stem of each word
 * given, or of each line of stdin (one word per line), one per line, like
 * Snowball's stemwords; for inspecting and evaluating the stemmers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_text[] =
    "usage: izde stem --lang ky|ru [WORD...]\n"
    "Print the stem of each WORD, or of each line of standard input, one per line.\n"
    "Words are taken as written: the Kyrgyz stemmer uses capitals to spot\n"
    "acronyms (ИИМдин -> иим).\n";

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
    int first = argc;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(usage_text, stdout);
            return CLI_OK;
        } else if (strcmp(argv[i], "--lang") == 0 || strcmp(argv[i], "-l") == 0) {
            if (i + 1 >= argc) {
                cli_error("stem: --lang needs ky or ru");
                return CLI_ERROR;
            }
            lang = argv[++i];
        } else if (strncmp(argv[i], "--lang=", 7) == 0) {
            lang = argv[i] + 7;
        } else if (strcmp(argv[i], "--") == 0) {
            first = i + 1;
            break;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            cli_error("stem: unknown option '%s'", argv[i]);
            fputs(usage_text, stderr);
            return CLI_ERROR;
        } else {
            first = i;
            break;
        }
    }
    if (!lang) {
        cli_error("stem: say which stemmer with --lang ky or --lang ru");
        fputs(usage_text, stderr);
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
    if (first < argc) {
        for (int i = first; i < argc && status == CLI_OK; i++)
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
