#!/bin/sh
# T291-watch-feed: `izde serve` offers each saved search as an Atom feed,
# /feeds/NAME.atom, valid against RFC 4287's RELAX NG schema
# (tests/atom/atom.rnc, as atom.rng for xmllint): the articles the search
# matches, newest-indexed first, linked to the page and to their URL; an
# unknown name is a 404 naming the saved ones; reading a feed marks
# nothing; /api/watches lists them; the page lists them with their feeds
# (headless Chromium, skipped when it is not installed).
. "$(dirname "$0")/test-lib.sh"

command -v xmllint >/dev/null || { fail "xmllint missing: run tools/deps.sh --test"; finish; }

cat > b1.jsonl <<'EOF'
{"id":"a1","title":"Паводок в Оше","text":"В Оше из-за паводка подтоплены дома. Паводок начался ночью.","date":"2021-05-01","url":"https://24.kg/a1?x=1&y=2","lang":"ru"}
{"id":"a2","title":"Выборы в парламент","text":"Выборы в парламент прошли спокойно.","date":"2021-05-02","lang":"ru"}
EOF
cat > b2.jsonl <<'EOF'
{"id":"a 3/<x>","title":"Паводок & «мост»","text":"Паводок в Нарыне разрушил мост.","date":"2021-05","lang":"ru"}
EOF
"$IZDE" index --db db b1.jsonl > /dev/null
"$IZDE" index --db db b2.jsonl > /dev/null
"$IZDE" watch add --db db flood паводок > /dev/null
"$IZDE" watch add --db db empty-one 'несуществующееслово' > /dev/null
before=$("$IZDE" watch list --db db --json)

trap 'stop_server' EXIT
start_server --db db --listen 127.0.0.1:0
check_contains "the server is up" "http://127.0.0.1:" "$URL"

curl -s -D head.txt -o flood.atom "$URL/feeds/flood.atom"
check_contains "200" "HTTP/1.1 200" "$(cat head.txt)"
check_contains "served as Atom" "Content-Type: application/atom+xml; charset=utf-8" "$(tr -d '\r' < head.txt)"
xmllint --noout --relaxng "$IZDE_SRC/tests/atom/atom.rng" flood.atom 2> valid.txt
check_eq "valid Atom (RFC 4287 schema)" "flood.atom validates" "$(cat valid.txt)"
X() { xmllint --xpath "$1" flood.atom 2>/dev/null; }
N='/*[local-name()="feed"]'
E="$N/*[local-name()=\"entry\"]"
check_eq "the feed's id and title" "tag:izde,2026:watch/flood|izde: flood — паводок" \
    "$(X "string($N/*[local-name()='id'])")|$(X "string($N/*[local-name()='title'])")"
check_eq "its self link" "$URL/feeds/flood.atom" \
    "$(X "string($N/*[local-name()='link'][@rel='self']/@href)")"
check_eq "two entries, newest-indexed first" "2" "$(X "count($E)")"
check_eq "entry 1: the later run's article, its title escaped and back" "Паводок & «мост»" \
    "$(X "string($E[1]/*[local-name()='title'])")"
check_eq "entry 1: its id a tag: URI of the article id" "tag:izde,2026:article/a%203%2F%3Cx%3E" \
    "$(X "string($E[1]/*[local-name()='id'])")"
check_eq "entry 1: the link to the article on the page" "$URL/?doc=a%203%2F%3Cx%3E" \
    "$(X "string($E[1]/*[local-name()='link'][@rel='alternate']/@href)")"
check_eq "entry 1: a month only: updated is its index time" "1" \
    "$(X "string($E[1]/*[local-name()='updated'])" | grep -c '^20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z$')"
check_eq "entry 2: updated is its date" "2021-05-01T00:00:00Z" \
    "$(X "string($E[2]/*[local-name()='updated'])")"
check_eq "entry 2: the original URL as a related link" "https://24.kg/a1?x=1&y=2" \
    "$(X "string($E[2]/*[local-name()='link'][@rel='related']/@href)")"
check_eq "entry 2: the summary, the first snippet as plain text" \
    "В Оше из-за паводка подтоплены дома. Паводок начался ночью." \
    "$(X "string($E[2]/*[local-name()='summary'])")"

curl -s -o empty.atom "$URL/feeds/empty-one.atom"
xmllint --noout --relaxng "$IZDE_SRC/tests/atom/atom.rng" empty.atom 2> valid2.txt
check_eq "a feed without entries is valid too" "empty.atom validates" "$(cat valid2.txt)"

check_eq "an unknown name: 404 naming the saved ones" \
    '404 {"error":"no saved search named '"'nope'"'; saved: empty-one, flood (izde watch add NAME QUERY saves one)"}' \
    "$(curl -s -w '%{http_code} ' -o body.txt "$URL/feeds/nope.atom"; cat body.txt)"
check_eq "no .atom: 404" "404" "$(curl -s -o /dev/null -w '%{http_code}' "$URL/feeds/flood")"
check_eq "/api/watches" '[["empty-one","/feeds/empty-one.atom"],["flood","/feeds/flood.atom"]]' \
    "$(curl -s "$URL/api/watches" | jq -c '[.watches[] | [.name, .feed]]')"
check_eq "reading feeds marked nothing" "$before" "$("$IZDE" watch list --db db --json)"

if command -v chromium >/dev/null || command -v chromium-browser >/dev/null; then
    need_chromium
    browse --dump-dom "$URL/" > home.html
    check_contains "the page lists the feed" '<a href="/feeds/flood.atom" class="feed" type="application/atom+xml">Atom</a>' "$(cat home.html)"
    check_contains "... under «Подписки»" '<h2 id="watches-title">Подписки</h2>' "$(cat home.html)"
else
    echo "$TEST_NAME: chromium is not installed: the page's list not checked"
fi
finish
