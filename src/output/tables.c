#include "output/tables.h"
#include "output/attributes.h"
#include "output/mentions.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

static int flush(FILE *fp, eg_buf *b, int *error)
{
	if (!*error && b->len && fwrite(b->data, 1, b->len, fp) != b->len)
		*error = errno ? errno : EIO;
	eg_buf_clear(b);
	return *error;
}

/* A cell of valid UTF-8 without control characters other than tab and
 * line breaks, as in GraphML and GEXF (eg_xml_safe): Python's csv reader,
 * among others, fails on anything else.  safe is scratch space distinct
 * from s. */
static void csv_field(eg_buf *b, const char *s, eg_buf *safe)
{
	if (!s)
		return;
	s = eg_xml_safe(s, safe);
	if (!strpbrk(s, ",\"\r\n")) {
		eg_buf_adds(b, s);
		return;
	}
	eg_buf_addc(b, '"');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			eg_buf_addc(b, '"');
		eg_buf_addc(b, *p);
	}
	eg_buf_addc(b, '"');
}

static int finish(FILE *fp, int *error)
{
	errno = 0;
	if (!*error && (fflush(fp) != 0 || ferror(fp)))
		*error = errno ? errno : EIO;
	return *error;
}

/* The provenance as field,value rows. */
static void write_provenance_rows(FILE *fp, const eg_provenance *p, int *error)
{
	eg_buf line = {0}, safe = {0};
	char buf[32];
	eg_buf_adds(&line, "field,value\r\n");
	for (size_t k = 0; k < EG_PROVENANCE_FIELDS; k++) {
		eg_buf_adds(&line, eg_provenance_names[k]);
		eg_buf_addc(&line, ',');
		csv_field(&line, eg_provenance_value(p, k, buf), &safe);
		eg_buf_adds(&line, "\r\n");
	}
	flush(fp, &line, error);
	finish(fp, error);
	eg_buf_free(&line);
	eg_buf_free(&safe);
}

int eg_csv_write(FILE *nodes, FILE *edges, FILE *meta, const eg_graph *g, const eg_provenance *provenance,
		 eg_error *err)
{
	eg_buf line = {0}, scratch = {0}, safe = {0};
	char buf[64];
	int error = 0;
	/* Nodes: Id, Label, then the rest. */
	eg_buf_adds(&line, "Id,Label");
	for (size_t k = 0; k < eg_node_attrs_for(g); k++)
		if (strcmp(eg_node_attrs[k].name, "label") != 0)
			eg_buf_printf(&line, ",%s", eg_node_attrs[k].name);
	eg_buf_adds(&line, "\r\n");
	for (size_t i = 0; i < g->node_count && !flush(nodes, &line, &error); i++) {
		csv_field(&line, g->nodes[i].id, &safe);
		eg_buf_addc(&line, ',');
		csv_field(&line, g->nodes[i].label, &safe);
		for (size_t k = 0; k < eg_node_attrs_for(g); k++) {
			if (strcmp(eg_node_attrs[k].name, "label") == 0)
				continue;
			eg_buf_addc(&line, ',');
			csv_field(&line, eg_node_attr_value(g, i, k, buf, &scratch), &safe);
		}
		eg_buf_adds(&line, "\r\n");
	}
	flush(nodes, &line, &error);
	finish(nodes, &error);
	/* Edges: Source, Target, Type, Weight, then the rest. */
	eg_buf_adds(&line, "Source,Target,Type,Weight");
	for (size_t k = 0; k < eg_edge_attrs_for(g); k++)
		if (strcmp(eg_edge_attrs[k].name, "weight") != 0)
			eg_buf_printf(&line, ",%s", eg_edge_attrs[k].name);
	eg_buf_adds(&line, "\r\n");
	/* The co-occurrences, then the relation links (--relations), which
	 * Gephi's spreadsheet import reads as directed by their Type. */
	for (size_t i = 0; i < eg_graph_link_count(g) && !flush(edges, &line, &error); i++) {
		uint32_t source, target;
		eg_graph_link_ends(g, i, &source, &target);
		csv_field(&line, g->nodes[source].id, &safe);
		eg_buf_addc(&line, ',');
		csv_field(&line, g->nodes[target].id, &safe);
		eg_buf_adds(&line, i >= g->edge_count ? ",Directed," : ",Undirected,");
		eg_format_double(buf, eg_graph_link_weight(g, i));
		eg_buf_adds(&line, buf);
		for (size_t k = 0; k < eg_edge_attrs_for(g); k++) {
			if (strcmp(eg_edge_attrs[k].name, "weight") == 0)
				continue;
			eg_buf_addc(&line, ',');
			csv_field(&line, eg_edge_attr_value(g, i, k, buf, &scratch), &safe);
		}
		eg_buf_adds(&line, "\r\n");
	}
	flush(edges, &line, &error);
	finish(edges, &error);
	if (meta && provenance)
		write_provenance_rows(meta, provenance, &error);
	eg_buf_free(&line);
	eg_buf_free(&scratch);
	eg_buf_free(&safe);
	if (error)
		return eg_error_set(err, "cannot write the CSV: %s", strerror(error));
	return 0;
}

int eg_csv_evidence_write(FILE *fp, const eg_graph *g, eg_error *err)
{
	eg_buf line = {0}, safe = {0};
	int error = 0;
	eg_buf_adds(&line, "Source,Target,document,date,title,outlet,url,sentence\r\n");
	for (size_t i = 0; i < g->edge_count && !flush(fp, &line, &error); i++) {
		const eg_graph_edge *e = &g->edges[i];
		for (uint32_t k = 0, n = eg_graph_edge_pair(g, i).evidence_count; k < n; k++) {
			eg_evidence v = eg_graph_edge_evidence(g, i, k);
			const char *cells[] = {g->nodes[e->source].id, g->nodes[e->target].id, v.document, v.date,
					       v.title, v.outlet, v.url, v.sentence};
			for (size_t c = 0; c < sizeof(cells) / sizeof(cells[0]); c++) {
				if (c)
					eg_buf_addc(&line, ',');
				csv_field(&line, cells[c], &safe);
			}
			eg_buf_adds(&line, "\r\n");
		}
	}
	flush(fp, &line, &error);
	finish(fp, &error);
	eg_buf_free(&line);
	eg_buf_free(&safe);
	if (error)
		return eg_error_set(err, "cannot write the evidence CSV: %s", strerror(error));
	return 0;
}

/* ,"name":value with value a JSON number or string as the type says. */
static void json_member(eg_buf *b, const eg_attr *a, const char *value)
{
	eg_buf_addc(b, ',');
	eg_json_string(b, a->name, strlen(a->name));
	eg_buf_addc(b, ':');
	if (a->type == EG_ATTR_STRING)
		eg_json_string(b, value, strlen(value));
	else
		eg_buf_adds(b, value);
}

int eg_json_write(FILE *fp, const eg_graph *g, const eg_provenance *provenance, eg_error *err)
{
	eg_buf b = {0}, scratch = {0};
	char buf[64];
	int error = 0;
	eg_buf_adds(&b, "{\"directed\":false,\"multigraph\":false,\"graph\":{");
	for (size_t k = 0; provenance && k < EG_PROVENANCE_FIELDS; k++) {
		const char *v = eg_provenance_value(provenance, k, buf);
		if (!v)
			continue;
		if (b.data[b.len - 1] != '{')
			eg_buf_addc(&b, ',');
		eg_json_string(&b, eg_provenance_names[k], strlen(eg_provenance_names[k]));
		eg_buf_addc(&b, ':');
		if (eg_provenance_numeric(k))
			eg_buf_adds(&b, v);
		else
			eg_json_string(&b, v, strlen(v));
	}
	eg_buf_adds(&b, "},\n\"nodes\":[");
	for (size_t i = 0; i < g->node_count && !flush(fp, &b, &error); i++) {
		eg_buf_adds(&b, i ? ",\n{\"id\":" : "\n{\"id\":");
		eg_json_string(&b, g->nodes[i].id, strlen(g->nodes[i].id));
		for (size_t k = 0; k < eg_node_attrs_for(g); k++) {
			const char *v = eg_node_attr_value(g, i, k, buf, &scratch);
			if (v)
				json_member(&b, &eg_node_attrs[k], v);
		}
		eg_buf_addc(&b, '}');
	}
	eg_buf_adds(&b, "],\n\"links\":[");
	for (size_t i = 0; i < g->edge_count && !flush(fp, &b, &error); i++) {
		const eg_graph_edge *e = &g->edges[i];
		eg_buf_adds(&b, i ? ",\n{\"source\":" : "\n{\"source\":");
		eg_json_string(&b, g->nodes[e->source].id, strlen(g->nodes[e->source].id));
		eg_buf_adds(&b, ",\"target\":");
		eg_json_string(&b, g->nodes[e->target].id, strlen(g->nodes[e->target].id));
		for (size_t k = 0; k < eg_edge_attrs_for(g); k++) {
			const char *v = eg_edge_attr_value(g, i, k, buf, &scratch);
			if (v)
				json_member(&b, &eg_edge_attrs[k], v);
		}
		eg_buf_addc(&b, '}');
	}
	eg_buf_adds(&b, "]");
	/* The relation links (--relations) apart, so that the node-link graph
	 * stays undirected for the readers of that format. */
	if (g->relations) {
		eg_buf_adds(&b, ",\n\"relations\":[");
		for (size_t i = 0; i < g->relation_count && !flush(fp, &b, &error); i++) {
			const eg_graph_relation *r = &g->relations[i];
			eg_buf_adds(&b, i ? ",\n{\"source\":" : "\n{\"source\":");
			eg_json_string(&b, g->nodes[r->source].id, strlen(g->nodes[r->source].id));
			eg_buf_adds(&b, ",\"target\":");
			eg_json_string(&b, g->nodes[r->target].id, strlen(g->nodes[r->target].id));
			eg_buf_adds(&b, ",\"predicates\":[");
			for (uint32_t k = 0; k < r->count; k++) {
				eg_buf_adds(&b, k ? ",{\"predicate\":" : "{\"predicate\":");
				eg_json_string(&b, r->first[k].predicate, strlen(r->first[k].predicate));
				eg_buf_printf(&b, ",\"instances\":%" PRIu64, r->first[k].instances);
				const char *doc = r->first[k].document, *sentence = r->first[k].sentence;
				if (doc) {
					eg_buf_adds(&b, ",\"document\":");
					eg_json_string(&b, doc, strlen(doc));
				}
				if (sentence && *sentence) {
					eg_buf_adds(&b, ",\"sentence\":");
					eg_json_string(&b, sentence, strlen(sentence));
				}
				eg_buf_addc(&b, '}');
			}
			eg_buf_printf(&b, "],\"instances\":%" PRIu64 "}", r->instances);
		}
		eg_buf_adds(&b, "]");
	}
	eg_buf_adds(&b, "}\n");
	flush(fp, &b, &error);
	finish(fp, &error);
	eg_buf_free(&b);
	eg_buf_free(&scratch);
	if (error)
		return eg_error_set(err, "cannot write the JSON: %s", strerror(error));
	return 0;
}
