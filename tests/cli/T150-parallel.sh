#!/bin/sh
# T150-parallel: a new index built by two worker processes (shards merged
# with Xapian's compactor) holds exactly what one process builds: the same
# documents, the same ranking and scores, the same incremental state, and
# no shard left behind.  Small inputs are indexed by one process.
. "$(dirname "$0")/test-lib.sh"

# about 5 MB of JSON Lines in three files: the seed articles, 180 copies each
mkdir feed
for f in "$CORPUS"/*.txt; do
    b=$(basename "$f" .txt)
    jq -Rsc --arg b "$b" '. as $t | range(0; 180) | {id: "\($b)#\(.)", text: $t}' "$f"
done > all.jsonl
split -n l/3 -d --additional-suffix=.jsonl all.jsonl feed/part-
rm all.jsonl
check_eq "input: three files, over the 4 MiB where workers start" "3 true" \
    "$(ls feed | wc -l | tr -d ' ') $(test "$(cat feed/* | wc -c)" -gt 4194304 && echo true)"

# the first record of each part again, in a file read last: its copies win
for f in feed/part-0*.jsonl; do
    head -n 1 "$f" | jq -c '.text = "Замена: этот текст читается последним, ид \(.id)"'
done > feed/zz-update.jsonl

summary() { printf '%s\n' "$OUT" | sed 's/ in [0-9.]* s;/ in T s;/'; }
run index -j 2 --db two feed
check_eq "-j 2: exit status" 0 "$STATUS"
check_eq "-j 2: summary" "indexed 903 articles from 4 files (4 new, 0 changed, 0 unchanged, 0 removed) in T s; two now holds 900 documents; 3 ids replaced from another file" "$(summary)"
warned2=$(printf '%s\n' "$ERR" | sort)
run index -j 1 --db one feed
check_eq "-j 1: summary" "indexed 903 articles from 4 files (4 new, 0 changed, 0 unchanged, 0 removed) in T s; one now holds 900 documents; 3 ids replaced from another file" "$(summary)"
check_eq "-j 2 warns of the ids read twice as -j 1 does" "$(printf '%s\n' "$ERR" | sort)" "$warned2"
check_eq "... one warning each, from the file read last" "3 3" \
    "$(printf '%s\n' "$warned2" | grep -c '^izde: feed/zz-update.jsonl:[1-3]: warning: id .* was indexed from .*/feed/part-0[0-2].jsonl:1; replaced') $(printf '%s\n' "$warned2" | wc -l)"
check_eq "an id read twice by two workers: one document, from the file read last" \
    "$("$IZDE" search --db one --json --all-copies -n 10 замена | jq -c '[.hits[].id] | sort')" \
    "$("$IZDE" search --db two --json --all-copies -n 10 замена | jq -c '[.hits[].id] | sort')"
check_eq "... all three replaced" "3" "$("$IZDE" search --db two --json --all-copies -n 10 замена | jq '.hits | length')"

# stories: the 180 copies of each text were split between the workers;
# after the merge every article has the story one process gives it
stories() {
    cat feed/*.jsonl | jq -r .id | sort -u | xargs "$IZDE" show --db "$1" --json |
        jq -r '"\(.id) \(.story) \(.copies | length)"' | sort
}
stories one > one.stories
stories two > two.stories
check_eq "-j 2 gives every article the story -j 1 gives it" "" "$(diff one.stories two.stories)"
replaced=$(jq -r .id feed/zz-update.jsonl | sed 's/^/^/; s/$/ /')
check_eq "... one story per seed text" "$(ls "$CORPUS"/*.txt | wc -l | tr -d ' ')" \
    "$(printf '%s\n' "$replaced" | grep -v -f - two.stories | cut -d' ' -f2 | sort -u | wc -l | tr -d ' ')"
seed=$(head -n 1 feed/part-00.jsonl | jq -r .id | sed 's/#.*//')
check_eq "... named by the first article read (#0 was replaced by another text)" \
    "$seed#1 178 $seed#1 178" "$(grep "^$seed#2 " two.stories | cut -d' ' -f2-) $(grep "^$seed#1 " two.stories | cut -d' ' -f2-)"
rm one.stories two.stories
check_eq "no shard or merge folder left" "feed one two" "$(ls | grep -v '^\.' | paste -sd' ' -)"

# every match with its score and rank (copies tie on score: ties are in
# id order, whatever worker indexed them)
scored() {
    "$IZDE" search --db "$1" --json --all-copies -n 1000 "$2" |
        jq -c '[.matches_estimated, [.hits[] | [.rank, .id, (.score * 1000 | round)]]]'
}
# one hit per story: the same stories, copies and scores (which of equally
# ranked copies stands for its story follows the index's document order)
by_story() {
    "$IZDE" search --db "$1" --json -n 1000 "$2" |
        jq -c '[.matches_estimated, .articles_estimated, [.hits[] | [.rank, .story, .copies, (.score * 1000 | round)]]]'
}
for q in Казахстане терроризм лидерлер '"28 тысяч"' 'экстремизм NOT Алматы'; do
    check_eq "same matches, scores and ranking: $q" "$(scored one "$q")" "$(scored two "$q")"
    check_eq "same stories, copies and scores: $q" "$(by_story one "$q")" "$(by_story two "$q")"
done
check_eq "the same figures facts" "$("$IZDE" facts --db one --json человек)" "$("$IZDE" facts --db two --json человек)"
run check-index --db two
check_eq "the merged index checks out" "two: format version 3, 900 documents, every article readable" "$OUT"

# the merged index is an ordinary one: incremental runs update it in place
run index --db two feed
check_eq "again: every file unchanged" "indexed 0 articles from 0 files (0 new, 0 changed, 4 unchanged, 0 removed) in T s; two now holds 900 documents" "$(summary)"
left=$((900 - $(wc -l < feed/part-00.jsonl) + 10))
head -n 10 feed/part-00.jsonl > cut && mv cut feed/part-00.jsonl
run index --db two feed
check_eq "a shortened file: re-read in place" "indexed 10 articles from 1 file (0 new, 1 changed, 3 unchanged, 0 removed) in T s; two now holds $left documents; 1 id replaced from another file" "$(summary)"
check_contains "... its first id, held by the update read last, is a clash again" \
    "izde: feed/part-00.jsonl:1: warning: id " "$ERR"

# below 4 MiB one process indexes, and problems come in file order
mkdir small
printf '{"text": "Первая новость"}\n{broken\n' > small/a.jsonl
printf '{"text": "Вторая новость"}\n{"title": 1}\n' > small/b.jsonl
run index -j 2 --db small-db small
check_eq "small input: problems in file order" "izde: small/a.jsonl:2: invalid JSON at column 7: string or '}' expected near 'broken'
izde: small/b.jsonl:2: no \"text\", \"content\" or \"body\" string field
izde: 2 files or records could not be indexed (listed above); the rest was indexed" "$ERR"

run index -j 0 --db x feed
check_eq "-j 0: refused" "2 izde: index: -j takes a number from 1 to 64, not '0'" "$STATUS $ERR"
finish
