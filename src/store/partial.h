/*
 * partial: a shard's counts in a file, to be merged into the whole graph.
 *
 * A partial holds everything the graph, its metrics and its evidence need:
 * per entity its type, label, category, mentions, documents and dates; per
 * pair its windows, documents, evidence ids and snippet; the number of
 * documents; and what must match for partials to be merged: the
 * configuration fingerprint, the window, and which shards of how many it
 * covers.  Entities are written sorted by id and pairs by their entities'
 * ids, so equal contents give equal bytes.
 *
 * Format (version 1), every integer little-endian, a string being a u32
 * length and that many bytes:
 *   "EGPART\r\n"  8 bytes of magic (the \r\n catches text-mode damage)
 *   u32 version, 16 bytes configuration fingerprint,
 *   u32 window kind (0 sentence, 1 paragraph, 2 document, 3 tokens),
 *   u32 window tokens, u32 shard count N, u32 number of shards held K,
 *   K x u32 shard index (1..N, ascending), u64 documents,
 *   u64 entities, each: string type, label, category, first date, last
 *     date (empty when none), u64 mentions, u64 documents, u32 source
 *     count S (at most EG_SOURCES_MAX), S strings;
 *   u64 pairs, each: u64 a, u64 b (entity positions above, a < b),
 *     u64 windows, u64 documents, u32 evidence count E, E strings,
 *     string snippet, first date, last date (each empty when none);
 *   u64 XXH3-64 of every byte before it.
 */
#ifndef EG_PARTIAL_H
#define EG_PARTIAL_H

#include <stdint.h>
#include <stdio.h>

#include "graph/cooc.h"
#include "match/entities.h"
#include "util/util.h"

#define EG_PARTIAL_VERSION 1

typedef struct eg_partial_info {
	uint8_t fingerprint[16];
	eg_window window;
	uint32_t shard_count;
	uint32_t *shards;  /* ascending, 1..shard_count; owned */
	uint32_t shards_held;
	uint64_t documents;
} eg_partial_info;

/* Writes counts (entity indexes into ents) with info to fp. */
int eg_partial_write(FILE *fp, const eg_cooc *counts, const eg_entities *ents, const eg_partial_info *info,
		     eg_error *err);

/* Reads the partial at path: checks magic, version and checksum, fills
 * info, interns its entities into ents (an extension table) and merges its
 * counts into counts.  Errors name the file: "PATH: what is wrong". */
int eg_partial_read(const char *path, eg_cooc *counts, eg_entities *ents, eg_partial_info *info, eg_error *err);
/* The same for a partial already in memory (size bytes at data, e.g. one
 * the cache kept); name stands for its path in errors. */
int eg_partial_parse(const char *name, const char *data, size_t size, eg_cooc *counts, eg_entities *ents,
		     eg_partial_info *info, eg_error *err);

void eg_partial_info_free(eg_partial_info *info);

#endif
