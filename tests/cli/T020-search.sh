#!/bin/sh
# T020-search: the query language over corpus/: inflected forms, exact
# phrases, OR / NOT / -word / parentheses, exit statuses and messages.
. "$(dirname "$0")/test-lib.sh"

"$IZDE" index --db db "$CORPUS" >/dev/null || fail "indexing the corpus"
export IZDE_DB="$WORK/db"

check_eq "терактов: the attacks article" "003_14c9b7630dbfab34.txt" "$(hit_files терактов)"
check_eq "Казахстане finds Казахстана and Казахстане" \
    "000_d565b1d6aecbcaa9.txt 003_14c9b7630dbfab34.txt 004_9dd1905dde7dd767.txt" \
    "$(hit_files Казахстане | sort | tr '\n' ' ' | sed 's/ $//')"
check_eq "a quoted word is the word: every form of Казахстана" \
    "000_d565b1d6aecbcaa9.txt 003_14c9b7630dbfab34.txt 004_9dd1905dde7dd767.txt" \
    "$(hit_files '"Казахстана"' | sort | tr '\n' ' ' | sed 's/ $//')"
check_eq "a phrase matches its words in any inflection: «28 тысячах человек»" \
    "000_d565b1d6aecbcaa9.txt" "$(hit_files '«28 тысячах человек»')"
check_eq "a phrase keeps its order: «человек 28 тысяч» finds nothing" "" "$(hit_files '«человек 28 тысяч»')"
check_eq "экстремизма: every inflection (экстремизму, экстремизмом), and the Kyrgyz экстремизмге" \
    "000_d565b1d6aecbcaa9.txt 001_63a034247d8c2709.txt 003_14c9b7630dbfab34.txt" \
    "$(hit_files экстремизма | sort | tr '\n' ' ' | sed 's/ $//')"
check_eq "экстремизма --no-expand: the Russian forms only" \
    "000_d565b1d6aecbcaa9.txt 003_14c9b7630dbfab34.txt" \
    "$(hit_files --no-expand экстремизма | sort | tr '\n' ' ' | sed 's/ $//')"
check_eq "phrase \"28 тысяч\"" "000_d565b1d6aecbcaa9.txt" "$(hit_files '"28 тысяч"')"
check_eq "number with a decimal comma" "000_d565b1d6aecbcaa9.txt" "$(hit_files '"2,2 млн"')"
check_eq "NOT excludes" "001_63a034247d8c2709.txt 003_14c9b7630dbfab34.txt" \
    "$(hit_files экстремизма NOT Алматы | sort | tr '\n' ' ' | sed 's/ $//')"
check_eq "-word excludes" "001_63a034247d8c2709.txt 003_14c9b7630dbfab34.txt" \
    "$(hit_files экстремизма -Алматы | sort | tr '\n' ' ' | sed 's/ $//')"
check_eq "OR" "003_14c9b7630dbfab34.txt 004_9dd1905dde7dd767.txt" \
    "$(hit_files терактов OR меморандум | sort | tr '\n' ' ' | sed 's/ $//')"
check_eq "parentheses" "003_14c9b7630dbfab34.txt" "$(hit_files '(терактов OR меморандум) NOT МВД')"
check_eq "Kyrgyz article: lang ky, found by its exact form" "001_63a034247d8c2709.txt ky" \
    "$("$IZDE" search --json уюмдардын | jq -r '.hits[] | "\(.path | split("/") | last) \(.lang)"')"
check_eq "all words must match" "004_9dd1905dde7dd767.txt" "$(hit_files меморандум Казахстане)"

# text output: rank, title, path, a line of context
run search терактов
check_eq "text: exit 0" 0 "$STATUS"
check_eq "text: first line" "1. 11 терактов предотвращено казахстанскими спецслужбами с прошлого года" \
    "$(echo "$OUT" | sed -n 1p)"
check_eq "text: language and path" "   ru · $CORPUS/003_14c9b7630dbfab34.txt" "$(echo "$OUT" | sed -n 2p)"
check_eq "text: context, the word marked (not a terminal)" \
    "   11 [терактов] предотвращено казахстанскими спецслужбами с прошлого года" "$(echo "$OUT" | sed -n 3p)"
check_eq "text: footer: stories, and the articles they hold" "-- hits 1-1 of about 1 story (1 article)" "$(echo "$OUT" | tail -n 1)"

# -n and --offset
check_eq "-n 1 gives one hit" "1" "$("$IZDE" search --json -n 1 Казахстане | jq '.hits | length')"
check_eq "-n 1: the count is still exact" "3" "$("$IZDE" search --json -n 1 Казахстане | jq '.matches_estimated')"
check_eq "--offset 1 gives rank 2 first" "2" "$("$IZDE" search --json --offset 1 Казахстане | jq '.hits[0].rank')"

# no match: exit 1, message on stderr, JSON still printed
run search квантовыйхолодильник
check_eq "no match: exit 1" 1 "$STATUS"
check_eq "no match: message" "izde: no match for 'квантовыйхолодильник'" "$ERR"
run search --json квантовыйхолодильник
check_eq "no match --json: exit 1" 1 "$STATUS"
check_eq "no match --json: empty hits" "0 0" "$(echo "$OUT" | jq -r '"\(.hits | length) \(.matches_estimated)"')"

# malformed queries: exit 2 and where
bad() { # bad QUERY EXPECTED-MESSAGE
    run search "$1"
    check_eq "bad query [$1]: exit 2" 2 "$STATUS"
    check_eq "bad query [$1]: message" "$2" "$ERR"
}
bad '"28 тысяч' "izde: bad query '\"28 тысяч': unbalanced quote: the \" is never closed (column 1 of the query)"
bad '(терактов OR меморандум' "izde: bad query '(терактов OR меморандум': unbalanced parenthesis: the ( is never closed (column 1 of the query)"
bad 'терактов)' "izde: bad query 'терактов)': unbalanced parenthesis: this ) has no matching ( (column 9 of the query)"
bad 'терактов OR' "izde: bad query 'терактов OR': OR needs a word on each side (column 10 of the query)"
bad 'NOT' "izde: bad query 'NOT': NOT needs a word after it (column 1 of the query)"
bad '""' "izde: bad query '\"\"': empty phrase: the quotes hold no words (column 1 of the query)"
bad '()' "izde: bad query '()': empty parentheses (column 1 of the query)"
bad ' — ' "izde: bad query ' — ': empty query: give at least one word to search for (column 1 of the query)"
run search
check_eq "no query: exit 2" 2 "$STATUS"
check_contains "no query: message" "izde: search: no query given" "$ERR"

# a missing index
run search --db "$WORK/nothing" терактов
check_eq "missing index: exit 2" 2 "$STATUS"
check_eq "missing index: message" "izde: no index at '$WORK/nothing': build it first with 'izde index --db DIR PATH...'" "$ERR"

finish
