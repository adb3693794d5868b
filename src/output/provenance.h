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

#include <stddef.h>
#include <stdint.h>

#include "util/util.h"

typedef struct eg_provenance {
	const char *version;      /* EG_VERSION */
	const char *command;      /* "extract", also for merge: a merge's output is byte for byte the
				     one extract over all the inputs would give (SPEC.md) */
	const char *window;       /* "sentence", "paragraph", "document" or "N tokens" */
	const char *weighting;    /* eg_weighting_name() */
	const char *filters;      /* the options that cut nodes or edges, as a command line would give
				     them ("--min-documents 2 --types ORG,PERSON"); "" for none */
	const char *dictionaries; /* hex fingerprint of the dictionaries and rules */
	uint64_t documents;       /* documents counted */
	const char *first_date, *last_date; /* "YYYY-MM-DD" of the dated documents; NULL when none */
} eg_provenance;

/* The fields, in the order every writer lists them, named as here: version,
 * command, window, weighting, filters, dictionaries, documents, first_date,
 * last_date. */
#define EG_PROVENANCE_FIELDS 9
extern const char *const eg_provenance_names[EG_PROVENANCE_FIELDS];

/* Field k's value as text (buf holds a number's digits), or NULL when it
 * has none (a date of a run without dated documents). */
const char *eg_provenance_value(const eg_provenance *p, size_t k, char buf[32]);

/* 1 for the fields whose value is a number (documents), for JSON. */
int eg_provenance_numeric(size_t k);

/* One line of every field with a value, "version: 1.2.0; command: extract;
 * ...; last_date: 2024-03-01" (filters "none" when there are none), for the
 * description elements of GraphML and GEXF. */
void eg_provenance_describe(const eg_provenance *p, eg_buf *out);

#endif
