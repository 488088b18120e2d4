#!/bin/sh
# T181-serve-browser: headless Chromium loads the page of `izde serve` with
# a query and a claim in its URL, runs them, and shows highlighted hits,
# their figures, the figures panel, the timeline chart (its year / month /
# week switch, the undated count, a bar's click narrowing the query to
# its period), the undated hits last when sorted by date, the fact check,
# the pager and «did you mean» for a misspelt query; the screenshot is
# kept (SCREENSHOT=FILE copies it out).
# Skipped (77) only when Chromium is not installed.
. "$(dirname "$0")/test-lib.sh"

need_chromium

command -v python3 >/dev/null || { fail "python3 missing (it drives Chromium): run tools/deps.sh --test"; finish; }

mkdir in
cp "$CORPUS"/*.txt in/
seed_copies 30 > in/copies.jsonl
"$IZDE" index --db db in >/dev/null 2>&1

trap 'stop_server' EXIT
start_server --db db --listen 127.0.0.1:0
check_contains "the server is up" "http://127.0.0.1:" "$URL"

Q=$(printf '%s' 'экстремизма' | jq -sRr @uri)
C=$(printf '%s' '28 тысяч человек' | jq -sRr @uri)
# one hit per story: the seed text and its 30 copies are one hit
browse --dump-dom "$URL/?q=$Q" > stories.html
check_eq "one hit per story" 3 "$(grep -o '<li class="hit">' stories.html | wc -l | tr -d ' ')"
check_contains "... with its copies counted under it" '>и ещё 30 копий</p>' "$(cat stories.html)"
check_contains "... and the stories counted" "Сюжеты 1–3 из примерно 3 (статей с копиями: 93)" "$(cat stories.html)"
# all_copies=1: every article its own hit
browse --dump-dom "$URL/?q=$Q&claim=$C&all_copies=1" > page.html
check_eq "Chromium ran" 0 "$?"
marks=$(grep -o '<mark>[^<]*</mark>' page.html | sed 's/<[^>]*>//g' | sort -u | paste -sd' ' -)
check_eq "hits highlighted in the forms they use" "экстремизмом экстремизму" "$marks"
check_eq "ten hits on the page" 10 "$(grep -o '<li class="hit">' page.html | wc -l | tr -d ' ')"
# as many matches as the command line finds (the Kyrgyz copies too: экстремизмге)
N=$("$IZDE" search --db db --json --all-copies -n 0 экстремизма | jq .matches_estimated)
check_eq "the Russian and the Kyrgyz copies match" 93 "$N"
check_contains "the count of matches" "Статьи 1–10 из примерно $N" "$(cat page.html)"
check_contains "each hit's figures, with their sentence" '<ul class="figures" aria-label="Цифры статьи"><li title="11 терактов предотвращено казахстанскими спецслужбами с прошлого года">11 терактов</li>' "$(cat page.html)"
check_eq "every hit shows its figures" 10 "$(grep -o '<ul class="figures"' page.html | wc -l | tr -d ' ')"
check_contains "the figures panel" '<h3>человек <span class="count">(' "$(cat page.html)"
bars=$(grep -o '<rect class="bar"' page.html | wc -l | tr -d ' ')
check_eq "the timeline chart: a bar per month from 2020-01 to 2022-09" 33 "$bars"
check_contains "the chart names its months in Russian" '>сен 2022</text>' "$(cat page.html)"
check_not_contains "every story dated (by its dated copies): no undated line" "Без даты:" "$(cat page.html)"
browse --dump-dom "$URL/?q=$Q&labels=en" > en.html
check_contains "labels=en: the chart's periods in English" '>Sep 2022</text>' "$(cat en.html)"
check_contains "the fact check" '<h3>Совпадает (' "$(cat page.html)"
check_contains "the words also searched as, and why" 'Также искали: экстремизма → экстремизм (то же слово в другом языке)' "$(cat page.html)"
browse --dump-dom "$URL/?q=$Q&expand=0&all_copies=1" > exact.html
check_contains "expand=0: the Russian copies only" "Статьи 1–10 из примерно 62" "$(cat exact.html)"
check_contains "the pager" "страница 1 из $(( (N + 9) / 10 ))" "$(cat page.html)"
check_contains "the query names the page" '<title>экстремизма — изде</title>' "$(cat page.html)"
browse --dump-dom "$URL/?q=$Q&offset=10&all_copies=1" > page2.html
check_contains "a link to page 2 shows page 2" "Статьи 11–20 из примерно $N" "$(cat page2.html)"
browse --dump-dom "$URL/?q=$(printf '%s' 'экстремизм (' | jq -sRr @uri)" > bad.html
check_contains "a bad query: the error shown" '<p id="status" role="status" aria-live="polite" class="error">' "$(cat bad.html)"
check_contains "a query spelt right: no «did you mean»" '<p id="suggestion" hidden="">' "$(cat page.html)"
browse --dump-dom "$URL/?q=$(printf '%s' 'экстримизма Алматы' | jq -sRr @uri)&sort=-date" > typo.html
check_contains "a misspelt query: «did you mean», a link to the corrected query in the same order" \
    '<p id="suggestion">Возможно, вы имели в виду: <a id="suggestion-link" href="?q=%D1%8D%D0%BA%D1%81%D1%82%D1%80%D0%B5%D0%BC%D0%B8%D0%B7%D0%BC%D0%B0+%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B&amp;sort=-date">экстремизма Алматы</a></p>' \
    "$(cat typo.html)"
browse --dump-dom "$URL/?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E" > xss.html
check_not_contains "markup in a query stays text" '<img src="x"' "$(cat xss.html)"

# the period switch and a click on a bar, with real mouse clicks
# (browser_steps.py drives Chromium over the DevTools protocol)
cat > steps.js <<'JS'
window.until = (cond, val) => new Promise((ok, no) => { const end = Date.now() + 20000; const t = () => { try { if (cond()) return ok(val()); } catch (e) {} if (Date.now() > end) return no(new Error('timed out')); setTimeout(t, 50); }; t(); }); 'ready'
until(() => document.querySelector('#chart svg'), () => document.querySelectorAll('#chart rect.bar').length)
click #by input[value=year]
until(() => document.querySelectorAll('#chart rect.bar').length === 3, () => [decodeURIComponent(location.search), document.getElementById('timeline-title').textContent, [...document.querySelectorAll('#chart text.axis')].map((t) => t.textContent).filter((t) => /^20/.test(t)).join(' ')])
click #chart a[data-period="2021"] rect
until(() => /date%3A2021/.test(location.search) && /^Сюжеты 1/.test(document.getElementById('status').textContent), () => [decodeURIComponent(location.search), document.getElementById('q').value, document.getElementById('status').textContent, [...document.querySelectorAll('#chart rect.bar.active')].map((r) => r.parentNode.dataset.period).join(' '), document.getElementById('all-dates').hidden])
[...new Set([...document.querySelectorAll('.hit .meta')].map((m) => (m.textContent.match(/\d\d\.\d\d\.(\d{4})/) || ['', 'undated'])[1]))].join(' ')
click #by input[value=week]
until(() => /by=week/.test(location.search) && document.getElementById('timeline-title').textContent === 'Сюжеты по неделям', () => document.querySelectorAll('#chart rect.bar').length)
click #all-dates
until(() => !/date%3A/.test(location.search) && !/date:/.test(document.getElementById('q').value), () => [decodeURIComponent(location.search), document.getElementById('all-dates').hidden])
JS
rm -rf profile
timeout 120 python3 "$IZDE_SRC/tests/cli/browser_steps.py" "$CHROMIUM" "$WORK/profile" "$URL/?q=$Q" < steps.js > steps.out 2> steps.err
check_eq "the steps ran" "0" "$?"
step() { sed -n "$1p" steps.out; }
check_eq "the month chart first: a bar per month" "33" "$(step 2)"
check_eq "switched to years: the URL, the title, every year labelled" '["?q=экстремизма&by=year", "Сюжеты по годам", "2020 2021 2022"]' "$(step 4)"
N21=$("$IZDE" search --db db --json -n 0 'экстремизма date:2021' | jq .matches_estimated)
A21=$("$IZDE" search --db db --json -n 0 'экстремизма date:2021' | jq .articles_estimated)
check_eq "a click on the 2021 bar: date:2021 in the query and the URL, the results narrowed, the bar marked" \
    "[\"?q=экстремизма+date:2021&by=year\", \"экстремизма date:2021\", \"Сюжеты 1–$N21 из примерно $N21 (статей с копиями: $A21)\", \"2021\", false]" "$(step 6)"
check_eq "... every hit of 2021" '"2021"' "$(step 7)"
WEEKS=$("$IZDE" timeline --db db --by week --json экстремизма | jq '.periods | length')
check_eq "switched to weeks: a bar per ISO week of the query without its date: filter" "$WEEKS" "$(step 9)"
check_eq "«Весь период»: the date: filter gone" '["?q=экстремизма&by=week", true]' "$(step 11)"

# an undated story (the seed texts, indexed with no copies): counted under the chart
mkdir seeds && cp "$CORPUS"/*.txt seeds/
"$IZDE" index --db db2 seeds >/dev/null 2>&1
stop_server
start_server --db db2 --listen 127.0.0.1:0
TL=$("$IZDE" timeline --db db2 --json экстремизма)
check_eq "the seeds: undated stories and articles" "3 3" "$(echo "$TL" | jq -r '"\(.undated) \(.undated_articles)"')"
browse --dump-dom "$URL/?q=$Q" > undated.html
check_contains "no dated story: said in place of the chart" "<div id=\"chart\"><p>Ни у одного из 3 найденных сюжетов нет даты публикации.</p></div>" "$(cat undated.html)"
check_contains "the undated counted under it" ">Без даты: 3 сюжета (3 статьи) — на графике не показаны</p>" "$(cat undated.html)"
stop_server
start_server --db db --listen 127.0.0.1:0

# «сначала старые» (sort=date): the undated hits after every dated one
curl -s "$URL/api/search?q=$Q&sort=date&n=100&all_copies=1" > oldest.json
check_eq "sort=date: dated hits, then the undated" "90 dated, then 3 undated" \
    "$(jq -r '[.hits[] | .date != null] | "\(map(select(.)) | length) dated, then \(.[(map(select(.)) | length):] | map(select(. | not)) | length) undated"' oldest.json)"
check_eq "sort=date: oldest first" "2020-01-15" "$(jq -r '.hits[0].date' oldest.json)"

# the article view: every title opens the article, with «Похожие»
ID=$(curl -s "$URL/api/search?q=$(printf '%s' 'ИИМ' | jq -sRr @uri)&n=1" | jq -r '.hits[0].id')
IDQ=$(printf '%s' "$ID" | jq -sRr @uri)
browse --dump-dom "$URL/?q=$Q&all_copies=1" > links.html
check_eq "every hit's title opens its article" 10 \
    "$(grep -o '<h3>[0-9]*\. <a href="?doc=[^"]*&amp;q=' links.html | wc -l | tr -d ' ')"
browse --dump-dom "$URL/?doc=$IDQ&q=$Q" > article.html
TITLE=$("$IZDE" show --db db --json "$ID" | jq -r .title)
check_contains "the article: its title" "<h2>$TITLE</h2>" "$(cat article.html)"
check_contains "the article: its text" "$("$IZDE" show --db db --json "$ID" | jq -r '.text' | head -n 1 | cut -c1-60)" "$(cat article.html)"
check_contains "the article: a way back to the results" ">← к результатам</a>" "$(cat article.html)"
check_contains "the article: «Похожие»" '<h3 id="similar-title">Похожие</h3>' "$(cat article.html)"
SIM=$("$IZDE" similar --db db --json -n 10 "$ID" | jq -r '.hits[0].title')
check_contains "the article: its first similar article, linked" "$SIM</a>" "$(cat article.html)"
check_contains "the results hidden under the article" '<section id="results" aria-labelledby="results-title" hidden="">' "$(cat article.html)"
browse --dump-dom "$URL/?doc=nope" > noarticle.html
check_contains "an unknown article: said, in Russian" "Не найдено: в индексе нет статьи с id «nope»" "$(cat noarticle.html)"

browse --screenshot="$WORK/page.png" "$URL/?q=$Q&claim=$C"
size=$(wc -c < page.png 2>/dev/null || echo 0)
check_eq "a screenshot was taken" yes "$([ "$size" -gt 50000 ] && echo yes)"
[ -z "${SCREENSHOT:-}" ] || cp page.png "$SCREENSHOT"
finish
