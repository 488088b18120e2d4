/*
 * feed_reader.c - RSS 2.0 and Atom feeds (.rss, .atom, and .xml whose root
 * is <rss>, <feed> or <rdf:RDF>), parsed by libxml2's XML parser (no
 * network, no external entities): each item or entry an article with its
 * title, link, date (pubDate, dc:date, published, updated), author, and
 * text from content:encoded, content, description or summary, the HTML in
 * it read as in a page (html_page.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <libxml/parser.h>

#include "article.h"
#include "lang.h"
#include "ingest.h"
#include "web.h"

#define MAX_FEED_BYTES (256u << 20)

static int named(xmlNodePtr n, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, local) == 0;
}

int izde__is_feed(const char *path)
{
    size_t n = strlen(path);
    if ((n > 4 && strcasecmp(path + n - 4, ".rss") == 0) ||
        (n > 5 && strcasecmp(path + n - 5, ".atom") == 0))
        return 1;
    if (n <= 4 || strcasecmp(path + n - 4, ".xml") != 0)
        return 0;
    char head[1024] = "";
    FILE *f = fopen(path, "rb");
    size_t k = f ? fread(head, 1, sizeof head - 1, f) : 0;
    if (f)
        fclose(f);
    head[k] = '\0';
    return strstr(head, "<rss") || strstr(head, "<feed") || strstr(head, "<rdf:RDF");
}

/* The text of the first child named `local` (collapsed ends), or NULL. */
static char *child_text(xmlNodePtr item, const char *local)
{
    for (xmlNodePtr c = item->children; c; c = c->next)
        if (named(c, local)) {
            xmlChar *t = xmlNodeGetContent(c);
            char *s = t ? strdup((const char *)t) : NULL;
            xmlFree(t);
            size_t b = 0, e = s ? strlen(s) : 0;
            while (s && b < e && strchr(" \t\r\n", s[b]))
                b++;
            while (s && e > b && strchr(" \t\r\n", s[e - 1]))
                e--;
            if (s && e > b) {
                memmove(s, s + b, e - b);
                s[e - b] = '\0';
                return s;
            }
            free(s);
        }
    return NULL;
}

/* An Atom entry's link: rel="alternate" or no rel. */
static char *atom_link(xmlNodePtr entry)
{
    for (xmlNodePtr c = entry->children; c; c = c->next) {
        if (!named(c, "link"))
            continue;
        xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
        xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
        int ok = href && (!rel || strcmp((const char *)rel, "alternate") == 0);
        char *r = ok ? strdup((const char *)href) : NULL;
        xmlFree(rel);
        xmlFree(href);
        if (r)
            return r;
    }
    return child_text(entry, "link"); /* RSS */
}

/* The first of the children named in `names` that has text. */
static char *first_of(xmlNodePtr item, const char *const *names, const char **which)
{
    for (; *names; names++) {
        char *s = child_text(item, *names);
        if (s) {
            if (which)
                *which = *names;
            return s;
        }
    }
    return NULL;
}

typedef struct feed_ctx {
    ingest *in;
    const char *path, *real;
    char *source, *lang;
} feed_ctx;

static char *item_author(xmlNodePtr item)
{
    for (xmlNodePtr c = item->children; c; c = c->next)
        if (named(c, "author") && c->children && c->children->type == XML_ELEMENT_NODE) {
            char *name = child_text(c, "name"); /* Atom */
            if (name)
                return name;
        }
    return first_of(item, (const char *const[]){"creator", "author", NULL}, NULL);
}

static int feed_item(feed_ctx *fc, xmlNodePtr item, unsigned long n)
{
    const char *date_from = NULL;
    char *title = child_text(item, "title"), *link = atom_link(item);
    char *date_s = first_of(item, (const char *const[]){"pubDate", "published", "date", "updated",
                                                        NULL}, &date_from);
    char *html = first_of(item, (const char *const[]){"encoded", "content", "description",
                                                      "summary", NULL}, NULL);
    char *guid = first_of(item, (const char *const[]){"guid", "id", NULL}, NULL);
    char *author = item_author(item), *text = html ? izde__html_fragment_text(html, strlen(html)) : NULL;
    char *date = izde__normalize_date(date_s);
    char *auto_id = link || guid ? NULL : izde__strdupf("%s:%lu", fc->real, n);
    json_t *o = json_object();
    if (date)
        json_object_set_new(o, "date_from", json_string(date_from));
    if (author)
        json_object_set_new(o, "author", json_string(author));
    char *fields = json_object_size(o) ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    int rc = IZDE_OK;
    if (!text && !title)
        izde__ingest_report(fc->in, fc->path, n, IZDE_EFORMAT,
                            "feed item %lu has no title and no text; skipped", n);
    else {
        izde_article a = {.id = link ? link : guid ? guid : auto_id, .path = fc->real,
                          .url = link, .title = title, .source = fc->source, .date = date,
                          .lang = fc->lang, .text = text ? text : "",
                          .text_len = text ? strlen(text) : 0, .fields = fields};
        rc = izde__ingest_article(fc->in, fc->path, n, &a);
    }
    free(title), free(link), free(date_s), free(html), free(guid), free(author);
    free(text), free(date), free(auto_id), free(fields);
    return rc;
}

/* The items of the channel (RSS), the root (Atom, RSS 1.0). */
static int feed_items(feed_ctx *fc, xmlNodePtr parent, unsigned long *n)
{
    int rc = IZDE_OK;
    for (xmlNodePtr c = parent->children; c && rc == IZDE_OK; c = c->next) {
        if (named(c, "item") || named(c, "entry"))
            rc = feed_item(fc, c, ++*n);
        else if (named(c, "channel"))
            rc = feed_items(fc, c, n);
    }
    return rc;
}

static void feed_meta(feed_ctx *fc, xmlNodePtr root)
{
    xmlNodePtr chan = root;
    for (xmlNodePtr c = root->children; c; c = c->next)
        if (named(c, "channel"))
            chan = c;
    fc->source = child_text(chan, "title");
    char *l = child_text(chan, "language");
    xmlChar *xl = l ? NULL : xmlNodeGetLang(root);
    const char *code = l ? l : (const char *)xl;
    if (code && strlen(code) >= 2)
        fc->lang = strndup(code, 2);
    free(l);
    xmlFree(xl);
}

int izde__ingest_feed(ingest *in, const char *path)
{
    size_t len = 0;
    char *bytes = izde__ingest_read_file(in, path, MAX_FEED_BYTES, &len);
    if (!bytes)
        return IZDE_OK;
    in->stats->files++;
    xmlDocPtr doc = len < 0x7fffffff ? xmlReadMemory(bytes, (int)len, NULL, NULL,
                                                     XML_PARSE_RECOVER | XML_PARSE_NONET |
                                                         XML_PARSE_NOERROR | XML_PARSE_NOWARNING)
                                     : NULL;
    free(bytes);
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root || !(named(root, "rss") || named(root, "feed") || named(root, "RDF"))) {
        izde__ingest_report(in, path, 0, IZDE_EFORMAT,
                            "not an RSS or Atom feed (the root is not <rss>, <feed> or "
                            "<rdf:RDF>); give a web page the extension .html");
        xmlFreeDoc(doc);
        return IZDE_OK;
    }
    char *real = realpath(path, NULL);
    feed_ctx fc = {.in = in, .path = path, .real = real ? real : path};
    feed_meta(&fc, root);
    unsigned long n = 0;
    int rc = feed_items(&fc, root, &n);
    if (rc == IZDE_OK && n == 0)
        izde__ingest_report(in, path, 0, IZDE_EFORMAT, "the feed has no items; nothing to index");
    free(fc.source);
    free(fc.lang);
    free(real);
    xmlFreeDoc(doc);
    return rc;
}
