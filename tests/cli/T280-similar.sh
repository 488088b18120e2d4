#!/bin/sh
# T280-similar: `izde similar ID [QUERY]` lists the articles most like a
# stored one: the same story in the other language found by its names,
# then the same subject; the article itself and its copies never; a query
# beside the id filters; an unknown id or none is an error (exit 2).
. "$(dirname "$0")/test-lib.sh"

mkdir in
cat > in/news.jsonl <<'JSONL'
{"id":"ky-drugs","lang":"ky","text":"Ош облусунда Жалал-Абад тургуну Бакыт Осмоналиевден 12 килограмм гашиш табылды. Милиция Осмоналиевди кармады, гашиш Ош шаарына ташылмак болгон. Тергөө улантылууда. Ички иштер министрлигинин маалыматы боюнча, баңгизат ири өлчөмдө болгондуктан кылмыш иши козголду. Кармалган жаран мурда да соттолгон, ал эми гашиштин ээси ким экени азырынча белгисиз. Министрлик жарандарды баңгизат сатуу тууралуу маалымат берүүгө чакырды."}
{"id":"ky-drugs-copy","lang":"ky","text":"Ош облусунда Жалал-Абад тургуну Бакыт Осмоналиевден 12 килограмм гашиш табылды. Милиция Осмоналиевди кармады, гашиш Ош шаарына ташылмак болгон. Тергөө улантылууда. Ички иштер министрлигинин маалыматы боюнча, баңгизат ири өлчөмдө болгондуктан кылмыш иши козголду. Кармалган жаран мурда да соттолгон, ал эми гашиштин ээси ким экени азырынча белгисиз. Министрлик жарандарды баңгизат сатуу тууралуу маалымат берүүгө чакырды. Кошумча маалымат жок."}
{"id":"ru-drugs","lang":"ru","text":"В Ошской области у жителя Джалал-Абада Бакыта Осмоналиева изъяли 12 килограммов гашиша. Милиция задержала Осмоналиева, гашиш везли в Ош."}
{"id":"ru-drugs-2019","lang":"ru","date":"2019-05-01","text":"В Оше милиция изъяла партию гашиша у приезжего; задержанный дает показания."}
{"id":"ru-weather","lang":"ru","text":"В Бишкеке ожидается снег и похолодание до минус десяти градусов, сообщили синоптики."}
{"id":"ky-sport","lang":"ky","text":"Кыргызстандын футбол курама командасы Бишкекте Тажикстан менен жолдошторча беттеш өткөрдү."}
JSONL
"$IZDE" index --db db in >/dev/null 2>&1 || fail "index"

similar() { "$IZDE" similar --db db --json --no-snippets -n 10 "$@" | jq -r '[.hits[].id] | join(" ")'; }

run similar --db db --json --no-snippets -n 10 ky-drugs
check_eq "similar: exit 0" 0 "$STATUS"
hits=$(printf '%s' "$OUT" | jq -r '[.hits[].id] | join(" ")')
check_eq "the same story in Russian first, by its names" ru-drugs "${hits%% *}"
check_not_contains "never the article itself" "ky-drugs " "$hits "
check_not_contains "never its copy" "ky-drugs-copy" "$hits"
check_not_contains "nothing on the weather" "ru-weather" "$hits"
check_eq "a query beside the id filters" ru-drugs-2019 "$(similar ky-drugs date:2019)"
check_eq "lang:ky leaves only Kyrgyz articles, and none is like it" "" "$(similar ky-drugs lang:ky)"

run similar --db db nope
check_eq "unknown id: exit 2" 2 "$STATUS"
check_eq "unknown id: said" "izde: no article with id 'nope' in the index" "$ERR"
run similar --db db
check_eq "no id: exit 2" 2 "$STATUS"
check_contains "no id: said" "izde: similar: no article id given" "$ERR"
run similar --db db ky-drugs 'date:2030'
check_eq "nothing left: exit 1" 1 "$STATUS"
check_eq "nothing left: said" "izde: nothing like 'ky-drugs' matches 'date:2030'" "$ERR"
finish
