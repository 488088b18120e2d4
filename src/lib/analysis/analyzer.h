/*
 * analyzer.h - the one text analyzer shared by indexing, querying and
 * snippets (internal to libizde).
 *
 * izde_analyze() breaks UTF-8 text into words with ICU (UBRK_WORD) and
 * reports each one through a callback with its byte offsets into the
 * input, so a highlight offset is always a real offset into stored text.
 *
 * Normalisation of each token's term: NFC, Unicode case folding, ё→е,
 * Latin look-alike letters inside Cyrillic words → Cyrillic (e.g. Latin
 * "o", "c", "p" in "прoект"), soft hyphens (U+00AD) and zero-width
 * characters (U+200B..U+200D, U+2060, U+FEFF) removed.
 *
 * Numbers: digit groups separated by one space, U+00A0 or U+202F ("28 000",
 * "2 200 000") are one token whose term has the separators removed
 * ("28000"); a decimal comma or point between digits ("2,2", "1.2") stays
 * inside the token and the term uses '.' ("2.2").  A group continuation is
 * 1-3 digits first then groups of exactly 3 digits.
 */
#ifndef IZDE_ANALYZER_H
#define IZDE_ANALYZER_H

#include <stddef.h>

typedef enum izde_tok_kind {
    IZDE_TOK_WORD = 1,   /* contains at least one letter */
    IZDE_TOK_NUMBER = 2  /* digits only (with group separators / decimal mark) */
} izde_tok_kind;

typedef struct izde_token {
    const char *term;  /* normalised form, NUL-terminated; borrowed, valid during the callback */
    size_t term_len;   /* bytes in term */
    size_t start;      /* byte offset of the token's first byte in the input */
    size_t end;        /* byte offset one past its last byte */
    unsigned pos;      /* 0-based word position (counts tokens reported) */
    int kind;          /* izde_tok_kind */
} izde_token;

/* Called once per token, in order.  Return 0 to go on; any other value
 * stops the analysis and is returned by izde_analyze(). */
typedef int (*izde_token_fn)(void *ctx, const izde_token *tok);

typedef struct izde_analyzer izde_analyzer;

/* @retval IZDE_OK, IZDE_ENOMEM, IZDE_EBACKEND (ICU failed; *errmsg_out says why) */
int izde_analyzer_new(izde_analyzer **out, char **errmsg_out);
void izde_analyzer_free(izde_analyzer *a);

/*
 * Analyze `len` bytes of UTF-8 `text` (invalid sequences are treated as
 * U+FFFD and never produce tokens).  Punctuation and whitespace yield no
 * tokens.  Not thread-safe per analyzer; use one analyzer per thread.
 * @retval IZDE_OK, IZDE_ENOMEM, IZDE_EBACKEND, or the callback's non-zero value
 */
int izde_analyze(izde_analyzer *a, const char *text, size_t len, izde_token_fn fn, void *ctx);

/* Normalise one word the same way as a token's term (no word breaking).
 * Result is owned by `a`, valid until the next call on `a`. */
const char *izde_analyzer_normalize(izde_analyzer *a, const char *word, size_t len, size_t *out_len);

#endif /* IZDE_ANALYZER_H */
