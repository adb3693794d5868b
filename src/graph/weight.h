/*
 * weight: the association measures of an edge, from document counts.
 *
 * eg_edge_weigh fills an edge's pmi, npmi, jaccard and dice from d_ij (the
 * edge's `documents`), the documents d_i and d_j of its endpoints and the
 * document total D, then sets `weight` to the chosen weighting (formulas in
 * graph.h at eg_weighting), and returns whether the edge is a link: 1 when
 * its weight is above 0, and for pmi and npmi when the pair is more
 * associated than chance (pmi above 0); 0 when it is no edge.  The parse and
 * name helpers are declared in graph.h, which callers of the library see.
 */
#ifndef EG_WEIGHT_H
#define EG_WEIGHT_H

#include "graph/graph.h"

int eg_edge_weigh(eg_graph_edge *e, uint64_t d_i, uint64_t d_j, uint64_t total, eg_weighting w);

#endif
