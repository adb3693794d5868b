#include "output/atomic.h"
#include "util/cleanup.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void release(eg_out *out)
{
	free(out->path);
	free(out->target);
	free(out->tmp_path);
	out->path = out->target = out->tmp_path = NULL;
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

/* The number after prefix when s is prefix and a plain decimal number. */
static int descriptor_after(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);
	if (strncmp(s, prefix, n) != 0 || s[n] == '\0')
		return -1;
	long fd = 0;
	for (const char *p = s + n; *p; p++) {
		if (*p < '0' || *p > '9' || fd > INT_MAX / 10)
			return -1;
		fd = fd * 10 + (*p - '0');
	}
	return fd <= INT_MAX ? (int)fd : -1;
}

int eg_out_descriptor(const char *path)
{
	if (strcmp(path, "/dev/stdin") == 0)
		return 0;
	if (strcmp(path, "/dev/stdout") == 0)
		return 1;
	if (strcmp(path, "/dev/stderr") == 0)
		return 2;
	int fd = descriptor_after(path, "/dev/fd/");
	return fd >= 0 ? fd : descriptor_after(path, "/proc/self/fd/");
}

/* Follows path's own symbolic links (those of its directories need not be:
 * a rename within the final directory is atomic through them) to what they
 * finally name, which may not exist yet.  Stops at a descriptor's name,
 * whose link on Linux names the open file, not a place to write beside.
 * Returns an allocated path, or NULL with errno set. */
static char *follow_links(const char *path)
{
	char *at = eg_xstrdup(path);
	for (int hops = 0;; hops++) {
		struct stat st;
		if (eg_out_descriptor(at) >= 0 || lstat(at, &st) != 0 || !S_ISLNK(st.st_mode))
			return at;
		if (hops == 40) {
			free(at);
			errno = ELOOP;
			return NULL;
		}
		char link[PATH_MAX];
		ssize_t n = readlink(at, link, sizeof(link));
		if (n < 0 || (size_t)n >= sizeof(link)) {
			int saved = n < 0 ? errno : ENAMETOOLONG;
			free(at);
			errno = saved;
			return NULL;
		}
		eg_buf next = {0};
		const char *slash = strrchr(at, '/');
		if (link[0] != '/' && slash)
			eg_buf_add(&next, at, (size_t)(slash - at) + 1);
		eg_buf_add(&next, link, (size_t)n);
		free(at);
		at = next.data;
	}
}

/* Writes through a copy of an open descriptor, as to standard output:
 * never truncated, renamed or closed under the caller. */
static int open_descriptor(eg_out *out, const char *path, int fd, eg_error *err)
{
	int flags = fcntl(fd, F_GETFL);
	if (flags < 0)
		return eg_error_set(err, "%s: %s", path, strerror(errno));
	if ((flags & O_ACCMODE) == O_RDONLY)
		return eg_error_set(err, "%s: the descriptor is open for reading only", path);
	int copy = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	if (copy < 0 || !(out->fp = fdopen(copy, "wb"))) {
		int saved = errno;
		if (copy >= 0)
			close(copy);
		return eg_error_set(err, "%s: %s", path, strerror(saved));
	}
	out->path = eg_xstrdup(path);
	return 0;
}

/* A new file takes the place of target: with its mode, and its owner and
 * group where permitted, when it exists; else as fopen would create it. */
static void take_over(int fd, const struct stat *existing)
{
	if (!existing) {
		fchmod(fd, 0666 & ~current_umask());
		return;
	}
	/* Owner first: changing it may clear the set-id bits fchmod sets. */
	if (fchown(fd, existing->st_uid, existing->st_gid) != 0 && errno == EPERM &&
	    fchown(fd, (uid_t)-1, existing->st_gid) != 0) {
		/* Not permitted: the file stays ours, as a rewrite by hand would. */
	}
	fchmod(fd, existing->st_mode & 07777);
}

int eg_out_open(eg_out *out, const char *path, eg_error *err)
{
	memset(out, 0, sizeof(*out));
	if (strcmp(path, "-") == 0) {
		out->fp = stdout;
		return 0;
	}
	char *target = follow_links(path);
	if (!target)
		return eg_error_set(err, "%s: %s", path, strerror(errno));
	int fd = eg_out_descriptor(target);
	if (fd >= 0) {
		free(target);
		return open_descriptor(out, path, fd, err);
	}
	struct stat st;
	int exists = stat(target, &st) == 0;
	if (exists && !S_ISREG(st.st_mode)) {
		free(target);
		if (S_ISDIR(st.st_mode))
			return eg_error_set(err, "%s: is a directory", path);
		out->fp = fopen(path, "wb");
		if (!out->fp)
			return eg_error_set(err, "%s: %s", path, strerror(errno));
		out->path = eg_xstrdup(path);
		return 0;
	}
	/* The temporary file sits beside the final target (a symbolic link's
	 * target, so the link stays a link), so rename() is atomic. */
	const char *slash = strrchr(target, '/');
	size_t dir_length = slash ? (size_t)(slash - target) + 1 : 0;
	eg_buf tmp = {0};
	eg_buf_add(&tmp, target, dir_length);
	eg_buf_printf(&tmp, ".%s.tmp-XXXXXX", target + dir_length);
	fd = mkstemp(tmp.data);
	if (fd < 0) {
		int saved = errno;
		eg_buf_free(&tmp);
		free(target);
		return eg_error_set(err, "%s: cannot create a file there: %s", path, strerror(saved));
	}
	/* Best effort: a full registry only means a signal may leave it. */
	eg_cleanup_add(tmp.data);
	/* mkstemp makes the file private; the result should get the usual
	 * permissions, or those of the file it replaces. */
	take_over(fd, exists ? &st : NULL);
	out->fp = fdopen(fd, "wb");
	if (!out->fp) {
		int saved = errno;
		close(fd);
		unlink(tmp.data);
		eg_cleanup_remove(tmp.data);
		eg_buf_free(&tmp);
		free(target);
		return eg_error_set(err, "%s: %s", path, strerror(saved));
	}
	out->path = eg_xstrdup(path);
	out->target = target;
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
	if (!failed && rename(out->tmp_path, out->target) != 0) {
		failed = 1;
		saved = errno;
	}
	if (failed)
		unlink(out->tmp_path);
	/* Only now: a signal before the rename must still remove it. */
	eg_cleanup_remove(out->tmp_path);
	if (failed) {
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
		eg_cleanup_remove(out->tmp_path);
	} else if (out->path) {
		fclose(out->fp);
	}
	release(out);
}
