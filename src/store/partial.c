#include "store/partial.h"

#include <errno.h>
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
	XXH3_64bits_update(sum, b->data, b->len);
	int rc = b->len && fwrite(b->data, 1, b->len, fp) != b->len ? eg_error_set(err, "%s", strerror(errno)) : 0;
	eg_buf_clear(b);
	return rc;
}

int eg_partial_write(FILE *fp, const eg_cooc *counts, const eg_entities *ents, const eg_partial_info *info,
		     eg_error *err)
{
	eg_buf b = {0};
	XXH3_state_t *sum = XXH3_createState();
	XXH3_64bits_reset(sum);
	int rc = 0;
	eg_buf_add(&b, magic, sizeof(magic));
	put32(&b, EG_PARTIAL_VERSION);
	eg_buf_add(&b, info->fingerprint, sizeof(info->fingerprint));
	put32(&b, (uint32_t)info->window.kind);
	put32(&b, info->window.tokens);
	put32(&b, info->shard_count);
	put32(&b, info->shards_held);
	for (uint32_t i = 0; i < info->shards_held; i++)
		put32(&b, info->shards[i]);
	put64(&b, eg_cooc_documents(counts));

	size_t limit = eg_cooc_entity_limit(counts), n = 0;
	ranked *order = eg_xmalloc((limit ? limit : 1) * sizeof(*order));
	for (uint32_t e = 0; e < limit; e++)
		if (eg_cooc_entity(counts, e).mentions)
			order[n++] = (ranked){e, eg_entity_id(ents, e)};
	qsort(order, n, sizeof(*order), by_id);
	uint64_t *position = eg_xmalloc((limit ? limit : 1) * sizeof(*position));
	put64(&b, n);
	for (size_t i = 0; i < n; i++) {
		uint32_t e = order[i].entity;
		eg_entity_counts c = eg_cooc_entity(counts, e);
		position[e] = i;
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
		if (rc == 0)
			rc = flush_piece(&b, sum, fp, PIECE, err);
	}
	free(order);

	size_t m;
	eg_pair_counts *pairs = eg_cooc_pairs(counts, &m);
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
			put_string(&b, p->evidence[k]);
		put_string(&b, p->snippet);
		put_string(&b, p->first_date);
		put_string(&b, p->last_date);
		if (rc == 0)
			rc = flush_piece(&b, sum, fp, PIECE, err);
	}
	free(placed);
	free(pairs);
	free(position);
	if (rc == 0)
		rc = flush_piece(&b, sum, fp, 0, err);
	put64(&b, XXH3_64bits_digest(sum));
	if (rc == 0 && fwrite(b.data, 1, b.len, fp) != b.len)
		rc = eg_error_set(err, "%s", strerror(errno));
	XXH3_freeState(sum);
	eg_buf_free(&b);
	return rc;
}

typedef struct reader {
	const unsigned char *p, *end;
	const char *failure; /* what was being read when the data ran out */
} reader;

static int need(reader *r, size_t n, const char *what)
{
	if (r->failure)
		return 0;
	if ((size_t)(r->end - r->p) < n) {
		r->failure = what;
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

/* A string copied into buf (NUL-terminated); NULL when the data ran out. */
static const char *get_string(reader *r, eg_buf *buf, const char *what)
{
	uint32_t n = get32(r, what);
	if (!need(r, n, what))
		return NULL;
	eg_buf_clear(buf);
	eg_buf_add(buf, r->p, n);
	r->p += n;
	return buf->data ? buf->data : "";
}

void eg_partial_info_free(eg_partial_info *info)
{
	free(info->shards);
	info->shards = NULL;
}

static int damaged(const char *path, reader *r, eg_error *err)
{
	return eg_error_set(err, "%s: damaged partial result (it ends inside %s)", path, r->failure);
}

int eg_partial_read(const char *path, eg_cooc *counts, eg_entities *ents, eg_partial_info *info, eg_error *err)
{
	memset(info, 0, sizeof(*info));
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
	eg_buf strings[8] = {{0}}, sources[EG_SOURCES_MAX] = {{0}};
	uint32_t *entity_of = NULL;
	if (size < sizeof(magic) + 8 || memcmp(data, magic, sizeof(magic)) != 0) {
		eg_error_set(err, "%s: not an entgraph partial result", path);
		goto done;
	}
	uint64_t stored = 0;
	for (int i = 0; i < 8; i++)
		stored |= (uint64_t)(unsigned char)data[size - 8 + (size_t)i] << (8 * i);
	reader r = {(const unsigned char *)data + sizeof(magic), (const unsigned char *)data + size - 8, NULL};
	uint32_t version = get32(&r, "the header");
	if (version != EG_PARTIAL_VERSION) {
		eg_error_set(err, "%s: partial result of format version %u; this entgraph reads version %u", path,
			     version, EG_PARTIAL_VERSION);
		goto done;
	}
	if (XXH3_64bits(data, size - 8) != stored) {
		eg_error_set(err, "%s: damaged partial result (checksum mismatch: truncated or altered)", path);
		goto done;
	}
	if (!need(&r, sizeof(info->fingerprint), "the header"))
		goto bad;
	memcpy(info->fingerprint, r.p, sizeof(info->fingerprint));
	r.p += sizeof(info->fingerprint);
	info->window.kind = (eg_window_kind)get32(&r, "the header");
	info->window.tokens = get32(&r, "the header");
	info->shard_count = get32(&r, "the header");
	info->shards_held = get32(&r, "the header");
	if (r.failure || info->shards_held > info->shard_count || !need(&r, 4 * (size_t)info->shards_held, "the shards"))
		goto bad;
	info->shards = eg_xmalloc((info->shards_held ? info->shards_held : 1) * sizeof(*info->shards));
	for (uint32_t i = 0; i < info->shards_held; i++) {
		info->shards[i] = get32(&r, "the shards");
		if (info->shards[i] < 1 || info->shards[i] > info->shard_count ||
		    (i && info->shards[i] <= info->shards[i - 1])) {
			eg_error_set(err, "%s: damaged partial result (bad shard list)", path);
			goto done;
		}
	}
	info->documents = get64(&r, "the header");
	eg_cooc_merge_documents(counts, info->documents);

	uint64_t n = get64(&r, "the entities");
	if (r.failure || n > (uint64_t)(r.end - r.p) / 40)
		goto bad;
	entity_of = eg_xmalloc((n ? n : 1) * sizeof(*entity_of));
	for (uint64_t i = 0; i < n && !r.failure; i++) {
		const char *type = get_string(&r, &strings[0], "an entity");
		const char *label = get_string(&r, &strings[1], "an entity");
		const char *category = get_string(&r, &strings[2], "an entity");
		eg_entity_counts c = {0};
		c.first_date = get_string(&r, &strings[3], "an entity");
		c.last_date = get_string(&r, &strings[4], "an entity");
		c.mentions = get64(&r, "an entity");
		c.documents = get64(&r, "an entity");
		c.source_count = get32(&r, "an entity");
		if (c.source_count > EG_SOURCES_MAX) {
			eg_error_set(err, "%s: damaged partial result (entity %llu has %u sources)", path,
				     (unsigned long long)i + 1, c.source_count);
			goto done;
		}
		for (uint32_t k = 0; k < c.source_count; k++)
			c.sources[k] = get_string(&r, &sources[k], "an entity");
		if (r.failure)
			break;
		if (!eg_type_name_valid(type, strlen(type)) || !*label) {
			eg_error_set(err, "%s: damaged partial result (entity %llu has no valid type or label)", path,
				     (unsigned long long)i + 1);
			goto done;
		}
		entity_of[i] = eg_entities_intern(ents, type, label, strlen(label), *category ? category : NULL);
		eg_cooc_merge_entity(counts, entity_of[i], &c);
	}
	uint64_t m = get64(&r, "the pairs");
	for (uint64_t i = 0; i < m && !r.failure; i++) {
		eg_pair_counts p = {0};
		uint64_t a = get64(&r, "a pair"), b = get64(&r, "a pair");
		p.weight = get64(&r, "a pair");
		p.documents = get64(&r, "a pair");
		p.evidence_count = get32(&r, "a pair");
		if (r.failure)
			break;
		if (a >= n || b >= n || a >= b || p.evidence_count > EG_EVIDENCE_MAX) {
			eg_error_set(err, "%s: damaged partial result (pair %llu)", path, (unsigned long long)i + 1);
			goto done;
		}
		/* Evidence strings live in strings[1..5] until the merge. */
		eg_buf evidence[EG_EVIDENCE_MAX] = {{0}};
		for (uint32_t k = 0; k < p.evidence_count; k++)
			p.evidence[k] = get_string(&r, &evidence[k], "a pair");
		p.snippet = get_string(&r, &strings[5], "a pair");
		p.first_date = get_string(&r, &strings[6], "a pair");
		p.last_date = get_string(&r, &strings[7], "a pair");
		if (!r.failure) {
			if (p.snippet && !*p.snippet)
				p.snippet = NULL;
			p.a = entity_of[a];
			p.b = entity_of[b];
			if (p.a > p.b) {
				uint32_t t = p.a;
				p.a = p.b;
				p.b = t;
			}
			eg_cooc_merge_pair(counts, &p);
		}
		for (uint32_t k = 0; k < EG_EVIDENCE_MAX; k++)
			eg_buf_free(&evidence[k]);
	}
	if (r.failure)
		goto bad;
	if (r.p != r.end) {
		eg_error_set(err, "%s: damaged partial result (%zu bytes left over)", path, (size_t)(r.end - r.p));
		goto done;
	}
	rc = 0;
	goto done;
bad:
	damaged(path, &r, err);
done:
	for (size_t i = 0; i < sizeof(strings) / sizeof(strings[0]); i++)
		eg_buf_free(&strings[i]);
	for (size_t i = 0; i < EG_SOURCES_MAX; i++)
		eg_buf_free(&sources[i]);
	free(entity_of);
	return rc;
}
