/*
 * eg_document: one article as it travels through the pipeline.
 *
 * Readers (input/) fill it; everything to their right only reads it.  All
 * strings are owned by the document and freed by eg_document_free.  `text`
 * holds `length` bytes exactly as read (not necessarily valid UTF-8, may
 * contain NULs) followed by a terminating NUL that is not counted.  Offsets in
 * mentions are byte offsets into `text`.
 *
 * Parts.  A document larger than EG_PART_BYTES travels in parts, one after
 * the other, each a document of its own with the same id and metadata:
 * `text` is the part's bytes, `offset` where they start in the whole
 * document, and `more` says that further parts follow.  A whole document is
 * the one part with offset 0 and more 0 (what a zeroed struct says).
 */
#ifndef EG_DOCUMENT_H
#define EG_DOCUMENT_H

#include <stddef.h>
#include <stdint.h>

/* The most text matched at once.  A document's tokens and mentions take
 * about 6 bytes per byte of text and run.c keeps a ring of 4 documents per
 * thread, so a larger document goes in parts of at most this size (cut at
 * a paragraph break where there is one): a ring of parts then takes tens
 * of megabytes, not gigabytes, while a part is still far larger than any
 * article (a 10,000-word feature is about 60 KB), so articles stay whole. */
#define EG_PART_BYTES ((size_t)256 << 10)

typedef struct eg_document {
	char *id;      /* path as given or reached, JSONL id, or "-" for stdin */
	char *text;
	size_t length;
	char *title;   /* metadata: NULL when unknown */
	char *date;
	char *url;
	char *source;
	uint64_t offset; /* of text in the whole document (parts) */
	int more;        /* further parts of this document follow */
} eg_document;

void eg_document_free(eg_document *doc);

#endif
