/*
 * buf.h - a growable byte buffer with a sticky out-of-memory status
 * (buf.c), for terms, keys, JSON and snippets.
 */
#ifndef IZDE_BUF_H
#define IZDE_BUF_H

#include <stddef.h>

typedef struct izde_buf {
    char *data;  /* NUL-terminated when non-NULL */
    size_t len;  /* bytes used, excluding the NUL */
    size_t cap;  /* bytes allocated */
    int oom;     /* sticky: an allocation failed */
} izde_buf;

int izde__buf_reserve(izde_buf *b, size_t extra);
int izde__buf_append(izde_buf *b, const char *s, size_t n);
int izde__buf_puts(izde_buf *b, const char *s);
int izde__buf_putc(izde_buf *b, char c);
void izde__buf_clear(izde_buf *b);
void izde__buf_free(izde_buf *b);

#endif /* IZDE_BUF_H */
