/* The graph's relations: what the counts' relations (graph/relcount.h)
 * say about its edges and, as directed links, between its nodes. */
#include "graph/graph.h"
#include "graph/relcount.h"

#include <stdlib.h>
#include <string.h>

typedef struct edge_item {
	size_t edge;
	const char *predicate;
	uint64_t instances;
	const char *document, *sentence;
} edge_item;

/* p, with q's instances added and the smaller of their first documents. */
static void merge_into(eg_edge_predicate *p, uint64_t instances, const char *document, const char *sentence)
{
	p->instances += instances;
	if (document && (!p->document || strcmp(document, p->document) < 0)) {
		p->document = document;
		p->sentence = sentence;
	}
}

static int by_edge(const void *x, const void *y)
{
	const edge_item *a = x, *b = y;
	if (a->edge != b->edge)
		return a->edge < b->edge ? -1 : 1;
	return strcmp(a->predicate, b->predicate);
}

/* Within an edge: most instances first, then by bytes. */
static int by_instances(const void *x, const void *y)
{
	const eg_edge_predicate *a = x, *b = y;
	if (a->instances != b->instances)
		return a->instances > b->instances ? -1 : 1;
	return strcmp(a->predicate, b->predicate);
}

typedef struct relation_item {
	uint32_t source, target;
	eg_edge_predicate p;
} relation_item;

static int by_relation(const void *x, const void *y)
{
	const relation_item *a = x, *b = y;
	if (a->source != b->source)
		return a->source < b->source ? -1 : 1;
	if (a->target != b->target)
		return a->target < b->target ? -1 : 1;
	return strcmp(a->p.predicate, b->p.predicate);
}

/* The edge of nodes x < y, or SIZE_MAX: edges are sorted by (source,
 * target). */
static size_t find_edge(const eg_graph *g, uint32_t x, uint32_t y)
{
	size_t lo = 0, hi = g->edge_count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const eg_graph_edge *e = &g->edges[mid];
		if (e->source < x || (e->source == x && e->target < y))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < g->edge_count && g->edges[lo].source == x && g->edges[lo].target == y ? lo : SIZE_MAX;
}

uint32_t *eg_graph_node_of(const eg_graph *g, size_t *limit)
{
	*limit = g->counts ? eg_cooc_entity_limit(g->counts) : 0;
	uint32_t *node_of = eg_xmalloc((*limit ? *limit : 1) * sizeof(*node_of));
	for (size_t e = 0; e < *limit; e++)
		node_of[e] = UINT32_MAX;
	for (size_t i = 0; i < g->node_count; i++)
		node_of[g->nodes[i].entity] = (uint32_t)i;
	return node_of;
}

void eg_graph_attach_relations(eg_graph *g, int relations)
{
	const eg_relcount *counts = eg_cooc_relations(g->counts);
	size_t limit, rn = eg_relcount_count(counts);
	uint32_t *node_of = eg_graph_node_of(g, &limit);

	edge_item *items = eg_xmalloc((rn ? rn : 1) * sizeof(*items));
	relation_item *rel = relations ? eg_xmalloc((rn ? rn : 1) * sizeof(*rel)) : NULL;
	size_t n = 0, r = 0;
	for (size_t i = 0; i < rn; i++) {
		eg_relation_counts c = eg_relcount_get(counts, i);
		uint32_t x = c.subject < limit ? node_of[c.subject] : UINT32_MAX;
		uint32_t y = c.object < limit ? node_of[c.object] : UINT32_MAX;
		if (x == UINT32_MAX || y == UINT32_MAX)
			continue;
		size_t edge = find_edge(g, x < y ? x : y, x < y ? y : x);
		if (edge != SIZE_MAX)
			items[n++] = (edge_item){edge, c.predicate, c.instances, c.document, c.sentence};
		if (rel)
			rel[r++] = (relation_item){x, y, {c.predicate, c.instances, c.document, c.sentence}};
	}
	free(node_of);

	/* One predicate once per edge, however many kinds and directions. */
	qsort(items, n, sizeof(*items), by_edge);
	g->predicate_start = eg_xcalloc(g->edge_count + 1, sizeof(*g->predicate_start));
	g->predicates = eg_xmalloc((n ? n : 1) * sizeof(*g->predicates));
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		if (kept && i && items[i].edge == items[i - 1].edge && strcmp(items[i].predicate, items[i - 1].predicate) == 0) {
			merge_into(&g->predicates[kept - 1], items[i].instances, items[i].document, items[i].sentence);
			continue;
		}
		g->predicates[kept++] =
			(eg_edge_predicate){items[i].predicate, items[i].instances, items[i].document, items[i].sentence};
		g->predicate_start[items[i].edge + 1]++;
	}
	free(items);
	for (size_t e = 0; e < g->edge_count; e++)
		g->predicate_start[e + 1] += g->predicate_start[e];
	for (size_t e = 0; e < g->edge_count; e++)
		qsort(g->predicates + g->predicate_start[e], g->predicate_start[e + 1] - g->predicate_start[e],
		      sizeof(*g->predicates), by_instances);

	if (rel) {
		/* One link per (subject, object), one entry per predicate. */
		qsort(rel, r, sizeof(*rel), by_relation);
		g->relation_predicates = eg_xmalloc((r ? r : 1) * sizeof(*g->relation_predicates));
		g->relations = eg_xcalloc(r ? r : 1, sizeof(*g->relations));
		size_t k = 0, links = 0;
		for (size_t i = 0; i < r; i++) {
			int same_pair = i && rel[i].source == rel[i - 1].source && rel[i].target == rel[i - 1].target;
			if (same_pair && strcmp(rel[i].p.predicate, rel[i - 1].p.predicate) == 0) {
				merge_into(&g->relation_predicates[k - 1], rel[i].p.instances, rel[i].p.document,
					   rel[i].p.sentence);
			} else {
				if (!same_pair)
					g->relations[links++] = (eg_graph_relation){rel[i].source, rel[i].target, NULL, 0, 0};
				g->relation_predicates[k++] = rel[i].p;
				g->relations[links - 1].count++;
			}
			g->relations[links - 1].instances += rel[i].p.instances;
		}
		free(rel);
		size_t at = 0;
		for (size_t i = 0; i < links; i++) {
			eg_edge_predicate *first = g->relation_predicates + at;
			qsort(first, g->relations[i].count, sizeof(*first), by_instances);
			g->relations[i].first = first;
			at += g->relations[i].count;
		}
		g->relation_count = links;
	}
}

size_t eg_graph_link_count(const eg_graph *g)
{
	return g->edge_count + g->relation_count;
}

void eg_graph_link_ends(const eg_graph *g, size_t link, uint32_t *source, uint32_t *target)
{
	if (link < g->edge_count) {
		*source = g->edges[link].source;
		*target = g->edges[link].target;
	} else {
		*source = g->relations[link - g->edge_count].source;
		*target = g->relations[link - g->edge_count].target;
	}
}

double eg_graph_link_weight(const eg_graph *g, size_t link)
{
	return link < g->edge_count ? g->edges[link].weight : (double)g->relations[link - g->edge_count].instances;
}

void eg_graph_link_id(const eg_graph *g, size_t link, eg_buf *out)
{
	if (link < g->edge_count) {
		eg_graph_edge_id(g, link, out);
		return;
	}
	const eg_graph_relation *r = &g->relations[link - g->edge_count];
	eg_buf_clear(out);
	eg_buf_adds(out, g->nodes[r->source].id);
	eg_buf_adds(out, "--");
	eg_buf_adds(out, g->nodes[r->target].id);
	eg_buf_adds(out, "--relation");
}
