/*
 * clean.c - separate an article from the site chrome and the embedded
 * code scraped with it, and read its title, source and date from the
 * text when the record does not give them.
 *
 * The text is read line by line, in four steps.
 *  1. Markup out: HTML/XML tags and comments are removed (the text between
 *     tags stays), with the contents of <script> and <style> elements;
 *     character entities (&nbsp; &laquo; &#8212;) are decoded.
 *  2. Code out: a line of script, JSON or CSS is never text.  Each line
 *     is scored by the shapes of code in it (code_score(): "function(",
 *     declarations, "return {", member calls and assignments, === && ||,
 *     "key": and {key: pairs, property:value; pairs, \u escapes, //
 *     comments, lines ending in ; { }); a line scoring 4 whose letters are
 *     mostly Latin is code, and so is a line scoring 2 beside code.  Prose
 *     that names a keyword ("the function keyword") scores 0 or 2.
 *  3. Broken lines joined: a line that goes on with a lower-case word or
 *     with punctuation continues the line before it, and is joined to it
 *     (a link's text, which the scraper put on a line of its own, back in
 *     its sentence: "начал действовать" / "меморандум" / "о создании...").
 *  4. Chrome out, by general rules on lines, never by a list of strings:
 *     - lines without a letter (times "16:49", counters "0", rules), lines
 *       of links alone ("pic.twitter.com/x", "globallookpress.com"),
 *       credits ("© Reuters") and the signatures of embedded posts
 *       ("— FINA (@fina1908)");
 *     - "Label: ..." lines that do not end a sentence: credits, "read
 *       also" links, "original article" links (not a sentence joined from
 *       pieces: "Name" / ": «quote»");
 *     - the title again; a line repeated within the article that does not
 *       end a sentence, but for its first copy (a repeated photo caption);
 *     - lines that three other articles of the same source have: earlier
 *       ones in this run, or any of its file when the file was counted
 *       first (izde__seen_count()): menus, "related" headers, credits;
 *     - short lines (four words or fewer) that do not end a sentence where
 *       a page keeps its chrome: before the headline of a page that opens
 *       with one (menus, "Версия сайта"), and after the article's last
 *       sentence (buttons, widgets, bylines); short datelines
 *       ("Опубликовано:", "5 декабря 2019, 10:15", a post's stamp "Ноя 18
 *       2017 в 6:23 PST"); a short question
 *       right before a button ("Ваша реакция?" / "Нравится").
 *     Short lines inside the article (subheadings, captions, verse, a
 *     speaker's name) are text, and kept.
 * A line that ends a sentence (. ! … or a question of two words or more)
 * is never chrome, so cleaning cannot drop a sentence of the article;
 * only code and markup are taken out of sentences, and a sentence joined
 * from pieces goes when ten other articles of the source repeat it (a
 * promo).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "pubdate.h"
#include "izde.h"
#include "util.h"
#include "article.h"
#include "clean.h"
#include "hash.h"

typedef struct line {
    const char *s;       /* first non-blank byte */
    size_t n;            /* bytes, trailing blanks excluded */
    int words;           /* whitespace-separated tokens holding a letter */
    int sentence;        /* ends a sentence */
    int question;        /* ends with '?' */
    int code;            /* script, JSON or CSS (code_score()) */
    int widget;          /* a short question before a button */
    int joined;          /* pieces of a sentence joined (join_broken()) */
    int chrome;          /* dropped from the clean text */
    uint64_t h;          /* hash of the line's bytes (hash_lines()) */
} line;

/* Is the UTF-8 sequence at s a letter?  ASCII letters, and every
 * non-ASCII letter-ish lead byte of Latin-1 to Cyrillic (0xc3-0xd4). */
static int is_letter_at(const unsigned char *s)
{
    return isalpha(s[0]) || (s[0] >= 0xc3 && s[0] <= 0xd4);
}

/* A lower-case letter at s[0..n): Latin a-z, Cyrillic а-я ѐ-џ, and the
 * Kyrgyz and Kazakh letters of the Cyrillic supplement (ғ қ ң ү ұ һ ө ә і,
 * whose lower case has an odd code point). */
static int is_lower_at(const unsigned char *s, size_t n)
{
    if (n >= 1 && s[0] >= 'a' && s[0] <= 'z')
        return 1;
    if (n < 2)
        return 0;
    unsigned cp = ((unsigned)(s[0] & 0x1f) << 6) | (s[1] & 0x3f);
    if ((s[0] & 0xe0) != 0xc0 || (s[1] & 0xc0) != 0x80)
        return 0;
    return (cp >= 0x430 && cp <= 0x45f) || (cp >= 0x460 && cp <= 0x4ff && (cp & 1));
}

static int is_blank_at(const unsigned char *s, size_t n, size_t *len)
{
    if (s[0] == ' ' || s[0] == '\t' || s[0] == '\r') {
        *len = 1;
        return 1;
    }
    if (n >= 2 && s[0] == 0xc2 && s[1] == 0xa0) { /* no-break space */
        *len = 2;
        return 1;
    }
    if (n >= 3 && s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0xaf || s[2] == 0x89 || s[2] == 0x8b)) {
        *len = 3; /* narrow no-break, thin, zero-width space */
        return 1;
    }
    return 0;
}

static void measure(line *l, const char *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    size_t b = 1;
    while (n && is_blank_at(s, n, &b))
        s += b, n -= b;
    /* trailing blanks: ASCII and no-break space */
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' ||
                 (n >= 2 && s[n - 2] == 0xc2 && s[n - 1] == 0xa0)))
        n -= (s[n - 1] == 0xa0) ? 2 : 1;
    l->s = (const char *)s;
    l->n = n;
    l->words = 0;
    int in_tok = 0, has_letter = 0;
    for (size_t i = 0; i <= n; i++) {
        int blank = i == n || is_blank_at(s + i, n - i, &b);
        if (blank) {
            if (in_tok && has_letter)
                l->words++;
            in_tok = has_letter = 0;
            if (i < n)
                i += b - 1;
        } else {
            in_tok = 1;
            if (is_letter_at(s + i))
                has_letter = 1;
        }
    }
    /* the last character, closing quotes and brackets skipped */
    size_t e = n;
    for (;;) {
        if (e >= 1 && strchr("\"')", s[e - 1]) && s[e - 1] != '\0') {
            e--;
        } else if (e >= 2 && s[e - 2] == 0xc2 && s[e - 1] == 0xbb) { /* » */
            e -= 2;
        } else if (e >= 3 && s[e - 3] == 0xe2 && s[e - 2] == 0x80 &&
                   (s[e - 1] == 0x9d || s[e - 1] == 0x99)) { /* ” ’ */
            e -= 3;
        } else {
            break;
        }
    }
    int end_dot = e >= 1 && (s[e - 1] == '.' || s[e - 1] == '!');
    int end_ellipsis = e >= 3 && s[e - 3] == 0xe2 && s[e - 2] == 0x80 && s[e - 1] == 0xa6;
    int end_question = e >= 1 && s[e - 1] == '?';
    l->sentence = l->words > 0 && (end_dot || end_ellipsis || (end_question && l->words >= 2));
    l->question = end_question && !end_dot;
    l->code = l->widget = l->joined = l->chrome = 0;
}

/* ---- markup --------------------------------------------------------------- */

/* Named character entities met in scraped news; others stay as written. */
static const struct {
    const char *name;
    const char *utf8;
} entities[] = {
    {"amp", "&"},          {"lt", "<"},           {"gt", ">"},
    {"quot", "\""},        {"apos", "'"},         {"nbsp", "\xc2\xa0"},
    {"laquo", "\xc2\xab"}, {"raquo", "\xc2\xbb"}, {"mdash", "\xe2\x80\x94"},
    {"ndash", "\xe2\x80\x93"}, {"hellip", "\xe2\x80\xa6"}, {"shy", "\xc2\xad"},
    {"copy", "\xc2\xa9"},  {"reg", "\xc2\xae"},   {"deg", "\xc2\xb0"},
    {"ldquo", "\xe2\x80\x9c"}, {"rdquo", "\xe2\x80\x9d"},
    {"bdquo", "\xe2\x80\x9e"}, {"lsquo", "\xe2\x80\x98"}, {"rsquo", "\xe2\x80\x99"},
    {"times", "\xc3\x97"}, {"minus", "\xe2\x88\x92"}, {"thinsp", "\xe2\x80\x89"},
    {"euro", "\xe2\x82\xac"}, {"middot", "\xc2\xb7"}, {"bull", "\xe2\x80\xa2"},
};

/* The entity at s[0..n) (s[0] == '&'): its UTF-8 in out (at most 4 bytes,
 * always fewer than the entity's), the entity's length returned; 0 when
 * it is no entity. */
static size_t entity_at(const char *s, size_t n, char *out, size_t *outlen)
{
    size_t i = 1;
    if (i < n && s[i] == '#') {
        int hex = i + 1 < n && (s[i + 1] == 'x' || s[i + 1] == 'X');
        i += hex ? 2 : 1;
        unsigned long cp = 0;
        size_t d0 = i;
        while (i < n && i - d0 < 7 && (hex ? isxdigit((unsigned char)s[i]) : isdigit((unsigned char)s[i]))) {
            int c = (unsigned char)s[i];
            cp = cp * (hex ? 16 : 10) + (unsigned long)(isdigit(c) ? c - '0' : (tolower(c) - 'a' + 10));
            i++;
        }
        if (i == d0 || i >= n || s[i] != ';' || cp == 0 || cp > 0x10ffff ||
            (cp >= 0xd800 && cp <= 0xdfff) || cp < 0x20)
            return 0;
        size_t k = 0;
        unsigned char *u = (unsigned char *)out;
        if (cp < 0x80) {
            u[k++] = (unsigned char)cp;
        } else if (cp < 0x800) {
            u[k++] = (unsigned char)(0xc0 | (cp >> 6));
            u[k++] = (unsigned char)(0x80 | (cp & 0x3f));
        } else if (cp < 0x10000) {
            u[k++] = (unsigned char)(0xe0 | (cp >> 12));
            u[k++] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
            u[k++] = (unsigned char)(0x80 | (cp & 0x3f));
        } else {
            u[k++] = (unsigned char)(0xf0 | (cp >> 18));
            u[k++] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
            u[k++] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
            u[k++] = (unsigned char)(0x80 | (cp & 0x3f));
        }
        *outlen = k;
        return i + 1;
    }
    while (i < n && i < 10 && isalpha((unsigned char)s[i]))
        i++;
    if (i == 1 || i >= n || s[i] != ';')
        return 0;
    for (size_t e = 0; e < sizeof entities / sizeof *entities; e++)
        if (strlen(entities[e].name) == i - 1 && memcmp(entities[e].name, s + 1, i - 1) == 0) {
            *outlen = strlen(entities[e].utf8);
            memcpy(out, entities[e].utf8, *outlen);
            return i + 1;
        }
    return 0;
}

/* Is s[0..n) a case-insensitive match of the ASCII word w? */
static int ascii_ieq(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    if (n != k)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (tolower((unsigned char)s[i]) != w[i])
            return 0;
    return 1;
}

/* Where the string `w` (lower-case ASCII) starts in s[0..n), any case;
 * n when it does not. */
static size_t ifind(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= n; i++) {
        size_t j = 0;
        while (j < k && tolower((unsigned char)s[i + j]) == w[j])
            j++;
        if (j == k)
            return i;
    }
    return n;
}

/* The tag at s[0..n) (s[0] == '<'): its length, or 0 when it is not one.
 * A tag is <name>, </name>, <name/>, <name attr="v" ...>, <!-- ... -->
 * or <!DOCTYPE ...>, within the line; attributes need an '=' (so "a <b
 * and c> d" is no tag).  Sets the element's name (*name, *namelen) and
 * whether the tag closes it (*closing). */
static size_t tag_at(const char *s, size_t n, const char **name, size_t *namelen, int *closing)
{
    size_t i = 1;
    *name = NULL;
    *namelen = 0;
    *closing = 0;
    if (n >= 4 && memcmp(s, "<!--", 4) == 0) {
        for (i = 4; i + 3 <= n; i++)
            if (memcmp(s + i, "-->", 3) == 0)
                return i + 3;
        return n; /* a comment running past the line: the rest of it */
    }
    if (i < n && s[i] == '!') {
        if (i + 1 >= n || !isalpha((unsigned char)s[i + 1]))
            return 0;
        const char *gt = memchr(s, '>', n);
        return gt ? (size_t)(gt - s) + 1 : 0;
    }
    if (i < n && s[i] == '/') {
        *closing = 1;
        i++;
    }
    if (i >= n || !isalpha((unsigned char)s[i]))
        return 0;
    *name = s + i;
    while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '-' || s[i] == ':'))
        i++;
    *namelen = (size_t)(s + i - *name);
    if (i < n && s[i] == '>')
        return i + 1;
    if (i + 1 < n && s[i] == '/' && s[i + 1] == '>')
        return i + 2;
    if (i >= n || !(s[i] == ' ' || s[i] == '\t' || s[i] == '\r') || *closing)
        return 0;
    /* attributes: up to '>' outside quotes, with an '=' among them */
    int eq = 0;
    char quote = 0;
    for (; i < n; i++) {
        char c = s[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '=') {
            eq = 1;
        } else if (c == '<') {
            return 0;
        } else if (c == '>') {
            return eq || s[i - 1] == '/' ? i + 1 : 0;
        }
    }
    return 0;
}

/* Where markup stands between lines: inside the contents of a <script> or
 * <style> element, or inside a comment. */
enum { MARKUP_TEXT, MARKUP_SCRIPT, MARKUP_STYLE, MARKUP_COMMENT };

/* Copy s[0..n) to out without its markup (see the top of the file): at
 * most n bytes.  A tag between two words becomes a space.  *state carries
 * an element or comment left open at the end of the line. */
static size_t strip_markup(const char *s, size_t n, char *out, int *state)
{
    size_t o = 0, i = 0;
    while (i < n) {
        if (*state != MARKUP_TEXT) {
            const char *end = *state == MARKUP_COMMENT ? "-->"
                              : *state == MARKUP_SCRIPT ? "</script" : "</style";
            size_t at = ifind(s + i, n - i, end);
            if (at == n - i)
                return o; /* the rest of the line is inside */
            i += at + strlen(end);
            if (*state != MARKUP_COMMENT) {
                const char *gt = memchr(s + i, '>', n - i);
                i = gt ? (size_t)(gt - s) + 1 : n;
            }
            *state = MARKUP_TEXT;
            continue;
        }
        const char *name;
        size_t namelen, k;
        int closing;
        char ent[4];
        if (s[i] == '<' && (k = tag_at(s + i, n - i, &name, &namelen, &closing)) > 0) {
            if (k >= 4 && memcmp(s + i, "<!--", 4) == 0 &&
                (k < 7 || memcmp(s + i + k - 3, "-->", 3) != 0))
                *state = MARKUP_COMMENT;
            else if (!closing && s[i + k - 2] != '/' && ascii_ieq(name, namelen, "script") &&
                     ifind(s + i, k, "src=") == k)
                *state = MARKUP_SCRIPT; /* <script src=...> has no contents */
            else if (!closing && s[i + k - 2] != '/' && ascii_ieq(name, namelen, "style"))
                *state = MARKUP_STYLE;
            i += k;
            if (o > 0 && out[o - 1] != ' ' && i < n && (isalnum((unsigned char)s[i]) ||
                                                     (unsigned char)s[i] >= 0x80 || s[i] == '<'))
                out[o++] = ' ';
            continue;
        }
        size_t elen;
        if (s[i] == '&' && (k = entity_at(s + i, n - i, ent, &elen)) > 0) {
            memcpy(out + o, ent, elen);
            o += elen;
            i += k;
            continue;
        }
        out[o++] = s[i++];
    }
    return o;
}

/* ---- code ----------------------------------------------------------------- */

static int is_id_start(int c)
{
    return isalpha(c) || c == '_' || c == '$';
}

static int is_id(int c)
{
    return isalnum(c) || c == '_' || c == '$';
}

/* Is the word w (an identifier) at s[i..n), not inside a longer one? */
static int word_at(const char *s, size_t n, size_t i, const char *w)
{
    size_t k = strlen(w);
    return i + k <= n && memcmp(s + i, w, k) == 0 && (i == 0 || !is_id((unsigned char)s[i - 1])) &&
           (i + k == n || !is_id((unsigned char)s[i + k]));
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

static size_t skip_id(const char *s, size_t n, size_t i)
{
    while (i < n && is_id((unsigned char)s[i]))
        i++;
    return i;
}

/* How much s[0..n) looks like script, JSON or CSS: points for each shape
 * that prose does not take.
 *   2  function(, var/let/const NAME = , return { ; ( [ " ', a.b = ,
 *      a comment opening the line (// or slash-star)
 *   1  a.b( and ).b( calls, === !== && || => ++ +=, "key": and 'key':,
 *      {key: and , key: before a value, a CSS property:value; or },
 *      a \uXXXX or \xXX escape (3 at most), ") {", a line ending in ; { }
 * A Russian sentence scores 0; one that names a keyword, or holds a
 * domain before a parenthesis ("Kaktus.media (…)"), 1 or 2. */
static int code_score(const char *s, size_t n)
{
    int score = 0, escapes = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        size_t j;
        if (c >= 0x80 || c == ' ')
            continue; /* prose's bytes */
        if (c == 'f' && word_at(s, n, i, "function")) {
            j = skip_spaces(s, n, i + 8);
            score += (j < n && s[j] == '(') ? 2 : 0;
        } else if ((c == 'v' && word_at(s, n, i, "var")) || (c == 'l' && word_at(s, n, i, "let")) ||
                   (c == 'c' && word_at(s, n, i, "const"))) {
            j = skip_spaces(s, n, i + (c == 'c' ? 5 : 3));
            if (j > i + (c == 'c' ? 5u : 3u) && j < n && is_id_start((unsigned char)s[j])) {
                j = skip_spaces(s, n, skip_id(s, n, j));
                score += (j < n && (s[j] == '=' || s[j] == ',' || s[j] == ';')) ? 2 : 0;
            }
        } else if (c == 'r' && word_at(s, n, i, "return")) {
            j = skip_spaces(s, n, i + 6);
            score += (j == n || strchr(";{([\"'", s[j])) ? 2 : 0;
        } else if (c == '.' && i > 0 && (is_id((unsigned char)s[i - 1]) || s[i - 1] == ')') &&
                   i + 1 < n && is_id_start((unsigned char)s[i + 1])) {
            j = skip_spaces(s, n, skip_id(s, n, i + 1));
            if (j < n && s[j] == '(')
                score += 1;
            else if (j + 1 < n && s[j] == '=' && s[j + 1] != '=' && s[i - 1] != ')')
                score += 2;
        } else if (i + 1 < n && ((c == '=' && (s[i + 1] == '=' || s[i + 1] == '>')) ||
                                 (c == '!' && s[i + 1] == '=') || (c == '&' && s[i + 1] == '&') ||
                                 (c == '|' && s[i + 1] == '|') ||
                                 (c == '+' && (s[i + 1] == '+' || s[i + 1] == '=')))) {
            if (c == '=' && s[i + 1] == '=' && !(i + 2 < n && s[i + 2] == '='))
                continue; /* "==" alone: a rule, "==Заголовок==" */
            score += 1;
            i += (c == '=' || c == '!') && s[i + 1] == '=' && i + 2 < n && s[i + 2] == '=' ? 2 : 1;
        } else if (c == '"' || c == '\'') {
            j = i + 1;
            while (j < n && j - i <= 40 && (is_id((unsigned char)s[j]) || s[j] == '@' || s[j] == '.' ||
                                            s[j] == '-'))
                j++;
            if (j > i + 1 && j < n && s[j] == (char)c) {
                j = skip_spaces(s, n, j + 1);
                score += (j < n && s[j] == ':') ? 1 : 0;
            }
        } else if (c == '{' || c == ',') {
            j = skip_spaces(s, n, i + 1);
            if (j < n && is_id_start((unsigned char)s[j])) {
                j = skip_spaces(s, n, skip_id(s, n, j));
                if (j < n && s[j] == ':') {
                    j = skip_spaces(s, n, j + 1);
                    score += (j < n && (strchr("\"'[{", s[j]) || isdigit((unsigned char)s[j]))) ? 1 : 0;
                }
            }
            if (c == '{' && i > 0 && s[i - 1] == ')')
                score += 1;
            else if (c == '{' && i > 1 && s[i - 1] == ' ' && s[i - 2] == ')')
                score += 1;
        } else if (c >= 'a' && c <= 'z' && (i == 0 || !(isalnum((unsigned char)s[i - 1]) || s[i - 1] == '-'))) {
            /* a CSS declaration: property: value; */
            j = i;
            while (j < n && ((s[j] >= 'a' && s[j] <= 'z') || s[j] == '-'))
                j++;
            size_t k = skip_spaces(s, n, j);
            if (j - i >= 2 && k < n && s[k] == ':') {
                k = skip_spaces(s, n, k + 1);
                size_t v = k;
                while (k < n && k - v <= 60 && !strchr(";:{}", s[k]))
                    k++;
                if (k > v && k < n && (s[k] == ';' || s[k] == '}'))
                    score += 1;
            }
            i = j > i ? j - 1 : i;
        } else if (c == '\\' && i + 1 < n && (s[i + 1] == 'u' || s[i + 1] == 'x')) {
            size_t want = s[i + 1] == 'u' ? 4 : 2;
            for (j = i + 2; j < n && j < i + 2 + want && isxdigit((unsigned char)s[j]); j++)
                ;
            if (j == i + 2 + want && escapes < 3) {
                escapes++;
                score += 1;
            }
        }
    }
    if (n >= 2 && s[0] == '/' && (s[1] == '/' || s[1] == '*'))
        score += 2;
    if (n && (s[n - 1] == ';' || s[n - 1] == '{' || s[n - 1] == '}'))
        score += 1;
    return score;
}

/* Are most letters of s[0..n) Latin (code's), not Cyrillic (prose's)? */
static int mostly_latin(const char *s, size_t n)
{
    size_t latin = 0, other = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isalpha(c))
            latin++;
        else if (c >= 0xc3 && c <= 0xd4)
            other++;
    }
    return latin >= other;
}

/* Mark the lines of code: a score of 4 (8 where the letters are mostly
 * Cyrillic: prose quoting code), then lines scoring 2 beside code, until
 * none is added. */
static void mark_code(line *lines, size_t nl)
{
    unsigned char *sc = malloc(nl ? nl : 1);
    for (size_t i = 0; i < nl; i++) {
        int s = lines[i].n ? code_score(lines[i].s, lines[i].n) : 0;
        if (sc)
            sc[i] = (unsigned char)(s > 255 ? 255 : s);
        lines[i].code = s >= 8 || (s >= 4 && mostly_latin(lines[i].s, lines[i].n));
    }
    if (!sc)
        return;
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t i = 0; i < nl; i++) {
            if (lines[i].code || sc[i] < 2 || !mostly_latin(lines[i].s, lines[i].n))
                continue;
            size_t p = i, q = i + 1;
            while (p > 0 && lines[p - 1].n == 0)
                p--;
            while (q < nl && lines[q].n == 0)
                q++;
            if ((p > 0 && lines[p - 1].code) || (q < nl && lines[q].code)) {
                lines[i].code = 1;
                changed = 1;
            }
        }
    }
    free(sc);
}

/* ---- broken lines ---------------------------------------------------------- */

static int links_only(const line *l);
static int is_credit(const line *l);
static int is_post_signature(const line *l);

/* Punctuation that cannot open a sentence: , . ; : ) ] ! ? */
static int is_cont_punct(char c)
{
    return c && strchr(",.;:)]!?", c) != NULL;
}

/* Does line l go on from the line before it: does it open with a
 * lower-case letter or with punctuation that cannot start a sentence
 * (, . ; : ) ] » ” ! ? …)? */
static int continues(const line *l)
{
    const unsigned char *s = (const unsigned char *)l->s;
    size_t n = l->n;
    if (!n || l->code || links_only(l))
        return 0; /* a credit ("globallookpress.com") stands alone */
    if (is_lower_at(s, n) || is_cont_punct((char)s[0]))
        return 1;
    return (n >= 2 && s[0] == 0xc2 && s[1] == 0xbb) ||                          /* » */
           (n >= 3 && s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0x9d || s[2] == 0xa6)); /* ” … */
}

/* Can a line be continued: text that does not end a sentence (not a
 * credit or a post's signature, which stand alone)? */
static int open_ended(const line *l)
{
    return l->n && !l->code && !l->sentence && !is_credit(l) && !is_post_signature(l);
}

/* Join the lines that continue the line before them (continues()), and a
 * short line (four words or fewer) between an open line and a line that
 * continues it ("сообщает" / "РИА Новости" / ", что..."): the pieces a
 * scraper made of a sentence by putting each link on a line of its own.
 * A blank line is never crossed.  Joined lines are written to buf (as
 * big as the text: a join replaces a line break and its blanks with at
 * most one space) and re-measured; lines joined into another are left
 * empty.  *used: the bytes of buf taken. */
static void join_broken(line *lines, size_t nl, char *buf, size_t *used)
{
    for (size_t i = 0; i + 1 < nl; i++) {
        if (!open_ended(&lines[i]))
            continue;
        size_t last = i;
        for (size_t j = i + 1; j < nl && lines[j].n; j++) {
            if (continues(&lines[j]) && open_ended(&lines[j - 1]))
                last = j;
            else if (j + 1 < nl && open_ended(&lines[j - 1]) && open_ended(&lines[j]) &&
                     lines[j].words <= 4 && continues(&lines[j + 1]))
                last = j; /* the next one joins it in its turn */
            else
                break;
        }
        if (last == i)
            continue;
        char *o = buf + *used;
        size_t k = 0;
        for (size_t j = i; j <= last; j++) {
            if (j > i && !is_cont_punct(lines[j].s[0]) &&
                !(lines[j].n >= 2 && (unsigned char)lines[j].s[0] == 0xc2 &&
                  (unsigned char)lines[j].s[1] == 0xbb) &&
                !((unsigned char)lines[j].s[0] == 0xe2 && lines[j].n >= 3 &&
                  (unsigned char)lines[j].s[1] == 0x80 &&
                  ((unsigned char)lines[j].s[2] == 0x9d || (unsigned char)lines[j].s[2] == 0xa6)))
                o[k++] = ' ';
            memmove(o + k, lines[j].s, lines[j].n);
            k += lines[j].n;
            if (j > i)
                lines[j].n = 0;
        }
        *used += k;
        measure(&lines[i], o, k);
        lines[i].joined = 1;
        i = last;
    }
}

/* ---- lines alike ------------------------------------------------------------ */

/* "Label: rest" with a label of one or two words starting with a capital
 * or a letter, and something after the colon. */
static int is_label_line(const line *l)
{
    const char *colon = memchr(l->s, ':', l->n);
    if (!colon || colon == l->s || (size_t)(colon - l->s) + 1 >= l->n)
        return 0;
    int words = 1;
    for (const char *p = l->s; p < colon; p++) {
        if (*p == ' ')
            words++;
        if (*p == '.' || *p == ',' || *p == '"')
            return 0;
    }
    if (colon[1] != ' ' && strncmp(colon + 1, "//", 2) != 0)
        return 0;
    return words <= 2;
}

static void hash_lines(line *lines, size_t nl)
{
    for (size_t i = 0; i < nl; i++)
        lines[i].h = izde__hash(IZDE_HASH_SEED_V1, lines[i].s, lines[i].n);
}

static int same_line(const line *a, const line *b)
{
    return a->h == b->h && a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
}

/* ---- cross-article repetition -------------------------------------------- */

#define SEEN_BITS 18
#define SEEN_SLOTS (1u << SEEN_BITS)

/* Lines of short to middling length seen per source during this run:
 * an open-addressing table of (hash of source + line) -> articles count.
 * Collisions only make a line look more common.  262,144 slots (2.6 MB):
 * the 11,500 articles of the test archive have 68,000 distinct lines that
 * end no sentence, which filled the 65,536 slots of the first table, so
 * lines first seen late in a run were never counted. */
struct izde_seen {
    uint64_t key[SEEN_SLOTS];
    uint16_t count[SEEN_SLOTS];
};

/* The key of line l of the source hashed to src_hash. */
static uint64_t seen_key(uint64_t src_hash, const line *l)
{
    return izde__hash(src_hash, &l->h, sizeof l->h);
}

static uint16_t *seen_slot(izde_seen *t, uint64_t key)
{
    if (key == 0)
        key = 1;
    for (uint32_t i = (uint32_t)(key >> 40) & (SEEN_SLOTS - 1), probes = 0; probes < 64;
         i = (i + 1) & (SEEN_SLOTS - 1), probes++) {
        if (t->key[i] == key)
            return &t->count[i];
        if (t->key[i] == 0) {
            t->key[i] = key;
            return &t->count[i];
        }
    }
    return NULL; /* full neighbourhood: forget this line */
}

izde_seen *izde__seen_new(void)
{
    return calloc(1, sizeof(izde_seen));
}

void izde__seen_free(izde_seen *t)
{
    free(t);
}

/* ---- title, source, date --------------------------------------------------- */

/* Length of the first sentence of s[0..n). */
static size_t first_sentence(const char *s, size_t n)
{
    for (size_t i = 1; i + 1 < n; i++) {
        if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ') {
            if (i >= 2 && s[i - 2] == ' ' && s[i] == '.')
                continue; /* an initial: "Н. Кикимов" */
            if (isdigit((unsigned char)s[i - 1]) && s[i] == '.')
                continue;
            return i + 1;
        }
    }
    return n;
}

static char *dup_cut(const char *s, size_t n, size_t max)
{
    size_t c = izde__cut_utf8(s, n, max);
    return izde__dup_ellipsis(s, c, c < n);
}

/* A domain-like word at s ("Vecher.kz", "24.kg", "NewTimes.kz"): its
 * length, or 0. */
static size_t domain_len(const char *s, size_t n)
{
    size_t i = 0, dots = 0, last_dot = 0;
    while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '-' || s[i] == '.')) {
        if (s[i] == '.') {
            dots++;
            last_dot = i;
        }
        i++;
    }
    while (i > 0 && s[i - 1] == '.')
        i--, dots--;
    if (!dots || last_dot + 3 > i)
        return 0;
    for (size_t k = last_dot + 1; k < i; k++)
        if (!isalpha((unsigned char)s[k]))
            return 0;
    return i;
}

static char *lower_dup(const char *s, size_t n)
{
    char *t = malloc(n + 1);
    if (!t)
        return NULL;
    for (size_t i = 0; i < n; i++)
        t[i] = (char)tolower((unsigned char)s[i]);
    t[n] = '\0';
    return t;
}

static const char *find_in(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    const char *p = s, *end = s + n;
    while ((size_t)(end - p) >= k && (p = memchr(p, needle[0], (size_t)(end - p) - k + 1))) {
        if (memcmp(p, needle, k) == 0)
            return p;
        p++;
    }
    return NULL;
}

/* Attribution in the text, most specific first. */
static char *find_source(const line *lines, size_t nl)
{
    static const char *const link_labels[] = {"Оригинал статьи:", "Источник:", "Булак:", NULL};
    static const char *const verbs[] = {"передает корреспондент ", "передает ", "сообщает ",
                                        "пишет ", "передаёт ", NULL};
    for (size_t i = 0; i < nl; i++)
        for (const char *const *lab = link_labels; *lab; lab++)
            if (lines[i].n > strlen(*lab) && memcmp(lines[i].s, *lab, strlen(*lab)) == 0) {
                const char *url = find_in(lines[i].s, lines[i].n, "http");
                if (url) {
                    char *u = lower_dup(url, lines[i].n - (size_t)(url - lines[i].s));
                    char *host = izde__url_host(u);
                    free(u);
                    if (host)
                        return host;
                }
            }
    for (size_t i = 0; i < nl; i++) {
        const line *l = &lines[i];
        for (const char *const *v = verbs; *v; v++) {
            const char *at = find_in(l->s, l->n, *v);
            if (!at)
                continue;
            const char *d = at + strlen(*v);
            size_t dl = domain_len(d, l->n - (size_t)(d - l->s));
            if (dl)
                return lower_dup(d, dl);
        }
        /* ИА «NewTimes.kz», агентство «24.kg» */
        const char *ia = find_in(l->s, l->n, "ИА \xc2\xab");
        if (ia) {
            const char *d = ia + strlen("ИА \xc2\xab");
            size_t dl = domain_len(d, l->n - (size_t)(d - l->s));
            if (dl)
                return lower_dup(d, dl);
        }
        /* Kyrgyz: "24.kg агенттигине" (told the 24.kg agency) */
        for (const char *p = l->s; p < l->s + l->n; p++) {
            size_t dl = (p == l->s || p[-1] == ' ') ? domain_len(p, l->n - (size_t)(p - l->s)) : 0;
            if (dl && find_in(p + dl, l->n - (size_t)(p + dl - l->s), " агенттиги") == p + dl)
                return lower_dup(p, dl);
        }
    }
    /* a press-service signature line: "ИИМдин Басма сөз кызматы" */
    for (size_t i = nl; i-- > 0;)
        if (lines[i].words <= 6 && !lines[i].sentence &&
            (find_in(lines[i].s, lines[i].n, "сөз кызматы") ||
             find_in(lines[i].s, lines[i].n, "Пресс-служба")))
            return dup_cut(lines[i].s, lines[i].n, 120);
    return NULL;
}

/* A full date in s[0..n) (dates.c: «18.04.2017», «2021-09-15»,
 * «5 декабря 2017», «2021-жылдын 28-апрелинде», «28-апрель 2021»). */
static char *date_in(const char *s, size_t n)
{
    int y, m, d;
    return izde__find_date(s, n, 3, &y, &m, &d) == 3 ? izde__format_date(y, m, d) : NULL;
}

/* The publication date the text states (pubdate.c), over its non-empty
 * lines that are not code. */
static char *find_date(const line *lines, size_t nl, size_t title_at)
{
    izde_span *sp = malloc((nl ? nl : 1) * sizeof *sp);
    if (!sp)
        return NULL;
    size_t k = 0, title = nl;
    for (size_t i = 0; i < nl; i++) {
        if (!lines[i].n || lines[i].code)
            continue;
        if (i == title_at)
            title = k;
        sp[k].s = lines[i].s;
        sp[k++].n = lines[i].n;
    }
    char *d = izde__publication_date(sp, k, title < k ? title : k);
    free(sp);
    return d;
}

/* ---- chrome --------------------------------------------------------------- */

/* Is every token of the line a link: a URL, a domain with or without a
 * path, a @handle or a #hashtag ("pic.twitter.com/x", "globallookpress.com",
 * "https://t.co/x")?  A line of links has no words of text. */
static int links_only(const line *l)
{
    int links = 0;
    if (!memchr(l->s, '.', l->n) && !memchr(l->s, '@', l->n) && !memchr(l->s, '#', l->n))
        return 0;
    for (const char *p = l->s, *end = l->s + l->n; p < end;) {
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        const char *t = p;
        while (p < end && *p != ' ' && *p != '\t')
            p++;
        size_t n = (size_t)(p - t);
        while (n && strchr(".,;:)", t[n - 1]))
            n--;
        if (n && t[0] == '(')
            t++, n--;
        if (!n)
            continue;
        size_t d = domain_len(t, n);
        if (find_in(t, n, "://") || (n > 4 && memcmp(t, "www.", 4) == 0) ||
            ((t[0] == '@' || t[0] == '#') && n > 1) || (d && (d == n || t[d] == '/'))) {
            links++;
            continue;
        }
        for (size_t i = 0; i < n; i++)
            if (is_letter_at((const unsigned char *)t + i))
                return 0;
    }
    return links > 0;
}

/* The signature of an embedded post: a line ending in an @handle in
 * brackets ("— Donald J. Trump (@realDonaldTrump)", "Публикация от
 * Александр Самедов (@19samedov84)"); the post's text stays. */
static int is_post_signature(const line *l)
{
    const char *s = l->s;
    size_t n = l->n;
    if (n < 4 || s[n - 1] != ')')
        return 0;
    size_t i = n - 1;
    while (i > 0 && (isalnum((unsigned char)s[i - 1]) || s[i - 1] == '_' || s[i - 1] == '.'))
        i--;
    return i >= 2 && i < n - 1 && s[i - 1] == '@' && s[i - 2] == '(';
}

/* A credit: "© Reuters", "©  imagebroker/Michaela Begsteiger". */
static int is_credit(const line *l)
{
    return l->n >= 2 && (unsigned char)l->s[0] == 0xc2 && (unsigned char)l->s[1] == 0xa9;
}

/* Does s[0..n) hold a year (1900-2099) and a time of day (7:05, 10:15)? */
static int year_and_time(const char *s, size_t n)
{
    int year = 0, time = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]) || (i > 0 && isdigit((unsigned char)s[i - 1])))
            continue;
        size_t j = i;
        while (j < n && isdigit((unsigned char)s[j]))
            j++;
        if (j - i == 4 && (s[i] == '1' ? s[i + 1] == '9' : s[i] == '2' && s[i + 1] == '0') &&
            (j == n || s[j] != ':'))
            year = 1;
        else if (j - i <= 2 && j + 2 < n && s[j] == ':' && isdigit((unsigned char)s[j + 1]) &&
                 isdigit((unsigned char)s[j + 2]) && (j + 3 == n || !isdigit((unsigned char)s[j + 3])))
            time = 1;
    }
    return year && time;
}

/* A dateline: a date label ("Опубликовано:"), a whole date ("5 декабря
 * 2019, 10:15", "18.04.2017"), or a year with a time (an embedded post's
 * stamp: "Ноя 18 2017 в 6:23 PST"). */
static int is_dateline(const line *l)
{
    if (izde__date_label_len(l->s, l->n))
        return 1;
    if (year_and_time(l->s, l->n))
        return 1;
    char *d = date_in(l->s, l->n);
    free(d);
    return d != NULL;
}

/* A line seen in this many other articles of the source is chrome; a
 * sentence joined from pieces needs more (a promo is in a hundred, a
 * tweet quoted by a few articles must stay). */
#define COMMON_LINE 3
#define COMMON_SENTENCE 10

/* Mark the chrome lines (see the top of the file).  The title line
 * (title_at) is never chrome; code always is.  self: `seen` counts this
 * article's lines too (1) or not (0). */
static void mark_chrome(line *lines, size_t nl, size_t title_at, izde_seen *seen,
                        uint64_t src_hash, unsigned self)
{
    /* a short question before a one-word button is a widget */
    for (size_t i = 0; i < nl; i++) {
        line *l = &lines[i];
        if (!l->question || l->words > 4 || l->code)
            continue;
        size_t j = i + 1;
        while (j < nl && lines[j].n == 0)
            j++;
        if (j < nl && !lines[j].sentence && lines[j].words <= 1) {
            l->sentence = 0;
            l->widget = 1;
        }
    }
    /* the article's first and last sentences */
    size_t first = nl, last = nl;
    for (size_t i = 0; i < nl; i++)
        if (lines[i].n && !lines[i].code && lines[i].sentence && lines[i].words >= 2) {
            if (first == nl)
                first = i;
            last = i;
        }
    int headline = title_at < nl && title_at < first;
    for (size_t i = 0; i < nl; i++) {
        line *l = &lines[i];
        if (l->n == 0)
            continue;
        if (l->code) {
            l->chrome = 1;
            continue;
        }
        if (i == title_at)
            continue;
        if (l->sentence) {
            /* pieces joined into a sentence repeat across the source when
             * they are a promo ("Подписывайтесь на наш" / "Telegram" /
             * ", чтобы быть в курсе...") */
            uint16_t *c = l->joined && seen && l->n < 400
                              ? seen_slot(seen, seen_key(src_hash, l))
                              : NULL;
            l->chrome = c && *c >= COMMON_SENTENCE + self;
            continue;
        }
        if (l->words == 0 || links_only(l) || is_credit(l) || is_post_signature(l) ||
            (is_label_line(l) && !l->joined)) {
            l->chrome = 1;
            continue;
        }
        if (l->words <= 4 && (l->widget || (headline && i < title_at) ||
                              (last < nl && i > last && (title_at == nl || i > title_at)) ||
                              is_dateline(l))) {
            l->chrome = 1; /* the page's head or foot, a dateline, a widget */
            continue;
        }
        if (title_at < nl && i > title_at && l->n >= lines[title_at].n &&
            memcmp(l->s, lines[title_at].s, lines[title_at].n) == 0) {
            l->chrome = 1; /* the title again, perhaps with a rubric after it */
            continue;
        }
        for (size_t j = 0; j < i && !l->chrome; j++)
            l->chrome = same_line(l, &lines[j]); /* a later copy */
        if (!l->chrome && seen && l->n < 400) {
            uint16_t *c = seen_slot(seen, seen_key(src_hash, l));
            if (c && *c >= COMMON_LINE + self)
                l->chrome = 1;
        }
    }
}

/* When every line is chrome, the article is its lines but code and lines
 * without a letter: cleaning never leaves an article of text blank. */
static void keep_all_but_code(line *lines, size_t nl)
{
    for (size_t i = 0; i < nl; i++)
        if (lines[i].n && !lines[i].chrome)
            return;
    for (size_t i = 0; i < nl; i++)
        lines[i].chrome = lines[i].code || lines[i].words == 0;
}

/* Count this article's lines (each once) for the next ones of the source. */
static void count_seen(const line *lines, size_t nl, izde_seen *seen, uint64_t src_hash)
{
    for (size_t i = 0; i < nl; i++) {
        if (!lines[i].n || lines[i].n >= 400 || (lines[i].sentence && !lines[i].joined) ||
            lines[i].code)
            continue;
        int dup = 0;
        for (size_t j = 0; j < i && !dup; j++)
            dup = same_line(&lines[i], &lines[j]);
        uint16_t *c = dup ? NULL : seen_slot(seen, seen_key(src_hash, &lines[i]));
        if (c && *c < UINT16_MAX)
            (*c)++;
    }
}

/* ---- the whole article ---------------------------------------------------- */

void izde__clean_free(izde_clean *c)
{
    free(c->text);
    free(c->title);
    free(c->source);
    free(c->date);
    memset(c, 0, sizeof *c);
}

/* The lines of text[0..len), without markup, measured; NULL when out of
 * memory.  Lines holding markup are written to work (len bytes at most). */
static line *split_lines(const char *text, size_t len, size_t *nl_out, char *work)
{
    size_t cap = 16, nl = 0, used = 0;
    int state = MARKUP_TEXT;
    line *lines = malloc(cap * sizeof *lines);
    if (!lines)
        return NULL;
    for (const char *p = text, *end = text + len; p < end;) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        size_t n = e ? (size_t)(e - p) : (size_t)(end - p);
        if (nl == cap) {
            line *nlines = realloc(lines, (cap *= 2) * sizeof *lines);
            if (!nlines) {
                free(lines);
                return NULL;
            }
            lines = nlines;
        }
        if (state != MARKUP_TEXT || memchr(p, '<', n) || memchr(p, '&', n)) {
            size_t k = strip_markup(p, n, work + used, &state);
            measure(&lines[nl++], work + used, k);
            used += k;
            /* an element the scraper cut before its end tag ends here */
            const char *close = state == MARKUP_COMMENT ? "-->"
                                : state == MARKUP_SCRIPT ? "</script"
                                : state == MARKUP_STYLE  ? "</style" : NULL;
            size_t rest = e ? (size_t)(end - e) : 0;
            if (close && ifind(e ? e : end, rest, close) == rest)
                state = MARKUP_TEXT;
        } else {
            measure(&lines[nl++], p, n);
        }
        p = e ? e + 1 : end;
    }
    *nl_out = nl;
    return lines;
}

/* The lines that are not chrome, joined by '\n', into out->text. */
static void join_kept(const line *lines, size_t nl, izde_clean *out)
{
    izde_buf b = {0};
    for (size_t i = 0; i < nl; i++) {
        if (lines[i].n == 0 || lines[i].chrome)
            continue;
        if (b.len)
            izde__buf_putc(&b, '\n');
        izde__buf_append(&b, lines[i].s, lines[i].n);
    }
    if (b.oom || !b.data) {
        izde__buf_free(&b);
        if (!b.oom) {
            out->text = calloc(1, 1);
            out->len = 0;
        }
    } else {
        out->text = b.data;
        out->len = b.len;
    }
}

/* Clean text[0..len) into *out (NULL: only count its lines in `seen`).
 * counted: `seen` holds this article's lines already (izde__seen_count()),
 * so a line is common in four articles, this one and three others; else
 * in three earlier ones, and this article's lines are counted after. */
static int clean(izde_clean *out, const char *text, size_t len, izde_seen *seen,
                 const char *source_key, int counted)
{
    size_t nl = 0, joined = 0;
    /* lines without their markup, then joined lines: len bytes each at most */
    char *work = malloc(2 * len + 2);
    line *lines = work ? split_lines(text, len, &nl, work) : NULL;
    if (!lines) {
        free(work);
        return IZDE_ENOMEM;
    }
    mark_code(lines, nl);
    join_broken(lines, nl, work + len + 1, &joined);
    hash_lines(lines, nl);
    /* the title: the first line of five words or more; never chrome */
    size_t title_at = nl;
    for (size_t i = 0; i < nl && title_at == nl; i++)
        if (lines[i].words >= 5 && !lines[i].code)
            title_at = i;
    uint64_t src_hash = izde__hash(IZDE_HASH_SEED_V1, source_key ? source_key : "",
                                   source_key ? strlen(source_key) : 0);
    if (!out) {
        if (seen && source_key)
            count_seen(lines, nl, seen, src_hash);
        free(lines);
        free(work);
        return IZDE_OK;
    }
    mark_chrome(lines, nl, title_at, source_key ? seen : NULL, src_hash, counted ? 1 : 0);
    keep_all_but_code(lines, nl);
    if (seen && source_key && !counted)
        count_seen(lines, nl, seen, src_hash);
    join_kept(lines, nl, out);
    if (title_at < nl) {
        const line *t = &lines[title_at];
        /* a paragraph is no title: use its first sentence */
        size_t n = t->words > 25 ? first_sentence(t->s, t->n) : t->n;
        out->title = dup_cut(t->s, n, 400);
    }
    out->source = find_source(lines, nl);
    out->date = find_date(lines, nl, title_at);
    free(lines);
    free(work);
    return out->text ? IZDE_OK : IZDE_ENOMEM;
}

int izde__clean_article(izde_clean *out, const char *text, size_t len, izde_seen *seen,
                        const char *source_key)
{
    memset(out, 0, sizeof *out);
    return clean(out, text, len, seen, source_key, 0);
}

int izde__clean_counted(izde_clean *out, const char *text, size_t len, izde_seen *seen,
                        const char *source_key)
{
    memset(out, 0, sizeof *out);
    return clean(out, text, len, seen, source_key, 1);
}

int izde__seen_count(izde_seen *seen, const char *text, size_t len, const char *source_key)
{
    return clean(NULL, text, len, seen, source_key, 0);
}
