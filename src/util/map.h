/*
 * Two open-addressing hash tables, the only ones the program needs.
 *
 * eg_u64map: uint64 key -> uint64 value.  Used for trie transitions and
 *   pair counts, where the key packs two 32-bit ids.
 * eg_strmap: byte string -> dense uint32 index (0, 1, 2, ... in insertion
 *   order).  The map keeps its own copy of each key; eg_strmap_key returns it
 *   NUL-terminated.  Used to intern tokens, types and entity keys.
 *
 * eg_arena holds the keys of eg_strmap (and of graph/pool.h).
 *
 * Neither is thread-safe; neither shrinks.  Iteration order of eg_u64map is
 * unspecified, so callers sort before writing anything out.
 */
#ifndef EG_MAP_H
#define EG_MAP_H

#include <stddef.h>
#include <stdint.h>

/* Bytes that never move, carved from chunks of at least chunk_size chained
 * through their first bytes: many small keys in few allocations, all freed
 * at once.  Zeroed memory is an empty arena. */
typedef struct eg_arena {
	char *chunk; /* the chunk being filled */
	size_t used, size;
} eg_arena;

void *eg_arena_alloc(eg_arena *a, size_t n, size_t chunk_size);
void eg_arena_free(eg_arena *a);

typedef struct eg_u64map_entry {
	uint64_t key, value;
} eg_u64map_entry;

typedef struct eg_u64map {
	eg_u64map_entry *entries; /* key and value side by side: one cache miss a probe */
	unsigned char *used;      /* 0 = empty, else 0x80 | seven bits of the hash */
	size_t count, mask;
} eg_u64map;

void eg_u64map_init(eg_u64map *m);
void eg_u64map_free(eg_u64map *m);
/* Returns a pointer to the value for key, or NULL when absent. */
uint64_t *eg_u64map_get(const eg_u64map *m, uint64_t key);
/* Returns a pointer to the value for key, inserting it (value 0) when absent;
 * *inserted, if not NULL, tells which.  The pointer is valid until the next
 * insertion. */
uint64_t *eg_u64map_put(eg_u64map *m, uint64_t key, int *inserted);
/* Makes room for count entries in all, so that inserting up to that many
 * moves nothing: for callers that know roughly how much is coming. */
void eg_u64map_reserve(eg_u64map *m, size_t count);
/* Walks all entries: pass *pos = 0 first; returns 0 at the end. */
int eg_u64map_next(const eg_u64map *m, size_t *pos, uint64_t *key, uint64_t *value);

typedef struct eg_strmap_slot {
	uint64_t hash;
	const char *key; /* NULL = empty */
} eg_strmap_slot;

typedef struct eg_strmap {
	eg_strmap_slot *slots; /* the whole hash beside the key: a probe that
				* misses costs no visit to the keys, one that
				* hits a single visit */
	char **keys;           /* per index: in the arena, after the index and
				* length (two uint32) */
	size_t count, cap, mask;
	eg_arena arena;
} eg_strmap;

void eg_strmap_init(eg_strmap *m);
void eg_strmap_free(eg_strmap *m);
/* Returns the index of key, or -1 when absent. */
int64_t eg_strmap_find(const eg_strmap *m, const char *key, size_t len);
/* Returns the index of key, adding it when absent. */
uint32_t eg_strmap_intern(eg_strmap *m, const char *key, size_t len, int *inserted);
/* As eg_u64map_reserve. */
void eg_strmap_reserve(eg_strmap *m, size_t count);
const char *eg_strmap_key(const eg_strmap *m, uint32_t index);
size_t eg_strmap_key_length(const eg_strmap *m, uint32_t index);

#endif
