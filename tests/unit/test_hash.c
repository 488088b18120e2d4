/*
 * test_hash.c - pins the hash behind every on-disk key (hash.h): FNV-1a's
 * published vectors, the shard of an id, the id term of a long id, the
 * file key of a long path and a file's content hash, with values from
 * indexes built before hash.h existed.  A failure here means documents
 * would move to another shard or id: bump IZDE_INDEX_VERSION instead.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "izde.h"
#include "izde-private.h"
#include "hash.h"

static char *repeat(const char *s, int times)
{
    size_t n = strlen(s);
    char *r = malloc(n * (size_t)times + 1);
    for (int i = 0; i < times; i++)
        memcpy(r + n * (size_t)i, s, n);
    r[n * (size_t)times] = '\0';
    return r;
}

static void test_fnv1a_vectors(void **state)
{
    (void)state;
    assert_true(izde__hash(IZDE_HASH_SEED, "", 0) == 0xcbf29ce484222325ULL);
    assert_true(izde__hash(IZDE_HASH_SEED, "a", 1) == 0xaf63dc4c8601ec8cULL);
    assert_true(izde__hash(IZDE_HASH_SEED, "foobar", 6) == 0x85944171f73967e8ULL);
    /* in pieces: the hash of the whole */
    assert_true(izde__hash(izde__hash(IZDE_HASH_SEED, "foo", 3), "bar", 3) == 0x85944171f73967e8ULL);
    assert_true(izde__hash(IZDE_HASH_SEED_V1, "Казахстан", strlen("Казахстан")) ==
                0x6d2b1a90da5387d8ULL);
}

/* The MinHash permutation of story signatures (index/SCHEMA.md, "Stories"):
 * SplitMix64's finaliser.  A change re-draws every stored signature. */
static void test_mix64(void **state)
{
    (void)state;
    assert_true(izde__mix64(0) == 0);
    assert_true(izde__mix64(1) == 0x5692161d100b05e5ULL);
    assert_true(izde__mix64(0xcbf29ce484222325ULL) == 0xf52a15e9a9b5e89bULL);
}

static void test_shard_of_id(void **state)
{
    (void)state;
    static const struct { const char *id; unsigned of2, of3, of8, of1024; } pins[] = {
        {"24kg-4317", 1, 1, 1, 473},
        {"https://ng.ru/politics/2017-04-18/1_kg.html", 0, 2, 4, 708},
        {"/work/corpus/a.txt", 0, 2, 2, 154},
    };
    for (size_t i = 0; i < sizeof pins / sizeof *pins; i++) {
        assert_int_equal(izde_shard_of(pins[i].id, 2), pins[i].of2);
        assert_int_equal(izde_shard_of(pins[i].id, 3), pins[i].of3);
        assert_int_equal(izde_shard_of(pins[i].id, 8), pins[i].of8);
        assert_int_equal(izde_shard_of(pins[i].id, 1024), pins[i].of1024);
    }
    assert_int_equal(izde_shard_of("x", 0), 0);
}

/* The Q term of a 300-byte id, as an index of format 3 holds it. */
static void test_long_id_term(void **state)
{
    (void)state;
    char *id = repeat("ж", 150);
    izde_buf b = {0};
    assert_int_equal(izde__hashed_key(&b, id, IZDE_MAX_TERM - 1, 200), IZDE_OK);
    assert_int_equal(b.len, 200 + 17);
    assert_memory_equal(b.data, id, 200);
    assert_string_equal(b.data + 200, "#0c6a93e35f302643");
    /* an id that fits is kept whole */
    izde__buf_clear(&b);
    id[239] = '\0'; /* 239 bytes, ending inside a letter: still whole */
    assert_int_equal(izde__hashed_key(&b, id, IZDE_MAX_TERM - 1, 200), IZDE_OK);
    assert_string_equal(b.data, id);
    izde__buf_free(&b);
    free(id);
}

/* The F term of a 259-byte path: its head cut back to a letter boundary. */
static void test_long_file_key(void **state)
{
    (void)state;
    char *y = repeat("ы", 60);
    char path[400];
    snprintf(path, sizeof path, "/tmp/hq/d/%s/%s/b.jsonl", y, y);
    assert_int_equal(strlen(path), 259);
    izde_buf b = {0};
    assert_int_equal(izde__file_key(&b, path), IZDE_OK);
    assert_int_equal(b.len, 179 + 17); /* byte 180 is inside an «ы» */
    assert_memory_equal(b.data, path, 179);
    assert_string_equal(b.data + 179, "#e1e51b871460baf9");
    izde__buf_clear(&b);
    assert_int_equal(izde__file_key(&b, "/short/path.txt"), IZDE_OK);
    assert_string_equal(b.data, "/short/path.txt");
    izde__buf_free(&b);
    free(y);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fnv1a_vectors),
        cmocka_unit_test(test_mix64),
        cmocka_unit_test(test_shard_of_id),
        cmocka_unit_test(test_long_id_term),
        cmocka_unit_test(test_long_file_key),
    };
    return cmocka_run_group_tests_name("hash", tests, NULL, NULL);
}
