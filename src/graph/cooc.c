#include "graph/cooc.h"
#include "util/map.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef struct pair_slot {
	uint32_t a, b;
	uint64_t weight, documents;
	uint64_t last_document; /* 1 + index of the last document counted, 0 = none */
} pair_slot;

typedef struct entity_slot {
	eg_entity_counts counts;
	uint64_t last_document; /* 1 + index of the last document counted, 0 = none */
} entity_slot;

struct eg_cooc {
	eg_window window;
	uint64_t documents;          /* documents added so far */
	entity_slot *entities;       /* indexed by entity */
	size_t entity_limit, entity_cap;
	eg_u64map pair_index;        /* (a << 32 | b) -> index into pairs */
	pair_slot *pairs;
	size_t pair_count, pair_cap;
	uint32_t *scratch;           /* distinct entities of one window */
	size_t scratch_cap;
};

int eg_window_parse(const char *s, eg_window *out, eg_error *err)
{
	if (strcmp(s, "sentence") == 0) {
		out->kind = EG_WINDOW_SENTENCE;
	} else if (strcmp(s, "paragraph") == 0) {
		out->kind = EG_WINDOW_PARAGRAPH;
	} else if (strcmp(s, "document") == 0) {
		out->kind = EG_WINDOW_DOCUMENT;
	} else {
		char *end;
		errno = 0;
		unsigned long n = strtoul(s, &end, 10);
		if (errno || end == s || *end || s[0] == '-' || s[0] == '+' || n < 1 || n > UINT32_MAX)
			return eg_error_set(err, "\"%s\" is not a window (sentence, paragraph, document, or a number of tokens)",
					    s);
		out->kind = EG_WINDOW_TOKENS;
		out->tokens = (uint32_t)n;
		return 0;
	}
	out->tokens = 0;
	return 0;
}

eg_cooc *eg_cooc_new(eg_window window)
{
	eg_cooc *c = eg_xcalloc(1, sizeof(*c));
	c->window = window;
	eg_u64map_init(&c->pair_index);
	return c;
}

void eg_cooc_free(eg_cooc *c)
{
	if (!c)
		return;
	free(c->entities);
	eg_u64map_free(&c->pair_index);
	free(c->pairs);
	free(c->scratch);
	free(c);
}

static void count_entity(eg_cooc *c, uint32_t e)
{
	if (e >= c->entity_limit) {
		EG_GROW(c->entities, c->entity_cap, (size_t)e + 1);
		memset(c->entities + c->entity_limit, 0, (e + 1 - c->entity_limit) * sizeof(*c->entities));
		c->entity_limit = (size_t)e + 1;
	}
	entity_slot *x = &c->entities[e];
	x->counts.mentions++;
	if (x->last_document != c->documents) {
		x->last_document = c->documents;
		x->counts.documents++;
	}
}

/* Adds one window's worth of a pair; the caller guarantees a pair comes at
 * most once per window. */
static void count_pair(eg_cooc *c, uint32_t x, uint32_t y)
{
	if (x == y)
		return;
	uint32_t a = x < y ? x : y, b = x < y ? y : x;
	int inserted;
	uint64_t *slot = eg_u64map_put(&c->pair_index, (uint64_t)a << 32 | b, &inserted);
	if (inserted) {
		EG_GROW(c->pairs, c->pair_cap, c->pair_count + 1);
		pair_slot *p = &c->pairs[c->pair_count];
		memset(p, 0, sizeof(*p));
		p->a = a;
		p->b = b;
		*slot = c->pair_count++;
	}
	pair_slot *p = &c->pairs[*slot];
	p->weight++;
	if (p->last_document != c->documents) {
		p->last_document = c->documents;
		p->documents++;
	}
}

static int by_value(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return a < b ? -1 : a > b;
}

/* Counts every pair of distinct entities among mentions[first, last) once. */
static void count_window(eg_cooc *c, const eg_mention *mentions, size_t first, size_t last)
{
	size_t n = last - first;
	if (n < 2)
		return;
	EG_GROW(c->scratch, c->scratch_cap, n);
	for (size_t i = 0; i < n; i++)
		c->scratch[i] = mentions[first + i].entity;
	qsort(c->scratch, n, sizeof(*c->scratch), by_value);
	size_t k = 1;
	for (size_t i = 1; i < n; i++)
		if (c->scratch[i] != c->scratch[k - 1])
			c->scratch[k++] = c->scratch[i];
	for (size_t i = 0; i < k; i++)
		for (size_t j = i + 1; j < k; j++)
			count_pair(c, c->scratch[i], c->scratch[j]);
}

/* The window a mention falls in, for the kinds that cut the text in pieces. */
static uint32_t window_of(const eg_cooc *c, const eg_mention *m, const eg_tokens *tokens)
{
	const eg_token *t = &tokens->v[m->tok_start];
	switch (c->window.kind) {
	case EG_WINDOW_SENTENCE: return t->sentence;
	case EG_WINDOW_PARAGRAPH: return t->paragraph;
	default: return 0;
	}
}

/* Token windows: mention i's window holds the mentions that start within
 * window.tokens tokens of its first token.  Each entity is paired once per
 * window, so a run of the same partner inside one window counts once. */
static void count_token_windows(eg_cooc *c, const eg_mention *mentions, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint64_t limit = (uint64_t)mentions[i].tok_start + c->window.tokens;
		size_t k = 0;
		for (size_t j = i + 1; j < n && mentions[j].tok_start < limit; j++) {
			EG_GROW(c->scratch, c->scratch_cap, k + 1);
			c->scratch[k++] = mentions[j].entity;
		}
		if (!k)
			continue;
		qsort(c->scratch, k, sizeof(*c->scratch), by_value);
		for (size_t j = 0; j < k; j++)
			if (j == 0 || c->scratch[j] != c->scratch[j - 1])
				count_pair(c, mentions[i].entity, c->scratch[j]);
	}
}

void eg_cooc_add_document(eg_cooc *c, const eg_document *doc, const eg_mention *mentions, size_t n,
			  const eg_tokens *tokens)
{
	(void)doc;
	c->documents++;
	for (size_t i = 0; i < n; i++)
		count_entity(c, mentions[i].entity);
	if (c->window.kind == EG_WINDOW_TOKENS) {
		count_token_windows(c, mentions, n);
		return;
	}
	/* Mentions are sorted by offset, so each window is a contiguous run. */
	size_t first = 0;
	for (size_t i = 1; i <= n; i++) {
		if (i == n || window_of(c, &mentions[i], tokens) != window_of(c, &mentions[first], tokens)) {
			count_window(c, mentions, first, i);
			first = i;
		}
	}
}

size_t eg_cooc_entity_limit(const eg_cooc *c)
{
	return c->entity_limit;
}

eg_entity_counts eg_cooc_entity(const eg_cooc *c, uint32_t entity)
{
	eg_entity_counts none = {0};
	return entity < c->entity_limit ? c->entities[entity].counts : none;
}

eg_pair_counts *eg_cooc_pairs(const eg_cooc *c, size_t *n)
{
	eg_pair_counts *out = eg_xmalloc((c->pair_count ? c->pair_count : 1) * sizeof(*out));
	for (size_t i = 0; i < c->pair_count; i++) {
		out[i].a = c->pairs[i].a;
		out[i].b = c->pairs[i].b;
		out[i].weight = c->pairs[i].weight;
		out[i].documents = c->pairs[i].documents;
		out[i].evidence_count = 0;
		out[i].snippet = NULL;
	}
	*n = c->pair_count;
	return out;
}

uint64_t eg_cooc_documents(const eg_cooc *c)
{
	return c->documents;
}
