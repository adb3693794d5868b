/*
 * fuzz.h: what the libFuzzer harnesses share.
 *
 * A failed FUZZ_CHECK prints the condition and aborts, so libFuzzer keeps
 * the input as a crash artefact.  The invariant checks here are the
 * contracts of the module headers (tokenize.h, mention.h, document.h)
 * written as code; every harness that produces tokens, mentions or
 * documents runs them.
 */
#ifndef EG_FUZZ_H
#define EG_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "mention.h"
#include "text/tokenize.h"
#include "text/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                                      \
	do {                                                                                  \
		if (!(cond)) {                                                                \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
			abort();                                                              \
		}                                                                             \
	} while (0)

/* A NUL-terminated copy of data, as readers and loaders get from
 * eg_read_file. */
static inline char *fuzz_copy(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	FUZZ_CHECK(s != NULL);
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* Harnesses that need two inputs (a dictionary and a text) split theirs at
 * the first NUL byte; without one, the text is this fixed article. */
static const char fuzz_default_text[] =
	"Unit 8200 used Microsoft's Azure cloud to store intercepted calls, an investigation by "
	"The Guardian, +972 Magazine and Local Call reported.\n\nThe Israel Defense Forces (IDF) "
	"said. Mr. Smith of Acme Corp. met the U.S. envoy in Gaza City on 2025-08-06.";

static inline void fuzz_split(const uint8_t *data, size_t size, const char **head, size_t *head_size,
			      const char **tail, size_t *tail_size)
{
	const uint8_t *nul = memchr(data, 0, size);
	*head = (const char *)data;
	if (nul) {
		*head_size = (size_t)(nul - data);
		*tail = (const char *)nul + 1;
		*tail_size = size - *head_size - 1;
	} else {
		*head_size = size;
		*tail = fuzz_default_text;
		*tail_size = sizeof(fuzz_default_text) - 1;
	}
}

static inline int fuzz_is_space_byte(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == '\0';
}

/* tokenize.h: tokens in order, inside the text, never overlapping or
 * spanning white space; valid UTF-8 unless INVALID (then one byte);
 * exactly one kind; sentence and paragraph numbers start at 0, grow by one
 * exactly where the flags say a sentence or paragraph starts, and are
 * counted in sentences and paragraphs. */
static inline void fuzz_check_tokens(const char *text, size_t length, const eg_tokens *t)
{
	if (t->n == 0) {
		FUZZ_CHECK(t->sentences == 0 && t->paragraphs == 0);
		return;
	}
	uint32_t previous_end = 0;
	for (size_t i = 0; i < t->n; i++) {
		const eg_token *k = &t->v[i];
		FUZZ_CHECK(k->start < k->end);
		FUZZ_CHECK(k->end <= length);
		FUZZ_CHECK(k->start >= previous_end);
		previous_end = k->end;
		uint32_t kind = k->flags & (EG_TOK_WORD | EG_TOK_NUMBER | EG_TOK_PUNCT | EG_TOK_INVALID);
		FUZZ_CHECK(kind != 0 && (kind & (kind - 1)) == 0);
		if (kind == EG_TOK_INVALID) {
			FUZZ_CHECK(k->end - k->start == 1);
			int len;
			uint32_t cp = eg_utf8_decode((const unsigned char *)text + k->start, length - k->start, &len);
			FUZZ_CHECK(cp == EG_UTF8_INVALID);
		} else {
			FUZZ_CHECK(eg_utf8_valid(text + k->start, k->end - k->start));
			for (uint32_t b = k->start; b < k->end; b++)
				FUZZ_CHECK(!fuzz_is_space_byte((unsigned char)text[b]));
		}
		if (k->flags & EG_TOK_ALL_UPPER)
			FUZZ_CHECK(k->flags & EG_TOK_HAS_UPPER);
		if (k->flags & EG_TOK_PARA_START)
			FUZZ_CHECK((k->flags & EG_TOK_SENT_START) && (k->flags & EG_TOK_LINE_START));
		if (i == 0) {
			FUZZ_CHECK(k->sentence == 0 && k->paragraph == 0);
			FUZZ_CHECK(k->flags & EG_TOK_PARA_START);
		} else {
			const eg_token *p = &t->v[i - 1];
			FUZZ_CHECK(k->sentence == p->sentence + ((k->flags & EG_TOK_SENT_START) ? 1 : 0));
			FUZZ_CHECK(k->paragraph == p->paragraph + ((k->flags & EG_TOK_PARA_START) ? 1 : 0));
		}
	}
	FUZZ_CHECK(t->sentences == t->v[t->n - 1].sentence + 1);
	FUZZ_CHECK(t->paragraphs == t->v[t->n - 1].paragraph + 1);
}

/* mention.h: offsets are those of the mention's first and last token. */
static inline void fuzz_check_mentions(size_t length, const eg_tokens *t, const eg_mentions *m)
{
	for (size_t i = 0; i < m->n; i++) {
		const eg_mention *x = &m->v[i];
		FUZZ_CHECK(x->start < x->end && x->end <= length);
		FUZZ_CHECK(x->tok_start < x->tok_end && x->tok_end <= t->n);
		FUZZ_CHECK(x->start == t->v[x->tok_start].start);
		FUZZ_CHECK(x->end == t->v[x->tok_end - 1].end);
	}
}

/* document.h: an id, text NUL-terminated at length, dates as YYYY-MM-DD;
 * then the text goes through the tokenizer. */
static inline void fuzz_check_document(const eg_document *doc)
{
	FUZZ_CHECK(doc->id != NULL);
	FUZZ_CHECK(doc->text != NULL && doc->text[doc->length] == '\0');
	if (doc->date) {
		FUZZ_CHECK(strlen(doc->date) == 10 && doc->date[4] == '-' && doc->date[7] == '-');
	}
	eg_tokens tokens = {0};
	eg_tokenize(doc->text, doc->length, &tokens);
	fuzz_check_tokens(doc->text, doc->length, &tokens);
	eg_tokens_free(&tokens);
}

#endif
