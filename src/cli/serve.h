/*
 * serve.h - shared by the parts of `izde serve`: the limits, the JSON
 * endpoints (serve_api.c) and the bundled page (web assets generated at
 * build time from src/web/).
 */
#ifndef IZDE_SERVE_H
#define IZDE_SERVE_H

#include <stddef.h>

#include "izde.h"

#define SERVE_MAX_QUERY_BYTES 1024 /* q, claim and the other text parameters */
#define SERVE_MAX_HITS 100         /* n of /api/search */
#define SERVE_MAX_OFFSET 10000     /* offset of /api/search */

/* A status and a malloc'ed body (NULL: out of memory): JSON, or with
 * `filename` set (format=csv) CSV sent as that attachment. */
typedef struct serve_reply {
    int status;
    char *body;
    const char *filename; /* a static string, "izde-search.csv" */
    const char *type;     /* the Content-Type when neither JSON nor CSV, or NULL */
} serve_reply;

/* The request's query parameters, decoded; get() returns NULL when absent. */
typedef struct serve_params {
    const char *(*get)(void *ctx, const char *name);
    void *ctx;
} serve_params;

int serve_is_api(const char *path);
/* Answer GET `path` (under /api/) on `db`. */
serve_reply serve_api(izde_db *db, const char *path, const serve_params *p);
/* /feeds/NAME.atom: saved search NAME as an Atom feed (serve_feed.c),
 * its links under `base` ("http://host:port"); 404 for an unknown NAME. */
int serve_is_feed(const char *path);
serve_reply serve_feed(izde_db *db, const char *path, const char *base);
/* {"error": msg} with `status`. */
serve_reply serve_error(int status, const char *msg);

/* The bundled page: a file by its URL path, or NULL. */
typedef struct serve_asset {
    const char *path;         /* "/", "/app.js", ... */
    const char *content_type;
    const unsigned char *data;
    size_t len;
} serve_asset;
const serve_asset *serve_find_asset(const char *path);

#endif /* IZDE_SERVE_H */
