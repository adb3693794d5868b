#include "output/svg.h"
#include "output/xml.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define WIDTH 1600.0
#define HEIGHT 1200.0
#define MARGIN 80.0

typedef struct frame {
	double min_x, min_y, scale, offset_x, offset_y;
} frame;

/* Fits the layout into the drawing area, keeping its proportions. */
static frame fit(const eg_graph *g)
{
	frame f = {0, 0, 1, MARGIN, MARGIN};
	if (!g->node_count)
		return f;
	double max_x = g->nodes[0].x, max_y = g->nodes[0].y;
	f.min_x = max_x;
	f.min_y = max_y;
	for (size_t i = 1; i < g->node_count; i++) {
		f.min_x = fmin(f.min_x, g->nodes[i].x);
		f.min_y = fmin(f.min_y, g->nodes[i].y);
		max_x = fmax(max_x, g->nodes[i].x);
		max_y = fmax(max_y, g->nodes[i].y);
	}
	double w = max_x - f.min_x, h = max_y - f.min_y;
	double sx = w > 0 ? (WIDTH - 2 * MARGIN) / w : 1, sy = h > 0 ? (HEIGHT - 2 * MARGIN) / h : 1;
	f.scale = fmin(sx, sy);
	f.offset_x = (WIDTH - w * f.scale) / 2;
	f.offset_y = (HEIGHT - h * f.scale) / 2;
	return f;
}

static void number(eg_xml *x, const char *name, double v)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%.1f", fabs(v) < 0.05 ? 0.0 : v);
	eg_xml_attr(x, name, buf);
}

static double px(const frame *f, double x)
{
	return f->offset_x + (x - f->min_x) * f->scale;
}

static double py(const frame *f, double y)
{
	return f->offset_y + (y - f->min_y) * f->scale;
}

static double radius(const eg_graph_node *n)
{
	return 3 + (n->size - EG_SIZE_MIN) / (EG_SIZE_MAX - EG_SIZE_MIN) * 15;
}

static void colour(eg_xml *x, const char *name, const eg_graph_node *n)
{
	char buf[16];
	snprintf(buf, sizeof(buf), "#%02x%02x%02x", n->r, n->g, n->b);
	eg_xml_attr(x, name, buf);
}

static const eg_graph *sorting;

/* Heaviest first, then in edge order: a stable, total order. */
static int by_count(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	uint64_t x = sorting->edges[i].count, y = sorting->edges[j].count;
	if (x != y)
		return x > y ? -1 : 1;
	return i < j ? -1 : i > j;
}

/* Largest first, then in id order. */
static int by_size(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	double x = sorting->nodes[i].size, y = sorting->nodes[j].size;
	if (x != y)
		return x > y ? -1 : 1;
	return i < j ? -1 : i > j;
}

/* The indexes 0..n-1 sorted by compare (which reads `sorting`). */
static size_t *sorted_indexes(const eg_graph *g, size_t n, int (*compare)(const void *, const void *))
{
	size_t *order = eg_xmalloc((n ? n : 1) * sizeof(*order));
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	sorting = g;
	qsort(order, n, sizeof(*order), compare);
	return order;
}

static void draw_edges(eg_xml *x, const eg_graph *g, const frame *f)
{
	size_t n = g->edge_count;
	size_t *order = sorted_indexes(g, n, by_count);
	if (n > EG_SVG_MAX_EDGES)
		n = EG_SVG_MAX_EDGES;
	/* Lightest first, so heavy edges are drawn on top. */
	double heaviest = n ? (double)g->edges[order[0]].count : 1;
	eg_xml_start(x, "g");
	eg_xml_attr(x, "stroke", "#888888");
	eg_xml_attr(x, "stroke-linecap", "round");
	for (size_t k = n; k-- > 0 && !eg_xml_stopped(x);) {
		const eg_graph_edge *e = &g->edges[order[k]];
		const eg_graph_node *a = &g->nodes[e->source], *b = &g->nodes[e->target];
		double share = (double)e->count / heaviest;
		eg_xml_start(x, "line");
		number(x, "x1", px(f, a->x));
		number(x, "y1", py(f, a->y));
		number(x, "x2", px(f, b->x));
		number(x, "y2", py(f, b->y));
		char buf[32];
		snprintf(buf, sizeof(buf), "%.2f", 0.4 + 3.6 * share);
		eg_xml_attr(x, "stroke-width", buf);
		snprintf(buf, sizeof(buf), "%.2f", 0.15 + 0.5 * share);
		eg_xml_attr(x, "stroke-opacity", buf);
		eg_xml_end(x);
	}
	eg_xml_end(x);
	free(order);
}

static void draw_nodes(eg_xml *x, const eg_graph *g, const frame *f)
{
	eg_xml_start(x, "g");
	eg_xml_attr(x, "stroke", "#ffffff");
	eg_xml_attr(x, "stroke-width", "1");
	for (size_t i = 0; i < g->node_count && !eg_xml_stopped(x); i++) {
		const eg_graph_node *n = &g->nodes[i];
		eg_xml_start(x, "circle");
		number(x, "cx", px(f, n->x));
		number(x, "cy", py(f, n->y));
		number(x, "r", radius(n));
		colour(x, "fill", n);
		eg_xml_element(x, "title", n->label);
		eg_xml_end(x);
	}
	eg_xml_end(x);
}

static void draw_labels(eg_xml *x, const eg_graph *g, const frame *f)
{
	size_t n = g->node_count;
	size_t *order = sorted_indexes(g, n, by_size);
	if (n > EG_SVG_LABELS)
		n = EG_SVG_LABELS;
	eg_xml_start(x, "g");
	eg_xml_attr(x, "font-family", "sans-serif");
	eg_xml_attr(x, "fill", "#222222");
	eg_xml_attr(x, "stroke", "#ffffff");
	eg_xml_attr(x, "stroke-width", "3");
	eg_xml_attr(x, "paint-order", "stroke");
	for (size_t k = 0; k < n; k++) {
		const eg_graph_node *node = &g->nodes[order[k]];
		eg_xml_start(x, "text");
		number(x, "x", px(f, node->x) + radius(node) + 3);
		number(x, "y", py(f, node->y) + 4);
		number(x, "font-size", 11 + radius(node) / 2);
		eg_xml_text(x, node->label);
		eg_xml_end(x);
	}
	eg_xml_end(x);
	free(order);
}

static void draw_legend(eg_xml *x, const eg_graph *g)
{
	/* Each type once, in order of first appearance (nodes are in id order,
	 * which starts with the type). */
	const eg_graph_node *seen[64];
	size_t n = 0;
	for (size_t i = 0; i < g->node_count && n < 64; i++) {
		size_t k = 0;
		while (k < n && strcmp(seen[k]->type, g->nodes[i].type) != 0)
			k++;
		if (k == n)
			seen[n++] = &g->nodes[i];
	}
	eg_xml_start(x, "g");
	eg_xml_attr(x, "font-family", "sans-serif");
	eg_xml_attr(x, "font-size", "14");
	for (size_t k = 0; k < n; k++) {
		eg_xml_start(x, "circle");
		number(x, "cx", 24);
		number(x, "cy", 24 + 22 * (double)k);
		number(x, "r", 7);
		colour(x, "fill", seen[k]);
		eg_xml_end(x);
		eg_xml_start(x, "text");
		number(x, "x", 38);
		number(x, "y", 29 + 22 * (double)k);
		eg_xml_text(x, seen[k]->type);
		eg_xml_end(x);
	}
	eg_xml_end(x);
}

int eg_svg_write(FILE *fp, const eg_graph *g, eg_error *err)
{
	eg_xml x;
	if (eg_xml_open(&x, fp, err) < 0)
		return -1;
	char buf[160];
	eg_xml_start(&x, "svg");
	eg_xml_attr(&x, "xmlns", "http://www.w3.org/2000/svg");
	snprintf(buf, sizeof(buf), "0 0 %.0f %.0f", WIDTH, HEIGHT);
	eg_xml_attr(&x, "viewBox", buf);
	snprintf(buf, sizeof(buf), "%.0f", WIDTH);
	eg_xml_attr(&x, "width", buf);
	snprintf(buf, sizeof(buf), "%.0f", HEIGHT);
	eg_xml_attr(&x, "height", buf);
	snprintf(buf, sizeof(buf), "entgraph: %zu entities, %zu links (edge weight: %s)", g->node_count, g->edge_count,
		 eg_weighting_name((eg_weighting)g->weighting));
	eg_xml_element(&x, "title", buf);
	eg_xml_start(&x, "rect");
	eg_xml_attr(&x, "width", "100%");
	eg_xml_attr(&x, "height", "100%");
	eg_xml_attr(&x, "fill", "#ffffff");
	eg_xml_end(&x);
	frame f = fit(g);
	draw_edges(&x, g, &f);
	draw_nodes(&x, g, &f);
	draw_labels(&x, g, &f);
	draw_legend(&x, g);
	eg_xml_start(&x, "text");
	number(&x, "x", 16);
	number(&x, "y", HEIGHT - 16);
	eg_xml_attr(&x, "font-family", "sans-serif");
	eg_xml_attr(&x, "font-size", "13");
	eg_xml_attr(&x, "fill", "#555555");
	eg_xml_text(&x, buf);
	eg_xml_end(&x);
	return eg_xml_close(&x, "SVG", err);
}
