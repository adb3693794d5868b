/*
 * xml: the XML writing that GraphML and GEXF share, over libxml2's
 * xmlTextWriter, indented with two spaces, into a FILE.
 *
 * Calls never fail towards the caller one by one: the first libxml2 or I/O
 * error is remembered, later output is dropped, and eg_xml_close reports it
 * (libxml2 would otherwise print on stderr, which library code must not).
 * Attribute values and text pass through eg_xml_safe first.
 */
#ifndef EG_XML_H
#define EG_XML_H

#include <stdio.h>

#include <libxml/xmlwriter.h>

#include "util/util.h"

typedef struct eg_xml {
	xmlTextWriterPtr w;
	FILE *fp;
	eg_buf scratch;
	int failed;   /* a libxml2 call failed */
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
