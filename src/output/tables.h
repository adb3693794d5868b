/*
 * tables: an eg_graph as CSV tables for Gephi's spreadsheet import, and as
 * node-link JSON.
 *
 * CSV (RFC 4180: comma separated, CRLF line ends, fields with a comma,
 * quote or line break quoted, quotes doubled): a nodes table whose first
 * columns are Id and Label, then every other node attribute of
 * output/attributes.h, and an edges table whose first columns are Source,
 * Target, Type ("Undirected") and Weight, then the other edge attributes;
 * Gephi's importer recognises those first columns by name.  An attribute
 * without a value is an empty field.  Given a meta file and a provenance,
 * it gets a field,value header and one row per provenance field
 * (provenance.h), an empty value where the field has none.
 *
 * JSON: the node-link form networkx's node_link_graph and d3 read:
 *   {"directed":false,"multigraph":false,"graph":{"version":...,
 *    "command":...,...,"documents":N,...},"nodes":[{"id":...,<attributes>}],
 *    "links":[{"source":...,"target":...,<attributes>}]}
 * with "graph" the provenance fields (empty when provenance is NULL),
 * numbers as JSON numbers and absent values left out.
 *
 * Evidence CSV: a row per edge and evidence document, edges in the edges
 * table's order and documents in the order of its `evidence`, with columns
 * Source, Target, document, date, title, outlet, url, sentence (empty
 * where unknown).
 *
 * All are deterministic: identical graphs give identical bytes.
 */
#ifndef EG_TABLES_H
#define EG_TABLES_H

#include <stdio.h>

#include "graph/graph.h"
#include "output/provenance.h"
#include "util/util.h"

int eg_csv_write(FILE *nodes, FILE *edges, FILE *meta, const eg_graph *g, const eg_provenance *provenance,
		 eg_error *err);
int eg_csv_evidence_write(FILE *fp, const eg_graph *g, eg_error *err);
int eg_json_write(FILE *fp, const eg_graph *g, const eg_provenance *provenance, eg_error *err);

#endif
