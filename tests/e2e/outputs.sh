#!/bin/sh
# Where outputs go and what they leave: /dev/stdout, /dev/fd/N and pipes are
# written through (the /dev/stdout link survives a root run); a symbolic
# link to a file stays a link and its target gets the graph; a re-run keeps
# the output's mode (and owner, as root); SIGINT, SIGTERM and SIGHUP
# mid-run leave no temporary file, the old output intact, the usual exit
# status and a cache the next run can use; the run's own output and cache
# inside an input directory are never read back as articles.
. "$(dirname "$0")/lib.sh"
cd "$EG_SRCDIR" || exit 1

"$ENTGRAPH" extract -o "$TMP/ref.graphml" corpus 2>/dev/null || fail "the reference run failed"

# 2. Descriptors are written through, whatever they point to.  A build
# that renames over /dev/stdout (as root) breaks it for every program on
# the machine: the links are put back, and the breakage reported.
stdout_link=$(readlink /dev/stdout 2>/dev/null)
stderr_link=$(readlink /dev/stderr 2>/dev/null)
restore_dev() {
	for dev in stdout stderr; do
		eval "target=\$${dev}_link"
		if [ -n "$target" ] && [ ! -L "/dev/$dev" ]; then
			fail "a run replaced the /dev/$dev symbolic link"
			rm -f "/dev/$dev" && ln -s "$target" "/dev/$dev"
		fi
	done
}
for name in /dev/stdout /dev/fd/1 /proc/self/fd/1; do
	rm -f "$TMP/fd.graphml"
	"$ENTGRAPH" extract -o "$name" corpus >"$TMP/fd.graphml" 2>"$TMP/err" ||
		fail "-o $name > file: exit $? ($(head -c 300 "$TMP/err"))"
	restore_dev
	cmp -s "$TMP/fd.graphml" "$TMP/ref.graphml" || fail "-o $name > file: not the graph's bytes"
	"$ENTGRAPH" extract -o "$name" corpus 2>"$TMP/err" | cat >"$TMP/fd.graphml"
	cmp -s "$TMP/fd.graphml" "$TMP/ref.graphml" || fail "-o $name | cat: not the graph's bytes ($(head -c 300 "$TMP/err"))"
	restore_dev
done
"$ENTGRAPH" extract --quiet -o /dev/stderr corpus 2>"$TMP/fd.graphml" >/dev/null
restore_dev
cmp -s "$TMP/fd.graphml" "$TMP/ref.graphml" || fail "-o /dev/stderr 2> file: not the graph's bytes"
# A descriptor given as another number, and a partial result through one.
"$ENTGRAPH" extract -o /dev/fd/5 corpus 5>"$TMP/fd.graphml" || fail "-o /dev/fd/5: exit $?"
cmp -s "$TMP/fd.graphml" "$TMP/ref.graphml" || fail "-o /dev/fd/5 5> file: not the graph's bytes"
"$ENTGRAPH" extract --partial "$TMP/ref.part" corpus || fail "--partial FILE: exit $?"
"$ENTGRAPH" extract --partial /dev/stdout corpus | cat >"$TMP/fd.part"
restore_dev
cmp -s "$TMP/fd.part" "$TMP/ref.part" || fail "--partial /dev/stdout | cat: not the partial's bytes"
expect_status 3 "$ENTGRAPH" extract -o /dev/fd/9 corpus
expect_stderr "entgraph: /dev/fd/9: Bad file descriptor"
# Two csv files cannot share one descriptor.
expect_status 2 "$ENTGRAPH" extract -f csv -o /dev/stdout corpus
restore_dev

# A symbolic link to a regular file (relative, through a second link, and
# dangling) stays a link; the file it names is replaced.
mkdir "$TMP/links"
ln -s real.graphml "$TMP/links/link"
ln -s link "$TMP/links/link2"
ln -s new.graphml "$TMP/links/dangling"
printf 'old\n' >"$TMP/links/real.graphml"
for name in link link2 dangling; do
	"$ENTGRAPH" extract -o "$TMP/links/$name" corpus || fail "-o $name: exit $?"
	[ -L "$TMP/links/$name" ] || fail "-o $name replaced the symbolic link with a file"
done
cmp -s "$TMP/links/real.graphml" "$TMP/ref.graphml" || fail "-o link: its target does not hold the graph"
cmp -s "$TMP/links/new.graphml" "$TMP/ref.graphml" || fail "-o dangling-link: its target does not hold the graph"
[ "$(find "$TMP/links" -name '.*tmp-*' | wc -l)" -eq 0 ] || fail "a temporary file was left beside a link"

# 10. A re-run keeps the output's mode (and, as root, its owner and group).
"$ENTGRAPH" extract -o "$TMP/private.graphml" corpus
chmod 600 "$TMP/private.graphml"
"$ENTGRAPH" extract -o "$TMP/private.graphml" -w document corpus
[ "$(stat -c %a "$TMP/private.graphml")" = 600 ] ||
	fail "a 0600 output is $(stat -c %a "$TMP/private.graphml") after a re-run"
chmod 640 "$TMP/private.graphml"
"$ENTGRAPH" extract -f csv -o "$TMP/private" corpus
chmod 600 "$TMP/private.nodes.csv"
"$ENTGRAPH" extract -f csv -o "$TMP/private" -w document corpus
[ "$(stat -c %a "$TMP/private.nodes.csv")" = 600 ] || fail "a 0600 csv output lost its mode"
if [ "$(id -u)" -eq 0 ]; then
	chown 65534:65534 "$TMP/private.graphml"
	"$ENTGRAPH" extract -o "$TMP/private.graphml" corpus
	[ "$(stat -c %u:%g "$TMP/private.graphml")" = 65534:65534 ] ||
		fail "a re-run as root took the output's owner ($(stat -c %u:%g "$TMP/private.graphml"))"
	[ "$(stat -c %a "$TMP/private.graphml")" = 640 ] || fail "chown then re-run: mode $(stat -c %a "$TMP/private.graphml")"
fi
# A new file still gets 0666 less the umask.
(umask 027 && "$ENTGRAPH" extract -o "$TMP/new.graphml" corpus)
[ "$(stat -c %a "$TMP/new.graphml")" = 640 ] || fail "a new output under umask 027 is $(stat -c %a "$TMP/new.graphml")"

# 7. Signals mid-run.  The run reads a generated corpus and then a FIFO;
# once it waits on the FIFO (its writer can open it without blocking), it
# is signalled, the FIFO held open until it is gone.  The shell starts
# background jobs with SIGINT ignored: env gives it back its default.
mkdir "$TMP/gen" "$TMP/sig"
$PYTHON bench/gen-corpus.py "$TMP/gen" 3 13 >/dev/null || fail "could not generate the corpus"
mkfifo "$TMP/sig/wait.txt"
cat >"$TMP/signaller.py" <<'EOF'
import errno, os, signal, sys, time
fifo, pid, name = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def alive():
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
def wait_for(ready):  # up to two minutes
    for _ in range(12000):
        if ready():
            return True
        time.sleep(0.01)
    return False
fd = None
def reader_waits():
    global fd
    try:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        return True
    except OSError as e:
        if e.errno != errno.ENXIO:
            raise
        return not alive()
try:
    if not wait_for(reader_waits) or fd is None:
        sys.exit("the run never waited on " + fifo)
    os.kill(pid, getattr(signal, "SIG" + name))
    if not wait_for(lambda: not alive()):
        sys.exit("SIG%s did not end the run" % name)
finally:
    if alive():
        os.kill(pid, signal.SIGKILL)  # never hang the suite
    if fd is not None:
        os.close(fd)
EOF
"$ENTGRAPH" extract -o "$TMP/sig/g.graphml" "$TMP/gen" 2>/dev/null || fail "the uncached run of the generated corpus failed"
cp "$TMP/sig/g.graphml" "$TMP/sig.want"
# signalled SIGNAL STATUS [options...]: runs extract on gen and the FIFO.
signalled() {
	name=$1 want=$2
	shift 2
	env --default-signal=INT,TERM,HUP "$ENTGRAPH" extract "$@" "$TMP/gen" "$TMP/sig/wait.txt" \
		>"$TMP/sig.out" 2>"$TMP/sig.err" &
	pid=$!
	$PYTHON "$TMP/signaller.py" "$TMP/sig/wait.txt" "$pid" "$name" || fail "SIG$name: could not signal the run"
	wait "$pid"
	got=$?
	[ "$got" -eq "$want" ] || fail "SIG$name mid-run: exit $got, want $want ($(head -c 300 "$TMP/sig.err"))"
	left=$(find "$TMP/sig" -name '.*.tmp-*' | wc -l)
	[ "$left" -eq 0 ] || fail "SIG$name mid-run left $left temporary file(s): $(ls -A "$TMP/sig" | tr "\n" " ")"
	find "$TMP/sig" -name '.*.tmp-*' -exec rm -f {} +
}
signalled INT 130 -o "$TMP/sig/g.graphml"
signalled TERM 143 -o "$TMP/sig/g.graphml" -f gexf
signalled HUP 129 -o "$TMP/sig/g.graphml" -f csv
signalled TERM 143 --partial "$TMP/sig/g.part"
cmp -s "$TMP/sig/g.graphml" "$TMP/sig.want" || fail "a signalled run changed the old output"
# With the cache: killed while matching and storing (writing to standard
# output, the run goes straight to its documents), then with the output.
signalled TERM 143 -j 2 --cache "$TMP/sig/c.db"
signalled INT 130 --cache "$TMP/sig/c.db" -o "$TMP/sig/g.graphml"
cmp -s "$TMP/sig/g.graphml" "$TMP/sig.want" || fail "a signalled cached run changed the old output"
"$ENTGRAPH" extract --cache "$TMP/sig/c.db" -o "$TMP/sig/cached.graphml" "$TMP/gen" 2>"$TMP/err" ||
	fail "the cached run after the signals: exit $? ($(head -c 300 "$TMP/err"))"
cmp -s "$TMP/sig/cached.graphml" "$TMP/sig.want" || fail "after the signals the cache gives another graph"

# 8. The run's own output and cache inside an input directory: each check
# in a fresh copy of the corpus, against a run before they exist.
fresh() {
	rm -rf "$TMP/in"
	mkdir "$TMP/in"
	cp corpus/*.txt "$TMP/in/"
}
fresh
"$ENTGRAPH" extract -o "$TMP/plain.graphml" "$TMP/in" 2>/dev/null
for i in 1 2 3; do
	"$ENTGRAPH" extract --cache "$TMP/in/c.db" -o "$TMP/in/g.graphml" "$TMP/in" 2>"$TMP/err" ||
		fail "run $i with the cache and output in the input: exit $? ($(head -c 300 "$TMP/err"))"
	cmp -s "$TMP/in/g.graphml" "$TMP/plain.graphml" || fail "run $i read its own output or cache back as articles"
done
# Named directly: refused and counted as a skipped input.
expect_status 1 "$ENTGRAPH" extract --cache "$TMP/in/c.db" -o "$TMP/in/g.graphml" "$TMP/in/g.graphml" "$TMP/in/c.db" "$TMP/in"
expect_stderr "entgraph: $TMP/in/g.graphml: this run's own output or cache, not read as an input (skipped)"
expect_stderr "entgraph: $TMP/in/c.db: this run's own output or cache, not read as an input (skipped)"
cmp -s "$TMP/in/g.graphml" "$TMP/plain.graphml" || fail "named as inputs, its own output or cache was read"
# Both csv files, a partial, and standard output redirected there.
fresh
"$ENTGRAPH" extract -f csv -o "$TMP/in/t" "$TMP/in" 2>/dev/null
cp "$TMP/in/t.edges.csv" "$TMP/t.edges.csv"
"$ENTGRAPH" extract -f csv -o "$TMP/in/t" "$TMP/in" 2>"$TMP/err" || fail "csv output in the input: exit $? ($(cat "$TMP/err"))"
cmp -s "$TMP/in/t.edges.csv" "$TMP/t.edges.csv" || fail "the csv files were read back as articles"
fresh
"$ENTGRAPH" extract --partial "$TMP/in/p.part" "$TMP/in" 2>/dev/null
cp "$TMP/in/p.part" "$TMP/p.part"
"$ENTGRAPH" extract --partial "$TMP/in/p.part" "$TMP/in" 2>"$TMP/err" || fail "partial in the input: exit $? ($(cat "$TMP/err"))"
cmp -s "$TMP/in/p.part" "$TMP/p.part" || fail "the partial was read back as an article"
fresh
"$ENTGRAPH" extract "$TMP/in" >"$TMP/in/stdout.graphml" 2>"$TMP/err" || fail "> in/stdout.graphml: exit $?"
cmp -s "$TMP/in/stdout.graphml" "$TMP/plain.graphml" || fail "the graph written to standard output was read back"
# mentions likewise.
fresh
"$ENTGRAPH" mentions -o "$TMP/plain.jsonl" "$TMP/in"
for i in 1 2; do
	"$ENTGRAPH" mentions -o "$TMP/in/m.jsonl" "$TMP/in" 2>"$TMP/err" || fail "mentions run $i: exit $?"
	cmp -s "$TMP/in/m.jsonl" "$TMP/plain.jsonl" || fail "mentions run $i read its own output back"
done

finish
