/*
 * serve_api.c - the JSON endpoints of `izde serve`: each answers with
 * exactly what the matching command prints with --json (the library
 * builds both), or an error object {"error": ...} with the HTTP status
 * that fits; with format=csv, the command's --csv table instead
 * (csv_tables.c).  No HTTP here: parameters in, status and body out.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "csv_out.h"
#include "serve.h"

/* Pages of facts and checks: what one answer may ask for at most, and
 * what it gets unless it asks. */
#define SERVE_MAX_FACTS 1000          /* n of /api/facts: articles read */
#define SERVE_DEFAULT_FACTS 200
#define SERVE_MAX_GROUPS 1000         /* groups of /api/facts: groups listed */
#define SERVE_DEFAULT_GROUPS 50
#define SERVE_MAX_VALUES 1000         /* values of /api/facts: values per group */
#define SERVE_DEFAULT_VALUES 10
#define SERVE_MAX_CHECK 1000          /* n of /api/check: citations per list */
#define SERVE_DEFAULT_CHECK 20
#define SERVE_MAX_PAGE_OFFSET 1000000 /* offsets of /api/facts and /api/check */

static int utf8_valid(const char *s)
{
    size_t n = strlen(s);
    return izde_utf8_valid_prefix(s, n) == n;
}

/* `in` as valid UTF-8 into out[size]: each byte that is not part of a
 * character becomes U+FFFD, and a character that does not fit is left out
 * whole (never cut). */
static void utf8_mend(const char *in, char *out, size_t size)
{
    size_t len = strlen(in), w = 0;
    for (size_t at = 0; at < len && w + 1 < size;) {
        size_t ok = izde_utf8_valid_prefix(in + at, len - at);
        size_t take = ok < size - 1 - w ? ok : size - 1 - w;
        while (take < ok && take > 0 && ((unsigned char)in[at + take] & 0xC0) == 0x80)
            take--; /* back to the start of the character that does not fit */
        memcpy(out + w, in + at, take);
        w += take;
        if (take < ok || at + ok == len || w + 3 >= size)
            break;
        memcpy(out + w, "\xEF\xBF\xBD", 3);
        w += 3;
        at += ok + 1;
    }
    out[w] = '\0';
}

static serve_reply error_reply(int status, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char text[3 * sizeof msg]; /* a value quoted in msg may hold any byte, or be cut short */
    utf8_mend(msg, text, sizeof text);
    json_t *o = json_pack("{s:s}", "error", text);
    serve_reply r = {status, o ? json_dumps(o, JSON_COMPACT) : NULL, NULL, NULL};
    json_decref(o);
    return r;
}

/* A failed library call: a bad query is the client's, the rest ours. */
static serve_reply lib_error(izde_db *db, int rc)
{
    if (rc == IZDE_EQUERY)
        return error_reply(400, "%s", izde_db_errmsg(db));
    if (rc == IZDE_ENETWORK)
        return error_reply(503, "%s", izde_db_errmsg(db));
    if (rc == IZDE_ENOTFOUND)
        return error_reply(404, "%s", izde_db_errmsg(db));
    return error_reply(500, "%s", izde_db_errmsg(db));
}

/* A text parameter: required or not, valid UTF-8, not too long. */
static int text_param(const serve_params *p, const char *name, int required, const char **out,
                      serve_reply *err)
{
    const char *v = p->get(p->ctx, name);
    *out = v;
    if (!v || !*v) {
        if (required) {
            const char *what = strcmp(name, "claim") == 0 ? "figure to check"
                               : strcmp(name, "id") == 0  ? "id"
                                                          : "query";
            *err = error_reply(400, "give the %s as ?%s=...", what, name);
            return -1;
        }
        *out = NULL;
        return 0;
    }
    size_t n = strlen(v);
    if (n > SERVE_MAX_QUERY_BYTES) {
        *err = error_reply(413, "%s is %zu bytes long; at most %d are taken", name, n,
                           SERVE_MAX_QUERY_BYTES);
        return -1;
    }
    if (!utf8_valid(v)) {
        *err = error_reply(400, "%s is not valid UTF-8", name);
        return -1;
    }
    return 0;
}

/* A count parameter in [0, max]; `def` when absent. */
static int count_param(const serve_params *p, const char *name, long def, long max, long *out,
                       serve_reply *err)
{
    const char *v = p->get(p->ctx, name);
    *out = def;
    if (!v || !*v)
        return 0;
    char *end;
    long n = strtol(v, &end, 10);
    if (!utf8_valid(v)) {
        *err = error_reply(400, "%s is not valid UTF-8", name);
        return -1;
    }
    if (*end || n < 0 || n > max) {
        *err = error_reply(400, "%s must be a number from 0 to %ld, not '%.40s'", name, max, v);
        return -1;
    }
    *out = n;
    return 0;
}

static serve_reply json_reply(char *json)
{
    return (serve_reply){200, json, NULL, NULL};
}

/* format: json (the default) or csv; 1 for csv, 0 for json, -1 with
 * *err set. */
static int want_csv(const serve_params *p, serve_reply *err)
{
    const char *f = p->get(p->ctx, "format");
    if (!f || !*f || strcmp(f, "json") == 0)
        return 0;
    if (strcmp(f, "csv") == 0)
        return 1;
    *err = error_reply(400, "format takes json (the default) or csv, not '%.40s'",
                       utf8_valid(f) ? f : "?");
    return -1;
}

/* What `write` writes of `what` as a CSV attachment named `filename`. */
static serve_reply csv_reply(void (*write)(FILE *, const void *), const void *what,
                             const char *filename)
{
    char *body = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&body, &len);
    if (!f)
        return error_reply(500, "out of memory");
    write(f, what);
    if (fclose(f) != 0) {
        free(body);
        return error_reply(500, "out of memory");
    }
    return (serve_reply){200, body, filename, NULL};
}

static void write_facts(FILE *f, const void *x) { csv_facts(f, x); }
static void write_check(FILE *f, const void *c) { csv_check(f, c); }

/* The hits of `q` as CSV, searched a page at a time (csv_search). */
static serve_reply search_csv(izde_db *db, const char *q, const izde_search_options *o)
{
    char *body = NULL;
    size_t len = 0;
    izde_results *first = NULL;
    FILE *f = open_memstream(&body, &len);
    if (!f)
        return error_reply(500, "out of memory");
    int rc = csv_search(f, db, q, o, &first);
    izde_results_free(first);
    if (fclose(f) != 0 || rc != IZDE_OK) {
        free(body);
        return rc != IZDE_OK ? lib_error(db, rc) : error_reply(500, "out of memory");
    }
    return (serve_reply){200, body, "izde-search.csv", NULL};
}

static serve_reply api_search(izde_db *db, const serve_params *p)
{
    serve_reply err;
    const char *q, *sort;
    long n, offset, all_copies;
    int csv = want_csv(p, &err);
    if (csv < 0 || text_param(p, "q", 1, &q, &err) ||
        count_param(p, "n", csv ? CSV_SEARCH_ROWS : 10, csv ? CSV_SEARCH_ROWS : SERVE_MAX_HITS,
                    &n, &err) ||
        count_param(p, "offset", 0, SERVE_MAX_OFFSET, &offset, &err) ||
        count_param(p, "all_copies", 0, 1, &all_copies, &err) ||
        text_param(p, "sort", 0, &sort, &err))
        return err;
    izde_search_options o = {.offset = (unsigned)offset, .limit = (unsigned)n,
                             .all_copies = (int)all_copies};
    if (!sort || strcmp(sort, "relevance") == 0)
        o.sort = IZDE_SORT_RELEVANCE;
    else if (strcmp(sort, "date") == 0)
        o.sort = IZDE_SORT_OLDEST;
    else if (strcmp(sort, "-date") == 0)
        o.sort = IZDE_SORT_NEWEST;
    else
        return error_reply(400, "sort takes relevance, date or -date, not '%.40s'", sort);
    if (csv)
        return search_csv(db, q, &o);
    izde_results *r = NULL;
    int rc = izde_search_ex(&r, db, q, &o);
    if (rc != IZDE_OK)
        return lib_error(db, rc);
    char *json = NULL;
    rc = izde_results_json(r, db, q, -1, &json);
    izde_results_free(r);
    return rc == IZDE_OK ? json_reply(json) : error_reply(500, "out of memory");
}

/* One stored article: what `izde show --json` prints. */
static serve_reply api_doc(izde_db *db, const serve_params *p)
{
    serve_reply err;
    const char *id;
    if (text_param(p, "id", 1, &id, &err))
        return err;
    char *json = NULL;
    int rc = izde_article_json(db, id, &json);
    return rc == IZDE_OK ? json_reply(json) : lib_error(db, rc);
}

/* The articles like one: what `izde similar --json ID [q]` prints. */
static serve_reply api_similar(izde_db *db, const serve_params *p)
{
    serve_reply err;
    const char *id, *q;
    long n, offset;
    if (text_param(p, "id", 1, &id, &err) || text_param(p, "q", 0, &q, &err) ||
        count_param(p, "n", 10, SERVE_MAX_HITS, &n, &err) ||
        count_param(p, "offset", 0, SERVE_MAX_OFFSET, &offset, &err))
        return err;
    izde_search_options o = {.offset = (unsigned)offset, .limit = (unsigned)n, .like = id};
    izde_results *r = NULL;
    int rc = izde_search_ex(&r, db, q ? q : "", &o);
    if (rc != IZDE_OK)
        return lib_error(db, rc);
    char *json = NULL;
    rc = izde_results_json(r, db, q ? q : "", -1, &json);
    izde_results_free(r);
    return rc == IZDE_OK ? json_reply(json) : error_reply(500, "out of memory");
}

static serve_reply api_facts(izde_db *db, const serve_params *p)
{
    serve_reply err;
    const char *q;
    long n, offset, groups, goffset, values;
    int csv = want_csv(p, &err);
    if (csv < 0 || text_param(p, "q", 1, &q, &err) ||
        count_param(p, "n", SERVE_DEFAULT_FACTS, SERVE_MAX_FACTS, &n, &err) ||
        count_param(p, "offset", 0, SERVE_MAX_PAGE_OFFSET, &offset, &err) ||
        count_param(p, "groups", csv ? SERVE_MAX_GROUPS : SERVE_DEFAULT_GROUPS,
                    SERVE_MAX_GROUPS, &groups, &err) ||
        count_param(p, "goffset", 0, SERVE_MAX_PAGE_OFFSET, &goffset, &err) ||
        count_param(p, "values", csv ? SERVE_MAX_VALUES : SERVE_DEFAULT_VALUES,
                    SERVE_MAX_VALUES, &values, &err))
        return err;
    if (groups == 0 || values == 0)
        return error_reply(400, "%s must be a number from 1 to %d, not 0",
                           groups == 0 ? "groups" : "values",
                           groups == 0 ? SERVE_MAX_GROUPS : SERVE_MAX_VALUES);
    izde_facts_options o = {.offset = (unsigned)offset, .max_docs = (unsigned)n,
                            .group_offset = (unsigned)goffset, .max_groups = (unsigned)groups,
                            .max_values = (unsigned)values};
    izde_facts *f = NULL;
    int rc = izde_facts_ex(&f, db, q, &o);
    if (rc == IZDE_OK && csv) {
        serve_reply rep = csv_reply(write_facts, f, "izde-facts.csv");
        izde_facts_free(f);
        return rep;
    }
    char *json = NULL;
    if (rc == IZDE_OK)
        rc = izde_facts_to_json(f, db, q, &json);
    izde_facts_free(f);
    return rc == IZDE_OK ? json_reply(json) : lib_error(db, rc);
}

static serve_reply api_check(izde_db *db, const serve_params *p)
{
    serve_reply err;
    const char *claim, *in, *date;
    long n, offset;
    int csv = want_csv(p, &err);
    if (csv < 0 || text_param(p, "claim", 1, &claim, &err) || text_param(p, "q", 0, &in, &err) ||
        text_param(p, "date", 0, &date, &err) ||
        count_param(p, "n", csv ? SERVE_MAX_CHECK : SERVE_DEFAULT_CHECK, SERVE_MAX_CHECK, &n,
                    &err) ||
        count_param(p, "offset", 0, SERVE_MAX_PAGE_OFFSET, &offset, &err))
        return err;
    izde_check_options o = {.in = in, .date = date, .offset = (unsigned)offset,
                            .limit = (unsigned)n};
    izde_check *c = NULL;
    int rc = izde_check_ex(&c, db, claim, &o);
    if (rc == IZDE_OK && csv) {
        serve_reply rep = csv_reply(write_check, c, "izde-check.csv");
        izde_check_free(c);
        return rep;
    }
    char *json = NULL;
    if (rc == IZDE_OK)
        rc = izde_check_to_json(c, db, &json);
    izde_check_free(c);
    if (rc == IZDE_EINVAL)
        return error_reply(400, "%s", izde_db_errmsg(db));
    return rc == IZDE_OK ? json_reply(json) : lib_error(db, rc);
}

static serve_reply api_timeline(izde_db *db, const serve_params *p)
{
    serve_reply err;
    const char *q, *by, *mentioned, *labels;
    if (text_param(p, "q", 1, &q, &err) || text_param(p, "by", 0, &by, &err) ||
        text_param(p, "mentioned", 0, &mentioned, &err) || text_param(p, "labels", 0, &labels, &err))
        return err;
    if (labels && strcmp(labels, "ru") != 0 && strcmp(labels, "en") != 0)
        return error_reply(400, "labels takes ru or en, not '%.40s'", labels);
    char b = !by || strcmp(by, "month") == 0 ? 'm'
             : strcmp(by, "year") == 0       ? 'y'
             : strcmp(by, "week") == 0       ? 'w'
                                             : 0;
    if (!b)
        return error_reply(400, "by takes year, month or week, not '%.40s'", by);
    int m = mentioned && strcmp(mentioned, "0") != 0;
    char *json = NULL;
    izde_timeline *t = NULL;
    int rc = izde_timeline_get(&t, db, q, b, m);
    if (rc == IZDE_OK) {
        t->english = labels && strcmp(labels, "en") == 0;
        rc = izde_timeline_to_json(t, db, q, &json);
    }
    izde_timeline_free(t);
    return rc == IZDE_OK ? json_reply(json) : lib_error(db, rc);
}

static serve_reply api_stats(izde_db *db, const serve_params *p)
{
    (void)p;
    char *json = NULL;
    int rc = izde_stats_json(db, &json);
    return rc == IZDE_OK ? json_reply(json) : lib_error(db, rc);
}

/* The saved searches (izde watch list --json) with their feeds. */
static serve_reply api_watches(izde_db *db, const serve_params *p)
{
    (void)p;
    izde_watches *ws = NULL;
    int rc = izde_watches_get(&ws, db);
    if (rc != IZDE_OK)
        return lib_error(db, rc);
    char *s = izde_watches_json(ws);
    json_t *a = s ? json_loads(s, 0, NULL) : NULL;
    izde_free(s);
    izde_watches_free(ws);
    for (size_t i = 0; i < json_array_size(a); i++) {
        json_t *o = json_array_get(a, i);
        char feed[128];
        snprintf(feed, sizeof feed, "/feeds/%s.atom",
                 json_string_value(json_object_get(o, "name")));
        json_object_set_new(o, "feed", json_string(feed));
    }
    json_t *top = a ? json_pack("{s:o}", "watches", a) : NULL;
    char *out = top ? json_dumps(top, JSON_COMPACT) : NULL;
    json_decref(top);
    return json_reply(out);
}

static const struct endpoint {
    const char *path;
    serve_reply (*fn)(izde_db *db, const serve_params *p);
} endpoints[] = {
    {"/api/search", api_search},     {"/api/facts", api_facts}, {"/api/check", api_check},
    {"/api/timeline", api_timeline}, {"/api/stats", api_stats},
    {"/api/doc", api_doc},           {"/api/similar", api_similar},
    {"/api/watches", api_watches},
};

int serve_is_api(const char *path)
{
    return strncmp(path, "/api/", 5) == 0 || strcmp(path, "/api") == 0;
}

serve_reply serve_api(izde_db *db, const char *path, const serve_params *p)
{
    if (!utf8_valid(path))
        return error_reply(400, "the path '%.200s' is not valid UTF-8", path);
    /* expand=0: every query word as typed (izde_db_set_expansion) */
    const char *ex = p->get(p->ctx, "expand");
    if (ex && *ex && strcmp(ex, "0") != 0 && strcmp(ex, "1") != 0)
        return error_reply(400, "expand takes 0 (words as typed) or 1 (the default), not '%.40s'",
                           utf8_valid(ex) ? ex : "?");
    for (size_t i = 0; i < sizeof endpoints / sizeof *endpoints; i++)
        if (strcmp(path, endpoints[i].path) == 0) {
            izde_db_set_expansion(db, !(ex && strcmp(ex, "0") == 0));
            serve_reply r = endpoints[i].fn(db, p);
            izde_db_set_expansion(db, 1);
            return r;
        }
    return error_reply(404, "no such endpoint '%.200s': /api/search, /api/facts, /api/check, "
                            "/api/timeline, /api/stats, /api/doc, /api/similar and /api/watches "
                            "are", path);
}

serve_reply serve_error(int status, const char *msg)
{
    return error_reply(status, "%s", msg);
}
