#!/usr/bin/python3
# bench_engines.py - the engine side of tools/bench-engines.sh: indexes the
# same Russian news articles with izde and four peers (Sphinx 2.2, SQLite
# FTS5, PostgreSQL 15 full-text search, Xapian omindex), runs the same
# queries on each, and prints one markdown table (and WORK/results.json).
#
#   tools/bench-engines.sh [IZDE-BINARY] [--scale 1,4] [--queries 300]
#                          [--engines izde,sphinx,sqlite,postgres,xapian] [--keep]
#
# Run it through bench-engines.sh, which finds the data, builds the query
# list exactly as tools/bench-search.sh does and calls
#   /usr/bin/python3 tools/bench_engines.py --izde BIN --data DIR --work WORK
#       --queries-file WORK/queries.txt [--scale 1,4] [--engines ...] [--keep]
# It must be Debian's /usr/bin/python3: the peers' client modules
# (python3-pymysql, python3-psycopg2, python3-xapian) are Debian packages.
#
# Per engine and scale: the indexing command runs under /usr/bin/time
# (wall, user+sys CPU, peak RSS); its input is written beforehand and not
# counted.  Then, after one warm-up pass over the queries, each query is
# timed in process: for the peers a monotonic clock around the client call,
# fetching the 10 ids included; for izde the `took_ms` that
# `izde search --batch` reports (the client-side round trip goes to the
# JSON only).  Once without snippets and once with snippets of the 10 hits.
# Every query requires all its words (AND) in every engine.
#
# Also its own helpers, run under /usr/bin/time by the main process:
#   bench_engines.py load-sqlite DB INPUT        (FTS5 load + optimize)
#   bench_engines.py load-postgres PORT INPUT STATS   (COPY + GIN index)
import argparse
import glob
import json
import lzma
import marshal
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

ENGINES = ["izde", "izde-onefile", "sphinx", "sqlite", "postgres", "xapian"]
# engine -> (Debian package, what it needs from it)
PACKAGES = {
    "sphinx": [("sphinxsearch", "indexer and searchd"), ("python3-pymysql", "the SphinxQL client")],
    "sqlite": [],
    "postgres": [("postgresql", "initdb, pg_ctl and postgres 15"),
                 ("python3-psycopg2", "the PostgreSQL client")],
    "xapian": [("xapian-omega", "omindex"), ("python3-xapian", "the Xapian client")],
    "izde": [],
    "izde-onefile": [],
}
PG_BIN = "/usr/lib/postgresql/15/bin"
GNU_TIME = "/usr/bin/time"
# Sphinx: Latin and Cyrillic letters and digits, lower-cased, ё folded to е
SPHINX_CHARSET = ("0..9, A..Z->a..z, _, a..z, U+410..U+42F->U+430..U+44F, U+430..U+44F, "
                  "U+401->U+435, U+451->U+435")
SPHINX_MEM_LIMIT = "256M"        # indexer mem_limit (default 128M)
PG_MAINTENANCE_WORK_MEM = "256MB"  # for the GIN build (default 64MB)
FTS5_SNIPPET_TOKENS = 32
MIB = 1024 * 1024


def log(msg):
    print("bench-engines: " + msg, file=sys.stderr, flush=True)


def now_ms():
    return time.monotonic_ns() / 1e6


# ---------------------------------------------------------------- the data

def norm(s):
    """The query normalisation of tools/bench-search.sh."""
    s = re.sub(r'["()]|«|»', " ", s)
    s = re.sub(r"[ \t]+", " ", s)
    if s.startswith(" "):
        s = s[1:]
    if s.endswith(" "):
        s = s[:-1]
    return s


class Article:
    __slots__ = ("file", "url", "title", "content", "tags")

    def __init__(self, file, rec):
        self.file = file
        self.url = rec.get("url") or ""
        self.title = rec.get("title") or ""
        self.content = rec.get("content") or ""
        self.tags = {norm(k) for k in rec.get("keywords") or [] if isinstance(k, str)}


def load_articles(data):
    arts = []
    for path in sorted(glob.glob(os.path.join(data, "*.jsonl.xz"))):
        name = os.path.basename(path)[: -len(".jsonl.xz")]
        with lzma.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    arts.append(Article(name, json.loads(line)))
    return arts


class Corpus:
    """The articles at one scale: doc n (1-based) is copy k of article i."""

    def __init__(self, arts, scale):
        self.arts = arts
        self.scale = scale
        self.n = len(arts) * scale
        self.bytes = scale * sum(len(a.title.encode()) + len(a.content.encode()) for a in arts)

    def docs(self):  # (n, k, article)
        n = 0
        for k in range(1, self.scale + 1):
            for a in self.arts:
                n += 1
                yield n, k, a

    def art(self, n):
        return self.arts[(n - 1) % len(self.arts)]


# ---------------------------------------------------------------- helpers

def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def du(path):
    """Bytes on disk (du -s -B1)."""
    out = subprocess.run(["du", "-s", "-B1", path], check=True, capture_output=True, text=True).stdout
    return int(out.split()[0])


def rmrf(path):
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
    elif os.path.lexists(path):
        os.unlink(path)


def tree_rss(pid):
    """The resident bytes of pid and all its descendants, now."""
    total, todo = 0, [pid]
    while todo:
        q = todo.pop()
        total += proc_status(q, "VmRSS") or 0
        todo.extend(proc_children(q))
    return total


def timed(cmd, out, ok=(0,), tree=False, **kw):
    """Runs cmd under /usr/bin/time; returns wall s, CPU s, peak RSS bytes
    (of the largest process); with tree, also the peak of the RSS of the
    whole process tree summed, sampled every 0.2 s (tree_peak_rss_bytes)."""
    tf = out + ".time"
    # its own process group, so that a stop mid-way ends the indexer too
    p = subprocess.Popen([GNU_TIME, "-f", "%e %U %S %M", "-o", tf] + cmd, start_new_session=True, **kw)
    peak = 0
    try:
        while tree and p.poll() is None:
            peak = max(peak, tree_rss(p.pid))
            time.sleep(0.2)
        p.wait()
    except BaseException:
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()
        rmrf(tf)
        raise
    if p.returncode not in ok:
        raise RuntimeError("%s exited %d" % (" ".join(cmd[:2]), p.returncode))
    with open(tf) as f:
        e, u, s, m = f.read().split()[-4:]
    os.unlink(tf)
    r = {"wall_s": float(e), "cpu_s": float(u) + float(s), "peak_rss_bytes": int(m) * 1024}
    if tree:
        r["tree_peak_rss_bytes"] = peak
    return r


def pct(vals, p):
    """Nearest-rank percentile."""
    if not vals:
        return None
    v = sorted(vals)
    k = max(0, min(len(v) - 1, -(-p * len(v) // 100) - 1))
    return v[int(k)]


def pkg_version(pkg):
    p = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True, text=True)
    return p.stdout.strip() if p.returncode == 0 and p.stdout.strip() else None


def pkg_installed(pkg):
    p = subprocess.run(["dpkg-query", "-W", "-f=${Status}", pkg], capture_output=True, text=True)
    return "install ok installed" in p.stdout


def proc_cpu_ticks(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime
    except (OSError, IndexError, ValueError):
        return 0


def proc_children(pid):
    kids = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open("/proc/%s/stat" % d) as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        kids.append(int(d))
            except (OSError, IndexError, ValueError):
                pass
    return kids


def proc_status(pid, key):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return None


# ---------------------------------------------------------------- engines
# Each engine: prepare(corpus) writes its input (not timed); index(corpus)
# builds the index, returns the /usr/bin/time numbers + size; start() and
# stop() open and close what answers queries; search(q, snippets) returns
# the doc numbers of the top 10 (snippets made for them when asked).

class Engine:
    name = "?"
    label = "?"

    def __init__(self, work, scale):
        self.work = work
        self.scale = scale
        self.dir = os.path.join(work, "%s-x%d" % (self.name, scale))

    def prepare(self, corpus):
        pass

    def start(self, corpus):
        pass

    def stop(self):
        pass

    def cleanup(self):
        rmrf(self.dir)

    def version(self):
        return None


class Izde(Engine):
    name = "izde"
    label = "izde"

    def __init__(self, work, scale, binary):
        super().__init__(work, scale)
        self.bin = binary
        self.input = os.path.join(work, "jsonl-x%d" % scale)
        self.db = os.path.join(work, "izde-db-x%d" % scale)
        self.procs = {}

    def prepare(self, corpus):
        rmrf(self.input)
        files = {}
        self.ids = {}
        for n, k, a in corpus.docs():
            rec = {"url": a.url, "title": a.title, "content": a.content}
            if k > 1:
                rec["id"] = "%s#copy%d" % (a.url, k)
            self.ids[rec.get("id", a.url)] = n
            key = (k, a.file)
            if key not in files:
                d = os.path.join(self.input, "c%d" % k)
                os.makedirs(d, exist_ok=True)
                files[key] = open(os.path.join(d, a.file + ".jsonl"), "w", encoding="utf-8")
            files[key].write(json.dumps(rec, ensure_ascii=False) + "\n")
        for f in files.values():
            f.close()

    def jobs_args(self):
        return []

    def index(self, corpus):
        rmrf(self.db)
        # exit 1: some input was skipped (as in bench-search.sh); still an index
        t = timed([self.bin, "index"] + self.jobs_args() + ["--db", self.db, self.input], self.db,
                  ok=(0, 1), tree=True,
                  stdout=subprocess.DEVNULL)
        t["size_bytes"] = du(self.db)
        return t

    def add_more(self, corpus, n=1000):
        """n articles of the corpus again under new ids, indexed into the
        built index by one more run: its time and the index's growth."""
        path = os.path.join(self.work, "add-x%d.jsonl" % self.scale)
        with open(path, "w", encoding="utf-8") as f:
            for i, (_, _, a) in enumerate(corpus.docs()):
                if i >= n:
                    break
                f.write(json.dumps({"id": "%s#added" % a.url, "url": a.url, "title": a.title,
                                    "content": a.content}, ensure_ascii=False) + "\n")
        before = du(self.db)
        t = timed([self.bin, "index", "--db", self.db, path], self.db, ok=(0, 1), tree=True,
                  stdout=subprocess.DEVNULL)
        os.unlink(path)
        t["articles"] = n
        t["size_before_bytes"] = before
        t["size_after_bytes"] = du(self.db)
        return t

    def has_batch(self):
        p = subprocess.run([self.bin, "search", "--help"], capture_output=True, text=True)
        return "--batch" in (p.stdout + p.stderr)

    def start(self, corpus):
        self.corpus = corpus
        self.rtt = {False: [], True: []}

    def _proc(self, snippets):
        p = self.procs.get(snippets)
        if p is None:
            cmd = [self.bin, "search", "--batch", "--db", self.db, "-n", "10"]
            if not snippets:
                cmd.append("--no-snippets")
            p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, text=True, encoding="utf-8", bufsize=1)
            self.procs[snippets] = p
        return p

    def search(self, q, snippets):
        p = self._proc(snippets)
        t0 = now_ms()
        p.stdin.write(q + "\n")
        p.stdin.flush()
        line = p.stdout.readline()
        self.last_rtt = now_ms() - t0
        if not line:
            raise RuntimeError("izde search --batch exited %s" % p.poll())
        r = json.loads(line)
        if "error" in r:
            self.last_took = self.last_rtt
            raise QueryError(r["error"])
        self.last_took = float(r["took_ms"])
        return [self.ids.get(h.get("id") or h.get("url"), 0) for h in r["hits"]]

    def stop(self):
        for p in self.procs.values():
            try:
                p.stdin.close()
                p.wait(timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                p.kill()
        self.procs = {}

    def cleanup(self):
        rmrf(self.db)
        rmrf(self.input)

    def version(self):
        # the binary's own word and its date (the work tree may have moved on)
        p = subprocess.run([self.bin, "--version"], capture_output=True, text=True)
        built = time.strftime("%Y-%m-%d %H:%M", time.localtime(os.stat(self.bin).st_mtime))
        top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        g = subprocess.run(["git", "-C", top, "describe", "--always", "--dirty"],
                           capture_output=True, text=True)
        return "%s, binary of %s (tree at %s)" % (p.stdout.strip() or "izde ?", built,
                                                  g.stdout.strip() or "?")



class IzdeOneFile(Izde):
    """izde given the whole corpus as one JSON Lines file, the usual export
    of a scraper or a database (the split input is one file per source
    file of the set)."""
    name = "izde-onefile"
    label = "izde, one JSONL file"

    def __init__(self, work, scale, binary):
        super().__init__(work, scale, binary)
        self.input = os.path.join(work, "jsonl1-x%d" % scale)
        self.db = os.path.join(work, "izde1-db-x%d" % scale)

    def prepare(self, corpus):
        rmrf(self.input)
        os.makedirs(self.input)
        self.ids = {}
        with open(os.path.join(self.input, "all.jsonl"), "w", encoding="utf-8") as f:
            for n, k, a in corpus.docs():
                rec = {"url": a.url, "title": a.title, "content": a.content}
                if k > 1:
                    rec["id"] = "%s#copy%d" % (a.url, k)
                self.ids[rec.get("id", a.url)] = n
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")

class QueryError(Exception):
    pass


class Sphinx(Engine):
    name = "sphinx"
    label = "Sphinx 2.2 (stem_ru)"

    def prepare(self, corpus):
        rmrf(self.dir)
        os.makedirs(self.dir)
        self.tsv = os.path.join(self.work, "sphinx-x%d.tsv" % self.scale)
        clean = str.maketrans({"\t": " ", "\n": " ", "\r": " "})
        with open(self.tsv, "w", encoding="utf-8") as f:
            for n, _, a in corpus.docs():
                f.write("%d\t%s\t%s\n" % (n, a.title.translate(clean), a.content.translate(clean)))
        self.port = free_port()
        self.conf = os.path.join(self.dir, "sphinx.conf")
        self.pidfile = os.path.join(self.dir, "searchd.pid")
        with open(self.conf, "w") as f:
            f.write("""source src
{
    type = tsvpipe
    tsvpipe_command = cat %(tsv)s
    tsvpipe_field = title
    tsvpipe_field = content
}
index idx
{
    source = src
    path = %(dir)s/index/idx
    morphology = stem_ru
    charset_table = %(charset)s
    min_word_len = 1
}
indexer
{
    mem_limit = %(mem)s
}
searchd
{
    listen = 127.0.0.1:%(port)d:mysql41
    log = %(dir)s/searchd.log
    query_log = %(dir)s/query.log
    pid_file = %(pid)s
    binlog_path =
    workers = threads
    max_packet_size = 64M
}
""" % {"tsv": self.tsv, "dir": self.dir, "charset": SPHINX_CHARSET, "mem": SPHINX_MEM_LIMIT,
       "port": self.port, "pid": self.pidfile})
        os.makedirs(os.path.join(self.dir, "index"))

    def index(self, corpus):
        t = timed(["indexer", "--config", self.conf, "--quiet", "idx"], self.dir,
                  stdout=subprocess.DEVNULL)
        t["size_bytes"] = du(os.path.join(self.dir, "index"))
        return t

    def start(self, corpus):
        import pymysql
        self.corpus = corpus
        subprocess.run(["searchd", "--config", self.conf], check=True, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while True:
            try:
                self.conn = pymysql.connect(host="127.0.0.1", port=self.port, user="", charset="utf8",
                                            autocommit=True)
                break
            except pymysql.err.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        self.cur = self.conn.cursor()

    # the characters of Sphinx's extended query syntax, escaped
    SPECIAL = re.compile(r'([\\()|\-!@~"&/^$=<])')

    def search(self, q, snippets):
        import pymysql
        try:
            self.cur.execute("SELECT id FROM idx WHERE MATCH(%s) LIMIT 10",
                             (self.SPECIAL.sub(r"\\\1", q),))
            ids = [int(r[0]) for r in self.cur.fetchall()]
            if snippets and ids:
                texts = [self.corpus.art(n).content for n in ids]
                self.cur.execute("CALL SNIPPETS((%s), 'idx', %%s)" % ", ".join(["%s"] * len(ids)),
                                 texts + [q])
                self.cur.fetchall()
        except pymysql.err.MySQLError as e:
            raise QueryError(str(e))
        return ids

    def stop(self):
        try:
            self.conn.close()
        except Exception:
            pass
        if os.path.exists(getattr(self, "pidfile", "")):
            subprocess.run(["searchd", "--config", self.conf, "--stopwait"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def cleanup(self):
        rmrf(self.dir)
        rmrf(self.tsv)

    def version(self):
        return "sphinxsearch " + (pkg_version("sphinxsearch") or "?")


def marshal_input(path, corpus):
    """The SQLite loader's input: (n, title, content) tuples, 1000 at a time."""
    with open(path, "wb") as f:
        chunk = []
        for n, _, a in corpus.docs():
            chunk.append((n, a.title, a.content))
            if len(chunk) == 1000:
                marshal.dump(chunk, f)
                chunk = []
        if chunk:
            marshal.dump(chunk, f)


def read_marshal(path):
    with open(path, "rb") as f:
        while True:
            try:
                chunk = marshal.load(f)
            except EOFError:
                return
            yield from chunk


class SQLite(Engine):
    name = "sqlite"
    label = "SQLite FTS5"

    def prepare(self, corpus):
        rmrf(self.dir)
        os.makedirs(self.dir)
        self.input = os.path.join(self.work, "sqlite-x%d.marshal" % self.scale)
        marshal_input(self.input, corpus)
        self.db = os.path.join(self.dir, "fts5.db")

    def index(self, corpus):
        t = timed([sys.executable, os.path.abspath(__file__), "load-sqlite", self.db, self.input],
                  self.dir)
        t["size_bytes"] = du(self.db)
        return t

    def start(self, corpus):
        import sqlite3
        self.con = sqlite3.connect(self.db)

    @staticmethod
    def fts_query(q):
        # every word a quoted string (an FTS5 phrase when the tokenizer
        # splits it, like Санкт-Петербург): implicit AND, no syntax errors
        return " ".join('"%s"' % w.replace('"', '""') for w in q.split() if re.search(r"\w", w))

    def search(self, q, snippets):
        import sqlite3
        fq = self.fts_query(q)
        if not fq:
            return []
        try:
            if snippets:
                rows = self.con.execute(
                    "SELECT rowid, snippet(docs, 1, '<b>', '</b>', '…', %d) FROM docs "
                    "WHERE docs MATCH ? ORDER BY rank LIMIT 10" % FTS5_SNIPPET_TOKENS, (fq,)).fetchall()
            else:
                rows = self.con.execute(
                    "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10", (fq,)).fetchall()
        except sqlite3.Error as e:
            raise QueryError(str(e))
        return [r[0] for r in rows]

    def stop(self):
        try:
            self.con.close()
        except Exception:
            pass

    def cleanup(self):
        rmrf(self.dir)
        rmrf(self.input)

    def version(self):
        import sqlite3
        return "SQLite %s (libsqlite3-0 %s)" % (sqlite3.sqlite_version, pkg_version("libsqlite3-0") or "?")


def load_sqlite(db, inp):
    import sqlite3
    rmrf(db)
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(title, content)")
    with con:
        con.executemany("INSERT INTO docs(rowid, title, content) VALUES (?, ?, ?)", read_marshal(inp))
    with con:
        con.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    con.close()


class Postgres(Engine):
    name = "postgres"
    label = "PostgreSQL 15 FTS"
    marker = "postgres.datadir"  # for the trap in bench-engines.sh

    def prepare(self, corpus):
        rmrf(self.dir)
        os.makedirs(self.dir)
        self.input = os.path.join(self.work, "postgres-x%d.copy" % self.scale)

        def esc(s):
            return (s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                    .replace("\r", "\\r"))
        with open(self.input, "w", encoding="utf-8") as f:
            for n, _, a in corpus.docs():
                f.write("%d\t%s\t%s\n" % (n, esc(a.title), esc(a.content)))
        # a private cluster in a temp dir owned by the postgres user
        self.tmp = tempfile.mkdtemp(prefix="izde-bench-pg.")
        shutil.chown(self.tmp, "postgres", "postgres")
        self.data = os.path.join(self.tmp, "data")
        with open(os.path.join(self.work, self.marker), "w") as f:
            f.write(self.data + "\n")
        self.pg(["initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "-E", "UTF8",
                 "--locale=C.UTF-8"], stdout=subprocess.DEVNULL)
        self.port = free_port()
        opts = ("-c port=%d -c listen_addresses=127.0.0.1 -c unix_socket_directories=%s "
                "-c maintenance_work_mem=%s -c wal_level=minimal -c max_wal_senders=0 -c jit=off"
                % (self.port, self.tmp, PG_MAINTENANCE_WORK_MEM))
        self.pg(["pg_ctl", "-D", self.data, "-l", os.path.join(self.tmp, "log"), "-w", "-o", opts,
                 "start"], stdout=subprocess.DEVNULL)
        self.running = True

    def pg(self, args, **kw):
        return subprocess.run(["runuser", "-u", "postgres", "--", os.path.join(PG_BIN, args[0])]
                              + args[1:], check=True, cwd=self.tmp, **kw)

    def index(self, corpus):
        stats = os.path.join(self.dir, "load-stats.json")
        t = timed([sys.executable, os.path.abspath(__file__), "load-postgres", str(self.port),
                   self.input, stats], self.dir)
        with open(stats) as f:
            s = json.load(f)
        t["client_cpu_s"] = t["cpu_s"]
        t["client_peak_rss_bytes"] = t["peak_rss_bytes"]
        t["server_cpu_s"] = s["server_cpu_s"]
        t["cpu_s"] = t["client_cpu_s"] + s["server_cpu_s"]
        # the backend that ran COPY and CREATE INDEX (its VmHWM counts the
        # shared buffers it touched)
        t["peak_rss_bytes"] = s["backend_vmhwm_bytes"]
        t["size_bytes"] = s["total_relation_size"]
        t["gin_bytes"] = s["index_size"]
        t["size_note"] = "pg_total_relation_size: heap + TOAST (text and tsvector) + GIN"
        return t

    def start(self, corpus):
        import psycopg2
        self.conn = psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres",
                                     dbname="postgres")
        self.conn.autocommit = True
        self.cur = self.conn.cursor()

    def search(self, q, snippets):
        import psycopg2
        try:
            if snippets:
                self.cur.execute(
                    "SELECT id, ts_headline('russian', content, q) FROM ("
                    " SELECT id, content, q, ts_rank(tsv, q) AS r"
                    " FROM docs, plainto_tsquery('russian', %s) q WHERE tsv @@ q"
                    " ORDER BY r DESC LIMIT 10) t ORDER BY r DESC", (q,))
            else:
                self.cur.execute(
                    "SELECT id FROM docs, plainto_tsquery('russian', %s) q WHERE tsv @@ q"
                    " ORDER BY ts_rank(tsv, q) DESC LIMIT 10", (q,))
            return [r[0] for r in self.cur.fetchall()]
        except psycopg2.Error as e:
            raise QueryError(str(e))

    def stop(self):
        try:
            self.conn.close()
        except Exception:
            pass

    def cleanup(self):
        if getattr(self, "running", False):
            subprocess.run(["runuser", "-u", "postgres", "--", os.path.join(PG_BIN, "pg_ctl"), "-D",
                            self.data, "-m", "fast", "-w", "stop"], cwd=self.tmp,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.running = False
        if getattr(self, "tmp", None):
            rmrf(self.tmp)
        rmrf(os.path.join(self.work, self.marker))
        rmrf(self.dir)
        rmrf(getattr(self, "input", ""))

    def version(self):
        return "postgresql-15 " + (pkg_version("postgresql-15") or "?")


def load_postgres(port, inp, stats):
    import psycopg2
    conn = psycopg2.connect(host="127.0.0.1", port=int(port), user="postgres", dbname="postgres")
    cur = conn.cursor()
    cur.execute("SELECT pg_backend_pid()")
    backend = cur.fetchone()[0]
    with open(os.path.join("/proc", str(backend), "stat")) as f:
        postmaster = int(f.read().rsplit(")", 1)[1].split()[1])

    def server_ticks():
        return sum(proc_cpu_ticks(p) for p in [postmaster] + proc_children(postmaster))
    ticks0 = server_ticks()
    cur.execute("DROP TABLE IF EXISTS docs")
    cur.execute("CREATE TABLE docs (id integer, title text, content text, tsv tsvector"
                " GENERATED ALWAYS AS (to_tsvector('russian', title || ' ' || content)) STORED)")
    with open(inp, encoding="utf-8") as f:
        cur.copy_expert("COPY docs (id, title, content) FROM STDIN", f, size=1 << 20)
    cur.execute("CREATE INDEX docs_tsv ON docs USING gin (tsv)")
    conn.commit()
    cur.execute("ANALYZE docs")
    conn.commit()
    ticks = server_ticks() - ticks0
    out = {"server_cpu_s": ticks / os.sysconf("SC_CLK_TCK"),
           "backend_vmhwm_bytes": proc_status(backend, "VmHWM")}
    cur.execute("SELECT pg_total_relation_size('docs'), pg_relation_size('docs_tsv')")
    out["total_relation_size"], out["index_size"] = cur.fetchone()
    conn.close()
    with open(stats, "w") as f:
        json.dump(out, f)


class Xapian(Engine):
    name = "xapian"
    label = "Xapian omindex"

    def prepare(self, corpus):
        rmrf(self.dir)
        self.txt = os.path.join(self.work, "xapian-x%d-txt" % self.scale)
        rmrf(self.txt)
        for n, k, a in corpus.docs():
            d = os.path.join(self.txt, "c%d" % k)
            if n == 1 + (k - 1) * len(corpus.arts):
                os.makedirs(d)
            with open(os.path.join(d, "%07d.txt" % n), "w", encoding="utf-8") as f:
                f.write(a.title + "\n\n" + a.content + "\n")
        self.db = os.path.join(self.dir, "omega-db")

    def index(self, corpus):
        os.makedirs(self.dir, exist_ok=True)
        t = timed(["omindex", "-s", "russian", "--db", self.db, "--url", "/", self.txt], self.dir,
                  stdout=subprocess.DEVNULL)
        t["size_bytes"] = du(self.db)
        return t

    def start(self, corpus):
        import xapian
        self.xapian = xapian
        self.corpus = corpus
        self.db_ = xapian.Database(self.db)
        self.stem = xapian.Stem("russian")
        qp = xapian.QueryParser()
        qp.set_database(self.db_)
        qp.set_stemmer(self.stem)
        qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
        qp.set_default_op(xapian.Query.OP_AND)
        self.qp = qp
        self.enq = xapian.Enquire(self.db_)

    URL = re.compile(rb"url=.*?(\d+)\.txt")

    def search(self, q, snippets):
        try:
            query = self.qp.parse_query(q)
        except self.xapian.QueryParserError as e:
            raise QueryError(str(e))
        self.enq.set_query(query)
        mset = self.enq.get_mset(0, 10)
        ids = []
        for m in mset:
            u = self.URL.search(m.document.get_data())
            ids.append(int(u.group(1)) if u else 0)
        if snippets:
            for n in ids:
                mset.snippet(self.corpus.art(n).content, 500, self.stem)
        return ids

    def stop(self):
        if getattr(self, "db_", None):
            self.db_.close()
            self.db_ = None

    def cleanup(self):
        rmrf(self.dir)
        rmrf(getattr(self, "txt", ""))

    def version(self):
        return "xapian-omega %s, python3-xapian %s" % (pkg_version("xapian-omega") or "?",
                                                       pkg_version("python3-xapian") or "?")


# ---------------------------------------------------------------- measuring

def run_queries(eng, queries, corpus, snippets):
    """A warm-up pass, then the timed pass; returns the per-query record."""
    for q in queries:
        try:
            eng.search(q, snippets)
        except QueryError:
            pass
    lat, rtt, results, errors = [], [], [], []
    for q in queries:
        t0 = now_ms()
        try:
            ids = eng.search(q, snippets)
        except QueryError as e:
            ids = []
            errors.append({"query": q, "error": str(e)[:200]})
        t = now_ms() - t0
        if isinstance(eng, Izde):
            lat.append(eng.last_took)
            rtt.append(eng.last_rtt)
        else:
            lat.append(t)
        results.append(ids)
    out = {"p50_ms": pct(lat, 50), "p95_ms": pct(lat, 95), "p99_ms": pct(lat, 99),
           "mean_ms": sum(lat) / len(lat), "max_ms": max(lat), "errors": len(errors),
           "error_examples": errors[:5]}
    if rtt:
        out["client_rtt"] = {"p50_ms": pct(rtt, 50), "p95_ms": pct(rtt, 95), "p99_ms": pct(rtt, 99),
                             "mean_ms": sum(rtt) / len(rtt)}
    zero = sum(1 for r in results if not r)
    tag = sum(1 for q, r in zip(queries, results)
              if any(n > 0 and q in corpus.art(n).tags for n in r))
    return out, {"zero_hit": zero, "tag_at_10": tag / len(queries),
                 "hits_mean": sum(len(r) for r in results) / len(queries)}


def missing_packages(name):
    return [(p, why) for p, why in PACKAGES[name] if not pkg_installed(p)]


def machine_info():
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem = int(f.readline().split()[1]) * 1024
    try:
        with open("/etc/debian_version") as f:
            deb = f.read().strip()
    except OSError:
        deb = "?"
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_bytes": mem, "debian": deb,
            "kernel": platform.release(), "python": platform.python_version()}


def fmt(v, spec="%.1f"):
    return "n/a" if v is None else spec % v


def fmt3(s):
    if not s:
        return "n/a"
    return "%s / %s / %s" % tuple(fmt(s[k], "%.2f") for k in ("p50_ms", "p95_ms", "p99_ms"))


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("--izde", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--queries-file", required=True)
    ap.add_argument("--scale", default="1,4")
    ap.add_argument("--engines", default=",".join(ENGINES))
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args(argv)
    scales = [int(s) for s in a.scale.split(",") if s.strip()]
    names = [e.strip() for e in a.engines.split(",") if e.strip()]
    for e in names:
        if e not in ENGINES:
            log("unknown engine '%s' (known: %s)" % (e, ", ".join(ENGINES)))
            return 2
    work = os.path.abspath(a.work)
    with open(a.queries_file, encoding="utf-8") as f:
        queries = [line.rstrip("\n") for line in f if line.strip()]

    skipped = {}
    for e in names:
        miss = missing_packages(e)
        if miss:
            skipped[e] = "missing %s (%s): run tools/deps.sh --bench (or apt-get install %s)" % (
                ", ".join(p for p, _ in miss), "; ".join(w for _, w in miss),
                " ".join(p for p, _ in miss))
            log("%s skipped: %s" % (e, skipped[e]))
    izde_batch = True
    if any(n.startswith("izde") and n not in skipped for n in names):
        if not os.access(a.izde, os.X_OK):
            for n in names:
                if n.startswith("izde"):
                    skipped[n] = "no izde binary at %s" % a.izde
            log("izde skipped: no izde binary at %s" % a.izde)
        elif not Izde(work, 1, a.izde).has_batch():
            izde_batch = False
            log("izde: this binary has no `search --batch`: indexing measured, searching not")
    active = [e for e in names if e not in skipped]

    log("reading the articles in %s ..." % a.data)
    arts = load_articles(a.data)
    machine = machine_info()
    versions = {}
    results = []
    engines_live = []

    def stop_all(*_):
        raise SystemExit(130)
    signal.signal(signal.SIGTERM, stop_all)
    signal.signal(signal.SIGHUP, stop_all)

    try:
        for scale in scales:
            corpus = Corpus(arts, scale)
            log("scale x%d: %d articles, %.1f MB (title + content)" % (scale, corpus.n, corpus.bytes / 1e6))
            for name in active:
                if name in ("izde", "izde-onefile"):
                    eng = (Izde if name == "izde" else IzdeOneFile)(work, scale, os.path.abspath(a.izde))
                else:
                    eng = {"sphinx": Sphinx, "sqlite": SQLite, "postgres": Postgres,
                           "xapian": Xapian}[name](work, scale)
                engines_live.append(eng)
                versions[name] = eng.version()
                row = {"engine": name, "label": eng.label, "scale": scale, "docs": corpus.n,
                       "corpus_bytes": corpus.bytes}
                try:
                    log("  %s: preparing the input ..." % name)
                    eng.prepare(corpus)
                    log("  %s: indexing ..." % name)
                    ix = eng.index(corpus)
                    ix["mb_per_s"] = corpus.bytes / 1e6 / ix["wall_s"] if ix["wall_s"] > 0 else None
                    ix["index_corpus_ratio"] = ix["size_bytes"] / corpus.bytes
                    row["index"] = ix
                    log("  %s: %.1f s, %.1f MB/s, index %.0f MiB" % (
                        name, ix["wall_s"], ix["mb_per_s"] or 0, ix["size_bytes"] / MIB))
                    if name.startswith("izde") and not izde_batch:
                        row["search_note"] = "izde search --batch missing in this binary"
                    else:
                        eng.start(corpus)
                        log("  %s: %d queries, warm-up + timed, without snippets ..." % (name, len(queries)))
                        row["search"], qual = run_queries(eng, queries, corpus, False)
                        log("  %s: the same with snippets ..." % name)
                        row["search_snippets"], qual_s = run_queries(eng, queries, corpus, True)
                        row.update(qual)
                        row["snippets_quality"] = qual_s
                        eng.stop()
                    if name == "izde":  # after the queries, which it would change
                        log("  %s: adding 1,000 articles ..." % name)
                        row["add_1000"] = eng.add_more(corpus)
                except Exception as e:  # noqa: BLE001 - one engine failing is reported, the run goes on
                    row["failed"] = str(e)
                    log("  %s failed: %s" % (name, e))
                finally:
                    eng.stop()
                    if not a.keep or name == "postgres":
                        eng.cleanup()
                    engines_live.remove(eng)
                results.append(row)
    finally:
        for eng in engines_live:
            try:
                eng.stop()
            finally:
                eng.cleanup()

    report(work, machine, versions, results, skipped, queries, scales, names)
    return 0


def report(work, machine, versions, results, skipped, queries, scales, names):
    settings = {
        "queries": len(queries),
        "sphinx": "morphology stem_ru; charset_table %s; min_word_len 1; indexer mem_limit %s; "
                  "SphinxQL SELECT id ... WHERE MATCH(escaped query) LIMIT 10 (default ranker); "
                  "CALL SNIPPETS with the 10 texts, default options" % (SPHINX_CHARSET, SPHINX_MEM_LIMIT),
        "sqlite": "fts5(title, content), unicode61 tokenizer; load in one transaction + "
                  "'optimize'; every word a quoted string; ORDER BY rank (bm25) LIMIT 10; "
                  "snippet(docs, 1, ..., %d tokens)" % FTS5_SNIPPET_TOKENS,
        "postgres": "private cluster, defaults except maintenance_work_mem=%s, wal_level=minimal, "
                    "jit=off; stored tsvector column to_tsvector('russian', title || ' ' || content), "
                    "GIN index, COPY + CREATE INDEX + ANALYZE timed; plainto_tsquery('russian') ORDER BY "
                    "ts_rank LIMIT 10; ts_headline('russian', content) defaults" % PG_MAINTENANCE_WORK_MEM,
        "xapian": "omindex -s russian over title, blank line, content as plain files; QueryParser "
                  "Stem russian, STEM_SOME, OP_AND, no stopper; MSet.snippet(content, 500, stemmer)",
        "izde-onefile": "as izde, the input one JSON Lines file of every article",
        "izde": "izde index --db DB JSONL-DIR; izde search --batch -n 10 [--no-snippets]; "
                "latency = took_ms",
    }
    out = {"machine": machine, "versions": versions, "settings": settings, "skipped": skipped,
           "results": results}
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)

    m = machine
    print("machine: %d cores (nproc), %s, %.1f GiB RAM, Debian %s; %s" % (
        m["nproc"], m["cpu"], m["ram_bytes"] / 2 ** 30, m["debian"],
        "; ".join("%s: %s" % (k, v) for k, v in versions.items() if v)))
    print("%d queries (all words required); latency in process, after a warm-up pass" % len(queries))
    print()
    print("| engine | scale | index s | MB/s | CPU s | peak RSS MiB | index/corpus "
          "| p50 / p95 / p99 ms | +snippets p50 / p95 / p99 ms | zero-hit | tag@10 |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        ix = r.get("index") or {}
        rss = ix.get("peak_rss_bytes")
        cells = [r["label"], "x%d" % r["scale"], fmt(ix.get("wall_s")), fmt(ix.get("mb_per_s"), "%.2f"),
                 fmt(ix.get("cpu_s")), fmt(rss / MIB if rss else None, "%.0f"),
                 fmt(ix.get("index_corpus_ratio"), "%.2f"), fmt3(r.get("search")),
                 fmt3(r.get("search_snippets")),
                 str(r["zero_hit"]) if "zero_hit" in r else "n/a",
                 fmt(r["tag_at_10"] * 100 if "tag_at_10" in r else None, "%.1f%%")]
        print("| " + " | ".join(cells) + " |")
    notes = []
    for r in results:
        if r.get("failed"):
            notes.append("%s x%d failed: %s" % (r["engine"], r["scale"], r["failed"]))
        if r.get("search_note"):
            notes.append("%s x%d: %s" % (r["engine"], r["scale"], r["search_note"]))
        for k in ("search", "search_snippets"):
            if r.get(k, {}).get("errors"):
                notes.append("%s x%d: %d queries rejected (%s), counted as zero-hit" % (
                    r["engine"], r["scale"], r[k]["errors"], k.replace("_", " + ")))
    for e, why in skipped.items():
        notes.append("%s skipped: %s" % (e, why))
    print()
    print("Index/corpus: izde, SQLite and PostgreSQL keep the text; Sphinx keeps none, omindex a sample. "
          "CPU s and peak RSS from /usr/bin/time: CPU summed over the command's processes, peak RSS "
          "that of its largest process (izde index runs worker processes side by side). "
          "PostgreSQL: CPU = client + all server processes; peak RSS = the loading backend's VmHWM.")
    for n in notes:
        print("- " + n)
    for r in results:
        ix, add = r.get("index") or {}, r.get("add_1000")
        if ix.get("tree_peak_rss_bytes"):
            print("- %s x%d: all its processes together peaked at %.0f MiB" % (
                r["label"], r["scale"], ix["tree_peak_rss_bytes"] / MIB))
        if add:
            print("- %s x%d: 1,000 more articles by one more run: %.1f s, the index %.0f -> %.0f MiB "
                  "(+%.0f MiB)" % (r["label"], r["scale"], add["wall_s"], add["size_before_bytes"] / MIB,
                                  add["size_after_bytes"] / MIB,
                                  (add["size_after_bytes"] - add["size_before_bytes"]) / MIB))

    by = {(r["engine"], r["scale"]): r for r in results}
    lines = []
    for s, izn in ((s, izn) for s in scales for izn in ("izde", "izde-onefile")):
        iz = by.get((izn, s))
        if not iz or "index" not in iz:
            continue
        for e in names:
            p = by.get((e, s))
            if e.startswith("izde") or not p or "index" not in p:
                continue
            parts = []
            a, b = iz["index"].get("mb_per_s"), p["index"].get("mb_per_s")
            if a and b:
                parts.append("index MB/s x%.2f" % (a / b))
            for k, what in (("search", "p99"), ("search_snippets", "p99 +snippets")):
                if iz.get(k) and p.get(k) and iz[k]["p99_ms"]:
                    parts.append("%s x%.2f" % (what, p[k]["p99_ms"] / iz[k]["p99_ms"]))
            if parts:
                lines.append("| x%d | %s | %s | %s |" % (s, iz["label"], p["label"], ", ".join(parts)))
    if lines:
        print()
        print("izde against each peer (above 1: izde better; MB/s izde/peer, p99 peer/izde):")
        print()
        print("| scale | izde input | peer | ratios |")
        print("|---|---|---|---|")
        for line in lines:
            print(line)
    print()
    print("JSON: %s" % os.path.join(work, "results.json"))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "load-sqlite":
        load_sqlite(sys.argv[2], sys.argv[3])
    elif len(sys.argv) > 1 and sys.argv[1] == "load-postgres":
        load_postgres(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(main(sys.argv[1:]))
