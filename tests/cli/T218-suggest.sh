#!/bin/sh
# T218-suggest: "did you mean" over corpus/.  Misspelt words of the seed
# articles, Russian and Kyrgyz, get exactly the word meant, in the form
# typed, with the rest of the query kept byte for byte; words spelt right
# and strings far from every word get nothing.  The text output starts
# with "Did you mean: ...?", the JSON (--json, --batch, /api/search)
# carries "suggestion" only when there is one, and shards served by
# xapian-tcpsrv suggest as the single index does.
. "$(dirname "$0")/test-lib.sh"

"$IZDE" index --db db "$CORPUS" >/dev/null || fail "indexing the corpus"
export IZDE_DB="$WORK/db"

# suggestion QUERY [DB-ARGS...]: the suggestion, or - for none
suggestion() {
    q=$1; shift
    "$IZDE" search "$@" --json -n 0 "$q" 2>/dev/null | jq -r '.suggestion // "-"'
}
suggests() { # QUERY EXPECTED
    check_eq "[$1] suggests [$2]" "$2" "$(suggestion "$1")"
}

# misspellings of the seed articles' words, as typed
suggests экстримизма экстремизма                 # и for е
suggests терорризма терроризма                   # two letters swapped
suggests Казахстаане Казахстане                  # a letter typed twice
suggests меморандм меморандум                    # one left out
suggests профилактеки профилактики               # е for и
suggests коррупцыя коррупция                     # ы for и, in the stem's last letter
suggests ЭКСТРИМИЗМОМ ЭКСТРЕМИЗМОМ               # capitals kept
suggests экстремизимдин экстремизмдин            # Kyrgyz: one added
suggests лидерлр лидерлер                        # Kyrgyz: one left out
# the rest of the query kept byte for byte
suggests 'экстримизма  -Алматы' 'экстремизма  -Алматы'
suggests '"28 тысяч челвек"' '"28 тысяч человек"'
suggests 'соцалдык тармактардагы' 'социалдык тармактардагы'
suggests '(меморандм OR терорризма) lang:ru' '(меморандум OR терроризма) lang:ru'
# words spelt right, the excluded, and nothing close
for q in Казахстане терактов экстремизма уюмдардын социалдык 'терактов -экстримизма' \
         квантовыйхолодильник zzzzz фывапролдж Жапоров 2017; do
    suggests "$q" -
done

# text output: the suggestion first, the exit status and message as for no match
run search экстримизма
check_eq "text: exit 1 (no match)" 1 "$STATUS"
check_eq "text: the suggestion" "Did you mean: экстремизма?" "$OUT"
check_eq "text: the message" "izde: no match for 'экстримизма'" "$ERR"
run search --format compact профилактеки Алматы
check_eq "compact: the suggestion first" "Did you mean: профилактики Алматы?" "$OUT"
run search Казахстане
check_eq "text: no suggestion for a word spelt right" "1. 11 терактов предотвращено казахстанскими спецслужбами с прошлого года" \
    "$(printf '%s\n' "$OUT" | sed -n 1p)"

# JSON: the member only when there is a suggestion
check_eq "--json: suggestion" '"экстремизма"' "$("$IZDE" search --json экстримизма 2>/dev/null | jq -c .suggestion)"
check_eq "--json: no member without one" false "$("$IZDE" search --json Казахстане | jq -c 'has("suggestion")')"
check_eq "--batch: each line" '"терроризма" null' \
    "$(printf 'терорризма\nтерактов\n' | "$IZDE" search --batch | jq -c .suggestion | paste -sd' ' -)"

# the HTTP API answers the same JSON
trap 'stop_server' EXIT
start_server --db db --listen 127.0.0.1:0
check_eq "/api/search: suggestion" '"меморандум"' \
    "$(curl -s "$URL/api/search?q=$(printf '%s' меморандм | jq -sRr @uri)&n=1" | jq -c .suggestion)"
stop_server

# shards, as folders and served by xapian-tcpsrv: as the single index
command -v xapian-tcpsrv >/dev/null || { fail "xapian-tcpsrv missing: run tools/deps.sh --test"; finish; }
SERVERS="$IZDE_SRC/tools/shard-servers.sh"
"$IZDE" index --shards 2 --db sh "$CORPUS" >/dev/null 2>&1
port=$((20000 + ($$ + 900) % 20000))
trap '"$SERVERS" stop --run "$WORK/sh/servers" >/dev/null 2>&1' EXIT
"$SERVERS" start sh --port $port >/dev/null 2>&1 || "$SERVERS" start sh --port $((port + 13)) >/dev/null
check_eq "two servers" 2 "$(grep -c '^tcp://' sh/servers/izde.shards)"
for q in экстримизма терорризма экстремизимдин лидерлр 'соцалдык тармактардагы' Казахстане zzzzz; do
    want=$(suggestion "$q")
    check_eq "[$q] over two shard folders" "$want" "$(suggestion "$q" --db sh)"
    check_eq "[$q] over xapian-tcpsrv" "$want" "$(suggestion "$q" --db sh/servers)"
done
check_eq "over xapian-tcpsrv, in one session" '"экстремизма" "терроризма" null "лидерлер"' \
    "$(printf 'экстримизма\nтерорризма\nКазахстане\nлидерлр\n' | "$IZDE" search --db sh/servers --batch -n 0 | jq -c .suggestion | paste -sd' ' -)"

finish
