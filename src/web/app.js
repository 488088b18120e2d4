// app.js - the izde search page: runs the query in the URL (?q=&offset=&sort=&by=&labels=&claim=;
// ?doc=ID opens an article, article.js)
// against /api/search, /api/facts and /api/timeline, draws the hits with
// their highlighted fragments and figures, «did you mean» with a link
// that runs the corrected query, the figures panel (saying how many
// articles it read), the timeline chart (by year, month or week, the
// undated stories counted under it, a bar's click narrowing the query to
// its period with a date: filter), and the fact-check box
// (/api/check, optionally within the query's articles, each list paged),
// with «Скачать CSV» links to the same endpoints' format=csv (every hit,
// figure or citation, bounded by the API).  Everything from the index is
// inserted as text, never as HTML.
'use strict';

const PAGE = 10;
const $ = (id) => document.getElementById(id);
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();
let state = { q: '', offset: 0, sort: 'relevance', by: 'month', total: 0, claim: '', exact: false };

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
  if (!r.ok) {
    const what = r.status === 400 ? 'Ошибка в запросе' : r.status === 404 ? 'Не найдено'
      : r.status === 503 ? 'Шард не отвечает' : 'Ошибка сервера';
    const e = new Error(what + ': ' + (body.error ? ruError(body.error) : ('HTTP ' + r.status)));
    e.status = r.status;
    throw e;
  }
  return body;
}

// A panel's error: a bad query (400) is said once, in the status line above
// the results, so the panel is left empty.
function panelError(e) {
  return e.status === 400 ? [] : [el('p', { class: 'meta' }, e.message)];
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

// The figures an article cites, each once (its sentence on hover), at most
// `max`; null when none.
function figureList(figures, max) {
  const seen = new Set();
  const ul = el('ul', { class: 'figures', 'aria-label': 'Цифры статьи' });
  for (const f of figures || []) {
    if (!f.text || seen.has(f.text) || seen.size >= max) continue;
    seen.add(f.text);
    ul.append(el('li', { title: f.sentence || '' }, f.text));
  }
  return seen.size ? ul : null;
}

function hitItem(h) {
  const title = h.title || '(без заголовка)';
  const link = el('a', { href: docHref(h.id) }, title);
  const meta = el('p', { class: 'meta' });
  const parts = [];
  if (h.lang) parts.push(el('span', { class: 'lang' }, h.lang));
  if (h.source) parts.push(h.source);
  if (h.date) parts.push(ruDate(h.date));
  if (h.url) parts.push(el('a', { href: h.url, rel: 'noopener noreferrer', target: '_blank' }, h.url));
  else parts.push(h.path || h.id || '');
  parts.forEach((x, i) => { if (i) meta.append(' · '); meta.append(x); });
  const li = el('li', { class: 'hit' }, el('h3', {}, h.rank + '. ', link), meta);
  for (const sn of h.snippets || []) li.append(fragment(sn));
  const figs = figureList(h.figures, 8);
  if (figs) li.append(figs);
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

// The address of `path`'s CSV table for these parameters (format=csv,
// no page: the API's bound instead).
function csvHref(path, params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (k !== 'n' && k !== 'offset') p.set(k, v);
  p.set('format', 'csv');
  return path + '?' + p;
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

// ---- the timeline: bars per year, month or ISO week, the count above
// each bar with room for it, the axis labelled on every bar when the
// labels fit and else at calendar steps; a click on a bar puts its
// period into the query as a date: filter.
const BY_TITLE = { year: 'Сюжеты по годам', month: 'Сюжеты по месяцам', week: 'Сюжеты по неделям' };

const iso = (d) => d.toISOString().slice(0, 10);
// The date: filter of a period: date:2018, date:2018-03, or the Monday to
// Sunday of an ISO week (its Thursday falls in its year).
function periodFilter(p) {
  const m = /^(\d{4})-W(\d\d)$/.exec(p);
  if (!m) return 'date:' + p;
  const jan4 = new Date(Date.UTC(+m[1], 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 864e5 + (+m[2] - 1) * 7 * 864e5);
  return 'date:' + iso(monday) + '..' + iso(new Date(monday.getTime() + 6 * 864e5));
}

const DATE_WORD = /(^|\s)date:\S+/g;
const withoutDate = (q) => q.replace(DATE_WORD, ' ').replace(/\s+/g, ' ').trim();
const dateWord = (q) => ((q.match(DATE_WORD) || []).pop() || '').trim();

// The smallest calendar step of at least `min` periods.
function niceStep(by, min) {
  const steps = { year: [1, 2, 5, 10, 20, 50, 100], month: [1, 2, 3, 6, 12, 24, 60, 120],
    week: [1, 2, 4, 13, 26, 52, 104, 260] }[by];
  return steps.find((x) => x >= min) || min;
}
// At round calendar values: 2010, 2015; January, July; weeks 1, 14, 27,
// 40; week 1 of every 2nd, 5th... year.
function onStep(p, by, step) {
  if (by === 'year') return +p % step === 0;
  if (by === 'month') return (+p.slice(0, 4) * 12 + +p.slice(5, 7) - 1) % step === 0;
  const week = +p.slice(6);
  if (step < 52) return (week - 1) % step === 0 && (step === 1 || week < 53); // 53 is next to 1
  return week === 1 && +p.slice(0, 4) % (step / 52) === 0;
}
function yTick(max) {
  for (let p = 1; ; p *= 10) for (const k of [1, 2, 5]) if (p * k * 5 >= max) return p * k;
}

function timelineNote(res) {
  const parts = [];
  if (res.undated) {
    parts.push('Без даты: ' + num(res.undated) + ' ' + plural(res.undated, 'сюжет', 'сюжета', 'сюжетов') +
      ' (' + num(res.undated_articles) + ' ' + plural(res.undated_articles, 'статья', 'статьи', 'статей') +
      ') — на графике не показаны');
  }
  if (res.less_precise) {
    parts.push('с датой менее точной, чем ' + (res.by === 'week' ? 'неделя' : 'месяц') + ': ' +
      num(res.less_precise) + ' ' + plural(res.less_precise, 'сюжет', 'сюжета', 'сюжетов'));
  }
  return parts.join('; ');
}

function renderTimeline(res) {
  const box = $('chart');
  const ps = res.periods;
  $('timeline-title').textContent = BY_TITLE[res.by] || BY_TITLE.month;
  $('chart-note').textContent = timelineNote(res);
  if (!ps.length) {
    box.replaceChildren(el('p', {}, !res.stories ? 'Нет статей.'
      : res.stories === 1 ? 'У найденного сюжета нет даты публикации.'
      : 'Ни у одного из ' + num(res.stories) + ' найденных сюжетов нет даты публикации.'));
    return;
  }
  const NS = 'http://www.w3.org/2000/svg';
  const W = 1200, H = 230, L = 40, R = 8, B = 26, T = 14;
  const tick = yTick(Math.max(...ps.map((p) => p.count), 1));
  const max = Math.ceil(Math.max(...ps.map((p) => p.count), 1) / tick) * tick;
  const bw = (W - L - R) / ps.length;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
  svg.setAttribute('aria-label', BY_TITLE[res.by] + ': ' + ps.length + ' периодов');
  const node = (tag, attrs, parent) => {
    const n = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
    (parent || svg).append(n);
    return n;
  };
  const text = (x, y, s, cls, anchor) => {
    node('text', { x, y, class: cls || 'axis', 'text-anchor': anchor || 'middle' }).textContent = s;
  };
  for (let v = 0; v <= max; v += tick) {
    const y = H - B - (H - B - T) * v / max;
    node('line', { x1: L, x2: W - R, y1: y, y2: y, class: 'grid' });
    text(L - 4, y + 4, num(v), 'axis', 'end');
  }
  const active = dateWord(state.q);
  ps.forEach((p, i) => {
    const h = (H - B - T) * p.count / max;
    const filter = periodFilter(p.period);
    const a = node('a', { href: '?' + new URLSearchParams({ q: withoutDate(state.q) + ' ' + filter }),
      'data-period': p.period, 'aria-label': p.label + ': ' + num(p.count) });
    node('rect', { class: 'bar' + (filter === active ? ' active' : ''), x: L + i * bw + bw * 0.1,
      y: H - B - h, width: Math.max(bw * 0.8, 1), height: Math.max(h, 0.5) }, a)
      .append(Object.assign(document.createElementNS(NS, 'title'),
        { textContent: p.label + ': ' + num(p.count) + ' ' + plural(p.count, 'сюжет', 'сюжета', 'сюжетов') }));
    a.addEventListener('click', (ev) => { ev.preventDefault(); narrowTo(filter); });
    if (p.count && bw >= 2 + 6 * String(p.count).length) text(L + (i + 0.5) * bw, H - B - h - 3, num(p.count), 'value');
  });
  const labelW = { year: 34, month: 58, week: 74 }[res.by] || 58;
  const step = niceStep(res.by, Math.ceil(labelW / bw));
  let last = -1; // the last bar labelled too when there is room after the last step
  ps.forEach((p, i) => { if (onStep(p.period, res.by, step)) { text(L + (i + 0.5) * bw, H - 8, p.label); last = i; } });
  if (last < ps.length - 1 && (last < 0 || (ps.length - 1 - last) * bw >= labelW)) text(L + (ps.length - 0.5) * bw, H - 8, ps[ps.length - 1].label);
  box.replaceChildren(svg);
}

// The query narrowed to one period (or, with '', to none): its date: word replaced.
function narrowTo(filter) {
  $('q').value = (withoutDate(state.q) + ' ' + filter).trim();
  $('search').requestSubmit();
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
  const csv = el('p', { class: 'meta' }, el('a', { href: csvHref('/api/check', base), download: 'izde-check.csv' }, 'Скачать CSV'),
    ' — все совпадения и расхождения (до 1000 в каждом списке)');
  const draw = () => box.replaceChildren(checkScope(res0), ...lists.agree, ...lists.differ, csv);
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

function urlParams() {
  const params = new URLSearchParams();
  if (state.doc) params.set('doc', state.doc);
  if (state.q) params.set('q', state.q);
  if (state.offset) params.set('offset', state.offset);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.by !== 'month') params.set('by', state.by);
  if (state.labels === 'en') params.set('labels', 'en');
  if (state.claim) params.set('claim', state.claim);
  if (state.exact) params.set('expand', '0');
  if (state.all) params.set('all_copies', '1');
  return params.toString() ? '?' + params : '/';
}

async function run(push) {
  if (push) history.pushState(null, '', urlParams());
  if (state.doc) return showArticle(state.doc);
  hideArticle();
  document.title = state.q ? state.q + ' — изде' : 'изде — поиск по новостям';
  renderSuggestion(null);
  if (!state.q) { setStatus(''); $('hits').replaceChildren(); $('pager').hidden = true; $('expanded').hidden = true; $('hits-csv').hidden = true; return; }
  setStatus('Ищу…');
  try {
    const p = withExpand({ q: state.q, n: PAGE, offset: state.offset, sort: state.sort });
    if (state.all) p.all_copies = 1;
    const res = await api('/api/search', p);
    renderHits(res);
    $('hits-csv-link').href = csvHref('/api/search', p);
    $('hits-csv').hidden = !res.matches_estimated;
  } catch (e) {
    setStatus(e.message, true);
    $('hits-csv').hidden = true;
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

// The facts of the query; the timeline of the query without its date:
// filter (the chosen period highlighted, the others a click away).
let panelsFor = null, timelineFor = null, timelineRes = null;
async function panels() {
  $('all-dates').hidden = !dateWord(state.q);
  if (!state.q) {
    panelsFor = timelineFor = null;
    $('facts-csv').hidden = true;
    $('facts').replaceChildren(); $('chart').replaceChildren(); $('chart-note').textContent = '';
    return;
  }
  const q = state.q, tq = withoutDate(q) || q;
  if (panelsFor !== q + '\u0000' + state.exact) {
    panelsFor = q + '\u0000' + state.exact;
    $('facts-csv').hidden = true;
    api('/api/facts', withExpand({ q, n: FACTS_READ, groups: FACTS_GROUPS, values: FACTS_VALUES })).then((r) => {
      if (q !== state.q) return;
      renderFacts(r);
      /* the articles the panel read, every group and value of them */
      $('facts-csv-link').href = csvHref('/api/facts', withExpand({ q })) + '&n=' + FACTS_READ;
      $('facts-csv').hidden = !r.groups_total;
    }).catch((e) => $('facts').replaceChildren(...panelError(e)));
  }
  const key = [tq, state.exact, state.by, state.labels].join('\u0000');
  if (timelineFor === key) { if (timelineRes) renderTimeline(timelineRes); return; }
  timelineFor = key;
  timelineRes = null;
  api('/api/timeline', withExpand({ q: tq, by: state.by, labels: state.labels })).then((r) => {
    if (timelineFor !== key) return;
    timelineRes = r;
    renderTimeline(r);
  }).catch((e) => $('chart').replaceChildren(...panelError(e)));
}

function fromUrl() {
  const p = new URLSearchParams(location.search);
  state.q = (p.get('q') || '').trim();
  state.doc = (p.get('doc') || '').trim(); // the article view (article.js)
  state.offset = Math.max(0, parseInt(p.get('offset') || '0', 10) || 0);
  state.sort = ['date', '-date'].includes(p.get('sort')) ? p.get('sort') : 'relevance';
  state.claim = (p.get('claim') || '').trim();
  state.exact = p.get('expand') === '0';
  state.all = p.get('all_copies') === '1'; // every copy of a story its own hit
  state.by = ['year', 'week'].includes(p.get('by')) ? p.get('by') : 'month';
  state.labels = p.get('labels') === 'en' ? 'en' : 'ru'; // the chart's period labels
  for (const r of document.querySelectorAll('#by input')) r.checked = r.value === state.by;
  $('exact').checked = state.exact;
  $('q').value = state.q;
  $('sort').value = state.sort;
  $('claim').value = state.claim;
}

// The saved searches (izde watch add), each a search and an Atom feed;
// the panel stays hidden when there are none.
async function loadWatches() {
  try {
    const res = await api('/api/watches', {});
    const items = res.watches.map((w) => el('li', {},
      el('a', { href: '?' + new URLSearchParams({ q: w.query }) }, w.name), ' ',
      el('span', { class: 'meta' }, w.query), ' ',
      el('a', { href: w.feed, class: 'feed', type: 'application/atom+xml' }, 'Atom')));
    $('watches').replaceChildren(...items);
    $('watches-panel').hidden = !items.length;
  } catch (e) {
    $('watches-panel').hidden = true;
  }
}

function page(delta) {
  const next = state.offset + delta * PAGE;
  if (next < 0 || (delta > 0 && next >= state.total)) return;
  state.offset = next;
  run(true).then(() => $('results').scrollIntoView());
}

document.addEventListener('DOMContentLoaded', () => {
  loadWatches();
  $('search').addEventListener('submit', (ev) => {
    ev.preventDefault();
    state.q = $('q').value.trim();
    state.doc = '';
    state.sort = $('sort').value;
    state.exact = $('exact').checked;
    state.offset = 0;
    run(true);
    panels();
  });
  $('sort').addEventListener('change', () => { if (state.q) $('search').requestSubmit(); });
  for (const r of document.querySelectorAll('#by input')) {
    r.addEventListener('change', () => {
      state.by = r.value;
      history.replaceState(null, '', urlParams());
      panels();
    });
  }
  $('all-dates').addEventListener('click', () => narrowTo(''));
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
  if (state.doc) run(false);
  else if (state.q) { run(false); panels(); } else { $('q').focus(); }
  if (state.claim) runCheck(state.claim);
});
