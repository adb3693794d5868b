/*
 * lexicon: the verbs of English and the nouns that name their acts, for the
 * relation finder (match/relations.h).
 *
 * The words come from WordNet 3.0 (Debian wordnet-base) by
 * dictionaries/sources/lexicon.py into dictionaries/lexicon/verbs.lexicon,
 * which the build embeds in the program: relations never depend on the
 * dictionaries a run loads.  A word is looked up as WordNet's morphy does:
 * the irregular forms of verb.exc first ("began" begin), then the word as
 * a base, then the regular endings stripped ("stores" store, "carried"
 * carry, "used" use, "partnered" partner, "storing" store).
 *
 * Every function takes lower-case ASCII; the tables load once, on first
 * use, safely from any thread.
 */
#ifndef EG_LEXICON_H
#define EG_LEXICON_H

#include <stddef.h>
#include <stdint.h>

typedef enum eg_verb_form {
	EG_VERB_BASE,  /* "use" */
	EG_VERB_S,     /* "uses" */
	EG_VERB_ED,    /* "used", "began", "begun": past or participle */
	EG_VERB_ING,   /* "using" */
} eg_verb_form;

typedef struct eg_verb {
	const char *base;  /* "use"; lives as long as the program */
	eg_verb_form form;
	int noun;          /* the base is a noun too ("report", "force") */
} eg_verb;

/* 1 and *out filled when the n bytes at word are a form of a verb. */
int eg_verb_lookup(const char *word, size_t n, eg_verb *out);
/* The verb whose act the noun names ("investigation": "investigate"; a
 * plural too), or NULL. */
const char *eg_nominal_verb(const char *word, size_t n);
/* A fingerprint of the tables, for the cache's key. */
uint64_t eg_lexicon_fingerprint(void);

#endif
