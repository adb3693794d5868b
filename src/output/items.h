/*
 * items: writes many sibling elements (a graph's edges) into an XML
 * document, formatted on several threads when asked, always in order.
 *
 * eg_xml_items calls format(x, i, context, scratch) for every item i from
 * 0 to count - 1, each writing item i's element(s) into x as children of
 * x's innermost open element.  With threads <= 1 it does so in x itself;
 * otherwise `threads` workers format blocks of items into fragment writers
 * (xml.h) and this thread inserts the finished blocks in order, so the bytes
 * are the same for any number of threads.  At most a few blocks per worker
 * are held at a time.  format must only read what it shares with other
 * calls; scratch is its own (one per thread), for attribute values.  Stops
 * early once x has stopped (eg_xml_stopped); errors are x's, reported by
 * eg_xml_close.
 */
#ifndef EG_ITEMS_H
#define EG_ITEMS_H

#include <stddef.h>

#include "output/xml.h"
#include "util/util.h"

typedef void (*eg_xml_item_fn)(eg_xml *x, size_t item, const void *context, eg_buf *scratch);

/* Items per block: large enough that handing blocks over costs nothing
 * next to formatting them (some hundred kilobytes of GraphML). */
#define EG_XML_ITEMS_BLOCK 512

void eg_xml_items(eg_xml *x, size_t count, eg_xml_item_fn format, const void *context, unsigned threads);

#endif
