/* The RSS/Atom reader (libxml2 with entities neither expanded nor
 * fetched, HTML inside items) on any bytes. */
#include "reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_read_records(eg_feed_open, data, size);
	return 0;
}
