/*
 * tokenize.c - the text analyzer (analyzer.h): ICU word breaking plus the
 * term normalisation shared by indexing, querying and snippets.
 *
 * Pipeline for izde_analyze():
 *
 *  1. The UTF-8 input is decoded by hand (U8_NEXT) into a reusable UTF-16
 *     buffer.  map[i] is the byte offset in the input of the code point
 *     that UTF-16 unit i belongs to, so every token offset is a real byte
 *     offset into the caller's text.  While decoding:
 *       - invalid UTF-8 becomes U+FFFD (a word-break "Other": no token);
 *       - soft hyphen U+00AD and the zero-width characters U+200B..U+200D,
 *         U+2060, U+FEFF are dropped, so they never split a word (the
 *         token's byte range still spans them);
 *       - U+202F (narrow no-break space) becomes U+0020: UAX #29 classes it
 *         ExtendNumLet, so ICU would otherwise glue "2014\u202F2015" and
 *         even "a\u202Fb" into one token.
 *  2. ICU's UBRK_WORD iterator (reused, ubrk_setText) splits the text; a
 *     segment whose rule status is UBRK_WORD_NONE (spaces, punctuation,
 *     U+FFFD ...) is dropped, and so is a segment with neither a letter nor
 *     a digit ("___").
 *  3. Digit groups are merged: a token of 1-3 ASCII digits, then exactly one
 *     U+0020 / U+00A0 / U+202F / U+2009, then a number token that starts
 *     with exactly 3 ASCII digits (optionally followed by a decimal part),
 *     and so on: "2 200 000" -> "2200000", "28 000,5" -> "28000.5";
 *     "2014 2015" stays two tokens.
 *  4. Each term is normalised: NFC (skipped when the token is plainly
 *     ASCII/Cyrillic or passes unorm2_quickCheck), Latin homoglyphs mapped
 *     to Cyrillic (below), full case folding (U_FOLD_CASE_DEFAULT; an
 *     inlined table for ASCII and U+0400..U+052F, ICU u_strFoldCase for
 *     anything else), then ё -> е.  In a NUMBER term ',' becomes '.'.
 *
 * Homoglyphs.  Only in a token that has at least one Cyrillic letter and
 * whose Latin letters ALL have a Cyrillic twin, those Latin letters are
 * replaced, case-aware and before folding (so an upper-case "M" maps to
 * "М" but a lower-case "m", which looks nothing like "м", does not):
 *     upper  A B C E H K M O P T X Y Ë  ->  А В С Е Н К М О Р Т Х У Ё
 *     lower  a c e o p x y ë            ->  а с е о р х у ё
 * Lower-case k, m, t, h, b, n, r, u, i are not twins of к м т н в п г и і
 * and are left alone; a token with any other Latin letter ("iPhoneы") is
 * left alone entirely, as is a token with no Cyrillic letter ("cccp").
 *
 * What ICU (72) makes of other things, kept as is:
 *   "Vecher.kz", "www.vecher.kz", "mail@example.com"  one WORD each;
 *   "https://24.kg/a/123_abc.html" -> "https" "24" "kg" "a" "123_abc.html";
 *   hyphens split: "COVID-19" -> "covid" "19", "e-mail" -> "e" "mail";
 *   letters and digits together are one WORD: "100дөн", "x1,5";
 *   "1.2", "3.14.15", "28,000" (-> "28.000"), "1;2", "1'000", "_1_" are
 *   one NUMBER each (only ',' is rewritten); "12:30", "3/4", "5-6" split.
 *
 * Input longer than INT32_MAX bytes is refused (IZDE_EINVAL): ICU indexes
 * UTF-16 with int32_t, and the offset map is 32-bit.
 */
#include "analyzer.h"
#include "izde.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

struct izde_analyzer {
    UBreakIterator *bi;        /* UBRK_WORD iterator, re-targeted per text */
    const UNormalizer2 *nfc;   /* ICU's shared NFC instance (not owned) */

    UChar *u16;                /* the text being analyzed, as UTF-16 */
    size_t u16_cap;            /* units allocated in u16 */
    uint32_t *map;             /* map[i]: input byte offset of unit i's code point */
    size_t map_cap;            /* entries allocated in map */

    UChar *nbuf;               /* scratch: NFC / homoglyph output */
    int32_t nbuf_cap;          /* units allocated in nbuf */
    UChar *fbuf;               /* scratch: u_strFoldCase output */
    int32_t fbuf_cap;          /* units allocated in fbuf */

    char *term;                /* UTF-8 term handed to the callback */
    size_t term_cap;           /* bytes allocated in term */

    UChar *q16;                /* izde_analyzer_normalize(): its UTF-16 input */
    size_t q16_cap;            /* units allocated in q16 */
    char *qterm;               /* izde_analyzer_normalize(): its result */
    size_t qterm_cap;          /* bytes allocated in qterm */

    const unsigned char *text; /* current izde_analyze() input */
    int32_t text_len;          /* its length in bytes */
    unsigned pos;              /* position of the next token reported */
};

/* What a scan of one token found. */
typedef struct scan_info {
    int fast;          /* every unit is ASCII or a plain Cyrillic letter */
    int has_letter;    /* at least one letter (gc L*) */
    int has_digit;     /* at least one decimal digit (gc Nd) */
    int has_cyr;       /* at least one letter in U+0400..U+052F */
    int latin_twin;    /* Latin letters that have a Cyrillic twin */
    int latin_other;   /* Latin letters that have none */
} scan_info;

/* ------------------------------------------------------------------------ */
/* Buffers                                                                  */

/* Make *buf hold at least `need` elements of `size` bytes (grows x1.5). */
static int grow(void **buf, size_t *cap, size_t need, size_t size)
{
    size_t ncap;
    void *p;

    if (need <= *cap)
        return IZDE_OK;
    ncap = *cap + *cap / 2;
    if (ncap < need)
        ncap = need;
    if (ncap < 64)
        ncap = 64;
    if (ncap > SIZE_MAX / size)
        return IZDE_ENOMEM;
    p = realloc(*buf, ncap * size);
    if (!p)
        return IZDE_ENOMEM;
    *buf = p;
    *cap = ncap;
    return IZDE_OK;
}

/* grow() for the int32_t-sized ICU scratch buffers. */
static int grow_u(UChar **buf, int32_t *cap, int32_t need)
{
    size_t c = (size_t)*cap;
    int rc;

    if (need <= *cap)
        return IZDE_OK;
    rc = grow((void **)buf, &c, (size_t)need, sizeof(UChar));
    if (rc != IZDE_OK)
        return rc;
    *cap = c > INT32_MAX ? INT32_MAX : (int32_t)c;
    return IZDE_OK;
}

/* ------------------------------------------------------------------------ */
/* Character tables                                                         */

/* Characters removed before word breaking. */
static int is_ignorable(UChar32 c)
{
    return c == 0x00AD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}

/* Single-character digit-group separators ('\u202F' is already ' '). */
static int is_group_sep(UChar32 c)
{
    return c == 0x0020 || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

/* Cyrillic twin of a Latin letter, or 0; see the header comment. */
static UChar latin_twin(UChar32 c)
{
    static const UChar upper[26] = {
        /* A */ 0x0410, /* B */ 0x0412, /* C */ 0x0421, 0, /* E */ 0x0415, 0, 0,
        /* H */ 0x041D, 0, 0, /* K */ 0x041A, 0, /* M */ 0x041C, 0,
        /* O */ 0x041E, /* P */ 0x0420, 0, 0, 0, /* T */ 0x0422, 0, 0, 0,
        /* X */ 0x0425, /* Y */ 0x0423, 0
    };
    static const UChar lower[26] = {
        /* a */ 0x0430, 0, /* c */ 0x0441, 0, /* e */ 0x0435, 0, 0, 0, 0, 0, 0, 0, 0,
        0, /* o */ 0x043E, /* p */ 0x0440, 0, 0, 0, 0, 0, 0, 0,
        /* x */ 0x0445, /* y */ 0x0443, 0
    };

    if (c >= 'A' && c <= 'Z')
        return upper[c - 'A'];
    if (c >= 'a' && c <= 'z')
        return lower[c - 'a'];
    if (c == 0x00CB)            /* Ë */
        return 0x0401;
    if (c == 0x00EB)            /* ë */
        return 0x0451;
    return 0;
}

/* A Cyrillic letter handled by the inlined tables (not U+0482..U+0489). */
static int is_fast_cyr(UChar32 c)
{
    return c >= 0x0400 && c <= 0x052F && (c < 0x0482 || c > 0x0489);
}

/* Full case folding of ASCII and is_fast_cyr() letters (checked against
 * u_strFoldCase by test_analyzer). */
static UChar fold_fast(UChar c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? (UChar)(c + 32) : c;
    if (c < 0x0410)
        return (UChar)(c + 0x50);               /* Ѐ..Џ -> ѐ..џ */
    if (c < 0x0430)
        return (UChar)(c + 0x20);               /* А..Я -> а..я */
    if (c < 0x0460)
        return c;                               /* а..я, ѐ..џ */
    if (c == 0x04C0)
        return 0x04CF;                          /* Ӏ -> ӏ */
    if (c >= 0x04C1 && c <= 0x04CE)
        return (c & 1) ? (UChar)(c + 1) : c;    /* odd is upper here */
    if (c == 0x04CF)
        return c;
    return (c & 1) ? c : (UChar)(c + 1);        /* even is upper */
}

/* Is c a Latin-script letter (for the homoglyph rule)? */
static int is_latin_letter(UChar32 c)
{
    UErrorCode err = U_ZERO_ERROR;

    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (c >= 0xC0 && c <= 0x024F)
        return c != 0xD7 && c != 0xF7;
    return u_isalpha(c) && uscript_getScript(c, &err) == USCRIPT_LATIN;
}

/* ------------------------------------------------------------------------ */
/* Term normalisation                                                       */

static void scan(const UChar *p, int32_t n, scan_info *si)
{
    int32_t i = 0;

    memset(si, 0, sizeof *si);
    si->fast = 1;
    while (i < n) {
        UChar32 c = p[i];

        if (c < 0x80) {
            i++;
            if (c >= '0' && c <= '9') {
                si->has_digit = 1;
            } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                si->has_letter = 1;
                if (latin_twin(c))
                    si->latin_twin++;
                else
                    si->latin_other++;
            }
            continue;
        }
        if (is_fast_cyr(c)) {
            i++;
            si->has_letter = 1;
            si->has_cyr = 1;
            continue;
        }
        si->fast = 0;
        U16_NEXT(p, i, n, c);
        if (u_isalpha(c)) {
            si->has_letter = 1;
            if (c >= 0x0400 && c <= 0x052F)
                si->has_cyr = 1;
            else if (is_latin_letter(c)) {
                if (latin_twin(c))
                    si->latin_twin++;
                else
                    si->latin_other++;
            }
        } else if (u_isdigit(c)) {
            si->has_digit = 1;
        }
    }
}

/* Append code point c as UTF-8 at out[*k] (room is the caller's job). */
static void put_utf8(char *out, size_t *k, UChar32 c)
{
    uint8_t *o = (uint8_t *)out;
    size_t j = *k;

    U8_APPEND_UNSAFE(o, j, c);
    *k = j;
}

/*
 * Normalise the word p[0..n) (scan `si` already done on it) into *termp
 * (grown as needed; NUL-terminated).  Returns an IZDE_* status.
 */
/* NFC of p[0..n) unless it already is: into a->nbuf (*p, *n and *si then
 * describe it). */
static int nfc_if_needed(izde_analyzer *a, const UChar **p, int32_t *n, scan_info *si)
{
    UErrorCode err = U_ZERO_ERROR;
    if (unorm2_quickCheck(a->nfc, *p, *n, &err) == UNORM_YES && !U_FAILURE(err))
        return IZDE_OK;
    err = U_ZERO_ERROR;
    int32_t m = unorm2_normalize(a->nfc, *p, *n, a->nbuf, a->nbuf_cap, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
        int rc = grow_u(&a->nbuf, &a->nbuf_cap, m);
        if (rc != IZDE_OK)
            return rc;
        err = U_ZERO_ERROR;
        m = unorm2_normalize(a->nfc, *p, *n, a->nbuf, a->nbuf_cap, &err);
    }
    if (U_FAILURE(err))
        return IZDE_EBACKEND;
    *p = a->nbuf;
    *n = m;
    scan(*p, *n, si);
    return IZDE_OK;
}

/* ASCII + Cyrillic: fold, ё -> е and homoglyphs in one pass. */
static int fold_word_fast(const UChar *p, int32_t n, int homo, char **termp,
                          size_t *term_cap, size_t *term_len)
{
    size_t k = 0;
    int rc = grow((void **)termp, term_cap, (size_t)n * 2 + 1, 1);
    if (rc != IZDE_OK)
        return rc;
    for (int32_t i = 0; i < n; i++) {
        UChar c = p[i];
        if (homo && c < 0x80 && latin_twin(c))
            c = latin_twin(c);
        c = fold_fast(c);
        if (c == 0x0451)
            c = 0x0435;
        put_utf8(*termp, &k, c);
    }
    (*termp)[k] = '\0';
    *term_len = k;
    return IZDE_OK;
}

/* The general case: homoglyphs into nbuf, then u_strFoldCase into fbuf,
 * ё -> е, UTF-8. */
static int fold_word_general(izde_analyzer *a, const UChar *p, int32_t n, int homo,
                             char **termp, size_t *term_cap, size_t *term_len)
{
    UErrorCode err = U_ZERO_ERROR;
    int rc;
    size_t k = 0;
    if (homo) {
        if (p != a->nbuf) {
            if ((rc = grow_u(&a->nbuf, &a->nbuf_cap, n)) != IZDE_OK)
                return rc;
            memcpy(a->nbuf, p, (size_t)n * sizeof(UChar));
            p = a->nbuf;
        }
        for (int32_t i = 0; i < n; i++) {
            UChar t = latin_twin(a->nbuf[i]);
            if (t)
                a->nbuf[i] = t;
        }
    }
    int32_t m = u_strFoldCase(a->fbuf, a->fbuf_cap, p, n, U_FOLD_CASE_DEFAULT, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
        if ((rc = grow_u(&a->fbuf, &a->fbuf_cap, m)) != IZDE_OK)
            return rc;
        err = U_ZERO_ERROR;
        m = u_strFoldCase(a->fbuf, a->fbuf_cap, p, n, U_FOLD_CASE_DEFAULT, &err);
    }
    if (U_FAILURE(err) && err != U_STRING_NOT_TERMINATED_WARNING)
        return IZDE_EBACKEND;
    if ((rc = grow((void **)termp, term_cap, (size_t)m * 3 + 1, 1)) != IZDE_OK)
        return rc;
    for (int32_t i = 0; i < m;) {
        UChar32 c;
        U16_NEXT(a->fbuf, i, m, c);
        if (c == 0x0451)
            c = 0x0435;
        put_utf8(*termp, &k, c);
    }
    (*termp)[k] = '\0';
    *term_len = k;
    return IZDE_OK;
}

static int norm_word(izde_analyzer *a, const UChar *p, int32_t n, const scan_info *si0,
                     char **termp, size_t *term_cap, size_t *term_len)
{
    scan_info si = *si0;
    int rc;
    if (!si.fast && (rc = nfc_if_needed(a, &p, &n, &si)) != IZDE_OK)
        return rc;
    int homo = si.has_cyr && si.latin_twin > 0 && si.latin_other == 0;
    if (si.fast)
        return fold_word_fast(p, n, homo, termp, term_cap, term_len);
    return fold_word_general(a, p, n, homo, termp, term_cap, term_len);
}

/*
 * Normalise the number p[0..n): group separators dropped, ',' -> '.'.
 * Anything but ASCII goes through norm_word() first.
 */
static int norm_number(izde_analyzer *a, const UChar *p, int32_t n, const scan_info *si,
                       char **termp, size_t *term_cap, size_t *term_len)
{
    size_t k = 0, j;
    int32_t i;
    int rc;

    if (!si->fast) {
        if ((rc = norm_word(a, p, n, si, termp, term_cap, term_len)) != IZDE_OK)
            return rc;
        for (i = 0, j = 0; (size_t)i < *term_len; i++) {
            char ch = (*termp)[i];
            const unsigned char *u = (const unsigned char *)*termp + i;

            if (ch == ' ')
                continue;
            if (u[0] == 0xC2 && u[1] == 0xA0) {                     /* U+00A0 */
                i += 1;
                continue;
            }
            if (u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x89) {     /* U+2009 */
                i += 2;
                continue;
            }
            (*termp)[j++] = ch == ',' ? '.' : ch;
        }
        (*termp)[j] = '\0';
        *term_len = j;
        return IZDE_OK;
    }
    if ((rc = grow((void **)termp, term_cap, (size_t)n + 1, 1)) != IZDE_OK)
        return rc;
    for (i = 0; i < n; i++) {
        UChar c = p[i];

        if (c == ' ')
            continue;
        (*termp)[k++] = c == ',' ? '.' : (char)c;
    }
    (*termp)[k] = '\0';
    *term_len = k;
    return IZDE_OK;
}

/*
 * The hot path, for a token of ASCII and plain Cyrillic only: fold, ё -> е,
 * UTF-8 and classify in one pass into a->term.  *kind is IZDE_TOK_WORD,
 * IZDE_TOK_NUMBER, 0 (neither letter nor digit: drop it) or -1: the token
 * needs the general path (other characters, or homoglyphs to map).
 */
static int norm_fast(izde_analyzer *a, const UChar *p, int32_t n, size_t *term_len, int *kind)
{
    int letter = 0, digit = 0, cyr = 0, twin = 0, other = 0, rc;
    unsigned char *o;
    size_t k = 0;
    int32_t i;

    if ((rc = grow((void **)&a->term, &a->term_cap, (size_t)n * 2 + 1, 1)) != IZDE_OK)
        return rc;
    o = (unsigned char *)a->term;
    for (i = 0; i < n; i++) {
        UChar c = p[i];

        if (c < 0x80) {
            if ((unsigned)(c - '0') < 10u) {
                digit = 1;
            } else if ((unsigned)((c | 0x20) - 'a') < 26u) {
                letter = 1;
                if (latin_twin(c))
                    twin = 1;
                else
                    other = 1;
                c |= 0x20;
            }
            o[k++] = (unsigned char)c;
        } else if (is_fast_cyr(c)) {
            letter = cyr = 1;
            c = fold_fast(c);
            if (c == 0x0451)
                c = 0x0435;
            o[k++] = (unsigned char)(0xC0 | (c >> 6));
            o[k++] = (unsigned char)(0x80 | (c & 0x3F));
        } else {
            *kind = -1;
            return IZDE_OK;
        }
    }
    o[k] = '\0';
    *term_len = k;
    if (cyr && twin && !other)
        *kind = -1;
    else if (letter)
        *kind = IZDE_TOK_WORD;
    else if (digit) {
        *kind = IZDE_TOK_NUMBER;
        for (i = 0; (size_t)i < k; i++)
            if (o[i] == ',')
                o[i] = '.';
    } else
        *kind = 0;
    return IZDE_OK;
}

/* ------------------------------------------------------------------------ */
/* UTF-8 -> UTF-16                                                          */

/*
 * Decode text[0..len) into out (room for len units), dropping ignorables,
 * U+202F -> ' ', invalid bytes -> U+FFFD.  With map != NULL, map[i] is set
 * to the byte offset of unit i's code point.  Returns the unit count.
 */
static int32_t decode(const unsigned char *text, int32_t len, UChar *out, uint32_t *map)
{
    int32_t i = 0, n = 0;

    while (i < len) {
        int32_t b = i;
        UChar32 c = text[i];

        if (c < 0x80) {
            i++;
        } else if (c >= 0xC2 && c < 0xE0 && i + 1 < len && (text[i + 1] & 0xC0) == 0x80) {
            /* two bytes: all of Cyrillic */
            c = ((c & 0x1F) << 6) | (text[i + 1] & 0x3F);
            i += 2;
            if (c == 0x00AD)
                continue;
        } else {
            U8_NEXT(text, i, len, c);
            if (c < 0)
                c = 0xFFFD;
            else if (is_ignorable(c))
                continue;
            else if (c == 0x202F)
                c = 0x0020;
        }
        if (c <= 0xFFFF) {
            if (map)
                map[n] = (uint32_t)b;
            out[n++] = (UChar)c;
        } else {
            if (map)
                map[n] = map[n + 1] = (uint32_t)b;
            out[n++] = U16_LEAD(c);
            out[n++] = U16_TRAIL(c);
        }
    }
    if (map)
        map[n] = (uint32_t)len;
    return n;
}

/* ------------------------------------------------------------------------ */
/* Analysis                                                                 */

/* Report a[s..t) as a token.  `merged`: a digit-group number. */
static int emit(izde_analyzer *a, int32_t s, int32_t t, int merged, izde_token_fn fn, void *ctx)
{
    const UChar *p = a->u16 + s;
    int32_t n = t - s, last = t - 1, bi;
    izde_token tok;
    scan_info si;
    size_t len;
    UChar32 c;
    int rc;

    if (merged) {
        memset(&si, 0, sizeof si);
        si.fast = 1;
        for (int32_t i = 0; i < n; i++)
            if (p[i] >= 0x80)
                si.fast = 0;    /* U+00A0 / U+2009 separators */
        rc = norm_number(a, p, n, &si, &a->term, &a->term_cap, &len);
        tok.kind = IZDE_TOK_NUMBER;
    } else {
        if ((rc = norm_fast(a, p, n, &len, &tok.kind)) != IZDE_OK)
            return rc;
        if (tok.kind == 0)
            return IZDE_OK;     /* "___": no letter, no digit */
        if (tok.kind > 0)
            goto report;
        scan(p, n, &si);
        if (si.has_letter) {
            rc = norm_word(a, p, n, &si, &a->term, &a->term_cap, &len);
            tok.kind = IZDE_TOK_WORD;
        } else if (si.has_digit) {
            rc = norm_number(a, p, n, &si, &a->term, &a->term_cap, &len);
            tok.kind = IZDE_TOK_NUMBER;
        } else {
            return IZDE_OK;     /* "___": no letter, no digit */
        }
    }
    if (rc != IZDE_OK)
        return rc;

report:
    /* End offset: re-decode the last code point to get its byte length. */
    if (last > s && U16_IS_TRAIL(a->u16[last]) && U16_IS_LEAD(a->u16[last - 1]))
        last--;
    bi = (int32_t)a->map[last];
    U8_NEXT(a->text, bi, a->text_len, c);
    (void)c;

    tok.term = a->term;
    tok.term_len = len;
    tok.start = a->map[s];
    tok.end = (size_t)bi;
    tok.pos = a->pos++;
    return fn(ctx, &tok);
}

/* Is [s,t) all ASCII digits? */
static int all_digits(const UChar *u, int32_t s, int32_t t)
{
    for (; s < t; s++)
        if (u[s] < '0' || u[s] > '9')
            return 0;
    return 1;
}

/* Can number token [s,t) continue a digit-group chain?  Returns 1 if it is
 * exactly 3 digits (the chain may go on), 2 if it is 3 digits plus a
 * decimal part (the chain ends with it), 0 if it cannot. */
static int group_continues(const UChar *u, int32_t s, int32_t t)
{
    if (t - s < 3 || !all_digits(u, s, s + 3))
        return 0;
    if (t - s == 3)
        return 1;
    if ((u[s + 3] == ',' || u[s + 3] == '.') && t - s > 4 && all_digits(u, s + 4, t))
        return 2;
    return 0;
}

int izde_analyzer_new(izde_analyzer **out, char **errmsg_out)
{
    izde_analyzer *a;
    UErrorCode err = U_ZERO_ERROR;
    const char *what = NULL;
    int rc = IZDE_OK;

    if (errmsg_out)
        *errmsg_out = NULL;
    if (!out)
        return IZDE_EINVAL;
    *out = NULL;
    a = calloc(1, sizeof *a);
    if (!a)
        return IZDE_ENOMEM;
    a->nfc = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err)) {
        what = "unorm2_getNFCInstance";
        goto backend;
    }
    a->bi = ubrk_open(UBRK_WORD, "", NULL, 0, &err);
    if (U_FAILURE(err)) {
        what = "ubrk_open(UBRK_WORD)";
        goto backend;
    }
    if (grow((void **)&a->u16, &a->u16_cap, 1024, sizeof(UChar)) != IZDE_OK ||
        grow((void **)&a->map, &a->map_cap, 1025, sizeof(uint32_t)) != IZDE_OK) {
        rc = IZDE_ENOMEM;
        goto fail;
    }
    *out = a;
    return IZDE_OK;

backend:
    rc = IZDE_EBACKEND;
    if (errmsg_out) {
        const char *en = u_errorName(err);
        size_t sz = strlen(what) + strlen(en) + 32;
        char *msg = malloc(sz);
        if (msg)
            snprintf(msg, sz, "ICU %s failed: %s", what, en);
        *errmsg_out = msg;
    }
fail:
    izde_analyzer_free(a);
    return rc;
}

void izde_analyzer_free(izde_analyzer *a)
{
    if (!a)
        return;
    if (a->bi)
        ubrk_close(a->bi);
    free(a->u16);
    free(a->map);
    free(a->nbuf);
    free(a->fbuf);
    free(a->term);
    free(a->q16);
    free(a->qterm);
    free(a);
}

int izde_analyze(izde_analyzer *a, const char *text, size_t len, izde_token_fn fn, void *ctx)
{
    UErrorCode err = U_ZERO_ERROR;
    int32_t n, s, t;
    int32_t pend_s = 0, pend_t = 0;   /* pending digit-group number */
    int state = 0;                    /* 0 none, 1 pending, 2 pending + separator */
    int rc = IZDE_OK;

    if (!a || !fn || (!text && len) || len > INT32_MAX)
        return IZDE_EINVAL;
    /* UTF-16 never has more units than UTF-8 has bytes. */
    if (grow((void **)&a->u16, &a->u16_cap, len, sizeof(UChar)) != IZDE_OK ||
        grow((void **)&a->map, &a->map_cap, len + 1, sizeof(uint32_t)) != IZDE_OK)
        return IZDE_ENOMEM;
    a->text = (const unsigned char *)(text ? text : "");
    a->text_len = (int32_t)len;
    a->pos = 0;
    n = decode(a->text, a->text_len, a->u16, a->map);

    ubrk_setText(a->bi, a->u16, n, &err);
    if (U_FAILURE(err))
        return IZDE_EBACKEND;

    s = ubrk_first(a->bi);
    for (; (t = ubrk_next(a->bi)) != UBRK_DONE; s = t) {
        int32_t status = ubrk_getRuleStatus(a->bi);
        int word = status >= UBRK_WORD_NONE_LIMIT;
        int num = status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT;

        if (state == 2) {
            int g = num ? group_continues(a->u16, s, t) : 0;
            if (g) {
                pend_t = t;
                if (g == 1) {
                    state = 1;
                    continue;
                }
                state = 0;
                if ((rc = emit(a, pend_s, pend_t, 1, fn, ctx)) != 0)
                    return rc;
                continue;
            }
            /* the separator was not followed by a group */
            state = 0;
            if ((rc = emit(a, pend_s, pend_t, pend_t - pend_s > 3, fn, ctx)) != 0)
                return rc;
        } else if (state == 1) {
            if (t - s == 1 && is_group_sep(a->u16[s])) {
                state = 2;
                continue;
            }
            state = 0;
            if ((rc = emit(a, pend_s, pend_t, pend_t - pend_s > 3, fn, ctx)) != 0)
                return rc;
        }
        if (!word)
            continue;
        if (num && t - s <= 3 && all_digits(a->u16, s, t)) {
            pend_s = s;
            pend_t = t;
            state = 1;
            continue;
        }
        if ((rc = emit(a, s, t, 0, fn, ctx)) != 0)
            return rc;
    }
    if (state != 0)
        rc = emit(a, pend_s, pend_t, pend_t - pend_s > 3, fn, ctx);
    return rc;
}

const char *izde_analyzer_normalize(izde_analyzer *a, const char *word, size_t len, size_t *out_len)
{
    scan_info si;
    size_t tl = 0;
    int32_t n;
    int rc;

    if (out_len)
        *out_len = 0;
    if (!a || (!word && len) || len > INT32_MAX)
        return NULL;
    if (grow((void **)&a->q16, &a->q16_cap, len + 1, sizeof(UChar)) != IZDE_OK)
        return NULL;
    n = decode((const unsigned char *)(word ? word : ""), (int32_t)len, a->q16, NULL);
    scan(a->q16, n, &si);
    if (!si.has_letter && si.has_digit)
        rc = norm_number(a, a->q16, n, &si, &a->qterm, &a->qterm_cap, &tl);
    else
        rc = norm_word(a, a->q16, n, &si, &a->qterm, &a->qterm_cap, &tl);
    if (rc != IZDE_OK)
        return NULL;
    if (out_len)
        *out_len = tl;
    return a->qterm;
}
