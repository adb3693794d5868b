#include "output/graphml.h"
#include "output/attributes.h"
#include "output/items.h"
#include "output/xml.h"

#include <string.h>

void eg_graphml_data(eg_xml *x, const char *key_id, const char *value)
{
	eg_xml_start(x, "data");
	eg_xml_attr(x, "key", key_id);
	eg_xml_text(x, value);
	eg_xml_end(x);
}

void eg_graphml_begin(eg_xml *x)
{
	eg_xml_start(x, "graphml");
	eg_xml_attr(x, "xmlns", "http://graphml.graphdrawing.org/xmlns");
	eg_xml_attr(x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	eg_xml_attr(x, "xsi:schemaLocation",
		    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
}

void eg_graphml_key(eg_xml *x, const char *id, const char *domain, const char *name, const char *type)
{
	eg_xml_start(x, "key");
	eg_xml_attr(x, "id", id);
	eg_xml_attr(x, "for", domain);
	eg_xml_attr(x, "attr.name", name);
	eg_xml_attr(x, "attr.type", type);
	eg_xml_end(x);
}

/* GraphML's attr.type: whole numbers are int, as SPEC.md has them (and
 * Gephi wants r, g and b: it rejects "255.0"). */
static const char *graphml_type(const eg_attr *a)
{
	if (a->type == EG_ATTR_STRING)
		return "string";
	return a->type == EG_ATTR_DOUBLE ? "double" : "int";
}

static void write_keys(eg_xml *x, const eg_graph *g)
{
	for (size_t i = 0; i < eg_node_attrs_for(g); i++)
		eg_graphml_key(x, eg_node_attrs[i].graphml_id, "node", eg_node_attrs[i].name, graphml_type(&eg_node_attrs[i]));
	for (size_t i = 0; i < eg_edge_attrs_for(g); i++)
		eg_graphml_key(x, eg_edge_attrs[i].graphml_id, "edge", eg_edge_attrs[i].name, graphml_type(&eg_edge_attrs[i]));
	if (g->relations) /* the relation links' label, as Gephi shows one */
		eg_graphml_key(x, "edge_label", "edge", "label", "string");
}

static void write_nodes(eg_xml *x, const eg_graph *g, eg_buf *value)
{
	char buf[64];
	for (size_t i = 0; i < g->node_count && !eg_xml_stopped(x); i++) {
		eg_xml_start(x, "node");
		eg_xml_attr(x, "id", g->nodes[i].id);
		for (size_t k = 0; k < eg_node_attrs_for(g); k++) {
			const char *v = eg_node_attr_value(g, i, k, buf, value);
			if (v)
				eg_graphml_data(x, eg_node_attrs[k].graphml_id, v);
		}
		eg_xml_end(x);
	}
}

/* One link (graph.h: an edge, or a relation link, directed, as GraphML
 * allows in an undirected graph and Gephi reads as a mixed graph, labelled
 * by its predicate); an eg_xml_item_fn, so that links can be formatted on
 * several threads. */
static void write_edge(eg_xml *x, size_t i, const void *context, eg_buf *value)
{
	const eg_graph *g = context;
	char buf[64];
	uint32_t source, target;
	eg_graph_link_ends(g, i, &source, &target);
	eg_graph_link_id(g, i, value);
	eg_xml_start(x, "edge");
	eg_xml_attr(x, "id", value->data);
	eg_xml_attr(x, "source", g->nodes[source].id);
	eg_xml_attr(x, "target", g->nodes[target].id);
	if (i >= g->edge_count)
		eg_xml_attr(x, "directed", "true");
	for (size_t k = 0; k < eg_edge_attrs_for(g); k++) {
		const char *v = eg_edge_attr_value(g, i, k, buf, value);
		if (v)
			eg_graphml_data(x, eg_edge_attrs[k].graphml_id, v);
	}
	if (i >= g->edge_count)
		eg_graphml_data(x, "edge_label", g->relations[i - g->edge_count].first[0].predicate);
	eg_xml_end(x);
}

int eg_graphml_write(FILE *fp, const eg_graph *g, const eg_provenance *provenance, unsigned threads,
		     eg_error *err)
{
	eg_xml x;
	if (eg_xml_open(&x, fp, err) < 0)
		return -1;
	eg_graphml_begin(&x);
	write_keys(&x, g);
	eg_xml_start(&x, "graph");
	eg_xml_attr(&x, "id", "G");
	eg_xml_attr(&x, "edgedefault", "undirected");
	eg_buf value = {0};
	if (provenance) {
		eg_provenance_describe(provenance, &value);
		eg_xml_element(&x, "desc", value.data);
		eg_buf_clear(&value);
	}
	write_nodes(&x, g, &value);
	eg_buf_free(&value);
	eg_xml_items(&x, eg_graph_link_count(g), write_edge, g, threads);
	return eg_xml_close(&x, "GraphML", err);
}
