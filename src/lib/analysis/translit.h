/*
 * translit.h - the Cyrillic spellings of one word written in Latin
 * letters (internal to libizde), for queries such as «Japarov»,
 * «Zhaparov», «Jeenbekov», «Issyk-Kul», «Tokayev», «Mirziyoyev».
 *
 *   japarov    -> жапаров, джапаров, япаров, ...
 *   jeenbekov  -> жээнбеков, джээнбеков, ...
 *   issyk-kul  -> иссык-кул, исык-кул, ..., иссык-куль, иссык-көл, ...,
 *                 ысык-көл (the 24th)
 *
 * The input is a word as the analyzer normalises it: lower case, NFC.
 * Letters: a-z (capitals are folded too), the Turkic letters ö ü ğ ş ç ı,
 * BGN's ĭ ë, ä ñ ń é, and o u e a g i s c n with a combining mark;
 * digits are copied; an apostrophe (' ` ’ ‘ ʼ ʻ ʹ) is ь after a
 * consonant, nothing or ъ (Uzbek o‘ g‘ too), ʺ is ъ;
 * a hyphen (- ‐ ‑) is kept as '-' and the parts on either side are
 * spelled as words of their own (word-initial and word-final rules apply
 * at it).  Any other character refuses the word.
 *
 * The spellings are ranked by how many unusual choices they make (each
 * rule's alternative has a cost; translit.c lists them) and reported
 * best first, each once.  They are lower case Cyrillic and may hold ё:
 * the analyzer folds ё to е, so a caller matching index terms normalises
 * them (both «мирзиёев» and «мирзиеев» can come out).
 */
#ifndef IZDE_TRANSLIT_H
#define IZDE_TRANSLIT_H

#include <stddef.h>

/* `max` above this is taken as this. */
#define IZDE_LATIN_MAX_SPELLINGS 256
/* Words with more characters than this are refused. */
#define IZDE_LATIN_MAX_CHARS 128

/* One spelling: `len` bytes of UTF-8 at `cyr`, NUL-terminated, valid
 * during the call.  Return 0 for the next one, non-zero to stop. */
typedef int (*izde_spelling_fn)(void *ctx, const char *cyr, size_t len);

/*
 * Report up to `max` distinct Cyrillic spellings of the Latin word
 * `word` (`len` bytes of UTF-8), most likely first, through `fn`.
 * `fn` may be NULL (only counting).  Returns how many were reported (the
 * one `fn` stopped at included; 0 when `max` is 0), or a negative status:
 *   -IZDE_EINVAL  no Latin letter, a character outside the set above,
 *                 invalid UTF-8, or more than IZDE_LATIN_MAX_CHARS;
 *   -IZDE_ENOMEM  the working memory (one block, bounded by the length
 *                 and `max`: 13 KB for a name and max 32, 212 KB for 128
 *                 letters and max 256)
 *                 could not be had.
 * The search is bounded too: it takes at most 2 * max + 32 spellings
 * from its heap, duplicates included, so even a 64-letter word with
 * max 256 costs a fraction of a millisecond.
 */
int izde__latin_spellings(const char *word, size_t len, size_t max, izde_spelling_fn fn,
                          void *ctx);

#endif /* IZDE_TRANSLIT_H */
