/* The HTML page reader on any bytes, and the same bytes as an HTML
 * fragment (what feeds hand it). */
#include "reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = fuzz_copy(data, size);
	eg_document doc = {0};
	eg_error err;
	if (eg_html_read(FUZZ_PATH, copy, size, &doc, &err) == 0) {
		doc.id = eg_xstrdup(FUZZ_PATH);
		fuzz_check_document(&doc);
	} else {
		FUZZ_CHECK(strncmp(err.message, FUZZ_PATH, strlen(FUZZ_PATH)) == 0);
	}
	eg_document_free(&doc);

	eg_buf text = {0};
	eg_html_fragment_text(copy, size, &text);
	if (text.data)
		FUZZ_CHECK(text.data[text.len] == '\0');
	eg_buf_free(&text);
	free(copy);
	return 0;
}
