#!/bin/sh
# T110-timeline-news: on the Nezavisimaya Gazeta articles of the Russian
# news set (dates only in their URLs), `izde timeline --by month санкции`
# must equal counts computed independently from the matching articles'
# URLs.  Needs the shared data ($IZDE_DATA); skipped (77) without it.
. "$(dirname "$0")/test-lib.sh"

DATA="${IZDE_DATA:-$IZDE_SRC/../shared/data}/russian-news/ru_kw_eval"
if [ ! -f "$DATA/ng_0.jsonl.xz" ] || [ ! -f "$DATA/ng_1.jsonl.xz" ]; then
    echo "T110-timeline-news: no data at $DATA; skipped"
    exit 77
fi
xz -dc "$DATA/ng_0.jsonl.xz" > ng_0.jsonl && xz -dc "$DATA/ng_1.jsonl.xz" > ng_1.jsonl
run index --db db ng_0.jsonl ng_1.jsonl
check_contains "index: all 1,987 NG articles" "indexed 1987 articles from 2 files" "$OUT"
export IZDE_DB="$WORK/db"

"$IZDE" timeline --by month --csv санкции | awk -F, 'NR > 1 && $3 > 0 { print $1 "," $3 }' > timeline.csv
"$IZDE" search --json --all-copies -n 100000 санкции | jq -r '.hits[].url' |
    sed -n 's|.*/\([12][0-9][0-9][0-9]\)-\([01][0-9]\)-[0-3][0-9]/.*|\1-\2|p' |
    LC_ALL=C sort | uniq -c | awk '{ print $2 "," $1 }' > from-urls.csv
check_eq "timeline by month: its articles equal the counts from the URLs" "$(cat from-urls.csv)" "$(cat timeline.csv)"
# its stories: one per story, in the month of the story's earliest article
"$IZDE" search --json -n 100000 --sort date санкции > oldest.json
"$IZDE" timeline --by month --json санкции > tl.json
check_eq "timeline: as many stories as search finds" "$(jq .matches_estimated oldest.json)" "$(jq .stories tl.json)"
check_eq "timeline: the stories of each month add up" "$(jq .stories tl.json)" \
    "$(jq '([.periods[].count] | add) + .undated + .less_precise' tl.json)"
check_eq "there are months to compare" "yes" "$([ "$(wc -l < timeline.csv)" -ge 10 ] && echo yes)"
J=$("$IZDE" timeline --json --by month санкции)
check_eq "every match is dated" "0" "$(echo "$J" | jq '.undated')"

finish
