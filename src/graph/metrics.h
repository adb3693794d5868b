/*
 * metrics: the node metrics of eg_graph_build, computed with igraph on the
 * final graph (nodes and edges filtered, igraph_t built from them).
 *
 * eg_graph_compute_metrics fills every metric field of every node (what
 * each means is in graph.h at eg_graph_node).  It uses igraph's default
 * RNG, reseeded before each randomised step, so two calls on the same graph
 * give the same values.  igraph errors come back as -1 with err set; the
 * caller has set igraph's error handler to one that returns.
 */
#ifndef EG_METRICS_H
#define EG_METRICS_H

#include "graph/graph.h"

/* 0 for IGRAPH_SUCCESS, else -1 with err = "igraph: WHAT: reason". */
int eg_igraph_failed(igraph_error_t code, const char *what, eg_error *err);

int eg_graph_compute_metrics(eg_graph *g, const eg_graph_options *options, eg_error *err);

/* The colour of a node of this type: a fixed palette for PERSON, ORG, UNIT,
 * PRODUCT and PLACE; for any other type a colour from a hash of its name
 * (so the same type has the same colour in every run). */
void eg_type_colour(const char *type, uint8_t rgb[3]);

#endif
