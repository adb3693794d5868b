#include "text/tokenize.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text/utf8.h"
#include "util/util.h"

/*
 * The scanner works on character classes.  An ASCII byte gets its class from
 * a table, so English text never reaches utf8proc; other code points are
 * decoded and classified by classify_multibyte.
 */
enum {
	C_UPPER = 1 << 0,   /* Lu, Lt */
	C_LOWER = 1 << 1,   /* Ll */
	C_LETTER = 1 << 2,  /* caseless letters (Lm, Lo) and marks */
	C_DIGIT = 1 << 3,   /* N* */
	C_SPACE = 1 << 4,   /* whitespace, NUL, controls, invisible formatting */
	C_LINE = 1 << 5,    /* \n, \r, U+0085, U+2028 */
	C_PARA = 1 << 6,    /* U+2029 */
	C_PUNCT = 1 << 7,   /* everything else that is valid */
	C_INVALID = 1 << 8, /* a byte that starts no valid sequence */
	C_JOINER = 1 << 9,  /* soft hyphen, ZWNJ, ZWJ: part of a word inside it */
	C_MARK = 1 << 10,   /* with C_LETTER: a combining mark */
	C_IDEO = 1 << 11,   /* with C_LETTER: Han, Hiragana, Katakana */
	C_JOINS = 1 << 12,  /* ASCII that may join a word: ' - & . , */
	C_MULTI = 1 << 13,  /* in byte_class: a byte >= 0x80, to be decoded */
};
#define C_ALPHA (C_UPPER | C_LOWER | C_LETTER)
#define C_ALNUM (C_ALPHA | C_DIGIT)

enum {
	S_ = C_SPACE, N_ = C_LINE, P_ = C_PUNCT, J_ = C_PUNCT | C_JOINS,
	D_ = C_DIGIT, U_ = C_UPPER, L_ = C_LOWER, M_ = C_MULTI,
};
#define M16_ M_, M_, M_, M_, M_, M_, M_, M_, M_, M_, M_, M_, M_, M_, M_, M_

/* NUL and the other control characters count as whitespace: they carry no
 * text, and treating them as punctuation would only make noise tokens. */
static const uint16_t byte_class[256] = {
	S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, N_, S_, S_, N_, S_, S_,
	S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_,
	S_, P_, P_, P_, P_, P_, J_, J_, P_, P_, P_, P_, J_, J_, J_, P_,
	D_, D_, D_, D_, D_, D_, D_, D_, D_, D_, P_, P_, P_, P_, P_, P_,
	P_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_,
	U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, P_, P_, P_, P_, P_,
	P_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_,
	L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, P_, P_, P_, P_, S_,
	M16_, M16_, M16_, M16_, M16_, M16_, M16_, M16_,
};

/* Scripts written without spaces between words: each character is its own
 * token, so that a dictionary name (tokenized the same way) can match inside
 * running text.  Thai and similar scripts would need a word list and are left
 * as runs. */
static int is_ideographic(uint32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) ||   /* Hiragana, Katakana */
	       (cp >= 0x31F0 && cp <= 0x31FF) ||   /* Katakana extensions */
	       (cp >= 0x3400 && cp <= 0x4DBF) ||   /* Han extension A */
	       (cp >= 0x4E00 && cp <= 0x9FFF) ||   /* Han */
	       (cp >= 0xF900 && cp <= 0xFAFF) ||   /* Han compatibility */
	       (cp >= 0xFF66 && cp <= 0xFF9F) ||   /* halfwidth Katakana */
	       (cp >= 0x20000 && cp <= 0x3134F);   /* Han supplementary planes */
}

/* The class of a valid code point that is not ASCII.  The classes refine
 * eg_cp_is_letter, eg_cp_is_digit and eg_cp_is_space (the tests check that
 * they agree) from a single category lookup. */
static unsigned category_class(uint32_t cp)
{
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		return C_UPPER;
	case UTF8PROC_CATEGORY_LL:
		return C_LOWER;
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return is_ideographic(cp) ? C_LETTER | C_IDEO : C_LETTER;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return C_LETTER | C_MARK;
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return C_DIGIT;
	case UTF8PROC_CATEGORY_ZS:
		return C_SPACE;
	case UTF8PROC_CATEGORY_ZL:
		return C_LINE;
	case UTF8PROC_CATEGORY_ZP:
		return C_PARA;
	case UTF8PROC_CATEGORY_CC:
		return cp == 0x85 ? C_LINE : C_SPACE;
	case UTF8PROC_CATEGORY_CF:
		if (cp == 0xAD || cp == 0x200C || cp == 0x200D)
			return C_JOINER;
		return C_SPACE; /* BOM, directional marks, zero-width space */
	default:
		return C_PUNCT;
	}
}

/*
 * The classes of the Basic Multilingual Plane, filled once per process (a
 * millisecond): text in other scripts, and the typographic quotes and dashes
 * of English, then cost no utf8proc call per character, which made Cyrillic
 * four times slower than ASCII.
 */
static uint16_t bmp_class[0x10000];
static pthread_once_t bmp_class_once = PTHREAD_ONCE_INIT;

static void fill_bmp_class(void)
{
	for (uint32_t cp = 0x80; cp < 0x10000; cp++)
		if (cp < 0xD800 || cp > 0xDFFF)
			bmp_class[cp] = (uint16_t)category_class(cp);
}

static unsigned classify_multibyte(const unsigned char *s, size_t n, uint32_t *cp_out, int *len)
{
	uint32_t cp = eg_utf8_decode(s, n, len);
	*cp_out = cp;
	if (cp == EG_UTF8_INVALID)
		return C_INVALID;
	return cp < 0x10000 ? bmp_class[cp] : category_class(cp);
}

static inline unsigned classify(const unsigned char *s, size_t n, size_t i, uint32_t *cp, int *len)
{
	if (s[i] < 0x80) {
		*cp = s[i];
		*len = 1;
		return byte_class[s[i]];
	}
	return classify_multibyte(s + i, n - i, cp, len);
}

/* Class of the code point at i, or 0 past the end. */
static unsigned class_at(const unsigned char *s, size_t n, size_t i)
{
	uint32_t cp;
	int len;
	return i < n ? classify(s, n, i, &cp, &len) : 0;
}

/* Length of a possessive "'s" whose apostrophe (apostrophe_len bytes) is at
 * i, or 0: an s or S that no letter or digit follows. */
static size_t possessive_length(const unsigned char *s, size_t n, size_t i, int apostrophe_len)
{
	size_t j = i + (size_t)apostrophe_len;
	if (j >= n || (s[j] != 's' && s[j] != 'S'))
		return 0;
	if (class_at(s, n, j + 1) & C_ALNUM)
		return 0;
	return (size_t)apostrophe_len + 1;
}

static uint32_t case_flags(unsigned seen, unsigned first_alpha)
{
	uint32_t f = 0;
	if (first_alpha & C_UPPER)
		f |= EG_TOK_CAPITALIZED;
	if (seen & C_UPPER) {
		f |= EG_TOK_HAS_UPPER;
		if (!(seen & C_LOWER))
			f |= EG_TOK_ALL_UPPER;
	}
	return f;
}

/*
 * "U.S.", "e.g.": single letters each followed by a dot, at least two of
 * them.  Returns the end of the initialism, or 0 when there is none at i.
 */
static size_t scan_initialism(const unsigned char *s, size_t n, size_t i, unsigned *seen,
			      unsigned *first_alpha)
{
	/* the common case, decided without classifying anything */
	if (s[i] < 0x80 && (i + 1 >= n || s[i + 1] != '.'))
		return 0;
	size_t j = i;
	unsigned classes = 0, first = 0;
	int letters = 0;
	for (;;) {
		uint32_t cp;
		int len;
		if (j >= n)
			break;
		unsigned c = classify(s, n, j, &cp, &len);
		if (!(c & C_ALPHA) || (c & (C_MARK | C_IDEO)))
			break;
		/* only a single letter before the dot: "Mr." is no initial */
		size_t dot = j + (size_t)len;
		if (dot >= n || s[dot] != '.')
			break;
		if (!first)
			first = c;
		classes |= c;
		letters++;
		j = dot + 1;
	}
	if (letters < 2)
		return 0;
	*seen = classes;
	*first_alpha = first;
	return j;
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define EG_SWAR 1
#define BYTES(x) (0x0101010101010101ULL * (x))

/* Bit 7 of each byte of x (7-bit bytes) set when that byte is in lo..hi;
 * no byte's sum carries into the next. */
static inline uint64_t bytes_in_range(uint64_t x, unsigned lo, unsigned hi)
{
	return (x + BYTES(0x80 - lo)) & ~(x + BYTES(0x7F - hi)) & BYTES(0x80);
}
#endif

/*
 * The end of the run of ASCII letters and digits from i; adds C_UPPER and
 * C_LOWER to *seen as found.  This is where most of the time goes, so it
 * looks at eight bytes at a time where it can: ending a word is then a
 * count of trailing zeros instead of a mispredicted branch.
 */
static inline size_t ascii_alnum_run(const unsigned char *s, size_t n, size_t i, unsigned *seen)
{
#ifdef EG_SWAR
	while (n - i >= 8) {
		uint64_t v;
		memcpy(&v, s + i, 8);
		uint64_t x = v & BYTES(0x7F);
		uint64_t letter = bytes_in_range(x | BYTES(0x20), 'a', 'z');
		uint64_t alnum = (letter | bytes_in_range(x, '0', '9')) & ~v;
		uint64_t stop = ~alnum & BYTES(0x80);
		/* bit 5 clear means upper case; x << 2 moves it to bit 7 */
		uint64_t lower = letter & (x << 2);
		uint64_t upper = letter & ~(x << 2);
		uint64_t before_stop = stop ? (stop & (0 - stop)) - 1 : ~0ULL;
		*seen |= ((upper & before_stop) ? C_UPPER : 0) | ((lower & before_stop) ? C_LOWER : 0);
		if (stop)
			return i + ((unsigned)__builtin_ctzll(stop) >> 3);
		i += 8;
	}
#endif
	unsigned k;
	while (i < n && ((k = byte_class[s[i]]) & C_ALNUM)) {
		*seen |= k;
		i++;
	}
	return i;
}

/* The class of the first letter in s[i..end), which holds one. */
static unsigned first_letter_class(const unsigned char *s, size_t end, size_t i)
{
	for (;;) {
		uint32_t cp;
		int len;
		unsigned k = classify(s, end, i, &cp, &len);
		if (k & C_ALPHA)
			return k;
		i += (size_t)len;
	}
}

/* The words after a hyphen that make a capitalised word before it a name
 * of its own ("US-based", "Berlin-born", "Saudi-led"): the hyphen and the
 * word are tokens apart, so the name is matched as it would be alone. */
static const char *const name_compounds[] = {
	"based", "born", "bred", "led", "backed", "owned", "run", "funded", "financed", "linked", "allied",
	"aligned", "affiliated", "controlled", "dominated", "sponsored", "supported", "brokered", "made",
	"built", "operated", "registered", "listed", "flagged", "bound", "headquartered", "educated", "trained",
};

/* Whether s[at, n) starts with one of name_compounds as a whole word. */
static int name_compound_at(const unsigned char *s, size_t n, size_t at)
{
	size_t end = at;
	while (end < n && s[end] >= 'a' && s[end] <= 'z')
		end++;
	if (end == at || end - at > 13 || (end < n && (byte_class[s[end]] & (C_ALNUM | C_MULTI))))
		return 0;
	for (size_t k = 0; k < sizeof(name_compounds) / sizeof(name_compounds[0]); k++)
		if (strlen(name_compounds[k]) == end - at && memcmp(s + at, name_compounds[k], end - at) == 0)
			return 1;
	return 0;
}

/*
 * Continues a word at i, where the ASCII run ended on a byte that may join
 * or a non-ASCII one.  Joiners (apostrophe, hyphen, "&", digit separators,
 * soft hyphen, ZWNJ, ZWJ) stay inside the token only with the right code
 * points on both sides, which a one-code-point look-ahead decides.
 */
static size_t scan_word_rest(const unsigned char *s, size_t n, size_t start, size_t i, unsigned *seen)
{
	/* the class of the code point before i when it is not ASCII; an ASCII
	 * one is looked up again, which keeps the ASCII run short */
	unsigned multibyte_prev = 0;
	size_t multibyte_end = SIZE_MAX;
	while (i < n && (byte_class[s[i]] & (C_JOINS | C_MULTI))) {
		uint32_t cp;
		int len;
		unsigned k = classify(s, n, i, &cp, &len);
		if (k & C_ALNUM) {
			/* a Han or kana character stands alone */
			if (k & C_IDEO)
				break;
			*seen |= k;
			i += (size_t)len;
			multibyte_prev = k;
			multibyte_end = i;
			if (i < n && (byte_class[s[i]] & C_ALNUM))
				i = ascii_alnum_run(s, n, i, seen);
			continue;
		}
		unsigned prev = i == multibyte_end ? multibyte_prev : byte_class[s[i - 1]];
		size_t next_at = i + (size_t)len;
		unsigned next = class_at(s, n, next_at);
		if (!(next & C_ALNUM) || (next & C_IDEO))
			break;
		int join;
		switch ((k & C_PUNCT) ? eg_cp_ascii_punct(cp) : 0) {
		case '\'':
			join = (prev & C_ALPHA) && (next & C_ALPHA) &&
			       !possessive_length(s, n, i, len);
			break;
		case '-':
			join = !((class_at(s, n, start) & C_UPPER) && name_compound_at(s, n, next_at));
			break;
		case '&':
			join = (prev & C_UPPER) && (next & C_UPPER);
			break;
		case '.':
		case ',':
			join = (prev & C_DIGIT) && (next & C_DIGIT);
			break;
		default:
			join = (k & C_JOINER) && (prev & C_ALPHA) && (next & C_ALPHA);
			break;
		}
		if (!join)
			break;
		i = ascii_alnum_run(s, n, next_at, seen);
	}
	return i;
}

/* Scans a WORD or NUMBER from i, where a letter or digit starts; sets *flags
 * to the kind and case flags. */
static size_t scan_word(const unsigned char *s, size_t n, size_t i, uint32_t *flags)
{
	unsigned seen = 0, first_alpha = 0;
	size_t end = scan_initialism(s, n, i, &seen, &first_alpha);
	if (end) {
		*flags = EG_TOK_WORD | case_flags(seen, first_alpha);
		return end;
	}
	size_t start = i;
	i = ascii_alnum_run(s, n, i, &seen);
	/* most words end at a space or at punctuation that joins nothing */
	if (i < n && (byte_class[s[i]] & (C_JOINS | C_MULTI)))
		i = scan_word_rest(s, n, start, i, &seen);
	if (!(seen & C_ALPHA)) {
		*flags = EG_TOK_NUMBER;
		return i;
	}
	first_alpha = byte_class[s[start]] & C_ALPHA;
	if (!first_alpha) /* a digit or a non-ASCII letter first */
		first_alpha = first_letter_class(s, i, start);
	*flags = EG_TOK_WORD | case_flags(seen, first_alpha);
	return i;
}

/* ---- sentences ---------------------------------------------------------- */

enum { END_NONE, END_WEAK, END_STRONG };

enum {
	GAP_SPACE = 1 << 0, /* any whitespace */
	GAP_LINE = 1 << 1,  /* a line end */
	GAP_BLANK = 1 << 2, /* a second line end, or U+2029: a paragraph break */
};

static unsigned char ascii_upper(unsigned char c)
{
	return c >= 'a' && c <= 'z' ? (unsigned char)(c - 'a' + 'A') : c;
}

typedef struct word_entry {
	const char *text;
	size_t length;
} word_entry;
#define WORD_ENTRY(s) { s, sizeof(s) - 1 }

/* Compared as written, or in capitals when the token is all upper case
 * ("INC.", "THE"): headlines are often set in capitals. */
static int in_list(const word_entry *list, const unsigned char *w, size_t len, uint32_t flags)
{
	int upper = (flags & EG_TOK_ALL_UPPER) != 0;
	for (; list->text; list++) {
		if (list->length != len)
			continue;
		const unsigned char *e = (const unsigned char *)list->text;
		size_t k = 0;
		while (k < len && (e[k] == w[k] || (upper && ascii_upper(e[k]) == w[k])))
			k++;
		if (k == len)
			return 1;
	}
	return 0;
}

#define W(s) WORD_ENTRY(s)
static const word_entry abbreviations[] = {
	/* titles */
	W("Mr"), W("Mrs"), W("Ms"), W("Messrs"), W("Dr"), W("Prof"), W("Gen"), W("Gens"),
	W("Col"), W("Lt"), W("Sgt"), W("Capt"), W("Maj"), W("Adm"), W("Cmdr"), W("Brig"),
	W("Cpl"), W("Pvt"), W("Rev"), W("Hon"), W("Sen"), W("Sens"), W("Rep"), W("Reps"),
	W("Gov"), W("Pres"), W("St"), W("Mt"), W("Ft"), W("Jr"), W("Sr"), W("Ph"),
	/* corporate */
	W("Inc"), W("Corp"), W("Ltd"), W("Co"), W("LLC"), W("Bros"),
	/* months */
	W("Jan"), W("Feb"), W("Mar"), W("Apr"), W("Jun"), W("Jul"), W("Aug"), W("Sep"),
	W("Sept"), W("Oct"), W("Nov"), W("Dec"),
	/* others */
	W("No"), W("Nos"), W("Dept"), W("Univ"), W("Ave"), W("Blvd"), W("Rd"), W("Vol"),
	W("Fig"),
	{ NULL, 0 },
};

/* Apart, as most sentences end in a lower-case word: it need not be compared
 * with all the capitalised ones. */
static const word_entry lower_case_abbreviations[] = {
	W("vs"), W("etc"), W("approx"), W("al"), W("cf"), W("ca"),
	{ NULL, 0 },
};

/* Words that begin sentences far more often than they follow a title or an
 * initial; after "Corp." or "U.S." they mean a new sentence. */
static const word_entry sentence_openers[] = {
	W("The"), W("A"), W("An"), W("It"), W("He"), W("She"), W("They"), W("We"), W("I"),
	W("You"), W("In"), W("On"), W("At"), W("But"), W("And"), W("Or"), W("So"), W("Yet"),
	W("For"), W("If"), W("As"), W("This"), W("That"), W("These"), W("Those"), W("His"),
	W("Her"), W("Its"), W("Their"), W("Our"), W("My"), W("Your"), W("There"), W("Here"),
	W("Then"), W("When"), W("While"), W("After"), W("Before"), W("Since"), W("During"),
	W("Although"), W("Though"), W("Despite"), W("However"), W("Meanwhile"), W("Moreover"),
	W("Furthermore"), W("Nevertheless"), W("Instead"), W("Thus"), W("Still"), W("Also"),
	W("Now"), W("Today"), W("Yesterday"), W("Earlier"), W("Later"), W("Last"), W("Next"),
	W("What"), W("Why"), W("How"), W("Who"), W("Where"), W("Some"), W("Many"), W("Most"),
	W("All"), W("Both"), W("Each"), W("Every"), W("According"), W("Such"), W("One"),
	W("Not"), W("Only"), W("Even"),
	{ NULL, 0 },
};
#undef W

static int is_terminator(uint32_t cp)
{
	switch (cp) {
	case '.': case '!': case '?':
	case 0x2026: /* … */
	case 0x203C: case 0x2047: case 0x2048: case 0x2049: /* ‼ ⁇ ⁈ ⁉ */
	case 0x061F: /* Arabic question mark */
	case 0x06D4: /* Arabic full stop */
	case 0x0964: case 0x0965: /* Devanagari danda */
	case 0x3002: case 0xFF01: case 0xFF0E: case 0xFF1F: case 0xFF61: /* CJK */
		return 1;
	default:
		return 0;
	}
}

static int is_opening(uint32_t cp)
{
	if (cp < 0x80)
		return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == '{';
	if (cp == 0xA1 || cp == 0xBF) /* ¡ ¿ */
		return 1;
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
	return c == UTF8PROC_CATEGORY_PS || c == UTF8PROC_CATEGORY_PI;
}

static int is_closing(uint32_t cp)
{
	if (cp < 0x80)
		return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}';
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
	return c == UTF8PROC_CATEGORY_PE || c == UTF8PROC_CATEGORY_PF;
}

typedef struct scanner {
	const unsigned char *s;
	size_t n;
	eg_tokens *out;
	unsigned gap; /* GAP_* bits: what lay between the previous token and the next */
	/* a terminator seen, waiting for the token that decides */
	int pending;
	int pending_unspaced; /* CJK full stops need no space after them */
	uint32_t sentence, paragraph;
} scanner;

static uint32_t first_code_point(const scanner *sc, const eg_token *t)
{
	int len;
	unsigned char c = sc->s[t->start];
	return c < 0x80 ? c : eg_utf8_decode(sc->s + t->start, sc->n - t->start, &len);
}

static int starts_sentence(const scanner *sc, const eg_token *t)
{
	if (sc->pending == END_WEAK)
		return (t->flags & EG_TOK_CAPITALIZED) &&
		       in_list(sentence_openers, sc->s + t->start, t->end - t->start, t->flags);
	if (t->flags & EG_TOK_NUMBER)
		return 1;
	if (t->flags & EG_TOK_WORD) {
		unsigned k = class_at(sc->s, sc->n, t->start);
		return (k & C_ALNUM) && !(k & C_LOWER);
	}
	if (t->flags & EG_TOK_PUNCT)
		return is_opening(first_code_point(sc, t));
	return 0;
}

/* How strongly the token t, a terminator, ends the sentence: a lone "." after
 * an abbreviation or a capital initial ("John F. Kennedy") is weak. */
static int terminator_strength(const scanner *sc, const eg_token *t)
{
	if (t->end - t->start != 1 || sc->s[t->start] != '.' || sc->out->n < 2)
		return END_STRONG;
	const eg_token *w = &sc->out->v[sc->out->n - 2];
	if (w->end != t->start || !(w->flags & EG_TOK_WORD))
		return END_STRONG;
	size_t len = w->end - w->start;
	int first_len;
	eg_utf8_decode(sc->s + w->start, len, &first_len);
	if ((size_t)first_len == len && (w->flags & EG_TOK_CAPITALIZED))
		return END_WEAK;
	if ((w->flags & EG_TOK_CAPITALIZED) && in_list(abbreviations, sc->s + w->start, len, w->flags))
		return END_WEAK;
	if ((!(w->flags & EG_TOK_CAPITALIZED) || (w->flags & EG_TOK_ALL_UPPER)) &&
	    in_list(lower_case_abbreviations, sc->s + w->start, len, w->flags))
		return END_WEAK;
	return END_STRONG;
}

/* Updates the pending sentence end after the token t was appended. */
static void note_sentence_end(scanner *sc, const eg_token *t, int spaced)
{
	if (t->flags & EG_TOK_INVALID)
		return; /* a stray byte neither ends nor continues anything */
	if (t->flags & EG_TOK_PUNCT) {
		uint32_t cp = first_code_point(sc, t);
		if (is_terminator(cp)) {
			sc->pending = terminator_strength(sc, t);
			sc->pending_unspaced = cp >= 0x3000;
			return;
		}
		/* closing quotes and brackets attached to the terminator */
		if (sc->pending != END_NONE && !spaced && is_closing(cp))
			return;
	} else if ((t->flags & EG_TOK_WORD) && sc->s[t->end - 1] == '.') {
		sc->pending = END_WEAK; /* "U.S." */
		sc->pending_unspaced = 0;
		return;
	}
	sc->pending = END_NONE;
}

static void emit(scanner *sc, size_t start, size_t end, uint32_t flags)
{
	eg_tokens *out = sc->out;
	if (out->n == out->cap)
		EG_GROW(out->v, out->cap, out->n + 1);
	eg_token *t = &out->v[out->n++];
	t->start = (uint32_t)start;
	t->end = (uint32_t)end;
	unsigned gap = sc->gap;
	sc->gap = 0;
	if (gap & GAP_LINE) {
		flags |= EG_TOK_LINE_START;
		if (gap & GAP_BLANK) {
			sc->paragraph++;
			sc->sentence++;
			flags |= EG_TOK_SENT_START | EG_TOK_PARA_START;
		}
	}
	t->flags = flags;
	if (sc->pending != END_NONE && !(flags & EG_TOK_SENT_START) &&
	    ((gap & GAP_SPACE) || sc->pending_unspaced) && starts_sentence(sc, t)) {
		sc->sentence++;
		t->flags |= EG_TOK_SENT_START;
	}
	t->sentence = sc->sentence;
	t->paragraph = sc->paragraph;
	/* only punctuation, stray bytes and "U.S." can leave a sentence open */
	if ((flags & (EG_TOK_PUNCT | EG_TOK_INVALID)) || sc->s[end - 1] == '.')
		note_sentence_end(sc, t, gap & GAP_SPACE);
	else
		sc->pending = END_NONE;
}

static void gap_line_end(scanner *sc)
{
	sc->gap |= GAP_SPACE | ((sc->gap & GAP_LINE) ? GAP_BLANK : GAP_LINE);
}

/* 1 when the previous token is a word or number ending right at i. */
static int follows_word(const scanner *sc, size_t i)
{
	const eg_tokens *out = sc->out;
	return out->n && out->v[out->n - 1].end == i &&
	       (out->v[out->n - 1].flags & (EG_TOK_WORD | EG_TOK_NUMBER));
}

static size_t emit_word(scanner *sc, size_t i)
{
	uint32_t flags;
	size_t end = scan_word(sc->s, sc->n, i, &flags);
	emit(sc, i, end, flags);
	return end;
}

/* A punctuation code point of len bytes at i: a possessive "'s", a signed
 * number, a run of one ASCII character, or a single code point. */
static size_t emit_punct(scanner *sc, size_t i, uint32_t cp, int len)
{
	const unsigned char *s = sc->s;
	size_t n = sc->n;
	/* not only right after a word: pre-tokenized text has "England 's" */
	if (eg_cp_ascii_punct(cp) == '\'') {
		size_t p = possessive_length(s, n, i, len);
		if (p) {
			unsigned k = byte_class[s[i + p - 1]];
			emit(sc, i, i + p, EG_TOK_WORD | case_flags(k, k));
			return i + p;
		}
	}
	if (cp == '+' && (class_at(s, n, i + 1) & C_DIGIT) && !follows_word(sc, i)) {
		uint32_t flags;
		size_t end = scan_word(s, n, i + 1, &flags);
		if (flags & EG_TOK_NUMBER) {
			emit(sc, i, end, flags);
			return end;
		}
	}
	size_t end = i + (size_t)len;
	if (cp < 0x80)
		while (end < n && s[end] == cp)
			end++;
	emit(sc, i, end, EG_TOK_PUNCT);
	return end;
}

/* Any code point at i that is not ASCII. */
static size_t scan_multibyte(scanner *sc, size_t i)
{
	uint32_t cp;
	int len;
	unsigned k = classify_multibyte(sc->s + i, sc->n - i, &cp, &len);
	if (k & C_MARK) {
		/* a mark with no letter before it, such as the variation
		 * selector after an emoji, has nothing to attach to */
		sc->gap |= GAP_SPACE;
		return i + (size_t)len;
	}
	if (k & C_IDEO) {
		/* with its combining marks (voicing marks, variation selectors) */
		size_t end = i + (size_t)len;
		while (end < sc->n && (classify(sc->s, sc->n, end, &cp, &len) & C_MARK))
			end += (size_t)len;
		emit(sc, i, end, EG_TOK_WORD);
		return end;
	}
	if (k & C_ALNUM)
		return emit_word(sc, i);
	if (k & (C_SPACE | C_JOINER)) {
		sc->gap |= GAP_SPACE;
	} else if (k & C_LINE) {
		gap_line_end(sc);
	} else if (k & C_PARA) {
		sc->gap |= GAP_SPACE | GAP_LINE | GAP_BLANK;
	} else if (k & C_INVALID) {
		emit(sc, i, i + 1, EG_TOK_INVALID);
	} else {
		return emit_punct(sc, i, cp, len);
	}
	return i + (size_t)len;
}

/* Flags the tokens of lines in Title Case (headlines): at least three
 * words, two of them four bytes or longer, and every word of four bytes or
 * more capitalised; short words ("of", "in", "for", "and") may be either.
 * A line ending in a full stop counts only if every word is capitalised. */
static void mark_title_lines(const char *text, eg_tokens *out)
{
	size_t start = 0;
	while (start < out->n) {
		size_t end = start + 1;
		while (end < out->n && !(out->v[end].flags & EG_TOK_LINE_START))
			end++;
		size_t words = 0, long_words = 0, capitalised = 0, all_capitalised = 0;
		for (size_t t = start; t < end; t++) {
			const eg_token *w = &out->v[t];
			/* "50th" or "U2" has no say in whether a line is in
			 * Title Case. */
			if (!(w->flags & EG_TOK_WORD) || (text[w->start] >= '0' && text[w->start] <= '9'))
				continue;
			words++;
			all_capitalised += (w->flags & EG_TOK_CAPITALIZED) != 0;
			if (w->end - w->start >= 4) {
				long_words++;
				capitalised += (w->flags & EG_TOK_CAPITALIZED) != 0;
			}
		}
		/* A capitalised sentence that ends with a full stop is prose;
		 * headlines have none, unless every word is capitalised. */
		const eg_token *last = &out->v[end - 1];
		int full_stop = (last->flags & EG_TOK_PUNCT) && last->end - last->start == 1 &&
				all_capitalised < words && text[last->start] == '.';
		if (words >= 3 && long_words >= 2 && capitalised == long_words && !full_stop)
			for (size_t t = start; t < end; t++)
				out->v[t].flags |= EG_TOK_TITLE_CASE;
		start = end;
	}
}

void eg_tokenize(const char *text, size_t length, eg_tokens *out)
{
	pthread_once(&bmp_class_once, fill_bmp_class);
	/* the text starts as if after a paragraph break, which numbers the
	 * first sentence and paragraph 0 */
	scanner sc = {0};
	sc.gap = GAP_SPACE | GAP_LINE | GAP_BLANK;
	sc.sentence = sc.paragraph = UINT32_MAX;
	sc.s = (const unsigned char *)text;
	/* offsets are 32-bit; a longer text is the caller's to refuse, and
	 * cutting it is safer than wrapping offsets */
	sc.n = length > UINT32_MAX ? UINT32_MAX : length;
	sc.out = out;
	out->n = 0;
	out->sentences = out->paragraphs = 0;

	/* a BOM needs no special case: U+FEFF is invisible wherever it is */
	const unsigned char *s = sc.s;
	size_t n = sc.n;
	size_t i = 0;
	while (i < n) {
		unsigned char c = s[i];
		unsigned k = byte_class[c];
		if (k & C_ALNUM) {
			i = emit_word(&sc, i);
		} else if (k & C_SPACE) {
			sc.gap |= GAP_SPACE;
			i++;
		} else if (k & C_MULTI) {
			i = scan_multibyte(&sc, i);
		} else if (k & C_LINE) {
			gap_line_end(&sc);
			i++;
			if (c == '\r' && i < n && s[i] == '\n')
				i++;
		} else {
			i = emit_punct(&sc, i, c, 1);
		}
	}
	if (out->n) {
		out->sentences = sc.sentence + 1;
		out->paragraphs = sc.paragraph + 1;
	}
	mark_title_lines(text, out);
}

void eg_tokens_free(eg_tokens *t)
{
	free(t->v);
	t->v = NULL;
	t->n = t->cap = 0;
	t->sentences = t->paragraphs = 0;
}

int eg_token_in(const char *text, const eg_token *t, const char *const *words)
{
	for (; *words; words++)
		if (eg_token_is(text, t, *words))
			return 1;
	return 0;
}

void eg_tokens_text(const char *text, const eg_tokens *tokens, size_t first, size_t end, eg_buf *out)
{
	eg_buf_clear(out);
	for (size_t t = first; t < end; t++) {
		if (t > first && tokens->v[t].start > tokens->v[t - 1].end)
			eg_buf_addc(out, ' ');
		eg_buf_add(out, text + tokens->v[t].start, tokens->v[t].end - tokens->v[t].start);
	}
	eg_buf_add(out, "", 0);
}
