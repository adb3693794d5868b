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
	size_t mentions;
	int error; /* errno of the first failed write */
} writer;

static int write_document(void *context, const eg_document *doc, eg_mentions *mentions, const eg_entities *found)
{
	writer *w = context;
	eg_buf_clear(&w->line);
	eg_mentions_format(&w->line, doc, mentions->v, mentions->n, found);
	w->mentions += mentions->n;
	if (w->line.len && fwrite(w->line.data, 1, w->line.len, w->fp) != w->line.len) {
		w->error = errno;
		return -1;
	}
	return 0;
}

int eg_cmd_mentions(int argc, char **argv)
{
	eg_options o = {.command = "mentions"};
	int status = EG_EXIT_USAGE;
	eg_matcher m = {0};
	eg_out out = {0};
	writer w = {0};
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
		eg_report("%zu documents, %zu mentions -> %s", stats.documents, w.mentions,
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
