/*
 * reader.h: drives a record reader (JSONL, feed) the way input.c does,
 * over a NUL-terminated copy of the fuzzed bytes: every document passes
 * fuzz_check_document, every error names the input, and the reader ends
 * after at most one record per byte (no endless loop).
 */
#ifndef EG_FUZZ_READER_H
#define EG_FUZZ_READER_H

#include "fuzz.h"
#include "input/reader.h"

#define FUZZ_PATH "fuzz-input"

static inline void fuzz_read_records(int (*open)(eg_reader *, eg_error *), const uint8_t *data, size_t size)
{
	char *copy = fuzz_copy(data, size);
	eg_reader r = {.path = FUZZ_PATH, .data = copy, .length = size};
	eg_error err;
	if (open(&r, &err) == 0) {
		size_t calls = 0;
		for (;;) {
			eg_document doc = {0};
			int rc = r.next(&r, &doc, &err);
			FUZZ_CHECK(++calls <= size + 2);
			if (rc == 0)
				break;
			if (rc < 0) {
				FUZZ_CHECK(rc == EG_INPUT_BAD_INPUT || rc == EG_INPUT_BAD_RECORD);
				FUZZ_CHECK(strncmp(err.message, FUZZ_PATH, strlen(FUZZ_PATH)) == 0);
				if (rc == EG_INPUT_BAD_INPUT)
					break;
				continue;
			}
			FUZZ_CHECK(rc == 1);
			fuzz_check_document(&doc);
			eg_document_free(&doc);
		}
		if (r.release)
			r.release(&r);
	} else {
		FUZZ_CHECK(strncmp(err.message, FUZZ_PATH, strlen(FUZZ_PATH)) == 0);
	}
	free(copy);
}

#endif
