/*
 * graph: counts -> an igraph graph with sorted nodes and edges.
 *
 * Nodes are the entities with at least one mention that pass the type
 * filter, in order of their stable id (strcmp); edges are the pairs of kept
 * nodes with weight >= min_weight, in order of (source node, target node),
 * where source is the node that sorts first.  The structure lives in an
 * igraph_t (undirected), the attributes in plain arrays indexed by igraph's
 * vertex and edge ids, and degree and weighted degree are computed by igraph.
 * Building twice from the same counts gives the same graph.
 */
#ifndef EG_GRAPH_H
#define EG_GRAPH_H

#include <stddef.h>
#include <stdint.h>

#include <igraph.h>

#include "graph/cooc.h"
#include "match/entities.h"
#include "util/util.h"

typedef struct eg_graph_node {
	const char *id, *label, *type, *category; /* owned by eg_entities */
	uint64_t mentions, documents;
	double degree, weighted_degree;
} eg_graph_node;

typedef struct eg_graph_edge {
	uint32_t source, target; /* node indexes, source < target */
	double weight;
	uint64_t documents;
} eg_graph_edge;

typedef struct eg_graph {
	igraph_t g;
	eg_graph_node *nodes;
	size_t node_count;
	eg_graph_edge *edges;
	size_t edge_count;
} eg_graph;

typedef struct eg_graph_options {
	double min_weight;       /* edges below are dropped; 1 keeps all */
	const char *const *types; /* NULL-terminated list of types to keep, or NULL for all */
} eg_graph_options;

int eg_graph_build(eg_graph *out, const eg_cooc *counts, const eg_entities *ents,
		   const eg_graph_options *options, eg_error *err);
void eg_graph_free(eg_graph *g);

#endif
