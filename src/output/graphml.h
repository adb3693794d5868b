/*
 * graphml: writes an eg_graph as GraphML through libxml2's xmlTextWriter.
 *
 * The document is valid against the GraphML 1.0/1.1 schema, uses the key
 * names Gephi recognises (SPEC.md), declares edgedefault="undirected", and
 * contains nothing that varies between runs: identical graphs give
 * byte-identical files.  Keys are those of output/attributes.h, declared
 * for="node" or for="edge" as Gephi requires; none for the graph, which
 * Gephi's importer rejects.  How the graph was made (provenance.h) is the
 * graph's <desc>, one line of "field: value" pairs; none when provenance
 * is NULL.
 *
 * With threads > 1 the edges are formatted on that many threads (the bytes
 * stay the same); 1 keeps to the calling thread.
 */
#ifndef EG_GRAPHML_H
#define EG_GRAPHML_H

#include <stdio.h>

#include "graph/graph.h"
#include "output/provenance.h"
#include "output/xml.h"
#include "util/util.h"

/* The <graphml> element with its namespaces, a <key> declaration, and a
 * <data> element: for other GraphML writers (output/diff.c). */
void eg_graphml_begin(eg_xml *x);
void eg_graphml_key(eg_xml *x, const char *id, const char *domain, const char *name, const char *type);
void eg_graphml_data(eg_xml *x, const char *key_id, const char *value);

int eg_graphml_write(FILE *fp, const eg_graph *g, const eg_provenance *provenance, unsigned threads,
		     eg_error *err);

#endif
