/*
 * buf.c - a growable byte buffer with sticky out-of-memory status, used
 * to build terms, JSON and snippets without per-call allocation.
 */
#include <stdlib.h>
#include <string.h>

#include "izde.h"
#include "buf.h"

int izde__buf_reserve(izde_buf *b, size_t extra)
{
    if (b->oom)
        return IZDE_ENOMEM;
    if (b->len + extra + 1 <= b->cap)
        return IZDE_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->oom = 1;
        return IZDE_ENOMEM;
    }
    b->data = p;
    b->cap = cap;
    return IZDE_OK;
}

int izde__buf_append(izde_buf *b, const char *s, size_t n)
{
    if (izde__buf_reserve(b, n))
        return IZDE_ENOMEM;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return IZDE_OK;
}

int izde__buf_puts(izde_buf *b, const char *s)
{
    return izde__buf_append(b, s, strlen(s));
}

int izde__buf_putc(izde_buf *b, char c)
{
    return izde__buf_append(b, &c, 1);
}

void izde__buf_clear(izde_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void izde__buf_free(izde_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}
