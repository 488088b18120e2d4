/*
 * test_clean.c - site chrome removal, titles, sources and dates (clean.c)
 * on the sample articles in corpus/ and on made-up cases: every sentence
 * of an article survives cleaning, no chrome line does.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "izde-private.h"

static char *slurp(const char *name, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/corpus/%s", IZDE_SOURCE_DIR, name);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *b = malloc(1 << 20);
    *len = fread(b, 1, (1 << 20) - 1, f);
    b[*len] = '\0';
    fclose(f);
    return b;
}

/* Is `l` (n bytes) one whole line of the clean text? */
static int has_line(const izde_clean *c, const char *l, size_t n)
{
    for (const char *p = c->text; p && *p;) {
        const char *e = strchr(p, '\n');
        size_t k = e ? (size_t)(e - p) : strlen(p);
        if (k == n && memcmp(p, l, n) == 0)
            return 1;
        p = e ? e + 1 : p + k;
    }
    return 0;
}

/* Every line of the original that ends a sentence survives. */
static void check_sentences_kept(const char *orig, const izde_clean *c)
{
    for (const char *p = orig; *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        while (n && (p[n - 1] == ' ' || p[n - 1] == '\r'))
            n--;
        const char *s = p;
        size_t k = n;
        while (k && *s == ' ')
            s++, k--;
        int words = 0;
        for (size_t i = 0; i < k; i++)
            words += s[i] == ' ';
        size_t q = k; /* closing quotes after the punctuation */
        while (q && (s[q - 1] == '"' || (q >= 2 && memcmp(s + q - 2, "\xc2\xbb", 2) == 0) ||
                     (q >= 3 && memcmp(s + q - 3, "\xe2\x80\x9d", 3) == 0)))
            q -= s[q - 1] == '"' ? 1 : (unsigned char)s[q - 1] == 0xbb ? 2 : 3;
        int ends = q > 0 && (s[q - 1] == '.' || s[q - 1] == '!' ||
                             (q >= 3 && memcmp(s + q - 3, "\xe2\x80\xa6", 3) == 0));
        if (ends && words >= 2 && !has_line(c, s, k))
            fail_msg("sentence dropped: %.*s", (int)(k > 120 ? 120 : k), s);
        p = e ? e + 1 : p + strlen(p);
    }
}

static void check_dropped(const izde_clean *c, const char *const *chrome)
{
    for (; *chrome; chrome++)
        if (has_line(c, *chrome, strlen(*chrome)))
            fail_msg("chrome kept: %s", *chrome);
}

/* How many whole lines of the clean text are `l`? */
static int count_line(const izde_clean *c, const char *l)
{
    int k = 0;
    size_t n = strlen(l);
    for (const char *p = c->text; p && *p;) {
        const char *e = strchr(p, '\n');
        size_t m = e ? (size_t)(e - p) : strlen(p);
        k += m == n && memcmp(p, l, n) == 0;
        p = e ? e + 1 : p + m;
    }
    return k;
}

/* Lines of article text that stay, each once. */
static void check_kept(const izde_clean *c, const char *const *text)
{
    for (; text && *text; text++)
        if (count_line(c, *text) != 1)
            fail_msg("article text kept %d times, not once: %s", count_line(c, *text), *text);
}

typedef struct seed {
    const char *file, *title, *source;
    const char *chrome[32];
    const char *kept[8];
} seed;

static const seed seeds[] = {
    {"000_d565b1d6aecbcaa9.txt",
     "Более 300 мероприятий по профилактике религиозного экстремизма и терроризма проведено в Алматы",
     "vecher.kz",
     {"Более 300 мероприятий по профилактике религиозного экстремизма и терроризма проведено в "
      "Алматы РСК Алматы",
      "Ваша реакция?", "Нравится", "0", "Не нравится", "Смешно", "Возмутительно",
      "Спасибо за Ваше мнение", "Последние новости", "16:49", "12:35", NULL},
     {NULL}},
    {"001_63a034247d8c2709.txt",
     "ИИМ: Диний-экстремисттик уюмдардын социалдык тармактардагы ишмердүүлүгүнө каршы күрөш "
     "күчөтүлүүдө",
     "ИИМдин Басма сөз кызматы", {"ИИМдин Басма сөз кызматы", NULL}, {NULL}},
    {"002_3874bc77a9b6e931.txt", "Укрепление межнационального согласия — основа стабильности",
     "nur.kz",
     {"Top.Mail.Ru", "Версия сайта", "ru kz", "Актуальное", "Все категории", "Опубликовано:",
      "Фото: КГУ \"Управление внутренней политики акимата Жамбылской области\"",
      "Оригинал статьи: "
      "https://www.nur.kz/society/1873903-ukreplenie-meznacionalnogo-soglasia---osnova-stabilnosti/",
      NULL},
     /* the photos' captions are the article's: "Совещание" captions four
      * photos, and is kept once */
     {"Проект", "Совещание", NULL}},
    {"003_14c9b7630dbfab34.txt", "11 терактов предотвращено казахстанскими спецслужбами с прошлого года",
     NULL,
     {"Прямой эфир Новости спорта", "Популярное в нашем Telegram-канале", "Новости партнеров",
      NULL},
     {NULL}},
    {"004_9dd1905dde7dd767.txt",
     "Министерство внутренних дел и молодежное объединение «Дала Қырандары» подпишут меморандум в "
     "сфере профилактики наркопреступности и защиты подростков от вовлечения в криминальную среду.",
     "newtimes.kz",
     {"Читайте также: Молодежное объединение из Астаны приехало очистить Макинск от синтетических "
      "наркотиков",
      "Читайте также: Символ перемен – живое дело «Дала Кырандары»", NULL},
     {NULL}},
};

static void test_seeds(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof seeds / sizeof *seeds; i++) {
        size_t len;
        char *text = slurp(seeds[i].file, &len);
        izde_clean c;
        assert_int_equal(izde__clean_article(&c, text, len, NULL, NULL), IZDE_OK);
        assert_non_null(c.title);
        if (strcmp(c.title, seeds[i].title) != 0)
            fail_msg("%s: title\n  want %s\n  got  %s", seeds[i].file, seeds[i].title, c.title);
        if (seeds[i].source)
            assert_string_equal(c.source, seeds[i].source);
        else
            assert_null(c.source);
        assert_null(c.date); /* none of the seeds says when it was published */
        check_sentences_kept(text, &c);
        check_dropped(&c, seeds[i].chrome);
        check_kept(&c, seeds[i].kept);
        izde__clean_free(&c);
        free(text);
    }
}

static izde_clean clean_str(const char *s, izde_seen *seen, const char *key)
{
    izde_clean c;
    assert_int_equal(izde__clean_article(&c, s, strlen(s), seen, key), IZDE_OK);
    return c;
}

/* Short sentences stay; a menu over the headline and a widget after the
 * last sentence go. */
static void test_short_sentences_kept(void **state)
{
    (void)state;
    izde_clean c = clean_str("Главное\nМеню\nЗаголовок статьи про важные события года\nОн ушёл.\n"
                             "Что дальше?\nДа!\nВаша оценка?\nЛайк\n",
                             NULL, NULL);
    assert_string_equal(c.text, "Заголовок статьи про важные события года\nОн ушёл.\nЧто дальше?\nДа!");
    izde__clean_free(&c);
}

/* Short lines inside the article are its text: subheadings, captions,
 * verse, a speaker's name, a short title opening the text. */
static void test_short_text_kept(void **state)
{
    (void)state;
    izde_clean c = clean_str("Умер Фидель Кастро\n"
                             "Фидель Кастро\n"
                             "Бывший лидер Кубы скончался в Гаване на 91-м году жизни.\n"
                             "Против терроризма\n"
                             "Суть учений сводится к проверке новых систем управления войсками.\n"
                             "Вертолёт Ми-28\n"
                             "Ми-28 прошёл испытания в Сирии, сообщили в министерстве.\n"
                             "Нурила Дөөлөтжанова:\n"
                             "— Менин кызым 2013-жылы Түркияга кеткен.\n"
                             "Дайте мне мой кусок жизни,\n"
                             "Завтра не будет детей\n"
                             "Дайте мне мой кусок жизни,\n"
                             "Что-то давно\n"
                             "Так кончается стихотворение.\n",
                             NULL, NULL);
    assert_string_equal(c.text, "Умер Фидель Кастро\n"
                                "Фидель Кастро\n"
                                "Бывший лидер Кубы скончался в Гаване на 91-м году жизни.\n"
                                "Против терроризма\n"
                                "Суть учений сводится к проверке новых систем управления войсками.\n"
                                "Вертолёт Ми-28\n"
                                "Ми-28 прошёл испытания в Сирии, сообщили в министерстве.\n"
                                "Нурила Дөөлөтжанова:\n"
                                "— Менин кызым 2013-жылы Түркияга кеткен.\n"
                                "Дайте мне мой кусок жизни,\n"
                                "Завтра не будет детей\n" /* the refrain's repeat goes */
                                "Что-то давно\n"
                                "Так кончается стихотворение.");
    izde__clean_free(&c);
}

/* A link that the scraper put on a line of its own goes back into its
 * sentence; a credit on a line of its own stays out of the caption. */
static void test_link_text_joined(void **state)
{
    (void)state;
    izde_clean c = clean_str("В ночь на 6 мая начал действовать \nмеморандум\n о создании зон деэскалации "
                             "в Сирии.\n«Будут прекращены», — \nговорится\n в тексте документа.\n"
                             "Об этом сообщает \nРИА Новости\n.\n"
                             " Иранские ядерные центрифуги \n globallookpress.com \n © Reuters \n"
                             "© Fancy Bears\nНапомним\n, ранее хакеры опубликовали данные.\n"
                             "Конец статьи о переговорах.\n",
                             NULL, NULL);
    assert_string_equal(c.text, "В ночь на 6 мая начал действовать меморандум о создании зон деэскалации "
                                "в Сирии.\n«Будут прекращены», — говорится в тексте документа.\n"
                                "Об этом сообщает РИА Новости.\n"
                                "Иранские ядерные центрифуги\n"
                                "Напомним, ранее хакеры опубликовали данные.\n"
                                "Конец статьи о переговорах.");
    izde__clean_free(&c);
}

/* Datelines, labels, credits and lines of links are chrome wherever they
 * stand. */
static void test_chrome_in_body(void **state)
{
    (void)state;
    izde_clean c = clean_str("Первый абзац статьи о выборах в парламент.\n"
                             "Опубликовано:\n"
                             "5 декабря 2019, 10:15\n"
                             "Ноя 18 2017 в 6:23 PST\n"
                             "Фото: Reuters\n"
                             "pic.twitter.com/GT0oUFUs0j\n"
                             "— FINA (@fina1908)\n"
                             "(@alexemelyanenko)\n"
                             "© Wikimedia Commons\n"
                             "Итоги голосования\n"
                             "Второй абзац статьи о выборах в парламент.\n",
                             NULL, NULL);
    assert_string_equal(c.text, "Первый абзац статьи о выборах в парламент.\nИтоги голосования\n"
                                "Второй абзац статьи о выборах в парламент.");
    izde__clean_free(&c);
}

static void test_dates(void **state)
{
    (void)state;
    izde_clean c = clean_str("Опубликовано: 18.04.2017 12:30\nЗаголовок статьи про важные события года\n"
                             "Текст статьи.\n", NULL, NULL);
    assert_string_equal(c.date, "2017-04-18");
    izde__clean_free(&c);
    c = clean_str("Опубликовано:\n\n5 декабря 2019, 10:15\nЗаголовок статьи про важные события "
                  "года\nТекст.\n", NULL, NULL);
    assert_string_equal(c.date, "2019-12-05");
    izde__clean_free(&c);
    c = clean_str("АЛМАТЫ, 2021-09-15\nЗаголовок статьи про важные события года\nТекст.\n", NULL,
                  NULL);
    assert_string_equal(c.date, "2021-09-15");
    izde__clean_free(&c);
    /* a date inside a sentence is not the publication date */
    c = clean_str("Заголовок статьи про важные события года\nЗакон принят 5 декабря 2019 года.\n",
                  NULL, NULL);
    assert_null(c.date);
    izde__clean_free(&c);
}

static void test_sources(void **state)
{
    (void)state;
    izde_clean c = clean_str("Заголовок статьи про важные события года\nБул тууралуу 24.kg "
                             "агенттигине министрлик билдирди.\n", NULL, NULL);
    assert_string_equal(c.source, "24.kg");
    izde__clean_free(&c);
    c = clean_str("Заголовок статьи про важные события года\nТекст, сообщает Kaktus.media со "
                  "ссылкой на МВД.\n", NULL, NULL);
    assert_string_equal(c.source, "kaktus.media");
    izde__clean_free(&c);
}

/* A line repeated in three articles of a source is chrome in the fourth. */
static void test_repeated_across_articles(void **state)
{
    (void)state;
    izde_seen *seen = izde__seen_new();
    const char *footer = "Подписывайтесь на наш канал в Telegram и Instagram";
    char buf[512];
    for (int i = 0; i < 4; i++) {
        snprintf(buf, sizeof buf, "Новость номер %d о важных событиях в регионе\nТекст новости %d.\n%s\n",
                 i, i, footer);
        izde_clean c = clean_str(buf, seen, "example.kg");
        if (i < 3)
            assert_non_null(strstr(c.text, footer));
        else
            assert_null(strstr(c.text, footer));
        izde__clean_free(&c);
    }
    /* another source has not seen it */
    snprintf(buf, sizeof buf, "Новость другого сайта о важных событиях в регионе\nТекст.\n%s\n", footer);
    izde_clean c = clean_str(buf, seen, "other.kz");
    assert_non_null(strstr(c.text, footer));
    izde__clean_free(&c);
    izde__seen_free(seen);
}

/* A line repeated in three articles of a source inside their text (a
 * "related" header, a photo credit) is chrome in the fourth; the first
 * three keep it, as nothing tells it from a subheading yet. */
static void test_repeated_in_body(void **state)
{
    (void)state;
    izde_seen *seen = izde__seen_new();
    char buf[512];
    for (int i = 0; i < 4; i++) {
        snprintf(buf, sizeof buf, "Первый абзац новости номер %d о событиях.\nТакже по теме\nReuters\n"
                 "Второй абзац новости номер %d о событиях.\n", i, i);
        izde_clean c = clean_str(buf, seen, "example.ru");
        assert_int_equal(count_line(&c, "Также по теме"), i < 3);
        assert_int_equal(count_line(&c, "Reuters"), i < 3);
        izde__clean_free(&c);
    }
    izde__seen_free(seen);
}

/* A file's articles counted first: its first article knows the lines the
 * next ones repeat.  Four articles with a line: chrome in all four; three:
 * in none (each has it in two others only). */
static void test_counted_first(void **state)
{
    (void)state;
    izde_seen *seen = izde__seen_new();
    char buf[4][512];
    for (int i = 0; i < 4; i++) {
        snprintf(buf[i], sizeof buf[i], "Первый абзац новости номер %d о событиях.\nТакже по теме\n%s"
                 "Второй абзац новости номер %d о событиях.\n", i, i < 3 ? "Разгром дня\n" : "", i);
        assert_int_equal(izde__seen_count(seen, buf[i], strlen(buf[i]), "example.ru"), IZDE_OK);
    }
    for (int i = 0; i < 4; i++) {
        izde_clean c;
        assert_int_equal(izde__clean_counted(&c, buf[i], strlen(buf[i]), seen, "example.ru"), IZDE_OK);
        assert_int_equal(count_line(&c, "Также по теме"), 0);
        assert_int_equal(count_line(&c, "Разгром дня"), i < 3);
        izde__clean_free(&c);
    }
    izde__seen_free(seen);
}

/* A sentence joined from pieces is chrome when ten other articles of the
 * source repeat it (a promo), not when four do (a quoted tweet). */
static void test_repeated_sentence(void **state)
{
    (void)state;
    izde_seen *seen = izde__seen_new();
    char buf[12][512];
    for (int i = 0; i < 12; i++) {
        snprintf(buf[i], sizeof buf[i],
                 "Первый абзац новости номер %d о событиях.\n%s"
                 "Подписывайтесь на наш \nTelegram\n, чтобы быть в курсе самых важных новостей.\n",
                 i, i < 4 ? "The media (failing \n@nytimes\n) is not my enemy!\n" : "");
        assert_int_equal(izde__seen_count(seen, buf[i], strlen(buf[i]), "example.ru"), IZDE_OK);
    }
    for (int i = 0; i < 12; i++) {
        izde_clean c;
        assert_int_equal(izde__clean_counted(&c, buf[i], strlen(buf[i]), seen, "example.ru"), IZDE_OK);
        assert_null(strstr(c.text, "Telegram"));
        assert_int_equal(count_line(&c, "The media (failing @nytimes) is not my enemy!"), i < 4);
        izde__clean_free(&c);
    }
    izde__seen_free(seen);
}

/* The RT video player, as scraped into the articles' text (shortened). */
static const char player[] =
    " jwplayer.key=\"kESrsgULvYO7r2MfUelqj3vs+2i8JdQBqjGNmA==\";\n"
    " jwplayer(\"js-mediaplayer-590dcd17c3618819268b4766_2\").setup({ advertising: (function() {\n"
    " if(window.location.pathname.indexOf('/preview/Article/') + 1 > 0) { return {}; }\n"
    "   return { client: \"vast\", tag: 'https://an.yandex.ru/meta/237738?imp-id=1&charset=UTF-8"
    "&target-ref=' + encodeURIComponent(location.href), } })(), file:        "
    "\"https://cdnv.rt.com/russian/video/2017.05/590dcd17c3618819268b4766.mp4\", // stretching: 'fill',\n"
    " // title:       \"\\u0421\\u043E\\u0433\\u043B\\u0430\\u0448\\u0435\\u043D\\u0438\\u0435\", "
    "aspectratio: \"16:9\", skin: { name: \"five\", active: \"#77bd1e\"\n"
    " }, width:       \"100%\", sharing: { heading : \"Поделиться Видео\", code: encodeURI('<div "
    "style=\"position: relative;padding-bottom: 56.25%; padding-top: 25px; height: 0;\"><iframe "
    "src=\"' + location.protocol + '\" frameborder=\"0\" allowfullscreen/></iframe></div>'), link: "
    "\"/world/article/386634\" }, events: { onPlay: function(){ if(ga) { ga('send', 'event', "
    "'JWPLAYER-GA', 'CLICK PLAY', location.href); } } } });\n"
    " for (var i = 0, max = players.length; i < max; i++) { var currentMediaId = players[i].id; "
    "if(currentMediaId != playingMediaId){ jwplayer(players[i]).play(false); } }\n";

/* Script, JSON and CSS lines never reach the clean text; markup and
 * entities are taken out of the text they wrap. */
static void test_code_dropped(void **state)
{
    (void)state;
    char buf[8192];
    snprintf(buf, sizeof buf,
             "Первый абзац статьи о зонах деэскалации в Сирии.\n%s"
             " Соглашение по Сирии в Астане: позиция Пентагона остаётся неясной \n"
             "trends.embed.renderExploreWidget(\"TIMESERIES\", {\"comparisonItem\":[{\"keyword\":"
             "\"World War 3\",\"geo\":\"\",\"time\":\"all\"}],\"category\":0,\"property\":\"\"});\n"
             "{\"id\": 5, \"title\": \"Заголовок\", \"tags\": [\"a\", \"b\"]}\n"
             "body{min-height:500px}.pb-full-screen{z-index: 2147483647; left: 0; top: 0; width: 100%%;}\n"
             "(function(d,s,id){var js,fjs=d.getElementsByTagName(s)[0];if(d.getElementById(id))"
             "return;js=d.createElement(s);js.id=id;fjs.parentNode.insertBefore(js,fjs);}(document,"
             "'script','sdk'));\n"
             "<blockquote class=\"instagram-media\" style=\" background:#FFF; border:0;\"><div "
             "style=\"padding:8px;\"><p><a href=\"https://www.instagram.com/p/BRi79x7FLyP/\" "
             "target=\"_blank\">Всех с победой и спасибо партнёрам по команде!</a></p></div></blockquote>"
             "<script async defer src=\"//platform.instagram.com/en_US/embeds.js\">\n"
             "Абзац после встроенной публикации, которого скрипт не съел.\n"
             "<script>\nvar n = 1;\n</script>\n"
             "&laquo;Мы обмануты&raquo;&nbsp;&mdash; сказал он &#171;Известиям&#187;.\n"
             "Последний абзац статьи о зонах деэскалации в Сирии.\n",
             player);
    izde_clean c = clean_str(buf, NULL, NULL);
    assert_string_equal(c.text, "Первый абзац статьи о зонах деэскалации в Сирии.\n"
                                "Соглашение по Сирии в Астане: позиция Пентагона остаётся неясной\n"
                                "Всех с победой и спасибо партнёрам по команде!\n"
                                "Абзац после встроенной публикации, которого скрипт не съел.\n"
                                "«Мы обмануты»\xc2\xa0— сказал он «Известиям».\n"
                                "Последний абзац статьи о зонах деэскалации в Сирии.");
    izde__clean_free(&c);
    /* a script cut before its end tag takes only the rest of its line */
    c = clean_str("Абзац перед скриптом, который обрезан.\n<script>var x = 1;\nАбзац после него.\n",
                  NULL, NULL);
    assert_string_equal(c.text, "Абзац перед скриптом, который обрезан.\nАбзац после него.");
    izde__clean_free(&c);
    /* an article that is all code is blank, not its code */
    c = clean_str(player, NULL, NULL);
    assert_string_equal(c.text, "");
    izde__clean_free(&c);
}

/* Prose that names code words stays, even beside code. */
static void test_prose_about_code_kept(void **state)
{
    (void)state;
    char buf[4096];
    snprintf(buf, sizeof buf,
             "В JavaScript слово function объявляет функцию, а return возвращает значение.\n"
             "Пример из учебника: function() { return 1; } — так пишут функцию.\n"
             "%s"
             "В коде плеера было слово function (это ключевое слово языка).\n"
             "Переменные объявляют словами var, let и const.\n",
             player);
    izde_clean c = clean_str(buf, NULL, NULL);
    assert_string_equal(c.text,
                        "В JavaScript слово function объявляет функцию, а return возвращает значение.\n"
                        "Пример из учебника: function() { return 1; } — так пишут функцию.\n"
                        "В коде плеера было слово function (это ключевое слово языка).\n"
                        "Переменные объявляют словами var, let и const.");
    izde__clean_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seeds),
        cmocka_unit_test(test_short_sentences_kept),
        cmocka_unit_test(test_short_text_kept),
        cmocka_unit_test(test_link_text_joined),
        cmocka_unit_test(test_chrome_in_body),
        cmocka_unit_test(test_repeated_in_body),
        cmocka_unit_test(test_counted_first),
        cmocka_unit_test(test_repeated_sentence),
        cmocka_unit_test(test_code_dropped),
        cmocka_unit_test(test_prose_about_code_kept),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_sources),
        cmocka_unit_test(test_repeated_across_articles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
