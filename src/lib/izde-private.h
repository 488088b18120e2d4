/*
 * izde-private.h - declarations shared inside libizde: buffers, error
 * helpers, the database handle, the index schema constants and the
 * internal interfaces between ingest, indexer, query and snippets.
 */
#ifndef IZDE_PRIVATE_H
#define IZDE_PRIVATE_H

#include <stdarg.h>
#include <stddef.h>

#include "izde.h"
#include "izx.h"
#include "analyzer.h"
#include "stem.h"
#include "buf.h"

/* ---- index schema (index/SCHEMA.md is the authority) -------------------- */

/* Index format version, stored in metadata "izde.version".  History:
 *   1  first format: unstemmed words with positions, Z-prefixed Russian
 *      stems, Q unique ids, L/S/Y/M/D boolean terms, slot 0 date, JSON data.
 *   2  ZK-prefixed Kyrgyz stems; hyphenated compounds indexed whole as
 *      well as by parts; language "other" for neither Russian nor Kyrgyz. */
#define IZDE_INDEX_VERSION 3
#define IZDE_ANALYZER_VERSION 2

#define IZDE_PREFIX_STEM_RU "Z"
#define IZDE_PREFIX_STEM_KY "ZK"
#define IZDE_PREFIX_ID "Q"
#define IZDE_PREFIX_LANG "L"
#define IZDE_PREFIX_SOURCE "S"
#define IZDE_PREFIX_YEAR "Y"
#define IZDE_PREFIX_MONTH "M"
#define IZDE_PREFIX_DAY "D"
#define IZDE_PREFIX_FIGURE "N" /* N<noun stem or unit>, N<...>=<value> */
#define IZDE_PREFIX_MENTIONED "E" /* EY<yyyy>, EM<yyyymm>, ED<yyyymmdd>: dates the text mentions */
#define IZDE_PREFIX_FILE "F"      /* F<file key>: the documents read from one file */
#define IZDE_META_FILE "izde.file:" /* + <file key>: "size mtime_ns hash" of an indexed file */
#define IZDE_META_SHARD "izde.shard" /* "K/N": shard K of N (index/SCHEMA.md, "Shards") */
#define IZDE_SHARD_LIST "izde.shards" /* the shard list in a folder of shards */
#define IZDE_SLOT_DATE 0     /* "YYYYMMDD" ("YYYYMM~~", "YYYY~~~~" when less is known) */
#define IZDE_SLOT_META 1     /* the article's metadata as compact JSON (docstore.c) */
#define IZDE_SLOT_DATE_SORT 2 /* "YYYYMMDD" with unknown parts as 0: sort key */
#define IZDE_MAX_TERM 240    /* Xapian's limit is 245 bytes */
#define IZDE_TITLE_POS_GAP 100 /* positions between title and text */
/* Documents per commit while indexing (per worker).  Measured on 9,204 news
 * articles, index format 3, two workers, medians of 3: 150 -> 21.0 s, 24 MiB
 * peak; 400 -> 20.4 s, 42 MiB; 1,000 -> 20.8 s, 81 MiB; 3,000 -> 24.4 s,
 * 202 MiB (format 2, one process: Xapian's default 10,000 -> 80 s, 950 MB). */
#define IZDE_COMMIT_EVERY 400

/* ---- errors ------------------------------------------------------------- */

char *izde__strdupf(const char *fmt, ...);
char *izde__vstrdupf(const char *fmt, va_list ap);
int izde__status_from_izx(int izx_status);

/* ---- the database handle ------------------------------------------------ */

/* Lines seen per source during one indexing run (cross-article chrome,
 * clean.c). */
typedef struct izde_seen izde_seen;

/* One index of a set searched as one (dbset.c). */
typedef struct izde_shard {
    char *spec;     /* as listed: a folder or tcp://HOST:PORT */
    char *host;     /* remote: host and port; NULL for a folder */
    unsigned port;
    izx_db *x;      /* open handle; NULL once left out */
    char *reason;   /* why it was left out, or NULL */
} izde_shard;

struct izde_db {
    izx_db *x;              /* the Xapian database */
    char *path;             /* as given */
    int writable;
    char *errmsg;           /* last error message, owned */
    izde_analyzer *analyzer;
    izde_stemmer *stem_ru;  /* Snowball Russian */
    izde_stemmer *stem_ky;  /* izde's Kyrgyz stemmer */
    /* a second analyzer and stemmers, made on first use, for the thread
     * that builds half of a result page's snippets (search.c) */
    izde_analyzer *aux_analyzer;
    izde_stemmer *aux_ru, *aux_ky;
    int aux_failed;
    unsigned pending;       /* documents added since the last commit */
    izde_seen *seen;        /* lines seen per source in this run (writable only) */
    izde_notice_fn notice;  /* izde_db_set_notice(): notes while indexing, or NULL */
    void *notice_payload;   /* passed to `notice` */
    izde_notice_fn warning; /* izde_db_set_warning(): data indexed with a loss, or NULL */
    void *warning_payload;  /* passed to `warning` */
    /* a set of indexes searched as one (dbset.c): x is their combination */
    izde_shard *shards;     /* nshards entries; NULL for a plain index */
    size_t nshards;
    unsigned timeout_ms;    /* remote shards */
    int allow_partial;      /* leave out shards that are down */
    unsigned recoveries;    /* izde__db_recover() calls this operation */
    unsigned time_limit_ms; /* izde_db_set_time_limit(); 0: none */
    /* writing one shard of N (izde_db_set_shard()): articles whose id
     * hashes to another shard are read (for chrome detection) but not
     * indexed; report_unrouted 0 keeps problems that precede an id to
     * shard 0's process */
    unsigned shard_k, shard_n;
    int report_unrouted;
    unsigned other_shard;   /* articles left to other shards so far */
};

/* Check the izde.version of a freshly opened Xapian handle (db.c); for
 * an empty writable one, stamp it.  `name` is for messages. */
int izde__check_version(izx_db *x, const char *name, int writable, char **errmsg_out);
/* What to do about an index that did not open with `status` (db.c). */
const char *izde__open_advice(int status);
/* Set up the analyzer and stemmers of a read handle (db.c). */
int izde__db_init_read(izde_db *db, char **errmsg_out);
/* After an operation on a set of shards failed with `rc`: when a remote
 * shard stopped answering, name it in the handle's message, or (with
 * allow_partial) leave it out and return 1: run the operation again.
 * 0: report `rc` as it is (dbset.c). */
int izde__db_recover(izde_db *db, int rc);
/* Add "partial": [{"shard", "reason"}...] to a JSON object when shards
 * were left out (dbset.c); `root` is a json_t *. */
struct json_t;
void izde__add_partial(struct json_t *root, const izde_db *db);
/* Write "K/N" of a shard being built into its metadata (shard_build.c);
 * nothing for an index that is not a shard. */
int izde__stamp_shard(izde_db *db);
/* Set `rc` to `call` (an expression returning a status), run again while
 * izde__db_recover() leaves out a shard that stopped answering. */
#define IZDE__RUN_RECOVERING(db, rc, call)                                    \
    do {                                                                      \
        (db)->recoveries = 0;                                                 \
        while (((rc) = (call)) != IZDE_OK && izde__db_recover((db), (rc)))    \
            ;                                                                 \
    } while (0)
/* Is `path` a shard list (a file that is not a Xapian stub, or a folder
 * holding izde.shards) or tcp://...?  (dbset.c) */
int izde__is_shard_spec(const char *path);

/* Set the handle's message (printf-style) and return `status`. */
int izde__db_error(izde_db *db, int status, const char *fmt, ...);
/* Set the message from the shim's last error on db->x, prefixed. */
int izde__db_izx_error(izde_db *db, int izx_status, const char *what);
/* The file key of a real path (ingest.c): the path itself, or when longer
 * than 220 bytes its first 180 bytes plus '#' and a 64-bit FNV-1a hash in
 * hex.  Appended to `b`. */
int izde__file_key(izde_buf *b, const char *real);

/* ---- articles ----------------------------------------------------------- */

/* Title: the first line with at least five words, else the first line
 * with a word; cut to its first sentence and to ~300 bytes.  malloc'ed. */
char *izde__derive_title(const char *text, size_t len);
/* How many of s[0..n) bytes to keep within `max`: a UTF-8 boundary,
 * preferably a space in the second half (article.c). */
size_t izde__cut_utf8(const char *s, size_t n, size_t max);
/* s[0..n) as a malloc'ed string, with "…" appended when `ellipsis`. */
char *izde__dup_ellipsis(const char *s, size_t n, int ellipsis);
/* Host of an http(s) URL without "www.", malloc'ed, or NULL. */
char *izde__url_host(const char *url);
/* YYYY-MM-DD from a URL path (/2017-04-18/ or /2017/04/18/), or NULL. */
char *izde__url_date(const char *url);
/* Normalise a date field to YYYY-MM-DD / YYYY-MM / YYYY; NULL if unusable. */
char *izde__normalize_date(const char *s);

/* ---- cleaning (clean.c) -------------------------------------------------- */

izde_seen *izde__seen_new(void);
void izde__seen_free(izde_seen *t);

typedef struct izde_clean {
    char *text;    /* the article without chrome lines, lines joined by '\n' */
    size_t len;
    char *title;   /* first line of five words or more (a paragraph: its first sentence), or NULL */
    char *source;  /* attribution in the text (lower-cased host for domains), or NULL */
    char *date;    /* YYYY-MM-DD from a "Опубликовано:" line or dateline, or NULL */
} izde_clean;

/* Clean `text`; `seen` (may be NULL) counts lines across articles of the
 * same `source_key`.  Everything in *out is malloc'ed. */
int izde__clean_article(izde_clean *out, const char *text, size_t len, izde_seen *seen,
                        const char *source_key);
void izde__clean_free(izde_clean *c);

/* "exact", "about", "more", "less" for an izde_qual. */
const char *izde__qualifier_name(int q);

/* ---- language ----------------------------------------------------------- */

/* "ru", "ky" or "other" from the letters and function words of the text
 * (static string). */
const char *izde__detect_lang(const char *text, size_t len);

/* ---- query -------------------------------------------------------------- */

/* A quoted phrase of two words or more, highlighted as one unit. */
typedef struct izde_qphrase {
    char **terms;          /* its words' exact forms, in order */
    char **stems;          /* their Russian stems (NULL entries: none) */
    char **ky_stems;       /* their Kyrgyz stems (NULL entries: none) */
    size_t n;
} izde_qphrase;

/* A parsed query: the Xapian query plus the words to highlight. */
typedef struct izde_pquery {
    izx_query *xq;         /* the query to run */
    char **terms;          /* exact forms to highlight (positive words only) */
    size_t nterms;
    char **stems;          /* Russian stems to highlight (positive words only) */
    size_t nstems;
    char **ky_stems;       /* Kyrgyz stems to highlight (positive words only) */
    size_t nky_stems;
    izde_qphrase *phrases; /* phrases to highlight (positive only) */
    size_t nphrases;
} izde_pquery;

/* Stemmers a query may use; NULL members are not used.  `db` (may be
 * NULL) lets figure filters (человек:>1000) look up the values indexed. */
typedef struct izde_qstemmers {
    izde_stemmer *ru;
    izde_stemmer *ky;
    izx_db *db;
} izde_qstemmers;

/* Parse `query`; on IZDE_EQUERY *errmsg_out says what and where. */
int izde__query_parse(izde_pquery *out, izde_analyzer *a, const izde_qstemmers *stemmers,
                      const char *query, char **errmsg_out);
void izde__pquery_clear(izde_pquery *q);

/* ---- ranking (ranking.c) ------------------------------------------------ */

/* Run `q` for the hits [offset, offset+limit) in `sort` order (an
 * IZDE_SORT_*), equal keys ordered by article id rather than docid.
 * *m_out holds the hits; *order_out (malloc'ed) the mset indexes of the
 * page in rank order, *n_out of them.  Returns an izx status. */
int izde__rank_page(izx_db *x, const izx_query *q, int sort, unsigned offset, unsigned limit,
                    izx_mset **m_out, unsigned **order_out, unsigned *n_out);

/* ---- snippets ----------------------------------------------------------- */

/* Up to IZDE_MAX_FRAGMENTS passages of `text` showing the query's words
 * (snippet.c): each ~200-300 characters, cut at sentence or word
 * boundaries with "…" where a sentence is cut, whitespace collapsed.
 * Highlights are [start, end) byte offsets into the fragment's text. */
#define IZDE_MAX_FRAGMENTS 3
typedef struct izde__frag {
    char *text;
    size_t len;
    size_t (*hl)[2];
    size_t nhl;
} izde__frag;
typedef struct izde__snip {
    izde__frag frag[IZDE_MAX_FRAGMENTS];
    size_t nfrag;
} izde__snip;
int izde__snippet(izde__snip *out, izde_analyzer *a, const izde_qstemmers *stemmers,
                  const izde_pquery *q, const char *text, size_t len, const char *lang);
void izde__snip_free(izde__snip *s);

/* ---- stemming a token ----------------------------------------------------- */

/* The stemmer for an article language ("ru", "ky"), or NULL; and the term
 * prefix of its stems. */
izde_stemmer *izde__stemmer_for(const izde_qstemmers *st, const char *lang, const char **prefix);
/* Stem a token: Kyrgyz gets the token as written in `text` (its case
 * matters), Russian the normalised term. */
const char *izde__stem_token(izde_stemmer *s, int kyrgyz, const izde_token *tok, const char *text,
                             size_t *out_len);
/* The same for a word given as its normalised term and as written
 * (`orig` may be NULL).  Russian acronyms are not stemmed. */
const char *izde__stem_word(izde_stemmer *s, int kyrgyz, const char *term, size_t len,
                            const char *orig, size_t olen, size_t *out_len);
/* All letters capitals, two to five of them: an acronym. */
int izde__is_acronym(const char *w, size_t n);
/* Tokens joined by one hyphen ("2021-жылдын", "северо-западный") form a
 * compound; returns 1 if text[a_end..b_start) is such a joint. */
int izde__is_hyphen_joint(const char *text, size_t a_end, size_t b_start);

#endif /* IZDE_PRIVATE_H */
