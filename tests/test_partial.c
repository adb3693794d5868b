/* Partial results: what a shard writes reads back exactly, and merging
 * partials in any order and grouping gives the counts of one run over all
 * the documents, evidence and snippets included. */
#include "check.h"
#include "graph/relcount.h"
#include "match/relations.h"
#include "store/partial.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char *const names[] = {"Microsoft", "Azure", "Google", "Amazon", "Unit 8200"};
static const char *const types[] = {"ORG", "PRODUCT", "ORG", "ORG", "UNIT"};

typedef struct doc_spec {
	const char *id, *date, *source, *text, *title, *url;
} doc_spec;

static const doc_spec docs[] = {
	{"d1", "2024-01-05", "Reuters", "Microsoft sold Azure. Google watched.", "Sold, \"at last\"", "https://r.example/1"},
	{"d2", NULL, NULL, "Amazon and Google bid. Microsoft lost.", NULL, "https://x.example/2"},
	{"d3", "2023-11-30", "The Guardian", "Unit 8200 used Azure from Microsoft.", "Unit\n8200", NULL},
	{"d4", "2025-02-01", "AP", "Google, Amazon and Microsoft. Azure too.", "Three", "https://ap.example/4"},
	{"d5", NULL, "AP", "Nothing to see here.", "Nothing", NULL},
	{"d6", "2024-06-06", "Reuters", "Unit 8200 met Google and Amazon.", NULL, NULL},
	{"d7", "2022-03-03", "+972 Magazine", "Azure and Microsoft, Azure again, Microsoft again.", "Again", "https://972.example/7"},
};
#define DOCS (sizeof(docs) / sizeof(docs[0]))

/* Counts docs[i] for the i with keep[i] into c, interning into ents. */
static void count(eg_cooc *c, eg_entities *ents, const int *keep)
{
	eg_tokens tokens = {0};
	eg_mentions m = {0};
	for (size_t i = 0; i < DOCS; i++) {
		if (keep && !keep[i])
			continue;
		eg_document d = {.id = (char *)docs[i].id, .date = (char *)docs[i].date, .source = (char *)docs[i].source,
				 .text = (char *)docs[i].text, .length = strlen(docs[i].text),
				 .title = (char *)docs[i].title, .url = (char *)docs[i].url};
		eg_tokenize(d.text, d.length, &tokens);
		m.n = 0;
		for (size_t t = 0; t < tokens.n; t++) {
			for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
				size_t len = strlen(names[k]);
				if (strncmp(d.text + tokens.v[t].start, names[k], len) != 0)
					continue;
				size_t u = t;
				while (tokens.v[u].end < tokens.v[t].start + len)
					u++;
				eg_mentions_push_tokens(&m, &tokens, t, u + 1,
							eg_entities_intern(ents, types[k], names[k], len, "test"),
							EG_SOURCE_DICT);
				t = u;
				break;
			}
		}
		eg_mentions_locate(&m, &tokens);
		eg_cooc_add_document(c, &d, m.v, m.n);
		eg_relations rels = {0};
		eg_relations_find(d.text, &tokens, m.v, m.n, ents, &rels);
		eg_cooc_add_relations(c, &d, rels.v, rels.n, m.v);
		eg_relations_free(&rels);
	}
	eg_tokens_free(&tokens);
	eg_mentions_free(&m);
}

static int by_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Everything counted, as sorted text lines keyed by entity ids. */
static char *dump(const eg_cooc *c, const eg_entities *ents)
{
	char *lines[256];
	size_t n = 0;
	char buf[4096];
	for (uint32_t e = 0; e < eg_cooc_entity_limit(c); e++) {
		eg_entity_counts x = eg_cooc_entity(c, e);
		if (!x.mentions && !x.listed)
			continue;
		int len = snprintf(buf, sizeof(buf), "entity %s %s %s %llu %llu %s %s", eg_entity_id(ents, e),
				   eg_entity_label(ents, e), eg_entity_category(ents, e), (unsigned long long)x.mentions,
				   (unsigned long long)x.documents, x.first_date ? x.first_date : "-",
				   x.last_date ? x.last_date : "-");
		for (uint32_t k = 0; k < x.source_count; k++)
			len += snprintf(buf + len, sizeof(buf) - (size_t)len, " <%s>", x.sources[k]);
		eg_form forms[EG_FORMS_MAX];
		uint32_t form_count = eg_cooc_entity_forms(c, e, forms);
		for (uint32_t k = 0; k < form_count; k++)
			len += snprintf(buf + len, sizeof(buf) - (size_t)len, " \"%s\" x%llu", forms[k].text,
					(unsigned long long)forms[k].count);
		if (x.listed && !x.mentions)
			len += snprintf(buf + len, sizeof(buf) - (size_t)len, " listed");
		for (uint32_t k = 0; k < x.evidence_count; k++) {
			eg_evidence ev = eg_cooc_entity_evidence(c, e, k);
			len += snprintf(buf + len, sizeof(buf) - (size_t)len, " {%s|%s|%s|%s}", ev.document,
					ev.date ? ev.date : "-", ev.title ? ev.title : "-", ev.sentence ? ev.sentence : "-");
		}
		lines[n++] = eg_xstrdup(buf);
	}
	size_t m;
	eg_pair_counts *pairs = eg_cooc_pairs(c, &m);
	for (size_t i = 0; i < m; i++) {
		const char *a = eg_entity_id(ents, pairs[i].a), *b = eg_entity_id(ents, pairs[i].b);
		int len = snprintf(buf, sizeof(buf), "pair %s %s %llu %llu %s %s [%s]", strcmp(a, b) < 0 ? a : b,
				   strcmp(a, b) < 0 ? b : a, (unsigned long long)pairs[i].weight,
				   (unsigned long long)pairs[i].documents, pairs[i].first_date ? pairs[i].first_date : "-",
				   pairs[i].last_date ? pairs[i].last_date : "-", pairs[i].snippet ? pairs[i].snippet : "");
		for (uint32_t k = 0; k < pairs[i].evidence_count; k++)
			len += snprintf(buf + len, sizeof(buf) - (size_t)len, " %s", eg_cooc_evidence(c, i, k).document);
		for (uint32_t k = 0; k < pairs[i].evidence_count; k++) {
			eg_evidence e = eg_cooc_evidence(c, i, k);
			len += snprintf(buf + len, sizeof(buf) - (size_t)len, " {%s|%s|%s|%s|%s}", e.date ? e.date : "-",
					e.title ? e.title : "-", e.outlet ? e.outlet : "-", e.url ? e.url : "-",
					e.sentence ? e.sentence : "-");
		}
		lines[n++] = eg_xstrdup(buf);
	}
	free(pairs);
	const eg_relcount *rc = eg_cooc_relations(c);
	for (size_t i = 0; i < eg_relcount_count(rc) && n < sizeof(lines) / sizeof(lines[0]); i++) {
		eg_relation_counts r = eg_relcount_get(rc, i);
		snprintf(buf, sizeof(buf), "relation %s %s %s \"%s\" %llu %llu %s {%s}", eg_entity_id(ents, r.subject),
			 eg_entity_id(ents, r.object), eg_relation_kind_name(r.kind), r.predicate,
			 (unsigned long long)r.instances, (unsigned long long)r.documents, r.document ? r.document : "-",
			 r.sentence ? r.sentence : "-");
		lines[n++] = eg_xstrdup(buf);
	}
	qsort(lines, n, sizeof(*lines), by_line);
	eg_buf out = {0};
	eg_buf_printf(&out, "documents %llu\n", (unsigned long long)eg_cooc_documents(c));
	for (size_t i = 0; i < n; i++) {
		eg_buf_printf(&out, "%s\n", lines[i]);
		free(lines[i]);
	}
	return out.data;
}

static char dir[] = "/tmp/entgraph-partial-XXXXXX";

static void write_partial(const char *name, const eg_cooc *c, const eg_entities *ents, uint32_t of, uint32_t *shards,
			  uint32_t held)
{
	char path[600];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *fp = fopen(path, "wb");
	CHECK(fp != NULL);
	eg_partial_info info = {.window = {EG_WINDOW_PARAGRAPH, 0}, .evidence = EG_EVIDENCE_DEFAULT, .shard_count = of,
				.shards = shards, .shards_held = held};
	memset(info.fingerprint, 7, sizeof(info.fingerprint));
	eg_error err;
	CHECK_INT(eg_partial_write(fp, c, ents, &info, &err), 0);
	fclose(fp);
}

/* Reads the named partials, in order, into a fresh cooc; returns its dump. */
static char *merge(const char *const *parts, size_t n, eg_partial_info *last)
{
	eg_entities *none = eg_entities_new(), *ents = eg_entities_extend(none);
	eg_cooc *c = eg_cooc_new((eg_window){EG_WINDOW_PARAGRAPH, 0});
	for (size_t i = 0; i < n; i++) {
		char path[600];
		snprintf(path, sizeof(path), "%s/%s", dir, parts[i]);
		eg_error err;
		eg_partial_info info;
		if (eg_partial_read(path, c, ents, &info, &err) < 0) {
			fprintf(stderr, "%s\n", err.message);
			CHECK(0);
		}
		if (last && i == n - 1) {
			*last = info;
		} else {
			eg_partial_info_free(&info);
		}
	}
	char *out = dump(c, ents);
	eg_cooc_free(c);
	eg_entities_free(ents);
	eg_entities_free(none);
	return out;
}

/* Where the fields of a valid partial are, found by walking its format
 * (store/partial.h), so a test can change one and reseal the file. */
typedef struct layout {
	size_t documents;              /* the header's u64 documents */
	size_t dates;                  /* the u32 length of the dates kept */
	size_t entities;               /* the u64 entity count */
	size_t label, date, mentions; /* entity 1's label and first date (their u32 lengths), u64 mentions */
	size_t forms;                  /* entity 1's u32 surface form count, then its first form */
	size_t entity_evidence;        /* entity 1's u32 evidence count, then its first item */
	size_t evidence_documents;     /* the u64 count of the evidence documents */
	size_t evidence_position;      /* pair 1's first evidence item's u64 document position */
	size_t pairs;                  /* the u64 pair count */
	size_t pair_a[2], weight;      /* pairs 1 and 2's u64 a; pair 1's u64 windows */
} layout;

static uint64_t get_le(const unsigned char *p, int bytes)
{
	uint64_t v = 0;
	for (int i = 0; i < bytes; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

static void put_le(unsigned char *p, int bytes, uint64_t v)
{
	for (int i = 0; i < bytes; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static size_t skip_string(const unsigned char *d, size_t at)
{
	return at + 4 + (size_t)get_le(d + at, 4);
}

static layout walk(const unsigned char *d)
{
	layout l = {0};
	size_t at = 8 + 4 + 16 + 5 * 4;
	at += 4 + 4 * (size_t)get_le(d + at, 4);
	l.documents = at;
	l.dates = at + 8;
	at = skip_string(d, at + 8);
	l.evidence_documents = at;
	uint64_t documents = get_le(d + at, 8);
	at += 8;
	for (uint64_t i = 0; i < 5 * documents; i++)
		at = skip_string(d, at);
	l.entities = at;
	uint64_t n = get_le(d + l.entities, 8);
	at = l.entities + 8;
	for (uint64_t i = 0; i < n; i++) {
		at = skip_string(d, at); /* type */
		if (i == 0)
			l.label = at;
		at = skip_string(d, skip_string(d, at)); /* label, category */
		if (i == 0)
			l.date = at;
		at = skip_string(d, skip_string(d, at));
		if (i == 0)
			l.mentions = at;
		at += 16;
		uint32_t sources = (uint32_t)get_le(d + at, 4);
		at += 4;
		for (uint32_t k = 0; k < sources; k++)
			at = skip_string(d, at);
		if (i == 0)
			l.forms = at;
		uint32_t forms = (uint32_t)get_le(d + at, 4);
		at += 4;
		for (uint32_t k = 0; k < forms; k++)
			at = skip_string(d, at) + 8;
		if (i == 0)
			l.entity_evidence = at;
		uint32_t evidence = (uint32_t)get_le(d + at, 4);
		at += 4;
		for (uint32_t k = 0; k < evidence; k++)
			at = skip_string(d, at + 8);
	}
	l.pairs = at;
	uint64_t m = get_le(d + at, 8);
	at += 8;
	for (uint64_t i = 0; i < m; i++) {
		if (i < 2)
			l.pair_a[i] = at;
		if (i == 0)
			l.weight = at + 16;
		at += 32;
		uint32_t evidence = (uint32_t)get_le(d + at, 4);
		at += 4;
		if (i == 0)
			l.evidence_position = at;
		for (uint32_t k = 0; k < evidence; k++)
			at = skip_string(d, at + 8);
		for (uint32_t k = 0; k < 3; k++)
			at = skip_string(d, at);
	}
	return l;
}

/* Writes bytes[0, size) to path with a right checksum after them. */
static void write_sealed(const char *path, const unsigned char *bytes, size_t size)
{
	unsigned char sum[16];
	eg_partial_checksum(bytes, size, sum);
	FILE *fp = fopen(path, "wb");
	CHECK(fp != NULL);
	fwrite(bytes, 1, size, fp);
	fwrite(sum, 1, sizeof(sum), fp);
	fclose(fp);
}

/* Reads path into counts (fresh ones when counts is NULL) and returns the
 * error: the read must fail, naming the file, never saying "(null)". */
static const char *refused(const char *path, eg_cooc *counts, eg_entities *ents)
{
	static eg_error err;
	eg_entities *none = NULL, *own = NULL;
	eg_cooc *c = counts;
	if (!c) {
		none = eg_entities_new();
		own = ents = eg_entities_extend(none);
		c = eg_cooc_new((eg_window){EG_WINDOW_PARAGRAPH, 0});
	}
	eg_partial_info info;
	int rc = eg_partial_read(path, c, ents, &info, &err);
	CHECK_INT(rc, -1);
	if (rc == 0)
		eg_partial_info_free(&info);
	CHECK(info.shards == NULL);
	CHECK(strncmp(err.message, path, strlen(path)) == 0 && err.message[strlen(path)] == ':');
	CHECK(strstr(err.message, "(null)") == NULL);
	if (!counts) {
		eg_cooc_free(c);
		eg_entities_free(own);
		eg_entities_free(none);
	}
	return err.message;
}

/* The valid partial base[0, size) (checksum cut off) with `bytes` at `at`,
 * resealed: refused with a message holding want. */
static void expect_crafted(const unsigned char *base, size_t size, size_t at, const void *bytes, size_t n,
			   const char *want)
{
	unsigned char *copy = eg_xmalloc(size);
	memcpy(copy, base, size);
	memcpy(copy + at, bytes, n);
	char path[600];
	snprintf(path, sizeof(path), "%s/crafted", dir);
	write_sealed(path, copy, size);
	const char *message = refused(path, NULL, NULL);
	if (!strstr(message, want)) {
		fprintf(stderr, "crafted at %zu: \"%s\" lacks \"%s\"\n", at, message, want);
		CHECK(0);
	}
	unlink(path);
	free(copy);
}

static void expect_crafted_number(const unsigned char *base, size_t size, size_t at, int bytes, uint64_t v,
				  const char *want)
{
	unsigned char x[8];
	put_le(x, bytes, v);
	expect_crafted(base, size, at, x, (size_t)bytes, want);
}

/* Crafted partials: valid checksums over hostile fields.  Each is refused
 * with a message naming the file and the field, with nothing allocated
 * beyond what the file holds (ASan and UBSan check the rest). */
static void test_crafted(const char *valid)
{
	size_t size;
	eg_error err;
	unsigned char *d = (unsigned char *)eg_read_file(valid, &size, &err);
	CHECK(d != NULL && size > 200);
	size -= 16; /* the checksum, made again for each */
	layout l = walk(d);
	CHECK(get_le(d + l.entities, 8) >= 2 && get_le(d + l.pairs, 8) >= 2);

	expect_crafted_number(d, size, 28, 4, 7, "(window kind 7 is not one of 0 to 3)");
	expect_crafted_number(d, size, 28, 4, EG_WINDOW_TOKENS, "(window kind 3 with 0 tokens)");
	expect_crafted_number(d, size, 36, 4, 1, "(a window budget of 1 entity)");
	expect_crafted_number(d, size, 40, 4, EG_EVIDENCE_LIMIT + 1, "(an evidence cap of 101, more than 100)");
	expect_crafted_number(d, size, 40, 4, 0, "evidence ids for 2 documents (cap 0))"); /* pair 1 has 2 */
	expect_crafted_number(d, size, 40, 4, 1, "(entity 1: 2 evidence ids for 2 documents (cap 1))");
	expect_crafted_number(d, size, 44, 4, 4294967295u, "(4294967295 shards, not 1 to 1000000)");
	expect_crafted_number(d, size, 44, 4, 0, "(0 shards, not 1 to 1000000)");
	expect_crafted_number(d, size, 48, 4, 0, "(holds 0 shards of 3)");
	expect_crafted_number(d, size, 48, 4, 4, "(holds 4 shards of 3)");
	expect_crafted_number(d, size, 48, 4, 3, "(bad shard list: shard "); /* 3 of 3, but 2 listed */
	expect_crafted_number(d, size, 52, 4, 9, "(bad shard list: shard 9 of 3)");
	expect_crafted_number(d, size, 52, 4, 0, "(bad shard list: shard 0 of 3)");
	expect_crafted_number(d, size, 8, 4, 1, "format version 1, which this entgraph no longer reads; write it again");
	expect_crafted_number(d, size, 8, 4, 2, "format version 2, which this entgraph no longer reads; write it again");
	expect_crafted_number(d, size, 8, 4, 3, "format version 3, which this entgraph no longer reads; write it again");
	expect_crafted_number(d, size, 8, 4, 4, "format version 4, which this entgraph no longer reads; write it again");
	expect_crafted_number(d, size, 8, 4, 5, "format version 5, which this entgraph no longer reads; write it again");
	expect_crafted_number(d, size, 8, 4, 7, "format version 7; this entgraph reads version 6");
	expect_crafted_number(d, size, l.evidence_documents, 8, (uint64_t)1 << 40, "documents claimed in");
	expect_crafted_number(d, size, l.evidence_position, 8, 1000, "(pair 1: evidence document 1000 of");
	expect_crafted_number(d, size, l.entities, 8, (uint64_t)1 << 40, "(1099511627776 entities claimed in");
	expect_crafted_number(d, size, l.entities, 8, UINT64_MAX, "entities claimed in");
	expect_crafted_number(d, size, l.pairs, 8, (uint64_t)1 << 62, "pairs claimed in");
	expect_crafted_number(d, size, l.documents, 8, 0, "documents of 0)");
	expect_crafted_number(d, size, l.dates, 4, 1000, "(a string in the header holds a NUL byte)");
	expect_crafted_number(d, size, l.mentions, 8, 0, "(entity 1: documents, sources or dates without a mention)");
	/* Surface forms: at most EG_FORMS_MAX, not empty, no more mentions than the entity's. */
	CHECK(get_le(d + l.forms, 4) >= 1);
	expect_crafted_number(d, size, l.forms, 4, EG_FORMS_MAX + 1, "(entity 1: 17 surface forms, at most 16)");
	expect_crafted_number(d, size, l.forms + 4, 4, 0, "(entity 1: surface form 1 is empty");
	size_t form_count_at = skip_string(d, l.forms + 4);
	expect_crafted_number(d, size, form_count_at, 8, 0, "(entity 1: surface form 1 is empty, longer than");
	expect_crafted_number(d, size, form_count_at, 8, get_le(d + l.mentions, 8) + 1,
			      "has more mentions than its entity)");
	/* The entity's evidence: at least one item under a cap, no more than its
	 * documents, positions in the table. */
	CHECK(get_le(d + l.entity_evidence, 4) >= 1);
	expect_crafted_number(d, size, l.entity_evidence, 4, 0, "(entity 1: 0 evidence ids for");
	expect_crafted_number(d, size, l.entity_evidence, 4, get_le(d + l.mentions + 8, 8) + 1, "evidence ids for");
	expect_crafted_number(d, size, l.entity_evidence + 4, 8, 1000, "(entity 1: evidence document 1000 of");
	expect_crafted(d, size, l.label + 4, "", 1, "holds a NUL byte");
	expect_crafted(d, size, l.entities + 8 + 4, "o", 1, "(entity 1 has no valid type or label)");
	expect_crafted_number(d, size, l.label, 4, 0xffffffffu, "(it ends inside an entity)");
	CHECK_INT(get_le(d + l.date, 4), 10);
	expect_crafted(d, size, l.date + 4, "2024-13-45", 10, "(entity 1: dates \"2024-13-45\" to");
	expect_crafted(d, size, l.date + 4, "2023-02-29", 10, "(entity 1: dates \"2023-02-29\" to");
	expect_crafted(d, size, l.date + 4, "!not-date!", 10, "are not a range of YYYY-MM-DD dates");
	expect_crafted(d, size, l.date + 4, "2999-01-01", 10, "are not a range of YYYY-MM-DD dates");
	expect_crafted_number(d, size, l.pair_a[0], 8, 99, "(pair 1: entities 99 and");
	expect_crafted_number(d, size, l.pair_a[0] + 8, 8, get_le(d + l.pair_a[0], 8), "(pair 1: entities");
	expect_crafted(d, size, l.pair_a[1], d + l.pair_a[0], 16, "(pair 2 does not come after pair 1)");
	expect_crafted_number(d, size, l.weight, 8, 0, "(pair 1: 0 windows in");
	expect_crafted_number(d, size, l.weight + 8, 8, 0, "(pair 1: ");
	expect_crafted_number(d, size, l.weight + 16, 4, 6, "(pair 1: 6 evidence ids for");
	/* The last relation ends in two strings (document, sentence): found
	 * from the end, its documents more than its instances, then none. */
	size_t end = size, strings = 0;
	for (size_t k = 0; k < 2000 && strings < 2 && k + 4 <= end; k++) {
		if (get_le(d + end - 4 - k, 4) == k) {
			end -= 4 + k;
			strings++;
			k = (size_t)-1;
		}
	}
	CHECK_INT(strings, 2);
	CHECK(get_le(d + end - 16, 8) >= 1 && get_le(d + end - 8, 8) >= 1);
	expect_crafted_number(d, size, end - 8, 8, 9, "instances in 9 documents");
	expect_crafted_number(d, size, end - 16, 8, 0, "0 instances in");

	/* Cut anywhere and resealed: refused, never read past the end (cut in
	 * the version, the checksum's bytes are read as one). */
	char path[600];
	snprintf(path, sizeof(path), "%s/cut", dir);
	for (size_t cut = 0; cut < size; cut++) {
		write_sealed(path, d, cut);
		const char *message = refused(path, NULL, NULL);
		if (!strstr(message, "damaged partial result") && !strstr(message, "not an entgraph") &&
		    !strstr(message, "format version")) {
			fprintf(stderr, "cut at %zu: %s\n", cut, message);
			CHECK(0);
		}
	}
	/* An endless file is refused by its first bytes, not read whole. */
	CHECK(strstr(refused("/dev/zero", NULL, NULL), "/dev/zero: not an entgraph partial result") != NULL);
	/* Left over bytes. */
	unsigned char *longer = eg_xmalloc(size + 3);
	memcpy(longer, d, size);
	memset(longer + size, 0, 3);
	write_sealed(path, longer, size + 3);
	CHECK(strstr(refused(path, NULL, NULL), "(3 bytes left over)") != NULL);
	free(longer);

	/* Counts that each fit but overflow when two files add up. */
	struct {
		size_t at;
		const char *want;
	} sums[] = {{l.documents, "counts overflow (more than 2^64 - 1 documents"}, /* 2^63 each */
		    {l.mentions, "counts overflow (entity "},
		    {l.weight, "counts overflow (pair "}};
	for (size_t k = 0; k < sizeof(sums) / sizeof(sums[0]); k++) {
		unsigned char *copy = eg_xmalloc(size);
		memcpy(copy, d, size);
		put_le(copy + l.documents, 8, (uint64_t)1 << 62);
		put_le(copy + sums[k].at, 8, (uint64_t)1 << 63);
		write_sealed(path, copy, size);
		free(copy);
		eg_entities *none = eg_entities_new(), *ents = eg_entities_extend(none);
		eg_cooc *c = eg_cooc_new((eg_window){EG_WINDOW_PARAGRAPH, 0});
		eg_partial_info info;
		CHECK_INT(eg_partial_read(path, c, ents, &info, &err), 0);
		eg_partial_info_free(&info);
		const char *message = refused(path, c, ents);
		if (!strstr(message, sums[k].want)) {
			fprintf(stderr, "\"%s\" lacks \"%s\"\n", message, sums[k].want);
			CHECK(0);
		}
		eg_cooc_free(c);
		eg_entities_free(ents);
		eg_entities_free(none);
	}
	unlink(path);
	free(d);
}

int main(void)
{
	CHECK(mkdtemp(dir) != NULL);
	eg_window w = {EG_WINDOW_PARAGRAPH, 0};

	/* One run over everything. */
	eg_entities *none = eg_entities_new(), *all = eg_entities_extend(none);
	eg_cooc *whole = eg_cooc_new(w);
	count(whole, all, NULL);
	char *want = dump(whole, all);

	/* Three shards, each with its own entity table (other indexes). */
	static const int shard_of[DOCS] = {2, 0, 1, 2, 0, 1, 0};
	const char *files[3] = {"s1", "s2", "s3"};
	for (uint32_t s = 0; s < 3; s++) {
		int keep[DOCS];
		for (size_t i = 0; i < DOCS; i++)
			keep[i] = shard_of[i] == (int)s;
		eg_entities *ents = eg_entities_extend(none);
		eg_cooc *c = eg_cooc_new(w);
		/* Intern the names in another order than the whole run did. */
		for (size_t k = sizeof(names) / sizeof(names[0]); k-- > 0;)
			eg_entities_intern(ents, types[k], names[k], strlen(names[k]), NULL);
		count(c, ents, keep);
		uint32_t shard = s + 1;
		write_partial(files[s], c, ents, 3, &shard, 1);
		eg_cooc_free(c);
		eg_entities_free(ents);
	}

	/* Any order of the three gives the whole run's counts. */
	const char *orders[][3] = {{"s1", "s2", "s3"}, {"s3", "s1", "s2"}, {"s2", "s3", "s1"}};
	for (size_t k = 0; k < 3; k++) {
		char *got = merge(orders[k], 3, NULL);
		CHECK_STR(got, want);
		free(got);
	}
	CHECK(strstr(want, "pair org.microsoft product.azure 4 4 2022-03-03 2025-02-01 [Microsoft sold Azure.] d1 d3 d4 d7") !=
	      NULL);
	CHECK(strstr(want, "entity org.microsoft Microsoft test 6 5 2022-03-03 2025-02-01 <+972 Magazine> <AP> <Reuters> "
			   "<The Guardian> \"Microsoft\" x6 {d1|2024-01-05|Sold, \"at last\"|Microsoft sold Azure.} "
			   "{d2|-|-|Microsoft lost.} {d3|2023-11-30|Unit\n8200|Unit 8200 used Azure from Microsoft.} "
			   "{d4|2025-02-01|Three|Google, Amazon and Microsoft.} "
			   "{d7|2022-03-03|Again|Azure and Microsoft, Azure again, Microsoft again.}\n") != NULL);

	/* A merge of two written back as a partial, then merged with the third:
	 * the same again, and the merged partial lists both shards. */
	eg_entities *ents = eg_entities_extend(none);
	eg_cooc *c = eg_cooc_new(w);
	eg_partial_info info;
	eg_error err;
	char path[600];
	snprintf(path, sizeof(path), "%s/s3", dir);
	CHECK_INT(eg_partial_read(path, c, ents, &info, &err), 0);
	eg_partial_info_free(&info);
	snprintf(path, sizeof(path), "%s/s1", dir);
	CHECK_INT(eg_partial_read(path, c, ents, &info, &err), 0);
	eg_partial_info_free(&info);
	uint32_t both[] = {1, 3};
	write_partial("s13", c, ents, 3, both, 2);
	eg_cooc_free(c);
	eg_entities_free(ents);
	const char *tree[] = {"s2", "s13"};
	char *got = merge(tree, 2, &info);
	CHECK_STR(got, want);
	free(got);
	CHECK_INT(info.shard_count, 3);
	CHECK_INT(info.shards_held, 2);
	CHECK_INT(info.shards[0], 1);
	CHECK_INT(info.shards[1], 3);
	CHECK_INT(info.window.kind, EG_WINDOW_PARAGRAPH);
	eg_partial_info_free(&info);

	/* Damage is refused by name: a cut file and a changed byte. */
	snprintf(path, sizeof(path), "%s/s1", dir);
	size_t size;
	char *bytes = eg_read_file(path, &size, &err);
	CHECK(bytes != NULL);
	char cut[600];
	snprintf(cut, sizeof(cut), "%s/cut", dir);
	FILE *fp = fopen(cut, "wb");
	fwrite(bytes, 1, size / 2, fp);
	fclose(fp);
	ents = eg_entities_extend(none);
	c = eg_cooc_new(w);
	CHECK_INT(eg_partial_read(cut, c, ents, &info, &err), -1);
	CHECK(strstr(err.message, "checksum mismatch") != NULL && strstr(err.message, cut) != NULL);
	bytes[size / 3] ^= 1;
	fp = fopen(cut, "wb");
	fwrite(bytes, 1, size, fp);
	fclose(fp);
	CHECK_INT(eg_partial_read(cut, c, ents, &info, &err), -1);
	CHECK(strstr(err.message, "checksum mismatch") != NULL);
	fp = fopen(cut, "wb");
	fputs("not a partial", fp);
	fclose(fp);
	CHECK_INT(eg_partial_read(cut, c, ents, &info, &err), -1);
	CHECK(strstr(err.message, "not an entgraph partial result") != NULL);
	free(bytes);
	eg_cooc_free(c);
	eg_entities_free(ents);

	snprintf(path, sizeof(path), "%s/s13", dir);
	test_crafted(path);

	for (const char *const *f = (const char *const[]){"s1", "s2", "s3", "s13", "cut", NULL}; *f; f++) {
		snprintf(path, sizeof(path), "%s/%s", dir, *f);
		unlink(path);
	}
	rmdir(dir);
	free(want);
	eg_cooc_free(whole);
	eg_entities_free(all);
	eg_entities_free(none);
	return check_result("partial");
}
