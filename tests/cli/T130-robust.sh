#!/bin/sh
# T130-robust: a second writer is refused (exit 3, naming the pid), a
# search runs while an index is being written, `kill -9` mid-index leaves
# an index that passes check-index and a re-run completes the job, and bad
# input (device files, symlink loops, huge lines, ragged CSV, long queries)
# gets one clear line each.
. "$(dirname "$0")/test-lib.sh"

record() { printf '{"id": "r%d", "text": "Запись номер %d про санкции и мигрантов."}\n' "$1" "$1"; }

# a writer that holds the lock: it indexes from a named pipe we feed
mkfifo feed.jsonl
"$IZDE" index --db db feed.jsonl > writer.out 2> writer.err &
WPID=$!
exec 3> feed.jsonl
i=0
while [ $i -lt 1500 ]; do record $i >&3; i=$((i + 1)); done
# wait until the first three batches of 400 are committed and readable
n=0
while [ $n -lt 100 ] && ! "$IZDE" search --db db --json -n 0 санкции 2>/dev/null | jq -e '.matches_estimated == 1200' >/dev/null; do
    sleep 0.1
    n=$((n + 1))
done

run index --db db "$CORPUS"
check_eq "second writer: exit 3" 3 "$STATUS"
check_eq "second writer: message" "izde: index 'db' is locked by another izde index (pid $WPID); wait for it to finish" "$ERR"

run search --db db --json -n 1 санкции
check_eq "search while indexing: exit 0" 0 "$STATUS"
check_eq "search while indexing: the committed batches" "1200" "$(echo "$OUT" | jq '.matches_estimated')"

kill -9 "$WPID"
wait "$WPID" 2>/dev/null
exec 3>&-
run check-index --db db
check_eq "after kill -9: check-index passes" 0 "$STATUS"
check_eq "after kill -9: the committed documents" "db: format version 3, 1200 documents, every article readable" "$OUT"
i=0
while [ $i -lt 1500 ]; do record $i; i=$((i + 1)); done > all.jsonl
run index --db db all.jsonl
check_eq "re-run: completes" 0 "$STATUS"
check_contains "re-run: every record" "db now holds 1500 documents" "$OUT"

# bad input: one line each, the rest indexed
mkdir -p in/loop
printf 'Статья о санкциях против банков региона.\n' > in/good.txt
ln -s .. in/loop/up
awk 'BEGIN { printf "{\"id\": \"long\", \"text\": \""; for (i = 0; i < 100000; i++) printf "слово "; print "\"}" }' > in/long.jsonl
printf 'id,text\n1,"Первая строка"\n2,"Вторая",лишнее\n3,"Третья"\n' > in/ragged.csv
yes 'Текст статьи про санкции и мигрантов.' | head -c 70000000 > in/huge.txt
run index --db bad in /dev/null
check_eq "bad input: exit 1" 1 "$STATUS"
check_contains "bad input: the 1 MB line is indexed" "indexed 4 articles from 3 files" "$OUT"
check_contains "bad input: symlink loop said once" "izde: in/loop/up: a folder already read (a symlink loop?); skipped" "$ERR"
check_contains "bad input: ragged CSV row" "izde: in/ragged.csv:3: row has 3 fields, the header has 2" "$ERR"
check_contains "bad input: device file" "izde: /dev/null: not a regular file; skipped" "$ERR"
check_contains "bad input: a 67 MB text file" "izde: in/huge.txt: too large for one article (66 MB; the limit is 64 MB): split it into articles, or give it as .jsonl or .csv with one article per record" "$ERR"
rm -f in/huge.txt
check_not_contains "bad input: no crash" "Sanitizer" "$ERR"

# long and odd queries: a clear message, never a crash
Q=$(awk 'BEGIN { for (i = 0; i < 2000; i++) printf "квантовыйхолодильник%d ", i; }')
run search --db bad "$Q"
check_eq "2,000-word query: no match, exit 1" 1 "$STATUS"
Q=$(awk 'BEGIN { for (i = 0; i < 10000; i++) printf "ж"; }')
run search --db bad "$Q"
check_eq "10,000-character word: exit 2" 2 "$STATUS"
check_contains "10,000-character word: message" "the query's only word is longer than 240 bytes and cannot be searched" "$ERR"
run search --db bad '(((('
check_eq "only parentheses: exit 2" 2 "$STATUS"
run search --db bad 'date:2017-02-30'
check_eq "invalid date filter: exit 2" 2 "$STATUS"
for q in 'человек:NaN' 'человек:nan..inf' 'человек:>inf' 'человек:0x10' 'человек:1..infinity'; do
    run search --db bad "$q"
    check_eq "figure range $q: exit 2" 2 "$STATUS"
    check_contains "figure range $q: said" "a figure filter needs a range" "$ERR"
done

# --db on what cannot be an index: said so, never "damaged" or "locked"
printf 'a text file\n' > plain.txt
mkfifo fifo
for d in plain.txt /dev/null fifo; do
    run index --db "$d" in/good.txt
    check_eq "index --db $d: exit 2" 2 "$STATUS"
    check_contains "index --db $d: not an index folder" "izde: '$d' is " "$ERR"
    check_contains "index --db $d: what to do" "not an index folder: give --db a folder" "$ERR"
done
for d in /dev/null fifo; do
    run search --db "$d" санкции
    check_eq "search --db $d: exit 2" 2 "$STATUS"
    check_contains "search --db $d: not an index folder" "not an index folder" "$ERR"
done
run search --db plain.txt санкции
check_eq "search --db on a text file: exit 2" 2 "$STATUS"
# a read-only index: "cannot write", not "locked"; searching it still works
if [ "$(id -u)" = 0 ]; then
    RO="unshare -m sh -c 'mount --bind -o ro bad bad && exec \"\$@\"' sh"
else
    chmod a-w bad
    RO=""
fi
OUT=$(eval "$RO" '"$IZDE"' index --db bad in/good.txt 2>&1); STATUS=$?
check_eq "read-only index: exit 2" 2 "$STATUS"
check_contains "read-only index: cannot write" "izde: cannot write index 'bad': " "$OUT"
check_not_contains "read-only index: not locked" "locked" "$OUT"
OUT=$(eval "$RO" '"$IZDE"' search --db bad -n 1 санкции 2>&1); STATUS=$?
check_eq "read-only index: searchable" 0 "$STATUS"
chmod u+w bad

# 10,000 nested parentheses: a clear error (exit 2), never a stack overflow;
# in a batch, the next query still runs
DEEP=$(awk 'BEGIN { for (i = 0; i < 10000; i++) printf "("; printf "путин"; for (i = 0; i < 10000; i++) printf ")" }')
run search --db bad "$DEEP"
check_eq "deep nesting: exit 2" 2 "$STATUS"
check_contains "deep nesting: said" "parentheses nested more than 100 deep" "$ERR"
OUT=$(printf '%s\nпутин\n' "$DEEP" | "$IZDE" search --db bad --batch 2>/dev/null | jq -r 'if .error then "error" else "ok" end' | tr '\n' ' ')
check_eq "deep nesting in a batch: an error line, then the next query" "error ok " "$OUT"

# a file name that is not UTF-8: indexed, found, shown with the byte escaped
mkdir -p names
printf 'Совещание о мигрантах прошло в Бишкеке.\n' > "names/bad$(printf '\377').txt"
printf '{"id":"t1","title":"Бишкек \\u001b]0;pwn\\u0007\\u001b[2J \\u009b31m новости","text":"Бишкек: новости \\u001b[2J дня."}\n' > names/esc.jsonl
printf 'x\n' > "names/z$(printf '\033')[2J.jsonl"
run index --db names.db names
check_eq "odd names: one bad JSON line, exit 1" 1 "$STATUS"
check_contains "odd names: the file name escaped in the message" 'izde: names/z\x1B[2J.jsonl:1: invalid JSON' "$ERR"
run search --db names.db Бишкеке
check_eq "non-UTF-8 file name: found" 0 "$STATUS"
check_contains "non-UTF-8 file name: shown escaped" 'names/bad\xFF.txt' "$OUT"
run search --db names.db --json мигрантах
check_eq "non-UTF-8 file name: its id in JSON" '/bad\xFF.txt' "$(printf '%s' "$OUT" | jq -r '.hits[0].id' | sed 's|.*names||')"
run index --force --db names.db names
check_contains "non-UTF-8 file name: re-indexed in place" "db now holds 2 documents" "$OUT"
run search --db names.db новости
check_eq "control characters in a title: found" 0 "$STATUS"
check_contains "control characters in a title: escaped" '1. Бишкек \x1B]0;pwn\x07\x1B[2J \u009B31m новости' "$OUT"
check_contains "control characters in a snippet: escaped" 'дня' "$OUT"
check_eq "no raw ESC, BEL or C1 in the output" "" "$(printf '%s' "$OUT" | LC_ALL=C grep -c "$(printf '[\033\007]\|\302\233')" | grep -v '^0$')"

finish
