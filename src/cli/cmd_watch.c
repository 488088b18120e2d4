/*
 * cmd_watch.c - `izde watch add|list|remove|run`: saved searches kept in
 * the index (README, "izde watch").  `run` lists, for each saved search,
 * the articles it matches that index runs after the one it last saw
 * indexed, newest-indexed first, as text, JSON or CSV, then marks it run;
 * `izde index --watch` does the same after indexing (cli_watch_run).
 * Writing commands hold the index's lock as `izde index` does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "csv_out.h"
#include "options.h"

enum { O_DB = 1, O_REPLACE, O_ALL, O_JSON, O_CSV, O_N };

static const cli_option watch_options[] = {
    {O_DB, "--db", NULL, "DIR", NULL, "the index folder (default $IZDE_DB, else index/db)"},
    {O_REPLACE, "--replace", NULL, NULL, NULL, "add: give an existing NAME a new QUERY"},
    {O_ALL, "--all", NULL, NULL, NULL,
     "add: its first run lists every article QUERY matches, not only\n"
     "those indexed after it was added"},
    {O_JSON, "--json", NULL, NULL, NULL, "list, run: one JSON object"},
    {O_CSV, "--csv", NULL, NULL, NULL,
     "run: CSV, a header, then a row per new article (watch, rank, id,\n"
     "title, date, source, url, lang, indexed, snippet)"},
    {O_N, "-n", NULL, "N", NULL, "run: list at most N new articles per search (default 100)"},
    {0},
};

const cli_command cli_cmd_watch = {
    "watch", cmd_watch, "add NAME QUERY | list | remove NAME | run [NAME]", CLI_OPERANDS_WORDS,
    "saved searches: the articles indexed since each last ran",
    "Saved searches, kept in the index (they survive restarts; izde serve\n"
    "offers each as an Atom feed, /feeds/NAME.atom):\n"
    "  add NAME QUERY   save QUERY as NAME (a-z, 0-9, - and _, 64 at most);\n"
    "                   its first run lists the articles indexed after now\n"
    "  list             each search, when it last ran, how many were new\n"
    "  remove NAME      forget it\n"
    "  run [NAME]       the articles each search (or NAME) matches that index\n"
    "                   runs after its last one indexed, newest first; then\n"
    "                   it is marked run.  `izde index --watch` runs all.\n"
    "Exit 0; 1 when run finds no new articles or list no saved search; 2 on\n"
    "an error; 3 when another process is writing the index.",
    watch_options, CLI_DASH_WORDS,
};

/* Hits listed per search unless -n says otherwise. */
#define WATCH_DEFAULT_ROWS 100

typedef struct watch_out {
    int json, csv;
    long limit;
    unsigned long run;   /* the index's last run: what the searches have seen after */
    json_t *all;         /* --json: the searches' objects */
    int header_done;     /* --csv */
    unsigned with_new;   /* searches with new articles */
} watch_out;

static const char *const csv_cols[] = {"watch", "rank", "id", "title", "date", "source",
                                       "url", "lang", "indexed", "snippet"};

static void csv_rows(watch_out *o, const char *name, const izde_results *r)
{
    if (!o->header_done++)
        csv_header(stdout, csv_cols, sizeof csv_cols / sizeof *csv_cols);
    csv_row row = {stdout, 0};
    for (unsigned i = 0; i < izde_results_count(r); i++) {
        const izde_hit *h = izde_results_hit(r, i);
        csv_text(&row, name);
        csv_number(&row, h->rank);
        const char *f[] = {h->id, h->title, h->date, h->source, h->url, h->lang, h->indexed};
        for (size_t k = 0; k < sizeof f / sizeof *f; k++)
            csv_text(&row, f[k]);
        if (h->nsnippets)
            csv_text_n(&row, h->snippets[0].text, h->snippets[0].len);
        else
            csv_text(&row, NULL);
        csv_end(&row);
    }
}

static void text_rows(const izde_watch *w, const izde_results *r, unsigned found)
{
    if (!found) {
        printf("== %s: no new articles (%s)\n", w->name, cli_safe(w->query));
        return;
    }
    printf("== %s: %u new article%s (%s)\n", w->name, found, found == 1 ? "" : "s",
           cli_safe(w->query));
    for (unsigned i = 0; i < izde_results_count(r); i++) {
        const izde_hit *h = izde_results_hit(r, i);
        printf("%u. %s\n   ", h->rank, h->title ? cli_safe(h->title) : "(untitled)");
        const char *where = h->url ? h->url : h->path ? cli_display_path(h->path) : NULL;
        const char *f[] = {h->lang, h->source, h->date, where};
        for (size_t k = 0, n = 0; k < sizeof f / sizeof *f; k++)
            if (f[k])
                printf("%s%s", n++ ? " · " : "", cli_safe(f[k]));
        if (!where || strcmp(where, h->id) != 0) /* the id, for izde show */
            printf(" · id %s", cli_safe(h->id));
        putchar('\n');
    }
    if (izde_results_count(r) < found)
        printf("   ... and %u more (-n)\n", found - izde_results_count(r));
}

static void json_rows(watch_out *o, izde_db *db, const izde_watch *w, const izde_results *r,
                      unsigned found)
{
    char *s = NULL;
    json_t *res = izde_results_json(r, db, w->query, -1, &s) == IZDE_OK ? json_loads(s, 0, NULL)
                                                                        : NULL;
    izde_free(s);
    json_t *hits = json_object_get(res, "hits");
    for (unsigned i = 0; i < json_array_size(hits); i++) {
        const izde_hit *h = izde_results_hit(r, i);
        json_object_set_new(json_array_get(hits, i), "indexed",
                            h && h->indexed ? json_string(h->indexed) : json_null());
    }
    json_t *jw = json_pack("{s:s, s:s, s:I, s:I, s:I, s:O}", "name", w->name, "query", w->query,
                           "seen_run", (json_int_t)w->seen, "run", (json_int_t)o->run, "new",
                           (json_int_t)found, "hits", hits ? hits : json_array());
    json_array_append_new(o->all, jw);
    json_decref(res);
}

/* One saved search: its new articles on `rdb` (a read handle), shown,
 * and the search marked run on `wdb`.  0, or an exit status. */
static int run_one(watch_out *o, izde_db *rdb, izde_db *wdb, const izde_watch *w)
{
    izde_search_options opt = {.limit = (unsigned)o->limit, .sort = IZDE_SORT_INDEXED,
                               .all_copies = 1, .from_run = w->all ? 0 : w->seen + 1};
    izde_results *r = NULL;
    int rc = izde_search_ex(&r, rdb, w->query, &opt);
    if (rc != IZDE_OK) {
        cli_error("saved search '%s': %s", w->name, izde_db_errmsg(rdb));
        return CLI_ERROR;
    }
    unsigned found = izde_results_articles_estimated(r);
    if (o->json)
        json_rows(o, rdb, w, r, found);
    else if (o->csv)
        csv_rows(o, w->name, r);
    else
        text_rows(w, r, found);
    izde_results_free(r);
    o->with_new += found > 0;
    if (izde_watch_mark(wdb, w->name, o->run, found) != IZDE_OK) {
        cli_error("%s", izde_db_errmsg(wdb));
        return CLI_ERROR;
    }
    return 0;
}

int cli_watch_run(izde_db *wdb, const char *dbpath, const char *name, int json, int csv,
                  long limit)
{
    watch_out o = {.json = json, .csv = csv, .limit = limit < 0 ? WATCH_DEFAULT_ROWS : limit};
    izde_watches *ws = NULL;
    izde_db *rdb = NULL;
    char *err = NULL;
    int code = CLI_ERROR;
    if (izde_watches_get(&ws, wdb) != IZDE_OK || izde_last_run(wdb, &o.run) != IZDE_OK) {
        cli_error("%s", izde_db_errmsg(wdb));
        goto out;
    }
    const izde_watch *one = name ? izde_watches_find(ws, name) : NULL;
    if (name && !one) {
        char *names = izde_watches_names(ws);
        cli_error("watch run: no saved search named '%s'; saved: %s", name, names ? names : "?");
        izde_free(names);
        goto out;
    }
    if (izde_db_open(&rdb, dbpath, IZDE_DB_READ, &err) != IZDE_OK) {
        cli_error("%s", err ? err : "cannot open the index");
        goto out;
    }
    o.all = json_array();
    code = 0;
    for (size_t i = 0; i < izde_watches_count(ws) && !code; i++)
        if (!one || izde_watches_at(ws, i) == one)
            code = run_one(&o, rdb, wdb, izde_watches_at(ws, i));
    if (json && !code) {
        json_t *top = json_pack("{s:O}", "watches", o.all);
        char *s = json_dumps(top, JSON_COMPACT);
        puts(s ? s : "{}");
        free(s);
        json_decref(top);
    }
    if (csv && !code && !o.header_done)
        csv_header(stdout, csv_cols, sizeof csv_cols / sizeof *csv_cols);
    if (!code)
        code = o.with_new ? CLI_OK : CLI_NONE;
out:
    json_decref(o.all);
    izde_free(err);
    izde_db_close(rdb);
    izde_watches_free(ws);
    return code;
}

static int watch_add(const char *dbpath, char **ops, int nops, int replace, int all)
{
    if (nops < 3) {
        cli_error("watch add: give a NAME and a QUERY: izde watch add flood-osh 'паводок Ош'");
        return CLI_ERROR;
    }
    const char *why = izde_watch_name_problem(ops[1]);
    if (why) {
        cli_error("watch add: '%s' cannot name a saved search: %s; use 1 to 64 of a-z, 0-9, - "
                  "and _, starting with a letter or digit (e.g. 'flood-osh')", ops[1], why);
        return CLI_ERROR;
    }
    char *query = NULL;
    for (int i = 2; i < nops; i++)
        if (cli_append_word(&query, ops[i]) != 0) {
            free(query);
            return CLI_ERROR;
        }
    int code = CLI_OK;
    izde_db *db = cli_open_write(dbpath, &code);
    if (db && izde_watch_add(db, ops[1], query, replace, all) != IZDE_OK) {
        cli_error("watch add: %s", izde_db_errmsg(db));
        code = CLI_ERROR;
    } else if (db) {
        printf("saved search '%s': %s\n", ops[1], cli_safe(query));
        printf("its first run lists %s\n", all ? "every article it matches now"
                                               : "the articles indexed from now on");
    }
    if (izde_db_close(db) != IZDE_OK && code == CLI_OK)
        code = CLI_ERROR;
    free(query);
    return code;
}

static int watch_remove(const char *dbpath, char **ops, int nops)
{
    if (nops != 2) {
        cli_error("watch remove: give the NAME of one saved search (izde watch list shows them)");
        return CLI_ERROR;
    }
    int code = CLI_OK;
    izde_db *db = cli_open_write(dbpath, &code);
    if (db && izde_watch_remove(db, ops[1]) != IZDE_OK) {
        cli_error("watch remove: %s", izde_db_errmsg(db));
        code = CLI_ERROR;
    } else if (db) {
        printf("removed saved search '%s'\n", ops[1]);
    }
    izde_db_close(db);
    return code;
}

static void list_text(const izde_watches *ws)
{
    printf("%-20s %-20s %5s  %s\n", "name", "last run", "new", "query");
    for (size_t i = 0; i < izde_watches_count(ws); i++) {
        const izde_watch *w = izde_watches_at(ws, i);
        char n[24] = "-";
        if (w->last_new >= 0)
            snprintf(n, sizeof n, "%ld", w->last_new);
        printf("%-20s %-20s %5s  %s\n", w->name, w->ran ? cli_safe(w->ran) : "never", n,
               cli_safe(w->query));
    }
}

static int watch_list(const char *dbpath, int nops, int json)
{
    if (nops != 1) {
        cli_error("watch list takes no operands");
        return CLI_ERROR;
    }
    izde_db *db = NULL;
    char *err = NULL;
    izde_watches *ws = NULL;
    int code = CLI_ERROR;
    if (izde_db_open(&db, dbpath, IZDE_DB_READ, &err) != IZDE_OK) {
        cli_error("%s", err ? err : "cannot open the index");
    } else if (izde_watches_get(&ws, db) != IZDE_OK) {
        cli_error("%s", izde_db_errmsg(db));
    } else if (json) {
        char *s = izde_watches_json(ws);
        printf("{\"watches\":%s}\n", s ? s : "[]");
        izde_free(s);
        code = CLI_OK;
    } else if (!izde_watches_count(ws)) {
        cli_error("no saved searches in %s; add one: izde watch add NAME QUERY", dbpath);
        code = CLI_NONE;
    } else {
        list_text(ws);
        code = CLI_OK;
    }
    izde_watches_free(ws);
    izde_free(err);
    izde_db_close(db);
    return code;
}

static int watch_run(const char *dbpath, char **ops, int nops, int json, int csv, long limit)
{
    if (nops > 2) {
        cli_error("watch run: give one NAME, or none to run every saved search");
        return CLI_ERROR;
    }
    int code = CLI_OK;
    izde_db *db = cli_open_write(dbpath, &code);
    if (!db)
        return code;
    izde_watches *ws = NULL;
    if (izde_watches_get(&ws, db) == IZDE_OK && !izde_watches_count(ws)) {
        cli_error("no saved searches in %s; add one: izde watch add NAME QUERY", dbpath);
        code = CLI_NONE;
    } else {
        code = cli_watch_run(db, dbpath, nops == 2 ? ops[1] : NULL, json, csv, limit);
    }
    izde_watches_free(ws);
    if (izde_db_close(db) != IZDE_OK && code != CLI_ERROR)
        code = CLI_ERROR;
    return code;
}

int cmd_watch(int argc, char **argv)
{
    const char *dbopt = NULL;
    int replace = 0, all = 0, json = 0, csv = 0, nops = 0;
    long limit = -1;
    char **ops = argv + 1;
    cli_parser p;
    cli_parser_init(&p, &cli_cmd_watch, argc, argv, NULL);
    for (int id; (id = cli_next(&p)) != CLI_ARG_END;) {
        switch (id) {
        case CLI_ARG_BAD: return CLI_ERROR;
        case CLI_ARG_OPERAND: ops[nops++] = (char *)p.value; break; /* nops < p.i */
        case O_DB: dbopt = p.value; break;
        case O_REPLACE: replace = 1; break;
        case O_ALL: all = 1; break;
        case O_JSON: json = 1; break;
        case O_CSV: csv = 1; break;
        case O_N:
            if ((limit = cli_value_count(&p, 0, 10000)) < 0)
                return CLI_ERROR;
            break;
        }
    }
    const char *sub = nops ? ops[0] : "";
    int adding = strcmp(sub, "add") == 0, running = strcmp(sub, "run") == 0;
    if (json && csv) {
        cli_error("watch: --json and --csv are two formats of one answer: give one of them");
        return CLI_ERROR;
    }
    if ((replace || all) && !adding) {
        cli_error("watch: %s is for watch add", replace ? "--replace" : "--all");
        return CLI_ERROR;
    }
    if ((csv || limit >= 0) && !running) {
        cli_error("watch: %s is for watch run", csv ? "--csv" : "-n");
        return CLI_ERROR;
    }
    const char *dbpath = cli_db_path(dbopt);
    if (adding)
        return json ? (cli_error("watch: --json is for watch list and run"), CLI_ERROR)
                    : watch_add(dbpath, ops, nops, replace, all);
    if (strcmp(sub, "remove") == 0)
        return json ? (cli_error("watch: --json is for watch list and run"), CLI_ERROR)
                    : watch_remove(dbpath, ops, nops);
    if (strcmp(sub, "list") == 0)
        return watch_list(dbpath, nops, json);
    if (running)
        return watch_run(dbpath, ops, nops, json, csv, limit);
    if (nops)
        cli_error("watch: unknown subcommand '%s': add, list, remove or run", sub);
    else
        cli_error("watch: give a subcommand: add, list, remove or run");
    cli_print_help(&cli_cmd_watch, stderr);
    return CLI_ERROR;
}
