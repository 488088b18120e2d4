#!/bin/sh
# T270-csv: --csv of search, facts and check over corpus/ and a record
# whose title holds a formula, a comma, quotes and a newline: the exact
# header, a row per hit, value or citation of the --json answer (read back
# with Python's csv module), quoting, the guard against formulas, --csv
# with --json refused, and format=csv of the API answering the same bytes.
. "$(dirname "$0")/test-lib.sh"

command -v python3 >/dev/null || { fail "python3 missing"; finish; }
mkdir in
cp "$CORPUS"/*.txt in/
cat > in/q.jsonl <<'JSONL'
{"id":"q-1","title":"=1+2, \"цитата\" и\nвторая строка","date":"2021-03-04","source":"vecher.kz","url":"https://vecher.kz/a?b=1,2","text":"Против экстремизма выступили 12 тысяч человек, сообщил он. Второе предложение про экстремизм."}
JSONL
"$IZDE" index --db db in >/dev/null 2>&1 || fail "indexing"
export IZDE_DB="$WORK/db"

# rows FILE: the rows of a CSV file as Python reads them, one JSON array a line
rows() {
    python3 -c 'import csv, json, sys
for r in csv.reader(open(sys.argv[1], newline="", encoding="utf-8")):
    print(json.dumps(r, ensure_ascii=False, separators=(",", ":")))' "$1"
}

# search: the header, then the hits of --json in its order
"$IZDE" search --csv экстремизма > s.csv
check_eq "search --csv exits 0" 0 $?
"$IZDE" search --json экстремизма > s.json
check_eq "search: the header" \
    '["rank","id","title","date","source","url","path","lang","score","copies","snippet"]' \
    "$(rows s.csv | sed -n 1p)"
check_eq "search: a row per hit of --json" "$(jq '.hits | length' s.json)" "$(($(rows s.csv | wc -l) - 1))"
check_eq "search: 4 hits" 4 "$(($(rows s.csv | wc -l) - 1))"
check_eq "search: ids and ranks as --json has them" \
    "$(jq -c '[.hits[] | [(.rank | tostring), .id]]' s.json)" \
    "$(rows s.csv | tail -n +2 | jq -sc '[.[] | [.[0], .[1]]]')"
check_eq "search: the first snippet as plain text, no marks" \
    "$(jq -c '[.hits[] | .snippets[0].text]' s.json)" "$(rows s.csv | tail -n +2 | jq -sc '[.[] | .[10]]')"
check_eq "search: a known article" \
    '["11 терактов предотвращено казахстанскими спецслужбами с прошлого года","ru"]' \
    "$(rows s.csv | jq -c 'select(.[1] | endswith("003_14c9b7630dbfab34.txt")) | [.[2], .[7]]')"
check_eq "search: the title with a formula, comma, quotes and newline reads back, a ' before =" \
    '["q-1","'"'"'=1+2, \"цитата\" и\nвторая строка","2021-03-04","vecher.kz","https://vecher.kz/a?b=1,2","ru"]' \
    "$(rows s.csv | jq -c 'select(.[1] == "q-1") | [.[1], .[2], .[3], .[4], .[5], .[7]]')"
check_contains "search: the title's field quoted, its quotes doubled" \
    "q-1,\"'=1+2, \"\"цитата\"\" и" "$(cat s.csv)"
check_eq "search: the file's lines end in LF, no CR" 0 "$(tr -cd '\r' < s.csv | wc -c)"
"$IZDE" search --csv -n 2 экстремизма > s2.csv
check_eq "search --csv -n 2: two rows" 3 "$(rows s2.csv | wc -l)"

run search --csv --json экстремизма
check_eq "--csv with --json: exit 2" 2 "$STATUS"
check_contains "... saying so" "--json and --csv are two formats of one answer" "$ERR"
check_eq "... and printing nothing" "" "$OUT"
run search --csv --format json экстремизма
check_eq "--csv with --format json: exit 2" 2 "$STATUS"
run search --csv экстримизма
check_eq "a misspelt query: the header alone on stdout" "rank,id,title,date,source,url,path,lang,score,copies,snippet" "$OUT"
check_eq "... «did you mean» on stderr" "izde: did you mean: экстремизма?
izde: no match for 'экстримизма'" "$ERR"
run search --csv nothingsuchword
check_eq "no match: exit 1" 1 "$STATUS"
check_eq "... the header alone" "rank,id,title,date,source,url,path,lang,score,copies,snippet" "$OUT"

# facts: a row per value of every group
"$IZDE" facts --csv тысяч человек > f.csv
"$IZDE" facts --json --values 10000 тысяч человек > f.json
check_eq "facts: the header" \
    '["group","value","high","figure","unit","noun","kind","qualifier","sentence","copies","first_id","first_date","id","title","date","source","url","path","lang"]' \
    "$(rows f.csv | sed -n 1p)"
check_eq "facts: a row per value of --json" "$(jq '[.groups[].values[]] | length' f.json)" \
    "$(($(rows f.csv | wc -l) - 1))"
check_eq "facts: 28 тысяч человек, its sentence and article" \
    '["человек","28000","28 тысяч человек","count","exact","Данные мероприятия охватили 28 тысяч человек, передает Vecher.kz","Более 300 мероприятий по профилактике религиозного экстремизма и терроризма проведено в Алматы","vecher.kz"]' \
    "$(rows f.csv | jq -c 'select(.[1] == "28000") | [.[0], .[1], .[3], .[6], .[7], .[8], .[13], .[15]]')"
check_contains "facts: a sentence with a comma quoted" \
    ',"Данные мероприятия охватили 28 тысяч человек, передает Vecher.kz",' "$(cat f.csv)"
check_eq "facts: 12 тысяч человек of q-1, dated" '["12000","2021-03-04","q-1"]' \
    "$(rows f.csv | jq -c 'select(.[12] == "q-1") | [.[1], .[14], .[12]]')"
run facts --json --csv человек
check_eq "facts --csv --json: exit 2" 2 "$STATUS"

# check: the agree list, then the differ list
"$IZDE" check --csv '11 терактов' > c.csv
"$IZDE" check --json -n 10000 '11 терактов' > c.json
check_eq "check: a row per citation of --json, agree first" \
    "$(jq -c '[(.agree[] | "agree"), (.differ[] | "differ")]' c.json)" \
    "$(rows c.csv | tail -n +2 | jq -sc '[.[] | .[0]]')"
check_eq "check: the agreeing citation" '["agree","11","11 терактов","терактов"]' \
    "$(rows c.csv | sed -n 2p | jq -c '[.[0], .[1], .[3], .[5]]')"
run check --csv --json '11 терактов'
check_eq "check --csv --json: exit 2" 2 "$STATUS"

# the API: format=csv answers the command's table
command -v curl >/dev/null || { fail "curl missing: run tools/deps.sh --test"; finish; }
trap 'stop_server' EXIT
start_server --db db --listen 127.0.0.1:0
# get PATH: CODE, the headers in h.out, the body in b.out
get() {
    CODE=$(curl -s -D h.out -o b.out -w '%{http_code}' "$URL$1")
}
get '/api/search?q=%D1%8D%D0%BA%D1%81%D1%82%D1%80%D0%B5%D0%BC%D0%B8%D0%B7%D0%BC%D0%B0&format=csv'
check_eq "/api/search format=csv: 200" 200 "$CODE"
check_contains "... text/csv" "Content-Type: text/csv; charset=utf-8" "$(cat h.out)"
check_contains "... an attachment" 'Content-Disposition: attachment; filename="izde-search.csv"' "$(cat h.out)"
check_eq "... the bytes of search --csv" "$(md5sum < s.csv)" "$(md5sum < b.out)"
get '/api/facts?q=%D1%82%D1%8B%D1%81%D1%8F%D1%87+%D1%87%D0%B5%D0%BB%D0%BE%D0%B2%D0%B5%D0%BA&format=csv'
check_eq "/api/facts format=csv: 200" 200 "$CODE"
check_contains "... izde-facts.csv" 'filename="izde-facts.csv"' "$(cat h.out)"
check_eq "... the rows of facts --csv" "$(rows f.csv)" "$(rows b.out)"
get '/api/check?claim=11+%D1%82%D0%B5%D1%80%D0%B0%D0%BA%D1%82%D0%BE%D0%B2&format=csv'
check_eq "/api/check format=csv: 200" 200 "$CODE"
check_eq "... the rows of check --csv" "$(rows c.csv)" "$(rows b.out)"
get '/api/search?q=x&format=xml'
check_eq "format=xml: 400" 400 "$CODE"
check_eq "... saying what is taken" '{"error":"format takes json (the default) or csv, not '"'"'xml'"'"'"}' "$(cat b.out)"
get '/api/search?q=x&format=csv&n=10001'
check_eq "format=csv, n over 10000: 400" 400 "$CODE"
stop_server
finish
