/*
 * snippet.c - the passage of an article that best shows why it matched,
 * with the query's words marked.  The stored text is re-analyzed with the
 * same analyzer that indexed it, so every highlight is a real byte range
 * and matches every inflection the query matched (exact form or stem).
 */
#include <stdlib.h>
#include <string.h>

#include "izde-private.h"

typedef struct match {
    size_t start, end;  /* bytes in the text */
    size_t word;        /* which query word (for counting distinct words) */
} match;

typedef struct snip_ctx {
    const izde_pquery *q;
    izde_stemmer *stem;  /* NULL when the text's language has no stems */
    int kyrgyz;          /* stem with the Kyrgyz stemmer and list */
    const char *text;    /* the text analyzed */
    match *m;
    size_t n, cap;
} snip_ctx;

static int find(char *const *list, size_t n, const char *s, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
            return (int)i;
    return -1;
}

static int on_token(void *vctx, const izde_token *t)
{
    snip_ctx *c = vctx;
    int w = find(c->q->terms, c->q->nterms, t->term, t->term_len);
    char *const *stems = c->kyrgyz ? c->q->ky_stems : c->q->stems;
    size_t nstems = c->kyrgyz ? c->q->nky_stems : c->q->nstems;
    if (w < 0 && c->stem && t->kind == IZDE_TOK_WORD && nstems) {
        size_t slen;
        const char *s = izde__stem_token(c->stem, c->kyrgyz, t, c->text, &slen);
        int k = s ? find(stems, nstems, s, slen) : -1;
        if (k >= 0)
            w = (int)c->q->nterms + k;
    }
    if (w < 0)
        return 0;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 32;
        match *nm = realloc(c->m, cap * sizeof *nm);
        if (!nm)
            return IZDE_ENOMEM;
        c->m = nm;
        c->cap = cap;
    }
    c->m[c->n++] = (match){t->start, t->end, (size_t)w};
    return 0;
}

static size_t line_start(const char *t, size_t i)
{
    while (i > 0 && t[i - 1] != '\n')
        i--;
    return i;
}

static size_t line_end(const char *t, size_t len, size_t i)
{
    while (i < len && t[i] != '\n')
        i++;
    return i;
}

static int is_cont(char c)
{
    return ((unsigned char)c & 0xc0) == 0x80;
}

int izde__snippet(izde__snip *out, izde_analyzer *a, const izde_qstemmers *stemmers,
                  const izde_pquery *q, const char *text, size_t len, const char *lang,
                  size_t width)
{
    memset(out, 0, sizeof *out);
    const char *prefix;
    snip_ctx c = {.q = q, .text = text};
    c.stem = izde__stemmer_for(stemmers, lang, &prefix);
    c.kyrgyz = c.stem && c.stem == stemmers->ky;
    int rc = IZDE_OK;
    if (q->nterms + q->nstems + q->nky_stems > 0 &&
        (rc = izde_analyze(a, text, len, on_token, &c)) != IZDE_OK)
        goto done;

    size_t ws = 0, we = 0, best = 0, best_score = 0, best_last = 0;
    if (c.n == 0) {
        while (ws < len && (text[ws] == ' ' || text[ws] == '\n' || text[ws] == '\r'))
            ws++;
        we = ws;
    } else {
        /* the window of matches with the most distinct query words, then
         * the most matches */
        for (size_t i = 0; i < c.n; i++) {
            size_t seen[64], ns = 0, j = i;
            for (; j < c.n && c.m[j].end - c.m[i].start <= width * 4 / 5 &&
                   !memchr(text + c.m[i].start, '\n', c.m[j].end - c.m[i].start);
                 j++) {
                int dup = 0;
                for (size_t k = 0; k < ns; k++)
                    dup |= seen[k] == c.m[j].word;
                if (!dup && ns < 64)
                    seen[ns++] = c.m[j].word;
            }
            size_t score = ns * 1000 + (j - i);
            if (score > best_score) {
                best_score = score;
                best = i;
                best_last = j - 1;
            }
        }
        ws = c.m[best].start;
        we = c.m[best_last].end;
    }
    /* widen to about `width` bytes within the line: a third before */
    size_t ls = line_start(text, ws), le = line_end(text, len, we);
    size_t room = width > we - ws ? width - (we - ws) : 0;
    size_t back = c.n ? room / 3 : 0;
    size_t nws = ws - ls > back ? ws - back : ls;
    room -= ws - nws;
    size_t nwe = le - we > room ? we + room : le;
    /* do not cut words: start after a space, end before one */
    if (nws > ls) {
        size_t s = nws;
        while (s < ws && text[s - 1] != ' ')
            s++;
        nws = s;
    }
    if (nwe < le) {
        size_t e = nwe;
        while (e > we && text[e] != ' ')
            e--;
        if (e == we)
            while (nwe > we && is_cont(text[nwe]))
                nwe--;
        else
            nwe = e;
    }
    while (nws < nwe && text[nws] == ' ')
        nws++;
    while (nwe > nws && (text[nwe - 1] == ' ' || text[nwe - 1] == '\r'))
        nwe--;

    int pre = nws > 0 && text[nws - 1] != '\n';
    int post = nwe < len && text[nwe] != '\n' && text[nwe] != '\r';
    size_t n = nwe - nws;
    out->text = malloc(n + 7);
    if (!out->text) {
        rc = IZDE_ENOMEM;
        goto done;
    }
    size_t o = 0;
    if (pre)
        memcpy(out->text, "\xe2\x80\xa6", 3), o = 3;
    for (size_t i = 0; i < n; i++) {
        char ch = text[nws + i];
        out->text[o + i] = (ch == '\t' || ch == '\r' || ch == '\n') ? ' ' : ch;
    }
    if (post)
        memcpy(out->text + o + n, "\xe2\x80\xa6", 3);
    out->len = o + n + (post ? 3 : 0);
    out->text[out->len] = '\0';
    if (c.n) {
        out->hl = malloc(c.n * sizeof *out->hl);
        if (!out->hl) {
            rc = IZDE_ENOMEM;
            goto done;
        }
        for (size_t i = 0; i < c.n; i++)
            if (c.m[i].start >= nws && c.m[i].end <= nwe) {
                out->hl[out->nhl][0] = c.m[i].start - nws + o;
                out->hl[out->nhl][1] = c.m[i].end - nws + o;
                out->nhl++;
            }
    }
done:
    free(c.m);
    if (rc != IZDE_OK) {
        free(out->text);
        free(out->hl);
        memset(out, 0, sizeof *out);
    }
    return rc;
}
