#include "cli/cli.h"
#include "output/html.h"
#include "graph/periods.h"
#include "graph/previous.h"
#include "input/reader.h"
#include "input/input.h"
#include "text/utf8.h"
#include "util/map.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <xxhash.h>
#include <unistd.h>

#ifndef EG_INSTALL_DATADIR
#define EG_INSTALL_DATADIR "/usr/local/share/entgraph"
#endif

/* Appends fmt's output to b. */
static void buf_vprintf(eg_buf *b, const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (n <= 0)
		return;
	eg_buf_reserve(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

/* Prints "entgraph: " and message as one line on stderr.  Control
 * characters and bytes that are not UTF-8 are written as escapes (\n, \r,
 * \t, \xNN for a byte, \u00NN for a C1 control), so that a file name or
 * a record's id cannot break the line or drive the terminal. */
static void print_line(const char *message)
{
	static const char hex[] = "0123456789abcdef";
	eg_buf line = {0};
	eg_buf_adds(&line, "entgraph: ");
	size_t n = strlen(message);
	for (size_t i = 0; i < n;) {
		int len;
		uint32_t cp = eg_utf8_decode((const unsigned char *)message + i, n - i, &len);
		unsigned char c = (unsigned char)message[i];
		if (cp == '\n' || cp == '\r' || cp == '\t') {
			eg_buf_addc(&line, '\\');
			eg_buf_addc(&line, cp == '\n' ? 'n' : cp == '\r' ? 'r' : 't');
		} else if (cp == EG_UTF8_INVALID || cp < 0x20 || cp == 0x7F) {
			char x[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
			eg_buf_add(&line, x, 4);
		} else if (cp >= 0x80 && cp < 0xA0) {
			char u[6] = {'\\', 'u', '0', '0', hex[cp >> 4], hex[cp & 15]};
			eg_buf_add(&line, u, 6);
		} else {
			eg_buf_add(&line, message + i, (size_t)len);
		}
		i += (size_t)len;
	}
	eg_buf_addc(&line, '\n');
	fwrite(line.data, 1, line.len, stderr);
	eg_buf_free(&line);
}

void eg_report(const char *fmt, ...)
{
	eg_buf message = {0};
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&message, fmt, ap);
	va_end(ap);
	print_line(message.data ? message.data : "");
	eg_buf_free(&message);
}

enum {
	OPT_NO_DEFAULTS = 256,
	OPT_INPUT_FORMAT,
	OPT_PROGRESS,
	OPT_QUIET,
	OPT_MIN_WEIGHT,
	OPT_TYPES,
	OPT_CACHE,
	OPT_WEIGHT,
	OPT_MIN_DOCUMENTS,
	OPT_TOP,
	OPT_BACKBONE,
	OPT_LARGEST_COMPONENT,
	OPT_SIZE_BY,
	OPT_SHARD,
	OPT_PARTIAL,
	OPT_MAX_INPUT_BYTES,
	OPT_MAX_RECORD_BYTES,
	OPT_MAX_RULE_STEPS,
	OPT_MAX_WINDOW_ENTITIES,
	OPT_KEEP_ISOLATED,
	OPT_RELATIONS,
	OPT_EVIDENCE,
	OPT_PREVIOUS,
	OPT_SINCE,
	OPT_UNTIL,
	OPT_UNDATED,
	OPT_PERIOD,
	OPT_NO_LEARN,
};

static const struct option long_options[] = {
	{"help", no_argument, NULL, 'h'},
	{"output", required_argument, NULL, 'o'},
	{"dict", required_argument, NULL, 'd'},
	{"rules", required_argument, NULL, 'r'},
	{"no-defaults", no_argument, NULL, OPT_NO_DEFAULTS},
	{"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
	{"jobs", required_argument, NULL, 'j'},
	{"progress", no_argument, NULL, OPT_PROGRESS},
	{"quiet", no_argument, NULL, OPT_QUIET},
	{"format", required_argument, NULL, 'f'},
	{"window", required_argument, NULL, 'w'},
	{"min-weight", required_argument, NULL, OPT_MIN_WEIGHT},
	{"types", required_argument, NULL, OPT_TYPES},
	{"cache", required_argument, NULL, OPT_CACHE},
	{"weight", required_argument, NULL, OPT_WEIGHT},
	{"min-documents", required_argument, NULL, OPT_MIN_DOCUMENTS},
	{"top", required_argument, NULL, OPT_TOP},
	{"backbone", required_argument, NULL, OPT_BACKBONE},
	{"largest-component", no_argument, NULL, OPT_LARGEST_COMPONENT},
	{"size-by", required_argument, NULL, OPT_SIZE_BY},
	{"shard", required_argument, NULL, OPT_SHARD},
	{"partial", required_argument, NULL, OPT_PARTIAL},
	{"max-input-bytes", required_argument, NULL, OPT_MAX_INPUT_BYTES},
	{"max-record-bytes", required_argument, NULL, OPT_MAX_RECORD_BYTES},
	{"max-rule-steps", required_argument, NULL, OPT_MAX_RULE_STEPS},
	{"max-window-entities", required_argument, NULL, OPT_MAX_WINDOW_ENTITIES},
	{"keep-isolated", no_argument, NULL, OPT_KEEP_ISOLATED},
	{"relations", no_argument, NULL, OPT_RELATIONS},
	{"evidence", required_argument, NULL, OPT_EVIDENCE},
	{"previous", required_argument, NULL, OPT_PREVIOUS},
	{"since", required_argument, NULL, OPT_SINCE},
	{"until", required_argument, NULL, OPT_UNTIL},
	{"undated", required_argument, NULL, OPT_UNDATED},
	{"period", required_argument, NULL, OPT_PERIOD},
	{"no-learn", no_argument, NULL, OPT_NO_LEARN},
	{NULL, 0, NULL, 0},
};

static unsigned option_group(int c)
{
	switch (c) {
	case OPT_PROGRESS:
		return EG_OPT_INPUT | EG_OPT_PARTS; /* merge's help offers it for its summary */
	case OPT_INPUT_FORMAT: case 'j': case OPT_NO_LEARN:
	case OPT_MAX_INPUT_BYTES: case OPT_MAX_RECORD_BYTES: case OPT_MAX_RULE_STEPS:
		return EG_OPT_INPUT;
	case 'o':
		return EG_OPT_OUTPUT;
	case 'w': case OPT_CACHE: case OPT_SHARD: case OPT_MAX_WINDOW_ENTITIES: case OPT_SINCE: case OPT_UNTIL:
	case OPT_UNDATED: case OPT_PERIOD:
		return EG_OPT_COUNT;
	case 'f': case OPT_MIN_WEIGHT: case OPT_TYPES: case OPT_WEIGHT: case OPT_MIN_DOCUMENTS: case OPT_TOP:
	case OPT_BACKBONE: case OPT_LARGEST_COMPONENT: case OPT_SIZE_BY: case OPT_PARTIAL: case OPT_KEEP_ISOLATED:
	case OPT_EVIDENCE: case OPT_PREVIOUS: case OPT_RELATIONS:
		return EG_OPT_GRAPH;
	default:
		return 0;
	}
}

const char eg_help_common_options[] =
	"  -d, --dict PATH          add a dictionary file or directory of *.tsv\n"
	"  -r, --rules PATH         add a rules file or directory of *.rules\n"
	"      --no-defaults        load only the dictionaries and rules named\n"
	"      --no-learn           type only the names the dictionaries and rules\n"
	"                           know: no first pass learning the contexts that\n"
	"                           type the others (README \"Learned names\")\n"
	"      --input-format FMT   auto (the default), text, jsonl, html or feed\n"
	"  -j, --jobs N             worker threads; output is the same for any N\n"
	"      --max-input-bytes N  read at most N bytes of one input, after inflating\n"
	"                           (default 1G; K, M, G and T suffixes)\n"
	"      --max-record-bytes N hold at most N bytes whole: a JSONL line, an HTML\n"
	"                           page, a feed (default 64M)\n"
	"      --max-rule-steps N   PCRE2 steps all rules may spend on one document\n"
	"                           beyond plain searching (default 100000000)\n"
	"      --progress, --quiet  force the progress line and summary on stderr (on\n"
	"                           a terminal they are on; elsewhere extract ends\n"
	"                           with one summary line) / print errors only\n"
	"  -h, --help               show this help\n"
	"\n"
	"Exit status: 0 success, 1 some inputs or records skipped or cut short by\n"
	"a limit, 2 usage or configuration error, 3 the output could not be\n"
	"written, 128+N ended by signal N (temporary files removed).\n";

static int usage_error(const eg_options *o, int *exit_status, const char *fmt, ...) EG_PRINTF(3, 4);

static int usage_error(const eg_options *o, int *exit_status, const char *fmt, ...)
{
	eg_buf message = {0};
	eg_buf_printf(&message, "%s: ", o->command);
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&message, fmt, ap);
	va_end(ap);
	eg_buf_printf(&message, " (see 'entgraph %s --help')", o->command);
	print_line(message.data);
	eg_buf_free(&message);
	*exit_status = EG_EXIT_USAGE;
	return -1;
}

static void push_string(const char ***list, size_t *n, const char *s)
{
	*list = eg_xrealloc(*list, (*n + 1) * sizeof(**list));
	(*list)[(*n)++] = s;
}

/* A whole number from min up, for --min-documents and --top. */
static int parse_count(const char *arg, unsigned long long min, unsigned long long *out)
{
	char *end;
	errno = 0;
	*out = strtoull(arg, &end, 10);
	return errno || *end || end == arg || *arg == '-' || *out < min ? -1 : 0;
}

/* Splits "ORG,PERSON" into a NULL-terminated list of valid type names,
 * upper-cased: types are written in capitals, so "org" can only mean ORG. */
static int parse_types(eg_options *o, const char *arg, int *exit_status)
{
	o->types_storage = eg_xstrdup(arg);
	size_t n = 0;
	for (char *save = NULL, *t = strtok_r(o->types_storage, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		while (*t == ' ')
			t++;
		size_t len = strlen(t);
		while (len && t[len - 1] == ' ')
			t[--len] = '\0';
		for (char *c = t; *c; c++)
			if (*c >= 'a' && *c <= 'z')
				*c = (char)(*c - 32);
		if (!eg_type_name_valid(t, len))
			return usage_error(o, exit_status, "--types: \"%s\" is not a type name (such as ORG or PERSON)", t);
		push_string(&o->types, &n, t);
	}
	if (!n)
		return usage_error(o, exit_status, "--types needs at least one type");
	push_string(&o->types, &n, NULL);
	return 0;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void add_known(eg_strmap *known, const char *type)
{
	if (strcmp(type, "GIVEN_NAME") != 0) /* a cue for the person code, never an entity */
		eg_strmap_intern(known, type, strlen(type), NULL);
}

int eg_types_check(const eg_options *o, const eg_entities *ents, const eg_rules *rules, int *exit_status)
{
	if (!o->types)
		return 0;
	static const char *const builtin[] = {"PERSON", "ORG", "UNIT", "PRODUCT", "PLACE"};
	eg_strmap known;
	eg_strmap_init(&known);
	for (size_t i = 0; i < sizeof(builtin) / sizeof(*builtin); i++)
		add_known(&known, builtin[i]);
	for (size_t i = 0, n = eg_entities_count(ents); i < n; i++)
		add_known(&known, eg_entity_type(ents, (uint32_t)i));
	for (size_t i = 0, n = rules ? eg_rules_count(rules) : 0; i < n; i++)
		add_known(&known, eg_rules_type(rules, i));
	int rc = 0;
	for (size_t i = 0; o->types[i] && rc == 0; i++) {
		if (eg_strmap_find(&known, o->types[i], strlen(o->types[i])) >= 0)
			continue;
		size_t n = known.count;
		const char **names = eg_xmalloc(n * sizeof(*names));
		for (size_t k = 0; k < n; k++)
			names[k] = eg_strmap_key(&known, (uint32_t)k);
		qsort(names, n, sizeof(*names), compare_strings);
		eg_buf list = {0};
		for (size_t k = 0; k < n; k++)
			eg_buf_printf(&list, "%s%s", k ? ", " : "", names[k]);
		rc = usage_error(o, exit_status, "unknown type \"%s\" in --types (known: %s)", o->types[i], list.data);
		eg_buf_free(&list);
		free(names);
	}
	eg_strmap_free(&known);
	return rc;
}

int eg_options_parse(eg_options *o, int argc, char **argv, unsigned groups, const char *usage, int *exit_status)
{
	const char *command = o->command;
	int find_relations = o->find_relations;
	memset(o, 0, sizeof(*o));
	o->command = command;
	o->find_relations = find_relations;
	o->format = "graphml";
	o->window.kind = EG_WINDOW_SENTENCE;
	o->min_weight = 1;
	o->evidence = -1;
	o->jobs = eg_default_jobs();
	o->learn = 1;
	o->budgets = EG_BUDGETS_DEFAULT;
	o->progress = isatty(STDERR_FILENO);

	opterr = 0;
	optind = 1;
	int c, index = -1, min_weight_given = 0;
	char name[64];
	unsigned long long number;
	while ((c = getopt_long(argc, argv, ":ho:d:r:j:f:w:", long_options, &index)) != -1) {
		/* The option as the user wrote it, for messages. */
		if (index >= 0)
			snprintf(name, sizeof(name), "--%s", long_options[index].name);
		else
			snprintf(name, sizeof(name), "-%c", c == ':' || c == '?' ? optopt : c);
		index = -1;
		if (c == '?') {
			if (optopt)
				return usage_error(o, exit_status, "unknown option '-%c'", optopt);
			return usage_error(o, exit_status, "unknown option '%s'", argv[optind - 1]);
		}
		if (c == ':')
			return usage_error(o, exit_status, "option '%s' needs a value",
					   optopt ? name : argv[optind - 1]);
		unsigned group = option_group(c);
		if (group && !(groups & group))
			return usage_error(o, exit_status, "option '%s' does not apply here", name);
		char *end;
		switch (c) {
		case 'h':
			fputs(usage, stdout);
			if (groups & EG_OPT_INPUT)
				fputs(eg_help_common_options, stdout);
			*exit_status = EG_EXIT_OK;
			return -1;
		case 'o':
			o->output = optarg;
			break;
		case 'd':
			push_string(&o->dicts, &o->dict_count, optarg);
			break;
		case 'r':
			push_string(&o->rules, &o->rule_count, optarg);
			break;
		case OPT_NO_DEFAULTS:
			o->no_defaults = 1;
			break;
		case OPT_NO_LEARN:
			o->learn = 0;
			break;
		case OPT_INPUT_FORMAT:
			if (eg_input_format_parse(optarg, &o->input_format) < 0)
				return usage_error(o, exit_status, "--input-format must be auto, text, jsonl, html or feed, not \"%s\"",
						   optarg);
			break;
		case 'j':
			errno = 0;
			o->jobs = strtol(optarg, &end, 10);
			if (errno || *end || end == optarg || o->jobs < 1 || o->jobs > 1024)
				return usage_error(o, exit_status, "--jobs must be a whole number from 1 to 1024, not \"%s\"",
						   optarg);
			break;
		case OPT_PROGRESS:
			o->progress = 1;
			break;
		case OPT_QUIET:
			o->quiet = 1;
			o->progress = 0;
			break;
		case 'f':
			if (strcmp(optarg, "graphml") != 0 && strcmp(optarg, "gexf") != 0 && strcmp(optarg, "csv") != 0 &&
			    strcmp(optarg, "json") != 0 && strcmp(optarg, "svg") != 0 && strcmp(optarg, "html") != 0 &&
			    strcmp(optarg, "ftm") != 0)
				return usage_error(o, exit_status,
						   "--format must be graphml, gexf, csv, json, svg, html or ftm, not \"%s\"",
						   optarg);
			if (strcmp(optarg, "html") == 0 && !eg_html_available)
				return usage_error(o, exit_status, "--format html: %s", eg_html_unavailable);
			o->format = optarg;
			break;
		case 'w': {
			eg_error err;
			if (eg_window_parse(optarg, &o->window, &err) < 0)
				return usage_error(o, exit_status, "--window: %s", err.message);
			break;
		}
		case OPT_MIN_WEIGHT:
			errno = 0;
			o->min_weight = strtod(optarg, &end);
			if (errno || *end || end == optarg || !(o->min_weight >= 0))
				return usage_error(o, exit_status, "--min-weight must be a number of at least 0, not \"%s\"",
						   optarg);
			min_weight_given = 1;
			break;
		case OPT_WEIGHT: {
			eg_error err;
			if (eg_weighting_parse(optarg, &o->weighting, &err) < 0)
				return usage_error(o, exit_status, "--weight: %s", err.message);
			break;
		}
		case OPT_MIN_DOCUMENTS:
			if (parse_count(optarg, 0, &number) < 0)
				return usage_error(o, exit_status,
						   "--min-documents must be a whole number of at least 0, not \"%s\"", optarg);
			o->min_documents = number;
			break;
		case OPT_EVIDENCE:
			if (parse_count(optarg, 0, &number) < 0 || number > EG_EVIDENCE_LIMIT)
				return usage_error(o, exit_status, "--evidence must be a whole number from 0 to %d, not \"%s\"",
						   EG_EVIDENCE_LIMIT, optarg);
			o->evidence = (int)number;
			break;
		case OPT_TOP:
			if (parse_count(optarg, 1, &number) < 0 || number > SIZE_MAX)
				return usage_error(o, exit_status, "--top must be a whole number of at least 1, not \"%s\"",
						   optarg);
			o->top = (size_t)number;
			break;
		case OPT_BACKBONE:
			errno = 0;
			o->backbone = strtod(optarg, &end);
			if (errno || *end || end == optarg || !(o->backbone > 0 && o->backbone < 1))
				return usage_error(o, exit_status,
						   "--backbone must be a significance level between 0 and 1 (such as 0.05), not \"%s\"",
						   optarg);
			break;
		case OPT_LARGEST_COMPONENT:
			o->largest_component = 1;
			break;
		case OPT_KEEP_ISOLATED:
			o->keep_isolated = 1;
			break;
		case OPT_RELATIONS:
			o->relations = 1;
			break;
		case OPT_PREVIOUS:
			o->previous = optarg;
			break;
		case OPT_SINCE:
		case OPT_UNTIL: {
			/* A calendar day as YYYY-MM-DD, and only that. */
			char *day = eg_date_parse(optarg);
			int exact = day && strlen(optarg) == 10 && strcmp(day, optarg) == 0;
			free(day);
			if (!exact)
				return usage_error(o, exit_status, "--%s takes a day as YYYY-MM-DD, not \"%s\"",
						   c == OPT_SINCE ? "since" : "until", optarg);
			*(c == OPT_SINCE ? &o->since : &o->until) = optarg;
			break;
		}
		case OPT_PERIOD: {
			eg_error err;
			eg_period_kind k;
			if (eg_period_parse(optarg, &k, &err) < 0)
				return usage_error(o, exit_status, "--period: %s", err.message);
			o->period = (int)k;
			break;
		}
		case OPT_UNDATED:
			if (strcmp(optarg, "keep") != 0 && strcmp(optarg, "drop") != 0)
				return usage_error(o, exit_status, "--undated is keep or drop, not \"%s\"", optarg);
			o->keep_undated = strcmp(optarg, "keep") == 0;
			break;
		case OPT_SIZE_BY: {
			eg_error err;
			if (eg_size_metric_check(optarg, &err) < 0)
				return usage_error(o, exit_status, "--size-by: %s", err.message);
			o->size_by = optarg;
			break;
		}
		case OPT_TYPES:
			if (parse_types(o, optarg, exit_status) < 0)
				return -1;
			break;
		case OPT_CACHE:
			o->cache = optarg;
			break;
		case OPT_SHARD: {
			unsigned long long i, n;
			char *slash = strchr(optarg, '/');
			if (!slash || (*slash = '\0', parse_count(optarg, 1, &i) < 0) || parse_count(slash + 1, 1, &n) < 0 ||
			    i > n || n > EG_SHARD_MAX) {
				if (slash)
					*slash = '/';
				return usage_error(o, exit_status,
						   "--shard must be I/N with 1 <= I <= N (such as 3/8), not \"%s\"", optarg);
			}
			*slash = '/';
			o->shard_index = (uint32_t)i;
			o->shard_count = (uint32_t)n;
			break;
		}
		case OPT_PARTIAL:
			o->partial = optarg;
			break;
		case OPT_MAX_INPUT_BYTES:
		case OPT_MAX_RECORD_BYTES:
		case OPT_MAX_RULE_STEPS: {
			uint64_t *budget = c == OPT_MAX_INPUT_BYTES    ? &o->budgets.input_bytes
					   : c == OPT_MAX_RECORD_BYTES ? &o->budgets.record_bytes
								       : &o->budgets.rule_steps;
			if (eg_parse_size(optarg, budget) < 0)
				return usage_error(o, exit_status,
						   "%s must be a whole number of at least 1, with K, M, G or T for "
						   "powers of 1024 (such as 4G), not \"%s\"",
						   name, optarg);
			break;
		}
		case OPT_MAX_WINDOW_ENTITIES:
			if (parse_count(optarg, 2, &number) < 0 || number > UINT32_MAX)
				return usage_error(o, exit_status, "%s must be a whole number of at least 2, not \"%s\"", name,
						   optarg);
			o->budgets.window_entities = (uint32_t)number;
			break;
		}
	}
	if (o->partial && o->output)
		return usage_error(o, exit_status, "--partial writes the partial result to its own file; drop -o");
	/* NAME.nodes.csv beside /dev/stdout or /dev/null is no file anyone
	 * wants: the two files need a name of their own. */
	struct stat st;
	if (!o->partial && strcmp(o->format, "csv") == 0 &&
	    (eg_is_stdout(o->output) || eg_out_descriptor(o->output) >= 0 ||
	     (stat(o->output, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))))
		return usage_error(o, exit_status,
				   "-f csv writes four files, NAME.nodes.csv, NAME.edges.csv, "
				   "NAME.evidence.csv and NAME.meta.csv: give -o NAME");
	/* The default threshold of 1 keeps every count and document edge; the
	 * other weightings live on other scales, where it would cut at random. */
	if (!min_weight_given && o->weighting != EG_WEIGHT_COUNT && o->weighting != EG_WEIGHT_DOCUMENTS)
		o->min_weight = -INFINITY;
	if (!(groups & (EG_OPT_INPUT | EG_OPT_PARTS)) && optind < argc)
		return usage_error(o, exit_status, "unexpected argument '%s'", argv[optind]);
	if (o->period && o->partial)
		return usage_error(o, exit_status,
				   "--period needs the documents' dates, which a partial does not keep: not with --partial");
	if (o->since && o->until && strcmp(o->since, o->until) > 0)
		return usage_error(o, exit_status, "--since %s comes after --until %s: no day is in between", o->since,
				   o->until);
	o->inputs = (const char **)argv + optind;
	o->input_count = (size_t)(argc - optind);
	return 0;
}

void eg_options_free(eg_options *o)
{
	free(o->dicts);
	free(o->rules);
	free(o->types);
	free(o->types_storage);
	for (size_t i = 0; i < o->own_count; i++)
		free(o->own[i]);
	o->own_count = 0;
	if (o->periods) {
		eg_periods_free(o->periods);
		free(o->periods);
		o->periods = NULL;
	}
	if (o->previous_graph) {
		eg_previous_free(o->previous_graph);
		free(o->previous_graph);
		o->previous_graph = NULL;
	}
}

void eg_options_own(eg_options *o, const char *const *outputs, size_t count)
{
	static const char *const journals[] = {"", "-wal", "-shm", "-journal"};
	if (o->own_count)
		return;
	for (size_t i = 0; i < count && i < EG_OUTPUTS_MAX; i++)
		o->own[o->own_count++] = eg_xstrdup(eg_is_stdout(outputs[i]) ? "/dev/stdout" : outputs[i]);
	for (size_t i = 0; o->cache && i < sizeof(journals) / sizeof(journals[0]); i++) {
		eg_buf path = {0};
		eg_buf_printf(&path, "%s%s", o->cache, journals[i]);
		o->own[o->own_count++] = path.data;
	}
}

static int is_directory(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Where the shipped dictionaries are: $ENTGRAPH_DATADIR, else beside the
 * binary's parent (a build directory inside the source tree), else the
 * installed copy, else the source tree this binary was built from. */
static int find_default_directory(eg_buf *out)
{
	const char *env = getenv("ENTGRAPH_DATADIR");
	if (env && *env) {
		eg_buf_clear(out);
		eg_buf_adds(out, env);
		return is_directory(out->data) ? 0 : -1;
	}
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			eg_buf_clear(out);
			eg_buf_printf(out, "%s/../dictionaries", exe);
			if (is_directory(out->data))
				return 0;
		}
	}
	static const char *const fallbacks[] = {EG_INSTALL_DATADIR "/dictionaries",
#ifdef EG_SOURCE_DATADIR
						EG_SOURCE_DATADIR,
#endif
						NULL};
	for (size_t i = 0; fallbacks[i]; i++) {
		eg_buf_clear(out);
		eg_buf_adds(out, fallbacks[i]);
		if (is_directory(out->data))
			return 0;
	}
	return -1;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The visible files in dir whose names end in suffix, sorted, as full paths. */
static char **list_files(const char *dir, const char *suffix, size_t *count, eg_error *err)
{
	DIR *d = opendir(dir);
	if (!d) {
		eg_error_set(err, "%s: %s", dir, strerror(errno));
		return NULL;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !ends_with(e->d_name, suffix))
			continue;
		EG_GROW(names, cap, n + 1);
		eg_buf path = {0};
		eg_buf_printf(&path, "%s/%s", dir, e->d_name);
		names[n++] = path.data;
	}
	closedir(d);
	if (n) /* qsort(NULL, 0) is undefined: a directory without such files */
		qsort(names, n, sizeof(*names), by_path);
	*count = n;
	if (!names)
		names = eg_xcalloc(1, sizeof(*names));
	return names;
}

/* Loading fills the matcher and hashes each file's kind and bytes, in load
 * order, into the configuration's fingerprint. */
typedef struct loader {
	eg_matcher *m;
	XXH3_state_t *hash;
} loader;

typedef int (*load_fn)(loader *l, const char *path, eg_error *err);

typedef int (*buffer_fn)(eg_matcher *m, const char *path, const char *data, size_t n, eg_error *err);

/* Reads path once, loads it and hashes those same bytes: the fingerprint
 * describes what was loaded even if the file changes meanwhile. */
static int load_file(loader *l, const char *kind, const char *path, buffer_fn load, eg_error *err)
{
	size_t n;
	char *data = eg_read_file(path, &n, err);
	if (!data)
		return -1;
	int rc = load(l->m, path, data, n, err);
	if (rc == 0) {
		XXH3_128bits_update(l->hash, kind, strlen(kind) + 1);
		uint64_t size = n;
		XXH3_128bits_update(l->hash, &size, sizeof(size));
		XXH3_128bits_update(l->hash, data, n);
	}
	free(data);
	return rc;
}

static int dict_buffer(eg_matcher *m, const char *path, const char *data, size_t n, eg_error *err)
{
	return eg_dict_load_buffer(m->dict, path, data, n, err);
}

static int rules_buffer(eg_matcher *m, const char *path, const char *data, size_t n, eg_error *err)
{
	return eg_rules_load_buffer(m->rules, path, data, n, err);
}

static int words_buffer(eg_matcher *m, const char *path, const char *data, size_t n, eg_error *err)
{
	(void)path;
	(void)err;
	return eg_words_load_buffer(m->common, data, n);
}

static int load_dict(loader *l, const char *path, eg_error *err)
{
	return load_file(l, "dictionary", path, dict_buffer, err);
}

static int load_rules(loader *l, const char *path, eg_error *err)
{
	return load_file(l, "rules", path, rules_buffer, err);
}

static int load_words(loader *l, const char *path, eg_error *err)
{
	return load_file(l, "words", path, words_buffer, err);
}

/* Loads path, or every *suffix file in it when it is a directory. */
static int load_path(loader *l, const char *path, const char *suffix, load_fn load, eg_error *err)
{
	if (!is_directory(path))
		return load(l, path, err);
	size_t n;
	char **files = list_files(path, suffix, &n, err);
	if (!files)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		if (rc == 0)
			rc = load(l, files[i], err);
		free(files[i]);
	}
	free(files);
	return rc;
}

/* -d PATH: a word list (*.words), a dictionary, or a directory of both. */
static int load_dictionary_path(loader *l, const char *path, eg_error *err)
{
	if (!is_directory(path))
		return ends_with(path, ".words") ? load_words(l, path, err) : load_dict(l, path, err);
	if (load_path(l, path, ".tsv", load_dict, err) < 0)
		return -1;
	return load_path(l, path, ".words", load_words, err);
}

int eg_load_configuration(const eg_options *o, eg_matcher *m)
{
	eg_error err;
	XXH3_state_t *hash = XXH3_createState();
	XXH3_128bits_reset(hash);
	XXH3_128bits_update(hash, EG_VERSION, sizeof(EG_VERSION));
	loader l = {m, hash};
	int rc = 0;
	if (!o->no_defaults) {
		eg_buf dir = {0};
		if (find_default_directory(&dir) < 0) {
			eg_report("cannot find the shipped dictionaries (set ENTGRAPH_DATADIR, or use --no-defaults with -d and -r)");
			eg_buf_free(&dir);
			XXH3_freeState(hash);
			return -1;
		}
		rc = load_dictionary_path(&l, dir.data, &err);
		if (rc == 0)
			rc = load_path(&l, dir.data, ".rules", load_rules, &err);
		eg_buf_free(&dir);
	}
	/* The -d files are the analyst's: their lines override the shipped
	 * ones, and a later one an earlier one.  Where they begin is part of
	 * the fingerprint: the same files read as shipped ones conflict
	 * instead. */
	eg_dict_begin_analyst(m->dict);
	if (o->dict_count)
		XXH3_128bits_update(hash, "analyst", sizeof("analyst"));
	for (size_t i = 0; rc == 0 && i < o->dict_count; i++)
		rc = load_dictionary_path(&l, o->dicts[i], &err);
	for (size_t i = 0; rc == 0 && i < o->rule_count; i++)
		rc = load_path(&l, o->rules[i], ".rules", load_rules, &err);
	XXH128_canonical_t digest;
	XXH128_canonicalFromHash(&digest, XXH3_128bits_digest(hash));
	memcpy(m->fingerprint, digest.digest, sizeof(m->fingerprint));
	XXH3_freeState(hash);
	if (rc < 0) {
		eg_report("%s", err.message);
		return -1;
	}
	m->rule_steps = o->budgets.rule_steps;
	eg_matcher_freeze(m);
	return 0;
}

long eg_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : n;
}

int eg_report_skipped(const eg_skipped *skipped)
{
	size_t i = skipped->inputs, r = skipped->records, l = skipped->limited;
	if (i && r)
		eg_report("%zu input%s and %zu record%s skipped", i, i == 1 ? "" : "s", r, r == 1 ? "" : "s");
	else if (i || r)
		eg_report("%zu %s%s skipped", i + r, i ? "input" : "record", i + r == 1 ? "" : "s");
	if (l)
		eg_report("%zu document%s cut short by a limit (--max-*, see above)", l, l == 1 ? "" : "s");
	return i || r || l ? EG_EXIT_SKIPPED : EG_EXIT_OK;
}

int eg_is_stdout(const char *path)
{
	return !path || strcmp(path, "-") == 0;
}

int eg_previous_load(eg_options *o, int *exit_status)
{
	if (!o->previous || o->partial)
		return 0;
	eg_error err;
	int err_no;
	o->previous_graph = eg_xcalloc(1, sizeof(*o->previous_graph));
	if (eg_previous_read(o->previous, o->previous_graph, &err_no, &err) == 0)
		return 0;
	free(o->previous_graph);
	o->previous_graph = NULL;
	if (err_no == ENOENT) {
		/* The first night: nothing to keep yet. */
		if (!o->quiet)
			eg_report("%s: no previous graph yet; laid out afresh", o->previous);
		return 0;
	}
	eg_report("%s", err.message);
	*exit_status = EG_EXIT_USAGE;
	return -1;
}
