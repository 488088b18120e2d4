#!/bin/sh
# T300-split-file: one big JSON Lines file and one big CSV file (its
# multi-line quoted fields across the point where it is cut) are each
# read by several workers in byte ranges cut at record boundaries; the
# index holds exactly what one process builds (ids, ranks, scores,
# stories, facts, signatures), and problems come in reading order with
# the files' true line numbers; a malformed CSV file is not cut, and a
# bulk build by one process ends compact.
. "$(dirname "$0")/test-lib.sh"

# the seed texts, numbered, each with a field of padding that is stored
# but not analysed, so that the files pass 4 MiB (where a file is cut)
# with a few hundred articles
texts=$(jq -Rs . "$CORPUS"/*.txt | jq -sc .)
pad=$(jq -nc '"x" * 28000')
mkdir big
{
    echo '{"id": "dup", "text": "Первая версия заметки: слово альфаомега."}'
    echo '{broken'
    jq -nc --argjson t "$texts" --argjson p "$pad" 'range(0; 140) | {id: "j\(.)", text: "Заметка номер \(.). \($t[. % 5])", pad: $p}'
    echo '{"id": "dup", "text": "Вторая версия заметки: слово бетагамма."}'
    echo '{"title": 1}'
} > big/b.jsonl
# CSV: a half of rows, one long row of many lines, the other half: the
# middle of the file, where a cut is wanted, falls inside the long row
{
    echo 'id,title,text,pad'
    jq -nr --argjson t "$texts" --argjson p "$pad" 'range(0; 60) | ["a\(1000 + .)", "Первая \(1000 + .)", "Запись \(1000 + .). \($t[. % 5])", $p] | @csv'
    jq -nr --argjson t "$texts" '["mid", "Длинная", ([range(0; 20) | $t[] ] | join("\n")), ""] | @csv'
    jq -nr --argjson t "$texts" --argjson p "$pad" 'range(0; 60) | ["b\(1000 + .)", "Вторая \(1000 + .)", "Запись \(2000 + .). \($t[. % 5])", $p] | @csv'
} > big/a.csv
bad_line=$(($(wc -l < big/a.csv) + 1))
echo 'bad,row' >> big/a.csv
check_eq "input: each file over 4 MiB" "true true" \
    "$(test "$(wc -c < big/a.csv)" -gt 4194304 && echo true) $(test "$(wc -c < big/b.jsonl)" -gt 4194304 && echo true)"
mid_start=$(grep -n '^"mid",' big/a.csv | cut -d: -f1)
after_mid=$(grep -n '^"b1000",' big/a.csv | cut -d: -f1)
mid_bytes=$(head -n $((mid_start - 1)) big/a.csv | wc -c)
check_eq "the middle of the CSV is inside the long row's lines" "true" \
    "$(test "$mid_bytes" -lt $(($(wc -c < big/a.csv) / 2)) && test $((after_mid - mid_start)) -gt 100 && echo true)"

summary() { printf '%s\n' "$OUT" | sed 's/ in [0-9.]* s;/ in T s;/'; }
run index -v -j 3 --db three big
check_eq "-j 3: exit status (problems)" 1 "$STATUS"
check_eq "-j 3: summary" "indexed 263 articles from 2 files (2 new, 0 changed, 0 unchanged, 0 removed) in T s; three now holds 262 documents" "$(summary)"
jsonl_cut=$(printf '%s\n' "$ERR" | sed -n 's/^izde: big\/b.jsonl: read in 2 ranges by the workers, from lines 1 and \([0-9]*\)$/\1/p')
check_eq "-v: the CSV cut at the first record after its middle" \
    "izde: big/a.csv: read in 2 ranges by the workers, from lines 1 and $after_mid" \
    "$(printf '%s\n' "$ERR" | grep 'a.csv: read in')"
check_eq "... the JSON Lines file near its middle" "true" \
    "$(test "$(head -n $((jsonl_cut - 1)) big/b.jsonl | wc -c)" -ge $(($(wc -c < big/b.jsonl) / 2)) &&
       test "$(head -n $((jsonl_cut - 2)) big/b.jsonl | wc -c)" -lt $(($(wc -c < big/b.jsonl) / 2)) && echo true)"
problems3=$(printf '%s\n' "$ERR" | grep -v ': read in ')
run index -j 1 --db one big
check_eq "-j 1: summary" "indexed 263 articles from 2 files (2 new, 0 changed, 0 unchanged, 0 removed) in T s; one now holds 262 documents" "$(summary)"
last=$(wc -l < big/b.jsonl)
check_eq "problems in reading order, on the files' own lines" "izde: big/a.csv:$bad_line: row has 2 fields, the header has 4
izde: big/b.jsonl:2: invalid JSON at column 7: string or '}' expected near 'broken'
izde: big/b.jsonl:$last: no \"text\", \"content\" or \"body\" string field
izde: 3 files or records could not be indexed (listed above); the rest was indexed" "$ERR"
check_eq "-j 3 reports them as -j 1 does" "$ERR" "$problems3"
check_eq "no range or merge folder left" "big one three" "$(ls | grep -v '^\.' | paste -sd' ' -)"

# an id read twice in one file, once in each range: the later line wins
check_eq "the later copy of an id kept" "dup|" \
    "$("$IZDE" search --db three --json бетагамма | jq -r '[.hits[].id] | join(",")')|$("$IZDE" search --db three --json альфаомега 2>/dev/null | jq -r '[.hits[].id] | join(",")')"

scored() {
    "$IZDE" search --db "$1" --json --all-copies -n 2000 "$2" |
        jq -c '[.matches_estimated, [.hits[] | [.rank, .id, .story, (.score * 1000 | round)]]]'
}
for q in Казахстане терроризм '"28 тысяч"' 'заметка NOT Алматы' Длинная; do
    check_eq "same matches, stories, scores and ranking: $q" "$(scored one "$q")" "$(scored three "$q")"
done
check_eq "... and they are many" "true" \
    "$(test "$("$IZDE" search --db three --json --all-copies -n 2000 Казахстане | jq ".hits | length")" -gt 40 && echo true)"
stories() {
    { jq -r .id big/b.jsonl 2>/dev/null; cut -d, -f1 big/a.csv | grep '^"[ab]' | tr -d '"'; } |
        grep -v null | sort -u | xargs "$IZDE" show --db "$1" --json | jq -r '"\(.id) \(.story) \(.copies | length) \(.line)"' | sort
}
check_eq "every article's story, copies and line as -j 1 gives them" "$(stories one)" "$(stories three)"
check_eq "the same figures facts" "$("$IZDE" facts --db one --json человек)" "$("$IZDE" facts --db three --json человек)"
run check-index --db three
check_eq "the merged index checks out" "three: format version 3, 262 documents, every article readable" "$OUT"

# the workers' copies of one text joined one story after the merge, which
# rewrote those articles: the index was packed again, so compacting it
# now gains next to nothing
before=$(du -sk three | cut -f1)
run compact --db three
check_eq "compacting the merged index: status" 0 "$STATUS"
check_eq "... at most 3% smaller: it ended compact" "true" \
    "$(test $(($(du -sk three | cut -f1) * 100)) -ge $((before * 97)) && echo true)"

# each split file has its signature, with the problems of all its ranges
run index -v --db three big
check_eq "again: both files unchanged, their problems counted" "izde: big/a.csv: unchanged; 1 of its records could not be indexed when it was read (--force reads it again and says which)
izde: big/b.jsonl: unchanged; 2 of its records could not be indexed when it was read (--force reads it again and says which)" "$ERR"

# a bulk build by one process ends compact too (a single writer leaves
# its B-trees about half full: twice the size)
check_eq "-j 1's index no bigger than the merged -j 3 one" "true" \
    "$(test "$(du -sk one | cut -f1)" -le "$(du -sk three | cut -f1)" && echo true)"

# a CSV file malformed before its middle is not cut: one worker reads it
# and stops where one process stops
mkdir bad
{ head -n 1 big/a.csv; echo 'x1,Тест,Первая строка.,'; echo 'x2,ab"c,d'; tail -n +2 big/a.csv; } > bad/c.csv
run index -v -j 2 --db bad-db bad
check_eq "malformed CSV: not cut, read up to the error" "indexed 1 article from 1 file (1 new, 0 changed, 0 unchanged, 0 removed) in T s; bad-db now holds 1 document" "$(summary)"
check_eq "... reported as one process reports it" "izde: bad/c.csv:3: malformed CSV (error parsing data while strict checking enabled); the rest of the file is skipped
izde: 1 file or record could not be indexed (listed above); the rest was indexed" "$ERR"

# one file alone is shared by the workers too
run index -v -j 2 --db single big/b.jsonl
check_eq "-j 2 on one file: read in two ranges" "izde: big/b.jsonl: read in 2 ranges by the workers, from lines 1 and $jsonl_cut" \
    "$(printf '%s\n' "$ERR" | grep 'read in')"
ids() { "$IZDE" search --db "$1" --json --all-copies -n 2000 "$2" | jq -c '[.hits[].id | select(test("^(j|dup)"))] | sort'; }
check_eq "... the same articles as from the folder" "$(ids three заметки)" "$(ids single заметки)"
finish
