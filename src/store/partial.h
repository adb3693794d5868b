/*
 * partial: a shard's counts in a file, to be merged into the whole graph.
 *
 * A partial holds everything the graph, its metrics and its evidence need:
 * the evidence documents with their metadata; per entity its type, label,
 * category, mentions, documents, dates and evidence; per pair its windows, documents,
 * evidence (documents and sentences) and snippet; the number of
 * documents; and what must match for partials to be merged: the
 * configuration fingerprint, the window, and which shards of how many it
 * covers.  Entities are written sorted by id and pairs by their entities'
 * ids, so equal contents give equal bytes.
 *
 * Format (version 6), every integer little-endian, a string being a u32
 * length and that many bytes (no NUL among them):
 *   "EGPART\r\n"  8 bytes of magic (the \r\n catches text-mode damage)
 *   u32 version, 16 bytes configuration fingerprint,
 *   u32 window kind (0 sentence, 1 paragraph, 2 document, 3 tokens),
 *   u32 window tokens (0 unless tokens), u32 window budget (the
 *   --max-window-entities counted with; 0 none), u32 evidence cap (the
 *   --evidence counted with, 0..EG_EVIDENCE_LIMIT), u32 shard count N
 *   (1..EG_SHARD_MAX), u32 number of shards held K (1..N),
 *   K x u32 shard index (1..N, ascending), u64 documents, string
 *   dates kept (eg_partial_dates: empty for all, at most 63 bytes),
 *   u64 evidence documents, each: string id (not empty), date
 *     ("YYYY-MM-DD"), title, outlet, url (each empty when unknown); the
 *     documents some entity or pair names, each once, ascending by id;
 *   u64 entities, each: string type, label, category, first date, last
 *     date (both "YYYY-MM-DD", or both empty when none), u64 mentions,
 *     u64 documents, u32 source count S (at most EG_SOURCES_MAX), S strings
 *     (ascending), u32 surface form count F (at most EG_FORMS_MAX), F times
 *     string form (1..EG_FORM_MAX bytes) and u64 mentions (>= 1; all F
 *     together no more than the entity's), u32 evidence count E (1..the
 *     cap, 0 when the cap is 0), E times: u64 document position (in the
 *     table above, ascending) and string sentence (of its first mention
 *     there); entities ascending by id.  An entity with 0 mentions is a
 *     listed name (eg_cooc_list_entity) and has no documents, dates,
 *     sources, forms or evidence;
 *   u64 pairs, each: u64 a, u64 b (entity positions above, a < b),
 *     u64 windows, u64 documents, u32 evidence count E (1..the cap, 0 when
 *     the cap is 0), E times: u64 document position (in the table above,
 *     ascending) and string sentence (empty when unknown); string snippet,
 *     first date, last date (each empty when none); pairs ascending by
 *     (a, b);
 *   u64 relations (graph/relcount.h), each: u64 subject, u64 object
 *     (entity positions above, different), u32 kind (0 role, 1
 *     possessive, 2 verb, 3 agent), string predicate (1 to
 *     EG_PREDICATE_MAX + 15 bytes), u64 instances, u64 documents (1 to the
 *     instances, no more than either entity's), string document (the
 *     smallest id stating it, not empty), string sentence (there, at most
 *     4 x EG_SENTENCE_MAX bytes); ascending by (subject, object, kind,
 *     predicate's bytes);
 *   16 bytes: XXH3-128, seeded with EG_PARTIAL_SEED, of every byte before
 *     it (canonical, big-endian).
 *
 * The checksum catches damage (a cut file, a changed byte) and, seeded per
 * version, a file of another version; it is no defence, as anyone can
 * recompute it.  So the reader also checks every field before it uses it,
 * as if the file were hostile: kinds and shard numbers in range, counts no
 * larger than the bytes left could hold (so nothing is allocated beyond
 * what the file's size justifies), positions in range and in order (no
 * pair or entity twice), counts consistent (an entity in no more documents
 * than it has mentions or the file has, a pair in no more than its
 * windows), dates real calendar dates, sums checked for overflow.
 * Partials of versions 1 (before the window budget), 2 (before the
 * evidence metadata), 3 (before surface forms and listed names), 4
 * (before the entities' evidence) and 5 (before relations) are refused
 * with a message to re-run their shard.
 */
#ifndef EG_PARTIAL_H
#define EG_PARTIAL_H

#include <stdint.h>
#include <stdio.h>

#include "graph/cooc.h"
#include "match/entities.h"
#include "util/util.h"

#define EG_PARTIAL_VERSION 6
#define EG_PARTIAL_SEED 0x4547504152540006ULL /* "EGPART" and the version */
#define EG_SHARD_MAX 1000000                  /* the largest N of --shard I/N */

typedef struct eg_partial_info {
	uint8_t fingerprint[16];
	eg_window window;
	uint32_t window_entities; /* the window budget counted with, 0 = none */
	uint32_t evidence;        /* the evidence cap counted with (eg_cooc_set_evidence) */
	uint32_t shard_count;
	uint32_t *shards;  /* ascending, 1..shard_count; owned */
	uint32_t shards_held;
	uint64_t documents;
	char dates[64];    /* the documents' dates kept: "" for all, else as eg_partial_dates writes */
} eg_partial_info;

/* The --since, --until and --undated a run kept documents by, as a partial
 * records them: "" for none, else "SINCE..UNTIL" (either side may be empty)
 * and " undated" when undated documents were kept; into out. */
void eg_partial_dates(const char *since, const char *until, int keep_undated, char out[64]);

/* Writes counts (entity indexes into ents) with info to fp. */
int eg_partial_write(FILE *fp, const eg_cooc *counts, const eg_entities *ents, const eg_partial_info *info,
		     eg_error *err);

/* Reads the partial at path: checks magic, version, checksum and every
 * field, fills info, interns its entities into ents (an extension table)
 * and merges its counts into counts.  Errors name the file: "PATH: what is
 * wrong"; after one, info holds nothing to free and counts and ents may
 * hold part of the file (discard them). */
int eg_partial_read(const char *path, eg_cooc *counts, eg_entities *ents, eg_partial_info *info, eg_error *err);
/* The same for a partial already in memory (size bytes at data, e.g. one
 * the cache kept); name stands for its path in errors. */
int eg_partial_parse(const char *name, const char *data, size_t size, eg_cooc *counts, eg_entities *ents,
		     eg_partial_info *info, eg_error *err);

/* The checksum of data[0, n) as a partial stores it (tests craft partials
 * with it). */
void eg_partial_checksum(const void *data, size_t n, unsigned char out[16]);

void eg_partial_info_free(eg_partial_info *info);

#endif
