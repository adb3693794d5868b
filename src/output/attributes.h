/*
 * attributes: the node and edge attributes every graph format writes, in
 * one list, so that GraphML, GEXF, CSV and JSON agree on names, types and
 * values.
 *
 * eg_attr_value formats attribute k of a node or edge as text: integers in
 * decimal, doubles in the shortest form that reads back exactly
 * (eg_format_double), strings as they are (the writer escapes them).  It
 * returns NULL where the attribute has no value for that node or edge (no
 * category, no dated document, no snippet), which writers leave out.
 */
#ifndef EG_ATTRIBUTES_H
#define EG_ATTRIBUTES_H

#include <stddef.h>

#include "graph/graph.h"

typedef enum eg_attr_type { EG_ATTR_STRING, EG_ATTR_INT, EG_ATTR_DOUBLE } eg_attr_type;

typedef struct eg_attr {
	const char *name;      /* as Gephi, networkx and igraph show it */
	const char *graphml_id; /* unique among all GraphML keys */
	eg_attr_type type;
} eg_attr;

/* label first; x, y, size, r, g, b are Gephi's visual attributes.  The
 * entity's type is `entity_type`, never `type`: sigma.js, which most web
 * viewers embed, takes a node's `type` for the name of its drawing program
 * and throws on "ORG".  One name in every format, so a column or key means
 * the same wherever the graph is read. */
extern const eg_attr eg_node_attrs[];
extern const size_t eg_node_attr_count;
/* weight first. */
extern const eg_attr eg_edge_attrs[];
extern const size_t eg_edge_attr_count;

/* Separates the items of a list attribute: an edge's `evidence` (document
 * ids) and its evidence_dates, evidence_titles, evidence_outlets and
 * evidence_urls (item i for evidence id i, empty where unknown), a node's
 * `sources`. */
#define EG_LIST_SEPARATOR " | "
/* An edge's `predicates` lists this many, most instances first. */
#define EG_PREDICATES_LISTED 5

/* buf holds at least 64 bytes; scratch grows for long strings. */
/* How many of eg_node_attrs / eg_edge_attrs a graph's outputs carry: the
 * per-period lists, last, only when it has periods (graph/periods.h). */
size_t eg_node_attrs_for(const eg_graph *g);
size_t eg_edge_attrs_for(const eg_graph *g);
const char *eg_node_attr_value(const eg_graph *g, size_t node, size_t k, char *buf, eg_buf *scratch);
/* An edge from edge_count on is relation edge - edge_count (eg_graph's
 * relations): weight and count its instances, documents, predicate and
 * link_kind "relation"; co-occurrence edges have link_kind "cooccurrence"
 * when the graph has relations, none otherwise. */
const char *eg_edge_attr_value(const eg_graph *g, size_t edge, size_t k, char *buf, eg_buf *scratch);

/* Valid UTF-8 that XML 1.0 can hold, and CSV readers too: invalid
 * sequences, C0 controls other than tab, newline and carriage return,
 * U+FFFE and U+FFFF are dropped.  Every text output's cells pass here.
 * Returns s itself when nothing is (printable ASCII), else scratch's copy. */
const char *eg_xml_safe(const char *s, eg_buf *scratch);

#endif
