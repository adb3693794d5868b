#include "match/tsv.h"
#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void eg_tsv_init(eg_tsv *t, const char *data, size_t n)
{
	memset(t, 0, sizeof(*t));
	t->data = t->pos = data;
	t->end = data + n;
}

static int blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

int eg_tsv_next(eg_tsv *t)
{
	while (t->pos < t->end) {
		const char *s = t->pos;
		const char *nl = memchr(s, '\n', (size_t)(t->end - s));
		const char *e = nl ? nl : t->end;
		t->pos = nl ? nl + 1 : t->end;
		t->line++;
		if (e > s && e[-1] == '\r')
			e--;
		/* A UTF-8 BOM on the first line is an editor's, not the data's. */
		if (t->line == 1 && e - s >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
			s += 3;
		size_t n = (size_t)(e - s);
		if (blank(s, n) || s[0] == '#')
			continue;
		t->line_start = s;
		t->line_length = n;
		t->count = 0;
		for (const char *f = s;;) {
			const char *tab = memchr(f, '\t', (size_t)(e - f));
			const char *fe = tab ? tab : e;
			if (t->count < EG_TSV_MAX_FIELDS) {
				t->field[t->count].s = f;
				t->field[t->count].n = (size_t)(fe - f);
			}
			t->count++;
			if (!tab)
				break;
			f = tab + 1;
		}
		return 1;
	}
	return 0;
}

void eg_tsv_where(char out[EG_TSV_WHERE_SIZE], const char *name, size_t line)
{
	/* By hand: this runs for every line, and snprintf would cost more than
	 * the rest of reading one. */
	char digits[24];
	size_t k = sizeof(digits);
	for (size_t rest = line; k == sizeof(digits) || rest; rest /= 10)
		digits[--k] = (char)('0' + rest % 10);
	size_t n = strlen(name), count = sizeof(digits) - k;
	if (n + 1 + count >= EG_TSV_WHERE_SIZE) {
		snprintf(out, EG_TSV_WHERE_SIZE, "%s:%zu", name, line);
		return;
	}
	memcpy(out, name, n);
	out[n] = ':';
	memcpy(out + n + 1, digits + k, count);
	out[n + 1 + count] = '\0';
}

int eg_tsv_each(const char *name, const char *data, size_t n, eg_tsv_line_fn fn, void *context, eg_error *err)
{
	eg_tsv t;
	eg_tsv_init(&t, data, n);
	char where[EG_TSV_WHERE_SIZE];
	while (eg_tsv_next(&t)) {
		eg_tsv_where(where, name, t.line);
		/* Names are C strings from here on: a NUL would cut one short
		 * without a word (and means UTF-16, most likely). */
		if (memchr(t.line_start, '\0', t.line_length))
			return eg_error_set(err, "%s: NUL byte (the file must be UTF-8 text)", where);
		if (fn(context, &t, where, err) < 0)
			return -1;
	}
	return 0;
}

int eg_tsv_each_in_file(const char *path, eg_tsv_line_fn fn, void *context, eg_error *err)
{
	size_t n;
	char *data = eg_read_file(path, &n, err);
	if (!data)
		return -1;
	int rc = eg_tsv_each(path, data, n, fn, context, err);
	free(data);
	return rc;
}
