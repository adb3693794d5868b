#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int eg_error_set(eg_error *err, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->message, sizeof(err->message), fmt, ap);
		va_end(ap);
	}
	return -1;
}

static void out_of_memory(size_t n)
{
	fprintf(stderr, "entgraph: out of memory (allocating %zu bytes)\n", n);
	abort();
}

void *eg_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory(n);
	return p;
}

void *eg_xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		out_of_memory(count * size);
	return p;
}

void *eg_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		out_of_memory(n);
	return p;
}

char *eg_xstrndup(const char *s, size_t n)
{
	char *p = eg_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *eg_xstrdup(const char *s)
{
	return eg_xstrndup(s, strlen(s));
}

void eg_grow(void **v, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return;
	size_t n = *cap ? *cap : 8;
	while (n < need)
		n *= 2;
	*v = eg_xrealloc(*v, n * elem);
	*cap = n;
}

void eg_buf_reserve(eg_buf *b, size_t extra)
{
	EG_GROW(b->data, b->cap, b->len + extra + 1);
}

void eg_buf_add(eg_buf *b, const void *data, size_t n)
{
	eg_buf_reserve(b, n);
	if (n)
		memcpy(b->data + b->len, data, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void eg_buf_addc(eg_buf *b, char c)
{
	eg_buf_reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void eg_buf_adds(eg_buf *b, const char *s)
{
	eg_buf_add(b, s, strlen(s));
}

void eg_buf_printf(eg_buf *b, const char *fmt, ...)
{
	/* Most strings fit the stack buffer: one formatting pass, no sizing
	 * pass. */
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	if ((size_t)n < sizeof(small)) {
		eg_buf_add(b, small, (size_t)n);
		return;
	}
	eg_buf_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void eg_buf_clear(eg_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void eg_buf_free(eg_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

uint64_t eg_hash_mix(uint64_t h, const void *data, size_t n)
{
	const unsigned char *p = data;
	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

uint64_t eg_hash_bytes(const void *data, size_t n)
{
	return eg_hash_mix(0xcbf29ce484222325ULL, data, n);
}

void eg_format_double(char out[32], double v)
{
	for (int precision = 1; precision <= 17; precision++) {
		snprintf(out, 32, "%.*g", precision, v);
		if (strtod(out, NULL) != v)
			continue;
		/* %g switches to an exponent once the exponent reaches the
		 * precision, so 50 comes out as "5e+01"; below 1e17 the plain
		 * digits read better and round-trip just the same. */
		char *e = strchr(out, 'e');
		if (e) {
			int exponent = atoi(e + 1);
			if (exponent > 0 && exponent < 17)
				snprintf(out, 32, "%.*f", exponent >= precision - 1 ? 0 : precision - 1 - exponent, v);
		}
		return;
	}
}

char *eg_read_file(const char *path, size_t *length, eg_error *err)
{
	int is_stdin = strcmp(path, "-") == 0;
	FILE *fp = is_stdin ? stdin : fopen(path, "rb");
	if (!fp) {
		eg_error_set(err, "%s: %s", path, strerror(errno));
		return NULL;
	}
	eg_buf b = {0};
	/* Size the buffer from the file where there is one, so a large article
	 * is read with one allocation and no copies. */
	struct stat st;
	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
		b.cap = (size_t)st.st_size + 2; /* room to see the end of file */
		b.data = eg_xmalloc(b.cap);
	}
	for (;;) {
		if (b.cap - b.len < 2)
			eg_buf_reserve(&b, 65536);
		size_t got = fread(b.data + b.len, 1, b.cap - b.len - 1, fp);
		b.len += got;
		if (got == 0)
			break;
	}
	int failed = ferror(fp);
	int saved = errno;
	if (!is_stdin)
		fclose(fp);
	if (failed) {
		eg_buf_free(&b);
		eg_error_set(err, "%s: %s", path, strerror(saved));
		return NULL;
	}
	b.data[b.len] = '\0';
	*length = b.len;
	return b.data;
}
