/*
 * warc_reader.c - a web archive (.warc, .warc.gz; WARC/1.0 and 1.1) read
 * record by record, streamed (one record in memory at a time; zlib reads
 * the gzip members one after the other): each response record holding an
 * HTML page with status 200, and each HTML resource record, is an article
 * (html_page.c) whose id and fallback url are its WARC-Target-URI and
 * whose fallback date is its WARC-Date.  Revisits and records that are
 * not HTML pages are skipped and counted; a damaged record is reported
 * with its offset and the reading goes on at the next record; an archive
 * cut short is read up to the damage.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <zlib.h>

#include "ingest.h"
#include "warc.h"
#include "web.h"

typedef struct warc_rec {
    char type[32], uri[4096], date[64], ctype[128];
    unsigned long long length;
    int has_length;
    unsigned long long offset;   /* where its WARC/ line starts */
} warc_rec;

typedef struct warc_file {
    ingest *in;
    const char *path, *real;
    gzFile f;
    char line[8192];
    int pending;                 /* line holds a WARC/ line not yet used */
    int cut;                     /* the last line read ended at the end of the file, unfinished */
    unsigned long records, articles, revisits, not_html, not_ok, too_large, damaged;
} warc_file;

static int ends_with(const char *s, const char *ext)
{
    size_t n = strlen(s), e = strlen(ext);
    return n > e && strcasecmp(s + n - e, ext) == 0;
}

int izde__is_warc(const char *path)
{
    return ends_with(path, ".warc") || ends_with(path, ".warc.gz");
}

/* The next line without its end into w->line; -1 at the end. */
static int next_line(warc_file *w)
{
    if (!gzgets(w->f, w->line, sizeof w->line))
        return -1;
    size_t n = strlen(w->line);
    int whole = n && w->line[n - 1] == '\n', c = 0;
    while (n && (w->line[n - 1] == '\n' || w->line[n - 1] == '\r'))
        w->line[--n] = '\0';
    if (!whole) /* a longer line: the rest dropped */
        while ((c = gzgetc(w->f)) != -1 && c != '\n')
            ;
    w->cut = !whole && c == -1;
    return (int)n;
}

static void set_field(warc_rec *r, const char *line)
{
    static const struct { const char *name; size_t off, size; } fields[] = {
        {"WARC-Type", offsetof(warc_rec, type), sizeof ((warc_rec *)0)->type},
        {"WARC-Target-URI", offsetof(warc_rec, uri), sizeof ((warc_rec *)0)->uri},
        {"WARC-Date", offsetof(warc_rec, date), sizeof ((warc_rec *)0)->date},
        {"Content-Type", offsetof(warc_rec, ctype), sizeof ((warc_rec *)0)->ctype},
    };
    const char *colon = strchr(line, ':');
    if (!colon)
        return;
    const char *v = colon + 1;
    while (*v == ' ' || *v == '\t')
        v++;
    size_t k = (size_t)(colon - line);
    if (k == 14 && strncasecmp(line, "Content-Length", 14) == 0) {
        char *end = NULL;
        r->length = strtoull(v, &end, 10);
        r->has_length = end != v;
    }
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (strlen(fields[i].name) == k && strncasecmp(line, fields[i].name, k) == 0)
            snprintf((char *)r + fields[i].off, fields[i].size, "%s", v[0] == '<' ? v + 1 : v);
    size_t n = strlen(r->uri); /* WARC/1.0 writes <uri> */
    if (n && r->uri[n - 1] == '>')
        r->uri[n - 1] = '\0';
}

/* The next record's header: 1 read, 0 the end, -1 damaged (reported;
 * w->line then holds the next WARC/ line, if any). */
static int read_header(warc_file *w, warc_rec *r)
{
    memset(r, 0, sizeof *r);
    int n;
    if (!w->pending) {
        do {
            r->offset = (unsigned long long)gztell(w->f);
            n = next_line(w);
        } while (n == 0);
        if (n < 0)
            return 0;
    } else {
        r->offset = (unsigned long long)gztell(w->f) - strlen(w->line) - 2;
    }
    w->pending = 0;
    int ok = strncmp(w->line, "WARC/1.", 7) == 0;
    while (ok && (n = next_line(w)) > 0 && !w->cut)
        set_field(r, w->line);
    if (w->cut || (ok && n < 0)) {
        izde__ingest_report(w->in, w->path, 0, IZDE_EFORMAT,
                            "the record at byte %llu is cut short in its header; the archive is "
                            "damaged or truncated there, the records before it were read",
                            r->offset);
        return 0;
    }
    if (ok && r->has_length)
        return 1;
    w->damaged++;
    izde__ingest_report(w->in, w->path, 0, IZDE_EFORMAT,
                        "damaged record at byte %llu: %s; skipped up to the next record",
                        r->offset, ok ? "no Content-Length" : "no WARC/1.0 or WARC/1.1 line");
    while ((n = next_line(w)) >= 0)
        if (strncmp(w->line, "WARC/1.", 7) == 0) {
            w->pending = 1;
            return -1;
        }
    return 0;
}

/* The record's payload (malloc'ed); NULL when too large (skipped) or cut
 * short (*cut set: the archive ends there). */
static char *read_payload(warc_file *w, const warc_rec *r, int *cut)
{
    *cut = 0;
    char *b = r->length <= WARC_MAX_PAYLOAD ? malloc(r->length + 1) : NULL;
    unsigned long long got = 0;
    char sink[65536];
    while (got < r->length) {
        unsigned long long want = r->length - got;
        char *dst = b ? b + got : sink;
        unsigned chunk = (unsigned)(b ? (want > (1u << 30) ? 1u << 30 : want)
                                      : (want > sizeof sink ? sizeof sink : want));
        int n = gzread(w->f, dst, chunk);
        if (n <= 0)
            break;
        got += (unsigned long long)n;
    }
    int errnum = 0;
    gzerror(w->f, &errnum);
    if (got < r->length || (errnum != Z_OK && errnum != Z_STREAM_END)) {
        *cut = 1;
        izde__ingest_report(w->in, w->path, 0, IZDE_EFORMAT,
                            "the record at byte %llu (%s) is cut short: %llu of its %llu bytes; "
                            "the archive is damaged or truncated there, the records before it "
                            "were read", r->offset, *r->uri ? r->uri : r->type, got, r->length);
        free(b);
        return NULL;
    }
    if (!b)
        w->too_large++;
    else
        b[r->length] = '\0';
    return b;
}


static int page_article(warc_file *w, const warc_rec *r, const char *html, size_t len,
                        const char *charset)
{
    izde_page p;
    const char *err = NULL;
    const char *uri = *r->uri ? r->uri : NULL;
    int rc = izde__html_page(html, len, uri, charset, &p, &err);
    if (rc != IZDE_OK || !p.text.len) {
        w->not_html += rc == IZDE_OK;
        if (rc == IZDE_OK)
            izde__page_free(&p);
        return rc == IZDE_ENOMEM ? rc : IZDE_OK;
    }
    if (!p.date && (p.date = izde__normalize_date(r->date)))
        p.date_from = strdup("warc-date");
    char *fields = izde__page_fields(&p, *r->date ? r->date : NULL);
    char *auto_id = uri ? NULL : izde__strdupf("%s@%llu", w->real, r->offset);
    izde_article a = {.id = uri ? uri : auto_id, .path = w->real, .url = p.url ? p.url : uri,
                      .title = p.title, .source = p.source, .date = p.date, .lang = p.lang,
                      .text = p.text.data, .text_len = p.text.len, .fields = fields,
                      .charset = p.charset};
    rc = izde__ingest_article(w->in, w->path, 0, &a);
    w->articles++;
    free(fields);
    free(auto_id);
    izde__page_free(&p);
    return rc;
}

static int is_html(const char *ctype)
{
    return strncasecmp(ctype, "text/html", 9) == 0 ||
           strncasecmp(ctype, "application/xhtml", 17) == 0;
}

static int record(warc_file *w, const warc_rec *r, char *payload)
{
    if (strcasecmp(r->type, "revisit") == 0) {
        w->revisits++;
        return IZDE_OK;
    }
    if (strcasecmp(r->type, "resource") == 0) {
        if (!is_html(r->ctype)) {
            w->not_html++;
            return IZDE_OK;
        }
        return page_article(w, r, payload, r->length, NULL);
    }
    if (strcasecmp(r->type, "response") != 0)
        return IZDE_OK; /* warcinfo, request, metadata: not articles */
    warc_http h;
    int hrc = izde__warc_http(payload, r->length, &h);
    int rc = IZDE_OK;
    if (hrc == -1 || (hrc == 0 && !is_html(h.content_type)))
        w->not_html++;
    else if (hrc == 0 && h.status != 200)
        w->not_ok++;
    else if (hrc == -2)
        izde__ingest_report(w->in, w->path, 0, IZDE_EFORMAT,
                            "the response at byte %llu (%s) has a compressed body that cannot "
                            "be inflated; skipped", r->offset, r->uri);
    else
        rc = page_article(w, r, h.body, h.body_len, *h.charset ? h.charset : NULL);
    free(h.inflated);
    return rc;
}

static void summary(warc_file *w)
{
    izde__ingest_notice(w->in, w->path,
                        "%lu records: %lu pages read as articles; skipped %lu revisits, %lu not "
                        "HTML or without article text, %lu not status 200, %lu too large, "
                        "%lu damaged",
                        w->records, w->articles, w->revisits, w->not_html, w->not_ok,
                        w->too_large, w->damaged);
}

int izde__ingest_warc(ingest *in, const char *path)
{
    gzFile f = gzopen(path, "rb");
    if (!f) {
        izde__ingest_report(in, path, 0, errno == ENOENT ? IZDE_ENOTFOUND : IZDE_EIO,
                            "cannot read: %s", strerror(errno ? errno : EIO));
        return IZDE_OK;
    }
    gzbuffer(f, 1 << 17);
    in->stats->files++;
    char *real = realpath(path, NULL);
    warc_file w = {.in = in, .path = path, .real = real ? real : path, .f = f};
    warc_rec r;
    int rc = IZDE_OK, h, cut = 0;
    while (rc == IZDE_OK && !cut && (h = read_header(&w, &r)) != 0) {
        if (h < 0)
            continue;
        w.records++;
        char *payload = read_payload(&w, &r, &cut);
        if (payload)
            rc = record(&w, &r, payload);
        free(payload);
    }
    summary(&w);
    gzclose(f);
    free(real);
    return rc;
}
