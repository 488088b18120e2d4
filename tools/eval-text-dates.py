#!/usr/bin/env python3
"""eval-text-dates.py - precision and recall of the publication date izde
reads from an article's text alone.

NG articles carry their date in their URL (/2017-04-18/): that date is the
gold.  The tool writes a copy of the NG JSON Lines records without `url` and
`date` (each with an `id` of its own), indexes the copy into a fresh index,
and compares the date izde stored for each id with the URL date:

  precision = dates equal to the gold / articles dated
  recall    = dates equal to the gold / articles with a gold date

NG's texts print no date of their own, so --stamp adds one the way
publishers print it (a dateline at the top or bottom, «Опубликовано:», a
dateline that runs into the lead) to six articles of seven and counts
recall over those; the seventh must stay
undated, and no stamped article may take a date from its body.

Re-runnable: the copy and the index are made again each run.

  tools/eval-text-dates.py [--izde build/izde] [--data ../shared/data/russian-news/ru_kw_eval]
                           [--work /tmp/eval-text-dates] [--json] [--show N]

--undated DB prints, for the index DB, the articles and the undated ones
per source (no source: by the first part of the id's folder).

--source rt lists the RT articles (no gold) that get a date from the text,
for checking by hand: id, date, title and the text's first and last lines.
"""
import argparse
import glob
import json
import lzma
import os
import re
import shutil
import subprocess
import sys

URL_DATE = re.compile(r"/((?:19|20)\d\d)[-/](\d\d)[-/](\d\d)(?=/)")


def url_date(url):
    """The date of a URL path as izde reads it (/YYYY-MM-DD/ or /YYYY/MM/DD/)."""
    path = url.split("://", 1)[-1]
    path = path[path.find("/"):] if "/" in path else ""
    m = URL_DATE.search(path)
    return "%s-%s-%s" % m.groups() if m else None


MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
          "сентября", "октября", "ноября", "декабря"]


def stamp(rec, n, gold):
    """--stamp: six articles of seven get the gold date printed the way
    publishers print it, at the top, at the bottom, after a label or as a
    dateline that runs into the lead («МОСКВА, 16 января 2024 — …»); the
    seventh keeps its text as it is.  Returns 1 when stamped."""
    if not gold or n % 7 == 0:
        return 0
    y, m, d = (int(x) for x in gold.split("-"))
    hm = "%02d:%02d" % (7 + n % 13, (n * 7) % 60)
    line = [None,
            "%s, %d %s %d" % (hm, d, MONTHS[m - 1], y),
            "%02d.%02d.%d %s" % (d, m, y, hm),
            "Опубликовано: %d %s %d года" % (d, MONTHS[m - 1], y),
            "%02d.%02d.%d" % (d, m, y),
            "Дата публикации: %s" % gold,
            "МОСКВА, %d %s %d —" % (d, MONTHS[m - 1], y)][n % 7]
    text = rec.get("content") or ""
    if n % 7 == 6:
        rec["content"] = line + " " + text
    else:
        rec["content"] = line + "\n" + text if n % 7 in (1, 2, 3) else text + "\n" + line
    return 1


def write_copy(files, out, prefix, stamped=None):
    """The records of files without url and date; returns {id: gold date}.
    stamped: a set to fill with the ids of the articles given a dateline."""
    gold = {}
    with open(out, "w", encoding="utf-8") as w:
        for f in files:
            base = os.path.basename(f).rsplit(".", 1)[0]
            base = base.rsplit(".", 1)[0] if base.endswith(".jsonl") else base
            opener = lzma.open if f.endswith(".xz") else open
            with opener(f, "rt", encoding="utf-8") as r:
                for n, line in enumerate(r, 1):
                    line = line.strip()
                    if not line:
                        continue
                    rec = json.loads(line)
                    rid = "%s-%s-%d" % (prefix, base, n)
                    gold[rid] = url_date(rec.get("url") or "")
                    if stamped is not None and stamp(rec, n, gold[rid]):
                        stamped.add(rid)
                    rec.pop("url", None)
                    rec.pop("date", None)
                    rec["id"] = rid
                    w.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return gold


def index_and_read(izde, copy, db):
    """Index copy into a fresh db; returns {id: (date, title)}."""
    shutil.rmtree(db, ignore_errors=True)
    subprocess.run([izde, "index", "-j", "2", "--db", db, copy], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    res = subprocess.run([izde, "search", "--db", db, "--json", "-n", "100000",
                          "--no-snippets", "--all-copies", "lang:ru OR lang:ky OR lang:other"],
                         check=True, stdout=subprocess.PIPE)
    hits = json.loads(res.stdout)["hits"]
    return {h["id"]: (h.get("date"), h.get("title")) for h in hits}


def undated_by_source(izde, db):
    res = subprocess.run([izde, "search", "--db", db, "--json", "-n", "1000000",
                          "--no-snippets", "--all-copies", "lang:ru OR lang:ky OR lang:other"],
                         check=True, stdout=subprocess.PIPE)
    by = {}
    for h in json.loads(res.stdout)["hits"]:
        src = h.get("source") or "(none: %s)" % os.path.dirname(h.get("path") or "?")
        t = by.setdefault(src, [0, 0])
        t[0] += 1
        t[1] += not h.get("date")
    total = [sum(v[0] for v in by.values()), sum(v[1] for v in by.values())]
    for src, (n, u) in sorted(by.items(), key=lambda kv: -kv[1][0]) + [("all", total)]:
        print("%-45s %6d articles %6d undated (%.1f%%)" % (src, n, u, 100.0 * u / n))


def first_last_lines(izde, db, rid):
    res = subprocess.run([izde, "show", "--db", db, "--json", rid],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        text = json.loads(res.stdout).get("text", "")
    except ValueError:
        return "", ""
    lines = [l for l in text.split("\n") if l.strip()]
    return (lines[0][:160], lines[-1][:160]) if lines else ("", "")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--izde", default=os.path.join(here, "..", "build", "izde"))
    ap.add_argument("--data", default=os.path.join(here, "..", "..", "shared", "data", "russian-news",
                                                   "ru_kw_eval"),
                    help="the folder of ng_*.jsonl[.xz] (and russia_today_*.jsonl[.xz])")
    ap.add_argument("--work", default="/tmp/eval-text-dates")
    ap.add_argument("--source", choices=["ng", "rt"], default="ng")
    ap.add_argument("--stamp", action="store_true",
                    help="print the gold date in 5 of 6 articles (see stamp()); recall counts those")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--undated", metavar="DB", help="undated articles per source in DB")
    ap.add_argument("--show", type=int, default=10, help="wrong dates to list")
    a = ap.parse_args()
    if a.undated:
        undated_by_source(a.izde, a.undated)
        return

    pattern = "ng_*.jsonl*" if a.source == "ng" else "russia_today_*.jsonl*"
    files = sorted(glob.glob(os.path.join(a.data, pattern)))
    if not files:
        sys.exit("eval-text-dates: no %s in %s: give --data DIR" % (pattern, a.data))
    os.makedirs(a.work, exist_ok=True)
    copy = os.path.join(a.work, a.source + ".jsonl")
    db = os.path.join(a.work, "db-" + a.source)
    stamped = set() if a.stamp else None
    gold = write_copy(files, copy, a.source, stamped)
    got = index_and_read(a.izde, copy, db)

    if a.source == "rt":
        for rid in sorted(got):
            date, title = got[rid]
            if date:
                first, last = first_last_lines(a.izde, db, rid)
                print("%s\t%s\t%s\n\tfirst: %s\n\tlast:  %s" % (rid, date, title, first, last))
        return

    with_gold = [r for r in gold if gold[r] and (stamped is None or r in stamped)]
    dated = [r for r in gold if r in got and got[r][0]]
    right = [r for r in dated if got[r][0] == gold[r] and r in with_gold]
    wrong = [r for r in dated if r not in right]
    out = {
        "articles": len(gold), "stamped": len(stamped) if stamped is not None else 0,
        "with_gold": len(with_gold), "indexed": len(got),
        "dated": len(dated), "right": len(right), "wrong": len(wrong),
        "precision": round(len(right) / len(dated), 4) if dated else None,
        "recall": round(len(right) / len(with_gold), 4) if with_gold else None,
    }
    if a.json:
        print(json.dumps(out))
        return
    for k, v in out.items():
        print("%-10s %s" % (k, v))
    for r in wrong[:a.show]:
        print("wrong: %s gold %s got %s  %s" % (r, gold[r], got[r][0], got[r][1]))


if __name__ == "__main__":
    main()
