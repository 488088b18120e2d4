/*
 * warc.h - web archives (ISO 28500, WARC/1.0 and 1.1; .warc, or .warc.gz
 * with a gzip member per record) read as articles: the records
 * (warc_reader.c) and the HTTP responses they hold (warc_http.c).
 */
#ifndef IZDE_WARC_H
#define IZDE_WARC_H

#include <stddef.h>

#include "buf.h"

/* A record's payload larger than this is skipped (and counted). */
#define WARC_MAX_PAYLOAD (64u << 20)

typedef struct warc_http {
    int status;              /* 200, 404, ... */
    char content_type[128];  /* "text/html; charset=windows-1251" */
    char charset[40];        /* from Content-Type, or "" */
    char *body;              /* into the record, or into `inflated` */
    size_t body_len;
    char *inflated;          /* malloc'ed when Content-Encoding was gzip/deflate */
} warc_http;

/* Parse the HTTP response p[0..n) (de-chunked in place): 0, -1 when it is
 * not an HTTP response, -2 when its compressed body cannot be inflated.
 * Free h->inflated after. */
int izde__warc_http(char *p, size_t n, warc_http *h);

#endif
