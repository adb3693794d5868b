/*
 * mentions: JSON Lines of entity mentions (SPEC.md, "mentions").
 *
 * eg_mentions_format appends one line per mention of a document:
 *   {"doc":...,"start":N,"end":N,"text":...,"type":...,"id":...,"label":...,"source":...,
 *    "sentence":...}
 * "sentence" is the excerpt (text/excerpt.h) of EG_SENTENCE_MAX bytes of the
 * mention's sentence around it.
 * eg_json_string appends a JSON string literal; bytes that are not valid
 * UTF-8 become U+FFFD, so the output is always valid JSON.  eg_json_bytes
 * writes each such byte 0xNN as the lone surrogate \udcNN instead, which is
 * lossless: Python's json.loads gives the string that os.fsencode (the
 * "surrogateescape" error handler) turns back into the very bytes.  "doc"
 * is written so, as a path must round-trip to name its file.
 */
#ifndef EG_OUTPUT_MENTIONS_H
#define EG_OUTPUT_MENTIONS_H

#include "document.h"
#include "match/entities.h"
#include "mention.h"
#include "util/util.h"

void eg_json_string(eg_buf *out, const char *s, size_t n);
void eg_json_bytes(eg_buf *out, const char *s, size_t n);
void eg_mentions_format(eg_buf *out, const eg_document *doc, const eg_mention *mentions, size_t n,
			const eg_entities *ents);

#endif
