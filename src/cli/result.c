/* The common end of extract and merge: a graph in the chosen format, or a
 * partial result. */
#include "cli/cli.h"
#include "graph/graph.h"
#include "output/graphml.h"

static int fail(eg_out *out, const char *target, const eg_error *err)
{
	eg_out_abort(out);
	eg_report("%s: %s", target, err->message);
	return EG_EXIT_OUTPUT;
}

int eg_write_result(const eg_options *o, eg_out *out, const eg_cooc *counts, const eg_entities *ents,
		    const eg_partial_info *info)
{
	eg_error err;
	const char *target = o->partial ? o->partial : eg_is_stdout(o->output) ? "standard output" : o->output;
	if (o->partial) {
		if (eg_partial_write(out->fp, counts, ents, info, &err) < 0)
			return fail(out, target, &err);
	} else {
		eg_graph graph;
		eg_graph_options graph_options = {.weighting = o->weighting, .min_weight = o->min_weight,
						  .min_documents = o->min_documents, .backbone_alpha = o->backbone,
						  .top = o->top, .largest_component = o->largest_component,
						  .types = o->types, .size_metric = o->size_by};
		if (eg_graph_build(&graph, counts, ents, &graph_options, &err) < 0) {
			eg_out_abort(out);
			eg_report("%s", err.message);
			return EG_EXIT_OUTPUT;
		}
		int rc = eg_graphml_write(out->fp, &graph, &err);
		if (rc == 0 && o->progress && !o->quiet)
			eg_report("%zu nodes, %zu edges -> %s", graph.node_count, graph.edge_count, target);
		eg_graph_free(&graph);
		if (rc < 0)
			return fail(out, target, &err);
	}
	if (eg_out_commit(out, &err) < 0) {
		eg_report("%s", err.message);
		return EG_EXIT_OUTPUT;
	}
	return EG_EXIT_OK;
}

void eg_output_settings(const eg_options *o, eg_buf *out)
{
	eg_buf_printf(out, "format=%s window=%d/%u weight=%s min-weight=%.17g min-documents=%llu backbone=%.17g",
		      o->format, (int)o->window.kind, o->window.tokens, eg_weighting_name(o->weighting), o->min_weight,
		      (unsigned long long)o->min_documents, o->backbone);
	eg_buf_printf(out, " top=%zu largest-component=%d size-by=%s shard=%u/%u partial=%d types=", o->top,
		      o->largest_component, o->size_by ? o->size_by : "", o->shard_index, o->shard_count,
		      o->partial != NULL);
	for (const char *const *t = o->types; t && *t; t++)
		eg_buf_printf(out, "%s,", *t);
}
