/*
 * options.c - the one option parser of the izde commands, driven by each
 * command's table (options.h), and the help printed from those tables.
 */
#include <stdlib.h>
#include <string.h>

#include "options.h"

/* The options of every CLI_DB_SET command, handled by cli_next itself. */
const cli_option cli_db_set_options[] = {
    {CLI_OPT_DB, "--db", NULL, "DIR|tcp://HOST:PORT|LIST", NULL,
     "the index; give it again to search several as one (a LIST file\n"
     "names one per line; default $IZDE_DB, else index/db)"},
    {CLI_OPT_TIMEOUT, "--timeout", NULL, "MS", NULL,
     "remote shards: wait at most MS per request (default 10000)"},
    {CLI_OPT_ALLOW_PARTIAL, "--allow-partial", NULL, NULL, NULL,
     "a shard that is down is left out, with a warning"},
    {0},
};

const char cli_query_help[] =
    "Query syntax:\n"
    "  word word            both words, each in any form, in Russian and Kyrgyz\n"
    "  \"a phrase\" «a phrase»  its words in this order, each in any form\n"
    "  a OR b               either (OR binds tighter than the space between words)\n"
    "  a AND b              both, as a space does\n"
    "  NOT a, -a            without the word\n"
    "  ( ... )              a group: (теракт OR взрыв) -Алматы\n"
    "  lang:ru|ky|other     only articles in that language\n"
    "  date:2017  date:2017-04  date:2017-01..2017-06  date:>=2018-03  date:<2019\n"
    "                       only articles published then\n"
    "  NOUN:RANGE           articles citing a figure for the noun in the range:\n"
    "                       теракт:11  теракт:10..20  человек:>10000  человек:<=100\n"
    "  баңги*               every word starting so (at least two letters)\n"
    "A word is also searched, ranked lower, as the same word in the other language,\n"
    "the case forms of a name, Kyrgyz typed with н о у for ң ө ү, Cyrillic spellings\n"
    "of a Latin word and the glossary's word in the other language; a word in\n"
    "quotes is searched as typed.\n";

void cli_parser_init(cli_parser *p, const cli_command *cmd, int argc, char **argv, cli_dbs *dbs)
{
    memset(p, 0, sizeof *p);
    p->cmd = cmd;
    p->argc = argc;
    p->argv = argv;
    p->i = 1;
    p->dbs = dbs;
}

static const cli_option *find_in(const cli_option *t, const char *name, size_t len)
{
    for (; t && t->id; t++)
        if ((strlen(t->name) == len && strncmp(t->name, name, len) == 0) ||
            (t->alias && strlen(t->alias) == len && strncmp(t->alias, name, len) == 0))
            return t;
    return NULL;
}

static void short_usage(const cli_command *cmd)
{
    fprintf(stderr, "usage: izde %s [OPTIONS]%s%s\nRun 'izde %s --help' for its options.\n",
            cmd->name, *cmd->operands ? " " : "", cmd->operands, cmd->name);
}

/* Is v one of the '|'-separated values? */
static int in_set(const char *set, const char *v)
{
    size_t n = strlen(v);
    for (const char *s = set; *s;) {
        const char *bar = strchr(s, '|');
        size_t len = bar ? (size_t)(bar - s) : strlen(s);
        if (len == n && strncmp(s, v, n) == 0)
            return 1;
        s += len + (bar != NULL);
    }
    return 0;
}

/* The shared --db, --timeout, --allow-partial: into p->dbs. */
static int take_db_option(cli_parser *p, int id)
{
    cli_dbs *dbs = p->dbs;
    if (id == CLI_OPT_ALLOW_PARTIAL) {
        dbs->open.allow_partial = 1;
        return 0;
    }
    if (id == CLI_OPT_TIMEOUT) {
        long ms = cli_value_count(p, 1, 100000000);
        if (ms < 0)
            return -1;
        dbs->open.timeout_ms = (unsigned)ms;
        return 0;
    }
    if (dbs->n == CLI_MAX_DBS) {
        cli_error("--db given more than %d times; list the indexes in a file and give that",
                  CLI_MAX_DBS);
        return -1;
    }
    dbs->spec[dbs->n++] = p->value;
    return 0;
}

/* One option argument a (at p->i - 1): its id, or CLI_ARG_BAD. */
static int take_option(cli_parser *p, const char *a, const cli_option *o, const char *eq)
{
    snprintf(p->optbuf, sizeof p->optbuf, "%.*s", (int)(eq ? eq - a : (long)strlen(a)), a);
    p->opt = p->optbuf;
    p->value = NULL;
    if (!o->arg) {
        if (eq) {
            cli_error("%s: %s takes no value, not '%s'", p->cmd->name, p->opt, eq + 1);
            return CLI_ARG_BAD;
        }
        return o->id;
    }
    if (eq) {
        p->value = eq + 1;
    } else if (p->i < p->argc) {
        p->value = p->argv[p->i++];
    } else {
        cli_error("%s: %s needs a value: %s %s", p->cmd->name, a, o->name, o->arg);
        return CLI_ARG_BAD;
    }
    if (!*p->value) {
        cli_error("%s: %s needs a value (%s), not an empty one", p->cmd->name, p->opt,
                  o->values ? o->values : o->arg);
        return CLI_ARG_BAD;
    }
    if (o->values && !in_set(o->values, p->value)) {
        cli_error("%s: %s takes %s, not '%s'", p->cmd->name, p->opt, o->values, p->value);
        return CLI_ARG_BAD;
    }
    return o->id;
}

int cli_next(cli_parser *p)
{
    while (p->i < p->argc) {
        const char *a = p->argv[p->i++];
        if (p->operands_only || a[0] != '-' || a[1] == '\0') {
            p->value = a;
            return CLI_ARG_OPERAND;
        }
        if (strcmp(a, "--") == 0) {
            p->operands_only = 1;
            continue;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            cli_print_help(p->cmd, stdout);
            exit(CLI_OK);
        }
        const char *eq = a[1] == '-' ? strchr(a, '=') : NULL;
        size_t len = eq ? (size_t)(eq - a) : strlen(a);
        const cli_option *o = find_in(p->cmd->options, a, len);
        int db_set = 0;
        if (!o && (p->cmd->flags & CLI_DB_SET) && (o = find_in(cli_db_set_options, a, len)))
            db_set = 1;
        if (!o) {
            if (a[1] != '-' && (p->cmd->flags & CLI_DASH_WORDS)) {
                p->value = a; /* -word: a query's NOT */
                return CLI_ARG_OPERAND;
            }
            cli_error("%s: unknown option '%.*s'", p->cmd->name, (int)len, a);
            short_usage(p->cmd);
            return CLI_ARG_BAD;
        }
        int id = take_option(p, a, o, eq);
        if (id == CLI_ARG_BAD || !db_set)
            return id;
        if (take_db_option(p, id) != 0)
            return CLI_ARG_BAD;
    }
    return CLI_ARG_END;
}

long cli_value_count(const cli_parser *p, long lo, long hi)
{
    const char *v = p->value;
    char *end;
    long n = strtol(v, &end, 10);
    if (*v == '\0' || *end != '\0' || *v == '-' || *v == '+' || n < lo || n > hi) {
        cli_error("%s: %s takes a number from %ld to %ld, not '%s'", p->cmd->name, p->opt, lo,
                  hi, v);
        return -1;
    }
    return n;
}

char *cli_parse_query(const cli_command *cmd, int argc, char **argv, cli_dbs *dbs, int *json,
                      cli_page *page)
{
    char *q = NULL;
    cli_parser p;
    cli_parser_init(&p, cmd, argc, argv, dbs);
    for (int id; (id = cli_next(&p)) != CLI_ARG_END;) {
        if (id == CLI_ARG_BAD ||
            (id == CLI_ARG_OPERAND && cli_append_word(&q, p.value) != 0) ||
            (id == CLI_OPT_N && (page->n = cli_value_count(&p, 0, page->n_max)) < 0) ||
            (id == CLI_OPT_OFFSET && (page->offset = cli_value_count(&p, 0, 100000000)) < 0)) {
            free(q);
            return NULL;
        }
        if (id == CLI_OPT_JSON)
            *json = 1;
        if (id == CLI_OPT_NO_EXPAND)
            dbs->no_expand = 1;
    }
    if (!q) {
        cli_error("%s: nothing to look for", cmd->name);
        short_usage(cmd);
    }
    return q;
}

int cli_append_word(char **buf, const char *word)
{
    size_t have = *buf ? strlen(*buf) : 0;
    char *b = realloc(*buf, have + strlen(word) + 2);
    if (!b)
        return -1;
    if (have)
        b[have++] = ' ';
    strcpy(b + have, word);
    *buf = b;
    return 0;
}

/* Characters (not bytes) in s[0..n). */
static size_t width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        w += ((unsigned char)s[i] & 0xc0) != 0x80;
    return w;
}

#define HELP_COLUMN 26
#define HELP_WIDTH 79

/* "  -j, --jobs N" then the help, lined up at column 26 and wrapped at 79
 * (a "\n" in the table is a space like any other). */
static void print_option(const cli_option *o, FILE *f)
{
    char spec[160];
    int n = snprintf(spec, sizeof spec, "  %s%s%s%s%s", o->alias ? o->alias : "",
                     o->alias ? ", " : "", o->name, o->arg ? " " : "",
                     o->values ? o->values : o->arg ? o->arg : "");
    fputs(spec, f);
    size_t col = (size_t)n;
    if (col > HELP_COLUMN - 2) {
        fputc('\n', f);
        col = 0;
    }
    for (const char *h = o->help; *h;) {
        while (*h == ' ' || *h == '\n')
            h++;
        size_t len = strcspn(h, " \n"), w = width(h, len);
        if (!len)
            break;
        if (col < HELP_COLUMN) {
            fprintf(f, "%*s", (int)(HELP_COLUMN - col), "");
            col = HELP_COLUMN;
        } else if (col + 1 + w > HELP_WIDTH) {
            fprintf(f, "\n%*s", HELP_COLUMN, "");
            col = HELP_COLUMN;
        } else {
            fputc(' ', f);
            col++;
        }
        fwrite(h, 1, len, f);
        col += w;
        h += len;
    }
    fputc('\n', f);
}

void cli_print_help(const cli_command *cmd, FILE *f)
{
    static const cli_option help_option = {1, "--help", "-h", NULL, NULL, "print this help"};
    fprintf(f, "usage: izde %s [OPTIONS]%s%s\n%s\n\nOptions:\n", cmd->name,
            *cmd->operands ? " " : "", cmd->operands, cmd->about);
    for (const cli_option *o = cmd->options; o && o->id; o++)
        print_option(o, f);
    if (cmd->flags & CLI_DB_SET)
        for (const cli_option *o = cli_db_set_options; o->id; o++)
            print_option(o, f);
    print_option(&help_option, f);
    if (cmd->kind == CLI_OPERANDS_QUERY)
        fprintf(f, "\n%s", cli_query_help);
}

void cli_print_main_help(FILE *f)
{
    fputs("usage: izde COMMAND [OPTIONS] [ARGS]\n"
          "       izde --help | --version\n"
          "Full-text search over Russian and Kyrgyz news reports.\n\nCommands:\n", f);
    for (size_t i = 0; i < cli_ncommands; i++)
        fprintf(f, "  %-12s %s\n", cli_commands[i]->name, cli_commands[i]->summary);
    fprintf(f, "\n%s\n", cli_query_help);
    fputs("Environment:\n"
          "  IZDE_DB    the index when no --db is given (default index/db)\n"
          "  NO_COLOR   set: search marks hits without colour on a terminal\n"
          "Exit status: 0 done (search: hits found), 1 nothing found or some inputs\n"
          "failed, 2 usage, query or index error, 3 the index is locked by a writer.\n"
          "Run 'izde COMMAND --help' for a command's options; man izde for the manual.\n",
          f);
}

/* The same tables written out for a program to read. */
static void list_options(const char *cmd, const cli_option *t, FILE *f)
{
    for (; t && t->id; t++)
        fprintf(f, "%s\t%s\t%s\t%s\t%s\n", cmd, t->name, t->alias ? t->alias : "-",
                t->arg ? t->arg : "-", t->values ? t->values : "-");
}

void cli_print_option_list(FILE *f)
{
    for (size_t i = 0; i < cli_ncommands; i++) {
        const cli_command *c = cli_commands[i];
        list_options(c->name, c->options, f);
        if (c->flags & CLI_DB_SET)
            list_options(c->name, cli_db_set_options, f);
        fprintf(f, "%s\t--help\t-h\t-\t-\n", c->name);
    }
}

const char *cli_parse_db_only(const cli_command *cmd, int argc, char **argv)
{
    const char *dbopt = NULL;
    cli_parser p;
    cli_parser_init(&p, cmd, argc, argv, NULL);
    for (int id; (id = cli_next(&p)) != CLI_ARG_END;) {
        if (id == CLI_ARG_BAD)
            return NULL;
        if (id == CLI_ARG_OPERAND) {
            cli_error("%s: takes no arguments, only --db DIR, not '%s'", cmd->name, p.value);
            return NULL;
        }
        dbopt = p.value; /* the one option: --db */
    }
    return cli_db_path(dbopt);
}
