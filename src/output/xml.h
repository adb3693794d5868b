/*
 * xml: the XML writing that GraphML, GEXF and SVG share, indented with two
 * spaces, into a FILE, in the layout of libxml2's xmlTextWriter.
 *
 * Calls never fail towards the caller one by one: the first I/O error is
 * remembered, later output is dropped, and eg_xml_close reports it.
 * Attribute values and text pass through eg_xml_safe, then are escaped.
 *
 * A fragment writer formats part of a document into memory instead (for
 * another thread, see output/items.h); eg_xml_insert then writes that text
 * into the document, so both paths lay out elements with the same code.
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
	size_t base;  /* a fragment's depth when opened: it cannot end more */
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
/* Opens a fragment writer: it keeps its text in x->out, never writes to a
 * file, and starts as if inside `depth` open elements whose start tags are
 * closed.  Reusable after each eg_xml_insert; free with eg_xml_free_fragment. */
void eg_xml_open_fragment(eg_xml *x, size_t depth);
void eg_xml_free_fragment(eg_xml *x);
/* Writes the elements a fragment writer holds as children of x's innermost
 * open element (the fragment was opened at x's depth), takes over its
 * misuse error, and empties it for the next use. */
void eg_xml_insert(eg_xml *x, eg_xml *fragment);
/* Whether an error has stopped the output (so loops can stop early). */
int eg_xml_stopped(const eg_xml *x);

#endif
