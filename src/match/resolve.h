/*
 * resolve: candidate mentions -> one mention per span.
 *
 * Candidates may overlap.  The longest span (in bytes) wins; between equal
 * lengths a dictionary match beats a rule match, then the earlier start,
 * then the candidate appended first (dictionary before rules, rules in file
 * order).  The result is sorted by start offset.
 */
#ifndef EG_RESOLVE_H
#define EG_RESOLVE_H

#include "mention.h"

/* Rewrites list in place to the winning, non-overlapping mentions. */
void eg_resolve_overlaps(eg_mentions *list);

#endif
