/*
 * pipeline: one document's text -> tokens and resolved mentions.
 *
 * An eg_matcher bundles the entity table, the dictionaries and the rules of
 * a run; an eg_match_state one thread's working memory.  eg_match_document
 * tokenizes the text, runs the dictionary, every
 * rule and the person cues, resolves overlaps, applies the analyst's
 * corrections (eg_dict_correct), then the document's own aliases (acronyms it defines, surnames of people it names); tokens and
 * mentions are written into the caller's buffers, which are reused from one
 * document to the next.
 */
#ifndef EG_PIPELINE_H
#define EG_PIPELINE_H

#include "document.h"
#include "match/alias.h"
#include "match/dict.h"
#include "match/entities.h"
#include "match/rules.h"
#include "match/words.h"
#include "mention.h"
#include "text/tokenize.h"
#include "util/util.h"

typedef struct eg_matcher {
	eg_entities *entities; /* the loaded entities; see eg_matcher_freeze */
	eg_entities *loaded;   /* after eg_matcher_freeze: the dictionaries' entities */
	eg_dict *dict;
	eg_rules *rules;
	eg_words *common;      /* common lower-case words: weak evidence */
	uint64_t rule_steps;   /* the rules' budget per document (eg_rules_match); set by the
				  loader, EG_BUDGETS_DEFAULT's until then */
	uint8_t fingerprint[16]; /* identifies what was loaded; set by the loader (cli/) */
	const struct eg_model *model; /* names typed by a run's first pass (match/learn.h), or NULL */
} eg_matcher;

void eg_matcher_init(eg_matcher *m);
void eg_matcher_free(eg_matcher *m);
/* Ends loading: from here on the dictionaries and rules are read-only and
 * may serve several threads, and m->entities becomes the run's table, an
 * extension of the loaded entities where eg_match_adopt puts the entities
 * found in text. */
void eg_matcher_freeze(eg_matcher *m);

/* One thread's working memory. */
typedef struct eg_match_state {
	eg_aliases *aliases;
	eg_mentions cues;
	eg_rules_scratch *rules;
	eg_dict_scratch *dict;
} eg_match_state;

void eg_match_state_init(eg_match_state *st);
void eg_match_state_free(eg_match_state *st);

/* The tokens eg_match_document makes of text (a list of names on a line in
 * Title Case is no headline): what a document whose mentions came from the
 * cache is tokenized with again. */
void eg_match_tokenize(const eg_matcher *m, const char *text, size_t length, eg_tokens *tokens);
/* Matches one document.  Entities found in its text that no dictionary
 * holds go into found (an eg_entities_extend of m->loaded, cleared first),
 * and the mentions refer to them there until eg_match_adopt.  Returns 0;
 * -1 when a rule gave up on this text (err says which; the mentions found
 * by everything else are still there); or EG_RULES_STOPPED when the rules
 * spent m->rule_steps (err says where; the mentions found until then, and
 * all the dictionaries', are there).  Texts of 4 GiB or more are
 * refused with -1 and no mentions.  Safe to call from several threads at
 * once, each with its own state and found table, once m is frozen. */
int eg_match_document(const eg_matcher *m, eg_match_state *st, eg_entities *found, const char *text,
		      size_t length, eg_tokens *tokens, eg_mentions *out, eg_error *err);

/* Rewrites the entities of mentions from found to m->entities, adding those
 * the run has not seen.  Called in document order from one thread, so an
 * entity's label is the one it had in the first document naming it,
 * however many threads matched. */
void eg_match_adopt(eg_matcher *m, const eg_entities *found, eg_mentions *mentions);

#endif
