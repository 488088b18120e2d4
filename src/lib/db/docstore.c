/*
 * docstore.c - how an article is stored in the index and read back
 * (index/SCHEMA.md, "Stored article").  Two parts, so that a result list
 * costs almost nothing to read:
 *   - value slot 1: its metadata, a small JSON object (id, path, url,
 *     title, source, date, lang, charset), uncompressed;
 *   - the document data: a JSON object with its figures, the dates it
 *     mentions and any extra input fields, a newline, then the clean text
 *     as plain UTF-8 (no JSON string to parse; Xapian compresses it).
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "izde-private.h"
#include "docstore.h"
#include "figures.h"
#include "excerpt.h"

int izde__doc_store(izx_doc *doc, json_t *meta, json_t *body, const char *text, size_t len)
{
    char *m = json_dumps(meta, JSON_COMPACT);
    char *b = json_dumps(body, JSON_COMPACT);
    size_t blen = b ? strlen(b) : 0;
    char *data = b ? malloc(blen + 1 + len) : NULL;
    int rc = IZDE_ENOMEM;
    if (m && data) {
        memcpy(data, b, blen);
        data[blen] = '\n';
        memcpy(data + blen + 1, text, len);
        rc = izx_doc_set_value(doc, IZDE_SLOT_META, m, strlen(m)) == IZX_OK &&
                     izx_doc_set_data(doc, data, blen + 1 + len) == IZX_OK
                 ? IZDE_OK
                 : IZDE_EBACKEND;
    }
    free(m);
    free(b);
    free(data);
    return rc;
}

/* Parse `len` bytes of JSON that must be an object; NULL if not. */
static json_t *load_object(const char *s, size_t len, const char **why)
{
    json_error_t err;
    json_t *o = json_loadb(s, len, 0, &err);
    if (!json_is_object(o)) {
        json_decref(o);
        *why = "unreadable JSON";
        return NULL;
    }
    return o;
}

int izde__doc_read(izx_mset *m, unsigned i, int parts, izde_stored *out)
{
    memset(out, 0, sizeof *out);
    const char *v;
    size_t vlen;
    int x = izx_mset_value(m, i, IZDE_SLOT_META, &v, &vlen);
    if (x != IZX_OK)
        return x;
    const char *why = NULL;
    if (vlen == 0 || !(out->doc = load_object(v, vlen, &why))) {
        out->why = vlen ? "unreadable metadata" : "no metadata";
        return IZX_ECORRUPT;
    }
    if (!json_is_string(json_object_get(out->doc, "id"))) {
        out->why = "no id";
        return IZX_ECORRUPT;
    }
    if (!(parts & (IZDE_DOC_BODY | IZDE_DOC_BODY_RAW)))
        return IZX_OK;
    if ((x = izx_mset_data(m, i, &out->raw, &out->raw_len)) != IZX_OK)
        return x;
    return parts & IZDE_DOC_BODY ? izde__doc_parse_body(out, parts) : IZX_OK;
}

/* A string member of document `docid`'s stored metadata, malloc'd. */
static char *stored_member(izx_db *x, unsigned docid, const char *key)
{
    char *v = NULL;
    size_t len = 0;
    if (izx_db_get_value(x, docid, IZDE_SLOT_META, &v, &len) != IZX_OK || !v) {
        izx_free(v);
        return NULL;
    }
    const char *why = NULL;
    json_t *meta = len ? load_object(v, len, &why) : NULL;
    const char *s = json_string_value(json_object_get(meta, key));
    char *out = s ? strdup(s) : NULL;
    json_decref(meta);
    izx_free(v);
    return out;
}

char *izde__doc_stored_path(izx_db *x, unsigned docid)
{
    return stored_member(x, docid, "path");
}

/* The id from metadata that starts {"id":"... (docstore writes it first):
 * the string read without parsing the rest; NULL if it does not start so. */
static char *leading_id(const char *v, size_t len)
{
    static const char lead[] = "{\"id\":\"";
    size_t n = sizeof lead - 1, i = n;
    int escaped = 0;
    if (len < n || memcmp(v, lead, n) != 0)
        return NULL;
    while (i < len && v[i] != '"') {
        if (v[i] == '\\') {
            escaped = 1;
            i++;
        }
        i++;
    }
    if (i >= len)
        return NULL;
    if (!escaped)
        return strndup(v + n, i - n);
    json_t *s = json_loadb(v + n - 1, i - n + 2, JSON_DECODE_ANY, NULL);
    char *out = json_is_string(s) ? strdup(json_string_value(s)) : NULL;
    json_decref(s);
    return out;
}

char *izde__doc_stored_id(izx_db *x, unsigned docid)
{
    char *v = NULL;
    size_t len = 0;
    if (izx_db_get_value(x, docid, IZDE_SLOT_META, &v, &len) != IZX_OK || !v) {
        izx_free(v);
        return NULL;
    }
    char *id = leading_id(v, len);
    izx_free(v);
    return id ? id : stored_member(x, docid, "id");
}

unsigned long izde__doc_stored_line(izx_db *x, unsigned docid)
{
    char *v = NULL;
    size_t len = 0;
    if (izx_db_get_value(x, docid, IZDE_SLOT_META, &v, &len) != IZX_OK || !v) {
        izx_free(v);
        return 0;
    }
    const char *why = NULL;
    json_t *meta = len ? load_object(v, len, &why) : NULL;
    json_int_t n = json_integer_value(json_object_get(meta, "line"));
    json_decref(meta);
    izx_free(v);
    return n > 0 ? (unsigned long)n : 0;
}

int izde__doc_set_story(izx_doc *doc, const char *story)
{
    char *v = NULL;
    size_t len = 0;
    int rc = izx_doc_get_value(doc, IZDE_SLOT_META, &v, &len);
    const char *why = NULL;
    json_t *meta = rc == IZX_OK && len ? load_object(v, len, &why) : NULL;
    izx_free(v);
    if (rc != IZX_OK)
        return rc;
    if (!meta)
        return IZX_ECORRUPT;
    json_object_set_new(meta, "story", json_string(story));
    char *m = json_dumps(meta, JSON_COMPACT);
    json_decref(meta);
    rc = m ? izx_doc_set_value(doc, IZDE_SLOT_META, m, strlen(m)) : IZX_ENOMEM;
    free(m);
    return rc;
}

int izde__doc_parse_body(izde_stored *out, int parts)
{
    const char *why = NULL, *data = out->raw;
    size_t dlen = out->raw_len;
    const char *nl = data ? memchr(data, '\n', dlen) : NULL;
    json_t *body = nl ? load_object(data, (size_t)(nl - data), &why) : NULL;
    if (!body) {
        out->why = nl ? "unreadable data" : "no text";
        return IZX_ECORRUPT;
    }
    json_object_update(out->doc, body);
    json_decref(body);
    out->text = nl + 1;
    out->text_len = dlen - (size_t)(nl + 1 - data);
    if (parts & IZDE_DOC_TEXT_FIELD) {
        json_t *t = json_stringn(out->text, out->text_len);
        if (!t) {
            out->why = "text is not UTF-8";
            return IZX_ECORRUPT;
        }
        json_object_set_new(out->doc, "text", t);
    }
    return IZX_OK;
}

void izde__stored_clear(izde_stored *s)
{
    json_decref(s->doc);
    memset(s, 0, sizeof *s);
}

/* ---- the stored form of a figure ---------------------------------------- */

json_t *izde__figure_json(const izde_figure *f, const char *text, int stored)
{
    json_t *o = json_object();
    json_object_set_new(o, "value", json_real(f->value));
    json_object_set_new(o, "high", json_real(f->high));
    json_object_set_new(o, "qualifier", json_string(izde__qualifier_name(f->qualifier)));
    json_object_set_new(o, "kind", json_string(izde__figure_kind_name(f->kind)));
    json_object_set_new(o, "unit", f->unit ? json_string(f->unit) : json_null());
    json_object_set_new(o, "noun", f->noun ? json_string(f->noun) : json_null());
    json_object_set_new(o, "noun_stem", f->noun_stem ? json_string(f->noun_stem) : json_null());
    json_object_set_new(o, "key", f->key ? json_string(f->key) : json_null());
    json_object_set_new(o, "label", f->label ? json_string(f->label) : json_null());
    if (!stored) {
        json_t *t = json_stringn(text + f->start, f->end - f->start);
        json_object_set_new(o, "text", t ? t : json_null());
    }
    json_object_set_new(o, "start", json_integer((json_int_t)f->start));
    json_object_set_new(o, "end", json_integer((json_int_t)f->end));
    if (stored) {
        json_object_set_new(o, "sentence_start", json_integer((json_int_t)f->sent_start));
        json_object_set_new(o, "sentence_end", json_integer((json_int_t)f->sent_end));
    } else {
        size_t n = 0;
        char *cut = izde__sentence_excerpt(text, f->sent_end, f->sent_start, f->sent_end,
                                           f->start, f->end, &n);
        json_t *sn = cut ? json_stringn(cut, n) : NULL;
        free(cut);
        json_object_set_new(o, "sentence", sn ? sn : json_null());
    }
    return o;
}

int izde__figure_json_kind(json_t *fig)
{
    return izde__figure_kind_of(json_string_value(json_object_get(fig, "kind")));
}

/* A [start, end) slice of `text` as a JSON string, or null when out of range. */
static json_t *slice(const char *text, size_t tlen, json_t *start, json_t *end)
{
    json_int_t b = json_integer_value(start), e = json_integer_value(end);
    if (!json_is_integer(start) || !json_is_integer(end) || b < 0 || e < b || (size_t)e > tlen)
        return json_null();
    json_t *s = json_stringn(text + b, (size_t)(e - b));
    return s ? s : json_null();
}

/* An offset member that fits a text of tlen bytes, else -1. */
static long long offset_of(json_t *fig, const char *key, size_t tlen)
{
    json_t *v = json_object_get(fig, key);
    json_int_t n = json_integer_value(v);
    return json_is_integer(v) && n >= 0 && (size_t)n <= tlen ? (long long)n : -1;
}

/* The figure's sentence as shown (excerpt.c), or null. */
static json_t *sentence_of(json_t *fig, const char *text, size_t tlen)
{
    long long sb = offset_of(fig, "sentence_start", tlen), se = offset_of(fig, "sentence_end", tlen);
    long long b = offset_of(fig, "start", tlen), e = offset_of(fig, "end", tlen);
    if (!text || sb < 0 || se < sb)
        return json_null();
    size_t n = 0;
    char *s = izde__sentence_excerpt(text, tlen, (size_t)sb, (size_t)se, b < 0 ? (size_t)sb : (size_t)b,
                                     e < 0 ? (size_t)sb : (size_t)e, &n);
    json_t *j = s ? json_stringn(s, n) : NULL;
    free(s);
    return j ? j : json_null();
}

void izde__figure_expand(json_t *fig, const char *text, size_t tlen)
{
    if (json_object_get(fig, "text"))
        return;
    json_object_set_new(fig, "text", text ? slice(text, tlen, json_object_get(fig, "start"),
                                                  json_object_get(fig, "end"))
                                          : json_null());
    json_object_set_new(fig, "sentence", sentence_of(fig, text, tlen));
}
