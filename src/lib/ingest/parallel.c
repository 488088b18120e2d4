/*
 * parallel.c - build a new index with several worker processes.  What
 * the workers read is dealt out by size, biggest first, each to the
 * worker with the fewest bytes so far: whole files, and the byte ranges
 * of a JSON Lines or CSV file too big for one worker's share (split.c).
 * Every worker indexes its share into a shard of its own (DB.part-K) and
 * the shards are merged into DB by Xapian's compactor, which also packs
 * the index tighter than a run of incremental commits; the workers'
 * problems are then reported in reading order (held.c).  Workers are
 * processes, not threads: nothing of the analyzer, the stemmers or the
 * chrome detector (izde_seen) has to be shared or locked.
 */
#include <dirent.h>
#include <limits.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "izde-private.h"
#include "ingest.h"
#include "docstore.h"


static void add_stats(izde_index_stats *to, const izde_index_stats *s)
{
    to->files += s->files;
    to->articles += s->articles;
    to->failed += s->failed;
    to->skipped += s->skipped;
    to->files_new += s->files_new;
    to->files_changed += s->files_changed;
    to->files_unchanged += s->files_unchanged;
    to->files_old_problems += s->files_old_problems;
    to->old_problems += s->old_problems;
    to->files_removed += s->files_removed;
    to->articles_removed += s->articles_removed;
    to->files_gone += s->files_gone;
    to->articles_gone += s->articles_gone;
    to->id_clashes += s->id_clashes;
}

/* What one worker reads: a whole file, or one range of a big one. */
typedef struct task {
    size_t file;            /* index in the walk's files */
    unsigned long long size;
    int split;              /* a range of a file cut in several (r) */
    file_range r;
} task;

/* owner[i]: the worker of tasks[i]; bytes balanced greedily. */
static unsigned *deal(const task *tasks, size_t n, unsigned jobs)
{
    unsigned *owner = malloc(n * sizeof *owner);
    unsigned long long *load = calloc(jobs, sizeof *load);
    char *taken = calloc(n, 1);
    if (!owner || !load || !taken) {
        free(owner);
        owner = NULL;
        goto done;
    }
    for (size_t round = 0; round < n; round++) {
        size_t big = n; /* the biggest task not dealt yet (first of equals) */
        for (size_t i = 0; i < n; i++)
            if (!taken[i] && (big == n || tasks[i].size > tasks[big].size))
                big = i;
        unsigned w = 0;
        for (unsigned k = 1; k < jobs; k++)
            if (load[k] < load[w])
                w = k;
        taken[big] = 1;
        owner[big] = w;
        load[w] += tasks[big].size + 1;
    }
done:
    free(load);
    free(taken);
    return owner;
}

/* A JSON Lines or CSV file bigger than a worker's share of the input
 * (and than the least input worth several workers) is cut into as many
 * ranges as its share of the input calls for, at most one per worker. */
static unsigned ranges_wanted(const file_entry *e, unsigned long long total, unsigned jobs)
{
    if (e->size < IZDE_PARALLEL_MIN_BYTES || e->size * jobs <= total ||
        (!izde__has_ext(e->path, ".jsonl") && !izde__has_ext(e->path, ".csv")))
        return 1;
    unsigned long long want = (e->size * jobs + total - 1) / total;
    return want > jobs ? jobs : (unsigned)want;
}

/* -v: where a file was cut, "read in 2 ranges, from lines 1 and 4315". */
static void say_ranges(ingest *in, const file_entry *e, const file_range *r, unsigned n)
{
    izde_buf b = {0};
    char num[32];
    for (unsigned k = 0; k < n; k++) {
        snprintf(num, sizeof num, "%s%lu", k == 0 ? "" : k + 1 == n ? " and " : ", ",
                 r[k].first_line);
        izde__buf_puts(&b, num);
    }
    if (b.data)
        izde__ingest_notice(in, e->path, "read in %u ranges by the workers, from lines %s", n,
                            b.data);
    izde__buf_free(&b);
}

/* The tasks of the run, in reading order: each file whole, or its ranges
 * one after the other (split.c).  NULL when out of memory. */
static task *make_tasks(ingest *in, const file_entry *files, size_t n, unsigned jobs,
                        size_t *ntasks)
{
    unsigned long long total = 0;
    for (size_t i = 0; i < n; i++)
        total += files[i].size;
    task *t = NULL;
    file_range *r = malloc(jobs * sizeof *r);
    size_t nt = 0;
    for (size_t i = 0; r && i < n; i++) {
        unsigned want = ranges_wanted(&files[i], total, jobs);
        unsigned got = want > 1 ? izde__split_file(&files[i], want, r) : 1;
        task *nt2 = realloc(t, (nt + got) * sizeof *t);
        if (!nt2) {
            free(t);
            t = NULL;
            break;
        }
        t = nt2;
        if (got > 1)
            say_ranges(in, &files[i], r, got);
        for (unsigned k = 0; k < got; k++)
            t[nt++] = (task){i, got > 1 ? r[k].end - r[k].start : files[i].size, got > 1, r[k]};
    }
    free(r);
    *ntasks = nt;
    return t;
}

static void write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        p += w;
        len -= (size_t)w;
    }
}

static int read_all(int fd, void *buf, size_t len)
{
    char *p = buf;
    while (len > 0) {
        ssize_t r = read(fd, p, len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        p += r;
        len -= (size_t)r;
    }
    return 0;
}

/* Index the tasks dealt to worker k; problems[i]: the records of range
 * task i that could not be indexed (its file's signature needs them). */
static int worker_tasks(ingest *in, const file_entry *files, const task *tasks, size_t nt,
                        const unsigned *owner, unsigned k, int force, unsigned *problems)
{
    int rc = IZDE_OK;
    held_problems *held = in->payload;
    for (size_t i = 0; i < nt && rc == IZDE_OK; i++) {
        if (owner[i] != k)
            continue;
        held->task = i;
        if (!tasks[i].split) {
            rc = izde__ingest_file(in, &files[tasks[i].file], force);
            continue;
        }
        file_range r = tasks[i].r;
        for (size_t j = 0; j < i && !r.counted; j++) /* its lines are counted once */
            r.counted = owner[j] == k && tasks[j].file == tasks[i].file;
        rc = izde__ingest_range(in, &files[tasks[i].file], &r, &problems[i]);
    }
    return rc;
}

/* In the child: index the tasks dealt to worker k into `path`, report
 * through `fd` (the report, the number of problems of each task, then
 * the problems themselves: held.c), and leave
 * without running the parent's destructors (the parent's Xapian handle
 * must not be flushed twice). */
static void run_worker(const ingest *parent, const file_entry *files, const task *tasks,
                       size_t nt, const unsigned *owner, unsigned k, const char *path, int force,
                       int fd)
{
    worker_report rep;
    memset(&rep, 0, sizeof rep);
    held_problems held = {{0}, 0};
    unsigned *problems = calloc(nt, sizeof *problems);
    izde_db *db = NULL;
    char *err = NULL;
    rep.rc = problems ? izde_db_open(&db, path, IZDE_DB_WRITE, &err) : IZDE_ENOMEM;
    if (rep.rc == IZDE_OK) {
        izde_db_set_notice(db, parent->db->ix.notice, parent->db->ix.notice_payload);
        izde_db_set_warning(db, parent->db->ix.warning, parent->db->ix.warning_payload);
        db->ix.quiet_ids = parent->db->ix.quiet_ids;
        db->ix.run = parent->db->ix.run; /* one run: the parent numbered it */
        memcpy(db->ix.run_time, parent->db->ix.run_time, sizeof db->ix.run_time);
        db->out.k = parent->db->out.k; /* building one shard of N */
        db->out.n = parent->db->out.n;
        db->out.report_unrouted = parent->db->out.report_unrouted;
        ingest in = {.db = db, .problem = izde__held_problem, .payload = &held,
                     .stats = &rep.stats, .defaults = parent->defaults};
        rep.rc = worker_tasks(&in, files, tasks, nt, owner, k, force, problems);
        if (rep.rc == IZDE_OK)
            rep.rc = izde_db_commit(db);
        if (rep.rc != IZDE_OK)
            snprintf(rep.msg, sizeof rep.msg, "%s", izde_db_errmsg(db));
        free(in.seen_dirs);
        izde_db_close(db);
    } else {
        snprintf(rep.msg, sizeof rep.msg, "%s", err ? err : izde_status_name(rep.rc));
    }
    free(err);
    fflush(NULL);
    izde__report_send(fd, &rep);
    if (problems)
        write_all(fd, problems, nt * sizeof *problems);
    uint64_t len = held.buf.len;
    write_all(fd, &len, sizeof len);
    write_all(fd, held.buf.data, held.buf.len);
    _exit(rep.rc == IZDE_OK ? 0 : 2);
}

/* ---- one document per id --------------------------------------------------- */

/* Each worker replaces a document by its id as one process would, but the
 * same id read from two files by two workers ends up twice in the merged
 * index.  One process keeps the one from the file read last (walk order):
 * so does this, going by the file each copy's metadata names. */

typedef struct dup_list {
    char **terms;
    size_t n, cap;
    int oom;
} dup_list;

static int on_id_term(void *vctx, const char *term, size_t len, unsigned freq)
{
    dup_list *d = vctx;
    if (freq < 2)
        return 0;
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        char **nt = realloc(d->terms, cap * sizeof *nt);
        if (!nt) {
            d->oom = 1;
            return 1;
        }
        d->terms = nt;
        d->cap = cap;
    }
    if (!(d->terms[d->n] = malloc(len + 1))) {
        d->oom = 1;
        return 1;
    }
    memcpy(d->terms[d->n], term, len);
    d->terms[d->n++][len] = '\0';
    return 0;
}

/* Walk order of the file a document was read from (its metadata "path"),
 * or -1 when it is none of `reals`. */
static long file_rank(izx_mset *m, unsigned i, char *const *reals, size_t n)
{
    izde_stored sd;
    long rank = -1;
    if (izde__doc_read(m, i, IZDE_DOC_META, &sd) == IZX_OK) {
        const char *path = json_string_value(json_object_get(sd.doc, "path"));
        for (size_t k = 0; path && k < n; k++)
            if (reals[k] && strcmp(reals[k], path) == 0)
                rank = (long)k;
    }
    izde__stored_clear(&sd);
    return rank;
}

/* Document `from`, of another worker, replaced by `kept` (read later):
 * the clash said as a sequential run would say it (claims.c). */
static void warn_replaced(izde_db *db, unsigned kept, unsigned from)
{
    char *path = izde__doc_stored_path(db->x, kept), *old = izde__doc_stored_path(db->x, from);
    char *id = izde__doc_stored_id(db->x, kept);
    if (id && path && old && strcmp(path, old) != 0)
        izde__claims_clash(db, id, path, izde__doc_stored_line(db->x, kept), old,
                           izde__doc_stored_line(db->x, from));
    free(id);
    free(path);
    free(old);
}

static int drop_duplicate_ids(izde_db *db, const file_entry *files, size_t n)
{
    dup_list d = {0};
    int x = izx_db_allterms(db->x, IZDE_PREFIX_ID, on_id_term, &d);
    int rc = x != IZX_OK ? izde__db_izx_error(db, x, "cannot list the ids")
             : d.oom     ? izde__db_error(db, IZDE_ENOMEM, "out of memory")
                         : IZDE_OK;
    char **reals = d.n && rc == IZDE_OK ? calloc(n, sizeof *reals) : NULL;
    if (d.n && rc == IZDE_OK && !reals)
        rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
    for (size_t k = 0; reals && k < n; k++)
        reals[k] = realpath(files[k].path, NULL);
    for (size_t t = 0; t < d.n && rc == IZDE_OK; t++) {
        izx_query *q = NULL;
        izx_mset *m = NULL;
        char *msg = NULL;
        x = izx_query_term(&q, d.terms[t], strlen(d.terms[t]), 1, &msg);
        izx_free(msg);
        if (x == IZX_OK)
            x = izx_enquire(&m, db->x, q, 0, 1000, -1, 0);
        unsigned hits = izx_mset_size(m), keep = 0;
        long best = -2;
        unsigned long best_line = 0;
        for (unsigned i = 0; x == IZX_OK && i < hits; i++) {
            long r = file_rank(m, i, reals, n);
            unsigned d = izx_mset_docid(m, i);
            /* in one file (read in ranges), the record on the later line */
            unsigned long line = r == best ? izde__doc_stored_line(db->x, d) : 0;
            if (r > best || (r == best && (line > best_line || (line == best_line && d > keep)))) {
                best = r;
                keep = d;
                best_line = izde__doc_stored_line(db->x, d);
            }
        }
        /* the copy kept carries the files of the others (claims.c) */
        for (unsigned i = 0; x == IZX_OK && rc == IZDE_OK && i < hits; i++)
            if (izx_mset_docid(m, i) != keep && (rc = izde__claims_merge(db, izx_mset_docid(m, i),
                                                                        keep)) == IZDE_OK) {
                warn_replaced(db, keep, izx_mset_docid(m, i));
                x = izx_db_delete_document(db->x, izx_mset_docid(m, i));
            }
        if (x != IZX_OK && rc == IZDE_OK)
            rc = izde__db_izx_error(db, x, "cannot remove a duplicate id");
        izx_mset_free(m);
        izx_query_free(q);
    }
    if (rc == IZDE_OK && d.n)
        rc = izde_db_commit(db);
    for (size_t k = 0; reals && k < n; k++)
        free(reals[k]);
    free(reals);
    for (size_t t = 0; t < d.n; t++)
        free(d.terms[t]);
    free(d.terms);
    return rc;
}

/* ---- stories in reading order ---------------------------------------------- */

typedef struct walk_files {
    char **reals;   /* the real path of each file, in walk order */
    size_t n;
} walk_files;

static long walk_rank(void *vctx, const char *path)
{
    const walk_files *w = vctx;
    for (size_t k = 0; k < w->n; k++)
        if (w->reals[k] && strcmp(w->reals[k], path) == 0)
            return (long)k;
    return -1;
}

int izde__ingest_assign_stories(izde_db *db, const file_entry *files, size_t n)
{
    walk_files w = {calloc(n ? n : 1, sizeof *w.reals), n};
    if (!w.reals)
        return izde__db_error(db, IZDE_ENOMEM, "out of memory");
    for (size_t k = 0; k < n; k++)
        w.reals[k] = realpath(files[k].path, NULL);
    int rc = izde__story_reassign(db, walk_rank, &w, NULL);
    for (size_t k = 0; k < n; k++)
        free(w.reals[k]);
    free(w.reals);
    return rc;
}

/* The workers of one parallel run: worker k writes parts[k] and reports
 * through fds[k]. */
typedef struct workers {
    unsigned jobs;
    task *tasks;        /* what the workers read, in reading order */
    size_t ntasks;
    unsigned *owner;    /* the worker of each task (deal) */
    unsigned *problems; /* records of each range task that could not be indexed */
    izde_buf *held;     /* the problems each worker held back (held.c) */
    char **parts;
    pid_t *pids;
    int *fds;
} workers;

/* Start the workers, each with its own part of the files. */
static int start_workers(ingest *in, const file_entry *files, workers *w, int force)
{
    fflush(NULL);
    for (unsigned k = 0; k < w->jobs; k++) {
        int p[2];
        if (pipe(p) != 0)
            return izde__db_error(in->db, IZDE_EIO, "cannot start indexing worker %u: %s", k,
                                  strerror(errno));
        w->pids[k] = fork();
        if (w->pids[k] == 0) {
            close(p[0]);
            run_worker(in, files, w->tasks, w->ntasks, w->owner, k, w->parts[k], force, p[1]);
        }
        close(p[1]);
        if (w->pids[k] < 0) {
            close(p[0]);
            return izde__db_error(in->db, IZDE_EIO, "cannot start indexing worker %u: %s", k,
                                  strerror(errno));
        }
        w->fds[k] = p[0];
    }
    return IZDE_OK;
}

/* Worker k's report, the problems of its range tasks and the problems it
 * held back (into w->held[k]). */
static int read_report(const workers *w, unsigned k, worker_report *rep)
{
    unsigned *mine = calloc(w->ntasks ? w->ntasks : 1, sizeof *mine);
    uint64_t len = 0;
    int complete = mine && izde__report_read(w->fds[k], rep) == 0 &&
                   read_all(w->fds[k], mine, w->ntasks * sizeof *mine) == 0 &&
                   read_all(w->fds[k], &len, sizeof len) == 0 &&
                   izde__buf_reserve(&w->held[k], (size_t)len) == 0 &&
                   read_all(w->fds[k], w->held[k].data, (size_t)len) == 0;
    if (complete)
        w->held[k].len = (size_t)len;
    for (size_t i = 0; complete && i < w->ntasks; i++)
        if (w->owner[i] == k)
            w->problems[i] = mine[i];
    free(mine);
    return complete;
}

/* Wait for every worker started, summing their stats; the first failure
 * (`rc` if the start failed) is returned. */
static int wait_workers(ingest *in, const workers *w, int rc)
{
    izde_db *db = in->db;
    for (unsigned k = 0; k < w->jobs; k++) {
        if (w->pids[k] <= 0)
            continue;
        worker_report rep;
        int complete = read_report(w, k, &rep);
        int status = 0;
        while (waitpid(w->pids[k], &status, 0) < 0 && errno == EINTR)
            ;
        if (complete)
            add_stats(in->stats, &rep.stats);
        if (rc != IZDE_OK)
            continue;
        if (!complete && WIFSIGNALED(status))
            rc = izde__db_error(db, IZDE_EIO, "indexing worker %u (pid %ld) was killed by signal "
                                "%d; nothing was added to '%s'", k, (long)w->pids[k],
                                WTERMSIG(status), db->path);
        else if (!complete)
            rc = izde__db_error(db, IZDE_EIO, "indexing worker %u (pid %ld) stopped without a "
                                "report; nothing was added to '%s'", k, (long)w->pids[k], db->path);
        else if (rep.rc != IZDE_OK)
            rc = izde__db_error(db, rep.rc, "%s", rep.msg);
    }
    return rc;
}

/* The signature of each file read in ranges, with the problems of all its
 * ranges (the workers wrote none: each knew only its part). */
static int write_split_sigs(ingest *in, const file_entry *files, const workers *w)
{
    int rc = IZDE_OK;
    for (size_t i = 0; i < w->ntasks && rc == IZDE_OK; i++) {
        if (!w->tasks[i].split || w->tasks[i].r.part)
            continue;
        unsigned problems = 0;
        for (size_t j = i; j < w->ntasks && w->tasks[j].file == w->tasks[i].file; j++)
            problems += w->problems[j];
        rc = izde__ingest_write_sig(in, &files[w->tasks[i].file], problems);
    }
    return rc;
}

/* Keep the run and saved searches of the index replaced (run.c), mark
 * the shard (the parts' metadata does not say), write the signatures of
 * the files read in ranges, drop ids read twice and assign the stories
 * across the workers, in the merged index at `merged` before it takes
 * db's place. */
static int finish_merged(ingest *in, const char *merged, const file_entry *files, size_t n,
                         const workers *w)
{
    izde_db *db = in->db;
    izx_db *own = db->x;
    char *xmsg = NULL;
    int xrc = izx_db_open(&db->x, merged, IZX_DB_OPEN, &xmsg);
    int rc = IZDE_OK;
    if (xrc != IZX_OK) {
        rc = izde__db_error(db, izde__status_from_izx(xrc), "cannot open the merged index "
                            "'%s': %s", merged, xmsg ? xmsg : izx_status_name(xrc));
        db->x = NULL;
    }
    izx_free(xmsg);
    if (rc == IZDE_OK)
        rc = izde__run_keep_state(db, own);
    if (rc == IZDE_OK)
        rc = izde__stamp_shard(db);
    if (rc == IZDE_OK)
        rc = write_split_sigs(in, files, w);
    if (rc == IZDE_OK)
        rc = drop_duplicate_ids(db, files, n);
    if (rc == IZDE_OK)
        rc = izde__ingest_assign_stories(db, files, n);
    if (rc == IZDE_OK)
        rc = izde_db_commit(db);
    izx_db_free(db->x);
    db->x = own;
    return rc;
}

/* The merged index grown by more than this share while it was finished
 * (the stories of copies read by different workers rewritten: on the
 * news set read four times, 27,000 of 36,816 articles and 6% of its
 * bytes) is packed again before it takes the index's place. */
#define REPACK_GROWTH 0.02

/* Pack `merged` again into `packed` when finishing it grew it; *use
 * names the folder to put in place. */
static int repack_merged(izde_db *db, const char *merged, const char *packed,
                         unsigned long long was, const char **use)
{
    *use = merged;
    if ((double)izde__folder_bytes(merged) <= (1.0 + REPACK_GROWTH) * (double)was)
        return IZDE_OK;
    char *xmsg = NULL;
    izde__remove_index_folder(packed);
    int xrc = izx_db_compact(&merged, 1, packed, &xmsg);
    int rc = IZDE_OK;
    if (xrc != IZX_OK)
        rc = izde__db_error(db, izde__status_from_izx(xrc), "cannot pack the merged index into "
                            "'%s': %s", packed, xmsg ? xmsg : izx_status_name(xrc));
    izx_free(xmsg);
    if (rc == IZDE_OK)
        *use = packed;
    return rc;
}

/* Merge the parts into `merged`, finish it there (packed again if that
 * grew it), then put it in the index's place in one step (swap.c): a run
 * stopped at any point leaves the empty index or the whole new one. */
static int merge_parts(ingest *in, const workers *w, const char *merged, const file_entry *files,
                       size_t n)
{
    izde_db *db = in->db;
    char *xmsg = NULL;
    int xrc = izx_db_compact((const char *const *)w->parts, w->jobs, merged, &xmsg);
    int rc = IZDE_OK;
    if (xrc != IZX_OK)
        rc = izde__db_error(db, izde__status_from_izx(xrc), "cannot merge the shards into "
                            "'%s': %s", merged, xmsg ? xmsg : izx_status_name(xrc));
    izx_free(xmsg);
    unsigned long long was = rc == IZDE_OK ? izde__folder_bytes(merged) : 0;
    if (rc == IZDE_OK)
        rc = finish_merged(in, merged, files, n, w);
    char *packed = izde__strdupf("%s.packed", db->path);
    const char *use = merged;
    if (rc == IZDE_OK)
        rc = packed ? repack_merged(db, merged, packed, was, &use)
                    : izde__db_error(db, IZDE_ENOMEM, "out of memory");
    if (rc == IZDE_OK)
        rc = izde__db_swap_in(db, use);
    if (packed)
        izde__remove_index_folder(packed);
    free(packed);
    if (rc == IZDE_OK) /* the compactor packed it: later runs' growth is measured from here */
        rc = izde__db_note_compacted(db);
    return rc;
}

static void workers_free(workers *w)
{
    for (unsigned k = 0; w->parts && k < w->jobs; k++) {
        if (w->fds && w->fds[k] >= 0)
            close(w->fds[k]);
        if (w->parts[k])
            izde__remove_index_folder(w->parts[k]);
        free(w->parts[k]);
    }
    free(w->parts);
    free(w->pids);
    free(w->fds);
    free(w->owner);
    free(w->tasks);
    free(w->problems);
    for (unsigned k = 0; w->held && k < w->jobs; k++)
        izde__buf_free(&w->held[k]);
    free(w->held);
}

int izde__ingest_parallel(ingest *in, const file_entry *files, size_t n, unsigned jobs, int force)
{
    izde_db *db = in->db;
    workers w = {0};
    w.tasks = make_tasks(in, files, n, jobs, &w.ntasks);
    w.jobs = jobs > w.ntasks ? (unsigned)w.ntasks : jobs;
    w.owner = w.tasks ? deal(w.tasks, w.ntasks, w.jobs) : NULL;
    w.problems = calloc(w.ntasks ? w.ntasks : 1, sizeof *w.problems);
    w.parts = calloc(w.jobs ? w.jobs : 1, sizeof *w.parts);
    w.pids = calloc(w.jobs ? w.jobs : 1, sizeof *w.pids);
    w.fds = calloc(w.jobs ? w.jobs : 1, sizeof *w.fds);
    w.held = calloc(w.jobs ? w.jobs : 1, sizeof *w.held);
    for (unsigned k = 0; w.fds && k < w.jobs; k++)
        w.fds[k] = -1;
    char *merged = izde__strdupf("%s.merged", db->path);
    int rc = IZDE_OK;
    if (!w.tasks || !w.owner || !w.problems || !w.parts || !w.pids || !w.fds || !w.held || !merged) {
        rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
        goto done;
    }
    for (unsigned k = 0; k < w.jobs; k++) {
        if (!(w.parts[k] = izde__strdupf("%s.part-%u", db->path, k))) {
            rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
            goto done;
        }
        izde__remove_index_folder(w.parts[k]); /* left over from an interrupted run */
    }
    izde__remove_index_folder(merged);
    if ((rc = izde__run_begin(db)) != IZDE_OK)
        goto done;
    rc = wait_workers(in, &w, start_workers(in, files, &w, force));
    /* the workers' problems, in reading order (the run's own follow) */
    int hrc = izde__held_replay(w.held, w.jobs, in->problem, in->payload);
    if (rc == IZDE_OK && hrc != IZDE_OK)
        rc = izde__db_error(db, hrc, "out of memory");
    unsigned clashes = db->ix.id_clashes;
    if (rc == IZDE_OK)
        rc = merge_parts(in, &w, merged, files, n);
    in->stats->id_clashes += db->ix.id_clashes - clashes;
done:
    workers_free(&w);
    if (merged)
        izde__remove_index_folder(merged);
    free(merged);
    return rc;
}

void izde__ingest_remove_leftovers(izde_db *db)
{
    static const char *const temp[] = {"%s.merged", "%s.packed"};
    for (size_t i = 0; i < sizeof temp / sizeof *temp; i++) {
        char *dir = izde__strdupf(temp[i], db->path);
        if (dir)
            izde__remove_index_folder(dir);
        free(dir);
    }
    for (unsigned k = 0; k < 256; k++) {
        char *part = izde__strdupf("%s.part-%u", db->path, k);
        struct stat st;
        int found = part && stat(part, &st) == 0;
        if (found)
            izde__remove_index_folder(part);
        free(part);
        if (!found)
            break;
    }
}

void izde__report_send(int fd, const worker_report *rep)
{
    write_all(fd, rep, sizeof *rep);
}

int izde__report_read(int fd, worker_report *rep)
{
    return read_all(fd, rep, sizeof *rep);
}
