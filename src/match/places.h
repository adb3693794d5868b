/*
 * places: towns found from where they are written.
 *
 * "in Troy, Tennessee", "LOCKERBIE, Scotland", "Rochester, New York": one to
 * three capitalised words that no candidate covers, right before a comma
 * and a known country or region in the same sentence, name a place there.
 * The last of the words must be no common word ("Officials, Texas said") and
 * the word before them must not be capitalised, so that the place is the
 * whole name.  Candidates get source EG_SOURCE_RULE.  Needs the common words:
 * with none loaded nothing is found.
 */
#ifndef EG_PLACES_H
#define EG_PLACES_H

#include "match/entities.h"
#include "match/words.h"
#include "mention.h"
#include "text/tokenize.h"

void eg_places_from_context(const char *text, const eg_tokens *tokens, const eg_words *common,
			    eg_entities *ents, eg_mentions *out);

#endif
