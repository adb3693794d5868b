#include "output/xml.h"
#include "output/attributes.h"

#include <errno.h>
#include <string.h>

/* The layout is libxml2's xmlTextWriter with indentation on, byte for byte
 * (the golden files hold it): each element on its own line, indented two
 * spaces a level; an element holding only text on one line; an empty one
 * closed with "/>".  Written directly, because the writer's generality cost
 * more than the rest of extract on large graphs. */

#define FLUSH_AT 65536

static void write_out(eg_xml *x, const char *s, size_t n)
{
	if (!x->io_error && n && fwrite(s, 1, n, x->fp) != n)
		x->io_error = errno ? errno : EIO;
}

static void flush(eg_xml *x)
{
	write_out(x, x->out.data, x->out.len);
	eg_buf_clear(&x->out);
}

static void put(eg_xml *x, const char *s, size_t n)
{
	eg_buf_add(&x->out, s, n);
	/* A fragment (no file) keeps everything until it is inserted. */
	if (x->out.len >= FLUSH_AT && x->fp)
		flush(x);
}

static void puts_(eg_xml *x, const char *s)
{
	put(x, s, strlen(s));
}

static void indent(eg_xml *x, size_t depth)
{
	static const char spaces[] = "                                                                ";
	size_t n = 2 * depth;
	while (n) {
		size_t k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;
		put(x, spaces, k);
		n -= k;
	}
}

/* Escapes as libxml2 does: in text &, <, >, " and CR; in attribute
 * values also tab and line feed. */
static void escaped(eg_xml *x, const char *s, int attribute)
{
	const char *safe = eg_xml_safe(s, &x->scratch);
	const char *run = safe;
	for (const char *p = safe;; p++) {
		const char *entity = NULL;
		switch (*p) {
		case '&': entity = "&amp;"; break;
		case '<': entity = "&lt;"; break;
		case '>': entity = "&gt;"; break;
		case '"': entity = "&quot;"; break;
		case '\r': entity = "&#13;"; break;
		case '\n': entity = attribute ? "&#10;" : NULL; break;
		case '\t': entity = attribute ? "&#9;" : NULL; break;
		case '\0': break;
		default: continue;
		}
		if (!*p) {
			put(x, run, (size_t)(p - run));
			return;
		}
		if (entity) {
			put(x, run, (size_t)(p - run));
			puts_(x, entity);
			run = p + 1;
		}
	}
}

int eg_xml_open(eg_xml *x, FILE *fp, eg_error *err)
{
	(void)err;
	memset(x, 0, sizeof(*x));
	x->fp = fp;
	puts_(x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	return 0;
}

/* Closes the open start tag of the innermost element, if any. */
static void close_tag(eg_xml *x)
{
	if (x->depth && x->stack[x->depth - 1].tag_open) {
		puts_(x, ">");
		x->stack[x->depth - 1].tag_open = 0;
	}
}

/* Closes the innermost open element's start tag, if still open, and marks
 * it as having children: what every child element does first. */
static void before_child(eg_xml *x)
{
	if (!x->depth)
		return;
	eg_xml_frame *parent = &x->stack[x->depth - 1];
	if (parent->tag_open) {
		puts_(x, ">\n");
		parent->tag_open = 0;
	}
	parent->children = 1;
}

void eg_xml_start(eg_xml *x, const char *element)
{
	if (x->depth == EG_XML_MAX_DEPTH) {
		x->failed = 1;
		return;
	}
	before_child(x);
	indent(x, x->depth);
	puts_(x, "<");
	puts_(x, element);
	eg_xml_frame *f = &x->stack[x->depth++];
	f->name = element;
	f->tag_open = 1;
	f->children = 0;
}

void eg_xml_attr(eg_xml *x, const char *name, const char *value)
{
	puts_(x, " ");
	puts_(x, name);
	puts_(x, "=\"");
	escaped(x, value, 1);
	puts_(x, "\"");
}

void eg_xml_text(eg_xml *x, const char *text)
{
	close_tag(x);
	escaped(x, text, 0);
}

void eg_xml_end(eg_xml *x)
{
	if (x->depth == x->base) {
		x->failed = 1;
		return;
	}
	eg_xml_frame *f = &x->stack[--x->depth];
	if (f->tag_open) {
		puts_(x, "/>\n");
		return;
	}
	if (f->children)
		indent(x, x->depth);
	puts_(x, "</");
	puts_(x, f->name);
	puts_(x, ">\n");
}

void eg_xml_element(eg_xml *x, const char *element, const char *text)
{
	eg_xml_start(x, element);
	eg_xml_text(x, text);
	eg_xml_end(x);
}

void eg_xml_open_fragment(eg_xml *x, size_t depth)
{
	memset(x, 0, sizeof(*x));
	if (depth > EG_XML_MAX_DEPTH) {
		x->failed = 1;
		depth = 0;
	}
	/* The enclosing elements' frames are never ended: their names stay NULL. */
	for (size_t i = 0; i < depth; i++)
		x->stack[i].children = 1;
	x->depth = x->base = depth;
}

void eg_xml_free_fragment(eg_xml *x)
{
	eg_buf_free(&x->out);
	eg_buf_free(&x->scratch);
}

void eg_xml_insert(eg_xml *x, eg_xml *fragment)
{
	if (fragment->failed || fragment->depth != fragment->base || fragment->base != x->depth)
		x->failed = 1;
	if (fragment->out.len && !x->failed) {
		before_child(x);
		/* Blocks are large: written as they are rather than copied. */
		if (x->fp) {
			flush(x);
			write_out(x, fragment->out.data, fragment->out.len);
		} else {
			put(x, fragment->out.data, fragment->out.len);
		}
	}
	eg_buf_clear(&fragment->out);
	fragment->failed = 0;
	fragment->depth = fragment->base;
}

int eg_xml_stopped(const eg_xml *x)
{
	return x->failed || x->io_error;
}

int eg_xml_close(eg_xml *x, const char *what, eg_error *err)
{
	while (x->depth)
		eg_xml_end(x);
	flush(x);
	eg_buf_free(&x->out);
	eg_buf_free(&x->scratch);
	errno = 0;
	if (!x->io_error && (fflush(x->fp) != 0 || ferror(x->fp)))
		x->io_error = errno ? errno : EIO;
	if (x->io_error)
		return eg_error_set(err, "cannot write the %s: %s", what, strerror(x->io_error));
	if (x->failed)
		return eg_error_set(err, "cannot write the %s: elements nested too deep or ended twice", what);
	return 0;
}
