/*
 * gexf: writes an eg_graph as GEXF 1.3 (gexf.net), the format Gephi reads
 * with its timeline.
 *
 * Valid against the GEXF 1.3 schema; one undirected graph; every attribute
 * of output/attributes.h is declared (class node / edge) and written as an
 * attvalue, except those GEXF has its own place for: label, edge weight,
 * and the visual ones as viz:color, viz:size and viz:position.  When any
 * node has a dated document the graph is dynamic (timeformat "date"): a node
 * starts at its first_seen date and an edge at the first date its pair
 * co-occurs, with no end, so Gephi's timeline shows the network growing;
 * first_seen and last_seen stay attributes.  Identical graphs give
 * identical bytes, with any number of threads: threads > 1 formats the
 * edges on that many, 1 keeps to the calling thread.  <meta> names entgraph
 * as creator and, given a provenance (else NULL), holds it in the
 * description (provenance.h's line) and its last document date as
 * lastmodifieddate (left out without dated documents).
 */
#ifndef EG_GEXF_H
#define EG_GEXF_H

#include <stdio.h>

#include "graph/graph.h"
#include "output/provenance.h"
#include "util/util.h"

int eg_gexf_write(FILE *fp, const eg_graph *g, const eg_provenance *provenance, unsigned threads, eg_error *err);

#endif
