/*
 * utf8: decoding and the two normal forms used for matching.
 *
 * eg_utf8_decode never fails: an invalid or truncated sequence yields
 * EG_UTF8_INVALID and a length of 1, so callers always make progress and
 * offsets stay exact.
 *
 * Normal forms (written into an eg_buf, which is cleared first):
 * - eg_norm_exact: typographic apostrophes and quotes (U+2018, U+2019, U+201B,
 *   U+2032 -> ', U+201C, U+201D, U+201E -> ") and dashes (U+2010, U+2011 -> -)
 *   replaced by ASCII; otherwise the bytes as they are.  Used for
 *   case-sensitive comparison.
 * - eg_norm_fold: eg_norm_exact, then Unicode case folding (utf8proc), and
 *   for Latin and Greek letters the accents dropped, precomposed or written
 *   as combining marks ("Liège", "LIEGE" and "liege" fold alike, as do
 *   "Türk" and "Turk").  Other scripts keep their marks, which there spell
 *   different letters.  Used as the key of case-insensitive matching.
 * Invalid bytes are copied through unchanged in both.
 */
#ifndef EG_UTF8_H
#define EG_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "util/util.h"

#define EG_UTF8_INVALID 0xFFFFFFFFu

/* Decodes one code point from s (n > 0 bytes available); stores its byte
 * length in *len.  Rejects overlongs, surrogates and values past U+10FFFF. */
uint32_t eg_utf8_decode(const unsigned char *s, size_t n, int *len);
/* Encodes cp into out (4 bytes room); returns the byte count.  A value that
 * is no Unicode scalar value (a surrogate, past U+10FFFF) becomes U+FFFD. */
int eg_utf8_encode(uint32_t cp, char *out);
/* 1 when the n bytes at s are valid UTF-8. */
int eg_utf8_valid(const char *s, size_t n);

/* Character classes (Unicode general categories via utf8proc). */
int eg_cp_is_letter(uint32_t cp);  /* L* and M* */
int eg_cp_is_digit(uint32_t cp);   /* N* */
int eg_cp_is_space(uint32_t cp);   /* Z*, and \t \n \v \f \r, U+0085 (not NUL) */
int eg_cp_is_upper(uint32_t cp);   /* Lu, Lt */
int eg_cp_is_lower(uint32_t cp);   /* Ll */

/* Maps typographic quotes, apostrophes and hyphens to ASCII; returns cp
 * unchanged otherwise. */
uint32_t eg_cp_ascii_punct(uint32_t cp);

void eg_norm_exact(const char *s, size_t n, eg_buf *out);
void eg_norm_fold(const char *s, size_t n, eg_buf *out);

/* eg_norm_fold's result for an all-ASCII s[0, n) that fits in cap bytes,
 * written to out without a buffer (per-token lookups); returns 0, leaving
 * out undefined, when s is not such a string. */
static inline int eg_norm_fold_ascii(const char *s, size_t n, char *out, size_t cap)
{
	if (n > cap)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80)
			return 0;
		out[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	return 1;
}

/* Rewrites one folded word, in place, from British to American spelling
 * where the two differ only by a regular ending ("defence" -> "defense",
 * "organisation" -> "organization", "centre" -> "center", "labour" ->
 * "labor", "programme" -> "program", "co-operation" -> "cooperation"), so
 * that either spelling matches a name written in the other.  Returns the new
 * length, never more than n. */
size_t eg_norm_spelling(char *s, size_t n);

#endif
