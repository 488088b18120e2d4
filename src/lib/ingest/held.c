/*
 * held.c - the problems a worker process meets (parallel.c), held back
 * instead of printed: each is recorded with the task (a file, or a range
 * of one) it came from, sent to the parent with the worker's report, and
 * replayed by the parent in reading order once every worker is done, so
 * `-j N` lists them as one process does.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest.h"

/* One record: task, line, status, the lengths of path and message, then
 * their bytes. */
typedef struct head {
    uint64_t task, line;
    int32_t status;
    uint32_t path_len, msg_len;
} head;

void izde__held_problem(void *payload, const char *path, unsigned long line, int status,
                        const char *msg)
{
    held_problems *h = payload;
    head hd = {h->task, line, status, (uint32_t)strlen(path), (uint32_t)strlen(msg)};
    izde__buf_append(&h->buf, (const char *)&hd, sizeof hd);
    izde__buf_append(&h->buf, path, hd.path_len);
    izde__buf_append(&h->buf, msg, hd.msg_len);
}

typedef struct one {
    const char *rec;   /* its head, then path and message */
    size_t order;      /* as met */
    uint64_t task;
} one;

static int by_task(const void *a, const void *b)
{
    const one *x = a, *y = b;
    if (x->task != y->task)
        return (x->task > y->task) - (x->task < y->task);
    return (x->order > y->order) - (x->order < y->order);
}

/* Collect the records of one blob into *v; 0, or -1 when out of memory. */
static int list_records(const izde_buf *blob, one **v, size_t *n, size_t *cap)
{
    for (size_t off = 0; blob->data && off + sizeof(head) <= blob->len;) {
        head hd;
        memcpy(&hd, blob->data + off, sizeof hd);
        size_t size = sizeof hd + hd.path_len + hd.msg_len;
        if (off + size > blob->len)
            break;
        if (*n == *cap) {
            size_t c = *cap ? *cap * 2 : 64;
            one *nv = realloc(*v, c * sizeof *nv);
            if (!nv)
                return -1;
            *v = nv, *cap = c;
        }
        (*v)[*n] = (one){blob->data + off, *n, hd.task};
        ++*n;
        off += size;
    }
    return 0;
}

int izde__held_replay(const izde_buf *blobs, size_t nblobs, izde_problem_fn problem,
                      void *payload)
{
    one *v = NULL;
    size_t n = 0, cap = 0;
    for (size_t b = 0; b < nblobs; b++)
        if (list_records(&blobs[b], &v, &n, &cap) != 0) {
            free(v);
            return IZDE_ENOMEM;
        }
    if (n)
        qsort(v, n, sizeof *v, by_task);
    for (size_t i = 0; i < n && problem; i++) {
        head hd;
        memcpy(&hd, v[i].rec, sizeof hd);
        char *path = strndup(v[i].rec + sizeof hd, hd.path_len);
        char *msg = strndup(v[i].rec + sizeof hd + hd.path_len, hd.msg_len);
        if (path && msg)
            problem(payload, path, (unsigned long)hd.line, hd.status, msg);
        free(path);
        free(msg);
    }
    free(v);
    return IZDE_OK;
}
