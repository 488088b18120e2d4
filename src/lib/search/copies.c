/*
 * copies.c - the other articles of a story (index/SCHEMA.md, "Stories"):
 * the documents holding the story's G term, first indexed first.  What a
 * hit's "copies" and `izde show` list; and how many stories a query
 * matches (search totals, timelines).
 */
#include <stdlib.h>
#include <string.h>

#include "izde-private.h"
#include "docstore.h"

typedef struct copy_list {
    unsigned self;
    unsigned count;
    unsigned *docids;   /* the first `max` */
    size_t n, max;
} copy_list;

static int on_copy(void *vctx, unsigned docid)
{
    copy_list *c = vctx;
    if (docid == c->self)
        return 0;
    c->count++;
    if (c->n < c->max)
        c->docids[c->n++] = docid;
    return 0;
}

int izde__story_copies(izx_db *x, const char *story, unsigned self, size_t max, unsigned *count,
                       char ***ids, size_t *nids)
{
    *count = 0;
    *ids = NULL;
    *nids = 0;
    if (!story)
        return IZX_OK;
    izde_buf t = {0};
    copy_list c = {.self = self, .max = max};
    if (izde__story_term(&t, story) || (max && !(c.docids = malloc(max * sizeof *c.docids)))) {
        izde__buf_free(&t);
        return IZX_ENOMEM;
    }
    int rc = izx_db_postlist(x, t.data, t.len, on_copy, &c);
    izde__buf_free(&t);
    *count = c.count;
    if (rc == IZX_OK && c.n && !(*ids = calloc(c.n, sizeof **ids)))
        rc = IZX_ENOMEM;
    for (size_t i = 0; rc == IZX_OK && i < c.n; i++) {
        char *id = izde__doc_stored_id(x, c.docids[i]);
        if (id)
            (*ids)[(*nids)++] = id;
    }
    free(c.docids);
    return rc;
}

typedef struct story_count {
    unsigned stories, in_stories;
} story_count;

static int on_story(void *vctx, const char *value, size_t len, unsigned count)
{
    story_count *c = vctx;
    (void)value;
    (void)len;
    c->stories++;
    c->in_stories += count;
    return 0;
}

int izde__count_stories(izx_db *x, const izx_query *q, unsigned *stories, unsigned *articles)
{
    story_count c = {0};
    unsigned matches = 0;
    int rc = izx_enquire_value_counts(x, q, izde__story_slot(x), on_story, &c, &matches);
    *articles = matches;
    *stories = c.stories + (matches > c.in_stories ? matches - c.in_stories : 0);
    return rc;
}
