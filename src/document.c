#include "document.h"
#include "mention.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

void eg_document_free(eg_document *doc)
{
	free(doc->id);
	free(doc->text);
	free(doc->title);
	free(doc->date);
	free(doc->url);
	free(doc->source);
	doc->id = doc->text = doc->title = doc->date = doc->url = doc->source = NULL;
	doc->length = 0;
	doc->offset = 0;
	doc->more = 0;
}

void eg_mentions_push(eg_mentions *list, const eg_mention *m)
{
	EG_GROW(list->v, list->cap, list->n + 1);
	list->v[list->n++] = *m;
}

void eg_mentions_push_tokens(eg_mentions *list, const eg_tokens *tokens, size_t first, size_t end, uint32_t entity,
			     eg_source source)
{
	eg_mention m = {
		.start = tokens->v[first].start,
		.end = tokens->v[end - 1].end,
		.tok_start = (uint32_t)first,
		.tok_end = (uint32_t)end,
		.entity = entity,
		.source = (uint8_t)source,
	};
	eg_mentions_push(list, &m);
}

void eg_mentions_free(eg_mentions *list)
{
	free(list->v);
	list->v = NULL;
	list->n = list->cap = 0;
}

unsigned char *eg_mentions_covered(const eg_mentions *list, size_t tokens)
{
	unsigned char *covered = eg_xcalloc(tokens ? tokens : 1, 1);
	for (size_t i = 0; i < list->n; i++)
		memset(covered + list->v[i].tok_start, 1, list->v[i].tok_end - list->v[i].tok_start);
	return covered;
}

const char *eg_source_name(eg_source s)
{
	switch (s) {
	case EG_SOURCE_DICT: return "dict";
	case EG_SOURCE_RULE: return "rule";
	case EG_SOURCE_ALIAS: return "alias";
	case EG_SOURCE_LEARNED: return "learned";
	}
	return "?";
}

void eg_mentions_locate(eg_mentions *list, const eg_tokens *tokens)
{
	/* Mentions are sorted, so one walk over the tokens finds each
	 * sentence's first and last token. */
	size_t first = 0, last = 0;
	for (size_t i = 0; i < list->n; i++) {
		eg_mention *m = &list->v[i];
		const eg_token *t = &tokens->v[m->tok_start];
		if (i == 0 || tokens->v[first].sentence != t->sentence) {
			first = m->tok_start;
			while (first > 0 && tokens->v[first - 1].sentence == t->sentence)
				first--;
			last = m->tok_start;
			while (last + 1 < tokens->n && tokens->v[last + 1].sentence == t->sentence)
				last++;
		}
		m->sentence = t->sentence;
		m->paragraph = t->paragraph;
		m->sentence_start = tokens->v[first].start;
		/* A name the tokenizer split ("1. FC Nürnberg" after a list
		 * number) still lies inside its bounds. */
		m->sentence_end = tokens->v[last].end > m->end ? tokens->v[last].end : m->end;
	}
}
