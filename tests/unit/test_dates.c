/*
 * test_dates.c - the date parser (dates.c): every supported form of a date
 * field parsed to the exact year/month/day, invalid dates rejected, the
 * field normalisation and the invalid-field test used for warnings, the
 * publication date found by clean.c, and the exact lists of years and
 * dates mentioned in a Russian and a Kyrgyz paragraph, with negatives
 * (counts, times, phone numbers, days without a year); the strict
 * publication date (pubdate.c): exact dates where the text states it,
 * none for event dates, anniversaries, birth dates, quotes; birth dates
 * kept out of the mentioned ones; dates in file names.
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

static void check_host(const char *url, const char *want)
{
    char *h = izde__url_host(url);
    if (!want)
        assert_null(h);
    else
        assert_string_equal(h, want);
    free(h);
}

/* the site of a URL: its mirrors one site, a wrapped URL read inside,
 * no site from a malformed host */
static void test_url_site(void **state)
{
    (void)state;
    check_host("https://www.ng.ru/politics/2017-04-18/1_kg.html", "ng.ru");
    check_host("https://amp.ng.ru/?p=http://www.ng.ru/ng_exlibris/2018-02-08/12_922_koval.html",
               "ng.ru");
    check_host("https://russian.rt.comhttps://russian.rt.com/world/article/332393-soros", "russian.rt.com");
    check_host("https://m.Kabar.KG/news/1", "kabar.kg");
    check_host("https://amp.dev/x", "amp.dev");
    check_host("http://24.kg:8080/x", "24.kg");
    check_host("https://localhost/x", NULL);
    check_host("https://bad_host.com/x", NULL);
    check_host("https://-x.com/", NULL);
    check_host("https://x..com/", NULL);
    check_host("not a url", NULL);
    assert_string_equal(izde__url_inner("https://amp.ng.ru/?p=http://www.ng.ru/a.html"),
                        "http://www.ng.ru/a.html");
    assert_string_equal(izde__url_inner("https://24.kg/x"), "https://24.kg/x");
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
    check_list("В 1990-е годы и в 1980-х годах, в 1970-х гг.", none);
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


/* The publication date clean.c reads from an article's text, or NULL. */
static char *pubdate_of(const char *t)
{
    izde_clean c;
    assert_int_equal(izde__clean_article(&c, t, strlen(t), NULL, NULL), 0);
    char *d = c.date ? strdup(c.date) : NULL;
    izde__clean_free(&c);
    return d;
}

static void want_pubdate(const char *t, const char *want)
{
    char *d = pubdate_of(t);
    if (want ? !d || strcmp(d, want) != 0 : d != NULL)
        fail_msg("«%.70s...»: publication date %s, want %s", t, d ? d : "none",
                 want ? want : "none");
    free(d);
}

#define TITLE "Заголовок статьи про важные события в стране\n"
#define BODY "Парламент принял закон о выборах в местные советы.\n"

static void test_pubdate_stated(void **state)
{
    (void)state;
    /* labels: any full date after them, on the line or the next */
    want_pubdate("Опубликовано: 16.01.2024\n" TITLE BODY, "2024-01-16");
    want_pubdate(TITLE "Опубликовано: 16 января 2024 года, 12:30\n" BODY, "2024-01-16");
    want_pubdate(TITLE BODY "Дата публикации:\n2024-01-16\n", "2024-01-16");
    want_pubdate("Жарыяланды: 16-январь 2024, 10:15\n" TITLE BODY, "2024-01-16");
    /* datelines at the top, under the title, as the last line */
    want_pubdate("12:30, 16 января 2024\n" TITLE BODY, "2024-01-16");
    want_pubdate(TITLE "Вторник, 16.01.2024 | 12:30 мск\n" BODY, "2024-01-16");
    want_pubdate(TITLE "16 января 2024\n" BODY, "2024-01-16");
    want_pubdate(TITLE BODY "16.01.2024 12:30\n", "2024-01-16");
    want_pubdate("БИШКЕК, 2024-жылдын 16-январында\n" TITLE BODY, "2024-01-16");
    want_pubdate(TITLE "Нижний Новгород, 16 января 2024 года\n" BODY, "2024-01-16");
    /* a dateline that runs into the lead: a place, the date, a dash or an agency */
    want_pubdate(TITLE "МОСКВА, 16 января 2024 — Парламент принял закон о выборах.\n" BODY,
                 "2024-01-16");
    want_pubdate("АЛМАТЫ, 15.09.2021, 12:30 /Казинформ/ Парламент принял закон.\n" BODY,
                 "2021-09-15");
    want_pubdate(TITLE "Бишкек, 2024-жылдын 16-январы – Жогорку Кеңеш мыйзамды кабыл алды.\n" BODY,
                 "2024-01-16");
}

static void test_pubdate_not_stated(void **state)
{
    (void)state;
    /* event dates in the body, anniversaries, birth dates, quotes */
    want_pubdate(TITLE "Закон принят 5 декабря 2019 года и вступит в силу 1 января 2020.\n", NULL);
    want_pubdate("286 лет Тихоокеанскому флоту\nФлот основан 21 мая 1731 года.\n"
                 "9 февраля 1904 года\nЯпонский флот атаковал русскую эскадру.\n", NULL);
    want_pubdate(TITLE "Он родился 5 мая 1960 года в Оше.\n" BODY, NULL);
    want_pubdate(TITLE "«Встречаемся 16 января 2024», — написал он.\n" BODY, NULL);
    /* an embedded post's stamp: other words on the line */
    want_pubdate(TITLE BODY "— Donald J. Trump (@realDonaldTrump) October 10, 2017\n", NULL);
    /* a subheading of a story told hour by hour: «года» and no place */
    want_pubdate("27 января 1967 года, 13:00\nЭкипаж занял места в корабле.\n" BODY, NULL);
    /* a chronology: date-only lines of several dates */
    want_pubdate("16.01.2024\n" TITLE BODY "17.01.2024\n" BODY, NULL);
    /* the last line without a time or digits, or in a sentence */
    want_pubdate(TITLE BODY "16 января 2024\n", NULL);
    want_pubdate(TITLE BODY "Материал подготовлен 16.01.2024.\n", NULL);
    /* a date line deep in the article is no dateline */
    want_pubdate(TITLE BODY BODY "16.01.2024 12:30\n" BODY, NULL);
    /* a label with no date, or a date that is no date */
    want_pubdate("Опубликовано: вчера\n" TITLE BODY, NULL);
    want_pubdate("Опубликовано: 31.02.2020\n" TITLE BODY, NULL);
    /* a lead that opens with a date but no place, or with the place and
     * a date in its sentence, or lower down */
    want_pubdate(TITLE "16 января 2024 — день, когда парламент принял закон.\n" BODY, NULL);
    want_pubdate(TITLE "В Москве 16 января 2024 года — парламент принял закон.\n" BODY, NULL);
    want_pubdate(TITLE "МОСКВА, 16 января 2024 года парламент принял закон.\n" BODY, NULL);
    want_pubdate(TITLE BODY "МОСКВА, 16 января 2024 — Парламент принял закон.\n", NULL);
    /* the year missing, as agencies print it: no date */
    want_pubdate(TITLE "МОСКВА, 16 января — Парламент принял закон о выборах.\n" BODY, NULL);
}

static void test_date_line(void **state)
{
    (void)state;
    izde_dateline dl;
    const char *s = "Пятница, 18.04.2017 в 10:15 MSK";
    assert_int_equal(izde__date_line(s, strlen(s), &dl), 1);
    assert_int_equal(dl.y * 10000 + dl.m * 100 + dl.d, 20170418);
    assert_true(dl.time && dl.numeric && !dl.prose && !dl.place);
    s = "АЛМАТЫ, 5 декабря 2019 года";
    assert_int_equal(izde__date_line(s, strlen(s), &dl), 1);
    assert_true(dl.place && dl.prose && !dl.time && !dl.numeric);
    s = "5 декабря 2019 года, Алматы";
    assert_int_equal(izde__date_line(s, strlen(s), &dl), 0);
    s = "с 5 декабря 2019 по 6 декабря 2019";
    assert_int_equal(izde__date_line(s, strlen(s), &dl), 0);
    s = "декабрь 2019";
    assert_int_equal(izde__date_line(s, strlen(s), &dl), 0);
}

static void check_born(const char *text, const char *const *events, const char *const *born)
{
    check_list(text, events);
    char **v;
    size_t n, nb = 0;
    assert_int_equal(izde__birth_dates(text, strlen(text), &v, &n), 0);
    while (born[nb])
        nb++;
    int ok = n == nb;
    for (size_t i = 0; ok && i < n; i++)
        ok = strcmp(v[i], born[i]) == 0;
    for (size_t i = 0; !ok && i < n; i++)
        print_message("born %s\n", v[i]);
    izde__strv_free(v, n);
    if (!ok)
        fail_msg("birth dates differ in «%.60s...»", text);
}

static void test_birth_dates(void **state)
{
    (void)state;
    check_born("Он родился 5 мая 1960 года в Оше, а в 2017 году стал президентом.",
               (const char *const[]){"2017", NULL}, (const char *const[]){"1960-05-05", NULL});
    check_born("Жапаров 1968-жылы туулган. 2021-жылы шайланган.",
               (const char *const[]){"2021", NULL}, (const char *const[]){"1968", NULL});
    check_born("Задержан мужчина 1985 года рождения. Дата рождения: 12 марта 1970 года.",
               (const char *const[]){NULL}, (const char *const[]){"1985", "1970-03-12", NULL});
    check_born("Иванов, 1960 г. р., пришёл в 2019 году. Уроженец Оша, в 1990 году переехал.",
               (const char *const[]){"2019", "1990", NULL}, (const char *const[]){"1960", NULL});
    /* «родился» in another sentence or clause does not reach the date */
    check_born("Он родился в Москве. В 2001 году окончил МГУ.",
               (const char *const[]){"2001", NULL}, (const char *const[]){NULL});
}

static void test_date_after_and_filename(void **state)
{
    (void)state;
    assert_int_equal(izde__date_after("2027", "2021-05-10"), 1);
    assert_int_equal(izde__date_after("2021", "2021-05-10"), 0);
    assert_int_equal(izde__date_after("2021-06", "2021-05-10"), 1);
    assert_int_equal(izde__date_after("2021-05-11", "2021-05-10"), 1);
    assert_int_equal(izde__date_after("2021-05-10", "2021-05-10"), 0);
    assert_int_equal(izde__date_after("1960-05-05", "2021"), 0);
    int y, m, d;
    static const char *const names[] = {"/a/2024-01-16-news.txt", "x/feed_20240116.jsonl",
                                        "16.01.2024.csv", "report 2024_01_16.md",
                                        "/b/1999/16-01-2024.txt", NULL};
    for (const char *const *p = names; *p; p++) {
        y = m = d = 0;
        if (izde__filename_date(*p, &y, &m, &d) != 3 || y * 10000 + m * 100 + d != 20240116)
            fail_msg("%s: %d-%d-%d, want 2024-01-16", *p, y, m, d);
    }
    assert_int_equal(izde__filename_date("/2024-01-16/notes.txt", &y, &m, &d), 0);
    assert_int_equal(izde__filename_date("2024-13-16.txt", &y, &m, &d), 0);
    assert_int_equal(izde__filename_date("id_202401160.txt", &y, &m, &d), 0);
    assert_int_equal(izde__filename_date("v1.2.2024.txt", &y, &m, &d), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms),        cmocka_unit_test(test_invalid),
        cmocka_unit_test(test_normalize),    cmocka_unit_test(test_mentioned_ru),
        cmocka_unit_test(test_mentioned_ky), cmocka_unit_test(test_mentioned_negatives),
        cmocka_unit_test(test_find_date),
        cmocka_unit_test(test_pubdate_stated),
        cmocka_unit_test(test_pubdate_not_stated),
        cmocka_unit_test(test_date_line),
        cmocka_unit_test(test_birth_dates),
        cmocka_unit_test(test_date_after_and_filename),
        cmocka_unit_test(test_url_site),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
