/*
 * excerpt.c - a bounded excerpt of a figure's sentence (excerpt.h): what
 * every figure shown carries, so that the answer for one article stays
 * small however long its sentences are.
 */
#include <stdlib.h>
#include <string.h>

#include "izde.h"
#include "excerpt.h"

/* How far to look for a space to cut at, in bytes. */
#define CUT_SLACK 40

static const char ELLIPSIS[] = "…";

static int is_continuation(const char *t, size_t at)
{
    return ((unsigned char)t[at] & 0xC0) == 0x80;
}

/* Move a window edge off the middle of a character: forward for a
 * start, back for an end. */
static size_t char_start_after(const char *t, size_t at, size_t limit)
{
    while (at < limit && is_continuation(t, at))
        at++;
    return at;
}

static size_t char_start_before(const char *t, size_t at, size_t floor)
{
    while (at > floor && is_continuation(t, at))
        at--;
    return at;
}

/* The window [*b, *e) of at most max bytes of [sb, se) holding [fb, fe)
 * (or its first max bytes), on character boundaries. */
static void window(const char *t, size_t sb, size_t se, size_t fb, size_t fe, size_t max,
                   size_t *b, size_t *e)
{
    if (fe > se)
        fe = se;
    if (fb < sb || fb > fe)
        fb = fe = sb;
    size_t flen = fe - fb < max ? fe - fb : max;
    size_t before = (max - flen) / 2;
    *b = fb - sb > before ? fb - before : sb;
    *e = se - *b > max ? *b + max : se;
    if (*e - *b < max && *b > sb) /* the end came first: take more before */
        *b = *e - sb > max ? *e - max : sb;
    *b = char_start_after(t, *b, fb > *b ? fb : *b);
    if (*e < se)
        *e = char_start_before(t, *e, *b);
}

/* Where a window edge is cut, cut at a space within CUT_SLACK bytes
 * (outside the figure) rather than inside a word. */
static void cut_at_spaces(const char *t, size_t sb, size_t se, size_t fb, size_t fe, size_t *b,
                          size_t *e)
{
    if (*b > sb)
        for (size_t i = *b; i < *b + CUT_SLACK && i < fb; i++)
            if (t[i] == ' ') {
                *b = i + 1;
                break;
            }
    if (*e < se)
        for (size_t i = *e; i + CUT_SLACK > *e && i > fe && i > *b; i--)
            if (t[i - 1] == ' ') {
                *e = i - 1;
                break;
            }
}

char *izde__sentence_excerpt(const char *text, size_t tlen, size_t sent_start, size_t sent_end,
                             size_t start, size_t end, size_t *len_out)
{
    if (!text || sent_start > sent_end || sent_end > tlen)
        return NULL;
    size_t b = sent_start, e = sent_end;
    if (e - b > IZDE_SENTENCE_MAX_BYTES) {
        window(text, sent_start, sent_end, start, end, IZDE_SENTENCE_MAX_BYTES, &b, &e);
        cut_at_spaces(text, sent_start, sent_end, start, end, &b, &e);
    }
    int left = b > sent_start, right = e < sent_end;
    size_t el = sizeof ELLIPSIS - 1, n = (left ? el : 0) + (e - b) + (right ? el : 0);
    char *s = malloc(n + 1), *p = s;
    if (!s)
        return NULL;
    if (left)
        p = (char *)memcpy(p, ELLIPSIS, el) + el;
    p = (char *)memcpy(p, text + b, e - b) + (e - b);
    if (right)
        p = (char *)memcpy(p, ELLIPSIS, el) + el;
    *p = '\0';
    if (len_out)
        *len_out = n;
    return s;
}
