/*
 * cmd_index.c - `izde index [--db DIR] PATH...`: index files and folders,
 * reporting each file or record that could not be indexed on stderr.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "options.h"

enum { O_PRUNE = 1, O_FORCE, O_JOBS, O_SHARDS, O_SHARD, O_DB, O_VERBOSE, O_SOURCE, O_LANG,
       O_DATE_FROM, O_QUIET_IDS, O_WATCH };

static const cli_option index_options[] = {
    {O_DB, "--db", NULL, "DIR", NULL, "the index folder (default $IZDE_DB, else index/db)"},
    {O_PRUNE, "--prune", NULL, NULL, NULL,
     "delete the documents of indexed files under PATH that are gone"},
    {O_FORCE, "--force", NULL, NULL, NULL, "re-read every file, even unchanged ones"},
    {O_JOBS, "--jobs", "-j", "N", NULL,
     "build a new index with N worker processes (default: one per CPU,\n"
     "at most 8; a big JSON Lines or CSV file is shared by them); an index\n"
     "that holds documents is updated by one process"},
    {O_SHARDS, "--shards", NULL, "N", NULL,
     "build N shards in the --db folder (DIR/shard-1 ... DIR/shard-N and\n"
     "the list DIR/izde.shards that `izde search --db DIR` opens), one\n"
     "process per shard, -j at a time; an article goes to the shard its\n"
     "id hashes to, so re-indexing it replaces it there"},
    {O_SHARD, "--shard", NULL, "K/N", NULL,
     "build only shard K of N into --db (one machine of a larger job)"},
    {O_SOURCE, "--source", NULL, "NAME", NULL,
     "the source of the articles whose record names none (a record's\n"
     "source field wins; NAME also replaces the URL's host)"},
    {O_LANG, "--lang", NULL, "LANG", "ru|ky|other",
     "the language of the articles whose record gives none, instead of\n"
     "guessing it (a record's lang field wins)"},
    {O_DATE_FROM, "--date-from", NULL, "WHERE", "mtime|filename",
     "the date of an article that has none in its record, URL or text:\n"
     "the file's modification time (UTC), or a date in the file's name\n"
     "(2024-01-16, 2024_01_16, 20240116, 16.01.2024)"},
    {O_QUIET_IDS, "--quiet-ids", NULL, NULL, NULL,
     "no warning for an id that arrives from another file than the one it\n"
     "was indexed from (an intended update; still counted in the summary)"},
    {O_WATCH, "--watch", NULL, NULL, NULL,
     "then run the saved searches (izde watch run): print the new\n"
     "articles of each and mark it run"},
    {O_VERBOSE, "--verbose", "-v", NULL, NULL,
     "print the charset of each text file, and gone files, on stderr"},
    {0},
};

const cli_command cli_cmd_index = {
    "index", cmd_index, "PATH...", CLI_OPERANDS_FILES,
    "index files and folders: text, Markdown, JSON Lines, CSV, web pages, WARC, feeds",
    "Index the articles in PATH: .txt and .md files (one article each), .jsonl\n"
    "(one per line) and .csv files (one per row, the first row naming the\n"
    "columns); records have the fields id, title, text|content|body, url, date,\n"
    "source, lang.  Web pages (.html, .htm, .xhtml, .html.gz) give one article\n"
    "each, web archives (.warc, .warc.gz) one per HTML page, RSS and Atom feeds\n"
    "(.rss, .atom, .xml) one per item, with their metadata (see izde extract).\n"
    "Folders are read recursively; a file named here with another extension is\n"
    "read as text.  Re-indexing a file or id replaces its document.\n"
    "Incremental: files indexed before and unchanged (same size and mtime, or\n"
    "same content) are skipped; changed files are re-read, their old documents\n"
    "deleted first.  Text files may be UTF-8, UTF-16 with a BOM, windows-1251,\n"
    "KOI8-R, ISO-8859-5 or IBM866: the charset is detected and converted.\n"
    "A progress bar is drawn on stderr when it is a terminal (not with -v).",
    index_options, 0,
};

static void on_problem(void *payload, const char *path, unsigned long line, int status,
                       const char *msg)
{
    (void)payload;
    (void)status;
    if (line)
        cli_error("%s:%lu: %s", cli_display_path(path), line, msg);
    else
        cli_error("%s: %s", cli_display_path(path), msg);
}

static void on_warning(void *payload, const char *path, const char *msg)
{
    (void)payload;
    if (path)
        cli_error("%s: warning: %s", cli_display_path(path), msg);
    else
        cli_error("warning: %s", msg);
}

static void on_notice(void *payload, const char *path, const char *msg)
{
    (void)payload;
    cli_error("%s: %s", cli_display_path(path), msg);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct progress {
    double t0, last;
    int drawn;
} progress;

/* One line on stderr (a terminal): bar, files, rate and ETA by bytes. */
static void on_progress(void *payload, unsigned done, unsigned total, unsigned long long bytes,
                        unsigned long long total_bytes)
{
    progress *p = payload;
    double t = now();
    if (done < total && t - p->last < 0.1)
        return;
    p->last = t;
    double frac = total_bytes ? (double)bytes / (double)total_bytes : total ? (double)done / total : 1;
    char bar[31];
    int fill = (int)(frac * 30 + 0.5);
    for (int i = 0; i < 30; i++)
        bar[i] = i < fill ? '#' : '-';
    bar[30] = '\0';
    double el = t - p->t0;
    double rate = el > 0 ? done / el : 0;
    char eta[32] = "--";
    if (frac > 0 && el > 0.2) {
        double left = el / frac - el;
        snprintf(eta, sizeof eta, "%d:%02d", (int)(left / 60), (int)left % 60);
    }
    fprintf(stderr, "\r[%s] %u/%u files %3d%% %.1f files/s ETA %s\033[K", bar, done, total,
            (int)(frac * 100), rate, eta);
    p->drawn = 1;
    if (done == total) {
        fputs("\r\033[K", stderr);
        p->drawn = 0;
    }
    fflush(stderr);
}

/* The closing line, and the exit status: 1 when some inputs failed. */
static int summary(const izde_index_stats *st, double secs, const char *dbpath, unsigned total,
                   const char *where)
{
    char gone[96] = "", clashes[96] = "";
    const char *packed = st->compacted ? "; compacted (it had grown past twice its packed size)" : "";
    if (st->files_gone)
        snprintf(gone, sizeof gone, ", %u gone, not pruned", st->files_gone);
    if (st->id_clashes)
        snprintf(clashes, sizeof clashes, "; %u id%s replaced from another file",
                 st->id_clashes, st->id_clashes == 1 ? "" : "s");
    printf("indexed %u article%s from %u file%s (%u new, %u changed, %u unchanged, %u removed%s) "
           "in %.2f s; %s now holds %u document%s%s%s%s\n",
           st->articles, st->articles == 1 ? "" : "s", st->files, st->files == 1 ? "" : "s",
           st->files_new, st->files_changed, st->files_unchanged, st->files_removed, gone, secs,
           dbpath, total, total == 1 ? "" : "s", where, clashes, packed);
    if (st->files_old_problems && !st->failed)
        printf("%u unchanged file%s had %u record%s that could not be indexed when read "
               "(-v names them, --force reads them again)\n",
               st->files_old_problems, st->files_old_problems == 1 ? "" : "s", st->old_problems,
               st->old_problems == 1 ? "" : "s");
    if (st->failed) {
        cli_error("%u file%s or record%s could not be indexed (listed above); the rest was indexed",
                  st->failed, st->failed == 1 ? "" : "s", st->failed == 1 ? "" : "s");
        return CLI_NONE;
    }
    return CLI_OK;
}

/* --shards N: every shard under `dir`, one process each. */
static int index_shards(const char *dir, unsigned n, char **paths, int npaths,
                        izde_index_options *opts, int verbose)
{
    double t0 = now();
    izde_index_stats st = {0};
    progress prog = {t0, 0, 0};
    if (!verbose && isatty(2)) {
        opts->progress = on_progress;
        opts->progress_payload = &prog;
    }
    char *err = NULL;
    int rc = izde_index_shards(dir, n, (const char *const *)paths, (size_t)npaths, opts,
                               on_problem, verbose ? on_notice : NULL, on_warning, NULL, &st,
                               &err);
    if (prog.drawn)
        fputs("\r\033[K", stderr);
    if (rc != IZDE_OK) {
        cli_error("indexing stopped: %s", err ? err : izde_status_name(rc));
        cli_error("each shard keeps what it committed; run the same command again");
        izde_free(err);
        return rc == IZDE_ELOCKED ? CLI_LOCKED : CLI_ERROR;
    }
    izde_db *db = NULL;
    unsigned total = 0;
    rc = izde_db_open(&db, dir, IZDE_DB_READ, &err);
    if (rc == IZDE_OK)
        rc = izde_db_doccount(db, &total);
    if (rc != IZDE_OK) {
        cli_error("%s", err ? err : izde_db_errmsg(db));
        izde_free(err);
        izde_db_close(db);
        return CLI_ERROR;
    }
    izde_db_close(db);
    char where[64];
    snprintf(where, sizeof where, " in %u shards", n);
    return summary(&st, now() - t0, dir, total, where);
}

/* --source NAME: a name of 1 to 200 bytes without control characters. */
static int source_ok(const char *v)
{
    size_t n = strlen(v);
    int ok = n > 0 && n <= 200;
    for (size_t i = 0; ok && i < n; i++)
        ok = (unsigned char)v[i] >= 0x20 && v[i] != 0x7f;
    if (!ok)
        cli_error("index: --source takes a source name of 1 to 200 bytes without control "
                  "characters (24.kg, rt.com), not '%s'", v);
    return ok;
}

int cmd_index(int argc, char **argv)
{
    const char *dbopt = NULL;
    int verbose = 0, watch = 0;
    unsigned shards = 0, shard_k = 0, shard_n = 0; /* --shards N, --shard K/N */
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    izde_index_options opts = {.jobs = cpus < 1 ? 1 : cpus > 8 ? 8 : (unsigned)cpus};
    int npaths = 0;
    char **paths = argv + 1;
    cli_parser p;
    cli_parser_init(&p, &cli_cmd_index, argc, argv, NULL);
    for (int id; (id = cli_next(&p)) != CLI_ARG_END;) {
        long n;
        char tail;
        switch (id) {
        case CLI_ARG_BAD:
            return CLI_ERROR;
        case CLI_ARG_OPERAND:
            paths[npaths++] = (char *)p.value; /* compacts in place: npaths < p.i */
            break;
        case O_VERBOSE: verbose = 1; break;
        case O_PRUNE: opts.prune = 1; break;
        case O_FORCE: opts.force = 1; break;
        case O_QUIET_IDS: opts.quiet_ids = 1; break;
        case O_WATCH: watch = 1; break;
        case O_DB: dbopt = p.value; break;
        case O_LANG: opts.lang = p.value; break;
        case O_DATE_FROM:
            opts.date_from = strcmp(p.value, "mtime") == 0 ? IZDE_DATE_FROM_MTIME
                                                           : IZDE_DATE_FROM_FILENAME;
            break;
        case O_SOURCE:
            if (!source_ok(p.value))
                return CLI_ERROR;
            opts.source = p.value;
            break;
        case O_JOBS:
            if ((n = cli_value_count(&p, 1, 64)) < 0)
                return CLI_ERROR;
            opts.jobs = (unsigned)n;
            break;
        case O_SHARDS:
            if ((n = cli_value_count(&p, 1, 1024)) < 0)
                return CLI_ERROR;
            shards = (unsigned)n;
            break;
        case O_SHARD:
            if (sscanf(p.value, "%u/%u%c", &shard_k, &shard_n, &tail) != 2 || shard_n < 1 ||
                shard_n > 1024 || shard_k < 1 || shard_k > shard_n) {
                cli_error("index: --shard takes K/N, this machine's shard K of N (1 <= K <= N <= "
                          "1024), not '%s'", p.value);
                return CLI_ERROR;
            }
            break;
        }
    }
    if (npaths == 0) {
        cli_error("index: give at least one file or folder to index");
        cli_print_help(&cli_cmd_index, stderr);
        return CLI_ERROR;
    }
    if (shards && shard_n) {
        cli_error("index: --shards N builds every shard here, --shard K/N one of them: give one");
        return CLI_ERROR;
    }
    const char *dbpath = cli_db_path(dbopt);
    if ((shards || shard_n) && watch) {
        cli_error("index: saved searches live in one index, not in shards: drop --watch");
        return CLI_ERROR;
    }
    if (shards)
        return index_shards(dbpath, shards, paths, npaths, &opts, verbose);
    int code = CLI_ERROR;
    izde_db *db = cli_open_write(dbpath, &code);
    if (!db)
        return code;
    if (verbose)
        izde_db_set_notice(db, on_notice, NULL);
    izde_db_set_warning(db, on_warning, NULL);
    if (shard_n && izde_db_set_shard(db, shard_k - 1, shard_n) != IZDE_OK) {
        cli_error("%s", izde_db_errmsg(db));
        izde_db_close(db);
        return CLI_ERROR;
    }
    double t0 = now();
    izde_index_stats st = {0};
    progress prog = {t0, 0, 0};
    if (!verbose && isatty(2)) {
        opts.progress = on_progress;
        opts.progress_payload = &prog;
    }
    int rc = izde_index_paths(db, (const char *const *)paths, (size_t)npaths, &opts, on_problem,
                              NULL, &st);
    if (prog.drawn)
        fputs("\r\033[K", stderr);
    if (rc != IZDE_OK) {
        cli_error("indexing stopped: %s", izde_db_errmsg(db));
        cli_error("the index keeps what was committed before; run the same command again");
        izde_db_close(db);
        return CLI_ERROR;
    }
    rc = izde_db_commit(db);
    unsigned total = 0;
    if (rc == IZDE_OK)
        rc = izde_db_doccount(db, &total);
    if (rc != IZDE_OK) {
        cli_error("%s", izde_db_errmsg(db));
        izde_db_close(db);
        return CLI_ERROR;
    }
    code = summary(&st, now() - t0, dbpath, total, "");
    fflush(stdout);
    if (watch && cli_watch_run(db, dbpath, NULL, 0, 0, -1) == CLI_ERROR)
        code = CLI_ERROR;
    if (izde_db_close(db) != IZDE_OK)
        code = CLI_ERROR;
    return code;
}
