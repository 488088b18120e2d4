/*
 * inspect.c - izde_analyze_text(): what the analyzer makes of a text (its
 * language, tokens with byte offsets and stems, figures), for debugging
 * and scripting (`izde analyze`), and its JSON form.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "izde-private.h"
#include "figures.h"
#include "excerpt.h"

typedef struct tok_ctx {
    izde_text_analysis *a;
    size_t cap;
    izde_stemmer *stem;
    int kyrgyz;
    const char *text;
} tok_ctx;

static int on_token(void *vctx, const izde_token *t)
{
    tok_ctx *c = vctx;
    izde_text_analysis *a = c->a;
    if (a->ntokens == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        izde_text_token *v = realloc(a->tokens, cap * sizeof *v);
        if (!v)
            return IZDE_ENOMEM;
        a->tokens = v, c->cap = cap;
    }
    izde_text_token *o = &a->tokens[a->ntokens];
    memset(o, 0, sizeof *o);
    o->start = t->start;
    o->end = t->end;
    o->kind = t->kind;
    if (!(o->term = strndup(t->term, t->term_len)))
        return IZDE_ENOMEM;
    a->ntokens++;
    if (c->stem && t->kind == IZDE_TOK_WORD) {
        size_t n;
        const char *s = izde__stem_token(c->stem, c->kyrgyz, t, c->text, &n);
        if (!s || !(o->stem = strndup(s, n)))
            return IZDE_ENOMEM;
    }
    return 0;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* The figures of the text, each with its text and sentence. */
static int add_figures(izde_text_analysis *a, const izde_figures *figs, const char *text,
                       size_t len)
{
    size_t n = izde__figures_count(figs);
    if (n && !(a->figures = calloc(n, sizeof *a->figures)))
        return IZDE_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const izde_figure *f = izde__figures_get(figs, i);
        izde_hit_figure *g = &a->figures[a->nfigures++];
        g->value = f->value;
        g->high = f->high;
        g->qualifier = izde__qualifier_name(f->qualifier);
        g->kind = izde__figure_kind_name(f->kind);
        g->start = f->start;
        g->end = f->end;
        g->unit = dup_or_null(f->unit);
        g->noun = dup_or_null(f->noun);
        g->noun_stem = dup_or_null(f->noun_stem);
        g->key = dup_or_null(f->key);
        g->label = dup_or_null(f->label);
        g->text = strndup(text + f->start, f->end - f->start);
        g->sentence = izde__sentence_excerpt(text, len, f->sent_start, f->sent_end, f->start,
                                             f->end, NULL);
        if ((f->unit && !g->unit) || (f->noun && !g->noun) || (f->noun_stem && !g->noun_stem) ||
            (f->key && !g->key) || (f->label && !g->label) || !g->text || !g->sentence)
            return IZDE_ENOMEM;
    }
    return IZDE_OK;
}

int izde_analyze_text(izde_text_analysis **out, const char *text, size_t len, const char *lang,
                      char **errmsg_out)
{
    *out = NULL;
    if (errmsg_out)
        *errmsg_out = NULL;
    izde_analyzer *an = NULL;
    izde_stemmer *ru = NULL, *ky = NULL;
    izde_figures *figs = NULL;
    izde_text_analysis *a = calloc(1, sizeof *a);
    int rc = a ? izde_analyzer_new(&an, errmsg_out) : IZDE_ENOMEM;
    if (rc == IZDE_OK)
        rc = izde_stemmer_new(&ru, "ru");
    if (rc == IZDE_OK)
        rc = izde_stemmer_new(&ky, "ky");
    if (rc != IZDE_OK)
        goto done;
    if (!lang || !*lang)
        lang = izde__detect_lang(text, len);
    if (!(a->lang = strdup(lang))) {
        rc = IZDE_ENOMEM;
        goto done;
    }
    const char *prefix;
    tok_ctx c = {.a = a, .text = text};
    c.stem = izde__stemmer_for(ru, ky, lang, &prefix);
    c.kyrgyz = c.stem == ky;
    if ((rc = izde_analyze(an, text, len, on_token, &c)) == IZDE_OK &&
        (rc = izde__figures_extract(&figs, NULL, text, len, lang, c.stem)) == IZDE_OK)
        rc = add_figures(a, figs, text, len);
done:
    izde__figures_free(figs);
    izde_analyzer_free(an);
    izde_stemmer_free(ru);
    izde_stemmer_free(ky);
    if (rc != IZDE_OK)
        izde_text_analysis_free(a);
    else
        *out = a;
    return rc;
}

void izde_text_analysis_free(izde_text_analysis *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->ntokens; i++) {
        free((char *)a->tokens[i].term);
        free((char *)a->tokens[i].stem);
    }
    for (size_t i = 0; i < a->nfigures; i++) {
        izde_hit_figure *g = &a->figures[i];
        free((char *)g->unit);
        free((char *)g->noun);
        free((char *)g->noun_stem);
        free((char *)g->key);
        free((char *)g->label);
        free((char *)g->text);
        free((char *)g->sentence);
    }
    free(a->tokens);
    free(a->figures);
    free((char *)a->lang);
    free(a);
}

int izde_text_analysis_to_json(const izde_text_analysis *a, char **json_out)
{
    json_t *root = json_object(), *toks = json_array(), *figs = json_array();
    json_object_set_new(root, "lang", json_string(a->lang));
    for (size_t i = 0; i < a->ntokens; i++) {
        const izde_text_token *t = &a->tokens[i];
        json_t *o = json_object();
        json_object_set_new(o, "term", json_string(t->term));
        json_object_set_new(o, "start", json_integer((json_int_t)t->start));
        json_object_set_new(o, "end", json_integer((json_int_t)t->end));
        json_object_set_new(o, "kind", json_string(t->kind == IZDE_TOK_NUMBER ? "number" : "word"));
        if (t->stem)
            json_object_set_new(o, "stem", json_string(t->stem));
        json_array_append_new(toks, o);
    }
    json_object_set_new(root, "tokens", toks);
    for (size_t i = 0; i < a->nfigures; i++)
        json_array_append_new(figs, izde__hit_figure_json(&a->figures[i]));
    json_object_set_new(root, "figures", figs);
    *json_out = json_dumps(root, JSON_COMPACT | JSON_REAL_PRECISION(15));
    json_decref(root);
    return *json_out ? IZDE_OK : IZDE_ENOMEM;
}

int izde_analyze_json(const char *text, size_t len, const char *lang, char **json_out,
                      char **errmsg_out)
{
    izde_text_analysis *a = NULL;
    *json_out = NULL;
    int rc = izde_analyze_text(&a, text, len, lang, errmsg_out);
    if (rc == IZDE_OK)
        rc = izde_text_analysis_to_json(a, json_out);
    izde_text_analysis_free(a);
    return rc;
}
