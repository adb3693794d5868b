/* The GraphML writer round trip: a small graph made from the fuzzed bytes
 * (entities with any label bytes, types, categories, mention counts and
 * pair weights), written with eg_graphml_write, parsed back with libxml2:
 * well-formed, one <node> per node and one <edge> per edge, node ids
 * unique, every edge end a node, and labels that XML can hold read back
 * exactly.  The same graph as a report (-f html): no "<" in its data, so
 * no label ends the data's script element; and as FtM entities: one line
 * per entity, each a JSON object.
 *
 * Input: byte 0 the minimum weight, byte 1 the entity count; per entity a
 * type byte, a category byte, a mention count byte, a label length byte
 * and the label; then (a, b, weight) byte triples. */
#include "fuzz.h"
#include "graph/graph.h"
#include "match/entities.h"
#include "output/ftm.h"
#include "output/graphml.h"
#include "output/html.h"
#include "output/report_page.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#define MAX_ENTITIES 64

typedef struct cursor {
	const uint8_t *p, *end;
} cursor;

static unsigned take(cursor *c)
{
	return c->p < c->end ? *c->p++ : 0;
}

/* 1 when XML 1.0 can hold s as it is (the writer drops what it cannot, and
 * a parser turns CR into LF). */
static int xml_plain(const char *s)
{
	size_t n = strlen(s);
	if (!eg_utf8_valid(s, n))
		return 0;
	for (size_t i = 0; i < n;) {
		int len;
		uint32_t cp = eg_utf8_decode((const unsigned char *)s + i, n - i, &len);
		if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF)
			return 0;
		i += (size_t)len;
	}
	return 1;
}

static const xmlNode *child(const xmlNode *n, const char *name)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

static void check_round_trip(const char *xml, size_t length, const eg_graph *g)
{
	xmlDocPtr doc = xmlReadMemory(xml, (int)length, "fuzz.graphml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
								   XML_PARSE_NOWARNING | XML_PARSE_HUGE);
	FUZZ_CHECK(doc != NULL);
	const xmlNode *graph = child(xmlDocGetRootElement(doc) ? (const xmlNode *)doc : NULL, "graphml");
	graph = child(graph, "graph");
	FUZZ_CHECK(graph != NULL);
	size_t nodes = 0, edges = 0;
	for (const xmlNode *c = graph->children; c; c = c->next) {
		/* The graph's own data (weighting, documents) comes before the nodes. */
		if (c->type != XML_ELEMENT_NODE || (strcmp((const char *)c->name, "data") == 0 && !nodes && !edges))
			continue;
		xmlChar *id = xmlGetProp(c, BAD_CAST "id");
		FUZZ_CHECK(id != NULL);
		if (strcmp((const char *)c->name, "node") == 0) {
			FUZZ_CHECK(nodes < g->node_count);
			const eg_graph_node *n = &g->nodes[nodes++];
			FUZZ_CHECK(strcmp((const char *)id, n->id) == 0);
			const xmlNode *label = child(c, "data");
			xmlChar *key = label ? xmlGetProp(label, BAD_CAST "key") : NULL;
			FUZZ_CHECK(key && strcmp((const char *)key, "label") == 0);
			xmlFree(key);
			if (xml_plain(n->label)) {
				xmlChar *text = xmlNodeGetContent(label);
				FUZZ_CHECK(text && strcmp((const char *)text, n->label) == 0);
				xmlFree(text);
			}
		} else {
			FUZZ_CHECK(strcmp((const char *)c->name, "edge") == 0);
			FUZZ_CHECK(edges < g->edge_count);
			const eg_graph_edge *e = &g->edges[edges++];
			xmlChar *source = xmlGetProp(c, BAD_CAST "source"), *target = xmlGetProp(c, BAD_CAST "target");
			FUZZ_CHECK(source && strcmp((const char *)source, g->nodes[e->source].id) == 0);
			FUZZ_CHECK(target && strcmp((const char *)target, g->nodes[e->target].id) == 0);
			xmlFree(source);
			xmlFree(target);
		}
		xmlFree(id);
	}
	FUZZ_CHECK(nodes == g->node_count && edges == g->edge_count);
	for (size_t i = 1; i < g->node_count; i++)
		FUZZ_CHECK(strcmp(g->nodes[i - 1].id, g->nodes[i].id) < 0);
	xmlFreeDoc(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const types[] = {"ORG", "PERSON", "UNIT", "PRODUCT", "PLACE", "X_1"};
	static const char *const categories[] = {NULL, "media", "tech", "military", "a&b<c>\"'"};
	cursor c = {data, data + size};
	double min_weight = take(&c) % 4;
	size_t count = take(&c) % MAX_ENTITIES;
	eg_entities *ents = eg_entities_new();
	eg_cooc *counts = eg_cooc_new((eg_window){EG_WINDOW_SENTENCE, 0});
	uint32_t index[MAX_ENTITIES];
	char label[256];
	for (size_t i = 0; i < count; i++) {
		const char *type = types[take(&c) % 6];
		const char *category = categories[take(&c) % 5];
		unsigned mentions = take(&c);
		size_t n = take(&c) % 32, k = 0;
		for (size_t j = 0; j < n && c.p < c.end; j++) {
			unsigned b = take(&c);
			if (b) /* labels are C strings */
				label[k++] = (char)b;
		}
		if (k == 0)
			label[k++] = 'x';
		index[i] = eg_entities_intern(ents, type, label, k, category);
		eg_entity_counts ec = {.mentions = mentions, .documents = mentions ? 1 : 0,
				       .evidence_count = mentions ? 1 : 0};
		/* Its evidence sentence is its label: bytes the writers must escape. */
		eg_evidence said = {.document = categories[1 + i % 4], .title = categories[4],
				    .sentence = eg_entity_label(ents, index[i])};
		eg_cooc_merge_entity(counts, index[i], &ec, &said);
	}
	while (count && c.p + 3 <= c.end) {
		uint32_t a = index[take(&c) % count], b = index[take(&c) % count];
		eg_pair_counts pair = {.a = a < b ? a : b, .b = a < b ? b : a, .weight = take(&c), .documents = 1,
				       .evidence_count = 1};
		/* Evidence strings the writers must escape. */
		eg_evidence evidence = {.document = categories[4], .title = eg_entity_label(ents, a),
					.outlet = categories[4], .url = "https://example.org/?a=1&b=<2>",
					.sentence = eg_entity_label(ents, b)};
		eg_cooc_merge_pair(counts, &pair, &evidence);
	}
	eg_cooc_merge_documents(counts, 1);

	eg_graph graph;
	eg_graph_options options = {.min_weight = min_weight};
	eg_error err;
	FUZZ_CHECK(eg_graph_build(&graph, counts, ents, &options, &err) == 0);
	char *xml = NULL;
	size_t length = 0;
	FILE *fp = open_memstream(&xml, &length);
	FUZZ_CHECK(fp != NULL);
	FUZZ_CHECK(eg_graphml_write(fp, &graph, NULL, 1, &err) == 0);
	FUZZ_CHECK(fclose(fp) == 0);
	check_round_trip(xml, length, &graph);
	free(xml);

	if (eg_html_available) {
		fp = open_memstream(&xml, &length);
		FUZZ_CHECK(fp != NULL);
		FUZZ_CHECK(eg_html_write(fp, &graph, NULL, &err) == 0);
		FUZZ_CHECK(fclose(fp) == 0);
		FUZZ_CHECK(length >= eg_report_head_size + eg_report_tail_size);
		FUZZ_CHECK(memcmp(xml, eg_report_head, eg_report_head_size) == 0);
		FUZZ_CHECK(memchr(xml + eg_report_head_size, '<', length - eg_report_head_size - eg_report_tail_size) == NULL);
		free(xml);
	}

	fp = open_memstream(&xml, &length);
	FUZZ_CHECK(fp != NULL);
	FUZZ_CHECK(eg_ftm_write(fp, &graph, &err) == 0);
	FUZZ_CHECK(fclose(fp) == 0);
	for (const char *line = xml; line < xml + length;) {
		const char *end = memchr(line, '\n', (size_t)(xml + length - line));
		FUZZ_CHECK(end != NULL && end - line > 10 && memcmp(line, "{\"id\":", 6) == 0 && memcmp(end - 2, "}}", 2) == 0);
		line = end + 1;
	}
	free(xml);
	eg_graph_free(&graph);
	eg_cooc_free(counts);
	eg_entities_free(ents);
	return 0;
}
