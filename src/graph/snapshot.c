#include "graph/snapshot.h"
#include "graph/identity.h"
#include "store/partial.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

/* As in previous.c: no network, no DTD, and no XML_PARSE_HUGE, which would
 * let entities grow without bound inside attribute values. */
enum { PARSE_OPTIONS = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING };

#define SEPARATOR " | " /* output/attributes.h's EG_LIST_SEPARATOR */

static char *dup_or_null(const char *s)
{
	return s && *s ? eg_xstrdup(s) : NULL;
}

static uint64_t count_of(const char *s)
{
	return s ? strtoull(s, NULL, 10) : 0;
}

/* Item k of a " | " list, as a new string; NULL when empty or missing. */
static char *item(const char *list, size_t k)
{
	if (!list)
		return NULL;
	const char *p = list;
	for (size_t i = 0; i < k; i++) {
		const char *next = strstr(p, SEPARATOR);
		if (!next)
			return NULL;
		p = next + strlen(SEPARATOR);
	}
	const char *end = strstr(p, SEPARATOR);
	size_t n = end ? (size_t)(end - p) : strlen(p);
	return n ? eg_xstrndup(p, n) : NULL;
}

static size_t items(const char *list)
{
	if (!list || !*list)
		return 0;
	size_t n = 1;
	for (const char *p = strstr(list, SEPARATOR); p; p = strstr(p + strlen(SEPARATOR), SEPARATOR))
		n++;
	return n;
}

/* The values of one <node> or <edge>, by attribute name. */
enum { F_LABEL, F_TYPE, F_MENTIONS, F_DOCUMENTS, F_FIRST, F_X, F_Y, F_SIZE, F_COUNT, F_EVIDENCE, F_DATES, F_TITLES,
       F_OUTLETS, F_URLS, F_SNIPPET, F_COUNT_OF };
static const char *const field_names[F_COUNT_OF] = {
	"label", "entity_type", "mentions", "documents", "first_seen", "x", "y", "size", "count", "evidence",
	"evidence_dates", "evidence_titles", "evidence_outlets", "evidence_urls", "snippet",
};

typedef struct key_field {
	char *id;
	int node; /* for="node" */
	int field;
} key_field;

static int field_of(const char *name)
{
	for (int f = 0; f < F_COUNT_OF; f++)
		if (strcmp(name, field_names[f]) == 0)
			return f;
	return -1;
}

static void add_node(eg_snapshot *s, const char *id, char *const *v)
{
	EG_GROW(s->nodes, s->node_cap, s->node_count + 1);
	eg_snap_node *n = &s->nodes[s->node_count++];
	*n = (eg_snap_node){.id = eg_xstrdup(id), .label = eg_xstrdup(v[F_LABEL] ? v[F_LABEL] : id),
			    .type = eg_xstrdup(v[F_TYPE] ? v[F_TYPE] : ""), .first_seen = dup_or_null(v[F_FIRST]),
			    .mentions = count_of(v[F_MENTIONS]), .documents = count_of(v[F_DOCUMENTS])};
	if (v[F_X] && v[F_Y]) {
		n->x = strtod(v[F_X], NULL);
		n->y = strtod(v[F_Y], NULL);
		n->placed = 1;
	}
	n->size = v[F_SIZE] ? strtod(v[F_SIZE], NULL) : 0;
}

/* directed="true": a relation link, which diff leaves out. */
static int is_directed(xmlTextReaderPtr r)
{
	char *d = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)"directed");
	int yes = d && strcmp(d, "true") == 0;
	xmlFree(d);
	return yes;
}

static void add_edge(eg_snapshot *s, const char *source, const char *target, char *const *v)
{
	EG_GROW(s->edges, s->edge_cap, s->edge_count + 1);
	eg_snap_edge *e = &s->edges[s->edge_count++];
	const char *a = strcmp(source, target) < 0 ? source : target, *b = a == source ? target : source;
	eg_buf id = {0};
	eg_buf_printf(&id, "%s--%s", a, b);
	*e = (eg_snap_edge){.id = id.data, .source = eg_xstrdup(a), .target = eg_xstrdup(b),
			    .count = count_of(v[F_COUNT]), .documents = count_of(v[F_DOCUMENTS]),
			    .first_seen = dup_or_null(v[F_FIRST])};
	e->evidence_count = items(v[F_EVIDENCE]);
	e->evidence = eg_xcalloc(e->evidence_count ? e->evidence_count : 1, sizeof(*e->evidence));
	for (size_t k = 0; k < e->evidence_count; k++) {
		eg_snap_evidence *x = &e->evidence[k];
		x->document = item(v[F_EVIDENCE], k);
		if (!x->document)
			x->document = eg_xstrdup("?");
		x->date = item(v[F_DATES], k);
		x->title = item(v[F_TITLES], k);
		x->outlet = item(v[F_OUTLETS], k);
		x->url = item(v[F_URLS], k);
		x->sentence = k == 0 ? dup_or_null(v[F_SNIPPET]) : NULL;
	}
}

static int read_graphml(const char *path, eg_snapshot *s, eg_error *err)
{
	xmlTextReaderPtr r = xmlReaderForFile(path, NULL, PARSE_OPTIONS);
	if (!r)
		return eg_error_set(err, "%s: cannot read it as XML", path);
	key_field *keys = NULL;
	size_t key_count = 0, key_cap = 0;
	char *v[F_COUNT_OF] = {0};
	char *id = NULL, *source = NULL, *target = NULL;
	int in = 0; /* 1 in a node, 2 in an edge */
	int directed = 0; /* the edge is a relation link (--relations): not compared */
	int root = 0, rc = 0, status;
	while ((status = xmlTextReaderRead(r)) == 1) {
		int type = xmlTextReaderNodeType(r);
		const char *name = (const char *)xmlTextReaderConstLocalName(r);
		if (type == XML_READER_TYPE_END_ELEMENT || (type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(r) &&
							    (strcmp(name, "node") == 0 || strcmp(name, "edge") == 0))) {
			if (type == XML_READER_TYPE_ELEMENT) {
				/* <node id="x"/>: read its id first */
				free(id);
				id = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)"id");
				free(source);
				free(target);
				source = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)"source");
				target = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)"target");
				directed = is_directed(r);
				in = strcmp(name, "node") == 0 ? 1 : 2;
			}
			if (in == 1 && strcmp(name, "node") == 0 && id)
				add_node(s, id, v);
			else if (in == 2 && strcmp(name, "edge") == 0 && source && target && !directed)
				add_edge(s, source, target, v);
			if (strcmp(name, "node") == 0 || strcmp(name, "edge") == 0) {
				in = 0;
				for (int f = 0; f < F_COUNT_OF; f++) {
					free(v[f]);
					v[f] = NULL;
				}
			}
			continue;
		}
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		if (!root) {
			root = 1;
			if (strcmp(name, "graphml") != 0) {
				rc = eg_error_set(err, "%s: not a GraphML graph (its root is <%s>; diff reads GraphML and partial results)",
						  path, name);
				break;
			}
		} else if (strcmp(name, "key") == 0) {
			char *kid = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)"id");
			char *kfor = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)"for");
			char *kname = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)"attr.name");
			int f = kname ? field_of(kname) : -1;
			if (kid && kfor && f >= 0) {
				EG_GROW(keys, key_cap, key_count + 1);
				keys[key_count++] = (key_field){eg_xstrdup(kid), strcmp(kfor, "node") == 0, f};
			}
			xmlFree(kid);
			xmlFree(kfor);
			xmlFree(kname);
		} else if (strcmp(name, "node") == 0 || strcmp(name, "edge") == 0) {
			in = strcmp(name, "node") == 0 ? 1 : 2;
			free(id);
			free(source);
			free(target);
			id = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)"id");
			source = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)"source");
			target = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)"target");
			directed = is_directed(r);
		} else if (in && strcmp(name, "data") == 0) {
			char *key = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)"key");
			for (size_t k = 0; key && k < key_count; k++) {
				if (keys[k].node == (in == 1) && strcmp(keys[k].id, key) == 0) {
					free(v[keys[k].field]);
					v[keys[k].field] = (char *)xmlTextReaderReadString(r);
					break;
				}
			}
			xmlFree(key);
		}
	}
	if (rc == 0 && status < 0)
		rc = eg_error_set(err, "%s:%d: not well-formed XML", path, xmlTextReaderGetParserLineNumber(r));
	else if (rc == 0 && !root)
		rc = eg_error_set(err, "%s: empty, not a graph", path);
	for (int f = 0; f < F_COUNT_OF; f++)
		free(v[f]);
	for (size_t k = 0; k < key_count; k++)
		free(keys[k].id);
	free(keys);
	free(id);
	free(source);
	free(target);
	xmlFreeTextReader(r);
	return rc;
}

static int read_partial(const char *path, eg_snapshot *s, eg_error *err)
{
	eg_entities *none = eg_entities_new(), *ents = eg_entities_extend(none);
	eg_cooc *c = eg_cooc_new((eg_window){EG_WINDOW_SENTENCE, 0});
	eg_cooc_set_evidence(c, EG_EVIDENCE_LIMIT);
	eg_partial_info info;
	int rc = eg_partial_read(path, c, ents, &info, err);
	eg_identity id = {0};
	if (rc == 0) {
		eg_partial_info_free(&info);
		rc = eg_identity_join(c, ents, &id, err);
	}
	if (rc == 0) {
		for (uint32_t e = 0; e < eg_cooc_entity_limit(c); e++) {
			eg_entity_counts n = eg_cooc_entity(c, e);
			if (!n.mentions)
				continue;
			char mentions[32], documents[32];
			snprintf(mentions, sizeof(mentions), "%llu", (unsigned long long)n.mentions);
			snprintf(documents, sizeof(documents), "%llu", (unsigned long long)n.documents);
			char *v[F_COUNT_OF] = {0};
			v[F_LABEL] = (char *)eg_entity_label(ents, e);
			v[F_TYPE] = (char *)eg_entity_type(ents, e);
			v[F_MENTIONS] = mentions;
			v[F_DOCUMENTS] = documents;
			v[F_FIRST] = (char *)n.first_date;
			add_node(s, eg_entity_id(ents, e), v);
		}
		for (size_t i = 0; i < eg_cooc_pair_count(c); i++) {
			eg_pair_counts p = eg_cooc_pair(c, i);
			char count[32], documents[32];
			snprintf(count, sizeof(count), "%llu", (unsigned long long)p.weight);
			snprintf(documents, sizeof(documents), "%llu", (unsigned long long)p.documents);
			char *v[F_COUNT_OF] = {0};
			v[F_COUNT] = count;
			v[F_DOCUMENTS] = documents;
			v[F_FIRST] = (char *)p.first_date;
			add_edge(s, eg_entity_id(ents, p.a), eg_entity_id(ents, p.b), v);
			eg_snap_edge *e = &s->edges[s->edge_count - 1];
			free(e->evidence);
			e->evidence = eg_xcalloc(p.evidence_count ? p.evidence_count : 1, sizeof(*e->evidence));
			e->evidence_count = p.evidence_count;
			for (uint32_t k = 0; k < p.evidence_count; k++) {
				eg_evidence x = eg_cooc_evidence(c, i, k);
				e->evidence[k] = (eg_snap_evidence){eg_xstrdup(x.document), dup_or_null(x.date),
								    dup_or_null(x.title), dup_or_null(x.outlet),
								    dup_or_null(x.url), dup_or_null(x.sentence)};
			}
		}
		eg_identity_free(&id);
	}
	eg_cooc_free(c);
	eg_entities_free(ents);
	eg_entities_free(none);
	return rc;
}

static int by_node(const void *a, const void *b)
{
	return strcmp(((const eg_snap_node *)a)->id, ((const eg_snap_node *)b)->id);
}

static int by_edge(const void *a, const void *b)
{
	return strcmp(((const eg_snap_edge *)a)->id, ((const eg_snap_edge *)b)->id);
}

int eg_snapshot_read(const char *path, eg_snapshot *out, eg_error *err)
{
	memset(out, 0, sizeof(*out));
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return eg_error_set(err, "%s: %s", path, strerror(errno));
	char magic[8] = {0};
	size_t got = fread(magic, 1, sizeof(magic), fp);
	fclose(fp);
	int rc = got == 8 && memcmp(magic, "EGPART\r\n", 8) == 0 ? read_partial(path, out, err)
								 : read_graphml(path, out, err);
	if (rc < 0) {
		eg_snapshot_free(out);
		return -1;
	}
	qsort(out->nodes, out->node_count, sizeof(*out->nodes), by_node);
	qsort(out->edges, out->edge_count, sizeof(*out->edges), by_edge);
	for (size_t i = 0; i < out->node_count; i++)
		eg_strmap_intern(&out->node_index, out->nodes[i].id, strlen(out->nodes[i].id), NULL);
	for (size_t i = 0; i < out->edge_count; i++)
		eg_strmap_intern(&out->edge_index, out->edges[i].id, strlen(out->edges[i].id), NULL);
	if (out->node_index.count != out->node_count || out->edge_index.count != out->edge_count) {
		eg_snapshot_free(out);
		return eg_error_set(err, "%s: a node or link twice (not a graph entgraph wrote)", path);
	}
	return 0;
}

const eg_snap_node *eg_snapshot_node(const eg_snapshot *s, const char *id)
{
	int64_t k = s->node_count ? eg_strmap_find(&s->node_index, id, strlen(id)) : -1;
	return k < 0 ? NULL : &s->nodes[k];
}

const eg_snap_edge *eg_snapshot_edge(const eg_snapshot *s, const char *id)
{
	int64_t k = s->edge_count ? eg_strmap_find(&s->edge_index, id, strlen(id)) : -1;
	return k < 0 ? NULL : &s->edges[k];
}

void eg_snapshot_free(eg_snapshot *s)
{
	for (size_t i = 0; i < s->node_count; i++) {
		free(s->nodes[i].id);
		free(s->nodes[i].label);
		free(s->nodes[i].type);
		free(s->nodes[i].first_seen);
	}
	for (size_t i = 0; i < s->edge_count; i++) {
		eg_snap_edge *e = &s->edges[i];
		for (size_t k = 0; k < e->evidence_count; k++) {
			free(e->evidence[k].document);
			free(e->evidence[k].date);
			free(e->evidence[k].title);
			free(e->evidence[k].outlet);
			free(e->evidence[k].url);
			free(e->evidence[k].sentence);
		}
		free(e->evidence);
		free(e->id);
		free(e->source);
		free(e->target);
		free(e->first_seen);
	}
	free(s->nodes);
	free(s->edges);
	eg_strmap_free(&s->node_index);
	eg_strmap_free(&s->edge_index);
	memset(s, 0, sizeof(*s));
}
