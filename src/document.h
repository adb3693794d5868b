/*
 * eg_document: one article as it travels through the pipeline.
 *
 * Readers (input/) fill it; everything to their right only reads it.  All
 * strings are owned by the document and freed by eg_document_free.  `text`
 * holds `length` bytes exactly as read (not necessarily valid UTF-8, may
 * contain NULs) followed by a terminating NUL that is not counted.  Offsets in
 * mentions are byte offsets into `text`.
 */
#ifndef EG_DOCUMENT_H
#define EG_DOCUMENT_H

#include <stddef.h>

typedef struct eg_document {
	char *id;      /* path as given or reached, JSONL id, or "-" for stdin */
	char *text;
	size_t length;
	char *title;   /* metadata: NULL when unknown */
	char *date;
	char *url;
	char *source;
} eg_document;

void eg_document_free(eg_document *doc);

#endif
