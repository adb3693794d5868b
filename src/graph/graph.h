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
	const char *first_date, *last_date;       /* "YYYY-MM-DD" or NULL; owned by eg_cooc */
	double degree, weighted_degree;           /* weighted by the chosen weight */
	double pagerank, betweenness;
	int64_t component;  /* 0 = the largest component; ties by smallest node index */
	int64_t community;  /* numbered in order of each community's first node */
	double x, y;        /* layout position */
	double size;        /* from the size metric, scaled to [EG_SIZE_MIN, EG_SIZE_MAX] */
	uint8_t r, g, b;    /* colour by type */
} eg_graph_node;

typedef struct eg_graph_edge {
	uint32_t source, target; /* node indexes, source < target */
	double weight;           /* the chosen weighting (eg_weighting) */
	uint64_t count;          /* windows where the pair co-occurs */
	uint64_t documents;      /* documents where the pair co-occurs */
	double pmi, npmi, jaccard, dice; /* from document counts; see eg_weighting */
	const char *evidence[EG_EVIDENCE_MAX]; /* first document ids; owned by eg_cooc */
	uint32_t evidence_count;
	const char *snippet;     /* owned by eg_cooc; NULL when unknown */
} eg_graph_edge;

typedef struct eg_graph {
	igraph_t g;
	eg_graph_node *nodes;
	size_t node_count;
	eg_graph_edge *edges;
	size_t edge_count;
	uint64_t document_count; /* documents counted (the N of PMI) */
} eg_graph;

/* Which value becomes an edge's `weight`.  With D the number of documents,
 * d_i and d_j the documents mentioning each entity and d_ij those where the
 * pair co-occurs:
 *   count    windows where the pair co-occurs (the default)
 *   documents  d_ij
 *   pmi      log(d_ij * D / (d_i * d_j))
 *   npmi     pmi / -log(d_ij / D), 1 when d_ij = D
 *   jaccard  d_ij / (d_i + d_j - d_ij)
 *   dice     2 d_ij / (d_i + d_j) */
typedef enum eg_weighting {
	EG_WEIGHT_COUNT,
	EG_WEIGHT_DOCUMENTS,
	EG_WEIGHT_PMI,
	EG_WEIGHT_NPMI,
	EG_WEIGHT_JACCARD,
	EG_WEIGHT_DICE,
} eg_weighting;

int eg_weighting_parse(const char *s, eg_weighting *out, eg_error *err);
const char *eg_weighting_name(eg_weighting w);

#define EG_SIZE_MIN 10.0
#define EG_SIZE_MAX 50.0

typedef struct eg_graph_options {
	eg_weighting weighting;
	double min_weight;        /* edges whose chosen weight is below are dropped; 1 keeps all counts */
	uint64_t min_documents;   /* edges in fewer documents are dropped; 0 or 1 keeps all */
	double backbone_alpha;    /* disparity filter significance; 0 = off */
	size_t top;               /* keep only the N nodes of highest weighted degree; 0 = all */
	int largest_component;    /* keep only the largest connected component */
	const char *const *types; /* NULL-terminated list of types to keep, or NULL for all */
	const char *size_metric;  /* "pagerank" (default when NULL), "degree", "weighted_degree",
				     "betweenness", "mentions" or "documents" */
} eg_graph_options;

int eg_graph_build(eg_graph *out, const eg_cooc *counts, const eg_entities *ents,
		   const eg_graph_options *options, eg_error *err);
void eg_graph_free(eg_graph *g);

#endif
