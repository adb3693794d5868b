/* Partial results: what a shard writes reads back exactly, and merging
 * partials in any order and grouping gives the counts of one run over all
 * the documents, evidence and snippets included. */
#include "check.h"
#include "store/partial.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char *const names[] = {"Microsoft", "Azure", "Google", "Amazon", "Unit 8200"};
static const char *const types[] = {"ORG", "PRODUCT", "ORG", "ORG", "UNIT"};

typedef struct doc_spec {
	const char *id, *date, *source, *text;
} doc_spec;

static const doc_spec docs[] = {
	{"d1", "2024-01-05", "Reuters", "Microsoft sold Azure. Google watched."},
	{"d2", NULL, NULL, "Amazon and Google bid. Microsoft lost."},
	{"d3", "2023-11-30", "The Guardian", "Unit 8200 used Azure from Microsoft."},
	{"d4", "2025-02-01", "AP", "Google, Amazon and Microsoft. Azure too."},
	{"d5", NULL, "AP", "Nothing to see here."},
	{"d6", "2024-06-06", "Reuters", "Unit 8200 met Google and Amazon."},
	{"d7", "2022-03-03", "+972 Magazine", "Azure and Microsoft, Azure again, Microsoft again."},
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
				 .text = (char *)docs[i].text, .length = strlen(docs[i].text)};
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
	char buf[1024];
	for (uint32_t e = 0; e < eg_cooc_entity_limit(c); e++) {
		eg_entity_counts x = eg_cooc_entity(c, e);
		if (!x.mentions)
			continue;
		int len = snprintf(buf, sizeof(buf), "entity %s %s %s %llu %llu %s %s", eg_entity_id(ents, e),
				   eg_entity_label(ents, e), eg_entity_category(ents, e), (unsigned long long)x.mentions,
				   (unsigned long long)x.documents, x.first_date ? x.first_date : "-",
				   x.last_date ? x.last_date : "-");
		for (uint32_t k = 0; k < x.source_count; k++)
			len += snprintf(buf + len, sizeof(buf) - (size_t)len, " <%s>", x.sources[k]);
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
			len += snprintf(buf + len, sizeof(buf) - (size_t)len, " %s", pairs[i].evidence[k]);
		lines[n++] = eg_xstrdup(buf);
	}
	free(pairs);
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
	eg_partial_info info = {.window = {EG_WINDOW_PARAGRAPH, 0}, .shard_count = of, .shards = shards,
				.shards_held = held};
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
			   "<The Guardian>\n") != NULL);

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
