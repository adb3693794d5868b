#include "match/people.h"

#include <string.h>

static int capitalised_word(const eg_token *t)
{
	return (t->flags & EG_TOK_WORD) && (t->flags & EG_TOK_CAPITALIZED);
}

void eg_people_from_cues(const char *text, const eg_tokens *tokens, const eg_mentions *cues, eg_entities *ents,
			 eg_mentions *out)
{
	eg_buf label = {0};
	for (size_t i = 0; i < cues->n; i++) {
		const eg_mention *cue = &cues->v[i];
		if (strcmp(eg_entity_type(ents, cue->entity), "GIVEN_NAME") != 0)
			continue;
		const eg_token *first = &tokens->v[cue->tok_start];
		if (!capitalised_word(first))
			continue;
		size_t end = cue->tok_end, added = 0;
		while (end < tokens->n && added < 2 && capitalised_word(&tokens->v[end]) &&
		       tokens->v[end].sentence == first->sentence) {
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
}
