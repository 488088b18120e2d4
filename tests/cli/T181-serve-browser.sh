#!/bin/sh
# T181-serve-browser: headless Chromium loads the page of `izde serve` with
# a query and a claim in its URL, runs them, and shows highlighted hits,
# their figures, the figures panel, the timeline chart, the fact check,
# the pager and «did you mean» for a misspelt query; the screenshot is
# kept (SCREENSHOT=FILE copies it out).
# Skipped (77) only when Chromium is not installed.
. "$(dirname "$0")/test-lib.sh"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    echo "T181-serve-browser: chromium is not installed (tools/deps.sh --test installs it); skipped"
    exit 77
fi

mkdir in
cp "$CORPUS"/*.txt in/
seed_copies 30 > in/copies.jsonl
"$IZDE" index --db db in >/dev/null 2>&1

trap 'stop_server' EXIT
start_server --db db --listen 127.0.0.1:0
check_contains "the server is up" "http://127.0.0.1:" "$URL"

browse() { # OUT-OPTION URL: headless Chromium, a fresh profile each time
    rm -rf profile
    timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
        --disable-background-networking --user-data-dir="$WORK/profile" \
        --virtual-time-budget=15000 --window-size=1366,1000 --hide-scrollbars "$@" 2>chromium.err
}
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
check_contains "the chart names its months" '>2022-09</text>' "$(cat page.html)"
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

browse --screenshot="$WORK/page.png" "$URL/?q=$Q&claim=$C"
size=$(wc -c < page.png 2>/dev/null || echo 0)
check_eq "a screenshot was taken" yes "$([ "$size" -gt 50000 ] && echo yes)"
[ -z "${SCREENSHOT:-}" ] || cp page.png "$SCREENSHOT"
finish
