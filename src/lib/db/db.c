/*
 * db.c - the izde_db handle: open or create an index, check its format
 * version, keep the last error message, commit and close.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "izde-private.h"

int izde__db_error(izde_db *db, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *m = izde__vstrdupf(fmt, ap);
    va_end(ap);
    free(db->errmsg);
    db->errmsg = m;
    return status;
}

int izde__db_izx_error(izde_db *db, int izx_status, const char *what)
{
    return izde__db_error(db, izde__status_from_izx(izx_status), "%s: %s", what,
                          izx_db_errmsg(db->x));
}

const char *izde_db_errmsg(const izde_db *db)
{
    return db && db->errmsg ? db->errmsg : "";
}

/* mkdir -p for the parent folders of `path`. */
static int make_parents(const char *path, char **errmsg_out)
{
    char *p = strdup(path);
    if (!p)
        return IZDE_ENOMEM;
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            if (errmsg_out)
                *errmsg_out = izde__strdupf("cannot create folder '%s' for the index: %s", p,
                                            strerror(errno));
            free(p);
            return IZDE_EIO;
        }
        *s = '/';
    }
    free(p);
    return IZDE_OK;
}

/* What a path that is not a folder is, for the message. */
static const char *kind_of(mode_t m)
{
    if (S_ISREG(m))
        return "a file";
    if (S_ISCHR(m) || S_ISBLK(m))
        return "a device";
    if (S_ISFIFO(m))
        return "a named pipe";
    if (S_ISSOCK(m))
        return "a socket";
    return "not a folder";
}

/* Refuse, before Xapian sees it, a --db path that cannot be an index: one
 * that is not a folder (a file is read as a shard list, never written), or
 * a folder this process may not write to.  A missing path is left to the
 * open (created when writing, "no index" when reading). */
int izde__check_index_path(const char *path, int writable, char **errmsg_out)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return IZDE_OK;
    if (!S_ISDIR(st.st_mode) && (writable || !S_ISREG(st.st_mode))) {
        if (errmsg_out)
            *errmsg_out = izde__strdupf("'%s' is %s, not an index folder: give --db a folder "
                                        "(izde index creates it)",
                                        path, kind_of(st.st_mode));
        return IZDE_EINVAL;
    }
    if (writable && access(path, W_OK) != 0) {
        if (errmsg_out)
            *errmsg_out = izde__strdupf("cannot write index '%s': %s; index into a folder you may "
                                        "write to, or search it without writing",
                                        path, strerror(errno));
        return IZDE_EIO;
    }
    return IZDE_OK;
}

/* The writer's pid, in DIR/izde.pid while it holds the lock, so a second
 * writer can say who has it.  Stale files (after kill -9) are harmless:
 * they are only read when Xapian reports the lock held. */
static char *pid_path(const char *dir)
{
    return izde__strdupf("%s/izde.pid", dir);
}

void izde__db_write_pid(const char *dir)
{
    char *p = pid_path(dir);
    FILE *f = p ? fopen(p, "w") : NULL;
    if (f) {
        fprintf(f, "%ld\n", (long)getpid());
        fclose(f);
    }
    free(p);
}

static void remove_pid(const char *dir)
{
    char *p = pid_path(dir);
    if (p)
        remove(p);
    free(p);
}

static long read_pid(const char *dir)
{
    char *p = pid_path(dir);
    FILE *f = p ? fopen(p, "r") : NULL;
    long pid = 0;
    if (f) {
        if (fscanf(f, "%ld", &pid) != 1)
            pid = 0;
        fclose(f);
    }
    free(p);
    return pid;
}

const char *izde__open_advice(int status)
{
    switch (status) {
    case IZDE_ENOTFOUND: return "build it first with 'izde index --db DIR PATH...'";
    case IZDE_ELOCKED: return "another 'izde index' is writing to it; wait for it to finish";
    case IZDE_ECORRUPT: return "the index is damaged; delete the folder and index again";
    case IZDE_EVERSION: return "it was built by another version; delete the folder and index again";
    default: return "check the path and its permissions";
    }
}

/* Check (or, for a new empty writable index, set) the format version. */
int izde__check_version(izx_db *x, const char *name, int writable, char **errmsg_out)
{
    char *v = NULL;
    unsigned count = 0;
    int rc = izx_db_get_metadata(x, "izde.version", &v, NULL);
    if (rc == IZX_OK)
        rc = izx_db_doccount(x, &count);
    if (rc != IZX_OK) {
        if (errmsg_out)
            *errmsg_out = izde__strdupf("cannot read index '%s': %s", name, izx_db_errmsg(x));
        izx_free(v);
        return izde__status_from_izx(rc);
    }
    int status = IZDE_OK;
    if (!v) {
        if (count > 0) {
            status = IZDE_ECORRUPT;
            if (errmsg_out)
                *errmsg_out = izde__strdupf("'%s' is a Xapian database but not an izde index "
                                            "(no izde.version metadata); use another --db folder",
                                            name);
        } else if (writable) {
            char buf[32];
            snprintf(buf, sizeof buf, "%d", IZDE_INDEX_VERSION);
            rc = izx_db_set_metadata(x, "izde.version", buf, strlen(buf));
            snprintf(buf, sizeof buf, "%d", IZDE_ANALYZER_VERSION);
            if (rc == IZX_OK)
                rc = izx_db_set_metadata(x, "izde.analyzer", buf, strlen(buf));
            if (rc == IZX_OK)
                rc = izx_db_set_metadata(x, "izde.languages", "ru ky", 5);
            if (rc != IZX_OK) {
                status = izde__status_from_izx(rc);
                if (errmsg_out)
                    *errmsg_out = izde__strdupf("cannot write index '%s': %s", name,
                                                izx_db_errmsg(x));
            }
        }
    } else if (atoi(v) != IZDE_INDEX_VERSION) {
        status = IZDE_EVERSION;
        if (errmsg_out)
            *errmsg_out = izde__strdupf("index '%s' has format version %s, this izde reads version "
                                        "%d: %s",
                                        name, v, IZDE_INDEX_VERSION, izde__open_advice(IZDE_EVERSION));
    }
    izx_free(v);
    return status;
}

int izde_db_open(izde_db **out, const char *path, int mode, char **errmsg_out)
{
    *out = NULL;
    if (errmsg_out)
        *errmsg_out = NULL;
    if (!path || !*path) {
        if (errmsg_out)
            *errmsg_out = izde__strdupf("no index path given");
        return IZDE_EINVAL;
    }
    if (mode != IZDE_DB_WRITE && izde__is_shard_spec(path))
        return izde_db_open_shards(out, &path, 1, NULL, errmsg_out);
    izde_db *db = calloc(1, sizeof *db);
    if (!db || !(db->path = strdup(path))) {
        free(db);
        return IZDE_ENOMEM;
    }
    db->writable = (mode == IZDE_DB_WRITE);
    int rc = IZDE_OK;
    char *xmsg = NULL;
    if ((rc = izde__check_index_path(path, db->writable, errmsg_out)) != IZDE_OK)
        goto fail;
    if ((rc = izde__tables_guard(path, db->writable, errmsg_out)) != IZDE_OK)
        goto fail;
    if (db->writable && (rc = make_parents(path, errmsg_out)) != IZDE_OK)
        goto fail;
    izde__db_finish_swap(path, db->writable);
    int xrc = izx_db_open(&db->x, path, db->writable ? IZX_DB_CREATE_OR_OPEN : IZX_DB_READONLY,
                          &xmsg);
    if (xrc == IZX_ENOTFOUND && db->writable && izde__db_clear_stopped_creation(path)) {
        izx_free(xmsg);
        xmsg = NULL;
        xrc = izx_db_open(&db->x, path, IZX_DB_CREATE_OR_OPEN, &xmsg);
    }
    if (xrc != IZX_OK) {
        rc = izde__status_from_izx(xrc);
        long pid = rc == IZDE_ELOCKED ? read_pid(path) : 0;
        if (rc == IZDE_ELOCKED && errmsg_out && pid > 0)
            *errmsg_out = izde__strdupf("index '%s' is locked by another izde index (pid %ld); wait "
                                        "for it to finish", path, pid);
        else if (rc == IZDE_ELOCKED && errmsg_out)
            *errmsg_out = izde__strdupf("index '%s' is locked by another writer; wait for it to "
                                        "finish", path);
        else if (rc == IZDE_ENOTFOUND && errmsg_out)
            *errmsg_out = izde__strdupf("no index at '%s': %s", path, izde__open_advice(rc));
        else if (errmsg_out)
            *errmsg_out = izde__strdupf("cannot open index '%s': %s (%s)", path, izde__open_advice(rc),
                                        xmsg ? xmsg : "unknown error");
        izx_free(xmsg);
        goto fail;
    }
    if ((rc = izde__check_version(db->x, path, db->writable, errmsg_out)) != IZDE_OK)
        goto fail;
    if ((rc = izde__db_init_read(db, errmsg_out)) != IZDE_OK)
        goto fail;
    if (db->writable && !(db->ix.seen = izde__seen_new())) {
        rc = IZDE_ENOMEM;
        goto fail;
    }
    if (db->writable)
        izde__db_write_pid(path);
    *out = db;
    return IZDE_OK;
fail:
    izx_db_free(db->x);
    db->x = NULL;
    izde_db_close(db);
    return rc;
}

int izde__db_init_read(izde_db *db, char **errmsg_out)
{
    db->out.report_unrouted = 1;
    int rc = izde_analyzer_new(&db->analyzer, errmsg_out);
    if (rc != IZDE_OK)
        return rc;
    if ((rc = izde_stemmer_new(&db->stem_ru, "ru")) != IZDE_OK ||
        (rc = izde_stemmer_new(&db->stem_ky, "ky")) != IZDE_OK) {
        if (errmsg_out)
            *errmsg_out = izde__strdupf("cannot create the stemmers: out of memory");
    }
    return rc;
}

int izde_db_commit(izde_db *db)
{
    if (!db->writable)
        return IZDE_OK;
    int rc = izx_db_commit(db->x);
    if (rc != IZX_OK)
        return izde__db_izx_error(db, rc, "cannot commit the index");
    db->ix.pending = 0;
    izde__tables_stamp(db->path);
    return IZDE_OK;
}

int izde_db_close(izde_db *db)
{
    if (!db)
        return IZDE_OK;
    int rc = IZDE_OK;
    if (db->x && db->writable)
        rc = izde_db_commit(db);
    izx_db_free(db->x);
    if (db->x && db->writable)
        remove_pid(db->path);
    izde_analyzer_free(db->analyzer);
    izde_stemmer_free(db->stem_ru);
    izde_stemmer_free(db->stem_ky);
    izde_analyzer_free(db->aux.analyzer);
    izde_stemmer_free(db->aux.ru);
    izde_stemmer_free(db->aux.ky);
    izde__vocab_free(db->vocab);
    izde__seen_free(db->ix.seen);
    free(db->ix.bad_url_file);
    izde__strmap_free(db->ix.kept);
    for (size_t i = 0; i < db->set.n; i++) {
        izx_db_free(db->set.shards[i].x);
        free(db->set.shards[i].spec);
        free(db->set.shards[i].host);
        free(db->set.shards[i].reason);
    }
    free(db->set.shards);
    free(db->errmsg);
    free(db->path);
    free(db);
    return rc;
}

void izde_db_set_notice(izde_db *db, izde_notice_fn fn, void *payload)
{
    db->ix.notice = fn;
    db->ix.notice_payload = payload;
}

int izde_db_doccount(izde_db *db, unsigned *out)
{
    int rc = izx_db_doccount(db->x, out);
    if (rc != IZX_OK)
        return izde__db_izx_error(db, rc, "cannot count documents");
    return IZDE_OK;
}

void izde_db_set_warning(izde_db *db, izde_notice_fn fn, void *payload)
{
    if (!db)
        return;
    db->ix.warning = fn;
    db->ix.warning_payload = payload;
}

int izde_index_version(void)
{
    return IZDE_INDEX_VERSION;
}

int izde__status_from_izx(int izx_status)
{
    switch (izx_status) {
    case IZX_OK: return IZDE_OK;
    case IZX_ENOMEM: return IZDE_ENOMEM;
    case IZX_EINVAL: return IZDE_EINVAL;
    case IZX_ENOTFOUND: return IZDE_ENOTFOUND;
    case IZX_ELOCKED: return IZDE_ELOCKED;
    case IZX_ECORRUPT: return IZDE_ECORRUPT;
    case IZX_EVERSION: return IZDE_EVERSION;
    case IZX_EQUERY: return IZDE_EQUERY;
    case IZX_EDOCNOTFOUND: return IZDE_ENOTFOUND;
    case IZX_EIO: return IZDE_EIO;
    case IZX_ENETWORK: return IZDE_ENETWORK;
    case IZX_ETIMEOUT: return IZDE_ENETWORK;
    default: return IZDE_EBACKEND;
    }
}
