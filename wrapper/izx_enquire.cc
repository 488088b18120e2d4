/*
 * izx_enquire.cc - running a query (BM25, optional sort by value) and
 * reading the hits: docids, weights, ranks, stored data and values.
 */
#include <new>

#include "izx-private.hh"

/* See izx_enquire(): matches counted exactly beyond the requested page. */
static const unsigned IZX_EXACT_COUNT_UPTO = 1000;

int izx_enquire(izx_mset **out, izx_db *db, const izx_query *q, unsigned offset,
                unsigned maxitems, int sort_slot, int sort_reverse)
{
    return izx_enquire_collapsed(out, db, q, offset, maxitems, sort_slot, sort_reverse, -1);
}

unsigned izx_mset_collapse_count(const izx_mset *m, unsigned i)
{
    if (!m || i >= m->mset.size())
        return 0;
    try {
        return m->mset[i].get_collapse_count();
    } catch (...) {
        return 0;
    }
}

/* By the value in `slot`, relevance breaking ties, documents without a
 * value last: descending, an empty value is the least anyway; ascending,
 * a key maker gives it the slot's upper bound followed by "~", above
 * every value.  Xapian's remote backend takes no key maker (get_mset()
 * throws UnimplementedError): `plain` then sorts by the value alone. */
static void sort_empty_last(Xapian::Enquire &enquire, Xapian::Database &db,
                            Xapian::valueno slot, bool reverse, bool plain)
{
    if (reverse || plain) {
        enquire.set_sort_by_value_then_relevance(slot, reverse);
        return;
    }
    Xapian::MultiValueKeyMaker *keys = new Xapian::MultiValueKeyMaker();
    keys->add_value(slot, false, db.get_value_upper_bound(slot) + "~");
    enquire.set_sort_by_key_then_relevance(keys->release(), false);
}

int izx_enquire_collapsed(izx_mset **out, izx_db *db, const izx_query *q, unsigned offset,
                          unsigned maxitems, int sort_slot, int sort_reverse, int collapse_slot)
{
    if (out)
        *out = nullptr;
    if (!db)
        return IZX_EINVAL;
    if (!out || !q) {
        izx::set_msg(db->errmsg, "izx_enquire: NULL argument");
        return IZX_EINVAL;
    }
    izx_mset *m = nullptr;
    try {
        m = new izx_mset();
        for (bool plain = false;; plain = true) {
            Xapian::Enquire enquire(*db->db);
            enquire.set_weighting_scheme(Xapian::BM25Weight());
            enquire.set_query(q->q);
            if (db->time_limit > 0)
                enquire.set_time_limit(db->time_limit);
            if (sort_slot >= 0)
                sort_empty_last(enquire, *db->db, static_cast<Xapian::valueno>(sort_slot),
                                sort_reverse != 0, plain);
            else if (sort_slot < -1)
                enquire.set_sort_by_relevance_then_value(static_cast<Xapian::valueno>(-sort_slot - 2),
                                                         false);
            if (collapse_slot >= 0)
                enquire.set_collapse_key(static_cast<Xapian::valueno>(collapse_slot));
            /* Count exactly up to this many matches, so "about N" is exact for
             * all but large result sets (Xapian's default checks only the page). */
            const Xapian::doccount check_at_least = offset + maxitems + IZX_EXACT_COUNT_UPTO;
            try {
                m->mset = enquire.get_mset(offset, maxitems, check_at_least);
                break;
            } catch (const Xapian::UnimplementedError &) {
                if (plain || sort_slot < 0)
                    throw;
            }
        }
        *out = m;
        return IZX_OK;
    } catch (...) {
        delete m;
        return izx::status_from_exception(db->errmsg, izx::CTX_QUERY);
    }
}

void izx_mset_free(izx_mset *m)
{
    delete m;
}

unsigned izx_mset_size(const izx_mset *m)
{
    return m ? m->mset.size() : 0;
}

unsigned izx_mset_matches_estimated(const izx_mset *m)
{
    return m ? m->mset.get_matches_estimated() : 0;
}

unsigned izx_mset_matches_lower_bound(const izx_mset *m)
{
    return m ? m->mset.get_matches_lower_bound() : 0;
}

unsigned izx_mset_matches_upper_bound(const izx_mset *m)
{
    return m ? m->mset.get_matches_upper_bound() : 0;
}

unsigned izx_mset_uncollapsed_estimated(const izx_mset *m)
{
    return m ? m->mset.get_uncollapsed_matches_estimated() : 0;
}

int izx_mset_counts_exact(const izx_mset *m)
{
    return m && m->mset.get_uncollapsed_matches_lower_bound() ==
                    m->mset.get_uncollapsed_matches_upper_bound() &&
           m->mset.get_matches_lower_bound() == m->mset.get_matches_upper_bound();
}

/* Hit accessors below return 0 for a NULL mset or an index out of range;
 * they only read what get_mset() already holds, so they cannot throw in
 * practice, but stay guarded anyway. */

unsigned izx_mset_docid(const izx_mset *m, unsigned i)
{
    if (!m || i >= m->mset.size())
        return 0;
    try {
        return *m->mset[i];
    } catch (...) {
        return 0;
    }
}

double izx_mset_weight(const izx_mset *m, unsigned i)
{
    if (!m || i >= m->mset.size())
        return 0.0;
    try {
        return m->mset[i].get_weight();
    } catch (...) {
        return 0.0;
    }
}

unsigned izx_mset_rank(const izx_mset *m, unsigned i)
{
    if (!m || i >= m->mset.size())
        return 0;
    try {
        return m->mset[i].get_rank();
    } catch (...) {
        return 0;
    }
}

/* Check the arguments of izx_mset_data()/izx_mset_value(). */
static int check_hit(izx_mset *m, unsigned i, const void *p1, const void *p2, const char *fn)
{
    if (!m)
        return IZX_EINVAL;
    if (!p1 || !p2) {
        izx::set_msg(m->errmsg, std::string(fn) + ": NULL argument");
        return IZX_EINVAL;
    }
    if (i >= m->mset.size()) {
        izx::set_msg(m->errmsg, std::string(fn) + ": hit " + std::to_string(i) +
                                    " out of range (size " +
                                    std::to_string(m->mset.size()) + ")");
        return IZX_EINVAL;
    }
    return IZX_OK;
}

int izx_mset_data(izx_mset *m, unsigned i, const char **data, size_t *len)
{
    if (!m)
        return IZX_EINVAL;
    IZX_TRY
        int st = check_hit(m, i, data, len, "izx_mset_data");
        if (st != IZX_OK)
            return st;
        auto it = m->data.find(i);
        if (it == m->data.end())
            it = m->data.emplace(i, m->mset[i].get_document().get_data()).first;
        *data = it->second.c_str();
        *len = it->second.size();
        return IZX_OK;
    IZX_CATCH(m->errmsg)
}

int izx_mset_value(izx_mset *m, unsigned i, unsigned slot, const char **value, size_t *len)
{
    if (!m)
        return IZX_EINVAL;
    IZX_TRY
        int st = check_hit(m, i, value, len, "izx_mset_value");
        if (st != IZX_OK)
            return st;
        auto key = std::make_pair(i, slot);
        auto it = m->values.find(key);
        if (it == m->values.end())
            it = m->values.emplace(key, m->mset[i].get_document().get_value(slot)).first;
        *value = it->second.c_str();
        *len = it->second.size();
        return IZX_OK;
    IZX_CATCH(m->errmsg)
}

const char *izx_mset_errmsg(const izx_mset *m)
{
    return m ? m->errmsg.c_str() : "";
}

int izx_enquire_value_counts(izx_db *db, const izx_query *q, unsigned slot, izx_value_count_fn fn,
                             void *ctx, unsigned *matches_out)
{
    if (!db || !q || !fn)
        return IZX_EINVAL;
    if (matches_out)
        *matches_out = 0;
    IZX_TRY
        Xapian::Enquire enquire(*db->db);
        enquire.set_query(q->q);
        /* counting only: no weights, so no document length per match */
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        if (db->time_limit > 0)
            enquire.set_time_limit(db->time_limit);
        Xapian::ValueCountMatchSpy spy(slot);
        enquire.add_matchspy(&spy);
        /* no hits wanted; check every match so the counts are exact */
        Xapian::MSet m = enquire.get_mset(0, 0, db->db->get_doccount());
        for (Xapian::TermIterator it = spy.values_begin(); it != spy.values_end(); ++it) {
            const std::string v = *it;
            if (fn(ctx, v.data(), v.size(), it.get_termfreq()) != 0)
                break;
        }
        if (matches_out)
            *matches_out = m.get_matches_estimated();
        return IZX_OK;
    IZX_CATCH_QUERY(db->errmsg)
}

int izx_count(izx_db *db, const izx_query *q, unsigned *out)
{
    if (!db || !q || !out)
        return IZX_EINVAL;
    *out = 0;
    IZX_TRY
        Xapian::Enquire enquire(*db->db);
        enquire.set_query(q->q);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        if (db->time_limit > 0)
            enquire.set_time_limit(db->time_limit);
        *out = enquire.get_mset(0, 0, db->db->get_doccount()).get_matches_estimated();
        return IZX_OK;
    IZX_CATCH_QUERY(db->errmsg)
}

namespace {
/* Expand terms with a prefix only. */
struct PrefixDecider : Xapian::ExpandDecider {
    std::string prefix;
    bool operator()(const std::string &term) const override
    {
        return term.compare(0, prefix.size(), prefix) == 0;
    }
};
} // namespace

int izx_db_expand_terms(izx_db *db, unsigned docid, const char *prefix, unsigned max,
                        izx_eterm_fn fn, void *ctx)
{
    if (!db || !prefix || !fn || docid == 0)
        return IZX_EINVAL;
    IZX_TRY
        Xapian::Enquire enquire(*db->db);
        Xapian::RSet rset;
        rset.add_document(docid);
        PrefixDecider decider;
        decider.prefix = prefix;
        Xapian::ESet eset = enquire.get_eset(max, rset, &decider);
        for (Xapian::ESetIterator it = eset.begin(); it != eset.end(); ++it) {
            const std::string t = *it;
            if (fn(ctx, t.data(), t.size(), it.get_weight()) != 0)
                break;
        }
        return IZX_OK;
    IZX_CATCH(db->errmsg)
}
