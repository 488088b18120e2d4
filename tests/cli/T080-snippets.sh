#!/bin/sh
# T080-snippets: fragments and highlights over corpus/: inflected forms in
# both languages marked, nothing else marked, phrases marked as a unit,
# at most three fragments of at most ~300 characters cut at UTF-8
# boundaries, [marks] when not on a terminal, the compact format.
. "$(dirname "$0")/test-lib.sh"

"$IZDE" index --db db "$CORPUS" >/dev/null || fail "indexing the corpus"
export IZDE_DB="$WORK/db"

# marked QUERY: every highlighted string, one per line, sorted and unique
marked() {
    "$IZDE" search --json -n 10 "$@" | jq -r '.hits[].snippets[] | .text as $t | .highlights[] | "\(.[0]) \(.[1]) \($t)"' |
        while read -r s e t; do printf '%s\n' "$t" | cut -b "$((s + 1))-$e"; done | LC_ALL=C sort -u
}

check_eq "экстремизм: Russian and Kyrgyz forms marked" \
    "$(printf '%s\n' Экстремизмге экстремизма экстремизмдин экстремизмом экстремизму | LC_ALL=C sort)" "$(marked экстремизм)"
check_eq "лидерлер: Kyrgyz forms marked, and the Russian лидеров" \
    "$(printf '%s\n' лидерлерге лидерлердин лидеров | LC_ALL=C sort)" "$(marked лидерлер)"
check_eq "Казахстана: every case form, not казахстанскими" \
    "$(printf '%s\n' Казахстана Казахстане | LC_ALL=C sort)" "$(marked Казахстана)"
check_eq "a phrase is marked as one unit" "28 тысяч" "$(marked '"28 тысяч"')"
check_eq "an excluded word is not marked" "терактов" "$(marked терактов NOT МВД)"
check_eq "a quoted word: its forms" "$(printf '%s\n' Казахстана Казахстане | LC_ALL=C sort)" "$(marked '"Казахстана"')"
check_eq "a phrase in another inflection is marked as one unit" "28 тысяч человек" "$(marked '«28 тысячам человека»')"

# every mark is a whole word whose stem is the query word's
J=$("$IZDE" search --json -n 10 терроризм)
check_eq "at most three fragments per hit" "true" "$(echo "$J" | jq '[.hits[].snippets | length <= 3] | all')"
check_eq "fragments of at most 300 characters plus ellipses" "true" \
    "$(echo "$J" | jq '[.hits[].snippets[].text | gsub("…"; "") | length <= 300] | all')"
check_eq "fragments: whitespace collapsed" "false" \
    "$(echo "$J" | jq '[.hits[].snippets[].text | test("  |\n|\t")] | any')"
BAD=$(echo "$J" | jq -r '.hits[].snippets[] | .text as $t | .highlights[] | "\(.[0]) \(.[1]) \($t)"' |
    while read -r s e t; do printf '%s' "$t" | cut -b "$((s + 1))-$e" | iconv -f utf-8 -t utf-8 >/dev/null 2>&1 || echo bad; done)
check_eq "highlights cut at UTF-8 boundaries" "" "$BAD"
check_eq "терроризм: marks are forms of the word" "$(printf '%s\n' терроризм терроризма терроризмдин терроризмом терроризму | LC_ALL=C sort)" \
    "$(marked терроризм)"

# a long sentence is cut at a word, with an ellipsis
J=$("$IZDE" search --json -n 1 lang:ky шаарларынан)
T=$(echo "$J" | jq -r '.hits[0].snippets[0].text')
check_contains "long sentence: ellipsis where cut" "…" "$T"
check_eq "long sentence: at most 300 characters" "true" "$(echo "$J" | jq '.hits[0].snippets[0].text | gsub("…"; "") | length <= 300')"

# text output: marks, meta line; compact format: one line per hit
run search Бишкек
check_contains "text: Kyrgyz form marked with brackets" "[Бишкек]" "$OUT"
check_eq "text: meta line" "   ky · ИИМдин Басма сөз кызматы · $CORPUS/001_63a034247d8c2709.txt" "$(echo "$OUT" | sed -n 2p)"
run search --format compact терроризм
check_eq "compact: one line per hit and the footer" "4" "$(echo "$OUT" | wc -l | tr -d ' ')"
check_eq "compact: first line" "1. ky ИИМдин Басма сөз кызматы  ИИМ: Диний-экстремисттик уюмдардын социалдык тармактардагы ишмердүүлүгүнө каршы күрөш күчөтүлүүдө  $CORPUS/001_63a034247d8c2709.txt" \
    "$(echo "$OUT" | head -n 1)"
run search --format wide терроризм
check_eq "bad --format: exit 2" 2 "$STATUS"
check_eq "bad --format: message" "izde: search: --format takes full|compact|json, not 'wide'" "$ERR"

# a hit whose text writes the query otherwise (с400 matches С-400) and
# opens with one long sentence: С-400 is marked, the fragment starts there
long=$(printf 'слово%.0s ' $(seq 1 120))
printf '{"id": "s400", "text": "Комплексы С-400 стоят %s на позициях. Второе предложение."}\n' "$long" > s400.jsonl
"$IZDE" index --db s400 s400.jsonl >/dev/null
run search --db s400 --json с400
check_eq "с400 finds С-400 in a long sentence: a hit, no crash" "0 s400" "$STATUS $(printf '%s' "$OUT" | jq -r '.hits[0].id')"
check_contains "... its fragment starts with the sentence" "Комплексы С-400 стоят слово" "$(printf '%s' "$OUT" | jq -r '.hits[0].snippets[0].text')"
check_contains "... and marks С-400 as one unit" "Комплексы [С-400] стоят" "$("$IZDE" search --db s400 с400)"

finish
