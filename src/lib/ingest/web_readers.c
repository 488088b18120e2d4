/*
 * web_readers.c - a saved web page (.html, .htm, .xhtml; gzip-compressed
 * as .html.gz or .htm.gz) as one article: its main text and metadata
 * (html_page.c); the metadata with no article field of their own (author,
 * modification date, where the date came from) kept in the document data.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <zlib.h>

#include "ingest.h"
#include "web.h"

/* A page is at most this big (compressed or not). */
#define MAX_PAGE_BYTES (64u << 20)

static int ends_with(const char *s, const char *ext)
{
    size_t n = strlen(s), e = strlen(ext);
    return n > e && strcasecmp(s + n - e, ext) == 0;
}

int izde__is_web_page(const char *path)
{
    static const char *const exts[] = {".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", NULL};
    for (const char *const *e = exts; *e; e++)
        if (ends_with(path, *e))
            return 1;
    return 0;
}

/* The whole file, gunzipped when it is gzip (zlib reads plain files as
 * they are); NULL after reporting. */
static char *read_page(ingest *in, const char *path, size_t *len)
{
    gzFile f = gzopen(path, "rb");
    if (!f) {
        izde__ingest_report(in, path, 0, errno == ENOENT ? IZDE_ENOTFOUND : IZDE_EIO,
                            "cannot read: %s", strerror(errno ? errno : EIO));
        return NULL;
    }
    izde_buf b = {0};
    char chunk[65536];
    int n;
    while ((n = gzread(f, chunk, sizeof chunk)) > 0 && b.len <= MAX_PAGE_BYTES)
        izde__buf_append(&b, chunk, (size_t)n);
    int errnum = 0;
    const char *zerr = gzerror(f, &errnum);  /* a cut stream: Z_BUF_ERROR */
    if (errnum == Z_OK || errnum == Z_STREAM_END)
        zerr = NULL;
    if (zerr || b.oom || b.len > MAX_PAGE_BYTES) {
        if (b.oom)
            izde__ingest_report(in, path, 0, IZDE_ENOMEM, "cannot read: out of memory");
        else if (zerr) {
            size_t pl = strlen(path); /* zlib's message starts with the path */
            if (strncmp(zerr, path, pl) == 0 && zerr[pl] == ':')
                zerr += pl + 1 + (zerr[pl + 1] == ' ');
            izde__ingest_report(in, path, 0, IZDE_EFORMAT,
                                "cannot read: %s (damaged gzip data?); unpack what is left "
                                "with zcat and give the page as .html", zerr);
        }
        else
            izde__ingest_report(in, path, 0, IZDE_EFORMAT,
                                "too large for one web page (more than %u MB)",
                                MAX_PAGE_BYTES >> 20);
        gzclose(f);
        izde__buf_free(&b);
        return NULL;
    }
    gzclose(f);
    izde__buf_putc(&b, '\0');
    *len = b.len - 1;
    return b.data;
}

/* The page's other metadata as the document's JSON fields (malloc'ed;
 * NULL when there are none); warc_date: the record's WARC-Date, or NULL. */
char *izde__page_fields(const izde_page *p, const char *warc_date)
{
    json_t *o = json_object();
    if (p->date_from)
        json_object_set_new(o, "date_from", json_string(p->date_from));
    if (p->modified)
        json_object_set_new(o, "modified", json_string(p->modified));
    if (p->author)
        json_object_set_new(o, "author", json_string(p->author));
    if (warc_date)
        json_object_set_new(o, "warc_date", json_string(warc_date));
    char *s = json_object_size(o) ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    return s;
}

int izde__ingest_html(ingest *in, const char *path)
{
    size_t len = 0;
    char *bytes = read_page(in, path, &len);
    if (!bytes)
        return IZDE_OK;
    in->stats->files++;
    izde_page p;
    const char *err = NULL;
    int rc = izde__html_page(bytes, len, NULL, NULL, &p, &err);
    free(bytes);
    if (rc != IZDE_OK) {
        izde__ingest_report(in, path, 0, rc, "%s", rc == IZDE_ENOMEM ? "out of memory" : err);
        return IZDE_OK;
    }
    if (!p.text.len) {
        izde__ingest_report(in, path, 0, IZDE_EFORMAT,
                            "no article text found in the page (only navigation, scripts or "
                            "forms); nothing to index");
        izde__page_free(&p);
        return IZDE_OK;
    }
    char *real = realpath(path, NULL);
    char *fields = izde__page_fields(&p, NULL);
    izde_article a = {.id = real ? real : path, .path = real ? real : path, .url = p.url,
                      .title = p.title, .source = p.source, .date = p.date, .lang = p.lang,
                      .text = p.text.data, .text_len = p.text.len, .fields = fields,
                      .charset = p.charset};
    rc = izde__ingest_article(in, path, 0, &a);
    free(fields);
    free(real);
    izde__page_free(&p);
    return rc;
}
