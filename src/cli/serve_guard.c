/*
 * serve_guard.c - the connections of `izde serve` as a table of slots
 * (one per open connection, found again through libmicrohttpd's socket
 * context), each waiting for a request or answering one.  A connection
 * waiting longer than the request deadline is closed by a watchdog thread,
 * however slowly bytes trickle in (libmicrohttpd's own timeout starts over
 * with each byte) - unless bytes wait unread in the socket: then the
 * server is behind, not the client.  A new connection that takes its
 * client past its share, or the server past --max-connections, closes the
 * oldest idle connection (of that client, or any: waiting, with no request
 * unread in its socket); with none idle,
 * the new one is turned away.  libmicrohttpd is given a little more room
 * than that (serve_guard_mhd_limit): a pool thread at its part of the
 * limit stops accepting, and the others still have room for the
 * connection that makes room.  So idle and slow clients cannot
 * fill the server: a whole request is answered while thousands are open.
 * Closing is shutdown(2) under the lock; libmicrohttpd sees the end of
 * the stream and closes the socket itself after telling us (so the
 * descriptor is never another's by then).
 */
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>

#include "serve_guard.h"

enum slot_state { SLOT_FREE, SLOT_WAITING, SLOT_ANSWERING, SLOT_CLOSING };

typedef struct guard_slot {
    enum slot_state state;
    int fd;
    uint32_t client;   /* IPv4 address; 0 for any other kind */
    uint64_t since_ms; /* when it began to wait or to be answered */
} guard_slot;

struct serve_guard {
    serve_guard_limits limits;
    unsigned open; /* connections neither free nor closing */
    pthread_mutex_t lock;
    pthread_cond_t wake;
    int stopping;
    pthread_t watchdog;
    guard_slot *slots;
    size_t nslots;
    size_t *free_slots; /* a stack of indexes into slots */
    size_t nfree;
};

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void close_slot(serve_guard *g, guard_slot *s)
{
    shutdown(s->fd, SHUT_RDWR);
    s->state = SLOT_CLOSING;
    g->open--;
}

/* Bytes of a request wait unread in the socket: the server is behind, the
 * client is not idle. */
static int has_unread(const guard_slot *s)
{
    int unread = 0;
    return ioctl(s->fd, FIONREAD, &unread) == 0 && unread > 0;
}

static int is_open(const guard_slot *s)
{
    return s->state == SLOT_WAITING || s->state == SLOT_ANSWERING;
}

enum group { BY_CLIENT, ALL };

/* Among the open slots in the group of `except` (its client, or all): the
 * oldest waiting one other than `except` with no request unread in its
 * socket (a client whose request the server has not read yet is not idle). */
static guard_slot *oldest_waiting(serve_guard *g, const guard_slot *except, enum group by)
{
    guard_slot *oldest = NULL;
    for (size_t i = 0; i < g->nslots; i++) {
        guard_slot *s = &g->slots[i];
        if (s == except || s->state != SLOT_WAITING ||
            (by == BY_CLIENT && s->client != except->client) || has_unread(s))
            continue;
        if (!oldest || s->since_ms < oldest->since_ms)
            oldest = s;
    }
    return oldest;
}

static unsigned client_open(const serve_guard *g, uint32_t client)
{
    unsigned n = 0;
    for (size_t i = 0; i < g->nslots; i++)
        n += is_open(&g->slots[i]) && g->slots[i].client == client;
    return n;
}

/* Over a cap in the group of `fresh`: the oldest waiting one goes, or `fresh`. */
static void make_room_in(serve_guard *g, guard_slot *fresh, enum group by)
{
    guard_slot *oldest = oldest_waiting(g, fresh, by);
    close_slot(g, oldest ? oldest : fresh);
}

/* Room for the new connection `fresh`: its client's share, the server's. */
static void make_room(serve_guard *g, guard_slot *fresh)
{
    if (client_open(g, fresh->client) > g->limits.per_client)
        make_room_in(g, fresh, BY_CLIENT);
    if (is_open(fresh) && g->open > g->limits.max_connections)
        make_room_in(g, fresh, ALL);
}

static guard_slot *slot_of(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? info->socket_context : NULL;
}

static uint32_t client_of(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info || !info->client_addr || info->client_addr->sa_family != AF_INET)
        return 0;
    return ((const struct sockaddr_in *)(const void *)info->client_addr)->sin_addr.s_addr;
}

static void connection_opened(serve_guard *g, struct MHD_Connection *c, void **socket_context)
{
    const union MHD_ConnectionInfo *fd = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
    pthread_mutex_lock(&g->lock);
    if (!fd || g->nfree == 0) { /* cannot happen: as many slots as connections */
        pthread_mutex_unlock(&g->lock);
        return;
    }
    guard_slot *s = &g->slots[g->free_slots[--g->nfree]];
    *s = (guard_slot){SLOT_WAITING, fd->connect_fd, client_of(c), now_ms()};
    g->open++;
    make_room(g, s);
    pthread_mutex_unlock(&g->lock);
    *socket_context = s;
}

static void connection_closed(serve_guard *g, guard_slot *s)
{
    pthread_mutex_lock(&g->lock);
    if (is_open(s))
        g->open--;
    s->state = SLOT_FREE;
    g->free_slots[g->nfree++] = (size_t)(s - g->slots);
    pthread_mutex_unlock(&g->lock);
}

void serve_guard_on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                               enum MHD_ConnectionNotificationCode toe)
{
    if (toe == MHD_CONNECTION_NOTIFY_STARTED)
        connection_opened(cls, c, socket_context);
    else if (*socket_context)
        connection_closed(cls, *socket_context);
}

/* The connection's slot moves from `from` to `to`, its clock started again. */
static void move_slot(serve_guard *g, struct MHD_Connection *c, enum slot_state from,
                      enum slot_state to)
{
    guard_slot *s = slot_of(c);
    if (!s)
        return;
    pthread_mutex_lock(&g->lock);
    if (s->state == from) {
        s->state = to;
        s->since_ms = now_ms();
    }
    pthread_mutex_unlock(&g->lock);
}

void serve_guard_request_arrived(serve_guard *g, struct MHD_Connection *c)
{
    move_slot(g, c, SLOT_WAITING, SLOT_ANSWERING);
}

void serve_guard_on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                              enum MHD_RequestTerminationCode toe)
{
    (void)con_cls;
    (void)toe;
    move_slot(cls, c, SLOT_ANSWERING, SLOT_WAITING);
}

/* ---- the watchdog ------------------------------------------------------------------- */

static void close_overdue(serve_guard *g)
{
    uint64_t now = now_ms();
    for (size_t i = 0; i < g->nslots; i++) {
        guard_slot *s = &g->slots[i];
        if (s->state == SLOT_WAITING && now - s->since_ms >= g->limits.request_timeout_ms &&
            !has_unread(s))
            close_slot(g, s);
    }
}

static void *watchdog(void *arg)
{
    serve_guard *g = arg;
    unsigned period_ms = g->limits.request_timeout_ms / 4;
    period_ms = period_ms < 50 ? 50 : period_ms > 1000 ? 1000 : period_ms;
    pthread_mutex_lock(&g->lock);
    while (!g->stopping) {
        struct timespec t;
        clock_gettime(CLOCK_MONOTONIC, &t);
        t.tv_nsec += (long)(period_ms % 1000) * 1000000L;
        t.tv_sec += period_ms / 1000 + t.tv_nsec / 1000000000L;
        t.tv_nsec %= 1000000000L;
        pthread_cond_timedwait(&g->wake, &g->lock, &t);
        close_overdue(g);
    }
    pthread_mutex_unlock(&g->lock);
    return NULL;
}

/* ---- start and stop ---------------------------------------------------------------- */

static void guard_free(serve_guard *g)
{
    free(g->slots);
    free(g->free_slots);
    free(g);
}

/* Connections libmicrohttpd may hold on each pool thread beyond its part
 * of --max-connections: the new one that makes room, and those closed but
 * not yet cleaned up. */
#define SPARE_PER_THREAD 16

unsigned serve_guard_mhd_limit(const serve_guard_limits *l)
{
    unsigned threads = l->threads ? l->threads : 1;
    unsigned share = (l->max_connections + threads - 1) / threads;
    return threads * (share + SPARE_PER_THREAD);
}

serve_guard *serve_guard_start(const serve_guard_limits *limits)
{
    serve_guard *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->limits = *limits;
    g->nslots = serve_guard_mhd_limit(limits);
    g->slots = calloc(g->nslots, sizeof *g->slots);
    g->free_slots = calloc(g->nslots, sizeof *g->free_slots);
    if (!g->slots || !g->free_slots) {
        guard_free(g);
        return NULL;
    }
    for (size_t i = 0; i < g->nslots; i++)
        g->free_slots[g->nfree++] = g->nslots - 1 - i;
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&g->wake, &attr);
    pthread_condattr_destroy(&attr);
    pthread_mutex_init(&g->lock, NULL);
    if (pthread_create(&g->watchdog, NULL, watchdog, g) != 0) {
        pthread_cond_destroy(&g->wake);
        pthread_mutex_destroy(&g->lock);
        guard_free(g);
        return NULL;
    }
    return g;
}

void serve_guard_stop(serve_guard *g)
{
    if (!g)
        return;
    pthread_mutex_lock(&g->lock);
    g->stopping = 1;
    pthread_cond_signal(&g->wake);
    pthread_mutex_unlock(&g->lock);
    pthread_join(g->watchdog, NULL);
    pthread_cond_destroy(&g->wake);
    pthread_mutex_destroy(&g->lock);
    guard_free(g);
}
