/*
 * entgraph: news articles in, a graph of who and what appears together out.
 * This file only dispatches to the subcommands in cli/ and exits.
 */
#include "cli/cli.h"
#include "util/cleanup.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#ifndef EG_VERSION
#define EG_VERSION "unknown"
#endif

static const char usage[] =
	"usage: entgraph COMMAND [OPTIONS] [INPUT...]\n"
	"\n"
	"Turns news articles into a graph of the organisations, people, units,\n"
	"products and places that appear together.\n"
	"\n"
	"Commands:\n"
	"  extract    read articles, write the co-occurrence graph (GraphML)\n"
	"  mentions   read articles, write every entity mention as JSON Lines\n"
	"  relations  read articles, write what links two entities as JSON Lines\n"
	"  merge      merge the partial results of sharded extracts into one graph\n"
	"  diff       say what changed between two graphs (Markdown, JSON, GraphML)\n"
	"  check      load dictionaries and rules, report errors and conflicts\n"
	"\n"
	"'entgraph COMMAND --help' describes a command's options.\n"
	"  -h, --help       show this help\n"
	"  -V, --version    print the version\n";

typedef struct command {
	const char *name;
	int (*run)(int argc, char **argv);
} command;

static const command commands[] = {
	{"extract", eg_cmd_extract},
	{"mentions", eg_cmd_mentions},
	{"relations", eg_cmd_relations},
	{"check", eg_cmd_check},
	{"merge", eg_cmd_merge},
	{"diff", eg_cmd_diff},
};

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage, stderr);
		return EG_EXIT_USAGE;
	}
	const char *name = argv[1];
	if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "help") == 0) {
		if (argc > 2 && strcmp(name, "help") == 0) {
			char *help_argv[] = {argv[2], "--help", NULL};
			for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
				if (strcmp(argv[2], commands[i].name) == 0)
					return commands[i].run(2, help_argv);
		}
		fputs(usage, stdout);
		return EG_EXIT_OK;
	}
	if (strcmp(name, "-V") == 0 || strcmp(name, "--version") == 0) {
		printf("entgraph %s\n", EG_VERSION);
		return EG_EXIT_OK;
	}
	/* Past a file size limit (ulimit -f) SIGXFSZ would kill the run
	 * halfway, leaving its temporary file behind; ignored, the write fails
	 * with EFBIG and is reported like a full disk. */
	signal(SIGXFSZ, SIG_IGN);
	/* SIGINT, SIGTERM, SIGHUP and SIGPIPE still end the run, but remove its
	 * temporary files first; the old output stays as it was. */
	eg_cleanup_signals();
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(name, commands[i].name) == 0) {
			int status = commands[i].run(argc - 1, argv + 1);
			xmlCleanupParser();
			return status;
		}
	}
	eg_report("unknown command '%s' (commands: extract, mentions, relations, merge, diff, check; see 'entgraph --help')", name);
	return EG_EXIT_USAGE;
}
