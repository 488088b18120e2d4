/*
 * test_suggest.c - "did you mean" (search/suggest.c): the weighted
 * distance, a word rewritten into the form of a stem keeping its ending
 * and capitals, and whole queries over a small index: the words corrected
 * in place with the rest kept byte for byte, the words that are not
 * corrected, and the stems read again once the index has grown.
 */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "izde-private.h"

/* ---- the distance ------------------------------------------------------------ */

static void test_distance(void **state)
{
    (void)state;
    /* half edits: an edit 2, a cheap one 1 */
    assert_int_equal(izde__suggest_distance("экстремизм", "экстремизм"), 0);
    assert_int_equal(izde__suggest_distance("экстримизм", "экстремизм"), 1); /* и/е */
    assert_int_equal(izde__suggest_distance("коррупцыя", "коррупция"), 1);   /* ы/и */
    assert_int_equal(izde__suggest_distance("жапоров", "жапаров"), 1);       /* о/а */
    assert_int_equal(izde__suggest_distance("шайло", "шайлоо"), 1);          /* a doubled letter */
    assert_int_equal(izde__suggest_distance("миллион", "милион"), 1);
    assert_int_equal(izde__suggest_distance("шаң", "шан"), 1);               /* ң/н */
    assert_int_equal(izde__suggest_distance("өзбек", "озбек"), 1);           /* ө/о */
    assert_int_equal(izde__suggest_distance("бүгүн", "бугун"), 2);           /* ү/у twice */
    assert_int_equal(izde__suggest_distance("рука", "рвка"), 1);             /* у, в: keys side by side */
    assert_int_equal(izde__suggest_distance("рука", "рфка"), 2);             /* у, ф: far apart */
    assert_int_equal(izde__suggest_distance("терорризм", "терроризм"), 2);   /* two swapped */
    assert_int_equal(izde__suggest_distance("абвг", "бавг"), 2);
    assert_int_equal(izde__suggest_distance("абв", "абгв"), 2);              /* one added */
    assert_int_equal(izde__suggest_distance("абв", "аб"), 2);                /* one left out */
    assert_int_equal(izde__suggest_distance("кот", "кит"), 2);
    assert_int_equal(izde__suggest_distance("ЭКСТРИМИЗМ", "экстремизм"), 1); /* case does not count */
    assert_int_equal(izde__suggest_distance("ёлка", "елка"), 0);
    assert_int_equal(izde__suggest_distance("экстремизм", "экстримизм"),
                     izde__suggest_distance("экстримизм", "экстремизм"));
    assert_int_equal(izde__suggest_distance("covid", "ковид"), (unsigned)-1); /* Latin */
    assert_int_equal(izde__suggest_distance("2017", "2018"), (unsigned)-1);
}

/* ---- one word rewritten --------------------------------------------------------- */

static void rewritten(const char *word, const char *stem, int kyrgyz, const char *want)
{
    char *got = NULL;
    assert_int_equal(izde__suggest_rewrite(word, stem, kyrgyz, &got), IZDE_OK);
    if (!want) {
        assert_null(got);
        return;
    }
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void test_rewrite(void **state)
{
    (void)state;
    /* the ending kept */
    rewritten("экстримизма", "экстремизм", 0, "экстремизма");
    rewritten("экстримизмом", "экстремизм", 0, "экстремизмом");
    rewritten("терорризма", "терроризм", 0, "терроризма");
    /* the error in the stem's last letters: коррупцыя's stem is коррупцы */
    rewritten("коррупцыя", "коррупц", 0, "коррупция");
    /* capitals kept */
    rewritten("Жапоров", "жапаров", 1, "Жапаров");
    rewritten("ЭКСТРИМИЗМА", "экстремизм", 0, "ЭКСТРЕМИЗМА");
    /* a Kyrgyz stem changes its letters (шайлоо -> шайла): of the words
     * as close, the one keeping every letter typed */
    rewritten("шайло", "шайла", 1, "шайлоо");
    rewritten("Кыргызстандын", "кыргызстан", 1, "Кыргызстандын");
    /* no word has that stem near the word */
    rewritten("экстримизм", "бишкек", 0, NULL);
}

/* ---- queries over a small index ---------------------------------------------- */

static char g_tmp[4096];

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(path);
}

static void add(izde_db *db, const char *id, const char *lang, const char *text)
{
    izde_article a = {.id = id, .lang = lang, .text = text, .text_len = strlen(text)};
    assert_int_equal(izde_index_article(db, &a), IZDE_OK);
}

/* Articles: three on extremism and terrorism in Russian, two Kyrgyz on
 * the election, one on Japarov in each language, one on strategies, one
 * Kyrgyz sentence. */
static int group_setup(void **state)
{
    (void)state;
    const char *base = getenv("TMPDIR");
    snprintf(g_tmp, sizeof g_tmp, "%s/suggest-test-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(g_tmp))
        return -1;
    strcat(g_tmp, "/db");
    izde_db *db = NULL;
    if (izde_db_open(&db, g_tmp, IZDE_DB_WRITE, NULL) != IZDE_OK)
        return -1;
    add(db, "r1", "ru", "Профилактика экстремизма и терроризма в Алматы: 300 мероприятий.");
    add(db, "r2", "ru", "Борьба с экстремизмом и терроризмом, коррупция в ведомствах.");
    add(db, "r3", "ru", "Экстремизм и коррупция: доклад о терроризме в Бишкеке.");
    add(db, "r4", "ru", "Садыр Жапаров встретился с министрами в Бишкеке.");
    add(db, "k1", "ky", "Шайлоо өттү. Шайлоодо жарандар добуш беришти.");
    add(db, "k2", "ky", "Президент Садыр Жапаров шайлоонун жыйынтыгын жарыялады.");
    add(db, "k3", "ky", "Шайлоо комиссиясы Бишкек шаарында иштеди.");
    add(db, "r5", "ru", "Две стратегии развития: ядерное оружие и стратегий защиты.");
    add(db, "k5", "ky", "Ал өзүнүн ишин баштады.");
    return izde_db_close(db) == IZDE_OK ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    char *slash = strrchr(g_tmp, '/');
    if (slash)
        *slash = '\0';
    nftw(g_tmp, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    return 0;
}

/* The suggestion for `query` on `db` (NULL: none), and its match count. */
static char *suggest(izde_db *db, const char *query, unsigned *matches)
{
    izde_results *r = NULL;
    assert_int_equal(izde_search(&r, db, query, 0, 10), IZDE_OK);
    const char *s = izde_results_suggestion(r);
    char *out = s ? strdup(s) : NULL;
    if (matches)
        *matches = izde_results_estimated(r);
    izde_results_free(r);
    return out;
}

static void suggests(izde_db *db, const char *query, const char *want)
{
    char *got = suggest(db, query, NULL);
    if (!want) {
        if (got)
            fail_msg("'%s': no suggestion expected, got '%s'", query, got);
        return;
    }
    if (!got)
        fail_msg("'%s': expected '%s', got none", query, want);
    assert_string_equal(got, want);
    free(got);
}

static void test_queries(void **state)
{
    (void)state;
    izde_db *db = NULL;
    assert_int_equal(izde_db_open(&db, g_tmp, IZDE_DB_READ, NULL), IZDE_OK);
    suggests(db, "экстримизм", "экстремизм");
    suggests(db, "экстримизма", "экстремизма");
    suggests(db, "терорризм", "терроризм");
    suggests(db, "коррупцыя", "коррупция");
    suggests(db, "Жапоров", "Жапаров");
    suggests(db, "шайло", "шайлоо");
    /* only the misspelt words change; operators, quotes, filters and
     * spaces are kept byte for byte */
    suggests(db, "экстримизм  NOT Алматы", "экстремизм  NOT Алматы");
    suggests(db, "\"экстримизма и терорризма\"", "\"экстремизма и терроризма\"");
    suggests(db, "«Экстримизм и коррупцыя»", "«Экстремизм и коррупция»");
    suggests(db, "(экстримизм OR терорризм) lang:ru", "(экстремизм OR терроризм) lang:ru");
    suggests(db, "Жапоров Бишкек", "Жапаров Бишкек");
    /* of two words of one stem as close: a letter typed twice is left out
     * rather than replaced (no letter three times in a row), a confused
     * vowel rather than a neighbouring key, Kyrgyz vowels in harmony */
    suggests(db, "стратегийй", "стратегий");
    suggests(db, "ядернае", "ядерное");
    suggests(db, "өзүнун", "өзүнүн");
    /* excluded words are not corrected; the query finds something */
    suggests(db, "терроризм -экстримизм", NULL);
    suggests(db, "терроризм NOT экстримизм", NULL);
    /* lang:ky: only Kyrgyz stems */
    suggests(db, "lang:ky шайло", "lang:ky шайлоо");
    /* words spelt right, and strings far from every word */
    suggests(db, "экстремизм", NULL);
    suggests(db, "шайлоо", NULL);
    suggests(db, "квантовыйхолодильник", NULL);
    suggests(db, "zxcvbn", NULL);
    suggests(db, "2017", NULL);
    /* a correction that would not find more is not suggested: every
     * article with экстремизм is Russian */
    suggests(db, "экстримизм lang:ky", NULL);
    /* the JSON carries it */
    izde_results *r = NULL;
    char *json = NULL;
    assert_int_equal(izde_search(&r, db, "экстримизм", 0, 10), IZDE_OK);
    assert_int_equal(izde_results_json(r, db, "экстримизм", -1, &json), IZDE_OK);
    assert_non_null(strstr(json, "\"suggestion\":\"экстремизм\""));
    izde_free(json);
    izde_results_free(r);
    assert_int_equal(izde_search(&r, db, "экстремизм", 0, 10), IZDE_OK);
    assert_int_equal(izde_results_json(r, db, "экстремизм", -1, &json), IZDE_OK);
    assert_null(strstr(json, "suggestion"));
    izde_free(json);
    izde_results_free(r);
    izde_db_close(db);
}

/* The stems kept on a handle are read again once the index has grown. */
static void test_index_grows(void **state)
{
    (void)state;
    izde_db *db = NULL, *w = NULL;
    assert_int_equal(izde_db_open(&db, g_tmp, IZDE_DB_READ, NULL), IZDE_OK);
    suggests(db, "министирлик", NULL);
    assert_int_equal(izde_db_open(&w, g_tmp, IZDE_DB_WRITE, NULL), IZDE_OK);
    add(w, "k4", "ky", "Министрлик жаңы мыйзамды сунуштады.");
    assert_int_equal(izde_db_close(w), IZDE_OK);
    assert_int_equal(izde_db_reopen(db), IZDE_OK);
    suggests(db, "министирлик", "министрлик");
    izde_db_close(db);
}

int main(void)
{
    const struct CMUnitTest pure[] = {
        cmocka_unit_test(test_distance),
        cmocka_unit_test(test_rewrite),
    };
    const struct CMUnitTest indexed[] = {
        cmocka_unit_test(test_queries),
        cmocka_unit_test(test_index_grows),
    };
    int failed = cmocka_run_group_tests_name("pure", pure, NULL, NULL);
    return failed + cmocka_run_group_tests_name("indexed", indexed, group_setup, group_teardown);
}
