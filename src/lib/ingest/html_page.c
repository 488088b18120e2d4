/*
 * html_page.c - one web page parsed: its charset (the HTTP header's, the
 * byte order mark, <meta charset> or http-equiv, else detected as for
 * text files: charset.c), the document by libxml2's HTML parser (it
 * recovers from broken markup as browsers do, never reads the network),
 * then its main text (html_reader.c) and metadata (html_meta.c).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "izde.h"
#include "charset.h"
#include "web.h"

#define PARSE_OPTS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
                    HTML_PARSE_NONET | HTML_PARSE_COMPACT)

void izde__page_free(izde_page *p)
{
    free(p->title);
    free(p->date);
    free(p->date_from);
    free(p->modified);
    free(p->author);
    free(p->source);
    free(p->url);
    free(p->lang);
    free(p->charset);
    izde__buf_free(&p->text);
    memset(p, 0, sizeof *p);
}

/* The charset a <meta> in the first 4 KB declares, into out[0..n). */
static int declared_charset(const char *s, size_t len, char *out, size_t n)
{
    size_t lim = len < 4096 ? len : 4096;
    for (size_t i = 0; i + 8 < lim; i++) {
        if (strncasecmp(s + i, "charset", 7) != 0)
            continue;
        size_t j = i + 7;
        while (j < lim && (s[j] == ' ' || s[j] == '='))
            j++;
        while (j < lim && (s[j] == '"' || s[j] == '\''))
            j++;
        size_t k = 0;
        while (j < lim && k + 1 < n && (isalnum((unsigned char)s[j]) || s[j] == '-' || s[j] == '_'))
            out[k++] = s[j++];
        out[k] = '\0';
        if (k)
            return 1;
    }
    return 0;
}

static int is_utf8_name(const char *cs)
{
    return strcasecmp(cs, "utf-8") == 0 || strcasecmp(cs, "utf8") == 0;
}

/* Parse bytes given as UTF-8, or in `cs`; NULL when libxml2 cannot. */
static xmlDocPtr parse(const char *s, size_t len, const char *cs, const char *url)
{
    int opts = PARSE_OPTS | (is_utf8_name(cs) ? HTML_PARSE_IGNORE_ENC : 0);
    if (len > 0x7fffffff)
        return NULL;
    return htmlReadMemory(s, (int)len, url, cs, opts);
}

/* The document, with p->charset set; *conv holds a converted copy. */
static xmlDocPtr read_doc(const char *bytes, size_t len, const char *url, const char *hint,
                          izde_page *p, char **conv)
{
    char cs[40] = "";
    int valid = izde__utf8_invalid_at((const unsigned char *)bytes, len) == len;
    if (len >= 3 && memcmp(bytes, "\xef\xbb\xbf", 3) == 0 && valid)
        snprintf(cs, sizeof cs, "UTF-8");
    else if (hint && *hint && strlen(hint) < sizeof cs)
        snprintf(cs, sizeof cs, "%s", hint);
    else
        declared_charset(bytes, len, cs, sizeof cs);
    /* a declared code page on bytes that are valid UTF-8: the page was
     * saved again in UTF-8 (Cyrillic in a code page is never valid UTF-8) */
    if (*cs && !is_utf8_name(cs) && valid)
        snprintf(cs, sizeof cs, "UTF-8");
    if (*cs) {
        xmlDocPtr d = parse(bytes, len, cs, url);
        if (d) {
            p->charset = strdup(is_utf8_name(cs) ? "UTF-8" : cs);
            return d;
        }
    }
    const char *detected = NULL;
    size_t n = 0;
    int conf = 0;
    if (izde__to_utf8(bytes, len, conv, &n, &detected, &conf, NULL) != IZDE_OK)
        return NULL;
    p->charset = strdup(detected);
    return parse(*conv ? *conv : bytes + len - n, n, "UTF-8", url);
}

int izde__html_page(const char *bytes, size_t len, const char *url, const char *charset_hint,
                    izde_page *p, const char **err)
{
    memset(p, 0, sizeof *p);
    char *conv = NULL;
    xmlDocPtr doc = read_doc(bytes, len, url, charset_hint, p, &conv);
    if (!doc || !xmlDocGetRootElement(doc)) {
        *err = "not an HTML page (nothing the HTML parser could read), or in an unknown charset";
        xmlFreeDoc(doc);
        free(conv);
        izde__page_free(p);
        return IZDE_EFORMAT;
    }
    izde__html_main_text(doc, p, 0);
    izde__html_meta(doc, p, url);
    p->root = NULL;
    xmlFreeDoc(doc);
    free(conv);
    if (p->text.oom) {
        izde__page_free(p);
        return IZDE_ENOMEM;
    }
    return IZDE_OK;
}

char *izde__html_fragment_text(const char *html, size_t len)
{
    izde_page p = {0};
    xmlDocPtr doc = parse(html, len, "UTF-8", NULL);
    if (!doc)
        return NULL;
    izde__html_main_text(doc, &p, 1);
    xmlFreeDoc(doc);
    char *r = p.text.len ? strndup(p.text.data, p.text.len) : NULL;
    izde__page_free(&p);
    return r;
}
