#include "match/acronyms.h"

#include <stdlib.h>
#include <string.h>

/* Acronyms that name no organisation: measures, time zones, currencies,
 * diseases, titles, sports statistics, file and technology terms. */
static const char *const not_organisations[] = {
	"GDP", "GNP", "CPI", "PPI", "PMI", "FDI", "VAT", "NAV", "EPS", "YTD", "IPO", "ETF", "REIT", "LBO",
	"CEO", "CFO", "COO", "CTO", "MBA", "PHD", "MP", "MPS", "GMT", "UTC", "EDT", "EST", "CDT", "CST",
	"MDT", "MST", "PDT", "PST", "BST", "CET", "CEST", "USD", "EUR", "GBP", "JPY", "CHF", "CNY", "DEM",
	"FRF", "ITL", "AIDS", "HIV", "SARS", "DNA", "RNA", "BSE", "CJD", "LNG", "LPG", "BPD", "BTU", "MPH",
	"KPH", "RPM", "RBI", "ERA", "PCT", "OBP", "AVG", "DVD", "USB", "URL", "PDF", "FAQ", "GPS", "SMS",
	"ATM", "API", "CPU", "GPU", "RAM", "ROM", "LCD", "LED", "VPN", "WIFI", "HTML", "HTTP", "AKA", "ASAP",
	"DIY", "FYI", "RIP", "VIP", "TBA", "TBD", "ETA", "AWOL", "POW", "MIA", "KIA", "IED", "WMD", "ICBM",
	"SUV", "NB", "PS", "OK", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "NEWS", NULL};

/* Whether t is three to six capital letters, with "&" allowed inside. */
static int acronym_shaped(const char *text, const eg_token *t)
{
	size_t n = t->end - t->start, letters = 0;
	if (!(t->flags & EG_TOK_WORD) || !(t->flags & EG_TOK_ALL_UPPER) || n < 3 || n > 7)
		return 0;
	for (size_t i = t->start; i < t->end; i++) {
		char c = text[i];
		if (c >= 'A' && c <= 'Z')
			letters++;
		else if (c != '&' || i == t->start || i + 1 == t->end)
			return 0;
	}
	return letters >= 3 && letters <= 6;
}

void eg_acronyms_find(const char *text, const eg_tokens *tokens, const eg_words *common, eg_entities *ents,
		      eg_mentions *out)
{
	if (!tokens->n || !eg_words_count(common))
		return;
	unsigned char *covered = eg_mentions_covered(out, tokens->n);
	size_t start = 0;
	while (start < tokens->n) {
		size_t end = start + 1;
		while (end < tokens->n && !(tokens->v[end].flags & EG_TOK_LINE_START))
			end++;
		int prose = 0;
		for (size_t t = start; t < end && !prose; t++) {
			const eg_token *w = &tokens->v[t];
			prose = (w->flags & EG_TOK_WORD) && !(w->flags & EG_TOK_HAS_UPPER) && text[w->start] >= 'a' &&
				text[w->start] <= 'z';
		}
		for (size_t t = start; prose && t < end; t++) {
			const eg_token *w = &tokens->v[t];
			if (covered[t] || !acronym_shaped(text, w) || eg_token_in(text, w, not_organisations) ||
			    eg_words_has(common, text + w->start, w->end - w->start))
				continue;
			uint32_t e = eg_entities_intern(ents, "ORG", text + w->start, w->end - w->start, NULL);
			eg_mentions_push_tokens(out, tokens, t, t + 1, e, EG_SOURCE_RULE);
		}
		start = end;
	}
	free(covered);
}
