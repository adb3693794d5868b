/*
 * people: persons found from given-name cues.
 *
 * A GIVEN_NAME cue (a dictionary entry flagged "cue") on a capitalised word,
 * followed in the same sentence by one or two capitalised words, makes a
 * PERSON candidate covering them all ("Satya Nadella", "Alexander Lebed"),
 * labelled with that text.  Candidates are appended with source
 * EG_SOURCE_RULE, so overlap resolution weighs them like rule matches: a
 * longer dictionary name still wins.
 *
 * On a line in Title Case (a headline) only one word is taken, and not one
 * where a dictionary match in out starts, nor after a given name that is
 * itself a known name, so a headline never turns into one long person
 * ("John Smith Visits Microsoft", "Deal Over Israel Contracts").
 * Elsewhere a known name may be a surname ("George Washington").  Nor does a
 * headline take a common word ("Smith Wins") as a surname.
 *
 * Speech verbs are cues too: a capitalised word that no candidate covers,
 * that is not a common word, right before "said", "says" or "told" (a comma
 * between is fine) is a person ("Clinton said", "Yeltsin told reporters").
 */
#ifndef EG_PEOPLE_H
#define EG_PEOPLE_H

#include "match/entities.h"
#include "match/words.h"
#include "mention.h"
#include "text/tokenize.h"

void eg_people_from_cues(const char *text, const eg_tokens *tokens, const eg_mentions *cues,
			 const eg_words *common, eg_entities *ents, eg_mentions *out);

#endif
