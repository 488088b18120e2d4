#!/bin/sh
# bench-search.sh - search latency of izde (top 10 hits with snippets) over a
# few hundred real queries on the 9,204 Russian news articles, beside
# Xapian's quest on an omindex index of the same articles, in the same run.
#
#   tools/bench-search.sh [BUILD-DIR] [RUNS]     (defaults: build, 3)
#
# BUILD-DIR holds izde and tools/izde-bench-search (use a Release build:
# cmake -S . -B build-rel -DCMAKE_BUILD_TYPE=Release -DIZDE_BUILD_TESTS=OFF).
# Data: ../shared/data/russian-news/ru_kw_eval/*.jsonl.xz (not shipped with
# izde; override with IZDE_BENCH_DATA).  The indexes and the query list are
# kept in BUILD-DIR/bench-search (override with IZDE_BENCH_WORK) and reused
# while the data, the izde binary and omindex stay the same.
#
# Queries: the records' `keywords` (manual key phrases, one to eight
# words), distinct, in file order; every k-th of them so that
# IZDE_BENCH_QUERIES (default 300) remain.  Quotes and parentheses are
# dropped, so a key phrase is a plain query: all its words must match.
#
# Prints: 1. izde-bench-search in process: p50/p90/p99/max latency of
# izde_search() + snippets + free, queries/s, the slowest queries;
# 2. whole-process time per query, median of RUNS rounds, of
# `izde search -n 10 Q` and of `quest -d OMEGA -m 10 -s russian -o and Q`
# (omindex -s russian over the same titles and texts as plain files), and
# the ratio.  quest makes no query-dependent snippet (it prints omindex's
# stored sample); izde does.  Without quest/omindex only izde is measured.
# Needs: xz-utils, jq, awk; for the peer xapian-omega and xapian-tools
# (tools/deps.sh --bench).
set -eu
BUILD=${1:-build}
RUNS=${2:-3}
NQ=${IZDE_BENCH_QUERIES:-300}
DATA=${IZDE_BENCH_DATA:-$(dirname "$0")/../../shared/data/russian-news/ru_kw_eval}
if ! ls "$DATA"/*.jsonl.xz >/dev/null 2>&1; then
    echo "bench-search: no data at $DATA (set IZDE_BENCH_DATA); skipped" >&2
    exit 0
fi
for tool in xzcat jq awk; do
    command -v "$tool" >/dev/null || { echo "bench-search: $tool missing: run tools/deps.sh --bench" >&2; exit 2; }
done
BUILD=$(cd "$BUILD" && pwd)
IZDE=$BUILD/izde
BENCH=$BUILD/tools/izde-bench-search
for b in "$IZDE" "$BENCH"; do
    [ -x "$b" ] || { echo "bench-search: no $b: build first (cmake --build $BUILD)" >&2; exit 2; }
done
PEER=1
for tool in omindex quest; do
    command -v "$tool" >/dev/null || { PEER=0; echo "bench-search: $tool missing (tools/deps.sh --bench): measuring izde alone" >&2; }
done
case $(date +%N) in *N*|'') PEER=0; echo "bench-search: date +%N unsupported: no whole-process timing" >&2 ;; esac

W=${IZDE_BENCH_WORK:-$BUILD/bench-search}
mkdir -p "$W"
T=$(mktemp -d "${TMPDIR:-/tmp}/izde-bench-search.XXXXXX")
trap 'rm -rf "$T"' EXIT

datastamp=$(cd "$DATA" && ls -l ./*.jsonl.xz | awk '{ print $5, $NF }')
jsonl_ready=0
unpack() {   # the JSON Lines, once
    [ "$jsonl_ready" = 1 ] && return
    mkdir -p "$T/jsonl"
    for f in "$DATA"/*.jsonl.xz; do
        xzcat "$f" > "$T/jsonl/$(basename "$f" .xz)"
    done
    jsonl_ready=1
}
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# -- the izde index (from the JSON Lines), rebuilt when the data or izde change
stamp="$datastamp
$(cksum < "$IZDE")"
if [ ! -d "$W/izde-db" ] || [ "$(cat "$W/izde-db.stamp" 2>/dev/null)" != "$stamp" ]; then
    unpack
    rm -rf "$W/izde-db" "$W/izde-db.stamp"
    echo "building the izde index in $W/izde-db ..."
    t0=$(now_ms)
    "$IZDE" index --db "$W/izde-db" "$T/jsonl" >&2 || [ $? = 1 ]
    echo "  $(( ($(now_ms) - t0) / 1000 )) s"
    printf '%s\n' "$stamp" > "$W/izde-db.stamp"
fi

# -- the omindex index (title, blank line, text as plain files, as bench-index.sh)
if [ "$PEER" = 1 ]; then
    stamp="$datastamp
$(omindex --version)"
    if [ ! -d "$W/omega-db" ] || [ "$(cat "$W/omega-db.stamp" 2>/dev/null)" != "$stamp" ]; then
        unpack
        rm -rf "$W/omega-db" "$W/omega-db.stamp"
        mkdir "$T/txt"
        cat "$T"/jsonl/*.jsonl | jq -r '"@@IZDE-BENCH-ARTICLE@@\n" + (.title // "") + "\n\n" + (.content // "")' |
            awk -v dir="$T/txt" '$0 == "@@IZDE-BENCH-ARTICLE@@" { if (f) close(f); n++; f = sprintf("%s/%05d.txt", dir, n); next }
                                 { print > f }'
        echo "building the omindex index in $W/omega-db ..."
        t0=$(now_ms)
        omindex -s russian --db "$W/omega-db" --url / "$T/txt" >/dev/null
        echo "  $(( ($(now_ms) - t0) / 1000 )) s"
        printf '%s\n' "$stamp" > "$W/omega-db.stamp"
    fi
fi

# -- the queries: every k-th distinct key phrase in file order
for f in "$DATA"/*.jsonl.xz; do xzcat "$f"; done | jq -r '.keywords[]? | strings' |
    awk '{ gsub(/["()]|«|»/, " "); gsub(/[ \t]+/, " "); sub(/^ /, ""); sub(/ $/, "") }
         $0 != "" && !/(^| )(AND|OR|NOT)( |$)/ && !seen[$0]++' > "$T/distinct"
ndistinct=$(wc -l < "$T/distinct")
awk -v n="$ndistinct" -v q="$NQ" 'BEGIN { k = int(n / q); if (k < 1) k = 1 }
     (NR - 1) % k == 0 && c < q { print; c++ }' "$T/distinct" > "$W/queries.txt"
nq=$(wc -l < "$W/queries.txt")
awk '{ w[NF > 3 ? 4 : NF]++ } END { k = int(n / q); if (k < 1) k = 1
     printf "queries: %d (every %d-th of %d distinct key phrases); words: 1: %d, 2: %d, 3: %d, 4+: %d\n",
     NR, k, n, w[1], w[2], w[3], w[4] }' n="$ndistinct" q="$NQ" "$W/queries.txt"
echo "query list: $W/queries.txt"
echo

# -- 1. in process, through the library
echo "== izde-bench-search (in process: izde_search top 10 + snippets + free)"
"$BENCH" "$W/izde-db" "$W/queries.txt" -n 10 --runs "$RUNS"
echo

[ "$PEER" = 1 ] || { echo "(no quest comparison: omindex or quest missing, or date +%N unsupported)"; exit 0; }

# -- 2. whole process per query, izde search beside quest
# loop NAME COMMAND...: runs COMMAND QUERY for every query; appends the ms to $T/NAME
loop() {
    name=$1; shift
    t0=$(now_ms)
    while IFS= read -r q; do
        "$@" "$q" >/dev/null 2>&1 || :
    done < "$W/queries.txt"
    echo $(( $(now_ms) - t0 )) >> "$T/$name"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "== whole process per query ($nq queries, top 10, median of $RUNS rounds after 1 warm-up)"
loop warm-izde "$IZDE" search --db "$W/izde-db" -n 10
loop warm-quest quest -d "$W/omega-db" -m 10 -s russian -o and
i=0
while [ "$i" -lt "$RUNS" ]; do
    loop izde "$IZDE" search --db "$W/izde-db" -n 10
    loop quest quest -d "$W/omega-db" -m 10 -s russian -o and
    i=$((i + 1))
done
# hits per query of each, for the record (AND of all words in both)
izde_hits=$(while IFS= read -r q; do "$IZDE" search --db "$W/izde-db" --json -n 10 "$q" 2>/dev/null || :; done < "$W/queries.txt" |
    jq -s 'map(.hits | length) | add / length')
quest_hits=$(while IFS= read -r q; do quest -d "$W/omega-db" -m 10 -s russian -o and "$q" 2>/dev/null | grep -c '^[0-9]*: \[' || :; done < "$W/queries.txt" |
    awk '{ s += $1 } END { printf "%.2f", s / NR }')
mi=$(median < "$T/izde")
mq=$(median < "$T/quest")
awk -v a="$mi" -v b="$mq" -v n="$nq" -v hi="$izde_hits" -v hq="$quest_hits" 'BEGIN {
    printf "%-44s %9s %9s %10s\n", "command", "total s", "ms/query", "hits/query"
    printf "%-44s %9.2f %9.2f %10.2f\n", "izde search -n 10 (with snippets)", a / 1000, a / n, hi
    printf "%-44s %9.2f %9.2f %10.2f\n", "quest -m 10 -s russian -o and (no snippets)", b / 1000, b / n, hq
    printf "izde/quest, whole process: time %.2f\n", a / b }'
