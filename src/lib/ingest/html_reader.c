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
    if (izde__html_dropped(c) || link_list(c) || izde__html_is(c, (const char *const[]){"h1", NULL}))
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

void izde__html_main_text(xmlDocPtr doc, izde_page *p, int whole)
{
    p->root = whole ? body_of(doc) : izde__html_find_root(doc);
    if (!p->root)
        return;
    size_t links = 0, len = izde__html_text_len(p->root, &links);
    if (!whole && links * 10 >= len * 6)
        return; /* a page of links (an index, a menu) has no article */
    emitter e = {.p = p};
    /* the root itself is never dropped: it was chosen as the article */
    walk(&e, p->root->children);
    flush(&e);
    izde__buf_free(&e.block);
}
