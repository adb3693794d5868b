/*
 * html: the interactive report (-f html), one self-contained HTML file
 * that opens from disk with nothing fetched: the page of src/report/
 * (markup, style and the script with sigma.js and graphology, bundled at
 * build time into report_page.c) around the graph's data.
 *
 * The data is one JSON object in <script type="application/json"
 * id="eg-data">, every "<" written as \u003c so no text of an article can
 * end the element.  Arrays rather than objects per node and edge, since
 * the keys would be most of a large graph; src/report/data.mjs reads them:
 *   {"format":"entgraph-report","version":1,"provenance":{...},
 *    "types":[[name,"#rrggbb"],...],       ascending by name
 *    "period":"day"|"week"|"month"|null, "periods":[first day,...],
 *    "documents":[[id,date,title,outlet,url],...],  the evidence documents,
 *                                      in order of first use (edges, then
 *                                      nodes); null where unknown
 *    "sentences":[text,...],           the distinct evidence sentences
 *    "nodes":[[id,label,type,x,y,size,mentions,documents,first_seen,
 *              last_seen,category,surface_forms,candidates,sources,
 *              pagerank,community,[period,documents,...],
 *              [document,sentence,...]],...],
 *    "edges":[[source,target,weight,count,documents,first_seen,last_seen,
 *              [document,sentence,...],[period,windows,...],
 *              [predicate,instances,...]],...]}
 * with type, source, target, document, sentence and period indexes into
 * their arrays, numbers as JSON numbers, lists flat in pairs, and
 * surface_forms, candidates and sources as the other formats write them
 * (" | " between items; null for none).  The
 * evidence is each edge's and each node's (at most --evidence documents
 * per link and per entity: graph/cooc.h), a node's sentence the one of its
 * first mention in that document; an edge's predicates are its first
 * EG_PREDICATES_LISTED (graph.h), the most stated first.
 * Deterministic: identical graphs give identical bytes.
 *
 * eg_html_available is 0 in a build made without node and the npm
 * packages (meson option report=disabled, or auto without them), and then
 * eg_html_write fails saying so.
 */
#ifndef EG_HTML_H
#define EG_HTML_H

#include <stdio.h>

#include "graph/graph.h"
#include "output/provenance.h"
#include "util/util.h"

extern const int eg_html_available;
/* Why, when it is 0: one sentence that says what to do. */
extern const char eg_html_unavailable[];

int eg_html_write(FILE *fp, const eg_graph *g, const eg_provenance *provenance, eg_error *err);

#endif
