/* Overlap resolution: longest wins, dictionary beats rule, earliest next. */
#include "check.h"
#include "match/resolve.h"

static eg_mention mk(uint32_t s, uint32_t e, uint32_t ts, uint32_t te, uint32_t entity, eg_source src)
{
	eg_mention m = {.start = s, .end = e, .tok_start = ts, .tok_end = te, .entity = entity, .source = (uint8_t)src};
	return m;
}

int main(void)
{
	eg_mentions l = {0};
	eg_mention m;
	/* "No Azure for Apartheid" (0-22, tokens 0-4) vs "Azure" (3-8, token 1). */
	m = mk(3, 8, 1, 2, 1, EG_SOURCE_DICT);
	eg_mentions_push(&l, &m);
	m = mk(0, 22, 0, 4, 2, EG_SOURCE_DICT);
	eg_mentions_push(&l, &m);
	/* A later, separate mention survives. */
	m = mk(30, 39, 6, 8, 3, EG_SOURCE_RULE);
	eg_mentions_push(&l, &m);
	eg_resolve_overlaps(&l);
	CHECK_INT(l.n, 2);
	CHECK_INT(l.v[0].entity, 2);
	CHECK_INT(l.v[1].entity, 3);

	/* Same span: the dictionary beats the rule whatever the order. */
	l.n = 0;
	m = mk(0, 9, 0, 2, 7, EG_SOURCE_RULE);
	eg_mentions_push(&l, &m);
	m = mk(0, 9, 0, 2, 8, EG_SOURCE_DICT);
	eg_mentions_push(&l, &m);
	eg_resolve_overlaps(&l);
	CHECK_INT(l.n, 1);
	CHECK_INT(l.v[0].entity, 8);
	CHECK_INT(l.v[0].source, EG_SOURCE_DICT);

	/* A longer rule match beats a shorter dictionary one. */
	l.n = 0;
	m = mk(0, 4, 0, 1, 1, EG_SOURCE_DICT);
	eg_mentions_push(&l, &m);
	m = mk(0, 9, 0, 2, 2, EG_SOURCE_RULE);
	eg_mentions_push(&l, &m);
	eg_resolve_overlaps(&l);
	CHECK_INT(l.n, 1);
	CHECK_INT(l.v[0].entity, 2);

	/* Equal lengths overlapping: the earlier start wins, and the loser is
	 * dropped even though part of it is free. */
	l.n = 0;
	m = mk(5, 10, 1, 3, 2, EG_SOURCE_DICT);
	eg_mentions_push(&l, &m);
	m = mk(0, 5, 0, 2, 1, EG_SOURCE_DICT);
	eg_mentions_push(&l, &m);
	m = mk(0, 7, 0, 2, 3, EG_SOURCE_DICT); /* same tokens as entity 1 but longer bytes */
	eg_mentions_push(&l, &m);
	eg_resolve_overlaps(&l);
	CHECK_INT(l.n, 1);
	CHECK_INT(l.v[0].entity, 3);

	/* Two rules on the same span: the first appended wins. */
	l.n = 0;
	m = mk(0, 5, 0, 1, 4, EG_SOURCE_RULE);
	eg_mentions_push(&l, &m);
	m = mk(0, 5, 0, 1, 5, EG_SOURCE_RULE);
	eg_mentions_push(&l, &m);
	eg_resolve_overlaps(&l);
	CHECK_INT(l.n, 1);
	CHECK_INT(l.v[0].entity, 4);

	/* Output sorted by start. */
	l.n = 0;
	for (uint32_t i = 5; i-- > 0;) {
		m = mk(i * 10, i * 10 + 3 + i, i * 2, i * 2 + 1, i, EG_SOURCE_DICT);
		eg_mentions_push(&l, &m);
	}
	eg_resolve_overlaps(&l);
	CHECK_INT(l.n, 5);
	for (size_t i = 0; i < l.n; i++)
		CHECK_INT(l.v[i].entity, i);
	eg_mentions_free(&l);
	return check_result("resolve");
}
