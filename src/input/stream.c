/* An input's bytes as they are read: from a file or standard input,
 * inflated when gzip, never more than a budget.  Reading in bounded pieces
 * keeps memory bounded whatever the input is (/dev/zero, a pipe, a small
 * gzip bomb); the readers decide how much of it they hold at once. */
#include "input/reader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <stdio.h>
#include <sys/stat.h>
#include <zlib.h>

#define RAW_BYTES 65536

struct eg_stream {
	const char *path;
	int fd;
	int gzip;
	z_stream z;
	unsigned char raw[RAW_BYTES]; /* compressed bytes, z.next_in within */
	int raw_ended;                /* the file has no more bytes */
	uint64_t total, limit;
	int ended, limited, failed;
	int garbage; /* ended at bytes after the gzip data that are not gzip */
	eg_error error;
};

/* Reads at most n bytes of the file; returns the count, 0 at its end or
 * on an error (s->failed). */
static size_t read_fd(eg_stream *s, void *out, size_t n)
{
	for (;;) {
		ssize_t got = read(s->fd, out, n);
		if (got >= 0)
			return (size_t)got;
		if (errno == EINTR)
			continue;
		s->failed = 1;
		eg_error_set(&s->error, "%s: %s", s->path, strerror(errno));
		return 0;
	}
}

/* Tops up the compressed bytes so at least want are there (or the file
 * has ended); returns how many are. */
static size_t fill_raw(eg_stream *s, size_t want)
{
	if (s->z.avail_in && s->z.next_in != s->raw)
		memmove(s->raw, s->z.next_in, s->z.avail_in);
	s->z.next_in = s->raw;
	while (s->z.avail_in < want && !s->raw_ended && !s->failed) {
		size_t got = read_fd(s, s->raw + s->z.avail_in, RAW_BYTES - s->z.avail_in);
		if (got == 0)
			s->raw_ended = 1;
		s->z.avail_in += (unsigned)got;
	}
	return s->z.avail_in;
}

eg_stream *eg_stream_open(const char *path, uint64_t limit, eg_error *err)
{
	int is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		eg_error_set(err, "%s: %s", path, strerror(errno));
		return NULL;
	}
	eg_stream *s = eg_xcalloc(1, sizeof(*s));
	s->path = path;
	s->fd = fd;
	s->limit = limit;
	s->z.next_in = s->raw;
	fill_raw(s, 2);
	if (s->failed) {
		*err = s->error;
		eg_stream_close(s);
		return NULL;
	}
	if (s->z.avail_in >= 2 && s->raw[0] == 0x1f && s->raw[1] == 0x8b) {
		/* 16 + MAX_WBITS: gzip wrapper only, so a zlib or raw stream is
		 * an error rather than a guess. */
		if (inflateInit2(&s->z, 16 + MAX_WBITS) != Z_OK) {
			eg_error_set(err, "%s: cannot start gzip decompression", path);
			eg_stream_close(s);
			return NULL;
		}
		s->gzip = 1;
	}
	return s;
}

void eg_stream_close(eg_stream *s)
{
	if (!s)
		return;
	if (s->gzip)
		inflateEnd(&s->z);
	if (s->fd != STDIN_FILENO)
		close(s->fd);
	free(s);
}

static void fail(eg_stream *s, const char *what)
{
	s->failed = 1;
	eg_error_set(&s->error, "%s: %s", s->path, what);
}

/* What follows the end of a gzip member: another member (cat a.gz b.gz is
 * one stream to gzip(1)), the end, or NUL padding up to the end (tape
 * blocks, a preallocated file), which gzip -dc ignores silently; anything
 * else is trailing garbage, which gzip -dc ignores with a warning and exit
 * status 2: here the data before it is used and the input reported. */
static void after_member(eg_stream *s)
{
	int padding = 0;
	for (;;) {
		size_t have = fill_raw(s, 2);
		if (have == 0) {
			s->ended = 1;
			return;
		}
		if (!padding && have >= 2 && s->raw[0] == 0x1f && s->raw[1] == 0x8b) {
			inflateReset(&s->z);
			return;
		}
		if (s->raw[0] != 0) {
			s->garbage = 1;
			s->ended = 1;
			eg_error_set(&s->error, "%s: trailing garbage after the gzip data", s->path);
			return;
		}
		size_t zeros = 0;
		while (zeros < have && s->raw[zeros] == 0)
			zeros++;
		s->z.next_in += zeros;
		s->z.avail_in -= (unsigned)zeros;
		padding = 1;
	}
}

static size_t inflate_some(eg_stream *s, unsigned char *out, size_t n)
{
	while (!s->ended && !s->failed) {
		if (s->z.avail_in == 0)
			fill_raw(s, 1);
		if (s->failed)
			return 0;
		s->z.next_out = out;
		s->z.avail_out = n > UINT32_MAX ? UINT32_MAX : (unsigned)n;
		unsigned before = s->z.avail_out;
		int rc = inflate(&s->z, Z_NO_FLUSH);
		size_t got = before - s->z.avail_out;
		if (rc == Z_STREAM_END) {
			after_member(s);
		} else if (rc == Z_BUF_ERROR) {
			if (s->z.avail_in == 0 && s->raw_ended)
				fail(s, "truncated gzip data");
		} else if (rc != Z_OK) {
			char what[256];
			snprintf(what, sizeof(what), "corrupt gzip data (%s)", s->z.msg ? s->z.msg : "zlib error");
			fail(s, what);
		}
		if (got)
			return got;
	}
	return 0;
}

size_t eg_stream_read(eg_stream *s, void *out, size_t n)
{
	if (s->ended || s->failed || s->limited)
		return 0;
	if (s->total >= s->limit) {
		/* At the budget: cut only if there is more. */
		unsigned char probe;
		if ((!s->gzip && s->z.avail_in) || (s->gzip ? inflate_some(s, &probe, 1) : read_fd(s, &probe, 1)) > 0)
			s->limited = 1;
		s->ended = 1;
		return 0;
	}
	if (n > s->limit - s->total)
		n = (size_t)(s->limit - s->total);
	size_t got;
	if (s->gzip) {
		got = inflate_some(s, out, n);
	} else if (s->z.avail_in) {
		/* The bytes read to look for the gzip magic come first. */
		got = n < s->z.avail_in ? n : s->z.avail_in;
		memcpy(out, s->z.next_in, got);
		s->z.next_in += got;
		s->z.avail_in -= (unsigned)got;
	} else {
		got = read_fd(s, out, n);
		if (got == 0)
			s->ended = 1;
	}
	s->total += got;
	return got;
}

size_t eg_stream_fill(eg_stream *s, eg_buf *b, size_t want)
{
	size_t start = b->len;
	while (b->len - start < want) {
		eg_buf_reserve(b, want - (b->len - start));
		size_t got = eg_stream_read(s, b->data + b->len, want - (b->len - start));
		if (got == 0)
			break;
		b->len += got;
	}
	eg_buf_reserve(b, 1);
	b->data[b->len] = '\0';
	return b->len - start;
}

int eg_stream_ended(const eg_stream *s)
{
	return s->ended || s->failed || s->limited;
}

int eg_stream_failed(const eg_stream *s, eg_error *err)
{
	if (s->failed && err)
		*err = s->error;
	return s->failed;
}

void eg_size_words(uint64_t n, char words[32], char option[32])
{
	static const char *const units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
	static const char letters[] = " KMGT";
	int u = 0;
	while (u < 4 && n && n % 1024 == 0) {
		n /= 1024;
		u++;
	}
	snprintf(words, 32, "%llu %s", (unsigned long long)n, units[u]);
	if (u)
		snprintf(option, 32, "%llu%c", (unsigned long long)n, letters[u]);
	else
		snprintf(option, 32, "%llu", (unsigned long long)n);
}

int eg_stream_report(const eg_stream *s, eg_error *err)
{
	if (s->limited)
		return eg_stream_limited(s, err), EG_INPUT_LIMITED;
	if (s->failed || s->garbage) {
		*err = s->error;
		return EG_INPUT_BAD_INPUT;
	}
	return 0;
}

int eg_stream_limited(const eg_stream *s, eg_error *err)
{
	if (!s->limited)
		return 0;
	char words[32], option[32];
	eg_size_words(s->limit, words, option);
	eg_error_set(err, "%s: stopped after %s (--max-input-bytes %s); the rest is not read", s->path, words, option);
	return 1;
}

/* Where standard input's bytes begin: its offset when first rewound, or 0
 * in the copy made of a pipe; -1 before. */
static off_t stdin_origin = -1;

int eg_input_rewind_stdin(const char *const *paths, size_t count, eg_error *err)
{
	int uses = count == 0;
	for (size_t i = 0; i < count && !uses; i++)
		uses = strcmp(paths[i], "-") == 0;
	if (!uses)
		return 0;
	if (stdin_origin < 0) {
		struct stat st;
		off_t at = lseek(STDIN_FILENO, 0, SEEK_CUR);
		if (at >= 0 && fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode)) {
			stdin_origin = at;
			return 0;
		}
		/* A pipe: kept in an unlinked file, read from there twice. */
		const char *dir = getenv("TMPDIR");
		eg_buf path = {0};
		eg_buf_printf(&path, "%s/entgraph-stdin-XXXXXX", dir && *dir ? dir : "/tmp");
		int fd = mkstemp(path.data);
		if (fd < 0) {
			eg_error_set(err, "standard input: cannot keep a copy for the second pass in %s: %s",
				     dir && *dir ? dir : "/tmp", strerror(errno));
			eg_buf_free(&path);
			return -1;
		}
		unlink(path.data);
		eg_buf_free(&path);
		static char block[1 << 16];
		for (;;) {
			ssize_t got = read(STDIN_FILENO, block, sizeof(block));
			if (got < 0 && errno == EINTR)
				continue;
			if (got < 0) {
				eg_error_set(err, "standard input: %s", strerror(errno));
				close(fd);
				return -1;
			}
			if (got == 0)
				break;
			for (ssize_t done = 0; done < got;) {
				ssize_t put = write(fd, block + done, (size_t)(got - done));
				if (put < 0 && errno == EINTR)
					continue;
				if (put < 0) {
					eg_error_set(err, "standard input: cannot keep a copy for the second pass: %s",
						     strerror(errno));
					close(fd);
					return -1;
				}
				done += put;
			}
		}
		if (dup2(fd, STDIN_FILENO) < 0) {
			eg_error_set(err, "standard input: %s", strerror(errno));
			close(fd);
			return -1;
		}
		close(fd);
		stdin_origin = 0;
	}
	if (lseek(STDIN_FILENO, stdin_origin, SEEK_SET) < 0)
		return eg_error_set(err, "standard input: cannot read it again: %s", strerror(errno));
	return 0;
}
