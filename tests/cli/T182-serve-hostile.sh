#!/bin/sh
# T182-serve-hostile: `izde serve` against requests made to hurt it, sent
# raw (tests/cli/hostile_http.py).  A head that could be read two ways
# (two Content-Length, "Content-Length :", Transfer-Encoding with
# Content-Length) is a 400 and the connection is closed, so its body is
# never answered as a second request; a body on GET a 413, closed; 1,200
# parameters a 414; bytes that are not UTF-8 in the path or a parameter a
# 400 naming it.  A request's head trickled in a line at a time, or a
# connection that sends nothing, is closed at --request-timeout.  With
# 2,000 silent connections, or 600 slowloris ones, held open (and reopened)
# from the same address, a probe request is still answered within 2 s.
# SIGHUP is a clean stop.  Bounded: about 40 s.
. "$(dirname "$0")/test-lib.sh"

HOSTILE="python3 $IZDE_SRC/tests/cli/hostile_http.py"
ulimit -n "$(ulimit -Hn)" 2>/dev/null
"$IZDE" index --db db "$CORPUS" >/dev/null 2>&1

trap 'stop_server' EXIT
start_server --db db --listen 127.0.0.1:0 --request-timeout 2
port=${URL##*:}

# case NAME STATUS RESPONSES CONNECTION ERROR: one line of `requests`
$HOSTILE requests "$port" > requests.txt
case_is() {
    check_eq "$1" "$(printf '%s\t%s\t%s\t%s\t%s' "$@")" "$(grep "^$1	" requests.txt)"
}
case_is "two Content-Length" 400 1 closed "more than one Content-Length header"
case_is "Content-Length with a space before the colon" 400 1 closed \
    "a header name holds a character other than letters, digits and !#\$%&'*+-.^_\`|~ (whitespace before the colon?)"
case_is "Transfer-Encoding and Content-Length" 400 1 closed "Transfer-Encoding and Content-Length together"
case_is "a GET with a body" 413 1 closed "a GET request carries no body"
case_is "a chunked GET" 413 1 closed "a GET request carries no body"
case_is "1200 parameters" 414 1 closed "more than 100 query parameters; the endpoints take at most 4"
case_is "a path not UTF-8" 400 1 open "the path '/api/�' is not valid UTF-8"
case_is "n not UTF-8" 400 1 open "n is not valid UTF-8"
case_is "sort cut in a character" 400 1 open \
    "sort takes relevance, date or -date, not 'жжжжжжжжжжжжжжжжжжжa�'"
case_is "two requests in a row" 200 2 open ""

# the deadline for a whole request: bytes trickling in do not extend it
t=$($HOSTILE trickle "$port" 6)
check_eq "a head trickled in is closed at --request-timeout 2 (closed after: $t s)" yes \
    "$(awk -v t="$t" 'BEGIN { print (t != "open" && t >= 1.5 && t <= 3.5) ? "yes" : "no" }')"
t=$(python3 -c "
import socket, time
s = socket.create_connection(('127.0.0.1', $port), timeout=6); start = time.time()
try: print('%.1f' % (time.time() - start) if s.recv(1) == b'' else 'data')
except socket.timeout: print('open')")
check_eq "a silent connection is closed at --request-timeout 2 (closed after: $t s)" yes \
    "$(awk -v t="$t" 'BEGIN { print (t != "open" && t >= 1.5 && t <= 3.5) ? "yes" : "no" }')"
kill -HUP "$SERVER_PID"
wait "$SERVER_PID"
check_eq "SIGHUP: a clean stop, exit 0" "0 izde serve: stopped (SIGHUP)" "$? $(tail -n 1 serve.err)"
SERVER_PID=

# reachable under attack: the default deadline (10 s) is longer than the
# attack, so making room by closing idle connections is what answers
start_server --db db --listen 127.0.0.1:0 --quiet
port=${URL##*:}
reachable() { # WHAT IDLE SLOW
    r=$($HOSTILE attack "$port" "$2" "$3" 8)
    echo "T182-serve-hostile: $1: $r"
    set -- "$1" $r
    check_eq "$1: every probe answered ($3 of them)" "$3" "$5"
    check_eq "$1: the slowest probe under 2 s (${11} s)" yes \
        "$(awk -v m="${11}" 'BEGIN { print (m >= 0 && m < 2) ? "yes" : "no" }')"
}
reachable "2000 silent connections" 2000 0
reachable "600 slowloris connections" 0 600
stop_server
check_eq "a clean stop after the attacks" "izde serve: stopped (SIGTERM)" "$(tail -n 1 serve.err)"
trap - EXIT
finish
