/*
 * translit.c - the Cyrillic spellings of a word written in Latin letters
 * (translit.h): «Zhaparov», «Japarov» and «Dzhaparov» all give жапаров
 * and джапаров among their first spellings.
 *
 * Why not ICU.  ICU ships Russian-Latin/BGN with an inverse
 * (Latin-Russian/BGN) and Kirghiz-Latin/BGN without one.  The inverse
 * reads one system and gives one answer: Zhaparov -> Жапаров, but
 * Japarov -> «Jапаров» (j is not BGN), Jeenbekov -> «Jеенбеков»,
 * Zheenbekov -> Жеенбеков (not Жээнбеков), Mirziyoyev -> Мирзийоев,
 * Chui -> Чуи, Issyk-Kul -> Иссык-Кул (neither Ысык-Көл nor
 * Иссык-Куль).  Analysts write names the way passports, the
 * English-language press and the BGN tables spell them, mixed, so the
 * query side needs every plausible reading, ranked, not one.  ICU is not
 * used here.
 *
 * How.  The word is read as a lattice: at each position every rule whose
 * Latin letters match there (in its context: word start or end, after a
 * vowel or consonant, before a vowel) offers its Cyrillic alternatives,
 * each with a cost (0 the usual reading, 1-4 rarer ones).  A spelling is
 * a path through the lattice and costs the sum of its choices.  Kyrgyz
 * vowel harmony shifts a few costs: ө ү after a front vowel (е э и ө ү)
 * cost one less and after a back vowel (а о у ы я ю ё) one more; ы for
 * «i» the other way round.  The state of a path is therefore its
 * position and the class of the last vowel written.
 *
 * Enumeration: the cheapest cost from every state to the end is
 * computed backwards first; every spelling is then the cheapest path
 * with a few detours, a detour being a costlier choice at some state on
 * the cheapest continuation after the previous detour.  Candidates come
 * out of a heap in order of cost: each spelling taken adds its next
 * sibling detour and one "range" standing for all detours after its
 * own, which is split only when it reaches the top of the heap (the
 * k-shortest-paths scheme of Eppstein, with ranges instead of his shared
 * heaps).  The order is exact: the k-th spelling reported is a cheapest
 * one after the first k-1 (ties in rule order), which a brute-force
 * comparison over short words confirmed.
 *
 * Bounds: the heap, the candidates and the spellings already reported
 * live in one block sized from the word's length and `max` (13 KB for a
 * name and max 32, 134 KB for 64 letters and max 256, 212 KB for 128),
 * and at most
 * 2 * max + 32 spellings are taken from the heap, duplicates included
 * (about 3% are duplicates: «dzh» read whole or as d + zh), with at most
 * one range split per spelling, so neither memory nor time grow with the
 * number of paths, which is exponential in the length.
 *
 * The rules are below, in one table; they are this file's own reading of
 * the common systems: BGN/PCGN for Russian and Kyrgyz (zh kh ts ch sh
 * shch y yu ya ye ë), passports (ICAO 9303: zh kh ts ch sh shch y iu ia
 * ie), and the English-language press (j dzh dj for ж/дж, h for х,
 * -iev/-yev/-ev for -иев/-ев, -iy/-y/-ii/-i for -ий/-ый, o and u for ө
 * and ү, ng for ң, ee oo uu for Kyrgyz long vowels, doubled consonants
 * written single or double).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "izde.h"
#include "translit.h"

/* ---- the rules ------------------------------------------------------------ */

/* Where a rule's Latin letters stand; a rule applies when all its flags
 * hold.  Vowel letters: a e i o u ö ü ı ë ä; y and ĭ count as consonants
 * here (y before a vowel is a glide). */
enum {
    INIT = 1 << 0, /* first in the word (or after a hyphen) */
    NI = 1 << 1,   /* not first */
    FIN = 1 << 2,  /* last in the word (or before a hyphen) */
    NF = 1 << 3,   /* not last */
    AV = 1 << 4,   /* after a vowel */
    NAV = 1 << 5,  /* not after a vowel (first, or after a consonant or an apostrophe) */
    AC = 1 << 6,   /* after a consonant */
    BV = 1 << 7,   /* before a vowel */
    NBV = 1 << 8   /* not before a vowel: a consonant, an apostrophe, a hyphen or the end */
};

/* Harmony: an alternative favoured after front vowels (FR) or after back
 * ones (BK) costs one less there and one more after the other kind. */
enum { FR = 1, BK = -1 };

#define MAX_ALTS 5
typedef struct alt {
    const char *cyr;
    unsigned char cost;
    signed char harm;
} alt;
typedef struct rule {
    const char *lat; /* in the internal alphabet (read_word()) */
    unsigned short when;
    alt alts[MAX_ALTS];
} rule;

#define A(c, k) {c, k, 0}
#define F(c, k) {c, k, FR}
#define B(c, k) {c, k, BK}

/* Internal alphabet: a-z, O ö, U ü, G ğ, S ş, C ç, I ı, Y ĭ, E ë, N ñ ń,
 * A ä, ' an apostrophe, " ʺ, - a hyphen, digits.  Earlier rules win ties. */
static const rule RULES[] = {
    /* four and three letters */
    {"shch", 0, {A("щ", 0), A("шч", 3)}},
    {"sch", 0, {A("щ", 1), A("ш", 3)}},
    {"tsch", 0, {A("ч", 1)}},
    {"tch", 0, {A("ч", 1)}},
    {"dzh", 0, {A("дж", 0), A("ж", 1)}},
    /* consonant pairs */
    {"zh", 0, {A("ж", 0), A("дж", 2)}},
    {"kh", 0, {A("х", 0), A("к", 3)}},
    {"ch", 0, {A("ч", 0)}},
    {"sh", 0, {A("ш", 0)}},
    {"ts", 0, {A("ц", 0)}},
    {"tz", 0, {A("ц", 1)}},
    {"dj", 0, {A("дж", 0), A("ж", 1)}},
    {"gh", 0, {A("г", 1), A("ғ", 2)}},
    {"ph", 0, {A("ф", 1)}},
    {"th", 0, {A("т", 1)}},
    {"ck", 0, {A("к", 0)}},
    {"qu", 0, {A("кв", 1)}},
    {"ng", 0, {A("ң", 2), A("ңг", 2)}},
    {"g'", 0, {A("ғ", 1)}},
    {"o'", 0, {A("у", 1), F("ө", 2)}},
    /* y, i, j with a vowel: я ю ё е, and ь before them */
    {"ya", 0, {A("я", 0)}},
    {"ya", AC, {A("ья", 2)}},
    {"yu", 0, {A("ю", 0)}},
    {"yu", AC, {A("ью", 2)}},
    {"yo", 0, {A("ё", 0), A("йо", 1), A("е", 2)}},
    {"ye", 0, {A("е", 0)}},
    {"ye", INIT, {A("э", 2)}},
    {"ye", AC, {A("ье", 1)}},
    {"yi", AC | FIN, {A("ый", 1), A("ий", 2)}},
    {"yy", AC | FIN, {A("ий", 1), A("ый", 1)}},
    {"yy", NF, {A("ыы", 1)}},
    {"ky", FIN, {A("кий", 0), A("кой", 2)}},   /* -sky, -tsky: Russian adjectives */
    {"ny", FIN, {A("ный", 0), A("ной", 2)}},   /* Navalny, Grozny */
    {"ia", 0, {A("я", 1)}},
    {"ia", AC | FIN, {A("ия", 1)}},
    {"ia", AC, {A("ья", 2)}},
    {"iu", 0, {A("ю", 1)}},
    {"iu", AC, {A("ью", 2)}},
    {"ie", AC, {A("ье", 2)}},
    {"io", AC, {A("ё", 2)}},
    {"iy", FIN, {A("ий", 0), A("ый", 1)}},
    {"ii", FIN, {A("ий", 0)}},
    {"ja", 0, {A("я", 2)}},
    {"ju", 0, {A("ю", 2)}},
    {"jo", 0, {A("ё", 3), A("йо", 3)}},
    {"je", 0, {A("е", 2)}},
    {"ou", 0, {A("у", 3)}},
    /* long vowels (Kyrgyz) */
    {"aa", 0, {A("аа", 0), A("а", 2)}},
    {"ee", 0, {A("ээ", 0), A("е", 2), A("и", 3)}},
    {"oo", 0, {A("оо", 0), F("өө", 2), A("у", 3)}},
    {"uu", 0, {A("уу", 0), F("үү", 2)}},
    /* vowels */
    {"a", 0, {A("а", 0)}},
    {"e", INIT, {A("э", 0), A("е", 1)}},
    {"e", NI | AV, {A("е", 0), A("э", 1)}},
    {"e", NI | NAV, {A("е", 0), A("э", 2), F("ө", 3)}},
    {"i", AV | NBV, {A("й", 0), A("и", 1)}},
    {"i", AV | BV, {A("и", 0), A("й", 2)}},
    {"i", NAV | FIN, {A("и", 0), A("ий", 1), A("ый", 2), B("ы", 2)}},
    {"i", NAV | NF, {A("и", 0), B("ы", 2)}},
    {"o", 0, {A("о", 0), F("ө", 2)}},
    {"o", AC, {A("ё", 3)}},
    {"u", 0, {A("у", 0), F("ү", 2), F("ө", 3)}},
    {"y", BV, {A("й", 1), A("ы", 3)}},
    {"y", AV | NBV, {A("й", 0), A("ы", 2), A("и", 3)}},
    {"y", NAV | NBV | NF, {A("ы", 0), A("и", 3)}},
    {"y", NAV | FIN, {A("ы", 0), A("ий", 1), A("ый", 1), A("и", 3)}},
    /* consonants */
    {"b", 0, {A("б", 0)}},
    {"c", 0, {A("к", 0), A("ц", 1), A("с", 2)}},
    {"d", 0, {A("д", 0)}},
    {"f", 0, {A("ф", 0)}},
    {"g", 0, {A("г", 0), A("ғ", 3)}},
    {"h", 0, {A("х", 0), A("г", 2)}},
    {"j", 0, {A("ж", 0), A("дж", 1), A("й", 3)}},
    {"k", 0, {A("к", 0)}},
    {"l", 0, {A("л", 0)}},
    {"l", NBV, {A("ль", 2)}},
    {"m", 0, {A("м", 0)}},
    {"n", 0, {A("н", 0)}},
    {"n", NI, {F("ң", 3)}},
    {"p", 0, {A("п", 0)}},
    {"q", 0, {A("к", 0)}},
    {"r", 0, {A("р", 0)}},
    {"s", 0, {A("с", 0)}},
    {"t", 0, {A("т", 0)}},
    {"v", 0, {A("в", 0)}},
    {"w", 0, {A("в", 0), A("у", 1)}},
    {"x", 0, {A("кс", 0), A("х", 1)}},
    {"z", 0, {A("з", 0)}},
    /* a soft sign after a final consonant (Казань, Тюмень, Пермь, Русь) */
    {"n", FIN, {A("нь", 3)}},
    {"t", FIN, {A("ть", 3)}},
    {"r", FIN, {A("рь", 3)}},
    {"m", FIN, {A("мь", 3)}},
    {"s", FIN, {A("сь", 3)}},
    /* Turkic and diacritic letters */
    {"O", 0, {A("ө", 0), A("о", 1), A("ё", 2)}},
    {"U", 0, {A("ү", 0), A("у", 1), A("ю", 2)}},
    {"G", 0, {A("г", 0), A("ғ", 1), A("", 2)}},
    {"S", 0, {A("ш", 0)}},
    {"C", 0, {A("ч", 0)}},
    {"I", 0, {A("ы", 0), A("и", 2)}},
    {"Y", 0, {A("й", 0), A("и", 1)}},
    {"E", 0, {A("ё", 0), A("е", 1)}},
    {"N", 0, {A("ң", 0), A("н", 1)}},
    {"A", 0, {A("а", 0), A("э", 1), A("ә", 2)}},
    /* signs */
    {"'", AV, {A("", 0), A("ъ", 2)}},
    {"'", NAV, {A("ь", 0), A("", 1), A("ъ", 2)}},
    {"\"", 0, {A("ъ", 0), A("", 1)}},
    {"-", 0, {A("-", 0)}},
};
#define NRULES (sizeof RULES / sizeof RULES[0])

/* A spelling is never longer than 4 bytes per character read (кс for x,
 * ий for y, дж for j, ль for l). */
#define MAX_BYTES_PER_CHAR 4

static int is_vowel(int c)
{
    return c && strchr("aeiouOUIEA", c) != NULL;
}

static int is_letter(int c)
{
    return (c >= 'a' && c <= 'z') || (c && strchr("OUGSCIYENA", c) != NULL);
}

static int is_consonant(int c)
{
    return is_letter(c) && !is_vowel(c);
}

/* ---- reading the word ----------------------------------------------------- */

/* The internal letter for code point u, 0 for none. */
static int map_cp(uint32_t u)
{
    if (u >= 'a' && u <= 'z')
        return (int)u;
    if (u >= 'A' && u <= 'Z')
        return (int)(u - 'A' + 'a');
    if (u >= '0' && u <= '9')
        return (int)u;
    switch (u) {
    case 0xF6: case 0xD6: return 'O';                         /* ö */
    case 0xFC: case 0xDC: return 'U';                         /* ü */
    case 0x11F: case 0x11E: return 'G';                       /* ğ */
    case 0x15F: case 0x15E: case 0x219: case 0x218: return 'S'; /* ş ș */
    case 0xE7: case 0xC7: return 'C';                         /* ç */
    case 0x131: return 'I';                                   /* ı */
    case 0x130: return 'i';                                   /* İ */
    case 0x12D: case 0x12C: return 'Y';                       /* ĭ (BGN й) */
    case 0xEB: case 0xCB: return 'E';                         /* ë (BGN ё) */
    case 0xF1: case 0xD1: case 0x144: case 0x143: return 'N'; /* ñ ń */
    case 0xE4: case 0xC4: return 'A';                         /* ä */
    case 0xE9: case 0xC9: return 'e';                         /* é */
    case '\'': case '`': case 0x2019: case 0x2018: case 0x2BC: case 0x2BB: case 0x2B9:
        return '\'';
    case 0x2BA: return '"';                                   /* ʺ (BGN ъ) */
    case '-': case 0x2010: case 0x2011: return '-';
    }
    return 0;
}

/* A combining mark after letter c: the letter it makes, 0 for none. */
static int combine(int c, uint32_t mark)
{
    switch (mark) {
    case 0x308: return c == 'o' ? 'O' : c == 'u' ? 'U' : c == 'e' ? 'E' : c == 'a' ? 'A' : 0;
    case 0x306: return c == 'g' ? 'G' : c == 'i' ? 'Y' : 0;
    case 0x327: return c == 's' ? 'S' : c == 'c' ? 'C' : 0;
    case 0x301: return c == 'n' ? 'N' : c == 'e' ? 'e' : 0;
    case 0x303: return c == 'n' ? 'N' : 0;
    }
    return 0;
}

/* Decode one UTF-8 code point; 0 bytes for an invalid sequence. */
static size_t utf8_next(const unsigned char *s, size_t len, uint32_t *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (s[0] >= 0xC2 && s[0] <= 0xDF && len >= 2 && (s[1] & 0xC0) == 0x80) {
        *cp = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if (s[0] >= 0xE0 && s[0] <= 0xEF && len >= 3 && (s[1] & 0xC0) == 0x80 &&
        (s[2] & 0xC0) == 0x80) {
        uint32_t u = ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) |
                     (s[2] & 0x3F);
        if (u < 0x800 || (u >= 0xD800 && u <= 0xDFFF))
            return 0;
        *cp = u;
        return 3;
    }
    return 0; /* four-byte characters are never Latin letters */
}

/* The word in the internal alphabet; its length, or -IZDE_EINVAL. */
static int read_word(const char *word, size_t len, unsigned char *in)
{
    const unsigned char *s = (const unsigned char *)word;
    size_t i = 0, n = 0;
    int letters = 0;

    while (i < len) {
        uint32_t u;
        size_t k = utf8_next(s + i, len - i, &u);
        if (!k)
            return -IZDE_EINVAL;
        i += k;
        int c = map_cp(u);
        if (!c && n > 0 && (c = combine(in[n - 1], u)) != 0) {
            in[n - 1] = (unsigned char)c;
            continue;
        }
        if (!c || n >= IZDE_LATIN_MAX_CHARS)
            return -IZDE_EINVAL;
        in[n++] = (unsigned char)c;
        letters |= is_letter(c);
    }
    return letters ? (int)n : -IZDE_EINVAL;
}

/* ---- the lattice ---------------------------------------------------------- */

enum { S_NONE, S_BACK, S_FRONT, NSTATES };
#define V_RESET NSTATES /* an edge's vcls for a hyphen: the next part starts afresh */

typedef struct edge {
    const char *cyr;
    unsigned char cyrlen;
    unsigned char len;   /* Latin characters read */
    unsigned char cost;
    signed char harm;
    unsigned char vcls;  /* S_NONE (no vowel written), S_BACK, S_FRONT: the last vowel; V_RESET */
} edge;

#define MAX_EDGES_PER_POS 40

/* The class of the last vowel in a piece of Cyrillic. */
static unsigned char vowel_class(const char *cyr)
{
    const unsigned char *s = (const unsigned char *)cyr;
    unsigned char cls = S_NONE;
    for (size_t i = 0; s[i]; i++) {
        if (s[i] < 0xC0 || !s[i + 1])
            continue;
        uint32_t u = ((uint32_t)(s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F);
        switch (u) {
        case 0x430: case 0x43E: case 0x443: case 0x44B: case 0x44F: case 0x44E: case 0x451:
            cls = S_BACK; /* а о у ы я ю ё */
            break;
        case 0x435: case 0x44D: case 0x438: case 0x4E9: case 0x4AF: case 0x4D9:
            cls = S_FRONT; /* е э и ө ү ә */
            break;
        }
    }
    return cls;
}

/* The state after taking e in state s. */
static uint32_t next_state(const edge *e, uint32_t s)
{
    return e->vcls == V_RESET ? S_NONE : e->vcls != S_NONE ? e->vcls : s;
}

static int edge_cost(const edge *e, int state)
{
    int c = e->cost;
    if (e->harm && state == S_FRONT)
        c -= e->harm;
    else if (e->harm && state == S_BACK)
        c += e->harm;
    return c;
}

/* The contexts that hold for L characters at p. */
static unsigned contexts(const unsigned char *in, size_t n, size_t p, size_t L)
{
    int prev = p ? in[p - 1] : 0, next = p + L < n ? in[p + L] : 0;
    unsigned f = 0;
    f |= (prev == 0 || prev == '-') ? INIT : NI;
    f |= (next == 0 || next == '-') ? FIN : NF;
    f |= is_vowel(prev) ? AV : NAV;
    f |= is_consonant(prev) ? AC : 0;
    f |= is_vowel(next) ? BV : NBV;
    return f;
}

static const char *const DIGITS[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

static size_t add_edge(edge *out, size_t k, const char *cyr, size_t L, int cost, int harm)
{
    /* the second keeps the spelling buffers' bound whatever the table says */
    if (k >= MAX_EDGES_PER_POS || strlen(cyr) > MAX_BYTES_PER_CHAR * L)
        return k;
    out[k].cyr = cyr;
    out[k].cyrlen = (unsigned char)strlen(cyr);
    out[k].len = (unsigned char)L;
    out[k].cost = (unsigned char)cost;
    out[k].harm = (signed char)harm;
    out[k].vcls = strcmp(cyr, "-") == 0 ? V_RESET : vowel_class(cyr);
    return k + 1;
}

/* The edges that leave position p; how many. */
static size_t edges_at(const unsigned char *in, size_t n, size_t p, edge *out)
{
    size_t k = 0;
    int c = in[p];

    if (c >= '0' && c <= '9')
        return add_edge(out, k, DIGITS[c - '0'], 1, 0, 0);
    for (size_t r = 0; r < NRULES; r++) {
        const rule *ru = &RULES[r];
        if ((unsigned char)ru->lat[0] != c)
            continue;
        size_t L = strlen(ru->lat);
        if (p + L > n || memcmp(ru->lat, in + p, L) != 0)
            continue;
        if (ru->when & ~contexts(in, n, p, L))
            continue;
        for (int a = 0; a < MAX_ALTS && ru->alts[a].cyr; a++) {
            int cost = ru->alts[a].cost;
            if (L == 1 && p > 0) {
                /* the second of a doubled vowel read alone (е+е for ee):
                 * the pair rule reads it better */
                if (is_vowel(c) && in[p - 1] == c)
                    cost += 2;
                /* h read alone after c g k s z t p (кх, сх) */
                if (c == 'h' && strchr("cgksztp", in[p - 1]))
                    cost += 3;
            }
            k = add_edge(out, k, ru->alts[a].cyr, L, cost, ru->alts[a].harm);
        }
    }
    /* a doubled consonant written once: ss -> с */
    if (p + 1 < n && in[p + 1] == c && is_consonant(c) && c != 'y' && c != 'Y') {
        size_t singles = k;
        for (size_t e = 0; e < singles; e++)
            if (out[e].len == 1)
                k = add_edge(out, k, out[e].cyr, 2, out[e].cost + 1, out[e].harm);
    }
    return k;
}

/* ---- enumeration ---------------------------------------------------------- */

/*
 * A candidate is either a spelling, DETOUR: its parent's detours and one
 * more, choice `rank` at `node` (the root, candidate 0, has none: the
 * cheapest spelling), or a RANGE: all the spellings that add one
 * second-cheapest choice to its parent at some node of the parent's
 * cheapest continuation from `node` up to position `end`.  A range costs
 * its parent's cost plus the smallest extra cost found in it; popped,
 * it gives the detour at its first cheapest node and the two ranges on
 * either side.  So each spelling taken adds at most a sibling and one
 * range to the heap, not one candidate per letter, and the order stays
 * exact: no candidate costs less than the one it came from.
 */
enum { DETOUR, RANGE };

#define NONE UINT32_MAX
#define NO_SECOND UINT32_MAX

typedef struct cand {
    uint32_t parent;   /* DETOUR: the candidate whose detours come first; RANGE: the one extended */
    uint32_t cost;
    uint16_t node;     /* DETOUR: where the detour leaves; RANGE: the first node (position * NSTATES + state) */
    uint16_t end;      /* RANGE: the position it stops before */
    uint8_t rank;      /* DETOUR: which choice (1: the second cheapest, ...) */
    uint8_t kind;
} cand;

typedef struct work {
    const unsigned char *in;
    size_t n;
    edge *edges;       /* all positions' edges */
    uint32_t *eoff;    /* n + 1: first edge of each position */
    int *best;         /* (n + 1) * NSTATES: cheapest cost to the end */
    uint16_t *sorted;  /* per node, its position's edges, cheapest first (an index from eoff[p]) */
    int *total;        /* parallel to sorted: the cost to the end through that edge */
    uint32_t *soff;    /* n * NSTATES: first entry of each node in sorted/total */
    const edge **bedge; /* n * NSTATES: the cheapest choice */
    uint16_t *bnext;   /* n * NSTATES: the node it leads to */
    uint32_t *extra1;  /* n * NSTATES: what the second cheapest choice costs more (NO_SECOND: none) */
    uint32_t *sufmin;  /* n * NSTATES: the least extra1 from here to the end on the cheapest path */
    cand *cands;
    uint32_t ncands, capcands;
    int full;          /* a candidate did not fit: the search stops */
    uint32_t *heap;
    uint32_t nheap;
    char *out;         /* the spelling being written */
    char *store;       /* the spellings reported, one after another */
    size_t nstore;
    uint32_t *spoff;   /* each reported spelling's offset in store */
    uint32_t *splen;
    uint16_t *table;   /* open addressing over reported spellings (index + 1) */
    uint32_t tmask;
    uint32_t *detours; /* while writing: the detours of a candidate, last first */
} work;

static uint32_t node_pos(uint32_t node)
{
    return node / NSTATES;
}

static unsigned node_count(const work *w, uint32_t node)
{
    uint32_t p = node_pos(node);
    return w->eoff[p + 1] - w->eoff[p];
}

/* The edge taken at `node` with choice `rank`, and the node it leads to. */
static const edge *choice(const work *w, uint32_t node, unsigned rank, uint32_t *next)
{
    uint32_t p = node_pos(node), s = node % NSTATES;
    const edge *e = &w->edges[w->eoff[p] + w->sorted[w->soff[node] + rank]];
    *next = (p + e->len) * NSTATES + next_state(e, s);
    return e;
}

/* What choice `rank` at `node` costs more than the cheapest. */
static uint32_t extra(const work *w, uint32_t node, unsigned rank)
{
    return (uint32_t)(w->total[w->soff[node] + rank] - w->best[node]);
}

static void build_lattice(work *w)
{
    size_t n = w->n;
    uint32_t off = 0;
    for (size_t p = 0; p < n; p++) {
        w->eoff[p] = off;
        off += (uint32_t)edges_at(w->in, n, p, w->edges + off);
    }
    w->eoff[n] = off;

    for (size_t s = 0; s < NSTATES; s++)
        w->best[n * NSTATES + s] = 0;
    uint32_t so = 0;
    for (size_t p = n; p-- > 0;) {
        unsigned cnt = w->eoff[p + 1] - w->eoff[p];
        for (int s = 0; s < NSTATES; s++) {
            uint32_t node = (uint32_t)(p * NSTATES + s);
            uint16_t *srt = w->sorted + so;
            int *tot = w->total + so;
            w->soff[node] = so;
            so += cnt;
            /* insertion sort by cost to the end; ties keep the rule order */
            for (unsigned i = 0; i < cnt; i++) {
                const edge *e = &w->edges[w->eoff[p] + i];
                uint32_t ns = next_state(e, (uint32_t)s);
                int t = edge_cost(e, s) + w->best[(p + e->len) * NSTATES + ns];
                unsigned j = i;
                while (j > 0 && tot[j - 1] > t) {
                    tot[j] = tot[j - 1];
                    srt[j] = srt[j - 1];
                    j--;
                }
                tot[j] = t;
                srt[j] = (uint16_t)i;
            }
            w->best[node] = tot[0]; /* every position has an edge: each letter has a rule */
            uint32_t next;
            w->bedge[node] = choice(w, node, 0, &next);
            w->bnext[node] = (uint16_t)next;
            w->extra1[node] = cnt > 1 ? extra(w, node, 1) : NO_SECOND;
            uint32_t after = node_pos(next) < n ? w->sufmin[next] : NO_SECOND;
            w->sufmin[node] = w->extra1[node] < after ? w->extra1[node] : after;
        }
    }
}

/* Heap of candidates: cheapest first; of two that cost the same, a
 * spelling before a range (so a range popped is followed by its detour
 * before the next range: at most one range per spelling taken), then the
 * older first. */
static int cand_less(const work *w, uint32_t a, uint32_t b)
{
    const cand *x = &w->cands[a], *y = &w->cands[b];
    if (x->cost != y->cost)
        return x->cost < y->cost;
    if (x->kind != y->kind)
        return x->kind == DETOUR;
    return a < b;
}

static void push(work *w, cand c)
{
    if (w->ncands >= w->capcands) {
        w->full = 1;
        return;
    }
    uint32_t ci = w->ncands++;
    w->cands[ci] = c;
    uint32_t i = w->nheap++;
    while (i > 0) {
        uint32_t up = (i - 1) / 2;
        if (!cand_less(w, ci, w->heap[up]))
            break;
        w->heap[i] = w->heap[up];
        i = up;
    }
    w->heap[i] = ci;
}

static uint32_t pop(work *w)
{
    uint32_t top = w->heap[0], last = w->heap[--w->nheap], i = 0;
    for (;;) {
        uint32_t l = 2 * i + 1;
        if (l >= w->nheap)
            break;
        uint32_t ch = (l + 1 < w->nheap && cand_less(w, w->heap[l + 1], w->heap[l])) ? l + 1 : l;
        if (!cand_less(w, w->heap[ch], last))
            break;
        w->heap[i] = w->heap[ch];
        i = ch;
    }
    if (w->nheap)
        w->heap[i] = last;
    return top;
}

/* Push the range of c's continuation from `node` to position `end`, if
 * some node there has a second choice. */
static void push_range(work *w, uint32_t c, uint32_t node, uint32_t end)
{
    uint32_t least = NO_SECOND;
    if (end == w->n) {
        if (node_pos(node) < end)
            least = w->sufmin[node];
    } else {
        for (uint32_t x = node; node_pos(x) < end; x = w->bnext[x])
            if (w->extra1[x] < least)
                least = w->extra1[x];
    }
    if (least != NO_SECOND)
        push(w, (cand){c, w->cands[c].cost + least, (uint16_t)node, (uint16_t)end, 0, RANGE});
}

/* A range popped: its cheapest detour, and the ranges before and after it. */
static void split_range(work *w, uint32_t r)
{
    cand rc = w->cands[r];
    uint32_t want = rc.cost - w->cands[rc.parent].cost, x = rc.node;
    while (w->extra1[x] != want)
        x = w->bnext[x];
    push(w, (cand){rc.parent, rc.cost, (uint16_t)x, 0, 1, DETOUR});
    push_range(w, rc.parent, rc.node, node_pos(x));
    push_range(w, rc.parent, w->bnext[x], rc.end);
}

/* Write candidate c's spelling into w->out; its length. */
static size_t write_spelling(work *w, uint32_t c)
{
    size_t nd = 0, len = 0;
    for (uint32_t d = c; d != 0; d = w->cands[d].parent)
        w->detours[nd++] = d;
    uint32_t node = 0; /* position 0, no vowel yet */
    while (node_pos(node) < w->n) {
        const edge *e;
        if (nd > 0 && w->cands[w->detours[nd - 1]].node == node) {
            e = choice(w, node, w->cands[w->detours[--nd]].rank, &node);
        } else {
            e = w->bedge[node];
            node = w->bnext[node];
        }
        for (unsigned i = 0; i < e->cyrlen; i++)
            w->out[len++] = e->cyr[i];
    }
    w->out[len] = '\0';
    return len;
}

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* Record w->out unless it was reported already; 1 when it is new. */
static int remember(work *w, size_t len, uint32_t count)
{
    uint32_t i = hash_bytes(w->out, len) & w->tmask;
    while (w->table[i]) {
        uint32_t k = w->table[i] - 1u;
        if (w->splen[k] == len && memcmp(w->store + w->spoff[k], w->out, len) == 0)
            return 0;
        i = (i + 1) & w->tmask;
    }
    w->table[i] = (uint16_t)(count + 1);
    w->spoff[count] = (uint32_t)w->nstore;
    w->splen[count] = (uint32_t)len;
    memcpy(w->store + w->nstore, w->out, len);
    w->nstore += len;
    return 1;
}

int izde__latin_spellings(const char *word, size_t len, size_t max, izde_spelling_fn fn,
                          void *ctx)
{
    unsigned char in[IZDE_LATIN_MAX_CHARS];
    if (!word && len)
        return -IZDE_EINVAL;
    int r = read_word(word, len, in);
    if (r < 0)
        return r;
    if (max == 0)
        return 0;
    if (max > IZDE_LATIN_MAX_SPELLINGS)
        max = IZDE_LATIN_MAX_SPELLINGS;

    size_t n = (size_t)r;
    size_t takes = 2 * max + 32;   /* spellings taken from the heap, duplicates included */
    /* a spelling taken adds a sibling and a range, a range popped adds
     * a spelling and two ranges, and ranges are popped at most once per
     * spelling taken (cand_less()): 5 * takes + 4 candidates at most */
    size_t capcands = 5 * takes + 8;
    size_t maxout = MAX_BYTES_PER_CHAR * n;
    size_t tsize = 1;
    while (tsize < 2 * max)
        tsize <<= 1;
    size_t nedges = 0;
    edge scratch[MAX_EDGES_PER_POS];
    for (size_t p = 0; p < n; p++)
        nedges += edges_at(in, n, p, scratch);

    /* one block: each part rounded to 8 bytes */
#define PART(count, type) ((((count) * sizeof(type)) + 7) & ~(size_t)7)
    size_t sz = PART(nedges, edge) + PART(n + 1, uint32_t) + PART((n + 1) * NSTATES, int) +
                PART(nedges * NSTATES, uint16_t) + PART(nedges * NSTATES, int) +
                PART(n * NSTATES, uint32_t) + PART(n * NSTATES, const edge *) +
                PART(n * NSTATES, uint16_t) +
                2 * PART(n * NSTATES, uint32_t) + PART(capcands, cand) + PART(capcands, uint32_t) +
                PART(maxout + 1, char) + PART(max * maxout, char) + 2 * PART(max, uint32_t) +
                PART(tsize, uint16_t) + PART(n + 1, uint32_t);
    char *block = malloc(sz);
    if (!block)
        return -IZDE_ENOMEM;
    char *at = block;
    work w = {0};
#define TAKE(field, count, type)                                                                  \
    do {                                                                                          \
        w.field = (type *)(void *)at;                                                             \
        at += PART(count, type);                                                                  \
    } while (0)
    w.in = in;
    w.n = n;
    TAKE(edges, nedges, edge);
    TAKE(eoff, n + 1, uint32_t);
    TAKE(best, (n + 1) * NSTATES, int);
    TAKE(sorted, nedges * NSTATES, uint16_t);
    TAKE(total, nedges * NSTATES, int);
    TAKE(soff, n * NSTATES, uint32_t);
    TAKE(bedge, n * NSTATES, const edge *);
    TAKE(bnext, n * NSTATES, uint16_t);
    TAKE(extra1, n * NSTATES, uint32_t);
    TAKE(sufmin, n * NSTATES, uint32_t);
    TAKE(cands, capcands, cand);
    TAKE(heap, capcands, uint32_t);
    TAKE(out, maxout + 1, char);
    TAKE(store, max * maxout, char);
    TAKE(spoff, max, uint32_t);
    TAKE(splen, max, uint32_t);
    TAKE(table, tsize, uint16_t);
    TAKE(detours, n + 1, uint32_t);
#undef TAKE
#undef PART
    memset(w.table, 0, tsize * sizeof *w.table);
    w.tmask = (uint32_t)tsize - 1;
    w.capcands = (uint32_t)capcands;

    build_lattice(&w);

    /* candidate 0: the cheapest spelling, no detour */
    w.cands[0] = (cand){NONE, (uint32_t)w.best[0], 0, 0, 0, DETOUR};
    w.ncands = 1;
    w.heap[0] = 0;
    w.nheap = 1;

    size_t count = 0, taken = 0;
    while (w.nheap > 0 && count < max && taken < takes && !w.full) {
        uint32_t c = pop(&w);
        if (w.cands[c].kind == RANGE) {
            split_range(&w, c);
            continue;
        }
        taken++;
        size_t slen = write_spelling(&w, c);
        if (remember(&w, slen, (uint32_t)count)) {
            count++;
            if (fn && fn(ctx, w.out, slen) != 0)
                break;
        }
        uint32_t head = 0;
        if (c != 0) {
            /* the next choice at this candidate's own detour */
            cand cd = w.cands[c];
            if (cd.rank + 1u < node_count(&w, cd.node))
                push(&w, (cand){cd.parent,
                                w.cands[cd.parent].cost + extra(&w, cd.node, cd.rank + 1u),
                                cd.node, 0, (uint8_t)(cd.rank + 1u), DETOUR});
            choice(&w, cd.node, cd.rank, &head);
        }
        /* one more detour anywhere after it */
        push_range(&w, c, head, (uint32_t)n);
    }
    free(block);
    return (int)count;
}
