#!/bin/sh
# bench-index.sh - indexing speed and peak memory of izde beside Xapian's
# omindex on the same 9,204 Russian news articles, in the same run.
#
#   tools/bench-index.sh [RUNS] [IZDE]     (defaults: 3, build/izde)
#
# Data: ../shared/data/russian-news/ru_kw_eval/*.jsonl.xz (not shipped with
# izde; override with IZDE_BENCH_DATA).  Both tools index the same plain
# text files (title, blank line, content); izde also indexes the JSONL.
# Prints the median wall time and peak RSS of each and the ratios.
# Needs: xz-utils, jq, xapian-omega, time (tools/deps.sh --bench).
set -eu
RUNS=${1:-3}
IZDE=${2:-build/izde}
DATA=${IZDE_BENCH_DATA:-$(dirname "$0")/../../shared/data/russian-news/ru_kw_eval}
if ! ls "$DATA"/*.jsonl.xz >/dev/null 2>&1; then
    echo "bench-index: no data at $DATA (set IZDE_BENCH_DATA); skipped" >&2
    exit 0
fi
for tool in xzcat jq omindex /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench-index: $tool missing: run tools/deps.sh --bench" >&2; exit 2; }
done
IZDE=$(cd "$(dirname "$IZDE")" && pwd)/$(basename "$IZDE")
W=$(mktemp -d "${TMPDIR:-/tmp}/izde-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT

mkdir "$W/jsonl" "$W/txt"
for f in "$DATA"/*.jsonl.xz; do
    xzcat "$f" > "$W/jsonl/$(basename "$f" .xz)"
done
cat "$W"/jsonl/*.jsonl | jq -r '"@@IZDE-BENCH-ARTICLE@@\n" + (.title // "") + "\n\n" + (.content // "")' |
    awk -v dir="$W/txt" '$0 == "@@IZDE-BENCH-ARTICLE@@" { if (f) close(f); n++; f = sprintf("%s/%05d.txt", dir, n); next }
                         { print > f }'
articles=$(ls "$W/txt" | wc -l)
mb=$(du -sm "$W/txt" | cut -f1)
echo "data: $articles articles, $mb MB of text; $RUNS runs each"

# run NAME COMMAND...: appends "seconds kbytes" to $W/NAME.times
run() {
    name=$1; shift
    rm -rf "$W/db"
    /usr/bin/time -f "%e %M" -o "$W/t" "$@" >/dev/null 2>"$W/err" || {
        echo "bench-index: $name failed:" >&2; tail -5 "$W/err" >&2; }
    cat "$W/t" >> "$W/$name.times"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

i=0
while [ "$i" -lt "$RUNS" ]; do
    run izde-txt "$IZDE" index --db "$W/db" "$W/txt"
    run omindex omindex -s russian --db "$W/db" --url / "$W/txt"
    run izde-jsonl "$IZDE" index --db "$W/db" "$W/jsonl"
    i=$((i + 1))
done

printf '%-12s %10s %12s\n' tool "median s" "peak RSS MB"
for n in izde-txt omindex izde-jsonl; do
    s=$(cut -d' ' -f1 "$W/$n.times" | median)
    m=$(cut -d' ' -f2 "$W/$n.times" | median)
    printf '%-12s %10.1f %12.0f\n' "$n" "$s" "$(awk -v m="$m" 'BEGIN { print m / 1024 }')"
    eval "S_$(echo $n | tr - _)=$s; M_$(echo $n | tr - _)=$m"
done
awk -v a="$S_izde_txt" -v b="$S_omindex" -v c="$M_izde_txt" -v d="$M_omindex" \
    'BEGIN { printf "izde/omindex on the same files: time %.2f, memory %.2f\n", a / b, c / d }'
