/*
 * run.c - the index run (index/SCHEMA.md, "Index runs"): every run that
 * writes articles takes the number after the last one (metadata izde.run,
 * "N TIME") and stamps each article it indexes with "NNNNNNNNNN TIME" in
 * value slot 5.  An id indexed again keeps its first stamp: the stamp of
 * its document as it was replaced, or, when its file changed and its
 * documents were deleted before it was read again, the one remembered
 * here at the deletion.  Saved searches (search/watch.c) list the articles
 * stamped by runs after the one they last saw.  A parallel build keeps the
 * run and the saved searches of the index it replaces.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "izde-private.h"
#include "docstore.h"
#include "strmap.h"

void izde__run_now(char out[IZDE_RUN_TIME_MAX])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, IZDE_RUN_TIME_MAX, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int izde__run_last(izx_db *x, unsigned long *n, char time_out[IZDE_RUN_TIME_MAX])
{
    char *v = NULL;
    *n = 0;
    time_out[0] = '\0';
    int rc = izx_db_get_metadata(x, IZDE_META_RUN, &v, NULL);
    char t[IZDE_RUN_TIME_MAX];
    _Static_assert(IZDE_RUN_TIME_MAX == 24, "the %23s below reads at most IZDE_RUN_TIME_MAX - 1");
    if (rc == IZX_OK && v && sscanf(v, "%lu %23s", n, t) == 2)
        snprintf(time_out, IZDE_RUN_TIME_MAX, "%s", t);
    izx_free(v);
    return rc;
}

int izde__run_write(izde_db *db)
{
    char v[IZDE_RUN_STAMP_MAX];
    int len = snprintf(v, sizeof v, "%lu %s", db->ix.run, db->ix.run_time);
    int x = izx_db_set_metadata(db->x, IZDE_META_RUN, v, (size_t)len);
    return x == IZX_OK ? IZDE_OK : izde__db_izx_error(db, x, "cannot number the index run");
}

int izde__run_begin(izde_db *db)
{
    if (db->ix.run)
        return IZDE_OK;
    unsigned long last;
    char t[IZDE_RUN_TIME_MAX];
    int x = izde__run_last(db->x, &last, t);
    if (x != IZX_OK)
        return izde__db_izx_error(db, x, "cannot read the last index run");
    db->ix.run = last + 1;
    izde__run_now(db->ix.run_time);
    return izde__run_write(db);
}

void izde__run_remember(izde_db *db, unsigned docid)
{
    char *v = NULL;
    size_t len = 0;
    if (izx_db_get_value(db->x, docid, IZDE_SLOT_RUN, &v, &len) == IZX_OK && len &&
        len < IZDE_RUN_STAMP_MAX) {
        char *id = izde__doc_stored_id(db->x, docid);
        char stamp[IZDE_RUN_STAMP_MAX];
        memcpy(stamp, v, len);
        stamp[len] = '\0';
        if (id)
            izde__strmap_put(&db->ix.kept, id, stamp); /* out of memory: a new stamp */
        free(id);
    }
    izx_free(v);
}

static int first_docid(void *ctx, unsigned docid)
{
    *(unsigned *)ctx = docid;
    return 1;
}

int izde__run_stamp(izde_db *db, const char *id, const char *id_term, size_t id_len,
                    char out[IZDE_RUN_STAMP_MAX])
{
    int rc = izde__run_begin(db);
    if (rc != IZDE_OK || izde__strmap_take(db->ix.kept, id, out, IZDE_RUN_STAMP_MAX))
        return rc;
    unsigned docid = 0;
    char *v = NULL;
    size_t len = 0;
    if (izx_db_postlist(db->x, id_term, id_len, first_docid, &docid) == IZX_OK && docid &&
        izx_db_get_value(db->x, docid, IZDE_SLOT_RUN, &v, &len) == IZX_OK && len &&
        len < IZDE_RUN_STAMP_MAX) {
        memcpy(out, v, len);
        out[len] = '\0';
    } else {
        snprintf(out, IZDE_RUN_STAMP_MAX, "%010lu %s", db->ix.run, db->ix.run_time);
    }
    izx_free(v);
    return IZDE_OK;
}

typedef struct meta_copy {
    izx_db *to;
    int rc;
} meta_copy;

static int copy_one(void *ctx, const char *key, size_t klen, const char *value, size_t vlen)
{
    meta_copy *c = ctx;
    char *k = izde__strdupf("%.*s", (int)klen, key);
    c->rc = k ? izx_db_set_metadata(c->to, k, value, vlen) : IZX_ENOMEM;
    free(k);
    return c->rc != IZX_OK;
}

int izde__run_keep_state(izde_db *db, izx_db *from)
{
    meta_copy c = {db->x, IZX_OK};
    int x = izx_db_metadata(from, IZDE_META_WATCH, copy_one, &c);
    if (x == IZX_OK)
        x = c.rc;
    if (x != IZX_OK)
        return izde__db_izx_error(db, x, "cannot keep the saved searches");
    return db->ix.run ? izde__run_write(db) : IZDE_OK;
}
