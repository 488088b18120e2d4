/*
 * terms.c - how a token becomes stem terms, shared by the indexer, the
 * query parser and snippets so the three always agree: which stemmer and
 * prefix an article language uses, what a stemmer is given, and which
 * tokens form a hyphenated compound.
 */
#include <string.h>

#include "schema.h"
#include "terms.h"

izde_stemmer *izde__stemmer_for(izde_stemmer *ru, izde_stemmer *ky, const char *lang,
                                const char **prefix)
{
    if (lang && strcmp(lang, "ru") == 0 && ru) {
        *prefix = IZDE_PREFIX_STEM_RU;
        return ru;
    }
    if (lang && strcmp(lang, "ky") == 0 && ky) {
        *prefix = IZDE_PREFIX_STEM_KY;
        return ky;
    }
    *prefix = NULL;
    return NULL;
}

/* Characters the analyzer drops inside words: soft hyphen, zero-width
 * space / joiners, word joiner, BOM. */
static int has_invisible(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] == 0xc2 && s[i + 1] == 0xad)
            return 1;
        if (s[i] == 0xe2 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] >= 0x8b && s[i + 2] <= 0x8d)
            return 1;
        if (s[i] == 0xe2 && i + 2 < n && s[i + 1] == 0x81 && s[i + 2] == 0xa0)
            return 1;
        if (s[i] == 0xef && i + 2 < n && s[i + 1] == 0xbb && s[i + 2] == 0xbf)
            return 1;
    }
    return 0;
}

/* All letters capitals, two to five of them: an acronym (МВД, ИИМ, КНБ,
 * ЕАЭС, USA); longer all-capital words are shouted headlines, stemmed as
 * words.  Checks ASCII, basic Cyrillic and the Kyrgyz/Kazakh capitals. */

/* A capitalised word ending in -ов, -ев or -ёв with at least three
 * letters before: a Russian surname in the nominative (Лавров, Атамбаев,
 * Бакиев), which Snowball cuts as a genitive plural (лавр, атамба, бак)
 * while it stems every other case form to the whole name (Лаврова ->
 * лавров): the name would split from its own forms and merge with лавра,
 * Баку.  The word itself is its stem. */
static int is_surname_nominative(const char *term, size_t len, const char *orig, size_t olen)
{
    const unsigned char *o = (const unsigned char *)orig;
    if (olen < 2 || len < 10) /* 5 Cyrillic letters */
        return 0;
    /* a Cyrillic capital first, then a small letter (not МВД, not ИВАНОВ) */
    unsigned cp = ((o[0] & 0x1fu) << 6) | (o[1] & 0x3fu);
    if (o[0] < 0xd0 || o[0] > 0xd1 || !((cp >= 0x410 && cp <= 0x42f) || cp == 0x401))
        return 0;
    if (olen >= 4 && o[2] >= 0xd0 && o[2] <= 0xd1) {
        unsigned c2 = ((o[2] & 0x1fu) << 6) | (o[3] & 0x3fu);
        if ((c2 >= 0x410 && c2 <= 0x42f) || c2 == 0x401)
            return 0;
    }
    const char *end = term + len - 4;
    return memcmp(end, "ов", 4) == 0 || memcmp(end, "ев", 4) == 0;
}

const char *izde__stem_word(izde_stemmer *s, int kyrgyz, const char *term, size_t len,
                            const char *orig, size_t olen, size_t *out_len)
{
    if (kyrgyz && orig && olen && !has_invisible((const unsigned char *)orig, olen))
        return izde_stemmer_stem(s, orig, olen, out_len);
    if (!kyrgyz && orig && (izde__is_acronym(orig, olen) ||
                            is_surname_nominative(term, len, orig, olen))) {
        /* Snowball would cut acronyms as words (ИИМ -> "и") and a
         * surname as a genitive plural (Лавров -> "лавр") */
        *out_len = len;
        return term;
    }
    return izde_stemmer_stem(s, term, len, out_len);
}

const char *izde__stem_token(izde_stemmer *s, int kyrgyz, const izde_token *tok, const char *text,
                             size_t *out_len)
{
    const char *orig = text ? text + tok->start : NULL;
    return izde__stem_word(s, kyrgyz, tok->term, tok->term_len, orig, tok->end - tok->start,
                           out_len);
}

int izde__is_hyphen_joint(const char *text, size_t a_end, size_t b_start)
{
    if (b_start == a_end + 1)
        return text[a_end] == '-';
    if (b_start == a_end + 3) /* U+2010 hyphen, U+2011 non-breaking hyphen */
        return (unsigned char)text[a_end] == 0xe2 && (unsigned char)text[a_end + 1] == 0x80 &&
               ((unsigned char)text[a_end + 2] == 0x90 || (unsigned char)text[a_end + 2] == 0x91);
    return 0;
}
