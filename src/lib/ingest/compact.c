/*
 * compact.c - a new index written by one process, packed at the end of
 * the run as a parallel build's merge packs it: Xapian's compactor copies
 * it (documents, metadata and all) into DB.merged, which then takes the
 * index's place in one step (swap.c).  A writer fills its B-trees about
 * half; the copy is full, so the index is far smaller and as fast.
 */
#include <stdlib.h>

#include "izde-private.h"
#include "ingest.h"

int izde__ingest_compact(izde_db *db)
{
    int rc = izde_db_commit(db);
    char *merged = rc == IZDE_OK ? izde__strdupf("%s.merged", db->path) : NULL;
    if (rc == IZDE_OK && !merged)
        rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
    if (rc != IZDE_OK)
        return rc;
    izde__remove_index_folder(merged);
    const char *src = db->path;
    char *xmsg = NULL;
    int xrc = izx_db_compact(&src, 1, merged, &xmsg);
    if (xrc != IZX_OK)
        rc = izde__db_error(db, izde__status_from_izx(xrc), "cannot compact '%s' into '%s': %s",
                            db->path, merged, xmsg ? xmsg : izx_status_name(xrc));
    izx_free(xmsg);
    if (rc == IZDE_OK)
        rc = izde__db_swap_in(db, merged);
    if (rc == IZDE_OK)
        rc = izde_db_commit(db);
    izde__remove_index_folder(merged);
    free(merged);
    return rc;
}
