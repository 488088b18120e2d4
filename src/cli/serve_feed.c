/*
 * serve_feed.c - a saved search as an Atom feed (RFC 4287) for `izde
 * serve`: /feeds/NAME.atom lists the SERVE_FEED_ENTRIES articles it
 * matches that were indexed last, newest-indexed first; reading it marks
 * nothing (README, "izde watch").  Ids are tag: URIs (RFC 4151) of the
 * saved search and of each article id; an entry links to the article on
 * the page (/?doc=ID) and to its original URL when it has one; its
 * summary is its first snippet as plain text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

/* What a feed lists at most. */
#define SERVE_FEED_ENTRIES 50

/* XML text: & < > " escaped, characters XML 1.0 forbids (C0 controls but
 * tab, LF, CR) left out. */
static void put_xml(FILE *f, const char *s)
{
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '&')
            fputs("&amp;", f);
        else if (c == '<')
            fputs("&lt;", f);
        else if (c == '>')
            fputs("&gt;", f);
        else if (c == '"')
            fputs("&quot;", f);
        else if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
            fputc(c, f);
    }
}

static void put_xml_n(FILE *f, const char *s, size_t n)
{
    char *t = strndup(s, n);
    put_xml(f, t);
    free(t);
}

/* Bytes outside RFC 3986's unreserved set as %HH: an id or a name in a
 * URI. */
static void put_pct(FILE *f, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~')
            fputc(c, f);
        else
            fprintf(f, "%%%02X", c);
    }
}

/* An Atom date from an article's "2021-05-04"; NULL when it is less, or
 * no date xsd:dateTime takes. */
static const char *day_time(const char *date, char out[32])
{
    int y, m, d;
    char tail;
    if (!date || strlen(date) != 10 || sscanf(date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
        y < 1 || m < 1 || m > 12 || d < 1 || d > 31)
        return NULL;
    snprintf(out, 32, "%sT00:00:00Z", date);
    return out;
}

static void put_entry(FILE *f, const char *base, const izde_hit *h, const char *fallback)
{
    char buf[32];
    const char *updated = day_time(h->date, buf);
    fputs("<entry>\n<id>tag:izde,2026:article/", f);
    put_pct(f, h->id);
    fputs("</id>\n<title type=\"text\">", f);
    put_xml(f, h->title ? h->title : h->id);
    fputs("</title>\n<updated>", f);
    put_xml(f, updated ? updated : h->indexed ? h->indexed : fallback);
    fprintf(f, "</updated>\n<link rel=\"alternate\" type=\"text/html\" href=\"%s/?doc=", base);
    put_pct(f, h->id);
    fputs("\"/>\n", f);
    if (h->url) {
        fputs("<link rel=\"related\" href=\"", f);
        put_xml(f, h->url);
        fputs("\"/>\n", f);
    }
    if (h->nsnippets) {
        fputs("<summary type=\"text\">", f);
        put_xml_n(f, h->snippets[0].text, h->snippets[0].len);
        fputs("</summary>\n", f);
    }
    fputs("</entry>\n", f);
}

static void put_head(FILE *f, const char *base, const izde_watch *w, const char *updated)
{
    fputs("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
          "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<id>tag:izde,2026:watch/", f);
    put_pct(f, w->name);
    fputs("</id>\n<title type=\"text\">izde: ", f);
    put_xml(f, w->name);
    fputs(" — ", f);
    put_xml(f, w->query);
    fprintf(f, "</title>\n<updated>%s</updated>\n<author><name>izde</name></author>\n"
            "<generator>izde</generator>\n<link rel=\"self\" "
            "type=\"application/atom+xml\" href=\"%s/feeds/", updated, base);
    put_pct(f, w->name);
    fprintf(f, ".atom\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"%s/?q=", base);
    put_pct(f, w->query);
    fputs("\"/>\n", f);
}

/* The feed's updated: the newest entry's index time, else when the
 * search was added. */
static const char *feed_updated(const izde_results *r, const izde_watch *w)
{
    const izde_hit *h = izde_results_hit(r, 0);
    if (h && h->indexed)
        return h->indexed;
    return w->added ? w->added : "1970-01-01T00:00:00Z";
}

static serve_reply feed_of(izde_db *db, const izde_watch *w, const char *base)
{
    izde_search_options opt = {.limit = SERVE_FEED_ENTRIES, .sort = IZDE_SORT_INDEXED,
                               .all_copies = 1};
    izde_results *r = NULL;
    int rc = izde_search_ex(&r, db, w->query, &opt);
    if (rc != IZDE_OK) {
        char msg[512];
        snprintf(msg, sizeof msg, "saved search '%s': %s", w->name, izde_db_errmsg(db));
        return serve_error(rc == IZDE_ENETWORK ? 503 : 500, msg);
    }
    char *body = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&body, &len);
    if (f) {
        const char *updated = feed_updated(r, w);
        put_head(f, base, w, updated);
        for (unsigned i = 0; i < izde_results_count(r); i++)
            put_entry(f, base, izde_results_hit(r, i), updated);
        fputs("</feed>\n", f);
        fclose(f);
    }
    izde_results_free(r);
    return (serve_reply){200, body, NULL, "application/atom+xml; charset=utf-8"};
}

int serve_is_feed(const char *path)
{
    return strncmp(path, "/feeds/", 7) == 0;
}

serve_reply serve_feed(izde_db *db, const char *path, const char *base)
{
    char name[80];
    const char *stem = path + 7;
    size_t n = strlen(stem);
    if (n <= 5 || n - 5 >= sizeof name || strcmp(stem + n - 5, ".atom") != 0)
        return serve_error(404, "no such feed: a saved search's feed is /feeds/NAME.atom "
                                "(/api/watches lists them)");
    memcpy(name, stem, n - 5);
    name[n - 5] = '\0';
    izde_watches *ws = NULL;
    if (izde_watches_get(&ws, db) != IZDE_OK)
        return serve_error(500, izde_db_errmsg(db));
    const izde_watch *w = izde_watch_name_problem(name) ? NULL : izde_watches_find(ws, name);
    serve_reply rep;
    if (!w) {
        char *names = izde_watches_names(ws), msg[1024];
        snprintf(msg, sizeof msg, "no saved search named '%.80s'; saved: %.800s "
                 "(izde watch add NAME QUERY saves one)", name, names ? names : "?");
        izde_free(names);
        rep = serve_error(404, msg);
    } else {
        rep = feed_of(db, w, base);
    }
    izde_watches_free(ws);
    return rep;
}
