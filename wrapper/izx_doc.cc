/*
 * izx_doc.cc - building documents: positional and plain terms, boolean
 * (filter) terms, value slots and stored data; and changing a stored one
 * (izx_db_doc_open()).
 */
#include "izx-private.hh"

bool izx::has_term(Xapian::Document &doc, const std::string &t)
{
    Xapian::TermIterator it = doc.termlist_begin();
    it.skip_to(t);
    return it != doc.termlist_end() && *it == t;
}

int izx_doc_new(izx_doc **out)
{
    if (!out)
        return IZX_EINVAL;
    *out = nullptr;
    try {
        *out = new izx_doc();
        return IZX_OK;
    } catch (...) {
        return IZX_ENOMEM;
    }
}

void izx_doc_free(izx_doc *doc)
{
    delete doc;
}

const char *izx_doc_errmsg(const izx_doc *doc)
{
    return doc ? doc->errmsg.c_str() : "";
}

int izx_doc_add_posting(izx_doc *doc, const char *term, size_t len, unsigned pos, unsigned wdfinc)
{
    if (!doc || !izx::valid_bytes(term, len))
        return IZX_EINVAL;
    IZX_TRY
        doc->doc.add_posting(izx::bytes(term, len), pos, wdfinc);
        return IZX_OK;
    IZX_CATCH(doc->errmsg)
}

int izx_doc_add_term(izx_doc *doc, const char *term, size_t len, unsigned wdfinc)
{
    if (!doc || !izx::valid_bytes(term, len))
        return IZX_EINVAL;
    IZX_TRY
        doc->doc.add_term(izx::bytes(term, len), wdfinc);
        return IZX_OK;
    IZX_CATCH(doc->errmsg)
}

int izx_doc_add_boolean_term(izx_doc *doc, const char *term, size_t len)
{
    if (!doc || !izx::valid_bytes(term, len))
        return IZX_EINVAL;
    IZX_TRY
        doc->doc.add_boolean_term(izx::bytes(term, len));
        return IZX_OK;
    IZX_CATCH(doc->errmsg)
}

int izx_doc_set_value(izx_doc *doc, unsigned slot, const char *value, size_t len)
{
    if (!doc || !izx::valid_bytes(value, len))
        return IZX_EINVAL;
    IZX_TRY
        /* An empty value removes the slot, as in Xapian. */
        doc->doc.add_value(slot, izx::bytes(value, len));
        return IZX_OK;
    IZX_CATCH(doc->errmsg)
}

int izx_doc_set_data(izx_doc *doc, const char *data, size_t len)
{
    if (!doc || !izx::valid_bytes(data, len))
        return IZX_EINVAL;
    IZX_TRY
        doc->doc.set_data(izx::bytes(data, len));
        return IZX_OK;
    IZX_CATCH(doc->errmsg)
}

int izx_doc_get_value(izx_doc *doc, unsigned slot, char **out, size_t *out_len)
{
    if (!doc || !out)
        return IZX_EINVAL;
    *out = nullptr;
    if (out_len)
        *out_len = 0;
    IZX_TRY
        const std::string v = doc->doc.get_value(slot);
        char *p = izx::dup_bytes(v.data(), v.size());
        if (!p)
            return IZX_ENOMEM;
        *out = p;
        if (out_len)
            *out_len = v.size();
        return IZX_OK;
    IZX_CATCH(doc->errmsg)
}

int izx_doc_remove_term(izx_doc *doc, const char *term, size_t len)
{
    if (!doc || !izx::valid_bytes(term, len) || len == 0)
        return IZX_EINVAL;
    IZX_TRY
        const std::string t = izx::bytes(term, len);
        if (izx::has_term(doc->doc, t))
            doc->doc.remove_term(t);
        return IZX_OK;
    IZX_CATCH(doc->errmsg)
}
