/* The common end of extract and merge: a graph in the chosen format, or a
 * partial result. */
#include "cli/cli.h"
#include "graph/graph.h"
#include "graph/identity.h"
#include "graph/periods.h"
#include "graph/previous.h"
#include "output/ftm.h"
#include "output/gexf.h"
#include "output/graphml.h"
#include "output/html.h"
#include "output/provenance.h"
#include "output/svg.h"
#include "output/tables.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#ifndef EG_VERSION
#define EG_VERSION "unknown"
#endif

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

int eg_outputs_open(const eg_options *o, eg_outputs *outs)
{
	memset(outs, 0, sizeof(*outs));
	eg_error err;
	if (o->partial) {
		eg_buf_adds(&outs->paths[0], o->partial);
		outs->count = 1;
	} else if (strcmp(o->format, "csv") == 0) {
		/* -o NAME or NAME.csv: NAME.nodes.csv, NAME.edges.csv, NAME.evidence.csv, NAME.meta.csv */
		size_t n = strlen(o->output) - (ends_with(o->output, ".csv") ? 4 : 0);
		eg_buf_printf(&outs->paths[0], "%.*s.nodes.csv", (int)n, o->output);
		eg_buf_printf(&outs->paths[1], "%.*s.edges.csv", (int)n, o->output);
		eg_buf_printf(&outs->paths[2], "%.*s.evidence.csv", (int)n, o->output);
		eg_buf_printf(&outs->paths[3], "%.*s.meta.csv", (int)n, o->output);
		outs->count = 4;
	} else {
		eg_buf_adds(&outs->paths[0], eg_is_stdout(o->output) ? "-" : o->output);
		outs->count = 1;
	}
	for (size_t i = 0; i < outs->count; i++) {
		if (eg_out_open(&outs->files[i], outs->paths[i].data, &err) < 0) {
			eg_report("%s", err.message);
			while (i-- > 0)
				eg_out_abort(&outs->files[i]);
			outs->count = 0;
			eg_outputs_free(outs);
			return EG_EXIT_OUTPUT;
		}
	}
	return EG_EXIT_OK;
}

void eg_outputs_abort(eg_outputs *outs)
{
	for (size_t i = 0; i < outs->count; i++)
		eg_out_abort(&outs->files[i]);
	outs->count = 0;
}

void eg_outputs_free(eg_outputs *outs)
{
	eg_outputs_abort(outs);
	for (size_t i = 0; i < EG_OUTPUTS_MAX; i++)
		eg_buf_free(&outs->paths[i]);
}

/* Commits every file, or none when one failed before (all are temporary
 * files until then). */
static int commit(eg_outputs *outs)
{
	eg_error err;
	int status = EG_EXIT_OK;
	for (size_t i = 0; i < outs->count; i++) {
		if (status == EG_EXIT_OK && eg_out_commit(&outs->files[i], &err) < 0) {
			eg_report("%s", err.message);
			status = EG_EXIT_OUTPUT;
		} else if (status != EG_EXIT_OK) {
			eg_out_abort(&outs->files[i]);
		}
	}
	outs->count = 0;
	return status;
}

static int write_graph(const eg_options *o, FILE *const *fp, const eg_graph *g, const eg_provenance *p,
		       eg_error *err)
{
	/* The XML writers format edges on -j threads: their largest part. */
	unsigned threads = o->jobs > 1 ? (unsigned)o->jobs : 1;
	if (strcmp(o->format, "gexf") == 0)
		return eg_gexf_write(fp[0], g, p, threads, err);
	if (strcmp(o->format, "csv") == 0)
		return eg_csv_write(fp[0], fp[1], fp[3], g, p, err) < 0 ? -1 : eg_csv_evidence_write(fp[2], g, err);
	if (strcmp(o->format, "json") == 0)
		return eg_json_write(fp[0], g, p, err);
	if (strcmp(o->format, "svg") == 0)
		return eg_svg_write(fp[0], g, p, err);
	if (strcmp(o->format, "html") == 0)
		return eg_html_write(fp[0], g, p, err);
	if (strcmp(o->format, "ftm") == 0)
		return eg_ftm_write(fp[0], g, err);
	return eg_graphml_write(fp[0], g, p, threads, err);
}

/* The options that cut nodes or edges, as a command line gives them; a
 * --min-weight only where it differs from the weighting's default. */
static void describe_filters(const eg_options *o, eg_buf *b)
{
	if (o->types) {
		eg_buf_adds(b, " --types ");
		for (size_t i = 0; o->types[i]; i++)
			eg_buf_printf(b, "%s%s", i ? "," : "", o->types[i]);
	}
	int counted = o->weighting == EG_WEIGHT_COUNT || o->weighting == EG_WEIGHT_DOCUMENTS;
	if (counted ? o->min_weight != 1 : o->min_weight > -INFINITY)
		eg_buf_printf(b, " --min-weight %g", o->min_weight);
	if (o->min_documents > 1)
		eg_buf_printf(b, " --min-documents %llu", (unsigned long long)o->min_documents);
	if (o->backbone > 0)
		eg_buf_printf(b, " --backbone %g", o->backbone);
	if (o->top)
		eg_buf_printf(b, " --top %zu", o->top);
	if (o->largest_component)
		eg_buf_adds(b, " --largest-component");
	if (o->keep_isolated)
		eg_buf_adds(b, " --keep-isolated");
	if (o->relations)
		eg_buf_adds(b, " --relations");
}

/* How the output was made: options, the configuration's fingerprint, the
 * counts' documents and the dates of the dated ones (those that mention an
 * entity: the counts keep dates per entity).  Strings live in text. */
typedef struct provenance_text {
	char window[32], dictionaries[33];
	eg_buf filters;
} provenance_text;

static eg_provenance make_provenance(const eg_options *o, const eg_cooc *counts, const eg_partial_info *info,
				     provenance_text *t)
{
	static const char hex[] = "0123456789abcdef";
	for (size_t i = 0; i < sizeof(info->fingerprint); i++) {
		t->dictionaries[2 * i] = hex[info->fingerprint[i] >> 4];
		t->dictionaries[2 * i + 1] = hex[info->fingerprint[i] & 15];
	}
	t->dictionaries[2 * sizeof(info->fingerprint)] = '\0';
	memset(&t->filters, 0, sizeof(t->filters));
	describe_filters(o, &t->filters);
	/* A merge gives the bytes one extract over all the inputs would
	 * (SPEC.md), so it names the same command. */
	eg_provenance p = {.version = EG_VERSION, .command = "extract",
			   .window = eg_window_name(info->window, t->window, sizeof(t->window)),
			   .weighting = eg_weighting_name(o->weighting),
			   .filters = t->filters.len ? t->filters.data + 1 : "", .dictionaries = t->dictionaries,
			   .documents = eg_cooc_documents(counts)};
	size_t limit = eg_cooc_entity_limit(counts);
	for (uint32_t e = 0; e < limit; e++) {
		eg_entity_counts c = eg_cooc_entity(counts, e);
		if (c.first_date && (!p.first_date || strcmp(c.first_date, p.first_date) < 0))
			p.first_date = c.first_date;
		if (c.last_date && (!p.last_date || strcmp(c.last_date, p.last_date) > 0))
			p.last_date = c.last_date;
	}
	return p;
}

/* What the graph left out that a reader would otherwise look for. */
static void report_left_out(const eg_options *o, const eg_graph *g)
{
	char n[32];
	if (g->chance_edges && (o->weighting == EG_WEIGHT_PMI || o->weighting == EG_WEIGHT_NPMI))
		eg_report("%s pair%s no more associated than chance (pmi <= 0) left out as no link", eg_format_grouped(n, g->chance_edges),
			  g->chance_edges == 1 ? "" : "s");
	if (g->isolated_dropped)
		eg_report("%s entit%s without a link left out (--keep-isolated keeps them)", eg_format_grouped(n, g->isolated_dropped),
			  g->isolated_dropped == 1 ? "y" : "ies");
}

void eg_view_key(const eg_options *o, eg_buf *out)
{
	char window[32];
	eg_buf_printf(out, "window %s; weighting %s; size %s;", eg_window_name(o->window, window, sizeof(window)),
		      eg_weighting_name(o->weighting), o->size_by ? o->size_by : "pagerank");
	describe_filters(o, out);
}

/* The graph's nodes as a picture for the next run. */
static void take_picture(const eg_graph *g, eg_previous *out)
{
	for (size_t i = 0; i < g->node_count; i++) {
		const eg_graph_node *n = &g->nodes[i];
		eg_previous_node p = {.x = n->x, .y = n->y, .community = n->community,
				      .documents = (int64_t)n->documents, .placed = 1};
		eg_previous_add(out, n->id, &p);
	}
}

int eg_write_result(const eg_options *o, eg_outputs *outs, eg_cooc *counts, const eg_entities *ents,
		    const eg_partial_info *info, eg_result_size *size)
{
	eg_previous *picture = size->picture;
	*size = (eg_result_size){.picture = picture};
	eg_error err;
	const char *target = strcmp(outs->paths[0].data, "-") == 0 ? "standard output" : outs->paths[0].data;
	FILE *fp[EG_OUTPUTS_MAX] = {NULL};
	for (size_t i = 0; i < outs->count; i++)
		fp[i] = outs->files[i].fp;
	int rc;
	if (o->partial) {
		rc = eg_partial_write(fp[0], counts, ents, info, &err);
	} else {
		eg_identity identity;
		if (eg_identity_join(counts, ents, &identity, &err) < 0) {
			eg_outputs_abort(outs);
			eg_report("%s", err.message);
			return EG_EXIT_OUTPUT;
		}
		if (o->periods && eg_periods_join(o->periods, identity.into, identity.limit) < 0) {
			eg_identity_free(&identity);
			eg_outputs_abort(outs);
			eg_report("counts overflow in a period");
			return EG_EXIT_OUTPUT;
		}
		if (o->progress && !o->quiet && (identity.joined || identity.ambiguous)) {
			char joined[32], ambiguous[32];
			eg_report("names across documents: %s joined onto their entity, %s ambiguous (the candidates attribute lists theirs)",
				  eg_format_grouped(joined, identity.joined), eg_format_grouped(ambiguous, identity.ambiguous));
		}
		eg_graph graph;
		eg_graph_options graph_options = {.weighting = o->weighting, .min_weight = o->min_weight,
						  .min_documents = o->min_documents, .backbone_alpha = o->backbone,
						  .top = o->top, .largest_component = o->largest_component,
						  .types = o->types, .size_metric = o->size_by,
						  .keep_isolated = o->keep_isolated,
						  .threads = o->jobs > 1 ? (unsigned)o->jobs : 1,
						  .identity = &identity, .previous = o->previous_graph,
						  .periods = o->periods, .relations = o->relations};
		if (eg_graph_build(&graph, counts, ents, &graph_options, &err) < 0) {
			eg_identity_free(&identity);
			eg_outputs_abort(outs);
			eg_report("%s", err.message);
			return EG_EXIT_OUTPUT;
		}
		provenance_text text;
		eg_provenance provenance = make_provenance(o, counts, info, &text);
		rc = write_graph(o, fp, &graph, &provenance, &err);
		eg_buf_free(&text.filters);
		if (rc == 0 && o->progress && !o->quiet)
			eg_report("%zu nodes, %zu edges -> %s%s", graph.node_count, graph.edge_count, target,
				  outs->count > 1 ? " and its edges, evidence and meta tables" : "");
		if (rc == 0 && o->progress && !o->quiet)
			report_left_out(o, &graph);
		size->nodes = graph.node_count;
		size->edges = graph.edge_count;
		if (rc == 0 && picture)
			take_picture(&graph, picture);
		eg_graph_free(&graph);
		eg_identity_free(&identity);
	}
	if (rc < 0) {
		eg_outputs_abort(outs);
		eg_report("%s: %s", target, err.message);
		return EG_EXIT_OUTPUT;
	}
	return commit(outs);
}

double eg_seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void eg_report_summary(const eg_options *o, size_t documents, const eg_run_stats *read, size_t partials,
		       const eg_result_size *size, double seconds)
{
	if (o->quiet || o->progress)
		return;
	char n[6][32];
	eg_buf line = {0};
	eg_buf_printf(&line, "%s document%s", eg_format_grouped(n[0], documents), documents == 1 ? "" : "s");
	if (read)
		eg_buf_printf(&line, " read (%s matched, %s reused, %s skipped)", eg_format_grouped(n[1], read->matched),
			      eg_format_grouped(n[2], read->cached),
			      eg_format_grouped(n[3], read->skipped.inputs + read->skipped.records));
	else
		eg_buf_printf(&line, " from %zu partial%s", partials, partials == 1 ? "" : "s");
	if (o->partial)
		eg_buf_adds(&line, ", a partial result");
	else
		eg_buf_printf(&line, ", %s nodes, %s edges", eg_format_grouped(n[4], size->nodes),
			      eg_format_grouped(n[5], size->edges));
	eg_report("%s, %.1f s", line.data, seconds);
	eg_buf_free(&line);
}
