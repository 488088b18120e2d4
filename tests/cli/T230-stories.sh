#!/bin/sh
# T230-stories: copies of one story.  An exact copy and near copies (another
# title, site chrome lines, a dropped paragraph, other quotes, a few words
# changed) share one story id, the first article's; a different article on
# the same topic does not.  A copy arriving in a later run joins the story
# without the older articles changing; search shows one hit per story with
# "and N copies" (--all-copies each); show --json lists the copies.
. "$(dirname "$0")/test-lib.sh"

P1='Правительство Кыргызстана утвердило программу развития энергетики до 2030 года. Документ предусматривает строительство трёх малых гидроэлектростанций на реках Нарынской и Иссык-Кульской областей.'
P2='Общая стоимость проектов оценивается в 1,2 миллиарда долларов. Средства планируется привлечь за счёт инвесторов из Китая и Европейского банка реконструкции и развития.'
P3='По словам министра энергетики, новые станции позволят покрыть зимний дефицит электроэнергии и сократить импорт из соседних стран. Первая станция должна заработать в 2025 году.'
P4='Эксперты отмечают, что в прошлые годы похожие программы выполнялись лишь частично из-за нехватки финансирования и задержек с тендерами.'
TEXT="$P1

$P2

$P3

$P4"
# near copies: chrome added, quotes and words changed, a paragraph dropped
NEAR1="Читайте также: главные новости дня

$(printf '%s' "$P1" | sed 's/утвердило/одобрило/')

$P2

$(printf '%s' "$P3" | sed 's/По словам министра энергетики/Как заявил «министр энергетики»/')

$P4

Поделиться"
NEAR2="$P1

$(printf '%s' "$P2" | sed 's/оценивается в/составляет/')

$P3"
OTHER='Правительство Кыргызстана обсудило тарифы на электроэнергию для населения. Министр энергетики предложил сохранить нынешние тарифы до конца года, а затем повышать их постепенно, на десять процентов в год. Решение будет принято после общественных слушаний в областях, где дефицит электроэнергии зимой особенно ощутим.'

mkdir in
jq -nc --arg t "$TEXT" '{id: "site1-1", title: "Энергетика до 2030 года", date: "2021-03-01", text: $t}' > in/a.jsonl
jq -nc --arg t "$TEXT" '{id: "site2-7", title: "Программа развития энергетики", date: "2021-03-02", text: $t}' >> in/a.jsonl
jq -nc --arg t "$NEAR1" '{id: "site3-2", title: "Кабмин одобрил энергопрограмму", date: "2021-03-02", text: $t}' >> in/a.jsonl
jq -nc --arg t "$OTHER" '{id: "site1-2", title: "Тарифы на электроэнергию", date: "2021-03-05", text: $t}' >> in/a.jsonl
export IZDE_DB="$WORK/db"

run index in
check_eq "index: exit status" 0 "$STATUS"
story() { "$IZDE" show --json "$@" | jq -r '"\(.id) \(.story) \(.copies | join(","))"'; }
check_eq "an exact copy and a near copy: one story, the first article's" \
    "site1-1 site1-1 site2-7,site3-2
site2-7 site1-1 site1-1,site3-2
site3-2 site1-1 site1-1,site2-7" "$(story site1-1 site2-7 site3-2)"
check_eq "another article on the same topic: a story of its own" "site1-2 site1-2 " "$(story site1-2)"

# search: one hit per story, and its copies
run search энергетики
# the best ranked copy stands for its story: site2-7, whose title has the word
check_contains "text: the copies under the hit" "   and 2 copies: site1-1, site3-2" "$OUT"
check_eq "text: the total counts stories and articles" "-- hits 1-2 of about 2 stories (4 articles)" "$(echo "$OUT" | tail -n 1)"
J=$("$IZDE" search --json энергетики)
check_eq "json: story and copies of each hit" '[["site2-7","site1-1",2,["site1-1","site3-2"]],["site1-2","site1-2",0,[]]]' \
    "$(echo "$J" | jq -c '[.hits[] | [.id, .story, .copies, .copy_ids]]')"
check_eq "json: what the counts count" '["stories",2,4]' "$(echo "$J" | jq -c '[.counts, .matches_estimated, .articles_estimated]')"
check_eq "--all-copies: each article a hit" '["articles",4,["site1-1","site1-2","site2-7","site3-2"]]' \
    "$("$IZDE" search --json --all-copies энергетики | jq -c '[.counts, .matches_estimated, ([.hits[].id] | sort)]')"

# a copy arriving later: it joins the story, the older articles keep theirs
jq -nc --arg t "$NEAR2" '{id: "site4-9", title: "Три ГЭС до 2030 года", date: "2021-03-09", text: $t}' > in/b.jsonl
run index in
check_contains "a later run: one new file" "indexed 1 article from 1 file (1 new, 0 changed, 1 unchanged, 0 removed)" "$OUT"
check_eq "... the late copy joins the story" "site4-9 site1-1 site1-1,site2-7,site3-2" "$(story site4-9)"
check_eq "... the first article lists it" "site1-1 site1-1 site2-7,site3-2,site4-9" "$(story site1-1)"
check_eq "... the other story is untouched" "site1-2 site1-2 " "$(story site1-2)"

# the same files indexed anew in one run, by one or two processes: the same stories
"$IZDE" index --db fresh in >/dev/null 2>&1
check_eq "one run over both files: the same stories" "$(story site1-1 site2-7 site3-2 site4-9 site1-2)" \
    "$("$IZDE" show --db fresh --json site1-1 site2-7 site3-2 site4-9 site1-2 | jq -r '"\(.id) \(.story) \(.copies | join(","))"')"

# timeline: stories, not copies
T=$("$IZDE" timeline --json --by month энергетики)
check_eq "timeline: stories counted once, articles beside them" '["stories",5,2,[["2021-03",2,5]]]' \
    "$(echo "$T" | jq -c '[.counts, .matches, .stories, [.periods[] | [.period, .count, .articles]]]')"
run timeline --by month энергетики
check_contains "timeline text: what it counts" "-- 2 matching stories (5 articles; copies of one story count once)" "$OUT"

# show: text form, errors
run show site3-2
check_eq "show: title, date, id, story, copies" "title:  Кабмин одобрил энергопрограмму
date:   2021-03-02
id:     site3-2
story:  site1-1
copies: site1-1, site2-7, site4-9" "$(echo "$OUT" | head -n 5)"
check_contains "show: then the clean text, chrome lines left out" "$(printf '%s' "$P1" | sed 's/утвердило/одобрило/')" "$OUT"
run show site1-1 nope
check_eq "show: an unknown id: exit 1, the others shown" "1 izde: no article with id 'nope' in the index" "$STATUS $ERR"
check_contains "... the known one shown" "story:  site1-1" "$OUT"
run show
check_eq "show: no id" "2 izde: show: no id given; give the id of an article, as search shows it" "$STATUS $(echo "$ERR" | head -n 1)"
finish
