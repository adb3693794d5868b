/* Atomic output: commit replaces the file whole, abort leaves the old one,
 * nothing temporary stays behind, failures name the file. */
#include "check.h"
#include "output/atomic.h"

#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
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

	/* Commit again replaces it, with permissions from the umask of the
	 * moment. */
	mode_t previous = umask(027);
	CHECK_INT(eg_out_open(&out, target, &err), 0);
	fputs("third", out.fp);
	CHECK_INT(eg_out_commit(&out, &err), 0);
	umask(previous);
	CHECK_STR(slurp(target), "third");
	CHECK(stat(target, &st) == 0 && (st.st_mode & 0777) == 0640);

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

	/* "-" is standard output. */
	CHECK_INT(eg_out_open(&out, "-", &err), 0);
	CHECK(out.fp == stdout);
	CHECK_INT(eg_out_commit(&out, &err), 0);

	char cmd[600];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	CHECK(system(cmd) == 0);
	return check_result("atomic");
}
