/*
 * stats.c - what the index holds (izde_stats_get, `izde stats`):
 * documents, shards, and articles per language, year and source, read
 * from the L, Y and S terms' frequencies; and its JSON form for `izde
 * stats --json` and /api/stats.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "izde-private.h"

typedef struct count_list {
    izde_count *v;
    size_t n, cap;
    size_t skip; /* prefix length */
} count_list;

static int on_term(void *vctx, const char *term, size_t len, unsigned freq)
{
    count_list *c = vctx;
    if (len <= c->skip)
        return 0;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        izde_count *v = realloc(c->v, cap * sizeof *v);
        if (!v)
            return 1;
        c->v = v, c->cap = cap;
    }
    char *k = strndup(term + c->skip, len - c->skip);
    if (!k)
        return 1;
    c->v[c->n++] = (izde_count){k, freq};
    return 0;
}

static void free_counts(izde_count *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i].key);
    free(v);
}

/* The articles of each boolean term under `prefix`, in term order. */
static int count_terms(izde_db *db, const char *prefix, izde_count **out, size_t *n)
{
    count_list c = {.skip = strlen(prefix)};
    int x = izx_db_allterms(db->x, prefix, on_term, &c);
    if (x != IZX_OK) {
        free_counts(c.v, c.n);
        return izde__db_izx_error(db, x, "cannot list the index's terms");
    }
    *out = c.v;
    *n = c.n;
    return IZDE_OK;
}

/* The file signatures with problems (" pN": N records of the file could
 * not be indexed), gathered from every index of a set: a file that
 * several shards signed is counted once. */
typedef struct sig_problem {
    char *file;
    unsigned records;
} sig_problem;

typedef struct sig_list {
    sig_problem *v;
    size_t n, cap;
    int oom;
} sig_list;

static int on_file_sig(void *ctx, const char *key, size_t klen, const char *v, size_t vlen)
{
    sig_list *l = ctx;
    for (size_t i = 0; i + 2 < vlen; i++)
        if (v[i] == ' ' && v[i + 1] == 'p' && v[i + 2] >= '1' && v[i + 2] <= '9') {
            if (l->n == l->cap) {
                size_t cap = l->cap ? l->cap * 2 : 16;
                sig_problem *nv = realloc(l->v, cap * sizeof *nv);
                if (!nv)
                    return l->oom = 1;
                l->v = nv, l->cap = cap;
            }
            char *file = strndup(key, klen);
            if (!file)
                return l->oom = 1;
            l->v[l->n++] = (sig_problem){file, (unsigned)strtoul(v + i + 2, NULL, 10)};
            break;
        }
    return 0;
}

static int by_file(const void *a, const void *b)
{
    return strcmp(((const sig_problem *)a)->file, ((const sig_problem *)b)->file);
}

static int count_problems(izde_db *db, izde_stats *s)
{
    sig_list l = {0};
    size_t nx = db->set.n ? db->set.n : 1;
    int rc = IZDE_OK;
    for (size_t i = 0; i < nx && rc == IZDE_OK && !l.oom; i++) {
        izx_db *x = db->set.n ? db->set.shards[i].x : db->x;
        int xr = x ? izx_db_metadata(x, IZDE_META_FILE, on_file_sig, &l) : IZX_OK;
        if (xr != IZX_OK)
            rc = izde__db_izx_error(db, xr, "cannot read the file signatures");
    }
    if (l.oom && rc == IZDE_OK)
        rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
    if (l.n)
        qsort(l.v, l.n, sizeof *l.v, by_file);
    for (size_t i = 0; i < l.n; i++) {
        if (i == 0 || strcmp(l.v[i].file, l.v[i - 1].file) != 0) {
            s->problem_files++;
            s->problem_records += l.v[i].records;
        }
    }
    for (size_t i = 0; i < l.n; i++)
        free(l.v[i].file);
    free(l.v);
    return rc;
}

static int stats_once(izde_stats **out, izde_db *db)
{
    *out = NULL;
    izde_stats *s = calloc(1, sizeof *s);
    if (!s)
        return izde__db_error(db, IZDE_ENOMEM, "out of memory");
    int x = izx_db_doccount(db->x, &s->documents), rc = IZDE_OK;
    if (x != IZX_OK)
        rc = izde__db_izx_error(db, x, "cannot count documents");
    if (rc == IZDE_OK)
        rc = count_terms(db, IZDE_PREFIX_LANG, &s->languages, &s->nlanguages);
    if (rc == IZDE_OK)
        rc = count_terms(db, IZDE_PREFIX_YEAR, &s->years, &s->nyears);
    if (rc == IZDE_OK)
        rc = count_terms(db, IZDE_PREFIX_SOURCE, &s->sources, &s->nsources);
    if (rc == IZDE_OK)
        rc = count_problems(db, s);
    if (rc != IZDE_OK) {
        izde_stats_free(s);
        return rc;
    }
    s->shards = izde_db_shard_count(db);
    s->format_version = IZDE_INDEX_VERSION;
    *out = s;
    return IZDE_OK;
}

int izde_stats_get(izde_stats **out, izde_db *db)
{
    int rc;
    IZDE__RUN_RECOVERING(db, rc, stats_once(out, db));
    return rc;
}

void izde_stats_free(izde_stats *s)
{
    if (!s)
        return;
    free_counts(s->languages, s->nlanguages);
    free_counts(s->years, s->nyears);
    free_counts(s->sources, s->nsources);
    free(s);
}

static json_t *counts_json(const izde_count *v, size_t n)
{
    json_t *o = json_object();
    for (size_t i = 0; i < n; i++)
        json_object_set_new(o, v[i].key, json_integer(v[i].count));
    return o;
}

int izde_stats_to_json(const izde_stats *s, izde_db *db, char **json_out)
{
    json_t *o = json_object();
    json_object_set_new(o, "documents", json_integer(s->documents));
    json_object_set_new(o, "shards", json_integer(s->shards));
    json_object_set_new(o, "format_version", json_integer(s->format_version));
    json_object_set_new(o, "languages", counts_json(s->languages, s->nlanguages));
    json_object_set_new(o, "years", counts_json(s->years, s->nyears));
    json_object_set_new(o, "sources", counts_json(s->sources, s->nsources));
    json_object_set_new(o, "problems", json_pack("{s:I,s:I}", "files", (json_int_t)s->problem_files,
                                                 "records", (json_int_t)s->problem_records));
    izde__add_partial(o, db);
    *json_out = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    return *json_out ? IZDE_OK : izde__db_error(db, IZDE_ENOMEM, "out of memory");
}

int izde_stats_json(izde_db *db, char **json_out)
{
    izde_stats *s = NULL;
    *json_out = NULL;
    int rc = izde_stats_get(&s, db);
    if (rc == IZDE_OK)
        rc = izde_stats_to_json(s, db, json_out);
    izde_stats_free(s);
    return rc;
}
