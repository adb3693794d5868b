/* Verb phrases and the agents of nominalisations between two mentions of
 * a sentence (match/relations.h): the words between them must be a verb
 * phrase in the sense of ReVerb's constraint (Fader et al. 2011), a verb
 * optionally followed by other words and ending in a preposition or
 * particle, or a nominalisation with its agent and theme.
 *
 * With no part-of-speech tagger, the words are read by position: after the
 * subject come auxiliaries, negation and adverbs, then a verb that the
 * lexicon (match/lexicon.h, from WordNet) knows in a form the auxiliaries
 * allow; a word that is also a noun ("forces", "plans") is a verb only
 * when the object follows it at once. */
#include "match/lexicon.h"
#include "match/scan.h"

#include <stdio.h>
#include <string.h>

#define COORDINATED 16 /* names joined to a subject or object, each side */

static const char *const BE[] = {"is", "are", "was", "were", "be", "been", "being", "am", NULL};
static const char *const HAVE[] = {"has", "have", "had", "having", NULL};
static const char *const MODALS[] = {"will", "would", "can", "could", "may", "might", "shall", "should", "must",
				     "do", "does", "did", NULL};
static const char *const NEGATIONS[] = {"not", "never", NULL};
/* Contractions: the auxiliary they hold and its negation. */
static const char *const NEGATED_BE[] = {"isn't", "aren't", "wasn't", "weren't", NULL};
static const char *const NEGATED_HAVE[] = {"hasn't", "haven't", "hadn't", NULL};
static const char *const NEGATED_MODALS[] = {"don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "cannot",
					     "couldn't", "shouldn't", "mustn't", NULL};
static const char *const ADVERBS[] = {"also", "later", "still", "already", "now", "then", "recently", "once",
				      "again", "just", "even", "jointly", "further", "soon", "previously", "since",
				      NULL};
/* Words of time that end a noun phrase ("talks earlier this week"). */
static const char *const TIME[] = {"this", "that", "these", "those", "earlier", "later", "last", "next", "week",
				   "month", "year", "day", "today", "yesterday", NULL};
/* What may end the phrase: prepositions and particles. */
static const char *const PARTICLES[] = {"in", "into", "on", "onto", "at", "to", "for", "from", "with", "by", "of",
					"against", "about", "over", "under", "through", "across", "between", "among",
					"after", "before", "behind", "within", "without", "via", "toward", "towards",
					"up", "off", "out", "down", "back", "away", "around", "inside", "outside", NULL};
/* Words that end a phrase before its preposition could: conjunctions,
 * relative pronouns, subordinators. */
static const char *const CLAUSE[] = {"that", "which", "who", "whom", "whose", "and", "or", "but", "if", "when",
				     "while", "because", "as", "than", "where", "after", "so", NULL};
/* Verbs whose object is a statement, not a thing acted on: after them a
 * name is the statement's subject, and no words may come between. */
static const char *const SPEECH[] = {"say", "tell", "report", "write", "announce", "claim", "state", "add",
				     "confirm", "deny", "warn", "argue", "allege", "insist", "explain", "note",
				     "acknowledge", "admit", "believe", "think", "suggest", "conclude", NULL};
/* Verbs whose object noun is the relation itself ("signed a deal with"):
 * the noun stays in the predicate. */
static const char *const LIGHT[] = {"have", "make", "take", "give", "sign", "reach", "hold", "file", "play",
				    "win", "lose", "strike", "seal", "award", "pull", "place", "cut", "impose", "lift",
				    "launch", "open", "approve", "pay", "raise", "cause", "pose", "bring", "set", "stage",
				    "express", "voice", "draw", "sever", "announce", NULL};
/* Pronouns, which no predicate keeps ("took him to"). */
static const char *const PRONOUNS[] = {"him", "her", "them", "it", "us", "me", "you", "this", "that", "these",
				       "those", NULL};
/* The prepositions that take a nominalisation's theme. */
static const char *const THEMES[] = {"of", "into", "on", "against", "over", "about", NULL};

/* The words joined by spaces (empty ones left out) into out, cut to fit:
 * a predicate. */
static void compose(char out[EG_PREDICATE_MAX], const char *a, const char *b, const char *c, const char *d)
{
	const char *parts[] = {a, b, c, d};
	size_t n = 0;
	for (size_t i = 0; i < 4; i++) {
		if (!parts[i] || !*parts[i])
			continue;
		if (n && n < EG_PREDICATE_MAX - 1)
			out[n++] = ' ';
		for (const char *p = parts[i]; *p && n < EG_PREDICATE_MAX - 1; p++)
			out[n++] = *p;
	}
	out[n] = '\0';
}

/* Token k in lower case into w (the typographic apostrophe as "'"): its
 * length, or 0 when it is not a word of lower-case ASCII letters (with an
 * inner apostrophe or hyphen), or has a capital. */
static size_t lower_word(const eg_scan *s, size_t k, char w[40])
{
	if (k >= s->tokens->n)
		return 0;
	const eg_token *t = &s->tokens->v[k];
	size_t n = 0;
	for (uint32_t i = t->start; i < t->end; i++) {
		unsigned char c = (unsigned char)s->text[i];
		if (n >= 39)
			return 0;
		if (c == 0xe2 && i + 2 < t->end && (unsigned char)s->text[i + 1] == 0x80 &&
		    (unsigned char)s->text[i + 2] == 0x99) {
			w[n++] = '\'';
			i += 2;
		} else if ((c >= 'a' && c <= 'z') || ((c == '\'' || c == '-') && n > 0)) {
			w[n++] = (char)c;
		} else {
			return 0;
		}
	}
	w[n] = '\0';
	return n;
}

/* Mention y at token next, after a determiner and up to two lower-case
 * words before it ("the segregated Azure environment") or nothing. */
static int object_at(const eg_scan *s, size_t k, size_t next)
{
	if (k == next)
		return 1;
	if (!eg_scan_in(s, k, EG_DETERMINERS) || next - k > 3)
		return 0;
	char w[40];
	for (size_t i = k + 1; i < next; i++)
		if (!lower_word(s, i, w) || eg_scan_listed(w, CLAUSE) || eg_scan_listed(w, PARTICLES) || eg_scan_listed(w, BE) || eg_scan_listed(w, HAVE))
			return 0;
	return 1;
}

/* A place that a capitalised word follows: a modifier of a name the
 * dictionaries missed ("a member of the Michigan House"). */
static int place_before_name(const eg_scan *s, uint32_t yi)
{
	const eg_mention *y = &s->mentions[yi];
	size_t after = y->tok_end;
	char w[40];
	return strcmp(eg_entity_type(s->ents, y->entity), "PLACE") == 0 && after < s->tokens->n &&
	       (s->tokens->v[after].flags & EG_TOK_CAPITALIZED) && s->tokens->v[after].sentence == y->sentence &&
	       !lower_word(s, after, w);
}

/* A name written as a modifier of the noun after it: a place ("a
 * naturalised U.S. citizen", "his England debut", "the Vermont Senate"),
 * or any name but a product's after a determiner ("covered the Bruce
 * Springsteen song", "played an NBA player"; "the segregated Azure
 * environment" is Azure), or a possessor whose possession is no name
 * ("the USA's first library school", "Tommy Lee Jones' shoes"). */
int eg_scan_modifier(const eg_scan *s, uint32_t yi)
{
	const eg_mention *y = &s->mentions[yi];
	size_t after = y->tok_end;
	if (eg_scan_possessive(s, after) || (eg_scan_punct(s, after, '\'') && s->text[y->end - 1] == 's'))
		return 1;
	if (eg_scan_punct(s, after, '-') && after < s->tokens->n && s->tokens->v[after].start == y->end)
		return 1; /* "Houston-based" */
	char w[40];
	const char *type = eg_entity_type(s->ents, y->entity);
	int place = strcmp(type, "PLACE") == 0;
	int determined = y->tok_start > 0 && eg_scan_in(s, y->tok_start - 1, EG_DETERMINERS);
	if (place && place_before_name(s, yi))
		return 1; /* "the Michigan House" */
	if (!place && (!determined || strcmp(type, "PRODUCT") == 0))
		return 0;
	return lower_word(s, after, w) && !eg_scan_listed(w, PARTICLES) && !eg_scan_listed(w, TIME) && !eg_scan_listed(w, ADVERBS) &&
	       !eg_scan_listed(w, CLAUSE) && !eg_scan_listed(w, BE) && !eg_scan_listed(w, HAVE) && !eg_scan_listed(w, MODALS) && strcmp(w, "since") != 0;
}

/* The mention a verb acts on when it is y: the possessed one in "Y's Z". */
static uint32_t object_of(const eg_scan *s, uint32_t yi)
{
	const eg_mention *y = &s->mentions[yi];
	if (yi + 1 < s->n && eg_scan_possessive(s, y->tok_end) && s->mentions[yi + 1].tok_start == y->tok_end + 1 &&
	    s->mentions[yi + 1].sentence == y->sentence)
		return yi + 1;
	return yi;
}

/* Mentions i and i + 1 are joined by "," "and" "or" or ", and". */
static int coordinated(const eg_scan *s, uint32_t i)
{
	const eg_mention *a = &s->mentions[i], *b = &s->mentions[i + 1];
	if (a->sentence != b->sentence)
		return 0;
	size_t g = a->tok_end, next = b->tok_start;
	if (g + 1 == next)
		return eg_scan_punct(s, g, ',') || eg_scan_is(s, g, "and") || eg_scan_is(s, g, "or");
	return g + 2 == next && eg_scan_punct(s, g, ',') && (eg_scan_is(s, g + 1, "and") || eg_scan_is(s, g + 1, "or"));
}

/* A subject: no preposition before it ("reports from Israel said", "a
 * play by Henrik Ibsen premiered"). */
static int subject_ok(const eg_scan *s, uint32_t xi)
{
	size_t t = s->mentions[xi].tok_start;
	return t == 0 || (!eg_scan_in(s, t - 1, EG_PREPOSITIONS) && !eg_scan_possessive(s, t - 1));
}

typedef struct phrase {
	size_t verb;           /* its token */
	eg_verb v;
	int be, have, modal, negated;
	size_t after;          /* the token after the verb */
} phrase;

/* Auxiliaries, negation and adverbs from token k, then the verb: 1 and *p
 * filled when a verb stands where the auxiliaries allow one. */
static int read_phrase(const eg_scan *s, size_t k, size_t limit, phrase *p)
{
	memset(p, 0, sizeof(*p));
	size_t have_at = (size_t)-1;
	char w[40];
	for (int steps = 0; k < limit && steps < 6; steps++) {
		size_t n = lower_word(s, k, w);
		if (!n)
			break;
		if (eg_scan_listed(w, BE)) {
			p->be = 1;
		} else if (eg_scan_listed(w, HAVE)) {
			p->have = 1;
			have_at = k;
		} else if (eg_scan_listed(w, MODALS)) {
			p->modal = 1;
		} else if (eg_scan_listed(w, NEGATIONS)) {
			p->negated = 1;
		} else if (eg_scan_listed(w, NEGATED_BE)) {
			p->be = p->negated = 1;
		} else if (eg_scan_listed(w, NEGATED_HAVE)) {
			p->have = p->negated = 1;
			have_at = k;
		} else if (eg_scan_listed(w, NEGATED_MODALS)) {
			p->modal = p->negated = 1;
		} else if (strcmp(w, "no") == 0 && eg_scan_is(s, k + 1, "longer")) {
			p->negated = 1;
			k++;
		} else if (eg_scan_listed(w, ADVERBS) || (n > 4 && strcmp(w + n - 2, "ly") == 0 && !eg_verb_lookup(w, n, &p->v))) {
			/* an adverb: "reportedly", "later" */
		} else {
			break;
		}
		k++;
	}
	size_t n = k < limit ? lower_word(s, k, w) : 0;
	if (n && !eg_scan_listed(w, PARTICLES) && !eg_scan_listed(w, CLAUSE) && eg_verb_lookup(w, n, &p->v)) {
		eg_verb_form f = p->v.form;
		int ok = p->be ? f == EG_VERB_ED || f == EG_VERB_ING
			 : p->have ? f == EG_VERB_ED
			 : p->modal ? f == EG_VERB_BASE
				    : f == EG_VERB_ED || f == EG_VERB_S;
		if (ok) {
			p->verb = k;
			p->after = k + 1;
			if (!(p->be && f == EG_VERB_ED))
				p->be = 0; /* "is using": active */
			return 1;
		}
	}
	/* "has", "had" as the verb itself: "X has a contract with Y" */
	if (p->have && have_at == k - 1 && !p->be && eg_verb_lookup("have", 4, &p->v)) {
		p->verb = have_at;
		p->after = k;
		p->v.form = EG_VERB_S;
		return 1;
	}
	return 0;
}

/* subject -predicate-> object, and the same for every name coordinated with
 * either: "The Guardian, +972 Magazine and Local Call reported" gives three
 * subjects, "met Google and Amazon" two objects.  forward: the subject comes
 * first, so its partners are before it and the object's after; else the
 * other way round ("was used by X and Y").  A partner after the conjunction
 * that starts a verb phrase of its own is the subject of another clause. */
static void relate(const eg_scan *s, uint32_t subject, uint32_t object, eg_relation_kind kind, const char *predicate,
		   int negated, int forward)
{
	uint32_t first = forward ? subject : object, last = forward ? object : subject;
	uint32_t lo = first, hi = last;
	/* at most COORDINATED names a side: a list of a thousand names before a
	 * verb and a thousand after makes no million relations */
	while (lo > 0 && first - lo < COORDINATED && coordinated(s, lo - 1) && subject_ok(s, lo - 1))
		lo--;
	phrase p;
	while (hi + 1 < s->n && hi - last < COORDINATED && coordinated(s, hi) &&
	       !read_phrase(s, s->mentions[hi + 1].tok_end, s->tokens->n, &p))
		hi++;
	uint32_t s_lo = forward ? lo : subject, s_hi = forward ? subject : hi;
	uint32_t o_lo = forward ? object : lo, o_hi = forward ? hi : object;
	for (uint32_t a = s_lo; a <= s_hi; a++)
		for (uint32_t b = o_lo; b <= o_hi; b++) {
			if (s->mentions[a].entity == s->mentions[b].entity)
				continue;
			eg_relation *r = eg_scan_add(s, a, b, kind, predicate, 0);
			r->negated = (uint8_t)negated;
		}
}

/* "X [, which] [aux] [not] VERB [words] [PREP] [the] Y" between mentions xi
 * and yi: 1 when it held. */
static int verb_phrase(const eg_scan *s, uint32_t xi, uint32_t yi)
{
	const eg_mention *x = &s->mentions[xi], *y = &s->mentions[yi];
	size_t k = x->tok_end, next = y->tok_start;
	char w0[40];
	size_t n0 = lower_word(s, k + 1, w0);
	if (eg_scan_punct(s, k, ',') && (eg_scan_is(s, k + 1, "which") || eg_scan_is(s, k + 1, "who")))
		k += 2;
	else if (eg_scan_punct(s, k, ',') && n0 > 3 && strcmp(w0 + n0 - 2, "ed") == 0 && eg_scan_is(s, k + 2, "by"))
		k++; /* "Denktash, supported by Ankara" */
	else if (eg_scan_is(s, k, "which") || eg_scan_is(s, k, "who") || eg_scan_is(s, k, "that"))
		k++;
	else if (!subject_ok(s, xi))
		return 0;
	phrase p;
	if (!read_phrase(s, k, next, &p))
		return 0;
	char predicate[EG_PREDICATE_MAX], w[40], last_word[40] = "";
	const char *base = p.v.base;
	char written[40];
	size_t wn = lower_word(s, p.verb, written);
	/* "beaten", "taken", "given" alone: a participle, never a past */
	if (!p.be && !p.have && !p.modal && p.v.form == EG_VERB_ED && wn > 3 && strcmp(written + wn - 2, "en") == 0 &&
	    strcmp(written, base) != 0)
		p.be = 1;
	int speech = eg_scan_listed(base, SPEECH);
	size_t j = p.after;
	/* "plans to acquire": the second verb is the one that acts */
	char chain[EG_PREDICATE_MAX] = "";
	eg_verb second;
	if (!p.be && eg_scan_is(s, j, "to") && j + 1 < next && lower_word(s, j + 1, w) &&
	    eg_verb_lookup(w, strlen(w), &second) && second.form == EG_VERB_BASE && !eg_scan_listed(w, PARTICLES)) {
		compose(chain, base, "to", NULL, NULL);
		base = second.base;
		j += 2;
		speech = 0;
	}
	uint32_t object = object_of(s, yi);
	int modifier = object == yi && eg_scan_modifier(s, yi);
	/* VERB [the] Y, VERB that [the] Y */
	if (!p.be && (object_at(s, j, next) || (eg_scan_is(s, j, "that") && object_at(s, j + 1, next)))) {
		if (p.v.noun && p.v.form == EG_VERB_S && j != next && !eg_scan_is(s, j, "that"))
			return 0; /* "Israel forces the": a plural noun as likely */
		if (modifier)
			return 0;
		compose(predicate, chain, base, NULL, NULL);
		relate(s, xi, object, EG_REL_VERB, predicate, p.negated, 1);
		return 1;
	}
	if (speech && !(eg_scan_in(s, j, PARTICLES) && object_at(s, j + 1, next)))
		return 0;
	/* VERB [words] PREP [the] Y */
	size_t words = 0;
	int plain = 1; /* the words are one noun phrase: [a] word... */
	while (j < next && words < 4 && (!eg_scan_in(s, j, PARTICLES) || (words && eg_scan_is(s, j, "of") &&
									   !object_at(s, j + 1, next)))) {
		size_t n = lower_word(s, j, w);
		int number = (s->tokens->v[j].flags & EG_TOK_NUMBER) != 0;
		eg_verb other;
		if (!number && (!n || eg_scan_listed(w, CLAUSE) || eg_scan_listed(w, BE) || eg_scan_listed(w, HAVE) || eg_scan_listed(w, MODALS) ||
				eg_scan_listed(w, NEGATIONS) || (eg_verb_lookup(w, n, &other) && other.form == EG_VERB_ED &&
							 !other.noun && strcmp(w + n - 2, "ed") != 0)))
			return 0;
		/* "consider recommending to", "find itself drawing closer to":
		 * a second verb, whose preposition the first does not take */
		if (!number && n > 4 && strcmp(w + n - 3, "ing") == 0 && eg_verb_lookup(w, n, &other) &&
		    other.form == EG_VERB_ING)
			return 0;
		/* "sanctions imposed for": after a plural noun, a participle */
		if (!number && p.v.noun && p.v.form == EG_VERB_S && eg_verb_lookup(w, n, &other) &&
		    (other.form == EG_VERB_ED || other.form == EG_VERB_ING))
			return 0; /* "stars coming to": a plural noun and its verb */
		/* the noun of "signed a pact with", unless more follows it
		 * ("held talks earlier this week in") */
		if (!number && words && (eg_scan_in(s, j, EG_DETERMINERS) || eg_scan_listed(w, ADVERBS) || eg_scan_listed(w, TIME) ||
					 (n > 4 && strcmp(w + n - 2, "ly") == 0)))
			plain = 0;
		if (!number && !eg_scan_listed(w, PRONOUNS))
			snprintf(last_word, sizeof(last_word), "%s", w);
		j++;
		words++;
	}
	if (j >= next || !eg_scan_in(s, j, PARTICLES) || !object_at(s, j + 1, next))
		return 0;
	/* "Israel forces in Gaza", "Microsoft shares in": a plural noun as
	 * likely as a verb; with words between ("stores calls in"), a verb */
	if ((words && p.be) || (!words && p.v.noun && p.v.form == EG_VERB_S))
		return 0;
	lower_word(s, j, w);
	if (modifier && strcmp(w, "of") == 0)
		return 0; /* "ordered the use of U.S. troops" */
	if (!p.be && words && strcmp(w, "by") == 0)
		return 0; /* "support the work developed by": the words' agent */
	int participle = wn > 3 && (strcmp(written + wn - 2, "ed") == 0 || strcmp(written + wn - 2, "en") == 0);
	if (!p.be && !p.have && !p.modal && !words && participle && strcmp(w, "by") == 0 && !*chain) {
		/* "Denktash, supported by Ankara": a participle, its agent after */
		relate(s, object, xi, EG_REL_VERB, base, p.negated, 0);
		return 1;
	}
	if (p.be && strcmp(w, "by") == 0) {
		/* "Azure was used by Unit 8200": Unit 8200 -use-> Azure */
		compose(predicate, base, NULL, NULL, NULL);
		relate(s, object, xi, EG_REL_VERB, predicate, p.negated, 0);
		return 1;
	}
	if (p.be) {
		compose(predicate, "be", written, w, NULL);
	} else if (words && plain && *last_word && (eg_scan_listed(base, LIGHT) || strcmp(w, "of") == 0)) {
		compose(predicate, chain, base, last_word, w);
	} else {
		compose(predicate, chain, base, w, NULL);
	}
	relate(s, xi, object, EG_REL_VERB, predicate, p.negated, 1);
	return 1;
}

/* The verb of a nominalisation at token k ("investigation"), or NULL. */
static const char *nominal(const eg_scan *s, size_t k)
{
	char w[40];
	size_t n = lower_word(s, k, w);
	return n ? eg_nominal_verb(w, n) : NULL;
}

/* "X's NOUN of|into Y", "X NOUN into Y", "NOUN of Y by X", "NOUN by X of
 * Y": X -VERB-> Y, the verb the noun names. */
static int agent(const eg_scan *s, uint32_t xi, uint32_t yi)
{
	const eg_mention *x = &s->mentions[xi], *y = &s->mentions[yi];
	size_t g = x->tok_end, next = y->tok_start, xt = x->tok_start;
	const char *verb;
	size_t k = g + (eg_scan_possessive(s, g) ? 1 : 0);
	/* "X NOUN of Y" without "'s": X a name that leads its noun phrase
	 * ("the Guardian investigation into"), not a modifier in one ("the
	 * colorful WWI nickname of") */
	int leads = k > g || xt == 0 || eg_scan_in(s, xt - 1, EG_DETERMINERS) || s->tokens->v[xt - 1].sentence != x->sentence;
	if (leads && (verb = nominal(s, k)) && eg_scan_in(s, k + 1, THEMES) && object_at(s, k + 2, next) &&
	    !(object_of(s, yi) == yi && eg_scan_modifier(s, yi))) {
		relate(s, xi, object_of(s, yi), EG_REL_AGENT, verb, 0, 1);
		return 1;
	}
	/* "an investigation of Y by X": here x is Y */
	size_t before = xt >= 2 && eg_scan_in(s, xt - 1, EG_DETERMINERS) ? xt - 1 : xt;
	if (g + 1 == next && eg_scan_is(s, g, "by") && before >= 2 && eg_scan_in(s, before - 1, THEMES) &&
	    (verb = nominal(s, before - 2))) {
		relate(s, yi, xi, EG_REL_AGENT, verb, 0, 0);
		return 1;
	}
	/* "an investigation by X into Y" */
	if (xt >= 2 && eg_scan_is(s, xt - 1, "by") && (verb = nominal(s, xt - 2)) && eg_scan_in(s, g, THEMES) &&
	    object_at(s, g + 1, next)) {
		relate(s, xi, object_of(s, yi), EG_REL_AGENT, verb, 0, 1);
		return 1;
	}
	return 0;
}

int eg_scan_verbs(const eg_scan *s, uint32_t xi, uint32_t yi)
{
	return verb_phrase(s, xi, yi) || agent(s, xi, yi);
}
