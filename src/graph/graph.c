#include "graph/graph.h"
#include "graph/filter.h"
#include "graph/identity.h"
#include "graph/metrics.h"
#include "graph/weight.h"

#include <stdlib.h>
#include <string.h>

typedef struct node_key {
	uint32_t entity;
	const char *id;
} node_key;

static int by_id(const void *a, const void *b)
{
	return strcmp(((const node_key *)a)->id, ((const node_key *)b)->id);
}

static int by_nodes(const void *a, const void *b)
{
	const eg_graph_edge *x = a, *y = b;
	if (x->source != y->source)
		return x->source < y->source ? -1 : 1;
	return x->target < y->target ? -1 : x->target > y->target;
}

static int type_kept(const char *type, const char *const *types)
{
	if (!types)
		return 1;
	for (; *types; types++)
		if (strcmp(*types, type) == 0)
			return 1;
	return 0;
}

int eg_graph_build(eg_graph *g, const eg_cooc *counts, const eg_entities *ents, const eg_graph_options *options,
		   eg_error *err)
{
	memset(g, 0, sizeof(*g));
	/* Options first, before any of the work they would waste. */
	if (eg_size_metric_check(options->size_metric, err) < 0)
		return -1;
	if (!(options->backbone_alpha >= 0 && options->backbone_alpha < 1))
		return eg_error_set(err, "the backbone significance must be from 0 (off) to below 1, not %g",
				    options->backbone_alpha);
	igraph_error_handler_t *previous = igraph_set_error_handler(igraph_error_handler_ignore);

	/* Nodes: every counted entity of a kept type, sorted by stable id. */
	size_t limit = eg_cooc_entity_limit(counts);
	node_key *keys = eg_xmalloc((limit ? limit : 1) * sizeof(*keys));
	size_t n = 0;
	for (uint32_t e = 0; e < limit; e++) {
		if (eg_cooc_entity(counts, e).mentions == 0 || !type_kept(eg_entity_type(ents, e), options->types))
			continue;
		keys[n].entity = e;
		keys[n].id = eg_entity_id(ents, e);
		n++;
	}
	qsort(keys, n, sizeof(*keys), by_id);
	uint32_t *node_of = eg_xmalloc((limit ? limit : 1) * sizeof(*node_of));
	for (size_t e = 0; e < limit; e++)
		node_of[e] = UINT32_MAX;
	g->nodes = eg_xcalloc(n ? n : 1, sizeof(*g->nodes));
	g->node_count = n;
	for (size_t i = 0; i < n; i++) {
		uint32_t e = keys[i].entity;
		eg_entity_counts c = eg_cooc_entity(counts, e);
		node_of[e] = (uint32_t)i;
		g->nodes[i].id = keys[i].id;
		g->nodes[i].label = eg_entity_label(ents, e);
		g->nodes[i].type = eg_entity_type(ents, e);
		g->nodes[i].category = eg_entity_category(ents, e);
		g->nodes[i].mentions = c.mentions;
		g->nodes[i].documents = c.documents;
		g->nodes[i].first_date = c.first_date;
		g->nodes[i].source_count = c.source_count;
		memcpy(g->nodes[i].sources, c.sources, sizeof(c.sources));
		g->nodes[i].last_date = c.last_date;
		g->nodes[i].entity = e;
		g->nodes[i].candidate_count = eg_identity_candidates(options->identity, e, &g->nodes[i].candidates);
	}
	free(keys);

	/* Edges: pairs of kept nodes, weighed, sorted by node index. */
	size_t pair_count = eg_cooc_pair_count(counts);
	g->counts = counts;
	g->edges = eg_xmalloc((pair_count ? pair_count : 1) * sizeof(*g->edges));
	size_t m = 0;
	for (size_t i = 0; i < pair_count; i++) {
		eg_pair_counts pair = eg_cooc_pair(counts, i);
		uint32_t x = node_of[pair.a], y = node_of[pair.b];
		if (x == UINT32_MAX || y == UINT32_MAX)
			continue;
		g->edges[m].source = x < y ? x : y;
		g->edges[m].target = x < y ? y : x;
		g->edges[m].documents = pair.documents;
		g->edges[m].count = pair.weight;
		g->edges[m].pair = (uint32_t)i;
		/* Gephi deletes edges of weight 0 and warns on negative ones. */
		if (eg_edge_weigh(&g->edges[m], g->nodes[x].documents, g->nodes[y].documents, eg_cooc_documents(counts),
				  options->weighting))
			m++;
		else
			g->chance_edges++;
	}
	g->edge_count = m;
	free(node_of);
	qsort(g->edges, m, sizeof(*g->edges), by_nodes);
	g->document_count = eg_cooc_documents(counts);
	g->periods = options->periods;
	g->weighting = (int)options->weighting;
	eg_graph_filter_edges(g, options);
	eg_graph_filter_nodes(g, options);
	if (!options->keep_isolated)
		eg_graph_drop_isolated(g);
	n = g->node_count;
	m = g->edge_count;

	igraph_vector_int_t list;
	int rc = -1;
	if (eg_igraph_failed(igraph_vector_int_init(&list, (igraph_integer_t)(2 * m)), "edge list", err))
		goto fail;
	for (size_t i = 0; i < m; i++) {
		VECTOR(list)[2 * i] = g->edges[i].source;
		VECTOR(list)[2 * i + 1] = g->edges[i].target;
	}
	igraph_error_t code = igraph_create(&g->g, &list, (igraph_integer_t)n, IGRAPH_UNDIRECTED);
	igraph_vector_int_destroy(&list);
	if (eg_igraph_failed(code, "create", err))
		goto fail;
	if (eg_graph_compute_metrics(g, options, err) < 0) {
		igraph_destroy(&g->g);
		goto fail;
	}
	eg_graph_attach_relations(g, options->relations);
	rc = 0;
fail:
	igraph_set_error_handler(previous);
	if (rc < 0) {
		free(g->nodes);
		free(g->edges);
		memset(g, 0, sizeof(*g));
	}
	return rc;
}

eg_pair_counts eg_graph_edge_pair(const eg_graph *g, size_t edge)
{
	return eg_cooc_pair(g->counts, g->edges[edge].pair);
}

void eg_graph_edge_id(const eg_graph *g, size_t edge, eg_buf *out)
{
	eg_buf_clear(out);
	eg_buf_adds(out, g->nodes[g->edges[edge].source].id);
	eg_buf_adds(out, "--");
	eg_buf_adds(out, g->nodes[g->edges[edge].target].id);
}

eg_evidence eg_graph_edge_evidence(const eg_graph *g, size_t edge, uint32_t k)
{
	return eg_cooc_evidence(g->counts, g->edges[edge].pair, k);
}

uint32_t eg_graph_evidence_count(const eg_graph *g, size_t list)
{
	if (list < g->edge_count)
		return eg_graph_edge_pair(g, list).evidence_count;
	return eg_cooc_entity(g->counts, g->nodes[list - g->edge_count].entity).evidence_count;
}

eg_evidence eg_graph_evidence(const eg_graph *g, size_t list, uint32_t k)
{
	if (list < g->edge_count)
		return eg_graph_edge_evidence(g, list, k);
	return eg_cooc_entity_evidence(g->counts, g->nodes[list - g->edge_count].entity, k);
}

void eg_graph_free(eg_graph *g)
{
	if (!g->nodes)
		return;
	igraph_destroy(&g->g);
	free(g->nodes);
	free(g->edges);
	free(g->predicates);
	free(g->predicate_start);
	free(g->relations);
	free(g->relation_predicates);
	memset(g, 0, sizeof(*g));
}
