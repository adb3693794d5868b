#include "output/gexf.h"
#include "output/attributes.h"
#include "graph/periods.h"
#include "output/items.h"
#include "output/xml.h"

#include <inttypes.h>
#include <string.h>

#ifndef EG_VERSION
#define EG_VERSION "unknown"
#endif

/* Attributes GEXF says in its own way rather than as attvalues. */
static int own_place(const eg_attr *a)
{
	static const char *const names[] = {"label", "x", "y", "size", "r", "g", "b", "weight"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(a->name, names[i]) == 0)
			return 1;
	return 0;
}

static const char *gexf_type(const eg_attr *a)
{
	return a->type == EG_ATTR_STRING ? "string" : a->type == EG_ATTR_DOUBLE ? "double" : "long";
}

/* The attributes of a class; with periods one dynamic block holding them
 * and the per-period one (extra: id, type), which readers such as
 * graphology's need (they keep one block per class). */
static void declare(eg_xml *x, const char *class, const eg_attr *attrs, size_t n, const char *const *extra)
{
	eg_xml_start(x, "attributes");
	eg_xml_attr(x, "class", class);
	if (extra)
		eg_xml_attr(x, "mode", "dynamic");
	for (size_t i = 0; i < n; i++) {
		if (own_place(&attrs[i]))
			continue;
		eg_xml_start(x, "attribute");
		eg_xml_attr(x, "id", attrs[i].name);
		eg_xml_attr(x, "title", attrs[i].name);
		eg_xml_attr(x, "type", gexf_type(&attrs[i]));
		eg_xml_end(x);
	}
	if (extra) {
		eg_xml_start(x, "attribute");
		eg_xml_attr(x, "id", extra[0]);
		eg_xml_attr(x, "title", extra[0]);
		eg_xml_attr(x, "type", extra[1]);
		eg_xml_end(x);
	}
	eg_xml_end(x);
}

typedef const char *(*value_fn)(const eg_graph *g, size_t i, size_t k, char *buf, eg_buf *scratch);

/* The per-period values of node or edge item (graph/periods.h): a node's
 * mentions in each period it has some, an edge's windows as its weight
 * there (the dynamic weight Gephi's timeline shows); each with the spell
 * of its period.  Into spells, when given, the spells themselves. */
static void period_values(eg_xml *x, const eg_graph *g, size_t item, int edge, int spells)
{
	char buf[32];
	eg_pair_counts pair = edge ? eg_graph_edge_pair(g, item) : (eg_pair_counts){0};
	int any = 0;
	for (size_t p = 0; p < g->periods->n; p++) {
		const eg_period *period = &g->periods->v[p];
		uint64_t v;
		if (edge) {
			size_t k = eg_period_find_pair(period, pair.a, pair.b);
			v = k == SIZE_MAX ? 0 : eg_cooc_pair(period->counts, k).weight;
		} else {
			v = eg_period_entity(period, g->nodes[item].entity).mentions;
		}
		if (!v)
			continue;
		if (spells && !any)
			eg_xml_start(x, "spells");
		any = 1;
		eg_xml_start(x, spells ? "spell" : "attvalue");
		if (!spells) {
			snprintf(buf, sizeof(buf), "%" PRIu64, v);
			eg_xml_attr(x, "for", edge ? "weight" : "period_mentions");
			eg_xml_attr(x, "value", buf);
		}
		eg_xml_attr(x, "start", period->first);
		eg_xml_attr(x, "end", period->last);
		eg_xml_end(x);
	}
	if (spells && any)
		eg_xml_end(x);
}

static void attvalues(eg_xml *x, const eg_graph *g, size_t item, const eg_attr *attrs, size_t n, value_fn value,
		      eg_buf *scratch, int edge)
{
	char buf[64];
	eg_xml_start(x, "attvalues");
	if (g->periods && !(edge && item >= g->edge_count)) /* a relation link has none */
		period_values(x, g, item, edge, 0);
	for (size_t k = 0; k < n; k++) {
		if (own_place(&attrs[k]))
			continue;
		const char *v = value(g, item, k, buf, scratch);
		if (!v)
			continue;
		eg_xml_start(x, "attvalue");
		eg_xml_attr(x, "for", attrs[k].name);
		eg_xml_attr(x, "value", v);
		eg_xml_end(x);
	}
	eg_xml_end(x);
}

static void write_nodes(eg_xml *x, const eg_graph *g, int dynamic, eg_buf *scratch)
{
	char buf[64];
	eg_xml_start(x, "nodes");
	for (size_t i = 0; i < g->node_count && !eg_xml_stopped(x); i++) {
		const eg_graph_node *n = &g->nodes[i];
		eg_xml_start(x, "node");
		eg_xml_attr(x, "id", n->id);
		eg_xml_attr(x, "label", n->label);
		if (dynamic && n->first_date && !g->periods)
			eg_xml_attr(x, "start", n->first_date);
		attvalues(x, g, i, eg_node_attrs, eg_node_attrs_for(g), eg_node_attr_value, scratch, 0);
		if (g->periods)
			period_values(x, g, i, 0, 1);
		eg_xml_start(x, "viz:color");
		snprintf(buf, sizeof(buf), "%u", n->r);
		eg_xml_attr(x, "r", buf);
		snprintf(buf, sizeof(buf), "%u", n->g);
		eg_xml_attr(x, "g", buf);
		snprintf(buf, sizeof(buf), "%u", n->b);
		eg_xml_attr(x, "b", buf);
		eg_xml_end(x);
		eg_xml_start(x, "viz:position");
		eg_format_double(buf, n->x);
		eg_xml_attr(x, "x", buf);
		eg_format_double(buf, n->y);
		eg_xml_attr(x, "y", buf);
		eg_xml_attr(x, "z", "0");
		eg_xml_end(x);
		eg_xml_start(x, "viz:size");
		eg_format_double(buf, n->size);
		eg_xml_attr(x, "value", buf);
		eg_xml_end(x);
		eg_xml_end(x);
	}
	eg_xml_end(x);
}

typedef struct edge_context {
	const eg_graph *g;
	int dynamic;
} edge_context;

/* One link (graph.h: an edge, or a relation link, of type directed in
 * an undirected graph, a mixed graph as GEXF 1.3 and Gephi allow; no label,
 * which Gephi would take for an edge type); an eg_xml_item_fn, so that
 * links can be formatted on several threads. */
static void write_edge(eg_xml *x, size_t i, const void *context, eg_buf *scratch)
{
	const edge_context *c = context;
	const eg_graph *g = c->g;
	int edge = i < g->edge_count;
	char buf[64];
	uint32_t source, target;
	eg_graph_link_ends(g, i, &source, &target);
	eg_graph_link_id(g, i, scratch);
	eg_xml_start(x, "edge");
	eg_xml_attr(x, "id", scratch->data);
	eg_xml_attr(x, "source", g->nodes[source].id);
	eg_xml_attr(x, "target", g->nodes[target].id);
	if (!edge)
		eg_xml_attr(x, "type", "directed");
	eg_format_double(buf, eg_graph_link_weight(g, i));
	eg_xml_attr(x, "weight", buf);
	const char *start = edge && c->dynamic && !g->periods ? eg_graph_edge_pair(g, i).first_date : NULL;
	if (start)
		eg_xml_attr(x, "start", start);
	attvalues(x, g, i, eg_edge_attrs, eg_edge_attrs_for(g), eg_edge_attr_value, scratch, 1);
	if (edge && g->periods)
		period_values(x, g, i, 1, 1);
	eg_xml_end(x);
}

int eg_gexf_write(FILE *fp, const eg_graph *g, const eg_provenance *provenance, unsigned threads, eg_error *err)
{
	int dynamic = g->periods != NULL;
	for (size_t i = 0; i < g->node_count && !dynamic; i++)
		dynamic = g->nodes[i].first_date != NULL;
	eg_xml x;
	if (eg_xml_open(&x, fp, err) < 0)
		return -1;
	eg_xml_start(&x, "gexf");
	eg_xml_attr(&x, "xmlns", "http://gexf.net/1.3");
	eg_xml_attr(&x, "xmlns:viz", "http://gexf.net/1.3/viz");
	eg_xml_attr(&x, "version", "1.3");
	eg_xml_start(&x, "meta");
	/* The date of the newest document, not the clock's: the same inputs
	 * give the same bytes. */
	if (provenance && provenance->last_date)
		eg_xml_attr(&x, "lastmodifieddate", provenance->last_date);
	eg_xml_element(&x, "creator", "entgraph " EG_VERSION);
	eg_buf description = {0};
	eg_buf_adds(&description, "Entities that occur together in news articles");
	if (provenance) {
		eg_buf_adds(&description, ". ");
		eg_provenance_describe(provenance, &description);
	}
	eg_xml_element(&x, "description", description.data);
	eg_buf_free(&description);
	eg_xml_end(&x);
	eg_xml_start(&x, "graph");
	eg_xml_attr(&x, "defaultedgetype", "undirected");
	eg_xml_attr(&x, "mode", dynamic ? "dynamic" : "static");
	if (dynamic)
		eg_xml_attr(&x, "timeformat", "date");
	/* Values per period: a node's mentions, an edge's weight. */
	static const char *const node_extra[] = {"period_mentions", "integer"}, *const edge_extra[] = {"weight", "double"};
	declare(&x, "node", eg_node_attrs, eg_node_attrs_for(g), g->periods ? node_extra : NULL);
	declare(&x, "edge", eg_edge_attrs, eg_edge_attrs_for(g), g->periods ? edge_extra : NULL);
	eg_buf scratch = {0};
	write_nodes(&x, g, dynamic, &scratch);
	eg_buf_free(&scratch);
	edge_context edges = {.g = g, .dynamic = dynamic};
	eg_xml_start(&x, "edges");
	eg_xml_items(&x, eg_graph_link_count(g), write_edge, &edges, threads);
	eg_xml_end(&x);
	return eg_xml_close(&x, "GEXF", err);
}
