#!/usr/bin/env python3
# make-web-pages.py N JSONL_DIR OUT_DIR - N news pages in four layouts of
# Russian and Kyrgyz news sites (menus, "read also" lists, share buttons,
# comments, sidebars, footers) around the articles of the JSON Lines files
# in JSONL_DIR (.jsonl or .jsonl.xz; fields title and content), and OUT_DIR/gold.json: each
# page's article text, for tools/bench-web.sh.  The pages stay outside the
# repository: they hold the data set's text.
import json, random, html, sys, os, glob, lzma
random.seed(21)
recs = []
for fn in sorted(glob.glob(os.path.join(sys.argv[2], '*.jsonl*'))):
    with (lzma.open(fn, 'rt') if fn.endswith('.xz') else open(fn)) as f:
        for line in f:
            r = json.loads(line)
            paras = [p.strip() for p in r.get('content', '').split('\n') if len(p.strip()) > 40]
            if len(paras) >= 3:
                recs.append((r.get('title', ''), paras[:12]))
            if len(recs) >= 2000: break
random.shuffle(recs)
N = int(sys.argv[1])
OUT = sys.argv[3]
os.makedirs(os.path.join(OUT, 'pages'), exist_ok=True)
nav = '<nav class="menu"><ul>' + ''.join('<li><a href="/c%d">Рубрика %d</a></li>' % (i, i) for i in range(12)) + '</ul></nav>'
def related(k):
    return '<ul>' + ''.join('<li><a href="/n/%d">%s</a></li>' % (i, html.escape(recs[(k + i) % len(recs)][0])) for i in range(1, 6)) + '</ul>'
def body(paras, k):
    out = []
    for i, p in enumerate(paras):
        out.append('<p>%s</p>' % html.escape(p))
        if i == 1: out.append('<div class="read-also"><b>Читайте также</b>%s</div>' % related(k))
        if i == 2: out.append('<h2>%s</h2>' % html.escape(paras[i][:40]))
    return '\n'.join(out)
T = [
  '<html><head><title>%s - Сайт</title></head><body><header>%s</header><div class="container"><div class="col-main"><h1>%s</h1><div class="cont">%s</div><div class="share-buttons"><a href="#">Telegram</a> Поделиться</div><section class="comments"><div class="comment">%s</div></section></div><aside class="sidebar"><h3>Последние новости</h3>%s</aside></div><footer><p>© Сайт. Все права защищены.</p></footer></body></html>',
  '<html lang="ru"><head><title>%s | Агентство</title></head><body><div id="top-bar">%s</div><div class="wrapper"><article class="post"><header><h1>%s</h1></header><div class="post-content">%s</div><div class="social-links"><a href="#">FB</a></div></article><div id="disqus_thread">%s</div><div class="related-news">%s</div></div><footer class="footer"><p>© Агентство</p></footer></body></html>',
  '<html><head><title>%s :: Пресс</title></head><body><table><tr><td class="topmenu">%s</td></tr></table><table><tr><td class="leftcol"><div class="lenta">Лента</div></td><td class="content"><h1>%s</h1><div class="newstext">%s</div><div class="share">Поделиться</div><div class="comments-block">%s</div><div class="readmore">%s</div></td></tr></table><div class="bottom">Copyright</div></body></html>',
  '<html lang="ru"><head><title>%s — портал</title></head><body>%s<main><article><header><h1>%s</h1></header><div class="article-body">%s</div></article><section id="comments">%s</section><div class="subscribe-box">%s</div></main><footer>портал</footer></body></html>',
]
gold = {}
for k in range(N):
    t, paras = recs[k]
    comment = 'Комментарий читателя: ' + recs[(k + 7) % len(recs)][1][0][:150]
    b = body(paras, k)
    page = T[k % 4] % (html.escape(t), nav, html.escape(t), b, html.escape(comment), related(k + 3))
    name = 'p%04d.html' % k
    open(os.path.join(OUT, 'pages', name), 'w').write(page)
    g = []
    for i, p in enumerate(paras):
        g.append(p)
        if i == 2: g.append(paras[i][:40])
    gold[name] = '\n'.join(g)
json.dump(gold, open(os.path.join(OUT, 'gold.json'), 'w'), ensure_ascii=False)
print(N, 'pages')
