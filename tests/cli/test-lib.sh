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

finish() {
    if [ "$FAILED" -ne 0 ]; then
        echo "$TEST_NAME: $FAILED of $CHECKS checks failed" >&2
        exit 1
    fi
    echo "$TEST_NAME: all $CHECKS checks passed"
    exit 0
}
