/*
 * expand.h - the other spellings a query word is searched as, beyond its
 * own stems: its base in the other language, the case forms of a name,
 * Kyrgyz typed with н о у for ң ө ү, Latin letters, the glossary
 * (expand.c, glossary.c).  Only terms the index holds are kept.
 */
#ifndef IZDE_EXPAND_H
#define IZDE_EXPAND_H

#include <stddef.h>

#include "izde-private.h"

/* Why a word was expanded (the order is the order shown). */
typedef enum izde_xwhy {
    IZDE_X_FORM,     /* the same word in the other language's stems, or its base */
    IZDE_X_NAME,     /* a case form of a surname */
    IZDE_X_KEYBOARD, /* Kyrgyz typed with н о у for ң ө ү */
    IZDE_X_LATIN,    /* a Cyrillic spelling of a Latin word */
    IZDE_X_GLOSSARY, /* the other language's word in izde's glossary */
    IZDE_X_WILDCARD  /* a term a word* stands for */
} izde_xwhy;

/* One expansion: `nterms` prefixed terms ("Zстем", "ZKстем"), a phrase
 * when more than one; `shown` is what the user is told it stands for. */
typedef struct izde_xterm {
    char **terms;
    size_t nterms;
    char *shown;
    izde_xwhy why;
} izde_xterm;

typedef struct izde_xlist {
    izde_xterm *v;
    size_t n, cap;
} izde_xlist;

/* What expansion may use: the stemmers, the index whose vocabulary
 * decides (NULL: no expansion), which languages' stems are allowed, the
 * glossary (NULL: none), and the terms the word is already searched as
 * (never repeated as expansions). */
typedef struct izde_expander {
    izde_stemmer *ru, *ky;
    izx_db *db;
    int ru_ok, ky_ok;
    const struct izde_glossary *glossary;
    char *const *exact;
    size_t nexact;
} izde_expander;

/* Most expansions one word gets (the rest are dropped, frequent first). */
#define IZDE_MAX_EXPANSIONS 24

/* Add the expansions of one word (`term` normalised, `orig` as typed) to
 * `out`.  IZDE_OK, IZDE_ENOMEM or IZDE_EBACKEND (the index failed). */
int izde__expand_word(const izde_expander *x, const char *term, size_t len, const char *orig,
                      size_t olen, izde_xlist *out);
void izde__xlist_free(izde_xlist *l);
/* The name of an izde_xwhy as the API shows it: "form", "name",
 * "keyboard", "latin", "glossary", "wildcard". */
const char *izde__xwhy_name(int why);
/* Append one expansion (its terms copied). */
int izde__xlist_add(izde_xlist *l, const char *const *terms, size_t nterms, const char *shown,
                    size_t shown_len, izde_xwhy why);

/* The terms of the index starting with `prefix` under Z, ZK and bare, at
 * most `max` (IZDE_ERANGE and *found = max + 1 past it). */
int izde__expand_wildcard(const izde_expander *x, const char *prefix, size_t len, size_t max,
                          izde_xlist *out, size_t *found);

#endif /* IZDE_EXPAND_H */
