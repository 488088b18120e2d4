/*
 * snippet.c - the passages of an article that show why it matched, with
 * the query's words marked (the model is SQLite FTS5's snippet()).
 *
 * The stored clean text is re-analyzed with the same analyzer that
 * indexed it, so every highlight is a real byte range and covers every
 * inflection the query matched: a word is marked when its exact form, its
 * Russian stem or its Kyrgyz stem (by the article's language) is one of
 * the query's; a quoted phrase is marked as one unit where its words
 * stand in order; excluded words are never marked.
 *
 * Fragments: sentences holding matches, widened with their neighbours to
 * about 200 characters and cut (at a word, with "…") past 300; up to three
 * chosen greedily to cover the most distinct query words first, then the
 * most matches and figures (numbers) beside them; shown in text order.
 * A long text is analyzed in two parts, the second only when the first
 * lacks a query word (see PREFIX).
 */
#include <stdlib.h>
#include <string.h>

#include "izde-private.h"

#define FRAG_MIN 200   /* characters a fragment grows to */
#define FRAG_MAX 300   /* characters a fragment is cut at */

typedef struct match {
    size_t start, end;  /* bytes in the text */
    size_t word;        /* which query word or phrase (distinct-word counting) */
} match;

typedef struct span {
    size_t start, end;  /* bytes */
} span;

typedef struct snip_ctx {
    const izde_pquery *q;
    izde_stemmer *stem;  /* NULL when the text's language has no stems */
    int kyrgyz;          /* stem with the Kyrgyz stemmer and list */
    const char *text;
    match *m;            /* matches in text order (phrases where they end) */
    size_t n, cap;
    size_t *nums;        /* start offsets of number tokens */
    size_t nnums, capnums;
    size_t *progress;    /* per phrase: words matched so far */
    size_t *pfirst;      /* per phrase: where its first matched word starts */
    size_t base;         /* offset in `text` of the part being analyzed */
    int oom;
} snip_ctx;

static int find(char *const *list, size_t n, const char *s, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (list[i][0] == s[0] && strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
            return (int)i;
    return -1;
}

/* Could `term` stem to one of `stems`?  Stemmers only cut endings, so a
 * stem is a prefix of the folded word; Kyrgyz may also change the stem's
 * last letter (тармаг -> тармак), so there all but that letter must be.
 * Stemming is the costliest part of a snippet: skip the hopeless words. */
static int could_match(char *const *stems, size_t n, const char *term, size_t len, int kyrgyz)
{
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(stems[i]);
        if (kyrgyz && k > 1) {
            k--;
            while (k > 0 && ((unsigned char)stems[i][k] & 0xc0) == 0x80)
                k--;
        }
        if (k <= len && memcmp(stems[i], term, k) == 0)
            return 1;
    }
    return 0;
}

static int push_match(snip_ctx *c, size_t start, size_t end, size_t word)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 32;
        match *nm = realloc(c->m, cap * sizeof *nm);
        if (!nm)
            return IZDE_ENOMEM;
        c->m = nm;
        c->cap = cap;
    }
    /* a phrase ending here replaces the single-word matches inside it */
    while (c->n > 0 && c->m[c->n - 1].start >= start)
        c->n--;
    c->m[c->n++] = (match){start, end, word};
    return 0;
}

static int on_token(void *vctx, const izde_token *pt)
{
    snip_ctx *c = vctx;
    const izde_pquery *q = c->q;
    izde_token tok = *pt; /* offsets in the part -> offsets in the text */
    tok.start += c->base;
    tok.end += c->base;
    const izde_token *t = &tok;
    if (t->kind == IZDE_TOK_NUMBER) {
        if (c->nnums == c->capnums) {
            size_t cap = c->capnums ? c->capnums * 2 : 32;
            size_t *nn = realloc(c->nums, cap * sizeof *nn);
            if (!nn)
                return IZDE_ENOMEM;
            c->nums = nn;
            c->capnums = cap;
        }
        c->nums[c->nnums++] = t->start;
    }
    int w = find(q->terms, q->nterms, t->term, t->term_len);
    char *const *stems = c->kyrgyz ? q->ky_stems : q->stems;
    size_t nstems = c->kyrgyz ? q->nky_stems : q->nstems;
    if (w < 0 && c->stem && t->kind == IZDE_TOK_WORD && nstems &&
        could_match(stems, nstems, t->term, t->term_len, c->kyrgyz)) {
        size_t slen;
        const char *s = izde__stem_token(c->stem, c->kyrgyz, t, c->text, &slen);
        int k = s ? find(stems, nstems, s, slen) : -1;
        if (k >= 0)
            w = (int)(q->nterms + (size_t)k + (c->kyrgyz ? q->nstems : 0));
    }
    if (w >= 0 && push_match(c, t->start, t->end, (size_t)w))
        return IZDE_ENOMEM;
    /* phrases: consecutive tokens that are the phrase's words, in any
     * inflection (the same form or the same stem) */
    size_t base = q->nterms + q->nstems + q->nky_stems;
    const char *tstem = NULL; /* the token's stem, made when first needed */
    size_t tslen = 0;
    int stemmed = 0;
    for (size_t p = 0; p < q->nphrases; p++) {
        const izde_qphrase *ph = &q->phrases[p];
        size_t *at = &c->progress[p];
        for (;;) {
            const char *want = ph->terms[*at];
            const char *wstem = c->kyrgyz ? ph->ky_stems[*at] : ph->stems[*at];
            int same = strlen(want) == t->term_len && memcmp(want, t->term, t->term_len) == 0;
            if (!same && wstem && c->stem && t->kind == IZDE_TOK_WORD) {
                if (!stemmed) {
                    tstem = izde__stem_token(c->stem, c->kyrgyz, t, c->text, &tslen);
                    stemmed = 1;
                }
                same = tstem && tslen == strlen(wstem) && memcmp(tstem, wstem, tslen) == 0;
            }
            if (same) {
                if (*at == 0)
                    c->pfirst[p] = t->start;
                if (++*at == ph->n) {
                    if (push_match(c, c->pfirst[p], t->end, base + p))
                        return IZDE_ENOMEM;
                    *at = 0;
                }
                break;
            }
            if (*at == 0)
                break;
            *at = 0; /* retry this token as the phrase's first word */
        }
    }
    return 0;
}

/* ---- text geometry --------------------------------------------------------- */

static int is_cont(unsigned char c)
{
    return (c & 0xc0) == 0x80;
}

/* Characters in s[a, b), counted up to FRAG_MAX + 1 only: every caller
 * compares the count with FRAG_MIN or FRAG_MAX, and a sentence of
 * megabytes is not counted again for each match in it. */
static size_t chars(const char *s, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t i = a; i < b && n <= FRAG_MAX; i++)
        n += !is_cont((unsigned char)s[i]);
    return n;
}

/* Byte offset `k` characters after `a` (or `limit`). */
static size_t advance_chars(const char *s, size_t a, size_t limit, size_t k)
{
    size_t i = a;
    while (i < limit && k > 0) {
        i++;
        while (i < limit && is_cont((unsigned char)s[i]))
            i++;
        k--;
    }
    return i;
}

/* Byte offset `k` characters before `b` (or `limit`). */
static size_t retreat_chars(const char *s, size_t b, size_t limit, size_t k)
{
    size_t i = b;
    while (i > limit && k > 0) {
        i--;
        while (i > limit && is_cont((unsigned char)s[i]))
            i--;
        k--;
    }
    return i;
}

static int upper_or_digit_at(const unsigned char *s, size_t n)
{
    if (n == 0)
        return 0;
    if ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= '0' && s[0] <= '9'))
        return 1;
    if (s[0] == '"' || s[0] == '(' || s[0] == '-')
        return 1;
    if (n >= 2 && s[0] == 0xd0 && s[1] >= 0x80 && s[1] <= 0xaf)
        return 1; /* Ѐ-Я */
    if (n >= 2 && ((s[0] == 0xd2 && (s[1] == 0xa2 || s[1] == 0xae)) || (s[0] == 0xd3 && s[1] == 0xa8)))
        return 1; /* Ң Ү Ө */
    if (n >= 2 && s[0] == 0xc2 && s[1] == 0xab)
        return 1; /* « */
    if (n >= 3 && s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0x9c || s[2] == 0x94 || s[2] == 0x93))
        return 1; /* “ — – */
    return 0;
}

/* Sentences: a line, or split after . ! ? … (and closing quotes) followed
 * by space and a capital, digit or opening quote. */
static span *sentences(const char *t, size_t len, size_t *nout)
{
    size_t cap = 64, n = 0, start = 0;
    span *v = malloc(cap * sizeof *v);
    if (!v)
        return NULL;
    for (size_t i = 0; i <= len; i++) {
        int cut = 0;
        size_t end = i;
        if (i == len || t[i] == '\n') {
            cut = 1;
        } else if (t[i] == '.' || t[i] == '!' || t[i] == '?' ||
                   (i + 2 < len && (unsigned char)t[i] == 0xe2 && (unsigned char)t[i + 1] == 0x80 &&
                    (unsigned char)t[i + 2] == 0xa6)) {
            size_t j = i + ((unsigned char)t[i] == 0xe2 ? 3 : 1);
            while (j < len && (t[j] == '"' || t[j] == ')' ||
                               (j + 1 < len && (unsigned char)t[j] == 0xc2 && (unsigned char)t[j + 1] == 0xbb)))
                j += t[j] == '"' || t[j] == ')' ? 1 : 2;
            if (j < len && t[j] == ' ') {
                size_t k = j;
                while (k < len && t[k] == ' ')
                    k++;
                if (upper_or_digit_at((const unsigned char *)t + k, len - k) &&
                    !(t[i] == '.' && i >= 2 && t[i - 2] == ' ')) { /* not after an initial */
                    cut = 1;
                    end = j;
                }
            }
        }
        if (!cut)
            continue;
        while (start < end && (t[start] == ' ' || t[start] == '\n' || t[start] == '\r'))
            start++;
        if (end > start) {
            if (n == cap) {
                span *nv = realloc(v, (cap *= 2) * sizeof *v);
                if (!nv) {
                    free(v);
                    return NULL;
                }
                v = nv;
            }
            v[n++] = (span){start, end};
        }
        start = end + (i < len && t[end] == '\n' ? 1 : 0);
        if (end > i)
            i = end - 1;
    }
    *nout = n;
    return v;
}

/* ---- candidates ----------------------------------------------------------- */

typedef struct cand {
    size_t start, end;  /* bytes */
    int cut_left;       /* starts inside a sentence */
    int cut_right;      /* ends inside a sentence */
    size_t m0, m1;      /* matches [m0, m1) inside */
} cand;

static int same_line(const char *t, size_t a, size_t b)
{
    return memchr(t + a, '\n', b - a) == NULL;
}

/* The fragment around sentence `si` holding match `mi`. */
static cand make_cand(const snip_ctx *c, const span *s, size_t ns, size_t si, size_t mi)
{
    const char *t = c->text;
    cand k = {s[si].start, s[si].end, 0, 0, 0, 0};
    /* no match at all (a filter-only query, or one matched by a form the
     * text does not spell out): the start of the sentence stands for it */
    size_t mstart = c->n ? c->m[mi].start : k.start, mend = c->n ? c->m[mi].end : k.start;
    if (chars(t, k.start, k.end) > FRAG_MAX) {
        /* a long sentence: a window from a little before the match */
        size_t a = retreat_chars(t, mstart, k.start, FRAG_MAX / 5);
        size_t b = advance_chars(t, a, k.end, FRAG_MAX);
        if (b == k.end)
            a = retreat_chars(t, k.end, k.start, FRAG_MAX);
        /* whole words only */
        if (a > k.start) {
            while (a < mstart && t[a - 1] != ' ')
                a++;
            k.cut_left = 1;
        }
        if (b < k.end) {
            size_t e = b;
            while (e > mend && t[e] != ' ')
                e--;
            if (e > mend)
                b = e;
            k.cut_right = 1;
        }
        k.start = a;
        k.end = b;
    } else {
        /* short: add the following, then the preceding sentences of the
         * same line while it stays within bounds */
        size_t lo = si, hi = si;
        while (chars(t, k.start, k.end) < FRAG_MIN) {
            if (hi + 1 < ns && same_line(t, k.start, s[hi + 1].end) &&
                chars(t, k.start, s[hi + 1].end) <= FRAG_MAX) {
                k.end = s[++hi].end;
            } else if (lo > 0 && same_line(t, s[lo - 1].start, k.end) &&
                       chars(t, s[lo - 1].start, k.end) <= FRAG_MAX) {
                k.start = s[--lo].start;
            } else {
                break;
            }
        }
    }
    while (k.end > k.start && (t[k.end - 1] == ' ' || t[k.end - 1] == '\r'))
        k.end--;
    for (k.m0 = 0; k.m0 < c->n && c->m[k.m0].start < k.start; k.m0++)
        ;
    for (k.m1 = k.m0; k.m1 < c->n && c->m[k.m1].end <= k.end; k.m1++)
        ;
    return k;
}

/* ---- output ---------------------------------------------------------------- */

/* Copy t[k.start, k.end) with whitespace runs collapsed to one space and
 * "…" where a sentence is cut; highlights mapped into the copy. */
static int render(izde__frag *f, const snip_ctx *c, const cand *k)
{
    const char *t = c->text;
    size_t n = k->end - k->start;
    f->from = k->start, f->to = k->end;
    f->text = malloc(n + 8);
    f->hl = k->m1 > k->m0 ? malloc((k->m1 - k->m0) * sizeof *f->hl) : NULL;
    if (!f->text || (k->m1 > k->m0 && !f->hl))
        return IZDE_ENOMEM;
    size_t o = 0, mi = k->m0;
    if (k->cut_left)
        memcpy(f->text, "\xe2\x80\xa6", 3), o = 3;
    int space = 0;
    for (size_t i = k->start; i < k->end;) {
        unsigned char ch = (unsigned char)t[i];
        size_t wl = 0;
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r')
            wl = 1;
        else if (ch == 0xc2 && i + 1 < k->end && (unsigned char)t[i + 1] == 0xa0)
            wl = 2;
        if (wl && !(mi < k->m1 && c->m[mi].start <= i && i < c->m[mi].end)) {
            space = 1;
            i += wl;
            continue;
        }
        if (space) {
            f->text[o++] = ' ';
            space = 0;
        }
        if (mi < k->m1 && c->m[mi].start == i)
            f->hl[f->nhl][0] = o;
        f->text[o++] = t[i++];
        if (mi < k->m1 && c->m[mi].end == i) {
            f->hl[f->nhl++][1] = o;
            mi++;
        }
    }
    if (k->cut_right)
        memcpy(f->text + o, "\xe2\x80\xa6", 3), o += 3;
    f->text[o] = '\0';
    f->len = o;
    return IZDE_OK;
}

void izde__snip_free(izde__snip *s)
{
    for (size_t i = 0; i < s->nfrag; i++) {
        free(s->frag[i].text);
        free(s->frag[i].hl);
    }
    memset(s, 0, sizeof *s);
}

/* ---- how much to analyze -------------------------------------------------- */

/* Re-analyzing a long article is most of a snippet's cost.  The text is
 * analyzed in two parts: the first PREFIX bytes, and the rest only when
 * the first part lacks a query word or phrase, or has fewer than
 * IZDE_MAX_FRAGMENTS matches to build fragments from. */
#define PREFIX 8192

/* Has every positive word of the query (in its exact form, or through the
 * stem it has in the text's language) and every phrase matched? */
static int all_words_seen(const snip_ctx *c)
{
    const izde_pquery *q = c->q;
    size_t nw = q->nterms + q->nstems + q->nky_stems + q->nphrases;
    unsigned char *seen = calloc(nw ? nw : 1, 1);
    if (!seen)
        return 0;
    for (size_t i = 0; i < c->n; i++)
        if (c->m[i].word < nw)
            seen[c->m[i].word] = 1;
    char *const *stems = c->kyrgyz ? q->ky_stems : q->stems;
    size_t nstems = c->kyrgyz ? q->nky_stems : q->nstems;
    size_t off = q->nterms + (c->kyrgyz ? q->nstems : 0);
    int all = 1;
    for (size_t i = 0; i < q->nterms && all; i++) {
        if (seen[i])
            continue;
        /* the word's stem in this language, matched under its own index */
        size_t slen;
        const char *st = c->stem ? izde__stem_word(c->stem, c->kyrgyz, q->terms[i],
                                                   strlen(q->terms[i]), q->terms[i],
                                                   strlen(q->terms[i]), &slen)
                                 : NULL;
        int k = st ? find(stems, nstems, st, slen) : -1;
        all = k >= 0 && seen[off + (size_t)k];
    }
    for (size_t p = 0; p < q->nphrases && all; p++)
        all = seen[q->nterms + q->nstems + q->nky_stems + p];
    free(seen);
    return all;
}

/* Where the first part ends: at a line break or space near PREFIX. */
static size_t prefix_end(const char *text, size_t len)
{
    if (len <= PREFIX + PREFIX / 2)
        return len;
    size_t e = PREFIX;
    while (e < len && text[e] != '\n' && text[e] != ' ')
        e++;
    return e;
}

static size_t count_nums(const snip_ctx *c, const cand *k)
{
    size_t n = 0;
    for (size_t i = 0; i < c->nnums; i++)
        n += c->nums[i] >= k->start && c->nums[i] < k->end;
    return n;
}

/* Find the query's words in text[0..len): the head first, the rest only
 * when the head holds too few matches or not every word. */
static int find_matches(snip_ctx *c, izde_analyzer *a, const char *text, size_t len)
{
    const izde_pquery *q = c->q;
    if (q->nterms + q->nstems + q->nky_stems + q->nphrases == 0)
        return IZDE_OK;
    size_t cut = prefix_end(text, len);
    int rc = izde_analyze(a, text, cut, on_token, c);
    if (rc != IZDE_OK || cut >= len || (c->n >= IZDE_MAX_FRAGMENTS && all_words_seen(c)))
        return rc;
    c->base = cut;
    for (size_t p = 0; p < q->nphrases; p++)
        c->progress[p] = 0;
    return izde_analyze(a, text + cut, len - cut, on_token, c);
}

/* Nothing to mark (a filter-only query): the lead, cut to a fragment. */
static int render_lead(izde__snip *out, snip_ctx *c, const span *sent, size_t ns)
{
    cand k = make_cand(c, sent, ns, 0, 0);
    if (chars(c->text, k.start, k.end) > FRAG_MAX) {
        k.end = advance_chars(c->text, k.start, k.end, FRAG_MAX);
        while (k.end > k.start && c->text[k.end] != ' ')
            k.end--;
        k.cut_right = 1;
    }
    k.m0 = k.m1 = 0;
    int rc = render(&out->frag[0], c, &k);
    if (rc == IZDE_OK)
        out->nfrag = 1;
    return rc;
}

/* One candidate per sentence holding a match; *nc_out of them. */
static cand *make_cands(snip_ctx *c, const span *sent, size_t ns, size_t *nc_out)
{
    cand *cands = malloc(c->n * sizeof *cands);
    size_t nc = 0;
    if (!cands)
        return NULL;
    for (size_t mi = 0, si = 0; mi < c->n; mi++) {
        while (si < ns && sent[si].end <= c->m[mi].start)
            si++;
        if (si == ns)
            break;
        if (nc > 0 && c->m[mi].end <= cands[nc - 1].end)
            continue; /* already inside the previous candidate */
        cands[nc++] = make_cand(c, sent, ns, si, mi);
    }
    *nc_out = nc;
    return cands;
}

/* The best candidate not overlapping those chosen: new distinct words
 * first, then distinct words, figures and matches; nc when none. */
static size_t best_cand(const snip_ctx *c, const cand *cands, size_t nc, const size_t *chosen,
                        size_t nchosen, const unsigned char covered[256])
{
    size_t best = nc;
    unsigned long best_score = 0;
    for (size_t i = 0; i < nc; i++) {
        int overlaps = 0;
        for (size_t j = 0; j < nchosen; j++)
            overlaps |= cands[i].start < cands[chosen[j]].end && cands[chosen[j]].start < cands[i].end;
        if (overlaps || cands[i].m1 == cands[i].m0)
            continue;
        unsigned char here[256] = {0};
        unsigned long fresh = 0, distinct = 0;
        for (size_t m = cands[i].m0; m < cands[i].m1; m++) {
            size_t w = c->m[m].word & 255;
            if (!here[w]) {
                here[w] = 1;
                distinct++;
                fresh += !covered[w];
            }
        }
        size_t figures = count_nums(c, &cands[i]);
        unsigned long score = fresh * 100000 + distinct * 1000 +
                              (figures > 5 ? 5 : figures) * 20 + (cands[i].m1 - cands[i].m0);
        if (score > best_score) {
            best_score = score;
            best = i;
        }
    }
    return best;
}

/* Choose up to IZDE_MAX_FRAGMENTS candidates greedily and render them in
 * text order. */
static int render_best(izde__snip *out, snip_ctx *c, const cand *cands, size_t nc)
{
    unsigned char covered[256] = {0};
    size_t chosen[IZDE_MAX_FRAGMENTS], nchosen = 0, best;
    while (nchosen < IZDE_MAX_FRAGMENTS &&
           (best = best_cand(c, cands, nc, chosen, nchosen, covered)) != nc) {
        for (size_t m = cands[best].m0; m < cands[best].m1; m++)
            covered[c->m[m].word & 255] = 1;
        chosen[nchosen++] = best;
    }
    for (size_t i = 1; i < nchosen; i++)
        for (size_t j = i; j > 0 && cands[chosen[j - 1]].start > cands[chosen[j]].start; j--) {
            size_t tmp = chosen[j];
            chosen[j] = chosen[j - 1];
            chosen[j - 1] = tmp;
        }
    int rc = IZDE_OK;
    for (size_t i = 0; i < nchosen && rc == IZDE_OK; i++)
        if ((rc = render(&out->frag[i], c, &cands[chosen[i]])) == IZDE_OK)
            out->nfrag = i + 1;
    return rc;
}

int izde__snippet(izde__snip *out, izde_analyzer *a, const izde_qstemmers *stemmers,
                  const izde_pquery *q, const char *text, size_t len, const char *lang)
{
    memset(out, 0, sizeof *out);
    const char *prefix;
    snip_ctx c = {.q = q, .text = text};
    c.stem = izde__stemmer_for(stemmers->ru, stemmers->ky, lang, &prefix);
    c.kyrgyz = c.stem && c.stem == stemmers->ky;
    int rc = IZDE_OK;
    span *sent = NULL;
    cand *cands = NULL;
    size_t ns = 0, nc = 0;
    if (q->nphrases) {
        c.progress = calloc(q->nphrases, sizeof *c.progress);
        c.pfirst = calloc(q->nphrases, sizeof *c.pfirst);
        if (!c.progress || !c.pfirst) {
            rc = IZDE_ENOMEM;
            goto done;
        }
    }
    if ((rc = find_matches(&c, a, text, len)) != IZDE_OK)
        goto done;
    if (!(sent = sentences(text, len, &ns)))
        rc = IZDE_ENOMEM;
    else if (ns == 0)
        ;
    else if (c.n == 0)
        rc = render_lead(out, &c, sent, ns);
    else if (!(cands = make_cands(&c, sent, ns, &nc)))
        rc = IZDE_ENOMEM;
    else
        rc = render_best(out, &c, cands, nc);
done:
    free(c.m);
    free(c.nums);
    free(c.progress);
    free(c.pfirst);
    free(sent);
    free(cands);
    if (rc != IZDE_OK)
        izde__snip_free(out);
    return rc;
}
