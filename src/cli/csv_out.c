/*
 * csv_out.c - CSV fields and rows (RFC 4180, LF line ends): quoting only
 * where a field needs it, numbers as numbers, and text that a spreadsheet
 * would run as a formula kept as text.
 */
#include <stdlib.h>
#include <string.h>

#include "csv_out.h"

static void sep(csv_row *r)
{
    if (r->n++)
        fputc(',', r->f);
}

/* A number as a whole: strtod reads all of it ("-5", "+7.5", "-1e3"). */
static int is_number(const char *s, size_t len)
{
    char buf[64];
    if (len == 0 || len >= sizeof buf)
        return 0;
    memcpy(buf, s, len);
    buf[len] = '\0';
    char *end;
    strtod(buf, &end);
    return end == buf + len && strspn(buf, "+-0123456789.eE") == len;
}

static int formula_like(const char *s, size_t len)
{
    return len && strchr("=+-@\t\r", s[0]) && !is_number(s, len);
}

static int needs_quotes(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
            return 1;
    return 0;
}

void csv_text_n(csv_row *r, const char *s, size_t len)
{
    sep(r);
    if (!s)
        return;
    int quote = needs_quotes(s, len);
    if (quote)
        fputc('"', r->f);
    if (formula_like(s, len))
        fputc('\'', r->f);
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"')
            fputc('"', r->f);
        fputc(s[i], r->f);
    }
    if (quote)
        fputc('"', r->f);
}

void csv_text(csv_row *r, const char *s)
{
    csv_text_n(r, s, s ? strlen(s) : 0);
}

void csv_number(csv_row *r, double v)
{
    char digits[40];
    snprintf(digits, sizeof digits, "%.15g", v);
    sep(r);
    fputs(digits, r->f);
}

void csv_end(csv_row *r)
{
    fputc('\n', r->f);
    r->n = 0;
}

void csv_header(FILE *f, const char *const *names, size_t n)
{
    csv_row r = {f, 0};
    for (size_t i = 0; i < n; i++)
        csv_text(&r, names[i]);
    csv_end(&r);
}
