#!/bin/sh
# T060-24kg: the 1,500 Kyrgyz news articles of 24.kg (CSV with a header):
# all are read, nearly all are Kyrgyz, and a query in one inflected form
# finds every article holding the word's other forms.  Needs the shared
# data ($IZDE_DATA, default ../shared/data); skipped (77) without it.
. "$(dirname "$0")/test-lib.sh"

DATA="${IZDE_DATA:-$IZDE_SRC/../shared/data}/kyrgyz-text/24kg-topic-classification"
if [ ! -f "$DATA/qad-train_1000.csv" ] || [ ! -f "$DATA/qad-test_0500.csv" ]; then
    echo "T060-24kg: no data at $DATA; skipped"
    exit 77
fi

run index --db db "$DATA"
check_eq "index: exit 1 (blank records reported)" 1 "$STATUS"
check_contains "index: 1,477 articles from 2 files" "indexed 1477 articles from 2 files" "$OUT"
check_eq "index: the 23 blank records, one line each" "23" \
    "$(echo "$ERR" | grep -c 'has no words to index')"
export IZDE_DB="$WORK/db"
count() { "$IZDE" search --json -n 0 "$@" | jq '.articles_estimated'; }
check_eq "every article is Kyrgyz" "1477" "$(count lang:ky)"

# ids of the articles holding exactly this form
ids() { "$IZDE" search --json -n 2000 "$@" 2>/dev/null | jq -r '.hits[].id' | sort; }
# covers QUERY FORM...: the hits of QUERY include every article with each exact FORM
covers() {
    q=$1; shift
    ids "$q" > got.txt
    for form in "$@"; do
        ids "\"$form\"" > want.txt
        CHECKS=$((CHECKS + 1))
        missing=$(comm -13 got.txt want.txt | wc -l)
        n=$(wc -l < want.txt)
        if [ "$n" -eq 0 ]; then
            fail "$q / $form: no article has this form; pick another"
        elif [ "$missing" -ne 0 ]; then
            fail "$q misses $missing of the $n articles with «$form»"
        fi
    done
}
covers шаарларынан шаар шаардын шаарында шаарындагы шаарларда
covers уюмдун уюмдардын уюмдар уюму
covers министрлигинин министрлиги министрлик министрлигине
covers жарандардын жаран жарандар жарандарга
covers Кыргызстандын Кыргызстан Кыргызстанда Кыргызстандан
covers облусунда облус облусуна облустарында облустун  # облустук (regional) is another word
covers долбоорлорду долбоор долбоорун
# different words stay apart
check_eq "министр does not find министрлик-only articles" "0" \
    "$(ids министр > a.txt; ids '"министрлиги" -"министр" -министри -министрдин -министрлер' > b.txt; comm -12 a.txt b.txt | wc -l | tr -d ' ')"

finish
