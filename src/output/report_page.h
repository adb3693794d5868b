/*
 * report_page: the report's page, generated at build time by
 * src/report/embed.cjs (meson.build): the bytes of the bundled HTML before
 * and after the data, and whether the build could make them.
 */
#ifndef EG_REPORT_PAGE_H
#define EG_REPORT_PAGE_H

#include <stddef.h>

extern const unsigned char eg_report_head[];
extern const size_t eg_report_head_size;
extern const unsigned char eg_report_tail[];
extern const size_t eg_report_tail_size;
extern const int eg_html_available;

#endif
