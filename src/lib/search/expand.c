/*
 * expand.c - the other terms one query word is searched as (expand.h).
 *
 * Each rule proposes candidate terms; a candidate is kept only when the
 * index holds it (its document frequency is looked up), so nothing the
 * archive does not contain is ever added, and nothing is added twice:
 *
 *  - FORM: the word's Russian stem, Kyrgyz stem and the word itself are
 *    bases; each base (5 letters or more) is looked up under the other
 *    language's prefix too (экстремизма -> Zэкстремизм -> ZKэкстремизм,
 *    мигранттар -> ZKмигрант -> Zмигрант).  Russian stems drop a final
 *    vowel the Kyrgyz form keeps (Москва: Zмоскв, ZKмосква; санкция:
 *    Zсанкц, ZKсанкция), so a base may also lose, or gain, up to two
 *    final vowels when it crosses languages.  A Kyrgyz word that happens
 *    to share letters with a rare Russian one (маселе «question» and
 *    масел «oils») is kept out by comparing how common the two are.
 *  - NAME: a capitalised word with a Russian surname ending (-ов, -ев,
 *    -ин, -ын and their case endings, or a Kyrgyz stem such as Жапаров
 *    from Жапаровдун) stands for every case form of that surname, each
 *    stemmed as Snowball stems it (Атамбаева -> атамба, Атамбаев ->
 *    атамбаев).
 *  - KEYBOARD: a word with н, о or у and none of ң, ө, ү may be Kyrgyz
 *    typed on a Russian keyboard: each mix of н/ң, о/ө, у/ү is given to
 *    the Kyrgyz stemmer.
 *  - LATIN and GLOSSARY: see translit.c and glossary.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expand.h"
#include "glossary.h"
#include "terms.h"
#include "translit.h"

/* ---- UTF-8 helpers (Cyrillic letters are two bytes) -------------------- */

static size_t utf8_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80)
            c++;
    return c;
}

/* Byte length of the last character of s[0..n). */
static size_t last_char_len(const char *s, size_t n)
{
    size_t k = n;
    while (k > 0 && ((unsigned char)s[k - 1] & 0xc0) == 0x80)
        k--;
    return k > 0 ? n - (k - 1) : 0;
}

static int is_upper_initial(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 1 && u[0] >= 'A' && u[0] <= 'Z')
        return 1;
    if (n < 2)
        return 0;
    unsigned cp = ((u[0] & 0x1fu) << 6) | (u[1] & 0x3fu);
    if (u[0] < 0xc0 || u[0] >= 0xe0)
        return 0;
    /* А-Я, Ё, Ң Ө Ү (and the other Cyrillic capitals with odd code points) */
    return (cp >= 0x410 && cp <= 0x42f) || cp == 0x401 || cp == 0x4a2 || cp == 0x4e8 ||
           cp == 0x4ae;
}

/* ---- the list ------------------------------------------------------------ */

const char *izde__xwhy_name(int why)
{
    static const char *const names[] = {"form", "name", "keyboard", "latin", "glossary",
                                        "wildcard"};
    return why >= 0 && (size_t)why < sizeof names / sizeof names[0] ? names[why] : "form";
}

void izde__xlist_free(izde_xlist *l)
{
    for (size_t i = 0; i < l->n; i++) {
        for (size_t k = 0; k < l->v[i].nterms; k++)
            free(l->v[i].terms[k]);
        free(l->v[i].terms);
        free(l->v[i].shown);
    }
    free(l->v);
    memset(l, 0, sizeof *l);
}

static int in_list(const izde_xlist *l, const char *t, size_t n)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].nterms == 1 && strlen(l->v[i].terms[0]) == n &&
            memcmp(l->v[i].terms[0], t, n) == 0)
            return 1;
    return 0;
}

static int is_exact(const izde_expander *x, const char *t, size_t n)
{
    for (size_t i = 0; i < x->nexact; i++)
        if (strlen(x->exact[i]) == n && memcmp(x->exact[i], t, n) == 0)
            return 1;
    return 0;
}

/* Append an expansion of `nterms` terms (copied). */
int izde__xlist_add(izde_xlist *l, const char *const *terms, size_t nterms, const char *shown,
                    size_t shown_len, izde_xwhy why)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        izde_xterm *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return IZDE_ENOMEM;
        l->v = v;
        l->cap = cap;
    }
    izde_xterm *e = &l->v[l->n];
    memset(e, 0, sizeof *e);
    e->why = why;
    if (!(e->terms = calloc(nterms, sizeof *e->terms)) || !(e->shown = strndup(shown, shown_len))) {
        free(e->terms);
        return IZDE_ENOMEM;
    }
    l->n++;
    for (size_t k = 0; k < nterms; k++) {
        if (!(e->terms[k] = strdup(terms[k])))
            return IZDE_ENOMEM;
        e->nterms++;
    }
    return IZDE_OK;
}

/* ---- looking candidates up ------------------------------------------------ */

typedef struct seek {
    const izde_expander *x;
    izde_xlist *out;
    izde_buf t;      /* scratch: the candidate term */
    unsigned docs[2]; /* articles in Russian, in Kyrgyz (at least 1) */
    int proper;       /* the word was typed with a capital: a name */
    int rc;
} seek;

/* Document frequency of prefix + s[0..n), or 0 (and sk->rc on failure). */
static unsigned freq(seek *sk, const char *prefix, const char *s, size_t n)
{
    izde__buf_clear(&sk->t);
    izde__buf_puts(&sk->t, prefix);
    izde__buf_append(&sk->t, s, n);
    if (sk->t.oom) {
        sk->rc = IZDE_ENOMEM;
        return 0;
    }
    if (sk->t.len > IZDE_MAX_TERM)
        return 0;
    unsigned f = 0;
    int rc = izx_db_termfreq(sk->x->db, sk->t.data, sk->t.len, &f);
    if (rc != IZX_OK) {
        sk->rc = izde__status_from_izx(rc);
        return 0;
    }
    return f;
}

/* Keep prefix + s[0..n) when the index holds it and it is new; `shown`
 * (NULL: the stem itself) is what the user is told. */
static int keep(seek *sk, const char *prefix, const char *s, size_t n, const char *shown,
                izde_xwhy why)
{
    if (sk->rc || !freq(sk, prefix, s, n))
        return 0;
    const char *t = sk->t.data;
    if (is_exact(sk->x, t, sk->t.len) || in_list(sk->out, t, sk->t.len))
        return 0;
    if (sk->out->n >= IZDE_MAX_EXPANSIONS)
        return 0;
    if (!shown)
        shown = s;
    int rc = izde__xlist_add(sk->out, &t, 1, shown, shown == s ? n : strlen(shown), why);
    if (rc)
        sk->rc = rc;
    return rc == IZDE_OK;
}

static int lang_ok(const izde_expander *x, int ky)
{
    return ky ? x->ky_ok && x->ky : x->ru_ok && x->ru;
}

/* ---- FORM: a base in both languages ---------------------------------------- */

#define MIN_BASE_CHARS 5
/* A name typed with a capital may cross as a shorter stem, when the
 * other language's form reaches five letters: Сирия, Zсир, ZKсирия. */
#define MIN_NAME_CHARS 3

/* A Russian stem lacks the final vowel the Kyrgyz form of a loanword
 * keeps: Москва Zмоскв ZKмосква, санкция Zсанкц ZKсанкция, музей Zмузе
 * ZKмузей.  These are the endings it may lack. */
static int is_loan_tail(const char *s, size_t n)
{
    static const char *const tails[] = {"а", "я", "и", "й", "ия", "ья", "ие", "ея"};
    for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++)
        if (strlen(tails[i]) == n && memcmp(tails[i], s, n) == 0)
            return 1;
    return 0;
}

/* Is a term found in the other language (`other` articles of it) the
 * same word as the base (`own` articles of its language)?  Kept only when
 * the share of the other language's articles holding it is not far below
 * the share of the base's own language holding the base: маселе, in most
 * Kyrgyz articles, is no Russian масел, in a few; карата, a Kyrgyz
 * postposition, is no Russian карат. */
#define CROSS_SHARE_RATIO 60.0
/* Long words do not collide by chance (Кыргызстан, in most Kyrgyz
 * articles, is in a few Russian ones): only 5 to 7 letters are checked,
 * and not a name typed with a capital (Бишкектеги, Бишкек in Russian). */
#define CROSS_CHECKED_CHARS 7
static int plausible_cross(seek *sk, int to_ky, unsigned own, unsigned other, size_t chars)
{
    double own_share = (double)own / sk->docs[!to_ky];
    double other_share = (double)other / sk->docs[to_ky];
    return other > 0 && (sk->proper || chars > CROSS_CHECKED_CHARS ||
                         other_share * CROSS_SHARE_RATIO >= own_share);
}

/* Keep prefix + s[0..n) of the other language when plausible_cross(). */
static void keep_cross(seek *sk, int to_ky, unsigned own, const char *s, size_t n)
{
    const char *prefix = to_ky ? IZDE_PREFIX_STEM_KY : IZDE_PREFIX_STEM_RU;
    unsigned f = freq(sk, prefix, s, n);
    if (f && plausible_cross(sk, to_ky, own, f, utf8_chars(s, n)))
        keep(sk, prefix, s, n, NULL, IZDE_X_FORM);
}

typedef struct tail_ext {
    seek *sk;
    size_t plen, blen;   /* prefix length, base length */
    unsigned own;        /* the base's frequency in Russian */
    char found[4][IZDE_MAX_TERM + 1];
    size_t nfound;
} tail_ext;

/* allterms callback: ZK + the Russian stem + a loanword's final vowel */
static int on_extension(void *ctx, const char *term, size_t len, unsigned tf)
{
    tail_ext *v = ctx;
    if (v->nfound == 4)
        return 1;
    if (!is_loan_tail(term + v->plen + v->blen, len - v->plen - v->blen) ||
        utf8_chars(term + v->plen, len - v->plen) < MIN_BASE_CHARS ||
        !plausible_cross(v->sk, 1, v->own, tf, utf8_chars(term + v->plen, len - v->plen)))
        return 0;
    memcpy(v->found[v->nfound], term + v->plen, len - v->plen);
    v->found[v->nfound++][len - v->plen] = '\0';
    return 0;
}

/* A Russian stem among the Kyrgyz stems: as is, or with a loanword's
 * final vowel (москв -> москва). */
static void russian_to_kyrgyz(seek *sk, const char *rs, size_t n, unsigned own)
{
    size_t chars = utf8_chars(rs, n);
    if (!lang_ok(sk->x, 1) || chars < (sk->proper ? MIN_NAME_CHARS : MIN_BASE_CHARS))
        return;
    if (chars >= MIN_BASE_CHARS)
        keep_cross(sk, 1, own, rs, n);
    tail_ext v = {.sk = sk, .plen = strlen(IZDE_PREFIX_STEM_KY), .blen = n, .own = own};
    izde__buf_clear(&sk->t);
    izde__buf_puts(&sk->t, IZDE_PREFIX_STEM_KY);
    izde__buf_append(&sk->t, rs, n);
    char *start = sk->t.oom || sk->rc ? NULL : strdup(sk->t.data);
    if (!start) {
        sk->rc = sk->rc ? sk->rc : IZDE_ENOMEM;
        return;
    }
    int x = sk->t.len <= IZDE_MAX_TERM ? izx_db_allterms(sk->x->db, start, on_extension, &v)
                                       : IZX_OK;
    if (x != IZX_OK)
        sk->rc = izde__status_from_izx(x);
    free(start);
    for (size_t i = 0; i < v.nfound && !sk->rc; i++)
        keep(sk, IZDE_PREFIX_STEM_KY, v.found[i], strlen(v.found[i]), NULL, IZDE_X_FORM);
}

/* A Kyrgyz stem among the Russian stems: as is, or without a loanword's
 * final vowel (москва -> москв, санкция -> санкц). */
static void kyrgyz_to_russian(seek *sk, const char *ks, size_t n, unsigned own)
{
    if (!lang_ok(sk->x, 0) || utf8_chars(ks, n) < MIN_BASE_CHARS)
        return;
    keep_cross(sk, 0, own, ks, n);
    size_t m = n;
    for (int drop = 0; drop < 2 && !sk->rc; drop++) {
        size_t cl = last_char_len(ks, m);
        if (!cl)
            break;
        m -= cl;
        if (utf8_chars(ks, m) < (sk->proper ? MIN_NAME_CHARS : MIN_BASE_CHARS))
            break;
        if (is_loan_tail(ks + m, n - m))
            keep_cross(sk, 0, own, ks, m);
    }
}

/* Make the first letter of a lower-case Cyrillic word a capital, in place
 * (а-я, ё, ң ө ү; anything else is left). */
static void capitalize(char *w)
{
    unsigned char *u = (unsigned char *)w;
    if (u[0] == 0xd0 && u[1] >= 0xb0 && u[1] <= 0xbf)
        u[1] -= 0x20;                       /* а-п */
    else if (u[0] == 0xd1 && u[1] >= 0x80 && u[1] <= 0x8f)
        u[0] = 0xd0, u[1] += 0x20;          /* р-я */
    else if (u[0] == 0xd1 && u[1] == 0x91)
        u[0] = 0xd0, u[1] = 0x81;           /* ё */
    else if ((u[0] == 0xd2 && (u[1] == 0xa3 || u[1] == 0xaf)) || (u[0] == 0xd3 && u[1] == 0xa9))
        u[1] -= 1;                          /* ң ү ө */
}

/* ---- NAME: the case forms of a surname --------------------------------------- */

static int ends_with(const char *s, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && memcmp(s + n - k, suf, k) == 0;
}

/* The masculine nominative of a Russian-style surname in `w` (lower
 * case): w itself or w without a case ending, ending in -ов -ев -ёв -ин
 * -ын with three letters before; its length, or 0. */
static size_t surname_base(const char *w, size_t n)
{
    static const char *const endings[] = {"ыми", "ых", "ым", "ом", "ой", "а", "у", "е", "ы", ""};
    static const char *const suffixes[] = {"ов", "ев", "ёв", "ин", "ын"};
    for (size_t e = 0; e < sizeof endings / sizeof endings[0]; e++) {
        if (!ends_with(w, n, endings[e]))
            continue;
        size_t m = n - strlen(endings[e]);
        for (size_t s = 0; s < sizeof suffixes / sizeof suffixes[0]; s++)
            if (ends_with(w, m, suffixes[s]) && utf8_chars(w, m) >= 5)
                return m;
    }
    return 0;
}

/* The Russian case forms of a surname whose nominative is base[0..n),
 * each as Snowball stems it, and the nominative as the indexer stems it
 * (terms.c: the name itself); a stem that loses more than one letter of
 * the name is no form of it (Сариев is not САР).  Its Kyrgyz stem. */
static void name_forms(seek *sk, const char *base, size_t n)
{
    static const char *const endings[] = {"", "а", "у", "ым", "е", "ой", "ы", "ых", "ыми"};
    size_t chars = utf8_chars(base, n);
    if (lang_ok(sk->x, 0)) {
        char form[IZDE_MAX_TERM + 8];
        for (size_t e = 0; e < sizeof endings / sizeof endings[0] && !sk->rc; e++) {
            size_t el = strlen(endings[e]);
            if (n + el >= sizeof form)
                return;
            memcpy(form, base, n);
            memcpy(form + n, endings[e], el);
            size_t sl = n;
            const char *s = el ? izde_stemmer_stem(sk->x->ru, form, n + el, &sl) : base;
            if (!s) {
                sk->rc = IZDE_ENOMEM;
                return;
            }
            char stem[IZDE_MAX_TERM + 8];
            memcpy(stem, s, sl);
            form[n + el] = '\0';
            if (utf8_chars(stem, sl) + 1 >= chars)
                keep(sk, IZDE_PREFIX_STEM_RU, stem, sl, form, IZDE_X_NAME);
        }
    }
    if (!lang_ok(sk->x, 1) || n > IZDE_MAX_TERM)
        return;
    keep(sk, IZDE_PREFIX_STEM_KY, base, n, NULL, IZDE_X_NAME);
    /* and as the Kyrgyz stemmer cuts the name written alone (Собянин) */
    char cap[IZDE_MAX_TERM + 1];
    memcpy(cap, base, n);
    cap[n] = '\0';
    capitalize(cap);
    size_t sl;
    const char *s = izde_stemmer_stem(sk->x->ky, cap, n, &sl);
    if (!s) {
        sk->rc = IZDE_ENOMEM;
        return;
    }
    char stem[IZDE_MAX_TERM + 1];
    memcpy(stem, s, sl);
    keep(sk, IZDE_PREFIX_STEM_KY, stem, sl, cap, IZDE_X_NAME);
}

/* ---- KEYBOARD: н о у typed for ң ө ү ------------------------------------------- */

#define MAX_KEYBOARD_SLOTS 16
/* Stems tried at most per word, and how much rarer than the word as typed
 * a variant may be. */
#define MAX_KEYBOARD_TRIES 256
#define KEYBOARD_RATIO 0.2

/* Positions (byte offsets) of о and у (vowels) and of н (nasals) in w
 * (lower case); 0 when w holds ң, ө or ү, or more than
 * MAX_KEYBOARD_SLOTS of them. */
static size_t keyboard_slots(const char *w, size_t n, size_t *vow, size_t *nv, size_t *nas,
                             size_t *nn)
{
    *nv = *nn = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (strncmp(w + i, "ң", 2) == 0 || strncmp(w + i, "ө", 2) == 0 ||
            strncmp(w + i, "ү", 2) == 0)
            return 0;
        int vowel = strncmp(w + i, "о", 2) == 0 || strncmp(w + i, "у", 2) == 0;
        if (!vowel && strncmp(w + i, "н", 2) != 0)
            continue;
        if (*nv + *nn == MAX_KEYBOARD_SLOTS)
            return 0;
        if (vowel)
            vow[(*nv)++] = i;
        else
            nas[(*nn)++] = i;
        i++;
    }
    return *nv + *nn;
}

/* н D0 BD -> ң D2 A3; о D0 BE -> ө D3 A9; у D1 83 -> ү D2 AF */
static void to_kyrgyz_letter(char *c)
{
    if (c[1] == (char)0xbd)
        c[0] = (char)0xd2, c[1] = (char)0xa3;
    else if (c[1] == (char)0xbe)
        c[0] = (char)0xd3, c[1] = (char)0xa9;
    else
        c[0] = (char)0xd2, c[1] = (char)0xaf;
}

/* The masks of `k` slots to try: with `harmonic`, none and all; else,
 * for up to six slots, every other mix.  Vowel harmony makes a word's о
 * and у all ө and ү or none (өкмөт, not өкмот; үчүн, not үчун, which the
 * stemmer would cut to үч, "three"), so vowels are mixed only when no
 * harmonic variant is found: loanwords and names break harmony
 * (компетенттүү, Жумагүл, Өмүрбекова). */
static size_t slot_masks(size_t k, int harmonic, unsigned *out)
{
    size_t n = 0;
    unsigned all = k ? (1u << k) - 1 : 0;
    if (harmonic) {
        out[n++] = 0;
        if (k)
            out[n++] = all;
    } else if (k <= 6) {
        for (unsigned m = 1; m < all; m++)
            out[n++] = m;
    }
    return n;
}

/* A variant is kept when the share of Kyrgyz articles holding it is more
 * than KEYBOARD_RATIO of the share of either language's articles holding
 * the word as typed (`typed`: its stems' frequencies, Russian and Kyrgyz):
 * болгон, typed right, keeps off the far rarer бөлгөн, and которого, a
 * Russian word, any Kyrgyz look-alike; окмот, in no article, finds өкмөт. */
static void keyboard_variants(seek *sk, const char *w, size_t n, const unsigned typed[2])
{
    double typed_share = (double)typed[0] / sk->docs[0];
    if ((double)typed[1] / sk->docs[1] > typed_share)
        typed_share = (double)typed[1] / sk->docs[1];
    size_t vow[MAX_KEYBOARD_SLOTS], nas[MAX_KEYBOARD_SLOTS], nv, nn;
    if (!lang_ok(sk->x, 1) || utf8_chars(w, n) < 4 || n > IZDE_MAX_TERM ||
        !keyboard_slots(w, n, vow, &nv, nas, &nn))
        return;
    unsigned vm[66], nm[130];
    size_t nnm = slot_masks(nn, 1, nm), tries = 0, before = sk->out->n;
    nnm += slot_masks(nn, 0, nm + nnm); /* н and ң mix freely */
    char v[IZDE_MAX_TERM + 1];
    for (int harmonic = 1; harmonic >= 0 && sk->out->n == before; harmonic--) {
        size_t nvm = slot_masks(nv, harmonic, vm);
        for (size_t a = 0; a < nvm && tries < MAX_KEYBOARD_TRIES; a++)
            for (size_t b = 0; b < nnm && tries < MAX_KEYBOARD_TRIES; b++) {
                if (sk->rc || sk->out->n >= IZDE_MAX_EXPANSIONS)
                    return;
                if (!vm[a] && !nm[b])
                    continue; /* the word as typed */
                tries++;
                memcpy(v, w, n);
                v[n] = '\0';
                for (size_t i = 0; i < nv; i++)
                    if (vm[a] & (1u << i))
                        to_kyrgyz_letter(v + vow[i]);
                for (size_t i = 0; i < nn; i++)
                    if (nm[b] & (1u << i))
                        to_kyrgyz_letter(v + nas[i]);
                size_t sl;
                const char *st = izde_stemmer_stem(sk->x->ky, v, n, &sl);
                if (!st) {
                    sk->rc = IZDE_ENOMEM;
                    return;
                }
                char stem[IZDE_MAX_TERM + 1];
                memcpy(stem, st, sl);
                unsigned f = freq(sk, IZDE_PREFIX_STEM_KY, stem, sl);
                if (f && (double)f / sk->docs[1] > KEYBOARD_RATIO * typed_share)
                    keep(sk, IZDE_PREFIX_STEM_KY, stem, sl, v, IZDE_X_KEYBOARD);
            }
    }
}

/* ---- one word -------------------------------------------------------------- */

/* The word's stem in one language, copied into buf (size IZDE_MAX_TERM+1). */
static size_t stem_into(seek *sk, int ky, const char *term, size_t len, const char *orig,
                        size_t olen, char *buf)
{
    izde_stemmer *st = ky ? sk->x->ky : sk->x->ru;
    if (!st)
        return 0;
    size_t sl;
    const char *s = izde__stem_word(st, ky, term, len, orig, olen, &sl);
    if (!s) {
        sk->rc = IZDE_ENOMEM;
        return 0;
    }
    if (sl > IZDE_MAX_TERM)
        return 0;
    memcpy(buf, s, sl);
    buf[sl] = '\0';
    return sl;
}

/* ---- GLOSSARY ----------------------------------------------------------------- */

static int x_glossary(seek *sk)
{
    return sk->x->glossary != NULL;
}

/* The other sides of the glossary pairs whose one-word side has the
 * word's stem (rs Russian, ks Kyrgyz), when the index holds all their
 * terms. */
static void glossary_of(seek *sk, const char *rs, size_t rl, const char *ks, size_t kl)
{
    const izde_gside *o[8];
    for (int ky = 0; ky < 2 && !sk->rc; ky++) {
        size_t n = ky ? kl : rl;
        size_t k = n ? izde__glossary_lookup(sk->x->glossary, ky, ky ? ks : rs, n, o, 8) : 0;
        for (size_t i = 0; i < k && !sk->rc && sk->out->n < IZDE_MAX_EXPANSIONS; i++) {
            if (!lang_ok(sk->x, o[i]->ky))
                continue;
            const char *prefix = o[i]->ky ? IZDE_PREFIX_STEM_KY : IZDE_PREFIX_STEM_RU;
            if (o[i]->n == 1) {
                keep(sk, prefix, o[i]->stems[0], strlen(o[i]->stems[0]), o[i]->text,
                     IZDE_X_GLOSSARY);
                continue;
            }
            char *terms[8];
            size_t nt = 0;
            for (; nt < o[i]->n && nt < 8; nt++) {
                const char *st = o[i]->stems[nt];
                if (!freq(sk, prefix, st, strlen(st)))
                    break;
                if (!(terms[nt] = strdup(sk->t.data))) {
                    sk->rc = IZDE_ENOMEM;
                    break;
                }
            }
            if (nt == o[i]->n && !sk->rc)
                sk->rc = izde__xlist_add(sk->out, (const char *const *)terms, nt, o[i]->text,
                                         strlen(o[i]->text), IZDE_X_GLOSSARY);
            for (size_t t = 0; t < nt; t++)
                free(terms[t]);
        }
    }
}

/* FORM, GLOSSARY and NAME for one Cyrillic word; the frequencies of its
 * Russian and Kyrgyz stems into freqs[]. */
static void forms_of(seek *sk, const char *term, size_t len, const char *orig, size_t olen,
                     unsigned freqs[2])
{
    char rs[IZDE_MAX_TERM + 1], ks[IZDE_MAX_TERM + 1];
    size_t rl = stem_into(sk, 0, term, len, orig, olen, rs);
    size_t kl = stem_into(sk, 1, term, len, orig, olen, ks);
    if (sk->rc)
        return;
    unsigned rf = rl ? freq(sk, IZDE_PREFIX_STEM_RU, rs, rl) : 0;
    unsigned kf = kl ? freq(sk, IZDE_PREFIX_STEM_KY, ks, kl) : 0;
    freqs[0] = rf;
    freqs[1] = kf;
    if (rl && rf)
        russian_to_kyrgyz(sk, rs, rl, rf);
    if (kl && kf)
        kyrgyz_to_russian(sk, ks, kl, kf);
    if (x_glossary(sk))
        glossary_of(sk, rs, rl, ks, kl);
    if (sk->rc || !is_upper_initial(orig, olen))
        return;
    size_t nb;
    if (kl && kl < len && (nb = surname_base(ks, kl)) == kl)
        name_forms(sk, ks, kl); /* Жапаровдун, Собяниндин: the Kyrgyz stem */
    else if ((nb = surname_base(term, len)))
        name_forms(sk, term, nb);
}

typedef struct latin_ctx {
    seek *sk;
    size_t found;
    unsigned best;       /* articles holding the first spelling found */
} latin_ctx;

/* Spellings of one Latin word kept at most, and how much rarer than the
 * first one found a later one may be (Japarov: жапаров, not the rare
 * япаров). */
#define MAX_LATIN_FOUND 3
#define LATIN_RARER 4

/* The larger document frequency of prefix+stem over the two languages. */
static unsigned spelling_freq(seek *sk, const char *rs, size_t rl, const char *ks, size_t kl)
{
    unsigned fr = rl ? freq(sk, IZDE_PREFIX_STEM_RU, rs, rl) : 0;
    unsigned fk = kl ? freq(sk, IZDE_PREFIX_STEM_KY, ks, kl) : 0;
    return fr > fk ? fr : fk;
}

/* One Cyrillic spelling of a Latin word, best first: kept when the index
 * holds its stem in either language, and it is not far rarer than the
 * first one kept. */
static int on_spelling(void *ctx, const char *cyr, size_t len)
{
    latin_ctx *lc = ctx;
    seek *sk = lc->sk;
    char w[IZDE_MAX_TERM + 1], rs[IZDE_MAX_TERM + 1], ks[IZDE_MAX_TERM + 1];
    if (len > IZDE_MAX_TERM)
        return 0;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) { /* ё is indexed as е */
        if (i + 1 < len && (unsigned char)cyr[i] == 0xd1 && (unsigned char)cyr[i + 1] == 0x91) {
            w[n++] = (char)0xd0, w[n++] = (char)0xb5, i++;
            continue;
        }
        w[n++] = cyr[i];
    }
    w[n] = '\0';
    /* stemmed as a name, as the text writes it: with a capital (Vasilyev:
     * Васильев, the surname, not the Snowball stem of Василий) */
    char cap[IZDE_MAX_TERM + 1];
    memcpy(cap, w, n + 1);
    capitalize(cap);
    size_t rl = lang_ok(sk->x, 0) ? stem_into(sk, 0, w, n, cap, n, rs) : 0;
    size_t kl = lang_ok(sk->x, 1) ? stem_into(sk, 1, w, n, cap, n, ks) : 0;
    /* a stem cut far shorter than the spelling is another word (Chui:
     * чуй, Snowball чу; Too: тоо, то) */
    size_t chars = utf8_chars(w, n);
    if (rl && !(rl == n || (utf8_chars(rs, rl) >= 3 && utf8_chars(rs, rl) + 2 >= chars)))
        rl = 0;
    if (kl && !(kl == n || (utf8_chars(ks, kl) >= 3 && utf8_chars(ks, kl) + 2 >= chars)))
        kl = 0;
    unsigned f = sk->rc ? 0 : spelling_freq(sk, rs, rl, ks, kl);
    if (!f || (lc->found && (unsigned long)f * LATIN_RARER < lc->best))
        return sk->rc != 0;
    int hit = 0;
    if (rl)
        hit |= keep(sk, IZDE_PREFIX_STEM_RU, rs, rl, w, IZDE_X_LATIN);
    if (kl)
        hit |= keep(sk, IZDE_PREFIX_STEM_KY, ks, kl, w, IZDE_X_LATIN);
    if (hit && surname_base(w, n) == n)
        name_forms(sk, w, n);
    if (hit && !lc->found++)
        lc->best = f;
    return sk->rc || lc->found >= MAX_LATIN_FOUND;
}

static int is_latin_word(const char *s, size_t n)
{
    int letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0xd0 && c <= 0xd4)
            return 0; /* Cyrillic */
        letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    return letters >= 3;
}

#define MAX_LATIN_SPELLINGS 256

int izde__expand_word(const izde_expander *x, const char *term, size_t len, const char *orig,
                      size_t olen, izde_xlist *out)
{
    if (!x->db || !len || len > IZDE_MAX_TERM)
        return IZDE_OK;
    seek sk = {.x = x, .out = out, .proper = is_upper_initial(orig, olen)};
    for (int ky = 0; ky < 2; ky++) { /* how many articles each language has */
        char lt[8];
        snprintf(lt, sizeof lt, "%s%s", IZDE_PREFIX_LANG, ky ? "ky" : "ru");
        unsigned f = 0;
        int rc = izx_db_termfreq(x->db, lt, strlen(lt), &f);
        if (rc != IZX_OK)
            return izde__status_from_izx(rc);
        sk.docs[ky] = f ? f : 1;
    }
    if (is_latin_word(term, len)) {
        latin_ctx lc = {.sk = &sk};
        izde__latin_spellings(term, len, MAX_LATIN_SPELLINGS, on_spelling, &lc);
    } else {
        unsigned freqs[2] = {0, 0};
        forms_of(&sk, term, len, orig, olen, freqs);
        if (!sk.rc)
            keyboard_variants(&sk, term, len, freqs);
    }
    izde__buf_free(&sk.t);
    return sk.rc;
}

/* ---- word* ----------------------------------------------------------------- */

typedef struct wild {
    izde_xlist *out;
    size_t plen, max, found;
    int ky, rc;
} wild;

static int on_wild(void *ctx, const char *term, size_t len, unsigned tf)
{
    (void)tf;
    wild *w = ctx;
    if (++w->found > w->max)
        return 1;
    const char *t = term;
    char buf[IZDE_MAX_TERM + 1];
    if (len > IZDE_MAX_TERM)
        return 0;
    memcpy(buf, term, len);
    buf[len] = '\0';
    t = buf;
    w->rc = izde__xlist_add(w->out, &t, 1, buf + w->plen, len - w->plen, IZDE_X_WILDCARD);
    return w->rc != IZDE_OK;
}

int izde__expand_wildcard(const izde_expander *x, const char *prefix, size_t len, size_t max,
                          izde_xlist *out, size_t *found)
{
    *found = 0;
    if (!x->db)
        return IZDE_OK;
    static const char *const pre[] = {"", IZDE_PREFIX_STEM_RU, IZDE_PREFIX_STEM_KY};
    wild w = {.out = out, .max = max};
    for (size_t i = 0; i < 3 && w.rc == IZDE_OK && w.found <= max; i++) {
        if ((i == 1 && !lang_ok(x, 0)) || (i == 2 && !lang_ok(x, 1)))
            continue;
        char t[IZDE_MAX_TERM + 4];
        size_t pl = strlen(pre[i]);
        if (pl + len > IZDE_MAX_TERM)
            return IZDE_OK;
        memcpy(t, pre[i], pl);
        memcpy(t + pl, prefix, len);
        t[pl + len] = '\0';
        w.plen = pl;
        int rc = izx_db_allterms(x->db, t, on_wild, &w);
        if (rc != IZX_OK)
            return izde__status_from_izx(rc);
    }
    *found = w.found;
    if (w.rc)
        return w.rc;
    return w.found > max ? IZDE_EQUERY : IZDE_OK;
}
