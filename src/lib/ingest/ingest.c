/*
 * ingest.c - read what the user asks to index (izde_index_paths): walk
 * folders (recursively, in name order, each once), list the files and
 * their signatures, hand them to one process (readers.c) or several
 * (parallel.c), and prune the documents of files that are gone.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/stat.h>

#include <jansson.h>

#include "izde-private.h"
#include "hash.h"
#include "charset.h"
#include "ingest.h"

#define report izde__ingest_report

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- incremental indexing: the files to read, their signatures ---------- */

typedef struct file_list {
    file_entry *v;
    size_t n, cap;
    unsigned long long bytes;
} file_list;

static int list_add(file_list *l, const char *path, const struct stat *st)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        file_entry *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return IZDE_ENOMEM;
        l->v = v;
        l->cap = cap;
    }
    char *p = strdup(path);
    if (!p)
        return IZDE_ENOMEM;
    l->v[l->n++] = (file_entry){p, (unsigned long long)st->st_size,
                                (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec};
    l->bytes += (unsigned long long)st->st_size;
    return IZDE_OK;
}

static void list_free(file_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i].path);
    free(l->v);
}

/* The files of a folder, recursively, in name order. */
struct visited {
    dev_t dev;
    ino_t ino;
};

/* Has this folder been walked already (a symlink loop or a second link)?
 * Remembers it if not. */
static int walked_before(ingest *in, const struct stat *st)
{
    for (size_t i = 0; i < in->nseen_dirs; i++)
        if (in->seen_dirs[i].dev == st->st_dev && in->seen_dirs[i].ino == st->st_ino)
            return 1;
    if (in->nseen_dirs == in->capseen_dirs) {
        size_t cap = in->capseen_dirs ? in->capseen_dirs * 2 : 32;
        struct visited *v = realloc(in->seen_dirs, cap * sizeof *v);
        if (!v)
            return 0;
        in->seen_dirs = v;
        in->capseen_dirs = cap;
    }
    in->seen_dirs[in->nseen_dirs++] = (struct visited){st->st_dev, st->st_ino};
    return 0;
}

static int collect_dir(ingest *in, const char *path, int depth, file_list *l)
{
    struct stat self;
    if (stat(path, &self) == 0 && walked_before(in, &self)) {
        report(in, path, 0, IZDE_EINVAL, "a folder already read (a symlink loop?); skipped");
        return IZDE_OK;
    }
    if (depth > 64) {
        report(in, path, 0, IZDE_EINVAL, "folders nested too deep; skipped");
        return IZDE_OK;
    }
    DIR *d = opendir(path);
    if (!d) {
        report(in, path, 0, IZDE_EIO, "cannot read folder: %s", strerror(errno));
        return IZDE_OK;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* ., .., hidden files and folders (.git) */
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *names);
            if (!nn)
                break;
            names = nn;
        }
        names[n] = strdup(e->d_name);
        if (names[n])
            n++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_names);
    int rc = IZDE_OK;
    for (size_t i = 0; i < n; i++) {
        char *child = rc == IZDE_OK ? izde__strdupf("%s/%s", path, names[i]) : NULL;
        struct stat st;
        if (!child) {
            /* aborted, or out of memory */
        } else if (stat(child, &st) != 0) {
            report(in, child, 0, IZDE_EIO, "cannot read: %s", strerror(errno));
        } else if (S_ISDIR(st.st_mode)) {
            rc = collect_dir(in, child, depth + 1, l);
        } else if (!S_ISREG(st.st_mode)) {
            in->stats->skipped++;
        } else if (izde__has_ext(names[i], ".txt") || izde__has_ext(names[i], ".md") ||
                   izde__has_ext(names[i], ".jsonl") || izde__has_ext(names[i], ".csv") ||
                   izde__is_web_page(names[i]) || izde__is_warc(names[i]) ||
                   izde__is_feed(child)) {
            rc = list_add(l, child, &st);
        } else {
            in->stats->skipped++;
        }
        free(child);
        free(names[i]);
    }
    free(names);
    return rc;
}

static int collect(ingest *in, const char *path, file_list *l)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        report(in, path, 0, errno == ENOENT ? IZDE_ENOTFOUND : IZDE_EIO, "%s",
               errno == ENOENT ? "no such file or folder" : strerror(errno));
        return IZDE_OK;
    }
    if (S_ISDIR(st.st_mode)) {
        /* a trailing slash would double in child paths */
        char *p = strdup(path);
        if (!p)
            return IZDE_ENOMEM;
        size_t n = strlen(p);
        while (n > 1 && p[n - 1] == '/')
            p[--n] = '\0';
        int rc = collect_dir(in, p, 0, l);
        free(p);
        return rc;
    }
    if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
        report(in, path, 0, IZDE_EFORMAT, "not a regular file; skipped");
        return IZDE_OK;
    }
    return list_add(l, path, &st);
}


/* The absolute form of a path that may no longer exist. */
static char *abs_path(const char *path)
{
    char *real = realpath(path, NULL);
    if (real)
        return real;
    char *copy = strdup(path);
    if (!copy)
        return NULL;
    size_t n = strlen(copy);
    while (n > 1 && copy[n - 1] == '/')
        copy[--n] = '\0';
    char *slash = strrchr(copy, '/');
    char *dir = NULL, *out = NULL;
    if (!slash)
        dir = realpath(".", NULL), out = dir ? izde__strdupf("%s/%s", dir, copy) : NULL;
    else if (slash == copy)
        out = strdup(copy);
    else {
        *slash = '\0';
        dir = realpath(copy, NULL);
        out = dir ? izde__strdupf("%s/%s", dir, slash + 1) : NULL;
    }
    free(dir);
    free(copy);
    return out;
}

typedef struct term_list {
    char **v;
    size_t n, cap;
    const char *base; /* "F" + absolute path given */
    size_t base_len;
    int oom;
} term_list;

static int on_file_term(void *vctx, const char *term, size_t len, unsigned freq)
{
    term_list *t = vctx;
    (void)freq;
    /* the path itself, or a path under it (not a sibling sharing a prefix) */
    if (len > t->base_len && t->base[t->base_len - 1] != '/' && term[t->base_len] != '/')
        return 0;
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        char **v = realloc(t->v, cap * sizeof *v);
        if (!v)
            return t->oom = 1;
        t->v = v;
        t->cap = cap;
    }
    if (!(t->v[t->n] = strndup(term, len)))
        return t->oom = 1;
    t->n++;
    return 0;
}

/* Remove the documents of a gone file (F term `term`), its signature
 * first; an article another file holds too is kept (claims.c). */
static int prune_file(ingest *in, const char *term, const char *meta_key, const char *path,
                      unsigned docs)
{
    izde_db *db = in->db;
    unsigned deleted = 0;
    int xrc = izx_db_set_metadata(db->x, meta_key, "", 0);
    if (xrc != IZX_OK)
        return izde__db_izx_error(db, xrc, path);
    int rc = izde__claims_drop(db, term, izde__ingest_reread_later, in, &deleted);
    if (rc != IZDE_OK)
        return rc;
    in->stats->files_removed++;
    in->stats->articles_removed += deleted;
    if (deleted == docs)
        izde__ingest_notice(in, path, "gone; its %u article%s removed", docs, docs == 1 ? "" : "s");
    else
        izde__ingest_notice(in, path, "gone; %u of its %u articles removed, %u kept: other files "
                            "hold their ids", deleted, docs, docs - deleted);
    return IZDE_OK;
}

/* Indexed files under `path` that are gone: deleted with prune, counted
 * either way. */
static int prune_path(ingest *in, const char *path, int prune)
{
    izde_db *db = in->db;
    char *abs = abs_path(path);
    if (!abs)
        return izde__db_error(db, IZDE_ENOMEM, "out of memory");
    term_list t = {0};
    char *base = izde__strdupf("%s%s", IZDE_PREFIX_FILE, abs);
    int rc = IZDE_OK;
    if (!base) {
        rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
        goto done;
    }
    t.base = base;
    t.base_len = strlen(base);
    int xrc = izx_db_allterms(db->x, base, on_file_term, &t);
    if (xrc != IZX_OK) {
        rc = izde__db_izx_error(db, xrc, abs);
        goto done;
    }
    if (t.oom) {
        rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < t.n && rc == IZDE_OK; i++) {
        const char *fpath = t.v[i] + 1;
        char *meta_key = izde__strdupf("%s%s", IZDE_META_FILE, fpath);
        char *full = NULL;
        if (!meta_key) {
            rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
            break;
        }
        if (strlen(fpath) > 220) { /* a hashed key: the metadata knows the path */
            char *v = NULL;
            if (izx_db_get_metadata(db->x, meta_key, &v, NULL) == IZX_OK && v) {
                const char *p = v;
                for (int f = 0; f < 3 && p; f++)
                    p = strchr(p, ' '), p = p ? p + 1 : NULL;
                if (p && *p == '/') /* not " dTAG" or " pN" */
                    full = strdup(p);
            }
            izx_free(v);
        }
        const char *check = full ? full : fpath;
        struct stat st;
        unsigned docs = 0;
        if ((full || strlen(fpath) <= 220) && stat(check, &st) != 0 && errno == ENOENT &&
            izx_db_termfreq(db->x, t.v[i], strlen(t.v[i]), &docs) == IZX_OK && docs > 0) {
            if (prune) {
                rc = prune_file(in, t.v[i], meta_key, check, docs);
            } else {
                in->stats->files_gone++;
                in->stats->articles_gone += docs;
                izde__ingest_notice(in, check, "gone; its %u article%s kept (--prune removes them)", docs,
                       docs == 1 ? "" : "s");
            }
        }
        free(full);
        free(meta_key);
    }
done:
    for (size_t i = 0; i < t.n; i++)
        free(t.v[i]);
    free(t.v);
    free(base);
    free(abs);
    return rc;
}

void izde__ingest_reread_later(void *vin, const char *file_key)
{
    ingest *in = vin;
    for (size_t i = 0; i < in->nreread; i++)
        if (strcmp(in->reread[i], file_key) == 0)
            return;
    if (in->nreread == in->capreread) {
        size_t cap = in->capreread ? in->capreread * 2 : 8;
        char **v = realloc(in->reread, cap * sizeof *v);
        if (!v)
            return; /* its signature is cleared: the next run reads it */
        in->reread = v;
        in->capreread = cap;
    }
    if ((in->reread[in->nreread] = strdup(file_key)) != NULL)
        in->nreread++;
}

/* Read again the files that hold an id whose text went with another
 * file's documents, each once (the list may grow meanwhile).  A key that
 * is not the path of a file (a hashed long path, a file gone) is left to
 * a later run: its signature is cleared. */
static int reread_claimants(ingest *in)
{
    int rc = IZDE_OK;
    for (size_t i = 0; i < in->nreread && rc == IZDE_OK; i++) {
        const char *path = in->reread[i];
        struct stat st;
        izde_buf key = {0};
        int is_path = stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
                      izde__file_key(&key, path) == 0 && strcmp(key.data, path) == 0;
        izde__buf_free(&key);
        if (!is_path)
            continue;
        izde__ingest_notice(in, path, "holds an id whose text was removed with another file; "
                            "read again");
        file_entry e = {(char *)path, (unsigned long long)st.st_size,
                        (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec};
        rc = izde__ingest_file(in, &e, 0);
    }
    return rc;
}

/* An index written by an older analyzer (metadata izde.analyzer) keeps
 * the old text and terms of every file this run does not read: say so,
 * unless the run reads every file (--force), which then marks the index
 * as this analyzer's.  Shard 1's process speaks for a set of shards. */
static int check_analyzer(izde_db *db, int force)
{
    char *v = NULL;
    if (izx_db_get_metadata(db->x, "izde.analyzer", &v, NULL) != IZX_OK || !v)
        return IZDE_OK;
    int old = atoi(v);
    izx_free(v);
    if (old >= IZDE_ANALYZER_VERSION)
        return IZDE_OK;
    if (force) {
        char buf[16];
        snprintf(buf, sizeof buf, "%d", IZDE_ANALYZER_VERSION);
        int rc = izx_db_set_metadata(db->x, "izde.analyzer", buf, strlen(buf));
        return rc == IZX_OK ? IZDE_OK : izde__db_izx_error(db, rc, "cannot write the analyzer version");
    }
    if (db->ix.warning && (!db->out.n || db->out.report_unrouted)) {
        char *w = izde__strdupf("this index was written by analyzer version %d and izde now reads "
                                "text as version %d (short lines inside articles are indexed, "
                                "embedded code is not): the articles of files that are not read "
                                "again keep their old text and terms; 'izde index --force' reads "
                                "every file again",
                                old, IZDE_ANALYZER_VERSION);
        if (w)
            db->ix.warning(db->ix.warning_payload, NULL, w);
        free(w);
    }
    return IZDE_OK;
}

int izde_index_paths(izde_db *db, const char *const *paths, size_t npaths,
                     const izde_index_options *opts, izde_problem_fn problem, void *payload,
                     izde_index_stats *stats)
{
    izde_index_stats dummy = {0};
    izde_index_options none = {0};
    if (!opts)
        opts = &none;
    if (!db->writable)
        return izde__db_error(db, IZDE_EINVAL, "the index was opened read-only");
    ingest in = {.db = db, .problem = problem, .payload = payload, .stats = stats ? stats : &dummy,
                 .defaults = opts};
    db->ix.quiet_ids = opts->quiet_ids;
    int rc = check_analyzer(db, opts->force);
    izde__ingest_remove_leftovers(db);
    /* vanished files first, so a path given twice is not counted twice */
    for (size_t i = 0; i < npaths && rc == IZDE_OK; i++)
        rc = prune_path(&in, paths[i], opts->prune);
    if (rc == IZDE_OK && opts->prune && in.stats->files_removed)
        rc = izde_db_commit(db);
    file_list l = {0};
    for (size_t i = 0; i < npaths && rc == IZDE_OK; i++)
        if ((rc = collect(&in, paths[i], &l)) == IZDE_ENOMEM)
            rc = izde__db_error(db, rc, "out of memory");
    unsigned long long done_bytes = 0;
    if (rc == IZDE_OK && opts->progress)
        opts->progress(opts->progress_payload, 0, (unsigned)l.n, 0, l.bytes);
    unsigned docs = 1;
    int fresh = rc == IZDE_OK && izx_db_doccount(db->x, &docs) == IZX_OK && docs == 0;
    size_t serial = l.n; /* files left for the serial loop */
    /* workers pay for themselves on a few megabytes; below that one
     * process is as fast, and reports problems in file order */
    if (rc == IZDE_OK && opts->jobs > 1 && l.bytes >= IZDE_PARALLEL_MIN_BYTES && fresh) {
        rc = izde__ingest_parallel(&in, l.v, l.n, opts->jobs, opts->force);
        if (rc == IZDE_OK && opts->progress)
            opts->progress(opts->progress_payload, (unsigned)l.n, (unsigned)l.n, l.bytes, l.bytes);
        serial = 0;
    }
    for (size_t i = 0; i < serial && rc == IZDE_OK; i++) {
        rc = izde__ingest_file(&in, &l.v[i], opts->force);
        done_bytes += l.v[i].size;
        if (opts->progress)
            opts->progress(opts->progress_payload, (unsigned)i + 1, (unsigned)l.n, done_bytes,
                           l.bytes);
    }
    if (rc == IZDE_OK)
        rc = reread_claimants(&in);
    /* a new index built by one process: its stories as a parallel build
     * assigns them (an id read twice counts where it was read last) */
    if (rc == IZDE_OK && fresh && serial > 0 && (rc = izde_db_commit(db)) == IZDE_OK &&
        (rc = izde__ingest_assign_stories(db, l.v, l.n)) == IZDE_OK)
        rc = izde_db_commit(db);
    /* and packed as a parallel build's merge packs it; an index grown by
     * runs past twice its packed size is packed again (db/compact.c) */
    if (rc == IZDE_OK && fresh && serial > 0 && l.bytes >= IZDE_PARALLEL_MIN_BYTES)
        rc = izde_db_compact(db, NULL, NULL);
    else if (rc == IZDE_OK && !fresh && (in.stats->files || in.stats->files_removed))
        rc = izde__db_compact_if_grown(db, &in.stats->compacted);
    for (size_t i = 0; i < in.nreread; i++)
        free(in.reread[i]);
    free(in.reread);
    list_free(&l);
    free(in.seen_dirs);
    return rc;
}

int izde_index_path(izde_db *db, const char *path, izde_problem_fn problem, void *payload,
                    izde_index_stats *stats)
{
    return izde_index_paths(db, &path, 1, NULL, problem, payload, stats);
}

