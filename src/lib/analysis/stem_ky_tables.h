/*
 * stem_ky_tables.h - word tables of the Kyrgyz stemmer (stem_ky.c).
 *
 * Included once, by stem_ky.c only.  Every table is a plain list of
 * lower-cased, NFC words written as C11 UTF-32 literals (U"..."), in any
 * order: the stemmer hashes them when an instance is created, so a word
 * is added by adding one line.  Letters are the modern Kyrgyz alphabet
 * (ң ө ү, not the look-alikes ӊ ѳ ӱ the stemmer normalises away).
 *
 * Sources:
 *  - the function-word list of ../shared/KYRGYZ-STEMMER.md §3.5;
 *  - the Kloop top-frequency list, kyrgyz-nlp/text-analytics-kyrgyz-keyboard
 *    config/stopwords.txt (commit 5cb1841a), which states NO licence: it
 *    was only read, as a checklist of frequent function words; the words
 *    below are ordinary Kyrgyz grammar words chosen by hand, the list is
 *    not copied (its content words, e.g. президент, бишкек, are left out);
 *  - words the KTMU treebank (UD_Kyrgyz-KTMU, CC BY-SA 4.0) and 24.kg news
 *    showed being mis-stemmed (named in the comments).
 */
#ifndef IZDE_STEM_KY_TABLES_H
#define IZDE_STEM_KY_TABLES_H

#include <uchar.h>

/*
 * EXCEPTIONS: returned unchanged (lower-cased).  Function words whose
 * ending looks like a suffix, so that stemming would merge them with a
 * content word (жана -> жан "soul", менен -> мен "I", башка -> баш
 * "head", кийин -> кий- "to wear", үчүн -> үч "three"), plus the personal
 * and demonstrative pronoun forms, which are irregular (мен/мага/мени).
 * Postpositions that govern a case (боюнча, тууралуу, аркылуу, жөнүндө)
 * and conjunctions come from spec §3.5 and the Kloop list.
 */
static const char32_t *const ky_exceptions[] = {
    /* conjunctions and particles */
    U"жана", U"менен", U"бирок", U"дагы", U"деле", U"эле", U"гана",
    U"эмес", U"экен", U"эмеспи", U"же", U"анан", U"анткени",
    U"себеби", U"ошондуктан", U"ошентип", U"ошентсе", U"эгерде", U"эгер",
    U"мына", U"беле", U"бекен", U"балким",
    /* postpositions and adverbs of place, time and degree */
    U"боюнча", U"үчүн", U"чейин", U"кийин", U"башка", U"бирге",
    U"тууралуу", U"жөнүндө", U"аркылуу", U"карата", U"каршы", U"ылайык",
    U"сыяктуу", U"сыңары", U"тарта", U"бери", U"ашык", U"ашуун", U"жакын",
    U"дээрлик", U"кайра", U"кайрадан", U"азыр", U"эми", U"эртең", U"бүгүн",
    U"быйыл", U"мурда", U"мурун", U"учурда", U"абдан", U"өтө", U"эң",
    U"дайыма", U"кантип", U"качан", U"кайда", U"канча", U"кандай",
    U"катары", U"сайын", U"улам", U"көздөй",
    /* pronouns: ал "he/she/it", мен, сен, биз, сиз, силер, бул, ошол, ушул */
    U"ал", U"анын", U"аны", U"ага", U"анда", U"андан", U"алар",
    U"алардын", U"аларды", U"аларга", U"аларда", U"алардан",
    U"мен", U"менин", U"мени", U"мага", U"менде", U"менден",
    U"сен", U"сенин", U"сени", U"сага", U"сенде", U"сенден",
    U"биз", U"биздин", U"бизди", U"бизге", U"бизде", U"бизден",
    U"сиз", U"сиздин", U"сизди", U"сизге", U"сизде", U"сизден",
    U"силер", U"силердин", U"силерди", U"силерге",
    U"бул", U"мунун", U"муну", U"буга", U"мында", U"мындан", U"булар",
    U"булардын", U"ошол", U"ошонун", U"ошону", U"ошого", U"ошондо",
    U"ошондон", U"ушул", U"ушунун", U"ушуну", U"ушуга", U"ушунда",
    U"ушундан", U"ошондой", U"ушундай", U"мындай", U"андай",
    U"ким", U"кимдин", U"эмне", U"эмнеге", U"кайсы", U"бирөө", U"эч",
    U"баары", U"бардык", U"ар",
};

/*
 * PROTECT: words that are never shortened.  A cut that would go into one
 * stops at its end instead (районун -> район, not *райо), and once the
 * word has been reduced to one nothing more is stripped.  -стан toponyms
 * end like the ablative -тан (кыргызстан -> *кыргызс), and айып/майып
 * end like the converb -ып (айып -> *ай merges "fine, penalty" with
 * "month"); spec §3.5.  The other groups are additions (see each).
 */
static const char32_t *const ky_protect[] = {
    U"кыргызстан", U"казакстан", U"казахстан", U"өзбекстан", U"узбекистан",
    U"тажикстан", U"таджикистан", U"түркмөнстан", U"түркменистан",
    U"ооганстан", U"афганистан", U"пакистан", U"татарстан", U"дагестан",
    U"башкортостан", U"индостан", U"хиндустан", U"курдистан", U"гүлстан",
    U"айып", U"майып",
    /* nouns in -Iн whose bare form and px3 read as px3+acc (жыйын ->
     * *жый but жыйынга -> жыйын; районун -> *райо), spec §4 known
     * failures; the list is the frequent ones in 24.kg news */
    U"жыйын", U"район", U"орун", U"тургун", U"түйүн", U"туткун", U"алтын",
    U"тууган", U"келин", U"акын", U"тыгын", U"муун", U"карантин",
    U"нарын", U"кемин", U"путин", U"лондон", U"өзгөн", U"коргон",
    /* nouns ending like a case, possessive or converb (төрага -> *төра,
     * кесип -> *кес, жекшемби -> *жекшем), seen in 24.kg news */
    U"төрага", U"команда", U"демилге", U"таштанды", U"апта", U"олимпиада",
    U"казына", U"өпкө", U"тендер", U"шахта", U"ссуда", U"канада",
    U"мекке", U"медресе", U"эстрада", U"нуска", U"кесип", U"короо",
    U"күйөө", U"дүйшөмбү", U"шейшемби", U"шаршемби", U"бейшемби",
    U"ишемби", U"жекшемби",
    /* nouns in -Iш, whose accusative -ты reads as the reciprocal past
     * -ышты of row d (жумушту -> *жум, сунушту -> *сун), 24.kg news */
    U"жумуш", U"сунуш", U"кылмыш", U"өндүрүш", U"күмүш", U"жеңиш",
    U"кеңеш", U"жолдош", U"турмуш", U"добуш", U"үлүш", U"курулуш",
    U"күрөш", U"көрүнүш", U"согуш", U"жаратылыш",
    /* lexicalised reciprocal verbs, whose nouns (катышуу, жолугушуу,
     * сүйлөшүүлөр) are frequent in news; row d would cut their past
     * tense back to the simple verb (катышты -> *кат, spec §4) */
    U"катыш", U"кызматташ", U"жолугуш", U"сүйлөш", U"макулдаш",
    /* loanwords in vowel+д, whose px3 -у reads as the past -ду of row f
     * (заводу -> *заво, spec §4) */
    U"завод", U"код", U"метод", U"период", U"эпизод",
    /* ordinals (үчүнчү -> *үчүн, spec §4) */
    U"биринчи", U"экинчи", U"үчүнчү", U"төртүнчү", U"бешинчи",
    U"алтынчы", U"жетинчи", U"сегизинчи", U"тогузунчу", U"онунчу",
};

/*
 * S_FINAL: nouns that end in vowel+с, so that their possessive -ы/-у is
 * a bare vowel (облус+у) and must not be read as -сы after a vowel-final
 * stem (*облу+су).  Loanwords in -ус/-ес/-ас, spec §3.5, and native or
 * naturalised nouns seen in 24.kg news.
 */
static const char32_t *const ky_s_final[] = {
    U"облус", U"автобус", U"троллейбус", U"бизнес", U"процесс", U"курс",
    U"ресурс", U"конкурс", U"статус", U"вирус", U"коронавирус", U"корпус",
    U"глобус", U"фокус", U"минус", U"плюс", U"бонус", U"кампус",
    U"прогресс", U"конгресс", U"пресс", U"интерес", U"адрес",
    U"мурас", U"намыс", U"күрөс", U"тыныс", U"ырыс", U"орус", U"калыс",
    U"манас", U"талас", U"тенденс",
};

/*
 * CLUSTER_FINAL: loanwords ending in a consonant cluster (-нд, -кт, -ст,
 * -зд, -рд) whose last consonant also starts the accusative/genitive
 * -ты/-ду/-тын: фонд+у must not be read as *фон+ду.  A case ending N...
 * is not stripped when the word before it plus its first letter is one
 * of these; the bare possessive vowel is stripped instead.  Not in the
 * spec; frequent in 24.kg news (фонду, фондунун, журналисти, пункту).
 */
static const char32_t *const ky_cluster_final[] = {
    U"фонд", U"раунд", U"тренд", U"бренд", U"стенд", U"рекорд", U"поезд",
    U"съезд", U"факт", U"акт", U"пункт", U"объект", U"субъект", U"проект",
    U"продукт", U"контракт", U"конфликт", U"теракт", U"эффект", U"аспект",
    U"журналист", U"турист", U"специалист", U"активист", U"экономист",
    U"артист", U"юрист", U"таксист", U"экстремист", U"террорист",
    U"финалист",
};

/* A word rewritten before stemming, or a stem rewritten after it. */
struct ky_rewrite {
    const char32_t *from; /* lower-cased word prefix or stem */
    const char32_t *to;   /* its replacement */
};

/*
 * IRREG_PREFIX: a word that begins with `from` has that prefix replaced
 * by `to` before Step 1, so irregular plurals join their singular
 * (балдар, балдардын -> балалар -> бала).  Spec §3.5.
 */
static const struct ky_rewrite ky_irreg_prefix[] = {
    { U"балдар", U"балалар" },
};

/*
 * IRREG_STEM: a final stem equal to `from` becomes `to`.  Nouns that drop
 * their last vowel before a vowel-initial suffix (орун -> орду, мурун ->
 * мурду, убакыт -> убактысы), so their stem rejoins the bare noun.  Each
 * `from` also acts as a CLUSTER_FINAL entry (орд+у, not *ор+ду).  Spec §2
 * "vowel elision", §3.5 (эрин -> эрди is left out: it would take эр
 * "man" +ди).
 */
static const struct ky_rewrite ky_irreg_stem[] = {
    { U"орд", U"орун" },     { U"мурд", U"мурун" },   { U"мойн", U"мойун" },
    { U"ийн", U"ийин" },     { U"кайн", U"кайын" },   { U"убакт", U"убакыт" },
};

#endif /* IZDE_STEM_KY_TABLES_H */
