#include "match/pipeline.h"
#include "match/acronyms.h"
#include "match/people.h"
#include "match/places.h"
#include "match/resolve.h"

#include <stdint.h>
#include <string.h>

void eg_matcher_init(eg_matcher *m)
{
	m->entities = eg_entities_new();
	m->loaded = NULL;
	m->dict = eg_dict_new(m->entities);
	m->rules = eg_rules_new();
	m->common = eg_words_new();
	m->rule_steps = EG_BUDGETS_DEFAULT.rule_steps;
}

void eg_matcher_freeze(eg_matcher *m)
{
	if (m->loaded)
		return;
	m->loaded = m->entities;
	m->entities = eg_entities_extend(m->loaded);
}

void eg_matcher_free(eg_matcher *m)
{
	eg_words_free(m->common);
	eg_rules_free(m->rules);
	eg_dict_free(m->dict);
	if (m->loaded)
		eg_entities_free(m->entities);
	eg_entities_free(m->loaded ? m->loaded : m->entities);
	*m = (eg_matcher){0};
}

void eg_match_state_init(eg_match_state *st)
{
	st->aliases = eg_aliases_new();
	st->cues = (eg_mentions){0};
	st->rules = eg_rules_scratch_new();
	st->dict = eg_dict_scratch_new();
}

void eg_match_state_free(eg_match_state *st)
{
	eg_aliases_free(st->aliases);
	eg_mentions_free(&st->cues);
	eg_rules_scratch_free(st->rules);
	eg_dict_scratch_free(st->dict);
	*st = (eg_match_state){0};
}

/* The tokenizer flags lines in Title Case as headlines.  A line where fewer
 * than a third of the words of four letters or more are common words ("5.
 * Armen Martirosyan ( Armenia ) 16.57", "Tries : Sean Fitzpatrick , Walter
 * Little") is a list of names, not a headline ("Microsoft Under Fire Over
 * Cloud Role"): its flags are cleared so that names are found there as in
 * prose. */
static void clear_name_lines(const char *text, eg_tokens *tokens, const eg_words *common)
{
	size_t start = 0;
	while (start < tokens->n) {
		size_t end = start + 1;
		while (end < tokens->n && !(tokens->v[end].flags & EG_TOK_LINE_START))
			end++;
		if (tokens->v[start].flags & EG_TOK_TITLE_CASE) {
			size_t long_words = 0, plain = 0;
			for (size_t t = start; t < end; t++) {
				const eg_token *w = &tokens->v[t];
				if (!(w->flags & EG_TOK_WORD) || w->end - w->start < 4)
					continue;
				long_words++;
				plain += eg_words_has(common, text + w->start, w->end - w->start);
			}
			if (plain * 3 < long_words)
				for (size_t t = start; t < end; t++)
					tokens->v[t].flags &= ~(uint32_t)EG_TOK_TITLE_CASE;
		}
		start = end;
	}
}

/* The bytes of the line whose first token is first: to its last token's end. */
static uint32_t line_width(const eg_tokens *tokens, size_t first, size_t *next)
{
	size_t last = first + 1;
	while (last < tokens->n && !(tokens->v[last].flags & EG_TOK_LINE_START))
		last++;
	*next = last;
	return tokens->v[last - 1].end - tokens->v[first].start;
}

/* Whether the line break before token t (a line's first) joins words of one
 * paragraph, as in hard-wrapped prose: the line it ends holds at least
 * EG_WRAPPED_LINE bytes, or, in narrow columns, at least EG_NARROW_LINE and
 * three fifths of the widest line of its paragraph.  Any other line (a
 * headline, a dateline, a row of a table, an item of a list) ends what is
 * on it. */
#define EG_WRAPPED_LINE 40
#define EG_NARROW_LINE 25
static int soft_break(const eg_tokens *tokens, size_t t)
{
	if (t == 0 || (tokens->v[t].flags & EG_TOK_PARA_START))
		return 0;
	size_t first = t - 1, next;
	while (first > 0 && !(tokens->v[first].flags & EG_TOK_LINE_START))
		first--;
	uint32_t width = line_width(tokens, first, &next);
	if (width >= EG_WRAPPED_LINE)
		return 1;
	if (width < EG_NARROW_LINE)
		return 0;
	size_t at = first;
	while (at > 0 && !(tokens->v[at].flags & EG_TOK_PARA_START))
		at--;
	uint32_t widest = 0;
	do {
		uint32_t w = line_width(tokens, at, &next);
		widest = w > widest ? w : widest;
		at = next;
	} while (at < tokens->n && !(tokens->v[at].flags & EG_TOK_PARA_START));
	return 5 * (uint64_t)width >= 3 * (uint64_t)widest;
}

/* Drops the candidates that run across a line break other than a soft one,
 * so that names on the lines apart are found instead ("NEW YORK" above
 * "COLORADO 5 Houston 2" is no "YORK COLORADO"). */
static void drop_across_lines(const eg_tokens *tokens, eg_mentions *list)
{
	size_t kept = 0;
	for (size_t i = 0; i < list->n; i++) {
		const eg_mention *m = &list->v[i];
		int across = 0;
		for (size_t t = m->tok_start + 1; t < m->tok_end && !across; t++)
			across = (tokens->v[t].flags & EG_TOK_LINE_START) && !soft_break(tokens, t);
		if (!across)
			list->v[kept++] = *m;
	}
	list->n = kept;
}

void eg_match_tokenize(const eg_matcher *m, const char *text, size_t length, eg_tokens *tokens)
{
	eg_tokenize(text, length, tokens);
	clear_name_lines(text, tokens, m->common);
}

int eg_match_document(const eg_matcher *m, eg_match_state *st, eg_entities *found, const char *text,
		      size_t length, eg_tokens *tokens, eg_mentions *out, eg_error *err)
{
	out->n = 0;
	tokens->n = 0;
	eg_entities_clear(found);
	if (length >= UINT32_MAX)
		return eg_error_set(err, "text of %zu bytes is larger than the 4 GiB a document may have", length);
	eg_match_tokenize(m, text, length, tokens);
	st->cues.n = 0;
	eg_dict_match(m->dict, st->dict, text, tokens, out, &st->cues);
	int rc = eg_rules_match(m->rules, st->rules, m->common, found, text, length, tokens, m->rule_steps, out,
				 err);
	eg_people_from_cues(text, tokens, &st->cues, m->common, found, out);
	eg_acronyms_find(text, tokens, m->common, found, out);
	eg_places_from_context(text, tokens, m->common, found, out);
	drop_across_lines(tokens, out);
	eg_dict_unprefix(m->dict, st->dict, found, text, tokens, out);
	eg_resolve_overlaps(out);
	/* Before the aliases, so that a dropped name defines none; after them
	 * too, for the mentions they add. */
	eg_dict_correct(m->dict, st->dict, text, tokens, out);
	eg_resolve_aliases(st->aliases, text, tokens, found, out);
	eg_dict_correct(m->dict, st->dict, text, tokens, out);
	eg_mentions_locate(out, tokens);
	return rc;
}

void eg_match_adopt(eg_matcher *m, const eg_entities *found, eg_mentions *mentions)
{
	size_t known = eg_entities_count(m->loaded);
	for (size_t i = 0; i < mentions->n; i++) {
		uint32_t e = mentions->v[i].entity;
		if (e < known)
			continue;
		const char *label = eg_entity_label(found, e);
		const char *category = eg_entity_category(found, e);
		mentions->v[i].entity = eg_entities_intern(m->entities, eg_entity_type(found, e), label,
							  strlen(label), *category ? category : NULL);
	}
}
