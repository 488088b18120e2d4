#!/usr/bin/env python3
"""eval-suggest.py - how well "did you mean" corrects misspellings.

Counts the words of the Russian news set (RT and NG, ``*.jsonl`` with
``content``) and of the 24.kg Kyrgyz CSVs (``text``), then for each seed:

* 25 Russian and 25 Kyrgyz misspellings of frequent words (in 60 and 25
  articles or more, six letters or more), one error each, in turn: a
  neighbouring key, a confused vowel (и/ы, е/и, о/а, э/е), a letter typed
  twice, one left out (a doubled one first), two swapped, the first letter
  replaced by a neighbouring key; for Kyrgyz also ң ө ү typed as н о у and
  a long vowel typed short.  No misspelling is a word of either set.
* 100 words spelt right (50 of each language, four letters or more):
  drawn from the running text (as often as they occur), and drawn evenly
  from the distinct words (mostly rare ones).

Each list is searched with ``izde search --batch`` on the index given and
the suggestions compared with the word meant (exactly, in lower case).

    tools/eval-suggest.py IZDE DB NEWS_DIR KY_DIR [SEED...]

NEWS_DIR holds the news as ``*.jsonl`` (tools/news-set.sh makes them);
KY_DIR the 24.kg ``*.csv``.  The index should hold the same articles.
"""
import collections
import csv
import glob
import json
import os
import random
import re
import subprocess
import sys

WORD = re.compile(r"[а-яёңөүА-ЯЁҢӨҮ]+")
ROWS = ["йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"]
POS = {ch: (r, i) for r, row in enumerate(ROWS) for i, ch in enumerate(row)}
VOWEL = {"и": "ы", "ы": "и", "е": "и", "о": "а", "а": "о", "э": "е"}
KY_PLAIN = {"ң": "н", "ө": "о", "ү": "у"}
KINDS = {"ru": ["keyboard", "vowel", "double", "missing", "swap", "first"],
         "ky": ["keyboard", "vowel", "double", "missing", "swap", "kyrgyz-letter",
                "long-vowel", "first"]}


def count(news_dir, ky_dir):
    csv.field_size_limit(10 ** 9)
    words = {"ru": collections.Counter(), "ky": collections.Counter()}
    docs = {"ru": collections.Counter(), "ky": collections.Counter()}

    def add(lang, text, lower):
        ws = [lower(w) for w in WORD.findall(text or "")]
        words[lang].update(ws)
        docs[lang].update(set(ws))
    for f in sorted(glob.glob(os.path.join(news_dir, "*.jsonl"))):
        for line in open(f, encoding="utf-8"):
            add("ru", json.loads(line).get("content"), lambda w: w.lower().replace("ё", "е"))
    for f in sorted(glob.glob(os.path.join(ky_dir, "*.csv"))):
        for row in csv.DictReader(open(f, encoding="utf-8")):
            add("ky", row["text"], str.lower)
    return words, docs


def neighbours(ch):
    if ch not in POS:
        return []
    r, i = POS[ch]
    return [ROWS[rr][ii] for rr, ii in [(r, i - 1), (r, i + 1), (r + 1, i - 1), (r + 1, i),
                                        (r - 1, i), (r - 1, i + 1)]
            if 0 <= rr < 3 and 0 <= ii < len(ROWS[rr])]


def misspell(w, kind, rnd):
    n = len(w)
    if kind == "keyboard":
        i = rnd.randrange(1, n)
        nb = neighbours(w[i])
        return w[:i] + rnd.choice(nb) + w[i + 1:] if nb else None
    if kind == "vowel":
        idx = [i for i in range(1, n - 1) if w[i] in VOWEL]
        if not idx:
            return None
        i = rnd.choice(idx)
        return w[:i] + VOWEL[w[i]] + w[i + 1:]
    if kind == "double":
        i = rnd.randrange(1, n)
        return w[:i] + w[i] + w[i:]
    if kind == "missing":
        dbl = [i for i in range(1, n) if w[i] == w[i - 1]]
        i = rnd.choice(dbl) if dbl else rnd.randrange(1, n - 1)
        return w[:i] + w[i + 1:]
    if kind == "swap":
        i = rnd.randrange(1, n - 2)
        return w[:i] + w[i + 1] + w[i] + w[i + 2:]
    if kind == "first":
        nb = neighbours(w[0])
        return rnd.choice(nb) + w[1:] if nb else None
    if kind == "kyrgyz-letter":
        idx = [i for i in range(n) if w[i] in KY_PLAIN]
        if not idx:
            return None
        i = rnd.choice(idx)
        return w[:i] + KY_PLAIN[w[i]] + w[i + 1:]
    if kind == "long-vowel":
        idx = [i for i in range(1, n) if w[i] == w[i - 1] and w[i] in "аоуыиэеөү"]
        if not idx:
            return None
        i = rnd.choice(idx)
        return w[:i] + w[i + 1:]
    return None


def typos(words, docs, seed):
    rnd = random.Random(seed)
    out = []
    for lang, mindocs in (("ru", 60), ("ky", 25)):
        pool = sorted(w for w, d in docs[lang].items() if d >= mindocs and len(w) >= 6)
        rnd.shuffle(pool)
        got = k = 0
        for w in pool:
            if got == 25:
                break
            kind = KINDS[lang][k % len(KINDS[lang])]
            t = misspell(w, kind, rnd)
            if not t or t == w or words["ru"].get(t) or words["ky"].get(t):
                continue
            out.append((lang, kind, t, w))
            got += 1
            k += 1
    return out


def right(words, seed, mode):
    rnd = random.Random(seed)
    out = []
    for lang in ("ru", "ky"):
        pool = sorted(w for w in words[lang] if len(w) >= 4)
        pick = (rnd.choices(pool, weights=[words[lang][w] for w in pool], k=50)
                if mode == "text" else rnd.sample(pool, 50))
        out += [(lang, mode, w, w) for w in pick]
    return out


def search(izde, db, queries):
    p = subprocess.run([izde, "search", "--db", db, "--batch", "--no-snippets", "-n", "10"],
                       input="".join(q + "\n" for q in queries), capture_output=True, text=True)
    return [json.loads(line) for line in p.stdout.splitlines()]


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * p))]


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    izde, db, news_dir, ky_dir = sys.argv[1:5]
    seeds = [int(s) for s in sys.argv[5:]] or [2024]
    words, docs = count(news_dir, ky_dir)
    for seed in seeds:
        cases = typos(words, docs, seed)
        answers = search(izde, db, [c[2] for c in cases])
        tally = collections.Counter()
        for (lang, kind, typo, word), a in zip(cases, answers):
            s = a.get("suggestion")
            v = "none" if s is None else "right" if s.lower() == word else "wrong"
            tally[v] += 1
            if v != "right":
                print(f"  {lang} {kind:13} {typo} -> {s or '-'} (meant {word}; "
                      f"the misspelling finds {a['matches_estimated']})")
        took = [a["took_ms"] for a in answers]
        print(f"seed {seed}: {len(cases)} misspellings: {tally['right']} right, "
              f"{tally['wrong']} wrong, {tally['none']} none; took_ms p50 {pct(took, .5):.2f} "
              f"p99 {pct(took, .99):.2f} (one session, the stems read as needed)")
        for mode in ("text", "types"):
            cases = right(words, seed, mode)
            answers = search(izde, db, [c[2] for c in cases])
            wrong = [(c[2], a["suggestion"], a["matches_estimated"])
                     for c, a in zip(cases, answers) if a.get("suggestion")]
            print(f"seed {seed}: 100 words spelt right ({mode}): {len(wrong)} suggestions"
                  + "".join(f"; {w} -> {s} (finds {m})" for w, s, m in wrong))


if __name__ == "__main__":
    main()
