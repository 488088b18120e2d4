/*
 * test_strmap.c - the map of strings in memory (util/strmap.c) that an
 * indexing run keeps the stamps of deleted documents in: a value put is
 * taken once, truncated to the buffer; past its first 256 buckets (the
 * table grows) every key is still found.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "strmap.h"

static void test_put_take(void **state)
{
    (void)state;
    izde_strmap *m = NULL;
    char out[32];
    assert_int_equal(izde__strmap_take(m, "a", out, sizeof out), 0); /* no map yet */
    assert_int_equal(izde__strmap_put(&m, "a1", "0000000003 2026-12-07T19:41:55Z"), 0);
    assert_int_equal(izde__strmap_put(&m, "a2", "x"), 0);
    assert_int_equal(izde__strmap_take(m, "a3", out, sizeof out), 0);
    assert_int_equal(izde__strmap_take(m, "a1", out, sizeof out), 1);
    assert_string_equal(out, "0000000003 2026-12-07T19:41:55Z");
    assert_int_equal(izde__strmap_take(m, "a1", out, sizeof out), 0); /* taken once */
    char small[4];
    assert_int_equal(izde__strmap_take(m, "a2", small, sizeof small), 1);
    assert_string_equal(small, "x");
    izde__strmap_free(m);
}

static void test_grows(void **state)
{
    (void)state;
    izde_strmap *m = NULL;
    char key[32], want[32], out[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(key, sizeof key, "id-%d", i);
        snprintf(want, sizeof want, "%010d", i);
        assert_int_equal(izde__strmap_put(&m, key, want), 0);
    }
    for (int i = 4999; i >= 0; i--) {
        snprintf(key, sizeof key, "id-%d", i);
        snprintf(want, sizeof want, "%010d", i);
        assert_int_equal(izde__strmap_take(m, key, out, sizeof out), 1);
        assert_string_equal(out, want);
    }
    assert_int_equal(izde__strmap_take(m, "id-0", out, sizeof out), 0);
    izde__strmap_free(m);
    izde__strmap_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_put_take),
        cmocka_unit_test(test_grows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
