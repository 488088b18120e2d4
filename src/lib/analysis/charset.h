/*
 * charset.h - internal: recognise the character set of a text file (UTF-8,
 * UTF-16 with a byte order mark, or a legacy Cyrillic code page) and
 * convert it to UTF-8.  Implemented in charset.c with ICU.
 */
#ifndef IZDE_CHARSET_H
#define IZDE_CHARSET_H

#include <stddef.h>

/* Offset of the first invalid UTF-8 sequence in s[0..len), or `len` when
 * all of it is valid UTF-8 (overlong forms and surrogates are invalid). */
size_t izde__utf8_invalid_at(const unsigned char *s, size_t len);

/* s (NUL-terminated) as valid UTF-8, malloc'ed: each byte that is not part
 * of a valid sequence written as the four characters \xHH.  For names that
 * arrive as bytes (file names): stored and shown safely, while the bytes
 * themselves still key the article. */
char *izde__utf8_escape_invalid(const char *s);

/*
 * Detect the charset of data[0..len) and give its text as UTF-8.
 *
 *  - valid UTF-8, with or without a byte order mark: no conversion;
 *    *out is set to NULL and the text is the last *out_len bytes of `data`
 *    (the BOM skipped).  Charset "UTF-8" or "UTF-8 with BOM", confidence 100.
 *  - a UTF-16 byte order mark (FF FE or FE FF): converted; "UTF-16LE with
 *    BOM" or "UTF-16BE with BOM", confidence 100.
 *  - otherwise the best of the Cyrillic code pages windows-1251, KOI8-R,
 *    ISO-8859-5 and IBM866, chosen by ICU's charset detector and checked
 *    with letter statistics (see charset.c); confidence is ICU's (1-100)
 *    for that charset, 0 when ICU does not rate it (ICU has no detector
 *    for IBM866).
 *
 * When converted, *out is malloc'ed NUL-terminated UTF-8 (*out_len bytes,
 * without the NUL); bytes that do not decode become U+FFFD.  The caller
 * frees it.  *charset_out is a static string.
 *
 * @retval IZDE_OK
 * @retval IZDE_EFORMAT  NUL bytes outside UTF-16 ("not a text file ..."),
 *                       or no supported charset fits; *errmsg_out says so
 *                       and what to do (malloc'ed; errmsg_out may be NULL)
 * @retval IZDE_ENOMEM, IZDE_EBACKEND (ICU failed; message set)
 */
int izde__to_utf8(const char *data, size_t len, char **out, size_t *out_len,
                  const char **charset_out, int *confidence_out, char **errmsg_out);

#endif /* IZDE_CHARSET_H */
