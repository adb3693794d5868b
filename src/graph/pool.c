#include "graph/pool.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

#define CHUNK_SIZE (256 * 1024)

void eg_pool_init(eg_pool *p)
{
	memset(p, 0, sizeof(*p));
}

void eg_pool_free(eg_pool *p)
{
	eg_arena_free(&p->arena);
	free(p->keys);
	free(p->slots);
	memset(p, 0, sizeof(*p));
}

const char *eg_pool_get(const eg_pool *p, uint32_t ref)
{
	return ref ? p->keys[ref - 1] : NULL;
}

static int same(const char *stored, const char *key, size_t len)
{
	return strncmp(stored, key, len) == 0 && stored[len] == '\0';
}

/* The slot where key is, or the empty one where it would go. */
static size_t find_slot(const eg_pool *p, const char *key, size_t len, uint64_t hash)
{
	size_t i = hash & p->mask;
	while (p->slots[i] && !same(p->keys[p->slots[i] - 1], key, len))
		i = (i + 1) & p->mask;
	return i;
}

/* Keys store no hash: a rehash, a doubling of the slots, computes each one
 * again, which costs less over a run than keeping them. */
static void rehash(eg_pool *p, size_t size)
{
	free(p->slots);
	p->slots = eg_xcalloc(size, sizeof(*p->slots));
	p->mask = size - 1;
	for (size_t k = 0; k < p->count; k++) {
		const char *key = p->keys[k];
		size_t i = eg_hash_bytes(key, strlen(key)) & p->mask;
		while (p->slots[i])
			i = (i + 1) & p->mask;
		p->slots[i] = (uint32_t)(k + 1);
	}
}

static char *store_key(eg_pool *p, const char *key, size_t len)
{
	char *s = eg_arena_alloc(&p->arena, len + 1, CHUNK_SIZE);
	memcpy(s, key, len);
	s[len] = '\0';
	return s;
}

uint32_t eg_pool_intern(eg_pool *p, const char *key, size_t len)
{
	if (!p->slots || (p->count + 1) * 2 > p->mask + 1)
		rehash(p, p->slots ? (p->mask + 1) * 2 : 64);
	uint64_t hash = eg_hash_bytes(key, len);
	size_t i = find_slot(p, key, len, hash);
	if (p->slots[i])
		return p->slots[i];
	EG_GROW(p->keys, p->cap, p->count + 1);
	p->keys[p->count++] = store_key(p, key, len);
	p->slots[i] = (uint32_t)p->count;
	return p->slots[i];
}
