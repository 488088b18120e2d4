/*
 * serve_log.h - libmicrohttpd's own messages (a client that closed too
 * early, a head too big) on standard error, a few a second at most: a flood
 * of broken connections must not become a flood of lines.
 */
#ifndef IZDE_SERVE_LOG_H
#define IZDE_SERVE_LOG_H

#include <stdarg.h>

#define SERVE_LOG_PER_SECOND 10

/* MHD_OPTION_EXTERNAL_LOGGER; cls unused. */
void serve_log_mhd(void *cls, const char *fmt, va_list ap);

#endif /* IZDE_SERVE_LOG_H */
