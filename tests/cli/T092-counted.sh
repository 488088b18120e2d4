#!/bin/sh
# T092-counted: what a figure counts, across case forms and languages
# (counted.c): units written in any case form of Russian or Kyrgyz are one
# unit, a noun's Russian and Kyrgyz forms one group with a dictionary-form
# label, and check, facts and figure filters use the same key.
. "$(dirname "$0")/test-lib.sh"

mkdir news
cat > news/ky1.txt <<'T'
Бишкекте 800 килограммга жакын баңгизат кармалды
Ички иштер министрлигинин кызматкерлери шаардын четинде 800 килограммга жакын баңгизат кармашты. Ушул жылы өлкөгө 300дөн ашуун мигранттар кайтып келди, жыйынга 40тан ашуун лидерлер катышты. Иштин баасы 5000 долларды түзөт деп билдирди министрлик.
T
cat > news/ru1.txt <<'T'
В Бишкеке изъяли 800 кг наркотиков
Сотрудники милиции изъяли на окраине города 800 килограммов наркотиков. С начала года в страну вернулись более 500 мигрантов, среди них 12 лидеров общин. Партию оценили в 7000 долларов, сообщили в министерстве.
T
cat > news/ru2.txt <<'T'
Украина выделила деньги на ремонт аэродромов
Правительство выделило 20 млн гривен на ремонт аэродромов, ещё 5 млн грн получат местные власти. На аэродромах стоят 30 самолётов, в прошлом году прилетели 12 самолётами делегации из соседних стран.
T
"$IZDE" index --db db news >/dev/null || fail "indexing the made-up news"
export IZDE_DB="$WORK/db"

# units: «800 килограммга» (ky), «800 кг», «800 килограммов» (ru) are all кг
J=$("$IZDE" analyze --json --lang ky < news/ky1.txt)
check_eq "analyze ky: килограммга is кг, долларды доллар" '[[800,"about","кг","кг"],[5000,"exact","доллар","доллар"]]' \
    "$(echo "$J" | jq -c '[.figures[] | select(.unit) | [.value, .qualifier, .unit, .key]] | unique')"
check_eq "analyze ky: мигранттар and лидерлердин keyed and labelled" '[["мигрант","мигрант"],["лидер","лидер"]]' \
    "$(echo "$J" | jq -c '[.figures[] | select(.noun) | [.key, .label]]')"
J=$("$IZDE" check --json "800 килограмм")
check_eq "check 800 килограмм: the claim counts кг" "кг" "$(echo "$J" | jq -r .claim.noun_stem)"
check_eq "check 800 килограмм: «800 килограммга жакын», «800 кг наркотиков» agree" '["ky1.txt","ru1.txt"]' \
    "$(echo "$J" | jq -c '[.agree[].path | split("/") | last] | unique')"
check_eq "figure filter кг:>500 over both languages" "ky1.txt ru1.txt" \
    "$(hit_files 'килограмм:>500' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')"

# nouns: one group across forms and languages, shown in a dictionary form
J=$("$IZDE" facts --json -n 100 министерство OR министрлик OR правительство)
group() { echo "$J" | jq -c --arg k "$1" '[.groups[] | select(.key == $k) | [.label, .figures, .articles]]'; }
check_eq "facts: мигрантов and мигранттар one group" '[["мигрант",2,2]]' "$(group мигрант)"
check_eq "facts: лидеров and лидерлердин one group" '[["лидер",2,2]]' "$(group лидер)"
check_eq "facts: грн and гривен one group" '[["гривна",2,1]]' "$(group гривна)"
check_eq "facts: самолётов and самолётами shown as самолёт" '[["самолёт",2,1]]' "$(group самолет)"
check_eq "facts: доллар in both languages" '[["доллар",2,2]]' "$(group доллар)"
check_contains "facts text: the group's label" "мигрант (2 figure(s) in 2 article(s), 2 stories" \
    "$("$IZDE" facts -n 100 министерство OR министрлик)"

finish
