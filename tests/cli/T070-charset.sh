#!/bin/sh
# T070-charset: text files in windows-1251, KOI8-R, IBM866, UTF-16 (LE and
# BE, with BOM) and UTF-8 with BOM are detected, converted and found by an
# inflected form of a word; `izde index -v` names each file's charset on
# stderr, without -v nothing is printed there.
. "$(dirname "$0")/test-lib.sh"

command -v iconv >/dev/null 2>&1 || { echo "T070-charset: iconv missing; skipped"; exit 77; }

mkdir news
# enc CHARSET TEXT: TEXT (UTF-8) and a newline converted to CHARSET, on stdout
enc() {
    printf '%s\n' "$2" | iconv -f utf-8 -t "$1" || fail "iconv to $1"
}
enc windows-1251 "В Бишкеке задержан наркокурьер с крупной партией гашиша.
По данным милиции, задержанный перевозил наркотики из Чуйской области." > news/a-cp1251.txt
enc KOI8-R "Пограничники предотвратили контрабанду оружия на границе.
Возбуждено уголовное дело, сообщает пресс-служба пограничной службы." > news/b-koi8r.txt
enc IBM866 "Землетрясение магнитудой пять произошло в Нарынской области.
Жертв и разрушений нет, сообщили в министерстве чрезвычайных ситуаций." > news/c-cp866.txt
{ printf '\377\376'; enc UTF-16LE "Мигранты из Кыргызстана отправили домой рекордные денежные переводы.
Об этом сообщил Национальный банк республики."; } > news/d-utf16le.txt
{ printf '\376\377'; enc UTF-16BE "Депутаты одобрили законопроект о религиозных организациях.
Документ направлен на подпись президенту."; } > news/e-utf16be.txt
{ printf '\357\273\277'; printf '%s\n' "Суд приговорил вербовщика террористической организации к десяти годам.
Приговор вступил в законную силу."; } > news/f-utf8bom.txt

run index -v --db db news
check_eq "index -v: exit status" 0 "$STATUS"
check_contains "index -v: summary" "indexed 6 articles from 6 files" "$OUT"
expected_err="izde: news/a-cp1251.txt: windows-1251 (ICU confidence 23), converted to UTF-8
izde: news/b-koi8r.txt: KOI8-R (ICU confidence 50), converted to UTF-8
izde: news/c-cp866.txt: IBM866 (not rated by ICU), converted to UTF-8
izde: news/d-utf16le.txt: UTF-16LE with BOM, converted to UTF-8
izde: news/e-utf16be.txt: UTF-16BE with BOM, converted to UTF-8
izde: news/f-utf8bom.txt: UTF-8 with BOM"
check_eq "index -v: one charset line per file" "$expected_err" "$ERR"

# each file found by another form of its distinctive word
check_eq "windows-1251 found" "a-cp1251.txt" "$(hit_files --db db наркокурьера)"
check_eq "KOI8-R found" "b-koi8r.txt" "$(hit_files --db db контрабанды)"
check_eq "IBM866 found" "c-cp866.txt" "$(hit_files --db db землетрясения)"
check_eq "UTF-16LE found" "d-utf16le.txt" "$(hit_files --db db мигрантов)"
check_eq "UTF-16BE found" "e-utf16be.txt" "$(hit_files --db db законопроекта)"
check_eq "UTF-8 with BOM found" "f-utf8bom.txt" "$(hit_files --db db вербовщики)"
# the stored text is the converted UTF-8
check_eq "converted title" "В Бишкеке задержан наркокурьер с крупной партией гашиша." \
    "$("$IZDE" search --db db --json наркокурьера | jq -r '.hits[0].title')"

# a file named on the command line, --verbose; plain UTF-8 is named too
# (--force: b-koi8r.txt is unchanged and would be skipped)
printf 'Обычный текст в UTF-8 о выборах.\n' > plain.txt
run index --verbose --force --db db plain.txt news/b-koi8r.txt
check_eq "--verbose: lines" "izde: plain.txt: UTF-8
izde: news/b-koi8r.txt: KOI8-R (ICU confidence 50), converted to UTF-8" "$ERR"

# without -v: converted silently
run index --db db2 news
check_eq "no -v: exit status" 0 "$STATUS"
check_contains "no -v: summary" "indexed 6 articles from 6 files" "$OUT"
check_eq "no -v: nothing on stderr" "" "$ERR"
check_eq "no -v: KOI8-R found" "b-koi8r.txt" "$(hit_files --db db2 пограничники)"

finish
