/*
 * atomic: output files that appear whole or not at all.
 *
 * eg_out_open("-") writes to standard output.  A name of an open
 * descriptor (/dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N, or a
 * symbolic link to one) is written through a copy of that descriptor,
 * whatever it refers to: never truncated or renamed, like "-".  A path
 * that names something other than a regular file (/dev/null, a FIFO) is
 * written to directly: renaming over a device would replace it.  Any other
 * path is written to a temporary file beside the target (so the rename
 * cannot cross file systems), flushed with fsync on eg_out_commit and
 * renamed over the target.  A symbolic link is followed first: the
 * temporary goes beside the file it finally names and is renamed onto
 * that, so the link stays a link.  The new file takes the mode of the file
 * it replaces, and its owner and group where permitted; a new file gets
 * 0666 less the umask.  eg_out_abort removes the temporary file; the
 * previous target is untouched.  Temporary files are registered with
 * util/cleanup.h until committed or removed, so a signal removes them too.
 */
#ifndef EG_ATOMIC_H
#define EG_ATOMIC_H

#include <stdio.h>

#include "util/util.h"

typedef struct eg_out {
	FILE *fp;
	char *path;     /* as given, for messages; NULL for stdout */
	char *target;   /* path with its symbolic links followed: what tmp_path replaces */
	char *tmp_path; /* temporary, NULL when writing directly (not a regular file) */
} eg_out;

int eg_out_open(eg_out *out, const char *path, eg_error *err);
/* Checks for write errors, syncs and renames; on failure removes the
 * temporary file and returns -1 with err naming the target. */
int eg_out_commit(eg_out *out, eg_error *err);
void eg_out_abort(eg_out *out);

/* The descriptor that path names (/dev/stdin, /dev/stdout, /dev/stderr,
 * /dev/fd/N, /proc/self/fd/N), or -1 when it names none by itself. */
int eg_out_descriptor(const char *path);

#endif
