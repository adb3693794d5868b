#include "match/places.h"

#include <stdlib.h>
#include <string.h>

/* Whether mention m is a known country or region (a dictionary place). */
static int known_area(const eg_entities *ents, const eg_mention *m)
{
	if (m->source != EG_SOURCE_DICT || strcmp(eg_entity_type(ents, m->entity), "PLACE") != 0)
		return 0;
	const char *category = eg_entity_category(ents, m->entity);
	return strcmp(category, "country") == 0 || strcmp(category, "region") == 0;
}

static int capitalised(const eg_token *t)
{
	return (t->flags & EG_TOK_WORD) && (t->flags & EG_TOK_CAPITALIZED);
}

void eg_places_from_context(const char *text, const eg_tokens *tokens, const eg_words *common,
			    eg_entities *ents, eg_mentions *out)
{
	if (!tokens->n || !eg_words_count(common))
		return;
	unsigned char *covered = eg_mentions_covered(out, tokens->n);
	size_t known = out->n;
	eg_buf label = {0};
	for (size_t i = 0; i < known; i++) {
		const eg_mention *area = &out->v[i];
		size_t comma = area->tok_start;
		if (comma < 2 || !known_area(ents, area) || !eg_token_is(text, &tokens->v[comma - 1], ","))
			continue;
		comma--;
		const eg_token *first_of_area = &tokens->v[area->tok_start];
		size_t end = comma, start = end;
		while (start > 0 && end - start < 3) {
			const eg_token *w = &tokens->v[start - 1];
			if (!capitalised(w) || covered[start - 1] || w->sentence != first_of_area->sentence)
				break;
			start--;
		}
		if (start == end || (start > 0 && capitalised(&tokens->v[start - 1]) &&
				     tokens->v[start - 1].sentence == first_of_area->sentence))
			continue;
		const eg_token *last = &tokens->v[end - 1];
		if (eg_words_has(common, text + last->start, last->end - last->start))
			continue;
		eg_tokens_text(text, tokens, start, end, &label);
		eg_mentions_push_tokens(out, tokens, start, end,
					eg_entities_intern(ents, "PLACE", label.data, label.len, "city"), EG_SOURCE_RULE);
	}
	eg_buf_free(&label);
	free(covered);
}
