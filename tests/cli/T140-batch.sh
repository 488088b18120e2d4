#!/bin/sh
# T140-batch: `izde search --batch` answers queries read from stdin, one
# JSON line each, in order, on one open index; bad lines get an error
# line and the batch goes on; --no-snippets lists hits without fragments.
. "$(dirname "$0")/test-lib.sh"

run index --db db "$CORPUS"
check_eq "index the corpus" 0 "$STATUS"

printf '%s\n' 'Казахстане' 'терроризм OR' '' 'lang:ky лидерлер' > queries
"$IZDE" search --db db --batch -n 2 < queries > out.jsonl 2> err.txt
STATUS=$?
check_eq "a failed line makes the exit status 2" 2 "$STATUS"
check_eq "one line per query, in order" "Казахстане|терроризм OR||lang:ky лидерлер" \
    "$(jq -r .query out.jsonl | paste -sd'|' -)"
check_eq "hits as in --json, at most -n; none on error lines" "2 - - 1" \
    "$(jq -r 'if .hits then (.hits | length) else "-" end' out.jsonl | paste -sd' ' -)"
check_eq "the same hits as one search --json" \
    "$("$IZDE" search --db db --json -n 2 Казахстане | jq -c '.hits | map(.id)')" \
    "$(sed -n 1p out.jsonl | jq -c '.hits | map(.id)')"
check_eq "took_ms: the time of each answered query" "true true" \
    "$(jq -r 'select(.hits) | (.took_ms | type == "number" and . >= 0)' out.jsonl | paste -sd' ' -)"
check_eq "a bad query: its line and the parser's message" \
    '{"query":"терроризм OR","line":2,"error":"OR needs a word on each side (column 11 of the query)"}' \
    "$(sed -n 2p out.jsonl)"
check_eq "an empty line: an error line" '{"query":"","line":3,"error":"empty query"}' "$(sed -n 3p out.jsonl)"
check_eq "stderr names the lines" "izde: stdin:2: bad query: OR needs a word on each side (column 11 of the query)
izde: stdin:3: empty query: write one query per line" "$(cat err.txt)"

printf 'Казахстане\n' | "$IZDE" search --db db --batch > good.jsonl
check_eq "every query answered: exit 0" 0 "$?"

# --no-snippets: the list only
printf 'Казахстане\n' | "$IZDE" search --db db --batch --no-snippets > nosnip.jsonl
check_eq "--no-snippets: no fragments, no figures" "0 0 0 0 0 0" \
    "$(jq -r '.hits[] | (.snippets | length), (.figures | length)' nosnip.jsonl | paste -sd' ' -)"
check_eq "--no-snippets: the same hits" "$(jq -c '.hits | map(.id)' good.jsonl)" "$(jq -c '.hits | map(.id)' nosnip.jsonl)"
run search --db db --no-snippets --json Казахстане
check_eq "--no-snippets works without --batch too" "0" "$(printf '%s' "$OUT" | jq '[.hits[].snippets | length] | add')"

run search --db db --batch Казахстане
check_eq "--batch with a query: exit 2" 2 "$STATUS"
check_eq "--batch with a query: the message" \
    "izde: search --batch reads its queries from stdin, one per line; drop 'Казахстане'" "$ERR"
finish
