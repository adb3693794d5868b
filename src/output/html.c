#include "output/html.h"
#include "graph/periods.h"
#include "output/attributes.h"
#include "output/mentions.h"
#include "output/report_page.h"
#include "util/map.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

const char eg_html_unavailable[] = "this entgraph was built without the report page: node and the npm packages "
				   "were missing when it was configured; run scripts/install-deps, then meson setup --wipe "
				   "build (or scripts/build in a fresh clone)";

typedef struct writer {
	FILE *fp;
	eg_buf b, safe;
	int error;
} writer;

/* Out with the buffer, every "<" as \u003c: in this JSON a "<" is only
 * ever inside a string, where the escape reads the same, and without it a
 * title holding "</script>" would end the data. */
static void flush(writer *w)
{
	const char *p = w->b.data, *end = p + w->b.len;
	while (!w->error && p < end) {
		const char *lt = memchr(p, '<', (size_t)(end - p));
		size_t n = (size_t)((lt ? lt : end) - p);
		if ((n && fwrite(p, 1, n, w->fp) != n) || (lt && fwrite("\\u003c", 1, 6, w->fp) != 6))
			w->error = errno ? errno : EIO;
		p += n + (lt ? 1 : 0);
	}
	eg_buf_clear(&w->b);
}

static void put(writer *w, const unsigned char *bytes, size_t n)
{
	if (!w->error && n && fwrite(bytes, 1, n, w->fp) != n)
		w->error = errno ? errno : EIO;
}

/* A JSON string of s made XML-safe (the writers' one rule for text), or
 * null. */
static void string(writer *w, const char *s)
{
	if (!s) {
		eg_buf_adds(&w->b, "null");
		return;
	}
	s = eg_xml_safe(s, &w->safe);
	eg_json_string(&w->b, s, strlen(s));
}

static void number(writer *w, double v)
{
	char buf[32];
	eg_format_double(buf, v);
	eg_buf_adds(&w->b, buf);
}

static void provenance(writer *w, const eg_provenance *p)
{
	char buf[32];
	eg_buf_adds(&w->b, "\"provenance\":{");
	int first = 1;
	for (size_t k = 0; p && k < EG_PROVENANCE_FIELDS; k++) {
		const char *v = eg_provenance_value(p, k, buf);
		if (!v)
			continue;
		if (!first)
			eg_buf_addc(&w->b, ',');
		first = 0;
		eg_json_string(&w->b, eg_provenance_names[k], strlen(eg_provenance_names[k]));
		eg_buf_addc(&w->b, ':');
		if (eg_provenance_numeric(k))
			eg_buf_adds(&w->b, v);
		else
			string(w, v);
	}
	eg_buf_adds(&w->b, "},\n");
}

static int by_type(const void *x, const void *y)
{
	return strcmp((*(const eg_graph_node *const *)x)->type, (*(const eg_graph_node *const *)y)->type);
}

/* The types present, ascending, each with the colour of its nodes (one
 * colour per type: graph.h, so its first node's); names numbers them by
 * rank, the index the nodes give. */
static void types(writer *w, const eg_graph *g, eg_strmap *names)
{
	eg_strmap seen;
	eg_strmap_init(&seen);
	const eg_graph_node **firsts = eg_xmalloc((g->node_count + 1) * sizeof(*firsts));
	size_t n = 0;
	for (size_t i = 0; i < g->node_count; i++) {
		int inserted;
		eg_strmap_intern(&seen, g->nodes[i].type, strlen(g->nodes[i].type), &inserted);
		if (inserted)
			firsts[n++] = &g->nodes[i];
	}
	eg_strmap_free(&seen);
	qsort(firsts, n, sizeof(*firsts), by_type);
	eg_buf_adds(&w->b, "\"types\":[");
	for (size_t t = 0; t < n; t++) {
		int inserted;
		eg_strmap_intern(names, firsts[t]->type, strlen(firsts[t]->type), &inserted);
		eg_buf_adds(&w->b, t ? ",[" : "[");
		string(w, firsts[t]->type);
		eg_buf_printf(&w->b, ",\"#%02x%02x%02x\"]", firsts[t]->r, firsts[t]->g, firsts[t]->b);
	}
	eg_buf_adds(&w->b, "],\n");
	free(firsts);
}

static void periods(writer *w, const eg_graph *g)
{
	const eg_periods *p = g->periods;
	eg_buf_adds(&w->b, "\"period\":");
	if (p)
		string(w, eg_period_name(p->kind));
	else
		eg_buf_adds(&w->b, "null");
	eg_buf_adds(&w->b, ",\"periods\":[");
	for (size_t i = 0; p && i < p->n; i++) {
		if (i)
			eg_buf_addc(&w->b, ',');
		string(w, p->v[i].first);
	}
	eg_buf_adds(&w->b, "],\n");
}

/* The evidence documents and sentences, each once, numbered in order of
 * first use over the edges, then the nodes. */
static void evidence_tables(writer *w, const eg_graph *g, eg_strmap *documents, eg_strmap *sentences)
{
	eg_buf_adds(&w->b, "\"documents\":[");
	for (size_t i = 0; i < g->edge_count + g->node_count && !w->error; i++) {
		uint32_t n = eg_graph_evidence_count(g, i);
		for (uint32_t k = 0; k < n; k++) {
			eg_evidence e = eg_graph_evidence(g, i, k);
			int inserted;
			uint32_t d = eg_strmap_intern(documents, e.document, strlen(e.document), &inserted);
			if (e.sentence)
				eg_strmap_intern(sentences, e.sentence, strlen(e.sentence), &(int){0});
			if (!inserted)
				continue;
			eg_buf_adds(&w->b, d ? ",\n[" : "\n[");
			string(w, e.document);
			const char *fields[] = {e.date, e.title, e.outlet, e.url};
			for (size_t f = 0; f < 4; f++) {
				eg_buf_addc(&w->b, ',');
				string(w, fields[f]);
			}
			eg_buf_addc(&w->b, ']');
		}
		flush(w);
	}
	eg_buf_adds(&w->b, "],\n\"sentences\":[");
	for (uint32_t s = 0; s < (uint32_t)sentences->count; s++) {
		eg_buf_adds(&w->b, s ? ",\n" : "\n");
		string(w, eg_strmap_key(sentences, s));
		if (w->b.len > 65536)
			flush(w);
	}
	eg_buf_adds(&w->b, "],\n");
}

/* [document,sentence,...] of evidence list i (evidence_item). */
static void evidence_list(writer *w, const eg_graph *g, size_t i, const eg_strmap *documents,
			  const eg_strmap *sentences)
{
	eg_buf_addc(&w->b, '[');
	uint32_t n = eg_graph_evidence_count(g, i);
	for (uint32_t k = 0; k < n; k++) {
		eg_evidence ev = eg_graph_evidence(g, i, k);
		int64_t s = ev.sentence ? eg_strmap_find(sentences, ev.sentence, strlen(ev.sentence)) : -1;
		eg_buf_printf(&w->b, "%s%" PRId64 ",", k ? "," : "", eg_strmap_find(documents, ev.document, strlen(ev.document)));
		if (s < 0)
			eg_buf_adds(&w->b, "null");
		else
			eg_buf_printf(&w->b, "%" PRId64, s);
	}
	eg_buf_addc(&w->b, ']');
}

static void node(writer *w, const eg_graph *g, size_t i, const eg_strmap *type_names, const eg_strmap *documents,
		 const eg_strmap *sentences, eg_buf *scratch)
{
	const eg_graph_node *n = &g->nodes[i];
	char buf[64];
	eg_buf_adds(&w->b, i ? ",\n[" : "\n[");
	string(w, n->id);
	eg_buf_addc(&w->b, ',');
	string(w, n->label);
	eg_buf_printf(&w->b, ",%" PRId64 ",", eg_strmap_find(type_names, n->type, strlen(n->type)));
	number(w, n->x);
	eg_buf_addc(&w->b, ',');
	number(w, n->y);
	eg_buf_addc(&w->b, ',');
	number(w, n->size);
	eg_buf_printf(&w->b, ",%" PRIu64 ",%" PRIu64 ",", n->mentions, n->documents);
	string(w, n->first_date && *n->first_date ? n->first_date : NULL);
	eg_buf_addc(&w->b, ',');
	string(w, n->last_date && *n->last_date ? n->last_date : NULL);
	eg_buf_addc(&w->b, ',');
	string(w, n->category && *n->category ? n->category : NULL);
	/* The lists as the other formats write them (attributes.h). */
	static const char *const listed[] = {"surface_forms", "candidates", "sources"};
	for (size_t l = 0; l < 3; l++) {
		const char *v = NULL;
		for (size_t k = 0; k < eg_node_attr_count; k++)
			if (strcmp(eg_node_attrs[k].name, listed[l]) == 0)
				v = eg_node_attr_value(g, i, k, buf, scratch);
		eg_buf_addc(&w->b, ',');
		string(w, v);
	}
	eg_buf_addc(&w->b, ',');
	number(w, n->pagerank);
	eg_buf_printf(&w->b, ",%" PRId64 ",[", n->community);
	int first = 1;
	for (size_t p = 0; g->periods && p < g->periods->n; p++) {
		uint64_t d = eg_period_entity(&g->periods->v[p], n->entity).documents;
		if (d) {
			eg_buf_printf(&w->b, "%s%zu,%" PRIu64, first ? "" : ",", p, d);
			first = 0;
		}
	}
	eg_buf_adds(&w->b, "],");
	evidence_list(w, g, g->edge_count + i, documents, sentences);
	eg_buf_addc(&w->b, ']');
}

static void edge(writer *w, const eg_graph *g, size_t i, const eg_strmap *documents, const eg_strmap *sentences)
{
	const eg_graph_edge *e = &g->edges[i];
	eg_pair_counts pair = eg_graph_edge_pair(g, i);
	eg_buf_printf(&w->b, "%s[%" PRIu32 ",%" PRIu32 ",", i ? ",\n" : "\n", e->source, e->target);
	number(w, e->weight);
	eg_buf_printf(&w->b, ",%" PRIu64 ",%" PRIu64 ",", e->count, e->documents);
	string(w, pair.first_date);
	eg_buf_addc(&w->b, ',');
	string(w, pair.last_date);
	eg_buf_addc(&w->b, ',');
	evidence_list(w, g, i, documents, sentences);
	eg_buf_adds(&w->b, ",[");
	int first = 1;
	for (size_t p = 0; g->periods && p < g->periods->n; p++) {
		size_t k = eg_period_find_pair(&g->periods->v[p], pair.a, pair.b);
		if (k != SIZE_MAX) {
			eg_buf_printf(&w->b, "%s%zu,%" PRIu64, first ? "" : ",", p, eg_cooc_pair(g->periods->v[p].counts, k).weight);
			first = 0;
		}
	}
	/* what the sentences say links the two (graph.h's predicates) */
	eg_buf_adds(&w->b, "],[");
	size_t from = g->predicate_start ? g->predicate_start[i] : 0, to = g->predicate_start ? g->predicate_start[i + 1] : 0;
	for (size_t k = from; k < to && k - from < EG_PREDICATES_LISTED; k++) {
		if (k > from)
			eg_buf_addc(&w->b, ',');
		string(w, g->predicates[k].predicate);
		eg_buf_printf(&w->b, ",%" PRIu64, g->predicates[k].instances);
	}
	eg_buf_adds(&w->b, "]]");
}

int eg_html_write(FILE *fp, const eg_graph *g, const eg_provenance *p, eg_error *err)
{
	if (!eg_html_available)
		return eg_error_set(err, "%s", eg_html_unavailable);
	writer w = {.fp = fp};
	eg_strmap type_names, documents, sentences;
	eg_strmap_init(&type_names);
	eg_strmap_init(&documents);
	eg_strmap_init(&sentences);
	eg_buf scratch = {0};
	errno = 0;
	put(&w, eg_report_head, eg_report_head_size);
	eg_buf_adds(&w.b, "{\"format\":\"entgraph-report\",\"version\":1,");
	provenance(&w, p);
	types(&w, g, &type_names);
	periods(&w, g);
	evidence_tables(&w, g, &documents, &sentences);
	eg_buf_adds(&w.b, "\"nodes\":[");
	for (size_t i = 0; i < g->node_count && !w.error; i++) {
		node(&w, g, i, &type_names, &documents, &sentences, &scratch);
		if (w.b.len > 65536)
			flush(&w);
	}
	eg_buf_adds(&w.b, "],\n\"edges\":[");
	for (size_t i = 0; i < g->edge_count && !w.error; i++) {
		edge(&w, g, i, &documents, &sentences);
		if (w.b.len > 65536)
			flush(&w);
	}
	eg_buf_adds(&w.b, "]}");
	flush(&w);
	put(&w, eg_report_tail, eg_report_tail_size);
	if (!w.error && (fflush(fp) != 0 || ferror(fp)))
		w.error = errno ? errno : EIO;
	eg_strmap_free(&type_names);
	eg_strmap_free(&documents);
	eg_strmap_free(&sentences);
	eg_buf_free(&scratch);
	eg_buf_free(&w.b);
	eg_buf_free(&w.safe);
	if (w.error)
		return eg_error_set(err, "cannot write the report: %s", strerror(w.error));
	return 0;
}
