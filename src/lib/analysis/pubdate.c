/*
 * pubdate.c - the publication date an article's text states, and nothing
 * else: a date after a publication label («Опубликовано:», «Дата
 * публикации», «Жарыяланды»), or a dateline (a line that is one date,
 * perhaps with a place, a time and a weekday; dates.c izde__date_line())
 * at the top of the article, directly under its title, or as its last
 * line.  A date in a sentence (an event, an anniversary, a birth date, a
 * quote) is never one.  Unsure means undated:
 *
 *   - a dateline that says «года»/«-жылы» needs a place before it: a
 *     publisher prints «16 января 2024, 12:30», while «27 января 1967
 *     года, 13:00» alone is a subheading of a story told hour by hour;
 *   - the last line needs a time or digits («16.01.2024 12:30»);
 *   - an article with date-only lines of two different dates (a
 *     chronology's subheadings) has no positional dateline.
 *
 * The first line, or the line under the title, may also open with a
 * dateline that runs into the lead: a place, the date, then a dash or an
 * agency in slashes («МОСКВА, 16 января 2024 — …»; dates.c
 * izde__lead_dateline()).
 */
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "pubdate.h"

/* What a publication date is labelled with. */
static const char *const labels[] = {"Опубликовано", "Дата публикации", "Жарыяланды",
                                     "Published", NULL};

size_t izde__date_label_len(const char *s, size_t n)
{
    for (const char *const *lab = labels; *lab; lab++) {
        size_t l = strlen(*lab);
        if (n >= l && memcmp(s, *lab, l) == 0)
            return l;
    }
    return 0;
}

static char *format(const izde_dateline *dl)
{
    return izde__format_date(dl->y, dl->m, dl->d);
}

/* "Опубликовано: <date>": the rest of the line, else the next line, is a
 * dateline of any form. */
static char *labelled(const izde_span *l, size_t nl)
{
    for (size_t i = 0; i < nl; i++) {
        size_t k = izde__date_label_len(l[i].s, l[i].n);
        if (!k)
            continue;
        izde_dateline dl;
        const char *rest = l[i].s + k;
        size_t rn = l[i].n - k;
        while (rn && (*rest == ':' || *rest == ' ' || *rest == '\t'))
            rest++, rn--;
        if (rn && izde__date_line(rest, rn, &dl))
            return format(&dl);
        if (!rn && i + 1 < nl && izde__date_line(l[i + 1].s, l[i + 1].n, &dl))
            return format(&dl);
    }
    return NULL;
}

/* A positional dateline that is sure enough (see the top of the file). */
static int sure(const izde_dateline *dl, int last)
{
    if (dl->prose && !dl->place)
        return 0;
    return !last || dl->time || dl->numeric;
}

/* Date-only lines of more than one date in the article? */
static int several_dates(const izde_span *l, size_t nl)
{
    long first = 0;
    for (size_t i = 0; i < nl; i++) {
        izde_dateline dl;
        if (izde__date_line(l[i].s, l[i].n, &dl)) {
            long v = dl.y * 10000L + dl.m * 100L + dl.d;
            if (first && v != first)
                return 1;
            first = v;
        }
    }
    return 0;
}

char *izde__publication_date(const izde_span *l, size_t nl, size_t title)
{
    char *d = labelled(l, nl);
    if (d || !nl || several_dates(l, nl))
        return d;
    /* the first line, the line under the title, the last line */
    size_t at[3] = {0, title + 1 < nl ? title + 1 : nl, nl - 1};
    for (int k = 0; k < 3; k++) {
        izde_dateline dl;
        if (at[k] < nl && izde__date_line(l[at[k]].s, l[at[k]].n, &dl) && sure(&dl, k == 2))
            return format(&dl);
        if (k < 2 && at[k] < nl && izde__lead_dateline(l[at[k]].s, l[at[k]].n, &dl))
            return format(&dl);
    }
    return NULL;
}
