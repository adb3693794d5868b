#include "input/input.h"
#include "input/reader.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

typedef struct pending {
	char *path;
	int given; /* named on the command line, not reached by a walk */
} pending;

/* A file of the run's own (eg_input_exclude), as it was when named. */
typedef struct own_file {
	char *path;
	const char *base; /* its last component */
	int known;        /* it existed: dev and ino are its */
	dev_t dev;
	ino_t ino;
} own_file;

struct eg_input {
	pending *stack; /* next input on top */
	size_t n, cap;
	eg_input_format format;
	/* The record reader (JSONL, feed) of the input being read, if any. */
	eg_reader reader;
	int reading;
	char *path, *data;
	int (*keep)(void *context, const char *id); /* eg_input_skip_ids */
	void *keep_context;
	own_file *own; /* eg_input_exclude */
	size_t own_count, own_cap;
};

int eg_input_format_parse(const char *name, eg_input_format *format)
{
	static const char *const names[] = {"auto", "text", "jsonl", "html", "feed"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(name, names[i]) == 0) {
			*format = (eg_input_format)i;
			return 0;
		}
	}
	return -1;
}

static void push(eg_input *in, char *path, int given)
{
	EG_GROW(in->stack, in->cap, in->n + 1);
	in->stack[in->n].path = path;
	in->stack[in->n].given = given;
	in->n++;
}

eg_input *eg_input_new(const char *const *paths, size_t count, eg_input_format format)
{
	eg_input *in = eg_xcalloc(1, sizeof(*in));
	in->format = format;
	if (count == 0)
		push(in, eg_xstrdup("-"), 1);
	for (size_t i = count; i-- > 0;)
		push(in, eg_xstrdup(paths[i]), 1);
	return in;
}

static void stop_reading(eg_input *in)
{
	if (in->reading && in->reader.release)
		in->reader.release(&in->reader);
	memset(&in->reader, 0, sizeof(in->reader));
	in->reading = 0;
	free(in->path);
	free(in->data);
	in->path = in->data = NULL;
}

void eg_input_free(eg_input *in)
{
	if (!in)
		return;
	stop_reading(in);
	for (size_t i = 0; i < in->n; i++)
		free(in->stack[i].path);
	free(in->stack);
	for (size_t i = 0; i < in->own_count; i++)
		free(in->own[i].path);
	free(in->own);
	free(in);
}

void eg_input_exclude(eg_input *in, const char *path)
{
	struct stat st;
	int known = stat(path, &st) == 0;
	if (known && !S_ISREG(st.st_mode))
		return; /* a device or FIFO is no file a run leaves behind */
	EG_GROW(in->own, in->own_cap, in->own_count + 1);
	own_file *f = &in->own[in->own_count++];
	f->path = eg_xstrdup(path);
	const char *slash = strrchr(f->path, '/');
	f->base = slash ? slash + 1 : f->path;
	f->known = known;
	f->dev = f->known ? st.st_dev : 0;
	f->ino = f->known ? st.st_ino : 0;
}

/* Whether the file at path (st) is one of the run's own.  One that did not
 * exist when named, or was replaced since (SQLite makes its journals when
 * it needs them), is looked at again, but only under the same name. */
static int is_own(const eg_input *in, const char *path, const struct stat *st)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	for (size_t i = 0; i < in->own_count; i++) {
		const own_file *f = &in->own[i];
		struct stat now;
		if ((f->known && f->dev == st->st_dev && f->ino == st->st_ino) ||
		    (strcmp(base, f->base) == 0 && stat(f->path, &now) == 0 && now.st_dev == st->st_dev &&
		     now.st_ino == st->st_ino))
			return 1;
	}
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Pushes the directory's visible entries so that the first in byte order
 * comes off the stack first. */
static int push_directory(eg_input *in, const char *path, eg_error *err)
{
	DIR *dir = opendir(path);
	if (!dir)
		return eg_error_set(err, "%s: %s", path, strerror(errno));
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	errno = 0;
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		EG_GROW(names, cap, n + 1);
		names[n++] = eg_xstrdup(e->d_name);
	}
	int failed = errno;
	closedir(dir);
	if (failed) {
		for (size_t i = 0; i < n; i++)
			free(names[i]);
		free(names);
		return eg_error_set(err, "%s: %s", path, strerror(failed));
	}
	qsort(names, n, sizeof(*names), by_name);
	size_t len = strlen(path);
	int slash = len > 0 && path[len - 1] == '/';
	for (size_t i = n; i-- > 0;) {
		eg_buf child = {0};
		eg_buf_printf(&child, "%s%s%s", path, slash ? "" : "/", names[i]);
		push(in, child.data, 0);
		free(names[i]);
	}
	free(names);
	return 0;
}

static int has_suffix(const char *s, size_t n, const char *suffix)
{
	size_t m = strlen(suffix);
	return n >= m && strncasecmp(s + n - m, suffix, m) == 0;
}

static eg_input_format format_from_name(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (has_suffix(base, n, ".gz"))
		n -= 3;
	static const struct {
		const char *suffix;
		eg_input_format format;
	} by_suffix[] = {
		{".jsonl", EG_FORMAT_JSONL}, {".ndjson", EG_FORMAT_JSONL}, {".html", EG_FORMAT_HTML},
		{".htm", EG_FORMAT_HTML},    {".xml", EG_FORMAT_FEED},     {".rss", EG_FORMAT_FEED},
		{".atom", EG_FORMAT_FEED},   {".txt", EG_FORMAT_TEXT},
	};
	for (size_t i = 0; i < sizeof(by_suffix) / sizeof(by_suffix[0]); i++)
		if (has_suffix(base, n, by_suffix[i].suffix))
			return by_suffix[i].format;
	return EG_FORMAT_AUTO;
}

static int starts_with_word(const char *p, const char *end, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(end - p) < n || strncasecmp(p, word, n) != 0)
		return 0;
	/* "<feed" but not "<feedback" */
	return p + n == end || !(((p[n] | 0x20) >= 'a' && (p[n] | 0x20) <= 'z') || p[n] == ':' || p[n] == '-');
}

/* The first occurrence of needle in [p, end), or NULL (memmem is a GNU
 * extension). */
static const char *find(const char *p, const char *end, const char *needle)
{
	size_t n = strlen(needle);
	for (; (size_t)(end - p) >= n; p++)
		if (*p == *needle && memcmp(p, needle, n) == 0)
			return p;
	return NULL;
}

/* Looks past the XML prolog (declaration, comments, processing
 * instructions, a doctype with its internal subset) at the root element,
 * within the first 64 KiB. */
static eg_input_format format_from_content(const char *data, size_t length)
{
	const char *p = data, *end = data + (length < 65536 ? length : 65536);
	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (;;) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
			p++;
		if (p == end)
			return EG_FORMAT_TEXT;
		if (*p == '{')
			return EG_FORMAT_JSONL;
		if (*p != '<')
			return EG_FORMAT_TEXT;
		if (starts_with_word(p, end, "<rss") || starts_with_word(p, end, "<feed") ||
		    starts_with_word(p, end, "<rdf:RDF"))
			return EG_FORMAT_FEED;
		if (starts_with_word(p, end, "<html") || starts_with_word(p, end, "<!doctype html"))
			return EG_FORMAT_HTML;
		const char *close;
		if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
			close = find(p, end, "-->");
			p = close ? close + 3 : end;
		} else if (end - p >= 2 && p[1] == '?') {
			close = find(p, end, "?>");
			p = close ? close + 2 : end;
		} else if (starts_with_word(p, end, "<!doctype")) {
			const char *gt = memchr(p, '>', (size_t)(end - p));
			const char *bracket = memchr(p, '[', (size_t)(end - p));
			if (bracket && (!gt || bracket < gt)) {
				close = find(bracket, end, "]>");
				p = close ? close + 2 : end;
			} else {
				p = gt ? gt + 1 : end;
			}
		} else {
			return EG_FORMAT_TEXT;
		}
	}
}

static int read_whole_page(eg_input_format format, char *path, char *data, size_t length, eg_document *doc,
			   eg_error *err)
{
	memset(doc, 0, sizeof(*doc));
	if (format == EG_FORMAT_HTML) {
		int rc = eg_html_read(path, data, length, doc, err);
		free(data);
		if (rc < 0) {
			eg_document_free(doc);
			free(path);
			return EG_INPUT_BAD_INPUT;
		}
	} else {
		doc->text = data;
		doc->length = length;
	}
	doc->id = path;
	if (!doc->date && strcmp(path, "-") != 0)
		doc->date = eg_date_from_name(path);
	return 1;
}

/* Walks to the next file to read: returns 1 with *p (the caller owns its
 * path) and *st (unset for standard input), 0 at the end, or
 * EG_INPUT_BAD_INPUT with err set. */
static int next_file(eg_input *in, pending *p, struct stat *st, eg_error *err)
{
	for (;;) {
		if (!in->n)
			return 0;
		*p = in->stack[--in->n];
		if (p->given && strcmp(p->path, "-") == 0)
			return 1;
		if (stat(p->path, st) < 0) {
			eg_error_set(err, "%s: %s", p->path, strerror(errno));
			free(p->path);
			return EG_INPUT_BAD_INPUT;
		}
		if (S_ISDIR(st->st_mode)) {
			struct stat lst;
			int link_to_dir = !p->given && lstat(p->path, &lst) == 0 && S_ISLNK(lst.st_mode);
			int rc = link_to_dir ? 0 : push_directory(in, p->path, err);
			free(p->path);
			if (rc < 0)
				return EG_INPUT_BAD_INPUT;
			continue;
		}
		if (!p->given && !S_ISREG(st->st_mode)) {
			free(p->path);
			continue;
		}
		if (in->own_count && is_own(in, p->path, st)) {
			if (p->given)
				eg_error_set(err, "%s: this run's own output or cache, not read as an input", p->path);
			free(p->path);
			if (p->given)
				return EG_INPUT_BAD_INPUT;
			continue;
		}
		return 1;
	}
}

void eg_input_skip_ids(eg_input *in, int (*keep)(void *context, const char *id), void *context)
{
	in->keep = keep;
	in->keep_context = context;
}

int eg_input_next_file(eg_input *in, char **path, struct stat *st, eg_error *err)
{
	pending p;
	int rc = next_file(in, &p, st, err);
	if (rc == 1)
		*path = p.path;
	return rc;
}

int eg_input_next(eg_input *in, eg_document *doc, eg_error *err)
{
	for (;;) {
		if (in->reading) {
			int rc = in->reader.next(&in->reader, doc, err);
			if (rc != 0)
				return rc;
			stop_reading(in);
		}
		pending p;
		struct stat st;
		int found = next_file(in, &p, &st, err);
		if (found <= 0)
			return found;
		int is_stdin = p.given && strcmp(p.path, "-") == 0;
		if (in->keep && !is_stdin && !in->keep(in->keep_context, p.path)) {
			eg_input_format format = in->format == EG_FORMAT_AUTO ? format_from_name(p.path) : in->format;
			/* One document whose id is the path: no need to read it. */
			if (format == EG_FORMAT_TEXT || format == EG_FORMAT_HTML) {
				free(p.path);
				continue;
			}
		}
		size_t length;
		char *data = eg_read_file(p.path, &length, err);
		if (!data) {
			free(p.path);
			return EG_INPUT_BAD_INPUT;
		}
		if (length >= 2 && (unsigned char)data[0] == 0x1f && (unsigned char)data[1] == 0x8b) {
			char *inflated;
			int rc = eg_gunzip(p.path, data, length, EG_INPUT_MAX_INFLATED, &inflated, &length, err);
			free(data);
			if (rc < 0) {
				free(p.path);
				return EG_INPUT_BAD_INPUT;
			}
			data = inflated;
		}
		eg_input_format format = in->format;
		if (format == EG_FORMAT_AUTO && !is_stdin)
			format = format_from_name(p.path);
		if (format == EG_FORMAT_AUTO)
			format = format_from_content(data, length);
		if (format == EG_FORMAT_TEXT || format == EG_FORMAT_HTML)
			return read_whole_page(format, p.path, data, length, doc, err);
		in->path = p.path;
		in->data = data;
		in->reader.path = p.path;
		in->reader.data = data;
		in->reader.length = length;
		int rc = format == EG_FORMAT_JSONL ? eg_jsonl_open(&in->reader, err) : eg_feed_open(&in->reader, err);
		in->reading = rc == 0;
		if (rc < 0) {
			stop_reading(in);
			return EG_INPUT_BAD_INPUT;
		}
	}
}

char *eg_clean_text(const char *s, size_t n)
{
	eg_buf b = {0};
	int space = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
			space = b.len > 0;
			continue;
		}
		if (space)
			eg_buf_addc(&b, ' ');
		space = 0;
		eg_buf_addc(&b, c);
	}
	return b.data;
}

void eg_document_compose(eg_document *doc, const char *title, const char *body, size_t body_length)
{
	free(doc->title);
	doc->title = title ? eg_clean_text(title, strlen(title)) : NULL;
	eg_buf text = {0};
	size_t title_length = doc->title ? strlen(doc->title) : 0;
	/* An HTML article often repeats its headline as the first heading;
	 * twice would count every entity in it twice. */
	int repeated = title_length && body_length >= title_length &&
		       memcmp(body, doc->title, title_length) == 0 &&
		       (body_length == title_length || body[title_length] == '\n');
	if (title_length && !repeated) {
		eg_buf_add(&text, doc->title, title_length);
		if (body_length)
			eg_buf_add(&text, "\n\n", 2);
	}
	eg_buf_add(&text, body, body_length);
	if (!text.data)
		eg_buf_add(&text, "", 0);
	free(doc->text);
	doc->text = text.data;
	doc->length = text.len;
}
