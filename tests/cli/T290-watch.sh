#!/bin/sh
# T290-watch: saved searches: add (names and queries checked), list, run
# (the articles indexed by the runs since a search last ran, newest first,
# then marked run), remove; `index --watch`; an article read again (its
# file changed, --force) keeps the run that first indexed it; the state is
# in the index, so every command sees what the one before saved; JSON and
# CSV forms.
. "$(dirname "$0")/test-lib.sh"

cat > b1.jsonl <<'EOF'
{"id":"a1","title":"Паводок в Оше","text":"В Оше из-за паводка подтоплены дома. Паводок начался ночью.","date":"2021-05-01","url":"https://24.kg/a1","lang":"ru"}
{"id":"a2","title":"Выборы в парламент","text":"Выборы в парламент прошли спокойно, сообщает ЦИК.","date":"2021-05-02","lang":"ru"}
{"id":"a3","title":"Паводок в Нарыне","text":"Паводок в Нарыне разрушил мост.","date":"2021-05-03","lang":"ru"}
EOF
cat > b2.jsonl <<'EOF'
{"id":"a4","title":"Новый паводок","text":"Ещё один паводок в Оше, вода поднялась.","date":"2021-05-04","lang":"ru"}
{"id":"a5","title":"Курс валют","text":"Курс доллара вырос.","date":"2021-05-04","lang":"ru"}
EOF
# the times of runs vary: written as T
mask_times() { sed 's/20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9:]*Z/T                   /g'; }

"$IZDE" index --db db b1.jsonl > /dev/null
run watch add --db db flood паводок
check_eq "add: said, exit 0" "0 saved search 'flood': паводок
its first run lists the articles indexed from now on" "$STATUS $OUT"
run watch run --db db
check_eq "a new search has seen what is indexed: nothing new, exit 1" \
    "1 == flood: no new articles (паводок)" "$STATUS $OUT"
run watch add --db db --all all-flood паводок
check_eq "add --all: said" "saved search 'all-flood': паводок
its first run lists every article it matches now" "$OUT"
run watch run --db db all-flood
check_eq "--all: its first run lists both floods of the index, exit 0" "0 == all-flood: 2 new articles (паводок)
1. Паводок в Нарыне
   ru · 2021-05-03 · b1.jsonl · id a3
2. Паводок в Оше
   ru · 24.kg · 2021-05-01 · https://24.kg/a1 · id a1" "$STATUS $OUT"

run watch add --db db Flood! x
check_eq "a bad name: exit 2, what names may be" "2 izde: watch add: 'Flood!' cannot name a saved search: it does not start with a small Latin letter or a digit; use 1 to 64 of a-z, 0-9, - and _, starting with a letter or digit (e.g. 'flood-osh')" "$STATUS $ERR"
run watch add --db db a/b x
check_contains "a slash: refused" "it holds a character other than a-z, 0-9, - and _" "$ERR"
run watch add --db db bad 'паводок ('
check_eq "a bad query: exit 2, the query named" "2 izde: watch add: bad query 'паводок (': unbalanced parenthesis: the ( is never closed (column 9 of the query)" "$STATUS $ERR"
run watch add --db db flood выборы
check_eq "a name taken: exit 2" "2 izde: watch add: a saved search named 'flood' exists (query 'паводок'): give --replace to change it, or another name" "$STATUS $ERR"
run watch add --db db
check_eq "add without a name: exit 2" 2 "$STATUS"
run watch frob
check_eq "an unknown subcommand: exit 2" "2" "$STATUS"
check_contains "... says which are known" "izde: watch: unknown subcommand 'frob': add, list, remove or run" "$ERR"
run watch list --db db --csv
check_eq "--csv is for run" "2 izde: watch: --csv is for watch run" "$STATUS $ERR"

run watch list --db db
check_eq "list: name, last run, new, query" "name                 last run               new  query
all-flood            T                        2  паводок
flood                T                        0  паводок" "$(printf '%s\n' "$OUT" | mask_times)"

run index --db db b2.jsonl --watch
check_eq "index --watch: the summary, then each search's new articles" \
"indexed 2 articles from 1 file (1 new, 0 changed, 0 unchanged, 0 removed) in X s; db now holds 5 documents
== all-flood: 1 new article (паводок)
1. Новый паводок
   ru · 2021-05-04 · b2.jsonl · id a4
== flood: 1 new article (паводок)
1. Новый паводок
   ru · 2021-05-04 · b2.jsonl · id a4" "$(printf '%s\n' "$OUT" | sed 's/in [0-9.]* s;/in X s;/')"
run watch run --db db
check_eq "index --watch marked them run" "1 == all-flood: no new articles (паводок)
== flood: no new articles (паводок)" "$STATUS $OUT"

# b1.jsonl changes: read again, its old articles keep their first run
echo '{"id":"a6","title":"Паводок снова","text":"Паводок в Таласе.","date":"2021-05-05","lang":"ru"}' >> b1.jsonl
"$IZDE" index --db db b1.jsonl > /dev/null
run watch run --db db flood --json
check_eq "--json: the new one only, its run" '{"name":"flood","query":"паводок","seen_run":2,"run":3,"new":1,"ids":["a6"],"indexed":true}' \
    "$(printf '%s' "$OUT" | jq -c '.watches[0] | {name, query, seen_run, run, new, ids: [.hits[].id], indexed: (.hits[0].indexed | test("^20[0-9-]+T[0-9:]+Z$"))}')"
"$IZDE" index --db db --force b1.jsonl b2.jsonl > /dev/null
run watch run --db db --csv
check_eq "--force keeps the runs; --csv: a row per new article of each search" \
"watch,rank,id,title,date,source,url,lang,indexed,snippet
all-flood,1,a6,Паводок снова,2021-05-05,,,ru,T                   ,Паводок в Таласе." "$(printf '%s\n' "$OUT" | mask_times)"

run watch list --db db --json
check_eq "list --json" '[["all-flood",1,false,4],["flood",0,false,4]]' \
    "$(printf '%s' "$OUT" | jq -c '[.watches[] | [.name, .last_new, .all, .seen_run]]')"
run watch run --db db --csv
check_eq "--csv with nothing new: the header alone, exit 1" "1 watch,rank,id,title,date,source,url,lang,indexed,snippet" "$STATUS $OUT"
run watch add --db db --replace flood выборы
check_eq "--replace: a new query" "0 saved search 'flood': выборы" "$STATUS $(printf '%s\n' "$OUT" | head -n 1)"
run watch remove --db db nope
check_eq "remove an unknown name: exit 2, the saved ones listed" \
    "2 izde: watch remove: no saved search named 'nope'; saved: all-flood, flood" "$STATUS $ERR"
run watch run --db db nope
check_eq "run an unknown name: the same" \
    "2 izde: watch run: no saved search named 'nope'; saved: all-flood, flood" "$STATUS $ERR"
run watch remove --db db flood
check_eq "remove" "0 removed saved search 'flood'" "$STATUS $OUT"
run watch list --db db --json
check_eq "... gone from the index" '["all-flood"]' "$(printf '%s' "$OUT" | jq -c '[.watches[].name]')"
run watch remove --db db all-flood
run watch list --db db
check_eq "none left: exit 1, how to add one" "1 izde: no saved searches in db; add one: izde watch add NAME QUERY" "$STATUS $ERR"

# saved before anything is indexed: the first run's articles are new
run watch add --db fresh first-run паводок
"$IZDE" index --db fresh b2.jsonl > /dev/null
run watch run --db fresh --json
check_eq "a search saved in an empty index lists the first run's matches" '[1,["a4"]]' \
    "$(printf '%s' "$OUT" | jq -c '.watches[0] | [.run, [.hits[].id]]')"

# another process writing the index (izde index reading a pipe): refused
mkfifo slow.txt
"$IZDE" index --db db slow.txt > /dev/null 2>&1 &
INDEXER=$!
for _ in $(seq 1 50); do   # until it holds the lock (it writes its pid)
    [ "$(cat db/izde.pid 2>/dev/null)" = "$INDEXER" ] && break
    sleep 0.1
done
run watch add --db db later паводок
check_eq "while izde index writes: exit 3" 3 "$STATUS"
check_contains "... saying so" "is locked by another izde index (pid $INDEXER); wait for it to finish" "$ERR"
run watch list --db db
check_eq "list reads meanwhile (none saved: exit 1)" 1 "$STATUS"
echo "Паводок в Караколе." > slow.txt
wait "$INDEXER"
finish
