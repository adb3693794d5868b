#include "graph/metrics.h"
#include "graph/layout.h"
#include "graph/previous.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* igraph reports errors through a handler that aborts by default; ours only
 * lets the call return its code, which becomes an eg_error. */
int eg_igraph_failed(igraph_error_t code, const char *what, eg_error *err)
{
	if (code == IGRAPH_SUCCESS)
		return 0;
	return eg_error_set(err, "igraph: %s: %s", what, igraph_strerror(code));
}

/* The size metrics, by name, read from a node whose other metrics are set. */
typedef enum size_metric {
	SIZE_PAGERANK,
	SIZE_DEGREE,
	SIZE_WEIGHTED_DEGREE,
	SIZE_BETWEENNESS,
	SIZE_MENTIONS,
	SIZE_DOCUMENTS,
} size_metric;

static const char *const size_metric_names[] = {
	[SIZE_PAGERANK] = "pagerank",	      [SIZE_DEGREE] = "degree",	  [SIZE_WEIGHTED_DEGREE] = "weighted_degree",
	[SIZE_BETWEENNESS] = "betweenness", [SIZE_MENTIONS] = "mentions", [SIZE_DOCUMENTS] = "documents",
};
#define SIZE_METRIC_COUNT (sizeof(size_metric_names) / sizeof(size_metric_names[0]))

static int size_metric_find(const char *name, size_metric *out, eg_error *err)
{
	if (!name) {
		*out = SIZE_PAGERANK;
		return 0;
	}
	for (size_t i = 0; i < SIZE_METRIC_COUNT; i++) {
		if (strcmp(name, size_metric_names[i]) == 0) {
			*out = (size_metric)i;
			return 0;
		}
	}
	return eg_error_set(err,
			    "unknown size metric \"%s\" (choose pagerank, degree, weighted_degree, betweenness, "
			    "mentions or documents)",
			    name);
}

int eg_size_metric_check(const char *name, eg_error *err)
{
	size_metric m = SIZE_PAGERANK;
	return size_metric_find(name, &m, err);
}

static double size_value(const eg_graph_node *n, size_metric m)
{
	switch (m) {
	case SIZE_PAGERANK: return n->pagerank;
	case SIZE_DEGREE: return n->degree;
	case SIZE_WEIGHTED_DEGREE: return n->weighted_degree;
	case SIZE_BETWEENNESS: return n->betweenness;
	case SIZE_MENTIONS: return (double)n->mentions;
	case SIZE_DOCUMENTS: return (double)n->documents;
	}
	return 0;
}

static void scale_sizes(eg_graph *g, size_metric m)
{
	double low = INFINITY, high = -INFINITY;
	for (size_t i = 0; i < g->node_count; i++) {
		double v = size_value(&g->nodes[i], m);
		low = v < low ? v : low;
		high = v > high ? v : high;
	}
	for (size_t i = 0; i < g->node_count; i++) {
		double v = size_value(&g->nodes[i], m);
		/* A range within rounding noise would magnify that noise. */
		if (!(high - low > 1e-12 * fabs(high)))
			g->nodes[i].size = (EG_SIZE_MIN + EG_SIZE_MAX) / 2;
		else
			g->nodes[i].size = EG_SIZE_MIN + (v - low) / (high - low) * (EG_SIZE_MAX - EG_SIZE_MIN);
	}
}

/* Colours from Tableau 10, distinct for the common forms of colour blindness. */
static const struct {
	const char *type;
	uint8_t rgb[3];
} palette[] = {
	{"PERSON", {78, 121, 167}}, /* blue */
	{"ORG", {242, 142, 43}},    /* orange */
	{"UNIT", {225, 87, 89}},    /* red */
	{"PRODUCT", {118, 183, 178}}, /* teal */
	{"PLACE", {89, 161, 79}},   /* green */
};

void eg_type_colour(const char *type, uint8_t rgb[3])
{
	for (size_t i = 0; i < sizeof(palette) / sizeof(palette[0]); i++) {
		if (strcmp(type, palette[i].type) == 0) {
			memcpy(rgb, palette[i].rgb, 3);
			return;
		}
	}
	/* A hue from the hash at the palette's saturation and value, in integer
	 * arithmetic so every platform gets the same bytes. */
	unsigned hue = (unsigned)(eg_hash_bytes(type, strlen(type)) % 360), s = 150, v = 200;
	unsigned region = hue / 60, rest = (hue % 60) * 255 / 60;
	uint8_t p = (uint8_t)(v * (255 - s) / 255), q = (uint8_t)(v * (255 - s * rest / 255) / 255),
		t = (uint8_t)(v * (255 - s * (255 - rest) / 255) / 255), top = (uint8_t)v;
	uint8_t table[6][3] = {{top, t, p}, {q, top, p}, {p, top, t}, {p, q, top}, {t, p, top}, {top, p, q}};
	memcpy(rgb, table[region], 3);
}

/* Renumbers a membership vector so that ids follow the order of each
 * group's first node: canonical whatever numbering igraph chose. */
static void renumber_by_first_node(igraph_vector_int_t *membership, int64_t *out, size_t n)
{
	int64_t *id = eg_xmalloc((n ? n : 1) * sizeof(*id));
	for (size_t i = 0; i < n; i++)
		id[i] = -1;
	int64_t next = 0;
	for (size_t i = 0; i < n; i++) {
		igraph_integer_t c = VECTOR(*membership)[i];
		if (id[c] < 0)
			id[c] = next++;
		out[i] = id[c];
	}
	free(id);
}

typedef struct component_rank {
	igraph_integer_t size;
	size_t first; /* smallest node index */
	igraph_integer_t igraph_id;
} component_rank;

static int by_size_then_first(const void *a, const void *b)
{
	const component_rank *x = a, *y = b;
	if (x->size != y->size)
		return x->size > y->size ? -1 : 1;
	return x->first < y->first ? -1 : x->first > y->first;
}

static int compute_components(eg_graph *g, eg_error *err)
{
	igraph_vector_int_t membership, sizes;
	igraph_integer_t count;
	if (eg_igraph_failed(igraph_vector_int_init(&membership, 0), "components", err))
		return -1;
	if (eg_igraph_failed(igraph_vector_int_init(&sizes, 0), "components", err)) {
		igraph_vector_int_destroy(&membership);
		return -1;
	}
	if (eg_igraph_failed(igraph_connected_components(&g->g, &membership, &sizes, &count, IGRAPH_WEAK),
			     "components", err)) {
		igraph_vector_int_destroy(&membership);
		igraph_vector_int_destroy(&sizes);
		return -1;
	}
	component_rank *rank = eg_xmalloc((size_t)(count ? count : 1) * sizeof(*rank));
	for (igraph_integer_t c = 0; c < count; c++)
		rank[c] = (component_rank){.size = VECTOR(sizes)[c], .first = SIZE_MAX, .igraph_id = c};
	for (size_t i = g->node_count; i-- > 0;)
		rank[VECTOR(membership)[i]].first = i;
	qsort(rank, (size_t)count, sizeof(*rank), by_size_then_first);
	int64_t *number = eg_xmalloc((size_t)(count ? count : 1) * sizeof(*number));
	for (igraph_integer_t c = 0; c < count; c++)
		number[rank[c].igraph_id] = c;
	for (size_t i = 0; i < g->node_count; i++)
		g->nodes[i].component = number[VECTOR(membership)[i]];
	free(number);
	free(rank);
	igraph_vector_int_destroy(&membership);
	igraph_vector_int_destroy(&sizes);
	return 0;
}

/* A pair (new community, previous number) and the nodes they share. */
typedef struct overlap {
	int64_t community, previous;
	size_t shared;
} overlap;

static int by_overlap(const void *a, const void *b)
{
	const overlap *x = a, *y = b;
	if (x->shared != y->shared)
		return x->shared > y->shared ? -1 : 1;
	if (x->community != y->community)
		return x->community < y->community ? -1 : 1;
	return x->previous < y->previous ? -1 : x->previous > y->previous;
}

/* Renumbers communities (numbered 0..k-1 in out) after the previous run's:
 * greedily, the pair of new community and previous number sharing the most
 * nodes first (ties by the smaller numbers), each new community takes the
 * previous number it is paired with; the others follow the highest
 * previous number, in their own order.  An unchanged community keeps its
 * number; one split keeps it in its larger part. */
static void match_previous(const eg_graph *g, const eg_previous *previous, int64_t *out)
{
	size_t n = g->node_count, m = 0;
	int64_t k = 0;
	for (size_t i = 0; i < n; i++)
		k = out[i] + 1 > k ? out[i] + 1 : k;
	overlap *pairs = eg_xmalloc((n ? n : 1) * sizeof(*pairs));
	for (size_t i = 0; i < n; i++) {
		const eg_previous_node *p = eg_previous_find(previous, g->nodes[i].id);
		if (p && p->community >= 0)
			pairs[m++] = (overlap){out[i], p->community, 1};
	}
	/* Count each (community, previous) pair once. */
	qsort(pairs, m, sizeof(*pairs), by_overlap);
	size_t distinct = 0;
	for (size_t i = 0; i < m; i++) {
		if (distinct && pairs[distinct - 1].community == pairs[i].community &&
		    pairs[distinct - 1].previous == pairs[i].previous)
			pairs[distinct - 1].shared++;
		else
			pairs[distinct++] = pairs[i];
	}
	qsort(pairs, distinct, sizeof(*pairs), by_overlap);
	int64_t *number = eg_xmalloc((size_t)(k ? k : 1) * sizeof(*number));
	for (int64_t c = 0; c < k; c++)
		number[c] = -1;
	int64_t taken_cap = previous->communities, next = previous->communities;
	unsigned char *taken = eg_xcalloc((size_t)(taken_cap ? taken_cap : 1), 1);
	for (size_t i = 0; i < distinct; i++) {
		if (number[pairs[i].community] >= 0 || taken[pairs[i].previous])
			continue;
		number[pairs[i].community] = pairs[i].previous;
		taken[pairs[i].previous] = 1;
	}
	for (int64_t c = 0; c < k; c++)
		if (number[c] < 0)
			number[c] = next++;
	for (size_t i = 0; i < n; i++)
		out[i] = number[out[i]];
	free(taken);
	free(number);
	free(pairs);
}

/* Communities after a previous run's (graph/previous.h): a node in as many
 * documents as before keeps its community; the others (new ones start
 * alone) move, in index order and in passes until none moves (at most 20),
 * to the community that gains modularity most, among their own and their
 * neighbours': k_i,C - k_i tot(C) / 2m, as Louvain's local moving does;
 * ties to the smaller number.  New communities are numbered after the
 * previous ones, in order of their first node.  Returns 0, leaving
 * community alone, when less than half the nodes have a previous community
 * (another corpus or other filters: better found afresh). */
static int communities_after(const eg_graph *g, const igraph_vector_t *weights, const igraph_vector_t *strength,
			     const eg_previous *previous, int64_t *community)
{
	size_t n = g->node_count, shared = 0;
	const eg_previous_node **p = eg_xmalloc(n * sizeof(*p));
	for (size_t i = 0; i < n; i++) {
		p[i] = eg_previous_find(previous, g->nodes[i].id);
		if (p[i] && p[i]->community < 0)
			p[i] = NULL;
		shared += p[i] != NULL;
	}
	if (2 * shared < n) {
		free(p);
		return 0;
	}
	int64_t old = previous->communities, next = old;
	size_t slots = (size_t)old + n;
	double *tot = eg_xcalloc(slots, sizeof(*tot)), *link = eg_xcalloc(slots, sizeof(*link));
	unsigned char *touched = eg_xmalloc(n);
	for (size_t i = 0; i < n; i++) {
		touched[i] = !p[i] || p[i]->documents != (int64_t)g->nodes[i].documents;
		community[i] = p[i] ? p[i]->community : next++;
		tot[community[i]] += VECTOR(*strength)[i];
	}
	/* Each node's edges. */
	size_t *offset = eg_xcalloc(n + 1, sizeof(*offset));
	for (size_t e = 0; e < g->edge_count; e++) {
		offset[g->edges[e].source + 1]++;
		offset[g->edges[e].target + 1]++;
	}
	for (size_t i = 0; i < n; i++)
		offset[i + 1] += offset[i];
	size_t *fill = eg_xmalloc((n ? n : 1) * sizeof(*fill)), ends = offset[n] ? offset[n] : 1;
	memcpy(fill, offset, n * sizeof(*fill));
	uint32_t *other = eg_xmalloc(ends * sizeof(*other));
	double *w = eg_xmalloc(ends * sizeof(*w));
	for (size_t e = 0; e < g->edge_count; e++) {
		uint32_t a = g->edges[e].source, b = g->edges[e].target;
		other[fill[a]] = b;
		w[fill[a]++] = VECTOR(*weights)[e];
		other[fill[b]] = a;
		w[fill[b]++] = VECTOR(*weights)[e];
	}
	double two_m = 2 * igraph_vector_sum(weights);
	for (int pass = 0; pass < 20 && two_m > 0; pass++) {
		int moved = 0;
		for (size_t i = 0; i < n; i++) {
			if (!touched[i])
				continue;
			double k = VECTOR(*strength)[i];
			int64_t own = community[i], best = own;
			tot[own] -= k;
			for (size_t e = offset[i]; e < offset[i + 1]; e++)
				link[community[other[e]]] += w[e];
			double best_gain = link[own] - k * tot[own] / two_m;
			for (size_t e = offset[i]; e < offset[i + 1]; e++) {
				int64_t c = community[other[e]];
				double gain = link[c] - k * tot[c] / two_m;
				if (gain > best_gain + 1e-12 || (gain > best_gain - 1e-12 && c < best && gain >= best_gain)) {
					best = c;
					best_gain = gain;
				}
			}
			for (size_t e = offset[i]; e < offset[i + 1]; e++)
				link[community[other[e]]] = 0;
			link[own] = 0;
			tot[best] += k;
			if (best != own) {
				community[i] = best;
				moved = 1;
			}
		}
		if (!moved)
			break;
	}
	/* The new communities' numbers, dense after the previous ones. */
	int64_t *number = eg_xmalloc(slots * sizeof(*number));
	for (size_t c = 0; c < slots; c++)
		number[c] = (int64_t)c < old ? (int64_t)c : -1;
	next = old;
	for (size_t i = 0; i < n; i++) {
		if (number[community[i]] < 0)
			number[community[i]] = next++;
		community[i] = number[community[i]];
	}
	free(number);
	free(other);
	free(w);
	free(fill);
	free(offset);
	free(touched);
	free(link);
	free(tot);
	free(p);
	return 1;
}

/* Leiden with the modularity objective: node weights are strengths and
 * the resolution 1 / (2 * total weight), as igraph's documentation says.
 * After a previous run, communities_after instead, or Leiden numbered
 * after it (match_previous). */
static int compute_communities(eg_graph *g, const igraph_vector_t *weights, const igraph_vector_t *strength,
			       const eg_previous *previous, eg_error *err)
{
	int64_t *community = eg_xmalloc((g->node_count ? g->node_count : 1) * sizeof(*community));
	int start = previous && previous->communities > 0;
	if (start && communities_after(g, weights, strength, previous, community)) {
		for (size_t i = 0; i < g->node_count; i++)
			g->nodes[i].community = community[i];
		free(community);
		return 0;
	}
	igraph_vector_int_t membership;
	double total = igraph_vector_sum(weights);
	if (eg_igraph_failed(igraph_vector_int_init(&membership, (igraph_integer_t)g->node_count), "community", err)) {
		free(community);
		return -1;
	}
	if (total > 0) {
		igraph_integer_t clusters;
		igraph_real_t quality;
		igraph_rng_seed(igraph_rng_default(), 1);
		if (eg_igraph_failed(igraph_community_leiden(&g->g, weights, strength, 1.0 / (2 * total), 0.01, 0, -1,
							     &membership, &clusters, &quality),
				     "community", err)) {
			igraph_vector_int_destroy(&membership);
			free(community);
			return -1;
		}
	} else {
		for (size_t i = 0; i < g->node_count; i++)
			VECTOR(membership)[i] = (igraph_integer_t)i;
	}
	renumber_by_first_node(&membership, community, g->node_count);
	if (start)
		match_previous(g, previous, community);
	for (size_t i = 0; i < g->node_count; i++)
		g->nodes[i].community = community[i];
	free(community);
	igraph_vector_int_destroy(&membership);
	return 0;
}

/* Two decimals are finer than any screen shows and hide the last-bit
 * differences floating point may bring between platforms. */
static double round_position(double v)
{
	double r = round(v * 100) / 100;
	return r == 0 ? 0 : r; /* no "-0" */
}

/* ForceAtlas2 with the discs Gephi will draw (layout.h): sizes first;
 * from the previous run's positions where it had the node. */
static void compute_layout(eg_graph *g, const igraph_vector_t *weights, const eg_previous *previous,
			   unsigned threads)
{
	eg_layout_edge *edges = eg_xmalloc((g->edge_count ? g->edge_count : 1) * sizeof(*edges));
	double *radius = eg_xmalloc(g->node_count * sizeof(*radius));
	double *x = eg_xmalloc(g->node_count * sizeof(*x)), *y = eg_xmalloc(g->node_count * sizeof(*y));
	for (size_t i = 0; i < g->edge_count; i++)
		edges[i] = (eg_layout_edge){g->edges[i].source, g->edges[i].target, VECTOR(*weights)[i]};
	for (size_t i = 0; i < g->node_count; i++)
		radius[i] = g->nodes[i].size;
	eg_layout_graph layout = {.node_count = g->node_count, .radius = radius, .edges = edges,
				  .edge_count = g->edge_count};
	double *start = NULL;
	unsigned char *pinned = NULL;
	if (previous && previous->count) {
		start = eg_xcalloc(2 * g->node_count, sizeof(*start));
		pinned = eg_xcalloc(g->node_count, 1);
		for (size_t i = 0; i < g->node_count; i++) {
			const eg_previous_node *p = eg_previous_find(previous, g->nodes[i].id);
			if (p && p->placed) {
				start[2 * i] = p->x;
				start[2 * i + 1] = p->y;
				pinned[i] = 1;
			}
		}
		layout.start = start;
		layout.pinned = pinned;
	}
	eg_layout(&layout, threads, x, y);
	free(start);
	free(pinned);
	for (size_t i = 0; i < g->node_count; i++) {
		g->nodes[i].x = round_position(x[i]);
		g->nodes[i].y = round_position(y[i]);
	}
	free(x);
	free(y);
	free(radius);
	free(edges);
}

/* Weighted PageRank, damping 0.85, by power iteration in a fixed order.
 * igraph's PRPACK solver sums in parallel (OpenMP), so its last digits vary
 * from run to run; output must not.  A node without edges spreads its rank
 * evenly, as in igraph.  Stops when an iteration moves the ranks by less
 * than 1e-12 in all, or after 1000 iterations. */
static void pagerank(eg_graph *g, const igraph_vector_t *weights, const igraph_vector_t *strength)
{
	const double damping = 0.85;
	size_t n = g->node_count;
	double *rank = eg_xmalloc(n * sizeof(*rank)), *next = eg_xmalloc(n * sizeof(*next));
	for (size_t i = 0; i < n; i++)
		rank[i] = 1.0 / (double)n;
	for (int iteration = 0; iteration < 1000; iteration++) {
		double dangling = 0;
		for (size_t i = 0; i < n; i++)
			if (!(VECTOR(*strength)[i] > 0))
				dangling += rank[i];
		double base = (1 - damping) / (double)n + damping * dangling / (double)n;
		for (size_t i = 0; i < n; i++)
			next[i] = base;
		for (size_t k = 0; k < g->edge_count; k++) {
			uint32_t a = g->edges[k].source, b = g->edges[k].target;
			double w = VECTOR(*weights)[k];
			if (!(w > 0))
				continue;
			next[b] += damping * rank[a] * w / VECTOR(*strength)[a];
			next[a] += damping * rank[b] * w / VECTOR(*strength)[b];
		}
		double change = 0, total = 0;
		for (size_t i = 0; i < n; i++)
			total += next[i];
		for (size_t i = 0; i < n; i++) {
			next[i] /= total;
			change += fabs(next[i] - rank[i]);
		}
		double *t = rank;
		rank = next;
		next = t;
		if (change < 1e-12)
			break;
	}
	for (size_t i = 0; i < n; i++)
		g->nodes[i].pagerank = rank[i];
	free(rank);
	free(next);
}

/* Degree, weighted degree, PageRank and betweenness: the igraph calls that
 * fill one vector per node. */
static int compute_centralities(eg_graph *g, const igraph_vector_t *weights, igraph_vector_t *strength,
				eg_error *err)
{
	igraph_vector_int_t degree;
	igraph_vector_t value;
	int rc = -1;
	if (eg_igraph_failed(igraph_vector_int_init(&degree, 0), "degree", err))
		return -1;
	if (eg_igraph_failed(igraph_vector_init(&value, 0), "degree", err)) {
		igraph_vector_int_destroy(&degree);
		return -1;
	}
	if (eg_igraph_failed(igraph_degree(&g->g, &degree, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS), "degree",
			     err))
		goto done;
	for (size_t i = 0; i < g->node_count; i++)
		g->nodes[i].degree = (double)VECTOR(degree)[i];
	if (eg_igraph_failed(igraph_strength(&g->g, strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, weights),
			     "strength", err))
		goto done;
	for (size_t i = 0; i < g->node_count; i++)
		g->nodes[i].weighted_degree = VECTOR(*strength)[i];
	pagerank(g, weights, strength);
	/* Exact betweenness costs a search from every node: nodes x edges.
	 * Beyond EG_BETWEENNESS_WORK it is estimated from searches out of an
	 * evenly spaced sample of nodes (in id order, so runs agree), scaled
	 * up by nodes / sample: unbiased, and it keeps the hubs' ranking,
	 * where a hop cutoff would flatten it. */
	igraph_error_t code;
	double work = (double)g->node_count * (double)(g->edge_count ? g->edge_count : 1);
	if (work <= EG_BETWEENNESS_WORK) {
		code = igraph_betweenness(&g->g, &value, igraph_vss_all(), 0, NULL);
	} else {
		size_t k = (size_t)(EG_BETWEENNESS_WORK / (double)(g->edge_count ? g->edge_count : 1));
		if (k < EG_BETWEENNESS_MIN_SAMPLE)
			k = EG_BETWEENNESS_MIN_SAMPLE;
		if (k > g->node_count)
			k = g->node_count;
		igraph_vector_int_t sample;
		code = igraph_vector_int_init(&sample, (igraph_integer_t)k);
		if (code == IGRAPH_SUCCESS) {
			for (size_t i = 0; i < k; i++)
				VECTOR(sample)[i] = (igraph_integer_t)(i * g->node_count / k);
			code = igraph_betweenness_subset(&g->g, &value, igraph_vss_all(), 0, igraph_vss_vector(&sample),
							 igraph_vss_all(), NULL);
			igraph_vector_int_destroy(&sample);
			for (size_t i = 0; code == IGRAPH_SUCCESS && i < g->node_count; i++)
				VECTOR(value)[i] *= (double)g->node_count / (double)k;
		}
	}
	if (eg_igraph_failed(code, "betweenness", err))
		goto done;
	for (size_t i = 0; i < g->node_count; i++)
		g->nodes[i].betweenness = VECTOR(value)[i];
	rc = 0;
done:
	igraph_vector_int_destroy(&degree);
	igraph_vector_destroy(&value);
	return rc;
}

int eg_graph_compute_metrics(eg_graph *g, const eg_graph_options *options, eg_error *err)
{
	size_metric metric = SIZE_PAGERANK;
	if (size_metric_find(options->size_metric, &metric, err) < 0)
		return -1;
	for (size_t i = 0; i < g->node_count; i++) {
		uint8_t rgb[3];
		eg_type_colour(g->nodes[i].type, rgb);
		g->nodes[i].r = rgb[0];
		g->nodes[i].g = rgb[1];
		g->nodes[i].b = rgb[2];
	}
	if (g->node_count == 0)
		return 0;

	/* Every weight is above 0 (graph.h), so the chosen one serves
	 * PageRank and communities as it is. */
	igraph_vector_t weights, strength;
	int rc = -1;
	if (eg_igraph_failed(igraph_vector_init(&weights, (igraph_integer_t)g->edge_count), "weights", err))
		return -1;
	if (eg_igraph_failed(igraph_vector_init(&strength, 0), "strength", err))
		goto done;
	for (size_t i = 0; i < g->edge_count; i++)
		VECTOR(weights)[i] = g->edges[i].weight;
	if (compute_centralities(g, &weights, &strength, err) < 0 || compute_components(g, err) < 0 ||
	    compute_communities(g, &weights, &strength, options->previous, err) < 0)
		goto free_strength;
	scale_sizes(g, metric);
	compute_layout(g, &weights, options->previous, options->threads);
	rc = 0;
free_strength:
	igraph_vector_destroy(&strength);
done:
	igraph_vector_destroy(&weights);
	return rc;
}
