#include "graph/weight.h"

#include <math.h>
#include <string.h>

static const char *const names[] = {
	[EG_WEIGHT_COUNT] = "count", [EG_WEIGHT_DOCUMENTS] = "documents", [EG_WEIGHT_PMI] = "pmi",
	[EG_WEIGHT_NPMI] = "npmi",   [EG_WEIGHT_JACCARD] = "jaccard",     [EG_WEIGHT_DICE] = "dice",
};
#define WEIGHTING_COUNT (sizeof(names) / sizeof(names[0]))

int eg_weighting_parse(const char *s, eg_weighting *out, eg_error *err)
{
	for (size_t i = 0; i < WEIGHTING_COUNT; i++) {
		if (strcmp(s, names[i]) == 0) {
			*out = (eg_weighting)i;
			return 0;
		}
	}
	return eg_error_set(err, "unknown weighting \"%s\" (choose count, documents, pmi, npmi, jaccard or dice)", s);
}

const char *eg_weighting_name(eg_weighting w)
{
	return (size_t)w < WEIGHTING_COUNT ? names[w] : "unknown";
}

static eg_edge_measures measures(uint64_t d_ij, uint64_t d_i, uint64_t d_j, uint64_t total)
{
	double both = (double)d_ij, a = (double)d_i, b = (double)d_j, n = (double)total;
	eg_edge_measures m;
	/* Counts from merged or hand-made data could break d_ij <= d_i <= D;
	 * guard the logarithms rather than write NaN or infinity. */
	if (both > 0 && a > 0 && b > 0 && n > 0) {
		m.pmi = log(both * n / (a * b));
		double h = -log(both / n);
		m.npmi = h > 0 ? m.pmi / h : 1.0;
	} else {
		m.pmi = m.npmi = 0;
	}
	m.jaccard = a + b - both > 0 ? both / (a + b - both) : 0;
	m.dice = a + b > 0 ? 2 * both / (a + b) : 0;
	return m;
}

eg_edge_measures eg_graph_edge_measures(const eg_graph *g, size_t edge)
{
	const eg_graph_edge *e = &g->edges[edge];
	return measures(e->documents, g->nodes[e->source].documents, g->nodes[e->target].documents,
			g->document_count);
}

int eg_edge_weigh(eg_graph_edge *e, uint64_t d_i, uint64_t d_j, uint64_t total, eg_weighting w)
{
	eg_edge_measures m = measures(e->documents, d_i, d_j, total);
	switch (w) {
	case EG_WEIGHT_COUNT: e->weight = (double)e->count; break;
	case EG_WEIGHT_DOCUMENTS: e->weight = (double)e->documents; break;
	case EG_WEIGHT_PMI: e->weight = m.pmi; break;
	case EG_WEIGHT_NPMI: e->weight = m.npmi; break;
	case EG_WEIGHT_JACCARD: e->weight = m.jaccard; break;
	case EG_WEIGHT_DICE: e->weight = m.dice; break;
	}
	/* Chance is decided by pmi for npmi too: where the pair is in every
	 * document npmi is 1 by convention, while pmi is 0, no association. */
	if (w == EG_WEIGHT_PMI || w == EG_WEIGHT_NPMI)
		return m.pmi > 0;
	return e->weight > 0;
}
