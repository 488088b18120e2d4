#!/bin/sh
# T010-index: indexing the corpus, re-indexing without duplicates, and
# bad inputs reported one line each while the rest is still indexed.
. "$(dirname "$0")/test-lib.sh"

run index --db db "$CORPUS"
check_eq "index corpus: exit status" 0 "$STATUS"
check_contains "index corpus: summary" "indexed 5 articles from 5 files (5 new, 0 changed, 0 unchanged, 0 removed) in" "$OUT"
check_contains "index corpus: document count" "db now holds 5 documents" "$OUT"
check_eq "index corpus: nothing on stderr" "" "$ERR"

# the same folder again, and one file by another path: replaced, not duplicated
run index --db db "$CORPUS/"
check_contains "re-index folder: still 5" "db now holds 5 documents" "$OUT"
run index --db db "$CORPUS/./003_14c9b7630dbfab34.txt"
check_contains "re-index one file by another path: still 5" "db now holds 5 documents" "$OUT"

# IZDE_DB and the default index/db
IZDE_DB="$WORK/envdb" run index "$CORPUS/000_d565b1d6aecbcaa9.txt"
check_contains "IZDE_DB names the index" "$WORK/envdb now holds 1 document" "$OUT"
run index "$CORPUS/000_d565b1d6aecbcaa9.txt"
check_contains "default index/db" "index/db now holds 1 document" "$OUT"
check_eq "default index/db exists" "yes" "$( [ -d index/db ] && echo yes)"

# bad inputs: each reported once, the good ones indexed
mkdir bad
printf 'Экстремизм и терроризм обсуждали в Бишкеке пятого декабря.\n' > bad/good.txt
printf 'abc\000def' > bad/binary.txt
printf '\317\360\350\342\345\362 \354\350\360\n' > bad/cp1251.txt  # "Привет мир": converted, indexed
printf '\001\002\003\200\201\202\203\204\205' > bad/junk.txt  # no charset fits
: > bad/empty.txt
printf 'not indexed' > bad/image.png
cat > bad/news.jsonl <<'JSONL'
{"id": "n1", "title": "Первая", "text": "Наркотики изъяли на границе."}
{"id": "n2", "text": "broken
[1, 2, 3]
{"id": "n4", "title": "без текста"}

{"id": "n6", "content": "Мигранты вернулись домой.", "lang": "ru"}
JSONL
run index --db baddb bad
check_eq "bad inputs: exit status 1" 1 "$STATUS"
check_contains "bad inputs: summary" "indexed 4 articles from 6 files" "$OUT"
check_contains "bad inputs: count" "baddb now holds 4 documents" "$OUT"
expected_err="izde: bad/binary.txt: not a text file (contains NUL bytes); skipped
izde: bad/empty.txt: empty file; nothing to index
izde: bad/junk.txt: not valid UTF-8 and no Cyrillic encoding fits (byte 3); convert it to UTF-8 first, e.g. iconv -f windows-1251 -t utf-8
izde: bad/news.jsonl:2: invalid JSON at column 28: premature end of input near '\"broken'
izde: bad/news.jsonl:3: not a JSON object; each line must be {\"text\": ...}
izde: bad/news.jsonl:4: no \"text\", \"content\" or \"body\" string field
izde: 6 files or records could not be indexed (listed above); the rest was indexed"
check_eq "bad inputs: one line each" "$expected_err" "$ERR"
check_eq "windows-1251 file converted and found" "cp1251.txt" "$(hit_files --db baddb мира)"

run index --db baddb no-such-file.txt
check_eq "missing path: exit 1" 1 "$STATUS"
check_contains "missing path: message" "izde: no-such-file.txt: no such file or folder" "$ERR"

run index --db db
check_eq "no paths: usage error" 2 "$STATUS"
check_contains "no paths: message" "izde: index: give at least one file or folder to index" "$ERR"
run index --bogus x
check_eq "unknown option: usage error" 2 "$STATUS"
check_contains "unknown option: message" "izde: index: unknown option '--bogus'" "$ERR"

# an index folder that is not an index
mkdir notdb && printf 'junk' > notdb/iamglass && printf 'junk' > notdb/postlist.glass
run index --db notdb "$CORPUS"
check_eq "corrupt index: exit 2" 2 "$STATUS"
check_contains "corrupt index: message" "izde: index 'notdb' is damaged: Xapian's check of its tables finds 1 problem" "$ERR"
check_contains "corrupt index: what to do" "delete the folder and index again" "$ERR"

finish
