/*
 * graph: counts -> the analyst's graph: filtered nodes and edges in an
 * igraph_t, with weights, metrics, layout, size and colour.
 *
 * eg_graph_build runs the whole pipeline, in this order:
 *  1. Nodes: the entities with at least one mention that pass the type
 *     filter.  Edges: the co-occurring pairs of those nodes.
 *  2. Weighting: every edge gets count, documents, pmi, npmi, jaccard and
 *     dice (see eg_weighting); `weight` is the chosen one.  An edge whose
 *     weight is not above 0 goes: for pmi and npmi a pair no more
 *     associated than chance (d_ij <= d_i d_j / D) is no link (counted in
 *     chance_edges); the other weightings are above 0 on every edge.
 *  3. Edge filters: min_weight (on `weight`), min_documents, then the
 *     disparity backbone (see backbone_alpha).
 *  4. Node filters: top N by weighted degree, then the largest component.
 *  5. Isolated nodes: a node without an edge at this point (never linked,
 *     or left so by the type filter or steps 2 to 4) goes, unless
 *     keep_isolated; how many went is isolated_dropped.
 *  6. Metrics on the final graph (see eg_graph_node).
 * Nodes are in order of their stable id (strcmp); edges in order of
 * (source, target), source < target.  The structure lives in an igraph_t
 * (undirected) whose vertex and edge ids are those indexes.  Everything
 * depends only on the counts and options, never on the order documents
 * were added in: building twice gives identical nodes, edges and metrics.
 *
 * Every edge's `weight` is above 0 (step 2), as Gephi needs (it deletes
 * edges of weight 0 and warns on negative ones), so weighted degrees are
 * above 0 and the disparity filter, PageRank and communities use `weight`
 * as it is, whatever the weighting.
 *
 * igraph's global RNG is reseeded (seed 1) before community detection,
 * and igraph's error handler is set to "ignore" during the build;
 * neither is thread-safe, so build one graph at a time.
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
	const char *sources[EG_SOURCES_MAX];      /* documents' source names, sorted; owned by eg_cooc */
	uint32_t source_count;
	double degree;      /* edges */
	double weighted_degree; /* sum of the chosen weights of its edges (> 0 with an edge) */
	double pagerank;    /* damping 0.85, weighted by `weight`; sums to 1 */
	double betweenness; /* unweighted (hops), not normalised, each unordered pair once;
			       estimated from a sample of sources on large graphs
			       (EG_BETWEENNESS_WORK) */
	int64_t component;  /* 0 = the largest component, then by size descending;
			       ties by the component's smallest node index */
	int64_t community;  /* Leiden, modularity objective, weighted by `weight`,
			       seeded; numbered in order of
			       each community's first (smallest index) node */
	double x, y;        /* layout position, rounded to 2 decimals, in the units of size:
			       ForceAtlas2 per component, components packed, no two discs
			       of radius size overlapping (graph/layout.h) */
	double size;        /* the disc's radius, as Gephi draws it: the size metric scaled
			       linearly to [EG_SIZE_MIN, EG_SIZE_MAX]; the midpoint when
			       every node has the same value */
	uint8_t r, g, b;    /* colour by type: a fixed palette for the built-in types,
			       from a hash of the type name for others */
	uint32_t entity;    /* its index in the counts and the entities table: its
			       surface forms (eg_cooc_entity_forms) */
	const char *const *candidates; /* an ambiguous short form's candidates
					  (graph/identity.h), ascending; owned by
					  the identity */
	uint32_t candidate_count;
} eg_graph_node;

typedef struct eg_graph_edge {
	uint32_t source, target; /* node indexes, source < target */
	double weight;           /* the chosen weighting (eg_weighting) */
	uint64_t count;          /* windows where the pair co-occurs */
	uint64_t documents;      /* documents where the pair co-occurs */
	uint32_t pair;           /* the counted pair (eg_cooc_pair): evidence, snippet,
				    dates; read them with eg_graph_edge_pair */
} eg_graph_edge;

/* What the documents state between an edge's two entities
 * (graph/relcount.h): a predicate and its instances, either way round. */
typedef struct eg_edge_predicate {
	const char *predicate; /* owned by the counts */
	uint64_t instances;
	const char *document, *sentence; /* the smallest id stating it and the sentence
					    there (graph/relcount.h); owned by the counts */
} eg_edge_predicate;

/* What the sentences state from one node to another
 * (eg_graph_options.relations): one link per ordered pair, subject ->
 * object, its predicates (first, ..., count of them) most instances first,
 * and all their instances. */
typedef struct eg_graph_relation {
	uint32_t source, target; /* node indexes: subject, object */
	const eg_edge_predicate *first;
	uint32_t count;
	uint64_t instances;
} eg_graph_relation;

typedef struct eg_graph {
	igraph_t g;
	const eg_cooc *counts;   /* built from; must outlive the graph */
	eg_graph_node *nodes;
	size_t node_count;
	eg_graph_edge *edges;
	size_t edge_count;
	uint64_t document_count; /* documents counted (the N of PMI) */
	int weighting;           /* the eg_weighting that `weight` holds */
	size_t chance_edges;     /* pairs dropped at step 2 (pmi or npmi: no more than chance) */
	size_t isolated_dropped; /* nodes dropped at step 5 for having no edge */
	const struct eg_periods *periods; /* from the options: per-period values */
	/* Per edge its predicates, most instances first (ties by bytes):
	 * edge i's are predicates[predicate_start[i]] to
	 * predicates[predicate_start[i + 1] - 1]. */
	eg_edge_predicate *predicates;
	size_t *predicate_start;
	/* With the relations option: the relation links, by (source, target),
	 * their predicates in relation_predicates; else NULL. */
	eg_graph_relation *relations;
	size_t relation_count;
	eg_edge_predicate *relation_predicates;
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

/* An edge's association measures (see eg_weighting), from document counts;
 * computed when asked rather than kept, four doubles an edge being much of
 * a large graph. */
typedef struct eg_edge_measures {
	double pmi, npmi, jaccard, dice;
} eg_edge_measures;
eg_edge_measures eg_graph_edge_measures(const eg_graph *g, size_t edge);

/* "count", "documents", "pmi", "npmi", "jaccard" or "dice"; anything else
 * is an error whose message lists the choices. */
int eg_weighting_parse(const char *s, eg_weighting *out, eg_error *err);
const char *eg_weighting_name(eg_weighting w);

/* Where nodes x edges exceeds EG_BETWEENNESS_WORK, betweenness is estimated
 * from shortest paths out of a sample of at least EG_BETWEENNESS_MIN_SAMPLE
 * nodes (evenly spaced in id order) and scaled up; with the layout's own
 * budget (EG_LAYOUT_WORK) they keep a 20,000-node, 100,000-edge graph to a
 * few seconds (bench/graph-metrics.c). */
#define EG_BETWEENNESS_WORK 5e7
#define EG_BETWEENNESS_MIN_SAMPLE 64

#define EG_SIZE_MIN 10.0
#define EG_SIZE_MAX 50.0

typedef struct eg_graph_options {
	eg_weighting weighting;
	double min_weight;        /* edges whose chosen weight is below are dropped; 1 keeps all counts */
	uint64_t min_documents;   /* edges in fewer documents are dropped; 0 or 1 keeps all */
	/* Disparity filter (Serrano, Boguna, Vespignani 2009); 0 = off, else in
	 * (0, 1).  With w the edge's `weight` and, at endpoint i,
	 * k_i and s_i its degree and strength (sum of w) after the min_weight and
	 * min_documents filters: alpha_ij = (1 - w / s_i)^(k_i - 1).  The edge
	 * stays when alpha_ij < backbone_alpha at either endpoint of degree > 1
	 * (an endpoint of degree 1 cannot keep it on its own, so an isolated
	 * pair goes). */
	double backbone_alpha;
	size_t top;               /* keep only the N nodes of highest weighted degree (after the
				     edge filters), ties to the smaller id; 0 = all */
	int largest_component;    /* keep only the largest connected component (after top);
				     ties to the component with the smallest node index */
	const char *const *types; /* NULL-terminated list of types to keep, or NULL for all */
	const char *size_metric;  /* "pagerank" (default when NULL), "degree", "weighted_degree",
				     "betweenness", "mentions" or "documents" */
	int keep_isolated;        /* keep the nodes without an edge (step 5) */
	unsigned threads;         /* workers for the layout (0 or 1: the calling thread); the result
				     is the same for any number */
	const struct eg_identity *identity; /* the joins made on the counts, for the
					       nodes' candidates; NULL for none */
	const struct eg_previous *previous; /* an earlier run's picture to keep
					       (graph/previous.h); NULL for none */
	const struct eg_periods *periods;   /* the counts per period (graph/periods.h),
					       joined as counts are; NULL for none */
	int relations;            /* list the relations between nodes (eg_graph.relations) */
} eg_graph_options;

/* 0 when name is NULL or one of the size metrics above, else -1 with err
 * listing them. */
int eg_size_metric_check(const char *name, eg_error *err);

int eg_graph_build(eg_graph *out, const eg_cooc *counts, const eg_entities *ents,
		   const eg_graph_options *options, eg_error *err);
/* What an edge's pair holds besides its counts: first document ids,
 * snippet, first and last date (see eg_pair_counts).  Read when writing
 * rather than copied into every edge: strings are most of a large graph. */
eg_pair_counts eg_graph_edge_pair(const eg_graph *g, size_t edge);
/* The edge's id: its endpoints' ids joined by "--" ("org.microsoft--product.azure"),
 * source first; the same link has the same id in every run (no entity id
 * holds "--").  Written into out (cleared first). */
void eg_graph_edge_id(const eg_graph *g, size_t edge, eg_buf *out);
/* The links the outputs write, numbered as one list: the edges, then the
 * relation links (link edge_count + i is relation i).  A relation link's
 * ends are its subject and object, its weight its instances, its id
 * "SUBJECT--OBJECT--relation" ("person.satya_nadella--org.microsoft--
 * relation": subject first, so apart from the co-occurrence link's and
 * from the other way round's); an edge's as eg_graph_edge_id. */
size_t eg_graph_link_count(const eg_graph *g);
void eg_graph_link_ends(const eg_graph *g, size_t link, uint32_t *source, uint32_t *target);
double eg_graph_link_weight(const eg_graph *g, size_t link);
void eg_graph_link_id(const eg_graph *g, size_t link, eg_buf *out);
/* The node index of each entity below eg_cooc_entity_limit (*limit
 * receives it), UINT32_MAX for an entity that is no node.  Caller frees. */
uint32_t *eg_graph_node_of(const eg_graph *g, size_t *limit);
/* Its evidence document k, below eg_graph_edge_pair's evidence_count. */
eg_evidence eg_graph_edge_evidence(const eg_graph *g, size_t edge, uint32_t k);
/* The evidence of edges and nodes numbered as one list of lists: list i is
 * edge i's below edge_count, else node i - edge_count's (its entity's first
 * documents with the sentence of its first mention: graph/cooc.h). */
uint32_t eg_graph_evidence_count(const eg_graph *g, size_t list);
eg_evidence eg_graph_evidence(const eg_graph *g, size_t list, uint32_t k);
/* Fills the edges' predicates and, when asked, the relations, from the
 * counts' relations between the graph's nodes (graph/predicates.c; the
 * build's last step). */
void eg_graph_attach_relations(eg_graph *g, int relations);
void eg_graph_free(eg_graph *g);

#endif
