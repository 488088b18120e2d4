/*
 * warc_http.c - the HTTP response inside a WARC record: status line,
 * headers (Content-Type and its charset, Transfer-Encoding: chunked,
 * Content-Encoding: gzip or deflate) and the body, de-chunked and
 * decompressed (zlib).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zlib.h>

#include "warc.h"

/* The first place of `needle` in `hay`, letters of any case; or NULL. */
static const char *find_ci(const char *hay, const char *needle)
{
    size_t k = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, k) == 0)
            return hay;
    return NULL;
}

/* The value of header `name` in the header block h[0..n) into out. */
static int header(const char *h, size_t n, const char *name, char *out, size_t outsz)
{
    size_t k = strlen(name);
    for (size_t i = 0; i < n;) {
        const char *e = memchr(h + i, '\n', n - i);
        size_t len = e ? (size_t)(e - h) - i : n - i;
        if (len > k && strncasecmp(h + i, name, k) == 0 && h[i + k] == ':') {
            size_t b = i + k + 1, end = i + len;
            while (b < end && (h[b] == ' ' || h[b] == '\t'))
                b++;
            while (end > b && isspace((unsigned char)h[end - 1]))
                end--;
            size_t m = end - b < outsz - 1 ? end - b : outsz - 1;
            memcpy(out, h + b, m);
            out[m] = '\0';
            return 1;
        }
        i += len + 1;
    }
    *out = '\0';
    return 0;
}

/* Undo chunked transfer coding in place; returns the new length. */
static size_t dechunk(char *b, size_t n)
{
    size_t in = 0, out = 0;
    while (in < n) {
        char *end = NULL;
        unsigned long sz = strtoul(b + in, &end, 16);
        const char *nl = memchr(b + in, '\n', n - in);
        if (!nl || !end || end == b + in || sz == 0)
            break;
        in = (size_t)(nl - b) + 1;
        if (sz > n - in)
            sz = n - in;
        memmove(b + out, b + in, sz);
        out += sz, in += sz;
        while (in < n && (b[in] == '\r' || b[in] == '\n'))
            in++;
    }
    return out;
}

/* gzip, zlib or raw deflate data inflated (malloc'ed), or NULL. */
static char *inflate_all(const char *b, size_t n, size_t *out_len)
{
    for (int bits = 15 + 32; ; bits = -15) {
        z_stream z = {0};
        izde_buf o = {0};
        if (inflateInit2(&z, bits) != Z_OK)
            return NULL;
        z.next_in = (Bytef *)b;
        z.avail_in = (uInt)n;
        int rc = Z_OK;
        char chunk[65536];
        while (rc == Z_OK && o.len < WARC_MAX_PAYLOAD) {
            z.next_out = (Bytef *)chunk;
            z.avail_out = sizeof chunk;
            rc = inflate(&z, Z_NO_FLUSH);
            izde__buf_append(&o, chunk, sizeof chunk - z.avail_out);
            if (rc == Z_BUF_ERROR && z.avail_in == 0)
                rc = Z_STREAM_END; /* cut short: keep what came */
        }
        inflateEnd(&z);
        if (rc == Z_STREAM_END && !o.oom && o.len) {
            *out_len = o.len;
            return o.data;
        }
        izde__buf_free(&o);
        if (bits == -15)
            return NULL;
    }
}

int izde__warc_http(char *p, size_t n, warc_http *h)
{
    memset(h, 0, sizeof *h);
    if (n < 12 || strncmp(p, "HTTP/", 5) != 0)
        return -1;
    const char *sp = memchr(p, ' ', n < 16 ? n : 16);
    h->status = sp ? atoi(sp + 1) : 0;
    char *end = NULL;
    for (size_t i = 0; i + 3 < n && !end; i++)
        if (p[i] == '\n' && (p[i + 1] == '\n' || (p[i + 1] == '\r' && p[i + 2] == '\n')))
            end = p + i + 1;
    if (!end)
        return -1;
    size_t hlen = (size_t)(end - p);
    char te[64], ce[64];
    header(p, hlen, "Content-Type", h->content_type, sizeof h->content_type);
    header(p, hlen, "Transfer-Encoding", te, sizeof te);
    header(p, hlen, "Content-Encoding", ce, sizeof ce);
    const char *cs = find_ci(h->content_type, "charset=");
    if (cs) {
        size_t k = 0;
        for (cs += 8; *cs == '"' || *cs == '\''; cs++)
            ;
        while (k + 1 < sizeof h->charset && (isalnum((unsigned char)cs[k]) || cs[k] == '-' || cs[k] == '_'))
            h->charset[k] = cs[k], k++;
        h->charset[k] = '\0';
    }
    end += *end == '\r';
    end += *end == '\n';
    h->body = end;
    h->body_len = n - (size_t)(end - p);
    if (find_ci(te, "chunked"))
        h->body_len = dechunk(h->body, h->body_len);
    if (find_ci(ce, "gzip") || find_ci(ce, "deflate")) {
        h->inflated = inflate_all(h->body, h->body_len, &h->body_len);
        if (!h->inflated)
            return -2;
        h->body = h->inflated;
    }
    return 0;
}
