#include "match/lexicon.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "util/map.h"
#include "util/util.h"

/* dictionaries/lexicon/verbs.lexicon, embedded by the build. */
extern const char eg_verbs_lexicon[];
extern const size_t eg_verbs_lexicon_size;

enum { VERB = 1, ALSO_NOUN = 2 };

/* Every word of the file interned once; per word what it is. */
static struct {
	eg_strmap words;
	uint8_t *flags;        /* VERB, ALSO_NOUN */
	int32_t *irregular;    /* base of an irregular form, or -1 */
	int32_t *nominal;      /* verb a noun names, or -1 */
	size_t cap;
	uint64_t fingerprint;
} lex;

static pthread_once_t once = PTHREAD_ONCE_INIT;

static uint32_t intern(const char *w, size_t n)
{
	int inserted;
	uint32_t i = eg_strmap_intern(&lex.words, w, n, &inserted);
	if (inserted) {
		if (i >= lex.cap) {
			size_t cap = lex.cap ? lex.cap * 2 : 16384;
			lex.flags = eg_xrealloc(lex.flags, cap * sizeof(*lex.flags));
			lex.irregular = eg_xrealloc(lex.irregular, cap * sizeof(*lex.irregular));
			lex.nominal = eg_xrealloc(lex.nominal, cap * sizeof(*lex.nominal));
			lex.cap = cap;
		}
		lex.flags[i] = 0;
		lex.irregular[i] = lex.nominal[i] = -1;
	}
	return i;
}

/* Lines "v WORD", "vn WORD", "x FORM BASE", "d NOUN VERB"; "#" comments. */
static void load(void)
{
	eg_strmap_init(&lex.words);
	const char *p = eg_verbs_lexicon, *end = p + eg_verbs_lexicon_size;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *line_end = nl ? nl : end;
		const char *f[3];
		size_t len[3], nf = 0;
		for (const char *q = p; q < line_end && nf < 3;) {
			const char *tab = memchr(q, '\t', (size_t)(line_end - q));
			const char *e = tab ? tab : line_end;
			f[nf] = q;
			len[nf++] = (size_t)(e - q);
			q = tab ? tab + 1 : line_end;
		}
		if (nf >= 2 && *p != '#') {
			uint32_t w = intern(f[1], len[1]);
			if (len[0] == 1 && f[0][0] == 'v')
				lex.flags[w] |= VERB;
			else if (len[0] == 2 && memcmp(f[0], "vn", 2) == 0)
				lex.flags[w] |= VERB | ALSO_NOUN;
			else if (nf == 3 && len[0] == 1 && f[0][0] == 'x')
				lex.irregular[w] = (int32_t)intern(f[2], len[2]);
			else if (nf == 3 && len[0] == 1 && f[0][0] == 'd')
				lex.nominal[w] = (int32_t)intern(f[2], len[2]);
		}
		p = line_end + 1;
	}
	lex.fingerprint = XXH3_64bits(eg_verbs_lexicon, eg_verbs_lexicon_size);
}

static int64_t find(const char *w, size_t n)
{
	pthread_once(&once, load);
	return eg_strmap_find(&lex.words, w, n);
}

static int verb_base(const char *w, size_t n, eg_verb_form form, eg_verb *out)
{
	int64_t i = find(w, n);
	if (i < 0 || !(lex.flags[i] & VERB))
		return 0;
	out->base = eg_strmap_key(&lex.words, (uint32_t)i);
	out->form = form;
	out->noun = (lex.flags[i] & ALSO_NOUN) != 0;
	return 1;
}

/* WordNet's detachment rules for verbs: ending, replacement, form. */
static const struct {
	const char *ending, *with;
	eg_verb_form form;
} RULES[] = {
	{"ies", "y", EG_VERB_S}, {"es", "e", EG_VERB_S}, {"es", "", EG_VERB_S}, {"s", "", EG_VERB_S},
	{"ied", "y", EG_VERB_ED}, {"ed", "e", EG_VERB_ED}, {"ed", "", EG_VERB_ED},
	{"ing", "e", EG_VERB_ING}, {"ing", "", EG_VERB_ING},
};

static int ends_with(const char *w, size_t n, const char *suffix, size_t *stem)
{
	size_t k = strlen(suffix);
	if (n <= k + 1 || memcmp(w + n - k, suffix, k) != 0)
		return 0;
	*stem = n - k;
	return 1;
}

int eg_verb_lookup(const char *word, size_t n, eg_verb *out)
{
	char w[40];
	if (n == 0 || n >= sizeof(w) - 4)
		return 0;
	int64_t i = find(word, n);
	if (i >= 0 && lex.irregular[i] >= 0) {
		const char *base = eg_strmap_key(&lex.words, (uint32_t)lex.irregular[i]);
		eg_verb_form form = ends_with(word, n, "ing", &(size_t){0}) ? EG_VERB_ING
				    : word[n - 1] == 's' && strcmp(base, "be") != 0 ? EG_VERB_S
										     : EG_VERB_ED;
		if (strcmp(base, "be") == 0 && (n == 2 || (n == 3 && memcmp(word, "are", 3) == 0)))
			form = EG_VERB_S; /* "is", "am", "are": present */
		return verb_base(base, strlen(base), form, out);
	}
	if (verb_base(word, n, EG_VERB_BASE, out))
		return 1;
	for (size_t r = 0; r < sizeof(RULES) / sizeof(RULES[0]); r++) {
		size_t stem;
		if (!ends_with(word, n, RULES[r].ending, &stem))
			continue;
		size_t with = strlen(RULES[r].with);
		memcpy(w, word, stem);
		memcpy(w + stem, RULES[r].with, with);
		if (verb_base(w, stem + with, RULES[r].form, out))
			return 1;
	}
	return 0;
}

const char *eg_nominal_verb(const char *word, size_t n)
{
	int64_t i = find(word, n);
	if ((i < 0 || lex.nominal[i] < 0) && n > 3 && word[n - 1] == 's')
		i = find(word, n - 1); /* "investigations" */
	if (i < 0 || lex.nominal[i] < 0)
		return NULL;
	return eg_strmap_key(&lex.words, (uint32_t)lex.nominal[i]);
}

uint64_t eg_lexicon_fingerprint(void)
{
	pthread_once(&once, load);
	return lex.fingerprint;
}
