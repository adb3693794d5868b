/*
 * reader: what input.c shares with the format readers; internal to input/.
 *
 * input.c reads a file through an eg_stream (inflating gzip, within the
 * input's byte budget), picks the format and hands the bytes to a reader.
 * Plain text is streamed in blocks by input.c itself; an HTML page or a
 * feed is read whole (up to the record budget) and parsed; record readers
 * (JSONL, feeds) are opened on the bytes and then yield one record per call
 * of next, with eg_input_next's results (1, 0, EG_INPUT_BAD_INPUT,
 * EG_INPUT_BAD_RECORD, EG_INPUT_LIMITED).  A reader never prints; it fills
 * err.
 */
#ifndef EG_INPUT_READER_H
#define EG_INPUT_READER_H

#include <stddef.h>

#include <libxml/xmlerror.h>

#include "input/input.h"
#include "util/util.h"

typedef struct eg_reader eg_reader;
struct eg_reader {
	const char *path;   /* owned by input.c, outlives the reader */
	const char *data;   /* the input's bytes, NUL-terminated; owned by input.c */
	size_t length;
	/* When set (JSONL from input.c), data holds only whole lines of the
	 * input, and at their end the reader calls refill for the next ones:
	 * 1 with data and length replaced, 0 at the end of the input, or an
	 * eg_input_next error for the reader to return (EG_INPUT_LIMITED: the
	 * next line was too long and is skipped; it still counts as a line). */
	int (*refill)(eg_reader *r, eg_error *err);
	void *owner;        /* refill's context */
	void *state;        /* the reader's own, freed by release */
	int (*next)(eg_reader *r, eg_document *doc, eg_error *err);
	void (*release)(eg_reader *r);
};

/* Opening sets state, next and release; returns -1 with err set
 * ("PATH:LINE: message") when the input cannot be read at all. */
int eg_jsonl_open(eg_reader *r, eg_error *err);
int eg_feed_open(eg_reader *r, eg_error *err);

/* One document from an HTML page: metadata from <head>, the article's
 * readable text.  The caller sets doc->id.  -1 ("PATH: ...") only for a
 * page too large for libxml2. */
int eg_html_read(const char *path, const char *data, size_t length, eg_document *doc, eg_error *err);

/* The readable text of a tree (an htmlDocPtr or any xmlNodePtr: feeds pass
 * XHTML content) appended to out: skipped elements left out, blocks
 * separated by one blank line, white space collapsed, no leading or
 * trailing space.  Entity references are never expanded. */
void eg_html_node_text(const void *node, eg_buf *out);

/* The same for a fragment of HTML markup ("<p>..." in an RSS description). */
void eg_html_fragment_text(const char *html, size_t length, eg_buf *out);

/* libxml2 reports some errors (failed encoding conversions) through its
 * generic handler, to stderr, whatever the parser options say; library code
 * never prints, so each parse runs between these two calls, which install
 * a silent handler for this thread and put the previous one back. */
typedef struct eg_xml_quiet {
	xmlGenericErrorFunc handler;
	void *context;
} eg_xml_quiet;
void eg_xml_quiet_begin(eg_xml_quiet *saved);
void eg_xml_quiet_end(const eg_xml_quiet *saved);

/* Sets doc->text to the title / blank line / body convention of input.h
 * and doc->title to the cleaned title (NULL when empty). */
void eg_document_compose(eg_document *doc, const char *title, const char *body, size_t body_length);

/* A copy of s[0..n) with runs of ASCII white space turned into one space
 * and trimmed; NULL when nothing is left. */
char *eg_clean_text(const char *s, size_t n);

/* "YYYY-MM-DD" from an ISO 8601 date ("2025-08-06T09:30:00Z"), an RFC 822
 * date ("Wed, 06 Aug 2025 09:30:00 +0000") or "August 6, 2025"; NULL when s
 * is none of these or names no real day. */
char *eg_date_parse(const char *s);

/* "YYYY-MM-DD" from seconds since 1970 (UTC); NULL when out of range. */
char *eg_date_from_epoch(double seconds);

/* "YYYY-MM-DD" from a valid date at the start of path's base name
 * ("corpus/2025-08-06-unit-8200-azure.txt"), else NULL. */
char *eg_date_from_name(const char *path);

/* An input's bytes as they are read (stream.c): from a file or standard
 * input ("-"), inflated when it starts with the gzip magic bytes (members
 * may be concatenated and followed by NUL padding, as gzip -dc reads them),
 * and never more than limit bytes after inflating. */
typedef struct eg_stream eg_stream;
/* NULL with err set ("PATH: reason") when the input cannot be opened. */
eg_stream *eg_stream_open(const char *path, uint64_t limit, eg_error *err);
void eg_stream_close(eg_stream *s);
/* Up to n bytes; 0 at the end of the data, at the limit or on an error. */
size_t eg_stream_read(eg_stream *s, void *out, size_t n);
/* Appends up to want bytes to b (fewer only at the end), keeping it
 * NUL-terminated; returns how many. */
size_t eg_stream_fill(eg_stream *s, eg_buf *b, size_t want);
/* Whether no more bytes will come. */
int eg_stream_ended(const eg_stream *s);
/* Whether the data stopped on an error ("PATH: truncated gzip data"...,
 * copied to err when not NULL). */
int eg_stream_failed(const eg_stream *s, eg_error *err);
/* Whether the limit cut the input; err says so, naming the option. */
int eg_stream_limited(const eg_stream *s, eg_error *err);
/* What to report once the input's documents are out: EG_INPUT_LIMITED
 * (the limit cut it), EG_INPUT_BAD_INPUT (it broke off, or trailing
 * garbage followed the gzip data, which is ignored as gzip -dc ignores it)
 * with err set, or 0. */
int eg_stream_report(const eg_stream *s, eg_error *err);

/* A budget in words and as its option's value: "64 MiB" and "64M". */
void eg_size_words(uint64_t n, char words[32], char option[32]);

#endif
