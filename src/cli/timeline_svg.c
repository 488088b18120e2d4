/*
 * timeline_svg.c - a timeline as an SVG bar chart (`izde timeline --svg`):
 * labels in Russian or English, the x axis labelled on every bar when the
 * labels fit and else on every 2nd, 3rd, 6th... period at calendar steps,
 * the count above each bar that has room for it, a line naming the
 * stories and articles left out (no date, or a less precise one), and
 * when nothing is dated a message in place of empty axes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { W = 900, H = 440, L = 70, R = 20, T = 50, B = 110 };

static void xml_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '<')
            fputs("&lt;", f);
        else if (*s == '>')
            fputs("&gt;", f);
        else if (*s == '&')
            fputs("&amp;", f);
        else if (*s == '"')
            fputs("&quot;", f);
        else
            fputc(*s, f);
    }
}

/* The Russian form of a noun after n: forms[0] for 1, 21..., [1] for
 * 2-4, 22-24..., [2] for the rest. */
static const char *ru_plural(unsigned n, const char *const forms[3])
{
    unsigned d = n % 10, h = n % 100;
    if (d == 1 && h != 11)
        return forms[0];
    if (d >= 2 && d <= 4 && (h < 12 || h > 14))
        return forms[1];
    return forms[2];
}

static const char *const RU_ARTICLES[3] = {"статья", "статьи", "статей"};
static const char *const RU_STORIES[3] = {"сюжет", "сюжета", "сюжетов"};
static const char *const RU_SHOWN[3] = {"не показана", "не показаны", "не показаны"};
static const char *const RU_SHOWN_M[3] = {"не показан", "не показаны", "не показаны"};

/* The smallest calendar step (in periods) of at least `min` periods. */
static size_t nice_step(char by, size_t min)
{
    static const size_t years[] = {1, 2, 5, 10, 20, 50, 100, 0};
    static const size_t months[] = {1, 2, 3, 6, 12, 24, 60, 120, 240, 0};
    static const size_t weeks[] = {1, 2, 4, 13, 26, 52, 104, 260, 520, 0};
    const size_t *s = by == 'y' ? years : by == 'm' ? months : weeks;
    for (; *s; s++)
        if (*s >= min)
            return *s;
    return min;
}

/* Whether period p starts a step: at round calendar values (2010, 2015;
 * January, July; weeks 1, 14, 27, 40; week 1 of every 2nd, 5th... year). */
static int on_step(const char *p, char by, size_t step)
{
    if (by == 'y')
        return atoi(p) % (int)step == 0;
    if (by == 'm')
        return ((size_t)atoi(p) * 12 + (size_t)atoi(p + 5) - 1) % step == 0;
    size_t week = strlen(p) > 6 ? (size_t)atoi(p + 6) : 1;
    if (step < 52) /* week 53 is next to week 1 */
        return (week - 1) % step == 0 && (step == 1 || week < 53);
    return week == 1 && (size_t)atoi(p) % (step / 52) == 0;
}

static void svg_label(FILE *f, const izde_timeline *t, size_t i, int en, double pw, int flat)
{
    char lab[40];
    izde_period_label(t->periods[i].period, en, lab, sizeof lab);
    double x = L + pw * ((double)i + 0.5);
    if (flat)
        fprintf(f, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x, H - B + 16, lab);
    else
        fprintf(f, "<text transform=\"translate(%.1f,%d) rotate(-45)\" text-anchor=\"end\">%s</text>\n",
                x + 4, H - B + 12, lab);
    fprintf(f, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>\n", x, H - B, x,
            H - B + 4);
}

/* The x labels: flat on every bar when they fit, else turned 45 degrees at
 * calendar steps that leave 16px between them; the last bar labelled too
 * when there is room after the last step. */
static void svg_labels(FILE *f, const izde_timeline *t, int en, double pw)
{
    size_t n = t->nperiods, last = n; /* n: none labelled yet */
    double label_w = t->by == 'y' ? 34 : t->by == 'm' ? 58 : 74, gap = 16; /* at 12px */
    int flat = label_w <= pw;
    size_t step = flat ? 1 : nice_step(t->by, (size_t)((gap + pw - 0.01) / pw));
    for (size_t i = 0; i < n; i++)
        if (on_step(t->periods[i].period, t->by, step)) {
            svg_label(f, t, i, en, pw, flat);
            last = i;
        }
    if (last != n - 1 && (last == n || (double)(n - 1 - last) * pw >= gap))
        svg_label(f, t, n - 1, en, pw, flat);
}

/* The y step: 1, 2 or 5 times a power of ten, giving at most 5 steps. */
static long long y_tick(long long max)
{
    for (long long p = 1;; p *= 10)
        for (int k = 0; k < 3; k++) {
            long long tick = p * (k == 0 ? 1 : k == 1 ? 2 : 5);
            if (tick * 5 >= max)
                return tick;
        }
}

static void svg_bars(FILE *f, const izde_timeline *t, int en)
{
    size_t n = t->nperiods;
    long long tick = y_tick(cli_timeline_max(t));
    long long max = (cli_timeline_max(t) + tick - 1) / tick * tick; /* the top tick */
    double pw = (double)(W - L - R) / (double)n;
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", L, H - B, W - R, H - B);
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", L, T, L, H - B);
    for (long long v = 0; v <= max; v += tick) {
        double y = (H - B) - (double)(H - B - T) * (double)v / (double)max;
        fprintf(f, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", L, y, W - R, y);
        fprintf(f, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%lld</text>\n", L - 6, y + 4, v);
    }
    char lab[40];
    for (size_t i = 0; i < n; i++) {
        const izde_period *p = &t->periods[i];
        double h = (double)(H - B - T) * (double)p->count / (double)max;
        double x = L + pw * (double)i;
        izde_period_label(p->period, en, lab, sizeof lab);
        fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4a7ab5\">"
                   "<title>%s: %u</title></rect>\n",
                x + pw * 0.1, (H - B) - h, pw * 0.8, h, lab, p->count);
        if (p->count && pw >= 2.0 + 6.5 * (p->count >= 1000 ? 4 : p->count >= 100 ? 3 : p->count >= 10 ? 2 : 1))
            fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\">%u</text>\n",
                    x + pw / 2, (H - B) - h - 3, p->count);
    }
    svg_labels(f, t, en, pw);
}

/* The line under the chart: what it leaves out (the articles of the
 * undated stories, and the stories dated less precisely). */
static void svg_left_out(FILE *f, const izde_timeline *t, int en)
{
    unsigned a = t->undated_articles, u = t->undated, s = t->less_precise;
    const char *unit = t->by == 'm' ? (en ? "a month" : "месяц") : (en ? "a week" : "неделя");
    fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"13\">", L, H - 12);
    if (en && u)
        fprintf(f, "%u article%s %s, not shown (%u stor%s)", a, a == 1 ? "" : "s",
                t->mentioned ? "mentioning no date" : "without a date", u, u == 1 ? "y" : "ies");
    if (en && s)
        fprintf(f, "%s%u stor%s dated less precisely than %s, not shown", u ? "; " : "", s,
                s == 1 ? "y" : "ies", unit);
    if (!en && u)
        fprintf(f, "%u %s %s %s (%u %s)", a, ru_plural(a, RU_ARTICLES),
                t->mentioned ? "без упомянутых дат" : "без даты", ru_plural(a, RU_SHOWN), u,
                ru_plural(u, RU_STORIES));
    if (!en && s)
        fprintf(f, "%s%u %s с датой менее точной, чем %s, %s", u ? "; " : "", s,
                ru_plural(s, RU_STORIES), unit, ru_plural(s, RU_SHOWN_M));
    fputs("</text>\n", f);
}

/* Nothing dated: the message in place of the axes. */
static void svg_nothing(FILE *f, const izde_timeline *t, int en)
{
    unsigned s = t->stories;
    fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"15\">", W / 2, H / 2);
    if (!s)
        fputs(en ? "No match" : "Ничего не найдено", f);
    else if (s == 1 && en)
        fprintf(f, "The matching story %s", t->mentioned ? "mentions no date" : "has no publication date");
    else if (s == 1)
        fprintf(f, "У найденного сюжета нет %s", t->mentioned ? "упомянутых дат" : "даты публикации");
    else if (en)
        fprintf(f, "None of the %u matching stor%s %s", s, s == 1 ? "y" : "ies",
                t->mentioned ? "mentions a date" : "has a publication date");
    else
        fprintf(f, "Ни у одного из %u %s нет %s", s,
                s % 10 == 1 && s % 100 != 11 ? "найденного сюжета" : "найденных сюжетов",
                t->mentioned ? "упомянутых дат" : "даты публикации");
    fputs("</text>\n", f);
}

int cli_timeline_svg(const char *path, const izde_timeline *t, const char *query, int en)
{
    static const char *const per[2][3] = {{"годам", "месяцам", "неделям"}, {"year", "month", "week"}};
    static const char *const axis[2][3] = {{"год", "месяц", "неделя (ISO)"}, {"year", "month", "ISO week"}};
    int k = t->by == 'y' ? 0 : t->by == 'm' ? 1 : 2;
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
               "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n"
               "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n",
            W, H, W, H, W, H);
    fprintf(f, "<text x=\"%d\" y=\"25\" text-anchor=\"middle\" font-size=\"16\">", W / 2);
    xml_text(f, query);
    if (en)
        fprintf(f, " — stories per %s (%s)</text>\n", per[1][k], t->mentioned ? "mentioned" : "published");
    else
        fprintf(f, " — сюжеты по %s (%s)</text>\n", per[0][k],
                t->mentioned ? "упомянутые даты" : "дата публикации");
    if (t->nperiods == 0) {
        svg_nothing(f, t, en);
    } else {
        svg_bars(f, t, en);
        fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", (L + W - R) / 2,
                H - 34, axis[en][k]);
        fprintf(f, "<text transform=\"translate(18,%d) rotate(-90)\" text-anchor=\"middle\">%s</text>\n",
                (T + H - B) / 2, en ? "stories" : "сюжеты");
    }
    if (t->undated || t->less_precise)
        svg_left_out(f, t, en);
    fputs("</svg>\n", f);
    return fclose(f) == 0 ? 0 : -1;
}
