/*
 * json: a strict RFC 8259 parser for one JSON text in memory, into a tree.
 *
 * Strings are decoded to UTF-8 (every escape, \uXXXX surrogate pairs
 * joined); an unpaired surrogate, a raw control character or invalid UTF-8
 * is an error, as are trailing commas, single quotes, comments, leading
 * zeros, NaN and anything after the value.  Numbers keep the text they were
 * written as.  Nesting deeper than EG_JSON_MAX_DEPTH is refused so hostile
 * input cannot exhaust the stack.  The tree owns its strings; free it with
 * eg_json_free.
 */
#ifndef EG_INPUT_JSON_H
#define EG_INPUT_JSON_H

#include <stddef.h>

#include "util/util.h"

#define EG_JSON_MAX_DEPTH 256

typedef enum eg_json_type {
	EG_JSON_NULL,
	EG_JSON_FALSE,
	EG_JSON_TRUE,
	EG_JSON_NUMBER,
	EG_JSON_STRING,
	EG_JSON_ARRAY,
	EG_JSON_OBJECT,
} eg_json_type;

typedef struct eg_json eg_json;
struct eg_json {
	eg_json_type type;
	char *string;   /* STRING: decoded (may hold NULs), NUMBER: as written; NUL-terminated */
	size_t length;  /* of string */
	size_t offset;  /* of the value's first byte in the text parsed */
	double number;  /* NUMBER */
	size_t count;   /* ARRAY, OBJECT: items (and keys) */
	char **keys;    /* OBJECT: decoded, NUL-terminated */
	eg_json *items;
};

/* Parses text[0..length) as exactly one JSON value.  Returns 0, or -1 with
 * err set to what is wrong and *column to the 1-based byte where it is. */
int eg_json_parse(const char *text, size_t length, eg_json *out, size_t *column, eg_error *err);

/* The value of key in an object (the last, when a key repeats, as most
 * parsers do), or NULL. */
const eg_json *eg_json_get(const eg_json *object, const char *key);

void eg_json_free(eg_json *value);

#endif
