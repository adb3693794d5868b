/*
 * xml: the XML writing that GraphML, GEXF and SVG share, indented with two
 * spaces, into a FILE, in the layout of libxml2's xmlTextWriter.
 *
 * Calls never fail towards the caller one by one: the first I/O error is
 * remembered, later output is dropped, and eg_xml_close reports it.
 * Attribute values and text pass through eg_xml_safe, then are escaped.
 */
#ifndef EG_XML_H
#define EG_XML_H

#include <stdio.h>

#include "util/util.h"

#define EG_XML_MAX_DEPTH 16

typedef struct eg_xml_frame {
	const char *name; /* the caller's string, alive until the element ends */
	int tag_open;     /* "<name attrs" written, ">" not yet */
	int children;     /* an element was written inside */
} eg_xml_frame;

typedef struct eg_xml {
	FILE *fp;
	eg_buf out, scratch;
	eg_xml_frame stack[EG_XML_MAX_DEPTH];
	size_t depth;
	int failed;   /* misuse: too deep, or an end without a start */
	int io_error; /* errno of the first failed write, 0 while none */
} eg_xml;

/* Starts the document (XML declaration, UTF-8). */
int eg_xml_open(eg_xml *x, FILE *fp, eg_error *err);
/* Ends the document and flushes; what names the format in messages. */
int eg_xml_close(eg_xml *x, const char *what, eg_error *err);

void eg_xml_start(eg_xml *x, const char *element);
void eg_xml_attr(eg_xml *x, const char *name, const char *value);
void eg_xml_text(eg_xml *x, const char *text);
void eg_xml_end(eg_xml *x);
/* <element>text</element> */
void eg_xml_element(eg_xml *x, const char *element, const char *text);
/* Whether an error has stopped the output (so loops can stop early). */
int eg_xml_stopped(const eg_xml *x);

#endif
