#!/bin/sh
# T040-kyrgyz: Kyrgyz stemming and one query over both languages, on
# corpus/ (four Russian articles, one Kyrgyz: 001) and small made-up
# articles; lang: narrows and filters.
. "$(dirname "$0")/test-lib.sh"

"$IZDE" index --db db "$CORPUS" >/dev/null || fail "indexing the corpus"
export IZDE_DB="$WORK/db"
files() { hit_files "$@" | sed 's/_.*//' | sort | tr '\n' ' ' | sed 's/ $//'; }

check_eq "languages of the seeds" "000:ru 001:ky 002:ru 003:ru 004:ru" \
    "$("$IZDE" search --json -n 10 'NOT квантовыйхолодильник' | jq -r '.hits[] | (.path | split("/") | last | .[0:3]) + ":" + .lang' | sort | tr '\n' ' ' | sed 's/ $//')"
check_eq "экстремизм: Kyrgyz экстремизмдин and the Russian forms" "000 001 003" "$(files экстремизм)"
check_eq "лидерлер: лидерлерге, лидерлердин, and the Russian лидеров" "001 004" "$(files лидерлер)"
check_eq "лидерлер --no-expand: the Kyrgyz forms only" "001" "$(files --no-expand лидерлер)"
check_eq "терроризм: all three" "000 001 003" "$(files терроризм)"
check_eq "lang:ky терроризм: only the Kyrgyz one" "001" "$(files lang:ky терроризм)"
check_eq "lang:ru терроризм: only the Russian ones" "000 003" "$(files терроризм lang:ru)"
check_eq "lang:ky alone is a filter" "001" "$(files lang:ky)"
check_eq "-lang:ky excludes" "000 003" "$(files терроризм -lang:ky)"
check_eq "уюм finds уюмдардын" "001" "$(files уюм)"
check_eq "ИИМ finds ИИМдин (acronym + suffix), and МВД (glossary)" "001 004" "$(files ИИМ)"
check_eq "ИИМ --no-expand: ИИМдин only" "001" "$(files --no-expand ИИМ)"

# the highlight in the Kyrgyz article covers the inflected form
J=$("$IZDE" search --json lang:ky лидерлер)
TEXT=$(echo "$J" | jq -r '.hits[0].snippets[0].text')
MARKED=$(echo "$J" | jq -r '.hits[0].snippets[0].highlights[] | "\(.[0]) \(.[1])"' |
    while read -r s e; do printf '%s' "$TEXT" | cut -b "$((s + 1))-$e"; done | sort -u | tr '\n' ' ')
check_contains "highlight: a form of лидер" "лидерлер" "$MARKED"

# hyphenated words are indexed whole and by parts; a hyphenated query matches both ways
cat > ky.jsonl <<'JSONL'
{"id": "h1", "lang": "ky", "text": "2021-жылдын январь айында Бишкекте жаңы мектеп ачылды."}
{"id": "h2", "lang": "ky", "text": "Быйыл жылы Ош шаарында жол курулду."}
{"id": "h3", "lang": "ru", "text": "Северо-западный район получил новые школы."}
JSONL
"$IZDE" index --db hy ky.jsonl >/dev/null
check_eq "2021-жылы finds 2021-жылдын" "h1" "$("$IZDE" search --db hy --json 2021-жылы | jq -r '[.hits[].id] | join(" ")')"
check_eq "жыл finds the part of 2021-жылдын and жылы" "h1 h2" \
    "$("$IZDE" search --db hy --json жыл | jq -r '[.hits[].id] | sort | join(" ")')"
check_eq "северо-западного finds северо-западный" "h3" \
    "$("$IZDE" search --db hy --json северо-западного | jq -r '[.hits[].id] | join(" ")')"
check_eq "Бишкек finds Бишкекте" "h1" "$("$IZDE" search --db hy --json Бишкек | jq -r '[.hits[].id] | join(" ")')"

finish
