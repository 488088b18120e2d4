/*
 * izx_query.cc - query constructors: terms, combinations, value ranges,
 * wildcards, match-all/nothing, weight scaling.  Each returns a new
 * izx_query holding a Xapian::Query by value.
 */
#include <cstring>
#include <new>
#include <vector>

#include "izx-private.hh"

/* Wrap `q` in a new handle for `*out`. */
static int give_query(izx_query **out, const Xapian::Query &q)
{
    *out = new izx_query{q};
    return IZX_OK;
}

/* Start of every constructor: clear the outputs, reject a NULL `out`. */
#define BEGIN_CTOR(out, errmsg_out, fn)                                     \
    do {                                                                    \
        if (errmsg_out)                                                     \
            *(errmsg_out) = nullptr;                                        \
        if (!(out)) {                                                       \
            izx::give_errmsg((errmsg_out), fn ": out is NULL");             \
            return IZX_EINVAL;                                              \
        }                                                                   \
        *(out) = nullptr;                                                   \
    } while (0)

int izx_query_term(izx_query **out, const char *term, size_t len, unsigned wqf, char **errmsg_out)
{
    BEGIN_CTOR(out, errmsg_out, "izx_query_term");
    /* Xapian reads an empty term as "match everything": refuse it, so an
     * empty token never turns a search into match-all by accident. */
    if (!term || len == 0) {
        izx::give_errmsg(errmsg_out, "izx_query_term: empty term");
        return IZX_EINVAL;
    }
    IZX_TRY
        return give_query(out, Xapian::Query(std::string(term, len), wqf));
    IZX_CATCH_OUT(errmsg_out)
}

int izx_query_combine(izx_query **out, izx_op op, izx_query *const *subs, size_t n,
                      unsigned window, char **errmsg_out)
{
    BEGIN_CTOR(out, errmsg_out, "izx_query_combine");
    if (!subs && n > 0) {
        izx::give_errmsg(errmsg_out, "izx_query_combine: subs is NULL");
        return IZX_EINVAL;
    }
    Xapian::Query::op xop;
    switch (op) {
    case IZX_OP_AND: xop = Xapian::Query::OP_AND; break;
    case IZX_OP_OR: xop = Xapian::Query::OP_OR; break;
    case IZX_OP_AND_NOT: xop = Xapian::Query::OP_AND_NOT; break;
    case IZX_OP_FILTER: xop = Xapian::Query::OP_FILTER; break;
    case IZX_OP_AND_MAYBE: xop = Xapian::Query::OP_AND_MAYBE; break;
    case IZX_OP_SYNONYM: xop = Xapian::Query::OP_SYNONYM; break;
    case IZX_OP_PHRASE: xop = Xapian::Query::OP_PHRASE; break;
    case IZX_OP_NEAR: xop = Xapian::Query::OP_NEAR; break;
    default:
        izx::give_errmsg(errmsg_out, "izx_query_combine: invalid operator");
        return IZX_EINVAL;
    }
    for (size_t i = 0; i < n; i++) {
        if (!subs[i]) {
            izx::give_errmsg(errmsg_out, "izx_query_combine: NULL subquery");
            return IZX_EINVAL;
        }
    }
    IZX_TRY
        std::vector<Xapian::Query> v;
        v.reserve(n);
        for (size_t i = 0; i < n; i++)
            v.push_back(subs[i]->q);
        /* PHRASE/NEAR: a window of 0 means the number of subqueries.
         * Other operators take no window: it is ignored. */
        Xapian::termcount w = 0;
        if (op == IZX_OP_PHRASE || op == IZX_OP_NEAR)
            w = window ? window : static_cast<Xapian::termcount>(n);
        return give_query(out, Xapian::Query(xop, v.begin(), v.end(), w));
    IZX_CATCH_OUT(errmsg_out)
}

int izx_query_value_range(izx_query **out, unsigned slot, const char *lo, const char *hi,
                          char **errmsg_out)
{
    BEGIN_CTOR(out, errmsg_out, "izx_query_value_range");
    IZX_TRY
        /* Xapian turns VALUE_GE "" into match-all, documents without the
         * value included; "\0" is the smallest non-empty value, so an open
         * lower end matches only documents that have a value in `slot`. */
        const std::string least("\0", 1);
        bool no_lo = !lo || !*lo;
        if (no_lo && !hi)
            return give_query(out, Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, least));
        if (no_lo)
            return give_query(out, Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, hi));
        if (!hi)
            return give_query(out, Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, lo));
        return give_query(out, Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi));
    IZX_CATCH_OUT(errmsg_out)
}

int izx_query_wildcard(izx_query **out, const char *prefix, unsigned max_expansion,
                       char **errmsg_out)
{
    BEGIN_CTOR(out, errmsg_out, "izx_query_wildcard");
    if (!prefix) {
        izx::give_errmsg(errmsg_out, "izx_query_wildcard: prefix is NULL");
        return IZX_EINVAL;
    }
    IZX_TRY
        /* max_expansion 0 is "no limit" for Xapian too. */
        return give_query(out, Xapian::Query(Xapian::Query::OP_WILDCARD, prefix, max_expansion,
                                             Xapian::Query::WILDCARD_LIMIT_ERROR));
    IZX_CATCH_OUT(errmsg_out)
}

int izx_query_match_all(izx_query **out, char **errmsg_out)
{
    BEGIN_CTOR(out, errmsg_out, "izx_query_match_all");
    IZX_TRY
        return give_query(out, Xapian::Query::MatchAll);
    IZX_CATCH_OUT(errmsg_out)
}

int izx_query_match_nothing(izx_query **out, char **errmsg_out)
{
    BEGIN_CTOR(out, errmsg_out, "izx_query_match_nothing");
    IZX_TRY
        return give_query(out, Xapian::Query::MatchNothing);
    IZX_CATCH_OUT(errmsg_out)
}

int izx_query_scale(izx_query **out, const izx_query *q, double factor, char **errmsg_out)
{
    BEGIN_CTOR(out, errmsg_out, "izx_query_scale");
    if (!q) {
        izx::give_errmsg(errmsg_out, "izx_query_scale: q is NULL");
        return IZX_EINVAL;
    }
    IZX_TRY
        return give_query(out, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q->q, factor));
    IZX_CATCH_OUT(errmsg_out)
}

int izx_query_describe(const izx_query *q, char **out)
{
    if (!q || !out)
        return IZX_EINVAL;
    *out = nullptr;
    try {
        std::string d = q->q.get_description();
        *out = izx::dup_bytes(d.data(), d.size());
        return *out ? IZX_OK : IZX_ENOMEM;
    } catch (...) {
        std::string ignored; /* no handle to keep a message on */
        return izx::status_from_exception(ignored, izx::CTX_DEFAULT);
    }
}

void izx_query_free(izx_query *q)
{
    delete q;
}
