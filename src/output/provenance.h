/*
 * provenance: how an output was made, for the writers to record in the
 * places every consumer accepts (GraphML <desc>, GEXF <meta>, the JSON
 * object's "graph", the CSV's companion, the SVG's title line).
 *
 * Filled by cli/ from the run's options and counts; every string is owned
 * by the caller and outlives the write.  Only what the inputs and options
 * determine goes in (no clock time, host or path), so outputs stay
 * byte-identical across runs.
 */
#ifndef EG_PROVENANCE_H
#define EG_PROVENANCE_H

#include <stdint.h>

typedef struct eg_provenance {
	const char *version;      /* EG_VERSION */
	const char *command;      /* "extract" or "merge" */
	const char *window;       /* "sentence", "paragraph", "document" or "N tokens" */
	const char *weighting;    /* eg_weighting_name() */
	const char *filters;      /* the options that cut nodes or edges, as a command line would give
				     them ("--min-documents 2 --types ORG,PERSON"); "" for none */
	const char *dictionaries; /* hex fingerprint of the dictionaries and rules */
	uint64_t documents;       /* documents counted */
	const char *first_date, *last_date; /* "YYYY-MM-DD" of the dated documents; NULL when none */
} eg_provenance;

#endif
