/*
 * input: command-line inputs -> documents, one at a time.
 *
 * Each path is a file, a directory or "-" (standard input); no paths means
 * standard input.  Directories are walked recursively in byte order of
 * their entry names, skipping names that start with "." and anything that
 * is neither a regular file nor a directory; symbolic links are followed to
 * files but not into directories (so a walk cannot loop).
 *
 * Formats.  Each file (or standard input) is read as a stream; if it starts
 * with the gzip magic bytes (1f 8b) it is inflated as it is read (members
 * may be concatenated, and NUL padding after the last is ignored, as by
 * gzip -dc).  At most the input budget's bytes are read from one input
 * (after inflating): the rest is cut and reported.  Then, with
 * EG_FORMAT_AUTO, the format comes from the extension (after
 * stripping ".gz"): .jsonl/.ndjson, .html/.htm, .xml/.rss/.atom, .txt; else
 * from the first bytes ("<rss", "<feed", "<rdf:RDF", "<?xml" with such a
 * root, "<!doctype html" or "<html", "{"); else plain text.  Any other
 * format applies to every input, standard input included.
 *
 *  - text: one document; text is the file's bytes exactly; id is the path
 *    as given or reached ("dir/sub/file.txt") or "-".  Read in blocks,
 *    never whole.  A file whose first EG_PART_BYTES are all NUL bytes
 *    (/dev/zero, a zeroed image) holds no text and is a bad input; one
 *    whose first block is more than 5% NUL bytes and control characters
 *    (input/binary.h) is a binary file (EG_INPUT_NOT_TEXT).
 * Binary files.  Whatever the format, an input whose first bytes (after
 * inflating gzip) are the signature of an image, PDF, archive, executable,
 * SQLite database, audio or video file (input/binary.h) is never read as
 * text: EG_INPUT_NOT_TEXT names its kind.
 *  - jsonl: one document per non-blank line, a JSON object: id (a string
 *    or number; else "PATH:LINE"), title or headline, the body from text,
 *    content, body, article or description, a date from published,
 *    published_at, publishedAt, pubDate, date or datePublished (a string or
 *    seconds since 1970), url or link, source (a string or {"name": ...});
 *    other fields ignored.  A NUL character (\u0000) in any of these but
 *    the body makes the record a bad one.
 *  - html: one document: the longest <article>, else <main>, else <body>,
 *    page furniture left out (html.c says which elements).  UTF-8 unless a
 *    byte order mark or a meta charset says otherwise; UTF-16 without
 *    either is recognised by its NUL bytes.
 *  - feed: one document per RSS item or Atom entry; id from guid or id,
 *    else the link, else "PATH#N" (N counts items from 1); source is the
 *    channel's or feed's title.
 *  A record or item with neither a title nor a body is a bad record.
 *  A JSONL line, an HTML page or a feed is held whole, so one larger than
 *  the record budget is skipped (EG_INPUT_LIMITED).
 *
 * A document larger than EG_PART_BYTES is handed on in parts (document.h),
 * each cut at the last paragraph break of its block, else the last line
 * break, else the last sentence end or white space, else at a UTF-8
 * character boundary: memory then holds a block, not the document.
 *
 * The document text of a jsonl record, an HTML page or a feed item is its
 * title (whitespace collapsed), a blank line ("\n\n") and its body, so the
 * title is a paragraph of its own; just the title or just the body when the
 * other is missing, and just the body when the body already begins with
 * the title.  Mention offsets are into that text.  HTML bodies (pages, and
 * HTML inside feeds) keep only readable text: one blank line between
 * blocks, runs of white space as one space.  JSONL bodies are kept as they
 * are.
 *
 * Dates are "YYYY-MM-DD" (the calendar date as written, not shifted to
 * UTC), or NULL when unknown or invalid.  Text and HTML files without a
 * date of their own take a leading YYYY-MM-DD from the file's base name.
 *
 * eg_input_next returns 1 with *doc filled (the caller frees it with
 * eg_document_free), 0 when all inputs are done, EG_INPUT_BAD_INPUT (-1)
 * when a whole input could not be read ("PATH: reason"), or
 * EG_INPUT_NOT_TEXT (-4) when a whole input is a binary file, skipped
 * unread (err the whole line: "PATH: binary file (PNG image), skipped"), or
 * EG_INPUT_BAD_RECORD (-2) when one record of an input was skipped
 * ("PATH:LINE: reason (column N)" for JSONL, "PATH: item N: reason" for a
 * feed), or EG_INPUT_LIMITED (-3) when a budget cut an input (after the
 * documents of what was read: "PATH: stopped after 1 GiB
 * (--max-input-bytes 1G); the rest is not read") or skipped a record or
 * page too large to hold (err a whole sentence naming the option).  Either
 * way err says why and the next call goes on with the rest.  A gzip input
 * that breaks off (truncated, corrupt) within its first EG_PART_BYTES is
 * skipped whole; one that breaks off later, or whose gzip data is followed
 * by garbage, is used up to there and reported after its documents as a
 * bad input.
 */
#ifndef EG_INPUT_H
#define EG_INPUT_H

#include <stddef.h>

#include "document.h"
#include "util/util.h"

typedef enum eg_input_format {
	EG_FORMAT_AUTO,
	EG_FORMAT_TEXT,
	EG_FORMAT_JSONL,
	EG_FORMAT_HTML,
	EG_FORMAT_FEED,
} eg_input_format;

enum { EG_INPUT_BAD_INPUT = -1, EG_INPUT_BAD_RECORD = -2, EG_INPUT_LIMITED = -3, EG_INPUT_NOT_TEXT = -4 };

/* "auto", "text", "jsonl", "html" or "feed"; returns -1 for anything else. */
int eg_input_format_parse(const char *name, eg_input_format *format);

typedef struct eg_input eg_input;
struct stat;

eg_input *eg_input_new(const char *const *paths, size_t count, eg_input_format format);
/* For a run that reads its inputs twice: when standard input is among
 * paths (or none are given), makes it readable again from where it began,
 * keeping a pipe's bytes in an unlinked file under $TMPDIR on the first
 * call.  0, or -1 with err set. */
int eg_input_rewind_stdin(const char *const *paths, size_t count, eg_error *err);
int eg_input_next(eg_input *in, eg_document *doc, eg_error *err);
void eg_input_free(eg_input *in);

/* The budgets.input_bytes and record_bytes the inputs are read with
 * (EG_BUDGETS_DEFAULT until set). */
void eg_input_budget(eg_input *in, const eg_budgets *budgets);

/* A hint that documents whose id keep() rejects will be dropped anyway:
 * files that hold one document named by their path (text and HTML, by
 * --input-format or extension) are then skipped unread.  Others are read
 * as usual, and the caller still filters their documents.  For sharded
 * runs, where each shard keeps 1/N of the documents. */
void eg_input_skip_ids(eg_input *in, int (*keep)(void *context, const char *id), void *context);

/* Never reads path (the run's own output or cache): a file that is the
 * same file (device and inode) as path, when path is named or when the walk
 * reaches the file, is skipped silently inside a directory and refused as
 * EG_INPUT_BAD_INPUT when named as an input itself.  Call before the first
 * eg_input_next or eg_input_next_file; path need not exist yet, and is
 * ignored when it names something other than a regular file. */
void eg_input_exclude(eg_input *in, const char *path);

/* Walks the same files eg_input_next would read, in the same order,
 * without reading them: returns 1 with *path (the caller frees it; "-" for
 * standard input, whose *st is left unset) and its stat, 0 at the end, or
 * EG_INPUT_BAD_INPUT (err set; the walk goes on at the next call).  For
 * deciding cheaply whether inputs changed since an earlier run. */
int eg_input_next_file(eg_input *in, char **path, struct stat *st, eg_error *err);

#endif
