#include "output/provenance.h"

#include <inttypes.h>
#include <stdio.h>


const char *const eg_provenance_names[EG_PROVENANCE_FIELDS] = {
	"version", "command", "window", "weighting", "filters", "dictionaries", "documents", "first_date", "last_date",
};

const char *eg_provenance_value(const eg_provenance *p, size_t k, char buf[32])
{
	switch (k) {
	case 0: return p->version;
	case 1: return p->command;
	case 2: return p->window;
	case 3: return p->weighting;
	case 4: return p->filters ? p->filters : "";
	case 5: return p->dictionaries;
	case 6: snprintf(buf, 32, "%" PRIu64, p->documents); return buf;
	case 7: return p->first_date;
	case 8: return p->last_date;
	default: return NULL;
	}
}

int eg_provenance_numeric(size_t k)
{
	return k == 6;
}

void eg_provenance_describe(const eg_provenance *p, eg_buf *out)
{
	char buf[32];
	const char *separator = "";
	for (size_t k = 0; k < EG_PROVENANCE_FIELDS; k++) {
		const char *v = eg_provenance_value(p, k, buf);
		if (!v)
			continue;
		eg_buf_printf(out, "%s%s: %s", separator, eg_provenance_names[k], *v ? v : "none");
		separator = "; ";
	}
}
