/*
 * identity: one real-world entity is one node across the whole run.
 *
 * Matching reads one document at a time, and within a document a surname
 * already joins the full name it follows (match/resolve.h); across
 * documents "Satya Nadella" in one article and "Nadella" in the next would
 * stay two nodes.  This pass works on the counts of the whole run, after
 * every document is matched and before the graph is built, so that threads,
 * the cache and merged shards, which give the same counts, give the same
 * joins:
 * - A PERSON named by one word (a surname: "Nadella"; a title before it,
 *   "Mr. Nadella", is never part of the mention) joins the PERSON whose
 *   name of two words or more ends with that word ("Satya Nadella"), when
 *   exactly one does among the persons the run mentions and the names the
 *   dictionaries hold.  With two or more ("Clinton": Bill Clinton, Hillary
 *   Clinton) it joins none: it stays a node of its own, and its candidates
 *   are listed (eg_identity_candidates).  Words compare as ids do (ASCII
 *   case and accents aside).
 * - An ORG whose name ends in a legal form or a group word ("Microsoft
 *   Corp.", "Acme Widgets, Inc.", "Alibaba Group": see
 *   eg_name_without_legal_form)
 *   joins the ORG of the name without it ("Microsoft").  Where no such ORG
 *   is there, the ORGs that share the shorter name ("Acme Corp", "Acme
 *   Inc.") join the one of them with the smallest id.  Nothing else is a
 *   short form: "Amazon" and "Amazon Web Services" stay apart.
 * The entity joined onto keeps its id, label and category; it adds up the
 * counts of the names joined onto it (eg_cooc_join), whose surface forms
 * then show which names were joined.  The sums are exact where no document
 * names two of the names joined, and matching sees to that: in a document
 * a surname already joins the full name, and a company's legal form its
 * plain name (match/alias.h).
 *
 * The dictionaries are not loaded where shards are merged, so their names
 * travel in the counts: eg_identity_list, run where they are loaded,
 * lists in the counts (eg_cooc_list_entity) every name a short form of the
 * counts could join, and a partial keeps them.
 */
#ifndef EG_IDENTITY_H
#define EG_IDENTITY_H

#include <stddef.h>
#include <stdint.h>

#include "graph/cooc.h"
#include "match/entities.h"
#include "util/util.h"

/* Lists in counts the names of ents that a short form counted there could
 * join.  Run where the dictionaries are loaded, before the counts are
 * written or joined. */
void eg_identity_list(eg_cooc *counts, const eg_entities *ents);

typedef struct eg_identity {
	/* Per entity index below count: the labels of an ambiguous short
	 * form's candidates, ascending, labels[first[e], first[e] + n[e]);
	 * owned by ents. */
	const char **labels;
	size_t count;       /* labels */
	uint32_t *first, *n;
	size_t limit;       /* entities covered */
	uint32_t *into;     /* per entity below limit, the one it was joined onto
			       (itself when none): for other counts of the run
			       (graph/periods.h) */
	uint64_t joined;    /* entities joined onto another */
	uint64_t ambiguous; /* short forms left apart for having several candidates */
} eg_identity;

/* Joins the short forms of counts onto their entities (eg_cooc_join) and
 * fills out with the ambiguous ones.  Returns -1 with err set when a sum
 * would overflow (only crafted counts can). */
int eg_identity_join(eg_cooc *counts, const eg_entities *ents, eg_identity *out, eg_error *err);
/* The candidates of entity e: how many, *labels receiving them. */
uint32_t eg_identity_candidates(const eg_identity *id, uint32_t e, const char *const **labels);
void eg_identity_free(eg_identity *id);

#endif
