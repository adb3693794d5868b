/*
 * atomic: output files that appear whole or not at all.
 *
 * eg_out_open("-") writes to standard output, and a path that names
 * something other than a regular file (/dev/null, /dev/stdout, a FIFO) is
 * written to directly: renaming over a device would replace it.  Any other
 * path is written to a temporary file in the same directory (so the rename
 * cannot cross file systems), flushed with fsync on eg_out_commit and renamed
 * over the target.  eg_out_abort removes the temporary file; the previous
 * target is untouched.
 */
#ifndef EG_ATOMIC_H
#define EG_ATOMIC_H

#include <stdio.h>

#include "util/util.h"

typedef struct eg_out {
	FILE *fp;
	char *path;     /* target, NULL for stdout */
	char *tmp_path; /* temporary, NULL when writing directly */
} eg_out;

int eg_out_open(eg_out *out, const char *path, eg_error *err);
/* Checks for write errors, syncs and renames; on failure removes the
 * temporary file and returns -1 with err naming the target. */
int eg_out_commit(eg_out *out, eg_error *err);
void eg_out_abort(eg_out *out);

#endif
