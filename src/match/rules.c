#define PCRE2_CODE_UNIT_WIDTH 8
#include "match/rules.h"
#include "match/tsv.h"
#include "text/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcre2.h>

/* Generous for real text, small enough that a pathological pattern gives up
 * in well under a second per document. */
#define MATCH_LIMIT 5000000
#define DEPTH_LIMIT 100000

typedef struct rule {
	pcre2_code *code;
	char type[33];
	char *category;     /* "" when none */
	char *label;        /* the template */
	char *origin;       /* "FILE:LINE" */
} rule;

struct eg_rules {
	eg_entities *ents;
	rule *v;
	size_t n, cap;
	pcre2_match_context *match_context;
	pcre2_jit_stack *jit_stack;
	pcre2_match_data *match_data;
	uint32_t max_groups;
	eg_buf label, raw;
};

eg_rules *eg_rules_new(eg_entities *ents)
{
	eg_rules *r = eg_xcalloc(1, sizeof(*r));
	r->ents = ents;
	r->match_context = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(r->match_context, MATCH_LIMIT);
	pcre2_set_depth_limit(r->match_context, DEPTH_LIMIT);
	r->jit_stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	if (r->jit_stack)
		pcre2_jit_stack_assign(r->match_context, NULL, r->jit_stack);
	return r;
}

void eg_rules_free(eg_rules *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		pcre2_code_free(r->v[i].code);
		free(r->v[i].category);
		free(r->v[i].label);
		free(r->v[i].origin);
	}
	free(r->v);
	pcre2_match_data_free(r->match_data);
	pcre2_match_context_free(r->match_context);
	pcre2_jit_stack_free(r->jit_stack);
	eg_buf_free(&r->label);
	eg_buf_free(&r->raw);
	free(r);
}

size_t eg_rules_count(const eg_rules *r)
{
	return r->n;
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

static int parse_options(const eg_tsv_field *f, uint32_t *flags, eg_buf *category, const char *where, eg_error *err)
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
		else if (n)
			return eg_error_set(err, "%s: unknown option \"%.*s\" (options are category=WORD, caseless)",
					    where, (int)n, s);
		s = e;
	}
	return 0;
}

static int load_line(eg_rules *r, const eg_tsv *t, const char *where, eg_error *err)
{
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
	if (t->count == 4 && parse_options(&t->field[3], &flags, &category, where, err) < 0) {
		eg_buf_free(&category);
		return -1;
	}

	int code_error;
	PCRE2_SIZE offset;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern->s, pattern->n, flags, &code_error, &offset, NULL);
	if (!code) {
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
		return -1;
	}
	/* JIT is an optimisation: where the platform lacks it the interpreter
	 * gives the same matches. */
	pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);

	uint32_t groups;
	pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &groups);
	if (!r->match_data || groups > r->max_groups) {
		r->max_groups = groups > r->max_groups ? groups : r->max_groups;
		pcre2_match_data_free(r->match_data);
		r->match_data = pcre2_match_data_create(r->max_groups + 1, NULL);
	}

	EG_GROW(r->v, r->cap, r->n + 1);
	rule *x = &r->v[r->n++];
	x->code = code;
	memcpy(x->type, type->s, type->n);
	x->type[type->n] = '\0';
	x->category = category.data ? category.data : eg_xstrdup("");
	x->label = tpl;
	x->origin = eg_xstrdup(where);
	return 0;
}

int eg_rules_load_buffer(eg_rules *r, const char *file, const char *data, size_t n, eg_error *err)
{
	eg_tsv t;
	eg_tsv_init(&t, data, n);
	char where[4096];
	while (eg_tsv_next(&t)) {
		snprintf(where, sizeof(where), "%s:%zu", file, t.line);
		if (load_line(r, &t, where, err) < 0)
			return -1;
	}
	return 0;
}

int eg_rules_load_file(eg_rules *r, const char *path, eg_error *err)
{
	size_t n;
	char *data = eg_read_file(path, &n, err);
	if (!data)
		return -1;
	int rc = eg_rules_load_buffer(r, path, data, n, err);
	free(data);
	return rc;
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

/* Expands the template into r->label, whitespace collapsed and trimmed. */
static void expand_label(eg_rules *r, const rule *x, const char *text, const PCRE2_SIZE *ov, uint32_t count)
{
	eg_buf *raw = &r->raw;
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
	eg_buf_clear(&r->label);
	int space = 0;
	for (size_t i = 0; i < raw->len; i++) {
		char c = raw->data[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = 1;
			continue;
		}
		if (space && r->label.len)
			eg_buf_addc(&r->label, ' ');
		space = 0;
		eg_buf_addc(&r->label, c);
	}
}

static int run_rule(eg_rules *r, const rule *x, const char *text, size_t length, const eg_tokens *tokens,
		    eg_mentions *out, eg_error *err)
{
	size_t pos = 0;
	while (pos <= length) {
		int rc = pcre2_match(x->code, (PCRE2_SPTR)text, length, pos, 0, r->match_data, r->match_context);
		if (rc == PCRE2_ERROR_NOMATCH)
			return 0;
		if (rc < 0) {
			PCRE2_UCHAR message[256];
			pcre2_get_error_message(rc, message, sizeof(message));
			return eg_error_set(err, "rule %s: %s; skipped for this document", x->origin, (char *)message);
		}
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->match_data);
		size_t start = ov[0], end = ov[1];
		if (end == start) {
			/* An empty match finds nothing; step over one character. */
			int n = 1;
			if (start < length)
				eg_utf8_decode((const unsigned char *)text + start, length - start, &n);
			pos = start + (size_t)n;
			continue;
		}
		pos = end;
		long first = token_starting_at(tokens, start);
		size_t last = first < 0 ? 0 : token_ending_at(tokens, (size_t)first, end);
		if (!last)
			continue;
		expand_label(r, x, text, ov, (uint32_t)rc);
		if (!r->label.len)
			continue;
		eg_mention m = {
			.start = (uint32_t)start,
			.end = (uint32_t)end,
			.tok_start = (uint32_t)first,
			.tok_end = (uint32_t)last,
			.entity = eg_entities_intern(r->ents, x->type, r->label.data, r->label.len, x->category),
			.source = EG_SOURCE_RULE,
		};
		eg_mentions_push(out, &m);
	}
	return 0;
}

int eg_rules_match(eg_rules *r, const char *text, size_t length, const eg_tokens *tokens, eg_mentions *out,
		   eg_error *err)
{
	int status = 0;
	for (size_t i = 0; i < r->n; i++)
		if (run_rule(r, &r->v[i], text, length, tokens, out, err) < 0)
			status = -1;
	return status;
}
