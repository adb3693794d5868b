/*
 * relcount: how often the documents state each relation (match/relations.h)
 * between two entities, for the graph and the partial results.
 *
 * A relation is counted under (subject, object, kind, predicate), where the
 * predicate is the instance's, with "not " before it when negated and
 * "former " when the role is over ("not be involved in", "former employee
 * of"): what the graph's links show.  Per relation: its instances and the
 * documents that state it, and its evidence: the smallest document id
 * stating it, with the sentence of its first instance there.  Sums and
 * minimums only, so adding in any order, merging shards and joining
 * entities give the same counts.
 *
 * Memory grows with the distinct relations, not the documents.
 */
#ifndef EG_RELCOUNT_H
#define EG_RELCOUNT_H

#include <stddef.h>
#include <stdint.h>

#include "document.h"
#include "match/relations.h"

typedef struct eg_relcount eg_relcount;

typedef struct eg_relation_counts {
	uint32_t subject, object;   /* entity indexes */
	eg_relation_kind kind;
	const char *predicate;      /* owned by the eg_relcount */
	uint64_t instances, documents;
	const char *document;       /* the smallest id of a document stating it, NULL
				       when unknown; owned by the eg_relcount */
	const char *sentence;       /* its sentence there (an excerpt of EG_SENTENCE_MAX
				       bytes around both names), its first instance's */
} eg_relation_counts;

eg_relcount *eg_relcount_new(void);
void eg_relcount_free(eg_relcount *r);

/* Counts one document's (or one part's: a document counts once however
 * many parts state it, its parts coming one after another, the first at
 * offset 0) relations between its mentions (their entities as counted). */
void eg_relcount_add(eg_relcount *r, const eg_document *doc, const eg_relation *rels, size_t n,
		     const eg_mention *mentions);
/* The counts of a relation made elsewhere, entities in this numbering;
 * -1 when a sum would pass 2^64 - 1, changing nothing. */
int eg_relcount_merge(eg_relcount *r, const eg_relation_counts *counts);
/* Moves every entity e below n onto into[e]; a relation of an entity with
 * itself after that goes. */
int eg_relcount_join(eg_relcount *r, const uint32_t *into, size_t n);

/* The relations, numbered 0 to count - 1 in an order that depends on the
 * order they were first counted: callers sort. */
size_t eg_relcount_count(const eg_relcount *r);
eg_relation_counts eg_relcount_get(const eg_relcount *r, size_t i);

/* The predicate an instance is counted under, in out. */
void eg_relcount_predicate(const eg_relation *rel, char out[EG_PREDICATE_MAX + 16]);

#endif
