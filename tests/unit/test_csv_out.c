/*
 * test_csv_out.c - the CSV writer of --csv and format=csv (src/cli/
 * csv_out.c), byte for byte: which fields are quoted and how, numbers,
 * and the guard against formulas (the CLI test T270 reads whole tables
 * back with Python's csv module).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "csv_out.h"

/* The fields of `texts` (n of them) written as one row. */
static char *row_of(const char *const *texts, size_t n)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    csv_row r = {f, 0};
    for (size_t i = 0; i < n; i++)
        csv_text(&r, texts[i]);
    csv_end(&r);
    fclose(f);
    return out;
}

#define ROW(expected, ...)                                                                 \
    do {                                                                                   \
        const char *const in[] = {__VA_ARGS__};                                            \
        char *got = row_of(in, sizeof in / sizeof in[0]);                                  \
        assert_string_equal(got, expected);                                                \
        free(got);                                                                         \
    } while (0)

static void plain_fields_are_not_quoted(void **state)
{
    (void)state;
    ROW("a,b c,d\n", "a", "b c", "d");
    ROW("Бишкек,Кыргызстан ң ө ү\n", "Бишкек", "Кыргызстан ң ө ү");
}

static void empty_and_null_fields(void **state)
{
    (void)state;
    ROW(",,x\n", "", NULL, "x");
    ROW("\n", NULL);
}

static void special_characters_are_quoted(void **state)
{
    (void)state;
    ROW("\"1,5 млн\",x\n", "1,5 млн", "x");
    ROW("\"он сказал \"\"да\"\"\"\n", "он сказал \"да\"");
    ROW("\"две\nстроки\"\n", "две\nстроки");
    ROW("\"a\rb\"\n", "a\rb");
    ROW("\"\"\"\"\n", "\"");
}

static void formulas_are_kept_as_text(void **state)
{
    (void)state;
    ROW("'=1+2,'@SUM(A1),'+7 дней,'-минус\n", "=1+2", "@SUM(A1)", "+7 дней", "-минус");
    ROW("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"\n", "=HYPERLINK(\"x\",\"y\")");
    ROW("\"'\r=1\"\n", "\r=1");
    /* numbers stay numbers; a lone sign is not one */
    ROW("-5,+7.5,-1e3,'-\n", "-5", "+7.5", "-1e3", "-");
}

static void numbers(void **state)
{
    (void)state;
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    csv_row r = {f, 0};
    csv_number(&r, 28000);
    csv_number(&r, 526660000.00000006);
    csv_number(&r, 2.5);
    csv_number(&r, -5);
    csv_text(&r, "x");
    csv_end(&r);
    fclose(f);
    assert_string_equal(out, "28000,526660000,2.5,-5,x\n");
    free(out);
}

static void header_row(void **state)
{
    (void)state;
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    const char *const names[] = {"rank", "id", "title"};
    csv_header(f, names, 3);
    fclose(f);
    assert_string_equal(out, "rank,id,title\n");
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_fields_are_not_quoted),
        cmocka_unit_test(empty_and_null_fields),
        cmocka_unit_test(special_characters_are_quoted),
        cmocka_unit_test(formulas_are_kept_as_text),
        cmocka_unit_test(numbers),
        cmocka_unit_test(header_row),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
