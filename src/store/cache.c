#include "store/cache.h"
#include "util/map.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
#include <xxhash.h>

/* Bump when the row format below changes: older rows are then ignored. */
#define FORMAT 1

struct eg_cache {
	sqlite3 *db;
	sqlite3_stmt *get, *put;
	char *path;
	eg_cache_key fingerprint;
	int in_transaction;
	eg_buf row;
	eg_strmap strings; /* one row's entity strings */
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

static int exec(eg_cache *c, const char *sql, eg_error *err)
{
	if (sqlite3_exec(c->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_error(c, err, sql);
	return 0;
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
	if (exec(c, "PRAGMA journal_mode=WAL", err) < 0 || exec(c, "PRAGMA synchronous=NORMAL", err) < 0 ||
	    exec(c,
		 "CREATE TABLE IF NOT EXISTS results ("
		 " configuration BLOB NOT NULL, text BLOB NOT NULL, format INTEGER NOT NULL, mentions BLOB NOT NULL,"
		 " PRIMARY KEY (configuration, text)) WITHOUT ROWID",
		 err) < 0) {
		close_db(c);
		return NULL;
	}
	if (exec(c,
		 "CREATE TABLE IF NOT EXISTS outputs (run BLOB PRIMARY KEY, format INTEGER NOT NULL,"
		 " written INTEGER NOT NULL, bytes BLOB NOT NULL);"
		 "CREATE TABLE IF NOT EXISTS stamps (files BLOB PRIMARY KEY, content BLOB NOT NULL,"
		 " documents INTEGER NOT NULL, time INTEGER NOT NULL)",
		 err) < 0) {
		close_db(c);
		return NULL;
	}
	if (sqlite3_prepare_v2(c->db, "SELECT format, mentions FROM results WHERE configuration = ?1 AND text = ?2", -1,
			       &c->get, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(c->db,
			       "INSERT OR REPLACE INTO results (configuration, text, format, mentions) VALUES (?1, ?2, ?3, ?4)",
			       -1, &c->put, NULL) != SQLITE_OK) {
		db_error(c, err, "cannot prepare statements (is it an entgraph cache?)");
		close_db(c);
		return NULL;
	}
	return c;
}

int eg_cache_commit(eg_cache *c, eg_error *err)
{
	if (!c->in_transaction)
		return 0;
	c->in_transaction = 0;
	return exec(c, "COMMIT", err);
}

int eg_cache_close(eg_cache *c, eg_error *err)
{
	if (!c)
		return 0;
	int rc = eg_cache_commit(c, err);
	close_db(c);
	return rc;
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

int eg_cache_put(eg_cache *c, const eg_cache_key *key, const eg_entities *ents, const eg_mention *mentions,
		 size_t n, eg_error *err)
{
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

	if (!c->in_transaction) {
		if (exec(c, "BEGIN", err) < 0)
			return -1;
		c->in_transaction = 1;
	}
	sqlite3_reset(c->put);
	sqlite3_bind_blob(c->put, 1, c->fingerprint.bytes, sizeof(c->fingerprint.bytes), SQLITE_STATIC);
	sqlite3_bind_blob(c->put, 2, key->bytes, sizeof(key->bytes), SQLITE_STATIC);
	sqlite3_bind_int(c->put, 3, FORMAT);
	sqlite3_bind_blob(c->put, 4, c->row.data ? c->row.data : "", (int)c->row.len, SQLITE_STATIC);
	if (sqlite3_step(c->put) != SQLITE_DONE)
		return db_error(c, err, "cannot store a result");
	return 0;
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

int eg_cache_get(eg_cache *c, const eg_cache_key *key, size_t length, eg_entities *found, eg_mentions *out,
		 eg_error *err)
{
	out->n = 0;
	eg_entities_clear(found);
	sqlite3_reset(c->get);
	sqlite3_bind_blob(c->get, 1, c->fingerprint.bytes, sizeof(c->fingerprint.bytes), SQLITE_STATIC);
	sqlite3_bind_blob(c->get, 2, key->bytes, sizeof(key->bytes), SQLITE_STATIC);
	int rc = sqlite3_step(c->get);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return db_error(c, err, "cannot read a result");
	if (sqlite3_column_int(c->get, 0) != FORMAT)
		return 0;
	reader r = {sqlite3_column_blob(c->get, 1), NULL, 0};
	r.end = r.p + sqlite3_column_bytes(c->get, 1);
	uint32_t count = get_u32(&r);
	if (count > (size_t)(r.end - r.p)) {
		return eg_error_set(err, "%s: a damaged result (%u strings in %zu bytes); matching again", c->path,
				    count, (size_t)(r.end - r.p));
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
		out->n = 0;
		eg_entities_clear(found);
		return eg_error_set(err, "%s: a damaged result; matching again", c->path);
	}
	return 1;
}

int eg_cache_output_get(eg_cache *c, const eg_cache_key *key, eg_buf *out, eg_error *err)
{
	sqlite3_stmt *get;
	if (sqlite3_prepare_v2(c->db, "SELECT bytes FROM outputs WHERE run = ?1 AND format = ?2", -1, &get, NULL) !=
	    SQLITE_OK)
		return db_error(c, err, "cannot read outputs");
	sqlite3_bind_blob(get, 1, key->bytes, sizeof(key->bytes), SQLITE_STATIC);
	sqlite3_bind_int(get, 2, FORMAT);
	int rc = sqlite3_step(get);
	if (rc == SQLITE_ROW) {
		eg_buf_clear(out);
		eg_buf_add(out, sqlite3_column_blob(get, 0), (size_t)sqlite3_column_bytes(get, 0));
		rc = 1;
	} else {
		rc = rc == SQLITE_DONE ? 0 : db_error(c, err, "cannot read outputs");
	}
	sqlite3_finalize(get);
	return rc;
}

int eg_cache_output_put(eg_cache *c, const eg_cache_key *key, const char *data, size_t n, eg_error *err)
{
	if (eg_cache_commit(c, err) < 0 || exec(c, "BEGIN", err) < 0)
		return -1;
	c->in_transaction = 1;
	sqlite3_stmt *put;
	if (sqlite3_prepare_v2(c->db,
			       "INSERT OR REPLACE INTO outputs (run, format, written, bytes) VALUES (?1, ?2,"
			       " (SELECT coalesce(max(written), 0) + 1 FROM outputs), ?3)",
			       -1, &put, NULL) != SQLITE_OK)
		return db_error(c, err, "cannot store an output");
	sqlite3_bind_blob(put, 1, key->bytes, sizeof(key->bytes), SQLITE_STATIC);
	sqlite3_bind_int(put, 2, FORMAT);
	sqlite3_bind_blob64(put, 3, n ? data : "", n, SQLITE_STATIC);
	int rc = sqlite3_step(put) == SQLITE_DONE ? 0 : db_error(c, err, "cannot store an output");
	sqlite3_finalize(put);
	char sql[160];
	snprintf(sql, sizeof(sql),
		 "DELETE FROM outputs WHERE written <= (SELECT max(written) FROM outputs) - %d", EG_CACHE_OUTPUTS);
	if (rc == 0)
		rc = exec(c, sql, err);
	if (eg_cache_commit(c, err) < 0)
		rc = -1;
	return rc;
}

int eg_cache_stamp_get(eg_cache *c, const eg_cache_key *files, eg_cache_stamp *stamp, eg_error *err)
{
	sqlite3_stmt *get;
	if (sqlite3_prepare_v2(c->db, "SELECT content, documents, time FROM stamps WHERE files = ?1", -1, &get, NULL) !=
	    SQLITE_OK)
		return db_error(c, err, "cannot read stamps");
	sqlite3_bind_blob(get, 1, files->bytes, sizeof(files->bytes), SQLITE_STATIC);
	int rc = sqlite3_step(get);
	if (rc == SQLITE_ROW && sqlite3_column_bytes(get, 0) == (int)sizeof(stamp->content.bytes)) {
		memcpy(stamp->content.bytes, sqlite3_column_blob(get, 0), sizeof(stamp->content.bytes));
		stamp->documents = (uint64_t)sqlite3_column_int64(get, 1);
		stamp->time = sqlite3_column_int64(get, 2);
		rc = 1;
	} else {
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_error(c, err, "cannot read stamps");
	}
	sqlite3_finalize(get);
	return rc;
}

int eg_cache_stamp_put(eg_cache *c, const eg_cache_key *files, const eg_cache_stamp *stamp, eg_error *err)
{
	if (eg_cache_commit(c, err) < 0)
		return -1;
	sqlite3_stmt *put;
	if (sqlite3_prepare_v2(c->db, "INSERT OR REPLACE INTO stamps (files, content, documents, time) VALUES (?1, ?2, ?3, ?4)", -1,
			       &put, NULL) != SQLITE_OK)
		return db_error(c, err, "cannot store a stamp");
	sqlite3_bind_blob(put, 1, files->bytes, sizeof(files->bytes), SQLITE_STATIC);
	sqlite3_bind_blob(put, 2, stamp->content.bytes, sizeof(stamp->content.bytes), SQLITE_STATIC);
	sqlite3_bind_int64(put, 3, (sqlite3_int64)stamp->documents);
	sqlite3_bind_int64(put, 4, stamp->time);
	int rc = sqlite3_step(put) == SQLITE_DONE ? 0 : db_error(c, err, "cannot store a stamp");
	sqlite3_finalize(put);
	if (rc == 0)
		rc = exec(c, "DELETE FROM stamps WHERE time < (SELECT min(time) FROM"
			     " (SELECT time FROM stamps ORDER BY time DESC LIMIT 8))", err);
	return rc;
}
