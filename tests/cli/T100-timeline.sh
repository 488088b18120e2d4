#!/bin/sh
# T100-timeline: publication dates, date: filters, --sort date, and
# izde timeline by year, month and week (across a year boundary, empty
# periods as 0, undated articles counted apart) as text, JSON, CSV and an
# SVG that an XML parser accepts and rsvg-convert renders.
. "$(dirname "$0")/test-lib.sh"

cat > news.jsonl <<'JSONL'
{"id": "a", "date": "2020-12-15", "text": "Санкции против банков расширены."}
{"id": "b", "date": "03.01.2021", "text": "Новые санкции вступили в силу."}
{"id": "c", "url": "https://example.kg/news/2021-03-10/s", "text": "Санкции продлили ещё на год."}
{"id": "g", "url": "https://example.kg/news/2021-05-05/k", "text": "Санкциялар боюнча жаңы чечим кабыл алынды, санкцияларды талкуулашты."}
{"id": "d", "date": "2021", "text": "Санкции обсуждали весь год."}
{"id": "e", "text": "Санкции без даты."}
{"id": "f", "date": "2021-02-10", "text": "Об урожае."}
JSONL
"$IZDE" index --db db news.jsonl >/dev/null || fail "indexing"
export IZDE_DB="$WORK/db"

run timeline --by month --csv lang:ru санкции
check_eq "month CSV: empty February shown as 0" "period,count,articles
2020-12,1,1
2021-01,1,1
2021-02,0,0
2021-03,1,1" "$OUT"
check_eq "year CSV" "period,count,articles
2020,1,1
2021,3,3" "$("$IZDE" timeline --by year --csv lang:ru санкции)"
J=$("$IZDE" timeline --json --by month lang:ru санкции)
check_eq "JSON: counts apart" '{"matches":5,"undated":1,"less_precise":1,"undated_articles":1}' \
    "$(echo "$J" | jq -c '{matches, undated, less_precise, undated_articles}')"
check_eq "week: 2021-01-03 is in ISO week 2020-W53" "2020-W51 2020-W53 2021-W10" \
    "$("$IZDE" timeline --json --by week lang:ru санкции | jq -r '[.periods[] | select(.count > 0) | .period] | join(" ")')"
check_eq "week: every week from 2020-W51 to 2021-W10, empty ones too" "13" \
    "$("$IZDE" timeline --json --by week lang:ru санкции | jq '.periods | length')"
run timeline даты
check_eq "text: nothing dated, said so" "the matching story has no publication date
-- 1 matching story (1 article; copies of one story count once); 1 without a date, not shown" "$OUT"
run timeline --by month lang:ru санкции
check_eq "text: footer" "-- 5 matching stories (5 articles; copies of one story count once); 1 without a date, not shown; 1 dated less precisely than a month, not shown" \
    "$(echo "$OUT" | tail -n 1)"
check_eq "text: one line per period and the footer" "5" "$(echo "$OUT" | wc -l | tr -d ' ')"

# the Kyrgyz article, by its URL date (without lang:ky the Russian ones count too)
check_eq "Kyrgyz forms, date from the URL" "2021-05" \
    "$("$IZDE" timeline --json lang:ky санкциялар | jq -r '[.periods[] | select(.count > 0) | .period] | join(" ")')"

# date: filters and sorting
ids() { "$IZDE" search --json -n 50 "$@" | jq -r '[.hits[].id] | join(" ")'; }
check_eq "date:2020" "a" "$(ids 'date:2020')"
check_eq "date:2020-12..2021-01" "a b" "$("$IZDE" search --json 'date:2020-12..2021-01' | jq -r '[.hits[].id] | sort | join(" ")')"
check_eq "date:>=2021-04 with a word" "g" "$(ids 'date:>=2021-04' lang:ky санкциялар)"
check_eq "--sort -date: newest first" "g c" "$("$IZDE" search --json --sort -date 'date:2020..2021' | jq -r '[.hits[0:2][].id] | join(" ")')"
check_eq "--sort date: oldest first among dated" "a" "$("$IZDE" search --json --sort date 'date:2020..2021' | jq -r '.hits[0].id')"
# the undated article e last in both directions ("2021" sorts as 2021-00-00)
check_eq "--sort date: undated last" "a d b c e" "$(ids --sort date lang:ru санкции)"
check_eq "--sort oldest: undated last" "a d b c e" "$(ids --sort oldest lang:ru санкции)"
check_eq "--sort -date: undated last" "c b d a e" "$(ids --sort -date lang:ru санкции)"
check_eq "--sort date, page 2: undated last" "c e" "$("$IZDE" search --json -n 2 --offset 3 --sort date lang:ru санкции | jq -r '[.hits[].id] | join(" ")')"
run search 'date:2021-12..2020'
check_eq "reversed date range: exit 2" 2 "$STATUS"
check_eq "reversed date range: message" "izde: bad query 'date:2021-12..2020': date: the range ends before it starts: write date:2020..2021-12 (column 1 of the query)" "$ERR"
for q in 'date:2017-13' 'date:2017-02-30' 'date:2021-04..2021-02-29' 'date:>=2017-00'; do
    run search "$q"
    check_eq "impossible date $q: exit 2" 2 "$STATUS"
    check_eq "impossible date $q: message" "izde: bad query '$q': date: names no calendar date: months run 01-12, days to the end of their month, years 1900-2100 (column 1 of the query)" "$ERR"
done
run search 'date:2020-02-29..2021'
check_eq "a leap day is a date" 0 "$STATUS"
run search 'date:20-21'
check_eq "dashes only between year, month and day: exit 2" 2 "$STATUS"

# an invalid date field: a warning, and the article indexed without that date
printf '%s\n' '{"id": "x", "date": "2017-13-45", "text": "Санкции введены в 2014 году и продлены 5 декабря 2021 года."}' > bad.jsonl
run index --db db2 bad.jsonl
check_eq "invalid date: still exit 0" 0 "$STATUS"
check_eq "invalid date: warning" "izde: bad.jsonl: warning: article 'x': invalid date \"2017-13-45\" in the date field: ignored (the date is taken from the URL or the text, if any)" "$ERR"
check_eq "invalid date: not indexed wrong" '{"matches":1,"undated":1}' \
    "$("$IZDE" timeline --db db2 --json санкции | jq -c '{matches, undated}')"
printf '%s\n' '{"id": "y", "text": "Санкции без упомянутых дат."}' >> bad.jsonl
"$IZDE" index --db db2 bad.jsonl 2>/dev/null >/dev/null || fail "indexing bad.jsonl again"
# --mentioned counts by the dates the text mentions; y mentions none
check_eq "mentioned JSON: the story mentioning no date counted apart" \
    '{"matches":2,"stories":2,"undated":1,"less_precise":0,"undated_articles":1}' \
    "$("$IZDE" timeline --db db2 --mentioned --by year --json санкции | jq -c '{matches, stories, undated, less_precise, undated_articles}')"
check_eq "mentioned by week: the year alone is less precise" '{"undated":1,"less_precise":0}' \
    "$("$IZDE" timeline --db db2 --mentioned --by week --json санкции | jq -c '{undated, less_precise}')"
check_eq "mentioned text: footer" "-- 2 matching stories (2 articles; copies of one story count once); 1 mention no date, not shown" \
    "$("$IZDE" timeline --db db2 --mentioned --by year санкции | tail -n 1)"
check_eq "mentioned years" "2014,1,1 2021,1,1" \
    "$("$IZDE" timeline --db db2 --mentioned --by year --csv санкции | awk -F, 'NR > 1 && $2 > 0' | tr '\n' ' ' | sed 's/ $//')"
check_eq "mentioned days by month" "2021-12" \
    "$("$IZDE" timeline --db db2 --mentioned --json санкции | jq -r '[.periods[] | select(.count > 0) | .period] | join(" ")')"

# SVG: well-formed XML, renders to a PNG
run timeline --by month --svg chart.svg санкции
check_eq "svg: exit 0" 0 "$STATUS"
CHECKS=$((CHECKS + 1))
xmllint --noout chart.svg 2>xml.err || fail "svg: not well-formed XML: $(cat xml.err)"
CHECKS=$((CHECKS + 1))
rsvg-convert -o chart.png chart.svg 2>png.err || fail "svg: rsvg-convert failed: $(cat png.err)"
check_eq "svg: renders as a PNG" "PNG" "$(head -c 4 chart.png | tail -c 3)"
svg_ok() { # FILE: well-formed and rendered
    CHECKS=$((CHECKS + 1))
    xmllint --noout "$1" 2>xml.err || fail "svg $1: not well-formed XML: $(cat xml.err)"
    CHECKS=$((CHECKS + 1))
    rsvg-convert -o "$1.png" "$1" 2>png.err || fail "svg $1: rsvg-convert failed: $(cat png.err)"
}
texts() { sed -n 's/.*<text[^>]*>\([^<]*\)<\/text>.*/\1/p' "$1"; }
check_eq "svg: Russian labels, every month labelled, the left-out line" "санкции — сюжеты по месяцам (дата публикации)
0
1
1
1
1
1
дек 2020
янв 2021
фев 2021
мар 2021
апр 2021
май 2021
месяц
сюжеты
1 статья без даты не показана (1 сюжет); 1 сюжет с датой менее точной, чем месяц, не показан" "$(texts chart.svg)"
run timeline --by week --labels en --svg week.svg lang:ru санкции
svg_ok week.svg
check_eq "svg, English, by week: 13 bars" "13" "$(grep -c '<rect x=' week.svg)"
check_eq "svg, English, by week: labels on every bar" "W51 2020 W52 2020 W53 2020 W1 2021 W2 2021 W3 2021 W4 2021 W5 2021 W6 2021 W7 2021 W8 2021 W9 2021 W10 2021" \
    "$(texts week.svg | grep '^W' | paste -sd' ' -)"
check_contains "svg, English: the left-out line" "1 article without a date, not shown (1 story); 1 story dated less precisely than a week, not shown" "$(texts week.svg)"
run timeline --by year --svg year.svg санкции
svg_ok year.svg
check_eq "svg by year: both years labelled" "2020 2021" "$(texts year.svg | grep -x '20[0-9][0-9]' | paste -sd' ' -)"
run timeline --svg none.svg даты
svg_ok none.svg
check_eq "svg, nothing dated: said in the chart, no axes" "даты — сюжеты по месяцам (дата публикации)
У найденного сюжета нет даты публикации
1 статья без даты не показана (1 сюжет)" "$(texts none.svg)"
check_eq "svg, nothing dated: no bars" "0" "$(grep -c '<line\|<rect x=' none.svg)"
run timeline --labels de --svg x.svg санкции
check_eq "--labels de: exit 2" 2 "$STATUS"
# a long span: a label every few bars, at round years
"$IZDE" index --db db3 news.jsonl >/dev/null 2>&1
printf '%s\n' '{"id": "old", "date": "1953-07-01", "text": "Санкции тогда."}' > old.jsonl
"$IZDE" index --db db3 old.jsonl >/dev/null 2>&1
"$IZDE" timeline --db db3 --by year --svg long.svg санкции >/dev/null
svg_ok long.svg
check_eq "svg, 69 years: 69 bars" "69" "$(grep -c '<rect x=' long.svg)"
check_eq "svg, 69 years: labelled every 2nd year, the first two and the last" "1954 1956 2020" \
    "$(texts long.svg | grep -x '[12][0-9][0-9][0-9]' | sed -n '1p;2p;$p' | paste -sd' ' -)"
printf '%s\n' '{"id": "p", "date": "1900-05-01", "text": "Санкции тогда."}' \
    '{"id": "q", "date": "2019-05-01", "text": "Санкции теперь."}' > span.jsonl
"$IZDE" index --db db4 span.jsonl >/dev/null 2>&1
"$IZDE" timeline --db db4 --by year --svg span.svg санкции >/dev/null
svg_ok span.svg
years() { texts "$1" | grep -x '[12][0-9][0-9][0-9]'; }
check_eq "svg, 120 years: every 5th year from 1900" "1900 1905" "$(years span.svg | head -n 2 | paste -sd' ' -)"
check_eq "svg, 120 years: and the last one, 4 bars after 2015" "2010 2015 2019" "$(years span.svg | tail -n 3 | paste -sd' ' -)"
check_eq "svg, 120 years: 25 labels (1900 to 2015 by 5, and 2019)" "25" "$(texts span.svg | grep -cx '[12][0-9][0-9][0-9]')"

finish
