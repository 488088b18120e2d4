/*
 * izde.h - the public API of libizde: index and search Russian and Kyrgyz
 * news reports.  The only header the CLI includes.
 *
 * Conventions (see README, "Library API"):
 *  - every fallible call returns an int status: IZDE_OK (0) or an IZDE_E*
 *    code; the status decides success, the message only explains it;
 *  - the message of the last failure is kept on the handle
 *    (izde_db_errmsg()); constructors without a handle return it through
 *    `char **errmsg_out`, freed with izde_free();
 *  - out-parameters come first; `T **out` results are caller-owned and
 *    freed with izde_T_free(), which accepts NULL; returned `const char *`
 *    are borrowed from their parent handle.
 */
#ifndef IZDE_H
#define IZDE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum izde_status {
    IZDE_OK = 0,
    IZDE_ENOMEM,     /* out of memory */
    IZDE_EINVAL,     /* bad argument */
    IZDE_EIO,        /* file or database I/O failed */
    IZDE_ENOTFOUND,  /* no such file, database or document */
    IZDE_ELOCKED,    /* the database is locked by another writer */
    IZDE_ECORRUPT,   /* the database is damaged or not an izde database */
    IZDE_EQUERY,     /* the query is malformed */
    IZDE_EFORMAT,    /* input is not text / not valid JSON / wrong shape */
    IZDE_EBACKEND,   /* Xapian, ICU or another library failed */
    IZDE_EVERSION,   /* the index was built by an incompatible version */
    IZDE_ENETWORK    /* a remote shard cannot be reached or did not answer in time */
} izde_status;

/* Static name of a status ("IZDE_ELOCKED"). */
const char *izde_status_name(int status);
/* Free memory returned through `char **` by this API.  Accepts NULL. */
void izde_free(void *p);
/* The length of the longest prefix of s[0..len) that is valid UTF-8 (len
 * when all of it is; overlong forms and surrogates are invalid).  Every
 * string the index returns is valid UTF-8; messages may quote bytes from
 * outside (a file name). */
size_t izde_utf8_valid_prefix(const char *s, size_t len);

/* ---------------------------------------------------------------- stemming */

typedef struct izde_stemmer izde_stemmer;

/*
 * A stemmer for "ru" (Snowball Russian, keeping the н of -ан/-ян nouns) or
 * "ky" (izde's Kyrgyz stemmer).  Follows the libstemmer contract: the stem
 * returned is owned by the stemmer and valid until its next call; no
 * allocation per word; one instance per thread.
 * @retval IZDE_OK, IZDE_EINVAL (unknown language), IZDE_ENOMEM
 */
int izde_stemmer_new(izde_stemmer **out, const char *lang);
void izde_stemmer_free(izde_stemmer *s);
/*
 * Stem one word as written, UTF-8 (any case; Kyrgyz acronym rules use the
 * case: "ИИМдин" -> "иим").  *out_len receives the stem's length in bytes.
 * Words without a letter come back unchanged.  NULL only when out of memory.
 */
const char *izde_stemmer_stem(izde_stemmer *s, const char *word, size_t len, size_t *out_len);

/* ---------------------------------------------------------------- databases */

typedef struct izde_db izde_db;

#define IZDE_DB_READ  0 /* open an existing index for searching */
#define IZDE_DB_WRITE 1 /* open or create an index for indexing (parent dirs created) */

/*
 * Open the index at `path`.
 * @param out         receives the handle, NULL on failure
 * @param errmsg_out  may be NULL; on failure a message naming the path and
 *                    what to do (free with izde_free())
 * @retval IZDE_OK, IZDE_ENOTFOUND, IZDE_ELOCKED, IZDE_ECORRUPT, IZDE_EVERSION, IZDE_EIO
 */
int izde_db_open(izde_db **out, const char *path, int mode, char **errmsg_out);
/* Options for izde_db_open_shards(). */
typedef struct izde_open_options {
    unsigned timeout_ms; /* remote shards: connecting and each request (0: 10000) */
    int allow_partial;   /* a shard that is down or missing is left out
                          * (izde_db_missing_*) instead of failing */
} izde_open_options;

/*
 * Open several indexes for searching as one: same ranking, counts and
 * facets as a single index holding all their articles.  Each spec is an
 * index folder, tcp://HOST:PORT (a xapian-tcpsrv serving one), or a shard
 * list: a text file, or a folder holding one named "izde.shards", with
 * one such spec per line (folders relative to the file; '#' comments).
 * Shards built by `izde index --shards N` / `--shard K/N` are checked to
 * be of one set, each once, none missing.  `o` may be NULL.
 * @retval as izde_db_open(), and IZDE_ENETWORK for a shard that is down
 */
int izde_db_open_shards(izde_db **out, const char *const *specs, size_t n,
                        const izde_open_options *o, char **errmsg_out);
/* Let each search, count or timeline match for at most `ms` (0: no
 * limit); past it the matches found so far are ranked and counted. */
void izde_db_set_time_limit(izde_db *db, unsigned ms);
/* Whether the queries of this handle search each word beyond its own
 * stems: the same word in the other language, a surname's case forms, н о
 * у typed for ң ө ү, Latin spellings, the glossary (on by default; 0:
 * off, the words as typed and their stems only). */
void izde_db_set_expansion(izde_db *db, int on);
/* See the latest committed state of a read handle (an indexer may be
 * writing beside it). */
int izde_db_reopen(izde_db *db);
/* Indexes searched as one (1 for a plain index). */
unsigned izde_db_shard_count(const izde_db *db);
/* Shards left out under allow_partial (at open or later, when one
 * stopped answering): how many, and the i-th one's spec and reason. */
unsigned izde_db_missing_count(const izde_db *db);
const char *izde_db_missing_name(const izde_db *db, unsigned i);
const char *izde_db_missing_reason(const izde_db *db, unsigned i);
/* The same as JSON, [{"shard": ..., "reason": ...}], or NULL when no
 * shard was left out (free with izde_free()).  The JSON of facts, check
 * and timeline carries it as "partial". */
char *izde_db_partial_json(const izde_db *db);

/* Commit (when writable) and close.  Accepts NULL.  Returns the commit's status. */
int izde_db_close(izde_db *db);
/* Message of the last failed call on `db` ("" if none).  Borrowed. */
const char *izde_db_errmsg(const izde_db *db);
int izde_db_commit(izde_db *db);
/* Rewrite the index (opened with IZDE_DB_WRITE, not a set of shards) with
 * its B-trees full, as one step: a kill leaves the old index or the
 * compacted one.  *before and *after (either may be NULL) get the
 * folder's bytes. */
int izde_db_compact(izde_db *db, unsigned long long *before, unsigned long long *after);
int izde_db_doccount(izde_db *db, unsigned *out);

/* Called with a note about an input that is being indexed, not a problem:
 * for each text file (.txt, .md or named on the command line) the charset
 * it was read in, e.g. "UTF-8", "UTF-16LE with BOM, converted to UTF-8" or
 * "windows-1251 (ICU confidence 62), converted to UTF-8".  `path` is the
 * file as given to izde_index_path() or found in its folder. */
typedef void (*izde_notice_fn)(void *payload, const char *path, const char *msg);
/* Have the indexing calls on `db` report notices to `fn` (NULL: none, the
 * default). */
void izde_db_set_notice(izde_db *db, izde_notice_fn fn, void *payload);
/* Warnings while indexing: an article indexed with something left out
 * (an invalid date field, for instance).  `path` is the article's file or
 * NULL.  Unlike notices these always matter to the user. */
void izde_db_set_warning(izde_db *db, izde_notice_fn fn, void *payload);

/* ---------------------------------------------------------------- indexing */

/* One article to index.  Only `id` and `text` are required; NULL fields are
 * derived (title from the text, source from the URL, language from the
 * letters) or left unknown. */
typedef struct izde_article {
    const char *id;       /* unique id: re-indexing the same id replaces */
    const char *path;     /* file it came from, or NULL */
    const char *url;
    const char *title;
    const char *source;
    const char *date;     /* YYYY-MM-DD (or YYYY-MM, YYYY) */
    const char *lang;     /* "ru", "ky", ... */
    const char *text;     /* UTF-8 article text */
    size_t text_len;
    const char *fields;   /* JSON object text with any other fields, or NULL */
    const char *charset;  /* charset the file was read in ("windows-1251"), or NULL */
    const char *date_default; /* the date when neither `date`, the URL nor the
                               * text gives one (izde index --date-from), or NULL */
    unsigned long line;   /* where the record starts in `path` (a line of a
                           * CSV or JSON Lines file, a feed's item), 0: none */
} izde_article;

/* Index one article (replacing any document with the same id). */
int izde_index_article(izde_db *db, const izde_article *a);

/* Called once for every file or record that could not be indexed:
 * `line` is 0 for a whole file.  `msg` says what is wrong. */
typedef void (*izde_problem_fn)(void *payload, const char *path, unsigned long line, int status,
                                const char *msg);

/*
 * Check the index: every document readable (JSON data with an id and a
 * text), the document count right.  Each problem goes to `problem` (with
 * "document N" as its path); *docs_out the documents read, *bad_out the
 * problems.  @retval IZDE_OK (even with problems), IZDE_E* on failure.
 */
int izde_db_verify(izde_db *db, izde_problem_fn problem, void *payload, unsigned *docs_out,
                   unsigned *bad_out);
/* The index format version this library reads and writes. */
int izde_index_version(void);


typedef struct izde_index_stats {
    unsigned files;     /* files read (new or changed) */
    unsigned articles;  /* articles indexed */
    unsigned failed;    /* files or records that could not be indexed */
    unsigned skipped;   /* files in folders skipped for their extension */
    unsigned files_new;        /* files never indexed before (or not in this index) */
    unsigned files_changed;    /* files indexed before whose content changed: re-indexed */
    unsigned files_unchanged;  /* same size and mtime, or same content hash: not read again */
    unsigned files_old_problems; /* unchanged files that had problems when they were read */
    unsigned old_problems;       /* their records that could not be indexed then */
    unsigned files_removed;    /* files gone from disk whose documents --prune deleted */
    unsigned articles_removed; /* documents deleted with them */
    unsigned files_gone;       /* files gone from disk, documents kept (no prune) */
    unsigned articles_gone;    /* documents of those files */
    unsigned id_clashes;       /* articles that replaced one of the same id read
                                * from another file (a warning each unless
                                * opts->quiet_ids) */
    int compacted;             /* the run ended by compacting an index that had grown
                                * past twice its compacted size (izde_db_compact) */
} izde_index_stats;

/* Called before the first file and after each file: files done of the
 * total found under the paths, and their bytes. */
typedef void (*izde_progress_fn)(void *payload, unsigned files_done, unsigned files_total,
                                 unsigned long long bytes_done, unsigned long long bytes_total);

typedef struct izde_index_options {
    int prune;  /* delete the documents of indexed files under the paths that are gone */
    int force;  /* re-read every file, even unchanged ones */
    izde_progress_fn progress; /* may be NULL */
    void *progress_payload;
    unsigned jobs; /* > 1: a new (empty) index is built by this many worker
                    * processes (fork(): call it from a single-threaded
                    * program), one shard each, merged at the end; an
                    * index that holds documents is always updated in place */
    /* Defaults for the records that lack the field (a record's own field
     * always wins): source, language, and where a date comes from when
     * neither the record, its URL nor its text gives one. */
    const char *source;  /* NULL: none */
    const char *lang;    /* "ru", "ky", "other" or NULL */
    int date_from;       /* IZDE_DATE_FROM_* */
    int quiet_ids;       /* no warning for an id that arrives from another file
                          * than the one it was indexed from (still counted) */
} izde_index_options;

enum {
    IZDE_DATE_FROM_NONE = 0,
    IZDE_DATE_FROM_MTIME,    /* the file's modification time (UTC) */
    IZDE_DATE_FROM_FILENAME, /* a date in the file's name: 2024-01-16, 20240116, 16.01.2024 */
};

/*
 * Index files and folders incrementally (index/SCHEMA.md, "Files"): a
 * file indexed before with the same size and mtime, or the same content
 * hash, is skipped; a changed file's old documents are deleted and it is
 * read again.  With opts->prune, indexed files under the paths that no
 * longer exist lose their documents.  `opts` may be NULL (no prune, no
 * force, no progress).  Otherwise as izde_index_path().
 */
int izde_index_paths(izde_db *db, const char *const *paths, size_t npaths,
                     const izde_index_options *opts, izde_problem_fn problem, void *payload,
                     izde_index_stats *stats);

/*
 * Index a file or a folder (recursively): .txt and .md are one article
 * each, .jsonl one article per line.  A named file of another extension
 * is read as text.  Text files may be UTF-8 (with or without a BOM),
 * UTF-16 with a BOM, windows-1251, KOI8-R, ISO-8859-5 or IBM866: the
 * charset is detected and the text converted to UTF-8 (see the notice
 * callback); .jsonl and .csv must be UTF-8.  Problems are reported
 * through `problem` and counted in `stats` (accumulated, not reset); the
 * rest is still indexed.  Incremental: izde_index_paths() with one path
 * and no options.
 * @retval IZDE_OK even when some files failed (see stats->failed); an
 *         error only when the database itself fails (message on `db`)
 */
int izde_index_path(izde_db *db, const char *path, izde_problem_fn problem, void *payload,
                    izde_index_stats *stats);

/* Called with each article izde_extract_file() reads; non-zero stops. */
typedef int (*izde_article_fn)(void *payload, const izde_article *a);
/*
 * Read one file of any format izde indexes (.txt, .md, .jsonl, .csv, web
 * pages: .html, .htm, .xhtml, .html.gz; feeds: .rss, .atom, .xml; web
 * archives: .warc, .warc.gz) as
 * indexing would, without an
 * index: each article goes to `fn`.  A page's article has its title,
 * date, source, canonical url, lang and main text, and in `fields` the
 * JSON of "date_from" (where the date was found: json-ld,
 * article:published_time, time, itemprop, url, headline), "modified" and
 * "author" when known.  For other formats a missing title and lang are
 * filled in as the index would (the first line; the language guess).
 * Problems go to `problem`.  Returns IZDE_OK, or what `fn` returned.
 */
int izde_extract_file(const char *path, izde_article_fn fn, void *payload,
                      izde_problem_fn problem, void *problem_payload);

/* ---------------------------------------------------------------- shards */

/* The shard (0 to n-1) of an article id: FNV-1a 64 of its bytes, mod n.
 * Stable: the same id always goes to the same shard of n. */
unsigned izde_shard_of(const char *id, unsigned n);

/* Make the writable `db` shard k (0-based) of n: only articles whose id
 * falls in it are indexed, the others are read and passed over.  A new
 * index is marked "k+1/n" (metadata izde.shard); one marked otherwise, or
 * holding articles without a mark, is refused (message on `db`). */
int izde_db_set_shard(izde_db *db, unsigned k, unsigned n);

/*
 * Index `paths` into n shards under the folder `dir`: dir/shard-1 ...
 * dir/shard-n and the shard list dir/izde.shards, which a search opens as
 * one index.  One process per shard, at most opts->jobs at a time; each
 * reads every input.  Incremental like izde_index_paths(); a folder
 * holding another number of shards is refused.  Problems go to `problem`
 * once; notices (shard 1's) to `notice`, warnings to `warning`, all with
 * `payload`.  Stats as one index would count them.
 * @retval IZDE_OK (even when some inputs failed: stats->failed), or an
 *         error with *errmsg_out (free with izde_free())
 */
int izde_index_shards(const char *dir, unsigned n, const char *const *paths, size_t npaths,
                      const izde_index_options *opts, izde_problem_fn problem,
                      izde_notice_fn notice, izde_notice_fn warning, void *payload,
                      izde_index_stats *stats, char **errmsg_out);

/* ---------------------------------------------------------------- bounds */

/* What one answer holds at most, whatever the articles (README, "Limits"):
 * a figure's sentence as shown is a window of at most this many bytes
 * around the figure, with "…" where it was cut ... */
#define IZDE_SENTENCE_MAX_BYTES 400
/* ... a hit lists at most this many of its article's figures (its
 * figures_total counts them all), and facts cite at most this many
 * figures of one article (its group counts still count them all) ... */
#define IZDE_HIT_MAX_FIGURES 100
/* ... a page of facts reads at most this many articles ... */
#define IZDE_FACTS_MAX_ARTICLES 10000
/* ... and a page of a check lists at most this many citations in each of
 * agree and differ (agree_total, differ_total count them all). */
#define IZDE_CHECK_MAX_CITATIONS 10000
/* The citations per list of izde_check_get() and `izde check` unless told
 * otherwise (/api/check lists 20). */
#define IZDE_CHECK_DEFAULT_CITATIONS 1000

/* ---------------------------------------------------------------- search */

typedef struct izde_results izde_results;

/* One highlighted passage. `highlights` holds `nhighlights` [start, end)
 * byte-offset pairs into `text`. */
typedef struct izde_snippet {
    const char *text;
    size_t len;
    const size_t (*highlights)[2];
    size_t nhighlights;
} izde_snippet;

/* A figure cited in an article: «более 300 мероприятий», «28 тысяч
 * человек».  Offsets are bytes into the article's clean text. */
typedef struct izde_hit_figure {
    double value;            /* multiplier applied: «28 тысяч» -> 28000 */
    double high;             /* high end of a range («30-35»), else == value */
    const char *qualifier;   /* "exact", "about", "more" or "less" */
    const char *unit;        /* "%", "кг", "т", "сом"... (index/SCHEMA.md), or NULL */
    const char *noun;        /* the counted noun as written, or NULL */
    const char *noun_stem;   /* its stem, or NULL */
    const char *key;         /* what it counts, one for all forms of a noun in Russian
                              * and Kyrgyz, else the unit; NULL before analyzer version 4 */
    const char *label;       /* the noun's dictionary form as far as the word shows it,
                              * else the unit; NULL before analyzer version 4 */
    const char *text;        /* the figure as written */
    const char *sentence;    /* the sentence it stands in, or at most
                              * IZDE_SENTENCE_MAX_BYTES of it around the
                              * figure with "…" where it was cut */
    size_t start, end;
    const char *kind;        /* "count" (what facts and check compare), "age",
                              * "duration", "anniversary", "ordinal",
                              * "fraction", "score", "name" or "ratio";
                              * a static string */
} izde_hit_figure;

/* One hit; every pointer is owned by the results.  Unknown fields are NULL. */
typedef struct izde_hit {
    unsigned rank;            /* 1-based, counting from the first hit of the whole result set */
    double score;             /* BM25 weight */
    const char *id, *path, *url, *title, *lang, *source, *date;
    const izde_snippet *snippets;
    size_t nsnippets;
    const izde_hit_figure *figures; /* the figures the article cites, in its order:
                                     * at most IZDE_HIT_MAX_FIGURES, those in the
                                     * snippets first, then the first ones */
    size_t nfigures;
    size_t figures_total;     /* every figure the article cites (>= nfigures) */
    const char *story;        /* the id of its story's first article (its own id when
                               * it has no copies; NULL in an index made before stories) */
    unsigned copies;          /* the other articles of its story in the index */
    const char *const *copy_ids; /* the first IZDE_HIT_MAX_COPY_IDS of them, first indexed first */
    size_t ncopy_ids;
    unsigned long run;        /* the index run that first indexed its id (0: before runs
                               * were numbered; index/SCHEMA.md, slot 5) */
    const char *indexed;      /* when that run began, "2026-12-07T19:30:00Z", or NULL */
} izde_hit;
#define IZDE_HIT_MAX_COPY_IDS 20

/*
 * Search.  Query syntax: words (all must match), "exact phrase", OR, NOT
 * or -word, parentheses.  Returns hits [offset, offset+limit).
 * @retval IZDE_OK (possibly with no hits), IZDE_EQUERY (malformed query;
 *         the message on `db` says where), IZDE_E* on database failure
 */
int izde_search(izde_results **out, izde_db *db, const char *query, unsigned offset,
                unsigned limit);
/* Orders for izde_search_sorted(). */
#define IZDE_SORT_RELEVANCE 0 /* BM25 */
#define IZDE_SORT_OLDEST 1    /* publication date, oldest first (undated last) */
#define IZDE_SORT_NEWEST 2    /* publication date, newest first (undated last) */
#define IZDE_SORT_INDEXED 3   /* newest-indexed first (index run), then relevance */
int izde_search_sorted(izde_results **out, izde_db *db, const char *query, unsigned offset,
                       unsigned limit, int sort);
/* Every knob of a search; izde_search_ex(.., NULL) is izde_search(.., 0, 10). */
typedef struct izde_search_options {
    unsigned offset, limit;
    int sort;        /* IZDE_SORT_* */
    int no_snippets; /* hits without fragments (figures and metadata still filled) */
    int all_copies;  /* every copy of a story its own hit (default: one hit per story,
                      * the best, and izde_results_estimated() counts stories) */
    const char *like; /* an article's id: the articles like it (its most telling stems,
                       * in both languages), its own story left out; the query, when
                       * not empty, filters them.  IZDE_ENOTFOUND for an unknown id */
    unsigned long from_run; /* > 0: only articles first indexed by this index run or a
                             * later one (articles of indexes older than run
                             * numbers have none: left out) */
} izde_search_options;
int izde_search_ex(izde_results **out, izde_db *db, const char *query,
                   const izde_search_options *opt);

/* ---------------------------------------------------------------- saved searches */

/* A saved search (README, "izde watch"), kept in the index's metadata
 * (index/SCHEMA.md, "Saved searches"). */
typedef struct izde_watch {
    const char *name;   /* 1 to 64 of a-z 0-9 - _, starting with a letter or digit */
    const char *query;
    const char *added;  /* "2026-12-07T19:30:00Z" */
    unsigned long seen; /* the last index run whose articles it has listed */
    int all;            /* added with from_start and not run since: its next run
                         * lists every match */
    const char *ran;    /* when it last ran, NULL: never */
    long last_new;      /* the new articles it listed then, -1: never ran */
} izde_watch;
typedef struct izde_watches izde_watches;

/* The saved searches of `db`, by name.  Read or writable handles. */
int izde_watches_get(izde_watches **out, izde_db *db);
size_t izde_watches_count(const izde_watches *w);
const izde_watch *izde_watches_at(const izde_watches *w, size_t i);
/* The one named `name`, or NULL. */
const izde_watch *izde_watches_find(const izde_watches *w, const char *name);
/* "a, b, c" or "none": the names, for messages (caller frees with izde_free()). */
char *izde_watches_names(const izde_watches *w);
void izde_watches_free(izde_watches *w);
/* [{"name", "query", "added", "ran", "seen_run", "all", "last_new"}...] (izde_free()). */
char *izde_watches_json(const izde_watches *w);
/* NULL when `name` is a valid name, else why not (a static string). */
const char *izde_watch_name_problem(const char *name);
/* Save `query` (parsed now: IZDE_EQUERY with the message on db when it is
 * malformed) as `name` on a writable handle, and commit.  It has seen the
 * index's last run (its first run lists only articles indexed later), or
 * none with `from_start` (it lists every match).  IZDE_EINVAL when the
 * name is invalid, or taken and not `replace`. */
int izde_watch_add(izde_db *db, const char *name, const char *query, int replace, int from_start);
/* Remove a saved search and commit; IZDE_ENOTFOUND naming the saved ones. */
int izde_watch_remove(izde_db *db, const char *name);
/* The number of the index's last run (0: none yet). */
int izde_last_run(izde_db *db, unsigned long *run_out);
/* Mark `name` run: it has seen index run `run` (its next run lists the
 * articles of later runs, `all` cleared), listed `listed` new articles,
 * now; committed. */
int izde_watch_mark(izde_db *db, const char *name, unsigned long run, unsigned listed);

/* Article `id` as one JSON object (*json_out, izde_free()): its stored
 * metadata (id, path, url, title, source, date, lang, charset), "story"
 * (the id of its story's first article; its own when it has no copies),
 * "copies" (the ids of the story's other articles, first indexed first),
 * its figures, mentioned dates, the record's other fields and "text".
 * IZDE_ENOTFOUND (message on db) when the index has no such id. */
int izde_article_json(izde_db *db, const char *id, char **json_out);

/* One period of a timeline. */
typedef struct izde_period {
    char period[16];        /* "2017", "2017-04" or "2017-W15" (ISO week) */
    unsigned count;         /* matching stories in it: copies of one story count
                             * once, in the period of the earliest of them */
    unsigned articles;      /* matching articles in it, copies included */
} izde_period;

/* Matching stories (and articles) per period of their publication date
 * (by: 'y' year, 'm' month, 'w' ISO week) or, with `mentioned`, of the
 * dates their text mentions.  Counted over every match; copies of one
 * story (index/SCHEMA.md, "Stories") count once.  One allocation: free it
 * with izde_timeline_free(). */
typedef struct izde_timeline {
    char by;                /* 'y', 'm' or 'w' */
    int mentioned;          /* counted by the dates the texts mention */
    unsigned matches;       /* every matching article */
    unsigned stories;       /* the stories they are copies of */
    unsigned undated;       /* stories without a publication date (with mentioned:
                             * whose text mentions no date) */
    unsigned less_precise;  /* stories dated less precisely than a period (with
                             * mentioned: that mention no date as precise) */
    unsigned undated_articles; /* the articles of the undated stories (with
                                * mentioned: whose text mentions no date) */
    size_t nperiods;
    izde_period *periods;   /* every period from the first to the last, empty ones as 0 */
    int english;            /* izde_timeline_to_json() labels in English (set by the
                             * caller; 0 from izde_timeline_get(): Russian) */
} izde_timeline;

/* A period as a chart labels it: "2017", "апр 2017", "нед. 15 2017" (with
 * `english`: "Apr 2017", "W15 2017"); anything else copied as it is. */
void izde_period_label(const char *period, int english, char *buf, size_t n);

/* @retval IZDE_OK, IZDE_EQUERY (message on `db`), IZDE_EINVAL (`by`), ... */
int izde_timeline_get(izde_timeline **out, izde_db *db, const char *query, char by,
                      int mentioned);
void izde_timeline_free(izde_timeline *t);
/* `t` as JSON {"query", "by", "basis", "counts": "stories", "matches"
 * (articles), "stories", "undated", "less_precise" (stories),
 * "undated_articles" (of the undated stories), "periods": [{"period",
 * "label" (izde_period_label()), "count" (stories), "articles"}], ["partial"]}: what
 * `izde timeline --json` and /api/timeline print.  Free with izde_free(). */
int izde_timeline_to_json(const izde_timeline *t, izde_db *db, const char *query,
                          char **json_out);
/* izde_timeline_get() then izde_timeline_to_json(). */
int izde_timeline_json(izde_db *db, const char *query, char by, int mentioned, char **json_out);

/* The results as `izde search --json` prints them: {query,
 * matches_estimated, [suggestion], [partial], [took_ms when >= 0], hits: [{rank, id,
 * path, url, title, lang, source, date, score, snippets: [{text,
 * highlights}], figures: [...], figures_total}]}.  Free with izde_free(). */
int izde_results_json(const izde_results *r, izde_db *db, const char *query, double took_ms,
                      char **json_out);
/* How many articles have one value (a language, a year, a source). */
typedef struct izde_count {
    char *key;
    unsigned count;
} izde_count;

/* What the index holds.  Free with izde_stats_free(). */
typedef struct izde_stats {
    unsigned documents;
    unsigned shards;        /* indexes searched as one (1: a plain index) */
    int format_version;
    izde_count *languages;  /* each list in the order of its values */
    size_t nlanguages;
    izde_count *years;
    size_t nyears;
    izde_count *sources;
    size_t nsources;
    unsigned problem_files;   /* indexed files some of whose records could not be indexed */
    unsigned problem_records; /* those records (blank, malformed): izde index -v names the files */
} izde_stats;

int izde_stats_get(izde_stats **out, izde_db *db);
void izde_stats_free(izde_stats *s);
/* As `izde stats --json` prints it: {documents, shards, format_version,
 * languages: {lang: articles}, years: {yyyy: articles}, sources: {source:
 * articles}, [partial]}.  Free with izde_free(). */
int izde_stats_to_json(const izde_stats *s, izde_db *db, char **json_out);
/* izde_stats_get() then izde_stats_to_json(). */
int izde_stats_json(izde_db *db, char **json_out);
unsigned izde_results_count(const izde_results *r);
/* Xapian's estimate of all matches. */
unsigned izde_results_estimated(const izde_results *r);
/* The matching articles, copies included (== izde_results_estimated()
 * with all_copies): the estimate of how many articles the stories hold. */
unsigned izde_results_articles_estimated(const izde_results *r);
/* 1 when the hits are one per story (izde_results_estimated() counts
 * stories), 0 with all_copies (it counts articles). */
int izde_results_by_story(const izde_results *r);
const izde_hit *izde_results_hit(const izde_results *r, unsigned i);
/* A query word searched beyond its own stems: `word` as typed, `to` what
 * it was also searched as (a stem, a word of the glossary, a spelling),
 * `why` one of "form" (the same word in the other language), "name" (a
 * case form of a surname), "keyboard" (н о у typed for ң ө ү), "latin"
 * (a Cyrillic spelling of a Latin word), "glossary", "wildcard". */
typedef struct izde_expansion {
    const char *word;
    const char *to;
    const char *why;
} izde_expansion;
/* The expansions of the query's words, in the order found; *out belongs
 * to `r`.  Returns how many. */
size_t izde_results_expansions(const izde_results *r, const izde_expansion **out);
/* "Did you mean": the query with its misspelt words corrected, or NULL.
 * Only a search finding fewer than 20 articles gets one, when a word of
 * it is in no article (or in far fewer than a close word) and the query
 * corrected finds more articles; each word corrected keeps its ending and
 * capitals, the rest of the query is kept byte for byte (README, "Did you
 * mean").  Owned by the results. */
const char *izde_results_suggestion(const izde_results *r);
void izde_results_free(izde_results *r);

/* ---------------------------------------------------------------- figures */

/* One token of an analyzed text. */
typedef struct izde_text_token {
    const char *term;       /* its normal form (izde_analyzer_normalize) */
    const char *stem;       /* a word's stem in the text's language, or NULL */
    size_t start, end;      /* byte offsets into the text */
    int kind;               /* IZDE_TOK_WORD or IZDE_TOK_NUMBER */
} izde_text_token;

/* What izde reads in a text: its language, tokens and the figures it
 * cites (as in search hits).  Every pointer is owned by the struct: free
 * it with izde_text_analysis_free(). */
typedef struct izde_text_analysis {
    const char *lang;       /* "ru", "ky" or "other": given, else detected */
    izde_text_token *tokens;
    size_t ntokens;
    izde_hit_figure *figures;
    size_t nfigures;
} izde_text_analysis;

/* Analyze a text for inspection (`lang` NULL or "": detected). */
int izde_analyze_text(izde_text_analysis **out, const char *text, size_t len, const char *lang,
                      char **errmsg_out);
void izde_text_analysis_free(izde_text_analysis *a);
/* As `izde analyze --json` prints it: {lang, tokens: [{term, start, end,
 * kind, [stem]}], figures: [{value, high, qualifier, unit, noun,
 * noun_stem, text, start, end, sentence}]}.  Free with izde_free(). */
int izde_text_analysis_to_json(const izde_text_analysis *a, char **json_out);
/* izde_analyze_text() then izde_text_analysis_to_json(). */
int izde_analyze_json(const char *text, size_t len, const char *lang, char **json_out,
                      char **errmsg_out);

/* The article that cited a value first: the earliest dated, else the
 * first indexed.  Unknown fields are NULL. */
typedef struct izde_source {
    const char *id, *title, *date, *source;
} izde_source;

/* An article citing a figure.  Unknown fields are NULL.  Copies of one
 * story (articles whose stored "story" is the same; an article without
 * one is its own story) citing the same value are one citation. */
typedef struct izde_citation {
    const char *id, *title, *path, *url, *date, *source, *lang;
    izde_hit_figure figure; /* value, high, qualifier, unit, noun, noun_stem, text,
                             * sentence, start, end */
    unsigned copies;        /* articles of its story citing this value (1: alone) */
    izde_source first;      /* the first source of this value among the articles read */
} izde_citation;

/* The figures counting one thing: a noun in any form and either
 * language, else a unit. */
typedef struct izde_fact_group {
    const char *noun_stem;  /* the key: one for every form of the noun in Russian and
                               Kyrgyz, else the unit (before analyzer version 4: the
                               noun's stem) */
    const char *noun;       /* the noun and unit of its first figure, or NULL */
    const char *unit;
    const char *label;      /* what it is shown as: the dictionary form its figures
                               most often show, else the unit */
    unsigned figures;       /* figures in the group, copies included */
    unsigned articles;      /* articles citing them */
    unsigned stories;       /* stories citing them: copies of one count once */
    izde_citation *values;  /* a page of its values: one per story and value,
                             * the most relevant article's first */
    size_t nvalues;
    size_t values_total;    /* its values, one per story and value */
} izde_fact_group;

/* The figures cited in the articles matching a query, grouped by what
 * they count, cited by the most stories first.  Only counts are read
 * (not ages, anniversaries, ordinals, fractions or scores).  Free with
 * izde_facts_free(). */
typedef struct izde_facts {
    unsigned articles;      /* matching articles read (at most max_docs) */
    unsigned offset;        /* matching articles skipped before them */
    unsigned matched;       /* articles matching the query */
    izde_fact_group *groups; /* a page of the groups */
    size_t ngroups;
    size_t groups_total;    /* every group found */
    unsigned group_offset;  /* groups skipped before the page */
} izde_facts;

/* Values cited per group unless told otherwise. */
#define IZDE_FACTS_DEFAULT_VALUES 20

/* What facts read and show: the matches [offset, offset + max_docs), the
 * groups [group_offset, group_offset + max_groups) (max_groups 0: all),
 * at most max_values values of each (0: IZDE_FACTS_DEFAULT_VALUES). */
typedef struct izde_facts_options {
    unsigned offset, max_docs;
    unsigned group_offset, max_groups;
    unsigned max_values;
} izde_facts_options;

/* The best `max_docs` matches of `query` read for their figures; every
 * figure counted.  izde_facts_page(.., offset, max_docs) skips the best
 * `offset` matches first: the next page.
 * @retval IZDE_OK, IZDE_EQUERY (message on `db`), IZDE_EINVAL (max_docs
 *         over IZDE_FACTS_MAX_ARTICLES, max_values over
 *         IZDE_CHECK_MAX_CITATIONS), ... */
int izde_facts_get(izde_facts **out, izde_db *db, const char *query, unsigned max_docs);
int izde_facts_page(izde_facts **out, izde_db *db, const char *query, unsigned offset,
                    unsigned max_docs);
int izde_facts_ex(izde_facts **out, izde_db *db, const char *query,
                  const izde_facts_options *o);
void izde_facts_free(izde_facts *f);
/* As `izde facts --json` prints it: {"query", "matched", "articles",
 * "offset", "groups_total", "group_offset", "groups": [{"noun_stem", "key",
 * "label", "noun", "unit", "figures", "articles", "stories", "values_total",
 * "values": [{"id", "title", "path", "url", "date", "source", "lang",
 * "value", "high", "qualifier", "unit", "noun", "text", "sentence",
 * "copies", "first"}]}], ["expanded"], ["partial"]}. */
int izde_facts_to_json(const izde_facts *f, izde_db *db, const char *query, char **json_out);
/* izde_facts_get() then izde_facts_to_json(). */
int izde_facts_json(izde_db *db, const char *query, unsigned max_docs, char **json_out);

/* Fact-checking a figure such as "11 терактов" within its context: the
 * articles of the scope (the claim's other words, any of them, and an
 * explicit query) citing this value for this noun (agree) and those
 * citing another value for it (differ), one citation per story and value,
 * best first: relevance to the scope / (1 + days / 30), days from the
 * reference date.  Free with izde_check_free(). */
typedef struct izde_check {
    izde_hit_figure claim;  /* the figure read in the claim; text is the claim,
                             * noun_stem what it counts */
    izde_citation *agree;
    size_t nagree;
    izde_citation *differ;
    size_t ndiffer;
    size_t agree_total;     /* every agreeing citation found (>= offset + nagree) */
    size_t differ_total;    /* every differing one */
    unsigned offset;        /* citations skipped at the head of each list */
    const char *scope_words; /* the claim's words beside its figure that scoped
                              * the check, space-separated; NULL: none */
    const char *scope_small; /* the claim's words left out of the scope: one or
                              * two small letters (в, по) and OR, AND, NOT;
                              * space-separated; NULL: none */
    const char *scope_in;   /* the query the articles had to match; NULL: none */
    size_t in_scope;        /* articles matching the scope (0 when unscoped) */
    size_t matched;         /* articles of the scope citing what the claim counts */
    size_t analysed;        /* of them read (the most relevant
                             * IZDE_CHECK_MAX_ARTICLES) */
    char ref_date[11];      /* "YYYY-MM-DD" the citations are ranked against; ""
                             * none (relevance alone) */
} izde_check;

/* The articles a check reads at most, the most relevant first. */
#define IZDE_CHECK_MAX_ARTICLES 100000

/* How to check a claim.  `in`: a query (the query language) the articles
 * must match; NULL: none.  `date`: "YYYY-MM-DD" to rank against; NULL:
 * the date of the most relevant agreeing article (else of the most
 * relevant article).  `offset`, `limit`: the page of each list. */
typedef struct izde_check_options {
    const char *in;
    const char *date;
    unsigned offset, limit;
} izde_check_options;

/* The first IZDE_CHECK_DEFAULT_CITATIONS citations of each list.
 * izde_check_page() skips `offset` of each and lists at most `limit`.
 * @retval IZDE_OK, IZDE_EQUERY (no figure in `claim`, a bad `in` query;
 *         message on `db`), IZDE_EINVAL (limit over
 *         IZDE_CHECK_MAX_CITATIONS, a bad date), ... */
int izde_check_get(izde_check **out, izde_db *db, const char *claim);
int izde_check_page(izde_check **out, izde_db *db, const char *claim, unsigned offset,
                    unsigned limit);
int izde_check_ex(izde_check **out, izde_db *db, const char *claim,
                  const izde_check_options *o);
void izde_check_free(izde_check *c);
/* As `izde check --json` prints it: {"claim": {"text", "value", "high",
 * "qualifier", "unit", "noun", "noun_stem"}, "scope": {"words", "small", "in",
 * "articles", "matched", "analysed"}, "ranked_near", "agree": [...],
 * "differ": [...], "agree_total", "differ_total", "offset", ["partial"]},
 * each entry as a facts value. */
int izde_check_to_json(const izde_check *c, izde_db *db, char **json_out);
/* izde_check_get() then izde_check_to_json(). */
int izde_check_json(izde_db *db, const char *claim, char **json_out);

#ifdef __cplusplus
}
#endif

#endif /* IZDE_H */
