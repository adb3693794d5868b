/*
 * snapshot: a graph as `entgraph diff` compares it, read back from a
 * GraphML file that entgraph wrote, or from a partial result (merged and
 * joined as a graph of it would be, graph/identity.h).
 *
 * Per node its id, label, type, mentions, documents, first date,
 * position and size; per link its endpoints (ids, source < target), windows,
 * documents, first date and evidence documents (id, date, title, outlet,
 * URL and, from a partial, the sentence; from GraphML the snippet stands
 * for the first document's sentence).  Nodes and links are sorted by id.
 * The GraphML is read as a stream; a partial through store/partial.h.
 */
#ifndef EG_SNAPSHOT_H
#define EG_SNAPSHOT_H

#include <stddef.h>
#include <stdint.h>

#include "util/map.h"
#include "util/util.h"

typedef struct eg_snap_evidence {
	char *document, *date, *title, *outlet, *url, *sentence; /* NULL where unknown (document never) */
} eg_snap_evidence;

typedef struct eg_snap_node {
	char *id, *label, *type, *first_seen; /* first_seen NULL when undated */
	uint64_t mentions, documents;
	double x, y;
	double size;          /* the disc's radius its graph drew it with; 0 when unknown */
	int placed;
} eg_snap_node;

typedef struct eg_snap_edge {
	char *id;             /* "SOURCE--TARGET" */
	char *source, *target;
	uint64_t count, documents;
	char *first_seen;
	eg_snap_evidence *evidence;
	size_t evidence_count;
} eg_snap_edge;

typedef struct eg_snapshot {
	eg_snap_node *nodes;
	size_t node_count, node_cap;
	eg_snap_edge *edges;
	size_t edge_count, edge_cap;
	eg_strmap node_index, edge_index; /* id -> position, after eg_snapshot_read */
} eg_snapshot;

/* Reads path (GraphML or a partial).  Returns 0, or -1 with err
 * "PATH[:LINE]: what is wrong". */
int eg_snapshot_read(const char *path, eg_snapshot *out, eg_error *err);
const eg_snap_node *eg_snapshot_node(const eg_snapshot *s, const char *id);
const eg_snap_edge *eg_snapshot_edge(const eg_snapshot *s, const char *id);
void eg_snapshot_free(eg_snapshot *s);

#endif
