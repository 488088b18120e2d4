/*
 * split.c - cut one big JSON Lines or CSV file into byte ranges that
 * start on a record, so several workers can share it (parallel.c).  The
 * file is read once, line by line: a JSON Lines record ends at every
 * newline; a CSV record ends at a newline only where libcsv, fed the
 * same lines as the CSV reader feeds it, stands between rows (a quoted
 * field may hold newlines).  Each range knows the line it starts on, so
 * problems name the file's true lines, and a CSV range the bytes of the
 * header row, which every range reads first.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "ingest.h"

/* libcsv's state between rows (ROW_NOT_BEGUN in libcsv.c). */
#define CSV_ROW_NOT_BEGUN 0

typedef struct scan {
    FILE *f;
    int csv;
    struct csv_parser parser;
    int bad;                      /* malformed CSV: not split */
    unsigned long rows;           /* CSV rows ended so far */
    unsigned long long header_end; /* CSV: the byte after the header row */
} scan;

static void no_field(void *data, size_t len, void *vs)
{
    (void)data, (void)len, (void)vs;
}

static void count_row(int term, void *vs)
{
    (void)term;
    ((scan *)vs)->rows++;
}

/* Feed one line (its '\n' included) to the CSV parser; 1 when a record
 * may start right after it. */
static int csv_line(scan *s, const char *p, size_t n, unsigned long long end_off)
{
    if (s->bad)
        return 0;
    if (csv_parse(&s->parser, p, n, no_field, count_row, s) != n) {
        s->bad = 1;
        return 0;
    }
    int between = s->parser.pstate == CSV_ROW_NOT_BEGUN;
    if (between && s->rows >= 1 && !s->header_end)
        s->header_end = end_off;
    return between && s->header_end;
}

/* Walk the file's lines from byte `off`, putting a cut at the first
 * record start at or past each target offset.  A line is handed over in
 * pieces of up to a buffer's size: only its end can be a cut. */
static int find_cuts(scan *s, unsigned long long off, unsigned long long size, unsigned parts,
                     file_range *r, unsigned *found)
{
    static char buf[1 << 16];
    unsigned long line = 1;
    unsigned k = 1;
    size_t n;
    while (k < parts && (n = fread(buf, 1, sizeof buf, s->f)) > 0) {
        const char *p = buf, *end = buf + n;
        while (p < end && k < parts) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t len = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
            off += len;
            int start_next = s->csv ? csv_line(s, p, len, off) : nl != NULL;
            if (nl)
                line++;
            p += len;
            if (start_next && nl && off >= size * k / parts && off < size) {
                r[k] = (file_range){.start = off, .first_line = line, .part = k};
                r[k - 1].end = off;
                *found = ++k;
            }
        }
    }
    return ferror(s->f) ? -1 : 0;
}

unsigned izde__split_file(const file_entry *e, unsigned parts, file_range *r)
{
    r[0] = (file_range){.start = 0, .end = e->size, .first_line = 1, .part = 0};
    int csv = izde__has_ext(e->path, ".csv");
    if (parts < 2 || (!csv && !izde__has_ext(e->path, ".jsonl")))
        return 1;
    scan s = {.csv = csv};
    if (!(s.f = fopen(e->path, "rb")))
        return 1;
    if (csv && csv_init(&s.parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        fclose(s.f);
        return 1;
    }
    /* the CSV reader skips a UTF-8 byte order mark before the header */
    char bom[3];
    unsigned long long off = 0;
    if (csv && fread(bom, 1, 3, s.f) == 3 && memcmp(bom, "\xef\xbb\xbf", 3) == 0)
        off = 3;
    else if (fseek(s.f, 0, SEEK_SET) != 0)
        s.bad = 1;
    unsigned found = 1;
    if (!s.bad && find_cuts(&s, off, e->size, parts, r, &found) != 0)
        s.bad = 1;
    if (csv)
        csv_free(&s.parser);
    fclose(s.f);
    if (s.bad || found < 2) {
        r[0].end = e->size;
        return 1;
    }
    r[found - 1].end = e->size;
    for (unsigned k = 0; k < found; k++)
        r[k].header_end = s.header_end;
    return found;
}
