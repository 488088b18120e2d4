/*
 * status.c - status code names, memory release and error-message helpers
 * shared by the library.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "izde.h"
#include "util.h"

const char *izde_status_name(int status)
{
    switch (status) {
    case IZDE_OK: return "IZDE_OK";
    case IZDE_ENOMEM: return "IZDE_ENOMEM";
    case IZDE_EINVAL: return "IZDE_EINVAL";
    case IZDE_EIO: return "IZDE_EIO";
    case IZDE_ENOTFOUND: return "IZDE_ENOTFOUND";
    case IZDE_ELOCKED: return "IZDE_ELOCKED";
    case IZDE_ECORRUPT: return "IZDE_ECORRUPT";
    case IZDE_EQUERY: return "IZDE_EQUERY";
    case IZDE_EFORMAT: return "IZDE_EFORMAT";
    case IZDE_EBACKEND: return "IZDE_EBACKEND";
    case IZDE_EVERSION: return "IZDE_EVERSION";
    case IZDE_ENETWORK: return "IZDE_ENETWORK";
    }
    return "IZDE_E?";
}

void izde_free(void *p)
{
    free(p);
}

char *izde__vstrdupf(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return NULL;
    char *s = malloc((size_t)n + 1);
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

char *izde__strdupf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = izde__vstrdupf(fmt, ap);
    va_end(ap);
    return s;
}
