/*
 * test_dates.c - the date parser (dates.c): every supported form of a date
 * field parsed to the exact year/month/day, invalid dates rejected, the
 * field normalisation and the invalid-field test used for warnings, the
 * publication date found by clean.c, and the exact lists of years and
 * dates mentioned in a Russian and a Kyrgyz paragraph, with negatives
 * (counts, times, phone numbers, days without a year).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dates.h"
#include "izde-private.h"

static void check(const char *s, int level, int y, int m, int d)
{
    int gy = -1, gm = -1, gd = -1;
    int got = izde__parse_date(s, strlen(s), &gy, &gm, &gd);
    if (got != level)
        fail_msg("«%s»: level %d, want %d", s, got, level);
    if (!level)
        return;
    if (gy != y || (level >= 2 && gm != m) || (level >= 3 && gd != d))
        fail_msg("«%s»: %d-%d-%d, want %d-%d-%d", s, gy, gm, gd, y, m, d);
}

static void test_forms(void **state)
{
    (void)state;
    check("2017-04-18", 3, 2017, 4, 18);
    check("2017-04-18T10:30:00Z", 3, 2017, 4, 18);
    check("2017-04-18T10:30:00+06:00", 3, 2017, 4, 18);
    check("2017-04-18 10:30", 3, 2017, 4, 18);
    check("  2017-04-18  ", 3, 2017, 4, 18);
    check("2017-04", 2, 2017, 4, 0);
    check("2017", 1, 2017, 0, 0);
    check("2017 г.", 1, 2017, 0, 0);
    check("18.04.2017", 3, 2017, 4, 18);
    check("18.04.2017 10:30", 3, 2017, 4, 18);
    check("8.4.2017", 3, 2017, 4, 8);
    check("18/04/2017", 3, 2017, 4, 18);
    check("5 декабря 2021", 3, 2021, 12, 5);
    check("5 декабря 2021 года", 3, 2021, 12, 5);
    check("5 декабря 2021 г., 10:15", 3, 2021, 12, 5);
    check("Понедельник, 5 ДЕКАБРЯ 2021", 3, 2021, 12, 5);
    check("9 мая 1945 года", 3, 1945, 5, 9);
    check("1 марта 2020", 3, 2020, 3, 1);
    check("декабрь 2021", 2, 2021, 12, 0);
    check("Декабрь 2021", 2, 2021, 12, 0);
    check("в декабре 2021 года", 2, 2021, 12, 0);
    check("2021-жылдын 28-апрелинде", 3, 2021, 4, 28);
    check("2021-жылы 28-апрелде", 3, 2021, 4, 28);
    check("2021-ж. 3-мартта", 3, 2021, 3, 3);
    check("28-апрель 2021", 3, 2021, 4, 28);
    check("28-апрель 2021-жыл", 3, 2021, 4, 28);
    check("15-январында 2020-жылы", 3, 2020, 1, 15);
    check("2020-жылдын 1-майында", 3, 2020, 5, 1);
    check("2019-жылдын 10-декабрында", 3, 2019, 12, 10);
    check("2021-жылдын апрель айында", 2, 2021, 4, 0);
    check("2021-жылы", 1, 2021, 0, 0);
    check("Tue, 18 Apr 2017 10:30:00 +0000", 3, 2017, 4, 18);
    check("April 18, 2017", 3, 2017, 4, 18);
    /* no year: nothing */
    check("28-апрелде", 0, 0, 0, 0);
    check("5 декабря", 0, 0, 0, 0);
}

static void test_invalid(void **state)
{
    (void)state;
    check("2017-13-45", 0, 0, 0, 0);
    check("2017-02-30", 0, 0, 0, 0);
    check("31.02.2020", 0, 0, 0, 0);
    check("29.02.2019", 0, 0, 0, 0);
    check("29.02.2020", 3, 2020, 2, 29);
    check("29.02.2000", 3, 2000, 2, 29);
    check("29.02.1900", 0, 0, 0, 0);
    check("31.04.2020", 0, 0, 0, 0);
    check("31.12.2020", 3, 2020, 12, 31);
    check("1800", 0, 0, 0, 0);
    check("18.04.1800", 0, 0, 0, 0);
    check("2017-00", 0, 0, 0, 0);
    check("32 декабря 2021", 0, 0, 0, 0);
    check("вчера", 0, 0, 0, 0);
    check("", 0, 0, 0, 0);
    check("2000 человек", 0, 0, 0, 0);
    check("16:49", 0, 0, 0, 0);
    check("20170418", 0, 0, 0, 0);
}

static void test_normalize(void **state)
{
    (void)state;
    static const struct { const char *in, *out; } cases[] = {
        {"2017-04-18T10:30:00Z", "2017-04-18"}, {"18.04.2017", "2017-04-18"},
        {"5 декабря 2021 года", "2021-12-05"},  {"2021-жылдын 28-апрелинде", "2021-04-28"},
        {"2017-04", "2017-04"},                 {"2017", "2017"},
        {"декабрь 2021", "2021-12"},             {"2017-13-45", NULL},
        {"31.02.2020", NULL},                   {"вчера", NULL},
        {"", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *r = izde__normalize_date(cases[i].in);
        if (cases[i].out)
            assert_non_null(r), assert_string_equal(r, cases[i].out);
        else if (r)
            fail_msg("«%s» normalised to %s", cases[i].in, r);
        free(r);
    }
    assert_null(izde__normalize_date(NULL));
    assert_int_equal(izde__date_is_invalid("2017-13-45"), 1);
    assert_int_equal(izde__date_is_invalid("31.02.2020"), 1);
    assert_int_equal(izde__date_is_invalid("вчера"), 1);
    assert_int_equal(izde__date_is_invalid("2017-04-18"), 0);
    assert_int_equal(izde__date_is_invalid("2017"), 0);
    assert_int_equal(izde__date_is_invalid(""), 0);
    assert_int_equal(izde__date_is_invalid("  "), 0);
    assert_int_equal(izde__date_is_invalid(NULL), 0);

    char *u = izde__url_date("https://24.kg/obschestvo/2017/04/18/123-title/");
    assert_string_equal(u, "2017-04-18");
    free(u);
    assert_null(izde__url_date("https://example.com/2017/02/30/x"));
}

static void check_list(const char *text, const char *const *want)
{
    char **v;
    size_t n;
    assert_int_equal(izde__mentioned_dates(text, strlen(text), &v, &n), 0);
    size_t nw = 0;
    while (want[nw])
        nw++;
    int ok = n == nw;
    for (size_t i = 0; ok && i < n; i++)
        ok = strcmp(v[i], want[i]) == 0;
    if (!ok) {
        for (size_t i = 0; i < n; i++)
            print_message("got  %s\n", v[i]);
        for (size_t i = 0; i < nw; i++)
            print_message("want %s\n", want[i]);
        izde__strv_free(v, n);
        fail_msg("mentioned dates differ in «%.60s...»", text);
    }
    izde__strv_free(v, n);
}

static void test_mentioned_ru(void **state)
{
    (void)state;
    static const char text[] =
        "С 2014 года в городе работают 2000 человек. В 2017 году, 18.04.2017, "
        "закон изменили, а 5 декабря 2021 года отменили. В 2017-м году их было "
        "1500; в 2014–2016 гг. — меньше. Заседание в 16:49, телефон +7 (727) 2017-11-22 "
        "и 0312 62-32-11. В декабре 2021 года и 9 мая. Потеряли 1800 тонн в 2000 г. "
        "Дата 31.02.2020 неверна. Записка от 05.12.2021.";
    /* unique: 2021-12-05 appears once (05.12.2021 is the same date) */
    static const char *const uniq[] = {"2014", "2017", "2017-04-18", "2021-12-05", "2016",
                                       "2021-12", "2000", NULL};
    check_list(text, uniq);
    static const char *const more[] = {"2017", "2014", "2016", "2019-03", NULL};
    check_list("В 2017-м году, в 2014-2016 годы и в марте 2019 года.", more);
}

static void test_mentioned_ky(void **state)
{
    (void)state;
    static const char text[] =
        "2021-жылдын 28-апрелинде Бишкекте 2000 адам чогулду. Бул иш 2019-жылы "
        "башталган, 2020-жылдын 9 айында 300дөн ашуун окуя катталган. "
        "2022-жылы 15-мартта мыйзам кабыл алынды. «2023-жылдын» бюджети. "
        "Сессия 28-апрелде саат 16:49да башталат, тел.: 0312 66-20-10.";
    static const char *const want[] = {"2021-04-28", "2019", "2020", "2022-03-15", "2023",
                                       NULL};
    check_list(text, want);
}

static void test_mentioned_negatives(void **state)
{
    (void)state;
    static const char *const none[] = {NULL};
    check_list("В акции участвовали 2000 человек и 1500 машин.", none);
    check_list("Начало в 16:49, конец в 18:30.", none);
    check_list("Звоните: +996 (312) 62-32-11, 0 (555) 12-34-56, 8 800 2000 600.", none);
    check_list("Встреча 5 декабря в 10:00. 28-апрелде жолугушуу.", none);
    check_list("Версия 1.18.04.2017 и IP 10.12.2021.5", none);
    check_list("2000 жылкы жана 2020 жылан.", none);
    check_list("", none);
}

static void test_find_date(void **state)
{
    (void)state;
    int y, m, d;
    const char *k = "Бишкек, 2021-жылдын 28-апрели";
    assert_int_equal(izde__find_date(k, strlen(k), 3, &y, &m, &d), 3);
    assert_int_equal(y * 10000 + m * 100 + d, 20210428);
    const char *s = "С 2014 года, а 18.04.2017 - нет";
    assert_int_equal(izde__find_date(s, strlen(s), 3, &y, &m, &d), 3);
    assert_int_equal(y * 10000 + m * 100 + d, 20170418);
    assert_int_equal(izde__find_date(s, strlen(s), 1, &y, &m, &d), 1);
    assert_int_equal(y, 2014);

    izde_clean c;
    const char *t = "Жарыяланды: 28-апрель 2021, 10:15\nБишкекте маанилүү окуялар тууралуу "
                    "кеңири макала\nТекст.\n";
    assert_int_equal(izde__clean_article(&c, t, strlen(t), NULL, NULL), 0);
    assert_string_equal(c.date, "2021-04-28");
    izde__clean_free(&c);
    t = "Бишкек, 2021-жылдын 15-мартында\nБишкекте маанилүү окуялар тууралуу кеңири "
        "макала\nТекст.\n";
    assert_int_equal(izde__clean_article(&c, t, strlen(t), NULL, NULL), 0);
    assert_string_equal(c.date, "2021-03-15");
    izde__clean_free(&c);
    t = "Опубликовано: 31.02.2020\nЗаголовок статьи про важные события года\nТекст.\n";
    assert_int_equal(izde__clean_article(&c, t, strlen(t), NULL, NULL), 0);
    assert_null(c.date);
    izde__clean_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms),        cmocka_unit_test(test_invalid),
        cmocka_unit_test(test_normalize),    cmocka_unit_test(test_mentioned_ru),
        cmocka_unit_test(test_mentioned_ky), cmocka_unit_test(test_mentioned_negatives),
        cmocka_unit_test(test_find_date),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
