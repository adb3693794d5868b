/*
 * pipeline: one document's text -> tokens and resolved mentions.
 *
 * An eg_matcher bundles the entity table, the dictionaries and the rules of
 * a run.  eg_match_document tokenizes the text, runs the dictionary, every
 * rule and the person cues, resolves overlaps, then the document's own
 * aliases (acronyms it defines, surnames of people it names); tokens and
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
	eg_entities *entities;
	eg_dict *dict;
	eg_rules *rules;
	eg_words *common;    /* common lower-case words: weak evidence */
	eg_aliases *aliases; /* scratch, reused per document */
	eg_mentions cues;    /* scratch: cue matches of one document */
} eg_matcher;

void eg_matcher_init(eg_matcher *m);
void eg_matcher_free(eg_matcher *m);

/* Returns 0, or -1 when a rule gave up on this text (err says which; the
 * mentions found by everything else are still there).  Texts of 4 GiB or
 * more are refused with -1 and no mentions. */
int eg_match_document(eg_matcher *m, const char *text, size_t length, eg_tokens *tokens, eg_mentions *out,
		      eg_error *err);

#endif
