#include "match/dict.h"
#include "match/tsv.h"
#include "text/utf8.h"
#include "util/map.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum case_mode { CASE_AUTO, CASE_EXACT, CASE_FOLD };

/* One surface form (a label or an alias) at a trie node.  Forms sharing a
 * node (same folded tokens) are chained in load order, so the first loaded
 * that accepts the text's case wins. */
typedef struct name {
	uint32_t entity;
	uint32_t next;       /* index + 1 of the next name at this node, 0 = none */
	uint32_t exact;      /* offset in d->exact_forms: tokens in exact form, each NUL-terminated */
	uint32_t origin;     /* index in d->origins: the line it is on */
	uint8_t mode;        /* enum case_mode, resolved (never AUTO for acronyms) */
	uint8_t has_upper;   /* the form has an upper-case letter */
	uint8_t cue;         /* evidence for other steps, not an entity mention */
	uint8_t drop;        /* a "drop" line's: never an entity (entity is EG_DICT_DROPPED) */
} name;

/* Where a line is: its file's index in d->files and its number.  Kept as
 * numbers, not as "FILE:LINE" text: a large dictionary has a million lines
 * and only its conflicts are ever reported. */
typedef struct origin {
	uint32_t file, line;
	uint8_t analyst;     /* from a file loaded after eg_dict_begin_analyst */
} origin;

struct eg_dict {
	eg_entities *ents;
	eg_strmap vocabulary;   /* folded token -> token id */
	eg_u64map edges;        /* (node << 32 | token id) -> child node */
	uint32_t *first_name;   /* per node: index + 1 of its first name, 0 = none */
	size_t node_count, node_cap;
	name *names;
	size_t name_count, name_cap;
	eg_buf exact_forms;
	char **files;           /* names of the files loaded, as given */
	size_t file_count, file_cap;
	origin *origins;        /* per line loaded */
	size_t origin_count, origin_cap;
	size_t entry_count;
	char **conflicts;
	size_t conflict_count, conflict_cap;
	char **overrides;
	size_t override_count, override_cap;
	/* Per entity: 1 + the entity an analyst's line put in its place, 0 = itself. */
	uint32_t *redirect;
	size_t redirect_count, redirect_cap;
	size_t drop_count;      /* drop names loaded */
	int analyst;            /* files loaded from now on are the analyst's */
	/* Scratch for loading. */
	eg_tokens tokens;
	eg_buf norm;
};

struct eg_dict_scratch {
	eg_buf norm, norm2;
	int64_t *token_ids;
	size_t token_ids_cap;
};

eg_dict_scratch *eg_dict_scratch_new(void)
{
	return eg_xcalloc(1, sizeof(eg_dict_scratch));
}

void eg_dict_scratch_free(eg_dict_scratch *s)
{
	if (!s)
		return;
	eg_buf_free(&s->norm);
	eg_buf_free(&s->norm2);
	free(s->token_ids);
	free(s);
}

eg_dict *eg_dict_new(eg_entities *ents)
{
	eg_dict *d = eg_xcalloc(1, sizeof(*d));
	d->ents = ents;
	eg_strmap_init(&d->vocabulary);
	eg_u64map_init(&d->edges);
	EG_GROW(d->first_name, d->node_cap, 1);
	d->first_name[0] = 0;
	d->node_count = 1;
	return d;
}

void eg_dict_free(eg_dict *d)
{
	if (!d)
		return;
	eg_strmap_free(&d->vocabulary);
	eg_u64map_free(&d->edges);
	free(d->first_name);
	free(d->names);
	eg_buf_free(&d->exact_forms);
	for (size_t i = 0; i < d->file_count; i++)
		free(d->files[i]);
	free(d->files);
	free(d->origins);
	for (size_t i = 0; i < d->conflict_count; i++)
		free(d->conflicts[i]);
	free(d->conflicts);
	for (size_t i = 0; i < d->override_count; i++)
		free(d->overrides[i]);
	free(d->overrides);
	free(d->redirect);
	eg_tokens_free(&d->tokens);
	eg_buf_free(&d->norm);
	free(d);
}

size_t eg_dict_entry_count(const eg_dict *d) { return d->entry_count; }
size_t eg_dict_name_count(const eg_dict *d) { return d->name_count; }
size_t eg_dict_conflict_count(const eg_dict *d) { return d->conflict_count; }
const char *eg_dict_conflict(const eg_dict *d, size_t i) { return d->conflicts[i]; }
size_t eg_dict_override_count(const eg_dict *d) { return d->override_count; }
const char *eg_dict_override(const eg_dict *d, size_t i) { return d->overrides[i]; }
void eg_dict_begin_analyst(eg_dict *d) { d->analyst = 1; }

uint32_t eg_dict_entity(const eg_dict *d, uint32_t entity)
{
	/* Each redirect makes its target a root (see redirect_entity), so the
	 * chain ends. */
	while (entity < d->redirect_count && d->redirect[entity])
		entity = d->redirect[entity] - 1;
	return entity;
}

/* from's mentions count as to's from now on. */
static void redirect_entity(eg_dict *d, uint32_t from, uint32_t to)
{
	size_t need = (from > to ? from : to) + 1;
	if (need > d->redirect_count) {
		EG_GROW(d->redirect, d->redirect_cap, need);
		memset(d->redirect + d->redirect_count, 0, (need - d->redirect_count) * sizeof(*d->redirect));
		d->redirect_count = need;
	}
	d->redirect[to] = 0;
	d->redirect[from] = to + 1;
}

/* The case class of a surface form: whether it has lower-case letters, upper-case
 * letters, and how many letters. */
static void scan_case(const char *s, size_t n, int *lower, int *upper, size_t *letters)
{
	*lower = *upper = 0;
	*letters = 0;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			/* ASCII needs no look-up in the Unicode tables. */
			*lower |= c >= 'a' && c <= 'z';
			*upper |= c >= 'A' && c <= 'Z';
			*letters += (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
			i++;
			continue;
		}
		int len;
		uint32_t cp = eg_utf8_decode((const unsigned char *)s + i, n - i, &len);
		i += (size_t)len;
		if (cp == EG_UTF8_INVALID || !eg_cp_is_letter(cp))
			continue;
		(*letters)++;
		if (eg_cp_is_lower(cp))
			*lower = 1;
		else if (eg_cp_is_upper(cp))
			*upper = 1;
	}
}

static uint32_t child(eg_dict *d, uint32_t node, uint32_t token)
{
	int inserted;
	uint64_t *slot = eg_u64map_put(&d->edges, (uint64_t)node << 32 | token, &inserted);
	if (inserted) {
		EG_GROW(d->first_name, d->node_cap, d->node_count + 1);
		d->first_name[d->node_count] = 0;
		*slot = d->node_count++;
	}
	return (uint32_t)*slot;
}

static int same_exact(const eg_dict *d, const name *a, const name *b)
{
	const char *x = d->exact_forms.data + a->exact, *y = d->exact_forms.data + b->exact;
	/* Both are sequences of NUL-terminated tokens ending with an empty one. */
	for (;;) {
		if (strcmp(x, y) != 0)
			return 0;
		if (!*x)
			return 1;
		x += strlen(x) + 1;
		y += strlen(y) + 1;
	}
}

static void add_conflict(eg_dict *d, const name *later, const name *earlier, const char *form, size_t n)
{
	EG_GROW(d->conflicts, d->conflict_cap, d->conflict_count + 1);
	const origin *a = &d->origins[later->origin], *b_origin = &d->origins[earlier->origin];
	char later_where[EG_TSV_WHERE_SIZE], earlier_where[EG_TSV_WHERE_SIZE];
	eg_tsv_where(later_where, d->files[a->file], a->line);
	eg_tsv_where(earlier_where, d->files[b_origin->file], b_origin->line);
	eg_buf b = {0};
	eg_buf_printf(&b, "%s: \"%.*s\" also names %s \"%s\" (%s), which wins", later_where, (int)n, form,
		      eg_entity_type(d->ents, earlier->entity), eg_entity_label(d->ents, earlier->entity),
		      earlier_where);
	d->conflicts[d->conflict_count++] = b.data;
}

/* Whether b, added after a at the same trie node, names another entity in
 * a form a text could give both. */
static int collides(const eg_dict *d, const name *a, const name *b)
{
	return a->entity != b->entity && a->cue == b->cue &&
	       (a->mode != CASE_EXACT || b->mode != CASE_EXACT || same_exact(d, a, b));
}

/* An analyst's name took the place of an earlier entry's. */
static void add_override(eg_dict *d, const name *later, const name *earlier, const char *form, size_t n)
{
	EG_GROW(d->overrides, d->override_cap, d->override_count + 1);
	const origin *a = &d->origins[later->origin], *b_origin = &d->origins[earlier->origin];
	char later_where[EG_TSV_WHERE_SIZE], earlier_where[EG_TSV_WHERE_SIZE];
	eg_tsv_where(later_where, d->files[a->file], a->line);
	eg_tsv_where(earlier_where, d->files[b_origin->file], b_origin->line);
	eg_buf b = {0};
	if (earlier->drop)
		eg_buf_printf(&b, "%s: \"%.*s\" was dropped (%s), which wins", later_where, (int)n, form, earlier_where);
	else if (later->drop)
		eg_buf_printf(&b, "%s: drops \"%.*s\", a name of %s \"%s\" (%s)", later_where, (int)n, form,
			      eg_entity_type(d->ents, earlier->entity), eg_entity_label(d->ents, earlier->entity),
			      earlier_where);
	else
		eg_buf_printf(&b, "%s: \"%.*s\" overrides %s \"%s\" (%s), now %s \"%s\"", later_where, (int)n, form,
			      eg_entity_type(d->ents, earlier->entity), eg_entity_label(d->ents, earlier->entity),
			      earlier_where, eg_entity_type(d->ents, later->entity),
			      eg_entity_label(d->ents, later->entity));
	d->overrides[d->override_count++] = b.data;
}

/* Adds one surface form of entity (EG_DICT_DROPPED for a drop line's). */
static int add_name(eg_dict *d, uint32_t entity, const char *form, size_t n, enum case_mode flag, int cue,
		    int drop, uint32_t origin, const char *where, eg_error *err)
{
	eg_tokenize(form, n, &d->tokens);
	if (d->tokens.n == 0)
		return eg_error_set(err, "%s: empty name", where);

	name nm = {0};
	nm.entity = entity;
	nm.origin = origin;
	nm.exact = (uint32_t)d->exact_forms.len;
	nm.cue = (uint8_t)cue;
	nm.drop = (uint8_t)drop;
	uint32_t node = 0;
	for (size_t i = 0; i < d->tokens.n; i++) {
		const eg_token *t = &d->tokens.v[i];
		if (t->flags & EG_TOK_INVALID)
			return eg_error_set(err, "%s: invalid UTF-8 in \"%.*s\"", where, (int)n, form);
		eg_norm_fold(form + t->start, t->end - t->start, &d->norm);
		d->norm.len = eg_norm_spelling(d->norm.data, d->norm.len);
		uint32_t id = eg_strmap_intern(&d->vocabulary, d->norm.data, d->norm.len, NULL);
		node = child(d, node, id);
		eg_norm_exact(form + t->start, t->end - t->start, &d->norm);
		eg_buf_add(&d->exact_forms, d->norm.data, d->norm.len + 1);
	}
	eg_buf_addc(&d->exact_forms, '\0');

	int lower, upper;
	size_t letters;
	scan_case(form, n, &lower, &upper, &letters);
	nm.has_upper = (uint8_t)upper;
	if (flag != CASE_AUTO)
		nm.mode = (uint8_t)flag;
	else if (!lower && letters >= 1 && letters <= 6)
		nm.mode = CASE_EXACT;
	else
		nm.mode = CASE_AUTO;

	/* An analyst's repeat of an earlier file's name is kept: a later file's
	 * line must find it there. */
	int analyst = d->origins[origin].analyst;
	for (uint32_t k = d->first_name[node]; k; k = d->names[k - 1].next) {
		const name *other = &d->names[k - 1];
		if (other->entity == entity && other->mode == nm.mode && same_exact(d, other, &nm) &&
		    (!analyst || d->origins[other->origin].file == d->origins[origin].file)) {
			d->exact_forms.len = nm.exact; /* a repeat: nothing new */
			return 0;
		}
	}
	/* Grow first: link may point into the names array. */
	EG_GROW(d->names, d->name_cap, d->name_count + 1);
	/* A conflict is reported once, against the name that wins.  An
	 * analyst's name is no conflict with an earlier file's: it overrides
	 * that entry's entity
	 * (all of that entity's names now count as the analyst's), or, on a drop
	 * line, takes the name from it. */
	int reported = 0;
	if (analyst) {
		/* Within one file two lines for a name are a mistake, reported
		 * and not an override. */
		for (uint32_t k = d->first_name[node]; k && !reported; k = d->names[k - 1].next)
			if (d->origins[d->names[k - 1].origin].file == d->origins[origin].file &&
			    collides(d, &d->names[k - 1], &nm)) {
				add_conflict(d, &nm, &d->names[k - 1], form, n);
				reported = 1;
			}
	}
	uint32_t *link = &d->first_name[node];
	while (*link) {
		const name *other = &d->names[*link - 1];
		if (!reported && collides(d, other, &nm)) {
			if (!analyst) {
				add_conflict(d, &nm, other, form, n);
			} else {
				add_override(d, &nm, other, form, n);
				if (!drop && !other->drop && other->entity != EG_DICT_DROPPED)
					redirect_entity(d, other->entity, entity);
			}
			reported = 1;
		}
		link = &d->names[*link - 1].next;
	}
	d->names[d->name_count] = nm;
	if (drop) {
		/* First at its node: a drop beats every entry's name there. */
		d->names[d->name_count].next = d->first_name[node];
		d->first_name[node] = (uint32_t)++d->name_count;
		d->drop_count++;
	} else {
		*link = (uint32_t)++d->name_count;
	}
	return 0;
}

static void trim(const char **s, size_t *n)
{
	while (*n && (**s == ' '))
		(*s)++, (*n)--;
	while (*n && (*s)[*n - 1] == ' ')
		(*n)--;
}

static int field_is(const eg_tsv_field *f, const char *word)
{
	return f->n == strlen(word) && memcmp(f->s, word, f->n) == 0;
}

static int parse_flags(const eg_tsv_field *f, enum case_mode *mode, int *cue, int *drop, const char *where,
		       eg_error *err)
{
	*mode = CASE_AUTO;
	*cue = 0;
	*drop = 0;
	const char *s = f->s, *end = f->s + f->n;
	while (s < end) {
		const char *comma = memchr(s, ',', (size_t)(end - s));
		eg_tsv_field one = {s, (size_t)((comma ? comma : end) - s)};
		trim(&one.s, &one.n);
		if (field_is(&one, "exact"))
			*mode = CASE_EXACT;
		else if (field_is(&one, "fold"))
			*mode = CASE_FOLD;
		else if (field_is(&one, "cue"))
			*cue = 1;
		else if (field_is(&one, "drop"))
			*drop = 1;
		else if (one.n)
			return eg_error_set(err, "%s: unknown flag \"%.*s\" (flags are exact, fold, cue, drop)", where,
					    (int)one.n, one.s);
		s = comma ? comma + 1 : end;
	}
	return 0;
}

static int load_line(void *context, const eg_tsv *t, const char *where, eg_error *err)
{
	eg_dict *d = context;
	uint32_t origin = (uint32_t)d->origin_count;
	EG_GROW(d->origins, d->origin_cap, d->origin_count + 1);
	d->origins[d->origin_count++] = (struct origin){(uint32_t)d->file_count - 1, (uint32_t)t->line,
							(uint8_t)d->analyst};
	if (!eg_utf8_valid(t->line_start, t->line_length))
		return eg_error_set(err, "%s: invalid UTF-8", where);
	if (t->count < 2 || t->count > 5)
		return eg_error_set(err,
				    "%s: expected 2 to 5 tab-separated columns (label, type, aliases, category, flags), found %zu",
				    where, t->count);
	eg_tsv_field label = t->field[0], type = t->field[1];
	trim(&label.s, &label.n);
	trim(&type.s, &type.n);
	if (!label.n)
		return eg_error_set(err, "%s: empty label", where);
	enum case_mode mode = CASE_AUTO;
	int cue = 0, drop = 0;
	if (t->count >= 5 && parse_flags(&t->field[4], &mode, &cue, &drop, where, err) < 0)
		return -1;
	if (drop && cue)
		return eg_error_set(err, "%s: a line is either a cue or a drop", where);
	/* A drop line's type is not used: "-" or any type name. */
	int type_ok = eg_type_name_valid(type.s, type.n) || (drop && type.n == 1 && *type.s == '-');
	if (!type_ok)
		return eg_error_set(err, "%s: invalid type \"%.*s\" (capital letters, digits and _, such as ORG or PERSON)",
				    where, (int)type.n, type.s);

	char type_name[33], category[65] = "";
	memcpy(type_name, type.s, type.n);
	type_name[type.n] = '\0';
	if (t->count >= 4) {
		eg_tsv_field c = t->field[3];
		trim(&c.s, &c.n);
		if (c.n >= sizeof(category))
			return eg_error_set(err, "%s: category longer than %zu bytes", where, sizeof(category) - 1);
		memcpy(category, c.s, c.n);
		category[c.n] = '\0';
	}

	uint32_t entity = drop ? EG_DICT_DROPPED : eg_entities_intern(d->ents, type_name, label.s, label.n, category);
	if (d->analyst && !drop)
		eg_entities_set_category(d->ents, entity, category);
	if (add_name(d, entity, label.s, label.n, mode, cue, drop, origin, where, err) < 0)
		return -1;
	if (t->count >= 3 && t->field[2].n) {
		const char *s = t->field[2].s, *end = s + t->field[2].n;
		for (;;) {
			const char *bar = memchr(s, '|', (size_t)(end - s));
			const char *e = bar ? bar : end;
			const char *a = s;
			size_t n = (size_t)(e - s);
			trim(&a, &n);
			if (!n)
				return eg_error_set(err, "%s: empty alias in \"%.*s\"", where, (int)t->field[2].n,
						    t->field[2].s);
			if (add_name(d, entity, a, n, mode, cue, drop, origin, where, err) < 0)
				return -1;
			if (!bar)
				break;
			s = bar + 1;
		}
	}
	d->entry_count++;
	return 0;
}

/* Lines loaded next are in file, n bytes long.  The tables are sized for
 * it up front: grown step by step, a million-line file would have them
 * move every entry about twice.  Gazetteers run to some 16 bytes a trie
 * edge and 32 a new vocabulary word (the shipped ones 18 and 25, the
 * synthetic benchmark 16 and 28); a guess off either way costs only what
 * growing would. */
static void start_file(eg_dict *d, const char *file, size_t n)
{
	EG_GROW(d->files, d->file_cap, d->file_count + 1);
	d->files[d->file_count++] = eg_xstrdup(file);
	eg_u64map_reserve(&d->edges, d->edges.count + n / 16);
	eg_strmap_reserve(&d->vocabulary, d->vocabulary.count + n / 32);
}

int eg_dict_load_buffer(eg_dict *d, const char *file, const char *data, size_t n, eg_error *err)
{
	start_file(d, file, n);
	return eg_tsv_each(file, data, n, load_line, d, err);
}

int eg_dict_load_file(eg_dict *d, const char *path, eg_error *err)
{
	size_t n;
	char *data = eg_read_file(path, &n, err);
	if (!data)
		return -1;
	int rc = eg_dict_load_buffer(d, path, data, n, err);
	free(data);
	return rc;
}

/* The token's id in the vocabulary, or -1 when no name contains it. */
static int64_t token_id(const eg_dict *d, eg_buf *norm, const char *s, size_t n)
{
	char small[64];
	if (eg_norm_fold_ascii(s, n, small, sizeof(small)))
		return eg_strmap_find(&d->vocabulary, small, eg_norm_spelling(small, n));
	eg_norm_fold(s, n, norm);
	norm->len = eg_norm_spelling(norm->data, norm->len);
	return eg_strmap_find(&d->vocabulary, norm->data, norm->len);
}

/* Whether the text's tokens [first, last) are an acceptable occurrence of nm. */
static int case_ok(const eg_dict *d, eg_buf *norm, const name *nm, const char *text, const eg_tokens *tokens, size_t first, size_t last)
{
	if (nm->mode == CASE_FOLD)
		return 1;
	if (nm->mode == CASE_AUTO) {
		if (!nm->has_upper)
			return 1;
		for (size_t i = first; i < last; i++)
			if (tokens->v[i].flags & EG_TOK_HAS_UPPER)
				return 1;
		return 0;
	}
	const char *form = d->exact_forms.data + nm->exact;
	for (size_t i = first; i < last; i++) {
		const eg_token *t = &tokens->v[i];
		eg_norm_exact(text + t->start, t->end - t->start, norm);
		if (strcmp(norm->data, form) != 0)
			return 0;
		form += strlen(form) + 1;
	}
	return 1;
}

void eg_dict_match(const eg_dict *d, eg_dict_scratch *s, const char *text, const eg_tokens *tokens,
		   eg_mentions *out, eg_mentions *cues)
{
	if (!d->name_count || !tokens->n)
		return;
	EG_GROW(s->token_ids, s->token_ids_cap, tokens->n);
	int64_t *token_ids = s->token_ids;
	for (size_t i = 0; i < tokens->n; i++) {
		const eg_token *t = &tokens->v[i];
		token_ids[i] = token_id(d, &s->norm, text + t->start, t->end - t->start);
	}
	for (size_t i = 0; i < tokens->n; i++) {
		if (token_ids[i] < 0)
			continue;
		uint32_t node = 0;
		/* The longest name and the longest cue starting here, apart. */
		size_t best_end[2] = {0, 0};
		uint32_t best_entity[2] = {0, 0};
		for (size_t j = i; j < tokens->n && token_ids[j] >= 0; j++) {
			if (j > i && tokens->v[j].paragraph != tokens->v[i].paragraph)
				break;
			const uint64_t *next = eg_u64map_get(&d->edges, (uint64_t)node << 32 | (uint64_t)token_ids[j]);
			if (!next)
				break;
			node = (uint32_t)*next;
			int found[2] = {0, 0};
			for (uint32_t k = d->first_name[node]; k; k = d->names[k - 1].next) {
				const name *nm = &d->names[k - 1];
				if (!found[nm->cue] && case_ok(d, &s->norm2, nm, text, tokens, i, j + 1)) {
					found[nm->cue] = 1;
					best_end[nm->cue] = j + 1;
					best_entity[nm->cue] = nm->drop ? EG_DICT_DROPPED : eg_dict_entity(d, nm->entity);
				}
			}
		}
		/* A drop name that is the longest here hides the shorter names
		 * too; what else finds it eg_dict_correct removes. */
		if (best_end[0] && best_entity[0] != EG_DICT_DROPPED)
			eg_mentions_push_tokens(out, tokens, i, best_end[0], best_entity[0], EG_SOURCE_DICT);
		if (best_end[1] && cues)
			eg_mentions_push_tokens(cues, tokens, i, best_end[1], best_entity[1], EG_SOURCE_DICT);
	}
}

/* Whether tokens [first, last) of the text are written as a drop name. */
static int dropped_span(const eg_dict *d, eg_dict_scratch *s, const char *text, const eg_tokens *tokens,
			size_t first, size_t last)
{
	uint32_t node = 0;
	for (size_t j = first; j < last; j++) {
		if (s->token_ids[j] < 0)
			return 0;
		const uint64_t *next = eg_u64map_get(&d->edges, (uint64_t)node << 32 | (uint64_t)s->token_ids[j]);
		if (!next)
			return 0;
		node = (uint32_t)*next;
	}
	/* Drop names come first at their node. */
	for (uint32_t k = d->first_name[node]; k && d->names[k - 1].drop; k = d->names[k - 1].next)
		if (case_ok(d, &s->norm2, &d->names[k - 1], text, tokens, first, last))
			return 1;
	return 0;
}

int eg_dict_dropped(const eg_dict *d, const char *text, const eg_tokens *tokens, size_t first, size_t last)
{
	if (!d->drop_count)
		return 0;
	eg_buf norm = {0};
	uint32_t node = 0;
	int dropped = 1;
	for (size_t j = first; j < last && dropped; j++) {
		int64_t id = token_id(d, &norm, text + tokens->v[j].start, tokens->v[j].end - tokens->v[j].start);
		const uint64_t *next = id < 0 ? NULL : eg_u64map_get(&d->edges, (uint64_t)node << 32 | (uint64_t)id);
		dropped = next != NULL;
		if (next)
			node = (uint32_t)*next;
	}
	if (dropped) {
		dropped = 0;
		for (uint32_t k = d->first_name[node]; k && d->names[k - 1].drop && !dropped; k = d->names[k - 1].next)
			dropped = case_ok(d, &norm, &d->names[k - 1], text, tokens, first, last);
	}
	eg_buf_free(&norm);
	return dropped;
}

void eg_dict_correct(const eg_dict *d, eg_dict_scratch *s, const char *text, const eg_tokens *tokens,
		     eg_mentions *list)
{
	size_t kept = 0;
	for (size_t i = 0; i < list->n; i++) {
		eg_mention m = list->v[i];
		if (d->drop_count && m.tok_end <= tokens->n && dropped_span(d, s, text, tokens, m.tok_start, m.tok_end))
			continue;
		m.entity = eg_dict_entity(d, m.entity);
		list->v[kept++] = m;
	}
	list->n = kept;
}

void eg_dict_unprefix(const eg_dict *d, eg_dict_scratch *s, const eg_entities *ents, const char *text,
		      const eg_tokens *tokens, eg_mentions *list)
{
	if (!d->drop_count)
		return;
	size_t kept = 0;
	for (size_t i = 0; i < list->n; i++) {
		const eg_mention *m = &list->v[i];
		int prefixed = 0;
		if (m->source == EG_SOURCE_RULE && m->tok_end <= tokens->n && m->tok_end - m->tok_start > 1 &&
		    strcmp(eg_entity_type(ents, m->entity), "PERSON") == 0)
			for (size_t k = 1; k <= 2 && m->tok_start + k < m->tok_end && !prefixed; k++)
				prefixed = dropped_span(d, s, text, tokens, m->tok_start, m->tok_start + k);
		if (!prefixed)
			list->v[kept++] = *m;
	}
	list->n = kept;
}
