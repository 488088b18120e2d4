/*
 * ingest.c - read what the user asks to index: folders (recursively, in
 * name order), text files (.txt, .md: one article each, in UTF-8, UTF-16 or
 * a Cyrillic code page: see charset.c), JSON Lines
 * (.jsonl: one article per line) and CSV with a header (.csv).  Every file or record that cannot be
 * indexed is reported once through the problem callback and the rest is
 * still indexed.  CSV files are read by ingest_csv.c.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/stat.h>

#include <jansson.h>

#include "izde-private.h"
#include "hash.h"
#include "charset.h"
#include "ingest.h"

#define report izde__ingest_report

/* The least input worth building a new index with several workers. */
#define IZDE_PARALLEL_MIN_BYTES (4ull << 20)

static void vreport(ingest *in, int always, const char *path, unsigned long line, int status,
                    const char *fmt, va_list ap)
{
    if (!always && !in->db->report_unrouted) {
        in->unreported++;
        return;
    }
    char *msg = izde__vstrdupf(fmt, ap);
    in->stats->failed++;
    if (in->problem)
        in->problem(in->payload, path, line, status, msg ? msg : "out of memory");
    free(msg);
}

void izde__ingest_report(ingest *in, const char *path, unsigned long line, int status,
                         const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(in, 0, path, line, status, fmt, ap);
    va_end(ap);
}

/* A problem of an article with an id: its shard's process reports it. */
static void report_article(ingest *in, const char *path, unsigned long line, int status,
                           const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(in, 1, path, line, status, fmt, ap);
    va_end(ap);
}

static int has_ext(const char *name, const char *ext)
{
    size_t n = strlen(name), e = strlen(ext);
    return n > e && strcmp(name + n - e, ext) == 0;
}

char *izde__ingest_read_file(ingest *in, const char *path, size_t *len_out)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        report(in, path, 0, errno == ENOENT ? IZDE_ENOTFOUND : IZDE_EIO, "cannot read: %s",
               strerror(errno));
        return NULL;
    }
    izde_buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (izde__buf_append(&b, chunk, n))
            break;
    int err = ferror(f) ? errno : 0;
    fclose(f);
    if (err || b.oom) {
        report(in, path, 0, b.oom ? IZDE_ENOMEM : IZDE_EIO, "cannot read: %s",
               b.oom ? "out of memory" : strerror(err));
        izde__buf_free(&b);
        return NULL;
    }
    if (!b.data && izde__buf_reserve(&b, 0)) {
        report(in, path, 0, IZDE_ENOMEM, "cannot read: out of memory");
        return NULL;
    }
    *len_out = b.len;
    return b.data;
}

int izde__ingest_check_text(ingest *in, const char *path, unsigned long line, const char *s, size_t len)
{
    if (memchr(s, '\0', len)) {
        report(in, path, line, IZDE_EFORMAT, "not a text file (contains NUL bytes); skipped");
        return 0;
    }
    size_t bad = izde__utf8_invalid_at((const unsigned char *)s, len);
    if (bad < len) {
        report(in, path, line, IZDE_EFORMAT,
               "not valid UTF-8 (byte %zu); convert it first, e.g. iconv -f windows-1251 -t utf-8",
               bad);
        return 0;
    }
    return 1;
}

int izde__ingest_article(ingest *in, const char *path, unsigned long line, const izde_article *a)
{
    unsigned others = in->db->other_shard;
    int rc = izde_index_article(in->db, a);
    if (rc == IZDE_OK) {
        if (in->db->other_shard == others)
            in->stats->articles++;
        return IZDE_OK;
    }
    if (rc == IZDE_EFORMAT || rc == IZDE_EINVAL) {
        report_article(in, path, line, rc, "%s", izde_db_errmsg(in->db));
        return IZDE_OK;
    }
    return rc;
}

/* One article is at most this big; a larger text file is a dump or a
 * concatenation, not an article, and would be one useless hit. */
#define MAX_ARTICLE_BYTES (64u << 20)

static int index_text_file(ingest *in, const char *path)
{
    size_t len = 0;
    struct stat st;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > MAX_ARTICLE_BYTES) {
        report(in, path, 0, IZDE_EFORMAT,
               "too large for one article (%ju MB; the limit is %u MB): split it into articles, "
               "or give it as .jsonl or .csv with one article per record",
               (uintmax_t)st.st_size >> 20, MAX_ARTICLE_BYTES >> 20);
        return IZDE_OK;
    }
    char *text = izde__ingest_read_file(in, path, &len);
    if (!text)
        return IZDE_OK;
    in->stats->files++;
    int rc = IZDE_OK;
    char *converted = NULL, *errmsg = NULL;
    const char *charset = NULL;
    int confidence = 0;
    size_t n = 0;
    int crc = izde__to_utf8(text, len, &converted, &n, &charset, &confidence, &errmsg);
    if (crc != IZDE_OK) {
        report(in, path, 0, crc, "%s", errmsg ? errmsg : "out of memory");
        free(errmsg);
        goto done;
    }
    const char *body = converted ? converted : text + len - n;
    len = n;
    if (in->db->notice) {
        char *msg;
        if (!converted)
            msg = izde__strdupf("%s", charset);
        else if (confidence == 100)
            msg = izde__strdupf("%s, converted to UTF-8", charset);
        else if (confidence > 0)
            msg = izde__strdupf("%s (ICU confidence %d), converted to UTF-8", charset, confidence);
        else
            msg = izde__strdupf("%s (not rated by ICU), converted to UTF-8", charset);
        if (msg)
            in->db->notice(in->db->notice_payload, path, msg);
        free(msg);
    }
    size_t i = 0;
    while (i < len && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t'))
        i++;
    if (i == len) {
        report(in, path, 0, IZDE_EFORMAT, "empty file; nothing to index");
        goto done;
    }
    char *real = realpath(path, NULL);
    izde_article a = {.id = real ? real : path, .path = real ? real : path, .text = body,
                      .text_len = len, .charset = charset};
    rc = izde__ingest_article(in, path, 0, &a);
    free(real);
done:
    free(converted);
    free(text);
    return rc;
}

/* A field as a string: strings as they are, numbers printed; else NULL. */
static const char *field_str(json_t *o, const char *key, char *numbuf, size_t numlen)
{
    json_t *v = json_object_get(o, key);
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_integer(v) && numbuf) {
        snprintf(numbuf, numlen, "%lld", (long long)json_integer_value(v));
        return numbuf;
    }
    return NULL;
}

static const char *const known_fields[] = {"id", "title", "text", "content", "body", "url",
                                           "date", "source", "lang", NULL};

int izde__ingest_is_known_field(const char *name)
{
    for (const char *const *k = known_fields; *k; k++)
        if (strcmp(name, *k) == 0)
            return 1;
    return 0;
}

static int index_jsonl_record(ingest *in, const char *path, const char *real, unsigned long lineno,
                              const char *line, size_t len)
{
    json_error_t err;
    json_t *o = json_loadb(line, len, JSON_REJECT_DUPLICATES, &err);
    if (!o) {
        report(in, path, lineno, IZDE_EFORMAT, "invalid JSON at column %d: %s", err.column,
               err.text);
        return IZDE_OK;
    }
    int rc = IZDE_OK;
    char *fields = NULL, *auto_id = NULL;
    if (!json_is_object(o)) {
        report(in, path, lineno, IZDE_EFORMAT, "not a JSON object; each line must be {\"text\": ...}");
        goto done;
    }
    const char *text_key = NULL;
    for (const char *const *k = (const char *const[]){"text", "content", "body", NULL}; *k; k++)
        if (json_is_string(json_object_get(o, *k))) {
            text_key = *k;
            break;
        }
    if (!text_key) {
        report(in, path, lineno, IZDE_EFORMAT, "no \"text\", \"content\" or \"body\" string field");
        goto done;
    }
    json_t *extra = json_object();
    const char *key;
    json_t *val;
    json_object_foreach(o, key, val) {
        if (!izde__ingest_is_known_field(key))
            json_object_set(extra, key, val);
    }
    if (json_object_size(extra))
        fields = json_dumps(extra, JSON_COMPACT);
    json_decref(extra);

    char idbuf[32];
    const char *id = field_str(o, "id", idbuf, sizeof idbuf);
    const char *url = field_str(o, "url", NULL, 0);
    if (!id)
        id = url;
    if (!id)
        id = auto_id = izde__strdupf("%s:%lu", real, lineno);
    json_t *jt = json_object_get(o, text_key);
    izde_article a = {
        .id = id,
        .path = real,
        .url = url,
        .title = field_str(o, "title", NULL, 0),
        .source = field_str(o, "source", NULL, 0),
        .date = field_str(o, "date", NULL, 0),
        .lang = field_str(o, "lang", NULL, 0),
        .text = json_string_value(jt),
        .text_len = json_string_length(jt),
        .fields = fields,
    };
    if (!a.id) {
        rc = IZDE_ENOMEM;
        goto done;
    }
    rc = izde__ingest_article(in, path, lineno, &a);
done:
    free(fields);
    free(auto_id);
    json_decref(o);
    return rc;
}

static int index_jsonl_file(ingest *in, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        report(in, path, 0, errno == ENOENT ? IZDE_ENOTFOUND : IZDE_EIO, "cannot read: %s",
               strerror(errno));
        return IZDE_OK;
    }
    in->stats->files++;
    char *real = realpath(path, NULL);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    unsigned long lineno = 0;
    int rc = IZDE_OK;
    while (rc == IZDE_OK && (n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        size_t len = (size_t)n;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        const char *s = line;
        if (lineno == 1 && len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
            s += 3, len -= 3;
        size_t blank = 0;
        while (blank < len && (s[blank] == ' ' || s[blank] == '\t'))
            blank++;
        if (blank == len)
            continue;
        if (!izde__ingest_check_text(in, path, lineno, s, len))
            continue;
        rc = index_jsonl_record(in, path, real ? real : path, lineno, s, len);
    }
    if (ferror(f))
        report(in, path, lineno, IZDE_EIO, "read error: %s", strerror(errno));
    free(line);
    free(real);
    fclose(f);
    return rc;
}

static int index_file(ingest *in, const char *path)
{
    if (has_ext(path, ".jsonl"))
        return index_jsonl_file(in, path);
    if (has_ext(path, ".csv"))
        return izde__ingest_csv(in, path);
    return index_text_file(in, path);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- incremental indexing: the files to read, their signatures ---------- */

typedef struct file_list {
    file_entry *v;
    size_t n, cap;
    unsigned long long bytes;
} file_list;

static int list_add(file_list *l, const char *path, const struct stat *st)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        file_entry *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return IZDE_ENOMEM;
        l->v = v;
        l->cap = cap;
    }
    char *p = strdup(path);
    if (!p)
        return IZDE_ENOMEM;
    l->v[l->n++] = (file_entry){p, (unsigned long long)st->st_size,
                                (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec};
    l->bytes += (unsigned long long)st->st_size;
    return IZDE_OK;
}

static void list_free(file_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i].path);
    free(l->v);
}

/* The files of a folder, recursively, in name order. */
struct visited {
    dev_t dev;
    ino_t ino;
};

/* Has this folder been walked already (a symlink loop or a second link)?
 * Remembers it if not. */
static int walked_before(ingest *in, const struct stat *st)
{
    for (size_t i = 0; i < in->nseen_dirs; i++)
        if (in->seen_dirs[i].dev == st->st_dev && in->seen_dirs[i].ino == st->st_ino)
            return 1;
    if (in->nseen_dirs == in->capseen_dirs) {
        size_t cap = in->capseen_dirs ? in->capseen_dirs * 2 : 32;
        struct visited *v = realloc(in->seen_dirs, cap * sizeof *v);
        if (!v)
            return 0;
        in->seen_dirs = v;
        in->capseen_dirs = cap;
    }
    in->seen_dirs[in->nseen_dirs++] = (struct visited){st->st_dev, st->st_ino};
    return 0;
}

static int collect_dir(ingest *in, const char *path, int depth, file_list *l)
{
    struct stat self;
    if (stat(path, &self) == 0 && walked_before(in, &self)) {
        report(in, path, 0, IZDE_EINVAL, "a folder already read (a symlink loop?); skipped");
        return IZDE_OK;
    }
    if (depth > 64) {
        report(in, path, 0, IZDE_EINVAL, "folders nested too deep; skipped");
        return IZDE_OK;
    }
    DIR *d = opendir(path);
    if (!d) {
        report(in, path, 0, IZDE_EIO, "cannot read folder: %s", strerror(errno));
        return IZDE_OK;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* ., .., hidden files and folders (.git) */
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *names);
            if (!nn)
                break;
            names = nn;
        }
        names[n] = strdup(e->d_name);
        if (names[n])
            n++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_names);
    int rc = IZDE_OK;
    for (size_t i = 0; i < n; i++) {
        char *child = rc == IZDE_OK ? izde__strdupf("%s/%s", path, names[i]) : NULL;
        struct stat st;
        if (!child) {
            /* aborted, or out of memory */
        } else if (stat(child, &st) != 0) {
            report(in, child, 0, IZDE_EIO, "cannot read: %s", strerror(errno));
        } else if (S_ISDIR(st.st_mode)) {
            rc = collect_dir(in, child, depth + 1, l);
        } else if (!S_ISREG(st.st_mode)) {
            in->stats->skipped++;
        } else if (has_ext(names[i], ".txt") || has_ext(names[i], ".md") ||
                   has_ext(names[i], ".jsonl") || has_ext(names[i], ".csv")) {
            rc = list_add(l, child, &st);
        } else {
            in->stats->skipped++;
        }
        free(child);
        free(names[i]);
    }
    free(names);
    return rc;
}

static int collect(ingest *in, const char *path, file_list *l)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        report(in, path, 0, errno == ENOENT ? IZDE_ENOTFOUND : IZDE_EIO, "%s",
               errno == ENOENT ? "no such file or folder" : strerror(errno));
        return IZDE_OK;
    }
    if (S_ISDIR(st.st_mode)) {
        /* a trailing slash would double in child paths */
        char *p = strdup(path);
        if (!p)
            return IZDE_ENOMEM;
        size_t n = strlen(p);
        while (n > 1 && p[n - 1] == '/')
            p[--n] = '\0';
        int rc = collect_dir(in, p, 0, l);
        free(p);
        return rc;
    }
    if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
        report(in, path, 0, IZDE_EFORMAT, "not a regular file; skipped");
        return IZDE_OK;
    }
    return list_add(l, path, &st);
}

int izde__file_key(izde_buf *b, const char *real)
{
    return izde__hashed_key(b, real, 220, 180);
}

/* The content hash of a file's bytes; -1 when it cannot be read. */
static int hash_file(const char *path, uint64_t *out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    uint64_t h = IZDE_HASH_SEED_V1;
    unsigned char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        h = izde__hash(h, chunk, n);
    int err = ferror(f);
    fclose(f);
    *out = h;
    return err ? -1 : 0;
}

typedef struct file_sig {
    unsigned long long size;
    long long mtime_ns;
    unsigned long long hash;
} file_sig;

static int parse_sig(const char *v, file_sig *sig)
{
    return v && sscanf(v, "%llu %lld %llx", &sig->size, &sig->mtime_ns, &sig->hash) == 3;
}

static int notice(ingest *in, const char *path, const char *fmt, ...)
{
    if (!in->db->notice)
        return 0;
    va_list ap;
    va_start(ap, fmt);
    char *msg = izde__vstrdupf(fmt, ap);
    va_end(ap);
    if (msg)
        in->db->notice(in->db->notice_payload, path, msg);
    free(msg);
    return 0;
}

/* Index one file unless its signature is unchanged. */
int izde__ingest_file(ingest *in, const file_entry *e, int force)
{
    izde_db *db = in->db;
    struct stat st;
    if (stat(e->path, &st) != 0 || !S_ISREG(st.st_mode)) /* a named pipe: read once, untracked */
        return index_file(in, e->path);
    char *real = realpath(e->path, NULL);
    if (!real) /* cannot be tracked: read it as before */
        return index_file(in, e->path);
    int rc = IZDE_OK;
    izde_buf term = {0}, key = {0};
    char *old = NULL;
    izde__buf_puts(&term, IZDE_PREFIX_FILE);
    izde__file_key(&term, real);
    izde__buf_puts(&key, IZDE_META_FILE);
    if (izde__buf_append(&key, term.data + 1, term.len - 1)) {
        rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
        goto done;
    }
    int xrc = izx_db_get_metadata(db->x, key.data, &old, NULL);
    if (xrc != IZX_OK) {
        rc = izde__db_izx_error(db, xrc, real);
        goto done;
    }
    file_sig was = {0}, now = {e->size, e->mtime_ns, 0};
    int known = parse_sig(old, &was);
    if (!force && known && was.size == now.size && was.mtime_ns == now.mtime_ns) {
        in->stats->files_unchanged++;
        goto done;
    }
    uint64_t h = 0;
    int hashed = hash_file(e->path, &h) == 0;
    now.hash = h;
    char sig[96];
    snprintf(sig, sizeof sig, "%llu %lld %016llx", now.size, now.mtime_ns, now.hash);
    if (!force && known && hashed && was.size == now.size && was.hash == now.hash) {
        /* touched, not changed: remember the new mtime */
        in->stats->files_unchanged++;
        if ((xrc = izx_db_set_metadata(db->x, key.data, sig, strlen(sig))) != IZX_OK)
            rc = izde__db_izx_error(db, xrc, real);
        goto done;
    }
    unsigned had = 0;
    if ((xrc = izx_db_termfreq(db->x, term.data, term.len, &had)) != IZX_OK) {
        rc = izde__db_izx_error(db, xrc, real);
        goto done;
    }
    if (had && (xrc = izx_db_delete_by_term(db->x, term.data)) != IZX_OK) {
        rc = izde__db_izx_error(db, xrc, real);
        goto done;
    }
    if (known || had)
        in->stats->files_changed++;
    else
        in->stats->files_new++;
    unsigned failed = in->stats->failed + in->unreported;
    rc = index_file(in, e->path);
    if (rc != IZDE_OK)
        goto done;
    /* a file with problems keeps no signature: it is read (and its
     * problems reported) again next time */
    int clean = hashed && in->stats->failed + in->unreported == failed;
    if (clean || known) {
        xrc = izx_db_set_metadata(db->x, key.data, clean ? sig : "", clean ? strlen(sig) : 0);
        if (xrc != IZX_OK)
            rc = izde__db_izx_error(db, xrc, real);
    }
done:
    izx_free(old);
    izde__buf_free(&term);
    izde__buf_free(&key);
    free(real);
    return rc;
}

/* The absolute form of a path that may no longer exist. */
static char *abs_path(const char *path)
{
    char *real = realpath(path, NULL);
    if (real)
        return real;
    char *copy = strdup(path);
    if (!copy)
        return NULL;
    size_t n = strlen(copy);
    while (n > 1 && copy[n - 1] == '/')
        copy[--n] = '\0';
    char *slash = strrchr(copy, '/');
    char *dir = NULL, *out = NULL;
    if (!slash)
        dir = realpath(".", NULL), out = dir ? izde__strdupf("%s/%s", dir, copy) : NULL;
    else if (slash == copy)
        out = strdup(copy);
    else {
        *slash = '\0';
        dir = realpath(copy, NULL);
        out = dir ? izde__strdupf("%s/%s", dir, slash + 1) : NULL;
    }
    free(dir);
    free(copy);
    return out;
}

typedef struct term_list {
    char **v;
    size_t n, cap;
    const char *base; /* "F" + absolute path given */
    size_t base_len;
    int oom;
} term_list;

static int on_file_term(void *vctx, const char *term, size_t len, unsigned freq)
{
    term_list *t = vctx;
    (void)freq;
    /* the path itself, or a path under it (not a sibling sharing a prefix) */
    if (len > t->base_len && t->base[t->base_len - 1] != '/' && term[t->base_len] != '/')
        return 0;
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        char **v = realloc(t->v, cap * sizeof *v);
        if (!v)
            return t->oom = 1;
        t->v = v;
        t->cap = cap;
    }
    if (!(t->v[t->n] = strndup(term, len)))
        return t->oom = 1;
    t->n++;
    return 0;
}

/* Indexed files under `path` that are gone: deleted with prune, counted
 * either way. */
static int prune_path(ingest *in, const char *path, int prune)
{
    izde_db *db = in->db;
    char *abs = abs_path(path);
    if (!abs)
        return izde__db_error(db, IZDE_ENOMEM, "out of memory");
    term_list t = {0};
    char *base = izde__strdupf("%s%s", IZDE_PREFIX_FILE, abs);
    int rc = IZDE_OK;
    if (!base) {
        rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
        goto done;
    }
    t.base = base;
    t.base_len = strlen(base);
    int xrc = izx_db_allterms(db->x, base, on_file_term, &t);
    if (xrc != IZX_OK) {
        rc = izde__db_izx_error(db, xrc, abs);
        goto done;
    }
    if (t.oom) {
        rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < t.n && rc == IZDE_OK; i++) {
        const char *fpath = t.v[i] + 1;
        char *meta_key = izde__strdupf("%s%s", IZDE_META_FILE, fpath);
        char *full = NULL;
        if (!meta_key) {
            rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
            break;
        }
        if (strlen(fpath) > 220) { /* a hashed key: the metadata knows the path */
            char *v = NULL;
            if (izx_db_get_metadata(db->x, meta_key, &v, NULL) == IZX_OK && v) {
                const char *p = v;
                for (int f = 0; f < 3 && p; f++)
                    p = strchr(p, ' '), p = p ? p + 1 : NULL;
                if (p)
                    full = strdup(p);
            }
            izx_free(v);
        }
        const char *check = full ? full : fpath;
        struct stat st;
        unsigned docs = 0;
        if ((full || strlen(fpath) <= 220) && stat(check, &st) != 0 && errno == ENOENT &&
            izx_db_termfreq(db->x, t.v[i], strlen(t.v[i]), &docs) == IZX_OK && docs > 0) {
            if (prune) {
                xrc = izx_db_delete_by_term(db->x, t.v[i]);
                if (xrc == IZX_OK)
                    xrc = izx_db_set_metadata(db->x, meta_key, "", 0);
                if (xrc != IZX_OK) {
                    rc = izde__db_izx_error(db, xrc, check);
                } else {
                    in->stats->files_removed++;
                    in->stats->articles_removed += docs;
                    notice(in, check, "gone; its %u article%s removed", docs, docs == 1 ? "" : "s");
                }
            } else {
                in->stats->files_gone++;
                in->stats->articles_gone += docs;
                notice(in, check, "gone; its %u article%s kept (--prune removes them)", docs,
                       docs == 1 ? "" : "s");
            }
        }
        free(full);
        free(meta_key);
    }
done:
    for (size_t i = 0; i < t.n; i++)
        free(t.v[i]);
    free(t.v);
    free(base);
    free(abs);
    return rc;
}

int izde_index_paths(izde_db *db, const char *const *paths, size_t npaths,
                     const izde_index_options *opts, izde_problem_fn problem, void *payload,
                     izde_index_stats *stats)
{
    izde_index_stats dummy = {0};
    izde_index_options none = {0};
    if (!opts)
        opts = &none;
    if (!db->writable)
        return izde__db_error(db, IZDE_EINVAL, "the index was opened read-only");
    ingest in = {.db = db, .problem = problem, .payload = payload, .stats = stats ? stats : &dummy};
    int rc = IZDE_OK;
    /* vanished files first, so a path given twice is not counted twice */
    for (size_t i = 0; i < npaths && rc == IZDE_OK; i++)
        rc = prune_path(&in, paths[i], opts->prune);
    if (rc == IZDE_OK && opts->prune && in.stats->files_removed)
        rc = izde_db_commit(db);
    file_list l = {0};
    for (size_t i = 0; i < npaths && rc == IZDE_OK; i++)
        if ((rc = collect(&in, paths[i], &l)) == IZDE_ENOMEM)
            rc = izde__db_error(db, rc, "out of memory");
    unsigned long long done_bytes = 0;
    if (rc == IZDE_OK && opts->progress)
        opts->progress(opts->progress_payload, 0, (unsigned)l.n, 0, l.bytes);
    unsigned docs = 1;
    size_t serial = l.n; /* files left for the serial loop */
    /* workers pay for themselves on a few megabytes; below that one
     * process is as fast, and reports problems in file order */
    if (rc == IZDE_OK && opts->jobs > 1 && l.n > 1 && l.bytes >= IZDE_PARALLEL_MIN_BYTES &&
        izx_db_doccount(db->x, &docs) == IZX_OK &&
        docs == 0) {
        rc = izde__ingest_parallel(&in, l.v, l.n, opts->jobs, opts->force);
        if (rc == IZDE_OK && opts->progress)
            opts->progress(opts->progress_payload, (unsigned)l.n, (unsigned)l.n, l.bytes, l.bytes);
        serial = 0;
    }
    for (size_t i = 0; i < serial && rc == IZDE_OK; i++) {
        rc = izde__ingest_file(&in, &l.v[i], opts->force);
        done_bytes += l.v[i].size;
        if (opts->progress)
            opts->progress(opts->progress_payload, (unsigned)i + 1, (unsigned)l.n, done_bytes,
                           l.bytes);
    }
    list_free(&l);
    free(in.seen_dirs);
    return rc;
}

int izde_index_path(izde_db *db, const char *path, izde_problem_fn problem, void *payload,
                    izde_index_stats *stats)
{
    return izde_index_paths(db, &path, 1, NULL, problem, payload, stats);
}
