/*
 * previous: an earlier run's picture, for a re-run to keep (--previous).
 *
 * From a GraphML or GEXF file that entgraph wrote, per node id its position
 * (GraphML's x and y keys, GEXF's viz:position), community number and
 * documents (the community and documents keys or attributes).  The file is read as a stream, node by node,
 * so a graph of any size costs the memory of its ids and numbers only; its
 * edges are skipped.  A node without a position or a community has none
 * here.  The previous graph may come from other filters or another corpus:
 * only the ids that this run's graph shares with it are used.
 *
 * eg_graph_build (graph.h) then starts from it.  A node in as many documents
 * as before was in none of the new ones, and neither were its links: it
 * keeps its community, and only the others (new, or in other documents now)
 * move, each to the community of its neighbours that gains modularity most
 * (metrics.c); where the graphs share less than half their nodes, the
 * communities are found afresh and each keeps the number of the previous
 * one it overlaps most.  The nodes that had a position keep it, new nodes
 * being laid out next to their neighbours (layout.h, pinned).
 */
#ifndef EG_PREVIOUS_H
#define EG_PREVIOUS_H

#include <stddef.h>
#include <stdint.h>

#include "util/map.h"
#include "util/util.h"

typedef struct eg_previous_node {
	double x, y;
	int64_t community; /* -1: none */
	int64_t documents; /* the documents that mentioned it, -1: unknown */
	int placed;        /* has x and y */
} eg_previous_node;

typedef struct eg_previous {
	eg_strmap ids;          /* node id -> index into nodes */
	eg_previous_node *nodes;
	size_t count, cap;
	int64_t communities;    /* 1 + the highest community number, 0 for none */
} eg_previous;

/* Reads path.  Returns 0, or -1 with err "PATH: what is wrong" (not found,
 * not XML, neither GraphML nor GEXF, a number that is not one); err_no
 * receives errno for a file that cannot be opened (ENOENT: a first run). */
int eg_previous_read(const char *path, eg_previous *out, int *err_no, eg_error *err);
/* Adds (or replaces) node id. */
void eg_previous_add(eg_previous *p, const char *id, const eg_previous_node *node);
/* The node of id, or NULL. */
const eg_previous_node *eg_previous_find(const eg_previous *p, const char *id);
void eg_previous_free(eg_previous *p);

#endif
