/*
 * query.c - parse the izde query language into a Xapian query.
 *
 *   query   := item+                 all items must match (AND)
 *   item    := [NOT | -] alts        NOT / -: must not match
 *   alts    := primary (OR primary)*
 *   primary := ( query ) | "phrase" | «phrase» | lang:CODE | words
 *
 * A word matches its stems in both languages and its unstemmed token
 * (the Z-prefixed Russian stem OR the ZK-prefixed Kyrgyz stem OR the
 * token, which numbers, Latin words and other languages are indexed as);
 * `lang:ky` / `lang:ru` anywhere in the query keeps only that language's
 * stems and filters the articles by language.  A quoted phrase matches its
 * words in order, each in any inflection (stems carry the positions).  A
 * hyphenated word matches the compound as indexed whole or both of its
 * parts; letters run into digits (с400) also match the compound С-400.
 * Words are analyzed with the same analyzer as documents, so numbers
 * written "28 000" and hyphenated or dotted words come out as indexed.
 * Every syntax error names its column (in characters, from 1).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "counted.h"
#include "dates.h"
#include "expand.h"
#include "glossary.h"
#include "izde-private.h"

typedef enum lex_kind {
    L_END, L_LP, L_RP, L_PHRASE, L_WORDS, L_OR, L_AND, L_NOT, L_MINUS, L_LANG, L_FIGURE, L_DATE,
    L_WILD
} lex_kind;

/* "noun:range" (человек:>1000, теракт:10..20): a figure filter.  The
 * chunk q[i..e) starts with a letter and has a colon not followed by "/";
 * a range that does not parse is an error said by the parser. */
static int is_figure_chunk(const char *q, size_t i, size_t e)
{
    const char *colon = memchr(q + i, ':', e - i);
    if (!colon || colon == q + i || strncmp(q + i, "lang:", 5) == 0 ||
        strncmp(q + i, "date:", 5) == 0)
        return 0;
    unsigned char first = (unsigned char)q[i];
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first >= 0xc0))
        return 0; /* "16:49" is a time, not a noun */
    if ((size_t)(colon - q) + 1 >= e)
        return 1; /* "человек:" : an error said by the parser */
    return colon[1] != '/'; /* "https://..." is a URL */
}

typedef struct lexeme {
    lex_kind kind;
    size_t start, end;  /* bytes of the query this lexeme covers */
    size_t tok0, ntok;  /* L_WORDS / L_PHRASE: its tokens in parser.toks */
} lexeme;

typedef struct qtok {
    char *term;         /* normalised exact form */
    int kind;           /* izde_tok_kind */
    size_t start, end;  /* bytes in the query */
} qtok;

typedef struct parser {
    const char *q;
    izde_analyzer *an;
    const izde_qstemmers *stemmers;
    int langs;          /* languages named by positive lang: filters (LANG_* bits); 0: all */
    lexeme *lex;
    size_t nlex, caplex, at;
    qtok *toks;
    size_t ntoks, captoks;
    izde_pquery *out;
    int negated;        /* inside NOT: words are not highlighted */
    size_t too_long;    /* 1 + offset (in its span) of a word too long to index, or 0 */
    int depth;          /* parentheses open around the current lexeme */
    int in_phrase;      /* inside quotes: words as typed, no expansion */
    char *exact[8];     /* the terms the current word is searched as */
    size_t nexact;
    char *err;
    izde_buf scratch;
} parser;

#define LANG_RU 1
#define LANG_KY 2
#define LANG_OTHER 4

/* Column (1-based, in characters) of byte offset `off`. */
static size_t column(const char *q, size_t off)
{
    size_t col = 1;
    for (size_t i = 0; i < off && q[i]; i++)
        if (((unsigned char)q[i] & 0xc0) != 0x80)
            col++;
    return col;
}

static int fail(parser *p, size_t off, const char *fmt, const char *what)
{
    if (!p->err) {
        char *m = izde__strdupf(fmt, what ? what : "");
        p->err = izde__strdupf("%s (column %zu of the query)", m ? m : "query error",
                               column(p->q, off));
        free(m);
    }
    return IZDE_EQUERY;
}

static int push_lex(parser *p, lex_kind k, size_t s, size_t e, size_t tok0, size_t ntok)
{
    if (p->nlex == p->caplex) {
        size_t cap = p->caplex ? p->caplex * 2 : 16;
        lexeme *n = realloc(p->lex, cap * sizeof *n);
        if (!n)
            return IZDE_ENOMEM;
        p->lex = n;
        p->caplex = cap;
    }
    p->lex[p->nlex++] = (lexeme){k, s, e, tok0, ntok};
    return IZDE_OK;
}

static int on_qtok(void *vp, const izde_token *t)
{
    parser *p = vp;
    if (t->term_len > IZDE_MAX_TERM && !p->too_long)
        p->too_long = t->start + 1; /* +1: 0 means none (offsets are fixed up later) */
    if (t->term_len == 0 || t->term_len > IZDE_MAX_TERM)
        return 0;
    if (p->ntoks == p->captoks) {
        size_t cap = p->captoks ? p->captoks * 2 : 16;
        qtok *n = realloc(p->toks, cap * sizeof *n);
        if (!n)
            return IZDE_ENOMEM;
        p->toks = n;
        p->captoks = cap;
    }
    char *term = malloc(t->term_len + 1);
    if (!term)
        return IZDE_ENOMEM;
    memcpy(term, t->term, t->term_len);
    term[t->term_len] = '\0';
    p->toks[p->ntoks++] = (qtok){term, t->kind, t->start, t->end};
    return 0;
}

/* Analyze q[s..e) (offset by s) into p->toks; return the first index. */
static int analyze_span(parser *p, size_t s, size_t e, size_t *first)
{
    *first = p->ntoks;
    size_t before = p->ntoks;
    int rc = izde_analyze(p->an, p->q + s, e - s, on_qtok, p);
    for (size_t i = before; i < p->ntoks; i++)
        p->toks[i].start += s, p->toks[i].end += s;
    return rc;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Does a plain chunk start at q[i]? (not an operator char) */
static int starts_close_quote(const char *q, size_t i)
{
    return q[i] == '"' || strncmp(q + i, "\xc2\xbb", 2) == 0; /* " or » */
}

/* The lexer: one pass over the query, one case per kind of lexeme.  Kept
 * whole (about 100 lines): each case is a few lines and the order of the
 * cases is the grammar's precedence, which reads best in one place. */
static int lex_all(parser *p)
{
    const char *q = p->q;
    size_t i = 0, n = strlen(q);
    int rc;
    while (1) {
        while (i < n && is_space(q[i]))
            i++;
        if (i >= n)
            break;
        if (q[i] == '(' || q[i] == ')') {
            if ((rc = push_lex(p, q[i] == '(' ? L_LP : L_RP, i, i + 1, 0, 0)))
                return rc;
            i++;
            continue;
        }
        int guil = strncmp(q + i, "\xc2\xab", 2) == 0; /* « */
        if (q[i] == '"' || guil) {
            size_t open = i, s = i + (guil ? 2 : 1), e = s;
            while (e < n && !(guil ? strncmp(q + e, "\xc2\xbb", 2) == 0 : q[e] == '"'))
                e++;
            if (e >= n)
                return fail(p, open, guil ? "unbalanced quote: the %s is never closed by »"
                                          : "unbalanced quote: the %s is never closed",
                            guil ? "«" : "\"");
            size_t first;
            if ((rc = analyze_span(p, s, e, &first)))
                return rc;
            if (p->ntoks == first)
                return fail(p, open, "empty phrase: the quotes hold no words%s", NULL);
            if ((rc = push_lex(p, L_PHRASE, open, e + (guil ? 2 : 1), first, p->ntoks - first)))
                return rc;
            i = e + (guil ? 2 : 1);
            continue;
        }
        if (starts_close_quote(q, i))
            return fail(p, i, "unbalanced quote: » has no opening «%s", NULL);
        /* a chunk: up to space, paren or quote */
        size_t e = i;
        while (e < n && !is_space(q[e]) && q[e] != '(' && q[e] != ')' && q[e] != '"' &&
               strncmp(q + e, "\xc2\xab", 2) != 0 && strncmp(q + e, "\xc2\xbb", 2) != 0)
            e++;
        size_t len = e - i;
        if (len >= 5 && strncmp(q + i, "lang:", 5) == 0) {
            rc = push_lex(p, L_LANG, i, e, 0, 0);
        } else if (len >= 5 && strncmp(q + i, "date:", 5) == 0) {
            rc = push_lex(p, L_DATE, i, e, 0, 0);
        } else if (is_figure_chunk(q, i, e)) {
            rc = push_lex(p, L_FIGURE, i, e, 0, 0);
        } else if (len == 2 && strncmp(q + i, "OR", 2) == 0) {
            rc = push_lex(p, L_OR, i, e, 0, 0);
        } else if (len == 3 && strncmp(q + i, "AND", 3) == 0) {
            rc = push_lex(p, L_AND, i, e, 0, 0);
        } else if (len == 3 && strncmp(q + i, "NOT", 3) == 0) {
            rc = push_lex(p, L_NOT, i, e, 0, 0);
        } else if (q[i] == '-' && len > 1) {
            rc = push_lex(p, L_MINUS, i, i + 1, 0, 0);
            e = i + 1;
        } else if (len > 1 && q[e - 1] == '*') {
            rc = push_lex(p, L_WILD, i, e, 0, 0);
        } else {
            /* extend over following plain chunks so "28 000" stays one number */
            size_t run_end = e;
            while (1) {
                size_t j = run_end;
                while (j < n && is_space(q[j]))
                    j++;
                size_t k = j;
                while (k < n && !is_space(q[k]) && q[k] != '(' && q[k] != ')' && q[k] != '"' &&
                       strncmp(q + k, "\xc2\xab", 2) != 0 && strncmp(q + k, "\xc2\xbb", 2) != 0)
                    k++;
                if (k == j || q[j] == '-' || q[k - 1] == '*' ||
                    (k - j == 2 && strncmp(q + j, "OR", 2) == 0) ||
                    (k - j >= 5 && (strncmp(q + j, "lang:", 5) == 0 || strncmp(q + j, "date:", 5) == 0)) ||
                    is_figure_chunk(q, j, k) ||
                    (k - j == 3 && (strncmp(q + j, "AND", 3) == 0 || strncmp(q + j, "NOT", 3) == 0)))
                    break;
                run_end = k;
            }
            size_t first;
            if ((rc = analyze_span(p, i, run_end, &first)))
                return rc;
            /* tokens with no space between them form one group */
            for (size_t t = first; t < p->ntoks && rc == IZDE_OK;) {
                size_t u = t + 1;
                while (u < p->ntoks) {
                    int spaced = 0;
                    for (size_t b = p->toks[u - 1].end; b < p->toks[u].start; b++)
                        spaced |= is_space(q[b]);
                    if (spaced)
                        break;
                    u++;
                }
                rc = push_lex(p, L_WORDS, p->toks[t].start, p->toks[u - 1].end, t, u - t);
                t = u;
            }
            e = run_end;
        }
        if (rc)
            return rc;
        i = e;
    }
    return push_lex(p, L_END, n, n, 0, 0);
}

/* ---- building Xapian queries ---------------------------------------------- */

static int note_term(parser *p, char ***list, size_t *n, const char *s, size_t len)
{
    if (p->negated)
        return IZDE_OK;
    for (size_t i = 0; i < *n; i++)
        if (strlen((*list)[i]) == len && memcmp((*list)[i], s, len) == 0)
            return IZDE_OK;
    char **nl = realloc(*list, (*n + 1) * sizeof *nl);
    if (!nl)
        return IZDE_ENOMEM;
    *list = nl;
    if (!(nl[*n] = malloc(len + 1)))
        return IZDE_ENOMEM;
    memcpy(nl[*n], s, len);
    nl[*n][len] = '\0';
    (*n)++;
    return IZDE_OK;
}

static int xq_fail(parser *p, int rc, char *msg)
{
    if (!p->err)
        p->err = izde__strdupf("cannot build the query: %s", msg ? msg : izx_status_name(rc));
    izx_free(msg);
    return rc == IZX_ENOMEM ? IZDE_ENOMEM : IZDE_EBACKEND;
}

static int combine(parser *p, izx_op op, izx_query **subs, size_t n, unsigned window,
                   izx_query **out)
{
    char *msg = NULL;
    int rc = izx_query_combine(out, op, subs, n, window, &msg);
    for (size_t i = 0; i < n; i++)
        izx_query_free(subs[i]);
    return rc == IZX_OK ? IZDE_OK : xq_fail(p, rc, msg);
}

/* Finish an `op` of subs[0..n): after a failure (rc) free them; one alone
 * is itself. */
static int join(parser *p, int rc, izx_op op, izx_query **subs, size_t n, izx_query **out)
{
    if (rc != IZDE_OK) {
        for (size_t i = 0; i < n; i++)
            izx_query_free(subs[i]);
        return rc;
    }
    if (n == 1) {
        *out = subs[0];
        return IZDE_OK;
    }
    return combine(p, op, subs, n, 0, out);
}

static int or_of(parser *p, int rc, izx_query **subs, size_t n, izx_query **out)
{
    return join(p, rc, IZX_OP_OR, subs, n, out);
}

static int term_query(parser *p, const char *term, size_t len, izx_query **out)
{
    char *msg = NULL;
    int rc = izx_query_term(out, term, len, 1, &msg);
    return rc == IZX_OK ? IZDE_OK : xq_fail(p, rc, msg);
}

/* Remember a term the current word is searched as (expansions skip it). */
static int note_exact(parser *p, const char *term)
{
    if (p->nexact == sizeof p->exact / sizeof p->exact[0])
        return IZDE_OK;
    return (p->exact[p->nexact] = strdup(term)) ? (p->nexact++, IZDE_OK) : IZDE_ENOMEM;
}

static void clear_exact(parser *p)
{
    for (size_t i = 0; i < p->nexact; i++)
        free(p->exact[i]);
    p->nexact = 0;
}

/* prefix + s[0..len) as one more subquery; nothing when the term would be
 * too long to be indexed. */
static int prefixed_subquery(parser *p, const char *prefix, const char *s, size_t len,
                             izx_query **subs, size_t *n)
{
    izde__buf_clear(&p->scratch);
    izde__buf_puts(&p->scratch, prefix);
    if (izde__buf_append(&p->scratch, s, len))
        return IZDE_ENOMEM;
    if (p->scratch.len > IZDE_MAX_TERM)
        return IZDE_OK;
    int rc = term_query(p, p->scratch.data, p->scratch.len, &subs[*n]);
    if (rc == IZDE_OK)
        (*n)++;
    return rc == IZDE_OK ? note_exact(p, p->scratch.data) : rc;
}

static int stem_subquery(parser *p, izde_stemmer *st, const char *prefix, int kyrgyz,
                         const char *term, size_t len, const char *orig, size_t olen,
                         izx_query **subs, size_t *n)
{
    size_t slen;
    const char *s = izde__stem_word(st, kyrgyz, term, len, orig, olen, &slen);
    if (!s)
        return IZDE_ENOMEM;
    int rc = kyrgyz ? note_term(p, &p->out->ky_stems, &p->out->nky_stems, s, slen)
                    : note_term(p, &p->out->stems, &p->out->nstems, s, slen);
    if (rc || (rc = prefixed_subquery(p, prefix, s, slen, subs, n)))
        return rc;
    /* the word itself as a stem: Snowball does not always cut a word to
     * the stem of its other forms (конклав -> конкла, but конклаве ->
     * конклав), and an acronym typed in small letters (гмии) is indexed
     * unstemmed */
    if (slen == len && memcmp(s, term, len) == 0)
        return IZDE_OK;
    return prefixed_subquery(p, prefix, term, len, subs, n);
}

/* ---- expansions (expand.c) ------------------------------------------------ */

static izde_qphrase *new_phrase(parser *p, size_t n);

/* Record that `word` was also searched as `to` (shown to the user). */
static int note_expansion(parser *p, const char *word, size_t wlen, const char *to, int why)
{
    if (p->negated)
        return IZDE_OK;
    izde_pquery *q = p->out;
    for (size_t i = 0; i < q->nexpanded; i++)
        if (strlen(q->expanded[i].word) == wlen && memcmp(q->expanded[i].word, word, wlen) == 0 &&
            strcmp(q->expanded[i].to, to) == 0)
            return IZDE_OK;
    izde_qexpansion *v = realloc(q->expanded, (q->nexpanded + 1) * sizeof *v);
    if (!v)
        return IZDE_ENOMEM;
    q->expanded = v;
    izde_qexpansion *e = &v[q->nexpanded];
    e->word = strndup(word, wlen);
    e->to = strdup(to);
    e->why = why;
    if (!e->word || !e->to) {
        free(e->word);
        free(e->to);
        return IZDE_ENOMEM;
    }
    q->nexpanded++;
    return IZDE_OK;
}

/* Highlight an expansion's terms: a stem under its language, a phrase as
 * a phrase. */
static int note_xterm(parser *p, const izde_xterm *x)
{
    if (p->negated)
        return IZDE_OK;
    size_t kyl = strlen(IZDE_PREFIX_STEM_KY), rul = strlen(IZDE_PREFIX_STEM_RU);
    if (x->nterms == 1) {
        const char *t = x->terms[0];
        if (strncmp(t, IZDE_PREFIX_STEM_KY, kyl) == 0)
            return note_term(p, &p->out->ky_stems, &p->out->nky_stems, t + kyl, strlen(t + kyl));
        if (strncmp(t, IZDE_PREFIX_STEM_RU, rul) == 0)
            return note_term(p, &p->out->stems, &p->out->nstems, t + rul, strlen(t + rul));
        return note_term(p, &p->out->terms, &p->out->nterms, t, strlen(t));
    }
    izde_qphrase *ph = new_phrase(p, x->nterms);
    if (!ph)
        return IZDE_ENOMEM;
    for (size_t i = 0; i < x->nterms; i++) {
        const char *t = x->terms[i];
        int ky = strncmp(t, IZDE_PREFIX_STEM_KY, kyl) == 0;
        const char *stem = t + (ky ? kyl : rul);
        if (!(ph->terms[i] = strdup(stem)))
            return IZDE_ENOMEM;
        ph->n++;
        if (!((ky ? ph->ky_stems : ph->stems)[i] = strdup(stem)))
            return IZDE_ENOMEM;
    }
    return IZDE_OK;
}

/* The query for the expansions in `l`, weighted as one term (a synonym)
 * scaled by `weight`; *out NULL when there are none. */
static int xlist_query(parser *p, const izde_xlist *l, double weight, izx_query **out)
{
    *out = NULL;
    if (!l->n)
        return IZDE_OK;
    izx_query **subs = calloc(l->n, sizeof *subs);
    if (!subs)
        return IZDE_ENOMEM;
    int rc = IZDE_OK;
    size_t n = 0;
    for (; n < l->n && rc == IZDE_OK; n++) {
        const izde_xterm *x = &l->v[n];
        if (x->nterms == 1) {
            rc = term_query(p, x->terms[0], strlen(x->terms[0]), &subs[n]);
            continue;
        }
        izx_query *w[8];
        size_t k = 0;
        for (; k < x->nterms && k < 8 && rc == IZDE_OK; k++)
            rc = term_query(p, x->terms[k], strlen(x->terms[k]), &w[k]);
        if (rc == IZDE_OK)
            rc = combine(p, IZX_OP_PHRASE, w, k, (unsigned)k, &subs[n]);
        else
            for (size_t i = 0; i + 1 < k; i++)
                izx_query_free(w[i]);
    }
    if (rc != IZDE_OK)
        n--; /* subs[n - 1] failed: nothing to free there */
    izx_query *syn = NULL;
    rc = join(p, rc, IZX_OP_SYNONYM, subs, n, &syn);
    free(subs);
    if (rc != IZDE_OK || weight == 1.0) {
        *out = syn;
        return rc;
    }
    char *msg = NULL;
    int x = izx_query_scale(out, syn, weight, &msg);
    izx_query_free(syn);
    return x == IZX_OK ? IZDE_OK : xq_fail(p, x, msg);
}

/* What a query's words are weighted by when they match only through an
 * expansion: below the word as typed. */
#define EXPANSION_WEIGHT 0.3

/* BM25's inverse document frequency, as Xapian computes it, of a term in
 * `df` of `n` documents (at least a small positive value). */
static double bm25_idf(unsigned n, unsigned df)
{
    double idf = log(((double)n - df + 0.5) / (df + 0.5));
    return idf > 0.05 ? idf : 0.05;
}

/* The weight of a word's expansions: EXPANSION_WEIGHT, less when they are
 * rarer than the word as typed, so that an article holding a rare
 * expansion (ZKпрезидент, in 234 articles) does not outrank the articles
 * holding the word as typed (Zпрезидент, in 4,913): scaled by the ratio of
 * their idfs, the expansions weigh at most EXPANSION_WEIGHT of the word. */
static double expansion_weight(parser *p, const izde_xlist *l)
{
    izx_db *db = p->stemmers->db;
    unsigned n = 0, exact = 0, rare = 0;
    if (izx_db_doccount(db, &n) != IZX_OK || !n)
        return EXPANSION_WEIGHT;
    for (size_t i = 0; i < p->nexact; i++) {
        unsigned f = 0;
        if (izx_db_termfreq(db, p->exact[i], strlen(p->exact[i]), &f) == IZX_OK && f > exact)
            exact = f;
    }
    for (size_t i = 0; i < l->n; i++) {
        unsigned f = 0;
        const char *t = l->v[i].terms[0];
        if (izx_db_termfreq(db, t, strlen(t), &f) == IZX_OK && f && (!rare || f < rare))
            rare = f;
    }
    if (!exact || !rare)
        return EXPANSION_WEIGHT;
    double ratio = bm25_idf(n, exact) / bm25_idf(n, rare);
    return ratio < 1 ? EXPANSION_WEIGHT * ratio : EXPANSION_WEIGHT;
}

static void expander_for(parser *p, izde_expander *x)
{
    const izde_qstemmers *st = p->stemmers;
    *x = (izde_expander){.ru = st->ru, .ky = st->ky, .db = st->db,
                         .ru_ok = !p->langs || (p->langs & LANG_RU),
                         .ky_ok = !p->langs || (p->langs & LANG_KY),
                         .glossary = st->glossary, .exact = p->exact, .nexact = p->nexact};
}

/* One more subquery for a word's expansions (nothing when it has none). */
static int expansion_subquery(parser *p, const char *term, size_t len, const char *orig,
                              size_t olen, izx_query **sub, size_t *n)
{
    izde_expander x;
    expander_for(p, &x);
    izde_xlist l = {0};
    int rc = izde__expand_word(&x, term, len, orig, olen, &l);
    if (rc != IZDE_OK && rc != IZDE_ENOMEM && !p->err)
        p->err = izde__strdupf("cannot look the word up: %s", izx_db_errmsg(p->stemmers->db));
    for (size_t i = 0; i < l.n && rc == IZDE_OK; i++) {
        rc = note_xterm(p, &l.v[i]);
        if (rc == IZDE_OK)
            rc = note_expansion(p, orig, olen, l.v[i].shown, l.v[i].why);
    }
    if (rc == IZDE_OK)
        rc = xlist_query(p, &l, l.n ? expansion_weight(p, &l) : EXPANSION_WEIGHT, sub);
    izde__xlist_free(&l);
    if (rc == IZDE_OK && *sub)
        (*n)++;
    return rc;
}

/* One word (or a whole hyphenated compound): its token OR its stems in
 * the languages the query allows, OR its expansions (weighted lower).
 * `orig` is the word as typed. */
static int word_query(parser *p, const char *term, int kind, const char *orig, size_t olen,
                      izx_query **out)
{
    int rc;
    size_t len = strlen(term);
    if ((rc = note_term(p, &p->out->terms, &p->out->nterms, term, len)))
        return rc;
    izx_query *subs[7] = {NULL, NULL, NULL, NULL, NULL, NULL, NULL};
    size_t n = 0;
    clear_exact(p);
    if ((rc = term_query(p, term, len, &subs[n])))
        return rc;
    n++;
    rc = note_exact(p, term);
    const izde_qstemmers *st = p->stemmers;
    if (kind == IZDE_TOK_WORD) {
        if (rc == IZDE_OK && st->ru && (!p->langs || (p->langs & LANG_RU)))
            rc = stem_subquery(p, st->ru, IZDE_PREFIX_STEM_RU, 0, term, len, orig, olen, subs, &n);
        if (rc == IZDE_OK && st->ky && (!p->langs || (p->langs & LANG_KY)))
            rc = stem_subquery(p, st->ky, IZDE_PREFIX_STEM_KY, 1, term, len, orig, olen, subs, &n);
        if (rc == IZDE_OK && st->expand && st->db && !p->in_phrase)
            rc = expansion_subquery(p, term, len, orig, olen, &subs[n], &n);
    }
    clear_exact(p);
    return or_of(p, rc, subs, n, out);
}

/* Letters run into digits (с400, су35, ту154): the text mostly writes
 * them with a hyphen (С-400), indexed as a compound.  Returns the length
 * of the letters, or 0. */
static size_t letters_then_digits(const char *term)
{
    size_t i = 0;
    while (term[i] && !(term[i] >= '0' && term[i] <= '9') && term[i] != '-' && term[i] != '.')
        i++;
    if (i == 0 || !term[i])
        return 0;
    for (size_t k = i; term[k]; k++)
        if (!(term[k] >= '0' && term[k] <= '9'))
            return 0;
    return i;
}

static int note_compound(parser *p, const char *term, size_t nletters);

static int token_query(parser *p, const qtok *t, izx_query **out)
{
    int rc = word_query(p, t->term, t->kind, p->q + t->start, t->end - t->start, out);
    size_t nl = rc == IZDE_OK && t->kind == IZDE_TOK_WORD ? letters_then_digits(t->term) : 0;
    if (nl == 0)
        return rc;
    /* also the hyphenated compound: с400 finds С-400 */
    izde_buf comp = {0};
    izde__buf_append(&comp, t->term, nl);
    izde__buf_putc(&comp, '-');
    izde__buf_puts(&comp, t->term + nl);
    izx_query *two[2] = {*out, NULL};
    if (comp.oom)
        rc = IZDE_ENOMEM;
    else
        rc = word_query(p, comp.data, IZDE_TOK_WORD, comp.data, comp.len, &two[1]);
    if (rc == IZDE_OK)
        rc = note_compound(p, t->term, nl);
    izde__buf_free(&comp);
    if (rc != IZDE_OK) {
        izx_query_free(two[0]);
        *out = NULL;
        return rc;
    }
    return combine(p, IZX_OP_OR, two, 2, 0, out);
}

/* A group of tokens with no space between them ("2,2", "северо-западный",
 * "Vecher.kz" split by the analyzer): all parts must match; a group joined
 * only by hyphens may instead match as the compound indexed whole. */
static int words_query(parser *p, const lexeme *l, izx_query **out)
{
    if (l->ntok == 1)
        return token_query(p, &p->toks[l->tok0], out);
    izx_query **subs = calloc(l->ntok, sizeof *subs);
    if (!subs)
        return IZDE_ENOMEM;
    int rc = IZDE_OK, hyphenated = 1, kind = IZDE_TOK_NUMBER;
    size_t n = 0;
    for (; n < l->ntok && rc == IZDE_OK; n++) {
        if (p->toks[l->tok0 + n].kind == IZDE_TOK_WORD)
            kind = IZDE_TOK_WORD;
        rc = token_query(p, &p->toks[l->tok0 + n], &subs[n]);
        if (n > 0 && !izde__is_hyphen_joint(p->q, p->toks[l->tok0 + n - 1].end,
                                            p->toks[l->tok0 + n].start))
            hyphenated = 0;
    }
    izx_query *parts = NULL;
    rc = join(p, rc, IZX_OP_AND, subs, n, &parts);
    free(subs);
    if (rc != IZDE_OK || !hyphenated) {
        *out = parts;
        return rc;
    }
    /* the compound: folded parts joined by '-', as the indexer writes it */
    izde_buf comp = {0};
    for (size_t i = 0; i < l->ntok; i++) {
        if (i)
            izde__buf_putc(&comp, '-');
        izde__buf_puts(&comp, p->toks[l->tok0 + i].term);
    }
    if (comp.oom) {
        izx_query_free(parts);
        return IZDE_ENOMEM;
    }
    izx_query *two[2] = {parts, NULL};
    if (comp.len <= IZDE_MAX_TERM)
        rc = word_query(p, comp.data, kind, p->q + l->start, l->end - l->start, &two[1]);
    izde__buf_free(&comp);
    if (rc != IZDE_OK || !two[1]) {
        *out = parts;
        return rc;
    }
    return combine(p, IZX_OP_OR, two, 2, 0, out);
}

/* A word's stem as a malloc'ed string, or NULL (no stemmer, a number). */
static char *stem_copy(izde_stemmer *st, int kyrgyz, const qtok *t, const char *q)
{
    if (!st || t->kind != IZDE_TOK_WORD)
        return NULL;
    size_t slen;
    const char *s = izde__stem_word(st, kyrgyz, t->term, strlen(t->term), q + t->start,
                                    t->end - t->start, &slen);
    return s ? strndup(s, slen) : NULL;
}

/* A new phrase to highlight, room for `n` words (filled by the caller,
 * ph->n counting those filled); NULL when out of memory. */
static izde_qphrase *new_phrase(parser *p, size_t n)
{
    izde_pquery *q = p->out;
    izde_qphrase *np = realloc(q->phrases, (q->nphrases + 1) * sizeof *np);
    if (!np)
        return NULL;
    q->phrases = np;
    izde_qphrase *ph = &np[q->nphrases];
    ph->n = 0;
    ph->terms = calloc(n, sizeof *ph->terms);
    ph->stems = calloc(n, sizeof *ph->stems);
    ph->ky_stems = calloc(n, sizeof *ph->ky_stems);
    q->nphrases++;
    return ph->terms && ph->stems && ph->ky_stems ? ph : NULL;
}

/* Highlight с400 where the text writes С-400: its letters and its digits
 * in a row, as a phrase. */
static int note_compound(parser *p, const char *term, size_t nletters)
{
    if (p->negated)
        return IZDE_OK;
    izde_qphrase *ph = new_phrase(p, 2);
    if (!ph || !(ph->terms[0] = strndup(term, nletters)))
        return IZDE_ENOMEM;
    ph->n = 1;
    if (!(ph->terms[1] = strdup(term + nletters)))
        return IZDE_ENOMEM;
    ph->n = 2;
    return IZDE_OK;
}

/* Keep a phrase's words and their stems, in order, to highlight it as one
 * unit in any inflection. */
static int note_phrase(parser *p, const lexeme *l)
{
    izde_qphrase *ph = new_phrase(p, l->ntok);
    if (!ph)
        return IZDE_ENOMEM;
    for (size_t i = 0; i < l->ntok; i++) {
        const qtok *t = &p->toks[l->tok0 + i];
        if (!(ph->terms[i] = strdup(t->term)))
            return IZDE_ENOMEM;
        ph->n++;
        ph->stems[i] = stem_copy(p->stemmers->ru, 0, t, p->q);
        ph->ky_stems[i] = stem_copy(p->stemmers->ky, 1, t, p->q);
    }
    return IZDE_OK;
}

/* "a quoted phrase": its words in this order, each in any inflection (the
 * index keeps positions on stems); one quoted word is that word. */
static int phrase_query(parser *p, const lexeme *l, izx_query **out)
{
    if (l->ntok == 1) {
        p->in_phrase = 1; /* "экстремизма": the word as typed, no expansion */
        int rc = token_query(p, &p->toks[l->tok0], out);
        p->in_phrase = 0;
        return rc;
    }
    izx_query **subs = calloc(l->ntok, sizeof *subs);
    if (!subs)
        return IZDE_ENOMEM;
    int rc = IZDE_OK, negated = p->negated;
    p->negated = 1; /* the words are highlighted as the phrase, not one by one */
    p->in_phrase = 1;
    size_t n = 0;
    for (; n < l->ntok && rc == IZDE_OK; n++)
        rc = token_query(p, &p->toks[l->tok0 + n], &subs[n]);
    p->negated = negated;
    p->in_phrase = 0;
    if (rc == IZDE_OK && !p->negated)
        rc = note_phrase(p, l);
    if (rc == IZDE_OK) {
        rc = combine(p, IZX_OP_PHRASE, subs, n, (unsigned)n, out);
    } else {
        for (size_t i = 0; i < n; i++)
            izx_query_free(subs[i]);
    }
    free(subs);
    return rc;
}

/* The language codes the index holds besides ru, ky and other (from its
 * L terms: a record's or a page's own lang), ", lang:en" each. */
typedef struct lang_list {
    izde_buf codes;
    const char *want;
    size_t want_len;
    int found, oom;
} lang_list;

static int on_lang_term(void *ctx, const char *term, size_t len, unsigned freq)
{
    lang_list *l = ctx;
    const char *c = term + 1;
    size_t n = len - 1;
    (void)freq;
    for (size_t i = 0; i < n; i++)
        if (c[i] < 'a' || c[i] > 'z')
            return 0; /* not a language code */
    if (n == l->want_len && memcmp(c, l->want, n) == 0)
        l->found = 1;
    if ((n == 2 && (memcmp(c, "ru", 2) == 0 || memcmp(c, "ky", 2) == 0)) ||
        (n == 5 && memcmp(c, "other", 5) == 0))
        return 0;
    if (izde__buf_puts(&l->codes, ", lang:") || izde__buf_append(&l->codes, c, n))
        l->oom = 1;
    return l->oom;
}

/* A code neither ru, ky, other nor held by the index: an error listing
 * the accepted ones. */
static int lang_check(parser *p, const lexeme *l, const char *code, size_t n)
{
    if ((n == 2 && (strncmp(code, "ru", 2) == 0 || strncmp(code, "ky", 2) == 0)) ||
        (n == 5 && strncmp(code, "other", 5) == 0) || !p->stemmers->db)
        return IZDE_OK;
    lang_list ll = {.want = code, .want_len = n};
    int x = izx_db_allterms(p->stemmers->db, IZDE_PREFIX_LANG, on_lang_term, &ll);
    int rc = IZDE_OK;
    if (x != IZX_OK)
        rc = xq_fail(p, x, izde__strdupf("%s", izx_db_errmsg(p->stemmers->db)));
    else if (ll.oom)
        rc = IZDE_ENOMEM;
    else if (!ll.found) {
        char *what = izde__strdupf("'%.*s'; use lang:ru, lang:ky%s or lang:other", (int)n, code,
                                   ll.codes.len ? ll.codes.data : "");
        rc = what ? fail(p, l->start, "lang: unknown language %s", what) : IZDE_ENOMEM;
        free(what);
    }
    izde__buf_free(&ll.codes);
    return rc;
}

/* lang:CODE: a filter (no weight) on the article language. */
static int lang_query(parser *p, const lexeme *l, izx_query **out)
{
    const char *code = p->q + l->start + 5;
    size_t n = l->end - l->start - 5;
    if (n == 0)
        return fail(p, l->start, "lang: needs a language: lang:ru, lang:ky or lang:other%s", NULL);
    for (size_t i = 0; i < n; i++)
        if (!(code[i] >= 'a' && code[i] <= 'z'))
            return fail(p, l->start, "lang: takes a language code in small Latin letters, "
                                     "e.g. lang:ky%s", NULL);
    int rc = lang_check(p, l, code, n);
    if (rc)
        return rc;
    izde__buf_clear(&p->scratch);
    izde__buf_puts(&p->scratch, IZDE_PREFIX_LANG);
    if (izde__buf_append(&p->scratch, code, n))
        return IZDE_ENOMEM;
    izx_query *t = NULL;
    rc = term_query(p, p->scratch.data, p->scratch.len, &t);
    if (rc)
        return rc;
    char *msg = NULL;
    int x = izx_query_scale(out, t, 0.0, &msg);
    izx_query_free(t);
    return x == IZX_OK ? IZDE_OK : xq_fail(p, x, msg);
}

/* ---- date filters -------------------------------------------------------------- */

/* "2017", "2017-04", "2017-04-18" (or the digits alone) -> "2017",
 * "201704", "20170418" in `out` (9 bytes).  Returns 1 for such a date, 0
 * for another shape, -1 for that shape naming no calendar date
 * (2017-13, 2017-02-30). */
static int date_digits(const char *s, size_t n, char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9' && k < 8)
            out[k++] = s[i];
        else if (s[i] != '-' || (k != 4 && k != 6) || i + 1 == n || s[i - 1] == '-')
            return 0;
    }
    out[k] = '\0';
    if (k != 4 && k != 6 && k != 8)
        return 0;
    int y = 0, m = 0, d = 0;
    sscanf(out, "%4d", &y);
    if (k >= 6)
        sscanf(out + 4, "%2d", &m);
    if (k == 8)
        sscanf(out + 6, "%2d", &d);
    if ((k >= 6 && m == 0) || (k == 8 && d == 0)) /* 0 is "unknown" to the date parser */
        return -1;
    return izde__date_level(y, m, d) ? 1 : -1;
}

/* date:2017, date:2017-01..2017-06, date:>=2018-03, date:<2019: a filter on
 * the publication date (value slot 0, "YYYYMMDD", a year or month alone
 * padded with '~' so it falls in year ranges only). */
static int date_query(parser *p, const lexeme *l, izx_query **out)
{
    const char *s = p->q + l->start + 5;
    size_t n = l->end - l->start - 5;
    char lo[16] = "", hi[16] = "";
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == '.' && s[i + 1] == '.')
            dots = s + i;
    int ok, ok2 = 1;
    if (dots) {
        ok = date_digits(s, (size_t)(dots - s), lo);
        ok2 = date_digits(dots + 2, n - (size_t)(dots - s) - 2, hi);
        strcat(hi, "~~~~~");
    } else if (n > 2 && s[0] == '>' && s[1] == '=') {
        ok = date_digits(s + 2, n - 2, lo);
    } else if (n > 1 && s[0] == '>') {
        ok = date_digits(s + 1, n - 1, lo);
        strcat(lo, "~~~~~");
    } else if (n > 2 && s[0] == '<' && s[1] == '=') {
        ok = date_digits(s + 2, n - 2, hi);
        strcat(hi, "~~~~~");
    } else if (n > 1 && s[0] == '<') {
        ok = date_digits(s + 1, n - 1, hi);
    } else {
        ok = date_digits(s, n, lo);
        strcpy(hi, lo);
        strcat(hi, "~~~~~");
    }
    if (ok < 0 || ok2 < 0)
        return fail(p, l->start, "date: names no calendar date: months run 01-12, days to the "
                                 "end of their month, years 1900-2100%s", NULL);
    if (ok > 0 && ok2 > 0 && dots && strcmp(lo, hi) > 0) {
        char *what = izde__strdupf("%.*s..%.*s", (int)(n - (size_t)(dots - s) - 2), dots + 2,
                                   (int)(dots - s), s);
        int rc = what ? fail(p, l->start, "date: the range ends before it starts: write date:%s",
                             what)
                      : IZDE_ENOMEM;
        free(what);
        return rc;
    }
    if (!ok || !ok2 || (*lo && *hi && strcmp(lo, hi) > 0))
        return fail(p, l->start, "date: takes a date or a range: date:2017, date:2017-04, "
                                 "date:2017-01..2017-06, date:>=2018-03%s", NULL);
    char *msg = NULL;
    int x = izx_query_value_range(out, IZDE_SLOT_DATE, *lo ? lo : NULL, *hi ? hi : NULL, &msg);
    return x == IZX_OK ? IZDE_OK : xq_fail(p, x, msg);
}

/* ---- figure filters ---------------------------------------------------------- */

typedef struct frange {
    double lo, hi;      /* inclusive bounds */
    int lo_open, hi_open; /* strict bounds (> and <) */
    parser *p;
    izx_query **subs;   /* matching N<stem>=<value> terms */
    size_t n, cap;
    size_t plen;        /* length of the N<stem>= prefix */
    int oom;
} frange;

static int parse_num(const char *s, size_t n, double *out)
{
    char buf[64];
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < sizeof buf; i++)
        if (s[i] != ' ')
            buf[k++] = s[i] == ',' ? '.' : s[i];
    buf[k] = '\0';
    if (strspn(buf, "0123456789.+-eE") != k) /* no nan, inf, hex */
        return 0;
    char *end;
    *out = strtod(buf, &end);
    return k > 0 && *end == '\0' && isfinite(*out);
}

/* "10..20", ">1000", ">=5", "<3", "<=3", "11" */
static int parse_range(const char *s, size_t n, frange *r)
{
    r->lo = -1e300, r->hi = 1e300;
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == '.' && s[i + 1] == '.')
            dots = s + i;
    if (dots)
        return parse_num(s, (size_t)(dots - s), &r->lo) &&
               parse_num(dots + 2, n - (size_t)(dots - s) - 2, &r->hi);
    if (n >= 2 && (s[0] == '>' || s[0] == '<') && s[1] == '=') {
        double v;
        if (!parse_num(s + 2, n - 2, &v))
            return 0;
        if (s[0] == '>')
            r->lo = v;
        else
            r->hi = v;
        return 1;
    }
    if (n >= 1 && (s[0] == '>' || s[0] == '<')) {
        double v;
        if (!parse_num(s + 1, n - 1, &v))
            return 0;
        if (s[0] == '>')
            r->lo = v, r->lo_open = 1;
        else
            r->hi = v, r->hi_open = 1;
        return 1;
    }
    if (n >= 1 && s[0] == '=')
        s++, n--;
    if (!parse_num(s, n, &r->lo))
        return 0;
    r->hi = r->lo;
    return 1;
}

static int on_figure_term(void *ctx, const char *term, size_t len, unsigned freq)
{
    (void)freq;
    frange *r = ctx;
    double v;
    if (!parse_num(term + r->plen, len - r->plen, &v))
        return 0;
    if (v < r->lo || v > r->hi || (r->lo_open && v == r->lo) || (r->hi_open && v == r->hi))
        return 0;
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        izx_query **ns = realloc(r->subs, cap * sizeof *ns);
        if (!ns) {
            r->oom = 1;
            return 1;
        }
        r->subs = ns;
        r->cap = cap;
    }
    char *msg = NULL;
    if (izx_query_term(&r->subs[r->n], term, len, 1, &msg) != IZX_OK) {
        izx_free(msg);
        r->oom = 1;
        return 1;
    }
    r->n++;
    return 0;
}

/* noun:range: articles citing a figure for this noun (its key read as
 * Russian or as Kyrgyz, counted.c: a unit word gives its unit) within
 * the range; a filter without weight. */
static int figure_query(parser *p, const lexeme *l, izx_query **out)
{
    const char *word = p->q + l->start;
    const char *colon = memchr(word, ':', l->end - l->start);
    const char *spec = colon + 1;
    size_t slen = (size_t)(p->q + l->end - spec);
    frange r = {.p = p};
    size_t latin = 0;
    while (word + latin < colon && ((word[latin] >= 'a' && word[latin] <= 'z') ||
                                    (word[latin] >= 'A' && word[latin] <= 'Z')))
        latin++;
    int ok = parse_range(spec, slen, &r);
    if (!ok && word + latin == colon) { /* source:, url:, title: */
        char *what = izde__strdupf("%.*s:", (int)latin, word);
        int rc = what ? fail(p, l->start, "'%s' is no filter: the filters are lang:, date: and "
                                          "a figure's noun with a range (человек:>1000)", what)
                      : IZDE_ENOMEM;
        free(what);
        return rc;
    }
    if (ok && r.lo > r.hi)
        return fail(p, l->start, "a figure filter's range ends before it starts: put the smaller "
                                 "bound first, e.g. теракт:10..20%s", NULL);
    if (!ok)
        return fail(p, l->start, "a figure filter needs a range, e.g. человек:>1000, "
                                 "теракт:10..20 or теракт:11%s", NULL);
    if (!p->stemmers->db)
        return fail(p, l->start, "figure filters need an index%s", NULL);
    size_t wlen = (size_t)(colon - word);
    izde_counted *ct = izde__counted_new();
    int rc = ct ? IZDE_OK : IZDE_ENOMEM;
    for (int k = 0; k < 2 && rc == IZDE_OK; k++) {
        char *key = izde__counted_key(ct, word, wlen, k);
        izde__buf_clear(&p->scratch);
        izde__buf_puts(&p->scratch, IZDE_PREFIX_FIGURE);
        izde__buf_puts(&p->scratch, key ? key : "");
        int oom = !key || izde__buf_putc(&p->scratch, '=');
        free(key);
        if (oom) {
            izde__counted_free(ct);
            return IZDE_ENOMEM;
        }
        if (k == 1 && r.n > 0)
            break; /* the Kyrgyz key of a Russian word: nothing new */
        r.plen = p->scratch.len;
        int x = izx_db_allterms(p->stemmers->db, p->scratch.data, on_figure_term, &r);
        if (x != IZX_OK)
            rc = xq_fail(p, x, izde__strdupf("%s", izx_db_errmsg(p->stemmers->db)));
        else if (r.oom)
            rc = IZDE_ENOMEM;
    }
    izde__counted_free(ct);
    izx_query *any = NULL;
    char *msg = NULL;
    if (rc == IZDE_OK && r.n == 0) {
        int x = izx_query_match_nothing(&any, &msg);
        rc = x == IZX_OK ? IZDE_OK : xq_fail(p, x, msg);
    } else if (rc == IZDE_OK) {
        rc = combine(p, IZX_OP_OR, r.subs, r.n, 0, &any);
        r.n = 0;
    }
    for (size_t i = 0; i < r.n; i++)
        izx_query_free(r.subs[i]);
    free(r.subs);
    if (rc != IZDE_OK)
        return rc;
    int x = izx_query_scale(out, any, 0.0, &msg);
    izx_query_free(any);
    return x == IZX_OK ? IZDE_OK : xq_fail(p, x, msg);
}

/* ---- word* ---------------------------------------------------------------- */

/* The most words a word* may stand for. */
#define MAX_WILDCARD 500
#define MAX_WILDCARD_TEXT "500"

/* word*: every indexed word (stem, in either language, or unstemmed
 * token) starting with those letters, weighted as one term. */
static int wildcard_query(parser *p, const lexeme *l, izx_query **out)
{
    size_t n = l->end - l->start - 1, nl;
    const char *norm = izde_analyzer_normalize(p->an, p->q + l->start, n, &nl);
    char *prefix = norm ? strndup(norm, nl) : NULL;
    if (!prefix)
        return IZDE_ENOMEM;
    size_t chars = 0;
    for (size_t i = 0; i < nl; i++)
        chars += ((unsigned char)prefix[i] & 0xc0) != 0x80;
    int rc = IZDE_OK;
    if (chars < 2 || strpbrk(prefix, "* "))
        rc = fail(p, l->start, "a wildcard needs at least two letters before one final *, "
                               "e.g. баңги*%s", NULL);
    else if (!p->stemmers->db)
        rc = fail(p, l->start, "wildcards need an index%s", NULL);
    izde_expander x;
    expander_for(p, &x);
    izde_xlist list = {0};
    size_t found = 0;
    if (rc == IZDE_OK)
        rc = izde__expand_wildcard(&x, prefix, nl, MAX_WILDCARD, &list, &found);
    if (rc == IZDE_EQUERY) {
        char *what = izde__strdupf("%.*s", (int)(n + 1), p->q + l->start);
        rc = fail(p, l->start, "%s stands for more than " MAX_WILDCARD_TEXT
                  " indexed words; give more letters before the *", what);
        free(what);
    } else if (rc != IZDE_OK && rc != IZDE_ENOMEM && !p->err) {
        p->err = izde__strdupf("cannot list the words: %s", izx_db_errmsg(p->stemmers->db));
    }
    for (size_t i = 0; i < list.n && rc == IZDE_OK; i++) {
        rc = note_xterm(p, &list.v[i]);
        if (rc == IZDE_OK)
            rc = note_expansion(p, p->q + l->start, n + 1, list.v[i].shown, list.v[i].why);
    }
    if (rc == IZDE_OK)
        rc = xlist_query(p, &list, 1.0, out);
    if (rc == IZDE_OK && !*out) {
        char *msg = NULL;
        int xr = izx_query_match_nothing(out, &msg);
        rc = xr == IZX_OK ? IZDE_OK : xq_fail(p, xr, msg);
    }
    izde__xlist_free(&list);
    free(prefix);
    return rc;
}

/* ---- recursive descent ------------------------------------------------------ */

/* Parentheses nested deeper than this are refused (no analyst nests 100). */
#define MAX_DEPTH 100
#define MAX_DEPTH_TEXT "100"

static int parse_seq(parser *p, izx_query **out);

static int parse_primary(parser *p, izx_query **out)
{
    lexeme *l = &p->lex[p->at];
    switch (l->kind) {
    case L_LP: {
        size_t open = l->start;
        p->at++;
        if (p->lex[p->at].kind == L_RP)
            return fail(p, open, "empty parentheses%s", NULL);
        if (p->lex[p->at].kind == L_END)
            return fail(p, open, "unbalanced parenthesis: the ( is never closed%s", NULL);
        /* each level is three stack frames: a deep nest would overflow it */
        if (p->depth >= MAX_DEPTH)
            return fail(p, open, "parentheses nested more than " MAX_DEPTH_TEXT
                        " deep; write the query flatter%s", NULL);
        p->depth++;
        int rc = parse_seq(p, out);
        p->depth--;
        if (rc)
            return rc;
        if (p->lex[p->at].kind != L_RP) {
            izx_query_free(*out);
            *out = NULL;
            return fail(p, open, "unbalanced parenthesis: the ( is never closed%s", NULL);
        }
        p->at++;
        return IZDE_OK;
    }
    case L_PHRASE:
        p->at++;
        return phrase_query(p, l, out);
    case L_WORDS:
        p->at++;
        return words_query(p, l, out);
    case L_LANG:
        p->at++;
        return lang_query(p, l, out);
    case L_FIGURE:
        p->at++;
        return figure_query(p, l, out);
    case L_DATE:
        p->at++;
        return date_query(p, l, out);
    case L_WILD:
        p->at++;
        return wildcard_query(p, l, out);
    case L_RP:
        return fail(p, l->start, "unbalanced parenthesis: this ) has no matching (%s", NULL);
    case L_OR:
        return fail(p, l->start, "OR needs a word on each side%s", NULL);
    case L_AND:
        return fail(p, l->start, "AND needs a word on each side%s", NULL);
    case L_NOT:
    case L_MINUS:
        return fail(p, l->start, "%s cannot follow OR; put the exclusion outside the OR",
                    l->kind == L_NOT ? "NOT" : "-");
    case L_END:
        break;
    }
    return fail(p, l->start, "the query ends where a word is expected%s", NULL);
}

static int parse_alts(parser *p, izx_query **out)
{
    izx_query *subs[64];
    size_t n = 0;
    int rc = parse_primary(p, &subs[n]);
    if (rc)
        return rc;
    n++;
    while (p->lex[p->at].kind == L_OR) {
        size_t or_at = p->lex[p->at].start;
        p->at++;
        lex_kind k = p->lex[p->at].kind;
        if (k == L_END || k == L_RP || k == L_OR || k == L_AND) {
            rc = fail(p, or_at, "OR needs a word on each side%s", NULL);
            break;
        }
        if (n == 64) {
            rc = fail(p, or_at, "too many alternatives joined by OR (at most 64)%s", NULL);
            break;
        }
        if ((rc = parse_primary(p, &subs[n])))
            break;
        n++;
    }
    return or_of(p, rc, subs, n, out);
}

static int push_q(izx_query ***v, size_t *n, izx_query *q)
{
    izx_query **nv = realloc(*v, (*n + 1) * sizeof *nv);
    if (!nv) {
        izx_query_free(q);
        return IZDE_ENOMEM;
    }
    nv[(*n)++] = q;
    *v = nv;
    return IZDE_OK;
}

static int parse_seq(parser *p, izx_query **out)
{
    izx_query **pos = NULL, **neg = NULL;
    size_t npos = 0, nneg = 0;
    int rc = IZDE_OK;
    while (rc == IZDE_OK) {
        lexeme *l = &p->lex[p->at];
        if (l->kind == L_END || l->kind == L_RP)
            break;
        if (l->kind == L_AND) {
            lex_kind next = p->lex[p->at + 1].kind;
            if (npos + nneg == 0 || next == L_END || next == L_RP || next == L_OR || next == L_AND)
                rc = fail(p, l->start, "AND needs a word on each side%s", NULL);
            p->at++;
            continue;
        }
        if (l->kind == L_NOT || l->kind == L_MINUS) {
            lex_kind next = p->lex[p->at + 1].kind;
            if (next == L_END || next == L_RP || next == L_OR || next == L_AND ||
                next == L_NOT || next == L_MINUS) {
                rc = fail(p, l->start, "%s needs a word after it", l->kind == L_NOT ? "NOT" : "-");
                break;
            }
            p->at++;
            izx_query *q = NULL;
            p->negated++;
            rc = parse_alts(p, &q);
            p->negated--;
            if (rc == IZDE_OK)
                rc = push_q(&neg, &nneg, q);
            continue;
        }
        izx_query *q = NULL;
        rc = parse_alts(p, &q);
        if (rc == IZDE_OK)
            rc = push_q(&pos, &npos, q);
    }
    if (rc == IZDE_OK && npos + nneg == 0)
        rc = fail(p, p->lex[p->at].start, "empty query: give at least one word to search for%s",
                  NULL);
    izx_query *positive = NULL, *negative = NULL;
    char *msg = NULL;
    if (rc == IZDE_OK) {
        if (npos == 0) {
            int x = izx_query_match_all(&positive, &msg);
            rc = x == IZX_OK ? IZDE_OK : xq_fail(p, x, msg);
        } else if (npos == 1) {
            positive = pos[0];
        } else {
            rc = combine(p, IZX_OP_AND, pos, npos, 0, &positive);
        }
        npos = 0;
    }
    if (rc == IZDE_OK && nneg) {
        if (nneg == 1)
            negative = neg[0];
        else
            rc = combine(p, IZX_OP_OR, neg, nneg, 0, &negative);
        nneg = 0;
        if (rc == IZDE_OK) {
            izx_query *two[2] = {positive, negative};
            positive = NULL;
            rc = combine(p, IZX_OP_AND_NOT, two, 2, 0, &positive);
        }
    }
    for (size_t i = 0; i < npos; i++)
        izx_query_free(pos[i]);
    for (size_t i = 0; i < nneg; i++)
        izx_query_free(neg[i]);
    free(pos);
    free(neg);
    if (rc == IZDE_OK)
        *out = positive;
    else
        izx_query_free(positive);
    return rc;
}

void izde__pquery_clear(izde_pquery *q)
{
    izx_query_free(q->xq);
    for (size_t i = 0; i < q->nterms; i++)
        free(q->terms[i]);
    for (size_t i = 0; i < q->nstems; i++)
        free(q->stems[i]);
    for (size_t i = 0; i < q->nky_stems; i++)
        free(q->ky_stems[i]);
    for (size_t i = 0; i < q->nphrases; i++) {
        for (size_t k = 0; k < q->phrases[i].n; k++) {
            free(q->phrases[i].terms[k]);
            free(q->phrases[i].stems[k]);
            free(q->phrases[i].ky_stems[k]);
        }
        free(q->phrases[i].terms);
        free(q->phrases[i].stems);
        free(q->phrases[i].ky_stems);
    }
    free(q->phrases);
    for (size_t i = 0; i < q->nexpanded; i++) {
        free(q->expanded[i].word);
        free(q->expanded[i].to);
    }
    free(q->expanded);
    free(q->terms);
    free(q->stems);
    free(q->ky_stems);
    memset(q, 0, sizeof *q);
}

/* Positive lang: filters (not after NOT or -) narrow the stems of every
 * word of the query to those languages. */
static void collect_langs(parser *p)
{
    for (size_t i = 0; i < p->nlex; i++) {
        const lexeme *l = &p->lex[i];
        if (l->kind != L_LANG || (i > 0 && (p->lex[i - 1].kind == L_NOT ||
                                            p->lex[i - 1].kind == L_MINUS)))
            continue;
        const char *code = p->q + l->start + 5;
        size_t n = l->end - l->start - 5;
        if (n == 2 && strncmp(code, "ru", 2) == 0)
            p->langs |= LANG_RU;
        else if (n == 2 && strncmp(code, "ky", 2) == 0)
            p->langs |= LANG_KY;
        else
            p->langs |= LANG_OTHER;
    }
}

int izde__query_parse(izde_pquery *out, izde_analyzer *a, const izde_qstemmers *stemmers,
                      const char *query, char **errmsg_out)
{
    memset(out, 0, sizeof *out);
    *errmsg_out = NULL;
    parser p = {.q = query, .an = a, .stemmers = stemmers, .out = out};
    int rc = lex_all(&p);
    if (rc == IZDE_OK)
        collect_langs(&p);
    if (rc == IZDE_OK) {
        if (p.nlex == 1 && p.too_long)
            rc = fail(&p, 0, "the query's only word is longer than %s bytes and cannot be "
                             "searched", "240");
        else if (p.nlex == 1)
            rc = fail(&p, 0, "empty query: give at least one word to search for%s", NULL);
        else
            rc = parse_seq(&p, &out->xq);
    }
    if (rc == IZDE_OK && p.lex[p.at].kind == L_RP)
        rc = fail(&p, p.lex[p.at].start, "unbalanced parenthesis: this ) has no matching (%s",
                  NULL);
    if (rc != IZDE_OK) {
        izde__pquery_clear(out);
        *errmsg_out = p.err ? p.err : izde__strdupf("%s", izde_status_name(rc));
        p.err = NULL;
    }
    for (size_t i = 0; i < p.ntoks; i++)
        free(p.toks[i].term);
    free(p.toks);
    free(p.lex);
    free(p.err);
    clear_exact(&p);
    izde__buf_free(&p.scratch);
    return rc;
}

int izde__db_parse_query(izde_db *db, const char *query, izde_pquery *out)
{
    char *err = NULL;
    izde_qstemmers st = {.ru = db->stem_ru, .ky = db->stem_ky, .db = db->x,
                         .expand = !db->no_expand,
                         .glossary = db->no_expand ? NULL : izde__glossary()};
    int rc = izde__query_parse(out, db->analyzer, &st, query, &err);
    if (rc != IZDE_OK)
        izde__db_error(db, rc, "%s", err ? err : izde_status_name(rc));
    free(err);
    return rc;
}
