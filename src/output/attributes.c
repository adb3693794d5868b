#include "output/attributes.h"
#include "graph/periods.h"
#include "text/utf8.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	NODE_LABEL, NODE_ENTITY_TYPE, NODE_CATEGORY, NODE_MENTIONS, NODE_DOCUMENTS, NODE_FIRST_SEEN, NODE_LAST_SEEN, NODE_SOURCES,
	NODE_SURFACE_FORMS, NODE_CANDIDATES,
	NODE_DEGREE, NODE_WEIGHTED_DEGREE, NODE_PAGERANK, NODE_BETWEENNESS, NODE_COMPONENT, NODE_COMMUNITY,
	NODE_SIZE, NODE_R, NODE_G, NODE_B, NODE_X, NODE_Y, NODE_PERIODS,
};

const eg_attr eg_node_attrs[] = {
	[NODE_LABEL] = {"label", "label", EG_ATTR_STRING},
	[NODE_ENTITY_TYPE] = {"entity_type", "entity_type", EG_ATTR_STRING},
	[NODE_CATEGORY] = {"category", "category", EG_ATTR_STRING},
	[NODE_MENTIONS] = {"mentions", "mentions", EG_ATTR_INT},
	[NODE_DOCUMENTS] = {"documents", "documents", EG_ATTR_INT},
	[NODE_FIRST_SEEN] = {"first_seen", "first_seen", EG_ATTR_STRING},
	[NODE_LAST_SEEN] = {"last_seen", "last_seen", EG_ATTR_STRING},
	[NODE_SOURCES] = {"sources", "sources", EG_ATTR_STRING},
	[NODE_SURFACE_FORMS] = {"surface_forms", "surface_forms", EG_ATTR_STRING},
	[NODE_CANDIDATES] = {"candidates", "candidates", EG_ATTR_STRING},
	[NODE_DEGREE] = {"degree", "degree", EG_ATTR_DOUBLE},
	[NODE_WEIGHTED_DEGREE] = {"weighted_degree", "weighted_degree", EG_ATTR_DOUBLE},
	[NODE_PAGERANK] = {"pagerank", "pagerank", EG_ATTR_DOUBLE},
	[NODE_BETWEENNESS] = {"betweenness", "betweenness", EG_ATTR_DOUBLE},
	[NODE_COMPONENT] = {"component", "component", EG_ATTR_INT},
	[NODE_COMMUNITY] = {"community", "community", EG_ATTR_INT},
	[NODE_SIZE] = {"size", "size", EG_ATTR_DOUBLE},
	[NODE_R] = {"r", "r", EG_ATTR_INT},
	[NODE_G] = {"g", "g", EG_ATTR_INT},
	[NODE_B] = {"b", "b", EG_ATTR_INT},
	[NODE_X] = {"x", "x", EG_ATTR_DOUBLE},
	[NODE_Y] = {"y", "y", EG_ATTR_DOUBLE},
	[NODE_PERIODS] = {"period_documents", "period_documents", EG_ATTR_STRING},
};
const size_t eg_node_attr_count = sizeof(eg_node_attrs) / sizeof(eg_node_attrs[0]);

enum { EDGE_WEIGHT, EDGE_COUNT, EDGE_DOCUMENTS, EDGE_FIRST_SEEN, EDGE_LAST_SEEN, EDGE_PMI, EDGE_NPMI, EDGE_JACCARD,
       EDGE_DICE, EDGE_EVIDENCE, EDGE_EVIDENCE_DATES, EDGE_EVIDENCE_TITLES, EDGE_EVIDENCE_OUTLETS,
       EDGE_EVIDENCE_URLS, EDGE_SNIPPET, EDGE_PREDICATE, EDGE_PREDICATES, EDGE_LINK_KIND, EDGE_PERIODS };

const eg_attr eg_edge_attrs[] = {
	[EDGE_WEIGHT] = {"weight", "weight", EG_ATTR_DOUBLE},
	[EDGE_COUNT] = {"count", "edge_count", EG_ATTR_INT},
	[EDGE_DOCUMENTS] = {"documents", "edge_documents", EG_ATTR_INT},
	[EDGE_FIRST_SEEN] = {"first_seen", "edge_first_seen", EG_ATTR_STRING},
	[EDGE_LAST_SEEN] = {"last_seen", "edge_last_seen", EG_ATTR_STRING},
	[EDGE_PMI] = {"pmi", "edge_pmi", EG_ATTR_DOUBLE},
	[EDGE_NPMI] = {"npmi", "edge_npmi", EG_ATTR_DOUBLE},
	[EDGE_JACCARD] = {"jaccard", "edge_jaccard", EG_ATTR_DOUBLE},
	[EDGE_DICE] = {"dice", "edge_dice", EG_ATTR_DOUBLE},
	[EDGE_EVIDENCE] = {"evidence", "edge_evidence", EG_ATTR_STRING},
	[EDGE_EVIDENCE_DATES] = {"evidence_dates", "edge_evidence_dates", EG_ATTR_STRING},
	[EDGE_EVIDENCE_TITLES] = {"evidence_titles", "edge_evidence_titles", EG_ATTR_STRING},
	[EDGE_EVIDENCE_OUTLETS] = {"evidence_outlets", "edge_evidence_outlets", EG_ATTR_STRING},
	[EDGE_EVIDENCE_URLS] = {"evidence_urls", "edge_evidence_urls", EG_ATTR_STRING},
	[EDGE_SNIPPET] = {"snippet", "edge_snippet", EG_ATTR_STRING},
	[EDGE_PREDICATE] = {"predicate", "edge_predicate", EG_ATTR_STRING},
	[EDGE_PREDICATES] = {"predicates", "edge_predicates", EG_ATTR_STRING},
	[EDGE_LINK_KIND] = {"link_kind", "edge_link_kind", EG_ATTR_STRING},
	[EDGE_PERIODS] = {"period_windows", "edge_period_windows", EG_ATTR_STRING},
};
const size_t eg_edge_attr_count = sizeof(eg_edge_attrs) / sizeof(eg_edge_attrs[0]);

static const char *uint_text(char *buf, uint64_t v)
{
	snprintf(buf, 64, "%" PRIu64, v);
	return buf;
}

static const char *int_text(char *buf, int64_t v)
{
	snprintf(buf, 64, "%" PRId64, v);
	return buf;
}

static const char *double_text(char *buf, double v)
{
	eg_format_double(buf, v);
	return buf;
}

static const char *nonempty(const char *s)
{
	return s && *s ? s : NULL;
}

/* Strings joined by EG_LIST_SEPARATOR into scratch; NULL for none. */
static const char *joined(const char *const *items, uint32_t n, eg_buf *scratch)
{
	if (!n)
		return NULL;
	eg_buf_clear(scratch);
	for (uint32_t i = 0; i < n; i++) {
		if (i)
			eg_buf_adds(scratch, EG_LIST_SEPARATOR);
		eg_buf_adds(scratch, items[i]);
	}
	return scratch->data;
}

size_t eg_node_attrs_for(const eg_graph *g)
{
	return g->periods ? eg_node_attr_count : eg_node_attr_count - 1;
}

size_t eg_edge_attrs_for(const eg_graph *g)
{
	return g->periods ? eg_edge_attr_count : eg_edge_attr_count - 1;
}

/* "FIRST-DAY=N" per period where N is not 0, EG_LIST_SEPARATOR between. */
static const char *node_periods(const eg_graph *g, const eg_graph_node *n, eg_buf *scratch)
{
	eg_buf_clear(scratch);
	for (size_t p = 0; g->periods && p < g->periods->n; p++) {
		uint64_t d = eg_period_entity(&g->periods->v[p], n->entity).documents;
		if (d)
			eg_buf_printf(scratch, "%s%s=%" PRIu64, scratch->len ? EG_LIST_SEPARATOR : "", g->periods->v[p].first, d);
	}
	return scratch->len ? scratch->data : NULL;
}

static const char *edge_periods(const eg_graph *g, size_t edge, eg_buf *scratch)
{
	eg_buf_clear(scratch);
	eg_pair_counts pair = eg_graph_edge_pair(g, edge);
	for (size_t p = 0; g->periods && p < g->periods->n; p++) {
		const eg_cooc *c = g->periods->v[p].counts;
		size_t k = eg_period_find_pair(&g->periods->v[p], pair.a, pair.b);
		if (k != SIZE_MAX)
			eg_buf_printf(scratch, "%s%s=%" PRIu64, scratch->len ? EG_LIST_SEPARATOR : "", g->periods->v[p].first,
				      eg_cooc_pair(c, k).weight);
	}
	return scratch->len ? scratch->data : NULL;
}

static int by_mentions(const void *x, const void *y)
{
	const eg_form *a = x, *b = y;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return strcmp(a->text, b->text);
}

/* A node's surface forms, the most mentioned first. */
static const char *surface_forms(const eg_graph *g, const eg_graph_node *n, eg_buf *scratch)
{
	eg_form forms[EG_FORMS_MAX];
	uint32_t count = g->counts ? eg_cooc_entity_forms(g->counts, n->entity, forms) : 0;
	qsort(forms, count, sizeof(*forms), by_mentions);
	const char *text[EG_FORMS_MAX];
	for (uint32_t i = 0; i < count; i++)
		text[i] = forms[i].text;
	return joined(text, count, scratch);
}

/* One field of an edge's evidence documents, in their order, joined by
 * EG_LIST_SEPARATOR with an empty item where a document has none, so that
 * item i belongs to evidence id i; NULL when none has one. */
static const char *evidence_field(const eg_graph *g, size_t edge, size_t k, eg_buf *scratch)
{
	uint32_t n = eg_graph_edge_pair(g, edge).evidence_count, known = 0;
	eg_buf_clear(scratch);
	for (uint32_t i = 0; i < n; i++) {
		eg_evidence e = eg_graph_edge_evidence(g, edge, i);
		const char *v = k == EDGE_EVIDENCE	 ? e.document
				: k == EDGE_EVIDENCE_DATES  ? e.date
				: k == EDGE_EVIDENCE_TITLES ? e.title
				: k == EDGE_EVIDENCE_OUTLETS ? e.outlet
							     : e.url;
		if (i)
			eg_buf_adds(scratch, EG_LIST_SEPARATOR);
		if (v) {
			eg_buf_adds(scratch, v);
			known++;
		}
	}
	return known ? scratch->data : NULL;
}

const char *eg_node_attr_value(const eg_graph *g, size_t node, size_t k, char *buf, eg_buf *scratch)
{
	const eg_graph_node *n = &g->nodes[node];
	switch (k) {
	case NODE_LABEL: return n->label;
	case NODE_ENTITY_TYPE: return n->type;
	case NODE_CATEGORY: return nonempty(n->category);
	case NODE_MENTIONS: return uint_text(buf, n->mentions);
	case NODE_DOCUMENTS: return uint_text(buf, n->documents);
	case NODE_FIRST_SEEN: return nonempty(n->first_date);
	case NODE_LAST_SEEN: return nonempty(n->last_date);
	case NODE_SOURCES: return joined(n->sources, n->source_count, scratch);
	case NODE_SURFACE_FORMS: return surface_forms(g, n, scratch);
	case NODE_CANDIDATES: return joined(n->candidates, n->candidate_count, scratch);
	case NODE_DEGREE: return double_text(buf, n->degree);
	case NODE_WEIGHTED_DEGREE: return double_text(buf, n->weighted_degree);
	case NODE_PAGERANK: return double_text(buf, n->pagerank);
	case NODE_BETWEENNESS: return double_text(buf, n->betweenness);
	case NODE_COMPONENT: return int_text(buf, n->component);
	case NODE_COMMUNITY: return int_text(buf, n->community);
	case NODE_SIZE: return double_text(buf, n->size);
	case NODE_R: return uint_text(buf, n->r);
	case NODE_G: return uint_text(buf, n->g);
	case NODE_B: return uint_text(buf, n->b);
	case NODE_X: return double_text(buf, n->x);
	case NODE_Y: return double_text(buf, n->y);
	case NODE_PERIODS: return node_periods(g, n, scratch);
	default: return NULL;
	}
}

/* "use (3) | store in (1)": the first EG_PREDICATES_LISTED of n
 * predicates, most instances first, with their instances. */
static const char *predicate_list(const eg_edge_predicate *p, size_t n, eg_buf *scratch)
{
	if (!n)
		return NULL;
	eg_buf_clear(scratch);
	for (size_t i = 0; i < n && i < EG_PREDICATES_LISTED; i++)
		eg_buf_printf(scratch, "%s%s (%" PRIu64 ")", i ? EG_LIST_SEPARATOR : "", p[i].predicate, p[i].instances);
	return scratch->data;
}

/* A relation link's (eg_graph.relations): its instances as weight and
 * count, its predicates, its first predicate's first document as evidence
 * and the sentence there as snippet. */
static const char *relation_value(const eg_graph_relation *r, size_t k, char *buf, eg_buf *scratch)
{
	switch (k) {
	case EDGE_WEIGHT: return double_text(buf, (double)r->instances);
	case EDGE_COUNT: return uint_text(buf, r->instances);
	case EDGE_PREDICATE: return r->first[0].predicate;
	case EDGE_PREDICATES: return predicate_list(r->first, r->count, scratch);
	case EDGE_LINK_KIND: return "relation";
	/* the first document stating its first predicate, and the sentence */
	case EDGE_EVIDENCE: return r->first[0].document;
	case EDGE_SNIPPET: return nonempty(r->first[0].sentence);
	default: return NULL;
	}
}

const char *eg_edge_attr_value(const eg_graph *g, size_t edge, size_t k, char *buf, eg_buf *scratch)
{
	if (edge >= g->edge_count)
		return relation_value(&g->relations[edge - g->edge_count], k, buf, scratch);
	const eg_graph_edge *e = &g->edges[edge];
	switch (k) {
	case EDGE_WEIGHT: return double_text(buf, e->weight);
	case EDGE_COUNT: return uint_text(buf, e->count);
	case EDGE_DOCUMENTS: return uint_text(buf, e->documents);
	case EDGE_FIRST_SEEN: return nonempty(eg_graph_edge_pair(g, edge).first_date);
	case EDGE_LAST_SEEN: return nonempty(eg_graph_edge_pair(g, edge).last_date);
	case EDGE_PMI: return double_text(buf, eg_graph_edge_measures(g, edge).pmi);
	case EDGE_NPMI: return double_text(buf, eg_graph_edge_measures(g, edge).npmi);
	case EDGE_JACCARD: return double_text(buf, eg_graph_edge_measures(g, edge).jaccard);
	case EDGE_DICE: return double_text(buf, eg_graph_edge_measures(g, edge).dice);
	case EDGE_EVIDENCE: case EDGE_EVIDENCE_DATES: case EDGE_EVIDENCE_TITLES: case EDGE_EVIDENCE_OUTLETS:
	case EDGE_EVIDENCE_URLS:
		return evidence_field(g, edge, k, scratch);
	case EDGE_SNIPPET: return nonempty(eg_graph_edge_pair(g, edge).snippet);
	case EDGE_PREDICATE: return g->predicate_start && g->predicate_start[edge + 1] > g->predicate_start[edge]
					    ? g->predicates[g->predicate_start[edge]].predicate
					    : NULL;
	case EDGE_PREDICATES: return g->predicate_start ? predicate_list(g->predicates + g->predicate_start[edge],
									 g->predicate_start[edge + 1] - g->predicate_start[edge],
									 scratch)
							: NULL;
	case EDGE_LINK_KIND: return g->relations ? "cooccurrence" : NULL;
	case EDGE_PERIODS: return edge_periods(g, edge, scratch);
	default: return NULL;
	}
}

const char *eg_xml_safe(const char *s, eg_buf *scratch)
{
	/* Printable ASCII, nearly every value, needs no copy. */
	const unsigned char *p = (const unsigned char *)s;
	while (*p >= 0x20 && *p < 0x80)
		p++;
	if (!*p)
		return s;
	eg_buf_clear(scratch);
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		int len;
		uint32_t cp = eg_utf8_decode((const unsigned char *)s + i, n - i, &len);
		int allowed = cp != EG_UTF8_INVALID && (cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r') &&
			      cp != 0xFFFE && cp != 0xFFFF;
		if (allowed)
			eg_buf_add(scratch, s + i, (size_t)len);
		i += (size_t)len;
	}
	eg_buf_add(scratch, "", 0);
	return scratch->data;
}
