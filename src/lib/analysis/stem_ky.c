/*
 * stem_ky.c - izde's Kyrgyz (Cyrillic) stemmer (stem_ky.h).
 *
 * A right-to-left suffix stripper in the style of Snowball's Turkish
 * stemmer, as specified in ../shared/KYRGYZ-STEMMER.md (the § numbers
 * below are that document's).  A word is decoded into a fixed buffer of
 * at most KY_MAX code points, lower-cased and normalised (§3.2), then:
 *
 *   acronyms; digit/acronym/Latin heads with a suffix tail   (§3.2 rules 2-4)
 *   Step 1  finite verb endings, then negation              step1_verb_endings
 *   Step 2  noun chain CASE <- PX <- PL, up to 3 passes      step2_noun_chain
 *   Step 3  participles, verbal nouns, converbs              step3_verb_forms
 *   Step 4  postlude: final vowel, ь, г/б -> к/п             step4_postlude
 *
 * Suffixes are written with archiphonemes (ASCII capitals inside the
 * U"..." literals): A = а е о ө, I = ы и у ү, U = у ү (vowels, chosen by
 * vowel harmony), D = д т, G = г к, B = б п, N = н д т, L = л д т
 * (consonants, chosen by the letter before them) and M = л д т as in
 * -лык (like L, but д also after р).  A suffix is removed only if every
 * such letter is the variant the preceding letter calls for (§3.1 guards
 * 2-3) and the remainder is a plausible stem (guard 1).  The suffixes of
 * a table are tried in order and the first that matches and passes its
 * guards wins (Snowball's `among`); each instance indexes every table by
 * final letter, so a word is only compared with the suffixes that can
 * end it.
 *
 * Nothing is allocated per word: an instance owns its buffers (the output
 * buffer grows only for words longer than KY_MAX), so one instance per
 * thread.  The word tables (exceptions, protected words...) live in
 * stem_ky_tables.h.
 */
#include "stem_ky.h"
#include "stem_ky_tables.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uchar.h>

#define KY_MAX 64            /* longest word stemmed, in code points */
#define KY_ROOM 16           /* extra room for rewrites that lengthen */
#define KY_WORD_MAX 24       /* longest word-table entry, in code points */
#define KY_HASH_SLOTS 512    /* word-table hash slots (a power of two) */
#define KY_BLOOM_BITS 4096   /* word-table pre-filter bits (a power of two) */
#define KY_LETTERS 36        /* letter_bit() values: 35 letters + "other" */
#define KY_TABLE_MAX 128     /* most suffixes in one table */
#define KY_OUT_MIN ((KY_MAX + KY_ROOM) * 4 + 1) /* output bytes for any
                                                 * word of <= KY_MAX */

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define ctz64(m) __builtin_ctzll(m)
#else
static int ctz64(uint64_t m)
{
    int i = 0;

    while (!(m & 1)) {
        m >>= 1;
        i++;
    }
    return i;
}
#endif

/* ------------------------------------------------------------------------ */
/* Letters                                                                  */

/* Properties of the letters U+0430-U+04FF (index c - 0x430). */
enum { F_VOWEL = 1, F_VOICELESS = 2 };
#define CYR(c) [(c) - 0x430]
static const unsigned char cyr_props[0xD0] = {
    CYR(U'а') = F_VOWEL, CYR(U'е') = F_VOWEL, CYR(U'ё') = F_VOWEL,
    CYR(U'и') = F_VOWEL, CYR(U'о') = F_VOWEL, CYR(U'ө') = F_VOWEL,
    CYR(U'у') = F_VOWEL, CYR(U'ү') = F_VOWEL, CYR(U'ы') = F_VOWEL,
    CYR(U'э') = F_VOWEL, CYR(U'ю') = F_VOWEL, CYR(U'я') = F_VOWEL,
    /* voiceless consonants: D G B N L take т/к/п after these */
    CYR(U'п') = F_VOICELESS, CYR(U'ф') = F_VOICELESS, CYR(U'к') = F_VOICELESS,
    CYR(U'т') = F_VOICELESS, CYR(U'с') = F_VOICELESS, CYR(U'ш') = F_VOICELESS,
    CYR(U'щ') = F_VOICELESS, CYR(U'ч') = F_VOICELESS, CYR(U'ц') = F_VOICELESS,
    CYR(U'х') = F_VOICELESS,
};

static int cyr_has(char32_t c, unsigned prop)
{
    return c - 0x430 < 0xD0 && (cyr_props[c - 0x430] & prop);
}

static int is_vowel(char32_t c)
{
    return cyr_has(c, F_VOWEL);
}

static int is_voiceless(char32_t c)
{
    return cyr_has(c, F_VOICELESS);
}

/* A lower-case letter of the Cyrillic blocks (the only letters stemmed). */
static int is_cyr_lower(char32_t c)
{
    return (c >= 0x430 && c <= 0x45F) || (c >= 0x460 && c <= 0x52F && (c & 1));
}

static int is_latin_lower(char32_t c)
{
    return c >= 'a' && c <= 'z';
}

static int is_digit(char32_t c)
{
    return c >= '0' && c <= '9';
}

/* Any letter (of a lower-cased word), for the acronym test. */
static int is_letter(char32_t c)
{
    return is_latin_lower(c) || (c >= 0xDF && c <= 0x24F && c != 0xF7)
        || (c >= 0x370 && c <= 0x3FF) || (c >= 0x400 && c <= 0x52F);
}

static int is_hyphen(char32_t c)
{
    return c == '-' || c == 0x2010 || c == 0x2011;
}

/* Simple lower-case mapping of the scripts a Kyrgyz/Russian news word can
 * contain: ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic.  Never
 * makes the UTF-8 longer (only U+0130, 2 bytes -> 'i', shrinks it). */
static char32_t to_lower(char32_t c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0x430 && c <= 0x45F)
        return c;
    if (c >= 0x410 && c <= 0x42F)
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F)
        return c + 0x50;
    if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF)
        || (c >= 0x4D0 && c <= 0x52F))
        return (c & 1) ? c : c + 1;
    if (c == 0x4C0)
        return 0x4CF;
    if (c >= 0x4C1 && c <= 0x4CE)
        return (c & 1) ? c + 1 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 0x20;
    if (c == 0x130)
        return 'i';
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
        return (c & 1) ? c : c + 1;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return (c & 1) ? c + 1 : c;
    if (c == 0x178)
        return 0xFF;
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
        return c + 0x20;
    if (c == 0x386)
        return 0x3AC;
    if (c >= 0x388 && c <= 0x38A)
        return c + 37;
    if (c == 0x38C)
        return 0x3CC;
    if (c == 0x38E || c == 0x38F)
        return c + 63;
    return c;
}

/* §3.2 rule 1: look-alike letters of older Kyrgyz fonts (lower case). */
static char32_t normalise(char32_t c)
{
    switch (c) {
    case 0x4CA: case 0x4A5: case 0x4C8: return U'ң'; /* ӊ ҥ ӈ */
    case 0x473: case 0x4E7: return U'ө';             /* ѳ ӧ */
    case 0x4F1: case 0x4B1: return U'ү';             /* ӱ ұ */
    default: return c;
    }
}

/* §3.2 rule 5: the Cyrillic letter a Latin one looks like, or 0. */
static char32_t latin_lookalike(char32_t c)
{
    switch (c) {
    case 'a': return U'а';
    case 'c': return U'с';
    case 'e': return U'е';
    case 'o': return U'о';
    case 'p': return U'р';
    case 'x': return U'х';
    case 'y': return U'у';
    case 'k': return U'к';
    default: return 0;
    }
}

/* Letters as bit numbers for the archiphoneme sets and the suffix index:
 * а..я -> 0..31, ө -> 32, ү -> 33, ң -> 34, anything else -> 35 (in no
 * set). */
#define LETTER_BIT(c) ((c) >= 0x430 && (c) <= 0x44F ? (unsigned)((c) - 0x430) \
                       : (c) == U'ө' ? 32u : (c) == U'ү' ? 33u : (c) == U'ң' ? 34u : 35u)
#define LB(c) ((uint64_t)1 << LETTER_BIT(c))

static unsigned letter_bit(char32_t c)
{
    return LETTER_BIT(c);
}

/* The letters of each archiphoneme (§3.1), as letter_bit() sets. */
static const uint64_t class_set[128] = {
    ['A'] = LB(U'а') | LB(U'е') | LB(U'о') | LB(U'ө'),
    ['I'] = LB(U'ы') | LB(U'и') | LB(U'у') | LB(U'ү'),
    ['U'] = LB(U'у') | LB(U'ү'),
    ['D'] = LB(U'д') | LB(U'т'),
    ['G'] = LB(U'г') | LB(U'к'),
    ['B'] = LB(U'б') | LB(U'п'),
    ['N'] = LB(U'н') | LB(U'д') | LB(U'т'),
    ['L'] = LB(U'л') | LB(U'д') | LB(U'т'),
    ['M'] = LB(U'л') | LB(U'д') | LB(U'т'),
};

/* Does letter c belong to pattern element p (archiphoneme or letter)? */
static int class_has(char32_t p, char32_t c)
{
    if (p < 128)
        return (int)((class_set[p] >> letter_bit(c)) & 1);
    return c == p;
}

/* The vowel that harmony gives archiphoneme p after vowel pv (§2). */
static char32_t harmonic(char32_t p, char32_t pv)
{
    int front = 0, round = 0, o = 0;

    switch (pv) {
    case U'а': case U'ы': case U'я': break;
    case U'у': case U'ю': round = 1; break;
    case U'о': case U'ё': round = 1; o = 1; break;
    case U'е': case U'и': case U'э': front = 1; break;
    case U'ө': case U'ү': front = 1; round = 1; o = 1; break;
    default: return 0;
    }
    if (p == 'U')
        return front ? U'ү' : U'у';
    if (p == 'I')
        return front ? (round ? U'ү' : U'и') : (round ? U'у' : U'ы');
    /* A: а е о ө; after у/ю it is а (§2) */
    return front ? (o ? U'ө' : U'е') : (o ? U'о' : U'а');
}

/* Is consonant c the variant of archiphoneme p that follows letter prev
 * (§2 "consonant alternation")? */
static int consonant_agrees(char32_t p, char32_t prev, char32_t c)
{
    int vow = is_vowel(prev), hard = is_voiceless(prev);

    switch (p) {
    case 'D': return c == (vow || !hard ? U'д' : U'т');
    case 'G': return c == (vow || !hard ? U'г' : U'к');
    case 'B': return c == (vow || !hard ? U'б' : U'п');
    case 'N': return c == (vow ? U'н' : hard ? U'т' : U'д');
    case 'L':
        if (vow || prev == U'р' || prev == U'й')
            return c == U'л';
        return c == (hard ? U'т' : U'д');
    case 'M':   /* -лык: л after a vowel or й, л or д after р */
        if (vow || prev == U'й')
            return c == U'л';
        if (prev == U'р')
            return c == U'л' || c == U'д';
        return c == (hard ? U'т' : U'д');
    default:
        return 1;
    }
}

/* Last vowel of w[0..n), or 0. */
static char32_t last_vowel(const char32_t *w, int n)
{
    while (n > 0)
        if (is_vowel(w[--n]))
            return w[n];
    return 0;
}

/* Guard 1: X = w[0..n) keeps 2 letters and a vowel and is not CV. */
static int stem_ok(const char32_t *w, int n)
{
    if (n < 2 || !last_vowel(w, n))
        return 0;
    return !(n == 2 && !is_vowel(w[0]) && is_vowel(w[1]));
}

/* Does X = w[0..x) end in a consonant (not a vowel, ь or ъ)? */
static int ends_consonant(const char32_t *w, int x)
{
    return x > 0 && !is_vowel(w[x - 1]) && w[x - 1] != U'ь' && w[x - 1] != U'ъ';
}

/* ------------------------------------------------------------------------ */
/* Suffix tables (§3.3)                                                     */

/* Conditions on the remainder X, beyond the guards every suffix has. */
enum {
    C_VOW = 1,      /* X ends in a vowel */
    C_CONS = 2,     /* X ends in a consonant */
    C_X3 = 4,       /* X has at least 3 letters */
    C_PX3 = 8,      /* X ends in ы/и/у/ү/ю (a px3) and has 3+ letters */
    C_W5 = 16,      /* the whole word has at least 5 letters */
    C_W4 = 32,      /* the whole word has at least 4 letters */
    C_UNRND = 64,   /* X ends in a consonant, or its last vowel is unrounded */
    C_SFINAL = 128, /* not if X + the suffix's first letter is an S_FINAL noun */
    C_CLUSTER = 256 /* not if X + the suffix's first letter is CLUSTER_FINAL */
};

/* One suffix of a table. */
struct ky_suffix {
    const char32_t *pat;  /* letters and archiphonemes, left to right */
    unsigned char len;    /* code points in pat */
    unsigned short cond;  /* C_* bits */
};

#define SFX(lit, cond) { lit, (unsigned char)(sizeof(lit) / sizeof(char32_t) - 1), cond }

/* Step 1, row 0: the question clitic -бы/-пы. */
static const struct ky_suffix clitic[] = {
    SFX(U"BI", C_CONS),
};

/* Step 1, rows a-g: finite verb endings, never noun material. */
static const struct ky_suffix verb_endings[] = {
    /* a: aorist 3rd person after a vowel (сактайт) */
    SFX(U"йт", C_VOW | C_W5),
    /* b: past tense, 1st/2nd person (келдим, келдиңиз) */
    SFX(U"DIңIздAр", 0), SFX(U"DIңIз", 0), SFX(U"DIңAр", 0),
    SFX(U"DIм", 0), SFX(U"DIң", 0),
    /* c: participle/habitual/progressive + person (айдаганбыз) */
    SFX(U"UUдAсIздAр", 0), SFX(U"UUдAсIңAр", 0), SFX(U"UUдAмIн", 0),
    SFX(U"UUдAсIң", 0), SFX(U"UUдAсIз", 0), SFX(U"UUдAбIз", 0),
    SFX(U"GAнсIздAр", 0), SFX(U"GAнсIңAр", 0), SFX(U"GAнмIн", 0),
    SFX(U"GAнсIң", 0), SFX(U"GAнсIз", 0), SFX(U"GAнбIз", 0),
    SFX(U"чUсIздAр", 0), SFX(U"чUсIңAр", 0), SFX(U"чUмIн", 0),
    SFX(U"чUсIң", 0), SFX(U"чUсIз", 0), SFX(U"чUбIз", 0),
    SFX(U"чUмUн", 0), SFX(U"чUсUң", 0), SFX(U"чUсUз", 0),
    SFX(U"чUбUз", 0), SFX(U"чUңAр", 0),
    /* c': present/future + person after a vowel (сактаймын) */
    SFX(U"йсIздAр", C_VOW), SFX(U"йсIңAр", C_VOW), SFX(U"ймIн", C_VOW),
    SFX(U"йсIң", C_VOW), SFX(U"йсIз", C_VOW), SFX(U"йбIз", C_VOW),
    SFX(U"рсIздAр", C_VOW), SFX(U"рсIңAр", C_VOW), SFX(U"рмIн", C_VOW),
    SFX(U"рсIң", C_VOW), SFX(U"рсIз", C_VOW), SFX(U"рбIз", C_VOW),
    SFX(U"шчU", C_VOW), SFX(U"шAр", C_VOW),
    /* c'': the same after a consonant (келербиз, барасың) */
    SFX(U"AрсIздAр", C_CONS | C_X3), SFX(U"AрсIңAр", C_CONS | C_X3),
    SFX(U"AрмIн", C_CONS | C_X3), SFX(U"AрсIң", C_CONS | C_X3),
    SFX(U"AрсIз", C_CONS | C_X3), SFX(U"AрбIз", C_CONS | C_X3),
    SFX(U"AсIңAр", C_CONS | C_X3), SFX(U"AсIң", C_CONS | C_X3),
    SFX(U"AсIз", C_CONS | C_X3), SFX(U"AбIз", C_CONS | C_X3),
    SFX(U"IшчU", C_CONS | C_X3), SFX(U"IшAр", C_CONS | C_X3),
    /* d: reciprocal + tense (айтышты) */
    SFX(U"IшкAн", C_CONS), SFX(U"IшAт", C_CONS), SFX(U"IштI", C_CONS),
    SFX(U"IшIп", C_CONS),
    SFX(U"шкAн", C_VOW), SFX(U"шAт", C_VOW), SFX(U"штI", C_VOW),
    SFX(U"шIп", C_VOW),
    /* e: conditional (болсо) */
    SFX(U"сAңAр", C_X3), SFX(U"сAңIз", C_X3), SFX(U"сAм", C_X3),
    SFX(U"сAң", C_X3), SFX(U"сAк", C_X3), SFX(U"сA", C_X3),
    /* f: past after a vowel, where acc/px3 would be -ны/-сы (сактады) */
    SFX(U"DI", C_VOW),
    /* g: habitual past (келчү, болчу).  The spec's -UUчU (алуучу) is left
     * to Step 2: those are agent nouns (колдонуучу "user"), and their
     * plurals (колдонуучулар) never reach Step 1. */
    SFX(U"чU", C_UNRND),
};

/* With IZDE_KY_AORIST: the bare aorist -ат/-ет/-от/-өт after a consonant
 * (келет, болот -> кел, бол), tried after the rows above (§3.4: it also
 * cuts мамлекет -> мамлек, so it is off by default). */
static const struct ky_suffix aorist[] = {
    SFX(U"Aт", C_CONS),
};

/* Negation -ба/-бе/-бо/-бө (-па...), stripped once after Steps 1 and 3. */
static const struct ky_suffix negation[] = {
    SFX(U"BA", 0),
};

/* Step 2 pre-rule: participle + px3 + acc (айткан-ы-н), not -га + gen, and
 * participle + px3 (айткан-ы), not *айтка + acc -ны.  Only the last one or
 * two letters are cut; Step 3 then takes the participle. */
static const struct ky_suffix participle_px3[] = {
    SFX(U"GAнIн", 0), SFX(U"GAнI", 0),
};

/* Step 2 CASE: pronominal -н- after a px3, then the plain cases, then the
 * accusative -н after a px3 (долбоор-у-н).  An ending in N is left on a
 * CLUSTER_FINAL noun (фонд-у, not *фон-ду). */
static const struct ky_suffix case_after_px3[] = {
    SFX(U"ндAгI", C_PX3), SFX(U"нAн", C_PX3), SFX(U"ндA", C_PX3), SFX(U"нA", C_PX3),
};
static const struct ky_suffix case_plain[] = {
    SFX(U"DAгI", 0), SFX(U"NIкI", C_CLUSTER), SFX(U"NIн", C_CLUSTER),
    SFX(U"DAн", 0), SFX(U"DA", 0), SFX(U"GA", 0), SFX(U"NI", C_CLUSTER),
};
static const struct ky_suffix case_acc_n[] = {
    SFX(U"н", C_PX3 | C_W4),
};

/* Step 2 PX: possessives (1pl, 2nd person, 3rd person), after a vowel or
 * after a consonant, longest first (мамлекеттер-ибиз, not *-и-биз).
 * -сы after a vowel is not taken from an S_FINAL noun (облус-у, not
 * *облу-су). */
static const struct ky_suffix possessive[] = {
    SFX(U"IңIздAр", C_CONS), SFX(U"ңIздAр", C_VOW),
    SFX(U"IбIз", C_CONS), SFX(U"IңIз", C_CONS), SFX(U"IңAр", C_CONS),
    SFX(U"бIз", C_VOW), SFX(U"ңIз", C_VOW), SFX(U"ңAр", C_VOW),
    SFX(U"сI", C_VOW | C_SFINAL), SFX(U"I", C_CONS),
};

/* Step 2 PL and, with IZDE_KY_DERIV, -лык. */
static const struct ky_suffix plural[] = {
    SFX(U"LAр", 0),
};
static const struct ky_suffix derivation[] = {
    SFX(U"MIк", 0), SFX(U"MIг", 0),   /* -лык, and -лыг- before a px3 */
};

/* Step 2.6: -дагы / -ныкы let the chain start again. */
static const struct ky_suffix chain_again[] = {
    SFX(U"ндAгI", C_PX3), SFX(U"DAгI", 0), SFX(U"NIкI", 0),
};

/* Step 3: participles (then negation; -гандык is the participle made a
 * noun, келгендиги), verbal nouns, converbs. */
static const struct ky_suffix participles[] = {
    SFX(U"GAндIк", 0), SFX(U"GAндIг", 0),
    SFX(U"мAкчI", 0), SFX(U"GIчA", 0), SFX(U"GAн", 0),
};
static const struct ky_suffix verbal_noun[] = {
    SFX(U"UU", C_CONS),
};
static const struct ky_suffix converb[] = {
    SFX(U"Iп", C_CONS),
};

/* The tables, by number, so that an instance can index them. */
enum {
    T_CLITIC, T_VERB, T_AORIST, T_NEG, T_CASE_PX3, T_CASE, T_ACC_N,
    T_POSSESSIVE, T_PLURAL, T_DERIV, T_AGAIN, T_PARTICIPLE,
    T_VERBAL_NOUN, T_CONVERB, T_COUNT
};

static const struct {
    const struct ky_suffix *sfx; /* the suffixes, in priority order */
    size_t count;                /* how many */
} ky_tables[T_COUNT] = {
    [T_CLITIC] = { clitic, COUNT(clitic) },
    [T_VERB] = { verb_endings, COUNT(verb_endings) },
    [T_AORIST] = { aorist, COUNT(aorist) },
    [T_NEG] = { negation, COUNT(negation) },
    [T_CASE_PX3] = { case_after_px3, COUNT(case_after_px3) },
    [T_CASE] = { case_plain, COUNT(case_plain) },
    [T_ACC_N] = { case_acc_n, COUNT(case_acc_n) },
    [T_POSSESSIVE] = { possessive, COUNT(possessive) },
    [T_PLURAL] = { plural, COUNT(plural) },
    [T_DERIV] = { derivation, COUNT(derivation) },
    [T_AGAIN] = { chain_again, COUNT(chain_again) },
    [T_PARTICIPLE] = { participles, COUNT(participles) },
    [T_VERBAL_NOUN] = { verbal_noun, COUNT(verbal_noun) },
    [T_CONVERB] = { converb, COUNT(converb) },
};

_Static_assert(COUNT(verb_endings) <= KY_TABLE_MAX, "verb_endings too long for the index");

/* ------------------------------------------------------------------------ */
/* The stemmer                                                              */

/* Kinds of word-table entries (bits of ky_slot.kinds). */
enum {
    KY_EXCEPTION = 1, /* ky_exceptions: not stemmed */
    KY_PROTECT = 2,   /* ky_protect: never shortened */
    KY_S_FINAL = 4,   /* ky_s_final: px3 after -с is a bare vowel */
    KY_IRREG = 8,     /* ky_irreg_stem: rewritten final stem */
    KY_CLUSTER = 16   /* ky_cluster_final: px3 after the cluster is a vowel */
};

/* One slot of the word-table hash. */
struct ky_slot {
    const char32_t *word; /* the word (a static table string), NULL if free */
    unsigned char len;    /* its length in code points */
    unsigned char kinds;  /* KY_* bits */
    unsigned char irreg;  /* index into ky_irreg_stem, with KY_IRREG */
};

/* What the decoder saw in a word (bits of the `seen` argument). */
enum {
    SEEN_UPPER = 1,   /* a capital letter */
    SEEN_LATIN = 2,   /* a Latin letter */
    SEEN_DIGIT = 4    /* an ASCII digit */
};

struct izde_ky_stemmer {
    unsigned flags;                 /* IZDE_KY_* options */
    int n;                          /* code points in w */
    int stop;                       /* w is a PROTECT word: strip no more */
    char32_t w[KY_MAX + KY_ROOM];   /* the segment being stemmed, lower case */
    char32_t lc[KY_MAX];            /* the whole word, lower-cased, normalised */
    unsigned char up[KY_MAX];       /* 1 where the input had a capital */
    char *out;                      /* the stem returned (NUL-terminated) */
    size_t out_cap;                 /* bytes allocated in out */
    size_t out_len;                 /* bytes of the last stem, without NUL */
    /* suffixes of table t whose last element admits letter_bit b:
     * bit i of index[t][b][i / 64] is suffix i */
    uint64_t index[T_COUNT][KY_LETTERS][KY_TABLE_MAX / 64];
    uint64_t bloom[KY_BLOOM_BITS / 64]; /* pre-filter of the word tables */
    struct ky_slot slots[KY_HASH_SLOTS]; /* the word tables, hashed */
};

/* ------------------------------------------------------------------------ */
/* Word tables                                                              */

static unsigned hash_cps(const char32_t *w, int n)
{
    unsigned h = 2166136261u;
    int i;

    for (i = 0; i < n; i++)
        h = (h ^ (unsigned)w[i]) * 16777619u;
    return h;
}

/* A cheap key for the bloom pre-filter: length, first and last letters. */
static unsigned bloom_bit(const char32_t *w, int n)
{
    unsigned h = (unsigned)n * 0x9E3779B1u ^ (unsigned)w[0] * 0x85EBCA6Bu
        ^ (unsigned)w[n - 1] * 0xC2B2AE35u;
    return (h >> 12) & (KY_BLOOM_BITS - 1);
}

static int cps_len(const char32_t *w)
{
    int n = 0;

    while (w[n])
        n++;
    return n;
}

/* Do a[0..n) and b[0..n) hold the same letters? */
static int same_cps(const char32_t *a, const char32_t *b, int n)
{
    int i;

    for (i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

/* The slot holding w[0..n), or the free slot where it would go. */
static struct ky_slot *slot_find(struct ky_slot *slots, const char32_t *w, int n)
{
    unsigned i = hash_cps(w, n) & (KY_HASH_SLOTS - 1);

    while (slots[i].word && (slots[i].len != n || !same_cps(slots[i].word, w, n)))
        i = (i + 1) & (KY_HASH_SLOTS - 1);
    return &slots[i];
}

static void slot_add(izde_ky_stemmer *s, const char32_t *word, unsigned kind, unsigned irreg)
{
    int n = cps_len(word);
    struct ky_slot *sl;
    unsigned b;

    if (n < 1 || n > KY_WORD_MAX)
        return;
    sl = slot_find(s->slots, word, n);
    sl->word = word;
    sl->len = (unsigned char)n;
    sl->kinds |= (unsigned char)kind;
    if (kind == KY_IRREG)
        sl->irreg = (unsigned char)irreg;
    b = bloom_bit(word, n);
    s->bloom[b / 64] |= (uint64_t)1 << (b % 64);
}

/* The slot of w[0..n) if it is in a word table, else NULL. */
static const struct ky_slot *lookup_slot(izde_ky_stemmer *s, const char32_t *w, int n)
{
    const struct ky_slot *sl;
    unsigned b;

    if (n < 1 || n > KY_WORD_MAX)
        return NULL;
    b = bloom_bit(w, n);
    if (!((s->bloom[b / 64] >> (b % 64)) & 1))
        return NULL;
    sl = slot_find(s->slots, w, n);
    return sl->word ? sl : NULL;
}

/* KY_* bits of w[0..n) (0 if in no table). */
static unsigned lookup(izde_ky_stemmer *s, const char32_t *w, int n)
{
    const struct ky_slot *sl = lookup_slot(s, w, n);

    return sl ? sl->kinds : 0;
}

/* ------------------------------------------------------------------------ */
/* Matching and stripping                                                   */

/* Does w[0..n) end with suffix sf, under all its guards?  Returns the
 * length of the remainder X, or -1. */
static int match(izde_ky_stemmer *s, int n, const struct ky_suffix *sf)
{
    const char32_t *w = s->w;
    int x = n - sf->len, i;
    unsigned cond = sf->cond;
    char32_t pv, prev;

    if (x < 2)
        return -1;
    for (i = sf->len - 1; i >= 0; i--)       /* letters, right to left */
        if (!class_has(sf->pat[i], w[x + i]))
            return -1;
    pv = last_vowel(w, x);                   /* guard 1, as stem_ok() */
    if (!pv || (x == 2 && !is_vowel(w[0]) && is_vowel(w[1])))
        return -1;
    if (cond) {
        if ((cond & C_VOW) && !is_vowel(w[x - 1]))
            return -1;
        if ((cond & C_CONS) && !ends_consonant(w, x))
            return -1;
        if ((cond & C_X3) && x < 3)
            return -1;
        if ((cond & C_W5) && n < 5)
            return -1;
        if ((cond & C_W4) && n < 4)
            return -1;
        if (cond & C_PX3) {
            char32_t e = w[x - 1];
            if (x < 3 || !(e == U'ы' || e == U'и' || e == U'у' || e == U'ү' || e == U'ю'))
                return -1;
        }
        if ((cond & C_SFINAL) && (lookup(s, w, x + 1) & KY_S_FINAL))
            return -1;
        if ((cond & C_CLUSTER) && (lookup(s, w, x + 1) & KY_CLUSTER))
            return -1;
    }
    if ((cond & C_UNRND) && !ends_consonant(w, x)
        && (pv == U'о' || pv == U'ө' || pv == U'у' || pv == U'ү' || pv == U'ю' || pv == U'ё'))
        return -1;
    /* guards 2-3, left to right: harmony and consonant alternation */
    prev = w[x - 1];
    if (prev == U'ь' || prev == U'ъ')
        prev = w[x - 2];
    for (i = 0; i < sf->len; i++) {
        char32_t p = sf->pat[i], c = w[x + i];
        if (p == 'A' || p == 'I' || p == 'U') {
            if (c != harmonic(p, pv))
                return -1;
        } else if (p < 128 && !consonant_agrees(p, prev, c)) {
            return -1;
        }
        if (is_vowel(c))
            pv = c;
        prev = c;
    }
    return x;
}

/* Cut w back to its first x letters, unless that cuts into a PROTECT
 * word: a protected word is never shortened, so the cut then stops at its
 * end (районун -> район, not *райо) and nothing more is stripped. */
static void cut(izde_ky_stemmer *s, int x)
{
    int k;

    for (k = x; k < s->n; k++) {
        if (lookup(s, s->w, k) & KY_PROTECT) {
            s->n = k;
            s->stop = 1;
            return;
        }
    }
    s->n = x;
}

/* Strip the first suffix of table t that matches (Snowball `among`).
 * Returns 1 if one did. */
static int strip_among(izde_ky_stemmer *s, int t)
{
    const struct ky_suffix *tab = ky_tables[t].sfx;
    const uint64_t *cand;
    size_t word, words = (ky_tables[t].count + 63) / 64;
    int x;

    if (s->stop)
        return 0;
    cand = s->index[t][letter_bit(s->w[s->n - 1])];
    for (word = 0; word < words; word++) {
        uint64_t m = cand[word];
        while (m) {
            size_t i = word * 64 + (size_t)ctz64(m);
            m &= m - 1;
            if (tab[i].len >= s->n
                || (tab[i].len > 1 && !class_has(tab[i].pat[tab[i].len - 2], s->w[s->n - 2])))
                continue;
            x = match(s, s->n, &tab[i]);
            if (x >= 0) {
                cut(s, x);
                return 1;
            }
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Steps (§3.3)                                                             */

/* Step 1: finite verb endings, then negation.  Returns 1 if an ending was
 * stripped (Steps 2-3 are then skipped). */
static int step1_verb_endings(izde_ky_stemmer *s)
{
    strip_among(s, T_CLITIC);
    if (!strip_among(s, T_VERB)
        && !((s->flags & IZDE_KY_AORIST) && strip_among(s, T_AORIST)))
        return 0;
    strip_among(s, T_NEG);
    return 1;
}

/* Step 2.1: participle + px3 (+ acc): leave the participle for Step 3. */
static void step2_participle_px3(izde_ky_stemmer *s)
{
    char32_t e = s->w[s->n - 1];

    if (s->stop)
        return;
    if (e == U'н' && match(s, s->n, &participle_px3[0]) >= 0)
        cut(s, s->n - 2);
    else if (class_has('I', e) && match(s, s->n, &participle_px3[1]) >= 0)
        cut(s, s->n - 1);
}

/* Step 2.2: one case ending. */
static void step2_case(izde_ky_stemmer *s)
{
    if (!strip_among(s, T_CASE_PX3) && !strip_among(s, T_CASE))
        strip_among(s, T_ACC_N);
}

/* Step 2.3: one possessive ending; бою -> бой. */
static void step2_possessive(izde_ky_stemmer *s)
{
    if (strip_among(s, T_POSSESSIVE) || s->stop)
        return;
    if (s->n >= 3 && s->w[s->n - 1] == U'ю' && is_vowel(s->w[s->n - 2]))
        s->w[s->n - 1] = U'й';
}

/* Step 2: the noun chain STEM+PL+PX+CASE (+ -дагы + PL+PX+CASE). */
static void step2_noun_chain(izde_ky_stemmer *s)
{
    int pass;

    for (pass = 0; pass < 3 && !s->stop; pass++) {
        step2_participle_px3(s);
        step2_case(s);
        step2_possessive(s);
        strip_among(s, T_PLURAL);
        if (s->flags & IZDE_KY_DERIV)
            strip_among(s, T_DERIV);
        if (!strip_among(s, T_AGAIN))
            return;
    }
}

/* Step 3: non-finite verb forms. */
static void step3_verb_forms(izde_ky_stemmer *s)
{
    char32_t *w = s->w;
    int n = s->n;

    if (s->stop)
        return;
    if (strip_among(s, T_PARTICIPLE)) {
        strip_among(s, T_NEG);
        return;
    }
    if (strip_among(s, T_VERBAL_NOUN))
        return;
    /* -оо/-өө after a consonant: сактоо -> сакта, колдоо -> колдо */
    if (n >= 4 && ((w[n - 1] == U'о' && w[n - 2] == U'о') || (w[n - 1] == U'ө' && w[n - 2] == U'ө'))
        && ends_consonant(w, n - 2) && stem_ok(w, n - 2)) {
        char32_t pv = last_vowel(w, n - 2);
        if (w[n - 1] == U'о')
            w[n - 2] = (pv == U'о' || pv == U'ё') ? U'о' : U'а';
        else
            w[n - 2] = (pv == U'ө' || pv == U'ү') ? U'ө' : U'е';
        s->n = n - 1;
        return;
    }
    /* -юу/-юп after a vowel: коюу, коюп -> кой */
    if (n >= 4 && w[n - 2] == U'ю' && (w[n - 1] == U'у' || w[n - 1] == U'п')
        && is_vowel(w[n - 3]) && stem_ok(w, n - 2)) {
        w[n - 2] = U'й';
        s->n = n - 1;
        return;
    }
    strip_among(s, T_CONVERB);
}

/* Replace the stem by its IRREG_STEM entry, if it has one. */
static void irregular_stem(izde_ky_stemmer *s)
{
    const struct ky_slot *sl = lookup_slot(s, s->w, s->n);
    int k;

    if (!sl || !(sl->kinds & KY_IRREG))
        return;
    k = cps_len(ky_irreg_stem[sl->irreg].to);
    if (k > KY_MAX + KY_ROOM)
        return;
    memcpy(s->w, ky_irreg_stem[sl->irreg].to, (size_t)k * sizeof *s->w);
    s->n = k;
}

/* Step 4: postlude. */
static void step4_postlude(izde_ky_stemmer *s)
{
    char32_t *w = s->w;
    char32_t e, e0;
    int n0;

    if (s->stop)
        return;
    irregular_stem(s);
    n0 = s->n;
    e0 = w[n0 - 1];
    /* a px3 or vowel left after a consonant (киши/кишиге/кишилер) */
    e = w[s->n - 1];
    if ((e == U'ы' || e == U'и' || e == U'у' || e == U'ү') && ends_consonant(w, s->n - 1)
        && stem_ok(w, s->n - 1))
        s->n--;
    else if (e == U'ю' && s->n >= 3 && is_vowel(w[s->n - 2]))
        w[s->n - 1] = U'й';
    if (s->n > 2 && w[s->n - 1] == U'ь')
        s->n--;
    /* тармаг -> тармак, китеб -> китеп; not after a consonant (брифинг) */
    if (is_vowel(w[s->n - 2])) {
        if (w[s->n - 1] == U'г')
            w[s->n - 1] = U'к';
        else if (w[s->n - 1] == U'б')
            w[s->n - 1] = U'п';
    }
    if (s->n != n0 || w[s->n - 1] != e0)     /* убакты -> убакт -> убакыт */
        irregular_stem(s);
}

/* Stem s->w[0..n): the gates of §3.2 rule 6, then Steps 1-4. */
static void stem_segment(izde_ky_stemmer *s)
{
    int i, vowels = 0;
    unsigned kinds;
    size_t r;

    s->stop = 0;
    if (s->n < 3)
        return;
    for (i = 0; i < s->n; i++) {
        if (!is_cyr_lower(s->w[i]))
            return;
        vowels += is_vowel(s->w[i]);
    }
    kinds = lookup(s, s->w, s->n);
    if (vowels < 2 || (kinds & KY_EXCEPTION))
        return;
    s->stop = (kinds & KY_PROTECT) != 0;
    /* IRREG_PREFIX: балдар... -> балалар... */
    for (r = 0; r < COUNT(ky_irreg_prefix); r++) {
        const char32_t *from = ky_irreg_prefix[r].from, *to = ky_irreg_prefix[r].to;
        int fl, tl;
        if (s->w[0] != from[0])
            continue;
        fl = cps_len(from);
        tl = cps_len(to);
        if (s->n >= fl && s->n - fl + tl <= KY_MAX + KY_ROOM && same_cps(s->w, from, fl)) {
            memmove(s->w + tl, s->w + fl, (size_t)(s->n - fl) * sizeof *s->w);
            memcpy(s->w, to, (size_t)tl * sizeof *to);
            s->n += tl - fl;
            break;
        }
    }
    if (!step1_verb_endings(s)) {
        step2_noun_chain(s);
        step3_verb_forms(s);
    }
    step4_postlude(s);
}

/* ------------------------------------------------------------------------ */
/* UTF-8                                                                    */

/* Decode one code point from p[0..len) (len > 0); bytes used, or 0 if the
 * bytes are not valid UTF-8 (overlong, surrogate, truncated...). */
static size_t utf8_get(const unsigned char *p, size_t len, char32_t *out)
{
    char32_t c;
    size_t k, i;

    if (p[0] < 0x80) {
        *out = p[0];
        return 1;
    }
    if (p[0] >= 0xC2 && p[0] <= 0xDF) {
        if (len < 2 || (p[1] & 0xC0) != 0x80)
            return 0;
        *out = ((char32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
        return 2;
    }
    if (p[0] >= 0xE0 && p[0] <= 0xEF) {
        c = p[0] & 0x0F;
        k = 3;
    } else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
        c = p[0] & 0x07;
        k = 4;
    } else {
        return 0;
    }
    if (len < k)
        return 0;
    for (i = 1; i < k; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (p[i] & 0x3F);
    }
    if ((k == 3 && c < 0x800) || (k == 4 && (c < 0x10000 || c > 0x10FFFF))
        || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *out = c;
    return k;
}

/* Encode c at o; bytes written (1-4). */
static size_t utf8_put(char *o, char32_t c)
{
    if (c < 0x800) {
        if (c < 0x80) {
            o[0] = (char)c;
            return 1;
        }
        o[0] = (char)(0xC0 | (c >> 6));
        o[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (char)(0xE0 | (c >> 12));
        o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (c >> 18));
    o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Make room for `need` bytes of output; 0, or -1 when out of memory. */
static int out_reserve(izde_ky_stemmer *s, size_t need)
{
    char *p;

    if (need <= s->out_cap)
        return 0;
    p = realloc(s->out, need);
    if (!p)
        return -1;
    s->out = p;
    s->out_cap = need;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Heads with a suffix tail (§3.2 rules 2-4)                                */

/* Units of a suffix tail after a digit/acronym/Latin head; no harmony,
 * since it follows how the head is read aloud (§3.2 rule 3). */
static const struct ky_suffix tail_units[] = {
    SFX(U"LAр", 0), SFX(U"сI", 0), SFX(U"I", 0), SFX(U"Iн", 0),
    SFX(U"NIн", 0), SFX(U"NI", 0), SFX(U"GA", 0), SFX(U"DA", 0),
    SFX(U"DAн", 0), SFX(U"DAгI", 0), SFX(U"нAн", 0), SFX(U"ндA", 0),
    SFX(U"нA", 0), SFX(U"ндAгI", 0), SFX(U"DAй", 0), SFX(U"IнчI", 0),
    SFX(U"нчI", 0), SFX(U"NIкI", 0), SFX(U"IбIз", 0), SFX(U"A", 0),
    SFX(U"Aн", 0),
};

/* Can t[0..n) be cut into tail_units? */
static int parse_tail(const char32_t *t, int n)
{
    unsigned char ok[KY_MAX + 1];
    int i, j;
    size_t k;

    memset(ok, 0, (size_t)n + 1);
    ok[0] = 1;
    for (i = 0; i < n; i++) {
        if (!ok[i])
            continue;
        for (k = 0; k < COUNT(tail_units); k++) {
            const struct ky_suffix *u = &tail_units[k];
            if (i + u->len > n)
                continue;
            for (j = 0; j < u->len && class_has(u->pat[j], t[i + j]); j++)
                ;
            if (j == u->len)
                ok[i + u->len] = 1;
        }
    }
    return ok[n];
}

/* If lc[b..e) is HEAD [-'’] TAIL (§3.2 rule 3), the index where the head
 * ends; else -1.  HEAD is digits[.,digits]*, 2+ capitals, or a Latin
 * letter then Latin letters/digits; TAIL is lower-case Cyrillic suffixes. */
static int head_tail(const izde_ky_stemmer *s, int b, int e)
{
    const char32_t *lc = s->lc;
    int i = b, h, t, lookalike = 1;

    if (is_digit(lc[i])) {
        while (i < e && is_digit(lc[i]))
            i++;
        while (i + 1 < e && (lc[i] == '.' || lc[i] == ',') && is_digit(lc[i + 1]))
            for (i++; i < e && is_digit(lc[i]); i++)
                ;
    } else if (s->up[i] && i + 1 < e && s->up[i + 1] && is_letter(lc[i + 1])) {
        while (i < e && s->up[i] && is_letter(lc[i]))
            i++;
    } else if (is_latin_lower(lc[i])) {
        for (; i < e && (is_latin_lower(lc[i]) || is_digit(lc[i])); i++)
            if (is_latin_lower(lc[i]) && !latin_lookalike(lc[i]))
                lookalike = 0;
        if (lookalike)  /* "cаны": a Latin c typed for Cyrillic с */
            return -1;
    } else {
        return -1;
    }
    h = i;
    if (i < e && (lc[i] == '-' || lc[i] == '\'' || lc[i] == 0x2019 || lc[i] == 0x2BC))
        i++;
    if (i >= e)
        return -1;
    for (t = i; t < e; t++)
        if (s->up[t] || !is_cyr_lower(lc[t]))
            return -1;
    return parse_tail(lc + i, e - i) ? h : -1;
}

/* Is lc[b..e) an acronym: 2+ letters, all capitals (§3.2 rule 2)? */
static int is_acronym(const izde_ky_stemmer *s, int b, int e)
{
    int i, letters = 0;

    for (i = b; i < e; i++) {
        if (!is_letter(s->lc[i]))
            continue;
        if (!s->up[i])
            return 0;
        letters++;
    }
    return letters >= 2;
}

/* Write lc[0..keep) followed by w[0..wn) as the stem. */
static const char *emit(izde_ky_stemmer *s, int keep, const char32_t *w, int wn)
{
    char *o = s->out;
    int i;

    for (i = 0; i < keep; i++)
        o += utf8_put(o, s->lc[i]);
    for (i = 0; i < wn; i++)
        o += utf8_put(o, w[i]);
    *o = '\0';
    s->out_len = (size_t)(o - s->out);
    return s->out;
}

/* Stem the decoded word lc[0..n); `seen` says what it contains (SEEN_*)
 * and `hyphen` is the index of its last hyphen, or -1. */
static const char *stem_decoded(izde_ky_stemmer *s, int n, unsigned seen, int hyphen)
{
    int i, b = hyphen + 1, h;

    if (n == 0)
        return emit(s, 0, NULL, 0);
    if (seen & (SEEN_UPPER | SEEN_LATIN | SEEN_DIGIT)) {
        if ((seen & SEEN_UPPER) && is_acronym(s, 0, n))
            return emit(s, n, NULL, 0);
        h = head_tail(s, 0, n);
        if (h >= 0)
            return emit(s, h, NULL, 0);
    }
    /* rule 4: a hyphenated word is stemmed on its last segment */
    if (b == n)
        return emit(s, n, NULL, 0);
    if (b > 0 && (seen & (SEEN_UPPER | SEEN_LATIN | SEEN_DIGIT))) {
        if ((seen & SEEN_UPPER) && is_acronym(s, b, n))
            return emit(s, n, NULL, 0);
        h = head_tail(s, b, n);
        if (h >= 0)
            return emit(s, h, NULL, 0);
    }
    /* rule 5: Latin look-alikes in a Cyrillic word become Cyrillic */
    if (seen & SEEN_LATIN) {
        int cyr = 0, other = 0;
        for (i = 0; i < n; i++) {
            cyr |= is_cyr_lower(s->lc[i]);
            other |= is_latin_lower(s->lc[i]) && !latin_lookalike(s->lc[i]);
        }
        if (cyr && !other)
            for (i = 0; i < n; i++)
                if (is_latin_lower(s->lc[i]))
                    s->lc[i] = latin_lookalike(s->lc[i]);
    }
    s->n = n - b;
    memcpy(s->w, s->lc + b, (size_t)s->n * sizeof *s->w);
    stem_segment(s);
    return emit(s, b, s->w, s->n);
}

/* ------------------------------------------------------------------------ */
/* API                                                                      */

izde_ky_stemmer *izde_ky_stemmer_new(unsigned flags)
{
    izde_ky_stemmer *s = calloc(1, sizeof *s);
    size_t t, i;
    unsigned b;

    if (!s)
        return NULL;
    s->flags = flags;
    s->out_cap = KY_OUT_MIN;
    s->out = malloc(s->out_cap);
    if (!s->out) {
        free(s);
        return NULL;
    }
    s->out[0] = '\0';
    /* index each suffix table by the letters its suffixes can end in */
    for (t = 0; t < T_COUNT; t++) {
        for (i = 0; i < ky_tables[t].count; i++) {
            const struct ky_suffix *sf = &ky_tables[t].sfx[i];
            char32_t p = sf->pat[sf->len - 1];
            for (b = 0; b < KY_LETTERS; b++) {
                uint64_t set = p < 128 ? class_set[p] : (uint64_t)1 << letter_bit(p);
                if (b < KY_LETTERS - 1 && ((set >> b) & 1))
                    s->index[t][b][i / 64] |= (uint64_t)1 << (i % 64);
            }
        }
    }
    for (i = 0; i < COUNT(ky_exceptions); i++)
        slot_add(s, ky_exceptions[i], KY_EXCEPTION, 0);
    for (i = 0; i < COUNT(ky_protect); i++)
        slot_add(s, ky_protect[i], KY_PROTECT, 0);
    for (i = 0; i < COUNT(ky_s_final); i++)
        slot_add(s, ky_s_final[i], KY_S_FINAL, 0);
    for (i = 0; i < COUNT(ky_cluster_final); i++)
        slot_add(s, ky_cluster_final[i], KY_CLUSTER, 0);
    /* an elided stem (орд-у) also keeps its px3 apart from -ду */
    for (i = 0; i < COUNT(ky_irreg_stem); i++) {
        slot_add(s, ky_irreg_stem[i].from, KY_IRREG, (unsigned)i);
        slot_add(s, ky_irreg_stem[i].from, KY_CLUSTER, 0);
    }
    return s;
}

/* Kept whole (about 85 lines): one pass that decodes, validates,
 * lower-cases and classifies the letters, with the Cyrillic case inline
 * (the hot path of indexing), then stem_decoded(); a word too long to
 * stem or not UTF-8 is copied. */
const char *izde_ky_stemmer_stem(izde_ky_stemmer *s, const char *word, size_t len)
{
    const unsigned char *p = (const unsigned char *)word;
    size_t i, k, count = 0;
    unsigned seen = 0;
    int n = 0, hyphen = -1;
    char32_t c, l;
    char *o;

    if (!word)
        len = 0;
    /* decode, lower-case and normalise the first KY_MAX code points;
     * validate and count all of them */
    for (i = 0; i < len; i += k) {
        if (p[i] < 0x80) {
            k = 1;
            c = p[i];
        } else if ((p[i] == 0xD0 || p[i] == 0xD1) && i + 1 < len
                   && (p[i + 1] & 0xC0) == 0x80) {
            k = 2;      /* Cyrillic U+0400-047F, the common case */
            c = ((char32_t)(p[i] & 0x1F) << 6) | (p[i + 1] & 0x3F);
            if (c >= 0x430 && c <= 0x45F && n < KY_MAX) {
                s->up[n] = 0;
                s->lc[n++] = c;
                count++;
                continue;
            }
            if (c >= 0x410 && c <= 0x42F && n < KY_MAX) {
                seen |= SEEN_UPPER;
                s->up[n] = 1;
                s->lc[n++] = c + 0x20;
                count++;
                continue;
            }
        } else if (!(k = utf8_get(p + i, len - i, &c))) {
            goto unchanged;
        }
        if (c == 0x301)          /* combining acute: a stress mark */
            continue;
        if (n < KY_MAX) {
            l = to_lower(c);
            if (l != c) {
                seen |= SEEN_UPPER;
                s->up[n] = 1;
            } else {
                s->up[n] = 0;
            }
            if (l < 0x80) {
                if (is_latin_lower(l))
                    seen |= SEEN_LATIN;
                else if (is_digit(l))
                    seen |= SEEN_DIGIT;
                else if (l == '-')
                    hyphen = n;
            } else if (is_hyphen(l)) {
                hyphen = n;
            }
            s->lc[n++] = normalise(l);
        }
        count++;
    }
    if (count <= KY_MAX)
        return stem_decoded(s, n, seen, hyphen);

    /* too long to stem: a lower-cased copy (never longer than the input) */
    if (out_reserve(s, len + 1) < 0)
        return NULL;
    for (i = 0, o = s->out; i < len; i += k) {
        k = utf8_get(p + i, len - i, &c);
        if (c != 0x301)
            o += utf8_put(o, normalise(to_lower(c)));
    }
    *o = '\0';
    s->out_len = (size_t)(o - s->out);
    return s->out;

unchanged:                       /* invalid UTF-8: the bytes as given */
    if (out_reserve(s, len + 1) < 0)
        return NULL;
    memcpy(s->out, word, len);
    s->out[len] = '\0';
    s->out_len = len;
    return s->out;
}

size_t izde_ky_stemmer_length(const izde_ky_stemmer *s)
{
    return s ? s->out_len : 0;
}

void izde_ky_stemmer_delete(izde_ky_stemmer *s)
{
    if (!s)
        return;
    free(s->out);
    free(s);
}
