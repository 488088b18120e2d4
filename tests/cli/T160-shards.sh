#!/bin/sh
# T160-shards: an index split into shards, searched as local folders or
# through xapian-tcpsrv on loopback, answers exactly as one index holding
# the same articles: same hits in the same order, same scores, same
# counts, facts, checks and timelines.  Shard lists are checked (one set,
# each shard once, none missing); a shard that is down or too slow is
# named, or left out with --allow-partial and the answer marked partial.
. "$(dirname "$0")/test-lib.sh"

SERVERS="$IZDE_SRC/tools/shard-servers.sh"
command -v xapian-tcpsrv >/dev/null || { fail "xapian-tcpsrv missing: run tools/deps.sh --test"; finish; }

# input: the seed articles, plus JSON Lines with many ids (so that every
# shard gets some), a record without text and a broken line
mkdir in
cp "$CORPUS"/*.txt in/
for f in "$CORPUS"/*.txt; do
    b=$(basename "$f" .txt)
    jq -Rsc --arg b "$b" '. as $t | range(0; 12) | {id: "\($b)-\(.)", date: "2021-0\(. % 9 + 1)-15", text: $t}' "$f"
done > in/copies.jsonl
printf '{"id": "empty-1", "title": ""}\n{broken\n' > in/bad.jsonl

# same_answers WHAT EXPECTED-FILE ACTUAL-FILE: the first differences only
same_answers() {
    CHECKS=$((CHECKS + 1))
    if ! cmp -s "$2" "$3"; then
        fail "$1"
        diff "$2" "$3" | cut -c1-300 | head -n 6 >&2
    fi
}

summary() { printf '%s\n' "$OUT" | sed 's/ in [0-9.]* s;/ in T s;/'; }
run index -j 1 --db single in
check_eq "single index" "indexed 65 articles from 7 files (7 new, 0 changed, 0 unchanged, 0 removed) in T s; single now holds 65 documents" "$(summary)"
single_err=$ERR
run index --shards 3 -j 2 --db sh in
check_eq "--shards 3: exit status as for one index (inputs failed)" 1 "$STATUS"
check_eq "--shards 3: summary" "indexed 65 articles from 7 files (7 new, 0 changed, 0 unchanged, 0 removed) in T s; sh now holds 65 documents in 3 shards" "$(summary)"
check_eq "--shards 3: each problem reported once, as one index reports it" "$single_err" "$ERR"
check_eq "--shards 3: the folder" "izde.shards shard-1 shard-2 shard-3" "$(ls sh | paste -sd' ' -)"
check_eq "the shard list" "shard-1 shard-2 shard-3" "$(grep -v '^#' sh/izde.shards | paste -sd' ' -)"
sizes=0
for k in 1 2 3; do
    n=$("$IZDE" search --db sh/shard-$k --json -n 0 лидерлер OR Казахстане OR терактов OR экстремизма 2>/dev/null | jq .articles_estimated)
    sizes=$((sizes + n))
done
check_eq "the shards together hold each matching article once" \
    "$("$IZDE" search --db single --json -n 0 лидерлер OR Казахстане OR терактов OR экстремизма 2>/dev/null | jq .articles_estimated)" "$sizes"
empty=0
for k in 1 2 3; do
    n=$("$IZDE" search --db sh/shard-$k --json -n 0 'Казахстане OR лидерлер OR терактов OR мероприятий OR экстремизма' 2>/dev/null | jq .matches_estimated)
    [ "${n:-0}" -gt 0 ] || empty=1
done
check_eq "every shard got articles" 0 "$empty"

# the answers of the set and of the single index, article by article:
# stories are made within a shard (copies in two shards are two stories),
# so what is counted by story (facts' values and stories, check's folded
# citations) is compared by what every article holds instead
answers() { # DB-ARGS...
    for q in Казахстане лидерлер '"28 тысяч"' 'экстремизм NOT Алматы' терактов 'мероприятий OR человек'; do
        "$IZDE" search "$@" --json --all-copies -n 10 "$q" |
            jq -c '[.matches_estimated, [.hits[] | [.rank, .id, (.score * 1e9 | round), .title, .snippets[0].text]]]'
        "$IZDE" search "$@" --json --all-copies -n 5 --offset 3 "$q" | jq -c '[.hits[] | [.rank, .id]]'
        "$IZDE" search "$@" --json --all-copies -n 10 --sort -date "$q" | jq -c '[.hits[] | [.id, .date]]'
        "$IZDE" facts "$@" --json -n 1000 --groups 1000 "$q" |
            fact_groups
        "$IZDE" timeline "$@" --json "$q" | jq -c 'del(.stories, .undated, .less_precise) | .periods |= map(del(.count))'
    done 2>&1
    for claim in "28 тысяч человек" "11 терактов"; do
        "$IZDE" check "$@" --json -n 10000 "$claim" 2>&1 |
            jq -c '[.claim, .scope, ([.agree[] | .value] | unique), ([.differ[] | .value] | unique)]'
    done
}
answers --db single > single.txt
check_eq "the answers are not empty: 10 hits for the first query" 10 "$(sed -n 1p single.txt | jq '.[1] | length')"
answers --db sh > sh.txt
same_answers "--db SHARDS-FOLDER answers as the single index" single.txt sh.txt
answers --db sh/shard-3 --db sh/shard-1 --db sh/shard-2 > three.txt
same_answers "three --db in any order answer as the single index" single.txt three.txt
answers --db sh/izde.shards > list.txt
same_answers "the list file answers as the single index" single.txt list.txt

# --shard K/N, one machine's part of a larger job
for k in 1 2 3; do "$IZDE" index -j 1 --shard $k/3 --db part$k in >/dev/null 2>&1; done
answers --db part1 --db part2 --db part3 > parts.txt
same_answers "--shard 1/3, 2/3, 3/3 built apart answer as the single index" single.txt parts.txt
check_eq "--shard K/N builds what --shards N builds" \
    "$("$IZDE" search --db sh/shard-2 --json -n 100 Казахстане OR лидерлер | jq -c '[.hits[].id] | sort')" \
    "$("$IZDE" search --db part2 --json -n 100 Казахстане OR лидерлер | jq -c '[.hits[].id] | sort')"

# the set is checked: each shard once, none missing
run search --db part1 --db part2 Казахстане
check_eq "a shard missing: exit 2" 2 "$STATUS"
check_eq "a shard missing: the error" "izde: shard 3 of 3 is not listed (2 of the 3 shards given): results would miss its articles; list every shard, or add --allow-partial" "$ERR"
run search --db part1 --db part2 --db part2 Казахстане
check_eq "a shard twice: the error" "izde: 'part2' and 'part2' are both shard 2 of 3: list each shard once, or its articles count twice" "$ERR"
"$IZDE" index -j 1 --shard 1/2 --db half1 in >/dev/null 2>&1
run search --db part1 --db half1 Казахстане
check_eq "shards of two sets: the error" "izde: 'half1' is shard 1 of 2 but 'part1' is one of 3: list the shards of one \`izde index --shards\` run" "$ERR"
run search --db part1 --db part2 --allow-partial --json Казахстане
check_eq "--allow-partial: the answer says what is missing" '[{"shard":"shard 3 of 3","reason":"not listed"}]' "$(printf '%s' "$OUT" | jq -c .partial)"
check_eq "--allow-partial: a warning" "izde: warning: results are partial: shard 'shard 3 of 3' left out: not listed" "$ERR"
check_eq "--allow-partial: exit 0" 0 "$STATUS"
run search --db part1 --db nowhere Казахстане
check_eq "a folder that is no index" "izde: no index at 'nowhere': build it first with 'izde index --db DIR PATH...'" "$ERR"
printf '# two shards\npart1\n\ntcp://localhost\n' > bad.list
run search --db bad.list Казахстане
check_eq "a list with a bad line: file and line named" "izde: shard list 'bad.list', line 4: 'tcp://localhost' names no host and port: write tcp://HOST:PORT" "$ERR"

# building shards: mistakes refused before anything is written
run index --db part2 --shard 1/3 in
check_eq "--shard into another shard's folder" "izde: 'part2' is shard 2 of 3, not 1 of 3: index into it with --shard 2/3, or use a new --db folder" "$ERR"
run index --db single --shard 1/3 in
check_eq "--shard into an index that is no shard" "izde: 'single' holds 65 articles of an index that is not a shard; a shard starts empty: use a new --db folder" "$ERR"
run index --db sh --shards 4 in
check_eq "--shards with another number" "izde: indexing stopped: 'sh' holds 3 shards, not 4: index into it with --shards 3 (a new number would move articles between shards: build a new folder)" "$(printf '%s\n' "$ERR" | head -n 1)"
run index --db single --shards 2 in
check_eq "--shards into a single index" "izde: indexing stopped: 'single' holds a single index, not shards: give --shards a folder of its own" "$(printf '%s\n' "$ERR" | head -n 1)"
run index --db x --shard 4/3 in
check_eq "--shard K > N" "izde: index: --shard takes K/N, this machine's shard K of N (1 <= K <= N <= 1024), not '4/3'" "$ERR"
run index --db x --shards 2 --shard 1/2 in
check_eq "--shards and --shard together" "izde: index: --shards N builds every shard here, --shard K/N one of them: give one" "$ERR"

# incremental: a changed file's articles are replaced in their shards
jq -c 'if .id == "003_14c9b7630dbfab34-4" then .text = "Новый текст: гиперзвуковой проект" else . end' in/copies.jsonl > c && mv c in/copies.jsonl
run index --db sh --shards 3 in
check_eq "again, one file changed (the file with problems skipped, its problems counted)" "indexed 60 articles from 1 file (0 new, 1 changed, 6 unchanged, 0 removed) in T s; sh now holds 65 documents in 3 shards
1 unchanged file had 2 records that could not be indexed when read (-v names them, --force reads them again)" "$(summary)"
"$IZDE" index -j 1 --db single in >/dev/null 2>&1
check_eq "the replaced article is found once" '["003_14c9b7630dbfab34-4"]' "$("$IZDE" search --db sh --json гиперзвуковой | jq -c '[.hits[].id]')"
answers --db single > single2.txt
answers --db sh > sh2.txt
same_answers "after the update: still as the single index" single2.txt sh2.txt

# ---- over TCP: xapian-tcpsrv per shard on loopback --------------------------
port=$((20000 + $$ % 20000))
run_servers() { "$SERVERS" "$@" >"$WORK/.srv" 2>&1; }
trap '"$SERVERS" stop --run "$WORK/sh/servers" >/dev/null 2>&1' EXIT
run_servers start sh --port $port || run_servers start sh --port $((port + 7))
check_contains "servers started" "serving 3 shard(s) on 127.0.0.1" "$(cat .srv)"
p1=$(sed -n 2p sh/servers/izde.shards | sed 's|.*:||')
check_eq "the tcp list" "tcp://127.0.0.1:$p1 tcp://127.0.0.1:$((p1 + 1)) tcp://127.0.0.1:$((p1 + 2))" "$(grep -v '^#' sh/servers/izde.shards | paste -sd' ' -)"
answers --db sh/servers > tcp.txt
same_answers "over TCP: answers as the single index" single2.txt tcp.txt
answers --db tcp://127.0.0.1:$p1 --db sh/shard-2 --db tcp://127.0.0.1:$((p1 + 2)) > mixed.txt
same_answers "remote and local shards mixed: answers as the single index" single2.txt mixed.txt

# a dead shard
pid2=$(sed -n 2p sh/servers/pids)
kill "$pid2"
sleep 0.3
run search --db sh/servers Казахстане
check_eq "a dead shard: exit 2" 2 "$STATUS"
check_contains "a dead shard: named" "izde: shard 'tcp://127.0.0.1:$((p1 + 1))' is down: cannot connect (" "$ERR"
check_contains "a dead shard: what to do" "start its server again (tools/shard-servers.sh start), or search the others with --allow-partial" "$ERR"
run search --db sh/servers --allow-partial --json -n 100 Казахстане OR лидерлер
check_eq "a dead shard, --allow-partial: exit 0" 0 "$STATUS"
check_eq "a dead shard, --allow-partial: marked partial" "tcp://127.0.0.1:$((p1 + 1))" "$(printf '%s' "$OUT" | jq -r '.partial[0].shard')"
check_eq "a dead shard, --allow-partial: the other shards' hits" \
    "$("$IZDE" search --db sh/shard-1 --db sh/shard-3 --allow-partial --json -n 100 Казахстане OR лидерлер 2>/dev/null | jq -c '[.hits[].id] | sort')" \
    "$(printf '%s' "$OUT" | jq -c '[.hits[].id] | sort')"
check_contains "a dead shard, --allow-partial: warned" "izde: warning: results are partial: shard 'tcp://127.0.0.1:$((p1 + 1))' left out: cannot connect" "$ERR"
run facts --db sh/servers --allow-partial --json человек
check_eq "facts, --allow-partial: marked partial" "tcp://127.0.0.1:$((p1 + 1))" "$(printf '%s' "$OUT" | jq -r '.partial[0].shard')"
run timeline --db sh/servers --allow-partial --json человек
check_eq "timeline, --allow-partial: marked partial" "tcp://127.0.0.1:$((p1 + 1))" "$(printf '%s' "$OUT" | jq -r '.partial[0].shard')"

# a slow shard: stopped, it accepts connections but never answers
pid3=$(sed -n 3p sh/servers/pids)
kill -STOP "$pid3"
run search --db tcp://127.0.0.1:$p1 --db tcp://127.0.0.1:$((p1 + 2)) --timeout 1500 Казахстане
check_eq "a slow shard: exit 2" 2 "$STATUS"
check_contains "a slow shard: named, with the time waited" "izde: shard 'tcp://127.0.0.1:$((p1 + 2))' is down: no answer within 1500 ms" "$ERR"
run search --db tcp://127.0.0.1:$p1 --db sh/shard-2 --db tcp://127.0.0.1:$((p1 + 2)) --timeout 1500 --allow-partial --json -n 100 Казахстане OR лидерлер
check_eq "a slow shard, --allow-partial: the other shards' hits" \
    "$("$IZDE" search --db sh/shard-1 --db sh/shard-2 --allow-partial --json -n 100 Казахстане OR лидерлер 2>/dev/null | jq -c '[.hits[].id] | sort')" \
    "$(printf '%s' "$OUT" | jq -c '[.hits[].id] | sort')"
kill -CONT "$pid3"

# a shard that stops answering between two queries of one session
mkfifo q
"$IZDE" search --batch --db tcp://127.0.0.1:$p1 --db sh/shard-2 --db tcp://127.0.0.1:$((p1 + 2)) --timeout 1500 --allow-partial -n 100 < q > batch.out 2> batch.err &
bpid=$!
exec 7>q
echo 'Казахстане OR лидерлер' >&7
sleep 1
# xapian-tcpsrv serves each connection from a child process: stop those too
kill -STOP "$pid3"
pkill -STOP -P "$pid3"
echo 'Казахстане OR лидерлер' >&7
exec 7>&-
wait $bpid
pkill -CONT -P "$pid3"
kill -CONT "$pid3"
check_eq "mid-session: the first answer is whole" "null 0" "$(sed -n 1p batch.out | jq -c .partial) 0"
check_eq "mid-session: the second is partial" "tcp://127.0.0.1:$((p1 + 2))" "$(sed -n 2p batch.out | jq -r '.partial[0].shard')"
check_eq "mid-session: with the other shards' hits" \
    "$("$IZDE" search --db sh/shard-1 --db sh/shard-2 --allow-partial --json -n 100 Казахстане OR лидерлер 2>/dev/null | jq -c '[.hits[].id] | sort')" \
    "$(sed -n 2p batch.out | jq -c '[.hits[].id] | sort')"
check_contains "mid-session: warned" "left out: no answer within 1500 ms" "$(cat batch.err)"

run_servers stop sh
check_eq "servers stopped" "stopped the shard servers of 'sh/servers'" "$(cat .srv)"
check_eq "no server left" "" "$(for p in $(cat sh/servers/pids 2>/dev/null); do kill -0 "$p" 2>/dev/null && echo "$p"; done)"
trap - EXIT
finish
