/*
 * alias: names that one document defines for itself, applied after overlaps
 * are resolved.
 *
 * - An acronym in parentheses right after a mention ("Israel Defence Forces
 *   (IDF)") names that mention's entity for the rest of the document, when
 *   its letters fit the name's initials.  Where no mention covers the name,
 *   the capitalised words before the bracket whose initials spell the
 *   acronym become one ("Kurdistan Democratic Party (KDP)", an ORG; a
 *   "... Republic" or "... Kingdom" is a PLACE), with source "rule".
 * - A person's last name alone, after the full name ("Satya Nadella" ...
 *   "Nadella", "Mr. Nadella"), names that person; when two people share it,
 *   the one named in full most recently wins.
 * A later one-token mention that such an alias claims for another entity is
 * re-pointed to it (in "George Washington ... Washington said", the second
 * is the person), and a later bare token that matches becomes a mention.
 * Both get source EG_SOURCE_ALIAS.
 * - A word typed once keeps that type in the whole document: every other
 *   capitalised occurrence of a one-word name found by a rule or an alias
 *   (not by a dictionary, which finds its own) becomes a mention of it,
 *   before or after, unless the word was found as two different entities.
 * - A company named with and without its legal form ("Akamai Inc." ...
 *   "Akamai") is one entity, the plain name's (graph/identity.h does the
 *   same across documents); its mentions get source EG_SOURCE_ALIAS.  A
 *   short name that a rule or an alias made a person ("Cofinec said" after
 *   "Cofinec S.A.") is that company too: the legal form says what it is.
 * The list stays sorted.
 */
#ifndef EG_ALIAS_H
#define EG_ALIAS_H

#include "match/entities.h"
#include "mention.h"
#include "text/tokenize.h"

typedef struct eg_aliases eg_aliases;

eg_aliases *eg_aliases_new(void);
void eg_aliases_free(eg_aliases *a);

void eg_resolve_aliases(eg_aliases *a, const char *text, const eg_tokens *tokens, eg_entities *ents,
			eg_mentions *list);

#endif
