#!/usr/bin/env python3
"""make-syndication.py - a test set of syndicated copies made from real news.

  tools/make-syndication.py --ru DIR --ky DIR --out OUTDIR [--seed N]
        [--ru-stories 150] [--ky-stories 100] [--others 4]

Takes real articles (Russian JSON Lines with "content" and "keywords";
Kyrgyz CSVs with "text" and "labels_set") and makes each of the chosen
ones a story of 2-5 versions, as sites republishing one press release
write it: the original and edited copies, each with some of these edits:
another title; site chrome lines added at the top or bottom («Читайте
также: ...», «Поделиться», «Булак: ...»); a paragraph dropped, or a
"Напомним, ..." paragraph added from another article; quotes and dashes
changed; a few words replaced or dropped.  Beside them go other articles
of the same topics, unedited (different stories on one topic: the
pairs that must not be merged).  Articles whose text is a copy of
another's in the archive are never chosen.

Writes OUTDIR/syndication.jsonl (id, title, text, date, source, lang),
OUTDIR/truth.jsonl ({"id", "story"}) and OUTDIR/topics.jsonl ({"id",
"topic"}) for tools/eval-stories.py.  The same seed gives the same set.
"""
import argparse
import collections
import csv
import glob
import json
import os
import random
import re

RU_CHROME_TOP = ["Читайте также: главные новости дня", "Поделиться", "Фото: пресс-служба",
                 "Подписывайтесь на наш канал в Telegram", "Новости партнёров"]
RU_CHROME_END = ["Поделиться", "Источник: пресс-служба", "Если вы нашли ошибку, выделите её и нажмите Ctrl+Enter",
                 "Читайте также: самое важное за неделю", "Комментарии", "Все права защищены"]
KY_CHROME_TOP = ["Окуңуз: күндүн негизги жаңылыктары", "Бөлүшүү", "Сүрөт: басма сөз кызматы",
                 "Telegram каналыбызга катталыңыз"]
KY_CHROME_END = ["Бөлүшүү", "Булак: басма сөз кызматы", "Ката тапсаңыз, белгилеп Ctrl+Enter басыңыз",
                 "Окуңуз: жуманын эң маанилүүсү", "Пикирлер"]
RU_SWAPS = {"сообщил": "заявил", "заявил": "сообщил", "также": "кроме того", "однако": "но",
            "более": "свыше", "около": "порядка", "глава": "руководитель", "отметил": "подчеркнул",
            "говорится": "сообщается", "сейчас": "в настоящее время", "решение": "постановление"}
KY_SWAPS = {"билдирди": "маалымдады", "маалымдады": "билдирди", "дагы": "ошондой эле", "бирок": "ал эми",
            "ашык": "көп", "жана": "ошондой эле", "айтты": "белгиледи"}
RU_TITLE = ["{t}", "{t} — подробности", "Новость дня: {t}", "{t}: что известно", "{t} (видео)"]
KY_TITLE = ["{t}", "{t} — кеңири", "Күндүн жаңылыгы: {t}", "{t}: эмне белгилүү"]


def norm(t):
    return re.sub(r"\s+", " ", t).strip()


def load_ru(d):
    out = []
    for f in sorted(glob.glob(os.path.join(d, "*.jsonl"))):
        for line in open(f, encoding="utf-8"):
            r = json.loads(line)
            kw = r.get("keywords") or []
            if kw and r.get("content"):
                out.append({"title": r.get("title") or "", "text": r["content"], "topic": "ru:" + kw[0],
                            "lang": "ru"})
    return out


def load_ky(d):
    out = []
    for f in sorted(glob.glob(os.path.join(d, "*.csv"))):
        for r in csv.DictReader(open(f, encoding="utf-8")):
            if r.get("text") and r.get("labels_set"):
                first = r["text"].split("\n", 1)[0]
                out.append({"title": first[:90], "text": r["text"],
                            "topic": "ky:" + r["labels_set"].split(",")[0], "lang": "ky"})
    return out


def unique(arts):
    """The articles whose text no other article has (copies in the archive left out)."""
    count = collections.Counter(norm(a["text"]) for a in arts)
    return [a for a in arts if count[norm(a["text"])] == 1]


def paragraphs(text):
    return [p for p in re.split(r"\n+", text) if p.strip()]


def edit_words(text, rng, swaps, share):
    words = text.split(" ")
    for i, w in enumerate(words):
        if rng.random() >= share:
            continue
        key = w.lower().strip(".,:;«»\"")
        if key in swaps:
            words[i] = w.replace(key, swaps[key]) if key in w else swaps[key]
        elif len(words) > 20 and rng.random() < 0.5:
            words[i] = ""  # a word dropped
    return re.sub(r" {2,}", " ", " ".join(words))


def punctuation(text, rng):
    text = text.replace("«", '"').replace("»", '"')
    if rng.random() < 0.5:
        text = text.replace(" — ", " - ").replace(" – ", " - ")
    if rng.random() < 0.5:
        text = text.replace("ё", "е")
    return text


def variant(a, rng, other, lang):
    """An edited copy of article a: 2-4 of the edits, in a fixed order."""
    paras = paragraphs(a["text"])
    edits = rng.sample(["title", "chrome", "paragraph", "punct", "words"], rng.randint(2, 4))
    top, end = (RU_CHROME_TOP, RU_CHROME_END) if lang == "ru" else (KY_CHROME_TOP, KY_CHROME_END)
    if "paragraph" in edits:
        if len(paras) >= 3 and rng.random() < 0.5:
            del paras[rng.randrange(1, len(paras))]
        else:
            said = paragraphs(other["text"])[0]
            paras.append(("Напомним, " if lang == "ru" else "Эске салсак, ") + said[:1].lower() + said[1:])
    text = "\n".join(paras)
    if "punct" in edits:
        text = punctuation(text, rng)
    if "words" in edits:
        text = edit_words(text, rng, RU_SWAPS if lang == "ru" else KY_SWAPS, rng.uniform(0.02, 0.06))
    if "chrome" in edits:
        text = "\n".join(rng.sample(top, rng.randint(0, 2)) + [text] + rng.sample(end, rng.randint(1, 2)))
    title = a["title"]
    if "title" in edits:
        title = rng.choice(RU_TITLE if lang == "ru" else KY_TITLE[1:]).format(t=title)
    return title, text


def pick(arts, n, rng, min_len):
    by_topic = collections.defaultdict(list)
    for a in arts:
        if len(a["text"]) >= min_len:
            by_topic[a["topic"]].append(a)
    topics = sorted((t for t in by_topic if len(by_topic[t]) >= 8), key=lambda t: -len(by_topic[t]))[:12]
    pool = [a for t in topics for a in by_topic[t]]
    rng.shuffle(pool)
    return pool[:n], pool[n:], by_topic


def build(bases, rest, by_topic, rng, lang, others, out, truth, topics):
    for k, a in enumerate(bases):
        story = "syn-%s-%03d" % (lang, k)
        same = [b for b in by_topic[a["topic"]] if b is not a]
        for v in range(rng.randint(2, 5)):
            title, text = (a["title"], a["text"]) if v == 0 else variant(a, rng, rng.choice(same), lang)
            aid = "%s-v%d" % (story, v)
            out.append({"id": aid, "title": title, "text": text, "lang": lang,
                        "source": "site%d.example" % (v + 1), "date": "2021-%02d-%02d" % (1 + k % 12, 1 + v)})
            truth.append({"id": aid, "story": story})
            topics.append({"id": aid, "topic": a["topic"]})
    for k, a in enumerate(rest[:others * len(bases)]):
        aid = "syn-%s-other-%04d" % (lang, k)
        out.append({"id": aid, "title": a["title"], "text": a["text"], "lang": lang,
                    "source": "site1.example", "date": "2021-%02d-15" % (1 + k % 12)})
        truth.append({"id": aid, "story": aid})
        topics.append({"id": aid, "topic": a["topic"]})


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ru", required=True)
    ap.add_argument("--ky", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--ru-stories", type=int, default=150)
    ap.add_argument("--ky-stories", type=int, default=100)
    ap.add_argument("--others", type=int, default=4, help="unedited articles of the same topics per story")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out, truth, topics = [], [], []
    for lang, arts, n, min_len in (("ru", load_ru(args.ru), args.ru_stories, 800),
                                   ("ky", load_ky(args.ky), args.ky_stories, 300)):
        bases, rest, by_topic = pick(unique(arts), n, rng, min_len)
        if len(bases) < n:
            raise SystemExit("only %d %s articles fit; give fewer stories" % (len(bases), lang))
        build(bases, rest, by_topic, rng, lang, args.others, out, truth, topics)
    os.makedirs(args.out, exist_ok=True)
    for name, rows in (("syndication", out), ("truth", truth), ("topics", topics)):
        with open(os.path.join(args.out, name + ".jsonl"), "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("%d articles: %d stories with copies, %d other articles of their topics" %
          (len(out), args.ru_stories + args.ky_stories, sum(1 for t in truth if "-other-" in t["id"])))


if __name__ == "__main__":
    main()
