#!/usr/bin/env python3
"""Score `izde similar` by the topics of the 24.kg Kyrgyz articles, or by
the key phrases of the Russian news set.

For a random sample of the labelled articles (CSV files with columns id,
text, labels_set, as in the 24.kg set), asks `izde similar -n K --json ID`
of an index that holds them and counts how many of the K articles shown
share at least one topic label with the article asked about (precision at
K, over the hits that are labelled articles), beside the same share for K
labelled articles drawn at random (what chance gives).

With --keywords the files are JSON Lines (plain or .xz) of the Russian
news set: an article's id is its `url` (as izde reads it when there is no
`id`), its labels its `keywords` (lower-cased key phrases), so a hit
counts when it shares a key phrase with the article.

  python3 tools/eval-similar.py --db DB [--izde build/izde] [--sample 300]
      [-k 5] [--seed 1] [--keywords] FILE...
"""
import argparse
import ast
import csv
import json
import lzma
import random
import subprocess
import sys


def labels(v):
    v = v.strip()
    if v.startswith("[") or v.startswith("{"):
        return set(ast.literal_eval(v))
    return {x.strip() for x in v.split(",") if x.strip()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--izde", default="build/izde")
    ap.add_argument("--sample", type=int, default=300)
    ap.add_argument("-k", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keywords", action="store_true",
                    help="JSON Lines of the news set, labelled by their key phrases")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    csv.field_size_limit(10**9)
    topic = {}
    for f in a.files:
        if a.keywords:
            opener = lzma.open if f.endswith(".xz") else open
            with opener(f, "rt", encoding="utf-8") as r:
                for line in r:
                    rec = json.loads(line) if line.strip() else {}
                    kw = {k.strip().lower() for k in rec.get("keywords") or [] if isinstance(k, str) and k.strip()}
                    if rec.get("url") and kw and (rec.get("content") or "").strip():
                        topic[rec.get("id") or rec["url"]] = kw
            continue
        for r in csv.DictReader(open(f, encoding="utf-8")):
            if r.get("id") and r.get("labels_set") and r.get("text", "").strip():
                topic[r["id"]] = labels(r["labels_set"])
    ids = sorted(topic)
    rnd = random.Random(a.seed)
    sample = rnd.sample(ids, min(a.sample, len(ids)))
    shown = same = chance_same = chance_n = asked = empty = 0
    for i in sample:
        p = subprocess.run([a.izde, "similar", "--db", a.db, "--json", "--no-snippets",
                            "-n", str(a.k), i], capture_output=True, text=True)
        if p.returncode not in (0, 1):
            print(f"{i}: {p.stderr.strip()}", file=sys.stderr)
            continue
        asked += 1
        hits = json.loads(p.stdout)["hits"] if p.stdout.strip() else []
        hits = [h["id"] for h in hits if h["id"] in topic]
        empty += not hits
        for h in hits:
            shown += 1
            same += bool(topic[h] & topic[i])
        for h in rnd.sample(ids, a.k):
            if h != i:
                chance_n += 1
                chance_same += bool(topic[h] & topic[i])
    print(f"articles asked: {asked}; with no labelled hit: {empty}")
    print(f"izde similar: {same}/{shown} hits share a topic = {same / max(shown, 1):.3f}")
    print(f"chance:       {chance_same}/{chance_n} = {chance_same / max(chance_n, 1):.3f}")


if __name__ == "__main__":
    main()
