/*
 * filter: the edge and node filters of eg_graph_build (see graph.h for what
 * each option means and the order they run in).
 *
 * Both work on a graph whose nodes and edges arrays are filled and sorted
 * but whose igraph_t is not built yet; they compact the arrays in place,
 * keeping the order, and renumber edge endpoints when nodes go.
 */
#ifndef EG_FILTER_H
#define EG_FILTER_H

#include "graph/graph.h"

/* min_weight, min_documents, then the disparity backbone. */
void eg_graph_filter_edges(eg_graph *g, const eg_graph_options *options);

/* top N by weighted degree, then the largest component. */
void eg_graph_filter_nodes(eg_graph *g, const eg_graph_options *options);

/* Drops the nodes without an edge, adding their number to
 * g->isolated_dropped. */
void eg_graph_drop_isolated(eg_graph *g);

#endif
