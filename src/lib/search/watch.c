/*
 * watch.c - saved searches (README, "izde watch"): each is the metadata
 * key izde.watch:NAME of the index holding a small JSON object (the query,
 * when it was added, the last index run it has seen, when it last ran and
 * how many new articles it listed then; index/SCHEMA.md, "Saved
 * searches"), so that they survive restarts and `izde serve` reads them.
 * What is new to a saved search: the articles of the index runs after the
 * one it has seen (izde_search_options.from_run, db/run.c).
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "izde-private.h"

#define WATCH_NAME_MAX 64

struct izde_watches {
    izde_watch *v;
    json_t **obj; /* the parsed value of each, owning its strings */
    char **names;
    size_t n, cap;
    int failed;
};

const char *izde_watch_name_problem(const char *name)
{
    size_t n = strlen(name);
    if (n == 0)
        return "it is empty";
    if (n > WATCH_NAME_MAX)
        return "it is longer than 64 characters";
    if (!((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= '0' && name[0] <= '9')))
        return "it does not start with a small Latin letter or a digit";
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return "it holds a character other than a-z, 0-9, - and _";
    }
    return NULL;
}

static int on_watch(void *ctx, const char *key, size_t klen, const char *value, size_t vlen)
{
    izde_watches *w = ctx;
    size_t plen = strlen(IZDE_META_WATCH);
    json_t *o = json_loadb(value, vlen, 0, NULL);
    if (!json_is_object(o) || !json_is_string(json_object_get(o, "query"))) {
        json_decref(o); /* not one this version wrote: left alone */
        return 0;
    }
    if (w->n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 8;
        izde_watch *v = realloc(w->v, cap * sizeof *v);
        json_t **obj = v ? realloc(w->obj, cap * sizeof *obj) : NULL;
        char **names = obj ? realloc(w->names, cap * sizeof *names) : NULL;
        if (v)
            w->v = v;
        if (obj)
            w->obj = obj;
        if (!names) {
            json_decref(o);
            w->failed = 1;
            return 1;
        }
        w->names = names;
        w->cap = cap;
    }
    char *name = izde__strdupf("%.*s", (int)(klen - plen), key + plen);
    if (!name) {
        json_decref(o);
        w->failed = 1;
        return 1;
    }
    json_t *ran = json_object_get(o, "ran"), *last = json_object_get(o, "new");
    w->v[w->n] = (izde_watch){
        .name = name,
        .query = json_string_value(json_object_get(o, "query")),
        .added = json_string_value(json_object_get(o, "added")),
        .seen = (unsigned long)json_integer_value(json_object_get(o, "seen")),
        .all = json_is_true(json_object_get(o, "all")),
        .ran = json_string_value(ran),
        .last_new = json_is_integer(last) ? (long)json_integer_value(last) : -1,
    };
    w->obj[w->n] = o;
    w->names[w->n++] = name;
    return 0;
}

int izde_watches_get(izde_watches **out, izde_db *db)
{
    *out = NULL;
    izde_watches *w = calloc(1, sizeof *w);
    if (!w)
        return izde__db_error(db, IZDE_ENOMEM, "out of memory");
    int x = izx_db_metadata(db->x, IZDE_META_WATCH, on_watch, w);
    if (x != IZX_OK || w->failed) {
        izde_watches_free(w);
        return x != IZX_OK ? izde__db_izx_error(db, x, "cannot read the saved searches")
                           : izde__db_error(db, IZDE_ENOMEM, "out of memory");
    }
    *out = w;
    return IZDE_OK;
}

size_t izde_watches_count(const izde_watches *w)
{
    return w ? w->n : 0;
}

const izde_watch *izde_watches_at(const izde_watches *w, size_t i)
{
    return w && i < w->n ? &w->v[i] : NULL;
}

const izde_watch *izde_watches_find(const izde_watches *w, const char *name)
{
    for (size_t i = 0; w && i < w->n; i++)
        if (strcmp(w->v[i].name, name) == 0)
            return &w->v[i];
    return NULL;
}

char *izde_watches_names(const izde_watches *w)
{
    izde_buf b = {0};
    for (size_t i = 0; w && i < w->n; i++)
        if ((i && izde__buf_puts(&b, ", ")) || izde__buf_puts(&b, w->v[i].name)) {
            izde__buf_free(&b);
            return NULL;
        }
    if (!b.data)
        return izde__strdupf("none");
    return b.data;
}

void izde_watches_free(izde_watches *w)
{
    if (!w)
        return;
    for (size_t i = 0; i < w->n; i++) {
        json_decref(w->obj[i]);
        free(w->names[i]);
    }
    free(w->v);
    free(w->obj);
    free(w->names);
    free(w);
}

char *izde_watches_json(const izde_watches *w)
{
    json_t *a = json_array();
    for (size_t i = 0; a && w && i < w->n; i++) {
        const izde_watch *v = &w->v[i];
        json_t *o = json_object();
        izde__json_set_strs(o, (const char *const[]){"name", "query", "added", "ran"},
                            (const char *const[]){v->name, v->query, v->added, v->ran}, 4);
        json_object_set_new(o, "seen_run", json_integer((json_int_t)v->seen));
        json_object_set_new(o, "all", json_boolean(v->all));
        json_object_set_new(o, "last_new", v->last_new < 0 ? json_null()
                                                           : json_integer(v->last_new));
        json_array_append_new(a, o);
    }
    char *s = a ? json_dumps(a, JSON_COMPACT) : NULL;
    json_decref(a);
    return s;
}

/* Write watch `name`'s object and commit. */
static int store(izde_db *db, const char *name, json_t *o)
{
    char *key = izde__strdupf("%s%s", IZDE_META_WATCH, name);
    char *v = o ? json_dumps(o, JSON_COMPACT) : NULL;
    int x = key && v ? izx_db_set_metadata(db->x, key, v, strlen(v)) : IZX_ENOMEM;
    free(key);
    free(v);
    if (x != IZX_OK)
        return x == IZX_ENOMEM ? izde__db_error(db, IZDE_ENOMEM, "out of memory")
                               : izde__db_izx_error(db, x, "cannot save the search");
    return izde_db_commit(db);
}

static int need_writable(izde_db *db)
{
    if (!db->writable)
        return izde__db_error(db, IZDE_EINVAL, "the index was opened read-only");
    if (db->set.n > 1)
        return izde__db_error(db, IZDE_EINVAL, "saved searches live in one index, not a set "
                              "of shards");
    return IZDE_OK;
}

int izde_last_run(izde_db *db, unsigned long *run_out)
{
    char t[IZDE_RUN_TIME_MAX];
    int x = izde__run_last(db->x, run_out, t);
    return x == IZX_OK ? IZDE_OK : izde__db_izx_error(db, x, "cannot read the last index run");
}

int izde_watch_add(izde_db *db, const char *name, const char *query, int replace, int from_start)
{
    const char *why = izde_watch_name_problem(name);
    int rc = need_writable(db);
    if (rc != IZDE_OK)
        return rc;
    if (why)
        return izde__db_error(db, IZDE_EINVAL, "'%s' cannot name a saved search: %s; use 1 to "
                              "64 of a-z, 0-9, - and _, starting with a letter or digit "
                              "(e.g. 'flood-osh')", name, why);
    izde_pquery pq;
    if ((rc = izde__db_parse_query(db, query, &pq)) != IZDE_OK)
        return izde__db_error(db, rc, "bad query '%s': %s", query, izde_db_errmsg(db));
    izde__pquery_clear(&pq);
    izde_watches *w = NULL;
    unsigned long run = 0;
    if ((rc = izde_watches_get(&w, db)) != IZDE_OK || (rc = izde_last_run(db, &run)) != IZDE_OK)
        return rc;
    const izde_watch *old = izde_watches_find(w, name);
    if (old && !replace) {
        rc = izde__db_error(db, IZDE_EINVAL, "a saved search named '%s' exists (query '%s'): "
                            "give --replace to change it, or another name", name, old->query);
        izde_watches_free(w);
        return rc;
    }
    izde_watches_free(w);
    char now[IZDE_RUN_TIME_MAX];
    izde__run_now(now);
    json_t *o = json_pack("{s:s, s:s, s:I}", "query", query, "added", now, "seen",
                          (json_int_t)run);
    if (o && from_start)
        json_object_set_new(o, "all", json_true());
    rc = store(db, name, o);
    json_decref(o);
    return rc;
}

int izde_watch_remove(izde_db *db, const char *name)
{
    int rc = need_writable(db);
    izde_watches *w = NULL;
    if (rc != IZDE_OK || (rc = izde_watches_get(&w, db)) != IZDE_OK)
        return rc;
    if (!izde_watches_find(w, name)) {
        char *names = izde_watches_names(w);
        rc = izde__db_error(db, IZDE_ENOTFOUND, "no saved search named '%s'; saved: %s", name,
                            names ? names : "?");
        free(names);
        izde_watches_free(w);
        return rc;
    }
    izde_watches_free(w);
    char *key = izde__strdupf("%s%s", IZDE_META_WATCH, name);
    int x = key ? izx_db_set_metadata(db->x, key, "", 0) : IZX_ENOMEM;
    free(key);
    if (x != IZX_OK)
        return izde__db_izx_error(db, x, "cannot remove the saved search");
    return izde_db_commit(db);
}

int izde_watch_mark(izde_db *db, const char *name, unsigned long run, unsigned listed)
{
    int rc = need_writable(db);
    izde_watches *w = NULL;
    if (rc != IZDE_OK || (rc = izde_watches_get(&w, db)) != IZDE_OK)
        return rc;
    const izde_watch *v = izde_watches_find(w, name);
    if (!v) {
        izde_watches_free(w);
        return izde__db_error(db, IZDE_ENOTFOUND, "no saved search named '%s'", name);
    }
    char now[IZDE_RUN_TIME_MAX];
    izde__run_now(now);
    json_t *o = json_pack("{s:s, s:s?, s:I, s:s, s:I}", "query", v->query, "added", v->added,
                          "seen", (json_int_t)run, "ran", now, "new", (json_int_t)listed);
    izde_watches_free(w);
    rc = store(db, name, o);
    json_decref(o);
    return rc;
}
