#include "output/atomic.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void release(eg_out *out)
{
	free(out->path);
	free(out->tmp_path);
	out->path = out->tmp_path = NULL;
	out->fp = NULL;
}

/* umask() can only read the mask by setting another, and for that moment
 * files other threads create get the wrong permissions; Linux shows it in
 * /proc instead. */
static mode_t current_umask(void)
{
	FILE *fp = fopen("/proc/self/status", "r");
	if (fp) {
		char line[256];
		unsigned mask;
		while (fgets(line, sizeof(line), fp)) {
			if (sscanf(line, "Umask: %o", &mask) == 1) {
				fclose(fp);
				return (mode_t)mask & 0777;
			}
		}
		fclose(fp);
	}
	mode_t mask = umask(0);
	umask(mask);
	return mask;
}

int eg_out_open(eg_out *out, const char *path, eg_error *err)
{
	memset(out, 0, sizeof(*out));
	if (strcmp(path, "-") == 0) {
		out->fp = stdout;
		return 0;
	}
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode))
			return eg_error_set(err, "%s: is a directory", path);
		out->fp = fopen(path, "wb");
		if (!out->fp)
			return eg_error_set(err, "%s: %s", path, strerror(errno));
		out->path = eg_xstrdup(path);
		return 0;
	}
	/* The temporary file sits beside the target, so rename() is atomic. */
	const char *slash = strrchr(path, '/');
	size_t dir_length = slash ? (size_t)(slash - path) + 1 : 0;
	eg_buf tmp = {0};
	eg_buf_add(&tmp, path, dir_length);
	eg_buf_printf(&tmp, ".%s.tmp-XXXXXX", path + dir_length);
	int fd = mkstemp(tmp.data);
	if (fd < 0) {
		int saved = errno;
		eg_buf_free(&tmp);
		return eg_error_set(err, "%s: cannot create a file there: %s", path, strerror(saved));
	}
	/* mkstemp makes the file private; the result should get the usual
	 * permissions, as if created with fopen. */
	fchmod(fd, 0666 & ~current_umask());
	out->fp = fdopen(fd, "wb");
	if (!out->fp) {
		int saved = errno;
		close(fd);
		unlink(tmp.data);
		eg_buf_free(&tmp);
		return eg_error_set(err, "%s: %s", path, strerror(saved));
	}
	out->path = eg_xstrdup(path);
	out->tmp_path = tmp.data;
	return 0;
}

int eg_out_commit(eg_out *out, eg_error *err)
{
	if (!out->tmp_path) {
		int failed = fflush(out->fp) != 0 || ferror(out->fp);
		int saved = errno;
		if (out->path && fclose(out->fp) != 0 && !failed) {
			failed = 1;
			saved = errno;
		}
		if (failed)
			eg_error_set(err, "%s: %s", out->path ? out->path : "standard output", strerror(saved));
		release(out);
		return failed ? -1 : 0;
	}
	int failed = fflush(out->fp) != 0 || ferror(out->fp) || fsync(fileno(out->fp)) != 0;
	int saved = errno;
	if (fclose(out->fp) != 0 && !failed) {
		failed = 1;
		saved = errno;
	}
	out->fp = NULL;
	if (!failed && rename(out->tmp_path, out->path) != 0) {
		failed = 1;
		saved = errno;
	}
	if (failed) {
		unlink(out->tmp_path);
		eg_error_set(err, "%s: %s; the previous file, if any, is unchanged", out->path, strerror(saved));
		release(out);
		return -1;
	}
	release(out);
	return 0;
}

void eg_out_abort(eg_out *out)
{
	if (out->tmp_path) {
		fclose(out->fp);
		unlink(out->tmp_path);
	} else if (out->path) {
		fclose(out->fp);
	}
	release(out);
}
