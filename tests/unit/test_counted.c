/*
 * test_counted.c - what a figure counts (counted.c): units read in every
 * case form of Russian and Kyrgyz, words that must not become units, the
 * key shared by a noun's forms in both languages, labels, and the label
 * a group is shown under.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "counted.h"

static izde_counted *ct;

static int setup(void **state)
{
    (void)state;
    ct = izde__counted_new();
    return ct ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    izde__counted_free(ct);
    return 0;
}

static const char *unit(const char *w)
{
    return izde__counted_unit(ct, w, strlen(w), NULL, NULL);
}

static void expect_unit(const char *w, const char *want)
{
    const char *got = unit(w);
    if (!got || strcmp(got, want) != 0)
        fail_msg("«%s»: unit %s, want %s", w, got ? got : "(none)", want);
}

static void expect_no_unit(const char *w)
{
    const char *got = unit(w);
    if (got)
        fail_msg("«%s» read as unit %s", w, got);
}

static void test_units_russian(void **state)
{
    (void)state;
    const char *kg[] = {"кг", "кило", "килограмм", "килограмма", "килограммов", "килограммами"};
    for (size_t i = 0; i < sizeof kg / sizeof *kg; i++)
        expect_unit(kg[i], "кг");
    const char *t[] = {"т", "тонна", "тонны", "тонн", "тонну", "тоннами", "тоннах"};
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        expect_unit(t[i], "т");
    expect_unit("гектаров", "га");
    expect_unit("га", "га");
    expect_unit("литров", "л");
    expect_unit("километров", "км");
    expect_unit("метрах", "м");
    expect_unit("сантиметров", "см");
    expect_unit("миллиметра", "мм");
    expect_unit("процентов", "%");
    expect_unit("рублей", "рубль");
    expect_unit("рубля", "рубль");
    expect_unit("руб", "рубль");
    expect_unit("долларов", "доллар");
    expect_unit("долл", "доллар");
    expect_unit("$", "доллар");
    expect_unit("грн", "гривна");
    expect_unit("гривен", "гривна");
    expect_unit("гривны", "гривна");
    expect_unit("гривнами", "гривна");
    expect_unit("юаней", "юань");
    expect_unit("сомов", "сом");
    expect_unit("манатов", "манат");
    expect_unit("евро", "евро");
    expect_unit("тенге", "тенге");
}

static void test_units_kyrgyz(void **state)
{
    (void)state;
    expect_unit("килограммга", "кг");
    expect_unit("килограммдан", "кг");
    expect_unit("тоннага", "т");
    expect_unit("гектарга", "га");
    expect_unit("пайыз", "%");
    expect_unit("пайызга", "%");
    expect_unit("пайызы", "%");
    expect_unit("доллардан", "доллар");
    expect_unit("долларды", "доллар");
    expect_unit("сомго", "сом");
    expect_unit("сомдон", "сом");
    expect_unit("теңге", "тенге");
    expect_unit("теңгеге", "тенге");
    expect_unit("евродон", "евро");
    expect_unit("юандан", "юань");
    /* derivations: «100 сомдук айып», «5 доллардык» */
    expect_unit("сомдук", "сом");
    expect_unit("доллардык", "доллар");
}

static void test_not_units(void **state)
{
    (void)state;
    /* an abbreviation matches only as written */
    const char *no[] = {"том", "лет", "ли", "метро", "сумм", "суммы", "тең", "грамота",
                        "тоннель", "литература", "процентный", "ге", "де", "ка"};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        expect_no_unit(no[i]);
    /* «г» is the year («2019 г.»), not grams */
    expect_no_unit("г");
}

static void test_bare_and_currency(void **state)
{
    (void)state;
    int cur = -1, bare = -1;
    assert_string_equal(izde__counted_unit(ct, "пайызы", strlen("пайызы"), &cur, &bare), "%");
    assert_int_equal(cur, 0);
    assert_int_equal(bare, 0);
    assert_string_equal(izde__counted_unit(ct, "сом", 6, &cur, &bare), "сом");
    assert_int_equal(cur, 1);
    assert_int_equal(bare, 1);
}

static void expect_key(const char *w, int ky, const char *want)
{
    char *got = izde__counted_key(ct, w, strlen(w), ky);
    assert_non_null(got);
    if (strcmp(got, want) != 0)
        fail_msg("«%s» (%s): key %s, want %s", w, ky ? "ky" : "ru", got, want);
    free(got);
}

static void test_keys(void **state)
{
    (void)state;
    /* one key for the forms of a word in both languages */
    expect_key("мигрантов", 0, "мигрант");
    expect_key("мигранттар", 1, "мигрант");
    expect_key("лидеров", 0, "лидер");
    expect_key("лидерлердин", 1, "лидер");
    expect_key("компании", 0, "компан");
    expect_key("компаниялар", 1, "компан");
    expect_key("самолётами", 0, "самолет");
    expect_key("полиции", 0, "полиц");
    expect_key("полициянын", 1, "полиц");
    expect_key("программы", 0, "программ");
    expect_key("программанын", 1, "программ");
    expect_key("адамдан", 1, "адам");
    /* a unit word's key is its unit */
    expect_key("килограммга", 1, "кг");
    expect_key("Килограммов", 0, "кг");
    /* a loanword's -ия goes when three letters stay, one vowel when four
     * do: short Kyrgyz words keep their last vowel */
    expect_key("Индияга", 1, "инд");
    expect_key("Индии", 0, "инд");
    expect_key("машиналар", 1, "машин");
    expect_key("кара", 1, "кара");
    expect_key("пара", 1, "пара");
    expect_key("ата", 1, "ата");
}

static void expect_label(const char *w, int ky, const char *want)
{
    char *got = izde__counted_label(ct, w, strlen(w), ky);
    assert_non_null(got);
    if (strcmp(got, want) != 0)
        fail_msg("«%s» (%s): label %s, want %s", w, ky ? "ky" : "ru", got, want);
    free(got);
}

static void test_labels(void **state)
{
    (void)state;
    expect_label("лидерлердин", 1, "лидер");
    expect_label("мигранттар", 1, "мигрант");
    expect_label("адамдар", 1, "адам");
    expect_label("самолётов", 0, "самолёт");
    expect_label("Лидеров", 0, "лидер");
    expect_label("человек", 0, "человек");
    /* feminine and soft stems keep the word as written */
    expect_label("жертвами", 0, "жертвами");
    expect_label("учителей", 0, "учителей");
    expect_label("тонны", 0, "т");
    /* a vowel the nominative has and the other forms drop: the word stays */
    expect_label("бросков", 0, "бросков");
    expect_label("бойцов", 0, "бойцов");
    expect_label("очков", 0, "очков");
    expect_label("матчей", 0, "матчей");
    expect_label("кораблей", 0, "кораблей");
    expect_label("игроков", 0, "игрок");
}

static void test_group_label(void **state)
{
    (void)state;
    const char *l1[] = {"самолетами", "самолёт", "самолета"};
    unsigned c1[] = {5, 2, 3};
    assert_string_equal(izde__counted_group_label("самолет", l1, c1, 3), "самолёт");
    const char *l2[] = {"компании", "компания", "компаний"};
    unsigned c2[] = {4, 1, 4};
    assert_string_equal(izde__counted_group_label("компан", l2, c2, 3), "компания");
    const char *l3[] = {"мероприятий", "мероприятиях"};
    unsigned c3[] = {2, 2};
    assert_string_equal(izde__counted_group_label("мероприят", l3, c3, 2), "мероприятий");
    assert_null(izde__counted_group_label("x", NULL, NULL, 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_units_russian),     cmocka_unit_test(test_units_kyrgyz),
        cmocka_unit_test(test_not_units),         cmocka_unit_test(test_bare_and_currency),
        cmocka_unit_test(test_keys),              cmocka_unit_test(test_labels),
        cmocka_unit_test(test_group_label),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
