#include "store/partial.h"
#include "graph/relcount.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

static const char magic[8] = {'E', 'G', 'P', 'A', 'R', 'T', '\r', '\n'};

static void put32(eg_buf *b, uint32_t v)
{
	unsigned char x[4];
	for (int i = 0; i < 4; i++)
		x[i] = (unsigned char)(v >> (8 * i));
	eg_buf_add(b, x, 4);
}

static void put64(eg_buf *b, uint64_t v)
{
	unsigned char x[8];
	for (int i = 0; i < 8; i++)
		x[i] = (unsigned char)(v >> (8 * i));
	eg_buf_add(b, x, 8);
}

static void put_string(eg_buf *b, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	put32(b, (uint32_t)n);
	if (n)
		eg_buf_add(b, s, n);
}

typedef struct ranked {
	uint32_t entity;
	const char *id;
} ranked;

static int by_id(const void *a, const void *b)
{
	return strcmp(((const ranked *)a)->id, ((const ranked *)b)->id);
}

/* An evidence item under its document id: item of the pair, or of the
 * entity, owner. */
typedef struct held_document {
	const char *id;
	uint32_t owner, item;
	int entity;
} held_document;

static int by_document(const void *a, const void *b)
{
	return strcmp(((const held_document *)a)->id, ((const held_document *)b)->id);
}

static eg_evidence held_evidence(const eg_cooc *counts, const held_document *h)
{
	return h->entity ? eg_cooc_entity_evidence(counts, h->owner, h->item) : eg_cooc_evidence(counts, h->owner, h->item);
}

/* The evidence documents of every pair and entity, each once, ascending by
 * id: the partial's document table, which the evidence refers to by
 * position; each with an item that names it, for its metadata.  Ids are
 * interned, so equal ids are one pointer. */
static held_document *evidence_documents(const eg_cooc *counts, const eg_pair_counts *pairs, size_t m,
					 const ranked *entities, size_t n, size_t *count)
{
	size_t total = 0;
	for (size_t i = 0; i < m; i++)
		total += pairs[i].evidence_count;
	for (size_t i = 0; i < n; i++)
		total += eg_cooc_entity(counts, entities[i].entity).evidence_count;
	held_document *held = eg_xmalloc((total ? total : 1) * sizeof(*held));
	size_t k = 0;
	for (size_t i = 0; i < m; i++)
		for (uint32_t j = 0; j < pairs[i].evidence_count; j++)
			held[k++] = (held_document){eg_cooc_evidence(counts, i, j).document, (uint32_t)i, j, 0};
	for (size_t i = 0; i < n; i++) {
		uint32_t e = entities[i].entity, items = eg_cooc_entity(counts, e).evidence_count;
		for (uint32_t j = 0; j < items; j++)
			held[k++] = (held_document){eg_cooc_entity_evidence(counts, e, j).document, e, j, 1};
	}
	qsort(held, k, sizeof(*held), by_document);
	size_t distinct = 0;
	for (size_t i = 0; i < k; i++)
		if (!distinct || held[i].id != held[distinct - 1].id)
			held[distinct++] = held[i];
	*count = distinct;
	return held;
}

/* An evidence item as the partial holds it: its document's position in
 * the table, and its sentence. */
static void put_item(eg_buf *b, const held_document *held, size_t documents, eg_evidence e)
{
	held_document key = {.id = e.document};
	const held_document *at = bsearch(&key, held, documents, sizeof(*held), by_document);
	put64(b, (uint64_t)(at - held));
	put_string(b, e.sentence);
}

typedef struct placed_pair {
	uint64_t a, b;
	const eg_pair_counts *pair;
} placed_pair;

static int by_position(const void *x, const void *y)
{
	const placed_pair *p = x, *q = y;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return p->b < q->b ? -1 : p->b > q->b;
}

/* The partial goes out through b in pieces of about this size, hashed on
 * the way: memory holds one piece, not the whole file. */
#define PIECE ((size_t)1 << 20)

static int flush_piece(eg_buf *b, XXH3_state_t *sum, FILE *fp, size_t at_least, eg_error *err)
{
	if (b->len < at_least)
		return 0;
	XXH3_128bits_update(sum, b->data, b->len);
	int rc = b->len && fwrite(b->data, 1, b->len, fp) != b->len ? eg_error_set(err, "%s", strerror(errno)) : 0;
	eg_buf_clear(b);
	return rc;
}

typedef struct placed_relation {
	uint64_t subject, object; /* positions */
	eg_relation_counts counts;
} placed_relation;

static int by_relation(const void *x, const void *y)
{
	const placed_relation *a = x, *b = y;
	if (a->subject != b->subject)
		return a->subject < b->subject ? -1 : 1;
	if (a->object != b->object)
		return a->object < b->object ? -1 : 1;
	if (a->counts.kind != b->counts.kind)
		return a->counts.kind < b->counts.kind ? -1 : 1;
	return strcmp(a->counts.predicate, b->counts.predicate);
}

/* An entity the partial writes (one with mentions, or a listed name). */
static int written(const eg_cooc *counts, uint32_t e)
{
	eg_entity_counts c = eg_cooc_entity(counts, e);
	return c.mentions || c.listed;
}

int eg_partial_write(FILE *fp, const eg_cooc *counts, const eg_entities *ents, const eg_partial_info *info,
		     eg_error *err)
{
	eg_buf b = {0};
	XXH3_state_t *sum = XXH3_createState();
	XXH3_128bits_reset_withSeed(sum, EG_PARTIAL_SEED);
	int rc = 0;
	eg_buf_add(&b, magic, sizeof(magic));
	put32(&b, EG_PARTIAL_VERSION);
	eg_buf_add(&b, info->fingerprint, sizeof(info->fingerprint));
	put32(&b, (uint32_t)info->window.kind);
	put32(&b, info->window.tokens);
	put32(&b, info->window_entities);
	put32(&b, info->evidence);
	put32(&b, info->shard_count);
	put32(&b, info->shards_held);
	for (uint32_t i = 0; i < info->shards_held; i++)
		put32(&b, info->shards[i]);
	put64(&b, eg_cooc_documents(counts));
	put_string(&b, info->dates);

	size_t limit = eg_cooc_entity_limit(counts), n = 0;
	ranked *order = eg_xmalloc((limit ? limit : 1) * sizeof(*order));
	for (uint32_t e = 0; e < limit; e++) {
		eg_entity_counts c = eg_cooc_entity(counts, e);
		if (c.mentions || c.listed)
			order[n++] = (ranked){e, eg_entity_id(ents, e)};
	}
	qsort(order, n, sizeof(*order), by_id);
	uint64_t *position = eg_xmalloc((limit ? limit : 1) * sizeof(*position));
	for (size_t i = 0; i < n; i++)
		position[order[i].entity] = i;

	size_t m, documents;
	eg_pair_counts *pairs = eg_cooc_pairs(counts, &m);
	held_document *held = evidence_documents(counts, pairs, m, order, n, &documents);
	put64(&b, documents);
	for (size_t i = 0; i < documents; i++) {
		eg_evidence e = held_evidence(counts, &held[i]);
		put_string(&b, e.document);
		put_string(&b, e.date);
		put_string(&b, e.title);
		put_string(&b, e.outlet);
		put_string(&b, e.url);
		if (rc == 0)
			rc = flush_piece(&b, sum, fp, PIECE, err);
	}

	put64(&b, n);
	for (size_t i = 0; i < n; i++) {
		uint32_t e = order[i].entity;
		eg_entity_counts c = eg_cooc_entity(counts, e);
		put_string(&b, eg_entity_type(ents, e));
		put_string(&b, eg_entity_label(ents, e));
		put_string(&b, eg_entity_category(ents, e));
		put_string(&b, c.first_date);
		put_string(&b, c.last_date);
		put64(&b, c.mentions);
		put64(&b, c.documents);
		put32(&b, c.source_count);
		for (uint32_t k = 0; k < c.source_count; k++)
			put_string(&b, c.sources[k]);
		eg_form forms[EG_FORMS_MAX];
		uint32_t form_count = c.mentions ? eg_cooc_entity_forms(counts, e, forms) : 0;
		put32(&b, form_count);
		for (uint32_t k = 0; k < form_count; k++) {
			put_string(&b, forms[k].text);
			put64(&b, forms[k].count);
		}
		put32(&b, c.evidence_count);
		for (uint32_t k = 0; k < c.evidence_count; k++)
			put_item(&b, held, documents, eg_cooc_entity_evidence(counts, e, k));
		if (rc == 0)
			rc = flush_piece(&b, sum, fp, PIECE, err);
	}
	free(order);

	placed_pair *placed = eg_xmalloc((m ? m : 1) * sizeof(*placed));
	for (size_t i = 0; i < m; i++) {
		uint64_t x = position[pairs[i].a], y = position[pairs[i].b];
		placed[i] = (placed_pair){x < y ? x : y, x < y ? y : x, &pairs[i]};
	}
	qsort(placed, m, sizeof(*placed), by_position);
	put64(&b, m);
	for (size_t i = 0; i < m; i++) {
		const eg_pair_counts *p = placed[i].pair;
		put64(&b, placed[i].a);
		put64(&b, placed[i].b);
		put64(&b, p->weight);
		put64(&b, p->documents);
		put32(&b, p->evidence_count);
		for (uint32_t k = 0; k < p->evidence_count; k++)
			put_item(&b, held, documents, eg_cooc_evidence(counts, (size_t)(p - pairs), k));
		put_string(&b, p->snippet);
		put_string(&b, p->first_date);
		put_string(&b, p->last_date);
		if (rc == 0)
			rc = flush_piece(&b, sum, fp, PIECE, err);
	}
	free(placed);

	/* The relations, between entities written above. */
	const eg_relcount *rels = eg_cooc_relations(counts);
	size_t rn = eg_relcount_count(rels), kept = 0;
	placed_relation *pr = eg_xmalloc((rn ? rn : 1) * sizeof(*pr));
	for (size_t i = 0; i < rn; i++) {
		eg_relation_counts c = eg_relcount_get(rels, i);
		if (c.subject < limit && c.object < limit && written(counts, c.subject) && written(counts, c.object))
			pr[kept++] = (placed_relation){position[c.subject], position[c.object], c};
	}
	qsort(pr, kept, sizeof(*pr), by_relation);
	put64(&b, kept);
	for (size_t i = 0; i < kept; i++) {
		put64(&b, pr[i].subject);
		put64(&b, pr[i].object);
		put32(&b, (uint32_t)pr[i].counts.kind);
		put_string(&b, pr[i].counts.predicate);
		put64(&b, pr[i].counts.instances);
		put64(&b, pr[i].counts.documents);
		put_string(&b, pr[i].counts.document);
		put_string(&b, pr[i].counts.sentence);
		if (rc == 0)
			rc = flush_piece(&b, sum, fp, PIECE, err);
	}
	free(pr);
	free(held);
	free(pairs);
	free(position);
	if (rc == 0)
		rc = flush_piece(&b, sum, fp, 0, err);
	XXH128_canonical_t digest;
	XXH128_canonicalFromHash(&digest, XXH3_128bits_digest(sum));
	eg_buf_add(&b, digest.digest, sizeof(digest.digest));
	if (rc == 0 && fwrite(b.data, 1, b.len, fp) != b.len)
		rc = eg_error_set(err, "%s", strerror(errno));
	XXH3_freeState(sum);
	eg_buf_free(&b);
	return rc;
}

void eg_partial_checksum(const void *data, size_t n, unsigned char out[16])
{
	XXH128_canonical_t canonical;
	XXH128_canonicalFromHash(&canonical, XXH3_128bits_withSeed(data, n, EG_PARTIAL_SEED));
	memcpy(out, canonical.digest, 16);
}

/* Reading a partial as if it were hostile: every read is bounds-checked,
 * and the first problem found (running out of data, or a field out of
 * range) becomes the error; later reads then return nothing. */
typedef struct reader {
	const unsigned char *p, *end;
	const char *path;
	eg_error *err;
	int failed;
} reader;

static int damaged(reader *r, const char *fmt, ...) EG_PRINTF(2, 3);

static int damaged(reader *r, const char *fmt, ...)
{
	if (r->failed)
		return -1;
	r->failed = 1;
	char what[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	return eg_error_set(r->err, "%s: damaged partial result (%s)", r->path, what);
}

static size_t left(const reader *r)
{
	return (size_t)(r->end - r->p);
}

static int need(reader *r, size_t n, const char *what)
{
	if (r->failed)
		return 0;
	if (left(r) < n) {
		damaged(r, "it ends inside %s", what);
		return 0;
	}
	return 1;
}

static uint32_t get32(reader *r, const char *what)
{
	if (!need(r, 4, what))
		return 0;
	uint32_t v = 0;
	for (int i = 0; i < 4; i++)
		v |= (uint32_t)r->p[i] << (8 * i);
	r->p += 4;
	return v;
}

static uint64_t get64(reader *r, const char *what)
{
	if (!need(r, 8, what))
		return 0;
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v |= (uint64_t)r->p[i] << (8 * i);
	r->p += 8;
	return v;
}

/* A string copied into buf (NUL-terminated); "" after a failure. */
static const char *get_string(reader *r, eg_buf *buf, const char *what)
{
	eg_buf_clear(buf);
	uint32_t n = get32(r, what);
	if (!need(r, n, what))
		return "";
	if (memchr(r->p, '\0', n)) {
		damaged(r, "a string in %s holds a NUL byte", what);
		return "";
	}
	eg_buf_add(buf, r->p, n);
	r->p += n;
	return buf->data ? buf->data : "";
}

/* A count of records that each take at least size bytes: no more than the
 * bytes left can hold, so nothing is allocated beyond the file's size. */
static uint64_t get_count(reader *r, size_t size, const char *what)
{
	uint64_t n = get64(r, what);
	if (!r->failed && n > left(r) / size)
		damaged(r, "%llu %s claimed in %zu bytes", (unsigned long long)n, what, left(r));
	return r->failed ? 0 : n;
}

/* A first and last date: both "YYYY-MM-DD", first <= last, or both empty. */
static void check_dates(reader *r, const char *first, const char *last, const char *what, uint64_t which)
{
	if (r->failed || (!*first && !*last))
		return;
	if (!eg_date_valid(first, strlen(first)) || !eg_date_valid(last, strlen(last)) || strcmp(first, last) > 0)
		damaged(r, "%s %llu: dates \"%.16s\" to \"%.16s\" are not a range of YYYY-MM-DD dates", what,
			(unsigned long long)which, first, last);
}

/* Strings that must be ascending and distinct (sources, evidence ids). */
static void check_ascending(reader *r, const char *const *v, uint32_t n, const char *list, const char *what,
			    uint64_t which)
{
	for (uint32_t k = 1; k < n && !r->failed; k++)
		if (strcmp(v[k - 1], v[k]) >= 0)
			damaged(r, "%s %llu: %s not ascending", what, (unsigned long long)which, list);
}

void eg_partial_info_free(eg_partial_info *info)
{
	free(info->shards);
	info->shards = NULL;
}

#define HEADER_SIZE (8 + 4 + 16 + 6 * 4 + 4 + 8 + 4 + 8 + 8 + 8) /* one shard, no entities, documents or pairs */
#define ENTITY_MIN (5 * 4 + 8 + 8 + 4 + 4)
#define DOCUMENT_MIN (5 * 4)
#define PAIR_MIN (8 + 8 + 8 + 8 + 4 + 3 * 4)
#define RELATION_MIN (8 + 8 + 4 + 4 + 8 + 8 + 4 + 4)
#define ITEM_MIN (8 + 4)

static void read_header(reader *r, eg_partial_info *info)
{
	if (!need(r, sizeof(info->fingerprint), "the header"))
		return;
	memcpy(info->fingerprint, r->p, sizeof(info->fingerprint));
	r->p += sizeof(info->fingerprint);
	uint32_t kind = get32(r, "the header");
	info->window.tokens = get32(r, "the header");
	info->window_entities = get32(r, "the header");
	info->evidence = get32(r, "the header");
	info->shard_count = get32(r, "the header");
	info->shards_held = get32(r, "the header");
	if (r->failed)
		return;
	if (kind > EG_WINDOW_TOKENS) {
		damaged(r, "window kind %u is not one of 0 to %d", kind, (int)EG_WINDOW_TOKENS);
		return;
	}
	info->window.kind = (eg_window_kind)kind;
	if ((kind == EG_WINDOW_TOKENS) != (info->window.tokens > 0)) {
		damaged(r, "window kind %u with %u tokens", kind, info->window.tokens);
		return;
	}
	if (info->window_entities == 1) {
		damaged(r, "a window budget of 1 entity");
		return;
	}
	if (info->evidence > EG_EVIDENCE_LIMIT) {
		damaged(r, "an evidence cap of %u, more than %d", info->evidence, EG_EVIDENCE_LIMIT);
		return;
	}
	if (info->shard_count < 1 || info->shard_count > EG_SHARD_MAX) {
		damaged(r, "%u shards, not 1 to %d", info->shard_count, EG_SHARD_MAX);
		return;
	}
	if (info->shards_held < 1 || info->shards_held > info->shard_count) {
		damaged(r, "holds %u shards of %u", info->shards_held, info->shard_count);
		return;
	}
	if (!need(r, 4 * (size_t)info->shards_held, "the shards"))
		return;
	info->shards = eg_xmalloc(info->shards_held * sizeof(*info->shards));
	for (uint32_t i = 0; i < info->shards_held; i++) {
		uint32_t s = info->shards[i] = get32(r, "the shards");
		if (s < 1 || s > info->shard_count || (i && s <= info->shards[i - 1])) {
			damaged(r, "bad shard list: shard %u of %u%s", s, info->shard_count,
				i && s <= info->shards[i - 1] ? " after a larger or equal one" : "");
			return;
		}
	}
	info->documents = get64(r, "the header");
	eg_buf dates = {0};
	const char *d = get_string(r, &dates, "the header");
	if (!r->failed) {
		size_t n = strlen(d), ok = n < sizeof(info->dates);
		for (size_t i = 0; i < n && ok; i++)
			ok = (d[i] >= '0' && d[i] <= '9') || strchr("-. undated", d[i]);
		if (!ok)
			damaged(r, "dates kept \"%.40s\" are not as --since and --until write them", d);
		else
			memcpy(info->dates, d, n + 1);
	}
	eg_buf_free(&dates);
}

void eg_partial_dates(const char *since, const char *until, int keep_undated, char out[64])
{
	if (!since && !until) {
		out[0] = '\0';
		return;
	}
	snprintf(out, 64, "%s..%s%s", since ? since : "", until ? until : "", keep_undated ? " undated" : "");
}

/* 0 when the file at path does not start with the magic: checked before
 * reading it whole, so that an endless file (/dev/zero) given as a partial
 * is refused at once rather than read until memory runs out. */
static int starts_with_magic(const char *path)
{
	if (strcmp(path, "-") == 0)
		return 1; /* cannot be read twice; eg_read_file reads it */
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return 1; /* eg_read_file reports why */
	char head[sizeof(magic)];
	size_t n = fread(head, 1, sizeof(head), fp);
	int unreadable = ferror(fp);
	fclose(fp);
	return unreadable || (n == sizeof(head) && memcmp(head, magic, sizeof(magic)) == 0);
}

/* The count of evidence items of a pair or an entity (what, which): at
 * least one when it must have some and the cap is not 0, at most the cap,
 * its documents, and what the bytes left can hold. */
static void check_item_count(reader *r, uint32_t count, uint64_t documents, int required, uint32_t cap,
			     const char *what, unsigned long long which)
{
	if (!r->failed && ((required && cap && count < 1) || count > cap || count > documents || count > left(r) / ITEM_MIN))
		damaged(r, "%s %llu: %u evidence ids for %llu documents (cap %u)", what, which, count,
			(unsigned long long)documents, cap);
}

/* count evidence items of what (read inside, "a pair"), each a position
 * in the document table (ascending: ascending ids, none twice) and a
 * sentence (into sentences[k]), into evidence, their documents' fields
 * from the table. */
static void read_items(reader *r, uint32_t count, uint64_t d, const size_t *fields, const eg_buf *table,
		       eg_buf *sentences, eg_evidence *evidence, const char *inside, const char *what,
		       unsigned long long which)
{
	uint64_t last = 0;
	for (uint32_t k = 0; k < count && !r->failed; k++) {
		uint64_t document = get64(r, inside);
		const char *sentence = get_string(r, &sentences[k], inside);
		if (r->failed)
			return;
		if (document >= d || (k && document <= last)) {
			damaged(r, "%s %llu: evidence document %llu of %llu, not ascending", what, which,
				(unsigned long long)document, (unsigned long long)d);
			return;
		}
		last = document;
		const size_t *f = fields + 5 * document; /* an empty field: unknown */
		evidence[k] = (eg_evidence){.document = table->data + f[0], .date = table->data + f[1],
					    .title = table->data + f[2], .outlet = table->data + f[3],
					    .url = table->data + f[4], .sentence = sentence};
	}
}

int eg_partial_read(const char *path, eg_cooc *counts, eg_entities *ents, eg_partial_info *info, eg_error *err)
{
	memset(info, 0, sizeof(*info));
	if (!starts_with_magic(path))
		return eg_error_set(err, "%s: not an entgraph partial result", path);
	size_t size;
	eg_error read_err;
	char *data = eg_read_file(path, &size, &read_err);
	if (!data)
		return eg_error_set(err, "%s", read_err.message);
	int rc = eg_partial_parse(path, data, size, counts, ents, info, err);
	free(data);
	return rc;
}

int eg_partial_parse(const char *path, const char *data, size_t size, eg_cooc *counts, eg_entities *ents,
		     eg_partial_info *info, eg_error *err)
{
	memset(info, 0, sizeof(*info));
	int rc = -1;
	eg_buf strings[7] = {{0}}, lists[EG_SOURCES_MAX] = {{0}}, previous_id = {0};
	eg_buf form_bufs[EG_FORMS_MAX] = {{0}};
	const char *form_text[EG_FORMS_MAX];
	eg_form forms[EG_FORMS_MAX];
	eg_buf sentences[EG_EVIDENCE_LIMIT] = {{0}}, table = {0};
	eg_evidence evidence[EG_EVIDENCE_LIMIT];
	size_t *fields = NULL; /* per document, 5 offsets into table: id, date, title, outlet, url */
	uint32_t *entity_of = NULL;
	uint64_t *documents_of = NULL;
	reader r = {(const unsigned char *)data, (const unsigned char *)data + size, path, err, 0};
	if (size < sizeof(magic) + 4 || memcmp(data, magic, sizeof(magic)) != 0) {
		eg_error_set(err, "%s: not an entgraph partial result", path);
		goto failed;
	}
	r.p += sizeof(magic);
	uint32_t version = get32(&r, "the header");
	if (version < EG_PARTIAL_VERSION) {
		eg_error_set(err,
			     "%s: partial result of format version %u, which this entgraph no longer reads; write it "
			     "again with this entgraph (extract --shard I/N --partial FILE)",
			     path, version);
		goto failed;
	}
	if (version > EG_PARTIAL_VERSION) {
		eg_error_set(err, "%s: partial result of format version %u; this entgraph reads version %u", path,
			     version, EG_PARTIAL_VERSION);
		goto failed;
	}
	unsigned char sum[16];
	if (size >= HEADER_SIZE + 16)
		eg_partial_checksum(data, size - 16, sum);
	if (size < HEADER_SIZE + 16 || memcmp(sum, data + size - 16, 16) != 0) {
		eg_error_set(err, "%s: damaged partial result (checksum mismatch: truncated or altered)", path);
		goto failed;
	}
	r.end -= 16;

	read_header(&r, info);
	if (!r.failed && eg_cooc_merge_documents(counts, info->documents) < 0) {
		eg_error_set(err, "%s: counts overflow (more than 2^64 - 1 documents with the partials before it)", path);
		goto failed;
	}
	/* The evidence documents, kept whole (no more than the file holds)
	 * for the entities and pairs to refer to. */
	uint64_t d = get_count(&r, DOCUMENT_MIN, "documents");
	fields = eg_xmalloc((d ? d : 1) * 5 * sizeof(*fields));
	for (uint64_t i = 0; i < d && !r.failed; i++) {
		unsigned long long at = (unsigned long long)i + 1;
		for (size_t f = 0; f < 5; f++) {
			fields[5 * i + f] = table.len;
			const char *v = get_string(&r, &strings[0], "a document");
			eg_buf_add(&table, v, strlen(v) + 1);
			if (f == 1)
				check_dates(&r, v, v, "document", at);
		}
		const char *id = table.data + fields[5 * i];
		if (!r.failed && !*id)
			damaged(&r, "document %llu has no id", at);
		if (!r.failed && i && strcmp(table.data + fields[5 * (i - 1)], id) >= 0)
			damaged(&r, "document %llu does not come after document %llu", at, at - 1);
	}
	uint64_t n = get_count(&r, ENTITY_MIN, "entities");
	entity_of = eg_xmalloc((n ? n : 1) * sizeof(*entity_of));
	documents_of = eg_xmalloc((n ? n : 1) * sizeof(*documents_of));
	for (uint64_t i = 0; i < n && !r.failed; i++) {
		const char *type = get_string(&r, &strings[0], "an entity");
		const char *label = get_string(&r, &strings[1], "an entity");
		const char *category = get_string(&r, &strings[2], "an entity");
		eg_entity_counts c = {0};
		c.first_date = get_string(&r, &strings[3], "an entity");
		c.last_date = get_string(&r, &strings[4], "an entity");
		c.mentions = get64(&r, "an entity");
		c.documents = get64(&r, "an entity");
		c.source_count = get32(&r, "an entity");
		if (!r.failed && c.source_count > EG_SOURCES_MAX)
			damaged(&r, "entity %llu: %u sources, at most %d", (unsigned long long)i + 1, c.source_count,
				EG_SOURCES_MAX);
		for (uint32_t k = 0; k < c.source_count && !r.failed; k++) {
			c.sources[k] = get_string(&r, &lists[k], "an entity");
			if (!*c.sources[k])
				damaged(&r, "entity %llu: an empty source name", (unsigned long long)i + 1);
		}
		check_ascending(&r, c.sources, c.source_count, "sources", "entity", i + 1);
		check_dates(&r, c.first_date, c.last_date, "entity", i + 1);
		/* A listed name (eg_cooc_list_entity) has no mention and nothing else. */
		c.listed = c.mentions == 0;
		if (!r.failed && c.listed && (c.documents || c.source_count || *c.first_date))
			damaged(&r, "entity %llu: documents, sources or dates without a mention", (unsigned long long)i + 1);
		uint32_t form_count = get32(&r, "an entity");
		if (!r.failed && form_count > EG_FORMS_MAX)
			damaged(&r, "entity %llu: %u surface forms, at most %d", (unsigned long long)i + 1, form_count,
				EG_FORMS_MAX);
		uint64_t form_mentions = 0;
		for (uint32_t k = 0; k < form_count && !r.failed; k++) {
			form_text[k] = get_string(&r, &form_bufs[k], "an entity");
			forms[k].text = form_text[k];
			forms[k].count = get64(&r, "an entity");
			size_t len = strlen(forms[k].text);
			if (!r.failed && (!len || len > EG_FORM_MAX || forms[k].count < 1 ||
					  forms[k].count > c.mentions - form_mentions))
				damaged(&r, "entity %llu: surface form %u is empty, longer than %d bytes or has more "
					"mentions than its entity", (unsigned long long)i + 1, k + 1, EG_FORM_MAX);
			form_mentions += forms[k].count;
		}
		check_ascending(&r, form_text, form_count, "surface forms", "entity", i + 1);
		c.evidence_count = get32(&r, "an entity");
		check_item_count(&r, c.evidence_count, c.documents, !c.listed, info->evidence, "entity", i + 1);
		read_items(&r, c.evidence_count, d, fields, &table, sentences, evidence, "an entity", "entity", i + 1);
		if (r.failed)
			break;

		if (!eg_type_name_valid(type, strlen(type)) || !*label) {
			damaged(&r, "entity %llu has no valid type or label", (unsigned long long)i + 1);
			break;
		}
		if ((!c.listed && c.documents < 1) || c.documents > c.mentions || c.documents > info->documents) {
			damaged(&r, "entity %llu: %llu mentions in %llu documents of %llu", (unsigned long long)i + 1,
				(unsigned long long)c.mentions, (unsigned long long)c.documents,
				(unsigned long long)info->documents);
			break;
		}
		entity_of[i] = eg_entities_intern(ents, type, label, strlen(label), *category ? category : NULL);
		documents_of[i] = c.documents;
		/* Ascending ids: no entity twice, however its label is cased. */
		const char *id = eg_entity_id(ents, entity_of[i]);
		if (i && strcmp(previous_id.data, id) >= 0) {
			damaged(&r, "entity %llu (%s) does not come after %s", (unsigned long long)i + 1, id,
				previous_id.data);
			break;
		}
		eg_buf_clear(&previous_id);
		eg_buf_adds(&previous_id, id);
		if (eg_cooc_merge_entity(counts, entity_of[i], &c, evidence) < 0 ||
		    eg_cooc_merge_forms(counts, entity_of[i], forms, form_count) < 0) {
			eg_error_set(err, "%s: counts overflow (entity %s with the partials before it)", path, id);
			goto failed;
		}
	}
	uint64_t m = get_count(&r, PAIR_MIN, "pairs"), last_a = 0, last_b = 0;
	for (uint64_t i = 0; i < m && !r.failed; i++) {
		eg_pair_counts p = {0};
		uint64_t a = get64(&r, "a pair"), b = get64(&r, "a pair");
		p.weight = get64(&r, "a pair");
		p.documents = get64(&r, "a pair");
		p.evidence_count = get32(&r, "a pair");
		if (r.failed)
			break;
		unsigned long long at = (unsigned long long)i + 1;
		if (a >= n || b >= n || a >= b) {
			damaged(&r, "pair %llu: entities %llu and %llu of %llu", at, (unsigned long long)a,
				(unsigned long long)b, (unsigned long long)n);
			break;
		}
		if (i && (a < last_a || (a == last_a && b <= last_b))) {
			damaged(&r, "pair %llu does not come after pair %llu", at, at - 1);
			break;
		}
		last_a = a;
		last_b = b;
		uint64_t fewest = documents_of[a] < documents_of[b] ? documents_of[a] : documents_of[b];
		if (p.documents < 1 || p.documents > p.weight || p.documents > fewest) {
			damaged(&r, "pair %llu: %llu windows in %llu documents, its entities in %llu", at,
				(unsigned long long)p.weight, (unsigned long long)p.documents, (unsigned long long)fewest);
			break;
		}
		check_item_count(&r, p.evidence_count, p.documents, 1, info->evidence, "pair", at);
		read_items(&r, p.evidence_count, d, fields, &table, sentences, evidence, "a pair", "pair", at);
		p.snippet = get_string(&r, &strings[5], "a pair");
		p.first_date = get_string(&r, &strings[6], "a pair");
		p.last_date = get_string(&r, &strings[3], "a pair");
		check_dates(&r, p.first_date, p.last_date, "pair", i + 1);
		if (r.failed)
			break;
		if (!*p.snippet)
			p.snippet = NULL;
		if (!*p.first_date)
			p.first_date = p.last_date = NULL;
		p.a = entity_of[a];
		p.b = entity_of[b];
		if (p.a > p.b) {
			uint32_t t = p.a;
			p.a = p.b;
			p.b = t;
		}
		if (eg_cooc_merge_pair(counts, &p, evidence) < 0) {
			eg_error_set(err, "%s: counts overflow (pair %s, %s with the partials before it)", path,
				     eg_entity_id(ents, p.a), eg_entity_id(ents, p.b));
			goto failed;
		}
	}
	uint64_t rn = get_count(&r, RELATION_MIN, "relations"), last_s = 0, last_o = 0;
	uint32_t last_kind = 0;
	eg_buf last_predicate = {0};
	for (uint64_t i = 0; i < rn && !r.failed; i++) {
		unsigned long long at = (unsigned long long)i + 1;
		uint64_t subject = get64(&r, "a relation"), object = get64(&r, "a relation");
		eg_relation_counts c = {0};
		uint32_t kind = get32(&r, "a relation");
		c.predicate = get_string(&r, &strings[0], "a relation");
		c.instances = get64(&r, "a relation");
		c.documents = get64(&r, "a relation");
		c.document = get_string(&r, &strings[1], "a relation");
		c.sentence = get_string(&r, &strings[2], "a relation");
		if (r.failed)
			break;
		if (!*c.document || strlen(c.sentence) > 4 * EG_SENTENCE_MAX) {
			damaged(&r, "relation %llu: no document, or a sentence of %zu bytes", at, strlen(c.sentence));
			break;
		}
		size_t plen = strlen(c.predicate);
		if (subject >= n || object >= n || subject == object || kind > EG_REL_AGENT || !plen ||
		    plen >= EG_PREDICATE_MAX + 16) {
			damaged(&r, "relation %llu: entities %llu and %llu of %llu, kind %u, a predicate of %zu bytes", at,
				(unsigned long long)subject, (unsigned long long)object, (unsigned long long)n, kind, plen);
			break;
		}
		int order = i == 0                ? 1
			    : subject != last_s   ? (subject > last_s ? 1 : -1)
			    : object != last_o    ? (object > last_o ? 1 : -1)
			    : kind != last_kind   ? (kind > last_kind ? 1 : -1)
						  : strcmp(c.predicate, last_predicate.data);
		if (order <= 0) {
			damaged(&r, "relation %llu does not come after relation %llu", at, at - 1);
			break;
		}
		uint64_t fewest = documents_of[subject] < documents_of[object] ? documents_of[subject] : documents_of[object];
		if (c.documents < 1 || c.documents > c.instances || c.documents > fewest) {
			damaged(&r, "relation %llu: %llu instances in %llu documents, its entities in %llu", at,
				(unsigned long long)c.instances, (unsigned long long)c.documents, (unsigned long long)fewest);
			break;
		}
		last_s = subject;
		last_o = object;
		last_kind = kind;
		eg_buf_clear(&last_predicate);
		eg_buf_adds(&last_predicate, c.predicate);
		c.subject = entity_of[subject];
		c.object = entity_of[object];
		c.kind = (eg_relation_kind)kind;
		if (eg_relcount_merge(eg_cooc_relations(counts), &c) < 0) {
			eg_error_set(err, "%s: counts overflow (relation %llu with the partials before it)", path, at);
			eg_buf_free(&last_predicate);
			goto failed;
		}
	}
	eg_buf_free(&last_predicate);
	if (!r.failed && r.p != r.end)
		damaged(&r, "%zu bytes left over", left(&r));
	if (r.failed)
		goto failed;
	rc = 0;
	goto done;
failed:
	eg_partial_info_free(info);
	memset(info, 0, sizeof(*info));
done:
	for (size_t i = 0; i < sizeof(strings) / sizeof(strings[0]); i++)
		eg_buf_free(&strings[i]);
	for (size_t i = 0; i < EG_SOURCES_MAX; i++)
		eg_buf_free(&lists[i]);
	for (size_t i = 0; i < EG_FORMS_MAX; i++)
		eg_buf_free(&form_bufs[i]);
	for (size_t i = 0; i < EG_EVIDENCE_LIMIT; i++)
		eg_buf_free(&sentences[i]);
	eg_buf_free(&table);
	free(fields);
	eg_buf_free(&previous_id);
	free(entity_of);
	free(documents_of);
	return rc;
}
