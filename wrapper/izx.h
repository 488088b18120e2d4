/*
 * izx.h - the C API over Xapian used by libizde.
 *
 * This header is plain C: opaque handles, C types only, `izx_` prefix.
 * The implementation (wrapper/ *.cc) is the only C++ in the project.  Every
 * entry point catches every C++ exception (Xapian::Error, std::bad_alloc,
 * std::exception, ...) and turns it into an izx_status code; the message is
 * copied into memory owned by the handle (izx_db_errmsg()) or, for
 * constructors without a handle, returned through `char **errmsg_out`
 * (free with izx_free()).  The status code decides success, never the
 * message.
 *
 * Ownership: `T **out` results are owned by the caller and freed with
 * izx_T_free() (which accepts NULL).  Returned `const char *` are borrowed
 * and valid until the next call on the same handle, unless stated otherwise.
 */
#ifndef IZX_H
#define IZX_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes.  0 is success, everything else an error. */
typedef enum izx_status {
    IZX_OK = 0,
    IZX_ENOMEM,       /* std::bad_alloc */
    IZX_EINVAL,       /* bad argument (NULL handle, bad op, Xapian::InvalidArgumentError) */
    IZX_ENOTFOUND,    /* database missing (Xapian::DatabaseNotFoundError / DatabaseOpeningError on a missing path);
                       * also an existing but empty directory: no database there */
    IZX_ELOCKED,      /* another writer holds the lock (Xapian::DatabaseLockError) */
    IZX_ECORRUPT,     /* Xapian::DatabaseCorruptError (e.g. garbage in iamglass), or a path that
                       * exists but is not a Xapian database (a file that is not a stub) */
    IZX_EVERSION,     /* Xapian::DatabaseVersionError */
    IZX_EMODIFIED,    /* Xapian::DatabaseModifiedError: reopen and retry */
    IZX_EQUERY,       /* the query cannot run (Xapian::QueryParserError, WildcardError, InvalidOperationError on a query) */
    IZX_EDOCNOTFOUND, /* Xapian::DocNotFoundError */
    IZX_EIO,          /* other Xapian::DatabaseError (I/O, disk full, ...; DatabaseCreateError:
                       * IZX_DB_CREATE over an existing database, missing parent dir) */
    IZX_ENETWORK,     /* Xapian::NetworkError: a remote database cannot be reached or broke off */
    IZX_ETIMEOUT,     /* Xapian::NetworkTimeoutError: a remote database did not answer in time */
    IZX_EBACKEND,     /* any other Xapian::Error */
    IZX_EUNKNOWN      /* std::exception or anything else thrown */
} izx_status;

/* A static English name for a status code ("IZX_ELOCKED", ...). */
const char *izx_status_name(int status);

/* Free memory returned by this API through `char **` (error messages,
 * metadata values, descriptions).  Accepts NULL. */
void izx_free(void *p);

/* ---------------------------------------------------------------- databases */

typedef struct izx_db izx_db;

/* Open flags. */
#define IZX_DB_READONLY       0 /* open an existing database for reading */
#define IZX_DB_CREATE_OR_OPEN 1 /* writable; create if missing (parent dir must exist) */
#define IZX_DB_OPEN           2 /* writable; must exist */
#define IZX_DB_CREATE         3 /* writable; must not exist */

/*
 * Open a database at `path`.
 * @param out         receives the handle on success, NULL on failure
 * @param errmsg_out  may be NULL; on failure receives a message naming the
 *                    path and the reason (caller frees with izx_free())
 * @retval IZX_OK, IZX_ENOTFOUND, IZX_ELOCKED, IZX_ECORRUPT, IZX_EVERSION, ...
 */
int izx_db_open(izx_db **out, const char *path, int flags, char **errmsg_out);

/*
 * Xapian's own structural check of the database at `path` (every table's
 * B-tree: Xapian::Database::check with no options), without opening it for
 * use.  *errors_out receives the number of problems found (a table that
 * cannot be read at all counts as one); `report_out`, when not NULL,
 * receives the first problem or NULL (caller frees with izx_free()).
 * @retval IZX_OK (whether or not problems were found), IZX_ENOMEM
 */
int izx_db_check(const char *path, unsigned long *errors_out, char **report_out);

/*
 * Open, read-only, a database served by xapian-tcpsrv at host:port.
 * `timeout_ms` bounds connecting and every later operation (0: wait
 * forever); exceeding it gives IZX_ETIMEOUT, a refused or broken
 * connection IZX_ENETWORK.
 */
int izx_db_open_remote(izx_db **out, const char *host, unsigned port, unsigned timeout_ms,
                       char **errmsg_out);

/*
 * One read-only handle searching parts[0..n) as a single database, with
 * statistics combined so that weights are those of one database holding
 * every document.  Document k of part i has docid (k - 1) * n + i + 1.
 * The parts stay owned by the caller (and may be freed: Xapian shares
 * their internals).  Metadata is read from parts[0] only.
 */
int izx_db_combine(izx_db **out, izx_db *const *parts, size_t n, char **errmsg_out);

/* Close (flushing a writable database; an open transaction is cancelled)
 * and free.  Accepts NULL. */
void izx_db_free(izx_db *db);

/* The message of the last failed call on `db` ("" if none).  Borrowed. */
const char *izx_db_errmsg(const izx_db *db);

int izx_db_is_writable(const izx_db *db);

/*
 * Merge the databases at srcs[0..n) into a new compacted database at
 * `dest` (which must not exist), as xapian-compact does: documents are
 * renumbered shard after shard; user metadata keys present in several
 * sources keep the first source's value.
 * @param errmsg_out  may be NULL; on failure a message naming `dest`
 */
int izx_db_compact(const char *const *srcs, size_t n, const char *dest, char **errmsg_out);

/* Writable only. */
int izx_db_commit(izx_db *db);
int izx_db_begin_transaction(izx_db *db, int flushed);
int izx_db_commit_transaction(izx_db *db);
int izx_db_cancel_transaction(izx_db *db);

/* Let the matcher of izx_enquire(), izx_enquire_value_counts() and
 * izx_count() run at most `seconds` (0: no limit); past it, what was
 * found so far counts. */
int izx_db_set_time_limit(izx_db *db, double seconds);

/* Read side: reopen to see the latest committed revision. */
int izx_db_reopen(izx_db *db);

int izx_db_doccount(izx_db *db, unsigned *out);
/* Number of documents with a value in `slot`. */
int izx_db_value_freq(izx_db *db, unsigned slot, unsigned *out);
/* Number of documents indexed by `term` (0 if none). */
int izx_db_termfreq(izx_db *db, const char *term, size_t len, unsigned *out);

/* Metadata: `*out` (NUL-terminated, caller frees with izx_free()) is set to
 * NULL with IZX_OK when the key is absent. `out_len` may be NULL. */
int izx_db_set_metadata(izx_db *db, const char *key, const char *value, size_t len);
/* Every metadata entry whose key starts with `prefix`, in key order (of
 * the first database of a combined set); `fn` returns non-zero to stop.
 * The strings are valid during the call only. */
typedef int (*izx_meta_fn)(void *ctx, const char *key, size_t klen, const char *value,
                           size_t vlen);
int izx_db_metadata(izx_db *db, const char *prefix, izx_meta_fn fn, void *ctx);
int izx_db_get_metadata(izx_db *db, const char *key, char **out, size_t *out_len);

/* ---------------------------------------------------------------- documents */

typedef struct izx_doc izx_doc;

int izx_doc_new(izx_doc **out);
void izx_doc_free(izx_doc *doc);
const char *izx_doc_errmsg(const izx_doc *doc);

/* A term at a word position (positional), wdf increased by `wdfinc`. */
int izx_doc_add_posting(izx_doc *doc, const char *term, size_t len, unsigned pos, unsigned wdfinc);
/* A term without position. */
int izx_doc_add_term(izx_doc *doc, const char *term, size_t len, unsigned wdfinc);
/* A boolean (filter) term: wdf 0, no position. */
int izx_doc_add_boolean_term(izx_doc *doc, const char *term, size_t len);
int izx_doc_set_value(izx_doc *doc, unsigned slot, const char *value, size_t len);
int izx_doc_set_data(izx_doc *doc, const char *data, size_t len);

/* Writable db.  `docid_out` may be NULL. */
int izx_db_add_document(izx_db *db, const izx_doc *doc, unsigned *docid_out);
/* Replace every document indexed by `unique_term` with `doc` (adds it if
 * none). */
int izx_db_replace_document(izx_db *db, const char *unique_term, const izx_doc *doc,
                            unsigned *docid_out);
int izx_db_delete_document(izx_db *db, unsigned docid);
/* Stored document `docid` as a document to change (read as needed), then
 * written back in one step by izx_db_doc_rewrite(): one rewrite for many
 * changes, where each izx_db_doc_set_*() call is one. */
int izx_db_doc_open(izx_db *db, unsigned docid, izx_doc **out);
/* Value `slot` of the document; `*out` caller-owned (izx_free()). */
int izx_doc_get_value(izx_doc *doc, unsigned slot, char **out, size_t *out_len);
/* Remove a term from the document; none there is no error. */
int izx_doc_remove_term(izx_doc *doc, const char *term, size_t len);
int izx_db_doc_rewrite(izx_db *db, unsigned docid, const izx_doc *doc);
int izx_db_delete_by_term(izx_db *db, const char *unique_term);

/* The terms that best tell document `docid` apart (Xapian's relevance
 * feedback: an expand set over the document as the one relevant one,
 * TradEWeight), those starting with `prefix` only, best first, at most
 * `max`; `fn` gets each with its weight and returns non-zero to stop. */
typedef int (*izx_eterm_fn)(void *ctx, const char *term, size_t len, double weight);
int izx_db_expand_terms(izx_db *db, unsigned docid, const char *prefix, unsigned max,
                        izx_eterm_fn fn, void *ctx);

/* Every term starting with `prefix`, in byte order, with the number of
 * documents holding it; `fn` returns non-zero to stop.  `term` is not
 * NUL-terminated and is valid during the call only. */
typedef int (*izx_term_fn)(void *ctx, const char *term, size_t len, unsigned termfreq);
int izx_db_allterms(izx_db *db, const char *prefix, izx_term_fn fn, void *ctx);

/* The documents holding `term`, in docid order; `fn` returns non-zero to
 * stop.  Collect them before changing the database. */
typedef int (*izx_docid_fn)(void *ctx, unsigned docid);
int izx_db_postlist(izx_db *db, const char *term, size_t len, izx_docid_fn fn, void *ctx);
/* The terms of document `docid` starting with `prefix`, in byte order
 * (termfreq passed as 0). */
int izx_db_doc_terms(izx_db *db, unsigned docid, const char *prefix, izx_term_fn fn, void *ctx);
/* Writable db: give stored document `docid` the boolean term `term`
 * (add != 0) or take it away (add == 0; absent: nothing to do). */
int izx_db_doc_set_term(izx_db *db, unsigned docid, const char *term, size_t len, int add);
/* Value slot `slot` of document `docid`; `*out` caller-owned (izx_free()),
 * empty when unset or when there is no such document (not checked). */
int izx_db_get_value(izx_db *db, unsigned docid, unsigned slot, char **out, size_t *out_len);

/* Stored data of a document; `*out` caller-owned (izx_free()). */
int izx_db_get_data(izx_db *db, unsigned docid, char **out, size_t *out_len);

/* ---------------------------------------------------------------- queries */

typedef struct izx_query izx_query;

/* Combining operators for izx_query_combine(). */
typedef enum izx_op {
    IZX_OP_AND,
    IZX_OP_OR,
    IZX_OP_AND_NOT,   /* first AND NOT (any of the rest) */
    IZX_OP_FILTER,    /* first, filtered by the rest (no weight from them) */
    IZX_OP_AND_MAYBE, /* first, weight added from the rest */
    IZX_OP_SYNONYM,   /* weighted as one term */
    IZX_OP_PHRASE,    /* subqueries in order, adjacent within `window` */
    IZX_OP_NEAR
} izx_op;

/* Query constructors: `*out` is caller-owned; subqueries are copied, so the
 * caller still frees them.  Query objects are immutable values.
 * izx_query_term() refuses an empty term (IZX_EINVAL): Xapian would read
 * it as match-all.  izx_query_combine() uses `window` only for PHRASE and
 * NEAR (0: the number of subqueries); n == 0 gives a match-nothing query. */
int izx_query_term(izx_query **out, const char *term, size_t len, unsigned wqf, char **errmsg_out);
int izx_query_combine(izx_query **out, izx_op op, izx_query *const *subs, size_t n,
                      unsigned window, char **errmsg_out);
/* Documents whose value in `slot` lies in [lo, hi] (string comparison;
 * lo or hi NULL for an open end; both NULL: every document that has a
 * value in `slot`). */
int izx_query_value_range(izx_query **out, unsigned slot, const char *lo, const char *hi,
                          char **errmsg_out);
/* Terms starting with `prefix`, at most `max_expansion` of them (0: no
 * limit); too many gives IZX_EQUERY when the query runs. */
int izx_query_wildcard(izx_query **out, const char *prefix, unsigned max_expansion,
                       char **errmsg_out);
int izx_query_match_all(izx_query **out, char **errmsg_out);
int izx_query_match_nothing(izx_query **out, char **errmsg_out);
/* Multiply the weight of `q` by `factor`. */
int izx_query_scale(izx_query **out, const izx_query *q, double factor, char **errmsg_out);
/* Xapian's description of the query; caller frees with izx_free(). */
int izx_query_describe(const izx_query *q, char **out);
void izx_query_free(izx_query *q);

/* ---------------------------------------------------------------- enquire */

typedef struct izx_mset izx_mset;

/* Run `q` on `db` with BM25, returning hits [offset, offset+maxitems).
 * `sort_slot` -1: by relevance; below -1: by relevance, equal weights
 * ordered by the value in slot `-sort_slot - 2` ascending (-2: slot 0,
 * -3: slot 1; IZX_SORT_REL_THEN(slot) spells it); otherwise
 * by the value in `sort_slot` (descending if `sort_reverse`), relevance
 * breaking ties; documents without a value in that slot come last in
 * either direction, unless a remote database is in `db` (its backend
 * takes no key maker: there they come first when ascending).  Xapian itself breaks remaining ties by docid.  Matches are counted exactly up
 * to 1000 past the page (izx_mset_matches_estimated()).  On failure the message is on
 * `db`. */
int izx_enquire(izx_mset **out, izx_db *db, const izx_query *q, unsigned offset,
                unsigned maxitems, int sort_slot, int sort_reverse);
#define IZX_SORT_REL_THEN(slot) (-(int)(slot) - 2)
/* izx_enquire() keeping one hit per value of `collapse_slot` (Xapian's
 * Enquire::set_collapse_key; -1: none): the best of each, documents
 * without a value never collapsed; the match counts then estimate the
 * distinct values. */
int izx_enquire_collapsed(izx_mset **out, izx_db *db, const izx_query *q, unsigned offset,
                          unsigned maxitems, int sort_slot, int sort_reverse, int collapse_slot);
/* How many matches were collapsed into hit i (a lower bound: Xapian may
 * drop some unseen). */
unsigned izx_mset_collapse_count(const izx_mset *m, unsigned i);
void izx_mset_free(izx_mset *m);

/* Count the matches of `q` by their value in `slot` (Xapian's
 * ValueCountMatchSpy over every match): `fn` gets each distinct value and
 * how many matches have it (non-zero return stops); `*matches_out` (may be
 * NULL) the number of matches.  Message on `db` on failure. */
typedef int (*izx_value_count_fn)(void *ctx, const char *value, size_t len, unsigned count);
int izx_enquire_value_counts(izx_db *db, const izx_query *q, unsigned slot, izx_value_count_fn fn,
                             void *ctx, unsigned *matches_out);
/* The exact number of documents matching `q`. */
int izx_count(izx_db *db, const izx_query *q, unsigned *out);

unsigned izx_mset_size(const izx_mset *m);
unsigned izx_mset_matches_estimated(const izx_mset *m);
unsigned izx_mset_matches_lower_bound(const izx_mset *m);
unsigned izx_mset_matches_upper_bound(const izx_mset *m);
/* Of a collapsed mset, the matching documents before collapsing (of any
 * other mset, the same as izx_mset_matches_estimated()). */
unsigned izx_mset_uncollapsed_estimated(const izx_mset *m);
/* 1 when the counts are exact: the matcher saw every match, so the
 * collapsed and uncollapsed counts above are both exact. */
int izx_mset_counts_exact(const izx_mset *m);
/* Per hit i in [0, size): */
unsigned izx_mset_docid(const izx_mset *m, unsigned i);
double izx_mset_weight(const izx_mset *m, unsigned i);
unsigned izx_mset_rank(const izx_mset *m, unsigned i);
/* Document data / a value slot, borrowed from the mset (valid until
 * izx_mset_free()).  IZX_OK with *len 0 for an empty value. */
int izx_mset_data(izx_mset *m, unsigned i, const char **data, size_t *len);
int izx_mset_value(izx_mset *m, unsigned i, unsigned slot, const char **value, size_t *len);
const char *izx_mset_errmsg(const izx_mset *m);

#ifdef __cplusplus
}
#endif

#endif /* IZX_H */
