#!/bin/sh
# eval-recall.sh - what the query expansion finds on the real archive:
# cross-language recall and precision, surnames in every case form, Kyrgyz
# typed with н о у, Latin spellings, ranking, latency, word* (see
# tools/eval-recall.py).  Prints a markdown report; the details go to
# OUT.json (default ./eval-recall.json).
#   tools/eval-recall.sh [IZDE [DB [OUT.json]]] [-- options of eval-recall.py]
# IZDE defaults to build/izde.  Without DB, the archive is indexed into a
# temporary folder from DATA (default ../shared/data, or $IZDE_DATA): the
# 24.kg Kyrgyz articles (CSV), the Russian news (.jsonl.xz decompressed by
# tools/news-set.sh, whose 300 key phrases are the latency queries) and
# NEREL; the folder is removed at the end.  Builds nothing; needs python3,
# and without DB xz-utils and jq.
set -eu
SRC=$(cd "$(dirname "$0")/.." && pwd)
IZDE=$SRC/build/izde DB='' OUT=eval-recall.json
n=0
while [ $# -gt 0 ]; do
    if [ "$1" = -- ]; then shift; break; fi
    case $n in
    0) IZDE=$1 ;;
    1) DB=$1 ;;
    2) OUT=$1 ;;
    *) echo "usage: tools/eval-recall.sh [IZDE [DB [OUT.json]]] [-- options of eval-recall.py]" >&2
       exit 2 ;;
    esac
    n=$((n + 1))
    shift
done
[ -x "$IZDE" ] || { echo "eval-recall: $IZDE is not an executable (build izde first)" >&2; exit 2; }

if [ -z "$DB" ]; then
    DATA=${IZDE_DATA:-$SRC/../shared/data}
    KY=$DATA/kyrgyz-text/24kg-topic-classification
    RU=$DATA/russian-news/ru_kw_eval
    NEREL=$DATA/russian-news/nerel
    for d in "$KY" "$RU"; do
        [ -d "$d" ] || { echo "eval-recall: no data at $d" >&2; exit 2; }
    done
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/eval-recall.XXXXXX")
    trap 'rm -rf "$WORK"' EXIT
    trap 'exit 130' INT TERM
    "$SRC/tools/news-set.sh" "$RU" "$WORK" 300
    set -- --queries "$WORK/queries" "$@"
    [ -d "$NEREL" ] || NEREL=
    # blank CSV rows are reported and skipped (exit 1); 2 is a real failure
    rc=0
    "$IZDE" index -j 2 --db "$WORK/db" "$KY" "$WORK/news" ${NEREL:+"$NEREL"} \
        > "$WORK/index.log" 2>&1 || rc=$?
    if [ "$rc" -gt 1 ]; then
        cat "$WORK/index.log" >&2
        echo "eval-recall: indexing failed (exit $rc)" >&2
        exit 2
    fi
    tail -n 1 "$WORK/index.log" >&2
    DB=$WORK/db
fi
python3 "$SRC/tools/eval-recall.py" --izde "$IZDE" --db "$DB" --json "$OUT" "$@"
