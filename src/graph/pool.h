/*
 * pool: interned strings for the counts, lean where there are many of them.
 *
 * eg_pool_intern returns a reference (1, 2, 3, ... in insertion order; 0
 * stands for none) to its own NUL-terminated copy of a string, the same
 * reference for equal strings.  Keys must not hold a NUL byte.
 *
 * eg_strmap (util/map.h) keeps a length, a full hash and a wide slot per
 * key so that the matcher's hot lookups rarely touch a key; here a key costs
 * its bytes, a NUL, a pointer and a 32-bit slot at most half full, about 20
 * bytes besides the text: document ids and snippets, one per edge or so,
 * are most of what counting keeps.  Not thread-safe; never shrinks.
 */
#ifndef EG_POOL_H
#define EG_POOL_H

#include <stddef.h>
#include <stdint.h>

#include "util/map.h"

typedef struct eg_pool {
	char **keys;     /* per reference - 1, in the arena */
	size_t count, cap;
	uint32_t *slots; /* reference, or 0 = empty; at most half full */
	size_t mask;
	eg_arena arena;
} eg_pool;

void eg_pool_init(eg_pool *p);
void eg_pool_free(eg_pool *p);
/* The reference of key[0, len), added when absent. */
uint32_t eg_pool_intern(eg_pool *p, const char *key, size_t len);
/* The string of a reference; NULL for 0. */
const char *eg_pool_get(const eg_pool *p, uint32_t ref);

#endif
