/*
 * test_web_meta.c - a web page's metadata and their fallbacks
 * (html_meta.c): each field from its first source when the page has
 * several, from the next when the first is missing, dates read by the
 * one date parser, and a date in the body never taken as the page's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "izde.h"
#include "web.h"

#define BODY "<p>Правительство утвердило программу развития на пять лет, сообщили в ведомстве.</p>"
#define LD(x) "<script type=\"application/ld+json\">" x "</script>"

static izde_page page(const char *html, const char *url)
{
    izde_page p;
    const char *err = NULL;
    assert_int_equal(izde__html_page(html, strlen(html), url, NULL, &p, &err), IZDE_OK);
    return p;
}

static void check(const char *want, const char *got)
{
    if (!want)
        assert_null(got);
    else
        assert_string_equal(want, got ? got : "(null)");
}

static void test_title(void **state)
{
    (void)state;
    izde_page p = page("<html><head><meta property=\"og:title\" content=\"OG\">"
                       "<title>Из тега - Сайт</title></head><body><h1>H1</h1>" BODY "</body></html>",
                       NULL);
    check("OG", p.title);
    izde__page_free(&p);
    p = page("<title>Из тега - Сайт</title><h1> Заголовок\n статьи </h1>" BODY, NULL);
    check("Заголовок статьи", p.title);
    check("Сайт", p.source); /* no URL: the site name left out of <title> */
    izde__page_free(&p);
    p = page("<title>Сайт | Длинный заголовок новости</title>" BODY, NULL);
    check("Длинный заголовок новости", p.title);
    check("Сайт", p.source);
    izde__page_free(&p);
    /* a dash or guillemets around the site's name are not part of it */
    p = page("<title>Длинный заголовок новости — «Сайт»</title>" BODY, NULL);
    check("Длинный заголовок новости", p.title);
    check("Сайт", p.source);
    izde__page_free(&p);
}

static void test_date_order(void **state)
{
    (void)state;
    const char *all =
        "<head>" LD("{\"@type\":\"NewsArticle\",\"datePublished\":\"2021-05-04T10:00:00+06:00\"}")
        "<meta property=\"article:published_time\" content=\"2021-05-03\"></head><body>"
        "<article><time datetime=\"2021-05-02\">2 мая</time>" BODY "</article></body>";
    izde_page p = page(all, "https://example.kg/2021/05/01/news/");
    check("2021-05-04", p.date);
    check("json-ld", p.date_from);
    izde__page_free(&p);
    p = page("<meta property=\"article:published_time\" content=\"2021-05-03\">"
             "<article><time datetime=\"2021-05-02\">2 мая</time>" BODY "</article>", NULL);
    check("article:published_time", p.date_from);
    check("2021-05-03", p.date);
    izde__page_free(&p);
    p = page("<article><time datetime=\"2021-05-02T23:10\">2 мая</time>" BODY "</article>",
             "https://example.kg/2021/05/01/news/");
    check("2021-05-02", p.date);
    check("time", p.date_from);
    izde__page_free(&p);
    p = page("<div><span itemprop=\"datePublished\" content=\"2020-02-29\"></span>" BODY "</div>",
             "https://example.kg/2021/05/01/news/");
    check("2020-02-29", p.date);
    check("itemprop", p.date_from);
    izde__page_free(&p);
    p = page("<article>" BODY "</article>", "https://example.kg/2021/05/01/news/");
    check("2021-05-01", p.date);
    check("url", p.date_from);
    izde__page_free(&p);
}

static void test_date_not_from_body(void **state)
{
    (void)state;
    /* a date in the text, another in a list of other stories: neither */
    izde_page p = page("<h1>Заголовок</h1><div class=\"text\"><p>Закон принят 5 декабря 2021 "
                       "года и вступил в силу, сообщили в министерстве юстиции.</p></div>"
                       "<div class=\"related\"><time datetime=\"2022-01-01\">1 января</time></div>",
                       NULL);
    check(NULL, p.date);
    check(NULL, p.date_from);
    izde__page_free(&p);
    /* beside the headline: taken; an invalid one is not */
    p = page("<div><h1>Заголовок</h1><div class=\"d\">31 мая 2023, 10:00</div>" BODY "</div>", NULL);
    check("2023-05-31", p.date);
    check("headline", p.date_from);
    izde__page_free(&p);
    p = page("<meta property=\"article:published_time\" content=\"2023-02-30\">"
             "<div><h1>Заголовок</h1>" BODY "</div>", NULL);
    check(NULL, p.date);
    izde__page_free(&p);
}

static void test_source_url_lang(void **state)
{
    (void)state;
    izde_page p = page("<html lang=\"ky-KG\"><head>"
                       "<link rel=\"canonical\" href=\"/kg/news/1/\">"
                       "<meta property=\"og:url\" content=\"https://other.kg/x\">"
                       "<meta property=\"og:locale\" content=\"ru_RU\"></head><body>" BODY,
                       "https://amp.site.example.kg/kg/news/1/?utm=x");
    check("https://amp.site.example.kg/kg/news/1/", p.url);
    check("site.example.kg", p.source);
    check("ky", p.lang);
    izde__page_free(&p);
    p = page("<head><meta property=\"og:url\" content=\"https://www.site.kg/a\">"
             "<meta property=\"og:locale\" content=\"ky_KG\">"
             LD("{\"@type\":\"Article\",\"publisher\":{\"name\":\"Издатель\"},"
                "\"author\":[{\"name\":\"Первый Автор\"},{\"name\":\"Второй\"}]}") "</head>" BODY,
             NULL);
    check("https://www.site.kg/a", p.url);
    check("Издатель", p.source);
    check("ky", p.lang);
    check("Первый Автор", p.author);
    izde__page_free(&p);
    p = page(BODY, "http://m.example.kz/p");
    check("example.kz", p.source);
    check("ru", p.lang); /* izde's own guess */
    izde__page_free(&p);
}

static void test_charset(void **state)
{
    (void)state;
    /* windows-1251 declared: read in it */
    const char html[] = "<meta charset=\"windows-1251\"><h1>\xcd\xee\xe2\xee\xf1\xf2\xe8</h1>"
                        "<p>\xcf\xf0\xe0\xe2\xe8\xf2\xe5\xeb\xfc\xf1\xf2\xe2\xee \xf3\xf2\xe2"
                        "\xe5\xf0\xe4\xe8\xeb\xee \xef\xf0\xee\xe3\xf0\xe0\xec\xec\xf3.</p>";
    izde_page p = page(html, NULL);
    check("windows-1251", p.charset);
    check("Новости", p.title);
    check("Правительство утвердило программу.", p.text.data);
    izde__page_free(&p);
    /* declared windows-1251 on valid UTF-8: saved again in UTF-8 */
    p = page("<meta charset=\"windows-1251\"><h1>Новости</h1>" BODY, NULL);
    check("UTF-8", p.charset);
    check("Новости", p.title);
    izde__page_free(&p);
}

/* the main text: <br><br> breaks the paragraph, one <br> the line; a
 * page made of links has none */
static void test_text_breaks(void **state)
{
    (void)state;
    izde_page p = page("<div class=\"menu\"><a href=\"/\">Главная</a></div><div>Первый абзац "
                       "новости, с запятыми, и точкой.<br><br>Строка один<br>строка два.<br>"
                       "<br><br>Третий абзац, тоже с запятыми, и фактами.<br></div>", NULL);
    check("Первый абзац новости, с запятыми, и точкой.\n\nСтрока один\nстрока два.\n\n"
          "Третий абзац, тоже с запятыми, и фактами.", p.text.data);
    izde__page_free(&p);
    p = page("<ul><li><a href=\"/1\">Первая новость дня о погоде</a></li>"
             "<li><a href=\"/2\">Вторая новость дня о ценах</a></li></ul>", NULL);
    assert_int_equal(p.text.len, 0);
    izde__page_free(&p);
}

#define PARA(x) "<p>" x ", сообщили в министерстве, добавив подробности, цифры и сроки работ.</p>"

/* the article in an element whose class names boilerplate is found on a
 * second look; blocks beside the best one that score well are kept, in
 * order; text written with <br> into a <div> among blocks is read */
static void test_text_blocks(void **state)
{
    (void)state;
    izde_page p = page("<nav><a href=\"/\">Главная</a></nav><div id=\"ad-portal\"><h2>Подзаголовок"
                       "</h2>" PARA("Первый абзац о дорогах") PARA("Второй абзац о мостах")
                       PARA("Третий абзац о школах") PARA("Четвёртый абзац о больницах")
                       PARA("Пятый абзац о ценах") "</div><footer>Подвал сайта</footer>", NULL);
    assert_non_null(p.text.data);
    assert_non_null(strstr(p.text.data, "Подзаголовок"));
    assert_non_null(strstr(p.text.data, "Пятый абзац о ценах"));
    assert_null(strstr(p.text.data, "Подвал"));
    izde__page_free(&p);
    p = page("<div><div class=\"lead\">" PARA("Вводный абзац о бюджете") "</div>"
             "<div class=\"body\">" PARA("Основной абзац о налогах") PARA("Ещё абзац о пошлинах")
             PARA("Последний абзац о льготах") "</div></div>", NULL);
    assert_non_null(p.text.data);
    const char *lead = strstr(p.text.data, "Вводный абзац");
    const char *body = strstr(p.text.data, "Основной абзац");
    assert_non_null(lead);
    assert_non_null(body);
    assert_true(lead < body);
    izde__page_free(&p);
    p = page("<div class=\"txt\">Кабар. Министр сообщил о новых правилах въезда, они вступят в силу, "
             "как сказано в приказе, с первого числа.<br><br>Правила касаются, по его словам, всех "
             "граждан.<div class=\"rel\"><a href=\"/x\">Читайте также</a></div></div>", NULL);
    assert_non_null(p.text.data);
    assert_non_null(strstr(p.text.data, "Министр сообщил"));
    assert_non_null(strstr(p.text.data, "всех граждан"));
    izde__page_free(&p);
}

/* Where `a` and then `b` appear in the text, in that order. */
static void in_order(const izde_page *p, const char *a, const char *b)
{
    assert_non_null(p->text.data);
    const char *x = strstr(p->text.data, a), *y = strstr(p->text.data, b);
    if (!x || !y || x >= y)
        fail_msg("want «%s» before «%s» in: %s", a, b, p->text.data);
}

/* the structure of the article: its first paragraphs beside a «read
 * more» part; steps in blocks of one class with a related list between;
 * a <main> of short sections; a player's search box and a views counter
 * left out */
static void test_text_structure(void **state)
{
    (void)state;
    izde_page p = page("<div class=\"story-body\">" PARA("Вводный абзац о выборах")
                       PARA("Второй абзац о явке") "<div id=\"read-more\"><a href=\"#\">Далее"
                       "</a><div id=\"read-more-content\">" PARA("Третий абзац о бюллетенях")
                       PARA("Четвёртый абзац о наблюдателях") PARA("Пятый абзац о жалобах")
                       PARA("Шестой абзац о пересчёте") PARA("Седьмой абзац о протоколах")
                       PARA("Восьмой абзац о сроках") "</div></div></div>", NULL);
    in_order(&p, "Вводный абзац", "Восьмой абзац");
    izde__page_free(&p);
    p = page("<div class=\"wrap\"><div class=\"step\"><div class=\"box\"><div class=\"in\">"
             PARA("Шаг первый: подать заявление") "</div></div></div><div class=\"related\">"
             "<a href=\"/r\">Похожие статьи</a></div><div class=\"step\"><div class=\"box\">"
             "<div class=\"in\">" PARA("Шаг второй: оплатить пошлину") "</div></div></div>"
             "<div class=\"step\"><div class=\"box\"><div class=\"in\">"
             PARA("Шаг третий: получить паспорт") "</div></div></div></div>", NULL);
    in_order(&p, "Шаг первый", "Шаг второй");
    in_order(&p, "Шаг второй", "Шаг третий");
    assert_null(strstr(p.text.data, "Похожие"));
    izde__page_free(&p);
    p = page("<main><section><h2>Скорость</h2><p>Страницы открываются быстрее прежнего.</p>"
             "</section><section><h2>Защита</h2><p>Трекеры блокируются сами собой.</p></section>"
             "<section><h2>Синхронизация</h2><p>Закладки доступны на всех устройствах.</p>"
             "</section></main>", NULL);
    in_order(&p, "Скорость", "Защита");
    in_order(&p, "Защита", "Синхронизация");
    izde__page_free(&p);
    p = page("<div class=\"body\">" PARA("Первый абзац о паводке") PARA("Второй абзац о дамбе")
             "<div class=\"player-controls\"><input type=\"text\"><span>Ключевые слова видео: "
             "паводок, дамба, эвакуация, спасатели, вертолёт</span></div>"
             "<div class=\"news-info\"><span>Просмотров: 1520</span></div>"
             PARA("Третий абзац о помощи") "</div>", NULL);
    in_order(&p, "Первый абзац", "Третий абзац");
    assert_null(strstr(p.text.data, "Ключевые слова"));
    assert_null(strstr(p.text.data, "Просмотров"));
    izde__page_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_title),
        cmocka_unit_test(test_date_order),
        cmocka_unit_test(test_date_not_from_body),
        cmocka_unit_test(test_source_url_lang),
        cmocka_unit_test(test_charset),
        cmocka_unit_test(test_text_breaks),
        cmocka_unit_test(test_text_blocks),
        cmocka_unit_test(test_text_structure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
