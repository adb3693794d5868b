#include "input/input.h"
#include "input/binary.h"
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

/* A document being handed out in parts: its metadata, and the bytes not
 * yet handed out, buf[done, len).  Plain text streams into buf from the
 * source as parts go out; any other document was whole in buf. */
typedef struct splitting {
	int active;
	int streaming;
	eg_document whole; /* id and metadata; text unused */
	eg_buf buf;
	size_t done;
	uint64_t offset;   /* of buf[done] in the document */
} splitting;

struct eg_input {
	pending *stack; /* next input on top */
	size_t n, cap;
	eg_input_format format;
	eg_budgets budgets;
	/* The record reader (JSONL, feed) of the input being read, if any. */
	eg_reader reader;
	int reading;
	/* The input being read: its path, its bytes and what is held of them
	 * (the first block, a page or feed, or JSONL lines). */
	char *path;
	eg_stream *source;
	eg_buf data;
	char cut_byte;  /* refill_lines: the byte its terminator covers */
	int cut_set;
	splitting parts;
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
	in->budgets = EG_BUDGETS_DEFAULT;
	if (count == 0)
		push(in, eg_xstrdup("-"), 1);
	for (size_t i = count; i-- > 0;)
		push(in, eg_xstrdup(paths[i]), 1);
	return in;
}

void eg_input_budget(eg_input *in, const eg_budgets *budgets)
{
	in->budgets = *budgets;
}

static void stop_reading(eg_input *in)
{
	if (in->reading && in->reader.release)
		in->reader.release(&in->reader);
	memset(&in->reader, 0, sizeof(in->reader));
	in->reading = 0;
}

static void stop_splitting(eg_input *in)
{
	eg_document_free(&in->parts.whole);
	eg_buf_free(&in->parts.buf);
	memset(&in->parts, 0, sizeof(in->parts));
}

static void close_input(eg_input *in)
{
	stop_reading(in);
	stop_splitting(in);
	eg_stream_close(in->source);
	in->source = NULL;
	free(in->path);
	in->path = NULL;
	eg_buf_free(&in->data);
}

void eg_input_free(eg_input *in)
{
	if (!in)
		return;
	close_input(in);
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
	if (n) /* qsort(NULL, 0) is undefined, and an empty directory has no names */
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
			close = eg_find_bytes(p, end, "-->");
			p = close ? close + 3 : end;
		} else if (end - p >= 2 && p[1] == '?') {
			close = eg_find_bytes(p, end, "?>");
			p = close ? close + 2 : end;
		} else if (starts_with_word(p, end, "<!doctype")) {
			const char *gt = memchr(p, '>', (size_t)(end - p));
			const char *bracket = memchr(p, '[', (size_t)(end - p));
			if (bracket && (!gt || bracket < gt)) {
				close = eg_find_bytes(bracket, end, "]>");
				p = close ? close + 2 : end;
			} else {
				p = gt ? gt + 1 : end;
			}
		} else {
			return EG_FORMAT_TEXT;
		}
	}
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

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Where to end a part of at most n bytes of text (more follow): after the
 * last paragraph break (a line of only blanks), else the last line break,
 * else the last sentence end, else the last white space, each looked for in
 * the block's second half so that parts stay large; else the last white
 * space anywhere; else at a UTF-8 character boundary. */
static size_t cut_point(const char *text, size_t n)
{
	size_t half = n / 2;
	for (size_t i = n; i-- > half;) {
		if (text[i] != '\n')
			continue;
		size_t j = i;
		while (j > 0 && is_blank(text[j - 1]))
			j--;
		if (j > 0 && text[j - 1] == '\n')
			return i + 1;
	}
	for (size_t i = n; i-- > half;)
		if (text[i] == '\n')
			return i + 1;
	for (size_t i = n; i-- > half + 1;)
		if (text[i] == ' ' && (text[i - 1] == '.' || text[i - 1] == '!' || text[i - 1] == '?'))
			return i + 1;
	for (size_t i = n; i-- > 1;)
		if (text[i] == ' ' || text[i] == '\t')
			return i + 1;
	size_t at = n;
	while (at > n - 3 && ((unsigned char)text[at] & 0xc0) == 0x80)
		at--;
	return at;
}

static char *copy_or_null(const char *s)
{
	return s ? eg_xstrdup(s) : NULL;
}

/* The next part of the document being split. */
static int next_part(eg_input *in, eg_document *doc)
{
	splitting *p = &in->parts;
	size_t pending = p->buf.len - p->done;
	if (p->streaming && pending <= EG_PART_BYTES && !eg_stream_ended(in->source)) {
		memmove(p->buf.data, p->buf.data + p->done, pending);
		p->buf.len = pending;
		p->done = 0;
		eg_stream_fill(in->source, &p->buf, EG_PART_BYTES + 1 - pending);
		pending = p->buf.len;
	}
	/* At the end of a stream that broke off, what was read is the last
	 * part; the input is reported after it. */
	int more = pending > EG_PART_BYTES;
	size_t cut = more ? cut_point(p->buf.data + p->done, EG_PART_BYTES) : pending;
	memset(doc, 0, sizeof(*doc));
	if (!more && p->offset == 0) {
		/* The whole document in one: hand over the buffer itself. */
		doc->id = p->whole.id;
		doc->title = p->whole.title;
		doc->date = p->whole.date;
		doc->url = p->whole.url;
		doc->source = p->whole.source;
		memset(&p->whole, 0, sizeof(p->whole));
		if (!p->buf.data)
			eg_buf_add(&p->buf, "", 0);
		memmove(p->buf.data, p->buf.data + p->done, pending);
		p->buf.data[pending] = '\0';
		doc->text = p->buf.data;
		memset(&p->buf, 0, sizeof(p->buf));
	} else {
		doc->id = copy_or_null(p->whole.id);
		doc->title = copy_or_null(p->whole.title);
		doc->date = copy_or_null(p->whole.date);
		doc->url = copy_or_null(p->whole.url);
		doc->source = copy_or_null(p->whole.source);
		doc->text = eg_xmalloc(cut + 1);
		memcpy(doc->text, p->buf.data + p->done, cut);
		doc->text[cut] = '\0';
	}
	doc->length = cut;
	doc->offset = p->offset;
	doc->more = more;
	p->offset += cut;
	p->done += cut;
	if (!more)
		stop_splitting(in);
	return 1;
}

/* Hands doc on, whole or, when it is larger than a part, its first part. */
static int hand_on(eg_input *in, eg_document *doc)
{
	if (doc->length <= EG_PART_BYTES)
		return 1;
	splitting *p = &in->parts;
	p->active = 1;
	p->buf = (eg_buf){.data = doc->text, .len = doc->length, .cap = doc->length + 1};
	p->whole = *doc;
	p->whole.text = NULL;
	p->whole.length = 0;
	return next_part(in, doc);
}

/* JSONL lines for the reader: whole lines, a block or so at a time; a line
 * longer than the record budget is skipped unread. */
static int refill_lines(eg_reader *r, eg_error *err)
{
	eg_input *in = r->owner;
	eg_buf *b = &in->data;
	size_t handed = r->length;
	if (in->cut_set && handed < b->len)
		b->data[handed] = in->cut_byte;
	in->cut_set = 0;
	memmove(b->data, b->data + handed, b->len - handed);
	b->len -= handed;
	r->length = 0;
	size_t searched = 0, lines = 0; /* lines: bytes up to the last line end */
	for (;;) {
		for (size_t i = b->len; i-- > searched;)
			if (b->data[i] == '\n') {
				lines = i + 1;
				break;
			}
		searched = b->len;
		int ended = eg_stream_ended(in->source);
		if (ended && (eg_stream_failed(in->source, NULL) || eg_stream_limited(in->source, NULL)))
			b->len = lines; /* a line the stream broke off in is no record */
		if (ended || (lines && b->len >= EG_PART_BYTES)) {
			r->length = ended ? b->len : lines;
			break;
		}
		if (!lines && b->len > in->budgets.record_bytes) {
			/* Skip to the end of the line without holding it. */
			const char *end;
			while (!(end = memchr(b->data, '\n', b->len))) {
				b->len = 0;
				if (eg_stream_fill(in->source, b, 65536) == 0)
					break;
			}
			size_t rest = end ? b->len - (size_t)(end + 1 - b->data) : 0;
			if (end)
				memmove(b->data, end + 1, rest);
			b->len = rest;
			char words[32], option[32];
			eg_size_words(in->budgets.record_bytes, words, option);
			eg_error_set(err, "a record over %s, the most one is read whole (--max-record-bytes %s); skipped", words,
				     option);
			return EG_INPUT_LIMITED;
		}
		eg_stream_fill(in->source, b, 65536);
	}
	if (!b->data)
		eg_buf_add(b, "", 0);
	/* The reader sees its lines NUL-terminated: the byte under the
	 * terminator (the next line's first) is put back at the next call. */
	in->cut_byte = b->data[r->length];
	in->cut_set = 1;
	b->data[r->length] = '\0';
	r->data = b->data;
	return r->length > 0;
}

/* Reads the rest of a page or feed, which is parsed whole; 0, or an
 * eg_input_next error when it is too large or does not read. */
static int read_whole(eg_input *in, eg_error *err)
{
	uint64_t budget = in->budgets.record_bytes;
	while (!eg_stream_ended(in->source) && in->data.len <= budget)
		eg_stream_fill(in->source, &in->data, budget + 1 - in->data.len < 65536 ? (size_t)(budget + 1 - in->data.len) : 65536);
	if (in->data.len > budget) {
		char words[32], option[32];
		eg_size_words(budget, words, option);
		eg_error_set(err, "%s: larger than %s, the most a page or feed is read whole (--max-record-bytes %s); skipped",
			     in->path, words, option);
		return EG_INPUT_LIMITED;
	}
	if (eg_stream_failed(in->source, err))
		return EG_INPUT_BAD_INPUT;
	return 0;
}

/* Whether the first block of a text input is nothing but NUL bytes. */
static int only_nul(const eg_buf *b)
{
	for (size_t i = 0; i < b->len; i++)
		if (b->data[i])
			return 0;
	return b->len > 0;
}

/* Opens the next input and starts reading it: 1 with *doc (text, HTML),
 * 0 when a record reader was started, or an eg_input_next result. */
static int open_input(eg_input *in, pending *p, eg_document *doc, eg_error *err)
{
	int is_stdin = p->given && strcmp(p->path, "-") == 0;
	in->path = p->path;
	in->source = eg_stream_open(in->path, in->budgets.input_bytes, err);
	if (!in->source)
		return EG_INPUT_BAD_INPUT;
	/* The first block: enough to tell the format, and a text's first part. */
	eg_stream_fill(in->source, &in->data, EG_PART_BYTES);
	if (eg_stream_failed(in->source, err))
		return EG_INPUT_BAD_INPUT;
	const unsigned char *first = (const unsigned char *)(in->data.data ? in->data.data : "");
	const char *kind = eg_binary_kind(first, in->data.len);
	if (kind)
		return eg_error_set(err, "%s: binary file (%s), skipped", in->path, kind), EG_INPUT_NOT_TEXT;
	eg_input_format format = in->format;
	if (format == EG_FORMAT_AUTO && !is_stdin)
		format = format_from_name(in->path);
	if (format == EG_FORMAT_AUTO)
		format = format_from_content(in->data.data ? in->data.data : "", in->data.len);
	if (format == EG_FORMAT_TEXT) {
		if (only_nul(&in->data))
			return eg_error_set(err, "%s: binary data, not text (its first %zu bytes are all NUL)", in->path,
					    in->data.len), EG_INPUT_BAD_INPUT;
		if (eg_binary_data(first, in->data.len))
			return eg_error_set(err, "%s: binary file (unrecognised binary data), skipped", in->path),
			       EG_INPUT_NOT_TEXT;
		splitting *s = &in->parts;
		s->active = s->streaming = 1;
		s->whole.id = eg_xstrdup(in->path);
		if (!is_stdin)
			s->whole.date = eg_date_from_name(in->path);
		s->buf = in->data;
		memset(&in->data, 0, sizeof(in->data));
		return next_part(in, doc);
	}
	int rc = format == EG_FORMAT_JSONL ? 0 : read_whole(in, err);
	if (rc < 0)
		return rc;
	if (!in->data.data)
		eg_buf_add(&in->data, "", 0);
	if (format == EG_FORMAT_HTML) {
		memset(doc, 0, sizeof(*doc));
		if (eg_html_read(in->path, in->data.data, in->data.len, doc, err) < 0) {
			eg_document_free(doc);
			return EG_INPUT_BAD_INPUT;
		}
		eg_buf_free(&in->data);
		doc->id = eg_xstrdup(in->path);
		if (!doc->date && !is_stdin)
			doc->date = eg_date_from_name(in->path);
		return hand_on(in, doc);
	}
	in->reader.path = in->path;
	in->reader.data = in->data.data;
	in->reader.length = in->data.len;
	if (format == EG_FORMAT_JSONL) {
		/* Lines come from refill_lines, starting with the first block. */
		in->reader.refill = refill_lines;
		in->reader.owner = in;
		in->reader.data = "";
		in->reader.length = 0;
	}
	rc = format == EG_FORMAT_JSONL ? eg_jsonl_open(&in->reader, err) : eg_feed_open(&in->reader, err);
	if (rc < 0)
		return EG_INPUT_BAD_INPUT;
	in->reading = 1;
	return 0;
}

/* The end of an input: what cut it short, reported after its documents. */
static int close_and_report(eg_input *in, eg_error *err)
{
	int rc = eg_stream_report(in->source, err);
	close_input(in);
	return rc;
}

int eg_input_next(eg_input *in, eg_document *doc, eg_error *err)
{
	for (;;) {
		if (in->parts.active)
			return next_part(in, doc);
		if (in->reading) {
			int rc = in->reader.next(&in->reader, doc, err);
			if (rc > 0)
				return hand_on(in, doc);
			if (rc < 0)
				return rc;
			stop_reading(in);
		}
		if (in->source) {
			int rc = close_and_report(in, err);
			if (rc < 0)
				return rc;
		}
		close_input(in);
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
		int rc = open_input(in, &p, doc, err);
		if (rc < 0)
			close_input(in);
		if (rc != 0)
			return rc;
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
