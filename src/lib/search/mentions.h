/*
 * mentions.h - the figures of the matching articles read once as light
 * mentions (mentions.c), what facts.c and check.c rank and page: each
 * article's relevance, date and story; one mention per story and value
 * with its copies counted; the first source of each value; and only the
 * page shown cited with its sentence.
 */
#ifndef IZDE_MENTIONS_H
#define IZDE_MENTIONS_H

#include <jansson.h>

#include "citations.h"

/* An article read: its story, relevance and date. */
typedef struct izde__art {
    char *story;   /* its "story", else its "id" (an article alone is its own story) */
    char *id;      /* its "id" ("" when it has none) */
    double weight; /* relevance to the query */
    long day;      /* days since 1970-01-01 of its date; IZDE__NO_DAY when undated */
    char date[9];  /* the date slot, "YYYYMMDD" ("~" for what is unknown); "" undated */
    unsigned story_no; /* the same for the articles of one story (izde__mentions_fold) */
} izde__art;

#define IZDE__NO_DAY (-1000000000L)

/* A figure of an article read, in a group the caller chose. */
typedef struct izde__mention {
    unsigned art, fig; /* the article (index in the list read) and its figure */
    int group;
    unsigned story;    /* its article's story_no */
    double value, high;
    double score;      /* relevance, discounted by distance in time */
    unsigned copies;   /* articles of its story citing this value in this group */
    unsigned first;    /* the article that cited this value first: the earliest
                        * dated, else the smallest id (the same on any set of
                        * shards, as ranking orders ties) */
} izde__mention;

typedef struct izde__mentions {
    izx_mset *m;
    izde__art *arts;
    size_t narts;
    izde__mention *v;
    size_t n, cap;
} izde__mentions;

/* The group of figure `fig` of article `doc` (>= 0), -1 to leave it out,
 * IZDE__GROUP_ENOMEM when out of memory; `art` numbers the articles read
 * from 0. */
#define IZDE__GROUP_ENOMEM (-2)
typedef int (*izde__group_fn)(void *ctx, size_t art, json_t *doc, json_t *fig);

/* Is a stored figure a count?  Its "kind" is "count" or absent (ages,
 * anniversaries, ordinals, fractions and scores are not). */
int izde__figure_is_count(json_t *fig);

/* The story of a stored article: its "story", else its "id"; NULL when
 * it has neither. */
const char *izde__doc_story(json_t *doc);

/* Run `xq` by relevance (matches offset .. offset + max) and read every
 * counted figure of each match that `fn` puts in a group. */
int izde__mentions_read(izde__mentions *r, izde_db *db, izx_query *xq, unsigned offset,
                        unsigned max, izde__group_fn fn, void *ctx);

/* Score each mention: its article's relevance / (1 + days / 30), days
 * from `ref_day` (IZDE__NO_DAY: relevance alone; an undated article then
 * counts as 30 days away). */
void izde__mentions_rank(izde__mentions *r, long ref_day);

/* Fold the copies: one mention per group, story and value (the best
 * scored, `copies` counting the story's articles), each with the first
 * source of its value in its group; then order by group, best score
 * first.  Pure: reads only r->arts and r->v.  IZDE_OK or IZDE_ENOMEM. */
int izde__mentions_fold(izde__mentions *r);

/* Cite page[0..n) into out[0..n) with their sentences and first sources,
 * reading each article once.  IZDE_OK or IZDE_ENOMEM (out freed by the
 * caller with izde__citations_free in both cases). */
int izde__mentions_cite(izde__mentions *r, const izde__mention *const *page, size_t n,
                        izde_citation *out);

void izde__mentions_free(izde__mentions *r);

/* Days since 1970-01-01 of a date slot "YYYYMMDD" or "YYYY-MM-DD..."
 * (an unknown month counts as June, an unknown day as the 15th);
 * IZDE__NO_DAY when it is no date. */
long izde__date_day(const char *s, size_t len);

#endif /* IZDE_MENTIONS_H */
