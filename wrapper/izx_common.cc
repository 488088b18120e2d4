/*
 * izx_common.cc - pieces shared by the whole shim: status names,
 * izx_free(), and the mapping from C++ exceptions to izx_status codes.
 */
#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>

#include "izx-private.hh"

static const char OOM[] = "out of memory"; /* short enough to never allocate */

const char *izx_status_name(int status)
{
    switch (status) {
    case IZX_OK: return "IZX_OK";
    case IZX_ENOMEM: return "IZX_ENOMEM";
    case IZX_EINVAL: return "IZX_EINVAL";
    case IZX_ENOTFOUND: return "IZX_ENOTFOUND";
    case IZX_ELOCKED: return "IZX_ELOCKED";
    case IZX_ECORRUPT: return "IZX_ECORRUPT";
    case IZX_EVERSION: return "IZX_EVERSION";
    case IZX_EMODIFIED: return "IZX_EMODIFIED";
    case IZX_EQUERY: return "IZX_EQUERY";
    case IZX_EDOCNOTFOUND: return "IZX_EDOCNOTFOUND";
    case IZX_EIO: return "IZX_EIO";
    case IZX_ENETWORK: return "IZX_ENETWORK";
    case IZX_ETIMEOUT: return "IZX_ETIMEOUT";
    case IZX_EBACKEND: return "IZX_EBACKEND";
    case IZX_EUNKNOWN: return "IZX_EUNKNOWN";
    }
    return "IZX_E?";
}

void izx_free(void *p)
{
    std::free(p);
}

namespace izx {

void set_msg(std::string &dst, const char *s) noexcept
{
    try {
        dst.assign(s ? s : "");
    } catch (...) {
        dst.clear();
        dst.assign(OOM); /* fits the small-string buffer: cannot throw */
    }
}

void set_msg(std::string &dst, const std::string &s) noexcept
{
    set_msg(dst, s.c_str());
}

char *dup_bytes(const char *p, size_t len) noexcept
{
    char *r = static_cast<char *>(std::malloc(len + 1));
    if (!r)
        return nullptr;
    if (len)
        std::memcpy(r, p, len);
    r[len] = '\0';
    return r;
}

void give_errmsg(char **errmsg_out, const char *msg) noexcept
{
    if (errmsg_out)
        *errmsg_out = dup_bytes(msg, std::strlen(msg));
}

void give_errmsg(char **errmsg_out, const std::string &msg) noexcept
{
    if (errmsg_out)
        *errmsg_out = dup_bytes(msg.data(), msg.size());
}

/* Most derived classes first: DatabaseNotFoundError and DatabaseVersionError
 * are DatabaseOpeningErrors, which are DatabaseErrors, which are
 * Xapian::Errors. */
int status_from_exception(std::string &msg, context ctx) noexcept
{
    try {
        try {
            throw;
        } catch (const Xapian::DatabaseLockError &e) {
            set_msg(msg, e.get_description());
            return IZX_ELOCKED;
        } catch (const Xapian::DatabaseNotFoundError &e) {
            set_msg(msg, e.get_description());
            return IZX_ENOTFOUND;
        } catch (const Xapian::DatabaseVersionError &e) {
            set_msg(msg, e.get_description());
            return IZX_EVERSION;
        } catch (const Xapian::DatabaseOpeningError &e) {
            /* Exists but is not something Xapian can open (e.g. a file
             * that is not a stub database); izx_db_open() turns this into
             * IZX_ENOTFOUND when the path is missing. */
            set_msg(msg, e.get_description());
            return IZX_ECORRUPT;
        } catch (const Xapian::DatabaseCorruptError &e) {
            set_msg(msg, e.get_description());
            return IZX_ECORRUPT;
        } catch (const Xapian::DatabaseModifiedError &e) {
            set_msg(msg, e.get_description());
            return IZX_EMODIFIED;
        } catch (const Xapian::DatabaseError &e) {
            set_msg(msg, e.get_description());
            return IZX_EIO;
        } catch (const Xapian::DocNotFoundError &e) {
            set_msg(msg, e.get_description());
            return IZX_EDOCNOTFOUND;
        } catch (const Xapian::QueryParserError &e) {
            set_msg(msg, e.get_description());
            return IZX_EQUERY;
        } catch (const Xapian::WildcardError &e) {
            set_msg(msg, e.get_description());
            return IZX_EQUERY;
        } catch (const Xapian::InvalidArgumentError &e) {
            set_msg(msg, e.get_description());
            return IZX_EINVAL;
        } catch (const Xapian::InvalidOperationError &e) {
            set_msg(msg, e.get_description());
            return ctx == CTX_QUERY ? IZX_EQUERY : IZX_EINVAL;
        } catch (const Xapian::NetworkTimeoutError &e) {
            set_msg(msg, e.get_description());
            return IZX_ETIMEOUT;
        } catch (const Xapian::NetworkError &e) {
            set_msg(msg, e.get_description());
            return IZX_ENETWORK;
        } catch (const Xapian::Error &e) {
            set_msg(msg, e.get_description());
            return IZX_EBACKEND;
        } catch (const std::bad_alloc &) {
            set_msg(msg, OOM);
            return IZX_ENOMEM;
        } catch (const std::exception &e) {
            set_msg(msg, e.what());
            return IZX_EUNKNOWN;
        } catch (...) {
            set_msg(msg, "unknown C++ exception");
            return IZX_EUNKNOWN;
        }
    } catch (...) {
        /* get_description() itself ran out of memory. */
        set_msg(msg, OOM);
        return IZX_ENOMEM;
    }
}

} /* namespace izx */
