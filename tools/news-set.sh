#!/bin/sh
# news-set.sh - the Russian news set as the tests and benchmarks use it:
# DATA/*.jsonl.xz decompressed into DEST/news/, and DEST/queries holding N
# (default 300) of the articles' key phrases (`keywords`), distinct, spread
# evenly over the set, quotes and parentheses dropped.
#   tools/news-set.sh DATA DEST [N]
# Needs xz-utils and jq.  Exit 2 when DATA holds no .jsonl.xz.
set -eu
[ $# -ge 2 ] || { echo "usage: tools/news-set.sh DATA DEST [N]" >&2; exit 2; }
DATA=$1 DEST=$2 N=${3:-300}
ls "$DATA"/*.jsonl.xz >/dev/null 2>&1 || { echo "news-set: no .jsonl.xz in $DATA" >&2; exit 2; }
mkdir -p "$DEST/news"
for f in "$DATA"/*.jsonl.xz; do
    xz -dc "$f" > "$DEST/news/$(basename "$f" .xz)"
done
cat "$DEST"/news/*.jsonl | jq -r '.keywords[]? // empty' | tr -d '"()' |
    awk 'length > 2 && !seen[$0]++' > "$DEST/all-queries"
awk -v step=$(( $(wc -l < "$DEST/all-queries") / N )) 'NR % step == 0' "$DEST/all-queries" |
    head -n "$N" > "$DEST/queries"
rm "$DEST/all-queries"
