// app.js - the izde search page: runs the query in the URL (?q=&offset=&sort=&claim=)
// against /api/search, /api/facts and /api/timeline, draws the hits with
// their highlighted fragments and figures, «did you mean» with a link
// that runs the corrected query, the figures panel (saying how many
// articles it read), the timeline chart, and the fact-check box
// (/api/check, optionally within the query's articles, each list paged).  Everything from the index is
// inserted as text, never as HTML.
'use strict';

const PAGE = 10;
const $ = (id) => document.getElementById(id);
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();
let state = { q: '', offset: 0, sort: 'relevance', total: 0, claim: '', exact: false };

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else e.setAttribute(k, v);
  }
  for (const k of kids) if (k != null) e.append(k);
  return e;
}

function plural(n, one, few, many) {
  const d = n % 10, h = n % 100;
  if (d === 1 && h !== 11) return one;
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return few;
  return many;
}

const num = (n) => Number(n).toLocaleString('ru-RU');
const ruDate = (d) => (d && /^\d{4}-\d\d-\d\d$/.test(d)) ? d.split('-').reverse().join('.') : (d || '');

async function api(path, params) {
  const url = path + '?' + new URLSearchParams(params).toString();
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  let body;
  try { body = await r.json(); } catch (e) { body = { error: 'ответ сервера не JSON (' + r.status + ')' }; }
  if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
  return body;
}

function setStatus(text, error) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', !!error);
}

// A fragment with its highlights: [start, end) byte offsets into the UTF-8 text.
function fragment(sn) {
  const bytes = utf8.encode(sn.text);
  const p = el('p', { class: 'snippet' });
  let at = 0;
  for (const [b, e] of sn.highlights) {
    if (b > at) p.append(fromUtf8.decode(bytes.subarray(at, b)));
    p.append(el('mark', {}, fromUtf8.decode(bytes.subarray(b, e))));
    at = e;
  }
  if (at < bytes.length) p.append(fromUtf8.decode(bytes.subarray(at)));
  return p;
}

function hitItem(h) {
  const title = h.title || '(без заголовка)';
  const link = h.url ? el('a', { href: h.url, rel: 'noopener noreferrer', target: '_blank' }, title) : title;
  const meta = el('p', { class: 'meta' });
  const parts = [];
  if (h.lang) parts.push(el('span', { class: 'lang' }, h.lang));
  if (h.source) parts.push(h.source);
  if (h.date) parts.push(ruDate(h.date));
  parts.push(h.url || h.path || h.id || '');
  parts.forEach((x, i) => { if (i) meta.append(' · '); meta.append(x); });
  const li = el('li', { class: 'hit' }, el('h3', {}, h.rank + '. ', link), meta);
  for (const sn of h.snippets || []) li.append(fragment(sn));
  const seen = new Set();
  const figs = el('ul', { class: 'figures', 'aria-label': 'Цифры статьи' });
  for (const f of h.figures || []) {
    if (!f.text || seen.has(f.text) || seen.size >= 8) continue;
    seen.add(f.text);
    figs.append(el('li', { title: f.sentence || '' }, f.text));
  }
  if (seen.size) li.append(figs);
  if (h.copies) {
    const more = h.copies > (h.copy_ids || []).length ? ' …' : '';
    li.append(el('p', { class: 'copies', title: (h.copy_ids || []).join('\n') + more },
      'и ещё ' + num(h.copies) + ' ' + plural(h.copies, 'копия', 'копии', 'копий')));
  }
  return li;
}

// 1 копия, 2 копии, 5 копий; 21 копия.
function plural(n, one, few, many) {
  const d = n % 10, dd = n % 100;
  if (d === 1 && dd !== 11) return one;
  if (d >= 2 && d <= 4 && (dd < 12 || dd > 14)) return few;
  return many;
}

// "Также искали: экстремизма → экстремизм (то же слово в другом языке)",
// with a link to search the words as typed.
const WHY = { form: 'то же слово в другом языке', name: 'падежи фамилии', keyboard: 'н о у как ң ө ү',
  latin: 'кириллицей', glossary: 'словарь', wildcard: 'начало слова' };
function renderExpanded(res) {
  const box = $('expanded');
  const ex = res.expanded || [];
  box.hidden = !ex.length;
  if (!ex.length) { box.replaceChildren(); return; }
  const parts = [];
  ex.forEach((e, i) => {
    const to = e.to.slice(0, 12).join(', ') + (e.to.length > 12 ? ' и ещё ' + (e.to.length - 12) : '');
    parts.push((i ? '; ' : '') + e.word + ' → ' + to + ' (' + (WHY[e.why] || e.why) + ')');
  });
  const off = el('a', { href: '#' }, 'искать только как введено');
  off.addEventListener('click', (ev) => { ev.preventDefault(); $('exact').checked = true; $('search').requestSubmit(); });
  box.replaceChildren('Также искали: ', ...parts, '. ', off);
}

// «Возможно, вы имели в виду: …»: a link to the corrected query (the
// same sort), or nothing.
function renderSuggestion(suggestion) {
  const box = $('suggestion'), link = $('suggestion-link');
  box.hidden = !suggestion;
  if (!suggestion) return;
  const params = new URLSearchParams({ q: suggestion });
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  link.href = '?' + params;
  link.textContent = suggestion;
}

function renderHits(res) {
  renderExpanded(res);
  renderSuggestion(res.suggestion);
  const hits = $('hits');
  hits.replaceChildren(...res.hits.map(hitItem));
  state.total = res.matches_estimated;
  if (!res.hits.length) {
    setStatus(res.matches_estimated ? 'Дальше ничего нет.' : 'Ничего не найдено по запросу «' + res.query + '».');
  } else {
    const first = state.offset + 1, last = state.offset + res.hits.length;
    const stories = res.counts === 'stories';
    setStatus((stories ? 'Сюжеты ' : 'Статьи ') + num(first) + '–' + num(last) + ' из примерно ' +
              num(res.matches_estimated) +
              (stories ? ' (статей с копиями: ' + num(res.articles_estimated) + ')' : '') +
              (res.partial ? ' (не все шарды ответили)' : ''));
  }
  $('pager').hidden = res.matches_estimated <= PAGE;
  $('prev').disabled = state.offset === 0;
  $('next').disabled = state.offset + PAGE >= res.matches_estimated;
  $('page-info').textContent = 'страница ' + (Math.floor(state.offset / PAGE) + 1) + ' из ' +
    Math.max(1, Math.ceil(res.matches_estimated / PAGE));
}

const FACTS_READ = 200, FACTS_GROUPS = 8, FACTS_VALUES = 10, CHECK_PAGE = 10;

function renderFacts(res) {
  const box = $('facts');
  const read = el('p', { class: 'meta' }, res.articles < res.matched
    ? 'По ' + num(res.articles) + ' самым подходящим статьям из ' + num(res.matched) + ' найденных'
    : 'По всем ' + num(res.articles) + ' ' + plural(res.articles, 'найденной статье', 'найденным статьям', 'найденным статьям'));
  if (!res.groups.length) { box.replaceChildren(read, el('p', {}, 'В них цифр нет.')); return; }
  box.replaceChildren(read, ...res.groups.map((g) => {
    const what = g.label || g.noun || g.unit || g.noun_stem;
    const ul = el('ul');
    const values = new Map();
    for (const v of g.values) {
      if (!values.has(v.text)) values.set(v.text, []);
      values.get(v.text).push(v);
    }
    [...values.entries()].slice(0, 5).forEach(([text, vs]) => {
      const who = [...new Set(vs.map((v) => v.source || v.title || v.id))].slice(0, 3).join(', ');
      ul.append(el('li', { title: vs[0].sentence || '' }, text + ' — ' + who));
    });
    return el('div', { class: 'group' },
      el('h3', {}, what + ' ', el('span', { class: 'count' },
        '(' + num(g.figures) + ' ' + plural(g.figures, 'цифра', 'цифры', 'цифр') + ' в ' +
        num(g.stories) + ' ' + plural(g.stories, 'сюжете', 'сюжетах', 'сюжетах') + ')')), ul);
  }));
  if (res.groups_total > res.groups.length) {
    box.append(el('p', { class: 'meta' }, 'Показаны ' + num(res.groups.length) + ' из ' +
      num(res.groups_total) + ' групп'));
  }
}

// Bars per month; the first, the middle and the last month named.
function renderTimeline(res) {
  const box = $('chart');
  const ps = res.periods;
  if (!ps.length) {
    box.replaceChildren(el('p', {}, res.matches ? 'У найденных статей нет дат.' : 'Нет статей.'));
    return;
  }
  const NS = 'http://www.w3.org/2000/svg';
  const W = 600, H = 190, L = 34, B = 24, T = 8;
  const max = Math.max(...ps.map((p) => p.count), 1);
  const bw = (W - L) / ps.length;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
  const text = (x, y, s, anchor) => {
    const t = document.createElementNS(NS, 'text');
    t.setAttribute('x', x); t.setAttribute('y', y); t.setAttribute('class', 'axis');
    t.setAttribute('text-anchor', anchor || 'middle'); t.textContent = s;
    svg.append(t);
  };
  ps.forEach((p, i) => {
    const h = (H - B - T) * p.count / max;
    const r = document.createElementNS(NS, 'rect');
    r.setAttribute('class', 'bar');
    r.setAttribute('x', L + i * bw + bw * 0.1);
    r.setAttribute('y', H - B - h);
    r.setAttribute('width', Math.max(bw * 0.8, 1));
    r.setAttribute('height', h);
    const tip = document.createElementNS(NS, 'title');
    tip.textContent = p.period + ': ' + num(p.count);
    r.append(tip);
    svg.append(r);
  });
  text(L - 4, T + 10, num(max), 'end');
  text(L - 4, H - B, '0', 'end');
  const marks = [...new Set([0, Math.floor((ps.length - 1) / 2), ps.length - 1])];
  for (const i of marks) {
    const anchor = ps.length > 1 && i === 0 ? 'start' : ps.length > 1 && i === ps.length - 1 ? 'end' : 'middle';
    const x = anchor === 'start' ? L + i * bw : anchor === 'end' ? L + (i + 1) * bw : L + (i + 0.5) * bw;
    text(x, H - 6, ps[i].period, anchor);
  }
  const note = res.undated ? el('p', { class: 'meta' }, 'Без даты: ' + num(res.undated)) : null;
  box.replaceChildren(svg, ...(note ? [note] : []));
}

// One list of the check: its page of citations, with «раньше»/«дальше»
// fetching the neighbouring page of that list only.
function checkList(title, arr, total, offset, go) {
  const ul = el('ul');
  arr.forEach((v) => {
    const first = v.first && v.first.id !== v.id
      ? '; впервые: ' + (v.first.source || v.first.title || v.first.id) + (v.first.date ? ', ' + ruDate(v.first.date) : '') : '';
    const copies = v.copies > 1 ? ' (' + num(v.copies) + ' ' + plural(v.copies, 'копия', 'копии', 'копий') + ')' : '';
    ul.append(el('li', { title: v.sentence || '' },
      v.text + ' — ' + (v.source || v.title || v.id) + (v.date ? ', ' + ruDate(v.date) : '') + copies + first));
  });
  const head = el('h3', {}, title + ' (' + num(total) + ')');
  if (total <= arr.length && !offset) return [head, ul];
  const prev = el('button', { type: 'button' }, '← раньше');
  const next = el('button', { type: 'button' }, 'дальше →');
  prev.disabled = offset === 0;
  next.disabled = offset + CHECK_PAGE >= total;
  prev.addEventListener('click', () => go(Math.max(0, offset - CHECK_PAGE)));
  next.addEventListener('click', () => go(offset + CHECK_PAGE));
  const info = el('span', {}, num(total ? offset + 1 : 0) + '–' + num(offset + arr.length) + ' из ' + num(total));
  return [head, ul, el('p', { class: 'more' }, prev, info, next)];
}

function checkScope(res) {
  const s = res.scope || {};
  const parts = [];
  if (s.words) parts.push('слова утверждения: ' + s.words);
  if (s.in) parts.push('запрос: ' + s.in);
  const small = s.small ? ' (слишком короткие, не учтены: ' + s.small + ')' : '';
  return el('p', { class: 'meta' }, parts.length
    ? 'В статьях, где есть ' + parts.join('; ') + ' — ' + num(s.articles) + ', из них о «' +
      res.claim.noun_stem + '» ' + num(s.matched) + small
    : 'Без уточнения: все ' + num(s.matched) + ' ' + plural(s.matched, 'статья', 'статьи', 'статей') +
      ' о «' + res.claim.noun_stem + '»; добавьте слова к утверждению, чтобы сузить' + small);
}

async function runCheck(claim) {
  const box = $('check-result');
  if (!claim) { box.replaceChildren(); return; }
  const base = { claim, n: CHECK_PAGE };
  if ($('check-in').checked && state.q) base.q = state.q;
  const offsets = { agree: 0, differ: 0 };
  const lists = {};
  let res0 = null;
  const draw = () => box.replaceChildren(checkScope(res0), ...lists.agree, ...lists.differ);
  const load = async (which, offset) => {
    const res = await api('/api/check', { ...base, offset });
    if (!res0) res0 = res;
    for (const w of which) {
      offsets[w] = offset;
      lists[w] = checkList(w === 'agree' ? 'Совпадает' : 'Другое значение', res[w], res[w + '_total'],
        offset, (o) => load([w], o).then(draw).catch((e) => box.append(el('p', { class: 'meta' }, e.message))));
    }
  };
  box.replaceChildren(el('p', { class: 'meta' }, 'Проверяю…'));
  try {
    await load(['agree', 'differ'], 0);
    draw();
  } catch (e) {
    box.replaceChildren(el('p', { class: 'meta' }, e.message));
  }
}

async function run(push) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.offset) params.set('offset', state.offset);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.claim) params.set('claim', state.claim);
  if (state.exact) params.set('expand', '0');
  if (state.all) params.set('all_copies', '1');
  if (push) history.pushState(null, '', params.toString() ? '?' + params : '/');
  document.title = state.q ? state.q + ' — изде' : 'изде — поиск по новостям';
  renderSuggestion(null);
  if (!state.q) { setStatus(''); $('hits').replaceChildren(); $('pager').hidden = true; $('expanded').hidden = true; return; }
  setStatus('Ищу…');
  try {
    const p = withExpand({ q: state.q, n: PAGE, offset: state.offset, sort: state.sort });
    if (state.all) p.all_copies = 1;
    renderHits(await api('/api/search', p));
  } catch (e) {
    setStatus(e.message, true);
    $('expanded').hidden = true;
    $('hits').replaceChildren();
    $('pager').hidden = true;
  }
}

// The API parameters, plus expand=0 when "только как введено" is ticked.
function withExpand(params) {
  if (state.exact) params.expand = 0;
  return params;
}

let panelsFor = null;
async function panels() {
  if (panelsFor === state.q + '\u0000' + state.exact) return;
  panelsFor = state.q + '\u0000' + state.exact;
  if (!state.q) { $('facts').replaceChildren(); $('chart').replaceChildren(); return; }
  const q = state.q;
  api('/api/facts', withExpand({ q, n: FACTS_READ, groups: FACTS_GROUPS, values: FACTS_VALUES })).then((r) => { if (q === state.q) renderFacts(r); })
    .catch((e) => $('facts').replaceChildren(el('p', { class: 'meta' }, e.message)));
  api('/api/timeline', withExpand({ q, by: 'month' })).then((r) => { if (q === state.q) renderTimeline(r); })
    .catch((e) => $('chart').replaceChildren(el('p', { class: 'meta' }, e.message)));
}

function fromUrl() {
  const p = new URLSearchParams(location.search);
  state.q = (p.get('q') || '').trim();
  state.offset = Math.max(0, parseInt(p.get('offset') || '0', 10) || 0);
  state.sort = ['date', '-date'].includes(p.get('sort')) ? p.get('sort') : 'relevance';
  state.claim = (p.get('claim') || '').trim();
  state.exact = p.get('expand') === '0';
  state.all = p.get('all_copies') === '1'; // every copy of a story its own hit
  $('exact').checked = state.exact;
  $('q').value = state.q;
  $('sort').value = state.sort;
  $('claim').value = state.claim;
}

function page(delta) {
  const next = state.offset + delta * PAGE;
  if (next < 0 || (delta > 0 && next >= state.total)) return;
  state.offset = next;
  run(true).then(() => $('results').scrollIntoView());
}

document.addEventListener('DOMContentLoaded', () => {
  $('search').addEventListener('submit', (ev) => {
    ev.preventDefault();
    state.q = $('q').value.trim();
    state.sort = $('sort').value;
    state.exact = $('exact').checked;
    state.offset = 0;
    run(true);
    panels();
  });
  $('sort').addEventListener('change', () => { if (state.q) $('search').requestSubmit(); });
  $('check').addEventListener('submit', (ev) => {
    ev.preventDefault();
    state.claim = $('claim').value.trim();
    run(true);
    runCheck(state.claim);
  });
  $('check-in').addEventListener('change', () => runCheck(state.claim));
  $('suggestion-link').addEventListener('click', (ev) => {
    ev.preventDefault();
    $('q').value = ev.currentTarget.textContent;
    state.offset = 0;
    $('search').requestSubmit();
  });
  $('prev').addEventListener('click', () => page(-1));
  $('next').addEventListener('click', () => page(1));
  document.addEventListener('keydown', (ev) => {
    const typing = ['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement.tagName);
    if (ev.key === '/' && !typing) { ev.preventDefault(); $('q').focus(); $('q').select(); }
    if (ev.altKey && ev.key === 'ArrowRight') { ev.preventDefault(); page(1); }
    if (ev.altKey && ev.key === 'ArrowLeft') { ev.preventDefault(); page(-1); }
  });
  window.addEventListener('popstate', () => { fromUrl(); run(false); panels(); runCheck(state.claim); });
  api('/api/stats', {}).then((s) => {
    $('stats').textContent = num(s.documents) + ' ' + plural(s.documents, 'статья', 'статьи', 'статей') +
      ' в индексе' + (s.shards > 1 ? ' (' + s.shards + ' шарда)' : '');
  }).catch(() => {});
  fromUrl();
  if (state.q) { run(false); panels(); } else { $('q').focus(); }
  if (state.claim) runCheck(state.claim);
});
