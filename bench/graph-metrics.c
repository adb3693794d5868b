/* Times eg_graph_build with every metric on a random graph of about 20,000
 * nodes and 100,000 edges, counted through eg_cooc like a real corpus.
 * Endpoints are drawn with a skew (u^2) so that, as in news, a few entities
 * have many neighbours.  Fixed seed: the same graph every run.
 *
 *   ninja -C build bench-graph-metrics && build/bench-graph-metrics [EDGES [NODES]]
 */
#include "graph/graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint64_t state = 0x9e3779b97f4a7c15u;

static uint64_t next_random(void)
{
	/* xorshift64*: enough for a benchmark, the same on every platform */
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x2545f4914f6cdd1du;
}

static uint32_t skewed(uint32_t n)
{
	double u = (double)(next_random() >> 11) / 9007199254740992.0;
	return (uint32_t)(u * u * n);
}

static double seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	size_t want_edges = argc > 1 ? strtoul(argv[1], NULL, 10) : 100000;
	uint32_t nodes = argc > 2 ? (uint32_t)strtoul(argv[2], NULL, 10) : 20000;
	eg_entities *ents = eg_entities_new();
	uint32_t *entity = malloc(nodes * sizeof(*entity));
	char label[32];
	for (uint32_t i = 0; i < nodes; i++) {
		int n = snprintf(label, sizeof(label), "Entity %u", i);
		entity[i] = eg_entities_intern(ents, i % 3 ? "ORG" : "PERSON", label, (size_t)n, NULL);
	}

	/* Distinct pairs, tracked in an open-addressing set of (a << 32 | b) + 1. */
	size_t cap = 1;
	while (cap < want_edges * 2)
		cap <<= 1;
	uint64_t *seen = calloc(cap, sizeof(*seen));
	eg_cooc *counts = eg_cooc_new((eg_window){EG_WINDOW_SENTENCE, 0});
	eg_tokens tokens = {0};
	eg_mentions mentions = {0};
	static char text[64];
	char id[32];
	size_t edges = 0, documents = 0;
	EG_GROW(tokens.v, tokens.cap, 2);
	tokens.n = 2;
	tokens.v[0] = (eg_token){.start = 0, .end = 1};
	tokens.v[1] = (eg_token){.start = 2, .end = 3};
	tokens.sentences = tokens.paragraphs = 1;
	while (edges < want_edges) {
		uint32_t a = skewed(nodes), b = skewed(nodes);
		if (a == b)
			continue;
		if (a > b) {
			uint32_t t = a;
			a = b;
			b = t;
		}
		uint64_t key = ((uint64_t)a << 32 | b) + 1;
		size_t slot = (size_t)(key * 0x9e3779b97f4a7c15u) & (cap - 1);
		while (seen[slot] && seen[slot] != key)
			slot = (slot + 1) & (cap - 1);
		if (!seen[slot]) {
			seen[slot] = key;
			edges++;
		}
		/* One document per pair: repeats add weight, as in a corpus. */
		snprintf(id, sizeof(id), "doc%zu", documents++);
		eg_document doc = {.id = id, .text = text, .length = sizeof(text) - 1};
		mentions.n = 0;
		eg_mention x = {.start = 0, .end = 1, .tok_start = 0, .tok_end = 1, .entity = entity[a]};
		eg_mention y = {.start = 2, .end = 3, .tok_start = 1, .tok_end = 2, .entity = entity[b]};
		eg_mentions_push(&mentions, &x);
		eg_mentions_push(&mentions, &y);
		eg_mentions_locate(&mentions, &tokens);
		eg_cooc_add_document(counts, &doc, mentions.v, mentions.n);
	}

	eg_graph_options options = {.min_weight = 1};
	eg_graph g;
	eg_error err;
	double start = seconds();
	if (eg_graph_build(&g, counts, ents, &options, &err) < 0) {
		fprintf(stderr, "bench-graph-metrics: %s\n", err.message);
		return 1;
	}
	double elapsed = seconds() - start;
	printf("eg_graph_build: %zu nodes, %zu edges, %zu documents: %.2f s (all metrics; betweenness %s; "
	       "layout on the calling thread)\n",
	       g.node_count, g.edge_count, documents, elapsed,
	       (double)g.node_count * (double)g.edge_count > EG_BETWEENNESS_WORK ? "sampled" : "exact");
	eg_graph_free(&g);
	eg_cooc_free(counts);
	eg_entities_free(ents);
	eg_mentions_free(&mentions);
	eg_tokens_free(&tokens);
	free(seen);
	free(entity);
	return 0;
}
