/* mentions, and what relations shares with it: a command that writes JSON
 * lines per document. */
#include "cli/cli.h"
#include "output/atomic.h"
#include "output/mentions.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
	"usage: entgraph mentions [OPTIONS] [INPUT...]\n"
	"\n"
	"Reads articles and writes every entity mention as one JSON object a line:\n"
	"{\"doc\",\"start\",\"end\",\"text\",\"type\",\"id\",\"label\",\"source\",\"sentence\"},\n"
	"with UTF-8 byte offsets into the document (end exclusive) and the\n"
	"sentence around the mention (one line, at most 400 bytes, cut with \"…\").\n"
	"\n"
	"  -o, --output FILE        write here (- is standard output; the default)\n";

typedef struct writer {
	FILE *fp;
	eg_buf line;
	size_t items;
	eg_line_fn format;
	int error; /* errno of the first failed write */
} writer;

static int write_document(void *context, const eg_document *doc, eg_mentions *mentions, const eg_entities *found,
			  const eg_relations *relations)
{
	writer *w = context;
	eg_buf_clear(&w->line);
	w->items += w->format(&w->line, doc, mentions, found, relations);
	if (w->line.len && fwrite(w->line.data, 1, w->line.len, w->fp) != w->line.len) {
		w->error = errno;
		return -1;
	}
	return 0;
}

int eg_cmd_lines(int argc, char **argv, const char *command, const char *usage, eg_line_fn format, const char *items,
		 int find_relations)
{
	eg_options o = {.command = command, .find_relations = find_relations};
	int status = EG_EXIT_USAGE;
	eg_matcher m = {0};
	eg_out out = {0};
	writer w = {.format = format};
	int out_open = 0;
	eg_error err;

	if (eg_options_parse(&o, argc, argv, EG_OPT_INPUT | EG_OPT_OUTPUT, usage, &status) < 0)
		goto done;
	eg_matcher_init(&m);
	if (eg_load_configuration(&o, &m) < 0)
		goto done;
	if (eg_out_open(&out, eg_is_stdout(o.output) ? "-" : o.output, &err) < 0) {
		eg_report("%s", err.message);
		status = EG_EXIT_OUTPUT;
		goto done;
	}
	out_open = 1;
	eg_options_own(&o, &o.output, 1);
	w.fp = out.fp;
	eg_run_stats stats;
	int rc = eg_run_documents(&o, &m, NULL, write_document, &w, &stats);
	out_open = 0;
	if (rc < 0) {
		eg_out_abort(&out);
		eg_report("%s: %s", eg_is_stdout(o.output) ? "standard output" : o.output, strerror(w.error));
		status = EG_EXIT_OUTPUT;
		goto done;
	}
	if (eg_out_commit(&out, &err) < 0) {
		eg_report("%s", err.message);
		status = EG_EXIT_OUTPUT;
		goto done;
	}
	if (o.progress && !o.quiet)
		eg_report("%zu documents, %zu %s -> %s", stats.documents, w.items, items,
			  eg_is_stdout(o.output) ? "standard output" : o.output);
	status = eg_report_skipped(&stats.skipped);
done:
	if (out_open)
		eg_out_abort(&out);
	eg_buf_free(&w.line);
	eg_matcher_free(&m);
	eg_options_free(&o);
	return status;
}

static size_t format_mentions(eg_buf *line, const eg_document *doc, const eg_mentions *mentions,
			      const eg_entities *found, const eg_relations *relations)
{
	(void)relations;
	eg_mentions_format(line, doc, mentions->v, mentions->n, found);
	return mentions->n;
}

int eg_cmd_mentions(int argc, char **argv)
{
	return eg_cmd_lines(argc, argv, "mentions", usage, format_mentions, "mentions", 0);
}
