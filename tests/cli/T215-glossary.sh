#!/bin/sh
# T215-glossary: the Russian-Kyrgyz glossary (src/lib/search/glossary.tsv)
# is well formed -- three tab-separated fields, Cyrillic sides, topics from
# its header, no duplicate or same-word pair, at least 1,000 pairs -- and
# tools/glossary-attest.sh reports pairs its index does not attest.  With
# the shared data ($IZDE_DATA, default ../shared/data) the glossary is
# attested against the news: at least 1,000 pairs on both sides, a share
# of at least 0.85, on the 24.kg articles, the X-WMT Russian sentences and
# the first four Russian news files (the rest would double the run time;
# under the sanitizers one file and the count only).  Without the data that
# part is skipped (77) after the format checks.
. "$(dirname "$0")/test-lib.sh"

GLOSSARY="$IZDE_SRC/src/lib/search/glossary.tsv"
ATTEST="$IZDE_SRC/tools/glossary-attest.sh"

# lint FILE: one line per problem, "LINE: what"; nothing when well formed
lint() {
    python3 - "$1" <<'EOF'
import re, sys
side = re.compile(r"[А-Яа-яЁёҢңӨөҮү]+(?:[- ’ʼ'][А-Яа-яЁёҢңӨөҮү]+)*")
topics, pairs, seen = None, 0, {}
for no, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    line = line.rstrip("\n")
    if line.startswith("# topics:"):
        topics = line[len("# topics:"):].split()
    if line.startswith("#") or not line:
        continue
    f = line.split("\t")
    if len(f) != 3:
        print("%d: %d fields, not 3" % (no, len(f)))
        continue
    pairs += 1
    ru, ky, topic = f
    for name, s in (("russian", ru), ("kyrgyz", ky)):
        if not s.strip():
            print("%d: empty %s side" % (no, name))
        elif not side.fullmatch(s):
            print("%d: %s side %r is not Cyrillic words" % (no, name, s))
    if topics is None:
        print("%d: a pair before the '# topics:' header" % no)
    elif topic not in topics:
        print("%d: topic %r is not in the header's list" % (no, topic))
    if ru.lower() == ky.lower():
        print("%d: the same word on both sides" % no)
    key = (ru.lower(), ky.lower())
    if key in seen:
        print("%d: the pair of line %d again" % (no, seen[key]))
    seen.setdefault(key, no)
if pairs < 1000:
    print("0: %d pairs, fewer than 1000" % pairs)
EOF
}

# the linter finds each kind of fault in a broken glossary
{
    printf '# topics: geo law\n'
    printf 'Киргизия\tКыргызстан\tgeo\n'
    printf 'Киргизия\tКыргызстан\tgeo\n'
    printf 'суд\tсот\n'
    printf 'суд\t \tlaw\n'
    printf 'Kyrgyzstan\tКыргызстан\tgeo\n'
    printf 'мигрант\tмигрант\tlaw\n'
    printf 'приговор\tөкүм\tcourts\n'
} > broken.tsv
check_eq "lint: every fault of a broken glossary" \
"3: the pair of line 2 again
4: 2 fields, not 3
5: empty kyrgyz side
6: russian side 'Kyrgyzstan' is not Cyrillic words
7: the same word on both sides
8: topic 'courts' is not in the header's list
0: 6 pairs, fewer than 1000" "$(lint broken.tsv)"

# the glossary itself
check_eq "glossary: well formed" "" "$(lint "$GLOSSARY")"
check_contains "glossary: the header names its checker" "tools/glossary-attest.sh" \
    "$(grep '^#' "$GLOSSARY")"

# the checker on a two-article index: inflected forms attest a pair, a word
# in the other language's article does not, failures name line and side
printf '%s\n' \
    '{"id":"ky1","lang":"ky","text":"Жогорку Кеңештин депутаттары шайлоодо жеңишке жетишти."}' \
    '{"id":"ru1","lang":"ru","text":"Депутаты парламента победили на выборах, хотя засуха и кургакчылык."}' \
    > two.jsonl
"$IZDE" index --db tiny two.jsonl > /dev/null 2>&1
printf '# topics: state elections water\nвыборы\tшайлоо\telections\nпарламент\tЖогорку Кеңеш\tstate\nзасуха\tкургакчылык\twater\n' > small.tsv
OUT=$(sh "$ATTEST" -b "$IZDE" -d tiny -g small.tsv 2>&1); STATUS=$?
check_eq "attest: exit 0 without thresholds" 0 "$STATUS"
check_contains "attest: the unattested pair, its line and side" \
    "small.tsv:4: ky «кургакчылык» not found" "$OUT"
check_not_contains "attest: the Russian side is found" "ru «засуха»" "$OUT"
check_contains "attest: the summary" \
    "glossary: 3 pairs, 2 attested on both sides (66.7%), ky side 2, ru side 3" "$OUT"
check_eq "attest -u: the unattested lines only" \
    "$(printf 'small.tsv:4\tзасуха\tкургакчылык\twater\tky side')" \
    "$(sh "$ATTEST" -b "$IZDE" -d tiny -g small.tsv -u)"
sh "$ATTEST" -b "$IZDE" -d tiny -g small.tsv -q -s 0.85 > /dev/null 2>&1
check_eq "attest -s 0.85: a share of 66.7% fails" 1 "$?"
sh "$ATTEST" -b "$IZDE" -d tiny -g small.tsv -q -m 2 -s 0.6 > /dev/null 2>&1
check_eq "attest -m 2 -s 0.6: met" 0 "$?"

DATA="${IZDE_DATA:-$IZDE_SRC/../shared/data}"
if [ ! -f "$DATA/kyrgyz-text/24kg-topic-classification/qad-train_1000.csv" ] ||
   [ ! -f "$DATA/kyrgyz-text/xwmt-ky-ru/xwmt.ky-ru.ru" ] ||
   [ ! -f "$DATA/russian-news/ru_kw_eval/ng_0.jsonl.xz" ]; then
    [ "$FAILED" -ne 0 ] && finish
    echo "T215-glossary: format checks passed ($CHECKS); no data at $DATA, attestation skipped"
    exit 77
fi

# under the sanitizers (ten times slower) one news file and the count only:
# the share needs the four files
if [ "${IZDE_SANITIZED:-0}" = 1 ]; then FILES=1 MIN_SHARE=0; else FILES=4 MIN_SHARE=0.85; fi
OUT=$(sh "$ATTEST" -b "$IZDE" -D "$DATA" -R $FILES -q -m 1000 -s $MIN_SHARE 2>&1); STATUS=$?
echo "$OUT"
check_eq "attest on the news: thresholds met (exit 0)" 0 "$STATUS"
both=$(echo "$OUT" | sed -n 's/^glossary: [0-9]* pairs, \([0-9]*\) attested on both sides.*/\1/p')
share=$(echo "$OUT" | sed -n 's/.* attested on both sides (\([0-9.]*\)%).*/\1/p')
check_eq "attest: at least 1,000 pairs on both sides" yes \
    "$([ "${both:-0}" -ge 1000 ] && echo yes || echo "no: ${both:-none}")"
[ "$MIN_SHARE" = 0 ] || check_eq "attest: a share of at least 85%" yes \
    "$(awk -v s="${share:-0}" 'BEGIN { print (s >= 85 ? "yes" : "no: " s) }')"
finish
