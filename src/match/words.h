/*
 * words: a set of common lower-case words (the *.words files).
 *
 * A capitalised token whose lower-case form is in the set may be an ordinary
 * word that a sentence or a headline happens to capitalise, so later steps
 * treat it as weak evidence of a name.  Files hold one word a line; "#"
 * starts a comment line.  Lookups fold case (ASCII).
 */
#ifndef EG_WORDS_H
#define EG_WORDS_H

#include <stddef.h>

#include "util/util.h"

typedef struct eg_words eg_words;

eg_words *eg_words_new(void);
void eg_words_free(eg_words *w);
int eg_words_load_file(eg_words *w, const char *path, eg_error *err);
/* The same from n bytes in memory; cannot fail (returns 0). */
int eg_words_load_buffer(eg_words *w, const char *data, size_t n);
size_t eg_words_count(const eg_words *w);
/* 1 when the n bytes at s, lower-cased, are in the set. */
int eg_words_has(const eg_words *w, const char *s, size_t n);

#endif
