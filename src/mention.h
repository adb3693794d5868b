/*
 * eg_mention: one occurrence of an entity in a document.
 *
 * Produced by match/ (dictionary, rules, then resolve), consumed by graph/
 * and output/.  Offsets are UTF-8 byte offsets into the document text, end
 * exclusive, and always fall on token boundaries; token indexes refer to the
 * document's eg_tokens.  `entity` indexes the run's eg_entities table.
 * Once matching is done a mention also carries what co-occurrence needs of
 * the tokens (its sentence, paragraph and the bytes of its sentence), so
 * that mentions can be counted, cached and merged without the tokens.
 */
#ifndef EG_MENTION_H
#define EG_MENTION_H

#include <stddef.h>
#include <stdint.h>

#include "text/tokenize.h"

typedef enum eg_source {
	EG_SOURCE_DICT = 0,
	EG_SOURCE_RULE = 1,
	EG_SOURCE_ALIAS = 2,
	EG_SOURCE_LEARNED = 3, /* typed by the contexts learned over the run (match/learn.h) */
} eg_source;

typedef struct eg_mention {
	uint32_t start, end;         /* bytes */
	uint32_t tok_start, tok_end; /* tokens */
	uint32_t entity;
	uint32_t sentence, paragraph;           /* indexes, from 0 */
	uint32_t sentence_start, sentence_end;  /* bytes of its first token's sentence */
	uint8_t source;              /* eg_source */
} eg_mention;

typedef struct eg_mentions {
	eg_mention *v;
	size_t n, cap;
} eg_mentions;

void eg_mentions_push(eg_mentions *list, const eg_mention *m);
/* Appends the mention of tokens [first, end), end > first: its offsets are
 * those of its first and last token. */
void eg_mentions_push_tokens(eg_mentions *list, const eg_tokens *tokens, size_t first, size_t end, uint32_t entity,
			     eg_source source);
void eg_mentions_free(eg_mentions *list);
/* A byte per token of the document, 1 where a mention of list covers it:
 * what the rules that find names in the gaps consult.  Caller frees. */
unsigned char *eg_mentions_covered(const eg_mentions *list, size_t tokens);
/* Fills sentence, paragraph, sentence_start and sentence_end of every
 * mention from tokens. */
void eg_mentions_locate(eg_mentions *list, const eg_tokens *tokens);

const char *eg_source_name(eg_source s);

#endif
