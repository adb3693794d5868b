/* The common end of extract and merge: a graph in the chosen format, or a
 * partial result. */
#include "cli/cli.h"
#include "graph/graph.h"
#include "output/gexf.h"
#include "output/graphml.h"
#include "output/svg.h"
#include "output/tables.h"

#include <string.h>

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
		/* -o NAME or NAME.csv: NAME.nodes.csv and NAME.edges.csv */
		size_t n = strlen(o->output) - (ends_with(o->output, ".csv") ? 4 : 0);
		eg_buf_printf(&outs->paths[0], "%.*s.nodes.csv", (int)n, o->output);
		eg_buf_printf(&outs->paths[1], "%.*s.edges.csv", (int)n, o->output);
		outs->count = 2;
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
	eg_buf_free(&outs->paths[0]);
	eg_buf_free(&outs->paths[1]);
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

static int write_graph(const eg_options *o, FILE *const *fp, const eg_graph *g, eg_error *err)
{
	/* The XML writers format edges on -j threads: their largest part. */
	unsigned threads = o->jobs > 1 ? (unsigned)o->jobs : 1;
	if (strcmp(o->format, "gexf") == 0)
		return eg_gexf_write(fp[0], g, threads, err);
	if (strcmp(o->format, "csv") == 0)
		return eg_csv_write(fp[0], fp[1], g, err);
	if (strcmp(o->format, "json") == 0)
		return eg_json_write(fp[0], g, err);
	if (strcmp(o->format, "svg") == 0)
		return eg_svg_write(fp[0], g, err);
	return eg_graphml_write(fp[0], g, threads, err);
}

int eg_write_result(const eg_options *o, eg_outputs *outs, const eg_cooc *counts, const eg_entities *ents,
		    const eg_partial_info *info)
{
	eg_error err;
	const char *target = strcmp(outs->paths[0].data, "-") == 0 ? "standard output" : outs->paths[0].data;
	FILE *fp[2] = {outs->files[0].fp, outs->count > 1 ? outs->files[1].fp : NULL};
	int rc;
	if (o->partial) {
		rc = eg_partial_write(fp[0], counts, ents, info, &err);
	} else {
		eg_graph graph;
		eg_graph_options graph_options = {.weighting = o->weighting, .min_weight = o->min_weight,
						  .min_documents = o->min_documents, .backbone_alpha = o->backbone,
						  .top = o->top, .largest_component = o->largest_component,
						  .types = o->types, .size_metric = o->size_by,
						  .threads = o->jobs > 1 ? (unsigned)o->jobs : 1};
		if (eg_graph_build(&graph, counts, ents, &graph_options, &err) < 0) {
			eg_outputs_abort(outs);
			eg_report("%s", err.message);
			return EG_EXIT_OUTPUT;
		}
		rc = write_graph(o, fp, &graph, &err);
		if (rc == 0 && o->progress && !o->quiet)
			eg_report("%zu nodes, %zu edges -> %s%s", graph.node_count, graph.edge_count, target,
				  outs->count > 1 ? " and its edges table" : "");
		eg_graph_free(&graph);
	}
	if (rc < 0) {
		eg_outputs_abort(outs);
		eg_report("%s: %s", target, err.message);
		return EG_EXIT_OUTPUT;
	}
	return commit(outs);
}
