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
	"      --min-weight N       drop edges with weight below N (default 1)\n"
	"      --types LIST         keep only these entity types, e.g. ORG,PERSON\n"
	EG_HELP_COMMON_OPTIONS;

typedef struct counting {
	eg_matcher *matcher;
	eg_cooc *counts;
} counting;

static int count_document(void *context, const eg_document *doc, eg_mentions *mentions, const eg_entities *found)
{
	counting *c = context;
	eg_match_adopt(c->matcher, found, mentions);
	eg_cooc_add_document(c->counts, doc, mentions->v, mentions->n);
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
	eg_run_stats stats;
	counting counting = {&m, counts};
	if (eg_run_documents(&o, &m, count_document, &counting, &stats) == -2)
		goto done;

	eg_graph graph;
	eg_graph_options graph_options = {.min_weight = o.min_weight, .types = o.types};
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
		eg_report("%zu documents, %zu nodes, %zu edges -> %s", stats.documents, graph.node_count, graph.edge_count,
			  target);
	if (o.cache && !o.quiet)
		eg_report("cache: %zu of %zu documents reused, %zu matched", stats.cached, stats.documents,
			  stats.matched);
	eg_graph_free(&graph);
	status = eg_report_skipped(&stats.skipped);
done:
	if (out_open)
		eg_out_abort(&out);
	eg_cooc_free(counts);
	eg_matcher_free(&m);
	eg_options_free(&o);
	return status;
}
