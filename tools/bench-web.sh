#!/bin/sh
# bench-web.sh [N] - izde extract beside Debian's python3-readability
# (readability-lxml) on the same N generated pages (tools/make-web-pages.py
# from the news set's JSON Lines), in one run: pages/s of each (izde: the
# whole command under /usr/bin/time; readability: the loop over the pages
# in one python process, parsing and the text of its summary), and the
# token precision, recall and F1 of each text against the page's article
# (mean over pages).  Needs python3-readability and ../shared/data or
# IZDE_NEWS (a folder of its .jsonl files).
set -eu
cd "$(dirname "$0")/.."
N=${1:-400}
NEWS=${IZDE_NEWS:-../shared/data/russian-news/ru_kw_eval}
IZDE=${IZDE:-build/izde}
W=$(mktemp -d /tmp/izde-bench-web-XXXXXX)
trap 'rm -rf "$W"' EXIT
python3 tools/make-web-pages.py "$N" "$NEWS" "$W"
/usr/bin/time -f "izde extract: %e s for $N pages, max RSS %M KB" \
    "$IZDE" extract --json "$W"/pages/*.html > "$W/izde.jsonl"
/usr/bin/python3 - "$W" <<'PY'
import sys, json, time, glob, re
from collections import Counter
from readability import Document
import lxml.html
w = sys.argv[1]
files = sorted(glob.glob(w + '/pages/*.html'))
rd = {}
t0 = time.time()
for fn in files:
    s = Document(open(fn, encoding='utf-8').read()).summary(html_partial=True)
    rd[fn.split('/')[-1]] = lxml.html.fromstring(s).text_content()
dt = time.time() - t0
print('readability-lxml: %.2f s for %d pages (%.1f pages/s)' % (dt, len(files), len(files) / dt))
gold = json.load(open(w + '/gold.json'))
iz = {json.loads(l)['file'].split('/')[-1]: json.loads(l)['text'] for l in open(w + '/izde.jsonl')}
def toks(s): return re.findall(r'\w+', s.lower())
def prf(pred, g):
    p, q = Counter(toks(pred)), Counter(toks(g))
    tp = sum((p & q).values())
    if not tp: return 0, 0, 0
    P, R = tp / sum(p.values()), tp / sum(q.values())
    return P, R, 2 * P * R / (P + R)
for name, pred in (('izde extract', iz), ('readability-lxml', rd)):
    s = [prf(pred.get(k, ''), v) for k, v in gold.items()]
    n = len(s)
    print('%s: precision %.3f recall %.3f F1 %.3f over %d pages' % (name, sum(x[0] for x in s) / n,
          sum(x[1] for x in s) / n, sum(x[2] for x in s) / n, n))
PY
