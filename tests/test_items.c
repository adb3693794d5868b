/* eg_xml_items: the same bytes on any number of threads, over many blocks
 * and at their edges; write errors and misuse reported as by the serial
 * writer. */
#include "check.h"
#include "output/items.h"

#include <stdlib.h>

/* An item: an element with an attribute to escape and a text child, the
 * value built in the thread's scratch as the graph writers do. */
static void item(eg_xml *x, size_t i, const void *context, eg_buf *scratch)
{
	const size_t *misuse_at = context;
	char id[32];
	snprintf(id, sizeof(id), "%zu", i);
	eg_buf_clear(scratch);
	eg_buf_printf(scratch, "<%zu & \"%zu\">", i, i * i);
	eg_xml_start(x, "item");
	eg_xml_attr(x, "id", id);
	eg_xml_attr(x, "value", scratch->data);
	if (i % 3)
		eg_xml_element(x, "text", scratch->data);
	eg_xml_end(x);
	if (misuse_at && i == *misuse_at)
		eg_xml_end(x); /* one end too many: not the fragment's to end */
}

/* The document <a><b>items</b></a> written to fp; eg_xml_close's result. */
static int write_doc(FILE *fp, size_t count, unsigned threads, const size_t *misuse_at, eg_error *err)
{
	eg_xml x;
	eg_xml_open(&x, fp, err);
	eg_xml_start(&x, "a");
	eg_xml_start(&x, "b");
	eg_xml_attr(&x, "n", "1");
	eg_xml_items(&x, count, item, misuse_at, threads);
	eg_xml_end(&x);
	eg_xml_element(&x, "c", "after");
	return eg_xml_close(&x, "test", err);
}

static char *doc(size_t count, unsigned threads, size_t *length)
{
	char *text = NULL;
	FILE *fp = open_memstream(&text, length);
	eg_error err;
	CHECK_INT(write_doc(fp, count, threads, NULL, &err), 0);
	fclose(fp);
	return text;
}

static void test_same_bytes(void)
{
	const size_t counts[] = {0, 1, EG_XML_ITEMS_BLOCK - 1, EG_XML_ITEMS_BLOCK, EG_XML_ITEMS_BLOCK + 1,
				 20 * EG_XML_ITEMS_BLOCK + 7};
	const unsigned threads[] = {2, 3, 8};
	for (size_t c = 0; c < sizeof(counts) / sizeof(counts[0]); c++) {
		size_t n1;
		char *one = doc(counts[c], 1, &n1);
		for (size_t t = 0; t < sizeof(threads) / sizeof(threads[0]); t++) {
			size_t n;
			char *many = doc(counts[c], threads[t], &n);
			CHECK(n == n1 && memcmp(one, many, n) == 0);
			free(many);
		}
		free(one);
	}
	size_t n;
	char *empty = doc(0, 4, &n);
	CHECK_STR(empty, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>\n  <b n=\"1\"/>\n  <c>after</c>\n</a>\n");
	free(empty);
	char *two = doc(2, 4, &n);
	CHECK_STR(two, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>\n  <b n=\"1\">\n"
		       "    <item id=\"0\" value=\"&lt;0 &amp; &quot;0&quot;&gt;\"/>\n"
		       "    <item id=\"1\" value=\"&lt;1 &amp; &quot;1&quot;&gt;\">\n"
		       "      <text>&lt;1 &amp; &quot;1&quot;&gt;</text>\n    </item>\n  </b>\n  <c>after</c>\n</a>\n");
	free(two);
}

/* A full disk: the first write error, as without threads. */
static void test_write_error(void)
{
	for (unsigned threads = 1; threads <= 3; threads += 2) {
		FILE *fp = fopen("/dev/full", "w");
		if (!fp) {
			printf("SKIP: no /dev/full\n");
			return;
		}
		eg_error err;
		CHECK_INT(write_doc(fp, 50 * EG_XML_ITEMS_BLOCK, threads, NULL, &err), -1);
		CHECK_STR(err.message, "cannot write the test: No space left on device");
		fclose(fp);
	}
}

/* An item that ends more than it started is misuse in either path. */
static void test_misuse(void)
{
	const size_t at = 3 * EG_XML_ITEMS_BLOCK + 5;
	for (unsigned threads = 1; threads <= 3; threads += 2) {
		char *text = NULL;
		size_t n;
		FILE *fp = open_memstream(&text, &n);
		eg_error err;
		CHECK_INT(write_doc(fp, 6 * EG_XML_ITEMS_BLOCK, threads, &at, &err), -1);
		CHECK_STR(err.message, "cannot write the test: elements nested too deep or ended twice");
		fclose(fp);
		free(text);
	}
}

int main(void)
{
	test_same_bytes();
	test_write_error();
	test_misuse();
	return check_result("items");
}
