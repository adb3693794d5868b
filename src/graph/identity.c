#include "graph/identity.h"
#include "util/map.h"

#include <stdlib.h>
#include <string.h>

/* The last word of a name of two words or more; NULL for one word. */
static const char *last_word(const char *label)
{
	const char *space = strrchr(label, ' ');
	return space && space[1] && space > label ? space + 1 : NULL;
}

static int is_type(const eg_entities *ents, uint32_t e, const char *type)
{
	return strcmp(eg_entity_type(ents, e), type) == 0;
}

/* A name's key: its id as an entity of type (so case and accents aside). */
static uint32_t key_of(eg_strmap *keys, const char *type, const char *name, size_t n, eg_buf *scratch, int add)
{
	eg_entity_id_for(type, name, n, scratch);
	if (add)
		return eg_strmap_intern(keys, scratch->data, scratch->len, NULL);
	int64_t k = eg_strmap_find(keys, scratch->data, scratch->len);
	return k < 0 ? UINT32_MAX : (uint32_t)k;
}

void eg_identity_list(eg_cooc *counts, const eg_entities *ents)
{
	size_t limit = eg_cooc_entity_limit(counts);
	eg_strmap surnames;
	eg_strmap_init(&surnames);
	eg_buf scratch = {0};
	int any = 0;
	for (uint32_t e = 0; e < limit; e++) {
		if (!eg_cooc_entity(counts, e).mentions)
			continue;
		const char *label = eg_entity_label(ents, e);
		if (is_type(ents, e, "PERSON") && !strchr(label, ' ')) {
			key_of(&surnames, "PERSON", label, strlen(label), &scratch, 1);
			any = 1;
		} else if (is_type(ents, e, "ORG")) {
			size_t n = eg_name_without_legal_form(label);
			int64_t plain = n ? eg_entities_find(ents, "ORG", label, n) : -1;
			if (plain >= 0 && !eg_cooc_entity(counts, (uint32_t)plain).mentions)
				eg_cooc_list_entity(counts, (uint32_t)plain);
		}
	}
	if (any) {
		size_t all = eg_entities_count(ents);
		for (uint32_t e = 0; e < all; e++) {
			if (!is_type(ents, e, "PERSON"))
				continue;
			const char *w = last_word(eg_entity_label(ents, e));
			if (w && key_of(&surnames, "PERSON", w, strlen(w), &scratch, 0) != UINT32_MAX &&
			    !eg_cooc_entity(counts, e).mentions)
				eg_cooc_list_entity(counts, e);
		}
	}
	eg_buf_free(&scratch);
	eg_strmap_free(&surnames);
}

typedef struct keyed {
	uint32_t key, entity;
	const char *name; /* the label, or the id for ORGs */
} keyed;

static int by_key(const void *x, const void *y)
{
	const keyed *a = x, *b = y;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return strcmp(a->name, b->name);
}

/* The run of v (sorted, n long) with key k: its start, *end its end. */
static size_t key_range(const keyed *v, size_t n, uint32_t k, size_t *end)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].key < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	*end = lo;
	while (*end < n && v[*end].key == k)
		(*end)++;
	return lo;
}

static int active(const eg_cooc *counts, uint32_t e)
{
	eg_entity_counts c = eg_cooc_entity(counts, e);
	return c.mentions || c.listed;
}

/* Persons: each one-word name onto the one full name ending with it. */
static void join_people(const eg_cooc *counts, const eg_entities *ents, uint32_t *into, eg_identity *out)
{
	size_t limit = eg_cooc_entity_limit(counts), n = 0;
	keyed *full = eg_xmalloc((limit ? limit : 1) * sizeof(*full));
	eg_strmap keys;
	eg_strmap_init(&keys);
	eg_buf scratch = {0};
	for (uint32_t e = 0; e < limit; e++) {
		if (!active(counts, e) || !is_type(ents, e, "PERSON"))
			continue;
		const char *label = eg_entity_label(ents, e), *w = last_word(label);
		if (w)
			full[n++] = (keyed){key_of(&keys, "PERSON", w, strlen(w), &scratch, 1), e, label};
	}
	qsort(full, n, sizeof(*full), by_key);
	size_t label_cap = 0;
	for (uint32_t e = 0; e < limit; e++) {
		const char *label = eg_entity_label(ents, e);
		if (!eg_cooc_entity(counts, e).mentions || !is_type(ents, e, "PERSON") || strchr(label, ' '))
			continue;
		uint32_t k = key_of(&keys, "PERSON", label, strlen(label), &scratch, 0);
		if (k == UINT32_MAX)
			continue;
		size_t end, start = key_range(full, n, k, &end);
		if (end - start == 1) {
			into[e] = full[start].entity;
			out->joined++;
			continue;
		}
		out->ambiguous++;
		out->first[e] = (uint32_t)out->count;
		out->n[e] = (uint32_t)(end - start);
		for (size_t i = start; i < end; i++) {
			EG_GROW(out->labels, label_cap, out->count + 1);
			out->labels[out->count++] = full[i].name;
		}
	}
	eg_buf_free(&scratch);
	eg_strmap_free(&keys);
	free(full);
}

/* Organisations: each name with a legal form onto the name without it, or
 * else onto the one of the same short name with the smallest id. */
static void join_organisations(const eg_cooc *counts, const eg_entities *ents, uint32_t *into, eg_identity *out)
{
	size_t limit = eg_cooc_entity_limit(counts), n = 0;
	keyed *longer = eg_xmalloc((limit ? limit : 1) * sizeof(*longer));
	eg_strmap keys;
	eg_strmap_init(&keys);
	eg_buf scratch = {0};
	for (uint32_t e = 0; e < limit; e++) {
		if (!eg_cooc_entity(counts, e).mentions || !is_type(ents, e, "ORG"))
			continue;
		const char *label = eg_entity_label(ents, e);
		size_t m = eg_name_without_legal_form(label);
		if (m)
			longer[n++] = (keyed){key_of(&keys, "ORG", label, m, &scratch, 1), e, eg_entity_id(ents, e)};
	}
	qsort(longer, n, sizeof(*longer), by_key);
	for (size_t start = 0, end; start < n; start = end) {
		key_range(longer, n, longer[start].key, &end);
		const char *label = eg_entity_label(ents, longer[start].entity);
		int64_t plain = eg_entities_find(ents, "ORG", label, eg_name_without_legal_form(label));
		/* The smallest id of the run when no plain name is counted. */
		uint32_t target = plain >= 0 && active(counts, (uint32_t)plain) ? (uint32_t)plain : longer[start].entity;
		for (size_t i = start; i < end; i++) {
			if (longer[i].entity != target) {
				into[longer[i].entity] = target;
				out->joined++;
			}
		}
	}
	eg_buf_free(&scratch);
	eg_strmap_free(&keys);
	free(longer);
}

int eg_identity_join(eg_cooc *counts, const eg_entities *ents, eg_identity *out, eg_error *err)
{
	memset(out, 0, sizeof(*out));
	size_t limit = eg_cooc_entity_limit(counts);
	uint32_t *into = eg_xmalloc((limit ? limit : 1) * sizeof(*into));
	for (uint32_t e = 0; e < limit; e++)
		into[e] = e;
	out->first = eg_xcalloc(limit ? limit : 1, sizeof(*out->first));
	out->n = eg_xcalloc(limit ? limit : 1, sizeof(*out->n));
	join_people(counts, ents, into, out);
	join_organisations(counts, ents, into, out);
	int rc = out->joined ? eg_cooc_join(counts, into, limit) : 0;
	out->into = into;
	if (rc < 0) {
		eg_identity_free(out);
		return eg_error_set(err, "counts overflow (more than 2^64 - 1 mentions of one entity)");
	}
	out->limit = limit;
	return 0;
}

uint32_t eg_identity_candidates(const eg_identity *id, uint32_t e, const char *const **labels)
{
	if (!id || e >= id->limit || !id->n[e]) {
		*labels = NULL;
		return 0;
	}
	*labels = id->labels + id->first[e];
	return id->n[e];
}

void eg_identity_free(eg_identity *id)
{
	free(id->labels);
	free(id->into);
	free(id->first);
	free(id->n);
	memset(id, 0, sizeof(*id));
}
