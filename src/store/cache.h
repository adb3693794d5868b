/*
 * cache: matching results and counts kept in SQLite between runs.
 *
 * A document's mentions depend only on its text and on the configuration
 * that matched it (dictionaries, rules, word lists, program version), so a
 * result is stored under (configuration fingerprint, hash of the text).  A
 * re-run looks each document up and matches only the ones it does not find;
 * windows, filters and output options are applied afresh every time and so
 * never invalidate anything.  Changing any loaded file changes the
 * fingerprint, and the documents are matched again under the new one.
 *
 * A whole run's counts (a partial result, store/partial.h) are kept too,
 * under a key of everything they depend on (configuration, documents,
 * window, shard, budgets) but not the output format or filters: a re-run
 * with unchanged inputs rebuilds any output from them without reading a
 * document.  They are written from the run's own memory, never read back
 * from an output, in rows of EG_CACHE_CHUNK bytes, so neither their size
 * nor the memory of a re-run has a limit set by SQLite or by the output.
 *
 * Every row carries a checksum of its key and contents, checked on every
 * read: a row that fails is counted (eg_cache_damaged) and treated as
 * absent, so its document is matched again and the row replaced.
 *
 * The cache is only an optimisation.  eg_cache_open refuses, before
 * changing a byte, a file that is not an entgraph cache (not SQLite, another
 * program's database, read-only); after a database error during the run
 * every call becomes a no-op that finds nothing, and eg_cache_close returns
 * that first error for the caller to report once.
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

#include "graph/cooc.h"
#include "graph/previous.h"
#include "match/entities.h"
#include "mention.h"
#include "store/partial.h"
#include "util/util.h"

typedef struct eg_cache eg_cache;

typedef struct eg_cache_key {
	uint8_t bytes[16];
} eg_cache_key;

/* The key of a document's text. */
eg_cache_key eg_cache_key_of(const char *text, size_t length);

/* Opens or creates the cache at path.  fingerprint identifies the
 * configuration (see eg_matcher fingerprint).  Returns NULL with err
 * "PATH: reason" when path cannot serve as a cache (not a database, another
 * program's database, read-only, damaged); it is then left as it was. */
eg_cache *eg_cache_open(const char *path, const eg_cache_key *fingerprint, eg_error *err);
/* Commits what is pending and closes.  Returns -1 with err set to the
 * first database error of the run, if there was one (from then on the
 * cache did nothing), or when the commit failed. */
int eg_cache_close(eg_cache *c, eg_error *err);

/* Looks key up for a text of length bytes: returns 1 with out filled
 * (entities interned into found), 0 when absent, damaged, or after a
 * database error.  Never fails otherwise. */
int eg_cache_get(eg_cache *c, const eg_cache_key *key, size_t length, eg_entities *found, eg_mentions *out);
/* Stores the mentions of the document with this key; their entities are
 * looked up in ents.  Becomes durable at the next eg_cache_commit.  A
 * database error is kept for eg_cache_close and ends the cache's work. */
void eg_cache_put(eg_cache *c, const eg_cache_key *key, const eg_entities *ents, const eg_mention *mentions,
		  size_t n);
/* Makes every put so far durable (an error: as for eg_cache_put). */
void eg_cache_commit(eg_cache *c);

/* Rows found damaged so far (checksum or contents wrong), each ignored. */
size_t eg_cache_damaged(const eg_cache *c);

/* A run's counts under key run.  get merges them into counts and interns
 * their entities into ents, filling info as eg_partial_read does; returns 1,
 * or 0 when absent or damaged (counts and ents may then hold part of them:
 * start afresh).  put stores them (entities indexed in ents) with info,
 * keeps the EG_CACHE_COUNTS newest and commits; it returns -1 with err
 * when they could not be stored, which costs only the next run's time. */
/* Two: the newest is what an unchanged re-run needs, and the one before it
 * serves runs that alternate (two windows, a shard and the whole corpus,
 * a run still going while another starts); each is about the size of the
 * graph, so more would cost disk for counts no re-run is likely to find
 * again once the inputs changed. */
#define EG_CACHE_COUNTS 2
#define EG_CACHE_CHUNK ((size_t)1 << 20)
int eg_cache_counts_get(eg_cache *c, const eg_cache_key *run, eg_cooc *counts, eg_entities *ents,
			eg_partial_info *info);
int eg_cache_counts_put(eg_cache *c, const eg_cache_key *run, const eg_cooc *counts, const eg_entities *ents,
			const eg_partial_info *info, eg_error *err);

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

/* The last graph's picture for a view (what a graph's layout depends on
 * besides the counts: window, weighting, filters): per node id its
 * position, community and documents, for the next run to start from as
 * from --previous.  get adds them to out (eg_previous_add) and returns 1,
 * or 0 when there is none; a damaged row is counted and left out.  put
 * replaces the view's picture and commits; -1 with err when it could not,
 * which costs only the next run's picture. */
int eg_cache_picture_get(eg_cache *c, const char *view, eg_previous *out);
int eg_cache_picture_put(eg_cache *c, const char *view, const eg_previous *picture, eg_error *err);

#endif
