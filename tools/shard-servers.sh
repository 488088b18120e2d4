#!/bin/sh
# shard-servers.sh - serve the shards of an izde index over TCP with
# Xapian's own server, xapian-tcpsrv (Debian package xapian-tools), one
# server per shard, and write the shard list that searches use.
#
#   tools/shard-servers.sh start SHARDS [--host ADDR] [--port BASE] [--run DIR]
#                                       [--timeout MS]
#   tools/shard-servers.sh stop   [SHARDS] [--run DIR]
#   tools/shard-servers.sh status [SHARDS] [--run DIR]
#
# SHARDS is a folder built by `izde index --shards N` (or its izde.shards
# list, or any list of index folders).  `start` serves the K-th folder of
# the list on port BASE+K-1 of ADDR (default 127.0.0.1, port 7100), waits
# until every server answers, and writes RUN/izde.shards listing
# tcp://ADDR:PORT for each, which `izde search --db RUN` searches.  RUN
# defaults to SHARDS/servers.  The servers run in the background (their
# pids in RUN/pids, their output in RUN/server-K.log) until `stop`.
# --timeout sets xapian-tcpsrv's idle and active timeouts (default 60000
# and 15000 ms).  To serve a single shard on its own machine, run
# `xapian-tcpsrv --port P --interface ADDR DIR/shard-K` there instead.
#
# Exit status: 0; 1 when a server did not start (the others are stopped);
# 2 on usage errors.
set -eu

usage() {
    sed -n '6,11p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

die() {
    echo "shard-servers: $*" >&2
    exit "${2:-1}"
}

[ $# -ge 1 ] || usage
cmd=$1
shift
shards=
host=127.0.0.1
port=7100
run=
timeout=
while [ $# -gt 0 ]; do
    case $1 in
    --host) [ $# -ge 2 ] || usage; host=$2; shift 2 ;;
    --port) [ $# -ge 2 ] || usage; port=$2; shift 2 ;;
    --run) [ $# -ge 2 ] || usage; run=$2; shift 2 ;;
    --timeout) [ $# -ge 2 ] || usage; timeout=$2; shift 2 ;;
    -h|--help) usage ;;
    -*) echo "shard-servers: unknown option '$1'" >&2; usage ;;
    *) [ -z "$shards" ] || usage; shards=$1; shift ;;
    esac
done
case $port in ''|*[!0-9]*) die "--port takes a number, not '$port'" 2 ;; esac

# The list file of SHARDS, and the folder its relative entries are in.
list=
if [ -n "$shards" ]; then
    if [ -d "$shards" ]; then
        list=$shards/izde.shards
    else
        list=$shards
    fi
    [ -f "$list" ] || die "no shard list at '$list': build the shards with 'izde index --shards N --db DIR PATH...'" 2
    [ -n "$run" ] || run=$(dirname "$list")/servers
fi
[ -n "$run" ] || die "say which shards (SHARDS) or which servers (--run DIR)" 2

# Does something accept connections on $1:$2?
answers() {
    timeout 1 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

stop_all() {
    [ -f "$run/pids" ] || return 0
    while read -r pid; do
        kill "$pid" 2>/dev/null || true
    done <"$run/pids"
    # wait until they are gone (a stopped one is woken to die)
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        alive=0
        while read -r pid; do
            if kill -0 "$pid" 2>/dev/null; then
                alive=1
                kill -CONT "$pid" 2>/dev/null || true
            fi
        done <"$run/pids"
        [ $alive = 1 ] || break
        sleep 0.2
    done
    rm -f "$run/pids"
}

case $cmd in
start)
    [ -n "$list" ] || usage
    command -v xapian-tcpsrv >/dev/null ||
        die "xapian-tcpsrv is missing: install xapian-tools (tools/deps.sh --test)"
    command -v bash >/dev/null || die "bash is missing"
    mkdir -p "$run"
    [ ! -f "$run/pids" ] || die "servers from '$run' are running: stop them first (tools/shard-servers.sh stop --run $run)"
    base=$(cd "$(dirname "$list")" && pwd)
    : >"$run/pids"
    : >"$run/izde.shards.tmp"
    echo "# tcp shard list written by tools/shard-servers.sh start $shards" >>"$run/izde.shards.tmp"
    grep -v '^[[:space:]]*\(#\|$\)' "$list" >"$run/listed" || true
    k=0
    while read -r entry; do
        k=$((k + 1))
        case $entry in
        tcp://*) stop_all; die "'$list' lists $entry, which is served already" ;;
        /*) dir=$entry ;;
        *) dir=$base/$entry ;;
        esac
        [ -f "$dir/iamglass" ] || { stop_all; die "'$dir' is not an index (listed in '$list')"; }
        p=$((port + k - 1))
        if answers "$host" "$p"; then
            stop_all
            die "port $p on $host is in use: choose other ports with --port"
        fi
        # setsid: the servers outlive this shell and its terminal
        setsid xapian-tcpsrv --port "$p" --interface "$host" ${timeout:+--timeout "$timeout"} \
            "$dir" >"$run/server-$k.log" 2>&1 </dev/null &
        echo $! >>"$run/pids"
        echo "tcp://$host:$p" >>"$run/izde.shards.tmp"
    done <"$run/listed"
    rm -f "$run/listed"
    [ -s "$run/pids" ] || die "'$list' lists no shard"
    # every server answers, or none is left running
    k=0
    while read -r pid; do
        k=$((k + 1))
        p=$((port + k - 1))
        tries=0
        until answers "$host" "$p"; do
            tries=$((tries + 1))
            if ! kill -0 "$pid" 2>/dev/null || [ $tries -ge 50 ]; then
                msg=$(tail -n 3 "$run/server-$k.log" 2>/dev/null | tr '\n' ' ')
                stop_all
                die "the server of shard $k (port $p) did not start: $msg"
            fi
            sleep 0.1
        done
    done <"$run/pids"
    mv "$run/izde.shards.tmp" "$run/izde.shards"
    n=$(wc -l <"$run/pids")
    echo "serving $n shard(s) on $host, ports $port-$((port + n - 1)); search them with: izde search --db $run QUERY"
    ;;
stop)
    [ -f "$run/pids" ] || die "no servers running from '$run'"
    stop_all
    echo "stopped the shard servers of '$run'"
    ;;
status)
    [ -f "$run/pids" ] || { echo "no servers running from '$run'"; exit 0; }
    k=0
    while read -r pid; do
        k=$((k + 1))
        state=down
        if kill -0 "$pid" 2>/dev/null; then state="running (pid $pid)"; fi
        echo "shard $k: $(sed -n "$((k + 1))p" "$run/izde.shards" 2>/dev/null) $state"
    done <"$run/pids"
    ;;
*)
    usage
    ;;
esac
