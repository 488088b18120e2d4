/*
 * swap.c - put an index built elsewhere (a merged parallel build) in the
 * place of the open one, so that a kill at any moment leaves the old
 * index or the new one, never a mix: the two folders are exchanged in one
 * rename (RENAME_EXCHANGE).  Where the file system cannot exchange, the
 * old folder is renamed to DB.swap-old and the new one to DB; an open
 * finding no DB but a DB.swap-old renames it back (the old index), and a
 * writer removes a DB.swap-old left beside a DB.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "izde-private.h"

/* Exchange `built` and `path`; where the file system cannot, two renames
 * that an open undoes when stopped between them (izde__db_finish_swap). */
static int exchange(const char *built, const char *path, char **old_out)
{
    *old_out = NULL;
    if (renameat2(AT_FDCWD, built, AT_FDCWD, path, RENAME_EXCHANGE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
        return -1;
    char *old = izde__db_swap_old_path(path);
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
