#!/bin/sh
# T271-csv-page: the search page offers «Скачать CSV» for the hits, the
# figures and the fact check, in headless Chromium: each link names the
# endpoint's format=csv without a page, and what it downloads is what the
# command prints with --csv.
. "$(dirname "$0")/test-lib.sh"

need_chromium
command -v curl >/dev/null || { fail "curl missing: run tools/deps.sh --test"; finish; }
"$IZDE" index --db db "$CORPUS" >/dev/null 2>&1 || fail "indexing"
trap 'stop_server' EXIT
start_server --db db --listen 127.0.0.1:0

cat > steps.js <<'JS'
window.until = (cond, val) => new Promise((ok, no) => { const end = Date.now() + 20000; const t = () => { try { if (cond()) return ok(val()); } catch (e) {} if (Date.now() > end) return no(new Error('timed out')); setTimeout(t, 50); }; t(); }); 'ready'
until(() => !document.getElementById('hits-csv').hidden && !document.getElementById('facts-csv').hidden && document.querySelector('#check-result a[download]'), () => [...document.querySelectorAll('a[download]')].map((a) => [a.textContent, a.getAttribute('download'), decodeURIComponent(a.getAttribute('href'))]))
Promise.all([...document.querySelectorAll('a[download]')].map((a) => fetch(a.href).then((r) => r.text())))
JS
Q=$(printf '%s' 'экстремизма' | jq -sRr @uri)
C=$(printf '%s' '11 терактов' | jq -sRr @uri)
rm -rf profile
timeout 120 python3 "$IZDE_SRC/tests/cli/browser_steps.py" "$CHROMIUM" "$WORK/profile" "$URL/?q=$Q&claim=$C" \
    < steps.js > steps.out 2> steps.err
check_eq "the steps ran" "0" "$?"
check_eq "three links: hits, figures, the check; format=csv, no page" \
    '[["Скачать CSV", "izde-search.csv", "/api/search?q=экстремизма&sort=relevance&format=csv"], ["Скачать CSV", "izde-facts.csv", "/api/facts?q=экстремизма&format=csv&n=200"], ["Скачать CSV", "izde-check.csv", "/api/check?claim=11+терактов&format=csv"]]' \
    "$(sed -n 2p steps.out)"
sed -n 3p steps.out | jq -r '.[0]' > hits.csv
sed -n 3p steps.out | jq -r '.[1]' > facts.csv
sed -n 3p steps.out | jq -r '.[2]' > check.csv
check_eq "the hits' link downloads search --csv" "$("$IZDE" search --db db --csv экстремизма)" "$(cat hits.csv)"
check_eq "... the header and 3 hits" 4 "$(grep -c . hits.csv)"
check_eq "the figures' link downloads facts --csv -n 200" "$("$IZDE" facts --db db --csv -n 200 экстремизма)" \
    "$(cat facts.csv)"
check_eq "the check's link downloads check --csv" "$("$IZDE" check --db db --csv '11 терактов')" "$(cat check.csv)"
stop_server
finish
