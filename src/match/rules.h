/*
 * rules: PCRE2 patterns that find entities no dictionary lists.
 *
 * A rules file is UTF-8 TSV; "#" starts a comment line, blank lines are
 * skipped.  Columns:
 *   1 type      as in dictionaries
 *   2 label     template for the canonical label: $0 is the whole match,
 *               $1..$9 or ${name} a capture group, $$ a dollar sign;
 *               whitespace in the result is collapsed to single spaces
 *   3 pattern   a PCRE2 pattern (UTF and Unicode properties on)
 *   4 options   optional, space separated:
 *               category=WORD   the entities' category
 *               caseless        match letters in any case
 *               need=W1,W2,...  run the pattern only on sentences holding
 *                               one of these words or punctuation marks
 *                               ("&") as a token (compared
 *                               case-insensitively); a cheap prefilter for
 *                               patterns that would otherwise try every
 *                               position of every text
 *               skip-title      ignore matches on a line in Title Case (a
 *                               headline capitalises every word, so a
 *                               pattern of capitalised words means nothing
 *                               there)
 *               proper          ignore matches whose words are all common
 *                               English words ("leader Labour" is no name)
 * Each pattern is compiled once with JIT.  A match that does not begin and
 * end on token boundaries is ignored, as is one whose label comes out empty.
 *
 * Work is bounded per document: searching is held to a few thousand PCRE2
 * steps per start position, and a position that needs more (a pattern
 * backtracking catastrophically) is retried alone with a rising limit,
 * each attempt charged to one budget that all rules share on a document.
 * A rule that needs more than 5 million steps at one position is reported
 * and skipped for that document; when the budget is spent, all rules stop
 * for the rest of the document.  What they found until then is kept.  The charge is deterministic (PCRE2's step counts, no
 * clock).  A position retried alone is matched as if the pattern were
 * anchored there, which differs from a search only for \G and the
 * backtracking verbs (*COMMIT), (*SKIP) and (*PRUNE).
 */
#ifndef EG_RULES_H
#define EG_RULES_H

#include <stddef.h>

#include "mention.h"
#include "text/tokenize.h"
#include "match/entities.h"
#include "match/words.h"
#include "util/util.h"

typedef struct eg_rules eg_rules;
/* Per-thread working memory for matching (PCRE2 match data and JIT stack):
 * one eg_rules serves any number of threads, each with its own scratch. */
typedef struct eg_rules_scratch eg_rules_scratch;

eg_rules *eg_rules_new(void);
void eg_rules_free(eg_rules *r);

/* On a bad line or pattern returns -1 with err set to
 * "FILE:LINE: message" or "FILE:LINE: PCRE2's message at offset N". */
int eg_rules_load_file(eg_rules *r, const char *path, eg_error *err);
int eg_rules_load_buffer(eg_rules *r, const char *name, const char *data, size_t n, eg_error *err);
size_t eg_rules_count(const eg_rules *r);
/* The type rule index (below eg_rules_count) gives its entities. */
const char *eg_rules_type(const eg_rules *r, size_t index);

/* Returned by eg_rules_match when the rules spent max_steps. */
#define EG_RULES_STOPPED 1

/* Appends matches with source EG_SOURCE_RULE.  common is the word list the
 * proper option consults (NULL: the option keeps every match).  max_steps
 * is the budget of PCRE2 steps beyond ordinary searching that all rules may
 * spend on this text (UINT64_MAX: none).  Returns 0; -1 when some rule gave
 * up on this text (the steps of one position, PCRE2's depth limit or
 * another error; err names the rule; the other rules' matches are still
 * appended); or EG_RULES_STOPPED when the
 * budget ran out (err is "rule FILE:LINE at byte N"; the matches found until
 * then are appended, the rest of the rules did not run). */
int eg_rules_match(const eg_rules *r, eg_rules_scratch *s, const eg_words *common, eg_entities *ents,
		   const char *text, size_t length, const eg_tokens *tokens, uint64_t max_steps, eg_mentions *out,
		   eg_error *err);

eg_rules_scratch *eg_rules_scratch_new(void);
void eg_rules_scratch_free(eg_rules_scratch *s);

#endif
