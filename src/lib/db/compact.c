/*
 * compact.c - rewrite an index with its B-trees full (izde compact).
 * Xapian's commits leave the blocks of the B-trees they touch part
 * empty: an index grown by many incremental runs holds up to twice the
 * bytes that the same documents take once compacted.  The compactor
 * writes a new copy beside the index (DB.compact), and the copy is put
 * in the index's place in one step (swap.c): a kill at any moment leaves
 * the old index or the compacted one.  The caller holds the writer's
 * lock, so nothing writes meanwhile; readers keep the old one open until
 * they reopen.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "izde-private.h"

/* The bytes of the regular files in `dir` (an index folder has no
 * subfolders). */
static unsigned long long folder_bytes(const char *dir)
{
    unsigned long long sum = 0;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        char *p = izde__strdupf("%s/%s", dir, e->d_name);
        struct stat st;
        if (p && stat(p, &st) == 0 && S_ISREG(st.st_mode))
            sum += (unsigned long long)st.st_size;
        free(p);
    }
    closedir(d);
    return sum;
}

int izde_db_compact(izde_db *db, unsigned long long *before, unsigned long long *after)
{
    if (!db->writable || db->set.n)
        return izde__db_error(db, IZDE_EINVAL, "compacting needs one index opened for writing, "
                              "not a set of shards: compact each shard by itself");
    int rc = izde_db_commit(db);
    if (rc != IZDE_OK)
        return rc;
    if (before)
        *before = folder_bytes(db->path);
    char *built = izde__strdupf("%s.compact", db->path);
    if (!built)
        return izde__db_error(db, IZDE_ENOMEM, "out of memory");
    izde__remove_index_folder(built); /* left by a run stopped while compacting */
    const char *src = db->path;
    char *xmsg = NULL;
    int xrc = izx_db_compact(&src, 1, built, &xmsg);
    if (xrc != IZX_OK)
        rc = izde__db_error(db, izde__status_from_izx(xrc), "cannot compact '%s' into '%s': %s; "
                            "the index is as it was", db->path, built,
                            xmsg ? xmsg : izx_status_name(xrc));
    izx_free(xmsg);
    if (rc == IZDE_OK)
        rc = izde__db_swap_in(db, built);
    if (rc == IZDE_OK)
        rc = izde_db_commit(db); /* stamps the new tables (tables.c) */
    izde__remove_index_folder(built);
    free(built);
    if (rc == IZDE_OK && after)
        *after = folder_bytes(db->path);
    return rc;
}
