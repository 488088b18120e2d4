/*
 * article.h - an article's metadata from its text and URL: title, host,
 * dates, and UTF-8-safe cutting (article.c).
 */
#ifndef IZDE_ARTICLE_H
#define IZDE_ARTICLE_H

#include <stddef.h>

/* Title: the first line with at least five words, else the first line
 * with a word; cut to its first sentence and to ~300 bytes.  malloc'ed. */
char *izde__derive_title(const char *text, size_t len);
/* How many of s[0..n) bytes to keep within `max`: a UTF-8 boundary,
 * preferably a space in the second half (article.c). */
size_t izde__cut_utf8(const char *s, size_t n, size_t max);
/* s[0..n) as a malloc'ed string, with "…" appended when `ellipsis`. */
char *izde__dup_ellipsis(const char *s, size_t n, int ellipsis);
/* The URL a wrapper URL holds (the last http:// or https:// in it: an AMP
 * viewer's «?p=http://…»), or `url` itself. */
const char *izde__url_inner(const char *url);
/* The site of an http(s) URL: the host of the URL it holds (see
 * izde__url_inner), lower case, without "www.", "amp." or "m.";
 * malloc'ed, or NULL when there is no valid host name. */
char *izde__url_host(const char *url);
/* YYYY-MM-DD from a URL path (/2017-04-18/ or /2017/04/18/), or NULL. */
char *izde__url_date(const char *url);
/* Normalise a date field to YYYY-MM-DD / YYYY-MM / YYYY; NULL if unusable. */
char *izde__normalize_date(const char *s);

#endif /* IZDE_ARTICLE_H */
