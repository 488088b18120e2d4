#!/bin/sh
# T275-filter-errors: a lang: filter naming no language of the index, a
# date: filter off the calendar or out of shape, a range that ends before
# it starts and a field name that is no filter (source:) are errors (exit 2) naming the query and the accepted
# forms, in search, facts, check and timeline alike, and a 400 with the
# same message from the API; valid edge dates (29 February of a leap
# year) still search.
. "$(dirname "$0")/test-lib.sh"

command -v curl >/dev/null || { fail "curl missing: run tools/deps.sh --test"; finish; }

printf '%s\n' \
  '{"id":"r1","date":"2016-02-29","lang":"ru","text":"Выборы в парламент прошли спокойно."}' \
  '{"id":"e1","date":"2017-03-01","lang":"en","text":"Elections were held in spring."}' > in.jsonl
"$IZDE" index --db db in.jsonl >/dev/null 2>&1

CAL="date: names no calendar date: months run 01-12, days to the end of their month, years 1900-2100"
SHAPE="date: takes a date or a range: date:2017, date:2017-04, date:2017-01..2017-06, date:>=2018-03"
# query | message after "izde: bad query 'QUERY': "
while IFS='|' read -r q msg; do
    run search --db db "$q"
    check_eq "search '$q': exit 2" 2 "$STATUS"
    check_eq "search '$q': the message" "izde: bad query '$q': $msg" "$ERR"
done <<EOT
lang:kz выборы|lang: unknown language 'kz'; use lang:ru, lang:ky, lang:en or lang:other (column 1 of the query)
выборы lang:kk|lang: unknown language 'kk'; use lang:ru, lang:ky, lang:en or lang:other (column 8 of the query)
lang:KY|lang: takes a language code in small Latin letters, e.g. lang:ky (column 1 of the query)
lang:|lang: needs a language: lang:ru, lang:ky or lang:other (column 1 of the query)
date:2017-13|$CAL (column 1 of the query)
date:2017-00|$CAL (column 1 of the query)
date:2017-02-30|$CAL (column 1 of the query)
date:2017-02-29|$CAL (column 1 of the query)
date:2017-01-32|$CAL (column 1 of the query)
date:2017-01-00|$CAL (column 1 of the query)
date:1899|$CAL (column 1 of the query)
date:2101-01|$CAL (column 1 of the query)
date:>=2017-13|$CAL (column 1 of the query)
date:2017..2018-02-30|$CAL (column 1 of the query)
date:2018..2017|date: the range ends before it starts: write date:2017..2018 (column 1 of the query)
date:2017-05..2017-04-30|date: the range ends before it starts: write date:2017-04-30..2017-05 (column 1 of the query)
date:20x7|$SHAPE (column 1 of the query)
date:17|$SHAPE (column 1 of the query)
date:2017..|$SHAPE (column 1 of the query)
date:..2017|$SHAPE (column 1 of the query)
date:2017/04|$SHAPE (column 1 of the query)
date:|$SHAPE (column 1 of the query)
source:24.kg|'source:' is no filter: the filters are lang:, date: and a figure's noun with a range (человек:>1000) (column 1 of the query)
выборы url:x|'url:' is no filter: the filters are lang:, date: and a figure's noun with a range (человек:>1000) (column 8 of the query)
теракт:20..10|a figure filter's range ends before it starts: put the smaller bound first, e.g. теракт:10..20 (column 1 of the query)
человек:много|a figure filter needs a range, e.g. человек:>1000, теракт:10..20 or теракт:11 (column 1 of the query)
EOT

# valid forms: an answer, not an error
run search --db db --format compact date:2016-02-29
check_eq "29 February 2016 is a date: exit 0" 0 "$STATUS"
check_contains "... and finds the article of that day" "ru 2016-02-29  Выборы в парламент" "$OUT"
run search --db db --json lang:en
check_eq "lang:en, a language of the index: its article" '["e1"]' "$(printf '%s' "$OUT" | jq -c '[.hits[].id]')"
run search --db db --json 'lang:other выборы'
check_eq "lang:other on an index without such articles: no match, exit 1" 1 "$STATUS"
run search --db db --json 'date:2017..2017'
check_eq "a range of one year: exit 0" 0 "$STATUS"

# the other commands parse the same query language
in_cmd() { # COMMAND QUERY: runs it with QUERY as its query
    case $1 in
        check) run check --db db --in "$2" '28 человек' ;;
        *) run "$1" --db db "$2" ;;
    esac
}
for cmd in facts check timeline; do
    in_cmd $cmd 'lang:kz'
    check_eq "$cmd lang:kz: exit 2" 2 "$STATUS"
    check_contains "$cmd lang:kz: the message" "lang: unknown language 'kz'; use lang:ru, lang:ky, lang:en or lang:other" "$ERR"
    in_cmd $cmd 'date:2017-02-30'
    check_eq "$cmd date:2017-02-30: exit 2" 2 "$STATUS"
    check_contains "$cmd date:2017-02-30: the message" "$CAL" "$ERR"
done

# the API: 400 with the same message as JSON
trap 'stop_server' EXIT
start_server --db db --listen 127.0.0.1:0
for q in 'lang:kz выборы' 'date:2017-13' 'date:2018..2017'; do
    enc=$(printf '%s' "$q" | jq -sRr @uri)
    for ep in search timeline facts; do
        CODE=$(curl -s -o body.out -w '%{http_code}' "$URL/api/$ep?q=$enc")
        check_eq "/api/$ep '$q': 400" 400 "$CODE"
        want=$("$IZDE" search --db db "$q" 2>&1 | sed "s/^izde: bad query '.*': //")
        check_eq "/api/$ep '$q': the command's message" "$want" "$(jq -r .error body.out)"
    done
done

# the page: the API's message once, in the status line, in Russian
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$CHROMIUM" ]; then
    browse --dump-dom "$URL/?q=lang%3Akz" > page.html
    check_contains "the page: the error in the status line" \
        "<p id=\"status\" role=\"status\" aria-live=\"polite\" class=\"error\">Ошибка в запросе: неизвестный язык «kz»: пишите lang:ru, lang:ky, lang:en или lang:other (символ 1 запроса)</p>" \
        "$(sed "s/&#39;/'/g" page.html)"
    check_eq "the page: the error said once" 1 "$(grep -o 'неизвестный язык' page.html | wc -l)"
    for q in 'date%3A2017-13|такой даты нет в календаре: месяцы 01–12, дни — до конца месяца, годы 1900–2100 (символ 1 запроса)' \
             'date%3A2018..2017|период кончается раньше, чем начинается: пишите date:2017..2018 (символ 1 запроса)' \
             '%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B%20OR|у OR должно быть слово с каждой стороны (символ 8 запроса)' \
             '%C2%AB%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B|кавычка « не закрыта (символ 1 запроса)'; do
        browse --dump-dom "$URL/?q=${q%%|*}" > page.html
        check_contains "the page, in Russian: ${q#*|}" "class=\"error\">Ошибка в запросе: ${q#*|}</p>" \
            "$(sed "s/&#39;/'/g" page.html)"
    done
fi
stop_server
trap - EXIT
finish
