/*
 * main.c - the izde command-line tool: dispatch to one command per file
 * (cmd_*.c) through the command table; the tool's own options (--help,
 * --version, --list-options, --completion bash).
 */
#include <stdio.h>
#include <string.h>

#include "options.h"

const cli_command *const cli_commands[] = {
    &cli_cmd_index, &cli_cmd_search,      &cli_cmd_facts,   &cli_cmd_check, &cli_cmd_timeline,
    &cli_cmd_stats, &cli_cmd_serve,       &cli_cmd_check_index, &cli_cmd_analyze, &cli_cmd_stem,
    &cli_cmd_show, &cli_cmd_similar, &cli_cmd_watch, &cli_cmd_extract, &cli_cmd_compact,
};
const size_t cli_ncommands = sizeof cli_commands / sizeof *cli_commands;

int main(int argc, char **argv)
{
    if (argc < 2) {
        cli_print_main_help(stderr);
        return CLI_ERROR;
    }
    const char *a = argv[1];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0 || strcmp(a, "help") == 0) {
        if (strcmp(a, "help") == 0 && argc > 2)
            for (size_t i = 0; i < cli_ncommands; i++)
                if (strcmp(argv[2], cli_commands[i]->name) == 0) {
                    cli_print_help(cli_commands[i], stdout);
                    return CLI_OK;
                }
        cli_print_main_help(stdout);
        return CLI_OK;
    }
    if (strcmp(a, "--version") == 0) {
        printf("izde %s\n", IZDE_VERSION);
        return CLI_OK;
    }
    if (strcmp(a, "--list-options") == 0) {
        cli_print_option_list(stdout);
        return CLI_OK;
    }
    if (strcmp(a, "--completion") == 0) {
        if (argc == 3 && strcmp(argv[2], "bash") == 0) {
            cli_print_bash_completion(stdout);
            return CLI_OK;
        }
        cli_error("--completion takes the shell: izde --completion bash");
        return CLI_ERROR;
    }
    for (size_t i = 0; i < cli_ncommands; i++)
        if (strcmp(a, cli_commands[i]->name) == 0)
            return cli_commands[i]->fn(argc - 1, argv + 1);
    cli_error("unknown command '%s'", a);
    fputs("Run 'izde --help' for the commands.\n", stderr);
    return CLI_ERROR;
}
