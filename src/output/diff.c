#include "output/diff.h"
#include "output/graphml.h"
#include "output/mentions.h"
#include "output/xml.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef enum change { UNCHANGED, NEW, GONE, STRONGER, WEAKER } change;
static const char *const change_names[] = {"unchanged", "new", "gone", "stronger", "weaker"};
/* Colours by change: new green, gone red, stronger orange, weaker blue,
 * unchanged grey. */
static const unsigned char change_rgb[][3] = {
	{190, 190, 190}, {44, 160, 44}, {214, 39, 40}, {255, 127, 14}, {31, 119, 180}};

/* One entity or link of the union, with both sides (NULL where absent). */
typedef struct node_change {
	const eg_snap_node *old, *new;
	change what;
} node_change;

typedef struct edge_change {
	const eg_snap_edge *old, *new;
	change what;
} edge_change;

static change compare(uint64_t old_documents, uint64_t new_documents, uint64_t old_count, uint64_t new_count)
{
	if (new_documents != old_documents)
		return new_documents > old_documents ? STRONGER : WEAKER;
	if (new_count != old_count)
		return new_count > old_count ? STRONGER : WEAKER;
	return UNCHANGED;
}

static const eg_snap_node *side_node(const node_change *c)
{
	return c->new ? c->new : c->old;
}

static const eg_snap_edge *side_edge(const edge_change *c)
{
	return c->new ? c->new : c->old;
}

/* The union, sorted by id (both lists are). */
static node_change *merge_nodes(const eg_snapshot *a, const eg_snapshot *b, size_t *n)
{
	node_change *out = eg_xmalloc((a->node_count + b->node_count + 1) * sizeof(*out));
	size_t i = 0, j = 0, k = 0;
	while (i < a->node_count || j < b->node_count) {
		int order = i == a->node_count ? 1 : j == b->node_count ? -1 : strcmp(a->nodes[i].id, b->nodes[j].id);
		node_change c = {order <= 0 ? &a->nodes[i] : NULL, order >= 0 ? &b->nodes[j] : NULL, UNCHANGED};
		c.what = !c.old ? NEW : !c.new ? GONE : compare(c.old->documents, c.new->documents, c.old->mentions, c.new->mentions);
		out[k++] = c;
		i += order <= 0;
		j += order >= 0;
	}
	*n = k;
	return out;
}

static edge_change *merge_edges(const eg_snapshot *a, const eg_snapshot *b, size_t *n)
{
	edge_change *out = eg_xmalloc((a->edge_count + b->edge_count + 1) * sizeof(*out));
	size_t i = 0, j = 0, k = 0;
	while (i < a->edge_count || j < b->edge_count) {
		int order = i == a->edge_count ? 1 : j == b->edge_count ? -1 : strcmp(a->edges[i].id, b->edges[j].id);
		edge_change c = {order <= 0 ? &a->edges[i] : NULL, order >= 0 ? &b->edges[j] : NULL, UNCHANGED};
		c.what = !c.old ? NEW : !c.new ? GONE : compare(c.old->documents, c.new->documents, c.old->count, c.new->count);
		out[k++] = c;
		i += order <= 0;
		j += order >= 0;
	}
	*n = k;
	return out;
}

/* The most documents first (the change's size for stronger and weaker),
 * then windows, then id. */
static int64_t node_weight(const node_change *c)
{
	int64_t o = c->old ? (int64_t)c->old->documents : 0, w = c->new ? (int64_t)c->new->documents : 0;
	return c->what == STRONGER || c->what == WEAKER ? llabs(w - o) : w > o ? w : o;
}

static int by_node_weight(const void *x, const void *y)
{
	const node_change *a = x, *b = y;
	int64_t wa = node_weight(a), wb = node_weight(b);
	if (wa != wb)
		return wa > wb ? -1 : 1;
	return strcmp(side_node(a)->id, side_node(b)->id);
}

static int64_t edge_weight(const edge_change *c, int windows)
{
	const eg_snap_edge *o = c->old, *w = c->new;
	int64_t ov = o ? (int64_t)(windows ? o->count : o->documents) : 0;
	int64_t nv = w ? (int64_t)(windows ? w->count : w->documents) : 0;
	return c->what == STRONGER || c->what == WEAKER ? llabs(nv - ov) : nv > ov ? nv : ov;
}

static int by_edge_weight(const void *x, const void *y)
{
	const edge_change *a = x, *b = y;
	for (int windows = 0; windows < 2; windows++) {
		int64_t wa = edge_weight(a, windows), wb = edge_weight(b, windows);
		if (wa != wb)
			return wa > wb ? -1 : 1;
	}
	return strcmp(side_edge(a)->id, side_edge(b)->id);
}

/* Whether evidence document id is among e's (e may be NULL). */
static int names(const eg_snap_edge *e, const char *id)
{
	for (size_t k = 0; e && k < e->evidence_count; k++)
		if (strcmp(e->evidence[k].document, id) == 0)
			return 1;
	return 0;
}

static const char *label_of(const eg_snapshot *a, const eg_snapshot *b, const char *id)
{
	const eg_snap_node *n = eg_snapshot_node(b, id);
	if (!n)
		n = eg_snapshot_node(a, id);
	return n ? n->label : id;
}

/* ---- Markdown ---- */

/* Text for Markdown: no line breaks, no markup characters acting. */
static void md_text(eg_buf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\n' || *s == '\r' || *s == '\t')
			eg_buf_add(b, " ", 1);
		else if (strchr("\\`*_[]<>#|", *s)) {
			eg_buf_add(b, "\\", 1);
			eg_buf_add(b, s, 1);
		} else
			eg_buf_add(b, s, 1);
	}
}

static void md_evidence(eg_buf *b, const eg_snap_edge *now, const eg_snap_edge *before)
{
	for (size_t k = 0; now && k < now->evidence_count; k++) {
		const eg_snap_evidence *x = &now->evidence[k];
		if (names(before, x->document))
			continue;
		eg_buf_adds(b, "  - ");
		if (x->date) {
			md_text(b, x->date);
			eg_buf_adds(b, ", ");
		}
		if (x->outlet) {
			md_text(b, x->outlet);
			eg_buf_adds(b, ": ");
		}
		if (x->url) {
			eg_buf_adds(b, "[");
			md_text(b, x->title ? x->title : x->document);
			eg_buf_adds(b, "](");
			for (const char *u = x->url; *u; u++) {
				if (*u == ' ')
					eg_buf_adds(b, "%20");
				else if (*u == ')' || *u == '(')
					eg_buf_printf(b, "%%%02X", (unsigned char)*u);
				else
					eg_buf_add(b, u, 1);
			}
			eg_buf_adds(b, ")");
		} else {
			md_text(b, x->title ? x->title : x->document);
		}
		if (x->sentence) {
			eg_buf_adds(b, ": \"");
			md_text(b, x->sentence);
			eg_buf_adds(b, "\"");
		}
		eg_buf_adds(b, "\n");
	}
}

static void md_section(eg_buf *b, const char *title, size_t n)
{
	eg_buf_printf(b, "\n## %s (%zu)\n\n", title, n);
}

static void md_more(eg_buf *b, size_t n)
{
	if (n > EG_DIFF_SHOWN)
		eg_buf_printf(b, "- … and %zu more (`-f json` lists them all)\n", n - EG_DIFF_SHOWN);
}

static void write_markdown(eg_buf *b, const eg_snapshot *old, const eg_snapshot *new, const char *old_name,
			   const char *new_name, node_change *nodes, size_t nn, edge_change *edges, size_t ne,
			   const eg_diff_counts *c)
{
	eg_buf_adds(b, "# entgraph diff: ");
	md_text(b, old_name);
	eg_buf_adds(b, " → ");
	md_text(b, new_name);
	eg_buf_printf(b,
		      "\n\n%zu new entit%s, %zu in more documents, %zu in fewer, %zu gone; "
		      "%zu new link%s, %zu stronger, %zu weaker, %zu gone.\n",
		      c->new_nodes, c->new_nodes == 1 ? "y" : "ies", c->stronger_nodes, c->weaker_nodes, c->gone_nodes,
		      c->new_edges, c->new_edges == 1 ? "" : "s", c->stronger_edges, c->weaker_edges, c->gone_edges);
	if (!eg_diff_changed(c))
		eg_buf_adds(b, "\nNothing changed.\n");
	static const struct {
		change what;
		const char *title;
	} node_sections[] = {{NEW, "New entities"}, {STRONGER, "Entities in more documents"},
			     {WEAKER, "Entities in fewer documents"}, {GONE, "Entities gone"}};
	for (size_t s = 0; s < 4; s++) {
		change what = node_sections[s].what;
		size_t count = what == NEW ? c->new_nodes : what == STRONGER ? c->stronger_nodes
						 : what == WEAKER ? c->weaker_nodes : c->gone_nodes;
		size_t shown = 0;
		if (!count)
			continue;
		md_section(b, node_sections[s].title, count);
		for (size_t i = 0; i < nn && shown < EG_DIFF_SHOWN; i++) {
			if (nodes[i].what != node_sections[s].what)
				continue;
			const eg_snap_node *n = side_node(&nodes[i]);
			eg_buf_adds(b, "- **");
			md_text(b, n->label);
			if (what == STRONGER || what == WEAKER)
				eg_buf_printf(b, "** (%s), documents %" PRIu64 " → %" PRIu64 ", mentions %" PRIu64 " → %" PRIu64,
					      n->type, nodes[i].old->documents, nodes[i].new->documents, nodes[i].old->mentions,
					      nodes[i].new->mentions);
			else
				eg_buf_printf(b, "** (%s), %" PRIu64 " mention%s in %" PRIu64 " document%s", n->type,
					      n->mentions, n->mentions == 1 ? "" : "s", n->documents, n->documents == 1 ? "" : "s");
			if (n->first_seen)
				eg_buf_printf(b, ", first seen %s", n->first_seen);
			eg_buf_adds(b, "\n");
			shown++;
		}
		md_more(b, count);
	}
	static const struct {
		change what;
		const char *title;
	} edge_sections[] = {{NEW, "New links"}, {STRONGER, "Stronger links"}, {WEAKER, "Weaker links"}, {GONE, "Links gone"}};
	for (size_t s = 0; s < 4; s++) {
		change what = edge_sections[s].what;
		size_t count = what == NEW ? c->new_edges : what == STRONGER ? c->stronger_edges
						 : what == WEAKER ? c->weaker_edges : c->gone_edges;
		size_t shown = 0;
		if (!count)
			continue;
		md_section(b, edge_sections[s].title, count);
		for (size_t i = 0; i < ne && shown < EG_DIFF_SHOWN; i++) {
			if (edges[i].what != what)
				continue;
			const eg_snap_edge *e = side_edge(&edges[i]);
			eg_buf_adds(b, "- **");
			md_text(b, label_of(old, new, e->source));
			eg_buf_adds(b, " – ");
			md_text(b, label_of(old, new, e->target));
			eg_buf_adds(b, "**: ");
			if (what == NEW || what == GONE)
				eg_buf_printf(b, "%" PRIu64 " window%s in %" PRIu64 " document%s", e->count,
					      e->count == 1 ? "" : "s", e->documents, e->documents == 1 ? "" : "s");
			else
				eg_buf_printf(b, "windows %" PRIu64 " → %" PRIu64 ", documents %" PRIu64 " → %" PRIu64,
					      edges[i].old->count, edges[i].new->count, edges[i].old->documents,
					      edges[i].new->documents);
			if (e->first_seen)
				eg_buf_printf(b, ", first seen %s", e->first_seen);
			eg_buf_adds(b, "\n");
			if (what == NEW || what == STRONGER)
				md_evidence(b, edges[i].new, edges[i].old);
			shown++;
		}
		md_more(b, count);
	}
}

/* ---- JSON ---- */

static void json_field(eg_buf *b, const char *name, const char *value, int *first)
{
	if (!value)
		return;
	eg_buf_adds(b, *first ? "" : ",");
	*first = 0;
	eg_json_string(b, name, strlen(name));
	eg_buf_adds(b, ":");
	eg_json_string(b, value, strlen(value));
}

static void json_count(eg_buf *b, const char *name, uint64_t v, int *first)
{
	eg_buf_adds(b, *first ? "" : ",");
	*first = 0;
	eg_json_string(b, name, strlen(name));
	eg_buf_printf(b, ":%" PRIu64, v);
}

static void write_json(eg_buf *b, const char *old_name, const char *new_name, node_change *nodes, size_t nn,
		       edge_change *edges, size_t ne, const eg_snapshot *old, const eg_snapshot *new)
{
	eg_buf_adds(b, "{\"old\":");
	eg_json_string(b, old_name, strlen(old_name));
	eg_buf_adds(b, ",\"new\":");
	eg_json_string(b, new_name, strlen(new_name));
	eg_buf_adds(b, ",\"entities\":[");
	int any = 0;
	for (size_t i = 0; i < nn; i++) {
		if (nodes[i].what == UNCHANGED)
			continue;
		const eg_snap_node *n = side_node(&nodes[i]);
		int first = 1;
		eg_buf_adds(b, any ? ",{" : "{");
		any = 1;
		json_field(b, "change", change_names[nodes[i].what], &first);
		json_field(b, "id", n->id, &first);
		json_field(b, "label", n->label, &first);
		json_field(b, "type", n->type, &first);
		if (nodes[i].old) {
			json_count(b, "old_mentions", nodes[i].old->mentions, &first);
			json_count(b, "old_documents", nodes[i].old->documents, &first);
		}
		if (nodes[i].new) {
			json_count(b, "mentions", nodes[i].new->mentions, &first);
			json_count(b, "documents", nodes[i].new->documents, &first);
		}
		json_field(b, "first_seen", n->first_seen, &first);
		eg_buf_adds(b, "}");
	}
	eg_buf_adds(b, "],\"links\":[");
	any = 0;
	for (size_t i = 0; i < ne; i++) {
		if (edges[i].what == UNCHANGED)
			continue;
		const eg_snap_edge *e = side_edge(&edges[i]);
		int first = 1;
		eg_buf_adds(b, any ? ",{" : "{");
		any = 1;
		json_field(b, "change", change_names[edges[i].what], &first);
		json_field(b, "id", e->id, &first);
		json_field(b, "source", e->source, &first);
		json_field(b, "target", e->target, &first);
		json_field(b, "source_label", label_of(old, new, e->source), &first);
		json_field(b, "target_label", label_of(old, new, e->target), &first);
		if (edges[i].old) {
			json_count(b, "old_windows", edges[i].old->count, &first);
			json_count(b, "old_documents", edges[i].old->documents, &first);
		}
		if (edges[i].new) {
			json_count(b, "windows", edges[i].new->count, &first);
			json_count(b, "documents", edges[i].new->documents, &first);
		}
		json_field(b, "first_seen", e->first_seen, &first);
		eg_buf_adds(b, ",\"new_evidence\":[");
		int some = 0;
		for (size_t k = 0; edges[i].new && k < edges[i].new->evidence_count; k++) {
			const eg_snap_evidence *x = &edges[i].new->evidence[k];
			if (names(edges[i].old, x->document))
				continue;
			int f = 1;
			eg_buf_adds(b, some ? ",{" : "{");
			some = 1;
			json_field(b, "document", x->document, &f);
			json_field(b, "date", x->date, &f);
			json_field(b, "title", x->title, &f);
			json_field(b, "outlet", x->outlet, &f);
			json_field(b, "url", x->url, &f);
			json_field(b, "sentence", x->sentence, &f);
			eg_buf_adds(b, "}");
		}
		eg_buf_adds(b, "]}");
	}
	eg_buf_adds(b, "]}\n");
}

/* ---- GraphML ---- */

static void data_u64(eg_xml *x, const char *key, uint64_t v)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%" PRIu64, v);
	eg_graphml_data(x, key, buf);
}

static void data_double(eg_xml *x, const char *key, double v)
{
	char buf[64];
	eg_format_double(buf, v);
	eg_graphml_data(x, key, buf);
}

static void rgb(eg_xml *x, change what)
{
	data_u64(x, "r", change_rgb[what][0]);
	data_u64(x, "g", change_rgb[what][1]);
	data_u64(x, "b", change_rgb[what][2]);
}

static int write_graphml(FILE *fp, node_change *nodes, size_t nn, edge_change *edges, size_t ne,
			 const char *old_name, const char *new_name, eg_error *err)
{
	eg_xml x;
	if (eg_xml_open(&x, fp, err) < 0)
		return -1;
	eg_graphml_begin(&x);
	static const char *const node_keys[][3] = {
		{"label", "label", "string"},	  {"entity_type", "entity_type", "string"}, {"change", "change", "string"},
		{"mentions", "mentions", "int"},  {"documents", "documents", "int"},	    {"old_mentions", "old_mentions", "int"},
		{"old_documents", "old_documents", "int"}, {"size", "size", "double"},	    {"r", "r", "int"},
		{"g", "g", "int"},		  {"b", "b", "int"},			    {"x", "x", "double"},
		{"y", "y", "double"},
	};
	for (size_t k = 0; k < sizeof(node_keys) / sizeof(node_keys[0]); k++)
		eg_graphml_key(&x, node_keys[k][0], "node", node_keys[k][1], node_keys[k][2]);
	static const char *const edge_keys[][3] = {
		{"weight", "weight", "double"},		      {"edge_change", "change", "string"},
		{"edge_count", "count", "int"},		      {"edge_documents", "documents", "int"},
		{"edge_old_count", "old_count", "int"},	      {"edge_old_documents", "old_documents", "int"},
		{"edge_r", "r", "int"}, {"edge_g", "g", "int"}, {"edge_b", "b", "int"},
	};
	for (size_t k = 0; k < sizeof(edge_keys) / sizeof(edge_keys[0]); k++)
		eg_graphml_key(&x, edge_keys[k][0], "edge", edge_keys[k][1], edge_keys[k][2]);
	eg_xml_start(&x, "graph");
	eg_xml_attr(&x, "id", "G");
	eg_xml_attr(&x, "edgedefault", "undirected");
	eg_buf desc = {0};
	eg_buf_printf(&desc, "entgraph diff: %s -> %s", old_name, new_name);
	eg_xml_element(&x, "desc", desc.data);
	eg_buf_free(&desc);
	for (size_t i = 0; i < nn && !eg_xml_stopped(&x); i++) {
		const node_change *c = &nodes[i];
		const eg_snap_node *n = side_node(c);
		eg_xml_start(&x, "node");
		eg_xml_attr(&x, "id", n->id);
		eg_graphml_data(&x, "label", n->label);
		eg_graphml_data(&x, "entity_type", n->type);
		eg_graphml_data(&x, "change", change_names[c->what]);
		if (c->new) {
			data_u64(&x, "mentions", c->new->mentions);
			data_u64(&x, "documents", c->new->documents);
		}
		if (c->old) {
			data_u64(&x, "old_mentions", c->old->mentions);
			data_u64(&x, "old_documents", c->old->documents);
		}
		/* The size it was laid out with, so discs and positions agree
		 * (SPEC.md); from its documents where the graph had none. */
		data_double(&x, "size", n->size > 0 ? n->size : 10 + 4 * sqrt((double)n->documents));
		rgb(&x, c->what);
		if (n->placed) {
			data_double(&x, "x", n->x);
			data_double(&x, "y", n->y);
		}
		eg_xml_end(&x);
	}
	for (size_t i = 0; i < ne && !eg_xml_stopped(&x); i++) {
		const edge_change *c = &edges[i];
		const eg_snap_edge *e = side_edge(c);
		eg_xml_start(&x, "edge");
		eg_xml_attr(&x, "id", e->id);
		eg_xml_attr(&x, "source", e->source);
		eg_xml_attr(&x, "target", e->target);
		data_double(&x, "weight", (double)(e->count ? e->count : 1));
		eg_graphml_data(&x, "edge_change", change_names[c->what]);
		if (c->new) {
			data_u64(&x, "edge_count", c->new->count);
			data_u64(&x, "edge_documents", c->new->documents);
		}
		if (c->old) {
			data_u64(&x, "edge_old_count", c->old->count);
			data_u64(&x, "edge_old_documents", c->old->documents);
		}
		data_u64(&x, "edge_r", change_rgb[c->what][0]);
		data_u64(&x, "edge_g", change_rgb[c->what][1]);
		data_u64(&x, "edge_b", change_rgb[c->what][2]);
		eg_xml_end(&x);
	}
	return eg_xml_close(&x, "GraphML", err);
}

int eg_diff_changed(const eg_diff_counts *c)
{
	return c->new_nodes || c->gone_nodes || c->stronger_nodes || c->weaker_nodes || c->new_edges ||
	       c->gone_edges || c->stronger_edges || c->weaker_edges;
}

int eg_diff_write(FILE *fp, const eg_snapshot *old, const eg_snapshot *new, const char *old_name,
		  const char *new_name, eg_diff_format format, eg_diff_counts *counts, eg_error *err)
{
	size_t nn, ne;
	node_change *nodes = merge_nodes(old, new, &nn);
	edge_change *edges = merge_edges(old, new, &ne);
	*counts = (eg_diff_counts){0};
	for (size_t i = 0; i < nn; i++) {
		counts->new_nodes += nodes[i].what == NEW;
		counts->gone_nodes += nodes[i].what == GONE;
		counts->stronger_nodes += nodes[i].what == STRONGER;
		counts->weaker_nodes += nodes[i].what == WEAKER;
	}
	for (size_t i = 0; i < ne; i++) {
		counts->new_edges += edges[i].what == NEW;
		counts->gone_edges += edges[i].what == GONE;
		counts->stronger_edges += edges[i].what == STRONGER;
		counts->weaker_edges += edges[i].what == WEAKER;
	}
	int rc = 0;
	if (format == EG_DIFF_GRAPHML) {
		rc = write_graphml(fp, nodes, nn, edges, ne, old_name, new_name, err);
	} else {
		/* The reports list the biggest changes first. */
		qsort(nodes, nn, sizeof(*nodes), by_node_weight);
		qsort(edges, ne, sizeof(*edges), by_edge_weight);
		eg_buf b = {0};
		if (format == EG_DIFF_JSON)
			write_json(&b, old_name, new_name, nodes, nn, edges, ne, old, new);
		else
			write_markdown(&b, old, new, old_name, new_name, nodes, nn, edges, ne, counts);
		if (b.len && fwrite(b.data, 1, b.len, fp) != b.len)
			rc = eg_error_set(err, "write failed");
		eg_buf_free(&b);
	}
	free(nodes);
	free(edges);
	return rc;
}
