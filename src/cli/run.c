/*
 * The document loop of extract and mentions: read, match on worker threads,
 * hand results to the command in input order.
 *
 * The main thread reads inputs into a ring of slots; workers match the
 * filled slots in any order; the main thread takes finished slots strictly
 * in order and calls the command.  So everything the command sees is the
 * same whatever the number of threads.  The ring has a few slots per worker:
 * memory stays at that many documents, however large the corpus, and a
 * document larger than EG_PART_BYTES comes in parts (document.h), each a
 * slot of its own, so a slot is never larger than a part.
 *
 * With a cache, the main thread looks each document up as it reads it; a
 * document found there skips the workers, and the results of those matched
 * go into the cache as they are taken, committed every COMMIT_EVERY.
 */
#include "cli/cli.h"
#include "input/input.h"
#include "match/learn.h"
#include "match/relations.h"
#include "store/cache.h"

#include <xxhash.h>

#include <inttypes.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define COMMIT_EVERY 1000

enum slot_state { SLOT_EMPTY, SLOT_READY, SLOT_BUSY, SLOT_DONE };

typedef struct slot {
	enum slot_state state;
	int read_failed;  /* err holds the input's error; no document */
	int bad_record;   /* the failure was one record of an input, not all of it */
	int limited;      /* the failure was a budget that cut or skipped input */
	int not_text;     /* the input is a binary file; err is the whole line */
	int match_failed; /* err holds the matcher's complaint; mentions still valid */
	int rules_stopped; /* the rules spent their budget (err says where); mentions still valid */
	int cached;       /* mentions came from the cache */
	int find_relations; /* the options ask for relations */
	int learning;     /* the first pass: sum the contexts into learner, nothing else */
	int tokenized;    /* tokens hold this document's (they do once it was matched) */
	eg_learner *learner; /* the first pass: this document's sums */
	eg_mentions plain;   /* with a model and a cache: the mentions before the learned */
	int keep_plain;      /* fill plain (a cache will store this document) */
	int has_plain;       /* plain holds this document's */
	eg_cache_key key;
	eg_document doc;
	eg_tokens tokens;
	eg_mentions mentions;
	eg_relations relations;
	eg_entities *found;
	eg_match_state match;
	eg_error err;
} slot;

typedef struct pool {
	const eg_matcher *matcher;
	slot *slots;
	size_t count;        /* slots in the ring */
	size_t next_match;   /* the next slot a worker should take, as a sequence number */
	size_t filled;       /* slots filled so far, as a sequence number */
	int stopping;
	pthread_mutex_t lock;
	pthread_cond_t work; /* a slot became READY, or stopping */
	pthread_cond_t done; /* a slot became DONE */
} pool;

/* A slot's tokens, as the matcher made them (tokenized again when the
 * mentions came from the cache). */
static void tokenize(const eg_matcher *m, slot *s)
{
	if (!s->tokenized)
		eg_match_tokenize(m, s->doc.text, s->doc.length, &s->tokens);
	s->tokenized = 1;
}

/* What follows the matching: in the first pass the document's sums; in
 * the second its learned names, then its relations. */
static void after_match(const eg_matcher *m, slot *s)
{
	s->relations.n = 0;
	if (s->learning) {
		tokenize(m, s);
		eg_learner_clear(s->learner);
		eg_learn_document(s->learner, s->doc.text, &s->tokens, &s->mentions, s->found, m->dict, m->common);
		return;
	}
	if (m->model && eg_model_count(m->model)) {
		tokenize(m, s);
		if (s->keep_plain) {
			s->has_plain = 1;
			s->plain.n = 0;
			for (size_t i = 0; i < s->mentions.n; i++)
				eg_mentions_push(&s->plain, &s->mentions.v[i]);
		}
		eg_model_apply(m->model, s->doc.text, &s->tokens, &s->mentions, s->found, m->dict, m->common);
	}
	if (!s->find_relations)
		return;
	tokenize(m, s);
	eg_relations_find(s->doc.text, &s->tokens, s->mentions.v, s->mentions.n, s->found, &s->relations);
}

static void match_slot(const eg_matcher *m, slot *s)
{
	if (s->cached) {
		after_match(m, s);
		return;
	}
	int rc = eg_match_document(m, &s->match, s->found, s->doc.text, s->doc.length, &s->tokens, &s->mentions,
				   &s->err);
	s->tokenized = 1;
	after_match(m, s);
	s->match_failed = rc < 0;
	s->rules_stopped = rc == EG_RULES_STOPPED;
	if (s->rules_stopped) {
		eg_error where = s->err;
		eg_error_set(&s->err,
			     "rules stopped after %" PRIu64 " steps (--max-rule-steps %" PRIu64
			     "), in %s; the rest of the document has dictionary matches only",
			     m->rule_steps, m->rule_steps, where.message);
	}
}

static void *worker(void *arg)
{
	pool *p = arg;
	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (!p->stopping && p->next_match == p->filled)
			pthread_cond_wait(&p->work, &p->lock);
		if (p->stopping && p->next_match == p->filled)
			break;
		slot *s = &p->slots[p->next_match++ % p->count];
		if (s->state != SLOT_READY)
			continue; /* a read failure, already DONE */
		s->state = SLOT_BUSY;
		pthread_mutex_unlock(&p->lock);
		match_slot(p->matcher, s);
		pthread_mutex_lock(&p->lock);
		s->state = SLOT_DONE;
		pthread_cond_broadcast(&p->done);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* Takes s's mentions from the cache when it has them. */
static void look_up(const eg_matcher *m, eg_cache *cache, slot *s)
{
	s->key = eg_cache_key_of(s->doc.text, s->doc.length);
	if (eg_cache_get(cache, &s->key, s->doc.length, s->found, &s->mentions)) {
		s->cached = 1;
		s->relations.n = 0;
		/* learning, learned names and relations need the tokens: a
		 * worker makes them */
		int more = s->learning || s->find_relations || (m->model && eg_model_count(m->model));
		s->state = more ? SLOT_READY : SLOT_DONE;
	}
}

/* Whether a document belongs to this run's shard: the documents are dealt
 * to shards by a hash of their id, so every shard keeps its documents as
 * the corpus grows. */
static int in_shard(const eg_options *o, const char *id)
{
	return !o->shard_count || eg_hash_bytes(id, strlen(id)) % o->shard_count == o->shard_index - 1;
}

/* Whether a document's date passes --since and --until (inclusive); one
 * without a date passes only with --undated keep. */
static int in_period(const eg_options *o, const eg_document *doc)
{
	if (!o->since && !o->until)
		return 1;
	if (!doc->date || strlen(doc->date) < 10)
		return o->keep_undated;
	return (!o->since || strncmp(doc->date, o->since, 10) >= 0) && (!o->until || strncmp(doc->date, o->until, 10) <= 0);
}

static int keep_id(void *context, const char *id)
{
	return in_shard(context, id);
}

/* The inputs of this run: the files of other shards skipped unread, the
 * run's own outputs and cache never read. */
static eg_input *open_inputs(const eg_options *o, int every_shard)
{
	eg_input *in = eg_input_new(o->inputs, o->input_count, o->input_format);
	for (size_t i = 0; i < o->own_count; i++)
		eg_input_exclude(in, o->own[i]);
	eg_input_budget(in, &o->budgets);
	if (o->shard_count && !every_shard)
		eg_input_skip_ids(in, keep_id, (void *)o);
	return in;
}

/* Reads the next document of this shard (of any, in the first pass) into
 * s; returns 0 at the end of the inputs. */
static int fill(const eg_options *o, const eg_matcher *m, eg_input *in, eg_cache *cache, slot *s,
		eg_run_stats *stats)
{
	int rc;
	while ((rc = eg_input_next(in, &s->doc, &s->err)) > 0 &&
	       ((!s->learning && !in_shard(o, s->doc.id)) || !in_period(o, &s->doc))) {
		if (!s->learning && in_shard(o, s->doc.id) && !s->doc.more) {
			stats->outside++;
			stats->undated += !s->doc.date || strlen(s->doc.date) < 10;
		}
		eg_document_free(&s->doc);
	}
	if (rc == 0)
		return 0;
	s->read_failed = rc < 0;
	s->bad_record = rc == EG_INPUT_BAD_RECORD;
	s->limited = rc == EG_INPUT_LIMITED;
	s->not_text = rc == EG_INPUT_NOT_TEXT;
	s->match_failed = 0;
	s->rules_stopped = 0;
	s->cached = 0;
	s->tokenized = 0;
	s->has_plain = 0;
	if (rc > 0 && s->doc.length >= UINT32_MAX) {
		eg_error_set(&s->err, "%s: larger than the 4 GiB one document may hold", s->doc.id);
		eg_document_free(&s->doc);
		s->read_failed = 1;
	}
	s->state = s->read_failed ? SLOT_DONE : SLOT_READY;
	if (cache && !s->read_failed)
		look_up(m, cache, s);
	return 1;
}

/* What a document contributes to a run's key: its id, metadata and text;
 * for a document in parts, each part with where it starts. */
static void hash_document(XXH3_state_t *h, const eg_document *doc, const eg_cache_key *text)
{
	const char *fields[] = {doc->id, doc->title, doc->date, doc->url, doc->source};
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		XXH3_128bits_update(h, fields[i] ? fields[i] : "", fields[i] ? strlen(fields[i]) + 1 : 1);
	XXH3_128bits_update(h, text->bytes, sizeof(text->bytes));
	if (doc->offset || doc->more) {
		uint64_t part[] = {doc->offset, (uint64_t)doc->more};
		XXH3_128bits_update(h, part, sizeof(part));
	}
}

static eg_cache_key digest_of(XXH3_state_t *h)
{
	XXH128_canonical_t digest;
	XXH128_canonicalFromHash(&digest, XXH3_128bits_digest(h));
	eg_cache_key key;
	memcpy(key.bytes, digest.digest, sizeof(key.bytes));
	return key;
}

/* Stores a matched slot's mentions, committing every COMMIT_EVERY.  A
 * database error ends the cache's work; eg_cache_close reports it. */
static void store(eg_cache *cache, const slot *s, size_t *pending)
{
	const eg_mentions *plain = s->has_plain ? &s->plain : &s->mentions;
	eg_cache_put(cache, &s->key, s->found, plain->v, plain->n);
	if (++*pending >= COMMIT_EVERY) {
		eg_cache_commit(cache);
		*pending = 0;
	}
}

/* Reports and hands over one finished slot; returns fn's status. */
static int consume(eg_cache *cache, size_t *pending, XXH3_state_t *content, eg_progress *progress, slot *s,
		   eg_document_fn fn, void *context, eg_run_stats *stats, int *parts_matched)
{
	s->state = SLOT_EMPTY;
	if (!s->read_failed)
		eg_progress_add(progress, s->doc.length);
	if (content && !s->read_failed)
		hash_document(content, &s->doc, &s->key);
	if (s->read_failed && s->limited) {
		eg_report("%s", s->err.message); /* a whole sentence naming the option */
		stats->skipped.limited++;
		return 0;
	}
	if (s->read_failed) {
		eg_report(s->not_text ? "%s" : "%s (skipped)", s->err.message);
		if (s->bad_record)
			stats->skipped.records++;
		else
			stats->skipped.inputs++;
		return 0;
	}
	if (s->match_failed)
		eg_report("%s: %s", s->doc.id, s->err.message);
	if (s->rules_stopped) {
		eg_report("%s: %s", s->doc.id, s->err.message);
		stats->skipped.limited++;
	}
	if (!s->cached) {
		*parts_matched = 1;
		/* A rule that gave up leaves an incomplete result: not worth keeping. */
		if (cache && !s->match_failed && !s->rules_stopped)
			store(cache, s, pending);
	}
	/* A document in parts counts once, at its last: reused when every
	 * part came from the cache. */
	if (!s->doc.more) {
		if (*parts_matched)
			stats->matched++;
		else
			stats->cached++;
		stats->documents++;
		*parts_matched = 0;
	}
	int status = fn(context, &s->doc, &s->mentions, s->found, &s->relations);
	eg_document_free(&s->doc);
	return status;
}

/* Takes one finished slot of the first pass: its sums, its share of the
 * content hash.  Failures are left for the second pass to report. */
static void learn(eg_learner *learner, XXH3_state_t *content, eg_progress *progress, slot *s)
{
	s->state = SLOT_EMPTY;
	if (s->read_failed)
		return;
	eg_progress_add(progress, s->doc.length);
	if (content)
		hash_document(content, &s->doc, &s->key);
	eg_learner_add(learner, s->learner);
	eg_document_free(&s->doc);
}

int eg_run_files(const eg_options *o, eg_cache_key *files, int64_t *newest)
{
	if (o->input_count == 0)
		return 0;
	XXH3_state_t *h = XXH3_createState();
	XXH3_128bits_reset(h);
	eg_input *in = open_inputs(o, o->learn);
	XXH3_128bits_update(h, &o->input_format, sizeof(o->input_format));
	char *path;
	struct stat st;
	eg_error err;
	int rc, ok = 1;
	*newest = 0;
	while ((rc = eg_input_next_file(in, &path, &st, &err)) != 0) {
		if (rc < 0 || strcmp(path, "-") == 0) {
			ok = 0; /* standard input, or an error a real run must report */
			if (rc > 0)
				free(path);
			continue;
		}
		int64_t stamp[] = {(int64_t)st.st_size, (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec,
				   (int64_t)st.st_ctim.tv_sec * 1000000000 + st.st_ctim.tv_nsec, (int64_t)st.st_ino,
				   (int64_t)st.st_dev};
		XXH3_128bits_update(h, path, strlen(path) + 1);
		XXH3_128bits_update(h, stamp, sizeof(stamp));
		for (size_t i = 1; i <= 2; i++)
			if (stamp[i] > *newest)
				*newest = stamp[i];
		free(path);
	}
	eg_input_free(in);
	*files = digest_of(h);
	XXH3_freeState(h);
	return ok;
}

int eg_run_content(const eg_options *o, eg_cache_key *content, size_t *documents)
{
	for (size_t i = 0; i < o->input_count; i++)
		if (strcmp(o->inputs[i], "-") == 0)
			return 0;
	if (o->input_count == 0)
		return 0;
	XXH3_state_t *h = XXH3_createState();
	XXH3_128bits_reset(h);
	/* With learning, every shard's documents shape the result. */
	eg_input *in = open_inputs(o, o->learn);
	eg_document doc;
	eg_error err;
	int rc;
	*documents = 0;
	while ((rc = eg_input_next(in, &doc, &err)) > 0) {
		int mine = in_shard(o, doc.id);
		if ((mine || o->learn) && in_period(o, &doc)) {
			eg_cache_key text = eg_cache_key_of(doc.text, doc.length);
			hash_document(h, &doc, &text);
			*documents += mine && !doc.more;
		}
		eg_document_free(&doc);
	}
	eg_input_free(in);
	*content = digest_of(h);
	XXH3_freeState(h);
	return rc == 0; /* an input that does not read cleanly must be reported by a real run */
}

/* One pass over the inputs.  With learner, the first pass of a learning
 * run: every shard's documents, their sums added to learner, nothing
 * reported or handed on (the second pass does that). */
static int run_pass(const eg_options *o, eg_matcher *m, eg_cache *cache, eg_learner *learner, eg_document_fn fn,
		    void *context, eg_run_stats *stats)
{
	*stats = (eg_run_stats){0};
	size_t pending = 0;
	eg_progress progress;
	eg_progress_start(&progress, o);
	progress.phase = learner ? "learning: " : o->learn ? "typing: " : "";
	XXH3_state_t *content = NULL;
	/* With learning the first pass hashes what the result depends on:
	 * every shard's documents. */
	if (cache && (learner || !o->learn)) {
		content = XXH3_createState();
		XXH3_128bits_reset(content);
	}
	size_t threads = o->jobs > 1 ? (size_t)o->jobs : 0;
	pool p = {.matcher = m, .count = threads ? 4 * threads : 1};
	p.slots = eg_xcalloc(p.count, sizeof(*p.slots));
	for (size_t i = 0; i < p.count; i++) {
		p.slots[i].found = eg_entities_extend(m->loaded);
		p.slots[i].find_relations = o->find_relations && !learner;
		p.slots[i].learning = learner != NULL;
		p.slots[i].learner = learner ? eg_learner_new() : NULL;
		p.slots[i].keep_plain = cache != NULL;
		eg_match_state_init(&p.slots[i].match);
	}
	pthread_t *ids = eg_xcalloc(threads ? threads : 1, sizeof(*ids));
	size_t started = 0;
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.work, NULL);
	pthread_cond_init(&p.done, NULL);
	for (; started < threads; started++)
		if (pthread_create(&ids[started], NULL, worker, &p) != 0)
			break; /* fewer threads is slower, not wrong; none means the main thread matches */

	eg_input *in = open_inputs(o, learner != NULL);
	size_t consumed = 0;
	int more = 1, status = 0, parts_matched = 0;
	while (status >= 0) {
		/* Keep the ring full, then take the oldest slot when it is done. */
		pthread_mutex_lock(&p.lock);
		/* Slots the cache answered are taken without a worker ever
		 * passing them: move the workers' cursor past them before the
		 * ring comes round, or a worker would take a refilled slot twice. */
		if (p.next_match < consumed)
			p.next_match = consumed;
		while (more && p.filled - consumed < p.count) {
			slot *s = &p.slots[p.filled % p.count];
			pthread_mutex_unlock(&p.lock);
			more = fill(o, m, in, cache, s, stats);
			pthread_mutex_lock(&p.lock);
			if (more) {
				p.filled++;
				pthread_cond_signal(&p.work);
			}
		}
		if (consumed == p.filled) {
			pthread_mutex_unlock(&p.lock);
			break;
		}
		slot *s = &p.slots[consumed % p.count];
		if (!started && s->state == SLOT_READY) {
			p.next_match++;
			pthread_mutex_unlock(&p.lock);
			match_slot(m, s);
			pthread_mutex_lock(&p.lock);
			s->state = SLOT_DONE;
		}
		while (s->state != SLOT_DONE)
			pthread_cond_wait(&p.done, &p.lock);
		pthread_mutex_unlock(&p.lock);
		if (learner)
			learn(learner, content, &progress, s);
		else
			status = consume(cache, &pending, content, &progress, s, fn, context, stats, &parts_matched);
		consumed++;
	}

	pthread_mutex_lock(&p.lock);
	p.stopping = 1;
	/* Unmatched slots left after a failure: let workers skip them. */
	for (size_t k = consumed; k < p.filled; k++)
		if (p.slots[k % p.count].state == SLOT_READY)
			p.slots[k % p.count].state = SLOT_DONE;
	pthread_cond_broadcast(&p.work);
	pthread_mutex_unlock(&p.lock);
	for (size_t i = 0; i < started; i++)
		pthread_join(ids[i], NULL);
	for (size_t k = consumed; k < p.filled; k++)
		if (!p.slots[k % p.count].read_failed)
			eg_document_free(&p.slots[k % p.count].doc);
	for (size_t i = 0; i < p.count; i++) {
		eg_tokens_free(&p.slots[i].tokens);
		eg_mentions_free(&p.slots[i].mentions);
		eg_mentions_free(&p.slots[i].plain);
		eg_learner_free(p.slots[i].learner);
		eg_relations_free(&p.slots[i].relations);
		eg_entities_free(p.slots[i].found);
		eg_match_state_free(&p.slots[i].match);
	}
	pthread_cond_destroy(&p.work);
	pthread_cond_destroy(&p.done);
	pthread_mutex_destroy(&p.lock);
	free(ids);
	free(p.slots);
	eg_input_free(in);
	if (cache && !learner)
		eg_cache_commit(cache);
	eg_progress_end(&progress);
	if (content) {
		stats->content = digest_of(content);
		XXH3_freeState(content);
	}
	return status;
}

int eg_run_documents(const eg_options *o, eg_matcher *m, eg_cache *cache, eg_document_fn fn, void *context,
		     eg_run_stats *stats)
{
	eg_matcher_freeze(m);
	if (!o->learn)
		return run_pass(o, m, cache, NULL, fn, context, stats);
	eg_error err;
	if (eg_input_rewind_stdin(o->inputs, o->input_count, &err) < 0) {
		eg_report("%s", err.message);
		return -1;
	}
	eg_learner *learner = eg_learner_new();
	eg_run_stats first;
	run_pass(o, m, cache, learner, NULL, NULL, &first);
	if (eg_learner_full(learner))
		eg_report("learning: the tables reached their budget of %u contexts; names first seen after that "
			  "were not learned", eg_learn_budget());
	eg_model *model = eg_model_decide(learner);
	eg_learner_free(learner);
	m->model = model;
	int status = -1;
	if (eg_input_rewind_stdin(o->inputs, o->input_count, &err) < 0)
		eg_report("%s", err.message);
	else
		status = run_pass(o, m, cache, NULL, fn, context, stats);
	stats->content = first.content;
	m->model = NULL;
	eg_model_free(model);
	return status;
}
