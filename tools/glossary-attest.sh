#!/bin/sh
# glossary-attest.sh - check that each Russian–Kyrgyz pair of the glossary
# (src/lib/search/glossary.tsv) is attested in the news: the Kyrgyz side in
# at least one Kyrgyz article (lang:ky "SIDE") and the Russian side in at
# least one Russian article or X-WMT Russian sentence (lang:ru "SIDE").  A
# side is searched as a quoted phrase, so izde's own tokenizer and stemmers
# decide, as for a user's search: a one-word phrase is that word in any form.
#
#   tools/glossary-attest.sh [OPTIONS]
#     -b IZDE    the izde binary (default build/izde in the source tree)
#     -d DB      the index to search (default: one built in a temporary
#                folder from DATA: the 24.kg CSVs, the Russian news JSON
#                Lines and the lines of xwmt.ky-ru.ru, one article each)
#     -D DATA    the shared data folder (default $IZDE_DATA, else
#                ../shared/data beside the source tree)
#     -R N       build the index with only the first N Russian news files
#                (of ten; default all) -- a quicker, smaller check
#     -g FILE    the glossary (default src/lib/search/glossary.tsv)
#     -u         print the unattested pairs only, as the glossary's lines
#                (FILE:LINE<TAB>russian<TAB>kyrgyz<TAB>topic<TAB>missing side)
#     -q         print the summary line only
#     -m N       exit 1 unless at least N pairs are attested on both sides
#     -s SHARE   exit 1 unless the share attested on both sides is at least
#                SHARE (a fraction, e.g. 0.85)
#     -h         this help
#
# Output (default): one line per side not found, then per-topic counts and
# the summary line
#   glossary: 1234 pairs, 1100 attested on both sides (89.1%), ky side 1150, ru side 1200
# Exit status: 0 done, 1 a threshold (-m, -s) not met, 2 usage or a failure
# to build or search the index.  Needs python3; building the index needs xz.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
IZDE=$here/build/izde
DB=
DATA=${IZDE_DATA:-$here/../shared/data}
GLOSSARY=$here/src/lib/search/glossary.tsv
MODE=all
MIN_PAIRS=0
MIN_SHARE=0
RU_FILES=

usage() { sed -n '2,/^set -eu/p' "$0" | sed -e '/^set -eu/d' -e 's/^# \{0,1\}//'; }
short_usage() {
    echo "usage: tools/glossary-attest.sh [-b IZDE] [-d DB] [-D DATA] [-R N] [-g FILE] [-u | -q] [-m N] [-s SHARE] (-h: help)" >&2
    exit 2
}

while getopts b:d:D:R:g:uqm:s:h opt; do
    case $opt in
        b) IZDE=$OPTARG ;;
        d) DB=$OPTARG ;;
        D) DATA=$OPTARG ;;
        R) RU_FILES=$OPTARG ;;
        g) GLOSSARY=$OPTARG ;;
        u) MODE=unattested ;;
        q) MODE=quiet ;;
        m) MIN_PAIRS=$OPTARG ;;
        s) MIN_SHARE=$OPTARG ;;
        h) usage; exit 0 ;;
        *) short_usage ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || { echo "glossary-attest: unexpected argument '$1' (see -h)" >&2; exit 2; }
command -v python3 >/dev/null 2>&1 || { echo "glossary-attest: needs python3" >&2; exit 2; }
[ -x "$IZDE" ] || { echo "glossary-attest: no izde binary at $IZDE (build it, or give -b)" >&2; exit 2; }
[ -f "$GLOSSARY" ] || { echo "glossary-attest: no glossary at $GLOSSARY" >&2; exit 2; }
case $RU_FILES in *[!0-9]*) echo "glossary-attest: -R takes a number of files, not '$RU_FILES'" >&2; exit 2 ;; esac
case $MIN_PAIRS in ''|*[!0-9]*) echo "glossary-attest: -m takes a number of pairs, not '$MIN_PAIRS'" >&2; exit 2 ;; esac
case $MIN_SHARE in ''|*[!0-9.]*|*.*.*) echo "glossary-attest: -s takes a fraction such as 0.85, not '$MIN_SHARE'" >&2; exit 2 ;; esac

TMP=$(mktemp -d "${TMPDIR:-/tmp}/glossary-attest.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
trap 'exit 2' HUP INT TERM

if [ -z "$DB" ]; then
    ky=$DATA/kyrgyz-text/24kg-topic-classification
    news=$DATA/russian-news/ru_kw_eval
    xwmt=$DATA/kyrgyz-text/xwmt-ky-ru/xwmt.ky-ru.ru
    for f in "$ky/qad-train_1000.csv" "$ky/qad-test_0500.csv" "$xwmt"; do
        [ -f "$f" ] || { echo "glossary-attest: no data at $f (give -D DATA or -d DB)" >&2; exit 2; }
    done
    ls "$news"/*.jsonl.xz >/dev/null 2>&1 || { echo "glossary-attest: no .jsonl.xz in $news" >&2; exit 2; }
    mkdir "$TMP/src" "$TMP/src/news"
    n=0
    for f in "$news"/*.jsonl.xz; do
        n=$((n + 1))
        [ -z "$RU_FILES" ] || [ "$n" -le "$RU_FILES" ] || break
        xz -dc "$f" > "$TMP/src/news/$(basename "$f" .xz)"
    done
    python3 - "$xwmt" "$TMP/src/xwmt-ru.jsonl" <<'EOF'
import json, sys
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for i, line in enumerate(src, 1):
        if line.strip():
            out.write(json.dumps({"id": "xwmt-ru-%d" % i, "lang": "ru", "source": "xwmt",
                                  "text": line.strip()}, ensure_ascii=False) + "\n")
EOF
    DB=$TMP/db
    # exit 1 only reports the blank 24.kg records; anything else is a failure
    st=0
    "$IZDE" index --db "$DB" "$ky/qad-train_1000.csv" "$ky/qad-test_0500.csv" \
        "$TMP/src" > "$TMP/index.out" 2> "$TMP/index.err" || st=$?
    if [ "$st" -gt 1 ] || ! grep -q '^indexed ' "$TMP/index.out"; then
        echo "glossary-attest: indexing failed (exit $st):" >&2
        tail -n 5 "$TMP/index.err" >&2
        exit 2
    fi
fi

# one query per distinct side and language, answered in one batch
python3 - "$GLOSSARY" "$TMP/queries" "$TMP/sides" <<'EOF'
import sys
seen = {}
with open(sys.argv[1], encoding="utf-8") as g:
    for line in g:
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) < 2:
            continue
        for lang, side in (("ru", f[0].strip()), ("ky", f[1].strip())):
            if side and (lang, side) not in seen:
                seen[lang, side] = 'lang:%s "%s"' % (lang, side)
with open(sys.argv[2], "w", encoding="utf-8") as q, open(sys.argv[3], "w", encoding="utf-8") as s:
    for (lang, side), query in seen.items():
        q.write(query + "\n")
        s.write(lang + "\t" + side + "\n")
EOF
st=0
"$IZDE" search --db "$DB" --batch -n 1 --no-snippets < "$TMP/queries" > "$TMP/answers" 2> "$TMP/search.err" || st=$?
if [ "$st" -gt 2 ] || [ "$(wc -l < "$TMP/answers")" -ne "$(wc -l < "$TMP/queries")" ]; then
    echo "glossary-attest: search --batch failed (exit $st):" >&2
    tail -n 5 "$TMP/search.err" >&2
    exit 2
fi

python3 - "$GLOSSARY" "$TMP/sides" "$TMP/answers" "$MODE" "$MIN_PAIRS" "$MIN_SHARE" <<'EOF'
import json, sys
path, sides_file, answers_file, mode, min_pairs, min_share = sys.argv[1:7]
found, errors = {}, {}
with open(sides_file, encoding="utf-8") as s, open(answers_file, encoding="utf-8") as a:
    for key, answer in zip(s, a):
        lang, side = key.rstrip("\n").split("\t", 1)
        r = json.loads(answer)
        found[lang, side] = bool(r.get("hits"))
        if "error" in r:
            errors[lang, side] = r["error"]
name = path.rsplit("/", 1)[-1]
pairs = both = ky_ok = ru_ok = 0
topics = {}
with open(path, encoding="utf-8") as g:
    for no, line in enumerate(g, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        ru, ky = f[0].strip(), (f[1].strip() if len(f) > 1 else "")
        topic = f[2].strip() if len(f) > 2 else "?"
        r, k = found.get(("ru", ru), False), found.get(("ky", ky), False)
        pairs += 1
        ru_ok += r
        ky_ok += k
        both += r and k
        t = topics.setdefault(topic, [0, 0])
        t[0] += 1
        t[1] += r and k
        if r and k:
            continue
        missing = "both sides" if not r and not k else ("ru side" if not r else "ky side")
        if mode == "unattested":
            print("%s:%d\t%s\t%s" % (name, no, line, missing))
        elif mode == "all":
            why = []
            for lang, side, ok in (("ru", ru, r), ("ky", ky, k)):
                if not ok:
                    e = errors.get((lang, side))
                    why.append("%s «%s» %s" % (lang, side, "bad query: " + e if e else "not found"))
            print("%s:%d: %s" % (name, no, "; ".join(why)))
share = both / pairs if pairs else 0.0
if mode == "all":
    for topic in sorted(topics):
        n, b = topics[topic]
        print("  %-12s %4d pairs, %4d attested (%.1f%%)" % (topic, n, b, 100.0 * b / n))
if mode != "unattested":
    print("glossary: %d pairs, %d attested on both sides (%.1f%%), ky side %d, ru side %d"
          % (pairs, both, 100.0 * share, ky_ok, ru_ok))
if both < int(min_pairs) or share < float(min_share):
    print("glossary-attest: below the threshold (at least %s pairs and a share of %s)"
          % (min_pairs, min_share), file=sys.stderr)
    sys.exit(1)
EOF
