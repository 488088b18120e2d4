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
#include <sys/stat.h>

#include <jansson.h>

#include "izde-private.h"
#include "charset.h"
#include "ingest.h"

#define report izde__ingest_report

void izde__ingest_report(ingest *in, const char *path, unsigned long line, int status,
                         const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = izde__vstrdupf(fmt, ap);
    va_end(ap);
    in->stats->failed++;
    if (in->problem)
        in->problem(in->payload, path, line, status, msg ? msg : "out of memory");
    free(msg);
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
    int rc = izde_index_article(in->db, a);
    if (rc == IZDE_OK) {
        in->stats->articles++;
        return IZDE_OK;
    }
    if (rc == IZDE_EFORMAT || rc == IZDE_EINVAL) {
        report(in, path, line, rc, "%s", izde_db_errmsg(in->db));
        return IZDE_OK;
    }
    return rc;
}

static int index_text_file(ingest *in, const char *path)
{
    size_t len = 0;
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

static int index_dir(ingest *in, const char *path, int depth)
{
    if (depth > 64) {
        report(in, path, 0, IZDE_EINVAL, "folders nested too deep (a symlink loop?); skipped");
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
            rc = index_dir(in, child, depth + 1);
        } else if (!S_ISREG(st.st_mode)) {
            in->stats->skipped++;
        } else if (has_ext(names[i], ".txt") || has_ext(names[i], ".md") ||
                   has_ext(names[i], ".jsonl") || has_ext(names[i], ".csv")) {
            rc = index_file(in, child);
        } else {
            in->stats->skipped++;
        }
        free(child);
        free(names[i]);
    }
    free(names);
    return rc;
}

int izde_index_path(izde_db *db, const char *path, izde_problem_fn problem, void *payload,
                    izde_index_stats *stats)
{
    izde_index_stats dummy = {0};
    ingest in = {db, problem, payload, stats ? stats : &dummy};
    struct stat st;
    if (stat(path, &st) != 0) {
        report(&in, path, 0, errno == ENOENT ? IZDE_ENOTFOUND : IZDE_EIO, "%s",
               errno == ENOENT ? "no such file or folder" : strerror(errno));
        return IZDE_OK;
    }
    if (S_ISDIR(st.st_mode)) {
        /* a trailing slash would double in child paths */
        char *p = strdup(path);
        if (!p)
            return izde__db_error(db, IZDE_ENOMEM, "out of memory");
        size_t n = strlen(p);
        while (n > 1 && p[n - 1] == '/')
            p[--n] = '\0';
        int rc = index_dir(&in, p, 0);
        free(p);
        return rc;
    }
    if (!S_ISREG(st.st_mode)) {
        report(&in, path, 0, IZDE_EFORMAT, "not a regular file; skipped");
        return IZDE_OK;
    }
    return index_file(&in, path);
}
