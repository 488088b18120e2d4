/*
 * mentions.c - the figures of the matching articles read once as light
 * mentions, ranked by relevance and closeness in time, folded to one per
 * story and value (copies counted, the value's first source named), and
 * only the page shown cited with its sentence (facts.c, check.c).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "docstore.h"
#include "mentions.h"

int izde__figure_is_count(json_t *fig)
{
    return izde__figure_json_kind(fig) == IZDE_FIG_COUNT;
}

const char *izde__doc_story(json_t *doc)
{
    const char *s = json_string_value(json_object_get(doc, "story"));
    return s && *s ? s : json_string_value(json_object_get(doc, "id"));
}

/* The number in s[0..n) when all digits, else `unknown` (all '~'), else -1. */
static long part(const char *s, size_t n, long unknown)
{
    long v = 0;
    int tilde = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '~')
            tilde = 1;
        else if (s[i] >= '0' && s[i] <= '9' && !tilde)
            v = v * 10 + (s[i] - '0');
        else
            return -1;
    }
    return tilde ? unknown : v;
}

long izde__date_day(const char *s, size_t len)
{
    char d[8];
    size_t k = 0;
    for (size_t i = 0; i < len && k < 8; i++)
        if (s[i] != '-')
            d[k++] = s[i];
    if (k < 8 || (len > 8 && len != 10 && (len < 10 || s[4] != '-')))
        return IZDE__NO_DAY;
    long y = part(d, 4, -1), m = part(d + 4, 2, 6), dd = part(d + 6, 2, 15);
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 0 || m < 1 || m > 12 || dd < 1 || dd > mdays[m - 1] ||
        (m == 2 && dd == 29 && (y % 4 || (y % 100 == 0 && y % 400))))
        return IZDE__NO_DAY;
    return izde__days_from_civil(y, m, dd);
}

/* Note article i of the mset: story, id, weight, date. */
static int note_art(izde__mentions *r, unsigned i, json_t *doc)
{
    izde__art *a = &r->arts[r->narts];
    memset(a, 0, sizeof *a);
    const char *story = izde__doc_story(doc);
    const char *id = json_string_value(json_object_get(doc, "id"));
    a->story = strdup(story ? story : "");
    a->id = strdup(id ? id : "");
    if (!a->story || !a->id)
        return IZDE_ENOMEM;
    a->weight = izx_mset_weight(r->m, i);
    const char *v = NULL;
    size_t len = 0;
    a->day = IZDE__NO_DAY;
    if (izx_mset_value(r->m, i, IZDE_SLOT_DATE, &v, &len) == IZX_OK && len == 8) {
        memcpy(a->date, v, 8);
        a->day = izde__date_day(v, len);
    }
    r->narts++;
    return IZDE_OK;
}

static int add_mention(izde__mentions *r, unsigned art, unsigned fig, int group, json_t *f)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 256;
        izde__mention *v = realloc(r->v, cap * sizeof *v);
        if (!v)
            return IZDE_ENOMEM;
        r->v = v, r->cap = cap;
    }
    r->v[r->n++] = (izde__mention){
        .art = art, .fig = fig, .group = group, .copies = 1, .first = art,
        .value = json_number_value(json_object_get(f, "value")),
        .high = json_number_value(json_object_get(f, "high")),
    };
    return IZDE_OK;
}

static int read_doc(izde__mentions *r, unsigned i, json_t *doc, izde__group_fn fn, void *ctx)
{
    if (note_art(r, i, doc) != IZDE_OK)
        return IZDE_ENOMEM;
    json_t *figs = json_object_get(doc, "figures"), *f;
    size_t k;
    json_array_foreach(figs, k, f) {
        if (!izde__figure_is_count(f))
            continue;
        int g = fn(ctx, r->narts - 1, doc, f);
        if (g == IZDE__GROUP_ENOMEM ||
            (g >= 0 && add_mention(r, (unsigned)r->narts - 1, (unsigned)k, g, f) != IZDE_OK))
            return IZDE_ENOMEM;
    }
    return IZDE_OK;
}

int izde__mentions_read(izde__mentions *r, izde_db *db, izx_query *xq, unsigned offset,
                        unsigned max, izde__group_fn fn, void *ctx)
{
    memset(r, 0, sizeof *r);
    int x = izx_enquire(&r->m, db->x, xq, offset, max, IZX_SORT_REL_THEN(IZDE_SLOT_META), 0);
    if (x != IZX_OK)
        return izde__db_izx_error(db, x, "search failed");
    unsigned size = izx_mset_size(r->m);
    r->arts = size ? calloc(size, sizeof *r->arts) : NULL;
    if (size && !r->arts)
        return izde__db_error(db, IZDE_ENOMEM, "out of memory");
    int rc = IZDE_OK;
    for (unsigned i = 0; i < size && rc == IZDE_OK; i++) {
        izde_stored sd;
        if (izde__doc_read(r->m, i, IZDE_DOC_BODY, &sd) == IZX_OK)
            rc = read_doc(r, i, sd.doc, fn, ctx);
        else
            rc = note_art(r, i, NULL);
        izde__stored_clear(&sd);
    }
    return rc == IZDE_OK ? IZDE_OK : izde__db_error(db, rc, "out of memory");
}

void izde__mentions_rank(izde__mentions *r, long ref_day)
{
    for (size_t i = 0; i < r->n; i++) {
        const izde__art *a = &r->arts[r->v[i].art];
        double days = ref_day == IZDE__NO_DAY ? 0
                      : a->day == IZDE__NO_DAY ? 30
                                               : fabs((double)(a->day - ref_day));
        r->v[i].score = a->weight / (1.0 + days / 30.0);
    }
}

static int cmp_num(double a, double b)
{
    return a < b ? -1 : a > b;
}

/* By group, value, story, best score first, then article and figure. */
static int by_value_story(const void *pa, const void *pb)
{
    const izde__mention *a = pa, *b = pb;
    int c = a->group != b->group ? (a->group < b->group ? -1 : 1) : 0;
    if (!c)
        c = cmp_num(a->value, b->value);
    if (!c)
        c = cmp_num(a->high, b->high);
    if (!c)
        c = a->story != b->story ? (a->story < b->story ? -1 : 1) : 0;
    if (!c)
        c = -cmp_num(a->score, b->score);
    if (!c)
        c = a->art != b->art ? (a->art < b->art ? -1 : 1) : 0;
    return c ? c : (a->fig > b->fig) - (a->fig < b->fig);
}

/* By group, best score first, then article and figure. */
static int by_score(const void *pa, const void *pb)
{
    const izde__mention *a = pa, *b = pb;
    int c = a->group != b->group ? (a->group < b->group ? -1 : 1) : 0;
    if (!c)
        c = -cmp_num(a->score, b->score);
    if (!c)
        c = a->art != b->art ? (a->art < b->art ? -1 : 1) : 0;
    return c ? c : (a->fig > b->fig) - (a->fig < b->fig);
}

/* Did article x cite first, before y?  Dated before undated, the earlier
 * date, then the smaller id. */
static int earlier(const izde__art *x, const izde__art *y)
{
    if (!*x->date != !*y->date)
        return *x->date != 0;
    int c = strcmp(x->date, y->date);
    return c ? c < 0 : strcmp(x->id, y->id) < 0;
}

static int same_value(const izde__mention *a, const izde__mention *b)
{
    return a->group == b->group && a->value == b->value && a->high == b->high;
}

/* Fold v[from..to) (one group and value, sorted by story): first source,
 * one mention per story; returns where the kept ones end (from `out`). */
static size_t fold_value(izde__mentions *r, size_t from, size_t to, size_t out)
{
    unsigned first = r->v[from].art;
    for (size_t i = from + 1; i < to; i++)
        if (earlier(&r->arts[r->v[i].art], &r->arts[first]))
            first = r->v[i].art;
    for (size_t i = from; i < to;) {
        size_t j = i + 1;
        unsigned copies = 1;
        /* within a story, one article's mentions are adjacent (same score) */
        for (; j < to && r->v[j].story == r->v[i].story; j++)
            copies += r->v[j].art != r->v[j - 1].art;
        r->v[out] = r->v[i];
        r->v[out].copies = copies;
        r->v[out].first = first;
        out++;
        i = j;
    }
    return out;
}

static int by_story_name(const void *pa, const void *pb)
{
    const izde__art *a = *(const izde__art *const *)pa, *b = *(const izde__art *const *)pb;
    return strcmp(a->story, b->story);
}

/* Number the stories (the same number for the same story id); -1 when
 * out of memory. */
static int number_stories(izde__mentions *r)
{
    izde__art **by = malloc((r->narts ? r->narts : 1) * sizeof *by);
    if (!by)
        return -1;
    for (size_t i = 0; i < r->narts; i++)
        by[i] = &r->arts[i];
    qsort(by, r->narts, sizeof *by, by_story_name);
    unsigned no = 0;
    for (size_t i = 0; i < r->narts; i++) {
        no += i > 0 && strcmp(by[i]->story, by[i - 1]->story) != 0;
        by[i]->story_no = no;
    }
    free(by);
    for (size_t i = 0; i < r->n; i++)
        r->v[i].story = r->arts[r->v[i].art].story_no;
    return 0;
}

int izde__mentions_fold(izde__mentions *r)
{
    if (!r->n)
        return IZDE_OK;
    if (number_stories(r) != 0)
        return IZDE_ENOMEM;
    qsort(r->v, r->n, sizeof *r->v, by_value_story);
    size_t out = 0;
    for (size_t i = 0; i < r->n;) {
        size_t j = i + 1;
        while (j < r->n && same_value(&r->v[j], &r->v[i]))
            j++;
        out = fold_value(r, i, j, out);
        i = j;
    }
    r->n = out;
    qsort(r->v, r->n, sizeof *r->v, by_score);
    return IZDE_OK;
}

/* Order of page entries by article, so each article is read once. */
typedef struct by_art {
    const izde__mention *m;
    size_t pos;
} by_art;

static int cmp_by_art(const void *pa, const void *pb)
{
    const by_art *a = pa, *b = pb;
    if (a->m->art != b->m->art)
        return a->m->art < b->m->art ? -1 : 1;
    return (a->pos > b->pos) - (a->pos < b->pos);
}

/* The first source of a citation: the metadata of article `art`. */
static int cite_first(izde__mentions *r, unsigned art, izde_source *s)
{
    izde_stored sd;
    int rc = IZDE_OK;
    if (izde__doc_read(r->m, art, IZDE_DOC_META, &sd) == IZX_OK) {
        const char *k[] = {"id", "title", "date", "source"};
        const char **dst[] = {&s->id, &s->title, &s->date, &s->source};
        for (int i = 0; i < 4; i++) {
            const char *v = json_string_value(json_object_get(sd.doc, k[i]));
            *dst[i] = v ? strdup(v) : NULL;
            if (v && !*dst[i])
                rc = IZDE_ENOMEM;
        }
    }
    izde__stored_clear(&sd);
    return rc;
}

int izde__mentions_cite(izde__mentions *r, const izde__mention *const *page, size_t n,
                        izde_citation *out)
{
    by_art *o = malloc((n ? n : 1) * sizeof *o);
    if (!o)
        return IZDE_ENOMEM;
    for (size_t i = 0; i < n; i++)
        o[i] = (by_art){page[i], i};
    qsort(o, n, sizeof *o, cmp_by_art);
    int rc = IZDE_OK;
    for (size_t i = 0; i < n && rc == IZDE_OK;) {
        izde_stored sd;
        unsigned art = o[i].m->art;
        int ok = izde__doc_read(r->m, art, IZDE_DOC_BODY, &sd) == IZX_OK;
        json_t *figs = ok ? json_object_get(sd.doc, "figures") : NULL;
        for (; i < n && o[i].m->art == art && rc == IZDE_OK; i++) {
            izde_citation *c = &out[o[i].pos];
            json_t *f = json_array_get(figs, o[i].m->fig);
            if (f)
                rc = izde__cite_into(c, sd.doc, f, sd.text, sd.text_len);
            c->copies = o[i].m->copies;
            if (rc == IZDE_OK)
                rc = cite_first(r, o[i].m->first, &c->first);
        }
        izde__stored_clear(&sd);
    }
    free(o);
    return rc;
}

void izde__mentions_free(izde__mentions *r)
{
    for (size_t i = 0; i < r->narts; i++) {
        free(r->arts[i].story);
        free(r->arts[i].id);
    }
    free(r->arts);
    free(r->v);
    izx_mset_free(r->m);
    memset(r, 0, sizeof *r);
}
