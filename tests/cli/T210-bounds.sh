#!/bin/sh
# T210-bounds: one article, however many figures and however long its
# sentences, is searched, checked and served in bounded memory and time;
# a pipe is held to the 64 MB article limit.  Every command runs under
# `ulimit -v` (but in a sanitized build, whose shadow memory needs far
# more address space) and `timeout`.
. "$(dirname "$0")/test-lib.sh"

# Address space for one command, in KB: these commands need under 150 MB;
# before the bounds the figure article needed 23 GB and the long one 1 GB.
VMEM_KB=250000
if [ "${IZDE_SANITIZED:-0}" = 1 ]; then
    echo "T210-bounds: sanitized build: no ulimit -v (shadow memory); sizes still checked"
    VMEM_KB=unlimited
fi

# bounded CMD...: CMD under the memory limit and a 30 s deadline; sets
# OUT, ERR and STATUS as run does.
bounded() {
    (ulimit -v "$VMEM_KB" && exec timeout 30 "$@") >"$WORK/.out" 2>"$WORK/.err"
    STATUS=$?
    OUT=$(cat "$WORK/.out")
    ERR=$(cat "$WORK/.err")
}

# 20,000 figures in one sentence of 400 KB: «0 человек 1 человек ...»
awk 'BEGIN { printf "{\"id\":\"figs\",\"title\":\"t\",\"text\":\"";
             for (i = 0; i < 20000; i++) printf "%s%d человек", i ? " " : "", i;
             print "\"}" }' > figs.jsonl
# one sentence of 4.4 MB with 200 figures in it
awk 'BEGIN { printf "{\"id\":\"long\",\"title\":\"t\",\"text\":\"";
             for (i = 0; i < 400000; i++) printf (i % 2000 ? "слово " : "%d человек "), i / 2000;
             print "\"}" }' > long.jsonl
run index --db figs figs.jsonl
check_eq "20,000 figures: indexed" 0 "$STATUS"
run index --db long long.jsonl
check_eq "a 4.4 MB sentence: indexed" 0 "$STATUS"

# a hit lists at most 100 figures: those of its fragments first
awk 'BEGIN { printf "{\"id\":\"many\",\"title\":\"t\",\"text\":\"";
             for (i = 1; i <= 150; i++) printf "В районе %d пострадали %d человек. ", i, i + 1000;
             print "Зюзюкинский завод выпустил 777 тракторов.\"}" }' > many.jsonl
run index --db many many.jsonl
run search --db many --json зюзюкинский
check_eq "301 figures: 100 listed" "100 301" "$(printf '%s' "$OUT" | jq -r '.hits[0] | "\(.figures | length) \(.figures_total)"')"
check_contains "... the fragment's figure among them" "777 тракторов" "$(printf '%s' "$OUT" | jq -r '.hits[0].figures[].text')"

# ---- search
bounded "$IZDE" search --db figs --json -n 1 человек
check_eq "search --json, 20,000 figures: exit 0" 0 "$STATUS"
check_eq "... the hit lists the first 100 figures and counts them all" "100 20000" \
    "$(printf '%s' "$OUT" | jq -r '.hits[0] | "\(.figures | length) \(.figures_total)"')"
check_eq "... each sentence at most 400 bytes and the ellipses" "true" \
    "$(printf '%s' "$OUT" | jq '[.hits[0].figures[].sentence | utf8bytelength] | max <= 406')"
check_eq "... a sentence cut after the figure ends with …" "…" \
    "$(printf '%s' "$OUT" | jq -r '.hits[0].figures[0].sentence[-1:]')"
check_eq "... the answer is small (under 100 KB)" "true" "$([ ${#OUT} -lt 100000 ] && echo true)"

bounded "$IZDE" search --db figs -n 1 человек
check_eq "search (text), 20,000 figures: exit 0" 0 "$STATUS"
check_contains "... shows the fragment's figures" "figures: 0 человек · 1 человек · 2 человек" "$OUT"

bounded "$IZDE" search --db long --json человек
check_eq "search --json, a 4.4 MB sentence: exit 0" 0 "$STATUS"
check_eq "... its figures' sentences are windows, … on both sides" "…" \
    "$(printf '%s' "$OUT" | jq -r '.hits[0].figures[50].sentence[:1]')"
check_contains "... holding the figure" "50 человек" \
    "$(printf '%s' "$OUT" | jq -r '.hits[0].figures[50].sentence')"

# ---- facts
bounded "$IZDE" facts --db figs --json человек
check_eq "facts, 20,000 figures: exit 0" 0 "$STATUS"
check_eq "... every figure counted, the first 20 values cited" "20000 20 0" \
    "$(printf '%s' "$OUT" | jq -r '"\(.groups[0].figures) \(.groups[0].values | length) \(.offset)"')"
bounded "$IZDE" facts --db figs --json --offset 1 человек
check_eq "facts --offset 1: the next page is empty" "0 0" \
    "$(printf '%s' "$OUT" | jq -r '"\(.articles) \(.groups | length)"')"
run facts --db figs -n 10001 человек
check_eq "facts -n over 10000: an error naming the limit" \
    "izde: facts: -n takes a number from 0 to 10000, not '10001'" "$ERR"

# ---- check
bounded "$IZDE" check --db figs --json "5 человек"
check_eq "check, 20,000 figures: exit 0" 0 "$STATUS"
check_eq "... 1 agrees, 19,999 differ, 1,000 listed" "1 19999 1000" \
    "$(printf '%s' "$OUT" | jq -r '"\(.agree_total) \(.differ_total) \(.differ | length)"')"
bounded "$IZDE" check --db figs --json -n 3 --offset 5 "5 человек"
check_eq "check -n 3 --offset 5: the page" "[6,7,8]" \
    "$(printf '%s' "$OUT" | jq -c '[.differ[].value]')"
bounded "$IZDE" check --db figs -n 3 --offset 5 "5 человек"
check_contains "check (text): says which part of the list it shows" "differ (3 of 19,999, from 6):" "$OUT"
bounded "$IZDE" check --db long "5 человек"
check_eq "check, a 4.4 MB sentence: exit 0" 0 "$STATUS"
check_eq "... and a small answer (under 100 KB)" "true" "$([ ${#OUT} -lt 100000 ] && echo true)"

# ---- a pipe: no size to check first, so the reader stops at the limit
(ulimit -v "$VMEM_KB" && yes 'В городе 5 человек пришли на митинг.' | head -c 70000000 |
    timeout 30 "$IZDE" index --db pipe /dev/stdin) >"$WORK/.out" 2>"$WORK/.err"
STATUS=$?
check_eq "a 70 MB pipe: exit 1" 1 "$STATUS"
check_contains "... too large, naming the file and the limit" \
    "izde: /dev/stdin: too large for one article (more than 64 MB read; the limit is 64 MB)" \
    "$(cat "$WORK/.err")"
check_contains "... nothing of it indexed" "pipe now holds 0 documents" "$(cat "$WORK/.out")"
yes 'В городе 5 человек пришли на митинг.' | head -n 1000 | "$IZDE" index --db pipe /dev/stdin \
    >"$WORK/.out" 2>&1
check_contains "a small pipe is one article" "pipe now holds 1 document" "$(cat "$WORK/.out")"

# ---- a JSON Lines record longer than the limit, through a FIFO: dropped
# with its line number, read in bounded memory, the next record indexed
mkfifo big.jsonl
( { printf '{"id":"huge","text":"'; yes 'Пять человек пришли. ' | tr -d '\n' | head -c 70000000; printf '"}\n';
    printf '{"id":"next","text":"Три человека ушли."}\n'; } > big.jsonl ) &
(ulimit -v "$VMEM_KB" && timeout 60 "$IZDE" index --db bigline big.jsonl) >"$WORK/.out" 2>"$WORK/.err"
STATUS=$?
wait
check_eq "a 70 MB JSON Lines record: exit 1" 1 "$STATUS"
check_contains "... dropped, naming the line and the limit" \
    "izde: big.jsonl:1: record too large for one article (more than 64 MB; the limit is 64 MB)" \
    "$(cat "$WORK/.err")"
check_contains "... the next record indexed" "bigline now holds 1 document" "$(cat "$WORK/.out")"

# ---- the server's pages
# the server under a limit too (1 GB: its threads reserve more address
# space), so that an unbounded answer ends it instead of the machine
if command -v curl >/dev/null; then
    SERVE_VMEM_KB=$([ "$VMEM_KB" = unlimited ] && echo unlimited || echo 1000000)
    printf '#!/bin/sh\nulimit -v %s && exec "%s" "$@"\n' "$SERVE_VMEM_KB" "$IZDE" > limited-izde
    chmod +x limited-izde
    IZDE_REAL=$IZDE
    IZDE=./limited-izde
    start_server --db figs --listen 127.0.0.1:0
    IZDE=$IZDE_REAL
    B=$(curl -s -m 30 "$URL/api/check?claim=5%20%D1%87%D0%B5%D0%BB%D0%BE%D0%B2%D0%B5%D0%BA&n=2&offset=1")
    check_eq "/api/check n and offset" "[1,2] 1 19999" \
        "$(printf '%s' "$B" | jq -r '"\([.differ[].value] | tojson) \(.offset) \(.differ_total)"')"
    B=$(curl -s -m 30 "$URL/api/facts?q=%D1%87%D0%B5%D0%BB%D0%BE%D0%B2%D0%B5%D0%BA&n=1001")
    check_eq "/api/facts n over 1000: the limit named" \
        "n must be a number from 0 to 1000, not '1001'" "$(printf '%s' "$B" | jq -r .error)"
    stop_server
fi

finish
