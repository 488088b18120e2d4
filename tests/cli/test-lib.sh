# test-lib.sh - helpers for the CLI end-to-end tests (sourced by T*.sh).
# Environment from ctest: IZDE (the binary), IZDE_SRC (source tree),
# IZDE_TMP (scratch folder).  Each script runs in its own empty folder.
set -u

: "${IZDE:?IZDE must name the izde binary}"
: "${IZDE_SRC:?IZDE_SRC must name the source tree}"
: "${IZDE_TMP:=/tmp/izde-tests}"

TEST_NAME=$(basename "$0" .sh)
WORK="$IZDE_TMP/$TEST_NAME"
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK" || exit 1
CORPUS="$IZDE_SRC/corpus"
FAILED=0
CHECKS=0

fail() {
    echo "FAIL: $*" >&2
    FAILED=$((FAILED + 1))
}

# check_eq WHAT EXPECTED ACTUAL
check_eq() {
    CHECKS=$((CHECKS + 1))
    if [ "$2" != "$3" ]; then
        fail "$1"
        printf '  expected: %s\n  actual:   %s\n' "$2" "$3" >&2
    fi
}

# check_contains WHAT NEEDLE HAYSTACK
check_contains() {
    CHECKS=$((CHECKS + 1))
    case "$3" in
        *"$2"*) ;;
        *) fail "$1"; printf '  missing: %s\n  in:      %s\n' "$2" "$3" >&2 ;;
    esac
}

check_not_contains() {
    CHECKS=$((CHECKS + 1))
    case "$3" in
        *"$2"*) fail "$1"; printf '  unexpected: %s\n  in:         %s\n' "$2" "$3" >&2 ;;
    esac
}

# run ARGS...: runs izde, sets OUT, ERR and STATUS
run() {
    "$IZDE" "$@" >"$WORK/.out" 2>"$WORK/.err"
    STATUS=$?
    OUT=$(cat "$WORK/.out")
    ERR=$(cat "$WORK/.err")
}

# hit_files QUERY...: base names of the files of the hits, one per line, in rank order
hit_files() {
    "$IZDE" search --json "$@" 2>/dev/null | jq -r '.hits[].path' | sed 's|.*/||'
}

# need_chromium: $CHROMIUM, or the test skipped (exit 77) saying why.
need_chromium() {
    CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
    if [ -z "$CHROMIUM" ]; then
        echo "$TEST_NAME: chromium is not installed (tools/deps.sh --test installs it); skipped"
        exit 77
    fi
}

# browse OPTION... URL: headless Chromium ($CHROMIUM), a fresh profile
# each time, e.g. browse --dump-dom "$URL/?q=x" > page.html
browse() {
    rm -rf "$WORK/profile"
    timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
        --disable-background-networking --user-data-dir="$WORK/profile" \
        --virtual-time-budget=15000 --window-size=1366,1000 --hide-scrollbars "$@" 2>chromium.err
}

# seed_copies N: N dated copies of each seed article as JSON Lines, ids
# <seed>-<k>, dates 2020-2022 (months 1 to 9), sources vecher.kz and 24.kg
seed_copies() {
    for f in "$CORPUS"/*.txt; do
        jq -Rsc --arg b "$(basename "$f" .txt)" --argjson n "$1" '. as $t | range(0; $n) |
            {id: "\($b)-\(.)", date: "20\(20 + (. % 3))-0\(. % 9 + 1)-15",
             source: (if . % 2 == 0 then "vecher.kz" else "24.kg" end), text: $t}' "$f"
    done
}

# start_server ARGS...: `izde serve ARGS` in the background, output in
# serve.out and serve.err; sets SERVER_PID and URL once it listens
SERVER_PID=
start_server() {
    "$IZDE" serve "$@" > serve.out 2> serve.err &
    SERVER_PID=$!
    for _ in $(seq 1 50); do
        grep -q '^izde serve: http' serve.out 2>/dev/null && break
        sleep 0.1
    done
    URL=$(sed -n 's|^izde serve: \(http://[^ ]*\)/ .*|\1|p' serve.out)
}

# stop_server: SIGTERM, and wait for it to end
stop_server() {
    [ -n "$SERVER_PID" ] && kill -TERM "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    SERVER_PID=
}

finish() {
    if [ "$FAILED" -ne 0 ]; then
        echo "$TEST_NAME: $FAILED of $CHECKS checks failed" >&2
        exit 1
    fi
    echo "$TEST_NAME: all $CHECKS checks passed"
    exit 0
}

# fact_groups < FACTS-JSON: facts' groups by what every article holds (key,
# label, figures, articles; sorted), for answers whose stories differ (a
# shard set makes stories per shard); an error message passes as it is
fact_groups() {
    out=$(cat)
    if printf '%s' "$out" | jq -e . >/dev/null 2>&1; then
        printf '%s' "$out" | jq -c '[.matched, .articles, .groups_total, ([.groups[] | [.key, .label, .figures, .articles]] | sort)]'
    else
        printf '%s\n' "$out"
    fi
}
