/* The whole matching pipeline (tokenizer, shipped dictionaries and rules,
 * person cues, overlaps, aliases) and co-occurrence counting on any text:
 * mentions sit on tokens, sorted and not overlapping (resolve.h), located
 * in their sentence, and every counted pair is ordered; relations join two
 * different mentions of one sentence, their bytes within it.  The shipped
 * dictionaries load once, at start-up. */
#include "fuzz.h"
#include "graph/cooc.h"
#include "match/pipeline.h"
#include "match/relations.h"

#include <dirent.h>

static eg_matcher matcher;
static eg_match_state state;

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Sorted order does not matter to the invariants, only to conflicts. */
static void load_shipped(const char *dir)
{
	DIR *d = opendir(dir);
	FUZZ_CHECK(d != NULL);
	struct dirent *e;
	char path[4096];
	eg_error err;
	while ((e = readdir(d)) != NULL) {
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		int rc = 0;
		if (ends_with(e->d_name, ".tsv"))
			rc = eg_dict_load_file(matcher.dict, path, &err);
		else if (ends_with(e->d_name, ".rules"))
			rc = eg_rules_load_file(matcher.rules, path, &err);
		else if (ends_with(e->d_name, ".words"))
			rc = eg_words_load_file(matcher.common, path, &err);
		if (rc < 0) {
			fprintf(stderr, "%s\n", err.message);
			abort();
		}
	}
	closedir(d);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	eg_matcher_init(&matcher);
	const char *dir = getenv("ENTGRAPH_DATADIR");
	load_shipped(dir ? dir : EG_SOURCE_DATADIR);
	eg_matcher_freeze(&matcher);
	eg_match_state_init(&state);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_copy(data, size);
	eg_entities *found = eg_entities_extend(matcher.loaded);
	eg_tokens tokens = {0};
	eg_mentions mentions = {0};
	eg_error err;
	if (eg_match_document(&matcher, &state, found, text, size, &tokens, &mentions, &err) != 0)
		FUZZ_CHECK(strncmp(err.message, "rule ", 5) == 0);
	fuzz_check_tokens(text, size, &tokens);
	fuzz_check_mentions(size, &tokens, &mentions);
	for (size_t i = 0; i < mentions.n; i++) {
		const eg_mention *m = &mentions.v[i];
		FUZZ_CHECK(m->entity < eg_entities_count(found));
		FUZZ_CHECK(i == 0 || m->start >= mentions.v[i - 1].end);
		FUZZ_CHECK(m->sentence == tokens.v[m->tok_start].sentence);
		FUZZ_CHECK(m->sentence_start <= m->start && m->sentence_end <= size);
	}

	eg_relations relations = {0};
	eg_relations_find(text, &tokens, mentions.v, mentions.n, found, &relations);
	for (size_t i = 0; i < relations.n; i++) {
		const eg_relation *r = &relations.v[i];
		FUZZ_CHECK(r->subject < mentions.n && r->object < mentions.n && r->subject != r->object);
		FUZZ_CHECK(mentions.v[r->subject].sentence == mentions.v[r->object].sentence);
		FUZZ_CHECK(r->sentence_start <= r->start && r->start < r->end && r->end <= r->sentence_end);
		FUZZ_CHECK(r->predicate[0] && strlen(r->predicate) < EG_PREDICATE_MAX);
	}
	eg_relations_free(&relations);

	eg_document doc = {.id = "fuzz", .text = text, .length = size, .date = "2025-08-06"};
	static const eg_window windows[] = {{EG_WINDOW_SENTENCE, 0}, {EG_WINDOW_TOKENS, 3}};
	for (size_t w = 0; w < sizeof(windows) / sizeof(windows[0]); w++) {
		eg_cooc *counts = eg_cooc_new(windows[w]);
		eg_cooc_add_document(counts, &doc, mentions.v, mentions.n);
		size_t n;
		eg_pair_counts *pairs = eg_cooc_pairs(counts, &n);
		for (size_t i = 0; i < n; i++) {
			FUZZ_CHECK(pairs[i].a < pairs[i].b && pairs[i].weight >= 1 && pairs[i].documents == 1);
			FUZZ_CHECK(pairs[i].b < eg_cooc_entity_limit(counts));
		}
		free(pairs);
		eg_cooc_free(counts);
	}

	eg_mentions_free(&mentions);
	eg_tokens_free(&tokens);
	eg_entities_free(found);
	free(text);
	return 0;
}
