/*
 * check.c - the fact-checking view of one figure (izde_check_get, `izde
 * check`) within its context: the articles of the scope (the claim's
 * other words, an explicit query) that cite the same value for the same
 * noun (agree) and those citing another value for it (differ), one
 * citation per story and value, ranked by relevance and closeness in
 * time and paged; and its JSON.
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "counted.h"
#include "figures.h"
#include "mentions.h"

typedef struct check_ctx {
    char *keys[3];      /* the claim's noun stems (ru, ky) or unit */
    size_t nkeys;
    double value, high;
} check_ctx;

static int same_value(double a, double b)
{
    return fabs(a - b) <= 1e-9 * (fabs(a) > 1 ? fabs(a) : 1);
}

/* A figure of what the claim counts: 0 agrees, 1 differs; else -1. */
static int check_group(void *vctx, size_t art, json_t *doc, json_t *f)
{
    (void)art, (void)doc;
    const check_ctx *c = vctx;
    const char *key = json_string_value(
        json_object_get(f, json_object_get(f, "key") ? "key" : "noun_stem")); /* counted.c */
    const char *unit = json_string_value(json_object_get(f, "unit"));
    int hit = 0;
    for (size_t k = 0; k < c->nkeys; k++)
        hit |= (key && strcmp(key, c->keys[k]) == 0) || (unit && strcmp(unit, c->keys[k]) == 0);
    if (!hit)
        return -1;
    double v = json_number_value(json_object_get(f, "value"));
    double h = json_number_value(json_object_get(f, "high"));
    return same_value(v, c->value) && same_value(h, c->high) ? 0 : 1;
}

/* The figure a claim cites: the first with a noun or a unit; NULL after
 * setting the handle's message.  *figs holds it. */
static const izde_figure *claim_figure(izde_db *db, const char *claim, izde_figures **figs)
{
    const char *lang = strcmp(izde__detect_lang(claim, strlen(claim)), "ky") == 0 ? "ky" : "ru";
    izde_stemmer *stem = strcmp(lang, "ky") == 0 ? db->stem_ky : db->stem_ru;
    int rc = izde__figures_extract(figs, NULL, claim, strlen(claim), lang, stem);
    if (rc != IZDE_OK) {
        izde__db_error(db, rc, "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < izde__figures_count(*figs); i++) {
        const izde_figure *g = izde__figures_get(*figs, i);
        if (g->noun || g->unit)
            return g;
    }
    izde__db_error(db, IZDE_EQUERY,
                   "no figure in '%s': give a number and what it counts, e.g. "
                   "\"11 терактов\" or \"28 тысяч человек\"", claim);
    return NULL;
}

/* The keys the figure is indexed under: its noun's key read as Russian
 * and as Kyrgyz (counted.c; a Kyrgyz report may cite it too), else its
 * unit. */
static void claim_keys(izde_db *db, const izde_figure *f, check_ctx *c)
{
    (void)db;
    if (!f->noun) {
        c->keys[c->nkeys++] = strdup(f->unit);
        return;
    }
    izde_counted *ct = izde__counted_new();
    for (int ky = 0; ct && ky < 2; ky++) {
        char *s = izde__counted_key(ct, f->noun, strlen(f->noun), ky);
        int dup = 0;
        for (size_t j = 0; s && j < c->nkeys; j++)
            dup |= strcmp(c->keys[j], s) == 0;
        if (s && !dup)
            c->keys[c->nkeys++] = s;
        else
            free(s);
    }
    izde__counted_free(ct);
}

/* N<key> for any of the keys; NULL when out of memory. */
static izx_query *keys_query(const check_ctx *c)
{
    izx_query **subs = calloc(c->nkeys, sizeof *subs);
    izx_query *xq = NULL;
    char *msg = NULL;
    int ok = subs != NULL;
    for (size_t k = 0; ok && k < c->nkeys; k++) {
        char *t = izde__strdupf("%s%s", IZDE_PREFIX_FIGURE, c->keys[k]);
        ok = t && izx_query_term(&subs[k], t, strlen(t), 1, &msg) == IZX_OK;
        free(t);
    }
    if (ok && izx_query_combine(&xq, IZX_OP_OR, subs, c->nkeys, 0, &msg) != IZX_OK)
        xq = NULL;
    for (size_t k = 0; subs && k < c->nkeys; k++)
        izx_query_free(subs[k]);
    free(subs);
    izx_free(msg);
    return xq;
}

/* A word too small to scope a check: one or two letters, none a
 * capital or a digit (в, по, на, да; not ЕС, РФ or 5). */
static int small_word(const char *w)
{
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)w; *p; p++) {
        chars += (*p & 0xc0) != 0x80;
        int upper = (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                    (*p == 0xd0 && (p[1] == 0x81 || (p[1] >= 0x90 && p[1] <= 0xaf))) ||
                    (*p == 0xd2 && (p[1] == 0xa2 || p[1] == 0xae)) || (*p == 0xd3 && p[1] == 0xa8);
        if (upper)
            return 0;
    }
    return chars <= 2;
}

/* The claim's words beside its figure: every byte that is not a letter,
 * digit or '-' inside a word (ASCII punctuation, quotes, operators'
 * signs) a space; small words (small_word) and the operators OR, AND,
 * NOT into *small.  Each NULL when none is left; *oom when out
 * of memory. */
static char *claim_words(const char *claim, const izde_figure *f, char **small, int *oom)
{
    size_t len = strlen(claim);
    char *w = malloc(len + 1), *out = malloc(len + 1), *sm = malloc(len + 1);
    *oom = !w || !out || !sm;
    size_t n = 0, k = 0, ks = 0;
    for (size_t i = 0; !*oom && i < len; i++) {
        unsigned char ch = (unsigned char)claim[i];
        int keep = (i < f->start || i >= f->end) && (ch >= 0x80 || isalnum(ch) ||
                                                    (ch == '-' && n && w[n - 1] != ' '));
        w[n++] = keep ? (char)ch : ' ';
    }
    if (!*oom)
        w[n] = 0;
    for (char *t = *oom ? NULL : strtok(w, " "); t; t = strtok(NULL, " ")) {
        while (strlen(t) > 1 && t[strlen(t) - 1] == '-')
            t[strlen(t) - 1] = 0;
        int op = strcmp(t, "OR") == 0 || strcmp(t, "AND") == 0 || strcmp(t, "NOT") == 0 ||
                 strcmp(t, "-") == 0;
        if (op || small_word(t))
            ks += (size_t)sprintf(sm + ks, "%s%s", ks ? " " : "", t);
        else
            k += (size_t)sprintf(out + k, "%s%s", k ? " " : "", t);
    }
    free(w);
    *small = ks ? sm : NULL;
    if (!ks)
        free(sm);
    if (!k) {
        free(out);
        return NULL;
    }
    return out;
}

/* "w1 OR w2 OR ...": any of the words, the articles with more of them
 * first; NULL when out of memory. */
static char *any_of(const char *words)
{
    size_t n = 1, len = strlen(words);
    for (size_t i = 0; i < len; i++)
        n += words[i] == ' ';
    char *q = malloc(len + 3 * n + 1), *o = q;
    for (const char *p = words; q && *p; p++)
        o += *p == ' ' ? sprintf(o, " OR ") : sprintf(o, "%c", *p);
    if (q)
        *o = 0;
    return q;
}

/* The scope: `in` AND MAYBE the claim's words (any of them), or either
 * alone; *xq NULL when neither (unscoped). */
static int scope_query(izde_db *db, const char *words, const char *in, izx_query **xq)
{
    izde_pquery w = {0}, q = {0};
    char *any = words ? any_of(words) : NULL, *msg = NULL;
    int rc = words && !any ? izde__db_error(db, IZDE_ENOMEM, "out of memory") : IZDE_OK;
    if (rc == IZDE_OK && any)
        rc = izde__db_parse_query(db, any, &w);
    if (rc == IZDE_OK && in && (rc = izde__db_parse_query(db, in, &q)) == IZDE_EQUERY) {
        char *why = strdup(izde_db_errmsg(db));
        rc = izde__db_error(db, rc, "bad scope query '%s': %s", in, why ? why : "out of memory");
        free(why);
    }
    *xq = NULL;
    if (rc == IZDE_OK && w.xq && q.xq) {
        izx_query *both[2] = {q.xq, w.xq};
        if (izx_query_combine(xq, IZX_OP_AND_MAYBE, both, 2, 0, &msg) != IZX_OK)
            rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
    } else if (rc == IZDE_OK && (w.xq || q.xq)) {
        *xq = w.xq ? w.xq : q.xq;
        (w.xq ? &w : &q)->xq = NULL;
    }
    izx_free(msg);
    free(any);
    izde__pquery_clear(&w);
    izde__pquery_clear(&q);
    return rc;
}

/* The claim as read: its figure, the claim as its text, what it counts. */
static int claim_of(izde_hit_figure *cl, const char *claim, const izde_figure *f, const char *key)
{
    cl->value = f->value;
    cl->high = f->high;
    cl->qualifier = izde__qualifier_name(f->qualifier);
    cl->start = f->start;
    cl->end = f->end;
    cl->text = strdup(claim);
    cl->unit = f->unit ? strdup(f->unit) : NULL;
    cl->noun = f->noun ? strdup(f->noun) : NULL;
    cl->noun_stem = strdup(key);
    return !cl->text || (f->unit && !cl->unit) || (f->noun && !cl->noun) || !cl->noun_stem;
}

void izde_check_free(izde_check *c)
{
    if (!c)
        return;
    free((char *)c->claim.text);
    free((char *)c->claim.unit);
    free((char *)c->claim.noun);
    free((char *)c->claim.noun_stem);
    free((char *)c->scope_words);
    free((char *)c->scope_small);
    free((char *)c->scope_in);
    izde__citations_free(c->agree, c->nagree);
    izde__citations_free(c->differ, c->ndiffer);
    free(c);
}

/* The day ranked against: the option's, else the date of the most
 * relevant agreeing article (unscoped: of the earliest dated one);
 * IZDE__NO_DAY (relevance alone) when it is undated or none agrees. */
static long ref_day(const izde__mentions *r, long given, int scoped)
{
    if (given != IZDE__NO_DAY)
        return given;
    long best = IZDE__NO_DAY;
    unsigned art = UINT_MAX;
    for (size_t i = 0; i < r->n; i++) {
        const izde__art *a = &r->arts[r->v[i].art];
        if (r->v[i].group != 0)
            continue;
        if (scoped ? r->v[i].art < art
                   : a->day != IZDE__NO_DAY && (best == IZDE__NO_DAY || a->day < best))
            art = r->v[i].art, best = a->day;
    }
    return best;
}

static void day_text(long day, char out[11])
{
    *out = 0;
    if (day == IZDE__NO_DAY)
        return;
    /* civil from days (H. Hinnant) */
    long z = day + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1, m = mp + (mp < 10 ? 3 : -9), y = yoe + era * 400 + (m <= 2);
    char buf[80];
    snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
    if (strlen(buf) == 10)
        memcpy(out, buf, 11);
}

/* Page [offset, offset + limit) of group g of the folded mentions, cited. */
static int cite_page(izde__mentions *r, int g, unsigned offset, unsigned limit,
                     izde_citation **out, size_t *n, size_t *total)
{
    size_t from = 0, cnt = 0;
    while (from < r->n && r->v[from].group < g)
        from++;
    while (from + cnt < r->n && r->v[from + cnt].group == g)
        cnt++;
    *total = cnt;
    size_t k = offset < cnt ? cnt - offset : 0;
    k = k < limit ? k : limit;
    const izde__mention **page = malloc((k ? k : 1) * sizeof *page);
    *out = calloc(k ? k : 1, sizeof **out);
    *n = k;
    if (!page || !*out) {
        free(page);
        return IZDE_ENOMEM;
    }
    for (size_t i = 0; i < k; i++)
        page[i] = &r->v[from + offset + i];
    int rc = izde__mentions_cite(r, page, k, *out);
    free(page);
    return rc;
}

/* Read, rank, fold and page the mentions of `xq` into r. */
static int check_read(izde_db *db, izx_query *xq, check_ctx *c, long given_day,
                      const izde_check_options *o, izde_check *res)
{
    izde__mentions m;
    unsigned n = 0;
    int x = izx_count(db->x, xq, &n);
    int rc = x == IZX_OK ? IZDE_OK : izde__db_izx_error(db, x, "search failed");
    res->matched = n;
    if (rc == IZDE_OK)
        rc = izde__mentions_read(&m, db, xq, 0, IZDE_CHECK_MAX_ARTICLES, check_group, c);
    else
        memset(&m, 0, sizeof m);
    res->analysed = m.narts;
    int scoped = res->scope_words || res->scope_in;
    /* unscoped, every article is as relevant: closeness in time ranks */
    for (size_t i = 0; !scoped && i < m.narts; i++)
        m.arts[i].weight = 1;
    long day = rc == IZDE_OK ? ref_day(&m, given_day, scoped) : IZDE__NO_DAY;
    day_text(day, res->ref_date);
    izde__mentions_rank(&m, day);
    if (rc == IZDE_OK)
        rc = izde__mentions_fold(&m);
    if (rc == IZDE_OK)
        rc = cite_page(&m, 0, o->offset, o->limit, &res->agree, &res->nagree,
                       &res->agree_total);
    if (rc == IZDE_OK)
        rc = cite_page(&m, 1, o->offset, o->limit, &res->differ, &res->ndiffer,
                       &res->differ_total);
    izde__mentions_free(&m);
    if (rc == IZDE_ENOMEM)
        izde__db_error(db, rc, "out of memory");
    return rc;
}

/* The query of the articles read: the scope filtered by the keys (or
 * the keys alone), and the scope's own count in res. */
static int articles_query(izde_db *db, const check_ctx *c, izde_check *res, izx_query **out)
{
    izx_query *keys = keys_query(c), *scope = NULL;
    char *msg = NULL;
    *out = NULL;
    if (!keys)
        return izde__db_error(db, IZDE_ENOMEM, "out of memory");
    int rc = scope_query(db, res->scope_words, res->scope_in, &scope);
    unsigned n = 0;
    if (rc == IZDE_OK && scope && izx_count(db->x, scope, &n) != IZX_OK)
        rc = izde__db_izx_error(db, IZX_EBACKEND, "search failed");
    res->in_scope = n;
    if (rc == IZDE_OK && scope) {
        izx_query *both[2] = {scope, keys};
        if (izx_query_combine(out, IZX_OP_FILTER, both, 2, 0, &msg) != IZX_OK)
            rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
    } else if (rc == IZDE_OK) {
        *out = keys;
        keys = NULL;
    }
    izx_free(msg);
    izx_query_free(keys);
    izx_query_free(scope);
    return rc;
}

/* Check the options; the day they give in *day. */
static int check_options(izde_db *db, const izde_check_options *o, long *day)
{
    *day = IZDE__NO_DAY;
    if (o->limit > IZDE_CHECK_MAX_CITATIONS)
        return izde__db_error(db, IZDE_EINVAL, "a check lists at most %d citations at a time, "
                              "not %u; list the next ones with an offset",
                              IZDE_CHECK_MAX_CITATIONS, o->limit);
    if (o->date && (strlen(o->date) != 10 || o->date[4] != '-' || o->date[7] != '-' ||
                    (*day = izde__date_day(o->date, 10)) == IZDE__NO_DAY))
        return izde__db_error(db, IZDE_EINVAL, "bad date '%s': give it as YYYY-MM-DD, e.g. "
                              "2017-01-16", o->date);
    return IZDE_OK;
}

static int check_once(izde_check **out, izde_db *db, const char *claim,
                      const izde_check_options *o)
{
    *out = NULL;
    long day;
    int rc = check_options(db, o, &day);
    if (rc != IZDE_OK)
        return rc;
    izde_figures *figs = NULL;
    const izde_figure *f = claim_figure(db, claim, &figs);
    izde_check *r = f ? calloc(1, sizeof *r) : NULL;
    if (!r) {
        rc = !f && figs ? IZDE_EQUERY : izde__db_error(db, IZDE_ENOMEM, "out of memory");
        izde__figures_free(figs);
        return rc;
    }
    check_ctx c = {.value = f->value, .high = f->high};
    claim_keys(db, f, &c);
    int oom = 0;
    r->scope_words = claim_words(claim, f, (char **)&r->scope_small, &oom);
    r->scope_in = o->in && *o->in ? strdup(o->in) : NULL;
    r->offset = o->offset;
    izx_query *xq = NULL;
    rc = oom || (o->in && *o->in && !r->scope_in) || claim_of(&r->claim, claim, f, c.keys[0])
             ? izde__db_error(db, IZDE_ENOMEM, "out of memory")
             : articles_query(db, &c, r, &xq);
    if (rc == IZDE_OK)
        rc = check_read(db, xq, &c, day, o, r);
    izx_query_free(xq);
    for (size_t k = 0; k < c.nkeys; k++)
        free(c.keys[k]);
    izde__figures_free(figs);
    if (rc != IZDE_OK)
        izde_check_free(r);
    else
        *out = r;
    return rc;
}

int izde_check_ex(izde_check **out, izde_db *db, const char *claim, const izde_check_options *o)
{
    int rc;
    IZDE__RUN_RECOVERING(db, rc, check_once(out, db, claim, o));
    return rc;
}

int izde_check_page(izde_check **out, izde_db *db, const char *claim, unsigned offset,
                    unsigned limit)
{
    izde_check_options o = {.offset = offset, .limit = limit};
    return izde_check_ex(out, db, claim, &o);
}

int izde_check_get(izde_check **out, izde_db *db, const char *claim)
{
    return izde_check_page(out, db, claim, 0, IZDE_CHECK_DEFAULT_CITATIONS);
}

static json_t *scope_json(const izde_check *c)
{
    json_t *s = json_object();
    json_object_set_new(s, "words", izde__json_str(c->scope_words));
    json_object_set_new(s, "small", izde__json_str(c->scope_small));
    json_object_set_new(s, "in", izde__json_str(c->scope_in));
    json_object_set_new(s, "articles", c->scope_words || c->scope_in
                                           ? json_integer((json_int_t)c->in_scope)
                                           : json_null());
    json_object_set_new(s, "matched", json_integer((json_int_t)c->matched));
    json_object_set_new(s, "analysed", json_integer((json_int_t)c->analysed));
    return s;
}

int izde_check_to_json(const izde_check *c, izde_db *db, char **json_out)
{
    json_t *root = json_object(), *cl = json_object();
    json_object_set_new(cl, "text", json_string(c->claim.text));
    izde__figure_core_json(cl, &c->claim);
    json_object_set_new(cl, "noun_stem", json_string(c->claim.noun_stem));
    json_object_set_new(root, "claim", cl);
    json_object_set_new(root, "scope", scope_json(c));
    json_object_set_new(root, "ranked_near", izde__json_str(*c->ref_date ? c->ref_date : NULL));
    json_object_set_new(root, "agree", izde__citations_json(c->agree, c->nagree));
    json_object_set_new(root, "differ", izde__citations_json(c->differ, c->ndiffer));
    json_object_set_new(root, "agree_total", json_integer((json_int_t)c->agree_total));
    json_object_set_new(root, "differ_total", json_integer((json_int_t)c->differ_total));
    json_object_set_new(root, "offset", json_integer(c->offset));
    izde__add_partial(root, db);
    *json_out = json_dumps(root, JSON_COMPACT | JSON_REAL_PRECISION(15));
    json_decref(root);
    return *json_out ? IZDE_OK : izde__db_error(db, IZDE_ENOMEM, "out of memory");
}

int izde_check_json(izde_db *db, const char *claim, char **json_out)
{
    izde_check *c = NULL;
    *json_out = NULL;
    int rc = izde_check_get(&c, db, claim);
    if (rc == IZDE_OK)
        rc = izde_check_to_json(c, db, json_out);
    izde_check_free(c);
    return rc;
}
