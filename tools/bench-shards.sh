#!/bin/sh
# bench-shards.sh - what splitting the index into shards costs and gives,
# on the 9,204 Russian news articles: indexing time of one index (-j 1 and
# -j 2) and of three shards (--shards 3 -j 2), and search latency (300 key
# phrases, top 10, without and with snippets, in process: took_ms of
# `izde search --batch`) on one index, on the three shards as folders and
# on the three shards served by xapian-tcpsrv on loopback.  Same run,
# same machine.
#
#   tools/bench-shards.sh [BUILD-DIR]     (default build; use a Release build)
#
# Data: ../shared/data/russian-news/ru_kw_eval/*.jsonl.xz (override with
# IZDE_BENCH_DATA); work folder BUILD-DIR/bench-shards.  Needs jq, xz-utils,
# xapian-tools (tools/deps.sh --test).
set -eu
BUILD=${1:-build}
DATA=${IZDE_BENCH_DATA:-$(dirname "$0")/../../shared/data/russian-news/ru_kw_eval}
SERVERS=$(cd "$(dirname "$0")" && pwd)/shard-servers.sh
IZDE=$(cd "$BUILD" && pwd)/izde
if ! ls "$DATA"/*.jsonl.xz >/dev/null 2>&1; then
    echo "bench-shards: no data at $DATA (set IZDE_BENCH_DATA); skipped" >&2
    exit 0
fi
DATA=$(cd "$DATA" && pwd)
WORK=$(cd "$BUILD" && pwd)/bench-shards
rm -rf "$WORK"
"$(dirname "$0")/news-set.sh" "$DATA" "$WORK" 300
cd "$WORK"

secs() { # COMMAND...: wall seconds
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN { print a - b }'
}
echo "indexing 9,204 articles:"
printf '  one index, -j 1:        %6.1f s\n' "$(secs "$IZDE" index -j 1 --db one1 news)"
printf '  one index, -j 2:        %6.1f s\n' "$(secs "$IZDE" index -j 2 --db one2 news)"
printf '  three shards, -j 2:     %6.1f s\n' "$(secs "$IZDE" index --shards 3 -j 2 --db sh news)"

trap '"$SERVERS" stop --run "$WORK/sh/servers" >/dev/null 2>&1 || true' EXIT
"$SERVERS" start sh --port "${IZDE_BENCH_PORT:-7400}" >/dev/null

pct() { # FILE: p50 p95 p99 of its numbers
    sort -n "$1" | awk '{ a[NR] = $1 } END {
        printf "p50 %.2f  p95 %.2f  p99 %.2f ms", a[int(NR * .50 + .5)], a[int(NR * .95 + .5)], a[int(NR * .99 + .5)] }'
}
echo "search latency, 300 queries, top 10 (second of two rounds):"
for mode in --no-snippets ""; do
    for db in one1 sh sh/servers; do
        for round in 1 2; do
            "$IZDE" search --batch $mode --db $db < queries | jq -r '.took_ms // empty' > t.txt
        done
        printf '  %-14s %-12s %s\n' "${mode:-snippets}" "$db" "$(pct t.txt)"
    done
done
