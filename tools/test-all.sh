#!/bin/sh
# test-all.sh - README command 2 and CI: install what the tests need, build,
# run every test with ctest, then the same suite under AddressSanitizer and
# UndefinedBehaviorSanitizer, then each libFuzzer target for a short run.
set -eu
cd "$(dirname "$0")/.."
tools/deps.sh --test
cmake -S . -B build && cmake --build build -j2
ctest --test-dir build -j2 --output-on-failure
cmake -S . -B build-asan -DIZDE_ASAN=ON && cmake --build build-asan -j2
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ctest --test-dir build-asan -j2 --output-on-failure
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DIZDE_FUZZ=ON
cmake --build build-fuzz -j2 --target fuzz_analyzer fuzz_stem_ky fuzz_figures fuzz_translit fuzz_query fuzz_jsonl fuzz_serve fuzz_html fuzz_webfiles
ctest --test-dir build-fuzz -R '^fuzz\.' -j6 --output-on-failure
