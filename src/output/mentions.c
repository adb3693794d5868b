#include "output/mentions.h"
#include "graph/cooc.h"
#include "text/excerpt.h"
#include "text/utf8.h"

#include <string.h>

/* invalid: how a byte that is not UTF-8 is written ("\\ufffd", or NULL for
 * its lone surrogate \\udc80-\\udcff). */
static void json_string(eg_buf *out, const char *s, size_t n, const char *invalid)
{
	static const char hex[] = "0123456789abcdef";
	eg_buf_addc(out, '"');
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80) {
			int len;
			if (eg_utf8_decode((const unsigned char *)s + i, n - i, &len) != EG_UTF8_INVALID) {
				eg_buf_add(out, s + i, (size_t)len);
			} else if (invalid) {
				eg_buf_adds(out, invalid);
			} else {
				char u[6] = {'\\', 'u', 'd', 'c', hex[c >> 4], hex[c & 15]};
				eg_buf_add(out, u, 6);
			}
			i += (size_t)len;
			continue;
		}
		i++;
		switch (c) {
		case '"': eg_buf_add(out, "\\\"", 2); break;
		case '\\': eg_buf_add(out, "\\\\", 2); break;
		case '\n': eg_buf_add(out, "\\n", 2); break;
		case '\r': eg_buf_add(out, "\\r", 2); break;
		case '\t': eg_buf_add(out, "\\t", 2); break;
		default:
			if (c < 0x20) {
				char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
				eg_buf_add(out, u, 6);
			} else {
				eg_buf_addc(out, (char)c);
			}
		}
	}
	eg_buf_addc(out, '"');
}

void eg_json_string(eg_buf *out, const char *s, size_t n)
{
	json_string(out, s, n, "\\ufffd");
}

void eg_json_bytes(eg_buf *out, const char *s, size_t n)
{
	json_string(out, s, n, NULL);
}

static void add_field(eg_buf *out, const char *key, const char *value)
{
	eg_buf_printf(out, ",\"%s\":", key);
	eg_json_string(out, value, strlen(value));
}

void eg_mentions_format(eg_buf *out, const eg_document *doc, const eg_mention *mentions, size_t n,
			const eg_entities *ents)
{
	eg_buf sentence = {0};
	for (size_t i = 0; i < n; i++) {
		const eg_mention *m = &mentions[i];
		eg_buf_adds(out, "{\"doc\":");
		eg_json_bytes(out, doc->id, strlen(doc->id));
		/* A part's offsets are into the part: the document's start with its base. */
		eg_buf_printf(out, ",\"start\":%llu,\"end\":%llu,\"text\":", (unsigned long long)(doc->offset + m->start),
			      (unsigned long long)(doc->offset + m->end));
		eg_json_string(out, doc->text + m->start, m->end - m->start);
		add_field(out, "type", eg_entity_type(ents, m->entity));
		add_field(out, "id", eg_entity_id(ents, m->entity));
		add_field(out, "label", eg_entity_label(ents, m->entity));
		add_field(out, "source", eg_source_name((eg_source)m->source));
		eg_buf_clear(&sentence);
		eg_excerpt_mention(&sentence, doc->text, m, EG_SENTENCE_MAX);
		eg_buf_adds(out, ",\"sentence\":");
		eg_json_string(out, sentence.data ? sentence.data : "", sentence.len);
		eg_buf_adds(out, "}\n");
	}
	eg_buf_free(&sentence);
}
