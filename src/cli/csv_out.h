/*
 * csv_out.h - the CSV that `search`, `facts`, `check` and `timeline` write
 * with --csv and `izde serve` answers to format=csv (README, "CSV"):
 * RFC 4180 fields, rows ended by LF, a header row first.
 */
#ifndef IZDE_CLI_CSV_OUT_H
#define IZDE_CLI_CSV_OUT_H

#include <stddef.h>
#include <stdio.h>

#include "izde.h"

/* The row being written to `f`; `n` fields so far. */
typedef struct csv_row {
    FILE *f;
    size_t n;
} csv_row;

/* Hits `search --csv` and /api/search?format=csv export unless -n or n
 * says otherwise; the API's most. */
#define CSV_SEARCH_ROWS 10000

/* A text field of `len` bytes (NULL: empty).  Quoted with its quotes
 * doubled when it holds a comma, quote, CR or LF; one starting with = + - @ TAB or CR that is not a number as a
 * whole ("-5", "+7.5") gets a ' in front, so that a spreadsheet reads it
 * as text and not as a formula. */
void csv_text_n(csv_row *r, const char *s, size_t len);
void csv_text(csv_row *r, const char *s);
/* A number: integers without a fraction ("28000"), others to 15
 * significant digits, as the JSON forms write them. */
void csv_number(csv_row *r, double v);
/* Ends the row with LF. */
void csv_end(csv_row *r);
/* A header row of the `n` column names. */
void csv_header(FILE *f, const char *const *names, size_t n);

/* Hits searched and written at a time by csv_search: the memory of one
 * page of hits (their texts and figures), whatever the export's size. */
#define CSV_SEARCH_PAGE 1000

/* The tables (csv_tables.c): a header, then a row per hit; per value of
 * each group; per citation that agrees, then per one that differs; per
 * period.  csv_search runs the search itself, opt->limit hits from
 * opt->offset in pages of CSV_SEARCH_PAGE, each freed before the next;
 * *first gets the first page (for its counts and suggestion; the
 * caller frees it, also on failure).  IZDE_OK, or the search's error
 * (the header and the rows of the pages before it written). */
int csv_search(FILE *f, izde_db *db, const char *query, const izde_search_options *opt,
               izde_results **first);
void csv_facts(FILE *f, const izde_facts *x);
void csv_check(FILE *f, const izde_check *c);
void csv_timeline(FILE *f, const izde_timeline *t);

#endif /* IZDE_CLI_CSV_OUT_H */
