/* HTML pages and fragments -> readable text and metadata, with libxml2's
 * forgiving HTML parser (never the network). */
#include "input/reader.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

/* XML_PARSE_HUGE lifts libxml2's limits of 256 levels of nesting and 10 MB
 * per text node, past which its HTML parser silently drops the rest of the
 * page.  The HTML parser expands no entities of a DTD, so the limits guard
 * nothing here; walk and scan bound their own depth. */
enum {
	PARSE_OPTIONS = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER | XML_PARSE_HUGE
};

/* Deeper than any real page; a bound so a hostile one cannot overflow the
 * stack of the recursive walk. */
enum { MAX_DEPTH = 512 };

static int name_in(const xmlNode *n, const char *const *names)
{
	for (size_t i = 0; names[i]; i++)
		if (xmlStrcasecmp(n->name, (const xmlChar *)names[i]) == 0)
			return 1;
	return 0;
}

static int name_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, (const xmlChar *)name) == 0;
}

/* The value of attribute name, lower-cased names compared, or NULL; valid
 * as long as the tree. */
static const char *attribute(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		if (xmlStrcasecmp(a->name, (const xmlChar *)name) == 0) {
			const xmlNode *v = a->children;
			return v && (v->type == XML_TEXT_NODE) && v->content ? (const char *)v->content : "";
		}
	}
	return NULL;
}

/* Page furniture and things that are not prose. */
static int is_skipped(const xmlNode *n)
{
	static const char *const names[] = {"script", "style",  "noscript", "nav",    "header", "footer",
					    "aside",  "form",   "button",   "iframe", "svg",    "template",
					    "select", "object", "canvas",   "head",   "title",  NULL};
	if (name_in(n, names))
		return 1;
	const char *hidden = attribute(n, "aria-hidden");
	return attribute(n, "hidden") || (hidden && strcmp(hidden, "true") == 0);
}

/* Elements that end a paragraph for the tokenizer. */
static int is_block(const xmlNode *n)
{
	static const char *const names[] = {
		"p",       "div",     "h1",      "h2",         "h3",   "h4",  "h5",       "h6",   "li",
		"br",      "section", "blockquote", "tr",      "ul",   "ol",  "table",    "article", "main",
		"figure",  "figcaption", "pre",  "hr",         "dl",   "dt",  "dd",       "address", "details",
		"summary", "body",    "caption", NULL};
	return name_in(n, names);
}

typedef struct extractor {
	eg_buf *out;
	size_t base;   /* out's length before this text: breaks only after text of our own */
	int space;     /* white space seen since the last character */
	int paragraph; /* a block boundary seen since the last character */
	int measure;   /* record each <article>'s text length in its node (article_length) */
} extractor;

/* An <article>'s text length, measured by a walk with measure set, is kept
 * in the node's _private field (libxml2 leaves it to the application) as
 * length + 1; 0 means not measured. */
static size_t article_length(const xmlNode *n)
{
	return (size_t)(uintptr_t)n->_private;
}

static void emit(extractor *x, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		/* No-break spaces too: "Unit&nbsp;8200" should read as "Unit 8200". */
		int nbsp = p[0] == 0xC2 && p[1] == 0xA0;
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || nbsp) {
			x->space = 1;
			p += nbsp;
			continue;
		}
		if (x->out->len > x->base) {
			if (x->paragraph)
				eg_buf_add(x->out, "\n\n", 2);
			else if (x->space)
				eg_buf_addc(x->out, ' ');
		}
		x->space = x->paragraph = 0;
		eg_buf_addc(x->out, (char)*p);
	}
}

static void walk(extractor *x, const xmlNode *n, int depth)
{
	if (depth > MAX_DEPTH)
		return;
	switch (n->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		if (n->content)
			emit(x, (const char *)n->content);
		return;
	case XML_ELEMENT_NODE:
		if (is_skipped(n))
			return;
		break;
	case XML_DOCUMENT_NODE:
	case XML_HTML_DOCUMENT_NODE:
	case XML_DOCUMENT_FRAG_NODE:
		break;
	default:
		/* Comments, processing instructions, and entity references,
		 * which must never be expanded (a feed's "billion laughs"). */
		return;
	}
	int block = n->type == XML_ELEMENT_NODE && is_block(n);
	int cell = name_is(n, "td") || name_is(n, "th");
	int article = x->measure && name_is(n, "article");
	size_t start = x->out->len;
	x->paragraph |= block;
	x->space |= cell;
	for (const xmlNode *c = n->children; c; c = c->next)
		walk(x, c, depth + 1);
	x->paragraph |= block;
	x->space |= cell;
	if (article) {
		/* Its own text is what was written since it began, less the break
		 * before its first character, which it would not have alone. */
		size_t len = x->out->len - start;
		if (len && x->out->data[start] == '\n')
			len -= 2;
		else if (len && x->out->data[start] == ' ')
			len -= 1;
		((xmlNode *)n)->_private = (void *)(uintptr_t)(len + 1);
	}
}

void eg_html_node_text(const void *node, eg_buf *out)
{
	extractor x = {.out = out, .base = out->len};
	if (node)
		walk(&x, node, 0);
	if (!out->data)
		eg_buf_add(out, "", 0);
}

/* UTF-16 without a byte order mark: markup is mostly ASCII, so one byte of
 * each pair is NUL, the second (little-endian) or the first (big-endian).
 * A UTF-8 or Latin-1 page has no NULs at all. */
static const char *utf16_of(const char *data, size_t n)
{
	size_t zero[2] = {0, 0};
	for (size_t i = 0; i + 1 < n; i += 2) {
		zero[0] += data[i] == '\0';
		zero[1] += data[i + 1] == '\0';
	}
	size_t pairs = n / 2;
	if (pairs < 2)
		return NULL;
	if (zero[1] * 2 > pairs && zero[0] * 8 < pairs)
		return "UTF-16LE";
	if (zero[0] * 2 > pairs && zero[1] * 8 < pairs)
		return "UTF-16BE";
	return NULL;
}

/* UTF-8 unless the page names its encoding (a meta charset near the top or
 * a byte order mark) or is UTF-16, since libxml2 2.9 would otherwise assume
 * Latin-1, and reads a UTF-16 page's meta charset too late to decode it. */
static const char *encoding_of(const char *data, size_t length)
{
	size_t n = length < 4096 ? length : 4096;
	if (n >= 2 && ((data[0] == '\xFF' && data[1] == '\xFE') || (data[0] == '\xFE' && data[1] == '\xFF')))
		return NULL;
	const char *utf16 = utf16_of(data, n);
	if (utf16)
		return utf16;
	for (size_t i = 0; i + 8 <= n; i++)
		if (strncasecmp(data + i, "charset=", 8) == 0)
			return NULL;
	return "UTF-8";
}

static void ignore(void *context, const char *message, ...)
{
	(void)context;
	(void)message;
}

void eg_xml_quiet_begin(eg_xml_quiet *saved)
{
	saved->handler = xmlGenericError;
	saved->context = xmlGenericErrorContext;
	xmlSetGenericErrorFunc(NULL, ignore);
}

void eg_xml_quiet_end(const eg_xml_quiet *saved)
{
	xmlSetGenericErrorFunc(saved->context, saved->handler);
}

static htmlDocPtr parse(const char *data, size_t length, const char *encoding)
{
	eg_xml_quiet quiet;
	eg_xml_quiet_begin(&quiet);
	htmlDocPtr doc = htmlReadMemory(data, (int)length, NULL, encoding, PARSE_OPTIONS);
	eg_xml_quiet_end(&quiet);
	return doc;
}

void eg_html_fragment_text(const char *html, size_t length, eg_buf *out)
{
	if (length > INT_MAX)
		length = INT_MAX; /* a feed's one item: cannot be this large after the feed parsed */
	htmlDocPtr doc = parse(html, length, "UTF-8");
	eg_html_node_text(doc, out);
	xmlFreeDoc(doc);
}

/* What a page says about itself, each the first of its kind. */
enum { DATE_SLOTS = 10 };

typedef struct page_meta {
	const char *og_title, *title_element, *h1;
	const char *dates[DATE_SLOTS]; /* in order of trust */
	const char *canonical, *og_url, *site_name;
	const xmlNode *title_node, *h1_node;
	const xmlNode *best_article, *main;
	size_t best_article_length;
	const xmlNode *body;
} page_meta;

static void keep(const char **slot, const char *value)
{
	if (!*slot && value && *value)
		*slot = value;
}

static void read_meta(page_meta *m, const xmlNode *n)
{
	static const char *const date_names[DATE_SLOTS - 1] = {
		"article:published_time", "og:published_time", "datepublished", "date", "pubdate",
		"publishdate", "dc.date.issued", "dc.date", "parsely-pub-date"};
	const char *content = attribute(n, "content");
	const char *keys[] = {attribute(n, "property"), attribute(n, "name"), attribute(n, "itemprop")};
	for (size_t k = 0; k < 3; k++) {
		const char *key = keys[k];
		if (!key)
			continue;
		if (strcasecmp(key, "og:title") == 0)
			keep(&m->og_title, content);
		else if (strcasecmp(key, "og:url") == 0)
			keep(&m->og_url, content);
		else if (strcasecmp(key, "og:site_name") == 0)
			keep(&m->site_name, content);
		for (size_t i = 0; i < DATE_SLOTS - 1; i++)
			if (strcasecmp(key, date_names[i]) == 0)
				keep(&m->dates[i], content);
	}
}

/* n's text length as eg_html_node_text gives it.  The <article>s inside n
 * are measured by the same walk, so that nested ones cost one walk in all,
 * not one each. */
static size_t text_length(const xmlNode *n)
{
	if (!article_length(n)) {
		eg_buf b = {0};
		extractor x = {.out = &b, .measure = 1};
		walk(&x, n, 0);
		eg_buf_free(&b);
	}
	return article_length(n) - 1;
}

static void scan(page_meta *m, const xmlNode *n, int depth)
{
	if (depth > MAX_DEPTH)
		return;
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (name_is(n, "meta")) {
			read_meta(m, n);
		} else if (name_is(n, "link")) {
			const char *rel = attribute(n, "rel");
			if (rel && strcasecmp(rel, "canonical") == 0)
				keep(&m->canonical, attribute(n, "href"));
		} else if (name_is(n, "title")) {
			if (!m->title_node)
				m->title_node = n;
		} else if (name_is(n, "h1")) {
			if (!m->h1_node)
				m->h1_node = n;
		} else if (name_is(n, "time")) {
			keep(&m->dates[DATE_SLOTS - 1], attribute(n, "datetime"));
		} else if (name_is(n, "body")) {
			if (!m->body)
				m->body = n;
		} else if (name_is(n, "main")) {
			if (!m->main && !is_skipped(n))
				m->main = n;
		} else if (name_is(n, "article") && !is_skipped(n)) {
			/* Pages list related stories as <article>s too; the story is the
			 * longest. */
			size_t len = text_length(n);
			if (!m->best_article || len > m->best_article_length) {
				m->best_article = n;
				m->best_article_length = len;
			}
		}
		/* Metadata may sit anywhere, but the article text is never inside
		 * furniture. */
		if (!name_is(n, "head") && is_skipped(n) && !name_is(n, "header"))
			continue;
		scan(m, n->children, depth + 1);
	}
}

static char *node_title(const xmlNode *n)
{
	if (!n)
		return NULL;
	eg_buf b = {0};
	extractor x = {.out = &b};
	/* <title> is skipped in body text, so walk its children directly. */
	for (const xmlNode *c = n->children; c; c = c->next)
		walk(&x, c, 1);
	char *s = b.data ? eg_clean_text(b.data, b.len) : NULL;
	eg_buf_free(&b);
	return s;
}

int eg_html_read(const char *path, const char *data, size_t length, eg_document *doc, eg_error *err)
{
	if (length > INT_MAX)
		return eg_error_set(err, "%s: larger than the 2 GiB libxml2 parses as one HTML page", path);
	htmlDocPtr page = parse(data, length, encoding_of(data, length));
	page_meta m = {0};
	if (page)
		scan(&m, page->children, 0);
	const xmlNode *root = m.best_article ? m.best_article : m.main ? m.main : m.body ? m.body : (const xmlNode *)page;
	eg_buf body = {0};
	eg_html_node_text(root, &body);

	char *title = m.og_title ? eg_clean_text(m.og_title, strlen(m.og_title)) : NULL;
	if (!title)
		title = node_title(m.title_node);
	if (!title)
		title = node_title(m.h1_node);
	eg_document_compose(doc, title, body.data, body.len);
	free(title);
	eg_buf_free(&body);

	for (size_t i = 0; i < DATE_SLOTS && !doc->date; i++)
		doc->date = eg_date_parse(m.dates[i]);
	const char *url = m.canonical ? m.canonical : m.og_url;
	doc->url = url ? eg_clean_text(url, strlen(url)) : NULL;
	doc->source = m.site_name ? eg_clean_text(m.site_name, strlen(m.site_name)) : NULL;
	xmlFreeDoc(page);
	return 0;
}
