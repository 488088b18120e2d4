/*
 * serve_strict.c - the checks of a request's head that `izde serve` makes
 * before answering (see serve_strict.h).  A proxy in front of the server
 * may read an ambiguous head otherwise than libmicrohttpd does (which
 * Content-Length counts, whether "Content-Length :" is one): refusing it
 * and closing the connection leaves no bytes to be taken for a second,
 * smuggled request.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "serve_strict.h"

static const char uri_taken, uri_too_many;

void *serve_uri_arrived(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls;
    (void)c;
    char *query = strchr(uri, '?');
    size_t params = query && query[1] ? 1 : 0;
    for (const char *p = query; p && *p; p++)
        params += *p == '&';
    if (params <= SERVE_MAX_PARAMS)
        return (void *)&uri_taken;
    /* libmicrohttpd 0.9 parses the parameters from this very buffer after
     * this call, into the connection's memory pool; a thousand of them
     * exhaust it and the connection is closed with no answer.  Ending the
     * query string here leaves none to parse; the request is refused. */
    query[1] = '\0';
    return (void *)&uri_too_many;
}

int serve_uri_first_call(const void *con_cls)
{
    return con_cls == &uri_taken || con_cls == &uri_too_many;
}

int serve_uri_refused(const void *con_cls, char *msg, size_t size)
{
    if (con_cls != &uri_too_many)
        return 0;
    snprintf(msg, size, "more than %d query parameters; the endpoints take at most 4",
             SERVE_MAX_PARAMS);
    return 414;
}

/* ---- the headers ------------------------------------------------------------------ */

typedef struct head_scan {
    unsigned content_lengths, transfer_encodings;
    int bad_name;
} head_scan;

/* A token (RFC 9110 5.6.2): what a header's name is made of. */
static int is_token(const char *s)
{
    static const char extra[] = "!#$%&'*+-.^_`|~";
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              strchr(extra, *s)))
            return 0;
    return 1;
}

static enum MHD_Result scan_header(void *cls, enum MHD_ValueKind kind, const char *name,
                                   const char *value)
{
    head_scan *scan = cls;
    (void)kind;
    (void)value;
    if (!is_token(name))
        scan->bad_name = 1;
    else if (strcasecmp(name, MHD_HTTP_HEADER_CONTENT_LENGTH) == 0)
        scan->content_lengths++;
    else if (strcasecmp(name, MHD_HTTP_HEADER_TRANSFER_ENCODING) == 0)
        scan->transfer_encodings++;
    return MHD_YES;
}

int serve_head_refused(struct MHD_Connection *c, char *msg, size_t size)
{
    head_scan scan = {0};
    MHD_get_connection_values(c, MHD_HEADER_KIND, scan_header, &scan);
    const char *why = scan.bad_name ? "a header name holds a character other than letters, digits "
                                      "and !#$%&'*+-.^_`|~ (whitespace before the colon?)"
                      : scan.content_lengths > 1 ? "more than one Content-Length header"
                      : scan.transfer_encodings && scan.content_lengths
                          ? "Transfer-Encoding and Content-Length together"
                          : NULL;
    if (!why)
        return 0;
    snprintf(msg, size, "%s", why);
    return 400;
}
