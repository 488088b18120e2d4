/*
 * charset.c - recognise the charset of a text file and convert it to
 * UTF-8 with ICU: UTF-8 (with or without a byte order mark), UTF-16 with a
 * byte order mark, and the legacy Cyrillic code pages windows-1251, KOI8-R,
 * ISO-8859-5 and IBM866.
 *
 * Legacy code pages cannot be told apart by their bytes alone: every byte
 * decodes to something in each of them.  ICU's detector (ucsdet) rates
 * windows-1251, KOI8-R and ISO-8859-5 by Russian trigrams, but it has no
 * IBM866, often puts windows-1252 or ISO-8859-1 first, and its best
 * Cyrillic guess was right for only 94% of whole news lines and 48% of
 * two-word fragments (see README for the measurement).  So every Cyrillic
 * code page is decoded and scored by how much the result looks like
 * Russian or Kyrgyz text, ICU's confidence serving as a tie-breaker:
 *
 *  - bad characters: of the non-ASCII and control characters, the share
 *    that is not a Russian/Kyrgyz letter or usual punctuation (« » — № …):
 *    box drawing (IBM866, KOI8-R), C1 controls (ISO-8859-5), rare letters
 *    such as ђ љ ў (a wrong Cyrillic decoding), a lone Cyrillic letter
 *    inside a Latin word ("prйsident": Latin-1 read as Cyrillic), C0
 *    controls other than white space (binary data);
 *  - case: a capital right after a small letter inside a word ("пРИВЕТ":
 *    windows-1251 read as KOI8-R swaps the case), per word;
 *  - letter pairs: the mean frequency level (pair_levels) of the pairs of
 *    adjacent letters, word boundaries included.  Right decodings of news
 *    lines average 0.74-0.82 of the top level, wrong ones that pass the
 *    other two checks at most 0.63 (all capitals, where the case check
 *    sees nothing), mostly far less.
 *
 * The best-scoring code page is used when it passes fixed limits on all
 * three; otherwise the text is rejected.  Text whose only non-ASCII bytes
 * are punctuation in windows-1251 (“ ” – — …, the same bytes as in
 * windows-1252) is read as windows-1251.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include "izde.h"
#include "util.h"
#include "charset.h"

#define MSG_BINARY "not a text file (contains NUL bytes); skipped"
/* Bytes scored and given to ICU's detector: plenty to decide. */
#define SAMPLE_BYTES (256u * 1024u)
/* Largest input converted: ICU lengths are int32_t, and UTF-8 output may
 * be three times the UTF-16. */
#define MAX_CONVERT (512u * 1024u * 1024u)

/* Limits for a plausible decoding (see the comment at the top). */
#define MAX_BAD_SHARE 0.10  /* bad characters / non-ASCII characters */
#define MAX_CASE_SWAPS 0.20 /* small-then-capital inside a word / Cyrillic words */
#define MIN_BIGRAMS 0.62    /* mean pair level / 9 ... */
#define BIGRAMS_FROM 4      /* ... checked from this many pairs on */

size_t izde__utf8_invalid_at(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        size_t n;
        unsigned min;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            n = 2, min = 0x80;
        } else if ((c & 0xf0) == 0xe0) {
            n = 3, min = 0x800;
        } else if ((c & 0xf8) == 0xf0) {
            n = 4, min = 0x10000;
        } else {
            return i;
        }
        if (i + n > len)
            return i;
        unsigned cp = c & (0x7f >> n);
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xc0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return i;
        i += n;
    }
    return len;
}

size_t izde_utf8_valid_prefix(const char *s, size_t len)
{
    return izde__utf8_invalid_at((const unsigned char *)s, len);
}

char *izde__utf8_escape_invalid(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = strlen(s), bad = 0;
    for (size_t at = 0; (at += izde__utf8_invalid_at(u + at, len - at)) < len; at++)
        bad++;
    char *out = malloc(len + 3 * bad + 1), *w = out;
    if (!out)
        return NULL;
    for (size_t at = 0; at < len;) {
        size_t ok = izde__utf8_invalid_at(u + at, len - at);
        memcpy(w, s + at, ok);
        w += ok;
        at += ok;
        if (at < len)
            w += sprintf(w, "\\x%02X", u[at++]);
    }
    *w = '\0';
    return out;
}

static int fail(char **errmsg_out, int status, const char *fmt, ...)
{
    if (errmsg_out) {
        va_list ap;
        va_start(ap, fmt);
        *errmsg_out = izde__vstrdupf(fmt, ap);
        va_end(ap);
    }
    return status;
}

/* ---- conversion ----------------------------------------------------------- */

/* Every byte sequence that does not decode becomes one U+FFFD (ICU's own
 * substitute is U+001A for code pages whose substitution byte is 0x1A). */
static void to_u_fffd(const void *context, UConverterToUnicodeArgs *args, const char *units,
                      int32_t length, UConverterCallbackReason reason, UErrorCode *err)
{
    (void)context;
    (void)units;
    (void)length;
    if (reason > UCNV_IRREGULAR)
        return; /* reset, close, clone */
    static const UChar fffd = 0xfffd;
    *err = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &fffd, 1, 0, err);
}

static UConverter *open_converter(const char *name, UErrorCode *err)
{
    UConverter *c = ucnv_open(name, err);
    if (U_FAILURE(*err))
        return NULL;
    ucnv_setToUCallBack(c, to_u_fffd, NULL, NULL, NULL, err);
    if (U_FAILURE(*err)) {
        ucnv_close(c);
        return NULL;
    }
    return c;
}

/* data[0..len) in `charset` to malloc'ed UTF-8 in *out. */
static int convert(const char *charset, const char *data, size_t len, char **out,
                   size_t *out_len, char **errmsg_out)
{
    if (len > MAX_CONVERT)
        return fail(errmsg_out, IZDE_EFORMAT,
                    "too large to convert from %s (%zu bytes, at most %u); convert it to UTF-8 "
                    "first, e.g. iconv -f %s -t utf-8",
                    charset, len, MAX_CONVERT, charset);
    UErrorCode err = U_ZERO_ERROR;
    UConverter *c = open_converter(charset, &err);
    if (!c)
        return fail(errmsg_out, IZDE_EBACKEND, "ICU has no converter for %s: %s", charset,
                    u_errorName(err));
    /* a single-byte code page gives one UTF-16 unit per byte, UTF-16 one per two */
    int32_t cap = (int32_t)len + 1;
    UChar *u = malloc((size_t)cap * sizeof *u);
    if (!u) {
        ucnv_close(c);
        return IZDE_ENOMEM;
    }
    int32_t n = ucnv_toUChars(c, u, cap, data, (int32_t)len, &err);
    ucnv_close(c);
    if (U_FAILURE(err) || n >= cap) {
        free(u);
        return fail(errmsg_out, IZDE_EBACKEND, "cannot convert from %s: %s", charset,
                    u_errorName(err));
    }
    if (u_memchr(u, 0, n)) {
        free(u);
        return fail(errmsg_out, IZDE_EFORMAT, MSG_BINARY);
    }
    int32_t m = 0;
    err = U_ZERO_ERROR;
    u_strToUTF8WithSub(NULL, 0, &m, u, n, 0xfffd, NULL, &err);
    if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err)) {
        free(u);
        return fail(errmsg_out, IZDE_EBACKEND, "cannot convert from %s: %s", charset,
                    u_errorName(err));
    }
    char *s = malloc((size_t)m + 1);
    if (!s) {
        free(u);
        return IZDE_ENOMEM;
    }
    err = U_ZERO_ERROR;
    u_strToUTF8WithSub(s, m + 1, &m, u, n, 0xfffd, NULL, &err);
    free(u);
    if (U_FAILURE(err)) {
        free(s);
        return fail(errmsg_out, IZDE_EBACKEND, "cannot convert from %s: %s", charset,
                    u_errorName(err));
    }
    s[m] = '\0';
    *out = s;
    *out_len = (size_t)m;
    return IZDE_OK;
}

/* ---- scoring a Cyrillic decoding ------------------------------------------- */

/* The code pages tried, in order of preference when scores tie. */
static const char *const cyrillic_charsets[] = {"windows-1251", "KOI8-R", "IBM866", "ISO-8859-5"};
#define NCYR (sizeof cyrillic_charsets / sizeof *cyrillic_charsets)

/* How frequent each letter pair is in Russian news (NEREL) and Kyrgyz news
 * (xwmt), the two weighted alike: 0 never seen, else round(2 * (log10 p + 6))
 * cut to 1..9, p the pair's share of all pairs (9: about 3%, as "_п" or
 * "ст"; 8: 1%; 5: 0.03%; 1: 0.0003%).  Row: the first letter, column: the
 * second; index 0 is a word boundary, 1..32 а..я, ё counted as е and the
 * Kyrgyz ң ө ү as н о у (no legacy code page has them). */
static const char pair_levels[33][34] = {
    "088878687848687887887665761250755", /* _ */
    "866777656577878368785566664000356", /* а */
    "573423711703624706417030235462234", /* б */
    "772344704705645735655232352264005", /* в */
    "573445700703634806336210210060420", /* г */
    "682545863704546745547023340374434", /* д */
    "845677656477778568773455665000134", /* е */
    "474005710604005603306000300061320", /* ж */
    "674556532604456625306002100252023", /* з */
    "865666647677778657773566664000357", /* и */
    "734255444605655535663213450060003", /* й */
    "782522753706554836677225450070210", /* к */
    "785367752705655742557300410077356", /* л */
    "775346703705555762536111420065425", /* м */
    "884468744806346723677535634175235", /* н */
    "847777666577878768774555664000365", /* о */
    "770200600604514747456013330053204", /* п */
    "785577854706666745677444551075445", /* р */
    "774624710707655765687343450365336", /* с */
    "784603701706446847677332501176235", /* т */
    "846466456467768267667343764000564", /* у */
    "553020501601402505334400010021110", /* ф */
    "750311400502334604334000000032300", /* х */
    "453310601703201311204001000040000", /* ц */
    "570100710604425502267010040064200", /* ч */
    "660302600606534632366000300063000", /* ш */
    "050000600500002000003000000003000", /* щ */
    "200000400000000000000000000000004", /* ъ */
    "805564526267768066550060460000025", /* ы */
    "724334504304046120540413342000055", /* ь */
    "403443100046655035560310330000500", /* э */
    "624134033113445024453022445000020", /* ю */
    "705555445124656035560044424000043", /* я */
};

/* а..я as 0..31 in either case (ё as е; Kyrgyz ң ө ү as н о у), else -1. */
static int cyr_index(UChar c)
{
    if (c >= 0x410 && c <= 0x42f)
        return c - 0x410;
    if (c >= 0x430 && c <= 0x44f)
        return c - 0x430;
    switch (c) {
    case 0x401: case 0x451: return 5;    /* Ёё -> е */
    case 0x4a2: case 0x4a3: return 13;   /* Ңң -> н */
    case 0x4e8: case 0x4e9: return 14;   /* Өө -> о */
    case 0x4ae: case 0x4af: return 19;   /* Үү -> у */
    }
    return -1;
}

static int cyr_upper(UChar c)
{
    return (c >= 0x410 && c <= 0x42f) || c == 0x401 || c == 0x4a2 || c == 0x4e8 || c == 0x4ae;
}

static int cyr_lower(UChar c)
{
    return (c >= 0x430 && c <= 0x44f) || c == 0x451 || c == 0x4a3 || c == 0x4e9 || c == 0x4af;
}

static int latin_letter(UChar c)
{
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
           (c >= 0xc0 && c < 0x250 && c != 0xd7 && c != 0xf7);
}

/* Non-ASCII punctuation usual in Russian and Kyrgyz news. */
static int text_punct(UChar c)
{
    switch (c) {
    case 0x00a0: /* no-break space */
    case 0x00ab: case 0x00bb: /* « » */
    case 0x00a7: case 0x00a9: case 0x00ae: case 0x00b0: case 0x00b1: case 0x00b7: /* § © ® ° ± · */
    case 0x2013: case 0x2014: case 0x2026: case 0x2116: /* – — … № */
    case 0x2018: case 0x2019: case 0x201a: case 0x201c: case 0x201d: case 0x201e: /* ‘ ’ ‚ “ ” „ */
    case 0x2022: case 0x2030: case 0x20ac: case 0x2122: /* • ‰ € ™ */
        return 1;
    }
    return 0;
}

typedef struct cyr_score {
    double value;      /* higher is better */
    double bad;        /* bad characters / non-ASCII characters */
    double swaps;      /* small-then-capital inside words / Cyrillic words */
    double bigrams;    /* frequent pairs / letter pairs */
    size_t pairs;      /* Cyrillic letter pairs */
    size_t cyr;        /* Cyrillic letters */
    int icu;           /* ICU's confidence, 0 if not rated */
} cyr_score;

/* Decode every byte 0x80-0xFF in `charset` (U+FFFD if undefined). */
static int byte_map(const char *charset, UChar map[128])
{
    UErrorCode err = U_ZERO_ERROR;
    UConverter *c = open_converter(charset, &err);
    if (!c)
        return -1;
    for (int b = 0; b < 128; b++) {
        char byte = (char)(0x80 + b);
        UChar u[4];
        err = U_ZERO_ERROR;
        int32_t n = ucnv_toUChars(c, u, 4, &byte, 1, &err);
        map[b] = U_SUCCESS(err) && n == 1 ? u[0] : 0xfffd;
    }
    ucnv_close(c);
    return 0;
}

/* Index of a letter in pair_levels: 1..32 for а..я in either case (ё as е;
 * Kyrgyz ң ө ү as н о у), 0 for anything else (a word boundary). */
static int pair_index(UChar c)
{
    return cyr_index(c) + 1;
}

static void score_decoding(cyr_score *sc, const unsigned char *s, size_t n, const UChar map[128])
{
    size_t nonascii = 0, bad = 0, swaps = 0, words = 0, pairs = 0, levels = 0, cyr = 0;
    UChar prev = ' ', cur = n ? (s[0] < 0x80 ? s[0] : map[s[0] - 0x80]) : ' ';
    for (size_t i = 0; i <= n; i++) {
        UChar next = i + 1 < n ? (s[i + 1] < 0x80 ? s[i + 1] : map[s[i + 1] - 0x80]) : ' ';
        int ci = pair_index(cur), pi = pair_index(prev);
        if (i < n && s[i] < 0x20 && !(s[i] >= '\t' && s[i] <= '\r')) {
            nonascii++; /* a control character: binary data, not text */
            bad++;
        } else if (i < n && s[i] >= 0x80) {
            nonascii++;
            if (ci) {
                /* a lone Cyrillic letter inside a Latin word */
                if ((latin_letter(prev) || latin_letter(next)) && !pi && !pair_index(next))
                    bad++;
            } else if (!text_punct(cur)) {
                bad++;
            }
        }
        if (ci) {
            cyr++;
            words += !pi;
            if (cyr_upper(cur) && cyr_lower(prev))
                swaps++;
        }
        if (ci || pi) {
            pairs++;
            levels += (size_t)(pair_levels[pi][ci] - '0');
        }
        prev = cur;
        cur = next;
    }
    sc->cyr = cyr;
    sc->pairs = pairs;
    sc->bad = nonascii ? (double)bad / (double)nonascii : 0;
    sc->swaps = words ? (double)swaps / (double)words : 0;
    sc->bigrams = pairs ? (double)levels / (9.0 * (double)pairs) : 0;
    if (!cyr && !bad)
        sc->value = 2; /* only punctuation ("smart" quotes, dashes): the best guess */
    else
        sc->value = sc->bigrams - 2 * sc->bad - sc->swaps + sc->icu / 1000.0;
}

static int plausible(const cyr_score *sc)
{
    return sc->bad <= MAX_BAD_SHARE && sc->swaps <= MAX_CASE_SWAPS &&
           (sc->pairs < BIGRAMS_FROM || sc->bigrams >= MIN_BIGRAMS);
}

/* ICU's detector: confidence of each Cyrillic code page, and its overall
 * best guess when that is neither Cyrillic nor Unicode (for the message). */
static int icu_detect(const char *data, size_t len, int conf[NCYR], char other[32],
                      int *other_conf)
{
    memset(conf, 0, NCYR * sizeof *conf);
    other[0] = '\0';
    *other_conf = 0;
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector *d = ucsdet_open(&err);
    if (U_FAILURE(err))
        return -1;
    ucsdet_setText(d, data, (int32_t)(len < SAMPLE_BYTES ? len : SAMPLE_BYTES), &err);
    int32_t nm = 0;
    const UCharsetMatch **m = ucsdet_detectAll(d, &nm, &err);
    for (int32_t i = 0; U_SUCCESS(err) && i < nm; i++) {
        const char *name = ucsdet_getName(m[i], &err);
        int32_t c = ucsdet_getConfidence(m[i], &err);
        if (U_FAILURE(err) || !name)
            break;
        int cyrillic = 0;
        for (size_t k = 0; k < NCYR; k++)
            if (strcmp(name, cyrillic_charsets[k]) == 0) {
                cyrillic = 1;
                if (c > conf[k])
                    conf[k] = c;
            }
        /* the first guess that iconv knows by the same name */
        if (i == 0 && !cyrillic && strncmp(name, "UTF-", 4) != 0 &&
            strncmp(name, "IBM42", 5) != 0 && strlen(name) < 32) {
            strcpy(other, name); /* the name lives as long as the detector */
            *other_conf = c;
        }
    }
    ucsdet_close(d);
    return U_SUCCESS(err) ? 0 : -1;
}

/* ---- the entry point ---------------------------------------------------- */

int izde__to_utf8(const char *data, size_t len, char **out, size_t *out_len,
                  const char **charset_out, int *confidence_out, char **errmsg_out)
{
    const unsigned char *s = (const unsigned char *)data;
    *out = NULL;
    *out_len = 0;
    *charset_out = NULL;
    *confidence_out = 0;
    if (errmsg_out)
        *errmsg_out = NULL;

    if (len >= 2 && ((s[0] == 0xff && s[1] == 0xfe) || (s[0] == 0xfe && s[1] == 0xff))) {
        int le = s[0] == 0xff;
        int rc = convert(le ? "UTF-16LE" : "UTF-16BE", data + 2, len - 2, out, out_len,
                         errmsg_out);
        if (rc == IZDE_OK) {
            *charset_out = le ? "UTF-16LE with BOM" : "UTF-16BE with BOM";
            *confidence_out = 100;
        }
        return rc;
    }
    if (memchr(data, '\0', len))
        return fail(errmsg_out, IZDE_EFORMAT, MSG_BINARY);
    size_t bom = len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
    size_t bad_at = bom + izde__utf8_invalid_at(s + bom, len - bom);
    if (bad_at == len) {
        *out_len = len - bom;
        *charset_out = bom ? "UTF-8 with BOM" : "UTF-8";
        *confidence_out = 100;
        return IZDE_OK;
    }
    if (bom)
        return fail(errmsg_out, IZDE_EFORMAT,
                    "starts with a UTF-8 byte order mark but is not valid UTF-8 (byte %zu); "
                    "repair it or convert it to UTF-8 first",
                    bad_at);

    int icu_conf[NCYR];
    char other[32];
    int other_conf = 0;
    if (icu_detect(data, len, icu_conf, other, &other_conf) != 0)
        return fail(errmsg_out, IZDE_EBACKEND, "ICU charset detection failed");
    size_t sample = len < SAMPLE_BYTES ? len : SAMPLE_BYTES;
    int best = -1;
    cyr_score best_sc = {0};
    for (size_t k = 0; k < NCYR; k++) {
        UChar map[128];
        if (byte_map(cyrillic_charsets[k], map) != 0)
            continue; /* not in this ICU's data */
        cyr_score sc = {.icu = icu_conf[k]};
        score_decoding(&sc, s, sample, map);
        if (plausible(&sc) && (best < 0 || sc.value > best_sc.value)) {
            best = (int)k;
            best_sc = sc;
        }
    }
    if (best < 0) {
        if (other[0] && other_conf >= 50)
            return fail(errmsg_out, IZDE_EFORMAT,
                        "not valid UTF-8 and no Cyrillic encoding fits (byte %zu; ICU guesses "
                        "%s); convert it to UTF-8 first, e.g. iconv -f %s -t utf-8",
                        bad_at, other, other);
        return fail(errmsg_out, IZDE_EFORMAT,
                    "not valid UTF-8 and no Cyrillic encoding fits (byte %zu); convert it to "
                    "UTF-8 first, e.g. iconv -f windows-1251 -t utf-8",
                    bad_at);
    }
    int rc = convert(cyrillic_charsets[best], data, len, out, out_len, errmsg_out);
    if (rc == IZDE_OK) {
        *charset_out = cyrillic_charsets[best];
        *confidence_out = best_sc.icu;
    }
    return rc;
}
