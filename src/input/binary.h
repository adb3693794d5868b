/*
 * binary: tells files that are not text (images, PDF, archives, programs,
 * databases, audio and video) from the first bytes of an input, so that
 * they are skipped rather than read as text; internal to input/.
 *
 * eg_binary_kind looks at the first block of an input, after gzip was
 * inflated (a .tar.gz is a tar archive here), and returns what it is by its
 * magic bytes ("PNG image", "ZIP archive", ...), or NULL when no known
 * signature starts it.  eg_binary_data says whether a block that matched
 * no signature still is no text: more than one byte in
 * EG_BINARY_CONTROL_SHARE of its first EG_BINARY_SAMPLE is NUL or a control
 * character other than tab, line and page breaks and escape, NUL bytes not
 * counting in UTF-16 (whose ASCII comes with a NUL beside every byte; HTML
 * in UTF-16 is the HTML reader's).  Both only read the block.
 */
#ifndef EG_INPUT_BINARY_H
#define EG_INPUT_BINARY_H

#include <stddef.h>

#define EG_BINARY_CONTROL_SHARE 20 /* one byte in twenty */
#define EG_BINARY_SAMPLE 8192      /* bytes of the block eg_binary_data looks at */

const char *eg_binary_kind(const unsigned char *p, size_t n);
int eg_binary_data(const unsigned char *p, size_t n);

#endif
