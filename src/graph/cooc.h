/*
 * cooc: co-occurrence counting over documents.
 *
 * Each document's resolved mentions are cut into windows:
 * - sentence / paragraph / document: the mentions in the same sentence,
 *   paragraph or document form one window;
 * - N tokens: every mention opens a window of N tokens starting at its first
 *   token; the window pairs that mention's entity with each entity that has a
 *   mention starting inside it.
 * A window links at most a budget of distinct entities (see
 * eg_cooc_set_window_entities).
 * A pair of distinct entities gains 1 weight per window it occurs in (once,
 * however many times it repeats there) and 1 document per document where it
 * occurs in any window.  An entity paired with itself never counts.
 * Per entity it keeps the number of mentions and of documents, the
 * earliest and latest document date (documents without a date do not
 * count) and the EG_SOURCES_MAX smallest names of the documents' sources
 * (outlets, from the readers' metadata).
 *
 * Evidence: per pair, its first documents (at most the evidence cap, see
 * eg_cooc_set_evidence), "first" meaning smallest by strcmp of the
 * document id, each with the document's date, title, outlet (source) and
 * URL where the input had them, and the sentence that links the pair
 * there: in the pair's first window in that document, the first sentence
 * holding mentions of both, or else the sentences from the one's mention to
 * the other's nearest it; an excerpt (text/excerpt.h) of EG_SENTENCE_MAX
 * bytes.  Across the parts of a document in parts (document window) it is
 * the text around both entities' first mentions.  And a snippet: the
 * trimmed text of the pair's first window in the smallest of those
 * documents.  Defined by document ids rather than by arrival order, so the
 * result does not depend on the order documents are added in (threads,
 * shards).  Two documents with one id are one piece of evidence, named by
 * the first of them added.  Per entity the same: its first documents (the
 * same cap) with the sentence of its first mention in each (an excerpt of
 * EG_SENTENCE_MAX bytes around it), what the entity is said to be.
 *
 * Per entity it also keeps its surface forms (eg_form): the EG_FORMS_MAX
 * smallest by strcmp, each with its exact number of mentions, so merged
 * counts keep the same ones.
 *
 * Memory grows with the number of entities and pairs, not documents: per
 * pair and entity its counts and up to the cap's evidence items (a document and a
 * sentence reference, 8 bytes each, the array grown as documents come),
 * the metadata once per evidence document (a title or outlet at most
 * EG_TITLE_MAX bytes, a URL at most EG_URL_MAX or none), and each string
 * once.  A string a pair stops referring to (an id pushed out by a smaller
 * one, the snippet of a document that is no longer the smallest) stays
 * until eg_cooc_free; documents added in id order leave none, and a
 * directory walk (sorted names) comes close.
 */
#ifndef EG_COOC_H
#define EG_COOC_H

#include <stddef.h>
#include <stdint.h>

#include "document.h"
#include "match/relations.h"
#include "mention.h"
#include "util/util.h"

typedef enum eg_window_kind {
	EG_WINDOW_SENTENCE,
	EG_WINDOW_PARAGRAPH,
	EG_WINDOW_DOCUMENT,
	EG_WINDOW_TOKENS,
} eg_window_kind;

typedef struct eg_window {
	eg_window_kind kind;
	uint32_t tokens; /* for EG_WINDOW_TOKENS, >= 1 */
} eg_window;

/* Parses "sentence", "paragraph", "document" or a positive integer. */
int eg_window_parse(const char *s, eg_window *out, eg_error *err);
/* "sentence", "paragraph", "document" or "N tokens", in buf (of n bytes). */
const char *eg_window_name(eg_window w, char *buf, size_t n);

typedef struct eg_cooc eg_cooc;

#define EG_EVIDENCE_DEFAULT 5 /* evidence documents kept per pair (--evidence) */
#define EG_EVIDENCE_LIMIT 100 /* the most --evidence allows */
#define EG_SOURCES_MAX 8 /* source names kept per entity (the smallest) */
#define EG_SNIPPET_MAX 160 /* bytes, before the trailing "…" */
#define EG_SENTENCE_MAX 400 /* bytes of an evidence or mention sentence, before "…" marks */
#define EG_TITLE_MAX 512 /* bytes of an evidence title or outlet kept, before a "…" */
#define EG_URL_MAX 4096 /* an evidence URL longer than this is left out */
#define EG_FORMS_MAX 16 /* surface forms kept per entity (the smallest) */
#define EG_FORM_MAX 200 /* bytes; a longer mention's form is not kept */

typedef struct eg_entity_counts {
	uint64_t mentions, documents;
	const char *first_date, *last_date; /* "YYYY-MM-DD", NULL when no dated document; owned by eg_cooc */
	const char *sources[EG_SOURCES_MAX]; /* documents' source names, sorted; owned by eg_cooc */
	uint32_t source_count;
	int listed; /* kept without needing a mention (eg_cooc_list_entity) */
	uint32_t evidence_count; /* its evidence documents, at most the cap: eg_cooc_entity_evidence */
} eg_entity_counts;

/* A surface form of an entity: its mentions' bytes, each run of white
 * space one space, and how many mentions it has. */
typedef struct eg_form {
	const char *text; /* owned by eg_cooc */
	uint64_t count;
} eg_form;

/* One evidence document of a pair; strings owned by eg_cooc, NULL where
 * unknown (document never is). */
typedef struct eg_evidence {
	const char *document;              /* the id */
	const char *date;                  /* "YYYY-MM-DD" */
	const char *title, *outlet, *url;
	const char *sentence;              /* what links the pair there */
} eg_evidence;

typedef struct eg_pair_counts {
	uint32_t a, b;        /* entity indexes, a < b */
	uint64_t weight;      /* windows */
	uint64_t documents;
	uint32_t evidence_count; /* at most min(documents, the cap); see eg_cooc_evidence */
	const char *snippet;                   /* owned by eg_cooc; NULL when unknown */
	const char *first_date, *last_date;    /* of the dated documents where it occurs; NULL when none */
} eg_pair_counts;

eg_cooc *eg_cooc_new(eg_window window);
void eg_cooc_free(eg_cooc *c);

/* The window budget (--max-window-entities): a window links at most max
 * distinct entities (0: no limit; the default is EG_BUDGETS_DEFAULT's), the
 * ones first mentioned earliest in it; the others still count their
 * mentions and documents, they are only not paired in that window.  Keeps
 * one list of 4,000 names from making 8 million pairs. */
void eg_cooc_set_window_entities(eg_cooc *c, uint32_t max);

/* What the budget cut in the document added last (all its parts so far):
 * how many windows had more distinct entities than it, and the most any of
 * them had. */
typedef struct eg_cooc_capped {
	uint64_t windows;
	uint64_t largest;
} eg_cooc_capped;
eg_cooc_capped eg_cooc_last_capped(const eg_cooc *c);

/* The evidence cap (--evidence): the documents kept per pair, at most
 * EG_EVIDENCE_LIMIT (larger values are taken as it), 0 for none (and no
 * snippet); EG_EVIDENCE_DEFAULT until set.  Set it before adding or
 * merging. */
void eg_cooc_set_evidence(eg_cooc *c, uint32_t max);
uint32_t eg_cooc_evidence_max(const eg_cooc *c);

/* Counts one document.  mentions must be resolved (sorted, non-overlapping)
 * and located (eg_mentions_locate).  doc supplies the id, date and text
 * (for snippets). */
void eg_cooc_add_document(eg_cooc *c, const eg_document *doc, const eg_mention *mentions, size_t n);

/* Counts the relations its sentences state (match/relations.h), for the
 * document or part eg_cooc_add_document took last: graph/relcount.h. */
struct eg_relcount;
void eg_cooc_add_relations(eg_cooc *c, const eg_document *doc, const eg_relation *rels, size_t n,
			   const eg_mention *mentions);
/* Its relation counts: read them, or merge a shard's into them. */
struct eg_relcount *eg_cooc_relations(const eg_cooc *c);

/* Merging counts made elsewhere (partial results of shards), with entity
 * indexes already in this cooc's numbering: documents and counts add up,
 * dates widen, evidence keeps the cap's smallest ids of both, with their
 * metadata and sentences, and the snippet of the smallest.  A pair's or
 * an entity's evidence_count items are in evidence (NULL when 0),
 * ascending by id.  Merging in any
 * order gives the same state as counting all the documents here, when the
 * counts merged kept at least this cap.  Each returns -1, changing nothing,
 * when a sum would pass 2^64 - 1 (only crafted counts can), else 0. */
int eg_cooc_merge_documents(eg_cooc *c, uint64_t documents);
int eg_cooc_merge_entity(eg_cooc *c, uint32_t entity, const eg_entity_counts *counts, const eg_evidence *evidence);
int eg_cooc_merge_pair(eg_cooc *c, const eg_pair_counts *pair, const eg_evidence *evidence);
int eg_cooc_merge_forms(eg_cooc *c, uint32_t entity, const eg_form *forms, uint32_t n);

/* Keeps entity in the counts (and in a partial written from them) without
 * a mention: a name that another may be joined onto (graph/identity.h). */
void eg_cooc_list_entity(eg_cooc *c, uint32_t entity);

/* Moves the counts of every entity e below n with into[e] != e onto
 * into[e] (which must map to itself): mentions, documents, dates, sources
 * and forms add up as merged counts do, and each pair with a moved entity
 * becomes the pair of the entities it moved onto, merged (eg_cooc_merge_pair)
 * with any pair already there; a pair of two entities moved onto one goes.
 * The result depends on the counts and into only.  Returns -1 when a sum
 * would pass 2^64 - 1 (the counts are then partly joined). */
int eg_cooc_join(eg_cooc *c, const uint32_t *into, size_t n);

/* Frees what only adding needs (the pairs' hash index, working space), to
 * make room for building the graph; adding or merging afterwards works,
 * building them again. */
void eg_cooc_compact(eg_cooc *c);

/* Builds the pairs' index (freed by eg_cooc_compact), after which
 * eg_cooc_find_pair is a hash lookup rather than a scan; for counts that
 * are only read from then on (graph/periods.h). */
void eg_cooc_index_pairs(eg_cooc *c);
/* The index (as eg_cooc_pair takes it) of the pair of entities x and y, or
 * SIZE_MAX when they never co-occurred. */
size_t eg_cooc_find_pair(const eg_cooc *c, uint32_t x, uint32_t y);

/* Documents added so far. */
uint64_t eg_cooc_documents(const eg_cooc *c);

/* Entities seen so far: counts for entity index i (zero when never seen). */
size_t eg_cooc_entity_limit(const eg_cooc *c); /* 1 + highest index seen, or 0 */
eg_entity_counts eg_cooc_entity(const eg_cooc *c, uint32_t entity);
/* Its surface forms, ascending by text, into out (EG_FORMS_MAX of room);
 * returns how many. */
uint32_t eg_cooc_entity_forms(const eg_cooc *c, uint32_t entity, eg_form *out);
/* Its evidence document k (below its evidence_count), ascending by id:
 * the sentence of its first mention there. */
eg_evidence eg_cooc_entity_evidence(const eg_cooc *c, uint32_t entity, uint32_t k);
/* The pairs, in unspecified order but numbered 0 to count - 1 for as long
 * as no document or pair is added; strings owned by eg_cooc. */
size_t eg_cooc_pair_count(const eg_cooc *c);
eg_pair_counts eg_cooc_pair(const eg_cooc *c, size_t i);
/* Evidence item k (below its evidence_count) of pair i, ascending by id. */
eg_evidence eg_cooc_evidence(const eg_cooc *c, size_t i, uint32_t k);
/* All pairs at once, in the same order; *n receives the count.  Caller frees. */
eg_pair_counts *eg_cooc_pairs(const eg_cooc *c, size_t *n);

#endif
