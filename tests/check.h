/*
 * A minimal unit-test harness: CHECK records a failure and goes on, so one
 * run shows every broken expectation; main returns check_result().
 */
#ifndef EG_CHECK_H
#define EG_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                              \
	do {                                                                     \
		check_count++;                                                   \
		if (!(cond)) {                                                   \
			check_failures++;                                        \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,   \
				__LINE__, #cond);                                \
		}                                                                \
	} while (0)

#define CHECK_INT(got, want)                                                     \
	do {                                                                     \
		long long g_ = (long long)(got), w_ = (long long)(want);         \
		check_count++;                                                   \
		if (g_ != w_) {                                                  \
			check_failures++;                                        \
			fprintf(stderr, "%s:%d: %s is %lld, want %lld\n",        \
				__FILE__, __LINE__, #got, g_, w_);               \
		}                                                                \
	} while (0)

#define CHECK_STR(got, want)                                                     \
	do {                                                                     \
		const char *g_ = (got), *w_ = (want);                            \
		check_count++;                                                   \
		if (!g_ || strcmp(g_, w_) != 0) {                                \
			check_failures++;                                        \
			fprintf(stderr, "%s:%d: %s is \"%s\", want \"%s\"\n",    \
				__FILE__, __LINE__, #got, g_ ? g_ : "(null)",    \
				w_);                                             \
		}                                                                \
	} while (0)

/* Compares n bytes at got with the string want. */
#define CHECK_MEM(got, n, want)                                                  \
	do {                                                                     \
		const char *g_ = (got), *w_ = (want);                            \
		size_t n_ = (n);                                                 \
		check_count++;                                                   \
		if (n_ != strlen(w_) || memcmp(g_, w_, n_) != 0) {               \
			check_failures++;                                        \
			fprintf(stderr, "%s:%d: %s is \"%.*s\", want \"%s\"\n",  \
				__FILE__, __LINE__, #got, (int)n_, g_, w_);      \
		}                                                                \
	} while (0)

static inline int check_result(const char *name)
{
	printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
	return check_failures ? 1 : 0;
}

#endif
