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

#include <cmocka.h>

#include "izde-private.h"

static izde_analyzer *an;
static izde_stemmer *ru;

static int setup(void **state)
{
    (void)state;
    char *err = NULL;
    if (izde_analyzer_new(&an, &err) != IZDE_OK || izde_stemmer_new(&ru, "ru") != IZDE_OK)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    izde_analyzer_free(an);
    izde_stemmer_free(ru);
    return 0;
}

/* The parsed query's description, or "ERROR: message". */
static char *parse(const char *q, izde_pquery *pq)
{
    char *err = NULL, *desc = NULL;
    int rc = izde__query_parse(pq, an, ru, q, &err);
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
    if (strcmp(got, want) != 0)
        fail_msg("query [%s]\n  want: %s\n  got:  %s", q, want, got);
    free(got);
    izde__pquery_clear(&pq);
}

static void test_words(void **state)
{
    (void)state;
    expect("терактов", "Query((терактов OR Zтеракт))");
    expect("Казахстане Алматы",
           "Query(((казахстане OR Zказахстан) AND (алматы OR Zалмат)))");
    expect("ЁЛКА", "Query((елка OR Zелк))");
    /* numbers: no stems; digit groups and decimal commas as indexed */
    expect("28 000", "Query(28000)");
    expect("2,2 млн", "Query((2.2 AND (млн OR Zмлн)))");
    /* a hyphenated word: both parts must match */
    expect("северо-западный",
           "Query(((северо OR Zсевер) AND (западный OR Zзападн)))");
    /* explicit AND is the same as none */
    expect("теракт AND мвд", "Query(((теракт OR Zтеракт) AND (мвд OR Zмвд)))");
}

static void test_phrases(void **state)
{
    (void)state;
    expect("\"28 тысяч\"", "Query((28 PHRASE 2 тысяч))");
    expect("«Мир и согласие»", "Query((мир PHRASE 3 и PHRASE 3 согласие))");
    /* one quoted word: that exact form only */
    expect("\"Казахстана\"", "Query(казахстана)");
}

static void test_operators(void **state)
{
    (void)state;
    expect("теракт OR меморандум",
           "Query(((теракт OR Zтеракт) OR (меморандум OR Zмеморандум)))");
    /* OR binds tighter than the implicit AND */
    expect("а б OR в", "Query(((а OR Zа) AND ((б OR Zб) OR (в OR Zв))))");
    expect("экстремизм NOT алматы",
           "Query(((экстремизм OR Zэкстремизм) AND_NOT (алматы OR Zалмат)))");
    expect("экстремизм -алматы -астана",
           "Query(((экстремизм OR Zэкстремизм) AND_NOT ((алматы OR Zалмат) OR (астана OR Zастан))))");
    expect("(теракт OR меморандум) NOT мвд",
           "Query((((теракт OR Zтеракт) OR (меморандум OR Zмеморандум)) AND_NOT (мвд OR Zмвд)))");
    expect("NOT мвд", "Query((<alldocuments> AND_NOT (мвд OR Zмвд)))");
    /* "-" inside a word is not an operator */
    expect("2021-2022", "Query((2021 AND 2022))");
}

static void test_highlight_words(void **state)
{
    (void)state;
    izde_pquery pq;
    char *d = parse("терактов \"28 тысяч\" NOT алматы", &pq);
    free(d);
    assert_int_equal(pq.nterms, 3);
    assert_string_equal(pq.terms[0], "терактов");
    assert_string_equal(pq.terms[1], "28");
    assert_string_equal(pq.terms[2], "тысяч");
    assert_int_equal(pq.nstems, 1); /* phrase words and excluded words have none */
    assert_string_equal(pq.stems[0], "теракт");
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
    expect("а ()", "ERROR: empty parentheses (column 3 of the query)");
    expect("OR а", "ERROR: OR needs a word on each side (column 1 of the query)");
    expect("а OR", "ERROR: OR needs a word on each side (column 3 of the query)");
    expect("а OR OR б", "ERROR: OR needs a word on each side (column 3 of the query)");
    expect("AND а", "ERROR: AND needs a word on each side (column 1 of the query)");
    expect("а NOT", "ERROR: NOT needs a word after it (column 3 of the query)");
    /* a lone dash is punctuation, not an operator */
    expect("а -", "Query((а OR Zа))");
    expect("а OR -б", "ERROR: - cannot follow OR; put the exclusion outside the OR (column 6 of the query)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_phrases),
        cmocka_unit_test(test_operators),
        cmocka_unit_test(test_highlight_words),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
