/* Graph building (sorting, filters, igraph degrees) and GraphML writing
 * (schema-valid, keys as SPEC.md says, byte-identical twice). */
#include "check.h"
#include "graph/graph.h"
#include "output/graphml.h"

#include <stdlib.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

static eg_entities *ents;
static eg_cooc *counts;
static eg_tokens tokens;

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
	eg_cooc_add_document(counts, m.v, m.n, &tokens);
	eg_mentions_free(&m);
}

static char *write_to_string(const eg_graph *g)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	eg_error err;
	CHECK_INT(eg_graphml_write(fp, g, &err), 0);
	fclose(fp);
	return buf;
}

static void validate(const char *xml)
{
	const char *shared = getenv("EG_SHARED");
	char path[1024];
	if (shared && *shared)
		snprintf(path, sizeof(path), "%s/eval/xsd/graphml/graphml.xsd", shared);
	else
		snprintf(path, sizeof(path), "%s/../../shared/eval/xsd/graphml/graphml.xsd", EG_TEST_SRCDIR);
	FILE *probe = fopen(path, "r");
	if (!probe) {
		printf("SKIP schema validation: %s not found (set EG_SHARED)\n", path);
		return;
	}
	fclose(probe);
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path);
	xmlSchemaPtr schema = xmlSchemaParse(pc);
	CHECK(schema != NULL);
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "test.graphml", NULL, XML_PARSE_NONET);
	CHECK(doc != NULL);
	if (schema && doc) {
		xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
		CHECK_INT(xmlSchemaValidateDoc(vc, doc), 0);
		xmlSchemaFreeValidCtxt(vc);
	}
	xmlFreeDoc(doc);
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(pc);
}

int main(void)
{
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

	char *xml = write_to_string(&g);
	char *again = write_to_string(&g);
	CHECK_STR(xml, again);
	CHECK(strstr(xml, "<key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>") != NULL);
	CHECK(strstr(xml, "<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>") != NULL);
	CHECK(strstr(xml, "<graph id=\"G\" edgedefault=\"undirected\">") != NULL);
	CHECK(strstr(xml, "<edge id=\"e3\" source=\"org.microsoft\" target=\"product.azure\">\n"
			  "      <data key=\"weight\">2</data>\n"
			  "      <data key=\"edge_documents\">2</data>") != NULL);
	/* Markup is escaped, the control character dropped. */
	CHECK(strstr(xml, "A &amp; B &lt;&quot;quoted&quot;&gt;") != NULL);
	CHECK(strstr(xml, "\x01") == NULL);
	CHECK(strstr(xml, "Never Mentioned") == NULL);
	validate(xml);
	free(xml);
	free(again);
	eg_graph_free(&g);

	/* Type filter and minimum weight. */
	const char *types[] = {"ORG", "PRODUCT", NULL};
	eg_graph_options some = {.min_weight = 2, .types = types};
	CHECK_INT(eg_graph_build(&g, counts, ents, &some, &err), 0);
	CHECK_INT(g.node_count, 4);
	CHECK_INT(g.edge_count, 1);
	CHECK_STR(g.nodes[g.edges[0].source].label, "Microsoft");
	CHECK_STR(g.nodes[g.edges[0].target].label, "Azure");
	CHECK(g.nodes[0].degree == 0.0);
	xml = write_to_string(&g);
	validate(xml);
	free(xml);
	eg_graph_free(&g);

	/* An empty graph is still a valid document. */
	eg_cooc_free(counts);
	counts = eg_cooc_new((eg_window){EG_WINDOW_SENTENCE, 0});
	CHECK_INT(eg_graph_build(&g, counts, ents, &all, &err), 0);
	CHECK_INT(g.node_count, 0);
	xml = write_to_string(&g);
	validate(xml);
	free(xml);
	eg_graph_free(&g);

	eg_cooc_free(counts);
	eg_entities_free(ents);
	free(tokens.v);
	xmlCleanupParser();
	return check_result("graph");
}
