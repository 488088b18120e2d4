#!/bin/sh
# T090-figures: figures through the CLI over corpus/: izde analyze, figure
# filters in search, izde facts and the fact-checking view izde check.
. "$(dirname "$0")/test-lib.sh"

"$IZDE" index --db db "$CORPUS" >/dev/null || fail "indexing the corpus"
export IZDE_DB="$WORK/db"

# analyze: values, qualifiers, multipliers, units, nouns; not years, dates, times
J=$(printf '%s' 'Более 300 мероприятий охватили 28 тысяч человек, около 1,2 тонны изъято в 2017 году, 5 декабря в 16:49.' | "$IZDE" analyze --json)
check_eq "analyze: language" "ru" "$(echo "$J" | jq -r .lang)"
check_eq "analyze: figures" '[[300,"more",null,"мероприятий"],[28000,"exact",null,"человек"],[1.2,"about","т",null]]' \
    "$(echo "$J" | jq -c '[.figures[] | [.value, .qualifier, .unit, .noun]]')"
check_eq "analyze: byte offsets of the first figure" "Более 300 мероприятий" \
    "$(echo "$J" | jq -r '.figures[0] | "\(.start) \(.end)"' | { read -r s e; printf '%s' 'Более 300 мероприятий охватили' | cut -b "$((s + 1))-$e"; })"
J=$(printf '%s' 'Бүгүнкү күндө 30-35 адамдан турган топтор бар. 100дөн ашуун лидерлердин катышуусу менен өттү.' | "$IZDE" analyze --json --lang ky)
check_eq "analyze ky: range and qualifier after the noun" '[[30,35,"exact","адамдан"],[100,100,"more","лидерлердин"]]' \
    "$(echo "$J" | jq -c '[.figures[] | [.value, .high, .qualifier, .noun]]')"

# search: figure filters, and the figures of each hit in JSON
check_eq "теракт:10..20 finds the article citing 11 терактов" "003_14c9b7630dbfab34.txt" "$(hit_files 'теракт:10..20')"
check_eq "теракт:12..20 finds nothing" "" "$(hit_files 'теракт:12..20')"
check_eq "человек:>10000 with a word" "000_d565b1d6aecbcaa9.txt" "$(hit_files 'человек:>10000' терроризм)"
check_eq "человек:<=600 (84 and 600 человек)" "000_d565b1d6aecbcaa9.txt 002_3874bc77a9b6e931.txt" \
    "$(hit_files 'человек:<=600' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')"
run search 'человек:много'
check_eq "bad figure filter: exit 2" 2 "$STATUS"
check_eq "bad figure filter: message" "izde: bad query 'человек:много': a figure filter needs a range, e.g. человек:>1000, теракт:10..20 or теракт:11 (column 1 of the query)" "$ERR"
check_eq "search --json: figures of a hit" "true" \
    "$("$IZDE" search --json терактов | jq '[.hits[0].figures[] | select(.text == "11 терактов" and .value == 11)] | length == 1')"
check_contains "search text: figures line" "   figures: 11 терактов" "$("$IZDE" search терактов)"

# check: the Almaty article agrees on 28 тысяч человек; its other «человек» figures differ
J=$("$IZDE" check --json "28 тысяч человек")
check_eq "check: claim" '{"value":28000,"noun_stem":"человек"}' "$(echo "$J" | jq -c '.claim | {value, noun_stem}')"
check_eq "check: agree" '["000_d565b1d6aecbcaa9.txt"]' "$(echo "$J" | jq -c '[.agree[].path | split("/") | last] | unique')"
check_eq "check: differ values" '[[84,"000"],[600,"002"],[1000,"000"],[3000,"000"],[60000,"000"]]' \
    "$(echo "$J" | jq -c '[.differ[] | [.value, (.path | split("/") | last | .[0:3])]] | sort')"
check_eq "check across languages: 100 лидер agrees with 100дөн ашуун лидерлердин" "001_63a034247d8c2709.txt more" \
    "$("$IZDE" check --json "100 лидер" | jq -r '.agree[0] | "\(.path | split("/") | last) \(.qualifier)"')"
run check "мероприятия"
check_eq "check without a number: exit 2" 2 "$STATUS"
check_eq "check without a number: message" "izde: check: no figure in 'мероприятия': give a number and what it counts, e.g. \"11 терактов\" or \"28 тысяч человек\"" "$ERR"

# facts: grouped by what is counted
J=$("$IZDE" facts --json терроризм)
check_eq "facts: человек first, six figures in one article" "человек 6 1" \
    "$(echo "$J" | jq -r '.groups[0] | "\(.noun_stem) \(.figures) \(.articles)"')"

finish
