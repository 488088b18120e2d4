/*
 * test_izx.c - unit tests for the C API over Xapian (wrapper/izx.h):
 * indexing, replace/delete, transactions, metadata, every query kind,
 * ranking, paging, sorting, hit readback, and the error paths (locked,
 * missing, corrupt databases, bad queries, NULL arguments, writes to a
 * read-only handle), each checked for its status code and its message.
 *
 * Set IZX_TEST_VERBOSE=1 to print the error messages as they are checked.
 */
#define _XOPEN_SOURCE 700

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "izx.h"

/* ------------------------------------------------------------------ helpers */

static char g_tmp[4096]; /* per-run temporary directory */
static char g_corpus[4200]; /* read-only test corpus inside it */

/* `g_tmp/name` in a static buffer (one at a time). */
static const char *tmp_path(const char *name)
{
    static char buf[4200];
    snprintf(buf, sizeof buf, "%s/%s", g_tmp, name);
    return buf;
}

static void write_file(const char *path, const char *content)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(content, f);
    assert_int_equal(fclose(f), 0);
}

static int rm_entry(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
    (void)sb;
    (void)type;
    (void)ftw;
    return remove(path);
}

/* Fail unless `msg` contains `frag`; print it when verbose. */
static void assert_msg_has(const char *msg, const char *frag)
{
    assert_non_null(msg);
    if (getenv("IZX_TEST_VERBOSE"))
        print_message("    msg: %s\n", msg);
    if (!strstr(msg, frag)) {
        print_error("message \"%s\" does not contain \"%s\"\n", msg, frag);
        fail();
    }
}

/* Check an izx_db_open() failure: code, NULL handle, message fragments;
 * frees the message. */
static void expect_open_error(const char *path, int flags, int want, const char *frag1,
                              const char *frag2)
{
    izx_db *db = (izx_db *)0x1;
    char *msg = NULL;
    int st = izx_db_open(&db, path, flags, &msg);
    if (st != want)
        print_error("izx_db_open(%s): got %s (%s), want %s\n", path, izx_status_name(st),
                    msg ? msg : "", izx_status_name(want));
    assert_int_equal(st, want);
    assert_null(db);
    assert_msg_has(msg, frag1);
    if (frag2)
        assert_msg_has(msg, frag2);
    izx_free(msg);
}

static izx_db *open_db(const char *path, int flags)
{
    izx_db *db = NULL;
    char *msg = NULL;
    int st = izx_db_open(&db, path, flags, &msg);
    if (st != IZX_OK)
        print_error("izx_db_open(%s): %s: %s\n", path, izx_status_name(st), msg);
    assert_int_equal(st, IZX_OK);
    assert_null(msg);
    assert_non_null(db);
    return db;
}

/* A document of space-separated words at positions 1, 2, ...; `bool_term`,
 * value 0 and data optional (NULL). */
static izx_doc *make_doc(const char *words, const char *bool_term, const char *value0,
                         const char *data)
{
    izx_doc *doc = NULL;
    assert_int_equal(izx_doc_new(&doc), IZX_OK);
    unsigned pos = 1;
    const char *p = words;
    while (*p) {
        size_t n = strcspn(p, " ");
        if (n > 0)
            assert_int_equal(izx_doc_add_posting(doc, p, n, pos++, 1), IZX_OK);
        p += n;
        p += strspn(p, " ");
    }
    if (bool_term)
        assert_int_equal(izx_doc_add_boolean_term(doc, bool_term, strlen(bool_term)), IZX_OK);
    if (value0)
        assert_int_equal(izx_doc_set_value(doc, 0, value0, strlen(value0)), IZX_OK);
    if (data)
        assert_int_equal(izx_doc_set_data(doc, data, strlen(data)), IZX_OK);
    return doc;
}

static unsigned add(izx_db *db, const char *words, const char *bool_term, const char *value0,
                    const char *data)
{
    izx_doc *doc = make_doc(words, bool_term, value0, data);
    unsigned id = 0;
    int st = izx_db_add_document(db, doc, &id);
    if (st != IZX_OK)
        print_error("add: %s\n", izx_db_errmsg(db));
    assert_int_equal(st, IZX_OK);
    izx_doc_free(doc);
    return id;
}

static unsigned doccount(izx_db *db)
{
    unsigned n = 12345;
    assert_int_equal(izx_db_doccount(db, &n), IZX_OK);
    return n;
}

static unsigned termfreq(izx_db *db, const char *term)
{
    unsigned n = 12345;
    assert_int_equal(izx_db_termfreq(db, term, strlen(term), &n), IZX_OK);
    return n;
}

static izx_query *T(const char *term)
{
    izx_query *q = NULL;
    char *msg = NULL;
    assert_int_equal(izx_query_term(&q, term, strlen(term), 1, &msg), IZX_OK);
    assert_null(msg);
    assert_non_null(q);
    return q;
}

/* Combine and free the subqueries. */
static izx_query *comb(izx_op op, unsigned window, izx_query *a, izx_query *b)
{
    izx_query *subs[2] = {a, b};
    izx_query *q = NULL;
    char *msg = NULL;
    int st = izx_query_combine(&q, op, subs, 2, window, &msg);
    if (st != IZX_OK)
        print_error("combine: %s\n", msg);
    assert_int_equal(st, IZX_OK);
    izx_query_free(a);
    izx_query_free(b);
    return q;
}

static izx_query *vrange(const char *lo, const char *hi)
{
    izx_query *q = NULL;
    assert_int_equal(izx_query_value_range(&q, 0, lo, hi, NULL), IZX_OK);
    return q;
}

static izx_mset *run(izx_db *db, const izx_query *q, unsigned offset, unsigned max, int sort_slot,
                     int reverse)
{
    izx_mset *m = NULL;
    int st = izx_enquire(&m, db, q, offset, max, sort_slot, reverse);
    if (st != IZX_OK)
        print_error("enquire: %s: %s\n", izx_status_name(st), izx_db_errmsg(db));
    assert_int_equal(st, IZX_OK);
    assert_non_null(m);
    return m;
}

static int cmp_unsigned(const void *a, const void *b)
{
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
    return (x > y) - (x < y);
}

/* Run `q` (then free it) and check the matching docids, in any order. */
static void expect_docs(izx_db *db, izx_query *q, const unsigned *want, size_t nwant)
{
    izx_mset *m = run(db, q, 0, 100, -1, 0);
    unsigned n = izx_mset_size(m);
    unsigned got[100];
    for (unsigned i = 0; i < n; i++)
        got[i] = izx_mset_docid(m, i);
    qsort(got, n, sizeof got[0], cmp_unsigned);
    if (n != nwant || (n && memcmp(got, want, n * sizeof got[0]) != 0)) {
        char *d = NULL;
        izx_query_describe(q, &d);
        print_error("%s: got %u hits:", d, n);
        for (unsigned i = 0; i < n; i++)
            print_error(" %u", got[i]);
        print_error("\n");
        izx_free(d);
        fail();
    }
    izx_mset_free(m);
    izx_query_free(q);
}

#define EXPECT_DOCS(db, q, ...)                                                        \
    do {                                                                               \
        const unsigned want_[] = {__VA_ARGS__};                                        \
        expect_docs((db), (q), want_, sizeof want_ / sizeof want_[0]);                 \
    } while (0)
#define EXPECT_NO_DOCS(db, q) expect_docs((db), (q), NULL, 0)

/* ------------------------------------------------------------------ fixture */

/*
 * The corpus (docids 1..5), value 0 a date, data "dN":
 *   1  the quick brown fox          Lru  2020-01-01
 *   2  quick quick quick fox jumps  Lky  2021-06-15
 *   3  brown dog sleeps             Lru  2019-03-03
 *   4  fox brown quick              Lky  2022-11-30
 *   5  lonely                       -    (no value)
 */
static int group_setup(void **state)
{
    (void)state;
    const char *base = getenv("TMPDIR");
    if (!base || !*base)
        base = "/tmp";
    snprintf(g_tmp, sizeof g_tmp, "%s/izx-test-XXXXXX", base);
    if (!mkdtemp(g_tmp))
        return -1;
    snprintf(g_corpus, sizeof g_corpus, "%s/corpus", g_tmp);

    izx_db *db = NULL;
    if (izx_db_open(&db, g_corpus, IZX_DB_CREATE, NULL) != IZX_OK)
        return -1;
    add(db, "the quick brown fox", "Lru", "2020-01-01", "d1");
    add(db, "quick quick quick fox jumps", "Lky", "2021-06-15", "d2");
    add(db, "brown dog sleeps", "Lru", "2019-03-03", "d3");
    add(db, "fox brown quick", "Lky", "2022-11-30", "d4");
    add(db, "lonely", NULL, NULL, "d5");
    if (izx_db_commit(db) != IZX_OK)
        return -1;
    izx_db_free(db);
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    if (g_tmp[0] && !getenv("IZX_TEST_KEEP"))
        nftw(g_tmp, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    return 0;
}

/* A fresh read-only handle on the corpus for each query test. */
static int corpus_setup(void **state)
{
    izx_db *db = NULL;
    if (izx_db_open(&db, g_corpus, IZX_DB_READONLY, NULL) != IZX_OK)
        return -1;
    *state = db;
    return 0;
}

static int corpus_teardown(void **state)
{
    izx_db_free(*state);
    return 0;
}

/* ------------------------------------------------------------------ basics */

static void test_status_names(void **state)
{
    (void)state;
    assert_string_equal(izx_status_name(IZX_OK), "IZX_OK");
    assert_string_equal(izx_status_name(IZX_ELOCKED), "IZX_ELOCKED");
    assert_string_equal(izx_status_name(IZX_EUNKNOWN), "IZX_EUNKNOWN");
    assert_non_null(izx_status_name(-1));
    assert_non_null(izx_status_name(1000));
    izx_free(NULL);
}

static void test_add_count_data(void **state)
{
    (void)state;
    izx_db *db = open_db(tmp_path("add"), IZX_DB_CREATE_OR_OPEN);
    assert_true(izx_db_is_writable(db));
    assert_int_equal(doccount(db), 0);
    unsigned a = add(db, "alpha beta", "Qa", "v", "data of a");
    unsigned b = add(db, "beta gamma", "Qb", NULL, NULL);
    assert_int_not_equal(a, b);
    assert_int_equal(doccount(db), 2);
    assert_int_equal(termfreq(db, "beta"), 2);
    assert_int_equal(termfreq(db, "alpha"), 1);
    assert_int_equal(termfreq(db, "absent"), 0);

    /* Terms are byte strings: embedded NUL and non-ASCII bytes survive. */
    izx_doc *doc = NULL;
    assert_int_equal(izx_doc_new(&doc), IZX_OK);
    assert_int_equal(izx_doc_add_term(doc, "a\0b", 3, 2), IZX_OK);
    assert_int_equal(izx_doc_add_term(doc, "\xd0\xba\xd0\xb0", 4, 1), IZX_OK);
    assert_int_equal(izx_doc_set_data(doc, "x\0y", 3), IZX_OK);
    unsigned c = 0;
    assert_int_equal(izx_db_add_document(db, doc, &c), IZX_OK);
    assert_int_equal(izx_db_add_document(db, doc, NULL), IZX_OK); /* docid_out optional */
    izx_doc_free(doc);
    unsigned n = 0;
    assert_int_equal(izx_db_termfreq(db, "a\0b", 3, &n), IZX_OK);
    assert_int_equal(n, 2);

    char *data = NULL;
    size_t len = 0;
    assert_int_equal(izx_db_get_data(db, a, &data, &len), IZX_OK);
    assert_int_equal(len, strlen("data of a"));
    assert_string_equal(data, "data of a");
    izx_free(data);
    assert_int_equal(izx_db_get_data(db, b, &data, NULL), IZX_OK); /* no data: "" */
    assert_string_equal(data, "");
    izx_free(data);
    assert_int_equal(izx_db_get_data(db, c, &data, &len), IZX_OK);
    assert_int_equal(len, 3);
    assert_memory_equal(data, "x\0y", 3);
    izx_free(data);

    assert_int_equal(izx_db_commit(db), IZX_OK);
    izx_db_free(db);
}

static void test_replace_unique(void **state)
{
    (void)state;
    izx_db *db = open_db(tmp_path("replace"), IZX_DB_CREATE_OR_OPEN);
    izx_doc *d1 = make_doc("first version", "Qurl1", NULL, "v1");
    izx_doc *d2 = make_doc("second version", "Qurl1", NULL, "v2");
    unsigned id1 = 0, id2 = 0, id3 = 0;
    /* Replacing an absent unique term adds the document. */
    assert_int_equal(izx_db_replace_document(db, "Qurl1", d1, &id1), IZX_OK);
    add(db, "other", "Qurl2", NULL, "other");
    assert_int_equal(doccount(db), 2);
    assert_int_equal(izx_db_replace_document(db, "Qurl1", d2, &id2), IZX_OK);
    assert_int_equal(id2, id1);
    assert_int_equal(izx_db_replace_document(db, "Qurl1", d2, &id3), IZX_OK);
    assert_int_equal(id3, id1);
    assert_int_equal(doccount(db), 2); /* no duplicate */
    assert_int_equal(termfreq(db, "Qurl1"), 1);
    assert_int_equal(termfreq(db, "first"), 0);
    assert_int_equal(termfreq(db, "second"), 1);
    char *data = NULL;
    assert_int_equal(izx_db_get_data(db, id1, &data, NULL), IZX_OK);
    assert_string_equal(data, "v2");
    izx_free(data);
    izx_doc_free(d1);
    izx_doc_free(d2);
    izx_db_free(db);
}

/* A stored document opened once, changed in values and terms, written
 * back once: the changes land, its positions stay (a phrase still
 * matches), removing a term it lacks is no error. */
static void test_doc_rewrite(void **state)
{
    (void)state;
    izx_db *db = open_db(tmp_path("rewrite"), IZX_DB_CREATE_OR_OPEN);
    add(db, "alpha beta gamma", "Gold", "v-old", "data");
    assert_int_equal(izx_db_commit(db), IZX_OK);
    izx_doc *doc = NULL;
    assert_int_equal(izx_db_doc_open(db, 1, &doc), IZX_OK);
    char *v = NULL;
    size_t len = 0;
    assert_int_equal(izx_doc_get_value(doc, 0, &v, &len), IZX_OK);
    assert_string_equal(v, "v-old");
    assert_int_equal(len, 5);
    izx_free(v);
    assert_int_equal(izx_doc_remove_term(doc, "Gold", 4), IZX_OK);
    assert_int_equal(izx_doc_remove_term(doc, "Gabsent", 7), IZX_OK);
    assert_int_equal(izx_doc_add_boolean_term(doc, "Gnew", 4), IZX_OK);
    assert_int_equal(izx_doc_set_value(doc, 0, "v-new", 5), IZX_OK);
    assert_int_equal(izx_doc_set_value(doc, 6, "12345678", 8), IZX_OK);
    assert_int_equal(izx_db_doc_rewrite(db, 1, doc), IZX_OK);
    izx_doc_free(doc);
    assert_int_equal(izx_db_commit(db), IZX_OK);
    assert_int_equal(termfreq(db, "Gold"), 0);
    assert_int_equal(termfreq(db, "Gnew"), 1);
    assert_int_equal(izx_db_get_value(db, 1, 0, &v, NULL), IZX_OK);
    assert_string_equal(v, "v-new");
    izx_free(v);
    unsigned n = 0;
    assert_int_equal(izx_db_value_freq(db, 6, &n), IZX_OK);
    assert_int_equal(n, 1);
    assert_int_equal(izx_db_value_freq(db, 7, &n), IZX_OK);
    assert_int_equal(n, 0);
    EXPECT_DOCS(db, comb(IZX_OP_PHRASE, 0, T("beta"), T("gamma")), 1);
    char *data = NULL;
    assert_int_equal(izx_db_get_data(db, 1, &data, NULL), IZX_OK);
    assert_string_equal(data, "data");
    izx_free(data);
    /* a document that is not there */
    assert_int_equal(izx_db_doc_open(db, 99, &doc), IZX_EDOCNOTFOUND);
    assert_null(doc);
    izx_db_free(db);
}

/* A folded match that saw every match counts both ways exactly. */
static void test_collapsed_counts(void **state)
{
    (void)state;
    izx_db *db = open_db(tmp_path("collapse"), IZX_DB_CREATE_OR_OPEN);
    add(db, "storm one", NULL, "s1", NULL);
    add(db, "storm two", NULL, "s1", NULL);
    add(db, "storm three", NULL, "s2", NULL);
    add(db, "storm four", NULL, NULL, NULL);
    assert_int_equal(izx_db_commit(db), IZX_OK);
    izx_mset *m = NULL;
    izx_query *q = T("storm");
    assert_int_equal(izx_enquire_collapsed(&m, db, q, 0, 10, -1, 0, 0), IZX_OK);
    assert_int_equal(izx_mset_size(m), 3); /* s1 folded; no value: never folded */
    assert_int_equal(izx_mset_matches_estimated(m), 3);
    assert_int_equal(izx_mset_uncollapsed_estimated(m), 4);
    assert_int_equal(izx_mset_counts_exact(m), 1);
    izx_mset_free(m);
    izx_query_free(q);
    izx_db_free(db);
}

static void test_delete(void **state)
{
    (void)state;
    izx_db *db = open_db(tmp_path("delete"), IZX_DB_CREATE_OR_OPEN);
    unsigned a = add(db, "one", "Qa", NULL, NULL);
    add(db, "two", "Qb", NULL, NULL);
    add(db, "three", "Qc", NULL, NULL);
    assert_int_equal(izx_db_delete_by_term(db, "Qb"), IZX_OK);
    assert_int_equal(doccount(db), 2);
    assert_int_equal(termfreq(db, "two"), 0);
    assert_int_equal(izx_db_delete_by_term(db, "Qnothing"), IZX_OK); /* no-op */
    assert_int_equal(izx_db_delete_document(db, a), IZX_OK);
    assert_int_equal(doccount(db), 1);
    assert_int_equal(termfreq(db, "one"), 0);

    /* Deleting or reading a missing docid. */
    assert_int_equal(izx_db_delete_document(db, a), IZX_EDOCNOTFOUND);
    assert_msg_has(izx_db_errmsg(db), "not found");
    char *data = (char *)0x1;
    assert_int_equal(izx_db_get_data(db, 999, &data, NULL), IZX_EDOCNOTFOUND);
    assert_null(data);
    assert_msg_has(izx_db_errmsg(db), "999");
    assert_int_equal(izx_db_get_data(db, 0, &data, NULL), IZX_EINVAL);
    assert_msg_has(izx_db_errmsg(db), "Document ID 0");
    izx_db_free(db);
}

static void test_commit_reopen(void **state)
{
    (void)state;
    const char *path = tmp_path("reopen");
    izx_db *w = open_db(path, IZX_DB_CREATE);
    add(w, "one", NULL, NULL, NULL);
    assert_int_equal(izx_db_commit(w), IZX_OK);

    izx_db *r = open_db(path, IZX_DB_READONLY);
    assert_false(izx_db_is_writable(r));
    assert_int_equal(doccount(r), 1);
    add(w, "two", NULL, NULL, NULL);
    assert_int_equal(doccount(r), 1); /* not committed */
    assert_int_equal(izx_db_commit(w), IZX_OK);
    assert_int_equal(doccount(r), 1); /* not reopened */
    assert_int_equal(izx_db_reopen(r), IZX_OK);
    assert_int_equal(doccount(r), 2);
    assert_int_equal(izx_db_reopen(w), IZX_OK); /* harmless on a writer */
    izx_db_free(r);

    /* Freeing a writer commits what is pending. */
    add(w, "three", NULL, NULL, NULL);
    izx_db_free(w);
    r = open_db(path, IZX_DB_READONLY);
    assert_int_equal(doccount(r), 3);
    izx_db_free(r);

    /* IZX_DB_OPEN on an existing database works. */
    w = open_db(path, IZX_DB_OPEN);
    assert_int_equal(doccount(w), 3);
    izx_db_free(w);
}

static void test_transactions(void **state)
{
    (void)state;
    const char *path = tmp_path("txn");
    izx_db *db = open_db(path, IZX_DB_CREATE_OR_OPEN);
    add(db, "base", NULL, NULL, NULL);

    /* Cancel discards. */
    assert_int_equal(izx_db_begin_transaction(db, 1), IZX_OK);
    add(db, "discarded", NULL, NULL, NULL);
    assert_int_equal(doccount(db), 2);
    /* A plain commit inside a transaction is a caller error. */
    assert_int_equal(izx_db_commit(db), IZX_EINVAL);
    assert_msg_has(izx_db_errmsg(db), "transaction");
    assert_int_equal(izx_db_cancel_transaction(db), IZX_OK);
    assert_int_equal(doccount(db), 1);
    assert_int_equal(termfreq(db, "discarded"), 0);

    /* Commit keeps. */
    assert_int_equal(izx_db_begin_transaction(db, 0), IZX_OK);
    add(db, "kept", NULL, NULL, NULL);
    assert_int_equal(izx_db_commit_transaction(db), IZX_OK);
    assert_int_equal(doccount(db), 2);

    /* Ending a transaction that is not open. */
    assert_int_equal(izx_db_commit_transaction(db), IZX_EINVAL);
    assert_msg_has(izx_db_errmsg(db), "transaction");
    assert_int_equal(izx_db_cancel_transaction(db), IZX_EINVAL);

    /* Freeing with an open transaction cancels it. */
    assert_int_equal(izx_db_begin_transaction(db, 1), IZX_OK);
    add(db, "cancelled", NULL, NULL, NULL);
    izx_db_free(db);
    db = open_db(path, IZX_DB_READONLY);
    assert_int_equal(doccount(db), 2);
    assert_int_equal(termfreq(db, "kept"), 1);
    assert_int_equal(termfreq(db, "cancelled"), 0);
    izx_db_free(db);
}

static void test_metadata(void **state)
{
    (void)state;
    const char *path = tmp_path("meta");
    izx_db *db = open_db(path, IZX_DB_CREATE_OR_OPEN);
    assert_int_equal(izx_db_set_metadata(db, "schema", "3", 1), IZX_OK);
    assert_int_equal(izx_db_set_metadata(db, "bin", "a\0b", 3), IZX_OK);
    char *v = NULL;
    size_t len = 0;
    assert_int_equal(izx_db_get_metadata(db, "schema", &v, &len), IZX_OK);
    assert_string_equal(v, "3");
    assert_int_equal(len, 1);
    izx_free(v);
    assert_int_equal(izx_db_get_metadata(db, "bin", &v, &len), IZX_OK);
    assert_int_equal(len, 3);
    assert_memory_equal(v, "a\0b", 3);
    izx_free(v);
    v = (char *)0x1;
    len = 99;
    assert_int_equal(izx_db_get_metadata(db, "missing", &v, &len), IZX_OK);
    assert_null(v);
    assert_int_equal(len, 0);
    /* Setting "" removes the key. */
    assert_int_equal(izx_db_set_metadata(db, "bin", NULL, 0), IZX_OK);
    assert_int_equal(izx_db_get_metadata(db, "bin", &v, NULL), IZX_OK);
    assert_null(v);
    /* An empty key is refused by Xapian. */
    assert_int_equal(izx_db_set_metadata(db, "", "x", 1), IZX_EINVAL);
    assert_msg_has(izx_db_errmsg(db), "metadata key");
    assert_int_equal(izx_db_commit(db), IZX_OK);
    izx_db_free(db);

    db = open_db(path, IZX_DB_READONLY);
    assert_int_equal(izx_db_get_metadata(db, "schema", &v, NULL), IZX_OK);
    assert_string_equal(v, "3");
    izx_free(v);
    izx_db_free(db);
}

/* ------------------------------------------------------------------ queries */

static void test_query_term_bool(void **state)
{
    izx_db *db = *state;
    assert_int_equal(doccount(db), 5);
    EXPECT_DOCS(db, T("quick"), 1, 2, 4);
    EXPECT_DOCS(db, T("Lru"), 1, 3);
    EXPECT_NO_DOCS(db, T("absent"));
    EXPECT_DOCS(db, comb(IZX_OP_AND, 0, T("brown"), T("fox")), 1, 4);
    EXPECT_DOCS(db, comb(IZX_OP_OR, 0, T("dog"), T("jumps")), 2, 3);
    EXPECT_DOCS(db, comb(IZX_OP_AND_NOT, 0, T("quick"), T("brown")), 2);
    EXPECT_DOCS(db, comb(IZX_OP_FILTER, 0, T("fox"), T("Lky")), 2, 4);
    EXPECT_DOCS(db, comb(IZX_OP_AND_MAYBE, 0, T("fox"), T("dog")), 1, 2, 4);
    EXPECT_DOCS(db, comb(IZX_OP_SYNONYM, 0, T("dog"), T("lonely")), 3, 5);

    /* Three subqueries at once. */
    izx_query *subs[3] = {T("quick"), T("fox"), T("brown")};
    izx_query *q = NULL;
    assert_int_equal(izx_query_combine(&q, IZX_OP_AND, subs, 3, 0, NULL), IZX_OK);
    for (int i = 0; i < 3; i++)
        izx_query_free(subs[i]);
    EXPECT_DOCS(db, q, 1, 4);

    /* No subqueries: matches nothing. */
    assert_int_equal(izx_query_combine(&q, IZX_OP_OR, NULL, 0, 0, NULL), IZX_OK);
    EXPECT_NO_DOCS(db, q);
}

static void test_query_filter_adds_no_weight(void **state)
{
    izx_db *db = *state;
    izx_query *plain = T("fox");
    izx_query *filtered = comb(IZX_OP_FILTER, 0, T("fox"), T("Lru"));
    izx_mset *a = run(db, plain, 0, 10, -1, 0);
    izx_mset *b = run(db, filtered, 0, 10, -1, 0);
    assert_int_equal(izx_mset_size(b), 1);
    assert_int_equal(izx_mset_docid(b, 0), 1);
    double wa = -1;
    for (unsigned i = 0; i < izx_mset_size(a); i++)
        if (izx_mset_docid(a, i) == 1)
            wa = izx_mset_weight(a, i);
    assert_true(wa > 0);
    assert_float_equal(izx_mset_weight(b, 0), wa, 1e-9);

    /* Scaling by 2 doubles the weight. */
    izx_query *scaled = NULL;
    assert_int_equal(izx_query_scale(&scaled, plain, 2.0, NULL), IZX_OK);
    izx_mset *c = run(db, scaled, 0, 10, -1, 0);
    assert_float_equal(izx_mset_weight(c, 0), 2 * izx_mset_weight(a, 0), 1e-9);
    izx_mset_free(a);
    izx_mset_free(b);
    izx_mset_free(c);
    izx_query_free(plain);
    izx_query_free(filtered);
    izx_query_free(scaled);
}

static void test_query_phrase(void **state)
{
    izx_db *db = *state;
    /* Doc 1 has "quick brown", doc 4 "brown quick": order matters. */
    EXPECT_DOCS(db, comb(IZX_OP_PHRASE, 0, T("quick"), T("brown")), 1);
    EXPECT_DOCS(db, comb(IZX_OP_PHRASE, 0, T("brown"), T("quick")), 4);
    EXPECT_NO_DOCS(db, comb(IZX_OP_PHRASE, 0, T("quick"), T("dog")));
    EXPECT_NO_DOCS(db, comb(IZX_OP_PHRASE, 0, T("the"), T("fox"))); /* not adjacent */
    /* A wider window lets "the ... fox" (positions 1 and 4) match. */
    EXPECT_DOCS(db, comb(IZX_OP_PHRASE, 4, T("the"), T("fox")), 1);
    /* NEAR ignores order. */
    EXPECT_DOCS(db, comb(IZX_OP_NEAR, 0, T("quick"), T("brown")), 1, 4);
}

static void test_query_value_range(void **state)
{
    izx_db *db = *state;
    EXPECT_DOCS(db, vrange("2020-01-01", "2021-12-31"), 1, 2);
    EXPECT_DOCS(db, vrange(NULL, "2020-12-31"), 1, 3);
    EXPECT_DOCS(db, vrange("2021", NULL), 2, 4);
    /* Both ends open: every document that has the value (not doc 5). */
    EXPECT_DOCS(db, vrange(NULL, NULL), 1, 2, 3, 4);
    EXPECT_NO_DOCS(db, vrange("2030", "2040"));
}

static void test_query_wildcard_all_nothing(void **state)
{
    izx_db *db = *state;
    izx_query *q = NULL;
    assert_int_equal(izx_query_wildcard(&q, "jum", 10, NULL), IZX_OK);
    EXPECT_DOCS(db, q, 2);
    assert_int_equal(izx_query_wildcard(&q, "s", 0, NULL), IZX_OK); /* sleeps */
    EXPECT_DOCS(db, q, 3);
    assert_int_equal(izx_query_wildcard(&q, "zzz", 1, NULL), IZX_OK);
    EXPECT_NO_DOCS(db, q);
    assert_int_equal(izx_query_match_all(&q, NULL), IZX_OK);
    EXPECT_DOCS(db, q, 1, 2, 3, 4, 5);
    assert_int_equal(izx_query_match_nothing(&q, NULL), IZX_OK);
    EXPECT_NO_DOCS(db, q);

    q = T("quick");
    char *desc = NULL;
    assert_int_equal(izx_query_describe(q, &desc), IZX_OK);
    assert_non_null(strstr(desc, "quick"));
    izx_free(desc);
    izx_query_free(q);
}

/* ------------------------------------------------------------------ sets of databases */

static void test_combine(void **state)
{
    izx_db *db = *state;
    izx_db *other = NULL, *both = NULL;
    assert_int_equal(izx_db_open(&other, g_corpus, IZX_DB_READONLY, NULL), IZX_OK);
    izx_db *parts[2] = {db, other};
    char *msg = NULL;
    assert_int_equal(izx_db_combine(&both, parts, 2, &msg), IZX_OK);
    assert_null(msg);
    izx_db_free(other); /* Xapian shares the parts' internals */
    unsigned n = 0;
    assert_int_equal(izx_db_doccount(both, &n), IZX_OK);
    assert_int_equal(n, 10);
    izx_query *q = T("quick");
    izx_mset *m1 = run(db, q, 0, 10, -1, 0);
    izx_mset *m2 = run(both, q, 0, 10, -1, 0);
    assert_int_equal(izx_mset_size(m2), 2 * izx_mset_size(m1));
    /* document k of part i is (k - 1) * 2 + i + 1: doc 2 is 3 and 4 */
    assert_int_equal(izx_mset_docid(m2, 0), 3);
    assert_int_equal(izx_mset_docid(m2, 1), 4);
    izx_mset_free(m1);
    izx_mset_free(m2);
    izx_query_free(q);
    assert_false(izx_db_is_writable(both));
    izx_db_free(both);
    assert_int_equal(izx_db_combine(&both, parts, 0, &msg), IZX_EINVAL);
    assert_null(both);
    assert_msg_has(msg, "no databases");
    izx_free(msg);
}

static void test_sort_rel_then_value(void **state)
{
    izx_db *db = *state;
    izx_query *q = NULL;
    assert_int_equal(izx_query_match_all(&q, NULL), IZX_OK);
    /* every weight 0: the date value decides, no value first */
    izx_mset *m = run(db, q, 0, 10, IZX_SORT_REL_THEN(0), 0);
    const unsigned want[] = {5, 3, 1, 2, 4};
    assert_int_equal(izx_mset_size(m), 5);
    for (unsigned i = 0; i < 5; i++)
        assert_int_equal(izx_mset_docid(m, i), want[i]);
    izx_mset_free(m);
    izx_query_free(q);
}

static void test_remote_refused(void **state)
{
    (void)state;
    izx_db *db = NULL;
    char *msg = NULL;
    /* port 1 on loopback: nothing listens, the connection is refused */
    assert_int_equal(izx_db_open_remote(&db, "127.0.0.1", 1, 500, &msg), IZX_ENETWORK);
    assert_null(db);
    assert_msg_has(msg, "Couldn't connect");
    izx_free(msg);
    msg = NULL;
    assert_int_equal(izx_db_open_remote(&db, "127.0.0.1", 0, 500, &msg), IZX_EINVAL);
    izx_free(msg);
    assert_string_equal(izx_status_name(IZX_ETIMEOUT), "IZX_ETIMEOUT");
    assert_string_equal(izx_status_name(IZX_ENETWORK), "IZX_ENETWORK");
}

/* ------------------------------------------------------------------ enquire */

static void test_ranking(void **state)
{
    izx_db *db = *state;
    izx_query *q = T("quick");
    izx_mset *m = run(db, q, 0, 10, -1, 0);
    assert_int_equal(izx_mset_size(m), 3);
    assert_int_equal(izx_mset_docid(m, 0), 2); /* three occurrences */
    assert_int_equal(izx_mset_rank(m, 0), 0);
    for (unsigned i = 1; i < izx_mset_size(m); i++) {
        assert_true(izx_mset_weight(m, i - 1) >= izx_mset_weight(m, i));
        assert_int_equal(izx_mset_rank(m, i), i);
    }
    assert_true(izx_mset_weight(m, 0) > izx_mset_weight(m, 2));
    assert_int_equal(izx_mset_matches_estimated(m), 3);
    assert_int_equal(izx_mset_matches_lower_bound(m), 3);
    assert_int_equal(izx_mset_matches_upper_bound(m), 3);
    /* Out of range hits read as 0. */
    assert_int_equal(izx_mset_docid(m, 3), 0);
    assert_true(izx_mset_weight(m, 99) == 0.0);
    izx_mset_free(m);
    izx_query_free(q);
}

static void test_offset_maxitems(void **state)
{
    izx_db *db = *state;
    izx_query *q = NULL;
    assert_int_equal(izx_query_match_all(&q, NULL), IZX_OK);
    izx_mset *m = run(db, q, 1, 2, -1, 0);
    assert_int_equal(izx_mset_size(m), 2);
    assert_int_equal(izx_mset_rank(m, 0), 1);
    assert_int_equal(izx_mset_rank(m, 1), 2);
    assert_int_equal(izx_mset_matches_estimated(m), 5);
    izx_mset_free(m);
    m = run(db, q, 4, 10, -1, 0);
    assert_int_equal(izx_mset_size(m), 1);
    izx_mset_free(m);
    m = run(db, q, 10, 10, -1, 0);
    assert_int_equal(izx_mset_size(m), 0);
    izx_mset_free(m);
    m = run(db, q, 0, 0, -1, 0); /* counts only */
    assert_int_equal(izx_mset_size(m), 0);
    izx_mset_free(m);
    izx_query_free(q);
}

static void test_sort_by_value(void **state)
{
    izx_db *db = *state;
    izx_query *q = vrange(NULL, NULL);
    izx_mset *m = run(db, q, 0, 10, 0, 0);
    const unsigned asc[] = {3, 1, 2, 4};
    assert_int_equal(izx_mset_size(m), 4);
    for (unsigned i = 0; i < 4; i++)
        assert_int_equal(izx_mset_docid(m, i), asc[i]);
    izx_mset_free(m);
    m = run(db, q, 0, 10, 0, 1);
    for (unsigned i = 0; i < 4; i++)
        assert_int_equal(izx_mset_docid(m, i), asc[3 - i]);
    izx_mset_free(m);
    izx_query_free(q);
}

static void test_hit_readback(void **state)
{
    izx_db *db = *state;
    izx_query *q = NULL;
    assert_int_equal(izx_query_match_all(&q, NULL), IZX_OK);
    izx_mset *m = run(db, q, 0, 10, 0, 0); /* doc 5 (no value) sorts last */
    assert_int_equal(izx_mset_size(m), 5);
    const char *first = NULL, *s = NULL;
    size_t len = 0;
    assert_int_equal(izx_mset_data(m, 4, &first, &len), IZX_OK);
    assert_int_equal(len, 2);
    assert_string_equal(first, "d5");
    assert_int_equal(izx_mset_value(m, 4, 0, &s, &len), IZX_OK); /* empty value */
    assert_int_equal(len, 0);
    assert_string_equal(s, "");
    for (unsigned i = 0; i < 4; i++) {
        char want[8];
        snprintf(want, sizeof want, "d%u", izx_mset_docid(m, i));
        assert_int_equal(izx_mset_data(m, i, &s, &len), IZX_OK);
        assert_string_equal(s, want);
        assert_int_equal(izx_mset_value(m, i, 0, &s, &len), IZX_OK);
        assert_int_equal(len, 10);
    }
    assert_int_equal(izx_mset_value(m, 0, 0, &s, &len), IZX_OK);
    assert_string_equal(s, "2019-03-03");
    assert_int_equal(izx_mset_value(m, 0, 7, &s, &len), IZX_OK); /* unused slot */
    assert_int_equal(len, 0);
    /* Borrowed strings stay valid while the mset lives. */
    assert_string_equal(first, "d5");
    const char *again = NULL;
    assert_int_equal(izx_mset_data(m, 4, &again, &len), IZX_OK);
    assert_ptr_equal(again, first);

    assert_int_equal(izx_mset_data(m, 5, &s, &len), IZX_EINVAL);
    assert_msg_has(izx_mset_errmsg(m), "out of range");
    assert_int_equal(izx_mset_data(m, 0, NULL, &len), IZX_EINVAL);
    assert_int_equal(izx_mset_value(m, 0, 0, &s, NULL), IZX_EINVAL);
    izx_mset_free(m);
    izx_query_free(q);
}

/* ------------------------------------------------------------------ errors */

static void test_err_locked(void **state)
{
    (void)state;
    const char *path = tmp_path("locked");
    izx_db *w = open_db(path, IZX_DB_CREATE_OR_OPEN);
    expect_open_error(path, IZX_DB_CREATE_OR_OPEN, IZX_ELOCKED, path, "lock");
    expect_open_error(path, IZX_DB_OPEN, IZX_ELOCKED, path, "lock");
    /* Readers are not blocked by the writer. */
    izx_db *r = open_db(path, IZX_DB_READONLY);
    izx_db_free(r);
    izx_db_free(w);
    /* The lock goes with the handle. */
    w = open_db(path, IZX_DB_OPEN);
    izx_db_free(w);
}

static void test_err_not_found(void **state)
{
    (void)state;
    const char *path = tmp_path("no-such-db");
    expect_open_error(path, IZX_DB_READONLY, IZX_ENOTFOUND, path, "No such file");
    expect_open_error(path, IZX_DB_OPEN, IZX_ENOTFOUND, path, NULL);
    /* Creating needs the parent directory. */
    char deep[4300];
    snprintf(deep, sizeof deep, "%s/no-parent/db", g_tmp);
    expect_open_error(deep, IZX_DB_CREATE_OR_OPEN, IZX_EIO, deep, "mkdir");
    /* An empty directory holds no database: not found, not corrupt. */
    const char *empty = tmp_path("empty-dir");
    assert_int_equal(mkdir(empty, 0700), 0);
    expect_open_error(empty, IZX_DB_READONLY, IZX_ENOTFOUND, empty, "detect type");
    expect_open_error(empty, IZX_DB_OPEN, IZX_ENOTFOUND, empty, "iamglass");
}

static void test_err_corrupt(void **state)
{
    (void)state;
    char path[4300], file[4400];
    snprintf(path, sizeof path, "%s", tmp_path("corrupt"));
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(file, sizeof file, "%s/iamglass", path);
    write_file(file, "this is not a glass revision file, just some junk bytes\n");
    snprintf(file, sizeof file, "%s/postlist.glass", path);
    write_file(file, "junk junk junk junk junk junk junk junk junk junk junk\n");
    expect_open_error(path, IZX_DB_READONLY, IZX_ECORRUPT, path, "magic");
    expect_open_error(path, IZX_DB_OPEN, IZX_ECORRUPT, path, "magic");

    /* A plain file that is not a Xapian stub database. */
    snprintf(file, sizeof file, "%s", tmp_path("not-a-db.txt"));
    write_file(file, "hello\n");
    expect_open_error(file, IZX_DB_READONLY, IZX_ECORRUPT, file, "Bad line");

    /* IZX_DB_CREATE over an existing database. */
    expect_open_error(g_corpus, IZX_DB_CREATE, IZX_EIO, g_corpus, "already exists");
    /* Unknown open flags. */
    expect_open_error(g_corpus, 42, IZX_EINVAL, g_corpus, "invalid flags");
}

static void test_err_query(void **state)
{
    izx_db *db = *state;
    /* The empty prefix expands to every term: far more than 2. */
    izx_query *q = NULL;
    assert_int_equal(izx_query_wildcard(&q, "", 2, NULL), IZX_OK);
    izx_mset *m = (izx_mset *)0x1;
    assert_int_equal(izx_enquire(&m, db, q, 0, 10, -1, 0), IZX_EQUERY);
    assert_null(m);
    assert_msg_has(izx_db_errmsg(db), "expands to more than 2 terms");
    izx_query_free(q);

    /* A combination carrying the wildcard fails the same way. */
    izx_query *sub = NULL;
    assert_int_equal(izx_query_wildcard(&sub, "L", 1, NULL), IZX_OK); /* Lru, Lky */
    q = comb(IZX_OP_AND, 0, T("fox"), sub);
    assert_int_equal(izx_enquire(&m, db, q, 0, 10, -1, 0), IZX_EQUERY);
    assert_msg_has(izx_db_errmsg(db), "Wildcard L* expands to more than 1 terms");
    izx_query_free(q);
    /* The handle still works afterwards. */
    EXPECT_DOCS(db, T("dog"), 3);

    /* Invalid operator. */
    izx_query *subs[2] = {T("a"), T("b")};
    char *msg = NULL;
    q = (izx_query *)0x1;
    assert_int_equal(izx_query_combine(&q, (izx_op)99, subs, 2, 0, &msg), IZX_EINVAL);
    assert_null(q);
    assert_msg_has(msg, "invalid operator");
    izx_free(msg);
    /* NULL subquery in the array. */
    izx_query *withnull[2] = {subs[0], NULL};
    assert_int_equal(izx_query_combine(&q, IZX_OP_OR, withnull, 2, 0, &msg), IZX_EINVAL);
    assert_msg_has(msg, "NULL subquery");
    izx_free(msg);
    assert_int_equal(izx_query_combine(&q, IZX_OP_OR, NULL, 2, 0, &msg), IZX_EINVAL);
    assert_msg_has(msg, "subs is NULL");
    izx_free(msg);
    izx_query_free(subs[0]);
    izx_query_free(subs[1]);

    /* Negative scale factor: Xapian's InvalidArgumentError. */
    izx_query *t = T("fox");
    assert_int_equal(izx_query_scale(&q, t, -1.0, &msg), IZX_EINVAL);
    assert_msg_has(msg, "factor");
    izx_free(msg);
    izx_query_free(t);

    /* An empty term would match everything: refused. */
    assert_int_equal(izx_query_term(&q, "", 0, 1, &msg), IZX_EINVAL);
    assert_msg_has(msg, "empty term");
    izx_free(msg);
}

static void test_err_term_too_long(void **state)
{
    (void)state;
    izx_db *db = open_db(tmp_path("longterm"), IZX_DB_CREATE_OR_OPEN);
    char term[301];
    memset(term, 'x', 300);
    term[300] = '\0';
    izx_doc *doc = NULL;
    assert_int_equal(izx_doc_new(&doc), IZX_OK);
    assert_int_equal(izx_doc_add_posting(doc, "ok", 2, 1, 1), IZX_OK);
    assert_int_equal(izx_doc_add_posting(doc, term, 300, 2, 1), IZX_OK);
    unsigned id = 77;
    assert_int_equal(izx_db_add_document(db, doc, &id), IZX_EINVAL);
    assert_int_equal(id, 77);
    assert_msg_has(izx_db_errmsg(db), "term of 300 bytes");
    assert_int_equal(izx_db_replace_document(db, "Qx", doc, NULL), IZX_EINVAL);
    assert_msg_has(izx_db_errmsg(db), "term of 300 bytes");
    assert_int_equal(doccount(db), 0); /* nothing half-added */
    izx_doc_free(doc);

    /* An empty term is refused when added to the document. */
    assert_int_equal(izx_doc_new(&doc), IZX_OK);
    assert_int_equal(izx_doc_add_term(doc, "", 0, 1), IZX_EINVAL);
    assert_msg_has(izx_doc_errmsg(doc), "Empty termnames");
    izx_doc_free(doc);
    izx_db_free(db);
}

static void test_err_readonly_refuses_writes(void **state)
{
    izx_db *db = *state;
    assert_false(izx_db_is_writable(db));
    izx_doc *doc = make_doc("nope", NULL, NULL, NULL);
    unsigned id = 0;
    assert_int_equal(izx_db_add_document(db, doc, &id), IZX_EINVAL);
    assert_msg_has(izx_db_errmsg(db), "read-only");
    assert_msg_has(izx_db_errmsg(db), g_corpus);
    assert_int_equal(izx_db_replace_document(db, "Q1", doc, NULL), IZX_EINVAL);
    assert_int_equal(izx_db_delete_document(db, 1), IZX_EINVAL);
    assert_int_equal(izx_db_delete_by_term(db, "Q1"), IZX_EINVAL);
    assert_int_equal(izx_db_set_metadata(db, "k", "v", 1), IZX_EINVAL);
    assert_int_equal(izx_db_commit(db), IZX_EINVAL);
    assert_int_equal(izx_db_begin_transaction(db, 1), IZX_EINVAL);
    assert_int_equal(izx_db_commit_transaction(db), IZX_EINVAL);
    assert_int_equal(izx_db_cancel_transaction(db), IZX_EINVAL);
    assert_msg_has(izx_db_errmsg(db), "izx_db_cancel_transaction");
    izx_doc_free(doc);
    assert_int_equal(doccount(db), 5);
}

static void test_err_null_args(void **state)
{
    izx_db *db = *state;
    unsigned u = 0;
    char *s = NULL;
    const char *cs = NULL;
    size_t len = 0;
    izx_query *q = NULL;
    izx_mset *m = NULL;
    izx_doc *doc = NULL;
    char *msg = NULL;

    assert_int_equal(izx_db_open(NULL, "x", IZX_DB_READONLY, NULL), IZX_EINVAL);
    assert_int_equal(izx_db_open(&db, NULL, IZX_DB_READONLY, &msg), IZX_EINVAL);
    assert_null(db);
    assert_msg_has(msg, "path is NULL");
    izx_free(msg);
    db = *state;
    izx_db_free(NULL);
    assert_string_equal(izx_db_errmsg(NULL), "");
    assert_false(izx_db_is_writable(NULL));
    assert_int_equal(izx_db_commit(NULL), IZX_EINVAL);
    assert_int_equal(izx_db_begin_transaction(NULL, 0), IZX_EINVAL);
    assert_int_equal(izx_db_commit_transaction(NULL), IZX_EINVAL);
    assert_int_equal(izx_db_cancel_transaction(NULL), IZX_EINVAL);
    assert_int_equal(izx_db_reopen(NULL), IZX_EINVAL);
    assert_int_equal(izx_db_doccount(NULL, &u), IZX_EINVAL);
    assert_int_equal(izx_db_doccount(db, NULL), IZX_EINVAL);
    assert_int_equal(izx_db_termfreq(db, NULL, 3, &u), IZX_EINVAL);
    assert_int_equal(izx_db_termfreq(db, "a", 1, NULL), IZX_EINVAL);
    assert_int_equal(izx_db_set_metadata(NULL, "k", "v", 1), IZX_EINVAL);
    assert_int_equal(izx_db_get_metadata(db, NULL, &s, &len), IZX_EINVAL);
    assert_int_equal(izx_db_get_metadata(db, "k", NULL, &len), IZX_EINVAL);
    assert_int_equal(izx_db_add_document(db, NULL, &u), IZX_EINVAL);
    assert_int_equal(izx_db_add_document(NULL, NULL, &u), IZX_EINVAL);
    assert_int_equal(izx_db_replace_document(db, NULL, NULL, &u), IZX_EINVAL);
    assert_int_equal(izx_db_delete_document(NULL, 1), IZX_EINVAL);
    assert_int_equal(izx_db_delete_by_term(db, NULL), IZX_EINVAL);
    assert_int_equal(izx_db_get_data(db, 1, NULL, &len), IZX_EINVAL);
    assert_int_equal(izx_db_get_data(NULL, 1, &s, &len), IZX_EINVAL);

    assert_int_equal(izx_doc_new(NULL), IZX_EINVAL);
    izx_doc_free(NULL);
    assert_string_equal(izx_doc_errmsg(NULL), "");
    assert_int_equal(izx_doc_add_posting(NULL, "a", 1, 1, 1), IZX_EINVAL);
    assert_int_equal(izx_doc_add_term(NULL, "a", 1, 1), IZX_EINVAL);
    assert_int_equal(izx_doc_add_boolean_term(NULL, "a", 1), IZX_EINVAL);
    assert_int_equal(izx_doc_set_value(NULL, 0, "a", 1), IZX_EINVAL);
    assert_int_equal(izx_doc_set_data(NULL, "a", 1), IZX_EINVAL);
    assert_int_equal(izx_doc_new(&doc), IZX_OK);
    assert_int_equal(izx_doc_add_posting(doc, NULL, 1, 1, 1), IZX_EINVAL);
    assert_int_equal(izx_doc_set_data(doc, NULL, 5), IZX_EINVAL);
    assert_int_equal(izx_doc_set_data(doc, NULL, 0), IZX_OK); /* (NULL, 0) is "" */
    izx_doc_free(doc);

    assert_int_equal(izx_query_term(NULL, "a", 1, 1, &msg), IZX_EINVAL);
    assert_msg_has(msg, "out is NULL");
    izx_free(msg);
    assert_int_equal(izx_query_term(&q, NULL, 1, 1, NULL), IZX_EINVAL);
    assert_int_equal(izx_query_combine(NULL, IZX_OP_AND, NULL, 0, 0, NULL), IZX_EINVAL);
    assert_int_equal(izx_query_value_range(NULL, 0, "a", "b", NULL), IZX_EINVAL);
    assert_int_equal(izx_query_wildcard(&q, NULL, 1, NULL), IZX_EINVAL);
    assert_int_equal(izx_query_wildcard(NULL, "a", 1, NULL), IZX_EINVAL);
    assert_int_equal(izx_query_match_all(NULL, NULL), IZX_EINVAL);
    assert_int_equal(izx_query_match_nothing(NULL, NULL), IZX_EINVAL);
    assert_int_equal(izx_query_scale(&q, NULL, 1.0, NULL), IZX_EINVAL);
    assert_int_equal(izx_query_describe(NULL, &s), IZX_EINVAL);
    izx_query_free(NULL);
    assert_null(q);

    q = T("fox");
    assert_int_equal(izx_query_describe(q, NULL), IZX_EINVAL);
    assert_int_equal(izx_enquire(NULL, db, q, 0, 10, -1, 0), IZX_EINVAL);
    assert_int_equal(izx_enquire(&m, NULL, q, 0, 10, -1, 0), IZX_EINVAL);
    assert_int_equal(izx_enquire(&m, db, NULL, 0, 10, -1, 0), IZX_EINVAL);
    assert_msg_has(izx_db_errmsg(db), "NULL argument");
    assert_null(m);
    izx_query_free(q);

    izx_mset_free(NULL);
    assert_int_equal(izx_mset_size(NULL), 0);
    assert_int_equal(izx_mset_matches_estimated(NULL), 0);
    assert_int_equal(izx_mset_matches_lower_bound(NULL), 0);
    assert_int_equal(izx_mset_matches_upper_bound(NULL), 0);
    assert_int_equal(izx_mset_docid(NULL, 0), 0);
    assert_true(izx_mset_weight(NULL, 0) == 0.0);
    assert_int_equal(izx_mset_rank(NULL, 0), 0);
    assert_int_equal(izx_mset_data(NULL, 0, &cs, &len), IZX_EINVAL);
    assert_int_equal(izx_mset_value(NULL, 0, 0, &cs, &len), IZX_EINVAL);
    assert_string_equal(izx_mset_errmsg(NULL), "");
}

int main(void)
{
#define CORPUS_TEST(f) cmocka_unit_test_setup_teardown(f, corpus_setup, corpus_teardown)
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_status_names),
        cmocka_unit_test(test_add_count_data),
        cmocka_unit_test(test_replace_unique),
        cmocka_unit_test(test_doc_rewrite),
        cmocka_unit_test(test_collapsed_counts),
        cmocka_unit_test(test_delete),
        cmocka_unit_test(test_commit_reopen),
        cmocka_unit_test(test_transactions),
        cmocka_unit_test(test_metadata),
        CORPUS_TEST(test_query_term_bool),
        CORPUS_TEST(test_query_filter_adds_no_weight),
        CORPUS_TEST(test_query_phrase),
        CORPUS_TEST(test_query_value_range),
        CORPUS_TEST(test_query_wildcard_all_nothing),
        CORPUS_TEST(test_ranking),
        CORPUS_TEST(test_offset_maxitems),
        CORPUS_TEST(test_sort_by_value),
        CORPUS_TEST(test_hit_readback),
        CORPUS_TEST(test_combine),
        CORPUS_TEST(test_sort_rel_then_value),
        cmocka_unit_test(test_remote_refused),
        cmocka_unit_test(test_err_locked),
        cmocka_unit_test(test_err_not_found),
        cmocka_unit_test(test_err_corrupt),
        CORPUS_TEST(test_err_query),
        cmocka_unit_test(test_err_term_too_long),
        CORPUS_TEST(test_err_readonly_refuses_writes),
        CORPUS_TEST(test_err_null_args),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
