#!/bin/sh
# T276-id-clash: an article whose id was indexed from another file
# replaces it with a warning naming both files and lines, in one run, across
# runs and when worker processes build the index (-j 2); a changed file read
# again is no clash; --quiet-ids silences the warning; the summary counts
# the clashes either way; the exit status stays 0.
. "$(dirname "$0")/test-lib.sh"

HERE=$(pwd -P)
printf 'id,title,text\n4317,A title,Первый текст статьи о выборах в парламент.\n5,B,Второй текст статьи о погоде.\n' > a.csv
printf 'id,title,text\n7,C,Третий текст о горах.\n4317,D title,Совсем другой текст о реках и озёрах.\n' > b.csv
W="izde: b.csv:3: warning: id 4317 was indexed from $HERE/a.csv:2; replaced (--quiet-ids to allow)"

# one run
run index --db one a.csv b.csv
check_eq "one run: the warning" "$W" "$ERR"
check_eq "one run: exit 0" 0 "$STATUS"
check_contains "one run: counted in the summary" "one now holds 3 documents; 1 id replaced from another file" "$OUT"
check_eq "one run: the article read last is kept" "D title" \
    "$("$IZDE" search --db one --json озёрах | jq -r '.hits[].title')"
check_eq "one run: the replaced one is gone" "" \
    "$("$IZDE" search --db one --json парламент | jq -r '.hits[].title')"

# across runs
run index --db two a.csv
check_eq "across runs: the first run says nothing" "" "$ERR"
run index --db two b.csv
check_eq "across runs: the warning" "$W" "$ERR"
check_contains "across runs: counted" "two now holds 3 documents; 1 id replaced from another file" "$OUT"
check_eq "across runs: exit 0" 0 "$STATUS"

# a changed file read again: its own ids are no clash
run index --db three a.csv
printf '9,E,Пятый текст о лесах.\n' >> a.csv
run index --db three a.csv
check_eq "a changed file read again: no warning" "" "$ERR"
check_not_contains "... none counted" "replaced from another file" "$OUT"
check_contains "... read again" "(0 new, 1 changed, 0 unchanged, 0 removed)" "$OUT"

# --quiet-ids: silent, still counted
run index --db four --quiet-ids a.csv b.csv
check_eq "--quiet-ids: no warning" "" "$ERR"
check_contains "--quiet-ids: still counted" "four now holds 4 documents; 1 id replaced from another file" "$OUT"

# a JSON Lines record against a CSV row, two clashes in one run
printf '{"id":"5","text":"Запись пять из JSON."}\n{"id":"4317","text":"Запись из JSON."}\n' > c.jsonl
run index --db five a.csv c.jsonl
check_eq "JSON Lines: a warning per id, with its line" \
"izde: c.jsonl:1: warning: id 5 was indexed from $HERE/a.csv:3; replaced (--quiet-ids to allow)
izde: c.jsonl:2: warning: id 4317 was indexed from $HERE/a.csv:2; replaced (--quiet-ids to allow)" "$ERR"
check_contains "JSON Lines: both counted" "; 2 ids replaced from another file" "$OUT"

# worker processes (-j 2, a new index of at least 4 MB): the files go to
# different workers, the clash is found when their parts are merged (the
# bytes are mostly a field izde keeps but does not analyse: the test is
# about ids, not words)
mkdir big
for f in p q; do
    seq 1 2500 | jq -Rc --arg f $f '{id: "\($f)-\(.)", text: "Статья номер \(.) о выборах и погоде.", pad: ("x" * 1700)}' > big/$f.jsonl
done
check_eq "-j 2: over 4 MB of input" true "$([ "$(cat big/*.jsonl | wc -c)" -gt 4194304 ] && echo true || echo false)"
printf '{"id":"p-7","text":"Статья q о том же номере, другой текст."}\n' >> big/q.jsonl
run index --db six -j 2 big
check_eq "-j 2: the warning, as one process says it" \
    "izde: big/q.jsonl:2501: warning: id p-7 was indexed from $HERE/big/p.jsonl:7; replaced (--quiet-ids to allow)" "$ERR"
check_contains "-j 2: counted" "six now holds 5000 documents; 1 id replaced from another file" "$OUT"
run index --db seven -j 2 --quiet-ids big
check_eq "-j 2 --quiet-ids: no warning" "" "$ERR"
check_contains "-j 2 --quiet-ids: counted" "seven now holds 5000 documents; 1 id replaced from another file" "$OUT"
finish
