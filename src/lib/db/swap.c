/*
 * swap.c - changes of a whole index folder that a kill must not leave
 * half-done.  A creation stopped before Xapian wrote its version file
 * leaves empty tables that no open accepts: a writer clears them and
 * creates the index again.  And the swap: put an index built elsewhere (a merged parallel build) in the
 * place of the open one, so that a kill at any moment leaves the old
 * index or the new one, never a mix: the two folders are exchanged in one
 * rename (RENAME_EXCHANGE).  Where the file system cannot exchange, the
 * old folder is renamed to DB.swap-old and the new one to DB; an open
 * finding no DB but a DB.swap-old renames it back (the old index), and a
 * writer removes a DB.swap-old left beside a DB.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "izde-private.h"

void izde__remove_index_folder(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *p = izde__strdupf("%s/%s", dir, e->d_name);
        if (p)
            unlink(p);
        free(p);
    }
    closedir(d);
    rmdir(dir);
}

/* Is `name` (of `size` bytes) what a Xapian creation writes before its
 * version file: the lock, the version file's temporary, empty tables? */
static int creation_leftover(const char *name, long long size)
{
    size_t n = strlen(name);
    if (strcmp(name, "flintlock") == 0 || strcmp(name, "izde.pid") == 0 ||
        strcmp(name, "v.tmp") == 0)
        return 1;
    return size == 0 && n > 6 && strcmp(name + n - 6, ".glass") == 0;
}

int izde__db_clear_stopped_creation(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return 0;
    struct dirent *e;
    int only_leftovers = 1, any = 0;
    while (only_leftovers && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *p = izde__strdupf("%s/%s", path, e->d_name);
        struct stat st;
        only_leftovers = p && lstat(p, &st) == 0 && S_ISREG(st.st_mode) &&
                         creation_leftover(e->d_name, (long long)st.st_size);
        any = 1;
        free(p);
    }
    closedir(d);
    if (!only_leftovers || !any)
        return 0;
    izde__remove_index_folder(path);
    return 1;
}

static char *old_path(const char *path)
{
    return izde__strdupf("%s.swap-old", path);
}

void izde__db_finish_swap(const char *path, int writable)
{
    char *old = old_path(path);
    struct stat st;
    if (!old)
        return;
    if (stat(path, &st) != 0 && errno == ENOENT && stat(old, &st) == 0)
        rename(old, path); /* stopped between the two renames: the old index */
    else if (writable && stat(old, &st) == 0)
        izde__remove_index_folder(old); /* stopped before it was removed */
    free(old);
}

/* Exchange `built` and `path`; where the file system cannot, two renames
 * that an open undoes when stopped between them (izde__db_finish_swap). */
static int exchange(const char *built, const char *path, char **old_out)
{
    *old_out = NULL;
    if (renameat2(AT_FDCWD, built, AT_FDCWD, path, RENAME_EXCHANGE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
        return -1;
    char *old = old_path(path);
    if (!old) {
        errno = ENOMEM;
        return -1;
    }
    izde__remove_index_folder(old);
    if (rename(path, old) != 0) {
        free(old);
        return -1;
    }
    if (rename(built, path) != 0) {
        int e = errno;
        rename(old, path);
        free(old);
        errno = e;
        return -1;
    }
    *old_out = old;
    return 0;
}

int izde__db_swap_in(izde_db *db, const char *built)
{
    char *old = NULL;
    /* nothing left for the old handle to write: Xapian writes by path,
     * and after the exchange its path is the new index's */
    int rc = izde_db_commit(db);
    if (rc != IZDE_OK)
        return rc;
    if (exchange(built, db->path, &old) != 0)
        return izde__db_error(db, IZDE_EIO, "cannot put the merged index '%s' in the place of "
                              "'%s': %s; the index is as it was", built, db->path,
                              strerror(errno));
    /* the old handle (and its lock) now points at `built` or `old` */
    izx_db *prev = db->x;
    char *xmsg = NULL;
    int xrc = izx_db_open(&db->x, db->path, IZX_DB_OPEN, &xmsg);
    izx_db_free(prev);
    if (xrc != IZX_OK) {
        db->x = NULL;
        rc = izde__db_error(db, izde__status_from_izx(xrc), "cannot reopen the merged index: %s",
                            xmsg ? xmsg : izx_status_name(xrc));
    }
    izx_free(xmsg);
    if (rc == IZDE_OK)
        izde__db_write_pid(db->path);
    if (old)
        izde__remove_index_folder(old);
    free(old);
    return rc;
}
