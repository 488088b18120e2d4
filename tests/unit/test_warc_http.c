/*
 * test_warc_http.c - the HTTP response inside a WARC record (warc_http.c):
 * status, content type and charset, a chunked body joined, a gzip or
 * deflate body inflated, a response that is not HTTP refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <zlib.h>

#include "izde.h"
#include "warc.h"

static const char page[] = "<html><body><p>Привет, мир новостей.</p></body></html>";

static void test_plain(void **state)
{
    (void)state;
    char r[512];
    int n = snprintf(r, sizeof r,
                     "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"windows-1251\"\r\n"
                     "Content-Length: %zu\r\n\r\n%s", strlen(page), page);
    warc_http h;
    assert_int_equal(izde__warc_http(r, (size_t)n, &h), 0);
    assert_int_equal(h.status, 200);
    assert_string_equal(h.content_type, "text/html; charset=\"windows-1251\"");
    assert_string_equal(h.charset, "windows-1251");
    assert_int_equal(h.body_len, strlen(page));
    assert_memory_equal(h.body, page, strlen(page));
    assert_null(h.inflated);
}

static void test_chunked(void **state)
{
    (void)state;
    char r[] = "HTTP/1.1 404 Not Found\nTransfer-Encoding: chunked\nContent-Type: text/html\n\n"
               "5\r\nHello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n";
    warc_http h;
    assert_int_equal(izde__warc_http(r, strlen(r), &h), 0);
    assert_int_equal(h.status, 404);
    assert_string_equal(h.charset, "");
    assert_int_equal(h.body_len, 12);
    assert_memory_equal(h.body, "Hello, world", 12);
}

/* page compressed as gzip (windowBits 31) or raw deflate (-15) */
static size_t squeeze(int bits, unsigned char *out, size_t cap)
{
    z_stream z = {0};
    assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, bits, 8, Z_DEFAULT_STRATEGY), Z_OK);
    z.next_in = (Bytef *)page;
    z.avail_in = (uInt)strlen(page);
    z.next_out = out;
    z.avail_out = (uInt)cap;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    size_t n = cap - z.avail_out;
    deflateEnd(&z);
    return n;
}

static void test_compressed(void **state)
{
    (void)state;
    for (int k = 0; k < 2; k++) {
        unsigned char z[512];
        size_t zn = squeeze(k ? -15 : 31, z, sizeof z);
        const char *head = k ? "HTTP/1.0 200 OK\r\nContent-Encoding: deflate\r\n\r\n"
                             : "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n"
                               "Transfer-Encoding: chunked\r\n\r\n";
        char r[1024];
        size_t n = (size_t)snprintf(r, sizeof r, "%s", head);
        if (!k)
            n += (size_t)snprintf(r + n, sizeof r - n, "%zx\r\n", zn);
        memcpy(r + n, z, zn);
        n += zn;
        if (!k)
            memcpy(r + n, "\r\n0\r\n\r\n", 7), n += 7;
        warc_http h;
        assert_int_equal(izde__warc_http(r, n, &h), 0);
        assert_non_null(h.inflated);
        assert_int_equal(h.body_len, strlen(page));
        assert_memory_equal(h.body, page, strlen(page));
        free(h.inflated);
    }
    char bad[] = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\nnot gzip at all";
    warc_http h;
    assert_int_equal(izde__warc_http(bad, strlen(bad), &h), -2);
}

static void test_not_http(void **state)
{
    (void)state;
    char r[] = "<html>not a response</html>";
    warc_http h;
    assert_int_equal(izde__warc_http(r, strlen(r), &h), -1);
    char nohead[] = "HTTP/1.1 200 OK\r\nContent-Type: text/html";
    assert_int_equal(izde__warc_http(nohead, strlen(nohead), &h), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain),
        cmocka_unit_test(test_chunked),
        cmocka_unit_test(test_compressed),
        cmocka_unit_test(test_not_http),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
