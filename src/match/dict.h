/*
 * dict: gazetteers compiled into a token-level matcher.
 *
 * A dictionary file is UTF-8 TSV, one entity a line; "#" starts a comment
 * line, blank lines are skipped.  Columns:
 *   1 label     canonical name (required)
 *   2 type      PERSON, ORG, UNIT, PRODUCT, PLACE or another [A-Z][A-Z0-9_]*
 *   3 aliases   other names, separated by "|" (may be empty)
 *   4 category  free word such as media, tech, military (may be empty)
 *   5 flags     comma separated: "exact" (match case exactly), "fold"
 *               (match in any case, even all lower case), "cue" (not an
 *               entity but evidence for later steps: a GIVEN_NAME cue
 *               followed by capitalised words makes a person), "drop"
 *               (its label and aliases are never entities, whatever finds
 *               them; the type column is not used and may be "-")
 * The label and each alias are tokenized with the document tokenizer and
 * stored in a trie over token ids; matching walks it from every token and
 * keeps the longest match starting there.
 *
 * Tokens are compared folded (case, Latin accents) and with British endings
 * spelt the American way ("Defence" matches "Defense", "Organisation"
 * matches "Organization", "Co-operation" matches "Cooperation").
 *
 * Case: by default an acronym (no lower-case letter, at most 6 letters,
 * e.g. "IDF", "NSA", "U.S.") matches only as written; any other name matches
 * in any case except all lower case ("Microsoft", "MICROSOFT", not
 * "microsoft"), unless the name itself is lower case.  Flags override.
 *
 * When one surface form names two entities, the first loaded wins and
 * eg_dict_conflicts lists the others (check reports them).
 *
 * Corrections: files loaded after eg_dict_begin_analyst (the -d files, in
 * order) are the analyst's, and their lines win instead.  A name of such a
 * line that an earlier file's line (shipped, or an earlier -d file) gives to
 * another entity overrides that whole entity: all its names, and mentions
 * of it that rules and guesses find, count as the analyst's entity, with
 * the analyst's type, label and category (override, fold, retype are this
 * one step).  A drop name wins over every other name of the same form,
 * from any file.  eg_dict_overrides lists each such case.  Two lines of
 * one file naming one form remain a conflict.
 */
#ifndef EG_DICT_H
#define EG_DICT_H

#include <stddef.h>
#include <stdint.h>

#include "mention.h"
#include "text/tokenize.h"
#include "match/entities.h"
#include "util/util.h"

typedef struct eg_dict eg_dict;

/* The dictionary interns its entities into ents, which must outlive it. */
eg_dict *eg_dict_new(eg_entities *ents);
/* Per-thread working memory for eg_dict_match: one dictionary serves any
 * number of threads, each with its own scratch. */
typedef struct eg_dict_scratch eg_dict_scratch;
eg_dict_scratch *eg_dict_scratch_new(void);
void eg_dict_scratch_free(eg_dict_scratch *s);
void eg_dict_free(eg_dict *d);

/* Loads one TSV file.  On a bad line returns -1 with "FILE:LINE: message"
 * in err. */
int eg_dict_load_file(eg_dict *d, const char *path, eg_error *err);
/* Loads TSV text held in memory; name is used in messages. */
int eg_dict_load_buffer(eg_dict *d, const char *name, const char *data, size_t n, eg_error *err);

size_t eg_dict_entry_count(const eg_dict *d);  /* lines loaded */
size_t eg_dict_name_count(const eg_dict *d);   /* labels and aliases */

/* Conflicts: "FILE:LINE: NAME also names TYPE LABEL (FILE:LINE)" lines. */
size_t eg_dict_conflict_count(const eg_dict *d);
const char *eg_dict_conflict(const eg_dict *d, size_t i);

/* Files loaded from now on are the analyst's (see above). */
void eg_dict_begin_analyst(eg_dict *d);

/* Overrides: "FILE:LINE: \"NAME\" overrides TYPE \"LABEL\" (FILE:LINE), now
 * TYPE \"LABEL\"", "FILE:LINE: drops \"NAME\", a name of TYPE \"LABEL\"
 * (FILE:LINE)" or "FILE:LINE: \"NAME\" was dropped (FILE:LINE), which wins". */
size_t eg_dict_override_count(const eg_dict *d);
const char *eg_dict_override(const eg_dict *d, size_t i);

/* The entity of the dictionaries' table that stands for entity after the
 * analyst's overrides (entity itself when none, or when it is not one of
 * the dictionaries'). */
uint32_t eg_dict_entity(const eg_dict *d, uint32_t entity);

/* The entity of a drop name (eg_dict_match never gives it). */
#define EG_DICT_DROPPED UINT32_MAX

/* Applies the corrections to a document's mentions, whoever found them:
 * removes mentions whose exact span is written as
 * a drop name and maps entities through eg_dict_entity.  s must be the
 * scratch eg_dict_match last used on these tokens. */
void eg_dict_correct(const eg_dict *d, eg_dict_scratch *s, const char *text, const eg_tokens *tokens,
		     eg_mentions *list);
/* Whether tokens [first, last) of the text are written as a drop name,
 * without a scratch (slower than eg_dict_correct's check, for the few
 * spans the learner asks about). */
int eg_dict_dropped(const eg_dict *d, const char *text, const eg_tokens *tokens, size_t first, size_t last);
/* Drops the candidates of persons that rules found (ents types them) whose
 * first word or two are a drop name: a name opens with no nationality
 * ("Mexican Ariel Cruz" is "Ariel Cruz", which a shorter candidate finds).
 * Before overlaps are resolved, with s as eg_dict_match left it. */
void eg_dict_unprefix(const eg_dict *d, eg_dict_scratch *s, const eg_entities *ents, const char *text,
		      const eg_tokens *tokens, eg_mentions *list);

/* Appends every match (longest per start token, overlapping allowed) to out,
 * with source EG_SOURCE_DICT; matches of cue entries go to cues instead
 * (when not NULL). */
void eg_dict_match(const eg_dict *d, eg_dict_scratch *s, const char *text, const eg_tokens *tokens, eg_mentions *out,
		   eg_mentions *cues);

#endif
