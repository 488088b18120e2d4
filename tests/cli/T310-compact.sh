#!/bin/sh
# T310-compact: `izde compact` rewrites an index grown by many runs
# smaller, answering every query as before (ids, ranks and scores) and
# keeping what izde keeps beside the documents (file signatures: a re-run
# of unchanged input reads nothing); no index, a set of shards, extra
# arguments and a held lock are errors; killed at any of its renames or
# at random moments, it leaves an index that holds every id and is sound.
. "$(dirname "$0")/test-lib.sh"

# 650 articles in 5 JSON Lines files, each indexed by a run of its own,
# then all of them again (--force): many commits, B-trees part empty; a
# run that leaves the index over twice its size after the first build
# (or its last compaction) compacts it, and says so
mkdir news
for f in "$CORPUS"/*.txt; do
    jq -Rsc --arg b "$(basename "$f" .txt)" '. as $t | range(0; 130) |
        {id: "\($b)-\(.)", title: "zzmark \(.)", text: $t}' "$f" > "news/$(basename "$f" .txt).jsonl"
done
: > runs.out
for f in news/*.jsonl; do "$IZDE" index --db db "$f" >> runs.out 2>&1; done
"$IZDE" index --force --db db news >> runs.out 2>&1
check_eq "runs of izde index: the index compacted when it had doubled, and said so" true \
    "$(grep -q '; compacted (it had grown past twice its packed size)$' runs.out && echo true || echo false)"
# one more small run: the compacted index's full blocks split
jq -c '.id += "-more"' news/$(ls news | head -n 1) > more.jsonl
"$IZDE" index --db db more.jsonl > /dev/null 2>&1

answers() {
    for q in zzmark Казахстане экстремизма '"28 тысяч"' Бишкек; do
        "$IZDE" search --db db --json --all-copies -n 50 "$q" | jq -c '[.hits[] | [.rank, .id, .score]]'
    done
}
answers > before.txt
size_before=$(du -sk db | cut -f1)

run compact --db db
check_eq "compact: exit 0" 0 "$STATUS"
check_contains "compact: says what it did" "compacted db: 780 documents, " "$OUT"
size_after=$(du -sk db | cut -f1)
check_eq "compact: the index is smaller ($size_before KiB -> $size_after KiB)" true \
    "$([ "$size_after" -lt "$size_before" ] && echo true || echo false)"
answers > after.txt
check_eq "compact: every answer as before" "$(md5sum < before.txt)" "$(md5sum < after.txt)"
"$IZDE" check-index --db db > /dev/null 2>&1
check_eq "compact: check-index" 0 "$?"
run index --db db news
check_contains "compact: the file signatures kept" "(0 new, 0 changed, 5 unchanged, 0 removed)" "$OUT"
check_not_contains "an unchanged run: no compaction" "compacted" "$OUT"
check_eq "compact: nothing left beside the index" "db" "$(ls -d db*)"

# errors
run compact --db nowhere
check_eq "no index: exit 2" 2 "$STATUS"
check_eq "no index: message" "izde: no index at 'nowhere': build it first with 'izde index --db DIR PATH...'" "$ERR"
check_eq "no index: none created" "" "$(ls -d nowhere 2>/dev/null)"
run compact --db db extra
check_eq "an argument: exit 2" 2 "$STATUS"
check_eq "an argument: message" "izde: compact: takes no arguments, only --db DIR, not 'extra'" "$ERR"
"$IZDE" index --shards 2 -j 2 --db sh news > /dev/null 2>&1
run compact --db sh
check_eq "a set of shards: exit 2" 2 "$STATUS"
check_eq "a set of shards: message" "izde: compact: 'sh' is a set of 2 shards: compact each one by itself (izde compact --db sh/shard-1, ...)" "$ERR"
check_eq "a set of shards: left as it was" "izde.shards shard-1 shard-2" "$(ls sh | tr '\n' ' ' | sed 's/ $//')"
set_ids() { "$IZDE" search --db sh --json --all-copies --no-snippets -n 1000 zzmark | jq -c '[.hits[] | [.id, .score]]'; }
set_ids > set-before.txt
run compact --db sh/shard-1
check_eq "one shard of a set: exit 0" 0 "$STATUS"
check_eq "the set answers as before" "$(md5sum < set-before.txt)" "$(set_ids | md5sum)"
check_eq "the set: 650 hits" 650 "$(set_ids | jq length)"

# a held lock: a writer that reads from a named pipe
mkfifo feed.jsonl
"$IZDE" index --db db feed.jsonl > /dev/null 2>&1 &
WPID=$!
exec 3> feed.jsonl
n=0
while [ $n -lt 100 ] && [ ! -e db/izde.pid ] && ! ls db/*.pid > /dev/null 2>&1; do
    sleep 0.05
    n=$((n + 1))
done
sleep 0.3
run compact --db db
check_eq "locked: exit 3" 3 "$STATUS"
check_eq "locked: message" "izde: index 'db' is locked by another izde index (pid $WPID); wait for it to finish" "$ERR"
exec 3>&-
wait "$WPID"

expected_ids() { cat news/*.jsonl more.jsonl | jq -r .id | sort; }
indexed_ids() {
    "$IZDE" search --db db --json --all-copies --no-snippets -n 100000 zzmark 2>/dev/null | jq -r '.hits[].id' | sort
}
sound_after_kill() {
    check_eq "$1: every id" "$(expected_ids | md5sum)" "$(indexed_ids | md5sum)"
    "$IZDE" check-index --db db > /dev/null 2>&1
    check_eq "$1: check-index" 0 "$?"
    run compact --db db
    check_eq "$1: compact again: exit 0" 0 "$STATUS"
}

# killed at each rename it makes (where strace can inject a signal)
if strace -o /dev/null -e trace=rename -e inject=rename:signal=KILL:when=9999 true 2>/dev/null; then
    strace -f -o renames -e trace=rename,renameat,renameat2 "$IZDE" compact --db db > /dev/null 2>&1
    count=$(grep -c 'rename' renames)
    check_eq "strace: compact renames something" true "$([ "$count" -ge 1 ] && echo true || echo false)"
    for k in $(seq 1 "$count"); do
        strace -f -o /dev/null -e trace=rename,renameat,renameat2 \
            -e inject=rename,renameat,renameat2:signal=KILL:when="$k" \
            "$IZDE" compact --db db > /dev/null 2>&1
        sound_after_kill "killed at its rename $k of $count"
    done
else
    echo "T310: strace cannot inject signals here; killed at random times only"
fi
# at random moments: three, one under the sanitizers (ten times slower)
DELAYS="0.05 0.15 0.3"
[ "${IZDE_SANITIZED:-0}" = 1 ] && DELAYS="0.5"
for delay in $DELAYS; do
    setsid "$IZDE" compact --db db > /dev/null 2>&1 &
    PID=$!
    sleep "$delay"
    kill -9 "-$PID" 2>/dev/null
    wait "$PID" 2>/dev/null
    sound_after_kill "killed after $delay s"
done
finish
