/*
 * options.h - every command's options as one table: the parser reads it,
 * `--help` prints it, `izde --completion bash` turns it into a completion
 * script, and `izde --list-options` prints it for the test that holds the
 * man page to it.  An option the table does not list cannot be parsed.
 */
#ifndef IZDE_CLI_OPTIONS_H
#define IZDE_CLI_OPTIONS_H

#include <stdio.h>

#include "cli.h"

typedef struct cli_option {
    int id;              /* > 0: what cli_next returns for it; 0 ends a table */
    const char *name;    /* "--sort" (or a short-only "-n") */
    const char *alias;   /* a second spelling ("-j" for "--jobs"), or NULL */
    const char *arg;     /* the value's placeholder ("N", "DIR"); NULL: a flag */
    const char *values;  /* the fixed set of values, "year|month|week"; NULL: open */
    const char *help;    /* what it does; "\n" breaks lines */
} cli_option;

/* What a command's operands are, for the help and completion. */
enum cli_operand_kind { CLI_OPERANDS_NONE, CLI_OPERANDS_QUERY, CLI_OPERANDS_FILES, CLI_OPERANDS_WORDS };

/* cli_command.flags */
#define CLI_DB_SET 1u     /* --db (repeatable: folders, tcp://, lists), --timeout, --allow-partial */
#define CLI_DASH_WORDS 2u /* an unknown "-word" is an operand (a query's NOT), not an error */

typedef struct cli_command {
    const char *name;
    cli_cmd_fn fn;
    const char *operands;       /* "QUERY", "PATH...", "[FILE|-]"; "" for none */
    enum cli_operand_kind kind;
    const char *summary;        /* one line for `izde --help` */
    const char *about;          /* what `izde NAME --help` says before the options */
    const cli_option *options;  /* the command's own, ended by {0} */
    unsigned flags;
} cli_command;

/* Ids of the options cli_next handles itself (CLI_DB_SET). */
enum { CLI_OPT_DB = 900, CLI_OPT_TIMEOUT, CLI_OPT_ALLOW_PARTIAL };

/* --db, --timeout, --allow-partial: the options of every CLI_DB_SET command. */
extern const cli_option cli_db_set_options[];

/* Ids that cli_parse_query understands in a command's table. */
enum { CLI_OPT_JSON = 800, CLI_OPT_N, CLI_OPT_OFFSET, CLI_OPT_NO_EXPAND };

/* --no-expand, as every query-taking command's table has it. */
#define CLI_NO_EXPAND_OPTION                                                               \
    {CLI_OPT_NO_EXPAND, "--no-expand", NULL, NULL, NULL,                                   \
     "search each word as typed and its stems only: not in the other\n"                    \
     "language, other case forms of a name, н о у for ң ө ү, Latin\n"                      \
     "spellings or the glossary"}

/* -n and --offset of a paged command: defaults in, values out; -n at
 * most n_max. */
typedef struct cli_page {
    long n, offset, n_max;
} cli_page;

/* cli_next's other answers */
#define CLI_ARG_OPERAND 0
#define CLI_ARG_END (-1)
#define CLI_ARG_BAD (-2)

typedef struct cli_parser {
    const cli_command *cmd;
    int argc;
    char **argv;
    int i;              /* the next argument to read */
    int operands_only;  /* after "--" */
    cli_dbs *dbs;       /* CLI_DB_SET commands: where those options go */
    const char *opt;    /* the option as it was written ("-j" or "--jobs") */
    char optbuf[48];
    const char *value;  /* its value, or the operand */
} cli_parser;

extern const cli_command cli_cmd_index, cli_cmd_search, cli_cmd_facts, cli_cmd_check,
    cli_cmd_timeline, cli_cmd_stats, cli_cmd_show, cli_cmd_similar, cli_cmd_serve,
    cli_cmd_check_index, cli_cmd_analyze, cli_cmd_stem, cli_cmd_extract, cli_cmd_watch,
    cli_cmd_compact;

/* The commands, in the order `izde --help` lists them (main.c). */
extern const cli_command *const cli_commands[];
extern const size_t cli_ncommands;

/* The query language, as every query-taking help and `izde --help` print it. */
extern const char cli_query_help[];

void cli_parser_init(cli_parser *p, const cli_command *cmd, int argc, char **argv, cli_dbs *dbs);

/* The next option's id (its value in p->value), CLI_ARG_OPERAND (the
 * operand in p->value), CLI_ARG_END, or CLI_ARG_BAD after printing what is
 * wrong and the usage.  --help/-h prints the help and exits 0.  A value
 * of a fixed set is checked here; "--name=value" and "--name value" are
 * the same. */
int cli_next(cli_parser *p);

/* p->value as a whole number from lo to hi; -1 after printing an error. */
long cli_value_count(const cli_parser *p, long lo, long hi);

/* For commands whose options are only --json, -n, --offset and the
 * CLI_DB_SET ones: parse them (-n and --offset into `page`) and return
 * the operands joined by spaces (the query); NULL after printing an
 * error (no query included). */
char *cli_parse_query(const cli_command *cmd, int argc, char **argv, cli_dbs *dbs, int *json,
                      cli_page *page);

/* The index folder of a command whose only option is --db DIR (and
 * -h): its value, else $IZDE_DB, else index/db; NULL after printing why
 * the arguments are wrong. */
const char *cli_parse_db_only(const cli_command *cmd, int argc, char **argv);

/* Append p->value to the space-separated words in *buf; -1 when out of memory. */
int cli_append_word(char **buf, const char *word);

/* The command's help: usage, what it does, options, query syntax. */
void cli_print_help(const cli_command *cmd, FILE *f);

/* `izde --help`: the commands, the query language, the environment. */
void cli_print_main_help(FILE *f);

/* `izde --list-options`: COMMAND TAB OPTION TAB ALIAS TAB ARG TAB VALUES
 * per line ("-" for none), for tests and scripts. */
void cli_print_option_list(FILE *f);

/* `izde --completion bash`: a bash completion script from the tables. */
void cli_print_bash_completion(FILE *f);

#endif /* IZDE_CLI_OPTIONS_H */
