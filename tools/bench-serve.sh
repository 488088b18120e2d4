#!/bin/sh
# bench-serve.sh - `izde serve` under load: the 9,204 Russian news
# articles, wrk with CONNECTIONS connections (default 300) for SECONDS
# (default 30), each request a search for the next of 300 key phrases (top
# 10 with snippets and figures, what the page asks).  Prints wrk's report
# (requests/s, latency percentiles, errors) and the server's memory before
# and after.
#
#   tools/bench-serve.sh [BUILD-DIR] [SECONDS] [CONNECTIONS]   (use a Release build)
#
# Data: ../shared/data/russian-news/ru_kw_eval/*.jsonl.xz (override with
# IZDE_BENCH_DATA); the index is kept in BUILD-DIR/bench-serve.  Needs wrk,
# jq and xz-utils (tools/deps.sh --test).
set -eu
BUILD=${1:-build}
SECS=${2:-30}
CONNS=${3:-300}
DATA=${IZDE_BENCH_DATA:-$(dirname "$0")/../../shared/data/russian-news/ru_kw_eval}
LUA=$(cd "$(dirname "$0")" && pwd)/serve-load.lua
IZDE=$(cd "$BUILD" && pwd)/izde
if ! ls "$DATA"/*.jsonl.xz >/dev/null 2>&1; then
    echo "bench-serve: no data at $DATA (set IZDE_BENCH_DATA); skipped" >&2
    exit 0
fi
DATA=$(cd "$DATA" && pwd)
WORK=$(cd "$BUILD" && pwd)/bench-serve
if [ ! -f "$WORK/db/iamglass" ]; then
    rm -rf "$WORK"
    "$(dirname "$0")/news-set.sh" "$DATA" "$WORK" 300
    "$IZDE" index --db "$WORK/db" "$WORK/news" >/dev/null
fi
cd "$WORK"
"$IZDE" serve --db db --listen 127.0.0.1:0 --quiet > serve.out 2> serve.err &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do grep -q '^izde serve: http' serve.out 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's|^izde serve: \(http://[^ ]*\)/ .*|\1|p' serve.out)
rss() { awk '/^VmRSS/ { print $2 }' "/proc/$pid/status"; }
QUERIES="$WORK/queries" wrk -t 2 -c "$CONNS" -d 5s --timeout 30s -s "$LUA" "$url" >/dev/null
before=$(rss)
QUERIES="$WORK/queries" wrk -t 2 -c "$CONNS" -d "${SECS}s" --timeout 30s --latency -s "$LUA" "$url"
after=$(rss)
echo "server memory (VmRSS): $before KiB after warm-up, $after KiB after the run"
