#include "match/relations.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "match/entities.h"
#include "match/scan.h"

/* Role nouns, as the predicate spells them; matched in any case, the
 * longest first where one is the start of another ("chief executive
 * officer" before "chief executive" before "chief").  Hand-kept: the roles
 * news gives people in organisations and organisations in others. */
static const char *const ROLES[] = {
	"chief executive officer", "chief operating officer", "chief technology officer",
	"chief financial officer", "chief of staff", "chief executive", "vice president",
	"managing director", "general counsel", "prime minister", "foreign minister", "defence minister",
	"defense minister", "special rapporteur", "secretary general", "secretary-general", "staff member",
	"board member", "co-founder", "cofounder", "CEO", "CFO", "COO", "CTO", "chairman", "chairwoman", "chair",
	"president", "founder", "owner", "director", "head", "chief", "commander", "spokesperson", "spokesman",
	"spokeswoman", "employee", "engineer", "organiser", "organizer", "member", "minister", "secretary",
	"editor", "reporter", "correspondent", "researcher", "analyst", "lawyer", "attorney", "adviser",
	"advisor", "executive", "official", "ambassador", "envoy", "leader", "partner", "investor",
	"shareholder", "contractor", "worker", "officer", "rapporteur", "investigator", "activist",
	"campaigner", "unit", "arm", "division", "subsidiary", "branch", "wing", NULL,
};

/* Roles an organisation may hold in another; the others are a person's. */
static const char *const ORG_ROLES[] = {"unit", "arm", "division", "subsidiary", "branch", "wing", "member", "partner",
					"shareholder", "investor", "contractor", "owner", "founder", "co-founder",
					"cofounder", "board member", NULL};

/* Words before a role that say it is over. */
static const char *const FORMER[] = {"former", "ex", "onetime", "erstwhile", "then", "retired", NULL};
/* Words before a role that leave it as it is; "deputy" and "acting" are
 * kept in the predicate ("deputy prime minister of"). */
static const char *const KEEP[] = {"current", "new", "acting", "longtime", "long-time", "senior", "deputy",
				   "top", NULL};
static const char *const QUALIFIERS[] = {"deputy", "acting", "vice", NULL};
const char *const EG_DETERMINERS[] = {"a", "an", "the", "its", "their", "his", "her", NULL};
/* Lower-case words that end an apposition rather than describe a role:
 * relative pronouns, conjunctions, common verbs of speech and being. */
static const char *const STOPS[] = {"who", "whom", "whose", "which", "that", "and", "or", "but", "said", "says",
				    "say", "is", "was", "are", "were", "has", "had", "have", "will", "would",
				    "told", "of", "at", "for", "in", "on", "by", "with", "to", "from", NULL};
static const char *const ROLE_PREPOSITIONS[] = {"of", "at", "for", NULL};
const char *const EG_PREPOSITIONS[] = {"in", "at", "on", "from", "to", "by", "with", "for", "of", "into",
					   "near", "across", "inside", "outside", "after", "before", "like", NULL};

/* The role starting at token k, ending before token limit: its index in
 * ROLES and, in *end, the token after it; -1 for none.  A role of several
 * words matches them as tokens ("chief" "executive"); "co-founder" is one
 * token. */
static int role_at(const eg_scan *s, size_t k, size_t limit, size_t *end)
{
	int best = -1;
	size_t best_end = 0;
	for (int r = 0; ROLES[r]; r++) {
		const char *p = ROLES[r];
		size_t at = k;
		int ok = 1;
		while (ok && *p) {
			const char *space = strchr(p, ' ');
			size_t n = space ? (size_t)(space - p) : strlen(p);
			char word[32];
			if (n >= sizeof(word) || at >= limit) {
				ok = 0;
				break;
			}
			memcpy(word, p, n);
			word[n] = '\0';
			ok = eg_scan_is(s, at, word);
			at++;
			p += n + (space ? 1 : 0);
		}
		if (ok && at > best_end) {
			best = r;
			best_end = at;
		}
	}
	*end = best_end;
	return best;
}

/* A lower-case word that may describe a role ("intelligence" in "an
 * intelligence unit of"): letters only, not a stop word. */
static int filler(const eg_scan *s, size_t k)
{
	if (k >= s->tokens->n || eg_scan_in(s, k, STOPS))
		return 0;
	const eg_token *t = &s->tokens->v[k];
	for (uint32_t i = t->start; i < t->end; i++)
		if (!(s->text[i] >= 'a' && s->text[i] <= 'z'))
			return 0;
	return 1;
}

/* Determiner and modifiers from token k: the token after them, former
 * set when one says the role is over. */
static size_t modifiers(const eg_scan *s, size_t k, size_t limit, int *former)
{
	if (k < limit && eg_scan_in(s, k, EG_DETERMINERS))
		k++;
	while (k < limit && (eg_scan_in(s, k, FORMER) || eg_scan_in(s, k, KEEP)) && !eg_scan_in(s, k, QUALIFIERS)) {
		if (eg_scan_in(s, k, FORMER))
			*former = 1;
		k++;
		/* "ex-" as its own tokens: "ex" "-" */
		if (k < limit && eg_scan_punct(s, k, '-'))
			k++;
	}
	return k;
}

eg_relation *eg_scan_add(const eg_scan *s, uint32_t subject, uint32_t object, eg_relation_kind kind,
			 const char *predicate, int former)
{
	const eg_mention *a = &s->mentions[subject], *b = &s->mentions[object];
	eg_relations *out = s->out;
	EG_GROW(out->v, out->cap, out->n + 1);
	eg_relation *r = &out->v[out->n++];
	memset(r, 0, sizeof(*r));
	r->subject = subject;
	r->object = object;
	r->start = a->start < b->start ? a->start : b->start;
	r->end = a->end > b->end ? a->end : b->end;
	r->sentence_start = a->sentence_start;
	r->sentence_end = a->sentence_end;
	r->kind = kind;
	r->former = (uint8_t)former;
	snprintf(r->predicate, sizeof(r->predicate), "%s", predicate);
	return r;
}

/* The role at token k, after a qualifier ("deputy", "acting") that stays
 * in the predicate: its index in ROLES, *end the token after it, and the
 * predicate "[qualifier ]ROLE PREPOSITION" in out; -1 for none.  A NULL
 * preposition is the token after the role, in lower case, as written
 * ("analyst at"). */
static int role_with(const eg_scan *s, size_t k, size_t limit, size_t *end, const char *preposition,
		     char out[EG_PREDICATE_MAX])
{
	const char *qualifier = NULL;
	for (size_t q = 0; QUALIFIERS[q] && k < limit; q++)
		if (eg_scan_is(s, k, QUALIFIERS[q]))
			qualifier = QUALIFIERS[q];
	int role = role_at(s, k + (qualifier ? 1 : 0), limit, end);
	if (role < 0)
		return -1;
	char written[8] = "";
	if (!preposition && *end < s->tokens->n) {
		const eg_token *p = &s->tokens->v[*end];
		size_t n = p->end - p->start < sizeof(written) - 1 ? p->end - p->start : sizeof(written) - 1;
		for (size_t i = 0; i < n; i++) {
			char c = s->text[p->start + i];
			written[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		}
		written[n] = '\0';
	}
	snprintf(out, EG_PREDICATE_MAX, "%s%s%s %s", qualifier ? qualifier : "", qualifier ? " " : "", ROLES[role],
		 preposition ? preposition : written);
	return role;
}

/* subject -predicate-> object for role ROLES[role], when the subject may
 * hold it: a person's role needs a person ("the General Assembly, the
 * Chairman of the Commission" is two bodies in a list). */
static int add_role(const eg_scan *s, uint32_t subject, uint32_t object, int role, const char *predicate, int former)
{
	const char *type = eg_entity_type(s->ents, s->mentions[subject].entity);
	if (!eg_scan_listed(ROLES[role], ORG_ROLES) && strcmp(type, "PERSON") != 0)
		return 0;
	eg_scan_add(s, subject, object, EG_REL_ROLE, predicate, former);
	return 1;
}

/* The patterns between mentions x (first) and y (next in the sentence). */
static void pair(const eg_scan *s, uint32_t xi, uint32_t yi)
{
	const eg_mention *m = s->mentions;
	const eg_mention *x = &m[xi], *y = &m[yi];
	size_t gap = x->tok_end, next = y->tok_start;
	char predicate[EG_PREDICATE_MAX];
	size_t end;
	int former = 0, role;

	/* "X, [a] [former] [word word] ROLE of|at|for [the] Y": X -ROLE of-> Y,
	 * unless X is the object of a preposition ("In Gaza, a Microsoft
	 * employee"), which an apposition cannot describe. */
	if (eg_scan_punct(s, gap, ',') && !(x->tok_start > 0 && eg_scan_in(s, x->tok_start - 1, EG_PREPOSITIONS))) {
		size_t k = modifiers(s, gap + 1, next, &former);
		size_t words = 0;
		while ((role = role_with(s, k, next, &end, NULL, predicate)) < 0 && words < 2 && filler(s, k)) {
			if (eg_scan_in(s, k, FORMER)) /* "the disgraced former president of" */
				former = 1;
			k++;
			words++;
		}
		if (role >= 0 && end < next && eg_scan_in(s, end, ROLE_PREPOSITIONS) &&
		    (end + 1 == next || (end + 2 == next && eg_scan_is(s, end + 1, "the"))) &&
		    !eg_scan_modifier(s, yi)) {
			if (add_role(s, xi, yi, role, predicate, former))
				return;
		}
		/* "X, [a] [former] Y ROLE": X -ROLE of-> Y */
		k = modifiers(s, gap + 1, next, &former);
		if (k == next && (role = role_with(s, y->tok_end, s->tokens->n, &end, "of", predicate)) >= 0 &&
		    s->tokens->v[end - 1].sentence == s->tokens->v[y->tok_start].sentence) {
			if (add_role(s, xi, yi, role, predicate, former)) {
				s->out->v[s->out->n - 1].end = s->tokens->v[end - 1].end; /* the role is after both */
				return;
			}
		}
		former = 0;
	}
	/* "X [former] ROLE Y": Y -ROLE of-> X ("Microsoft chief executive Satya Nadella") */
	{
		int was = 0;
		size_t k = modifiers(s, gap, next, &was);
		if (k > gap && eg_scan_in(s, gap, EG_DETERMINERS))
			k = gap; /* "X the CEO Y" is no title */
		if ((role = role_with(s, k, next, &end, "of", predicate)) >= 0 && end == next) {
			if (add_role(s, yi, xi, role, predicate, was))
				return;
		}
	}
	if (eg_scan_possessive(s, gap)) {
		/* "X's [former] ROLE[,] Y": Y -ROLE of-> X ("Microsoft's president, Brad Smith") */
		int was = 0;
		size_t k = modifiers(s, gap + 1, next, &was);
		if ((role = role_with(s, k, next, &end, "of", predicate)) >= 0 &&
		    (end == next || (end + 1 == next && eg_scan_punct(s, end, ',')))) {
			if (add_role(s, yi, xi, role, predicate, was))
				return;
		}
		/* "X's Y": X -'s-> Y ("Israel's Unit 8200"), unless Y but
		 * modifies a noun ("China's Japan policy") */
		if (gap + 1 == next && !eg_scan_modifier(s, yi)) {
			eg_scan_add(s, xi, yi, EG_REL_POSSESSIVE, "'s", 0);
			return;
		}
	}
	/* "Y of [the] X" between organisations: X -'s-> Y ("Unit 8200 of the IDF") */
	if (eg_scan_is(s, gap, "of") && (gap + 1 == next || (gap + 2 == next && eg_scan_is(s, gap + 1, "the")))) {
		const char *tx = eg_entity_type(s->ents, x->entity), *ty = eg_entity_type(s->ents, y->entity);
		int org_x = strcmp(tx, "ORG") == 0 || strcmp(tx, "UNIT") == 0 || strcmp(tx, "PRODUCT") == 0;
		int org_y = strcmp(ty, "ORG") == 0 || strcmp(ty, "UNIT") == 0;
		if (org_x && org_y) {
			eg_scan_add(s, yi, xi, EG_REL_POSSESSIVE, "'s", 0);
			return;
		}
	}
	eg_scan_verbs(s, xi, yi);
}

void eg_relations_find(const char *text, const eg_tokens *tokens, const eg_mention *mentions, size_t n,
		       const eg_entities *ents, eg_relations *out)
{
	eg_scan s = {text, tokens, mentions, n, ents, out};
	/* Every pattern joins a mention to the next one: no other name lies
	 * between. */
	for (size_t i = 0; i + 1 < n; i++) {
		const eg_mention *x = &mentions[i], *y = &mentions[i + 1];
		if (x->sentence != y->sentence || x->entity == y->entity || y->tok_start < x->tok_end)
			continue;
		pair(&s, (uint32_t)i, (uint32_t)(i + 1));
	}
}

void eg_relations_free(eg_relations *r)
{
	free(r->v);
	memset(r, 0, sizeof(*r));
}

const char *eg_relation_kind_name(eg_relation_kind k)
{
	static const char *const names[] = {"role", "possessive", "verb", "agent"};
	return (size_t)k < sizeof(names) / sizeof(names[0]) ? names[k] : "?";
}
