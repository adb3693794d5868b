/* Dictionary loading and matching: longest match, case rules, possessives,
 * aliases folding onto one entity, FILE:LINE errors, conflicts, the
 * analyst's corrections (override, fold, retype, drop). */
#include "check.h"
#include "match/dict.h"
#include "match/entities.h"
#include "text/tokenize.h"

#include <stdlib.h>

static eg_entities *ents;
static eg_dict *dict;
static int show_type; /* run() adds "/TYPE" to each label */

static void load(const char *tsv)
{
	eg_error err;
	eg_dict_free(dict);
	eg_entities_free(ents);
	ents = eg_entities_new();
	dict = eg_dict_new(ents);
	int rc = eg_dict_load_buffer(dict, "test.tsv", tsv, strlen(tsv), &err);
	CHECK_INT(rc, 0);
	if (rc)
		fprintf(stderr, "  %s\n", err.message);
}

/* shipped, then analyst's lines as a -d file. */
static void load_corrected(const char *shipped, const char *analyst)
{
	load(shipped);
	eg_error err;
	eg_dict_begin_analyst(dict);
	int rc = eg_dict_load_buffer(dict, "mine.tsv", analyst, strlen(analyst), &err);
	CHECK_INT(rc, 0);
	if (rc)
		fprintf(stderr, "  %s\n", err.message);
}

/* Matches text and renders the mentions as "text=label;" pairs. */
static const char *run(const char *text)
{
	static char out[4096];
	eg_tokens tokens = {0};
	eg_mentions m = {0};
	eg_tokenize(text, strlen(text), &tokens);
	eg_dict_scratch *scratch = eg_dict_scratch_new();
	eg_dict_match(dict, scratch, text, &tokens, &m, NULL);
	eg_dict_scratch_free(scratch);
	out[0] = '\0';
	for (size_t i = 0; i < m.n; i++) {
		size_t len = strlen(out);
		snprintf(out + len, sizeof(out) - len, "%.*s=%s%s%s;", (int)(m.v[i].end - m.v[i].start),
			 text + m.v[i].start, eg_entity_label(ents, m.v[i].entity), show_type ? "/" : "",
			 show_type ? eg_entity_type(ents, m.v[i].entity) : "");
	}
	eg_tokens_free(&tokens);
	eg_mentions_free(&m);
	return out;
}

static const char *load_error(const char *tsv)
{
	static eg_error err;
	eg_entities *e = eg_entities_new();
	eg_dict *d = eg_dict_new(e);
	int rc = eg_dict_load_buffer(d, "bad.tsv", tsv, strlen(tsv), &err);
	eg_dict_free(d);
	eg_entities_free(e);
	return rc < 0 ? err.message : "(no error)";
}

int main(void)
{
	load("# comment line\n"
	     "Organization for Security and Cooperation in Europe\tORG\n"
	     "Microsoft\tORG\tMicrosoft Corp.|Microsoft Corporation\ttech\n"
	     "Azure\tPRODUCT\tMicrosoft Azure\tcloud\n"
	     "No Azure for Apartheid\tORG\t\tactivist\n"
	     "Israel Defense Forces\tORG\tIDF|Israel Defence Forces\tmilitary\n"
	     "United States\tPLACE\tUS|U.S.|USA\n"
	     "Unit 8200\tUNIT\t\tintelligence\n"
	     "+972 Magazine\tORG\t\tmedia\n"
	     "Local Call\tORG\t\tmedia\n"
	     "Apple\tORG\t\ttech\texact\n"
	     "e-mail\tPRODUCT\t\t\tfold\n"
	     "Volker Türk\tPERSON\tVolker Turk\n");

	CHECK_INT(eg_dict_entry_count(dict), 12);
	CHECK_INT(eg_dict_conflict_count(dict), 0);

	/* Longest match from a start token. */
	CHECK_STR(run("Microsoft Azure stores data."), "Microsoft Azure=Azure;Azure=Azure;");
	CHECK_STR(run("Microsoft Corp. said"), "Microsoft Corp.=Microsoft;");
	/* Candidates overlap; resolve picks the longest later. */
	CHECK_STR(run("No Azure for Apartheid protested."),
		  "No Azure for Apartheid=No Azure for Apartheid;Azure=Azure;");
	/* Possessives with ASCII and typographic apostrophes. */
	CHECK_STR(run("Microsoft's cloud and Microsoft’s staff"), "Microsoft=Microsoft;Microsoft=Microsoft;");
	/* Aliases fold onto the canonical label; spelling variants too. */
	CHECK_STR(run("the IDF and the Israel Defence Forces"),
		  "IDF=Israel Defense Forces;Israel Defence Forces=Israel Defense Forces;");
	/* Acronyms are case-sensitive: "us" is a pronoun. */
	CHECK_STR(run("He told us the US and the U.S. agreed"), "US=United States;U.S.=United States;");
	CHECK_STR(run("the idf said"), "");
	/* Ordinary names match in any case but all lower case. */
	CHECK_STR(run("MICROSOFT and microsoft and Local Call, a local call"),
		  "MICROSOFT=Microsoft;Local Call=Local Call;");
	/* exact flag: only as written. */
	CHECK_STR(run("Apple and APPLE and apple"), "Apple=Apple;");
	/* fold flag: even all lower case. */
	CHECK_STR(run("an e-mail, an E-mail"), "e-mail=e-mail;E-mail=e-mail;");
	/* Numbers and leading plus. */
	CHECK_STR(run("Unit 8200 and +972 Magazine and Unit 82001"), "Unit 8200=Unit 8200;+972 Magazine=+972 Magazine;");
	/* Case folding beyond ASCII. */
	CHECK_STR(run("VOLKER TÜRK and Volker Turk"), "VOLKER TÜRK=Volker Türk;Volker Turk=Volker Türk;");
	/* British and American spellings match each other. */
	CHECK_STR(run("the Israel Defense Forces, the Israel Defence Forces"),
		  "Israel Defense Forces=Israel Defense Forces;Israel Defence Forces=Israel Defense Forces;");
	CHECK_STR(run("the Organisation for Security and Co-operation in Europe"),
		  "Organisation for Security and Co-operation in Europe=Organization for Security and Cooperation in Europe;");
	/* No match across a paragraph break. */
	CHECK_STR(run("Unit\n\n8200"), "");

	/* Conflicts: one name, two entities; the first loaded wins. */
	load("Jordan\tPLACE\n"
	     "Michael Jordan\tPERSON\tJordan\n");
	CHECK_INT(eg_dict_conflict_count(dict), 1);
	if (eg_dict_conflict_count(dict))
		CHECK_STR(eg_dict_conflict(dict, 0), "test.tsv:2: \"Jordan\" also names PLACE \"Jordan\" (test.tsv:1), which wins");
	CHECK_STR(run("Jordan said"), "Jordan=Jordan;");
	/* Different exact acronyms do not conflict; repeats are not conflicts. */
	load("Associated Press\tORG\tAP\nAP\tORG\tAP\nAssociated Press\tORG\tAP\n");
	CHECK_INT(eg_dict_conflict_count(dict), 1);

	/* Long chains of names on one trie node, appended while the name
	 * array grows (a stale pointer here once wrote to freed memory). */
	{
		eg_buf many = {0};
		for (int i = 0; i < 200; i++)
			eg_buf_printf(&many, "Same\tT%c%c\n", 'A' + i / 26, 'A' + i % 26);
		load(many.data);
		eg_buf_free(&many);
		CHECK_INT(eg_dict_name_count(dict), 200);
		CHECK_INT(eg_dict_conflict_count(dict), 199);
		CHECK_STR(run("Same here"), "Same=Same;");
	}

	/* Corrections.  A shipped conflict stays one; the analyst's line is an
	 * override, listed apart. */
	const char *shipped = "Google\tORG\tGoogle LLC\ttech\n"
			      "Alphabet\tORG\tAlphabet Inc.\ttech\n"
			      "Santa\tORG\t\tcompany\n"
			      "Santa Fe\tPLACE\n"
			      "Adblock\tORG\n"
			      "Akamai\tORG\n";
	show_type = 1;
	load(shipped);
	CHECK_STR(run("Alphabet and Google LLC"), "Alphabet=Alphabet/ORG;Google LLC=Google/ORG;");
	/* Fold and override: the shipped Alphabet entity, all its names, is Google. */
	load_corrected(shipped, "Google\tORG\tAlphabet\tholding\n");
	CHECK_INT(eg_dict_conflict_count(dict), 0);
	CHECK_INT(eg_dict_override_count(dict), 1);
	if (eg_dict_override_count(dict))
		CHECK_STR(eg_dict_override(dict, 0),
			  "mine.tsv:1: \"Alphabet\" overrides ORG \"Alphabet\" (test.tsv:2), now ORG \"Google\"");
	CHECK_STR(run("Alphabet, Alphabet Inc. and Google LLC; Akamai"),
		  "Alphabet=Google/ORG;Alphabet Inc.=Google/ORG;Google LLC=Google/ORG;Akamai=Akamai/ORG;");
	CHECK_STR(eg_entity_category(ents, eg_entities_intern(ents, "ORG", "Google", 6, NULL)), "holding");
	/* Retype. */
	load_corrected(shipped, "Adblock\tPRODUCT\n");
	CHECK_STR(run("Adblock and Akamai"), "Adblock=Adblock/PRODUCT;Akamai=Akamai/ORG;");
	CHECK_INT(eg_dict_override_count(dict), 1);
	/* Drop: the name goes, a longer name holding it stays; the type is "-". */
	load_corrected(shipped, "Santa\t-\t\t\tdrop\n");
	CHECK_STR(run("Santa went to Santa Fe"), "Santa Fe=Santa Fe/PLACE;");
	if (eg_dict_override_count(dict))
		CHECK_STR(eg_dict_override(dict, 0), "mine.tsv:1: drops \"Santa\", a name of ORG \"Santa\" (test.tsv:3)");
	/* A later analyst's line wins over an earlier one. */
	load_corrected(shipped, "Google\tORG\tAlphabet\n");
	{
		eg_error err;
		const char *later = "Alphabet\tORG\tGoogle\n";
		CHECK_INT(eg_dict_load_buffer(dict, "later.tsv", later, strlen(later), &err), 0);
	}
	CHECK_STR(run("Alphabet and Google LLC"), "Alphabet=Alphabet/ORG;Google LLC=Alphabet/ORG;");
	/* Within one file of the analyst's, two lines for a name conflict. */
	load_corrected(shipped, "Google\tORG\tAlphabet\nAlphabet\tORG\tGoogle\n");
	CHECK_INT(eg_dict_conflict_count(dict), 2);
	CHECK_STR(run("Alphabet and Google LLC"), "Alphabet=Google/ORG;Google LLC=Google/ORG;");
	/* eg_dict_correct removes what others found under a drop name, by exact
	 * span, and maps entities through the overrides. */
	load_corrected(shipped, "LOL\tORG\t\t\tdrop\nAkamai Inc\tPRODUCT\tAkamai\n");
	{
		const char *text = "LOL at LOL Corp and Akamai";
		eg_tokens tokens = {0};
		eg_mentions m = {0};
		eg_tokenize(text, strlen(text), &tokens);
		eg_dict_scratch *scratch = eg_dict_scratch_new();
		eg_dict_match(dict, scratch, text, &tokens, &m, NULL);
		uint32_t akamai = eg_entities_intern(ents, "ORG", "Akamai", 6, NULL);
		eg_mentions_push_tokens(&m, &tokens, 0, 1, akamai, EG_SOURCE_RULE);  /* "LOL" */
		eg_mentions_push_tokens(&m, &tokens, 2, 4, akamai, EG_SOURCE_RULE);  /* "LOL Corp" */
		eg_mentions_push_tokens(&m, &tokens, 5, 6, akamai, EG_SOURCE_RULE);  /* "Akamai" */
		eg_dict_correct(dict, scratch, text, &tokens, &m);
		CHECK_INT(m.n, 3);
		for (size_t i = 0; i < m.n; i++)
			CHECK_STR(eg_entity_type(ents, m.v[i].entity), "PRODUCT");
		if (m.n == 3)
			CHECK_INT(m.v[1].tok_end - m.v[1].tok_start, 2);
		eg_dict_scratch_free(scratch);
		eg_tokens_free(&tokens);
		eg_mentions_free(&m);
	}

	show_type = 0;

	/* CRLF lines and a BOM are accepted. */
	load("\xEF\xBB\xBFGaza\tPLACE\r\nRafah\tPLACE\r\n");
	CHECK_STR(run("Gaza and Rafah"), "Gaza=Gaza;Rafah=Rafah;");

	/* Errors name FILE:LINE. */
	CHECK_STR(load_error("Gaza\tPLACE\n\nOnly one column\n"),
		  "bad.tsv:3: expected 2 to 5 tab-separated columns (label, type, aliases, category, flags), found 1");
	CHECK_STR(load_error("Gaza\tplace\n"),
		  "bad.tsv:1: invalid type \"place\" (capital letters, digits and _, such as ORG or PERSON)");
	CHECK_STR(load_error("\tORG\n"), "bad.tsv:1: empty label");
	CHECK_STR(load_error("X\tORG\ta||b\n"), "bad.tsv:1: empty alias in \"a||b\"");
	CHECK_STR(load_error("X\tORG\t\t\tloud\n"), "bad.tsv:1: unknown flag \"loud\" (flags are exact, fold, cue, drop)");
	CHECK_STR(load_error("X\tx\t\t\tdrop\n"),
		  "bad.tsv:1: invalid type \"x\" (capital letters, digits and _, such as ORG or PERSON)");
	CHECK_STR(load_error("X\t-\n"), "bad.tsv:1: invalid type \"-\" (capital letters, digits and _, such as ORG or PERSON)");
	CHECK_STR(load_error("X\t-\t\t\tdrop,cue\n"), "bad.tsv:1: a line is either a cue or a drop");
	CHECK_STR(load_error("X\tORG\ta\tb\tc\td\n"),
		  "bad.tsv:1: expected 2 to 5 tab-separated columns (label, type, aliases, category, flags), found 6");
	CHECK_STR(load_error("# ok\nBad \xff byte\tORG\n"), "bad.tsv:2: invalid UTF-8");

	eg_dict_free(dict);
	eg_entities_free(ents);
	return check_result("dict");
}
