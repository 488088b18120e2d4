#!/bin/sh
# T265-warc: web archives.  The test pages served by python3's http.server
# and crawled by wget --warc-file (a standard tool, from Debian) into a
# .warc.gz (a gzip member per record) and a .warc: every page with status
# 200 read as an article with its own metadata, its URL the record's
# WARC-Target-URI; the page of links, the 404, the text file and the
# request records skipped; an archive cut short read up to the damage with
# one error; a damaged record reported with its offset and the rest read;
# the archive indexed, searched, and re-read when it changes.
. "$(dirname "$0")/test-lib.sh"

command -v wget >/dev/null || { echo "wget missing (tools/deps.sh --test installs it)" >&2; exit 77; }
WEB="$IZDE_SRC/tests/web"
mkdir site
cp "$WEB/ru-jsonld.html" "$WEB/ky-og.html" "$WEB/ky-time.html" "$WEB/ru-text.html" site/
echo "просто текст" > site/data.txt
printf '<html><body><a href="ru-jsonld.html">1</a> <a href="ky-og.html">2</a> <a href="ky-time.html">3</a> <a href="ru-text.html">4</a> <a href="missing.html">5</a> <a href="data.txt">6</a></body></html>' > site/index.html
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd site && exec python3 -m http.server "$PORT" --bind 127.0.0.1) > server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
for _ in $(seq 1 300); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/index.html" && break
    sleep 0.1
done
BASE="http://127.0.0.1:$PORT"
wget -q -r -l1 --warc-file=crawl "$BASE/index.html" -P dl
wget -q -r -l1 --no-warc-compression --warc-file=plain "$BASE/index.html" -P dl2
kill $SERVER
CHECKS=$((CHECKS + 1))
[ -s dl/127.0.0.1:$PORT/ru-text.html ] && [ -s dl2/127.0.0.1:$PORT/ru-text.html ] ||
    fail "wget did not fetch the pages (server.log: $(cat server.log))"

expected="$BASE/ru-jsonld.html ; Бишкек построит три новые школы до конца года ; 2024-03-12 ; json-ld ; Новостной портал 24 ; ru
$BASE/ky-og.html ; Нарында жаңы көпүрө курулуп бүттү ; 2023-11-02 ; article:published_time ; Кабар агенттиги ; ky
$BASE/ky-time.html ; Ысык-Көлгө быйыл 1,5 миллион турист келди ; 2024-09-20 ; time ; nur.example.kz ; ky
$BASE/ru-text.html ; В Оше откроют центр для детей с инвалидностью ; 2025-02-07 ; headline ; 127.0.0.1 ; ru"
records() {
    "$IZDE" extract --json "$@" | jq -r '[.id, .title, .date, .date_from, .source, .lang] | join(" ; ")'
}
check_eq ".warc.gz: the four pages" "$expected" "$(records crawl.warc.gz)"
check_eq ".warc: the same" "$expected" "$(records plain.warc)"
check_eq "a page's text as from the file" "$("$IZDE" extract --json "$WEB/ky-og.html" | jq -r .text)" \
    "$("$IZDE" extract --json crawl.warc.gz | jq -r 'select(.id | endswith("ky-og.html")) | .text')"
check_eq "windows-1251 from the HTTP header or the page" "windows-1251" \
    "$("$IZDE" extract --json plain.warc | jq -r 'select(.id | endswith("ru-text.html")) | .charset')"

# cut short: the records before the damage, one error naming the record
# (cut 600 bytes into the response record of ky-time.html)
cut_at=$(python3 -c '
d = open("plain.warc", "rb").read()
print(d.find(b"WARC-Type: response", d.find(b"/ky-time.html")) + 600)')
head -c "$cut_at" plain.warc > cut.warc
run extract --json cut.warc
check_eq "cut .warc: exit 1" 1 "$STATUS"
check_eq "cut .warc: the records before it" "$BASE/ru-jsonld.html $BASE/ky-og.html" \
    "$(printf '%s\n' "$OUT" | jq -r .id | tr '\n' ' ' | sed 's/ $//')"
check_eq "cut .warc: one error" 1 "$(printf '%s\n' "$ERR" | grep -c .)"
check_contains "cut .warc: what and where" "cut.warc: the record at byte " "$ERR"
check_contains "cut .warc: which" "($BASE/ky-time.html) is cut short" "$ERR"
# cut inside the first line of a record: a cut, not a damaged record
python3 - <<'PY'
d = open("plain.warc", "rb").read()
k = d.rfind(b"WARC/1.", 0, d.find(b"WARC-Type: response", d.find(b"/ky-time.html")))
open("cut-line.warc", "wb").write(d[:k + 3])
open("cut-line.offset", "w").write(str(k))
PY
run extract --json cut-line.warc
check_eq "cut in a WARC/ line: exit 1, one error" "1 1" "$STATUS $(printf '%s\n' "$ERR" | grep -c .)"
check_eq "cut in a WARC/ line: said" \
    "izde: cut-line.warc: the record at byte $(cat cut-line.offset) is cut short in its header; the archive is damaged or truncated there, the records before it were read" "$ERR"
gzsize=$(wc -c < crawl.warc.gz)
head -c $((gzsize * 2 / 3)) crawl.warc.gz > cut.warc.gz
run extract --json cut.warc.gz
check_eq "cut .warc.gz: exit 1, one error" "1 1" "$STATUS $(printf '%s\n' "$ERR" | grep -c .)"
check_contains "cut .warc.gz: said" "is cut short" "$ERR"

# a damaged record header: reported with its offset, the rest read
python3 - <<'PY'
d = open("plain.warc", "rb").read()
u = d.find(b"WARC-Type: response", d.find(b"/ky-og.html"))
k = d.rfind(b"WARC/1.0", 0, u)
open("bad.warc", "wb").write(d[:k] + b"XXXX/1.0" + d[k + 8:])
open("bad.offset", "w").write(str(k))
PY
run extract --json bad.warc
check_eq "damaged record: exit 1" 1 "$STATUS"
check_eq "damaged record: said with its offset" \
    "izde: bad.warc: damaged record at byte $(cat bad.offset): no WARC/1.0 or WARC/1.1 line; skipped up to the next record" "$ERR"
check_eq "damaged record: the others read" "$BASE/ru-jsonld.html $BASE/ky-time.html $BASE/ru-text.html" \
    "$(printf '%s\n' "$OUT" | jq -r .id | tr '\n' ' ' | sed 's/ $//')"

# wget's records: warcinfo, a request and a response for each of 8 URLs
# (robots.txt and missing.html: 404; index.html: only links; data.txt:
# text/plain), its log as a resource (text/plain) and a metadata record.
# indexed: searched, dated, counted; re-read when it changes, the
# records gone from it removed
mkdir arch
cp crawl.warc.gz arch/
run index -v --db db arch
check_eq "index: exit 0" 0 "$STATUS"
# wget writes a warcinfo, a request and a response per URL, its log and a
# metadata record (20; one more when it retried a request under load)
NREC=$(zcat arch/crawl.warc.gz | grep -ac '^WARC-Type: ')
check_contains "index -v: the records counted" "$NREC records: 4 pages read as articles; skipped 0 revisits, 4 not HTML or without article text, 2 not status 200, 0 too large, 0 damaged" "$ERR"
check_eq "index: 4 articles" 4 "$("$IZDE" stats --db db --json | jq .documents)"
check_eq "search" "crawl.warc.gz" "$(hit_files --db db 'жилмассивах')"
check_eq "dated" "$BASE/ky-og.html" "$("$IZDE" search --db db --json 'date:2023-11' | jq -r '.hits[].id')"
cp cut.warc arch/crawl.warc.gz
touch -d '2030-01-01' arch/crawl.warc.gz
run index --db db arch
check_eq "changed archive: the records left" 2 "$("$IZDE" stats --db db --json | jq .documents)"

finish
