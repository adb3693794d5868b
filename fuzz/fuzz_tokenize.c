/* The tokenizer on any bytes: the invariants of tokenize.h hold, a second
 * run over reused storage gives the same tokens, and the normal forms and
 * labels built from tokens never read outside them. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_copy(data, size);
	eg_tokens tokens = {0};
	eg_tokenize(text, size, &tokens);
	fuzz_check_tokens(text, size, &tokens);

	eg_tokens again = {0};
	eg_tokenize("x y z", 5, &again); /* storage reused from a different text */
	eg_tokenize(text, size, &again);
	FUZZ_CHECK(again.n == tokens.n && again.sentences == tokens.sentences &&
		   again.paragraphs == tokens.paragraphs);
	if (tokens.n)
		FUZZ_CHECK(memcmp(again.v, tokens.v, tokens.n * sizeof(*tokens.v)) == 0);

	eg_buf buf = {0};
	for (size_t i = 0; i < tokens.n; i++) {
		const eg_token *t = &tokens.v[i];
		eg_norm_fold(text + t->start, t->end - t->start, &buf);
		eg_norm_exact(text + t->start, t->end - t->start, &buf);
		FUZZ_CHECK(buf.len <= t->end - t->start);
	}
	if (tokens.n) {
		eg_tokens_text(text, &tokens, 0, tokens.n < 8 ? tokens.n : 8, &buf);
		FUZZ_CHECK(buf.data[buf.len] == '\0');
	}
	eg_buf_free(&buf);
	eg_tokens_free(&again);
	eg_tokens_free(&tokens);
	free(text);
	return 0;
}
