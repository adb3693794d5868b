/* JSON Lines: one article object a line, in the shapes scrapers write. */
#include "input/json.h"
#include "input/reader.h"

#include <stdlib.h>
#include <string.h>

typedef struct jsonl_state {
	size_t pos;  /* start of the next line */
	size_t line; /* number of the line last read */
} jsonl_state;

/* Field names in order of preference; the first that holds a non-empty
 * string wins. */
static const char *const id_fields[] = {"id", NULL};
static const char *const title_fields[] = {"title", "headline", NULL};
static const char *const text_fields[] = {"text", "content", "body", "article", "description", NULL};
static const char *const date_fields[] = {"published", "published_at", "publishedAt", "pubDate",
					  "date",      "datePublished", NULL};
static const char *const url_fields[] = {"url", "link", NULL};

static const eg_json *first_of(const eg_json *record, const char *const *names, int accept_number)
{
	for (size_t i = 0; names[i]; i++) {
		const eg_json *v = eg_json_get(record, names[i]);
		if (v && ((v->type == EG_JSON_STRING && v->length) || (accept_number && v->type == EG_JSON_NUMBER)))
			return v;
	}
	return NULL;
}

static char *string_of(const eg_json *v)
{
	return v ? eg_xstrdup(v->string) : NULL;
}

static char *date_of(const eg_json *record)
{
	const eg_json *v = first_of(record, date_fields, 1);
	if (!v)
		return NULL;
	if (v->type == EG_JSON_STRING)
		return eg_date_parse(v->string);
	/* Seconds since 1970, or milliseconds as JavaScript writes them
	 * (1e11 seconds is more than a thousand years away). */
	return eg_date_from_epoch(v->number > 1e11 ? v->number / 1000 : v->number);
}

/* "source": "BBC News" or {"id": "bbc-news", "name": "BBC News"} (NewsAPI);
 * the string, or NULL. */
static const eg_json *source_field(const eg_json *record)
{
	const eg_json *v = eg_json_get(record, "source");
	if (v && v->type == EG_JSON_OBJECT)
		v = eg_json_get(v, "name");
	return v && v->type == EG_JSON_STRING && v->length ? v : NULL;
}

/* A NUL character (\u0000) in a field kept as a C string would cut it
 * there, and two ids that differ after it would collapse into one: such a
 * record is refused, naming the field and where its value starts (column
 * counted from the line's start, where the parse began at skipped). */
static int check_no_nul(const eg_reader *r, size_t line, size_t skipped, const char *what, const eg_json *v,
			eg_error *err)
{
	if (!v || v->type != EG_JSON_STRING || strlen(v->string) == v->length)
		return 0;
	return eg_error_set(err, "%s:%zu: the %s holds a NUL character (column %zu)", r->path, line, what,
			    skipped + v->offset + 1);
}

static int record_to_document(const eg_reader *r, size_t line, size_t skipped, const eg_json *record,
			      eg_document *doc, eg_error *err)
{
	const eg_json *title = first_of(record, title_fields, 0);
	const eg_json *text = first_of(record, text_fields, 0);
	if (!text && !title)
		return eg_error_set(err, "%s:%zu: the record has neither a title nor a text "
				    "(text, content, body, article or description)", r->path, line);
	const eg_json *id = first_of(record, id_fields, 1);
	const eg_json *url = first_of(record, url_fields, 0);
	if (check_no_nul(r, line, skipped, "id", id, err) < 0 ||
	    check_no_nul(r, line, skipped, "title", title, err) < 0 ||
	    check_no_nul(r, line, skipped, "url", url, err) < 0 ||
	    check_no_nul(r, line, skipped, "source", source_field(record), err) < 0 ||
	    check_no_nul(r, line, skipped, "date", first_of(record, date_fields, 1), err) < 0)
		return -1;
	memset(doc, 0, sizeof(*doc));
	eg_document_compose(doc, title ? title->string : NULL, text ? text->string : "", text ? text->length : 0);
	if (id) {
		doc->id = string_of(id);
	} else {
		eg_buf fallback = {0};
		eg_buf_printf(&fallback, "%s:%zu", r->path, line);
		doc->id = fallback.data;
	}
	doc->date = date_of(record);
	doc->url = string_of(url);
	const eg_json *source = source_field(record);
	doc->source = source ? eg_xstrdup(source->string) : NULL;
	return 0;
}

static int jsonl_next(eg_reader *r, eg_document *doc, eg_error *err)
{
	jsonl_state *s = r->state;
	for (;;) {
		if (s->pos >= r->length) {
			int rc = r->refill ? r->refill(r, err) : 0;
			if (rc == EG_INPUT_LIMITED) {
				eg_error what = *err;
				eg_error_set(err, "%s:%zu: %s", r->path, ++s->line, what.message);
			}
			if (rc <= 0)
				return rc;
			s->pos = 0;
			continue;
		}
		const char *line = r->data + s->pos;
		const char *newline = memchr(line, '\n', r->length - s->pos);
		size_t n = newline ? (size_t)(newline - line) : r->length - s->pos;
		s->pos += n + (newline != NULL);
		s->line++;
		size_t skipped = 0;
		if (s->line == 1 && n >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0)
			skipped = 3; /* a byte order mark some Windows tools write */
		size_t first = skipped;
		while (first < n && (line[first] == ' ' || line[first] == '\t' || line[first] == '\r'))
			first++;
		if (first == n)
			continue;
		eg_json record;
		size_t column;
		eg_error what;
		if (eg_json_parse(line + skipped, n - skipped, &record, &column, &what) < 0) {
			eg_error_set(err, "%s:%zu: %s (column %zu)", r->path, s->line, what.message, column + skipped);
			return EG_INPUT_BAD_RECORD;
		}
		int rc = 0;
		if (record.type != EG_JSON_OBJECT)
			rc = eg_error_set(err, "%s:%zu: a record must be a JSON object (column %zu)", r->path, s->line,
					  first + 1);
		else
			rc = record_to_document(r, s->line, skipped, &record, doc, err);
		eg_json_free(&record);
		return rc < 0 ? EG_INPUT_BAD_RECORD : 1;
	}
}

static void jsonl_release(eg_reader *r)
{
	free(r->state);
	r->state = NULL;
}

int eg_jsonl_open(eg_reader *r, eg_error *err)
{
	(void)err;
	r->state = eg_xcalloc(1, sizeof(jsonl_state));
	r->next = jsonl_next;
	r->release = jsonl_release;
	return 0;
}
