/* Graph building (sorting, filters, igraph degrees) and GraphML writing
 * (schema-valid, keys as SPEC.md says, byte-identical twice). */
#include "check.h"
#include "graph/graph.h"
#include "output/atomic.h"
#include "output/graphml.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

static eg_entities *ents;
static eg_cooc *counts;
static eg_tokens tokens;

static char text[1024];
static eg_document document = {.id = (char *)"d", .text = text, .length = sizeof(text) - 1};

/* One sentence mentioning entities[0..n). */
static void sentence(const uint32_t *entities, size_t n)
{
	eg_mentions m = {0};
	EG_GROW(tokens.v, tokens.cap, n);
	tokens.n = n;
	for (size_t i = 0; i < n; i++) {
		tokens.v[i] = (eg_token){.start = (uint32_t)i * 2, .end = (uint32_t)i * 2 + 1};
		eg_mention x = {.start = (uint32_t)i * 2, .end = (uint32_t)i * 2 + 1, .tok_start = (uint32_t)i,
				.tok_end = (uint32_t)i + 1, .entity = entities[i]};
		eg_mentions_push(&m, &x);
	}
	eg_mentions_locate(&m, &tokens);
	eg_mentions_locate(&m, &tokens);
	eg_cooc_add_document(counts, &document, m.v, m.n);
	eg_mentions_free(&m);
}

static char dir[] = "/tmp/entgraph-graph-XXXXXX";
static char path[600];

/* Writes g to a file the way extract does (through eg_out) and returns the
 * file's bytes; the file stays for validate() to parse. */
static char *write_file(const eg_graph *g)
{
	eg_out out;
	eg_error err;
	CHECK_INT(eg_out_open(&out, path, &err), 0);
	CHECK_INT(eg_graphml_write(out.fp, g, NULL, 1, &err), 0);
	CHECK_INT(eg_out_commit(&out, &err), 0);
	size_t length;
	char *bytes = eg_read_file(path, &length, &err);
	CHECK(bytes != NULL);
	CHECK_INT(strlen(bytes), length);
	return bytes;
}

static const char *attribute(xmlNodePtr node, const char *name, char out[128])
{
	xmlChar *value = xmlGetProp(node, BAD_CAST name);
	snprintf(out, 128, "%s", value ? (const char *)value : "(none)");
	xmlFree(value);
	return out;
}

/* Every key, in order, with the domain and attr.name Gephi matches on. */
static void check_keys(xmlDocPtr doc)
{
	static const char *const want[][4] = {
		{"label", "node", "label", "string"},
		{"entity_type", "node", "entity_type", "string"},
		{"category", "node", "category", "string"},
		{"mentions", "node", "mentions", "int"},
		{"documents", "node", "documents", "int"},
		{"first_seen", "node", "first_seen", "string"},
		{"last_seen", "node", "last_seen", "string"},
		{"sources", "node", "sources", "string"},
		{"surface_forms", "node", "surface_forms", "string"},
		{"candidates", "node", "candidates", "string"},
		{"degree", "node", "degree", "double"},
		{"weighted_degree", "node", "weighted_degree", "double"},
		{"pagerank", "node", "pagerank", "double"},
		{"betweenness", "node", "betweenness", "double"},
		{"component", "node", "component", "int"},
		{"community", "node", "community", "int"},
		{"size", "node", "size", "double"},
		{"r", "node", "r", "int"},
		{"g", "node", "g", "int"},
		{"b", "node", "b", "int"},
		{"x", "node", "x", "double"},
		{"y", "node", "y", "double"},
		{"weight", "edge", "weight", "double"},
		{"edge_count", "edge", "count", "int"},
		{"edge_documents", "edge", "documents", "int"},
		{"edge_first_seen", "edge", "first_seen", "string"},
		{"edge_last_seen", "edge", "last_seen", "string"},
		{"edge_pmi", "edge", "pmi", "double"},
		{"edge_npmi", "edge", "npmi", "double"},
		{"edge_jaccard", "edge", "jaccard", "double"},
		{"edge_dice", "edge", "dice", "double"},
		{"edge_evidence", "edge", "evidence", "string"},
		{"edge_evidence_dates", "edge", "evidence_dates", "string"},
		{"edge_evidence_titles", "edge", "evidence_titles", "string"},
		{"edge_evidence_outlets", "edge", "evidence_outlets", "string"},
		{"edge_evidence_urls", "edge", "evidence_urls", "string"},
		{"edge_snippet", "edge", "snippet", "string"},
		{"edge_predicate", "edge", "predicate", "string"},
		{"edge_predicates", "edge", "predicates", "string"},
		{"edge_link_kind", "edge", "link_kind", "string"},
	};
	size_t n = 0;
	char got[128];
	xmlNodePtr root = xmlDocGetRootElement(doc);
	CHECK_STR((const char *)root->name, "graphml");
	CHECK_STR((const char *)root->ns->href, "http://graphml.graphdrawing.org/xmlns");
	for (xmlNodePtr k = root->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE || strcmp((const char *)k->name, "key") != 0)
			continue;
		if (n < sizeof(want) / sizeof(want[0])) {
			CHECK_STR(attribute(k, "id", got), want[n][0]);
			CHECK_STR(attribute(k, "for", got), want[n][1]);
			CHECK_STR(attribute(k, "attr.name", got), want[n][2]);
			CHECK_STR(attribute(k, "attr.type", got), want[n][3]);
		}
		n++;
	}
	CHECK_INT(n, sizeof(want) / sizeof(want[0]));
}

/* Parses the file at path, checks its keys and validates it against the
 * GraphML schema in ../shared/eval when that is there. */
static void validate(void)
{
	xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	CHECK(doc != NULL);
	if (!doc)
		return;
	check_keys(doc);

	const char *shared = getenv("EG_SHARED");
	char schema_path[1024];
	if (shared && *shared)
		snprintf(schema_path, sizeof(schema_path), "%s/eval/xsd/graphml/graphml.xsd", shared);
	else /* EG_TEST_SRCDIR is tests/, so ../shared is two levels up */
		snprintf(schema_path, sizeof(schema_path), "%s/../../shared/eval/xsd/graphml/graphml.xsd",
			 EG_TEST_SRCDIR);
	if (access(schema_path, R_OK) != 0) {
		static int told;
		if (!told++)
			printf("SKIP: ../shared/eval not found (no %s; set EG_SHARED), schema not checked\n", schema_path);
		xmlFreeDoc(doc);
		return;
	}
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(schema_path);
	xmlSchemaPtr schema = xmlSchemaParse(pc);
	CHECK(schema != NULL);
	if (schema) {
		xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
		CHECK_INT(xmlSchemaValidateDoc(vc, doc), 0);
		xmlSchemaFreeValidCtxt(vc);
	}
	xmlFreeDoc(doc);
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(pc);
}

/* A full disk: the error says why, and libxml2 prints nothing. */
static void check_write_error(const eg_graph *g)
{
	FILE *fp = fopen("/dev/full", "w");
	if (!fp) {
		printf("SKIP: no /dev/full\n");
		return;
	}
	char log[640];
	snprintf(log, sizeof(log), "%s/stderr", dir);
	fflush(stderr);
	int saved = dup(2), fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	dup2(fd, 2);
	eg_error err;
	int rc = eg_graphml_write(fp, g, NULL, 1, &err);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	close(fd);
	fclose(fp);
	CHECK_INT(rc, -1);
	if (rc < 0)
		CHECK_STR(err.message, "cannot write the GraphML: No space left on device");
	struct stat st;
	CHECK(stat(log, &st) == 0 && st.st_size == 0);
	unlink(log);
}

/* Numbers in every output: shortest text that reads back exactly, with no
 * exponent between 1 and 1e17. */
static void test_numbers(void)
{
	char out[32];
	const struct { double v; const char *want; } cases[] = {
		{50, "50"}, {0.25, "0.25"}, {1e-07, "1e-07"}, {1.5e10, "15000000000"}, {1e20, "1e+20"},
		{-3, "-3"}, {0, "0"}, {123456.5, "123456.5"}, {0.1, "0.1"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		eg_format_double(out, cases[i].v);
		CHECK_STR(out, cases[i].want);
	}
	uint64_t x = 88172645463325252ULL;
	for (int i = 0; i < 20000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		double v;
		uint64_t bits = x & 0x7fefffffffffffffULL; /* finite */
		memcpy(&v, &bits, sizeof(v));
		eg_format_double(out, v);
		if (strtod(out, NULL) != v) {
			CHECK(strtod(out, NULL) == v);
			break;
		}
	}
}

int main(void)
{
	test_numbers();
	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/graph.graphml", dir);
	ents = eg_entities_new();
	uint32_t ms = eg_entities_intern(ents, "ORG", "Microsoft", 9, "tech");
	uint32_t az = eg_entities_intern(ents, "PRODUCT", "Azure", 5, "cloud");
	uint32_t u8 = eg_entities_intern(ents, "UNIT", "Unit 8200", 9, NULL);
	uint32_t g9 = eg_entities_intern(ents, "ORG", "+972 Magazine", 13, "media");
	const char *odd_label = "A & B <\x01\"quoted\">";
	uint32_t odd = eg_entities_intern(ents, "ORG", odd_label, strlen(odd_label), NULL);
	(void)eg_entities_intern(ents, "ORG", "Never Mentioned", 15, NULL);
	CHECK_STR(eg_entity_id(ents, ms), "org.microsoft");
	CHECK_STR(eg_entity_id(ents, u8), "unit.unit_8200");
	CHECK(strncmp(eg_entity_id(ents, g9), "org.972_magazine-", 17) == 0);
	CHECK_INT(strlen(eg_entity_id(ents, g9)), 25);

	counts = eg_cooc_new((eg_window){EG_WINDOW_SENTENCE, 0});
	uint32_t s1[] = {u8, az, ms};
	uint32_t s2[] = {ms, az};
	uint32_t s3[] = {g9, u8, odd};
	sentence(s1, 3);
	sentence(s2, 2);
	sentence(s3, 3);

	eg_graph g;
	eg_error err;
	eg_graph_options all = {.min_weight = 1, .types = NULL};
	CHECK_INT(eg_graph_build(&g, counts, ents, &all, &err), 0);
	/* Sorted by id: org.972..., org.a_b..., org.microsoft, product.azure, unit.unit_8200. */
	CHECK_INT(g.node_count, 5);
	CHECK_STR(g.nodes[0].label, "+972 Magazine");
	CHECK_STR(g.nodes[2].id, "org.microsoft");
	CHECK_STR(g.nodes[3].id, "product.azure");
	CHECK_STR(g.nodes[4].id, "unit.unit_8200");
	CHECK_INT(g.edge_count, 6);
	CHECK_INT(igraph_vcount(&g.g), 5);
	CHECK_INT(igraph_ecount(&g.g), 6);
	/* Edges sorted by (source, target), source < target. */
	for (size_t i = 0; i < g.edge_count; i++) {
		CHECK(g.edges[i].source < g.edges[i].target);
		if (i)
			CHECK(g.edges[i - 1].source < g.edges[i].source ||
			      (g.edges[i - 1].source == g.edges[i].source && g.edges[i - 1].target < g.edges[i].target));
	}
	/* Edges: (0,1) (0,4) (1,4) (2,3) (2,4) (3,4); Microsoft-Azure: 2 sentences; Microsoft: degree 2 (Azure, Unit 8200),
	 * weighted 3. */
	CHECK_INT(g.edges[3].source, 2);
	CHECK_INT(g.edges[3].target, 3);
	CHECK(g.edges[3].weight == 2.0);
	CHECK(g.nodes[2].degree == 2.0);
	CHECK(g.nodes[2].weighted_degree == 3.0);
	CHECK_INT(g.nodes[4].mentions, 2);
	/* The default weighting is the count; the document measures ride along,
	 * and every node has its metrics: one component of 5, PageRank sums
	 * to 1, sizes in range.  (Counted by hand in test_metrics.c.) */
	CHECK_INT(g.edges[3].count, 2);
	CHECK(eg_graph_edge_measures(&g, 3).dice > 0 && eg_graph_edge_measures(&g, 3).jaccard > 0);
	double pagerank = 0;
	for (size_t i = 0; i < g.node_count; i++) {
		pagerank += g.nodes[i].pagerank;
		CHECK_INT(g.nodes[i].component, 0);
		CHECK(g.nodes[i].size >= EG_SIZE_MIN && g.nodes[i].size <= EG_SIZE_MAX);
	}
	CHECK(pagerank > 0.999999 && pagerank < 1.000001);
	CHECK(g.nodes[2].r == 242 && g.nodes[2].g == 142 && g.nodes[2].b == 43); /* ORG */

	char *xml = write_file(&g);
	validate();
	char *again = write_file(&g);
	CHECK_STR(xml, again);
	const char *head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"";
	CHECK(strncmp(xml, head, strlen(head)) == 0);
	CHECK(strstr(xml, "<key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>") != NULL);
	CHECK(strstr(xml, "<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>") != NULL);
	CHECK(strstr(xml, "<graph id=\"G\" edgedefault=\"undirected\">") != NULL);
	CHECK(strstr(xml, "<edge id=\"org.microsoft--product.azure\" source=\"org.microsoft\" target=\"product.azure\">\n"
			  "      <data key=\"weight\">2</data>\n"
			  "      <data key=\"edge_count\">2</data>\n"
			  "      <data key=\"edge_documents\">2</data>") != NULL);
	/* Markup is escaped, the control character dropped. */
	CHECK(strstr(xml, "A &amp; B &lt;&quot;quoted&quot;&gt;") != NULL);
	CHECK(strstr(xml, "\x01") == NULL);
	CHECK(strstr(xml, "Never Mentioned") == NULL);
	/* No category data for Unit 8200, which has none; no label attribute on edges. */
	CHECK(strstr(xml, "<node id=\"unit.unit_8200\">\n"
			  "      <data key=\"label\">Unit 8200</data>\n"
			  "      <data key=\"entity_type\">UNIT</data>\n"
			  "      <data key=\"mentions\">2</data>") != NULL);
	CHECK(strstr(xml, "<data key=\"category\">tech</data>") != NULL);
	/* Every edge's id is its endpoints' ids, source first. */
	for (const char *e = strstr(xml, "<edge id=\""); e; e = strstr(e + 1, "<edge id=\"")) {
		char id[256], source[128], target[128], want[300];
		CHECK(sscanf(e, "<edge id=\"%255[^\"]\" source=\"%127[^\"]\" target=\"%127[^\"]\"", id, source, target) == 3);
		snprintf(want, sizeof(want), "%s--%s", source, target);
		CHECK_STR(id, want);
		CHECK(strcmp(source, target) < 0);
	}
	for (const char *e = strstr(xml, "<edge "); e; e = strstr(e + 1, "<edge ")) {
		char tag[256];
		snprintf(tag, sizeof(tag), "%.*s", (int)strcspn(e, ">"), e);
		CHECK(strstr(tag, " label=") == NULL);
	}
	check_write_error(&g);
	free(xml);
	free(again);
	eg_graph_free(&g);

	/* Type filter and minimum weight; keep_isolated keeps the nodes they
	 * leave without an edge. */
	const char *types[] = {"ORG", "PRODUCT", NULL};
	eg_graph_options some = {.min_weight = 2, .types = types, .keep_isolated = 1};
	CHECK_INT(eg_graph_build(&g, counts, ents, &some, &err), 0);
	CHECK_INT(g.node_count, 4);
	CHECK_INT(g.edge_count, 1);
	CHECK_STR(g.nodes[g.edges[0].source].label, "Microsoft");
	CHECK_STR(g.nodes[g.edges[0].target].label, "Azure");
	CHECK(g.nodes[0].degree == 0.0);
	xml = write_file(&g);
	validate();
	free(xml);
	eg_graph_free(&g);

	/* Without keep_isolated those go: Microsoft and Azure stay. */
	some.keep_isolated = 0;
	CHECK_INT(eg_graph_build(&g, counts, ents, &some, &err), 0);
	CHECK_INT(g.node_count, 2);
	CHECK_INT(g.isolated_dropped, 2);
	CHECK_INT(g.edge_count, 1);
	CHECK(g.nodes[0].degree == 1.0 && g.nodes[1].degree == 1.0);
	eg_graph_free(&g);

	/* The type filter alone leaves Unit 8200 without edges: no node,
	 * unless keep_isolated. */
	const char *units[] = {"UNIT", NULL};
	eg_graph_options only_units = {.min_weight = 1, .types = units};
	CHECK_INT(eg_graph_build(&g, counts, ents, &only_units, &err), 0);
	CHECK_INT(g.node_count, 0);
	CHECK_INT(g.isolated_dropped, 1);
	eg_graph_free(&g);
	only_units.keep_isolated = 1;
	CHECK_INT(eg_graph_build(&g, counts, ents, &only_units, &err), 0);
	CHECK_INT(g.node_count, 1);
	CHECK_INT(g.edge_count, 0);
	CHECK_INT(igraph_vcount(&g.g), 1);
	CHECK(g.nodes[0].degree == 0.0 && g.nodes[0].weighted_degree == 0.0);
	eg_graph_free(&g);

	/* A weight threshold above every edge drops the edges; keep_isolated
	 * keeps the nodes. */
	eg_graph_options heavy = {.min_weight = 2.5, .types = NULL, .keep_isolated = 1};
	CHECK_INT(eg_graph_build(&g, counts, ents, &heavy, &err), 0);
	CHECK_INT(g.node_count, 5);
	CHECK_INT(g.edge_count, 0);
	eg_graph_free(&g);

	/* Text the XML cannot hold (invalid UTF-8, controls other than tab and
	 * newline, U+FFFE) is dropped; other characters pass as they are. */
	eg_graph_node odd_nodes[] = {
		{.id = "org.x", .label = "Z\xc3\xbcrich\x7f\xff\x0b\xef\xbf\xbe\tend", .type = "ORG", .category = ""},
	};
	eg_graph fake = {.nodes = odd_nodes, .node_count = 1};
	xml = write_file(&fake);
	CHECK(strstr(xml, "<data key=\"label\">Z\xc3\xbcrich\x7f\tend</data>") != NULL);
	validate();
	free(xml);

	/* An empty graph is still a valid document. */
	eg_cooc_free(counts);
	counts = eg_cooc_new((eg_window){EG_WINDOW_SENTENCE, 0});
	CHECK_INT(eg_graph_build(&g, counts, ents, &all, &err), 0);
	CHECK_INT(g.node_count, 0);
	xml = write_file(&g);
	CHECK(strstr(xml, "<graph id=\"G\" edgedefault=\"undirected\"/>") != NULL);
	validate();
	free(xml);
	/* How it was made is the graph's <desc>, its first child, where the
	 * schema allows it; no graph-level key or data (Gephi rejects them). */
	eg_provenance made = {.version = "9.9", .command = "extract", .window = "sentence", .weighting = "count",
			      .filters = "", .dictionaries = "00ff", .documents = 0};
	eg_out out;
	CHECK_INT(eg_out_open(&out, path, &err), 0);
	CHECK_INT(eg_graphml_write(out.fp, &g, &made, 1, &err), 0);
	CHECK_INT(eg_out_commit(&out, &err), 0);
	size_t length;
	xml = eg_read_file(path, &length, &err);
	CHECK(xml && strstr(xml, "<graph id=\"G\" edgedefault=\"undirected\">\n"
				 "    <desc>version: 9.9; command: extract; window: sentence; weighting: count; "
				 "filters: none; dictionaries: 00ff; documents: 0</desc>\n"
				 "  </graph>") != NULL);
	CHECK(xml && strstr(xml, "for=\"graph\"") == NULL);
	validate();
	free(xml);
	eg_graph_free(&g);

	unlink(path);
	CHECK(rmdir(dir) == 0);
	eg_cooc_free(counts);
	eg_entities_free(ents);
	free(tokens.v);
	xmlCleanupParser();
	return check_result("graph");
}
