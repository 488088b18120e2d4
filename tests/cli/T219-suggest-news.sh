#!/bin/sh
# T219-suggest-news: "did you mean" on real news, the misspellings analysts
# typed that found nothing: экстримизм, терорризм, коррупцыя (Russian
# news, two of the ten files) and Жапоров, шайло (the 1,477 Kyrgyz
# articles of 24.kg), each alone, inflected and together; the words spelt
# right get no suggestion.  Needs the shared data ($IZDE_DATA, default
# ../shared/data); skipped (77) without it.
. "$(dirname "$0")/test-lib.sh"

DATA="${IZDE_DATA:-$IZDE_SRC/../shared/data}"
RU="$DATA/russian-news/ru_kw_eval"
KY="$DATA/kyrgyz-text/24kg-topic-classification"
if [ ! -f "$RU/ng_0.jsonl.xz" ] || [ ! -f "$RU/russia_today_0.jsonl.xz" ] || [ ! -f "$KY/qad-train_1000.csv" ]; then
    echo "T219-suggest-news: no data at $DATA (russian-news/ru_kw_eval, kyrgyz-text/24kg-topic-classification); skipped"
    exit 77
fi
mkdir news
for f in ng_0 russia_today_0; do xz -dc "$RU/$f.jsonl.xz" > news/$f.jsonl; done
"$IZDE" index --db db news "$KY" >/dev/null 2>&1
export IZDE_DB="$WORK/db"
check_eq "indexed: two news files and 24.kg" 3475 "$("$IZDE" stats --json | jq .documents)"

suggests() { # QUERY EXPECTED (- for none)
    check_eq "[$1] suggests [$2]" "$2" \
        "$("$IZDE" search --json -n 0 "$1" 2>/dev/null | jq -r '.suggestion // "-"')"
}
suggests экстримизм экстремизм
suggests терорризм терроризм
suggests коррупцыя коррупция
suggests Жапоров Жапаров
suggests шайло шайлоо
suggests экстримизма экстремизма
suggests терорризма терроризма
suggests 'Садыр Жапоров' 'Садыр Жапаров'
suggests 'экстримизм коррупцыя' 'экстремизм коррупция'
suggests 'Жапоров шайло' 'Жапаров шайлоо'
for q in экстремизм терроризм коррупция Жапаров шайлоо 'Садыр Жапаров'; do
    suggests "$q" -
done
run search --format compact Жапоров
check_eq "text: the suggestion first" "Did you mean: Жапаров?" "$OUT"
finish
