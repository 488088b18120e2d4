/*
 * extract.c - izde_extract_file(): one file read by the readers of ingest
 * as for indexing, each article handed to the caller instead of an index
 * (`izde extract`); the title and language the index would give an
 * article without them filled in.
 */
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "lang.h"
#include "ingest.h"

typedef struct extract_ctx {
    izde_article_fn fn;
    void *payload;
} extract_ctx;

static int emit(void *vctx, const izde_article *a)
{
    extract_ctx *ctx = vctx;
    izde_article b = *a;
    char *title = NULL, *date = NULL;
    if (!b.title && b.text)
        b.title = title = izde__derive_title(b.text, b.text_len);
    if (!b.lang && b.text) {
        const char *g = izde__detect_lang(b.text, b.text_len);
        b.lang = g && strcmp(g, "other") != 0 ? g : NULL;
    }
    if (b.date)
        b.date = date = izde__normalize_date(b.date);
    else if (b.url)
        b.date = date = izde__url_date(b.url);
    int rc = ctx->fn(ctx->payload, &b);
    free(title);
    free(date);
    return rc;
}

int izde_extract_file(const char *path, izde_article_fn fn, void *payload,
                      izde_problem_fn problem, void *problem_payload)
{
    izde_index_stats stats = {0};
    extract_ctx ctx = {fn, payload};
    ingest in = {.problem = problem, .payload = problem_payload, .stats = &stats,
                 .emit = emit, .emit_payload = &ctx};
    return izde__ingest_read_one(&in, path);
}
