/* entgraph diff: what changed between two runs' graphs. */
#include "cli/cli.h"
#include "graph/snapshot.h"
#include "output/atomic.h"
#include "output/diff.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
	"usage: entgraph diff [OPTIONS] OLD NEW\n"
	"\n"
	"Compares two graphs entgraph wrote (GraphML) or two partial results: new\n"
	"entities, entities gone, new links, links stronger or weaker (by\n"
	"documents, then windows) and links gone, each link with its first date\n"
	"and the evidence (date, outlet, title, URL, sentence) of what is new.\n"
	"\n"
	"  -o, --output FILE        write here (- is standard output; the default)\n"
	"  -f, --format FORMAT      markdown (the default: a report to read), json\n"
	"                           (everything, for scripts) or graphml (the union\n"
	"                           of both graphs, each node and link with change =\n"
	"                           new, gone, stronger, weaker or unchanged, and\n"
	"                           coloured by it)\n"
	"  -h, --help               show this help\n"
	"\n"
	"Exit status: 0 the graphs hold the same entities and links with the same\n"
	"counts, 1 something changed, 2 usage error or an input that is no graph,\n"
	"3 the output could not be written.\n";

int eg_cmd_diff(int argc, char **argv)
{
	static const struct option options[] = {
		{"output", required_argument, NULL, 'o'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *output = "-", *format_name = "markdown";
	optind = 1;
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":o:f:h", options, NULL)) != -1) {
		if (c == 'o') {
			output = optarg;
		} else if (c == 'f') {
			format_name = optarg;
		} else if (c == 'h') {
			fputs(usage, stdout);
			return EG_EXIT_OK;
		} else if (c == ':') {
			eg_report("diff: %s needs a value (see 'entgraph diff --help')", argv[optind - 1]);
			return EG_EXIT_USAGE;
		} else {
			eg_report("diff: unknown option '%s' (see 'entgraph diff --help')", argv[optind - 1]);
			return EG_EXIT_USAGE;
		}
	}
	eg_diff_format format;
	if (strcmp(format_name, "markdown") == 0) {
		format = EG_DIFF_MARKDOWN;
	} else if (strcmp(format_name, "json") == 0) {
		format = EG_DIFF_JSON;
	} else if (strcmp(format_name, "graphml") == 0) {
		format = EG_DIFF_GRAPHML;
	} else {
		eg_report("diff: \"%s\" is not a format of diff (markdown, json or graphml)", format_name);
		return EG_EXIT_USAGE;
	}
	if (argc - optind != 2) {
		eg_report("diff: give two graphs, OLD and NEW (see 'entgraph diff --help')");
		return EG_EXIT_USAGE;
	}
	const char *old_path = argv[optind], *new_path = argv[optind + 1];
	eg_error err;
	eg_snapshot old, new;
	if (eg_snapshot_read(old_path, &old, &err) < 0) {
		eg_report("%s", err.message);
		return EG_EXIT_USAGE;
	}
	if (eg_snapshot_read(new_path, &new, &err) < 0) {
		eg_report("%s", err.message);
		eg_snapshot_free(&old);
		return EG_EXIT_USAGE;
	}
	int status = EG_EXIT_OUTPUT;
	eg_out out;
	eg_diff_counts counts;
	if (eg_out_open(&out, eg_is_stdout(output) ? "-" : output, &err) < 0) {
		eg_report("%s", err.message);
	} else if (eg_diff_write(out.fp, &old, &new, old_path, new_path, format, &counts, &err) < 0) {
		eg_out_abort(&out);
		eg_report("%s: %s", eg_is_stdout(output) ? "standard output" : output, err.message);
	} else if (eg_out_commit(&out, &err) < 0) {
		eg_report("%s", err.message);
	} else {
		status = eg_diff_changed(&counts) ? EG_EXIT_SKIPPED : EG_EXIT_OK;
	}
	eg_snapshot_free(&old);
	eg_snapshot_free(&new);
	return status;
}
