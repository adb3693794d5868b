/* The rules loader on any rules file, then a match over some text: input
 * is "RULES\0TEXT" (without a NUL, a fixed article).  A bad line or pattern
 * is refused with "NAME:LINE: ..."; a pattern that backtracks without end
 * hits the match limits and is reported, never run for ever; matches sit on
 * tokens and name entities with a valid type. */
#include "fuzz.h"
#include "match/entities.h"
#include "match/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *rules_text, *text_in;
	size_t rules_size, text_size;
	fuzz_split(data, size, &rules_text, &rules_size, &text_in, &text_size);
	char *text = fuzz_copy((const uint8_t *)text_in, text_size);

	eg_rules *rules = eg_rules_new();
	eg_error err;
	if (eg_rules_load_buffer(rules, "fuzz.rules", rules_text, rules_size, &err) < 0)
		FUZZ_CHECK(strncmp(err.message, "fuzz.rules:", 11) == 0);

	eg_entities *ents = eg_entities_new();
	eg_tokens tokens = {0};
	eg_tokenize(text, text_size, &tokens);
	eg_rules_scratch *scratch = eg_rules_scratch_new();
	eg_mentions found = {0};
	/* A small budget keeps a backtracking pattern from slowing the fuzzer. */
	if (eg_rules_match(rules, scratch, NULL, ents, text, text_size, &tokens, 10000000, &found, &err) != 0)
		FUZZ_CHECK(strncmp(err.message, "rule fuzz.rules:", 16) == 0);
	fuzz_check_mentions(text_size, &tokens, &found);
	for (size_t i = 0; i < found.n; i++) {
		FUZZ_CHECK(found.v[i].entity < eg_entities_count(ents));
		FUZZ_CHECK(found.v[i].source == EG_SOURCE_RULE);
		const char *type = eg_entity_type(ents, found.v[i].entity);
		FUZZ_CHECK(eg_type_name_valid(type, strlen(type)));
		FUZZ_CHECK(*eg_entity_label(ents, found.v[i].entity) != '\0');
	}

	eg_mentions_free(&found);
	eg_rules_scratch_free(scratch);
	eg_tokens_free(&tokens);
	eg_entities_free(ents);
	eg_rules_free(rules);
	free(text);
	return 0;
}
