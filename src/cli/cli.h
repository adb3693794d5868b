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
#include "input/input.h"
#include "graph/graph.h"
#include "match/pipeline.h"
#include "output/atomic.h"
#include "store/cache.h"
#include "store/partial.h"
#include "util/util.h"

enum { EG_EXIT_OK = 0, EG_EXIT_SKIPPED = 1, EG_EXIT_USAGE = 2, EG_EXIT_OUTPUT = 3 };

#define EG_OUTPUTS_MAX 4 /* files one result is written to (eg_outputs) */

int eg_cmd_extract(int argc, char **argv);
int eg_cmd_mentions(int argc, char **argv);
int eg_cmd_relations(int argc, char **argv);
int eg_cmd_check(int argc, char **argv);
int eg_cmd_merge(int argc, char **argv);
int eg_cmd_diff(int argc, char **argv);

/* What the subcommands share: options, configuration, the input loop. */

/* The help lines of the options extract and mentions share (those of
 * EG_OPT_INPUT), which --help prints after the command's own. */
extern const char eg_help_common_options[];

typedef struct eg_options {
	const char *command;
	const char *output;       /* NULL or "-" = stdout */
	const char **dicts;       /* -d, in order */
	size_t dict_count;
	const char **rules;       /* -r, in order */
	size_t rule_count;
	int no_defaults;
	int learn;                /* type unknown names from learned contexts (not --no-learn) */
	int quiet, progress;
	long jobs;
	eg_input_format input_format;
	const char *format;       /* extract */
	int find_relations;       /* the run finds relations (extract, relations) */
	eg_window window;         /* extract */
	double min_weight;        /* extract; without --min-weight, 1 for count and documents
				     (keeps every edge) and -infinity for the other weightings */
	eg_weighting weighting;   /* extract: --weight */
	uint64_t min_documents;   /* extract */
	size_t top;               /* extract: 0 = all */
	double backbone;          /* extract: 0 = off */
	int largest_component;    /* extract */
	int keep_isolated;        /* extract: keep the nodes without an edge */
	int relations;            /* extract: directed links for the relations (--relations) */
	const char *size_by;      /* extract: NULL = the library's default (pagerank) */
	const char **types;       /* extract: NULL-terminated, or NULL */
	char *types_storage;
	const char *cache;        /* extract: --cache FILE, or NULL */
	uint32_t shard_index;     /* extract --shard I/N: I in 1..N */
	uint32_t shard_count;     /* N, or 0 without --shard */
	const char *partial;      /* extract, merge: --partial FILE, or NULL */
	int evidence;             /* extract, merge: --evidence N, or -1 when not given */
	const char *previous;     /* extract, merge: --previous FILE, or NULL */
	const char *since, *until; /* extract: --since, --until YYYY-MM-DD, or NULL */
	int keep_undated;         /* extract: --undated keep (documents without a date pass them) */
	int period;               /* extract: --period, an eg_period_kind (0: none) */
	struct eg_periods *periods; /* extract: the periods' counts, with --period */
	struct eg_previous *previous_graph; /* what it holds, once loaded (eg_previous_load) */
	eg_budgets budgets;       /* extract, mentions: --max-* (README "Budgets") */
	const char **inputs;
	size_t input_count;
	char *own[EG_OUTPUTS_MAX + 4]; /* extract, mentions: the files this run writes (eg_options_own) */
	size_t own_count;
} eg_options;

/* Which option groups a subcommand accepts. */
enum {
	EG_OPT_INPUT = 1 << 0,   /* inputs, --input-format, -j, --progress */
	EG_OPT_OUTPUT = 1 << 1,  /* -o */
	EG_OPT_COUNT = 1 << 2,   /* -w, --cache, --shard */
	EG_OPT_GRAPH = 1 << 3,   /* -f, --min-weight, --types, --weight, --min-documents, --top,
				    --backbone, --largest-component, --keep-isolated, --size-by,
				    --partial, --evidence */
	EG_OPT_PARTS = 1 << 4,   /* arguments are partial results (merge) */
};

/* Parses argv into o.  Returns -1 to exit with status *exit_status (after
 * --help, or a usage error already reported), 0 to go on. */
int eg_options_parse(eg_options *o, int argc, char **argv, unsigned groups, const char *usage, int *exit_status);
void eg_options_free(eg_options *o);

/* Reads --previous (graph/previous.h) into o->previous_graph, unless
 * writing a partial.  A file that does not exist is a first run: a note,
 * nothing kept.  Another fault is reported: returns -1 with *exit_status
 * EG_EXIT_USAGE. */
int eg_previous_load(eg_options *o, int *exit_status);

/* Loads the default dictionaries and rules (unless --no-defaults) and the
 * ones named by -d and -r into m.  On failure reports the error and
 * returns -1. */
int eg_load_configuration(const eg_options *o, eg_matcher *m);

/* Refuses a --types name that is none of the known types: the built-in
 * PERSON, ORG, UNIT, PRODUCT and PLACE, those of the entities in ents and
 * those rules give (rules may be NULL).  Reports a usage error listing the
 * known types and returns -1 with *exit_status set; 0 when all are known. */
int eg_types_check(const eg_options *o, const eg_entities *ents, const eg_rules *rules, int *exit_status);

/* Prints "entgraph: " and the message to stderr, as one line: control
 * characters and bytes that are not UTF-8 in it are escaped (\n, \t, \x1b,
 * \xff), so a file name cannot break the line or drive the terminal. */
void eg_report(const char *fmt, ...) EG_PRINTF(1, 2);

/* Called for each document, in input order, with its resolved mentions
 * and, when the options ask to find them, the relations its sentences
 * state between them (else none).  They refer to entities in found, the
 * document's own table (labels as this document names them);
 * eg_match_adopt moves them into the run's table. */
typedef int (*eg_document_fn)(void *context, const eg_document *doc, eg_mentions *mentions,
			      const eg_entities *found, const eg_relations *relations);

/* A command that reads articles and writes lines per document (mentions,
 * relations): format appends a document's lines and returns how many items
 * they hold, which --progress reports as `items`. */
typedef size_t (*eg_line_fn)(eg_buf *line, const eg_document *doc, const eg_mentions *mentions,
			     const eg_entities *found, const eg_relations *relations);
int eg_cmd_lines(int argc, char **argv, const char *command, const char *usage, eg_line_fn format, const char *items,
		 int find_relations);

/* What was skipped: whole inputs that could not be read, and records (a
 * JSONL line, a feed item) of inputs that otherwise were. */
typedef struct eg_skipped {
	size_t inputs, records;
	size_t limited; /* documents or inputs cut short by a budget (--max-*), each reported */
} eg_skipped;

typedef struct eg_run_stats {
	size_t documents;   /* handed to fn */
	size_t outside, undated; /* documents left out by --since/--until; of them without a date */
	eg_skipped skipped;
	size_t cached;      /* documents whose mentions came from the cache */
	size_t matched;     /* documents matched in this run */
	eg_cache_key content; /* with a cache: a hash of the documents read (eg_run_content) */
} eg_run_stats;

/* Reads every input, matches each document (on o->jobs threads, or takes
 * its mentions from cache, which may be NULL, and stores new ones there)
 * and hands it to fn, in input order.  Unreadable inputs and bad records are
 * reported and counted.  Returns 0, or -1 when fn failed. */
int eg_run_documents(const eg_options *o, eg_matcher *m, eg_cache *cache, eg_document_fn fn, void *context,
		     eg_run_stats *stats);

/* A hash of every document of this shard (id, metadata, text) in input
 * order, from a quick pass over the inputs that matches nothing; with the
 * configuration, window, shard and budgets it keys a whole run's counts.
 * Returns 1 with *content and *documents set, or 0 when the inputs cannot
 * be keyed (standard input, or an input or record that does not read
 * cleanly).  eg_run_documents computes the same hash as it reads. */
int eg_run_content(const eg_options *o, eg_cache_key *content, size_t *documents);

/* Without reading them: a hash of the input files' paths, sizes, change
 * times and inode numbers, in input order, and in *newest the latest change
 * time among them (nanoseconds since 1970).  Returns 0 where that cannot
 * stand for the contents (standard input, an unreadable path).  As with
 * git's index, a file changed in the same instant a run started could keep
 * its stamp: trust a stamp only for files last changed well before it. */
int eg_run_files(const eg_options *o, eg_cache_key *files, int64_t *newest);

/* Reports what was skipped ("1 input and 2 records skipped"), if anything,
 * and returns the exit status it makes: EG_EXIT_SKIPPED or EG_EXIT_OK. */
int eg_report_skipped(const eg_skipped *skipped);

/* A progress line on stderr (cli/progress.c), when o->progress and not
 * o->quiet. */
typedef struct eg_progress {
	int on, terminal, drawn;
	const char *phase; /* before the figures: "learning: " in a run's first pass */
	size_t documents;
	double bytes, total; /* total 0 when unknown */
	double start, last;
} eg_progress;

void eg_progress_start(eg_progress *p, const eg_options *o);
void eg_progress_add(eg_progress *p, size_t bytes);
/* Clears the line on a terminal, so the summary follows cleanly. */
void eg_progress_end(eg_progress *p);

/* The number of cores, at most 64: the default for --jobs. */
long eg_default_jobs(void);

/* Where extract and merge write: the partial result (--partial), or -o in
 * o's format; csv makes four files, NAME.nodes.csv, NAME.edges.csv,
 * NAME.evidence.csv and NAME.meta.csv (how the graph was made,
 * output/provenance.h), from -o NAME or NAME.csv.  All are temporary files
 * until eg_write_result commits them together. */
typedef struct eg_outputs {
	eg_out files[EG_OUTPUTS_MAX];
	eg_buf paths[EG_OUTPUTS_MAX];
	size_t count; /* files open */
} eg_outputs;

/* Opens the outputs early, so that a bad path fails before the long part;
 * reports and returns EG_EXIT_OUTPUT on failure. */
int eg_outputs_open(const eg_options *o, eg_outputs *outs);
void eg_outputs_abort(eg_outputs *outs);
void eg_outputs_free(eg_outputs *outs);

/* The end of extract and merge: joins the short forms of counts onto
 * their entities (graph/identity.h, which changes counts), builds the graph
 * (entities in ents) and writes it in o's format; or writes the counts as
 * they are as a partial result (info) when o->partial is set.  Then commits
 * the outputs.  Reports errors and returns an exit status: EG_EXIT_OK or
 * EG_EXIT_OUTPUT. */
typedef struct eg_result_size {
	size_t nodes, edges; /* of the graph written; 0 for a partial */
	struct eg_previous *picture; /* NULL, or filled with the graph's picture
					(graph/previous.h) for the cache */
} eg_result_size;

/* What a graph's picture depends on besides the counts (window, weighting,
 * filters, size metric), as text: the cache keeps one picture per view. */
void eg_view_key(const eg_options *o, eg_buf *out);
int eg_write_result(const eg_options *o, eg_outputs *outs, eg_cooc *counts, const eg_entities *ents,
		    const eg_partial_info *info, eg_result_size *size);

/* The line a run ends with when no progress is shown (a cron job's log),
 * unless --quiet: "entgraph: 120 documents read (100 matched, 18 reused, 2
 * skipped), 3,210 nodes, 15,002 edges, 4.2 s"; read NULL for a merge, which
 * says "from N partials" instead. */
void eg_report_summary(const eg_options *o, size_t documents, const eg_run_stats *read, size_t partials,
		       const eg_result_size *size, double seconds);
/* Seconds on a monotonic clock, for eg_report_summary. */
double eg_seconds(void);

/* Records in o->own the files this run writes, which its inputs must
 * never include (input.h, eg_input_exclude): the outputs (standard output
 * for "-"), and o->cache with SQLite's -wal, -shm and -journal beside it.
 * Call once, before the inputs are opened: that is when the files are
 * looked at (those made later are recognised by name). */
void eg_options_own(eg_options *o, const char *const *outputs, size_t count);

/* 1 when path means standard output. */
int eg_is_stdout(const char *path);

#endif
