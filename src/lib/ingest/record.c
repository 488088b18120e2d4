/*
 * record.c - what every reader of input files shares: problem reports
 * (each file or record that cannot be indexed, once), reading a whole
 * file, refusing what is not UTF-8 text, indexing one article, and the
 * names of the article fields.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>

#include <jansson.h>

#include "izde-private.h"
#include "hash.h"
#include "charset.h"
#include "ingest.h"
#include "dates.h"

#define report izde__ingest_report


static void vreport(ingest *in, int always, const char *path, unsigned long line, int status,
                    const char *fmt, va_list ap)
{
    if (in->counting)
        return; /* the reading that indexes reports it */
    if (!always && in->db && !in->db->out.report_unrouted) {
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

int izde__has_ext(const char *name, const char *ext)
{
    size_t n = strlen(name), e = strlen(ext);
    return n > e && strcmp(name + n - e, ext) == 0;
}

char *izde__ingest_read_file(ingest *in, const char *path, size_t max, size_t *len_out)
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
    int too_large = 0;
    while (!too_large && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        too_large = max && b.len + n > max; /* a pipe has no size to check first */
        if (!too_large && izde__buf_append(&b, chunk, n))
            break;
    }
    int err = !too_large && ferror(f) ? errno : 0;
    fclose(f);
    if (too_large) {
        report(in, path, 0, IZDE_EFORMAT,
               "too large for one article (more than %zu MB read; the limit is %zu MB): split it "
               "into articles, or give it as .jsonl or .csv with one article per record",
               max >> 20, max >> 20);
        izde__buf_free(&b);
        return NULL;
    }
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

void izde__ingest_file_defaults(ingest *in, const char *path, long long mtime)
{
    const izde_index_options *o = in->defaults;
    in->file_date[0] = '\0';
    in->defaults_tag = 0;
    if (!o || (!o->source && !o->lang && !o->date_from))
        return;
    int y, m, d;
    if (o->date_from == IZDE_DATE_FROM_FILENAME && izde__filename_date(path, &y, &m, &d) == 3)
        snprintf(in->file_date, sizeof in->file_date, "%04d-%02d-%02d", y, m, d);
    if (o->date_from == IZDE_DATE_FROM_MTIME) {
        time_t t = (time_t)mtime;
        struct tm tm;
        if (gmtime_r(&t, &tm))
            strftime(in->file_date, sizeof in->file_date, "%Y-%m-%d", &tm);
    }
    char *tag = izde__strdupf("source=%s\nlang=%s\ndate=%d:%s", o->source ? o->source : "",
                              o->lang ? o->lang : "", o->date_from, in->file_date);
    in->defaults_tag = tag ? izde__hash(IZDE_HASH_SEED_V1, tag, strlen(tag)) | 1 : 1;
    free(tag);
}

/* The article with the run's defaults in the fields it lacks. */
static izde_article with_defaults(const ingest *in, const izde_article *a)
{
    izde_article b = *a;
    const izde_index_options *o = in->defaults;
    if (!o)
        return b;
    if ((!b.source || !*b.source) && o->source)
        b.source = o->source;
    if ((!b.lang || !*b.lang) && o->lang)
        b.lang = o->lang;
    if (in->file_date[0])
        b.date_default = in->file_date;
    return b;
}

int izde__ingest_article(ingest *in, const char *path, unsigned long line, const izde_article *a)
{
    if (in->emit)
        return in->emit(in->emit_payload, a);
    if (in->counting)
        return izde__count_article(in->db, a);
    unsigned others = in->db->out.other, clashes = in->db->ix.id_clashes;
    izde_article b = with_defaults(in, a);
    b.line = line;
    int rc = izde_index_article(in->db, &b);
    in->stats->id_clashes += in->db->ix.id_clashes - clashes;
    if (rc == IZDE_OK) {
        if (in->db->out.other == others)
            in->stats->articles++;
        return IZDE_OK;
    }
    if (rc == IZDE_EFORMAT || rc == IZDE_EINVAL) {
        report_article(in, path, line, rc, "%s", izde_db_errmsg(in->db));
        return IZDE_OK;
    }
    return rc;
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

int izde__ingest_notice(ingest *in, const char *path, const char *fmt, ...)
{
    if (!in->db || !in->db->ix.notice || in->counting)
        return 0;
    va_list ap;
    va_start(ap, fmt);
    char *msg = izde__vstrdupf(fmt, ap);
    va_end(ap);
    if (msg)
        in->db->ix.notice(in->db->ix.notice_payload, path, msg);
    free(msg);
    return 0;
}
