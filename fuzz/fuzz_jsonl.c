/* The JSONL reader (and so the strict JSON parser) on any bytes. */
#include "reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_read_records(eg_jsonl_open, data, size);
	return 0;
}
