/*
 * compact.c - rewrite an index with its B-trees full (izde compact).
 * Xapian's commits leave the blocks of the B-trees they touch part
 * empty: an index grown by many incremental runs holds up to twice the
 * bytes that the same documents take once compacted.  The compactor
 * writes a new copy beside the index (DB.compact), and the copy is put
 * in the index's place in one step (swap.c): a kill at any moment leaves
 * the old index or the compacted one.  The caller holds the writer's
 * lock, so nothing writes meanwhile; readers keep the old one open until
 * they reopen.  The folder's size after a compaction is kept in the
 * index's metadata, so that a run of izde index can compact an index that
 * has grown past IZDE_RECOMPACT_RATIO times it (izde__db_compact_if_grown).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "izde-private.h"

unsigned long long izde__folder_bytes(const char *dir)
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

int izde__db_note_compacted(izde_db *db)
{
    int rc = izde_db_commit(db);
    if (rc != IZDE_OK)
        return rc;
    char v[32];
    int n = snprintf(v, sizeof v, "%llu", izde__folder_bytes(db->path));
    int xr = izx_db_set_metadata(db->x, IZDE_META_COMPACTED, v, (size_t)n);
    if (xr != IZX_OK)
        return izde__db_izx_error(db, xr, "cannot note the compacted size");
    return izde_db_commit(db); /* also stamps the tables (tables.c) */
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
        *before = izde__folder_bytes(db->path);
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
    izde__remove_index_folder(built);
    free(built);
    if (rc == IZDE_OK)
        rc = izde__db_note_compacted(db);
    if (rc == IZDE_OK && after)
        *after = izde__folder_bytes(db->path);
    return rc;
}

int izde__db_compact_if_grown(izde_db *db, int *compacted)
{
    *compacted = 0;
    if (!db->writable || db->set.n)
        return IZDE_OK;
    char *v = NULL;
    size_t n = 0;
    int xr = izx_db_get_metadata(db->x, IZDE_META_COMPACTED, &v, &n);
    if (xr != IZX_OK)
        return izde__db_izx_error(db, xr, "cannot read the compacted size");
    unsigned long long was = v && n ? strtoull(v, NULL, 10) : 0;
    izx_free(v);
    if (!was) /* never compacted (a small first build): its size now is the base */
        return izde__db_note_compacted(db);
    int rc = izde_db_commit(db);
    if (rc != IZDE_OK || (double)izde__folder_bytes(db->path) <= IZDE_RECOMPACT_RATIO * (double)was)
        return rc;
    rc = izde_db_compact(db, NULL, NULL);
    *compacted = rc == IZDE_OK;
    return rc;
}
