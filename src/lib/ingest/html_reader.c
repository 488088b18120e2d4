/*
 * html_reader.c - the main text of a parsed page: the blocks under the
 * element that holds the article (html_blocks.c) in document order -
 * headings, paragraphs, list items, quotes, captions, table rows - one per
 * paragraph, separated by blank lines, blanks collapsed; dropped parts and
 * blocks made mostly of links ("read also" lists) left out.
 */
#include <string.h>

#include "web.h"

static const char *const block_tags[] = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "caption", "pre",
    "tr", "dt", "dd", "div", "section", "article", "main", "ul", "ol", "dl", "table", "figure",
    "address", "center", "details", "summary", "hr", "tbody", "thead", NULL};
/* Containers that are dropped when most of their text is links. */
static const char *const list_tags[] = {"ul", "ol", "dl", "div", "section", "table", "p", NULL};

typedef struct emitter {
    izde_page *p;
    izde_buf block;   /* the block being collected */
    int space;        /* a blank is pending before the next word */
} emitter;

static void flush(emitter *e)
{
    size_t n = e->block.len;
    while (n && (e->block.data[n - 1] == ' ' || e->block.data[n - 1] == '\n'))
        n--;
    if (n) {
        if (e->p->text.len)
            izde__buf_append(&e->p->text, "\n\n", 2);
        izde__buf_append(&e->p->text, e->block.data, n);
    }
    izde__buf_clear(&e->block);
    e->space = 0;
}

/* Append text with runs of blanks (and no-break spaces) as one space. */
static void add_text(emitter *e, const char *s)
{
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        int blank = *c == ' ' || *c == '\n' || *c == '\t' || *c == '\r' || *c == '\f';
        if (c[0] == 0xC2 && c[1] == 0xA0)
            blank = 1, c++;
        if (blank) {
            e->space = e->block.len > 0 && e->block.data[e->block.len - 1] != '\n';
            continue;
        }
        if (e->space)
            izde__buf_putc(&e->block, ' ');
        e->space = 0;
        izde__buf_putc(&e->block, (char)*c);
    }
}

/* A container whose text is mostly links: a list of other articles. */
static int link_list(xmlNodePtr n)
{
    if (!izde__html_is(n, list_tags))
        return 0;
    size_t links = 0, len = izde__html_text_len(n, &links);
    if (len < 300)
        return links * 2 >= len && links > 0;
    return links * 10 >= len * 6;
}

static void walk(emitter *e, xmlNodePtr n);

static void element(emitter *e, xmlNodePtr c)
{
    /* the headline is the title, not the text */
    if (izde__html_dropped(c) || link_list(c) || izde__html_widget(c) || izde__html_furniture(c) ||
        izde__html_is(c, (const char *const[]){"h1", NULL}))
        return;
    if (izde__html_is(c, (const char *const[]){"br", NULL})) {
        /* one <br> breaks the line, two the paragraph */
        if (e->block.len && e->block.data[e->block.len - 1] == '\n') {
            e->block.len--;
            flush(e);
        } else if (e->block.len) {
            izde__buf_putc(&e->block, '\n');
        }
        e->space = 0;
        return;
    }
    int block = izde__html_is(c, block_tags);
    int cell = izde__html_is(c, (const char *const[]){"td", "th", NULL});
    if (block)
        flush(e);
    if (cell && e->block.len)
        izde__buf_append(&e->block, " | ", 3), e->space = 0;
    walk(e, c->children);
    if (block)
        flush(e);
}

static void walk(emitter *e, xmlNodePtr n)
{
    for (xmlNodePtr c = n; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                add_text(e, (const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            element(e, c);
        }
    }
}

static xmlNodePtr body_of(xmlDocPtr doc)
{
    xmlNodePtr top = xmlDocGetRootElement(doc);
    for (xmlNodePtr c = top ? top->children : NULL; c; c = c->next)
        if (izde__html_is(c, (const char *const[]){"body", NULL}))
            return c;
    return top;
}

/* The text of the article's root and the siblings that belong with it,
 * in document order. */
static void write_roots(izde_page *p, xmlNodePtr *extra, size_t nextra)
{
    emitter e = {.p = p};
    if (nextra && p->root->parent) {
        for (xmlNodePtr c = p->root->parent->children; c; c = c->next) {
            int take = c == p->root;
            for (size_t i = 0; i < nextra && !take; i++)
                take = extra[i] == c;
            if (take) { /* a chosen block is never dropped */
                flush(&e);
                walk(&e, c->children);
                flush(&e);
            }
        }
    } else {
        walk(&e, p->root->children);
    }
    flush(&e);
    izde__buf_free(&e.block);
}

/* Is `found` (bytes of text) little: under 500, or under a third of the
 * text outside links that <body> holds when no element is dropped for its
 * name? */
static int little_text(xmlDocPtr doc, size_t found)
{
    if (found < 500)
        return 1;
    izde__html_names(0);
    size_t links = 0, len = izde__html_text_len(body_of(doc), &links);
    izde__html_names(1);
    /* len counts characters, found bytes: Cyrillic takes two */
    return found < (len - links) / 3;
}

void izde__html_main_text(xmlDocPtr doc, izde_page *p, int whole)
{
    xmlNodePtr extra[32];
    size_t nextra = 0;
    p->root = whole ? body_of(doc) : izde__html_find_root(doc, extra, 32, &nextra);
    if (!p->root)
        return;
    size_t links = 0, len = izde__html_text_len(p->root, &links);
    /* a page of links (an index, a menu) has no article */
    if (whole || links * 10 < len * 6 || nextra)
        write_roots(p, extra, nextra);
    if (whole || !little_text(doc, p->text.len))
        return;
    /* little text: the article may sit in an element whose class names
     * boilerplate («ad-portal», «read-more»); look again without names and
     * keep that reading when it finds at least twice as much */
    izde_buf first = p->text;
    memset(&p->text, 0, sizeof p->text);
    izde__html_names(0);
    xmlNodePtr root0 = p->root;
    p->root = izde__html_find_root(doc, extra, 32, &nextra);
    if (p->root) {
        len = izde__html_text_len(p->root, &links);
        if (links * 10 < len * 6 || nextra)
            write_roots(p, extra, nextra);
    }
    izde__html_names(1);
    if (p->text.len >= 2 * first.len + 200) {
        izde__buf_free(&first);
    } else {
        izde__buf_free(&p->text);
        p->text = first;
        p->root = root0;
    }
}
