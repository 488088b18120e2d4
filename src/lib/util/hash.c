/*
 * hash.c - 64-bit FNV-1a and the keys made with it (hash.h).
 */
#include <stdio.h>
#include <string.h>

#include "hash.h"

uint64_t izde__hash(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 0x100000001b3ULL;
    return h;
}

int izde__hashed_key(izde_buf *b, const char *s, size_t max, size_t head)
{
    size_t n = strlen(s);
    if (n <= max)
        return izde__buf_append(b, s, n);
    uint64_t h = izde__hash(IZDE_HASH_SEED_V1, s, n);
    if (head > n)
        head = n;
    while (head > 0 && ((unsigned char)s[head] & 0xc0) == 0x80)
        head--;
    char hex[24];
    snprintf(hex, sizeof hex, "#%016llx", (unsigned long long)h);
    izde__buf_append(b, s, head);
    return izde__buf_puts(b, hex);
}

uint64_t izde__mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}
