/*
 * tsv: the line reader shared by the dictionary and rules loaders.
 *
 * Walks a buffer line by line (LF, CRLF), numbering lines from 1, skipping
 * blank lines and "#" comments, and splits each remaining line on tabs.
 * eg_tsv_each refuses a line holding a NUL byte.
 * Fields point into the buffer and are not NUL-terminated.
 */
#ifndef EG_TSV_H
#define EG_TSV_H

#include <stddef.h>

#include "util/util.h"

#define EG_TSV_MAX_FIELDS 8

typedef struct eg_tsv_field {
	const char *s;
	size_t n;
} eg_tsv_field;

typedef struct eg_tsv {
	const char *data, *end, *pos;
	size_t line;                 /* number of the current line */
	size_t count;                /* fields on the current line (may exceed EG_TSV_MAX_FIELDS) */
	eg_tsv_field field[EG_TSV_MAX_FIELDS];
	const char *line_start;
	size_t line_length;
} eg_tsv;

void eg_tsv_init(eg_tsv *t, const char *data, size_t n);
/* Advances to the next non-blank, non-comment line; returns 0 at the end. */
int eg_tsv_next(eg_tsv *t);

/* Writes "NAME:LINE", the place of a line in messages, into out (cut short
 * to fit EG_TSV_WHERE_SIZE bytes). */
#define EG_TSV_WHERE_SIZE 4096
void eg_tsv_where(char out[EG_TSV_WHERE_SIZE], const char *name, size_t line);

/* Handles one line; where is "NAME:LINE" for messages. */
typedef int (*eg_tsv_line_fn)(void *context, const eg_tsv *t, const char *where, eg_error *err);

/* Calls fn on every line of data (name is used in messages) or of the file
 * at path, stopping at the first that fails. */
int eg_tsv_each(const char *name, const char *data, size_t n, eg_tsv_line_fn fn, void *context, eg_error *err);
int eg_tsv_each_in_file(const char *path, eg_tsv_line_fn fn, void *context, eg_error *err);

#endif
