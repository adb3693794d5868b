/*
 * people: persons found from evidence rather than lists, appended to out as
 * candidates with source EG_SOURCE_RULE (overlap resolution then weighs them
 * like rule matches: a longer dictionary name still wins).
 *
 * - Given names: a GIVEN_NAME cue (a dictionary entry flagged "cue") on a
 *   capitalised word, followed in its sentence by one or two capitalised
 *   words written in the same case ("Satya Nadella", "Alexander Lebed").  On
 *   a line in Title Case (a headline) only one word is taken, never a known
 *   name or a common word; a given name that is itself a known name
 *   ("Israel", "China") takes no common word either ("China Daily").
 *   Initials between them are part of the name ("George W. Bush"), so are
 *   up to two lower-case particles before a surname ("Ursula von der
 *   Leyen", "Charles de Gaulle"; not on a headline), and a
 *   Roman numeral from II to XX may end it ("Charles VI").  A given name in
 *   capitals takes no common word ("CLEVELAND AT TEXAS").
 * - Initials: one or more capital letters with full stops, then a
 *   capitalised word ("J. Smith", "D. A. Bicknell").
 * - Speech verbs: a capitalised word that no candidate covers and that is
 *   not a common word, right before "said", "says" or "told" (a comma
 *   between is fine): "Yeltsin said".  When "it" or "its" follows the verb,
 *   up to three capitalised words before it are an organisation instead
 *   ("Magna said it", "Commerce Bancshares said its").
 * - Name shapes: two or three capitalised words in a row, none covered,
 *   common, all capitals or on a headline: "Larisa Sayenko".
 * - Ages: one to three capitalised words, then an age between commas and a
 *   lower-case word ("Wang , 45 , a veteran dissident"); the last word is no
 *   common word.
 * Speech verbs, name shapes and ages need the common words: with none loaded
 * (a gazetteer-only run) they find nothing.
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
