/*
 * izx-private.hh - internals of the Xapian shim: the structs behind the
 * opaque izx_* handles, and the exception-to-status machinery shared by
 * every wrapper/ *.cc file.  Not for C callers.
 *
 * Every public entry point has this shape:
 *
 *     int izx_something(izx_db *db, ...)
 *     {
 *         if (!db) return IZX_EINVAL;
 *         IZX_TRY
 *             ... Xapian calls ...
 *             return IZX_OK;
 *         IZX_CATCH(db->errmsg)
 *     }
 *
 * IZX_CATCH catches everything, maps it to an izx_status and copies the
 * message into the std::string named (owned by the handle), so no C++
 * exception ever crosses into C.
 */
#ifndef IZX_PRIVATE_HH
#define IZX_PRIVATE_HH

#include <xapian.h>

#include <map>
#include <string>
#include <utility>

#include "izx.h"

/* An open database.  `db` is always set; `wdb` points at the same object
 * when it was opened writable (WritableDatabase derives from Database),
 * and is NULL for a read-only handle, which is how writes are refused. */
struct izx_db {
    Xapian::Database *db;          /* the database, read side (owned) */
    Xapian::WritableDatabase *wdb; /* == db when writable, else NULL */
    std::string path;              /* as given to izx_db_open(), for messages */
    std::string errmsg;            /* message of the last failed call */
    bool in_transaction;           /* between begin and commit/cancel */
    double time_limit = 0;         /* seconds the matcher may take (0: no limit) */
};

/* A document being built. */
struct izx_doc {
    Xapian::Document doc; /* the Xapian document (a cheap refcounted handle) */
    std::string errmsg;   /* message of the last failed call */
};

/* An immutable query (Xapian::Query is a refcounted value). */
struct izx_query {
    Xapian::Query q;
};

/* The result of izx_enquire().  Strings handed out by izx_mset_data() and
 * izx_mset_value() live in the caches below; std::map nodes never move, so
 * the pointers stay valid until izx_mset_free(). */
struct izx_mset {
    Xapian::MSet mset;                                      /* the hits */
    std::map<unsigned, std::string> data;                   /* hit index -> document data */
    std::map<std::pair<unsigned, unsigned>, std::string> values; /* (hit, slot) -> value */
    std::string errmsg;                                     /* message of the last failed call */
};

namespace izx {

/* How to read an ambiguous exception: InvalidOperationError is a caller
 * mistake (EINVAL) in general, but a query that cannot run (EQUERY) when
 * it comes out of Enquire. */
enum context { CTX_DEFAULT = 0, CTX_QUERY = 1 };

/* Call only inside a catch handler: rethrows the exception in flight,
 * classifies it and stores its description in `msg`.  Never throws. */
int status_from_exception(std::string &msg, context ctx) noexcept;

/* Assign `s` to `dst`; on allocation failure leave "out of memory". */
void set_msg(std::string &dst, const std::string &s) noexcept;
void set_msg(std::string &dst, const char *s) noexcept;

/* A malloc()ed NUL-terminated copy of `p[0..len)` (NULL if out of memory). */
char *dup_bytes(const char *p, size_t len) noexcept;

/* If `errmsg_out` is not NULL, store a malloc()ed copy of `msg` there. */
void give_errmsg(char **errmsg_out, const std::string &msg) noexcept;
void give_errmsg(char **errmsg_out, const char *msg) noexcept;

/* (term, len) as a string; a NULL term is only valid with len 0. */
inline bool valid_bytes(const char *p, size_t len) noexcept { return p || len == 0; }
inline std::string bytes(const char *p, size_t len) { return p ? std::string(p, len) : std::string(); }

/* Whether `doc` holds term `t` (reads its term list once). */
bool has_term(Xapian::Document &doc, const std::string &t);

} /* namespace izx */

/* Guard for entry points with a handle: the message goes to `msgstr`. */
#define IZX_TRY try {
#define IZX_CATCH(msgstr)                                                   \
    }                                                                       \
    catch (...) {                                                           \
        return izx::status_from_exception((msgstr), izx::CTX_DEFAULT);      \
    }
#define IZX_CATCH_QUERY(msgstr)                                             \
    }                                                                       \
    catch (...) {                                                           \
        return izx::status_from_exception((msgstr), izx::CTX_QUERY);        \
    }
/* Guard for constructors without a handle: the message goes to
 * `*errmsg_out` (when not NULL). */
#define IZX_CATCH_OUT(errmsg_out)                                           \
    }                                                                       \
    catch (...) {                                                           \
        std::string izx_m_;                                                 \
        int izx_st_ = izx::status_from_exception(izx_m_, izx::CTX_DEFAULT); \
        izx::give_errmsg((errmsg_out), izx_m_);                             \
        return izx_st_;                                                     \
    }

#endif /* IZX_PRIVATE_HH */
