#include "graph/previous.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

/* No network, no entities expanded, no DTD loaded.  XML_PARSE_HUGE stays
 * off: it would also lift libxml2's guard against entities that grow
 * exponentially inside attribute values ("billion laughs"), which the
 * parser expands even without XML_PARSE_NOENT. */
enum { PARSE_OPTIONS = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING };

typedef enum field { FIELD_NONE, FIELD_X, FIELD_Y, FIELD_COMMUNITY, FIELD_DOCUMENTS } field;

/* The keys (GraphML) or attribute ids (GEXF) that hold each field. */
typedef struct keys {
	char *x, *y, *community, *documents;
} keys;

static const char *attr(xmlTextReaderPtr r, const char *name, char **owned)
{
	free(*owned);
	*owned = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)name);
	return *owned;
}

static int same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static void set_key(char **slot, const char *value)
{
	free(*slot);
	*slot = eg_xstrdup(value);
}

static int number(const char *s, double *out)
{
	if (!s)
		return 0;
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	while (*end == ' ' || *end == '\n' || *end == '\t' || *end == '\r')
		end++;
	if (end == s || *end || errno || !isfinite(v))
		return 0;
	*out = v;
	return 1;
}

static eg_previous_node *node_for(eg_previous *p, const char *id)
{
	int inserted;
	uint32_t k = eg_strmap_intern(&p->ids, id, strlen(id), &inserted);
	if (inserted) {
		EG_GROW(p->nodes, p->cap, (size_t)k + 1);
		p->nodes[k] = (eg_previous_node){.community = -1, .documents = -1};
		p->count = (size_t)k + 1;
	}
	return &p->nodes[k];
}

/* Applies value to field f of node n; 0 when it is no number of its kind. */
static int apply(eg_previous *p, eg_previous_node *n, field f, const char *value, int *has_x, int *has_y)
{
	double v;
	if (!number(value, &v))
		return 0;
	if (f == FIELD_X) {
		n->x = v;
		*has_x = 1;
	} else if (f == FIELD_Y) {
		n->y = v;
		*has_y = 1;
	} else if (f == FIELD_COMMUNITY || f == FIELD_DOCUMENTS) {
		if (v < 0 || v > 1e15 || v != floor(v))
			return 0;
		if (f == FIELD_DOCUMENTS) {
			n->documents = (int64_t)v;
		} else {
			n->community = (int64_t)v;
			if (n->community + 1 > p->communities)
				p->communities = n->community + 1;
		}
	}
	n->placed = *has_x && *has_y;
	return 1;
}

int eg_previous_read(const char *path, eg_previous *out, int *err_no, eg_error *err)
{
	memset(out, 0, sizeof(*out));
	eg_strmap_init(&out->ids);
	*err_no = 0;
	FILE *probe = fopen(path, "rb");
	if (!probe) {
		*err_no = errno;
		eg_previous_free(out);
		return eg_error_set(err, "%s: %s", path, strerror(*err_no));
	}
	fclose(probe);
	xmlTextReaderPtr r = xmlReaderForFile(path, NULL, PARSE_OPTIONS);
	if (!r) {
		eg_previous_free(out);
		return eg_error_set(err, "%s: cannot read it as XML", path);
	}
	keys k = {0};
	char *a = NULL, *b = NULL, *c = NULL;
	int root = 0, gexf = 0, rc = 0, status;
	eg_previous_node *current = NULL;
	int has_x = 0, has_y = 0, node_attributes = 0;
	char *bad = NULL;
	while ((status = xmlTextReaderRead(r)) == 1) {
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
			continue;
		const char *name = (const char *)xmlTextReaderConstLocalName(r);
		if (!root) {
			root = 1;
			gexf = same(name, "gexf");
			if (!gexf && !same(name, "graphml")) {
				rc = eg_error_set(err, "%s: not a graph entgraph writes (its root is <%s>, not <graphml> or <gexf>)",
						  path, name);
				break;
			}
			continue;
		}
		if (same(name, "edge") || same(name, "edges"))
			break; /* nodes come first; the edges are not needed */
		if (same(name, "key") && same(attr(r, "for", &a), "node")) {
			const char *what = attr(r, "attr.name", &b), *id = attr(r, "id", &c);
			if (id && same(what, "x"))
				set_key(&k.x, id);
			else if (id && same(what, "y"))
				set_key(&k.y, id);
			else if (id && same(what, "community"))
				set_key(&k.community, id);
			else if (id && same(what, "documents"))
				set_key(&k.documents, id);
		} else if (same(name, "attributes")) {
			node_attributes = same(attr(r, "class", &a), "node");
		} else if (same(name, "attribute") && node_attributes) {
			const char *title = attr(r, "title", &b), *id = attr(r, "id", &c);
			if (id && same(title, "community"))
				set_key(&k.community, id);
			else if (id && same(title, "documents"))
				set_key(&k.documents, id);
		} else if (same(name, "node")) {
			const char *id = attr(r, "id", &a);
			current = id && *id ? node_for(out, id) : NULL;
			has_x = has_y = 0;
		} else if (current && same(name, "data") && !gexf) {
			const char *key = attr(r, "key", &a);
			field f = same(key, k.x)	   ? FIELD_X
				  : same(key, k.y)	   ? FIELD_Y
				  : same(key, k.community) ? FIELD_COMMUNITY
				  : same(key, k.documents) ? FIELD_DOCUMENTS
							   : FIELD_NONE;
			if (f != FIELD_NONE) {
				free(b);
				b = (char *)xmlTextReaderReadString(r);
				if (!apply(out, current, f, b, &has_x, &has_y)) {
					bad = eg_xstrdup(b ? b : "");
					break;
				}
			}
		} else if (current && same(name, "attvalue") && gexf) {
			const char *what = attr(r, "for", &a);
			field f = same(what, k.community) ? FIELD_COMMUNITY
				  : same(what, k.documents) ? FIELD_DOCUMENTS
							    : FIELD_NONE;
			if (f != FIELD_NONE && !apply(out, current, f, attr(r, "value", &b), &has_x, &has_y)) {
				bad = eg_xstrdup(b ? b : "");
				break;
			}
		} else if (current && same(name, "position") && gexf) {
			if (!apply(out, current, FIELD_X, attr(r, "x", &a), &has_x, &has_y) ||
			    !apply(out, current, FIELD_Y, attr(r, "y", &b), &has_x, &has_y)) {
				bad = eg_xstrdup("a position");
				break;
			}
		}
	}
	if (rc == 0 && bad)
		rc = eg_error_set(err, "%s:%d: \"%.40s\" is not a position or community number", path,
				  xmlTextReaderGetParserLineNumber(r), bad);
	else if (rc == 0 && status < 0)
		rc = eg_error_set(err, "%s:%d: not well-formed XML", path, xmlTextReaderGetParserLineNumber(r));
	else if (rc == 0 && !root)
		rc = eg_error_set(err, "%s: empty, not a graph", path);
	free(bad);
	free(a);
	free(b);
	free(c);
	free(k.x);
	free(k.y);
	free(k.community);
	free(k.documents);
	xmlFreeTextReader(r);
	if (rc < 0)
		eg_previous_free(out);
	return rc;
}

void eg_previous_add(eg_previous *p, const char *id, const eg_previous_node *node)
{
	if (!p->nodes && !p->count)
		eg_strmap_init(&p->ids);
	eg_previous_node *n = node_for(p, id);
	*n = *node;
	if (n->community + 1 > p->communities)
		p->communities = n->community + 1;
}

const eg_previous_node *eg_previous_find(const eg_previous *p, const char *id)
{
	if (!p || !p->count)
		return NULL;
	int64_t k = eg_strmap_find(&p->ids, id, strlen(id));
	return k < 0 ? NULL : &p->nodes[k];
}

void eg_previous_free(eg_previous *p)
{
	eg_strmap_free(&p->ids);
	free(p->nodes);
	memset(p, 0, sizeof(*p));
}
