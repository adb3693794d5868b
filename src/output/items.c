#include "output/items.h"

#include <pthread.h>
#include <stdlib.h>

/* Blocks in flight per worker: enough that a worker rarely waits for the
 * writer to take a slow neighbour's block, few enough to bound memory. */
#define SLOTS_PER_WORKER 2

typedef struct slot {
	eg_xml fragment;
	int ready; /* formatted, not yet inserted */
} slot;

typedef struct shared {
	eg_xml_item_fn format;
	const void *context;
	size_t count, blocks;
	slot *slots;
	size_t slot_count;
	pthread_mutex_t lock;
	pthread_cond_t formatted; /* a slot became ready */
	pthread_cond_t freed;     /* a slot was inserted, or the writer stopped */
	size_t next;              /* the next block to claim */
	size_t inserted;          /* blocks written so far */
	int stop;
} shared;

static void format_block(shared *s, size_t block, eg_xml *x, eg_buf *scratch)
{
	size_t end = (block + 1) * EG_XML_ITEMS_BLOCK;
	if (end > s->count)
		end = s->count;
	for (size_t i = block * EG_XML_ITEMS_BLOCK; i < end; i++)
		s->format(x, i, s->context, scratch);
}

static void *worker(void *arg)
{
	shared *s = arg;
	eg_buf scratch = {0};
	pthread_mutex_lock(&s->lock);
	for (;;) {
		/* Block b goes into slot b % slot_count, free once block
		 * b - slot_count is inserted. */
		while (!s->stop && s->next < s->blocks && s->next >= s->inserted + s->slot_count)
			pthread_cond_wait(&s->freed, &s->lock);
		if (s->stop || s->next >= s->blocks)
			break;
		size_t block = s->next++;
		slot *t = &s->slots[block % s->slot_count];
		pthread_mutex_unlock(&s->lock);
		format_block(s, block, &t->fragment, &scratch);
		pthread_mutex_lock(&s->lock);
		t->ready = 1;
		pthread_cond_broadcast(&s->formatted);
	}
	pthread_mutex_unlock(&s->lock);
	eg_buf_free(&scratch);
	return NULL;
}

/* Inserts the blocks in order as workers finish them; stops at x's first
 * error. */
static void insert_blocks(eg_xml *x, shared *s)
{
	for (size_t block = 0; block < s->blocks && !eg_xml_stopped(x); block++) {
		slot *t = &s->slots[block % s->slot_count];
		pthread_mutex_lock(&s->lock);
		while (!t->ready)
			pthread_cond_wait(&s->formatted, &s->lock);
		pthread_mutex_unlock(&s->lock);
		eg_xml_insert(x, &t->fragment);
		pthread_mutex_lock(&s->lock);
		t->ready = 0;
		s->inserted++;
		pthread_cond_broadcast(&s->freed);
		pthread_mutex_unlock(&s->lock);
	}
	pthread_mutex_lock(&s->lock);
	s->stop = 1;
	pthread_cond_broadcast(&s->freed);
	pthread_mutex_unlock(&s->lock);
}

static void serial(eg_xml *x, size_t count, eg_xml_item_fn format, const void *context)
{
	eg_buf scratch = {0};
	size_t depth = x->depth;
	for (size_t i = 0; i < count && !eg_xml_stopped(x); i++) {
		format(x, i, context, &scratch);
		/* Misuse as eg_xml_insert sees it in a fragment. */
		if (x->depth != depth)
			x->failed = 1;
	}
	eg_buf_free(&scratch);
}

void eg_xml_items(eg_xml *x, size_t count, eg_xml_item_fn format, const void *context, unsigned threads)
{
	shared s = {.format = format, .context = context, .count = count};
	s.blocks = (count + EG_XML_ITEMS_BLOCK - 1) / EG_XML_ITEMS_BLOCK;
	if (threads > s.blocks)
		threads = (unsigned)s.blocks;
	if (threads <= 1 || eg_xml_stopped(x)) {
		serial(x, count, format, context);
		return;
	}
	s.slot_count = (size_t)threads * SLOTS_PER_WORKER;
	s.slots = eg_xmalloc(s.slot_count * sizeof(*s.slots));
	for (size_t i = 0; i < s.slot_count; i++) {
		eg_xml_open_fragment(&s.slots[i].fragment, x->depth);
		s.slots[i].ready = 0;
	}
	pthread_mutex_init(&s.lock, NULL);
	pthread_cond_init(&s.formatted, NULL);
	pthread_cond_init(&s.freed, NULL);
	pthread_t *ids = eg_xmalloc(threads * sizeof(*ids));
	unsigned started = 0;
	while (started < threads && pthread_create(&ids[started], NULL, worker, &s) == 0)
		started++;
	if (started) {
		insert_blocks(x, &s);
	} else {
		/* No thread to be had: the same work on this one. */
		serial(x, count, format, context);
	}
	for (unsigned i = 0; i < started; i++)
		pthread_join(ids[i], NULL);
	free(ids);
	pthread_cond_destroy(&s.freed);
	pthread_cond_destroy(&s.formatted);
	pthread_mutex_destroy(&s.lock);
	for (size_t i = 0; i < s.slot_count; i++)
		eg_xml_free_fragment(&s.slots[i].fragment);
	free(s.slots);
}
