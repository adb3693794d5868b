#include "output/graphml.h"
#include "text/utf8.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include <libxml/xmlwriter.h>

typedef struct key {
	const char *id, *domain, *name, *type;
} key;

/* Node keys, then edge keys, in the order they are declared and written.
 * attr.name is what Gephi, networkx and igraph show; ids only need to be
 * unique, so the edge ones carry a prefix. */
static const key keys[] = {
	{"label", "node", "label", "string"},
	{"type", "node", "type", "string"},
	{"category", "node", "category", "string"},
	{"mentions", "node", "mentions", "int"},
	{"documents", "node", "documents", "int"},
	{"degree", "node", "degree", "double"},
	{"weighted_degree", "node", "weighted_degree", "double"},
	{"weight", "edge", "weight", "double"},
	{"edge_documents", "edge", "documents", "int"},
};

/* Copies s without what XML 1.0 cannot hold: invalid UTF-8, C0 controls
 * other than tab, newline and carriage return, U+FFFE and U+FFFF. */
static const char *xml_safe(const char *s, eg_buf *scratch)
{
	eg_buf_clear(scratch);
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		int len;
		uint32_t cp = eg_utf8_decode((const unsigned char *)s + i, n - i, &len);
		int allowed = cp != EG_UTF8_INVALID && (cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r') &&
			      cp != 0xFFFE && cp != 0xFFFF;
		if (allowed)
			eg_buf_add(scratch, s + i, (size_t)len);
		i += (size_t)len;
	}
	eg_buf_add(scratch, "", 0);
	return scratch->data;
}

typedef struct writer {
	xmlTextWriterPtr w;
	FILE *fp;
	eg_buf scratch;
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
	check(w, xmlTextWriterWriteString(w->w, BAD_CAST xml_safe(value, &w->scratch)));
	check(w, xmlTextWriterEndElement(w->w));
}

static void data_uint(writer *w, const char *key_id, uint64_t value)
{
	char text[32];
	snprintf(text, sizeof(text), "%" PRIu64, value);
	data(w, key_id, text);
}

static void data_double(writer *w, const char *key_id, double value)
{
	char text[32];
	eg_format_double(text, value);
	data(w, key_id, text);
}

static void write_keys(writer *w)
{
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		check(w, xmlTextWriterStartElement(w->w, BAD_CAST "key"));
		check(w, xmlTextWriterWriteAttribute(w->w, BAD_CAST "id", BAD_CAST keys[i].id));
		check(w, xmlTextWriterWriteAttribute(w->w, BAD_CAST "for", BAD_CAST keys[i].domain));
		check(w, xmlTextWriterWriteAttribute(w->w, BAD_CAST "attr.name", BAD_CAST keys[i].name));
		check(w, xmlTextWriterWriteAttribute(w->w, BAD_CAST "attr.type", BAD_CAST keys[i].type));
		check(w, xmlTextWriterEndElement(w->w));
	}
}

static void write_nodes(writer *w, const eg_graph *g)
{
	for (size_t i = 0; i < g->node_count && !stopped(w); i++) {
		const eg_graph_node *n = &g->nodes[i];
		check(w, xmlTextWriterStartElement(w->w, BAD_CAST "node"));
		check(w, xmlTextWriterWriteAttribute(w->w, BAD_CAST "id", BAD_CAST n->id));
		data(w, "label", n->label);
		data(w, "type", n->type);
		if (n->category && *n->category)
			data(w, "category", n->category);
		data_uint(w, "mentions", n->mentions);
		data_uint(w, "documents", n->documents);
		data_double(w, "degree", n->degree);
		data_double(w, "weighted_degree", n->weighted_degree);
		check(w, xmlTextWriterEndElement(w->w));
	}
}

static void write_edges(writer *w, const eg_graph *g)
{
	char id[32];
	for (size_t i = 0; i < g->edge_count && !stopped(w); i++) {
		const eg_graph_edge *e = &g->edges[i];
		snprintf(id, sizeof(id), "e%zu", i);
		check(w, xmlTextWriterStartElement(w->w, BAD_CAST "edge"));
		check(w, xmlTextWriterWriteAttribute(w->w, BAD_CAST "id", BAD_CAST id));
		check(w, xmlTextWriterWriteAttribute(w->w, BAD_CAST "source", BAD_CAST g->nodes[e->source].id));
		check(w, xmlTextWriterWriteAttribute(w->w, BAD_CAST "target", BAD_CAST g->nodes[e->target].id));
		data_double(w, "weight", e->weight);
		data_uint(w, "edge_documents", e->documents);
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
	write_nodes(&w, g);
	write_edges(&w, g);
	check(&w, xmlTextWriterEndDocument(w.w));
	check(&w, xmlTextWriterFlush(w.w));
	xmlFreeTextWriter(w.w);
	eg_buf_free(&w.scratch);
	errno = 0;
	if (!w.io_error && (fflush(fp) != 0 || ferror(fp)))
		w.io_error = errno ? errno : EIO;
	if (w.io_error)
		return eg_error_set(err, "cannot write the GraphML: %s", strerror(w.io_error));
	if (w.failed)
		return eg_error_set(err, "cannot write the GraphML: the XML writer failed");
	return 0;
}
