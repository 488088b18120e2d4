/*
 * lang.c - a first language guess for an article from its letters:
 * Kyrgyz-only letters (ң ө ү) against Kazakh-only letters (ә ғ қ ұ і һ);
 * Russian otherwise.  Used when the record does not give `lang`.
 */
#include <string.h>

#include "izde-private.h"

const char *izde__detect_lang(const char *text, size_t len)
{
    size_t ky = 0, kk = 0, cyr = 0;
    const unsigned char *p = (const unsigned char *)text;
    for (size_t i = 0; i + 1 < len; i++) {
        unsigned c = p[i], d = p[i + 1];
        if (c == 0xd1 && d == 0x96) /* і */
            kk++, cyr++;
        else if (c == 0xd0 || c == 0xd1)
            cyr++;
        else if (c == 0xd2 && (d == 0xa2 || d == 0xa3 || d == 0xae || d == 0xaf)) /* Ңң Үү */
            ky++;
        else if (c == 0xd3 && (d == 0xa8 || d == 0xa9)) /* Өө */
            ky++;
        else if (c == 0xd3 && (d == 0x98 || d == 0x99)) /* Әә */
            kk++;
        else if (c == 0xd2 && (d == 0x92 || d == 0x93 || d == 0x9a || d == 0x9b || d == 0xb0 ||
                               d == 0xb1 || d == 0xba || d == 0xbb)) /* Ғғ Ққ Ұұ Һһ */
            kk++;
    }
    /* A Kyrgyz text has ң/ө/ү in roughly one letter in fifty; a Russian
     * text quoting a Kazakh or Kyrgyz name has a handful. */
    if (ky > kk && ky * 100 > cyr)
        return "ky";
    if (kk > ky && kk * 100 > cyr)
        return "kk";
    return "ru";
}
