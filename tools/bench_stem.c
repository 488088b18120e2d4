/*
 * bench_stem.c - izde-bench-stem: words per second of izde's Kyrgyz stemmer
 * beside libstemmer's Russian stemmer, in the same run.
 *
 * Kyrgyz words: every FORM of the UD Kyrgyz-KTMU files, as written (izde's
 * stemmer takes the original case).  Russian words: every FORM of UD
 * Russian-GSD test, lower-cased (libstemmer expects lower-cased input).
 * Multiword-token lines and empty nodes are skipped; punctuation and
 * numbers are kept in both lists.  One measurement stems the whole list
 * over and over until at least 0.5 s have passed; each stemmer is measured
 * 5 times, alternating, and the median words/s of each is reported with
 * the ratio ky/ru.
 *
 * Usage: izde-bench-stem [KY.conllu... -- RU.conllu...]
 * Exit status: 0; 2 on usage or I/O errors; 77 when a data file is missing.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libstemmer.h>
#include <unicode/ustring.h>

#include "stem_ky.h"

#ifndef IZDE_SOURCE_DIR
#define IZDE_SOURCE_DIR "."
#endif
#define DATA_DIR IZDE_SOURCE_DIR "/../shared/data/"

#define EXIT_TROUBLE 2
#define EXIT_SKIP 77
#define REPETITIONS 5
#define MIN_SECONDS 0.5

/* A word list: NUL-separated words in one buffer. */
typedef struct {
    char *text;          /* the words, each NUL-terminated */
    size_t len, cap;     /* bytes used / allocated in text */
    size_t *off, *wlen;  /* start and length of each word */
    size_t n, ncap;      /* words used / allocated */
} wordlist;

static void out_of_memory(void)
{
    fputs("bench-stem: out of memory\n", stderr);
    exit(EXIT_TROUBLE);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        out_of_memory();
    return p;
}

static void wordlist_add(wordlist *w, const char *s, size_t len)
{
    while (w->len + len + 1 > w->cap) {
        w->cap = w->cap ? 2 * w->cap : 1 << 16;
        w->text = xrealloc(w->text, w->cap);
    }
    if (w->n == w->ncap) {
        w->ncap = w->ncap ? 2 * w->ncap : 1024;
        w->off = xrealloc(w->off, w->ncap * sizeof *w->off);
        w->wlen = xrealloc(w->wlen, w->ncap * sizeof *w->wlen);
    }
    memcpy(w->text + w->len, s, len);
    w->text[w->len + len] = '\0';
    w->off[w->n] = w->len;
    w->wlen[w->n++] = len;
    w->len += len + 1;
}

static void wordlist_free(wordlist *w)
{
    free(w->text);
    free(w->off);
    free(w->wlen);
}

/* Append s lower-cased (ICU, root locale) to w. */
static void wordlist_add_lower(wordlist *w, const char *s)
{
    UChar in[256], low[512];
    char out[1024];
    UErrorCode err = U_ZERO_ERROR;
    int32_t n16, nl, n8;
    u_strFromUTF8WithSub(in, 256, &n16, s, -1, 0xFFFD, NULL, &err);
    if (U_SUCCESS(err) && err != U_STRING_NOT_TERMINATED_WARNING) {
        nl = u_strToLower(low, 512, in, n16, "", &err);
        if (U_SUCCESS(err)) {
            u_strToUTF8(out, sizeof out, &n8, low, nl, &err);
            if (U_SUCCESS(err) && err != U_STRING_NOT_TERMINATED_WARNING) {
                wordlist_add(w, out, (size_t)n8);
                return;
            }
        }
    }
    wordlist_add(w, s, strlen(s));  /* too long for the buffers: as is */
}

/* Append the FORM column of a CoNLL-U file to w.  Returns 0, or -1 with
 * errno set. */
static int read_forms(wordlist *w, const char *path, int lower)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, fp) >= 0) {
        if (line[0] == '#' || line[0] == '\n' || line[0] == '\r')
            continue;
        char *tab1 = strchr(line, '\t');
        if (!tab1)
            continue;
        *tab1 = '\0';
        if (strpbrk(line, "-."))  /* multiword token or empty node */
            continue;
        char *form = tab1 + 1, *tab2 = strchr(form, '\t');
        if (!tab2)
            continue;
        *tab2 = '\0';
        if (lower)
            wordlist_add_lower(w, form);
        else
            wordlist_add(w, form, strlen(form));
    }
    int err = ferror(fp) ? EIO : 0;
    free(line);
    fclose(fp);
    if (err) {
        errno = err;
        return -1;
    }
    return 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static volatile size_t sink; /* keeps the stemming from being optimised out */

/* One pass of each stemmer over the list; returns the stem bytes. */
static size_t pass_ky(izde_ky_stemmer *s, const wordlist *w)
{
    size_t total = 0;
    for (size_t i = 0; i < w->n; i++)
        if (izde_ky_stemmer_stem(s, w->text + w->off[i], w->wlen[i]))
            total += izde_ky_stemmer_length(s);
    return total;
}

static size_t pass_ru(struct sb_stemmer *s, const wordlist *w)
{
    size_t total = 0;
    for (size_t i = 0; i < w->n; i++)
        if (sb_stemmer_stem(s, (const sb_symbol *)(w->text + w->off[i]), (int)w->wlen[i]))
            total += (size_t)sb_stemmer_length(s);
    return total;
}

/* Words per second of one stemmer: whole passes until MIN_SECONDS. */
static double measure(izde_ky_stemmer *ky, struct sb_stemmer *ru, const wordlist *w)
{
    size_t passes = 0, total = 0;
    double start = now(), elapsed;
    do {
        total += ky ? pass_ky(ky, w) : pass_ru(ru, w);
        passes++;
        elapsed = now() - start;
    } while (elapsed < MIN_SECONDS);
    sink += total;
    return (double)(passes * w->n) / elapsed;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void usage(FILE *fp)
{
    fputs("Usage: izde-bench-stem [KY.conllu... -- RU.conllu...]\n"
          "Words per second of izde's Kyrgyz stemmer and libstemmer's Russian one.\n"
          "Defaults: " DATA_DIR "ud-kyrgyz/ky_ktmu-ud-{train,test}.conllu\n"
          "      -- " DATA_DIR "ud-russian/ru_gsd-ud-test.conllu\n"
          "Exit 77 if a data file is missing.\n", fp);
}

/* Load the files of one language; 0, or the exit status after a message. */
static int load(wordlist *w, const char *const *paths, int n, int lower)
{
    for (int i = 0; i < n; i++) {
        if (read_forms(w, paths[i], lower) == 0)
            continue;
        if (errno == ENOENT || errno == ENOTDIR) {
            fprintf(stderr, "bench-stem: no data at %s; skipped\n", paths[i]);
            return EXIT_SKIP;
        }
        fprintf(stderr, "bench-stem: %s: %s\n", paths[i], strerror(errno));
        return EXIT_TROUBLE;
    }
    if (!w->n) {
        fputs("bench-stem: no words read\n", stderr);
        return EXIT_TROUBLE;
    }
    return 0;
}

int main(int argc, char **argv)
{
    static const char *const ky_default[] = { DATA_DIR "ud-kyrgyz/ky_ktmu-ud-train.conllu",
                                              DATA_DIR "ud-kyrgyz/ky_ktmu-ud-test.conllu" };
    static const char *const ru_default[] = { DATA_DIR "ud-russian/ru_gsd-ud-test.conllu" };
    const char *const *ky_files = ky_default, *const *ru_files = ru_default;
    int nky = 2, nru = 1;

    if (argc > 1) {
        if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
            usage(stdout);
            return 0;
        }
        int sep = 1;
        while (sep < argc && strcmp(argv[sep], "--") != 0)
            sep++;
        if (sep == 1 || sep >= argc - 1) {
            usage(stderr);
            return EXIT_TROUBLE;
        }
        ky_files = (const char *const *)argv + 1;
        nky = sep - 1;
        ru_files = (const char *const *)argv + sep + 1;
        nru = argc - sep - 1;
    }

    wordlist ky_words = { 0 }, ru_words = { 0 };
    int status = load(&ky_words, ky_files, nky, 0);
    if (!status)
        status = load(&ru_words, ru_files, nru, 1);
    izde_ky_stemmer *ky = NULL;
    struct sb_stemmer *ru = NULL;
    if (!status && (!(ky = izde_ky_stemmer_new(0)) || !(ru = sb_stemmer_new("russian", NULL)))) {
        fputs("bench-stem: cannot create the stemmers\n", stderr);
        status = EXIT_TROUBLE;
    }
    if (!status) {
        double ky_rate[REPETITIONS], ru_rate[REPETITIONS];
        for (int r = 0; r < REPETITIONS; r++) {
            ky_rate[r] = measure(ky, NULL, &ky_words);
            ru_rate[r] = measure(NULL, ru, &ru_words);
        }
        double kym = median(ky_rate, REPETITIONS), rum = median(ru_rate, REPETITIONS);
        printf("izde Kyrgyz (default flags): %zu words, median %.0f words/s\n", ky_words.n, kym);
        printf("Snowball Russian:            %zu words, median %.0f words/s\n", ru_words.n, rum);
        printf("ratio ky/ru: %.2f (median of %d runs of >= %.1f s each)\n", kym / rum,
               REPETITIONS, MIN_SECONDS);
    }
    izde_ky_stemmer_delete(ky);
    sb_stemmer_delete(ru);
    wordlist_free(&ky_words);
    wordlist_free(&ru_words);
    return status;
}
