// article.js - the article view of the search page (?doc=ID): the stored
// article from /api/doc (title, language, source, date, the original URL,
// its story's copies, its figures, its clean text in paragraphs) and
// «Похожие», the articles like it from /api/similar, each opening in the
// same view.  Uses el(), api(), num(), figureList() and ruDate() of app.js;
// everything from the index is inserted as text, never as HTML.
'use strict';

// The page's link to article `id` in this view.
function docHref(id) {
  const p = new URLSearchParams({ doc: id });
  if (state.q) p.set('q', state.q);
  return '?' + p;
}

function articleMeta(d) {
  const meta = el('p', { class: 'meta' });
  const parts = [];
  if (d.lang) parts.push(el('span', { class: 'lang' }, d.lang));
  if (d.source) parts.push(d.source);
  parts.push(d.date ? ruDate(d.date) : 'без даты');
  if (d.url) parts.push(el('a', { href: d.url, rel: 'noopener noreferrer', target: '_blank' }, 'оригинал ↗'));
  else if (d.path) parts.push(d.path);
  parts.forEach((x, i) => { if (i) meta.append(' · '); meta.append(x); });
  return meta;
}

function articleCopies(d) {
  const ids = d.copies || [];
  if (!ids.length) return null;
  const total = d.copies_total || ids.length;
  const p = el('p', { class: 'copies' }, 'Копии этого сюжета (' + num(total) + '): ');
  ids.slice(0, 20).forEach((id, i) => { if (i) p.append(', '); p.append(el('a', { href: docHref(id) }, id)); });
  if (total > 20) p.append(' …');
  return p;
}

function similarList(res) {
  const box = el('section', { id: 'similar', 'aria-labelledby': 'similar-title' },
    el('h3', { id: 'similar-title' }, 'Похожие'));
  if (!res.hits.length) { box.append(el('p', { class: 'meta' }, 'Похожих статей нет.')); return box; }
  const ol = el('ol');
  for (const h of res.hits) {
    const li = el('li', {}, el('a', { href: docHref(h.id) }, h.title || '(без заголовка)'));
    const about = [h.lang, h.source, h.date ? ruDate(h.date) : ''].filter(Boolean).join(' · ');
    if (about) li.append(el('span', { class: 'meta' }, ' — ' + about));
    ol.append(li);
  }
  box.append(ol);
  return box;
}

// Show article `id` in place of the results; false when there is none to show.
async function showArticle(id) {
  const box = $('article');
  $('results').hidden = true;
  box.hidden = false;
  box.replaceChildren(el('p', { class: 'meta' }, 'Загружаю статью…'));
  let d;
  try {
    d = await api('/api/doc', { id });
  } catch (e) {
    box.replaceChildren(el('p', { class: 'error' }, e.message));
    return;
  }
  document.title = (d.title || id) + ' — изде';
  const back = el('a', { href: state.q ? '?' + new URLSearchParams({ q: state.q }) : '/' },
    state.q ? '← к результатам' : '← к поиску');
  const text = el('div', { class: 'article-text' });
  for (const para of (d.text || '').split(/\n\s*\n/)) if (para.trim()) text.append(el('p', {}, para.trim()));
  box.replaceChildren(back, el('h2', {}, d.title || '(без заголовка)'), articleMeta(d));
  for (const part of [articleCopies(d), figureList(d.figures, 20), text]) if (part) box.append(part);
  const sim = el('p', { class: 'meta' }, 'Ищу похожие…');
  box.append(sim);
  api('/api/similar', { id, n: 10 }).then((r) => sim.replaceWith(similarList(r)))
    .catch((e) => sim.replaceWith(el('p', { class: 'error' }, e.message)));
}

function hideArticle() {
  $('article').hidden = true;
  $('article').replaceChildren();
  $('results').hidden = false;
}
