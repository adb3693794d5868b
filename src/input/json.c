#include "input/json.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct parser {
	const char *p, *start, *end;
	int depth;
	eg_error *err;
	const char *error_at;
} parser;

static int fail(parser *ps, const char *at, const char *fmt, ...) EG_PRINTF(3, 4);

static int fail(parser *ps, const char *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (ps->err)
		vsnprintf(ps->err->message, sizeof(ps->err->message), fmt, ap);
	va_end(ap);
	ps->error_at = at;
	return -1;
}

static void skip_space(parser *ps)
{
	while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
		ps->p++;
}

/* For messages: the character at p, or "end of text". */
static int unexpected(parser *ps, const char *expected)
{
	if (ps->p >= ps->end)
		return fail(ps, ps->p, "expected %s, found the end of the text", expected);
	unsigned char c = (unsigned char)*ps->p;
	if (c >= 0x21 && c < 0x7f)
		return fail(ps, ps->p, "expected %s, found '%c'", expected, c);
	return fail(ps, ps->p, "expected %s, found byte 0x%02x", expected, c);
}

static int hex4(const char *p, unsigned *value)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	*value = v;
	return 0;
}

static void put_utf8(eg_buf *b, unsigned cp)
{
	char s[4];
	size_t n;
	if (cp < 0x80) {
		s[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		s[0] = (char)(0xC0 | (cp >> 6));
		s[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		s[0] = (char)(0xE0 | (cp >> 12));
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		s[0] = (char)(0xF0 | (cp >> 18));
		s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	eg_buf_add(b, s, n);
}

/* Length of the well-formed UTF-8 sequence at p (RFC 3629: no overlongs,
 * no surrogates, nothing above U+10FFFF), or 0. */
static size_t utf8_sequence(const unsigned char *p, const unsigned char *end)
{
	unsigned char c = p[0];
	size_t n;
	unsigned char lo = 0x80, hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF)
		n = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else
		return 0;
	if ((size_t)(end - p) < n || p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return n;
}

/* At the opening quote; leaves ps->p after the closing one. */
static int parse_string(parser *ps, eg_buf *out)
{
	const char *p = ps->p + 1;
	for (;;) {
		if (p >= ps->end)
			return fail(ps, p, "unterminated string");
		unsigned char c = (unsigned char)*p;
		if (c == '"')
			break;
		if (c < 0x20)
			return fail(ps, p, "control character U+%04X in a string (write it as an escape)", c);
		if (c >= 0x80) {
			size_t n = utf8_sequence((const unsigned char *)p, (const unsigned char *)ps->end);
			if (!n)
				return fail(ps, p, "invalid UTF-8 in a string");
			eg_buf_add(out, p, n);
			p += n;
			continue;
		}
		if (c != '\\') {
			eg_buf_addc(out, (char)c);
			p++;
			continue;
		}
		const char *escape = p;
		if (p + 1 >= ps->end)
			return fail(ps, p, "unterminated string");
		char e = p[1];
		p += 2;
		switch (e) {
		case '"': eg_buf_addc(out, '"'); continue;
		case '\\': eg_buf_addc(out, '\\'); continue;
		case '/': eg_buf_addc(out, '/'); continue;
		case 'b': eg_buf_addc(out, '\b'); continue;
		case 'f': eg_buf_addc(out, '\f'); continue;
		case 'n': eg_buf_addc(out, '\n'); continue;
		case 'r': eg_buf_addc(out, '\r'); continue;
		case 't': eg_buf_addc(out, '\t'); continue;
		case 'u': break;
		default:
			if ((unsigned char)e >= 0x21 && (unsigned char)e < 0x7f)
				return fail(ps, escape, "invalid escape '\\%c' in a string", e);
			return fail(ps, escape, "invalid escape in a string");
		}
		unsigned cp, low;
		if (ps->end - p < 4 || hex4(p, &cp) < 0)
			return fail(ps, escape, "\\u must be followed by four hexadecimal digits");
		p += 4;
		if (cp >= 0xDC00 && cp <= 0xDFFF)
			return fail(ps, escape, "unpaired surrogate \\u%04X", cp);
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			if (ps->end - p < 6 || p[0] != '\\' || p[1] != 'u' || hex4(p + 2, &low) < 0 || low < 0xDC00 ||
			    low > 0xDFFF)
				return fail(ps, escape, "unpaired surrogate \\u%04X", cp);
			cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
			p += 6;
		}
		put_utf8(out, cp);
	}
	ps->p = p + 1;
	if (!out->data)
		eg_buf_add(out, "", 0);
	return 0;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int parse_number(parser *ps, eg_json *v)
{
	const char *p = ps->p, *start = p;
	if (p < ps->end && *p == '-')
		p++;
	if (p >= ps->end || !is_digit(*p))
		return fail(ps, start, "invalid number: a digit must follow '-'");
	if (*p == '0' && p + 1 < ps->end && is_digit(p[1]))
		return fail(ps, start, "invalid number: leading zero");
	while (p < ps->end && is_digit(*p))
		p++;
	if (p < ps->end && *p == '.') {
		p++;
		if (p >= ps->end || !is_digit(*p))
			return fail(ps, start, "invalid number: a digit must follow '.'");
		while (p < ps->end && is_digit(*p))
			p++;
	}
	if (p < ps->end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < ps->end && (*p == '+' || *p == '-'))
			p++;
		if (p >= ps->end || !is_digit(*p))
			return fail(ps, start, "invalid number: a digit must follow the exponent");
		while (p < ps->end && is_digit(*p))
			p++;
	}
	v->type = EG_JSON_NUMBER;
	v->length = (size_t)(p - start);
	v->string = eg_xstrndup(start, v->length);
	/* The grammar above is a subset of strtod's, on a NUL-terminated copy. */
	v->number = strtod(v->string, NULL);
	ps->p = p;
	return 0;
}

static int parse_value(parser *ps, eg_json *v);

static int parse_literal(parser *ps, eg_json *v, const char *word, eg_json_type type)
{
	size_t n = strlen(word);
	if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0)
		return unexpected(ps, "a value");
	v->type = type;
	ps->p += n;
	return 0;
}

/* After an item of an array or object: a comma means another follows (1),
 * the closing bracket ends the container (0), anything else is an error. */
static int after_item(parser *ps, char close, const char *expected)
{
	skip_space(ps);
	if (ps->p < ps->end && (*ps->p == ',' || *ps->p == close))
		return *ps->p++ == ',';
	return unexpected(ps, expected);
}

static int parse_array(parser *ps, eg_json *v)
{
	v->type = EG_JSON_ARRAY;
	size_t cap = 0;
	ps->p++;
	skip_space(ps);
	if (ps->p < ps->end && *ps->p == ']') {
		ps->p++;
		return 0;
	}
	for (;;) {
		EG_GROW(v->items, cap, v->count + 1);
		memset(&v->items[v->count], 0, sizeof(*v->items));
		v->count++;
		if (parse_value(ps, &v->items[v->count - 1]) < 0)
			return -1;
		int more = after_item(ps, ']', "',' or ']' in an array");
		if (more <= 0)
			return more;
	}
}

static int parse_object(parser *ps, eg_json *v)
{
	v->type = EG_JSON_OBJECT;
	size_t cap = 0, key_cap = 0;
	ps->p++;
	skip_space(ps);
	if (ps->p < ps->end && *ps->p == '}') {
		ps->p++;
		return 0;
	}
	for (;;) {
		skip_space(ps);
		if (ps->p >= ps->end || *ps->p != '"')
			return unexpected(ps, "a string key");
		eg_buf key = {0};
		if (parse_string(ps, &key) < 0) {
			eg_buf_free(&key);
			return -1;
		}
		EG_GROW(v->keys, key_cap, v->count + 1);
		EG_GROW(v->items, cap, v->count + 1);
		v->keys[v->count] = key.data;
		memset(&v->items[v->count], 0, sizeof(*v->items));
		v->count++;
		skip_space(ps);
		if (ps->p >= ps->end || *ps->p != ':')
			return unexpected(ps, "':' after an object key");
		ps->p++;
		if (parse_value(ps, &v->items[v->count - 1]) < 0)
			return -1;
		int more = after_item(ps, '}', "',' or '}' in an object");
		if (more <= 0)
			return more;
	}
}

static int parse_value(parser *ps, eg_json *v)
{
	skip_space(ps);
	if (ps->p >= ps->end)
		return unexpected(ps, "a value");
	v->offset = (size_t)(ps->p - ps->start);
	switch (*ps->p) {
	case '"': {
		eg_buf s = {0};
		int rc = parse_string(ps, &s);
		v->type = EG_JSON_STRING;
		v->string = s.data;
		v->length = s.len;
		return rc;
	}
	case '{':
	case '[': {
		if (ps->depth >= EG_JSON_MAX_DEPTH)
			return fail(ps, ps->p, "nested deeper than %d levels", EG_JSON_MAX_DEPTH);
		ps->depth++;
		int rc = *ps->p == '{' ? parse_object(ps, v) : parse_array(ps, v);
		ps->depth--;
		return rc;
	}
	case 't': return parse_literal(ps, v, "true", EG_JSON_TRUE);
	case 'f': return parse_literal(ps, v, "false", EG_JSON_FALSE);
	case 'n': return parse_literal(ps, v, "null", EG_JSON_NULL);
	default:
		if (*ps->p == '-' || is_digit(*ps->p))
			return parse_number(ps, v);
		return unexpected(ps, "a value");
	}
}

int eg_json_parse(const char *text, size_t length, eg_json *out, size_t *column, eg_error *err)
{
	parser ps = {.p = text, .start = text, .end = text + length, .err = err};
	memset(out, 0, sizeof(*out));
	int rc = parse_value(&ps, out);
	if (rc == 0) {
		skip_space(&ps);
		if (ps.p < ps.end)
			rc = fail(&ps, ps.p, "unexpected text after the value");
	}
	if (rc < 0) {
		eg_json_free(out);
		*column = (size_t)(ps.error_at - text) + 1;
	}
	return rc;
}

const eg_json *eg_json_get(const eg_json *object, const char *key)
{
	if (!object || object->type != EG_JSON_OBJECT)
		return NULL;
	for (size_t i = object->count; i-- > 0;)
		if (strcmp(object->keys[i], key) == 0)
			return &object->items[i];
	return NULL;
}

void eg_json_free(eg_json *value)
{
	if (!value)
		return;
	for (size_t i = 0; i < value->count; i++) {
		if (value->keys)
			free(value->keys[i]);
		eg_json_free(&value->items[i]);
	}
	free(value->keys);
	free(value->items);
	free(value->string);
	memset(value, 0, sizeof(*value));
}
