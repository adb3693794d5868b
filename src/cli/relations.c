/* relations: what the sentences say links two entities, one JSON object a
 * line (match/relations.h). */
#include "cli/cli.h"
#include "match/relations.h"
#include "output/mentions.h"

#include <string.h>

static const char usage[] =
	"usage: entgraph relations [OPTIONS] [INPUT...]\n"
	"\n"
	"Reads articles and writes every relation a sentence states between two\n"
	"of its entities as one JSON object a line: {\"doc\",\"sentence_start\",\n"
	"\"sentence_end\",\"start\",\"end\",\"subject\",\"object\",\"predicate\",\"kind\",\n"
	"\"negated\",\"former\",\"text\"}; subject and object are {\"id\",\"label\",\"type\"},\n"
	"offsets UTF-8 bytes into the document, text the bytes that state it.\n"
	"Kinds: role (\"Satya Nadella, CEO of Microsoft\": CEO of), possessive\n"
	"(\"Israel's Unit 8200\": 's), verb (\"Azure was used by Unit 8200\": Unit\n"
	"8200 -use-> Azure; negated after \"not\") and agent (\"an investigation\n"
	"by The Guardian into Microsoft\": investigate).\n"
	"\n"
	"  -o, --output FILE        write here (- is standard output; the default)\n";

static void entity(eg_buf *line, const char *key, const eg_entities *found, uint32_t e)
{
	eg_buf_printf(line, ",\"%s\":{\"id\":", key);
	const char *v[] = {eg_entity_id(found, e), eg_entity_label(found, e), eg_entity_type(found, e)};
	eg_json_string(line, v[0], strlen(v[0]));
	eg_buf_adds(line, ",\"label\":");
	eg_json_string(line, v[1], strlen(v[1]));
	eg_buf_adds(line, ",\"type\":");
	eg_json_string(line, v[2], strlen(v[2]));
	eg_buf_addc(line, '}');
}

static size_t format_relations(eg_buf *line, const eg_document *doc, const eg_mentions *mentions,
			       const eg_entities *found, const eg_relations *relations)
{
	for (size_t i = 0; i < relations->n; i++) {
		const eg_relation *r = &relations->v[i];
		eg_buf_adds(line, "{\"doc\":");
		eg_json_bytes(line, doc->id, strlen(doc->id));
		eg_buf_printf(line, ",\"sentence_start\":%u,\"sentence_end\":%u,\"start\":%u,\"end\":%u", r->sentence_start,
			      r->sentence_end, r->start, r->end);
		entity(line, "subject", found, mentions->v[r->subject].entity);
		entity(line, "object", found, mentions->v[r->object].entity);
		eg_buf_adds(line, ",\"predicate\":");
		eg_json_string(line, r->predicate, strlen(r->predicate));
		eg_buf_printf(line, ",\"kind\":\"%s\",\"negated\":%s,\"former\":%s,\"text\":", eg_relation_kind_name(r->kind),
			      r->negated ? "true" : "false", r->former ? "true" : "false");
		eg_json_string(line, doc->text + r->start, r->end - r->start);
		eg_buf_adds(line, "}\n");
	}
	return relations->n;
}

int eg_cmd_relations(int argc, char **argv)
{
	return eg_cmd_lines(argc, argv, "relations", usage, format_relations, "relations", 1);
}
