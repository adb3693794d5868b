/*
 * The progress line on stderr: documents, megabytes read, MB/s and, when
 * the inputs' total size is known (files, not standard input), the share
 * done and the time left.  On a terminal it redraws one line at most five
 * times a second; forced with --progress onto something else, it writes a
 * line every two seconds instead, so logs stay readable.
 */
#include "cli/cli.h"
#include "input/input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void eg_progress_start(eg_progress *p, const eg_options *o)
{
	memset(p, 0, sizeof(*p));
	p->on = o->progress && !o->quiet;
	if (!p->on)
		return;
	p->terminal = isatty(STDERR_FILENO);
	p->start = p->last = now();
	/* The total, from a walk that reads no file; unknown with stdin. */
	eg_input *in = eg_input_new(o->inputs, o->input_count, o->input_format);
	char *path;
	struct stat st;
	eg_error err;
	int rc;
	p->total = 0;
	int known = 1;
	while ((rc = eg_input_next_file(in, &path, &st, &err)) != 0) {
		if (rc > 0) {
			if (strcmp(path, "-") == 0)
				known = 0;
			else
				p->total += (double)st.st_size;
			free(path);
		}
	}
	eg_input_free(in);
	if (!known)
		p->total = 0;
}

static void draw(eg_progress *p, double t)
{
	double elapsed = t - p->start, mb = p->bytes / 1e6, rate = elapsed > 0 ? mb / elapsed : 0;
	char line[160];
	int n = snprintf(line, sizeof(line), "%s%zu documents, %.1f MB, %.1f MB/s", p->phase ? p->phase : "", p->documents, mb, rate);
	/* gzip inflates: a file's share is its size on disk, so the estimate
	 * only holds for plain files; clamp it. */
	if (p->total > 0 && rate > 0 && p->bytes <= p->total) {
		double left = (p->total - p->bytes) / 1e6 / rate;
		n += snprintf(line + n, sizeof(line) - (size_t)n, ", %.0f%%, %d:%02d left", 100 * p->bytes / p->total,
			      (int)left / 60, (int)left % 60);
	}
	if (p->terminal)
		fprintf(stderr, "\r%s\033[K", line);
	else
		fprintf(stderr, "entgraph: %s\n", line);
	p->drawn = 1;
}

void eg_progress_add(eg_progress *p, size_t bytes)
{
	if (!p->on)
		return;
	p->documents++;
	p->bytes += (double)bytes;
	/* Looking at the clock every document costs little; every 64 is enough. */
	if (p->documents % 64)
		return;
	double t = now();
	if (t - p->last >= (p->terminal ? 0.2 : 2.0)) {
		p->last = t;
		draw(p, t);
	}
}

void eg_progress_end(eg_progress *p)
{
	if (!p->on || !p->drawn)
		return;
	if (p->terminal)
		fputs("\r\033[K", stderr);
}
