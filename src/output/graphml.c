#include "output/graphml.h"
#include "output/attributes.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include <libxml/xmlwriter.h>

typedef struct writer {
	xmlTextWriterPtr w;
	FILE *fp;
	eg_buf scratch, value;
	int failed;   /* a libxml2 call failed */
	int io_error; /* errno of the first failed write, 0 while none */
} writer;

static void check(writer *w, int rc)
{
	if (rc < 0)
		w->failed = 1;
}

/* libxml2 prints a message on stderr when its own output callback fails, and
 * library code must not print; so this one never fails towards libxml2,
 * remembers the first error and drops the rest of the output. */
static int write_out(void *context, const char *data, int length)
{
	writer *w = context;
	if (w->io_error)
		return length;
	errno = 0;
	if (fwrite(data, 1, (size_t)length, w->fp) != (size_t)length)
		w->io_error = errno ? errno : EIO;
	return length;
}

static int stopped(const writer *w)
{
	return w->failed || w->io_error;
}

static void data(writer *w, const char *key_id, const char *value)
{
	check(w, xmlTextWriterStartElement(w->w, BAD_CAST "data"));
	check(w, xmlTextWriterWriteAttribute(w->w, BAD_CAST "key", BAD_CAST key_id));
	check(w, xmlTextWriterWriteString(w->w, BAD_CAST eg_xml_safe(value, &w->scratch)));
	check(w, xmlTextWriterEndElement(w->w));
}

static void key(writer *w, const char *id, const char *domain, const char *name, const char *type)
{
	check(w, xmlTextWriterStartElement(w->w, BAD_CAST "key"));
	check(w, xmlTextWriterWriteAttribute(w->w, BAD_CAST "id", BAD_CAST id));
	check(w, xmlTextWriterWriteAttribute(w->w, BAD_CAST "for", BAD_CAST domain));
	check(w, xmlTextWriterWriteAttribute(w->w, BAD_CAST "attr.name", BAD_CAST name));
	check(w, xmlTextWriterWriteAttribute(w->w, BAD_CAST "attr.type", BAD_CAST type));
	check(w, xmlTextWriterEndElement(w->w));
}

/* GraphML's attr.type: Gephi wants r, g and b as int (it rejects "255.0")
 * and counts that may exceed 2^31 as long. */
static const char *graphml_type(const eg_attr *a)
{
	if (a->type == EG_ATTR_STRING)
		return "string";
	if (a->type == EG_ATTR_DOUBLE)
		return "double";
	return strlen(a->name) == 1 ? "int" : "long";
}

static void write_keys(writer *w)
{
	key(w, "weighting", "graph", "weighting", "string");
	key(w, "document_count", "graph", "documents", "long");
	for (size_t i = 0; i < eg_node_attr_count; i++)
		key(w, eg_node_attrs[i].graphml_id, "node", eg_node_attrs[i].name, graphml_type(&eg_node_attrs[i]));
	for (size_t i = 0; i < eg_edge_attr_count; i++)
		key(w, eg_edge_attrs[i].graphml_id, "edge", eg_edge_attrs[i].name, graphml_type(&eg_edge_attrs[i]));
}

static void write_nodes(writer *w, const eg_graph *g)
{
	char buf[64];
	for (size_t i = 0; i < g->node_count && !stopped(w); i++) {
		check(w, xmlTextWriterStartElement(w->w, BAD_CAST "node"));
		check(w, xmlTextWriterWriteAttribute(w->w, BAD_CAST "id", BAD_CAST g->nodes[i].id));
		for (size_t k = 0; k < eg_node_attr_count; k++) {
			const char *v = eg_node_attr_value(g, i, k, buf, &w->value);
			if (v)
				data(w, eg_node_attrs[k].graphml_id, v);
		}
		check(w, xmlTextWriterEndElement(w->w));
	}
}

static void write_edges(writer *w, const eg_graph *g)
{
	char id[32], buf[64];
	for (size_t i = 0; i < g->edge_count && !stopped(w); i++) {
		const eg_graph_edge *e = &g->edges[i];
		snprintf(id, sizeof(id), "e%zu", i);
		check(w, xmlTextWriterStartElement(w->w, BAD_CAST "edge"));
		check(w, xmlTextWriterWriteAttribute(w->w, BAD_CAST "id", BAD_CAST id));
		check(w, xmlTextWriterWriteAttribute(w->w, BAD_CAST "source", BAD_CAST g->nodes[e->source].id));
		check(w, xmlTextWriterWriteAttribute(w->w, BAD_CAST "target", BAD_CAST g->nodes[e->target].id));
		for (size_t k = 0; k < eg_edge_attr_count; k++) {
			const char *v = eg_edge_attr_value(g, i, k, buf, &w->value);
			if (v)
				data(w, eg_edge_attrs[k].graphml_id, v);
		}
		check(w, xmlTextWriterEndElement(w->w));
	}
}

int eg_graphml_write(FILE *fp, const eg_graph *g, eg_error *err)
{
	writer w = {.fp = fp};
	xmlOutputBufferPtr out = xmlOutputBufferCreateIO(write_out, NULL, &w, NULL);
	if (!out)
		return eg_error_set(err, "cannot start the GraphML writer");
	w.w = xmlNewTextWriter(out);
	if (!w.w) {
		xmlOutputBufferClose(out);
		return eg_error_set(err, "cannot start the GraphML writer");
	}
	check(&w, xmlTextWriterSetIndent(w.w, 1));
	check(&w, xmlTextWriterSetIndentString(w.w, BAD_CAST "  "));
	check(&w, xmlTextWriterStartDocument(w.w, "1.0", "UTF-8", NULL));
	check(&w, xmlTextWriterStartElement(w.w, BAD_CAST "graphml"));
	check(&w, xmlTextWriterWriteAttribute(w.w, BAD_CAST "xmlns", BAD_CAST "http://graphml.graphdrawing.org/xmlns"));
	check(&w, xmlTextWriterWriteAttribute(w.w, BAD_CAST "xmlns:xsi",
					       BAD_CAST "http://www.w3.org/2001/XMLSchema-instance"));
	check(&w, xmlTextWriterWriteAttribute(w.w, BAD_CAST "xsi:schemaLocation",
					       BAD_CAST "http://graphml.graphdrawing.org/xmlns "
							"http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"));
	write_keys(&w);
	check(&w, xmlTextWriterStartElement(w.w, BAD_CAST "graph"));
	check(&w, xmlTextWriterWriteAttribute(w.w, BAD_CAST "id", BAD_CAST "G"));
	check(&w, xmlTextWriterWriteAttribute(w.w, BAD_CAST "edgedefault", BAD_CAST "undirected"));
	data(&w, "weighting", eg_weighting_name((eg_weighting)g->weighting));
	char documents[32];
	snprintf(documents, sizeof(documents), "%" PRIu64, g->document_count);
	data(&w, "document_count", documents);
	write_nodes(&w, g);
	write_edges(&w, g);
	check(&w, xmlTextWriterEndDocument(w.w));
	check(&w, xmlTextWriterFlush(w.w));
	xmlFreeTextWriter(w.w);
	eg_buf_free(&w.scratch);
	eg_buf_free(&w.value);
	errno = 0;
	if (!w.io_error && (fflush(fp) != 0 || ferror(fp)))
		w.io_error = errno ? errno : EIO;
	if (w.io_error)
		return eg_error_set(err, "cannot write the GraphML: %s", strerror(w.io_error));
	if (w.failed)
		return eg_error_set(err, "cannot write the GraphML: the XML writer failed");
	return 0;
}
