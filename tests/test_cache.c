/* The cache: a run's counts larger than one row come back byte for byte;
 * a row altered, moved or missing is counted as damaged and not used; only
 * the newest EG_CACHE_COUNTS runs' counts are kept; per-document rows are
 * checked the same way; another program's database is refused unchanged. */
#include "check.h"
#include "store/cache.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char dir[] = "/tmp/eg-test-cache-XXXXXX";
static char path[256];

/* Counts of n entities with long labels, each paired with the next, so
 * that their partial spans several EG_CACHE_CHUNK rows. */
static eg_cooc *make_counts(eg_entities *ents, uint32_t n)
{
	eg_cooc *c = eg_cooc_new((eg_window){EG_WINDOW_SENTENCE, 0});
	eg_cooc_merge_documents(c, n);
	char label[300], snippet[EG_SNIPPET_MAX + 1];
	for (uint32_t i = 0; i < n; i++) {
		int len = snprintf(label, sizeof(label), "Entity %u of a corpus that names things at length", i);
		while (len < 250)
			label[len++] = (char)('a' + i % 26);
		label[len] = '\0';
		uint32_t e = eg_entities_intern(ents, "ORG", label, (size_t)len, NULL);
		eg_entity_counts x = {.mentions = 1 + i % 7, .documents = 1, .first_date = "2024-01-01",
				      .last_date = "2024-02-01", .sources = {"Reuters"}, .source_count = 1,
				      .evidence_count = 1};
		eg_evidence doc = {.document = "doc", .title = "A title", .sentence = label};
		eg_cooc_merge_entity(c, e, &x, &doc);
	}
	memset(snippet, 's', EG_SNIPPET_MAX);
	snippet[EG_SNIPPET_MAX] = '\0';
	for (uint32_t i = 0; i + 1 < n; i++) {
		eg_pair_counts p = {.a = i, .b = i + 1, .weight = 2, .documents = 1, .evidence_count = 1,
				    .snippet = snippet};
		eg_evidence doc = {.document = "doc", .title = "A title", .url = "https://example.org/doc",
				   .sentence = snippet};
		eg_cooc_merge_pair(c, &p, &doc);
	}
	eg_cooc_compact(c);
	return c;
}

/* The partial of counts, in memory (caller frees). */
static char *partial_bytes(const eg_cooc *c, const eg_entities *ents, size_t *n)
{
	uint32_t shard = 1;
	eg_partial_info info = {.window = {EG_WINDOW_SENTENCE, 0}, .evidence = 1, .shard_count = 1, .shards = &shard,
				.shards_held = 1};
	char *data = NULL;
	FILE *fp = open_memstream(&data, n);
	eg_error err;
	CHECK(eg_partial_write(fp, c, ents, &info, &err) == 0);
	fclose(fp);
	return data;
}

static eg_cache_key key_of(const char *s)
{
	return eg_cache_key_of(s, strlen(s));
}

static const eg_cache_key fingerprint = {{0}};

/* Looks counts up under name: 1 found with the bytes of want, else 0. */
static int counts_found(const char *name, const char *want, size_t want_n, size_t *damaged)
{
	eg_error err;
	eg_cache *cache = eg_cache_open(path, &fingerprint, &err);
	CHECK(cache != NULL);
	if (!cache)
		return 0;
	eg_entities *none = eg_entities_new();
	eg_entities *ents = eg_entities_extend(none);
	eg_cooc *c = eg_cooc_new((eg_window){EG_WINDOW_SENTENCE, 0});
	eg_partial_info info;
	eg_cache_key key = key_of(name);
	int found = eg_cache_counts_get(cache, &key, c, ents, &info);
	if (found) {
		eg_partial_info_free(&info);
		eg_cooc_compact(c);
		size_t n;
		char *got = partial_bytes(c, ents, &n);
		CHECK(want && n == want_n && memcmp(got, want, n) == 0);
		free(got);
	}
	*damaged = eg_cache_damaged(cache);
	CHECK(eg_cache_close(cache, &err) == 0);
	eg_cooc_free(c);
	eg_entities_free(ents);
	eg_entities_free(none);
	return found;
}

static void sql(const char *statements)
{
	sqlite3 *db;
	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	CHECK(sqlite3_exec(db, statements, NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(db);
}

/* Puts run from's first chunk in place of run to's. */
static void move_first_part(const eg_cache_key *from, const eg_cache_key *to)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	CHECK(sqlite3_prepare_v2(db, "DELETE FROM counts WHERE run = ?2 AND part = 0; ", -1, &st, NULL) == SQLITE_OK);
	sqlite3_bind_blob(st, 2, to->bytes, sizeof(to->bytes), SQLITE_STATIC);
	CHECK(sqlite3_step(st) == SQLITE_DONE);
	sqlite3_finalize(st);
	CHECK(sqlite3_prepare_v2(db, "UPDATE counts SET run = ?2 WHERE run = ?1 AND part = 0", -1, &st, NULL) == SQLITE_OK);
	sqlite3_bind_blob(st, 1, from->bytes, sizeof(from->bytes), SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, to->bytes, sizeof(to->bytes), SQLITE_STATIC);
	CHECK(sqlite3_step(st) == SQLITE_DONE);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static void test_counts(void)
{
	eg_entities *ents = eg_entities_new();
	eg_cooc *c = make_counts(ents, 6000);
	size_t n;
	char *want = partial_bytes(c, ents, &n);
	CHECK(n > 2 * EG_CACHE_CHUNK);
	uint32_t shard = 1;
	eg_partial_info info = {.window = {EG_WINDOW_SENTENCE, 0}, .evidence = 1, .shard_count = 1, .shards = &shard,
				.shards_held = 1};
	eg_error err;
	eg_cache *cache = eg_cache_open(path, &fingerprint, &err);
	CHECK(cache != NULL);
	eg_cache_key a = key_of("a"), b = key_of("b"), k = key_of("c");
	CHECK(eg_cache_counts_put(cache, &a, c, ents, &info, &err) == 0);
	CHECK(eg_cache_close(cache, &err) == 0);

	size_t damaged;
	CHECK_INT(counts_found("a", want, n, &damaged), 1);
	CHECK_INT(damaged, 0);
	CHECK_INT(counts_found("nothing", NULL, 0, &damaged), 0);
	CHECK_INT(damaged, 0);

	/* One chunk altered: the whole is damaged, and not used. */
	sql("UPDATE counts SET bytes = zeroblob(length(bytes)) WHERE part = 1");
	CHECK_INT(counts_found("a", NULL, 0, &damaged), 0);
	CHECK_INT(damaged, 1);
	/* Stored again, then a chunk missing. */
	cache = eg_cache_open(path, &fingerprint, &err);
	CHECK(eg_cache_counts_put(cache, &a, c, ents, &info, &err) == 0);
	CHECK(eg_cache_close(cache, &err) == 0);
	CHECK_INT(counts_found("a", want, n, &damaged), 1);
	sql("DELETE FROM counts WHERE part = 2");
	CHECK_INT(counts_found("a", NULL, 0, &damaged), 0);
	CHECK_INT(damaged, 1);
	/* A chunk moved under another run's key fails its checksum too. */
	cache = eg_cache_open(path, &fingerprint, &err);
	CHECK(eg_cache_counts_put(cache, &a, c, ents, &info, &err) == 0);
	CHECK(eg_cache_counts_put(cache, &b, c, ents, &info, &err) == 0);
	CHECK(eg_cache_close(cache, &err) == 0);
	move_first_part(&a, &b);
	size_t damaged_a, damaged_b;
	int found = counts_found("a", want, n, &damaged_a) + counts_found("b", want, n, &damaged_b);
	CHECK_INT(found, 0);
	CHECK_INT(damaged_a + damaged_b, 2);

	/* The newest EG_CACHE_COUNTS are kept. */
	sql("DELETE FROM counts");
	cache = eg_cache_open(path, &fingerprint, &err);
	CHECK(eg_cache_counts_put(cache, &a, c, ents, &info, &err) == 0);
	CHECK(eg_cache_counts_put(cache, &b, c, ents, &info, &err) == 0);
	CHECK(eg_cache_counts_put(cache, &k, c, ents, &info, &err) == 0);
	CHECK(eg_cache_close(cache, &err) == 0);
	CHECK_INT(EG_CACHE_COUNTS, 2);
	CHECK_INT(counts_found("a", NULL, 0, &damaged), 0);
	CHECK_INT(counts_found("b", want, n, &damaged), 1);
	CHECK_INT(counts_found("c", want, n, &damaged), 1);
	CHECK_INT(damaged, 0);
	free(want);
	eg_cooc_free(c);
	eg_entities_free(ents);
}

/* A document's mentions row, checked like the counts. */
static int mentions_found(size_t *damaged)
{
	eg_error err;
	eg_cache *cache = eg_cache_open(path, &fingerprint, &err);
	eg_entities *found = eg_entities_new();
	eg_mentions m = {0};
	eg_cache_key key = key_of("Microsoft is a company.");
	int rc = eg_cache_get(cache, &key, 23, found, &m);
	if (rc == 1)
		CHECK(m.n == 1 && strcmp(eg_entity_label(found, m.v[0].entity), "Microsoft") == 0);
	*damaged = eg_cache_damaged(cache);
	eg_cache_close(cache, &err);
	eg_mentions_free(&m);
	eg_entities_free(found);
	return rc;
}

static void test_mentions(void)
{
	eg_error err;
	eg_entities *ents = eg_entities_new();
	eg_mention m = {.start = 0, .end = 9, .tok_start = 0, .tok_end = 1, .sentence_end = 23, .source = EG_SOURCE_DICT,
			.entity = eg_entities_intern(ents, "ORG", "Microsoft", 9, NULL)};
	eg_cache *cache = eg_cache_open(path, &fingerprint, &err);
	eg_cache_key key = key_of("Microsoft is a company.");
	eg_cache_put(cache, &key, ents, &m, 1);
	CHECK(eg_cache_close(cache, &err) == 0);
	size_t damaged;
	CHECK_INT(mentions_found(&damaged), 1);
	CHECK_INT(damaged, 0);
	sql("UPDATE results SET mentions = CAST(replace(CAST(mentions AS TEXT), 'Microsoft', 'Macrosoft') AS BLOB)");
	CHECK_INT(mentions_found(&damaged), 0);
	CHECK_INT(damaged, 1);
	eg_entities_free(ents);
}

static char *file_bytes(const char *p, size_t *n)
{
	eg_error err;
	return eg_read_file(p, n, &err);
}

static void test_foreign(void)
{
	unlink(path);
	sql("CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('Ada')");
	size_t n, m;
	char *before = file_bytes(path, &n);
	eg_error err;
	eg_cache *cache = eg_cache_open(path, &fingerprint, &err);
	CHECK(cache == NULL);
	CHECK(strstr(err.message, "not an entgraph cache (it has other tables)") != NULL);
	char *after = file_bytes(path, &m);
	CHECK(before && after && n == m && memcmp(before, after, n) == 0);
	free(before);
	free(after);
}

int main(void)
{
	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/c.db", dir);
	test_counts();
	test_mentions();
	test_foreign();
	const char *suffixes[] = {"", "-wal", "-shm"};
	for (size_t i = 0; i < 3; i++) {
		char p[300];
		snprintf(p, sizeof(p), "%s%s", path, suffixes[i]);
		unlink(p);
	}
	CHECK(rmdir(dir) == 0);
	return check_result("cache");
}
