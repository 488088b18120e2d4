/*
 * similar.c - the query of «articles like this one» (`izde similar`,
 * izde_search_options.like): the stems that best tell the article apart
 * (Xapian's relevance feedback over it), each searched as a Russian and a
 * Kyrgyz stem so that the other language's coverage of the same names and
 * loanwords is found too; the article's own story is left out, and a
 * query given beside it filters the result.
 */
#include <stdlib.h>
#include <string.h>

#include "izde-private.h"
#include "hash.h"

/* Stems asked of the expand set: enough for the story's names, places
 * and subject, few enough that chance words do not rank. */
#define SIMILAR_TERMS 30

typedef struct like_terms {
    izx_query **subs;
    size_t n;
    char **stems;
    size_t nstems;
    int failed;
} like_terms;

static int term_query(izx_query **q, const char *prefix, const char *stem)
{
    izde_buf t = {0};
    char *msg = NULL;
    int x = izde__buf_puts(&t, prefix) || izde__buf_puts(&t, stem)
                ? IZX_ENOMEM
                : izx_query_term(q, t.data, t.len, 1, &msg);
    izx_free(msg);
    izde__buf_free(&t);
    return x;
}

/* One expand term: its stem searched in both languages. */
static int add_term(void *ctx, const char *term, size_t len, double weight)
{
    (void)weight;
    like_terms *lt = ctx;
    size_t skip = len >= 2 && memcmp(term, IZDE_PREFIX_STEM_KY, 2) == 0 ? 2 : 1;
    char *stem = izde__strdupf("%.*s", (int)(len - skip), term + skip);
    izx_query *both[2] = {NULL, NULL};
    izx_query *q = NULL;
    char *msg = NULL;
    if (!stem || term_query(&both[0], IZDE_PREFIX_STEM_RU, stem) != IZX_OK ||
        term_query(&both[1], IZDE_PREFIX_STEM_KY, stem) != IZX_OK ||
        izx_query_combine(&q, IZX_OP_OR, both, 2, 0, &msg) != IZX_OK) {
        lt->failed = 1;
        free(stem);
        stem = NULL;
    }
    izx_free(msg);
    izx_query_free(both[0]);
    izx_query_free(both[1]);
    if (!stem)
        return 1;
    lt->subs[lt->n++] = q;
    lt->stems[lt->nstems++] = stem;
    return 0;
}

/* The document of `id`, 0 when the index has none. */
static int first_doc(void *ctx, unsigned docid)
{
    *(unsigned *)ctx = docid;
    return 1;
}

static unsigned doc_of(izx_db *x, const char *prefix, const char *key)
{
    izde_buf t = {0};
    unsigned docid = 0;
    if (!izde__buf_puts(&t, prefix) && !izde__hashed_key(&t, key, IZDE_MAX_TERM - 1, 200))
        izx_db_postlist(x, t.data, t.len, first_doc, &docid);
    izde__buf_free(&t);
    return docid;
}

/* `q` AND NOT the articles of the story of `docid` (or `id` itself when
 * it has none stored). */
static int without_story(izx_db *x, unsigned docid, const char *id, izx_query **q)
{
    char *story = NULL;
    size_t slen = 0;
    izde_buf t = {0};
    izx_query *own = NULL, *both[2] = {*q, NULL};
    char *msg = NULL;
    int have = izx_db_get_value(x, docid, IZDE_SLOT_STORY, &story, &slen) == IZX_OK && slen;
    int bad = have ? izde__story_term(&t, story)
                   : izde__buf_puts(&t, IZDE_PREFIX_ID) ||
                         izde__hashed_key(&t, id, IZDE_MAX_TERM - 1, 200);
    int x_rc = bad ? IZX_ENOMEM : izx_query_term(&own, t.data, t.len, 1, &msg);
    if (x_rc == IZX_OK) {
        both[1] = own;
        izx_query *r = NULL;
        x_rc = izx_query_combine(&r, IZX_OP_AND_NOT, both, 2, 0, &msg);
        if (x_rc == IZX_OK) {
            izx_query_free(*q);
            *q = r;
        }
    }
    izx_free(msg);
    izx_free(story);
    izx_query_free(own);
    izde__buf_free(&t);
    return x_rc;
}

int izde__similar_query(izde_db *db, const char *id, const char *query, izde_pquery *pq)
{
    memset(pq, 0, sizeof *pq);
    unsigned docid = doc_of(db->x, IZDE_PREFIX_ID, id);
    if (!docid)
        return izde__db_error(db, IZDE_ENOTFOUND, "no article with id '%s' in the index", id);
    like_terms lt = {calloc(SIMILAR_TERMS, sizeof *lt.subs), 0,
                     calloc(SIMILAR_TERMS, sizeof *lt.stems), 0, 0};
    int x = lt.subs && lt.stems ? izx_db_expand_terms(db->x, docid, IZDE_PREFIX_STEM_RU,
                                                      SIMILAR_TERMS, add_term, &lt)
                                : IZX_ENOMEM;
    char *msg = NULL;
    if (x == IZX_OK && !lt.failed && lt.n)
        x = izx_query_combine(&pq->xq, IZX_OP_OR, lt.subs, lt.n, 0, &msg);
    izx_free(msg);
    for (size_t i = 0; i < lt.n; i++)
        izx_query_free(lt.subs[i]);
    free(lt.subs);
    pq->stems = lt.stems;
    pq->nstems = lt.nstems;
    /* the snippets mark the stems in either language */
    if ((pq->ky_stems = calloc(lt.nstems + 1, sizeof *pq->ky_stems)))
        for (size_t i = 0; i < lt.nstems; i++)
            if ((pq->ky_stems[pq->nky_stems] = izde__strdupf("%s", lt.stems[i])))
                pq->nky_stems++;
    if (x != IZX_OK || lt.failed)
        return izde__db_izx_error(db, lt.failed ? IZX_ENOMEM : x, "cannot read the article's terms");
    if (!pq->xq) /* an article without words: nothing is like it */
        return izx_query_match_nothing(&pq->xq, NULL) == IZX_OK ? IZDE_OK : IZDE_ENOMEM;
    if ((x = without_story(db->x, docid, id, &pq->xq)) != IZX_OK)
        return izde__db_izx_error(db, x, "cannot leave the article's story out");
    if (query && *query) {
        izde_pquery filter;
        int rc = izde__db_parse_query(db, query, &filter);
        if (rc != IZDE_OK)
            return rc;
        izx_query *parts[2] = {pq->xq, filter.xq}, *r = NULL;
        x = izx_query_combine(&r, IZX_OP_FILTER, parts, 2, 0, &msg);
        izx_free(msg);
        izde__pquery_clear(&filter);
        if (x != IZX_OK)
            return izde__db_izx_error(db, x, "cannot filter the similar articles");
        izx_query_free(pq->xq);
        pq->xq = r;
    }
    return IZDE_OK;
}
