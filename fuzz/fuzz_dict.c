/* The dictionary loader on any TSV, then a match over some text: input is
 * "TSV\0TEXT" (without a NUL, a fixed article).  A bad line must be
 * refused with "NAME:LINE: ..." and leave the dictionary usable; matches
 * must sit on tokens and name entities of the table. */
#include "fuzz.h"
#include "match/dict.h"
#include "match/entities.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *tsv, *text_in;
	size_t tsv_size, text_size;
	fuzz_split(data, size, &tsv, &tsv_size, &text_in, &text_size);
	char *text = fuzz_copy((const uint8_t *)text_in, text_size);

	eg_entities *ents = eg_entities_new();
	eg_dict *dict = eg_dict_new(ents);
	eg_error err;
	if (eg_dict_load_buffer(dict, "fuzz.tsv", tsv, tsv_size, &err) < 0) {
		FUZZ_CHECK(strncmp(err.message, "fuzz.tsv:", 9) == 0);
		FUZZ_CHECK(memchr(err.message, '\0', sizeof(err.message)) != NULL);
	}
	for (size_t i = 0; i < eg_dict_conflict_count(dict); i++)
		FUZZ_CHECK(strncmp(eg_dict_conflict(dict, i), "fuzz.tsv:", 9) == 0);

	eg_tokens tokens = {0};
	eg_tokenize(text, text_size, &tokens);
	eg_dict_scratch *scratch = eg_dict_scratch_new();
	eg_mentions found = {0}, cues = {0};
	eg_dict_match(dict, scratch, text, &tokens, &found, &cues);
	fuzz_check_mentions(text_size, &tokens, &found);
	fuzz_check_mentions(text_size, &tokens, &cues);
	size_t entities = eg_entities_count(ents);
	for (size_t i = 0; i < found.n; i++) {
		FUZZ_CHECK(found.v[i].entity < entities);
		FUZZ_CHECK(found.v[i].source == EG_SOURCE_DICT);
		const char *id = eg_entity_id(ents, found.v[i].entity);
		for (const char *p = id; *p; p++) /* an XML NMTOKEN of ASCII */
			FUZZ_CHECK((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' ||
				   *p == '-');
	}

	eg_mentions_free(&found);
	eg_mentions_free(&cues);
	eg_dict_scratch_free(scratch);
	eg_tokens_free(&tokens);
	eg_dict_free(dict);
	eg_entities_free(ents);
	free(text);
	return 0;
}
