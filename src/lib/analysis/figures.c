/*
 * figures.c - numeric facts cited in Russian and Kyrgyz news (figures.h):
 * «более 300 мероприятий», «28 тысяч человек», «100дөн ашуун лидер»,
 * «одиннадцать терактов».
 *
 * The text is broken into tokens by izde_analyze() (so "28 000" and "2,2"
 * already arrive as one NUMBER token each); each number token or run of
 * numeral words is then read left to right:
 *
 *   [qualifier] NUMBER [- NUMBER] [multiplier] [unit] [adjectives] [noun] [qualifier]
 *
 * and rejected when it is not a number cited at all:
 *  - years: 4-digit 1000..2100 with nothing countable after it, or any
 *    number followed by a year word («2014 года», «2021-жылдын»);
 *  - dates («5 декабря», «27-28-августта»), times («16:49», «в 10 часов»,
 *    «саат 17.00дө»), dotted dates («24.06.2016»), years BC;
 *  - URLs, e-mails, domains («24.kg»), phone numbers («+996 555 ...»,
 *    «66-22-33», «0 (312) 533 648»), codes, calibres («7,62×54»);
 *  - a number alone on its line (page chrome: like counters, clocks), a
 *    list item («1. Принять», «1)», «(2)» after a colon), a number next
 *    to another number («21 10 2016»), a footnote mark;
 *  - «one» that is not a count: «один из», «ещё один», «с одной стороны»,
 *    «одним словом», and the Kyrgyz «бир» in set phrases (бир нече, бир
 *    катар, ар бир, бир тууган, бир убакта); «бири», «бирге» are not
 *    numbers; a Kyrgyz numeral word with nothing it counts («жүз бурду»).
 * What is a number but not a count gets its own kind (figures.h), stored
 * and shown but never compared as a count: ages («45 жаштагы», «в
 * возрасте 45 лет», «45-летний»), durations («16 лет»), anniversaries
 * («30-летие», «30 жылдыгы»), ordinals («58-й», «3-класс»), fractions
 * («две трети» 2/3), scores («со счетом 2:1») and numbers in names
 * («Ту-154», «резолюция 1566», «TOP 09», «№ 5», «112 Украина» in quotes).
 * Composite numbers are read whole: «179 миң 913» 179913, «1 млн 200
 * тыс.», «эки жүз элүү» 250, «бир жарым» 1.5.
 *
 * Sentences are split here: at line ends, and at . ! ? … followed by
 * white space and an upper-case letter, digit, dash or opening quote.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "izde.h"
#include "analyzer.h"
#include "buf.h"
#include "counted.h"
#include "figures.h"

/* ------------------------------------------------------------------ list */

struct izde_figures {
    izde_figure *v;
    size_t n, cap;
};

size_t izde__figures_count(const izde_figures *f) { return f ? f->n : 0; }

const izde_figure *izde__figures_get(const izde_figures *f, size_t i)
{
    return f && i < f->n ? &f->v[i] : NULL;
}

static void figure_clear(izde_figure *f);

void izde__figures_free(izde_figures *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n; i++)
        figure_clear(&f->v[i]);
    free(f->v);
    free(f);
}

/* ---------------------------------------------------------------- tokens */

typedef struct ftok {
    size_t term;       /* offset of the term in the term buffer */
    size_t start, end; /* bytes in the text */
    int kind;
} ftok;

typedef struct fctx {
    const char *text;
    size_t len;
    int ru, ky;        /* which languages' words to try */
    ftok *t;
    size_t n, cap;
    izde_buf terms;    /* NUL-separated terms */
    size_t *sent;      /* sentence start offsets, ascending */
    size_t nsent;
    izde_counted *counted; /* units, nouns' keys and labels (counted.c) */
} fctx;

static int on_tok(void *vp, const izde_token *tok)
{
    fctx *c = vp;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 256;
        ftok *t = realloc(c->t, cap * sizeof *t);
        if (!t)
            return IZDE_ENOMEM;
        c->t = t, c->cap = cap;
    }
    ftok *t = &c->t[c->n++];
    t->term = c->terms.len;
    t->start = tok->start, t->end = tok->end, t->kind = tok->kind;
    if (izde__buf_append(&c->terms, tok->term, tok->term_len) || izde__buf_putc(&c->terms, '\0'))
        return IZDE_ENOMEM;
    return 0;
}

#define TERM(c, i) ((c)->terms.data + (c)->t[i].term)

/* ------------------------------------------------------------ word lists */

static int in_list(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(w, *list) == 0)
            return 1;
    return 0;
}

static int has_prefix(const char *w, const char *p) { return strncmp(w, p, strlen(p)) == 0; }

static int has_suffix(const char *w, const char *s)
{
    size_t n = strlen(w), k = strlen(s);
    return n >= k && strcmp(w + n - k, s) == 0;
}

/* Does w end with one of the NULL-terminated `list`? */
static int has_any_suffix(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (has_suffix(w, *list))
            return 1;
    return 0;
}

/* Length of a word in characters (UTF-8). */
static size_t nchars(const char *w)
{
    size_t n = 0;
    for (; *w; w++)
        n += ((unsigned char)*w & 0xC0) != 0x80;
    return n;
}

typedef struct numword {
    const char *w;
    double v;
} numword;

/* Russian numerals in their case forms (ё already folded to е). */
static const numword RU_NUM[] = {
    {"один", 1}, {"одна", 1}, {"одно", 1}, {"одного", 1}, {"одной", 1}, {"одному", 1},
    {"одним", 1}, {"одном", 1}, {"одну", 1}, {"полтора", 1.5}, {"полторы", 1.5},
    {"полутора", 1.5},
    {"два", 2}, {"две", 2}, {"двух", 2}, {"двум", 2}, {"двумя", 2},
    {"три", 3}, {"трех", 3}, {"трем", 3}, {"тремя", 3},
    {"четыре", 4}, {"четырех", 4}, {"четырем", 4}, {"четырьмя", 4},
    {"пять", 5}, {"пяти", 5}, {"пятью", 5}, {"шесть", 6}, {"шести", 6}, {"шестью", 6},
    {"семь", 7}, {"семи", 7}, {"восемь", 8}, {"восьми", 8}, {"восемью", 8},
    {"восьмью", 8}, {"девять", 9}, {"девяти", 9}, {"девятью", 9},
    {"десять", 10}, {"десяти", 10}, {"десятью", 10},
    {"одиннадцать", 11}, {"одиннадцати", 11}, {"двенадцать", 12}, {"двенадцати", 12},
    {"тринадцать", 13}, {"тринадцати", 13}, {"четырнадцать", 14}, {"четырнадцати", 14},
    {"пятнадцать", 15}, {"пятнадцати", 15}, {"шестнадцать", 16}, {"шестнадцати", 16},
    {"семнадцать", 17}, {"семнадцати", 17}, {"восемнадцать", 18}, {"восемнадцати", 18},
    {"девятнадцать", 19}, {"девятнадцати", 19},
    {"двадцать", 20}, {"двадцати", 20}, {"двадцатью", 20}, {"тридцать", 30}, {"тридцати", 30},
    {"тридцатью", 30}, {"сорок", 40}, {"сорока", 40}, {"пятьдесят", 50}, {"пятидесяти", 50},
    {"шестьдесят", 60}, {"шестидесяти", 60}, {"семьдесят", 70}, {"семидесяти", 70},
    {"восемьдесят", 80}, {"восьмидесяти", 80}, {"девяносто", 90}, {"девяноста", 90},
    {"сто", 100}, {"ста", 100}, {"двести", 200}, {"двухсот", 200}, {"двумстам", 200},
    {"триста", 300}, {"трехсот", 300}, {"четыреста", 400}, {"четырехсот", 400},
    {"пятьсот", 500}, {"пятисот", 500}, {"шестьсот", 600}, {"шестисот", 600},
    {"семьсот", 700}, {"семисот", 700}, {"восемьсот", 800}, {"восьмисот", 800},
    {"девятьсот", 900}, {"девятисот", 900},
    {"двое", 2}, {"двоих", 2}, {"двоим", 2}, {"трое", 3}, {"троих", 3}, {"троим", 3},
    {"четверо", 4}, {"четверых", 4}, {"пятеро", 5}, {"пятерых", 5}, {"шестеро", 6},
    {"шестерых", 6}, {"семеро", 7}, {"семерых", 7}, {"восьмеро", 8}, {"девятеро", 9},
    {"десятеро", 10},
    {"тысяча", 1000}, {"тысячу", 1000}, {"миллион", 1e6}, {"миллиард", 1e9},
    {NULL, 0}};

/* Kyrgyz numerals (bare; case suffixes are tried by ky_numeral()). */
static const numword KY_NUM[] = {
    {"бир", 1}, {"эки", 2}, {"үч", 3}, {"төрт", 4}, {"беш", 5}, {"алты", 6}, {"жети", 7},
    {"сегиз", 8}, {"тогуз", 9}, {"он", 10}, {"жыйырма", 20}, {"отуз", 30}, {"кырк", 40},
    {"элүү", 50}, {"алтымыш", 60}, {"жетимиш", 70}, {"сексен", 80}, {"токсон", 90},
    {"жүз", 100}, {"миң", 1000}, {"миллион", 1e6}, {"миллиард", 1e9}, {NULL, 0}};

/* Kyrgyz case suffixes a number may carry, written glued («100дөн»,
 * «экиден», «онго»). */
static const char *const KY_CASE[] = {
    "дан", "ден", "дон", "дөн", "тан", "тен", "тон", "төн", "нан", "нен", "нон", "нөн",
    "га", "ге", "го", "гө", "ка", "ке", "ко", "кө", "а", "е",
    "да", "де", "до", "дө", "та", "те", "то", "тө",
    "дын", "дин", "дун", "дүн", "тын", "тин", "тун", "түн", "нын", "нин", "нун", "нүн",
    "ды", "ди", "ду", "дү", "ты", "ти", "ту", "тү",
    "сы", "си", "су", "сү", "ы", "и", "у", "ү",
    "ден ашык", NULL};

static const double *lookup_num(const numword *tab, const char *w)
{
    for (; tab->w; tab++) /* the first two bytes first: this runs for every word */
        if (tab->w[0] == w[0] && (!w[0] || tab->w[1] == w[1]) && strcmp(tab->w, w) == 0)
            return &tab->v;
    return NULL;
}

/* A Kyrgyz numeral, bare or with a case suffix.  «бир» with a suffix
 * is a pronoun or an adverb («бири» one of them, «бирге» together,
 * «бирден» suddenly), never a number. */
static const double *ky_numeral(const char *w)
{
    const double *v = lookup_num(KY_NUM, w);
    if (v)
        return v;
    for (const numword *n = KY_NUM; n->w; n++)
        if (has_prefix(w, n->w) && nchars(n->w) >= 2 && in_list(w + strlen(n->w), KY_CASE) &&
            strcmp(n->w, "бир") != 0)
            return &n->v;
    return NULL;
}

/* Multiplier words: 0 when `w` is not one. */
static double multiplier(const char *w)
{
    if (strcmp(w, "тыс") == 0 || has_prefix(w, "тысяч") || has_prefix(w, "миң") ||
        has_prefix(w, "миӊ"))
        return 1e3; /* ӊ: a spelling of ң */
    if (strcmp(w, "млн") == 0 || has_prefix(w, "миллион"))
        return 1e6;
    if (has_prefix(w, "сотн") || strcmp(w, "сотен") == 0)
        return 100; /* «две сотни» */
    if (in_list(w, (const char *const[]){"десяток", "десятка", "десятков", "десятки", NULL}))
        return 10; /* «два десятка стран» 20 */
    if (has_prefix(w, "дюжин"))
        return 12;
    if (strcmp(w, "млрд") == 0 || has_prefix(w, "миллиард"))
        return 1e9;
    if (strcmp(w, "трлн") == 0 || has_prefix(w, "триллион"))
        return 1e12;
    return 0;
}

/* Words after which a period is an abbreviation point, not a sentence end. */
static const char *const ABBREV[] = {"тыс", "млн", "млрд", "трлн", "руб", "долл", "кг", "км",
                                     "т", "г", "ст", "п", "ч", "им", "гг", "д", "ул", "стр",
                                     "св", "проц", "мин", "сек", "н", "э", "в", "вв", "тт",
                                     "др", "пр", NULL};

/* Time words: a number before one is a year, date, age or duration. */
static const char *const TIME_WORDS[] = {
    "год", "года", "году", "годом", "годе", "годы", "годов", "годам", "годами", "годах", "лет",
    "г", "гг", "летний", "месяц", "месяца", "месяцу", "месяцем", "месяце", "месяцы", "месяцев",
    "месяцам", "месяцами", "мес", "неделя", "недели", "неделю", "неделе", "недель", "неделям",
    "неделями", "день", "дня", "дню", "днем", "дне", "дни", "дней", "дням", "днями", "сутки",
    "суток", "суткам", "час", "часа", "часу", "часом", "часов", "часам", "часами", "минута",
    "минуты", "минуту", "минут", "минутам", "мин", "секунда", "секунды", "секунду", "секунд",
    "сек", "век", "века", "веке", "веков", "столетия", "столетий",
    "жыл", "жылы", "жылдын", "жылда", "жылга", "жылдан", "жылдык", "жылдагы", "жылдары",
    "жылдардын", "жылдарда", "жылдан", "жылдыкка", "жылдыгы",
    "ай", "айы", "айда", "айдын", "айга", "айдан", "айында", "айынын", "айына", "айынан", "айлык",
    "айдагы", "айлар", "айларда", "айдын", "күн", "күнү", "күндө", "күндүн", "күнгө", "күндөн",
    "күндүк", "саат", "саатта", "сааттан", "саатка", "мүнөт", "мүнөттө", "апта", "аптада",
    "аптанын", "кылым", "кылымда", "сутка", "суткада", "сутканын", "суткага", "суткасында",
    "жума", "жуманын", "жумада", "жумага", "жумадан", "жумалык", "жумасында", "жылын", "жылына",
    "жылынан", "айын", "айына", "күнүн",
    /* «бир жылдай» about a year, «эки айча» some two months */
    "жылдай", "жылча", "айдай", "айча", "күндөй", "күнчө", "жумадай", "жумача", "сааттай",
    "саатча", "мүнөттөй", "мүнөтчө", NULL};

/* A time word, or an adjective made of one («16-летний», «4 месячного»). */
static int is_time_word(const char *w)
{
    static const char *const P[] = {"летн", "месячн", "недельн", "дневн", "часов", "минутн",
                                    "секундн", "годичн", "десятилет", "столет", NULL};
    static const char *const MORE[] = {"месяцах", "неделях", "днях", "часах", "минутах",
                                       "минутами", "секундах", "секундами", "утра", "вечера",
                                       "ночи", "годовщины", "годовщину", "годовщина", NULL};
    /* Kyrgyz hours, minutes, days and weeks in any case («48 сааттын ичинде») */
    static const char *const KY_P[] = {"саат", "мүнөт", "сутка", "апта", NULL};
    if (in_list(w, TIME_WORDS) || in_list(w, MORE) || has_prefix(w, "жылдыг"))
        return 1;
    for (const char *const *p = KY_P; *p; p++)
        if (has_prefix(w, *p) && strcmp(w, "саатчы") != 0)
            return 1;
    for (const char *const *p = P; *p; p++)
        if (has_prefix(w, *p))
            return 1;
    return 0;
}

static int is_month(const char *w)
{
    static const char *const M[] = {"январ", "феврал", "март", "апрел", "июн", "июл", "август",
                                    "сентябр", "октябр", "ноябр", "декабр", NULL};
    static const char *const MAY[] = {"мая", "май", "мае", "маем", "майда", "майдын", "майга",
                                      "майдан", "майы", NULL};
    for (const char *const *m = M; *m; m++)
        if (has_prefix(w, *m))
            return 1;
    return in_list(w, MAY);
}

/* Words before a number that make it an identifier. */
static const char *const ID_BEFORE[] = {
    "ст", "статья", "статьи", "статье", "статью", "статьей", "статьям", "п", "пп", "пункт",
    "пункта", "пункте", "пунктом", "ч", "часть", "части", "частью", "номер", "номера",
    "номером", "номере", "no", "n", "код", "кода", "рейс", "рейса", "рейсом", "дом", "д", "кв",
    "квартира", "корпус", "том", "тома", "глава", "главы", "раздел", "раздела", "приказ",
    "класс", "класса", "классе", "классы", /* a school grade: «в классе 9–10» */
    "приказа", "стр", "версии", "версия", "берене", "беренеси", "маршрут", "маршрута", "тел",
    "телефон", "телефону", "ул", "school", "школа", "школы", "школе", "лицей", "гимназия",
    "ИК", "ик", "колония", "колонии", "отряд", "район", "микрорайон", "мкр", "квартал",
    "участок", "участка", "палата", "палаты", "канал", "камера", "камеры", "вагон", "поезд",
    "поезда", "модель", "модели", "уровень", "уровня", NULL};

/* Russian function words: never the counted noun. */
static const char *const RU_STOP[] = {
    "и", "в", "во", "на", "с", "со", "к", "ко", "по", "за", "из", "изо", "от", "до", "у", "о",
    "об", "обо", "при", "для", "без", "над", "под", "через", "между", "уже", "еще", "не", "ни",
    "же", "бы", "ли", "а", "но", "или", "что", "как", "так", "это", "этот", "эти", "этих", "он",
    "она", "они", "их", "его", "ее", "мы", "вы", "я", "был", "была", "было", "были", "будет",
    "будут", "всего", "лишь", "только", "также", "тоже", "из-за", "после", "перед", "около",
    "более", "менее", "свыше", "больше", "меньше", "почти", "примерно", "порядка", "всех",
    "все", "весь", "вся", "чем", "раз", "которые", "который", "которых", "кто", "где", "когда",
    "тыс", "млн", "млрд", "своих", "наших", "против", "среди", "вместо",
    "вокруг", "возле", "потом", "затем", "если", "то", "даже", "ещё", "вот", "там", "тут",
    "здесь", "сейчас", "является", "являются", "составил", "составила", "составило",
    "составили", "составляет", "составляют", "достиг", "достигла", "достигло", "достигли",
    "или", "либо", "да", "нет", "со", "подряд", "другие", "других", "другим", "другими",
    "остальные", "остальных", "остальным", "остальными", "назад", "спустя", NULL};

/* Kyrgyz function words and qualifiers: never the counted noun. */
static const char *const KY_STOP[] = {
    "жана", "менен", "үчүн", "боюнча", "эле", "гана", "да", "де", "дагы", "деп", "бул", "ал",
    "алар", "ошол", "ушул", "бардык", "ашуун", "ашык", "ашыгыраак", "жакын", "чукул", "кем",
    "чейин",
    "ар", "же", "болуп", "болгон", "эмес", "тарабынан", "ичинде", "аркылуу", "бери", "кийин",
    "мурун", "соң", "ченде", "чамасында", NULL};

/* Kyrgyz modifiers that do not inflect before a noun («76 видео ролик»). */
static const char *const KY_MOD[] = {"видео", "аудио", "фото", "онлайн", "чоң", "жаңы", "кичи",
                                     "кичинекей", "атайын", "жалпы", "негизги", "башка",
                                     "ири", "жаш", "эң", "өтө", "абдан",
                                     "муктаж", "көп", /* «50 муктаж үй-бүлө», «76 көп кабаттуу үй» */
                                     "жашыл", "кызыл", "сары", /* colours: «700 жашыл дарак» */
                                     "жеке", /* «18 жеке менчик [мектеп]» private */
                                     "даана", NULL}; /* «4 даана экскаватор»: a classifier */

/* Russian adjective / participle endings. */
static int ru_adjective(const char *w)
{
    static const char *const E[] = {"ых", "их", "ые", "ие", "ыми", "ими", "ого", "его", "ому",
                                    "ему", "ой", "ая", "яя", "ую", "юю", "ым", "им", NULL};
    if (nchars(w) < 5)
        return 0;
    return has_any_suffix(w, E);
}

/* Kyrgyz nouns ending like a -кы adjective: a possessive after к/г
 * («тепкичи» no; «бөлүгү», «жолугу» are nouns with a possessive). */
static const char *const E_KY_NOUN_KI[] = {"лүгү", "лугу", "дүгү", "дугу", "тугу", "түгү",
                                           "лыгы", "лиги", "дыгы", "диги", "тыгы", "тиги", NULL};

/* Kyrgyz adjectives and participles (-дуу, -дык, -дагы, -ган...). */
static int ky_adjective(const char *w)
{
    static const char *const E[] = {
        "дуу", "дүү", "луу", "лүү", "туу", "түү", "дагы", "деги", "догу", "дөгү", "тагы", "теги",
        "тогу", "төгү", "лык", "лик",
        "лук", "лүк", "дык", "дик", "дук", "дүк", "тык", "тик", "тук", "түк", "сыз", "сиз",
        "суз", "сүз", "чыл", "чил", "чул", "чүл", "ий", "ый", NULL};
    /* participles: «болгон», «келген»; «вагон», «орган» are nouns */
    static const char *const PART[] = {"ган", "ген", "гон", "гөн", "кан", "кен", "кон", "көн",
                                       NULL};
    /* -кы/-гы adjectives of place and time: ички, тышкы, жогорку, акыркы */
    static const char *const PLACE[] = {"кы", "ки", "ку", "кү", "гы", "ги", "гу", "гү", NULL};
    if (in_list(w, KY_MOD))
        return 1;
    if (nchars(w) >= 4 && has_any_suffix(w, PLACE) && !has_any_suffix(w, E_KY_NOUN_KI))
        return 1;
    if (nchars(w) >= 6 && has_any_suffix(w, PART))
        return 1;
    if (nchars(w) < 5)
        return 0;
    return has_any_suffix(w, E);
}

/* Russian verb-like words (finite verbs, short participles). */
static int ru_verbish(const char *w)
{
    /* short participles neuter and plural: «изъято», «ранены»; in -ена, -ана,
     * -ята they are mostly nouns («омбудсмена», «ребята») */
    static const char *const E[] = {"ть", "ться", "ся", "сь", "ли", "ено", "ано", "ято", "ены",
                                    "аны", "яты", "ет", "ют", "ит", "ут", NULL};
    if (nchars(w) < 4)
        return 0;
    return has_any_suffix(w, E);
}

/* Kyrgyz finite verbs (-ышты, -ылды, -лди, -айт...): never the noun. */
static int ky_verbish(const char *w)
{
    static const char *const E[] = {"ышты", "ишти", "ушту", "үштү", "ылды", "илди", "улду",
                                    "үлдү", "лды", "лди", "лду", "лдү", "кты", "кти", "кту",
                                    "ктү", "ылат", "илет", "улат", "үлөт", "айт", "ейт", "ойт",
                                    "өйт", "рды", "рди", "рду", "рдү", "йды", "йди", "йду",
                                    "йдү", "ылып", "илип", "улуп", "үлүп", "ышып", "ишип", NULL};
    if (nchars(w) < 5)
        return 0;
    return has_any_suffix(w, E);
}

static int ky_genitive(const char *w);

/* Kyrgyz case endings of a noun (dative, locative, accusative, genitive). */
static const char *const KY_CASED[] = {"га", "ге", "ка", "ке", "го", "гө", "ко", "кө", "да",
                                       "де", "та", "те", "до", "дө", "то", "тө", "ны", "ни",
                                       "ну", "нү", "ды", "ди", "ду", "дү", "ты", "ти", "ту",
                                       "тү", "ын", "ин", "ун", "үн", NULL};

/* A Kyrgyz converb («түзүп», «келип», «алышып»): a verb, never the noun. */
static int ky_converb(const char *w)
{
    static const char *const E[] = {"ып", "ип", "уп", "үп", NULL};
    return nchars(w) >= 5 && has_any_suffix(w, E);
}

/* A Kyrgyz word that may be a verb in the past tense («жабыркады»,
 * «алды», «кетти»; an accusative «адамды» looks the same). */
static int ky_past_like(const char *w)
{
    static const char *const E[] = {"ды", "ди", "ду", "дү", "ты", "ти", "ту", "тү", NULL};
    static const char *const VOW = "аеёиоөуүыэюя";
    size_t n = strlen(w);
    if (nchars(w) < 4 || !has_any_suffix(w, E) || n < 6)
        return 0;
    char before[3] = {w[n - 6], w[n - 5], 0}; /* the letter before д/т */
    return has_any_suffix(w, (const char *const[]){"ды", "ди", "ду", "дү", NULL}) ||
           strstr(VOW, before) == NULL;
}

/* A Kyrgyz noun with the third-person possessive after a consonant
 * («кызматкери», «чордону», «башчысы»): the head of a compound whose
 * first noun stays bare («медицина кызматкери» a medical worker). */
static int ky_head_possessive(const char *w)
{
    static const char *const E[] = {"ы", "и", "у", "ү", NULL};
    static const char *const VOW = "аеёиоөуүыэюя";
    size_t n = strlen(w);
    if (nchars(w) < 5 || !has_any_suffix(w, E) || n < 4)
        return 0;
    /* the letter before the final vowel (2 bytes each in Cyrillic) */
    char prev[3] = {w[n - 4], w[n - 3], 0};
    return strstr(VOW, prev) == NULL;
}

/* A Kyrgyz noun with a possessive and the accusative («кесибин»,
 * «мүчөсүн»): an object with its own possessor, not what is counted. */
static int ky_possessive_accusative(const char *w)
{
    static const char *const E[] = {"ын", "ин", "ун", "үн", NULL};
    size_t n = strlen(w);
    if (nchars(w) < 5 || !has_any_suffix(w, E) || ky_genitive(w) || n < 6)
        return 0;
    char prev[3] = {w[n - 6], w[n - 5], 0};
    return strstr("аеёиоөуүыэюя", prev) == NULL;
}

/* A Kyrgyz participle in the locative, ablative or dative («баргандан»,
 * «келгенде», «болгонго»): a clause, never the counted noun. */
static int ky_participle_case(const char *w)
{
    static const char *const E[] = {"гандан", "генден", "гондон", "гөндөн", "кандан", "кенден",
                                    "ганда", "генде", "гондо", "гөндө", "канда", "кенде",
                                    "ганга", "генге", "гонго", "гөнгө", "канга", "кенге", NULL};
    return nchars(w) >= 7 && has_any_suffix(w, E);
}

/* A Kyrgyz noun in the genitive («партиянын», «адамдын»). */
static int ky_genitive(const char *w)
{
    static const char *const E[] = {"нын", "нин", "нун", "нүн", "дын", "дин", "дун", "дүн",
                                    "тын", "тин", "тун", "түн", NULL};
    return nchars(w) >= 5 && has_any_suffix(w, E);
}

/* Kyrgyz plural + possessive: the head of a compound («вотсап тайпалары»). */
static int ky_plural_possessive(const char *w)
{
    static const char *const E[] = {"лары", "лери", "лору", "лөрү", "дары", "дери", "дору",
                                    "дөрү", "тары", "тери", "тору", "төрү", NULL};
    return has_any_suffix(w, E);
}

/* ------------------------------------------------------------ text helpers */

static int is_space_at(const char *s, size_t i, size_t len, size_t *w)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        *w = 1;
        return 1;
    }
    if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
        *w = 2;
        return 1;
    }
    if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0xAF || (unsigned char)s[i + 2] == 0x89)) {
        *w = 3;
        return 1;
    }
    return 0;
}

/* Is [a, b) only white space (a period allowed when `dot`)? */
static int gap_blank(const fctx *c, size_t a, size_t b, int dot)
{
    int dots = 0;
    size_t w;
    for (size_t i = a; i < b;) {
        if (is_space_at(c->text, i, c->len, &w)) {
            if (c->text[i] == '\n' && i + 1 < b)  /* a line break ends the phrase */
                return 0;
            i += w;
        } else if (c->text[i] == '.' && dot && !dots++) {
            i++;
        } else {
            return 0;
        }
    }
    return 1;
}

/* Is [a, b) a hyphen or dash with optional spaces around? */
static int gap_dash(const fctx *c, size_t a, size_t b, int spaces_ok)
{
    int dash = 0;
    size_t w;
    for (size_t i = a; i < b;) {
        if (c->text[i] == '-' && !dash) {
            dash = 1, i++;
        } else if (!dash && i + 2 < b + 1 && (memcmp(c->text + i, "\xe2\x80\x93", 3) == 0 ||
                                              memcmp(c->text + i, "\xe2\x80\x94", 3) == 0)) {
            dash = 1, i += 3;
        } else if (spaces_ok && is_space_at(c->text, i, c->len, &w) && c->text[i] != '\n') {
            i += w;
        } else {
            return 0;
        }
    }
    return dash;
}

/* Does a chunk end before byte i (white space, bracket or quote)? */
static int chunk_break(const fctx *c, size_t i)
{
    size_t w;
    char ch = c->text[i];
    if (ch == '[' || ch == ']' || ch == '(' || ch == ')' || ch == '"' || ch == ',' ||
        ch == ';' || ch == '!' || ch == '?')
        return 1;
    if ((unsigned char)ch == 0xC2 && i + 1 < c->len &&
        ((unsigned char)c->text[i + 1] == 0xAB || (unsigned char)c->text[i + 1] == 0xBB))
        return 1;  /* « » */
    return is_space_at(c->text, i, c->len, &w);
}

/* The chunk (between white space, brackets and quotes) around [s, e). */
static void chunk_of(const fctx *c, size_t s, size_t e, size_t *cs, size_t *ce)
{
    while (s > 0 && !chunk_break(c, s - 1) &&
           !(s >= 2 && (unsigned char)c->text[s - 2] == 0xC2 && chunk_break(c, s - 2)))
        s--;
    while (e < c->len && !chunk_break(c, e))
        e++;
    *cs = s, *ce = e;
}

static int isdig(char ch) { return ch >= '0' && ch <= '9'; }
static int isalpha_ascii(char ch) { return (ch | 32) >= 'a' && (ch | 32) <= 'z'; }

/* Does the chunk look like a URL, address, domain, time, dotted date or
 * phone number? */
static int chunk_not_count(const fctx *c, size_t s, size_t e, int score)
{
    const char *t = c->text;
    int dotdig = 0, hyph = 0;
    for (size_t i = s; i < e; i++) {
        if (t[i] == '/' || t[i] == '@' || t[i] == '#' || t[i] == '=' || t[i] == '_')
            return 1;
        if (i + 3 <= e && memcmp(t + i, "www", 3) == 0)
            return 1;
        if (t[i] == '.' && i > s && i + 1 < e && (isalpha_ascii(t[i + 1]) || isalpha_ascii(t[i - 1])))
            return 1; /* 24.kg, Vecher.kz */
        if ((t[i] == ':' || t[i] == '.') && i > s && i + 1 < e && isdig(t[i - 1]) && isdig(t[i + 1])) {
            if (t[i] == ':') {  /* 16:49 is a time, 4:0 a score */
                size_t d = i + 1, b = i;
                while (d < e && isdig(t[d]))
                    d++;
                while (b > s && isdig(t[b - 1]))
                    b--;
                if (d - i - 1 == 2 && i - b <= 2 && !score)
                    return 1;
                continue;
            }
            if (++dotdig >= 2)
                return 1;  /* 24.06.2016 */
        }
        if (t[i] == '-' && i > s && i + 1 < e && isdig(t[i - 1]) && isdig(t[i + 1]) && ++hyph >= 2)
            return 1;  /* 66-22-33 */
        if (t[i] == '(' && i + 1 < e && isdig(t[i + 1]) && i > s && isdig(t[i - 1]))
            return 1;
    }
    return 0;
}

/* The last character before byte `i` (skipping white space when `skip`),
 * as a code point, and where it starts; -1 at the text start. */
static UChar32 char_before(const fctx *c, size_t i, int skip, size_t *at)
{
    while (i > 0) {
        int32_t k = (int32_t)i;
        UChar32 ch;
        U8_PREV((const uint8_t *)c->text, 0, k, ch);
        if (skip && (u_isUWhiteSpace(ch) || ch == 0xA0)) {
            i = (size_t)k;
            continue;
        }
        if (at)
            *at = (size_t)k;
        return ch;
    }
    return -1;
}

static UChar32 char_at(const fctx *c, size_t i)
{
    if (i >= c->len)
        return -1;
    int32_t k = (int32_t)i;
    UChar32 ch;
    U8_NEXT((const uint8_t *)c->text, k, (int32_t)c->len, ch);
    return ch;
}

/* Is the line holding [s, e) otherwise empty? */
static int alone_on_line(const fctx *c, size_t s, size_t e)
{
    size_t w;
    for (size_t i = s; i > 0 && c->text[i - 1] != '\n';) {
        i--;
        if (!(c->text[i] == ' ' || c->text[i] == '\t' || c->text[i] == '\r' ||
              (unsigned char)c->text[i] == 0xA0 || (unsigned char)c->text[i] == 0xC2))
            return 0;
    }
    for (size_t i = e; i < c->len && c->text[i] != '\n';) {
        if (!is_space_at(c->text, i, c->len, &w))
            return 0;
        i += w;
    }
    return 1;
}

/* --------------------------------------------------------------- sentences */

static int split_sentences(fctx *c)
{
    size_t cap = 64;
    c->sent = malloc(cap * sizeof *c->sent);
    if (!c->sent)
        return IZDE_ENOMEM;
    c->sent[c->nsent++] = 0;
    for (size_t i = 0; i < c->len; i++) {
        size_t next = 0;
        char ch = c->text[i];
        if (ch == '\n') {
            next = i + 1;
        } else if (ch == '.' || ch == '!' || ch == '?' ||
                   (i + 2 < c->len && memcmp(c->text + i, "\xe2\x80\xa6", 3) == 0)) {
            size_t j = i + (ch == '.' || ch == '!' || ch == '?' ? 1 : 3), w;
            /* closing quotes and brackets stay with the sentence */
            while (j < c->len && (c->text[j] == '"' || c->text[j] == ')' ||
                                  (j + 1 < c->len && memcmp(c->text + j, "\xc2\xbb", 2) == 0) ||
                                  (j + 2 < c->len && memcmp(c->text + j, "\xe2\x80\x9d", 3) == 0)))
                j += c->text[j] == '"' || c->text[j] == ')' ? 1
                     : (unsigned char)c->text[j] == 0xC2   ? 2
                                                           : 3;
            if (j >= c->len || !is_space_at(c->text, j, c->len, &w))
                continue;
            size_t k = j;
            while (k < c->len && is_space_at(c->text, k, c->len, &w))
                k += w;
            UChar32 nx = char_at(c, k);
            if (ch == '.') {  /* an abbreviation point? */
                size_t ws = i;
                while (ws > 0 && ((unsigned char)c->text[ws - 1] >= 0x80 ||
                                  isalpha_ascii(c->text[ws - 1])))
                    ws--;
                char word[16];
                size_t wl = i - ws;
                if (wl > 0 && wl < sizeof word) {
                    memcpy(word, c->text + ws, wl);
                    word[wl] = 0;
                    if (in_list(word, ABBREV) && !u_isupper(nx))
                        continue;
                }
            }
            if (nx < 0 || u_isupper(nx) || u_isdigit(nx) || nx == '"' || nx == 0xAB ||
                nx == 0x201C || nx == '-' || nx == 0x2013 || nx == 0x2014)
                next = k;
        }
        if (next && next < c->len && next > c->sent[c->nsent - 1]) {
            if (c->nsent == cap) {
                size_t *s = realloc(c->sent, cap * 2 * sizeof *s);
                if (!s)
                    return IZDE_ENOMEM;
                c->sent = s, cap *= 2;
            }
            c->sent[c->nsent++] = next;
        }
    }
    return IZDE_OK;
}

static void sentence_of(const fctx *c, size_t at, size_t *s, size_t *e)
{
    size_t lo = 0, hi = c->nsent;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (c->sent[mid] <= at)
            lo = mid;
        else
            hi = mid;
    }
    *s = c->sent[lo];
    *e = lo + 1 < c->nsent ? c->sent[lo + 1] : c->len;
    size_t w;
    while (*e > *s && (is_space_at(c->text, *e - 1, c->len, &w) || c->text[*e - 1] == '\r'))
        (*e)--;
    while (*e > *s && (unsigned char)c->text[*e - 1] == 0xA0 && *e >= 2 &&
           (unsigned char)c->text[*e - 2] == 0xC2)
        *e -= 2;
}

/* ---------------------------------------------------------------- numbers */

typedef struct num {
    double v;
    size_t i, j;     /* tokens [i, j) */
    int spelled;
    int plain4;      /* 4 digits, no separator, no decimal: may be a year */
    int cardinal_sfx;/* «3-х» */
    const char *gunit;/* a unit glued to the digits: «358сомду» */
    int gcurrency;
} num;

/* Read a number at token i: digits (with «3-х» or Kyrgyz case suffix) or a
 * run of numeral words.  Returns 0 when there is none or it is rejected. */
static int read_number(const fctx *c, size_t i, num *out)
{
    const char *w = TERM(c, i);
    memset(out, 0, sizeof *out);
    out->i = i;
    if (c->t[i].kind == IZDE_TOK_NUMBER) {
        out->v = strtod(w, NULL);
        if (c->t[i].start >= 3 && memcmp(c->text + c->t[i].start - 3, "\xe2\x88\x92", 3) == 0)
            out->v = -out->v; /* «−40 градус»: U+2212 MINUS SIGN */
        out->j = i + 1;
        size_t rawlen = c->t[i].end - c->t[i].start;
        out->plain4 = strlen(w) == 4 && rawlen == 4;
        /* «3-х», «5-ти»: cardinal case endings after a hyphen */
        if (i + 1 < c->n && c->t[i + 1].start == c->t[i].end + 1 && c->text[c->t[i].end] == '-' &&
            c->t[i + 1].kind == IZDE_TOK_WORD) {
            static const char *const CARD[] = {"х", "ти", "ми", "и", "ех", "ух", "ем", "ум",
                                               "ью", "ми", "ста", "сот", NULL};
            if (in_list(TERM(c, i + 1), CARD)) {
                out->j = i + 2;
                out->cardinal_sfx = 1;
            }
        }
        /* «16, 7 миллиард», «7, 04 пайыз»: a decimal comma typed with a space,
         * when a multiplier or percent follows and no list goes before */
        const char *nx = i + 2 < c->n ? TERM(c, i + 2) : "";
        if (i + 2 < c->n && c->t[i + 1].kind == IZDE_TOK_NUMBER && !strchr(w, '.') &&
            !strchr(w, ',') && strlen(TERM(c, i + 1)) <= 2 && rawlen <= 3 &&
            c->t[i + 1].start == c->t[i].end + 2 && c->text[c->t[i].end] == ',' &&
            (multiplier(nx) > 0 || has_prefix(nx, "пайыз") || has_prefix(nx, "процент") ||
             c->text[c->t[i + 1].end] == '%') &&
            !(i > 0 && c->t[i - 1].kind == IZDE_TOK_NUMBER) &&
            !(c->t[i].start >= 2 && c->text[c->t[i].start - 2] == ',')) {
            const char *fr = TERM(c, i + 1);
            out->v += strtod(fr, NULL) / (strlen(fr) == 1 ? 10.0 : 100.0);
            out->j = i + 2;
            return 1;
        }
        /* «2 жарым миң» 2.5 thousand: a half only before a multiplier */
        if (i + 2 < c->n && strcmp(TERM(c, i + 1), "жарым") == 0 &&
            (multiplier(TERM(c, i + 2)) > 0 || is_time_word(TERM(c, i + 2))) &&
            gap_blank(c, c->t[i].end, c->t[i + 1].start, 0)) {
            out->v += 0.5;
            out->j = i + 2;
        }
        /* «8.00 дөн 18.00гө чейин»: a time of day with its case apart */
        const char *dot = strchr(w, '.');
        if (dot && strlen(dot) == 3 && out->v < 25 && strtod(dot + 1, NULL) < 60 &&
            i + 1 < c->n && (in_list(TERM(c, i + 1), KY_CASE) || strcmp(TERM(c, i + 1), "чейин") == 0))
            return 0;
        return 1;
    }
    /* digits glued to a Kyrgyz case suffix: «100дөн» */
    if (isdig(w[0])) {
        char *end;
        double v = strtod(w, &end);
        const char *dot = strchr(w, '.');
        if (dot && end - dot == 3 && v < 25 && strtod(dot + 1, NULL) < 60)
            return 0; /* «18.00гө чейин», «11.00дө»: a time of day */
        if (*end == ',' || *end == '.')
            return 0;
        int bare;
        if (!in_list(end, KY_CASE) &&
            !(out->gunit = izde__counted_unit(c->counted, end, strlen(end), &out->gcurrency, &bare)))
            return 0;
        out->v = v;
        out->j = i + 1;
        return 1;
    }
    /* numeral words: hundreds + tens + units, then a multiplier */
    double total = 0, group = 0;
    int any = 0, last_mag = 1 << 30;
    size_t j = i;
    for (; j < c->n; j++) {
        if (j > i && !gap_blank(c, c->t[j - 1].end, c->t[j].start, 0))
            break;
        const char *x = TERM(c, j);
        const double *v = NULL;
        if (c->ru)
            v = lookup_num(RU_NUM, x);
        if (!v && c->ky)
            v = ky_numeral(x);
        double mw = v ? 0 : multiplier(x);
        if (!v && any && mw > 0)
            v = &mw;  /* «двадцать пять тысяч», «три миллиона» */
        if (!v && any && last_mag == 1 && strcmp(x, "жарым") == 0) {
            group += 0.5; /* «бир жарым» 1.5: only a multiplier may follow */
            last_mag = 0;
            continue;
        }
        if (!v)
            break;
        double m = *v >= 1000 ? *v : 0;
        if (m) {  /* тысяча / миң / миллион as a multiplier of the group */
            if (!any)
                group = 1;
            total += (group ? group : 1) * m;
            group = 0;
            any = 1;
            last_mag = 1 << 30;
            continue;
        }
        int mag = *v >= 100 ? 3 : *v >= 10 ? 2 : 1;
        if (v == &mw && last_mag == 1 && group > 0) {
            group *= mw; /* «два десятка» 20, «две сотни» 200 */
            last_mag = 3;
            continue;
        }
        if (*v == 100 && last_mag == 1 && group > 0 && group < 10) {
            group *= 100; /* Kyrgyz hundreds: «эки жүз» 200, then tens and units */
            last_mag = 3;
            continue;
        }
        if (mag >= last_mag)
            break;
        last_mag = mag;
        group += *v;
        any = 1;
    }
    if (!any)
        return 0;
    out->v = total + group;
    out->j = j;
    out->spelled = 1;
    return 1;
}

/* ----------------------------------------------------------------- extract */

typedef struct found {
    izde_figure f;
    char *noun;
} found;

static int push(izde_figures *fs, const izde_figure *f)
{
    if (fs->n == fs->cap) {
        size_t cap = fs->cap ? fs->cap * 2 : 16;
        izde_figure *v = realloc(fs->v, cap * sizeof *v);
        if (!v)
            return IZDE_ENOMEM;
        fs->v = v, fs->cap = cap;
    }
    fs->v[fs->n++] = *f;
    return IZDE_OK;
}

static int is_stop(const fctx *c, const char *w)
{
    return (c->ru && in_list(w, RU_STOP)) || (c->ky && in_list(w, KY_STOP));
}

/* The token after k joined to it by white space only (a period allowed after
 * an abbreviation), or c->n. */
static size_t next_joined(const fctx *c, size_t k)
{
    if (k + 1 >= c->n)
        return c->n;
    int dot = in_list(TERM(c, k), ABBREV);
    return gap_blank(c, c->t[k].end, c->t[k + 1].start, dot) ? k + 1 : c->n;
}

/* Words after a number that make it an identifier or a place. */
static const char *const ID_AFTER[] = {"статье", "статьей", "статьи", "статья", "статью", "ук",
                                       "гк", "коап", "месте", "место", "пункт", "пункте",
                                       "пункта", "фз", NULL};

/* A Kyrgyz age: «45 жаш», «45 жаштагы», «45 жашар», «45 жашында». */
static int ky_age_word(const char *w)
{
    static const char *const E[] = {"", "та", "тагы", "ар", "ка", "тан", "ында", "ындагы",
                                    "ынан", "ынын", "тын", "ына", NULL};
    return (has_prefix(w, "жаш") &&
            (in_list(w + strlen("жаш"), E) || has_prefix(w, "жашым") || has_prefix(w, "жашың"))) ||
           has_prefix(w, "курактагы") || has_prefix(w, "курагы");
}

/* Does a list of numbers after token k («по 14», «и 10», «, 20 и 19»)
 * end in a time word or a month? */
static int list_ends_in_time(const fctx *c, size_t k)
{
    static const char *const LINK[] = {"и", "или", "по", "до", "либо", "на", "жана", "же", NULL};
    int seen_num = 0;
    for (size_t q = k + 1, steps = 0; q < c->n && steps < 8; q++, steps++) {
        size_t a = c->t[q - 1].end, b = c->t[q].start;
        int comma = 0;
        for (size_t i = a; i < b; i++) {
            if (c->text[i] == ',' && !comma)
                comma = 1;
            else if (!(c->text[i] == ' ' || c->text[i] == '-' ||
                       (unsigned char)c->text[i] >= 0x80))
                return 0;
        }
        const char *w = TERM(c, q);
        if (c->t[q].kind == IZDE_TOK_NUMBER || lookup_num(RU_NUM, w)) {
            seen_num = 1;
            continue;
        }
        if (in_list(w, LINK) && !comma)
            continue;
        return seen_num && (is_time_word(w) || is_month(w) || ky_age_word(w));
    }
    return 0;
}

/* A figure being read from token i on (try_figure), along the grammar of
 * the header: [qualifier] NUMBER [- NUMBER] [multiplier] [unit]
 * [adjectives] [noun] [qualifier]. */
typedef struct fig_read {
    size_t i;                  /* the first token of the number */
    num a;                     /* the number */
    izde_figure f;             /* what is known so far */
    size_t k;                  /* the last token taken */
    size_t end;                /* byte offset where the figure ends so far */
    int ranged;                /* a range was read */
    double mult;               /* the multiplier read, 1 when none */
    const char *compound_unit; /* «70-процентное»: the compound's unit */
    int hyphen_kind;           /* «58-й», «45-летний»: the kind is in f.kind */
    const char *uname;         /* the unit a word names (counted.c), or NULL */
    int ucurrency, ubare;      /* it is money; it is not inflected */
    const char *noun;          /* the counted noun, or NULL */
    size_t nk;                 /* its token */
    size_t next;               /* the token to go on from */
    size_t part;               /* «две машины из трех»: the part's noun + 1, or 0 */
} fig_read;

/* A list item («1. Принять», «2) ...», «(1)»), a clock time («в 10.25»),
 * an identifier glued to letters or «Ту-154», a code or phone number, a
 * number alone on its line. */
/* Does «до н.э.» / «до н. э.» follow byte e (after a multiplier)? */
static int before_era(const fctx *c, size_t e)
{
    size_t lim = e + 24 < c->len ? e + 24 : c->len;
    for (size_t x = e; x + 8 <= lim; x++)
        if (memcmp(c->text + x, "до н.", 8) == 0 || memcmp(c->text + x, "до н ", 8) == 0)
            return 1;
    return 0;
}

static int digits_list_clock_or_code(const fctx *c, size_t i, const num *a, int *kind)
{
    const ftok *t0 = &c->t[i];
    size_t ls = t0->start;
    while (ls > 0 && (c->text[ls - 1] == ' ' || c->text[ls - 1] == '\t' || c->text[ls - 1] == '('))
        ls--;
    UChar32 after = char_at(c, t0->end);
    if ((ls == 0 || c->text[ls - 1] == '\n') &&
        (after == '.' || after == ')' || (a->j < c->n && u_isupper(char_at(c, c->t[a->j].start)))))
        return 1;
    if (t0->start > 0 && c->text[t0->start - 1] == '(' && after == ')') {
        UChar32 pp = char_before(c, t0->start - 1, 1, NULL); /* «: (2)» a list item */
        if (pp < 0 || pp == ':' || pp == ';' || pp == '.' || pp == ')' || u_isdigit(pp))
            return 1; /* «Москве (462)» is a count, «0 (312)» a phone code */
    }
    { /* «0 (312) 533 648»: a number before a bracketed code is a phone's */
        size_t x = t0->end;
        while (x < c->len && c->text[x] == ' ')
            x++;
        if (x + 1 < c->len && c->text[x] == '(' && isdig(c->text[x + 1]))
            return 1;
    }
    const char *raw = c->text + t0->start;
    size_t rl = t0->end - t0->start;
    /* leading zero (not 0,5) or 7+ contiguous digits: a code or phone */
    size_t d = 0;
    while (d < rl && isdig(raw[d]))
        d++;
    if ((raw[0] == '0' && d > 1) || d >= 7)
        return 1;
    /* «саат 17.00дө», «кечки 6га чейин»: a Kyrgyz clock time */
    if (i > 0 && in_list(TERM(c, i - 1), (const char *const[]){"саат", "таңкы", "кечки", "түнкү",
                                                                "күндүзгү", NULL}))
        return 1;
    /* «(өнүктүрүүгө)4»: a footnote mark; «Сыдыков Б. У.; 21.»: a list number */
    if (t0->start > 0 && c->text[t0->start - 1] == ')')
        return 1;
    if (char_before(c, t0->start, 1, NULL) == ';' && char_at(c, c->t[a->j - 1].end) == '.')
        return 1;
    /* «0 (312) 533 648»: a phone number after its code in brackets */
    size_t cb;
    if (char_before(c, t0->start, 1, &cb) == ')' && cb > 0 && isdig(c->text[cb - 1]))
        return 1;
    /* «62 тыс. до н.э.»: a year */
    if (before_era(c, c->t[a->j - 1].end))
        return 1;
    /* «в 10.25», «около 21.00 по местному времени»: a clock time */
    if (rl >= 4 && rl <= 5 && raw[rl - 3] == '.' && a->v < 24 && i > 0 &&
        in_list(TERM(c, i - 1), (const char *const[]){"в", "около", "до", "с", "к", NULL}))
        return 1;
    /* glued to letters before it, «Ту-154», «№ 5»: a name */
    size_t at;
    UChar32 pb = char_before(c, t0->start, 0, &at);
    if (pb > 0 && (pb == '+' || pb == '.' || pb == ',' || pb == '\\'))
        return 1;
    UChar32 pp = pb == '-' ? char_before(c, at, 0, NULL) : -1;
    if (pp > 0 && u_isdigit(pp))
        return 1;
    UChar32 pbs = char_before(c, t0->start, 1, NULL);
    if (pbs == '+')
        return 1;
    if (alone_on_line(c, t0->start, c->t[a->j - 1].end))
        return 1;
    if ((pb > 0 && u_isalpha(pb)) || (pp > 0 && u_isalpha(pp)) || pbs == 0x2116 || pbs == '#')
        *kind = IZDE_FIG_NAME;
    return 0;
}

/* Is byte `at` inside a short quoted name: «» or "" opening at most
 * NAME_QUOTE bytes before it and closing at most NAME_QUOTE bytes after,
 * on one line («112 Украина», «Пять звёзд», "Боинг-737")?  Quoted
 * speech is longer and its figures stay counts. */
#define NAME_QUOTE 48
static int in_short_quote(const fctx *c, size_t at)
{
    size_t lo = at > NAME_QUOTE ? at - NAME_QUOTE : 0, hi = at + NAME_QUOTE, open = 0;
    int found = 0;
    for (size_t b = at; b > lo && !found; b--) {
        const unsigned char *p = (const unsigned char *)c->text + b - 1;
        if (*p == '\n' || (b >= 2 && p[-1] == 0xC2 && p[0] == 0xBB))
            return 0;
        if ((b >= 2 && p[-1] == 0xC2 && p[0] == 0xAB) || *p == '"')
            found = 1, open = b;
    }
    if (!found)
        return 0;
    for (size_t e = at; e < c->len && e < hi; e++) {
        const unsigned char *p = (const unsigned char *)c->text + e;
        if (*p == '\n' || (e + 1 < c->len && p[0] == 0xC2 && p[1] == 0xAB))
            return 0;
        if ((e + 1 < c->len && p[0] == 0xC2 && p[1] == 0xBB) || (*p == '"' && e > open))
            return 1;
    }
    return 0;
}

static int is_stop(const fctx *c, const char *w);

/* Is token i right after a noun that takes a name or number («резолюция
 * 1566», «закон 5», «модели 737», «канал 112», Kyrgyz «токтому 12»),
 * with no word it would count after it? */
static int name_before(const fctx *c, size_t i)
{
    static const char *const NAMING[] = {"резолюц", "закон", "указ", "постановлен", "протокол",
                                         "директив", "конвенц", "поправк", "модел", "канал",
                                         "телеканал", "рейс", "приказ", "стать", "пункт",
                                         "верси", "параграф", "проект", "высот", "мыйзам", "токтом", "берене",
                                         "жарлык", NULL};
    static const char *const ENDING[] = {"", "а", "у", "ом", "е", "ы", "и", "ей", "ю", "я",
                                         "ия", "ии", "ию", "ие", "ием", "ья", "ьи", "ье", "ью",
                                         "ьей", "ям", "ями", "ях", "ам", "ами", "ах", "ов",
                                         "ун", "ундагы", "унда", "сы", "си",
                                         "ынын", "ына", NULL};
    if (i == 0 || !gap_blank(c, c->t[i - 1].end, c->t[i].start, 1))
        return 0;
    size_t nx = next_joined(c, i); /* «у канала 2,2 млн подписчиков» counts */
    if (nx < c->n && c->t[nx].kind == IZDE_TOK_WORD && !u_isupper(char_at(c, c->t[nx].start)) &&
        !in_list(TERM(c, nx), ID_AFTER) && (!is_stop(c, TERM(c, nx)) || multiplier(TERM(c, nx)) > 0))
        return 0;
    const char *w = TERM(c, i - 1);
    for (const char *const *p = NAMING; *p; p++)
        if (has_prefix(w, *p) && in_list(w + strlen(*p), ENDING))
            return 1;
    return 0;
}

/* A number in digits that is not a count by its surroundings: a time or
 * score, a number next to another, after a Latin word, a list item, a
 * clock time, an identifier, a code or phone, a number alone on its line. */
static int digits_not_count(const fctx *c, size_t i, const num *a, int *kind)
{
    const ftok *t0 = &c->t[i];
    size_t cs, ce;
    chunk_of(c, t0->start, c->t[a->j - 1].end, &cs, &ce);
    /* «со счетом 15:13»: a score, not a time */
    int score = 0;
    for (size_t q = i; q > 0 && q + 3 > i && !score; q--)
        score = has_prefix(TERM(c, q - 1), "сч") || has_prefix(TERM(c, q - 1), "эсеп");
    if (chunk_not_count(c, cs, ce, score))
        return 1;
    /* «со счетом 2:1», «2:0 67'»: what is left with a colon (a time
     * was not a figure) is a score */
    if (memchr(c->text + cs, ':', ce - cs))
        *kind = IZDE_FIG_SCORE;
    /* «7,62×54 мм», «2×2»: a calibre, dimension or name */
    for (size_t x = cs; x + 1 < ce; x++)
        if ((unsigned char)c->text[x] == 0xC3 && (unsigned char)c->text[x + 1] == 0x97)
            return 1;
    size_t at;  /* the «1» of «2:1», «16:49»: read with the first number */
    if (char_before(c, t0->start, 0, &at) == ':' && at > 0 && isdig(c->text[at - 1]))
        return 1;
    if (in_short_quote(c, t0->start) || name_before(c, i))
        *kind = IZDE_FIG_NAME; /* «112 Украина», «Внутри халифата — 4», «резолюция 1566» */
    /* a capitalised word right after the number: a list item or a name */
    if (*kind != IZDE_FIG_NAME && a->j < c->n && c->t[a->j].kind == IZDE_TOK_WORD &&
        gap_blank(c, c->t[a->j - 1].end, c->t[a->j].start, 0) &&
        u_isupper(char_at(c, c->t[a->j].start)) && nchars(TERM(c, a->j)) > 1) {
        int32_t k = (int32_t)c->t[a->j].start;
        UChar32 ch;
        U8_NEXT((const uint8_t *)c->text, k, (int32_t)c->len, ch);
        if (u_islower(char_at(c, (size_t)k)))
            return 1; /* «1 Считать», «112 Украина»; «5 МВт» stays */
    }
    /* «1)» without its «(»: a list marker */
    if (char_at(c, c->t[a->j - 1].end) == ')' && char_before(c, t0->start, 0, NULL) != '(')
        return 1;
    /* next to another number («21 10 2016», «статьей 189 38») */
    if ((i > 0 && c->t[i - 1].kind == IZDE_TOK_NUMBER &&
         gap_blank(c, c->t[i - 1].end, t0->start, 0)) ||
        (a->j < c->n && c->t[a->j].kind == IZDE_TOK_NUMBER &&
         gap_blank(c, c->t[a->j - 1].end, c->t[a->j].start, 0)))
        return 1;
    /* after a Latin word: a model or a name («BMW 320», «TOP 09») */
    if (i > 0 && gap_blank(c, c->t[i - 1].end, t0->start, 0)) {
        int latin = 1;
        for (const char *x = TERM(c, i - 1); *x; x++)
            latin &= isalpha_ascii(*x);
        if (latin)
            *kind = IZDE_FIG_NAME;
    }
    return digits_list_clock_or_code(c, i, a, kind);
}

/* The kind of a number joined by a hyphen to the word `hw`, `next` the
 * word after it: «58-й» ordinal (a Russian ordinal ending, or any Kyrgyz
 * word but a time word: «3-класс»), «45-летний» age, «30-летие»,
 * «30-жылдыгы», «73-й годовщины» anniversary, «10-дневный» duration;
 * -1 when not a figure: a year or date («2021-жылы»), a compound
 * adjective («4-комнатная»). */
static int hyphen_kind(const fctx *c, const char *hw, const char *next)
{
    static const char *const RU_ORD[] = {"й", "я", "е", "го", "му", "м", "ю", "ой", "ый", "ий",
                                         "ая", "ое", "ого", "ому", "ом", "ым", "им", "ую",
                                         "ые", "ых", "ым", NULL};
    static const char *const SPAN[] = {"дневн", "месячн", "недельн", "часов", "минутн",
                                       "суточн", "годичн", "жылдык", NULL};
    int anniv = has_prefix(next, "годовщин") || has_prefix(next, "юбиле") ||
                has_prefix(next, "мааракес") || has_prefix(next, "жылдыг");
    if (has_prefix(hw, "летие") || has_prefix(hw, "летия") || has_prefix(hw, "летию") ||
        has_prefix(hw, "жылдыг"))
        return IZDE_FIG_ANNIVERSARY;
    if (has_prefix(hw, "летн"))
        return anniv ? IZDE_FIG_ANNIVERSARY : IZDE_FIG_AGE;
    if (has_prefix(hw, "жаш"))
        return IZDE_FIG_AGE;
    for (const char *const *p = SPAN; *p; p++)
        if (has_prefix(hw, *p))
            return IZDE_FIG_DURATION;
    if (c->ru && in_list(hw, RU_ORD))
        return anniv ? IZDE_FIG_ANNIVERSARY : IZDE_FIG_ORDINAL;
    if (c->ky && !is_time_word(hw) && !is_month(hw) && !has_prefix(hw, "жыл") &&
        (unsigned char)hw[0] >= 0x80)
        return anniv ? IZDE_FIG_ANNIVERSARY : IZDE_FIG_ORDINAL;
    return -1;
}

/* Is the number ending at token k joined by a dash to a month or a time
 * word: a date («27-28-августта», «1- сентябрдан», «2021-жылы» after
 * a range)? */
static int date_after(const fctx *c, size_t k, int ranged)
{
    if (k + 1 >= c->n || c->t[k + 1].kind != IZDE_TOK_WORD ||
        !gap_dash(c, c->t[k].end, c->t[k + 1].start, 1))
        return 0;
    const char *w = TERM(c, k + 1);
    if (ranged && c->t[k + 1].start == c->t[k].end + 1)
        return 1; /* «5-6-класстын», «30-35-летние»: an ordinal or age */
    return is_month(w) || has_prefix(w, "жыл");
}

/* A number in words that is not a count: a restatement in brackets of
 * the digits before it («1 000 000 (бир миллион) сом»): 1; a name in
 * a short quote («Бир бол», «Три сестры») or capitalised inside a
 * sentence: its kind becomes name. */
static int spelled_not_count(const fctx *c, size_t i, int *kind)
{
    size_t at;
    if (char_before(c, c->t[i].start, 1, &at) == '(' && u_isdigit(char_before(c, at, 1, NULL)))
        return 1;
    size_t ss, se, hy;
    if (char_before(c, c->t[i].start, 0, &hy) == '-' && u_isalpha(char_before(c, hy, 0, NULL)))
        *kind = IZDE_FIG_NAME; /* «топ-пять» */
    sentence_of(c, c->t[i].start, &ss, &se);
    if (in_short_quote(c, c->t[i].start) ||
        (c->t[i].start > ss && u_isupper(char_at(c, c->t[i].start))))
        *kind = IZDE_FIG_NAME;
    return 0;
}

/* A hyphenated word after the number: an ordinal («3-й», «2021-жылдын»):
 * 1, unless a compound of a unit («70-процентное», «20-долларовой»), whose
 * unit goes to r->compound_unit; and an identifier or a month before the
 * number («№», «декабря 2017»): 1. */
static int ordinal_or_id(const fctx *c, fig_read *r)
{
    size_t i = r->i;
    const num *a = &r->a;
    const ftok *t0 = &c->t[i];
    size_t he = c->t[a->j - 1].end; /* «11- летний»: a hyphen typed with a space */
    int spaced = a->j < c->n && c->t[a->j].start == he + 2 && c->text[he] == '-' &&
                 c->text[he + 1] == ' ' &&
                 (is_time_word(TERM(c, a->j)) || has_prefix(TERM(c, a->j), "процентн"));
    if (!a->cardinal_sfx && a->j < c->n && c->t[a->j].kind == IZDE_TOK_WORD &&
        (gap_dash(c, c->t[a->j - 1].end, c->t[a->j].start, 0) || spaced)) {
        const char *hw = TERM(c, a->j);
        if (has_prefix(hw, "процентн"))
            r->compound_unit = "%";
        else if (has_prefix(hw, "долларов"))
            r->compound_unit = "доллар";
        else if (has_prefix(hw, "рублев"))
            r->compound_unit = "рубль";
        else if (has_prefix(hw, "тонн"))
            r->compound_unit = "т";
        else if (!has_prefix(hw, "местн") && !has_prefix(hw, "тысячн") &&
                 !has_prefix(hw, "миллионн") && !has_prefix(hw, "кратн")) {
            size_t nx = next_joined(c, a->j);
            int k = hyphen_kind(c, hw, nx < c->n ? TERM(c, nx) : "");
            if (k < 0)
                return 1;
            r->f.kind = k;
            r->hyphen_kind = 1;
            return 0;
        }
        if (i > 0 && c->ru && !a->spelled && alone_on_line(c, t0->start, t0->end))
            return 1;
    }
    if (i > 0) {
        const char *pw = TERM(c, i - 1);
        if (in_list(pw, ID_BEFORE) && gap_blank(c, c->t[i - 1].end, t0->start, 1))
            r->f.kind = IZDE_FIG_NAME;
        if (is_month(pw) && gap_blank(c, c->t[i - 1].end, t0->start, 0) && !a->spelled)
            return 1; /* «декабря 2017» */
    }
    return 0;
}

/* A Russian spelled ordinal word of units («шестом», «первого»): its
 * digit 1..9, else 0. */
static int ru_ordinal_digit(const char *w)
{
    static const char *const STEM[] = {"перв", "втор", "трет", "четверт", "пят", "шест",
                                       "седьм", "восьм", "девят", NULL};
    static const char *const END[] = {"ый", "ой", "ий", "ая", "ое", "ого", "ому", "ом", "ую",
                                      "ые", "ых", "ым", "ыми", "ья", "ье", "ьего", "ьему",
                                      "ьем", "ьей", "ью", "ьи", "ьих", "ьим", "ей", "ое", NULL};
    for (int d = 0; STEM[d]; d++)
        if (has_prefix(w, STEM[d]) && in_list(w + strlen(STEM[d]), END))
            return d + 1;
    return 0;
}

/* Is there a small score «6-3» (digits, hyphen, digits, each below 10)
 * ending at byte e (backward) or starting at byte s (forward)? */
static int small_pair(const char *t, size_t len, size_t at, int forward)
{
    int parts = 0, digits = 0, hy = 0;
    for (size_t x = at; forward ? x < len : x > 0; forward ? x++ : x--) {
        char ch = t[forward ? x : x - 1];
        if (isdig(ch)) {
            if (++digits > 1)
                return 0;
        } else if (ch == '-' && digits && !hy) {
            hy = 1, parts++, digits = 0;
        } else {
            break;
        }
    }
    return hy && digits == 1 && parts == 1;
}

/* A range of two numbers below 10 next to another («3-6, 6-3, 6-3»): set
 * scores of a match, not a count. */
static int score_list(const fctx *c, const fig_read *r)
{
    if (!r->ranged || r->a.spelled || r->f.value > 9 || r->f.high > 9 ||
        r->end - r->f.num_start > 3)
        return 0;
    size_t x = r->end;
    while (x < c->len && (c->text[x] == ' ' || c->text[x] == ','))
        x++;
    if (x > r->end && memchr(c->text + r->end, ',', x - r->end) &&
        small_pair(c->text, c->len, x, 1))
        return 1;
    x = r->f.num_start;
    while (x > 0 && (c->text[x - 1] == ' ' || c->text[x - 1] == ','))
        x--;
    return x < r->f.num_start && memchr(c->text + x, ',', r->f.num_start - x) &&
           small_pair(c->text, c->len, x, 0);
}

/* Street words: numbers after them, and the list of them, are house numbers. */
static const char *const STREET[] = {"ул", "улица", "улице", "улицы", "проспект", "пр-т",
                                     "переулок", "пер", "мкр", "микрорайон", "көчөсү",
                                     "көчөсүндө", "проспектиси", "дом", NULL};

/* What the words around a number say: a temperature or angle («30°»,
 * «-2…-4°», «1...6»): 1, not a figure; a house number after a street
 * («Гагарин көчөсү, 46, 48»): a name; «16 (1 + 0)»: a score.  The whole after «из» following a count («две машины
 * из трех», «115 делегатов из 207 возможных»): r->part, the part's noun,
 * which the whole counts too unless it names its own.  A spelled ordinal after spelled tens («в восемьдесят
 * шестом»): the number grows by it and becomes an ordinal. */
static int title_case(const fctx *c, size_t k);

static int context_not_count(const fctx *c, fig_read *r)
{
    size_t i = r->i, e = c->t[r->a.j - 1].end, q;
    if (e < c->len && c->text[e] == ' ')
        e++; /* «+50 °C» */
    if (e + 1 < c->len && memcmp(c->text + e, "\xc2\xb0", 2) == 0)
        return 1;
    e = c->t[r->a.j - 1].end;
    /* «от -50 до +50 °C»: the degree sign after the range's end */
    size_t upto = r->a.j;
    num hb;
    if (upto + 1 < c->n && strcmp(TERM(c, upto), "до") == 0 && read_number(c, upto + 1, &hb)) {
        size_t he = c->t[hb.j - 1].end;
        if (he < c->len && c->text[he] == ' ')
            he++;
        if (he + 1 < c->len && memcmp(c->text + he, "\xc2\xb0", 2) == 0)
            return 1;
    }
    /* «1...6», «-1…-3»: a range written with an ellipsis is a forecast's
     * temperatures */
    size_t x = e, s0 = c->t[i].start;
    if (x + 3 < c->len && (memcmp(c->text + x, "...", 3) == 0 ||
                           memcmp(c->text + x, "\xe2\x80\xa6", 3) == 0)) {
        x += 3;
        if (x < c->len && (c->text[x] == '-' || c->text[x] == '+'))
            x++;
        if (x < c->len && isdig(c->text[x]))
            return 1;
    }
    if (s0 > 0 && (c->text[s0 - 1] == '-' || c->text[s0 - 1] == '+'))
        s0--;
    if (s0 >= 4 && (memcmp(c->text + s0 - 3, "...", 3) == 0 ||
                    memcmp(c->text + s0 - 3, "\xe2\x80\xa6", 3) == 0) &&
        isdig(c->text[s0 - 4]))
        return 1;
    for (x = e; x < c->len && c->text[x] == ' '; x++)
        ;
    if (!r->a.spelled && x + 1 < c->len && c->text[x] == '+' &&
        (isdig(c->text[x + 1]) || (c->text[x + 1] == ' ' && x + 2 < c->len && isdig(c->text[x + 2]))))
        r->f.kind = IZDE_FIG_SCORE; /* a stat line: goals + assists */
    num b;
    if (c->ru && i >= 2 && strcmp(TERM(c, i - 1), "из") == 0)
        for (q = i - 2; q + 4 >= i; q--) {
            if (read_number(c, q, &b) && b.j <= i - 1) {
                if (b.j < i - 1 && c->t[i - 2].kind == IZDE_TOK_WORD)
                    r->part = i - 1;
                break;
            }
            if (q == 0 || chunk_break(c, q))
                break;
        }
    /* the start q of a list of numbers «46, 48, 50», «68, 31, 9; 13», «76б , 78» */
    for (q = i; q > 0 && (c->t[q - 1].kind == IZDE_TOK_NUMBER || isdig(TERM(c, q - 1)[0])) &&
                c->t[q].start - c->t[q - 1].end <= 3 &&
                (memchr(c->text + c->t[q - 1].end, ',', c->t[q].start - c->t[q - 1].end) ||
                 memchr(c->text + c->t[q - 1].end, ';', c->t[q].start - c->t[q - 1].end));)
        q--;
    if (q < i) { /* «№ 68, 31, 9», «Өзгөн-1, 2, 4»: the list goes on a name */
        size_t b0 = c->t[q].start;
        while (b0 > 0 && c->text[b0 - 1] == ' ')
            b0--;
        if ((b0 >= 3 && memcmp(c->text + b0 - 3, "\xe2\x84\x96", 3) == 0) ||
            (q > 0 && b0 == c->t[q].start && c->text[b0 - 1] == '-' &&
             c->t[q - 1].end == b0 - 1 && c->t[q - 1].kind == IZDE_TOK_WORD &&
             title_case(c, q - 1)))
            r->f.kind = IZDE_FIG_NAME;
    }
    UChar32 after = e < c->len ? char_at(c, e) : '\n';
    for (size_t k = q; k > 0 && k + 3 > q; k--)
        if (in_list(TERM(c, k - 1), STREET) &&
            (after == ',' || after == ';' || after == '.' || after == '\n'))
            r->f.kind = IZDE_FIG_NAME; /* an address */
    int d;
    if (c->ru && r->a.spelled && r->a.j < c->n && r->a.v >= 20 &&
        fmod(r->a.v, 10) == 0 && gap_blank(c, c->t[r->a.j - 1].end, c->t[r->a.j].start, 0) &&
        (d = ru_ordinal_digit(TERM(c, r->a.j))) > 0) {
        r->a.v += d;
        r->a.j++;
        r->f.kind = IZDE_FIG_ORDINAL;
    }
    return 0;
}

/* The tail of a composite number after a multiplier `m`: «179 миң 913»
 * (179913), «2 миллион 300 миң» (2300000), «1 млн 200 тыс.»: a number
 * in digits below `m`, with a smaller multiplier or none, is added. */
static void composite_tail(const fctx *c, fig_read *r, double m)
{
    izde_figure *f = &r->f;
    for (;;) {
        size_t q = next_joined(c, r->k);
        num b; /* digits, or digits with a case suffix: «2 миң 454ү» */
        if (q >= c->n || !isdig(TERM(c, q)[0]) || !read_number(c, q, &b) || b.spelled)
            return;
        double v = b.v, m2 = 1;
        size_t last = q, q2 = next_joined(c, q);
        if (q2 < c->n && (m2 = multiplier(TERM(c, q2))) > 0)
            last = q2;
        else
            m2 = 1;
        if (m2 >= m || v * m2 >= m || v < 0 ||
            (b.j < c->n && gap_dash(c, c->t[b.j - 1].end, c->t[b.j].start, 0)))
            return; /* «62 миң 11-класстын»: an ordinal, not a tail */
        f->value += v * m2;
        f->high = f->value;
        if (b.gunit) { /* «5 миң 358сомду» */
            r->a.gunit = b.gunit;
            r->a.gcurrency = b.gcurrency;
        }
        r->k = last;
        r->end = c->t[last].end;
        r->next = last + 1;
        if (m2 == 1)
            return;
        m = m2;
    }
}

/* [- NUMBER] [multiplier], or «от 10 до 20 тысяч». */
static void read_range(const fctx *c, fig_read *r)
{
    num b;
    izde_figure *f = &r->f;
    if (r->k + 1 < c->n && gap_dash(c, c->t[r->k].end, c->t[r->k + 1].start, 1) &&
        read_number(c, r->k + 1, &b) && b.spelled == r->a.spelled) {
        f->high = b.v;
        r->k = b.j - 1;
        r->end = c->t[r->k].end;
        r->ranged = 1;
        r->next = b.j;
    }
    /* multiplier «тыс.», «млн», «миң» */
    size_t n1 = next_joined(c, r->k);
    r->mult = 1;
    double m;
    if (n1 < c->n && (m = multiplier(TERM(c, n1))) > 0 && !r->a.spelled) {
        r->mult = m;
        r->k = n1;
        r->end = c->t[r->k].end;
        f->value *= m;
        f->high *= m;
        r->next = r->k + 1;
        if (!r->ranged)
            composite_tail(c, r, m);
    }
    if (r->ranged || r->i == 0 || strcmp(TERM(c, r->i - 1), "от") != 0)
        return;
    size_t d = next_joined(c, r->k);
    if (!(d < c->n && strcmp(TERM(c, d), "до") == 0 && next_joined(c, d) < c->n &&
          read_number(c, d + 1, &b) && b.spelled == r->a.spelled))
        return;
    double hv = b.v, m2;
    size_t kk = b.j - 1, mk = next_joined(c, kk);
    if (mk < c->n && (m2 = multiplier(TERM(c, mk))) > 0 && !b.spelled) {
        hv *= m2;
        kk = mk;
        if (r->mult == 1)
            f->value *= m2;
    } else {
        hv *= r->mult;
    }
    f->high = hv;
    r->k = kk;
    r->end = c->t[r->k].end;
    r->ranged = 1;
    r->next = r->k + 1;
}

/* The denominator a Russian fraction word stands for («трети» 3,
 * «пятых» 5, «сотых» 100), else 0. */
static double denominator(const char *w)
{
    static const struct { const char *stem; double d; } D[] = {
        {"трет", 3}, {"четверт", 4}, {"пят", 5}, {"шест", 6}, {"седьм", 7}, {"восьм", 8},
        {"девят", 9}, {"десят", 10}, {"сот", 100}, {"тысячн", 1000}, {NULL, 0}};
    static const char *const NOUN[] = {"ь", "и", "ей", "ью", "ям", "ями", "ях", NULL};
    static const char *const ADJ[] = {"ая", "ой", "ую", "ых", "ые", "ыми", "ым", NULL};
    for (size_t k = 0; D[k].stem; k++)
        if (has_prefix(w, D[k].stem) &&
            in_list(w + strlen(D[k].stem), D[k].d <= 4 ? NOUN : ADJ))
            return D[k].d;
    return 0;
}

/* A fraction: «две трети» 2/3, «три пятых» 3/5; Kyrgyz «үчтөн бири»
 * (one of three) 1/3, «үчтөн эки бөлүгү» 2/3.  The figure gets kind
 * fraction and its value; what follows may be its noun.  1: read. */
static int read_fraction(const fctx *c, fig_read *r)
{
    static const char *const ABL[] = {"дан", "ден", "дон", "дөн", "тан", "тен", "тон", "төн",
                                      "нан", "нен", "нон", "нөн", NULL};
    static const char *const ONE[] = {"бири", "бирин", "бирине", "биринде", "биринен",
                                      "биринин", NULL};
    if (r->ranged || r->mult != 1 || r->a.v <= 0)
        return 0;
    size_t q = next_joined(c, r->k);
    if (q >= c->n)
        return 0;
    double num = 0, d = 0;
    size_t last = q;
    const double *v;
    if (c->ru && (d = denominator(TERM(c, q))) > r->a.v) {
        num = r->a.v;
    } else if (c->ky && has_any_suffix(TERM(c, r->k), ABL)) {
        size_t q2 = next_joined(c, q);
        d = r->a.v;
        if (in_list(TERM(c, q), ONE))
            num = 1;
        else if ((v = lookup_num(KY_NUM, TERM(c, q))) && *v < d && q2 < c->n &&
                 has_prefix(TERM(c, q2), "бөлүг"))
            num = *v, last = q2;
    }
    if (num <= 0 || num >= d)
        return 0;
    r->f.value = r->f.high = num / d;
    r->f.kind = IZDE_FIG_FRACTION;
    r->k = last;
    r->end = r->f.num_end = c->t[last].end;
    return 1;
}


/* A number before the time word at token tw: a year, date or clock time
 * (1: not a figure: «2014 года», «5 декабря», «в 10 часов», «6 утра»),
 * or a figure of its own kind whose noun is the time word: an age («в
 * возрасте 45 лет», «45 жаштагы»), an anniversary («73 годовщины», «30
 * жылдыгы»), else a duration («16 лет», «7 месяцев»). */
static int time_kind(const fctx *c, fig_read *r, size_t tw)
{
    static const char *const CLOCK_BEFORE[] = {"в", "во", "к", "с", "до", NULL};
    static const char *const NOT_SPAN[] = {"г", "гг", "утра", "вечера", "ночи", NULL};
    const char *w = TERM(c, tw);
    size_t i = r->i;
    if (is_month(w) || r->f.qualifier == -1 || in_list(w, NOT_SPAN))
        return 1;
    if ((has_prefix(w, "час") || has_prefix(w, "минут")) && i > 0 &&
        in_list(TERM(c, i - 1), CLOCK_BEFORE))
        return 1;
    if (c->ky && !c->ru && has_prefix(w, "жыл") && r->f.value >= 1000)
        return 1; /* «2021 жылы» */
    int age = ky_age_word(w);
    for (size_t b = i; b > 0 && b + 3 > i && !age; b--)
        age = has_prefix(TERM(c, b - 1), "возраст");
    if (age)
        r->f.kind = IZDE_FIG_AGE;
    else if (has_prefix(w, "годовщин") || has_prefix(w, "жылдыг") || has_prefix(w, "юбиле"))
        r->f.kind = IZDE_FIG_ANNIVERSARY;
    else
        r->f.kind = IZDE_FIG_DURATION;
    r->noun = w;
    r->nk = r->k = tw;
    r->end = c->t[tw].end;
    return 0;
}

/* A capital, then a small letter: a name («Рублёв», «Том»), not a unit. */
static int title_case(const fctx *c, size_t k)
{
    size_t i = c->t[k].start;
    UChar32 a, b;
    U8_NEXT(c->text, i, c->len, a);
    if (i >= c->t[k].end)
        return 0;
    U8_NEXT(c->text, i, c->len, b);
    return u_isupper(a) && u_islower(b);
}

/* [unit]: «%», «$» before the number, a unit word; then what makes it
 * not a count after all: a time word or month, a list ending in one, a
 * word of ID_AFTER («155 статье»), a decade («1990-х»).  1: not a count. */
/* «245 млрд. куб. м», «50 кв. км», «10 квадратных метров», «20 чарчы
 * метр»: a square or cubic unit, read into r. */
static void square_or_cubic(const fctx *c, fig_read *r)
{
    size_t q = next_joined(c, r->k), m;
    if (q >= c->n)
        return;
    const char *w = TERM(c, q);
    int cube = strcmp(w, "куб") == 0 || has_prefix(w, "кубическ");
    int square = strcmp(w, "кв") == 0 || has_prefix(w, "квадратн") || strcmp(w, "чарчы") == 0;
    if (!cube && !square)
        return;
    /* «куб.» and «кв.» end in a period that does not end the sentence */
    m = q + 1;
    if (m >= c->n || c->t[m].start > c->t[q].end + 3 ||
        !gap_blank(c, c->t[q].end, c->t[m].start, 1))
        return;
    const char *u = TERM(c, m);
    int km = strcmp(u, "км") == 0 || has_prefix(u, "километр");
    if (!km && strcmp(u, "м") != 0 && !has_prefix(u, "метр"))
        return;
    r->f.unit = cube ? (km ? "км\xc2\xb3" : "м\xc2\xb3") : (km ? "км\xc2\xb2" : "м\xc2\xb2");
    r->k = m;
    r->end = c->t[m].end;
}

static int read_unit(const fctx *c, fig_read *r)
{
    izde_figure *f = &r->f;
    if (r->end < c->len) {
        size_t p = r->end, w;
        while (p < c->len && is_space_at(c->text, p, c->len, &w) && c->text[p] != '\n')
            p += w;
        if (p < c->len && c->text[p] == '%') {
            f->unit = "%";
            r->end = p + 1;
        }
    }
    if (read_fraction(c, r))
        return 0;
    if (!f->unit && r->a.gunit) {
        f->unit = r->uname = r->a.gunit;
        r->ucurrency = r->a.gcurrency;
    }
    if (!f->unit && !r->a.spelled) {
        UChar32 pb = char_before(c, c->t[r->i].start, 1, NULL);
        if (pb == '$')
            f->unit = "доллар";
        else if (pb == 0x20AC)
            f->unit = "евро";
        else if (pb == 0x20BD)
            f->unit = "рубль";
        else if (pb == 0xA3)
            f->unit = "фунт";
        else if (pb == 0xA5)
            f->unit = "юань";
        else if (pb == 0x20B8)
            f->unit = "тенге";
        else if (pb == 0x20B4)
            f->unit = "гривна";
    }
    if (!f->unit)
        square_or_cubic(c, r);
    if (!f->unit) {
        size_t un = next_joined(c, r->k);
        /* «578 миң АКШ долларын»: the country before its currency */
        if (un + 1 < c->n && in_list(TERM(c, un), (const char *const[]){"акш", "сша", NULL}) &&
            gap_blank(c, c->t[un].end, c->t[un + 1].start, 0)) {
            int cur = 0, bare;
            if (izde__counted_unit(c->counted, TERM(c, un + 1), strlen(TERM(c, un + 1)), &cur,
                                   &bare) && cur)
                un++;
        }
        if (un < c->n && !title_case(c, un) &&
            (r->uname = izde__counted_unit(c->counted, TERM(c, un), strlen(TERM(c, un)),
                                           &r->ucurrency, &r->ubare)) != NULL) {
            f->unit = r->uname;
            r->k = un;
            r->end = c->t[r->k].end;
            /* «5,4 млрд м³»: the superscript after the token */
            if (r->end + 1 < c->len && (unsigned char)c->text[r->end] == 0xC2 &&
                ((unsigned char)c->text[r->end + 1] == 0xB3 ||
                 (unsigned char)c->text[r->end + 1] == 0xB2) &&
                (!strcmp(f->unit, "м") || !strcmp(f->unit, "км"))) {
                int cube = (unsigned char)c->text[r->end + 1] == 0xB3;
                f->unit = r->uname = !strcmp(f->unit, "км") ? (cube ? "км\xc2\xb3" : "км\xc2\xb2")
                                                         : (cube ? "м\xc2\xb3" : "м\xc2\xb2");
                r->end += 2;
            }
            /* «40-50 м/с», «км/ч»: a unit of a rate, not the one read */
            if (r->end + 1 < c->len && c->text[r->end] == '/' &&
                (unsigned char)c->text[r->end + 1] >= 0x80)
                return 1;
        }
    }
    /* «на 1,8 и 2,3%»: a unit written once after the last of two numbers */
    if (!f->unit && !r->a.spelled) {
        size_t o = next_joined(c, r->k);
        num b;
        if (o + 1 < c->n && in_list(TERM(c, o), (const char *const[]){"и", "или", "жана", NULL}) &&
            c->t[o + 1].kind == IZDE_TOK_NUMBER && read_number(c, o + 1, &b) && b.j == o + 2) {
            size_t e2 = c->t[o + 1].end;
            while (e2 < c->len && c->text[e2] == ' ')
                e2++;
            if (e2 < c->len && c->text[e2] == '%')
                f->unit = "%";
        }
    }
    /* time words: a year or date (not a figure), an age, a duration */
    size_t tw = next_joined(c, r->k);
    if (tw < c->n && !f->unit &&
        (is_time_word(TERM(c, tw)) || is_month(TERM(c, tw)) || ky_age_word(TERM(c, tw))))
        return time_kind(c, r, tw);
    if (!f->unit && list_ends_in_time(c, r->k))
        return 1; /* «с 11 по 14 апреля», «на 20 и 10 лет», «30, 20 и 19 лет» */
    if (tw < c->n && (in_list(TERM(c, tw), ID_AFTER) || has_prefix(TERM(c, tw), "дарег") ||
                      has_prefix(TERM(c, tw), "дарек")))
        return 1; /* «155 статье», «на 59 месте», «159 УК», «-20 дарегиндеги» */
    if (tw < c->n && !f->unit && in_list(TERM(c, tw), (const char *const[]){"с", "стр", NULL}) &&
        c->t[tw].end < c->len && c->text[c->t[tw].end] == '.')
        return 1; /* «– 216 с.»: the pages of a book */
    return r->a.cardinal_sfx && f->qualifier == -1; /* «1990-х» */
}

/* Does the number end its noun phrase, so no noun follows?  A currency
 * («100 сом»), a kind other than count or fraction, a Kyrgyz multiplier
 * with a possessive or case («686,7 миллионун»), a Kyrgyz number with a
 * case or possessive («910го жетти», «454ү кат»). */
static int no_noun_after(const fctx *c, const fig_read *r)
{
    if ((r->uname && r->ucurrency) || (r->f.kind != IZDE_FIG_COUNT && r->f.kind != IZDE_FIG_FRACTION))
        return 1;
    const char *w = TERM(c, r->k);
    if (c->ky && !c->ru && multiplier(w) > 0 &&
        !has_any_suffix(w, (const char *const[]){"дей", "дай", "дой", "дөй", "тей", "тай", "той",
                                                 "төй", NULL}) && /* «миңдей киши» about 1000 */
        !in_list(w, (const char *const[]){"миң", "миӊ", "миллион", "миллиард", "млн", "млрд",
                                          "тыс", NULL}))
        return 1;
    return c->ky && !r->uname && c->t[r->k].kind != IZDE_TOK_NUMBER && !lookup_num(KY_NUM, w) &&
           (isdig(w[0]) || ky_numeral(w));
}

/* The word at q cannot be the counted noun and ends the search: a stop
 * word, a number, a one-letter abbreviation («2017 р.»), a name after a
 * unit, a capital opening a sentence after an abbreviation's period
 * («95 тыс. Растят»), a verb, a Kyrgyz converb or participle, a word
 * after an inflected Kyrgyz unit («96 пайызы»). */
static int ends_noun_search(const fctx *c, const fig_read *r, size_t p, size_t q)
{
    num b;
    const char *w = TERM(c, q);
    if (is_stop(c, w) || read_number(c, q, &b) || multiplier(w) > 0 || nchars(w) < 2)
        return 1;
    int upper = u_isupper(char_at(c, c->t[q].start));
    if ((r->f.unit && upper) ||
        (upper && memchr(c->text + c->t[p].end, '.', c->t[q].start - c->t[p].end)))
        return 1;
    if (c->ru && ru_verbish(w) && !ru_adjective(w))
        return 1;
    if (c->ky && !c->ru && (ky_verbish(w) || ky_participle_case(w) || ky_converb(w)))
        return 1;
    if (c->ky && !c->ru && r->f.unit && ky_past_like(w))
        return 1; /* «7,04 пайыз алды» */
    /* «60 болушу керек», «бир экендигин»: a form of бол- or экен (to be)
     * is never the noun */
    if (c->ky && !c->ru && ((has_prefix(w, "бол") && !has_prefix(w, "болжол") && nchars(w) >= 4) ||
                            has_prefix(w, "экен")))
        return 1;
    /* «57 кг салмакта», «100 чакырым алыстыкта»: a locative after a unit
     * says where or in what, not what is measured */
    if (c->ky && !c->ru && r->f.unit && nchars(w) >= 5 &&
        has_any_suffix(w, (const char *const[]){"да", "де", "та", "те", "до", "дө", "то", "тө",
                                                NULL}))
        return 1;
    /* «10 тыс. т вошел»: after a unit a noun is in the genitive, never a
     * past-tense verb in -л */
    static const char *const NOT_GEN[] = {"л", "ом", "ем", "ами", "ями", "ам", "ям", "ью", "нь",
                                          NULL};
    if (c->ru && r->f.unit && has_any_suffix(w, NOT_GEN))
        return 1; /* «на 2 метра вариантом», «400 м очень», «10 тыс. т вошел» */
    return c->ky && !c->ru && r->uname && !r->ubare;
}

static int not_a_noun(const fctx *c, size_t q);

/* Is w, before the word at q2 (next_ok: a word that may follow), a
 * modifier to skip on the way to the noun? */
static int modifier_before(const fctx *c, const fig_read *r, const char *w, size_t q2,
                           int next_ok)
{
    static const char *const LYK[] = {"лык", "лик", "лук", "лүк", "дык", "дик", "дук", "дүк",
                                      "тык", "тик", "тук", "түк", /* and -сыз: «көз карандысыз» */
                                      "сыз", "сиз", "суз", "сүз", NULL};
    int kyo = c->ky && !c->ru;
    if (!next_ok)
        return 0;
    const char *n2 = TERM(c, q2);
    if (!kyo) /* «три откровенно мёртвых мяча», «двумя наиболее титулованными» */
        return (c->ru && ru_adjective(w)) ||
               (c->ru && r->f.value != 1 && (has_suffix(w, "о") || has_suffix(w, "ее")) &&
                nchars(w) >= 6 && ru_adjective(n2));
    /* «3 кыргызстандык каза болду»: the adjective is the noun when what
     * follows it makes a verb with бол-/кыл- */
    size_t q3 = next_joined(c, q2);
    if (q3 < c->n && (not_a_noun(c, q2) || has_prefix(TERM(c, q3), "кыл")))
        return 0;
    /* «вотсап тайпалары»: a modifier before a plural possessive head, but
     * «12 партиянын өкүлдөрү» counts the genitive; «эл аралык уюм», «чет
     * элдик жаран»: a bare noun before a -лык adjective is part of it,
     * «8 бейтапка амбулатордук жардам» counts бейтап */
    return ky_adjective(w) || (ky_plural_possessive(n2) && !ky_genitive(w)) ||
           (has_any_suffix(n2, LYK) && nchars(n2) >= 4 && !has_any_suffix(w, KY_CASED) &&
            !(q3 < c->n && strcmp(TERM(c, q3), "деп") == 0) && /* «20 уюм террордук деп» */
            /* «45 студент тигүүчүлүк кесибин»: the -лык word goes with an
             * object that has its own possessor */
            !(q3 < c->n && (ky_possessive_accusative(TERM(c, q3)) ||
                            /* «698 киши коомдук иштерге»: the -лык phrase is
                             * an oblique object's, not the counted noun's */
                            (has_any_suffix(TERM(c, q3), KY_CASED) && !ky_genitive(TERM(c, q3)) &&
                             nchars(TERM(c, q3)) >= 5))));
}

/* The word at q is no noun: a Russian adverb of frequency «ежегодно», an
 * adverb in -но before a verb;
 * a Kyrgyz noun that makes a verb with бол-/тап- («63 каза болду» 63
 * died, «набыт болуп», «кайтыш болду»). */
static int not_a_noun(const fctx *c, size_t q)
{
    const char *w = TERM(c, q);
    if (c->ru && has_prefix(w, "еже") && has_suffix(w, "о") && nchars(w) >= 7)
        return 1;
    /* «40 миллионов регулярно слушали»: an adverb before a verb */
    size_t v0 = next_joined(c, q);
    if (c->ru && has_suffix(w, "но") && nchars(w) >= 6 && v0 < c->n &&
        ru_verbish(TERM(c, v0)) && !ru_adjective(TERM(c, v0)))
        return 1;
    if (!c->ky || c->ru || !in_list(w, (const char *const[]){"каза", "набыт", "кайтыш", NULL}))
        return 0;
    size_t v = next_joined(c, q);
    return v < c->n && (has_prefix(TERM(c, v), "бол") || has_prefix(TERM(c, v), "тап") ||
                        has_prefix(TERM(c, v), "таб"));
}

/* «1200 городских, пригородных и междугородних маршрутов»: the noun
 * after a list of adjectives that starts at q; q when there is none. */
static size_t after_adjectives(const fctx *c, size_t q)
{
    size_t k = q;
    for (int n = 0; n < 6 && k + 1 < c->n && ru_adjective(TERM(c, k)); n++) {
        size_t x = k + 1;
        const char *gap = c->text + c->t[k].end;
        size_t gl = c->t[x].start - c->t[k].end;
        int comma = gl <= 2 && memchr(gap, ',', gl);
        if (!comma && strcmp(TERM(c, x), "и") == 0 && gap_blank(c, c->t[k].end, c->t[x].start, 0))
            x++, comma = 1;
        else if (!comma && gap_blank(c, c->t[k].end, c->t[x].start, 0) && k > q &&
                 !ru_adjective(TERM(c, x)) && c->t[x].kind == IZDE_TOK_WORD)
            return x; /* the noun after the last adjective */
        if (!comma || x >= c->n || !ru_adjective(TERM(c, x)))
            return q;
        k = x;
    }
    if (k > q && k + 1 < c->n && gap_blank(c, c->t[k].end, c->t[k + 1].start, 0) &&
        c->t[k + 1].kind == IZDE_TOK_WORD && !is_stop(c, TERM(c, k + 1)) &&
        !ru_adjective(TERM(c, k + 1)) && !ru_verbish(TERM(c, k + 1)))
        return k + 1;
    return q;
}

/* Is n2 the head of a Kyrgyz compound that starts with the bare noun w
 * («медицина кызматкери», «көмөк чордону», «кылмыш иши»)? */
static int ky_compound_head(const fctx *c, const char *w, size_t q2)
{
    const char *n2 = TERM(c, q2);
    static const char *const PART[] = {"ган", "ген", "гон", "гөн", "кан", "кен", "кон", "көн",
                                       NULL};
    if (!c->ky || c->ru || !ky_head_possessive(n2) || ky_verbish(n2) || ky_converb(n2) ||
        ky_past_like(n2) || ky_adjective(n2))
        return 0; /* «студент жазгы»: an adjective in -гы is no head */
    for (const char *const *p = PART; *p; p++) /* «2 жолу соттолгондугу»: a clause */
        if (strstr(n2, *p))
            return 0;
    /* «12 адам толугу менен айыкты»: a possessive before менен is an adverbial */
    size_t q3 = next_joined(c, q2);
    if (q3 < c->n && strcmp(TERM(c, q3), "менен") == 0)
        return 0;
    /* «28 градустан жогору»: an ablative, and a postposition after it */
    static const char *const ABL[] = {"дан", "ден", "тан", "тен", "дон", "дөн", "тон", "төн",
                                      "нан", "нен", "нон", "нөн", NULL};
    if (in_list(n2, (const char *const[]){"жогору", "төмөн", "ашыгы", "ары", "бери", NULL}))
        return 0;
    return !ky_genitive(w) && !has_any_suffix(w, KY_CASED) && !has_any_suffix(w, ABL) &&
           !ky_head_possessive(w) && !ky_adjective(w) && !ky_plural_possessive(w);
}

/* [adjectives] [noun]: the counted noun, over up to two modifiers.
 * 1: a time word where the noun would be, so not a count. */
static int read_noun(const fctx *c, fig_read *r)
{
    num b;
    size_t p = r->k;
    for (int hops = 0; !no_noun_after(c, r) && hops < 4; hops++) {
        size_t q = next_joined(c, p);
        if (q >= c->n || c->t[q].kind != IZDE_TOK_WORD)
            break;
        const char *w = TERM(c, q);
        if ((is_time_word(w) || is_month(w)) && !r->f.unit)
            return 1;
        /* «в 2 раза больше»: a ratio; «девять раз»: a count of occasions */
        if (c->ru && hops == 0 && !r->f.unit && (!strcmp(w, "раз") || !strcmp(w, "раза"))) {
            if (r->i > 0 && in_list(TERM(c, r->i - 1), (const char *const[]){"в", "во", NULL}))
                r->f.kind = IZDE_FIG_RATIO;
            r->noun = w;
            r->nk = q;
            break;
        }
        if (is_time_word(w) || is_month(w) || ends_noun_search(c, r, p, q) || not_a_noun(c, q))
            break;
        /* «21 ракетно-бомбовый удар», «шесть дизель-электрических подлодок»:
         * the first part of a compound adjective */
        if (c->ru && q + 1 < c->n && c->t[q + 1].start == c->t[q].end + 1 &&
            c->text[c->t[q].end] == '-' && hops < 2 &&
            (ru_adjective(TERM(c, q + 1)) ||
             has_any_suffix(TERM(c, q + 1), (const char *const[]){"ый", "ий", "ое", "ее", NULL}))) {
            p = q + 1;
            continue;
        }
        /* «1729 үй-бүлөлүк дарыгерлер»: a hyphenated adjective */
        if (c->ky && !c->ru && q + 1 < c->n && c->t[q + 1].start == c->t[q].end + 1 &&
            c->text[c->t[q].end] == '-' && ky_adjective(TERM(c, q + 1)) && hops < 2) {
            p = q + 1;
            continue;
        }
        /* «40 теле- и радиостанций»: the first part of a compound whose
         * end is given once, after «и» */
        if (c->t[q].end + 1 < c->len && c->text[c->t[q].end] == '-' &&
            c->text[c->t[q].end + 1] == ' ' && q + 2 < c->n &&
            in_list(TERM(c, q + 1), (const char *const[]){"и", "или", "и/или", "жана", NULL})) {
            p = q + 1;
            continue;
        }
        size_t q2 = next_joined(c, q);
        int next_ok = q2 < c->n && c->t[q2].kind == IZDE_TOK_WORD && !is_stop(c, TERM(c, q2)) &&
                      !read_number(c, q2, &b);
        /* «трое полицейских окружили»: an adjective before a verb is the noun;
         * so is a Kyrgyz word before a verb («3 миң 88 кайрылуу келип») */
        if (next_ok && c->ru && ru_verbish(TERM(c, q2)) && !ru_adjective(TERM(c, q2)))
            next_ok = 0;
        if (next_ok && c->ky && !c->ru &&
            (ky_converb(TERM(c, q2)) || ky_verbish(TERM(c, q2))))
            next_ok = 0;
        if (modifier_before(c, r, w, q2, next_ok) && hops < 3) {
            p = q;
            continue;
        }
        if (c->ru && ru_adjective(w) && (q2 = after_adjectives(c, q)) != q)
            q = q2, w = TERM(c, q);
        else if (next_ok && ky_compound_head(c, w, q2))
            q = q2, w = TERM(c, q); /* «6 миң 810 медицина кызматкери» */
        r->noun = w;
        r->nk = q;
        break;
    }
    if (r->noun) {
        r->k = r->nk;
        r->end = c->t[r->k].end;
    }
    return 0;
}

/* Russian prepositions: a spelled «one» after one is not a count. */
static const char *const RU_PREP[] = {"в", "во", "на", "с", "со", "по", "за", "из", "от", "до",
                                      "у", "о", "об", "обо", "при", "к", "ко", "под", "над",
                                      "для", "без", "через", "между", "перед", NULL};

/* Kyrgyz «бир» (also the indefinite article) counts only before a noun
 * it counts: not «бир эле», not «ар бир» (each), «дагы бир» (another);
 * not before a quantity word (бир нече several, бир катар a number of,
 * бир топ a lot of, бир аз a little, бир жолу once); not as part of an
 * adjective or compound (бир тууган, бир жактуу); not with a noun in
 * the locative or ablative (бир убакта at the same time, бир тараптан
 * on one hand, бир добуштан unanimously).  1: not a count. */
static int ky_one_not_count(const fctx *c, const fig_read *r, size_t q)
{
    static const char *const BEFORE[] = {"ар", "дагы", "кайсы", "ошол", "ушул", "кээ", "эч",
                                         "белгилүү",
                                         "кандайдыр", "кандайча", "кайсыл", NULL};
    static const char *const QUANT[] = {"нече", "катар", "топ", "тобу", "топко", "тобуна", "аз",
                                        "азыраак",
                                        "далай", "кыйла", "канча", "жолу", "жолку", "ирет",
                                        "сыйра", "эле", "гана", "чети", NULL};
    static const char *const ADVERBIAL[] = {"да", "де", "та", "те", "до", "дө", "то", "тө",
                                            "дан", "ден", "тан", "тен", "нан", "нен", "дон",
                                            "дөн", "тон", "төн", NULL};
    size_t i = r->i;
    if (!r->noun || q >= c->n)
        return 1;
    if (i > 0 && in_list(TERM(c, i - 1), BEFORE))
        return 1;
    const char *w = TERM(c, q);
    if (in_list(w, QUANT) || has_prefix(w, "бөлүг") || has_prefix(w, "нече") ||
        ky_adjective(w) || ky_verbish(w))
        return 1; /* «бир бөлүгү» a part of, «бир нечесин» several of them */
    /* «бир ролум», «бир досубуз», «бир суроом»: one of my (our, your)
     * things, an indefinite; loanwords in -ум (форум, минимум) are not */
    static const char *const POSS[] = {"ум", "үм", "ым", "ом", "өм", "ыбыз", "ибиз", "убуз",
                                       "үбүз", "ңыз", "ңиз", "ңуз", "ңүз", NULL};
    static const char *const LOAN[] = {"орум", "иум", "мум", "дум", "ылым", "ктум", NULL};
    if (has_any_suffix(w, POSS) && !has_any_suffix(w, LOAN) && nchars(w) >= 4)
        return 1;
    /* a participle, with a plural or possessive after it: «бир тууганы»,
     * «бир туугандары» (sibling) */
    static const char *const PART[] = {"ган", "ген", "гон", "гөн", "кан", "кен", "кон", "көн",
                                       NULL};
    for (const char *const *p = PART; *p; p++) {
        const char *at = strstr(w, *p);
        if (at && nchars(at) < nchars(w) && at - w >= 4)
            return 1;
    }
    return has_any_suffix(r->noun, ADVERBIAL) && nchars(r->noun) > 3;
}

/* «бир» before a noun is mostly the indefinite «a» («бир иш бар», «бир
 * чечимге келди»); news count one only in what happened to someone:
 * died, was hurt, detained, found («бир адам мерт кетти», «бир аял каза
 * болду»).  1: not a count. */
static int ky_one_indefinite(const fctx *c, const fig_read *r)
{
    static const char *const EVENT[] = {"каза", "мерт", "жабыр", "кармал", "жарадар", "жараат",
                                        "жаракат", "окко", "өлтүр", "камал", "курман", "набыт",
                                        "кайтыш", "дайынсыз", "табылды", "көз", "ооруканага",
                                        "өлүк", "сүзүл", NULL};
    if (r->f.unit || !r->noun || r->f.kind != IZDE_FIG_COUNT)
        return 0;
    size_t k = r->nk;
    for (int n = 0; n < 3; n++) {
        k = next_joined(c, k);
        if (k >= c->n)
            break;
        for (const char *const *e = EVENT; *e; e++)
            if (has_prefix(TERM(c, k), *e))
                return 0;
    }
    return 1;
}

/* What only the noun decides: a 4-digit 1000..2100 is a count only before
 * a noun it counts («В 2001 принят» is a year); «один из», a lone «бир»,
 * «ещё один» are not counts.  1: not a count. */
static int year_or_lone_one(const fctx *c, fig_read *r)
{
    size_t i = r->i;
    if (r->f.qualifier == -1) {
        if ((!r->noun && !r->f.unit) || (i > 0 && is_month(TERM(c, i - 1))))
            return 1;
        /* «Чемпион мира — 2002 выпустил»: a year before a verb in the past */
        if (c->ru && r->noun && !r->f.unit &&
            has_any_suffix(r->noun, (const char *const[]){"ил", "ал", "ел", "ила", "ала", "ела",
                                                          "или", "али", "ели", NULL}) &&
            nchars(r->noun) >= 5)
            return 1;
        if (i > 0 && !r->f.unit &&
            in_list(TERM(c, i - 1), (const char *const[]){"в", "с", "по", "до", "к", "от", "на",
                                                          "после", "между", "начиная", NULL}))
            return 1;
        r->f.qualifier = IZDE_QUAL_EXACT;
    }
    /* «таңкы сегизден кечки сегизге»: hours */
    static const char *const DAYTIME[] = {"таңкы", "кечки", "түнкү", "күндүзгү", "саат", NULL};
    if (r->a.spelled && c->ky && !c->ru &&
        ((i > 0 && in_list(TERM(c, i - 1), DAYTIME)) ||
         (r->a.j < c->n && in_list(TERM(c, r->a.j), DAYTIME))))
        return 1;
    if (!(r->a.spelled && r->f.value == 1 && r->a.j == i + 1))
        return 0;
    size_t q = next_joined(c, i);
    if (strcmp(TERM(c, i), "бир") == 0)
        return ky_one_not_count(c, r, q) || ky_one_indefinite(c, r);
    if (!r->noun || (q < c->n && strcmp(TERM(c, q), "из") == 0))
        return 1;
    /* set phrases: «одним словом», «одним пасом» (a manner, not a count), «одно
     * целое», «одно дело — …, другое» */
    if (strcmp(TERM(c, i), "одним") == 0 ||
        in_list(r->noun, (const char *const[]){"словом", "целое", NULL}) ||
        (strcmp(r->noun, "дело") == 0 && gap_dash(c, r->end, r->end + 4 < c->len ? r->end + 4 : r->end, 1)))
        return 1;
    /* «ещё один», «ни одного», «хотя бы один»: not a count; nor «one»
     * governed by a preposition, an adverbial or a set phrase: «с одной
     * стороны», «в одном случае», «в один голос», «по одним данным» */
    if (i > 0 && (in_list(TERM(c, i - 1), (const char *const[]){"еще", "ни", "бы", NULL}) ||
                  in_list(TERM(c, i - 1), RU_PREP)))
        return 1;
    /* a spelled «one» is mostly the indefinite «a» («одну историю», «одна
     * команда»); a count only with a unit or a word that stresses the
     * number («только один», «всего одна», «лишь одну») */
    static const char *const STRESS[] = {"только", "всего", "лишь", "ровно", "единственный",
                                         "минимум", "максимум", NULL};
    /* a report's passive or its verb of loss before it counts: «возбуждено
     * одно дело», «задержан один», «погиб один человек» */
    static const char *const PASSIVE[] = {"ено", "ано", "ято", "ена", "ана", "ята", "ены", "аны",
                                          NULL};
    static const char *const LOSS[] = {"погиб", "умер", "пострада", "скончал", "задержан",
                                       "ранен", "убит", "арестован", "осужден", "найден",
                                       "обнаружен", "госпитализирован", "спасен", NULL};
    if (!c->ru || r->f.unit)
        return c->ru && !r->f.unit;
    size_t after = next_joined(c, r->nk); /* «Один человек погиб» */
    const char *around[2] = {i > 0 ? TERM(c, i - 1) : "", after < c->n ? TERM(c, after) : ""};
    if (in_list(around[0], STRESS))
        return 0;
    for (int a = 0; a < 2; a++) {
        if (nchars(around[a]) >= 5 && has_any_suffix(around[a], PASSIVE))
            return 0;
        for (const char *const *l = LOSS; *l; l++)
            if (has_prefix(around[a], *l))
                return 0;
    }
    return 1;
}

/* [qualifier] before: «более», «более чем», «не менее», «около», «до». */
static void qualifier_before(const fctx *c, fig_read *r)
{
    size_t i = r->i;
    if (!(i > 0 && gap_blank(c, c->t[i - 1].end, c->t[i].start, 0)))
        return;
    const char *q1 = TERM(c, i - 1);
    const char *q0 =
        i > 1 && gap_blank(c, c->t[i - 2].end, c->t[i - 1].start, 0) ? TERM(c, i - 2) : "";
    size_t qs = c->t[i - 1].start;
    int ql = -1;
    if (strcmp(q1, "чем") == 0 && (strcmp(q0, "более") == 0 || strcmp(q0, "больше") == 0))
        ql = IZDE_QUAL_MORE, qs = c->t[i - 2].start;
    else if (strcmp(q1, "чем") == 0 && (strcmp(q0, "менее") == 0 || strcmp(q0, "меньше") == 0))
        ql = IZDE_QUAL_LESS, qs = c->t[i - 2].start;
    else if (strcmp(q0, "не") == 0 && (strcmp(q1, "менее") == 0 || strcmp(q1, "меньше") == 0))
        ql = IZDE_QUAL_MORE, qs = c->t[i - 2].start;
    else if (strcmp(q0, "не") == 0 && (strcmp(q1, "более") == 0 || strcmp(q1, "больше") == 0))
        ql = IZDE_QUAL_LESS, qs = c->t[i - 2].start;
    else if (in_list(q1, (const char *const[]){"около", "порядка", "примерно", "приблизительно",
                                               "почти", "дээрлик", "болжол", "болжолу", NULL}))
        ql = IZDE_QUAL_ABOUT;
    else if (strcmp(q1, "менен") == 0 && strcmp(q0, "болжол") == 0)
        ql = IZDE_QUAL_ABOUT, qs = c->t[i - 2].start;
    else if (in_list(q1, (const char *const[]){"более", "свыше", "больше", "сверх", NULL}))
        ql = IZDE_QUAL_MORE;
    else if (in_list(q1, (const char *const[]){"менее", "меньше", NULL}))
        ql = IZDE_QUAL_LESS;
    else if (strcmp(q1, "до") == 0 && !r->ranged)
        ql = IZDE_QUAL_LESS;
    if (ql >= 0) {
        r->f.qualifier = ql;
        r->f.start = qs;
    }
}

/* The Kyrgyz qualifier word at token q: an IZDE_QUAL_*, or -1; «кем
 * эмес» (at least) moves *q to «эмес». */
static int ky_qualifier_at(const fctx *c, size_t *q)
{
    const char *w = TERM(c, *q);
    if (in_list(w, (const char *const[]){"ашуун", "ашык", "ашыгыраак", "ашуунраак", NULL}))
        return IZDE_QUAL_MORE;
    if (in_list(w, (const char *const[]){"жакын", "чукул", "чамалуу", NULL}))
        return IZDE_QUAL_ABOUT;
    if (!in_list(w, (const char *const[]){"кем", "чейин", NULL}))
        return -1;
    size_t q2 = next_joined(c, *q);
    if (q2 < c->n && strcmp(TERM(c, q2), "эмес") == 0) {
        *q = q2;
        return IZDE_QUAL_MORE;
    }
    return IZDE_QUAL_LESS;
}

/* [qualifier] after, in Kyrgyz: after the number («100дөн ашуун лидер»,
 * the noun then follows, over one adjective) or after its noun («100
 * адамдан ашык»). */
static void qualifier_after_ky(const fctx *c, fig_read *r)
{
    size_t numlast = r->a.j - 1;
    while (numlast + 1 < c->n && c->t[numlast + 1].end <= r->f.num_end)
        numlast++;
    size_t after[2] = {numlast, r->k};
    for (int z = 0; z < 2 && r->f.qualifier == IZDE_QUAL_EXACT; z++) {
        size_t q = next_joined(c, after[z]);
        int ql;
        if (q >= c->n || (ql = ky_qualifier_at(c, &q)) < 0)
            continue;
        r->f.qualifier = ql;
        if (c->t[q].end > r->end)
            r->end = c->t[q].end;
        if (z != 0 || r->noun)
            continue;
        size_t w = next_joined(c, q);
        if (w < c->n && c->t[w].kind == IZDE_TOK_WORD && !is_stop(c, TERM(c, w)) &&
            !is_time_word(TERM(c, w))) {
            size_t w2 = next_joined(c, w);
            if (ky_adjective(TERM(c, w)) && w2 < c->n && c->t[w2].kind == IZDE_TOK_WORD &&
                !is_stop(c, TERM(c, w2)))
                w = w2;
            r->noun = TERM(c, w);
            r->nk = w;
            r->end = c->t[w].end;
        }
    }
}

/* What the figure counts (counted.c): its noun's key and label, else its
 * unit; nothing when neither.  IZDE_OK or IZDE_ENOMEM. */
static int counts_of(const fctx *c, izde_figure *f)
{
    int ky = c->ky && !c->ru;
    const char *w = f->noun ? f->noun : f->unit;
    if (!w)
        return IZDE_OK;
    f->key = f->noun ? izde__counted_key(c->counted, w, strlen(w), ky) : strdup(w);
    f->label = f->noun ? izde__counted_label(c->counted, w, strlen(w), ky) : strdup(w);
    return f->key && f->label ? IZDE_OK : IZDE_ENOMEM;
}

static void figure_clear(izde_figure *f)
{
    free((char *)f->noun);
    free((char *)f->noun_stem);
    free((char *)f->key);
    free((char *)f->label);
}

/* Keep the figure: its noun as written and stemmed, what it counts, its
 * sentence. */
static int keep_figure(const fctx *c, fig_read *r, izde_figures *fs, struct izde_stemmer *stemmer)
{
    izde_figure *f = &r->f;
    f->end = r->end;
    sentence_of(c, f->start, &f->sent_start, &f->sent_end);
    if (r->noun) {
        const ftok *nt = &c->t[r->nk];
        char *copy = malloc(nt->end - nt->start + 1);
        if (!copy)
            return IZDE_ENOMEM;
        memcpy(copy, c->text + nt->start, nt->end - nt->start);
        copy[nt->end - nt->start] = 0;
        f->noun = copy;
        if (stemmer) {
            size_t sl;
            const char *st = izde_stemmer_stem(stemmer, copy, strlen(copy), &sl);
            char *sc = st ? malloc(sl + 1) : NULL;
            if (!sc) {
                free(copy);
                return IZDE_ENOMEM;
            }
            memcpy(sc, st, sl);
            sc[sl] = 0;
            f->noun_stem = sc;
        }
    }
    if (counts_of(c, f) != IZDE_OK || push(fs, f) != IZDE_OK) {
        figure_clear(f);
        return IZDE_ENOMEM;
    }
    return IZDE_OK;
}

static int set_against(const fctx *c, const fig_read *r);

/* Keep a figure that is its number alone: a score (whose number part
 * holds both sides, «2:1»), a number in a name, a compound («70-
 * процентное», «58-й», «45-летний») whose noun is not counted. */
static int push_whole(const fctx *c, fig_read *r, izde_figures *fs, size_t *next)
{
    izde_figure *f = &r->f;
    size_t e = f->num_end;
    if (r->compound_unit || r->hyphen_kind) {
        f->unit = r->compound_unit;
        e = c->t[r->a.j].end;
    }
    while (f->kind == IZDE_FIG_SCORE && e + 1 < c->len && c->text[e] == ':' &&
           isdig(c->text[e + 1]))
        for (e++; e < c->len && isdig(c->text[e]); e++)
            ;
    num b; /* «51 к 49»: both sides */
    size_t q = next_joined(c, r->k);
    if (f->kind == IZDE_FIG_SCORE && set_against(c, r) && read_number(c, q + 1, &b))
        e = c->t[b.j - 1].end;
    if (f->kind == IZDE_FIG_SCORE)
        f->num_end = e;
    f->end = e;
    sentence_of(c, f->start, &f->sent_start, &f->sent_end);
    while (*next < c->n && c->t[*next].start < e)
        (*next)++;
    if (counts_of(c, f) != IZDE_OK || push(fs, f) != IZDE_OK) {
        figure_clear(f);
        return IZDE_ENOMEM;
    }
    return IZDE_OK;
}

/* The part of «четыре из шести шайб», «12 из 14 мячей» counts the
 * whole's noun when it has none of its own. */
static void part_of_whole(const fctx *c, fig_read *r)
{
    num b;
    size_t q = next_joined(c, r->k);
    if (!c->ru || r->noun || r->f.unit || q >= c->n || strcmp(TERM(c, q), "из") != 0 ||
        q + 1 >= c->n || !read_number(c, q + 1, &b) || b.j >= c->n ||
        !gap_blank(c, c->t[b.j - 1].end, c->t[b.j].start, 0))
        return;
    size_t nw = b.j;
    const char *w = TERM(c, nw);
    if (c->t[nw].kind != IZDE_TOK_WORD || is_stop(c, w) || ru_verbish(w) || nchars(w) < 2 ||
        multiplier(w) > 0 || is_time_word(w))
        return;
    if (ru_adjective(w)) {
        size_t n2 = after_adjectives(c, nw);
        if (n2 == nw && nw + 1 < c->n && gap_blank(c, c->t[nw].end, c->t[nw + 1].start, 0) &&
            c->t[nw + 1].kind == IZDE_TOK_WORD && !is_stop(c, TERM(c, nw + 1)) &&
            !ru_verbish(TERM(c, nw + 1)))
            n2 = nw + 1;
        nw = n2;
    }
    r->noun = TERM(c, nw);
    r->nk = nw;
}

/* The whole of «N из M» counts the part's noun when it names none of its
 * own: no noun, an adjective («из 207 возможных»), a verb or a short
 * participle («из трех разбиты»).  k0, end0: the figure before the noun. */
static void whole_of_part(const fctx *c, fig_read *r, size_t k0, size_t end0)
{
    if (!r->part || r->f.unit)
        return;
    if (r->noun && !ru_adjective(r->noun) && !ru_verbish(r->noun) &&
        !(has_suffix(r->noun, "ты") && nchars(r->noun) >= 5))
        return;
    r->noun = TERM(c, r->part - 1);
    r->nk = r->part - 1;
    r->k = k0;
    r->end = end0;
}

/* An age told by the verb: «ему исполнилось 90», «стукнет 73», Kyrgyz
 * «9га чыкты» (turned 9). */
static void age_by_verb(const fctx *c, fig_read *r)
{
    static const char *const DATIVE[] = {"га", "ге", "ка", "ке", "го", "гө", "ко", "кө", NULL};
    size_t i = r->i, j = r->a.j;
    if (r->noun || r->f.unit || r->f.kind != IZDE_FIG_COUNT)
        return;
    if ((c->ky && !c->ru && has_any_suffix(TERM(c, j - 1), DATIVE) && j < c->n &&
         has_prefix(TERM(c, j), "чык")) ||
        (i > 0 && (has_prefix(TERM(c, i - 1), "исполни") || has_prefix(TERM(c, i - 1), "стукн"))))
        r->f.kind = IZDE_FIG_AGE;
}

/* Is the sentence around byte at written mostly in Latin letters (a
 * quote in English, a caption)?  Its nouns cannot be read: no figures. */
static int latin_sentence(const fctx *c, size_t at)
{
    size_t s, e, latin = 0, cyr = 0;
    sentence_of(c, at, &s, &e);
    for (size_t x = s; x < e; x++) {
        unsigned char ch = (unsigned char)c->text[x];
        if (isalpha_ascii((char)ch))
            latin++;
        else if (ch >= 0xD0 && ch <= 0xD4)
            cyr++; /* the lead byte of a Cyrillic letter */
    }
    return latin > 2 * cyr && latin >= 12;
}

/* Is token i a number after «Name, » («Вишча, 39»)? */
static int after_name_comma(const fctx *c, size_t i)
{
    if (i == 0 || i >= c->n || c->t[i].kind != IZDE_TOK_NUMBER ||
        c->t[i - 1].kind != IZDE_TOK_WORD || !title_case(c, i - 1))
        return 0;
    size_t a = c->t[i - 1].end, b = c->t[i].start;
    return b == a + 2 && c->text[a] == ',' && c->text[a + 1] == ' ';
}

/* «(Медуньянин, 30, Вишча, 39, Думич, 82)»: names each with a number, a
 * match's goals by minute or a table; no counts. */
static int name_number_list(const fctx *c, size_t i)
{
    return after_name_comma(c, i) &&
           ((i + 2 < c->n && after_name_comma(c, i + 2)) || (i >= 2 && after_name_comma(c, i - 2)));
}

/* «4 × 6 км», «3х4 м»: a number multiplied by another, a format or a size */
static int multiplied(const fctx *c, const num *a)
{
    size_t s = c->t[a->i].start, e = c->t[a->j - 1].end, x;
    for (x = e; x < c->len && c->text[x] == ' '; x++)
        ;
    if (x + 1 < c->len && ((unsigned char)c->text[x] == 0xC3 && (unsigned char)c->text[x + 1] == 0x97))
        return 1; /* × after */
    size_t p = x < c->len && (c->text[x] == 'x' || c->text[x] == '*') ? x + 1
               : x + 1 < c->len && memcmp(c->text + x, "х", 2) == 0 ? x + 2 : 0;
    if (p && p + 1 < c->len &&
        (isdig(c->text[p]) || (c->text[p] == ' ' && isdig(c->text[p + 1]))))
        return 1; /* x, *, Cyrillic х between two numbers */
    for (x = s; x > 0 && c->text[x - 1] == ' '; x--)
        ;
    return x >= 2 && (unsigned char)c->text[x - 2] == 0xC3 && (unsigned char)c->text[x - 1] == 0x97;
}

/* «3.Ну я же…», «2) Приехать»: a list item's number at the start of a
 * line, a period or bracket and a capital after it. */
static int list_marker(const fctx *c, size_t i)
{
    size_t s = c->t[i].start, e = c->t[i].end;
    while (s > 0 && (c->text[s - 1] == ' ' || c->text[s - 1] == '\t'))
        s--;
    if (s > 0 && c->text[s - 1] != '\n')
        return 0;
    if (c->t[i].kind != IZDE_TOK_NUMBER || e >= c->len || (c->text[e] != '.' && c->text[e] != ')'))
        return 0;
    e++;
    while (e < c->len && c->text[e] == ' ')
        e++;
    return e < c->len && u_isupper(char_at(c, e));
}

/* «51 к 49»: two numbers set against each other, a ratio or a vote. */
static int set_against(const fctx *c, const fig_read *r)
{
    num b;
    size_t q = next_joined(c, r->k);
    return c->ru && !r->a.spelled && !r->f.unit && q + 1 < c->n && strcmp(TERM(c, q), "к") == 0 &&
           gap_blank(c, c->t[q].end, c->t[q + 1].start, 0) && read_number(c, q + 1, &b) &&
           !b.spelled;
}

/* «3 килограмм 260 грамм», «1 м 80 см»: a measure in two units is one
 * figure in the larger (3.26 кг). */
static void measure_tail(const fctx *c, fig_read *r)
{
    static const struct { const char *big, *small; double per; } SUB[] = {
        {"т", "кг", 1000}, {"кг", "г", 1000}, {"км", "м", 1000}, {"м", "см", 100},
        {"см", "мм", 10}};
    num b;
    int cur, bare;
    const char *u = r->f.unit;
    size_t q = next_joined(c, r->k);
    if (!u || r->ranged || q >= c->n || c->t[q].kind != IZDE_TOK_NUMBER ||
        !read_number(c, q, &b) || b.j >= c->n || !gap_blank(c, c->t[q].end, c->t[b.j].start, 0))
        return;
    const char *u2 = izde__counted_unit(c->counted, TERM(c, b.j), strlen(TERM(c, b.j)), &cur,
                                        &bare);
    for (size_t x = 0; u2 && x < sizeof SUB / sizeof SUB[0]; x++)
        if (strcmp(u, SUB[x].big) == 0 && strcmp(u2, SUB[x].small) == 0 && b.v < SUB[x].per) {
            r->f.value += b.v / SUB[x].per;
            r->f.high = r->f.value;
            r->k = b.j;
            r->end = c->t[b.j].end;
            r->next = b.j + 1;
            return;
        }
}

/* Try a figure at token i; *next receives the token to go on from. */
static int try_figure(fctx *c, size_t i, izde_figures *fs, struct izde_stemmer *stemmer,
                      size_t *next)
{
    fig_read r;
    memset(&r, 0, sizeof r);
    r.i = i;
    *next = i + 1;
    if (!read_number(c, i, &r.a))
        return IZDE_OK;
    *next = r.a.j;
    if ((!r.a.spelled && digits_not_count(c, i, &r.a, &r.f.kind)) ||
        (r.a.spelled && spelled_not_count(c, i, &r.f.kind)) || ordinal_or_id(c, &r) ||
        context_not_count(c, &r))
        return IZDE_OK;
    izde_figure *f = &r.f;
    f->value = f->high = r.a.v;
    f->spelled = r.a.spelled;
    f->start = f->num_start = c->t[i].start;
    r.k = r.a.j - 1;
    r.end = c->t[r.k].end;
    r.next = *next;
    read_range(c, &r);
    *next = r.next;
    if (f->kind == IZDE_FIG_COUNT && (score_list(c, &r) || set_against(c, &r)))
        f->kind = IZDE_FIG_SCORE; /* «3-6, 6-3, 6-3», «51 к 49» */
    if (latin_sentence(c, f->start) || name_number_list(c, i) || list_marker(c, i) ||
        (!r.a.spelled && multiplied(c, &r.a)))
        return IZDE_OK;
    if (r.ranged && f->high == f->value && !r.a.spelled && f->kind == IZDE_FIG_COUNT)
        f->kind = IZDE_FIG_SCORE; /* «1-1»: a draw, not a range */
    if (r.ranged && r.end + 2 < c->len) { /* «от -50 до +50 °C»: temperatures */
        size_t x = r.end;
        while (x < c->len && c->text[x] == ' ')
            x++;
        if (x + 1 < c->len && memcmp(c->text + x, "\xc2\xb0", 2) == 0)
            return IZDE_OK;
    }
    /* «Индустрия 4.0», «Web 2.0»: a version after a name */
    if (!r.a.spelled && i > 0 && c->t[i - 1].kind == IZDE_TOK_WORD &&
        (title_case(c, i - 1) || isalpha_ascii(c->text[c->t[i - 1].start])) &&
        c->t[i].end - c->t[i].start >= 3 && memcmp(c->text + c->t[i].end - 2, ".0", 2) == 0)
        return IZDE_OK;
    if (!r.hyphen_kind && !r.compound_unit && date_after(c, r.k, r.ranged))
        return IZDE_OK; /* «27-28-августта», «1- сентябрдан» */
    f->num_end = r.end;
    if (f->kind == IZDE_FIG_SCORE || f->kind == IZDE_FIG_NAME ||
        f->kind == IZDE_FIG_ORDINAL || r.compound_unit ||
        r.hyphen_kind)
        return push_whole(c, &r, fs, next);
    if (!r.a.spelled && f->value >= 1000 && f->value <= 2100 && r.mult == 1 &&
        (r.a.plain4 || r.a.cardinal_sfx))
        f->qualifier = -1; /* maybe a year: decided by year_or_lone_one */
    if (read_unit(c, &r))
        return IZDE_OK;
    measure_tail(c, &r);
    if (r.next > *next)
        *next = r.next;
    size_t k0 = r.k, end0 = r.end;
    if (read_noun(c, &r))
        return IZDE_OK;
    whole_of_part(c, &r, k0, end0);
    if (!r.noun) {
        part_of_whole(c, &r);
        r.k = k0, r.end = end0;
    }
    if (year_or_lone_one(c, &r))
        return IZDE_OK;
    age_by_verb(c, &r);
    /* «лет 10-15 назад»: a time word before a number with no noun makes
     * an approximate duration */
    if (c->ru && i > 0 && !r.noun && !f->unit && f->kind == IZDE_FIG_COUNT &&
        in_list(TERM(c, i - 1), (const char *const[]){"лет", "месяцев", "недель", "дней",
                                                      "часов", "минут", "суток", NULL}) &&
        gap_blank(c, c->t[i - 1].end, c->t[i].start, 0))
        f->kind = IZDE_FIG_DURATION;
    /* «6 сом 50 тыйын»: the small coins of an amount just read */
    int money = 0, bare;
    if (r.noun && (has_prefix(r.noun, "тыйын") || has_prefix(r.noun, "копе")) && i > 0 &&
        izde__counted_unit(c->counted, TERM(c, i - 1), strlen(TERM(c, i - 1)), &money, &bare) &&
        money)
        return IZDE_OK;
    qualifier_before(c, &r);
    if (c->ky)
        qualifier_after_ky(c, &r);
    /* a number in words with nothing it counts («о двух «мамах»», «в двух
     * других партиях»): what it counts is not known, so it is no figure */
    if (r.a.spelled && c->ru && !c->ky && !r.noun && !f->unit && f->kind == IZDE_FIG_COUNT)
        return IZDE_OK;
    /* one Kyrgyz numeral word alone, with nothing it counts: a homonym
     * («жүз бурду» turned its face, «он жакта» on the right) or a manner
     * («экиге бөлдүк» split in two) */
    if (r.a.spelled && r.a.j == i + 1 && c->ky && !c->ru && !r.noun && !f->unit &&
        f->kind == IZDE_FIG_COUNT)
        return IZDE_OK;
    /* «эки тараптын», «эки жактын»: both sides, a set phrase */
    if (r.a.spelled && c->ky && !c->ru && f->value <= 2 && r.noun &&
        (has_prefix(r.noun, "тарап") || has_prefix(r.noun, "жак")))
        return IZDE_OK;
    /* «эки тараптуу мамиле» bilateral, «үч тилдүү»: a numeral inside an
     * adjective in -луу/-дуу/-туу, not a count */
    static const char *const LUU[] = {"луу", "лүү", "дуу", "дүү", "туу", "түү", "луу", "лыу",
                                      NULL};
    if (r.a.spelled && c->ky && !c->ru && r.a.j < c->n && c->t[r.a.j].kind == IZDE_TOK_WORD &&
        has_any_suffix(TERM(c, r.a.j), LUU) && nchars(TERM(c, r.a.j)) >= 6)
        return IZDE_OK;
    int rc = keep_figure(c, &r, fs, stemmer);
    /* go on after the number part (a noun may hold another number: no) */
    size_t last = *next;
    while (last < c->n && c->t[last].start < f->num_end)
        last++;
    *next = last;
    return rc;
}

int izde__figures_extract(izde_figures **out, izde_analyzer *analyzer, const char *text,
                          size_t len, const char *lang, struct izde_stemmer *stemmer)
{
    *out = NULL;
    izde_figures *fs = calloc(1, sizeof *fs);
    if (!fs)
        return IZDE_ENOMEM;
    fctx c;
    memset(&c, 0, sizeof c);
    c.text = text;
    c.len = len;
    c.ru = !lang || strcmp(lang, "ky") != 0;
    c.ky = !lang || strcmp(lang, "ru") != 0;
    izde_analyzer *an = analyzer;
    int rc = (c.counted = izde__counted_new()) ? IZDE_OK : IZDE_ENOMEM;
    if (rc == IZDE_OK && !an) {
        char *err = NULL;
        rc = izde_analyzer_new(&an, &err);
        free(err);
    }
    if (rc == IZDE_OK)
        rc = izde_analyze(an, text, len, on_tok, &c);
    if (rc == IZDE_OK && c.terms.oom)
        rc = IZDE_ENOMEM;
    if (rc == IZDE_OK)
        rc = split_sentences(&c);
    for (size_t i = 0; rc == IZDE_OK && i < c.n;) {
        size_t next;
        rc = try_figure(&c, i, fs, stemmer, &next);
        i = next > i ? next : i + 1;
    }
    if (an != analyzer)
        izde_analyzer_free(an);
    izde__buf_free(&c.terms);
    izde__counted_free(c.counted);
    free(c.t);
    free(c.sent);
    if (rc != IZDE_OK) {
        izde__figures_free(fs);
        return rc;
    }
    *out = fs;
    return IZDE_OK;
}

static const char *const qual_names[] = {"exact", "about", "more", "less"};

const char *izde__qualifier_name(int q)
{
    return q >= 0 && q <= 3 ? qual_names[q] : "exact";
}

static const char *const kind_names[IZDE_FIG_NKINDS] = {
    "count", "age", "duration", "anniversary", "ordinal", "fraction", "score", "name",
    "ratio"};

const char *izde__figure_kind_name(int kind)
{
    return kind >= 0 && kind < IZDE_FIG_NKINDS ? kind_names[kind] : "count";
}

int izde__figure_kind_of(const char *name)
{
    for (int k = 0; name && k < IZDE_FIG_NKINDS; k++)
        if (strcmp(name, kind_names[k]) == 0)
            return k;
    return IZDE_FIG_COUNT;
}
