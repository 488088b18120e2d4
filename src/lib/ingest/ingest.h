/*
 * ingest.h - shared by the files of ingest/: the walk (ingest.c), the
 * readers of one file (readers.c; ingest_csv.c for CSV), what they share
 * (record.c: reports, notices, one article) and the worker processes
 * (parallel.c, shard_build.c).
 */
#ifndef IZDE_INGEST_H
#define IZDE_INGEST_H

#include "izde-private.h"

/* The least input worth building a new index with several workers, and
 * the least file worth cutting into ranges for them (parallel.c). */
#define IZDE_PARALLEL_MIN_BYTES (4ull << 20)

/* The part of a big file one worker reads (split.c, parallel.c): bytes
 * [start, end), which begin on a record; the whole file is still counted
 * for chrome detection. */
typedef struct file_range {
    unsigned long long start, end;
    unsigned long long header_end; /* CSV: its header row is bytes [0, header_end) */
    unsigned long first_line;      /* the line of the file byte `start` is on */
    unsigned part;                 /* 0 for the first range: it counts the file */
    int counted;                   /* its worker counted the file for an earlier range */
} file_range;

typedef struct ingest {
    izde_db *db;
    izde_problem_fn problem;   /* called once per bad file or record */
    void *payload;
    izde_index_stats *stats;
    struct visited *seen_dirs;  /* folders already walked (device, inode): symlink loops */
    size_t nseen_dirs, capseen_dirs;
    unsigned unreported;        /* problems left to shard 0's process (db->report_unrouted 0) */
    char **reread;              /* file keys to read again before the run ends (claims.c) */
    size_t nreread, capreread;
    int counting;               /* reading a file only to count its lines (readers.c) */
    const file_range *range;    /* read only this part of the file, or NULL */
    const izde_index_options *defaults; /* --source, --lang, --date-from, or NULL */
    char file_date[11];         /* the file's default date (YYYY-MM-DD), or "" */
    unsigned long long defaults_tag; /* hash of the file's defaults, 0 without any */
    /* set by extract.c: each article goes here instead of into an index
     * (db is NULL then) */
    int (*emit)(void *payload, const izde_article *a);
    void *emit_payload;
} ingest;

/* One file to index, as found by the walk. */
typedef struct file_entry {
    char *path;                 /* as found (for reports) */
    unsigned long long size;
    long long mtime_ns;
} file_entry;

/* Index one file incrementally (skipped when unchanged, its old
 * documents replaced when changed); problems are reported, a database
 * failure is returned. */
int izde__ingest_file(ingest *in, const file_entry *e, int force);

/* Index range `r` of a big file into a new index (parallel.c): no
 * signature is read or written (the parent writes it after the merge);
 * *problems gets the number of its records that could not be indexed. */
int izde__ingest_range(ingest *in, const file_entry *e, const file_range *r, unsigned *problems);
/* Write the signature of a file read in ranges into the merged index,
 * with `problems` records that could not be indexed. */
int izde__ingest_write_sig(ingest *in, const file_entry *e, unsigned problems);

/* Cut a JSON Lines or CSV file into at most `parts` ranges of about
 * equal bytes, each starting on a record (r holds `parts`); returns how
 * many: 1 (the whole file) for another format, a malformed CSV file or
 * one too few records. */
unsigned izde__split_file(const file_entry *e, unsigned parts, file_range *r);

/* Remember to read the file of `file_key` again before the run ends
 * (an izde_reread_fn; `vin` is the ingest). */
void izde__ingest_reread_later(void *vin, const char *file_key);

/* Index files[0..n) into the empty database `in->db` with `jobs` worker
 * processes, each writing its own shard next to it (DB.part-K), then
 * merge the shards into DB (parallel.c).  Stats are summed into
 * in->stats. */
/* A new index's stories assigned once more over all its articles, in the
 * order one process reads `files` (story_pass.c): the workers of a
 * parallel build each knew only their own articles, and an article read
 * again later in the same run (a replaced id) counts where it was read
 * last.  So any -j gives the same stories (parallel.c). */
int izde__ingest_assign_stories(izde_db *db, const file_entry *files, size_t n);
int izde__ingest_parallel(ingest *in, const file_entry *files, size_t n, unsigned jobs,
                          int force);

/* Remove what a stopped parallel run left beside the index (DB.part-K,
 * DB.merged); we hold its lock, so no run is using them. */
void izde__ingest_remove_leftovers(izde_db *db);

/* What a worker process tells its parent through a pipe when it is done
 * (parallel.c, shard_build.c). */
typedef struct worker_report {
    izde_index_stats stats;
    int rc;
    char msg[768];
} worker_report;
/* Write the whole report to `fd` / read it; read returns 0 when complete. */
void izde__report_send(int fd, const worker_report *rep);
int izde__report_read(int fd, worker_report *rep);

/* The problems of a worker process, held back for its parent (held.c):
 * izde__held_problem() is an izde_problem_fn whose payload is this. */
typedef struct held_problems {
    izde_buf buf;      /* the records, as met */
    size_t task;       /* the task being read (parallel.c) */
} held_problems;
void izde__held_problem(void *payload, const char *path, unsigned long line, int status,
                        const char *msg);
/* Report the records of all workers' blobs to `problem`, task by task,
 * each task's in the order met; IZDE_ENOMEM when out of memory. */
int izde__held_replay(const izde_buf *blobs, size_t nblobs, izde_problem_fn problem,
                      void *payload);

/* Report one bad file (line 0) or record and count it as failed; in a
 * process writing shard K > 0 of `izde index --shards` only count it in
 * in->unreported (shard 0's process reports it). */
void izde__ingest_report(ingest *in, const char *path, unsigned long line, int status,
                         const char *fmt, ...) IZDE_PRINTF(5, 6);
/* Reject what is not UTF-8 text: report it and return 0. */
int izde__ingest_check_text(ingest *in, const char *path, unsigned long line, const char *s,
                            size_t len);
/* The defaults of the file at `path` (in->file_date, in->defaults_tag)
 * from in->defaults; `mtime` its modification time (seconds). */
void izde__ingest_file_defaults(ingest *in, const char *path, long long mtime);
/* Index one article; a problem with the article is reported (IZDE_OK
 * returned), a database failure is returned and stops ingest. */
int izde__ingest_article(ingest *in, const char *path, unsigned long line, const izde_article *a);
/* Say something about `path` through the db's notice callback (-v);
 * returns 0. */
int izde__ingest_notice(ingest *in, const char *path, const char *fmt, ...) IZDE_PRINTF(3, 4);
/* Does `name` end in `ext` (".jsonl"), with something before it? */
int izde__has_ext(const char *name, const char *ext);
/* Read a whole file (NUL-terminated); on failure report it, return NULL.
 * With `max` > 0, a file (a pipe, say) that turns out longer than `max`
 * bytes is reported as too large once that many are read, and dropped. */
char *izde__ingest_read_file(ingest *in, const char *path, size_t max, size_t *len_out);

/* Is `name` one of the article fields (id, title, text, content, body,
 * url, date, source, lang)?  Other fields are kept in the document data. */
int izde__ingest_is_known_field(const char *name);

/* A CSV file with a header row naming the fields. */
int izde__ingest_csv(ingest *in, const char *path);

/* Is the file a web page (.html, .htm, .xhtml, .html.gz, .htm.gz)? */
int izde__is_web_page(const char *path);
/* A web page: its main text and metadata as one article (web_readers.c). */
int izde__ingest_html(ingest *in, const char *path);
/* Is the file an RSS or Atom feed (.rss, .atom, or .xml with a feed root
 * among its first bytes)? */
int izde__is_feed(const char *path);
/* A feed: each item an article (feed_reader.c). */
int izde__ingest_feed(ingest *in, const char *path);
/* Is the file a web archive (.warc, .warc.gz)? */
int izde__is_warc(const char *path);
/* A web archive: each HTML page it holds an article (warc_reader.c). */
int izde__ingest_warc(ingest *in, const char *path);
/* Read one file of any format as the index would, without an index. */
int izde__ingest_read_one(ingest *in, const char *path);

#endif /* IZDE_INGEST_H */
