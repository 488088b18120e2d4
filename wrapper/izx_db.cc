/*
 * izx_db.cc - databases: open/close, commit and transactions, statistics,
 * metadata, and adding, replacing, deleting and reading documents.
 */
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <new>
#include <sstream>
#include <string>

#include "izx-private.hh"

/* Xapian's glass backend refuses terms longer than this (at add time). */
static const size_t MAX_TERM_BYTES = 245;

/* Fail with IZX_EINVAL unless `db` was opened writable. */
static int refuse_readonly(izx_db *db, const char *what)
{
    try {
        izx::set_msg(db->errmsg, std::string(what) + ": database '" + db->path +
                                     "' is open read-only");
    } catch (...) {
        izx::set_msg(db->errmsg, "database is open read-only");
    }
    return IZX_EINVAL;
}

#define REQUIRE_WRITABLE(db, what)                                          \
    do {                                                                    \
        if (!(db)->wdb)                                                     \
            return refuse_readonly((db), (what));                           \
    } while (0)

int izx_db_open(izx_db **out, const char *path, int flags, char **errmsg_out)
{
    if (errmsg_out)
        *errmsg_out = nullptr;
    if (!out) {
        izx::give_errmsg(errmsg_out, "izx_db_open: out is NULL");
        return IZX_EINVAL;
    }
    *out = nullptr;
    if (!path) {
        izx::give_errmsg(errmsg_out, "izx_db_open: path is NULL");
        return IZX_EINVAL;
    }

    int action;
    switch (flags) {
    case IZX_DB_READONLY: action = 0; break;
    case IZX_DB_CREATE_OR_OPEN: action = Xapian::DB_CREATE_OR_OPEN; break;
    case IZX_DB_OPEN: action = Xapian::DB_OPEN; break;
    case IZX_DB_CREATE: action = Xapian::DB_CREATE; break;
    default:
        try {
            izx::give_errmsg(errmsg_out, "izx_db_open: invalid flags " + std::to_string(flags) +
                                             " for '" + path + "'");
        } catch (...) {
            izx::give_errmsg(errmsg_out, "izx_db_open: invalid flags");
        }
        return IZX_EINVAL;
    }

    izx_db *db = nullptr;
    try {
        db = new izx_db();
        db->path = path;
        db->in_transaction = false;
        if (flags == IZX_DB_READONLY) {
            db->db = new Xapian::Database(path);
            db->wdb = nullptr;
        } else {
            db->wdb = new Xapian::WritableDatabase(path, action);
            db->db = db->wdb;
        }
        *out = db;
        return IZX_OK;
    } catch (...) {
        std::string msg;
        int st = izx::status_from_exception(msg, izx::CTX_DEFAULT);
        delete db; /* the Xapian object was never assigned on failure */
        /* Xapian reports some opening failures on a missing path as a
         * plain DatabaseOpeningError: call a missing path missing. */
        struct stat sb;
        if (st == IZX_ECORRUPT && stat(path, &sb) != 0 && errno == ENOENT)
            st = IZX_ENOTFOUND;
        /* Xapian's messages do not always name the path ("Rev file magic
         * incorrect"), so always prefix it. */
        std::string full;
        try {
            full = "cannot open database '" + std::string(path) + "': " + msg;
        } catch (...) {
            full.clear();
        }
        izx::give_errmsg(errmsg_out, full.empty() ? msg : full);
        return st;
    }
}

/* The first line of Xapian's check report that names a problem. */
static std::string first_problem(const std::string &report)
{
    std::istringstream in(report);
    std::string line;
    while (std::getline(in, line))
        if (line.find("rror") != std::string::npos || line.find("orrupt") != std::string::npos ||
            line.find("problem") != std::string::npos)
            return line;
    return "";
}

int izx_db_check(const char *path, unsigned long *errors_out, char **report_out)
{
    *errors_out = 0;
    if (report_out)
        *report_out = nullptr;
    try {
        std::ostringstream report;
        std::string problem;
        try {
            *errors_out = Xapian::Database::check(path, 0, &report);
            problem = first_problem(report.str());
        } catch (const Xapian::Error &e) {
            *errors_out += 1;
            problem = e.get_description();
        }
        if (*errors_out && problem.empty())
            problem = std::to_string(*errors_out) + " problem(s) in the tables";
        if (report_out && *errors_out)
            izx::give_errmsg(report_out, problem);
        return IZX_OK;
    } catch (...) {
        return IZX_ENOMEM;
    }
}

int izx_db_open_remote(izx_db **out, const char *host, unsigned port, unsigned timeout_ms,
                       char **errmsg_out)
{
    if (errmsg_out)
        *errmsg_out = nullptr;
    if (!out || !host || !*host || port == 0 || port > 65535) {
        izx::give_errmsg(errmsg_out, "izx_db_open_remote: no host or a bad port");
        if (out)
            *out = nullptr;
        return IZX_EINVAL;
    }
    *out = nullptr;
    izx_db *db = nullptr;
    try {
        db = new izx_db();
        db->path = "tcp://" + std::string(host) + ":" + std::to_string(port);
        db->in_transaction = false;
        db->wdb = nullptr;
        db->db = new Xapian::Database(
            Xapian::Remote::open(host, port, static_cast<useconds_t>(timeout_ms),
                                 static_cast<useconds_t>(timeout_ms)));
        *out = db;
        return IZX_OK;
    } catch (...) {
        std::string msg;
        int st = izx::status_from_exception(msg, izx::CTX_DEFAULT);
        delete db;
        izx::give_errmsg(errmsg_out, msg);
        return st;
    }
}

int izx_db_combine(izx_db **out, izx_db *const *parts, size_t n, char **errmsg_out)
{
    if (errmsg_out)
        *errmsg_out = nullptr;
    if (out)
        *out = nullptr;
    if (!out || !parts || n == 0) {
        izx::give_errmsg(errmsg_out, "izx_db_combine: no databases");
        return IZX_EINVAL;
    }
    izx_db *db = nullptr;
    try {
        db = new izx_db();
        db->in_transaction = false;
        db->wdb = nullptr;
        db->db = new Xapian::Database();
        for (size_t i = 0; i < n; i++) {
            if (!parts[i] || !parts[i]->db)
                throw Xapian::InvalidArgumentError("izx_db_combine: a part is NULL");
            db->db->add_database(*parts[i]->db);
            db->path += (i ? " + " : "") + parts[i]->path;
        }
        *out = db;
        return IZX_OK;
    } catch (...) {
        std::string msg;
        int st = izx::status_from_exception(msg, izx::CTX_DEFAULT);
        if (db)
            delete db->db;
        delete db;
        izx::give_errmsg(errmsg_out, msg);
        return st;
    }
}

void izx_db_free(izx_db *db)
{
    if (!db)
        return;
    if (db->wdb) {
        /* Xapian's destructor would commit too, but silently: do it here so
         * an open transaction is cancelled rather than committed. */
        try {
            if (db->in_transaction)
                db->wdb->cancel_transaction();
        } catch (...) {
        }
        try {
            db->wdb->commit();
        } catch (...) {
        }
    }
    try {
        if (db->wdb)
            delete db->wdb;
        else
            delete db->db;
    } catch (...) {
    }
    delete db;
}

int izx_db_compact(const char *const *srcs, size_t n, const char *dest, char **errmsg_out)
{
    if (errmsg_out)
        *errmsg_out = nullptr;
    if (!srcs || n == 0 || !dest) {
        izx::give_errmsg(errmsg_out, "izx_db_compact: no sources or no destination");
        return IZX_EINVAL;
    }
    IZX_TRY
        Xapian::Database all;
        for (size_t i = 0; i < n; i++)
            all.add_database(Xapian::Database(srcs[i]));
        all.compact(dest);
        return IZX_OK;
    IZX_CATCH_OUT(errmsg_out)
}

const char *izx_db_errmsg(const izx_db *db)
{
    return db ? db->errmsg.c_str() : "";
}

int izx_db_is_writable(const izx_db *db)
{
    return db && db->wdb ? 1 : 0;
}

int izx_db_commit(izx_db *db)
{
    if (!db)
        return IZX_EINVAL;
    REQUIRE_WRITABLE(db, "izx_db_commit");
    IZX_TRY
        db->wdb->commit();
        return IZX_OK;
    IZX_CATCH(db->errmsg)
}

int izx_db_begin_transaction(izx_db *db, int flushed)
{
    if (!db)
        return IZX_EINVAL;
    REQUIRE_WRITABLE(db, "izx_db_begin_transaction");
    IZX_TRY
        db->wdb->begin_transaction(flushed != 0);
        db->in_transaction = true;
        return IZX_OK;
    IZX_CATCH(db->errmsg)
}

int izx_db_commit_transaction(izx_db *db)
{
    if (!db)
        return IZX_EINVAL;
    REQUIRE_WRITABLE(db, "izx_db_commit_transaction");
    IZX_TRY
        /* Xapian ends the transaction even when committing it fails. */
        db->in_transaction = false;
        db->wdb->commit_transaction();
        return IZX_OK;
    IZX_CATCH(db->errmsg)
}

int izx_db_cancel_transaction(izx_db *db)
{
    if (!db)
        return IZX_EINVAL;
    REQUIRE_WRITABLE(db, "izx_db_cancel_transaction");
    IZX_TRY
        db->in_transaction = false;
        db->wdb->cancel_transaction();
        return IZX_OK;
    IZX_CATCH(db->errmsg)
}

int izx_db_set_time_limit(izx_db *db, double seconds)
{
    if (!db || seconds < 0)
        return IZX_EINVAL;
    db->time_limit = seconds;
    return IZX_OK;
}

int izx_db_reopen(izx_db *db)
{
    if (!db)
        return IZX_EINVAL;
    IZX_TRY
        db->db->reopen();
        return IZX_OK;
    IZX_CATCH(db->errmsg)
}

int izx_db_doccount(izx_db *db, unsigned *out)
{
    if (!db || !out)
        return IZX_EINVAL;
    IZX_TRY
        *out = db->db->get_doccount();
        return IZX_OK;
    IZX_CATCH(db->errmsg)
}

int izx_db_value_freq(izx_db *db, unsigned slot, unsigned *out)
{
    if (!db || !out)
        return IZX_EINVAL;
    IZX_TRY
        *out = db->db->get_value_freq(slot);
        return IZX_OK;
    IZX_CATCH(db->errmsg)
}

int izx_db_termfreq(izx_db *db, const char *term, size_t len, unsigned *out)
{
    if (!db || !out || !izx::valid_bytes(term, len))
        return IZX_EINVAL;
    IZX_TRY
        *out = db->db->get_termfreq(izx::bytes(term, len));
        return IZX_OK;
    IZX_CATCH(db->errmsg)
}

int izx_db_set_metadata(izx_db *db, const char *key, const char *value, size_t len)
{
    if (!db || !key || !izx::valid_bytes(value, len))
        return IZX_EINVAL;
    REQUIRE_WRITABLE(db, "izx_db_set_metadata");
    IZX_TRY
        db->wdb->set_metadata(key, izx::bytes(value, len));
        return IZX_OK;
    IZX_CATCH(db->errmsg)
}

/* v as a malloc'ed copy in *out, its length in *out_len (when not NULL);
 * throws std::bad_alloc, so only inside IZX_TRY. */
static void hand_out(const std::string &v, char **out, size_t *out_len)
{
    char *p = izx::dup_bytes(v.data(), v.size());
    if (!p)
        throw std::bad_alloc();
    *out = p;
    if (out_len)
        *out_len = v.size();
}

int izx_db_get_metadata(izx_db *db, const char *key, char **out, size_t *out_len)
{
    if (!db || !key || !out)
        return IZX_EINVAL;
    *out = nullptr;
    if (out_len)
        *out_len = 0;
    IZX_TRY
        /* Xapian does not store empty values: "" means absent. */
        std::string v = db->db->get_metadata(key);
        if (!v.empty())
            hand_out(v, out, out_len);
        return IZX_OK;
    IZX_CATCH(db->errmsg)
}

/* After Xapian refused a document with InvalidArgumentError: if one of its
 * terms is over the limit, say which and how long it is. */
static void explain_long_term(izx_db *db, const Xapian::Document &doc, const char *what)
{
    try {
        for (Xapian::TermIterator t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            const std::string &term = *t;
            if (term.size() > MAX_TERM_BYTES) {
                char head[64];
                std::snprintf(head, sizeof head, "%.*s", 40, term.c_str());
                izx::set_msg(db->errmsg, std::string(what) + ": term of " +
                                             std::to_string(term.size()) +
                                             " bytes exceeds Xapian's limit of " +
                                             std::to_string(MAX_TERM_BYTES) + " bytes: '" +
                                             head + "...'");
                return;
            }
        }
    } catch (...) {
        /* keep Xapian's message */
    }
}

int izx_db_add_document(izx_db *db, const izx_doc *doc, unsigned *docid_out)
{
    if (!db || !doc)
        return IZX_EINVAL;
    REQUIRE_WRITABLE(db, "izx_db_add_document");
    try {
        Xapian::docid id = db->wdb->add_document(doc->doc);
        if (docid_out)
            *docid_out = id;
        return IZX_OK;
    } catch (const Xapian::InvalidArgumentError &e) {
        izx::set_msg(db->errmsg, e.get_description());
        explain_long_term(db, doc->doc, "izx_db_add_document");
        return IZX_EINVAL;
    } catch (...) {
        return izx::status_from_exception(db->errmsg, izx::CTX_DEFAULT);
    }
}

int izx_db_replace_document(izx_db *db, const char *unique_term, const izx_doc *doc,
                            unsigned *docid_out)
{
    if (!db || !unique_term || !doc)
        return IZX_EINVAL;
    REQUIRE_WRITABLE(db, "izx_db_replace_document");
    try {
        Xapian::docid id = db->wdb->replace_document(unique_term, doc->doc);
        if (docid_out)
            *docid_out = id;
        return IZX_OK;
    } catch (const Xapian::InvalidArgumentError &e) {
        izx::set_msg(db->errmsg, e.get_description());
        explain_long_term(db, doc->doc, "izx_db_replace_document");
        return IZX_EINVAL;
    } catch (...) {
        return izx::status_from_exception(db->errmsg, izx::CTX_DEFAULT);
    }
}

int izx_db_delete_document(izx_db *db, unsigned docid)
{
    if (!db)
        return IZX_EINVAL;
    REQUIRE_WRITABLE(db, "izx_db_delete_document");
    IZX_TRY
        db->wdb->delete_document(docid);
        return IZX_OK;
    IZX_CATCH(db->errmsg)
}

int izx_db_delete_by_term(izx_db *db, const char *unique_term)
{
    if (!db || !unique_term)
        return IZX_EINVAL;
    REQUIRE_WRITABLE(db, "izx_db_delete_by_term");
    IZX_TRY
        db->wdb->delete_document(std::string(unique_term));
        return IZX_OK;
    IZX_CATCH(db->errmsg)
}

int izx_db_get_data(izx_db *db, unsigned docid, char **out, size_t *out_len)
{
    if (!db || !out)
        return IZX_EINVAL;
    *out = nullptr;
    if (out_len)
        *out_len = 0;
    IZX_TRY
        std::string data = db->db->get_document(docid).get_data();
        char *p = izx::dup_bytes(data.data(), data.size());
        if (!p)
            throw std::bad_alloc();
        *out = p;
        if (out_len)
            *out_len = data.size();
        return IZX_OK;
    IZX_CATCH(db->errmsg)
}

int izx_db_allterms(izx_db *db, const char *prefix, izx_term_fn fn, void *ctx)
{
    if (!db || !prefix || !fn)
        return IZX_EINVAL;
    IZX_TRY
        const std::string p(prefix);
        for (Xapian::TermIterator it = db->db->allterms_begin(p); it != db->db->allterms_end(p); ++it) {
            const std::string t = *it;
            if (fn(ctx, t.data(), t.size(), it.get_termfreq()) != 0)
                break;
        }
        return IZX_OK;
    IZX_CATCH(db->errmsg)
}


int izx_db_postlist(izx_db *db, const char *term, size_t len, izx_docid_fn fn, void *ctx)
{
    if (!db || !fn || !izx::valid_bytes(term, len))
        return IZX_EINVAL;
    IZX_TRY
        const std::string t = izx::bytes(term, len);
        for (Xapian::PostingIterator it = db->db->postlist_begin(t); it != db->db->postlist_end(t);
             ++it)
            if (fn(ctx, *it) != 0)
                break;
        return IZX_OK;
    IZX_CATCH(db->errmsg)
}

int izx_db_doc_terms(izx_db *db, unsigned docid, const char *prefix, izx_term_fn fn, void *ctx)
{
    if (!db || !prefix || !fn)
        return IZX_EINVAL;
    IZX_TRY
        const std::string p(prefix);
        Xapian::Document doc = db->db->get_document(docid);
        Xapian::TermIterator it = doc.termlist_begin();
        it.skip_to(p);
        for (; it != doc.termlist_end(); ++it) {
            const std::string t = *it;
            if (t.compare(0, p.size(), p) != 0 || fn(ctx, t.data(), t.size(), 0) != 0)
                break;
        }
        return IZX_OK;
    IZX_CATCH(db->errmsg)
}

int izx_db_doc_set_term(izx_db *db, unsigned docid, const char *term, size_t len, int add)
{
    if (!db || !izx::valid_bytes(term, len) || len == 0)
        return IZX_EINVAL;
    REQUIRE_WRITABLE(db, "izx_db_doc_set_term");
    IZX_TRY
        const std::string t = izx::bytes(term, len);
        Xapian::Document doc = db->wdb->get_document(docid);
        if ((add != 0) == izx::has_term(doc, t))
            return IZX_OK;
        if (add)
            doc.add_boolean_term(t);
        else
            doc.remove_term(t);
        db->wdb->replace_document(docid, doc);
        return IZX_OK;
    IZX_CATCH(db->errmsg)
}

int izx_db_doc_open(izx_db *db, unsigned docid, izx_doc **out)
{
    if (!db || !out || docid == 0)
        return IZX_EINVAL;
    *out = nullptr;
    IZX_TRY
        izx_doc *d = new izx_doc();
        try {
            d->doc = db->db->get_document(docid);
        } catch (...) {
            delete d;
            throw;
        }
        *out = d;
        return IZX_OK;
    IZX_CATCH(db->errmsg)
}

int izx_db_doc_rewrite(izx_db *db, unsigned docid, const izx_doc *doc)
{
    if (!db || !doc || docid == 0)
        return IZX_EINVAL;
    REQUIRE_WRITABLE(db, "izx_db_doc_rewrite");
    IZX_TRY
        db->wdb->replace_document(docid, doc->doc);
        return IZX_OK;
    IZX_CATCH(db->errmsg)
}

int izx_db_get_value(izx_db *db, unsigned docid, unsigned slot, char **out, size_t *out_len)
{
    if (!db || !out)
        return IZX_EINVAL;
    *out = nullptr;
    if (out_len)
        *out_len = 0;
    IZX_TRY
        /* no existence check (a termlist lookup): callers hold docids
         * from postlists; a missing document reads as empty */
        hand_out(db->db->get_document(docid, Xapian::DOC_ASSUME_VALID).get_value(slot), out,
                 out_len);
        return IZX_OK;
    IZX_CATCH(db->errmsg)
}

/* Under AddressSanitizer: Xapian 1.4's Database::check deletes one of its
 * own table cursors through a base class of another size, inside
 * libxapian (allocation and deletion both there), which ASan reports as a
 * new-delete-type-mismatch.  Not izde's code and harmless; every other
 * check stays on. */
#if defined(__SANITIZE_ADDRESS__)
#define IZX_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define IZX_ASAN 1
#endif
#endif
#ifdef IZX_ASAN
extern "C" const char *__asan_default_options(void);
extern "C" const char *__asan_default_options(void)
{
    return "new_delete_type_mismatch=0";
}
#endif

int izx_db_metadata(izx_db *db, const char *prefix, izx_meta_fn fn, void *ctx)
{
    if (!db || !prefix || !fn)
        return IZX_EINVAL;
    IZX_TRY
        for (Xapian::TermIterator it = db->db->metadata_keys_begin(prefix);
             it != db->db->metadata_keys_end(prefix); ++it) {
            const std::string key = *it;
            const std::string value = db->db->get_metadata(key);
            if (fn(ctx, key.data(), key.size(), value.data(), value.size()) != 0)
                break;
        }
        return IZX_OK;
    IZX_CATCH(db->errmsg)
}
