/*
 * show.c - one stored article by its id (`izde show`): its metadata, the
 * record's other fields, its figures, its story and the ids of the other
 * articles of that story, and its clean text, as one JSON object.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "izde-private.h"
#include "docstore.h"
#include "hash.h"

/* Copies listed by `izde show` (a story with more says so by "copies_total"). */
#define IZDE_SHOW_MAX_COPIES 1000

/* The document of article `id` as hit 0 of *m (none: size 0). */
static int find_article(izde_db *db, const char *id, izx_mset **m)
{
    izde_buf t = {0};
    izx_query *q = NULL;
    char *msg = NULL;
    int x = izde__buf_puts(&t, IZDE_PREFIX_ID) || izde__hashed_key(&t, id, IZDE_MAX_TERM - 1, 200)
                ? IZX_ENOMEM
                : izx_query_term(&q, t.data, t.len, 1, &msg);
    izx_free(msg);
    izde__buf_free(&t);
    if (x == IZX_OK)
        x = izx_enquire(m, db->x, q, 0, 1, -1, 0);
    izx_query_free(q);
    return x;
}

/* "story" (its own id when it has none stored), "copies" (their ids) and
 * the figures given their text and sentence, on `o`. */
static int add_story(izde_db *db, json_t *o, unsigned docid, const char *text, size_t tlen)
{
    json_t *figs = json_object_get(o, "figures");
    for (size_t k = 0; k < json_array_size(figs); k++)
        izde__figure_expand(json_array_get(figs, k), text, tlen);
    if (!json_is_string(json_object_get(o, "story")))
        json_object_set(o, "story", json_object_get(o, "id"));
    unsigned count = 0;
    char **ids = NULL;
    size_t n = 0;
    int x = izde__story_copies(db->x, json_string_value(json_object_get(o, "story")), docid,
                               IZDE_SHOW_MAX_COPIES, &count,
                               &ids, &n);
    json_t *copies = json_array();
    for (size_t k = 0; k < n; k++) {
        json_array_append_new(copies, izde__json_str(ids[k]));
        free(ids[k]);
    }
    free(ids);
    json_object_set_new(o, "copies", copies);
    if (count > n)
        json_object_set_new(o, "copies_total", json_integer(count));
    return x;
}

static int show_once(izde_db *db, const char *id, char **json_out)
{
    izx_mset *m = NULL;
    izde_stored sd = {0};
    int x = find_article(db, id, &m);
    if (x == IZX_OK && izx_mset_size(m) == 0) {
        izx_mset_free(m);
        return izde__db_error(db, IZDE_ENOTFOUND, "no article with id '%s' in the index", id);
    }
    if (x == IZX_OK)
        x = izde__doc_read(m, 0, IZDE_DOC_BODY | IZDE_DOC_TEXT_FIELD, &sd);
    if (x == IZX_OK)
        x = add_story(db, sd.doc, izx_mset_docid(m, 0), sd.text, sd.text_len);
    int rc = IZDE_OK;
    if (x == IZX_ECORRUPT)
        rc = izde__db_error(db, IZDE_ECORRUPT, "the stored article '%s' is unreadable (%s); "
                            "re-index its file", id, sd.why ? sd.why : "?");
    else if (x == IZX_ENOMEM)
        rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
    else if (x != IZX_OK)
        rc = izde__db_izx_error(db, x, "cannot read the article");
    if (rc == IZDE_OK && !(*json_out = json_dumps(sd.doc, JSON_COMPACT | JSON_REAL_PRECISION(15))))
        rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
    izde__stored_clear(&sd);
    izx_mset_free(m);
    return rc;
}

int izde_article_json(izde_db *db, const char *id, char **json_out)
{
    *json_out = NULL;
    if (!db || !id || !*id)
        return IZDE_EINVAL;
    int rc;
    IZDE__RUN_RECOVERING(db, rc, show_once(db, id, json_out));
    return rc;
}
