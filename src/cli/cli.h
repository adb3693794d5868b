/*
 * cli: the subcommands.  Each takes the arguments after its name (argv[0]
 * is the subcommand) and returns the process exit status (SPEC.md):
 * 0 success, 1 some inputs skipped, 2 usage or configuration error,
 * 3 the output could not be written (the previous output is left intact).
 * Messages go to stderr prefixed "entgraph: ".
 */
#ifndef EG_CLI_H
#define EG_CLI_H

#include <stddef.h>

#include "graph/cooc.h"
#include "graph/graph.h"
#include "match/pipeline.h"
#include "util/util.h"

enum { EG_EXIT_OK = 0, EG_EXIT_SKIPPED = 1, EG_EXIT_USAGE = 2, EG_EXIT_OUTPUT = 3 };

int eg_cmd_extract(int argc, char **argv);
int eg_cmd_mentions(int argc, char **argv);
int eg_cmd_check(int argc, char **argv);

/* What the subcommands share: options, configuration, the input loop. */

/* The help lines of the options extract and mentions share. */
#define EG_HELP_COMMON_OPTIONS                                                          \
	"  -d, --dict PATH          add a dictionary file or directory of *.tsv\n"       \
	"  -r, --rules PATH         add a rules file or directory of *.rules\n"          \
	"      --no-defaults        load only the dictionaries and rules named\n"        \
	"      --input-format FMT   auto (the default) or text\n"                        \
	"  -j, --jobs N             worker threads (this version uses one)\n"           \
	"      --progress, --quiet  force the summary on stderr / print errors only\n"  \
	"  -h, --help               show this help\n"                                    \
	"\n"                                                                             \
	"Exit status: 0 success, 1 some inputs skipped, 2 usage or configuration\n"      \
	"error, 3 the output could not be written.\n"

typedef struct eg_options {
	const char *command;
	const char *output;       /* NULL or "-" = stdout */
	const char **dicts;       /* -d, in order */
	size_t dict_count;
	const char **rules;       /* -r, in order */
	size_t rule_count;
	int no_defaults;
	int quiet, progress;
	long jobs;
	const char *format;       /* extract */
	eg_window window;         /* extract */
	double min_weight;        /* extract; without --min-weight, 1 for count and documents
				     (keeps every edge) and -infinity for the other weightings */
	eg_weighting weighting;   /* extract: --weight */
	uint64_t min_documents;   /* extract */
	size_t top;               /* extract: 0 = all */
	double backbone;          /* extract: 0 = off */
	int largest_component;    /* extract */
	const char *size_by;      /* extract: NULL = the library's default (pagerank) */
	const char **types;       /* extract: NULL-terminated, or NULL */
	char *types_storage;
	const char **inputs;
	size_t input_count;
} eg_options;

/* Which option groups a subcommand accepts. */
enum {
	EG_OPT_INPUT = 1 << 0,   /* -o, inputs, --input-format, -j, --progress */
	EG_OPT_EXTRACT = 1 << 1, /* -f, -w, --min-weight, --types, --cache, --weight,
				    --min-documents, --top, --backbone, --largest-component,
				    --size-by */
};

/* Parses argv into o.  Returns -1 to exit with status *exit_status (after
 * --help, or a usage error already reported), 0 to go on. */
int eg_options_parse(eg_options *o, int argc, char **argv, unsigned groups, const char *usage, int *exit_status);
void eg_options_free(eg_options *o);

/* Loads the default dictionaries and rules (unless --no-defaults) and the
 * ones named by -d and -r into m.  On failure reports the error and
 * returns -1. */
int eg_load_configuration(const eg_options *o, eg_matcher *m);

/* Prints "entgraph: " and the message to stderr. */
void eg_report(const char *fmt, ...) EG_PRINTF(1, 2);

/* Called for each document with its resolved mentions and tokens. */
typedef int (*eg_document_fn)(void *context, const eg_document *doc, const eg_tokens *tokens,
			      const eg_mentions *mentions);

/* Reads every input, matches each document and hands it to fn.  Unreadable
 * inputs are reported and counted in *skipped.  Returns -1 when fn fails. */
int eg_run_documents(const eg_options *o, eg_matcher *m, eg_document_fn fn, void *context, size_t *documents,
		     size_t *skipped);

/* 1 when path means standard output. */
int eg_is_stdout(const char *path);

#endif
