/* Atomic output: commit replaces the file whole, abort leaves the old one,
 * nothing temporary stays behind, failures name the file. */
#include "check.h"
#include "output/atomic.h"
#include "util/cleanup.h"

#include <dirent.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[] = "/tmp/entgraph-atomic-XXXXXX";

static char *slurp(const char *path)
{
	static char buf[256];
	FILE *fp = fopen(path, "r");
	if (!fp)
		return NULL;
	size_t n = fread(buf, 1, sizeof(buf) - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

static int entries(void)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

int main(void)
{
	CHECK(mkdtemp(dir) != NULL);
	char target[512];
	snprintf(target, sizeof(target), "%s/graph.graphml", dir);
	eg_out out;
	eg_error err;

	CHECK_INT(eg_out_open(&out, target, &err), 0);
	/* The temporary file is hidden beside the target, so rename stays on one
	 * file system. */
	char prefix[560];
	snprintf(prefix, sizeof(prefix), "%s/.graph.graphml.tmp-", dir);
	CHECK(out.tmp_path && strncmp(out.tmp_path, prefix, strlen(prefix)) == 0);
	fputs("first", out.fp);
	CHECK(slurp(target) == NULL); /* nothing at the target until commit */
	CHECK_INT(eg_out_commit(&out, &err), 0);
	CHECK_STR(slurp(target), "first");
	CHECK_INT(entries(), 1);
	struct stat st;
	CHECK(stat(target, &st) == 0 && (st.st_mode & 0777) == (0666 & ~(mode_t)umask(022)));

	/* Abort: the old file stays, the temporary goes. */
	CHECK_INT(eg_out_open(&out, target, &err), 0);
	fputs("second, half-written", out.fp);
	CHECK_INT(entries(), 2);
	eg_out_abort(&out);
	CHECK_STR(slurp(target), "first");
	CHECK_INT(entries(), 1);

	/* Commit again replaces it, keeping its mode whatever the umask: a
	 * private output stays private. */
	CHECK(chmod(target, 0600) == 0);
	mode_t previous = umask(022);
	CHECK_INT(eg_out_open(&out, target, &err), 0);
	fputs("third", out.fp);
	CHECK_INT(eg_out_commit(&out, &err), 0);
	CHECK_STR(slurp(target), "third");
	CHECK(stat(target, &st) == 0 && (st.st_mode & 0777) == 0600);
	/* A new file gets its permissions from the umask of the moment. */
	char fresh[560];
	snprintf(fresh, sizeof(fresh), "%s/fresh.graphml", dir);
	umask(027);
	CHECK_INT(eg_out_open(&out, fresh, &err), 0);
	CHECK_INT(eg_out_commit(&out, &err), 0);
	umask(previous);
	CHECK(stat(fresh, &st) == 0 && (st.st_mode & 0777) == 0640);
	CHECK(unlink(fresh) == 0);

	/* A directory that does not exist. */
	char missing[700];
	snprintf(missing, sizeof(missing), "%s/no/such/graph.graphml", dir);
	CHECK_INT(eg_out_open(&out, missing, &err), -1);
	char want[800];
	snprintf(want, sizeof(want), "%s: cannot create a file there: No such file or directory", missing);
	CHECK_STR(err.message, want);

	/* A commit that cannot rename (here the temporary file vanished)
	 * fails, naming the target, and leaves the old file. */
	CHECK_INT(eg_out_open(&out, target, &err), 0);
	fputs("fourth", out.fp);
	CHECK(unlink(out.tmp_path) == 0);
	CHECK_INT(eg_out_commit(&out, &err), -1);
	CHECK(strstr(err.message, "graph.graphml: No such file or directory; the previous file, if any, is unchanged") != NULL);
	CHECK_STR(slurp(target), "third");
	CHECK_INT(entries(), 1);

	/* A device is written in place, never renamed over (that would
	 * replace /dev/null with a regular file). */
	CHECK_INT(eg_out_open(&out, "/dev/null", &err), 0);
	CHECK(out.tmp_path == NULL);
	fputs("discarded", out.fp);
	CHECK_INT(eg_out_commit(&out, &err), 0);
	CHECK(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));
	/* A directory is refused at once. */
	CHECK_INT(eg_out_open(&out, dir, &err), -1);

	/* A symbolic link stays a link: the file it names is replaced, through
	 * a temporary file beside that one. */
	char link[560], subdir[560], real[600], inner[600];
	snprintf(link, sizeof(link), "%s/link.graphml", dir);
	snprintf(subdir, sizeof(subdir), "%s/sub", dir);
	snprintf(real, sizeof(real), "%s/real.graphml", subdir);
	snprintf(inner, sizeof(inner), "%s/.real.graphml.tmp-", subdir);
	CHECK(mkdir(subdir, 0755) == 0);
	CHECK(symlink("sub/real.graphml", link) == 0);
	CHECK_INT(eg_out_open(&out, link, &err), 0);
	CHECK(out.tmp_path && strncmp(out.tmp_path, inner, strlen(inner)) == 0);
	fputs("through the link", out.fp);
	CHECK_INT(eg_out_commit(&out, &err), 0);
	CHECK(lstat(link, &st) == 0 && S_ISLNK(st.st_mode));
	CHECK_STR(slurp(real), "through the link");
	CHECK(chmod(real, 0640) == 0);
	CHECK_INT(eg_out_open(&out, link, &err), 0);
	fputs("again", out.fp);
	CHECK_INT(eg_out_commit(&out, &err), 0);
	CHECK(lstat(link, &st) == 0 && S_ISLNK(st.st_mode));
	CHECK(stat(real, &st) == 0 && (st.st_mode & 0777) == 0640);
	CHECK_STR(slurp(real), "again");
	CHECK(unlink(link) == 0 && unlink(real) == 0 && rmdir(subdir) == 0);

	/* A descriptor's name is written through a copy of it: nothing
	 * truncated, renamed or closed. */
	CHECK_INT(eg_out_descriptor("/dev/stdout"), 1);
	CHECK_INT(eg_out_descriptor("/dev/stderr"), 2);
	CHECK_INT(eg_out_descriptor("/dev/fd/17"), 17);
	CHECK_INT(eg_out_descriptor("/proc/self/fd/3"), 3);
	CHECK_INT(eg_out_descriptor("/dev/fd/"), -1);
	CHECK_INT(eg_out_descriptor("/dev/fd/1x"), -1);
	CHECK_INT(eg_out_descriptor("/dev/fd/99999999999"), -1);
	CHECK_INT(eg_out_descriptor("/dev/null"), -1);
	int pipe_fds[2];
	CHECK(pipe(pipe_fds) == 0);
	char fd_name[64];
	snprintf(fd_name, sizeof(fd_name), "/dev/fd/%d", pipe_fds[1]);
	CHECK_INT(eg_out_open(&out, fd_name, &err), 0);
	CHECK(out.tmp_path == NULL);
	fputs("piped", out.fp);
	CHECK_INT(eg_out_commit(&out, &err), 0);
	CHECK(write(pipe_fds[1], "!", 1) == 1); /* still open */
	char piped[16] = {0};
	CHECK(read(pipe_fds[0], piped, sizeof(piped) - 1) == 6);
	CHECK_STR(piped, "piped!");
	snprintf(fd_name, sizeof(fd_name), "/proc/self/fd/%d", pipe_fds[0]);
	CHECK_INT(eg_out_open(&out, fd_name, &err), -1); /* the reading end */
	close(pipe_fds[0]);
	close(pipe_fds[1]);
	CHECK_INT(eg_out_open(&out, "/dev/fd/987", &err), -1);
	CHECK_STR(err.message, "/dev/fd/987: Bad file descriptor");

	/* A signal removes the temporary file and ends the process as the
	 * signal would have; the old output stays. */
	pid_t child = fork();
	if (child == 0) {
		eg_cleanup_signals();
		if (eg_out_open(&out, target, &err) == 0) {
			fputs("interrupted", out.fp);
			fflush(out.fp);
			raise(SIGTERM);
		}
		_exit(0);
	}
	int status = 0;
	CHECK(child > 0 && waitpid(child, &status, 0) == child);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
	CHECK_STR(slurp(target), "third");
	CHECK_INT(entries(), 1);

	/* The registry holds so many paths, and no longer ones. */
	int added = 0;
	char many[64];
	for (int i = 0; i < EG_CLEANUP_SLOTS + 1; i++) {
		snprintf(many, sizeof(many), "never-made-%d", i);
		added += eg_cleanup_add(many) == 0;
	}
	CHECK_INT(added, EG_CLEANUP_SLOTS);
	eg_cleanup_remove("never-made-3");
	CHECK_INT(eg_cleanup_add("never-made-again"), 0);
	static char longest[EG_CLEANUP_PATH_MAX + 1];
	memset(longest, 'x', EG_CLEANUP_PATH_MAX);
	CHECK_INT(eg_cleanup_add(longest), -1);

	/* "-" is standard output. */
	CHECK_INT(eg_out_open(&out, "-", &err), 0);
	CHECK(out.fp == stdout);
	CHECK_INT(eg_out_commit(&out, &err), 0);

	char cmd[600];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	CHECK(system(cmd) == 0);
	return check_result("atomic");
}
