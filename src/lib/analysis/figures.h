/*
 * figures.h - numeric facts cited in a text (internal to libizde): each
 * number with its qualifier, multiplier, unit and the noun it counts.
 *
 *   «Более 300 мероприятий»        value 300, qualifier more, noun мероприятий
 *   «28 тысяч человек»             value 28000, noun человек
 *   «2,2 млн. подписчиков»         value 2200000, noun подписчиков
 *   «около 1,2 тонны»              value 1.2, about, unit т
 *   «30-35 адамдан»                value 30, high 35, noun адамдан
 *   «100дөн ашуун лидерлердин»     value 100, more, noun лидерлердин
 *   «одиннадцать терактов»         value 11, noun терактов
 * Years («с 2014 года», «2021-жылдын»), dates («5 декабря»), times
 * («16:49»), URLs, phone numbers and identifiers are not figures.
 *
 * Every figure has a kind: a count (what facts and check compare) or a
 * number that is not one, kept apart:
 *   «45 жаштагы», «в возрасте 45 лет», «45-летний»   age
 *   «16 лет», «7 месяцев», «3 жыл»                   duration
 *   «286 лет флоту», «30-летие», «30 жылдыгы»        anniversary
 *   «58-й армии», «3-класс»                          ordinal
 *   «две трети» (value 2/3), «үчтөн бири» (1/3)      fraction
 *   «со счетом 2:1»                                  score
 *   «Ту-154», «резолюция 1566», «TOP 09», «№ 5»      name
 */
#ifndef IZDE_FIGURES_H
#define IZDE_FIGURES_H

#include <stddef.h>

typedef enum izde_qual {
    IZDE_QUAL_EXACT = 0,
    IZDE_QUAL_ABOUT,  /* около, порядка, примерно, почти, жакын */
    IZDE_QUAL_MORE,   /* более, свыше, больше, более чем, ашуун, ашык, ашыгыраак */
    IZDE_QUAL_LESS    /* менее, до, меньше, кем */
} izde_qual;

typedef enum izde_fig_kind {
    IZDE_FIG_COUNT = 0,   /* a cited count or amount: the default */
    IZDE_FIG_AGE,
    IZDE_FIG_DURATION,
    IZDE_FIG_ANNIVERSARY,
    IZDE_FIG_ORDINAL,
    IZDE_FIG_FRACTION,
    IZDE_FIG_SCORE,
    IZDE_FIG_NAME,        /* a number in a name: «Ту-154», «резолюция 1566», «№ 5» */
    IZDE_FIG_RATIO,       /* how many times more or less: «в 2 раза», «в 13 раз» */
    IZDE_FIG_NKINDS
} izde_fig_kind;

typedef struct izde_figure {
    double value;         /* the number with its multiplier applied */
    double high;          /* high end of a range («30-35», «от 10 до 20»), else == value */
    int qualifier;        /* izde_qual */
    const char *unit;     /* normalised unit ("%", "т", "кг", "га", "доза", "сом", "тенге",
                             "рубль", "доллар", "евро"... counted.c), or NULL; static string */
    const char *noun;     /* the counted noun as written (NUL-terminated copy), or NULL */
    const char *noun_stem;/* its stem in the text's language, or NULL */
    const char *key;      /* what it counts, one for all forms in both languages: the
                             noun's key, else the unit (counted.h); NULL when neither */
    const char *label;    /* the noun's dictionary form as far as the word shows it,
                             else the unit, or NULL */
    size_t start, end;    /* bytes of the figure's words (qualifier .. noun) in the text */
    size_t sent_start, sent_end; /* bytes of the sentence it stands in */
    int spelled;          /* 1 when the number was written in words */
    size_t num_start, num_end; /* bytes of the number itself (range and multiplier
                                  included, qualifier, unit and noun not) */
    int kind;             /* izde_fig_kind */
} izde_figure;

typedef struct izde_figures izde_figures;  /* a list, owning its strings */

/*
 * Extract the figures of `len` bytes of UTF-8 `text` written in `lang`
 * ("ru", "ky"; anything else: both languages' words are tried).
 * `stemmer` stems the counted noun (may be NULL: noun_stem stays NULL).
 * `analyzer` breaks the text into tokens; NULL makes (and frees) one, so
 * a caller extracting from many texts should pass its own.
 * @retval IZDE_OK, IZDE_ENOMEM
 */
struct izde_stemmer;
struct izde_analyzer;
int izde__figures_extract(izde_figures **out, struct izde_analyzer *analyzer, const char *text,
                          size_t len, const char *lang, struct izde_stemmer *stemmer);
size_t izde__figures_count(const izde_figures *f);
const izde_figure *izde__figures_get(const izde_figures *f, size_t i);
void izde__figures_free(izde_figures *f);

/* "exact", "about", "more", "less" for an izde_qual. */
const char *izde__qualifier_name(int q);

/* "count", "age", "duration", "anniversary", "ordinal", "fraction",
 * "score", "name", "ratio" for an izde_fig_kind ("count" for anything else). */
const char *izde__figure_kind_name(int kind);
/* The izde_fig_kind named `name`; NULL (an index written before kinds)
 * and unknown names are counts. */
int izde__figure_kind_of(const char *name);

#endif /* IZDE_FIGURES_H */
