#include "input/input.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct pending {
	char *path;
	int given; /* named on the command line, not reached by a walk */
} pending;

struct eg_input {
	pending *stack; /* next input on top */
	size_t n, cap;
};

static void push(eg_input *in, char *path, int given)
{
	EG_GROW(in->stack, in->cap, in->n + 1);
	in->stack[in->n].path = path;
	in->stack[in->n].given = given;
	in->n++;
}

eg_input *eg_input_new(const char *const *paths, size_t count)
{
	eg_input *in = eg_xcalloc(1, sizeof(*in));
	if (count == 0)
		push(in, eg_xstrdup("-"), 1);
	for (size_t i = count; i-- > 0;)
		push(in, eg_xstrdup(paths[i]), 1);
	return in;
}

void eg_input_free(eg_input *in)
{
	if (!in)
		return;
	for (size_t i = 0; i < in->n; i++)
		free(in->stack[i].path);
	free(in->stack);
	free(in);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Pushes the directory's visible entries so that the first in byte order
 * comes off the stack first. */
static int push_directory(eg_input *in, const char *path, eg_error *err)
{
	DIR *dir = opendir(path);
	if (!dir)
		return eg_error_set(err, "%s: %s", path, strerror(errno));
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	errno = 0;
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		EG_GROW(names, cap, n + 1);
		names[n++] = eg_xstrdup(e->d_name);
	}
	int failed = errno;
	closedir(dir);
	if (failed) {
		for (size_t i = 0; i < n; i++)
			free(names[i]);
		free(names);
		return eg_error_set(err, "%s: %s", path, strerror(failed));
	}
	qsort(names, n, sizeof(*names), by_name);
	size_t len = strlen(path);
	int slash = len > 0 && path[len - 1] == '/';
	for (size_t i = n; i-- > 0;) {
		eg_buf child = {0};
		eg_buf_printf(&child, "%s%s%s", path, slash ? "" : "/", names[i]);
		push(in, child.data, 0);
		free(names[i]);
	}
	free(names);
	return 0;
}

int eg_input_next(eg_input *in, eg_document *doc, eg_error *err)
{
	while (in->n) {
		pending p = in->stack[--in->n];
		int is_stdin = p.given && strcmp(p.path, "-") == 0;
		if (!is_stdin) {
			struct stat st;
			if (stat(p.path, &st) < 0) {
				eg_error_set(err, "%s: %s", p.path, strerror(errno));
				free(p.path);
				return -1;
			}
			if (S_ISDIR(st.st_mode)) {
				struct stat lst;
				int link_to_dir = !p.given && lstat(p.path, &lst) == 0 && S_ISLNK(lst.st_mode);
				int rc = link_to_dir ? 0 : push_directory(in, p.path, err);
				free(p.path);
				if (rc < 0)
					return -1;
				continue;
			}
			if (!p.given && !S_ISREG(st.st_mode)) {
				free(p.path);
				continue;
			}
		}
		size_t length;
		char *text = eg_read_file(p.path, &length, err);
		if (!text) {
			free(p.path);
			return -1;
		}
		memset(doc, 0, sizeof(*doc));
		doc->id = p.path;
		doc->text = text;
		doc->length = length;
		return 1;
	}
	return 0;
}
