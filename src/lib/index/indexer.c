/*
 * indexer.c - turn one article into a Xapian document (index/SCHEMA.md):
 * unstemmed words with positions, Z-prefixed Russian or ZK-prefixed
 * Kyrgyz stems, hyphenated compounds whole and by parts, the Q unique
 * id, L/S/Y/M/D boolean terms, the date value and the JSON document data
 * holding the text for snippets.  Replaces any document with the same id.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "izde-private.h"
#include "hash.h"
#include "figures.h"
#include "docstore.h"
#include "charset.h"
#include "dates.h"

typedef struct index_ctx {
    izx_doc *doc;
    izde_stemmer *stem;   /* the article language's stemmer, or NULL */
    const char *prefix;   /* its stem prefix ("Z", "ZK") */
    int kyrgyz;           /* the stemmer wants words as written */
    const char *text;     /* the text being analyzed (title or body) */
    izde_buf term;        /* scratch for prefixed terms */
    izde_buf comp;        /* the hyphenated compound so far, folded */
    izde_buf comp_orig;   /* the same as written, for the Kyrgyz stemmer */
    size_t comp_end;      /* byte offset where the compound's last part ends */
    unsigned comp_pos;    /* position of its first part */
    int comp_parts;       /* parts in the compound (0: none yet) */
    int comp_has_word;    /* a part has a letter: the compound gets stems */
    unsigned pos_base;    /* added to token positions */
    unsigned last_pos;    /* one past the last position used */
    int izx_rc;           /* first shim failure */
    int collect;          /* the text (not the title): keep its words' hashes */
    uint64_t *words;      /* for the story signature (story.c) */
    size_t nwords, wcap;
} index_ctx;

/* Keep the hash of a normalised word of the text for its signature. */
static int keep_word(index_ctx *ctx, const izde_token *tok)
{
    if (ctx->nwords == ctx->wcap) {
        size_t cap = ctx->wcap ? ctx->wcap * 2 : 256;
        uint64_t *nw = realloc(ctx->words, cap * sizeof *nw);
        if (!nw)
            return IZDE_ENOMEM;
        ctx->words = nw;
        ctx->wcap = cap;
    }
    ctx->words[ctx->nwords++] = izde__hash(IZDE_HASH_SEED, tok->term, tok->term_len);
    return IZDE_OK;
}

/* Add the stem of a word as a prefixed term at position `pos`: the stems
 * carry the positions (phrases match any inflection); the word as written
 * is not indexed (index/SCHEMA.md, "Terms"). */
static int add_stem(index_ctx *ctx, const char *stem, size_t slen, unsigned pos)
{
    izde__buf_clear(&ctx->term);
    izde__buf_puts(&ctx->term, ctx->prefix);
    if (izde__buf_append(&ctx->term, stem, slen))
        return IZDE_ENOMEM;
    if (ctx->term.len > IZDE_MAX_TERM)
        return IZDE_OK;
    int rc = izx_doc_add_posting(ctx->doc, ctx->term.data, ctx->term.len, pos, 1);
    if (rc != IZX_OK) {
        ctx->izx_rc = rc;
        return IZDE_EBACKEND;
    }
    return IZDE_OK;
}

/* A token with no stem (a number, a Latin word, a word of an article in
 * neither language) is indexed as written, at its position. */
static int add_raw(index_ctx *ctx, const char *term, size_t len, unsigned pos)
{
    int rc = izx_doc_add_posting(ctx->doc, term, len, pos, 1);
    if (rc != IZX_OK) {
        ctx->izx_rc = rc;
        return IZDE_EBACKEND;
    }
    return IZDE_OK;
}

/* Hyphenated compounds ("2021-жылдын", "северо-западный") are indexed
 * whole, at the position of their first part, as well as by parts. */
static int add_compound(index_ctx *ctx, const izde_token *tok)
{
    int joined = ctx->comp_parts > 0 && izde__is_hyphen_joint(ctx->text, ctx->comp_end, tok->start);
    if (!joined) {
        izde__buf_clear(&ctx->comp);
        izde__buf_clear(&ctx->comp_orig);
        ctx->comp_parts = 0;
        ctx->comp_has_word = tok->kind == IZDE_TOK_WORD;
        ctx->comp_pos = ctx->pos_base + tok->pos + 1;
    } else {
        izde__buf_putc(&ctx->comp, '-');
        izde__buf_putc(&ctx->comp_orig, '-');
    }
    izde__buf_append(&ctx->comp, tok->term, tok->term_len);
    if (izde__buf_append(&ctx->comp_orig, ctx->text + tok->start, tok->end - tok->start))
        return IZDE_ENOMEM;
    ctx->comp_parts++;
    ctx->comp_end = tok->end;
    if (tok->kind == IZDE_TOK_WORD)
        ctx->comp_has_word = 1;
    if (!joined || ctx->comp.len > IZDE_MAX_TERM)
        return IZDE_OK;
    if (!ctx->stem || !ctx->comp_has_word)
        return add_raw(ctx, ctx->comp.data, ctx->comp.len, ctx->comp_pos);
    size_t slen;
    const char *s = izde__stem_word(ctx->stem, ctx->kyrgyz, ctx->comp.data, ctx->comp.len,
                                    ctx->comp_orig.data, ctx->comp_orig.len, &slen);
    if (!s)
        return IZDE_ENOMEM;
    return add_stem(ctx, s, slen, ctx->comp_pos);
}

static int on_token(void *vctx, const izde_token *tok)
{
    index_ctx *ctx = vctx;
    if (tok->term_len == 0 || tok->term_len > IZDE_MAX_TERM)
        return 0; /* too long for Xapian: a URL or junk, not a word */
    unsigned pos = ctx->pos_base + tok->pos + 1;
    ctx->last_pos = pos;
    int rc;
    if (ctx->collect && keep_word(ctx, tok) != IZDE_OK)
        return IZDE_ENOMEM;
    if (ctx->stem && tok->kind == IZDE_TOK_WORD) {
        size_t slen;
        const char *s = izde__stem_token(ctx->stem, ctx->kyrgyz, tok, ctx->text, &slen);
        if (!s)
            return IZDE_ENOMEM;
        rc = add_stem(ctx, s, slen, pos);
    } else {
        rc = add_raw(ctx, tok->term, tok->term_len, pos);
    }
    if (rc != IZDE_OK)
        return rc;
    return add_compound(ctx, tok);
}

static int add_bool(index_ctx *ctx, const char *prefix, const char *value, size_t n)
{
    izde__buf_clear(&ctx->term);
    izde__buf_puts(&ctx->term, prefix);
    if (izde__buf_append(&ctx->term, value, n))
        return IZDE_ENOMEM;
    if (ctx->term.len > IZDE_MAX_TERM)
        return IZDE_OK;
    int rc = izx_doc_add_boolean_term(ctx->doc, ctx->term.data, ctx->term.len);
    if (rc != IZX_OK) {
        ctx->izx_rc = rc;
        return IZDE_EBACKEND;
    }
    return IZDE_OK;
}

/* "Q" + id; ids too long for a term keep their head plus a hash of all. */
static int id_term(izde_buf *b, const char *id)
{
    izde__buf_clear(b);
    izde__buf_puts(b, IZDE_PREFIX_ID);
    return izde__hashed_key(b, id, IZDE_MAX_TERM - 1, 200);
}

/* A metadata string; one that is not UTF-8 (a file name's bytes) is kept
 * with those bytes escaped, never dropped. */
static void set_str(json_t *o, const char *k, const char *v)
{
    if (!v)
        return;
    json_t *j = json_string(v);
    if (!j) {
        char *esc = izde__utf8_escape_invalid(v);
        j = esc ? json_string(esc) : NULL;
        free(esc);
    }
    if (j)
        json_object_set_new(o, k, j);
}

/* "N" + key and "N" + key + "=" + value for one figure key. */
static int add_figure_terms(index_ctx *ctx, const char *key, double value)
{
    char num[64];
    snprintf(num, sizeof num, "=%.15g", value);
    int rc = add_bool(ctx, IZDE_PREFIX_FIGURE, key, strlen(key));
    if (rc)
        return rc;
    izde__buf_clear(&ctx->comp);
    izde__buf_puts(&ctx->comp, key);
    if (izde__buf_puts(&ctx->comp, num))
        return IZDE_ENOMEM;
    return add_bool(ctx, IZDE_PREFIX_FIGURE, ctx->comp.data, ctx->comp.len);
}

static int add_figures(index_ctx *ctx, izde_db *db, const char *text, size_t len, const char *lang,
                       json_t *arr)
{
    izde_figures *figs = NULL;
    const char *prefix;
    izde_stemmer *stem = izde__stemmer_for(db->stem_ru, db->stem_ky, lang, &prefix);
    int rc = izde__figures_extract(&figs, db->analyzer, text, len, lang, stem);
    if (rc != IZDE_OK)
        return rc;
    for (size_t i = 0; i < izde__figures_count(figs) && rc == IZDE_OK; i++) {
        const izde_figure *f = izde__figures_get(figs, i);
        json_array_append_new(arr, izde__figure_json(f, text, 1));
        if (f->kind != IZDE_FIG_COUNT)
            continue; /* stored and shown, but not indexed as a count */
        if (f->key && *f->key)
            rc = add_figure_terms(ctx, f->key, f->value);
        if (rc == IZDE_OK && f->unit && (!f->key || strcmp(f->key, f->unit) != 0))
            rc = add_figure_terms(ctx, f->unit, f->value);
    }
    izde__figures_free(figs);
    return rc;
}

unsigned izde_shard_of(const char *id, unsigned n)
{
    return n ? (unsigned)(izde__hash(IZDE_HASH_SEED, id, strlen(id)) % n) : 0;
}

/* What chrome lines are counted under (clean.c): the source, else the
 * URL's host, else the file's folder; *owned is what to free. */
static const char *chrome_key(const izde_article *a, char **owned)
{
    *owned = NULL;
    if (a->source && *a->source)
        return a->source;
    if ((*owned = izde__url_host(a->url)) != NULL)
        return *owned;
    const char *slash = a->path ? strrchr(a->path, '/') : NULL;
    if (slash)
        *owned = strndup(a->path, (size_t)(slash - a->path));
    return *owned;
}

/* An article of another shard: only its lines are counted for chrome
 * detection, as a single index reading every article would. */
static int pass_to_other_shard(izde_db *db, const izde_article *a)
{
    db->out.other++;
    if (!a->text || !a->text_len || !db->ix.seen || db->ix.counted)
        return IZDE_OK;
    char *owned;
    const char *key = chrome_key(a, &owned);
    izde_clean clean = {0};
    int rc = izde__clean_article(&clean, a->text, a->text_len, db->ix.seen, key);
    izde__clean_free(&clean);
    free(owned);
    return rc == IZDE_OK ? IZDE_OK : izde__db_error(db, rc, "out of memory");
}

int izde__count_article(izde_db *db, const izde_article *a)
{
    if (!a->text || !a->text_len || !db->ix.seen)
        return IZDE_OK;
    char *owned;
    const char *key = chrome_key(a, &owned);
    int rc = izde__seen_count(db->ix.seen, a->text, a->text_len, key);
    free(owned);
    return rc == IZDE_OK ? IZDE_OK : izde__db_error(db, rc, "out of memory");
}

/* What indexing an article derives before its terms: the clean text,
 * language, title, source and date.  Everything owned is freed by
 * meta_free(). */
typedef struct article_meta {
    izde_clean clean;
    const char *text;     /* the clean text */
    size_t text_len;
    const char *lang;     /* the record's, else guessed (static or the record's) */
    char *title, *source, *date;
    char *dir;            /* what chrome_key() allocated */
} article_meta;

static void meta_free(article_meta *m)
{
    free(m->title);
    free(m->source);
    free(m->date);
    free(m->dir);
    izde__clean_free(&m->clean);
}

/* The checks before any work: writable, an id, this shard's, words.
 * IZDE_OK with *skip set: nothing to index here (another shard's). */
static int check_article(izde_db *db, const izde_article *a, int *skip)
{
    *skip = 1;
    if (!db->writable)
        return izde__db_error(db, IZDE_EINVAL, "the index was opened read-only");
    if ((!a->id || !*a->id) && db->out.n && !db->out.report_unrouted) {
        db->out.other++; /* shard 0's process reports it */
        return IZDE_OK;
    }
    if (!a->id || !*a->id)
        return izde__db_error(db, IZDE_EINVAL, "article has no id");
    if (db->out.n && izde_shard_of(a->id, db->out.n) != db->out.k)
        return pass_to_other_shard(db, a);
    if ((!a->text || a->text_len == 0) && !(a->title && *a->title))
        return izde__db_error(db, IZDE_EFORMAT, "article '%s' has no words to index (no text, no title)",
                              a->id);
    *skip = 0;
    return IZDE_OK;
}

/* The date: the record's field (warned about when invalid), else the
 * URL's, else the text's, else the run's default (izde index --date-from). */
static char *article_date(izde_db *db, const izde_article *a, const izde_clean *clean)
{
    char *date = a->date ? izde__normalize_date(a->date) : NULL;
    if (a->date && izde__date_is_invalid(a->date) && db->ix.warning) {
        char *w = izde__strdupf("article '%s': invalid date \"%s\" in the date field: ignored "
                                "(the date is taken from the URL or the text, if any)",
                                a->id, a->date);
        if (w)
            db->ix.warning(db->ix.warning_payload, a->path, w);
        free(w);
    }
    if (!date)
        date = izde__url_date(a->url);
    if (!date && clean->date)
        date = strdup(clean->date);
    if (!date && a->date_default)
        date = izde__normalize_date(a->date_default);
    return date;
}

/* A URL with no host name in it: said once per file (the first such
 * record), as it is stored but gives no source. */
static void warn_bad_url(izde_db *db, const izde_article *a)
{
    const char *file = a->path ? a->path : "";
    if (!db->ix.warning || (db->ix.bad_url_file && strcmp(db->ix.bad_url_file, file) == 0))
        return;
    free(db->ix.bad_url_file);
    db->ix.bad_url_file = strdup(file);
    char *where = a->line ? izde__strdupf("%s:%lu", file, a->line) : izde__strdupf("%s", file);
    char *w = izde__strdupf("article '%s': the url \"%.120s\" names no host: stored, but gives "
                            "no source (give one with --source NAME or a source field); "
                            "the file's other malformed URLs are not reported",
                            a->id, a->url);
    if (w)
        db->ix.warning(db->ix.warning_payload, where ? where : file, w);
    free(w);
    free(where);
}

/* Clean the text (the original is kept too) and derive the metadata the
 * record does not give; a text that is not UTF-8 stops here. */
static int article_meta_of(izde_db *db, const izde_article *a, article_meta *m)
{
    const char *src_key = chrome_key(a, &m->dir);
    int rc = (db->ix.counted ? izde__clean_counted : izde__clean_article)(
        &m->clean, a->text ? a->text : "", a->text ? a->text_len : 0, db->ix.seen, src_key);
    if (rc != IZDE_OK)
        return izde__db_error(db, rc, "out of memory");
    m->text = m->clean.text;
    m->text_len = m->clean.len;
    if (izde__utf8_invalid_at((const unsigned char *)m->text, m->text_len) < m->text_len)
        return izde__db_error(db, IZDE_EFORMAT, "article '%s': text is not valid UTF-8", a->id);
    m->lang = a->lang && *a->lang ? a->lang
              : m->text_len || !a->title ? izde__detect_lang(m->text, m->text_len)
                                         : izde__detect_lang(a->title, strlen(a->title));
    if (a->title && *a->title)
        m->title = strdup(a->title);
    else if (m->clean.title)
        m->title = strdup(m->clean.title);
    else
        m->title = izde__derive_title(m->text, m->text_len);
    m->source = a->source && *a->source ? strdup(a->source) : izde__url_host(a->url);
    if (!m->source && a->url && *a->url && !(a->source && *a->source))
        warn_bad_url(db, a);
    if (!m->source && m->clean.source)
        m->source = strdup(m->clean.source);
    m->date = article_date(db, a, &m->clean);
    return IZDE_OK;
}

/* After a term or analysis failure: say which article and why. */
static int analyze_failed(izde_db *db, const index_ctx *ctx, const izde_article *a, int rc)
{
    if (ctx->izx_rc)
        return izde__db_error(db, izde__status_from_izx(ctx->izx_rc), "cannot index '%s': %s",
                              a->id, izx_doc_errmsg(ctx->doc));
    return izde__db_error(db, rc, "cannot analyze '%s': %s", a->id, izde_status_name(rc));
}

/* The words: a title given by the record before the text (a derived one
 * is already part of the text), stemmed in the article's language. */
static int add_text_terms(izde_db *db, const izde_article *a, const article_meta *m,
                          index_ctx *ctx)
{
    int has_title = a->title && *a->title, rc;
    /* stems in the article's language; other languages: exact forms only */
    ctx->stem = izde__stemmer_for(db->stem_ru, db->stem_ky, m->lang, &ctx->prefix);
    ctx->kyrgyz = ctx->stem == db->stem_ky;
    if (has_title) {
        ctx->text = a->title;
        if ((rc = izde_analyze(db->analyzer, a->title, strlen(a->title), on_token, ctx)))
            return analyze_failed(db, ctx, a, rc);
        ctx->pos_base = ctx->last_pos + IZDE_TITLE_POS_GAP;
    }
    ctx->text = m->text;
    ctx->comp_parts = 0;
    ctx->collect = 1;
    rc = izde_analyze(db->analyzer, m->text, m->text_len, on_token, ctx);
    ctx->collect = 0;
    if (rc)
        return analyze_failed(db, ctx, a, rc);
    if (ctx->last_pos == 0)
        return izde__db_error(db, IZDE_EFORMAT, "article '%s' has no words to index (blank text%s)",
                              a->id, has_title ? "" : ", no title");
    return IZDE_OK;
}

/* Y, M, D terms of the publication date and its two value slots: padded
 * with '~' (after every digit), a date known to the year sorts after that
 * year's dated articles and stays out of month and day ranges; for
 * sorting, a partial date comes first in its period. */
static int add_date_terms(izde_db *db, const izde_article *a, index_ctx *ctx, const char *date)
{
    char digits[9];
    size_t nd = 0;
    int rc;
    for (const char *p = date; *p && nd < 8; p++)
        if (*p != '-')
            digits[nd++] = *p;
    digits[nd] = '\0';
    if ((rc = add_bool(ctx, IZDE_PREFIX_YEAR, digits, 4)) ||
        (nd >= 6 && (rc = add_bool(ctx, IZDE_PREFIX_MONTH, digits, 6))) ||
        (nd >= 8 && (rc = add_bool(ctx, IZDE_PREFIX_DAY, digits, 8))))
        return analyze_failed(db, ctx, a, rc);
    char padded[9], sortable[9];
    memcpy(padded, digits, nd);
    memset(padded + nd, '~', 8 - nd);
    memcpy(sortable, digits, nd);
    memset(sortable + nd, '0', 8 - nd);
    if (izx_doc_set_value(ctx->doc, IZDE_SLOT_DATE, padded, 8) != IZX_OK ||
        izx_doc_set_value(ctx->doc, IZDE_SLOT_DATE_SORT, sortable, 8) != IZX_OK)
        return izde__db_error(db, IZDE_EBACKEND, "cannot set the date value: %s",
                              izx_doc_errmsg(ctx->doc));
    return IZDE_OK;
}

/* The E terms of one mentioned date "YYYY[-MM[-DD]]". */
static int add_mention_terms(index_ctx *ctx, const char *date)
{
    char d8[9];
    size_t k = 0;
    for (const char *c = date; *c && k < 8; c++)
        if (*c != '-')
            d8[k++] = *c;
    d8[k] = '\0';
    int rc = add_bool(ctx, IZDE_PREFIX_MENTIONED "Y", d8, 4);
    if (rc == IZDE_OK && k >= 6)
        rc = add_bool(ctx, IZDE_PREFIX_MENTIONED "M", d8, 6);
    if (rc == IZDE_OK && k >= 8)
        rc = add_bool(ctx, IZDE_PREFIX_MENTIONED "D", d8, 8);
    return rc;
}

/* Dates the text mentions, into `jment`: the events ("mentioned", with E
 * terms for timeline --mentioned), the birth dates ("born") and the dates
 * later than the article's own ("later"), both without E terms. */
static int add_mentioned_terms(izde_db *db, const izde_article *a, index_ctx *ctx,
                               const article_meta *m, json_t *jment)
{
    char **ev = NULL, **born = NULL;
    size_t nev = 0, nborn = 0;
    if (izde__mentioned_dates(m->text, m->text_len, &ev, &nev) != 0 ||
        izde__birth_dates(m->text, m->text_len, &born, &nborn) != 0) {
        izde__strv_free(ev, nev);
        return izde__db_error(db, IZDE_ENOMEM, "out of memory");
    }
    json_t *jev = json_array(), *jborn = json_array(), *jlater = json_array();
    int rc = jev && jborn && jlater ? IZDE_OK : IZDE_ENOMEM;
    for (size_t i = 0; i < nev && rc == IZDE_OK; i++) {
        int later = m->date && izde__date_after(ev[i], m->date);
        json_array_append_new(later ? jlater : jev, json_string(ev[i]));
        if (!later)
            rc = add_mention_terms(ctx, ev[i]);
    }
    for (size_t i = 0; i < nborn && rc == IZDE_OK; i++)
        json_array_append_new(jborn, json_string(born[i]));
    if (rc == IZDE_OK) {
        json_object_set(jment, "mentioned", jev);
        json_object_set(jment, "born", jborn);
        json_object_set(jment, "later", jlater);
    }
    json_decref(jev);
    json_decref(jborn);
    json_decref(jlater);
    izde__strv_free(ev, nev);
    izde__strv_free(born, nborn);
    return rc == IZDE_OK ? IZDE_OK : analyze_failed(db, ctx, a, rc);
}

/* The boolean terms: language, source, date, mentioned dates, figures
 * (N<noun>, N<noun>=<value>; the figures themselves into `jfigs`) and the
 * file (F<file key>, for incremental re-indexing). */
static int add_filter_terms(izde_db *db, const izde_article *a, const article_meta *m,
                            index_ctx *ctx, json_t *jfigs, json_t *jment)
{
    int rc;
    if ((rc = add_bool(ctx, IZDE_PREFIX_LANG, m->lang, strlen(m->lang))) ||
        (m->source && (rc = add_bool(ctx, IZDE_PREFIX_SOURCE, m->source, strlen(m->source)))))
        return analyze_failed(db, ctx, a, rc);
    if (m->date && (rc = add_date_terms(db, a, ctx, m->date)) != IZDE_OK)
        return rc;
    if ((rc = add_figures(ctx, db, m->text, m->text_len, m->lang, jfigs)) != IZDE_OK)
        return rc == IZDE_EBACKEND ? analyze_failed(db, ctx, a, rc)
                                   : izde__db_error(db, rc, "out of memory");
    if ((rc = add_mentioned_terms(db, a, ctx, m, jment)) != IZDE_OK)
        return rc;
    if (a->path && *a->path) {
        izde_buf fk = {0};
        rc = izde__file_key(&fk, a->path) ? IZDE_ENOMEM
                                          : add_bool(ctx, IZDE_PREFIX_FILE, fk.data, fk.len);
        izde__buf_free(&fk);
        if (rc != IZDE_OK)
            return analyze_failed(db, ctx, a, rc);
    }
    return IZDE_OK;
}

/* The stored article (docstore.c): metadata, then the body: figures,
 * mentioned dates and the record's other fields, with the clean text. */
static int store_article(izde_db *db, const izde_article *a, const article_meta *m,
                         index_ctx *ctx, json_t *jfigs, json_t *jment, const char *story)
{
    json_t *data = json_object(), *body = json_object();
    set_str(data, "id", a->id);
    set_str(data, "story", story);
    set_str(data, "path", a->path);
    if (a->line)
        json_object_set_new(data, "line", json_integer((json_int_t)a->line));
    set_str(data, "url", a->url ? izde__url_inner(a->url) : NULL);
    set_str(data, "title", m->title);
    set_str(data, "source", m->source);
    set_str(data, "date", m->date);
    set_str(data, "lang", m->lang);
    set_str(data, "charset", a->charset);
    if (json_array_size(jfigs))
        json_object_set(body, "figures", jfigs);
    static const char *const kinds[] = {"mentioned", "born", "later"};
    for (int k = 0; k < 3; k++) {
        json_t *v = json_object_get(jment, kinds[k]);
        if (json_array_size(v))
            json_object_set(body, kinds[k], v);
    }
    if (a->fields) {
        json_t *f = json_loads(a->fields, 0, NULL);
        if (json_is_object(f) && json_object_size(f) > 0)
            json_object_set(body, "fields", f);
        json_decref(f);
    }
    int rc = izde__doc_store(ctx->doc, data, body, m->text, m->text_len);
    json_decref(body);
    json_decref(data);
    if (rc == IZDE_ENOMEM)
        return izde__db_error(db, rc, "cannot encode the document data of '%s'", a->id);
    if (rc != IZDE_OK)
        return izde__db_error(db, rc, "cannot store '%s': %s", a->id, izx_doc_errmsg(ctx->doc));
    return IZDE_OK;
}

/* Replace the document of this id (Q term), keeping the files that hold
 * the id too (claims.c) and the index run that first indexed it (run.c), and commit in batches: Xapian otherwise buffers
 * 10,000 documents in memory (about 1 GB for news articles), and a batch
 * is what an interrupted run keeps. */
static int replace_document(izde_db *db, const izde_article *a, index_ctx *ctx)
{
    int rc;
    izde_buf file = {0};
    if (id_term(&ctx->term, a->id) ||
        (a->path && *a->path && (izde__buf_puts(&file, IZDE_PREFIX_FILE) ||
                                 izde__file_key(&file, a->path)))) {
        izde__buf_free(&file);
        return izde__db_error(db, IZDE_ENOMEM, "out of memory");
    }
    rc = izde__claims_carry(db, ctx->term.data, ctx->term.len, file.data, ctx->doc, a->id,
                            a->path, a->line);
    izde__buf_free(&file);
    if (rc != IZDE_OK)
        return rc;
    char stamp[IZDE_RUN_STAMP_MAX];
    if ((rc = izde__run_stamp(db, a->id, ctx->term.data, ctx->term.len, stamp)) != IZDE_OK)
        return rc;
    if ((rc = izx_doc_set_value(ctx->doc, IZDE_SLOT_RUN, stamp, strlen(stamp))) != IZX_OK ||
        (rc = izx_doc_add_boolean_term(ctx->doc, ctx->term.data, ctx->term.len)) != IZX_OK ||
        (rc = izx_db_replace_document(db->x, ctx->term.data, ctx->doc, NULL)) != IZX_OK)
        return izde__db_izx_error(db, rc, a->id);
    if (++db->ix.pending >= IZDE_COMMIT_EVERY)
        return izde_db_commit(db);
    return IZDE_OK;
}

/* The story of the article (story.c): its signature, band terms and
 * story, the story id into *story. */
static int add_story(izde_db *db, const izde_article *a, index_ctx *ctx, char **story)
{
    izde_story_sig sig;
    izde__story_sig(ctx->words, ctx->nwords, &sig);
    sig.seq = db->ix.read_seq++;
    if (id_term(&ctx->term, a->id))
        return izde__db_error(db, IZDE_ENOMEM, "out of memory");
    return izde__story_assign(db, ctx->doc, &sig, a->id, ctx->term.data, ctx->term.len, story);
}

int izde_index_article(izde_db *db, const izde_article *a)
{
    int skip, rc = check_article(db, a, &skip);
    if (rc != IZDE_OK || skip)
        return rc;
    article_meta m = {0};
    index_ctx ctx = {0};
    char *story = NULL;
    json_t *jfigs = json_array(), *jment = json_object();
    if ((rc = article_meta_of(db, a, &m)) != IZDE_OK)
        goto done;
    if (izx_doc_new(&ctx.doc) != IZX_OK || !jfigs || !jment) {
        rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
        goto done;
    }
    if ((rc = add_text_terms(db, a, &m, &ctx)) == IZDE_OK &&
        (rc = add_filter_terms(db, a, &m, &ctx, jfigs, jment)) == IZDE_OK &&
        (rc = add_story(db, a, &ctx, &story)) == IZDE_OK &&
        (rc = store_article(db, a, &m, &ctx, jfigs, jment, story)) == IZDE_OK)
        rc = replace_document(db, a, &ctx);
done:
    free(story);
    free(ctx.words);
    json_decref(jfigs);
    json_decref(jment);
    izx_doc_free(ctx.doc);
    izde__buf_free(&ctx.term);
    izde__buf_free(&ctx.comp);
    izde__buf_free(&ctx.comp_orig);
    meta_free(&m);
    return rc;
}
