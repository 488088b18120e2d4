#!/bin/sh
# T260-web: web pages as input.  Pages made for the test in the layouts of
# Russian and Kyrgyz news sites (tests/web: menus, a "read also" list,
# share buttons, comments, sidebars, footers), their metadata in JSON-LD
# only, in OpenGraph only, in <time> and rel=canonical, or only in the
# text: `izde extract` gives every field exactly, the main text without
# the chrome and with its subheadings; a folder of pages (one gzip'd) is
# indexed, searched and dated.
. "$(dirname "$0")/test-lib.sh"

WEB="$IZDE_SRC/tests/web"

# field PAGE KEY: one field of `izde extract --json PAGE`
field() {
    "$IZDE" extract --json "$WEB/$1" | jq -r ".$2 // \"null\""
}

# expect PAGE KEY VALUE
expect() {
    check_eq "$1: $2" "$3" "$(field "$1" "$2")"
}

# JSON-LD only (24.kg style, Russian; no og:, no <html lang>)
P=ru-jsonld.html
expect $P title "Бишкек построит три новые школы до конца года"
expect $P date 2024-03-12
expect $P date_from json-ld
expect $P source "Новостной портал 24"
expect $P url "https://news.example.kg/ru/society/30123-bishkek-shkoly/"
expect $P lang ru
expect $P author "Айдана Садыкова"
expect $P charset UTF-8

# OpenGraph only (kabar.kg style, Kyrgyz)
P=ky-og.html
expect $P title "Нарында жаңы көпүрө курулуп бүттү"
expect $P date 2023-11-02
expect $P date_from article:published_time
expect $P source "Кабар агенттиги"
expect $P url "https://kabar.example.kg/news/narynda-zhany-kopuro/"
expect $P lang ky
expect $P author "Бакыт Асанов"

# <time datetime> in the article header, rel=canonical on an m. host
# (nur.kz style, Kyrgyz, <html lang="ky-KG">)
P=ky-time.html
expect $P title "Ысык-Көлгө быйыл 1,5 миллион турист келди"
expect $P date 2024-09-20
expect $P date_from time
expect $P source nur.example.kz
expect $P url "https://m.nur.example.kz/kg/society/2045-ysyk-kol-turist/"
expect $P lang ky
expect $P author "Айпери Маматова"

# metadata only in the text (akipress style, Russian, windows-1251)
P=ru-text.html
expect $P title "В Оше откроют центр для детей с инвалидностью"
expect $P date 2025-02-07
expect $P date_from headline
expect $P source AKIpress
expect $P url null
expect $P lang ru
expect $P author "Нурлан Токтогулов"
expect $P charset windows-1251

# the main text: first and last paragraphs exactly, blocks apart
text=$(field ru-jsonld.html text)
check_eq "ru-jsonld: first paragraph" \
    "Мэрия Бишкека объявила о строительстве трех новых школ в жилмассивах Ак-Орго, Кок-Жар и Ала-Тоо. Об этом сообщили в пресс-службе мэрии." \
    "$(printf '%s\n' "$text" | head -n 1)"
check_eq "ru-jsonld: last block" "«Мы должны убрать третью смену за два года», — заявил вице-мэр." \
    "$(printf '%s\n' "$text" | tail -n 1)"
check_eq "ru-jsonld: 10 blocks, a blank line between" "10 9" \
    "$(printf '%s\n' "$text" | grep -c .) $(printf '%s\n' "$text" | grep -c '^$')"
for kept in "Где появятся новые здания" "Нехватка мест" "Кок-Жар: 1200 мест"; do
    check_contains "ru-jsonld keeps: $kept" "$kept" "$text"
done
for dropped in "Политика" "Главная" "Просмотров" "Читайте также" "В Бишкеке не хватает" \
    "Telegram" "Поделиться" "школы мэрия" "Комментарии" "Наконец-то" "Последние новости" \
    "Курс доллара" "Все права" "cookie" "dataLayer" "USD"; do
    check_not_contains "ru-jsonld drops: $dropped" "$dropped" "$text"
done
text=$(field ky-og.html text)
for kept in "Жолдун мааниси" "Узундугу | 120 метр" "Сүрөт: Нарын облустук администрациясы"; do
    check_contains "ky-og keeps: $kept" "$kept" "$text"
done
for dropped in "Саясат" "Кыргызча" "Ошондой эле окуңуз" "Нарын-Торугарт" "Facebook" \
    "Окшош жаңылыктар" "Талас" "Пикирлер" "укуктар" "02.11.2023"; do
    check_not_contains "ky-og drops: $dropped" "$dropped" "$text"
done
text=$(field ky-time.html text)
check_contains "ky-time keeps the subheading" "Кайсы өлкөлөрдөн келишти" "$text"
check_contains "ky-time keeps the list" "Россия — 420 миң" "$text"
check_contains "ky-time keeps the caption" "Чолпон-Атадагы жээк. Сүрөт: архив" "$text"
for dropped in "VideoPlayer" "Башкы бет" "Бишкек +5" "Кошумча окуңуз" "Каракол аэропорту" \
    "Бөлүшүү" "жолдор начар" "Телеграм каналыбызга" "Жазган"; do
    check_not_contains "ky-time drops: $dropped" "$dropped" "$text"
done
text=$(field ru-text.html text)
check_eq "ru-text: first block" \
    "В Оше до конца года откроется реабилитационный центр для детей с ограниченными возможностями здоровья, сообщили в мэрии города." \
    "$(printf '%s\n' "$text" | head -n 1)"
check_contains "ru-text keeps the bold subheading" "Что будет в центре" "$text"
for dropped in "Лента новостей" "Курс сома" "Реклама" "VK" "Читайте также" "Мэрия Оша подвела" \
    "Комментарии" "Copyright" "Автор:" "11:45"; do
    check_not_contains "ru-text drops: $dropped" "$dropped" "$text"
done

# the text form: the fields, then the text
run extract "$WEB/ky-og.html"
check_eq "extract: exit 0" 0 "$STATUS"
check_eq "extract: the head" "file:    $WEB/ky-og.html
title:   Нарында жаңы көпүрө курулуп бүттү
date:    2023-11-02 (article:published_time)
source:  Кабар агенттиги
url:     https://kabar.example.kg/news/narynda-zhany-kopuro/
lang:    ky
author:  Бакыт Асанов" "$(printf '%s\n' "$OUT" | head -n 7)"

# what is not a page with a text: said, exit 1
run extract "$WEB"
check_eq "a folder: exit 1" 1 "$STATUS"
check_eq "a folder: said" "izde: $WEB: a folder; extract reads files: give the files in it ($WEB/*.html)" "$ERR"
printf '<html><body><nav><a href="/">Главная</a></nav><script>x()</script></body></html>' > empty.html
run extract empty.html
check_eq "no text: exit 1" 1 "$STATUS"
check_eq "no text: said" "izde: empty.html: no article text found in the page (only navigation, scripts or forms); nothing to index" "$ERR"
gzip -c "$WEB/ky-og.html" | head -c 300 > cut.html.gz
run extract cut.html.gz
check_eq "damaged gzip: exit 1" 1 "$STATUS"
check_contains "damaged gzip: said" "cut.html.gz: cannot read:" "$ERR"

# feeds: RSS 2.0 and Atom, each item an article
items() {
    "$IZDE" extract --json "$@" | jq -r '[.id, .title, .date, .date_from, .source, .lang, (.author // "-")] | join(" ; ")'
}
check_eq "rss and atom items" "https://news.example.kg/ru/2024/04/10/elektrobusy/ ; В Бишкеке запустят новые электробусы ; 2024-04-10 ; pubDate ; Новости Кыргызстана ; ru ; Мирлан Осмонов
https://news.example.kg/ru/weather-601/ ; Погода: в горах ожидается снег ; 2024-04-11 ; pubDate ; Новости Кыргызстана ; ru ; -
https://kabar.example.kg/news/osh-mektep/ ; Ош шаарында жаңы мектеп ачылды ; 2024-09-01 ; published ; Кабар ; ky ; Гүлнара Алиева" \
    "$(items "$WEB/news.rss" "$WEB/ky.atom")"
check_eq "rss: content:encoded cleaned as a page" "Мэрия Бишкека закупила 120 электробусов, которые выйдут на маршруты в мае.

Маршруты

№ 7

№ 48" "$("$IZDE" extract --json "$WEB/news.rss" | head -n 1 | jq -r .text)"
check_eq "rss: escaped HTML in description" "Синоптики прогнозируют снег в горных районах 12 апреля." \
    "$("$IZDE" extract --json "$WEB/news.rss" | tail -n 1 | jq -r .text)"
printf '<?xml version="1.0"?><html><body>no feed</body></html>' > page.rss
run extract page.rss
check_eq "not a feed: exit 1" 1 "$STATUS"
check_contains "not a feed: said" "page.rss: not an RSS or Atom feed" "$ERR"

# a folder of pages indexed: found, searched, dated, the chrome not indexed
mkdir site
cp "$WEB"/ru-jsonld.html "$WEB"/ky-og.html "$WEB"/ru-text.html site/
gzip -c "$WEB/ky-time.html" > site/ky-time.html.gz
echo "не страница" > site/notes.pdf
cp "$WEB/ky.atom" site/feed.xml
printf '<?xml version="1.0"?><config><a>1</a></config>' > site/settings.xml
run index --db db site
check_eq "index: exit 0" 0 "$STATUS"
check_eq "index: 5 articles" 5 "$("$IZDE" stats --db db --json | jq .documents)"
check_eq "search: жилмассивах" "ru-jsonld.html" "$(hit_files --db db 'жилмассивах')"
check_eq "search: Kyrgyz word form" "ky-og.html" "$(hit_files --db db 'көпүрө')"
check_eq "search: a gzip'd page" "ky-time.html.gz" "$(hit_files --db db 'туристтердин')"
check_eq "chrome not indexed: Поделиться" "" "$(hit_files --db db 'Поделиться')"
check_eq "chrome not indexed: Окшош" "" "$(hit_files --db db 'Окшош')"
check_eq "dated: date:2025-02" "ru-text.html" "$(hit_files --db db 'date:2025-02')"
check_eq "dated: date:2023-11-02" "ky-og.html" "$(hit_files --db db 'date:2023-11-02')"
check_eq "source stored" "Кабар агенттиги" \
    "$("$IZDE" search --db db --json 'көпүрө' | jq -r '.hits[0].source')"
check_eq "lang: filter" "feed.xml ky-og.html ky-time.html.gz" \
    "$(hit_files --db db 'lang:ky' | sort | tr '\n' ' ' | sed 's/ $//')"

# incremental: a changed page re-read, its old text gone
sed 's/Нехватка мест/Дефицит мест/' "$WEB/ru-jsonld.html" > site/ru-jsonld.html
touch -d '2030-01-01' site/ru-jsonld.html
run index --db db site
check_eq "changed page: new text found" "ru-jsonld.html" "$(hit_files --db db 'Дефицит')"
check_eq "changed page: old text gone" "" "$(hit_files --db db 'Нехватка')"
check_eq "search: a feed's item" "feed.xml" "$(hit_files --db db 'ылайыкталган')"
check_eq "still 5 articles" 5 "$("$IZDE" stats --db db --json | jq .documents)"

finish
