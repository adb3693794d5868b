#include "map.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* A 64-bit finaliser (from splitmix64): trie keys are small consecutive
 * integers, which would cluster badly without it. */
static uint64_t mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

/* Hash for the string table: eight bytes a step, then the finaliser.  Not
 * eg_hash_bytes (FNV-1a, a byte a step), which stays for ids that must not
 * change; this one only has to be fast and spread keys well. */
static uint64_t hash_string(const char *s, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ ((uint64_t)n << 56);
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
		s += 8;
		n -= 8;
	}
	uint64_t tail = 0;
	for (size_t i = 0; i < n; i++)
		tail |= (uint64_t)(unsigned char)s[i] << (8 * i);
	return mix64(h ^ tail);
}

/* Both tables grow when more than three quarters full: linear probing
 * stays short at that load, and the hash bits kept beside each entry spare
 * most visits to keys that differ. */
static int too_full(size_t count, size_t size)
{
	return count * 4 > size * 3;
}

/* The smallest table size (a power of two) that holds count entries. */
static size_t size_for(size_t count)
{
	size_t size = 16;
	while (too_full(count, size))
		size *= 2;
	return size;
}

void eg_u64map_init(eg_u64map *m)
{
	memset(m, 0, sizeof(*m));
}

void eg_u64map_free(eg_u64map *m)
{
	free(m->entries);
	free(m->used);
	memset(m, 0, sizeof(*m));
}

/* The used byte of a key with hash h: never 0, and a probe whose byte
 * differs needs no look at the entry. */
static unsigned char used_tag(uint64_t h)
{
	return (unsigned char)(0x80 | (h >> 57));
}

uint64_t *eg_u64map_get(const eg_u64map *m, uint64_t key)
{
	if (!m->count)
		return NULL;
	uint64_t h = mix64(key);
	unsigned char tag = used_tag(h);
	for (size_t i = h & m->mask;; i = (i + 1) & m->mask) {
		unsigned char u = m->used[i];
		if (!u)
			return NULL;
		if (u == tag && m->entries[i].key == key)
			return &m->entries[i].value;
	}
}

static void u64map_resize(eg_u64map *m, size_t size)
{
	eg_u64map old = *m;
	m->entries = eg_xmalloc(size * sizeof(*m->entries));
	m->used = eg_xcalloc(size, 1);
	m->mask = size - 1;
	for (size_t j = 0; old.used && j <= old.mask; j++) {
		if (!old.used[j])
			continue;
		size_t i = mix64(old.entries[j].key) & m->mask;
		while (m->used[i])
			i = (i + 1) & m->mask;
		m->used[i] = old.used[j];
		m->entries[i] = old.entries[j];
	}
	free(old.entries);
	free(old.used);
}

uint64_t *eg_u64map_put(eg_u64map *m, uint64_t key, int *inserted)
{
	if (!m->used || too_full(m->count + 1, m->mask + 1))
		u64map_resize(m, m->used ? (m->mask + 1) * 2 : 16);
	uint64_t h = mix64(key);
	unsigned char tag = used_tag(h);
	size_t i = h & m->mask;
	for (; m->used[i]; i = (i + 1) & m->mask) {
		if (m->used[i] == tag && m->entries[i].key == key) {
			if (inserted)
				*inserted = 0;
			return &m->entries[i].value;
		}
	}
	m->used[i] = tag;
	m->entries[i].key = key;
	m->entries[i].value = 0;
	m->count++;
	if (inserted)
		*inserted = 1;
	return &m->entries[i].value;
}

void eg_u64map_reserve(eg_u64map *m, size_t count)
{
	size_t size = size_for(count);
	if (!m->used || size > m->mask + 1)
		u64map_resize(m, size);
}

int eg_u64map_next(const eg_u64map *m, size_t *pos, uint64_t *key, uint64_t *value)
{
	for (; m->used && *pos <= m->mask; (*pos)++) {
		if (m->used[*pos]) {
			*key = m->entries[*pos].key;
			*value = m->entries[*pos].value;
			(*pos)++;
			return 1;
		}
	}
	return 0;
}

void eg_strmap_init(eg_strmap *m)
{
	memset(m, 0, sizeof(*m));
}

void eg_strmap_free(eg_strmap *m)
{
	eg_arena_free(&m->arena);
	free(m->keys);
	free(m->slots);
	memset(m, 0, sizeof(*m));
}

/* A stored key is preceded by its index, then its length. */
static uint32_t key_index(const char *key)
{
	uint32_t i;
	memcpy(&i, key - 2 * sizeof(i), sizeof(i));
	return i;
}

static uint32_t key_length(const char *key)
{
	uint32_t n;
	memcpy(&n, key - sizeof(n), sizeof(n));
	return n;
}

/* The slot holding key, or the empty slot where it would go. */
static eg_strmap_slot *find_slot(const eg_strmap *m, const char *key, size_t len, uint64_t h)
{
	for (size_t i = h & m->mask;; i = (i + 1) & m->mask) {
		eg_strmap_slot *slot = &m->slots[i];
		if (!slot->key || (slot->hash == h && key_length(slot->key) == len &&
				   memcmp(slot->key, key, len) == 0))
			return slot;
	}
}

int64_t eg_strmap_find(const eg_strmap *m, const char *key, size_t len)
{
	if (!m->count)
		return -1;
	const eg_strmap_slot *slot = find_slot(m, key, len, hash_string(key, len));
	return slot->key ? (int64_t)key_index(slot->key) : -1;
}

static void strmap_rehash(eg_strmap *m, size_t size)
{
	eg_strmap_slot *old = m->slots;
	size_t old_size = old ? m->mask + 1 : 0;
	m->slots = eg_xcalloc(size, sizeof(*m->slots));
	m->mask = size - 1;
	for (size_t j = 0; j < old_size; j++) {
		if (!old[j].key)
			continue;
		size_t i = old[j].hash & m->mask;
		while (m->slots[i].key)
			i = (i + 1) & m->mask;
		m->slots[i] = old[j];
	}
	free(old);
}

void *eg_arena_alloc(eg_arena *a, size_t n, size_t chunk_size)
{
	if (!a->chunk || a->used + n > a->size) {
		size_t size = chunk_size;
		while (size < sizeof(char *) + n)
			size *= 2;
		char *chunk = eg_xmalloc(size);
		memcpy(chunk, &a->chunk, sizeof(a->chunk));
		a->chunk = chunk;
		a->used = sizeof(char *);
		a->size = size;
	}
	void *p = a->chunk + a->used;
	a->used += n;
	return p;
}

void eg_arena_free(eg_arena *a)
{
	while (a->chunk) {
		char *next;
		memcpy(&next, a->chunk, sizeof(next));
		free(a->chunk);
		a->chunk = next;
	}
	a->used = a->size = 0;
}

/* A copy of key in the arena, after its index and length and followed by a
 * NUL: one allocation for many keys, and what a probe checks next to the
 * bytes. */
static char *store_key(eg_strmap *m, const char *key, size_t len, uint32_t index)
{
	char *p = eg_arena_alloc(&m->arena, 2 * sizeof(uint32_t) + len + 1, 64 * 1024);
	uint32_t n = (uint32_t)len;
	memcpy(p, &index, sizeof(index));
	memcpy(p + sizeof(index), &n, sizeof(n));
	p += 2 * sizeof(uint32_t);
	memcpy(p, key, len);
	p[len] = '\0';
	return p;
}

uint32_t eg_strmap_intern(eg_strmap *m, const char *key, size_t len, int *inserted)
{
	if (!m->slots)
		strmap_rehash(m, 16);
	uint64_t h = hash_string(key, len);
	eg_strmap_slot *slot = find_slot(m, key, len, h);
	if (slot->key) {
		if (inserted)
			*inserted = 0;
		return key_index(slot->key);
	}
	if (too_full(m->count + 1, m->mask + 1)) {
		strmap_rehash(m, (m->mask + 1) * 2);
		slot = find_slot(m, key, len, h);
	}
	uint32_t index = (uint32_t)m->count;
	EG_GROW(m->keys, m->cap, m->count + 1);
	m->keys[index] = store_key(m, key, len, index);
	slot->hash = h;
	slot->key = m->keys[index];
	m->count++;
	if (inserted)
		*inserted = 1;
	return index;
}

void eg_strmap_reserve(eg_strmap *m, size_t count)
{
	size_t size = size_for(count);
	if (!m->slots || size > m->mask + 1)
		strmap_rehash(m, size);
	EG_GROW(m->keys, m->cap, count);
}

const char *eg_strmap_key(const eg_strmap *m, uint32_t index)
{
	return m->keys[index];
}

size_t eg_strmap_key_length(const eg_strmap *m, uint32_t index)
{
	return key_length(m->keys[index]);
}
