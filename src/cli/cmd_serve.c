/*
 * cmd_serve.c - `izde serve`: the search page and its JSON API over HTTP,
 * on libmicrohttpd.  A pool of threads answers requests; each thread has
 * its own read-only handle on the index (Xapian handles are not shared
 * between threads), refreshed before every request so that an `izde
 * index` running beside the server shows up, and opened again when the
 * index folder was rebuilt.  Only GET and HEAD; only the bundled page
 * (compiled in) and /api/...; limits on connections (serve_guard.c),
 * request size, parameters and matching time; heads that could be read
 * two ways refused (serve_strict.c).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <malloc.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>

#include <microhttpd.h>

#include "cli.h"
#include "options.h"
#include "serve.h"
#include "serve_guard.h"
#include "serve_log.h"
#include "serve_strict.h"

enum { O_LISTEN = 1, O_THREADS, O_MAX_CONN, O_PER_CLIENT, O_REQUEST_TIMEOUT, O_TIME_LIMIT, O_QUIET };

static const cli_option serve_options[] = {
    {O_LISTEN, "--listen", NULL, "ADDR:PORT", NULL,
     "where to listen (default 127.0.0.1:8080; port 0: any free)"},
    {O_THREADS, "--threads", NULL, "N", NULL, "requests answered at once (default 4)"},
    {O_MAX_CONN, "--max-connections", NULL, "N", NULL,
     "open connections at most (default 512); past it the oldest idle\n"
     "one is closed to make room"},
    {O_PER_CLIENT, "--max-per-client", NULL, "N", NULL,
     "open connections of one client address at most (default 256)"},
    {O_REQUEST_TIMEOUT, "--request-timeout", NULL, "SECONDS", NULL,
     "seconds for a whole request to arrive (default 10)"},
    {O_TIME_LIMIT, "--time-limit", NULL, "MS", NULL,
     "matching time per request at most (default 5000)"},
    {O_QUIET, "--quiet", NULL, NULL, NULL, "no line per failed request on stderr"},
    {0},
};

const cli_command cli_cmd_serve = {
    "serve", cmd_serve, "", CLI_OPERANDS_NONE,
    "the search page and its JSON API over HTTP",
    "The search page and its JSON API: /api/search?q=&n=&offset=&sort=,\n"
    "/api/facts?q=&n=&offset=&groups=&goffset=&values=,\n"
    "/api/check?claim=&q=&date=&n=&offset=, /api/timeline?q=&by=&mentioned=,\n"
    "/api/stats; each answers what the command's --json prints.  Read-only; an\n"
    "`izde index` may run beside it.  Stop it with Ctrl-C (SIGINT), SIGTERM or\n"
    "SIGHUP.",
    serve_options, CLI_DB_SET,
};

#define MAX_THREADS 64

/* ---- one index handle per thread ------------------------------------------ */

typedef struct server {
    cli_dbs dbs;
    unsigned time_limit_ms;
    int quiet;
    const char *watch;            /* the index folder whose rebuild means reopen, or NULL */
    serve_guard *guard;
    pthread_mutex_t lock;         /* guards `handles` */
    izde_db *handles[MAX_THREADS * 2];
    size_t nhandles;
} server;

typedef struct thread_db {
    izde_db *db;
    ino_t ino;  /* of watch/iamglass when opened */
    dev_t dev;
} thread_db;

static _Thread_local thread_db tdb;

static int watched_file(const server *s, struct stat *st)
{
    if (!s->watch)
        return -1;
    char path[4096];
    snprintf(path, sizeof path, "%s/iamglass", s->watch);
    return stat(path, st);
}

static void forget_handle(server *s, izde_db *db)
{
    pthread_mutex_lock(&s->lock);
    for (size_t i = 0; i < s->nhandles; i++)
        if (s->handles[i] == db) {
            s->handles[i] = s->handles[--s->nhandles];
            break;
        }
    pthread_mutex_unlock(&s->lock);
    izde_db_close(db);
}

/* This thread's handle, fresh (*opened: opened just now rather than
 * reopened); NULL with *err and *rc set when the index cannot be opened. */
static izde_db *thread_handle(server *s, char **err, int *rc_out, int *opened)
{
    *opened = 0;
    struct stat st;
    int have = watched_file(s, &st) == 0;
    if (tdb.db && s->watch && (!have || st.st_ino != tdb.ino || st.st_dev != tdb.dev)) {
        forget_handle(s, tdb.db); /* rebuilt (or gone): start over */
        tdb.db = NULL;
    }
    if (tdb.db) {
        if (izde_db_reopen(tdb.db) == IZDE_OK)
            return tdb.db;
        forget_handle(s, tdb.db);
        tdb.db = NULL;
    }
    const char *def = cli_db_path(NULL);
    izde_db *db = NULL;
    int rc = s->dbs.n ? izde_db_open_shards(&db, s->dbs.spec, s->dbs.n, &s->dbs.open, err)
                      : izde_db_open_shards(&db, &def, 1, &s->dbs.open, err);
    *rc_out = rc;
    if (rc != IZDE_OK)
        return NULL;
    izde_db_set_time_limit(db, s->time_limit_ms);
    pthread_mutex_lock(&s->lock);
    if (s->nhandles < sizeof s->handles / sizeof *s->handles) {
        s->handles[s->nhandles++] = db;
        pthread_mutex_unlock(&s->lock);
    } else {
        pthread_mutex_unlock(&s->lock);
        izde_db_close(db);
        *err = strdup("too many index handles; restart the server");
        *rc_out = IZDE_ENOMEM;
        return NULL;
    }
    tdb.db = db;
    tdb.ino = have ? st.st_ino : 0;
    tdb.dev = have ? st.st_dev : 0;
    *opened = 1;
    return db;
}

/* Drop this thread's handle: the next request opens the index anew. */
static void drop_thread_handle(server *s)
{
    if (tdb.db)
        forget_handle(s, tdb.db);
    tdb.db = NULL;
}

/* ---- HTTP ----------------------------------------------------------------------- */

static const char *get_param(void *ctx, const char *name)
{
    return MHD_lookup_connection_value(ctx, MHD_GET_ARGUMENT_KIND, name);
}

static void add_headers(struct MHD_Response *r, const char *type, int page)
{
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Cross-Origin-Resource-Policy", "same-origin");
    if (page) {
        MHD_add_response_header(r, "Content-Security-Policy",
                                "default-src 'none'; script-src 'self'; style-src 'self'; "
                                "connect-src 'self'; img-src 'self' data:; base-uri 'none'; "
                                "form-action 'self'; frame-ancestors 'none'");
        MHD_add_response_header(r, "Cache-Control", "no-cache");
    } else {
        MHD_add_response_header(r, "Cache-Control", "no-store");
    }
}

/* `allow`: the Allow header, or NULL; `close`: the connection ends after it */
static enum MHD_Result send_json(struct MHD_Connection *c, server *s, const char *url,
                                 serve_reply rep, const char *allow, int close)
{
    if (!rep.body)
        rep = (serve_reply){500, strdup("{\"error\":\"out of memory\"}"), NULL, NULL};
    if (rep.status >= 500 && !s->quiet)
        cli_error("serve: %s -> %d %s", url, rep.status, rep.body ? rep.body : "");
    size_t len = rep.body ? strlen(rep.body) : 0;
    struct MHD_Response *r =
        MHD_create_response_from_buffer(len, rep.body, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(rep.body);
        return MHD_NO;
    }
    add_headers(r, rep.type       ? rep.type
                   : rep.filename ? "text/csv; charset=utf-8"
                                  : "application/json; charset=utf-8",
                0);
    char disposition[128];
    if (rep.filename) {
        snprintf(disposition, sizeof disposition, "attachment; filename=\"%s\"", rep.filename);
        MHD_add_response_header(r, "Content-Disposition", disposition);
    }
    if (allow)
        MHD_add_response_header(r, "Allow", allow);
    if (close)
        MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)rep.status, r);
    MHD_destroy_response(r);
    return ok;
}

static int request_marker;

static int hex_value(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                : c >= 'A' && c <= 'F'            ? c - 'A' + 10
                                                                  : -1;
}

/* %HH decoding of paths and parameters, except %00: a NUL would cut
 * "/style.css%00.html" short to a file that exists. */
static size_t unescape(void *cls, struct MHD_Connection *c, char *s)
{
    (void)cls;
    (void)c;
    char *w = s;
    for (const char *r = s; *r; r++) {
        int hi, lo;
        if (r[0] == '%' && (hi = hex_value(r[1])) >= 0 && (lo = hex_value(r[2])) >= 0 &&
            (hi | lo) != 0) {
            *w++ = (char)(hi * 16 + lo);
            r += 2;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
    return (size_t)(w - s);
}

/* The first call for a request, its head read: refused (the answer queued)
 * or taken. */
static enum MHD_Result first_call(server *s, struct MHD_Connection *c, const char *url,
                                  const char *method, void **con_cls)
{
    char msg[256];
    int status = serve_uri_refused(*con_cls, msg, sizeof msg);
    *con_cls = &request_marker;
    serve_guard_request_arrived(s->guard, c);
    if (status || (status = serve_head_refused(c, msg, sizeof msg)))
        return send_json(c, s, url, serve_error(status, msg), NULL, 1);
    /* refuse what carries a body before reading it, and read no more */
    if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
        return send_json(c, s, url, serve_error(405, "only GET and HEAD are served"),
                         "GET, HEAD", 1);
    const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
    if ((cl && strtoull(cl, NULL, 10) > 0) ||
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Transfer-Encoding"))
        return send_json(c, s, url, serve_error(413, "a GET request carries no body"), NULL, 1);
    return MHD_YES;
}

/* Answers larger than this are followed by malloc_trim(). */
#define TRIM_AFTER_BYTES (1u << 20)

/* "http://HOST" of the request, for a feed's links: its Host header
 * when that is a host name or address with a port, else localhost. */
static void request_base(struct MHD_Connection *c, char *out, size_t size)
{
    const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
    int ok = h && *h && strlen(h) < 200;
    for (const char *p = h; ok && *p; p++)
        ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
             strchr(".-:[]", *p);
    if (ok)
        snprintf(out, size, "http://%s", h);
    else
        snprintf(out, size, "http://localhost");
}

static enum MHD_Result answer_api(server *s, struct MHD_Connection *c, const char *url)
{
    char *err = NULL;
    int rc = IZDE_OK, opened = 0;
    izde_db *db = thread_handle(s, &err, &rc, &opened);
    if (!db) {
        /* missing or unreachable: come back later; damaged: ours */
        int status = rc == IZDE_ENOTFOUND || rc == IZDE_ENETWORK || rc == IZDE_ELOCKED ? 503
                                                                                      : 500;
        serve_reply rep = serve_error(status, err ? err : "the index cannot be opened");
        free(err);
        return send_json(c, s, url, rep, NULL, 0);
    }
    serve_params p = {get_param, c};
    char base[256];
    request_base(c, base, sizeof base);
    serve_reply rep = serve_is_feed(url) ? serve_feed(db, url, base) : serve_api(db, url, &p);
    /* A kept handle can outlive a rebuild that reused the old files' inode
     * numbers (rm -rf, then a new index): a failure on one is tried once
     * more on a handle opened anew. */
    if (rep.status >= 500 && !opened) {
        drop_thread_handle(s);
        izde_db *again = thread_handle(s, &err, &rc, &opened);
        if (again) {
            free(rep.body);
            rep = serve_is_feed(url) ? serve_feed(again, url, base) : serve_api(again, url, &p);
        }
        free(err);
    }
    /* a big answer leaves its thread's malloc arena holding the memory it
     * was built in (jansson objects, documents read): give it back */
    if (rep.body && strlen(rep.body) > TRIM_AFTER_BYTES)
        malloc_trim(0);
    return send_json(c, s, url, rep, NULL, 0);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
    server *s = cls;
    (void)version;
    (void)upload_data;
    if (serve_uri_first_call(*con_cls))
        return first_call(s, c, url, method, con_cls);
    if (*upload_data_size) /* cannot happen: a body is refused before it is read */
        return MHD_NO;
    if (serve_is_api(url) || serve_is_feed(url))
        return answer_api(s, c, url);
    const serve_asset *a = serve_find_asset(url);
    if (!a)
        return send_json(c, s, url, serve_error(404, "no such page; the search page is at /"),
                         NULL, 0);
    struct MHD_Response *r =
        MHD_create_response_from_buffer(a->len, (void *)a->data, MHD_RESPMEM_PERSISTENT);
    if (!r)
        return MHD_NO;
    add_headers(r, a->content_type, 1);
    enum MHD_Result ok = MHD_queue_response(c, MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    return ok;
}

/* ---- the command ------------------------------------------------------------------ */

static int parse_listen(const char *v, struct sockaddr_in *sa)
{
    const char *colon = strrchr(v, ':');
    char host[64];
    if (!colon || (size_t)(colon - v) >= sizeof host)
        return -1;
    memcpy(host, v, (size_t)(colon - v));
    host[colon - v] = '\0';
    char *end;
    long port = strtol(colon + 1, &end, 10);
    if (colon[1] == '\0' || *end || port < 0 || port > 65535)
        return -1;
    memset(sa, 0, sizeof *sa);
    sa->sin_family = AF_INET;
    sa->sin_port = htons((uint16_t)port);
    if (strcmp(host, "localhost") == 0)
        strcpy(host, "127.0.0.1");
    return inet_pton(AF_INET, host, &sa->sin_addr) == 1 ? 0 : -1;
}

/* Open files enough for the connections: the soft limit raised to the
 * hard one; 0, or -1 with the message said. */
static int enough_files(long max_conn, unsigned mhd_limit, long threads)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return 0;
    if (rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
        getrlimit(RLIMIT_NOFILE, &rl);
    }
    /* each index handle holds a few files; the listening socket, epoll, logs */
    rlim_t need = (rlim_t)mhd_limit + (rlim_t)threads * 2 * 8 + 32;
    if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < need) {
        cli_error("serve: --max-connections %ld needs about %lu open files and the limit is %lu; "
                  "give fewer or raise the limit (ulimit -n)", max_conn, (unsigned long)need,
                  (unsigned long)rl.rlim_cur);
        return -1;
    }
    return 0;
}

typedef struct serve_settings {
    const char *listen;
    long threads, max_conn, per_client, request_timeout_s;
} serve_settings;

/* The options into *set and *s; CLI_OK or CLI_ERROR (said). */
static int parse_options(int argc, char **argv, server *s, serve_settings *set)
{
    cli_parser p;
    cli_parser_init(&p, &cli_cmd_serve, argc, argv, &s->dbs);
    for (int id; (id = cli_next(&p)) != CLI_ARG_END;) {
        long v = 0;
        if (id == CLI_ARG_BAD)
            return CLI_ERROR;
        if (id == CLI_ARG_OPERAND) {
            cli_error("serve: takes no arguments, only options, not '%s'", p.value);
            return CLI_ERROR;
        }
        if ((id == O_THREADS && (v = cli_value_count(&p, 1, MAX_THREADS)) < 0) ||
            (id == O_MAX_CONN && (v = cli_value_count(&p, 1, 60000)) < 0) ||
            (id == O_PER_CLIENT && (v = cli_value_count(&p, 1, 60000)) < 0) ||
            (id == O_REQUEST_TIMEOUT && (v = cli_value_count(&p, 1, 3600)) < 0) ||
            (id == O_TIME_LIMIT && (v = cli_value_count(&p, 1, 3600000)) < 0))
            return CLI_ERROR;
        switch (id) {
        case O_LISTEN: set->listen = p.value; break;
        case O_THREADS: set->threads = v; break;
        case O_MAX_CONN: set->max_conn = v; break;
        case O_PER_CLIENT: set->per_client = v; break;
        case O_REQUEST_TIMEOUT: set->request_timeout_s = v; break;
        case O_TIME_LIMIT: s->time_limit_ms = (unsigned)v; break;
        case O_QUIET: s->quiet = 1; break;
        }
    }
    return CLI_OK;
}

static serve_guard_limits guard_limits(const serve_settings *set)
{
    return (serve_guard_limits){(unsigned)set->max_conn, (unsigned)set->threads,
                                (unsigned)set->per_client,
                                (unsigned)set->request_timeout_s * 1000u};
}

static struct MHD_Daemon *start_daemon(server *s, const serve_settings *set,
                                       const struct sockaddr_in *sa)
{
    serve_guard_limits limits = guard_limits(set);
    s->guard = serve_guard_start(&limits);
    if (!s->guard)
        return NULL;
    /* --quiet: not a line for what failed, libmicrohttpd's messages included */
    unsigned log = s->quiet ? 0 : MHD_USE_ERROR_LOG;
    return MHD_start_daemon(
        MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ITC | log, 0, NULL, NULL, on_request, s,
        MHD_OPTION_EXTERNAL_LOGGER, serve_log_mhd, NULL,
        MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)sa,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)set->threads,
        MHD_OPTION_CONNECTION_LIMIT, serve_guard_mhd_limit(&limits),
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
        MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
        MHD_OPTION_URI_LOG_CALLBACK, serve_uri_arrived, NULL,
        MHD_OPTION_NOTIFY_CONNECTION, serve_guard_on_connection, s->guard,
        MHD_OPTION_NOTIFY_COMPLETED, serve_guard_on_completed, s->guard,
        MHD_OPTION_END);
}

static const char *signal_name(int sig)
{
    return sig == SIGINT ? "SIGINT" : sig == SIGHUP ? "SIGHUP" : "SIGTERM";
}

int cmd_serve(int argc, char **argv)
{
    server s = {.time_limit_ms = 5000};
    serve_settings set = {"127.0.0.1:8080", 4, 512, 256, 10};
    if (parse_options(argc, argv, &s, &set) != CLI_OK)
        return CLI_ERROR;
    struct sockaddr_in sa;
    if (parse_listen(set.listen, &sa) != 0) {
        cli_error("serve: --listen takes an IPv4 address and a port, e.g. 127.0.0.1:8080, not "
                  "'%s'", set.listen);
        return CLI_ERROR;
    }
    serve_guard_limits limits = guard_limits(&set);
    if (enough_files(set.max_conn, serve_guard_mhd_limit(&limits), set.threads) != 0)
        return CLI_ERROR;
    /* open once here: a bad --db is reported before listening */
    izde_db *first = cli_open_read(&s.dbs);
    if (!first)
        return CLI_ERROR;
    unsigned docs = 0;
    izde_db_doccount(first, &docs);
    unsigned shards = izde_db_shard_count(first);
    izde_db_close(first);
    struct stat st;
    s.watch = s.dbs.n <= 1 ? (s.dbs.n ? s.dbs.spec[0] : cli_db_path(NULL)) : NULL;
    if (s.watch && watched_file(&s, &st) != 0)
        s.watch = NULL; /* a shard list or a remote index */

    /* the pool threads inherit this mask: the signals come to sigwait() */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);
    pthread_mutex_init(&s.lock, NULL);
    struct MHD_Daemon *d = start_daemon(&s, &set, &sa);
    if (!d) {
        cli_error("serve: cannot listen on %s: %s (another server on that port? choose "
                  "another with --listen)", set.listen, strerror(errno));
        serve_guard_stop(s.guard);
        return CLI_ERROR;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    char addr[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &sa.sin_addr, addr, sizeof addr);
    printf("izde serve: http://%s:%u/ (%u documents", addr,
           info ? (unsigned)info->port : (unsigned)ntohs(sa.sin_port), docs);
    if (shards > 1)
        printf(" in %u shards", shards);
    printf(", %ld threads)\n", set.threads);
    fflush(stdout);
    int sig = 0;
    sigwait(&stop, &sig);
    MHD_stop_daemon(d);
    serve_guard_stop(s.guard);
    for (size_t i = 0; i < s.nhandles; i++)
        izde_db_close(s.handles[i]);
    pthread_mutex_destroy(&s.lock);
    fprintf(stderr, "izde serve: stopped (%s)\n", signal_name(sig));
    return CLI_OK;
}
