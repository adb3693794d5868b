#include "document.h"
#include "mention.h"
#include "util/util.h"

#include <stdlib.h>

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

const char *eg_source_name(eg_source s)
{
	switch (s) {
	case EG_SOURCE_DICT: return "dict";
	case EG_SOURCE_RULE: return "rule";
	case EG_SOURCE_ALIAS: return "alias";
	}
	return "?";
}
