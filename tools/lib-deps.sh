#!/bin/sh
# lib-deps.sh - the call graph between the files of libizde, from their
# izde_ / izde__ functions: which file calls a function another defines.
# Checks the rules of src/lib/README.md and exits 1 when one is broken:
#   1. util/ and analysis/ never name Xapian's shim (izx_, izx.h) nor
#      include izde-private.h (which includes it);
#   2. subsystems call only their own files and those before them in
#      util -> analysis -> db -> index -> ingest -> search;
#   3. no cycle between files, but for db/db.c and db/dbset.c, one handle
#      in two files.
#   tools/lib-deps.sh [--dot] [SRC_LIB]   (default src/lib; --dot: a Graphviz drawing)
set -eu
export LC_ALL=C
DOT=0
[ "${1:-}" = --dot ] && { DOT=1; shift; }
LIB=${1:-"$(dirname "$0")/../src/lib"}
cd "$LIB"
LAYERS="util analysis db index ingest search"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAILED=0
bad() { echo "lib-deps: $*" >&2; FAILED=1; }

# function -> file that defines it (a definition starts a line)
for f in */*.c; do
    grep -oE '^[a-z][a-z_ *]*[ *]izde_[a-z0-9_]+\(' "$f" | grep -oE 'izde_[a-z0-9_]+\($' |
        tr -d '(' | sed "s|\$| $f|"
done | sort -u > "$TMP/defs"
# file -> file it calls into
for f in */*.c; do
    grep -oE '\bizde_[a-z0-9_]+\(' "$f" | tr -d '(' | sort -u |
        join - "$TMP/defs" | awk -v f="$f" '$2 != f { print f, $2 }'
done | sort -u > "$TMP/edges"

if [ "$DOT" -eq 1 ]; then
    echo 'digraph libizde {'
    echo '  rankdir=LR; node [shape=box, fontsize=10];'
    for l in $LAYERS; do
        echo "  subgraph \"cluster_$l\" { label=\"$l\";"
        for f in "$l"/*.c; do echo "    \"$f\";"; done
        echo '  }'
    done
    awk '{ printf "  \"%s\" -> \"%s\";\n", $1, $2 }' "$TMP/edges"
    echo '}'
    exit 0
fi

# 1. the pure subsystems
for l in util analysis; do
    grep -nE '\bizx_|"izx\.h"|"izde-private\.h"' "$l"/*.c "$l"/*.h 2>/dev/null |
        while IFS= read -r hit; do echo "$hit"; done > "$TMP/pure.$l"
    [ -s "$TMP/pure.$l" ] && bad "$l/ reaches Xapian's shim:" && cat "$TMP/pure.$l" >&2
done

# 2. one-way layers
rank() { n=0; for l in $LAYERS; do n=$((n + 1)); [ "$l" = "$1" ] && echo "$n" && return; done; echo 0; }
while read -r from to; do
    a=$(rank "${from%%/*}") b=$(rank "${to%%/*}")
    [ "$a" -eq 0 ] && bad "$from: not in a subsystem ($LAYERS)"
    [ "$b" -gt "$a" ] && bad "$from calls up into $to ($(grep -oE '\bizde_[a-z0-9_]+\(' "$from" | tr -d '(' | sort -u | join - "$TMP/defs" | awk -v t="$to" '$2 == t { printf "%s ", $1 }'))"
done < "$TMP/edges"

# 3. no cycle between files (db.c and dbset.c: one handle in two files)
grep -v -e '^db/db.c db/dbset.c$' "$TMP/edges" > "$TMP/acyclic" || true
if ! tsort "$TMP/acyclic" > /dev/null 2> "$TMP/loops"; then
    bad "files call each other in a cycle:"
    grep -v 'input contains a loop' "$TMP/loops" | sed 's/^tsort: /  /' >&2
fi

[ "$FAILED" -eq 0 ] && echo "lib-deps: $(wc -l < "$TMP/edges") calls between $(ls */*.c | wc -l) files: one-way, no cycle, util/ and analysis/ without Xapian"
exit "$FAILED"
