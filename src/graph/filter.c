#include "graph/filter.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Drops the edges whose keep flag is 0, keeping the order of the rest. */
static void compact_edges(eg_graph *g, const unsigned char *keep)
{
	size_t m = 0;
	for (size_t i = 0; i < g->edge_count; i++)
		if (keep[i])
			g->edges[m++] = g->edges[i];
	g->edge_count = m;
}

/* The disparity filter keeps an edge that takes a significant share of the
 * strength at one of its ends; a node of degree 1 gives all its strength to
 * its one edge, which says nothing, so such an end has no say. */
static int significant_at(double w, double strength, double degree, double alpha)
{
	if (degree <= 1 || strength <= 0)
		return 0;
	return pow(1 - w / strength, degree - 1) < alpha;
}

static void backbone(eg_graph *g, const eg_graph_options *options)
{
	double *strength = eg_xcalloc(g->node_count ? g->node_count : 1, sizeof(*strength));
	double *degree = eg_xcalloc(g->node_count ? g->node_count : 1, sizeof(*degree));
	unsigned char *keep = eg_xmalloc(g->edge_count ? g->edge_count : 1);
	for (size_t i = 0; i < g->edge_count; i++) {
		double w = g->edges[i].weight;
		strength[g->edges[i].source] += w;
		strength[g->edges[i].target] += w;
		degree[g->edges[i].source]++;
		degree[g->edges[i].target]++;
	}
	for (size_t i = 0; i < g->edge_count; i++) {
		const eg_graph_edge *e = &g->edges[i];
		double w = e->weight, alpha = options->backbone_alpha;
		keep[i] = significant_at(w, strength[e->source], degree[e->source], alpha) ||
			  significant_at(w, strength[e->target], degree[e->target], alpha);
	}
	compact_edges(g, keep);
	free(keep);
	free(degree);
	free(strength);
}

void eg_graph_filter_edges(eg_graph *g, const eg_graph_options *options)
{
	unsigned char *keep = eg_xmalloc(g->edge_count ? g->edge_count : 1);
	for (size_t i = 0; i < g->edge_count; i++)
		keep[i] = !(g->edges[i].weight < options->min_weight) &&
			  g->edges[i].documents >= options->min_documents;
	compact_edges(g, keep);
	free(keep);
	if (options->backbone_alpha > 0)
		backbone(g, options);
}

/* Drops the nodes whose keep flag is 0 and every edge touching one,
 * renumbering the rest; the order of both stays, so edges stay sorted. */
static void compact_nodes(eg_graph *g, const unsigned char *keep)
{
	uint32_t *index = eg_xmalloc((g->node_count ? g->node_count : 1) * sizeof(*index));
	size_t n = 0;
	for (size_t i = 0; i < g->node_count; i++) {
		index[i] = keep[i] ? (uint32_t)n : UINT32_MAX;
		if (keep[i])
			g->nodes[n++] = g->nodes[i];
	}
	g->node_count = n;
	size_t m = 0;
	for (size_t i = 0; i < g->edge_count; i++) {
		eg_graph_edge e = g->edges[i];
		if (index[e.source] == UINT32_MAX || index[e.target] == UINT32_MAX)
			continue;
		e.source = index[e.source];
		e.target = index[e.target];
		g->edges[m++] = e;
	}
	g->edge_count = m;
	free(index);
}

typedef struct ranked {
	double weighted_degree;
	size_t node;
} ranked;

static int by_weighted_degree(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	if (x->weighted_degree != y->weighted_degree)
		return x->weighted_degree > y->weighted_degree ? -1 : 1;
	return x->node < y->node ? -1 : x->node > y->node;
}

static void keep_top(eg_graph *g, size_t top)
{
	ranked *r = eg_xcalloc(g->node_count, sizeof(*r));
	for (size_t i = 0; i < g->node_count; i++)
		r[i].node = i;
	for (size_t i = 0; i < g->edge_count; i++) {
		r[g->edges[i].source].weighted_degree += g->edges[i].weight;
		r[g->edges[i].target].weighted_degree += g->edges[i].weight;
	}
	qsort(r, g->node_count, sizeof(*r), by_weighted_degree);
	unsigned char *keep = eg_xcalloc(g->node_count, 1);
	for (size_t i = 0; i < top; i++)
		keep[r[i].node] = 1;
	compact_nodes(g, keep);
	free(keep);
	free(r);
}

static size_t find_root(size_t *parent, size_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

static void keep_largest_component(eg_graph *g)
{
	size_t n = g->node_count;
	size_t *parent = eg_xmalloc(n * sizeof(*parent)), *size = eg_xcalloc(n, sizeof(*size));
	for (size_t i = 0; i < n; i++)
		parent[i] = i;
	for (size_t i = 0; i < g->edge_count; i++) {
		size_t a = find_root(parent, g->edges[i].source), b = find_root(parent, g->edges[i].target);
		if (a != b)
			parent[a > b ? a : b] = a < b ? a : b;
	}
	for (size_t i = 0; i < n; i++)
		size[find_root(parent, i)]++;
	/* Scanning in node order meets each component first at its smallest
	 * node, so a strict > leaves ties to that one. */
	size_t best = 0;
	for (size_t i = 0; i < n; i++)
		if (size[find_root(parent, i)] > size[find_root(parent, best)])
			best = i;
	size_t best_root = find_root(parent, best);
	unsigned char *keep = eg_xmalloc(n);
	for (size_t i = 0; i < n; i++)
		keep[i] = find_root(parent, i) == best_root;
	compact_nodes(g, keep);
	free(keep);
	free(size);
	free(parent);
}

void eg_graph_filter_nodes(eg_graph *g, const eg_graph_options *options)
{
	if (options->top > 0 && options->top < g->node_count)
		keep_top(g, options->top);
	if (options->largest_component && g->node_count > 0)
		keep_largest_component(g);
}

void eg_graph_drop_isolated(eg_graph *g)
{
	unsigned char *keep = eg_xcalloc(g->node_count ? g->node_count : 1, 1);
	for (size_t i = 0; i < g->edge_count; i++)
		keep[g->edges[i].source] = keep[g->edges[i].target] = 1;
	size_t before = g->node_count;
	compact_nodes(g, keep);
	g->isolated_dropped += before - g->node_count;
	free(keep);
}
