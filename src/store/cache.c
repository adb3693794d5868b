#include "store/cache.h"
#include "util/map.h"

#include <errno.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
#include <xxhash.h>

/* Bump when the row format below changes: older rows are then ignored. */
#define FORMAT 1

/* PRAGMA application_id marks a database as an entgraph cache ("EGRC"),
 * PRAGMA user_version its schema.  Schema 2 added the row checksums and the
 * counts, and dropped the output copies of schema 1 (user_version 0, no
 * application_id): such a cache is emptied and set up afresh.  Schema 3
 * keeps the counts as partials of version 3 (with the evidence documents'
 * metadata and sentences), schema 4 as partials of version 4 (with the
 * entities' surface forms and listed names); schema 5 adds the last
 * graph's picture (pictures); schema 6 keeps partials of version 5 (with
 * the entities' evidence), schema 7 of version 6 (with relations); older
 * caches are emptied the same way. */
#define APPLICATION_ID 0x45475243
#define SCHEMA 7

struct eg_cache {
	sqlite3 *db;
	sqlite3_stmt *get, *put;
	char *path;
	eg_cache_key fingerprint;
	int in_transaction;
	eg_buf row;
	eg_strmap strings; /* one row's entity strings */
	size_t damaged;
	int failed;        /* a database error happened: do nothing from now on */
	eg_error failure;  /* the first one */
};

eg_cache_key eg_cache_key_of(const char *text, size_t length)
{
	XXH128_canonical_t canonical;
	XXH128_canonicalFromHash(&canonical, XXH3_128bits(text, length));
	eg_cache_key key;
	memcpy(key.bytes, canonical.digest, sizeof(key.bytes));
	return key;
}

static int db_error(eg_cache *c, eg_error *err, const char *what)
{
	return eg_error_set(err, "%s: %s: %s", c->path, what, sqlite3_errmsg(c->db));
}

/* Records the run's first database error and gives the cache up: what it
 * holds is still good, but nothing more is read or written this run. */
static int give_up(eg_cache *c, const char *what)
{
	if (!c->failed) {
		db_error(c, &c->failure, what);
		c->failed = 1;
		if (c->in_transaction)
			sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
		c->in_transaction = 0;
	}
	return 0;
}

static int exec(eg_cache *c, const char *sql, eg_error *err)
{
	if (sqlite3_exec(c->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_error(c, err, sql);
	return 0;
}

/* A row's checksum: XXH3-64 of its table's tag, its key and its contents,
 * so that a row moved under another key fails as surely as one altered. */
typedef struct row_sum {
	XXH3_state_t *state;
} row_sum;

static void sum_start(row_sum *s, char table)
{
	s->state = XXH3_createState();
	XXH3_64bits_reset(s->state);
	XXH3_64bits_update(s->state, &table, 1);
}

static void sum_add(row_sum *s, const void *data, size_t n)
{
	XXH3_64bits_update(s->state, data, n);
}

static void sum_add_u64(row_sum *s, uint64_t v)
{
	unsigned char x[8];
	for (int i = 0; i < 8; i++)
		x[i] = (unsigned char)(v >> (8 * i));
	XXH3_64bits_update(s->state, x, sizeof(x));
}

static sqlite3_int64 sum_end(row_sum *s)
{
	uint64_t v = XXH3_64bits_digest(s->state);
	XXH3_freeState(s->state);
	sqlite3_int64 out;
	memcpy(&out, &v, sizeof(out));
	return out;
}

static void close_db(eg_cache *c)
{
	sqlite3_finalize(c->get);
	sqlite3_finalize(c->put);
	sqlite3_close(c->db);
	free(c->path);
	eg_buf_free(&c->row);
	eg_strmap_free(&c->strings);
	free(c);
}

/* One integer from a PRAGMA; -1 with err set when it cannot be read. */
static int pragma_int(eg_cache *c, const char *sql, int64_t *out, eg_error *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_error(c, err, "cannot read it");
	int rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_error(c, err, "cannot read it");
}

/* The tables schema 1 created, all of them on every open. */
static int old_table(const char *name)
{
	return strcmp(name, "results") == 0 || strcmp(name, "outputs") == 0 || strcmp(name, "stamps") == 0;
}

/* What the database at c is, read without changing it: 1 our cache in
 * the current schema, 0 a database to set up as one (empty, or an older
 * entgraph cache), -1 with err set when it must be left alone. */
static int inspect(eg_cache *c, eg_error *err)
{
	if (sqlite3_db_readonly(c->db, "main") == 1)
		return eg_error_set(err, "%s: the cache is read-only", c->path);
	int64_t id, version;
	if (pragma_int(c, "PRAGMA application_id", &id, err) < 0 || pragma_int(c, "PRAGMA user_version", &version, err) < 0)
		return -1;
	if (id == APPLICATION_ID) {
		if (version > SCHEMA)
			return eg_error_set(err, "%s: a cache of a newer entgraph (schema %lld)", c->path, (long long)version);
		return version == SCHEMA;
	}
	if (id != 0)
		return eg_error_set(err, "%s: not an entgraph cache (its application_id is %lld)", c->path, (long long)id);
	/* No mark: empty, or a schema 1 cache, which has exactly its three
	 * tables.  Anything else is another program's database. */
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(c->db, "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex_%'",
			       -1, &st, NULL) != SQLITE_OK)
		return db_error(c, err, "cannot read it");
	int rc, objects = 0, ours = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		objects++;
		ours += strcmp((const char *)sqlite3_column_text(st, 0), "table") == 0 &&
			old_table((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(c, err, "cannot read it");
	if (objects && (objects != 3 || ours != 3))
		return eg_error_set(err, "%s: not an entgraph cache (it has other tables)", c->path);
	return 0;
}

/* Sets the schema up (dropping a schema 1 cache's tables), unless another
 * run did so first. */
static int set_up(eg_cache *c, eg_error *err)
{
	if (exec(c, "BEGIN IMMEDIATE", err) < 0)
		return -1;
	int rc = inspect(c, err);
	if (rc == 0) {
		char sql[160];
		snprintf(sql, sizeof(sql), "PRAGMA application_id=%d; PRAGMA user_version=%d", APPLICATION_ID, SCHEMA);
		if (exec(c,
			 "DROP TABLE IF EXISTS results; DROP TABLE IF EXISTS outputs; DROP TABLE IF EXISTS stamps;"
			 "DROP TABLE IF EXISTS counts; DROP TABLE IF EXISTS pictures;"
			 "CREATE TABLE results (configuration BLOB NOT NULL, text BLOB NOT NULL, format INTEGER NOT NULL,"
			 " mentions BLOB NOT NULL, checksum INTEGER NOT NULL,"
			 " PRIMARY KEY (configuration, text)) WITHOUT ROWID;"
			 "CREATE TABLE counts (run BLOB NOT NULL, part INTEGER NOT NULL, parts INTEGER NOT NULL,"
			 " written INTEGER NOT NULL, bytes BLOB NOT NULL, checksum INTEGER NOT NULL, UNIQUE (run, part));"
			 "CREATE TABLE stamps (files BLOB PRIMARY KEY, content BLOB NOT NULL, documents INTEGER NOT NULL,"
			 " time INTEGER NOT NULL, checksum INTEGER NOT NULL);"
			 "CREATE TABLE pictures (view TEXT NOT NULL, id TEXT NOT NULL, x REAL NOT NULL, y REAL NOT NULL,"
			 " community INTEGER NOT NULL, documents INTEGER NOT NULL, checksum INTEGER NOT NULL,"
			 " PRIMARY KEY (view, id)) WITHOUT ROWID",
			 err) < 0 ||
		    exec(c, sql, err) < 0)
			rc = -1;
	}
	if (rc < 0) {
		sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return exec(c, "COMMIT", err);
}

eg_cache *eg_cache_open(const char *path, const eg_cache_key *fingerprint, eg_error *err)
{
	eg_cache *c = eg_xcalloc(1, sizeof(*c));
	c->path = eg_xstrdup(path);
	c->fingerprint = *fingerprint;
	eg_strmap_init(&c->strings);
	if (sqlite3_open_v2(path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		db_error(c, err, "cannot open the cache");
		close_db(c);
		return NULL;
	}
	/* Another run holding the cache makes this one wait a while, not fail. */
	sqlite3_busy_timeout(c->db, 10000);
	/* Nothing is written before inspect has found the database to be ours:
	 * not even the switch to WAL, which would change another program's. */
	int rc = inspect(c, err);
	if (rc < 0 || exec(c, "PRAGMA journal_mode=WAL", err) < 0 || exec(c, "PRAGMA synchronous=NORMAL", err) < 0 ||
	    (rc == 0 && set_up(c, err) < 0)) {
		close_db(c);
		return NULL;
	}
	if (sqlite3_prepare_v2(c->db,
			       "SELECT format, mentions, checksum FROM results WHERE configuration = ?1 AND text = ?2",
			       -1, &c->get, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(c->db,
			       "INSERT OR REPLACE INTO results (configuration, text, format, mentions, checksum)"
			       " VALUES (?1, ?2, ?3, ?4, ?5)",
			       -1, &c->put, NULL) != SQLITE_OK) {
		db_error(c, err, "cannot prepare statements");
		close_db(c);
		return NULL;
	}
	return c;
}

void eg_cache_commit(eg_cache *c)
{
	if (!c->in_transaction)
		return;
	c->in_transaction = 0;
	if (sqlite3_exec(c->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		give_up(c, "cannot commit");
}

int eg_cache_close(eg_cache *c, eg_error *err)
{
	if (!c)
		return 0;
	eg_cache_commit(c);
	int rc = 0;
	if (c->failed) {
		*err = c->failure;
		rc = -1;
	}
	close_db(c);
	return rc;
}

size_t eg_cache_damaged(const eg_cache *c)
{
	return c->damaged;
}

/* Opens a write transaction for a batch of puts, unless one is open. */
static int begin(eg_cache *c)
{
	if (c->in_transaction)
		return 0;
	if (sqlite3_exec(c->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return give_up(c, "cannot write"), -1;
	c->in_transaction = 1;
	return 0;
}

static sqlite3_int64 result_sum(const eg_cache *c, const eg_cache_key *key, int format, const void *row, size_t n)
{
	row_sum s;
	sum_start(&s, 'r');
	sum_add(&s, c->fingerprint.bytes, sizeof(c->fingerprint.bytes));
	sum_add(&s, key->bytes, sizeof(key->bytes));
	sum_add_u64(&s, (uint64_t)format);
	sum_add(&s, row, n);
	return sum_end(&s);
}

/* Row format, every number a LEB128 varint: the string count, then the
 * strings (length, bytes), then the mention count and per mention 12
 * numbers: start, end - start, tok_start, tok_end - tok_start, sentence,
 * paragraph, start - sentence_start, sentence_end - end, source, and the
 * indexes of its type, label and category strings.  Differences keep most
 * numbers to one byte. */
static void put_u32(eg_buf *b, uint32_t v)
{
	unsigned char x[5];
	size_t n = 0;
	do {
		x[n] = (unsigned char)(v & 0x7f);
		v >>= 7;
		if (v)
			x[n] |= 0x80;
		n++;
	} while (v);
	eg_buf_add(b, x, n);
}

static uint32_t string_ref(eg_cache *c, const char *s)
{
	int inserted;
	return eg_strmap_intern(&c->strings, s, strlen(s), &inserted);
}

void eg_cache_put(eg_cache *c, const eg_cache_key *key, const eg_entities *ents, const eg_mention *mentions,
		  size_t n)
{
	if (c->failed)
		return;
	eg_strmap_free(&c->strings);
	eg_strmap_init(&c->strings);
	eg_buf refs = {0};
	for (size_t i = 0; i < n; i++) {
		const eg_mention *m = &mentions[i];
		uint32_t fields[] = {m->start, m->end - m->start, m->tok_start, m->tok_end - m->tok_start,
				     m->sentence, m->paragraph, m->start - m->sentence_start, m->sentence_end - m->end,
				     m->source,
				     string_ref(c, eg_entity_type(ents, m->entity)),
				     string_ref(c, eg_entity_label(ents, m->entity)),
				     string_ref(c, eg_entity_category(ents, m->entity))};
		for (size_t k = 0; k < sizeof(fields) / sizeof(fields[0]); k++)
			put_u32(&refs, fields[k]);
	}
	eg_buf_clear(&c->row);
	put_u32(&c->row, (uint32_t)c->strings.count);
	for (uint32_t i = 0; i < c->strings.count; i++) {
		size_t len = eg_strmap_key_length(&c->strings, i);
		put_u32(&c->row, (uint32_t)len);
		eg_buf_add(&c->row, eg_strmap_key(&c->strings, i), len);
	}
	put_u32(&c->row, (uint32_t)n);
	if (refs.len)
		eg_buf_add(&c->row, refs.data, refs.len);
	eg_buf_free(&refs);

	if (begin(c) < 0)
		return;
	sqlite3_reset(c->put);
	sqlite3_bind_blob(c->put, 1, c->fingerprint.bytes, sizeof(c->fingerprint.bytes), SQLITE_STATIC);
	sqlite3_bind_blob(c->put, 2, key->bytes, sizeof(key->bytes), SQLITE_STATIC);
	sqlite3_bind_int(c->put, 3, FORMAT);
	sqlite3_bind_blob(c->put, 4, c->row.data ? c->row.data : "", (int)c->row.len, SQLITE_STATIC);
	sqlite3_bind_int64(c->put, 5, result_sum(c, key, FORMAT, c->row.data ? c->row.data : "", c->row.len));
	if (sqlite3_step(c->put) != SQLITE_DONE)
		give_up(c, "cannot store a result");
}

typedef struct reader {
	const unsigned char *p, *end;
	int bad;
} reader;

static uint32_t get_u32(reader *r)
{
	uint64_t v = 0;
	for (int shift = 0; shift < 35; shift += 7) {
		if (r->p == r->end)
			break;
		unsigned char c = *r->p++;
		v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return v > UINT32_MAX ? (r->bad = 1, 0) : (uint32_t)v;
	}
	r->bad = 1;
	return 0;
}

/* a + b, or UINT32_MAX (which no check accepts) when it overflows. */
static uint32_t add(uint32_t a, uint32_t b)
{
	return a > UINT32_MAX - b ? UINT32_MAX : a + b;
}

int eg_cache_get(eg_cache *c, const eg_cache_key *key, size_t length, eg_entities *found, eg_mentions *out)
{
	out->n = 0;
	eg_entities_clear(found);
	if (c->failed)
		return 0;
	sqlite3_reset(c->get);
	sqlite3_bind_blob(c->get, 1, c->fingerprint.bytes, sizeof(c->fingerprint.bytes), SQLITE_STATIC);
	sqlite3_bind_blob(c->get, 2, key->bytes, sizeof(key->bytes), SQLITE_STATIC);
	int rc = sqlite3_step(c->get);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return give_up(c, "cannot read a result");
	int format = sqlite3_column_int(c->get, 0);
	if (format != FORMAT)
		return 0;
	reader r = {sqlite3_column_blob(c->get, 1), NULL, 0};
	r.end = r.p + sqlite3_column_bytes(c->get, 1);
	if (result_sum(c, key, format, r.p ? (const void *)r.p : "", (size_t)(r.end - r.p)) !=
	    sqlite3_column_int64(c->get, 2)) {
		c->damaged++;
		return 0;
	}
	uint32_t count = get_u32(&r);
	if (count > (size_t)(r.end - r.p)) {
		c->damaged++;
		return 0;
	}
	const char **strings = eg_xmalloc((count ? count : 1) * sizeof(*strings));
	uint32_t *lengths = eg_xmalloc((count ? count : 1) * sizeof(*lengths));
	for (uint32_t i = 0; i < count && !r.bad; i++) {
		lengths[i] = get_u32(&r);
		if ((size_t)(r.end - r.p) < lengths[i]) {
			r.bad = 1;
			break;
		}
		strings[i] = (const char *)r.p;
		r.p += lengths[i];
	}
	uint32_t n = get_u32(&r);
	for (uint32_t i = 0; i < n && !r.bad; i++) {
		uint32_t f[12];
		for (size_t k = 0; k < 12; k++)
			f[k] = get_u32(&r);
		/* Back from differences to offsets (see the row format). */
		f[1] = add(f[0], f[1]);
		f[3] = add(f[2], f[3]);
		f[6] = f[6] <= f[0] ? f[0] - f[6] : UINT32_MAX;
		f[7] = add(f[1], f[7]);
		/* Offsets must fit the text: a damaged row, or two texts with one
		 * hash, must not lead anyone outside it. */
		if (r.bad || f[9] >= count || f[10] >= count || f[11] >= count || f[8] > EG_SOURCE_ALIAS ||
		    !(f[6] <= f[0] && f[0] < f[1] && f[1] <= f[7] && f[7] <= length) || f[2] >= f[3] ||
		    (out->n && out->v[out->n - 1].end > f[0])) {
			r.bad = 1;
			break;
		}
		/* Strings in the row are not NUL-terminated: copy the type. */
		char type[64];
		if (lengths[f[9]] >= sizeof(type)) {
			r.bad = 1;
			break;
		}
		memcpy(type, strings[f[9]], lengths[f[9]]);
		type[lengths[f[9]]] = '\0';
		char *category = lengths[f[11]] ? eg_xstrndup(strings[f[11]], lengths[f[11]]) : NULL;
		eg_mention m = {.start = f[0], .end = f[1], .tok_start = f[2], .tok_end = f[3], .sentence = f[4],
				.paragraph = f[5], .sentence_start = f[6], .sentence_end = f[7], .source = (uint8_t)f[8]};
		m.entity = eg_entities_intern(found, type, strings[f[10]], lengths[f[10]], category);
		free(category);
		eg_mentions_push(out, &m);
	}
	free(strings);
	free(lengths);
	if (r.bad || r.p != r.end) {
		/* A row that passed its checksum yet does not fit the text: two
		 * texts with one hash, or a row written wrong.  Not used either. */
		out->n = 0;
		eg_entities_clear(found);
		c->damaged++;
		return 0;
	}
	return 1;
}

static sqlite3_int64 counts_sum(const eg_cache_key *run, int64_t part, int64_t parts, const void *bytes, size_t n)
{
	row_sum s;
	sum_start(&s, 'c');
	sum_add(&s, run->bytes, sizeof(run->bytes));
	sum_add_u64(&s, (uint64_t)part);
	sum_add_u64(&s, (uint64_t)parts);
	sum_add(&s, bytes, n);
	return sum_end(&s);
}

int eg_cache_counts_get(eg_cache *c, const eg_cache_key *run, eg_cooc *counts, eg_entities *ents,
			eg_partial_info *info)
{
	memset(info, 0, sizeof(*info));
	if (c->failed)
		return 0;
	sqlite3_stmt *get;
	if (sqlite3_prepare_v2(c->db, "SELECT part, parts, bytes, checksum FROM counts WHERE run = ?1 ORDER BY part", -1,
			       &get, NULL) != SQLITE_OK)
		return give_up(c, "cannot read counts");
	sqlite3_bind_blob(get, 1, run->bytes, sizeof(run->bytes), SQLITE_STATIC);
	/* The rows in order, each checked, make up a partial result; a part
	 * missing, repeated or altered and the whole is not used. */
	eg_buf data = {0};
	int64_t next = 0, parts = -1;
	int rc, damaged = 0;
	while ((rc = sqlite3_step(get)) == SQLITE_ROW) {
		int64_t part = sqlite3_column_int64(get, 0);
		if (parts < 0) {
			parts = sqlite3_column_int64(get, 1);
			/* Room for all of it at once: growing by doubling would copy
			 * it, and hold twice its size for a moment. */
			if (parts > 0 && parts <= 1024)
				eg_buf_reserve(&data, (size_t)parts * EG_CACHE_CHUNK);
		}
		const void *bytes = sqlite3_column_blob(get, 2);
		size_t n = (size_t)sqlite3_column_bytes(get, 2);
		if (part != next || sqlite3_column_int64(get, 1) != parts ||
		    counts_sum(run, part, parts, bytes ? bytes : "", n) != sqlite3_column_int64(get, 3)) {
			damaged = 1;
			break;
		}
		if (n)
			eg_buf_add(&data, bytes, n);
		next++;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		give_up(c, "cannot read counts");
	sqlite3_finalize(get);
	int found = 0;
	if (!c->failed && parts >= 0) {
		eg_error err;
		if (damaged || next != parts ||
		    eg_partial_parse(c->path, data.data ? data.data : "", data.len, counts, ents, info, &err) < 0 ||
		    memcmp(info->fingerprint, c->fingerprint.bytes, sizeof(info->fingerprint)) != 0)
			c->damaged++;
		else
			found = 1;
	}
	eg_buf_free(&data);
	if (!found)
		eg_partial_info_free(info);
	return found;
}

/* Copies the partial in fp (at its end) into rows of EG_CACHE_CHUNK bytes;
 * the caller holds the transaction. */
static int put_chunks(eg_cache *c, const eg_cache_key *run, FILE *fp, eg_error *err)
{
	long size = ftell(fp);
	if (size < 0 || fseek(fp, 0, SEEK_SET) != 0)
		return eg_error_set(err, "%s: a temporary file: %s", c->path, strerror(errno));
	int64_t parts = ((int64_t)size + (int64_t)EG_CACHE_CHUNK - 1) / (int64_t)EG_CACHE_CHUNK;
	sqlite3_stmt *put;
	if (sqlite3_prepare_v2(c->db,
			       "INSERT INTO counts (run, part, parts, written, bytes, checksum) VALUES (?1, ?2, ?3,"
			       " (SELECT coalesce(max(written), 0) + 1 FROM counts WHERE run != ?1), ?4, ?5)",
			       -1, &put, NULL) != SQLITE_OK)
		return db_error(c, err, "cannot store counts");
	char *chunk = eg_xmalloc(EG_CACHE_CHUNK);
	int rc = 0;
	for (int64_t part = 0; part < parts && rc == 0; part++) {
		size_t n = fread(chunk, 1, EG_CACHE_CHUNK, fp);
		if (n == 0) {
			rc = eg_error_set(err, "%s: a temporary file: %s", c->path, ferror(fp) ? strerror(errno) : "short");
			break;
		}
		sqlite3_reset(put);
		sqlite3_bind_blob(put, 1, run->bytes, sizeof(run->bytes), SQLITE_STATIC);
		sqlite3_bind_int64(put, 2, part);
		sqlite3_bind_int64(put, 3, parts);
		sqlite3_bind_blob(put, 4, chunk, (int)n, SQLITE_STATIC);
		sqlite3_bind_int64(put, 5, counts_sum(run, part, parts, chunk, n));
		if (sqlite3_step(put) != SQLITE_DONE)
			rc = db_error(c, err, "cannot store counts");
	}
	free(chunk);
	sqlite3_finalize(put);
	return rc;
}

int eg_cache_counts_put(eg_cache *c, const eg_cache_key *run, const eg_cooc *counts, const eg_entities *ents,
			const eg_partial_info *info, eg_error *err)
{
	eg_cache_commit(c);
	if (c->failed)
		return 0; /* eg_cache_close reports why */
	/* The partial goes to an unlinked temporary file first: memory holds
	 * one chunk of it at a time on the way into the database. */
	FILE *fp = tmpfile();
	if (!fp)
		return eg_error_set(err, "%s: cannot make a temporary file: %s", c->path, strerror(errno));
	int rc = eg_partial_write(fp, counts, ents, info, err);
	if (rc == 0 && fflush(fp) != 0)
		rc = eg_error_set(err, "%s: a temporary file: %s", c->path, strerror(errno));
	if (rc == 0 && exec(c, "BEGIN IMMEDIATE", err) < 0)
		rc = -1;
	if (rc == 0) {
		sqlite3_stmt *drop;
		if (sqlite3_prepare_v2(c->db, "DELETE FROM counts WHERE run = ?1", -1, &drop, NULL) != SQLITE_OK) {
			rc = db_error(c, err, "cannot store counts");
		} else {
			sqlite3_bind_blob(drop, 1, run->bytes, sizeof(run->bytes), SQLITE_STATIC);
			if (sqlite3_step(drop) != SQLITE_DONE)
				rc = db_error(c, err, "cannot store counts");
			sqlite3_finalize(drop);
		}
		/* Keep the newest EG_CACHE_COUNTS runs' counts (see cache.h), the
		 * older ones dropped before the new go in: their pages are then
		 * reused, and the file holds no more than EG_CACHE_COUNTS. */
		char sql[200];
		snprintf(sql, sizeof(sql),
			 "DELETE FROM counts WHERE written NOT IN"
			 " (SELECT DISTINCT written FROM counts ORDER BY written DESC LIMIT %d)",
			 EG_CACHE_COUNTS - 1);
		if (rc == 0)
			rc = exec(c, sql, err);
		if (rc == 0)
			rc = put_chunks(c, run, fp, err);
		if (rc == 0)
			rc = exec(c, "COMMIT", err);
		else
			sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
	}
	fclose(fp);
	return rc;
}

static sqlite3_int64 stamp_sum(const eg_cache_key *files, const eg_cache_stamp *stamp)
{
	row_sum s;
	sum_start(&s, 's');
	sum_add(&s, files->bytes, sizeof(files->bytes));
	sum_add(&s, stamp->content.bytes, sizeof(stamp->content.bytes));
	sum_add_u64(&s, stamp->documents);
	sum_add_u64(&s, (uint64_t)stamp->time);
	return sum_end(&s);
}

int eg_cache_stamp_get(eg_cache *c, const eg_cache_key *files, eg_cache_stamp *stamp, eg_error *err)
{
	(void)err;
	if (c->failed)
		return 0;
	sqlite3_stmt *get;
	if (sqlite3_prepare_v2(c->db, "SELECT content, documents, time, checksum FROM stamps WHERE files = ?1", -1, &get,
			       NULL) != SQLITE_OK)
		return give_up(c, "cannot read stamps");
	sqlite3_bind_blob(get, 1, files->bytes, sizeof(files->bytes), SQLITE_STATIC);
	int rc = sqlite3_step(get);
	if (rc == SQLITE_ROW) {
		eg_cache_stamp found = {0};
		int sized = sqlite3_column_bytes(get, 0) == (int)sizeof(found.content.bytes);
		if (sized)
			memcpy(found.content.bytes, sqlite3_column_blob(get, 0), sizeof(found.content.bytes));
		found.documents = (uint64_t)sqlite3_column_int64(get, 1);
		found.time = sqlite3_column_int64(get, 2);
		if (sized && stamp_sum(files, &found) == sqlite3_column_int64(get, 3)) {
			*stamp = found;
			rc = 1;
		} else {
			c->damaged++;
			rc = 0;
		}
	} else {
		rc = rc == SQLITE_DONE ? 0 : give_up(c, "cannot read stamps");
	}
	sqlite3_finalize(get);
	return rc;
}

int eg_cache_stamp_put(eg_cache *c, const eg_cache_key *files, const eg_cache_stamp *stamp, eg_error *err)
{
	eg_cache_commit(c);
	if (c->failed)
		return 0; /* eg_cache_close reports why */
	sqlite3_stmt *put;
	if (sqlite3_prepare_v2(c->db,
			       "INSERT OR REPLACE INTO stamps (files, content, documents, time, checksum)"
			       " VALUES (?1, ?2, ?3, ?4, ?5)",
			       -1, &put, NULL) != SQLITE_OK)
		return db_error(c, err, "cannot store a stamp");
	sqlite3_bind_blob(put, 1, files->bytes, sizeof(files->bytes), SQLITE_STATIC);
	sqlite3_bind_blob(put, 2, stamp->content.bytes, sizeof(stamp->content.bytes), SQLITE_STATIC);
	sqlite3_bind_int64(put, 3, (sqlite3_int64)stamp->documents);
	sqlite3_bind_int64(put, 4, stamp->time);
	sqlite3_bind_int64(put, 5, stamp_sum(files, stamp));
	int rc = sqlite3_step(put) == SQLITE_DONE ? 0 : db_error(c, err, "cannot store a stamp");
	sqlite3_finalize(put);
	if (rc == 0)
		rc = exec(c, "DELETE FROM stamps WHERE time < (SELECT min(time) FROM"
			     " (SELECT time FROM stamps ORDER BY time DESC LIMIT 8))", err);
	return rc;
}

static sqlite3_int64 picture_sum(const char *view, const char *id, const eg_previous_node *n)
{
	row_sum s;
	sum_start(&s, 'p');
	sum_add(&s, view, strlen(view) + 1);
	sum_add(&s, id, strlen(id) + 1);
	uint64_t bits;
	memcpy(&bits, &n->x, sizeof(bits));
	sum_add_u64(&s, bits);
	memcpy(&bits, &n->y, sizeof(bits));
	sum_add_u64(&s, bits);
	sum_add_u64(&s, (uint64_t)n->community);
	sum_add_u64(&s, (uint64_t)n->documents);
	return sum_end(&s);
}

int eg_cache_picture_get(eg_cache *c, const char *view, eg_previous *out)
{
	if (c->failed)
		return 0;
	sqlite3_stmt *get;
	if (sqlite3_prepare_v2(c->db, "SELECT id, x, y, community, documents, checksum FROM pictures WHERE view = ?1"
				      " ORDER BY id",
			       -1, &get, NULL) != SQLITE_OK)
		return give_up(c, "cannot read the picture");
	sqlite3_bind_text(get, 1, view, -1, SQLITE_STATIC);
	int rc;
	size_t found = 0;
	while ((rc = sqlite3_step(get)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(get, 0);
		eg_previous_node n = {.x = sqlite3_column_double(get, 1), .y = sqlite3_column_double(get, 2),
				      .community = sqlite3_column_int64(get, 3),
				      .documents = sqlite3_column_int64(get, 4), .placed = 1};
		if (!id || n.community < 0 || !isfinite(n.x) || !isfinite(n.y) ||
		    picture_sum(view, id, &n) != sqlite3_column_int64(get, 5)) {
			c->damaged++;
			continue;
		}
		eg_previous_add(out, id, &n);
		found++;
	}
	sqlite3_finalize(get);
	if (rc != SQLITE_DONE)
		return give_up(c, "cannot read the picture");
	return found > 0;
}

int eg_cache_picture_put(eg_cache *c, const char *view, const eg_previous *picture, eg_error *err)
{
	eg_cache_commit(c);
	if (c->failed)
		return 0;
	if (exec(c, "BEGIN IMMEDIATE", err) < 0)
		return -1;
	sqlite3_stmt *drop = NULL, *put = NULL;
	int rc = 0;
	if (sqlite3_prepare_v2(c->db, "DELETE FROM pictures WHERE view = ?1", -1, &drop, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(c->db,
			       "INSERT INTO pictures (view, id, x, y, community, documents, checksum)"
			       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
			       -1, &put, NULL) != SQLITE_OK)
		rc = db_error(c, err, "cannot store the picture");
	if (rc == 0) {
		sqlite3_bind_text(drop, 1, view, -1, SQLITE_STATIC);
		if (sqlite3_step(drop) != SQLITE_DONE)
			rc = db_error(c, err, "cannot store the picture");
	}
	for (size_t i = 0; rc == 0 && i < picture->count; i++) {
		const eg_previous_node *n = &picture->nodes[i];
		const char *id = eg_strmap_key(&picture->ids, (uint32_t)i);
		sqlite3_reset(put);
		sqlite3_bind_text(put, 1, view, -1, SQLITE_STATIC);
		sqlite3_bind_text(put, 2, id, -1, SQLITE_STATIC);
		sqlite3_bind_double(put, 3, n->x);
		sqlite3_bind_double(put, 4, n->y);
		sqlite3_bind_int64(put, 5, n->community);
		sqlite3_bind_int64(put, 6, n->documents);
		sqlite3_bind_int64(put, 7, picture_sum(view, id, n));
		if (sqlite3_step(put) != SQLITE_DONE)
			rc = db_error(c, err, "cannot store the picture");
	}
	sqlite3_finalize(drop);
	sqlite3_finalize(put);
	if (rc < 0) {
		sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return exec(c, "COMMIT", err);
}
