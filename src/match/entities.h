/*
 * entities: the run's table of entities, each a (type, label) pair.
 *
 * An entity is identified by its stable id (see eg_entity_id_for): the same
 * type and label give the same id in every run and every shard, and output
 * sorts and keys on it.  Labels that differ only in ASCII case share an id
 * and so are one entity.  In a table loaded from dictionaries it keeps the
 * label it was first given; in an extension (entities found in text) it
 * takes the best of the forms seen, by a rule that does not depend on the
 * order they came in (see better_label), and likewise the smallest
 * category, so threads and shards agree.  Indexes are only valid within
 * one table.
 * The table owns every string it returns.
 */
#ifndef EG_ENTITIES_H
#define EG_ENTITIES_H

#include <stddef.h>
#include <stdint.h>

#include "util/util.h"

typedef struct eg_entities eg_entities;

eg_entities *eg_entities_new(void);
void eg_entities_free(eg_entities *e);

/* A table that extends base: base's entities keep their indexes and are
 * found, never copied or changed; new ones are added here, after them.
 * base must not change while the extension lives.  This is how threads
 * share the dictionaries' entities while each adds those it finds in text. */
eg_entities *eg_entities_extend(const eg_entities *base);
/* Forgets the entities added to an extension (or to a table). */
void eg_entities_clear(eg_entities *e);

/* Returns the index of (type, label); creates the entity when new.  A
 * category given for an entity that has none yet is recorded; an entity
 * keeps the first category it was given. */
uint32_t eg_entities_intern(eg_entities *e, const char *type, const char *label,
			    size_t label_length, const char *category);
size_t eg_entities_count(const eg_entities *e);
/* The index of (type, label) when the table (or its base) holds it, else -1;
 * never adds one. */
int64_t eg_entities_find(const eg_entities *e, const char *type, const char *label, size_t label_length);
/* Replaces the category of an entity of this table (not of its base); an
 * empty category changes nothing.  For corrections, which win over the
 * first category given. */
void eg_entities_set_category(eg_entities *e, uint32_t index, const char *category);

const char *eg_entity_type(const eg_entities *e, uint32_t index);
const char *eg_entity_label(const eg_entities *e, uint32_t index);
const char *eg_entity_category(const eg_entities *e, uint32_t index); /* "" if none */
const char *eg_entity_id(const eg_entities *e, uint32_t index);

/* The stable id of (type, label): the lower-cased type, a dot, and a slug of
 * the label (ASCII letters and digits lower-cased, accents dropped, every
 * other run of characters one "_").  When the slug does not spell the label
 * exactly (anything beyond ASCII letters, digits and single inner spaces)
 * "-" and 8 hex digits of a hash of type and label follow, so ids never
 * collide and are always XML NMTOKENs.  Written into out (cleared first). */
void eg_entity_id_for(const char *type, const char *label, size_t label_length, eg_buf *out);

/* The length of an organisation's name without the legal forms and group
 * words that end it ("Acme Widgets, Inc." -> 12, "Acme Widgets"): Inc,
 * Corp, Co, Company, Ltd, Limited, LLC, LLP, LP, PLC, GmbH, AG, SA, NV, SE,
 * SpA, Bhd, Tbk, Pty, AB, ASA, Oyj, Group, Holdings and their usual
 * spellings; a comma before one goes with it.  0 when none ends it or
 * nothing would be left. */
size_t eg_name_without_legal_form(const char *label);

/* 1 when s is a valid type name: an ASCII capital, then capitals, digits or
 * "_", at most 32 bytes. */
int eg_type_name_valid(const char *s, size_t n);

#endif
