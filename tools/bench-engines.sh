#!/bin/sh
# bench-engines.sh - izde beside four other engines, in one run on the same
# input: indexing speed and size, search latency with and without snippets,
# zero-hit queries and a quality score, as one markdown table.
#
#   tools/bench-engines.sh [IZDE-BINARY] [--scale 1,4] [--queries 300]
#                          [--engines izde,izde-onefile,sphinx,sqlite,postgres,xapian] [--keep]
#
# izde runs twice: given the set as its files (izde) and as one JSON Lines
# file of every article (izde-onefile), the usual export of a scraper.
# IZDE-BINARY defaults to build-bench/izde, a Release build:
#   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DIZDE_BUILD_TESTS=OFF
#   cmake --build build-bench -j2
# The peers are Debian 12 packages (tools/deps.sh --bench installs them):
#   sphinx    Sphinx 2.2 indexer + searchd, morphology stem_ru, SphinxQL on a
#             free loopback port (sphinxsearch, python3-pymysql)
#   sqlite    SQLite FTS5 through /usr/bin/python3, default tokenizer
#   postgres  PostgreSQL 15, a private cluster in a temp dir, tsvector
#             column + GIN, plainto_tsquery('russian') (postgresql,
#             python3-psycopg2)
#   xapian    omindex -s russian over plain files + python3-xapian's
#             QueryParser (xapian-omega, python3-xapian)
# An engine whose package is missing is skipped, with the package named.
#
# Data: ../shared/data/russian-news/ru_kw_eval/*.jsonl.xz (9,204 articles,
# not shipped with izde; override with IZDE_BENCH_DATA); without it the
# benchmark is skipped (exit 0).  --scale 1,4: every article once, and
# four times with distinct ids (the same set for every engine).
# Queries: exactly as tools/bench-search.sh builds them (the articles'
# key phrases, every k-th so that --queries remain); every engine requires
# all the words of a query.  tag@10: share of queries whose top 10 holds an
# article tagged with that key phrase.
# Work dir: build-bench/engines (override with IZDE_BENCH_WORK): the query
# list and results.json (the table's numbers and more) stay there; the
# indexes and the engines' inputs are deleted at the end unless --keep.
# Indexing is measured with /usr/bin/time (package time); searching in
# process, after one warm-up pass (tools/bench_engines.py).  Servers are
# always stopped, also on Ctrl-C.
# Needs: xz-utils, jq, awk, time, Debian's /usr/bin/python3.
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
IZDE=$TOP/build-bench/izde
SCALE=1,4
NQ=${IZDE_BENCH_QUERIES:-300}
ENGINES=izde,izde-onefile,sphinx,sqlite,postgres,xapian
KEEP=
usage() { sed -n '6,7p' "$0" | sed 's/^# *//' >&2; exit 2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --scale) [ $# -ge 2 ] || usage; SCALE=$2; shift 2 ;;
        --queries) [ $# -ge 2 ] || usage; NQ=$2; shift 2 ;;
        --engines) [ $# -ge 2 ] || usage; ENGINES=$2; shift 2 ;;
        --keep) KEEP=--keep; shift ;;
        -h|--help) usage ;;
        -*) echo "bench-engines: unknown option '$1'" >&2; usage ;;
        *) IZDE=$1; shift ;;
    esac
done
case "$SCALE" in *[!0-9,]*|'') echo "bench-engines: --scale wants numbers like 1,4" >&2; exit 2 ;; esac
case "$NQ" in *[!0-9]*|''|0) echo "bench-engines: --queries wants a positive number" >&2; exit 2 ;; esac

DATA=${IZDE_BENCH_DATA:-$TOP/../shared/data/russian-news/ru_kw_eval}
if ! ls "$DATA"/*.jsonl.xz >/dev/null 2>&1; then
    echo "bench-engines: no data at $DATA (set IZDE_BENCH_DATA); skipped" >&2
    exit 0
fi
for tool in xzcat jq awk /usr/bin/time /usr/bin/python3; do
    command -v "$tool" >/dev/null || { echo "bench-engines: $tool missing: run tools/deps.sh --bench" >&2; exit 2; }
done
case ",$ENGINES," in *,izde,*)
    if [ ! -x "$IZDE" ]; then
        echo "bench-engines: no izde binary at $IZDE: build it (see the top of $0) or pass its path" >&2
        exit 2
    fi
    IZDE=$(cd "$(dirname "$IZDE")" && pwd)/$(basename "$IZDE") ;;
esac

WORK=${IZDE_BENCH_WORK:-$TOP/build-bench/engines}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

# whatever bench_engines.py could not stop itself (killed hard): the
# searchd and postgres it started, found by their pid files
# shellcheck disable=SC2317 # (the traps call these)
cleanup() {
    for pidfile in "$WORK"/sphinx-x*/searchd.pid; do
        [ -f "$pidfile" ] || continue
        pid=$(cat "$pidfile")
        if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || :; fi
        rm -f "$pidfile"
    done
    if [ -f "$WORK/postgres.datadir" ]; then
        pgdata=$(cat "$WORK/postgres.datadir")
        if [ -f "$pgdata/postmaster.pid" ]; then
            runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$pgdata" -m immediate -w stop >/dev/null 2>&1 || :
        fi
        case "$pgdata" in */izde-bench-pg.*/data) rm -rf "$(dirname "$pgdata")" ;; esac
        rm -f "$WORK/postgres.datadir"
    fi
    if [ -z "$KEEP" ]; then   # the inputs and indexes of an interrupted run
        rm -rf "$WORK"/jsonl-x* "$WORK"/jsonl1-x* "$WORK"/izde-db-x* "$WORK"/izde1-db-x* "$WORK"/sphinx-x* "$WORK"/sqlite-x* \
            "$WORK"/postgres-x* "$WORK"/xapian-x*
    fi
}
PY=
# Ctrl-C, kill: bench_engines.py is told to stop (it then stops its
# servers itself); cleanup() catches whatever is left
# shellcheck disable=SC2317
stop() {
    [ -n "$PY" ] && kill -TERM "$PY" 2>/dev/null && wait "$PY" 2>/dev/null
    exit 130
}
trap cleanup EXIT
trap stop INT TERM HUP

# -- the queries, built as in tools/bench-search.sh
for f in "$DATA"/*.jsonl.xz; do xzcat "$f"; done | jq -r '.keywords[]? | strings' |
    awk '{ gsub(/["()]|«|»/, " "); gsub(/[ \t]+/, " "); sub(/^ /, ""); sub(/ $/, "") }
         $0 != "" && !/(^| )(AND|OR|NOT)( |$)/ && !seen[$0]++' > "$WORK/distinct.txt"
ndistinct=$(wc -l < "$WORK/distinct.txt")
awk -v n="$ndistinct" -v q="$NQ" 'BEGIN { k = int(n / q); if (k < 1) k = 1 }
     (NR - 1) % k == 0 && c < q { print; c++ }' "$WORK/distinct.txt" > "$WORK/queries.txt"
rm -f "$WORK/distinct.txt"
echo "bench-engines: $(wc -l < "$WORK/queries.txt") queries of $ndistinct distinct key phrases: $WORK/queries.txt" >&2

# in the background, so that a signal to this script reaches the trap at once
/usr/bin/python3 "$TOP/tools/bench_engines.py" --izde "$IZDE" --data "$DATA" --work "$WORK" \
    --queries-file "$WORK/queries.txt" --scale "$SCALE" --engines "$ENGINES" $KEEP &
PY=$!
rc=0
wait "$PY" || rc=$?
PY=
exit "$rc"
