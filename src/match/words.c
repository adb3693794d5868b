#include "match/words.h"
#include "util/map.h"

#include <stdlib.h>
#include <string.h>

struct eg_words {
	eg_strmap set;
};

eg_words *eg_words_new(void)
{
	eg_words *w = eg_xcalloc(1, sizeof(*w));
	eg_strmap_init(&w->set);
	return w;
}

void eg_words_free(eg_words *w)
{
	if (!w)
		return;
	eg_strmap_free(&w->set);
	free(w);
}

size_t eg_words_count(const eg_words *w)
{
	return w->set.count;
}

/* Lower-cases ASCII into out (64 bytes); returns 0 when the word is too
 * long to be a common word. */
static size_t lower(const char *s, size_t n, char out[64])
{
	if (n > 64)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		out[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	return n;
}

int eg_words_load_buffer(eg_words *w, const char *data, size_t n)
{
	char word[64];
	for (const char *s = data, *end = data + n; s < end;) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		size_t len = (size_t)(e - s);
		if (len && s[len - 1] == '\r')
			len--;
		if (len && s[0] != '#' && (len = lower(s, len, word)) > 0)
			eg_strmap_intern(&w->set, word, len, NULL);
		s = nl ? nl + 1 : end;
	}
	return 0;
}

int eg_words_load_file(eg_words *w, const char *path, eg_error *err)
{
	size_t n;
	char *data = eg_read_file(path, &n, err);
	if (!data)
		return -1;
	int rc = eg_words_load_buffer(w, data, n);
	free(data);
	return rc;
}

int eg_words_has(const eg_words *w, const char *s, size_t n)
{
	char word[64];
	size_t len = lower(s, n, word);
	return len && eg_strmap_find(&w->set, word, len) >= 0;
}
