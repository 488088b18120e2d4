#!/bin/sh
# T180-serve-api: `izde serve` on a free loopback port answers every
# endpoint with exactly what the command's --json prints, every mistake
# with a JSON error and the status that fits, serves nothing but its own
# page (with security headers), follows the index as it is updated or
# rebuilt, and stops cleanly.
. "$(dirname "$0")/test-lib.sh"

command -v curl >/dev/null || { fail "curl missing: run tools/deps.sh --test"; finish; }

# the seeds, and dated copies of them from two sources
mkdir in
cp "$CORPUS"/*.txt in/
seed_copies 12 > in/copies.jsonl
"$IZDE" index --db db in >/dev/null 2>&1

trap 'stop_server' EXIT
# get PATH [CURL-ARGS...]: sets CODE and BODY
get() {
    p=$1
    shift
    CODE=$(curl -s -o body.out -w '%{http_code}' "$@" "$URL$p")
    BODY=$(cat body.out)
}

start_server --db db --listen 127.0.0.1:0
check_contains "the server says where it listens" "izde serve: http://127.0.0.1:" "$(cat serve.out)"
check_contains "... and what it serves" "(65 documents, 4 threads)" "$(cat serve.out)"

# every endpoint answers what the command prints
same() { # WHAT API-PATH CLI-ARGS...
    what=$1 path=$2
    shift 2
    get "$path"
    check_eq "$what: 200" 200 "$CODE"
    check_eq "$what: as the command's --json" "$("$IZDE" "$@" 2>/dev/null)" "$BODY"
}
# err WHAT STATUS MESSAGE PATH: a mistake gets a JSON error and the fitting status
err() { # WHAT STATUS MESSAGE PATH [CURL-ARGS...]
    what=$1 status=$2 msg=$3 path=$4
    shift 4
    get "$path" "$@"
    check_eq "$what: status" "$status" "$CODE"
    check_eq "$what: message" "$msg" "$(printf '%s' "$BODY" | jq -r .error)"
}
Q=$(printf '%s' 'экстремизма' | jq -sRr @uri)
same "/api/search" "/api/search?q=$Q" search --db db --json экстремизма
same "/api/search with n, offset and sort" "/api/search?q=$Q&n=5&offset=3&sort=-date" search --db db --json -n 5 --offset 3 --sort -date экстремизма
P=$(printf '%s' '"28 тысяч" OR лидерлер' | jq -sRr @uri)
same "/api/search, a phrase and OR" "/api/search?q=$P&n=20" search --db db --json -n 20 '"28 тысяч" OR лидерлер'
same "/api/search, no hit" "/api/search?q=zzzqqq" search --db db --json zzzqqq
same "/api/facts: 200 articles, 50 groups, 10 values each by default" "/api/facts?q=$Q" \
    facts --db db --json -n 200 --groups 50 --values 10 экстремизма
same "/api/facts with n" "/api/facts?q=$Q&n=3" facts --db db --json -n 3 --groups 50 --values 10 экстремизма
same "/api/facts with groups, goffset, values" "/api/facts?q=$Q&groups=2&goffset=1&values=1" \
    facts --db db --json -n 200 --groups 2 --group-offset 1 --values 1 экстремизма
C=$(printf '%s' '28 тысяч человек' | jq -sRr @uri)
same "/api/check: 20 citations by default" "/api/check?claim=$C" check --db db --json -n 20 '28 тысяч человек'
A=$(printf '%s' 'Алматы' | jq -sRr @uri)
same "/api/check with q (--in), n, offset" "/api/check?claim=$C&q=$A&n=2&offset=1" \
    check --db db --json --in Алматы -n 2 --offset 1 '28 тысяч человек'
get "/api/check?claim=$C&q=$A"
check_eq "/api/check q scopes the check and says so" "Алматы null" \
    "$(printf '%s' "$BODY" | jq -r '"\(.scope.in) \(.scope.words)"')"
same "/api/timeline" "/api/timeline?q=$Q" timeline --db db --json экстремизма
same "/api/timeline by year" "/api/timeline?q=$Q&by=year" timeline --db db --json --by year экстремизма
same "/api/timeline, mentioned dates" "/api/timeline?q=$Q&by=year&mentioned=1" timeline --db db --json --by year --mentioned экстремизма
same "/api/timeline, labels in English" "/api/timeline?q=$Q&by=week&labels=en" timeline --db db --json --by week --labels en экстремизма
get "/api/timeline?q=$Q"
check_eq "/api/timeline: labels in Russian by default" '"янв 2020"' "$(printf '%s' "$BODY" | jq -c '.periods[0].label')"
get "/api/timeline?q=$Q&by=week&labels=en"
check_eq "/api/timeline, labels=en: ISO weeks" '"W3 2020"' "$(printf '%s' "$BODY" | jq -c '.periods[0].label')"
same "/api/stats" "/api/stats" stats --db db --json
ID=$("$IZDE" search --db db --json -n 1 экстремизма | jq -r '.hits[0].id')
I=$(printf '%s' "$ID" | jq -sRr @uri)
same "/api/doc" "/api/doc?id=$I" show --db db --json "$ID"
same "/api/similar" "/api/similar?id=$I" similar --db db --json "$ID"
same "/api/similar with q, n and offset" "/api/similar?id=$I&q=lang:ru&n=2&offset=1" \
    similar --db db --json -n 2 --offset 1 "$ID" lang:ru
err "/api/doc: an unknown id" 404 "no article with id 'nope' in the index" "/api/doc?id=nope"
err "/api/doc: no id" 400 "give the id as ?id=..." "/api/doc"
same "/api/search, expand=0" "/api/search?q=$Q&expand=0" search --db db --json --no-expand экстремизма
same "/api/facts, expand=0" "/api/facts?q=$Q&expand=0" facts --db db --json -n 200 --groups 50 --values 10 --no-expand экстремизма
same "/api/timeline, expand=0" "/api/timeline?q=$Q&expand=0" timeline --db db --json --no-expand экстремизма
get "/api/search?q=$Q&expand=0"
check_eq "expand=0: nothing expanded" "null" "$(printf '%s' "$BODY" | jq -c .expanded)"
get "/api/search?q=$Q"
check_eq "expanded: the Kyrgyz stem, and why" '[{"word":"экстремизма","why":"form","to":["экстремизм"]}]' \
    "$(printf '%s' "$BODY" | jq -c .expanded)"
get "/api/search?q=$Q"
check_eq "search: highlights and figures are there" "true true" \
    "$(printf '%s' "$BODY" | jq -c '[(.hits[0].snippets[0].highlights | length > 0), (.hits[0].figures | length > 0)] | map(tostring) | join(" ")' -r)"

# mistakes: a JSON error, the fitting status
err "no q" 400 "give the query as ?q=..." "/api/search"
err "an empty q" 400 "give the query as ?q=..." "/api/search?q="
bad=$(printf '%s' 'экстремизм (Алматы' | jq -sRr @uri)
err "a malformed query: the command's message" 400 "$("$IZDE" search --db db 'экстремизм (Алматы' 2>&1 | sed "s/^izde: bad query 'экстремизм (Алматы': //")" "/api/search?q=$bad"
err "labels neither ru nor en" 400 "labels takes ru or en, not 'de'" "/api/timeline?q=$Q&labels=de"
err "n too big" 400 "n must be a number from 0 to 100, not '101'" "/api/search?q=$Q&n=101"
err "offset not a number" 400 "offset must be a number from 0 to 10000, not 'abc'" "/api/search?q=$Q&offset=abc"
err "a bad sort" 400 "sort takes relevance, date or -date, not 'size'" "/api/search?q=$Q&sort=size"
err "a bad expand" 400 "expand takes 0 (words as typed) or 1 (the default), not 'no'" "/api/search?q=$Q&expand=no"
err "a bad check date" 400 "bad date '2017-13-01': give it as YYYY-MM-DD, e.g. 2017-01-16" "/api/check?claim=$C&date=2017-13-01"
err "groups 0" 400 "groups must be a number from 1 to 1000, not 0" "/api/facts?q=$Q&groups=0"
err "a bad by" 400 "by takes year, month or week, not 'day'" "/api/timeline?q=$Q&by=day"
err "check without a claim" 400 "give the figure to check as ?claim=..." "/api/check"
err "a claim without a figure" 400 "$("$IZDE" check --db db 'просто слова' 2>&1 | sed 's/^izde: check: //')" "/api/check?claim=$(printf 'просто слова' | jq -sRr @uri)"
err "not UTF-8" 400 "q is not valid UTF-8" "/api/search?q=%FF%FE"
long=$(head -c 1025 /dev/zero | tr '\0' 'a')
err "a query over 1024 bytes" 413 "q is 1025 bytes long; at most 1024 are taken" "/api/search?q=$long"
err "a body on GET" 413 "a GET request carries no body" "/api/search?q=$Q" -X GET --data-binary 'x=1'
err "POST" 405 "only GET and HEAD are served" "/api/search?q=$Q" -X POST --data-binary 'q=x'
check_contains "POST: Allow says what is" "Allow: GET, HEAD" "$(curl -s -D - -o /dev/null -X POST "$URL/api/stats" | tr -d '\r')"
err "DELETE" 405 "only GET and HEAD are served" "/" -X DELETE
err "an unknown endpoint" 404 "no such endpoint '/api/nope': /api/search, /api/facts, /api/check, /api/timeline, /api/stats, /api/doc, /api/similar and /api/watches are" "/api/nope"
err "an unknown page" 404 "no such page; the search page is at /" "/admin"

# nothing but the bundled page
for p in /../../../../etc/passwd /%2e%2e/%2e%2e/etc/passwd /app.js/../../etc/passwd //etc/passwd \
         /..%2f..%2fetc%2fpasswd /style.css%00.html "/$(printf '%s' "$CORPUS" | sed 's|^/||')/000_d565b1d6aecbcaa9.txt" \
         /CMakeLists.txt /src/web/app.js; do
    get "$p" --path-as-is
    check_eq "traversal $p: 404" 404 "$CODE"
    check_not_contains "traversal $p: nothing leaked" "root:" "$BODY"
done
get /
check_eq "the page: 200" 200 "$CODE"
check_eq "the page is the bundled index.html" "$(cat "$IZDE_SRC/src/web/index.html")" "$BODY"
get /app.js
check_eq "the script is the bundled app.js" "$(cat "$IZDE_SRC/src/web/app.js")" "$BODY"
get /style.css
check_eq "the style is the bundled style.css" "$(cat "$IZDE_SRC/src/web/style.css")" "$BODY"
H=$(curl -s -D - -o /dev/null "$URL/" | tr -d '\r')
check_contains "page: content type" "Content-Type: text/html; charset=utf-8" "$H"
check_contains "page: CSP" "Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'" "$H"
check_contains "page: nosniff" "X-Content-Type-Options: nosniff" "$H"
check_contains "page: no framing" "X-Frame-Options: DENY" "$H"
check_contains "page: no referrer" "Referrer-Policy: no-referrer" "$H"
H=$(curl -s -D - -o /dev/null "$URL/api/stats" | tr -d '\r')
check_contains "API: JSON" "Content-Type: application/json; charset=utf-8" "$H"
check_contains "API: not cached" "Cache-Control: no-store" "$H"
check_eq "HEAD: headers, no body" "200 0" "$(curl -s -I -o /dev/null -w '%{http_code} %{size_download}' "$URL/")"

# the index changes under the server
printf '{"id": "late-1", "text": "Поздняя новость о гиперзвуковом проекте."}\n' > in/late.jsonl
"$IZDE" index --db db in >/dev/null 2>&1
get "/api/stats"
check_eq "an article indexed beside the server is seen" 66 "$(printf '%s' "$BODY" | jq .documents)"
get "/api/search?q=$(printf 'гиперзвуковом' | jq -sRr @uri)"
check_eq "... and found" '["late-1"]' "$(printf '%s' "$BODY" | jq -c '[.hits[].id]')"
rm -rf db
get "/api/stats"
check_eq "the index gone: 503" 503 "$CODE"
check_contains "the index gone: says so" "no index at 'db'" "$(printf '%s' "$BODY" | jq -r .error)"
"$IZDE" index --db db in/late.jsonl >/dev/null 2>&1
get "/api/stats"
check_eq "rebuilt: the new index is served" "200 1" "$CODE $(printf '%s' "$BODY" | jq .documents)"
[ "$CODE" = 200 ] || printf 'rebuilt: %s\n' "$BODY" >&2
printf 'garbage' > db/iamglass
get "/api/stats"
check_eq "a damaged index: 500" 500 "$CODE"
check_contains "a damaged index: what to do" "the index is damaged; delete the folder and index again" "$(printf '%s' "$BODY" | jq -r .error)"
stop_server
check_eq "SIGTERM: a clean stop" "izde serve: stopped (SIGTERM)" "$(tail -n 1 serve.err)"

# at most --max-connections at once: past it, the oldest idle one is
# closed to make room (tests/cli/T182-serve-hostile.sh tries thousands)
"$IZDE" index --db db2 in >/dev/null 2>&1
start_server --db db2 --listen 127.0.0.1:0 --max-connections 2
port=${URL##*:}
bash -c "exec 5<>/dev/tcp/127.0.0.1/$port 6<>/dev/tcp/127.0.0.1/$port; sleep 3" &
holder=$!
sleep 0.5
CODE=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$URL/api/stats")
check_eq "a third connection beyond --max-connections 2, two idle: answered" 200 "$CODE"
wait $holder
sleep 0.3
get "/api/stats"
check_eq "... served once the others are closed" 200 "$CODE"
stop_server

# a set of shards is served as one index
"$IZDE" index --db sh --shards 2 in >/dev/null 2>&1
start_server --db sh --listen 127.0.0.1:0
check_contains "shards: the server says so" "(66 documents in 2 shards, 4 threads)" "$(cat serve.out)"
same "shards: /api/search as the command" "/api/search?q=$Q&n=20" search --db sh --json -n 20 экстремизма
same "shards: /api/stats as the command" "/api/stats" stats --db sh --json
stop_server

# start-up mistakes
run serve --db db2 --listen nowhere
check_eq "a bad --listen" "izde: serve: --listen takes an IPv4 address and a port, e.g. 127.0.0.1:8080, not 'nowhere'" "$ERR"
start_server --db db2 --listen 127.0.0.1:0
run serve --db db2 --listen "127.0.0.1:${URL##*:}"
check_contains "a port in use" "izde: serve: cannot listen on 127.0.0.1:${URL##*:}" "$ERR"
stop_server
run serve --db nowhere
check_eq "no index" "izde: no index at 'nowhere': build it first with 'izde index --db DIR PATH...'" "$ERR"
run serve --db db2 --threads 0
check_eq "--threads 0" "izde: serve: --threads takes a number from 1 to 64, not '0'" "$ERR"
trap - EXIT
finish
