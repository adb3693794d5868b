#include "cli/cli.h"
#include "graph/graph.h"
#include "output/atomic.h"
#include "output/graphml.h"

#include <stdio.h>

static const char usage[] =
	"usage: entgraph extract [OPTIONS] [INPUT...]\n"
	"\n"
	"Reads articles (files, directories, or - for standard input; none means\n"
	"standard input) and writes the graph of entities that occur together.\n"
	"\n"
	"  -o, --output FILE        write here (- is standard output; the default)\n"
	"  -f, --format FORMAT      graphml (the default)\n"
	"  -w, --window WINDOW      sentence (default), paragraph, document, or N:\n"
	"                           entities within N tokens of each other\n"
	"      --min-weight N       drop edges with weight below N (default: 1 for\n"
	"                           count and documents, none for the others)\n"
	"      --types LIST         keep only these entity types, e.g. ORG,PERSON\n"
	"      --weight W           edge weight: count (default; windows), documents,\n"
	"                           pmi, npmi, jaccard or dice (from document counts)\n"
	"      --min-documents N    drop edges seen in fewer than N documents\n"
	"      --backbone ALPHA     keep only the disparity-filter backbone at\n"
	"                           significance ALPHA (0 < ALPHA < 1, e.g. 0.05)\n"
	"      --top N              keep the N nodes of highest weighted degree\n"
	"      --largest-component  keep only the largest connected component\n"
	"      --size-by METRIC     node size from pagerank (default), degree,\n"
	"                           weighted_degree, betweenness, mentions or documents\n"
	EG_HELP_COMMON_OPTIONS;

static int count_document(void *context, const eg_document *doc, const eg_tokens *tokens,
			  const eg_mentions *mentions)
{
	eg_cooc_add_document(context, doc, mentions->v, mentions->n, tokens);
	return 0;
}

int eg_cmd_extract(int argc, char **argv)
{
	eg_options o = {.command = "extract"};
	int status = EG_EXIT_USAGE;
	eg_matcher m = {0};
	eg_cooc *counts = NULL;
	eg_out out = {0};
	int out_open = 0;

	if (eg_options_parse(&o, argc, argv, EG_OPT_INPUT | EG_OPT_EXTRACT, usage, &status) < 0)
		goto done;
	eg_matcher_init(&m);
	if (eg_load_configuration(&o, &m) < 0)
		goto done;

	eg_error err;
	/* Open (a temporary file) before the long part, so a bad output path
	 * fails at once rather than after the whole corpus. */
	if (eg_out_open(&out, eg_is_stdout(o.output) ? "-" : o.output, &err) < 0) {
		eg_report("%s", err.message);
		status = EG_EXIT_OUTPUT;
		goto done;
	}
	out_open = 1;

	counts = eg_cooc_new(o.window);
	size_t documents, skipped;
	eg_run_documents(&o, &m, count_document, counts, &documents, &skipped);

	eg_graph graph;
	eg_graph_options graph_options = {.weighting = o.weighting, .min_weight = o.min_weight,
					  .min_documents = o.min_documents, .backbone_alpha = o.backbone,
					  .top = o.top, .largest_component = o.largest_component,
					  .types = o.types, .size_metric = o.size_by};
	if (eg_graph_build(&graph, counts, m.entities, &graph_options, &err) < 0) {
		eg_report("%s", err.message);
		status = EG_EXIT_OUTPUT;
		goto done;
	}
	const char *target = eg_is_stdout(o.output) ? "standard output" : o.output;
	if (eg_graphml_write(out.fp, &graph, &err) < 0) {
		eg_report("%s: %s", target, err.message);
		eg_graph_free(&graph);
		status = EG_EXIT_OUTPUT;
		goto done;
	}
	out_open = 0;
	if (eg_out_commit(&out, &err) < 0) {
		eg_report("%s", err.message);
		eg_graph_free(&graph);
		status = EG_EXIT_OUTPUT;
		goto done;
	}
	if (o.progress && !o.quiet)
		eg_report("%zu documents, %zu nodes, %zu edges -> %s", documents, graph.node_count, graph.edge_count,
			  target);
	if (skipped)
		eg_report("%zu input%s skipped", skipped, skipped == 1 ? "" : "s");
	eg_graph_free(&graph);
	status = skipped ? EG_EXIT_SKIPPED : EG_EXIT_OK;
done:
	if (out_open)
		eg_out_abort(&out);
	eg_cooc_free(counts);
	eg_matcher_free(&m);
	eg_options_free(&o);
	return status;
}
