/*
 * svg: a picture of the laid-out graph, for a look without Gephi.
 *
 * A self-contained SVG (no scripts, fonts or external references): edges as
 * grey lines as thick as their share of the heaviest edge's count (the
 * EG_SVG_MAX_EDGES heaviest when there are more), nodes as circles at their
 * x/y in their type colour with a radius from their size, labels on the
 * EG_SVG_LABELS largest nodes, a legend of the types present and a caption
 * with the counts.  Deterministic like the other writers.
 */
#ifndef EG_SVG_H
#define EG_SVG_H

#include <stdio.h>

#include "graph/graph.h"
#include "util/util.h"

#define EG_SVG_MAX_EDGES 20000
#define EG_SVG_LABELS 30

int eg_svg_write(FILE *fp, const eg_graph *g, eg_error *err);

#endif
