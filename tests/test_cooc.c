/* Co-occurrence counting for each window kind, counted by hand. */
#include "check.h"
#include "graph/cooc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Builds mentions and tokens for a document described as a list of
 * (token, sentence, paragraph, entity) rows. */
typedef struct row {
	uint32_t token, sentence, paragraph, entity;
} row;

static eg_tokens tokens;
static eg_mentions mentions;
static char text[8192]; /* mentions sit at token * 10 */
static eg_document document = {.id = (char *)"d", .text = text, .length = sizeof(text) - 1};

static void load_rows(const row *rows, size_t n, uint32_t token_count)
{
	tokens.n = 0;
	EG_GROW(tokens.v, tokens.cap, token_count);
	tokens.n = token_count;
	memset(tokens.v, 0, token_count * sizeof(*tokens.v));
	mentions.n = 0;
	for (size_t i = 0; i < n; i++) {
		eg_token *t = &tokens.v[rows[i].token];
		t->start = rows[i].token * 10;
		t->end = t->start + 5;
		t->sentence = rows[i].sentence;
		t->paragraph = rows[i].paragraph;
		eg_mention m = {.start = t->start, .end = t->end, .tok_start = rows[i].token,
				.tok_end = rows[i].token + 1, .entity = rows[i].entity};
		eg_mentions_push(&mentions, &m);
	}
}

static const eg_pair_counts *find(eg_pair_counts *pairs, size_t n, uint32_t a, uint32_t b)
{
	for (size_t i = 0; i < n; i++)
		if (pairs[i].a == a && pairs[i].b == b)
			return &pairs[i];
	return NULL;
}

/* Document 1: sentence 0 = A B A, sentence 1 = B C (paragraph 0);
 * sentence 2 = A C (paragraph 1).  Tokens 0,2,4 | 6,8 | 20,25.
 * Document 2: A B in one sentence. */
static const row doc1[] = {
	{0, 0, 0, 0}, {2, 0, 0, 1}, {4, 0, 0, 0},
	{6, 1, 0, 1}, {8, 1, 0, 2},
	{20, 2, 1, 0}, {25, 2, 1, 2},
};
static const row doc2[] = {{0, 0, 0, 0}, {1, 0, 0, 1}};

static eg_cooc *run(eg_window w)
{
	eg_cooc *c = eg_cooc_new(w);
	load_rows(doc1, sizeof(doc1) / sizeof(doc1[0]), 30);
	eg_mentions_locate(&mentions, &tokens);
	eg_cooc_add_document(c, &document, mentions.v, mentions.n);
	load_rows(doc2, 2, 2);
	eg_mentions_locate(&mentions, &tokens);
	eg_cooc_add_document(c, &document, mentions.v, mentions.n);
	return c;
}

static void expect_pair(eg_cooc *c, uint32_t a, uint32_t b, uint64_t weight, uint64_t documents)
{
	size_t n;
	eg_pair_counts *pairs = eg_cooc_pairs(c, &n);
	const eg_pair_counts *p = find(pairs, n, a, b);
	CHECK(p != NULL);
	if (p) {
		CHECK_INT(p->weight, weight);
		CHECK_INT(p->documents, documents);
	}
	free(pairs);
}

static size_t pair_count(eg_cooc *c)
{
	size_t n;
	free(eg_cooc_pairs(c, &n));
	return n;
}


/* A real document: its text tokenized, mentions at the given words. */
static void real_document(eg_document *d, const char *id, const char *date, const char *body,
			  const char *const *words, const uint32_t *entities, size_t n)
{
	d->id = (char *)id;
	d->date = (char *)date;
	d->text = (char *)body;
	d->length = strlen(body);
	eg_tokenize(body, d->length, &tokens);
	mentions.n = 0;
	const char *from = body;
	for (size_t i = 0; i < n; i++) {
		const char *at = strstr(from, words[i]);
		CHECK(at != NULL);
		uint32_t start = (uint32_t)(at - body), end = start + (uint32_t)strlen(words[i]);
		uint32_t t = 0;
		while (tokens.v[t].start < start)
			t++;
		uint32_t u = t;
		while (tokens.v[u].end < end)
			u++;
		eg_mention m = {.start = start, .end = end, .tok_start = t, .tok_end = u + 1, .entity = entities[i]};
		eg_mentions_push(&mentions, &m);
		from = at + 1;
	}
}

/* Evidence keeps the smallest document ids whatever the order documents
 * come in, the snippet comes from the smallest one, and dates span the
 * dated documents. */
/* The seven documents of test_evidence, added to c in the order given
 * (indexes into them); titles and outlets for some, URLs for others. */
static void add_seven(eg_cooc *c, const int *order, size_t n)
{
	static const char *const words[] = {"Microsoft", "Azure"};
	static const uint32_t ents[] = {0, 1};
	static const char *const ids[] = {"g", "c", "a", "f", "b", "e", "d"};
	static const char *const dates[] = {"2025-03-01", NULL, "2024-01-02T10:00:00Z", "2025-12-31", "bad", NULL, NULL};
	static char bodies[7][200];
	for (size_t k = 0; k < n; k++) {
		int i = order[k];
		snprintf(bodies[i], sizeof(bodies[i]), "Intro here.\nIn %s, Microsoft\n sold  Azure to them. After.", ids[i]);
		eg_document d = {0};
		real_document(&d, ids[i], dates[i], bodies[i], words, ents, 2);
		char title[32], url[32];
		snprintf(title, sizeof(title), "Title \"%s\", with\nlines", ids[i]);
		snprintf(url, sizeof(url), "https://example.org/%s", ids[i]);
		d.title = i % 2 ? NULL : title;
		d.source = i % 2 ? NULL : (char *)"Outlet";
		d.url = i % 3 ? url : NULL;
		eg_mentions_locate(&mentions, &tokens);
		eg_cooc_add_document(c, &d, mentions.v, mentions.n);
	}
}

static int same_string(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Checks that y's pairs hold x's evidence, item for item. */
static void same_evidence(const eg_cooc *x, const eg_cooc *y)
{
	size_t nx, ny;
	eg_pair_counts *px = eg_cooc_pairs(x, &nx), *py = eg_cooc_pairs(y, &ny);
	CHECK_INT(ny, nx);
	for (size_t i = 0; i < nx; i++) {
		const eg_pair_counts *q = find(py, ny, px[i].a, px[i].b);
		CHECK(q != NULL);
		if (!q)
			continue;
		CHECK_INT(q->evidence_count, px[i].evidence_count);
		CHECK(same_string(q->snippet, px[i].snippet));
		for (uint32_t k = 0; k < px[i].evidence_count && k < q->evidence_count; k++) {
			eg_evidence a = eg_cooc_evidence(x, i, k), b = eg_cooc_evidence(y, (size_t)(q - py), k);
			CHECK(same_string(a.document, b.document) && same_string(a.date, b.date) &&
			      same_string(a.title, b.title) && same_string(a.outlet, b.outlet) &&
			      same_string(a.url, b.url) && same_string(a.sentence, b.sentence));
		}
	}
	free(px);
	free(py);
}

/* Merges every pair of from into into. */
static void merge_into(eg_cooc *into, const eg_cooc *from)
{
	size_t n;
	eg_pair_counts *pairs = eg_cooc_pairs(from, &n);
	for (size_t i = 0; i < n; i++) {
		eg_evidence items[EG_EVIDENCE_LIMIT];
		for (uint32_t k = 0; k < pairs[i].evidence_count; k++)
			items[k] = eg_cooc_evidence(from, i, k);
		CHECK_INT(eg_cooc_merge_pair(into, &pairs[i], items), 0);
	}
	free(pairs);
}

static void test_evidence(void)
{
	static const int in_order[] = {0, 1, 2, 3, 4, 5, 6}, reversed[] = {6, 5, 4, 3, 2, 1, 0};
	eg_window w = {EG_WINDOW_SENTENCE, 0};
	eg_cooc *c = eg_cooc_new(w);
	add_seven(c, in_order, 7);
	size_t n;
	eg_pair_counts *pairs = eg_cooc_pairs(c, &n);
	CHECK_INT(n, 1);
	CHECK_INT(pairs[0].documents, 7);
	CHECK_INT(pairs[0].evidence_count, EG_EVIDENCE_DEFAULT);
	const char *want[] = {"a", "b", "c", "d", "e"};
	for (uint32_t i = 0; i < EG_EVIDENCE_DEFAULT; i++)
		CHECK_STR(eg_cooc_evidence(c, 0, i).document, want[i]);
	CHECK_STR(pairs[0].snippet, "In a, Microsoft sold Azure to them.");
	/* "a" is document 2: dated, titled, with a URL (i % 3 != 0). */
	eg_evidence a = eg_cooc_evidence(c, 0, 0), b = eg_cooc_evidence(c, 0, 1);
	CHECK_STR(a.date, "2024-01-02");
	CHECK_STR(a.title, "Title \"a\", with\nlines");
	CHECK_STR(a.outlet, "Outlet");
	CHECK_STR(a.url, "https://example.org/a");
	CHECK_STR(a.sentence, "In a, Microsoft sold Azure to them.");
	CHECK(b.date == NULL); /* "b" is document 4: "bad" date */
	CHECK_STR(b.title, "Title \"b\", with\nlines");
	CHECK_STR(b.url, "https://example.org/b");
	CHECK(eg_cooc_evidence(c, 0, 2).title == NULL && eg_cooc_evidence(c, 0, 2).outlet == NULL); /* "c": 1 */
	CHECK(eg_cooc_evidence(c, 0, 3).url == NULL); /* "d" is document 6: no URL */
	free(pairs);
	eg_entity_counts e = eg_cooc_entity(c, 0);
	CHECK_STR(e.first_date, "2024-01-02");
	CHECK_STR(e.last_date, "2025-12-31");

	/* Any order, and counts merged in any order, give the same evidence. */
	eg_cooc *r = eg_cooc_new(w);
	add_seven(r, reversed, 7);
	same_evidence(c, r);
	eg_cooc *left = eg_cooc_new(w), *right = eg_cooc_new(w);
	add_seven(left, reversed, 3);
	add_seven(right, in_order, 4);
	eg_cooc *lr = eg_cooc_new(w), *rl = eg_cooc_new(w);
	merge_into(lr, left);
	merge_into(lr, right);
	merge_into(rl, right);
	merge_into(rl, left);
	same_evidence(c, lr);
	same_evidence(c, rl);
	/* A smaller cap keeps the smallest of them, in counting and merging. */
	eg_cooc *two = eg_cooc_new(w), *merged = eg_cooc_new(w);
	eg_cooc_set_evidence(two, 2);
	eg_cooc_set_evidence(merged, 2);
	add_seven(two, reversed, 7);
	merge_into(merged, right);
	merge_into(merged, left);
	CHECK_INT(eg_cooc_pair(two, 0).evidence_count, 2);
	CHECK_STR(eg_cooc_evidence(two, 0, 1).document, "b");
	same_evidence(two, merged);
	/* None at all: no ids, no snippet. */
	eg_cooc *none = eg_cooc_new(w);
	eg_cooc_set_evidence(none, 0);
	add_seven(none, in_order, 7);
	CHECK_INT(eg_cooc_pair(none, 0).evidence_count, 0);
	CHECK_INT(eg_cooc_pair(none, 0).documents, 7);
	CHECK(eg_cooc_pair(none, 0).snippet == NULL);
	eg_cooc_set_evidence(none, 1000);
	CHECK_INT(eg_cooc_evidence_max(none), EG_EVIDENCE_LIMIT);
	/* No input makes one document's metadata large: a long title is cut
	 * at a character with "…", a URL too long to be one is left out. */
	eg_cooc *big = eg_cooc_new(w);
	static char title[3 * EG_TITLE_MAX], url[EG_URL_MAX + 2];
	for (size_t i = 0; i + 2 < sizeof(title); i += 2)
		memcpy(title + i, "\xc3\xa9", 2); /* é */
	memset(url, 'u', sizeof(url) - 1);
	eg_document long_one = {0};
	static const char *const words[] = {"Microsoft", "Azure"};
	static const uint32_t ents[] = {0, 1};
	real_document(&long_one, "long", NULL, "Microsoft sold Azure.", words, ents, 2);
	long_one.title = title;
	long_one.url = url;
	eg_mentions_locate(&mentions, &tokens);
	eg_cooc_add_document(big, &long_one, mentions.v, mentions.n);
	eg_evidence kept = eg_cooc_evidence(big, 0, 0);
	CHECK(kept.url == NULL);
	CHECK(strlen(kept.title) <= EG_TITLE_MAX + 3);
	CHECK(strlen(kept.title) >= EG_TITLE_MAX - 1);
	CHECK(strcmp(kept.title + strlen(kept.title) - 5, "\xc3\xa9\xe2\x80\xa6") == 0);
	eg_cooc *trees[] = {c, r, left, right, lr, rl, two, merged, none, big};
	for (size_t i = 0; i < sizeof(trees) / sizeof(trees[0]); i++)
		eg_cooc_free(trees[i]);

	/* A paragraph window: the first sentence naming both, not the first
	 * mentions' sentences; and where none names both, the sentences
	 * between the nearest mentions. */
	w.kind = EG_WINDOW_PARAGRAPH;
	c = eg_cooc_new(w);
	static const char *const four[] = {"Microsoft", "Azure", "Microsoft", "Azure"};
	static const uint32_t abab[] = {0, 1, 0, 1};
	eg_document p = {0};
	real_document(&p, "p", NULL, "Microsoft rose. Then Azure fell, and Microsoft sold Azure. End.", four, abab, 4);
	eg_mentions_locate(&mentions, &tokens);
	eg_cooc_add_document(c, &p, mentions.v, mentions.n);
	real_document(&p, "q", NULL, "Azure fell. Some words. Microsoft rose. Azure went. Fin.", four + 1, abab + 1, 3);
	eg_mentions_locate(&mentions, &tokens);
	eg_cooc_add_document(c, &p, mentions.v, mentions.n);
	CHECK_STR(eg_cooc_evidence(c, 0, 0).sentence, "Then Azure fell, and Microsoft sold Azure.");
	CHECK_STR(eg_cooc_evidence(c, 0, 1).sentence, "Microsoft rose. Azure went.");
	eg_cooc_free(c);

	/* Far apart in a long paragraph: both contexts, cut with an ellipsis. */
	char body[2000] = "Microsoft opened it.";
	for (int i = 0; i < 40; i++)
		strcat(body, " Then more words follow here");
	strcat(body, " and Azure closed. Next sentence.");
	w.kind = EG_WINDOW_PARAGRAPH;
	c = eg_cooc_new(w);
	eg_document d = {0};
	real_document(&d, "long", NULL, body, four, abab, 2);
	eg_mentions_locate(&mentions, &tokens);
	eg_cooc_add_document(c, &d, mentions.v, mentions.n);
	pairs = eg_cooc_pairs(c, &n);
	CHECK_INT(n, 1);
	const char *snip = pairs[0].snippet;
	CHECK(strncmp(snip, "Microsoft opened it.", 20) == 0);
	CHECK(strstr(snip, "\xe2\x80\xa6 ") != NULL);
	CHECK(strstr(snip, "and Azure closed.") != NULL);
	CHECK(strlen(snip) <= EG_SNIPPET_MAX + 10);
	CHECK(eg_cooc_entity(c, 0).first_date == NULL);
	free(pairs);
	eg_cooc_free(c);
}

/* Enough pairs to grow the pairs' index and the per-document marks
 * several times, with eg_cooc_compact between documents: two sentences
 * each naming the same 45 entities, so every pair gains 2 windows and 1
 * document a time. */
static void test_many_pairs(void)
{
	enum { ENTITIES = 45 }; /* offsets stay inside text[] */
	row rows[2 * ENTITIES];
	for (uint32_t i = 0; i < 2 * ENTITIES; i++)
		rows[i] = (row){i, i / ENTITIES, 0, i % ENTITIES};
	eg_cooc *c = eg_cooc_new((eg_window){EG_WINDOW_SENTENCE, 0});
	for (int round = 0; round < 2; round++) {
		load_rows(rows, 2 * ENTITIES, 2 * ENTITIES);
		eg_mentions_locate(&mentions, &tokens);
		eg_cooc_add_document(c, &document, mentions.v, mentions.n);
		eg_cooc_compact(c);
	}
	CHECK_INT(eg_cooc_pair_count(c), ENTITIES * (ENTITIES - 1) / 2);
	for (size_t i = 0; i < eg_cooc_pair_count(c); i++) {
		eg_pair_counts p = eg_cooc_pair(c, i);
		CHECK_INT(p.weight, 4);
		CHECK_INT(p.documents, 2);
		CHECK_INT(p.evidence_count, 1);
	}
	expect_pair(c, 0, ENTITIES - 1, 4, 2);
	eg_cooc_free(c);
}

/* Adds rows as one document to c and returns what the budget cut. */
static eg_cooc_capped add_rows(eg_cooc *c, const row *rows, size_t n)
{
	load_rows(rows, n, rows[n - 1].token + 1);
	eg_mentions_locate(&mentions, &tokens);
	eg_cooc_add_document(c, &document, mentions.v, mentions.n);
	return eg_cooc_last_capped(c);
}

/* The window budget links the entities first mentioned earliest, counts
 * every mention, reports the windows it cut, and leaves windows within it
 * as they were. */
static void test_window_budget(void)
{
	/* Sentence 0 names 9 3 7 3 5 1 8 (six distinct), sentence 1 names 1 8.
	 * Small indexes come late, so keeping the smallest would differ. */
	static const row list[] = {{0, 0, 0, 9}, {1, 0, 0, 3}, {2, 0, 0, 7}, {3, 0, 0, 3}, {4, 0, 0, 5},
				   {5, 0, 0, 1}, {6, 0, 0, 8}, {8, 1, 0, 1}, {9, 1, 0, 8}};
	eg_cooc *c = eg_cooc_new((eg_window){EG_WINDOW_SENTENCE, 0});
	eg_cooc_set_window_entities(c, 4);
	eg_cooc_capped cut = add_rows(c, list, 9);
	CHECK_INT(cut.windows, 1);
	CHECK_INT(cut.largest, 6);
	CHECK_INT(pair_count(c), 7); /* 4 * 3 / 2 from sentence 0, 1-8 from sentence 1 */
	static const uint32_t kept[][2] = {{3, 5}, {3, 7}, {3, 9}, {5, 7}, {5, 9}, {7, 9}};
	for (size_t i = 0; i < 6; i++)
		expect_pair(c, kept[i][0], kept[i][1], 1, 1);
	expect_pair(c, 1, 8, 1, 1);
	CHECK_INT(eg_cooc_entity(c, 1).mentions, 2);
	CHECK_INT(eg_cooc_entity(c, 8).mentions, 2);
	CHECK_INT(eg_cooc_entity(c, 8).documents, 1);
	CHECK_INT(eg_cooc_entity(c, 3).mentions, 2);
	/* The next document starts its report afresh. */
	cut = add_rows(c, doc2, 2);
	CHECK_INT(cut.windows, 0);
	CHECK_INT(cut.largest, 0);
	eg_cooc_free(c);

	/* At the budget exactly, or with none, every pair counts. */
	for (uint32_t budget = 0; budget <= 6; budget += 6) {
		c = eg_cooc_new((eg_window){EG_WINDOW_SENTENCE, 0});
		eg_cooc_set_window_entities(c, budget);
		cut = add_rows(c, list, 9);
		CHECK_INT(cut.windows, 0);
		CHECK_INT(pair_count(c), 15);
		expect_pair(c, 1, 8, 2, 1);
		eg_cooc_free(c);
	}

	/* Token windows: each mention's window holds its own entity and at
	 * most budget - 1 partners, the first in the text.  Entities 0 1 2 0 3
	 * 4 at tokens 0-5, all within 10 tokens, budget 3:
	 * 0@0 keeps 1 2 of {1 2 3 4}; 1@1 keeps 2 0 of {2 0 3 4}; 2@2 keeps
	 * 0 3 of {0 3 4}; 0@3 pairs with 3 4; 3@4 with 4. */
	static const row near[] = {{0, 0, 0, 0}, {1, 0, 0, 1}, {2, 0, 0, 2}, {3, 0, 0, 0}, {4, 0, 0, 3}, {5, 0, 0, 4}};
	c = eg_cooc_new((eg_window){EG_WINDOW_TOKENS, 10});
	eg_cooc_set_window_entities(c, 3);
	cut = add_rows(c, near, 6);
	CHECK_INT(cut.windows, 3);
	CHECK_INT(cut.largest, 5);
	CHECK_INT(pair_count(c), 7);
	expect_pair(c, 0, 1, 2, 1);
	expect_pair(c, 0, 2, 2, 1);
	expect_pair(c, 1, 2, 1, 1);
	expect_pair(c, 2, 3, 1, 1);
	expect_pair(c, 0, 3, 1, 1);
	expect_pair(c, 0, 4, 1, 1);
	expect_pair(c, 3, 4, 1, 1);
	eg_cooc_free(c);
	c = eg_cooc_new((eg_window){EG_WINDOW_TOKENS, 10});
	eg_cooc_set_window_entities(c, 0);
	cut = add_rows(c, near, 6);
	CHECK_INT(cut.windows, 0);
	CHECK_INT(pair_count(c), 10);
	expect_pair(c, 0, 1, 2, 1);
	expect_pair(c, 1, 4, 1, 1);
	eg_cooc_free(c);

	/* The default budget (500) holds without being set: a sentence of 600
	 * entities links the first 500, and all 600 count their mention. */
	enum { LIST = 600 };
	static row big[LIST];
	for (uint32_t i = 0; i < LIST; i++)
		big[i] = (row){i, 0, 0, LIST - 1 - i};
	c = eg_cooc_new((eg_window){EG_WINDOW_DOCUMENT, 0});
	cut = add_rows(c, big, LIST);
	CHECK_INT(cut.windows, 1);
	CHECK_INT(cut.largest, LIST);
	CHECK_INT(pair_count(c), 500 * 499 / 2);
	expect_pair(c, LIST - 500, LIST - 1, 1, 1);
	for (uint32_t e = 0; e < LIST; e++)
		CHECK_INT(eg_cooc_entity(c, e).mentions, 1);
	eg_cooc_free(c);
}

/* Adds text as a document (or a part of one), with a mention at every
 * occurrence of the four names, each its own entity. */
static void add_text(eg_cooc *c, const char *id, const char *text, uint64_t offset, int more)
{
	static const char *const names[] = {"Microsoft", "Azure", "Google", "Oracle"};
	const char *words[16];
	uint32_t ents[16];
	size_t n = 0;
	for (const char *p = text; *p && n < 16; p++)
		for (uint32_t e = 0; e < 4; e++)
			if (strncmp(p, names[e], strlen(names[e])) == 0) {
				words[n] = names[e];
				ents[n++] = e;
			}
	eg_document d = {0};
	real_document(&d, id, "2025-01-02", text, words, ents, n);
	d.offset = offset;
	d.more = more;
	eg_mentions_locate(&mentions, &tokens);
	eg_cooc_add_document(c, &d, mentions.v, mentions.n);
}

/* Checks that y holds x's pairs with the same weights and documents;
 * returns x's pairs (caller frees), their count in *n when n is given. */
static eg_pair_counts *same_pairs(const eg_cooc *x, const eg_cooc *y, size_t *n)
{
	size_t nx, ny;
	eg_pair_counts *px = eg_cooc_pairs(x, &nx), *py = eg_cooc_pairs(y, &ny);
	CHECK_INT(ny, nx);
	for (size_t i = 0; i < nx; i++) {
		const eg_pair_counts *q = find(py, ny, px[i].a, px[i].b);
		CHECK(q != NULL);
		if (q) {
			CHECK_INT(q->weight, px[i].weight);
			CHECK_INT(q->documents, px[i].documents);
		}
	}
	free(py);
	if (n)
		*n = nx;
	return px;
}

/* A document in parts counts as the same document whole: documents of
 * entities and pairs once, the document window once, windows within the
 * parts as they are; and the next document starts afresh. */
static void test_parts(void)
{
	const char *first = "Microsoft met Azure.\n\n";
	const char *second = "Then Google met Microsoft.\n\nAzure and Oracle.";
	char whole[256];
	snprintf(whole, sizeof(whole), "%s%s", first, second);
	const char *next = "Microsoft and Oracle.";
	for (int kind = EG_WINDOW_SENTENCE; kind <= EG_WINDOW_TOKENS; kind++) {
		eg_window w = {(eg_window_kind)kind, kind == EG_WINDOW_TOKENS ? 3 : 0};
		eg_cooc *one = eg_cooc_new(w), *two = eg_cooc_new(w);
		add_text(one, "d", whole, 0, 0);
		add_text(one, "e", next, 0, 0);
		add_text(two, "d", first, 0, 1);
		add_text(two, "d", second, strlen(first), 0);
		add_text(two, "e", next, 0, 0);
		/* The same in three parts, the last with an entity of its own. */
		eg_cooc *three = eg_cooc_new(w);
		const char *third = strstr(second, "Azure and");
		char middle[64];
		snprintf(middle, sizeof(middle), "%.*s", (int)(third - second), second);
		add_text(three, "d", first, 0, 1);
		add_text(three, "d", middle, strlen(first), 1);
		add_text(three, "d", third, strlen(first) + strlen(middle), 0);
		add_text(three, "e", next, 0, 0);
		if (kind != EG_WINDOW_TOKENS) /* (token windows are cut at the parts) */
			free(same_pairs(two, three, NULL));
		for (uint32_t e = 0; e < 4; e++)
			CHECK_INT(eg_cooc_entity(three, e).documents, eg_cooc_entity(one, e).documents);
		eg_cooc_free(three);
		CHECK_INT(eg_cooc_documents(two), eg_cooc_documents(one));
		CHECK_INT(eg_cooc_documents(two), 2);
		for (uint32_t e = 0; e < 4; e++) {
			CHECK_INT(eg_cooc_entity(two, e).documents, eg_cooc_entity(one, e).documents);
			CHECK_INT(eg_cooc_entity(two, e).mentions, eg_cooc_entity(one, e).mentions);
		}
		size_t n1;
		eg_pair_counts *p1 = same_pairs(one, two, &n1);
		size_t n2;
		eg_pair_counts *p2 = eg_cooc_pairs(two, &n2);
		for (size_t i = 0; i < n1; i++) {
			const eg_pair_counts *q = find(p2, n2, p1[i].a, p1[i].b);
			if (!q)
				continue;
			CHECK_INT(q->evidence_count, p1[i].evidence_count);
			CHECK(q->snippet != NULL);
			if (kind == EG_WINDOW_DOCUMENT && ((p1[i].a == 1 && p1[i].b == 2) || (p1[i].a == 2 && p1[i].b == 1))) {
				CHECK_STR(q->snippet, "Microsoft met Azure.… Google met Microsoft.");
				/* Across parts, the sentence is that text too. */
				CHECK_STR(eg_cooc_evidence(two, (size_t)(q - p2), 0).sentence, q->snippet);
			}
			/* Every piece of evidence has its sentence, in parts too. */
			for (uint32_t k = 0; k < q->evidence_count; k++)
				CHECK(eg_cooc_evidence(two, (size_t)(q - p2), k).sentence != NULL);
		}
		free(p1);
		free(p2);
		eg_cooc_free(one);
		eg_cooc_free(two);
	}
}

/* The window budget holds for the document window across parts as in the
 * document whole: the first entities of the text are linked, the later
 * ones counted but linked to nothing, in however many parts. */
static void test_parts_budget(void)
{
	const char *first = "Microsoft met Azure.\n\n";
	const char *second = "Then Google met Microsoft.\n\nAzure and Oracle.";
	char whole[256];
	snprintf(whole, sizeof(whole), "%s%s", first, second);
	for (uint32_t budget = 2; budget <= 3; budget++) {
		eg_cooc *one = eg_cooc_new((eg_window){EG_WINDOW_DOCUMENT, 0});
		eg_cooc *two = eg_cooc_new((eg_window){EG_WINDOW_DOCUMENT, 0});
		eg_cooc_set_window_entities(one, budget);
		eg_cooc_set_window_entities(two, budget);
		add_text(one, "d", whole, 0, 0);
		add_text(two, "d", first, 0, 1);
		add_text(two, "d", second, strlen(first), 0);
		CHECK_INT(pair_count(one), budget * (budget - 1) / 2);
		CHECK_INT(pair_count(two), budget * (budget - 1) / 2);
		expect_pair(two, 0, 1, 1, 1);
		if (budget == 3) {
			expect_pair(two, 0, 2, 1, 1);
			expect_pair(two, 1, 2, 1, 1);
		}
		CHECK_INT(eg_cooc_last_capped(two).windows, 1);
		CHECK_INT(eg_cooc_last_capped(two).largest, 4);
		CHECK_INT(eg_cooc_last_capped(one).largest, 4);
		for (uint32_t e = 0; e < 4; e++)
			CHECK_INT(eg_cooc_entity(two, e).mentions, eg_cooc_entity(one, e).mentions);
		/* The next document is reported afresh. */
		add_text(two, "e", "Microsoft and Oracle.", 0, 0);
		CHECK_INT(eg_cooc_last_capped(two).windows, 0);
		eg_cooc_free(one);
		eg_cooc_free(two);
	}
}

int main(void)
{
	test_evidence();
	test_many_pairs();
	test_window_budget();
	eg_window w;
	eg_error err;
	CHECK_INT(eg_window_parse("sentence", &w, &err), 0);
	CHECK_INT(w.kind, EG_WINDOW_SENTENCE);
	CHECK_INT(eg_window_parse("12", &w, &err), 0);
	CHECK_INT(w.kind, EG_WINDOW_TOKENS);
	CHECK_INT(w.tokens, 12);
	CHECK_INT(eg_window_parse("0", &w, &err), -1);
	CHECK_INT(eg_window_parse("-3", &w, &err), -1);
	CHECK_INT(eg_window_parse("12x", &w, &err), -1);
	CHECK_INT(eg_window_parse("", &w, &err), -1);
	CHECK_STR(err.message, "\"\" is not a window (sentence, paragraph, document, or a number of tokens)");

	/* Sentences: A-B in s0 (once, though A repeats) and in doc 2; B-C in s1;
	 * A-C in s2.  Self-pair A-A never counts. */
	eg_cooc *c = run((eg_window){EG_WINDOW_SENTENCE, 0});
	expect_pair(c, 0, 1, 2, 2);
	expect_pair(c, 1, 2, 1, 1);
	expect_pair(c, 0, 2, 1, 1);
	CHECK_INT(pair_count(c), 3);
	size_t n;
	eg_pair_counts *pairs = eg_cooc_pairs(c, &n);
	for (uint32_t e = 0; e < 3; e++)
		CHECK(find(pairs, n, e, e) == NULL);
	for (size_t i = 0; i < n; i++)
		CHECK(pairs[i].a < pairs[i].b);
	free(pairs);
	CHECK_INT(eg_cooc_entity(c, 0).mentions, 4);
	CHECK_INT(eg_cooc_entity(c, 0).documents, 2);
	CHECK_INT(eg_cooc_entity(c, 2).mentions, 2);
	CHECK_INT(eg_cooc_entity(c, 2).documents, 1);
	CHECK_INT(eg_cooc_entity(c, 9).mentions, 0);
	CHECK_INT(eg_cooc_entity_limit(c), 3);
	eg_cooc_free(c);

	/* Paragraphs: p0 holds A B C, p1 A C; doc 2 A B. */
	c = run((eg_window){EG_WINDOW_PARAGRAPH, 0});
	expect_pair(c, 0, 1, 2, 2);
	expect_pair(c, 1, 2, 1, 1);
	expect_pair(c, 0, 2, 2, 1);
	eg_cooc_free(c);

	/* Documents: one window each. */
	c = run((eg_window){EG_WINDOW_DOCUMENT, 0});
	expect_pair(c, 0, 1, 2, 2);
	expect_pair(c, 1, 2, 1, 1);
	expect_pair(c, 0, 2, 1, 1);
	eg_cooc_free(c);

	/* 3 tokens: windows start at each mention and cover [t, t+3).
	 * doc1: A@0 sees B@2 -> A-B; B@2 sees A@4 -> A-B; A@4 sees B@6 -> A-B;
	 * B@6 sees C@8 -> B-C; C@8 sees nothing; A@20 sees nothing (C@25).
	 * doc2: A@0 sees B@1 -> A-B. */
	c = run((eg_window){EG_WINDOW_TOKENS, 3});
	expect_pair(c, 0, 1, 4, 2);
	expect_pair(c, 1, 2, 1, 1);
	CHECK_INT(pair_count(c), 2);
	eg_cooc_free(c);

	/* 6 tokens: A@20 now sees C@25. */
	c = run((eg_window){EG_WINDOW_TOKENS, 6});
	expect_pair(c, 0, 2, 2, 1); /* C@8 not within 6 of A@0; A@4 sees C@8; A@20 sees C@25 */
	eg_cooc_free(c);

	/* A window with the same partner twice counts it once. */
	c = eg_cooc_new((eg_window){EG_WINDOW_TOKENS, 10});
	static const row rep[] = {{0, 0, 0, 0}, {1, 0, 0, 1}, {2, 0, 0, 1}};
	load_rows(rep, 3, 3);
	eg_mentions_locate(&mentions, &tokens);
	eg_cooc_add_document(c, &document, mentions.v, mentions.n);
	expect_pair(c, 0, 1, 1, 1);
	eg_cooc_free(c);

	/* 1 token: a window holds only the mention that opens it. */
	c = run((eg_window){EG_WINDOW_TOKENS, 1});
	CHECK_INT(pair_count(c), 0);
	CHECK_INT(eg_cooc_entity(c, 0).mentions, 4);
	eg_cooc_free(c);

	/* One sentence repeating two entities many times: one window, weight 1;
	 * an entity alone in its sentence pairs with nobody. */
	c = eg_cooc_new((eg_window){EG_WINDOW_SENTENCE, 0});
	row many[201];
	for (uint32_t i = 0; i < 200; i++)
		many[i] = (row){i, 0, 0, i % 2 ? 7 : 3};
	many[200] = (row){200, 1, 0, 3};
	load_rows(many, 201, 201);
	eg_mentions_locate(&mentions, &tokens);
	eg_cooc_add_document(c, &document, mentions.v, mentions.n);
	expect_pair(c, 3, 7, 1, 1);
	CHECK_INT(pair_count(c), 1);
	CHECK_INT(eg_cooc_entity(c, 3).mentions, 101);
	CHECK_INT(eg_cooc_entity(c, 3).documents, 1);
	CHECK_INT(eg_cooc_entity_limit(c), 8);
	CHECK_INT(eg_cooc_entity(c, 5).documents, 0);

	/* Documents count where the pair occurs, not the span between: A-B in
	 * documents 2 and 4 of 4, twice in document 4 (two sentences). */
	static const row only_c[] = {{0, 0, 0, 2}};
	static const row twice[] = {{0, 0, 0, 0}, {1, 0, 0, 1}, {3, 1, 0, 1}, {4, 1, 0, 0}};
	load_rows(only_c, 1, 1);
	eg_mentions_locate(&mentions, &tokens);
	eg_cooc_add_document(c, &document, mentions.v, mentions.n);
	load_rows(doc2, 2, 2);
	eg_mentions_locate(&mentions, &tokens);
	eg_cooc_add_document(c, &document, mentions.v, mentions.n);
	load_rows(only_c, 1, 1);
	eg_mentions_locate(&mentions, &tokens);
	eg_cooc_add_document(c, &document, mentions.v, mentions.n);
	load_rows(twice, 4, 5);
	eg_mentions_locate(&mentions, &tokens);
	eg_cooc_add_document(c, &document, mentions.v, mentions.n);
	expect_pair(c, 0, 1, 3, 2);
	CHECK_INT(eg_cooc_entity(c, 0).documents, 2);
	CHECK_INT(eg_cooc_entity(c, 0).mentions, 3);
	CHECK_INT(eg_cooc_entity(c, 2).documents, 2);
	CHECK_INT(pair_count(c), 2);
	eg_cooc_free(c);

	/* An empty document counts for nothing but does not break anything. */
	c = eg_cooc_new((eg_window){EG_WINDOW_SENTENCE, 0});
	eg_cooc_add_document(c, &document, NULL, 0);
	CHECK_INT(pair_count(c), 0);
	CHECK_INT(eg_cooc_entity_limit(c), 0);
	eg_cooc_free(c);

	test_parts();
	test_parts_budget();
	free(tokens.v);
	eg_mentions_free(&mentions);
	return check_result("cooc");
}
