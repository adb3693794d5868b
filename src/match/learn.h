/*
 * learn: types the names no dictionary or rule knows from the contexts of
 * the names they do know, over the whole corpus of a run.
 *
 * The idea is Collins and Singer's (1999): a name is typed by its spelling
 * and by the words around it, and the names the dictionaries and rules
 * type are the seeds that teach which words go with which type.  Here the
 * run makes two passes.  The first matches every document and sums, with
 * eg_learn_document: for each context (the word before, the two before,
 * the word after, the two after, a name's last word) how often it held a
 * person, an organisation, a place or another entity (a drop name counts
 * as another); for each candidate (a run of capitalised words no mention
 * covers, not a common word, a nationality, a contraction or an
 * abbreviation) and each gazetteer town, how often it had each context;
 * and for each name, the types the lists and rules gave it.
 * eg_model_decide turns the sums into a type per name: the one the lists
 * and rules mostly gave it elsewhere, else the one its contexts favour by
 * a margin (a place or a person only with contexts typical of them); a
 * town becomes an organisation only where it never stood where places do;
 * and a second round takes the first's names as seeds.  The second pass
 * matches again and eg_model_apply adds a mention (source "learned") for
 * every candidate whose name was typed, and retypes the towns.
 *
 * Everything learned is a sum over documents and decided from the sums in
 * a sorted order, so threads, the cache and shards (whose first pass reads
 * every document, not only the shard's) give the same types.
 */
#ifndef EG_LEARN_H
#define EG_LEARN_H

#include <stddef.h>
#include <stdint.h>

#include "match/dict.h"
#include "match/entities.h"
#include "match/words.h"
#include "mention.h"

typedef struct eg_learner eg_learner;
typedef struct eg_model eg_model;

eg_learner *eg_learner_new(void);
void eg_learner_free(eg_learner *l);
void eg_learner_clear(eg_learner *l);
/* Adds one document's contexts: those of its typed mentions and of its
 * candidates.  mentions must be the matcher's, sorted, entities in found. */
void eg_learn_document(eg_learner *l, const char *text, const eg_tokens *tokens, const eg_mentions *mentions,
		       const eg_entities *found, const eg_dict *dict, const eg_words *common);
/* Adds from's sums to into's. */
void eg_learner_add(eg_learner *into, const eg_learner *from);
/* Whether the learner stopped taking new names or contexts at its budget
 * (EG_LEARN_ENTRIES): the run says so once. */
int eg_learner_full(const eg_learner *l);
unsigned eg_learn_budget(void);

/* The types decided from the sums; never NULL. */
eg_model *eg_model_decide(const eg_learner *l);
void eg_model_free(eg_model *m);
size_t eg_model_count(const eg_model *m); /* names typed */
/* A fingerprint of the decisions, for cache keys. */
uint64_t eg_model_fingerprint(const eg_model *m);
/* Adds the learned mentions of one document to mentions (kept sorted and
 * located), entities interned into found. */
void eg_model_apply(const eg_model *m, const char *text, const eg_tokens *tokens, eg_mentions *mentions,
		    eg_entities *found, const eg_dict *dict, const eg_words *common);

#endif
