#include "graph/cooc.h"
#include "graph/pool.h"
#include "graph/relcount.h"
#include "text/excerpt.h"

#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* Strings (document ids, dates, snippets, sentences, titles) are interned
 * in eg_pools and referred to by their pool references, so 0 means none.
 * A pair is most of what counting keeps, so its slot holds nothing it can
 * do without: its evidence is an array grown as documents come, up to the
 * cap, and whether the current document has counted it already is a bit in
 * eg_cooc.counted. */
typedef struct evidence_item {
	uint32_t document; /* in doc_ids, never 0; its metadata in eg_cooc.docs */
	uint32_t sentence; /* in snippets; 0 when unknown */
} evidence_item;

/* The evidence documents of a pair or an entity: the cap's smallest ids,
 * ascending, grown as documents come. */
typedef struct evidence_list {
	evidence_item *items; /* count of cap */
	uint16_t count, cap;
} evidence_list;

typedef struct pair_slot {
	uint32_t a, b;
	uint64_t weight, documents;
	evidence_list evidence;
	uint32_t snippet;
	uint32_t first_date, last_date;
} pair_slot;

/* What an evidence document's id stands for: the references of its
 * metadata, per doc_ids reference - 1.  The first document with an id
 * names it. */
typedef struct document_slot {
	uint32_t date, title, outlet, url;
} document_slot;

/* A surface form of an entity and its mentions. */
typedef struct form_slot {
	uint32_t text; /* in forms */
	uint64_t count;
} form_slot;

typedef struct entity_slot {
	uint64_t mentions, documents;
	uint64_t last_document; /* 1 + index of the last document counted, 0 = none */
	uint32_t first_date, last_date;
	uint32_t sources[EG_SOURCES_MAX]; /* smallest source names, sorted */
	uint8_t source_count;
	uint8_t listed;          /* kept without a mention (eg_cooc_list_entity) */
	uint8_t form_count, form_cap;
	form_slot *forms;        /* the EG_FORMS_MAX smallest, ascending by text */
	evidence_list evidence;  /* sentences of its first mention per document */
} entity_slot;

/* An entity of the earlier parts of a document in parts, for the document
 * window: its pairs with entities of later parts take their snippet from
 * the text around its first mention, kept here (the part is gone). */
typedef struct earlier {
	uint32_t entity;
	char *around; /* NULL: over the window budget, linked to nothing */
} earlier;

/* The document being added. */
typedef struct current {
	const eg_document *doc;
	const eg_mention *mentions;
	uint32_t id;   /* in doc_ids, 0 until needed */
	uint32_t date;   /* in dates, 0 when undated */
	uint32_t source; /* in source_names, 0 when none */
	/* The window being counted: mentions[window_first, window_last), and
	 * whether window_index holds them yet (built when a pair needs the
	 * sentence that links it). */
	size_t window_first, window_last;
	int indexed;
} current;

struct eg_cooc {
	eg_window window;
	uint64_t documents;          /* documents added so far */
	entity_slot *entities;       /* indexed by entity */
	size_t entity_limit, entity_cap;
	pair_slot *pairs;
	size_t pair_count, pair_cap;
	uint32_t *pair_index;        /* open addressing: 1 + index into pairs, 0 = empty */
	size_t pair_mask;
	uint64_t *counted;           /* a bit per pair: counted by the current document */
	size_t counted_words;
	uint32_t *touched;           /* the pairs whose bit is set */
	size_t touched_count, touched_cap;
	uint64_t *scratch;           /* entity << 32 | mention index, one window */
	size_t scratch_cap;
	uint32_t window_entities;    /* distinct entities linked in one window, 0 = no limit */
	eg_cooc_capped capped;       /* what that cut in the current document */
	uint32_t evidence_max;       /* documents kept per pair (eg_cooc_set_evidence) */
	eg_pool doc_ids, dates, snippets, source_names; /* snippets: and sentences */
	eg_pool titles, urls, forms;
	document_slot *docs;         /* per doc_ids reference - 1 */
	size_t doc_count, doc_cap;
	uint64_t *window_index;      /* entity << 32 | mention, the window's mentions sorted */
	size_t window_index_cap;
	current now;
	earlier *earlier;            /* sorted by entity */
	size_t earlier_count, earlier_cap;
	size_t earlier_linked;       /* those within the window budget (around set) */
	eg_relcount *relations;      /* what the sentences state between entities */
};

int eg_window_parse(const char *s, eg_window *out, eg_error *err)
{
	if (strcmp(s, "sentence") == 0) {
		out->kind = EG_WINDOW_SENTENCE;
	} else if (strcmp(s, "paragraph") == 0) {
		out->kind = EG_WINDOW_PARAGRAPH;
	} else if (strcmp(s, "document") == 0) {
		out->kind = EG_WINDOW_DOCUMENT;
	} else {
		char *end;
		errno = 0;
		unsigned long n = strtoul(s, &end, 10);
		if (errno || end == s || *end || s[0] == '-' || s[0] == '+' || n < 1 || n > UINT32_MAX)
			return eg_error_set(err, "\"%s\" is not a window (sentence, paragraph, document, or a number of tokens)",
					    s);
		out->kind = EG_WINDOW_TOKENS;
		out->tokens = (uint32_t)n;
		return 0;
	}
	out->tokens = 0;
	return 0;
}

const char *eg_window_name(eg_window w, char *buf, size_t n)
{
	static const char *const names[] = {"sentence", "paragraph", "document"};
	if (w.kind == EG_WINDOW_TOKENS)
		snprintf(buf, n, "%u tokens", w.tokens);
	else if ((size_t)w.kind < sizeof(names) / sizeof(names[0]))
		snprintf(buf, n, "%s", names[w.kind]);
	else
		snprintf(buf, n, "of kind %u", (unsigned)w.kind); /* eg_partial_read refuses these */
	return buf;
}

eg_cooc *eg_cooc_new(eg_window window)
{
	eg_cooc *c = eg_xcalloc(1, sizeof(*c));
	c->window = window;
	c->window_entities = EG_BUDGETS_DEFAULT.window_entities;
	c->evidence_max = EG_EVIDENCE_DEFAULT;
	c->relations = eg_relcount_new();
	eg_pool_init(&c->titles);
	eg_pool_init(&c->urls);
	eg_pool_init(&c->forms);
	eg_pool_init(&c->doc_ids);
	eg_pool_init(&c->dates);
	eg_pool_init(&c->snippets);
	eg_pool_init(&c->source_names);
	return c;
}

void eg_cooc_free(eg_cooc *c)
{
	if (!c)
		return;
	eg_relcount_free(c->relations);
	for (size_t i = 0; i < c->entity_limit; i++) {
		free(c->entities[i].forms);
		free(c->entities[i].evidence.items);
	}
	free(c->entities);
	for (size_t i = 0; i < c->pair_count; i++)
		free(c->pairs[i].evidence.items);
	free(c->pairs);
	free(c->docs);
	free(c->window_index);
	eg_pool_free(&c->titles);
	eg_pool_free(&c->urls);
	eg_pool_free(&c->forms);
	free(c->pair_index);
	free(c->counted);
	free(c->touched);
	free(c->scratch);
	for (size_t i = 0; i < c->earlier_count; i++)
		free(c->earlier[i].around);
	free(c->earlier);
	eg_pool_free(&c->doc_ids);
	eg_pool_free(&c->dates);
	eg_pool_free(&c->snippets);
	eg_pool_free(&c->source_names);
	free(c);
}

static const char *interned(const eg_pool *m, uint32_t ref)
{
	return eg_pool_get(m, ref);
}

static entity_slot *entity_at(eg_cooc *c, uint32_t e)
{
	if (e >= c->entity_limit) {
		EG_GROW(c->entities, c->entity_cap, (size_t)e + 1);
		memset(c->entities + c->entity_limit, 0, (e + 1 - c->entity_limit) * sizeof(*c->entities));
		c->entity_limit = (size_t)e + 1;
	}
	return &c->entities[e];
}

/* Widens [*first_date, *last_date] to include [first, last] (references). */
static void widen(eg_cooc *c, uint32_t *first_date, uint32_t *last_date, uint32_t first, uint32_t last)
{
	if (first && (!*first_date || strcmp(interned(&c->dates, first), interned(&c->dates, *first_date)) < 0))
		*first_date = first;
	if (last && (!*last_date || strcmp(interned(&c->dates, last), interned(&c->dates, *last_date)) > 0))
		*last_date = last;
}

/* Adds source (a reference) to x's sorted list of the EG_SOURCES_MAX
 * smallest source names, once. */
static void add_source(eg_cooc *c, entity_slot *x, uint32_t source)
{
	if (!source)
		return;
	const char *name = interned(&c->source_names, source);
	size_t at = x->source_count;
	while (at > 0) {
		int order = strcmp(name, interned(&c->source_names, x->sources[at - 1]));
		if (order == 0)
			return;
		if (order > 0)
			break;
		at--;
	}
	if (at == EG_SOURCES_MAX)
		return;
	size_t keep = x->source_count < EG_SOURCES_MAX ? x->source_count : EG_SOURCES_MAX - 1;
	memmove(x->sources + at + 1, x->sources + at, (keep - at) * sizeof(*x->sources));
	x->sources[at] = source;
	if (x->source_count < EG_SOURCES_MAX)
		x->source_count++;
}

/* Adds count mentions of form (a reference) to x's EG_FORMS_MAX smallest
 * forms.  A form pushed out or left out by smaller ones never comes back
 * into them, so the counts of those kept are exact, here or merged. */
static void add_form(eg_cooc *c, entity_slot *x, uint32_t form, uint64_t count)
{
	const char *text = interned(&c->forms, form);
	size_t at = x->form_count;
	while (at > 0) {
		int order = strcmp(text, interned(&c->forms, x->forms[at - 1].text));
		if (order == 0) {
			x->forms[at - 1].count += count;
			return;
		}
		if (order > 0)
			break;
		at--;
	}
	if (at == EG_FORMS_MAX)
		return;
	if (x->form_count == x->form_cap && x->form_cap < EG_FORMS_MAX) {
		x->form_cap = (uint8_t)(x->form_cap ? 2 * x->form_cap : 1);
		if (x->form_cap > EG_FORMS_MAX)
			x->form_cap = EG_FORMS_MAX;
		x->forms = eg_xrealloc(x->forms, x->form_cap * sizeof(*x->forms));
	}
	size_t keep = x->form_count < EG_FORMS_MAX ? x->form_count : EG_FORMS_MAX - 1;
	memmove(x->forms + at + 1, x->forms + at, (keep - at) * sizeof(*x->forms));
	x->forms[at] = (form_slot){form, count};
	if (x->form_count < EG_FORMS_MAX)
		x->form_count++;
}

/* The reference of a mention's form: its bytes with every run of white
 * space one space; 0 for one longer than EG_FORM_MAX bytes. */
static uint32_t mention_form(eg_cooc *c, const eg_mention *m)
{
	const char *text = c->now.doc->text + m->start;
	size_t n = m->end - m->start;
	if (n > EG_FORM_MAX || n == 0)
		return 0;
	char buf[EG_FORM_MAX];
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		char ch = text[i];
		int space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
		if (!space)
			buf[k++] = ch;
		else if (k && buf[k - 1] != ' ')
			buf[k++] = ' ';
	}
	while (k && buf[k - 1] == ' ')
		k--;
	return k ? eg_pool_intern(&c->forms, buf, k) : 0;
}

static int add_evidence(eg_cooc *c, evidence_list *l);

/* A mention: its entity's mentions and form; at its first in a document,
 * that document's count, dates, source and evidence (the sentence). */
static void count_entity(eg_cooc *c, const eg_mention *m)
{
	entity_slot *x = entity_at(c, m->entity);
	uint32_t form = mention_form(c, m);
	if (form)
		add_form(c, x, form, 1);
	x->mentions++;
	if (x->last_document == c->documents)
		return;
	x->last_document = c->documents;
	x->documents++;
	widen(c, &x->first_date, &x->last_date, c->now.date, c->now.date);
	add_source(c, x, c->now.source);
	int at = add_evidence(c, &x->evidence);
	if (at >= 0) {
		eg_buf b = {0};
		eg_excerpt_mention(&b, c->now.doc->text, m, EG_SENTENCE_MAX);
		x->evidence.items[at].sentence = eg_pool_intern(&c->snippets, b.data ? b.data : "", b.len);
		eg_buf_free(&b);
	}
}

/* The evidence snippet for mentions x before y: the sentence(s) from x's
 * to y's when they fit in EG_SNIPPET_MAX bytes; otherwise the text around
 * both mentions, or around each with a "…" between when they lie far apart. */
static uint32_t make_snippet(eg_cooc *c, const eg_mention *x, const eg_mention *y)
{
	uint32_t lo = x->sentence_start, hi = y->sentence_end > x->sentence_end ? y->sentence_end : x->sentence_end;
	eg_buf b = {0};
	eg_excerpt(&b, c->now.doc->text, lo, hi, x->start, x->end, y->start, y->end, EG_SNIPPET_MAX);
	uint32_t ref = eg_pool_intern(&c->snippets, b.data ? b.data : "", b.len);
	free(b.data);
	return ref;
}

static uint32_t intern_ref(eg_pool *m, const char *s)
{
	return s && *s ? eg_pool_intern(m, s, strlen(s)) : 0;
}

/* A title or outlet as kept: at most EG_TITLE_MAX bytes, cut at a UTF-8
 * boundary with "…", so that no input makes one document's metadata large. */
static uint32_t intern_capped(eg_pool *m, const char *s)
{
	if (!s || !*s)
		return 0;
	size_t n = strlen(s);
	if (n <= EG_TITLE_MAX)
		return eg_pool_intern(m, s, n);
	n = EG_TITLE_MAX;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	eg_buf b = {0};
	eg_buf_add(&b, s, n);
	eg_buf_adds(&b, "\xe2\x80\xa6");
	uint32_t ref = eg_pool_intern(m, b.data, b.len);
	eg_buf_free(&b);
	return ref;
}

/* The reference of document id, its metadata recorded when the id is new
 * (the first document with an id names it).  A URL longer than EG_URL_MAX
 * is left out: cut, it would lead nowhere. */
static uint32_t intern_document(eg_cooc *c, const char *id, const eg_evidence *meta)
{
	uint32_t ref = eg_pool_intern(&c->doc_ids, id, strlen(id));
	if (ref <= c->doc_count)
		return ref;
	EG_GROW(c->docs, c->doc_cap, (size_t)ref);
	const char *url = meta->url && strlen(meta->url) <= EG_URL_MAX ? meta->url : NULL;
	c->docs[ref - 1] = (document_slot){.date = intern_ref(&c->dates, meta->date),
					   .title = intern_capped(&c->titles, meta->title),
					   .outlet = intern_capped(&c->source_names, meta->outlet),
					   .url = intern_ref(&c->urls, url)};
	c->doc_count = ref;
	return ref;
}

/* The current document's reference, interned when first needed. */
static uint32_t current_document(eg_cooc *c)
{
	if (!c->now.id) {
		const eg_document *d = c->now.doc;
		eg_evidence meta = {.date = interned(&c->dates, c->now.date), .title = d->title, .outlet = d->source,
				    .url = d->url};
		c->now.id = intern_document(c, d->id, &meta);
	}
	return c->now.id;
}

/* Room for one more evidence item in l, the array doubling up to the cap:
 * a pair seen in one document holds one item, not the cap's worth. */
static void make_room(eg_cooc *c, evidence_list *l)
{
	if (l->count < l->cap || l->cap >= c->evidence_max)
		return;
	size_t cap = l->cap ? 2 * (size_t)l->cap : 1;
	if (cap > c->evidence_max)
		cap = c->evidence_max;
	l->items = eg_xrealloc(l->items, cap * sizeof(*l->items));
	l->cap = (uint16_t)cap;
}

/* Where an item for document id goes in l, which keeps the evidence_max
 * smallest ids: the position, or -1 when it does not (an id already there,
 * two documents with one id counting as one piece of evidence, or one
 * larger than all of a full list). */
static int evidence_position(const eg_cooc *c, const evidence_list *l, const char *id)
{
	size_t at = l->count;
	while (at > 0) {
		int order = strcmp(id, interned(&c->doc_ids, l->items[at - 1].document));
		if (order == 0)
			return -1;
		if (order > 0)
			break;
		at--;
	}
	return at < c->evidence_max ? (int)at : -1;
}

/* Puts item at position at of l, dropping the largest when full. */
static void insert_evidence(eg_cooc *c, evidence_list *l, size_t at, evidence_item item)
{
	make_room(c, l);
	size_t count = l->count, keep = count < c->evidence_max ? count : c->evidence_max - 1;
	memmove(l->items + at + 1, l->items + at, (keep - at) * sizeof(*l->items));
	l->items[at] = item;
	if (count < c->evidence_max)
		l->count++;
}

/* Adds the current document to l (its sentence still unknown); called
 * once per pair or entity and document.  Returns its position, or -1 when
 * it is not kept; 0 makes it the smallest. */
static int add_evidence(eg_cooc *c, evidence_list *l)
{
	int at = evidence_position(c, l, c->now.doc->id);
	if (at >= 0)
		insert_evidence(c, l, (size_t)at, (evidence_item){current_document(c), 0});
	return at;
}

/* Merges items made elsewhere into l: each goes where its id sorts among
 * l's, as a document counted here would; the union, smallest ids first,
 * no repeats. */
static void merge_evidence(eg_cooc *c, evidence_list *l, const eg_evidence *items, uint32_t n)
{
	for (uint32_t k = 0; k < n; k++) {
		int at = evidence_position(c, l, items[k].document);
		if (at < 0)
			continue;
		uint32_t document = intern_document(c, items[k].document, &items[k]);
		insert_evidence(c, l, (size_t)at, (evidence_item){document, intern_ref(&c->snippets, items[k].sentence)});
	}
}

/* Item k of l with its document's metadata, as strings. */
static eg_evidence evidence_at(const eg_cooc *c, const evidence_list *l, uint32_t k)
{
	if (k >= l->count)
		return (eg_evidence){0};
	const evidence_item *item = &l->items[k];
	const document_slot *d = &c->docs[item->document - 1];
	return (eg_evidence){.document = interned(&c->doc_ids, item->document), .date = interned(&c->dates, d->date),
			     .title = interned(&c->titles, d->title), .outlet = interned(&c->source_names, d->outlet),
			     .url = interned(&c->urls, d->url), .sentence = interned(&c->snippets, item->sentence)};
}

/* The evidence items of l as strings, in an array the caller frees. */
static eg_evidence *evidence_copy(const eg_cooc *c, const evidence_list *l)
{
	eg_evidence *out = eg_xmalloc((l->count ? l->count : 1) * sizeof(*out));
	for (uint32_t k = 0; k < l->count; k++)
		out[k] = evidence_at(c, l, k);
	return out;
}

static int by_value(const void *x, const void *y);

/* The mentions of entity in the current window, ascending (entity << 32 |
 * mention index entries of window_index). */
static const uint64_t *window_mentions(eg_cooc *c, uint32_t entity, size_t *n)
{
	size_t count = c->now.window_last - c->now.window_first;
	if (!c->now.indexed) {
		EG_GROW(c->window_index, c->window_index_cap, count ? count : 1);
		for (size_t i = 0; i < count; i++) {
			size_t m = c->now.window_first + i;
			c->window_index[i] = (uint64_t)c->now.mentions[m].entity << 32 | m;
		}
		qsort(c->window_index, count, sizeof(*c->window_index), by_value);
		c->now.indexed = 1;
	}
	size_t lo = 0, hi = count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->window_index[mid] >> 32 < entity)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < count && c->window_index[end] >> 32 == entity)
		end++;
	*n = end - lo;
	return c->window_index + lo;
}

/* The sentence that links entities of mentions mx and my in the current
 * window: the first sentence holding mentions of both, or else the
 * sentences from the one's mention to the other's nearest it (the
 * shortest span between them), as an excerpt of EG_SENTENCE_MAX bytes.
 * Costs the two entities' mentions in the window, once per pair and
 * evidence document. */
static uint32_t linking_sentence(eg_cooc *c, uint32_t mx, uint32_t my)
{
	const eg_mention *m = c->now.mentions;
	size_t nx, ny;
	const uint64_t *xs = window_mentions(c, m[mx].entity, &nx);
	const uint64_t *ys = window_mentions(c, m[my].entity, &ny);
	const eg_mention *first = NULL, *second = NULL;
	uint64_t gap = UINT64_MAX;
	int together = 0;
	for (size_t i = 0, j = 0; i < nx && j < ny && !together;) {
		const eg_mention *a = &m[(uint32_t)xs[i]], *b = &m[(uint32_t)ys[j]];
		const eg_mention *early = a->start < b->start ? a : b, *late = early == a ? b : a;
		together = a->sentence == b->sentence;
		if (together || late->start - early->end < gap) {
			gap = late->start - early->end;
			first = early;
			second = late;
		}
		if (early == a)
			i++;
		else
			j++;
	}
	if (!first)
		return 0;
	uint32_t hi = second->sentence_end > first->sentence_end ? second->sentence_end : first->sentence_end;
	eg_buf b = {0};
	eg_excerpt(&b, c->now.doc->text, first->sentence_start, hi, first->start, first->end, second->start, second->end,
		   EG_SENTENCE_MAX);
	uint32_t ref = eg_pool_intern(&c->snippets, b.data ? b.data : "", b.len);
	free(b.data);
	return ref;
}

/* Opens window mentions[first, last) for linking_sentence. */
static void open_window(eg_cooc *c, size_t first, size_t last)
{
	c->now.window_first = first;
	c->now.window_last = last;
	c->now.indexed = 0;
}

/* The pair's bits multiplied by 2^64 / phi, the high half (where both
 * entities show) folded onto the low one, which the table takes. */
static size_t pair_hash(uint32_t a, uint32_t b)
{
	uint64_t h = ((uint64_t)a << 32 | b) * 0x9e3779b97f4a7c15ULL;
	return (size_t)(h ^ h >> 32);
}

/* The slot of pair (a, b) in the index, or the empty one where it would go. */
static size_t pair_slot_of(const eg_cooc *c, uint32_t a, uint32_t b)
{
	size_t i = pair_hash(a, b) & c->pair_mask;
	for (uint32_t k; (k = c->pair_index[i]) != 0; i = (i + 1) & c->pair_mask)
		if (c->pairs[k - 1].a == a && c->pairs[k - 1].b == b)
			break;
	return i;
}

/* Keeps the index at most three quarters full, building it again after
 * eg_cooc_compact. */
static void grow_pair_index(eg_cooc *c)
{
	size_t size = c->pair_index ? c->pair_mask + 1 : 1024;
	if (c->pair_index && (c->pair_count + 1) * 4 <= size * 3)
		return;
	while ((c->pair_count + 1) * 4 > size * 3)
		size *= 2;
	free(c->pair_index);
	c->pair_index = eg_xcalloc(size, sizeof(*c->pair_index));
	c->pair_mask = size - 1;
	for (size_t k = 0; k < c->pair_count; k++) {
		size_t i = pair_hash(c->pairs[k].a, c->pairs[k].b) & c->pair_mask;
		while (c->pair_index[i])
			i = (i + 1) & c->pair_mask;
		c->pair_index[i] = (uint32_t)(k + 1);
	}
}

static pair_slot *pair_at(eg_cooc *c, uint32_t x, uint32_t y)
{
	uint32_t a = x < y ? x : y, b = x < y ? y : x;
	grow_pair_index(c);
	size_t i = pair_slot_of(c, a, b);
	if (!c->pair_index[i]) {
		EG_GROW(c->pairs, c->pair_cap, c->pair_count + 1);
		pair_slot *p = &c->pairs[c->pair_count];
		memset(p, 0, sizeof(*p));
		p->a = a;
		p->b = b;
		c->pair_index[i] = (uint32_t)++c->pair_count;
	}
	return &c->pairs[c->pair_index[i] - 1];
}

/* Marks pair p counted by the current document; returns 0 when it was
 * already. */
static int first_in_document(eg_cooc *c, const pair_slot *p)
{
	size_t k = (size_t)(p - c->pairs);
	size_t words = (c->pair_cap + 63) / 64;
	if (c->counted_words < words) {
		c->counted = eg_xrealloc(c->counted, words * sizeof(*c->counted));
		memset(c->counted + c->counted_words, 0, (words - c->counted_words) * sizeof(*c->counted));
		c->counted_words = words;
	}
	uint64_t bit = (uint64_t)1 << (k % 64);
	if (c->counted[k / 64] & bit)
		return 0;
	c->counted[k / 64] |= bit;
	EG_GROW(c->touched, c->touched_cap, c->touched_count + 1);
	c->touched[c->touched_count++] = (uint32_t)k;
	return 1;
}

/* Clears the bits of the pairs the document just added has counted. */
static void end_document(eg_cooc *c)
{
	for (size_t i = 0; i < c->touched_count; i++)
		c->counted[c->touched[i] / 64] &= ~((uint64_t)1 << (c->touched[i] % 64));
	c->touched_count = 0;
}

/* Adds one window's worth of the pair of mentions mx, my (indexes into the
 * current document's mentions: each entity's first in the window); the
 * caller guarantees a pair comes at most once per window. */
static void count_pair(eg_cooc *c, uint32_t mx, uint32_t my)
{
	const eg_mention *mentions = c->now.mentions;
	uint32_t x = mentions[mx].entity, y = mentions[my].entity;
	if (x == y)
		return;
	pair_slot *p = pair_at(c, x, y);
	int first = first_in_document(c, p);
	/* The document window is one per document, in however many parts. */
	if (!first && c->window.kind == EG_WINDOW_DOCUMENT)
		return;
	p->weight++;
	if (first) {
		p->documents++;
		widen(c, &p->first_date, &p->last_date, c->now.date, c->now.date);
		const eg_mention *a = &mentions[mx], *b = &mentions[my];
		int at = add_evidence(c, &p->evidence);
		if (at >= 0)
			p->evidence.items[at].sentence = linking_sentence(c, mx, my);
		if (at == 0)
			p->snippet = a->start <= b->start ? make_snippet(c, a, b) : make_snippet(c, b, a);
	}
}

static int by_value(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return a < b ? -1 : a > b;
}

/* Sorts scratch[0, n) (entity << 32 | mention) and keeps each entity's
 * first mention; returns how many remain. */
static size_t distinct_entities(eg_cooc *c, size_t n)
{
	if (n == 0)
		return 0;
	qsort(c->scratch, n, sizeof(*c->scratch), by_value);
	size_t k = 1;
	for (size_t i = 1; i < n; i++)
		if (c->scratch[i] >> 32 != c->scratch[k - 1] >> 32)
			c->scratch[k++] = c->scratch[i];
	return k;
}

static int by_mention(const void *x, const void *y)
{
	uint32_t a = (uint32_t)*(const uint64_t *)x, b = (uint32_t)*(const uint64_t *)y;
	return a < b ? -1 : a > b;
}

/* The window budget: scratch[0, k) holds a window's distinct entities (each
 * with its first mention) beside `others` entities held elsewhere (the
 * token window's own mention).  When there are more than the budget, keeps
 * the entities first mentioned earliest in the text, as many as the budget
 * leaves, and notes the window as capped.  Text order, not entity index:
 * indexes depend on the order entities were interned (threads, shards),
 * the text does not, so every run and shard links the same pairs; it also
 * keeps the names a list opens with, typically the ones it is about.
 * Returns how many entries remain. */
static size_t cap_window(eg_cooc *c, size_t k, size_t others)
{
	size_t distinct = k + others, budget = c->window_entities;
	if (!budget || distinct <= budget)
		return k;
	c->capped.windows++;
	if (distinct > c->capped.largest)
		c->capped.largest = distinct;
	qsort(c->scratch, k, sizeof(*c->scratch), by_mention);
	return budget > others ? budget - others : 0;
}

/* Counts every pair of distinct entities among mentions[first, last) once. */
static void count_window(eg_cooc *c, const eg_mention *mentions, size_t first, size_t last)
{
	size_t n = last - first;
	if (n < 2)
		return;
	EG_GROW(c->scratch, c->scratch_cap, n);
	for (size_t i = 0; i < n; i++)
		c->scratch[i] = (uint64_t)mentions[first + i].entity << 32 | (first + i);
	size_t k = cap_window(c, distinct_entities(c, n), 0);
	open_window(c, first, last);
	for (size_t i = 0; i < k; i++)
		for (size_t j = i + 1; j < k; j++)
			count_pair(c, (uint32_t)c->scratch[i], (uint32_t)c->scratch[j]);
}

/* The window a mention falls in, for the kinds that cut the text in pieces. */
static uint32_t window_of(const eg_cooc *c, const eg_mention *m)
{
	switch (c->window.kind) {
	case EG_WINDOW_SENTENCE: return m->sentence;
	case EG_WINDOW_PARAGRAPH: return m->paragraph;
	default: return 0;
	}
}

/* Token windows: mention i's window holds the mentions that start within
 * window.tokens tokens of its first token.  Each entity is paired once per
 * window, so a run of the same partner inside one window counts once. */
static void count_token_windows(eg_cooc *c, const eg_mention *mentions, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint64_t limit = (uint64_t)mentions[i].tok_start + c->window.tokens;
		size_t k = 0, j = i + 1;
		for (; j < n && mentions[j].tok_start < limit; j++) {
			if (mentions[j].entity == mentions[i].entity)
				continue; /* never paired with itself, and no other entity */
			EG_GROW(c->scratch, c->scratch_cap, k + 1);
			c->scratch[k++] = (uint64_t)mentions[j].entity << 32 | j;
		}
		k = cap_window(c, distinct_entities(c, k), 1);
		open_window(c, i, j);
		for (size_t j = 0; j < k; j++)
			count_pair(c, (uint32_t)i, (uint32_t)c->scratch[j]);
	}
}

/* "YYYY-MM-DD" at the start of s (a longer ISO 8601 time may follow). */
static int is_date(const char *s)
{
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !(s[i] >= '0' && s[i] <= '9'))
			return 0;
	return 1;
}

/* The text around mention x of the current part, as the first half of a
 * snippet whose second lies in a later part. */
static char *around(const eg_cooc *c, const eg_mention *x)
{
	eg_buf b = {0};
	eg_excerpt_first_half(&b, c->now.doc->text, x->sentence_start, x->sentence_end, x->start, x->end,
			      EG_SNIPPET_MAX);
	if (!b.data)
		eg_buf_add(&b, "", 0);
	return b.data;
}

static int by_entity(const void *x, const void *y)
{
	uint32_t a = ((const earlier *)x)->entity, b = ((const earlier *)y)->entity;
	return a < b ? -1 : a > b;
}

/* The document window of a document in parts, the whole of it: the
 * document's entities in text order, each first seen in this part pairing
 * with every linked entity before it (once per document: the document
 * window's weight is its documents; a pair whose entities both came earlier
 * was counted then).  The window budget holds across the parts: past it an
 * entity is remembered, so that a later part does not link it, but pairs
 * with nobody.  A pair within this part takes its snippet and sentence as
 * in a whole document; one across parts, for both, the text around its
 * entities' first mentions. */
static void count_across_parts(eg_cooc *c, const eg_mention *mentions, size_t n)
{
	EG_GROW(c->scratch, c->scratch_cap, n ? n : 1);
	for (size_t i = 0; i < n; i++)
		c->scratch[i] = (uint64_t)mentions[i].entity << 32 | i;
	size_t k = distinct_entities(c, n);
	qsort(c->scratch, k, sizeof(*c->scratch), by_mention);
	open_window(c, 0, n);
	size_t known = c->earlier_count, budget = c->window_entities, local = 0;
	for (size_t j = 0; j < k; j++) {
		uint32_t my = (uint32_t)c->scratch[j];
		const eg_mention *y = &mentions[my];
		earlier key = {.entity = y->entity};
		if (known && bsearch(&key, c->earlier, known, sizeof(key), by_entity))
			continue; /* linked, or left out, at its first part */
		int linked = !budget || c->earlier_linked + local < budget;
		if (linked) {
			for (size_t i = 0; i < known; i++) {
				const earlier *x = &c->earlier[i];
				if (!x->around)
					continue; /* over the budget */
				pair_slot *p = pair_at(c, x->entity, y->entity);
				if (!first_in_document(c, p))
					continue;
				p->weight++;
				p->documents++;
				widen(c, &p->first_date, &p->last_date, c->now.date, c->now.date);
				int at = add_evidence(c, &p->evidence);
				if (at >= 0) {
					eg_buf b = {0};
					eg_buf_adds(&b, x->around);
					eg_buf_add(&b, " ", 1);
					eg_excerpt_second_half(&b, c->now.doc->text, y->sentence_start, y->sentence_end,
							       y->start, y->end, 0, EG_SNIPPET_MAX);
					p->evidence.items[at].sentence = eg_pool_intern(&c->snippets, b.data, b.len);
					if (at == 0)
						p->snippet = p->evidence.items[at].sentence;
					free(b.data);
				}
			}
			/* This part's linked entities so far sit at scratch[0, local). */
			for (size_t i = 0; i < local; i++)
				count_pair(c, (uint32_t)c->scratch[i], my);
			c->scratch[local++] = c->scratch[j];
		}
		EG_GROW(c->earlier, c->earlier_cap, c->earlier_count + 1);
		c->earlier[c->earlier_count].entity = y->entity;
		c->earlier[c->earlier_count++].around = linked ? around(c, y) : NULL;
	}
	c->earlier_linked += local;
	if (budget && c->earlier_count > budget) {
		c->capped.windows = 1;
		c->capped.largest = c->earlier_count;
	}
	qsort(c->earlier, c->earlier_count, sizeof(*c->earlier), by_entity);
}

void eg_cooc_add_document(eg_cooc *c, const eg_document *doc, const eg_mention *mentions, size_t n)
{
	/* The parts of one document (document.h) count as one: per-document
	 * counts open at its first part and settle at its last. */
	if (doc->offset == 0) {
		c->documents++;
		c->capped = (eg_cooc_capped){0}; /* reported for the whole document */
	}
	c->now = (current){.doc = doc, .mentions = mentions};
	if (doc->date && is_date(doc->date))
		c->now.date = eg_pool_intern(&c->dates, doc->date, 10);
	if (doc->source && *doc->source)
		c->now.source = eg_pool_intern(&c->source_names, doc->source, strlen(doc->source));
	for (size_t i = 0; i < n; i++)
		count_entity(c, &mentions[i]);
	if (c->window.kind == EG_WINDOW_TOKENS) {
		count_token_windows(c, mentions, n);
	} else if (c->window.kind == EG_WINDOW_DOCUMENT && (doc->offset || doc->more)) {
		count_across_parts(c, mentions, n);
	} else {
		/* Mentions are sorted by offset, so each window is a contiguous run. */
		size_t first = 0;
		for (size_t i = 1; i <= n; i++) {
			if (i == n || window_of(c, &mentions[i]) != window_of(c, &mentions[first])) {
				count_window(c, mentions, first, i);
				first = i;
			}
		}
	}
	if (doc->more)
		return;
	end_document(c);
	for (size_t i = 0; i < c->earlier_count; i++)
		free(c->earlier[i].around);
	c->earlier_count = c->earlier_linked = 0;
}

void eg_cooc_set_window_entities(eg_cooc *c, uint32_t max)
{
	c->window_entities = max;
}

void eg_cooc_set_evidence(eg_cooc *c, uint32_t max)
{
	c->evidence_max = max < EG_EVIDENCE_LIMIT ? max : EG_EVIDENCE_LIMIT;
}

uint32_t eg_cooc_evidence_max(const eg_cooc *c)
{
	return c->evidence_max;
}

eg_cooc_capped eg_cooc_last_capped(const eg_cooc *c)
{
	return c->capped;
}

size_t eg_cooc_entity_limit(const eg_cooc *c)
{
	return c->entity_limit;
}

eg_entity_counts eg_cooc_entity(const eg_cooc *c, uint32_t entity)
{
	eg_entity_counts out = {0};
	if (entity < c->entity_limit) {
		const entity_slot *x = &c->entities[entity];
		out.mentions = x->mentions;
		out.documents = x->documents;
		out.first_date = interned(&c->dates, x->first_date);
		out.last_date = interned(&c->dates, x->last_date);
		out.source_count = x->source_count;
		for (size_t k = 0; k < x->source_count; k++)
			out.sources[k] = interned(&c->source_names, x->sources[k]);
		out.listed = x->listed;
		out.evidence_count = x->evidence.count;
	}
	return out;
}

uint32_t eg_cooc_entity_forms(const eg_cooc *c, uint32_t entity, eg_form *out)
{
	if (entity >= c->entity_limit)
		return 0;
	const entity_slot *x = &c->entities[entity];
	for (uint32_t k = 0; k < x->form_count; k++)
		out[k] = (eg_form){interned(&c->forms, x->forms[k].text), x->forms[k].count};
	return x->form_count;
}

void eg_cooc_list_entity(eg_cooc *c, uint32_t entity)
{
	entity_at(c, entity)->listed = 1;
}

void eg_cooc_compact(eg_cooc *c)
{
	free(c->pair_index);
	c->pair_index = NULL;
	c->pair_mask = 0;
	free(c->counted);
	c->counted = NULL;
	c->counted_words = 0;
	free(c->touched);
	c->touched = NULL;
	c->touched_cap = 0;
	free(c->scratch);
	c->scratch = NULL;
	c->scratch_cap = 0;
	free(c->window_index);
	c->window_index = NULL;
	c->window_index_cap = 0;
}

size_t eg_cooc_pair_count(const eg_cooc *c)
{
	return c->pair_count;
}

eg_pair_counts eg_cooc_pair(const eg_cooc *c, size_t i)
{
	const pair_slot *p = &c->pairs[i];
	return (eg_pair_counts){.a = p->a, .b = p->b, .weight = p->weight, .documents = p->documents,
					.evidence_count = p->evidence.count, .snippet = interned(&c->snippets, p->snippet),
				.first_date = interned(&c->dates, p->first_date),
				.last_date = interned(&c->dates, p->last_date)};
}

eg_evidence eg_cooc_evidence(const eg_cooc *c, size_t pair, uint32_t k)
{
	return evidence_at(c, &c->pairs[pair].evidence, k);
}

eg_evidence eg_cooc_entity_evidence(const eg_cooc *c, uint32_t entity, uint32_t k)
{
	if (entity >= c->entity_limit)
		return (eg_evidence){0};
	return evidence_at(c, &c->entities[entity].evidence, k);
}

eg_pair_counts *eg_cooc_pairs(const eg_cooc *c, size_t *n)
{
	eg_pair_counts *out = eg_xmalloc((c->pair_count ? c->pair_count : 1) * sizeof(*out));
	for (size_t i = 0; i < c->pair_count; i++)
		out[i] = eg_cooc_pair(c, i);
	*n = c->pair_count;
	return out;
}

uint64_t eg_cooc_documents(const eg_cooc *c)
{
	return c->documents;
}

int eg_cooc_merge_documents(eg_cooc *c, uint64_t documents)
{
	if (documents > UINT64_MAX - c->documents)
		return -1;
	c->documents += documents;
	return 0;
}

int eg_cooc_merge_entity(eg_cooc *c, uint32_t entity, const eg_entity_counts *counts, const eg_evidence *evidence)
{
	entity_slot *x = entity_at(c, entity);
	if (counts->mentions > UINT64_MAX - x->mentions || counts->documents > UINT64_MAX - x->documents)
		return -1;
	x->mentions += counts->mentions;
	x->documents += counts->documents;
	widen(c, &x->first_date, &x->last_date, intern_ref(&c->dates, counts->first_date),
	      intern_ref(&c->dates, counts->last_date));
	for (uint32_t k = 0; k < counts->source_count && k < EG_SOURCES_MAX; k++)
		add_source(c, x, intern_ref(&c->source_names, counts->sources[k]));
	x->listed |= counts->listed;
	merge_evidence(c, &x->evidence, evidence, counts->evidence_count);
	return 0;
}

int eg_cooc_merge_forms(eg_cooc *c, uint32_t entity, const eg_form *forms, uint32_t n)
{
	entity_slot *x = entity_at(c, entity);
	for (uint32_t k = 0; k < n; k++) {
		if (!forms[k].text || !*forms[k].text)
			continue;
		uint32_t ref = intern_ref(&c->forms, forms[k].text);
		for (uint32_t j = 0; j < x->form_count; j++)
			if (x->forms[j].text == ref && forms[k].count > UINT64_MAX - x->forms[j].count)
				return -1;
		add_form(c, x, ref, forms[k].count);
	}
	return 0;
}

int eg_cooc_merge_pair(eg_cooc *c, const eg_pair_counts *q, const eg_evidence *evidence)
{
	if (q->a == q->b)
		return 0;
	pair_slot *p = pair_at(c, q->a, q->b);
	if (q->weight > UINT64_MAX - p->weight || q->documents > UINT64_MAX - p->documents)
		return -1;
	p->weight += q->weight;
	p->documents += q->documents;
	widen(c, &p->first_date, &p->last_date, intern_ref(&c->dates, q->first_date), intern_ref(&c->dates, q->last_date));
	uint32_t mine_first = p->evidence.count ? p->evidence.items[0].document : 0;
	merge_evidence(c, &p->evidence, evidence, q->evidence_count);
	/* The snippet belongs to the smallest document id. */
	if (c->evidence_max && q->snippet &&
	    (!p->snippet || !mine_first || (p->evidence.count && p->evidence.items[0].document != mine_first)))
		p->snippet = intern_ref(&c->snippets, q->snippet);
	return 0;
}

/* A pair taken out for joining: its counts and evidence as strings. */
typedef struct moved_pair {
	eg_pair_counts counts;
	eg_evidence *evidence;
} moved_pair;

void eg_cooc_add_relations(eg_cooc *c, const eg_document *doc, const eg_relation *rels, size_t n,
			   const eg_mention *mentions)
{
	eg_relcount_add(c->relations, doc, rels, n, mentions);
}

eg_relcount *eg_cooc_relations(const eg_cooc *c)
{
	return c->relations;
}

int eg_cooc_join(eg_cooc *c, const uint32_t *into, size_t n)
{
	if (eg_relcount_join(c->relations, into, n) < 0)
		return -1;
#define INTO(e) ((e) < n ? into[e] : (e))
	/* The pairs that touch a joined entity leave the table (the others
	 * keep their order) and come back under their new endpoints, merged
	 * as a shard's would be; the index is built again on the way. */
	moved_pair *moved = NULL;
	size_t moved_count = 0, moved_cap = 0, kept = 0;
	for (size_t i = 0; i < c->pair_count; i++) {
		pair_slot *p = &c->pairs[i];
		if (INTO(p->a) == p->a && INTO(p->b) == p->b) {
			c->pairs[kept++] = *p;
			continue;
		}
		EG_GROW(moved, moved_cap, moved_count + 1);
		moved_pair *m = &moved[moved_count++];
		m->counts = eg_cooc_pair(c, i);
		m->evidence = evidence_copy(c, &p->evidence);
		free(p->evidence.items);
	}
	c->pair_count = kept;
	eg_cooc_compact(c);

	int rc = 0;
	size_t limit = c->entity_limit < n ? c->entity_limit : n;
	for (uint32_t e = 0; e < limit && rc == 0; e++) {
		if (into[e] == e)
			continue;
		eg_entity_counts counts = eg_cooc_entity(c, e);
		eg_form forms[EG_FORMS_MAX];
		uint32_t form_count = eg_cooc_entity_forms(c, e, forms);
		entity_slot *x = &c->entities[e];
		eg_evidence *evidence = evidence_copy(c, &x->evidence);
		counts.listed = 0; /* a listed name stays listed; joining makes no other one */
		free(x->forms);
		free(x->evidence.items);
		memset(x, 0, sizeof(*x));
		if (eg_cooc_merge_entity(c, into[e], &counts, evidence) < 0 ||
		    eg_cooc_merge_forms(c, into[e], forms, form_count) < 0)
			rc = -1;
		free(evidence);
	}
	for (size_t i = 0; i < moved_count; i++) {
		eg_pair_counts q = moved[i].counts;
		uint32_t a = INTO(q.a), b = INTO(q.b);
		q.a = a < b ? a : b;
		q.b = a < b ? b : a;
		/* The two joined names of one entity together are no link. */
		if (rc == 0 && q.a != q.b && eg_cooc_merge_pair(c, &q, moved[i].evidence) < 0)
			rc = -1;
		free(moved[i].evidence);
	}
	free(moved);
	eg_cooc_compact(c);
	return rc;
#undef INTO
}

void eg_cooc_index_pairs(eg_cooc *c)
{
	grow_pair_index(c);
}

size_t eg_cooc_find_pair(const eg_cooc *c, uint32_t x, uint32_t y)
{
	uint32_t a = x < y ? x : y, b = x < y ? y : x;
	if (!c->pair_index) {
		for (size_t i = 0; i < c->pair_count; i++)
			if (c->pairs[i].a == a && c->pairs[i].b == b)
				return i;
		return SIZE_MAX;
	}
	uint32_t k = c->pair_index[pair_slot_of(c, a, b)];
	return k ? (size_t)k - 1 : SIZE_MAX;
}
