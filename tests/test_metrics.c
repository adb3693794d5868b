/* The graph pipeline of eg_graph_build on small corpora counted by hand:
 * weightings, edge and node filters, the disparity backbone, igraph
 * metrics, size, colour, and independence from document order. */
#include "check.h"
#include "graph/graph.h"
#include "graph/metrics.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static eg_entities *ents;
static uint32_t letter[26]; /* entity of each capital letter in a document spec */
static eg_tokens tokens;

/* Adds a document written as sentences of entity letters: "AB|AB" is two
 * sentences, each mentioning A then B. */
static void add(eg_cooc *c, const char *id, const char *spec)
{
	static char text[256];
	eg_document doc = {.id = (char *)id, .text = text, .length = sizeof(text) - 1};
	eg_mentions m = {0};
	size_t n = strlen(spec);
	EG_GROW(tokens.v, tokens.cap, n);
	tokens.n = 0;
	uint32_t sentence = 0;
	for (size_t i = 0; i < n; i++) {
		if (spec[i] == '|') {
			sentence++;
			continue;
		}
		uint32_t t = (uint32_t)tokens.n++;
		tokens.v[t] = (eg_token){.start = t * 2, .end = t * 2 + 1, .sentence = sentence};
		eg_mention x = {.start = t * 2, .end = t * 2 + 1, .tok_start = t, .tok_end = t + 1,
				.entity = letter[spec[i] - 'A']};
		eg_mentions_push(&m, &x);
	}
	tokens.sentences = sentence + 1;
	tokens.paragraphs = 1;
	eg_mentions_locate(&m, &tokens);
	eg_cooc_add_document(c, &doc, m.v, m.n);
	eg_mentions_free(&m);
}

typedef struct corpus_doc {
	const char *id, *spec;
} corpus_doc;

/* Counts docs[order[0]], docs[order[1]], ... (all of them in order when
 * order is NULL). */
static eg_cooc *count(const corpus_doc *docs, size_t n, const size_t *order)
{
	eg_cooc *c = eg_cooc_new((eg_window){EG_WINDOW_SENTENCE, 0});
	for (size_t i = 0; i < n; i++)
		add(c, docs[order ? order[i] : i].id, docs[order ? order[i] : i].spec);
	return c;
}

static int near(double got, double want)
{
	return fabs(got - want) <= 1e-12 * (1 + fabs(want));
}

#define CHECK_NEAR(got, want)                                                                       \
	do {                                                                                        \
		double gv_ = (got), wv_ = (want);                                                   \
		check_count++;                                                                      \
		if (!near(gv_, wv_)) {                                                              \
			check_failures++;                                                           \
			fprintf(stderr, "%s:%d: %s is %.17g, want %.17g\n", __FILE__, __LINE__, #got, \
				gv_, wv_);                                                          \
		}                                                                                   \
	} while (0)

/* Builds with options, failing the test (and returning 0) when it errs. */
static int build(eg_graph *g, const eg_cooc *c, const eg_graph_options *options)
{
	eg_error err;
	int rc = eg_graph_build(g, c, ents, options, &err);
	CHECK_INT(rc, 0);
	if (rc < 0)
		fprintf(stderr, "  eg_graph_build: %s\n", err.message);
	return rc == 0;
}

static int has_edge(const eg_graph *g, uint32_t a, uint32_t b)
{
	for (size_t i = 0; i < g->edge_count; i++)
		if (g->edges[i].source == a && g->edges[i].target == b)
			return 1;
	return 0;
}

/* Corpus 1.  A = ORG Alpha, B = ORG Beta, C = PERSON Carol, D = SHIP Dora;
 * sorted ids org.alpha, org.beta, person.carol, ship.dora give node
 * indexes 0..3.  D = 5 documents; documents per entity: A 3 (d1 d2 d3),
 * B 3 (d1 d2 d4), C 2 (d2 d3), D 1.
 *   A-B: count 3 (two sentences of d1, one of d2), d_AB = 2
 *   A-C: count 2, d_AC = 2
 *   B-C: count 1, d_BC = 1 */
static const corpus_doc corpus1[] = {
	{"d1", "AB|AB"}, {"d2", "ABC"}, {"d3", "AC"}, {"d4", "B"}, {"d5", "D"},
};
#define CORPUS1 (sizeof(corpus1) / sizeof(corpus1[0]))

static void test_weightings(void)
{
	eg_cooc *c = count(corpus1, CORPUS1, NULL);
	eg_graph g;
	/* keep_isolated keeps Dora, who meets no one, for the checks below. */
	eg_graph_options o = {.min_weight = 1, .keep_isolated = 1};
	if (build(&g, c, &o)) {
		CHECK_INT(g.node_count, 4);
		CHECK_INT(g.isolated_dropped, 0);
		CHECK_INT(g.edge_count, 3);
		CHECK_INT(g.document_count, 5);
		const eg_graph_edge *ab = &g.edges[0];
		eg_edge_measures ab_m = eg_graph_edge_measures(&g, 0), ac_m = eg_graph_edge_measures(&g, 1),
				 bc_m = eg_graph_edge_measures(&g, 2);
		CHECK(has_edge(&g, 0, 1) && has_edge(&g, 0, 2) && has_edge(&g, 1, 2));
		CHECK_INT(ab->count, 3);
		CHECK_INT(ab->documents, 2);
		CHECK(ab->weight == 3.0);
		/* A-B: pmi = log(2 * 5 / (3 * 3)) = log(10/9) = 0.10536;
		 * npmi = pmi / -log(2/5) = 0.10536 / 0.91629 = 0.11499;
		 * jaccard = 2 / (3 + 3 - 2) = 0.5; dice = 2 * 2 / (3 + 3) = 2/3. */
		CHECK_NEAR(ab_m.pmi, log(10.0 / 9.0));
		CHECK_NEAR(ab_m.npmi, log(10.0 / 9.0) / -log(2.0 / 5.0));
		CHECK_NEAR(ab_m.npmi, 0.1149859013004802);
		CHECK_NEAR(ab_m.jaccard, 0.5);
		CHECK_NEAR(ab_m.dice, 2.0 / 3.0);
		/* A-C: pmi = log(2 * 5 / (3 * 2)) = log(5/3) = 0.51083;
		 * npmi = 0.51083 / 0.91629 = 0.55750; jaccard = 2 / (3 + 2 - 2) = 2/3;
		 * dice = 4 / 5. */
		CHECK_NEAR(ac_m.pmi, log(5.0 / 3.0));
		CHECK_NEAR(ac_m.npmi, log(5.0 / 3.0) / -log(2.0 / 5.0));
		CHECK_NEAR(ac_m.jaccard, 2.0 / 3.0);
		CHECK_NEAR(ac_m.dice, 0.8);
		/* B-C: pmi = log(1 * 5 / (3 * 2)) = log(5/6) = -0.18232, negative:
		 * B and C meet less often than chance; npmi = -0.18232 / -log(1/5)
		 * = -0.11328; jaccard = 1 / (3 + 2 - 1) = 1/4; dice = 2 / 5. */
		CHECK_NEAR(bc_m.pmi, log(5.0 / 6.0));
		CHECK(bc_m.pmi < 0);
		CHECK_NEAR(bc_m.npmi, log(5.0 / 6.0) / log(5.0));
		CHECK_NEAR(bc_m.jaccard, 0.25);
		CHECK_NEAR(bc_m.dice, 0.4);
		/* Weighted degree with counts: A 3+2, B 3+1, C 2+1, D none. */
		CHECK(g.nodes[0].weighted_degree == 5.0 && g.nodes[1].weighted_degree == 4.0);
		CHECK(g.nodes[2].weighted_degree == 3.0 && g.nodes[3].weighted_degree == 0.0);
		CHECK(g.nodes[3].degree == 0.0);
		eg_graph_free(&g);
	}
	/* By default an entity without a link is no node, and is counted. */
	eg_graph_options plain = {.min_weight = 1};
	if (build(&g, c, &plain)) {
		CHECK_INT(g.node_count, 3);
		CHECK_INT(g.isolated_dropped, 1);
		CHECK_STR(g.nodes[2].id, "person.carol");
		eg_graph_free(&g);
	}

	/* `weight` follows the chosen weighting; the other values stay. */
	static const struct {
		eg_weighting w;
		double bc;
	} chosen[] = {
		{EG_WEIGHT_COUNT, 1}, {EG_WEIGHT_DOCUMENTS, 1}, {EG_WEIGHT_JACCARD, 0.25}, {EG_WEIGHT_DICE, 0.4},
	};
	for (size_t i = 0; i < sizeof(chosen) / sizeof(chosen[0]); i++) {
		eg_graph_options w = {.weighting = chosen[i].w, .min_weight = -INFINITY};
		if (build(&g, c, &w)) {
			CHECK_NEAR(g.edges[2].weight, chosen[i].bc);
			CHECK_INT(g.edges[2].count, 1);
			eg_graph_free(&g);
		}
	}
	/* PMI: B-C meets less often than chance (pmi < 0), so is no edge and
	 * is counted; every weight left is above 0, and so is every weighted
	 * degree: C = log(5/3).  PageRank runs on the pmi weights. */
	eg_graph_options pmi = {.weighting = EG_WEIGHT_PMI, .min_weight = -INFINITY};
	if (build(&g, c, &pmi)) {
		CHECK_INT(g.edge_count, 2);
		CHECK_INT(g.chance_edges, 1);
		CHECK(has_edge(&g, 0, 1) && has_edge(&g, 0, 2));
		CHECK_NEAR(g.nodes[2].weighted_degree, log(5.0 / 3.0));
		double sum = 0;
		for (size_t i = 0; i < g.node_count; i++) {
			CHECK(g.nodes[i].weighted_degree > 0);
			sum += g.nodes[i].pagerank;
		}
		CHECK_NEAR(sum, 1);
		for (size_t i = 0; i < g.edge_count; i++)
			CHECK(g.edges[i].weight > 0);
		eg_graph_free(&g);
	}
	/* A minimum of 0 on PMI keeps the same pairs. */
	eg_graph_options positive = {.weighting = EG_WEIGHT_PMI, .min_weight = 0};
	if (build(&g, c, &positive)) {
		CHECK_INT(g.edge_count, 2);
		CHECK(has_edge(&g, 0, 1) && has_edge(&g, 0, 2));
		eg_graph_free(&g);
	}
	eg_graph_options npmi = {.weighting = EG_WEIGHT_NPMI, .min_weight = -INFINITY};
	if (build(&g, c, &npmi)) {
		CHECK_NEAR(g.edges[0].weight, log(10.0 / 9.0) / -log(2.0 / 5.0));
		eg_graph_free(&g);
	}
	eg_cooc_free(c);
}

static void test_weighting_names(void)
{
	static const char *const names[] = {"count", "documents", "pmi", "npmi", "jaccard", "dice"};
	eg_error err;
	for (size_t i = 0; i < 6; i++) {
		eg_weighting w = EG_WEIGHT_COUNT;
		CHECK_INT(eg_weighting_parse(names[i], &w, &err), 0);
		CHECK_INT(w, i);
		CHECK_STR(eg_weighting_name(w), names[i]);
	}
	eg_weighting w;
	CHECK_INT(eg_weighting_parse("PMI", &w, &err), -1);
	CHECK_STR(err.message, "unknown weighting \"PMI\" (choose count, documents, pmi, npmi, jaccard or dice)");
}

static void test_node_and_edge_filters(void)
{
	eg_cooc *c = count(corpus1, CORPUS1, NULL);
	eg_graph g;
	/* min_documents 2 drops B-C (one document); Dora, without edges from
	 * the start, goes as an isolated node (kept with keep_isolated). */
	eg_graph_options two_documents = {.min_weight = 1, .min_documents = 2};
	if (build(&g, c, &two_documents)) {
		CHECK_INT(g.node_count, 3);
		CHECK_INT(g.isolated_dropped, 1);
		CHECK_INT(g.edge_count, 2);
		CHECK(has_edge(&g, 0, 1) && has_edge(&g, 0, 2));
		eg_graph_free(&g);
	}
	/* Top 2 by weighted degree with documents as weight: A 2+2 = 4,
	 * B 2+1 = 3, C 2+1 = 3, D 0.  B and C tie; org.beta sorts before
	 * person.carol, so A and B stay, with their one edge. */
	eg_graph_options top = {.weighting = EG_WEIGHT_DOCUMENTS, .min_weight = 1, .top = 2};
	if (build(&g, c, &top)) {
		CHECK_INT(g.node_count, 2);
		CHECK_STR(g.nodes[0].id, "org.alpha");
		CHECK_STR(g.nodes[1].id, "org.beta");
		CHECK_INT(g.edge_count, 1);
		CHECK(has_edge(&g, 0, 1));
		CHECK(g.nodes[0].weighted_degree == 2.0);
		eg_graph_free(&g);
	}
	/* Top 10 is more than there are nodes: all stay, Dora with
	 * keep_isolated only. */
	eg_graph_options top_all = {.min_weight = 1, .top = 10, .keep_isolated = 1};
	if (build(&g, c, &top_all)) {
		CHECK_INT(g.node_count, 4);
		eg_graph_free(&g);
	}
	/* Largest component: the triangle, not Dora. */
	eg_graph_options largest = {.min_weight = 1, .largest_component = 1};
	if (build(&g, c, &largest)) {
		CHECK_INT(g.node_count, 3);
		CHECK_INT(g.edge_count, 3);
		CHECK_STR(g.nodes[2].id, "person.carol");
		eg_graph_free(&g);
	}
	eg_cooc_free(c);

	/* Ties: E-F and G-H, two components of two, and I alone (kept).  The
	 * largest is the one holding node 0 (E); numbering: {E,F} 0, {G,H} 1,
	 * {I} 2. */
	static const corpus_doc pairs[] = {{"p1", "GH"}, {"p2", "EF"}, {"p3", "I"}};
	c = count(pairs, 3, NULL);
	eg_graph_options all = {.min_weight = 1, .keep_isolated = 1};
	if (build(&g, c, &all)) {
		CHECK_INT(g.node_count, 5);
		static const int64_t want[] = {0, 0, 1, 1, 2};
		for (size_t i = 0; i < 5; i++)
			CHECK_INT(g.nodes[i].component, want[i]);
		eg_graph_free(&g);
	}
	if (build(&g, c, &largest)) {
		CHECK_INT(g.node_count, 2);
		CHECK_STR(g.nodes[0].label, "Echo");
		CHECK_STR(g.nodes[1].label, "Foxtrot");
		CHECK_INT(g.nodes[0].component, 0);
		eg_graph_free(&g);
	}
	eg_cooc_free(c);

	/* Component 0 is the largest even when it does not hold node 0:
	 * E-F (2 nodes) and G-H-I (3 nodes). */
	static const corpus_doc chain[] = {{"q1", "EF"}, {"q2", "GH|HI"}};
	c = count(chain, 2, NULL);
	if (build(&g, c, &all)) {
		static const int64_t want[] = {1, 1, 0, 0, 0};
		for (size_t i = 0; i < 5; i++)
			CHECK_INT(g.nodes[i].component, want[i]);
		eg_graph_free(&g);
	}
	eg_cooc_free(c);
}

/* A star and a triangle, weights (counts) as sentences:
 *   H-L (6), H-M (1), H-N (1), H-P (1), H-Q (1), P-Q (3), and the pair
 *   R-S (5) apart.
 * Degree and strength: H k=5, s=6+1+1+1+1=10; L, M, N k=1; P and Q k=2,
 * s=1+3=4; R and S k=1.  With alpha = 0.3:
 *   H-L  at H: (1 - 6/10)^4 = 0.4^4 = 0.0256 < 0.3        kept (L has no say)
 *   H-M  at H: (1 - 1/10)^4 = 0.9^4 = 0.6561; M has k=1   dropped (so H-N)
 *   H-P  at H: 0.6561; at P: (1 - 1/4)^1 = 0.75           dropped (so H-Q)
 *   P-Q  at P: (1 - 3/4)^1 = 0.25 < 0.3                   kept
 *   R-S  both ends k=1                                    dropped
 * Betweenness before filtering: of the 10 pairs among L M N P Q, all but
 * P-Q go through H only: H has 9, every other node 0. */
static const corpus_doc star[] = {
	{"s01", "HL|HL|HL"}, {"s02", "HL|HL|HL"}, {"s03", "HM"}, {"s04", "HN"}, {"s05", "HP"},
	{"s06", "HQ"},	     {"s07", "PQ|PQ"},	  {"s08", "PQ"}, {"s09", "RS|RS|RS|RS|RS"},
};
#define STAR (sizeof(star) / sizeof(star[0]))
/* Node indexes by id (all ORG): org.hotel 0, org.lima 1, org.mike 2,
 * org.november 3, org.papa 4, org.quebec 5, org.romeo 6, org.sierra 7. */
enum { H, L, M, N, P, Q, R, S };

static void test_backbone(void)
{
	eg_cooc *c = count(star, STAR, NULL);
	eg_graph g;
	eg_graph_options all = {.min_weight = 1};
	if (build(&g, c, &all)) {
		CHECK_INT(g.edge_count, 7);
		CHECK_STR(g.nodes[H].label, "Hotel");
		CHECK_NEAR(g.nodes[H].weighted_degree, 10);
		CHECK_NEAR(g.nodes[H].betweenness, 9);
		for (size_t i = 1; i < g.node_count; i++)
			CHECK(g.nodes[i].betweenness == 0);
		eg_graph_free(&g);
	}
	/* With keep_isolated the nodes stay and only edges go. */
	eg_graph_options backbone = {.min_weight = 1, .backbone_alpha = 0.3, .keep_isolated = 1};
	if (build(&g, c, &backbone)) {
		CHECK_INT(g.node_count, 8);
		CHECK_INT(g.edge_count, 2);
		CHECK(has_edge(&g, H, L));
		CHECK(has_edge(&g, P, Q));
		CHECK(g.nodes[R].degree == 0 && g.nodes[M].degree == 0);
		eg_graph_free(&g);
	}
	/* By default the nodes the backbone leaves unlinked go: H L P Q stay
	 * (indexes 0 to 3 now). */
	eg_graph_options backbone_only = {.min_weight = 1, .backbone_alpha = 0.3};
	if (build(&g, c, &backbone_only)) {
		CHECK_INT(g.node_count, 4);
		CHECK_INT(g.isolated_dropped, 4);
		CHECK_INT(g.edge_count, 2);
		CHECK(has_edge(&g, 0, 1) && has_edge(&g, 2, 3));
		CHECK_STR(g.nodes[3].label, "Quebec");
		eg_graph_free(&g);
	}
	/* PMI (D = 9): H-P and H-Q meet less than chance (log(9 / 18)) and are
	 * no edges; the backbone then runs on pmi itself: H's three edges left
	 * have equal shares, (1 - 1/3)^2 = 0.44 > 0.3, and P-Q, R-S join nodes
	 * of degree 1, so nothing passes and no node stays. */
	eg_graph_options pmi = {.weighting = EG_WEIGHT_PMI, .min_weight = -INFINITY, .backbone_alpha = 0.3};
	if (build(&g, c, &pmi)) {
		CHECK_INT(g.chance_edges, 2);
		CHECK_INT(g.edge_count, 0);
		CHECK_INT(g.node_count, 0);
		CHECK_INT(g.isolated_dropped, 8);
		eg_graph_free(&g);
	}
	/* A stricter alpha of 0.2: P-Q's 0.25 no longer passes. */
	eg_graph_options strict = {.min_weight = 1, .backbone_alpha = 0.2};
	if (build(&g, c, &strict)) {
		CHECK_INT(g.edge_count, 1);
		CHECK(has_edge(&g, H, L));
		eg_graph_free(&g);
	}
	/* Out of range: an error, not a guess. */
	eg_graph_options bad = {.min_weight = 1, .backbone_alpha = 1.5};
	eg_error err;
	CHECK_INT(eg_graph_build(&g, c, ents, &bad, &err), -1);
	CHECK_STR(err.message, "the backbone significance must be from 0 (off) to below 1, not 1.5");
	eg_cooc_free(c);
}

/* Two four-cliques, Echo Foxtrot Golf Hotel (nodes 0-3) and India Lima
 * Mike November (4-7), joined by Hotel-India: Leiden finds the cliques. */
static const corpus_doc cliques[] = {{"c1", "EFGH"}, {"c2", "ILMN"}, {"c3", "HI"}};

static void test_metrics(void)
{
	eg_cooc *c = count(star, STAR, NULL);
	eg_graph g, again;
	eg_graph_options all = {.min_weight = 1};
	if (build(&g, c, &all) && build(&again, c, &all)) {
		double sum = 0;
		for (size_t i = 0; i < g.node_count; i++)
			sum += g.nodes[i].pagerank;
		CHECK(fabs(sum - 1) < 1e-9);
		/* The hub outranks everyone; R and S are symmetric. */
		for (size_t i = 1; i < g.node_count; i++)
			CHECK(g.nodes[H].pagerank > g.nodes[i].pagerank);
		CHECK_NEAR(g.nodes[R].pagerank, g.nodes[S].pagerank);
		/* Components: H's six, then R-S. */
		for (size_t i = 0; i < g.node_count; i++)
			CHECK_INT(g.nodes[i].component, i < R ? 0 : 1);
		/* Communities are numbered in order of first node: node 0 has 0 and
		 * each node's number is at most one above any before it. */
		int64_t highest = -1;
		for (size_t i = 0; i < g.node_count; i++) {
			CHECK(g.nodes[i].community <= highest + 1);
			highest = g.nodes[i].community > highest ? g.nodes[i].community : highest;
		}
		CHECK_INT(g.nodes[0].community, 0);
		CHECK(g.nodes[R].community == g.nodes[S].community && g.nodes[R].community != g.nodes[H].community);
		/* Layout and everything else identical on a second build, positions
		 * rounded to two decimals, not all in one spot. */
		CHECK(memcmp(g.nodes, again.nodes, g.node_count * sizeof(*g.nodes)) == 0);
		int spread = 0;
		for (size_t i = 0; i < g.node_count; i++) {
			double x100 = g.nodes[i].x * 100, y100 = g.nodes[i].y * 100;
			CHECK(fabs(x100 - round(x100)) < 1e-6 && fabs(y100 - round(y100)) < 1e-6);
			CHECK(isfinite(g.nodes[i].x) && isfinite(g.nodes[i].y));
			spread |= g.nodes[i].x != g.nodes[0].x || g.nodes[i].y != g.nodes[0].y;
		}
		CHECK(spread);
		/* Size by PageRank: the hub biggest at EG_SIZE_MAX, the smallest at
		 * EG_SIZE_MIN, all in between. */
		CHECK(g.nodes[H].size == EG_SIZE_MAX);
		double smallest = EG_SIZE_MAX;
		for (size_t i = 0; i < g.node_count; i++) {
			CHECK(g.nodes[i].size >= EG_SIZE_MIN && g.nodes[i].size <= EG_SIZE_MAX);
			smallest = g.nodes[i].size < smallest ? g.nodes[i].size : smallest;
		}
		CHECK(smallest == EG_SIZE_MIN);
		eg_graph_free(&g);
		eg_graph_free(&again);
	}
	/* Size by mentions: H has 6 + 4 = 10 (the most), M and N 1 each (the
	 * fewest); L has 6, so 10 + (6 - 1) / (10 - 1) * 40 = 32.22. */
	eg_graph_options mentions = {.min_weight = 1, .size_metric = "mentions"};
	if (build(&g, c, &mentions)) {
		CHECK_INT(g.nodes[H].mentions, 10);
		CHECK(g.nodes[H].size == EG_SIZE_MAX);
		CHECK(g.nodes[M].size == EG_SIZE_MIN);
		CHECK_NEAR(g.nodes[L].size, 10 + 5.0 / 9.0 * 40);
		eg_graph_free(&g);
	}
	eg_graph_options unknown = {.min_weight = 1, .size_metric = "fame"};
	eg_error err;
	CHECK_INT(eg_graph_build(&g, c, ents, &unknown, &err), -1);
	CHECK_STR(err.message, "unknown size metric \"fame\" (choose pagerank, degree, weighted_degree, betweenness, "
			       "mentions or documents)");
	CHECK_INT(eg_size_metric_check(NULL, &err), 0);
	CHECK_INT(eg_size_metric_check("betweenness", &err), 0);
	eg_cooc_free(c);

	/* Equal sizes: the midpoint. */
	static const corpus_doc pair[] = {{"x", "EF"}};
	c = count(pair, 1, NULL);
	if (build(&g, c, &all)) {
		CHECK(g.nodes[0].size == (EG_SIZE_MIN + EG_SIZE_MAX) / 2);
		CHECK(g.nodes[1].size == (EG_SIZE_MIN + EG_SIZE_MAX) / 2);
		CHECK_NEAR(g.nodes[0].pagerank, 0.5);
		eg_graph_free(&g);
	}
	eg_cooc_free(c);

	c = count(cliques, 3, NULL);
	if (build(&g, c, &all)) {
		for (size_t i = 0; i < g.node_count; i++)
			CHECK_INT(g.nodes[i].community, i < 4 ? 0 : 1);
		/* Hotel lies inside every shortest path from Echo, Foxtrot or Golf
		 * to the other clique: 3 x 4 = 12 pairs, each on one path; India
		 * likewise (Hotel to Lima, Mike or November included); the rest
		 * inside none. */
		CHECK_NEAR(g.nodes[3].betweenness, 12);
		CHECK_NEAR(g.nodes[4].betweenness, 12);
		CHECK_NEAR(g.nodes[0].betweenness, 0);
		eg_graph_free(&g);
	}
	eg_cooc_free(c);
}

static void test_colours(void)
{
	static const corpus_doc typed[] = {{"t", "ACD|JKW"}};
	eg_cooc *c = count(typed, 1, NULL);
	eg_graph g;
	eg_graph_options all = {.min_weight = 1};
	if (build(&g, c, &all)) {
		for (size_t i = 0; i < g.node_count; i++) {
			const eg_graph_node *n = &g.nodes[i];
			uint8_t rgb[3];
			eg_type_colour(n->type, rgb);
			CHECK(n->r == rgb[0] && n->g == rgb[1] && n->b == rgb[2]);
			if (strcmp(n->type, "ORG") == 0)
				CHECK(n->r == 242 && n->g == 142 && n->b == 43);
			if (strcmp(n->type, "PERSON") == 0)
				CHECK(n->r == 78 && n->g == 121 && n->b == 167);
		}
		eg_graph_free(&g);
	}
	eg_cooc_free(c);
	uint8_t unit[3], product[3], place[3], ship[3], ship2[3], boat[3];
	eg_type_colour("UNIT", unit);
	eg_type_colour("PRODUCT", product);
	eg_type_colour("PLACE", place);
	CHECK(unit[0] == 225 && unit[1] == 87 && unit[2] == 89);
	CHECK(product[0] == 118 && product[1] == 183 && product[2] == 178);
	CHECK(place[0] == 89 && place[1] == 161 && place[2] == 79);
	/* Other types: stable (these bytes are the hash's, fixed for good) and
	 * told apart by name. */
	eg_type_colour("SHIP", ship);
	eg_type_colour("SHIP", ship2);
	eg_type_colour("BOAT", boat);
	CHECK(memcmp(ship, ship2, 3) == 0);
	CHECK(memcmp(ship, boat, 3) != 0);
	CHECK(ship[0] == 82 && ship[1] == 147 && ship[2] == 200);
	CHECK(boat[0] == 135 && boat[1] == 82 && boat[2] == 200);
}

static int same_graph(const eg_graph *a, const eg_graph *b)
{
	if (a->node_count != b->node_count || a->edge_count != b->edge_count)
		return 0;
	for (size_t i = 0; i < a->node_count; i++) {
		const eg_graph_node *x = &a->nodes[i], *y = &b->nodes[i];
		if (strcmp(x->id, y->id) != 0 || x->mentions != y->mentions || x->documents != y->documents ||
		    x->degree != y->degree || x->weighted_degree != y->weighted_degree || x->pagerank != y->pagerank ||
		    x->betweenness != y->betweenness || x->component != y->component || x->community != y->community ||
		    x->x != y->x || x->y != y->y || x->size != y->size || x->r != y->r || x->g != y->g || x->b != y->b)
			return 0;
	}
	for (size_t i = 0; i < a->edge_count; i++) {
		const eg_graph_edge *x = &a->edges[i], *y = &b->edges[i];
		if (x->source != y->source || x->target != y->target || x->weight != y->weight || x->count != y->count ||
		    x->documents != y->documents)
			return 0;
		eg_edge_measures m = eg_graph_edge_measures(a, i), n = eg_graph_edge_measures(b, i);
		if (m.pmi != n.pmi || m.npmi != n.npmi || m.jaccard != n.jaccard || m.dice != n.dice)
			return 0;
		eg_pair_counts p = eg_graph_edge_pair(a, i), q = eg_graph_edge_pair(b, i);
		if (p.evidence_count != q.evidence_count)
			return 0;
		for (uint32_t k = 0; k < p.evidence_count; k++)
			if (strcmp(eg_graph_edge_evidence(a, i, k).document, eg_graph_edge_evidence(b, i, k).document) != 0)
				return 0;
	}
	return 1;
}

/* The same documents in another order: the same graph, every metric. */
static void test_document_order(void)
{
	corpus_doc docs[STAR + 3];
	memcpy(docs, star, sizeof(star));
	memcpy(docs + STAR, cliques, sizeof(cliques));
	size_t n = STAR + 3, forward[STAR + 3], backward[STAR + 3], shuffled[STAR + 3];
	for (size_t i = 0; i < n; i++) {
		forward[i] = i;
		backward[i] = n - 1 - i;
		shuffled[i] = (i * 5 + 3) % n; /* 5 is prime to 12: a permutation */
	}
	static const eg_graph_options options[] = {
		{.min_weight = 1},
		{.weighting = EG_WEIGHT_NPMI, .min_weight = -INFINITY, .backbone_alpha = 0.5, .size_metric = "betweenness"},
		{.weighting = EG_WEIGHT_JACCARD, .min_weight = 0, .top = 9, .largest_component = 1},
	};
	for (size_t k = 0; k < sizeof(options) / sizeof(options[0]); k++) {
		eg_cooc *a = count(docs, n, forward), *b = count(docs, n, backward), *c = count(docs, n, shuffled);
		eg_graph ga, gb, gc;
		if (build(&ga, a, &options[k]) && build(&gb, b, &options[k]) && build(&gc, c, &options[k])) {
			CHECK(ga.node_count > 0);
			CHECK(same_graph(&ga, &gb));
			CHECK(same_graph(&ga, &gc));
			eg_graph_free(&ga);
			eg_graph_free(&gb);
			eg_graph_free(&gc);
		}
		eg_cooc_free(a);
		eg_cooc_free(b);
		eg_cooc_free(c);
	}
}

int main(void)
{
	static const struct {
		char letter;
		const char *type, *label;
	} names[] = {
		{'A', "ORG", "Alpha"},	  {'B', "ORG", "Beta"},	    {'C', "PERSON", "Carol"},  {'D', "SHIP", "Dora"},
		{'E', "ORG", "Echo"},	  {'F', "ORG", "Foxtrot"},  {'G', "ORG", "Golf"},      {'H', "ORG", "Hotel"},
		{'I', "ORG", "India"},	  {'J', "PLACE", "Juliett"}, {'K', "UNIT", "Kilo"},    {'L', "ORG", "Lima"},
		{'M', "ORG", "Mike"},	  {'N', "ORG", "November"}, {'P', "ORG", "Papa"},      {'Q', "ORG", "Quebec"},
		{'R', "ORG", "Romeo"},	  {'S', "ORG", "Sierra"},   {'W', "BOAT", "Whiskey"},
	};
	ents = eg_entities_new();
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		letter[names[i].letter - 'A'] = eg_entities_intern(ents, names[i].type, names[i].label,
								   strlen(names[i].label), NULL);
	test_weightings();
	test_weighting_names();
	test_node_and_edge_filters();
	test_backbone();
	test_metrics();
	test_colours();
	test_document_order();
	eg_entities_free(ents);
	free(tokens.v);
	return check_result("metrics");
}
