/*
 * story_pass.c - the stories of a parallel build assigned again after its
 * merge (story.c).  Each worker knew only its own articles; here every
 * article, in the order one process reads them (the walk order of its
 * file, then its place in the file, stored with its signature, then its
 * docid), joins the story of its earliest copy before it, exactly as
 * izde__story_assign() does for one process (a new story takes the id
 * of its first article: the stories of a new index are all made here, so
 * no other article still carries that name).  Only the articles whose
 * story changed are rewritten (their metadata, story value and G term).
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "izde-private.h"
#include "docstore.h"

typedef struct entry {
    unsigned docid;
    long file;           /* walk rank of its file */
    size_t order;        /* its place in reading order */
    char *id, *story;    /* story: as stored, then as assigned */
    int has_sig, changed;
    izde_story_sig sig;
} entry;

typedef struct pass {
    izde_db *db;
    entry *e;            /* sorted by docid */
    size_t n, cap;
    int oom;
} pass;

static int on_doc(void *vctx, unsigned docid)
{
    pass *p = vctx;
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 1024;
        entry *ne = realloc(p->e, cap * sizeof *ne);
        if (!ne) {
            p->oom = 1;
            return 1;
        }
        p->e = ne;
        p->cap = cap;
    }
    memset(&p->e[p->n], 0, sizeof *p->e);
    p->e[p->n++].docid = docid;
    return 0;
}

/* Every document: the postlist of the empty term lists them all. */
static int list_docs(pass *p)
{
    int x = izx_db_postlist(p->db->x, "", 0, on_doc, p);
    return p->oom ? IZX_ENOMEM : x;
}

static char *value_of(izx_db *x, unsigned docid, unsigned slot)
{
    char *v = NULL;
    size_t len = 0;
    char *out = NULL;
    if (izx_db_get_value(x, docid, slot, &v, &len) == IZX_OK && len)
        out = strndup(v, len);
    izx_free(v);
    return out;
}

/* Read what the pass needs of entry `en`: id, file rank, story, signature. */
static int load_entry(pass *p, entry *en, izde_file_rank_fn file_rank, void *ctx)
{
    char *v = NULL;
    size_t len = 0;
    int x = izx_db_get_value(p->db->x, en->docid, IZDE_SLOT_META, &v, &len);
    json_t *meta = x == IZX_OK && len ? json_loadb(v, len, 0, NULL) : NULL;
    izx_free(v);
    if (x != IZX_OK)
        return x;
    const char *id = json_string_value(json_object_get(meta, "id"));
    const char *path = json_string_value(json_object_get(meta, "path"));
    en->id = id ? strdup(id) : NULL;
    en->file = path ? file_rank(ctx, path) : -1;
    json_decref(meta);
    en->story = value_of(p->db->x, en->docid, IZDE_SLOT_STORY);
    if (izx_db_get_value(p->db->x, en->docid, IZDE_SLOT_STORY_SIG, &v, &len) == IZX_OK)
        en->has_sig = izde__story_sig_unpack(v, len, &en->sig);
    izx_free(v);
    return IZX_OK;
}

static int by_reading(const void *a, const void *b)
{
    const entry *x = *(entry *const *)a, *y = *(entry *const *)b;
    if (x->file != y->file)
        return (x->file > y->file) - (x->file < y->file);
    if (x->sig.seq != y->sig.seq) /* an id read again keeps its old docid */
        return (x->sig.seq > y->sig.seq) - (x->sig.seq < y->sig.seq);
    return (x->docid > y->docid) - (x->docid < y->docid);
}

static entry *find(pass *p, unsigned docid)
{
    size_t lo = 0, hi = p->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (p->e[mid].docid < docid)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < p->n && p->e[lo].docid == docid ? &p->e[lo] : NULL;
}

/* The earliest copy of `en` read before it, or NULL. */
static entry *earliest_before(pass *p, entry *en, int *x)
{
    unsigned *ids = NULL;
    size_t nids = 0;
    entry *best = NULL;
    *x = izde__story_candidates(p->db->x, &en->sig, &ids, &nids);
    for (size_t i = 0; *x == IZX_OK && i < nids; i++) {
        entry *c = find(p, ids[i]);
        if (c && c->order < en->order && (!best || c->order < best->order) && c->has_sig &&
            izde__story_similarity(&en->sig, &c->sig) >= IZDE_STORY_SAME)
            best = c;
    }
    free(ids);
    return best;
}

/* Store the story assigned to `en` (metadata, values, G term), the
 * document written back once: Xapian 1.4 reads all of a document's
 * positions to change one of its terms. */
static int rewrite(izx_db *x, entry *en, const char *old)
{
    izde_buf t = {0};
    izx_doc *doc = NULL;
    unsigned char key[IZDE_STORY_KEY_BYTES];
    izde__story_key(en->story, key);
    int rc = izx_db_doc_open(x, en->docid, &doc);
    if (rc == IZX_OK)
        rc = izde__doc_set_story(doc, en->story);
    if (rc == IZX_OK)
        rc = izx_doc_set_value(doc, IZDE_SLOT_STORY, en->story, strlen(en->story));
    if (rc == IZX_OK)
        rc = izx_doc_set_value(doc, IZDE_SLOT_STORY_KEY, (const char *)key, sizeof key);
    if (rc == IZX_OK && old)
        rc = izde__story_term(&t, old) ? IZX_ENOMEM : izx_doc_remove_term(doc, t.data, t.len);
    if (rc == IZX_OK)
        rc = izde__story_term(&t, en->story) ? IZX_ENOMEM
                                             : izx_doc_add_boolean_term(doc, t.data, t.len);
    if (rc == IZX_OK)
        rc = izx_db_doc_rewrite(x, en->docid, doc);
    izx_doc_free(doc);
    izde__buf_free(&t);
    return rc;
}

/* Assign the stories in reading order `seq`, rewriting the changed ones. */
static int assign_all(pass *p, entry **seq, unsigned *changed)
{
    int x = IZX_OK;
    for (size_t i = 0; i < p->n && x == IZX_OK; i++) {
        entry *en = seq[i];
        if (!en->id)
            continue;
        entry *c = en->has_sig ? earliest_before(p, en, &x) : NULL;
        const char *want = c ? c->story : en->id;
        if (x != IZX_OK || !want || (en->story && strcmp(en->story, want) == 0))
            continue;
        char *old = en->story;
        if (!(en->story = strdup(want))) {
            en->story = old;
            x = IZX_ENOMEM;
            break;
        }
        x = rewrite(p->db->x, en, old);
        free(old);
        if (changed)
            (*changed)++;
    }
    return x;
}

int izde__story_reassign(izde_db *db, izde_file_rank_fn file_rank, void *ctx, unsigned *changed)
{
    pass p = {.db = db};
    entry **seq = NULL;
    int x = list_docs(&p);
    for (size_t i = 0; i < p.n && x == IZX_OK; i++)
        x = load_entry(&p, &p.e[i], file_rank, ctx);
    if (x == IZX_OK && p.n && !(seq = malloc(p.n * sizeof *seq)))
        x = IZX_ENOMEM;
    for (size_t i = 0; seq && i < p.n; i++)
        seq[i] = &p.e[i];
    if (seq)
        qsort(seq, p.n, sizeof *seq, by_reading);
    for (size_t i = 0; seq && i < p.n; i++)
        seq[i]->order = i;
    if (x == IZX_OK && seq)
        x = assign_all(&p, seq, changed);
    for (size_t i = 0; i < p.n; i++) {
        free(p.e[i].id);
        free(p.e[i].story);
    }
    free(p.e);
    free(seq);
    if (x == IZX_ENOMEM)
        return izde__db_error(db, IZDE_ENOMEM, "out of memory");
    return x == IZX_OK ? IZDE_OK : izde__db_izx_error(db, x, "cannot assign the stories");
}
