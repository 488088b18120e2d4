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
#include <string.h>

#include <jansson.h>

#include "izde-private.h"
#include "docstore.h"
#include "figures.h"

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
    izde__doc_expand_figures(out->doc, out->text, out->text_len);
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
