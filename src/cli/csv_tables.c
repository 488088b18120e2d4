/*
 * csv_tables.c - the CSV tables of hits, figures, checks and timelines:
 * their columns (README, "CSV") and a row per hit, value, citation or
 * period, written with csv_out.c.
 */
#include "csv_out.h"

#define NCOLS(a) (sizeof(a) / sizeof((a)[0]))

static const char *const search_cols[] = {"rank", "id", "title", "date", "source", "url",
                                          "path", "lang", "score", "copies", "snippet"};

static void search_rows(FILE *f, const izde_results *r)
{
    csv_row row = {f, 0};
    for (unsigned i = 0; i < izde_results_count(r); i++) {
        const izde_hit *h = izde_results_hit(r, i);
        csv_number(&row, h->rank);
        csv_text(&row, h->id);
        csv_text(&row, h->title);
        csv_text(&row, h->date);
        csv_text(&row, h->source);
        csv_text(&row, h->url);
        csv_text(&row, h->path);
        csv_text(&row, h->lang);
        csv_number(&row, h->score);
        csv_number(&row, h->copies);
        if (h->nsnippets) /* the text alone: no marks around the matching words */
            csv_text_n(&row, h->snippets[0].text, h->snippets[0].len);
        else
            csv_text(&row, NULL);
        csv_end(&row);
    }
}

int csv_search(FILE *f, izde_db *db, const char *query, const izde_search_options *opt,
               izde_results **first)
{
    izde_search_options page = *opt;
    page.limit = opt->limit < CSV_SEARCH_PAGE ? opt->limit : CSV_SEARCH_PAGE;
    int rc = izde_search_ex(first, db, query, &page);
    if (rc != IZDE_OK)
        return rc;
    csv_header(f, search_cols, NCOLS(search_cols));
    search_rows(f, *first);
    unsigned got = izde_results_count(*first);
    for (unsigned done = got; got == page.limit && done < opt->limit; done += got) {
        izde_results *r = NULL;
        page.offset = opt->offset + done;
        page.limit = opt->limit - done < CSV_SEARCH_PAGE ? opt->limit - done : CSV_SEARCH_PAGE;
        if ((rc = izde_search_ex(&r, db, query, &page)) != IZDE_OK)
            return rc;
        search_rows(f, r);
        got = izde_results_count(r);
        izde_results_free(r);
    }
    return IZDE_OK;
}

/* The columns of a citation after the first one (group or list). */
static const char *const citation_cols[] = {
    "value", "high", "figure", "unit", "noun", "kind", "qualifier", "sentence", "copies",
    "first_id", "first_date", "id", "title", "date", "source", "url", "path", "lang"};

static void citation_header(FILE *f, const char *first)
{
    const char *names[1 + NCOLS(citation_cols)] = {first};
    for (size_t i = 0; i < NCOLS(citation_cols); i++)
        names[i + 1] = citation_cols[i];
    csv_header(f, names, NCOLS(names));
}

static void citation_row(FILE *f, const char *first, const izde_citation *c)
{
    csv_row row = {f, 0};
    const izde_hit_figure *g = &c->figure;
    csv_text(&row, first);
    csv_number(&row, g->value);
    csv_number(&row, g->high);
    csv_text(&row, g->text);
    csv_text(&row, g->unit);
    csv_text(&row, g->noun);
    csv_text(&row, g->kind);
    csv_text(&row, g->qualifier);
    csv_text(&row, g->sentence);
    csv_number(&row, c->copies ? c->copies : 1);
    csv_text(&row, c->first.id);
    csv_text(&row, c->first.date);
    const char *meta[] = {c->id, c->title, c->date, c->source, c->url, c->path, c->lang};
    for (size_t i = 0; i < NCOLS(meta); i++)
        csv_text(&row, meta[i]);
    csv_end(&row);
}

void csv_facts(FILE *f, const izde_facts *x)
{
    citation_header(f, "group");
    for (size_t i = 0; i < x->ngroups; i++) {
        const izde_fact_group *g = &x->groups[i];
        const char *name = g->label ? g->label : g->noun ? g->noun : g->unit ? g->unit
                                                                              : g->noun_stem;
        for (size_t k = 0; k < g->nvalues; k++)
            citation_row(f, name, &g->values[k]);
    }
}

void csv_check(FILE *f, const izde_check *c)
{
    citation_header(f, "list");
    for (size_t i = 0; i < c->nagree; i++)
        citation_row(f, "agree", &c->agree[i]);
    for (size_t i = 0; i < c->ndiffer; i++)
        citation_row(f, "differ", &c->differ[i]);
}

static const char *const timeline_cols[] = {"period", "count", "articles"};

void csv_timeline(FILE *f, const izde_timeline *t)
{
    csv_header(f, timeline_cols, NCOLS(timeline_cols));
    csv_row row = {f, 0};
    for (size_t i = 0; i < t->nperiods; i++) {
        csv_text(&row, t->periods[i].period);
        csv_number(&row, t->periods[i].count);
        csv_number(&row, t->periods[i].articles);
        csv_end(&row);
    }
}
