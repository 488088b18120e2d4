/*
 * lang.h - the language of a text: "ru", "ky" or "other" (lang.c).
 */
#ifndef IZDE_LANG_H
#define IZDE_LANG_H

#include <stddef.h>

/* "ru", "ky" or "other" from the letters and function words of the text
 * (static string). */
const char *izde__detect_lang(const char *text, size_t len);

#endif /* IZDE_LANG_H */
