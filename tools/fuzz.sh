#!/bin/sh
# fuzz.sh - build the libFuzzer targets (tests/fuzz) with clang, ASan and
# UBSan in build-fuzz/ and run them.
#   tools/fuzz.sh [SECONDS] [TARGET...]
# SECONDS per target (default 60); TARGETs among analyzer stem_ky figures
# translit query jsonl serve (default: all).  Each runs on its seed corpus
# tests/fuzz/corpus/<name>/ plus build-fuzz/tests/fuzz/corpus/<name>/
# (new inputs); crash inputs go to build-fuzz/crashes/<name>/.  Exits 1
# if any target crashed.  Needs clang-14 and libclang-rt-14-dev.
set -eu
cd "$(dirname "$0")/.."

secs=60
case "${1:-}" in
    ''|*[!0-9]*) ;;
    *) secs=$1; shift ;;
esac
all="analyzer stem_ky figures translit query jsonl serve html webfiles"
targets=${*:-$all}
for t in $targets; do
    case " $all " in
        *" $t "*) ;;
        *) echo "fuzz.sh: unknown target '$t' (one of: $all)" >&2; exit 2 ;;
    esac
done

B=build-fuzz
CC=${CC:-clang} CXX=${CXX:-clang++} cmake -S . -B "$B" -DIZDE_FUZZ=ON >/dev/null
bins=""
for t in $targets; do bins="$bins fuzz_$t"; done
# shellcheck disable=SC2086
cmake --build "$B" -j"$(nproc 2>/dev/null || echo 2)" --target $bins

UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export UBSAN_OPTIONS
failed=""
for t in $targets; do
    art="$B/crashes/$t/"
    work="$B/tests/fuzz/corpus/$t"
    mkdir -p "$art" "$work"
    log="$B/crashes/$t.log"
    echo "fuzz.sh: $t for ${secs}s (log $log)" >&2
    if "$B/tests/fuzz/fuzz_$t" -max_total_time="$secs" -max_len=4096 -timeout=25 \
        -rss_limit_mb=4096 -artifact_prefix="$art" "$work" "tests/fuzz/corpus/$t" >"$log" 2>&1; then
        tail -n 1 "$log" >&2
    else
        failed="$failed $t"
        echo "fuzz.sh: $t FAILED:" >&2
        grep -E 'ERROR|runtime error|SUMMARY|Test unit written' "$log" | head -n 10 >&2 || true
    fi
done
if [ -n "$failed" ]; then
    echo "fuzz.sh: crashes in:$failed (inputs in $B/crashes/)" >&2
    exit 1
fi
echo "fuzz.sh: no crashes in: $targets" >&2
