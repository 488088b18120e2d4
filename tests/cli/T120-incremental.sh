#!/bin/sh
# T120-incremental: re-running `izde index` reads only new and changed
# files, replaces changed ones (a JSONL file losing a record loses its
# document) and, with --prune only, removes the documents of gone files.
. "$(dirname "$0")/test-lib.sh"

# summary line without the timing
summary() { printf '%s\n' "$OUT" | sed 's/ in [0-9.]* s;/ in T s;/'; }

mkdir news
cp "$CORPUS"/000_d565b1d6aecbcaa9.txt "$CORPUS"/001_63a034247d8c2709.txt news/
printf '%s\n' '{"id":"r1","text":"Первая новость о выборах в Бишкеке."}' \
    '{"id":"r2","text":"Вторая новость о снегопаде в Оше."}' > news/feed.jsonl

run index --db db news
check_eq "first run: exit status" 0 "$STATUS"
check_eq "first run: summary" "indexed 4 articles from 3 files (3 new, 0 changed, 0 unchanged, 0 removed) in T s; db now holds 4 documents" "$(summary)"
check_eq "first run: nothing on stderr (not a terminal)" "" "$ERR"

run index --db db news
check_eq "again: all unchanged" "indexed 0 articles from 0 files (0 new, 0 changed, 3 unchanged, 0 removed) in T s; db now holds 4 documents" "$(summary)"

# touched, same content: unchanged (hash compared); --force reads it all again
touch -d '2001-01-01 00:00' news/feed.jsonl
run index --db db news
check_eq "touched: unchanged" "indexed 0 articles from 0 files (0 new, 0 changed, 3 unchanged, 0 removed) in T s; db now holds 4 documents" "$(summary)"
run index --force --db db news
check_eq "--force: all read" "indexed 4 articles from 3 files (0 new, 3 changed, 0 unchanged, 0 removed) in T s; db now holds 4 documents" "$(summary)"

# a changed JSONL file losing a record: only it is read, the record's document is gone
printf '%s\n' '{"id":"r1","text":"Первая новость о выборах в Бишкеке и Таласе."}' > news/feed.jsonl
run index --db db news
check_eq "changed file: only it" "indexed 1 article from 1 file (0 new, 1 changed, 2 unchanged, 0 removed) in T s; db now holds 3 documents" "$(summary)"
check_eq "changed record found" "1" "$("$IZDE" search --db db --json Таласе | jq '.hits | length')"
check_eq "dropped record gone" "0" "$("$IZDE" search --db db --json снегопаде 2>/dev/null | jq '.hits | length')"

# a new file next to unchanged ones
printf 'Новая статья о паводке в Нарыне.\n' > news/new.txt
run index --db db news
check_eq "new file" "indexed 1 article from 1 file (1 new, 0 changed, 3 unchanged, 0 removed) in T s; db now holds 4 documents" "$(summary)"

# a deleted file: kept without --prune (and said so), removed with it
rm news/feed.jsonl
run index --db db news
check_eq "gone, no --prune: kept" "indexed 0 articles from 0 files (0 new, 0 changed, 3 unchanged, 0 removed, 1 gone, not pruned) in T s; db now holds 4 documents" "$(summary)"
run index -v --db db news
check_eq "gone, -v: named" "izde: news/feed.jsonl: gone; its 1 article kept (--prune removes them)" "$ERR"
run index --prune -v --db db news
check_eq "--prune: exit status" 0 "$STATUS"
check_eq "--prune: summary" "indexed 0 articles from 0 files (0 new, 0 changed, 3 unchanged, 1 removed) in T s; db now holds 3 documents" "$(summary)"
check_eq "--prune -v: named" "izde: news/feed.jsonl: gone; its 1 article removed" "$ERR"
check_eq "pruned record gone" "0" "$("$IZDE" search --db db --json Таласе 2>/dev/null | jq '.hits | length')"

# --prune only looks under the paths given: a gone file elsewhere stays
mkdir other
printf 'Статья в другой папке о засухе.\n' > other/x.txt
run index --db db other
rm other/x.txt
run index --prune --db db news
check_eq "--prune elsewhere: untouched" "indexed 0 articles from 0 files (0 new, 0 changed, 3 unchanged, 0 removed) in T s; db now holds 4 documents" "$(summary)"
run index --prune --db db other
check_eq "--prune that folder" "indexed 0 articles from 0 files (0 new, 0 changed, 0 unchanged, 1 removed) in T s; db now holds 3 documents" "$(summary)"

finish
