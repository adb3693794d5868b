/* Dates in the forms articles and feeds write them, to "YYYY-MM-DD". */
#include "input/reader.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static char *format_date(int year, int month, int day)
{
	if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > eg_days_in_month(year, month))
		return NULL;
	char out[40];
	snprintf(out, sizeof(out), "%04d-%02d-%02d", year, month, day);
	return eg_xstrdup(out);
}

/* Reads exactly n digits at *p. */
static int digits(const char **p, int n, int *value)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return 0;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*value = v;
	return 1;
}

/* Reads 1 to max digits at *p. */
static int number(const char **p, int max, int *value)
{
	int n = 0, v = 0;
	while (n < max && isdigit((unsigned char)(*p)[n]))
		v = v * 10 + ((*p)[n++] - '0');
	if (n == 0 || isdigit((unsigned char)(*p)[n]))
		return 0;
	*p += n;
	*value = v;
	return 1;
}

/* "Aug", "aug", "August" -> 8; advances past the word. */
static int month_name(const char **p)
{
	static const char *const names[] = {"january", "february", "march",     "april",   "may",      "june",
					    "july",    "august",   "september", "october", "november", "december"};
	size_t n = 0;
	while (isalpha((unsigned char)(*p)[n]))
		n++;
	if (n < 3)
		return 0;
	for (int i = 0; i < 12; i++) {
		if (n <= strlen(names[i]) && strncasecmp(*p, names[i], n) == 0 &&
		    (n == 3 || n == strlen(names[i]) || (i == 8 && n == 4))) { /* "Sept" */
			*p += n;
			return i + 1;
		}
	}
	return 0;
}

static void skip_spaces(const char **p)
{
	while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
		(*p)++;
}

/* "2025-08-06", "2025-08-06T09:30:00+02:00", "2025/08/06 09:30". */
static char *iso_date(const char *p)
{
	int year, month, day;
	if (!digits(&p, 4, &year))
		return NULL;
	char sep = *p;
	if (sep != '-' && sep != '/')
		return NULL;
	p++;
	if (!digits(&p, 2, &month) || *p++ != sep || !digits(&p, 2, &day))
		return NULL;
	if (*p && *p != 'T' && *p != 't' && *p != ' ' && *p != 'Z')
		return NULL;
	return format_date(year, month, day);
}

/* RFC 822 / 1123 ("Wed, 06 Aug 2025 09:30:00 +0000", two-digit years
 * allowed) and "August 6, 2025". */
static char *named_month_date(const char *p)
{
	int year, month, day;
	const char *after = p;
	int leading = month_name(&after);
	if (leading) {
		/* "August 6, 2025", "Aug. 6 2025" */
		p = after;
		if (*p == '.')
			p++;
		skip_spaces(&p);
		if (!number(&p, 2, &day))
			return NULL;
		if (*p == ',')
			p++;
		skip_spaces(&p);
		if (!digits(&p, 4, &year) || isdigit((unsigned char)*p))
			return NULL;
		return format_date(year, leading, day);
	}
	if (isalpha((unsigned char)*p)) {
		/* a weekday: "Wed," or "Wednesday," */
		while (isalpha((unsigned char)*p))
			p++;
		if (*p == ',')
			p++;
		skip_spaces(&p);
	}
	if (!number(&p, 2, &day))
		return NULL;
	skip_spaces(&p);
	if (*p == '-') /* "06-Aug-2025" */
		p++;
	if (!(month = month_name(&p)))
		return NULL;
	if (*p == '-')
		p++;
	skip_spaces(&p);
	const char *start = p;
	if (!number(&p, 4, &year))
		return NULL;
	if (p - start == 2)
		year += year < 50 ? 2000 : 1900;
	else if (p - start != 4)
		return NULL;
	return format_date(year, month, day);
}

char *eg_date_parse(const char *s)
{
	if (!s)
		return NULL;
	skip_spaces(&s);
	if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2]) &&
	    isdigit((unsigned char)s[3]))
		return iso_date(s);
	return named_month_date(s);
}

char *eg_date_from_epoch(double seconds)
{
	/* Years 1 to 9999 only; the bounds also keep the cast defined. */
	if (!(seconds > -62135596800.0 && seconds < 253402300800.0))
		return NULL;
	time_t t = (time_t)floor(seconds);
	struct tm tm;
	if (!gmtime_r(&t, &tm))
		return NULL;
	return format_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

char *eg_date_from_name(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *p = base;
	int year, month, day;
	if (!digits(&p, 4, &year) || *p++ != '-' || !digits(&p, 2, &month) || *p++ != '-' || !digits(&p, 2, &day) ||
	    isdigit((unsigned char)*p))
		return NULL;
	return format_date(year, month, day);
}
