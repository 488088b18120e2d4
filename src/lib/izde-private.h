/*
 * izde-private.h - declarations shared by the subsystems above analysis
 * (db, index, ingest, search): the database handle, the articles' metadata
 * helpers, cleaning, the query and snippet interfaces.  It includes the
 * Xapian shim (izx.h), so util/ and analysis/ never include it: their
 * include path has no wrapper/, and the build fails if they try.
 */
#ifndef IZDE_PRIVATE_H
#define IZDE_PRIVATE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "izde.h"
#include "izx.h"
#include "schema.h"
#include "util.h"
#include "strmap.h"
#include "analyzer.h"
#include "stem.h"
#include "terms.h"
#include "lang.h"
#include "article.h"
#include "clean.h"

/* The izde status of a shim (izx) status (db.c). */
int izde__status_from_izx(int izx_status);

/* ---- the database handle ------------------------------------------------ */


/* One index of a set searched as one (dbset.c). */
typedef struct izde_shard {
    char *spec;     /* as listed: a folder or tcp://HOST:PORT */
    char *host;     /* remote: host and port; NULL for a folder */
    unsigned port;
    izx_db *x;      /* open handle; NULL once left out */
    char *reason;   /* why it was left out, or NULL */
} izde_shard;

/* The state of an indexing session on a writable handle. */
typedef struct izde_indexing {
    unsigned pending;       /* documents added since the last commit */
    izde_seen *seen;        /* lines seen per source in this run */
    int counted;            /* the articles read now had their lines counted first */
    izde_notice_fn notice;  /* izde_db_set_notice(): notes while indexing, or NULL */
    void *notice_payload;   /* passed to `notice` */
    izde_notice_fn warning; /* izde_db_set_warning(): data indexed with a loss, or NULL */
    void *warning_payload;  /* passed to `warning` */
    unsigned read_seq;      /* articles read from the current file so far (stored
                             * with the story signature: story_pass.c) */
    int quiet_ids;          /* izde_index_options.quiet_ids */
    unsigned id_clashes;    /* ids replaced from another file so far (claims.c) */
    char *bad_url_file;     /* the last file a malformed URL was reported for
                             * (once per file: indexer.c) */
    unsigned long run;      /* this run's number (db/run.c), 0 until an article is indexed */
    char run_time[IZDE_RUN_TIME_MAX]; /* when it began, "2026-12-07T19:30:00Z" */
    struct izde_strmap *kept; /* id -> stamp of the ids deleted this run, to keep (run.c) */
} izde_indexing;

/* Writing one shard of N (izde_db_set_shard()): articles whose id hashes
 * to another shard are read (for chrome detection) but not indexed;
 * report_unrouted 0 keeps problems that precede an id to shard 0's
 * process.  n is 0 for an index that is not a shard. */
typedef struct izde_shard_out {
    unsigned k, n;
    int report_unrouted;
    unsigned other;         /* articles left to other shards so far */
} izde_shard_out;

/* A set of indexes searched as one (dbset.c): the handle's x is their
 * combination. */
typedef struct izde_shard_set {
    izde_shard *shards;     /* n entries; NULL for a plain index */
    size_t n;
    unsigned timeout_ms;    /* remote shards */
    int allow_partial;      /* leave out shards that are down */
    unsigned recoveries;    /* izde__db_recover() calls this operation */
} izde_shard_set;

/* The index's stems in memory for spelling suggestions (vocab.c). */
typedef struct izde_vocab izde_vocab;

/* A second analyzer and stemmers, made on first use, for the thread that
 * builds half of a result page's snippets (search.c). */
typedef struct izde_aux_analysis {
    izde_analyzer *analyzer;
    izde_stemmer *ru, *ky;
    int failed;
} izde_aux_analysis;

struct izde_db {
    izx_db *x;              /* the Xapian database (or the shards' combination) */
    char *path;             /* as given */
    int writable;
    char *errmsg;           /* last error message, owned */
    izde_analyzer *analyzer;
    izde_stemmer *stem_ru;  /* Snowball Russian */
    izde_stemmer *stem_ky;  /* izde's Kyrgyz stemmer */
    izde_aux_analysis aux;  /* reading: the snippet thread's own */
    izde_vocab *vocab;      /* reading: the stems, for suggestions (vocab.c); NULL until used */
    unsigned time_limit_ms; /* izde_db_set_time_limit(); 0: none */
    int no_expand;          /* izde_db_set_expansion(db, 0) */
    izde_shard_set set;     /* reading: the shards searched as one */
    izde_indexing ix;       /* writing: the indexing session */
    izde_shard_out out;     /* writing: which shard this is */
};

/* Check the izde.version of a freshly opened Xapian handle (db.c); for
 * an empty writable one, stamp it.  `name` is for messages. */
/* IZDE_EINVAL for a --db path that exists and is no folder (a regular file
 * is allowed when reading: a shard list or a Xapian stub), IZDE_EIO for a
 * folder that cannot be written when `writable`; a message says which. */
/* tables.c: before Xapian opens the local index DIR, check its tables with
 * Xapian's structural check when they changed since izde's last commit
 * (IZDE_ECORRUPT and a message when damaged); after a writer's commit,
 * record them. */
int izde__tables_guard(const char *dir, int writable, char **errmsg_out);
void izde__tables_stamp(const char *dir);
int izde__check_index_path(const char *path, int writable, char **errmsg_out);
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
/* A string as JSON, null for NULL or for what is not UTF-8 (results_json.c). */
struct json_t *izde__json_str(const char *s);
/* The "expanded" member of search results (results_json.c): [{word, why,
 * to: [...]}] grouped by word and why, or NULL when nothing was expanded. */
struct json_t *izde__expanded_json(const izde_results *r);
/* The same for `query` parsed on `db` (facts, timelines); NULL when
 * nothing is expanded or the query does not parse. */
struct json_t *izde__query_expanded_json(izde_db *db, const char *query);
/* keys[k] = vals[k] (izde__json_str) on object `o`, for k < n. */
void izde__json_set_strs(struct json_t *o, const char *const *keys, const char *const *vals,
                         size_t n);
/* value, high, qualifier, unit, noun of a figure on object `o`: how every
 * JSON form of a figure begins. */
void izde__figure_core_json(struct json_t *o, const izde_hit_figure *g);
/* A figure of a hit or an analysis as JSON: value, high, qualifier, unit,
 * noun, noun_stem, text, start, end, sentence (results_json.c). */
struct json_t *izde__hit_figure_json(const izde_hit_figure *g);
/* Write this process's pid to DIR/izde.pid (db.c): who holds the lock. */
void izde__db_write_pid(const char *dir);
/* Put the index built at `built` in the place of db's (swap.c): one
 * exchange of folders, so a kill leaves the old index or the new one;
 * `built` then holds the old one (or nothing).  db->x is reopened. */
int izde__db_swap_in(izde_db *db, const char *built);
/* At open: undo a swap stopped between its two renames (where folders
 * cannot be exchanged) and, for a writer, remove what it left. */
void izde__db_finish_swap(const char *path, int writable);
/* A folder holding only what a Xapian creation stopped before its
 * version file leaves (empty tables, the lock): removed, 1 returned, so
 * the index can be created again; else 0. */
int izde__db_clear_stopped_creation(const char *path);
/* "PATH.swap-old": where a swap without exchange puts the old index. */
char *izde__db_swap_old_path(const char *path);
/* Note in the metadata the folder's bytes now, just compacted (by
 * izde_db_compact or a parallel build's merge), and commit. */
int izde__db_note_compacted(izde_db *db);
/* The bytes of the regular files in index folder `dir` (compact.c). */
unsigned long long izde__folder_bytes(const char *dir);
/* Compact the index (izde_db_compact) when it has grown past
 * IZDE_RECOMPACT_RATIO times its size after its last compaction; one
 * never compacted (a first build under 4 MiB) takes its size now as the
 * base.  *compacted says whether it was compacted. */
int izde__db_compact_if_grown(izde_db *db, int *compacted);
/* Delete an index folder: its files, then itself (no subfolders). */
void izde__remove_index_folder(const char *dir);
/* Write "K/N" of a shard being built into its metadata (shard_mark.c);
 * nothing for an index that is not a shard. */
int izde__stamp_shard(izde_db *db);
/* Set `rc` to `call` (an expression returning a status), run again while
 * izde__db_recover() leaves out a shard that stopped answering. */
#define IZDE__RUN_RECOVERING(db, rc, call)                                    \
    do {                                                                      \
        (db)->set.recoveries = 0;                                                 \
        while (((rc) = (call)) != IZDE_OK && izde__db_recover((db), (rc)))    \
            ;                                                                 \
    } while (0)
/* Is `path` a shard list (a file that is not a Xapian stub, or a folder
 * holding izde.shards) or tcp://...?  (dbset.c) */
int izde__is_shard_spec(const char *path);

/* Set the handle's message (printf-style) and return `status`. */
int izde__db_error(izde_db *db, int status, const char *fmt, ...) IZDE_PRINTF(3, 4);
/* Set the message from the shim's last error on db->x, prefixed. */
int izde__db_izx_error(izde_db *db, int izx_status, const char *what);
/* The file key of a real path (claims.c), for its F term and metadata: the path itself, or when longer
 * than 220 bytes its first 180 bytes plus '#' and a 64-bit FNV-1a hash in
 * hex.  Appended to `b`. */
int izde__file_key(izde_buf *b, const char *real);

/* ---- the index run (db/run.c) ----------------------------------------- */

/* The current time as "2026-12-07T19:30:00Z". */
void izde__run_now(char out[IZDE_RUN_TIME_MAX]);
/* The last run of index `x` (metadata izde.run): its number (0: none yet)
 * and when it began ("" when unknown).  An izx status. */
int izde__run_last(izx_db *x, unsigned long *n, char time_out[IZDE_RUN_TIME_MAX]);
/* Number this writing run (once per handle): the last run's number + 1,
 * written to izde.run, committed with the first articles. */
int izde__run_begin(izde_db *db);
/* Write the handle's run to izde.run. */
int izde__run_write(izde_db *db);
/* The slot 5 stamp of article `id` (its Q term id_term): remembered from
 * its deleted document, else its document's, else this run's. */
int izde__run_stamp(izde_db *db, const char *id, const char *id_term, size_t id_len,
                    char out[IZDE_RUN_STAMP_MAX]);
/* Document `docid` is about to be deleted: remember its id's stamp. */
void izde__run_remember(izde_db *db, unsigned docid);
/* A new build in db->x replacing the index `from`: the saved searches of
 * `from` and this run's number written into it. */
int izde__run_keep_state(izde_db *db, izx_db *from);

/* ---- the stems in memory (db/vocab.c) ------------------------------------ */

/* Letters as one-byte codes: а..я 1..32 (ё is е), ң ө ү 33..35. */
#define IZDE_VOCAB_NG 33
#define IZDE_VOCAB_OE 34
#define IZDE_VOCAB_UE 35
#define IZDE_VOCAB_CODES 35
#define IZDE_VOCAB_MAX_LETTERS 40 /* longer stems are left out */

/* The stems of one language that start with one letter, stem i being
 * codes[off[i] .. off[i] + len[i]) held by freq[i] articles, mask[i] the
 * set of its letters (bit = code); slots[] finds a stem by its letters
 * (izde__vocab_find). */
typedef struct izde_vocab_bucket {
    int loaded;
    unsigned char *codes;
    unsigned *off;
    unsigned char *len;
    unsigned *freq;
    unsigned long long *mask;
    size_t n;
    unsigned *slots;
    size_t nslots;
} izde_vocab_bucket;

struct izde_vocab {
    /* [0] Russian (Z terms), [1] Kyrgyz (ZK terms), by first letter */
    izde_vocab_bucket b[2][IZDE_VOCAB_CODES + 1];
    unsigned docs[2];        /* articles in each language (their L terms) */
    unsigned doccount;       /* the index's document count when read */
};

/* The handle's stems, the letters read so far kept while the document
 * count stays the same; NULL when the index cannot be read. */
izde_vocab *izde__vocab_get(izde_db *db);
/* The stems of language `kyrgyz` (0 Russian, 1 Kyrgyz) starting with the
 * letter `first`: read on first use (one walk over the terms of that
 * prefix, on local and remote indexes alike).  NULL when they cannot be
 * read (no message set). */
const izde_vocab_bucket *izde__vocab_bucket(izde_db *db, izde_vocab *v, int kyrgyz,
                                            unsigned char first);
void izde__vocab_free(izde_vocab *v);
/* The id of the stem codes[0..n) in bucket b, or -1. */
long izde__vocab_find(const izde_vocab_bucket *b, const unsigned char *codes, size_t n);
/* The letters of UTF-8 `s` as codes into codes[cap] (either case, ё as
 * е): their number, or -1 when a character is not one of the letters or
 * cap is too small. */
int izde__vocab_encode(const char *s, size_t len, unsigned char *codes, size_t cap);
/* Codes back to UTF-8 in `out` (2 bytes a letter, plus the NUL): upper 0
 * small letters, 1 the first a capital, 2 all capitals.  Returns bytes. */
size_t izde__vocab_decode(const unsigned char *codes, size_t n, int upper, char *out);

/* Count an article's lines for chrome detection without indexing it
 * (indexer.c): a file's articles are all counted before the first is
 * indexed, with db->ix.counted set while they are (see izde__seen_count()). */
int izde__count_article(izde_db *db, const izde_article *a);

/* ---- which files hold an id (index/claims.c) ----------------------------- */

/* Told the file key of a file whose signature was cleared because the
 * text of an article it holds was removed with another file's. */
typedef void (*izde_reread_fn)(void *ctx, const char *file_key);
/* Before `doc` (article `id` of the file `path` at `line`, F term
 * `file_term`) replaces the document of `id_term`: give it the F terms of
 * the other files holding the id; a document read from another file is
 * a clash (izde__claims_clash()). */
int izde__claims_carry(izde_db *db, const char *id_term, size_t id_len, const char *file_term,
                       izx_doc *doc, const char *id, const char *path, unsigned long line);
/* Article `id` of `path` (at `line`, 0: none) replaces the one read from
 * `old_path` (at `old_line`): counted in db->ix.id_clashes, and a warning
 * "PATH:LINE" "id ID was indexed from OLD:LINE; replaced" unless
 * db->ix.quiet_ids. */
void izde__claims_clash(izde_db *db, const char *id, const char *path, unsigned long line,
                        const char *old_path, unsigned long old_line);
/* Give document `into` the F terms of document `from` (a duplicate id
 * about to be deleted). */
int izde__claims_merge(izde_db *db, unsigned from, unsigned into);
/* Remove the documents of the file `file_term` (F + file key): those no
 * other file holds are deleted (counted in *deleted, which may be NULL);
 * the others lose its F term, and when their text came from this file the
 * other files' signatures are cleared and handed to `reread`. */
int izde__claims_drop(izde_db *db, const char *file_term, izde_reread_fn reread, void *ctx,
                      unsigned *deleted);

/* ---- copies of one story (index/story.c, index/story_pass.c) ------------- */

#define IZDE_STORY_HASHES 60  /* MinHash minimums */
#define IZDE_STORY_ROWS 3     /* minimums per band */
#define IZDE_STORY_BANDS (IZDE_STORY_HASHES / IZDE_STORY_ROWS)
#define IZDE_STORY_SHINGLE 3  /* words per shingle */
/* Estimated Jaccard similarity of the shingle sets from which two texts
 * are copies of one story (README, "Copies of one story": measured). */
#define IZDE_STORY_SAME 0.5
/* A text of fewer shingles (about 27 words) is never a copy: lines that
 * short (a footnote on a banned organisation, a photo credit) stand in
 * unrelated articles whose body the cleaner did not keep. */
#define IZDE_STORY_MIN_SHINGLES 25
#define IZDE_STORY_SIG_FORMAT 1
#define IZDE_STORY_SIG_BYTES (1 + 4 + 4 + 4 * IZDE_STORY_HASHES)

typedef struct izde_story_sig {
    uint32_t seq;                     /* where the article was read in its file */
    uint32_t shingles;                /* distinct or not; 0: no words */
    uint32_t min[IZDE_STORY_HASHES];
} izde_story_sig;

/* The signature of a text given as the hashes of its normalised words. */
void izde__story_sig(const uint64_t *words, size_t n, izde_story_sig *sig);
/* Its stored form (value slot IZDE_SLOT_STORY_SIG) and back (0: not one). */
void izde__story_sig_pack(const izde_story_sig *sig, unsigned char out[IZDE_STORY_SIG_BYTES]);
int izde__story_sig_unpack(const char *v, size_t len, izde_story_sig *sig);
/* The estimated Jaccard similarity of two texts' shingles, 0..1. */
double izde__story_similarity(const izde_story_sig *a, const izde_story_sig *b);
/* The B term of one band of a signature into `b`; the G term of a story. */
int izde__story_band_term(izde_buf *b, const izde_story_sig *sig, unsigned band);
int izde__story_term(izde_buf *b, const char *story);
/* The story's key (slot IZDE_SLOT_STORY_KEY): 8 bytes of a hash of its id. */
#define IZDE_STORY_KEY_BYTES 8
void izde__story_key(const char *story, unsigned char out[IZDE_STORY_KEY_BYTES]);
/* The slot to collapse and count stories on: the short key when every
 * article with a story has one, else the story id itself (an index whose
 * articles were stored before the key). */
unsigned izde__story_slot(izx_db *x);
/* The documents of x sharing a band with `sig`: *ids (malloc'd, sorted,
 * each once), *n of them.  An izx status. */
int izde__story_candidates(izx_db *x, const izde_story_sig *sig, unsigned **ids, size_t *n);
/* Before `doc` (article `id`, Q term `id_term`) is stored: its story is
 * that of its earliest-indexed copy in db (committed or not), else `id`.
 * Sets the signature, band terms, story value and G term on `doc` and
 * the story into *story_out (malloc'd). */
int izde__story_assign(izde_db *db, izx_doc *doc, const izde_story_sig *sig, const char *id,
                       const char *id_term, size_t id_len, char **story_out);
/* After a parallel build's merge: assign every story again in the order
 * one process reads the articles (file_rank of an article's metadata
 * "path", then docid), rewriting those that changed.  *changed (may be
 * NULL) counts them. */
typedef long (*izde_file_rank_fn)(void *ctx, const char *path);
int izde__story_reassign(izde_db *db, izde_file_rank_fn file_rank, void *ctx, unsigned *changed);

/* The other articles of `story` (G term) besides document `self`: how
 * many into *count, the ids of the first `max` (first indexed first) into
 * *ids (malloc'd strings in a malloc'd array, *nids of them).  An izx
 * status (search/copies.c). */
int izde__story_copies(izx_db *x, const char *story, unsigned self, size_t max, unsigned *count,
                       char ***ids, size_t *nids);
/* The stories (distinct story values; an article without one, from an
 * index made before stories, is a story of its own) and the articles
 * matching `q`, counted over every match.  An izx status. */
int izde__count_stories(izx_db *x, const izx_query *q, unsigned *stories, unsigned *articles);

/* ---- query -------------------------------------------------------------- */

/* A quoted phrase of two words or more, highlighted as one unit. */
typedef struct izde_qphrase {
    char **terms;          /* its words' exact forms, in order */
    char **stems;          /* their Russian stems (NULL entries: none) */
    char **ky_stems;       /* their Kyrgyz stems (NULL entries: none) */
    size_t n;
} izde_qphrase;

/* One word searched as one more term beyond its own stems (expand.c):
 * `word` as typed, `to` what it was taken to stand for, `why` an
 * izde_xwhy. */
typedef struct izde_qexpansion {
    char *word;
    char *to;
    int why;
} izde_qexpansion;

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
    izde_qexpansion *expanded; /* what words were also searched as (positive only) */
    size_t nexpanded;
} izde_pquery;

/* Stemmers a query may use; NULL members are not used.  `db` (may be
 * NULL) lets figure filters (человек:>1000) look up the values indexed. */
typedef struct izde_qstemmers {
    izde_stemmer *ru;
    izde_stemmer *ky;
    izx_db *db;
    int expand;                          /* search words beyond their stems (expand.h) */
    const struct izde_glossary *glossary; /* NULL: none */
} izde_qstemmers;

/* Parse `query`; on IZDE_EQUERY *errmsg_out says what and where. */
int izde__query_parse(izde_pquery *out, izde_analyzer *a, const izde_qstemmers *stemmers,
                      const char *query, char **errmsg_out);
void izde__pquery_clear(izde_pquery *q);
/* Parse `query` with the handle's analyzer and stemmers (figure filters
 * looking up its values); a bad query's message goes on the handle. */
int izde__db_parse_query(izde_db *db, const char *query, izde_pquery *out);
/* The query of the articles like article `id` (similar.c), filtered by
 * `query` when not NULL or empty; IZDE_ENOTFOUND (message on db) when the
 * index has no such id. */
int izde__similar_query(izde_db *db, const char *id, const char *query, izde_pquery *pq);

/* ---- suggestions (suggest.c) -------------------------------------------- */

/* "Did you mean": for a search of `query` (parsed as pq) that found
 * `matches` articles, the query with its misspelt words corrected, when
 * it finds more (*out malloc'ed), else *out NULL.  Costs nothing from 20
 * matches on. */
int izde__suggest(izde_db *db, const char *query, const izde_pquery *pq, unsigned matches,
                  char **out);
/* The weighted distance between two words of the two alphabets in half
 * edits (an edit 2; a neighbouring key, a confused vowel or a doubled
 * letter 1); (unsigned)-1 when one has other characters. */
unsigned izde__suggest_distance(const char *a, const char *b);
/* `word` written as the closest word whose stem (Russian, or Kyrgyz with
 * `kyrgyz`) is `stem`, in the case of `word`; *out NULL when none is
 * found. */
int izde__suggest_rewrite(const char *word, const char *stem, int kyrgyz, char **out);

/* ---- ranking (ranking.c) ------------------------------------------------ */

/* Run `q` for the hits [offset, offset+limit) in `sort` order (an
 * IZDE_SORT_*), equal keys ordered by article id rather than docid;
 * with `collapse`, one hit per story (izde__story_slot()).
 * *m_out holds the hits; *order_out (malloc'ed) the mset indexes of the
 * page in rank order, *n_out of them.  Returns an izx status. */
int izde__rank_page(izx_db *x, const izx_query *q, int sort, int collapse, unsigned offset,
                    unsigned limit, izx_mset **m_out, unsigned **order_out, unsigned *n_out);

/* ---- snippets ----------------------------------------------------------- */

/* Up to IZDE_MAX_FRAGMENTS passages of `text` showing the query's words
 * (snippet.c): each ~200-300 characters, cut at sentence or word
 * boundaries with "…" where a sentence is cut, whitespace collapsed.
 * Highlights are [start, end) byte offsets into the fragment's text. */
#define IZDE_MAX_FRAGMENTS 3
typedef struct izde__frag {
    char *text;
    size_t len;
    size_t from, to; /* the span of the article's text it shows */
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


#endif /* IZDE_PRIVATE_H */
