#include "match/pipeline.h"
#include "match/people.h"
#include "match/resolve.h"

#include <stdint.h>

void eg_matcher_init(eg_matcher *m)
{
	m->entities = eg_entities_new();
	m->dict = eg_dict_new(m->entities);
	m->rules = eg_rules_new(m->entities);
	m->common = eg_words_new();
	m->aliases = eg_aliases_new();
	m->cues = (eg_mentions){0};
}

void eg_matcher_free(eg_matcher *m)
{
	eg_words_free(m->common);
	m->common = NULL;
	eg_aliases_free(m->aliases);
	eg_mentions_free(&m->cues);
	m->aliases = NULL;
	eg_rules_free(m->rules);
	eg_dict_free(m->dict);
	eg_entities_free(m->entities);
	m->rules = NULL;
	m->dict = NULL;
	m->entities = NULL;
}

int eg_match_document(eg_matcher *m, const char *text, size_t length, eg_tokens *tokens, eg_mentions *out,
		      eg_error *err)
{
	out->n = 0;
	tokens->n = 0;
	if (length >= UINT32_MAX)
		return eg_error_set(err, "text of %zu bytes is larger than the 4 GiB a document may have", length);
	eg_tokenize(text, length, tokens);
	m->cues.n = 0;
	eg_dict_match(m->dict, text, tokens, out, &m->cues);
	int rc = eg_rules_match(m->rules, text, length, tokens, out, err);
	eg_people_from_cues(text, tokens, &m->cues, m->common, m->entities, out);
	eg_resolve_overlaps(out);
	eg_resolve_aliases(m->aliases, text, tokens, m->entities, out);
	return rc;
}
