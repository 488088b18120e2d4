/*
 * inspect.c - izde_analyze_json(): what the analyzer makes of a text (its
 * language, tokens with byte offsets and stems, figures), for debugging
 * and scripting (`izde analyze`).
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "izde-private.h"
#include "figures.h"
#include "docstore.h"

typedef struct tok_ctx {
    json_t *arr;
    izde_stemmer *stem;
    int kyrgyz;
    const char *text;
} tok_ctx;

static int on_token(void *vctx, const izde_token *t)
{
    tok_ctx *c = vctx;
    json_t *o = json_object();
    json_object_set_new(o, "term", json_stringn(t->term, t->term_len));
    json_object_set_new(o, "start", json_integer((json_int_t)t->start));
    json_object_set_new(o, "end", json_integer((json_int_t)t->end));
    json_object_set_new(o, "kind", json_string(t->kind == IZDE_TOK_NUMBER ? "number" : "word"));
    if (c->stem && t->kind == IZDE_TOK_WORD) {
        size_t n;
        const char *s = izde__stem_token(c->stem, c->kyrgyz, t, c->text, &n);
        if (!s)
            return IZDE_ENOMEM;
        json_object_set_new(o, "stem", json_stringn(s, n));
    }
    json_array_append_new(c->arr, o);
    return 0;
}

int izde_analyze_json(const char *text, size_t len, const char *lang, char **json_out,
                      char **errmsg_out)
{
    *json_out = NULL;
    if (errmsg_out)
        *errmsg_out = NULL;
    izde_analyzer *an = NULL;
    izde_stemmer *ru = NULL, *ky = NULL;
    izde_figures *figs = NULL;
    json_t *root = NULL;
    int rc = izde_analyzer_new(&an, errmsg_out);
    if (rc == IZDE_OK)
        rc = izde_stemmer_new(&ru, "ru");
    if (rc == IZDE_OK)
        rc = izde_stemmer_new(&ky, "ky");
    if (rc != IZDE_OK)
        goto done;
    if (!lang || !*lang)
        lang = izde__detect_lang(text, len);
    const char *prefix;
    tok_ctx c = {.arr = json_array(), .text = text};
    c.stem = izde__stemmer_for(ru, ky, lang, &prefix);
    c.kyrgyz = c.stem == ky;
    root = json_object();
    json_object_set_new(root, "lang", json_string(lang));
    json_object_set_new(root, "tokens", c.arr);
    if ((rc = izde_analyze(an, text, len, on_token, &c)) != IZDE_OK)
        goto done;
    if ((rc = izde__figures_extract(&figs, NULL, text, len, lang, c.stem)) != IZDE_OK)
        goto done;
    json_t *fa = json_array();
    for (size_t i = 0; i < izde__figures_count(figs); i++) {
        const izde_figure *f = izde__figures_get(figs, i);
        json_t *o = izde__figure_json(f, text, 0);
        json_array_append_new(fa, o);
    }
    json_object_set_new(root, "figures", fa);
    *json_out = json_dumps(root, JSON_COMPACT | JSON_REAL_PRECISION(15));
    if (!*json_out)
        rc = IZDE_ENOMEM;
done:
    json_decref(root);
    izde__figures_free(figs);
    izde_analyzer_free(an);
    izde_stemmer_free(ru);
    izde_stemmer_free(ky);
    return rc;
}
