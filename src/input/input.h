/*
 * input: command-line inputs -> documents, one at a time.
 *
 * Each path is a file, a directory or "-" (standard input); no paths means
 * standard input.  Directories are walked recursively in byte order of
 * their entry names, skipping names that start with "." and anything that
 * is neither a regular file nor a directory; symbolic links are followed to
 * files but not into directories (so a walk cannot loop).  Documents are
 * read whole; a document's id is its path as given or as reached
 * ("dir/sub/file.txt"), or "-".
 *
 * eg_input_next returns 1 with *doc filled (the caller frees it with
 * eg_document_free), 0 when all inputs are done, or -1 when one input could
 * not be read: err says "PATH: reason" and the next call goes on with the
 * rest.
 */
#ifndef EG_INPUT_H
#define EG_INPUT_H

#include <stddef.h>

#include "document.h"
#include "util/util.h"

typedef struct eg_input eg_input;

eg_input *eg_input_new(const char *const *paths, size_t count);
int eg_input_next(eg_input *in, eg_document *doc, eg_error *err);
void eg_input_free(eg_input *in);

#endif
