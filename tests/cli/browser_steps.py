#!/usr/bin/env python3
"""browser_steps.py - drive headless Chromium through the DevTools protocol
over a pipe (--remote-debugging-pipe, no extra module needed): open URL,
then evaluate each line of standard input as a JavaScript expression in
the page (awaiting a promise) and print its value as one JSON line; a line
"click SELECTOR" clicks the middle of that element with the mouse.  An
expression that throws prints {"error": MESSAGE}.  Used by the browser
tests to click on the page and read what changed.

usage: browser_steps.py CHROMIUM PROFILE_DIR URL < steps.js
"""
import json
import os
import subprocess
import sys
import time


def to_fds(read_end, write_end):
    """In the child: the pipe ends as fds 3 and 4 (kept open by pass_fds)."""
    r, w = os.dup(read_end), os.dup(write_end)
    os.dup2(r, 3)
    os.dup2(w, 4)


class Pipe:
    def __init__(self, chromium, profile):
        to_r, self.to_w = os.pipe()
        self.from_r, from_w = os.pipe()
        os.set_inheritable(to_r, True)
        os.set_inheritable(from_w, True)
        # Chromium reads commands on fd 3 and writes replies on fd 4
        self.proc = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--user-data-dir=" + profile,
             "--window-size=1366,1000", "--remote-debugging-pipe", "about:blank"],
            pass_fds=(3, 4), stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=lambda: to_fds(to_r, from_w))
        os.close(to_r)
        os.close(from_w)
        self.buf = b""
        self.next_id = 0

    def call(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_w, json.dumps(msg).encode() + b"\0")
        while True:
            while b"\0" not in self.buf:
                chunk = os.read(self.from_r, 65536)
                if not chunk:
                    raise RuntimeError("chromium closed the pipe")
                self.buf += chunk
            line, self.buf = self.buf.split(b"\0", 1)
            reply = json.loads(line)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(reply["error"].get("message", "error"))
                return reply["result"]

    def close(self):
        self.proc.kill()
        self.proc.wait()


def click(pipe, session, selector):
    """A mouse click, as a user makes it, at the middle of the element
    `selector` (scrolled into view): true, or {"error"} without one."""
    where = ("(() => { const e = document.querySelector(%s); if (!e) return null;"
             " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
             " return [r.left + r.width / 2, r.top + r.height / 2]; })()") % json.dumps(selector)
    r = pipe.call("Runtime.evaluate", {"expression": where, "returnByValue": True}, session)
    xy = r["result"].get("value")
    if not xy:
        return {"error": "no element " + selector}
    for kind in ("mousePressed", "mouseReleased"):
        pipe.call("Input.dispatchMouseEvent", {"type": kind, "x": xy[0], "y": xy[1],
                                               "button": "left", "clickCount": 1}, session)
    return True


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[-1])
    chromium, profile, url = sys.argv[1:]
    pipe = Pipe(chromium, profile)
    try:
        target = pipe.call("Target.createTarget", {"url": url})["targetId"]
        session = pipe.call("Target.attachToTarget",
                            {"targetId": target, "flatten": True})["sessionId"]
        # until the page (not the blank one before it) has loaded
        for _ in range(400):
            try:
                if pipe.call("Runtime.evaluate", {
                        "expression": "document.readyState === 'complete' && location.href !== 'about:blank'",
                        "returnByValue": True}, session)["result"].get("value"):
                    break
            except RuntimeError:
                pass  # the context went away while navigating
            time.sleep(0.05)
        for expr in sys.stdin:
            expr = expr.strip()
            if not expr or expr.startswith("//"):
                continue
            if expr.startswith("click "):
                print(json.dumps(click(pipe, session, expr[6:].strip()), ensure_ascii=False),
                      flush=True)
                continue
            r = pipe.call("Runtime.evaluate", {"expression": expr, "awaitPromise": True,
                                               "returnByValue": True, "timeout": 20000},
                          session)
            if "exceptionDetails" in r:
                d = r["exceptionDetails"]
                msg = d.get("exception", {}).get("description") or d.get("text")
                print(json.dumps({"error": msg}, ensure_ascii=False), flush=True)
            else:
                print(json.dumps(r["result"].get("value"), ensure_ascii=False), flush=True)
    finally:
        pipe.close()


if __name__ == "__main__":
    main()
