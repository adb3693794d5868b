/* The report page of a build made without node and the npm packages
 * (meson option report): none, and -f html says so (output/html.h). */
#include "output/report_page.h"

const unsigned char eg_report_head[1];
const size_t eg_report_head_size = 0;
const unsigned char eg_report_tail[1];
const size_t eg_report_tail_size = 0;
const int eg_html_available = 0;
