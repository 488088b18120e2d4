#!/bin/sh
# T286-rerun-problems: a file with problems is reported once, when read;
# re-run on unchanged input, it is skipped, the run exits 0 and says how
# many old problems the skipped files had (-v names them); --force and a
# changed file report them again; stats counts a set's problems from
# every index of it, a file signed by several shards once.  (a.csv's content hash starts with a d:
# its signature is read field by field, not taken for a defaults tag.)
. "$(dirname "$0")/test-lib.sh"

mkdir in
printf 'id,text\n1,Текст первой статьи о выборах.\n2,\n3,Текст третьей статьи о выборах.\n' > in/a.csv
printf '{"id":"x","text":"Текст о выборах."}\nnot json\n' > in/b.jsonl
printf 'Текст о выборах в парламент.\n' > in/c.txt
run index --db db in
check_eq "first run: exit 1" 1 "$STATUS"
check_eq "first run: the two problems said" 2 "$(printf '%s\n' "$ERR" | grep -c '^izde: in/[ab]\.')"
run index --db db in
check_eq "re-run: exit 0" 0 "$STATUS"
check_eq "re-run: nothing repeated on stderr" "" "$ERR"
check_eq "re-run: the summary and the old problems counted" \
"indexed 0 articles from 0 files (0 new, 0 changed, 3 unchanged, 0 removed) in X s; db now holds 4 documents
2 unchanged files had 2 records that could not be indexed when read (-v names them, --force reads them again)" \
    "$(printf '%s\n' "$OUT" | sed 's/in [0-9.]* s;/in X s;/')"
run index -v --db db in
check_contains "-v: names a file and its count" \
    "izde: in/a.csv: unchanged; 1 of its records could not be indexed when it was read (--force reads it again and says which)" "$ERR"
check_eq "stats: the old problems" '{"files":2,"records":2}' "$("$IZDE" stats --db db --json | jq -c .problems)"
check_contains "stats: said" "problems: 2 records of 2 files could not be indexed when read (izde index -v names the files, --force reads them again)" "$("$IZDE" stats --db db)"
run index --force --db db in
check_eq "--force: the problems said again, exit 1" "1 2" \
    "$STATUS $(printf '%s\n' "$ERR" | grep -c '^izde: in/[ab]\.')"
printf '{"id":"x","text":"Текст о выборах."}\n' > in/b.jsonl
touch -d '2030-01-01' in/b.jsonl
run index --db db in
check_eq "b.jsonl mended: exit 0, a.csv's old problem still counted" \
    "0 1 unchanged file had 1 record that could not be indexed when read (-v names them, --force reads them again)" \
    "$STATUS $(printf '%s\n' "$OUT" | tail -n 1)"
check_eq "stats: b.jsonl's problem gone" '{"files":1,"records":1}' "$("$IZDE" stats --db db --json | jq -c .problems)"

# a set of indexes: every one's problems, a file of several shards once
printf 'id,text\n5,Текст о горах.\n6,\n7,\n' > other.csv
"$IZDE" index --db db2 other.csv >/dev/null 2>&1
check_eq "stats of two indexes: both one's problems" '{"files":2,"records":3}' \
    "$("$IZDE" stats --db db --db db2 --json | jq -c .problems)"
printf '{"id":"x","text":"Текст о выборах."}\nnot json\n' > in/b.jsonl
"$IZDE" index --shards 2 -j 2 --db sh in >/dev/null 2>&1
check_eq "stats of a sharded index: each file once" '{"files":2,"records":2}' \
    "$("$IZDE" stats --db sh --json | jq -c .problems)"
finish
