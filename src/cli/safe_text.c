/*
 * safe_text.c - text from an index or an input (titles, file names,
 * snippets, messages quoting them) printed so that a terminal shows it and
 * acts on none of it: an article titled "ESC]0;... BEL ESC[2J" must not
 * retitle and clear the analyst's terminal.  JSON and CSV outputs escape
 * by their own rules (jansson; quoting) and do not come here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Write one control character or stray byte visibly. */
static void put_escape(FILE *f, unsigned c, int keep_newlines)
{
    if (c == '\n' && keep_newlines)
        fputc('\n', f);
    else if (c == '\t' || c == '\n' || c == '\r')
        fputc(' ', f);
    else if (c >= 0x80 && c <= 0x9f)
        fprintf(f, "\\u%04X", c);
    else
        fprintf(f, "\\x%02X", c);
}

/* A valid UTF-8 run: printed as is but for its control characters (C0,
 * DEL, and C1 = U+0080-U+009F, written C2 80-C2 9F). */
static void put_valid(FILE *f, const unsigned char *s, size_t n, int keep_newlines)
{
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = s[i];
        int c1 = c == 0xc2 && i + 1 < n && s[i + 1] <= 0x9f;
        if (c >= 0x20 && c != 0x7f && !c1)
            continue;
        fwrite(s + from, 1, i - from, f);
        put_escape(f, c1 ? s[++i] : c, keep_newlines);
        from = i + 1;
    }
    fwrite(s + from, 1, n - from, f);
}

void cli_put_safe(FILE *f, const char *s, size_t n, int keep_newlines)
{
    size_t at = 0;
    while (at < n) {
        size_t ok = izde_utf8_valid_prefix(s + at, n - at);
        put_valid(f, (const unsigned char *)s + at, ok, keep_newlines);
        at += ok;
        if (at < n)
            fprintf(f, "\\x%02X", (unsigned char)s[at++]);
    }
}

const char *cli_safe(const char *s)
{
    static char *ring[8];
    static unsigned next;
    if (!s)
        return NULL;
    size_t len = 0;
    char *buf = NULL;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return "?";
    cli_put_safe(f, s, strlen(s), 0);
    if (fclose(f) != 0 || !buf)
        return "?";
    free(ring[next]);
    ring[next] = buf;
    next = (next + 1) % 8;
    return buf;
}
