/* The layout (graph/layout.h) on small graphs: discs apart, components
 * apart and packed, structure, determinism for any number of threads. */
#include "graph/layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

typedef struct layout {
	size_t n;
	double *radius, *x, *y;
	eg_layout_edge *edges;
	size_t edge_count;
} layout;

static void add(layout *l, uint32_t a, uint32_t b)
{
	l->edges = realloc(l->edges, (l->edge_count + 1) * sizeof(*l->edges));
	l->edges[l->edge_count++] = (eg_layout_edge){a, b, 1};
}

static void init(layout *l, size_t n, double radius)
{
	memset(l, 0, sizeof(*l));
	l->n = n;
	l->radius = malloc(n * sizeof(double));
	l->x = malloc(n * sizeof(double));
	l->y = malloc(n * sizeof(double));
	for (size_t i = 0; i < n; i++)
		l->radius[i] = radius;
}

static void run(layout *l, unsigned threads, const double *start)
{
	eg_layout_graph g = {.node_count = l->n, .radius = l->radius, .edges = l->edges, .edge_count = l->edge_count,
			     .start = start};
	eg_layout(&g, threads, l->x, l->y);
}

static void release(layout *l)
{
	free(l->radius);
	free(l->x);
	free(l->y);
	free(l->edges);
}

static double distance(const layout *l, size_t i, size_t j)
{
	return hypot(l->x[i] - l->x[j], l->y[i] - l->y[j]);
}

/* The smallest rim-to-rim distance, over all pairs or (component != NULL)
 * over pairs in different components only. */
static double closest_rims(const layout *l, const int *component)
{
	double best = INFINITY;
	for (size_t i = 0; i < l->n; i++)
		for (size_t j = i + 1; j < l->n; j++)
			if (!component || component[i] != component[j])
				best = fmin(best, distance(l, i, j) - l->radius[i] - l->radius[j]);
	return best;
}

static int all_finite(const layout *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (!isfinite(l->x[i]) || !isfinite(l->y[i]))
			return 0;
	return 1;
}

/* Two triangles, radii 10 to 30: no disc overlaps, and the triangles stay
 * a margin apart (median radius 20). */
static void test_two_triangles(void)
{
	layout l;
	init(&l, 6, 10);
	static const double radius[] = {10, 20, 30, 30, 20, 10};
	memcpy(l.radius, radius, sizeof(radius));
	add(&l, 0, 1);
	add(&l, 1, 2);
	add(&l, 0, 2);
	add(&l, 3, 4);
	add(&l, 4, 5);
	add(&l, 3, 5);
	run(&l, 1, NULL);
	CHECK(all_finite(&l));
	CHECK(closest_rims(&l, NULL) >= EG_LAYOUT_GAP / 2 * 20 - 1e-9);
	static const int component[] = {0, 0, 0, 1, 1, 1};
	CHECK(closest_rims(&l, component) >= EG_LAYOUT_MARGIN * 20 * 0.99);
	/* Linked discs sit close: no edge longer than its two rims plus one
	 * and a half median diameters. */
	for (size_t k = 0; k < l.edge_count; k++) {
		uint32_t a = l.edges[k].source, b = l.edges[k].target;
		CHECK(distance(&l, a, b) < l.radius[a] + l.radius[b] + 60);
	}
	release(&l);
}

/* A star of 12 leaves: the hub in the middle, leaves all around it. */
static void test_star(void)
{
	layout l;
	init(&l, 13, 10);
	l.radius[0] = 40;
	for (uint32_t i = 1; i < 13; i++)
		add(&l, 0, i);
	run(&l, 1, NULL);
	double cx = 0, cy = 0;
	for (size_t i = 1; i < 13; i++) {
		cx += l.x[i] / 12;
		cy += l.y[i] / 12;
	}
	double hub = hypot(l.x[0] - cx, l.y[0] - cy), nearest_leaf = INFINITY;
	for (size_t i = 1; i < 13; i++)
		nearest_leaf = fmin(nearest_leaf, hypot(l.x[i] - cx, l.y[i] - cy));
	CHECK(hub < nearest_leaf / 4);
	/* All around: no half-plane through the hub without a leaf, i.e. the
	 * widest angle between neighbouring leaves is below 90 degrees. */
	double angle[12];
	for (size_t i = 1; i < 13; i++)
		angle[i - 1] = atan2(l.y[i] - l.y[0], l.x[i] - l.x[0]);
	for (size_t i = 0; i < 12; i++)
		for (size_t j = i + 1; j < 12; j++)
			if (angle[j] < angle[i]) {
				double t = angle[i];
				angle[i] = angle[j];
				angle[j] = t;
			}
	double widest = angle[0] + 2 * M_PI - angle[11];
	for (size_t i = 1; i < 12; i++)
		widest = fmax(widest, angle[i] - angle[i - 1]);
	CHECK(widest < M_PI / 2);
	CHECK(closest_rims(&l, NULL) > 0);
	release(&l);
}

/* Two 8-cliques joined by one edge: nodes of a clique closer to one
 * another than to the other clique's (at random the two means are equal;
 * discs of radius 10 packed in each clique keep them from being far
 * closer). */
static void test_structure(void)
{
	layout l;
	init(&l, 16, 10);
	for (uint32_t c = 0; c < 2; c++)
		for (uint32_t i = 0; i < 8; i++)
			for (uint32_t j = i + 1; j < 8; j++)
				add(&l, 8 * c + i, 8 * c + j);
	add(&l, 7, 8);
	run(&l, 1, NULL);
	double inside = 0, across = 0;
	size_t n_inside = 0, n_across = 0;
	for (size_t i = 0; i < 16; i++)
		for (size_t j = i + 1; j < 16; j++) {
			if (i / 8 == j / 8) {
				inside += distance(&l, i, j);
				n_inside++;
			} else {
				across += distance(&l, i, j);
				n_across++;
			}
		}
	CHECK(inside / (double)n_inside < 0.7 * across / (double)n_across);
	CHECK(closest_rims(&l, NULL) > 0);
	release(&l);
}

/* A graph big enough for Barnes-Hut and three threads (a ring of 600 with
 * chords, radii from 10 to 50): the same bytes for 1, 2 and 5 threads
 * (so also twice), and no two discs overlapping. */
static void test_determinism(void)
{
	layout a, b;
	size_t n = 600;
	init(&a, n, 10);
	init(&b, n, 10);
	for (uint32_t i = 0; i < n; i++) {
		a.radius[i] = b.radius[i] = 10 + (double)(i * 7919 % 41);
		add(&a, i, (uint32_t)((i + 1) % n));
		add(&b, i, (uint32_t)((i + 1) % n));
		if (i % 3 == 0) {
			add(&a, i, (uint32_t)((i * 37 + 11) % n));
			add(&b, i, (uint32_t)((i * 37 + 11) % n));
		}
	}
	/* Drop the chords that loop back on a node. */
	for (layout *l = &a; l; l = l == &a ? &b : NULL) {
		size_t kept = 0;
		for (size_t k = 0; k < l->edge_count; k++)
			if (l->edges[k].source != l->edges[k].target)
				l->edges[kept++] = l->edges[k];
		l->edge_count = kept;
	}
	run(&a, 1, NULL);
	run(&b, 2, NULL);
	CHECK(memcmp(a.x, b.x, n * sizeof(double)) == 0 && memcmp(a.y, b.y, n * sizeof(double)) == 0);
	run(&b, 5, NULL);
	CHECK(memcmp(a.x, b.x, n * sizeof(double)) == 0 && memcmp(a.y, b.y, n * sizeof(double)) == 0);
	CHECK(all_finite(&a));
	CHECK(closest_rims(&a, NULL) > 0);
	release(&a);
	release(&b);
}

/* Many tiny components around one larger: packed close, neither a line
 * nor a sparse square; no node, one node, and a start with every node at
 * one point. */
static void test_components(void)
{
	layout l;
	init(&l, 230, 10);
	for (uint32_t i = 0; i < 30; i++)
		add(&l, i, (i + 1) % 30);
	for (uint32_t i = 30; i < 130; i += 2)
		add(&l, i, i + 1); /* 50 pairs; 100 nodes alone */
	run(&l, 1, NULL);
	CHECK(all_finite(&l));
	CHECK(closest_rims(&l, NULL) > 0);
	double lx = INFINITY, ly = INFINITY, hx = -INFINITY, hy = -INFINITY, discs = 0;
	for (size_t i = 0; i < l.n; i++) {
		lx = fmin(lx, l.x[i] - l.radius[i]);
		hx = fmax(hx, l.x[i] + l.radius[i]);
		ly = fmin(ly, l.y[i] - l.radius[i]);
		hy = fmax(hy, l.y[i] + l.radius[i]);
		discs += M_PI * l.radius[i] * l.radius[i];
	}
	double w = hx - lx, h = hy - ly;
	CHECK(w < 1.5 * h && h < 1.5 * w);
	CHECK(w * h < 8 * discs);
	/* The largest component in the middle: the ring's centre near the
	 * picture's. */
	double cx = 0, cy = 0;
	for (size_t i = 0; i < 30; i++) {
		cx += l.x[i] / 30;
		cy += l.y[i] / 30;
	}
	CHECK(hypot(cx - (lx + hx) / 2, cy - (ly + hy) / 2) < 0.15 * w);
	release(&l);

	init(&l, 0, 10);
	run(&l, 2, NULL);
	release(&l);
	init(&l, 1, 10);
	run(&l, 2, NULL);
	CHECK(l.x[0] == 0 && l.y[0] == 0);
	release(&l);

	init(&l, 20, 10);
	for (uint32_t i = 0; i + 1 < 20; i++)
		add(&l, i, i + 1);
	double start[40] = {0};
	run(&l, 1, start);
	CHECK(all_finite(&l));
	CHECK(closest_rims(&l, NULL) > 0);
	release(&l);
}

int main(void)
{
	test_two_triangles();
	test_star();
	test_structure();
	test_determinism();
	test_components();
	return check_result("layout");
}
