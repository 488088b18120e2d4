/*
 * article.c - metadata derived from an article when its record does not
 * give it: title from the text, source host and date from the URL, date
 * field normalisation.
 */
#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "dates.h"
#include "izde.h"
#include "util.h"
#include "article.h"

/* Words in a line: runs of bytes that contain a letter or digit (any
 * non-ASCII byte counts as a letter, which is right for Cyrillic). */
static int count_words(const char *s, size_t n)
{
    int words = 0, in_word = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int space = (c == ' ' || c == '\t' || c == '\r');
        if (!space && !in_word) {
            /* a dash or bullet alone is not a word */
            int wordish = 0;
            for (size_t j = i; j < n && s[j] != ' ' && s[j] != '\t'; j++) {
                unsigned char d = (unsigned char)s[j];
                if (isalnum(d) || (d >= 0xd0 && d <= 0xd4)) { /* Cyrillic lead bytes */
                    wordish = 1;
                    break;
                }
            }
            words += wordish;
            in_word = 1;
        } else if (space) {
            in_word = 0;
        }
    }
    return words;
}

/* Length of the first sentence of s[0..n): up to and including the first
 * '.', '!' or '?' that is followed by a space and not preceded by a digit
 * or a one-letter abbreviation. */
static size_t first_sentence(const char *s, size_t n)
{
    for (size_t i = 1; i + 1 < n; i++) {
        if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ') {
            if (i >= 2 && s[i - 2] == ' ' && s[i] == '.')
                continue; /* "т. е." style initials */
            return i + 1;
        }
    }
    return n;
}

size_t izde__cut_utf8(const char *s, size_t n, size_t max)
{
    if (n <= max)
        return n;
    size_t i = max;
    while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
        i--;
    size_t sp = i;
    while (sp > max / 2 && s[sp] != ' ')
        sp--;
    return s[sp] == ' ' ? sp : i;
}

static char *trimmed_dup(const char *s, size_t n, int ellipsis)
{
    while (n && (s[0] == ' ' || s[0] == '\t')) {
        s++;
        n--;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    return izde__dup_ellipsis(s, n, ellipsis);
}

char *izde__dup_ellipsis(const char *s, size_t n, int ellipsis)
{
    char *t = malloc(n + 4);
    if (!t)
        return NULL;
    memcpy(t, s, n);
    if (ellipsis)
        memcpy(t + n, "\xe2\x80\xa6", 3), n += 3;
    t[n] = '\0';
    return t;
}

char *izde__derive_title(const char *text, size_t len)
{
    const char *fallback = NULL;
    size_t fallback_len = 0;
    const char *p = text, *end = text + len;
    /* skip a UTF-8 BOM */
    if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
        p += 3;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        int w = count_words(p, n);
        if (w >= 5) {
            fallback = p;
            fallback_len = n;
            break;
        }
        if (w >= 1 && !fallback) {
            fallback = p;
            fallback_len = n;
        }
        p = nl ? nl + 1 : end;
    }
    if (!fallback)
        return NULL;
    size_t n = first_sentence(fallback, fallback_len);
    size_t cut = izde__cut_utf8(fallback, n, 300);
    return trimmed_dup(fallback, cut, cut < n);
}

/* The URL a wrapper URL holds (an AMP viewer's «?p=http://…», a scraper's
 * «https://site.comhttps://site.com/…»): the last http:// or https:// in
 * it; the URL itself when it holds none. */
const char *izde__url_inner(const char *url)
{
    const char *last = url;
    for (const char *p = url ? strstr(url, "http") : NULL; p; p = strstr(p + 1, "http"))
        if (p != url && (strncmp(p, "http://", 7) == 0 || strncmp(p, "https://", 8) == 0))
            last = p;
    return last;
}

/* Is h (lower case) a host name: letters, digits, hyphens and dots, two
 * labels at least, none empty or starting or ending with a hyphen? */
static int host_name(const char *h)
{
    int labels = 0;
    for (const char *p = h; *p;) {
        const char *e = p;
        while (*e && *e != '.')
            e++;
        if (e == p || *p == '-' || e[-1] == '-')
            return 0;
        for (const char *c = p; c < e; c++)
            if (!(isalnum((unsigned char)*c) || *c == '-' || (unsigned char)*c >= 0x80))
                return 0;
        labels++;
        p = *e ? e + 1 : e;
        if (*e && !*p)
            return 0;
    }
    return labels >= 2;
}

char *izde__url_host(const char *url)
{
    if (!url)
        return NULL;
    const char *p = strstr(izde__url_inner(url), "://");
    if (!p)
        return NULL;
    p += 3;
    const char *e = p;
    while (*e && *e != '/' && *e != ':' && *e != '?' && *e != '#')
        e++;
    char *h = malloc((size_t)(e - p) + 1);
    if (!h)
        return NULL;
    for (size_t i = 0; i < (size_t)(e - p); i++)
        h[i] = (char)tolower((unsigned char)p[i]);
    h[e - p] = '\0';
    /* the site, whatever its mobile or AMP mirror */
    static const char *const mirror[] = {"www.", "amp.", "m.", NULL};
    for (const char *const *m = mirror; *m; m++) {
        size_t k = strlen(*m);
        if (strncmp(h, *m, k) == 0 && strchr(h + k, '.')) {
            memmove(h, h + k, strlen(h) - k + 1);
            break;
        }
    }
    if (!host_name(h)) {
        free(h);
        return NULL;
    }
    return h;
}

/* YYYY-MM-DD from a URL path (/2017-04-18/ or /2017/04/18/), validated by
 * the date parser (dates.c). */
char *izde__url_date(const char *url)
{
    if (!url)
        return NULL;
    const char *path = strstr(url, "://");
    path = path ? strchr(path + 3, '/') : NULL;
    for (const char *p = path; p && *p; p++) {
        if (*p != '/' || !isdigit((unsigned char)p[1]))
            continue;
        int y, m, d, n = 0;
        if ((sscanf(p, "/%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 ||
             sscanf(p, "/%4d/%2d/%2d%n", &y, &m, &d, &n) == 3) && n == 11) {
            char t[32];
            snprintf(t, sizeof t, "%04d-%02d-%02d", y, m, d);
            if (izde__parse_date(t, strlen(t), &y, &m, &d) == 3)
                return izde__format_date(y, m, d);
        }
    }
    return NULL;
}

/* A date field (JSON/CSV) as YYYY-MM-DD / YYYY-MM / YYYY; NULL when it
 * gives no valid date (see izde__date_is_invalid to warn about it). */
char *izde__normalize_date(const char *s)
{
    if (!s)
        return NULL;
    int y = 0, m = 0, d = 0;
    int level = izde__parse_date(s, strlen(s), &y, &m, &d);
    if (!level)
        return NULL;
    return izde__format_date(y, level >= 2 ? m : 0, level >= 3 ? d : 0);
}
