#include "output/ftm.h"
#include "graph/relcount.h"
#include "output/attributes.h"
#include "output/mentions.h"
#include "util/map.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

/* The dictionaries' ORG categories (the dictionaries' TSV files) of bodies of a
 * state or of states, and of businesses; the others (parties, media, NGOs,
 * clubs, unions, armed groups, ...) are Organizations. */
static const char *const public_categories[] = {
	"government", "military", "intelligence", "police", "regulator", "court", "central bank",
	"intergovernmental", "peacekeeping", "border", "development bank", "sovereign fund", NULL,
};
static const char *const company_categories[] = {
	"company", "tech", "technology", "bank", "airline", "finance", "energy", "industry", "pharma",
	"automotive", "consulting", "exchange", "surveillance", "defence", "news agency", "telecom", "mining",
	"ai", "consumer", "transport", "ratings", "retail", "shipping", "law", "cloud", "aerospace", NULL,
};

static int listed(const char *const *list, const char *s)
{
	for (size_t i = 0; s && list[i]; i++)
		if (strcmp(list[i], s) == 0)
			return 1;
	return 0;
}

const char *eg_ftm_schema(const char *type, const char *category)
{
	if (strcmp(type, "PERSON") == 0)
		return "Person";
	if (strcmp(type, "UNIT") == 0)
		return "PublicBody";
	if (strcmp(type, "PLACE") == 0)
		return "Address";
	if (strcmp(type, "PRODUCT") == 0)
		return "Asset";
	if (strcmp(type, "ORG") != 0)
		return "LegalEntity";
	if (listed(public_categories, category))
		return "PublicBody";
	if (listed(company_categories, category))
		return "Company";
	return "Organization";
}

/* Schemas whose entities a Mention may resolve to (FtM: LegalEntity). */
static int legal_entity(const char *schema)
{
	return strcmp(schema, "Address") != 0 && strcmp(schema, "Asset") != 0;
}

typedef struct writer {
	FILE *fp;
	eg_buf b, safe;
	int error;
	int props; /* properties written in the current entity */
} writer;

static void flush(writer *w)
{
	if (!w->error && w->b.len && fwrite(w->b.data, 1, w->b.len, w->fp) != w->b.len)
		w->error = errno ? errno : EIO;
	eg_buf_clear(&w->b);
}

static void string(writer *w, const char *s)
{
	s = eg_xml_safe(s, &w->safe);
	eg_json_string(&w->b, s, strlen(s));
}

static void begin(writer *w, const char *id, const char *schema)
{
	eg_buf_adds(&w->b, "{\"id\":");
	string(w, id);
	eg_buf_adds(&w->b, ",\"schema\":");
	string(w, schema);
	eg_buf_adds(&w->b, ",\"properties\":{");
	w->props = 0;
}

static void end(writer *w)
{
	eg_buf_adds(&w->b, "}}\n");
	if (w->b.len > 65536)
		flush(w);
}

/* "name":[values...], the empty and absent values left out, the property
 * left out when none is left. */
static void prop(writer *w, const char *name, const char *const *values, size_t n)
{
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		if (!values[i] || !*values[i])
			continue;
		if (!kept++) {
			eg_buf_adds(&w->b, w->props++ ? ",\"" : "\"");
			eg_buf_adds(&w->b, name);
			eg_buf_adds(&w->b, "\":[");
		} else {
			eg_buf_addc(&w->b, ',');
		}
		string(w, values[i]);
	}
	if (kept)
		eg_buf_addc(&w->b, ']');
}

static void prop1(writer *w, const char *name, const char *value)
{
	prop(w, name, &value, 1);
}

static int web_url(const char *url)
{
	return url && (strncmp(url, "http://", 7) == 0 || strncmp(url, "https://", 8) == 0);
}

static void article_id(const char *document, eg_buf *out)
{
	eg_buf_clear(out);
	eg_buf_printf(out, "article.%016" PRIx64, eg_hash_bytes(document, strlen(document)));
}

static void node(writer *w, const eg_graph *g, size_t i)
{
	const eg_graph_node *n = &g->nodes[i];
	const char *schema = eg_ftm_schema(n->type, n->category);
	begin(w, n->id, schema);
	prop1(w, "name", n->label);
	/* Its other surface forms, as the other formats list them. */
	eg_form forms[EG_FORMS_MAX];
	uint32_t count = g->counts ? eg_cooc_entity_forms(g->counts, n->entity, forms) : 0;
	const char *aliases[EG_FORMS_MAX];
	size_t a = 0;
	for (uint32_t k = 0; k < count; k++)
		if (strcmp(forms[k].text, n->label) != 0)
			aliases[a++] = forms[k].text;
	prop(w, "alias", aliases, a);
	if (strcmp(schema, "Address") == 0)
		prop1(w, "full", n->label);
	if (legal_entity(schema))
		prop1(w, "classification", n->category);
	else
		prop1(w, "description", n->category);
	prop(w, "weakAlias", n->candidates, n->candidate_count);
	uint32_t items = eg_graph_evidence_count(g, g->edge_count + i);
	const char *proof[EG_EVIDENCE_LIMIT] = {0};
	eg_buf ids[EG_EVIDENCE_LIMIT] = {{0}};
	for (uint32_t k = 0; k < items; k++) {
		article_id(eg_graph_evidence(g, g->edge_count + i, k).document, &ids[k]);
		proof[k] = ids[k].data;
	}
	prop(w, "proof", proof, items);
	for (uint32_t k = 0; k < items; k++)
		eg_buf_free(&ids[k]);
	end(w);
}

static void article(writer *w, const eg_evidence *e, eg_buf *id)
{
	article_id(e->document, id);
	begin(w, id->data, "Article");
	prop1(w, "name", e->title && *e->title ? e->title : e->document);
	prop1(w, "fileName", e->document);
	prop1(w, "title", e->title);
	prop1(w, "publisher", e->outlet);
	prop1(w, "sourceUrl", web_url(e->url) ? e->url : NULL);
	prop1(w, "date", e->date);
	prop1(w, "publishedAt", e->date);
	end(w);
}

static void mention(writer *w, const eg_graph_node *n, const eg_evidence *e, eg_buf *id)
{
	const char *schema = eg_ftm_schema(n->type, n->category);
	uint64_t h = eg_hash_bytes(e->document, strlen(e->document) + 1);
	h = eg_hash_mix(h, n->id, strlen(n->id));
	eg_buf_clear(id);
	eg_buf_printf(id, "mention.%016" PRIx64, h);
	begin(w, id->data, "Mention");
	eg_buf document = {0};
	article_id(e->document, &document);
	prop1(w, "document", document.data);
	eg_buf_free(&document);
	prop1(w, "name", n->label);
	prop1(w, "detectedSchema", schema);
	if (legal_entity(schema))
		prop1(w, "resolved", n->id);
	end(w);
}

static void link(writer *w, const eg_graph *g, size_t i, eg_buf *id)
{
	const eg_graph_edge *e = &g->edges[i];
	eg_pair_counts pair = eg_graph_edge_pair(g, i);
	eg_buf_clear(id);
	eg_buf_adds(id, "link.");
	eg_buf edge_id = {0};
	eg_graph_edge_id(g, i, &edge_id);
	eg_buf_adds(id, edge_id.data);
	eg_buf_free(&edge_id);
	begin(w, id->data, "UnknownLink");
	prop1(w, "subject", g->nodes[e->source].id);
	prop1(w, "object", g->nodes[e->target].id);
	prop1(w, "role", "co-occurs");
	char summary[128];
	snprintf(summary, sizeof(summary), "together in %" PRIu64 " window%s of %" PRIu64 " document%s", e->count,
		 e->count == 1 ? "" : "s", e->documents, e->documents == 1 ? "" : "s");
	prop1(w, "summary", summary);
	prop1(w, "startDate", pair.first_date);
	prop1(w, "endDate", pair.last_date);
	const char *sentences[EG_EVIDENCE_LIMIT], *urls[EG_EVIDENCE_LIMIT];
	for (uint32_t k = 0; k < pair.evidence_count; k++) {
		eg_evidence ev = eg_graph_edge_evidence(g, i, k);
		sentences[k] = ev.sentence;
		urls[k] = web_url(ev.url) ? ev.url : NULL;
	}
	prop(w, "description", sentences, pair.evidence_count);
	prop(w, "sourceUrl", urls, pair.evidence_count);
	end(w);
}

/* Roles that make a member of an organisation rather than its employee. */
static const char *const MEMBER_ROLES[] = {"member", "board member", "organiser", "organizer", "activist",
					   "campaigner", "leader", "founder", "co-founder", "cofounder", "partner",
					   "shareholder", "investor", "unit", "arm", "division", "subsidiary", "branch",
					   "wing", NULL};

static int organization(const char *schema)
{
	return strcmp(schema, "Organization") == 0 || strcmp(schema, "Company") == 0 ||
	       strcmp(schema, "PublicBody") == 0;
}

/* One relation the sentences state (graph/relcount.h) between two nodes:
 * a role in an organisation as an Employment (a person's) or a Membership
 * (a member role, or an organisation's: "unit of"), its role the
 * predicate without its preposition and "former" as status "former";
 * anything else an UnknownLink whose role is the predicate. */
static void relation(writer *w, const eg_graph *g, const eg_relation_counts *c, uint32_t s, uint32_t o, eg_buf *id)
{
	const eg_graph_node *a = &g->nodes[s], *b = &g->nodes[o];
	const char *sa = eg_ftm_schema(a->type, a->category), *sb = eg_ftm_schema(b->type, b->category);
	uint64_t h = eg_hash_bytes(a->id, strlen(a->id) + 1);
	h = eg_hash_mix(h, b->id, strlen(b->id) + 1);
	h = eg_hash_mix(h, c->predicate, strlen(c->predicate));
	h = eg_hash_mix(h, eg_relation_kind_name(c->kind), strlen(eg_relation_kind_name(c->kind)));
	eg_buf_clear(id);
	eg_buf_printf(id, "relation.%016" PRIx64, h);
	char role[EG_PREDICATE_MAX + 16];
	snprintf(role, sizeof(role), "%s", c->predicate);
	int former = strncmp(role, "former ", 7) == 0;
	if (former)
		memmove(role, role + 7, strlen(role + 7) + 1);
	char *space = strrchr(role, ' ');
	int is_role = c->kind == EG_REL_ROLE && space && organization(sb) && legal_entity(sa) &&
		      strncmp(role, "not ", 4) != 0;
	if (is_role)
		*space = '\0'; /* "CEO of": the role is "CEO" */
	const char *schema = !is_role ? "UnknownLink"
			     : strcmp(sa, "Person") == 0 && !listed(MEMBER_ROLES, role) ? "Employment"
											 : "Membership";
	begin(w, id->data, schema);
	if (strcmp(schema, "Employment") == 0) {
		prop1(w, "employee", a->id);
		prop1(w, "employer", b->id);
	} else if (strcmp(schema, "Membership") == 0) {
		prop1(w, "member", a->id);
		prop1(w, "organization", b->id);
	} else {
		prop1(w, "subject", a->id);
		prop1(w, "object", b->id);
	}
	prop1(w, "role", is_role ? role : c->predicate);
	if (is_role && former)
		prop1(w, "status", "former");
	char summary[160];
	snprintf(summary, sizeof(summary), "%s, stated %" PRIu64 " time%s in %" PRIu64 " document%s",
		 eg_relation_kind_name(c->kind), c->instances, c->instances == 1 ? "" : "s", c->documents,
		 c->documents == 1 ? "" : "s");
	prop1(w, "summary", summary);
	if (c->sentence && *c->sentence)
		prop1(w, "description", c->sentence);
	/* Intervals have no proof: the document's id, as its Article's
	 * fileName has it, is the record */
	prop1(w, "recordId", c->document);
	end(w);
}

typedef struct placed {
	uint32_t s, o;
	eg_relation_counts c;
} placed;

static int by_placed(const void *x, const void *y)
{
	const placed *a = x, *b = y;
	if (a->s != b->s)
		return a->s < b->s ? -1 : 1;
	if (a->o != b->o)
		return a->o < b->o ? -1 : 1;
	if (a->c.kind != b->c.kind)
		return a->c.kind < b->c.kind ? -1 : 1;
	return strcmp(a->c.predicate, b->c.predicate);
}

/* Every relation between two nodes, by (subject, object, kind, predicate);
 * *n receives the count.  Caller frees. */
static placed *relations_of(const eg_graph *g, size_t *n)
{
	*n = 0;
	if (!g->counts)
		return NULL;
	const eg_relcount *rc = eg_cooc_relations(g->counts);
	size_t limit, count = eg_relcount_count(rc), k = 0;
	uint32_t *node_of = eg_graph_node_of(g, &limit);
	placed *v = eg_xmalloc((count ? count : 1) * sizeof(*v));
	for (size_t i = 0; i < count; i++) {
		eg_relation_counts c = eg_relcount_get(rc, i);
		uint32_t s = c.subject < limit ? node_of[c.subject] : UINT32_MAX;
		uint32_t o = c.object < limit ? node_of[c.object] : UINT32_MAX;
		if (s != UINT32_MAX && o != UINT32_MAX)
			v[k++] = (placed){s, o, c};
	}
	free(node_of);
	qsort(v, k, sizeof(*v), by_placed);
	*n = k;
	return v;
}

int eg_ftm_write(FILE *fp, const eg_graph *g, eg_error *err)
{
	writer w = {.fp = fp};
	eg_buf id = {0};
	errno = 0;
	for (size_t i = 0; i < g->node_count && !w.error; i++)
		node(&w, g, i);
	/* Each evidence document once, in order of first use: the nodes',
	 * then the links'. */
	eg_strmap seen;
	eg_strmap_init(&seen);
	size_t lists = g->edge_count + g->node_count;
	for (size_t j = 0; j < lists && !w.error; j++) {
		size_t i = (j + g->edge_count) % lists; /* nodes first */
		uint32_t n = eg_graph_evidence_count(g, i);
		for (uint32_t k = 0; k < n; k++) {
			eg_evidence e = eg_graph_evidence(g, i, k);
			int inserted;
			eg_strmap_intern(&seen, e.document, strlen(e.document), &inserted);
			if (inserted)
				article(&w, &e, &id);
		}
	}
	eg_strmap_free(&seen);
	size_t relation_count;
	placed *rels = relations_of(g, &relation_count);
	for (size_t i = 0; i < g->node_count && !w.error; i++) {
		uint32_t n = eg_graph_evidence_count(g, g->edge_count + i);
		for (uint32_t k = 0; k < n; k++) {
			eg_evidence e = eg_graph_evidence(g, g->edge_count + i, k);
			mention(&w, &g->nodes[i], &e, &id);
		}
	}
	for (size_t i = 0; i < g->edge_count && !w.error; i++)
		link(&w, g, i, &id);
	for (size_t i = 0; i < relation_count && !w.error; i++)
		relation(&w, g, &rels[i].c, rels[i].s, rels[i].o, &id);
	free(rels);
	flush(&w);
	if (!w.error && (fflush(fp) != 0 || ferror(fp)))
		w.error = errno ? errno : EIO;
	eg_buf_free(&id);
	eg_buf_free(&w.b);
	eg_buf_free(&w.safe);
	if (w.error)
		return eg_error_set(err, "cannot write the FtM entities: %s", strerror(w.error));
	return 0;
}
