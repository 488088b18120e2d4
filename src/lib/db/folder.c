/*
 * folder.c - the index folder at open, after a kill: a creation stopped
 * before Xapian wrote its version file leaves empty tables that no open
 * accepts (a writer clears them and creates the index again), and a swap
 * stopped between its two renames (swap.c) leaves DB.swap-old and no DB
 * (renamed back).  Nothing here uses the handle.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "izde-private.h"

void izde__remove_index_folder(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *p = izde__strdupf("%s/%s", dir, e->d_name);
        if (p)
            unlink(p);
        free(p);
    }
    closedir(d);
    rmdir(dir);
}

/* Is `name` (of `size` bytes) what a Xapian creation writes before its
 * version file: the lock, the version file's temporary, empty tables? */
static int creation_leftover(const char *name, long long size)
{
    size_t n = strlen(name);
    if (strcmp(name, "flintlock") == 0 || strcmp(name, "izde.pid") == 0 ||
        strcmp(name, "v.tmp") == 0)
        return 1;
    return size == 0 && n > 6 && strcmp(name + n - 6, ".glass") == 0;
}

int izde__db_clear_stopped_creation(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return 0;
    struct dirent *e;
    int only_leftovers = 1, any = 0;
    while (only_leftovers && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *p = izde__strdupf("%s/%s", path, e->d_name);
        struct stat st;
        only_leftovers = p && lstat(p, &st) == 0 && S_ISREG(st.st_mode) &&
                         creation_leftover(e->d_name, (long long)st.st_size);
        any = 1;
        free(p);
    }
    closedir(d);
    if (!only_leftovers || !any)
        return 0;
    izde__remove_index_folder(path);
    return 1;
}

char *izde__db_swap_old_path(const char *path)
{
    return izde__strdupf("%s.swap-old", path);
}

void izde__db_finish_swap(const char *path, int writable)
{
    char *old = izde__db_swap_old_path(path);
    struct stat st;
    if (!old)
        return;
    if (stat(path, &st) != 0 && errno == ENOENT && stat(old, &st) == 0)
        rename(old, path); /* stopped between the two renames: the old index */
    else if (writable && stat(old, &st) == 0)
        izde__remove_index_folder(old); /* stopped before it was removed */
    free(old);
}
