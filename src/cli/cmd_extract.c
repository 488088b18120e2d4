/*
 * cmd_extract.c - `izde extract [--json] FILE...`: what izde would index
 * from each article of the files, without an index: title, date and where
 * it was found, source, url, lang, then the text; --json: JSON Lines, one
 * object per article (file, id, title, date, date_from, source, url,
 * lang, author, charset, text).  Exit 0 when every file was read, 1 when some file
 * or record could not be, 2 on a usage error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "cli.h"
#include "options.h"

static const cli_option extract_options[] = {
    {CLI_OPT_JSON, "--json", NULL, NULL, NULL,
     "JSON Lines, one object per article: file, id, title, date, date_from,\n"
     "source, url, lang, author, charset and text"},
    {0},
};

const cli_command cli_cmd_extract = {
    "extract", cmd_extract, "FILE...", CLI_OPERANDS_FILES,
    "what would be indexed from each article of the files, without indexing",
    "Read each FILE as izde index would and print each of its articles: title,\n"
    "date and where it was found (json-ld, article:published_time, time,\n"
    "itemprop, url, headline, warc-date, pubDate...), source, url, language,\n"
    "then the main text.  Web pages (.html, .htm, .xhtml, .html.gz) give their\n"
    "main text and metadata; web archives (.warc, .warc.gz) each HTML page\n"
    "they hold; RSS and Atom feeds (.rss, .atom, .xml) one article per item;\n"
    "text, JSON Lines and CSV files their fields as they are, with the title\n"
    "and language izde would give them.  Exit 0 when every file was read, 1\n"
    "when a file or record could not be (said on stderr).",
    extract_options, 0,
};

typedef struct extract_out {
    const char *file;
    int json;
    unsigned articles, problems;
} extract_out;

static const char *field(const izde_article *a, json_t *fields, const char *key)
{
    (void)a;
    return json_string_value(json_object_get(fields, key));
}

static void put(json_t *o, const char *key, const char *v)
{
    json_object_set_new(o, key, v ? json_string(v) : json_null());
}

static void print_json(extract_out *out, const izde_article *a, json_t *fields)
{
    json_t *o = json_object();
    put(o, "file", out->file);
    put(o, "id", a->id);
    put(o, "title", a->title);
    put(o, "date", a->date);
    put(o, "date_from", field(a, fields, "date_from"));
    put(o, "source", a->source);
    put(o, "url", a->url);
    put(o, "lang", a->lang);
    put(o, "author", field(a, fields, "author"));
    put(o, "charset", a->charset);
    json_object_set_new(o, "text", json_stringn(a->text ? a->text : "", a->text_len));
    char *s = json_dumps(o, JSON_COMPACT);
    if (s)
        puts(s);
    free(s);
    json_decref(o);
}

static void line(const char *label, const char *v)
{
    printf("%-8s %s\n", label, v ? cli_safe(v) : "-");
}

static void print_text(extract_out *out, const izde_article *a, json_t *fields)
{
    if (out->articles > 1)
        printf("\n");
    line("file:", out->file);
    line("title:", a->title);
    const char *from = field(a, fields, "date_from");
    if (a->date && from)
        printf("%-8s %s (%s)\n", "date:", cli_safe(a->date), cli_safe(from));
    else
        line("date:", a->date);
    line("source:", a->source);
    line("url:", a->url);
    line("lang:", a->lang);
    const char *author = field(a, fields, "author");
    if (author)
        line("author:", author);
    printf("\n");
    /* line by line: cli_safe shows control characters, line breaks included */
    for (size_t i = 0; a->text && i < a->text_len;) {
        const char *nl = memchr(a->text + i, '\n', a->text_len - i);
        size_t n = nl ? (size_t)(nl - a->text) - i : a->text_len - i;
        char *ln = strndup(a->text + i, n);
        printf("%s\n", ln ? cli_safe(ln) : "");
        free(ln);
        i += n + 1;
    }
}

static int on_article(void *payload, const izde_article *a)
{
    extract_out *out = payload;
    out->articles++;
    json_t *fields = a->fields ? json_loads(a->fields, 0, NULL) : NULL;
    if (out->json)
        print_json(out, a, fields);
    else
        print_text(out, a, fields);
    json_decref(fields);
    return IZDE_OK;
}

static void on_problem(void *payload, const char *path, unsigned long line, int status,
                       const char *msg)
{
    extract_out *out = payload;
    (void)status;
    out->problems++;
    if (line)
        cli_error("%s:%lu: %s", cli_display_path(path), line, msg);
    else
        cli_error("%s: %s", cli_display_path(path), msg);
}

int cmd_extract(int argc, char **argv)
{
    extract_out out = {0};
    char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t nfiles = 0;
    cli_parser p;
    cli_parser_init(&p, &cli_cmd_extract, argc, argv, NULL);
    for (int id; files && (id = cli_next(&p)) != CLI_ARG_END;) {
        if (id == CLI_ARG_BAD) {
            free(files);
            return CLI_ERROR;
        }
        if (id == CLI_ARG_OPERAND)
            files[nfiles++] = (char *)p.value;
        else
            out.json = 1; /* CLI_OPT_JSON */
    }
    if (!files || !nfiles) {
        cli_error(files ? "extract: no file given; give the pages or files to read"
                        : "out of memory");
        free(files);
        return CLI_ERROR;
    }
    int rc = IZDE_OK;
    for (size_t i = 0; i < nfiles && rc == IZDE_OK; i++) {
        struct stat st;
        if (stat(files[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            cli_error("%s: a folder; extract reads files: give the files in it (%s/*.html)",
                      cli_display_path(files[i]), cli_display_path(files[i]));
            out.problems++;
            continue;
        }
        out.file = files[i];
        rc = izde_extract_file(files[i], on_article, &out, on_problem, &out);
    }
    free(files);
    if (rc != IZDE_OK) {
        cli_error("extract: %s", izde_status_name(rc));
        return CLI_ERROR;
    }
    return out.problems ? CLI_NONE : CLI_OK;
}
