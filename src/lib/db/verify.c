/*
 * verify.c - izde_db_verify(), behind `izde check-index`: the index opens
 * at a supported format version (checked by izde_db_open), its document
 * count agrees with the documents that can be iterated, and every stored
 * article is readable (metadata with an id, figures and text: docstore.c);
 * and, first, Xapian's own structural check of every local folder's tables.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "izde-private.h"
#include "docstore.h"

/* Xapian's structural check of one local folder: a problem when damaged. */
static int check_tables(izde_db *db, const char *dir, izde_problem_fn problem, void *payload,
                        unsigned *bad_out)
{
    unsigned long errors = 0;
    char *first = NULL;
    if (izx_db_check(dir, &errors, &first) != IZX_OK)
        return izde__db_error(db, IZDE_ENOMEM, "out of memory");
    if (errors) {
        (*bad_out)++;
        char *m = izde__strdupf("Xapian's check of the tables finds %lu problem%s (%s); delete "
                                "the folder and index again",
                                errors, errors == 1 ? "" : "s", first ? first : "unreadable");
        if (problem)
            problem(payload, dir, 0, IZDE_ECORRUPT, m ? m : "damaged");
        free(m);
    }
    izx_free(first);
    return IZDE_OK;
}

int izde_db_verify(izde_db *db, izde_problem_fn problem, void *payload, unsigned *docs_out,
                   unsigned *bad_out)
{
    *docs_out = *bad_out = 0;
    int trc = IZDE_OK;
    if (db->set.n == 0 && db->path)
        trc = check_tables(db, db->path, problem, payload, bad_out);
    for (size_t i = 0; i < db->set.n && trc == IZDE_OK; i++)
        if (!db->set.shards[i].host)
            trc = check_tables(db, db->set.shards[i].spec, problem, payload, bad_out);
    if (trc != IZDE_OK)
        return trc;
    unsigned count = 0;
    int rc = izde_db_doccount(db, &count);
    if (rc != IZDE_OK)
        return rc;
    izx_query *all = NULL;
    char *msg = NULL;
    if (izx_query_match_all(&all, &msg) != IZX_OK) {
        izx_free(msg);
        return izde__db_error(db, IZDE_ENOMEM, "out of memory");
    }
    /* in pages, so a large index needs little memory */
    const unsigned page = 1000;
    unsigned seen = 0;
    for (unsigned offset = 0;; offset += page) {
        izx_mset *m = NULL;
        int x = izx_enquire(&m, db->x, all, offset, page, -1, 0);
        if (x != IZX_OK) {
            rc = izde__db_izx_error(db, x, "cannot read the documents");
            break;
        }
        unsigned n = izx_mset_size(m);
        for (unsigned i = 0; i < n; i++) {
            char where[32];
            snprintf(where, sizeof where, "document %u", izx_mset_docid(m, i));
            seen++;
            izde_stored sd;
            int x = izde__doc_read(m, i, IZDE_DOC_BODY | IZDE_DOC_TEXT_FIELD, &sd);
            if (x != IZX_OK) {
                (*bad_out)++;
                if (problem)
                    problem(payload, where, 0, IZDE_ECORRUPT,
                            x == IZX_ECORRUPT ? sd.why : izx_mset_errmsg(m));
            }
            izde__stored_clear(&sd);
        }
        izx_mset_free(m);
        if (n < page)
            break;
    }
    izx_query_free(all);
    *docs_out = seen;
    if (rc == IZDE_OK && seen != count) {
        (*bad_out)++;
        if (problem) {
            char *m = izde__strdupf("the index counts %u documents but %u can be read", count, seen);
            problem(payload, db->path, 0, IZDE_ECORRUPT, m ? m : "document count mismatch");
            free(m);
        }
    }
    return rc;
}
