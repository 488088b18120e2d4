#!/bin/sh
# T030-json: JSON Lines input (fields, unknown fields, replacement by id)
# and the --json output shape, with highlight offsets checked byte by byte.
. "$(dirname "$0")/test-lib.sh"

cat > news.jsonl <<'JSONL'
{"id": "rt-1", "title": "Таджикистан усилил границу", "content": "Пограничники Таджикистана задержали 28 000 доз наркотиков. Об этом сообщает пресс-служба.", "url": "https://www.example.kg/news/2021-09-15/border", "keywords": ["граница"], "summary": "кратко"}
{"id": 42, "text": "Мигранты из Кыргызстана вернулись домой, передает агентство.", "source": "24.kg", "date": "2021-03-02", "lang": "ru"}
JSONL
run index --db db news.jsonl
check_eq "jsonl: exit 0" 0 "$STATUS"
check_contains "jsonl: two articles" "indexed 2 articles from 1 file" "$OUT"
export IZDE_DB="$WORK/db"

J=$("$IZDE" search --json Таджикистан)
check_eq "json: top-level keys" '["articles_estimated","counts","hits","matches_estimated","query"]' "$(echo "$J" | jq -c 'keys')"
check_eq "json: one hit per story, counted" 'stories' "$(echo "$J" | jq -r .counts)"
check_eq "json: query" "Таджикистан" "$(echo "$J" | jq -r .query)"
check_eq "json: hit keys" '["copies","copy_ids","date","figures","figures_total","id","lang","path","rank","score","snippets","source","story","title","url"]' \
    "$(echo "$J" | jq -c '.hits[0] | keys')"
check_eq "json: id" "rt-1" "$(echo "$J" | jq -r '.hits[0].id')"
check_eq "json: title" "Таджикистан усилил границу" "$(echo "$J" | jq -r '.hits[0].title')"
check_eq "json: source from the URL host" "example.kg" "$(echo "$J" | jq -r '.hits[0].source')"
check_eq "json: date from the URL" "2021-09-15" "$(echo "$J" | jq -r '.hits[0].date')"
check_eq "json: lang guessed" "ru" "$(echo "$J" | jq -r '.hits[0].lang')"
check_eq "json: path is the file" "$WORK/news.jsonl" "$(echo "$J" | jq -r '.hits[0].path')"

# every highlight is a byte range of the snippet text holding a form of the word
TEXT=$(echo "$J" | jq -r '.hits[0].snippets[0].text')
HL=$(echo "$J" | jq -r '.hits[0].snippets[0].highlights[] | "\(.[0]) \(.[1])"')
check_eq "json: one highlight (Таджикистана)" "1" "$(echo "$HL" | grep -c .)"
echo "$HL" | while read -r s e; do
    printf '%s' "$TEXT" | cut -b "$((s + 1))-$e"
done > marked.txt
check_eq "json: highlight bytes" "Таджикистана" "$(cat marked.txt)"

J=$("$IZDE" search --json '"28 000 доз"')
check_eq "number with a space: phrase" "rt-1" "$(echo "$J" | jq -r '.hits[0].id')"
check_eq "number written without the space matches" "rt-1" \
    "$("$IZDE" search --json 28000 | jq -r '.hits[0].id')"

J=$("$IZDE" search --json мигрант)
check_eq "numeric id kept as a string" "42" "$(echo "$J" | jq -r '.hits[0].id')"
check_eq "source field" "24.kg" "$(echo "$J" | jq -r '.hits[0].source')"
check_eq "date field" "2021-03-02" "$(echo "$J" | jq -r '.hits[0].date')"
check_eq "no url: null" "null" "$(echo "$J" | jq -r '.hits[0].url')"

# a record with a title and empty text is still indexed, by its title
printf '%s\n' '{"id": "t-only", "title": "Паводок в Оше", "content": ""}' > title.jsonl
run index --db db title.jsonl
check_eq "title only: indexed" 0 "$STATUS"
check_eq "title only: found by an inflected title word" "t-only" \
    "$("$IZDE" search --json Ош паводок | jq -r '.hits[0].id')"
"$IZDE" index --db db2 title.jsonl >/dev/null
printf '%s\n' '{"id": "nothing", "content": ""}' > none.jsonl
run index --db db2 none.jsonl
check_eq "neither text nor title: reported" \
    "izde: none.jsonl:1: article 'nothing' has no words to index (no text, no title)
izde: 1 file or record could not be indexed (listed above); the rest was indexed" "$ERR"

# a snippet stays within one paragraph, even when matches sit in two
printf 'Первый абзац про Бишкек.\n\nВторой абзац: Бишкек снова.\n' > two.txt
"$IZDE" index --db db3 two.txt >/dev/null
check_eq "snippet: one paragraph" "Первый абзац про Бишкек." \
    "$("$IZDE" search --db db3 --json Бишкек | jq -r '.hits[0].snippets[0].text')"

# re-index the same id with new text: replaced
printf '%s\n' '{"id": "rt-1", "text": "Новый текст про Узбекистан."}' > update.jsonl
"$IZDE" index --db db update.jsonl >/dev/null
check_eq "replace by id: new text found" "rt-1" "$("$IZDE" search --json Узбекистан | jq -r '.hits[0].id')"
run search Таджикистан
check_eq "replace by id: old text gone" 1 "$STATUS"
check_eq "replace by id: count (rt-1, 42, t-only)" "3" "$("$IZDE" index --db db update.jsonl | sed 's/.*holds \([0-9]*\).*/\1/')"

finish
