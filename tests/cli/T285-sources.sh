#!/bin/sh
# T285-sources: a record's source from its URL is the site: mirrors
# (www., amp., m.) one site, a wrapped URL (an AMP viewer's ?p=, a
# scraper's doubled scheme) read inside and stored as the article's URL,
# a malformed host never a source but a warning once per file naming its
# line; --source names a file's records (and silences that warning).
. "$(dirname "$0")/test-lib.sh"

mkdir in
cat > in/a.jsonl <<'JSONL'
{"id":"1","text":"Текст о выборах в парламент.","url":"https://www.ng.ru/politics/2017-04-18/1_kg.html"}
{"id":"2","text":"Текст о выборах в парламент.","url":"https://amp.ng.ru/?p=http://www.ng.ru/ng_exlibris/2018-02-08/12_922_koval.html"}
{"id":"3","text":"Текст о выборах в парламент.","url":"https://russian.rt.comhttps://russian.rt.com/world/article/332393-soros"}
{"id":"4","text":"Текст о выборах в парламент.","url":"https://m.kabar.kg/news/1"}
{"id":"5","text":"Текст о выборах в парламент.","url":"https://bad_host/x"}
{"id":"6","text":"Текст о выборах в парламент.","url":"ng.ru/politics/2"}
JSONL
run index --db db in
check_eq "index: exit 0" 0 "$STATUS"
check_eq "a malformed URL: said once for the file, at its first line" \
    "izde: in/a.jsonl:5: warning: article '5': the url \"https://bad_host/x\" names no host: stored, but gives no source (give one with --source NAME or a source field); the file's other malformed URLs are not reported" "$ERR"
check_eq "the sources: one per site, none from a malformed host" \
    '{"kabar.kg":1,"ng.ru":2,"russian.rt.com":1}' "$("$IZDE" stats --db db --json | jq -c .sources)"
stored() { "$IZDE" show --db db --json "$1" | jq -r '"\(.url) \(.date)"'; }
check_eq "an AMP viewer's URL: the article's own, and its date" \
    "http://www.ng.ru/ng_exlibris/2018-02-08/12_922_koval.html 2018-02-08" "$(stored 2)"
check_eq "a doubled scheme: the URL inside" \
    "https://russian.rt.com/world/article/332393-soros null" "$(stored 3)"
check_eq "a malformed host: the URL kept, no source" "https://bad_host/x null" \
    "$("$IZDE" show --db db --json 5 | jq -r '"\(.url) \(.source)"')"
run index --db db2 --source 24.kg in
check_eq "--source: no warning" "" "$ERR"
check_eq "--source names the records without a source of their own" '{"24.kg":6}' \
    "$("$IZDE" stats --db db2 --json | jq -c .sources)"
finish
