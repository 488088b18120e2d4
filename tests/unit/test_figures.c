/*
 * test_figures.c - the numeric-figure extractor (figures.c): every figure
 * of the five seed articles in corpus/, listed by hand and asserted
 * exactly (a missing or an extra figure fails), plus made-up cases for
 * years, dates, times, URLs, phones and identifiers (never figures),
 * ranges, qualifiers in both word orders, multipliers, units and
 * spelled-out numbers.
 *
 * Decisions pinned here: durations and Kyrgyz periods («7 месяцев»,
 * «за 11 месяцев», «2021-жылдын 9 айында» = in the first 9 months of 2021)
 * are not counts (NEREL annotates them DATE) but figures of kind
 * duration; ages, anniversaries, ordinals, fractions, scores and numbers
 * in names are figures of their own kinds; «одна из» and the Kyrgyz «бир
 * эле» are not figures; a number alone on its line (like counters under
 * an article) is chrome.  CHECK and NONE compare the counts alone, KINDS
 * and NOTHING every figure with its kind.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "figures.h"
#include "izde.h"

#define EX IZDE_QUAL_EXACT
#define AB IZDE_QUAL_ABOUT
#define MO IZDE_QUAL_MORE
#define LE IZDE_QUAL_LESS
#define AGE IZDE_FIG_AGE
#define DUR IZDE_FIG_DURATION
#define ANN IZDE_FIG_ANNIVERSARY
#define ORD IZDE_FIG_ORDINAL
#define FRA IZDE_FIG_FRACTION
#define SCO IZDE_FIG_SCORE
#define NAM IZDE_FIG_NAME
#define RAT IZDE_FIG_RATIO
#define ORD IZDE_FIG_ORDINAL

/* A want's kind may be left out (a count). */
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

typedef struct want {
    double value, high; /* high 0: same as value */
    int qual;
    const char *unit;   /* NULL: none */
    const char *noun;   /* as written, NULL: none */
    const char *stem;   /* expected stem, NULL: only checked against the stemmer */
    int kind;           /* izde_fig_kind (0: count) */
} want;

static izde_stemmer *st_ru, *st_ky;

static int setup(void **state)
{
    (void)state;
    assert_int_equal(izde_stemmer_new(&st_ru, "ru"), IZDE_OK);
    assert_int_equal(izde_stemmer_new(&st_ky, "ky"), IZDE_OK);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    izde_stemmer_free(st_ru);
    izde_stemmer_free(st_ky);
    return 0;
}

static const char *const QN[] = {"exact", "about", "more", "less"};

static void dump(const char *text, const izde_figures *fs)
{
    for (size_t i = 0; i < izde__figures_count(fs); i++) {
        const izde_figure *f = izde__figures_get(fs, i);
        print_message("  got %zu: %g-%g %s unit=%s noun=%s kind=%s [%.*s]\n", i, f->value,
                      f->high, QN[f->qualifier], f->unit ? f->unit : "-",
                      f->noun ? f->noun : "-", izde__figure_kind_name(f->kind),
                      (int)(f->end - f->start), text + f->start);
    }
}

static int same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* The i-th figure of fs, counting only counts unless `all`. */
static const izde_figure *nth(const izde_figures *fs, size_t i, int all)
{
    for (size_t k = 0; k < izde__figures_count(fs); k++) {
        const izde_figure *f = izde__figures_get(fs, k);
        if ((all || f->kind == IZDE_FIG_COUNT) && i-- == 0)
            return f;
    }
    return NULL;
}

/* Extract the figures of `text` and compare them, in order, with `w`:
 * the counts alone, or every figure with its kind when `all`. */
static void check(const char *lang, const char *text, const want *w, size_t nw, int all)
{
    izde_stemmer *st = strcmp(lang, "ky") == 0 ? st_ky : st_ru;
    izde_figures *fs = NULL;
    size_t len = strlen(text);
    assert_int_equal(izde__figures_extract(&fs, NULL, text, len, lang, st), IZDE_OK);
    size_t n = 0;
    while (nth(fs, n, all))
        n++;
    int bad = n != nw;
    for (size_t i = 0; i < n && i < nw && !bad; i++) {
        const izde_figure *f = nth(fs, i, all);
        double hi = w[i].high ? w[i].high : w[i].value;
        if (fabs(f->value - w[i].value) > 1e-9 || fabs(f->high - hi) > 1e-9 ||
            f->qualifier != w[i].qual || !same_str(f->unit, w[i].unit) ||
            !same_str(f->noun, w[i].noun) || f->kind != w[i].kind) {
            print_message("figure %zu differs: want %g-%g %s unit=%s noun=%s kind=%s\n", i,
                          w[i].value, hi, QN[w[i].qual], w[i].unit ? w[i].unit : "-",
                          w[i].noun ? w[i].noun : "-", izde__figure_kind_name(w[i].kind));
            bad = 1;
            break;
        }
        /* offsets: inside the text, the number inside the figure inside
         * its sentence */
        assert_true(f->sent_start <= f->start && f->start <= f->num_start);
        assert_true(f->num_start < f->num_end && f->num_end <= f->end && f->end <= f->sent_end);
        assert_true(f->sent_end <= len);
        if (f->noun) {
            /* in its sentence: the whole of «две машины из трех» counts
             * the part's noun, before it */
            assert_non_null(strstr(text + f->sent_start, f->noun));
            size_t sl;
            const char *s = izde_stemmer_stem(st, f->noun, strlen(f->noun), &sl);
            assert_non_null(f->noun_stem);
            assert_int_equal(strlen(f->noun_stem), sl);
            assert_memory_equal(f->noun_stem, s, sl);
            if (w[i].stem)
                assert_string_equal(f->noun_stem, w[i].stem);
        } else {
            assert_null(f->noun_stem);
        }
    }
    if (bad) {
        print_message("in: %.200s\nwant %zu figures, got %zu:\n", text, nw, n);
        dump(text, fs);
        izde__figures_free(fs);
        fail();
    }
    izde__figures_free(fs);
}

#define CHECK(lang, text, ...)                                              \
    do {                                                                    \
        static const want w_[] = {__VA_ARGS__};                             \
        check(lang, text, w_, sizeof w_ / sizeof w_[0], 0);                 \
    } while (0)
/* Every figure, counts and the other kinds, in order. */
#define KINDS(lang, text, ...)                                              \
    do {                                                                    \
        static const want w_[] = {__VA_ARGS__};                             \
        check(lang, text, w_, sizeof w_ / sizeof w_[0], 1);                 \
    } while (0)
#define NONE(lang, text) check(lang, text, NULL, 0, 0)
#define NOTHING(lang, text) check(lang, text, NULL, 0, 1)

static char *slurp(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/corpus/%s", IZDE_SOURCE_DIR, name);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *b = malloc(1 << 20);
    assert_non_null(b);
    size_t n = fread(b, 1, (1 << 20) - 1, f);
    b[n] = '\0';
    fclose(f);
    return b;
}

static void check_file(const char *lang, const char *name, const want *w, size_t nw)
{
    char *t = slurp(name);
    check(lang, t, w, nw, 0);
    free(t);
}

#define SEED(lang, name, ...)                                               \
    do {                                                                    \
        static const want w_[] = {__VA_ARGS__};                             \
        check_file(lang, name, w_, sizeof w_ / sizeof w_[0]);               \
    } while (0)

/* ---------------------------------------------------------------- seeds */

/* 000: not figures: «с 2017 года» (year), «По итогам 7 месяцев» (period),
 * the «0» reaction counters and the 16:49 clock list. */
static void test_seed_000(void **state)
{
    (void)state;
    SEED("ru", "000_d565b1d6aecbcaa9.txt",
         {300, 0, MO, NULL, "мероприятий", "мероприят"},  /* title */
         {300, 0, MO, NULL, "мероприятий", "мероприят"},
         {28000, 0, EX, NULL, "человек", "человек"},
         {42, 0, EX, NULL, "специалистов", "специалист"},
         {334, 0, EX, NULL, "мероприятия", "мероприят"},
         {28000, 0, EX, NULL, "человек", "человек"},
         {500, 0, AB, NULL, "встреч", NULL},
         {60000, 0, AB, NULL, "человек", NULL},
         {10, 0, EX, NULL, "викторин", NULL},
         {3000, 0, AB, NULL, "человек", NULL},
         {629000, 0, EX, NULL, "брошюр", "брошюр"},
         {1000, 0, MO, NULL, "человек", NULL},
         {84, 0, EX, NULL, "человека", "человек"},
         {200, 0, MO, NULL, "фото", NULL},
         {2200000, 0, EX, NULL, "подписчиков", "подписчик"},
         {144000, 0, MO, NULL, "пользователей", NULL},
         {9, 0, EX, NULL, "фактов", "факт"},
         {192, 0, EX, NULL, "объединения", NULL},
         {17, 0, EX, NULL, "конфессий", NULL},
         {118, 0, EX, NULL, "сооружений", NULL},
         {2, 0, EX, NULL, "телефона", "телефон"});
}

/* 001 (Kyrgyz): not figures: «2021-жылдын» (year), «9 айында» twice (the
 * first 9 months: a period), «бир эле» (not only). */
static void test_seed_001(void **state)
{
    (void)state;
    SEED("ky", "001_63a034247d8c2709.txt",
         {100, 0, MO, NULL, "лидерлердин", "лидер"},
         {3, 0, EX, NULL, "жолу", NULL},
         {30, 35, EX, NULL, "адамдан", "адам"},
         {4, 0, EX, NULL, "тайпалары", NULL},
         {76, 0, EX, NULL, "ролик", NULL},
         {261, 0, EX, NULL, "материал", "материал"},
         {63, 0, EX, NULL, "сайт", "сайт"},
         {20, 0, EX, NULL, "аккаунт", NULL},
         {38, 0, EX, NULL, "сайтка", "сайт"});
}

/* 002: not figures: the URL «1873903-ukreplenie...», «одного месяца» (a
 * duration).  «из них 113 уже оказана помощь»: 113 counts nothing named. */
static void test_seed_002(void **state)
{
    (void)state;
    SEED("ru", "002_3874bc77a9b6e931.txt",
         {5, 0, EX, NULL, "групп", NULL},
         {17, 0, EX, NULL, "мероприятий", NULL},
         {600, 0, AB, NULL, "человек", NULL},
         {113, 0, EX, NULL, NULL, NULL},
         {12, 0, EX, NULL, "проблем", NULL},
         {40, 0, EX, NULL, "гражданами", NULL},
         {3, 0, EX, NULL, "подростков", NULL},
         {5, 0, EX, NULL, "направлениями", NULL});
}

/* 003: not figures: «с 2014 года» twice, «в 2013 году». */
static void test_seed_003(void **state)
{
    (void)state;
    SEED("ru", "003_14c9b7630dbfab34.txt",
         {11, 0, EX, NULL, "терактов", "теракт"},
         {11, 0, EX, NULL, "актов", "акт"},
         {11, 0, EX, NULL, "актов", "акт"});
}

/* 004: not figures: «5 декабря» (date), «за 11 месяцев» (period), «одна из
 * важнейших задач».  «свыше 3 тысяч – уголовные»: no noun. */
static void test_seed_004(void **state)
{
    (void)state;
    SEED("ru", "004_9dd1905dde7dd767.txt",
         {68, 0, EX, NULL, "людей", NULL},
         {13, 0, EX, NULL, "школьников", NULL},
         {48, 0, EX, NULL, "студентов", NULL},
         {7000, 0, MO, NULL, "наркоправонарушений", NULL},
         {3000, 0, MO, NULL, NULL, NULL},
         {30, 0, MO, "т", "наркотиков", "наркотик"},
         {1.2, 0, AB, "т", "веществ", NULL},
         {3500000, 0, AB, "доза", NULL, NULL},
         {200000, 0, MO, NULL, "людей", NULL});
}

/* ------------------------------------------------------------ negatives */

static void test_not_figures(void **state)
{
    (void)state;
    NONE("ru", "Центр работает с 2014 года, а закон принят в 2017 году.");
    NONE("ru", "В 2017-2018 годах ничего не изменилось.");
    NONE("ky", "2021-жылдын 9 айында жыйынтыкталды.");
    NONE("ru", "Встреча прошла 5 декабря в Астане.");
    NONE("ru", "Обновлено в 16:49, затем в 3:00.");
    NONE("ru", "Подробнее: https://24.kg/a/123 и www.nur.kz/1873903");
    NONE("ru", "Телефон доверия: +996 555 123 456 или 66-22-33.");
    NONE("ru", "Приказ № 123 по ст. 226 УК, самолет Ту-154 и саммит G20.");
    NONE("ru", "Обвиняемому 16-летнему подростку грозит до 5 лет лишения свободы.");
    NONE("ru", "Он занял 3-е место, это одна из задач.");
    NONE("ru", "Это заняло 7 месяцев и три дня.");
    NONE("ru", "Нравится\n0\nСмешно\n12\n");
    NONE("ky", "Бул бир эле маселе эмес.");
    NONE("ru", "Дата: 24.06.2016.");
}

/* ------------------------------------------------------------ positives */

static void test_ranges_and_qualifiers(void **state)
{
    (void)state;
    CHECK("ru", "Пришли от 10 до 20 человек.", {10, 20, EX, NULL, "человек", NULL});
    CHECK("ru", "Ожидается 30-35 тысяч зрителей.", {30000, 35000, EX, NULL, "зрителей", NULL});
    CHECK("ru", "Штраф от 30 тыс. до 50 тыс. руб.", {30000, 50000, EX, "рубль", NULL, NULL});
    CHECK("ru", "Допускается до 50 человек.", {50, 0, LE, NULL, "человек", NULL});
    CHECK("ru", "Задержаны не менее 5 человек.", {5, 0, MO, NULL, "человек", NULL});
    CHECK("ru", "Погибли менее 10 человек.", {10, 0, LE, NULL, "человек", NULL});
    CHECK("ru", "Порядка 40 машин и почти 7 автобусов.", {40, 0, AB, NULL, "машин", NULL},
          {7, 0, AB, NULL, "автобусов", NULL});
    CHECK("ky", "Иш-чарага 100дөн ашуун лидер катышты.", {100, 0, MO, NULL, "лидер", NULL});
    CHECK("ky", "Иш-чарага 100 адамдан ашык катышты.", {100, 0, MO, NULL, "адамдан", NULL});
    CHECK("ky", "Шаарга 100гө жакын адам келди.", {100, 0, AB, NULL, "адам", NULL});
    CHECK("ky", "Топ 30-35 адамдан турат.", {30, 35, EX, NULL, "адамдан", NULL});
}

static void test_multipliers_and_units(void **state)
{
    (void)state;
    CHECK("ru", "У канала 2,2 млн подписчиков.", {2200000, 0, EX, NULL, "подписчиков", NULL});
    CHECK("ky", "Бюджет 18,8 миллиард сом болду.", {18.8e9, 0, EX, "сом", NULL, NULL});
    CHECK("ky", "Шаарда 100 миң адам жашайт.", {100000, 0, EX, NULL, "адам", NULL});
    CHECK("ru", "Рост составил 96% за год.", {96, 0, EX, "%", NULL, NULL});
    CHECK("ru", "Рост составил 96 процентов.", {96, 0, EX, "%", NULL, NULL});
    CHECK("ky", "Шайлоочулардын 96 пайызы катышты.", {96, 0, EX, "%", NULL, NULL});
    CHECK("ru", "Дом куплен за 8,1 млн долларов.", {8.1e6, 0, EX, "доллар", NULL, NULL});
    CHECK("ru", "Изъято 5 тонн наркотиков и 28 000 доз.", {5, 0, EX, "т", "наркотиков", NULL},
          {28000, 0, EX, "доза", NULL, NULL});
    CHECK("ru", "Ущерб составил 120 000 тенге.", {120000, 0, EX, "тенге", NULL, NULL});
    CHECK("ru", "Опрошены 3-х подростков.", {3, 0, EX, NULL, "подростков", NULL});
    CHECK("ru", "Не поверили 2000 человек.", {2000, 0, EX, NULL, "человек", NULL});
}

static void test_spelled(void **state)
{
    (void)state;
    CHECK("ru", "Предотвращено одиннадцать терактов.", {11, 0, EX, NULL, "терактов", "теракт"});
    CHECK("ru", "Ранены двое задержанных.", {2, 0, EX, NULL, "задержанных", NULL});
    CHECK("ru", "Прибыли двадцать пять тысяч человек.", {25000, 0, EX, NULL, "человек", NULL});
    CHECK("ru", "Заседание с пятью экспертами.", {5, 0, EX, NULL, "экспертами", NULL});
    CHECK("ru", "Изъяты сто патронов и тысяча гранат.", {100, 0, EX, NULL, "патронов", NULL},
          {1000, 0, EX, NULL, "гранат", NULL});
    CHECK("ky", "Ооруканага эки адам жеткирилди.", {2, 0, EX, NULL, "адам", "адам"});
    CHECK("ky", "Митингге жүз миң адам чыкты.", {100000, 0, EX, NULL, "адам", NULL});
    CHECK("ky", "Үч бала жана он мугалим келди.", {3, 0, EX, NULL, "бала", NULL},
          {10, 0, EX, NULL, "мугалим", NULL});
}

/* ---------------------------------------------------------------- kinds */

static void test_kinds(void **state)
{
    (void)state;
    KINDS("ky", "Кармалган 45 жаштагы эркек.", {45, 0, EX, NULL, "жаштагы", NULL, AGE});
    KINDS("ru", "Он умер в возрасте 45 лет.", {45, 0, EX, NULL, "лет", NULL, AGE});
    KINDS("ru", "Задержан 45-летний мужчина.", {45, 0, EX, NULL, NULL, NULL, AGE});
    KINDS("ru", "Ему исполнилось 90.", {90, 0, EX, NULL, NULL, NULL, AGE});
    KINDS("ru", "Он скрывался 16 лет.", {16, 0, EX, NULL, "лет", NULL, DUR});
    KINDS("ru", "Отмечают 30-летие города.", {30, 0, EX, NULL, NULL, NULL, ANN});
    KINDS("ru", "В честь 73-й годовщины Победы.", {73, 0, EX, NULL, NULL, NULL, ANN});
    KINDS("ky", "Шаардын 30 жылдыгы белгиленди.", {30, 0, EX, NULL, "жылдыгы", NULL, ANN});
    KINDS("ru", "Командующий 58-й армии.", {58, 0, EX, NULL, NULL, NULL, ORD});
    KINDS("ky", "3-класстын окуучусу.", {3, 0, EX, NULL, NULL, NULL, ORD});
    KINDS("ru", "Против проголосовали две трети депутатов.",
          {2.0 / 3, 0, EX, NULL, "депутатов", NULL, FRA});
    KINDS("ky", "Калктын үчтөн бири катышты.", {1.0 / 3, 0, EX, NULL, NULL, NULL, FRA});
    KINDS("ru", "Матч закончился со счетом 2:1.", {2, 0, EX, NULL, NULL, NULL, SCO});
    KINDS("ru", "Резолюция 1566 СБ ООН и самолет Ту-154.", {1566, 0, EX, NULL, NULL, NULL, NAM},
          {154, 0, EX, NULL, NULL, NULL, NAM});
    KINDS("ru", "В эфире телеканала «112 Украина».", {112, 0, EX, NULL, NULL, NULL, NAM});
    KINDS("ru", "Партия «Пять звёзд» победила.", {5, 0, EX, NULL, NULL, NULL, NAM});
    NOTHING("ru", "Решено:\n1) принять закон;\n2) отменить указ.");
    KINDS("ru", "2:0 на 67-й минуте.", {2, 0, EX, NULL, NULL, NULL, SCO},
          {67, 0, EX, NULL, NULL, NULL, ORD});
    NOTHING("ru", "Патрон калибра 7,62×54 мм.");
    KINDS("ky", "Эгемендүүлүктүн 27 жылдыгына арналган.",
          {27, 0, EX, NULL, "жылдыгына", NULL, ANN});
    NOTHING("ru", "2021-жылы и 5 декабря.");
    /* the counts around them stay counts */
    CHECK("ru", "Погибли 5 человек, им было 20 и 30 лет.", {5, 0, EX, NULL, "человек", NULL});
    CHECK("ru", "У канала 2,2 млн подписчиков.", {2200000, 0, EX, NULL, "подписчиков", NULL});
    CHECK("ru", "Стоимость проекта 500 млн рублей.", {5e8, 0, EX, "рубль", NULL, NULL});
}

/* «one» in set phrases; Kyrgyz «бир» */
static void test_one(void **state)
{
    (void)state;
    NONE("ru", "С одной стороны, это так; с другой стороны, нет.");
    NONE("ru", "В одном случае суд отказал, по одним данным.");
    NONE("ru", "Они в один голос сказали одно и то же, ни одного слова.");
    NONE("ru", "Это один из лидеров.");
    NONE("ky", "Бир нече адам, бир катар министрлер жана бир топ жарандар келди.");
    NONE("ky", "Ар бир адам бир жолу келди.");
    NONE("ky", "Анын бир тууганы жана бир туугандары.");
    NONE("ky", "Бир убакта, бир тараптан, бир добуштан.");
    NONE("ky", "Бири келди, бирге иштешет, бирок кетти.");
    NONE("ky", "Кээ бир саясий күчтөр, көчөнүн бир бөлүгү.");
    NONE("ru", "Одним словом, виноваты все. Одно дело – слова, другое – дела.");
    NONE("ky", "Бийлик коңшуларга жүз бурду.");
    CHECK("ru", "Возбуждено одно дело.", {1, 0, EX, NULL, "дело", NULL});
    CHECK("ru", "Один человек погиб.", {1, 0, EX, NULL, "человек", NULL});
    CHECK("ky", "Бир адам каза болду.", {1, 0, EX, NULL, "адам", NULL});
}

/* ------------------------------------------------------- context rules */
/* Rules drawn from hand-checked samples of the archive's figures. */
static void test_sampled_rules(void **state)
{
    (void)state;
    /* Kyrgyz: a half before a multiplier, a word before a verb is the noun,
     * the head of a compound, a measure in two units, «чакырым» is km */
    CHECK("ky", "Өлкөдө 2 жарым миң бала иштейт.", {2500, 0, EX, NULL, "бала", NULL});
    CHECK("ky", "Өкмөткө 3 миң 88 кайрылуу келип түшкөн.",
          {3088, 0, EX, NULL, "кайрылуу", NULL});
    CHECK("ky", "Быйыл 45 студент тигүүчүлүк кесибин аяктады.",
          {45, 0, EX, NULL, "студент", NULL});
    CHECK("ky", "Пандемиядан бери 6 миң 810 медицина кызматкери ооруду.",
          {6810, 0, EX, NULL, "кызматкери", NULL});
    CHECK("ky", "Быйыл 12 адам толугу менен айыкты.", {12, 0, EX, NULL, "адам", NULL});
    CHECK("ky", "Анын салмагы 2021 кг түзүп, сатылды.", {2021, 0, EX, "кг", NULL, NULL});
    CHECK("ky", "Наристе 3 килограмм 260 грамм төрөлдү.", {3.26, 0, EX, "кг", NULL, NULL});
    CHECK("ky", "Ташкенттен 100 чакырым алыстыкта.", {100, 0, EX, "км", NULL, NULL});
    CHECK("ky", "Бир суткада бир жарым миңдей киши вакцина алды.",
          {1500, 0, EX, NULL, "киши", NULL});
    CHECK("ky", "Шаарда 76 көп кабаттуу үй бар.", {76, 0, EX, NULL, "үй", NULL});
    /* Russian: a spelled number with no noun, a spelled «one» as «a»,
     * tens, a vote, a rate's unit, pages, names with minutes, English */
    NONE("ru", "Газета рассказала о двух «мамах из Чикаго».");
    NONE("ru", "Мне напомнили одну историю.");
    CHECK("ru", "Погиб только один человек.", {1, 0, EX, NULL, "человек", NULL});
    CHECK("ru", "Заговорили два десятка тренеров.", {20, 0, EX, NULL, "тренеров", NULL});
    KINDS("ru", "Цифры будут 51 к 49.", {51, 0, EX, NULL, NULL, NULL, SCO});
    NONE("ru", "Ветер достигает 40-50 м/с.");
    CHECK("ru", "Астероид массой 10 тыс. т вошел в атмосферу.",
          {10000, 0, EX, "т", NULL, NULL});
    NONE("ru", "Москва: Наука, 2010. – 216 с.");
    NONE("ru", "Голы: Медуньянин, 30, Вишча, 39, Думич, 82.");
    NONE("ru", "He scored 18 goals for Les Bleus in the last two seasons.");
    /* a unit glued to the tail, a decimal comma typed with a space, both
     * sides, an oblique object after a -лык word, бол-, hours in any case,
     * a past tense is no compound head */
    CHECK("ky", "Минимум 5 миң 358сомду түздү.", {5358, 0, EX, "сом", NULL, NULL});
    CHECK("ky", "Көлөмү 16, 7 миллиард кубометр болчу.", {16.7e9, 0, EX, "м\xc2\xb3", NULL, NULL});
    NONE("ky", "Учурда эки тараптын күч органдары жолугушту.");
    CHECK("ky", "Ал эми 698 киши коомдук иштерге тартылган.", {698, 0, EX, NULL, "киши", NULL});
    CHECK("ky", "Алардын саны 60 болушу керек.", {60, 0, EX, NULL, NULL, NULL});
    KINDS("ky", "Ага чейин 48 сааттын ичинде.", {48, 0, EX, NULL, "сааттын", NULL, DUR});
    CHECK("ky", "Кырсыктан 5 киши жабыркады.", {5, 0, EX, NULL, "киши", NULL});
    CHECK("ky", "Автобуста 8 кыргызстандык жаран болгон.", {8, 0, EX, NULL, "жаран", NULL});
    CHECK("ru", "Поступят шесть дизель-электрических подлодок.",
          {6, 0, EX, NULL, "подлодок", NULL});
    NONE("ru", "Один грассирующий джентльмен посоветовал ей.");
    CHECK("ru", "Укороченным на 2 метра вариантом.", {2, 0, EX, "м", NULL, NULL});
    CHECK("ru", "Собрали 300 тонн яблок.", {300, 0, EX, "т", "яблок", NULL});
    /* sizes and formats, a draw, a school grade, a compound given once,
     * three adjectives; a time of day, a currency after its country, an
     * address, экен */
    NONE("ru", "Триумф в эстафете 4 × 6 км и комната 3х4 м.");
    KINDS("ru", "Счёт 1-1 в матче.", {1, 1, EX, NULL, NULL, NULL, SCO});
    NONE("ru", "Это учат в классе 9–10.");
    CHECK("ru", "Около 40 теле- и радиостанций.", {40, 0, AB, NULL, "радиостанций", NULL});
    CHECK("ru", "Поставка 47 поддержанных самоходных артиллерийских установок.",
          {47, 0, EX, NULL, "установок", NULL});
    NONE("ky", "Иштөө тартиби 8.00 дөн 18.00гө чейин узартылды.");
    CHECK("ky", "Ал үчүн 578 миң АКШ долларын чогултуу зарыл.",
          {578000, 0, EX, "доллар", NULL, NULL});
    NONE("ky", "Тыналиева -20 дарегиндеги кырсык боюнча.");
    NONE("ky", "Ал тарыхы бир экендигин белгиледи.");
    /* a percent written once for two numbers, a temperature range, a year
     * before a past tense, a version after a name */
    CHECK("ru", "Выросли на 1,8 и 2,3% соответственно.", {1.8, 0, EX, "%", NULL, NULL},
          {2.3, 0, EX, "%", NULL, NULL});
    NONE("ru", "Работает при температурах от -50 до +50 °C.");
    NONE("ru", "Чемпион мира — 2002 выпустил свой первый сингл.");
    NONE("ru", "Индустрия 4.0 дает шанс.");
    CHECK("ru", "Он получил 2002 голоса.", {2002, 0, EX, NULL, "голоса", NULL});
    /* lists of numbers after №, a street or a name with its number; a
     * compound adjective in -сыз, a colour */
    KINDS("ky", "№ 68, 31, 9 мектеп.", {68, 0, EX, NULL, NULL, NULL, NAM},
          {31, 0, EX, NULL, NULL, NULL, NAM}, {9, 0, EX, NULL, NULL, NULL, NAM});
    KINDS("ky", "Совет көчөсү, 74, 76б , 78;", {74, 0, EX, NULL, NULL, NULL, NAM},
          {78, 0, EX, NULL, NULL, NULL, NAM});
    NONE("ky", "Шахристандар (Өзгөн-1, 2, 4) турат.");
    CHECK("ky", "Хорогдогу үч көз карандысыз булак айтты.", {3, 0, EX, NULL, "булак", NULL});
    CHECK("ky", "Эми 700 жашыл дарактын саны белгилүү.", {700, 0, EX, NULL, "дарактын", NULL});
    /* a cube after the unit's token, half a unit of time, an ablative is
     * no compound modifier; a list item's number, a hyphen typed with a
     * space */
    CHECK("ky", "Сыйымдуулугу 5,4 млрд м³ суу.", {5.4e9, 0, EX, "м\xc2\xb3", NULL, NULL});
    KINDS("ky", "Соту 11 жарым жылга эркинен ажыраткан.", {11.5, 0, EX, NULL, "жылга", NULL, DUR});
    CHECK("ky", "Температура 28 градустан жогору болгондо.", {28, 0, EX, NULL, "градустан", NULL});
    NONE("ru", "Список:\n3.Ну я же не заболею, правда?\n2) Приехать домой.");
    KINDS("ru", "Как и 11- летний Фома.", {11, 0, EX, NULL, NULL, NULL, AGE});
    /* no compound head in a participle's clause or an adjective in -гы */
    CHECK("ky", "Жаран 2 жолу соттолгондугу аныкталды.", {2, 0, EX, NULL, "жолу", NULL});
    CHECK("ky", "Быйыл 2 миң 333 студент жазгы сессияны тапшырды.",
          {2333, 0, EX, NULL, "студент", NULL});
}

static void test_context(void **state)
{
    (void)state;
    /* a spelled ordinal after spelled tens: one ordinal, not 80 */
    KINDS("ru", "Василий родился в восемьдесят шестом, первого января.",
          {86, 0, EX, NULL, NULL, NULL, ORD});
    CHECK("ru", "Пришли восемьдесят шесть человек.", {86, 0, EX, NULL, "человек", NULL});
    /* the whole of «N из M» counts the part's noun unless it names its own */
    CHECK("ru", "Две машины из трех разбиты.", {2, 0, EX, NULL, "машины", NULL},
          {3, 0, EX, NULL, "машины", NULL});
    CHECK("ru", "Пришли 115 делегатов из 207 возможных.", {115, 0, EX, NULL, "делегатов", NULL},
          {207, 0, EX, NULL, "делегатов", NULL});
    CHECK("ru", "Приехали 70 гимнастов из 24 городов.", {70, 0, EX, NULL, "гимнастов", NULL},
          {24, 0, EX, NULL, "городов", NULL});
    /* square and cubic units */
    CHECK("ru", "Поставят 245 млрд. куб. м газа.", {245e9, 0, EX, "м\xc2\xb3", "газа", NULL});
    CHECK("ru", "Сгорело 50 кв. км леса и 10 квадратных метров крыши.",
          {50, 0, EX, "км\xc2\xb2", "леса", NULL}, {10, 0, EX, "м\xc2\xb2", "крыши", NULL});
    CHECK("ru", "Проложили 5 км дорог.", {5, 0, EX, "км", "дорог", NULL});
    /* set scores in a list; a lone small range stays a count */
    KINDS("ru", "Он проиграл 3-6, 6-3, 6-3.", {3, 6, EX, NULL, NULL, NULL, SCO},
          {6, 3, EX, NULL, NULL, NULL, SCO}, {6, 3, EX, NULL, NULL, NULL, SCO});
    CHECK("ru", "Задержаны 3-4 человека.", {3, 4, EX, NULL, "человека", NULL});
    /* currency signs before the number */
    CHECK("ru", "Можно получать £58 и ¥300 в неделю, или ₸500.", {58, 0, EX, "фунт", NULL, NULL},
          {300, 0, EX, "юань", NULL, NULL}, {500, 0, EX, "тенге", NULL, NULL});
    /* «в N раз»: a ratio; «N раз»: a count of occasions */
    KINDS("ru", "Цены выросли в 2 раза.", {2, 0, EX, NULL, "раза", NULL, RAT});
    CHECK("ru", "Они девять раз встречались в финалах.", {9, 0, EX, NULL, "раз", NULL});
    /* temperatures are not counts */
    NONE("ky", "Талас облусунда -2…-4° үшүк жүрүшү күтүлөт, күндүз 25° жылуу.");
    /* house numbers after a street */
    NONE("ky", "Гагарин көчөсү, 46, 48, 50;");
    NONE("ru", "Адрес: улица Ленина, 5.");
    CHECK("ru", "На улице Ленина 5 человек.", {5, 0, EX, NULL, "человек", NULL});
    /* «бир» before a possessive noun: one of my, an indefinite */
    NONE("ky", "Бир ролум мындай деп айта албайм, бир досубуз келди.");
    /* «бир» before a noun is the indefinite «a» unless something happened
     * to the one: died, hurt, detained */
    NONE("ky", "Бир мугалим келди. Бир форум өттү. Жасай алган бир иш бар.");
    CHECK("ky", "Бир мугалим каза болду.", {1, 0, EX, NULL, "мугалим", NULL});
    CHECK("ky", "Кырсыкта бир адам мерт кетти.", {1, 0, EX, NULL, "адам", NULL});
    /* the part of «N из M» counts the whole's noun when it has none */
    CHECK("ru", "12 из 14 российских мячей забили нападающие.", {12, 0, EX, NULL, "мячей", NULL},
          {14, 0, EX, NULL, "мячей", NULL});
    CHECK("ru", "Он забил четыре из шести шайб.", {4, 0, EX, NULL, "шайб", NULL},
          {6, 0, EX, NULL, "шайб", NULL});
    /* a noun after a list of adjectives; adverbs of frequency are none */
    CHECK("ru", "Задействованы более 1200 городских, пригородных и междугородних маршрутов.",
          {1200, 0, MO, NULL, "маршрутов", NULL});
    CHECK("ru", "Пришли 5 новых сотрудников.", {5, 0, EX, NULL, "сотрудников", NULL});
    CHECK("ru", "Минус 100 тыс. ежегодно.", {100000, 0, EX, NULL, NULL, NULL});
    /* stat sums are scores; ellipsis ranges are temperatures */
    KINDS("ru", "Он набрал 22 (9+13) очков.", {9, 0, EX, NULL, NULL, NULL, SCO});
    NOTHING("ky", "Түнкүсүн 1...6, күндүз 16…21.");
    /* Kyrgyz: «каза болду» is a verb, «бир жылдай» a duration, «бир
     * нечесин» several, «даана» a classifier */
    CHECK("ky", "Анын 63 каза болду.", {63, 0, EX, NULL, NULL, NULL});
    KINDS("ky", "Бир жылдай иштедим.", {1, 0, EX, NULL, "жылдай", NULL, IZDE_FIG_DURATION});
    NONE("ky", "Алар бир нечесин алды.");
    CHECK("ky", "4 даана экскаватор келди.", {4, 0, EX, NULL, "экскаватор", NULL});
    /* Kyrgyz: a noun before a -лык predicate with «деп», square metres,
     * a numeral inside a -луу adjective */
    CHECK("ky", "Кыргызстанда 20 уюм террордук деп табылган.", {20, 0, EX, NULL, "уюм", NULL});
    CHECK("ky", "3 эл аралык уюм келди.", {3, 0, EX, NULL, "уюм", NULL});
    CHECK("ky", "Жайдын 20 чарчы метр бөлмөсү күйгөн.",
          {20, 0, EX, "м\xc2\xb2", "бөлмөсү", NULL});
    NONE("ky", "Эки тараптуу мамилени оңдоону убадалады.");
    CHECK("ky", "Эки адам келди.", {2, 0, EX, NULL, "адам", NULL});
    /* Russian: an adverb before a verb is no noun; the first part of a
     * compound adjective is skipped; «лет 10 назад» is a duration */
    CHECK("ru", "Порядка 40 миллионов регулярно слушали радио.", {4e7, 0, AB, NULL, NULL, NULL});
    CHECK("ru", "Нанесли 21 ракетно-бомбовый удар.", {21, 0, EX, NULL, "удар", NULL});
    KINDS("ru", "Лет 10-15 назад всё решал Вашингтон.",
          {10, 15, EX, NULL, NULL, NULL, IZDE_FIG_DURATION});
    CHECK("ru", "Максимум человек 100 будут обслуживать базу.", {100, 0, EX, NULL, NULL, NULL});
    CHECK("ru", "За 5 лет 100 человек уехали.", {100, 0, EX, NULL, "человек", NULL});
}

/* Composite numbers read whole */
static void test_composite(void **state)
{
    (void)state;
    CHECK("ky", "Пандемия башталгандан бери 179 миң 913 адам жуктурган.",
          {179913, 0, EX, NULL, "адам", NULL});
    CHECK("ky", "Бюджетке 2 миллион 300 миң сом бөлүндү.", {2300000, 0, EX, "сом", NULL, NULL});
    CHECK("ky", "Кайрылуулардын 2 миң 454ү кат түрүндө келген.", {2454, 0, EX, NULL, NULL, NULL});
    CHECK("ky", "Бир жарым миллион сом бөлүндү.", {1.5e6, 0, EX, "сом", NULL, NULL});
    CHECK("ky", "Эки жүз элүү адам келди.", {250, 0, EX, NULL, "адам", NULL});
    CHECK("ky", "Он беш адам келди.", {15, 0, EX, NULL, "адам", NULL});
    CHECK("ky", "Жыйырма беш миң киши чыкты.", {25000, 0, EX, NULL, "киши", NULL});
    CHECK("ru", "Пришли сто двадцать пять человек.", {125, 0, EX, NULL, "человек", NULL});
    CHECK("ru", "Ущерб 1 млн 200 тыс. рублей и 5 процентов.", {1.2e6, 0, EX, "рубль", NULL, NULL},
          {5, 0, EX, "%", NULL, NULL});
    NONE("ky", "Садыр Жапаров 27-28-августта барат, саат 17.00дө.");
}

/* Which word a figure counts */
static void test_nouns(void **state)
{
    (void)state;
    CHECK("ru", "Он вытащил три откровенно мёртвых мяча.", {3, 0, EX, NULL, "мяча", NULL});
    CHECK("ky", "Анда 12 партиянын өкүлдөрү келди.", {12, 0, EX, NULL, "партиянын", NULL});
    CHECK("ky", "Жол кырсыгы: 3 кыргызстандык каза болду.",
          {3, 0, EX, NULL, "кыргызстандык", NULL});
    CHECK("ky", "52 өлкөнүн жана 46 эл аралык уюмдун өкүлдөрү.",
          {52, 0, EX, NULL, "өлкөнүн", NULL}, {46, 0, EX, NULL, "уюмдун", NULL});
    CHECK("ky", "58 миңге чукул адам кетти.", {58000, 0, AB, NULL, "адам", NULL});
    CHECK("ky", "Кайрылуулар 9 миң 910го жетти.", {9910, 0, EX, NULL, NULL, NULL});
    CHECK("ru", "Трое полицейских окружили его.", {3, 0, EX, NULL, "полицейских", NULL});
    CHECK("ru", "Дальность составляла 5800 м.", {5800, 0, EX, "м", NULL, NULL});
    NONE("ru", "Рисунок в пещере, около 62 тыс. до н.э.");
    CHECK("ky", "Камактагы 182 саясий туткунга ырайым берилет.",
          {182, 0, EX, NULL, "туткунга", NULL});
    CHECK("ky", "Анда 1729 үй-бүлөлүк дарыгерлер иштейт.", {1729, 0, EX, NULL, "дарыгерлер", NULL});
    NONE("ky", "Таңкы сегизден кечки сегизге чейин иштешет.");
    NONE("ky", "Биз ишти экиге бөлдүк. Телефон: 0 (312) 533 648.");
    NONE("ky", "Ал бир топко созулду. Капиталдык (өнүктүрүүгө)4 (млн USD). Сыдыков Б. У.; 21.");
    CHECK("ky", "Эки вагон оодарылып, 8 бейтапка амбулатордук жардам көрсөтүлдү.",
          {2, 0, EX, NULL, "вагон", NULL}, {8, 0, EX, NULL, "бейтапка", NULL});
    CHECK("ky", "240 миӊден ашуун иш орду түзүлөт.", {240000, 0, MO, NULL, "иш", NULL});
    CHECK("ky", "Көмүрү 6 сом 50 тыйындан сатылат.", {6, 0, EX, "сом", NULL, NULL});
    CHECK("ky", "Быйыл 62 миң 11-класстын окуучусу аяктайт.", {62000, 0, EX, NULL, NULL, NULL});
    CHECK("ky", "Үйгө 200 миллион долларды кайтарды.", {2e8, 0, EX, "доллар", NULL, NULL});
    CHECK("ky", "Суук −40 градуска чейин барат.", {-40, 0, LE, NULL, "градуска", NULL});
    NONE("ky", "5-6-класстын окуучулары, саат 9дан кечки 6га чейин.");
    KINDS("ky", "Быйыл баласы 9га чыкты, 2 жашымда ууландым.", {9, 0, EX, NULL, NULL, NULL, AGE},
          {2, 0, EX, NULL, "жашымда", NULL, AGE});
    NONE("ru", "Он одним пасом заставлял понервничать.");
    CHECK("ru", "Заключат соглашение на две сотни вертолётов.", {200, 0, EX, NULL, "вертолётов", NULL});
    KINDS("ru", "Команда входит в топ-пять клубов.", {5, 0, EX, NULL, NULL, NULL, NAM});
    CHECK("ky", "Алты айда 2,6 миллион чет элдик жаран келди.", {2.6e6, 0, EX, NULL, "жаран", NULL});
    CHECK("ky", "Меккедеги эки эң чоң мечит жабык.", {2, 0, EX, NULL, "мечит", NULL});
    CHECK("ru", "Работают четыре омбудсмена — по правам человека.",
          {4, 0, EX, NULL, "омбудсмена", NULL});
    CHECK("ru", "Он работал с двумя наиболее титулованными командами.",
          {2, 0, EX, NULL, "командами", NULL});
    KINDS("ky", "3–16 курактагы балдарына.", {3, 16, EX, NULL, "курактагы", NULL, AGE});
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_000),
        cmocka_unit_test(test_seed_001),
        cmocka_unit_test(test_seed_002),
        cmocka_unit_test(test_seed_003),
        cmocka_unit_test(test_seed_004),
        cmocka_unit_test(test_not_figures),
        cmocka_unit_test(test_ranges_and_qualifiers),
        cmocka_unit_test(test_multipliers_and_units),
        cmocka_unit_test(test_spelled),
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_one),
        cmocka_unit_test(test_composite),
        cmocka_unit_test(test_nouns),
        cmocka_unit_test(test_context),
        cmocka_unit_test(test_sampled_rules),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
