#include "output/svg.h"
#include "output/xml.h"
#include "text/utf8.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define WIDTH 1600.0
#define HEIGHT 1200.0
#define SIDE 24.0        /* left and right margin */
#define TITLE_SIZE 20.0
#define LEGEND_SIZE 14.0
#define LEGEND_ROW 22.0
#define CAPTION_SIZE 13.0
#define FONT_FAMILY "DejaVu Sans, Bitstream Vera Sans, Verdana, sans-serif"
#define LABEL_MIN_FONT 11.0
#define LABEL_MAX_FONT 18.0
#define ASCENT 0.95      /* em above the baseline a label's box reserves */
#define DESCENT 0.25     /* em below */
#define HALO 1.5         /* px: half the white outline's width */
#define LABEL_GAP 2.0    /* px between a node's disc and its label's box */
/* Edges a <path> holds at most: renderers stroke a path as one outline,
 * in time that grows much faster than its segments (librsvg took two
 * minutes for 20,000 in one colour), so long runs are cut. */
#define PATH_SEGMENTS 50
#define BOX_CLEARANCE 0.2 /* px kept between boxes, so the 0.1 px rounding of data-box cannot make them touch */

typedef struct box {
	double x0, y0, x1, y1;
} box;

typedef struct frame {
	double scale, dx, dy; /* pixel = d + layout * scale */
	double disc;          /* a node's radius in layout units per unit of size */
	box plot;             /* the drawing area, in pixels */
	unsigned char *shown; /* per node: inside the frame */
	size_t left_out, left_out_components;
} frame;

static void number(eg_xml *x, const char *name, double v)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%.1f", fabs(v) < 0.05 ? 0.0 : v);
	eg_xml_attr(x, name, buf);
}

/* The width in em svg.h documents for one code point. */
static double glyph_width(uint32_t cp)
{
	if (cp < 128) {
		if (strchr("fijlrtIJ.,:;!'|()[] ", (int)cp))
			return 0.42;
		if (strchr("mwMW@%", (int)cp))
			return 1.0;
		if (cp >= 'A' && cp <= 'Z')
			return 0.8;
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
			return 0.65;
		return 0.85;
	}
	if (cp >= 0xC0 && cp <= 0xFF && cp != 0xC6 && cp != 0xE6)
		return 0.8; /* accented Latin-1 letters, not the ligatures Æ æ */
	return 1.1;
}

/* The estimated width of text in pixels at font size px. */
static double text_width(const char *text, double px)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n = strlen(text);
	double em = 0;
	while (n > 0) {
		int len;
		uint32_t cp = eg_utf8_decode(s, n, &len);
		if (cp == EG_UTF8_INVALID || len < 1)
			len = 1;
		em += glyph_width(cp == EG_UTF8_INVALID ? 0xFFFD : cp);
		s += len;
		n -= (size_t)len;
	}
	return em * px;
}

static box no_box(void)
{
	return (box){HUGE_VAL, HUGE_VAL, -HUGE_VAL, -HUGE_VAL};
}

static void add_disc(box *b, const eg_graph_node *n, double disc)
{
	double r = n->size * disc;
	b->x0 = fmin(b->x0, n->x - r);
	b->y0 = fmin(b->y0, n->y - r);
	b->x1 = fmax(b->x1, n->x + r);
	b->y1 = fmax(b->y1, n->y + r);
}

/* Marks core[i] for the nodes of the largest components: the largest, and
 * the next ones while they hold fewer than half of the nodes, so a graph of
 * many small components still has a core to frame. */
static void mark_core(const eg_graph *g, unsigned char *core)
{
	size_t n = g->node_count, components = 0;
	for (size_t i = 0; i < n; i++)
		if (g->nodes[i].component >= 0 && (size_t)g->nodes[i].component < n)
			if ((size_t)g->nodes[i].component + 1 > components)
				components = (size_t)g->nodes[i].component + 1;
	size_t *members = eg_xcalloc(components ? components : 1, sizeof(*members));
	for (size_t i = 0; i < n; i++)
		if (g->nodes[i].component >= 0 && (size_t)g->nodes[i].component < n)
			members[g->nodes[i].component]++;
	size_t last = 0, held = components ? members[0] : 0;
	while (last + 1 < components && 2 * held < n)
		held += members[++last];
	for (size_t i = 0; i < n; i++)
		core[i] = g->nodes[i].component >= 0 && (size_t)g->nodes[i].component <= last;
	free(members);
}

/* Counts what the frame leaves out: nodes, and the components they belong to. */
static void count_left_out(const eg_graph *g, frame *f)
{
	size_t n = g->node_count;
	unsigned char *seen = eg_xcalloc(n ? n : 1, 1);
	for (size_t i = 0; i < n; i++) {
		if (f->shown[i])
			continue;
		f->left_out++;
		int64_t c = g->nodes[i].component;
		if (c < 0 || (size_t)c >= n) {
			f->left_out_components++;
		} else if (!seen[c]) {
			seen[c] = 1;
			f->left_out_components++;
		}
	}
	free(seen);
}

/* The frame as svg.h describes it.  The disc factor and the scale depend on
 * each other (discs widen the frame, the scale caps the discs), so they are
 * refined together a few rounds; each round only shrinks the discs. */
static frame fit(const eg_graph *g, box plot)
{
	size_t n = g->node_count;
	frame f = {.scale = 1, .dx = plot.x0, .dy = plot.y0, .disc = 1, .plot = plot};
	f.shown = eg_xcalloc(n ? n : 1, 1);
	if (!n)
		return f;
	unsigned char *core = eg_xmalloc(n);
	mark_core(g, core);
	double pw = plot.x1 - plot.x0, ph = plot.y1 - plot.y0;
	box drawn = no_box();
	for (int round = 0; round < 12; round++) {
		box c = no_box();
		for (size_t i = 0; i < n; i++)
			if (core[i])
				add_disc(&c, &g->nodes[i], f.disc);
		double grow = EG_SVG_GROW * fmax(c.x1 - c.x0, c.y1 - c.y0);
		if (!(grow > 0))
			grow = 1;
		drawn = no_box();
		double largest = 0, area = 0;
		for (size_t i = 0; i < n; i++) {
			const eg_graph_node *node = &g->nodes[i];
			f.shown[i] = core[i] || (node->x >= c.x0 - grow && node->x <= c.x1 + grow &&
						 node->y >= c.y0 - grow && node->y <= c.y1 + grow);
			if (f.shown[i]) {
				add_disc(&drawn, node, f.disc);
				largest = fmax(largest, node->size);
				area += node->size * node->size;
			}
		}
		double w = drawn.x1 - drawn.x0, h = drawn.y1 - drawn.y0;
		f.scale = fmin(w > 0 ? pw / w : HUGE_VAL, h > 0 ? ph / h : HUGE_VAL);
		if (!isfinite(f.scale))
			f.scale = 1;
		/* In layout units, the largest disc's cap and the discs' area cap. */
		double disc = f.disc;
		if (largest > 0)
			disc = fmin(disc, EG_SVG_MAX_RADIUS / (f.scale * largest));
		if (area > 0)
			disc = fmin(disc, sqrt(EG_SVG_MAX_COVER * pw * ph / (3.14159265358979 * area)) / f.scale);
		if (disc > f.disc * 0.999)
			break;
		f.disc = disc;
	}
	f.dx = plot.x0 + (pw - (drawn.x1 - drawn.x0) * f.scale) / 2 - drawn.x0 * f.scale;
	f.dy = plot.y0 + (ph - (drawn.y1 - drawn.y0) * f.scale) / 2 - drawn.y0 * f.scale;
	free(core);
	count_left_out(g, &f);
	return f;
}

static double px(const frame *f, double x)
{
	return f->dx + x * f->scale;
}

static double py(const frame *f, double y)
{
	return f->dy + y * f->scale;
}

static double radius(const frame *f, const eg_graph_node *n)
{
	return fmax(EG_SVG_MIN_RADIUS, n->size * f->disc * f->scale);
}

static void hex(char out[8], uint32_t rgb)
{
	snprintf(out, 8, "#%06" PRIx32, rgb & 0xFFFFFF);
}

static uint32_t node_rgb(const eg_graph_node *n)
{
	return (uint32_t)n->r << 16 | (uint32_t)n->g << 8 | n->b;
}

static const eg_graph *sorting;

static double edge_weight(size_t i)
{
	return sorting->edges[i].weight; /* above 0 for every weighting (graph.h) */
}

/* Heaviest first, then in edge order: a stable, total order. */
static int by_weight(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	double x = edge_weight(i), y = edge_weight(j);
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

typedef struct stroke {
	unsigned step;   /* 1..EG_SVG_EDGE_CLASSES */
	uint32_t colour; /* 0xRRGGBB */
	size_t edge;
} stroke;

/* Lightest step first, so heavy edges lie on top; then by colour and edge. */
static int by_stroke(const void *a, const void *b)
{
	const stroke *s = a, *t = b;
	if (s->step != t->step)
		return s->step < t->step ? -1 : 1;
	if (s->colour != t->colour)
		return s->colour < t->colour ? -1 : 1;
	return s->edge < t->edge ? -1 : s->edge > t->edge;
}

/* The mean of the ends' colours, a little darker so pale types still show
 * on white. */
static uint32_t blend(const eg_graph_node *a, const eg_graph_node *b)
{
	unsigned r = (a->r + b->r) * 85 / 200, g = (a->g + b->g) * 85 / 200, bl = (a->b + b->b) * 85 / 200;
	return (uint32_t)r << 16 | (uint32_t)g << 8 | bl;
}

static void draw_path(eg_xml *x, const stroke *s, const eg_buf *d)
{
	char buf[32];
	double share = (double)s->step / EG_SVG_EDGE_CLASSES;
	eg_xml_start(x, "path");
	hex(buf, s->colour);
	eg_xml_attr(x, "stroke", buf);
	snprintf(buf, sizeof(buf), "%.2f", 0.4 + 3.2 * share);
	eg_xml_attr(x, "stroke-width", buf);
	snprintf(buf, sizeof(buf), "%.2f", 0.12 + 0.6 * share);
	eg_xml_attr(x, "stroke-opacity", buf);
	eg_xml_attr(x, "d", d->data);
	eg_xml_end(x);
}

/* Returns the number of edges drawn. */
static size_t draw_edges(eg_xml *x, const eg_graph *g, const frame *f)
{
	size_t n = 0;
	size_t *order = eg_xmalloc((g->edge_count ? g->edge_count : 1) * sizeof(*order));
	for (size_t i = 0; i < g->edge_count; i++)
		if (f->shown[g->edges[i].source] && f->shown[g->edges[i].target])
			order[n++] = i;
	sorting = g;
	qsort(order, n, sizeof(*order), by_weight);
	if (n > EG_SVG_MAX_EDGES)
		n = EG_SVG_MAX_EDGES;
	double heaviest = n ? edge_weight(order[0]) : 1;
	stroke *strokes = eg_xmalloc((n ? n : 1) * sizeof(*strokes));
	for (size_t k = 0; k < n; k++) {
		const eg_graph_edge *e = &g->edges[order[k]];
		double share = heaviest > 0 ? edge_weight(order[k]) / heaviest : 1;
		double step = ceil(EG_SVG_EDGE_CLASSES * sqrt(fmax(share, 0)));
		strokes[k] = (stroke){.step = (unsigned)fmin(fmax(step, 1), EG_SVG_EDGE_CLASSES),
				      .colour = blend(&g->nodes[e->source], &g->nodes[e->target]),
				      .edge = order[k]};
	}
	qsort(strokes, n, sizeof(*strokes), by_stroke);
	eg_xml_start(x, "g");
	eg_xml_attr(x, "class", "edges");
	eg_xml_attr(x, "fill", "none");
	eg_xml_attr(x, "stroke-linecap", "round");
	eg_buf d = {0};
	size_t segments = 0;
	for (size_t k = 0; k < n && !eg_xml_stopped(x); k++) {
		const eg_graph_edge *e = &g->edges[strokes[k].edge];
		const eg_graph_node *a = &g->nodes[e->source], *b = &g->nodes[e->target];
		eg_buf_printf(&d, "%sM%.1f %.1fL%.1f %.1f", d.len ? " " : "", px(f, a->x), py(f, a->y), px(f, b->x),
			      py(f, b->y));
		int last = k + 1 == n || strokes[k + 1].step != strokes[k].step || strokes[k + 1].colour != strokes[k].colour;
		if (++segments == PATH_SEGMENTS || last) {
			draw_path(x, &strokes[k], &d);
			eg_buf_clear(&d);
			segments = 0;
		}
	}
	eg_buf_free(&d);
	eg_xml_end(x);
	free(strokes);
	free(order);
	return n;
}

static void draw_nodes(eg_xml *x, const eg_graph *g, const frame *f)
{
	char buf[32];
	eg_xml_start(x, "g");
	eg_xml_attr(x, "class", "nodes");
	eg_xml_attr(x, "stroke", "#ffffff");
	eg_xml_attr(x, "stroke-width", "0.6");
	for (size_t i = 0; i < g->node_count && !eg_xml_stopped(x); i++) {
		const eg_graph_node *n = &g->nodes[i];
		if (!f->shown[i])
			continue;
		eg_xml_start(x, "circle");
		number(x, "cx", px(f, n->x));
		number(x, "cy", py(f, n->y));
		number(x, "r", radius(f, n));
		hex(buf, node_rgb(n));
		eg_xml_attr(x, "fill", buf);
		snprintf(buf, sizeof(buf), "%zu", i);
		eg_xml_attr(x, "data-n", buf);
		eg_xml_element(x, "title", n->label);
		eg_xml_end(x);
	}
	eg_xml_end(x);
}

static int boxes_overlap(const box *a, const box *b)
{
	return a->x0 < b->x1 + BOX_CLEARANCE && b->x0 < a->x1 + BOX_CLEARANCE && a->y0 < b->y1 + BOX_CLEARANCE &&
	       b->y0 < a->y1 + BOX_CLEARANCE;
}

static int box_meets_disc(const box *b, double cx, double cy, double r)
{
	double dx = fmax(fmax(b->x0 - cx, 0), cx - b->x1), dy = fmax(fmax(b->y0 - cy, 0), cy - b->y1);
	return dx * dx + dy * dy < r * r;
}

static int box_inside(const box *b, const box *area)
{
	return b->x0 >= area->x0 && b->y0 >= area->y0 && b->x1 <= area->x1 && b->y1 <= area->y1;
}

typedef struct placed {
	size_t node;
	box b;
	const char *anchor; /* text-anchor */
	double x, y;        /* the text's anchor point and baseline */
	double font;
} placed;

/* The box of a label w by h (padding included) in position 0..3 (right,
 * left, above, below) of a disc at cx, cy of radius r, with where its text
 * is anchored. */
static placed label_at(int position, double cx, double cy, double r, double w, double h, double font)
{
	placed p = {.font = font};
	switch (position) {
	case 0:
		p.b.x0 = cx + r + LABEL_GAP;
		p.b.y0 = cy - h / 2;
		break;
	case 1:
		p.b.x0 = cx - r - LABEL_GAP - w;
		p.b.y0 = cy - h / 2;
		break;
	case 2:
		p.b.x0 = cx - w / 2;
		p.b.y0 = cy - r - LABEL_GAP - h;
		break;
	default:
		p.b.x0 = cx - w / 2;
		p.b.y0 = cy + r + LABEL_GAP;
		break;
	}
	p.b.x1 = p.b.x0 + w;
	p.b.y1 = p.b.y0 + h;
	p.anchor = position == 0 ? "start" : position == 1 ? "end" : "middle";
	p.x = position == 0 ? p.b.x0 + HALO : position == 1 ? p.b.x1 - HALO : (p.b.x0 + p.b.x1) / 2;
	p.y = p.b.y0 + HALO + ASCENT * font;
	return p;
}

/* Whether p may go where it is: inside the area, clear of every placed
 * label, and (when strict) of the discs of the candidates before it. */
static int label_fits(const placed *p, const box *area, const placed *labels, size_t placed_count,
		      const eg_graph *g, const frame *f, const size_t *order, size_t before, int strict)
{
	if (!box_inside(&p->b, area))
		return 0;
	for (size_t k = 0; k < placed_count; k++)
		if (boxes_overlap(&p->b, &labels[k].b))
			return 0;
	if (strict)
		for (size_t k = 0; k < before; k++) {
			const eg_graph_node *n = &g->nodes[order[k]];
			if (box_meets_disc(&p->b, px(f, n->x), py(f, n->y), radius(f, n)))
				return 0;
		}
	return 1;
}

/* Places labels by the collision test svg.h describes; returns how many. */
static size_t draw_labels(eg_xml *x, const eg_graph *g, const frame *f)
{
	size_t n = 0;
	size_t *order = eg_xmalloc((g->node_count ? g->node_count : 1) * sizeof(*order));
	double smin = HUGE_VAL, smax = -HUGE_VAL;
	for (size_t i = 0; i < g->node_count; i++)
		if (f->shown[i]) {
			order[n++] = i;
			smin = fmin(smin, g->nodes[i].size);
			smax = fmax(smax, g->nodes[i].size);
		}
	sorting = g;
	qsort(order, n, sizeof(*order), by_size);
	if (n > EG_SVG_LABEL_CANDIDATES)
		n = EG_SVG_LABEL_CANDIDATES;
	placed labels[EG_SVG_LABELS];
	size_t count = 0;
	box area = {2, f->plot.y0, WIDTH - 2, f->plot.y1};
	for (size_t k = 0; k < n && count < EG_SVG_LABELS; k++) {
		const eg_graph_node *node = &g->nodes[order[k]];
		if (!node->label || !*node->label)
			continue;
		double t = smax > smin ? (node->size - smin) / (smax - smin) : 0.5;
		double font = round((LABEL_MIN_FONT + (LABEL_MAX_FONT - LABEL_MIN_FONT) * t) * 2) / 2;
		double w = text_width(node->label, font) + 2 * HALO, h = (ASCENT + DESCENT) * font + 2 * HALO;
		double cx = px(f, node->x), cy = py(f, node->y), r = radius(f, node);
		int done = 0;
		for (int strict = 1; strict >= 0 && !done; strict--)
			for (int position = 0; position < 4 && !done; position++) {
				placed p = label_at(position, cx, cy, r, w, h, font);
				if (label_fits(&p, &area, labels, count, g, f, order, k, strict)) {
					p.node = order[k];
					labels[count++] = p;
					done = 1;
				}
			}
	}
	eg_xml_start(x, "g");
	eg_xml_attr(x, "class", "labels");
	eg_xml_attr(x, "font-family", FONT_FAMILY);
	eg_xml_attr(x, "fill", "#222222");
	eg_xml_attr(x, "stroke", "#ffffff");
	eg_xml_attr(x, "stroke-width", "3");
	eg_xml_attr(x, "stroke-linejoin", "round");
	eg_xml_attr(x, "paint-order", "stroke");
	for (size_t k = 0; k < count; k++) {
		const placed *p = &labels[k];
		char buf[96];
		eg_xml_start(x, "text");
		number(x, "x", p->x);
		number(x, "y", p->y);
		number(x, "font-size", p->font);
		eg_xml_attr(x, "text-anchor", p->anchor);
		snprintf(buf, sizeof(buf), "%.1f %.1f %.1f %.1f", p->b.x0, p->b.y0, p->b.x1 - p->b.x0, p->b.y1 - p->b.y0);
		eg_xml_attr(x, "data-box", buf);
		eg_xml_text(x, g->nodes[p->node].label);
		eg_xml_end(x);
	}
	eg_xml_end(x);
	free(order);
	return count;
}

#define LEGEND_TYPES 64

/* The legend row(s) under the title: each type once, in order of first
 * appearance (nodes are in id order, which starts with the type), with its
 * node count; returns the baseline of the last row. */
static double draw_legend(eg_xml *x, const eg_graph *g, double baseline)
{
	const eg_graph_node *seen[LEGEND_TYPES];
	size_t counts[LEGEND_TYPES] = {0}, n = 0, other = 0;
	for (size_t i = 0; i < g->node_count; i++) {
		size_t k = 0;
		while (k < n && strcmp(seen[k]->type, g->nodes[i].type) != 0)
			k++;
		if (k == n && n == LEGEND_TYPES) {
			other++;
			continue;
		}
		if (k == n)
			seen[n++] = &g->nodes[i];
		counts[k]++;
	}
	eg_xml_start(x, "g");
	eg_xml_attr(x, "class", "legend");
	eg_xml_attr(x, "font-family", FONT_FAMILY);
	eg_xml_attr(x, "font-size", "14");
	eg_xml_attr(x, "fill", "#222222");
	double left = SIDE;
	for (size_t k = 0; k <= n; k++) {
		char text[160], count[32], colour[8];
		if (k == n && !other)
			break;
		snprintf(text, sizeof(text), "%s %s", k < n ? seen[k]->type : "other types",
			 eg_format_grouped(count, k < n ? counts[k] : other));
		double w = 18 + text_width(text, LEGEND_SIZE) + 18;
		if (left > SIDE && left + w > WIDTH - SIDE) {
			left = SIDE;
			baseline += LEGEND_ROW;
		}
		if (k < n) {
			eg_xml_start(x, "circle");
			number(x, "cx", left + 6);
			number(x, "cy", baseline - 5);
			number(x, "r", 6);
			hex(colour, node_rgb(seen[k]));
			eg_xml_attr(x, "fill", colour);
			eg_xml_end(x);
		}
		eg_xml_start(x, "text");
		number(x, "x", left + 18);
		number(x, "y", baseline);
		eg_xml_text(x, text);
		eg_xml_end(x);
		left += w;
	}
	eg_xml_end(x);
	return baseline;
}

static void draw_line(eg_xml *x, const char *class, double y, double font, const char *fill, const char *text)
{
	eg_xml_start(x, "text");
	eg_xml_attr(x, "class", class);
	number(x, "x", SIDE);
	number(x, "y", y);
	eg_xml_attr(x, "font-family", FONT_FAMILY);
	number(x, "font-size", font);
	eg_xml_attr(x, "fill", fill);
	eg_xml_text(x, text);
	eg_xml_end(x);
}

/* "10,024 documents, 2021-07-18 to 2025-09-25, window: paragraph" */
static void title_line(eg_buf *out, const eg_graph *g, const eg_provenance *prov)
{
	char count[32];
	uint64_t documents = prov ? prov->documents : g->document_count;
	eg_buf_printf(out, "%s document%s", eg_format_grouped(count, documents), documents == 1 ? "" : "s");
	if (prov && prov->first_date && prov->last_date)
		eg_buf_printf(out, ", %s to %s", prov->first_date, prov->last_date);
	else if (prov)
		eg_buf_adds(out, ", no dates");
	if (prov && prov->window)
		eg_buf_printf(out, ", window: %s", prov->window);
}

int eg_svg_write(FILE *fp, const eg_graph *g, const eg_provenance *prov, eg_error *err)
{
	eg_xml x;
	if (eg_xml_open(&x, fp, err) < 0)
		return -1;
	char buf[64], a[32], b[32], c[32];
	eg_buf title = {0}, caption = {0};
	title_line(&title, g, prov);
	eg_xml_start(&x, "svg");
	eg_xml_attr(&x, "xmlns", "http://www.w3.org/2000/svg");
	snprintf(buf, sizeof(buf), "0 0 %.0f %.0f", WIDTH, HEIGHT);
	eg_xml_attr(&x, "viewBox", buf);
	snprintf(buf, sizeof(buf), "%.0f", WIDTH);
	eg_xml_attr(&x, "width", buf);
	snprintf(buf, sizeof(buf), "%.0f", HEIGHT);
	eg_xml_attr(&x, "height", buf);
	eg_xml_element(&x, "title", title.data);
	eg_xml_start(&x, "rect");
	eg_xml_attr(&x, "width", "100%");
	eg_xml_attr(&x, "height", "100%");
	eg_xml_attr(&x, "fill", "#ffffff");
	eg_xml_end(&x);
	draw_line(&x, "title", 34, TITLE_SIZE, "#111111", title.data);
	double legend_end = draw_legend(&x, g, 64);
	box plot = {SIDE, legend_end + 16, WIDTH - SIDE, HEIGHT - 34};
	frame f = fit(g, plot);
	size_t edges = draw_edges(&x, g, &f);
	draw_nodes(&x, g, &f);
	size_t labels = draw_labels(&x, g, &f);
	eg_buf_printf(&caption, "%s entities, %s links (weight: %s)", eg_format_grouped(a, g->node_count),
		      eg_format_grouped(b, g->edge_count), eg_weighting_name((eg_weighting)g->weighting));
	if (edges < g->edge_count)
		eg_buf_printf(&caption, "; the %s heaviest links between drawn entities shown", eg_format_grouped(c, edges));
	if (f.left_out)
		eg_buf_printf(&caption, "; %s %s in %s %s outside the frame not drawn", eg_format_grouped(a, f.left_out),
			      f.left_out == 1 ? "entity" : "entities", eg_format_grouped(b, f.left_out_components),
			      f.left_out_components == 1 ? "component" : "components");
	eg_buf_printf(&caption, "; %zu labels", labels);
	draw_line(&x, "caption", HEIGHT - 12, CAPTION_SIZE, "#555555", caption.data);
	free(f.shown);
	eg_buf_free(&title);
	eg_buf_free(&caption);
	return eg_xml_close(&x, "SVG", err);
}
