/*
 * eval_lang.c - izde-eval-lang: accuracy of izde's language guess
 * (izde__detect_lang in src/lib/analysis/lang.c: "ru", "ky" or "other") over
 * labelled sets, printed as a Markdown table with the confusion counts.
 *
 * Usage: izde-eval-lang [--show-errors N] [--min-accuracy X] EXPECTED:PATH...
 *
 * Each argument is one set; EXPECTED is ru, ky or other.  PATH is read by
 * its name:
 *   *.txt                the whole file is one sample;
 *   *.jsonl, *.jsonl.xz  one sample per line, the text is "content", else
 *                        "text", else "body" (.xz through `xz -dc`);
 *   *.csv                a header row, then one sample per row: the "text"
 *                        column (libcsv; quoted fields may span lines);
 *   anything else        one sample per line (X-WMT style);
 *   a directory          every *.jsonl.xz, *.jsonl, *.csv and *.txt file in
 *                        it, by name order, each read as above.
 * The special form seeds:DIR evaluates the project's seed corpus: every
 * *.txt in DIR, expected "ky" for 001_63a034247d8c2709.txt, else "ru".
 *
 * Blank samples (only whitespace) are not evaluated; they are counted in
 * the "blank" column.  --show-errors N prints up to N misclassified samples
 * per set on stderr (first 120 characters, on one line).  --min-accuracy X
 * fails (exit 1) when a set that has samples scores below X.
 *
 * Exit status: 0; 1 when a set is below --min-accuracy; 2 on usage errors;
 * 77 when no data could be read at all (ctest SKIP_RETURN_CODE).  A missing
 * path is reported ("eval-lang: no data at PATH; skipped") and skipped.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <csv.h>
#include <jansson.h>

#include "izde-private.h"

enum { L_RU, L_KY, L_OTHER, L_N };
static const char *const lang_names[L_N] = {"ru", "ky", "other"};

static int lang_index(const char *s)
{
    for (int i = 0; i < L_N; i++)
        if (strcmp(s, lang_names[i]) == 0)
            return i;
    return -1;
}

/* One set: one command-line argument. */
typedef struct eval_set {
    char name[256];          /* shown in the table */
    const char *expected;    /* "ru", "ky", "other" or "mixed" (seeds) */
    unsigned long samples;   /* evaluated (non-blank) samples */
    unsigned long correct;
    unsigned long got[L_N];  /* confusion: how many went to ru/ky/other */
    unsigned long blank;
    unsigned long bad;       /* unreadable records (bad JSON, ...) */
    unsigned long shown;     /* errors printed so far */
    int files;               /* files opened */
} eval_set;

static unsigned long g_show_errors;

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "eval-lang: out of memory\n");
        exit(2);
    }
    return p;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static const char *base_name(const char *path)
{
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

/* 1 if the text has nothing but ASCII whitespace and no-break spaces. */
static int is_blank(const char *t, size_t n)
{
    const unsigned char *p = (const unsigned char *)t;
    for (size_t i = 0; i < n; i++) {
        if (isspace(p[i]))
            continue;
        if (p[i] == 0xc2 && i + 1 < n && p[i + 1] == 0xa0) {
            i++;
            continue;
        }
        return 0;
    }
    return 1;
}

/* The first `max` UTF-8 characters of the text on one line (controls and
 * runs of whitespace become one space) on stderr. */
static void print_excerpt(const char *t, size_t n, size_t max)
{
    const unsigned char *p = (const unsigned char *)t;
    size_t chars = 0, i = 0;
    int started = 0, space = 0; /* a space is written before the next letter */
    while (i < n && chars < max) {
        unsigned c = p[i];
        if (c < 0x20 || c == ' ' || c == 0x7f) {
            space = started;
            i++;
            continue;
        }
        if (space) {
            fputc(' ', stderr);
            space = 0;
            if (++chars == max)
                break;
        }
        started = 1;
        size_t len = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
        if (i + len > n)
            len = n - i;
        fwrite(p + i, 1, len, stderr);
        i += len;
        chars++;
    }
    if (i < n && !is_blank(t + i, n - i))
        fputs("...", stderr);
    fputc('\n', stderr);
}

/* Evaluate one sample; `where` says where it came from (file, line). */
static void eval_sample(eval_set *set, const char *expected, const char *text, size_t len,
                        const char *file, const char *unit, unsigned long no)
{
    if (!text || is_blank(text, len)) {
        set->blank++;
        return;
    }
    const char *got = izde__detect_lang(text, len);
    int gi = lang_index(got);
    if (gi < 0)
        gi = L_OTHER;
    set->samples++;
    set->got[gi]++;
    if (strcmp(got, expected) == 0) {
        set->correct++;
        return;
    }
    if (set->shown < g_show_errors) {
        set->shown++;
        fprintf(stderr, "[%s] %s", set->name, base_name(file));
        if (unit)
            fprintf(stderr, " %s %lu", unit, no);
        fprintf(stderr, ": expected %s, got %s: ", expected, got);
        print_excerpt(text, len, 120);
    }
}

/* ---- readers -------------------------------------------------------------- */

static void read_whole(eval_set *set, const char *expected, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "eval-lang: %s: %s; skipped\n", path, strerror(errno));
        return;
    }
    set->files++;
    size_t cap = 1 << 16, len = 0, got;
    char *buf = xmalloc(cap);
    while ((got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                fclose(f);
                fprintf(stderr, "eval-lang: out of memory\n");
                exit(2);
            }
            buf = nb;
        }
    }
    if (ferror(f))
        fprintf(stderr, "eval-lang: %s: read error\n", path);
    fclose(f);
    eval_sample(set, expected, buf, len, path, NULL, 0);
    free(buf);
}

/* Open PATH, or `xz -dc PATH` for *.xz; *is_pipe says which to close. */
static FILE *open_stream(const char *path, int *is_pipe)
{
    *is_pipe = ends_with(path, ".xz");
    if (!*is_pipe)
        return fopen(path, "rb");
    /* 'PATH' with each ' written as '\'' */
    size_t n = strlen(path), k = 0;
    char *cmd = xmalloc(n * 4 + 32);
    k += (size_t)sprintf(cmd, "xz -dc '");
    for (size_t i = 0; i < n; i++) {
        if (path[i] == '\'') {
            memcpy(cmd + k, "'\\''", 4);
            k += 4;
        } else {
            cmd[k++] = path[i];
        }
    }
    strcpy(cmd + k, "'");
    FILE *f = popen(cmd, "r");
    free(cmd);
    return f;
}

static void close_stream(FILE *f, int is_pipe, const char *path)
{
    if (!is_pipe) {
        fclose(f);
        return;
    }
    int st = pclose(f);
    if (st != 0)
        fprintf(stderr, "eval-lang: %s: xz -dc failed (status %d); results may be partial\n",
                path, st);
}

/* A JSON field as a non-blank string, or NULL. */
static const char *json_text(json_t *obj, const char *key, size_t *len)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_string(v))
        return NULL;
    const char *s = json_string_value(v);
    *len = json_string_length(v);
    return is_blank(s, *len) ? NULL : s;
}

static void read_lines(eval_set *set, const char *expected, const char *path, int jsonl)
{
    int is_pipe;
    FILE *f = open_stream(path, &is_pipe);
    if (!f) {
        fprintf(stderr, "eval-lang: %s: %s; skipped\n", path, strerror(errno));
        return;
    }
    set->files++;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    unsigned long no = 0;
    while ((n = getline(&line, &cap, f)) >= 0) {
        no++;
        size_t len = (size_t)n;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        if (!jsonl) {
            eval_sample(set, expected, line, len, path, "line", no);
            continue;
        }
        if (is_blank(line, len))
            continue; /* an empty line is no record */
        json_error_t err;
        json_t *obj = json_loadb(line, len, 0, &err);
        if (!json_is_object(obj)) {
            if (set->bad++ < 3)
                fprintf(stderr, "eval-lang: %s:%lu: not a JSON object: %s\n", path, no,
                        obj ? "other JSON value" : err.text);
            json_decref(obj);
            continue;
        }
        size_t tl = 0;
        const char *t = json_text(obj, "content", &tl);
        if (!t)
            t = json_text(obj, "text", &tl);
        if (!t)
            t = json_text(obj, "body", &tl);
        eval_sample(set, expected, t, tl, path, "line", no);
        json_decref(obj);
    }
    free(line);
    if (ferror(f))
        fprintf(stderr, "eval-lang: %s: read error\n", path);
    close_stream(f, is_pipe, path);
}

/* CSV: libcsv callbacks collect the "text" field of each row. */
typedef struct csv_ctx {
    eval_set *set;
    const char *expected;
    const char *path;
    unsigned long row;   /* data rows seen (the header is row 0) */
    long text_col;       /* index of "text" in the header, -1 if none */
    long col;            /* field index within the current row */
    char *text;          /* the current row's text, malloc'ed */
    size_t text_len;
} csv_ctx;

static void csv_on_field(void *data, size_t len, void *vctx)
{
    csv_ctx *c = vctx;
    if (c->row == 0) {
        if (c->text_col < 0 && len == 4 && data && memcmp(data, "text", 4) == 0)
            c->text_col = c->col;
    } else if (c->col == c->text_col) {
        free(c->text);
        c->text = xmalloc(len + 1);
        if (len)
            memcpy(c->text, data, len);
        c->text[len] = '\0';
        c->text_len = len;
    }
    c->col++;
}

static void csv_on_row(int term, void *vctx)
{
    (void)term;
    csv_ctx *c = vctx;
    if (c->row == 0 && c->text_col < 0)
        fprintf(stderr, "eval-lang: %s: no \"text\" column in the header\n", c->path);
    else if (c->row > 0)
        eval_sample(c->set, c->expected, c->text, c->text_len, c->path, "row", c->row);
    free(c->text);
    c->text = NULL;
    c->text_len = 0;
    c->col = 0;
    c->row++;
}

static void read_csv(eval_set *set, const char *expected, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "eval-lang: %s: %s; skipped\n", path, strerror(errno));
        return;
    }
    set->files++;
    struct csv_parser p;
    if (csv_init(&p, 0) != 0) {
        fprintf(stderr, "eval-lang: %s: csv_init failed\n", path);
        fclose(f);
        return;
    }
    csv_ctx c = {set, expected, path, 0, -1, 0, NULL, 0};
    char buf[1 << 16];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        if (csv_parse(&p, buf, n, csv_on_field, csv_on_row, &c) != n) {
            fprintf(stderr, "eval-lang: %s: %s\n", path, csv_strerror(csv_error(&p)));
            set->bad++;
            break;
        }
    }
    if (ferror(f))
        fprintf(stderr, "eval-lang: %s: read error\n", path);
    csv_fini(&p, csv_on_field, csv_on_row, &c);
    csv_free(&p);
    free(c.text);
    fclose(f);
}

static void read_file_by_name(eval_set *set, const char *expected, const char *path)
{
    if (ends_with(path, ".txt"))
        read_whole(set, expected, path);
    else if (ends_with(path, ".jsonl") || ends_with(path, ".jsonl.xz"))
        read_lines(set, expected, path, 1);
    else if (ends_with(path, ".csv"))
        read_csv(set, expected, path);
    else
        read_lines(set, expected, path, 0);
}

static int txt_only(const struct dirent *e)
{
    return ends_with(e->d_name, ".txt");
}

static int data_file(const struct dirent *e)
{
    return ends_with(e->d_name, ".txt") || ends_with(e->d_name, ".jsonl") ||
           ends_with(e->d_name, ".jsonl.xz") || ends_with(e->d_name, ".csv");
}

/* Every matching file of DIR in name order; seeds: expected by file name. */
static void read_dir(eval_set *set, const char *expected, const char *dir, int seeds)
{
    struct dirent **ents;
    int n = scandir(dir, &ents, seeds ? txt_only : data_file, alphasort);
    if (n < 0) {
        fprintf(stderr, "eval-lang: %s: %s; skipped\n", dir, strerror(errno));
        return;
    }
    if (n == 0)
        fprintf(stderr, "eval-lang: no data files in %s\n", dir);
    for (int i = 0; i < n; i++) {
        size_t len = strlen(dir) + strlen(ents[i]->d_name) + 2;
        char *path = xmalloc(len);
        snprintf(path, len, "%s/%s", dir, ents[i]->d_name);
        const char *exp = expected;
        if (seeds) /* 001 is the Kyrgyz seed article, the others are Russian */
            exp = strcmp(ents[i]->d_name, "001_63a034247d8c2709.txt") == 0 ? "ky" : "ru";
        read_file_by_name(set, exp, path);
        free(path);
        free(ents[i]);
    }
    free(ents);
}

/* ---- main ------------------------------------------------------------------ */

static void usage(FILE *out)
{
    fprintf(out,
            "Usage: izde-eval-lang [--show-errors N] [--min-accuracy X] EXPECTED:PATH...\n"
            "Accuracy of izde's language guess (ru, ky, other) over labelled sets,\n"
            "printed as a Markdown table.\n"
            "\n"
            "  EXPECTED:PATH      EXPECTED is ru, ky or other; each argument is one set.\n"
            "                     *.txt: one sample; *.jsonl[.xz]: one per line (\"content\",\n"
            "                     else \"text\", else \"body\"); *.csv: one per row (\"text\"\n"
            "                     column); other files: one per line; a directory: its\n"
            "                     *.jsonl.xz, *.jsonl, *.csv and *.txt files.\n"
            "  seeds:DIR          the seed corpus: *.txt in DIR, 001_63a034247d8c2709.txt\n"
            "                     is ky, the others ru.\n"
            "  --show-errors N    print up to N misclassified samples per set on stderr\n"
            "  --min-accuracy X   exit 1 if a set's accuracy is below X (0..1)\n"
            "  -h, --help         this message\n"
            "\n"
            "Exit: 0 ok, 1 below --min-accuracy, 2 usage error, 77 no data at all.\n");
}

static int parse_ulong(const char *s, unsigned long *out)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || end == s || *end || *s == '-')
        return -1;
    *out = v;
    return 0;
}

int main(int argc, char **argv)
{
    double min_acc = -1.0;
    int first = argc;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--show-errors") == 0 && i + 1 < argc) {
            if (parse_ulong(argv[++i], &g_show_errors) != 0) {
                fprintf(stderr, "eval-lang: bad --show-errors value '%s'\n", argv[i]);
                return 2;
            }
        } else if (strcmp(a, "--min-accuracy") == 0 && i + 1 < argc) {
            char *end;
            min_acc = strtod(argv[++i], &end);
            if (end == argv[i] || *end || min_acc < 0 || min_acc > 1) {
                fprintf(stderr, "eval-lang: bad --min-accuracy value '%s'\n", argv[i]);
                return 2;
            }
        } else if (strcmp(a, "--") == 0) {
            first = i + 1;
            break;
        } else if (a[0] == '-') {
            fprintf(stderr, "eval-lang: unknown option '%s'\n", a);
            usage(stderr);
            return 2;
        } else {
            first = i;
            break;
        }
    }
    int nsets = argc - first;
    if (nsets <= 0) {
        usage(stderr);
        return 2;
    }
    /* check every argument before reading anything */
    for (int i = first; i < argc; i++) {
        const char *colon = strchr(argv[i], ':');
        size_t pl = colon ? (size_t)(colon - argv[i]) : 0;
        int ok = colon && colon[1] &&
                 ((pl == 2 && (strncmp(argv[i], "ru", 2) == 0 || strncmp(argv[i], "ky", 2) == 0)) ||
                  (pl == 5 && (strncmp(argv[i], "other", 5) == 0 ||
                               strncmp(argv[i], "seeds", 5) == 0)));
        if (!ok) {
            fprintf(stderr, "eval-lang: '%s' is not EXPECTED:PATH (ru, ky, other or seeds)\n",
                    argv[i]);
            usage(stderr);
            return 2;
        }
    }

    eval_set *sets = calloc((size_t)nsets, sizeof *sets);
    if (!sets) {
        fprintf(stderr, "eval-lang: out of memory\n");
        return 2;
    }
    int any_read = 0;
    for (int k = 0; k < nsets; k++) {
        eval_set *set = &sets[k];
        char *arg = argv[first + k];
        char *colon = strchr(arg, ':');
        *colon = '\0';
        const char *label = arg, *path = colon + 1;
        int seeds = strcmp(label, "seeds") == 0;
        set->expected = seeds ? "ru/ky" : label;

        struct stat st;
        int is_dir = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
        size_t pl = strlen(path);
        while (pl > 1 && path[pl - 1] == '/') /* "dir/" names as "dir" */
            pl--;
        const char *b = path + pl;
        while (b > path && b[-1] != '/')
            b--;
        snprintf(set->name, sizeof set->name, "%s%.*s%s", seeds ? "seeds:" : "",
                 (int)(path + pl - b), b, is_dir && !seeds ? "/" : "");
        if (stat(path, &st) != 0) {
            fprintf(stderr, "eval-lang: no data at %s; skipped\n", path);
            continue;
        }
        if (is_dir)
            read_dir(set, seeds ? "ru" : label, path, seeds);
        else if (seeds)
            fprintf(stderr, "eval-lang: seeds:%s is not a directory; skipped\n", path);
        else
            read_file_by_name(set, label, path);
        if (set->files > 0)
            any_read = 1;
    }
    if (!any_read) {
        fprintf(stderr, "eval-lang: no data could be read\n");
        free(sets);
        return 77;
    }

    printf("| set | expected | samples | correct | accuracy | ->ru | ->ky | ->other | blank |\n");
    printf("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    eval_set total = {.expected = ""};
    int failed = 0;
    for (int k = 0; k < nsets; k++) {
        eval_set *s = &sets[k];
        if (s->files == 0) {
            printf("| %s | %s | - | - | skipped | - | - | - | - |\n", s->name, s->expected);
            continue;
        }
        double acc = s->samples ? (double)s->correct / (double)s->samples : 0.0;
        char accs[32] = "n/a";
        if (s->samples)
            snprintf(accs, sizeof accs, "%.4f", acc);
        printf("| %s | %s | %lu | %lu | %s | %lu | %lu | %lu | %lu |\n", s->name, s->expected,
               s->samples, s->correct, accs, s->got[L_RU], s->got[L_KY], s->got[L_OTHER],
               s->blank);
        if (s->bad)
            fprintf(stderr, "eval-lang: %s: %lu unreadable records\n", s->name, s->bad);
        if (min_acc >= 0 && s->samples && acc < min_acc) {
            fprintf(stderr, "eval-lang: %s: accuracy %.4f is below %.4f\n", s->name, acc, min_acc);
            failed = 1;
        }
        total.samples += s->samples;
        total.correct += s->correct;
        total.blank += s->blank;
        for (int i = 0; i < L_N; i++)
            total.got[i] += s->got[i];
    }
    printf("| **total** | | %lu | %lu | %.4f | %lu | %lu | %lu | %lu |\n", total.samples,
           total.correct, total.samples ? (double)total.correct / (double)total.samples : 0.0,
           total.got[L_RU], total.got[L_KY], total.got[L_OTHER], total.blank);
    free(sets);
    return failed ? 1 : 0;
}
