#!/bin/sh
# T050-stem: `izde stem` and the golden vocabularies: every word of
# tests/golden/ky-voc.txt must stem to the same line of ky-output.txt.
. "$(dirname "$0")/test-lib.sh"

run stem --lang ky уюмдардын ИИМдин 100дөн KOICAнын 2021-жылдын шаарларынан
check_eq "stem ky: arguments" "уюм
иим
100
koica
2021-жыл
шаар" "$OUT"
OUT=$(printf 'Казахстане\nтерактов\nЁлки\n' | "$IZDE" stem --lang ru)
check_eq "stem ru: stdin, as written" "казахстан
теракт
елк" "$OUT"
run stem уюм
check_eq "stem without --lang: usage error" 2 "$STATUS"
check_eq "stem without --lang: message" "izde: stem: say which stemmer with --lang ky or --lang ru" \
    "$(echo "$ERR" | head -n 1)"
run stem --lang kk уюм
check_eq "stem unknown language: exit 2" 2 "$STATUS"
check_eq "stem unknown language: message" "izde: stem: --lang takes ky|ru, not 'kk'" "$ERR"

GOLDEN="$IZDE_SRC/tests/golden"
"$IZDE" stem --lang ky < "$GOLDEN/ky-voc.txt" > ky-got.txt
CHECKS=$((CHECKS + 1))
if ! diff -u "$GOLDEN/ky-output.txt" ky-got.txt > ky.diff; then
    fail "golden Kyrgyz vocabulary: $(grep -c '^+[^+]' ky.diff) stems differ"
    head -40 ky.diff >&2
fi
check_eq "golden vocabulary is not empty" "yes" "$([ "$(wc -l < "$GOLDEN/ky-voc.txt")" -gt 300 ] && echo yes)"

finish
