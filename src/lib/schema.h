/*
 * schema.h - the index format's constants: version, term prefixes, value
 * slots, limits (index/SCHEMA.md is the authority).  Plain constants, for
 * every subsystem.
 */
#ifndef IZDE_SCHEMA_H
#define IZDE_SCHEMA_H

/* Index format version, stored in metadata "izde.version".  History:
 *   1  first format: unstemmed words with positions, Z-prefixed Russian
 *      stems, Q unique ids, L/S/Y/M/D boolean terms, slot 0 date, JSON data.
 *   2  ZK-prefixed Kyrgyz stems; hyphenated compounds indexed whole as
 *      well as by parts; language "other" for neither Russian nor Kyrgyz. */
#define IZDE_INDEX_VERSION 3
/* Analyzer version, stored in metadata "izde.analyzer" when an index is
 * created (and by a --force run): what made the terms and the clean text
 * of the same input.  2: ZK stems, compounds; 3: short lines inside
 * articles kept, broken lines joined, code and markup out (clean.c); a
 * capitalised surname in -ов/-ев its own Russian stem (terms.c); 4:
 * figures have a kind, only counts get figure terms (figures.c); a
 * figure's unit read in any case form of either language, and its key and
 * label (counted.c): N terms under the key; 5: a date from the text only
 * where it states the publication (pubdate.c); E terms for events only,
 * birth dates and dates after the article's own kept apart (dates.c). */
#define IZDE_ANALYZER_VERSION 5

#define IZDE_PREFIX_STEM_RU "Z"
#define IZDE_PREFIX_STEM_KY "ZK"
#define IZDE_PREFIX_ID "Q"
#define IZDE_PREFIX_LANG "L"
#define IZDE_PREFIX_SOURCE "S"
#define IZDE_PREFIX_YEAR "Y"
#define IZDE_PREFIX_MONTH "M"
#define IZDE_PREFIX_DAY "D"
#define IZDE_PREFIX_FIGURE "N" /* N<key or unit>, N<...>=<value> */
#define IZDE_PREFIX_MENTIONED "E" /* EY<yyyy>, EM<yyyymm>, ED<yyyymmdd>: dates the text mentions */
#define IZDE_PREFIX_FILE "F"      /* F<file key>: the documents read from one file */
#define IZDE_PREFIX_BAND "B"  /* B<band, 2 hex><16 hex>: a MinHash band of the text (index/story.c) */
#define IZDE_PREFIX_STORY "G" /* G<story id>: the articles of one story */
#define IZDE_META_FILE "izde.file:" /* + <file key>: "size mtime_ns hash" of an indexed file */
#define IZDE_META_SHARD "izde.shard" /* "K/N": shard K of N (index/SCHEMA.md, "Shards") */
#define IZDE_META_COMPACTED "izde.compacted" /* the folder's bytes after its last compaction */
/* An index that has grown past this many times its bytes after its last
 * compaction is compacted at the end of an izde index run (compact.c).
 * Measured on the 9,204 news articles compacted to 191 MiB: one more run
 * of 100, 300 or 1,000 articles took it to 310, 324 and 375 MiB (the
 * first changes split the full blocks), later runs grow it by what they
 * add; compacting takes about 9 ms per MiB. */
#define IZDE_RECOMPACT_RATIO 2.0
#define IZDE_SHARD_LIST "izde.shards" /* the shard list in a folder of shards */
#define IZDE_SLOT_DATE 0     /* "YYYYMMDD" ("YYYYMM~~", "YYYY~~~~" when less is known) */
#define IZDE_SLOT_META 1     /* the article's metadata as compact JSON (docstore.c) */
#define IZDE_SLOT_DATE_SORT 2 /* "YYYYMMDD" with unknown parts as 0: sort key */
#define IZDE_SLOT_STORY 3     /* the story id: the id of the story's first article */
#define IZDE_SLOT_STORY_SIG 4 /* the MinHash signature of the text (index/story.c) */
#define IZDE_SLOT_RUN 5       /* "NNNNNNNNNN TIME": the index run that first indexed the id (db/run.c) */
#define IZDE_SLOT_STORY_KEY 6 /* 8 bytes, a hash of slot 3: what searches collapse and count on (story.c) */
#define IZDE_META_RUN "izde.run"      /* "N TIME": the last index run's number and start */
#define IZDE_META_WATCH "izde.watch:" /* + name: a saved search (search/watch.c) */
#define IZDE_RUN_TIME_MAX 24   /* "2026-12-07T19:30:00Z" and its NUL, with room */
#define IZDE_RUN_STAMP_MAX 40  /* "NNNNNNNNNN " + a time + NUL */
#define IZDE_RUN_DIGITS 10     /* the run number in slot 5, zero-padded: sorts as text */
#define IZDE_MAX_TERM 240    /* Xapian's limit is 245 bytes */
#define IZDE_TITLE_POS_GAP 100 /* positions between title and text */
/* Documents per commit while indexing (per worker).  Measured on 9,204 news
 * articles, index format 3, two workers, medians of 3: 150 -> 21.0 s, 24 MiB
 * peak; 400 -> 20.4 s, 42 MiB; 1,000 -> 20.8 s, 81 MiB; 3,000 -> 24.4 s,
 * 202 MiB (format 2, one process: Xapian's default 10,000 -> 80 s, 950 MB). */
#define IZDE_COMMIT_EVERY 400

#endif /* IZDE_SCHEMA_H */
