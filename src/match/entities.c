#include "match/entities.h"
#include "util/map.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

typedef struct entity {
	uint32_t type;     /* index into types */
	uint32_t category; /* 1 + index into categories, 0 until given */
	char *label;       /* the id is the key of the same index in ids */
} entity;

struct eg_entities {
	const eg_entities *base; /* entities [0, base_count) live there */
	uint32_t base_count;
	eg_strmap types, categories; /* few distinct values, kept once */
	eg_strmap ids;     /* stable id -> entity index */
	entity *v;
	size_t n, cap;
	eg_buf scratch;
};

eg_entities *eg_entities_new(void)
{
	eg_entities *e = eg_xcalloc(1, sizeof(*e));
	eg_strmap_init(&e->types);
	eg_strmap_init(&e->categories);
	eg_strmap_init(&e->ids);
	return e;
}

eg_entities *eg_entities_extend(const eg_entities *base)
{
	eg_entities *e = eg_entities_new();
	e->base = base;
	e->base_count = (uint32_t)base->n;
	return e;
}

static void free_own(eg_entities *e)
{
	for (size_t i = 0; i < e->n; i++)
		free(e->v[i].label);
	e->n = 0;
}

void eg_entities_clear(eg_entities *e)
{
	free_own(e);
	eg_strmap_free(&e->ids);
	eg_strmap_init(&e->ids);
}

void eg_entities_free(eg_entities *e)
{
	if (!e)
		return;
	free_own(e);
	free(e->v);
	eg_strmap_free(&e->types);
	eg_strmap_free(&e->categories);
	eg_strmap_free(&e->ids);
	eg_buf_free(&e->scratch);
	free(e);
}

/* Whether label (n bytes) should replace current as an entity's label:
 * the same entity named in several ways (only ASCII case can differ, see
 * eg_entity_id_for) takes a form that is not all capitals when there is one,
 * then the smallest in byte order, so the choice does not depend on the
 * order documents come in. */
static int better_label(const char *label, size_t n, const char *current)
{
	int upper = 0, lower = 0, current_upper = 0, current_lower = 0;
	for (size_t i = 0; i < n; i++) {
		upper |= label[i] >= 'A' && label[i] <= 'Z';
		lower |= label[i] >= 'a' && label[i] <= 'z';
	}
	for (const char *p = current; *p; p++) {
		current_upper |= *p >= 'A' && *p <= 'Z';
		current_lower |= *p >= 'a' && *p <= 'z';
	}
	int shouting = upper && !lower, current_shouting = current_upper && !current_lower;
	if (shouting != current_shouting)
		return current_shouting;
	size_t m = strlen(current);
	int order = memcmp(label, current, n < m ? n : m);
	return order < 0 || (order == 0 && n < m);
}

uint32_t eg_entities_intern(eg_entities *e, const char *type, const char *label,
			    size_t label_length, const char *category)
{
	eg_entity_id_for(type, label, label_length, &e->scratch);
	if (e->base) {
		int64_t known = eg_strmap_find(&e->base->ids, e->scratch.data, e->scratch.len);
		if (known >= 0)
			return (uint32_t)known;
	}
	int inserted;
	uint32_t index = eg_strmap_intern(&e->ids, e->scratch.data, e->scratch.len, &inserted);
	if (inserted) {
		EG_GROW(e->v, e->cap, e->n + 1);
		entity *x = &e->v[e->n++];
		x->type = eg_strmap_intern(&e->types, type, strlen(type), NULL);
		x->label = eg_xstrndup(label, label_length);
		x->category = 0;
	}
	entity *x = &e->v[index];
	if (!inserted && e->base && better_label(label, label_length, x->label)) {
		free(x->label);
		x->label = eg_xstrndup(label, label_length);
	}
	if (category && *category &&
	    (!x->category || (e->base && strcmp(category, eg_strmap_key(&e->categories, x->category - 1)) < 0)))
		x->category = 1 + eg_strmap_intern(&e->categories, category, strlen(category), NULL);
	return e->base_count + index;
}

void eg_entities_set_category(eg_entities *e, uint32_t index, const char *category)
{
	if (index < e->base_count || !category || !*category)
		return;
	e->v[index - e->base_count].category = 1 + eg_strmap_intern(&e->categories, category, strlen(category), NULL);
}

/* The table holding entity index, and the index there. */
static const eg_entities *owner(const eg_entities *e, uint32_t *index)
{
	if (*index < e->base_count)
		return e->base;
	*index -= e->base_count;
	return e;
}

size_t eg_entities_count(const eg_entities *e)
{
	return e->base_count + e->n;
}

const char *eg_entity_type(const eg_entities *e, uint32_t index)
{
	e = owner(e, &index);
	return eg_strmap_key(&e->types, e->v[index].type);
}

int64_t eg_entities_find(const eg_entities *e, const char *type, const char *label, size_t label_length)
{
	eg_buf id = {0};
	eg_entity_id_for(type, label, label_length, &id);
	int64_t found = -1;
	if (e->base)
		found = eg_strmap_find(&e->base->ids, id.data, id.len);
	if (found < 0) {
		found = eg_strmap_find(&e->ids, id.data, id.len);
		if (found >= 0)
			found += e->base_count;
	}
	eg_buf_free(&id);
	return found;
}

const char *eg_entity_label(const eg_entities *e, uint32_t index)
{
	e = owner(e, &index);
	return e->v[index].label;
}

const char *eg_entity_category(const eg_entities *e, uint32_t index)
{
	e = owner(e, &index);
	return e->v[index].category ? eg_strmap_key(&e->categories, e->v[index].category - 1) : "";
}

const char *eg_entity_id(const eg_entities *e, uint32_t index)
{
	e = owner(e, &index);
	return eg_strmap_key(&e->ids, index);
}

static int ascii_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Appends the slug of label to out; returns 1 when the slug spells the label
 * exactly (so no hash is needed to tell it apart). */
static int append_slug(const char *label, size_t n, eg_buf *out)
{
	/* Decompose and drop combining marks so "Türkiye" gives "turkiye";
	 * ASCII labels, nearly all of them, need none of that. */
	int ascii = 1;
	for (size_t i = 0; i < n && ascii; i++)
		ascii = (unsigned char)label[i] < 0x80;
	utf8proc_uint8_t *plain = NULL;
	utf8proc_ssize_t m = ascii ? -1
				   : utf8proc_map((const utf8proc_uint8_t *)label, (utf8proc_ssize_t)n, &plain,
						  UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK);
	const unsigned char *s = (const unsigned char *)label;
	size_t len = n;
	if (m >= 0) {
		s = plain;
		len = (size_t)m;
	}
	/* Any byte beyond ASCII letters, digits and inner single spaces means
	 * the slug loses information; the loop below catches the rest. */
	int exact = m < 0 || ((size_t)m == n && memcmp(plain, label, n) == 0);
	size_t start = out->len;
	int pending = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = s[i];
		if (ascii_alnum(c)) {
			if (pending && out->len > start)
				eg_buf_addc(out, '_');
			pending = 0;
			eg_buf_addc(out, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
		} else {
			if (!(c == ' ' && i > 0 && i + 1 < len && ascii_alnum(s[i - 1]) && ascii_alnum(s[i + 1])))
				exact = 0;
			pending = 1;
		}
	}
	free(plain);
	if (out->len == start)
		exact = 0;
	return exact;
}

void eg_entity_id_for(const char *type, const char *label, size_t label_length, eg_buf *out)
{
	eg_buf_clear(out);
	for (const char *t = type; *t; t++)
		eg_buf_addc(out, (char)(*t >= 'A' && *t <= 'Z' ? *t + 32 : *t));
	eg_buf_addc(out, '.');
	if (!append_slug(label, label_length, out)) {
		uint64_t h = eg_hash_bytes(type, strlen(type) + 1);
		h = eg_hash_mix(h, label, label_length);
		eg_buf_printf(out, "-%08x", (unsigned)(h ^ (h >> 32)));
	}
}

int eg_type_name_valid(const char *s, size_t n)
{
	if (n == 0 || n > 32 || s[0] < 'A' || s[0] > 'Z')
		return 0;
	for (size_t i = 1; i < n; i++) {
		char c = s[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
			return 0;
	}
	return 1;
}

static const char *const legal_forms[] = {
	"Inc", "Inc.", "Incorporated", "Corp", "Corp.", "Corporation", "Co", "Co.", "Company", "Ltd", "Ltd.",
	"Limited", "LLC", "L.L.C.", "LLP", "LP", "PLC", "Plc", "plc", "GmbH", "AG", "SA", "S.A.", "NV", "N.V.",
	"SE", "SpA", "S.p.A.", "Bhd", "Tbk", "Pty", "AB", "ASA", "Oyj", "Group", "Holdings",
};

size_t eg_name_without_legal_form(const char *label)
{
	size_t n = strlen(label), cut = 0;
	for (;;) {
		size_t word = n;
		while (word > 0 && label[word - 1] != ' ')
			word--;
		if (word == 0)
			break;
		int form = 0;
		for (size_t i = 0; i < sizeof(legal_forms) / sizeof(legal_forms[0]) && !form; i++)
			form = strlen(legal_forms[i]) == n - word && memcmp(label + word, legal_forms[i], n - word) == 0;
		if (!form)
			break;
		n = word - 1; /* the space */
		if (n > 0 && label[n - 1] == ',')
			n--;
		while (n > 0 && label[n - 1] == ' ')
			n--;
		if (n > 2 && label[n - 1] == '&' && label[n - 2] == ' ') /* "Goldman Sachs & Co." */
			n -= 2;
		cut = n;
	}
	return cut;
}
