/*
 * ingest_csv.c - read a CSV file (RFC 4180: quoted fields may hold commas,
 * quotes and line breaks) whose first row names the fields: the same
 * names as JSON Lines (id, title, text|content|body, url, date, source,
 * lang); other columns are kept in the document data.  Parsing is
 * libcsv's; each bad row is reported with the line it starts on.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>
#include <jansson.h>

#include "ingest.h"

typedef struct csv_state {
    ingest *in;
    const char *path;         /* as given, for reports */
    const char *real;         /* real path, for ids */
    char **header;            /* field names of the first row */
    size_t nheader;
    char **row;               /* fields of the row being read */
    size_t *row_len;
    size_t nrow, caprow;
    unsigned long line;       /* current line of the file (1-based) */
    unsigned long row_line;   /* line the current row started on */
    int rc;                   /* a database failure stops the file */
    int bad_header;           /* no text column: rows are skipped */
    int quiet_header;         /* a range after the first: its first range reports the header */
} csv_state;

static int has_column(const csv_state *st, const char *name)
{
    for (size_t i = 0; i < st->nheader; i++)
        if (strcmp(st->header[i], name) == 0)
            return 1;
    return 0;
}

static void on_field(void *data, size_t len, void *vst)
{
    csv_state *st = vst;
    if (st->nrow == st->caprow) {
        size_t cap = st->caprow ? st->caprow * 2 : 16;
        char **r = realloc(st->row, cap * sizeof *r);
        size_t *l = r ? realloc(st->row_len, cap * sizeof *l) : NULL;
        if (r)
            st->row = r;
        if (!r || !l) {
            st->rc = IZDE_ENOMEM;
            return;
        }
        st->row_len = l;
        st->caprow = cap;
    }
    char *f = malloc(len + 1);
    if (!f) {
        st->rc = IZDE_ENOMEM;
        return;
    }
    memcpy(f, data ? data : "", len);
    f[len] = '\0';
    st->row[st->nrow] = f;
    st->row_len[st->nrow] = len;
    st->nrow++;
}

static const char *field(csv_state *st, const char *name, size_t *len)
{
    for (size_t i = 0; i < st->nheader && i < st->nrow; i++)
        if (strcmp(st->header[i], name) == 0) {
            if (len)
                *len = st->row_len[i];
            return st->row[i][0] ? st->row[i] : NULL;
        }
    return NULL;
}

static void index_row(csv_state *st)
{
    unsigned long line = st->row_line;
    if (st->nrow != st->nheader) {
        izde__ingest_report(st->in, st->path, line, IZDE_EFORMAT,
                            "row has %zu fields, the header has %zu", st->nrow, st->nheader);
        return;
    }
    for (size_t i = 0; i < st->nrow; i++)
        if (!izde__ingest_check_text(st->in, st->path, line, st->row[i], st->row_len[i]))
            return;
    size_t text_len = 0;
    const char *text = field(st, "text", &text_len);
    if (!text)
        text = field(st, "content", &text_len);
    if (!text)
        text = field(st, "body", &text_len);
    json_t *extra = json_object();
    for (size_t i = 0; i < st->nrow; i++)
        if (!izde__ingest_is_known_field(st->header[i]))
            json_object_set_new(extra, st->header[i], json_stringn(st->row[i], st->row_len[i]));
    char *fields = json_object_size(extra) ? json_dumps(extra, JSON_COMPACT) : NULL;
    json_decref(extra);
    const char *url = field(st, "url", NULL);
    const char *id = field(st, "id", NULL);
    char *auto_id = NULL;
    if (!id)
        id = url;
    if (!id)
        id = auto_id = izde__strdupf("%s:%lu", st->real, line);
    izde_article a = {
        .id = id,
        .path = st->real,
        .url = url,
        .title = field(st, "title", NULL),
        .source = field(st, "source", NULL),
        .date = field(st, "date", NULL),
        .lang = field(st, "lang", NULL),
        .text = text,
        .text_len = text ? text_len : 0,
        .fields = fields,
    };
    if (!a.id)
        st->rc = IZDE_ENOMEM;
    else
        st->rc = izde__ingest_article(st->in, st->path, line, &a);
    free(fields);
    free(auto_id);
}

static void on_row(int term, void *vst)
{
    (void)term;
    csv_state *st = vst;
    if (st->rc == IZDE_OK) {
        if (!st->header) {
            /* the header: field names, trimmed, lower-cased ASCII */
            st->header = st->row;
            st->nheader = st->nrow;
            for (size_t i = 0; i < st->nheader; i++)
                for (char *c = st->header[i]; *c; c++)
                    if (*c >= 'A' && *c <= 'Z')
                        *c = (char)(*c + 32);
            free(st->row_len);
            st->row = NULL;
            st->row_len = NULL;
            st->nrow = st->caprow = 0;
            if (!has_column(st, "text") && !has_column(st, "content") && !has_column(st, "body") &&
                !has_column(st, "title")) {
                st->bad_header = 1;
                if (!st->quiet_header)
                    izde__ingest_report(st->in, st->path, 1, IZDE_EFORMAT,
                                    "the header row names no text, content, body or title "
                                    "column; the file is skipped");
            }
        } else if (!st->bad_header) {
            index_row(st);
        }
    }
    for (size_t i = 0; i < st->nrow; i++)
        free(st->row[i]);
    st->nrow = 0;
    st->row_line = st->line + 1;
}

/* libcsv's state between rows (ROW_NOT_BEGUN in libcsv.c). */
#define CSV_ROW_NOT_BEGUN 0

/* Feed bytes [p, end) to the parser line by line, so a report can name
 * the line a row starts on (the first line fed is st->line).  Returns 0,
 * or -1 after reporting malformed CSV (the rest of the file is skipped). */
static int feed(csv_state *st, struct csv_parser *parser, const char *p, const char *end)
{
    while (p < end && st->rc == IZDE_OK) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
        if (parser->pstate == CSV_ROW_NOT_BEGUN)
            st->row_line = st->line; /* past blank lines */
        if (csv_parse(parser, p, n, on_field, on_row, st) != n) {
            izde__ingest_report(st->in, st->path, st->line, IZDE_EFORMAT,
                                "malformed CSV (%s); the rest of the file is skipped",
                                csv_strerror(csv_error(parser)));
            return -1;
        }
        p += n;
        if (nl)
            st->line++;
    }
    return 0;
}

/* The bytes a reading needs: the whole file, or for one range of it its
 * header row and then the range (*header_len: the header's bytes). */
static char *read_csv(ingest *in, const char *path, size_t *len, size_t *header_len)
{
    *header_len = 0;
    if (!in->range || in->counting)
        return izde__ingest_read_file(in, path, 0, len);
    const file_range *r = in->range;
    size_t h = r->part ? (size_t)r->header_end : 0, n = (size_t)(r->end - r->start);
    char *data = malloc(h + n + 1);
    FILE *f = data ? fopen(path, "rb") : NULL;
    int ok = f && fread(data, 1, h, f) == h && fseeko(f, (off_t)r->start, SEEK_SET) == 0 &&
             fread(data + h, 1, n, f) == n;
    if (!ok) {
        izde__ingest_report(in, path, 0, data ? IZDE_EIO : IZDE_ENOMEM, "cannot read: %s",
                            data ? strerror(errno ? errno : EIO) : "out of memory");
        free(data);
        data = NULL;
    }
    if (f)
        fclose(f);
    if (data)
        data[h + n] = '\0', *len = h + n, *header_len = h;
    return data;
}

int izde__ingest_csv(ingest *in, const char *path)
{
    size_t len = 0, header_len = 0;
    char *data = read_csv(in, path, &len, &header_len);
    if (!data)
        return IZDE_OK;
    const file_range *r = in->counting ? NULL : in->range;
    if (!r || !r->part)
        in->stats->files++;
    char *real = realpath(path, NULL);
    csv_state st = {.in = in, .path = path, .real = real ? real : path, .line = 1, .row_line = 1,
                    .quiet_header = r && r->part};
    struct csv_parser parser;
    int rc = IZDE_OK;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        rc = in->db ? izde__db_error(in->db, IZDE_ENOMEM, "out of memory") : IZDE_ENOMEM;
        goto done;
    }
    const char *p = data, *end = data + len;
    if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
        p += 3;
    int bad = 0;
    if (header_len) { /* the header row of the file, then the range */
        bad = feed(&st, &parser, p, data + header_len);
        p = data + header_len;
        st.line = r->first_line;
    }
    if (!bad)
        bad = feed(&st, &parser, p, end);
    if (st.rc == IZDE_OK && !bad && csv_fini(&parser, on_field, on_row, &st) != 0)
        izde__ingest_report(in, path, st.row_line, IZDE_EFORMAT,
                            "malformed CSV at the end (%s): an unclosed quote?",
                            csv_strerror(csv_error(&parser)));
    if (st.rc == IZDE_OK && !st.header)
        izde__ingest_report(in, path, 0, IZDE_EFORMAT, "empty CSV file; nothing to index");
    rc = st.rc;
    csv_free(&parser);
done:
    for (size_t i = 0; i < st.nrow; i++)
        free(st.row[i]);
    for (size_t i = 0; i < st.nheader; i++)
        free(st.header[i]);
    free(st.header);
    free(st.row);
    free(st.row_len);
    free(real);
    free(data);
    return rc;
}
