#!/bin/sh
# T245-mentioned-events: `timeline --mentioned` counts the events an
# article mentions: birth dates («родился ... 1968 года», «1968-жылы
# туулган», «1985 года рождения») and dates after the article's own
# publication date are stored apart ("born", "later") and never counted.
. "$(dirname "$0")/test-lib.sh"

cat > m.jsonl <<'JSONL'
{"id":"ru","date":"2021-05-10","text":"Садыр Жапаров родился 6 декабря 1968 года в селе Кен-Арал. В 2017 году его осудили, а в октябре 2020 года освободили. Новые выборы пройдут в 2027 году, а в июне 2021 года — местные."}
{"id":"ky","text":"Жапаров 1968-жылы туулган. 2021-жылы шайланган. Саясатчы 2017-жылы камалган. Шайлоо 2027-жылы өтөт."}
{"id":"suspect","date":"2019-03-01","text":"Задержан Жапаров, мужчина 1985 года рождения. Преступление совершено 12 февраля 2019 года."}
JSONL
run index --db db m.jsonl
check_eq "index: exit 0" 0 "$STATUS"
export IZDE_DB="$WORK/db"

check_eq "ru: events, birth date and later dates apart" \
    '["2017","2020-10"] ["1968-12-06"] ["2027","2021-06"]' \
    "$("$IZDE" show --json ru | jq -c '.mentioned, .born, .later' | paste -sd' ')"
check_eq "ky, undated: 2027 is no later than an unknown date" \
    '["2021","2017","2027"] ["1968"] null' \
    "$("$IZDE" show --json ky | jq -c '.mentioned, .born, .later' | paste -sd' ')"
check_eq "suspect: «1985 года рождения» is a birth year" '["2019-02-12"] ["1985"]' \
    "$("$IZDE" show --json suspect | jq -c '.mentioned, .born' | paste -sd' ')"

run timeline --by year --mentioned --csv Жапаров
check_eq "timeline --mentioned: no 1968, 1985 or 2027 from ru" \
"period,count,articles
2017,2,2
2018,0,0
2019,1,1
2020,1,1
2021,1,1
2022,0,0
2023,0,0
2024,0,0
2025,0,0
2026,0,0
2027,1,1" "$OUT"

finish
