#include "text/utf8.h"

#include <string.h>

#include <utf8proc.h>

/*
 * Decoding follows the well-formed byte sequences of Unicode 3.9 table 3-7:
 * the second byte's range depends on the lead byte, which is what rules out
 * overlongs (C0, C1, E0 80..9F, F0 80..8F), surrogates (ED A0..BF) and values
 * past U+10FFFF (F4 90.., F5..FF) without decoding first and checking after.
 */
uint32_t eg_utf8_decode(const unsigned char *s, size_t n, int *len)
{
	unsigned char c = s[0];
	*len = 1;
	if (c < 0x80)
		return c;

	int need;
	unsigned char lo = 0x80, hi = 0xBF;
	uint32_t cp;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		cp = c & 0x1Fu;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		cp = c & 0x0Fu;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		cp = c & 0x07u;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		return EG_UTF8_INVALID;
	}
	if (n <= (size_t)need)
		return EG_UTF8_INVALID;
	if (s[1] < lo || s[1] > hi)
		return EG_UTF8_INVALID;
	cp = (cp << 6) | (s[1] & 0x3Fu);
	for (int k = 2; k <= need; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return EG_UTF8_INVALID;
		cp = (cp << 6) | (s[k] & 0x3Fu);
	}
	*len = need + 1;
	return cp;
}

/* A value that is not a Unicode scalar value is written as U+FFFD, so the
 * output is always valid UTF-8. */
int eg_utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

int eg_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		int len;
		if (eg_utf8_decode(p + i, n - i, &len) == EG_UTF8_INVALID)
			return 0;
		i += (size_t)len;
	}
	return 1;
}

/* utf8proc takes a signed code point; anything outside the code space is
 * unassigned (Cn), which none of the predicates below accept. */
static utf8proc_category_t category(uint32_t cp)
{
	if (cp > 0x10FFFF)
		return UTF8PROC_CATEGORY_CN;
	return utf8proc_category((utf8proc_int32_t)cp);
}

int eg_cp_is_letter(uint32_t cp)
{
	utf8proc_category_t c = category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
}

int eg_cp_is_digit(uint32_t cp)
{
	utf8proc_category_t c = category(cp);
	return c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO;
}

int eg_cp_is_space(uint32_t cp)
{
	if ((cp >= 0x09 && cp <= 0x0D) || cp == 0x85)
		return 1;
	utf8proc_category_t c = category(cp);
	return c >= UTF8PROC_CATEGORY_ZS && c <= UTF8PROC_CATEGORY_ZP;
}

int eg_cp_is_upper(uint32_t cp)
{
	utf8proc_category_t c = category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int eg_cp_is_lower(uint32_t cp)
{
	return category(cp) == UTF8PROC_CATEGORY_LL;
}

uint32_t eg_cp_ascii_punct(uint32_t cp)
{
	switch (cp) {
	case 0x2018: /* left single quotation mark, often typed as an apostrophe */
	case 0x2019: /* right single quotation mark, the typographic apostrophe */
	case 0x201B:
	case 0x2032: /* prime, what some keyboards and OCR produce for ' */
		return '\'';
	case 0x201C:
	case 0x201D:
	case 0x201E:
		return '"';
	case 0x2010:
	case 0x2011:
		return '-';
	default:
		return cp;
	}
}

static const unsigned char ascii_lower[128] = {
	0,   1,   2,   3,   4,   5,   6,   7,   8,   9,   10,  11,  12,  13,  14,  15,
	16,  17,  18,  19,  20,  21,  22,  23,  24,  25,  26,  27,  28,  29,  30,  31,
	' ', '!', '"', '#', '$', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/',
	'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?',
	'@', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
	'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '[', '\\', ']', '^', '_',
	'`', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
	'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '{', '|', '}', '~', 127,
};

/* Case folding of one non-ASCII code point, appended to out.  Folding never
 * yields more than three code points (U+0390 -> U+03B9 U+0308 U+0301); the
 * larger buffer is headroom for future Unicode versions. */
/* Latin and Greek letters lose their accents when folded ("Liège" and
 * "Liege" are one name); combining accents written apart go too.  Other
 * scripts keep their marks, which there spell different letters. */
static int strips_marks(uint32_t cp)
{
	return cp < 0x0400 || (cp >= 0x1E00 && cp <= 0x1FFF);
}

static void append_folded(eg_buf *out, uint32_t cp)
{
	utf8proc_int32_t folded[8];
	int boundclass = 0;
	if (cp >= 0x0300 && cp <= 0x036F)
		return;
	int options = UTF8PROC_CASEFOLD;
	if (strips_marks(cp))
		options |= UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK;
	utf8proc_ssize_t k = utf8proc_decompose_char((utf8proc_int32_t)cp, folded, 8,
						     (utf8proc_option_t)options, &boundclass);
	if (k < 0 || k > 8) {
		folded[0] = (utf8proc_int32_t)cp;
		k = 1;
	}
	eg_buf_reserve(out, (size_t)k * 4);
	for (utf8proc_ssize_t j = 0; j < k; j++)
		out->len += (size_t)eg_utf8_encode((uint32_t)folded[j], out->data + out->len);
	out->data[out->len] = '\0';
}

/*
 * One walk serves both normal forms.  ASCII bytes are copied (or lowered) in
 * the tight loop with no decoding; only a lead byte >= 0x80 is decoded, and
 * an invalid one is copied through as it is.
 */
static void normalize(const char *s, size_t n, eg_buf *out, int fold)
{
	const unsigned char *p = (const unsigned char *)s;
	eg_buf_clear(out);
	eg_buf_reserve(out, n);
	size_t i = 0;
	while (i < n) {
		if (p[i] < 0x80) {
			/* folding may have grown the output past n, so the
			 * room reserved up front is not enough on its own */
			eg_buf_reserve(out, n - i);
			char *o = out->data + out->len;
			size_t start = i;
			if (fold) {
				while (i < n && p[i] < 0x80) {
					*o++ = (char)ascii_lower[p[i]];
					i++;
				}
			} else {
				while (i < n && p[i] < 0x80)
					i++;
				memcpy(o, p + start, i - start);
			}
			out->len += i - start;
			continue;
		}
		int len;
		uint32_t cp = eg_utf8_decode(p + i, n - i, &len);
		uint32_t ascii = cp == EG_UTF8_INVALID ? cp : eg_cp_ascii_punct(cp);
		if (ascii < 0x80) {
			eg_buf_reserve(out, 1);
			out->data[out->len++] = (char)ascii;
		} else if (fold && cp != EG_UTF8_INVALID) {
			append_folded(out, cp);
		} else {
			eg_buf_reserve(out, (size_t)len);
			memcpy(out->data + out->len, p + i, (size_t)len);
			out->len += (size_t)len;
		}
		i += (size_t)len;
	}
	out->data[out->len] = '\0';
}

void eg_norm_exact(const char *s, size_t n, eg_buf *out)
{
	normalize(s, n, out, 0);
}

void eg_norm_fold(const char *s, size_t n, eg_buf *out)
{
	normalize(s, n, out, 1);
}

size_t eg_norm_spelling(char *s, size_t n)
{
	/* Whole words (and their plurals): a general rule would turn "four"
	 * into "for" or "science" into "sciense".  This runs on every token,
	 * so lengths are compared before any bytes. */
#define SPELLING(from, to) {from, sizeof(from) - 1, to, sizeof(to) - 1}
	static const struct {
		const char *from;
		size_t from_length;
		const char *to;
		size_t to_length;
	} words[] = {
		SPELLING("defence", "defense"), SPELLING("offence", "offense"), SPELLING("licence", "license"),
		SPELLING("pretence", "pretense"), SPELLING("centre", "center"), SPELLING("theatre", "theater"),
		SPELLING("metre", "meter"), SPELLING("litre", "liter"), SPELLING("labour", "labor"),
		SPELLING("honour", "honor"), SPELLING("colour", "color"), SPELLING("favour", "favor"),
		SPELLING("harbour", "harbor"), SPELLING("neighbour", "neighbor"), SPELLING("behaviour", "behavior"),
		SPELLING("rumour", "rumor"), SPELLING("armour", "armor"), SPELLING("programme", "program"),
	};
#undef SPELLING
	if (n < 5)
		return n;
	if (memcmp(s, "co-", 3) == 0) {
		memmove(s + 2, s + 3, n - 3);
		n--;
	}
	size_t stem = s[n - 1] == 's' ? n - 1 : n;
	/* Every word above ends in "ce", "re", "me" or "ur": two bytes turn
	 * away most tokens before the table is walked. */
	char last = s[stem - 1], before = s[stem - 2];
	int listed = last == 'e' ? before == 'c' || before == 'r' || before == 'm' : last == 'r' && before == 'u';
	for (size_t i = 0; listed && i < sizeof(words) / sizeof(words[0]); i++) {
		size_t from = words[i].from_length, to = words[i].to_length;
		if ((stem == from || n == from) && memcmp(s, words[i].from, from) == 0) {
			size_t tail = n - from; /* 0, or 1 for a plural "s" */
			memmove(s + to, s + from, tail);
			memcpy(s, words[i].to, to);
			return to + tail;
		}
	}
	/* "-isation(s)" -> "-ization(s)": organisation, privatisation. */
	if (stem >= 7 && memcmp(s + stem - 7, "isation", 7) == 0)
		s[stem - 6] = 'z';
	return n;
}
