#include "cli/cli.h"
#include "match/lexicon.h"
#include "graph/identity.h"
#include "graph/periods.h"
#include "graph/previous.h"
#include "graph/graph.h"
#include "output/atomic.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage[] =
	"usage: entgraph extract [OPTIONS] [INPUT...]\n"
	"\n"
	"Reads articles (files, directories, or - for standard input; none means\n"
	"standard input) and writes the graph of entities that occur together.\n"
	"\n"
	"  -o, --output FILE        write here (- is standard output; the default)\n"
	"  -f, --format FORMAT      graphml (the default), gexf, csv (-o NAME writes\n"
	"                           NAME.nodes.csv, NAME.edges.csv,\n"
	"                           NAME.evidence.csv, NAME.meta.csv),\n"
	"                           json, svg, html (a page to explore in a browser)\n"
	"                           or ftm (FollowTheMoney entities, for Aleph)\n"
	"  -w, --window WINDOW      sentence (default), paragraph, document, or N:\n"
	"                           entities within N tokens of each other\n"
	"      --min-weight N       drop edges with weight below N (default: 1 for\n"
	"                           count and documents, none for the others)\n"
	"      --types LIST         keep only these entity types, e.g. ORG,PERSON\n"
	"      --weight W           edge weight: count (default; windows), documents,\n"
	"                           pmi, npmi, jaccard or dice (from document counts);\n"
	"                           always above 0: with pmi or npmi a pair no more\n"
	"                           associated than chance is no edge\n"
	"      --min-documents N    drop edges seen in fewer than N documents\n"
	"      --backbone ALPHA     keep only the disparity-filter backbone at\n"
	"                           significance ALPHA (0 < ALPHA < 1, e.g. 0.05)\n"
	"      --top N              keep the N nodes of highest weighted degree\n"
	"      --largest-component  keep only the largest connected component\n"
	"      --keep-isolated      keep entities without a link as nodes (left out by\n"
	"                           default, with those the filters leave unlinked)\n"
	"      --relations          add a directed link per relation the sentences\n"
	"                           state, subject -predicate-> object (graphml,\n"
	"                           gexf, json), link_kind \"relation\" beside the\n"
	"                           co-occurrences' \"cooccurrence\"\n"
	"      --size-by METRIC     node size from pagerank (default), degree,\n"
	"                           weighted_degree, betweenness, mentions or documents\n"
	"      --cache FILE         keep each document's mentions and the run's counts\n"
	"                           in this SQLite file and reuse them on the next run\n"
	"      --max-window-entities N  link only the first N distinct entities of\n"
	"                           a window (default 500; the rest are counted only)\n"
	"      --shard I/N          read only shard I of N (by a hash of document ids)\n"
	"      --since DAY, --until DAY  only documents dated from / to DAY\n"
	"      --undated keep|drop  then keep or leave out (default) undated ones\n"
	"      --period P           day, week or month: counts per period (time)\n"
	"      --partial FILE       write the counts as a partial result for\n"
	"                           'entgraph merge' instead of a graph\n"
	"      --evidence N         name per link and entity its first N documents\n"
	"                           with date, title, outlet, URL, sentence\n"
	"                           (default 5; 0-100)\n"
	"      --previous FILE      keep an earlier graph's positions and communities\n";

typedef struct counting {
	eg_matcher *matcher;
	eg_cooc *counts;
	const eg_options *options;
	size_t limited; /* documents with a window over --max-window-entities */
} counting;

/* One line for a document where the window budget cut some windows. */
static void report_capped(counting *c, const char *doc)
{
	eg_cooc_capped capped = eg_cooc_last_capped(c->counts);
	if (!capped.windows)
		return;
	static const char *const kinds[] = {"sentence", "paragraph", "document"};
	eg_window w = c->options->window;
	uint32_t budget = c->options->budgets.window_entities;
	unsigned long long largest = (unsigned long long)capped.largest;
	char kind[48];
	if (capped.windows == 1) {
		if (w.kind == EG_WINDOW_TOKENS)
			snprintf(kind, sizeof(kind), "window of %u tokens", w.tokens);
		else
			snprintf(kind, sizeof(kind), "%s", kinds[w.kind]);
		eg_report("%s: a %s has %llu entities; only the first %u are linked (--max-window-entities %u)", doc,
			  kind, largest, budget, budget);
	} else {
		if (w.kind == EG_WINDOW_TOKENS)
			snprintf(kind, sizeof(kind), "windows of %u tokens", w.tokens);
		else
			snprintf(kind, sizeof(kind), "%ss", kinds[w.kind]);
		eg_report("%s: %llu %s have up to %llu entities; only the first %u of each are linked "
			  "(--max-window-entities %u)",
			  doc, (unsigned long long)capped.windows, kind, largest, budget, budget);
	}
	c->limited++;
}

static int count_document(void *context, const eg_document *doc, eg_mentions *mentions, const eg_entities *found,
			  const eg_relations *relations)
{
	counting *c = context;
	eg_match_adopt(c->matcher, found, mentions);
	eg_cooc_add_document(c->counts, doc, mentions->v, mentions->n);
	eg_cooc_add_relations(c->counts, doc, relations->v, relations->n, mentions->v);
	if (c->options->periods)
		eg_periods_add(c->options->periods, doc, mentions->v, mentions->n);
	if (!doc->more)
		report_capped(c, doc->id);
	return 0;
}

/* The key of a run's counts: everything they depend on (configuration,
 * documents, window, shard, budgets) and nothing that only shapes the
 * output (format, filters, weighting, sizes), so that a re-run in another
 * format or with other filters finds them too. */
static eg_cache_key counts_key(const eg_matcher *m, const eg_options *o, const eg_cache_key *content)
{
	eg_buf b = {0};
	eg_buf_adds(&b, "entgraph counts 3 ");
	eg_buf_add(&b, m->fingerprint, sizeof(m->fingerprint));
	/* the relations' verbs, built into the program */
	uint64_t lexicon = eg_lexicon_fingerprint();
	eg_buf_add(&b, &lexicon, sizeof(lexicon));
	eg_buf_add(&b, content->bytes, sizeof(content->bytes));
	const eg_budgets *g = &o->budgets;
	eg_buf_printf(&b, " window=%d/%u shard=%u/%u budgets=%llu/%llu/%llu/%u evidence=%d since=%s until=%s undated=%d",
		      (int)o->window.kind, o->window.tokens, o->shard_index, o->shard_count,
		      (unsigned long long)g->input_bytes, (unsigned long long)g->record_bytes,
		      (unsigned long long)g->rule_steps, g->window_entities, o->evidence, o->since ? o->since : "-",
		      o->until ? o->until : "-", o->keep_undated);
	eg_cache_key key = eg_cache_key_of(b.data, b.len);
	eg_buf_free(&b);
	return key;
}

/* What the inputs hold, found cheaply: from their stamp (paths, sizes,
 * times) when an earlier run saw the same stamp, else by reading them. */
typedef struct known_inputs {
	eg_cache_key files;  /* the stamp */
	int stamped;         /* files is valid and worth storing */
	eg_cache_stamp stamp;
} known_inputs;

/* Files changed within this long before a run started may change again
 * without a new stamp (file times are coarser than the clock). */
#define RACY_NS 2000000000LL

static int know_inputs(const eg_options *o, eg_cache *cache, known_inputs *k)
{
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	int64_t start = (int64_t)now.tv_sec * 1000000000 + now.tv_nsec, newest;
	eg_error err;
	k->stamped = eg_run_files(o, &k->files, &newest);
	if (k->stamped && eg_cache_stamp_get(cache, &k->files, &k->stamp, &err) > 0 && newest < k->stamp.time - RACY_NS)
		return 1;
	size_t documents;
	if (!eg_run_content(o, &k->stamp.content, &documents))
		return 0;
	k->stamp.documents = documents;
	k->stamp.time = start;
	return 1;
}

/* Writes the result from the counts saved under key, if the cache holds
 * them intact.  Returns 1 with *status set when done, 0 when they are
 * absent or damaged (nothing was written). */
static int write_saved_counts(const eg_options *o, eg_cache *cache, const eg_cache_key *key, eg_outputs *outs,
			      const eg_partial_info *info, size_t documents, double start, eg_previous *picture,
			      int *status)
{
	eg_entities *none = eg_entities_new();
	eg_entities *ents = eg_entities_extend(none);
	eg_cooc *counts = eg_cooc_new(o->window);
	eg_cooc_set_evidence(counts, (uint32_t)o->evidence);
	eg_partial_info saved;
	int found = eg_cache_counts_get(cache, key, counts, ents, &saved);
	if (found) {
		eg_partial_info_free(&saved);
		eg_cooc_compact(counts);
		eg_result_size size = {.picture = picture};
		*status = eg_write_result(o, outs, counts, ents, info, &size);
		if (*status == EG_EXIT_OK && !o->quiet)
			eg_report("cache: %zu of %zu documents reused, 0 matched", documents, documents);
		if (*status == EG_EXIT_OK)
			eg_report_summary(o, documents, &(eg_run_stats){.documents = documents, .cached = documents}, 0,
					  &size, eg_seconds() - start);
	}
	eg_cooc_free(counts);
	eg_entities_free(ents);
	eg_entities_free(none);
	return found;
}

int eg_cmd_extract(int argc, char **argv)
{
	eg_options o = {.command = "extract", .find_relations = 1};
	int status = EG_EXIT_USAGE;
	double start = eg_seconds();
	eg_matcher m = {0};
	eg_cooc *counts = NULL;
	eg_outputs outs = {0};
	eg_cache *cache = NULL;
	eg_previous *picture = NULL; /* this run's, for the cache */
	eg_buf view = {0};

	if (eg_options_parse(&o, argc, argv, EG_OPT_INPUT | EG_OPT_OUTPUT | EG_OPT_COUNT | EG_OPT_GRAPH, usage, &status) < 0)
		goto done;
	if (o.evidence < 0)
		o.evidence = EG_EVIDENCE_DEFAULT;
	eg_matcher_init(&m);
	if (eg_load_configuration(&o, &m) < 0 || eg_types_check(&o, m.entities, m.rules, &status) < 0 ||
	    eg_previous_load(&o, &status) < 0)
		goto done;

	eg_error err;
	/* Open (a temporary file) before the long part, so a bad output path
	 * fails at once rather than after the whole corpus. */
	status = eg_outputs_open(&o, &outs);
	if (status != EG_EXIT_OK)
		goto done;
	status = EG_EXIT_USAGE;
	const char *own[EG_OUTPUTS_MAX];
	for (size_t i = 0; i < outs.count; i++)
		own[i] = outs.paths[i].data;
	eg_options_own(&o, own, outs.count);
	uint32_t shard = o.shard_count ? o.shard_index : 1;
	eg_partial_info info = {.window = o.window, .window_entities = o.budgets.window_entities,
				.evidence = (uint32_t)o.evidence, .shard_count = o.shard_count ? o.shard_count : 1, .shards = &shard, .shards_held = 1};
	memcpy(info.fingerprint, m.fingerprint, sizeof(info.fingerprint));
	eg_partial_dates(o.since, o.until, o.keep_undated, info.dates);

	eg_cache_key run_key;
	known_inputs known = {0};
	int keyed = 0;
	if (o.cache) {
		eg_cache_key fingerprint;
		memcpy(fingerprint.bytes, m.fingerprint, sizeof(fingerprint.bytes));
		/* The cache is only an optimisation: whatever is wrong with it,
		 * the run goes on and gives the same output without it. */
		cache = eg_cache_open(o.cache, &fingerprint, &err);
		if (!cache)
			eg_report("%s; going on without the cache", err.message);
		else
			keyed = know_inputs(&o, cache, &known);
		if (cache && !o.partial) {
			/* The picture of the cache's last graph of this view, unless
			 * --previous names one. */
			eg_view_key(&o, &view);
			picture = eg_xcalloc(1, sizeof(*picture));
			if (!o.previous_graph) {
				eg_previous *last = eg_xcalloc(1, sizeof(*last));
				if (eg_cache_picture_get(cache, view.data, last)) {
					o.previous_graph = last;
				} else {
					eg_previous_free(last);
					free(last);
				}
			}
		}
		if (keyed && !o.period) { /* the periods need the documents */
			run_key = counts_key(&m, &o, &known.stamp.content);
			if (write_saved_counts(&o, cache, &run_key, &outs, &info, (size_t)known.stamp.documents, start,
					       picture, &status))
				goto keep_picture;
		}
	}

	if (o.period) {
		o.periods = eg_xmalloc(sizeof(*o.periods));
		eg_periods_init(o.periods, (eg_period_kind)o.period, o.window, o.budgets.window_entities);
	}
	counts = eg_cooc_new(o.window);
	eg_cooc_set_window_entities(counts, o.budgets.window_entities);
	eg_cooc_set_evidence(counts, (uint32_t)o.evidence);
	eg_run_stats stats;
	counting counting = {&m, counts, &o, 0};
	eg_run_documents(&o, &m, cache, count_document, &counting, &stats);
	stats.skipped.limited += counting.limited;
	eg_cooc_compact(counts);
	if (o.progress && !o.quiet)
		eg_report("%zu documents", stats.documents);
	if (stats.outside && !o.quiet) {
		char n[32];
		eg_report("%s document%s outside %s..%s left out (%zu without a date%s)", eg_format_grouped(n, stats.outside),
			  stats.outside == 1 ? "" : "s", o.since ? o.since : "", o.until ? o.until : "", stats.undated,
			  stats.undated && !o.keep_undated ? "; --undated keep keeps those" : "");
	}
	if (cache && !o.quiet)
		eg_report("cache: %zu of %zu documents reused, %zu matched", stats.cached, stats.documents,
			  stats.matched);

	/* The names a short form may join travel with the counts (the cache's,
	 * a partial), where the dictionaries are not loaded. */
	eg_identity_list(counts, m.entities);
	int keep = keyed && !stats.skipped.inputs && !stats.skipped.records && !stats.skipped.limited &&
		   memcmp(stats.content.bytes, known.stamp.content.bytes, sizeof(known.stamp.content.bytes)) == 0;
	/* Kept before writing, which joins names in the counts. */
	eg_buf kept_error = {0};
	if (keep) {
		/* Keep the counts for a re-run that changes nothing, unless the
		 * inputs changed while this run read them, or something was
		 * skipped or cut: a re-run must report that again. */
		if (eg_cache_counts_put(cache, &run_key, counts, m.entities, &info, &err) < 0 ||
		    (known.stamped && eg_cache_stamp_put(cache, &known.files, &known.stamp, &err) < 0))
			eg_buf_adds(&kept_error, err.message);
	}
	eg_result_size size = {.picture = picture};
	status = eg_write_result(&o, &outs, counts, m.entities, &info, &size);
	if (status == EG_EXIT_OK)
		eg_report_summary(&o, stats.documents, &stats, 0, &size, eg_seconds() - start);
	if (status == EG_EXIT_OK && kept_error.len)
		eg_report("%s (the output is fine; the next run will not reuse it)", kept_error.data);
	eg_buf_free(&kept_error);
	if (status == EG_EXIT_OK)
		status = eg_report_skipped(&stats.skipped);
keep_picture:
	if (picture && picture->count && (status == EG_EXIT_OK || status == EG_EXIT_SKIPPED) &&
	    eg_cache_picture_put(cache, view.data, picture, &err) < 0)
		eg_report("%s (the output is fine; the next run starts its picture afresh)", err.message);
done:
	if (picture) {
		eg_previous_free(picture);
		free(picture);
	}
	eg_buf_free(&view);
	eg_outputs_free(&outs);
	if (cache) {
		size_t damaged = eg_cache_damaged(cache);
		if (damaged)
			eg_report("%s: %zu damaged row%s in the cache (checksum mismatch), not used; matched again what %s held",
				  o.cache, damaged, damaged == 1 ? "" : "s", damaged == 1 ? "it" : "they");
		eg_error close_err;
		if (eg_cache_close(cache, &close_err) < 0)
			eg_report("%s; the run went on without the cache", close_err.message);
	}
	eg_cooc_free(counts);
	eg_matcher_free(&m);
	eg_options_free(&o);
	return status;
}
