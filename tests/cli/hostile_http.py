#!/usr/bin/env python3
"""hostile_http.py - raw-socket clients for tests/cli/T182-serve-hostile.sh.

  hostile_http.py requests PORT
      sends each malformed request of CASES on its own connection and prints
      one line per case: NAME <tab> STATUS <tab> RESPONSES <tab> closed|open
      (within 1.2 s) <tab> the JSON error (STATUS 000: no answer)
  hostile_http.py trickle PORT SECONDS
      sends a request's head one line every 0.5 s and prints how many seconds
      passed before the server closed the connection ("open" if it did not
      within SECONDS)
  hostile_http.py attack PORT IDLE SLOW SECONDS
      holds IDLE connections that send nothing and SLOW ones that send a
      header line every 10 s (each reopened when the server closes it) for
      SECONDS, while a probe asks /api/stats every 0.25 s on a new connection;
      prints "probes N answered A reopened R median M max X" (seconds)

Python's standard library only; every wait is bounded.
"""
import json
import resource
import selectors
import socket
import statistics
import sys
import time

HEAD = b"Host: t\r\n"
SMUGGLED = b"GET /api/stats HTTP/1.1\r\nHost: t\r\n\r\n"
CASES = [
    ("two Content-Length",
     b"GET /api/stats HTTP/1.1\r\n" + HEAD + b"Content-Length: 0\r\nContent-Length: %d\r\n\r\n"
     % len(SMUGGLED) + SMUGGLED),
    ("Content-Length with a space before the colon",
     b"GET /api/stats HTTP/1.1\r\n" + HEAD + b"Content-Length: 0\r\nContent-Length : %d\r\n\r\n"
     % len(SMUGGLED) + SMUGGLED),
    ("Transfer-Encoding and Content-Length",
     b"GET /api/stats HTTP/1.1\r\n" + HEAD + b"Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n"
     b"0\r\n\r\n" + SMUGGLED),
    ("a GET with a body",
     b"GET /api/stats HTTP/1.1\r\n" + HEAD + b"Content-Length: %d\r\n\r\n" % len(SMUGGLED) + SMUGGLED),
    ("a chunked GET",
     b"GET /api/stats HTTP/1.1\r\n" + HEAD + b"Transfer-Encoding: chunked\r\n\r\n%x\r\n"
     % len(SMUGGLED) + SMUGGLED + b"\r\n0\r\n\r\n"),
    ("1200 parameters",
     b"GET /api/search?" + b"&".join(b"p%d=1" % i for i in range(1200)) + b"&q=x HTTP/1.1\r\n"
     + HEAD + b"\r\n"),
    ("a path not UTF-8", b"GET /api/%ff HTTP/1.1\r\n" + HEAD + b"\r\n"),
    ("n not UTF-8", b"GET /api/search?q=x&n=%ff HTTP/1.1\r\n" + HEAD + b"\r\n"),
    ("sort cut in a character",
     b"GET /api/search?q=x&sort=" + b"%D0%B6" * 19 + b"a%D0%B6 HTTP/1.1\r\n" + HEAD + b"\r\n"),
    ("two requests in a row", (b"GET /api/stats HTTP/1.1\r\n" + HEAD + b"\r\n") * 2),
]


def exchange(port, data, wait=1.2):
    """Sends data; returns (bytes received, closed by the server within
    `wait` seconds: shorter than the test's --request-timeout)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=wait)
    s.sendall(data)
    out, closed, end = b"", False, time.time() + wait
    try:
        while time.time() < end:
            s.settimeout(max(0.05, end - time.time()))
            b = s.recv(65536)
            if not b:
                closed = True
                break
            out += b
    except socket.timeout:
        pass
    except ConnectionResetError:
        closed = True
    s.close()
    return out, closed


def describe(out):
    """STATUS, number of responses, and the first JSON error in out."""
    responses = out.count(b"HTTP/1.1 ")
    status = out[9:12].decode() if out.startswith(b"HTTP/1.") else "000"
    error = ""
    for line in out.split(b"\r\n"):
        if line.startswith(b"{"):
            try:
                error = json.JSONDecoder().raw_decode(line.decode("utf-8"))[0].get("error", "")
            except ValueError:
                error = "(not JSON)"
            break
    return status, responses, error


def requests(port):
    for name, data in CASES:
        out, closed = exchange(port, data)
        status, responses, error = describe(out)
        print("%s\t%s\t%d\t%s\t%s" % (name, status, responses, "closed" if closed else "open", error))


def trickle(port, seconds):
    s = socket.create_connection(("127.0.0.1", port), timeout=seconds)
    lines = [b"GET /api/stats HTTP/1.1\r\n"] + [b"X-Slow-%d: 1\r\n" % i for i in range(1000)]
    start = time.time()
    for line in lines:
        if time.time() - start > seconds:
            break
        try:
            s.send(line)
            s.settimeout(0.5)
            if s.recv(1024) == b"":
                print("%.1f" % (time.time() - start))
                return
        except socket.timeout:
            continue
        except OSError:
            print("%.1f" % (time.time() - start))
            return
    print("open")


def probe(port):
    """Seconds to a 200 for /api/stats on a new connection; None if not within 5 s."""
    start = time.time()
    try:
        c = socket.create_connection(("127.0.0.1", port), timeout=5)
        c.sendall(b"GET /api/stats HTTP/1.1\r\n" + HEAD + b"Connection: close\r\n\r\n")
        data = b""
        while time.time() - start < 5:
            c.settimeout(max(0.05, 5 - (time.time() - start)))
            b = c.recv(65536)
            if not b:
                break
            data += b
        c.close()
        return time.time() - start if data.startswith(b"HTTP/1.1 200") else None
    except OSError:
        return None


def attack(port, n_idle, n_slow, seconds):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    sel = selectors.DefaultSelector()
    reopened = [0]

    def open_one(kind):
        s = socket.socket()
        s.setblocking(False)
        if s.connect_ex(("127.0.0.1", port)) not in (0, 115):  # 115: EINPROGRESS
            s.close()
            return
        sel.register(s, selectors.EVENT_READ, [kind, time.time(), 0])

    for kind, n in (("idle", n_idle), ("slow", n_slow)):
        for _ in range(n):
            open_one(kind)
    latencies, end, next_probe = [], time.time() + seconds, time.time() + 1
    while time.time() < end:
        for key, _ in sel.select(timeout=0.05):
            try:
                b = key.fileobj.recv(4096)
            except OSError:
                b = b""
            if not b:
                sel.unregister(key.fileobj)
                key.fileobj.close()
                reopened[0] += 1
                open_one(key.data[0])
        now = time.time()
        for key in list(sel.get_map().values()):
            kind, opened, sent = key.data
            if kind == "slow" and now - opened >= 10 * sent:
                try:
                    key.fileobj.send(b"GET /api/stats HTTP/1.1\r\n" if sent == 0 else b"X-a: b\r\n")
                except OSError:
                    pass
                key.data[2] += 1
        if now >= next_probe:
            latencies.append(probe(port))
            next_probe = time.time() + 0.25
    answered = [x for x in latencies if x is not None]
    print("probes %d answered %d reopened %d median %.3f max %.3f" % (
        len(latencies), len(answered), reopened[0],
        statistics.median(answered) if answered else -1, max(answered) if answered else -1))


if __name__ == "__main__":
    what, port = sys.argv[1], int(sys.argv[2])
    if what == "requests":
        requests(port)
    elif what == "trickle":
        trickle(port, float(sys.argv[3]))
    else:
        attack(port, int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]))
