/*
 * serve_guard.h - keeps `izde serve` reachable while clients hold
 * connections open without asking anything: a deadline for each request to
 * arrive whole, and room made for new connections by closing the oldest
 * idle ones (of the same client first).  It sees connections through
 * libmicrohttpd's callbacks and closes them by shutting their socket down.
 */
#ifndef IZDE_SERVE_GUARD_H
#define IZDE_SERVE_GUARD_H

#include <microhttpd.h>

typedef struct serve_guard serve_guard;

typedef struct serve_guard_limits {
    unsigned max_connections;    /* open connections at most */
    unsigned threads;            /* MHD_OPTION_THREAD_POOL_SIZE: each has its share */
    unsigned per_client;         /* open connections of one client address at most */
    unsigned request_timeout_ms; /* from opening (or the previous answer) to a whole request */
} serve_guard_limits;

/* What to give MHD_OPTION_CONNECTION_LIMIT: a little more than
 * max_connections, room for the connection that makes room. */
unsigned serve_guard_mhd_limit(const serve_guard_limits *limits);

/* Starts the watchdog thread; NULL when out of memory or threads. */
serve_guard *serve_guard_start(const serve_guard_limits *limits);
/* After MHD_stop_daemon: stops the watchdog and frees. */
void serve_guard_stop(serve_guard *g);

/* MHD_OPTION_NOTIFY_CONNECTION, with the guard as cls. */
void serve_guard_on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                               enum MHD_ConnectionNotificationCode toe);
/* MHD_OPTION_NOTIFY_COMPLETED, with the guard as cls: the answer is out, the
 * connection waits for its next request. */
void serve_guard_on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                              enum MHD_RequestTerminationCode toe);
/* From the request handler's first call: the request has arrived whole. */
void serve_guard_request_arrived(serve_guard *g, struct MHD_Connection *c);

#endif /* IZDE_SERVE_GUARD_H */
