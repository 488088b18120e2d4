/*
 * readers.c - read one file (ingest.h: izde__ingest_file): skipped when
 * unchanged since it was indexed (size and mtime, else its content hash),
 * its old documents replaced when changed; text files (.txt, .md: one
 * article each, in UTF-8, UTF-16 or a Cyrillic code page: see charset.c),
 * JSON Lines (.jsonl: one article per line) and CSV (ingest_csv.c).
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

/* One article is at most this big; a larger text file is a dump or a
 * concatenation, not an article, and would be one useless hit.  A file
 * without a size (a pipe, a FIFO) is read up to it and then dropped. */
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
    char *text = izde__ingest_read_file(in, path, MAX_ARTICLE_BYTES, &len);
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
    if (in->db && in->db->ix.notice) {
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
            in->db->ix.notice(in->db->ix.notice_payload, path, msg);
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

/* The next line of f into *line (getline's buffer), at most `max` bytes
 * kept: a longer line is read to its end and dropped, *too_long set;
 * *used counts the bytes read.  Returns the bytes kept, -1 at the end of
 * the file, -2 out of memory. */
static ssize_t read_bounded_line(FILE *f, char **line, size_t *cap, size_t max, int *too_long,
                                 unsigned long long *used)
{
    size_t len = 0;
    *too_long = 0;
    for (int c; (c = getc(f)) != EOF;) {
        ++*used;
        if (!*too_long && len + 1 >= *cap) {
            size_t ncap = *cap ? *cap * 2 : 4096;
            char *nl = realloc(*line, ncap);
            if (!nl)
                return -2;
            *line = nl, *cap = ncap;
        }
        if (!*too_long)
            (*line)[len++] = (char)c;
        if (c == '\n')
            break;
        if (len > max)
            *too_long = 1, len = 0;
    }
    if (len == 0 && !*too_long && (feof(f) || ferror(f)))
        return -1;
    if (*line)
        (*line)[len] = '\0';
    return (ssize_t)len;
}

/* Where a reading of f starts: its range's first byte and line when a
 * worker reads one part of it (not when it counts the whole file). */
static int seek_range(ingest *in, FILE *f, unsigned long *lineno, unsigned long long *limit)
{
    *lineno = 0;
    *limit = 0;
    if (!in->range || in->counting)
        return 0;
    *lineno = in->range->first_line - 1;
    *limit = in->range->end - in->range->start;
    return fseeko(f, (off_t)in->range->start, SEEK_SET);
}

static int index_jsonl_file(ingest *in, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        report(in, path, 0, errno == ENOENT ? IZDE_ENOTFOUND : IZDE_EIO, "cannot read: %s",
               strerror(errno));
        return IZDE_OK;
    }
    unsigned long lineno;
    unsigned long long limit, used = 0;
    if (seek_range(in, f, &lineno, &limit) != 0) {
        report(in, path, 0, IZDE_EIO, "cannot read: %s", strerror(errno));
        fclose(f);
        return IZDE_OK;
    }
    if (!in->range || !in->range->part)
        in->stats->files++;
    char *real = realpath(path, NULL);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = 0;
    int rc = IZDE_OK;
    int too_long = 0;
    while (rc == IZDE_OK && (!limit || used < limit) &&
           (n = read_bounded_line(f, &line, &cap, MAX_ARTICLE_BYTES, &too_long, &used)) >= 0) {
        lineno++;
        if (too_long) {
            report(in, path, lineno, IZDE_EFORMAT,
                   "record too large for one article (more than %u MB; the limit is %u MB): "
                   "split it into articles",
                   MAX_ARTICLE_BYTES >> 20, MAX_ARTICLE_BYTES >> 20);
            continue;
        }
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
    if (n == -2)
        report(in, path, lineno + 1, IZDE_ENOMEM, "out of memory");
    else if (ferror(f))
        report(in, path, lineno, IZDE_EIO, "read error: %s", strerror(errno));
    free(line);
    free(real);
    fclose(f);
    return rc;
}

/* Read a file of many articles twice: first only to count their lines
 * for chrome detection (nothing indexed, nothing reported), then to index
 * them knowing the lines the file repeats, so its first articles are
 * cleaned like its last (clean.c, izde__seen_count()).  A file that cannot
 * be read twice (a pipe) is read once. */
static int count_then_index(ingest *in, const char *path, int (*read)(ingest *, const char *))
{
    struct stat st;
    if (!in->db || !in->db->ix.seen || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return read(in, path);
    if (in->range && in->range->counted) { /* an earlier range of it was */
        in->db->ix.counted = 1;
        int rc = read(in, path);
        in->db->ix.counted = 0;
        return rc;
    }
    izde_index_stats scratch = {0}, *stats = in->stats;
    in->stats = &scratch;
    in->counting = 1;
    int rc = read(in, path);
    in->counting = 0;
    in->stats = stats;
    if (rc != IZDE_OK)
        return rc;
    in->db->ix.counted = 1;
    rc = read(in, path);
    in->db->ix.counted = 0;
    return rc;
}

static int index_file(ingest *in, const char *path)
{
    if (izde__is_web_page(path))
        return izde__ingest_html(in, path);
    if (izde__is_warc(path))
        return count_then_index(in, path, izde__ingest_warc);
    if (izde__is_feed(path))
        return count_then_index(in, path, izde__ingest_feed);
    if (izde__has_ext(path, ".jsonl"))
        return count_then_index(in, path, index_jsonl_file);
    if (izde__has_ext(path, ".csv"))
        return count_then_index(in, path, izde__ingest_csv);
    return index_text_file(in, path);
}

int izde__ingest_read_one(ingest *in, const char *path)
{
    return index_file(in, path);
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
    unsigned long long tag; /* the run's defaults for the file (record.c), 0: none */
    unsigned problems;      /* files or records of it that could not be indexed */
} file_sig;

/* "SIZE MTIME_NS HASH[ dTAG][ pPROBLEMS]": the optional fields are read
 * after the third (a hash may start with a d). */
static int parse_sig(const char *v, file_sig *sig)
{
    int n = 0;
    if (!v || sscanf(v, "%llu %lld %llx%n", &sig->size, &sig->mtime_ns, &sig->hash, &n) != 3)
        return 0;
    sig->tag = 0;
    sig->problems = 0;
    for (const char *p = v + n; (p = strchr(p, ' ')) != NULL; p++) {
        if (p[1] == 'd')
            sscanf(p + 2, "%llx", &sig->tag);
        else if (p[1] == 'p')
            sscanf(p + 2, "%u", &sig->problems);
    }
    return 1;
}

/* An unchanged file that had problems when it was read: counted, and
 * named with -v (its problems are not reported again). */
static void old_problems(ingest *in, const char *path, const file_sig *was)
{
    if (!was->problems)
        return;
    in->stats->files_old_problems++;
    in->stats->old_problems += was->problems;
    izde__ingest_notice(in, path, "unchanged; %u of its records could not be indexed when it was "
                        "read (--force reads it again and says which)", was->problems);
}

/* "SIZE MTIME_NS HASH[ dTAG][ pPROBLEMS]" */
static void format_sig(const file_sig *sig, char *out, size_t size)
{
    int n = snprintf(out, size, "%llu %lld %016llx", sig->size, sig->mtime_ns, sig->hash);
    if (sig->tag && n > 0 && (size_t)n < size)
        n += snprintf(out + n, size - (size_t)n, " d%016llx", sig->tag);
    if (sig->problems && n > 0 && (size_t)n < size)
        snprintf(out + n, size - (size_t)n, " p%u", sig->problems);
}

/* Index one file unless its signature is unchanged. */
int izde__ingest_file(ingest *in, const file_entry *e, int force)
{
    izde_db *db = in->db;
    struct stat st;
    db->ix.read_seq = 0;
    int ok = stat(e->path, &st) == 0;
    izde__ingest_file_defaults(in, e->path, ok ? (long long)st.st_mtime : 0);
    if (!ok || !S_ISREG(st.st_mode)) /* a named pipe: read once, untracked */
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
    file_sig was = {0}, now = {e->size, e->mtime_ns, 0, in->defaults_tag, 0};
    int known = parse_sig(old, &was) && was.tag == now.tag; /* other defaults: read again */
    if (!force && known && was.size == now.size && was.mtime_ns == now.mtime_ns) {
        in->stats->files_unchanged++;
        old_problems(in, e->path, &was);
        goto done;
    }
    uint64_t h = 0;
    int hashed = hash_file(e->path, &h) == 0;
    now.hash = h;
    char sig[160];
    if (!force && known && hashed && was.size == now.size && was.hash == now.hash) {
        /* touched, not changed: remember the new mtime */
        in->stats->files_unchanged++;
        old_problems(in, e->path, &was);
        now.problems = was.problems;
        format_sig(&now, sig, sizeof sig);
        if ((xrc = izx_db_set_metadata(db->x, key.data, sig, strlen(sig))) != IZX_OK)
            rc = izde__db_izx_error(db, xrc, real);
        goto done;
    }
    unsigned had = 0;
    if ((xrc = izx_db_termfreq(db->x, term.data, term.len, &had)) != IZX_OK) {
        rc = izde__db_izx_error(db, xrc, real);
        goto done;
    }
    /* the signature goes before the documents do (in the same commit or
     * an earlier one), and comes back after the last of the new ones: a
     * run stopped in between leaves the file to be read again */
    if (old && *old && (xrc = izx_db_set_metadata(db->x, key.data, "", 0)) != IZX_OK) {
        rc = izde__db_izx_error(db, xrc, real);
        goto done;
    }
    if (had && (rc = izde__claims_drop(db, term.data, izde__ingest_reread_later, in, NULL)) !=
                   IZDE_OK)
        goto done;
    if (known || had)
        in->stats->files_changed++;
    else
        in->stats->files_new++;
    unsigned failed = in->stats->failed + in->unreported;
    rc = index_file(in, e->path);
    if (rc != IZDE_OK)
        goto done;
    /* the signature keeps how many of its records had problems: an
     * unchanged file is not read again, its problems not repeated */
    now.problems = in->stats->failed + in->unreported - failed;
    format_sig(&now, sig, sizeof sig);
    if (hashed && (xrc = izx_db_set_metadata(db->x, key.data, sig, strlen(sig))) != IZX_OK)
        rc = izde__db_izx_error(db, xrc, real);
done:
    izx_free(old);
    izde__buf_free(&term);
    izde__buf_free(&key);
    free(real);
    return rc;
}


int izde__ingest_range(ingest *in, const file_entry *e, const file_range *r, unsigned *problems)
{
    struct stat st;
    /* an article's place in its file: past every line before the range,
     * so the ranges keep the file's reading order (story_pass.c) */
    in->db->ix.read_seq = r->part ? (unsigned)(r->first_line - 1) : 0;
    izde__ingest_file_defaults(in, e->path, stat(e->path, &st) == 0 ? (long long)st.st_mtime : 0);
    if (!r->part)
        in->stats->files_new++;
    unsigned failed = in->stats->failed + in->unreported;
    in->range = r;
    int rc = index_file(in, e->path);
    in->range = NULL;
    *problems = in->stats->failed + in->unreported - failed;
    return rc;
}

int izde__ingest_write_sig(ingest *in, const file_entry *e, unsigned problems)
{
    izde_db *db = in->db;
    struct stat st;
    char *real = realpath(e->path, NULL);
    uint64_t h = 0;
    if (!real || stat(e->path, &st) != 0 || hash_file(e->path, &h) != 0) {
        free(real);
        return IZDE_OK; /* not tracked: the next run reads it again */
    }
    izde__ingest_file_defaults(in, e->path, (long long)st.st_mtime);
    izde_buf key = {0};
    izde__buf_puts(&key, IZDE_META_FILE);
    int rc = izde__file_key(&key, real) ? izde__db_error(db, IZDE_ENOMEM, "out of memory") : IZDE_OK;
    file_sig sig = {e->size, e->mtime_ns, h, in->defaults_tag, problems};
    char v[160];
    format_sig(&sig, v, sizeof v);
    int xrc = rc == IZDE_OK ? izx_db_set_metadata(db->x, key.data, v, strlen(v)) : IZX_OK;
    if (xrc != IZX_OK)
        rc = izde__db_izx_error(db, xrc, real);
    izde__buf_free(&key);
    free(real);
    return rc;
}
