#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: entgraph merge [OPTIONS] PART...\n"
	"\n"
	"Merges partial results (written by 'extract --shard I/N --partial FILE')\n"
	"into the graph one extract over all the inputs would give, byte for byte.\n"
	"The partials must come from the same dictionaries, rules and window, and\n"
	"between them hold every shard exactly once; with --partial they may hold\n"
	"any shards, and the result is a partial again (merges can form a tree).\n"
	"Each PART is a file (not standard input).\n"
	"\n"
	"  -o, --output FILE        write the graph here (- is standard output)\n"
	"      --partial FILE       write the merged partial result here instead\n"
	"  -f, --format FORMAT      graphml (the default), gexf, csv, json, svg, html\n"
	"                           or ftm\n"
	"      --evidence N         keep per link its first N evidence documents, at\n"
	"                           most what the partials kept (the default)\n"
	"      --min-weight N, --types LIST, --weight W, --min-documents N,\n"
	"      --backbone ALPHA, --top N, --largest-component, --keep-isolated,\n"
	"      --size-by METRIC, --previous FILE, --relations\n"
	"                           as for extract\n"
	"      --progress, --quiet  force the summary lines on stderr (elsewhere than\n"
	"                           on a terminal one line ends the run) / print\n"
	"                           errors only\n"
	"  -h, --help               show this help\n"
	"\n"
	"Exit status: 0 success, 2 usage error or partials that do not fit\n"
	"together, 3 the output could not be written.\n";

/* Checks that part fits the partials read before it (summarised in all);
 * reports and returns -1 when not. */
static int fits(const char *first, eg_partial_info *all, const char *path, const eg_partial_info *part,
		uint8_t *held)
{
	if (memcmp(part->fingerprint, all->fingerprint, sizeof(all->fingerprint)) != 0) {
		eg_report("%s: made with other dictionaries, rules or word lists than %s", path, first);
		return -1;
	}
	if (part->window.kind != all->window.kind || part->window.tokens != all->window.tokens) {
		char a[32], b[32];
		eg_report("%s: counted with window %s, %s with window %s", path, eg_window_name(part->window, a, sizeof(a)),
			  first, eg_window_name(all->window, b, sizeof(b)));
		return -1;
	}
	if (part->evidence != all->evidence) {
		eg_report("%s: counted with --evidence %u, %s with %u", path, part->evidence, first, all->evidence);
		return -1;
	}
	if (part->window_entities != all->window_entities) {
		eg_report("%s: counted with --max-window-entities %u, %s with %u", path, part->window_entities, first,
			  all->window_entities);
		return -1;
	}
	if (strcmp(part->dates, all->dates) != 0) {
		eg_report("%s: kept the documents of %s, %s those of %s (--since, --until, --undated)", path,
			  *part->dates ? part->dates : "every date", first, *all->dates ? all->dates : "every date");
		return -1;
	}
	if (part->shard_count != all->shard_count) {
		eg_report("%s: holds shards of %u, %s shards of %u", path, part->shard_count, first, all->shard_count);
		return -1;
	}
	for (uint32_t i = 0; i < part->shards_held; i++) {
		uint32_t s = part->shards[i];
		if (held[s - 1]) {
			eg_report("%s: shard %u/%u is merged twice (an earlier partial holds it too)", path, s,
				  part->shard_count);
			return -1;
		}
		held[s - 1] = 1;
	}
	return 0;
}

int eg_cmd_merge(int argc, char **argv)
{
	eg_options o = {.command = "merge"};
	int status = EG_EXIT_USAGE;
	double start = eg_seconds();
	eg_entities *none = eg_entities_new();
	eg_entities *ents = eg_entities_extend(none);
	eg_cooc *counts = NULL;
	eg_partial_info all = {0};
	uint8_t *held = NULL;
	uint32_t *shards = NULL;
	eg_outputs outs = {0};

	if (eg_options_parse(&o, argc, argv, EG_OPT_OUTPUT | EG_OPT_GRAPH | EG_OPT_PARTS, usage, &status) < 0)
		goto done;
	o.jobs = 1; /* merge takes no -j: its output is written on this thread */
	if (o.input_count == 0) {
		eg_report("merge: no partial results given (see 'entgraph merge --help')");
		goto done;
	}
	for (size_t i = 0; i < o.input_count; i++) {
		if (strcmp(o.inputs[i], "-") == 0) {
			/* The first partial is read twice, and none is read whole
			 * until its first bytes say it is one: both need a file. */
			eg_report("merge: partial results are files; standard input (-) cannot be one (save it to a file first)");
			goto done;
		}
	}
	eg_error err;
	for (size_t i = 0; i < o.input_count; i++) {
		eg_partial_info part;
		if (!counts) {
			/* The first partial decides the window the rest must share. */
			eg_cooc *probe = eg_cooc_new((eg_window){EG_WINDOW_SENTENCE, 0});
			eg_entities *scratch = eg_entities_extend(none);
			int rc = eg_partial_read(o.inputs[i], probe, scratch, &part, &err);
			eg_cooc_free(probe);
			eg_entities_free(scratch);
			if (rc < 0) {
				eg_report("%s", err.message);
				goto done;
			}
			all = part;
			all.shards = NULL;
			held = eg_xcalloc(all.shard_count, 1);
			eg_partial_info_free(&part);
			if (o.evidence > (int)all.evidence) {
				eg_report("%s: counted with --evidence %u; merge can keep fewer evidence documents, not "
					  "more (--evidence %d)",
					  o.inputs[i], all.evidence, o.evidence);
				goto done;
			}
			counts = eg_cooc_new(all.window);
			eg_cooc_set_evidence(counts, o.evidence < 0 ? all.evidence : (uint32_t)o.evidence);
		}
		if (eg_partial_read(o.inputs[i], counts, ents, &part, &err) < 0) {
			eg_report("%s", err.message);
			goto done;
		}
		int rc = fits(o.inputs[0], &all, o.inputs[i], &part, held);
		eg_partial_info_free(&part);
		if (rc < 0)
			goto done;
	}
	uint32_t n = 0;
	shards = eg_xmalloc(all.shard_count * sizeof(*shards));
	for (uint32_t s = 1; s <= all.shard_count; s++)
		if (held[s - 1])
			shards[n++] = s;
	if (!o.partial && n < all.shard_count) {
		eg_buf missing = {0};
		for (uint32_t s = 1, shown = 0; s <= all.shard_count; s++) {
			if (held[s - 1])
				continue;
			if (++shown > 10) {
				eg_buf_adds(&missing, ", ...");
				break;
			}
			eg_buf_printf(&missing, "%s%u/%u", shown > 1 ? ", " : "", s, all.shard_count);
		}
		eg_report("missing shard%s %s: no partial given holds %s (merge them with --partial to combine "
			  "some shards only)",
			  all.shard_count - n == 1 ? "" : "s", missing.data, all.shard_count - n == 1 ? "it" : "them");
		eg_buf_free(&missing);
		goto done;
	}
	all.shards = shards;
	all.shards_held = n;
	all.documents = eg_cooc_documents(counts);
	all.evidence = eg_cooc_evidence_max(counts);
	eg_cooc_compact(counts);
	if (eg_types_check(&o, ents, NULL, &status) < 0 || eg_previous_load(&o, &status) < 0)
		goto done;

	status = eg_outputs_open(&o, &outs);
	if (status != EG_EXIT_OK)
		goto done;
	if (o.progress && !o.quiet)
		eg_report("%zu partial%s, %u of %u shards, %llu documents", o.input_count, o.input_count == 1 ? "" : "s",
			  n, all.shard_count, (unsigned long long)all.documents);
	eg_result_size size = {0};
	status = eg_write_result(&o, &outs, counts, ents, &all, &size);
	if (status == EG_EXIT_OK)
		eg_report_summary(&o, (size_t)all.documents, NULL, o.input_count, &size, eg_seconds() - start);
done:
	eg_outputs_free(&outs);
	free(shards);
	free(held);
	eg_cooc_free(counts);
	eg_entities_free(ents);
	eg_entities_free(none);
	eg_options_free(&o);
	return status;
}
