#!/bin/sh
# T240-index-defaults: `izde index --source NAME --lang ky|ru|other
# --date-from mtime|filename` fill only what a record lacks: the exact
# stored dates, sources and languages; a re-run with the same options on
# unchanged files reads nothing, one with other options reads them again;
# bad values are refused naming the option and what it takes.
. "$(dirname "$0")/test-lib.sh"

mkdir in
printf 'Заголовок статьи о выборах в парламент страны\nТекст статьи о выборах в парламент.\n' \
    > in/2024-01-16-news.txt
printf 'Статья без даты в имени файла о выборах в парламент\nТекст.\n' > in/plain.txt
touch -d '2022-07-08 10:00:00 UTC' in/plain.txt
cat > in/feed_05.03.2023.jsonl <<'JSONL'
{"id":"own","text":"Текст о выборах в парламент.","date":"2020-05-01","source":"own.kg","lang":"ru"}
{"id":"bare","text":"Шайлоо боюнча кабар берилди жана талкууланды."}
{"id":"url","text":"Текст о выборах.","url":"https://www.example.org/2019-02-03/x.html"}
{"id":"stated","text":"Опубликовано: 04.05.2018\nТекст о выборах в парламент."}
JSONL
touch -d '2022-07-09 10:00:00 UTC' in/2024-01-16-news.txt in/feed_05.03.2023.jsonl

# one line per article: name date source lang
stored() {
    "$IZDE" search --db db --json --all-copies --no-snippets -n 100 'lang:ru OR lang:ky OR lang:other' |
        jq -r '.hits[] | "\(.id | sub(".*/"; "")) \(.date) \(.source) \(.lang)"' | LC_ALL=C sort
}

run index --db db --source test.kg --lang ky --date-from filename in
check_eq "index with defaults: exit 0" 0 "$STATUS"
check_contains "index: 3 new files" "indexed 6 articles from 3 files (3 new" "$OUT"
check_eq "filename: fields win, the default fills the rest" \
"2024-01-16-news.txt 2024-01-16 test.kg ky
bare 2023-03-05 test.kg ky
own 2020-05-01 own.kg ru
plain.txt null test.kg ky
stated 2018-05-04 test.kg ky
url 2019-02-03 test.kg ky" "$(stored)"

run index --db db --source test.kg --lang ky --date-from filename in
check_contains "re-run, same options: nothing read" \
    "indexed 0 articles from 0 files (0 new, 0 changed, 3 unchanged" "$OUT"
check_eq "re-run, same options: nothing changed" 6 "$(stored | wc -l)"

run index --db db --source other.kg --date-from mtime in
check_contains "other options: every file read again" \
    "indexed 6 articles from 3 files (0 new, 3 changed, 0 unchanged" "$OUT"
check_eq "mtime: the file's UTC day; the language guessed again" \
"2024-01-16-news.txt 2022-07-09 other.kg ru
bare 2022-07-09 other.kg ky
own 2020-05-01 own.kg ru
plain.txt 2022-07-08 other.kg ru
stated 2018-05-04 other.kg ru
url 2019-02-03 other.kg ru" "$(stored)"

run index --db db --source other.kg --date-from mtime in
check_contains "re-run with mtime: nothing read" "(0 new, 0 changed, 3 unchanged" "$OUT"
touch -d '2022-08-01 12:00:00 UTC' in/plain.txt
run index --db db --source other.kg --date-from mtime in
check_contains "touched file: read again, its date moves" "(0 new, 1 changed, 2 unchanged" "$OUT"
check_contains "touched file: the new mtime day" "plain.txt 2022-08-01 other.kg ru" "$(stored)"

run index --db db in
check_contains "no defaults: read again" "(0 new, 3 changed, 0 unchanged" "$OUT"
check_eq "no defaults: only what records, URLs and texts give" \
"2024-01-16-news.txt null null ru
bare null null ky
own 2020-05-01 own.kg ru
plain.txt null null ru
stated 2018-05-04 null ru
url 2019-02-03 example.org ru" "$(stored)"

run index --db db --lang kz in
check_eq "bad --lang: exit 2" 2 "$STATUS"
check_eq "bad --lang: the message" "izde: index: --lang takes ru|ky|other, not 'kz'" "$ERR"
run index --db db --date-from ctime in
check_eq "bad --date-from: exit 2" 2 "$STATUS"
check_eq "bad --date-from: the message" "izde: index: --date-from takes mtime|filename, not 'ctime'" \
    "$ERR"
run index --db db --source "$(printf 'a\tb')" in
check_eq "bad --source: exit 2" 2 "$STATUS"
check_contains "bad --source: the message" "index: --source takes a source name of 1 to 200 bytes" \
    "$ERR"

finish
