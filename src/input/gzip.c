/* gzip inputs, inflated whole in memory: every reader wants the whole
 * file anyway (an HTML or feed parser needs the document, offsets need the
 * text), and the limit keeps a hostile stream from taking all memory. */
#include "input/reader.h"

#include <limits.h>
#include <stdlib.h>
#include <zlib.h>

int eg_gunzip(const char *path, const char *data, size_t length, size_t limit, char **out, size_t *out_length,
	      eg_error *err)
{
	z_stream z = {0};
	/* 16 + MAX_WBITS: gzip wrapper only, so a zlib or raw stream is an
	 * error rather than a guess. */
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
		return eg_error_set(err, "%s: cannot start gzip decompression", path);
	eg_buf b = {0};
	const unsigned char *in = (const unsigned char *)data;
	size_t left = length;
	int rc = Z_OK, too_big = 0;
	for (;;) {
		if (z.avail_in == 0 && left) {
			z.next_in = (unsigned char *)in;
			z.avail_in = left > UINT_MAX ? UINT_MAX : (unsigned)left;
			in += z.avail_in;
			left -= z.avail_in;
		}
		if (b.len >= limit) {
			too_big = 1;
			break;
		}
		size_t room = limit - b.len;
		eg_buf_reserve(&b, room < 65536 ? room : 65536);
		size_t avail = b.cap - b.len - 1;
		if (avail > room)
			avail = room;
		if (avail > UINT_MAX)
			avail = UINT_MAX;
		z.next_out = (unsigned char *)b.data + b.len;
		z.avail_out = (unsigned)avail;
		rc = inflate(&z, Z_NO_FLUSH);
		b.len += avail - z.avail_out;
		if (rc == Z_STREAM_END) {
			/* Concatenated members (cat a.gz b.gz) are one stream to gzip(1). */
			if (z.avail_in == 0 && left == 0)
				break;
			inflateReset(&z);
			continue;
		}
		if (rc == Z_BUF_ERROR && z.avail_in == 0 && left == 0)
			break; /* no more input before the end of the stream */
		if (rc != Z_OK && rc != Z_BUF_ERROR)
			break;
	}
	int failed = rc != Z_STREAM_END;
	if (failed) {
		if (too_big)
			eg_error_set(err, "%s: gzip data inflates to more than %zu MiB, the limit for one input", path,
				     limit >> 20);
		else if (rc == Z_BUF_ERROR || rc == Z_OK)
			eg_error_set(err, "%s: truncated gzip data", path);
		else
			eg_error_set(err, "%s: corrupt gzip data (%s)", path, z.msg ? z.msg : "zlib error");
		eg_buf_free(&b);
	}
	inflateEnd(&z);
	if (failed)
		return -1;
	if (!b.data)
		eg_buf_add(&b, "", 0);
	b.data[b.len] = '\0';
	*out = b.data;
	*out_length = b.len;
	return 0;
}
