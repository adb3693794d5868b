#include "graph/relcount.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/cooc.h"
#include "text/excerpt.h"
#include "util/map.h"
#include "util/util.h"

#define NONE UINT32_MAX

typedef struct record {
	uint32_t subject, object, predicate;
	uint8_t kind;
	uint64_t instances, documents;
	uint64_t last_document; /* the serial of the document that counted last */
	uint32_t document, sentence; /* the smallest id stating it and the sentence there
					(in ids and sentences), NONE when unknown */
} record;

struct eg_relcount {
	eg_strmap keys;       /* subject, object, kind, predicate as bytes -> record */
	eg_strmap predicates; /* the predicates' text */
	eg_strmap ids, sentences; /* of the relations' first documents */
	record *v;
	size_t n, cap;
	uint64_t serial;      /* of the current document, from 1 */
};

eg_relcount *eg_relcount_new(void)
{
	eg_relcount *r = eg_xcalloc(1, sizeof(*r));
	eg_strmap_init(&r->keys);
	eg_strmap_init(&r->predicates);
	eg_strmap_init(&r->ids);
	eg_strmap_init(&r->sentences);
	return r;
}

void eg_relcount_free(eg_relcount *r)
{
	if (!r)
		return;
	eg_strmap_free(&r->keys);
	eg_strmap_free(&r->predicates);
	eg_strmap_free(&r->ids);
	eg_strmap_free(&r->sentences);
	free(r->v);
	free(r);
}

void eg_relcount_predicate(const eg_relation *rel, char out[EG_PREDICATE_MAX + 16])
{
	snprintf(out, EG_PREDICATE_MAX + 16, "%s%s%s", rel->negated ? "not " : "", rel->former ? "former " : "",
		 rel->predicate);
}

/* The record of a relation, made (zero counts) when new. */
static record *find(eg_relcount *r, uint32_t subject, uint32_t object, uint8_t kind, const char *predicate)
{
	uint32_t p = eg_strmap_intern(&r->predicates, predicate, strlen(predicate), NULL);
	unsigned char key[13];
	memcpy(key, &subject, 4);
	memcpy(key + 4, &object, 4);
	memcpy(key + 8, &p, 4);
	key[12] = kind;
	int inserted;
	uint32_t i = eg_strmap_intern(&r->keys, (const char *)key, sizeof(key), &inserted);
	if (inserted) {
		EG_GROW(r->v, r->cap, r->n + 1);
		r->v[r->n++] = (record){subject, object, p, kind, 0, 0, 0, NONE, NONE};
	}
	return &r->v[i];
}

/* Whether document id comes before the record's (which has none: yes). */
static int earlier(const eg_relcount *r, const record *rec, const char *id)
{
	return rec->document == NONE || strcmp(id, eg_strmap_key(&r->ids, rec->document)) < 0;
}

static void set_first(eg_relcount *r, record *rec, const char *id, const char *sentence)
{
	rec->document = eg_strmap_intern(&r->ids, id, strlen(id), NULL);
	rec->sentence = eg_strmap_intern(&r->sentences, sentence, strlen(sentence), NULL);
}

void eg_relcount_add(eg_relcount *r, const eg_document *doc, const eg_relation *rels, size_t n,
		     const eg_mention *mentions)
{
	if (doc->offset == 0 || r->serial == 0)
		r->serial++;
	char predicate[EG_PREDICATE_MAX + 16];
	eg_buf sentence = {0};
	for (size_t i = 0; i < n; i++) {
		const eg_relation *rel = &rels[i];
		eg_relcount_predicate(rel, predicate);
		const eg_mention *a = &mentions[rel->subject], *b = &mentions[rel->object];
		record *rec = find(r, a->entity, b->entity, (uint8_t)rel->kind, predicate);
		rec->instances++;
		if (rec->last_document != r->serial) {
			rec->last_document = r->serial;
			rec->documents++;
		}
		if (doc->id && earlier(r, rec, doc->id)) {
			const eg_mention *x = a->start <= b->start ? a : b, *y = x == a ? b : a;
			eg_buf_clear(&sentence);
			eg_excerpt(&sentence, doc->text, rel->sentence_start, rel->sentence_end, x->start, x->end, y->start,
				   y->end, EG_SENTENCE_MAX);
			eg_buf_add(&sentence, "", 0);
			set_first(r, rec, doc->id, sentence.data);
		}
	}
	eg_buf_free(&sentence);
}

int eg_relcount_merge(eg_relcount *r, const eg_relation_counts *c)
{
	record *rec = find(r, c->subject, c->object, (uint8_t)c->kind, c->predicate);
	if (rec->instances > UINT64_MAX - c->instances || rec->documents > UINT64_MAX - c->documents)
		return -1;
	rec->instances += c->instances;
	rec->documents += c->documents;
	if (c->document && *c->document && earlier(r, rec, c->document))
		set_first(r, rec, c->document, c->sentence ? c->sentence : "");
	return 0;
}

int eg_relcount_join(eg_relcount *r, const uint32_t *into, size_t n)
{
	eg_relcount *joined = eg_relcount_new();
	int rc = 0;
	for (size_t i = 0; i < r->n; i++) {
		eg_relation_counts c = eg_relcount_get(r, i);
		if (c.subject < n)
			c.subject = into[c.subject];
		if (c.object < n)
			c.object = into[c.object];
		if (c.subject != c.object && eg_relcount_merge(joined, &c) < 0)
			rc = -1;
	}
	joined->serial = r->serial;
	eg_relcount old = *r;
	*r = *joined;
	*joined = old;
	eg_relcount_free(joined); /* the old tables */
	return rc;
}

size_t eg_relcount_count(const eg_relcount *r)
{
	return r->n;
}

eg_relation_counts eg_relcount_get(const eg_relcount *r, size_t i)
{
	const record *rec = &r->v[i];
	return (eg_relation_counts){rec->subject, rec->object, (eg_relation_kind)rec->kind,
				    eg_strmap_key(&r->predicates, rec->predicate), rec->instances, rec->documents,
				    rec->document == NONE ? NULL : eg_strmap_key(&r->ids, rec->document),
				    rec->sentence == NONE ? NULL : eg_strmap_key(&r->sentences, rec->sentence)};
}
