/*
 * util.h - helpers every subsystem may use: formatted strings for error
 * messages (status.c) and the buffer (buf.h); hash.h is the hash.
 */
#ifndef IZDE_UTIL_H
#define IZDE_UTIL_H

#include <stdarg.h>

#include "buf.h"

#if defined(__GNUC__)
#define IZDE_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define IZDE_PRINTF(fmt, args)
#endif

char *izde__strdupf(const char *fmt, ...) IZDE_PRINTF(1, 2);
char *izde__vstrdupf(const char *fmt, va_list ap) IZDE_PRINTF(1, 0);

#endif /* IZDE_UTIL_H */
