/*
 * test_analyzer.c - unit tests of the text analyzer (analyzer.h): exact
 * terms, byte offsets, kinds and positions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "analyzer.h"
#include "izde.h"

#define MAX_TOKS 64

typedef struct tok {
    char term[2048];    /* copy of the term */
    size_t term_len;    /* its length as reported */
    size_t start, end;  /* byte offsets */
    unsigned pos;       /* position */
    int kind;           /* izde_tok_kind */
} tok;

typedef struct collect {
    tok toks[MAX_TOKS]; /* the first MAX_TOKS tokens */
    int n;              /* tokens seen */
    int stop_at;        /* return `stop_rc` on this token (0-based), -1: never */
    int stop_rc;        /* value returned to stop */
} collect;

static izde_analyzer *an;
static collect got;

static int on_token(void *ctx, const izde_token *t)
{
    collect *c = ctx;

    assert_non_null(t->term);
    assert_int_equal(strlen(t->term), t->term_len);
    assert_true(t->start < t->end);
    if (c->n < MAX_TOKS) {
        tok *k = &c->toks[c->n];
        assert_true(t->term_len < sizeof k->term);
        memcpy(k->term, t->term, t->term_len + 1);
        k->term_len = t->term_len;
        k->start = t->start;
        k->end = t->end;
        k->pos = t->pos;
        k->kind = t->kind;
    }
    if (c->n == c->stop_at) {
        c->n++;
        return c->stop_rc;
    }
    c->n++;
    return 0;
}

/* Analyze `text` (len bytes) into `got`; returns izde_analyze()'s value. */
static int run_len(const char *text, size_t len)
{
    memset(&got, 0, sizeof got);
    got.stop_at = -1;
    return izde_analyze(an, text, len, on_token, &got);
}

static int run(const char *text)
{
    return run_len(text, strlen(text));
}

/* Token i is `term` of `kind`, spanning `span` (which is found in text at
 * or after byte `from`).  Returns the end offset, to chain searches. */
static size_t check_tok(const char *text, size_t from, int i, const char *term,
                        const char *span, int kind)
{
    const char *p = strstr(text + from, span);
    size_t start, end;

    assert_non_null(p);
    start = (size_t)(p - text);
    end = start + strlen(span);
    assert_true(i < got.n);
    assert_string_equal(got.toks[i].term, term);
    assert_int_equal(got.toks[i].start, start);
    assert_int_equal(got.toks[i].end, end);
    assert_int_equal(got.toks[i].pos, (unsigned)i);
    assert_int_equal(got.toks[i].kind, kind);
    return end;
}

#define W IZDE_TOK_WORD
#define N IZDE_TOK_NUMBER

static int setup(void **state)
{
    char *msg = NULL;

    (void)state;
    assert_int_equal(izde_analyzer_new(&an, &msg), IZDE_OK);
    assert_null(msg);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    izde_analyzer_free(an);
    an = NULL;
    return 0;
}

/* ------------------------------------------------------------------------ */

static void test_sentence(void **state)
{
    const char *t = "Данные мероприятия охватили 28 тысяч человек.";
    size_t o = 0;

    (void)state;
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 6);
    o = check_tok(t, o, 0, "данные", "Данные", W);
    assert_int_equal(got.toks[0].start, 0);
    assert_int_equal(got.toks[0].end, 12);
    o = check_tok(t, o, 1, "мероприятия", "мероприятия", W);
    o = check_tok(t, o, 2, "охватили", "охватили", W);
    o = check_tok(t, o, 3, "28", "28", N);
    o = check_tok(t, o, 4, "тысяч", "тысяч", W);
    check_tok(t, o, 5, "человек", "человек", W);
}

static void test_number_groups(void **state)
{
    static const char *seps[] = { " ", "\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89" };
    char t[128], span[32];
    size_t i;

    (void)state;
    for (i = 0; i < sizeof seps / sizeof seps[0]; i++) {
        snprintf(span, sizeof span, "28%s000", seps[i]);
        snprintf(t, sizeof t, "%s человек", span);
        assert_int_equal(run(t), IZDE_OK);
        assert_int_equal(got.n, 2);
        check_tok(t, 0, 0, "28000", span, N);
        check_tok(t, 0, 1, "человек", "человек", W);
    }

    assert_int_equal(run("2 200 000"), IZDE_OK);
    assert_int_equal(got.n, 1);
    check_tok("2 200 000", 0, 0, "2200000", "2 200 000", N);

    assert_int_equal(run("около 28 000,5 тонн"), IZDE_OK);
    assert_int_equal(got.n, 3);
    check_tok("около 28 000,5 тонн", 0, 1, "28000.5", "28 000,5", N);
}

static void test_numbers_not_merged(void **state)
{
    const char *t;

    (void)state;
    t = "2014 2015";
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 2);
    check_tok(t, 0, 0, "2014", "2014", N);
    check_tok(t, 4, 1, "2015", "2015", N);

    t = "28  000";      /* two spaces */
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 2);
    check_tok(t, 0, 0, "28", "28", N);
    check_tok(t, 2, 1, "000", "000", N);

    t = "в 5 1000 раз";   /* next group is not 3 digits */
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 4);
    check_tok(t, 0, 1, "5", "5", N);
    check_tok(t, 0, 2, "1000", "1000", N);

    t = "12 34 567";        /* "34 567" is a chain of its own */
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 2);
    check_tok(t, 0, 0, "12", "12", N);
    check_tok(t, 0, 1, "34567", "34 567", N);

    t = "1,5 000";          /* a decimal can't start a chain */
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 2);
    check_tok(t, 0, 0, "1.5", "1,5", N);
    check_tok(t, 3, 1, "000", "000", N);

    t = "28 000руб";        /* ICU's "000руб" is a word */
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 2);
    check_tok(t, 0, 0, "28", "28", N);
    check_tok(t, 0, 1, "000руб", "000руб", W);

    t = "в 28 ";            /* pending group at the end of text */
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 2);
    check_tok(t, 0, 1, "28", "28", N);
}

static void test_decimal(void **state)
{
    const char *t = "2,2 млн. подписчиков, рост 1.2%";

    (void)state;
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 5);
    check_tok(t, 0, 0, "2.2", "2,2", N);
    check_tok(t, 0, 1, "млн", "млн", W);
    check_tok(t, 0, 2, "подписчиков", "подписчиков", W);
    check_tok(t, 0, 3, "рост", "рост", W);
    check_tok(t, 0, 4, "1.2", "1.2", N);
}

static void test_yo_and_case(void **state)
{
    const char *t = "Ёлка ЁЖИК ещё";

    (void)state;
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 3);
    check_tok(t, 0, 0, "елка", "Ёлка", W);
    check_tok(t, 0, 1, "ежик", "ЁЖИК", W);
    check_tok(t, 0, 2, "еще", "ещё", W);
}

static void test_homoglyphs(void **state)
{
    const char *t;

    (void)state;
    t = "Новый прoект";     /* Latin o */
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 2);
    check_tok(t, 0, 1, "проект", "прoект", W);

    t = "MОСКВА KAЗAХСТАН TBЦ"; /* Latin M; K, A, A; T, B */
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 3);
    check_tok(t, 0, 0, "москва", "MОСКВА", W);
    check_tok(t, 0, 1, "казахстан", "KAЗAХСТАН", W);
    check_tok(t, 0, 2, "твц", "TBЦ", W);

    /* No Cyrillic; a Latin letter without a twin; lower-case m */
    t = "Moscow cccp iPhoneы mама";
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 4);
    check_tok(t, 0, 0, "moscow", "Moscow", W);
    check_tok(t, 0, 1, "cccp", "cccp", W);
    check_tok(t, 0, 2, "iphoneы", "iPhoneы", W);
    check_tok(t, 0, 3, "mама", "mама", W);

    t = "\xC3\xABлка";      /* Latin ë */
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 1);
    check_tok(t, 0, 0, "елка", t, W);
}

static void test_soft_hyphen_zero_width(void **state)
{
    const char *t;

    (void)state;
    t = "против экс\xC2\xADтремизма";
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 2);
    check_tok(t, 0, 1, "экстремизма", "экс\xC2\xADтремизма", W);

    t = "про\xE2\x80\x8B" "ект и\xE2\x81\xA0" "ли";   /* U+200B, U+2060 */
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 2);
    check_tok(t, 0, 0, "проект", "про\xE2\x80\x8B" "ект", W);
    check_tok(t, 0, 1, "или", "и\xE2\x81\xA0" "ли", W);

    /* BOM first, ZWJ/ZWNJ and a soft hyphen at word edges */
    t = "\xEF\xBB\xBFслово \xC2\xAD" "дело\xE2\x80\x8D \xE2\x80\x8C";
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 2);
    check_tok(t, 0, 0, "слово", "слово", W);
    check_tok(t, 0, 1, "дело", "дело", W);
}

static void test_mixed_letters_digits(void **state)
{
    const char *t = "100дөн ашык COVID-19 x1,5";

    (void)state;
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 5);
    check_tok(t, 0, 0, "100дөн", "100дөн", W);
    check_tok(t, 0, 1, "ашык", "ашык", W);
    check_tok(t, 0, 2, "covid", "COVID", W);
    check_tok(t, 0, 3, "19", "19", N);
    check_tok(t, 0, 4, "x1,5", "x1,5", W);  /* a WORD keeps its comma */
}

static void test_punctuation(void **state)
{
    const char *t;

    (void)state;
    t = "«Слово» — (дело)! ... “x” ___ ";
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 3);
    check_tok(t, 0, 0, "слово", "Слово", W);
    check_tok(t, 0, 1, "дело", "дело", W);
    check_tok(t, 0, 2, "x", "x", W);

    assert_int_equal(run("«» — !?., ;:\"' \t\n"), IZDE_OK);
    assert_int_equal(got.n, 0);
}

static void test_empty(void **state)
{
    (void)state;
    assert_int_equal(run(""), IZDE_OK);
    assert_int_equal(got.n, 0);
    assert_int_equal(run_len(NULL, 0), IZDE_OK);
    assert_int_equal(got.n, 0);
    assert_int_equal(run_len("слово", 0), IZDE_OK);
    assert_int_equal(got.n, 0);
}

static void test_invalid_utf8(void **state)
{
    const char *t;

    (void)state;
    t = "a\xFF\xFE" "б \xD0 в\xE2\x82";   /* stray bytes, truncated sequences */
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 3);
    check_tok(t, 0, 0, "a", "a", W);
    check_tok(t, 0, 1, "б", "б", W);
    check_tok(t, 0, 2, "в", "в", W);

    t = "\xC0\xAF" "да\xED\xA0\x80" "нет";  /* overlong, surrogate */
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 2);
    check_tok(t, 0, 0, "да", "да", W);
    check_tok(t, 0, 1, "нет", "нет", W);
}

/* Random bytes: no crash, offsets inside the text, in order. */
static void test_random_bytes(void **state)
{
    static const char alphabet[] = "a1 ,.\xD0\xB0\xD1\x91\xC2\xAD\xE2\x80\xAF\xF0\x9F\x98\x80\xFF";
    char buf[512];
    unsigned seed = 12345;
    int round, i;

    (void)state;
    for (round = 0; round < 2000; round++) {
        size_t len = 0;
        int k;

        for (i = 0; i < (int)sizeof buf; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = (round & 1) ? (char)(seed >> 16)
                                 : alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        len = (seed >> 8) % sizeof buf;
        assert_int_equal(run_len(buf, len), IZDE_OK);
        for (k = 0; k < got.n && k < MAX_TOKS; k++) {
            assert_true(got.toks[k].end <= len);
            assert_int_equal(got.toks[k].pos, (unsigned)k);
            if (k > 0)
                assert_true(got.toks[k].start >= got.toks[k - 1].end);
        }
    }
}

static void test_kyrgyz(void **state)
{
    const char *t = "ҢӨҮ Үй Өкмөт ыңгайлуу";

    (void)state;
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 4);
    check_tok(t, 0, 0, "ңөү", "ҢӨҮ", W);
    check_tok(t, 0, 1, "үй", "Үй", W);
    check_tok(t, 0, 2, "өкмөт", "Өкмөт", W);
    check_tok(t, 0, 3, "ыңгайлуу", "ыңгайлуу", W);
}

static void test_nfc_and_supplementary(void **state)
{
    const char *t;

    (void)state;
    t = "\xD0\xB5\xCC\x88лка \xD0\x98\xCC\x86" "од Stra\xC3\x9F" "e";  /* е+U+0308, И+U+0306, ß */
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 3);
    check_tok(t, 0, 0, "елка", "\xD0\xB5\xCC\x88лка", W);
    check_tok(t, 0, 1, "йод", "\xD0\x98\xCC\x86" "од", W);
    check_tok(t, 0, 2, "strasse", "Stra\xC3\x9F" "e", W);

    t = "\xF0\x9F\x98\x80 слово \xF0\x90\x8C\xB0\xF0\x90\x8C\xB1";  /* emoji, Gothic */
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 2);
    check_tok(t, 0, 0, "слово", "слово", W);
    check_tok(t, 0, 1, "\xF0\x90\x8C\xB0\xF0\x90\x8C\xB1", "\xF0\x90\x8C\xB0\xF0\x90\x8C\xB1", W);
}

static void test_icu_shapes(void **state)
{
    const char *t = "Vecher.kz пишет mail@example.com https://24.kg/a/123_abc.html кто-то";
    size_t o = 0;

    (void)state;
    assert_int_equal(run(t), IZDE_OK);
    assert_int_equal(got.n, 10);
    o = check_tok(t, o, 0, "vecher.kz", "Vecher.kz", W);
    o = check_tok(t, o, 1, "пишет", "пишет", W);
    o = check_tok(t, o, 2, "mail@example.com", "mail@example.com", W);
    o = check_tok(t, o, 3, "https", "https", W);
    o = check_tok(t, o, 4, "24", "24", N);
    o = check_tok(t, o, 5, "kg", "kg", W);
    o = check_tok(t, o, 6, "a", "a", W);
    o = check_tok(t, o, 7, "123_abc.html", "123_abc.html", W);
    o = check_tok(t, o, 8, "кто", "кто", W);
    check_tok(t, o, 9, "то", "то", W);
}

static void test_stop(void **state)
{
    (void)state;
    memset(&got, 0, sizeof got);
    got.stop_at = 1;
    got.stop_rc = 42;
    assert_int_equal(izde_analyze(an, "раз два три", strlen("раз два три"), on_token, &got), 42);
    assert_int_equal(got.n, 2);

    /* a pending number is reported (and can stop) at the end too */
    memset(&got, 0, sizeof got);
    got.stop_at = 1;
    got.stop_rc = -7;
    assert_int_equal(izde_analyze(an, "раз 28 000", strlen("раз 28 000"), on_token, &got), -7);
    assert_int_equal(got.n, 2);
    assert_string_equal(got.toks[1].term, "28000");
}

static void test_bad_args(void **state)
{
    (void)state;
    assert_int_equal(izde_analyze(an, "x", 1, NULL, NULL), IZDE_EINVAL);
    assert_int_equal(izde_analyze(an, NULL, 1, on_token, &got), IZDE_EINVAL);
    assert_int_equal(izde_analyzer_new(NULL, NULL), IZDE_EINVAL);
    izde_analyzer_free(NULL);
}

/* Text much larger than the initial buffers, tokens all the way. */
static void test_large(void **state)
{
    const char *unit = "Слово 28 000 прoект; ";
    size_t ul = strlen(unit), reps = 20000, i;
    char *big = malloc(ul * reps + 1);

    (void)state;
    assert_non_null(big);
    for (i = 0; i < reps; i++)
        memcpy(big + i * ul, unit, ul);
    big[ul * reps] = '\0';
    assert_int_equal(run(big), IZDE_OK);
    assert_int_equal(got.n, (int)(3 * reps));
    check_tok(big, 0, 2, "проект", "прoект", W);
    free(big);
}

static void test_normalize(void **state)
{
    size_t n = 99;
    const char *r;

    (void)state;
    r = izde_analyzer_normalize(an, "ЁЛКА", strlen("ЁЛКА"), &n);
    assert_string_equal(r, "елка");
    assert_int_equal(n, strlen("елка"));
    r = izde_analyzer_normalize(an, "прoект", strlen("прoект"), &n);
    assert_string_equal(r, "проект");
    r = izde_analyzer_normalize(an, "экс\xC2\xADтремизм", strlen("экс\xC2\xADтремизм"), &n);
    assert_string_equal(r, "экстремизм");
    r = izde_analyzer_normalize(an, "2,2", 3, &n);
    assert_string_equal(r, "2.2");
    r = izde_analyzer_normalize(an, "28\xC2\xA0" "000", 7, &n);
    assert_string_equal(r, "28000");
    r = izde_analyzer_normalize(an, "Stra\xC3\x9F" "e", 7, &n);
    assert_string_equal(r, "strasse");
    r = izde_analyzer_normalize(an, "ҮЙ", strlen("ҮЙ"), &n);
    assert_string_equal(r, "үй");
    r = izde_analyzer_normalize(an, "", 0, &n);
    assert_string_equal(r, "");
    assert_int_equal(n, 0);
    r = izde_analyzer_normalize(an, "\xFFОК", 5, &n);   /* no crash */
    assert_non_null(r);
    assert_string_equal(r, "\xEF\xBF\xBD" "ок");
}

/* normalize() called inside the callback must not disturb the tokens. */
static int renorm(void *ctx, const izde_token *t)
{
    char *out = ctx;
    char keep[64];
    size_t n;

    snprintf(keep, sizeof keep, "%s", t->term);
    assert_string_equal(izde_analyzer_normalize(an, "ДРУГОЕ слово", strlen("ДРУГОЕ слово"), &n),
                        "другое слово");
    assert_string_equal(t->term, keep);
    strcat(out, t->term);
    strcat(out, "|");
    return 0;
}

static void test_normalize_in_callback(void **state)
{
    char out[256] = "";
    const char *t = "Один 2 000 ТРИ";

    (void)state;
    assert_int_equal(izde_analyze(an, t, strlen(t), renorm, out), IZDE_OK);
    assert_string_equal(out, "один|2000|три|");
}

/* The inlined ASCII/Cyrillic case-folding table agrees with ICU. */
static void test_fold_table(void **state)
{
    UChar32 c;

    (void)state;
    for (c = 0x20; c <= 0x052F; c++) {
        char in[8], want[32];
        UChar u[2], f[8];
        int32_t k = 0, fl, wl;
        UErrorCode err = U_ZERO_ERROR;
        size_t n;
        const char *r;

        if (c >= 0x80 && c < 0x0400)
            continue;
        U8_APPEND_UNSAFE(in, k, c);
        u[0] = (UChar)c;
        fl = u_strFoldCase(f, 8, u, 1, U_FOLD_CASE_DEFAULT, &err);
        assert_true(U_SUCCESS(err));
        if (fl == 1 && f[0] == 0x0451)
            f[0] = 0x0435;  /* ё -> е */
        err = U_ZERO_ERROR;
        u_strToUTF8(want, sizeof want, &wl, f, fl, &err);
        assert_true(U_SUCCESS(err));
        r = izde_analyzer_normalize(an, in, (size_t)k, &n);
        assert_non_null(r);
        if (strcmp(r, want) != 0)
            fail_msg("U+%04X: got \"%s\", want \"%s\"", (unsigned)c, r, want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sentence),
        cmocka_unit_test(test_number_groups),
        cmocka_unit_test(test_numbers_not_merged),
        cmocka_unit_test(test_decimal),
        cmocka_unit_test(test_yo_and_case),
        cmocka_unit_test(test_homoglyphs),
        cmocka_unit_test(test_soft_hyphen_zero_width),
        cmocka_unit_test(test_mixed_letters_digits),
        cmocka_unit_test(test_punctuation),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_random_bytes),
        cmocka_unit_test(test_kyrgyz),
        cmocka_unit_test(test_nfc_and_supplementary),
        cmocka_unit_test(test_icu_shapes),
        cmocka_unit_test(test_stop),
        cmocka_unit_test(test_bad_args),
        cmocka_unit_test(test_large),
        cmocka_unit_test(test_normalize),
        cmocka_unit_test(test_normalize_in_callback),
        cmocka_unit_test(test_fold_table),
    };

    return cmocka_run_group_tests_name("analyzer", tests, setup, teardown);
}
