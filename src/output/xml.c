#include "output/xml.h"
#include "output/attributes.h"

#include <errno.h>
#include <string.h>

static void check(eg_xml *x, int rc)
{
	if (rc < 0)
		x->failed = 1;
}

static int write_out(void *context, const char *data, int length)
{
	eg_xml *x = context;
	if (x->io_error)
		return length;
	errno = 0;
	if (fwrite(data, 1, (size_t)length, x->fp) != (size_t)length)
		x->io_error = errno ? errno : EIO;
	return length;
}

int eg_xml_open(eg_xml *x, FILE *fp, eg_error *err)
{
	memset(x, 0, sizeof(*x));
	x->fp = fp;
	xmlOutputBufferPtr out = xmlOutputBufferCreateIO(write_out, NULL, x, NULL);
	if (!out)
		return eg_error_set(err, "cannot start the XML writer");
	x->w = xmlNewTextWriter(out);
	if (!x->w) {
		xmlOutputBufferClose(out);
		return eg_error_set(err, "cannot start the XML writer");
	}
	check(x, xmlTextWriterSetIndent(x->w, 1));
	check(x, xmlTextWriterSetIndentString(x->w, BAD_CAST "  "));
	check(x, xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", NULL));
	return 0;
}

int eg_xml_close(eg_xml *x, const char *what, eg_error *err)
{
	check(x, xmlTextWriterEndDocument(x->w));
	check(x, xmlTextWriterFlush(x->w));
	xmlFreeTextWriter(x->w);
	x->w = NULL;
	eg_buf_free(&x->scratch);
	errno = 0;
	if (!x->io_error && (fflush(x->fp) != 0 || ferror(x->fp)))
		x->io_error = errno ? errno : EIO;
	if (x->io_error)
		return eg_error_set(err, "cannot write the %s: %s", what, strerror(x->io_error));
	if (x->failed)
		return eg_error_set(err, "cannot write the %s: the XML writer failed", what);
	return 0;
}

int eg_xml_stopped(const eg_xml *x)
{
	return x->failed || x->io_error;
}

void eg_xml_start(eg_xml *x, const char *element)
{
	check(x, xmlTextWriterStartElement(x->w, BAD_CAST element));
}

void eg_xml_attr(eg_xml *x, const char *name, const char *value)
{
	check(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST eg_xml_safe(value, &x->scratch)));
}

void eg_xml_text(eg_xml *x, const char *text)
{
	check(x, xmlTextWriterWriteString(x->w, BAD_CAST eg_xml_safe(text, &x->scratch)));
}

void eg_xml_end(eg_xml *x)
{
	check(x, xmlTextWriterEndElement(x->w));
}

void eg_xml_element(eg_xml *x, const char *element, const char *text)
{
	eg_xml_start(x, element);
	eg_xml_text(x, text);
	eg_xml_end(x);
}
