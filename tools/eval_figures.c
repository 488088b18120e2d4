/*
 * eval_figures.c - izde-eval-figures: span precision and recall of the
 * numeric-figure extractor (src/lib/analysis/figures.c) against the gold NUMBER,
 * MONEY and PERCENT entities of NEREL (Russian Wikinews, brat standoff),
 * printed as a Markdown table, separately for digit-based and spelled-out
 * numbers.
 *
 * Usage: izde-eval-figures [--check] [--show-errors N] [DIR...]
 *
 * DIR holds NNN.txt + NNN.ann pairs, or train/ and dev/ folders holding
 * them (default: ../shared/data/russian-news/nerel).  .ann lines
 * "T1<TAB>TYPE start end<TAB>surface" give character (code point) offsets;
 * discontinuous spans ("start end;start end") use their outer bounds.
 *
 * Matching rule (one rule for both directions): a figure's *number part*
 * (izde_figure.num_start..num_end: the digits or numeral words, with a
 * range's second number and a multiplier, without qualifier, unit or noun)
 * matches a gold span when the byte ranges overlap.
 *  - recall:    a gold NUMBER/MONEY/PERCENT span is found when some
 *               extracted figure (of any kind: an ordinal or a duration
 *               is found, only kept apart from counts) matches it; the
 *               recall by figures of kind count alone is printed too.
 *               Its class is "digits" when the span holds an ASCII digit,
 *               else "spelled".
 *  - precision: an extracted figure of kind count is correct when it
 *               matches some gold NUMBER/MONEY/PERCENT span (figures of
 *               other kinds are listed apart, not in precision).  Its class
 *               is its `spelled` flag.
 *               Figures matching only DATE, AGE, TIME, ORDINAL... spans or
 *               none are false positives; the table counts them by the gold
 *               type they hit.
 *
 * --check exits 1 when digit-based precision or recall is below 0.90.
 * Exit 77 ("eval-figures: no data at PATH; skipped") when no DIR has data.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "figures.h"
#include "izde.h"

#define TARGET 0.90

typedef struct span {
    size_t s, e;       /* bytes */
    char type[24];
    int pos;           /* NUMBER, MONEY or PERCENT */
    int digits;        /* holds an ASCII digit */
    int found;         /* by a figure of any kind */
    int found_count;   /* by a figure of kind count */
} span;

typedef struct stats {
    unsigned long gold[2], found[2];   /* [0] digits, [1] spelled */
    unsigned long found_count[2];      /* found by a count */
    unsigned long kinds[IZDE_FIG_NKINDS], kind_gold[IZDE_FIG_NKINDS]; /* other kinds: all, on a
                                                                        gold NUMBER/MONEY/PERCENT */
    unsigned long ext[2], correct[2];
    unsigned long fp_by[8];            /* false positives by gold type hit */
    unsigned long docs;
} stats;

static const char *const FP_TYPES[] = {"DATE", "AGE", "TIME", "ORDINAL", "other entity", "none"};
enum { FP_N = 6 };

static int show_errors;
static unsigned long shown_miss, shown_fp;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        b = NULL;
    }
    fclose(f);
    if (b) {
        b[n] = '\0';
        *len = (size_t)n;
    }
    return b;
}

/* Byte offset of every code point of `t` (and one past the end). */
static size_t *char_offsets(const char *t, size_t len, size_t *nchars)
{
    size_t *m = malloc((len + 2) * sizeof *m), n = 0;
    if (!m)
        return NULL;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)t[i] & 0xC0) != 0x80)
            m[n++] = i;
    m[n] = len;
    *nchars = n;
    return m;
}

static int overlaps(size_t a, size_t b, size_t c, size_t d) { return a < d && c < b; }

static void print_ctx(const char *tag, const char *t, size_t len, size_t s, size_t e,
                      const char *what)
{
    size_t a = s > 60 ? s - 60 : 0, b = e + 60 < len ? e + 60 : len;
    while (a > 0 && ((unsigned char)t[a] & 0xC0) == 0x80)
        a--;
    while (b < len && ((unsigned char)t[b] & 0xC0) == 0x80)
        b++;
    fprintf(stderr, "%s %s: ...", tag, what);
    for (size_t i = a; i < b; i++) {
        if (i == s)
            fputs("[[", stderr);
        fputc(t[i] == '\n' ? ' ' : t[i], stderr);
        if (i + 1 == e)
            fputs("]]", stderr);
    }
    fputs("...\n", stderr);
}

static void eval_doc(const char *txtpath, stats *st, izde_stemmer *stem)
{
    char annpath[4096];
    size_t tl, al;
    snprintf(annpath, sizeof annpath, "%.*s.ann", (int)(strlen(txtpath) - 4), txtpath);
    char *text = slurp(txtpath, &tl), *ann = slurp(annpath, &al);
    if (!text || !ann) {
        free(text);
        free(ann);
        return;
    }
    size_t nch = 0;
    size_t *off = char_offsets(text, tl, &nch);
    span *sp = NULL;
    size_t nsp = 0, cap = 0;
    for (char *line = strtok(ann, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] != 'T')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        span x;
        memset(&x, 0, sizeof x);
        unsigned long s, e;
        if (sscanf(tab + 1, "%23s %lu %lu", x.type, &s, &e) != 3)
            continue;
        char *f2 = strchr(tab + 1, '\t');  /* discontinuous: take the last end */
        for (char *p = tab + 1; p && p < (f2 ? f2 : p + strlen(p)); p = strchr(p + 1, ';')) {
            unsigned long s2, e2;
            if (*p == ';' && sscanf(p + 1, "%lu %lu", &s2, &e2) == 2)
                e = e2;
        }
        if (s > nch || e > nch || s >= e)
            continue;
        x.s = off[s];
        x.e = off[e];
        x.pos = !strcmp(x.type, "NUMBER") || !strcmp(x.type, "MONEY") || !strcmp(x.type, "PERCENT");
        for (size_t i = x.s; i < x.e; i++)
            x.digits |= text[i] >= '0' && text[i] <= '9';
        if (nsp == cap) {
            cap = cap ? cap * 2 : 64;
            sp = realloc(sp, cap * sizeof *sp);
        }
        sp[nsp++] = x;
    }
    izde_figures *fs = NULL;
    if (izde__figures_extract(&fs, NULL, text, tl, "ru", stem) == IZDE_OK) {
        for (size_t i = 0; i < izde__figures_count(fs); i++) {
            const izde_figure *f = izde__figures_get(fs, i);
            int cls = f->spelled ? 1 : 0, ok = 0, hit = FP_N - 1;
            for (size_t k = 0; k < nsp; k++) {
                if (!overlaps(f->num_start, f->num_end, sp[k].s, sp[k].e))
                    continue;
                if (sp[k].pos) {
                    ok = 1;
                    sp[k].found = 1;
                    sp[k].found_count |= f->kind == IZDE_FIG_COUNT;
                } else {
                    int h = 4;
                    for (int z = 0; z < 4; z++)
                        if (!strcmp(sp[k].type, FP_TYPES[z]))
                            h = z;
                    if (h < hit)
                        hit = h;
                }
            }
            if (f->kind != IZDE_FIG_COUNT) { /* found, but not a count: not in precision */
                st->kinds[f->kind]++;
                st->kind_gold[f->kind] += ok;
                continue;
            }
            st->ext[cls]++;
            st->correct[cls] += ok;
            if (!ok) {
                st->fp_by[hit]++;
                if (shown_fp < (unsigned long)show_errors && (shown_fp++, 1))
                    print_ctx("FP", text, tl, f->num_start, f->num_end, FP_TYPES[hit]);
            }
        }
    }
    for (size_t k = 0; k < nsp; k++) {
        if (!sp[k].pos)
            continue;
        int cls = sp[k].digits ? 0 : 1;
        st->gold[cls]++;
        st->found[cls] += sp[k].found;
        st->found_count[cls] += sp[k].found_count;
        if (!sp[k].found && cls == 0 && shown_miss < (unsigned long)show_errors && (shown_miss++, 1))
            print_ctx("MISS", text, tl, sp[k].s, sp[k].e, sp[k].type);
    }
    st->docs++;
    izde__figures_free(fs);
    free(sp);
    free(off);
    free(text);
    free(ann);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Evaluate every NNN.txt with an .ann beside it in `dir`, and train/ and
 * dev/ below it.  Returns the number of documents read. */
static unsigned long eval_dir(const char *dir, stats *st, izde_stemmer *stem)
{
    unsigned long before = st->docs;
    static const char *const SUB[] = {"train", "dev"};
    char path[4096];
    for (int i = 0; i < 2; i++) {
        struct stat sb;
        snprintf(path, sizeof path, "%s/%s", dir, SUB[i]);
        if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
            eval_dir(path, st, stem);
    }
    DIR *d = opendir(dir);
    if (!d)
        return st->docs - before;
    char **names = NULL;
    size_t n = 0, cap = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            names = realloc(names, cap * sizeof *names);
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        eval_doc(path, st, stem);
        free(names[i]);
    }
    free(names);
    return st->docs - before;
}

static double ratio(unsigned long a, unsigned long b) { return b ? (double)a / b : 0; }

int main(int argc, char **argv)
{
    int check = 0, ndirs = 0;
    const char *dirs[64];
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--check"))
            check = 1;
        else if (!strcmp(argv[i], "--show-errors") && i + 1 < argc)
            show_errors = atoi(argv[++i]);
        else if (argv[i][0] == '-' || ndirs == 64) {
            fprintf(stderr, "usage: izde-eval-figures [--check] [--show-errors N] [DIR...]\n");
            return 2;
        } else
            dirs[ndirs++] = argv[i];
    }
    if (!ndirs)
        dirs[ndirs++] = "../shared/data/russian-news/nerel";
    izde_stemmer *stem = NULL;
    if (izde_stemmer_new(&stem, "ru") != IZDE_OK)
        return 1;
    stats st;
    memset(&st, 0, sizeof st);
    for (int i = 0; i < ndirs; i++)
        if (!eval_dir(dirs[i], &st, stem))
            fprintf(stderr, "eval-figures: no data at %s; skipped\n", dirs[i]);
    izde_stemmer_free(stem);
    if (!st.docs)
        return 77;

    printf("Figures vs NEREL NUMBER/MONEY/PERCENT (%lu documents; overlap of the number part)\n\n",
           st.docs);
    printf("| numbers | gold | found | recall | extracted | correct | precision | F1 |\n");
    printf("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    static const char *const CLS[] = {"digits", "spelled", "all"};
    double p0 = 0, r0 = 0;
    for (int c = 0; c < 3; c++) {
        unsigned long g = c < 2 ? st.gold[c] : st.gold[0] + st.gold[1];
        unsigned long fo = c < 2 ? st.found[c] : st.found[0] + st.found[1];
        unsigned long ex = c < 2 ? st.ext[c] : st.ext[0] + st.ext[1];
        unsigned long co = c < 2 ? st.correct[c] : st.correct[0] + st.correct[1];
        double r = ratio(fo, g), p = ratio(co, ex), f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
        if (c == 0)
            p0 = p, r0 = r;
        printf("| %s | %lu | %lu | %.3f | %lu | %lu | %.3f | %.3f |\n", CLS[c], g, fo, r, ex, co,
               p, f1);
    }
    printf("\nRecall by counts alone: digits %.3f, spelled %.3f.\n",
           ratio(st.found_count[0], st.gold[0]), ratio(st.found_count[1], st.gold[1]));
    printf("Figures of other kinds (not in precision; on a gold number):");
    for (int k = 1; k < IZDE_FIG_NKINDS; k++)
        printf(" %s %lu (%lu)%s", izde__figure_kind_name(k), st.kinds[k], st.kind_gold[k],
               k + 1 < IZDE_FIG_NKINDS ? ";" : "\n");
    printf("\nFalse positives of counts by the gold entity they fall in:");
    for (int z = 0; z < FP_N; z++)
        printf(" %s %lu%s", FP_TYPES[z], st.fp_by[z], z + 1 < FP_N ? ";" : "\n");
    if (check && (p0 < TARGET || r0 < TARGET)) {
        fprintf(stderr, "eval-figures: digit-based precision %.3f / recall %.3f below %.2f\n", p0,
                r0, TARGET);
        return 1;
    }
    return 0;
}
