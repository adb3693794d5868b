/* Corpus-level identity (graph/identity.h): which short forms join which
 * entity, what the joined counts hold, and that a partial written where
 * the dictionaries are carries what a merge needs to join the same way. */
#include "check.h"
#include "graph/identity.h"
#include "store/partial.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct name {
	const char *text, *type;
} name;

/* Longest first: the first that matches at a token wins. */
static const name names[] = {
	{"Satya Nadella", "PERSON"},  {"Bill Clinton", "PERSON"}, {"Hillary Clinton", "PERSON"},
	{"Microsoft Corp.", "ORG"},   {"Amazon Web Services", "ORG"}, {"Acme Inc.", "ORG"},
	{"Acme Corp.", "ORG"},        {"Nadella", "PERSON"},      {"Clinton", "PERSON"},
	{"Jassy", "PERSON"},          {"Microsoft", "ORG"},       {"Amazon", "ORG"},
	{"Azure", "PRODUCT"},         {"Ohio", "PLACE"},
};

static const char *const docs[][2] = {
	{"d1", "Satya Nadella runs Microsoft."},
	{"d2", "Nadella praised Azure. NADELLA spoke in Ohio."},
	{"d3", "Microsoft Corp. hired Nadella for Azure."},
	{"d4", "Bill Clinton and Hillary Clinton met."},
	{"d5", "Clinton spoke in Ohio."},
	{"d6", "Amazon Web Services and Amazon grew."},
	{"d7", "Jassy ran Amazon."},
	{"d8", "Acme Inc. and Acme Corp."},
	{"d9", "Acme Corp. in Ohio."},
};
#define DOCS (sizeof(docs) / sizeof(docs[0]))

static void count(eg_cooc *c, eg_entities *ents)
{
	eg_tokens tokens = {0};
	eg_mentions m = {0};
	for (size_t i = 0; i < DOCS; i++) {
		eg_document d = {.id = (char *)docs[i][0], .text = (char *)docs[i][1], .length = strlen(docs[i][1])};
		eg_tokenize(d.text, d.length, &tokens);
		m.n = 0;
		for (size_t t = 0; t < tokens.n; t++) {
			for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
				size_t len = strlen(names[k].text);
				if (strncasecmp(d.text + tokens.v[t].start, names[k].text, len) != 0)
					continue;
				size_t u = t;
				while (tokens.v[u].end < tokens.v[t].start + len)
					u++;
				eg_mentions_push_tokens(&m, &tokens, t, u + 1,
							eg_entities_intern(ents, names[k].type, names[k].text, len, NULL),
							EG_SOURCE_DICT);
				t = u;
				break;
			}
		}
		eg_mentions_locate(&m, &tokens);
		eg_cooc_add_document(c, &d, m.v, m.n);
	}
	eg_tokens_free(&tokens);
	eg_mentions_free(&m);
}

static int64_t find(const eg_entities *ents, const char *type, const char *label)
{
	return eg_entities_find(ents, type, label, strlen(label));
}

static eg_entity_counts entity(const eg_cooc *c, const eg_entities *ents, const char *type, const char *label)
{
	int64_t e = find(ents, type, label);
	CHECK(e >= 0);
	return e >= 0 ? eg_cooc_entity(c, (uint32_t)e) : (eg_entity_counts){0};
}

/* The pair of two labels: windows and documents, and its evidence ids. */
static eg_pair_counts pair(const eg_cooc *c, const eg_entities *ents, const char *x, const char *y, char *ids)
{
	int64_t a = -1, b = -1;
	for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		if (strcmp(names[k].text, x) == 0)
			a = find(ents, names[k].type, x);
		if (strcmp(names[k].text, y) == 0)
			b = find(ents, names[k].type, y);
	}
	ids[0] = '\0';
	for (size_t i = 0; i < eg_cooc_pair_count(c); i++) {
		eg_pair_counts p = eg_cooc_pair(c, i);
		if ((p.a == a && p.b == b) || (p.a == b && p.b == a)) {
			for (uint32_t k = 0; k < p.evidence_count; k++)
				strcat(strcat(ids, k ? " " : ""), eg_cooc_evidence(c, i, k).document);
			return p;
		}
	}
	return (eg_pair_counts){0};
}

static const char *forms_of(const eg_cooc *c, const eg_entities *ents, const char *type, const char *label, char *buf)
{
	eg_form forms[EG_FORMS_MAX];
	buf[0] = '\0';
	int64_t e = find(ents, type, label);
	uint32_t n = e >= 0 ? eg_cooc_entity_forms(c, (uint32_t)e, forms) : 0;
	for (uint32_t k = 0; k < n; k++)
		sprintf(buf + strlen(buf), "%s%s x%llu", k ? ", " : "", forms[k].text, (unsigned long long)forms[k].count);
	return buf;
}

static void test_legal_forms(void)
{
	CHECK_INT(eg_name_without_legal_form("Microsoft Corp."), 9);
	CHECK_INT(eg_name_without_legal_form("Acme Widgets, Inc."), 12);
	CHECK_INT(eg_name_without_legal_form("Foo Holdings Ltd"), 3);
	CHECK_INT(eg_name_without_legal_form("Goldman Sachs & Co."), 13);
	CHECK_INT(eg_name_without_legal_form("Alibaba Group"), 7);
	CHECK_INT(eg_name_without_legal_form("Amazon Web Services"), 0);
	CHECK_INT(eg_name_without_legal_form("Inc."), 0);
	CHECK_INT(eg_name_without_legal_form("Corp"), 0);
	CHECK_INT(eg_name_without_legal_form("Microsoft"), 0);
	CHECK_INT(eg_name_without_legal_form("Acme inc."), 0); /* a legal form is spelled as written */
}

/* The joins on the counts of docs, with Andy Jassy known to ents only. */
static void check_joined(eg_cooc *c, const eg_entities *ents, const char *how)
{
	fprintf(stderr, "joined counts, %s\n", how);
	eg_identity id;
	eg_error err;
	CHECK_INT(eg_identity_join(c, ents, &id, &err), 0);
	CHECK_INT(id.joined, 4); /* Nadella, Jassy, Microsoft Corp., Acme Inc. */
	CHECK_INT(id.ambiguous, 1);
	char buf[512], ids[256];

	eg_entity_counts s = entity(c, ents, "PERSON", "Satya Nadella");
	CHECK_INT(s.mentions, 4);
	CHECK_INT(s.documents, 3);
	CHECK_STR(forms_of(c, ents, "PERSON", "Satya Nadella", buf), "NADELLA x1, Nadella x2, Satya Nadella x1");
	CHECK_INT(entity(c, ents, "PERSON", "Nadella").mentions, 0);
	/* Nadella's pairs are Satya Nadella's now, merged with those already there. */
	eg_pair_counts p = pair(c, ents, "Satya Nadella", "Azure", ids);
	CHECK_INT(p.weight, 2);
	CHECK_INT(p.documents, 2);
	CHECK_STR(ids, "d2 d3");
	CHECK_INT(pair(c, ents, "Satya Nadella", "Ohio", ids).documents, 1);
	CHECK_INT(pair(c, ents, "Nadella", "Azure", ids).weight, 0);
	/* Microsoft Corp. onto Microsoft: their pairs with Nadella both Satya Nadella's. */
	p = pair(c, ents, "Satya Nadella", "Microsoft", ids);
	CHECK_INT(p.weight, 2);
	CHECK_STR(ids, "d1 d3");
	CHECK_INT(entity(c, ents, "ORG", "Microsoft").mentions, 2);
	CHECK_STR(forms_of(c, ents, "ORG", "Microsoft", buf), "Microsoft x1, Microsoft Corp. x1");

	/* Clinton: two candidates, joined to neither; listed in order. */
	CHECK_INT(entity(c, ents, "PERSON", "Clinton").mentions, 1);
	CHECK_INT(entity(c, ents, "PERSON", "Bill Clinton").mentions, 1);
	const char *const *labels;
	int64_t clinton = find(ents, "PERSON", "Clinton");
	CHECK_INT(eg_identity_candidates(&id, (uint32_t)clinton, &labels), 2);
	if (clinton >= 0 && eg_identity_candidates(&id, (uint32_t)clinton, &labels) == 2) {
		CHECK_STR(labels[0], "Bill Clinton");
		CHECK_STR(labels[1], "Hillary Clinton");
	}
	CHECK_INT(eg_identity_candidates(&id, (uint32_t)find(ents, "PERSON", "Satya Nadella"), &labels), 0);

	/* Jassy onto the Andy Jassy only the dictionaries know. */
	CHECK_INT(entity(c, ents, "PERSON", "Andy Jassy").mentions, 1);
	/* Amazon and Amazon Web Services apart; the two Acmes one, the smaller id. */
	CHECK_INT(entity(c, ents, "ORG", "Amazon").mentions, 2);
	CHECK_INT(entity(c, ents, "ORG", "Amazon Web Services").mentions, 1);
	CHECK_INT(entity(c, ents, "ORG", "Acme Corp.").mentions, 3);
	CHECK_INT(entity(c, ents, "ORG", "Acme Inc.").mentions, 0);
	/* Two names of one entity in one document are no link. */
	CHECK_INT(pair(c, ents, "Acme Corp.", "Acme Inc.", ids).weight, 0);
	CHECK_INT(pair(c, ents, "Acme Corp.", "Ohio", ids).weight, 1);

	/* Joining again changes nothing. */
	eg_identity again;
	CHECK_INT(eg_identity_join(c, ents, &again, &err), 0);
	CHECK_INT(again.joined, 0);
	CHECK_INT(again.ambiguous, 1);
	eg_identity_free(&again);
	eg_identity_free(&id);
}

int main(void)
{
	test_legal_forms();

	/* The dictionaries: Andy Jassy, and a Hillary Clinton mentioned anyway. */
	eg_entities *dict = eg_entities_new();
	eg_entities_intern(dict, "PERSON", "Andy Jassy", 10, "tech");
	eg_entities_intern(dict, "PERSON", "Jeff Bezos", 10, "tech");
	eg_entities_intern(dict, "PERSON", "Hillary Clinton", 15, NULL);

	eg_window w = {EG_WINDOW_SENTENCE, 0};
	eg_entities *ents = eg_entities_extend(dict);
	eg_cooc *c = eg_cooc_new(w);
	count(c, ents);
	eg_identity_list(c, ents);
	CHECK(eg_cooc_entity(c, (uint32_t)find(ents, "PERSON", "Andy Jassy")).listed);
	CHECK(!eg_cooc_entity(c, (uint32_t)find(ents, "PERSON", "Jeff Bezos")).listed);

	/* Through a partial, as a merge reads it, without the dictionaries. */
	char dir[] = "/tmp/entgraph-identity-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char path[600];
	snprintf(path, sizeof(path), "%s/all.part", dir);
	FILE *fp = fopen(path, "wb");
	CHECK(fp != NULL);
	uint32_t shard = 1;
	eg_partial_info info = {.window = w, .evidence = EG_EVIDENCE_DEFAULT, .shard_count = 1, .shards = &shard,
				.shards_held = 1};
	eg_error err;
	CHECK_INT(eg_partial_write(fp, c, ents, &info, &err), 0);
	fclose(fp);
	eg_entities *none = eg_entities_new(), *read = eg_entities_extend(none);
	eg_cooc *merged = eg_cooc_new(w);
	eg_partial_info got;
	CHECK_INT(eg_partial_read(path, merged, read, &got, &err), 0);
	eg_partial_info_free(&got);
	CHECK(find(read, "PERSON", "Andy Jassy") >= 0);
	CHECK(find(read, "PERSON", "Jeff Bezos") < 0);
	unlink(path);
	rmdir(dir);

	check_joined(c, ents, "where they were counted");
	check_joined(merged, read, "read from a partial");

	/* Without the listing, Jassy has no candidate and stays. */
	eg_cooc *bare = eg_cooc_new(w);
	eg_entities *plain = eg_entities_extend(dict);
	count(bare, plain);
	eg_identity id;
	CHECK_INT(eg_identity_join(bare, plain, &id, &err), 0);
	CHECK_INT(eg_cooc_entity(bare, (uint32_t)find(plain, "PERSON", "Jassy")).mentions, 1);
	eg_identity_free(&id);

	eg_cooc_free(bare);
	eg_entities_free(plain);
	eg_cooc_free(merged);
	eg_entities_free(read);
	eg_entities_free(none);
	eg_cooc_free(c);
	eg_entities_free(ents);
	eg_entities_free(dict);
	return check_result("identity");
}
