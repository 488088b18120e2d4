/*
 * html_blocks.c - which parts of a page are the article: elements dropped
 * whole (scripts, styles, forms, navigation, page headers and footers,
 * boilerplate class or id names such as "share", "comments", "related"),
 * and the element that holds the article's text: itemprop=articleBody,
 * else the <article> or <main> with the most text, else the block whose
 * paragraphs score best by their length, commas and link density.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "web.h"

static const char *const dropped_tags[] = {
    "script", "style", "form", "nav", "aside", "footer", "header", "noscript", "iframe",
    "select", "button", "svg", "template", "object", "embed", "input", "textarea", "menu",
    "dialog", "canvas", "video", "audio", "map", NULL};

/* Parts of class and id names that mark boilerplate blocks. */
static const char *const boiler_words[] = {
    "nav", "menu", "footer", "share", "social", "comment", "related", "read-also",
    "readalso", "read_also", "also-read", "see-also", "cookie", "banner", "subscri",
    "sidebar", "breadcrumb", "tags", "advert", "promo", "popup", "modal", "widget",
    "sharing", "likes", "rating", "newsletter", "pagination", "toolbar", "masthead", NULL};
/* Whole class or id words that mark boilerplate (too short to match inside
 * other words). */
static const char *const boiler_tokens[] = {"ad", "ads", "adv", "tag", "more", "top", "also",
                                            "lenta", "feed", "popular", "latest", NULL};

/* Off for a second look at a page whose article sits in an element with a
 * boilerplate name («ad-portal», «read-more»): tags still drop, names not. */
static _Thread_local int names_off;

void izde__html_names(int on) { names_off = !on; }

int izde__html_is(xmlNodePtr n, const char *const *names)
{
    if (!n || n->type != XML_ELEMENT_NODE || !n->name)
        return 0;
    for (; *names; names++)
        if (strcasecmp((const char *)n->name, *names) == 0)
            return 1;
    return 0;
}

const char *izde__html_attr(xmlNodePtr n, const char *name)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return NULL;
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if (a->name && strcasecmp((const char *)a->name, name) == 0 && a->children &&
            a->children->content)
            return (const char *)a->children->content;
    return NULL;
}

/* Does a class or id value name boilerplate? */
static int boiler_name(const char *v)
{
    char word[64];
    while (v && *v) {
        while (*v && !isalnum((unsigned char)*v))
            v++;
        size_t n = 0;
        while (*v && !isspace((unsigned char)*v)) {
            if (n + 1 < sizeof word)
                word[n++] = (char)tolower((unsigned char)*v);
            v++;
        }
        word[n] = '\0';
        if (!n)
            break;
        for (const char *const *b = boiler_words; *b; b++)
            if (strstr(word, *b))
                return 1;
        for (char *t = strtok(word, "-_"); t; t = strtok(NULL, "-_"))
            for (const char *const *b = boiler_tokens; *b; b++)
                if (strcmp(t, *b) == 0)
                    return 1;
    }
    return 0;
}

int izde__html_dropped(xmlNodePtr n)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return 0;
    if (izde__html_is(n, dropped_tags))
        return 1;
    if (names_off ||
        izde__html_is(n, (const char *const[]){"html", "body", "article", "main", NULL}))
        return 0;
    const char *ip = izde__html_attr(n, "itemprop");
    if (ip && strstr(ip, "articleBody"))
        return 0;
    const char *role = izde__html_attr(n, "role");
    if (role && (strcmp(role, "navigation") == 0 || strcmp(role, "banner") == 0 ||
                 strcmp(role, "complementary") == 0 || strcmp(role, "contentinfo") == 0))
        return 1;
    const char *hidden = izde__html_attr(n, "hidden");
    const char *aria = izde__html_attr(n, "aria-hidden");
    if (hidden || (aria && strcmp(aria, "true") == 0))
        return 1;
    return boiler_name(izde__html_attr(n, "class")) || boiler_name(izde__html_attr(n, "id"));
}

static void count_controls(xmlNodePtr n, size_t *controls, size_t *paras)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (izde__html_is(c, (const char *const[]){"input", "select", "textarea", NULL}))
            ++*controls;
        else if (izde__html_is(c, (const char *const[]){"p", NULL}))
            ++*paras;
        count_controls(c, controls, paras);
    }
}

int izde__html_widget(xmlNodePtr n)
{
    if (!izde__html_is(n, (const char *const[]){"div", "section", "span", "ul", "table", NULL}))
        return 0;
    size_t controls = 0, paras = 0;
    count_controls(n, &controls, &paras);
    return controls > paras / 3;
}

/* Characters (UTF-8 lead bytes) of s that are not blanks. */
static size_t chars(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++)
        if ((*p & 0xC0) != 0x80 && !isspace(*p))
            n++;
    return n;
}

static size_t text_len(xmlNodePtr n, int in_link, size_t *in_links)
{
    size_t total = 0;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            size_t k = chars((const char *)c->content);
            total += k;
            if (in_link)
                *in_links += k;
        } else if (c->type == XML_ELEMENT_NODE && !izde__html_dropped(c)) {
            int link = in_link || izde__html_is(c, (const char *const[]){"a", NULL});
            total += text_len(c, link, in_links);
        }
    }
    return total;
}

size_t izde__html_text_len(xmlNodePtr n, size_t *in_links)
{
    size_t dummy = 0;
    if (!in_links)
        in_links = &dummy;
    *in_links = 0;
    return n ? text_len(n, izde__html_is(n, (const char *const[]){"a", NULL}), in_links) : 0;
}

/* The first element under n (n included) that matches, in document order;
 * with `largest`, the one with the most text instead. */
static xmlNodePtr find(xmlNodePtr n, int (*match)(xmlNodePtr), int largest, size_t *best_len,
                       xmlNodePtr best)
{
    for (xmlNodePtr c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (match(c)) {
            size_t links = 0, len = izde__html_text_len(c, &links);
            if (!largest)
                return c;
            if (len - links > *best_len)
                *best_len = len - links, best = c;
            continue;
        }
        if (izde__html_dropped(c))
            continue;
        xmlNodePtr r = find(c->children, match, largest, best_len, best);
        if (r && !largest)
            return r;
        best = largest ? r : best;
    }
    return best;
}

static int is_article_body(xmlNodePtr n)
{
    const char *ip = izde__html_attr(n, "itemprop");
    return ip && strstr(ip, "articleBody") != NULL;
}
static int is_article(xmlNodePtr n)
{
    return izde__html_is(n, (const char *const[]){"article", NULL});
}
static int is_main(xmlNodePtr n)
{
    const char *role = izde__html_attr(n, "role");
    return izde__html_is(n, (const char *const[]){"main", NULL}) ||
           (role && strcmp(role, "main") == 0);
}

typedef struct scored {
    xmlNodePtr node;
    double score;
} scored;

typedef struct scores {
    scored *v;
    size_t n, cap;
} scores;

static void add_score(scores *s, xmlNodePtr node, double add)
{
    if (!node || node->type != XML_ELEMENT_NODE)
        return;
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].node == node) {
            s->v[i].score += add;
            return;
        }
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        scored *v = realloc(s->v, cap * sizeof *v);
        if (!v)
            return;
        s->v = v, s->cap = cap;
    }
    s->v[s->n++] = (scored){node, add};
}

static size_t commas(xmlNodePtr n)
{
    size_t k = 0;
    xmlChar *t = xmlNodeGetContent(n);
    for (const xmlChar *p = t; p && *p; p++)
        k += *p == ',';
    xmlFree(t);
    return k;
}

/* A paragraph: <p>, <pre>, <blockquote>, or a <div> or cell that holds
 * no block (its text written straight into it). */
static int paragraph(xmlNodePtr n)
{
    static const char *const blocks[] = {"p", "div", "table", "ul", "ol", "dl", "h1", "h2", "h3",
                                         "h4", "h5", "h6", "blockquote", "section", "article",
                                         "pre", "form", NULL};
    if (izde__html_is(n, (const char *const[]){"p", "pre", "blockquote", NULL}))
        return 1;
    if (!izde__html_is(n, (const char *const[]){"div", "td", "section", NULL}))
        return 0;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (izde__html_is(c, blocks))
            return 0;
    return 1;
}

/* Characters of the text written straight into n (text nodes and inline
 * elements, not its blocks): «текст<br>текст» in a <div> with blocks. */
static size_t direct_len(xmlNodePtr n)
{
    static const char *const inl[] = {"a", "b", "i", "em", "strong", "span", "font", "u", "br",
                                      "sup", "sub", "small", "q", "abbr", "time", NULL};
    size_t k = 0, links = 0;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_TEXT_NODE)
            k += chars((const char *)c->content);
        else if (izde__html_is(c, inl) && !izde__html_dropped(c) &&
                 !izde__html_is(c, (const char *const[]){"a", NULL}))
            k += izde__html_text_len(c, &links);
    return k;
}

/* Each paragraph of at least 25 characters scores its parent fully and
 * its grandparent half (after Readability); text written straight into a
 * <div> of 100 characters or more is a paragraph of the <div> itself. */
static void score_paragraphs(xmlNodePtr n, scores *s)
{
    for (xmlNodePtr c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || izde__html_dropped(c))
            continue;
        if (paragraph(c)) {
            size_t links = 0, len = izde__html_text_len(c, &links);
            if (len >= 25 && links * 2 < len) {
                double v = 1.0 + (double)commas(c) + (len / 100 < 3 ? (double)(len / 100) : 3.0);
                add_score(s, c->parent, v);
                if (c->parent)
                    add_score(s, c->parent->parent, v / 2);
            }
            continue;
        }
        size_t dl;
        if (izde__html_is(c, (const char *const[]){"div", "section", "td", NULL}) &&
            (dl = direct_len(c)) >= 100) {
            double v = 1.0 + (dl / 100 < 3 ? (double)(dl / 100) : 3.0);
            add_score(s, c, v);
            add_score(s, c->parent, v / 2);
        }
        score_paragraphs(c->children, s);
    }
}

/* Parts of class and id names that mark an article's container, and its
 * furniture (after Readability's class weights). */
static const char *const content_words[] = {"article", "body", "content", "entry", "main",
                                            "post", "text", "story", "news", "material", NULL};
static const char *const furniture_words[] = {"meta", "author", "info", "tool",
                                              "foot", "contact", "hidden", NULL};

static int contains_nocase(const char *hay, const char *needle)
{
    size_t k = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, k) == 0)
            return 1;
    return 0;
}

static int name_has(xmlNodePtr n, const char *const *words)
{
    const char *names[2] = {izde__html_attr(n, "class"), izde__html_attr(n, "id")};
    for (int i = 0; i < 2; i++)
        for (const char *const *w = words; names[i] && *w; w++)
            if (contains_nocase(names[i], *w))
                return 1;
    return 0;
}

/* 25 points for a name that says «article», less 25 for one that says
 * «furniture»: worth a few paragraphs, so names break near ties only. */
static double name_weight(xmlNodePtr n)
{
    return (name_has(n, content_words) ? 25.0 : 0) - (name_has(n, furniture_words) ? 25.0 : 0);
}

static int has_paragraph(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        size_t links = 0;
        if (izde__html_is(c, (const char *const[]){"p", NULL}) &&
            izde__html_text_len(c, &links) >= 80)
            return 1;
        if (c->type == XML_ELEMENT_NODE && has_paragraph(c))
            return 1;
    }
    return 0;
}

int izde__html_furniture(xmlNodePtr n)
{
    return n && n->type == XML_ELEMENT_NODE && !names_off && name_has(n, furniture_words) &&
           !has_paragraph(n);
}

/* The block's score less its link density; with `names`, its name's
 * weight added. */
static double final_score(const scored *v, int names)
{
    size_t links = 0, len = izde__html_text_len(v->node, &links);
    double sc = v->score + (names ? name_weight(v->node) : 0);
    return sc > 0 && len ? sc * (1.0 - (double)links / (double)len) : 0;
}

static double score_of(const scores *s, xmlNodePtr n, int names)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].node == n)
            return final_score(&s->v[i], names);
    return 0;
}

/* Siblings of the best block that belong to the article too (after
 * Readability): a block whose paragraphs score a fifth of the best's
 * (names aside), or a paragraph of 80 characters with few links; each is
 * marked by its position in `extra`. */
static size_t siblings(const scores *s, xmlNodePtr best, xmlNodePtr *extra, size_t max)
{
    size_t n = 0;
    double best_score = score_of(s, best, 0);
    for (xmlNodePtr c = best->parent ? best->parent->children : NULL; c && n < max; c = c->next) {
        if (c == best || c->type != XML_ELEMENT_NODE || izde__html_dropped(c))
            continue;
        double sc = score_of(s, c, 0);
        size_t links = 0, len = izde__html_text_len(c, &links);
        if ((sc > 0 && sc >= best_score * 0.2) ||
            (izde__html_is(c, (const char *const[]){"p", NULL}) && len >= 80 && links * 4 < len))
            extra[n++] = c;
    }
    return n;
}

/* Two elements of one tag and one class. */
static int alike(xmlNodePtr a, xmlNodePtr b)
{
    const char *ca = izde__html_attr(a, "class"), *cb = izde__html_attr(b, "class");
    return b->type == XML_ELEMENT_NODE && ca && cb && strcmp(ca, cb) == 0 &&
           strcmp((const char *)a->name, (const char *)b->name) == 0;
}

/* The best block, or the parent of its nearest ancestor (itself, its
 * parent or grandparent) that is one of three or more alike blocks with
 * text of their own: an article written as steps or sections, each in
 * its own block («step 1», «step 2»…), is the steps together. */
static xmlNodePtr repeated(xmlNodePtr best)
{
    xmlNodePtr a = best;
    for (int up = 0; up < 3 && a && a->parent && a->parent->type == XML_ELEMENT_NODE &&
                     !izde__html_is(a->parent, (const char *const[]){"body", "html", NULL});
         up++, a = a->parent) {
        size_t alikes = 0;
        for (xmlNodePtr c = a->parent->children; c; c = c->next) {
            size_t links = 0, len;
            if (c != a && alike(a, c) && !izde__html_dropped(c) &&
                (len = izde__html_text_len(c, &links)) >= 80 && links * 2 < len)
                alikes++;
        }
        if (alikes >= 2)
            return a->parent;
    }
    return best;
}

/* An ancestor of the best block that scores more than the block below it
 * holds paragraphs of its own beside the best block (an article's first
 * paragraphs, then its «read more» part): it is the article (after
 * Readability).  The climb stops at an ancestor whose paragraphs score
 * under a quarter of the best's (names aside). */
static xmlNodePtr climb(const scores *s, xmlNodePtr best, double *best_score)
{
    double last = *best_score, floor = score_of(s, best, 0) / 4;
    for (xmlNodePtr p = best->parent; p && p->type == XML_ELEMENT_NODE &&
                                      !izde__html_is(p, (const char *const[]){"body", "html", NULL});
         p = p->parent) {
        if (score_of(s, p, 0) < floor)
            break;
        double sc = score_of(s, p, 1);
        if (sc > last) {
            *best_score = sc;
            return p;
        }
        last = sc;
    }
    return repeated(best);
}

static xmlNodePtr best_scored(xmlNodePtr body, xmlNodePtr *extra, size_t max, size_t *nextra)
{
    scores s = {0};
    score_paragraphs(body, &s);
    xmlNodePtr best = NULL;
    double best_score = 0;
    for (size_t i = 0; i < s.n; i++) {
        double score = final_score(&s.v[i], 1);
        if (score > best_score)
            best_score = score, best = s.v[i].node;
    }
    if (best)
        best = climb(&s, best, &best_score);
    if (best && extra)
        *nextra = siblings(&s, best, extra, max);
    free(s.v);
    return best;
}

/* Do the block and the blocks beside it hold under two fifths of `whole`
 * (characters outside links)? */
static int small_part(xmlNodePtr block, xmlNodePtr *extra, size_t nextra, size_t whole)
{
    size_t links = 0, len = izde__html_text_len(block, &links), part = len - links;
    for (size_t i = 0; i < nextra; i++) {
        len = izde__html_text_len(extra[i], &links);
        part += len - links;
    }
    return part * 5 < whole * 2;
}

xmlNodePtr izde__html_find_root(xmlDocPtr doc, xmlNodePtr *extra, size_t max, size_t *nextra)
{
    *nextra = 0;
    xmlNodePtr top = xmlDocGetRootElement(doc);
    if (!top)
        return NULL;
    size_t len = 0;
    xmlNodePtr r = find(top, is_article_body, 0, &len, NULL);
    if (r)
        return r;
    len = 0;
    if ((r = find(top, is_article, 1, &len, NULL)) && len >= 80)
        return r;
    len = 0;
    xmlNodePtr main = find(top, is_main, 1, &len, NULL);
    xmlNodePtr scored_root = best_scored(main && len >= 80 ? main : top, extra, max, nextra);
    if (scored_root && main && len >= 80 && small_part(scored_root, extra, *nextra, len)) {
        /* a <main> of short sections, none of them the article: all of it */
        *nextra = 0;
        return main;
    }
    if (scored_root)
        return scored_root;
    if (main)
        return main;
    for (xmlNodePtr c = top->children; c; c = c->next)
        if (izde__html_is(c, (const char *const[]){"body", NULL}))
            return c;
    return top;
}
