#!/usr/bin/env python3
"""eval-stories.py - how well an index's story ids find copies of one story.

  tools/eval-stories.py --db DB --exact FILE_OR_DIR...
      Groups the JSON Lines records of the inputs by identical text (the
      "content" or "text" field, whitespace runs made one space) and checks
      in DB (with `izde show --json`) that every group is one story and
      that no other article was put in a group's story.

  tools/eval-stories.py --db DB --truth TRUTH.jsonl [--topics TOPICS.jsonl]
      TRUTH: one {"id", "story"} per line (tools/make-syndication.py
      writes it): pairwise precision and recall of "same story" over the
      articles it names.  False merges among different articles of one
      topic are the pairs of different true stories given one story id;
      TOPICS (one {"id", "topic"} per line) says which articles share a
      topic, and the pairs of one topic are counted apart.

An article's id is the record's "id", else its "url", else PATH:LINE, as
izde index makes it.  Needs the izde binary (--izde, default build/izde).
"""
import argparse
import collections
import itertools
import json
import os
import re
import subprocess
import sys


def records(paths):
    """(id, text) of every JSON Lines record under the paths."""
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                files += [os.path.join(root, n) for n in names if n.endswith(".jsonl")]
        else:
            files.append(p)
    for f in sorted(files):
        real = os.path.realpath(f)
        with open(f, encoding="utf-8") as fh:
            for line_no, line in enumerate(fh, 1):
                line = line.strip()
                if not line:
                    continue
                r = json.loads(line)
                rid = r.get("id") or r.get("url") or "%s:%d" % (real, line_no)
                yield str(rid), r.get("content") or r.get("text") or ""


def stories(izde, db, ids):
    """id -> story of each id, from `izde show --json` (missing ids left out)."""
    out = {}
    ids = list(ids)
    for k in range(0, len(ids), 400):
        p = subprocess.run([izde, "show", "--db", db, "--json"] + ids[k:k + 400],
                           capture_output=True, text=True)
        if p.returncode not in (0, 1):
            sys.exit("izde show failed: " + p.stderr.strip())
        for line in p.stdout.split("\n"):
            if not line:
                continue
            o = json.loads(line)
            out[o["id"]] = o.get("story") or o["id"]
    return out


def exact(args):
    by_text = collections.defaultdict(list)
    for rid, text in records(args.exact):
        by_text[re.sub(r"\s+", " ", text).strip()].append(rid)
    groups = [sorted(set(g)) for t, g in by_text.items() if t and len(set(g)) > 1]
    every = sorted({rid for g in by_text.values() for rid in g})
    story = stories(args.izde, args.db, every)
    members = collections.defaultdict(set)
    for rid, s in story.items():
        members[s].add(rid)
    split = [g for g in groups if len({story.get(i) for i in g}) > 1]
    merged = {}
    for g in groups:
        extra = set().union(*(members[story[i]] for i in g if i in story)) - set(g)
        if extra:
            merged[g[0]] = sorted(extra)
    res = {"articles": len(every), "found": len(story), "groups": len(groups),
           "extra_copies": sum(len(g) - 1 for g in groups),
           "groups_one_story": len(groups) - len(split), "groups_split": len(split),
           "groups_with_other_articles": len(merged),
           "other_articles_merged": sum(len(v) for v in merged.values()),
           "stories_with_copies": sum(1 for m in members.values() if len(m) > 1),
           "articles_in_stories_with_copies": sum(len(m) for m in members.values() if len(m) > 1)}
    if args.verbose:
        res["split_examples"] = split[:5]
        res["merged_examples"] = dict(itertools.islice(merged.items(), 5))
    print(json.dumps(res, ensure_ascii=False, indent=1))


def pairs_of(groups):
    for g in groups:
        yield from itertools.combinations(sorted(g), 2)


def truth(args):
    true = {}
    with open(args.truth, encoding="utf-8") as fh:
        for line in fh:
            o = json.loads(line)
            true[o["id"]] = o["story"]
    topic = {}
    if args.topics:
        with open(args.topics, encoding="utf-8") as fh:
            for line in fh:
                o = json.loads(line)
                topic[o["id"]] = o["topic"]
    found = stories(args.izde, args.db, true)
    ids = sorted(found)

    def groups(key):
        g = collections.defaultdict(list)
        for i in ids:
            g[key[i]].append(i)
        return g.values()
    t_pairs = set(pairs_of(groups(true)))
    f_pairs = set(pairs_of(groups(found)))
    tp = len(t_pairs & f_pairs)
    wrong = f_pairs - t_pairs
    same_topic = [p for p in wrong if topic and topic.get(p[0]) == topic.get(p[1])]
    topic_pairs = sum(1 for a, b in itertools.combinations(ids, 2)
                      if topic and topic.get(a) == topic.get(b) and true[a] != true[b])
    res = {"articles": len(true), "found": len(found), "true_stories": len(set(true.values())),
           "found_stories": len(set(found.values())),
           "true_pairs": len(t_pairs), "found_pairs": len(f_pairs), "true_positive_pairs": tp,
           "precision": round(tp / len(f_pairs), 4) if f_pairs else 1.0,
           "recall": round(tp / len(t_pairs), 4) if t_pairs else 1.0,
           "false_merge_pairs": len(wrong),
           "same_topic_different_story_pairs": topic_pairs,
           "false_merges_same_topic": len(same_topic)}
    if args.verbose:
        res["false_merge_examples"] = sorted(wrong)[:10]
        missed = sorted(t_pairs - f_pairs)
        res["missed_examples"] = missed[:10]
    print(json.dumps(res, ensure_ascii=False, indent=1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--izde", default=os.path.join(os.path.dirname(__file__), "..", "build", "izde"))
    ap.add_argument("--exact", nargs="+", metavar="PATH")
    ap.add_argument("--truth")
    ap.add_argument("--topics")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if bool(args.exact) == bool(args.truth):
        sys.exit("give --exact PATH... or --truth FILE")
    exact(args) if args.exact else truth(args)


if __name__ == "__main__":
    main()
