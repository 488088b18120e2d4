/*
 * test_mentions.c - what facts and checks count (search/mentions.c):
 * copies of one story citing one value folded into one mention with
 * their number, the first source of a value (earliest dated, then the
 * smallest id), the score by relevance and distance in days, the days
 * of a date, the kinds that are counts, and an article's story.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mentions.h"

/* An article: story, id, date slot ("" undated), weight. */
static void art(izde__mentions *r, const char *story, const char *id, const char *date,
                double weight)
{
    izde__art *a = &r->arts[r->narts++];
    memset(a, 0, sizeof *a);
    a->story = strdup(story);
    a->id = strdup(id);
    strcpy(a->date, date);
    a->day = *date ? izde__date_day(date, 8) : IZDE__NO_DAY;
    a->weight = weight;
}

static void mention(izde__mentions *r, unsigned a, unsigned fig, int group, double value)
{
    r->v[r->n++] = (izde__mention){.art = a, .fig = fig, .group = group, .value = value,
                                   .high = value, .copies = 1, .first = a};
}

static void clear(izde__mentions *r)
{
    for (size_t i = 0; i < r->narts; i++) {
        free(r->arts[i].story);
        free(r->arts[i].id);
    }
}

/* Three copies of story S cite 37 (one twice), story T cites 37 too and
 * 31; a copy of S cites 38.  Two groups: 0 (agree) and 1 (differ). */
static void test_fold(void **state)
{
    (void)state;
    izde__art arts[5];
    izde__mention v[8];
    izde__mentions r = {.arts = arts, .v = v, .cap = 8};
    art(&r, "S", "s1", "20170117", 3.0); /* 0 */
    art(&r, "S", "s2", "20170116", 2.0); /* 1: S's earliest copy */
    art(&r, "T", "t1", "", 5.0);         /* 2: undated, most relevant */
    art(&r, "S", "s3", "20170118", 1.0); /* 3 */
    art(&r, "U", "a0", "20170116", 0.5); /* 4: same day as s2, smaller id */
    mention(&r, 0, 0, 0, 37);
    mention(&r, 0, 4, 0, 37); /* the same article again */
    mention(&r, 1, 2, 0, 37);
    mention(&r, 3, 1, 0, 37);
    mention(&r, 2, 0, 0, 37);
    mention(&r, 4, 3, 0, 37);
    mention(&r, 2, 1, 1, 31);
    mention(&r, 3, 0, 1, 38);
    izde__mentions_rank(&r, IZDE__NO_DAY);
    assert_int_equal(izde__mentions_fold(&r), IZDE_OK);
    /* group 0: T (5.0), S kept as its best copy s1 (3.0) with 3 copies, U */
    assert_int_equal(r.n, 5);
    assert_int_equal(r.v[0].group, 0);
    assert_int_equal(r.v[0].art, 2);
    assert_int_equal(r.v[0].copies, 1);
    assert_int_equal(r.v[1].art, 0);
    assert_int_equal(r.v[1].fig, 0);
    assert_int_equal(r.v[1].copies, 3);
    assert_int_equal(r.v[2].art, 4);
    /* 37's first source: dated before undated, 2017-01-16, then "a0" < "s2" */
    for (int i = 0; i < 3; i++)
        assert_int_equal(r.v[i].first, 4);
    /* group 1: 31 and 38 stay apart, each its own first source */
    assert_int_equal(r.v[3].group, 1);
    assert_int_equal(r.v[3].art, 2);
    assert_int_equal(r.v[3].first, 2);
    assert_int_equal(r.v[4].art, 3);
    assert_int_equal(r.v[4].first, 3);
    clear(&r);
}

/* The score: relevance / (1 + days / 30); undated: 30 days away. */
static void test_rank(void **state)
{
    (void)state;
    izde__art arts[3];
    izde__mention v[3];
    izde__mentions r = {.arts = arts, .v = v, .cap = 3};
    art(&r, "a", "a", "20170116", 2.0);
    art(&r, "b", "b", "20170215", 2.0); /* 30 days later */
    art(&r, "c", "c", "", 2.0);
    mention(&r, 0, 0, 0, 1);
    mention(&r, 1, 0, 0, 1);
    mention(&r, 2, 0, 0, 1);
    izde__mentions_rank(&r, izde__date_day("2017-01-16", 10));
    assert_true(r.v[0].score == 2.0);
    assert_true(r.v[1].score == 1.0);
    assert_true(r.v[2].score == 1.0);
    izde__mentions_rank(&r, IZDE__NO_DAY);
    assert_true(r.v[1].score == 2.0 && r.v[2].score == 2.0);
    clear(&r);
}

static void test_days(void **state)
{
    (void)state;
    assert_int_equal(izde__date_day("19700101", 8), 0);
    assert_int_equal(izde__date_day("2017-01-16", 10), 17182);
    assert_int_equal(izde__date_day("20170116", 8), 17182);
    assert_int_equal(izde__date_day("201701~~", 8), 17181); /* the 15th */
    assert_int_equal(izde__date_day("2017~~~~", 8), izde__date_day("20170615", 8));
    assert_int_equal(izde__date_day("2017-13-01", 10), IZDE__NO_DAY);
    assert_int_equal(izde__date_day("2017-02-29", 10), IZDE__NO_DAY);
    assert_int_equal(izde__date_day("2016-02-29", 10), izde__date_day("2016-03-01", 10) - 1);
    assert_int_equal(izde__date_day("2017", 4), IZDE__NO_DAY);
    assert_int_equal(izde__date_day("abcdefgh", 8), IZDE__NO_DAY);
}

static void test_kind_and_story(void **state)
{
    (void)state;
    json_t *f = json_pack("{s:i}", "value", 5);
    assert_true(izde__figure_is_count(f));
    json_object_set_new(f, "kind", json_string("count"));
    assert_true(izde__figure_is_count(f));
    const char *other[] = {"age", "anniversary", "ordinal", "fraction", "score"};
    for (int i = 0; i < 5; i++) {
        json_object_set_new(f, "kind", json_string(other[i]));
        assert_false(izde__figure_is_count(f));
    }
    json_decref(f);
    json_t *d = json_pack("{s:s}", "id", "b");
    assert_string_equal(izde__doc_story(d), "b");
    json_object_set_new(d, "story", json_string("a"));
    assert_string_equal(izde__doc_story(d), "a");
    json_object_set_new(d, "story", json_string(""));
    assert_string_equal(izde__doc_story(d), "b");
    json_decref(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_rank),
        cmocka_unit_test(test_days),
        cmocka_unit_test(test_kind_and_story),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
