/*
 * main.c - the izde command-line tool: dispatch to one command per file
 * (cmd_*.c) through a command table.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct command {
    const char *name;
    cli_cmd_fn fn;
    const char *summary;
} commands[] = {
    {"index", cmd_index, "index files, folders and JSON Lines: izde index [--db DIR] PATH..."},
    {"search", cmd_search, "search: izde search [--db DIR] [-n N] [--offset K] [--json | --format compact] QUERY"},
    {"facts", cmd_facts, "figures cited in matching articles, by what they count: izde facts QUERY"},
    {"check", cmd_check, "who cites a figure and who cites another value: izde check \"11 терактов\""},
    {"timeline", cmd_timeline, "matching articles per year, month or week: izde timeline [--by month] QUERY"},
    {"stats", cmd_stats, "what the index holds, per language, year and source: izde stats [--json]"},
    {"serve", cmd_serve, "the search page and JSON API over HTTP: izde serve [--listen 127.0.0.1:8080]"},
    {"check-index", cmd_check_index, "check that the index is sound: izde check-index [--db DIR]"},
    {"analyze", cmd_analyze, "language, tokens, stems and figures of a text: izde analyze [--json] [FILE|-]"},
    {"stem", cmd_stem, "stem words (arguments or stdin lines): izde stem --lang ky|ru [WORD...]"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: izde COMMAND [OPTIONS] [ARGS]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\nThe index is index/db under the current folder unless --db DIR or IZDE_DB "
               "says otherwise.\nRun 'izde COMMAND --help' for a command's options.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CLI_ERROR;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return CLI_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("izde %s\n", IZDE_VERSION);
        return CLI_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].fn(argc - 1, argv + 1);
    cli_error("unknown command '%s'", argv[1]);
    usage(stderr);
    return CLI_ERROR;
}
