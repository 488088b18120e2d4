/*
 * test_query.c - the query parser: the Xapian query built for each form
 * of the query language (compared through Xapian's description), the
 * words kept for highlighting, and the exact message of each syntax error.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <stdio.h>

#include <cmocka.h>

#include "izde-private.h"

static izde_analyzer *an;
static izde_stemmer *ru, *ky;
static izde_qstemmers stemmers;

static int setup(void **state)
{
    (void)state;
    char *err = NULL;
    if (izde_analyzer_new(&an, &err) != IZDE_OK || izde_stemmer_new(&ru, "ru") != IZDE_OK ||
        izde_stemmer_new(&ky, "ky") != IZDE_OK)
        return -1;
    stemmers = (izde_qstemmers){.ru = ru, .ky = ky};
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    izde_analyzer_free(an);
    izde_stemmer_free(ru);
    izde_stemmer_free(ky);
    return 0;
}

/* The parsed query's description, or "ERROR: message". */
static char *parse(const char *q, izde_pquery *pq)
{
    char *err = NULL, *desc = NULL;
    int rc = izde__query_parse(pq, an, &stemmers, q, &err);
    if (rc != IZDE_OK) {
        assert_int_equal(rc, IZDE_EQUERY);
        desc = izde__strdupf("ERROR: %s", err);
        free(err);
        return desc;
    }
    assert_null(err);
    assert_int_equal(izx_query_describe(pq->xq, &desc), IZX_OK);
    char *copy = strdup(desc);
    izx_free(desc);
    return copy;
}

static void expect(const char *q, const char *want)
{
    izde_pquery pq;
    char *got = parse(q, &pq);
    if (getenv("PRINT_ALL"))
        printf("GOT [%s] %s\n", q, got);
    else if (strcmp(got, want) != 0)
        fail_msg("query [%s]\n  want: %s\n  got:  %s", q, want, got);
    free(got);
    izde__pquery_clear(&pq);
}

static void test_words(void **state)
{
    (void)state;
    expect("терактов",
           "Query((терактов OR Zтеракт OR Zтерактов OR ZKтерактов))");
    expect("Казахстане Алматы",
           "Query(((казахстане OR Zказахстан OR Zказахстане OR ZKказахстане) AND (алматы OR Zалмат OR Zалматы OR ZKалмат OR ZKалматы)))");
    expect("Ёлка",
           "Query((елка OR Zелк OR Zелка OR ZKелка))");
    /* numbers: no stems; digit groups and decimal commas as indexed */
    /* acronyms keep their form in Russian; the Kyrgyz stemmer cuts suffixes
     * off them (ИИМдин -> иим) */
    expect("ИИМ",
           "Query((иим OR Zиим OR ZKиим))");
    expect("28 000", "Query(28000)");
    expect("2,2 млн",
           "Query((2.2 AND (млн OR Zмлн OR ZKмлн)))");
    /* a hyphenated word: both parts must match */
    expect("северо-западный",
           "Query((((северо OR Zсевер OR Zсеверо OR ZKсеверо) AND (западный OR Zзападн OR Zзападный OR ZKзападный)) OR (северо-западный OR Zсеверо-западн OR Zсеверо-западный OR ZKсеверо-западный)))");
    /* explicit AND is the same as none */
    expect("теракт AND мвд",
           "Query(((теракт OR Zтеракт OR ZKтеракт) AND (мвд OR Zмвд OR ZKмвд)))");
}

static void test_recall_rules(void **state)
{
    (void)state;
    /* the word itself as a stem: Snowball cuts конклав to конкла but
     * конклаве to конклав; an acronym in small letters is indexed as is */
    expect("конклав", "Query((конклав OR Zконкла OR Zконклав OR ZKконклав))");
    expect("гмии", "Query((гмии OR Zгми OR Zгмии OR ZKгмии))");
    /* letters run into digits also match the hyphenated compound */
    expect("с400", "Query(((с400 OR Zс400 OR ZKс400) OR (с-400 OR Zс-400 OR ZKс-400)))");
    /* no such rule for a word alone or digits alone */
    expect("400", "Query(400)");
}

static void test_phrases(void **state)
{
    (void)state;
    /* the words in order, each in any inflection: stems carry positions */
    expect("\"28 тысяч\"", "Query((28 PHRASE 2 (тысяч OR Zтысяч OR ZKтысяч)))");
    expect("«Мир и согласие»", "Query(((мир OR Zмир OR ZKмир) PHRASE 3 (и OR Zи OR ZKи) PHRASE 3 "
                               "(согласие OR Zсоглас OR Zсогласие OR ZKсогласие)))");
    /* one quoted word: that word, as unquoted */
    expect("\"Казахстана\"", "Query((казахстана OR Zказахстан OR Zказахстана OR ZKказахстана))");
}

static void test_operators(void **state)
{
    (void)state;
    expect("теракт OR меморандум",
           "Query(((теракт OR Zтеракт OR ZKтеракт) OR (меморандум OR Zмеморандум OR ZKмеморандум)))");
    /* OR binds tighter than the implicit AND */
    expect("а б OR в",
           "Query(((а OR Zа OR ZKа) AND ((б OR Zб OR ZKб) OR (в OR Zв OR ZKв))))");
    expect("экстремизм NOT алматы",
           "Query(((экстремизм OR Zэкстремизм OR ZKэкстремизм) AND_NOT (алматы OR Zалмат OR Zалматы OR ZKалмат OR ZKалматы)))");
    expect("экстремизм -алматы -астана",
           "Query(((экстремизм OR Zэкстремизм OR ZKэкстремизм) AND_NOT ((алматы OR Zалмат OR Zалматы OR ZKалмат OR ZKалматы) OR (астана OR Zастан OR Zастана OR ZKастана))))");
    expect("(теракт OR меморандум) NOT мвд",
           "Query((((теракт OR Zтеракт OR ZKтеракт) OR (меморандум OR Zмеморандум OR ZKмеморандум)) AND_NOT (мвд OR Zмвд OR ZKмвд)))");
    expect("NOT мвд",
           "Query((<alldocuments> AND_NOT (мвд OR Zмвд OR ZKмвд)))");
    /* "-" inside a word is not an operator */
    expect("2021-2022",
           "Query(((2021 AND 2022) OR 2021-2022))");
}

static void test_lang(void **state)
{
    (void)state;
    /* lang: keeps that language's stems and filters (weight 0) */
    expect("lang:ky терроризм", "Query((0 * Lky AND (терроризм OR ZKтерроризм)))");
    expect("терроризм lang:ru", "Query(((терроризм OR Zтерроризм) AND 0 * Lru))");
    expect("lang:ky", "Query(0 * Lky)");
    /* an excluded language does not narrow the stems */
    expect("терроризм -lang:ru",
           "Query(((терроризм OR Zтерроризм OR ZKтерроризм) AND_NOT Lru))");
    expect("lang:", "ERROR: lang: needs a language: lang:ru, lang:ky or lang:other (column 1 of the query)");
    expect("lang:KY", "ERROR: lang: takes a language code in small Latin letters, e.g. lang:ky (column 1 of the query)");
}

static void test_highlight_words(void **state)
{
    (void)state;
    izde_pquery pq;
    char *d = parse("терактов \"28 тысяч\" \"Казахстана\" NOT алматы", &pq);
    free(d);
    /* words and one-word quotes by their forms and stems */
    assert_int_equal(pq.nterms, 2);
    assert_string_equal(pq.terms[0], "терактов");
    assert_string_equal(pq.terms[1], "казахстана");
    /* excluded words and the words of phrases have none */
    assert_int_equal(pq.nstems, 2);
    assert_string_equal(pq.stems[0], "теракт");
    assert_string_equal(pq.stems[1], "казахстан");
    /* a phrase is highlighted as one unit */
    assert_int_equal(pq.nphrases, 1);
    assert_int_equal(pq.phrases[0].n, 2);
    assert_string_equal(pq.phrases[0].terms[0], "28");
    assert_string_equal(pq.phrases[0].terms[1], "тысяч");
    /* ... in any inflection: by their stems too (a number has none) */
    assert_null(pq.phrases[0].stems[0]);
    assert_string_equal(pq.phrases[0].stems[1], "тысяч");
    izde__pquery_clear(&pq);
}

static void test_errors(void **state)
{
    (void)state;
    expect("", "ERROR: empty query: give at least one word to search for (column 1 of the query)");
    expect("  «»  ", "ERROR: empty phrase: the quotes hold no words (column 3 of the query)");
    expect("\"28 тысяч", "ERROR: unbalanced quote: the \" is never closed (column 1 of the query)");
    expect("а «б", "ERROR: unbalanced quote: the « is never closed by » (column 3 of the query)");
    expect("а б»", "ERROR: unbalanced quote: » has no opening « (column 4 of the query)");
    expect("(а OR б", "ERROR: unbalanced parenthesis: the ( is never closed (column 1 of the query)");
    expect("а)", "ERROR: unbalanced parenthesis: this ) has no matching ( (column 2 of the query)");
    {
        /* 10,000 nested parentheses overflowed the stack: a clear error now,
         * at the 101st (; 100 still parse */
        char deep[20020], ok[420];
        memset(deep, '(', 10000);
        memcpy(deep + 10000, "а", strlen("а"));
        memset(deep + 10000 + strlen("а"), ')', 10000);
        deep[20000 + strlen("а")] = '\0';
        expect(deep, "ERROR: parentheses nested more than 100 deep; write the query flatter "
                     "(column 101 of the query)");
        memset(ok, '(', 100);
        memcpy(ok + 100, "а", strlen("а"));
        memset(ok + 100 + strlen("а"), ')', 100);
        ok[200 + strlen("а")] = '\0';
        izde_pquery pq;
        char *got = parse(ok, &pq);
        if (strncmp(got, "ERROR", 5) == 0)
            fail_msg("100 nested parentheses refused: %s", got);
        free(got);
        izde__pquery_clear(&pq);
    }
    expect("а ()", "ERROR: empty parentheses (column 3 of the query)");
    expect("OR а", "ERROR: OR needs a word on each side (column 1 of the query)");
    expect("а OR", "ERROR: OR needs a word on each side (column 3 of the query)");
    expect("а OR OR б", "ERROR: OR needs a word on each side (column 3 of the query)");
    expect("AND а", "ERROR: AND needs a word on each side (column 1 of the query)");
    expect("а NOT", "ERROR: NOT needs a word after it (column 3 of the query)");
    /* a lone dash is punctuation, not an operator */
    expect("а -",
           "Query((а OR Zа OR ZKа))");
    expect("а OR -б", "ERROR: - cannot follow OR; put the exclusion outside the OR (column 6 of the query)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_recall_rules),
        cmocka_unit_test(test_phrases),
        cmocka_unit_test(test_operators),
        cmocka_unit_test(test_lang),
        cmocka_unit_test(test_highlight_words),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
