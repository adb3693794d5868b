/*
 * cache: per-document matching results kept in SQLite between runs.
 *
 * A document's mentions depend only on its text and on the configuration
 * that matched it (dictionaries, rules, word lists, program version), so a
 * result is stored under (configuration fingerprint, hash of the text).  A
 * re-run looks each document up and matches only the ones it does not find;
 * windows, filters and output options are applied afresh every time and so
 * never invalidate anything.  Changing any loaded file changes the
 * fingerprint, and the documents are matched again under the new one.
 *
 * The database runs in WAL mode and eg_cache_put's rows become durable in
 * batches at eg_cache_commit: a run killed at any moment leaves a usable
 * cache holding every batch committed before it, and the next run redoes
 * only the rest.  Not thread-safe: one thread owns an eg_cache.
 */
#ifndef EG_CACHE_H
#define EG_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "match/entities.h"
#include "mention.h"
#include "util/util.h"

typedef struct eg_cache eg_cache;

typedef struct eg_cache_key {
	uint8_t bytes[16];
} eg_cache_key;

/* The key of a document's text. */
eg_cache_key eg_cache_key_of(const char *text, size_t length);

/* Opens or creates the cache at path.  fingerprint identifies the
 * configuration (see eg_matcher fingerprint).  On failure returns NULL with
 * err "PATH: reason". */
eg_cache *eg_cache_open(const char *path, const eg_cache_key *fingerprint, eg_error *err);
/* Commits what is pending and closes.  Returns -1 when the commit failed. */
int eg_cache_close(eg_cache *c, eg_error *err);

/* Looks key up for a text of length bytes: returns 1 with out filled
 * (entities interned into found), 0 when absent, -1 on a read error or a
 * row that does not fit the text (err says which; treat it as absent). */
int eg_cache_get(eg_cache *c, const eg_cache_key *key, size_t length, eg_entities *found, eg_mentions *out,
		 eg_error *err);
/* Stores the mentions of the document with this key; their entities are
 * looked up in ents.  Becomes durable at the next eg_cache_commit. */
int eg_cache_put(eg_cache *c, const eg_cache_key *key, const eg_entities *ents, const eg_mention *mentions,
		 size_t n, eg_error *err);
/* Makes every put so far durable. */
int eg_cache_commit(eg_cache *c, eg_error *err);

/* Whole outputs, keyed by a hash of everything a run's output depends on
 * (configuration, options, and every document's id, metadata and text):
 * when nothing changed, a re-run copies the output instead of recounting.
 * get returns 1 with out filled, 0 when absent, -1 on a read error.  put
 * keeps the EG_CACHE_OUTPUTS most recent outputs and commits. */
#define EG_CACHE_OUTPUTS 8
int eg_cache_output_get(eg_cache *c, const eg_cache_key *key, eg_buf *out, eg_error *err);
int eg_cache_output_put(eg_cache *c, const eg_cache_key *key, const char *data, size_t n, eg_error *err);

/* What a set of input files (named by a hash of their paths, sizes, times
 * and inode numbers) held when a run started at time (nanoseconds since
 * 1970): the hash and number of their documents.  Lets a re-run whose files are
 * unchanged skip reading them; see eg_run_files for when that is safe. */
typedef struct eg_cache_stamp {
	eg_cache_key content; /* eg_run_content's hash of the documents */
	uint64_t documents;
	int64_t time;         /* when the run that saw them started */
} eg_cache_stamp;
int eg_cache_stamp_get(eg_cache *c, const eg_cache_key *files, eg_cache_stamp *stamp, eg_error *err);
int eg_cache_stamp_put(eg_cache *c, const eg_cache_key *files, const eg_cache_stamp *stamp, eg_error *err);

#endif
