#include "cli/cli.h"

#include <stdio.h>

static const char usage[] =
	"usage: entgraph check [OPTIONS]\n"
	"\n"
	"Loads the dictionaries and rules, reports errors (FILE:LINE: message) and\n"
	"conflicts (one name given to two entities), lists the corrections, and\n"
	"prints a summary.\n"
	"\n"
	"The -d files are the analyst's, in order: a name of their lines that an\n"
	"earlier line gives to another entity overrides that entity (its names\n"
	"count as the -d line's, with its type, label and category); a line with\n"
	"the flag drop (type column - or any type) makes its names never entities.\n"
	"These are listed as corrections, not conflicts.\n"
	"\n"
	"  -d, --dict PATH          add a dictionary file or directory of *.tsv\n"
	"  -r, --rules PATH         add a rules file or directory of *.rules\n"
	"      --no-defaults        load only the dictionaries and rules named\n"
	"      --quiet              print only errors and conflicts\n"
	"  -h, --help               show this help\n"
	"\n"
	"Exit status: 0 clean, 1 conflicts found, 2 errors.\n";

int eg_cmd_check(int argc, char **argv)
{
	eg_options o = {.command = "check"};
	int status = EG_EXIT_USAGE;
	eg_matcher m = {0};

	if (eg_options_parse(&o, argc, argv, 0, usage, &status) < 0)
		goto done;
	eg_matcher_init(&m);
	if (eg_load_configuration(&o, &m) < 0)
		goto done;
	size_t conflicts = eg_dict_conflict_count(m.dict);
	for (size_t i = 0; i < conflicts; i++)
		eg_report("%s", eg_dict_conflict(m.dict, i));
	size_t overrides = eg_dict_override_count(m.dict);
	if (!o.quiet) {
		for (size_t i = 0; i < overrides; i++)
			printf("%s\n", eg_dict_override(m.dict, i));
		printf("%zu dictionary entries, %zu names, %zu entities, %zu rules, %zu common words, %zu conflicts, %zu corrections\n",
		       eg_dict_entry_count(m.dict), eg_dict_name_count(m.dict), eg_entities_count(m.entities),
		       eg_rules_count(m.rules), eg_words_count(m.common), conflicts, overrides);
	}
	status = conflicts ? EG_EXIT_SKIPPED : EG_EXIT_OK;
done:
	eg_matcher_free(&m);
	eg_options_free(&o);
	return status;
}
