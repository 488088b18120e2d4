/*
 * docstore.h - the stored form of an article (docstore.c): metadata in a
 * value slot, figures and the clean text in the document data.
 */
#ifndef IZDE_DOCSTORE_H
#define IZDE_DOCSTORE_H

#include <jansson.h>

#include "izde-private.h"
#include "figures.h"

/* Store `meta` (id, path, url, title, source, date, lang, charset) and
 * `body` (figures, mentioned, fields) with the clean text on `doc`.
 * @retval IZDE_OK, IZDE_ENOMEM, IZDE_EBACKEND (message on `doc`) */
int izde__doc_store(izx_doc *doc, json_t *meta, json_t *body, const char *text, size_t len);

/* What izde__doc_read() reads. */
#define IZDE_DOC_META 0       /* the metadata only */
#define IZDE_DOC_BODY 1       /* and the figures (by offsets: izde__figure_expand()
                               * gives one its text and sentence), the mentioned
                               * dates, the extra fields and the text */
#define IZDE_DOC_TEXT_FIELD 2 /* and the text as a "text" member of `doc` as well */
#define IZDE_DOC_BODY_RAW 4   /* fetch the data but parse it later with
                               * izde__doc_parse_body() (another thread may) */

typedef struct izde_stored {
    json_t *doc;          /* the metadata, merged with the body when read */
    const char *text;     /* the clean text (with IZDE_DOC_BODY), borrowed from the
                           * mset: valid until it is freed */
    size_t text_len;
    const char *why;      /* IZX_ECORRUPT: what is wrong with the document */
    const char *raw;      /* the document data, borrowed from the mset */
    size_t raw_len;
} izde_stored;

/* Read hit i of `m`.  Returns IZX_OK, IZX_ECORRUPT (see out->why) or the
 * shim's failure (IZX_EMODIFIED: reopen and run the query again).  Clear
 * `out` with izde__stored_clear() in every case. */
int izde__doc_read(izx_mset *m, unsigned i, int parts, izde_stored *out);
void izde__stored_clear(izde_stored *s);
/* Parse what izde__doc_read(.., IZDE_DOC_BODY_RAW, ..) fetched into s->doc
 * and s->text (`parts` as there).  Touches nothing but `s`: safe on
 * another thread while the mset lives.  IZX_OK or IZX_ECORRUPT. */
int izde__doc_parse_body(izde_stored *s, int parts);

/* The real path of the file document `docid` was read from (its stored
 * metadata's "path"), malloc'd; NULL when it has none or cannot be read. */
char *izde__doc_stored_path(izx_db *x, unsigned docid);
/* Its id, the same way. */
char *izde__doc_stored_id(izx_db *x, unsigned docid);
/* Its stored "line" (where the record starts in its file), 0 when it has
 * none (a whole file, or an index built before lines were stored). */
unsigned long izde__doc_stored_line(izx_db *x, unsigned docid);

/* Set the "story" of a stored document's metadata, on `doc` opened by
 * izx_db_doc_open() (a parallel build's stories assigned again,
 * story_pass.c).  An izx status. */
int izde__doc_set_story(izx_doc *doc, const char *story);

/* The stored-figure format, written and read here only.  A figure as a
 * JSON object: value, high, qualifier, unit, noun, noun_stem, start, end,
 * and then either (`stored` = 0, as `izde analyze --json` shows it) text
 * and sentence, or (`stored`, as the index keeps it) sentence_start and
 * sentence_end, the strings being slices of the article text.  `text` is
 * what the figure was found in. */
json_t *izde__figure_json(const izde_figure *f, const char *text, int stored);
/* The izde_fig_kind of a stored figure: its "kind", a count when absent
 * (an index written before figures had kinds). */
int izde__figure_json_kind(json_t *fig);
/* Give one stored figure of a document its "text" and "sentence" again
 * from the article's clean text (the sentence as excerpt.c shows it:
 * at most IZDE_SENTENCE_MAX_BYTES around the figure).  Only the figures
 * shown are expanded, so an article with many figures costs no more than
 * its stored form to read. */
void izde__figure_expand(json_t *fig, const char *text, size_t tlen);

#endif /* IZDE_DOCSTORE_H */
