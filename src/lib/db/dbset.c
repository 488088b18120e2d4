/*
 * dbset.c - several indexes searched as one: index folders and remote
 * shards (tcp://HOST:PORT, served by xapian-tcpsrv) combined into one
 * Xapian database, whose statistics are those of a single index holding
 * every article, so ranking, counts and facets do not change.  Also the
 * shard list files that name such a set, the checks that the shards of
 * `izde index --shards N` are all there and each only once, and what
 * happens when a remote shard stops answering: an error naming it, or,
 * with allow_partial, results from the rest with the shard named as
 * missing.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "izde-private.h"

#define DEFAULT_TIMEOUT_MS 10000
#define MAX_SHARDS 1024
#define MAX_LIST_DEPTH 4

static int is_tcp(const char *s)
{
    return strncmp(s, "tcp://", 6) == 0;
}

/* A Xapian stub file ("auto /path", "remote ..."): Xapian opens it itself. */
static int is_xapian_stub(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    char line[512];
    int stub = 0;
    while (!stub && fgets(line, sizeof line, f)) {
        const char *p = line + strspn(line, " \t");
        if (*p == '#' || *p == '\n' || *p == '\0')
            continue;
        static const char *const kinds[] = {"auto ", "glass ", "chert ", "remote ", "inmemory"};
        for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
            if (strncmp(p, kinds[i], strlen(kinds[i])) == 0)
                stub = 1;
        break;
    }
    fclose(f);
    return stub;
}

/* The shard list a path names, malloc'ed, or NULL when it is not one. */
static char *shard_list_file(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return NULL;
    if (S_ISREG(st.st_mode))
        return is_xapian_stub(path) ? NULL : strdup(path);
    if (!S_ISDIR(st.st_mode))
        return NULL;
    char *glass = izde__strdupf("%s/iamglass", path);
    char *list = izde__strdupf("%s/%s", path, IZDE_SHARD_LIST);
    int db_here = glass && stat(glass, &st) == 0;
    free(glass);
    if (!db_here && list && stat(list, &st) == 0 && S_ISREG(st.st_mode))
        return list;
    free(list);
    return NULL;
}

int izde__is_shard_spec(const char *path)
{
    if (is_tcp(path))
        return 1;
    char *l = shard_list_file(path);
    free(l);
    return l != NULL;
}

/* ---- building the list of shards ---------------------------------------- */

typedef struct spec_list {
    izde_shard *v;
    size_t n, cap;
} spec_list;

/* tcp://HOST:PORT -> host and port; a message on failure. */
static char *parse_tcp(const char *spec, char **host, unsigned *port)
{
    const char *hp = spec + 6;
    const char *colon = strrchr(hp, ':');
    if (!colon || colon == hp)
        return izde__strdupf("'%s' names no host and port: write tcp://HOST:PORT", spec);
    char *end;
    errno = 0;
    unsigned long p = strtoul(colon + 1, &end, 10);
    if (colon[1] == '\0' || *end != '\0' || errno || p == 0 || p > 65535)
        return izde__strdupf("'%s': the port must be a number from 1 to 65535", spec);
    const char *h = hp;
    size_t hlen = (size_t)(colon - hp);
    if (hlen >= 2 && h[0] == '[' && h[hlen - 1] == ']') /* [::1]:7000 */
        h++, hlen -= 2;
    *host = strndup(h, hlen);
    *port = (unsigned)p;
    return *host ? NULL : izde__strdupf("out of memory");
}

static int add_spec(spec_list *l, const char *spec, char **errmsg)
{
    if (!is_tcp(spec)) {
        int rc = izde__check_index_path(spec, 0, errmsg);
        if (rc != IZDE_OK)
            return rc;
    }
    if (l->n >= MAX_SHARDS) {
        *errmsg = izde__strdupf("more than %d indexes to search as one", MAX_SHARDS);
        return IZDE_EINVAL;
    }
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        izde_shard *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return IZDE_ENOMEM;
        l->v = v;
        l->cap = cap;
    }
    izde_shard *s = &l->v[l->n];
    memset(s, 0, sizeof *s);
    if (!(s->spec = strdup(spec)))
        return IZDE_ENOMEM;
    l->n++;
    if (is_tcp(spec)) {
        char *m = parse_tcp(spec, &s->host, &s->port);
        if (m) {
            *errmsg = m;
            return IZDE_EINVAL;
        }
    }
    return IZDE_OK;
}

static int expand(spec_list *l, const char *spec, int depth, char **errmsg);

/* Each line of a shard list: a spec, folders relative to the list's own. */
static int read_list(spec_list *l, const char *file, int depth, char **errmsg)
{
    if (depth > MAX_LIST_DEPTH) {
        *errmsg = izde__strdupf("shard list '%s': lists nested more than %d deep (a loop?)", file,
                                MAX_LIST_DEPTH);
        return IZDE_EINVAL;
    }
    FILE *f = fopen(file, "r");
    if (!f) {
        *errmsg = izde__strdupf("cannot read shard list '%s': %s", file, strerror(errno));
        return IZDE_ENOTFOUND;
    }
    char *dir = strdup(file);
    char *slash = dir ? strrchr(dir, '/') : NULL;
    if (slash)
        *slash = '\0';
    char line[PATH_MAX + 64];
    unsigned long lineno = 0;
    size_t before = l->n;
    int rc = dir ? IZDE_OK : IZDE_ENOMEM;
    while (rc == IZDE_OK && fgets(line, sizeof line, f)) {
        lineno++;
        size_t len = strlen(line);
        if (len == sizeof line - 1 && line[len - 1] != '\n') {
            *errmsg = izde__strdupf("shard list '%s', line %lu: line too long", file, lineno);
            rc = IZDE_EINVAL;
            break;
        }
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r' || line[len - 1] == ' ' ||
                       line[len - 1] == '\t'))
            line[--len] = '\0';
        char *p = line + strspn(line, " \t");
        if (!*p || *p == '#')
            continue;
        char *full = NULL;
        if (is_tcp(p) || *p == '/' || !slash)
            full = strdup(p);
        else
            full = izde__strdupf("%s/%s", dir, p);
        if (!full) {
            rc = IZDE_ENOMEM;
            break;
        }
        char *sub = NULL;
        rc = expand(l, full, depth + 1, &sub);
        if (rc != IZDE_OK && sub) {
            *errmsg = izde__strdupf("shard list '%s', line %lu: %s", file, lineno, sub);
            free(sub);
        }
        free(full);
    }
    if (rc == IZDE_OK && ferror(f)) {
        *errmsg = izde__strdupf("cannot read shard list '%s': %s", file, strerror(errno));
        rc = IZDE_EIO;
    }
    if (rc == IZDE_OK && l->n == before) {
        *errmsg = izde__strdupf("'%s' is a file that names no index: --db takes an index "
                                "folder, or a shard list with one folder or tcp://HOST:PORT "
                                "per line", file);
        rc = IZDE_EINVAL;
    }
    fclose(f);
    free(dir);
    return rc;
}

static int expand(spec_list *l, const char *spec, int depth, char **errmsg)
{
    if (!*spec) {
        *errmsg = izde__strdupf("an empty index path");
        return IZDE_EINVAL;
    }
    char *list = is_tcp(spec) ? NULL : shard_list_file(spec);
    int rc = list ? read_list(l, list, depth, errmsg) : add_spec(l, spec, errmsg);
    free(list);
    return rc;
}

/* ---- opening ------------------------------------------------------------ */

static const char *down_advice(const izde_db *db)
{
    return db->set.allow_partial ? ""
                             : "; start its server again (tools/shard-servers.sh start), or "
                               "search the others with --allow-partial";
}

/* Open one shard; on failure its reason is set and the status returned. */
static int open_shard(izde_db *db, izde_shard *s)
{
    char *xmsg = NULL;
    if (!s->host) {
        free(s->reason);
        s->reason = NULL;
        int grc = izde__tables_guard(s->spec, 0, &s->reason);
        if (grc != IZDE_OK) {
            s->reason = s->reason ? s->reason : izde__strdupf("%s", izde_status_name(grc));
            return grc;
        }
    }
    int xrc = s->host ? izx_db_open_remote(&s->x, s->host, s->port, db->set.timeout_ms, &xmsg)
                      : izx_db_open(&s->x, s->spec, IZX_DB_READONLY, &xmsg);
    int rc = izde__status_from_izx(xrc);
    free(s->reason);
    s->reason = NULL;
    if (xrc == IZX_ETIMEOUT)
        s->reason = izde__strdupf("no answer within %u ms (%s)", db->set.timeout_ms,
                                  xmsg ? xmsg : "timeout");
    else if (xrc == IZX_ENETWORK)
        s->reason = izde__strdupf("cannot connect (%s)", xmsg ? xmsg : "network error");
    else if (xrc == IZX_ENOTFOUND)
        s->reason = izde__strdupf("no index there");
    else if (xrc != IZX_OK)
        s->reason = izde__strdupf("%s", xmsg ? xmsg : izx_status_name(xrc));
    izx_free(xmsg);
    if (xrc != IZX_OK) {
        s->x = NULL;
        return rc;
    }
    char *vmsg = NULL;
    rc = izde__check_version(s->x, s->spec, 0, &vmsg);
    if (rc != IZDE_OK) {
        s->reason = vmsg ? vmsg : izde__strdupf("%s", izde_status_name(rc));
        izx_db_free(s->x);
        s->x = NULL;
    } else {
        free(vmsg);
    }
    return rc;
}

/* Combine the shards still open into db->x. */
static int combine(izde_db *db)
{
    izx_db **parts = calloc(db->set.n ? db->set.n : 1, sizeof *parts);
    if (!parts)
        return izde__db_error(db, IZDE_ENOMEM, "out of memory");
    size_t n = 0;
    for (size_t i = 0; i < db->set.n; i++)
        if (db->set.shards[i].x)
            parts[n++] = db->set.shards[i].x;
    izx_db_free(db->x);
    db->x = NULL;
    int rc = IZDE_OK;
    if (n == 0) {
        rc = izde__db_error(db, IZDE_ENETWORK, "no shard of '%s' could be searched: %s", db->path,
                            db->set.n && db->set.shards[0].reason ? db->set.shards[0].reason : "");
    } else {
        char *xmsg = NULL;
        int xrc = izx_db_combine(&db->x, parts, n, &xmsg);
        if (xrc == IZX_OK)
            izx_db_set_time_limit(db->x, db->time_limit_ms / 1000.0);
        if (xrc != IZX_OK)
            rc = izde__db_error(db, izde__status_from_izx(xrc), "cannot combine the shards: %s",
                                xmsg ? xmsg : izx_status_name(xrc));
        izx_free(xmsg);
    }
    free(parts);
    return rc;
}

/* Shard k (0-based) of n, from the "K/N" mark of `izde index --shards`
 * and `--shard`; 0 when unmarked. */
static int shard_label(izx_db *x, unsigned *k, unsigned *n)
{
    char *v = NULL;
    unsigned K = 0;
    int ok = 0;
    if (izx_db_get_metadata(x, IZDE_META_SHARD, &v, NULL) == IZX_OK && v)
        ok = sscanf(v, "%u/%u", &K, n) == 2 && *n > 0 && K >= 1 && K <= *n;
    izx_free(v);
    *k = K - 1;
    return ok;
}

/* Name a shard that was never listed (allow_partial). */
static int add_unlisted(izde_db *db, unsigned k, unsigned n)
{
    izde_shard *v = realloc(db->set.shards, (db->set.n + 1) * sizeof *v);
    if (!v)
        return IZDE_ENOMEM;
    db->set.shards = v;
    izde_shard *s = &v[db->set.n];
    memset(s, 0, sizeof *s);
    s->spec = izde__strdupf("shard %u of %u", k + 1, n);
    s->reason = strdup("not listed");
    if (!s->spec || !s->reason) {
        free(s->spec);
        free(s->reason);
        return IZDE_ENOMEM;
    }
    db->set.n++;
    return IZDE_OK;
}

/* Shards of `izde index --shards N`: one set, each once, all N there
 * (unless allow_partial, which names the missing ones). */
static int check_set(izde_db *db, char **errmsg_out)
{
    unsigned n = 0, labelled = 0;
    const char **who = NULL; /* who[k]: the spec of shard k */
    const char *first = NULL;
    int rc = IZDE_OK;
    size_t listed = db->set.n, down = 0;
    for (size_t i = 0; i < listed && rc == IZDE_OK; i++) {
        unsigned k, sn;
        if (!db->set.shards[i].x) {
            down++;
            continue;
        }
        if (!shard_label(db->set.shards[i].x, &k, &sn))
            continue;
        if (!first) {
            first = db->set.shards[i].spec;
            n = sn;
            if (!(who = calloc(n, sizeof *who)))
                return IZDE_ENOMEM;
        }
        if (sn != n) {
            *errmsg_out = izde__strdupf("'%s' is shard %u of %u but '%s' is one of %u: list the "
                                        "shards of one `izde index --shards` run",
                                        db->set.shards[i].spec, k + 1, sn, first, n);
            rc = IZDE_EINVAL;
        } else if (who[k]) {
            *errmsg_out = izde__strdupf("'%s' and '%s' are both shard %u of %u: list each shard "
                                        "once, or its articles count twice",
                                        who[k], db->set.shards[i].spec, k + 1, n);
            rc = IZDE_EINVAL;
        } else {
            who[k] = db->set.shards[i].spec;
            labelled++;
        }
    }
    /* a shard down at open time cannot say which it is: only when none
     * is down does a gap prove a shard unlisted */
    for (unsigned k = 0; rc == IZDE_OK && who && down == 0 && k < n; k++) {
        if (who[k])
            continue;
        if (!db->set.allow_partial) {
            *errmsg_out = izde__strdupf("shard %u of %u is not listed (%u of the %u shards "
                                        "given): results would miss its articles; list every "
                                        "shard, or add --allow-partial", k + 1, n, labelled, n);
            rc = IZDE_EINVAL;
        } else {
            rc = add_unlisted(db, k, n);
        }
    }
    free(who);
    return rc;
}

static char *join_specs(const char *const *specs, size_t n)
{
    izde_buf b = {0};
    for (size_t i = 0; i < n; i++) {
        if (i)
            izde__buf_puts(&b, " + ");
        izde__buf_puts(&b, specs[i]);
    }
    if (b.oom || !b.data) {
        izde__buf_free(&b);
        return NULL;
    }
    return b.data;
}

int izde_db_open_shards(izde_db **out, const char *const *specs, size_t n,
                        const izde_open_options *o, char **errmsg_out)
{
    *out = NULL;
    if (errmsg_out)
        *errmsg_out = NULL;
    char *msg = NULL;
    if (n == 0) {
        if (errmsg_out)
            *errmsg_out = izde__strdupf("no index path given");
        return IZDE_EINVAL;
    }
    izde_db *db = calloc(1, sizeof *db);
    if (!db || !(db->path = join_specs(specs, n))) {
        free(db);
        return IZDE_ENOMEM;
    }
    db->set.timeout_ms = o && o->timeout_ms ? o->timeout_ms : DEFAULT_TIMEOUT_MS;
    db->set.allow_partial = o ? o->allow_partial : 0;
    spec_list l = {0};
    int rc = IZDE_OK;
    for (size_t i = 0; i < n && rc == IZDE_OK; i++)
        rc = expand(&l, specs[i], 0, &msg);
    db->set.shards = l.v;
    db->set.n = l.n;
    if (rc != IZDE_OK)
        goto fail;
    size_t up = 0;
    for (size_t i = 0; i < db->set.n; i++) {
        izde_shard *s = &db->set.shards[i];
        int src = open_shard(db, s);
        if (src == IZDE_OK) {
            up++;
            continue;
        }
        /* a folder that is not a usable index is a mistake in the list,
         * not a shard that is down */
        if (!db->set.allow_partial || !s->host) {
            if (src == IZDE_ENOTFOUND && !s->host)
                msg = izde__strdupf("no index at '%s': %s", s->spec, izde__open_advice(src));
            else if (src == IZDE_ECORRUPT && !s->host && strstr(s->reason, "is damaged: "))
                msg = izde__strdupf("%s", s->reason); /* the tables' check said it all */
            else if (!s->host)
                msg = izde__strdupf("cannot open index '%s': %s (%s)", s->spec,
                                    izde__open_advice(src), s->reason);
            else
                msg = izde__strdupf("shard '%s' is down: %s%s", s->spec, s->reason,
                                    s->host ? down_advice(db) : "");
            rc = src;
            goto fail;
        }
    }
    /* one folder alone is searched as asked, a shard or not */
    if (db->set.n > 1 && (rc = check_set(db, &msg)) != IZDE_OK)
        goto fail;
    if (up == 0) {
        msg = izde__strdupf("every shard of '%s' is down; the first: '%s': %s", db->path,
                            db->set.shards[0].spec, db->set.shards[0].reason);
        rc = IZDE_ENETWORK;
        goto fail;
    }
    if ((rc = combine(db)) != IZDE_OK) {
        msg = izde__strdupf("%s", izde_db_errmsg(db));
        goto fail;
    }
    if ((rc = izde__db_init_read(db, &msg)) != IZDE_OK)
        goto fail;
    *out = db;
    return IZDE_OK;
fail:
    if (errmsg_out)
        *errmsg_out = msg;
    else
        free(msg);
    izde_db_close(db);
    return rc;
}

int izde__db_recover(izde_db *db, int rc)
{
    if (rc != IZDE_ENETWORK || db->set.n == 0 || db->set.recoveries++ > db->set.n)
        return 0;
    const char *what = izx_db_errmsg(db->x);
    char *orig = strdup(db->errmsg ? db->errmsg : what ? what : "");
    /* find who stopped answering: a fresh connection to every remote
     * shard (an old one may hold half an answer) */
    size_t lost = 0, up = 0;
    for (size_t i = 0; i < db->set.n; i++) {
        izde_shard *s = &db->set.shards[i];
        if (!s->x || !s->host) {
            up += s->x != NULL;
            continue;
        }
        izx_db_free(s->x);
        s->x = NULL;
        if (open_shard(db, s) == IZDE_OK) {
            up++;
            continue;
        }
        lost++;
        if (!db->set.allow_partial) {
            izde__db_error(db, IZDE_ENETWORK, "shard '%s' is down: %s%s", s->spec, s->reason,
                           down_advice(db));
            free(orig);
            return 0;
        }
    }
    int retry = 0;
    if (lost == 0 && db->set.recoveries > 1) {
        izde__db_error(db, IZDE_ENETWORK, "the shards keep failing: %s", orig ? orig : "");
    } else if (up == 0) {
        izde__db_error(db, IZDE_ENETWORK, "every shard of '%s' is down; the first: '%s': %s",
                       db->path, db->set.shards[0].spec,
                       db->set.shards[0].reason ? db->set.shards[0].reason : "no answer");
    } else {
        retry = combine(db) == IZDE_OK;
    }
    free(orig);
    return retry;
}

unsigned izde_db_shard_count(const izde_db *db)
{
    return db && db->set.n ? (unsigned)db->set.n : 1;
}

unsigned izde_db_missing_count(const izde_db *db)
{
    unsigned n = 0;
    for (size_t i = 0; db && i < db->set.n; i++)
        n += db->set.shards[i].x == NULL;
    return n;
}

/* The i-th shard left out. */
static const izde_shard *missing_at(const izde_db *db, unsigned i)
{
    for (size_t k = 0; db && k < db->set.n; k++)
        if (!db->set.shards[k].x && i-- == 0)
            return &db->set.shards[k];
    return NULL;
}

const char *izde_db_missing_name(const izde_db *db, unsigned i)
{
    const izde_shard *s = missing_at(db, i);
    return s ? s->spec : NULL;
}

const char *izde_db_missing_reason(const izde_db *db, unsigned i)
{
    const izde_shard *s = missing_at(db, i);
    return s && s->reason ? s->reason : NULL;
}

/* [{"shard", "reason"}] of the shards left out, or NULL when none is. */
static json_t *partial_array(const izde_db *db)
{
    unsigned n = izde_db_missing_count(db);
    if (n == 0)
        return NULL;
    json_t *a = json_array();
    for (unsigned i = 0; a && i < n; i++) {
        const char *r = izde_db_missing_reason(db, i);
        json_array_append_new(a, json_pack("{s:s, s:s}", "shard", izde_db_missing_name(db, i),
                                           "reason", r ? r : "down"));
    }
    return a;
}

void izde__add_partial(json_t *root, const izde_db *db)
{
    json_t *a = partial_array(db);
    if (a)
        json_object_set_new(root, "partial", a);
}

char *izde_db_partial_json(const izde_db *db)
{
    json_t *a = partial_array(db);
    char *s = a ? json_dumps(a, JSON_COMPACT) : NULL;
    json_decref(a);
    return s;
}

void izde_db_set_time_limit(izde_db *db, unsigned ms)
{
    db->time_limit_ms = ms;
    izx_db_set_time_limit(db->x, ms / 1000.0);
}

void izde_db_set_expansion(izde_db *db, int on)
{
    db->no_expand = !on;
}

int izde_db_reopen(izde_db *db)
{
    int x = izx_db_reopen(db->x);
    return x == IZX_OK ? IZDE_OK : izde__db_izx_error(db, x, "cannot reopen the index");
}
