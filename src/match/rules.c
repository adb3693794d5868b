#define PCRE2_CODE_UNIT_WIDTH 8
#include "match/rules.h"
#include "match/tsv.h"
#include "text/utf8.h"
#include "util/map.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcre2.h>

/* PCRE2's match limit counts steps per start position, not per call (both
 * in the interpreter and in JIT code, its counter restarts at each position
 * an unanchored search tries), so it cannot bound the work of a search over
 * a whole text.  A search runs with SEARCH_LIMIT steps per position: the
 * shipped rules take a few hundred at most on news text, so a search that
 * stays under it costs time linear in the text and is not charged.  A
 * position that needs more is tried alone (the anchored copy of the
 * pattern, with JIT), its limit raised fourfold while
 * it is hit, up to POSITION_LIMIT, and every attempt there charges its
 * limit to the document's budget: an upper bound of the work at that
 * position, at most 4 times it.  A position that needs more than
 * POSITION_LIMIT gives the rule up for the document (the other rules go
 * on); many that need less spend the budget, which stops all rules.
 * The counts depend on the text and PCRE2's build only, never on time, so
 * the same input stops at the same place on every run and any -j. */
#define SEARCH_LIMIT 4096
#define POSITION_LIMIT 5000000
#define DEPTH_LIMIT 100000
/* attempt_at's result when the budget ran out: no pcre2_match result. */
#define BUDGET_SPENT INT_MIN

typedef struct rule {
	pcre2_code *code;
	pcre2_code *anchored; /* the same, compiled anchored: one start position, with JIT
				 (PCRE2_ANCHORED at match time would fall back to the interpreter) */
	char type[33];
	char *category;     /* "" when none */
	char *label;        /* the template */
	char *origin;       /* "FILE:LINE" */
	int has_need;       /* runs only on sentences with a need= word */
	int skip_title;     /* ignores matches that start on a Title Case line */
	int proper;         /* ignores matches made only of common words */
} rule;

/* A rule's sentences holding one of its need= words, in one document. */
typedef struct sentence_list {
	uint32_t *v;
	size_t n, cap;
} sentence_list;

struct eg_rules_scratch {
	pcre2_match_context *match_context;
	pcre2_jit_stack *jit_stack;
	pcre2_match_data *match_data;
	uint32_t groups;          /* match_data's capacity, in capture groups */
	eg_buf label, raw, fold;
	uint32_t *sentence_first; /* per sentence: first and last token */
	uint32_t *sentence_last;
	size_t sentence_cap;
	sentence_list *needed;    /* per rule */
	size_t needed_cap;
	uint64_t steps_left;      /* of this document's budget */
	const rule *stopped_in;   /* the rule that spent the last of it */
	size_t stopped_at;        /* and the byte where it did */
};

/* The rules that need one word: a list of rule indexes. */
typedef struct need_list {
	uint32_t *rules;
	size_t n, cap;
} need_list;

struct eg_rules {
	rule *v;
	size_t n, cap;
	uint32_t max_groups;
	eg_strmap need_words;    /* folded word -> index into needs */
	need_list *needs;
	size_t need_cap;
	unsigned char need_first[256]; /* first bytes of folded need words */
	eg_buf fold;
};

eg_rules *eg_rules_new(void)
{
	return eg_xcalloc(1, sizeof(eg_rules));
}

eg_rules_scratch *eg_rules_scratch_new(void)
{
	eg_rules_scratch *s = eg_xcalloc(1, sizeof(*s));
	s->match_context = pcre2_match_context_create(NULL);
	pcre2_set_depth_limit(s->match_context, DEPTH_LIMIT);
	s->jit_stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	if (s->jit_stack)
		pcre2_jit_stack_assign(s->match_context, NULL, s->jit_stack);
	return s;
}

void eg_rules_scratch_free(eg_rules_scratch *s)
{
	if (!s)
		return;
	pcre2_match_data_free(s->match_data);
	pcre2_match_context_free(s->match_context);
	pcre2_jit_stack_free(s->jit_stack);
	eg_buf_free(&s->label);
	eg_buf_free(&s->raw);
	eg_buf_free(&s->fold);
	free(s->sentence_first);
	free(s->sentence_last);
	for (size_t i = 0; i < s->needed_cap; i++)
		free(s->needed[i].v);
	free(s->needed);
	free(s);
}

void eg_rules_free(eg_rules *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		pcre2_code_free(r->v[i].code);
		pcre2_code_free(r->v[i].anchored);
		free(r->v[i].category);
		free(r->v[i].label);
		free(r->v[i].origin);
	}
	free(r->v);
	for (size_t i = 0; i < r->need_words.count; i++)
		free(r->needs[i].rules);
	free(r->needs);
	eg_strmap_free(&r->need_words);
	eg_buf_free(&r->fold);
	free(r);
}

size_t eg_rules_count(const eg_rules *r)
{
	return r->n;
}

const char *eg_rules_type(const eg_rules *r, size_t index)
{
	return r->v[index].type;
}

/* Checks that every $N and ${name} in the template names a group of code. */
static int check_template(const char *tpl, pcre2_code *code, const char *where, eg_error *err)
{
	uint32_t groups;
	pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &groups);
	for (const char *p = tpl; *p; p++) {
		if (*p != '$')
			continue;
		p++;
		if (*p == '$')
			continue;
		if (*p >= '0' && *p <= '9') {
			if ((uint32_t)(*p - '0') > groups)
				return eg_error_set(err, "%s: label template uses $%c but the pattern has %u group%s",
						    where, *p, groups, groups == 1 ? "" : "s");
			continue;
		}
		if (*p == '{') {
			const char *close = strchr(p, '}');
			if (!close)
				return eg_error_set(err, "%s: unclosed ${ in label template", where);
			char group[64];
			size_t n = (size_t)(close - p - 1);
			if (n == 0 || n >= sizeof(group))
				return eg_error_set(err, "%s: bad group name in label template", where);
			memcpy(group, p + 1, n);
			group[n] = '\0';
			if (pcre2_substring_number_from_name(code, (PCRE2_SPTR)group) < 0)
				return eg_error_set(err, "%s: label template uses ${%s} but the pattern has no such group",
						    where, group);
			p = close;
			continue;
		}
		return eg_error_set(err, "%s: \"$\" in label template must be followed by a digit, {name} or $",
				    where);
	}
	return 0;
}

/* Records that rule index needs each word of the comma-separated list.
 * The list is checked whole first: a word recorded before an error would
 * name a rule that is never added. */
static int add_need(eg_rules *r, uint32_t index, const char *s, size_t n, const char *where, eg_error *err)
{
	const char *end = s + n;
	for (const char *p = s; p <= end;) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		const char *e = comma ? comma : end;
		if (e == p)
			return eg_error_set(err, "%s: empty word in need=", where);
		p = e + 1;
	}
	while (s <= end) {
		const char *comma = memchr(s, ',', (size_t)(end - s));
		const char *e = comma ? comma : end;
		eg_norm_fold(s, (size_t)(e - s), &r->fold);
		int inserted;
		uint32_t w = eg_strmap_intern(&r->need_words, r->fold.data, r->fold.len, &inserted);
		if (inserted) {
			EG_GROW(r->needs, r->need_cap, (size_t)w + 1);
			memset(&r->needs[w], 0, sizeof(r->needs[w]));
		}
		need_list *l = &r->needs[w];
		if (!l->n || l->rules[l->n - 1] != index) {
			EG_GROW(l->rules, l->cap, l->n + 1);
			l->rules[l->n++] = index;
		}
		r->need_first[(unsigned char)r->fold.data[0]] = 1;
		s = e + 1;
	}
	return 0;
}

static int parse_options(const eg_tsv_field *f, uint32_t *flags, eg_buf *category, eg_tsv_field *need,
			 int *skip_title, int *proper, const char *where, eg_error *err)
{
	const char *s = f->s, *end = f->s + f->n;
	while (s < end) {
		while (s < end && *s == ' ')
			s++;
		const char *e = s;
		while (e < end && *e != ' ')
			e++;
		size_t n = (size_t)(e - s);
		if (n == 8 && memcmp(s, "caseless", 8) == 0)
			*flags |= PCRE2_CASELESS;
		else if (n > 9 && memcmp(s, "category=", 9) == 0)
			eg_buf_add(category, s + 9, n - 9);
		else if (n > 5 && memcmp(s, "need=", 5) == 0)
			*need = (eg_tsv_field){s + 5, n - 5};
		else if (n == 10 && memcmp(s, "skip-title", 10) == 0)
			*skip_title = 1;
		else if (n == 6 && memcmp(s, "proper", 6) == 0)
			*proper = 1;
		else if (n)
			return eg_error_set(err,
					    "%s: unknown option \"%.*s\" (options are category=WORD, caseless, need=WORD,..., skip-title, proper)",
					    where, (int)n, s);
		s = e;
	}
	return 0;
}

static int load_line(void *context, const eg_tsv *t, const char *where, eg_error *err)
{
	eg_rules *r = context;
	if (!eg_utf8_valid(t->line_start, t->line_length))
		return eg_error_set(err, "%s: invalid UTF-8", where);
	if (t->count < 3 || t->count > 4)
		return eg_error_set(err, "%s: expected 3 or 4 tab-separated columns (type, label, pattern, options), found %zu",
				    where, t->count);
	const eg_tsv_field *type = &t->field[0], *label = &t->field[1], *pattern = &t->field[2];
	if (!eg_type_name_valid(type->s, type->n))
		return eg_error_set(err, "%s: invalid type \"%.*s\" (capital letters, digits and _, such as ORG or UNIT)",
				    where, (int)type->n, type->s);
	if (!label->n)
		return eg_error_set(err, "%s: empty label template", where);
	if (!pattern->n)
		return eg_error_set(err, "%s: empty pattern", where);

	uint32_t flags = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
	eg_buf category = {0};
	eg_tsv_field need = {NULL, 0};
	int skip_title = 0, proper = 0;
	if (t->count == 4 &&
	    parse_options(&t->field[3], &flags, &category, &need, &skip_title, &proper, where, err) < 0) {
		eg_buf_free(&category);
		return -1;
	}

	int code_error;
	PCRE2_SIZE offset;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern->s, pattern->n, flags, &code_error, &offset, NULL);
	pcre2_code *anchored = code ? pcre2_compile((PCRE2_SPTR)pattern->s, pattern->n, flags | PCRE2_ANCHORED,
						    &code_error, &offset, NULL)
				    : NULL;
	if (!anchored) {
		pcre2_code_free(code);
		PCRE2_UCHAR message[256];
		pcre2_get_error_message(code_error, message, sizeof(message));
		eg_buf_free(&category);
		return eg_error_set(err, "%s: %s at offset %zu", where, (char *)message, (size_t)offset);
	}
	char *tpl = eg_xstrndup(label->s, label->n);
	if (check_template(tpl, code, where, err) < 0) {
		free(tpl);
		eg_buf_free(&category);
		pcre2_code_free(code);
		pcre2_code_free(anchored);
		return -1;
	}
	/* JIT is an optimisation: where the platform lacks it the interpreter
	 * gives the same matches. */
	pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	pcre2_jit_compile(anchored, PCRE2_JIT_COMPLETE);

	uint32_t groups;
	pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &groups);
	if (groups > r->max_groups)
		r->max_groups = groups;

	if (need.n && add_need(r, (uint32_t)r->n, need.s, need.n, where, err) < 0) {
		free(tpl);
		eg_buf_free(&category);
		pcre2_code_free(code);
		pcre2_code_free(anchored);
		return -1;
	}
	EG_GROW(r->v, r->cap, r->n + 1);
	rule *x = &r->v[r->n++];
	memset(x, 0, sizeof(*x));
	x->has_need = need.n > 0;
	x->skip_title = skip_title;
	x->proper = proper;
	x->code = code;
	x->anchored = anchored;
	memcpy(x->type, type->s, type->n);
	x->type[type->n] = '\0';
	x->category = category.data ? category.data : eg_xstrdup("");
	x->label = tpl;
	x->origin = eg_xstrdup(where);
	return 0;
}

int eg_rules_load_buffer(eg_rules *r, const char *file, const char *data, size_t n, eg_error *err)
{
	return eg_tsv_each(file, data, n, load_line, r, err);
}

int eg_rules_load_file(eg_rules *r, const char *path, eg_error *err)
{
	return eg_tsv_each_in_file(path, load_line, r, err);
}

/* Index of the token starting at byte offset, or -1. */
static long token_starting_at(const eg_tokens *tokens, size_t offset)
{
	size_t lo = 0, hi = tokens->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (tokens->v[mid].start < offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < tokens->n && tokens->v[lo].start == offset ? (long)lo : -1;
}

/* Index + 1 of the token ending at byte offset, searching from first; 0 if none. */
static size_t token_ending_at(const eg_tokens *tokens, size_t first, size_t offset)
{
	for (size_t i = first; i < tokens->n && tokens->v[i].start < offset; i++)
		if (tokens->v[i].end == offset)
			return i + 1;
	return 0;
}

static void append_group(eg_buf *out, const char *text, const PCRE2_SIZE *ov, uint32_t count, int group)
{
	if (group < 0 || (uint32_t)group >= count || ov[2 * group] == PCRE2_UNSET)
		return;
	eg_buf_add(out, text + ov[2 * group], ov[2 * group + 1] - ov[2 * group]);
}

/* Expands the template into s->label, whitespace collapsed and trimmed. */
static void expand_label(eg_rules_scratch *s, const rule *x, const char *text, const PCRE2_SIZE *ov,
			 uint32_t count)
{
	eg_buf *raw = &s->raw;
	eg_buf_clear(raw);
	for (const char *p = x->label; *p; p++) {
		if (*p != '$') {
			eg_buf_addc(raw, *p);
			continue;
		}
		p++;
		if (*p == '$') {
			eg_buf_addc(raw, '$');
		} else if (*p >= '0' && *p <= '9') {
			append_group(raw, text, ov, count, *p - '0');
		} else if (*p == '{') {
			const char *close = strchr(p, '}');
			char group[64];
			size_t n = (size_t)(close - p - 1);
			memcpy(group, p + 1, n);
			group[n] = '\0';
			append_group(raw, text, ov, count, pcre2_substring_number_from_name(x->code, (PCRE2_SPTR)group));
			p = close;
		}
	}
	eg_buf_clear(&s->label);
	int space = 0;
	for (size_t i = 0; i < raw->len; i++) {
		char c = raw->data[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = 1;
			continue;
		}
		if (space && s->label.len)
			eg_buf_addc(&s->label, ' ');
		space = 0;
		eg_buf_addc(&s->label, c);
	}
}

/* Whether every word of tokens [first, last) is a common English word. */
static int all_common(const eg_words *common, const char *text, const eg_tokens *tokens, size_t first,
		      size_t last)
{
	for (size_t i = first; i < last; i++) {
		const eg_token *t = &tokens->v[i];
		if ((t->flags & EG_TOK_WORD) && !eg_words_has(common, text + t->start, t->end - t->start))
			return 0;
	}
	return 1;
}

/* pcre2_match with a match limit. */
static int attempt(eg_rules_scratch *s, const pcre2_code *code, const char *text, size_t length, size_t pos,
		   uint32_t limit)
{
	pcre2_set_match_limit(s->match_context, limit);
	return pcre2_match(code, (PCRE2_SPTR)text, length, pos, 0, s->match_data, s->match_context);
}

/* Tries x at pos alone.  Sets *heavy when the position needed more than
 * SEARCH_LIMIT steps, which are charged; returns BUDGET_SPENT when the
 * budget ran out there, else pcre2_match's result. */
static int attempt_at(eg_rules_scratch *s, const rule *x, const char *text, size_t length, size_t pos,
		      int *heavy)
{
	uint32_t limit = SEARCH_LIMIT;
	int rc = attempt(s, x->anchored, text, length, pos, limit);
	*heavy = rc == PCRE2_ERROR_MATCHLIMIT;
	while (rc == PCRE2_ERROR_MATCHLIMIT) {
		uint64_t charge = limit < s->steps_left ? limit : s->steps_left;
		s->steps_left -= charge;
		if (!s->steps_left) {
			s->stopped_in = x;
			s->stopped_at = pos;
			return BUDGET_SPENT;
		}
		if (limit >= POSITION_LIMIT)
			return rc; /* the rule gives up on this document */
		uint64_t next = (uint64_t)limit * 4;
		if (next > POSITION_LIMIT)
			next = POSITION_LIMIT;
		limit = (uint32_t)(next < s->steps_left ? next : s->steps_left);
		rc = attempt(s, x->anchored, text, length, pos, limit);
		if (rc != PCRE2_ERROR_MATCHLIMIT)
			s->steps_left -= limit; /* the attempt that got through is charged too */
	}
	return rc;
}

/* Runs x over text[from, length): the whole text, or a run of sentences.
 * Returns 0, -1 when the rule gave up on this text, or EG_RULES_STOPPED. */
static int run_rule(eg_rules_scratch *s, const eg_words *common, eg_entities *ents, const rule *x,
		    const char *text, size_t from, size_t length, const eg_tokens *tokens, eg_mentions *out,
		    eg_error *err)
{
	size_t pos = from;
	/* After a search hit SEARCH_LIMIT somewhere past pos: the positions
	 * from pos on are tried one at a time until the one that did. */
	int stepping = 0;
	while (pos <= length) {
		int rc, heavy = 0;
		if (!stepping) {
			rc = attempt(s, x->code, text, length, pos, SEARCH_LIMIT);
			if (rc == PCRE2_ERROR_MATCHLIMIT) {
				stepping = 1;
				continue;
			}
		} else {
			rc = attempt_at(s, x, text, length, pos, &heavy);
			if (rc == BUDGET_SPENT)
				return EG_RULES_STOPPED;
		}
		if (rc == PCRE2_ERROR_NOMATCH && !stepping)
			return 0;
		if (rc < 0 && rc != PCRE2_ERROR_NOMATCH) {
			PCRE2_UCHAR message[256];
			pcre2_get_error_message(rc, message, sizeof(message));
			return eg_error_set(err, "rule %s: %s; skipped for this document", x->origin, (char *)message);
		}
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->match_data);
		size_t start = rc == PCRE2_ERROR_NOMATCH ? pos : ov[0], end = rc == PCRE2_ERROR_NOMATCH ? pos : ov[1];
		if (heavy || rc >= 0)
			stepping = 0; /* past the costly position: searching again is safe */
		if (end == start) {
			/* No match here, or an empty one: step over one character. */
			int n = 1;
			if (start < length)
				eg_utf8_decode((const unsigned char *)text + start, length - start, &n);
			pos = start + (size_t)n;
			continue;
		}
		pos = end;
		long first = token_starting_at(tokens, start);
		size_t last = first < 0 ? 0 : token_ending_at(tokens, (size_t)first, end);
		if (!last || (x->skip_title && (tokens->v[first].flags & EG_TOK_TITLE_CASE)) ||
		    (x->proper && common && all_common(common, text, tokens, (size_t)first, last)))
			continue;
		expand_label(s, x, text, ov, (uint32_t)rc);
		if (!s->label.len)
			continue;
		eg_mentions_push_tokens(out, tokens, (size_t)first, last,
					eg_entities_intern(ents, x->type, s->label.data, s->label.len, x->category),
					EG_SOURCE_RULE);
	}
	return 0;
}

/* The need= word s[0, n) is, or -1.  ASCII is lower-cased in place of the
 * full folding, which gives the same key for it and costs far less. */
static int64_t need_word(const eg_rules *r, eg_rules_scratch *s, const char *w, size_t n)
{
	char small[32];
	if (eg_norm_fold_ascii(w, n, small, sizeof(small)))
		return eg_strmap_find(&r->need_words, small, n);
	eg_norm_fold(w, n, &s->fold);
	return eg_strmap_find(&r->need_words, s->fold.data, s->fold.len);
}

/* Finds, for every rule with need= words, the sentences holding one. */
static void find_needed_sentences(const eg_rules *r, eg_rules_scratch *s, const char *text,
				  const eg_tokens *tokens)
{
	if (r->n > s->needed_cap) {
		size_t old = s->needed_cap;
		EG_GROW(s->needed, s->needed_cap, r->n);
		memset(s->needed + old, 0, (s->needed_cap - old) * sizeof(*s->needed));
	}
	for (size_t i = 0; i < r->n; i++)
		s->needed[i].n = 0;
	if (!r->need_words.count)
		return;
	for (size_t i = 0; i < tokens->n; i++) {
		const eg_token *t = &tokens->v[i];
		unsigned char first = (unsigned char)text[t->start];
		if (first >= 'A' && first <= 'Z')
			first = (unsigned char)(first + 32);
		/* Most tokens are ruled out by their first byte, before folding. */
		if (!(t->flags & (EG_TOK_WORD | EG_TOK_PUNCT)) || (first < 0x80 && !r->need_first[first]))
			continue;
		int64_t w = need_word(r, s, text + t->start, t->end - t->start);
		if (w < 0)
			continue;
		const need_list *l = &r->needs[w];
		for (size_t k = 0; k < l->n; k++) {
			sentence_list *x = &s->needed[l->rules[k]];
			if (x->n && x->v[x->n - 1] == t->sentence)
				continue;
			EG_GROW(x->v, x->cap, x->n + 1);
			x->v[x->n++] = t->sentence;
		}
	}
}

/* Records the first and last token of each sentence. */
static void index_sentences(eg_rules_scratch *s, const eg_tokens *tokens)
{
	if (tokens->sentences > s->sentence_cap) {
		size_t cap = s->sentence_cap;
		EG_GROW(s->sentence_first, cap, tokens->sentences);
		EG_GROW(s->sentence_last, s->sentence_cap, tokens->sentences);
	}
	for (size_t i = 0; i < tokens->n; i++) {
		uint32_t k = tokens->v[i].sentence;
		if (i == 0 || tokens->v[i - 1].sentence != k)
			s->sentence_first[k] = (uint32_t)i;
		s->sentence_last[k] = (uint32_t)i;
	}
}

int eg_rules_match(const eg_rules *r, eg_rules_scratch *s, const eg_words *common, eg_entities *ents,
		   const char *text, size_t length, const eg_tokens *tokens, uint64_t max_steps, eg_mentions *out,
		   eg_error *err)
{
	if (!s->match_data || s->groups < r->max_groups) {
		pcre2_match_data_free(s->match_data);
		s->groups = r->max_groups;
		s->match_data = pcre2_match_data_create(s->groups + 1, NULL);
	}
	s->steps_left = max_steps;
	int status = 0, rc = 0;
	find_needed_sentences(r, s, text, tokens);
	int indexed = 0;
	for (size_t i = 0; i < r->n && rc != EG_RULES_STOPPED; i++) {
		const rule *x = &r->v[i];
		if (!x->has_need) {
			rc = run_rule(s, common, ents, x, text, 0, length, tokens, out, err);
			if (rc < 0)
				status = -1;
			continue;
		}
		const sentence_list *needed = &s->needed[i];
		if (needed->n && !indexed) {
			index_sentences(s, tokens);
			indexed = 1;
		}
		/* Neighbouring sentences run as one stretch of text. */
		for (size_t k = 0; k < needed->n && rc != EG_RULES_STOPPED;) {
			size_t j = k;
			while (j + 1 < needed->n && needed->v[j + 1] == needed->v[j] + 1)
				j++;
			size_t from = tokens->v[s->sentence_first[needed->v[k]]].start;
			size_t to = tokens->v[s->sentence_last[needed->v[j]]].end;
			rc = run_rule(s, common, ents, x, text, from, to, tokens, out, err);
			if (rc < 0)
				status = -1;
			k = j + 1;
		}
	}
	if (rc == EG_RULES_STOPPED) {
		eg_error_set(err, "rule %s at byte %zu", s->stopped_in->origin, s->stopped_at);
		return EG_RULES_STOPPED;
	}
	return status;
}
