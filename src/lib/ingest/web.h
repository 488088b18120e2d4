/*
 * web.h - web pages as articles (internal): a page parsed by libxml2's
 * HTML parser (html_page.c), its main text found by the document's
 * structure (html_reader.c, html_blocks.c), its metadata with their
 * fallbacks (html_meta.c), and the reader of page files for ingest
 * (web_readers.c).
 */
#ifndef IZDE_WEB_H
#define IZDE_WEB_H

#include <stddef.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "buf.h"

/* What izde takes from one page; every string malloc'ed or NULL. */
typedef struct izde_page {
    char *title;
    char *date;        /* YYYY-MM-DD (or YYYY-MM, YYYY) */
    char *date_from;   /* where the date was found: "json-ld", "url", ... */
    char *modified;
    char *author;
    char *source;
    char *url;         /* canonical URL, else the one the page came from */
    char *lang;
    char *charset;     /* the charset the page was read in */
    izde_buf text;     /* the main text, blocks separated by blank lines */
    xmlNodePtr root;   /* while parsing: the element holding the main text */
} izde_page;

/* Parse the page bytes[0..len) (any charset: `charset_hint` from an HTTP
 * header first, else the BOM, <meta charset>, http-equiv, then
 * detection) and fill *p.  `url` is where the page came from (or NULL).
 * Returns IZDE_OK, IZDE_EFORMAT (not a page: *err says why, static) or
 * IZDE_ENOMEM. */
int izde__html_page(const char *bytes, size_t len, const char *url, const char *charset_hint,
                    izde_page *p, const char **err);
/* The text of an HTML fragment (a feed item's content) as in a page:
 * malloc'ed, NULL when it holds no text. */
char *izde__html_fragment_text(const char *html, size_t len);
void izde__page_free(izde_page *p);

/* html_reader.c: the main text of a parsed document into p->text (sets
 * p->root); `whole`: all of <body> (a feed item's
 * content), not the block found to hold the article. */
void izde__html_main_text(xmlDocPtr doc, izde_page *p, int whole);
/* html_blocks.c: the element most likely to hold the article's text. */
xmlNodePtr izde__html_find_root(xmlDocPtr doc, xmlNodePtr *extra, size_t max, size_t *nextra);
void izde__html_names(int on);
char *izde__page_fields(const izde_page *p, const char *warc_date);
/* Is the element dropped with all it holds (scripts, forms, navigation,
 * boilerplate class or id names)? */
int izde__html_dropped(xmlNodePtr n);
/* A block of form controls (a player's search box, a poll) with few
 * paragraphs: more text inputs or selects than a third of its <p>
 * (after Readability's conditional cleaning).  Left out of the text. */
int izde__html_widget(xmlNodePtr n);
/* A block named for an article's furniture («news-info», «meta», «author»,
 * «tools») that holds no paragraph: views, bylines and buttons beside the
 * text of an article.  Left out of the text. */
int izde__html_furniture(xmlNodePtr n);
/* Characters of text under n (dropped parts not counted); *in_links those
 * inside <a>. */
size_t izde__html_text_len(xmlNodePtr n, size_t *in_links);
/* Is the element's name one of the NULL-terminated names? */
int izde__html_is(xmlNodePtr n, const char *const *names);
/* The value of the attribute, or NULL (a pointer into the document). */
const char *izde__html_attr(xmlNodePtr n, const char *name);

/* html_meta.c: title, dates, author, source, url and lang of the page
 * (after the main text, which it uses for the date near the headline and
 * for the language guess). */
void izde__html_meta(xmlDocPtr doc, izde_page *p, const char *url);




#endif /* IZDE_WEB_H */
