#!/usr/bin/env python3
"""sample-figures.py - draw figures at random from an index, to check by hand.

Every figure that `izde search --json` lists for the articles of one
language (a hit lists up to 100 figures: all of nearly every article) is
pooled; N of them are drawn with a seeded generator, so the same index,
seed and N draw the same figures.  By default only figures of kind
"count" are drawn (an index written before figures had kinds has counts
only); --kind all draws from every figure.

Output: a TSV with an empty first column (the verdict to fill in: 1 a
real cited count with the right value and noun or unit, 0 not), then
value, kind, noun or unit, the figure as written, its sentence, the
article id.

--stats prints instead, for the language: the figures, those of kind
count, Kyrgyz counts starting with бир/бири, counts that are the tail of
a composite number («179 миң 913 адам» read as 913), ages counted as
counts (a noun жаш..., or «лет» after «возрасте»), and the kinds.

Usage: sample-figures.py [--izde BIN] --db DIR --lang ru|ky [-n 60]
                         [--seed 19] [--kind count|all] [--stats]
"""
import argparse
import json
import random
import re
import subprocess
import sys

TAIL_BEFORE = re.compile(r"\d\s*(миң|миллион\w*|миллиард\w*|тыс\.?|тысяч\w*|млн\.?|млрд\.?)\s*$")
ONE = re.compile(r"^(бир|бири)\b", re.I)


def figures(izde, db, lang):
    """Every figure listed for the language's articles, with its article id."""
    run = subprocess.run([izde, "search", "--db", db, "--json", "-n", "1000000",
                          "--sort", "date", "lang:" + lang], capture_output=True, text=True)
    if run.returncode not in (0, 1):  # 1: no hits
        sys.exit(f"sample-figures: '{izde} search --db {db}' failed: {run.stderr.strip()}; "
                 "give an index with --db and the izde binary with --izde")
    for hit in json.loads(run.stdout or "{}").get("hits", []):
        for f in hit.get("figures") or []:
            f.setdefault("kind", "count")
            f["id"] = hit.get("id")
            yield f


def tail_of_composite(f):
    """Is the figure the tail of a composite number written before it?"""
    s, t = f.get("sentence") or "", f.get("text") or ""
    at = s.find(t)
    return at > 0 and TAIL_BEFORE.search(s[:at]) is not None


AGE_WORD = re.compile(r"\bжаш(|та|тагы|ар|ка|тан|ында|ындагы|ынан|ынын|тын|ына)\b", re.I)


def is_age(f):
    """A Kyrgyz age («45 жаштагы») or «в возрасте 45 лет» among the counts."""
    s, t = f.get("sentence") or "", f.get("text") or ""
    at = s.find(t)
    return AGE_WORD.search(t) is not None or (
        "лет" in t and "возраст" in s[max(0, at - 20):max(0, at)])


def stats(figs, lang):
    counts = [f for f in figs if f["kind"] == "count"]
    kinds = {}
    for f in figs:
        kinds[f["kind"]] = kinds.get(f["kind"], 0) + 1
    print(f"lang {lang}: figures {len(figs)}, counts {len(counts)}")
    print("  counts starting with бир/бири:",
          sum(1 for f in counts if ONE.match(f.get("text") or "")))
    print("  counts that are a composite number's tail:",
          sum(1 for f in counts if tail_of_composite(f)))
    print("  ages among counts:", sum(1 for f in counts if is_age(f)))
    print("  kinds:", ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--izde", default="build/izde")
    ap.add_argument("--db", required=True)
    ap.add_argument("--lang", required=True, choices=["ru", "ky"])
    ap.add_argument("-n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--kind", default="count")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    figs = list(figures(a.izde, a.db, a.lang))
    if a.stats:
        stats(figs, a.lang)
        return 0
    pool = [f for f in figs if a.kind == "all" or f["kind"] == a.kind]
    if not pool:
        print(f"sample-figures: no figure of kind {a.kind} in {a.db} for lang:{a.lang}",
              file=sys.stderr)
        return 1
    draw = random.Random(a.seed).sample(pool, min(a.n, len(pool)))
    print("verdict\tvalue\tkind\tnoun/unit\ttext\tsentence\tid")
    for f in draw:
        what = " ".join(x for x in (f.get("unit"), f.get("noun")) if x) or "-"
        cells = [f"{f['value']:g}", f["kind"], what, f.get("text") or "",
                 (f.get("sentence") or "")[:300], f.get("id") or ""]
        print("\t" + "\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
