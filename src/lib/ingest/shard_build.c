/*
 * shard_build.c - indexing into shards.  An article belongs to shard
 * izde_shard_of(id, N): a hash of its id, so re-indexing it always goes
 * to the same shard.  `izde index --shard K/N` builds one shard (each
 * machine of a larger job its own); `izde index --shards N` builds all N
 * in one folder, one process per shard (at most `jobs` at a time), and
 * writes the shard list that searches open.  Every process reads every
 * input: the articles of other shards are only counted for chrome
 * detection, so each is cleaned exactly as a single index would clean
 * it, and problems not tied to an article's id are reported once, by
 * shard 1's process.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "izde-private.h"
#include "ingest.h"

/* ---- the shard list ------------------------------------------------------ */

/* How many shards the list in `dir` names (0: none there). */
static int listed_shards(const char *dir, unsigned *n, char **errmsg)
{
    *n = 0;
    char *p = izde__strdupf("%s/%s", dir, IZDE_SHARD_LIST);
    if (!p)
        return IZDE_ENOMEM;
    FILE *f = fopen(p, "r");
    if (!f) {
        int rc = errno == ENOENT ? IZDE_OK : IZDE_EIO;
        if (rc != IZDE_OK)
            *errmsg = izde__strdupf("cannot read '%s': %s", p, strerror(errno));
        free(p);
        return rc;
    }
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        const char *s = line + strspn(line, " \t");
        if (*s && *s != '#' && *s != '\n' && *s != '\r')
            (*n)++;
    }
    fclose(f);
    free(p);
    return IZDE_OK;
}

static int write_list(const char *dir, unsigned n, char **errmsg)
{
    char *p = izde__strdupf("%s/%s", dir, IZDE_SHARD_LIST);
    char *tmp = izde__strdupf("%s/%s.tmp", dir, IZDE_SHARD_LIST);
    FILE *f = p && tmp ? fopen(tmp, "w") : NULL;
    int rc = IZDE_OK;
    if (!f) {
        *errmsg = izde__strdupf("cannot write the shard list in '%s': %s", dir, strerror(errno));
        rc = IZDE_EIO;
    } else {
        fprintf(f, "# izde shard list, written by `izde index --shards %u`: one index per line,\n"
                   "# a folder (relative to this file) or tcp://HOST:PORT of its xapian-tcpsrv\n",
                n);
        for (unsigned k = 1; k <= n; k++)
            fprintf(f, "shard-%u\n", k);
        if (fclose(f) != 0 || rename(tmp, p) != 0) {
            *errmsg = izde__strdupf("cannot write '%s': %s", p, strerror(errno));
            rc = IZDE_EIO;
        }
    }
    free(p);
    free(tmp);
    return rc;
}

/* ---- one process per shard ----------------------------------------------- */

typedef struct build {
    const char *dir;
    unsigned n;
    const char *const *paths;
    size_t npaths;
    const izde_index_options *opts;
    izde_problem_fn problem;
    izde_notice_fn notice, warning;
    void *payload;
} build;

/* In the child: build shard k, report through `fd`, and leave without
 * the parent's destructors. */
static void run_shard(const build *b, unsigned k, int fd)
{
    worker_report rep;
    memset(&rep, 0, sizeof rep);
    char *path = izde__strdupf("%s/shard-%u", b->dir, k + 1);
    izde_db *db = NULL;
    char *err = NULL;
    rep.rc = path ? izde_db_open(&db, path, IZDE_DB_WRITE, &err) : IZDE_ENOMEM;
    if (rep.rc == IZDE_OK) {
        if (k == 0)
            izde_db_set_notice(db, b->notice, b->payload);
        izde_db_set_warning(db, b->warning, b->payload);
        rep.rc = izde_db_set_shard(db, k, b->n);
        db->out.report_unrouted = k == 0;
        izde_index_options o = *b->opts;
        o.jobs = 1;
        if (k != 0)
            o.progress = NULL;
        if (rep.rc == IZDE_OK)
            rep.rc = izde_index_paths(db, b->paths, b->npaths, &o, k == 0 ? b->problem : NULL,
                                      b->payload, &rep.stats);
        if (rep.rc == IZDE_OK)
            rep.rc = izde_db_commit(db);
        if (rep.rc != IZDE_OK)
            snprintf(rep.msg, sizeof rep.msg, "shard %u: %s", k + 1, izde_db_errmsg(db));
        izde_db_close(db);
    } else {
        snprintf(rep.msg, sizeof rep.msg, "shard %u: %s", k + 1,
                 err ? err : izde_status_name(rep.rc));
    }
    free(err);
    free(path);
    fflush(NULL);
    izde__report_send(fd, &rep);
    _exit(rep.rc == IZDE_OK ? 0 : 2);
}

/* Shard 1 saw every file: its file counts are the run's; articles and
 * the problems of articles are summed over the shards. */
static void add_shard_stats(izde_index_stats *to, const izde_index_stats *s, unsigned k)
{
    if (k == 0) {
        unsigned articles = to->articles, failed = to->failed, removed = to->articles_removed,
                 gone = to->articles_gone;
        *to = *s;
        to->articles += articles;
        to->failed += failed;
        to->articles_removed += removed;
        to->articles_gone += gone;
        return;
    }
    to->articles += s->articles;
    to->failed += s->failed;
    to->articles_removed += s->articles_removed;
    to->articles_gone += s->articles_gone;
}

typedef struct running {
    pid_t pid;
    int fd;
    unsigned k;
} running;

/* Wait for the first of `nrun` children to finish; fold in its report. */
static int reap_one(running *run, unsigned *nrun, izde_index_stats *stats, char **errmsg)
{
    int status = 0;
    pid_t pid;
    while ((pid = wait(&status)) < 0 && errno == EINTR)
        ;
    unsigned i = 0;
    while (i < *nrun && run[i].pid != pid)
        i++;
    if (pid < 0 || i == *nrun) {
        *errmsg = izde__strdupf("lost track of the shard processes: %s", strerror(errno));
        return IZDE_EIO;
    }
    running r = run[i];
    run[i] = run[--*nrun];
    worker_report rep;
    int complete = izde__report_read(r.fd, &rep) == 0;
    close(r.fd);
    if (complete)
        add_shard_stats(stats, &rep.stats, r.k);
    if (!complete && WIFSIGNALED(status)) {
        *errmsg = izde__strdupf("shard %u's process (pid %ld) was killed by signal %d; run the "
                                "same command again", r.k + 1, (long)r.pid, WTERMSIG(status));
        return IZDE_EIO;
    }
    if (!complete) {
        *errmsg = izde__strdupf("shard %u's process (pid %ld) stopped without a report; run the "
                                "same command again", r.k + 1, (long)r.pid);
        return IZDE_EIO;
    }
    if (rep.rc != IZDE_OK) {
        *errmsg = izde__strdupf("%s", rep.msg);
        return rep.rc;
    }
    return IZDE_OK;
}

/* Make the folder of N shards ready: not a single index, created, its
 * shard list written or, when there is one, naming N shards.  *msg says
 * what is wrong. */
static int prepare_folder(const char *dir, unsigned n, char **msg)
{
    if (n < 1 || n > 1024) {
        *msg = izde__strdupf("--shards takes 1 to 1024 shards, not %u", n);
        return IZDE_EINVAL;
    }
    struct stat st;
    char *glass = izde__strdupf("%s/iamglass", dir);
    int single = glass && stat(glass, &st) == 0;
    free(glass);
    if (single) {
        *msg = izde__strdupf("'%s' holds a single index, not shards: give --shards a folder of "
                             "its own", dir);
        return IZDE_EINVAL;
    }
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        *msg = izde__strdupf("cannot create folder '%s': %s", dir, strerror(errno));
        return IZDE_EIO;
    }
    unsigned listed = 0;
    int rc = listed_shards(dir, &listed, msg);
    if (rc == IZDE_OK && listed && listed != n) {
        *msg = izde__strdupf("'%s' holds %u shards, not %u: index into it with --shards %u (a "
                             "new number would move articles between shards: build a new folder)",
                             dir, listed, n, listed);
        rc = IZDE_EINVAL;
    }
    if (rc == IZDE_OK && !listed)
        rc = write_list(dir, n, msg);
    return rc;
}

/* Start the process of shard k, writing its report to a pipe. */
static int start_shard(const build *b, unsigned k, running *slot, char **msg)
{
    int p[2];
    if (pipe(p) != 0) {
        *msg = izde__strdupf("cannot start shard %u's process: %s", k + 1, strerror(errno));
        return IZDE_EIO;
    }
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        run_shard(b, k, p[1]);
    }
    close(p[1]);
    if (pid < 0) {
        close(p[0]);
        *msg = izde__strdupf("cannot start shard %u's process: %s", k + 1, strerror(errno));
        return IZDE_EIO;
    }
    *slot = (running){pid, p[0], k};
    return IZDE_OK;
}

/* Run the n shards' processes, `jobs` at a time, summing their stats;
 * after a failure, let the others finish their commits. */
static int run_shards(const build *b, unsigned n, unsigned jobs, izde_index_stats *stats,
                      char **msg)
{
    running *run = calloc(jobs, sizeof *run);
    if (!run)
        return IZDE_ENOMEM;
    unsigned nrun = 0, next = 0;
    int rc = IZDE_OK;
    fflush(NULL);
    while (rc == IZDE_OK && (next < n || nrun > 0)) {
        if (next < n && nrun < jobs) {
            if ((rc = start_shard(b, next, &run[nrun], msg)) == IZDE_OK)
                nrun++, next++;
            continue;
        }
        rc = reap_one(run, &nrun, stats, msg);
    }
    while (nrun > 0) {
        char *more = NULL;
        if (reap_one(run, &nrun, stats, &more) != IZDE_OK && !*msg)
            *msg = more;
        else
            free(more);
    }
    free(run);
    return rc;
}

int izde_index_shards(const char *dir, unsigned n, const char *const *paths, size_t npaths,
                      const izde_index_options *opts, izde_problem_fn problem,
                      izde_notice_fn notice, izde_notice_fn warning, void *payload,
                      izde_index_stats *stats, char **errmsg_out)
{
    izde_index_stats dummy;
    izde_index_options none = {0};
    char *msg = NULL;
    if (!stats)
        stats = &dummy;
    memset(stats, 0, sizeof *stats);
    if (!opts)
        opts = &none;
    if (errmsg_out)
        *errmsg_out = NULL;
    int rc = prepare_folder(dir, n, &msg);
    if (rc == IZDE_OK) {
        build b = {dir, n, paths, npaths, opts, problem, notice, warning, payload};
        rc = run_shards(&b, n, opts->jobs ? opts->jobs : 1, stats, &msg);
    }
    if (errmsg_out)
        *errmsg_out = msg;
    else
        free(msg);
    return rc;
}
