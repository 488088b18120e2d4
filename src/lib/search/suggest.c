/*
 * suggest.c - "did you mean": a search that finds nothing, or fewer than
 * SUGGEST_BELOW articles with a word in few of them, gets the query with
 * its misspelt words corrected, when the corrected query finds more.
 *
 * Only the searching side: the index has no spelling table (Xapian's
 * remote backend would not serve one); the stems are read from the index,
 * one first letter at a time, and kept on the handle (db/vocab.c).
 *
 *   1. The query's positive words (not after NOT or -, not in a lang:,
 *      date: or figure filter, not numbers, not word*) are stemmed as
 *      query.c stems them.  A word is suspect when it is in no article,
 *      or in at most RARE_MAX of them.
 *   2. Its corrections: every word one edit away (a letter left out,
 *      added, replaced, two swapped) whose stem, in a language the query
 *      searches, the index has; and, for the stems of the index within
 *      one edit of the word's stem (two from 7 letters) sharing its first
 *      letter, the closest word with that stem.  Distances are weighted
 *      (optimal string alignment, in half edits): neighbouring keys of
 *      the ЙЦУКЕН layout, confused letters (и/ы, е/э, е/и, а/о, и/й, ь/ъ)
 *      and Kyrgyz letters typed as Russian ones (ң/н, ө/о, ү/у) cost half
 *      an edit, and so does a doubled letter typed once or a letter typed
 *      twice.  A correction changing the first letter is looked for among
 *      neighbouring keys and confused letters only.
 *   3. The likeliest correction wins: the log of its stem's share of its
 *      language's articles, less ALPHA per half edit.  A word that is in
 *      some articles is only corrected into one in RATIO e^(ALPHA d) times
 *      as many.  It is rewritten in place, keeping its capitals
 *      (Жапоров -> Жапаров); the rest of the query is kept byte for byte.
 *   4. The corrected query is counted: it is suggested only when it finds
 *      more articles than the query typed.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "izde-private.h"

/* A search finding this many articles or more is not looked at: it pays
 * nothing for suggestions. */
#define SUGGEST_BELOW 20
/* A word in some articles is corrected only into one in RATIO times as
 * many, times e^(ALPHA d) for a correction d units away. */
#define RATIO 20
/* Words in more articles than this (of n in the index) are taken as
 * spelt right. */
#define RARE_MAX(n) ((n) / 2000 > 3 ? (n) / 2000 : 3)
/* Close stems (step 2) written as words, the likeliest first */
#define TOP 4
/* The weight of a unit of distance against the log of the articles: a
 * correction one unit further must be in e^2.5 = 12 times as many
 * (measured on misspellings of the archive's words, README) */
#define ALPHA 2.5

#define L IZDE_VOCAB_MAX_LETTERS
#define UNIT 2 /* the cost of an edit; a cheap one costs 1 */

/* ---- the cost of a substitution ---------------------------------------------- */

static unsigned char cheap[IZDE_VOCAB_CODES + 1][IZDE_VOCAB_CODES + 1];
static pthread_once_t cheap_once = PTHREAD_ONCE_INIT;

/* cheap[a][b]: 0, a substitution; KEY, neighbouring keys; CONFUSED,
 * letters people confuse (also when neighbours).  Both cost a unit. */
enum { KEY = 1, CONFUSED = 2 };

static void pair_cheap(const char *a, const char *b)
{
    unsigned char x, y;
    if (izde__vocab_encode(a, strlen(a), &x, 1) == 1 && izde__vocab_encode(b, strlen(b), &y, 1) == 1)
        cheap[x][y] = cheap[y][x] = CONFUSED;
}

static void init_cheap(void)
{
    /* the ЙЦУКЕН rows; a key touches its row neighbours, the two keys
     * below it (left and right) and the two above */
    static const char *const rows[3] = {"йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"};
    unsigned char r[3][12];
    int n[3];
    for (int i = 0; i < 3; i++)
        n[i] = izde__vocab_encode(rows[i], strlen(rows[i]), r[i], 12);
    for (int i = 0; i < 3; i++)
        for (int c = 0; c < n[i]; c++) {
            if (c + 1 < n[i])
                cheap[r[i][c]][r[i][c + 1]] = cheap[r[i][c + 1]][r[i][c]] = KEY;
            if (i + 1 < 3)
                for (int d = c - 1; d <= c; d++)
                    if (d >= 0 && d < n[i + 1])
                        cheap[r[i][c]][r[i + 1][d]] = cheap[r[i + 1][d]][r[i][c]] = KEY;
        }
    static const char *const pairs[][2] = {
        {"и", "ы"}, {"е", "э"}, {"е", "и"}, {"а", "о"}, {"и", "й"}, {"ь", "ъ"},
        {"ң", "н"}, {"ө", "о"}, {"ү", "у"}, {"ө", "ү"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++)
        pair_cheap(pairs[i][0], pairs[i][1]);
}

static unsigned sub_cost(unsigned char a, unsigned char b)
{
    return a == b ? 0 : cheap[a][b] ? 1 : UNIT;
}

/* Deleting s[i] (or inserting it): cheap when it doubles a neighbour. */
static unsigned indel_cost(const unsigned char *s, size_t n, size_t i)
{
    return (i > 0 && s[i - 1] == s[i]) || (i + 1 < n && s[i + 1] == s[i]) ? 1 : UNIT;
}

/* The weighted optimal-string-alignment distance from a[0..n) to b[0..m)
 * in units (an edit 2, a cheap one 1), or max + 1 when above `max`.  With
 * `last` (m + 1 entries), the distances from a to every prefix of b
 * (the whole of a against b[0..j)), with no bound. */
static unsigned osl(const unsigned char *a, size_t n, const unsigned char *b, size_t m,
                    unsigned max, unsigned *last)
{
    if (!last && (n > m ? n - m : m - n) > max)
        return max + 1;
    unsigned rows[3][L + 2], *pp = rows[0], *p = rows[1], *c = rows[2];
    p[0] = 0;
    for (size_t j = 1; j <= m; j++)
        p[j] = p[j - 1] + indel_cost(b, m, j - 1);
    for (size_t i = 1; i <= n; i++) {
        unsigned del = indel_cost(a, n, i - 1);
        c[0] = p[0] + del;
        unsigned low = c[0];
        for (size_t j = 1; j <= m; j++) {
            unsigned v = p[j - 1] + sub_cost(a[i - 1], b[j - 1]);
            unsigned x = p[j] + del;
            if (x < v)
                v = x;
            x = c[j - 1] + indel_cost(b, m, j - 1);
            if (x < v)
                v = x;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                a[i - 1] != b[j - 1] && pp[j - 2] + UNIT < v)
                v = pp[j - 2] + UNIT;
            c[j] = v;
            if (v < low)
                low = v;
        }
        if (!last && low > max)
            return max + 1;
        unsigned *t = pp;
        pp = p, p = c, c = t;
    }
    if (last)
        memcpy(last, p, (m + 1) * sizeof *last);
    return p[m] > max ? max + 1 : p[m];
}

unsigned izde__suggest_distance(const char *a, const char *b)
{
    pthread_once(&cheap_once, init_cheap);
    unsigned char x[L], y[L];
    int n = izde__vocab_encode(a, strlen(a), x, L), m = izde__vocab_encode(b, strlen(b), y, L);
    if (n < 0 || m < 0)
        return (unsigned)-1;
    return osl(x, (size_t)n, y, (size_t)m, 4 * L, NULL);
}

/* ---- plausible words ------------------------------------------------------------ */

/* а е и о у ы э ю я ө ү */
static int vowel(unsigned char c)
{
    return c == 1 || c == 6 || c == 9 || c == 15 || c == 20 || c == 28 || c == 30 || c == 31 ||
           c == 32 || c == IZDE_VOCAB_OE || c == IZDE_VOCAB_UE;
}

/* Has s[0..n) one letter three times in a row? */
static int tripled(const unsigned char *s, size_t n)
{
    for (size_t i = 2; i < n; i++)
        if (s[i] == s[i - 1] && s[i] == s[i - 2])
            return 1;
    return 0;
}

/* Could x[0..n) be written in either language where it differs from the
 * word typed, w[0..nw)?  No ъ ы ь first, no ъ ь after a vowel or ъ ь, no
 * letter three times in a row. */
static int plausible(const unsigned char *x, size_t n, const unsigned char *w, size_t nw)
{
    if ((x[0] == 27 || x[0] == 28 || x[0] == 29) && x[0] != w[0])
        return 0;
    if (tripled(x, n) && !tripled(w, nw))
        return 0;
    for (size_t i = 1; i < n; i++) {
        if (!((x[i] == 27 || x[i] == 29) && (vowel(x[i - 1]) || x[i - 1] == 27 || x[i - 1] == 29)))
            continue;
        int typed = 0;
        for (size_t j = 1; j < nw && !typed; j++)
            typed = w[j - 1] == x[i - 1] && w[j] == x[i];
        if (!typed)
            return 0;
    }
    return 1;
}

/* 1 for the front vowels е и ө ү э, 2 for the back ones а о у ы, 0 for
 * the other letters. */
static int vowel_row(unsigned char c)
{
    return c == 6 || c == 9 || c == 30 || c == IZDE_VOCAB_OE || c == IZDE_VOCAB_UE ? 1
           : c == 1 || c == 15 || c == 20 || c == 28                             ? 2
                                                                                  : 0;
}

/* Kyrgyz endings follow the vowels of their stem: the vowels of x[nt..n)
 * (x beginning with its stem of nt letters) that are not of the row of
 * the vowel before them (өзунун for өзүнүн: one), in units. */
static unsigned disharmony(const unsigned char *x, size_t n, size_t nt)
{
    int row = 0;
    unsigned bad = 0;
    for (size_t i = 0; i < n; i++) {
        int r = vowel_row(x[i]);
        if (!r)
            continue;
        bad += i >= nt && row && r != row;
        row = r;
    }
    return bad;
}

/* ---- the word rewritten -------------------------------------------------------- */

typedef struct rewrite {
    izde_stemmer *st;
    int kyrgyz;
    int upper;                  /* the case of the word as typed (izde__vocab_decode) */
    const unsigned char *w;     /* the word as typed, in codes */
    size_t nw;
    const char *stem;           /* the stem wanted, UTF-8 */
    size_t stem_len;
    unsigned char best[L];      /* the closest word found so far */
    size_t nbest;
    unsigned dbest;
    int found;
} rewrite;

/* Is x[0..n) a word whose stem is the one wanted?  Then keep it if it is
 * closer to the word typed than the best so far (of two as close, the
 * longer: a letter left out is likelier than one typed wrong). */
static void try_word(rewrite *rw, const unsigned char *x, size_t n)
{
    if (n == 0 || n > L || !plausible(x, n, rw->w, rw->nw))
        return;
    char low[2 * L + 1], cased[2 * L + 1];
    size_t len = izde__vocab_decode(x, n, 0, low);
    size_t clen = izde__vocab_decode(x, n, rw->upper, cased);
    size_t slen;
    const char *s = izde__stem_word(rw->st, rw->kyrgyz, low, len, cased, clen, &slen);
    if (!s || slen != rw->stem_len || memcmp(s, rw->stem, slen) != 0)
        return;
    unsigned d = osl(rw->w, rw->nw, x, n, 4 * L, NULL);
    if (rw->found && (d > rw->dbest || (d == rw->dbest && n < rw->nbest) ||
                      (d == rw->dbest && n == rw->nbest && memcmp(x, rw->best, n) >= 0)))
        return;
    memcpy(rw->best, x, n);
    rw->nbest = n;
    rw->dbest = d;
    rw->found = 1;
}

/* Every string one edit from x[0..n) in its part from `from` on (a letter
 * left out, replaced, added, or two swapped), and x itself. */
static void try_edits(rewrite *rw, const unsigned char *x, size_t n, size_t from)
{
    unsigned char y[L + 1];
    try_word(rw, x, n);
    for (size_t i = from; i < n; i++) { /* left out */
        memcpy(y, x, i);
        memcpy(y + i, x + i + 1, n - i - 1);
        try_word(rw, y, n - 1);
    }
    for (size_t i = from; i + 1 < n; i++) { /* swapped */
        memcpy(y, x, n);
        y[i] = x[i + 1], y[i + 1] = x[i];
        try_word(rw, y, n);
    }
    for (size_t i = from; i < n; i++) { /* replaced */
        memcpy(y, x, n);
        for (unsigned char c = 1; c <= IZDE_VOCAB_CODES; c++)
            if (c != x[i])
                y[i] = c, try_word(rw, y, n);
    }
    if (n + 1 > L)
        return;
    for (size_t i = from; i <= n; i++) { /* added */
        memcpy(y, x, i);
        memcpy(y + i + 1, x + i, n - i);
        for (unsigned char c = 1; c <= IZDE_VOCAB_CODES; c++)
            y[i] = c, try_word(rw, y, n + 1);
    }
}

/* The word w[0..nw) (small letters) rewritten as the closest word whose
 * stem is s[0..ns): the stem followed by the typed word's ending (the
 * part after the typed letters closest to the stem), or that with one
 * edit in the ending, or the typed word with one edit (a Kyrgyz stem may
 * change its letters: шайлоо -> шайла).  out[] receives it; 0 when no
 * such word is found. */
static size_t rewrite_word(izde_stemmer *st, int kyrgyz, int upper, const unsigned char *w,
                           size_t nw, const unsigned char *s, size_t ns, unsigned char *out)
{
    char stem[2 * L + 1];
    rewrite rw = {.st = st, .kyrgyz = kyrgyz, .upper = upper, .w = w, .nw = nw, .stem = stem};
    rw.stem_len = izde__vocab_decode(s, ns, 0, stem);
    unsigned last[L + 1];
    osl(s, ns, w, nw, 0, last);
    unsigned low = last[0];
    for (size_t j = 1; j <= nw; j++)
        if (last[j] < low)
            low = last[j];
    unsigned char x[2 * L];
    for (size_t j = 0; j <= nw; j++) {
        if (last[j] > low + 1 || ns + (nw - j) > L)
            continue;
        memcpy(x, s, ns);
        memcpy(x + ns, w + j, nw - j);
        try_edits(&rw, x, ns + nw - j, ns);
    }
    try_edits(&rw, w, nw, 0);
    if (!rw.found)
        return 0;
    memcpy(out, rw.best, rw.nbest);
    return rw.nbest;
}

/* 0 small, 1 a capital first, 2 all capitals (two letters or more). */
static int case_of(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t letters = 0, caps = 0;
    int first = 0;
    for (size_t i = 0; i + 1 < len; i += 2) {
        if ((u[i] & 0xe0) != 0xc0)
            return 0; /* not the two alphabets: small letters */
        unsigned cp = ((unsigned)(u[i] & 0x1f) << 6) | (u[i + 1] & 0x3f);
        int cap = (cp >= 0x410 && cp <= 0x42f) || cp == 0x401 || cp == 0x4a2 || cp == 0x4e8 ||
                  cp == 0x4ae;
        if (letters++ == 0)
            first = cap;
        caps += (size_t)cap;
    }
    return letters > 1 && caps == letters ? 2 : first;
}

int izde__suggest_rewrite(const char *word, const char *stem, int kyrgyz, char **out)
{
    pthread_once(&cheap_once, init_cheap);
    *out = NULL;
    izde_stemmer *st = NULL;
    if (izde_stemmer_new(&st, kyrgyz ? "ky" : "ru") != IZDE_OK)
        return IZDE_ENOMEM;
    unsigned char w[L], s[L], r[L];
    int nw = izde__vocab_encode(word, strlen(word), w, L);
    int ns = izde__vocab_encode(stem, strlen(stem), s, L);
    int upper = case_of(word, strlen(word));
    size_t n = nw > 0 && ns > 0 ? rewrite_word(st, kyrgyz, upper, w, (size_t)nw, s, (size_t)ns, r) : 0;
    izde_stemmer_free(st);
    if (!n)
        return IZDE_OK;
    char buf[2 * L + 1];
    izde__vocab_decode(r, n, upper, buf);
    *out = strdup(buf);
    return *out ? IZDE_OK : IZDE_ENOMEM;
}

/* ---- the query ------------------------------------------------------------------ */

typedef struct qword {
    char *term;         /* normalised */
    size_t start, end;  /* bytes of the query */
    int kind;
} qword;

typedef struct words {
    qword *w;
    size_t n, cap;
    int oom;
} words;

static int on_word(void *ctx, const izde_token *t)
{
    words *ws = ctx;
    if (ws->n == ws->cap) {
        size_t cap = ws->cap ? ws->cap * 2 : 16;
        qword *n = realloc(ws->w, cap * sizeof *n);
        if (!n)
            return ws->oom = 1;
        ws->w = n;
        ws->cap = cap;
    }
    char *term = strndup(t->term, t->term_len);
    if (!term)
        return ws->oom = 1;
    ws->w[ws->n++] = (qword){term, t->start, t->end, t->kind};
    return 0;
}

static int in_list(char *const *list, size_t n, const char *s, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (list[i] && strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
            return 1;
    return 0;
}

/* Did the parser search this word (it keeps the positive ones to
 * highlight), and its stem in language `lang` (-1: the word itself)? */
static int searched(const izde_pquery *pq, int lang, const char *s, size_t len)
{
    char *const *list = lang < 0 ? pq->terms : lang ? pq->ky_stems : pq->stems;
    size_t n = lang < 0 ? pq->nterms : lang ? pq->nky_stems : pq->nstems;
    if (in_list(list, n, s, len))
        return 1;
    for (size_t i = 0; i < pq->nphrases; i++) {
        const izde_qphrase *ph = &pq->phrases[i];
        if (in_list(lang < 0 ? ph->terms : lang ? ph->ky_stems : ph->stems, ph->n, s, len))
            return 1;
    }
    return 0;
}

/* Was this word (as typed) also searched as other words the index holds
 * (query.c's expansions: окмот as өкмөт, Japarov as Жапаров)?  Then it
 * found what it stands for and is no misspelling. */
static int expanded(const izde_pquery *pq, const char *s, size_t len)
{
    for (size_t i = 0; i < pq->nexpanded; i++)
        if (strlen(pq->expanded[i].word) == len && memcmp(pq->expanded[i].word, s, len) == 0)
            return 1;
    return 0;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int chunk_edge(const char *q, size_t i)
{
    return is_space(q[i]) || q[i] == '(' || q[i] == ')' || q[i] == '"' ||
           strncmp(q + i, "\xc2\xab", 2) == 0 || strncmp(q + i, "\xc2\xbb", 2) == 0 ||
           (i > 0 && (strncmp(q + i - 1, "\xc2\xab", 2) == 0 || strncmp(q + i - 1, "\xc2\xbb", 2) == 0));
}

/* Is q[start..end) a word the query searches for as typed: not in a
 * filter (lang:, date:, noun:range), not excluded by a - or NOT right
 * before it, not a prefix (word*)?  Inside quotes every word is. */
static int plain_word(const char *q, size_t start, size_t end)
{
    int quoted = 0;
    for (size_t i = 0; i < start;) {
        if (!quoted && (q[i] == '"' || strncmp(q + i, "\xc2\xab", 2) == 0))
            quoted = q[i] == '"' ? 1 : 2;
        else if ((quoted == 1 && q[i] == '"') || (quoted == 2 && strncmp(q + i, "\xc2\xbb", 2) == 0))
            quoted = 0;
        i += q[i] == '"' ? 1 : (strncmp(q + i, "\xc2\xab", 2) == 0 || strncmp(q + i, "\xc2\xbb", 2) == 0) ? 2 : 1;
    }
    if (q[end] == '*')
        return 0;
    if (quoted)
        return 1;
    size_t a = start, b = end;
    while (a > 0 && !chunk_edge(q, a - 1))
        a--;
    while (q[b] && !chunk_edge(q, b))
        b++;
    if (q[a] == '-' || strncmp(q + a, "lang:", 5) == 0 || strncmp(q + a, "date:", 5) == 0)
        return 0;
    const char *colon = memchr(q + a, ':', b - a);
    if (colon && colon > q + a && colon[1] != '/')
        return 0;
    /* NOT just before */
    size_t p = a;
    while (p > 0 && is_space(q[p - 1]))
        p--;
    return !(p >= 3 && strncmp(q + p - 3, "NOT", 3) == 0 && (p == 3 || chunk_edge(q, p - 4)));
}

static unsigned termfreq(izx_db *x, const char *prefix, const char *s, size_t len)
{
    char t[IZDE_MAX_TERM + 8];
    size_t pl = strlen(prefix);
    if (pl + len > IZDE_MAX_TERM)
        return 0;
    memcpy(t, prefix, pl);
    memcpy(t + pl, s, len);
    unsigned f = 0;
    if (izx_db_termfreq(x, t, pl + len, &f) != IZX_OK)
        return 0;
    return f;
}

/* One word of the query looked at. */
typedef struct suspect {
    const qword *qw;
    int upper;
    unsigned char w[L];
    size_t nw;
    char *stem[2];      /* its stems, NULL where the query does not search that language */
    unsigned freq;      /* articles holding it */
} suspect;

/* Look at one word: its stems and articles; 1 when suspect. */
static int look_at(izde_db *db, const izde_pquery *pq, const char *q, const qword *qw,
                   unsigned doccount, suspect *s)
{
    size_t len = strlen(qw->term);
    memset(s, 0, sizeof *s);
    s->qw = qw;
    int n = izde__vocab_encode(qw->term, len, s->w, L);
    if (qw->kind != IZDE_TOK_WORD || n < 4 || !plain_word(q, qw->start, qw->end) ||
        !searched(pq, -1, qw->term, len) || expanded(pq, q + qw->start, qw->end - qw->start))
        return 0;
    s->nw = (size_t)n;
    s->upper = case_of(q + qw->start, qw->end - qw->start);
    s->freq = termfreq(db->x, "", qw->term, len);
    izde_stemmer *st[2] = {db->stem_ru, db->stem_ky};
    static const char *const prefix[2] = {IZDE_PREFIX_STEM_RU, IZDE_PREFIX_STEM_KY};
    for (int k = 0; k < 2; k++) {
        size_t sl;
        const char *stem = st[k] ? izde__stem_word(st[k], k, qw->term, len, q + qw->start,
                                                   qw->end - qw->start, &sl) : NULL;
        if (!stem || !searched(pq, k, stem, sl))
            continue;
        unsigned f = termfreq(db->x, prefix[k], stem, sl);
        if (f > s->freq)
            s->freq = f;
        f = termfreq(db->x, prefix[k], qw->term, len);
        if (f > s->freq)
            s->freq = f;
        s->stem[k] = strndup(stem, sl);
    }
    return s->freq <= RARE_MAX(doccount) && (s->stem[0] || s->stem[1]);
}

/* ---- corrections ---------------------------------------------------------------- */

/* How a word was corrected, likeliest first: the order of two words of
 * one stem as close to the word typed (табылды over табылыды for
 * таблыды, шайлоо over шайла for шайло, стратегий over стратегиий for
 * стратегийй, ядерное over ядернее for ядернае). */
enum { SWAPPED, ADDED, LEFT_OUT, RESPELT, REPLACED, REWRITTEN };

/* The best correction of a word found so far. */
typedef struct fix {
    int found;
    double score;
    unsigned d;              /* from the word typed, in units */
    int how;                 /* SWAPPED ... */
    unsigned char w[L + 1];  /* the word corrected */
    size_t n;
} fix;

/* What a correction of one word needs. */
typedef struct corr {
    izde_db *db;
    izde_vocab *voc;
    const suspect *s;
    fix f;
} corr;

/* Offer x[0..n), `d` units from the word typed, whose stem t[0..nt) in
 * language `lang` is in `freq` articles: kept when likelier than the best
 * so far (the log of the stem's share of the language's articles, less
 * ALPHA a unit, and a unit for each Kyrgyz vowel of the ending out of
 * harmony with the stem).  A word typed that is in some articles is itself likely:
 * the stem must be in RATIO e^(ALPHA d) times as many, the first letter
 * stays (a rare name is no misspelling: Орозов is not Грозов), and the
 * stem must not begin the word typed (теплеть is not теплить, whose stem
 * is тепл: it is another word, or form, that the stemmer cuts elsewhere). */
static void offer(corr *c, int lang, const unsigned char *t, size_t nt, unsigned freq,
                  const unsigned char *x, size_t n, unsigned d, int how)
{
    fix *f = &c->f;
    const suspect *s = c->s;
    if (lang == 1 && nt <= n && memcmp(x, t, nt) == 0)
        d += disharmony(x, n, nt); /* a unit a vowel out of harmony */
    if (!freq || (s->freq && (freq < RATIO * s->freq * exp(ALPHA * d) || x[0] != s->w[0] ||
                              (nt <= s->nw && memcmp(t, s->w, nt) == 0))))
        return;
    double score = log((freq + 0.5) / (c->voc->docs[lang] + 1.0)) - ALPHA * d;
    if (f->found && (score < f->score ||
                     (score == f->score && (d > f->d || (d == f->d && (how > f->how ||
                      (how == f->how && memcmp(x, f->w, n < f->n ? n : f->n) >= 0)))))))
        return;
    f->found = 1;
    f->score = score;
    f->d = d;
    f->how = how;
    memcpy(f->w, x, n);
    f->n = n;
}

/* The articles holding stem t[0..n) of language `lang`: from its first
 * letter's stems when they were read, else asked of the index. */
static unsigned stem_freq(corr *c, int lang, const unsigned char *t, size_t n)
{
    if (n < (size_t)(3 - lang))
        return 0; /* never suggested (vocab.c) */
    const izde_vocab_bucket *b = &c->voc->b[lang][t[0]];
    if (b->loaded) {
        long id = izde__vocab_find(b, t, n);
        return id < 0 ? 0 : b->freq[id];
    }
    char stem[2 * L + 1];
    size_t len = izde__vocab_decode(t, n, 0, stem);
    return termfreq(c->db->x, lang ? IZDE_PREFIX_STEM_KY : IZDE_PREFIX_STEM_RU, stem, len);
}

/* Offer x[0..n) (`d` units from the word typed) when it is plausible and
 * its stem in `lang` is not the word's own but one the index has. */
static void try_stem(corr *c, int lang, const unsigned char *x, size_t n, unsigned d, int how)
{
    const suspect *s = c->s;
    if (!plausible(x, n, s->w, s->nw))
        return;
    char low[2 * L + 1], cased[2 * L + 1];
    size_t len = izde__vocab_decode(x, n, 0, low);
    size_t clen = izde__vocab_decode(x, n, s->upper, cased);
    size_t slen;
    izde_stemmer *st = lang ? c->db->stem_ky : c->db->stem_ru;
    const char *stem = izde__stem_word(st, lang, low, len, cased, clen, &slen);
    if (!stem || (strlen(s->stem[lang]) == slen && memcmp(s->stem[lang], stem, slen) == 0))
        return;
    unsigned char t[L];
    int nt = izde__vocab_encode(stem, slen, t, L);
    if (nt > 0)
        offer(c, lang, t, (size_t)nt, stem_freq(c, lang, t, (size_t)nt), x, n, d, how);
}

/* Every word one edit from the word typed, offered with its stem in
 * `lang`.  The first letter is replaced, or a letter added before it,
 * only by neighbouring keys and confused letters: each such word asks
 * the index for its stem (its first letter's stems are not read). */
static void one_edit(corr *c, int lang)
{
    const unsigned char *w = c->s->w;
    size_t n = c->s->nw;
    unsigned char y[L + 1];
    unsigned char letters = lang ? IZDE_VOCAB_CODES : 32; /* ң ө ү are Kyrgyz */
    for (size_t i = 0; i < n; i++) { /* left out */
        memcpy(y, w, i);
        memcpy(y + i, w + i + 1, n - i - 1);
        try_stem(c, lang, y, n - 1, indel_cost(w, n, i), LEFT_OUT);
    }
    for (size_t i = 0; i + 1 < n; i++) { /* swapped */
        if (w[i] == w[i + 1])
            continue;
        memcpy(y, w, n);
        y[i] = w[i + 1], y[i + 1] = w[i];
        try_stem(c, lang, y, n, UNIT, SWAPPED);
    }
    for (size_t i = 0; i < n; i++) { /* replaced */
        memcpy(y, w, n);
        for (unsigned char l = 1; l <= letters; l++)
            if (l != w[i] && (i > 0 || cheap[w[0]][l])) {
                y[i] = l;
                try_stem(c, lang, y, n, sub_cost(w[i], l),
                         cheap[w[i]][l] == CONFUSED ? RESPELT : REPLACED);
            }
    }
    if (n + 1 > L)
        return;
    for (size_t i = 0; i <= n; i++) { /* added */
        memcpy(y, w, i);
        memcpy(y + i + 1, w + i, n - i);
        for (unsigned char l = 1; l <= letters; l++) {
            if ((i > 0 && w[i - 1] == l) || (i == 0 && !cheap[w[0]][l] && l != w[0]))
                continue; /* the same word as adding it after that letter */
            y[i] = l;
            try_stem(c, lang, y, n + 1, indel_cost(y, n + 1, i), ADDED);
        }
    }
}

typedef struct cand {
    const izde_vocab_bucket *b;
    int lang;
    unsigned id;
    double score;
} cand;

/* Units of distance a stem of n letters may be from its correction: none
 * under 4 letters, an edit under 7, two from 7. */
static unsigned budget(size_t n)
{
    return n < 4 ? 0 : n < 7 ? UNIT : 2 * UNIT;
}

/* The TOP stems of language `lang` closest to q[0..n) (the word's stem)
 * among those sharing its first letter, into top[] (*ntop so far). */
static void close_stems(corr *c, int lang, const unsigned char *q, size_t n, cand *top,
                        size_t *ntop)
{
    unsigned max = budget(n);
    const izde_vocab_bucket *b = izde__vocab_bucket(c->db, c->voc, lang, q[0]);
    if (!max || !b)
        return;
    unsigned long long qmask = 0;
    for (size_t i = 0; i < n; i++)
        qmask |= 1ULL << q[i];
    for (unsigned id = 0; id < b->n; id++) {
        size_t m = b->len[id];
        /* each unit changes the length by one at most, the letters by two */
        if ((m > n ? m - n : n - m) > max ||
            (unsigned)__builtin_popcountll(b->mask[id] ^ qmask) > 2 * max)
            continue;
        unsigned d = osl(q, n, b->codes + b->off[id], m, max, NULL);
        if (d == 0 || d > max)
            continue;
        cand x = {b, lang, id, log((b->freq[id] + 0.5) / (c->voc->docs[lang] + 1.0)) - ALPHA * d};
        size_t k = *ntop;
        while (k > 0 && top[k - 1].score < x.score) {
            if (k < TOP)
                top[k] = top[k - 1];
            k--;
        }
        if (k < TOP) {
            top[k] = x;
            if (*ntop < TOP)
                (*ntop)++;
        }
    }
}

/* The correction of one suspect word, malloc'ed, or NULL. */
static char *correct(izde_db *db, izde_vocab *voc, const suspect *s)
{
    corr c = {db, voc, s, {0}};
    cand top[TOP];
    size_t ntop = 0;
    for (int k = 0; k < 2; k++) { /* first: it reads the stems of the first letter */
        unsigned char q[L];
        int n = s->stem[k] ? izde__vocab_encode(s->stem[k], strlen(s->stem[k]), q, L) : -1;
        if (n >= 1)
            close_stems(&c, k, q, (size_t)n, top, &ntop);
    }
    for (int k = 0; k < 2; k++)
        if (s->stem[k])
            one_edit(&c, k);
    izde_stemmer *st[2] = {db->stem_ru, db->stem_ky};
    for (size_t i = 0; i < ntop; i++) {
        const izde_vocab_bucket *b = top[i].b;
        unsigned char r[L];
        size_t n = rewrite_word(st[top[i].lang], top[i].lang, s->upper, s->w, s->nw,
                                b->codes + b->off[top[i].id], b->len[top[i].id], r);
        if (n)
            offer(&c, top[i].lang, b->codes + b->off[top[i].id], b->len[top[i].id],
                  b->freq[top[i].id], r, n, osl(s->w, s->nw, r, n, 4 * L, NULL), REWRITTEN);
    }
    if (!c.f.found)
        return NULL;
    char *out = malloc(2 * c.f.n + 1);
    if (out)
        izde__vocab_decode(c.f.w, c.f.n, s->upper, out);
    return out;
}

/* The articles `query` finds, or -1. */
static long count(izde_db *db, const char *query)
{
    izde_pquery pq; /* parsed as the search was, expansions and all */
    if (izde__db_parse_query(db, query, &pq) != IZDE_OK)
        return -1;
    unsigned n = 0;
    long out = izx_count(db->x, pq.xq, &n) == IZX_OK ? (long)n : -1;
    izde__pquery_clear(&pq);
    return out;
}

int izde__suggest(izde_db *db, const char *query, const izde_pquery *pq, unsigned matches,
                  char **out)
{
    *out = NULL;
    if (matches >= SUGGEST_BELOW)
        return IZDE_OK;
    pthread_once(&cheap_once, init_cheap);
    words ws = {0};
    int rc = izde_analyze(db->analyzer, query, strlen(query), on_word, &ws);
    if (ws.oom)
        rc = IZDE_ENOMEM;
    unsigned doccount = 0;
    izx_db_doccount(db->x, &doccount);
    suspect *sus = rc == IZDE_OK && ws.n ? calloc(ws.n, sizeof *sus) : NULL;
    size_t nsus = 0;
    for (size_t i = 0; sus && i < ws.n; i++)
        if (look_at(db, pq, query, &ws.w[i], doccount, &sus[nsus]))
            nsus++;
        else
            free(sus[nsus].stem[0]), free(sus[nsus].stem[1]);
    izde_vocab *voc = nsus ? izde__vocab_get(db) : NULL;
    izde_buf b = {0};
    size_t at = 0;
    int changed = 0;
    for (size_t i = 0; voc && i < nsus; i++) {
        char *fix = correct(db, voc, &sus[i]);
        if (!fix)
            continue;
        izde__buf_append(&b, query + at, sus[i].qw->start - at);
        izde__buf_puts(&b, fix);
        at = sus[i].qw->end;
        changed = 1;
        free(fix);
    }
    if (changed) {
        izde__buf_puts(&b, query + at);
        if (b.oom)
            rc = IZDE_ENOMEM;
        else if (strcmp(b.data, query) != 0 && count(db, b.data) > (long)matches) {
            *out = b.data;
            b.data = NULL;
        }
    }
    izde__buf_free(&b);
    for (size_t i = 0; i < nsus; i++)
        free(sus[i].stem[0]), free(sus[i].stem[1]);
    free(sus);
    for (size_t i = 0; i < ws.n; i++)
        free(ws.w[i].term);
    free(ws.w);
    return rc;
}
