#!/bin/sh
# deps.sh - install the Debian packages izde needs, only those missing.
#   tools/deps.sh          build, run and package: compiler, CMake, file (for cpack -G DEB),
#                          Xapian, ICU, libstemmer, jansson, libcsv, libmicrohttpd
#   tools/deps.sh --test   also what the tests need (cmocka, mandoc, jq, xz-utils, xmllint,
#                          rsvg-convert, clang with libFuzzer, xapian-tcpsrv, pkill,
#                          curl, chromium and wrk for izde serve, python3 for raw
#                          HTTP requests and damaged tables, strace to stop a run
#                          at each rename)
#   tools/deps.sh --bench  also what the benchmarks compare against (omindex; for
#                          bench-engines.sh Sphinx, PostgreSQL, python3 and its clients)
# Runs apt-get as root, or through sudo; never asks questions.
set -eu

pkgs="build-essential cmake pkg-config file libxapian-dev libstemmer-dev libicu-dev libjansson-dev libcsv-dev libmicrohttpd-dev libxml2-dev zlib1g-dev"
for arg in "$@"; do
    case "$arg" in
        --test) pkgs="$pkgs libcmocka-dev mandoc jq xz-utils libxml2-utils librsvg2-bin clang libclang-rt-14-dev xapian-tools procps curl chromium wrk python3 strace wget" ;;
        --bench) pkgs="$pkgs libcmocka-dev jq xz-utils libxml2-utils librsvg2-bin xapian-omega xapian-tools time python3 python3-xapian sphinxsearch python3-pymysql postgresql python3-psycopg2" ;;
        *) echo "deps.sh: unknown option '$arg' (use --test or --bench)" >&2; exit 2 ;;
    esac
done

missing=""
for p in $pkgs; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "deps.sh: need root to install:$missing (run as root, or install sudo)" >&2
    exit 1
fi
echo "deps.sh: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >&2
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing >&2
