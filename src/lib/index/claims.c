/*
 * claims.c - which files hold an article id.  A document carries the F
 * term of every file that holds its id: the file it was last read from
 * (the "path" of its stored metadata) and the others, read before it.  So
 * the documents of one file can be removed (the file changed, or gone
 * with --prune) without losing an article another file still holds: such
 * a document loses only that file's F term, and when its text came from
 * that file the signatures of the others are cleared, so that their own
 * version is read again (index/SCHEMA.md, "Files").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "izde-private.h"
#include "docstore.h"
#include "hash.h"

int izde__file_key(izde_buf *b, const char *real)
{
    return izde__hashed_key(b, real, 220, 180);
}

/* A growing list of docids or of terms. */
typedef struct id_list {
    unsigned *v;
    size_t n, cap;
    int oom;
} id_list;

typedef struct term_list {
    char **v;
    size_t n, cap;
    int oom;
} term_list;

static int on_docid(void *vctx, unsigned docid)
{
    id_list *l = vctx;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        unsigned *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return l->oom = 1;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = docid;
    return 0;
}

static int on_term(void *vctx, const char *term, size_t len, unsigned freq)
{
    term_list *l = vctx;
    (void)freq;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 4;
        char **v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return l->oom = 1;
        l->v = v;
        l->cap = cap;
    }
    if (!(l->v[l->n] = strndup(term, len)))
        return l->oom = 1;
    l->n++;
    return 0;
}

static void terms_free(term_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

/* The docids holding `term` (collected before anything changes). */
static int docs_of(izde_db *db, const char *term, size_t len, id_list *out)
{
    int x = izx_db_postlist(db->x, term, len, on_docid, out);
    if (x != IZX_OK)
        return izde__db_izx_error(db, x, "cannot read the documents of a term");
    return out->oom ? izde__db_error(db, IZDE_ENOMEM, "out of memory") : IZDE_OK;
}

/* The F terms (files) of document `docid`. */
static int files_of(izde_db *db, unsigned docid, term_list *out)
{
    int x = izx_db_doc_terms(db->x, docid, IZDE_PREFIX_FILE, on_term, out);
    if (x != IZX_OK)
        return izde__db_izx_error(db, x, "cannot read the files of a document");
    return out->oom ? izde__db_error(db, IZDE_ENOMEM, "out of memory") : IZDE_OK;
}

void izde__claims_clash(izde_db *db, const char *id, const char *path, unsigned long line,
                        const char *old_path, unsigned long old_line)
{
    db->ix.id_clashes++;
    if (!db->ix.warning || db->ix.quiet_ids)
        return;
    char *where = line ? izde__strdupf("%s:%lu", path, line) : izde__strdupf("%s", path);
    char *old = old_line ? izde__strdupf("%s:%lu", old_path, old_line)
                         : izde__strdupf("%s", old_path);
    char *w = izde__strdupf("id %s was indexed from %s; replaced (--quiet-ids to allow)", id,
                            old ? old : old_path);
    if (w)
        db->ix.warning(db->ix.warning_payload, where ? where : path, w);
    free(w);
    free(old);
    free(where);
}

/* Was document `docid` read from the file of `file_term` (its stored
 * path's key)? */
static int read_from(izde_db *db, unsigned docid, const char *file_term)
{
    char *path = izde__doc_stored_path(db->x, docid);
    izde_buf key = {0};
    int same = path && izde__file_key(&key, path) == 0 && key.data &&
               strcmp(key.data, file_term + 1) == 0;
    izde__buf_free(&key);
    free(path);
    return same;
}

/* Document `docid` holding the id, about to be replaced by the article of
 * `path`: a clash when it was read from another file. */
static void check_clash(izde_db *db, unsigned docid, const char *file_term, const char *id,
                        const char *path, unsigned long line)
{
    if (!file_term || read_from(db, docid, file_term))
        return;
    char *old = izde__doc_stored_path(db->x, docid);
    if (old)
        izde__claims_clash(db, id, path, line, old, izde__doc_stored_line(db->x, docid));
    free(old);
}

int izde__claims_carry(izde_db *db, const char *id_term, size_t id_len, const char *file_term,
                       izx_doc *doc, const char *id, const char *path, unsigned long line)
{
    id_list docs = {0};
    int rc = docs_of(db, id_term, id_len, &docs);
    for (size_t i = 0; i < docs.n && rc == IZDE_OK; i++) {
        term_list files = {0};
        check_clash(db, docs.v[i], file_term, id, path, line);
        rc = files_of(db, docs.v[i], &files);
        for (size_t f = 0; f < files.n && rc == IZDE_OK; f++) {
            if (file_term && strcmp(files.v[f], file_term) == 0)
                continue;
            if (izx_doc_add_boolean_term(doc, files.v[f], strlen(files.v[f])) != IZX_OK)
                rc = izde__db_error(db, IZDE_EBACKEND, "cannot index '%s': %s", id,
                                    izx_doc_errmsg(doc));
        }
        terms_free(&files);
    }
    free(docs.v);
    return rc;
}

int izde__claims_merge(izde_db *db, unsigned from, unsigned into)
{
    term_list files = {0};
    int rc = files_of(db, from, &files);
    for (size_t f = 0; f < files.n && rc == IZDE_OK; f++) {
        int x = izx_db_doc_set_term(db->x, into, files.v[f], strlen(files.v[f]), 1);
        if (x != IZX_OK)
            rc = izde__db_izx_error(db, x, "cannot keep the files of a duplicate id");
    }
    terms_free(&files);
    return rc;
}

/* The other files of a document whose text came from the file going:
 * their signatures cleared, each handed to `reread`. */
static int release_others(izde_db *db, const term_list *files, const char *file_term,
                          izde_reread_fn reread, void *ctx)
{
    for (size_t f = 0; f < files->n; f++) {
        if (strcmp(files->v[f], file_term) == 0)
            continue;
        char *meta_key = izde__strdupf("%s%s", IZDE_META_FILE, files->v[f] + 1);
        if (!meta_key)
            return izde__db_error(db, IZDE_ENOMEM, "out of memory");
        int x = izx_db_set_metadata(db->x, meta_key, "", 0);
        free(meta_key);
        if (x != IZX_OK)
            return izde__db_izx_error(db, x, files->v[f] + 1);
        if (reread)
            reread(ctx, files->v[f] + 1);
    }
    return IZDE_OK;
}

/* One document of the file going: deleted when no other file holds it,
 * else only the file's F term taken away. */
static int drop_one(izde_db *db, unsigned docid, const char *file_term, izde_reread_fn reread,
                    void *ctx, unsigned *deleted)
{
    term_list files = {0};
    int rc = files_of(db, docid, &files);
    int x = IZX_OK;
    if (rc == IZDE_OK && files.n <= 1) {
        izde__run_remember(db, docid); /* read again, it keeps its first run */
        x = izx_db_delete_document(db->x, docid);
        if (x == IZX_OK && deleted)
            ++*deleted;
    } else if (rc == IZDE_OK) {
        if (read_from(db, docid, file_term))
            rc = release_others(db, &files, file_term, reread, ctx);
        if (rc == IZDE_OK)
            x = izx_db_doc_set_term(db->x, docid, file_term, strlen(file_term), 0);
    }
    if (x != IZX_OK)
        rc = izde__db_izx_error(db, x, file_term + 1);
    terms_free(&files);
    return rc;
}

int izde__claims_drop(izde_db *db, const char *file_term, izde_reread_fn reread, void *ctx,
                      unsigned *deleted)
{
    id_list docs = {0};
    int rc = docs_of(db, file_term, strlen(file_term), &docs);
    for (size_t i = 0; i < docs.n && rc == IZDE_OK; i++)
        rc = drop_one(db, docs.v[i], file_term, reread, ctx, deleted);
    free(docs.v);
    return rc;
}
