/* Unit tests for text/tokenize: token boundaries, kinds and flags, sentence
 * and paragraph indexes, hostile input, and invariants over random bytes. */
#include "check.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text/tokenize.h"
#include "text/utf8.h"

#define KINDS (EG_TOK_WORD | EG_TOK_NUMBER | EG_TOK_PUNCT | EG_TOK_INVALID)
#define CASES (EG_TOK_CAPITALIZED | EG_TOK_ALL_UPPER | EG_TOK_HAS_UPPER)
#define CAP_WORD (EG_TOK_CAPITALIZED | EG_TOK_HAS_UPPER)
#define ACRONYM (EG_TOK_CAPITALIZED | EG_TOK_ALL_UPPER | EG_TOK_HAS_UPPER)

static eg_tokens toks;
static const char *text;

/* Tokenizes n bytes copied into a buffer of exactly that size, so that the
 * address sanitizer sees any read past the end. */
static char *copy;
static void tokenize(const char *s, size_t n)
{
	free(copy);
	copy = malloc(n ? n : 1);
	memcpy(copy, s, n);
	text = copy;
	eg_tokenize(copy, n, &toks);
}
#define TOKENIZE(lit) tokenize(lit, sizeof(lit) - 1)

static void show_tokens(int line)
{
	fprintf(stderr, "  (test at line %d; got %zu tokens:", line, toks.n);
	for (size_t i = 0; i < toks.n; i++)
		fprintf(stderr, " [%.*s]", (int)(toks.v[i].end - toks.v[i].start), text + toks.v[i].start);
	fprintf(stderr, ")\n");
}

/* The tokens of the last TOKENIZE must be exactly want (NULL-terminated). */
static void expect(int line, const char *const *want)
{
	int before = check_failures;
	size_t n = 0;
	while (want[n])
		n++;
	CHECK_INT(toks.n, n);
	for (size_t i = 0; i < n && i < toks.n; i++)
		CHECK_MEM(text + toks.v[i].start, toks.v[i].end - toks.v[i].start, want[i]);
	if (check_failures > before)
		show_tokens(line);
}
#define EXPECT(lit, ...)                                                         \
	do {                                                                     \
		TOKENIZE(lit);                                                   \
		expect(__LINE__, (const char *const[]){__VA_ARGS__, NULL});      \
	} while (0)

/* One character per token: W N P X for the kind. */
static const char *kinds(void)
{
	static char buf[256];
	size_t i;
	for (i = 0; i < toks.n && i < sizeof(buf) - 1; i++) {
		uint32_t f = toks.v[i].flags & KINDS;
		buf[i] = f == EG_TOK_WORD ? 'W' : f == EG_TOK_NUMBER ? 'N' : f == EG_TOK_PUNCT ? 'P' :
			 f == EG_TOK_INVALID ? 'X' : '?';
	}
	buf[i] = '\0';
	return buf;
}

/* One character per token: the sentence (or paragraph) index in base 36. */
static const char *indexes(int paragraphs)
{
	static char buf[256];
	size_t i;
	for (i = 0; i < toks.n && i < sizeof(buf) - 1; i++) {
		uint32_t v = paragraphs ? toks.v[i].paragraph : toks.v[i].sentence;
		buf[i] = "0123456789abcdefghijklmnopqrstuvwxyz"[v % 36];
	}
	buf[i] = '\0';
	return buf;
}
#define SENTENCES() indexes(0)
#define PARAGRAPHS() indexes(1)

/* One character per token: "1" when the token has the flag, "." if not. */
static const char *marks(uint32_t flag)
{
	static char buf[256];
	size_t i;
	for (i = 0; i < toks.n && i < sizeof(buf) - 1; i++)
		buf[i] = (toks.v[i].flags & flag) ? '1' : '.';
	buf[i] = '\0';
	return buf;
}

static uint32_t flags(size_t i)
{
	return i < toks.n ? toks.v[i].flags : 0xFFFFFFFFu;
}

static void test_brief_sentence(void)
{
	EXPECT("Mr. Smith met Dr. Jones at Microsoft Corp. on Monday. The U.S. Army said so.",
	       "Mr", ".", "Smith", "met", "Dr", ".", "Jones", "at", "Microsoft", "Corp", ".", "on",
	       "Monday", ".", "The", "U.S.", "Army", "said", "so", ".");
	CHECK_STR(kinds(), "WPWWWPWWWWPWWPWWWWWP");
	CHECK_STR(SENTENCES(), "00000000000000111111");
	CHECK_STR(marks(EG_TOK_SENT_START), "1.............1.....");
	CHECK_STR(PARAGRAPHS(), "00000000000000000000");
	CHECK_INT(toks.sentences, 2);
	CHECK_INT(toks.paragraphs, 1);
	CHECK_INT(flags(0), EG_TOK_WORD | CAP_WORD | EG_TOK_SENT_START | EG_TOK_PARA_START |
				 EG_TOK_LINE_START);
	CHECK_INT(flags(3), EG_TOK_WORD);
	CHECK_INT(flags(8), EG_TOK_WORD | CAP_WORD);
	CHECK_INT(flags(14), EG_TOK_WORD | CAP_WORD | EG_TOK_SENT_START);
	CHECK_INT(flags(15), EG_TOK_WORD | ACRONYM);
	CHECK_INT(flags(1), EG_TOK_PUNCT);
	/* exact offsets, not just texts */
	CHECK_INT(toks.v[15].start, 58);
	CHECK_INT(toks.v[15].end, 62);
	CHECK_INT(toks.v[19].end, 76);
}

static void test_sentences(void)
{
	/* abbreviation + common opener ends the sentence; + name does not */
	TOKENIZE("He works at Microsoft Corp. The company said so.");
	CHECK_INT(toks.sentences, 2);
	TOKENIZE("He works at Microsoft Corp. Microsoft said so.");
	CHECK_INT(toks.sentences, 1);
	TOKENIZE("Gen. Smith and Sen. Warren met Prof. Lee on Jan. 5. It rained.");
	CHECK_INT(toks.sentences, 2);
	TOKENIZE("MICROSOFT CORP. THE COMPANY SAID SO.");
	CHECK_INT(toks.sentences, 2);
	TOKENIZE("Smith vs. Jones, approx. Ten people, etc. However, nothing.");
	CHECK_INT(toks.sentences, 2);
	/* a capital initial is an abbreviation too */
	TOKENIZE("John F. Kennedy spoke. Plan B. The end.");
	CHECK_STR(SENTENCES(), "000000111222");
	/* dotted initialisms */
	TOKENIZE("The U.S. Army said it. She lives in the U.S. It is big.");
	CHECK_STR(SENTENCES(), "000000111112222");
	TOKENIZE("It is in the U.S. and Canada.");
	CHECK_INT(toks.sentences, 1);
	/* "!", "?", "…", closing quotes; an opening quote starts the sentence */
	TOKENIZE("It rained. It poured! Did it? Yes\xe2\x80\xa6 Maybe.");
	CHECK_INT(toks.sentences, 5);
	TOKENIZE("He said \"no.\" Then he left. \"Why?\" she asked.");
	CHECK_STR(kinds(), "WWPWPPWWWPPWPPWWP");
	CHECK_STR(SENTENCES(), "00000011112222222");
	TOKENIZE("He said \xe2\x80\x9cno.\xe2\x80\x9d Then he left (really.) Then not.");
	CHECK_STR(SENTENCES(), "0000001111111222");
	/* lower case, no space, or a number in between */
	TOKENIZE("See e.g. the list. and more at example.com today.");
	CHECK_INT(toks.sentences, 1);
	TOKENIZE("Visit example.Com today.");
	CHECK_INT(toks.sentences, 1);
	TOKENIZE("It was 2020. 2021 was worse. No. 5 won.");
	CHECK_STR(SENTENCES(), "0000111122222");
	TOKENIZE("Wait... What?! Ok.");
	CHECK_STR(kinds(), "WPWPPWP");
	CHECK_STR(SENTENCES(), "0011122");
	/* scripts without case still split after a terminator */
	TOKENIZE("\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d. \xd7\xa2\xd7\x95\xd7\x9c\xd7\x9d.");
	CHECK_INT(toks.sentences, 2);
	TOKENIZE("\xe4\xbb\x96\xe8\xaf\xb4\xe3\x80\x82\xe6\x88\x91\xe4\xbb\xac"); /* 他说。我们 */
	CHECK_STR(SENTENCES(), "00011");
	/* a stray byte between sentences neither ends nor joins them */
	TOKENIZE("Done. \xff The next.");
	CHECK_STR(SENTENCES(), "000111");
}

static void test_paragraphs(void)
{
	TOKENIZE("First para.\r\n\r\nSecond para.\n\nThird\r\rFourth\n \t\nFifth\xe2\x80\xa9Sixth");
	CHECK_STR(PARAGRAPHS(), "0001112345");
	CHECK_STR(marks(EG_TOK_PARA_START), "1..1..1111");
	CHECK_STR(marks(EG_TOK_LINE_START), "1..1..1111");
	/* every paragraph break ends the sentence, terminator or not */
	CHECK_STR(SENTENCES(), "0001112345");
	CHECK_INT(toks.paragraphs, 6);
	CHECK_INT(toks.sentences, 6);

	/* single line ends of every kind: one paragraph */
	TOKENIZE("one\ntwo\r\nthree\rfour\xe2\x80\xa8" "five\xc2\x85six seven");
	CHECK_STR(PARAGRAPHS(), "0000000");
	CHECK_STR(marks(EG_TOK_LINE_START), "111111.");
	CHECK_INT(toks.sentences, 1);
	CHECK_INT(toks.paragraphs, 1);

	/* an abbreviation at the end of a paragraph */
	TOKENIZE("He works for Microsoft Corp.\n\nMicrosoft said so.");
	CHECK_STR(SENTENCES(), "0000001111");
	CHECK_STR(PARAGRAPHS(), "0000001111");

	/* leading and trailing blank lines change nothing */
	TOKENIZE("\n\n\r\n  Alpha\n\n\n");
	CHECK_INT(toks.n, 1);
	CHECK_INT(flags(0) & (EG_TOK_SENT_START | EG_TOK_PARA_START | EG_TOK_LINE_START),
		  EG_TOK_SENT_START | EG_TOK_PARA_START | EG_TOK_LINE_START);
	CHECK_INT(toks.paragraphs, 1);
	/* whitespace-only lines count as blank, NBSP and NUL included */
	TOKENIZE("a\n\xc2\xa0\t\n\0b");
	CHECK_STR(PARAGRAPHS(), "01");
}

static void test_words(void)
{
	EXPECT("\xe2\x80\x9c" "Azure\xe2\x80\x9d", "\xe2\x80\x9c", "Azure", "\xe2\x80\x9d");
	CHECK_STR(kinds(), "PWP");
	EXPECT("Microsoft\xe2\x80\x99s cloud", "Microsoft", "\xe2\x80\x99s", "cloud");
	CHECK_STR(kinds(), "WWW");
	EXPECT("Microsoft's, Israel's.", "Microsoft", "'s", ",", "Israel", "'s", ".");
	EXPECT("MICROSOFT'S", "MICROSOFT", "'S");
	CHECK_INT(flags(1) & CASES, ACRONYM);
	EXPECT("it's don't O'Brien O\xe2\x80\x99" "Brien o'sullivan",
	       "it", "'s", "don't", "O'Brien", "O\xe2\x80\x99" "Brien", "o'sullivan");
	EXPECT("Jones' car 'quoted' 'so' 's'", "Jones", "'", "car", "'", "quoted", "'", "'", "so",
	       "'", "'s", "'");
	/* pre-tokenized text (CoNLL) separates the possessive already */
	EXPECT("England 's one-day", "England", "'s", "one-day");
	CHECK_STR(kinds(), "WWW");
	EXPECT("U.S.'s AT&T's 1990's", "U.S.", "'s", "AT&T", "'s", "1990", "'s");
	/* joiners after a letter that is not ASCII */
	EXPECT("R\xc3\x89&D \xc3\xa9'x d\xe2\x80\x99\xc3\x89staing M\xc3\xbcller-L\xc3\xbc",
	       "R\xc3\x89&D", "\xc3\xa9'x", "d\xe2\x80\x99\xc3\x89staing", "M\xc3\xbcller-L\xc3\xbc");
	EXPECT("No Azure for Apartheid", "No", "Azure", "for", "Apartheid");
	CHECK_STR(kinds(), "WWWW");
	CHECK_STR(marks(EG_TOK_CAPITALIZED), "11.1");
	EXPECT("e-mail Co-operation co\xe2\x80\x90op COVID-19 F-35 -x x- a--b",
	       "e-mail", "Co-operation", "co\xe2\x80\x90op", "COVID-19", "F-35", "-", "x", "x", "-",
	       "a", "--", "b");
	/* A capitalised word before "-based", "-born", "-led" ... is a name of
	 * its own; other compounds and lower-case words stay whole. */
	EXPECT("US-based Berlin-born Saudi-led Kyiv-based\xe2\x80\x90x well-led Family-owned Ontario-style Z-borne",
	       "US", "-", "based", "Berlin", "-", "born", "Saudi", "-", "led", "Kyiv-based\xe2\x80\x90x", "well-led",
	       "Family", "-", "owned", "Ontario-style", "Z-borne");
	EXPECT("AT&T S&P R&D Johnson&Johnson A & B AT&t",
	       "AT&T", "S&P", "R&D", "Johnson", "&", "Johnson", "A", "&", "B", "AT", "&", "t");
	EXPECT("U.S. e.g. U.S.A. i.e., U.S U.S.-based a.b.c",
	       "U.S.", "e.g.", "U.S.A.", "i.e.", ",", "U", ".", "S", "U.S.", "-", "based", "a.b.",
	       "c");
	CHECK_INT(flags(1) & CASES, 0);
	CHECK_INT(flags(2) & CASES, ACRONYM);
	EXPECT("Mr. Inc. Ph.D.", "Mr", ".", "Inc", ".", "Ph", ".", "D", ".");
	EXPECT("Wait... --- !! ?! \xe2\x80\xa6\xe2\x80\xa6 (a)",
	       "Wait", "...", "---", "!!", "?", "!", "\xe2\x80\xa6", "\xe2\x80\xa6", "(", "a", ")");
	EXPECT("Micro\xc2\xadsoft \xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85 x\xe2\x80\x8d",
	       "Micro\xc2\xadsoft", "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85", "x");
	/* emoji and symbols are punctuation; a variation selector with no
	 * letter before it is dropped */
	EXPECT("I \xe2\x9d\xa4\xef\xb8\x8f NY $5 \xe2\x82\xac" "3", "I", "\xe2\x9d\xa4", "NY", "$", "5",
	       "\xe2\x82\xac", "3");
}

static void test_numbers(void)
{
	EXPECT("+972 Magazine", "+972", "Magazine");
	CHECK_STR(kinds(), "NW");
	CHECK_INT(flags(0), EG_TOK_NUMBER | EG_TOK_SENT_START | EG_TOK_PARA_START | EG_TOK_LINE_START);
	EXPECT("Unit 8200 said 8,200 or 3.5 or 1,2,3.", "Unit", "8200", "said", "8,200", "or", "3.5",
	       "or", "1,2,3", ".");
	CHECK_STR(kinds(), "WNWNWNWNP");
	EXPECT("3+4 x+1 (+44) ++1 +x 8,200. 5, 6 .5",
	       "3", "+", "4", "x", "+", "1", "(", "+44", ")", "++", "1", "+", "x", "8,200", ".",
	       "5", ",", "6", ".", "5");
	EXPECT("+1-202-555-0100 2020-21 8200th 4G v1.2",
	       "+1-202-555-0100", "2020-21", "8200th", "4G", "v1.2");
	CHECK_STR(kinds(), "NNWWW");
	CHECK_INT(flags(3) & CASES, ACRONYM); /* the first letter is upper case */
	EXPECT("+972abc", "+", "972abc");
	/* other scripts' digits */
	EXPECT("\xd9\xa3\xd9\xa4 \xef\xbc\x92\xef\xbc\x90", "\xd9\xa3\xd9\xa4", "\xef\xbc\x92\xef\xbc\x90");
	CHECK_STR(kinds(), "NN");
}

static void test_case_flags(void)
{
	TOKENIZE("Microsoft iPhone NASA I a 4g \xc7\x85" "emal \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 "
		 "\xce\x91\xce\x98\xce\x97\xce\x9d\xce\x91 \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xc3\x89lys\xc3\xa9" "e");
	CHECK_INT(toks.n, 11);
	CHECK_INT(flags(0) & CASES, CAP_WORD);
	CHECK_INT(flags(1) & CASES, EG_TOK_HAS_UPPER);
	CHECK_INT(flags(2) & CASES, ACRONYM);
	CHECK_INT(flags(3) & CASES, ACRONYM);
	CHECK_INT(flags(4) & CASES, 0);
	CHECK_INT(flags(5) & CASES, 0);
	CHECK_INT(flags(6) & CASES, CAP_WORD);   /* ǅemal: titlecase */
	CHECK_INT(flags(7) & CASES, CAP_WORD);   /* Москва */
	CHECK_INT(flags(8) & CASES, ACRONYM);    /* ΑΘΗΝΑ */
	CHECK_INT(flags(9) & CASES, 0);          /* שלום: no case at all */
	CHECK_INT(flags(10) & CASES, CAP_WORD);  /* Élysée */
}

static void test_scripts(void)
{
	EXPECT("\xd7\x99\xd7\xa9\xd7\xa8\xd7\x90\xd7\x9c, \xd8\xa7\xd9\x84\xd9\x82\xd8\xaf\xd8\xb3 \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0.",
	       "\xd7\x99\xd7\xa9\xd7\xa8\xd7\x90\xd7\x9c", ",", "\xd8\xa7\xd9\x84\xd9\x82\xd8\xaf\xd8\xb3",
	       "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0", ".");
	CHECK_STR(kinds(), "WPWWP");
	/* Han and kana: one token per character (with its marks); Hangul,
	 * which separates words with spaces, stays whole */
	EXPECT("\xe6\x9d\xb1\xe4\xba\xac\xe3\x82\xbf\xe3\x83\xaf\xe3\x83\xbc Tokyo\xe6\x9d\xb1 \xec\x84\x9c\xec\x9a\xb8",
	       "\xe6\x9d\xb1", "\xe4\xba\xac", "\xe3\x82\xbf", "\xe3\x83\xaf", "\xe3\x83\xbc", "Tokyo",
	       "\xe6\x9d\xb1", "\xec\x84\x9c\xec\x9a\xb8");
	CHECK_STR(kinds(), "WWWWWWWW");
	EXPECT("\xe3\x83\x8f\xe3\x82\x99\xe3\x83\xbc", "\xe3\x83\x8f\xe3\x82\x99", "\xe3\x83\xbc");
	/* decomposed accents stay in the word */
	EXPECT("Soci\x65\xcc\x81t\x65\xcc\x81 ok", "Soci\x65\xcc\x81t\x65\xcc\x81", "ok");
}

static void test_hostile_bytes(void)
{
	EXPECT("\xef\xbb\xbfHello", "Hello");
	CHECK_INT(toks.v[0].start, 3);
	CHECK(flags(0) & EG_TOK_LINE_START);
	/* a BOM elsewhere is invisible, not part of a word */
	EXPECT("a\xef\xbb\xbf" "b \xef\xbb\xbf", "a", "b");
	EXPECT("\xef\xbb", "\xef", "\xbb");
	CHECK_STR(kinds(), "XX");

	EXPECT("ab\xff" "cd", "ab", "\xff", "cd");
	CHECK_STR(kinds(), "WXW");
	CHECK_INT(toks.v[1].start, 2);
	CHECK_INT(toks.v[2].start, 3);
	EXPECT("caf\xc3", "caf", "\xc3");
	EXPECT("\xe2\x82", "\xe2", "\x82");
	EXPECT("x\xc0\xafy", "x", "\xc0", "\xaf", "y");
	CHECK_STR(kinds(), "WXXW");
	EXPECT("\xed\xa0\x80\xed\xbf\xbf", "\xed", "\xa0", "\x80", "\xed", "\xbf", "\xbf");
	CHECK_STR(kinds(), "XXXXXX");
	EXPECT("e-\xff O'\xff 8,\xff", "e", "-", "\xff", "O", "'", "\xff", "8", ",", "\xff");
	EXPECT("\xf4\x90\x80\x80!", "\xf4", "\x90", "\x80", "\x80", "!");
	/* valid neighbours of invalid bytes keep their offsets */
	EXPECT("\x80\xc3\xa9\x80", "\x80", "\xc3\xa9", "\x80");
	CHECK_INT(toks.v[1].start, 1);
	CHECK_INT(toks.v[1].end, 3);

	/* NUL bytes and other controls are whitespace */
	EXPECT("a\0b\0\0c\x01" "d\x7f", "a", "b", "c", "d");
	TOKENIZE("\0\0\0");
	CHECK_INT(toks.n, 0);
}

static void test_empty(void)
{
	/* after a long text, so reuse of the storage is covered */
	TOKENIZE("Some words. Then more.\n\nAnd a paragraph.");
	CHECK_INT(toks.paragraphs, 2);
	eg_tokenize("", 0, &toks);
	CHECK_INT(toks.n, 0);
	CHECK_INT(toks.sentences, 0);
	CHECK_INT(toks.paragraphs, 0);
	TOKENIZE(" \n\r\n\t \xc2\xa0\xe2\x80\xa8\xe2\x80\xa9\v\f ");
	CHECK_INT(toks.n, 0);
	CHECK_INT(toks.sentences, 0);
	CHECK_INT(toks.paragraphs, 0);
	TOKENIZE("\xef\xbb\xbf");
	CHECK_INT(toks.n, 0);
	TOKENIZE("x");
	CHECK_INT(toks.n, 1);
	CHECK_INT(toks.sentences, 1);
	CHECK_INT(toks.paragraphs, 1);
}

static void test_long_line(void)
{
	size_t n = 5u << 20;
	char *big = malloc(n);
	/* "word " repeated, then one 5 MB word */
	for (size_t i = 0; i < n; i++)
		big[i] = "word "[i % 5];
	eg_tokenize(big, n, &toks);
	CHECK_INT(toks.n, n / 5);
	CHECK_INT(toks.v[toks.n - 1].start, n - 5);
	CHECK_INT(toks.v[toks.n - 1].end, n - 1);
	CHECK_INT(toks.sentences, 1);
	memset(big, 'a', n);
	eg_tokenize(big, n, &toks);
	CHECK_INT(toks.n, 1);
	CHECK_INT(toks.v[0].end, n);
	/* a long run of one punctuation character is one token */
	memset(big, '-', n);
	eg_tokenize(big, n, &toks);
	CHECK_INT(toks.n, 1);
	/* and of a non-ASCII one, one token each */
	for (size_t i = 0; i + 3 <= n; i += 3)
		memcpy(big + i, "\xe2\x80\x94", 3);
	eg_tokenize(big, n - n % 3, &toks);
	CHECK_INT(toks.n, n / 3);
	free(big);
}

/* Every code point alone, checked against the utf8 module's classes: the
 * tokenizer keeps its own table of them, and the two must not drift. */
static void test_classes_agree(void)
{
	int bad = 0;
	for (uint32_t cp = 0x80; cp < 0x30000; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		char buf[4];
		int n = eg_utf8_encode(cp, buf);
		tokenize(buf, (size_t)n);
		utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
		int mark = cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME;
		int invisible = cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CF;
		uint32_t want;
		if (eg_cp_is_space(cp) || invisible || mark)
			want = 0;
		else if (eg_cp_is_letter(cp))
			want = EG_TOK_WORD | (eg_cp_is_upper(cp) ? ACRONYM : 0);
		else if (eg_cp_is_digit(cp))
			want = EG_TOK_NUMBER;
		else
			want = EG_TOK_PUNCT;
		uint32_t got = toks.n == 0 ? 0 : toks.n == 1 && toks.v[0].end == (uint32_t)n ?
			       toks.v[0].flags & (KINDS | CASES) : 0xFFFFFFFFu;
		if (got != want && bad++ < 5)
			fprintf(stderr, "  (U+%04X: flags %#x, want %#x)\n", (unsigned)cp, (unsigned)got,
				(unsigned)want);
	}
	CHECK_INT(bad, 0);
}

static uint64_t rng_state = 0x853C49E6748FEA9BULL;
static uint32_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 32);
}

/* Pieces random texts are made of: the characters the tokenizer treats
 * specially, valid and invalid multi-byte sequences, raw random bytes. */
static const char *const pieces[] = {
	"a", "Z", "s", "S", "7", " ", "\n", "\r", "\r\n", "\t", "\0", ".", ",", "'", "-", "&", "+",
	"!", "?", "\"", "(", ")", "Mr", "U.S.", "The", "\xe2\x80\x99", "\xe2\x80\x9c", "\xe2\x80\x9d",
	"\xe2\x80\xa6", "\xc3\xa9", "\xd7\xa9", "\xe6\x9d\xb1", "\xe3\x80\x82", "\xcc\x81", "\xe2\x80\x8c",
	"\xc2\xad", "\xef\xbb\xbf", "\xe2\x80\xa9", "\xc2\x85", "\xf0\x9f\x98\x80", "\xff", "\xc0\xaf",
	"\xed\xa0\x80", "\xe2\x82", "\xf4\x90\x80\x80", "\x80", "\xc3",
};

/* Random ASCII words, to check the eight-bytes-at-a-time scan against a
 * plain reading of the flags' definitions, at every length and alignment. */
static void test_ascii_words(void)
{
	static const char alphabet[] = "abcxyzABCXYZ0189";
	char buf[4096];
	int bad = 0;
	for (int round = 0; round < 300; round++) {
		size_t n = 0;
		while (n < sizeof(buf) - 40) {
			size_t len = 1 + rng() % 30;
			int mode = (int)(rng() % 4); /* mixed, lower, upper, digits */
			for (size_t k = 0; k < len; k++) {
				char c = alphabet[rng() % 16];
				if (mode == 1 && c >= 'A' && c <= 'Z')
					c = (char)(c - 'A' + 'a');
				if (mode == 2 && c >= 'a' && c <= 'z')
					c = (char)(c - 'a' + 'A');
				if (mode == 3)
					c = (char)('0' + rng() % 10);
				buf[n++] = c;
			}
			buf[n++] = " \n\t"[rng() % 3];
		}
		tokenize(buf, n);
		size_t i = 0, t = 0;
		while (i < n) {
			size_t end = i;
			int upper = 0, lower = 0, first = 0;
			while (buf[end] != ' ' && buf[end] != '\n' && buf[end] != '\t') {
				char c = buf[end++];
				int u = c >= 'A' && c <= 'Z', l = c >= 'a' && c <= 'z';
				if (!first && (u || l))
					first = u ? 'U' : 'L';
				upper |= u;
				lower |= l;
			}
			uint32_t want = (upper || lower) ? EG_TOK_WORD : EG_TOK_NUMBER;
			if (first == 'U')
				want |= EG_TOK_CAPITALIZED;
			if (upper)
				want |= EG_TOK_HAS_UPPER | (lower ? 0 : EG_TOK_ALL_UPPER);
			if (t >= toks.n || toks.v[t].start != i || toks.v[t].end != end ||
			    (toks.v[t].flags & (KINDS | CASES)) != want) {
				if (bad++ < 5)
					fprintf(stderr, "  (word \"%.*s\" at %zu misread)\n", (int)(end - i),
						buf + i, i);
			}
			t++;
			i = end + 1;
		}
		CHECK_INT(toks.n, t);
	}
	CHECK_INT(bad, 0);
}

static int is_space_byte(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\0' || c == '\v' || c == '\f';
}

/* Invariants every tokenization must satisfy, whatever the input. */
static int check_invariants(const unsigned char *s, size_t n)
{
	int before = check_failures;
	uint32_t prev_end = 0, prev_sentence = 0, prev_paragraph = 0;
	for (size_t i = 0; i < toks.n; i++) {
		const eg_token *t = &toks.v[i];
		CHECK(t->start < t->end && t->end <= n);
		CHECK(t->start >= prev_end); /* with start < end: increasing, disjoint */
		uint32_t kind = t->flags & KINDS;
		CHECK(kind == EG_TOK_WORD || kind == EG_TOK_NUMBER || kind == EG_TOK_PUNCT ||
		      kind == EG_TOK_INVALID);
		if (kind == EG_TOK_INVALID) {
			int len;
			CHECK(t->end - t->start == 1);
			CHECK(eg_utf8_decode(s + t->start, n - t->start, &len) == EG_UTF8_INVALID);
		} else {
			CHECK(eg_utf8_valid((const char *)s + t->start, t->end - t->start));
			for (uint32_t k = t->start; k < t->end; k++)
				CHECK(!is_space_byte(s[k]));
		}
		if (i == 0) {
			CHECK(t->sentence == 0 && t->paragraph == 0);
			CHECK((t->flags & (EG_TOK_SENT_START | EG_TOK_PARA_START | EG_TOK_LINE_START)) ==
			      (EG_TOK_SENT_START | EG_TOK_PARA_START | EG_TOK_LINE_START));
		} else {
			CHECK(t->sentence == prev_sentence || t->sentence == prev_sentence + 1);
			CHECK(t->paragraph == prev_paragraph || t->paragraph == prev_paragraph + 1);
			CHECK(!!(t->flags & EG_TOK_SENT_START) == (t->sentence != prev_sentence));
			CHECK(!!(t->flags & EG_TOK_PARA_START) == (t->paragraph != prev_paragraph));
			if (t->paragraph != prev_paragraph)
				CHECK(t->sentence != prev_sentence && (t->flags & EG_TOK_LINE_START));
		}
		prev_end = t->end;
		prev_sentence = t->sentence;
		prev_paragraph = t->paragraph;
	}
	CHECK_INT(toks.sentences, toks.n ? prev_sentence + 1 : 0);
	CHECK_INT(toks.paragraphs, toks.n ? prev_paragraph + 1 : 0);
	/* every ASCII letter and digit is inside some token */
	size_t t = 0;
	for (size_t k = 0; k < n; k++) {
		unsigned char c = s[k];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			continue;
		while (t < toks.n && toks.v[t].end <= k)
			t++;
		CHECK(t < toks.n && toks.v[t].start <= k);
	}
	return check_failures == before;
}

static void test_random(void)
{
	char buf[512];
	eg_tokens again = {0};
	for (int round = 0; round < 20000; round++) {
		size_t n = 0;
		size_t target = rng() % 200;
		while (n < target) {
			if (rng() % 8 == 0) {
				buf[n++] = (char)rng();
				continue;
			}
			const char *p = pieces[rng() % (sizeof(pieces) / sizeof(pieces[0]))];
			size_t len = p[0] ? strlen(p) : 1;
			memcpy(buf + n, p, len);
			n += len;
		}
		tokenize(buf, n);
		if (!check_invariants((const unsigned char *)text, n)) {
			fprintf(stderr, "  (random round %d, %zu bytes:", round, n);
			for (size_t k = 0; k < n; k++)
				fprintf(stderr, " %02x", (unsigned char)buf[k]);
			fprintf(stderr, ")\n");
			break;
		}
		/* the same text gives the same tokens, with reused storage */
		eg_tokenize(text, n, &again);
		CHECK(again.n == toks.n &&
		      (toks.n == 0 || memcmp(again.v, toks.v, toks.n * sizeof(eg_token)) == 0));
	}
	eg_tokens_free(&again);
}

/* Title Case lines (headlines) are flagged; prose is not. */
static int title_flags(const char *text, size_t line_tokens_from, size_t line_tokens_to)
{
	eg_tokens t = {0};
	eg_tokenize(text, strlen(text), &t);
	int all = 1;
	for (size_t i = line_tokens_from; i < line_tokens_to && i < t.n; i++)
		all &= (t.v[i].flags & EG_TOK_TITLE_CASE) != 0;
	int any_after = 0;
	for (size_t i = line_tokens_to; i < t.n; i++)
		any_after |= (t.v[i].flags & EG_TOK_TITLE_CASE) != 0;
	eg_tokens_free(&t);
	return all && !any_after;
}

static void test_title_case(void)
{
	/* headline, then prose */
	CHECK(title_flags("Microsoft Under Fire Over Alleged Cloud Role in Gaza Conflicts\n\nThe company said so.", 0, 10));
	/* capitals with a full stop still count; mixed prose with one does not */
	CHECK(title_flags("BOXING - PANAMA 'S ROBERTO DURAN FIGHTS THE SANDS OF TIME .\nHe won.", 0, 12));
	CHECK(!title_flags("Yesterday Larisa Sayenko met Officials Party.", 0, 1));
	/* ordinals have no say */
	CHECK(title_flags("Microsoft Workers Disrupt 50th Anniversary Over Israel Contracts\nHe spoke.", 0, 8));
	/* too few words */
	CHECK(!title_flags("Gaza City", 0, 1));
}

int main(void)
{
	test_title_case();
	test_brief_sentence();
	test_sentences();
	test_paragraphs();
	test_words();
	test_numbers();
	test_case_flags();
	test_scripts();
	test_hostile_bytes();
	test_empty();
	test_long_line();
	test_classes_agree();
	test_ascii_words();
	test_random();
	eg_tokens_free(&toks);
	free(copy);
	return check_result("tokenize");
}
