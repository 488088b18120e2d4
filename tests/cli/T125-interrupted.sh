#!/bin/sh
# T125-interrupted: `izde index` killed (-9) at any point loses nothing
# for good: after a --force -j 1 run, a -j 2 build (its merge and swap
# included) or a --prune run is killed, the next run ends with exactly
# the input's ids, and check-index calls the index sound.  An id held by
# two files survives --prune of one of them.  Kill times come from a
# seed, printed (IZDE_T125_SEED=N repeats a run).
. "$(dirname "$0")/test-lib.sh"

SEED=${IZDE_T125_SEED:-$(date +%s)}
echo "T125: seed $SEED"
# delays between 0.2 and 2.0 s, one per line
awk -v s="$SEED" 'BEGIN { srand(s); for (i = 0; i < 32; i++) printf "%.2f\n", 0.2 + rand() * 1.8 }' > delays
next_delay() { DELAY=$(sed -n 1p delays); sed -i 1d delays; }

# 650 articles in 5 JSON Lines files (4 MB: enough for -j 2 workers), the
# ids <seed article>-<k>, the title "zzmark k" to find them all
mkdir news
for f in "$CORPUS"/*.txt; do
    jq -Rsc --arg b "$(basename "$f" .txt)" '. as $t | range(0; 130) |
        {id: "\($b)-\(.)", title: "zzmark \(.)", text: $t}' "$f" > "news/$(basename "$f" .txt).jsonl"
done

expected_ids() { cat news/*.jsonl | jq -r .id | sort; }
indexed_ids() {
    "$IZDE" search --db db --json --all-copies --no-snippets -n 100000 zzmark 2>/dev/null | jq -r '.hits[].id' | sort
}
doc_count() { "$IZDE" stats --db db 2>/dev/null | sed -n '1s/^db: \([0-9]*\) documents.*/\1/p'; }

# start_index ARGS...: `izde index ARGS` in its own process group
start_index() {
    setsid "$IZDE" index "$@" > /dev/null 2>&1 &
    PID=$!
}
kill_index() { kill -9 "-$PID" 2>/dev/null; wait "$PID" 2>/dev/null; }

# after_kill WHAT ARGS...: the next run (izde index ARGS) completes and
# the index holds exactly the input's ids, and is sound
after_kill() {
    what=$1
    shift
    run index "$@"
    check_eq "$what: next run exit status ($ERR)" 0 "$STATUS"
    check_eq "$what: exactly the input's ids" "$(expected_ids | md5sum)" "$(indexed_ids | md5sum)"
    check_eq "$what: as many documents as ids" "$(expected_ids | wc -l)" "$(doc_count)"
    "$IZDE" check-index --db db > /dev/null 2>&1
    check_eq "$what: check-index" 0 "$?"
}

run index -j 2 --db db news
check_eq "first build" 0 "$STATUS"
after_kill "first build" --db db news

# --force -j 1 killed just after its first commit (400 documents: in the
# middle of the fifth file, whose old documents are already deleted),
# seen as a new version file
before=$(stat -c %y db/iamglass)
start_index --force -j 1 --db db news
for _ in $(seq 1 1000); do
    [ "$(stat -c %y db/iamglass)" != "$before" ] && break
    sleep 0.01
done
kill_index
after_kill "--force killed after a commit" --db db news

# random rounds: three of each; one under the sanitizers, whose runs are
# slower (every deterministic kill point is kept)
ROUNDS=$([ "${IZDE_SANITIZED:-0}" = 1 ] && echo 1 || echo 3)
for i in $(seq 1 "$ROUNDS"); do
    next_delay
    start_index --force -j 1 --db db news
    sleep "$DELAY"
    kill_index
    after_kill "--force killed after $DELAY s (round $i)" --db db news
done

# -j 2: killed at each rename the parent makes (the merge and its swap
# included), where strace can inject a signal; then at random times
if strace -o /dev/null -e trace=rename -e inject=rename:signal=KILL:when=9999 true 2>/dev/null; then
    rm -rf db
    strace -o renames -e trace=rename,renameat,renameat2 "$IZDE" index -j 2 --db db news > /dev/null 2>&1
    count=$(grep -c '^rename' renames)
    [ "$count" -gt 12 ] && count=12
    for n in $(seq 1 "$count"); do
        rm -rf db
        strace -o /dev/null -e trace=rename,renameat,renameat2 \
            -e inject=rename,renameat,renameat2:signal=KILL:when="$n" \
            "$IZDE" index -j 2 --db db news > /dev/null 2>&1
        after_kill "-j 2 killed at its rename $n of $count" -j 2 --db db news
    done
else
    echo "T125: strace cannot inject signals here; -j 2 killed at random times only"
fi
for i in $(seq 1 "$ROUNDS" | head -n 2); do
    next_delay
    rm -rf db
    start_index -j 2 --db db news
    sleep "$DELAY"
    kill_index
    after_kill "-j 2 killed after $DELAY s (round $i)" -j 2 --db db news
done

# --prune killed: a file gone and another changed, the same id in two
# files (one of them gone)
for i in $(seq 1 "$ROUNDS"); do
    printf '%s\n' '{"id":"gone","title":"zzmark gone","text":"Статья, которой больше нет."}' \
        > news/zz-gone.jsonl
    sed -n 1p news/001_*.jsonl > news/zz-twin.jsonl
    run index --db db news
    rm news/zz-gone.jsonl
    changed=$(ls news/003_*.jsonl)
    sed -n 2p news/002_*.jsonl | jq -c --arg i "$i" '.id = "changed-\($i)"' >> "$changed"
    next_delay
    start_index --prune -j 1 --db db news
    sleep "$DELAY"
    kill_index
    rm news/zz-twin.jsonl
    after_kill "--prune killed after $DELAY s (round $i)" --prune --db db news
done

# Two files, one id: --prune of one keeps the other's article
mkdir two
printf '%s\n' '{"id":"x","title":"zzmark x","text":"Текст из файла а о выборах."}' > two/a.jsonl
printf '%s\n' '{"id":"x","title":"zzmark x","text":"Текст из файла бэ о снегопаде."}' \
    '{"id":"b1","title":"zzmark b1","text":"Только в файле бэ."}' > two/b.jsonl
run index --db dup two
check_contains "duplicate id: told" "izde: two/b.jsonl:1: warning: id x was indexed from $(pwd -P)/two/a.jsonl:1; replaced (--quiet-ids to allow)" "$ERR"
printf '%s\n' '{"id":"x","title":"zzmark x","text":"Текст из файла а о выборах, правка."}' > two/a.jsonl
run index --db dup two
rm two/a.jsonl
run index --prune --db dup two
check_eq "--prune of one of two: exit status" 0 "$STATUS"
check_eq "--prune of one of two: the other's article kept" "b1 x" \
    "$("$IZDE" search --db dup --json zzmark 2>/dev/null | jq -r '[.hits[].id] | sort | join(" ")')"
check_eq "--prune of one of two: its text is the other file's" "1" \
    "$("$IZDE" search --db dup --json снегопаде 2>/dev/null | jq '.hits | length')"
run index --db dup two
check_contains "then: nothing to read again" "1 unchanged, 0 removed" "$OUT"

finish
