/*
 * html_meta.c - a page's metadata, each with its fallbacks:
 *   title      og:title, the article's <h1>, <title> without the site name
 *   date       JSON-LD (News)Article datePublished, article:published_time,
 *              <time datetime> of the article, itemprop=datePublished, the
 *              URL, a date beside the headline (never one in the body)
 *   modified   JSON-LD dateModified, article:modified_time, og:updated_time
 *   author     JSON-LD author, article:author, meta author, itemprop=author
 *   source     og:site_name, JSON-LD publisher, the host without www./amp./m.
 *   url        link rel=canonical, og:url, where the page came from
 *   lang       <html lang>, og:locale, then izde's own guess
 * Every date goes through the one date parser (dates.c).
 */
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "article.h"
#include "util.h"
#include "dates.h"
#include "lang.h"
#include "web.h"

typedef struct meta {
    const char *og_title, *og_site, *og_url, *og_locale, *og_updated;
    const char *published, *modified, *art_author, *author, *ip_date;
    const char *canonical, *html_lang;
    xmlNodePtr h1, time_el, title_el, author_el;
    char *ld_published, *ld_modified, *ld_author, *ld_publisher, *ld_url, *ld_lang;
    char *title_site; /* the part of <title> left out: the site's name */
    int ld_done;      /* the first JSON-LD article was read */
} meta;

static void keep(const char **slot, const char *v)
{
    if (!*slot && v && *v)
        *slot = v;
}

static void meta_tag(meta *m, xmlNodePtr n)
{
    const char *key = izde__html_attr(n, "property");
    if (!key)
        key = izde__html_attr(n, "name");
    const char *v = izde__html_attr(n, "content");
    if (!key || !v)
        return;
    static const struct { const char *key; size_t off; } map[] = {
        {"og:title", offsetof(meta, og_title)}, {"og:site_name", offsetof(meta, og_site)},
        {"og:url", offsetof(meta, og_url)}, {"og:locale", offsetof(meta, og_locale)},
        {"og:updated_time", offsetof(meta, og_updated)},
        {"article:published_time", offsetof(meta, published)},
        {"article:modified_time", offsetof(meta, modified)},
        {"article:author", offsetof(meta, art_author)}, {"author", offsetof(meta, author)},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (strcasecmp(key, map[i].key) == 0)
            keep((const char **)((char *)m + map[i].off), v);
}

static void json_ld(meta *m, const char *text);

/* One element of the page: what it says about the metadata. */
static void visit(meta *m, xmlNodePtr n, int in_article)
{
    if (izde__html_is(n, (const char *const[]){"meta", NULL}))
        meta_tag(m, n);
    else if (izde__html_is(n, (const char *const[]){"link", NULL})) {
        const char *rel = izde__html_attr(n, "rel");
        if (rel && strcasecmp(rel, "canonical") == 0)
            keep(&m->canonical, izde__html_attr(n, "href"));
    } else if (izde__html_is(n, (const char *const[]){"title", NULL}) && !m->title_el) {
        m->title_el = n;
    } else if (izde__html_is(n, (const char *const[]){"script", NULL})) {
        const char *type = izde__html_attr(n, "type");
        if (type && strcasecmp(type, "application/ld+json") == 0 && n->children)
            json_ld(m, (const char *)n->children->content);
    } else if (izde__html_is(n, (const char *const[]){"h1", NULL}) && !m->h1) {
        m->h1 = n;
    } else if (izde__html_is(n, (const char *const[]){"time", NULL}) && !m->time_el &&
               in_article && izde__html_attr(n, "datetime")) {
        m->time_el = n;
    }
    const char *ip = izde__html_attr(n, "itemprop");
    const char *cls = izde__html_attr(n, "class");
    if (!m->author_el && ((ip && strcmp(ip, "author") == 0) ||
                          (cls && (strstr(cls, "author") || strstr(cls, "byline")))))
        m->author_el = n;
    if (ip && strcmp(ip, "datePublished") == 0)
        keep(&m->ip_date, izde__html_attr(n, "content") ? izde__html_attr(n, "content")
                                                          : izde__html_attr(n, "datetime"));
}

static void collect(meta *m, xmlNodePtr n, int in_article)
{
    for (xmlNodePtr c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        visit(m, c, in_article);
        if (izde__html_is(c, (const char *const[]){"script", "style", NULL}))
            continue;
        /* a boilerplate block (a list of other stories) says nothing of this one */
        int skip = izde__html_dropped(c) &&
                   !izde__html_is(c, (const char *const[]){"header", "time", NULL});
        if (!skip)
            collect(m, c->children, in_article ||
                    izde__html_is(c, (const char *const[]){"article", "main", NULL}));
    }
}

static char *dup_or_null(const char *s)
{
    return s && *s ? strdup(s) : NULL;
}

/* A JSON-LD author: a string, an object with a name, or a list of them. */
static char *ld_name(json_t *v)
{
    if (json_is_string(v))
        return dup_or_null(json_string_value(v));
    if (json_is_object(v))
        return ld_name(json_object_get(v, "name"));
    if (json_is_array(v) && json_array_size(v))
        return ld_name(json_array_get(v, 0));
    return NULL;
}

static int ld_is_article(json_t *o)
{
    json_t *t = json_object_get(o, "@type");
    if (json_is_array(t))
        t = json_array_get(t, 0);
    const char *s = json_string_value(t);
    return s && (strstr(s, "Article") || strcmp(s, "BlogPosting") == 0 ||
                 strcmp(s, "ReportageNewsArticle") == 0);
}

static void ld_object(meta *m, json_t *o)
{
    if (json_is_array(o)) {
        size_t i;
        json_t *v;
        json_array_foreach(o, i, v) ld_object(m, v);
        return;
    }
    if (!json_is_object(o))
        return;
    if (json_object_get(o, "@graph"))
        ld_object(m, json_object_get(o, "@graph"));
    if (!ld_is_article(o) || m->ld_done)
        return;
    m->ld_done = 1;
    m->ld_published = dup_or_null(json_string_value(json_object_get(o, "datePublished")));
    m->ld_modified = dup_or_null(json_string_value(json_object_get(o, "dateModified")));
    m->ld_author = ld_name(json_object_get(o, "author"));
    m->ld_publisher = ld_name(json_object_get(o, "publisher"));
    json_t *u = json_object_get(o, "mainEntityOfPage");
    m->ld_url = dup_or_null(json_is_object(u) ? json_string_value(json_object_get(u, "@id"))
                                              : json_string_value(u));
    if (!m->ld_url)
        m->ld_url = dup_or_null(json_string_value(json_object_get(o, "url")));
    m->ld_lang = dup_or_null(json_string_value(json_object_get(o, "inLanguage")));
}

static void json_ld(meta *m, const char *text)
{
    json_t *o = json_loads(text, JSON_DECODE_ANY, NULL);
    if (o)
        ld_object(m, o);
    json_decref(o);
}

/* The text of an element, blanks collapsed, malloc'ed (NULL if none). */
static char *node_text(xmlNodePtr n)
{
    xmlChar *t = n ? xmlNodeGetContent(n) : NULL;
    if (!t)
        return NULL;
    char *out = malloc(strlen((char *)t) + 1), *o = out;
    int space = 0;
    for (const unsigned char *c = t; out && *c; c++) {
        if (isspace(*c) || (c[0] == 0xC2 && c[1] == 0xA0)) {
            space = o > out;
            c += *c == 0xC2;
            continue;
        }
        if (space)
            *o++ = ' ';
        space = 0;
        *o++ = (char)*c;
    }
    if (out)
        *o = '\0';
    xmlFree(t);
    if (out && !*out) {
        free(out);
        return NULL;
    }
    return out;
}

/* Trim spaces, | - : and the dashes and guillemets around a title part. */
static void trim_marks(const char **p, size_t *n)
{
    static const char *const marks[] = {" ", "|", "-", ":", "\xe2\x80\x94", "\xe2\x80\x93",
                                        "\xc2\xab", "\xc2\xbb", NULL};
    for (int again = 1; again && *n;) {
        again = 0;
        for (const char *const *m = marks; *m; m++) {
            size_t l = strlen(*m);
            if (*n >= l && memcmp(*p, *m, l) == 0)
                *p += l, *n -= l, again = 1;
            if (*n >= l && memcmp(*p + *n - l, *m, l) == 0)
                *n -= l, again = 1;
        }
    }
}

/* <title> without the site name: its longest part between separators. */
static char *strip_site(const char *t, char **site)
{
    static const char *const seps[] = {" | ", " - ", " — ", " – ", " :: ", " « ", " » ", NULL};
    const char *best = t, *end = t + strlen(t);
    size_t best_len = (size_t)(end - t);
    int parts = 1;
    for (const char *const *s = seps; *s; s++) {
        if (!strstr(t, *s))
            continue;
        best_len = 0;
        parts = 0;
        for (const char *p = t; p < end; parts++) {
            const char *q = strstr(p, *s);
            const char *e = q ? q : end;
            if ((size_t)(e - p) > best_len)
                best = p, best_len = (size_t)(e - p);
            p = q ? q + strlen(*s) : end;
        }
        break;
    }
    char *r = strndup(best, best_len);
    if (best_len < strlen(t)) { /* the other part, when there are two */
        const char *rest = best == t ? t + best_len : t;
        size_t n = best == t ? strlen(rest) : (size_t)(best - t);
        trim_marks(&rest, &n);
        if (n && parts == 2 && n < 60)
            *site = strndup(rest, n);
    }
    return r && *r ? r : (free(r), NULL);
}

/* A link relative to the page's URL made whole (only "/path" forms). */
static char *absolute(const char *link, const char *base)
{
    if (!link || strstr(link, "://") || link[0] != '/' || link[1] == '/' || !base)
        return dup_or_null(link);
    const char *p = strstr(base, "://");
    const char *e = p ? strchr(p + 3, '/') : NULL;
    size_t n = e ? (size_t)(e - base) : strlen(base);
    return p ? izde__strdupf("%.*s%s", (int)n, base, link) : dup_or_null(link);
}

/* "ru-RU", "ru_RU" -> "ru". */
static char *lang_code(const char *s)
{
    if (!s)
        return NULL;
    size_t n = 0;
    while (isalpha((unsigned char)s[n]) && n < 8)
        n++;
    if (n < 2 || n > 3)
        return NULL;
    char *r = strndup(s, n);
    for (char *c = r; c && *c; c++)
        *c = (char)tolower((unsigned char)*c);
    return r;
}

static char *page_title(meta *m)
{
    char *t = node_text(m->title_el);
    char *from_tag = t ? strip_site(t, &m->title_site) : NULL;
    free(t);
    if (m->og_title) {
        free(from_tag);
        return strdup(m->og_title);
    }
    if ((t = node_text(m->h1))) {
        free(from_tag);
        return t;
    }
    return from_tag;
}

/* An author's name from a byline: the text after a label ("Автор:"). */
static char *byline(xmlNodePtr n)
{
    char *t = node_text(n);
    char *colon = t ? strchr(t, ':') : NULL;
    if (colon && colon - t < 24) {
        colon++;
        while (*colon == ' ')
            colon++;
        memmove(t, colon, strlen(colon) + 1);
    }
    if (t && (!*t || strlen(t) > 80)) {
        free(t);
        t = NULL;
    }
    return t;
}

static char *page_author(const meta *m)
{
    if (m->ld_author)
        return strdup(m->ld_author);
    if (m->art_author && !strstr(m->art_author, "://"))
        return strdup(m->art_author);
    if (m->author)
        return strdup(m->author);
    return byline(m->author_el);
}

static char *page_source(const meta *m, const izde_page *p, const char *url)
{
    if (m->og_site)
        return strdup(m->og_site);
    if (m->ld_publisher)
        return strdup(m->ld_publisher);
    char *h = izde__url_host(p->url);
    if (!h)
        h = izde__url_host(url);
    if (!h && m->title_site)
        h = strdup(m->title_site);
    return h;
}

static char *page_lang(const meta *m, const izde_page *p)
{
    char *l = lang_code(m->html_lang);
    if (!l)
        l = lang_code(m->og_locale);
    if (!l)
        l = lang_code(m->ld_lang);
    if (!l && p->text.len) {
        const char *g = izde__detect_lang(p->text.data, p->text.len);
        l = g && strcmp(g, "other") != 0 ? strdup(g) : NULL;
    }
    return l;
}

/* The text beside the headline: the short elements next to the <h1> (or
 * next to the block holding it) that are not paragraphs and do not hold
 * the article's text. */
static char *headline_text(const meta *m, const izde_page *p)
{
    xmlNodePtr h = m->h1;
    if (!h)
        return NULL;
    if (h->parent && !h->prev && !h->next)
        h = h->parent;
    if (h->parent && izde__html_is(h->parent, (const char *const[]){"header", "hgroup", NULL}) &&
        !h->prev && !h->next)
        h = h->parent;
    izde_buf b = {0};
    for (xmlNodePtr c = h->parent ? h->parent->children : NULL; c; c = c->next) {
        if (c == h || c->type != XML_ELEMENT_NODE || c == p->root ||
            izde__html_is(c, (const char *const[]){"p", NULL}))
            continue;
        int holds = 0;
        for (xmlNodePtr q = p->root; q && !holds; q = q->parent)
            holds = q == c;
        char *t = holds ? NULL : node_text(c);
        if (t && strlen(t) < 160) {
            izde__buf_puts(&b, t);
            izde__buf_puts(&b, " ; ");
        }
        free(t);
    }
    return b.data;
}

static void set_date(izde_page *p, const char *s, const char *from)
{
    if (p->date || !s)
        return;
    p->date = izde__normalize_date(s);
    if (p->date)
        p->date_from = strdup(from);
}

static void page_date(const meta *m, izde_page *p)
{
    set_date(p, m->ld_published, "json-ld");
    set_date(p, m->published, "article:published_time");
    set_date(p, izde__html_attr(m->time_el, "datetime"), "time");
    set_date(p, m->ip_date, "itemprop");
    if (!p->date && (p->date = izde__url_date(p->url)))
        p->date_from = strdup("url");
    if (!p->date) {
        char *t = headline_text(m, p);
        int y = 0, mo = 0, d = 0;
        if (t && izde__find_date(t, strlen(t), 3, &y, &mo, &d) == 3) {
            p->date = izde__format_date(y, mo, d);
            p->date_from = strdup("headline");
        }
        free(t);
    }
}

void izde__html_meta(xmlDocPtr doc, izde_page *p, const char *url)
{
    meta m = {0};
    xmlNodePtr top = xmlDocGetRootElement(doc);
    if (top) {
        m.html_lang = izde__html_attr(top, "lang");
        if (!m.html_lang)
            m.html_lang = izde__html_attr(top, "xml:lang");
        collect(&m, top, 0);
    }
    p->title = page_title(&m);
    const char *link = m.canonical ? m.canonical : m.og_url ? m.og_url : m.ld_url;
    p->url = link ? absolute(link, url) : dup_or_null(url);
    page_date(&m, p);
    p->modified = izde__normalize_date(m.ld_modified ? m.ld_modified
                                                     : m.modified ? m.modified : m.og_updated);
    p->author = page_author(&m);
    p->source = page_source(&m, p, url);
    p->lang = page_lang(&m, p);
    free(m.ld_published);
    free(m.ld_modified);
    free(m.ld_author);
    free(m.ld_publisher);
    free(m.ld_url);
    free(m.ld_lang);
    free(m.title_site);
}
