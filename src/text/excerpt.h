/*
 * excerpt: a short, one-line quotation of a document's text around one or
 * two mentions, for snippets and evidence sentences.
 *
 * An excerpt is valid UTF-8 on one line: runs of white space and control
 * characters become one space, invalid UTF-8 becomes U+FFFD.  Where text
 * is cut, a "…" marks it; cuts fall at word starts and ends when one lies
 * within a few bytes, and never inside a mention.  `max` is the budget in
 * bytes of the quoted text; the marks, and a mention longer than the
 * budget, come on top.  Offsets are bytes into text.
 */
#ifndef EG_EXCERPT_H
#define EG_EXCERPT_H

#include <stddef.h>

#include "mention.h"
#include "util/util.h"

/* Appends text[lo, hi), which holds [x_start, x_end) before or at
 * [y_start, y_end) (the same span twice for one mention): all of it when
 * it fits in max bytes; else the text around both, or around each with a
 * "…" between when they lie too far apart. */
void eg_excerpt(eg_buf *b, const char *text, size_t lo, size_t hi, size_t x_start, size_t x_end, size_t y_start,
		size_t y_end, size_t max);

/* A mention's sentence around it, in max bytes: the evidence of what
 * names an entity (mentions' "sentence", an entity's evidence). */
void eg_excerpt_mention(eg_buf *b, const char *text, const eg_mention *m, size_t max);

/* The two halves of an excerpt whose mentions lie in different texts (the
 * parts of one document): the first, text around [x_start, x_end) within
 * [lo, hi) ending in "…"; the second, appended after it, the text around
 * [y_start, y_end) within [lo, hi), never starting before `after`.  Each
 * takes about max / 2 bytes. */
void eg_excerpt_first_half(eg_buf *b, const char *text, size_t lo, size_t hi, size_t x_start, size_t x_end,
			   size_t max);
void eg_excerpt_second_half(eg_buf *b, const char *text, size_t lo, size_t hi, size_t y_start, size_t y_end,
			    size_t after, size_t max);

#endif
