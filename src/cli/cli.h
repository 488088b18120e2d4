/*
 * cli.h - shared pieces of the izde command-line tool: the command
 * signature, exit codes, and helpers for options and the index location.
 */
#ifndef IZDE_CLI_H
#define IZDE_CLI_H

#include <stdio.h>

#include "izde.h"

/* Exit codes (like grep for search: 1 = nothing found). */
#define CLI_OK 0
#define CLI_NONE 1   /* search: no match; index: some inputs failed */
#define CLI_ERROR 2  /* usage error, malformed query, index unusable */
#define CLI_LOCKED 3 /* index: another writer holds the index */

typedef int (*cli_cmd_fn)(int argc, char **argv);

int cmd_index(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_stem(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
int cmd_facts(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_timeline(int argc, char **argv);
int cmd_check_index(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_similar(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_compact(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_watch(int argc, char **argv);

/* Run the saved searches of the index at `dbpath` (every one, or `name`),
 * `wdb` its writable handle: print each one's new articles (text, or
 * `json`, or `csv`; at most `limit` each, -1: 100) and mark it run
 * (cmd_watch.c).  The exit status: 0 when some had new articles, 1 when
 * none had, 2 on an error. */
int cli_watch_run(izde_db *wdb, const char *dbpath, const char *name, int json, int csv,
                  long limit);

/* The indexes a read command searches: --db given once or more (folders,
 * tcp://HOST:PORT, shard lists), --timeout MS, --allow-partial. */
#define CLI_MAX_DBS 256
typedef struct cli_dbs {
    const char *spec[CLI_MAX_DBS];
    size_t n;
    izde_open_options open;
    int no_expand;      /* --no-expand: queries search words as typed */
} cli_dbs;

/* The index folder: --db value if given, else $IZDE_DB, else "index/db". */
const char *cli_db_path(const char *opt);

/* Open the index or indexes (--db values, IZDE_DB or index/db) for
 * reading; on failure print why and return NULL. */
izde_db *cli_open_read(const cli_dbs *dbs);

/* The one index at `path` opened in `mode` (IZDE_DB_READ, or
 * IZDE_DB_WRITE with its lock held); NULL after printing why, *code then
 * the exit status (CLI_LOCKED when another writer holds it, else
 * CLI_ERROR). */
izde_db *cli_open_path(const char *path, int mode, int *code);
/* cli_open_path(path, IZDE_DB_WRITE, code). */
izde_db *cli_open_write(const char *path, int *code);

/* After running `query` on `db`: warn of left-out shards, and when `rc`
 * is a failure say so ("bad query '...': ..." or the handle's message)
 * and return 1; 0 when it is IZDE_OK. */
int cli_query_failed(izde_db *db, const char *query, int rc);
/* `t` as an SVG bar chart in `path`, labelled in English when `en`, else
 * in Russian (timeline_svg.c).  -1 when the file cannot be written. */
int cli_timeline_svg(const char *path, const izde_timeline *t, const char *query, int en);
unsigned cli_timeline_max(const izde_timeline *t);

/* When shards were left out (--allow-partial): say which on stderr. */
void cli_warn_partial(izde_db *db);

/* A figure's value: integers without a fraction ("28000"), others as %g. */
void cli_print_number(double v);

/* A count with its thousands grouped ("2,184"), in a string that lives
 * until four more calls. */
const char *cli_count(size_t n);

/* Print "izde: " + message to stderr. */
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
void cli_error(const char *fmt, ...);

/* Text from an index or an input, printed so that a terminal shows it and
 * acts on none of it (safe_text.c): control characters (C0, DEL, C1) and
 * bytes that are not UTF-8 written as \xHH or \uHHHH; a tab, newline or
 * carriage return as a space unless `keep_newlines` keeps newlines. */
void cli_put_safe(FILE *f, const char *s, size_t n, int keep_newlines);
/* The same into a string that lives until eight more calls (for printf
 * arguments); NULL stays NULL. */
const char *cli_safe(const char *s);

/* `path` relative to the current folder when it lies inside it. */
const char *cli_display_path(const char *path);

#endif /* IZDE_CLI_H */
