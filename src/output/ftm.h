/*
 * ftm: the graph as FollowTheMoney entities (-f ftm), the model of Aleph
 * and OpenAleph: JSON Lines, one entity a line,
 *   {"id":...,"schema":...,"properties":{"name":["..."],...}}
 * every property value a list of strings.
 *
 * - A node is a Person (PERSON), a PublicBody (UNIT, and ORG of a state's
 *   category: government, military, intelligence, police, regulator,
 *   court, central bank, intergovernmental, ...), a Company (ORG of a
 *   business category: company, tech, bank, airline, ...), an
 *   Organization (other ORG), an Address (PLACE: name and full), an Asset
 *   (PRODUCT: FtM has no schema for products) or a LegalEntity (any other
 *   type).  Its id is the node's id; name is its label, alias its other
 *   surface forms, classification (or description) its category, proof
 *   the Articles of its evidence documents.
 * - Each evidence document (of a link or an entity) is an Article, id
 *   "article." and 16 hex digits of a hash of the document's id: name
 *   (the title, else the id), fileName (the id), title, publisher (the
 *   outlet), sourceUrl (when http or https), date and publishedAt.
 * - Each entity evidence item is a Mention (id "mention." and a hash of
 *   document and entity): document, name (the label), detectedSchema, and
 *   resolved (the entity) where its schema is a legal entity.
 * - Each link is an UnknownLink (id "link." and the edge's id): subject
 *   and object, role "co-occurs", summary (its windows and documents),
 *   startDate and endDate (first and last seen), description (its evidence
 *   sentences), sourceUrl (its evidence documents' http(s) URLs).
 * Nodes, then Articles, Mentions and UnknownLinks, in the graph's orders:
 * deterministic, like every writer.
 */
#ifndef EG_FTM_H
#define EG_FTM_H

#include <stdio.h>

#include "graph/graph.h"
#include "util/util.h"

/* The FtM schema of a node of type and category (never NULL). */
const char *eg_ftm_schema(const char *type, const char *category);

int eg_ftm_write(FILE *fp, const eg_graph *g, eg_error *err);

#endif
