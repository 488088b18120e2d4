#!/bin/sh
# T135-damaged: an index whose table files were changed behind izde's back
# (a bad copy, a disk error) is refused with "damaged" (exit 2) by index,
# search and stats, never handed to Xapian to crash or loop on; check-index
# runs Xapian's structural check, so it finds damage even when the files'
# times were kept (exit 1, listed); a sound index keeps working, incremental runs included.
. "$(dirname "$0")/test-lib.sh"

# XOR 64 bytes spread over the whole file: every part of the B-tree hit
damage() {
    python3 - "$1" <<'PY'
import sys
p = sys.argv[1]
b = bytearray(open(p, 'rb').read())
for i in range(64):
    b[(i * len(b)) // 64 + 7] ^= 0x5A
open(p, 'wb').write(b)
PY
}

run index --db db "$CORPUS"
check_eq "sound index: built" 0 "$STATUS"
check_eq "sound index: tables recorded" 4 "$(grep -c '\.\?glass\| ' db/izde.tables)"
run check-index --db db
check_eq "sound index: check-index passes" 0 "$STATUS"
check_contains "sound index: check-index says so" "every article readable" "$OUT"

for t in postlist position termlist docdata; do
    rm -rf d && cp -a db d
    damage d/$t.glass
    run search --db d Казахстан
    check_eq "$t damaged: search exit 2" 2 "$STATUS"
    check_contains "$t damaged: search says damaged" "izde: index 'd' is damaged: Xapian's check of its tables finds" "$ERR"
    run stats --db d
    check_eq "$t damaged: stats exit 2" 2 "$STATUS"
    OUT=$(timeout 60 "$IZDE" index --db d --force "$CORPUS" 2>&1); STATUS=$?
    check_eq "$t damaged: index exit 2 (no crash, no loop)" 2 "$STATUS"
    check_contains "$t damaged: index says what to do" "delete the folder and index again" "$OUT"
    run check-index --db d
    check_eq "$t damaged: check-index cannot open it" 2 "$STATUS"
    check_contains "$t damaged: check-index names Xapian's finding" "izde: index 'd' is damaged: Xapian's check of its tables finds" "$ERR"
    # the same damage with the files' times kept: check-index still sees it
    rm -rf d && cp -a db d
    damage d/$t.glass
    touch -r db/$t.glass d/$t.glass
    run check-index --db d
    check_eq "$t damaged, times kept: check-index finds problems" 1 "$STATUS"
    check_contains "$t damaged, times kept: Xapian's finding listed" "izde: d: Xapian's check of the tables finds" "$ERR"
done

# a sound index changed by izde itself stays trusted: incremental runs,
# then a search, with no false alarm
printf 'Новая статья о санкциях.\n' > extra.txt
run index --db db extra.txt
check_eq "incremental run on a sound index" 0 "$STATUS"
run search --db db санкциях
check_eq "search after it" 0 "$STATUS"
# a copy made with new file times (cp without -a) is checked once, found sound
rm -rf d2 && cp -r db d2
run search --db d2 санкциях
check_eq "a plain copy: checked and searched" 0 "$STATUS"

finish
