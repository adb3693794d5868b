/*
 * relations: what a sentence says links two of its entity mentions, beyond
 * that they appear together.
 *
 * eg_relations_find takes a document's text, its tokens and its resolved
 * mentions (sorted by offset, as match/ leaves them) and appends the
 * relation instances it finds, each between two mentions of one sentence:
 * - role: a person's (or any entity's) role in an organisation, from an
 *   apposition or a title before a name:
 *     "Satya Nadella, CEO of Microsoft"       Satya Nadella -CEO of-> Microsoft
 *     "Abdo Mohamed, a former Microsoft employee"   -employee of-> (former)
 *     "Microsoft chief executive Satya Nadella"     -chief executive of->
 *     "Microsoft's president, Brad Smith"           -president of->
 *     "Unit 8200, an intelligence unit of the IDF"  -unit of->
 *   the role a word or two of the hand-kept list of role nouns below
 *   (ROLES in relations.c), "former", "ex-", "onetime", "erstwhile",
 *   "then" and "retired" before it marking `former`;
 * - possessive: "Israel's Unit 8200", "Unit 8200 of the IDF" (the
 *   possessor the subject, predicate "'s"), only between two names with
 *   nothing else between;
 * - verb: a verb phrase between the two (verbs.c): "Unit 8200 used Azure"
 *   -use->, "stores calls in" -store in->, "Azure was used by Unit 8200"
 *   turned round, negated after "not";
 * - agent: "an investigation by The Guardian into Microsoft" -investigate->.
 * Offsets are bytes into text: the sentence's, and the span that expresses
 * the relation (from the first to the last byte of its two mentions and
 * the words between).  A pair of neighbouring mentions yields the first
 * pattern that holds, in the order above; a verb or agent extends to the
 * names coordinated with its subject or object ("X, Y and Z said").
 */
#ifndef EG_RELATIONS_H
#define EG_RELATIONS_H

#include <stddef.h>
#include <stdint.h>

#include "match/entities.h"
#include "mention.h"
#include "text/tokenize.h"
#include "util/util.h"

typedef enum eg_relation_kind { EG_REL_ROLE, EG_REL_POSSESSIVE, EG_REL_VERB, EG_REL_AGENT } eg_relation_kind;

#define EG_PREDICATE_MAX 48 /* bytes of a predicate, NUL included */

typedef struct eg_relation {
	uint32_t subject, object;               /* indexes into the mentions */
	uint32_t start, end;                    /* the bytes that express it */
	uint32_t sentence_start, sentence_end;
	eg_relation_kind kind;
	uint8_t negated, former;
	char predicate[EG_PREDICATE_MAX];       /* "CEO of", "employee of", "'s" */
} eg_relation;

typedef struct eg_relations {
	eg_relation *v;
	size_t n, cap;
} eg_relations;

void eg_relations_find(const char *text, const eg_tokens *tokens, const eg_mention *mentions, size_t n,
		       const eg_entities *ents, eg_relations *out);
void eg_relations_free(eg_relations *r);
const char *eg_relation_kind_name(eg_relation_kind k);

#endif
