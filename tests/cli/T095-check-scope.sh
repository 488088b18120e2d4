#!/bin/sh
# T095-check-scope: izde check within its context over a small set built
# here: the claim's other words and --in scope it (and the output says
# so), an unscoped claim says so, pages of each list are disjoint with
# stable totals, citations rank by relevance and closeness in time (or
# --date), each names the first source of its value; izde facts says how
# many articles match and how many it read, with dates and sentences.
. "$(dirname "$0")/test-lib.sh"

mkdir news
cat > news/crash.jsonl <<'JSONL'
{"id": "a1", "date": "2017-01-16", "title": "Крушение Боинга под Бишкеком", "text": "При крушении Боинга под Бишкеком погибли 37 человек."}
{"id": "a2", "date": "2017-01-17", "title": "Боинг упал на дома под Бишкеком", "text": "Боинг упал на дома под Бишкеком. По предварительным данным, погиб 31 человек."}
{"id": "a3", "date": "2017-01-19", "title": "Комиссия на месте крушения Боинга", "text": "Комиссия работает на месте крушения Боинга под Бишкеком. По последним данным, погибли 38 человек."}
{"id": "a4", "date": "2019-05-01", "title": "Концерт в Москве", "text": "На концерт в Москве пришли 5000 человек."}
{"id": "a5", "date": "2015-03-01", "title": "Митинг", "text": "В Бишкеке на митинг вышли 200 человек."}
{"id": "a6", "date": "2017-01-20", "title": "Траур", "text": "В Бишкеке объявлен траур: при крушении Боинга погиб 31 человек."}
JSONL
"$IZDE" index --db db news >/dev/null || fail "indexing the set"
export IZDE_DB="$WORK/db"
ids() { jq -c "[.$1[] | .id]"; }

# the claim's other words scope the check, and the output names them
J=$("$IZDE" check --json "37 человек" Боинг Бишкек)
check_eq "scoped: the words, the articles in scope, those citing человек, those read" \
    '{"words":"Боинг Бишкек","small":null,"in":null,"articles":5,"matched":5,"analysed":5}' "$(echo "$J" | jq -c .scope)"
check_eq "scoped: agree" '["a1"]' "$(echo "$J" | ids agree)"
check_eq "scoped: differ holds the scoped articles only, the crash figures first" \
    '[[31,"a2"],[38,"a3"],[31,"a6"],[200,"a5"]]' "$(echo "$J" | jq -c '[.differ[] | [.value, .id]]')"
check_eq "ranked near the agreeing article's date" '"2017-01-16"' "$(echo "$J" | jq -c .ranked_near)"
check_eq "the first source of 31: the earliest dated article citing it" '["a2","a2"]' \
    "$(echo "$J" | jq -c '[.differ[] | select(.value == 31) | .first.id]')"
check_eq "one citation per article and value" '[1,1,1,1]' "$(echo "$J" | jq -c '[.differ[].copies]')"
OUT=$("$IZDE" check "37 человек Боинг Бишкек")
check_contains "text: which words scoped it" "scoped by the claim's words (any of them): Боинг Бишкек" "$OUT"
check_contains "text: the counts" "5 articles in scope; 5 of them cite человек; 5 read" "$OUT"
check_contains "text: another article cited the value first" "first cited: 2017-01-17 «Боинг упал на дома под Бишкеком» a2" "$OUT"

OUT=$("$IZDE" check "под Бишкеком погибли 37 человек, по данным МЧС OR")
check_contains "small words and operators are named, not silently dropped" \
    "left out of the scope (small words, operators): по OR" "$OUT"
check_contains "... the others scope it" "scoped by the claim's words (any of them): под Бишкеком погибли данным МЧС" "$OUT"

# unscoped: every article citing человек, and it says so
J=$("$IZDE" check --json "37 человек")
check_eq "unscoped: no words, every article" '{"words":null,"small":null,"in":null,"articles":null,"matched":6,"analysed":6}' \
    "$(echo "$J" | jq -c .scope)"
check_eq "unscoped: 5 differ" 5 "$(echo "$J" | jq .differ_total)"
check_contains "unscoped: said in the text" "unscoped: every article citing человек (6; 6 read)" "$("$IZDE" check "37 человек")"

# pages: disjoint, together the whole list, totals stable
P1=$("$IZDE" check --json -n 2 "37 человек")
P2=$("$IZDE" check --json -n 2 --offset 2 "37 человек")
P3=$("$IZDE" check --json -n 2 --offset 4 "37 человек")
ALL=$(echo "$J" | jq -c '[.differ[] | .id + ":" + (.value | tostring)]')
PAGES=$(printf '%s\n%s\n%s\n' "$P1" "$P2" "$P3" | jq -sc '[.[].differ[] | .id + ":" + (.value | tostring)]')
check_eq "three pages of 2 are the list of 5, in order" "$ALL" "$PAGES"
check_eq "the totals on every page" "5 5 5" "$(printf '%s\n%s\n%s\n' "$P1" "$P2" "$P3" | jq -s -r 'map(.differ_total) | join(" ")')"
check_contains "text: which part of the list" "differ (2 of 5, from 3):" "$("$IZDE" check -n 2 --offset 2 "37 человек")"

# --in: the articles must match the query
J=$("$IZDE" check --json --in Москве "37 человек")
check_eq "--in: only the matching articles" '{"in":"Москве","differ":[[5000,"a4"]],"agree":0}' \
    "$(echo "$J" | jq -c '{in: .scope.in, differ: [.differ[] | [.value, .id]], agree: .agree_total}')"
run check --in Москве "37 человек"
check_eq "--in, no agreeing article: exit 0 (one differs)" 0 "$STATUS"
run check --in 'Москве (' "37 человек"
check_eq "a bad --in query: exit 2" 2 "$STATUS"
check_eq "a bad --in query: named" "izde: check: bad scope query 'Москве (': unbalanced parenthesis: the ( is never closed (column 8 of the query)" "$ERR"
run facts --group-offset 5 Бишкек
check_contains "facts --group-offset past the groups: said" "1 things counted, none shown after skipping 5" "$OUT"
run check --in Лондон "37 человек"
check_eq "nothing in scope: exit 1" 1 "$STATUS"
check_eq "nothing in scope: said" "izde: no article in scope cites a figure for what '37 человек' counts" "$ERR"

# --date ranks by closeness to that day
J=$("$IZDE" check --json --date 2015-03-01 "37 человек" Бишкек)
check_eq "--date: ranked near it, the 2015 article first" '"2015-03-01" 200' \
    "$(echo "$J" | jq -r '"\(.ranked_near | tojson) \(.differ[0].value)"')"
run check --date 2017-02-30 "37 человек"
check_eq "a bad --date: exit 2" 2 "$STATUS"
check_eq "a bad --date: message" "izde: check: bad date '2017-02-30': give it as YYYY-MM-DD, e.g. 2017-01-16" "$ERR"

# facts: how many match, how many read, each value's date and sentence
OUT=$("$IZDE" facts Бишкек)
check_contains "facts: matched and all read" "5 articles match 'Бишкек'; all read; 1 things counted" "$OUT"
check_contains "facts: the value, its text, date and file" "  37  37 человек  2017-01-16  news/crash.jsonl" "$OUT"
check_contains "facts: its sentence" "      При крушении Боинга под Бишкеком погибли 37 человек." "$OUT"
check_contains "facts: the group counts articles and stories" "человек (5 figure(s) in 5 article(s), 5 stories; 5 value(s))" "$OUT"
check_contains "facts -n 2: the best 2 of 5 read" "5 articles match 'Бишкек'; the best 2 read" "$("$IZDE" facts -n 2 Бишкек)"
J=$("$IZDE" facts --json --values 2 Бишкек)
check_eq "facts --values 2: two cited, all counted" '{"matched":5,"articles":5,"values":2,"values_total":5}' \
    "$(echo "$J" | jq -c '{matched, articles, values: (.groups[0].values | length), values_total: .groups[0].values_total}')"
check_eq "facts: the first source of 31, for both articles citing it" '["a2","a2"]' \
    "$("$IZDE" facts --json Бишкек | jq -c '[.groups[0].values[] | select(.value == 31) | .first.id]')"
J=$("$IZDE" facts --json --groups 1 --group-offset 1 Бишкек)
check_eq "facts --group-offset past the groups: none shown, all counted" '0 1' \
    "$(echo "$J" | jq -r '"\(.groups | length) \(.groups_total)"')"
finish
