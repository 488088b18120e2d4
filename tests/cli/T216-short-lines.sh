#!/bin/sh
# T216-short-lines: two files of the RT/NG news (russia_today_3, ng_1: 1,988
# articles).  A phrase that stands only in a short line inside an article
# (a subheading, a caption, the text of a link, a line of verse) finds
# that article; the RT video player's JavaScript, which 57 of the RT
# articles carry in their text, reaches neither the index, nor a snippet,
# nor a figure; a "related" header repeated through the file is chrome in
# its first articles too.  Needs the shared data ($IZDE_DATA, default
# ../shared/data) and xz; skipped (77) without them.
. "$(dirname "$0")/test-lib.sh"

DATA="${IZDE_DATA:-$IZDE_SRC/../shared/data}/russian-news/ru_kw_eval"
if [ ! -f "$DATA/russia_today_3.jsonl.xz" ] || [ ! -f "$DATA/ng_1.jsonl.xz" ]; then
    echo "T216-short-lines: no data at $DATA; skipped"
    exit 77
fi
if ! command -v xz >/dev/null 2>&1; then
    echo "T216-short-lines: no xz to unpack $DATA; skipped"
    exit 77
fi

mkdir news
xz -dc "$DATA/russia_today_3.jsonl.xz" > news/russia_today_3.jsonl
xz -dc "$DATA/ng_1.jsonl.xz" > news/ng_1.jsonl
check_eq "the RT file carries the player in 57 articles" "57" \
    "$(grep -c 'jwplayer(' news/russia_today_3.jsonl)"

run index --db db news
check_eq "index: exit 0" 0 "$STATUS"
check_contains "index: 1,988 articles" "indexed 1988 articles from 2 files" "$OUT"
export IZDE_DB="$WORK/db"

# found QUERY ID...: the query finds exactly these articles
RT=https://russian.rt.com
found() {
    q=$1; shift
    want=
    [ $# -gt 0 ] && want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
    got=$("$IZDE" search --json -n 100 "$q" 2>/dev/null | jq -r '.hits[].id' | sort | tr '\n' ' ')
    check_eq "$q" "$want" "$got"
}
# subheadings
found '"Ставки на Трампа"' "${RT}https://russian.rt.com/world/article/332452-stavki-bukmekeri-tramp"
found '"Конец серии Детройта"' "$RT/sport/article/373642-nhl-itogi-nedeli"
found '"Молчание Пентагона"' "$RT/world/article/328285-siriya-ssha-zertvy"
found '"Нет альтернативы"' "$RT/business/article/409792-parizh-london-finansy-centr" \
    "http://www.ng.ru/dipkurer/2018-01-29/9_7160_west.html"
found '"Стратег по вызову"' "http://nvo.ng.ru/wars/2018-02-22/1_985_siria.html"
found '"Дележ арктического пирога"' "http://www.ng.ru/science/2007-09-26/11_geology.html"
found '"Связующее звено"' "http://nvo.ng.ru/forces/2018-02-22/1_985_100years.html" \
    "http://www.ng.ru/kartblansh/2018-03-15/3_7190_kartblansh.html" \
    "http://www.ng.ru/problems/2018-02-21/13_437_qatar.html" \
    "http://www.ng.ru/ideas/2018-02-19/7_7176_patriotism.html"
# a caption
found '"Результаты анализа ДНК"' "$RT/science/article/450791-gen-redaktirovat-operaziya-bolezn"
# the text of links, back in their sentences
found '"сообщении Кремля"' "$RT/world/article/461790-putin-tramp-terakt-peterburg" \
    "$RT/world/article/332146-italiya-rossiya-politika"
found '"Анатолий Антонов осудил"' "$RT/russia/article/456070-putin-reestr-minyust"
found '"посол в США Анатолий Антонов осудил действия конгресса"' \
    "$RT/russia/article/456070-putin-reestr-minyust"
# verse
found '"Глаза колодцы"' "http://www.ng.ru/poetry/2016-05-12/5_karatov.html"
found '"Если Богу будет угодно"' "http://www.ng.ru/subject/2017-08-10/9_898_amadu.html"
found '"Куда ты завел нас"' "http://www.ng.ru/facts/2018-03-07/10_438_blagodat.html"
# "Также по теме" heads the related links of 400 RT articles: counted
# through the file first, it is chrome in the first of them too
found '"Также по теме"'

# the player's code is not indexed
found encodeURI
found jwplayer
found '"CLICK PLAY"'
found '%:56.25'
# ... nor shown: snippets and figures of the articles whose player said
# "Поделиться Видео" and "запускаем функцию остановки всех играющих плееров"
hits=$("$IZDE" search --json --all-copies -n 2000 'видео OR плееров OR функцию OR Поделиться' 2>/dev/null)
check_eq "player words: 238 articles still found by their text" 238 \
    "$(printf "%s\n" "$hits" | jq '.hits | length')"
check_eq "no snippet or figure shows player code" "" \
    "$(printf "%s\n" "$hits" | jq -r '.hits[] | (.snippets[].text, (.figures[]? | .text, .sentence))' |
        grep -E 'jwplayer|encodeURI|function ?\(|56\.25|padding|\{ *return' | head -3)"
check_eq "no figure of 56.25%" "" \
    "$("$IZDE" facts --json -n 2000 'видео OR Поделиться' 2>/dev/null | grep -o '56\.25' | head -1)"

finish
