// errors_ru.js - the index's error messages said in Russian on the page.
// The API answers in English, as the command line does; each known message
// is matched by its wording and retold here with its details (the column,
// the code, the range).  A message not listed is shown as the API gave it.
'use strict';

const RU_ERRORS = [
  [/^unbalanced quote: the (\S+) is never closed/, (m) => `кавычка ${m[1]} не закрыта`],
  [/^unbalanced quote: » has no opening «/, () => 'у кавычки » нет открывающей «'],
  [/^empty phrase/, () => 'в кавычках нет ни одного слова'],
  [/^lang: unknown language '([^']*)'; use (.*)$/, (m) => `неизвестный язык «${m[1]}»: пишите ${m[2].replace(/ or /, ' или ')}`],
  [/^lang: needs a language/, () => 'после lang: нужен язык: lang:ru, lang:ky или lang:other'],
  [/^lang: takes a language code in small Latin letters/, () => 'код языка пишется строчными латинскими буквами, например lang:ky'],
  [/^date: names no calendar date/, () => 'такой даты нет в календаре: месяцы 01–12, дни — до конца месяца, годы 1900–2100'],
  [/^date: the range ends before it starts: write (\S+)/, (m) => `период кончается раньше, чем начинается: пишите ${m[1]}`],
  [/^date: takes a date or a range/, () => 'date: нужна дата или период: date:2017, date:2017-04, date:2017-01..2017-06, date:>=2018-03'],
  [/^'([^']*)' is no filter/, (m) => `«${m[1]}» — не фильтр: фильтры — lang:, date: и существительное числа с диапазоном (человек:>1000)`],
  [/^a figure filter's range ends before it starts/, () => 'диапазон числа кончается раньше, чем начинается: меньшее число пишите первым'],
  [/^a figure filter needs a range/, () => 'фильтру по числу нужен диапазон, например человек:>1000, теракт:10..20 или теракт:11'],
  [/^a wildcard needs at least two letters/, () => 'перед * нужны хотя бы две буквы, и * — только в конце слова, например баңги*'],
  [/^(\S+) stands for more than (\d+)/, (m) => `${m[1]} подходит к более чем ${m[2]} словам: добавьте букв перед *`],
  [/^empty parentheses/, () => 'пустые скобки'],
  [/^unbalanced parenthesis: the \( is never closed/, () => 'скобка ( не закрыта'],
  [/^unbalanced parenthesis: this \) has no matching \(/, () => 'у скобки ) нет открывающей ('],
  [/^parentheses nested more than (\d+) deep/, (m) => `скобки вложены глубже ${m[1]} уровней: упростите запрос`],
  [/^OR needs a word on each side/, () => 'у OR должно быть слово с каждой стороны'],
  [/^AND needs a word on each side/, () => 'у AND должно быть слово с каждой стороны'],
  [/^(\S+) cannot follow OR/, (m) => `${m[1]} не может стоять после OR: вынесите исключение за OR`],
  [/^(NOT|-) needs a word after it/, (m) => `после ${m[1]} нужно слово`],
  [/^too many alternatives joined by OR \(at most (\d+)\)/, (m) => `слишком много вариантов через OR (не больше ${m[1]})`],
  [/^the query ends where a word is expected/, () => 'запрос обрывается там, где ожидается слово'],
  [/^empty query/, () => 'пустой запрос: введите хотя бы одно слово'],
  [/^the query's only word is longer than (\d+) bytes/, (m) => `единственное слово запроса длиннее ${m[1]} байт`],
  [/^(\S+) is not valid UTF-8/, (m) => `${m[1]}: текст не в UTF-8`],
  [/^(\S+) is (\d+) bytes long; at most (\d+) are taken/, (m) => `${m[1]}: ${m[2]} байт, принимается не больше ${m[3]}`],
  [/^no article with id '(.*)' in the index/, (m) => `в индексе нет статьи с id «${m[1]}»`],
];

// The Russian text of an API error message `msg` (as /api/* gives it).
function ruError(msg) {
  let rest = String(msg || '');
  let where = '';
  const bad = /^bad query '.*': /s.exec(rest);
  if (bad) rest = rest.slice(bad[0].length);
  const col = / \(column (\d+) of the query\)$/.exec(rest);
  if (col) {
    rest = rest.slice(0, col.index);
    where = ` (символ ${col[1]} запроса)`;
  }
  for (const [re, say] of RU_ERRORS) {
    const m = re.exec(rest);
    if (m) return say(m) + where;
  }
  return String(msg || '');
}
