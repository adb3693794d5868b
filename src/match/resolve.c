#include "match/resolve.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

typedef struct ranked {
	eg_mention m;
	size_t order; /* position in the candidate list: the last tie-breaker */
} ranked;

static int by_rank(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	uint32_t lx = x->m.end - x->m.start, ly = y->m.end - y->m.start;
	if (lx != ly)
		return lx > ly ? -1 : 1;
	if (x->m.source != y->m.source)
		return x->m.source < y->m.source ? -1 : 1;
	if (x->m.start != y->m.start)
		return x->m.start < y->m.start ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int by_start(const void *a, const void *b)
{
	const eg_mention *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

void eg_resolve_overlaps(eg_mentions *list)
{
	if (list->n < 2)
		return;
	ranked *r = eg_xmalloc(list->n * sizeof(*r));
	uint32_t tokens = 0;
	for (size_t i = 0; i < list->n; i++) {
		r[i].m = list->v[i];
		r[i].order = i;
		if (list->v[i].tok_end > tokens)
			tokens = list->v[i].tok_end;
	}
	qsort(r, list->n, sizeof(*r), by_rank);
	/* Candidates sit on token boundaries, so a token is either taken or not. */
	unsigned char *taken = eg_xcalloc(tokens, 1);
	size_t kept = 0;
	for (size_t i = 0; i < list->n; i++) {
		const eg_mention *m = &r[i].m;
		int free_span = 1;
		for (uint32_t t = m->tok_start; t < m->tok_end && free_span; t++)
			free_span = !taken[t];
		if (!free_span)
			continue;
		memset(taken + m->tok_start, 1, m->tok_end - m->tok_start);
		list->v[kept++] = *m;
	}
	list->n = kept;
	qsort(list->v, list->n, sizeof(*list->v), by_start);
	free(taken);
	free(r);
}
