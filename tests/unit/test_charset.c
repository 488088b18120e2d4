/*
 * test_charset.c - charset detection and conversion of text files
 * (src/lib/analysis/charset.c): UTF-8 with and without BOM, UTF-16 with BOM, the
 * Cyrillic code pages windows-1251, KOI8-R, ISO-8859-5 and IBM866 on a
 * Russian and a Kyrgyz sentence and on one short line, and the inputs that
 * must be rejected (binary data, junk, Latin-1, broken UTF-8).
 *
 * Legacy bytes are made at test time with ICU's ucnv_fromUChars, except
 * the short lines, given as bytes (made with iconv).  windows-1251 and
 * KOI8-R have no ң ө ү: Kyrgyz text in them was written with н о у, as in
 * KY_LEGACY.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include "izde-private.h"
#include "charset.h"

#define RU "Полиция задержала в Бишкеке двух подозреваемых в распространении наркотиков. " \
           "По данным МВД, у них изъяли 2 кг гашиша."
#define KY "Ички иштер министрлиги диний экстремизмге каршы күрөштү күчөтүүдө. " \
           "Бул тууралуу ИИМдин басма сөз кызматы билдирди."
#define KY_LEGACY "Ички иштер министрлиги диний экстремизмге каршы курошту кучотуудо. " \
                  "Бул тууралуу ИИМдин басма соз кызматы билдирди."

/* `utf8` in `charset` (malloc'ed, *len bytes), via ICU. */
static char *encode(const char *utf8, const char *charset, size_t *len)
{
    UErrorCode err = U_ZERO_ERROR;
    UChar u[1024];
    int32_t n = 0;
    u_strFromUTF8(u, 1024, &n, utf8, -1, &err);
    assert_true(U_SUCCESS(err));
    UConverter *c = ucnv_open(charset, &err);
    assert_true(U_SUCCESS(err));
    char *out = malloc(4096);
    assert_non_null(out);
    int32_t m = ucnv_fromUChars(c, out, 4096, u, n, &err);
    ucnv_close(c);
    assert_true(U_SUCCESS(err));
    *len = (size_t)m;
    return out;
}

/* Convert data[0..len) and check charset and text. Returns the confidence. */
static int expect_text(const char *data, size_t len, const char *charset, const char *text)
{
    char *out = NULL, *msg = NULL;
    size_t out_len = 0;
    const char *cs = NULL;
    int conf = -1;
    int rc = izde__to_utf8(data, len, &out, &out_len, &cs, &conf, &msg);
    if (rc != IZDE_OK)
        print_error("unexpected error: %s\n", msg ? msg : "(none)");
    assert_int_equal(rc, IZDE_OK);
    assert_null(msg);
    assert_string_equal(cs, charset);
    const char *got = out ? out : data + len - out_len;
    assert_int_equal(out_len, strlen(text));
    assert_memory_equal(got, text, out_len);
    if (out)
        assert_int_equal(out[out_len], '\0');
    free(out);
    return conf;
}

static void expect_error(const char *data, size_t len, const char *message)
{
    char *out = NULL, *msg = NULL;
    size_t out_len = 0;
    const char *cs = NULL;
    int conf = -1;
    assert_int_equal(izde__to_utf8(data, len, &out, &out_len, &cs, &conf, &msg), IZDE_EFORMAT);
    assert_null(out);
    assert_null(cs);
    assert_non_null(msg);
    assert_string_equal(msg, message);
    free(msg);
}

static void test_utf8(void **state)
{
    (void)state;
    assert_int_equal(expect_text(RU, strlen(RU), "UTF-8", RU), 100);
    assert_int_equal(expect_text(KY, strlen(KY), "UTF-8", KY), 100);
    assert_int_equal(expect_text("", 0, "UTF-8", ""), 100);
    /* no conversion: the text is the caller's buffer after the BOM */
    const char bom[] = "\xef\xbb\xbf" KY;
    assert_int_equal(expect_text(bom, strlen(bom), "UTF-8 with BOM", KY), 100);
    const char bom_ru[] = "\xef\xbb\xbf" RU;
    assert_int_equal(expect_text(bom_ru, strlen(bom_ru), "UTF-8 with BOM", RU), 100);
}

static void test_utf16(void **state)
{
    (void)state;
    const char *texts[] = {RU, KY};
    for (int i = 0; i < 2; i++) {
        size_t n;
        char *le = encode(texts[i], "UTF-16LE", &n);
        char *buf = malloc(n + 2);
        memcpy(buf, "\xff\xfe", 2);
        memcpy(buf + 2, le, n);
        assert_int_equal(expect_text(buf, n + 2, "UTF-16LE with BOM", texts[i]), 100);
        free(le);
        char *be = encode(texts[i], "UTF-16BE", &n);
        memcpy(buf, "\xfe\xff", 2);
        memcpy(buf + 2, be, n);
        assert_int_equal(expect_text(buf, n + 2, "UTF-16BE with BOM", texts[i]), 100);
        free(be);
        free(buf);
    }
    /* an odd last byte becomes U+FFFD; a BOM alone is empty text */
    expect_text("\xff\xfe\x3f\x04\x40", 5, "UTF-16LE with BOM", "п\xef\xbf\xbd");
    expect_text("\xfe\xff", 2, "UTF-16BE with BOM", "");
    /* U+0000 in UTF-16 is binary data */
    expect_error("\xff\xfe\x3f\x04\x00\x00\x40\x04", 8,
                 "not a text file (contains NUL bytes); skipped");
}

/* Each Cyrillic code page on the Russian and the (legacy) Kyrgyz text. */
static void test_code_pages(void **state)
{
    (void)state;
    static const char *const charsets[] = {"windows-1251", "KOI8-R", "ISO-8859-5", "IBM866"};
    const char *texts[] = {RU, KY_LEGACY};
    for (int c = 0; c < 4; c++)
        for (int i = 0; i < 2; i++) {
            size_t n;
            char *b = encode(texts[i], charsets[c], &n);
            int conf = expect_text(b, n, charsets[c], texts[i]);
            if (c == 3)
                assert_int_equal(conf, 0); /* ICU has no detector for IBM866 */
            else
                assert_in_range(conf, 1, 100);
            free(b);
        }
}

/* All capitals: swapped case cannot tell windows-1251 from KOI8-R here,
 * only the letter pairs can. */
static void test_capitals(void **state)
{
    (void)state;
    const char *caps = "В БИШКЕКЕ ЗАДЕРЖАН ПОДОЗРЕВАЕМЫЙ В КРАЖЕ";
    for (int c = 0; c < 2; c++) {
        size_t n;
        const char *cs = c ? "KOI8-R" : "windows-1251";
        char *b = encode(caps, cs, &n);
        expect_text(b, n, cs, caps);
        free(b);
    }
}

/* One short line, as bytes: "Задержан подозреваемый в краже." */
static void test_short_line(void **state)
{
    (void)state;
    const char *want = "Задержан подозреваемый в краже.";
    const char cp1251[] = "\xc7\xe0\xe4\xe5\xf0\xe6\xe0\xed\x20\xef\xee\xe4\xee\xe7\xf0\xe5\xe2"
                          "\xe0\xe5\xec\xfb\xe9\x20\xe2\x20\xea\xf0\xe0\xe6\xe5\x2e";
    const char koi8[] = "\xfa\xc1\xc4\xc5\xd2\xd6\xc1\xce\x20\xd0\xcf\xc4\xcf\xda\xd2\xc5\xd7"
                        "\xc1\xc5\xcd\xd9\xca\x20\xd7\x20\xcb\xd2\xc1\xd6\xc5\x2e";
    expect_text(cp1251, strlen(cp1251), "windows-1251", want);
    expect_text(koi8, strlen(koi8), "KOI8-R", want);
    /* two words */
    expect_text("\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0", 10, "windows-1251", "Привет мир");
}

/* Non-ASCII punctuation only (windows-1252 English with “ ” —): these
 * bytes mean the same in windows-1251, which is chosen. */
static void test_punctuation_only(void **state)
{
    (void)state;
    const char s[] = "He said \x93yes\x94 \x97 and left.";
    expect_text(s, strlen(s), "windows-1251", "He said “yes” — and left.");
}

static void test_rejected(void **state)
{
    (void)state;
    expect_error("abc\0def", 7, "not a text file (contains NUL bytes); skipped");
    const char junk[] = "\x01\x02\x03\x80\x81\x82\x83\x84\x85";
    expect_error(junk, strlen(junk),
                 "not valid UTF-8 and no Cyrillic encoding fits (byte 3); convert it to UTF-8 "
                 "first, e.g. iconv -f windows-1251 -t utf-8");
    /* Latin-1 is not converted (izde reads Russian and Kyrgyz): every
     * Cyrillic reading puts lone Cyrillic letters inside Latin words */
    const char fr[] = "Le pr\xe9sident a d\xe9\x63lar\xe9 mercredi que la r\xe9\x66orme serait "
                      "pr\xe9sent\xe9\x65 \xe0 l'Assembl\xe9\x65 avant l'\xe9t\xe9.";
    expect_error(fr, strlen(fr),
                 "not valid UTF-8 and no Cyrillic encoding fits (byte 5; ICU guesses "
                 "ISO-8859-1); convert it to UTF-8 first, e.g. iconv -f ISO-8859-1 -t utf-8");
    /* UTF-8 with one broken byte is not read as windows-1251 ("РџСЂРёРІРµС‚") */
    const char broken[] = "Полиция задержала в Бишкеке двух \xff подозреваемых.";
    expect_error(broken, strlen(broken),
                 "not valid UTF-8 and no Cyrillic encoding fits (byte 61); convert it to UTF-8 "
                 "first, e.g. iconv -f windows-1251 -t utf-8");
    const char bom_broken[] = "\xef\xbb\xbf\xcf\xf0\xe8\xe2\xe5\xf2";
    expect_error(bom_broken, strlen(bom_broken),
                 "starts with a UTF-8 byte order mark but is not valid UTF-8 (byte 3); repair it "
                 "or convert it to UTF-8 first");
}

static void test_utf8_invalid_at(void **state)
{
    (void)state;
    const unsigned char *s = (const unsigned char *)"ab\xd0\x9f\xc0\x80";
    assert_int_equal(izde__utf8_invalid_at(s, 4), 4);
    assert_int_equal(izde__utf8_invalid_at(s, 6), 4); /* overlong NUL */
    assert_int_equal(izde__utf8_invalid_at(s, 3), 2); /* cut sequence */
    assert_int_equal(izde__utf8_invalid_at((const unsigned char *)"\xed\xa0\x80", 3), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8),
        cmocka_unit_test(test_utf16),
        cmocka_unit_test(test_code_pages),
        cmocka_unit_test(test_capitals),
        cmocka_unit_test(test_short_line),
        cmocka_unit_test(test_punctuation_only),
        cmocka_unit_test(test_rejected),
        cmocka_unit_test(test_utf8_invalid_at),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
