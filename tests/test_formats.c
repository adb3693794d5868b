/* Readers: the JSON parser, dates, JSONL, HTML, RSS and Atom feeds, gzip and
 * format detection, on the files in tests/data/formats/ and on small cases
 * written here. */
#include "check.h"
#include "input/input.h"
#include "input/json.h"
#include "input/reader.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define FORMATS EG_TEST_SRCDIR "/data/formats/"

/* Everything one input yields: documents and error messages in order. */
typedef struct result {
	eg_document docs[16];
	size_t count;
	char errors[8][1024];
	int codes[8];
	size_t error_count;
} result;

static void read_all(const char *path, eg_input_format format, result *r)
{
	memset(r, 0, sizeof(*r));
	const char *paths[] = {path};
	eg_input *in = eg_input_new(paths, 1, format);
	eg_document doc;
	eg_error err;
	int rc;
	while ((rc = eg_input_next(in, &doc, &err)) != 0) {
		if (rc < 0) {
			CHECK(r->error_count < 8);
			if (r->error_count < 8) {
				r->codes[r->error_count] = rc;
				snprintf(r->errors[r->error_count++], sizeof(r->errors[0]), "%s", err.message);
			}
			continue;
		}
		CHECK(doc.text[doc.length] == '\0');
		CHECK(r->count < 16);
		if (r->count < 16)
			r->docs[r->count++] = doc;
		else
			eg_document_free(&doc);
	}
	eg_input_free(in);
}

static void free_all(result *r)
{
	for (size_t i = 0; i < r->count; i++)
		eg_document_free(&r->docs[i]);
}

static int has_text(const eg_document *doc, const char *s)
{
	return strstr(doc->text, s) != NULL;
}

static char dir[] = "/tmp/entgraph-formats-XXXXXX";

/* Writes n bytes to a file in the scratch directory; returns its path. */
static const char *put(const char *name, const char *data, size_t n)
{
	static char path[8][512];
	static int next;
	char *p = path[next++ % 8];
	snprintf(p, 512, "%s/%s", dir, name);
	FILE *fp = fopen(p, "wb");
	CHECK(fp != NULL);
	if (fp) {
		fwrite(data, 1, n, fp);
		fclose(fp);
	}
	return p;
}

/* The error message of parsing text, with its column, or "ok". */
static const char *json_error(const char *text)
{
	static char out[1200];
	eg_json v;
	size_t column;
	eg_error err;
	if (eg_json_parse(text, strlen(text), &v, &column, &err) == 0) {
		eg_json_free(&v);
		return "ok";
	}
	snprintf(out, sizeof(out), "%s (column %zu)", err.message, column);
	return out;
}

static void test_json(void)
{
	eg_json v;
	size_t column;
	eg_error err;
	const char *text = " {\"a\": [1, -2.5e3, 0.25, true, false, null, {}], \"s\": \"q\\\"\\\\\\/\\b\\f\\n\\r\\t"
			   "\\u00e9\\u2019\\ud83d\\udce1\\u0000x\", \"a\": \"last\"} ";
	CHECK_INT(eg_json_parse(text, strlen(text), &v, &column, &err), 0);
	CHECK_INT(v.type, EG_JSON_OBJECT);
	CHECK_INT(v.count, 3);
	const eg_json *s = eg_json_get(&v, "s");
	CHECK(s && s->type == EG_JSON_STRING);
	if (s) {
		CHECK_MEM(s->string, 18, "q\"\\/\b\f\n\r\t\xC3\xA9\xE2\x80\x99\xF0\x9F\x93\xA1");
		CHECK(s->length == 20 && s->string[18] == '\0' && s->string[19] == 'x' && s->string[20] == '\0');
	}
	const eg_json *a = eg_json_get(&v, "a");
	CHECK(a && a->type == EG_JSON_STRING && strcmp(a->string, "last") == 0);
	CHECK(v.items[0].type == EG_JSON_ARRAY && v.items[0].count == 7);
	if (v.items[0].count == 7) {
		CHECK_STR(v.items[0].items[1].string, "-2.5e3");
		CHECK(v.items[0].items[1].number == -2500.0);
		CHECK(v.items[0].items[6].type == EG_JSON_OBJECT && v.items[0].items[6].count == 0);
	}
	eg_json_free(&v);

	CHECK_STR(json_error("\"caf\xC3\xA9\""), "ok");
	CHECK_STR(json_error("{\"a\":1,}"), "expected a string key, found '}' (column 8)");
	CHECK_STR(json_error("{\"a\" 1}"), "expected ':' after an object key, found '1' (column 6)");
	CHECK_STR(json_error("[1 2]"), "expected ',' or ']' in an array, found '2' (column 4)");
	CHECK_STR(json_error("{'a':1}"), "expected a string key, found ''' (column 2)");
	CHECK_STR(json_error("[01]"), "invalid number: leading zero (column 2)");
	CHECK_STR(json_error("[1.]"), "invalid number: a digit must follow '.' (column 2)");
	CHECK_STR(json_error("[-]"), "invalid number: a digit must follow '-' (column 2)");
	CHECK_STR(json_error("[1e]"), "invalid number: a digit must follow the exponent (column 2)");
	CHECK_STR(json_error("[NaN]"), "expected a value, found 'N' (column 2)");
	CHECK_STR(json_error("[tru]"), "expected a value, found 't' (column 2)");
	CHECK_STR(json_error("\"a\\x\""), "invalid escape '\\x' in a string (column 3)");
	CHECK_STR(json_error("\"\\u12G4\""), "\\u must be followed by four hexadecimal digits (column 2)");
	CHECK_STR(json_error("\"\\ud83d\""), "unpaired surrogate \\uD83D (column 2)");
	CHECK_STR(json_error("\"\\ud83dx\\udce1\""), "unpaired surrogate \\uD83D (column 2)");
	CHECK_STR(json_error("\"\\udce1\""), "unpaired surrogate \\uDCE1 (column 2)");
	CHECK_STR(json_error("\"tab\there\""), "control character U+0009 in a string (write it as an escape) (column 5)");
	CHECK_STR(json_error("\"\xC3\x28\""), "invalid UTF-8 in a string (column 2)");
	CHECK_STR(json_error("\"\xED\xA0\x80\""), "invalid UTF-8 in a string (column 2)"); /* encoded surrogate */
	CHECK_STR(json_error("\"\xC0\xAF\""), "invalid UTF-8 in a string (column 2)");     /* overlong */
	CHECK_STR(json_error("\"open"), "unterminated string (column 6)");
	CHECK_STR(json_error("{} x"), "unexpected text after the value (column 4)");
	CHECK_STR(json_error(""), "expected a value, found the end of the text (column 1)");
	CHECK_STR(json_error("{\"a\":"), "expected a value, found the end of the text (column 6)");

	/* Deep nesting is refused, not a stack overflow. */
	eg_buf deep = {0};
	for (int i = 0; i < 100000; i++)
		eg_buf_addc(&deep, '[');
	CHECK_STR(json_error(deep.data), "nested deeper than 256 levels (column 257)");
	eg_buf_free(&deep);
}

static void check_date(const char *in, const char *want)
{
	char *got = eg_date_parse(in);
	check_count++;
	if (want ? !got || strcmp(got, want) != 0 : got != NULL) {
		check_failures++;
		fprintf(stderr, "date \"%s\" -> %s, want %s\n", in, got ? got : "NULL", want ? want : "NULL");
	}
	free(got);
}

static void test_dates(void)
{
	check_date("2025-08-06", "2025-08-06");
	check_date("2025-08-06T23:30:00-05:00", "2025-08-06");
	check_date("  2025-08-06 09:30", "2025-08-06");
	check_date("2025/08/06", "2025-08-06");
	check_date("2024-02-29T00:00:00Z", "2024-02-29");
	check_date("2025-02-29", NULL);
	check_date("1900-02-29", NULL);
	check_date("2000-02-29", "2000-02-29");
	check_date("2025-13-01", NULL);
	check_date("2025-00-10", NULL);
	check_date("2025-04-31", NULL);
	check_date("2025-8-6", NULL);
	check_date("20250806", NULL);
	check_date("2025-08-06x", NULL);
	check_date("Wed, 06 Aug 2025 10:00:00 +0300", "2025-08-06");
	check_date("Fri, 15 Aug 2025 23:30:00 -0500", "2025-08-15");
	check_date("6 Aug 2025 10:00 GMT", "2025-08-06");
	check_date("Thursday, 7 August 25 10:00:00 EST", "2025-08-07");
	check_date("06-Aug-2025", "2025-08-06");
	check_date("August 6, 2025", "2025-08-06");
	check_date("Sept. 25, 2025", "2025-09-25");
	check_date("Sep 31, 2025", NULL);
	check_date("Wed, 32 Aug 2025", NULL);
	check_date("yesterday", NULL);
	check_date("", NULL);
	check_date(NULL, NULL);

	char *d = eg_date_from_epoch(1758758400);
	CHECK_STR(d, "2025-09-25");
	free(d);
	CHECK(eg_date_from_epoch(1e300) == NULL);
	d = eg_date_from_name("corpus/2025-08-06-unit-8200-azure.txt");
	CHECK_STR(d, "2025-08-06");
	free(d);
	d = eg_date_from_name("2025-08-06.txt");
	CHECK_STR(d, "2025-08-06");
	free(d);
	CHECK(eg_date_from_name("corpus/2025-02-30-x.txt") == NULL);
	CHECK(eg_date_from_name("2025-08-061.txt") == NULL);
	CHECK(eg_date_from_name("2025-07-pegasus.txt") == NULL);
	CHECK(eg_date_from_name("2025-08-06/x.txt") == NULL);
}

static void test_jsonl(const char *path)
{
	result r;
	read_all(path, EG_FORMAT_AUTO, &r);
	CHECK_INT(r.count, 4);
	CHECK_INT(r.error_count, 2);
	if (r.error_count == 2) {
		char want[1200];
		snprintf(want, sizeof(want), "%s:4: unterminated string (column 78)", path);
		CHECK_STR(r.errors[0], want);
		snprintf(want, sizeof(want),
			 "%s:6: the record has neither a title nor a text (text, content, body, article or description)",
			 path);
		CHECK_STR(r.errors[1], want);
		CHECK_INT(r.codes[0], EG_INPUT_BAD_RECORD);
		CHECK_INT(r.codes[1], EG_INPUT_BAD_RECORD);
	}
	if (r.count != 4) {
		free_all(&r);
		return;
	}
	const eg_document *d = &r.docs[0];
	CHECK_STR(d->id, "guardian-2025-08-06-unit-8200");
	CHECK_STR(d->title, "Israeli military stored Palestinian calls on Microsoft\xE2\x80\x99s cloud");
	CHECK_MEM(d->text, d->length,
		  "Israeli military stored Palestinian calls on Microsoft\xE2\x80\x99s cloud\n\n"
		  "An investigation by The Guardian, +972 Magazine and Local Call found that Unit 8200 kept "
		  "intercepted calls on Azure.\n\nMicrosoft said it did not know what the data was.");
	CHECK_STR(d->date, "2025-08-06");
	CHECK_STR(d->url, "https://www.theguardian.com/world/2025/aug/06/unit-8200-azure");
	CHECK_STR(d->source, "The Guardian");

	d = &r.docs[1];
	char id[1200];
	snprintf(id, sizeof(id), "%s:3", path);
	CHECK_STR(d->id, id);
	CHECK_STR(d->title, "\"Everything is on the cloud\": Unit 8200 and Azure");
	CHECK_MEM(d->text, d->length,
		  "\"Everything is on the cloud\": Unit 8200 and Azure\n\n"
		  "Sources described a system built with Microsoft engineers \xF0\x9F\x93\xA1 that stored calls in the "
		  "Netherlands. Caf\xC3\xA9 talk \xC3\xA0 la \\\"Local Call\\\" / tab\there.");
	CHECK_STR(d->date, "2025-08-06");
	CHECK_STR(d->url, "https://www.972mag.com/unit-8200-azure/");
	CHECK_STR(d->source, "+972 Magazine");

	d = &r.docs[2];
	CHECK_STR(d->id, "title-only");
	CHECK_MEM(d->text, d->length, "Microsoft to review Unit 8200 contract");
	CHECK_STR(d->date, "2025-08-15");
	CHECK(d->url == NULL && d->source == NULL);

	d = &r.docs[3];
	CHECK_STR(d->id, "1234");
	CHECK_STR(d->title, "Azure and Unit 8200");
	CHECK_MEM(d->text, d->length,
		  "Azure and Unit 8200\n\nThe Guardian reported that Microsoft would disable some Azure services.");
	CHECK_STR(d->date, "2025-09-25");
	free_all(&r);
}

static void test_jsonl_small(void)
{
	/* BOM, CRLF, blank and white lines, a non-object, a last line without
	 * a newline, "article" and "description" fallbacks, wrong types ignored. */
	const char data[] = "\xEF\xBB\xBF{\"text\":\"one\",\"title\":7}\r\n"
			    "\r\n   \t\n"
			    "  [1,2]\n"
			    "{\"id\":\"d\",\"text\":null,\"article\":\"\",\"description\":\"three\",\"date\":\"2025-02-30\"}\n"
			    "{\"id\":\"e\",\"title\":\"  Spaced\\n title \",\"body\":\"Spaced title\\n\\nbody\"}";
	const char *path = put("small.ndjson", data, sizeof(data) - 1);
	result r;
	read_all(path, EG_FORMAT_AUTO, &r);
	CHECK_INT(r.count, 3);
	CHECK_INT(r.error_count, 1);
	char want[1200];
	snprintf(want, sizeof(want), "%s:4: a record must be a JSON object (column 3)", path);
	CHECK_STR(r.errors[0], want);
	if (r.count == 3) {
		snprintf(want, sizeof(want), "%s:1", path);
		CHECK_STR(r.docs[0].id, want);
		CHECK_MEM(r.docs[0].text, r.docs[0].length, "one");
		CHECK(r.docs[0].title == NULL);
		CHECK_STR(r.docs[1].id, "d");
		CHECK_MEM(r.docs[1].text, r.docs[1].length, "three");
		CHECK(r.docs[1].date == NULL);
		/* The title is cleaned; a body that already begins with it is
		 * not prefixed again. */
		CHECK_STR(r.docs[2].title, "Spaced title");
		CHECK_MEM(r.docs[2].text, r.docs[2].length, "Spaced title\n\nbody");
	}
	free_all(&r);
}

static void test_html(void)
{
	result r;
	read_all(FORMATS "news-page.html", EG_FORMAT_AUTO, &r);
	CHECK_INT(r.count, 1);
	CHECK_INT(r.error_count, 0);
	if (r.count == 1) {
		const eg_document *d = &r.docs[0];
		CHECK_STR(d->id, FORMATS "news-page.html");
		CHECK_STR(d->title, "Microsoft cuts off Unit 8200\xE2\x80\x99s access to Azure services");
		CHECK_STR(d->date, "2025-09-25");
		CHECK_STR(d->url, "https://example.com/world/2025/sep/25/microsoft-unit-8200");
		CHECK_STR(d->source, "Example Times");
		CHECK_MEM(d->text, d->length,
			  "Microsoft cuts off Unit 8200\xE2\x80\x99s access to Azure services\n\n"
			  "Microsoft has told Unit 8200 that it will disable some Azure cloud and AI services.\n\n"
			  "Brad Smith at a hearing.\n\n"
			  "The decision followed reporting by The Guardian, +972 Magazine and Local Call.\n\n"
			  "A review is continuing.\n\n"
			  "We are not in the business of facilitating mass surveillance.\n\n"
			  "First point\n\nSecond point\n\nAzure cloud");
		/* Scripts, styles, navigation, asides, forms, footers, hidden and
		 * teaser text are not the article. */
		CHECK(!has_text(d, "Google") && !has_text(d, "Palantir") && !has_text(d, "Amazon"));
		CHECK(!has_text(d, "cookies") && !has_text(d, "teaser") && !has_text(d, "World"));
	}
	free_all(&r);

	/* No <article>: <main>; no <main>: <body>; no og:title: <title>, then
	 * <h1>; dates from <time> and from the file name. */
	const char main_page[] = "<html><head><title> Main\n title </title></head><body><p>Outside</p>"
				 "<main><p>Inside <time datetime=\"2025-01-02\">2 Jan</time></p></main></body></html>";
	read_all(put("main.htm", main_page, sizeof(main_page) - 1), EG_FORMAT_AUTO, &r);
	CHECK_INT(r.count, 1);
	if (r.count == 1) {
		CHECK_MEM(r.docs[0].text, r.docs[0].length, "Main title\n\nInside 2 Jan");
		CHECK_STR(r.docs[0].date, "2025-01-02");
	}
	free_all(&r);
	const char body_page[] = "<!DOCTYPE html><h1>Heading</h1><div>One<div>Two</div></div>Caf&eacute; &amp; bar";
	read_all(put("2025-03-04-page.html", body_page, sizeof(body_page) - 1), EG_FORMAT_AUTO, &r);
	CHECK_INT(r.count, 1);
	if (r.count == 1) {
		CHECK_STR(r.docs[0].title, "Heading");
		CHECK_MEM(r.docs[0].text, r.docs[0].length, "Heading\n\nOne\n\nTwo\n\nCaf\xC3\xA9 & bar");
		CHECK_STR(r.docs[0].date, "2025-03-04");
	}
	free_all(&r);
	/* A declared charset is honoured. */
	const char latin1[] = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xE9</p></body></html>";
	read_all(put("latin1.html", latin1, sizeof(latin1) - 1), EG_FORMAT_AUTO, &r);
	if (r.count == 1)
		CHECK_MEM(r.docs[0].text, r.docs[0].length, "Caf\xC3\xA9");
	free_all(&r);
}

static void test_rss(const char *path)
{
	result r;
	read_all(path, EG_FORMAT_AUTO, &r);
	CHECK_INT(r.count, 3);
	CHECK_INT(r.error_count, 1);
	char want[1200];
	snprintf(want, sizeof(want), "%s: item 3: has neither a title nor a text", path);
	CHECK_STR(r.errors[0], want);
	CHECK_INT(r.codes[0], EG_INPUT_BAD_RECORD);
	if (r.count != 3) {
		free_all(&r);
		return;
	}
	const eg_document *d = &r.docs[0];
	CHECK_STR(d->id, "wire-2025-0815-001");
	CHECK_STR(d->title, "Microsoft opens review of Unit 8200 Azure use");
	CHECK_STR(d->date, "2025-08-15"); /* as written, not moved to UTC */
	CHECK_STR(d->url, "https://wire.example.org/2025/08/microsoft-review");
	CHECK_STR(d->source, "Example Wire \xE2\x80\x93 Technology");
	CHECK_MEM(d->text, d->length,
		  "Microsoft opens review of Unit 8200 Azure use\n\n"
		  "Microsoft said it had hired a law firm to review how Unit 8200 used Azure.\n\n"
		  "The Guardian first reported the arrangement.");
	d = &r.docs[1];
	CHECK_STR(d->id, "https://wire.example.org/2025/08/sources"); /* no guid: the link */
	CHECK_STR(d->date, "2025-08-07");
	CHECK_MEM(d->text, d->length,
		  "Local Call & +972 Magazine: the sources\n\n"
		  "Reporters at Local Call spoke to Unit 8200 veterans.\n\nAT&T was not involved.");
	d = &r.docs[2];
	snprintf(want, sizeof(want), "%s#4", path);
	CHECK_STR(d->id, want);
	CHECK(d->date == NULL && d->url == NULL);
	CHECK_MEM(d->text, d->length, "Azure in the Netherlands\n\nData was held in the Netherlands & Ireland.");
	free_all(&r);
}

static void test_feeds(void)
{
	test_rss(FORMATS "feed.rss");
	test_rss(FORMATS "feed.rss.gz");

	result r;
	read_all(FORMATS "feed.atom", EG_FORMAT_AUTO, &r);
	CHECK_INT(r.count, 3);
	CHECK_INT(r.error_count, 0);
	if (r.count == 3) {
		const eg_document *d = &r.docs[0];
		CHECK_STR(d->id, "tag:atom.example.net,2025:cut-off");
		CHECK_STR(d->title, "Microsoft & Unit 8200");
		CHECK_STR(d->date, "2025-09-25"); /* published before updated */
		CHECK_STR(d->url, "https://atom.example.net/2025/09/25/cut-off"); /* rel="alternate", not "edit" */
		CHECK_STR(d->source, "Example Atom Desk");
		CHECK_MEM(d->text, d->length, "Microsoft & Unit 8200\n\nMicrosoft ceased some Azure services.");
		d = &r.docs[1];
		CHECK_STR(d->date, "2025-09-20");
		CHECK_STR(d->url, "https://atom.example.net/2025/09/palantir");
		CHECK_MEM(d->text, d->length,
			  "Palantir and the Israeli military\n\nPalantir signed a deal.\n\n"
			  "Amazon and Google run Project Nimbus.");
		d = &r.docs[2];
		CHECK_STR(d->id, FORMATS "feed.atom#3");
		CHECK(d->date == NULL); /* month 13 */
		CHECK_MEM(d->text, d->length, "Plain summary\n\nAmnesty International criticised <Microsoft>.");
	}
	free_all(&r);

	/* Hostile feeds: no entity is expanded, no file or URL is read; the
	 * text around the references is (XML_PARSE_HUGE lifts libxml2's
	 * amplification check, which refused the feed, but nothing expands). */
	read_all(FORMATS "billion-laughs.rss", EG_FORMAT_AUTO, &r);
	CHECK_INT(r.count, 1);
	CHECK_INT(r.error_count, 0);
	if (r.count == 1)
		CHECK_MEM(r.docs[0].text, r.docs[0].length, "Microsoft\n\nAzure");
	free_all(&r);
	read_all(FORMATS "external-entity.rss", EG_FORMAT_AUTO, &r);
	CHECK_INT(r.count, 1);
	CHECK_INT(r.error_count, 0);
	if (r.count == 1) {
		CHECK_MEM(r.docs[0].text, r.docs[0].length, "Microsoft and Azure\n\nStart end.");
		CHECK(!has_text(&r.docs[0], "root:"));
	}
	free_all(&r);

	read_all(FORMATS "broken.rss", EG_FORMAT_AUTO, &r);
	CHECK_INT(r.count, 0);
	CHECK_INT(r.error_count, 1);
	CHECK_STR(r.errors[0], FORMATS "broken.rss:6: Opening and ending tag mismatch: title line 6 and item");
	free_all(&r);

	const char not_feed[] = "<?xml version=\"1.0\"?><catalog><item/></catalog>";
	const char *path = put("catalog.xml", not_feed, sizeof(not_feed) - 1);
	read_all(path, EG_FORMAT_AUTO, &r);
	char want[1200];
	snprintf(want, sizeof(want), "%s: not an RSS or Atom feed (the root element is <catalog>)", path);
	CHECK_INT(r.error_count, 1);
	CHECK_STR(r.errors[0], want);
	free_all(&r);
}

static void test_gzip(void)
{
	test_jsonl(FORMATS "articles.jsonl.gz");

	result r;
	read_all(FORMATS "2025-08-06-note.txt.gz", EG_FORMAT_AUTO, &r);
	CHECK_INT(r.count, 1);
	if (r.count == 1) {
		CHECK_MEM(r.docs[0].text, r.docs[0].length, "Unit 8200 moved its archive to Azure, Microsoft said.\n");
		CHECK_STR(r.docs[0].date, "2025-08-06");
		CHECK(r.docs[0].title == NULL);
	}
	free_all(&r);

	size_t n;
	char *gz = eg_read_file(FORMATS "articles.jsonl.gz", &n, NULL);
	CHECK(gz != NULL);
	if (!gz)
		return;
	eg_error err;
	size_t plain_length;
	char *plain = eg_read_file(FORMATS "articles.jsonl", &plain_length, NULL);
	/* Two members, as cat a.gz b.gz writes, then NUL padding: one stream,
	 * as gzip -dc reads it. */
	char *twice = eg_xcalloc(2 * n + 5000, 1);
	memcpy(twice, gz, n);
	memcpy(twice + n, gz, n);
	eg_stream *src = eg_stream_open(put("twice.gz", twice, 2 * n + 5000), 1 << 20, &err);
	CHECK(src != NULL);
	eg_buf out = {0};
	if (src) {
		CHECK(eg_stream_fill(src, &out, 1 << 20) == 2 * plain_length);
		CHECK(out.len == 2 * plain_length && memcmp(out.data, plain, plain_length) == 0 &&
		      memcmp(out.data + plain_length, plain, plain_length) == 0);
		CHECK(eg_stream_ended(src) && !eg_stream_failed(src, &err) && !eg_stream_limited(src, &err));
		eg_stream_close(src);
	}
	/* Garbage after the padding is reported, the data before it kept. */
	twice[2 * n + 4000] = 'x';
	src = eg_stream_open(put("garbage.gz", twice, 2 * n + 5000), 1 << 20, &err);
	out.len = 0;
	if (src) {
		CHECK(eg_stream_fill(src, &out, 1 << 20) == 2 * plain_length);
		CHECK(!eg_stream_failed(src, &err));
		CHECK_INT(eg_stream_report(src, &err), EG_INPUT_BAD_INPUT);
		CHECK(strstr(err.message, "garbage.gz: trailing garbage after the gzip data") != NULL);
		eg_stream_close(src);
	}
	free(twice);

	/* The budget cuts the inflated bytes, and says so once. */
	const char *whole = put("whole.gz", gz, n);
	src = eg_stream_open(whole, 100, &err);
	out.len = 0;
	if (src) {
		CHECK(eg_stream_fill(src, &out, 1 << 20) == 100);
		CHECK(eg_stream_ended(src) && eg_stream_limited(src, &err));
		CHECK(strstr(err.message, "whole.gz: stopped after 100 bytes (--max-input-bytes 100); the rest is not read") !=
		      NULL);
		eg_stream_close(src);
	}
	/* Exactly at the budget is not cut. */
	src = eg_stream_open(whole, plain_length, &err);
	out.len = 0;
	if (src) {
		CHECK(eg_stream_fill(src, &out, 1 << 20) == plain_length);
		CHECK(eg_stream_ended(src) && !eg_stream_limited(src, &err));
		eg_stream_close(src);
	}
	src = eg_stream_open(put("half.gz", gz, n / 2), 1 << 20, &err);
	out.len = 0;
	if (src) {
		eg_stream_fill(src, &out, 1 << 20);
		CHECK(eg_stream_failed(src, &err));
		CHECK(strstr(err.message, "half.gz: truncated gzip data") != NULL);
		eg_stream_close(src);
	}
	eg_buf_free(&out);
	gz[n / 2] ^= 0x55;
	gz[n / 2 + 1] ^= 0x55;
	const char *bad = put("bad.jsonl.gz", gz, n);
	read_all(bad, EG_FORMAT_AUTO, &r);
	CHECK_INT(r.count, 0);
	CHECK_INT(r.error_count, 1);
	CHECK_INT(r.codes[0], EG_INPUT_BAD_INPUT);
	CHECK(strncmp(r.errors[0], bad, strlen(bad)) == 0);
	free_all(&r);
	free(gz);
	free(plain);
}

/* What format a file of this name and content is read as, told by what it
 * yields. */
static const char *detected(const char *name, const char *data, eg_input_format format)
{
	static char out[256];
	result r;
	read_all(put(name, data, strlen(data)), format, &r);
	if (r.error_count)
		snprintf(out, sizeof(out), "error");
	else if (r.count != 1)
		snprintf(out, sizeof(out), "%zu documents", r.count);
	else
		snprintf(out, sizeof(out), "%.*s", (int)r.docs[0].length, r.docs[0].text);
	free_all(&r);
	return out;
}

static void test_detection(void)
{
	const char *rss = "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE rss [ <!ENTITY x \"y\"> ]>\n"
			  "<rss><channel><item><title>T</title></item></channel></rss>";
	CHECK_STR(detected("feed", rss, EG_FORMAT_AUTO), "T");
	CHECK_STR(detected("feed.dat", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>A</title></entry></feed>",
			   EG_FORMAT_AUTO),
		  "A");
	CHECK_STR(detected("comment-first", "\n <!-- c --> <rss><channel><item><title>C</title></item></channel></rss>",
			   EG_FORMAT_AUTO),
		  "C");
	CHECK_STR(detected("page", "\n<!doctype HTML><p>P</p>", EG_FORMAT_AUTO), "P");
	CHECK_STR(detected("page2", "<html><p>Q</p></html>", EG_FORMAT_AUTO), "Q");
	CHECK_STR(detected("records", " {\"text\":\"J\"}\n", EG_FORMAT_AUTO), "J");
	CHECK_STR(detected("plain", "<feedback> is not a feed", EG_FORMAT_AUTO), "<feedback> is not a feed");
	CHECK_STR(detected("xml-other", "<?xml version=\"1.0\"?><doc/>", EG_FORMAT_AUTO), "<?xml version=\"1.0\"?><doc/>");
	/* The extension wins over the content, and a forced format over both. */
	CHECK_STR(detected("a.txt", "{\"text\":\"J\"}", EG_FORMAT_AUTO), "{\"text\":\"J\"}");
	CHECK_STR(detected("b.txt", "{\"text\":\"J\"}", EG_FORMAT_JSONL), "J");
	CHECK_STR(detected("c.jsonl", "<p>H</p>", EG_FORMAT_HTML), "H");
	CHECK_STR(detected("d.html", "<p>H</p>", EG_FORMAT_TEXT), "<p>H</p>");
	CHECK_STR(detected("e.HTM", "<p>H</p>", EG_FORMAT_AUTO), "H");
	CHECK_STR(detected("f.jsonl", "not json", EG_FORMAT_AUTO), "error");

	eg_input_format f;
	CHECK(eg_input_format_parse("feed", &f) == 0 && f == EG_FORMAT_FEED);
	CHECK(eg_input_format_parse("auto", &f) == 0 && f == EG_FORMAT_AUTO);
	CHECK(eg_input_format_parse("xml", &f) < 0);
}

/* Drains a record reader opened on data; returns the number of results. */
static size_t drain(int (*open)(eg_reader *, eg_error *), const char *data, size_t length)
{
	eg_reader r = {.path = "mutant", .data = data, .length = length};
	eg_error err;
	if (open(&r, &err) < 0)
		return 1;
	size_t n = 0;
	eg_document doc;
	int rc;
	while ((rc = r.next(&r, &doc, &err)) != 0) {
		if (rc > 0) {
			CHECK(doc.id && doc.text && doc.text[doc.length] == '\0');
			eg_document_free(&doc);
		}
		n++;
	}
	r.release(&r);
	return n;
}

/* Seeded random byte changes to every sample: no crash, no leak, no read
 * out of bounds (the sanitizer build checks), always some result. */
static void test_mutations(void)
{
	static const char *const files[] = {"articles.jsonl", "feed.rss", "feed.atom", "news-page.html"};
	uint64_t seed = 0x2545F4914F6CDD1DULL;
	for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		char path[512];
		snprintf(path, sizeof(path), "%s%s", FORMATS, files[f]);
		size_t n;
		char *original = eg_read_file(path, &n, NULL);
		CHECK(original != NULL);
		if (!original)
			continue;
		char *data = eg_xmalloc(n + 1);
		for (int round = 0; round < 400; round++) {
			memcpy(data, original, n + 1);
			for (int k = 0; k < 1 + round % 4; k++) {
				seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
				data[seed % n] = (char)(seed >> 32);
			}
			if (f == 3) {
				eg_document doc = {0};
				eg_error err;
				CHECK_INT(eg_html_read(path, data, n, &doc, &err), 0);
				eg_document_free(&doc);
			} else {
				CHECK(drain(f == 0 ? eg_jsonl_open : eg_feed_open, data, n) > 0);
			}
		}
		free(data);
		free(original);
	}
}

int main(void)
{
	CHECK(mkdtemp(dir) != NULL);
	test_json();
	test_dates();
	test_jsonl(FORMATS "articles.jsonl");
	test_jsonl_small();
	test_html();
	test_feeds();
	test_gzip();
	test_detection();
	test_mutations();
	char cmd[600];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	CHECK(system(cmd) == 0);
	return check_result("formats");
}
