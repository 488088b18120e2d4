/*
 * timeline.c - how many matching stories (and articles) fall in each
 * year, month or ISO week (izde_timeline_get, `izde timeline`): by
 * publication date, over every match, a story counted once, in the period
 * of its earliest matching copy; or by the dates the articles mention (E*
 * terms), the stories of each period counted by a value-count match spy
 * on the story slot.  Every period
 * from the first to the last is listed, empty ones as 0; the stories and
 * articles without a date (or mentioning none) are counted apart.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "dates.h"
#include "izde-private.h"

typedef struct bucket {
    int key;        /* year*10000 + month*100 + week/… as an ordered integer */
    unsigned count; /* stories */
    unsigned articles;
} bucket;

typedef struct tl_ctx {
    char by;          /* 'y', 'm', 'w' */
    bucket *b;
    size_t n, cap;
    unsigned dated;   /* stories counted in a period */
    unsigned coarse;  /* stories dated, but not precisely enough for `by` */
    unsigned stories; /* matching stories */
    unsigned undated_articles;
    unsigned undated, coarse_m; /* mentioned: stories with no date, none precise enough */
    int oom;
    /* mentioned mode */
    izde_db *db;
    izx_query *q;
    const char *prefix;
    int rc;
} tl_ctx;

/* ISO 8601 week: year*100 + week. */
static int iso_week(int y, int m, int d)
{
    long days = izde__days_from_civil(y, m, d);
    int wday = (int)((days + 3) % 7 + 7) % 7 + 1; /* Monday 1 .. Sunday 7 (1970-01-01 was a Thursday) */
    long thursday = days - wday + 4;
    /* the ISO year is the year of that Thursday */
    int iy = y;
    if (thursday < izde__days_from_civil(y, 1, 1))
        iy = y - 1;
    else if (thursday >= izde__days_from_civil(y + 1, 1, 1))
        iy = y + 1;
    int week = (int)((thursday - izde__days_from_civil(iy, 1, 1)) / 7) + 1;
    return iy * 100 + week;
}

static void add(tl_ctx *c, int key, unsigned count, unsigned articles)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->b[i].key == key) {
            c->b[i].count += count;
            c->b[i].articles += articles;
            c->dated += count;
            return;
        }
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        bucket *nb = realloc(c->b, cap * sizeof *nb);
        if (!nb) {
            c->oom = 1;
            return;
        }
        c->b = nb;
        c->cap = cap;
    }
    c->b[c->n++] = (bucket){key, count, articles};
    c->dated += count;
}

/* A "YYYY[MM[DD]]" value (or term tail) into the bucket key for c->by:
 * `count` stories and `articles` articles more there. */
static void count_value(tl_ctx *c, const char *v, size_t len, unsigned count, unsigned articles)
{
    int y = 0, m = 0, d = 0;
    if (len >= 4)
        y = atoi((char[]){v[0], v[1], v[2], v[3], 0});
    if (len >= 6)
        m = atoi((char[]){v[4], v[5], 0});
    if (len >= 8)
        d = atoi((char[]){v[6], v[7], 0});
    if (!y)
        return;
    if (c->by == 'y')
        add(c, y, count, articles);
    else if (c->by == 'm' && m)
        add(c, y * 100 + m, count, articles);
    else if (c->by == 'w' && d)
        add(c, iso_week(y, m, d), count, articles);
    else
        c->coarse += count;
}


/* mentioned: each E<Y|M|D><date> term, counted within the query's matches */
static int on_term(void *ctx, const char *t, size_t len, unsigned freq)
{
    (void)freq;
    tl_ctx *c = ctx;
    size_t pl = strlen(c->prefix);
    izx_query *tq = NULL, *both = NULL;
    char *msg = NULL;
    if (izx_query_term(&tq, t, len, 1, &msg) != IZX_OK) {
        izx_free(msg);
        c->rc = IZDE_ENOMEM;
        return 1;
    }
    izx_query *two[2] = {c->q, tq};
    unsigned n = 0, stories = 0;
    int x = izx_query_combine(&both, IZX_OP_FILTER, two, 2, 0, &msg);
    izx_query_free(tq);
    if (x == IZX_OK)
        x = izde__count_stories(c->db->x, both, &stories, &n);
    izx_query_free(both);
    izx_free(msg);
    if (x != IZX_OK) {
        c->rc = izde__db_izx_error(c->db, x, "counting failed");
        return 1;
    }
    if (n)
        count_value(c, t + pl, len - pl, stories, n);
    return c->oom;
}

static int by_key(const void *a, const void *b)
{
    const bucket *x = a, *y = b;
    return (x->key > y->key) - (x->key < y->key);
}

void izde_period_label(const char *period, int english, char *buf, size_t n)
{
    static const char *const months[2][12] = {
        {"янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"},
        {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
    };
    int en = english != 0, y = atoi(period);
    size_t len = strlen(period);
    int month = len == 7 && period[4] == '-' ? atoi(period + 5) : 0;
    int week = len == 8 && period[5] == 'W' ? atoi(period + 6) : 0;
    if (month >= 1 && month <= 12)
        snprintf(buf, n, "%s %d", months[en][month - 1], y);
    else if (week)
        snprintf(buf, n, en ? "W%d %d" : "нед. %d %d", week, y);
    else
        snprintf(buf, n, "%s", period);
}

static void period_name(char by, int key, char *buf, size_t n)
{
    if (by == 'y')
        snprintf(buf, n, "%04d", key);
    else if (by == 'm')
        snprintf(buf, n, "%04d-%02d", key / 100, key % 100);
    else
        snprintf(buf, n, "%04d-W%02d", key / 100, key % 100);
}

/* The period after `key`. */
static int next_key(char by, int key)
{
    if (by == 'y')
        return key + 1;
    if (by == 'm')
        return key % 100 == 12 ? (key / 100 + 1) * 100 + 1 : key + 1;
    /* weeks: 52 or 53 in the year; the 53rd exists when Dec 28 is in it */
    int y = key / 100, w = key % 100;
    int last = iso_week(y, 12, 28) % 100;
    return w >= last ? (y + 1) * 100 + 1 : key + 1;
}

/* One match: its story and publication date (slot 0), borrowed from the mset. */
typedef struct dated_story {
    const char *story, *date;
    size_t slen, dlen;
    unsigned docid;
} dated_story;

/* By story, then date: the first of each story is its earliest date (a
 * date known to the month only sorts after that month's days). */
static int by_story_date(const void *a, const void *b)
{
    const dated_story *x = a, *y = b;
    size_t n = x->slen < y->slen ? x->slen : y->slen;
    int c = memcmp(x->story, y->story, n);
    if (c || x->slen != y->slen)
        return c ? c : (x->slen > y->slen) - (x->slen < y->slen);
    if (!x->slen && x->docid != y->docid) /* no story: each its own */
        return (x->docid > y->docid) - (x->docid < y->docid);
    n = x->dlen < y->dlen ? x->dlen : y->dlen;
    c = memcmp(x->date, y->date, n);
    return c ? c : (y->dlen > x->dlen) - (y->dlen < x->dlen); /* undated last */
}

/* Publication dates: every match counts as an article in its period, and
 * every story once, in the period of its earliest matching article. */
static int count_in_stories(tl_ctx *c, dated_story *v, unsigned n)
{
    qsort(v, n, sizeof *v, by_story_date);
    int story_dated = 0;
    for (unsigned i = 0; i < n && !c->oom; i++) {
        int first = i == 0 || v[i].slen != v[i - 1].slen || !v[i].slen ||
                memcmp(v[i].story, v[i - 1].story, v[i].slen) != 0;
        c->stories += first;
        if (first) /* its earliest article: undated only when all are */
            story_dated = v[i].dlen >= 4;
        if (v[i].dlen >= 4)
            count_value(c, v[i].date, v[i].dlen, (unsigned)first, 1);
        if (!story_dated)
            c->undated_articles++;
    }
    return c->oom ? IZX_ENOMEM : IZX_OK;
}

static int count_published(izde_db *db, izx_query *q, tl_ctx *c, unsigned *matches)
{
    unsigned all = 0;
    izx_mset *m = NULL;
    int x = izx_db_doccount(db->x, &all);
    if (x == IZX_OK)
        x = izx_enquire(&m, db->x, q, 0, all ? all : 1, -1, 0);
    unsigned n = izx_mset_size(m);
    dated_story *v = x == IZX_OK && n ? calloc(n, sizeof *v) : NULL;
    if (x == IZX_OK && n && !v)
        x = IZX_ENOMEM;
    for (unsigned i = 0; v && i < n && x == IZX_OK; i++) {
        v[i].docid = izx_mset_docid(m, i);
        x = izx_mset_value(m, i, IZDE_SLOT_STORY, &v[i].story, &v[i].slen);
        if (x == IZX_OK)
            x = izx_mset_value(m, i, IZDE_SLOT_DATE, &v[i].date, &v[i].dlen);
    }
    if (x == IZX_OK && v)
        x = count_in_stories(c, v, n);
    *matches = n;
    free(v);
    izx_mset_free(m);
    return x;
}

/* The stories and articles of `q` that have a term starting with `prefix`. */
static int count_with(izx_db *x, izx_query *q, const char *prefix, unsigned *stories,
                      unsigned *articles)
{
    izx_query *w = NULL, *both = NULL;
    char *msg = NULL;
    int rc = izx_query_wildcard(&w, prefix, 0, &msg);
    izx_query *two[2] = {q, w};
    if (rc == IZX_OK)
        rc = izx_query_combine(&both, IZX_OP_FILTER, two, 2, 0, &msg);
    if (rc == IZX_OK)
        rc = izde__count_stories(x, both, stories, articles);
    izx_query_free(both);
    izx_query_free(w);
    izx_free(msg);
    return rc;
}

/* Mentioned dates: the stories (and articles) that mention no date, and
 * the stories that mention none as precise as c->by. */
static int count_unmentioned(izde_db *db, izx_query *q, tl_ctx *c, unsigned matches)
{
    unsigned any_s = 0, any_a = 0, fit_s = 0, fit_a = 0;
    int x = count_with(db->x, q, IZDE_PREFIX_MENTIONED "Y", &any_s, &any_a);
    if (x == IZX_OK && c->by != 'y')
        x = count_with(db->x, q, c->prefix, &fit_s, &fit_a);
    else
        fit_s = any_s;
    if (x != IZX_OK)
        return x;
    c->undated = c->stories > any_s ? c->stories - any_s : 0;
    c->undated_articles = matches > any_a ? matches - any_a : 0;
    c->coarse_m = any_s > fit_s ? any_s - fit_s : 0;
    return IZX_OK;
}

/* Count the matches of `q` per period into c; *matches gets them all. */
static int count_periods(izde_db *db, izx_query *q, int mentioned, tl_ctx *c, unsigned *matches)
{
    int x;
    if (!mentioned) {
        x = count_published(db, q, c, matches);
    } else {
        x = izde__count_stories(db->x, q, &c->stories, matches);
        c->prefix = c->by == 'y'   ? IZDE_PREFIX_MENTIONED "Y"
                    : c->by == 'm' ? IZDE_PREFIX_MENTIONED "M"
                                   : IZDE_PREFIX_MENTIONED "D";
        if (x == IZX_OK)
            x = izx_db_allterms(db->x, c->prefix, on_term, c);
        if (x == IZX_OK && !c->rc)
            x = count_unmentioned(db, q, c, *matches);
    }
    if (x != IZX_OK)
        return izde__db_izx_error(db, x, "timeline failed");
    if (c->rc)
        return c->rc;
    if (c->oom)
        return izde__db_error(db, IZDE_ENOMEM, "out of memory");
    return IZDE_OK;
}

/* The buckets as every period from the first to the last. */
static izde_timeline *make_timeline(tl_ctx *c, int mentioned, unsigned matches)
{
    if (c->n)
        qsort(c->b, c->n, sizeof *c->b, by_key);
    size_t np = 0;
    for (int key = c->n ? c->b[0].key : 0; c->n && key <= c->b[c->n - 1].key;
         key = next_key(c->by, key))
        np++;
    izde_timeline *t = calloc(1, sizeof *t + np * sizeof *t->periods);
    if (!t)
        return NULL;
    t->by = c->by;
    t->mentioned = mentioned;
    t->matches = matches;
    t->stories = c->stories;
    t->undated_articles = c->undated_articles;
    if (!mentioned) {
        t->undated = c->stories - c->dated - c->coarse;
        t->less_precise = c->coarse;
    } else {
        t->undated = c->undated;
        t->less_precise = c->coarse_m;
    }
    t->periods = (izde_period *)(t + 1);
    size_t i = 0;
    for (int key = c->n ? c->b[0].key : 0; t->nperiods < np; key = next_key(c->by, key)) {
        izde_period *p = &t->periods[t->nperiods++];
        if (i < c->n && c->b[i].key == key) {
            p->articles = c->b[i].articles;
            p->count = c->b[i++].count;
        }
        period_name(c->by, key, p->period, sizeof p->period);
    }
    return t;
}

static int timeline_once(izde_timeline **out, izde_db *db, const char *query, char by,
                         int mentioned)
{
    *out = NULL;
    if (by != 'y' && by != 'm' && by != 'w')
        return izde__db_error(db, IZDE_EINVAL, "timeline: --by takes year, month or week");
    izde_pquery pq;
    int rc = izde__db_parse_query(db, query, &pq);
    if (rc != IZDE_OK)
        return rc;
    tl_ctx c = {.by = by, .db = db, .q = pq.xq};
    unsigned matches = 0;
    rc = count_periods(db, pq.xq, mentioned, &c, &matches);
    if (rc == IZDE_OK && !(*out = make_timeline(&c, mentioned, matches)))
        rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
    free(c.b);
    izde__pquery_clear(&pq);
    return rc;
}

int izde_timeline_get(izde_timeline **out, izde_db *db, const char *query, char by,
                      int mentioned)
{
    /* a set of shards: a remote one that stops answering is named, or
     * left out with allow_partial and the operation run again */
    int rc;
    IZDE__RUN_RECOVERING(db, rc, timeline_once(out, db, query, by, mentioned));
    return rc;
}

void izde_timeline_free(izde_timeline *t)
{
    free(t);
}

int izde_timeline_to_json(const izde_timeline *t, izde_db *db, const char *query,
                          char **json_out)
{
    json_t *root = json_object(), *periods = json_array();
    json_object_set_new(root, "query", json_string(query));
    json_object_set_new(root, "by", json_string(t->by == 'y'   ? "year"
                                                : t->by == 'm' ? "month"
                                                               : "week"));
    json_object_set_new(root, "basis", json_string(t->mentioned ? "mentioned" : "published"));
    json_object_set_new(root, "counts", json_string("stories"));
    json_object_set_new(root, "matches", json_integer(t->matches));
    json_object_set_new(root, "stories", json_integer(t->stories));
    json_object_set_new(root, "undated", json_integer(t->undated));
    json_object_set_new(root, "less_precise", json_integer(t->less_precise));
    json_object_set_new(root, "undated_articles", json_integer(t->undated_articles));
    for (size_t i = 0; i < t->nperiods; i++) {
        char label[40];
        izde_period_label(t->periods[i].period, t->english, label, sizeof label);
        json_array_append_new(periods, json_pack("{s:s,s:s,s:I,s:I}", "period", t->periods[i].period,
                                                 "label", label,
                                                 "count", (json_int_t)t->periods[i].count,
                                                 "articles", (json_int_t)t->periods[i].articles));
    }
    json_object_set_new(root, "periods", periods);
    json_t *x = izde__query_expanded_json(db, query);
    if (x)
        json_object_set_new(root, "expanded", x);
    izde__add_partial(root, db);
    *json_out = json_dumps(root, JSON_COMPACT);
    json_decref(root);
    return *json_out ? IZDE_OK : izde__db_error(db, IZDE_ENOMEM, "out of memory");
}

int izde_timeline_json(izde_db *db, const char *query, char by, int mentioned, char **json_out)
{
    izde_timeline *t = NULL;
    *json_out = NULL;
    int rc = izde_timeline_get(&t, db, query, by, mentioned);
    if (rc == IZDE_OK)
        rc = izde_timeline_to_json(t, db, query, json_out);
    izde_timeline_free(t);
    return rc;
}
