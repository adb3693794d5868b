#include "graph/periods.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int eg_period_parse(const char *s, eg_period_kind *out, eg_error *err)
{
	if (strcmp(s, "day") == 0)
		*out = EG_PERIOD_DAY;
	else if (strcmp(s, "week") == 0)
		*out = EG_PERIOD_WEEK;
	else if (strcmp(s, "month") == 0)
		*out = EG_PERIOD_MONTH;
	else
		return eg_error_set(err, "\"%s\" is not a period (day, week or month)", s);
	return 0;
}

const char *eg_period_name(eg_period_kind k)
{
	return k == EG_PERIOD_DAY ? "day" : k == EG_PERIOD_WEEK ? "week" : k == EG_PERIOD_MONTH ? "month" : "none";
}

/* Days since 1970-01-01 of a civil date, and back (Howard Hinnant's
 * algorithms, for the proleptic Gregorian calendar). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int *y, unsigned *m, unsigned *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t year = (int64_t)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(year + (*m <= 2));
}

static void format_day(int64_t days, char out[11])
{
	int y;
	unsigned m, d;
	civil_from_days(days, &y, &m, &d);
	char buf[48];
	snprintf(buf, sizeof(buf), "%04d-%02u-%02u", y, m % 100, d % 100);
	memcpy(out, buf, 10);
	out[10] = '\0';
}

void eg_period_bounds(eg_period_kind k, const char *date, char first[11], char last[11])
{
	int y = atoi(date);
	unsigned m = (unsigned)atoi(date + 5), d = (unsigned)atoi(date + 8);
	int64_t day = days_from_civil(y, m, d);
	if (k == EG_PERIOD_WEEK) {
		/* 1970-01-01 was a Thursday: Monday is 3 days before a multiple of 7. */
		int64_t weekday = ((day + 3) % 7 + 7) % 7; /* 0 = Monday */
		format_day(day - weekday, first);
		format_day(day - weekday + 6, last);
	} else if (k == EG_PERIOD_MONTH) {
		int64_t start = days_from_civil(y, m, 1);
		int64_t next = m == 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, m + 1, 1);
		format_day(start, first);
		format_day(next - 1, last);
	} else {
		format_day(day, first);
		format_day(day, last);
	}
}

void eg_periods_init(eg_periods *p, eg_period_kind kind, eg_window window, uint32_t window_entities)
{
	memset(p, 0, sizeof(*p));
	p->kind = kind;
	p->window = window;
	p->window_entities = window_entities;
}

/* The local index of the run's entity e in x, made when new. */
static uint32_t local_of(eg_period *x, uint32_t e)
{
	int inserted;
	uint64_t *slot = eg_u64map_put(&x->local, e, &inserted);
	if (inserted) {
		EG_GROW(x->global, x->cap, x->count + 1);
		x->global[x->count] = e;
		*slot = ++x->count;
	}
	return (uint32_t)(*slot - 1);
}

void eg_periods_add(eg_periods *p, const eg_document *doc, const eg_mention *mentions, size_t n)
{
	if (p->kind == EG_PERIOD_NONE || !doc->date || strlen(doc->date) < 10)
		return;
	char first[11], last[11];
	eg_period_bounds(p->kind, doc->date, first, last);
	size_t lo = 0, hi = p->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(p->v[mid].first, first) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == p->n || strcmp(p->v[lo].first, first) != 0) {
		EG_GROW(p->v, p->cap, p->n + 1);
		memmove(p->v + lo + 1, p->v + lo, (p->n - lo) * sizeof(*p->v));
		eg_period *x = &p->v[lo];
		memcpy(x->first, first, sizeof(x->first));
		memcpy(x->last, last, sizeof(x->last));
		x->counts = eg_cooc_new(p->window);
		eg_cooc_set_window_entities(x->counts, p->window_entities);
		eg_cooc_set_evidence(x->counts, 0);
		eg_u64map_init(&x->local);
		x->global = NULL;
		x->count = x->cap = 0;
		p->n++;
	}
	eg_period *x = &p->v[lo];
	eg_mention *local = eg_xmalloc((n ? n : 1) * sizeof(*local));
	for (size_t i = 0; i < n; i++) {
		local[i] = mentions[i];
		local[i].entity = local_of(x, mentions[i].entity);
	}
	eg_cooc_add_document(x->counts, doc, local, n);
	free(local);
}

eg_entity_counts eg_period_entity(const eg_period *p, uint32_t e)
{
	const uint64_t *l = eg_u64map_get(&p->local, e);
	return l ? eg_cooc_entity(p->counts, (uint32_t)(*l - 1)) : (eg_entity_counts){0};
}

size_t eg_period_find_pair(const eg_period *p, uint32_t a, uint32_t b)
{
	const uint64_t *la = eg_u64map_get(&p->local, a), *lb = eg_u64map_get(&p->local, b);
	return la && lb ? eg_cooc_find_pair(p->counts, (uint32_t)(*la - 1), (uint32_t)(*lb - 1)) : SIZE_MAX;
}

int eg_periods_join(eg_periods *p, const uint32_t *into, size_t n)
{
	for (size_t i = 0; i < p->n; i++) {
		eg_period *x = &p->v[i];
		if (into) {
			/* The run's joins in local numbers: each local entity onto the
			 * local one of what its run entity was joined onto. */
			size_t count = x->count;
			uint32_t *local_into = eg_xmalloc((count ? count : 1) * sizeof(*local_into));
			for (size_t l = 0; l < count; l++) {
				uint32_t g = x->global[l];
				local_into[l] = local_of(x, g < n ? into[g] : g);
			}
			/* Entities made just now are targets: each maps to itself. */
			local_into = eg_xrealloc(local_into, (x->count ? x->count : 1) * sizeof(*local_into));
			for (size_t l = count; l < x->count; l++)
				local_into[l] = (uint32_t)l;
			int rc = eg_cooc_join(x->counts, local_into, x->count);
			free(local_into);
			if (rc < 0)
				return -1;
		}
		eg_cooc_index_pairs(x->counts);
	}
	return 0;
}

void eg_periods_free(eg_periods *p)
{
	for (size_t i = 0; i < p->n; i++) {
		eg_cooc_free(p->v[i].counts);
		eg_u64map_free(&p->v[i].local);
		free(p->v[i].global);
	}
	free(p->v);
	memset(p, 0, sizeof(*p));
}
