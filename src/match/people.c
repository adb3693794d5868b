#include "match/people.h"

#include <stdlib.h>
#include <string.h>

static int capitalised_word(const eg_token *t)
{
	return (t->flags & EG_TOK_WORD) && (t->flags & EG_TOK_CAPITALIZED);
}

/* "June June" is a list of dates, not a person. */
static int same_token(const char *text, const eg_token *a, const eg_token *b)
{
	return a->end - a->start == b->end - b->start && memcmp(text + a->start, text + b->start, a->end - a->start) == 0;
}

static void push_entity(eg_mentions *out, const char *type, const char *text, const eg_tokens *tokens,
			size_t first, size_t end, eg_entities *ents, eg_buf *label)
{
	eg_tokens_text(text, tokens, first, end, label);
	eg_mentions_push_tokens(out, tokens, first, end, eg_entities_intern(ents, type, label->data, label->len, NULL),
				EG_SOURCE_RULE);
}

static void push_person(eg_mentions *out, const char *text, const eg_tokens *tokens, size_t first, size_t end,
			eg_entities *ents, eg_buf *label)
{
	push_entity(out, "PERSON", text, tokens, first, end, ents, label);
}

/* An initial: one capital letter and a full stop ("W." in "George W. Bush"). */
static int initial_at(const char *text, const eg_tokens *tokens, size_t t)
{
	if (t + 1 >= tokens->n)
		return 0;
	const eg_token *w = &tokens->v[t], *dot = &tokens->v[t + 1];
	return (w->flags & EG_TOK_WORD) && w->end - w->start == 1 && text[w->start] >= 'A' &&
	       text[w->start] <= 'Z' && dot->start == w->end && eg_token_is(text, dot, ".");
}

/* "J. Smith", "D. A. Bicknell": initials, then a capitalised word in the
 * same sentence (after an initial the tokenizer starts a new sentence only
 * for an ordinary sentence opener such as "The"). */
static void people_from_initials(const char *text, const eg_tokens *tokens, const unsigned char *covered,
				 eg_entities *ents, eg_mentions *out, eg_buf *label)
{
	for (size_t t = 0; t < tokens->n; t++) {
		if (covered[t] || !initial_at(text, tokens, t) || (t >= 2 && initial_at(text, tokens, t - 2)))
			continue;
		size_t j = t;
		while (initial_at(text, tokens, j))
			j += 2;
		if (j >= tokens->n)
			continue;
		const eg_token *w = &tokens->v[j];
		if (covered[j] || !capitalised_word(w) || (w->flags & (EG_TOK_ALL_UPPER | EG_TOK_SENT_START)) ||
		    w->end - w->start < 2)
			continue;
		push_person(out, text, tokens, t, j + 1, ents, label);
	}
}

/* "Ontario-based", "Family-controlled": a hyphen and then a lower-case
 * letter make a compound adjective, never part of a name. */
static int compound_adjective(const char *text, const eg_token *t)
{
	for (uint32_t i = t->start + 1; i + 1 < t->end; i++)
		if (text[i] == '-' && text[i + 1] >= 'a' && text[i + 1] <= 'z')
			return 1;
	return 0;
}

/* Words that open a sentence without naming anything. */
static const char *const openers[] = {"The", "A", "An", "This", "That", "These", "Those", "It", "He", "She",
				      "They", "We", "I", "You", "But", "And", "Its", "His", "Her", "Their", NULL};

/* Whether token t can continue the name that given name first starts:
 * capitalised like it (a byline "Glenn SOMERVILLE" before a dateline is no
 * name), in its sentence, not the given name again ("June June"), not a
 * known name on a headline, when strict not a common word, and not a word
 * like "The" that opens the next line (a surname may follow a line break
 * in hard-wrapped text, "Willie\nWood"; an article never is one). */
static int surname_word(const char *text, const eg_tokens *tokens, const eg_token *first, size_t t, int strict,
			const unsigned char *known, const eg_words *common)
{
	const eg_token *w = &tokens->v[t];
	return capitalised_word(w) && !compound_adjective(text, w) &&
	       (w->flags & EG_TOK_ALL_UPPER) == (first->flags & EG_TOK_ALL_UPPER) &&
	       w->sentence == first->sentence && !same_token(text, first, w) &&
	       !((w->flags & EG_TOK_TITLE_CASE) && known[t]) &&
	       !(strict && eg_words_has(common, text + w->start, w->end - w->start)) &&
	       !((w->flags & EG_TOK_LINE_START) && eg_token_in(text, w, openers));
}

/* The lower-case particles inside a name: "Ursula von der Leyen", "Charles
 * de Gaulle", "Vincent van Gogh".  Returns the token after up to two of them
 * at t when a surname follows them (so "de" before a lower-case word stays
 * out), else t. */
static size_t after_particles(const char *text, const eg_tokens *tokens, const eg_token *first, size_t t,
			      int strict, const unsigned char *known, const eg_words *common)
{
	static const char *const particles[] = {"von", "van", "der", "den", "de", "da", "du", "dos", "das", "del",
						"della", "di", "la", "le", "ter", "ten", "bin", "ibn", NULL};
	size_t p = t;
	while (p < tokens->n && p - t < 2 && tokens->v[p].sentence == first->sentence &&
	       !(tokens->v[p].flags & EG_TOK_LINE_START) && eg_token_in(text, &tokens->v[p], particles))
		p++;
	return p > t && p < tokens->n && surname_word(text, tokens, first, p, strict, known, common) ? p : t;
}

/* "VI" in "Charles VI", "II" in "Elizabeth II": a Roman numeral from II to
 * XX right after the name, in its sentence ("I" is the pronoun too often). */
static int regnal_number(const char *text, const eg_token *t, const eg_token *name)
{
	static const char *const numerals[] = {"II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
					       "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", NULL};
	return (t->flags & EG_TOK_WORD) && t->sentence == name->sentence && !(name->flags & EG_TOK_ALL_UPPER) &&
	       t->start > name->end && eg_token_in(text, t, numerals);
}

/* Whether t is a whole number from 1 to 119 ("45" in "Wang , 45 ,"). */
static int age_at(const char *text, const eg_token *t)
{
	size_t n = t->end - t->start;
	if (!(t->flags & EG_TOK_NUMBER) || n < 1 || n > 3 || text[t->start] == '0')
		return 0;
	int v = 0;
	for (size_t i = t->start; i < t->end; i++) {
		if (text[i] < '0' || text[i] > '9')
			return 0;
		v = v * 10 + text[i] - '0';
	}
	return v < 120;
}

static const char *const speech_verbs[] = {"said", "says", "told", NULL};
static const char *const it_words[] = {"it", "its", NULL};

/* The name that ends at token end, before a cue in the given sentence: up
 * to three capitalised words (no acronym, none already taken), less "The"
 * or a common word that only opens the sentence ("Later").  Returns its
 * first token (end when none); *plain counts its words that are no common
 * words. */
static size_t name_before(const char *text, const eg_tokens *tokens, const eg_words *common,
			  const unsigned char *covered, size_t end, uint32_t sentence, size_t *plain)
{
	size_t first = end;
	*plain = 0;
	while (first > 0 && end - first < 3) {
		const eg_token *w = &tokens->v[first - 1];
		if (!capitalised_word(w) || (w->flags & EG_TOK_ALL_UPPER) || covered[first - 1] ||
		    compound_adjective(text, w) || w->sentence != sentence)
			break;
		*plain += !eg_words_has(common, text + w->start, w->end - w->start);
		first--;
	}
	while (first < end && (eg_token_in(text, &tokens->v[first], openers) ||
			       ((tokens->v[first].flags & EG_TOK_SENT_START) &&
				eg_words_has(common, text + tokens->v[first].start,
					     tokens->v[first].end - tokens->v[first].start))))
		first++;
	return first;
}

/* "Clinton said", "Magna said it": see the header. */
static void people_from_speech(const char *text, const eg_tokens *tokens, const eg_words *common,
			       const unsigned char *covered, eg_entities *ents, eg_mentions *out, eg_buf *label)
{
	for (size_t t = 1; t < tokens->n; t++) {
		const eg_token *verb = &tokens->v[t];
		if (!eg_token_in(text, verb, speech_verbs))
			continue;
		size_t end = t;
		if (end > 1 && eg_token_is(text, &tokens->v[end - 1], ","))
			end--;
		size_t plain, first = name_before(text, tokens, common, covered, end, verb->sentence, &plain);
		if (first == end || !plain)
			continue;
		/* People are "he" or "she"; "said it" or "said its" is an
		 * organisation. */
		int it = t + 1 < tokens->n && eg_token_in(text, &tokens->v[t + 1], it_words);
		const eg_token *last = &tokens->v[end - 1];
		if (it)
			push_entity(out, "ORG", text, tokens, first, end, ents, label);
		else if (!eg_words_has(common, text + last->start, last->end - last->start))
			push_person(out, text, tokens, end - 1, end, ents, label);
	}
}

/* "Wang , 45 , a veteran dissident", "Severine Potty , 19 , had gone": one
 * to three capitalised words, then an age between commas and a lower-case
 * word, make a person.  A lone word must be no common word; months and days
 * ("August 22 , 1996") are common words. */
static void people_from_age(const char *text, const eg_tokens *tokens, const eg_words *common,
			    const unsigned char *covered, eg_entities *ents, eg_mentions *out, eg_buf *label)
{
	for (size_t t = 2; t + 2 < tokens->n; t++) {
		const eg_token *age = &tokens->v[t], *after = &tokens->v[t + 2];
		if (!age_at(text, age) || !eg_token_is(text, &tokens->v[t - 1], ",") ||
		    !eg_token_is(text, &tokens->v[t + 1], ",") || !(after->flags & EG_TOK_WORD) ||
		    (after->flags & EG_TOK_HAS_UPPER) || after->sentence != age->sentence)
			continue;
		size_t end = t - 1, plain;
		size_t first = name_before(text, tokens, common, covered, end, age->sentence, &plain);
		const eg_token *last = &tokens->v[end - 1];
		if (first == end || !plain || eg_words_has(common, text + last->start, last->end - last->start))
			continue;
		push_person(out, text, tokens, first, end, ents, label);
	}
}

/* Whether every hyphen-separated part of t is a common word: "Major-General",
 * "Vice-President" are titles, not names. */
static int common_compound(const char *text, const eg_token *t, const eg_words *common)
{
	const char *s = text + t->start, *end = text + t->end;
	if (!memchr(s, '-', (size_t)(end - s)))
		return 0;
	while (s < end) {
		const char *dash = memchr(s, '-', (size_t)(end - s));
		const char *e = dash ? dash : end;
		if (e == s || !eg_words_has(common, s, (size_t)(e - s)))
			return 0;
		s = dash ? dash + 1 : end;
	}
	return 1;
}

/* A capitalised word that could be part of a name: not all capitals, not a
 * common word, a compound of them or a compound adjective, outside every
 * candidate and headline. */
static int name_shaped(const char *text, const eg_token *t, const eg_words *common, int covered)
{
	return capitalised_word(t) && !(t->flags & (EG_TOK_ALL_UPPER | EG_TOK_TITLE_CASE)) && !covered &&
	       !compound_adjective(text, t) && !eg_words_has(common, text + t->start, t->end - t->start) &&
	       !common_compound(text, t, common);
}

/* "Zinedine Zidane", "Larisa Sayenko": two or three name-shaped words in a
 * row, none of them known or common, make a person. */
static void people_from_shape(const char *text, const eg_tokens *tokens, const eg_words *common,
			      const unsigned char *covered, eg_entities *ents, eg_mentions *out, eg_buf *label)
{
	for (size_t t = 0; t < tokens->n;) {
		size_t end = t;
		while (end < tokens->n && end - t < 3 && name_shaped(text, &tokens->v[end], common, covered[end]) &&
		       tokens->v[end].sentence == tokens->v[t].sentence)
			end++;
		if (end - t >= 2 && (end == tokens->n || !name_shaped(text, &tokens->v[end], common, covered[end])))
			push_person(out, text, tokens, t, end, ents, label);
		t = end > t ? end : t + 1;
	}
}

void eg_people_from_cues(const char *text, const eg_tokens *tokens, const eg_mentions *cues,
			 const eg_words *common, eg_entities *ents, eg_mentions *out)
{
	if (!tokens->n)
		return;
	/* Per token: whether a dictionary match starts there, and whether any
	 * candidate covers it. */
	unsigned char *known = eg_xcalloc(tokens->n, 1);
	unsigned char *covered = eg_mentions_covered(out, tokens->n);
	for (size_t i = 0; i < out->n; i++)
		if (out->v[i].source == EG_SOURCE_DICT)
			known[out->v[i].tok_start] = 1;
	eg_buf label = {0};
	for (size_t i = 0; i < cues->n; i++) {
		const eg_mention *cue = &cues->v[i];
		if (strcmp(eg_entity_type(ents, cue->entity), "GIVEN_NAME") != 0)
			continue;
		const eg_token *first = &tokens->v[cue->tok_start];
		/* In a headline a given name that is also a known name ("Over
		 * Israel Contracts") is the known name. */
		if (!capitalised_word(first) || ((first->flags & EG_TOK_TITLE_CASE) && known[cue->tok_start]))
			continue;
		int headline = (first->flags & EG_TOK_TITLE_CASE) != 0;
		size_t end = cue->tok_end, added = 0, most = headline ? 1 : 2;
		/* A given name that is also a known name ("China", "Jordan")
		 * needs a surname that is no common word: "China Daily" is a
		 * newspaper, "Israel Katz" a minister.  So does a headline, and
		 * a name in capitals ("CLEVELAND AT TEXAS"). */
		int strict = headline || known[cue->tok_start] || (first->flags & EG_TOK_ALL_UPPER);
		for (;;) {
			size_t next = end;
			while (initial_at(text, tokens, next)) /* "George W. Bush" */
				next += 2;
			if (!headline && next < tokens->n)
				next = after_particles(text, tokens, first, next, strict, known, common);
			if (next >= tokens->n || added == most ||
			    !surname_word(text, tokens, first, next, strict, known, common))
				break;
			end = next + 1;
			added++;
		}
		if (end < tokens->n && regnal_number(text, &tokens->v[end], first)) { /* "Charles VI" */
			end++;
			added++;
		}
		if (!added)
			continue;
		push_person(out, text, tokens, cue->tok_start, end, ents, &label);
	}
	people_from_initials(text, tokens, covered, ents, out, &label);
	/* Without common words every capitalised word would look like a name. */
	if (eg_words_count(common)) {
		people_from_speech(text, tokens, common, covered, ents, out, &label);
		people_from_shape(text, tokens, common, covered, ents, out, &label);
		people_from_age(text, tokens, common, covered, ents, out, &label);
	}
	eg_buf_free(&label);
	free(known);
	free(covered);
}
