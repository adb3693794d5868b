#include "match/alias.h"
#include "text/utf8.h"
#include "util/map.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct eg_aliases {
	eg_strmap keys;      /* "a" + acronym or "s" + folded surname -> slot */
	uint32_t *entity;    /* per slot */
	size_t cap;
	eg_mentions out;
	eg_buf key, norm;
};

eg_aliases *eg_aliases_new(void)
{
	eg_aliases *a = eg_xcalloc(1, sizeof(*a));
	eg_strmap_init(&a->keys);
	return a;
}

void eg_aliases_free(eg_aliases *a)
{
	if (!a)
		return;
	eg_strmap_free(&a->keys);
	free(a->entity);
	eg_mentions_free(&a->out);
	eg_buf_free(&a->key);
	eg_buf_free(&a->norm);
	free(a);
}

/* The lookup key of token t: "a" + its exact form for an acronym (no lower
 * case), "s" + its folded form for a capitalised word, or NULL. */
static const eg_buf *key_of(eg_aliases *a, const char *text, const eg_token *t)
{
	if (!(t->flags & EG_TOK_WORD) || !(t->flags & EG_TOK_CAPITALIZED))
		return NULL;
	eg_buf_clear(&a->key);
	if (t->flags & EG_TOK_ALL_UPPER) {
		eg_buf_addc(&a->key, 'a');
		eg_buf_add(&a->key, text + t->start, t->end - t->start);
	} else {
		eg_norm_fold(text + t->start, t->end - t->start, &a->norm);
		eg_buf_addc(&a->key, 's');
		eg_buf_add(&a->key, a->norm.data, a->norm.len);
	}
	return &a->key;
}

static int64_t lookup(eg_aliases *a, const char *text, const eg_token *t)
{
	const eg_buf *k = key_of(a, text, t);
	if (!k)
		return -1;
	int64_t slot = eg_strmap_find(&a->keys, k->data, k->len);
	return slot < 0 ? -1 : (int64_t)a->entity[slot];
}

static void define(eg_aliases *a, const char *text, const eg_token *t, uint32_t entity)
{
	const eg_buf *k = key_of(a, text, t);
	if (!k)
		return;
	uint32_t slot = eg_strmap_intern(&a->keys, k->data, k->len, NULL);
	EG_GROW(a->entity, a->cap, (size_t)slot + 1);
	a->entity[slot] = entity;
}

/* Whether acronym could abbreviate mention m: its letters, in order, are
 * among the first letters of m's words, starting with the first ("Israel
 * Defense Forces" -> IDF, "Organisation for Security and Co-operation in
 * Europe" -> OSCE; "Europe" -> OSCE is not). */
static int abbreviates(const char *text, const eg_tokens *tokens, const eg_mention *m, const eg_token *acronym)
{
	char initials[64];
	size_t n = 0;
	for (uint32_t t = m->tok_start; t < m->tok_end && n < sizeof(initials); t++) {
		const eg_token *w = &tokens->v[t];
		if (!(w->flags & EG_TOK_WORD))
			continue;
		char c = text[w->start];
		initials[n++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
	}
	size_t k = 0, letters = 0;
	for (uint32_t i = acronym->start; i < acronym->end; i++) {
		char c = text[i];
		if (c < 'A' || c > 'Z')
			continue;
		if (letters++ == 0 && (n == 0 || initials[0] != c))
			return 0;
		while (k < n && initials[k] != c)
			k++;
		if (k == n)
			return 0;
		k++;
	}
	return letters >= 2;
}

/* Records the aliases that mention m defines. */
static void learn(eg_aliases *a, const char *text, const eg_tokens *tokens, const eg_entities *ents,
		  const eg_mention *m)
{
	uint32_t words = 0, last = m->tok_start;
	for (uint32_t t = m->tok_start; t < m->tok_end; t++)
		if (tokens->v[t].flags & EG_TOK_WORD) {
			words++;
			last = t;
		}
	if (words >= 2 && strcmp(eg_entity_type(ents, m->entity), "PERSON") == 0 &&
	    !(tokens->v[last].flags & EG_TOK_ALL_UPPER))
		define(a, text, &tokens->v[last], m->entity);
	/* "Name (ACR)": an upper-case word of two or more letters in brackets. */
	uint32_t open = m->tok_end;
	if (open + 2 < tokens->n && eg_token_is(text, &tokens->v[open], "(") &&
	    eg_token_is(text, &tokens->v[open + 2], ")")) {
		const eg_token *acronym = &tokens->v[open + 1];
		if ((acronym->flags & EG_TOK_ALL_UPPER) && abbreviates(text, tokens, m, acronym))
			define(a, text, acronym, m->entity);
	}
}

/* Lower-case words that may sit inside a name without an initial of their
 * own in its acronym ("Organisation for Security and Co-operation in
 * Europe", OSCE). */
static const char *const linking_words[] = {"of", "for", "and", "the", "in", "on", "de", "du", "des", "la", "al", NULL};

/* Heads that make a name so defined a place, not an organisation. */
static const char *const place_heads[] = {"Republic", "Kingdom", "Emirates", "States", NULL};

/* "Kurdistan Democratic Party (KDP)" where no mention covers the name: finds
 * the capitalised words before the bracket at open whose initials spell the
 * acronym, makes them one mention (an ORG, or a PLACE for a "... Republic",
 * "... Kingdom"), replacing any mentions inside them, and defines the
 * acronym.  Returns 1 when it did. */
static int define_from_words(eg_aliases *a, const char *text, const eg_tokens *tokens, eg_entities *ents,
			     size_t open)
{
	const eg_token *acronym = &tokens->v[open + 1];
	char letters[16];
	size_t n = 0;
	for (uint32_t i = acronym->start; i < acronym->end; i++) {
		char c = text[i];
		if (c >= 'A' && c <= 'Z') {
			if (n == sizeof(letters))
				return 0;
			letters[n++] = c;
		} else if (c != '.') {
			return 0;
		}
	}
	if (n < 2)
		return 0;
	/* Walk back over the name, matching initials from the last. */
	size_t s = open, matched = 0;
	while (s > 0 && matched < n) {
		const eg_token *w = &tokens->v[s - 1];
		if (!(w->flags & EG_TOK_WORD))
			return 0;
		if (w->flags & EG_TOK_CAPITALIZED) {
			if (text[w->start] != letters[n - 1 - matched])
				return 0;
			matched++;
		} else if (!eg_token_in(text, w, linking_words) || s == open) {
			return 0;
		}
		s--;
	}
	if (matched != n)
		return 0;
	/* A mention that reaches into the name from before it ("Alexander
	 * Lebed\nTpe" before "Tpe Guardian (TG)") keeps its tokens; those
	 * inside the name give way to it.  The list is sorted and without
	 * overlaps, so only the mentions ending after s need looking at. */
	size_t inside = a->out.n;
	while (inside && a->out.v[inside - 1].tok_end > s) {
		if (a->out.v[inside - 1].tok_start < s)
			return 0;
		inside--;
	}
	a->out.n = inside;
	eg_tokens_text(text, tokens, s, open, &a->norm);
	const char *type = eg_token_in(text, &tokens->v[open - 1], place_heads) ? "PLACE" : "ORG";
	uint32_t entity = eg_entities_intern(ents, type, a->norm.data, a->norm.len, NULL);
	eg_mentions_push_tokens(&a->out, tokens, s, open, entity, EG_SOURCE_RULE);
	define(a, text, acronym, entity);
	return 1;
}

/* How many tokens before t, none of them in a mention (they come after
 * floor), spell the words of label that precede its last one: "Suu" in
 * "Suu Kyi" when label is "Aung San Suu Kyi". */
static uint32_t preceding_name_words(const char *text, const eg_tokens *tokens, size_t t, size_t floor,
				     const char *label)
{
	const char *end = label + strlen(label);
	const char *word_end = end;
	while (word_end > label && word_end[-1] != ' ')
		word_end--; /* now at the start of the last word */
	uint32_t count = 0;
	while (t > floor && word_end > label) {
		const char *stop = word_end - 1; /* the space before this word */
		const char *start = stop;
		while (start > label && start[-1] != ' ')
			start--;
		const eg_token *p = &tokens->v[t - 1];
		size_t n = (size_t)(stop - start);
		if (!(p->flags & EG_TOK_CAPITALIZED) || p->end - p->start != n ||
		    strncasecmp(text + p->start, start, n) != 0)
			break;
		count++;
		t--;
		word_end = start;
	}
	return count;
}

/* A found name that is the tail of a person named earlier ("Suu Kyi" after
 * "Aung San Suu Kyi") is that person. */
static void claim_name_tail(eg_aliases *a, const char *text, const eg_tokens *tokens, const eg_entities *ents,
			    eg_mention *m)
{
	size_t last = m->tok_end - 1;
	int64_t e = lookup(a, text, &tokens->v[last]);
	if (e < 0 || (uint32_t)e == m->entity || strcmp(eg_entity_type(ents, m->entity), "PERSON") != 0)
		return;
	if (preceding_name_words(text, tokens, last, m->tok_start, eg_entity_label(ents, (uint32_t)e)) !=
	    last - m->tok_start)
		return;
	m->entity = (uint32_t)e;
	m->source = EG_SOURCE_ALIAS;
}

/* Where an alias of entity e that ends at token t starts: earlier words of
 * its name not yet in a mention join it ("Suu Kyi"). */
static size_t alias_start(const eg_aliases *a, const char *text, const eg_tokens *tokens, const eg_entities *ents,
			  size_t t, uint32_t e)
{
	size_t floor = a->out.n ? a->out.v[a->out.n - 1].tok_end : 0;
	return t - preceding_name_words(text, tokens, t, floor, eg_entity_label(ents, e));
}

static int by_start(const void *x, const void *y)
{
	const eg_mention *a = x, *b = y;
	return a->start < b->start ? -1 : a->start > b->start;
}

/* The folded words of tokens [first, end), joined by single spaces, into
 * out; 0 when one of them is not a word or the text crosses a sentence. */
static int fold_words(eg_aliases *a, const char *text, const eg_tokens *tokens, size_t first, size_t end,
		      eg_buf *out)
{
	eg_buf_clear(out);
	for (size_t t = first; t < end; t++) {
		const eg_token *w = &tokens->v[t];
		if (!(w->flags & (EG_TOK_WORD | EG_TOK_NUMBER)) || w->sentence != tokens->v[first].sentence)
			return 0;
		eg_norm_fold(text + w->start, w->end - w->start, &a->norm);
		if (t > first)
			eg_buf_addc(out, ' ');
		eg_buf_add(out, a->norm.data, a->norm.len);
	}
	return 1;
}

/* The longest name a mention holds, in words, for propagation. */
#define PROPAGATE_WORDS 6

/* A name typed once in a document keeps that type there: every other
 * occurrence, capitalised and in no mention, of a name that rules or
 * aliases found ("shares in Ruch" ... "Ruch controls", "the group Human
 * Rights in China" ... "Human Rights in China said") becomes a mention of
 * it, before or after.  A one-word name must be three letters or more; a
 * name found as two different entities is left alone. */
static void propagate(eg_aliases *a, const char *text, const eg_tokens *tokens)
{
	eg_strmap found;
	eg_strmap_init(&found);
	uint32_t *entity = NULL;
	size_t cap = 0, longest = 0;
	eg_buf key = {0};
	unsigned char *covered = eg_xcalloc(tokens->n ? tokens->n : 1, 1);
	for (size_t i = 0; i < a->out.n; i++) {
		const eg_mention *m = &a->out.v[i];
		size_t words = m->tok_end - m->tok_start;
		memset(covered + m->tok_start, 1, words);
		const eg_token *t = &tokens->v[m->tok_start];
		if (m->source == EG_SOURCE_DICT || words > PROPAGATE_WORDS || !(t->flags & EG_TOK_CAPITALIZED) ||
		    (words == 1 && t->end - t->start < 3) ||
		    !fold_words(a, text, tokens, m->tok_start, m->tok_end, &key))
			continue;
		int inserted;
		uint32_t slot = eg_strmap_intern(&found, key.data, key.len, &inserted);
		EG_GROW(entity, cap, (size_t)slot + 1);
		if (inserted)
			entity[slot] = m->entity;
		else if (entity[slot] != m->entity)
			entity[slot] = UINT32_MAX; /* two readings: no vote */
		if (words > longest)
			longest = words;
	}
	size_t before = a->out.n;
	for (size_t t = 0; found.count && t < tokens->n; t++) {
		const eg_token *w = &tokens->v[t];
		if (covered[t] || !(w->flags & EG_TOK_WORD) || !(w->flags & EG_TOK_CAPITALIZED))
			continue;
		/* The longest known name from here, its words in no mention,
		 * its key grown a word at a time. */
		size_t best = 0;
		uint32_t best_entity = 0;
		eg_buf_clear(&key);
		for (size_t n = 1; n <= longest && t + n <= tokens->n && !covered[t + n - 1]; n++) {
			const eg_token *x = &tokens->v[t + n - 1];
			if (!(x->flags & (EG_TOK_WORD | EG_TOK_NUMBER)) || x->sentence != w->sentence)
				break;
			eg_norm_fold(text + x->start, x->end - x->start, &a->norm);
			if (n > 1)
				eg_buf_addc(&key, ' ');
			eg_buf_add(&key, a->norm.data, a->norm.len);
			int64_t slot = eg_strmap_find(&found, key.data, key.len);
			if (slot >= 0 && entity[slot] != UINT32_MAX) {
				best = n;
				best_entity = entity[slot];
			}
		}
		if (best) {
			eg_mentions_push_tokens(&a->out, tokens, t, t + best, best_entity, EG_SOURCE_ALIAS);
			t += best - 1;
		}
	}
	if (a->out.n > before)
		qsort(a->out.v, a->out.n, sizeof(*a->out.v), by_start);
	free(covered);
	free(entity);
	eg_buf_free(&key);
	eg_strmap_free(&found);
}

/* What one short name stands for in a document (join_legal_forms). */
typedef struct short_name {
	uint32_t plain;   /* the ORG of the name itself, UINT32_MAX when not mentioned */
	uint32_t longer;  /* of those with a legal form, the one of smallest id */
} short_name;

/* A company named with and without its legal form in one document
 * ("Akamai Inc." ... "Akamai") is one entity there: every ORG mention whose
 * name ends in a legal form (eg_name_without_legal_form) becomes one of the
 * ORG of the plain name where the document mentions it, or else of the
 * one of smallest id among those of that short name; what graph/identity.h
 * does across documents, done here so that a document's counts hold it
 * once. */
static void join_legal_forms(const eg_entities *ents, eg_mentions *list)
{
	size_t longer = 0;
	for (size_t i = 0; i < list->n && !longer; i++) {
		uint32_t e = list->v[i].entity;
		longer = strcmp(eg_entity_type(ents, e), "ORG") == 0 && eg_name_without_legal_form(eg_entity_label(ents, e));
	}
	if (!longer)
		return;
	eg_strmap keys;
	eg_strmap_init(&keys);
	short_name *names = NULL;
	size_t cap = 0;
	uint32_t *key_of = eg_xmalloc(list->n * sizeof(*key_of));
	eg_buf id = {0};
	for (size_t i = 0; i < list->n; i++) {
		uint32_t e = list->v[i].entity;
		key_of[i] = UINT32_MAX;
		if (strcmp(eg_entity_type(ents, e), "ORG") != 0)
			continue;
		const char *label = eg_entity_label(ents, e);
		size_t cut = eg_name_without_legal_form(label);
		eg_entity_id_for("ORG", label, cut ? cut : strlen(label), &id);
		int inserted;
		uint32_t k = eg_strmap_intern(&keys, id.data, id.len, &inserted);
		if (inserted) {
			EG_GROW(names, cap, (size_t)k + 1);
			names[k] = (short_name){UINT32_MAX, UINT32_MAX};
		}
		key_of[i] = k;
		if (!cut)
			names[k].plain = e;
		else if (names[k].longer == UINT32_MAX ||
			 strcmp(eg_entity_id(ents, e), eg_entity_id(ents, names[k].longer)) < 0)
			names[k].longer = e;
	}
	/* A name a rule or an alias made a person, the short name of a company
	 * the document names with its legal form ("Cofinec S.A." ... "Cofinec
	 * said"), is that company: the legal form says what it is. */
	for (size_t i = 0; i < list->n; i++) {
		uint32_t e = list->v[i].entity;
		if (strcmp(eg_entity_type(ents, e), "PERSON") != 0 ||
		    (list->v[i].source != EG_SOURCE_RULE && list->v[i].source != EG_SOURCE_ALIAS))
			continue;
		const char *label = eg_entity_label(ents, e);
		eg_entity_id_for("ORG", label, strlen(label), &id);
		int64_t k = eg_strmap_find(&keys, id.data, id.len);
		if (k >= 0 && names[k].longer != UINT32_MAX)
			key_of[i] = (uint32_t)k;
	}
	for (size_t i = 0; i < list->n; i++) {
		if (key_of[i] == UINT32_MAX)
			continue;
		const short_name *x = &names[key_of[i]];
		uint32_t into = x->plain != UINT32_MAX ? x->plain : x->longer;
		if (into != UINT32_MAX && into != list->v[i].entity) {
			list->v[i].entity = into;
			list->v[i].source = EG_SOURCE_ALIAS;
		}
	}
	eg_buf_free(&id);
	free(key_of);
	free(names);
	eg_strmap_free(&keys);
}

void eg_resolve_aliases(eg_aliases *a, const char *text, const eg_tokens *tokens, eg_entities *ents,
			eg_mentions *list)
{
	eg_strmap_free(&a->keys);
	eg_strmap_init(&a->keys);
	a->out.n = 0;
	size_t k = 0;
	for (size_t t = 0; t < tokens->n; t++) {
		if (k < list->n && list->v[k].tok_start == t) {
			eg_mention m = list->v[k++];
			if (m.tok_end - m.tok_start > 1 && m.source == EG_SOURCE_RULE)
				claim_name_tail(a, text, tokens, ents, &m);
			if (m.tok_end - m.tok_start == 1) {
				int64_t e = lookup(a, text, &tokens->v[t]);
				if (e >= 0 && (uint32_t)e != m.entity) {
					m.tok_start = (uint32_t)alias_start(a, text, tokens, ents, t, (uint32_t)e);
					m.start = tokens->v[m.tok_start].start;
					m.entity = (uint32_t)e;
					m.source = EG_SOURCE_ALIAS;
				}
			}
			eg_mentions_push(&a->out, &m);
			learn(a, text, tokens, ents, &m);
			t = m.tok_end - 1;
			continue;
		}
		if (t >= 1 && t + 2 < tokens->n && eg_token_is(text, &tokens->v[t], "(") &&
		    eg_token_is(text, &tokens->v[t + 2], ")") && (tokens->v[t + 1].flags & EG_TOK_ALL_UPPER) &&
		    lookup(a, text, &tokens->v[t + 1]) < 0)
			define_from_words(a, text, tokens, ents, t);
		int64_t e = a->keys.count ? lookup(a, text, &tokens->v[t]) : -1;
		if (e >= 0)
			eg_mentions_push_tokens(&a->out, tokens, alias_start(a, text, tokens, ents, t, (uint32_t)e), t + 1,
						(uint32_t)e, EG_SOURCE_ALIAS);
	}
	propagate(a, text, tokens);
	join_legal_forms(ents, &a->out);
	/* Hand the rebuilt list back, keeping both buffers for reuse. */
	eg_mentions swap = *list;
	*list = a->out;
	a->out = swap;
}
