/*
 * shard_mark.c - which shard of N a writable index is: the izde.shard
 * metadata ("K/N", index/SCHEMA.md), set once and checked on every run
 * that builds the shard again.
 */
#include <stdio.h>
#include <string.h>

#include "izde-private.h"

int izde__stamp_shard(izde_db *db)
{
    if (!db->out.n)
        return IZDE_OK;
    char v[32];
    snprintf(v, sizeof v, "%u/%u", db->out.k + 1, db->out.n);
    int x = izx_db_set_metadata(db->x, IZDE_META_SHARD, v, strlen(v));
    return x == IZX_OK ? IZDE_OK : izde__db_izx_error(db, x, "cannot mark the shard");
}

int izde_db_set_shard(izde_db *db, unsigned k, unsigned n)
{
    if (!db->writable)
        return izde__db_error(db, IZDE_EINVAL, "the index was opened read-only");
    if (n == 0 || k >= n)
        return izde__db_error(db, IZDE_EINVAL, "no shard %u of %u", k + 1, n);
    char *v = NULL;
    unsigned docs = 0;
    int x = izx_db_get_metadata(db->x, IZDE_META_SHARD, &v, NULL);
    if (x == IZX_OK)
        x = izx_db_doccount(db->x, &docs);
    if (x != IZX_OK) {
        izx_free(v);
        return izde__db_izx_error(db, x, db->path);
    }
    unsigned ok = 0, on = 0;
    int labelled = v && sscanf(v, "%u/%u", &ok, &on) == 2;
    izx_free(v);
    if (labelled && (ok != k + 1 || on != n))
        return izde__db_error(db, IZDE_EINVAL, "'%s' is shard %u of %u, not %u of %u: index into "
                              "it with --shard %u/%u, or use a new --db folder",
                              db->path, ok, on, k + 1, n, ok, on);
    if (!labelled && docs > 0)
        return izde__db_error(db, IZDE_EINVAL, "'%s' holds %u articles of an index that is not a "
                              "shard; a shard starts empty: use a new --db folder",
                              db->path, docs);
    db->out.k = k;
    db->out.n = n;
    return izde__stamp_shard(db);
}
