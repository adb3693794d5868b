/*
 * tokenize: UTF-8 text -> tokens with byte offsets, sentences, paragraphs.
 *
 * Tokens (never spanning whitespace, never containing invalid bytes):
 * - WORD: letters, marks and digits in any script, with inner joiners kept:
 *   an apostrophe (' or a typographic one, see eg_cp_ascii_punct) between
 *   letters ("O'Brien", "don't") but not a possessive "'s", which becomes its
 *   own WORD token ("Microsoft" "'s"; also "England 's" in pre-tokenized
 *   text); a hyphen (- U+2010 U+2011) between letters or digits ("e-mail",
 *   "COVID-19"), except before one of a few participles after a
 *   capitalised word, which is then a name of its own ("US-based",
 *   "Berlin-born", "Saudi-led": "US" "-" "based"); "&" between capital letters ("AT&T"); a soft hyphen, ZWNJ
 *   or ZWJ between letters; single letters joined by dots keep the final dot
 *   ("U.S.", "e.g.").  Han ideographs and kana, written without spaces, are
 *   one token per character (with its combining marks), so that names match
 *   inside running text; other scripts form runs.
 * - NUMBER: digits (any script) joined by "," or "." between digits
 *   ("8,200", "3.5") and by hyphens ("2020-21"), with a leading "+" when it
 *   follows no letter or digit ("+972", "+1-202-555-0100"); a token with any
 *   letter in it is a WORD ("8200th", "4G"), and "+" then stays apart.
 * - PUNCT: any other single code point ("." "," "(" "“" "€" an emoji), with
 *   runs of the same ASCII character kept together ("..." "--").
 * - INVALID: one byte that is not part of valid UTF-8 (stray continuation
 *   bytes, overlongs, surrogates, truncated sequences).
 * Whitespace between tokens: Unicode spaces, NUL and other control
 * characters, invisible format characters (U+FEFF anywhere, hence a BOM at
 * offset 0; directional marks; zero-width space), and a combining mark with
 * no letter before it (the variation selector after an emoji).
 *
 * Flags: CAPITALIZED when the first letter (not the first character) is upper
 * or title case ("4G" has it); HAS_UPPER when any letter is; ALL_UPPER when
 * some letter is and none is lower case ("U.S.", "AT&T", "I").  Scripts
 * without case (Hebrew, Arabic, CJK) get none of the three.
 *
 * Lines end at \n, \r\n, \r, U+0085 and U+2028; a blank line (only
 * whitespace between two line ends) or U+2029 is a paragraph break, and a
 * paragraph break also ends the sentence.
 *
 * Sentences end after ".", "!", "?", "…" (and ‼ ⁇ ⁈ ⁉, Arabic ؟ ۔,
 * Devanagari । ॥, CJK 。！？．｡), with any closing quotes or brackets attached
 * to them, when the next token, after whitespace, starts a sentence: a word
 * whose first character is not a lower-case letter, a number, or an opening
 * quote or bracket.  The CJK terminators need no whitespace after them.
 * A period after a known abbreviation ("Mr.", "Dr.", "Inc.", "Corp.", "Gen.",
 * "Jan.", "vs."), after a lone capital ("John F. Kennedy") or ending a
 * dotted initialism ("U.S.") ends a sentence only when followed by a common
 * sentence opener ("The", "It", "He", "However", ...) or a paragraph break;
 * both are matched as written or in capitals ("CORP. THE").  An INVALID
 * token neither ends a sentence nor keeps one from ending.
 *
 * eg_tokenize is reentrant; its first call fills a table of character
 * classes once for the process.
 */
#ifndef EG_TOKENIZE_H
#define EG_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "util/util.h"

enum {
	EG_TOK_WORD = 1 << 0,
	EG_TOK_NUMBER = 1 << 1,
	EG_TOK_PUNCT = 1 << 2,
	EG_TOK_INVALID = 1 << 3,
	EG_TOK_CAPITALIZED = 1 << 4, /* first letter upper or titlecase */
	EG_TOK_ALL_UPPER = 1 << 5,   /* an upper-case letter, none lower case */
	EG_TOK_HAS_UPPER = 1 << 6,   /* any upper-case letter */
	EG_TOK_SENT_START = 1 << 7,  /* first token of a sentence */
	EG_TOK_PARA_START = 1 << 8,  /* first token of a paragraph */
	EG_TOK_LINE_START = 1 << 9,  /* first token on its line */
	EG_TOK_TITLE_CASE = 1 << 10, /* on a line in Title Case (a headline): at
				      * least three words, two of four bytes or
				      * more, and all of those capitalised; not
				      * ending in "." unless all words are */
};

typedef struct eg_token {
	uint32_t start, end; /* byte offsets, end exclusive */
	uint32_t sentence;   /* index of the sentence, from 0 */
	uint32_t paragraph;  /* index of the paragraph, from 0 */
	uint32_t flags;
} eg_token;

typedef struct eg_tokens {
	eg_token *v;
	size_t n, cap;
	uint32_t sentences;  /* number of sentences (0 for no tokens) */
	uint32_t paragraphs; /* number of paragraphs (0 for no tokens) */
} eg_tokens;

/* Tokenizes text[0..length); reuses out's storage (out zeroed the first time).
 * Texts of 4 GiB or more are the caller's to refuse: only the first
 * UINT32_MAX bytes of one would be tokenized. */
void eg_tokenize(const char *text, size_t length, eg_tokens *out);
void eg_tokens_free(eg_tokens *t);

/* Whether token t's bytes are exactly word, or one of the NULL-terminated
 * words.  Inline, and the first byte compared before the length is taken:
 * the pipeline asks this of most tokens, and most differ at once (tokens are
 * never empty). */
static inline int eg_token_is(const char *text, const eg_token *t, const char *word)
{
	if (text[t->start] != word[0])
		return 0;
	size_t n = strlen(word);
	return t->end - t->start == n && memcmp(text + t->start, word, n) == 0;
}
int eg_token_in(const char *text, const eg_token *t, const char *const *words);

/* The text of tokens [first, end) into out (cleared first), with one space
 * wherever the text has whitespace between two tokens: a label. */
void eg_tokens_text(const char *text, const eg_tokens *tokens, size_t first, size_t end, eg_buf *out);

#endif
