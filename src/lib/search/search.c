/*
 * search.c - run a query and collect ranked hits with their metadata and
 * a highlighted snippet; everything returned belongs to the izde_results.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "izde-private.h"
#include "docstore.h"
#include "expand.h"
#include "figures.h"

typedef struct hit_store {
    json_t *data;       /* the document's JSON; field strings point into it */
    izde__snip snip;    /* the fragments */
    izde_snippet pub[IZDE_MAX_FRAGMENTS]; /* the same, as the public API shows them */
    izde_hit_figure *figs; /* the article's figures, strings in `data` */
    char **copy_ids;    /* the first ids of its story's other articles */
    size_t ncopy_ids;
} hit_store;

struct izde_results {
    unsigned n;
    unsigned estimated;
    unsigned articles;  /* matching articles, copies included (estimated) */
    int by_story;       /* one hit per story: `estimated` counts stories */
    char *suggestion;   /* "did you mean" (suggest.c), or NULL */
    izde_hit *hits;
    hit_store *store;
    izde_expansion *expanded; /* strings in `xstrings` */
    size_t nexpanded;
    char *xstrings;
};

static const char *jstr(json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

/* ---- snippets, on both cores ---------------------------------------------- */

typedef struct snip_job {
    izde_results *r;
    izde_stored *sd;      /* per hit: metadata read, body fetched, not parsed */
    unsigned first, step;
    izde_analyzer *an;
    izde_qstemmers st;
    const izde_pquery *pq;
    int rc;
    unsigned failed_at;
} snip_job;

/* Whether stored figure f lies inside one of the hit's fragments. */
static int in_fragments(json_t *f, const izde__snip *sn)
{
    size_t b = (size_t)json_integer_value(json_object_get(f, "start"));
    size_t e = (size_t)json_integer_value(json_object_get(f, "end"));
    for (size_t i = 0; i < sn->nfrag; i++)
        if (sn->frag[i].from <= b && e <= sn->frag[i].to)
            return 1;
    return 0;
}

/* Which of the `total` stored figures a hit lists (at most `max`, marked
 * in `pick`): those its fragments show, then the article's first ones. */
static size_t pick_figures(json_t *jf, size_t total, size_t max, const izde__snip *sn,
                           unsigned char *pick)
{
    size_t n = 0;
    for (size_t k = 0; k < total && n < max; k++)
        if ((pick[k] = (unsigned char)in_fragments(json_array_get(jf, k), sn)))
            n++;
    for (size_t k = 0; k < total && n < max; k++)
        if (!pick[k])
            pick[k] = 1, n++;
    return n;
}

/* The figures of a hit, from its parsed body: at most IZDE_HIT_MAX_FIGURES
 * (those in its fragments first, then the first ones), in article order,
 * given their text and sentence from the article's text; strings stay in
 * `o`. */
static void set_figures(hit_store *s, izde_hit *h, json_t *o, const char *text, size_t tlen)
{
    json_t *jf = json_object_get(o, "figures");
    size_t total = json_array_size(jf);
    size_t n = total < IZDE_HIT_MAX_FIGURES ? total : IZDE_HIT_MAX_FIGURES;
    h->figures_total = total;
    unsigned char *pick = total ? calloc(total, 1) : NULL;
    if (!n || !pick || !(s->figs = calloc(n, sizeof *s->figs))) {
        free(pick);
        return;
    }
    n = pick_figures(jf, total, n, &s->snip, pick);
    for (size_t k = 0, at = 0; at < total; at++) {
        if (!pick[at])
            continue;
        json_t *f = json_array_get(jf, at);
        izde_hit_figure *g = &s->figs[k++];
        izde__figure_expand(f, text, tlen);
        g->value = json_number_value(json_object_get(f, "value"));
        g->high = json_number_value(json_object_get(f, "high"));
        g->qualifier = jstr(f, "qualifier");
        g->kind = izde__figure_kind_name(izde__figure_kind_of(jstr(f, "kind")));
        g->unit = jstr(f, "unit");
        g->noun = jstr(f, "noun");
        g->noun_stem = jstr(f, "noun_stem");
        g->key = jstr(f, "key");
        g->label = jstr(f, "label");
        g->text = jstr(f, "text");
        g->sentence = jstr(f, "sentence");
        g->start = (size_t)json_integer_value(json_object_get(f, "start"));
        g->end = (size_t)json_integer_value(json_object_get(f, "end"));
    }
    free(pick);
    h->figures = s->figs;
    h->nfigures = n;
}

/* Parse the bodies of every step-th hit from `first` and make their
 * snippets. */
static void run_job(snip_job *j)
{
    for (unsigned i = j->first; i < j->r->n && j->rc == IZDE_OK; i += j->step) {
        hit_store *s = &j->r->store[i];
        izde_hit *h = &j->r->hits[i];
        if (izde__doc_parse_body(&j->sd[i], IZDE_DOC_BODY) != IZX_OK) {
            j->rc = IZDE_ECORRUPT;
            j->failed_at = i;
            break;
        }
        j->rc = izde__snippet(&s->snip, j->an, &j->st, j->pq, j->sd[i].text, j->sd[i].text_len,
                              h->lang);
        if (j->rc != IZDE_OK) {
            j->failed_at = i;
            break;
        }
        set_figures(s, h, s->data, j->sd[i].text, j->sd[i].text_len);
        for (size_t f = 0; f < s->snip.nfrag; f++) {
            const izde__frag *fr = &s->snip.frag[f];
            s->pub[f] = (izde_snippet){fr->text, fr->len, (const size_t(*)[2])fr->hl, fr->nhl};
        }
        h->snippets = s->pub;
        h->nsnippets = s->snip.nfrag;
    }
}

static void *job_thread(void *arg)
{
    run_job(arg);
    return NULL;
}

/* The second analyzer and stemmers, made once per handle. */
static int aux_ready(izde_db *db)
{
    if (db->aux.analyzer)
        return 1;
    if (db->aux.failed)
        return 0;
    char *err = NULL;
    if (izde_analyzer_new(&db->aux.analyzer, &err) != IZDE_OK ||
        izde_stemmer_new(&db->aux.ru, "ru") != IZDE_OK ||
        izde_stemmer_new(&db->aux.ky, "ky") != IZDE_OK) {
        izde_analyzer_free(db->aux.analyzer);
        izde_stemmer_free(db->aux.ru);
        izde_stemmer_free(db->aux.ky);
        db->aux.analyzer = NULL;
        db->aux.ru = db->aux.ky = NULL;
        db->aux.failed = 1;
    }
    free(err);
    return db->aux.analyzer != NULL;
}

/* The figures and snippets of the hits (their bodies fetched): the odd
 * ones on a second thread (with its own analyzer and stemmers) when there
 * are enough of them to pay for it, the even ones here. */
static int make_snippets(izde_db *db, izde_results *r, const izde_pquery *pq, izde_stored *sd)
{
    int two = r->n >= 4 && aux_ready(db);
    snip_job main_job = {.r = r, .sd = sd, .first = 0, .step = two ? 2 : 1,
                         .an = db->analyzer, .st = {.ru = db->stem_ru, .ky = db->stem_ky, .db = db->x},
                         .pq = pq};
    snip_job aux_job = main_job;
    aux_job.first = 1;
    aux_job.an = db->aux.analyzer;
    aux_job.st.ru = db->aux.ru;
    aux_job.st.ky = db->aux.ky;
    pthread_t t;
    int threaded = two && pthread_create(&t, NULL, job_thread, &aux_job) == 0;
    run_job(&main_job);
    if (threaded)
        pthread_join(t, NULL);
    else if (two)
        run_job(&aux_job); /* no thread: the other half here too */
    snip_job *bad = main_job.rc != IZDE_OK ? &main_job : two && aux_job.rc != IZDE_OK ? &aux_job : NULL;
    if (!bad)
        return IZDE_OK;
    const char *id = r->hits[bad->failed_at].id;
    if (bad->rc == IZDE_ECORRUPT)
        return izde__db_error(db, bad->rc, "the stored article '%s' is unreadable (%s); re-index "
                              "its file", id ? id : "?", sd[bad->failed_at].why);
    return izde__db_error(db, bad->rc, "cannot make a snippet for '%s'", id ? id : "?");
}

int izde_search(izde_results **out, izde_db *db, const char *query, unsigned offset, unsigned limit)
{
    return izde_search_sorted(out, db, query, offset, limit, IZDE_SORT_RELEVANCE);
}

int izde_search_sorted(izde_results **out, izde_db *db, const char *query, unsigned offset,
                       unsigned limit, int sort)
{
    izde_search_options o = {.offset = offset, .limit = limit, .sort = sort};
    return izde_search_ex(out, db, query, &o);
}

/* read_hits: the index changed while the page was read; run it again */
#define READ_AGAIN (-1)

/* Hit i of the page from stored document `o` (owned by r from here), at
 * index `at` of the mset. */
static void fill_hit(izde_results *r, unsigned i, json_t *o, unsigned offset, izx_mset *m,
                     unsigned at)
{
    izde_hit *h = &r->hits[i];
    r->store[i].data = o;
    r->n = i + 1;
    h->rank = offset + i + 1;
    h->score = izx_mset_weight(m, at);
    h->id = jstr(o, "id");
    h->path = jstr(o, "path");
    h->url = jstr(o, "url");
    h->title = jstr(o, "title");
    h->lang = jstr(o, "lang");
    h->source = jstr(o, "source");
    h->date = jstr(o, "date");
    h->story = jstr(o, "story");
    /* the run that first indexed it: "NNNNNNNNNN TIME" (db/run.c) */
    const char *v = NULL;
    size_t len = 0;
    if (izx_mset_value(m, at, IZDE_SLOT_RUN, &v, &len) == IZX_OK && len > IZDE_RUN_DIGITS + 1) {
        h->run = strtoul(v, NULL, 10);
        json_object_set_new(o, "indexed", json_stringn(v + IZDE_RUN_DIGITS + 1,
                                                       len - IZDE_RUN_DIGITS - 1));
        h->indexed = jstr(o, "indexed");
    }
}

/* Keep the articles of index run `run` and later only (slot 5). */
static int from_run(izde_db *db, izde_pquery *pq, unsigned long run)
{
    char lo[24], *msg = NULL;
    snprintf(lo, sizeof lo, "%0*lu", IZDE_RUN_DIGITS, run);
    izx_query *range = NULL, *both = NULL;
    int x = izx_query_value_range(&range, IZDE_SLOT_RUN, lo, NULL, &msg);
    if (x == IZX_OK)
        x = izx_query_combine(&both, IZX_OP_FILTER, (izx_query *const[]){pq->xq, range}, 2, 0,
                              &msg);
    izx_query_free(range);
    izx_free(msg);
    if (x != IZX_OK)
        return izde__db_error(db, izde__status_from_izx(x), "cannot keep the new articles");
    izx_query_free(pq->xq);
    pq->xq = both;
    return IZDE_OK;
}

/* The other articles of each hit's story (copies.c). */
static int fill_copies(izde_db *db, izde_results *r, izx_mset *m, const unsigned *order)
{
    for (unsigned i = 0; i < r->n; i++) {
        izde_hit *h = &r->hits[i];
        hit_store *s = &r->store[i];
        int x = izde__story_copies(db->x, h->story, izx_mset_docid(m, order[i]),
                                   IZDE_HIT_MAX_COPY_IDS, &h->copies, &s->copy_ids, &s->ncopy_ids);
        if (x != IZX_OK)
            return x == IZX_ENOMEM ? izde__db_error(db, IZDE_ENOMEM, "out of memory")
                                   : izde__db_izx_error(db, x, "cannot list the copies");
        h->copy_ids = (const char *const *)s->copy_ids;
        h->ncopy_ids = s->ncopy_ids;
    }
    return IZDE_OK;
}

/* Read the n hits of the page (mset indexes `order`) into r, their bodies
 * into sd for the snippets; READ_AGAIN after reopening a changed index. */
static int read_hits(izde_db *db, izx_mset *m, const unsigned *order, unsigned n,
                     const izde_search_options *opt, izde_results *r, izde_stored *sd,
                     int *attempts)
{
    for (unsigned i = 0; i < n; i++) {
        izde_stored *d = &sd[i];
        unsigned at = order[i];
        int xrc = izde__doc_read(m, at, opt->no_snippets ? IZDE_DOC_META : IZDE_DOC_BODY_RAW, d);
        if (xrc == IZX_EMODIFIED && (*attempts)++ < 5 && izx_db_reopen(db->x) == IZX_OK) {
            izde__stored_clear(d);
            return READ_AGAIN;
        }
        if (xrc == IZX_ECORRUPT) {
            int rc = izde__db_error(db, IZDE_ECORRUPT, "document %u is unreadable (%s); re-index "
                                    "its file", izx_mset_docid(m, at), d->why);
            izde__stored_clear(d);
            return rc;
        }
        if (xrc != IZX_OK) {
            int rc = izde__db_error(db, izde__status_from_izx(xrc), "cannot read a hit: %s",
                                    izx_mset_errmsg(m));
            izde__stored_clear(d);
            return rc;
        }
        fill_hit(r, i, d->doc, opt->offset, m, at);
    }
    return IZDE_OK;
}

/* Empty results for n hits, and their n stored bodies in *sd. */
static izde_results *new_results(izde_db *db, unsigned n, izde_stored **sd)
{
    izde_results *r = calloc(1, sizeof *r);
    *sd = n ? calloc(n, sizeof **sd) : NULL;
    if (!r || (n && (!*sd || !(r->hits = calloc(n, sizeof *r->hits)) ||
                     !(r->store = calloc(n, sizeof *r->store))))) {
        izde__db_error(db, IZDE_ENOMEM, "out of memory");
        izde_results_free(r);
        free(*sd);
        *sd = NULL;
        return NULL;
    }
    return r;
}

/* The numbers of matching stories and articles.  The page's collapsed
 * match has counted both exactly when it saw every match (up to about a
 * thousand); past that every match is counted again by story, since
 * Xapian's collapsed estimate is rough (on the news set read four times
 * it was 1.02 to 4.1 times the true number of stories, often a round
 * thousand). */
static int count_stories(izx_db *x, const izx_query *q, izx_mset *m, izde_results *r)
{
    if (izx_mset_counts_exact(m)) {
        r->estimated = izx_mset_matches_estimated(m);
        r->articles = izx_mset_uncollapsed_estimated(m);
        return IZX_OK;
    }
    return izde__count_stories(x, q, &r->estimated, &r->articles);
}

/* Copy the query's expansions into the results (one block of strings). */
static int keep_expansions(izde_results *r, const izde_pquery *pq)
{
    if (!pq->nexpanded)
        return IZDE_OK;
    size_t bytes = 0;
    for (size_t i = 0; i < pq->nexpanded; i++)
        bytes += strlen(pq->expanded[i].word) + strlen(pq->expanded[i].to) + 2;
    r->expanded = calloc(pq->nexpanded, sizeof *r->expanded);
    char *w = r->xstrings = malloc(bytes);
    if (!r->expanded || !w)
        return IZDE_ENOMEM;
    for (size_t i = 0; i < pq->nexpanded; i++) {
        izde_expansion *e = &r->expanded[i];
        e->word = strcpy(w, pq->expanded[i].word);
        w += strlen(w) + 1;
        e->to = strcpy(w, pq->expanded[i].to);
        w += strlen(w) + 1;
        e->why = izde__xwhy_name(pq->expanded[i].why);
    }
    r->nexpanded = pq->nexpanded;
    return IZDE_OK;
}

static int search_once(izde_results **out, izde_db *db, const char *query,
                       const izde_search_options *opt)
{
    static const izde_search_options defaults = {.limit = 10};
    if (!opt)
        opt = &defaults;
    *out = NULL;
    izde_pquery pq;
    int rc = opt->like ? izde__similar_query(db, opt->like, query, &pq)
                       : izde__db_parse_query(db, query, &pq);
    int parsed = rc == IZDE_OK;
    if (parsed && opt->from_run)
        rc = from_run(db, &pq, opt->from_run);
    if (rc != IZDE_OK) {
        if (opt->like || parsed)
            izde__pquery_clear(&pq);
        return rc;
    }
    izx_mset *m = NULL;
    unsigned *order = NULL; /* the page: mset indexes in rank order (ranking.c) */
    izde_stored *sd = NULL; /* per hit, the json docs owned by the results */
    izde_results *r = NULL;
    for (int attempts = 0;;) {
        unsigned n = 0;
        int xrc = izde__rank_page(db->x, pq.xq, opt->sort, !opt->all_copies, opt->offset,
                                  opt->limit, &m, &order, &n);
        /* an indexer committed while we read: reopen at the new revision */
        if (xrc == IZX_EMODIFIED && attempts++ < 5 && izx_db_reopen(db->x) == IZX_OK)
            continue;
        if (xrc != IZX_OK) {
            rc = xrc == IZX_ENOMEM ? izde__db_error(db, IZDE_ENOMEM, "out of memory")
                                   : izde__db_izx_error(db, xrc, "search failed");
            break;
        }
        if (!(r = new_results(db, n, &sd))) {
            rc = IZDE_ENOMEM;
            break;
        }
        r->estimated = izx_mset_matches_estimated(m);
        r->by_story = !opt->all_copies;
        r->articles = r->estimated;
        if (r->by_story && (xrc = count_stories(db->x, pq.xq, m, r)) != IZX_OK) {
            rc = izde__db_izx_error(db, xrc, "cannot count the stories");
            break;
        }
        rc = read_hits(db, m, order, n, opt, r, sd, &attempts);
        if (rc == IZDE_OK)
            rc = fill_copies(db, r, m, order);
        if (rc != READ_AGAIN)
            break;
        izde_results_free(r);
        r = NULL;
        free(sd);
        sd = NULL;
        izx_mset_free(m);
        m = NULL;
        free(order);
        order = NULL;
    }
    if (rc == IZDE_OK && !opt->no_snippets)
        rc = make_snippets(db, r, &pq, sd);
    if (rc == IZDE_OK)
        rc = keep_expansions(r, &pq);
    /* a suggestion that cannot be made is no failure of the search */
    if (rc == IZDE_OK && !opt->like &&
        izde__suggest(db, query, &pq, r->estimated, &r->suggestion) == IZDE_ENOMEM)
        rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
    free(sd);
    free(order);
    izx_mset_free(m);
    izde__pquery_clear(&pq);
    if (rc != IZDE_OK) {
        izde_results_free(r);
        return rc;
    }
    *out = r;
    return IZDE_OK;
}

int izde_search_ex(izde_results **out, izde_db *db, const char *query,
                   const izde_search_options *opt)
{
    /* a set of shards: a remote one that stops answering is named, or
     * left out with allow_partial and the operation run again */
    int rc;
    IZDE__RUN_RECOVERING(db, rc, search_once(out, db, query, opt));
    return rc;
}

unsigned izde_results_count(const izde_results *r)
{
    return r ? r->n : 0;
}

unsigned izde_results_estimated(const izde_results *r)
{
    return r ? r->estimated : 0;
}

int izde_results_by_story(const izde_results *r)
{
    return r ? r->by_story : 0;
}

unsigned izde_results_articles_estimated(const izde_results *r)
{
    return r ? r->articles : 0;
}

const char *izde_results_suggestion(const izde_results *r)
{
    return r ? r->suggestion : NULL;
}

const izde_hit *izde_results_hit(const izde_results *r, unsigned i)
{
    return r && i < r->n ? &r->hits[i] : NULL;
}

size_t izde_results_expansions(const izde_results *r, const izde_expansion **out)
{
    *out = r ? r->expanded : NULL;
    return r ? r->nexpanded : 0;
}

void izde_results_free(izde_results *r)
{
    if (!r)
        return;
    for (unsigned i = 0; i < r->n; i++) {
        json_decref(r->store[i].data);
        izde__snip_free(&r->store[i].snip);
        free(r->store[i].figs);
        for (size_t k = 0; k < r->store[i].ncopy_ids; k++)
            free(r->store[i].copy_ids[k]);
        free(r->store[i].copy_ids);
    }
    free(r->hits);
    free(r->store);
    free(r->expanded);
    free(r->xstrings);
    free(r->suggestion);
    free(r);
}
