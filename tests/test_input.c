/* Input: directory walks are recursive, sorted and skip hidden entries;
 * errors name the path and the walk goes on. */
#include "check.h"
#include "input/input.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[] = "/tmp/entgraph-input-XXXXXX";

static void put(const char *rel, const char *text)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	FILE *fp = fopen(path, "wb");
	CHECK(fp != NULL);
	if (fp) {
		fputs(text, fp);
		fclose(fp);
	}
}

static void sub(const char *rel)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	CHECK(mkdir(path, 0755) == 0);
}

int main(void)
{
	CHECK(mkdtemp(root) != NULL);
	sub("b");
	sub("b/c");
	sub(".hidden");
	put("b/c/z.txt", "z");
	put("b/a.txt", "a");
	put("a.txt", "top");
	put("B.txt", "capital");
	put(".dot.txt", "hidden");
	put(".hidden/x.txt", "hidden");
	put("empty.txt", "");
	char link[512], target[512];
	snprintf(link, sizeof(link), "%s/loop", root);
	CHECK(symlink(root, link) == 0); /* a link to a directory is not followed */
	snprintf(link, sizeof(link), "%s/linked.txt", root);
	snprintf(target, sizeof(target), "%s/a.txt", root);
	CHECK(symlink(target, link) == 0); /* a link to a file is */

	char missing[512];
	snprintf(missing, sizeof(missing), "%s/missing.txt", root);
	const char *paths[] = {root, missing, "/dev/null"};
	eg_input *in = eg_input_new(paths, 3, EG_FORMAT_AUTO);
	eg_document doc;
	eg_error err;
	char seen[2048] = "";
	int rc;
	size_t root_len = strlen(root);
	while ((rc = eg_input_next(in, &doc, &err)) != 0) {
		size_t len = strlen(seen);
		if (rc < 0) {
			snprintf(seen + len, sizeof(seen) - len, "error(%s);", err.message + root_len + 1);
			continue;
		}
		const char *id = strncmp(doc.id, root, root_len) == 0 ? doc.id + root_len + 1 : doc.id;
		snprintf(seen + len, sizeof(seen) - len, "%s=%.*s;", id, (int)doc.length, doc.text);
		CHECK(doc.text[doc.length] == '\0');
		eg_document_free(&doc);
	}
	eg_input_free(in);
	CHECK_STR(seen, "B.txt=capital;a.txt=top;b/a.txt=a;b/c/z.txt=z;empty.txt=;linked.txt=top;"
			"error(missing.txt: No such file or directory);/dev/null=;");

	char cmd[600];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	CHECK(system(cmd) == 0);
	return check_result("input");
}
