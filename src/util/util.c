#include "util.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <math.h>
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

const char *eg_find_bytes(const char *p, const char *end, const char *needle)
{
	size_t n = strlen(needle);
	for (; (size_t)(end - p) >= n; p++)
		if (*p == *needle && memcmp(p, needle, n) == 0)
			return p;
	return NULL;
}

uint64_t eg_hash_bytes(const void *data, size_t n)
{
	return eg_hash_mix(0xcbf29ce484222325ULL, data, n);
}

/* A double as its correctly rounded 17 significant digits, taken from one
 * "%.16e".  Rounding these digits to a shorter precision gives what
 * "%.*g" would print without asking the C library again (see
 * round_digits): a "%.*g" and a strtod at every precision the search
 * tried were a tenth of a large run, spent writing four numbers an edge. */
typedef struct {
	double v;
	int usable;     /* 0 for inf and NaN: every precision goes to "%.*g" */
	int negative;
	int exponent;   /* of the first digit, as in d.ddde+XX */
	char digits[17];
} decimal;

static void decimal_init(decimal *d, double v)
{
	d->v = v;
	d->usable = isfinite(v);
	if (!d->usable)
		return;
	char text[32];
	snprintf(text, sizeof(text), "%.16e", v);
	const char *s = text;
	d->negative = *s == '-';
	s += d->negative;
	d->digits[0] = *s;
	memcpy(d->digits + 1, s + 2, 16); /* past the point */
	s += 19;                          /* past the 'e' */
	int negative_exponent = *s++ == '-';
	int exponent = 0;
	while (*s)
		exponent = exponent * 10 + (*s++ - '0');
	d->exponent = negative_exponent ? -exponent : exponent;
}

/* Rounds d's digits to the nearest precision-digit number; returns 0 when
 * the dropped digits are exactly a half.  Elsewhere this is v's own
 * rounding: a midpoint between two precision-digit numbers has at most 17
 * digits, so it cannot lie strictly between v and its nearest 17-digit
 * number.  At a half in the 17 digits, v may sit on either side (or on
 * it, where the C library rounds to even), so the caller asks "%.*g". */
static int round_digits(const decimal *d, int precision, char digits[17], int *exponent)
{
	memcpy(digits, d->digits, 17);
	*exponent = d->exponent;
	if (precision >= 17 || digits[precision] < '5')
		return 1;
	if (digits[precision] == '5') {
		int i = precision + 1;
		while (i < 17 && digits[i] == '0')
			i++;
		if (i == 17)
			return 0;
	}
	int i = precision - 1;
	while (i >= 0 && digits[i] == '9')
		digits[i--] = '0';
	if (i >= 0) {
		digits[i]++;
	} else { /* 9.99 rounds to 10.0: one more power of ten */
		digits[0] = '1';
		(*exponent)++;
	}
	return 1;
}

/* Writes the exponent as glibc does: a sign and at least two digits. */
static char *write_exponent(char *p, int exponent)
{
	*p++ = 'e';
	*p++ = exponent < 0 ? '-' : '+';
	unsigned magnitude = (unsigned)(exponent < 0 ? -exponent : exponent);
	if (magnitude >= 100)
		*p++ = (char)('0' + magnitude / 100);
	*p++ = (char)('0' + magnitude / 10 % 10);
	*p++ = (char)('0' + magnitude % 10);
	return p;
}

/* Writes what "%.*g" with this precision prints for d.ddd (count digits)
 * times 10^exponent: an exponent when it is below -4 or reaches the
 * precision, plain digits otherwise; no trailing zeros after the point, no
 * bare point.  Returns the text's length. */
static int write_g(char out[32], int negative, const char *digits, int count,
		    int precision, int exponent)
{
	while (count > 1 && digits[count - 1] == '0')
		count--;
	char *p = out;
	if (negative)
		*p++ = '-';
	if (exponent < -4 || exponent >= precision) {
		*p++ = digits[0];
		if (count > 1) {
			*p++ = '.';
			memcpy(p, digits + 1, (size_t)count - 1);
			p += count - 1;
		}
		p = write_exponent(p, exponent);
	} else if (exponent < 0) {
		*p++ = '0';
		*p++ = '.';
		for (int i = -1; i > exponent; i--)
			*p++ = '0';
		memcpy(p, digits, (size_t)count);
		p += count;
	} else {
		int whole = exponent + 1; /* digits before the point */
		for (int i = 0; i < whole; i++)
			*p++ = i < count ? digits[i] : '0';
		if (count > whole) {
			*p++ = '.';
			memcpy(p, digits + whole, (size_t)(count - whole));
			p += count - whole;
		}
	}
	*p = '\0';
	return (int)(p - out);
}

/* Writes exactly what "%.*g" with this precision prints for d->v; returns
 * the length as snprintf does. */
static int format_at(char out[32], const decimal *d, int precision)
{
	char digits[17];
	int exponent;
	if (d->usable && round_digits(d, precision, digits, &exponent))
		return write_g(out, d->negative, digits, precision < 17 ? precision : 17,
			       precision, exponent);
	return snprintf(out, 32, "%.*g", precision, d->v);
}

/* Whether the text at this precision reads back as v. */
static int round_trips(char out[32], const decimal *d, int precision)
{
	/* At most 17 digits, an exponent and signs: always fits. */
	return format_at(out, d, precision) < 32 && strtod(out, NULL) == d->v;
}

void eg_format_double(char out[32], double v)
{
	/* Whole numbers, most counts and degrees, print as they are. */
	if (v == floor(v) && fabs(v) < 1e17) {
		snprintf(out, 32, "%.0f", v);
		return;
	}
	decimal d;
	decimal_init(&d, v);
	/* If p digits read back, so do p + 1 (the p-digit text is one of the
	 * candidates at p + 1, and the nearest is no farther), so the
	 * shortest precision can be found by bisection; 17 always does.
	 * Computed values (ratios, logarithms) mostly need 16 or 17 digits, so
	 * 15 is tried first: one to three conversions for them. */
	int lo = 1, hi = 17;
	if (round_trips(out, &d, 15))
		hi = 15;
	else
		lo = 16;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (round_trips(out, &d, mid))
			hi = mid;
		else
			lo = mid + 1;
	}
	format_at(out, &d, lo);
	/* %g switches to an exponent once the exponent reaches the precision,
	 * so 150.5 could come out as "1.505e+02"; below 1e17 the plain digits
	 * read better and round-trip just the same. */
	char *e = strchr(out, 'e');
	if (e) {
		int exponent = atoi(e + 1);
		if (exponent > 0 && exponent < 17 &&
		    snprintf(out, 32, "%.*f", exponent >= lo - 1 ? 0 : lo - 1 - exponent, v) >= 32)
			format_at(out, &d, lo); /* cannot happen below 1e17; keep the %g form */
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

int eg_parse_size(const char *s, uint64_t *out)
{
	if (*s < '0' || *s > '9')
		return -1;
	uint64_t n = 0;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (n > (UINT64_MAX - 9) / 10)
			return -1;
		n = n * 10 + (uint64_t)(*s - '0');
	}
	static const char suffixes[] = "KMGT";
	const char *at = *s ? strchr(suffixes, *s) : NULL;
	if (*s && (!at || s[1]))
		return -1;
	for (int shift = at ? (int)(at - suffixes) + 1 : 0; shift > 0; shift--) {
		if (n > UINT64_MAX / 1024)
			return -1;
		n *= 1024;
	}
	if (n == 0)
		return -1;
	*out = n;
	return 0;
}

int eg_days_in_month(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && leap ? 29 : days[month - 1];
}

int eg_date_valid(const char *s, size_t n)
{
	if (n != 10)
		return 0;
	int v[3] = {0, 0, 0}, field = 0;
	for (size_t i = 0; i < n; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return 0;
			field++;
		} else if (s[i] >= '0' && s[i] <= '9') {
			v[field] = v[field] * 10 + (s[i] - '0');
		} else {
			return 0;
		}
	}
	return v[0] >= 1 && v[1] >= 1 && v[1] <= 12 && v[2] >= 1 && v[2] <= eg_days_in_month(v[0], v[1]);
}

const char *eg_format_grouped(char out[32], uint64_t v)
{
	char digits[24];
	int n = snprintf(digits, sizeof(digits), "%" PRIu64, v), o = 0;
	for (int i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
	return out;
}
