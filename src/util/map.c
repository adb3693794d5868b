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
	if (!m->used || (m->count + 1) * 4 > (m->mask + 1) * 3)
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
	while (m->chunk) {
		char *next;
		memcpy(&next, m->chunk, sizeof(next));
		free(m->chunk);
		m->chunk = next;
	}
	free(m->keys);
	free(m->hashes);
	free(m->slots);
	memset(m, 0, sizeof(*m));
}

static uint32_t key_length(const char *key)
{
	uint32_t n;
	memcpy(&n, key - sizeof(n), sizeof(n));
	return n;
}

static int64_t find_hashed(const eg_strmap *m, const char *key, size_t len, uint64_t h)
{
	if (!m->count)
		return -1;
	uint64_t tag = h & 0xffffffff00000000ULL;
	/* The slot carries part of the hash, so a probe that misses costs no
	 * visit to the keys. */
	for (size_t i = h & m->mask;; i = (i + 1) & m->mask) {
		uint64_t slot = m->slots[i];
		if (!slot)
			return -1;
		if ((slot & 0xffffffff00000000ULL) != tag)
			continue;
		uint32_t s = (uint32_t)slot - 1;
		const char *k = m->keys[s];
		if (key_length(k) == len && memcmp(k, key, len) == 0)
			return s;
	}
}

int64_t eg_strmap_find(const eg_strmap *m, const char *key, size_t len)
{
	return m->count ? find_hashed(m, key, len, hash_string(key, len)) : -1;
}

static void strmap_rehash(eg_strmap *m, size_t size)
{
	free(m->slots);
	m->slots = eg_xcalloc(size, sizeof(*m->slots));
	m->mask = size - 1;
	for (size_t s = 0; s < m->count; s++) {
		size_t i = m->hashes[s] & m->mask;
		while (m->slots[i])
			i = (i + 1) & m->mask;
		m->slots[i] = (m->hashes[s] & 0xffffffff00000000ULL) | ((uint64_t)s + 1);
	}
}

/* A copy of key in the current chunk, after its length and followed by a
 * NUL: one allocation for many keys, and the length next to the bytes. */
static char *store_key(eg_strmap *m, const char *key, size_t len)
{
	size_t need = sizeof(uint32_t) + len + 1;
	if (!m->chunk || m->chunk_used + need > m->chunk_size) {
		size_t size = 64 * 1024;
		while (size < sizeof(char *) + need)
			size *= 2;
		char *chunk = eg_xmalloc(size);
		memcpy(chunk, &m->chunk, sizeof(m->chunk));
		m->chunk = chunk;
		m->chunk_used = sizeof(char *);
		m->chunk_size = size;
	}
	char *p = m->chunk + m->chunk_used;
	uint32_t n = (uint32_t)len;
	memcpy(p, &n, sizeof(n));
	memcpy(p + sizeof(n), key, len);
	p[sizeof(n) + len] = '\0';
	m->chunk_used += need;
	return p + sizeof(n);
}

uint32_t eg_strmap_intern(eg_strmap *m, const char *key, size_t len, int *inserted)
{
	uint64_t h = hash_string(key, len);
	int64_t found = find_hashed(m, key, len, h);
	if (found >= 0) {
		if (inserted)
			*inserted = 0;
		return (uint32_t)found;
	}
	if (!m->slots || (m->count + 1) * 2 > m->mask + 1)
		strmap_rehash(m, m->slots ? (m->mask + 1) * 2 : 16);
	size_t s = m->count;
	if (s + 1 > m->cap) {
		size_t cap = m->cap;
		EG_GROW(m->keys, cap, s + 1);
		EG_GROW(m->hashes, m->cap, s + 1);
	}
	m->keys[s] = store_key(m, key, len);
	m->hashes[s] = h;
	size_t i = m->hashes[s] & m->mask;
	while (m->slots[i])
		i = (i + 1) & m->mask;
	m->slots[i] = (m->hashes[s] & 0xffffffff00000000ULL) | ((uint64_t)s + 1);
	m->count++;
	if (inserted)
		*inserted = 1;
	return (uint32_t)s;
}

const char *eg_strmap_key(const eg_strmap *m, uint32_t index)
{
	return m->keys[index];
}

size_t eg_strmap_key_length(const eg_strmap *m, uint32_t index)
{
	return key_length(m->keys[index]);
}
