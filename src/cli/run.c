/*
 * The document loop of extract and mentions: read, match on worker threads,
 * hand results to the command in input order.
 *
 * The main thread reads inputs into a ring of slots; workers match the
 * filled slots in any order; the main thread takes finished slots strictly
 * in order, moves their new entities into the run's table and calls the
 * command.  So everything the command sees, and the entity table, is the
 * same whatever the number of threads.  The ring has a few slots per worker:
 * memory stays at that many documents, however large the corpus.
 */
#include "cli/cli.h"
#include "input/input.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum slot_state { SLOT_EMPTY, SLOT_READY, SLOT_BUSY, SLOT_DONE };

typedef struct slot {
	enum slot_state state;
	int read_failed;  /* err holds the input's error; no document */
	int match_failed; /* err holds the matcher's complaint; mentions still valid */
	eg_document doc;
	eg_tokens tokens;
	eg_mentions mentions;
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

static void match_slot(const eg_matcher *m, slot *s)
{
	s->match_failed = eg_match_document(m, &s->match, s->found, s->doc.text, s->doc.length, &s->tokens,
					    &s->mentions, &s->err) < 0;
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

/* Reads the next document into s; returns 0 at the end of the inputs. */
static int fill(eg_input *in, slot *s)
{
	int rc = eg_input_next(in, &s->doc, &s->err);
	if (rc == 0)
		return 0;
	s->read_failed = rc < 0;
	s->match_failed = 0;
	if (rc > 0 && s->doc.length >= UINT32_MAX) {
		eg_error_set(&s->err, "%s: larger than the 4 GiB one document may hold", s->doc.id);
		eg_document_free(&s->doc);
		s->read_failed = 1;
	}
	s->state = s->read_failed ? SLOT_DONE : SLOT_READY;
	return 1;
}

/* Reports and hands over one finished slot; returns fn's status. */
static int consume(const eg_options *o, eg_matcher *m, slot *s, eg_document_fn fn, void *context,
		   size_t *documents, size_t *skipped)
{
	(void)o;
	s->state = SLOT_EMPTY;
	if (s->read_failed) {
		eg_report("%s (skipped)", s->err.message);
		(*skipped)++;
		return 0;
	}
	if (s->match_failed)
		eg_report("%s: %s", s->doc.id, s->err.message);
	eg_match_adopt(m, s->found, &s->mentions);
	(*documents)++;
	int status = fn(context, &s->doc, &s->tokens, &s->mentions);
	eg_document_free(&s->doc);
	return status;
}

int eg_run_documents(const eg_options *o, eg_matcher *m, eg_document_fn fn, void *context, size_t *documents,
		     size_t *skipped)
{
	eg_matcher_freeze(m);
	size_t threads = o->jobs > 1 ? (size_t)o->jobs : 0;
	pool p = {.matcher = m, .count = threads ? 4 * threads : 1};
	p.slots = eg_xcalloc(p.count, sizeof(*p.slots));
	for (size_t i = 0; i < p.count; i++) {
		p.slots[i].found = eg_entities_extend(m->loaded);
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

	eg_input *in = eg_input_new(o->inputs, o->input_count);
	*documents = *skipped = 0;
	size_t consumed = 0;
	int more = 1, status = 0;
	while (status >= 0) {
		/* Keep the ring full, then take the oldest slot when it is done. */
		pthread_mutex_lock(&p.lock);
		while (more && p.filled - consumed < p.count) {
			slot *s = &p.slots[p.filled % p.count];
			pthread_mutex_unlock(&p.lock);
			more = fill(in, s);
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
		status = consume(o, m, s, fn, context, documents, skipped);
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
		eg_entities_free(p.slots[i].found);
		eg_match_state_free(&p.slots[i].match);
	}
	pthread_cond_destroy(&p.work);
	pthread_cond_destroy(&p.done);
	pthread_mutex_destroy(&p.lock);
	free(ids);
	free(p.slots);
	eg_input_free(in);
	return status;
}
