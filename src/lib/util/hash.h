/*
 * hash.h - the one hash behind everything izde derives from bytes and
 * writes to disk or routes by: 64-bit FNV-1a.  The shard an article goes
 * to, the id term of a long id, the file key of a long path and the
 * content hash of a file all come from here, and tests/unit/test_hash.c
 * pins an output of each: a change here that moves a document fails it.
 * Changing any of them needs a new IZDE_INDEX_VERSION.
 */
#ifndef IZDE_HASH_H
#define IZDE_HASH_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* FNV-1a's offset basis: shard routing (izde_shard_of). */
#define IZDE_HASH_SEED 0xcbf29ce484222325ULL
/* The basis of id terms, file keys, content hashes and seen lines since
 * index format 1: FNV's basis with its last digit lost
 * (1469598103934665603 for 14695981039346656037).  Any basis hashes as
 * well; this one is kept because indexes hold its values. */
#define IZDE_HASH_SEED_V1 1469598103934665603ULL

/* FNV-1a of p[0..n) continuing from `h` (a seed, or the hash of the bytes
 * before: hashing in pieces gives the hash of the whole). */
uint64_t izde__hash(uint64_t h, const void *p, size_t n);

/* Append `s` to `b` when it has at most `max` bytes; else its first
 * `head` bytes (cut back to a UTF-8 boundary), '#' and the 16 hex digits
 * of izde__hash(IZDE_HASH_SEED_V1, s): a key that stays unique and short.
 * The id terms (max 239, head 200) and file keys (220, 180) are made so. */
int izde__hashed_key(izde_buf *b, const char *s, size_t max, size_t head);

/* A bijective 64-bit mixer (the SplitMix64 finaliser): the minhash
 * permutations of a story signature (index/story.c) are
 * izde__mix64(shingle hash ^ seed k); the values reach the index. */
uint64_t izde__mix64(uint64_t x);

#endif /* IZDE_HASH_H */
