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

typedef struct seed {
    const char *file, *title, *source;
    const char *chrome[32];
} seed;

static const seed seeds[] = {
    {"000_d565b1d6aecbcaa9.txt",
     "Более 300 мероприятий по профилактике религиозного экстремизма и терроризма проведено в Алматы",
     "vecher.kz",
     {"Более 300 мероприятий по профилактике религиозного экстремизма и терроризма проведено в "
      "Алматы РСК Алматы",
      "Ваша реакция?", "Нравится", "0", "Не нравится", "Смешно", "Возмутительно",
      "Спасибо за Ваше мнение", "Последние новости", "16:49", "12:35", NULL}},
    {"001_63a034247d8c2709.txt",
     "ИИМ: Диний-экстремисттик уюмдардын социалдык тармактардагы ишмердүүлүгүнө каршы күрөш "
     "күчөтүлүүдө",
     "ИИМдин Басма сөз кызматы", {"ИИМдин Басма сөз кызматы", NULL}},
    {"002_3874bc77a9b6e931.txt", "Укрепление межнационального согласия — основа стабильности",
     "nur.kz",
     {"Top.Mail.Ru", "Версия сайта", "ru kz", "Актуальное", "Все категории", "Опубликовано:",
      "Проект", "Совещание",
      "Фото: КГУ \"Управление внутренней политики акимата Жамбылской области\"",
      "Оригинал статьи: "
      "https://www.nur.kz/society/1873903-ukreplenie-meznacionalnogo-soglasia---osnova-stabilnosti/",
      NULL}},
    {"003_14c9b7630dbfab34.txt", "11 терактов предотвращено казахстанскими спецслужбами с прошлого года",
     NULL,
     {"Прямой эфир Новости спорта", "Популярное в нашем Telegram-канале", "Новости партнеров",
      NULL}},
    {"004_9dd1905dde7dd767.txt",
     "Министерство внутренних дел и молодежное объединение «Дала Қырандары» подпишут меморандум в "
     "сфере профилактики наркопреступности и защиты подростков от вовлечения в криминальную среду.",
     "newtimes.kz",
     {"Читайте также: Молодежное объединение из Астаны приехало очистить Макинск от синтетических "
      "наркотиков",
      "Читайте также: Символ перемен – живое дело «Дала Кырандары»", NULL}},
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

static void test_short_sentences_kept(void **state)
{
    (void)state;
    izde_clean c = clean_str("Главное\nМеню\nОн ушёл.\nЧто дальше?\nДа!\nВаша оценка?\nЛайк\n",
                             NULL, NULL);
    assert_string_equal(c.text, "Он ушёл.\nЧто дальше?\nДа!");
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seeds),
        cmocka_unit_test(test_short_sentences_kept),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_sources),
        cmocka_unit_test(test_repeated_across_articles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
