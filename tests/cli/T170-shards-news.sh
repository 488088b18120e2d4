#!/bin/sh
# T170-shards-news: articles of the Russian news set in one index
# and in three shards served by xapian-tcpsrv on loopback give the same
# answers to 120 real queries (the articles' key phrases): the same top 10
# with the same scores, the same match counts, figures and timelines.
# Needs the shared data ($IZDE_DATA); skipped (77) without it.
. "$(dirname "$0")/test-lib.sh"

DATA="${IZDE_DATA:-$IZDE_SRC/../shared/data}/russian-news/ru_kw_eval"
if ! ls "$DATA"/*.jsonl.xz >/dev/null 2>&1; then
    echo "T170-shards-news: no data at $DATA; skipped"
    exit 77
fi
SERVERS="$IZDE_SRC/tools/shard-servers.sh"
# news/ and 120 distinct key phrases: five of the set's ten files (both
# sources, over 4,000 articles; the whole set doubles the time and checks
# nothing more); under the sanitizers (ten times slower) NG's first file
# and the smallest RT file
PARTS="ng_0 ng_1 russia_today_0 russia_today_1 russia_today_7"
[ "${IZDE_SANITIZED:-0}" = 1 ] && PARTS="ng_0 russia_today_7"
mkdir part
for f in $PARTS; do ln -s "$DATA/$f.jsonl.xz" part/; done
"$IZDE_SRC/tools/news-set.sh" "$PWD/part" . 120
ARTICLES=$(cat news/*.jsonl | grep -c .)
FILES=$(ls news/*.jsonl | wc -l)
WANT=$(for f in $PARTS; do xz -dc "$DATA/$f.jsonl.xz"; done | grep -c .)
check_eq "the files' articles, all read" "$WANT $(echo $PARTS | wc -w)" "$ARTICLES $FILES"

summary() { printf '%s\n' "$OUT" | sed 's/ in [0-9.]* s;/ in T s;/'; }
run index -j 1 --db single news
check_contains "one index: every article" "indexed $ARTICLES articles from $FILES files" "$OUT"
run index --shards 3 --db sh news
check_eq "three shards: every article, once" "indexed $ARTICLES articles from $FILES files ($FILES new, 0 changed, 0 unchanged, 0 removed) in T s; sh now holds $ARTICLES documents in 3 shards" "$(summary)"

check_eq "120 queries" 120 "$(wc -l < queries)"

port=$((20000 + ($$ + 500) % 20000))
trap '"$SERVERS" stop --run "$WORK/sh/servers" >/dev/null 2>&1' EXIT
"$SERVERS" start sh --port $port >/dev/null 2>&1 || "$SERVERS" start sh --port $((port + 11)) >/dev/null
check_eq "three servers" 3 "$(grep -c '^tcp://' sh/servers/izde.shards)"

# the top 10 of every query, scores to 9 significant digits; matches are
# counted exactly up to 1,010 (past that Xapian estimates, per shard)
top10() {
    "$IZDE" search --batch --all-copies --no-snippets --db "$1" < queries |
        jq -c '[.query, (.matches_estimated | if . > 1010 then "over 1010" else . end),
                [.hits[]? | [.rank, .id, (.score * 1e9 | round)]], .error]'
}
top10 single > single.txt
top10 sh/servers > tcp.txt
check_eq "the queries find articles" "yes" "$([ "$(grep -c '"http' single.txt)" -ge 100 ] && echo yes)"
CHECKS=$((CHECKS + 1))
if ! cmp -s single.txt tcp.txt; then
    fail "over TCP: the same top 10, scores and counts for every query"
    diff single.txt tcp.txt | cut -c1-300 | head -n 6 >&2
fi
ties=$(jq -r '.[2] | map(.[2]) | (length - (unique | length))' single.txt | awk '{ s += $1 } END { print s + 0 }')
check_eq "some hits tie on score (their order is by id either way)" "yes" "$([ "$ties" -gt 0 ] && echo yes)"

# figures and timelines of the first 20 queries, and of a few topics;
# timelines, facts and checks by what every article holds (stories are
# made within a shard: copies in two shards are two stories)
articles() { jq -c 'del(.stories, .undated, .less_precise) | .periods |= map(del(.count))'; }
answers() {
    head -n 20 queries | while read -r q; do
        "$IZDE" facts --db "$1" --json -n 200 --groups 100000 "$q" 2>&1 | fact_groups
        "$IZDE" timeline --db "$1" --json "$q" 2>&1 | articles
    done
    for q in санкции мигрантов 'террористической организации' человек; do
        "$IZDE" timeline --db "$1" --json --by year "$q" 2>&1 | articles
        "$IZDE" search --db "$1" --json --all-copies -n 10 --sort -date "$q" 2>&1 | jq -c '[.hits[] | [.id, .date]]'
    done
    "$IZDE" check --db "$1" --json -n 10000 "100 человек" 2>&1 |
        jq -c '[.scope, ([.agree[] | .value] | unique), ([.differ[] | .value] | unique)]'
}
answers single > single-more.txt
answers sh/servers > tcp-more.txt
CHECKS=$((CHECKS + 1))
if ! cmp -s single-more.txt tcp-more.txt; then
    fail "over TCP: the same facts, timelines, date order and checks"
    diff single-more.txt tcp-more.txt | cut -c1-300 | head -n 6 >&2
fi
"$SERVERS" stop --run sh/servers >/dev/null
trap - EXIT
finish
