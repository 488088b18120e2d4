/*
 * check.c - the fact-checking view of one figure (izde_check_get, `izde
 * check`): the articles that cite the same value for the same noun
 * (agree) and those citing another value for it (differ), and its JSON.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "citations.h"
#include "counted.h"
#include "figures.h"

typedef struct check_ctx {
    char *keys[3];      /* the claim's noun stems (ru, ky) or unit */
    size_t nkeys;
    double value, high;
    unsigned offset, limit;     /* the page of each list kept */
    izde__citations agree, differ;
    size_t agree_total, differ_total;
} check_ctx;

static int same_value(double a, double b)
{
    return fabs(a - b) <= 1e-9 * (fabs(a) > 1 ? fabs(a) : 1);
}

/* Count one more citation in a list; keep it when it falls in the page. */
static int count_cite(const check_ctx *c, izde__citations *list, size_t *total, json_t *doc,
                      json_t *fig, const char *text, size_t tlen)
{
    size_t at = (*total)++;
    if (at < c->offset || list->n >= c->limit)
        return IZDE_OK;
    return izde__cite(list, doc, fig, text, tlen);
}

static int check_doc(void *vctx, json_t *doc, const char *text, size_t tlen)
{
    check_ctx *c = vctx;
    json_t *figs = json_object_get(doc, "figures"), *f;
    size_t i;
    json_array_foreach(figs, i, f) {
        const char *key = json_string_value(
            json_object_get(f, json_object_get(f, "key") ? "key" : "noun_stem")); /* counted.c */
        const char *unit = json_string_value(json_object_get(f, "unit"));
        int hit = 0;
        for (size_t k = 0; k < c->nkeys; k++)
            hit |= (key && strcmp(key, c->keys[k]) == 0) || (unit && strcmp(unit, c->keys[k]) == 0);
        if (!hit)
            continue;
        double v = json_number_value(json_object_get(f, "value"));
        double h = json_number_value(json_object_get(f, "high"));
        int agrees = same_value(v, c->value) && same_value(h, c->high);
        if (count_cite(c, agrees ? &c->agree : &c->differ,
                       agrees ? &c->agree_total : &c->differ_total, doc, f, text, tlen) != IZDE_OK)
            return IZDE_ENOMEM;
    }
    return IZDE_OK;
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
    izde__citations_free(c->agree, c->nagree);
    izde__citations_free(c->differ, c->ndiffer);
    free(c);
}

static int check_once(izde_check **out, izde_db *db, const char *claim, unsigned offset,
                      unsigned limit)
{
    *out = NULL;
    if (limit > IZDE_CHECK_MAX_CITATIONS)
        return izde__db_error(db, IZDE_EINVAL, "a check lists at most %d citations at a time, "
                              "not %u; list the next ones with an offset",
                              IZDE_CHECK_MAX_CITATIONS, limit);
    izde_figures *figs = NULL;
    const izde_figure *f = claim_figure(db, claim, &figs);
    if (!f) {
        int rc = figs ? IZDE_EQUERY : IZDE_ENOMEM;
        izde__figures_free(figs);
        return rc;
    }
    check_ctx c = {.value = f->value, .high = f->high, .offset = offset, .limit = limit};
    claim_keys(db, f, &c);
    izx_query *xq = keys_query(&c);
    unsigned matched = 0;
    int rc = xq ? izde__each_doc(db, xq, 0, 100000, check_doc, &c, &matched)
                : izde__db_error(db, IZDE_ENOMEM, "out of memory");
    izx_query_free(xq);
    izde_check *r = rc == IZDE_OK ? calloc(1, sizeof *r) : NULL;
    if (r) {
        r->agree = c.agree.v, r->nagree = c.agree.n;
        r->differ = c.differ.v, r->ndiffer = c.differ.n;
        r->agree_total = c.agree_total, r->differ_total = c.differ_total;
        r->offset = offset;
        c.agree = c.differ = (izde__citations){0};
        if (claim_of(&r->claim, claim, f, c.keys[0])) {
            izde_check_free(r);
            r = NULL;
        }
    }
    if (rc == IZDE_OK && !r)
        rc = izde__db_error(db, IZDE_ENOMEM, "out of memory");
    *out = r;
    izde__citations_free(c.agree.v, c.agree.n);
    izde__citations_free(c.differ.v, c.differ.n);
    for (size_t k = 0; k < c.nkeys; k++)
        free(c.keys[k]);
    izde__figures_free(figs);
    return rc;
}

int izde_check_page(izde_check **out, izde_db *db, const char *claim, unsigned offset,
                    unsigned limit)
{
    int rc;
    IZDE__RUN_RECOVERING(db, rc, check_once(out, db, claim, offset, limit));
    return rc;
}

int izde_check_get(izde_check **out, izde_db *db, const char *claim)
{
    return izde_check_page(out, db, claim, 0, IZDE_CHECK_DEFAULT_CITATIONS);
}

int izde_check_to_json(const izde_check *c, izde_db *db, char **json_out)
{
    json_t *root = json_object(), *cl = json_object();
    json_object_set_new(cl, "text", json_string(c->claim.text));
    izde__figure_core_json(cl, &c->claim);
    json_object_set_new(cl, "noun_stem", json_string(c->claim.noun_stem));
    json_object_set_new(root, "claim", cl);
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
