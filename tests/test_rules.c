/* Rules: compile errors with offsets, templates, token alignment, limits. */
#include "check.h"
#include "match/entities.h"
#include "match/rules.h"
#include "text/tokenize.h"

#include <dirent.h>
#include <stdlib.h>

static const char *load_error(const char *rules)
{
	static eg_error err;
	eg_rules *r = eg_rules_new();
	int rc = eg_rules_load_buffer(r, "bad.rules", rules, strlen(rules), &err);
	eg_rules_free(r);
	return rc < 0 ? err.message : "(no error)";
}

static eg_error match_err;
static uint64_t budget = 100000000; /* the default of --max-rule-steps */

static const char *run(const char *rules, const char *text, int *status)
{
	static char out[65536];
	eg_error err;
	eg_entities *e = eg_entities_new();
	eg_rules *r = eg_rules_new();
	eg_rules_scratch *scratch = eg_rules_scratch_new();
	out[0] = '\0';
	if (eg_rules_load_buffer(r, "test.rules", rules, strlen(rules), &err) < 0) {
		snprintf(out, sizeof(out), "load error: %s", err.message);
	} else {
		eg_tokens tokens = {0};
		eg_mentions m = {0};
		eg_tokenize(text, strlen(text), &tokens);
		int rc = eg_rules_match(r, scratch, NULL, e, text, strlen(text), &tokens, budget, &m, &match_err);
		if (status)
			*status = rc;
		for (size_t i = 0; i < m.n; i++) {
			size_t len = strlen(out);
			uint32_t id = m.v[i].entity;
			snprintf(out + len, sizeof(out) - len, "%.*s=%s %s [%s];", (int)(m.v[i].end - m.v[i].start),
				 text + m.v[i].start, eg_entity_type(e, id), eg_entity_label(e, id),
				 eg_entity_category(e, id));
		}
		eg_tokens_free(&tokens);
		eg_mentions_free(&m);
	}
	eg_rules_free(r);
	eg_rules_scratch_free(scratch);
	eg_entities_free(e);
	return out;
}

int main(void)
{
	const char *units = "# units\nUNIT\tUnit $1\t\\bUnit\\s+(\\d{2,5})\\b\tcategory=military\n";
	CHECK_STR(run(units, "Unit 8200 and Unit  81, not Unit 1.", NULL),
		  "Unit 8200=UNIT Unit 8200 [military];Unit  81=UNIT Unit 81 [military];");
	/* Named groups and $$. */
	CHECK_STR(run("ORG\t${name} Magazine\t(?<name>\\p{Lu}\\p{Ll}+) Magazine\n", "read Rolling Magazine", NULL),
		  "Rolling Magazine=ORG Rolling Magazine [];");
	CHECK_STR(run("PRODUCT\t$$$1\t\\$(\\d+)\n", "cost $5 today", NULL), "$5=PRODUCT $5 [];");
	/* Matches must sit on token boundaries: "Unit 8200" inside "XUnit 8200" is not one. */
	CHECK_STR(run("UNIT\tUnit $1\tUnit (\\d+)\n", "XUnit 8200", NULL), "");
	/* Caseless option. */
	CHECK_STR(run("UNIT\tUnit $1\tunit (\\d+)\tcaseless\n", "UNIT 81", NULL), "UNIT 81=UNIT Unit 81 [];");
	/* Invalid UTF-8 in the text does not stop matching. */
	CHECK_STR(run(units, "\xff\xfe Unit 9900 \xc0", NULL), "Unit 9900=UNIT Unit 9900 [military];");
	/* Catastrophic backtracking spends the document's budget: the rules
	 * stop there, saying which rule and where. */
	int status = 0;
	char text[64];
	memset(text, 'a', 40);
	strcpy(text + 40, "!");
	budget = 1000000;
	run("ORG\t$0\t^(a+)+$\n", text, &status);
	CHECK_INT(status, EG_RULES_STOPPED);
	CHECK_STR(match_err.message, "rule test.rules:1 at byte 0");
	/* With budget to spare, a position that needs more than 5 million steps
	 * gives that rule up for the document; the others go on. */
	budget = 100000000;
	CHECK_STR(run("ORG\t$0\t^(a+)+$\nORG\t$0\tAcme\n", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa! Acme", &status),
		  "Acme=ORG Acme [];");
	CHECK_INT(status, -1);
	CHECK_STR(match_err.message, "rule test.rules:1: match limit exceeded; skipped for this document");
	budget = 1000000;
	/* The budget is per document and shared by all rules: a pattern that
	 * backtracks a little at many positions spends it too (per call, PCRE2's
	 * match limit counts each start position afresh, so it never stopped
	 * this one), and what the rules found before is kept. */
	{
		static char many[30000];
		strcpy(many, "Acme Corp said. ");
		while (strlen(many) + 30 < sizeof(many))
			strcat(many, "aaaaaaaaaaaaaaaaaaaaac ab ");
		const char *two = "ORG\t$0\tAcme Corp\nORG\tX\t(a|a)+b\n";
		CHECK_STR(run(two, many, &status), "Acme Corp=ORG Acme Corp [];");
		CHECK_INT(status, EG_RULES_STOPPED);
		CHECK_STR(match_err.message, "rule test.rules:2 at byte 16");
		/* The same with a budget to spare finds every "ab". */
		budget = UINT64_MAX;
		const char *out = run(two, "Acme Corp said. aaaaaaaaaaaaaaaac ab aaaaaaaaaaaaaaaac ab", &status);
		CHECK_INT(status, 0);
		CHECK_STR(out, "Acme Corp=ORG Acme Corp [];ab=ORG X [];ab=ORG X [];");
	}
	/* A position that needs more than a search's per-position limit and then
	 * matches is found as an unlimited search finds it, after a cheap stretch
	 * searched normally; a budget below its cost stops it instead. */
	{
		const char *rule = "ORG\t$0\t(?:a|a)+b|a+c\n";
		const char *t = "Acme said aaaaaaaaaaaaaaaaac, then ab and aaac.";
		budget = 100000000;
		CHECK_STR(run(rule, t, &status), "aaaaaaaaaaaaaaaaac=ORG aaaaaaaaaaaaaaaaac [];ab=ORG ab [];aaac=ORG aaac [];");
		CHECK_INT(status, 0);
		budget = 5000;
		CHECK_STR(run(rule, t, &status), "");
		CHECK_INT(status, EG_RULES_STOPPED);
		CHECK_STR(match_err.message, "rule test.rules:1 at byte 10");
	}
	budget = 100000000;
	/* The shipped rules on real articles never need more than a search's
	 * steps at any position, so they are charged nothing: a budget of one
	 * step finds all that no budget finds. */
	{
		size_t n, found = 0;
		eg_error err;
		char *rules = eg_read_file(EG_TEST_SRCDIR "/../dictionaries/entgraph.rules", &n, &err);
		CHECK(rules != NULL);
		DIR *dir = opendir(EG_TEST_SRCDIR "/../corpus");
		CHECK(dir != NULL);
		for (struct dirent *e; rules && dir && (e = readdir(dir));) {
			if (e->d_name[0] == '.')
				continue;
			char path[4096];
			snprintf(path, sizeof(path), "%s/../corpus/%s", EG_TEST_SRCDIR, e->d_name);
			char *article = eg_read_file(path, &n, &err);
			CHECK(article != NULL);
			if (!article)
				continue;
			static char unlimited[65536];
			budget = UINT64_MAX;
			snprintf(unlimited, sizeof(unlimited), "%s", run(rules, article, &status));
			CHECK_INT(status, 0);
			CHECK(strlen(unlimited) + 1 < sizeof(unlimited));
			for (const char *p = unlimited; (p = strchr(p, ';')); p++)
				found++;
			budget = 1;
			CHECK_STR(run(rules, article, &status), unlimited);
			CHECK_INT(status, 0);
			free(article);
		}
		if (dir)
			closedir(dir);
		CHECK(found >= 20);
		free(rules);
		budget = 100000000;
	}

	/* need= limits a rule to sentences holding one of its words. */
	const char *needy = "ORG\t$1\t\\b((?:\\p{Lu}\\p{Ll}+ ){1,2}Ministry)\\b\tneed=ministry,Office\n";
	CHECK_STR(run(needy, "The Defence Ministry said. Nothing here. Foreign Ministry and Home Office.", NULL),
		  "The Defence Ministry=ORG The Defence Ministry [];Foreign Ministry=ORG Foreign Ministry [];");
	/* The same pattern without need= finds the same; a sentence without the
	 * word is never searched, so a match there is missed on purpose. */
	CHECK_STR(run("ORG\t$0\tAcme\tneed=Corp\n", "Acme Corp. is big. Acme again.", NULL), "Acme=ORG Acme [];");
	CHECK_STR(load_error("ORG\t$0\tx\tneed=a,,b\n"), "bad.rules:1: empty word in need=");
	/* A refused need= list leaves no word behind naming the rule that was
	 * never added (found by fuzz/fuzz_rules: matching read past the rules). */
	{
		eg_error err;
		eg_rules *r = eg_rules_new();
		const char *bad = "ORG\t$0\tAcme\tneed=acme,,b\n";
		CHECK(eg_rules_load_buffer(r, "bad.rules", bad, strlen(bad), &err) < 0);
		eg_rules_scratch *scratch = eg_rules_scratch_new();
		eg_entities *e = eg_entities_new();
		eg_tokens tokens = {0};
		eg_mentions m = {0};
		eg_tokenize("Acme said.", 10, &tokens);
		CHECK_INT(eg_rules_match(r, scratch, NULL, e, "Acme said.", 10, &tokens, UINT64_MAX, &m, &err), 0);
		CHECK_INT(m.n, 0);
		eg_mentions_free(&m);
		eg_tokens_free(&tokens);
		eg_entities_free(e);
		eg_rules_scratch_free(scratch);
		eg_rules_free(r);
	}
	/* A punctuation mark can be the needed token. */
	CHECK_STR(run("ORG\t$1\t(\\p{Lu}\\p{Ll}+ & \\p{Lu}\\p{Ll}+)\tneed=&\n", "Met Douglas & Lomason. Not Acme.", NULL),
		  "Douglas & Lomason=ORG Douglas & Lomason [];");

	/* skip-title: no match on a headline. */
	const char *agency = "ORG\t$1\t\\b((?:\\p{Lu}\\p{Ll}+ ){1,2}Agency)\\b\tskip-title\n";
	CHECK_STR(run(agency, "Israeli Spy Agency Kept Calls\n\nThe Energy Agency said.", NULL),
		  "The Energy Agency=ORG The Energy Agency [];");

	/* Errors. */
	CHECK_STR(load_error("UNIT\tUnit $1\tUnit (\\d+\n"),
		  "bad.rules:1: missing closing parenthesis at offset 9");
	CHECK_STR(load_error("# c\n\nUNIT\tUnit $2\tUnit (\\d+)\n"),
		  "bad.rules:3: label template uses $2 but the pattern has 1 group");
	CHECK_STR(load_error("UNIT\t${x}\tUnit (\\d+)\n"),
		  "bad.rules:1: label template uses ${x} but the pattern has no such group");
	CHECK_STR(load_error("unit\t$0\tx\n"),
		  "bad.rules:1: invalid type \"unit\" (capital letters, digits and _, such as ORG or UNIT)");
	CHECK_STR(load_error("UNIT\t$0\n"),
		  "bad.rules:1: expected 3 or 4 tab-separated columns (type, label, pattern, options), found 2");
	CHECK_STR(load_error("UNIT\t$0\tx\tcolour=red\n"),
		  "bad.rules:1: unknown option \"colour=red\" (options are category=WORD, caseless, need=WORD,..., skip-title, proper)");
	CHECK_STR(load_error("UNIT\t$x\tx\n"),
		  "bad.rules:1: \"$\" in label template must be followed by a digit, {name} or $");
	return check_result("rules");
}
