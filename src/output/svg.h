/*
 * svg: a picture of the laid-out graph, for a look without Gephi.
 *
 * A self-contained SVG (no scripts, fonts or external references), 1600 by
 * 1200, deterministic like the other writers:
 * - A title line (class "title"): documents, date range and window from the
 *   provenance; a legend row (class "legend") of the types present with
 *   their colours and node counts; a caption (class "caption") with the
 *   counts and what the picture leaves out.
 * - Framing: the core is the largest component, with the next largest
 *   while it holds fewer than half of the nodes.  The frame holds every
 *   node whose centre lies within the core's box (of discs) grown by
 *   EG_SVG_GROW times its longer side on each side, fitted to those nodes'
 *   discs with the aspect ratio kept; nodes outside (isolated dust, far
 *   small components) are not drawn and the caption counts them.
 * - Nodes: discs at x/y of radius `size` in layout units times the frame's
 *   scale (Gephi's rule), shrunk by one factor for all when the largest
 *   would pass EG_SVG_MAX_RADIUS pixels or the discs together would cover
 *   more than EG_SVG_MAX_COVER of the drawing area (layouts not in Gephi's
 *   units, whose discs would hide each other and the edges), at least
 *   EG_SVG_MIN_RADIUS; each circle carries data-n, its node index.
 * - Edges, beneath the nodes: the EG_SVG_MAX_EDGES heaviest between drawn
 *   nodes (by weight), in the blend of their ends'
 *   colours, width and opacity rising with the square root of their share
 *   of the heaviest weight in EG_SVG_EDGE_CLASSES steps, <path>s per
 *   step and colour (each of at most 50 edges) to keep the file small.
 * - Labels (class "labels"): tried on the EG_SVG_LABEL_CANDIDATES largest
 *   drawn nodes, largest first, at most EG_SVG_LABELS.  A label's box is
 *   its text's estimated width (per code point, in em: 0.42 for
 *   "fijlrtIJ.,:;!'|()[]" and space, 1.0 for "mwMW@%", 0.8 for other
 *   capitals, 0.65 for other letters and digits, 0.85 for other ASCII, 0.8
 *   for U+00C0-U+00FF but Æ and æ, 1.1 for every other code point: at
 *   least DejaVu Sans's advances, and wider than most other sans) by
 *   1.2 em (0.95 above the baseline, 0.25 below), padded by 1.5 px for the
 *   white halo.  It goes right of, left of, above or below its node, the
 *   first of those that overlaps no placed label, no larger node's disc and
 *   stays in the drawing area; failing that, the first that overlaps no
 *   placed label; else the label is dropped.  No two label boxes overlap.
 *   Each <text> carries data-box="x y width height", the box it was given.
 *
 * prov may be NULL (the title line then gives the graph's document count).
 */
#ifndef EG_SVG_H
#define EG_SVG_H

#include <stdio.h>

#include "graph/graph.h"
#include "output/provenance.h"
#include "util/util.h"

#define EG_SVG_MAX_EDGES 20000
#define EG_SVG_EDGE_CLASSES 6
#define EG_SVG_LABELS 60
#define EG_SVG_LABEL_CANDIDATES 600
#define EG_SVG_GROW 0.25
#define EG_SVG_MIN_RADIUS 1.5
#define EG_SVG_MAX_RADIUS 60.0
#define EG_SVG_MAX_COVER 0.3

int eg_svg_write(FILE *fp, const eg_graph *g, const eg_provenance *prov, eg_error *err);

#endif
