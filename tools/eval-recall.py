#!/usr/bin/env python3
"""eval-recall.py - what izde's query expansion finds on a real archive,
measured against the raw texts.

    tools/eval-recall.py --izde build/izde --db DB [--data PATH...]
                         [--queries FILE] [--latin-names FILE]
                         [--json OUT.json] [--seed N]

The truth is the raw text: for every article the index holds (its title
and text as read from the indexed .jsonl, .csv and text files, under the
id the index gives it: a record's `id`, else its `url`, else PATH:LINE; a
text file's real path), a word counts as present when one of the words
of the text matches the word's pattern (a stem and its inflectional
endings, written below; ё read as е, look-alike letters as the analyzer
reads them).  izde's answers come from `izde search --batch`, with and
without --no-expand, every hit of each query.  The files are found
through the index itself (the `path` of the hits of a few queries that
find every article between them), the languages are the index's;
--data adds folders or files.  An article reached only through an
expansion is counted as relevant when its text holds the word in any
form or derivation, in either language, or the glossary's word.

Limits: the patterns see words, not meanings (Медведева the skater counts
for Медведев); words izde drops as site chrome count as present (section
1's "indexed" column leaves them out); a Latin entry's success needs only
one article holding the name in the top 10.

Measures (a markdown report on stdout, the details in --json):
 1. cross-language recall: Russian forms typed -> Kyrgyz articles holding
    the word, Kyrgyz forms -> Russian articles; precision of the articles
    reached only through an expansion;
 2. surnames typed in case forms -> every article holding the surname;
 3. Kyrgyz typed with н о у for ң ө ү: words, and known items (3 title
    words, the article in the top 10);
 4. Latin spellings of names -> the articles holding the Cyrillic name;
 5. ranking: articles found only through an expansion above articles
    holding the word as typed, in the top 20;
 6. latency of the library (took_ms) with and without expansion;
 7. word*: its words and articles against those words searched one by one.

Standard library only.  Exit 0 when the run completed, 2 on bad arguments
or when izde fails.
"""

import argparse
import bisect
import collections
import csv
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata

# ---------------------------------------------------------------------------
# The word lists (ours).  Russian patterns are a stem and the endings of
# its declension; Kyrgyz ones a stem and any suffixes except derivational
# ones (-лык/-чы/...: президенттик «presidential», министрлик «ministry»).
# ---------------------------------------------------------------------------

# Russian noun endings by declension
END_M = ["", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"]       # мигрант
END_IYA = ["я", "и", "ю", "ей", "ею", "й", "ям", "ями", "ях"]          # санкци-я
END_A = ["а", "ы", "и", "е", "у", "ой", "ою", "", "ам", "ами", "ах"]  # москв-а
END_NAME = ["", "а", "у", "ом", "ым", "е"]                            # Путин, Трамп
RU_ENDINGS = {"M": END_M, "IYA": END_IYA, "A": END_A, "NAME": END_NAME}

# Kyrgyz derivational suffixes a stem may not be followed by (adjectives
# -лык -дык -тык, agents -чы, Russian adjectives -ск-, -ист, -изм)
KY_DERIV = r"(?!(?:л|д|т)[ыиуү][кг]|ч[ыиуү]|ск|ист|изм|онн|ционн)"

# 1. shared words: label, Russian stem, its declension, Kyrgyz stem,
#    two Russian forms typed, two Kyrgyz forms typed
CROSS_WORDS = [
    ("терроризм", "терроризм", "M", "терроризм", ["терроризма", "терроризмом"], ["терроризмдин", "терроризмге"]),
    ("экстремизм", "экстремизм", "M", "экстремизм", ["экстремизма", "экстремизмом"], ["экстремизмдин", "экстремизмге"]),
    ("мигрант", "мигрант", "M", "мигрант", ["мигрантов", "мигрантам"], ["мигранттар", "мигранттардын"]),
    ("президент", "президент", "M", "президент", ["президента", "президентом"], ["президенттин", "президентке"]),
    ("парламент", "парламент", "M", "парламент", ["парламента", "парламенте"], ["парламенттин", "парламентке"]),
    ("бюджет", "бюджет", "M", "бюджет", ["бюджета", "бюджете"], ["бюджеттен", "бюджеттин"]),
    ("доллар", "доллар", "M", "доллар", ["долларов", "доллара"], ["долларга", "доллардын"]),
    ("Москва", "москв", "A", "москва", ["Москвы", "Москве"], ["Москвада", "Москванын"]),
    ("санкция", "санкци", "IYA", "санкция", ["санкций", "санкциями"], ["санкциялар", "санкцияларды"]),
    ("Путин", "путин", "NAME", "путин", ["Путина", "Путиным"], ["Путиндин", "Путинге"]),
    ("коррупция", "коррупци", "IYA", "коррупция", ["коррупции", "коррупцией"], ["коррупцияга", "коррупциянын"]),
    ("Бишкек", "бишкек", "NAME", "бишкек", ["Бишкека", "Бишкеке"], ["Бишкекте", "Бишкектин"]),
    ("миграция", "миграци", "IYA", "миграция", ["миграции", "миграцией"], ["миграциянын", "миграцияга"]),
    ("полиция", "полици", "IYA", "полиция", ["полиции", "полицией"], ["полициясы", "полицияга"]),
    ("министр", "министр", "M", "министр", ["министра", "министром"], ["министри", "министрдин"]),
    ("депутат", "депутат", "M", "депутат", ["депутатов", "депутатами"], ["депутаттар", "депутаттын"]),
    ("экономика", "экономик", "A", "экономика", ["экономики", "экономике"], ["экономиканын", "экономикага"]),
    ("инвестиция", "инвестици", "IYA", "инвестиция", ["инвестиций", "инвестициями"], ["инвестициянын", "инвестицияларды"]),
    ("прокурор", "прокурор", "M", "прокурор", ["прокурора", "прокурором"], ["прокурордун", "прокурорго"]),
    ("Трамп", "трамп", "NAME", "трамп", ["Трампа", "Трампом"], ["Трамптын", "Трампка"]),
    ("Украина", "украин", "A", "украина", ["Украины", "Украине"], ["Украинанын", "Украинага"]),
    ("Сирия", "сири", "IYA", "сирия", ["Сирии", "Сирию"], ["Сирияда", "Сириянын"]),
    ("Германия", "германи", "IYA", "германия", ["Германии", "Германией"], ["Германиянын", "Германияда"]),
    ("Франция", "франци", "IYA", "франция", ["Франции", "Францией"], ["Франциянын", "Франциядан"]),
    ("Армения", "армени", "IYA", "армения", ["Армении", "Арменией"], ["Армениянын", "Арменияга"]),
    ("интернет", "интернет", "M", "интернет", ["интернета", "интернете"], ["интернетте", "интернеттен"]),
    ("компания", "компани", "IYA", "компания", ["компании", "компаний"], ["компаниянын", "компаниясы"]),
    ("программа", "программ", "A", "программа", ["программы", "программе"], ["программанын", "программасы"]),
    ("конституция", "конституци", "IYA", "конституция", ["конституции", "конституцию"], ["конституциянын", "конституцияга"]),
    ("референдум", "референдум", "M", "референдум", ["референдума", "референдуме"], ["референдумга", "референдумдун"]),
    ("фракция", "фракци", "IYA", "фракция", ["фракции", "фракций"], ["фракциясынын", "фракциясы"]),
    ("милиция", "милици", "IYA", "милиция", ["милиции", "милицией"], ["милицияга", "милициянын"]),
    ("вирус", "вирус", "M", "вирус", ["вируса", "вирусом"], ["вирустун", "вируска"]),
    ("туризм", "туризм", "M", "туризм", ["туризма", "туризму"], ["туризмди", "туризмдин"]),
    ("кризис", "кризис", "M", "кризис", ["кризиса", "кризисе"], ["кризистен", "кризиске"]),
]

# 2. surnames: the stem every form starts with (capitalised), the forms
#    typed (Russian genitive, dative, instrumental; Kyrgyz genitive, dative)
NAMES = [
    ("Жапаров", ["Жапарова", "Жапарову", "Жапаровым", "Жапаровдун", "Жапаровго"]),
    ("Жээнбеков", ["Жээнбекова", "Жээнбекову", "Жээнбековым", "Жээнбековдун", "Жээнбековго"]),
    ("Атамбаев", ["Атамбаева", "Атамбаеву", "Атамбаевым", "Атамбаевдин", "Атамбаевге"]),
    ("Медведев", ["Медведева", "Медведеву", "Медведевым", "Медведевдин", "Медведевге"]),
    ("Ташиев", ["Ташиева", "Ташиеву", "Ташиевым", "Ташиевдин", "Ташиевге"]),
    ("Токаев", ["Токаева", "Токаеву", "Токаевым", "Токаевдин", "Токаевге"]),
    ("Назарбаев", ["Назарбаева", "Назарбаеву", "Назарбаевым", "Назарбаевдин", "Назарбаевге"]),
    ("Лавров", ["Лаврова", "Лаврову", "Лавровым", "Лавровдун", "Лавровго"]),
    ("Мирзиеев", ["Мирзиёева", "Мирзиёеву", "Мирзиёевым", "Мирзиёевдин", "Мирзиёевге"]),
    ("Путин", ["Путина", "Путину", "Путиным", "Путиндин", "Путинге"]),
    ("Бабанов", ["Бабанова", "Бабанову", "Бабановым", "Бабановдун", "Бабановго"]),
    ("Исаков", ["Исакова", "Исакову", "Исаковым", "Исаковдун", "Исаковго"]),
    ("Отунбаев", ["Отунбаевой", "Отунбаеву", "Отунбаеванын", "Отунбаевага"]),
    ("Бакиев", ["Бакиева", "Бакиеву", "Бакиевым", "Бакиевдин", "Бакиевге"]),
    ("Сариев", ["Сариева", "Сариеву", "Сариевым", "Сариевдин", "Сариевге"]),
    ("Текебаев", ["Текебаева", "Текебаеву", "Текебаевым", "Текебаевдин", "Текебаевге"]),
    ("Абылгазиев", ["Абылгазиева", "Абылгазиеву", "Абылгазиевым", "Абылгазиевдин", "Абылгазиевге"]),
    ("Кадыров", ["Кадырова", "Кадырову", "Кадыровым", "Кадыровдун", "Кадыровго"]),
    ("Бердымухамедов", ["Бердымухамедова", "Бердымухамедову", "Бердымухамедовым", "Бердымухамедовдун", "Бердымухамедовго"]),
    ("Айтматов", ["Айтматова", "Айтматову", "Айтматовым", "Айтматовдун", "Айтматовго"]),
    ("Песков", ["Пескова", "Пескову", "Песковым", "Песковдун", "Песковго"]),
    ("Собянин", ["Собянина", "Собянину", "Собяниным", "Собяниндин", "Собянинге"]),
    ("Володин", ["Володина", "Володину", "Володиным", "Володиндин", "Володинге"]),
]
# what may follow a surname's stem and still be the surname: not a
# patronymic (-ич, -овна), a Russian adjective (-ский) or -к- (Путинковский)
# What follows a name and keeps it the name: a Russian case ending, or a
# Kyrgyz suffix after the name as written (its first letters: -дын -тын
# -нын, -га -ка, -лар, -ы, -сыз, ...), or a hyphen and another word
# (Бишкек-Ош); not a patronymic (-ович), a Russian derivation (-ский,
# -цев, -ков).  A name ending in -а -я -ь -ий -ый declines from its stem.
RU_NAME_END = ["", "а", "у", "ом", "ым", "е", "ы", "ам", "ами", "ах", "ой", "ою", "ых",
               "ыми", "и", "ю", "я", "ей", "ью", "ь"]
RU_ADJ_END = ["ий", "ый", "ого", "ому", "им", "ым", "ом", "ая", "ой", "ую", "ые", "ие",
              "ых", "их", "ыми", "ими", "ое", "ее", "ей", "его", "ему", "ем"]
KY_NAME_TAIL = (r"(?:[дтнң][ыиуүаеоө]|[гк][аеоө]|л[аеоө]|[ыиуү]|с[ыиуү]з|ч[ыиуү])"
                r"[а-яА-ЯңөүҢӨҮ]*")
NOT_DERIVED = r"(?!ич|овн|евн|ск|ц|ков|кий)"

# 3a. Kyrgyz words with ң ө ү: the forms typed right, and the pattern of
#     the word in any form
KEYBOARD_WORDS = [
    ("өкмөт", ["өкмөт", "өкмөттүн"], r"өкмөт" + "KYD" + r"\w*"),
    ("өлкө", ["өлкө", "өлкөнүн"], r"өлкө" + "KYD" + r"\w*"),
    ("бүгүн", ["бүгүн"], r"бүгүн(?!кү)\w*"),
    ("өнүгүү", ["өнүгүү", "өнүгүүсү"], r"өнүгүү" + "KYD" + r"\w*"),
    ("үчүн", ["үчүн"], r"үчүн"),
    ("тергөө", ["тергөө", "тергөөнүн"], r"тергөө" + "KYD" + r"\w*"),
    ("мүмкүн", ["мүмкүн"], r"мүмкүн" + "KYD" + r"\w*"),
    ("жергиликтүү", ["жергиликтүү"], r"жергиликтүү" + "KYD" + r"\w*"),
    ("төрага", ["төрага", "төрагасы"], r"төрага" + "KYD" + r"\w*"),
    ("белгилүү", ["белгилүү"], r"белгилүү" + "KYD" + r"\w*"),
    ("жөнүндө", ["жөнүндө"], r"жөнүндө\w*"),
    ("көңүл", ["көңүл"], r"көңүл" + "KYD" + r"\w*"),
    ("өзгөчө", ["өзгөчө"], r"өзгөчө" + "KYD" + r"\w*"),
    ("тиешелүү", ["тиешелүү"], r"тиешелүү" + "KYD" + r"\w*"),
    ("дүйнөлүк", ["дүйнөлүк"], r"дүйнөлүк\w*"),
]

# 4. Latin spellings (English-language press, passports, BGN) of names in
#    the Russian set and in the Kyrgyz set: latin, Cyrillic, set.  Used
#    when tests/golden/latin-names.tsv is absent.
LATIN_NAMES_RU = """
Putin Путин|Medvedev Медведев|Lavrov Лавров|Shoigu Шойгу|Shoygu Шойгу|Peskov Песков
Zakharova Захарова|Poroshenko Порошенко|Zelensky Зеленский|Zelenskiy Зеленский|Zelenskyy Зеленский
Navalny Навальный|Navalnyy Навальный|Sobyanin Собянин|Volodin Володин|Matviyenko Матвиенко
Matvienko Матвиенко|Kadyrov Кадыров|Lukashenko Лукашенко|Nazarbayev Назарбаев|Nazarbaev Назарбаев
Mirziyoyev Мирзиеев|Mirziyoev Мирзиеев|Erdogan Эрдоган|Macron Макрон|Merkel Меркель|Obama Обама
Trump Трамп|Sechin Сечин|Ulyukayev Улюкаев|Ulyukaev Улюкаев|Zhirinovsky Жириновский
Zhirinovskiy Жириновский|Zyuganov Зюганов|Kudrin Кудрин|Siluanov Силуанов|Nabiullina Набиуллина
Shuvalov Шувалов|Rogozin Рогозин|Deripaska Дерипаска|Berdymukhamedov Бердымухамедов
Rahmon Рахмон|Rakhmon Рахмон|Skripal Скрипаль|Serebrennikov Серебренников|Moskva Москва
Moscow Москва|Kiev Киев|Kyiv Киев|Donetsk Донецк|Lugansk Луганск|Luhansk Луганск|Krym Крым
Crimea Крым|Sevastopol Севастополь|Damascus Дамаск|Aleppo Алеппо|Idlib Идлиб|Raqqa Ракка
Pyongyang Пхеньян|Tehran Тегеран|Kazan Казань|Sochi Сочи|Yekaterinburg Екатеринбург
Ekaterinburg Екатеринбург|Novosibirsk Новосибирск|Vladivostok Владивосток|Kaliningrad Калининград
Chechnya Чечня|Dagestan Дагестан|Gazprom Газпром|Rosneft Роснефть|Sberbank Сбербанк
Aeroflot Аэрофлот|Tashkent Ташкент|Dushanbe Душанбе|Afghanistan Афганистан|Ankara Анкара
"""
LATIN_NAMES_KY = """
Japarov Жапаров|Zhaparov Жапаров|Djaparov Жапаров|Dzhaparov Жапаров|Jeenbekov Жээнбеков
Zheenbekov Жээнбеков|Dzheenbekov Жээнбеков|Atambayev Атамбаев|Atambaev Атамбаев|Tashiev Ташиев
Tashiyev Ташиев|Babanov Бабанов|Isakov Исаков|Otunbayeva Отунбаева|Otunbaeva Отунбаева
Bakiyev Бакиев|Bakiev Бакиев|Sariev Сариев|Sariyev Сариев|Abylgaziev Абылгазиев
Abylgaziyev Абылгазиев|Tekebayev Текебаев|Tekebaev Текебаев|Boronov Боронов|Madumarov Мадумаров
Jumabekov Жумабеков|Zhumabekov Жумабеков|Dzhumabekov Жумабеков|Aitmatov Айтматов|Aytmatov Айтматов
Akayev Акаев|Akaev Акаев|Mamytov Мамытов|Satybaldiev Сатыбалдиев|Satybaldiyev Сатыбалдиев
Chotonov Чотонов|Tokayev Токаев|Tokaev Токаев|Sooronbay Сооронбай|Sooronbai Сооронбай
Almazbek Алмазбек|Sadyr Садыр|Kamchybek Камчыбек|Mukhammedkalyi Мухаммедкалый
Mukhammedkaly Мухаммедкалый|Omurbek Өмүрбек|Kubatbek Кубатбек|Nurbek Нурбек|Bishkek Бишкек
Osh Ош|Naryn Нарын|Talas Талас|Batken Баткен|Jalal-Abad Жалал-Абад|Djalal-Abad Жалал-Абад
Zhalal-Abad Жалал-Абад|Jalalabad Жалал-Абад|Karakol Каракол|Tokmok Токмок|Tokmak Токмок
Kara-Balta Кара-Балта|Cholpon-Ata Чолпон-Ата|Uzgen Өзгөн|Ozgon Өзгөн|Kara-Suu Кара-Суу
Kochkor Кочкор|Balykchy Балыкчы|Balykchi Балыкчы|Issyk-Kul Ысык-Көл
Issyk-Kol Ысык-Көл
Ysyk-Kol Ысык-Көл|Chui Чүй|Chuy Чүй|Kyrgyzstan Кыргызстан|Kirgizstan Кыргызстан|Manas Манас
Ala-Too Ала-Тоо|Kumtor Кумтөр|Alamudun Аламүдүн|Sokuluk Сокулук|Nookat Ноокат|Aravan Араван
Leilek Лейлек|Leylek Лейлек|Toktogul Токтогул|Kemin Кемин|Suzak Сузак|Kadamjai Кадамжай
Kadamzhay Кадамжай
"""

# One place or person spelled two ways in the two sets (or in one): a
# Latin name finding either spelling finds the name.
SAME_NAME = [
    ["Ысык-Көл", "Иссык-Куль", "Ыссык-Көл"], ["Өмүрбек", "Омурбек"],
    ["Чыңгыз", "Чынгыз", "Чингиз"], ["Кумтөр", "Кумтор"], ["Өзгөн", "Узген"],
    ["Казакстан", "Казахстан"], ["Кыргызстан", "Киргизстан"], ["Жалал-Абад", "Джалал-Абад"],
    ["Жээнбеков", "Жеенбеков"], ["Жапаров", "Джапаров"], ["Жумабеков", "Джумабеков"],
    ["Кеңеш", "Кенеш"], ["Гүлнара", "Гульнара"],
]

# Names too short for "stem + any letters" (Ош / Ошондой, Крым / Крымов):
# the endings their forms take, Russian and Kyrgyz
SHORT_NAME_TAILS = {
    "Ош": ["", "а", "е", "у", "ом", "то", "тогу", "тун", "ко", "тон", "ту", "тук", "туктар"],
    "Крым": ["", "а", "у", "ом", "е", "да", "дагы", "дын", "га", "дан"],
    "Чүй": ["", "дө", "дөгү", "дүн", "гө", "дөн"],
    "Киев": ["", "а", "у", "ом", "е", "де", "деги", "дин", "ге", "ден"],
    "Сочи": [""],
    "Кемин": ["", "де", "деги", "дин", "ге", "ден"],
    "Манас": ["", "а", "у", "ом", "е", "тын", "ка", "та", "тагы", "тан", "ты"],
    "Талас": ["", "а", "е", "ом", "у", "та", "тагы", "тын", "ка", "тан"],
    "Нарын": ["", "а", "е", "у", "ом", "да", "дагы", "дын", "га", "дан"],
    "Садыр": ["", "дын", "га", "ды", "дан"],
}

LATENCY_ROUNDS = 2
EXAMPLES = 25   # unrelated articles shown, one per word

# 7. wildcards
WILDCARDS = ["баңги*", "экстремист*", "мигра*"]

# queries that find every article between them (the files the index holds
# are read from the paths of their hits, the languages are the index's):
# frequent words, and the smaller languages whole (lang:ru alone, 10,000
# hits of equal weight, takes seconds)
DISCOVERY = ["в OR и OR на OR с OR не OR что OR по OR жана OR менен OR боюнча OR да OR деп "
             "OR бул OR жылы OR болуп OR the OR of", "lang:ky", "lang:other"]

KB_MAP = str.maketrans("ңөүҢӨҮ", "ноуНОУ")
KY_SPECIAL = re.compile("[ңөүҢӨҮ]")

# ---------------------------------------------------------------------------
# text
# ---------------------------------------------------------------------------

LOOKALIKE = str.maketrans("aceopxyABCEHKMOPTX", "асеорхуАВСЕНКМОРТХ")
CYR = re.compile("[а-яА-ЯёЁңөүҢӨҮ]")
LATIN = re.compile("[A-Za-z]")
TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


# look-alike letters of older Kyrgyz fonts, as izde's Kyrgyz stemmer reads them
KY_LOOKALIKE = str.maketrans("ӊҥӈѳӧӱұӉҤӇѲӦӰҰ", "ңңңөөүүҢҢҢӨӨҮҮ")
KY_ODD = re.compile("[ӊҥӈѳӧӱұӉҤӇѲӦӰҰ]")


def normalize(text):
    """NFC, ё -> е, soft hyphens and zero-width characters removed (as the
    analyzer does); ӊ ҥ ӈ ѳ ӧ ӱ ұ read as ң ө ү."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    if KY_ODD.search(text):
        text = text.translate(KY_LOOKALIKE)
    return text.replace("ё", "е").replace("Ё", "Е")


def tokens(text):
    """The distinct words of a normalised text: hyphenated compounds whole
    and by parts; Latin look-alikes inside Cyrillic words made Cyrillic."""
    out = set()
    for t in set(TOKEN.findall(text)):
        if t.isdigit():
            continue
        if not t.isascii() and LATIN.search(t) and CYR.search(t):
            t = t.translate(LOOKALIKE)
        out.add(t)
        if "-" in t:
            out.update(p for p in t.split("-") if p)
    return out


# ---------------------------------------------------------------------------
# the archive as read from its files
# ---------------------------------------------------------------------------

class Doc:
    __slots__ = ("id", "path", "lang", "title", "text", "idx")

    def __init__(self, id_, path, title, text):
        self.id, self.path, self.title, self.text = id_, path, title, text
        self.lang = None
        self.idx = -1


def text_field(rec):
    for k in ("text", "content", "body"):
        v = rec.get(k)
        if isinstance(v, str) and v:
            return v
    return ""


def rec_id(rec, path, line):
    for k in ("id", "url"):
        v = rec.get(k)
        if v is not None and v != "":
            return v if isinstance(v, str) else json.dumps(v)
    return "%s:%d" % (path, line)


def read_file(path):
    """The articles of one file: (id, path, title, text)."""
    real = os.path.realpath(path)
    out = []
    if path.endswith(".jsonl"):
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            for n, line in enumerate(f, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    r = json.loads(line)
                except ValueError:
                    continue
                if not isinstance(r, dict):
                    continue
                title = r.get("title") if isinstance(r.get("title"), str) else ""
                out.append(Doc(rec_id(r, real, n), real, title, text_field(r)))
    elif path.endswith(".csv"):
        csv.field_size_limit(1 << 30)
        with open(path, encoding="utf-8-sig", errors="replace", newline="") as f:
            rd = csv.DictReader(f)
            for r in rd:
                title = r.get("title") or ""
                out.append(Doc(rec_id(r, real, rd.line_num), real, title, text_field(r)))
    else:
        with open(path, "rb") as f:
            raw = f.read()
        out.append(Doc(real, real, "", raw.decode("utf-8", errors="replace")))
    return out


def walk(path):
    if os.path.isdir(path):
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for f in sorted(files):
                if not f.startswith(".") and f.endswith((".jsonl", ".csv", ".txt", ".md")):
                    yield os.path.join(root, f)
    elif os.path.exists(path):
        yield path


class Archive:
    """Every article of the indexed files, its words, and which articles
    hold each word."""

    def __init__(self, docs):
        self.docs = docs
        self.by_id = {}
        for i, d in enumerate(docs):
            d.idx = i
            self.by_id[d.id] = d
        surface = self.surface = collections.defaultdict(set)   # word as written -> docs
        for d in docs:
            i = d.idx
            for t in tokens(normalize(d.title + "\n" + d.text)):
                surface[t].add(i)
        self.sorted = sorted((t.lower(), t) for t in self.surface)
        self.variants = collections.defaultdict(list)  # lower case -> words as written
        for low, t in self.sorted:
            self.variants[low].append(t)
        self.lang = collections.defaultdict(set)
        for d in docs:
            self.lang[d.lang].add(d.idx)

    def words(self, prefix):
        """(lower, surface) of the words starting with prefix (any case)."""
        prefix = prefix.lower()
        i = bisect.bisect_left(self.sorted, (prefix, ""))
        while i < len(self.sorted) and self.sorted[i][0].startswith(prefix):
            yield self.sorted[i]
            i += 1

    def match(self, prefix, pattern, case=False):
        """(docs, {word: docs}) of the words starting with `prefix` that
        match `pattern` whole (case-insensitive unless case)."""
        rx = re.compile(pattern, 0 if case else re.I)
        docs, forms = set(), {}
        for low, surf in self.words(prefix):
            if rx.fullmatch(surf):
                s = self.surface[surf]
                docs |= s
                forms[surf] = s
        return docs, forms

    def df_lower(self, word, within=None):
        """How many articles (of `within`) hold the word in any case."""
        s = set()
        for t in self.variants.get(word.lower(), ()):
            s |= self.surface[t]
        return len(s & within) if within is not None else len(s)


# ---------------------------------------------------------------------------
# izde
# ---------------------------------------------------------------------------

class IzdeError(Exception):
    pass


class Izde:
    def __init__(self, binary, db):
        self.binary, self.db = binary, db
        self.calls = 0

    def batch(self, queries, opts, keep=("ids",)):
        """Run `izde search --batch OPTS` over queries; one reduced answer
        per query: query, error, matches, took_ms, expanded, ids (in rank
        order), titles (id -> title) when asked."""
        self.calls += 1
        with tempfile.TemporaryFile("w+b") as inp:
            inp.write("".join(q.replace("\n", " ") + "\n" for q in queries).encode())
            inp.seek(0)
            cmd = [self.binary, "search", "--db", self.db, "--batch"] + list(opts)
            p = subprocess.Popen(cmd, stdin=inp, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)
            err = []
            t = threading.Thread(target=lambda: err.append(p.stderr.read()))
            t.start()
            out = []
            for line in p.stdout:
                o = json.loads(line)
                r = {"query": o.get("query"), "error": o.get("error"),
                     "matches": o.get("matches_estimated"), "took_ms": o.get("took_ms"),
                     "expanded": o.get("expanded") or []}
                hits = o.get("hits") or []
                r["ids"] = [h["id"] for h in hits]
                if "titles" in keep:
                    r["hits"] = [(h["id"], h.get("title") or "", h.get("lang"), h.get("path"))
                                 for h in hits]
                out.append(r)
            p.wait()
            t.join()
        if p.returncode not in (0, 1) or len(out) != len(queries):
            raise IzdeError("%s: exit %d, %d answers for %d queries: %s" % (
                " ".join(cmd), p.returncode, len(out), len(queries),
                err[0].decode(errors="replace")[-500:] if err else ""))
        return out

    def both(self, queries, opts):
        """The same queries with and without --no-expand, the two runs side by side."""
        res = {}

        def run(key, o):
            try:
                res[key] = self.batch(queries, o)
            except Exception as e:  # reported below
                res[key] = e
        t = threading.Thread(target=run, args=("plain", list(opts) + ["--no-expand"]))
        t.start()
        run("exp", opts)
        t.join()
        for k in ("exp", "plain"):
            if isinstance(res[k], Exception):
                raise res[k]
        return res["exp"], res["plain"]


# ---------------------------------------------------------------------------
# measures
# ---------------------------------------------------------------------------

def pct(a, b):
    return 100.0 * a / b if b else float("nan")


def fmt(x, nd=1):
    if x is None or x != x:
        return "–"
    return "%.*f" % (nd, x)


def mean(xs):
    xs = [x for x in xs if x is not None and x == x]
    return sum(xs) / len(xs) if xs else float("nan")


def percentile(xs, p):
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = max(0, min(len(xs) - 1, int(-(-p * len(xs) // 100)) - 1))  # nearest rank
    return xs[k]


class Ctx:
    def __init__(self, arch, izde):
        self.arch, self.izde = arch, izde
        self.unknown_ids = set()
        self.examples = []      # precision failures
        self.lost = []          # found as typed, not found with expansion

    def idx(self, ids):
        out = []
        for i in ids:
            d = self.arch.by_id.get(i)
            if d is None:
                self.unknown_ids.add(i)
            else:
                out.append(d.idx)
        return out


def expansion_words(r):
    return [(e.get("why"), t) for e in r["expanded"] for t in e.get("to", [])]


def holds_glossary(arch, d, r):
    """Does article d hold one of the glossary's words a query was also
    searched as (Жогорку Кеңеш for парламент)?  Each word of it present
    by its first letters (all but two, at least four)."""
    gl = [t for why, t in expansion_words(r) if why == "glossary"]
    if not gl:
        return False
    words = {w.lower() for w in tokens(normalize(d.title + "\n" + d.text))}
    for g in gl:
        ok = True
        for w in normalize(g).lower().split():
            pre = w[:max(4, len(w) - 2)]
            if not any(x.startswith(pre) for x in words):
                ok = False
                break
        if ok:
            return True
    return False


def evaluate_queries(ctx, group, items, exp, plain):
    """items: dicts with query, truth (doc idx set), scope (doc idx set the
    truth and recall are taken over), broad (doc idx set: holds the word
    in any form or derivation, for precision).  Fills recall, precision,
    ranking figures into each item."""
    arch = ctx.arch
    for it, e, p in zip(items, exp, plain):
        for r in (e, p):
            if r["error"]:
                it.setdefault("errors", []).append(r["error"])
        e_ids = ctx.idx(e["ids"])
        p_ids = ctx.idx(p["ids"])
        e_set, p_set = set(e_ids), set(p_ids)
        it["_e"], it["_p"] = e_set, p_set
        truth = it["truth"] & it["scope"]
        it["truth_n"] = len(truth)
        it["found_exp"] = len(truth & e_set)
        it["found_plain"] = len(truth & p_set)
        it["recall_exp"] = pct(it["found_exp"], len(truth)) if truth else None
        it["recall_plain"] = pct(it["found_plain"], len(truth)) if truth else None
        it["hits_exp"], it["hits_plain"] = len(e_ids), len(p_ids)
        it["expanded"] = e["expanded"]
        # at least one article holding the word found, and one in the top 10
        it["success_exp"] = bool(truth & e_set) and bool(truth & set(e_ids[:10]))
        it["success_plain"] = bool(truth & p_set) and bool(truth & set(p_ids[:10]))
        # missed articles and the forms they hold
        missed = truth - e_set
        forms = collections.Counter()
        for surf, s in it.get("forms", {}).items():
            n = len(s & missed)
            if n:
                forms[surf.lower()] += n
        it["missed_forms"] = forms.most_common(8)
        it["missed_ids"] = [arch.docs[i].id for i in sorted(missed)][:10]
        # reached only through an expansion, within the scope: holding the
        # word (any form or derivation), else the glossary's word, else not
        only = [i for i in e_ids if i not in p_set and i in it["scope"]]
        good = [i for i in only if i in it["broad"]]
        rest = [i for i in only if i not in it["broad"]]
        gloss = [i for i in rest if holds_glossary(arch, arch.docs[i], e)]
        bad = [i for i in rest if i not in set(gloss)]
        it["exp_only"] = len(only)
        it["exp_only_holding"] = len(good)
        it["exp_only_glossary"] = len(gloss)
        it["exp_only_unrelated"] = len(bad)
        it["precision"] = pct(len(good) + len(gloss), len(only)) if only else None
        it["unrelated_ids"] = [arch.docs[i].id for i in bad[:20]]
        for i in bad[:2]:
            d = arch.docs[i]
            ctx.examples.append({"group": group, "query": it["query"], "word": it["word"],
                                 "id": d.id,
                                 "lang": d.lang, "title": (d.title or "")[:120],
                                 "rank": e["ids"].index(d.id) + 1,
                                 "unrelated_for_query": len(bad),
                                 "expanded": expansion_words(e)})
        lost = p_set - e_set
        if lost:
            ctx.lost.append({"query": it["query"], "n": len(lost),
                             "ids": [arch.docs[i].id for i in sorted(lost)][:5]})
        # ranking: an article found only through an expansion above one
        # holding the word as typed (found with --no-expand), top 20
        top = e_ids[:20]
        typed_rank = [k for k, i in enumerate(e_ids) if i in p_set]
        last_typed = typed_rank[-1] if typed_rank else -1
        inv = [k + 1 for k, i in enumerate(top) if i not in p_set and k < last_typed]
        pairs = 0
        inv_pairs = 0
        for a in range(len(top)):
            for b in range(a + 1, len(top)):
                ta, tb = top[a] in p_set, top[b] in p_set
                if ta != tb:
                    pairs += 1
                    if not ta:
                        inv_pairs += 1
        it["rank_positions"] = len(top)
        it["rank_inverted"] = inv
        it["rank_pairs"], it["rank_inv_pairs"] = pairs, inv_pairs
        it["rank_exp_in_top"] = sum(1 for i in top if i not in p_set)


def highlight_examples(ctx, examples, limit):
    """The words izde highlights in each example article (what the
    expansion matched): the query run again for that one hit."""
    out = []
    for ex in examples[:limit]:
        cmd = [ctx.izde.binary, "search", "--db", ctx.izde.db, "--json", "-n", "1",
               "--offset", str(ex["rank"] - 1), ex["query"]]
        try:
            o = json.loads(subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout)
        except (ValueError, subprocess.SubprocessError):
            continue
        words = collections.Counter()
        for h in o.get("hits") or []:
            if h.get("id") != ex["id"]:
                continue
            for sn in h.get("snippets") or []:
                b = sn.get("text", "").encode()
                for x, y in sn.get("highlights") or []:
                    words[b[x:y].decode(errors="replace")] += 1
        ex["highlighted"] = [w for w, _ in words.most_common(6)]
        out.append(ex)
    return out


# ---- 1. cross-language ---------------------------------------------------------

def cross_indexed(cross):
    """Recall over the articles the word's own-language forms find as typed
    (--no-expand) and whose raw text holds it: what the expansion adds,
    apart from words izde does not index (site chrome dropped by cleaning,
    a stemmer's miss)."""
    for w, its in summarize(cross, lambda it: it["word"]).items():
        ref = {"ru→ky": set(), "ky→ru": set()}
        for it in its:  # Kyrgyz forms' own hits are the reference of ru→ky
            other = "ky→ru" if it["dir"] == "ru→ky" else "ru→ky"
            ref[other] |= it["_p"]
        for it in its:
            t = it["truth"] & it["scope"] & ref[it["dir"]]
            it["indexed_n"] = len(t)
            it["indexed_found"] = len(t & it["_e"])
            it["recall_indexed"] = pct(len(t & it["_e"]), len(t)) if t else None


def cross_items(arch):
    items = []
    ky, ru = arch.lang["ky"], arch.lang["ru"]
    for label, rstem, decl, kstem, rq, kq in CROSS_WORDS:
        ends = RU_ENDINGS[decl]
        r_pat = re.escape(rstem) + "(?:" + "|".join(map(re.escape, ends)) + ")"
        k_pat = re.escape(kstem) + KY_DERIV + r"[\w-]*"
        r_docs, r_forms = arch.match(rstem, r_pat)
        k_docs, k_forms = arch.match(kstem, k_pat)
        # broad: the stem followed by anything, in either spelling
        broad = arch.match(rstem, re.escape(rstem) + r"[\w-]*")[0] | \
            arch.match(kstem, re.escape(kstem) + r"[\w-]*")[0]
        for q in rq:
            items.append({"word": label, "dir": "ru→ky", "query": q, "truth": k_docs,
                          "forms": k_forms, "scope": ky, "broad": broad})
        for q in kq:
            items.append({"word": label, "dir": "ky→ru", "query": q, "truth": r_docs,
                          "forms": r_forms, "scope": ru, "broad": broad})
    return items


# ---- 2. surnames ---------------------------------------------------------------

def name_pattern(name):
    """A name (as written in the nominative) in any form, written with its
    capital or in capitals; too short a name takes listed endings only."""
    if name in SHORT_NAME_TAILS:
        forms = "(?:%s)" % "|".join(map(re.escape, SHORT_NAME_TAILS[name]))
        return "(?:%s|%s)%s" % (re.escape(name), re.escape(name.upper()), forms)
    stem, ends = name, RU_NAME_END
    for e in ("ий", "ый", "а", "я", "ь"):
        if name.endswith(e) and len(name) - len(e) >= 4:
            stem = name[:-len(e)]
            ends = RU_ADJ_END if e in ("ий", "ый") else RU_NAME_END
            break
    alts = []
    for n, st in ((name, stem), (name.upper(), stem.upper())):
        e = "|".join(map(re.escape, ends if st.islower() or not st.isupper()
                         else [x.upper() for x in ends]))
        alts.append("%s(?:%s)" % (re.escape(st), e))
        # Kyrgyz suffixes, also after a feminine -а (Отунбаеванын)
        alts.append("%s(?:а|А)?%s%s" % (re.escape(n), NOT_DERIVED, KY_NAME_TAIL))
    return "(?:%s)(?:-[\\w-]+)?" % "|".join(alts)


def name_items(arch):
    items = []
    everything = set(range(len(arch.docs)))
    for stem, forms in NAMES:
        docs, fm = arch.match(stem[:4], name_pattern(stem), case=True)
        broad = arch.match(stem, re.escape(stem) + r"[\w-]*")[0]
        for q in forms:
            items.append({"word": stem, "query": q, "truth": docs, "forms": fm,
                          "scope": everything, "broad": broad})
    return items


# ---- 3. keyboard -------------------------------------------------------------

def keyboard_items(arch):
    items = []
    ky = arch.lang["ky"]
    for word, forms, pat in KEYBOARD_WORDS:
        docs, fm = arch.match(word[:3], pat.replace("KYD", KY_DERIV))
        for f in forms:
            for typed in (f, f.translate(KB_MAP)):
                items.append({"word": word, "form": f, "query": typed,
                              "typed": "right" if typed == f else "н о у",
                              "truth": docs, "forms": fm, "scope": ky, "broad": docs})
    return items


def derived_title(text):
    """izde's title of an article without one: the first line of five words
    or more (else the first line with a word), its first sentence."""
    first = None
    for line in text.split("\n"):
        w = len(TOKEN.findall(line))
        if w >= 5:
            first = line
            break
        if w and first is None:
            first = line
    if first is None:
        return ""
    m = re.search(r"[.!?…](?:\s|$)", first)
    return (first[:m.end()] if m else first).strip()


def known_items(arch, seed, n_items, titles):
    """n_items Kyrgyz articles drawn with `seed`, each with a query of the 3
    rarest title words holding ң ө ү (each in at most 5% of the Kyrgyz
    articles, 4 letters or more)."""
    ky = arch.lang["ky"]
    limit = max(3, int(0.05 * len(ky)))
    cands = []
    for i in sorted(ky):
        d = arch.docs[i]
        title = normalize(titles.get(d.id) or d.title or derived_title(d.text))
        seen, words = set(), []
        for w in TOKEN.findall(title):
            lw = w.lower()
            if len(lw) < 4 or not KY_SPECIAL.search(lw) or lw in seen or "-" in lw:
                continue
            seen.add(lw)
            df = arch.df_lower(lw, ky)
            if 1 <= df <= limit:
                words.append((df, lw))
        if len(words) >= 3:
            words.sort()
            cands.append((d, title, [w for _, w in words[:3]], [df for df, _ in words[:3]]))
    rnd = random.Random(seed)
    pick = rnd.sample(cands, min(n_items, len(cands)))
    return pick, len(cands)


# ---- 4. Latin ----------------------------------------------------------------

def latin_list(path):
    """(latin, cyrillic, set) rows: of the file when it exists (and is not
    "builtin"), else of the lists above."""
    rows = []
    if path and path != "builtin" and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.split("\t")
                if len(parts) >= 3:
                    cyr = normalize(parts[1].strip())
                    if cyr == cyr.lower():  # a name: its capitals (ысык-көл -> Ысык-Көл)
                        cyr = re.sub(r"(^|[\s-])(\w)", lambda m: m.group(1) + m.group(2).upper(), cyr)
                    rows.append((parts[0].strip(), cyr, parts[2].strip()))
        return rows, os.path.normpath(path)
    for text, s in ((LATIN_NAMES_RU, "ru"), (LATIN_NAMES_KY, "ky")):
        for entry in text.replace("\n", "|").split("|"):
            entry = entry.strip()
            if entry:
                lat, cyr = entry.split(" ", 1)
                rows.append((lat, normalize(cyr), s))
    return rows, "the list in eval-recall.py"


def cyr_pattern(cyr):
    """The stem to look words up by and the pattern of a Cyrillic name (of
    several words, the last) in any form."""
    last = cyr.split()[-1]
    return last[:max(2, min(len(last), 4))], name_pattern(last)


def latin_items(arch, rows):
    """Truth: the articles holding the Cyrillic name (one of its spellings,
    written a/b) in any form, written with a capital; for precision, any
    case and any derivation (донецкий for Донецк)."""
    everything = set(range(len(arch.docs)))
    items = []
    cache = {}
    for lat, cyr, s in rows:
        if cyr not in cache:
            docs, fm, broad = set(), {}, set()
            alts = [a for a in re.split(r"\s*[/,]\s*", cyr) if a]
            for group in SAME_NAME:
                if any(a in group for a in alts):
                    alts += [g for g in group if g not in alts]
            for alt in alts:
                if not alt:
                    continue
                pre, pat = cyr_pattern(alt)
                d, f = arch.match(pre, pat, case=True)
                docs |= d
                fm.update(f)
                low = alt.split()[-1].lower()
                stem = low[:-2] if low.endswith(("ий", "ый")) else \
                    low[:-1] if low.endswith(("а", "я", "ь")) and len(low) > 4 else low
                broad |= arch.match(stem, re.escape(stem) + r"[\w-]*")[0]
            cache[cyr] = (docs, fm, broad | docs)
        docs, fm, broad = cache[cyr]
        items.append({"word": cyr, "query": lat, "set": s, "truth": docs, "forms": fm,
                      "scope": everything, "broad": broad})
    # a Latin word listed for two spellings (Kazakhstan: Казахстан, Казакстан)
    # is right to find either
    same = collections.defaultdict(set)
    for it in items:
        same[it["query"]] |= it["broad"]
    for it in items:
        it["broad"] = same[it["query"]]
    return items


# ---- 7. wildcards -------------------------------------------------------------

def wildcards(ctx, full):
    out = []
    exp = ctx.izde.batch(WILDCARDS, full)
    for w, r in zip(WILDCARDS, exp):
        words = [t for e in r["expanded"] if e.get("why") == "wildcard" for t in e.get("to", [])]
        row = {"query": w, "error": r["error"], "words": words, "articles": len(r["ids"])}
        if words:
            one = ctx.izde.batch(words, full + ["--no-expand"])
            union = set()
            for x in one:
                union |= set(x["ids"])
            got = set(r["ids"])
            row.update({"union": len(union), "both": len(union & got),
                        "only_wildcard": len(got - union), "only_union": len(union - got),
                        "only_union_ids": sorted(union - got)[:5],
                        "per_word": {x["query"]: len(x["ids"]) for x in one}})
        out.append(row)
    return out


# ---------------------------------------------------------------------------
# the run
# ---------------------------------------------------------------------------

def news_queries(arch, n=300):
    """The key phrases as tools/news-set.sh picks them: every `keywords`
    entry of the .jsonl files in name order, quotes and parentheses
    dropped, longer than 2 bytes, distinct, every step-th."""
    files = sorted({d.path for d in arch.docs if d.path.endswith(".jsonl")})
    allq, seen = [], set()
    for f in files:
        with open(f, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                try:
                    r = json.loads(line)
                except ValueError:
                    continue
                for kw in r.get("keywords") or []:
                    if not isinstance(kw, str):
                        continue
                    # jq -r writes a phrase's line breaks; awk's length counts bytes
                    for k in re.sub(r'["()]', "", kw).split("\n"):
                        if len(k.encode()) > 2 and k not in seen:
                            seen.add(k)
                            allq.append(k)
    if not allq:
        return []
    step = max(1, len(allq) // n)
    return [q for i, q in enumerate(allq, 1) if i % step == 0][:n]


def load_archive(izde, extra, full_n, log):
    t0 = time.time()
    seen = {}
    for r in izde.batch(DISCOVERY, ["-n", full_n, "--no-snippets", "--no-expand"], keep=("titles",)):
        if r["error"]:
            raise IzdeError("discovery query %s: %s" % (r["query"], r["error"]))
        for hid, title, lang, path in r["hits"]:
            seen[hid] = (title, lang, path)
    files = sorted({p for _, _, p in seen.values() if p})
    for x in extra:
        files.extend(walk(x))
    files = sorted(set(os.path.realpath(f) for f in files if os.path.exists(f)))
    docs, by_id = [], {}
    for f in files:
        for d in read_file(f):
            by_id[d.id] = d  # a later record of the same id replaces it, as in the index
    docs = list(by_id.values())
    # articles without words are not in the index
    docs = [d for d in docs if d.id in seen or TOKEN.search(d.title + d.text)]
    # language: the index's, else the one most articles of the file have
    per_file = collections.defaultdict(collections.Counter)
    titles = {}
    for d in docs:
        s = seen.get(d.id)
        if s:
            d.lang = s[1]
            titles[d.id] = s[0]
            per_file[d.path][s[1]] += 1
    guessed = 0
    for d in docs:
        if d.lang is None:
            c = per_file.get(d.path)
            d.lang = c.most_common(1)[0][0] if c else (
                "ky" if KY_SPECIAL.search(d.text) else "ru")
            guessed += 1
    arch = Archive(docs)
    log("read %d articles from %d files (%d seen by the discovery query, %d languages "
        "guessed) in %.1f s" % (len(docs), len(files), len(seen), guessed, time.time() - t0))
    return arch, titles, {"files": len(files), "articles": len(docs), "seen": len(seen),
                          "lang_guessed": guessed,
                          "by_lang": {k: len(v) for k, v in arch.lang.items()}}


def summarize(items, key_fn):
    groups = collections.OrderedDict()
    for it in items:
        groups.setdefault(key_fn(it), []).append(it)
    return groups


def strip(it):
    """An item for the JSON file: no sets."""
    d = {k: v for k, v in it.items()
         if k not in ("truth", "forms", "scope", "broad") and not k.startswith("_")}
    scope = it.get("scope", set())
    d["truth_forms"] = sorted(((w, len(s & scope)) for w, s in it.get("forms", {}).items()
                               if s & scope), key=lambda x: -x[1])[:25]
    return d


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--izde", required=True, help="the izde binary")
    ap.add_argument("--db", required=True, help="the index")
    ap.add_argument("--data", nargs="*", default=[], help="more files or folders of the archive")
    ap.add_argument("--queries", help="key phrases for the latency run (default: picked from "
                    "the .jsonl keywords as tools/news-set.sh does)")
    ap.add_argument("--latin-names", help="latin<TAB>cyrillic<TAB>set lines (default: "
                    "tests/golden/latin-names.tsv of this tool's tree, else, or with 'builtin', "
                    "the tool's own list)")
    ap.add_argument("--json", default="eval-recall.json", help="the details (default %(default)s)")
    ap.add_argument("--seed", type=int, default=20240601, help="known-item draw (default %(default)s)")
    ap.add_argument("--known-items", type=int, default=60)
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    a = ap.parse_args()

    t_start = time.time()

    def log(msg):
        if not a.quiet:
            print("eval-recall: [%5.1f s] %s" % (time.time() - t_start, msg), file=sys.stderr)

    if not os.access(a.izde, os.X_OK):
        print("eval-recall: %s is not an executable" % a.izde, file=sys.stderr)
        return 2
    izde = Izde(a.izde, a.db)
    try:
        version = subprocess.run([a.izde, "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        version = ""
    try:
        stats = json.loads(subprocess.run([a.izde, "stats", "--json", "--db", a.db],
                                          capture_output=True, text=True, check=True).stdout)
    except (subprocess.CalledProcessError, ValueError) as e:
        print("eval-recall: izde stats on %s failed: %s" % (a.db, e), file=sys.stderr)
        return 2
    full_n = str(max(1000, int(stats.get("documents", 0)) + 10))
    FULL = ["-n", full_n, "--no-snippets"]

    try:
        arch, titles, arch_info = load_archive(izde, a.data, full_n, log)
    except IzdeError as e:
        print("eval-recall: %s" % e, file=sys.stderr)
        return 2
    ctx = Ctx(arch, izde)
    details = {"izde": a.izde, "version": version, "db": a.db, "stats_documents": stats.get("documents"),
               "archive": arch_info, "seed": a.seed}

    try:
        # 1, 2: full result lists, with and without expansion
        cross = cross_items(arch)
        names = name_items(arch)
        kb = keyboard_items(arch)
        here = os.path.dirname(os.path.abspath(__file__))
        lat_rows, lat_src = latin_list(a.latin_names or os.path.join(here, "..", "tests", "golden",
                                                                     "latin-names.tsv"))
        lat = latin_items(arch, lat_rows)
        log("truth counted: %d cross-language, %d name, %d keyboard, %d Latin queries" % (
            len(cross), len(names), len(kb), len(lat)))
        groups = [("cross", cross), ("names", names), ("keyboard", kb), ("latin", lat)]
        allq = [it["query"] for _, items in groups for it in items]
        exp, plain = izde.both(allq, FULL)
        log("%d queries run twice (full result lists)" % len(allq))
        k = 0
        for g, items in groups:
            evaluate_queries(ctx, g, items, exp[k:k + len(items)], plain[k:k + len(items)])
            k += len(items)
        cross_indexed(cross)

        # 3b known items
        pick, n_cands = known_items(arch, a.seed, a.known_items, titles)
        ki_queries = []
        for d, title, words, dfs in pick:
            ki_queries.append(" ".join(words))
            ki_queries.append(" ".join(w.translate(KB_MAP) for w in words))
        ki_exp, ki_plain = izde.both(ki_queries, ["-n", "10", "--no-snippets"])
        known = []
        for j, (d, title, words, dfs) in enumerate(pick):
            right, wrong = ki_exp[2 * j], ki_exp[2 * j + 1]
            wrong_plain = ki_plain[2 * j + 1]
            right_plain = ki_plain[2 * j]
            known.append({"id": d.id, "title": title, "query": ki_queries[2 * j],
                          "query_nou": ki_queries[2 * j + 1], "df": dfs,
                          "right": d.id in right["ids"][:10],
                          "right_plain": d.id in right_plain["ids"][:10],
                          "nou": d.id in wrong["ids"][:10],
                          "nou_plain": d.id in wrong_plain["ids"][:10],
                          "rank_right": right["ids"].index(d.id) + 1 if d.id in right["ids"] else None,
                          "rank_nou": wrong["ids"].index(d.id) + 1 if d.id in wrong["ids"] else None,
                          "expanded_nou": wrong["expanded"]})
        log("%d known items" % len(known))

        # 7 wildcards
        wild = wildcards(ctx, FULL)
        log("wildcards")

        # 6 latency
        if a.queries and os.path.exists(a.queries):
            with open(a.queries, encoding="utf-8") as f:
                kp = [l.strip() for l in f if l.strip()][:300]
            kp_src = a.queries
        else:
            kp = news_queries(arch)
            kp_src = "the .jsonl keywords (as tools/news-set.sh picks them)"
        lat_sets = collections.OrderedDict([
            ("cross-language", sorted({it["query"] for it in cross})),
            ("names", sorted({it["query"] for it in names})),
            ("keyboard", sorted({it["query"] for it in kb})),
            ("key phrases", kp)])
        lq = [q for qs in lat_sets.values() for q in qs]
        izde.batch(lq, ["-n", "10"])  # warm the cache
        rounds = {"plain": [], "exp": []}
        for _ in range(LATENCY_ROUNDS):  # alternated; each query's fastest run is kept
            rounds["plain"].append(izde.batch(lq, ["-n", "10", "--no-expand"]))
            rounds["exp"].append(izde.batch(lq, ["-n", "10"]))

        def fastest(rs):
            return [{"query": q, "took_ms": min((r[j]["took_ms"] for r in rs
                                                  if r[j]["took_ms"] is not None), default=None)}
                    for j, q in enumerate(lq)]
        t_plain, t_exp = fastest(rounds["plain"]), fastest(rounds["exp"])
        log("latency: %d queries, %d rounds each way" % (len(lq), LATENCY_ROUNDS))

        # the words izde highlights in the unrelated articles
        seen_words, chosen = set(), []
        for ex in sorted(ctx.examples, key=lambda x: -x["unrelated_for_query"]):
            if ex["word"] not in seen_words:
                seen_words.add(ex["word"])
                chosen.append(ex)
        shown_examples = highlight_examples(ctx, chosen, EXAMPLES)
        log("%d unrelated articles looked at" % len(shown_examples))
    except IzdeError as e:
        print("eval-recall: %s" % e, file=sys.stderr)
        return 2

    # ------------------------------------------------------------------ report
    out = []
    P = out.append
    P("# izde expansion: recall, precision, ranking, latency")
    P("")
    P("izde `%s` (%s), index `%s`: %s documents; the raw texts of %d articles read from %d "
      "files (%s)." % (a.izde, version or "version unknown", a.db, stats.get("documents"),
                       arch_info["articles"], arch_info["files"],
                       ", ".join("%s %d" % kv for kv in sorted(arch_info["by_lang"].items()))))
    if ctx.unknown_ids:
        P("%d hit ids not found among the articles read (left out of every figure)." %
          len(ctx.unknown_ids))
    P("Expanded = as izde searches by default; as typed = `--no-expand`.  Recall = share of the "
      "articles whose raw text holds the word (any inflection) that the query finds.")
    P("")

    # 1
    P("## 1. Cross-language recall")
    P("")
    P("Russian forms typed → Kyrgyz articles holding the word; Kyrgyz forms typed → Russian "
      "articles holding it.  Each cell: mean of the two forms typed.  *n* = articles whose raw "
      "text holds the word; *indexed* = recall over those of them that the word's own-language "
      "forms find as typed (leaves out words izde never indexed: site chrome it cleans away, "
      "stemmer misses).")
    P("")
    P("| word | n ky | ru→ky expanded | ru→ky as typed | ru→ky indexed | n ru | ky→ru expanded | "
      "ky→ru as typed | ky→ru indexed |")
    P("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    byword = summarize(cross, lambda it: it["word"])
    means = collections.defaultdict(list)
    for w, its in byword.items():
        cells = []
        for dname in ("ru→ky", "ky→ru"):
            grp = [i for i in its if i["dir"] == dname]
            n = grp[0]["truth_n"]
            re_ = mean([i["recall_exp"] for i in grp])
            rp = mean([i["recall_plain"] for i in grp])
            ri = mean([i["recall_indexed"] for i in grp])
            cells += [str(n), fmt(re_), fmt(rp), fmt(ri)]
            if n:
                means[dname + " exp"].append(re_)
                means[dname + " plain"].append(rp)
                means[dname + " idx"].append(ri)
        P("| %s | %s |" % (w, " | ".join(cells)))
    P("| **mean** (%d words) | | **%s** | **%s** | **%s** | | **%s** | **%s** | **%s** |" % (
        len(byword), fmt(mean(means["ru→ky exp"])), fmt(mean(means["ru→ky plain"])),
        fmt(mean(means["ru→ky idx"])), fmt(mean(means["ky→ru exp"])),
        fmt(mean(means["ky→ru plain"])), fmt(mean(means["ky→ru idx"]))))
    P("")
    for dname in ("ru→ky", "ky→ru"):
        its = [i for i in cross if i["dir"] == dname]
        tn = sum(i["truth_n"] for i in its)
        fe = sum(i["found_exp"] for i in its)
        fp = sum(i["found_plain"] for i in its)
        P("- %s pooled over every query: %d of %d (query, article) pairs found expanded "
          "(%s%%), %d as typed (%s%%)." % (dname, fe, tn, fmt(pct(fe, tn)), fp, fmt(pct(fp, tn))))
    for dname in ("ru→ky", "ky→ru"):
        its = [i for i in cross if i["dir"] == dname]
        on = sum(i["exp_only"] for i in its)
        og = sum(i["exp_only_holding"] for i in its)
        ogl = sum(i["exp_only_glossary"] for i in its)
        bad = sum(i["exp_only_unrelated"] for i in its)
        P("- Precision %s: of the %d (query, article) pairs in the other language reached only "
          "through an expansion (all of them), %d hold the word in some form or derivation and %d "
          "the glossary's word: **%s%%**; %d hold neither." % (
              dname, on, og, ogl, fmt(pct(og + ogl, on)), bad))
    worstp = sorted((i for i in cross if i["exp_only_unrelated"]),
                    key=lambda i: -i["exp_only_unrelated"])
    if worstp:
        P("- Unrelated articles by query: " + ", ".join(
            "%s %d/%d" % (i["query"], i["exp_only_unrelated"], i["exp_only"]) for i in worstp[:12])
          + (", …" if len(worstp) > 12 else "") + ".")
    noexp = [i["query"] for i in cross if not any(
        e.get("why") in ("form", "glossary") for e in i["expanded"])]
    if noexp:
        P("- Searched in no other form and no other language (no expansion): " +
          ", ".join(noexp) + ".")
    misses = [(i["query"], i["missed_forms"]) for i in cross if i["missed_forms"] and
              i["recall_indexed"] is not None and i["recall_indexed"] < 100]
    if misses:
        P("- Forms held by indexed articles an expanded query misses (query: form ×articles): " +
          "; ".join("%s: %s" % (q, ", ".join("%s ×%d" % f for f in fs[:4])) for q, fs in misses[:12]) +
          ("; …" if len(misses) > 12 else "") + ".")
    P("")

    P("## 2. Surnames in every case form")
    P("")
    P("Each surname typed in Russian genitive, dative, instrumental and Kyrgyz genitive, "
      "dative; recall over every article (both languages) holding the surname in any form.")
    P("")
    P("| surname | n | forms typed | recall expanded | recall as typed | worst form (expanded) |")
    P("|---|---:|---|---:|---:|---|")
    nm_e, nm_p = [], []
    for w, its in summarize(names, lambda it: it["word"]).items():
        n = its[0]["truth_n"]
        re_, rp = mean([i["recall_exp"] for i in its]), mean([i["recall_plain"] for i in its])
        if n:
            nm_e.append(re_)
            nm_p.append(rp)
        worst = min(its, key=lambda i: i["recall_exp"] if i["recall_exp"] is not None else 101)
        P("| %s | %d | %s | %s | %s | %s %s |" % (w, n, ", ".join(i["query"] for i in its),
                                                  fmt(re_), fmt(rp), worst["query"], fmt(worst["recall_exp"])))
    P("| **mean** | | | **%s** | **%s** | |" % (fmt(mean(nm_e)), fmt(mean(nm_p))))
    nmiss = sorted((i for i in names if i["missed_forms"]), key=lambda i: i["recall_exp"] or 0)
    if nmiss:
        P("")
        P("- Forms held by the articles an expanded query misses (query: form ×articles): " + "; ".join(
            "%s: %s" % (i["query"], ", ".join("%s ×%d" % f for f in i["missed_forms"][:3]))
            for i in nmiss[:12]) + ("; …" if len(nmiss) > 12 else "") + ".")
    noexp = [i["query"] for i in names if not i["expanded"]]
    if noexp:
        P("- No expansion reported (its own stems are all it is searched as): " +
          ", ".join(noexp) + ".")
    on = sum(i["exp_only"] for i in names)
    og = sum(i["exp_only_holding"] + i["exp_only_glossary"] for i in names)
    P("")
    P("- Precision: of the %d articles the name queries reach only through an expansion, %d hold "
      "the surname: **%s%%**." % (on, og, fmt(pct(og, on))))
    P("")

    # 3
    P("## 3. Kyrgyz typed on a Russian keyboard (н о у for ң ө ү)")
    P("")
    P("(a) Words: recall over the Kyrgyz articles holding the word (any form).")
    P("")
    P("| word | n | typed right | н о у expanded | н о у as typed |")
    P("|---|---:|---:|---:|---:|")
    kb_r, kb_w, kb_wp = [], [], []
    for w, its in summarize(kb, lambda it: it["word"]).items():
        right = [i for i in its if i["typed"] == "right"]
        wrong = [i for i in its if i["typed"] != "right"]
        r1 = mean([i["recall_exp"] for i in right])
        r2 = mean([i["recall_exp"] for i in wrong])
        r3 = mean([i["recall_plain"] for i in wrong])
        kb_r.append(r1)
        kb_w.append(r2)
        kb_wp.append(r3)
        P("| %s (%s) | %d | %s | %s | %s |" % (w, ", ".join(i["query"] for i in wrong),
                                            its[0]["truth_n"], fmt(r1), fmt(r2), fmt(r3)))
    P("| **mean** | | **%s** | **%s** | **%s** |" % (fmt(mean(kb_r)), fmt(mean(kb_w)), fmt(mean(kb_wp))))
    on = sum(i["exp_only"] for i in kb if i["typed"] != "right")
    og = sum(i["exp_only_holding"] + i["exp_only_glossary"] for i in kb if i["typed"] != "right")
    P("")
    P("- Precision: of the %d Kyrgyz articles the н о у queries reach only through an expansion, "
      "%d hold the word: %s%%." % (on, og, fmt(pct(og, on))))
    kn = len(known)
    P("")
    P("(b) Known items: %d Kyrgyz articles drawn (seed %d) from the %d whose title has 3 words "
      "with ң ө ү of 4 letters or more, each in at most 5%% of the Kyrgyz articles; query = those "
      "3 rarest words; success = the article in the top 10." % (kn, a.seed, n_cands))
    P("")
    P("| typed | expanded | as typed (--no-expand) |")
    P("|---|---:|---:|")
    P("| right (ң ө ү) | %d/%d = %s%% | %d/%d = %s%% |" % (
        sum(k["right"] for k in known), kn, fmt(pct(sum(k["right"] for k in known), kn)),
        sum(k["right_plain"] for k in known), kn, fmt(pct(sum(k["right_plain"] for k in known), kn))))
    P("| н о у | %d/%d = %s%% | %d/%d = %s%% |" % (
        sum(k["nou"] for k in known), kn, fmt(pct(sum(k["nou"] for k in known), kn)),
        sum(k["nou_plain"] for k in known), kn, fmt(pct(sum(k["nou_plain"] for k in known), kn))))
    fails = [k for k in known if k["right"] and not k["nou"]]
    if fails:
        P("")
        P("- Found typed right, not with н о у: " + "; ".join(
            "`%s` (%s)" % (k["query_nou"], k["id"]) for k in fails[:8]) + ("; …" if len(fails) > 8 else "") + ".")
    P("")

    # 4
    P("## 4. Latin spellings (list: %s)" % lat_src)
    P("")
    P("Success = the query finds at least one article holding the Cyrillic name and its top 10 "
      "holds one; recall over every article holding the name.  Entries whose name no article "
      "holds are left out.")
    P("")
    P("| set | entries | with articles | success | success and recall ≥ 50% | mean recall | success as typed |")
    P("|---|---:|---:|---:|---:|---:|---:|")
    lat_fail = []
    for s in sorted({i["set"] for i in lat}):
        its = [i for i in lat if i["set"] == s]
        have = [i for i in its if i["truth_n"]]
        ok = sum(i["success_exp"] for i in have)
        okp = sum(i["success_plain"] for i in have)
        lat_fail += [i for i in have if not i["success_exp"]]
        ok50 = sum(1 for i in have if i["success_exp"] and i["recall_exp"] >= 50)
        P("| %s | %d | %d | %d/%d = %s%% | %d/%d = %s%% | %s%% | %d/%d = %s%% |" % (
            s, len(its), len(have), ok, len(have), fmt(pct(ok, len(have))),
            ok50, len(have), fmt(pct(ok50, len(have))),
            fmt(mean([i["recall_exp"] for i in have])), okp, len(have), fmt(pct(okp, len(have)))))
    if lat_fail:
        P("")
        P("- Failed: " + ", ".join(
            "%s (%s, n=%d: %s)" % (i["query"], i["word"], i["truth_n"],
                                   "finds none of them" if not i["found_exp"] else
                                   "finds %d, none in the top 10" % i["found_exp"])
            for i in lat_fail[:40]) + (", …" if len(lat_fail) > 40 else "") + ".")
    low = sorted((i for i in lat if i["truth_n"] and i["success_exp"] and i["recall_exp"] < 50),
                 key=lambda i: i["recall_exp"])
    if low:
        P("- Successes with a recall under 50% (the article found holds the Latin word too): " +
          ", ".join("%s (%s, %d of %d: %s)" % (
              i["query"], i["word"], i["found_exp"], i["truth_n"],
              "/".join(t for e in i["expanded"] for t in e.get("to", [])) or "no expansion")
              for i in low) + ".")
    on = sum(i["exp_only"] for i in lat)
    og = sum(i["exp_only_holding"] + i["exp_only_glossary"] for i in lat)
    P("- Precision: of the %d articles the Latin queries reach only through an expansion, %d "
      "hold the name: %s%%." % (on, og, fmt(pct(og, on))))
    P("")

    # 5
    P("## 5. Ranking: the word as typed first?")
    P("")
    P("Top 20 of each expanded query.  An *inversion* is a position held by an article found "
      "only through an expansion while an article holding the word as typed (found with "
      "--no-expand) ranks lower.  Pairs: of the (expansion-only, as-typed) pairs within the "
      "top 20, the share in the wrong order.")
    P("")
    P("| queries | queries with an inversion | positions | inverted positions | pairs in the wrong order |")
    P("|---|---:|---:|---:|---:|")
    for label, its in (("cross-language", cross), ("names", names), ("both", cross + names)):
        pos = sum(i["rank_positions"] for i in its)
        invp = sum(len(i["rank_inverted"]) for i in its)
        qn = sum(1 for i in its if i["rank_inverted"])
        pr = sum(i["rank_pairs"] for i in its)
        ip = sum(i["rank_inv_pairs"] for i in its)
        P("| %s (%d) | %d | %d | %d = **%s%%** | %d/%d = %s%% |" % (
            label, len(its), qn, pos, invp, fmt(pct(invp, pos)), ip, pr, fmt(pct(ip, pr))))
    worst = sorted((i for i in cross + names if i["rank_inverted"]),
                   key=lambda i: -len(i["rank_inverted"]))[:8]
    if worst:
        P("")
        P("- Most inverted (query: inverted positions of the top 20): " + "; ".join("%s: %d (%s)" % (
            i["query"], len(i["rank_inverted"]), ",".join(map(str, i["rank_inverted"][:10])) +
            ("…" if len(i["rank_inverted"]) > 10 else "")) for i in worst) + ".")
    if ctx.lost:
        P("- Articles found as typed but not with expansion: " + "; ".join(
            "%s: %d" % (l["query"], l["n"]) for l in ctx.lost[:10]) + ".")
    else:
        P("- Every article found as typed is also found with expansion (no query lost one).")
    P("")

    # 6
    P("## 6. Latency (took_ms, library time; `--batch -n 10`, snippets on)")
    P("")
    P("| queries | n | as typed p50 / p95 / p99 | expanded p50 / p95 / p99 |")
    P("|---|---:|---:|---:|")
    lat_detail = {}
    k = 0
    for label, qs in list(lat_sets.items()) + [("all", lq)]:
        if label == "all":
            tp = [r["took_ms"] for r in t_plain if r["took_ms"] is not None]
            te = [r["took_ms"] for r in t_exp if r["took_ms"] is not None]
        else:
            tp = [r["took_ms"] for r in t_plain[k:k + len(qs)] if r["took_ms"] is not None]
            te = [r["took_ms"] for r in t_exp[k:k + len(qs)] if r["took_ms"] is not None]
            k += len(qs)
        row = {"n": len(qs), "plain": [percentile(tp, p) for p in (50, 95, 99)],
               "exp": [percentile(te, p) for p in (50, 95, 99)]}
        lat_detail[label] = row
        P("| %s | %d | %s | %s |" % (label if label != "all" else "**all**", len(qs),
                                     " / ".join(fmt(x, 1) for x in row["plain"]),
                                     " / ".join(fmt(x, 1) for x in row["exp"])))
    P("")
    P("Key phrases: %s." % kp_src)
    slow = sorted(((r["took_ms"] or 0, r["query"]) for r in t_exp), reverse=True)[:5]
    P("Slowest expanded: " + ", ".join("%s %s ms" % (q, fmt(t, 0)) for t, q in slow) + ".")
    P("")

    # 7
    P("## 7. Wildcards")
    P("")
    P("| query | words | articles | the words one by one (union) | both | only word* | only one by one |")
    P("|---|---:|---:|---:|---:|---:|---:|")
    for w in wild:
        if w["error"]:
            P("| %s | error: %s | | | | | |" % (w["query"], w["error"]))
            continue
        P("| %s | %d | %d | %s | %s | %s | %s |" % (
            w["query"], len(w["words"]), w["articles"], w.get("union", "–"), w.get("both", "–"),
            w.get("only_wildcard", "–"), w.get("only_union", "–")))
    P("")
    for w in wild:
        if w["words"]:
            P("- %s: %s" % (w["query"], ", ".join(w["words"][:40]) + (" …" if len(w["words"]) > 40 else "")))
    P("")

    # precision failures
    P("## Articles reached only through an expansion that do not hold the word")
    P("")
    allq = cross + names + kb + lat
    tot_only = sum(i["exp_only"] for i in allq)
    tot_bad = sum(i["exp_only_unrelated"] for i in allq)
    P("Over sections 1–4: %d (query, article) pairs reached only through an expansion, %d of them "
      "(%s%%) holding neither the word (any form) nor the glossary's word.  One example per word, "
      "the word with most such articles first; *highlighted* = the words izde highlights in that "
      "article's snippets for the query (what the expansion matched)." % (
          tot_only, tot_bad, fmt(pct(tot_bad, tot_only))))
    P("")
    if shown_examples:
        P("| query | unrelated / reached by expansion | example article | lang | rank | highlighted | expansions shown |")
        P("|---|---:|---|---|---:|---|---|")
        by_q = {i["query"]: i for i in allq}
        for ex in shown_examples:
            it = by_q.get(ex["query"], {})
            P("| %s | %d / %d | %s | %s | %d | %s | %s |" % (
                ex["query"], ex["unrelated_for_query"], it.get("exp_only", 0), ex["id"][:80],
                ex["lang"], ex["rank"], ", ".join(ex.get("highlighted") or []) or "–",
                ", ".join("%s:%s" % w for w in ex["expanded"][:5])))
    else:
        P("None.")
    P("")
    P("Run in %.0f s (%d izde runs)." % (time.time() - t_start, izde.calls))

    report = "\n".join(out)
    print(report)

    details.update({
        "cross": [strip(i) for i in cross],
        "names": [strip(i) for i in names],
        "keyboard": [strip(i) for i in kb],
        "known_items": known,
        "latin": [strip(i) for i in lat],
        "latin_source": lat_src,
        "wildcards": wild,
        "latency": lat_detail,
        "latency_queries": {k: v for k, v in lat_sets.items()},
        "unrelated_examples": shown_examples,
        "lost_with_expansion": ctx.lost,
        "unknown_hit_ids": sorted(ctx.unknown_ids)[:50],
        "seconds": round(time.time() - t_start, 1),
    })
    with open(a.json, "w", encoding="utf-8") as f:
        json.dump(details, f, ensure_ascii=False, indent=1, default=list)
    log("details in %s" % a.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
