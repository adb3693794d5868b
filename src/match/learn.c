#include "match/learn.h"
#include "util/map.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The classes a context is counted for; a decision is one of the first three. */
enum { C_PERSON, C_ORG, C_PLACE, C_OTHER, CLASSES };
static const char *const class_types[] = {"PERSON", "ORG", "PLACE"};

/* Contexts and (name, context) pairs each learner holds at most: about
 * 400 MB at the limit, far beyond what a corpus of a million articles
 * needs; past it the learner takes nothing new (and says so). */
#define EG_LEARN_ENTRIES (1u << 23)
/* The longest candidate, in words. */
#define MAX_WORDS 5
/* A context teaches nothing before it was seen this often with known names. */
#define MIN_SUPPORT 5
/* The weight of the class prior in a context's estimate. */
#define PRIOR_WEIGHT 2.0
/* How much more a name's contexts must favour its type than the next
 * (in nats, summed over its occurrences). */
#define MARGIN 1.5
/* Rounds of decisions, each taking the names the last typed as seeds. */
#define ROUNDS 2
/* A context is locative when places are this share of the known names in it. */
#define LOCATIVE 0.9
/* Likewise a context of persons; a name is typed a person only after
 * PERSONAL_TIMES occurrences in such contexts. */
#define PERSONAL 0.9
#define PERSONAL_TIMES 2
/* How much more organisations' contexts must favour a gazetteer's place
 * than persons' or others' before it is retyped. */
#define PLACE_MARGIN 4.0
/* ... never in a context where places are even this share of the names. */
#define PLACELIKE 0.5
/* ... and after this many occurrences. */
#define PLACE_TIMES 2

/* The pseudo-context every occurrence of a candidate has: its count. */
#define OCCURRENCE 1u
/* The pseudo-contexts of a known name: typed as class k (SEEN + k) by a
 * dictionary, rule or alias somewhere in the run. */
#define SEEN 2u
#define PSEUDO (SEEN + CLASSES) /* contexts below are pseudo-contexts */

typedef struct pair {
	uint64_t name, context;
	uint64_t count;
} pair;

struct eg_learner {
	eg_u64map contexts; /* context -> 1 + index into counts */
	uint64_t (*counts)[CLASSES];
	size_t context_count, context_cap;
	eg_u64map pairs; /* mix of name and context -> 1 + index into pv */
	pair *pv;
	size_t pair_count, pair_cap;
	int full;
};

struct eg_model {
	eg_u64map types; /* name -> 1 + class */
	uint64_t fingerprint;
};

eg_learner *eg_learner_new(void)
{
	eg_learner *l = eg_xcalloc(1, sizeof(*l));
	eg_u64map_init(&l->contexts);
	eg_u64map_init(&l->pairs);
	return l;
}

void eg_learner_free(eg_learner *l)
{
	if (!l)
		return;
	eg_u64map_free(&l->contexts);
	eg_u64map_free(&l->pairs);
	free(l->counts);
	free(l->pv);
	free(l);
}

void eg_learner_clear(eg_learner *l)
{
	eg_u64map_free(&l->contexts);
	eg_u64map_free(&l->pairs);
	eg_u64map_init(&l->contexts);
	eg_u64map_init(&l->pairs);
	l->context_count = l->pair_count = 0;
	l->full = 0;
}

unsigned eg_learn_budget(void)
{
	return EG_LEARN_ENTRIES;
}

int eg_learner_full(const eg_learner *l)
{
	return l->full;
}

static void count_context(eg_learner *l, uint64_t context, int cls, uint64_t n)
{
	uint64_t *slot = eg_u64map_get(&l->contexts, context);
	if (!slot) {
		if (l->context_count >= EG_LEARN_ENTRIES) {
			l->full = 1;
			return;
		}
		EG_GROW(l->counts, l->context_cap, l->context_count + 1);
		memset(l->counts[l->context_count], 0, sizeof(l->counts[0]));
		slot = eg_u64map_put(&l->contexts, context, NULL);
		*slot = ++l->context_count;
	}
	l->counts[*slot - 1][cls] += n;
}

static void count_pair(eg_learner *l, uint64_t name, uint64_t context, uint64_t n)
{
	uint64_t key = eg_hash_mix(name, &context, sizeof(context));
	uint64_t *slot = eg_u64map_get(&l->pairs, key);
	if (!slot) {
		if (l->pair_count >= EG_LEARN_ENTRIES) {
			l->full = 1;
			return;
		}
		EG_GROW(l->pv, l->pair_cap, l->pair_count + 1);
		l->pv[l->pair_count] = (pair){name, context, 0};
		slot = eg_u64map_put(&l->pairs, key, NULL);
		*slot = ++l->pair_count;
	}
	l->pv[*slot - 1].count += n;
}

void eg_learner_add(eg_learner *into, const eg_learner *from)
{
	/* In the order from took them in, so that into's tables fill the same
	 * way whatever the threads did. */
	uint64_t *keys = eg_xmalloc((from->context_count + 1) * sizeof(*keys));
	size_t pos = 0;
	uint64_t key, value;
	while (eg_u64map_next(&from->contexts, &pos, &key, &value))
		keys[value - 1] = key;
	for (size_t i = 0; i < from->context_count; i++)
		for (int c = 0; c < CLASSES; c++)
			if (from->counts[i][c])
				count_context(into, keys[i], c, from->counts[i][c]);
	free(keys);
	for (size_t i = 0; i < from->pair_count; i++)
		count_pair(into, from->pv[i].name, from->pv[i].context, from->pv[i].count);
	into->full |= from->full;
}

/* ---- Contexts ---- */

/* The key of a token as a context word: digits as "#", words in ASCII
 * lower case, at most 24 bytes. */
static size_t word_key(const char *text, const eg_token *t, char out[24])
{
	if (t->flags & EG_TOK_NUMBER || (text[t->start] >= '0' && text[t->start] <= '9')) {
		out[0] = '#';
		return 1;
	}
	size_t n = t->end - t->start;
	if (n > 24)
		n = 24;
	for (size_t i = 0; i < n; i++) {
		char c = text[t->start + i];
		out[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
	}
	return n;
}

static uint64_t context_of(char tag, const char *text, const eg_token *a, const eg_token *b)
{
	char key[52];
	size_t n = 0;
	key[n++] = tag;
	if (a)
		n += word_key(text, a, key + n);
	else
		key[n++] = '^';
	if (b) {
		key[n++] = ' ';
		n += word_key(text, b, key + n);
	}
	uint64_t h = eg_hash_bytes(key, n);
	return h >= PSEUDO ? h : h + PSEUDO;
}

/* The contexts of tokens [first, end): the word before and the two
 * before, the word after and the two after (within the sentence; "^" at
 * its edge), and for a name of several words its last.  Returns how many. */
static size_t contexts(const char *text, const eg_tokens *tokens, size_t first, size_t end, uint64_t out[5])
{
	const eg_token *v = tokens->v;
	size_t n = 0;
	int before = first > 0 && !(v[first].flags & EG_TOK_SENT_START);
	int before2 = before && first > 1 && !(v[first - 1].flags & EG_TOK_SENT_START);
	int after = end < tokens->n && !(v[end].flags & EG_TOK_SENT_START);
	int after2 = after && end + 1 < tokens->n && !(v[end + 1].flags & EG_TOK_SENT_START);
	out[n++] = context_of('<', text, before ? &v[first - 1] : NULL, NULL);
	if (before)
		out[n++] = context_of('{', text, before2 ? &v[first - 2] : NULL, &v[first - 1]);
	out[n++] = context_of('>', text, after ? &v[end] : NULL, NULL);
	if (after)
		out[n++] = context_of('}', text, &v[end], after2 ? &v[end + 1] : NULL);
	if (end - first > 1)
		out[n++] = context_of('=', text, &v[end - 1], NULL);
	return n;
}

/* ---- Candidates ---- */

/* Whether the word holds an apostrophe before a lower-case letter: a
 * contraction ("I'm", "Don't", "You’re"), not a name ("O'Brien"). */
static int contraction(const char *text, const eg_token *t)
{
	for (uint32_t i = t->start + 1; i < t->end; i++) {
		size_t quote = text[i] == '\'' ? 1 : (i + 3 <= t->end && memcmp(text + i, "\xe2\x80\x99", 3) == 0) ? 3 : 0;
		if (quote && i + quote < t->end && text[i + quote] >= 'a' && text[i + quote] <= 'z')
			return 1;
	}
	return 0;
}

static int name_word(const char *text, const eg_token *t, const unsigned char *covered, size_t i)
{
	uint32_t f = t->flags;
	return !covered[i] && (f & EG_TOK_WORD) && (f & EG_TOK_CAPITALIZED) && !(f & EG_TOK_ALL_UPPER) &&
	       !(f & EG_TOK_TITLE_CASE) && t->end - t->start >= 2 && (unsigned char)text[t->start] >= 'A' &&
	       !contraction(text, t);
}

/* Whether word t is a compound whose first part is a common word or a drop
 * name: "Israeli-Palestinian", "Pro-Moscow", "January-June". */
static int compound_of_words(const char *text, const eg_tokens *tokens, size_t t, const eg_dict *dict,
			     const eg_words *common)
{
	const eg_token *w = &tokens->v[t];
	const char *hyphen = memchr(text + w->start, '-', w->end - w->start);
	if (!hyphen || hyphen == text + w->start)
		return 0;
	eg_token head = *w;
	head.end = (uint32_t)(hyphen - text);
	eg_tokens one = {.v = &head, .n = 1};
	return eg_words_has(common, text + head.start, head.end - head.start) || eg_dict_dropped(dict, text, &one, 0, 1);
}

typedef void (*candidate_fn)(void *context, size_t first, size_t end, uint64_t name);

/* The key of a name: a hash of its words in ASCII lower case, its lowest
 * bit 1 for a gazetteer's place (decided apart: see retype_place), 0 for a
 * candidate. */
static uint64_t name_of(const char *text, const eg_tokens *tokens, size_t first, size_t end, int place)
{
	uint64_t name = 0x6c6561726eULL;
	for (size_t k = first; k < end; k++) {
		char key[24];
		size_t n = word_key(text, &tokens->v[k], key);
		name = eg_hash_mix(name, key, n);
		name = eg_hash_mix(name, " ", 1);
	}
	return place ? name | 1 : name & ~(uint64_t)1;
}

/* Whether m is a gazetteer's town whose name may be retyped: one to three
 * words a dictionary found as a place of category "city" (countries and
 * regions are never clubs or companies by their bare name). */
static int listed_place(const eg_mention *m, const eg_entities *found)
{
	return m->source == EG_SOURCE_DICT && m->tok_end - m->tok_start <= 3 &&
	       strcmp(eg_entity_type(found, m->entity), "PLACE") == 0 &&
	       strcmp(eg_entity_category(found, m->entity), "city") == 0;
}

/* Calls fn for every candidate of the document: a run of at most
 * MAX_WORDS capitalised words (no capitals only, not on a headline) that
 * no mention covers or touches, within a line and a sentence, without the
 * common words and drop names (nationalities) that start it. */
static void each_candidate(const char *text, const eg_tokens *tokens, const unsigned char *covered,
			   const eg_dict *dict, const eg_words *common, candidate_fn fn, void *context)
{
	const eg_token *v = tokens->v;
	size_t t = 0;
	while (t < tokens->n) {
		if (!name_word(text, &v[t], covered, t)) {
			t++;
			continue;
		}
		size_t first = t, end = t + 1;
		while (end < tokens->n && name_word(text, &v[end], covered, end) &&
		       !(v[end].flags & (EG_TOK_SENT_START | EG_TOK_LINE_START)))
			end++;
		t = end;
		if ((first > 0 && covered[first - 1] && !(v[first].flags & EG_TOK_SENT_START)) ||
		    (end < tokens->n && covered[end] && !(v[end].flags & EG_TOK_SENT_START)))
			continue; /* beside a known name: a part of a longer one */
		if (end - first > MAX_WORDS)
			continue;
		/* "The", "But"; "Kurdish", "European": a nationality names none */
		while (first < end && (eg_words_has(common, text + v[first].start, v[first].end - v[first].start) ||
				       eg_dict_dropped(dict, text, tokens, first, first + 1) ||
				       compound_of_words(text, tokens, first, dict, common)))
			first++;
		if (first == end || (end - first > 1 && eg_dict_dropped(dict, text, tokens, first, end)))
			continue;
		/* "Mr.", "Gen.", "Sept.": a short word with its full stop */
		if (end - first == 1 && ((v[first].end - v[first].start <= 4 && end < tokens->n &&
					   v[end].start == v[first].end && text[v[end].start] == '.') ||
					  (v[first].end - v[first].start <= 5 && text[v[first].end - 1] == '.')))
			continue;
		fn(context, first, end, name_of(text, tokens, first, end, 0));
	}
}

static int class_of(const char *type)
{
	if (strcmp(type, "PERSON") == 0)
		return C_PERSON;
	if (strcmp(type, "ORG") == 0 || strcmp(type, "UNIT") == 0)
		return C_ORG;
	if (strcmp(type, "PLACE") == 0)
		return C_PLACE;
	return C_OTHER;
}

typedef struct learning {
	eg_learner *l;
	const char *text;
	const eg_tokens *tokens;
} learning;

static void learn_candidate(void *context, size_t first, size_t end, uint64_t name)
{
	learning *g = context;
	uint64_t c[5];
	size_t n = contexts(g->text, g->tokens, first, end, c);
	count_pair(g->l, name, OCCURRENCE, 1);
	for (size_t i = 0; i < n; i++)
		count_pair(g->l, name, c[i], 1);
}

void eg_learn_document(eg_learner *l, const char *text, const eg_tokens *tokens, const eg_mentions *mentions,
		       const eg_entities *found, const eg_dict *dict, const eg_words *common)
{
	if (!tokens->n)
		return;
	for (size_t i = 0; i < mentions->n; i++) {
		const eg_mention *m = &mentions->v[i];
		if (tokens->v[m->tok_start].flags & EG_TOK_TITLE_CASE)
			continue;
		int cls = class_of(eg_entity_type(found, m->entity));
		uint64_t c[5];
		size_t n = contexts(text, tokens, m->tok_start, m->tok_end, c);
		for (size_t k = 0; k < n; k++)
			count_context(l, c[k], cls, 1);
		/* An alias's type holds in its document only (a surname: "Joe Q.
		 * America" ... "America"); the lists' and rules' hold in the run. */
		if (m->tok_end - m->tok_start <= MAX_WORDS && m->source != EG_SOURCE_ALIAS)
			count_pair(l, name_of(text, tokens, m->tok_start, m->tok_end, 0), SEEN + (uint64_t)cls, 1);
		if (listed_place(m, found)) {
			uint64_t name = name_of(text, tokens, m->tok_start, m->tok_end, 1);
			count_pair(l, name, OCCURRENCE, 1);
			for (size_t k = 0; k < n; k++)
				count_pair(l, name, c[k], 1);
		}
	}
	unsigned char *covered = eg_mentions_covered(mentions, tokens->n);
	/* A drop name (a nationality: "Kurdish", "Moslems") is a known name
	 * that is no entity: its contexts teach the other class. */
	for (size_t t = 0; t < tokens->n; t++) {
		const eg_token *w = &tokens->v[t];
		if (covered[t] || !(w->flags & EG_TOK_CAPITALIZED) || (w->flags & EG_TOK_TITLE_CASE) ||
		    !eg_dict_dropped(dict, text, tokens, t, t + 1))
			continue;
		uint64_t c[5];
		size_t n = contexts(text, tokens, t, t + 1, c);
		for (size_t k = 0; k < n; k++)
			count_context(l, c[k], C_OTHER, 1);
	}
	learning g = {l, text, tokens};
	each_candidate(text, tokens, covered, dict, common, learn_candidate, &g);
	free(covered);
}

/* ---- Decisions ---- */

static int by_name(const void *a, const void *b)
{
	const pair *x = a, *y = b;
	if (x->name != y->name)
		return x->name < y->name ? -1 : 1;
	return x->context < y->context ? -1 : x->context > y->context;
}

/* One round of decisions: every candidate name typed from the seeds'
 * counts plus extra (the contexts of the names typed in the round before,
 * each name's own taken out), into types (cleared first). */
static void decide_round(const eg_learner *l, const pair *sorted, const double prior[CLASSES],
			 const eg_u64map *extra_of, const uint64_t (*extra)[CLASSES], const eg_u64map *before,
			 eg_u64map *types)
{
	eg_u64map_free(types);
	eg_u64map_init(types);
	size_t i = 0;
	while (i < l->pair_count) {
		uint64_t name = sorted[i].name;
		int place = (int)(name & 1);
		const uint64_t *was = place ? NULL : eg_u64map_get(before, name);
		double score[CLASSES] = {0}, locative = 0, personal = 0, placelike = 0;
		uint64_t seen[CLASSES] = {0}, occurrences = 0;
		for (; i < l->pair_count && sorted[i].name == name; i++) {
			if (sorted[i].context == OCCURRENCE)
				occurrences += sorted[i].count;
			if (sorted[i].context >= SEEN && sorted[i].context < PSEUDO) {
				seen[sorted[i].context - SEEN] += sorted[i].count;
				continue;
			}
			double c[CLASSES] = {0}, support = 0;
			const uint64_t *slot = eg_u64map_get(&l->contexts, sorted[i].context);
			const uint64_t *more = eg_u64map_get(extra_of, sorted[i].context);
			for (int k = 0; k < CLASSES; k++) {
				c[k] = (slot ? (double)l->counts[*slot - 1][k] : 0) + (more ? (double)extra[*more - 1][k] : 0);
				if ((was && k == (int)*was - 1) || (place && k == C_PLACE))
					c[k] -= (double)sorted[i].count; /* the name's own share */
				support += c[k];
			}
			if (support < MIN_SUPPORT)
				continue;
			if (c[C_PLACE] >= LOCATIVE * support)
				locative += (double)sorted[i].count;
			if (c[C_PLACE] >= PLACELIKE * support)
				placelike += (double)sorted[i].count;
			if (c[C_PERSON] >= PERSONAL * support)
				personal += (double)sorted[i].count;
			for (int k = 0; k < CLASSES; k++) {
				double p = (c[k] + PRIOR_WEIGHT * prior[k]) / (support + PRIOR_WEIGHT);
				score[k] += (double)sorted[i].count * log(p / prior[k]);
			}
		}
		/* A name the lists or rules typed elsewhere in the run keeps the
		 * type they gave it, when they mostly agree ("Yeltsin said" ...
		 * "Clinton met Yeltsin"); one they typed as anything else is left
		 * alone. */
		uint64_t all_seen = 0;
		int most = 0;
		for (int k = 0; k < CLASSES; k++) {
			all_seen += seen[k];
			if (seen[k] > seen[most])
				most = k;
		}
		if (all_seen && !place && seen[most] > 2 * (all_seen - seen[most])) {
			if (most != C_OTHER)
				*eg_u64map_put(types, name, NULL) = (uint64_t)most + 1;
			continue;
		}
		/* The gazetteers hold the places: one they lack is a place only
		 * where it was somewhere in a context that holds little else. */
		if (!locative)
			score[C_PLACE] = -INFINITY;
		/* A gazetteer's place is an organisation (a club named like its
		 * town) only where the whole run never put it where places go,
		 * and organisations' contexts win by far. */
		if (place && (placelike || occurrences < PLACE_TIMES ||
			      score[C_ORG] - fmax(score[C_PERSON], score[C_OTHER]) < PLACE_MARGIN))
			continue;
		int best = 0;
		for (int k = 1; k < CLASSES; k++)
			if (score[k] > score[best])
				best = k;
		double next = -INFINITY;
		for (int k = 0; k < CLASSES; k++)
			if (k != best && score[k] > next)
				next = score[k];
		/* A person too needs a context of persons somewhere: "Somerset
		 * 83 and 174" reads like a player's line, but no one says "Mr
		 * Somerset". */
		if (place && best != C_ORG)
			continue;
		if (best != C_OTHER && score[best] - next >= MARGIN && (best != C_PERSON || personal >= PERSONAL_TIMES))
			*eg_u64map_put(types, name, NULL) = (uint64_t)best + 1;
	}
}

eg_model *eg_model_decide(const eg_learner *l)
{
	eg_model *m = eg_xcalloc(1, sizeof(*m));
	eg_u64map_init(&m->types);
	double total[CLASSES] = {0}, all = 0, prior[CLASSES];
	for (size_t i = 0; i < l->context_count; i++)
		for (int c = 0; c < CLASSES; c++)
			total[c] += (double)l->counts[i][c];
	for (int c = 0; c < CLASSES; c++)
		all += total[c];
	for (int c = 0; c < CLASSES; c++)
		prior[c] = (total[c] + 1) / (all + CLASSES);
	pair *sorted = eg_xmalloc((l->pair_count + 1) * sizeof(*sorted));
	if (l->pair_count)
		memcpy(sorted, l->pv, l->pair_count * sizeof(*sorted));
	qsort(sorted, l->pair_count, sizeof(*sorted), by_name);
	/* Co-training's rounds: the names typed in one round are seeds in the
	 * next, so that a name typed from the seeds teaches its contexts to the
	 * names beside it ("Derbyshire" after "Worcestershire"). */
	eg_u64map before, extra_of;
	eg_u64map_init(&before);
	eg_u64map_init(&extra_of);
	uint64_t (*extra)[CLASSES] = NULL;
	size_t extra_count = 0, extra_cap = 0;
	for (int round = 0; round < ROUNDS; round++) {
		decide_round(l, sorted, prior, &extra_of, (const uint64_t(*)[CLASSES])extra, &before, &m->types);
		if (round + 1 == ROUNDS)
			break;
		eg_u64map_free(&extra_of);
		eg_u64map_init(&extra_of);
		extra_count = 0;
		for (size_t i = 0; i < l->pair_count; i++) {
			const uint64_t *type = eg_u64map_get(&m->types, sorted[i].name);
			if (!type || sorted[i].context < PSEUDO)
				continue;
			uint64_t *slot = eg_u64map_get(&extra_of, sorted[i].context);
			if (!slot) {
				EG_GROW(extra, extra_cap, extra_count + 1);
				memset(extra[extra_count], 0, sizeof(extra[0]));
				slot = eg_u64map_put(&extra_of, sorted[i].context, NULL);
				*slot = ++extra_count;
			}
			extra[*slot - 1][*type - 1] += sorted[i].count;
		}
		eg_u64map_free(&before);
		eg_u64map_init(&before);
		size_t pos = 0;
		uint64_t key, value;
		while (eg_u64map_next(&m->types, &pos, &key, &value))
			*eg_u64map_put(&before, key, NULL) = value;
	}
	uint64_t fp = eg_hash_bytes("model", 5);
	for (size_t i = 0; i < l->pair_count; i++) {
		const uint64_t *type = eg_u64map_get(&m->types, sorted[i].name);
		if (type && (i == 0 || sorted[i - 1].name != sorted[i].name)) {
			uint64_t rec[2] = {sorted[i].name, *type};
			fp = eg_hash_mix(fp, rec, sizeof(rec));
		}
	}
	eg_u64map_free(&before);
	eg_u64map_free(&extra_of);
	free(extra);
	free(sorted);
	m->fingerprint = fp;
	return m;
}

void eg_model_free(eg_model *m)
{
	if (!m)
		return;
	eg_u64map_free(&m->types);
	free(m);
}

size_t eg_model_count(const eg_model *m)
{
	return m->types.count;
}

uint64_t eg_model_fingerprint(const eg_model *m)
{
	return m->fingerprint;
}

typedef struct applying {
	const eg_model *m;
	const char *text;
	const eg_tokens *tokens;
	eg_mentions *added;
	eg_entities *found;
	eg_buf label;
} applying;

static void apply_candidate(void *context, size_t first, size_t end, uint64_t name)
{
	applying *a = context;
	const uint64_t *type = eg_u64map_get(&a->m->types, name);
	if (!type)
		return;
	eg_tokens_text(a->text, a->tokens, first, end, &a->label);
	uint32_t e = eg_entities_intern(a->found, class_types[*type - 1], a->label.data, a->label.len, NULL);
	eg_mentions_push_tokens(a->added, a->tokens, first, end, e, EG_SOURCE_LEARNED);
}

static int by_start(const void *a, const void *b)
{
	const eg_mention *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

void eg_model_apply(const eg_model *m, const char *text, const eg_tokens *tokens, eg_mentions *mentions,
		    eg_entities *found, const eg_dict *dict, const eg_words *common)
{
	if (!m->types.count || !tokens->n)
		return;
	eg_mentions added = {0};
	applying a = {m, text, tokens, &added, found, {0}};
	for (size_t i = 0; i < mentions->n; i++) {
		eg_mention *g = &mentions->v[i];
		if (!listed_place(g, found) || (tokens->v[g->tok_start].flags & EG_TOK_TITLE_CASE))
			continue;
		const uint64_t *type = eg_u64map_get(&m->types, name_of(text, tokens, g->tok_start, g->tok_end, 1));
		if (!type || *type - 1 != C_ORG)
			continue;
		eg_tokens_text(text, tokens, g->tok_start, g->tok_end, &a.label);
		g->entity = eg_entities_intern(found, "ORG", a.label.data, a.label.len, NULL);
		g->source = EG_SOURCE_LEARNED;
	}
	unsigned char *covered = eg_mentions_covered(mentions, tokens->n);
	each_candidate(text, tokens, covered, dict, common, apply_candidate, &a);
	free(covered);
	eg_buf_free(&a.label);
	if (!added.n)
		return;
	eg_mentions_locate(&added, tokens);
	for (size_t i = 0; i < added.n; i++)
		eg_mentions_push(mentions, &added.v[i]);
	qsort(mentions->v, mentions->n, sizeof(*mentions->v), by_start);
	eg_mentions_free(&added);
}
