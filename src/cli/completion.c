/*
 * completion.c - `izde --completion bash`: a bash completion script made
 * from the option tables, so it completes exactly what the parser takes:
 * commands, each command's options, the values of fixed-set options
 * (--by year|month|week, --sort, --lang), files and folders where a value
 * or an operand names one.
 */
#include <string.h>

#include "options.h"

/* The words of a '|'-set, space-separated. */
static void print_set(const char *set, FILE *f)
{
    for (; *set; set++)
        fputc(*set == '|' ? ' ' : *set, f);
}

/* What completes an open value: folders, files, or nothing (a number). */
static const char *value_completion(const cli_option *o)
{
    if (strstr(o->arg, "FILE") || strstr(o->arg, "LIST") || strstr(o->arg, "PATH"))
        return "COMPREPLY=($(compgen -f -- \"$cur\"))";
    if (strstr(o->arg, "DIR"))
        return "COMPREPLY=($(compgen -d -- \"$cur\"))";
    return "COMPREPLY=()";
}

static void print_value_cases(const cli_option *t, FILE *f)
{
    for (; t && t->id; t++) {
        if (!t->arg)
            continue;
        fprintf(f, "            %s%s%s) ", t->name, t->alias ? "|" : "", t->alias ? t->alias : "");
        if (t->values) {
            fputs("COMPREPLY=($(compgen -W \"", f);
            print_set(t->values, f);
            fputs("\" -- \"$cur\"))", f);
        } else {
            fputs(value_completion(t), f);
        }
        fputs("; return ;;\n", f);
    }
}

static void print_option_words(const cli_option *t, FILE *f)
{
    for (; t && t->id; t++)
        fprintf(f, " %s%s%s", t->name, t->alias ? " " : "", t->alias ? t->alias : "");
}

static void print_command_case(const cli_command *c, FILE *f)
{
    int db = (c->flags & CLI_DB_SET) != 0;
    fprintf(f, "        %s)\n            case \"$prev\" in\n", c->name);
    print_value_cases(c->options, f);
    if (db)
        print_value_cases(cli_db_set_options, f);
    fputs("            esac\n            opts=\"--help", f);
    print_option_words(c->options, f);
    if (db)
        print_option_words(cli_db_set_options, f);
    fprintf(f, "\"\n            files=%d", c->kind == CLI_OPERANDS_FILES);
    if (c == &cli_cmd_watch) /* its first operand says what to do */
        fputs("\n            subs=\"add list remove run\"", f);
    fputs(" ;;\n", f);
}

void cli_print_bash_completion(FILE *f)
{
    fputs("# bash completion for izde, made by 'izde --completion bash' from its option\n"
          "# tables: commands, options, fixed option values, files and folders.\n"
          "_izde() {\n"
          "    local cur prev cmd opts files=0 subs=\n"
          "    cur=${COMP_WORDS[COMP_CWORD]}\n"
          "    prev=${COMP_WORDS[COMP_CWORD-1]}\n"
          "    if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
          "        COMPREPLY=($(compgen -W \"",
          f);
    for (size_t i = 0; i < cli_ncommands; i++)
        fprintf(f, "%s ", cli_commands[i]->name);
    fputs("--help --version\" -- \"$cur\"))\n"
          "        return\n"
          "    fi\n"
          "    cmd=${COMP_WORDS[1]}\n"
          "    case \"$cmd\" in\n",
          f);
    for (size_t i = 0; i < cli_ncommands; i++)
        print_command_case(cli_commands[i], f);
    fputs("        *) return ;;\n"
          "    esac\n"
          "    if [[ \"$cur\" == -* ]]; then\n"
          "        COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
          "    elif [ -n \"$subs\" ] && [ \"$COMP_CWORD\" -eq 2 ]; then\n"
          "        COMPREPLY=($(compgen -W \"$subs\" -- \"$cur\"))\n"
          "    elif [ \"$files\" -eq 1 ]; then\n"
          "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
          "    else\n"
          "        COMPREPLY=()\n"
          "    fi\n"
          "}\n"
          "complete -o filenames -F _izde izde\n",
          f);
}
