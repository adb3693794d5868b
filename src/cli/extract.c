#include "cli/cli.h"
#include "graph/graph.h"
#include "output/atomic.h"

#include <stdio.h>
#include <string.h>

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
	"      --cache FILE         keep each document's mentions in this SQLite file\n"
	"                           and reuse them on the next run\n"
	"      --shard I/N          read only shard I of N (by a hash of document ids)\n"
	"      --partial FILE       write the counts as a partial result for\n"
	"                           'entgraph merge' instead of a graph\n"
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

	if (eg_options_parse(&o, argc, argv, EG_OPT_INPUT | EG_OPT_OUTPUT | EG_OPT_COUNT | EG_OPT_GRAPH, usage, &status) < 0)
		goto done;
	eg_matcher_init(&m);
	if (eg_load_configuration(&o, &m) < 0)
		goto done;

	eg_error err;
	/* Open (a temporary file) before the long part, so a bad output path
	 * fails at once rather than after the whole corpus. */
	const char *path = o.partial ? o.partial : eg_is_stdout(o.output) ? "-" : o.output;
	if (eg_out_open(&out, path, &err) < 0) {
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
	if (o.progress && !o.quiet)
		eg_report("%zu documents", stats.documents);
	if (o.cache && !o.quiet)
		eg_report("cache: %zu of %zu documents reused, %zu matched", stats.cached, stats.documents,
			  stats.matched);

	uint32_t shard = o.shard_count ? o.shard_index : 1;
	eg_partial_info info = {.window = o.window, .shard_count = o.shard_count ? o.shard_count : 1,
				.shards = &shard, .shards_held = 1};
	memcpy(info.fingerprint, m.fingerprint, sizeof(info.fingerprint));
	out_open = 0;
	status = eg_write_result(&o, &out, counts, m.entities, &info);
	if (status == EG_EXIT_OK)
		status = eg_report_skipped(&stats.skipped);
done:
	if (out_open)
		eg_out_abort(&out);
	eg_cooc_free(counts);
	eg_matcher_free(&m);
	eg_options_free(&o);
	return status;
}
