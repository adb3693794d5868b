/* Times eg_layout and counts the discs that overlap in its result.
 *
 * Without an argument, on a generated graph of 10,000 nodes and 50,000
 * edges grown by preferential attachment (each new node links to 5 earlier
 * ones chosen in proportion to their degree, so degrees follow a power law
 * as in news, where a few entities have thousands of neighbours), with
 * count-like weights (1 plus a geometric number) and radii 10 to 50 by
 * degree, as entgraph sizes nodes.  Fixed seed: the same graph every run.
 * With a GraphML file written by entgraph (e.g. the -w paragraph graph of
 * bench/gen-corpus.py's batch), on its nodes' sizes and edges' weights.
 *
 *   ninja -C build bench-layout && build/bench-layout [-j THREADS] [-o TSV] [GRAPHML]
 *
 * -o writes the result as lines "x y radius" then "edge source target", to
 * look at.
 */
#include "graph/layout.h"

#include <libxml/xmlreader.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* Wall-clock and processor time: the machine may be shared, and the
 * processor time of all threads shows the work whatever the others do. */
static double seconds(clockid_t clock)
{
	struct timespec t;
	clock_gettime(clock, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

typedef struct bench_graph {
	size_t n, edges, cap;
	double *radius;
	eg_layout_edge *edge;
} bench_graph;

static void add_edge(bench_graph *g, uint32_t a, uint32_t b, double w)
{
	if (g->edges == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 1024;
		g->edge = realloc(g->edge, g->cap * sizeof(*g->edge));
	}
	g->edge[g->edges++] = (eg_layout_edge){a, b, w};
}

/* Preferential attachment: `ends` lists every edge's two ends, so a
 * uniform pick from it is a pick by degree. */
static void generate(bench_graph *g, uint32_t nodes, uint32_t links)
{
	uint32_t *ends = malloc(2 * (size_t)nodes * links * sizeof(*ends));
	size_t end_count = 0;
	size_t *degree = calloc(nodes, sizeof(*degree));
	g->n = nodes;
	for (uint32_t v = 1; v < nodes; v++) {
		uint32_t chosen[16];
		uint32_t want = v < links ? v : links, got = 0;
		while (got < want) {
			uint32_t u = end_count && next_random() % 8 ? ends[next_random() % end_count]
								   : (uint32_t)(next_random() % v);
			int dup = 0;
			for (uint32_t k = 0; k < got; k++)
				dup |= chosen[k] == u;
			if (dup)
				continue;
			chosen[got++] = u;
		}
		for (uint32_t k = 0; k < got; k++) {
			uint32_t u = chosen[k], w = 1;
			while (next_random() % 3 == 0)
				w++;
			add_edge(g, u < v ? u : v, u < v ? v : u, w);
			ends[end_count++] = u;
			ends[end_count++] = v;
			degree[u]++;
			degree[v]++;
		}
	}
	size_t high = 1;
	for (uint32_t v = 0; v < nodes; v++)
		high = degree[v] > high ? degree[v] : high;
	g->radius = malloc(nodes * sizeof(*g->radius));
	for (uint32_t v = 0; v < nodes; v++)
		g->radius[v] = 10 + 40 * log((double)degree[v] + 1) / log((double)high + 1);
	free(degree);
	free(ends);
}

/* Reads the nodes' sizes and the edges' weights of an entgraph GraphML. */
static int read_graphml(bench_graph *g, const char *path)
{
	xmlTextReaderPtr r = xmlReaderForFile(path, NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
	if (!r)
		return -1;
	char size_key[64] = "", weight_key[64] = "", data_key[64] = "";
	char **ids = NULL;
	size_t id_cap = 0, node_cap = 0;
	char source[512], target[512];
	int in = 0; /* 1 in a node, 2 in an edge */
	while (xmlTextReaderRead(r) == 1) {
		int type = xmlTextReaderNodeType(r);
		const char *name = (const char *)xmlTextReaderConstLocalName(r);
		if (type == XML_READER_TYPE_ELEMENT && strcmp(name, "key") == 0) {
			char *id = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)"id");
			char *attr = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)"attr.name");
			char *dom = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)"for");
			if (id && attr && dom && strcmp(attr, "size") == 0 && strcmp(dom, "node") == 0)
				snprintf(size_key, sizeof(size_key), "%s", id);
			if (id && attr && dom && strcmp(attr, "weight") == 0 && strcmp(dom, "edge") == 0)
				snprintf(weight_key, sizeof(weight_key), "%s", id);
			xmlFree(id);
			xmlFree(attr);
			xmlFree(dom);
		} else if (type == XML_READER_TYPE_ELEMENT && strcmp(name, "node") == 0) {
			if (g->n == id_cap) {
				id_cap = id_cap ? 2 * id_cap : 1024;
				ids = realloc(ids, id_cap * sizeof(*ids));
			}
			if (g->n == node_cap) {
				node_cap = node_cap ? 2 * node_cap : 1024;
				g->radius = realloc(g->radius, node_cap * sizeof(*g->radius));
			}
			ids[g->n] = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)"id");
			g->radius[g->n++] = 10;
			in = 1;
		} else if (type == XML_READER_TYPE_ELEMENT && strcmp(name, "edge") == 0) {
			char *s = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)"source");
			char *t = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)"target");
			snprintf(source, sizeof(source), "%s", s ? s : "");
			snprintf(target, sizeof(target), "%s", t ? t : "");
			xmlFree(s);
			xmlFree(t);
			/* Nodes come first, in id order (entgraph sorts them): find by bisection. */
			uint32_t ends[2];
			const char *want[2] = {source, target};
			for (int e = 0; e < 2; e++) {
				size_t lo = 0, hi = g->n;
				while (lo < hi) {
					size_t mid = (lo + hi) / 2;
					if (strcmp(ids[mid], want[e]) < 0)
						lo = mid + 1;
					else
						hi = mid;
				}
				ends[e] = (uint32_t)lo;
			}
			add_edge(g, ends[0], ends[1], 1);
			in = 2;
		} else if (type == XML_READER_TYPE_ELEMENT && strcmp(name, "data") == 0) {
			char *key = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)"key");
			snprintf(data_key, sizeof(data_key), "%s", key ? key : "");
			xmlFree(key);
		} else if (type == XML_READER_TYPE_TEXT && in) {
			const char *v = (const char *)xmlTextReaderConstValue(r);
			if (in == 1 && strcmp(data_key, size_key) == 0)
				g->radius[g->n - 1] = strtod(v, NULL);
			if (in == 2 && strcmp(data_key, weight_key) == 0)
				g->edge[g->edges - 1].weight = strtod(v, NULL);
		} else if (type == XML_READER_TYPE_END_ELEMENT && strcmp(name, "data") == 0) {
			data_key[0] = 0;
		}
	}
	xmlFreeTextReader(r);
	for (size_t i = 0; i < g->n; i++)
		xmlFree(ids[i]);
	free(ids);
	return 0;
}

/* Nodes whose disc overlaps another's, by brute force: the check must not
 * share the layout's own grid. */
static size_t overlapping(const bench_graph *g, const double *x, const double *y)
{
	char *hit = calloc(g->n, 1);
	for (size_t i = 0; i < g->n; i++)
		for (size_t j = i + 1; j < g->n; j++) {
			double dx = x[i] - x[j], dy = y[i] - y[j], r = g->radius[i] + g->radius[j];
			if (dx * dx + dy * dy < r * r)
				hit[i] = hit[j] = 1;
		}
	size_t count = 0;
	for (size_t i = 0; i < g->n; i++)
		count += hit[i];
	free(hit);
	return count;
}

int main(int argc, char **argv)
{
	unsigned threads = 1;
	const char *dump = NULL;
	int arg = 1;
	for (; arg + 1 < argc && argv[arg][0] == '-'; arg += 2) {
		if (strcmp(argv[arg], "-j") == 0)
			threads = (unsigned)strtoul(argv[arg + 1], NULL, 10);
		else if (strcmp(argv[arg], "-o") == 0)
			dump = argv[arg + 1];
	}
	bench_graph g = {0};
	if (arg < argc) {
		if (read_graphml(&g, argv[arg]) < 0) {
			fprintf(stderr, "bench-layout: cannot read %s\n", argv[arg]);
			return 1;
		}
	} else {
		generate(&g, 10000, 5);
	}
	double *x = malloc(g.n * sizeof(*x)), *y = malloc(g.n * sizeof(*y));
	eg_layout_graph layout = {.node_count = g.n, .radius = g.radius, .edges = g.edge, .edge_count = g.edges};
	double start = seconds(CLOCK_MONOTONIC), start_cpu = seconds(CLOCK_PROCESS_CPUTIME_ID);
	eg_layout(&layout, threads, x, y);
	double elapsed = seconds(CLOCK_MONOTONIC) - start, cpu = seconds(CLOCK_PROCESS_CPUTIME_ID) - start_cpu;
	double lx = INFINITY, ly = INFINITY, hx = -INFINITY, hy = -INFINITY;
	for (size_t i = 0; i < g.n; i++) {
		lx = fmin(lx, x[i] - g.radius[i]);
		hx = fmax(hx, x[i] + g.radius[i]);
		ly = fmin(ly, y[i] - g.radius[i]);
		hy = fmax(hy, y[i] + g.radius[i]);
	}
	size_t over = overlapping(&g, x, y);
	printf("eg_layout: %zu nodes, %zu edges, %u thread%s: %.2f s (processor time %.2f s); %zu nodes overlap "
	       "another (%.2f%%); extent %.0f x %.0f\n",
	       g.n, g.edges, threads, threads == 1 ? "" : "s", elapsed, cpu, over,
	       g.n ? 100.0 * (double)over / (double)g.n : 0, hx - lx, hy - ly);
	FILE *out = dump ? fopen(dump, "w") : NULL;
	if (out) {
		for (size_t i = 0; i < g.n; i++)
			fprintf(out, "%.2f %.2f %.2f\n", x[i], y[i], g.radius[i]);
		for (size_t k = 0; k < g.edges; k++)
			fprintf(out, "edge %u %u\n", g.edge[k].source, g.edge[k].target);
		fclose(out);
	}
	free(x);
	free(y);
	free(g.radius);
	free(g.edge);
	return 0;
}
