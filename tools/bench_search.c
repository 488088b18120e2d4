/*
 * bench_search.c - izde-bench-search: latency of a search as the user sees
 * it, the top N hits with their snippets, through the public API only
 * (izde.h).
 *
 * Reads one query per line (blank lines are skipped), opens the index
 * read-only, runs every query once as a warm-up, then RUNS rounds of every
 * query.  One timed call is izde_search(offset 0, limit N), a walk over
 * every hit that sums the lengths of its title and snippets (so nothing
 * can be optimised away), and izde_results_free(), timed with
 * clock_gettime(CLOCK_MONOTONIC).  Prints the number of queries, the mean
 * hits per query, p50/p90/p99/max latency over all timed calls (nearest
 * rank), queries per second and the slowest queries (by their median over
 * the rounds).  Queries that fail with IZDE_EQUERY are reported on stderr
 * and skipped; any other failure stops the benchmark.
 *
 * Usage: izde-bench-search DB QUERIES-FILE [-n N] [--runs R] [--slowest K] [--json]
 * Exit status: 0; 2 on usage, I/O or database errors.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "izde.h"

#define EXIT_TROUBLE 2

typedef struct query {
    char *text;
    int skip;            /* malformed (IZDE_EQUERY) */
    unsigned hits;       /* hits returned (<= N) */
    unsigned estimated;  /* matches estimated */
    double median_ms;    /* over the timed rounds */
} query;

static void usage(FILE *f)
{
    fputs("usage: izde-bench-search DB QUERIES-FILE [-n N] [--runs R] [--slowest K] [--json]\n"
          "  Times izde_search() of every query (one per line) for the top N hits\n"
          "  with snippets (default 10), RUNS rounds after one warm-up (default 3),\n"
          "  and prints p50/p90/p99/max latency, queries/s and the K slowest\n"
          "  queries (default 5); --json prints one JSON object instead.\n",
          f);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fputs("bench-search: out of memory\n", stderr);
        exit(EXIT_TROUBLE);
    }
    return p;
}

static int parse_uint(const char *s, unsigned min, unsigned *out)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || end == s || *end || s[0] == '-' || v < min || v > 1000000)
        return -1;
    *out = (unsigned)v;
    return 0;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Nearest-rank percentile of sorted v[0..n). */
static double percentile(const double *v, size_t n, double p)
{
    size_t k = (size_t)(p / 100.0 * (double)n + 0.999999);
    if (k < 1)
        k = 1;
    if (k > n)
        k = n;
    return v[k - 1];
}

static int cmp_slowest(const void *a, const void *b)
{
    const query *x = *(const query *const *)a, *y = *(const query *const *)b;
    return (x->median_ms < y->median_ms) - (x->median_ms > y->median_ms);
}

/* One search as the user sees it.  Returns the status; on IZDE_OK adds the
 * hits and the bytes of titles and snippets touched. */
static int one_search(izde_db *db, const char *q, unsigned n, unsigned *hits, unsigned *estimated,
                      size_t *bytes)
{
    izde_results *r;
    int rc = izde_search(&r, db, q, 0, n);
    if (rc != IZDE_OK)
        return rc;
    unsigned count = izde_results_count(r);
    size_t sum = 0;
    for (unsigned i = 0; i < count; i++) {
        const izde_hit *h = izde_results_hit(r, i);
        sum += h->title ? strlen(h->title) : 0;
        for (size_t s = 0; s < h->nsnippets; s++) {
            sum += h->snippets[s].len;
            for (size_t k = 0; k < h->snippets[s].nhighlights; k++)
                sum += h->snippets[s].highlights[k][1] - h->snippets[s].highlights[k][0];
        }
    }
    *hits = count;
    *estimated = izde_results_estimated(r);
    *bytes += sum;
    izde_results_free(r);
    return IZDE_OK;
}

static void json_string(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c < 0x20)
            printf("\\u%04x", c);
        else
            putchar(c);
    }
    putchar('"');
}

int main(int argc, char **argv)
{
    const char *dbpath = NULL, *qpath = NULL;
    unsigned limit = 10, runs = 3, nslow = 5;
    int json = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--json")) {
            json = 1;
        } else if (!strcmp(a, "-n") || !strcmp(a, "--runs") || !strcmp(a, "--slowest")) {
            unsigned *dst = a[1] == 'n' ? &limit : a[2] == 'r' ? &runs : &nslow;
            if (i + 1 == argc || parse_uint(argv[i + 1], dst == &nslow ? 0 : 1, dst)) {
                fprintf(stderr, "bench-search: %s needs a whole number%s\n", a,
                        dst == &nslow ? "" : " of at least 1");
                return EXIT_TROUBLE;
            }
            i++;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "bench-search: unknown option '%s'\n", a);
            usage(stderr);
            return EXIT_TROUBLE;
        } else if (!dbpath) {
            dbpath = a;
        } else if (!qpath) {
            qpath = a;
        } else {
            usage(stderr);
            return EXIT_TROUBLE;
        }
    }
    if (!qpath) {
        usage(stderr);
        return EXIT_TROUBLE;
    }

    /* the queries */
    FILE *f = strcmp(qpath, "-") ? fopen(qpath, "r") : stdin;
    if (!f) {
        fprintf(stderr, "bench-search: cannot read %s: %s\n", qpath, strerror(errno));
        return EXIT_TROUBLE;
    }
    query *qs = NULL;
    size_t nq = 0, qcap = 0;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    while ((len = getline(&line, &lcap, f)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (strspn(line, " \t") == (size_t)len)
            continue;
        if (nq == qcap) {
            qcap = qcap ? qcap * 2 : 256;
            qs = xrealloc(qs, qcap * sizeof *qs);
        }
        qs[nq] = (query){.text = xrealloc(NULL, (size_t)len + 1)};
        memcpy(qs[nq].text, line, (size_t)len + 1);
        nq++;
    }
    free(line);
    if (ferror(f)) {
        fprintf(stderr, "bench-search: cannot read %s: %s\n", qpath, strerror(errno));
        return EXIT_TROUBLE;
    }
    if (f != stdin)
        fclose(f);

    izde_db *db;
    char *err = NULL;
    int rc = izde_db_open(&db, dbpath, IZDE_DB_READ, &err);
    if (rc != IZDE_OK) {
        fprintf(stderr, "bench-search: %s\n", err ? err : izde_status_name(rc));
        izde_free(err);
        return EXIT_TROUBLE;
    }
    unsigned ndocs = 0;
    izde_db_doccount(db, &ndocs);

    /* warm-up: every query once; drop the malformed ones */
    size_t bytes = 0, nok = 0, nskip = 0;
    double hits_sum = 0;
    for (size_t i = 0; i < nq; i++) {
        rc = one_search(db, qs[i].text, limit, &qs[i].hits, &qs[i].estimated, &bytes);
        if (rc == IZDE_EQUERY) {
            fprintf(stderr, "bench-search: skipped malformed query '%s': %s\n", qs[i].text,
                    izde_db_errmsg(db));
            qs[i].skip = 1;
            nskip++;
        } else if (rc != IZDE_OK) {
            fprintf(stderr, "bench-search: query '%s' failed: %s\n", qs[i].text,
                    izde_db_errmsg(db));
            return EXIT_TROUBLE;
        } else {
            nok++;
            hits_sum += qs[i].hits;
        }
    }
    if (!nok) {
        fprintf(stderr, "bench-search: no usable query in %s\n", qpath);
        return EXIT_TROUBLE;
    }

    /* the timed rounds: t[i * runs + r] is query i in round r */
    double *t = xrealloc(NULL, nq * runs * sizeof *t);
    size_t tbytes = 0;
    double wall0 = now_ms();
    for (unsigned r = 0; r < runs; r++)
        for (size_t i = 0; i < nq; i++) {
            if (qs[i].skip)
                continue;
            unsigned h, e;
            double t0 = now_ms();
            rc = one_search(db, qs[i].text, limit, &h, &e, &tbytes);
            t[i * runs + r] = now_ms() - t0;
            if (rc != IZDE_OK) {
                fprintf(stderr, "bench-search: query '%s' failed: %s\n", qs[i].text,
                        izde_db_errmsg(db));
                return EXIT_TROUBLE;
            }
        }
    double wall = now_ms() - wall0;

    /* per-query medians, then all samples sorted */
    double *all = xrealloc(NULL, nok * runs * sizeof *all);
    query **order = xrealloc(NULL, nok * sizeof *order);
    size_t na = 0, no = 0;
    double sum_ms = 0;
    for (size_t i = 0; i < nq; i++) {
        if (qs[i].skip)
            continue;
        double *v = &t[i * runs];
        for (unsigned r = 0; r < runs; r++)
            all[na++] = v[r], sum_ms += v[r];
        qsort(v, runs, sizeof *v, cmp_double);
        qs[i].median_ms = runs % 2 ? v[runs / 2] : (v[runs / 2 - 1] + v[runs / 2]) / 2;
        order[no++] = &qs[i];
    }
    qsort(all, na, sizeof *all, cmp_double);
    qsort(order, no, sizeof *order, cmp_slowest);
    if (nslow > no)
        nslow = (unsigned)no;
    double p50 = percentile(all, na, 50), p90 = percentile(all, na, 90),
           p99 = percentile(all, na, 99), pmax = all[na - 1];
    double qps = wall > 0 ? na / (wall / 1e3) : 0;

    if (json) {
        printf("{\"db\":");
        json_string(dbpath);
        printf(",\"documents\":%u,\"limit\":%u,\"runs\":%u,\"queries\":%zu,\"skipped\":%zu,"
               "\"timed_calls\":%zu,\"hits_mean\":%.2f,\"bytes_touched\":%zu,"
               "\"ms\":{\"mean\":%.3f,\"p50\":%.3f,\"p90\":%.3f,\"p99\":%.3f,\"max\":%.3f},"
               "\"queries_per_s\":%.1f,\"slowest\":[",
               ndocs, limit, runs, nok, nskip, na, hits_sum / nok, tbytes, sum_ms / na, p50, p90,
               p99, pmax, qps);
        for (unsigned k = 0; k < nslow; k++) {
            printf("%s{\"query\":", k ? "," : "");
            json_string(order[k]->text);
            printf(",\"median_ms\":%.3f,\"hits\":%u,\"estimated\":%u}", order[k]->median_ms,
                   order[k]->hits, order[k]->estimated);
        }
        printf("]}\n");
    } else {
        printf("index:        %s (%u documents)\n", dbpath, ndocs);
        printf("queries:      %zu (%zu malformed, skipped); top %u with snippets; %u rounds "
               "after 1 warm-up\n",
               nok, nskip, limit, runs);
        printf("hits/query:   %.2f (mean); %zu title+snippet bytes touched\n", hits_sum / nok,
               tbytes);
        printf("latency ms:   p50 %.2f  p90 %.2f  p99 %.2f  max %.2f  (mean %.2f, %zu calls)\n",
               p50, p90, p99, pmax, sum_ms / na, na);
        printf("throughput:   %.1f queries/s (one thread)\n", qps);
        if (nslow)
            printf("slowest (median of %u rounds):\n", runs);
        for (unsigned k = 0; k < nslow; k++)
            printf("  %8.2f ms  %2u hits of ~%-6u  %s\n", order[k]->median_ms, order[k]->hits,
                   order[k]->estimated, order[k]->text);
    }

    izde_db_close(db);
    for (size_t i = 0; i < nq; i++)
        free(qs[i].text);
    free(qs);
    free(t);
    free(all);
    free(order);
    return 0;
}
