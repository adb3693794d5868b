#include "text/excerpt.h"
#include "text/utf8.h"

/* Appends text[from, to) to b with runs of white space and control
 * characters as one space and invalid UTF-8 as U+FFFD, so an excerpt is
 * always one line of valid text. */
static void append_clean(eg_buf *b, const char *text, size_t from, size_t to)
{
	const unsigned char *s = (const unsigned char *)text;
	int space = b->len > 0 && b->data[b->len - 1] == ' ';
	while (from < to) {
		/* A run of printable ASCII, most of any text, goes at once. */
		size_t run = from;
		while (run < to && s[run] > 0x20 && s[run] < 0x7f)
			run++;
		if (run > from) {
			eg_buf_add(b, text + from, run - from);
			from = run;
			space = 0;
			continue;
		}
		int len;
		uint32_t cp = eg_utf8_decode(s + from, to - from, &len);
		from += (size_t)len;
		if (cp <= 0x20 || cp == 0x7f || cp == 0x85 || cp == 0xa0 || cp == 0x2028 || cp == 0x2029) {
			if (!space && b->len)
				eg_buf_add(b, " ", 1);
			space = 1;
			continue;
		}
		char out[4];
		eg_buf_add(b, out, (size_t)eg_utf8_encode(cp, out));
		space = 0;
	}
}

/* Moves a cut point back to the start of a UTF-8 sequence. */
static size_t char_boundary(const char *text, size_t at)
{
	while (at > 0 && ((unsigned char)text[at] & 0xc0) == 0x80)
		at--;
	return at;
}

/* Cut points: a cut before text moves forward to the start of a word, a
 * cut after it back to the end of one, within a few bytes and never past
 * the mention (floor / ceiling); otherwise a UTF-8 boundary. */
#define WORD_REACH 24

static size_t cut_before(const char *text, size_t at, size_t ceiling)
{
	for (size_t i = at; i < ceiling && i < at + WORD_REACH; i++)
		if (text[i] == ' ' || text[i] == '\n')
			return i + 1;
	return char_boundary(text, at);
}

static size_t cut_after(const char *text, size_t at, size_t floor)
{
	for (size_t i = at; i > floor && i + WORD_REACH > at; i--)
		if (text[i] == ' ' || text[i] == '\n')
			return i;
	return char_boundary(text, at);
}

static void append_piece(eg_buf *b, const char *text, size_t from, size_t to, int cut_before, int cut_after)
{
	if (cut_before)
		eg_buf_add(b, "\xe2\x80\xa6", 3);
	append_clean(b, text, from, to);
	if (cut_after)
		eg_buf_add(b, "\xe2\x80\xa6", 3);
}

void eg_excerpt_second_half(eg_buf *b, const char *text, size_t lo, size_t hi, size_t y_start, size_t y_end,
			    size_t after, size_t max)
{
	const size_t half = max / 2, side = half / 3;
	size_t from = char_boundary(text, y_start - lo > side && y_start - side > after ? y_start - side : y_start);
	if (from > lo && from != y_start)
		from = cut_before(text, from, y_start);
	size_t to = hi - y_end > half - side ? cut_after(text, y_end + (half - side), y_end) : hi;
	append_piece(b, text, from, to, 0, to < hi);
}

void eg_excerpt_first_half(eg_buf *b, const char *text, size_t lo, size_t hi, size_t x_start, size_t x_end,
			   size_t max)
{
	const size_t half = max / 2, side = half / 3;
	size_t from = x_start - lo > side ? cut_before(text, x_start - side, x_start) : lo;
	size_t to = from + half < x_end ? x_end : from + half;
	to = to < hi ? cut_after(text, to, x_end) : hi;
	append_piece(b, text, from, to, from > lo, 1);
}

void eg_excerpt(eg_buf *b, const char *text, size_t lo, size_t hi, size_t x_start, size_t x_end, size_t y_start,
		size_t y_end, size_t max)
{
	if (hi - lo <= max) {
		append_clean(b, text, lo, hi);
	} else if (y_end - x_start <= max) {
		size_t spare = (max - (y_end - x_start)) / 2;
		size_t from = x_start - lo > spare ? cut_before(text, x_start - spare, x_start) : lo;
		size_t to = hi - y_end > spare ? cut_after(text, y_end + spare, y_end) : hi;
		append_piece(b, text, from, to, from > lo, to < hi);
	} else {
		const size_t half = max / 2, side = half / 3;
		size_t from = x_start - lo > side ? cut_before(text, x_start - side, x_start) : lo;
		size_t to = cut_after(text, from + half < x_end ? x_end : from + half, x_end);
		append_piece(b, text, from, to, from > lo, 1);
		eg_buf_add(b, " ", 1);
		eg_excerpt_second_half(b, text, lo, hi, y_start, y_end, to, max);
	}
}

void eg_excerpt_mention(eg_buf *b, const char *text, const eg_mention *m, size_t max)
{
	eg_excerpt(b, text, m->sentence_start, m->sentence_end, m->start, m->end, m->start, m->end, max);
}
