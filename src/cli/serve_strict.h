/*
 * serve_strict.h - what `izde serve` refuses in a request's head before
 * answering it: more query parameters than any endpoint takes, header
 * names that are not tokens (whitespace before the colon), two
 * Content-Length headers, Transfer-Encoding beside Content-Length.  Each
 * is answered with a JSON error and the connection closed, so no byte of
 * such a request is ever read as another request.
 */
#ifndef IZDE_SERVE_STRICT_H
#define IZDE_SERVE_STRICT_H

#include <stddef.h>

#include <microhttpd.h>

#define SERVE_MAX_PARAMS 100 /* query parameters of one request */

/* MHD_OPTION_URI_LOG_CALLBACK: what the request handler's first call finds
 * in *con_cls; over SERVE_MAX_PARAMS parameters, they are dropped (before
 * libmicrohttpd parses them, which would fail and close the connection
 * without an answer) and serve_uri_refused() says so. */
void *serve_uri_arrived(void *cls, const char *uri, struct MHD_Connection *c);
/* 1 when *con_cls is what serve_uri_arrived returned: the handler's first call. */
int serve_uri_first_call(const void *con_cls);
/* The status and message for a URI refused by serve_uri_arrived, or 0. */
int serve_uri_refused(const void *con_cls, char *msg, size_t size);

/* The status and message for a head that is refused, or 0. */
int serve_head_refused(struct MHD_Connection *c, char *msg, size_t size);

#endif /* IZDE_SERVE_STRICT_H */
