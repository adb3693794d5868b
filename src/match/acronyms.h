/*
 * acronyms: organisations guessed from unknown acronyms.
 *
 * In news prose an acronym that no dictionary knows and that is no common
 * word ("FOMC", "SDA", "BNR") names an organisation far more often than
 * anything else.  A word of three to six capital letters (an "&" may join
 * them: "AT&T") becomes an ORG candidate with source EG_SOURCE_RULE when no
 * candidate covers it, it is no common word, it is not on a short list of
 * acronyms that name no organisation ("GDP", "CEO", "GMT", "AIDS"), and its
 * line has a lower-case word: on a line in capitals every word looks like
 * an acronym.  With no common words loaded nothing is guessed.
 */
#ifndef EG_ACRONYMS_H
#define EG_ACRONYMS_H

#include "match/entities.h"
#include "match/words.h"
#include "mention.h"
#include "text/tokenize.h"

void eg_acronyms_find(const char *text, const eg_tokens *tokens, const eg_words *common, eg_entities *ents,
		      eg_mentions *out);

#endif
