#include "match/people.h"

#include <stdlib.h>
#include <string.h>

static int capitalised_word(const eg_token *t)
{
	return (t->flags & EG_TOK_WORD) && (t->flags & EG_TOK_CAPITALIZED);
}

/* Marks the tokens of lines in Title Case: at least three words, and every
 * word of four or more bytes capitalised. */
static void mark_title_lines(const eg_tokens *tokens, unsigned char *title)
{
	size_t start = 0;
	while (start < tokens->n) {
		size_t end = start + 1;
		while (end < tokens->n && !(tokens->v[end].flags & EG_TOK_LINE_START))
			end++;
		size_t words = 0, long_words = 0, capitalised = 0;
		for (size_t t = start; t < end; t++) {
			const eg_token *w = &tokens->v[t];
			if (!(w->flags & EG_TOK_WORD))
				continue;
			words++;
			if (w->end - w->start >= 4) {
				long_words++;
				capitalised += (w->flags & EG_TOK_CAPITALIZED) != 0;
			}
		}
		int is_title = words >= 3 && long_words >= 2 && capitalised == long_words;
		memset(title + start, is_title, end - start);
		start = end;
	}
}

/* "June June" is a list of dates, not a person. */
static int same_token(const char *text, const eg_token *a, const eg_token *b)
{
	return a->end - a->start == b->end - b->start && memcmp(text + a->start, text + b->start, a->end - a->start) == 0;
}

void eg_people_from_cues(const char *text, const eg_tokens *tokens, const eg_mentions *cues, eg_entities *ents,
			 eg_mentions *out)
{
	if (!cues->n)
		return;
	/* Per token: whether it lies on a Title Case line, and whether a
	 * dictionary match starts there. */
	unsigned char *title = eg_xcalloc(tokens->n, 1);
	unsigned char *known = eg_xcalloc(tokens->n, 1);
	mark_title_lines(tokens, title);
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
		if (!capitalised_word(first) || (title[cue->tok_start] && known[cue->tok_start]))
			continue;
		size_t end = cue->tok_end, added = 0, most = title[cue->tok_start] ? 1 : 2;
		while (end < tokens->n && added < most && capitalised_word(&tokens->v[end]) &&
		       tokens->v[end].sentence == first->sentence && !(title[end] && known[end]) &&
		       !same_token(text, first, &tokens->v[end])) {
			end++;
			added++;
		}
		if (!added)
			continue;
		/* The label is the text with its whitespace made single spaces. */
		eg_buf_clear(&label);
		for (size_t t = cue->tok_start; t < end; t++) {
			if (t > cue->tok_start)
				eg_buf_addc(&label, ' ');
			eg_buf_add(&label, text + tokens->v[t].start, tokens->v[t].end - tokens->v[t].start);
		}
		eg_mention m = {
			.start = first->start,
			.end = tokens->v[end - 1].end,
			.tok_start = cue->tok_start,
			.tok_end = (uint32_t)end,
			.entity = eg_entities_intern(ents, "PERSON", label.data, label.len, NULL),
			.source = EG_SOURCE_RULE,
		};
		eg_mentions_push(out, &m);
	}
	eg_buf_free(&label);
	free(title);
	free(known);
}
