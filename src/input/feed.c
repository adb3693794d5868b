/* RSS 2.0 (and RSS 1.0) and Atom feeds: one document per item or entry.
 *
 * The XML parser runs without XML_PARSE_NOENT, XML_PARSE_DTDLOAD or the
 * network, so external entities are never fetched, and text is gathered
 * from text and CDATA nodes only, so internal entities are never expanded
 * either ("billion laughs").  XML_PARSE_HUGE lifts libxml2's limits of 10 MB
 * per text node or CDATA section and of 256 levels of nesting, past which
 * a whole feed was refused: without entity expansion they guard nothing
 * that the input's byte limit (--max-record-bytes) does not, and the text
 * walk bounds its own depth (text nested deeper than 256 elements is left
 * out).  Attribute values are another matter: libxml2 expands the entity
 * references in them whatever the options, and XML_PARSE_HUGE switches off
 * its guard against exponential growth.  So a document that declares an
 * entity (that holds "<!ENTITY" anywhere) is parsed without
 * XML_PARSE_HUGE, under libxml2's guard, and every entity it declares is
 * declared empty (entity_declared below), so that an attribute naming one
 * reads as if the reference were not there; the guard still holds where
 * an error leaves the declaration to libxml2 itself. */
#include "input/reader.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#define CONTENT_NS "http://purl.org/rss/1.0/modules/content/"

enum { PARSE_OPTIONS = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE };

typedef struct feed_state {
	xmlDocPtr xml;
	const xmlNode *next_item; /* NULL when done */
	const char *item_name;    /* "item" or "entry" */
	size_t index;             /* of the item last read, from 1 */
	char *source;             /* the channel's or feed's title */
} feed_state;

static int local_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, (const xmlChar *)name) == 0;
}

/* The first child element called name (in namespace ns when ns is not
 * NULL). */
static const xmlNode *child(const xmlNode *parent, const char *name, const char *ns)
{
	for (const xmlNode *c = parent ? parent->children : NULL; c; c = c->next)
		if (local_is(c, name) && (!ns || (c->ns && xmlStrcmp(c->ns->href, (const xmlChar *)ns) == 0)))
			return c;
	return NULL;
}

static const xmlNode *next_named(const xmlNode *n, const char *name)
{
	for (; n; n = n->next)
		if (local_is(n, name))
			return n;
	return NULL;
}

static void gather_text(const xmlNode *n, eg_buf *out, int depth)
{
	for (; n && depth < 256; n = n->next) {
		if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content)
			eg_buf_adds(out, (const char *)n->content);
		else if (n->type == XML_ELEMENT_NODE)
			gather_text(n->children, out, depth + 1);
	}
}

/* The text inside an element, markup and entity references left out. */
static char *element_text(const xmlNode *n)
{
	if (!n)
		return NULL;
	eg_buf b = {0};
	gather_text(n->children, &b, 0);
	if (!b.data)
		eg_buf_add(&b, "", 0);
	return b.data;
}

static char *clean_element_text(const xmlNode *n)
{
	char *raw = element_text(n);
	char *clean = raw ? eg_clean_text(raw, strlen(raw)) : NULL;
	free(raw);
	return clean;
}

/* An item's body as readable text: HTML (escaped or in CDATA) through the
 * HTML extractor, Atom's inline XHTML walked directly, Atom's type="text"
 * as it is. */
static void body_text(const xmlNode *n, eg_buf *out)
{
	xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
	if (type && xmlStrcmp(type, (const xmlChar *)"xhtml") == 0) {
		const xmlNode *div = n->children;
		while (div && div->type != XML_ELEMENT_NODE)
			div = div->next;
		eg_html_node_text(div, out);
	} else {
		char *raw = element_text(n);
		if (type && xmlStrcmp(type, (const xmlChar *)"text") == 0) {
			char *clean = eg_clean_text(raw, strlen(raw));
			if (clean)
				eg_buf_adds(out, clean);
			free(clean);
		} else {
			eg_html_fragment_text(raw, strlen(raw), out);
		}
		free(raw);
	}
	xmlFree(type);
}

/* Atom: <link rel="alternate" href="..."/> (rel defaults to alternate);
 * RSS: <link>URL</link>. */
static char *item_link(const xmlNode *item)
{
	for (const xmlNode *c = item->children; c; c = c->next) {
		if (!local_is(c, "link"))
			continue;
		xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
		if (!href) {
			char *text = clean_element_text(c);
			if (text)
				return text;
			continue;
		}
		xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
		int alternate = !rel || xmlStrcmp(rel, (const xmlChar *)"alternate") == 0;
		xmlFree(rel);
		char *s = alternate ? eg_clean_text((const char *)href, (size_t)xmlStrlen(href)) : NULL;
		xmlFree(href);
		if (s)
			return s;
	}
	return NULL;
}

static char *item_date(const xmlNode *item)
{
	static const char *const names[] = {"pubDate", "published", "date", "updated", "issued", "modified", NULL};
	for (size_t i = 0; names[i]; i++) {
		char *text = element_text(child(item, names[i], NULL));
		char *date = eg_date_parse(text);
		free(text);
		if (date)
			return date;
	}
	return NULL;
}

static int item_to_document(const eg_reader *r, const feed_state *s, const xmlNode *item, eg_document *doc,
			    eg_error *err)
{
	const xmlNode *body = child(item, "encoded", CONTENT_NS);
	if (!body)
		body = child(item, "content", NULL);
	if (!body)
		body = child(item, "description", NULL);
	if (!body)
		body = child(item, "summary", NULL);
	eg_buf text = {0};
	if (body)
		body_text(body, &text);
	const xmlNode *title_node = child(item, "title", NULL);
	eg_buf title = {0};
	if (title_node)
		body_text(title_node, &title); /* Atom titles may be type="html" too */
	if (!text.len && !title.len) {
		eg_buf_free(&text);
		eg_buf_free(&title);
		return eg_error_set(err, "%s: item %zu: has neither a title nor a text", r->path, s->index);
	}
	memset(doc, 0, sizeof(*doc));
	eg_document_compose(doc, title.data, text.data ? text.data : "", text.len);
	eg_buf_free(&text);
	eg_buf_free(&title);

	doc->url = item_link(item);
	doc->id = clean_element_text(child(item, "guid", NULL));
	if (!doc->id)
		doc->id = clean_element_text(child(item, "id", NULL));
	if (!doc->id && doc->url)
		doc->id = eg_xstrdup(doc->url);
	if (!doc->id) {
		eg_buf fallback = {0};
		eg_buf_printf(&fallback, "%s#%zu", r->path, s->index);
		doc->id = fallback.data;
	}
	doc->date = item_date(item);
	doc->source = s->source ? eg_xstrdup(s->source) : NULL;
	return 0;
}

static int feed_next(eg_reader *r, eg_document *doc, eg_error *err)
{
	feed_state *s = r->state;
	const xmlNode *item = s->next_item;
	if (!item)
		return 0;
	s->next_item = next_named(item->next, s->item_name);
	s->index++;
	return item_to_document(r, s, item, doc, err) < 0 ? EG_INPUT_BAD_RECORD : 1;
}

static void feed_release(eg_reader *r)
{
	feed_state *s = r->state;
	if (s) {
		xmlFreeDoc(s->xml);
		free(s->source);
		free(s);
	}
	r->state = NULL;
}

/* The SAX hook for <!ENTITY ...>: the declaration kept, its value made
 * empty, so that no reference can expand to more than nothing. */
static void entity_declared(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
			    const xmlChar *system_id, xmlChar *content)
{
	(void)content;
	xmlSAX2EntityDecl(ctx, name, type, public_id, system_id, (xmlChar *)"");
}

static int parse_error(const char *path, xmlParserCtxtPtr ctxt, eg_error *err)
{
	const xmlError *e = ctxt ? xmlCtxtGetLastError(ctxt) : NULL;
	if (!e || !e->message)
		return eg_error_set(err, "%s: not well-formed XML", path);
	/* One line: some of libxml2's messages run on to a second ("Bytes:
	 * 0xE9 ..."). */
	char *message = eg_clean_text(e->message, strlen(e->message));
	eg_error_set(err, "%s:%d: %s", path, e->line, message ? message : "not well-formed XML");
	free(message);
	return -1;
}

int eg_feed_open(eg_reader *r, eg_error *err)
{
	if (r->length > INT_MAX)
		return eg_error_set(err, "%s: larger than the 2 GiB libxml2 parses as one feed", r->path);
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt)
		return eg_error_set(err, "%s: cannot start the XML parser", r->path);
	ctxt->sax->entityDecl = entity_declared;
	eg_xml_quiet quiet;
	eg_xml_quiet_begin(&quiet);
	int options = PARSE_OPTIONS;
	if (eg_find_bytes(r->data, r->data + r->length, "<!ENTITY"))
		options &= ~XML_PARSE_HUGE;
	xmlDocPtr xml = xmlCtxtReadMemory(ctxt, r->data, (int)r->length, NULL, NULL, options);
	eg_xml_quiet_end(&quiet);
	if (!xml) {
		parse_error(r->path, ctxt, err);
		xmlFreeParserCtxt(ctxt);
		return -1;
	}
	xmlFreeParserCtxt(ctxt);
	const xmlNode *root = xmlDocGetRootElement(xml);
	const xmlNode *channel = NULL, *first = NULL;
	const char *item_name = "item";
	if (root && local_is(root, "rss")) {
		channel = child(root, "channel", NULL);
		first = channel ? next_named(channel->children, "item") : NULL;
	} else if (root && local_is(root, "RDF")) {
		/* RSS 1.0: the items are the channel's siblings. */
		channel = child(root, "channel", NULL);
		first = next_named(root->children, "item");
	} else if (root && local_is(root, "feed")) {
		channel = root;
		item_name = "entry";
		first = next_named(root->children, "entry");
	} else {
		eg_error_set(err, "%s: not an RSS or Atom feed (the root element is <%s>)", r->path,
			     root ? (const char *)root->name : "");
		xmlFreeDoc(xml);
		return -1;
	}
	feed_state *s = eg_xcalloc(1, sizeof(*s));
	s->xml = xml;
	s->next_item = first;
	s->item_name = item_name;
	s->source = clean_element_text(child(channel, "title", NULL));
	r->state = s;
	r->next = feed_next;
	r->release = feed_release;
	return 0;
}
