/*
 * tables.c - damaged index tables caught before Xapian reads them.  Xapian
 * may crash or loop on a table whose bytes were changed behind its back
 * (a bad copy, a disk error, an edit), so izde keeps, after each commit
 * of its own, the size and modification time of every table in
 * DIR/izde.tables.  An open that finds a table changed since then, with no
 * writer at work, runs Xapian's structural check first and refuses a
 * damaged index with a message instead of handing it to Xapian.  The check
 * costs about 7 ms per MB of index, paid only after such a change (and
 * once for an index written before this file existed, when writing).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "izde-private.h"

#define STAMP_FILE "izde.tables"

static const char *const tables[] = {"docdata", "position", "postlist", "spelling",
                                     "synonym", "termlist"};
enum { NTABLES = sizeof tables / sizeof *tables };

/* "name size mtime-ns" per table that exists, into `out` (NUL-ended). */
static int describe(const char *dir, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; i < NTABLES; i++) {
        char path[4096];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s.glass", dir, tables[i]);
        if (stat(path, &st) != 0)
            continue;
        int n = snprintf(out + len, cap - len, "%s %lld %lld.%09ld\n", tables[i],
                         (long long)st.st_size, (long long)st.st_mtim.tv_sec,
                         (long)st.st_mtim.tv_nsec);
        if (n < 0 || (size_t)n >= cap - len)
            return -1;
        len += (size_t)n;
    }
    return 0;
}

void izde__tables_stamp(const char *dir)
{
    char now[1024], tmp[4096], path[4096];
    if (describe(dir, now, sizeof now) != 0)
        return;
    snprintf(tmp, sizeof tmp, "%s/%s.tmp", dir, STAMP_FILE);
    snprintf(path, sizeof path, "%s/%s", dir, STAMP_FILE);
    FILE *f = fopen(tmp, "w");
    if (!f)
        return; /* a read-only index: its tables go unwatched */
    int ok = fputs(now, f) >= 0;
    ok &= fclose(f) == 0;
    if (!ok || rename(tmp, path) != 0)
        remove(tmp);
}

/* 1 when the tables differ from the stamp, 0 when they match, -1 when
 * there is no stamp. */
static int tables_changed(const char *dir)
{
    char path[4096], was[1024], now[1024];
    snprintf(path, sizeof path, "%s/%s", dir, STAMP_FILE);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t n = fread(was, 1, sizeof was - 1, f);
    fclose(f);
    was[n] = '\0';
    if (describe(dir, now, sizeof now) != 0)
        return 1;
    return strcmp(was, now) != 0;
}

/* Whether a writer holds the index's lock (Xapian locks DIR/flintlock
 * with fcntl): its commits change the tables legitimately. */
static int writer_at_work(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/flintlock", dir);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
    int held = fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
    close(fd);
    return held;
}

int izde__tables_guard(const char *dir, int writable, char **errmsg_out)
{
    char glass[4096];
    struct stat st;
    snprintf(glass, sizeof glass, "%s/iamglass", dir);
    if (stat(glass, &st) != 0)
        return IZDE_OK; /* no index yet, or not a local one */
    int changed = tables_changed(dir);
    if (changed == 0 || (changed < 0 && !writable) || writer_at_work(dir))
        return IZDE_OK; /* a writer's commits change them; a second writer is told it waits */
    unsigned long errors = 0;
    char *first = NULL;
    if (izx_db_check(dir, &errors, &first) != IZX_OK)
        return IZDE_ENOMEM;
    if (errors) {
        if (errmsg_out)
            *errmsg_out = izde__strdupf("index '%s' is damaged: Xapian's check of its tables "
                                        "finds %lu problem%s (%s); delete the folder and index "
                                        "again",
                                        dir, errors, errors == 1 ? "" : "s",
                                        first ? first : "unreadable");
        izx_free(first);
        return IZDE_ECORRUPT;
    }
    izx_free(first);
    if (!writable)
        izde__tables_stamp(dir); /* sound: no need to check again */
    return IZDE_OK;
}
