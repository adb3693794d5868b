/*
 * util: the few building blocks every module uses.
 *
 * - eg_error: a message buffer that library code fills instead of printing.
 *   Functions that can fail return 0 on success and -1 on failure, with err
 *   set; the caller (cli/ or main.c) decides what to print and how to exit.
 * - eg_xmalloc and friends abort on out-of-memory, like git's xmalloc: a
 *   tool that cannot allocate a few bytes has no sensible way to go on.
 * - eg_buf: a growable byte buffer, always NUL-terminated.
 * - eg_hash_bytes: 64-bit FNV-1a, stable across runs and machines, used for
 *   hash tables and for the short hashes in entity ids.
 * - eg_budgets: the resource limits of one run (the --max-* options), handed
 *   to each stage that spends them; a stage that hits one says so in its
 *   result and goes on with less, and cli/ reports it naming the input.
 */
#ifndef EG_UTIL_H
#define EG_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>

#if defined(__GNUC__)
#define EG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define EG_PRINTF(a, b)
/* Reads a whole file (or standard input for "-") into memory, NUL-terminated
 * (the NUL not counted in *length); returns NULL with err set to
 * "PATH: reason" on failure. */
char *eg_read_file(const char *path, size_t *length, eg_error *err);

#endif

typedef struct eg_error {
	char message[1024];
} eg_error;

/* Sets err's message (if err is not NULL) and returns -1. */
int eg_error_set(eg_error *err, const char *fmt, ...) EG_PRINTF(2, 3);

void *eg_xmalloc(size_t n);
void *eg_xcalloc(size_t count, size_t size);
void *eg_xrealloc(void *p, size_t n);
char *eg_xstrdup(const char *s);
char *eg_xstrndup(const char *s, size_t n);

/* Grows *v (an array of elements of size elem) so that it holds at least need
 * elements; *cap is updated.  Amortised doubling. */
void eg_grow(void **v, size_t *cap, size_t need, size_t elem);
/* The test inline: most calls, one per token or byte appended, need nothing. */
#define EG_GROW(v, cap, need) \
	((need) <= (cap) ? (void)0 : eg_grow((void **)&(v), &(cap), (need), sizeof(*(v))))

typedef struct eg_buf {
	char *data;
	size_t len, cap;
} eg_buf;

void eg_buf_reserve(eg_buf *b, size_t extra);
void eg_buf_add(eg_buf *b, const void *data, size_t n);
void eg_buf_addc(eg_buf *b, char c);
void eg_buf_adds(eg_buf *b, const char *s);
void eg_buf_printf(eg_buf *b, const char *fmt, ...) EG_PRINTF(2, 3);
void eg_buf_clear(eg_buf *b);
void eg_buf_free(eg_buf *b);

/* The first occurrence of needle in [p, end), or NULL (memmem is a GNU
 * extension). */
const char *eg_find_bytes(const char *p, const char *end, const char *needle);

uint64_t eg_hash_bytes(const void *data, size_t n);
uint64_t eg_hash_mix(uint64_t h, const void *data, size_t n);

/* Formats a double as the shortest decimal that reads back to the same
 * value ("3", "0.25", "1e-07"), without an exponent from 1 to 1e17 ("50",
 * not "5e+01"); out must hold 32 bytes. */
void eg_format_double(char out[32], double v);

/* 12345 as "12,345", for counts people read (summaries, the SVG's title);
 * out must hold 32 bytes.  Returns out. */
const char *eg_format_grouped(char out[32], uint64_t v);

/* Reads a whole file (or standard input for "-") into memory, NUL-terminated
 * (the NUL not counted in *length); returns NULL with err set to
 * "PATH: reason" on failure. */
char *eg_read_file(const char *path, size_t *length, eg_error *err);

/* Limits that keep one input, however large or hostile, from exhausting
 * memory or time.  Each is a user option with a default; 0 is never used. */
typedef struct eg_budgets {
	uint64_t input_bytes;     /* --max-input-bytes: bytes read (inflated) from one input */
	uint64_t record_bytes;    /* --max-record-bytes: bytes held whole (a JSONL line, a page, a feed) */
	uint64_t rule_steps;      /* --max-rule-steps: PCRE2 steps of all rules on one document */
	uint32_t window_entities; /* --max-window-entities: distinct entities linked in one window */
} eg_budgets;

#define EG_BUDGETS_DEFAULT                                                                          \
	((eg_budgets){.input_bytes = (uint64_t)1 << 30, .record_bytes = (uint64_t)64 << 20,        \
		      .rule_steps = 100000000, .window_entities = 500})

/* Days in a month (1-12) of the Gregorian calendar. */
int eg_days_in_month(int year, int month);
/* 1 when s[0, n) is exactly a calendar date "YYYY-MM-DD" (years 0001-9999),
 * the only form documents and partial results carry dates in. */
int eg_date_valid(const char *s, size_t n);

/* Parses a size: a whole number with an optional K, M, G or T suffix
 * (powers of 1024; "64M", "1G").  Returns -1 when s is not one, or is 0. */
int eg_parse_size(const char *s, uint64_t *out);

#endif
