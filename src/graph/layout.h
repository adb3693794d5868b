/*
 * layout: positions for a graph drawn as Gephi draws it, each node a disc of
 * a given radius at (x, y) in the same units, so that discs do not overlap
 * and linked nodes sit closer than unlinked ones.
 *
 * eg_layout takes the nodes' radii and the weighted edges and writes x and
 * y for every node:
 *  1. Each connected component is laid out on its own by ForceAtlas2
 *     (Jacomy, Venturini, Heymann, Bastian 2014, PLoS ONE 9(6) e98679) in
 *     LinLog mode: attraction w ln(1 + d) along each edge (w the edge's
 *     weight over the mean weight, so the weighting's unit does not
 *     matter: edge weight influence 1), repulsion k_r (deg + 1)(deg' + 1) / d
 *     between every two nodes, gravity EG_LAYOUT_GRAVITY (deg + 1) towards
 *     the component's centre, and FA2's adaptive global and local speeds
 *     (swinging, traction; jitter tolerance 1).  Lengths are in units of the
 *     median radius while the forces work.  The scaling k_r is not a
 *     constant: every 25 steps the picture is spread or shrunk so that the
 *     discs would cover EG_LAYOUT_COVERAGE + EG_LAYOUT_COVERAGE_SMALL /
 *     sqrt(nodes) of the disc the nodes spread over, and k_r set to what
 *     holds that scale (see calibrate in layout.c); a constant leaves a
 *     10,000-node graph's discs as dust or a 66-node graph's piled up.
 *     Above EG_LAYOUT_BARNES_HUT nodes repulsion is approximated with a
 *     quadtree (Barnes-Hut, theta EG_LAYOUT_THETA).  A component runs
 *     EG_LAYOUT_WORK / (nodes + edges) steps, at least EG_LAYOUT_STEPS_MIN
 *     and at most EG_LAYOUT_STEPS_MAX; the last EG_LAYOUT_ADJUST_PART of
 *     them prevent overlap (FA2's adjust sizes: distances between rims, not
 *     centres; the picture is then no longer rescaled, k_r only set again
 *     from the forces between rims), and a final pass pushes apart any two
 *     discs still less than EG_LAYOUT_GAP / 2 median radii apart.
 *  2. The components are packed: the largest (most nodes) at the origin,
 *     then the others by decreasing bounding circle, each against two of
 *     those already placed, as near the origin as the circles allow (a
 *     front-chain circle packing), EG_LAYOUT_MARGIN median radii apart.
 * No two discs come closer than EG_LAYOUT_GAP / 2 median radii, rim to rim.
 *
 * Deterministic: the start is a phyllotaxis spiral over each component's
 * nodes by decreasing degree (ties by index), every sum runs in a fixed
 * order, with threads > 1 each node's force and each edge's pull is
 * computed on its own from the previous positions, so the result is the
 * same bytes for any number of threads; only + - * / and sqrt touch the
 * positions (no libm logarithms or sines, whose last bits vary between
 * libraries).  Nothing is random.
 */
#ifndef EG_LAYOUT_H
#define EG_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

typedef struct eg_layout_edge {
	uint32_t source, target; /* node indexes, source != target, each pair at most once */
	double weight;           /* > 0; edges of weight <= 0 or NaN attract as the mean */
} eg_layout_edge;

typedef struct eg_layout_graph {
	size_t node_count;
	const double *radius;        /* node_count radii, > 0 */
	const eg_layout_edge *edges; /* edge_count edges */
	size_t edge_count;
	/* NULL, or 2 * node_count coordinates (x0, y0, x1, y1, ...) to start
	 * from instead of the spiral, e.g. an earlier run's positions, so that
	 * a re-run keeps its picture; each component keeps its shape and is
	 * packed again. */
	const double *start;
	/* NULL, or node_count flags, 1 where start holds a position to keep
	 * (an earlier run's, graph/previous.h; start must be given): such a
	 * node does not move.  A component with one is not packed again: its
	 * new nodes start at the mean of their placed neighbours and settle
	 * by a quarter of the steps with overlap prevention, the pinned ones
	 * fixed; one without new nodes is left exactly as it was.  The
	 * components without a pinned node are laid out as usual and packed
	 * around the pinned ones' bounding circle.  Unpinned entries of start
	 * are not read. */
	const unsigned char *pinned;
} eg_layout_graph;

/* The constants above; lengths in median radii. */
#define EG_LAYOUT_COVERAGE 0.1
#define EG_LAYOUT_COVERAGE_SMALL 0.4
#define EG_LAYOUT_GRAVITY 1.0
#define EG_LAYOUT_BARNES_HUT 200
#define EG_LAYOUT_THETA 1.2
#define EG_LAYOUT_WORK 1.5e7
#define EG_LAYOUT_STEPS_MIN 100
#define EG_LAYOUT_STEPS_MAX 500
#define EG_LAYOUT_ADJUST_PART 0.25
#define EG_LAYOUT_GAP 0.05
#define EG_LAYOUT_MARGIN 1.0

/* Writes node_count positions into x and y.  threads is a number of
 * workers to share the force computation (1 or 0: this thread only). */
void eg_layout(const eg_layout_graph *graph, unsigned threads, double *x, double *y);

#endif
