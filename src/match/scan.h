/*
 * scan: the token tests the relation finder's patterns share
 * (relations.c, verbs.c).  Private to match/.
 */
#ifndef EG_SCAN_H
#define EG_SCAN_H

#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "match/relations.h"

typedef struct eg_scan {
	const char *text;
	const eg_tokens *tokens;
	const eg_mention *mentions;
	size_t n;
	const eg_entities *ents;
	eg_relations *out;
} eg_scan;

/* w is one of list's words (exactly). */
static inline int eg_scan_listed(const char *w, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (strcmp(w, list[i]) == 0)
			return 1;
	return 0;
}

/* Token k's bytes equal word, ASCII case ignored. */
static inline int eg_scan_is(const eg_scan *s, size_t k, const char *word)
{
	if (k >= s->tokens->n)
		return 0;
	const eg_token *t = &s->tokens->v[k];
	size_t n = strlen(word);
	return t->end - t->start == n && strncasecmp(s->text + t->start, word, n) == 0;
}

static inline int eg_scan_in(const eg_scan *s, size_t k, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (eg_scan_is(s, k, list[i]))
			return 1;
	return 0;
}

static inline int eg_scan_punct(const eg_scan *s, size_t k, char c)
{
	if (k >= s->tokens->n)
		return 0;
	const eg_token *t = &s->tokens->v[k];
	return t->end - t->start == 1 && s->text[t->start] == c;
}

/* A possessive "'s" (or "’s") at token k. */
static inline int eg_scan_possessive(const eg_scan *s, size_t k)
{
	return eg_scan_is(s, k, "'s") || eg_scan_is(s, k, "\xe2\x80\x99s");
}

/* Appends subject -predicate-> object (indexes into the mentions), its
 * span from the first byte of the earlier mention to the last of the
 * later one. */
eg_relation *eg_scan_add(const eg_scan *s, uint32_t subject, uint32_t object, eg_relation_kind kind,
			 const char *predicate, int former);

/* The verb phrase and agent patterns between mentions xi and yi, the next
 * one in the sentence (verbs.c): 1 when one held. */
int eg_scan_verbs(const eg_scan *s, uint32_t xi, uint32_t yi);

/* Mention yi is written as a modifier of the noun after it, not named
 * for itself (verbs.c): "the Vermont Senate", "covered the Bruce
 * Springsteen song", "the USA's first library school". */
int eg_scan_modifier(const eg_scan *s, uint32_t yi);

/* Prepositions, shared by both. */
extern const char *const EG_PREPOSITIONS[];
extern const char *const EG_DETERMINERS[];

#endif
