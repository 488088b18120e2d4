/*
 * dates.h - the one date parser of libizde (internal): date fields, the
 * publication date in an article's text and the dates an article mentions,
 * in Russian, Kyrgyz, ISO 8601 and numeric forms.
 *
 *   «2017-04-18», «2017-04-18T10:30:00Z», «2017-04», «2017»  (fields)
 *   «18.04.2017», «18/04/2017 10:30», «Tue, 18 Apr 2017»
 *   «5 декабря 2021 года», «декабрь 2021», «в декабре 2021 года»
 *   «2021-жылдын 28-апрелинде», «2021-жылы 28-апрелде», «28-апрель 2021»
 *   «с 2014 года», «в 2017-м году», «2014-2016 годы», «2021-жылы»  (years)
 *
 * Dates are validated: years 1900-2100, months 1-12, days within the
 * month (leap years counted).  A day and month without a year («5
 * декабря», «28-апрелде») is not a date; a bare four-digit number in a
 * text is not a year unless a year word follows («2000 человек» is not).
 */
#ifndef IZDE_DATES_H
#define IZDE_DATES_H

#include <stddef.h>

/* The date in the field s[0..n): its first date expression, a bare year
 * only when it is the whole field.  Returns what is known: 0 nothing (or
 * an invalid date such as 2017-13-45), 1 year, 2 year and month, 3 full
 * date; sets *y, *m, *d (0 for the unknown parts) when > 0. */
int izde__parse_date(const char *s, size_t n, int *y, int *m, int *d);

/* The first valid date expression in the text s[0..n) that gives at least
 * `min_level` (1-3; bare numbers without a year word never count).
 * Returns its level or 0, like izde__parse_date. */
int izde__find_date(const char *s, size_t n, int min_level, int *y, int *m, int *d);

/* What a dateline holds (izde__date_line). */
typedef struct izde_dateline {
    int y, m, d;
    int time;    /* a time of day beside the date («12:30, 16 января 2024») */
    int numeric; /* the date in digits («16.01.2024», «2024-01-16») */
    int prose;   /* a year word in the date («16 января 2024 года», «2024-жылдын 16-январында») */
    int place;   /* a place before it («АЛМАТЫ, 2021-09-15») */
} izde_dateline;

/* 1 when the line s[0..n) is one full date and nothing else but a place
 * before it, a time of day, a weekday, a time zone and punctuation
 * («12:30, 16 января 2024», «Вторник, 16.01.2024 | 12:30», «АЛМАТЫ,
 * 2021-09-15»); fills *out.  A line with any other word, or two dates, is
 * none. */
int izde__date_line(const char *s, size_t n, izde_dateline *out);

/* 1 when the line s[0..n) opens with a dateline that runs into the
 * lead: a place, one full date, perhaps a time, then a dash or an agency
 * in slashes and text («МОСКВА, 16 января 2024 — Президент…»); fills
 * *out.  No place, no dateline. */
int izde__lead_dateline(const char *s, size_t n, izde_dateline *out);

/* The first date written in the file name of `path` (its last part):
 * «2024-01-16», «2024_01_16», «20240116», «16.01.2024», «16-01-2024»
 * (day and month in two digits: «v1.2.2024» is none); 3 and *y, *m, *d,
 * else 0. */
int izde__filename_date(const char *path, int *y, int *m, int *d);

/* 1 when the field s is non-empty (not only blanks) but gives no valid
 * date («2017-13-45», «31.02.2020», «вчера»), else 0. */
int izde__date_is_invalid(const char *s);

/* The level (1-3) that y/m/d give (m, d 0 when unknown), 0 when it is no
 * calendar date of 1900-2100. */
int izde__date_level(int y, int m, int d);

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" (m, d 0 when unknown), malloc'ed. */
char *izde__format_date(int y, int m, int d);

/* The years and dates mentioned in text[0..len), normalised as "YYYY",
 * "YYYY-MM" or "YYYY-MM-DD", unique, in text order: *out (malloc'ed,
 * free with izde__strv_free) and *n.  Birth dates are left out: a date
 * with «родился», «рождения», «род.» among the 4 words before it, or
 * «рождения», «г. р.», «туулган», «төрөлгөн» among the 2 after it, in
 * its sentence.  Returns 0, or -1 when out of memory (*out NULL, *n 0). */
int izde__mentioned_dates(const char *text, size_t len, char ***out, size_t *n);

/* The birth dates that izde__mentioned_dates() leaves out, the same way. */
int izde__birth_dates(const char *text, size_t len, char ***out, size_t *n);

/* 1 when the date "YYYY[-MM[-DD]]" is later than the date ref (same
 * form): on the parts both give, so 2021 is not later than 2021-05-10
 * and 2021-06 is. */
int izde__date_after(const char *date, const char *ref);

void izde__strv_free(char **v, size_t n);

/* Days from 1970-01-01 to the proleptic Gregorian date y-m-d (negative
 * before it); no validation. */
long izde__days_from_civil(long y, long m, long d);

#endif
