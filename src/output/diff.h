/*
 * diff: what changed between two graphs (graph/snapshot.h), as `entgraph
 * diff` writes it.
 *
 * An entity is new (only in the new graph), gone (only in the old), or
 * stronger or weaker (in more or fewer documents), else unchanged.  A link
 * is new, gone, stronger (in more documents, or as many in more windows),
 * weaker (the other way) or unchanged.  What is new of a link is the
 * evidence documents the new graph names and the old does not (each graph
 * names at most its --evidence first documents, so a link that only grew
 * beyond them shows its counts, not its newest articles).
 *
 * Formats:
 * - markdown: a report for a person, in a terminal or an e-mail: a summary
 *   line, then new entities, entities gone, new links, stronger and weaker
 *   links and links gone, the most documents first, at most EG_DIFF_SHOWN
 *   of each (the count of the rest said), each link with its first date
 *   and its new evidence (date, outlet, title linked to the URL, sentence);
 * - json: everything, for scripts (README, "entgraph diff");
 * - graphml: the union of both graphs, each node and link with `change`
 *   and colours by change (r, g, b), positions and sizes from the new graph
 *   (the old for what is gone), old and new counts, so Gephi shows what
 *   moved.
 * All are deterministic: sorted by documents, windows and id.
 */
#ifndef EG_DIFF_H
#define EG_DIFF_H

#include <stddef.h>
#include <stdio.h>

#include "graph/snapshot.h"
#include "util/util.h"

#define EG_DIFF_SHOWN 50 /* entries per section of the Markdown report */

typedef enum eg_diff_format { EG_DIFF_MARKDOWN, EG_DIFF_JSON, EG_DIFF_GRAPHML } eg_diff_format;

typedef struct eg_diff_counts {
	size_t new_nodes, gone_nodes, stronger_nodes, weaker_nodes;
	size_t new_edges, gone_edges, stronger_edges, weaker_edges;
} eg_diff_counts;

/* Compares old and new (named as given) and writes the format to fp.
 * Returns 0 with *counts filled, or -1 with err when writing failed. */
int eg_diff_write(FILE *fp, const eg_snapshot *old, const eg_snapshot *new, const char *old_name,
		  const char *new_name, eg_diff_format format, eg_diff_counts *counts, eg_error *err);
/* 1 when counts hold any change. */
int eg_diff_changed(const eg_diff_counts *counts);

#endif
