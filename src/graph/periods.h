/*
 * periods: the counts of each day, week or month apart (--period), for a
 * graph that shows time: GEXF spells and per-period values, GraphML
 * per-period lists.
 *
 * Each dated document is counted, besides the run's counts, into the
 * counts of its period: a day; a week from Monday to Sunday (ISO 8601); a
 * month.  A period is named by its first day ("2025-03-01") and ends on its
 * last ("2025-03-31").  Undated documents count in no period.  The periods'
 * counts keep no evidence.  After the run's names are joined
 * (graph/identity.h), the same joins are made in every period, so a node
 * of the graph is one entity in each.  Periods are sorted by first day.
 */
#ifndef EG_PERIODS_H
#define EG_PERIODS_H

#include <stddef.h>
#include <stdint.h>

#include "graph/cooc.h"
#include "util/map.h"
#include "util/util.h"

typedef enum eg_period_kind { EG_PERIOD_NONE, EG_PERIOD_DAY, EG_PERIOD_WEEK, EG_PERIOD_MONTH } eg_period_kind;

/* "day", "week" or "month"; anything else is an error listing them. */
int eg_period_parse(const char *s, eg_period_kind *out, eg_error *err);
const char *eg_period_name(eg_period_kind k);
/* The first and last day of the period holding date ("YYYY-MM-DD"). */
void eg_period_bounds(eg_period_kind k, const char *date, char first[11], char last[11]);

/* A period's counts number its entities densely (local indexes), so that
 * a thousand days of a corpus with a large dictionary cost the entities
 * each day mentions, not the dictionary's size each day. */
typedef struct eg_period {
	char first[11], last[11];
	eg_cooc *counts;      /* by local index */
	eg_u64map local;      /* run's entity index -> 1 + local index */
	uint32_t *global;     /* local index -> run's entity index */
	size_t count, cap;
} eg_period;

typedef struct eg_periods {
	eg_period_kind kind;
	eg_window window;
	uint32_t window_entities;
	eg_period *v; /* ascending by first day */
	size_t n, cap;
} eg_periods;

void eg_periods_init(eg_periods *p, eg_period_kind kind, eg_window window, uint32_t window_entities);
/* Counts a document (or part) into its period, as eg_cooc_add_document. */
void eg_periods_add(eg_periods *p, const eg_document *doc, const eg_mention *mentions, size_t n);
/* Joins each period's entities as the run's were (eg_cooc_join) and makes
 * its pairs findable (eg_cooc_find_pair).  -1 on an overflow. */
int eg_periods_join(eg_periods *p, const uint32_t *into, size_t n);
void eg_periods_free(eg_periods *p);

/* Entity e's counts (the run's index) in period p; zero when it has none. */
eg_entity_counts eg_period_entity(const eg_period *p, uint32_t e);
/* The pair of the run's entities a and b in period p (eg_cooc_pair's index
 * into p->counts), or SIZE_MAX. */
size_t eg_period_find_pair(const eg_period *p, uint32_t a, uint32_t b);

#endif
