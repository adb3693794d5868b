#!/bin/sh
# Binary inputs (issue 14, item 8): images, PDF, archives, executables, a
# SQLite database, audio and video, in a folder or named directly, are each
# skipped with "entgraph: FILE: binary file (KIND), skipped", counted among
# the skipped inputs (exit 1) and never read as text: no node from them,
# and the text articles' graph is byte for byte the one of the folder
# without them.  A .tar.gz is inflated first and then seen as tar.  UTF-16
# (NUL bytes beside its ASCII) is no binary file: an HTML page in it is read.
. "$(dirname "$0")/lib.sh"

dir=$TMP/news
mkdir "$dir"
printf 'Microsoft said Azure would host the Unit 8200 archive.\n\nMicrosoft denied it.\n' >"$dir/a-article.txt"
printf 'Unit 8200 used Azure, Microsoft engineers said.\n' >"$dir/b-article.txt"

# The graph of the text articles alone, before any binary file is there.
expect_status 0 "$ENTGRAPH" extract -w paragraph -o "$TMP/text.graphml" "$dir"
[ "$(grep -c '<node ' "$TMP/text.graphml")" -ge 2 ] || fail "the text articles give too few nodes"

# Tiny valid files of each kind, made here (nothing of the machine's).
$PYTHON - "$dir" <<'PY' || fail "could not make the binary files"
import bz2, io, lzma, os, sqlite3, struct, sys, tarfile, zipfile, zlib
d = sys.argv[1]
def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
# A 2x2 RGB PNG whose text chunk holds words the dictionaries know.
rows = b"".join(b"\0" + b"\xff\x00\x00" * 2 for _ in range(2))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
       + chunk(b"tEXt", b"Comment\0Microsoft Azure Unit 8200 IHDR") + chunk(b"IDAT", zlib.compress(rows))
       + chunk(b"IEND", b""))
open(os.path.join(d, "c-photo.png"), "wb").write(png)
# A minimal one-page PDF naming them too, with its cross-reference table.
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>"]
stream = b"BT /F1 12 Tf 10 10 Td (Microsoft Azure Unit 8200) Tj ET"
objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
pdf, offsets = b"%PDF-1.4\n", []
for i, o in enumerate(objs, 1):
    offsets.append(len(pdf))
    pdf += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
pdf += b"".join(b"%010d 00000 n \n" % off for off in offsets)
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(os.path.join(d, "d-report.pdf"), "wb").write(pdf)
# A zip holding an article, stored uncompressed so its text shows.
with zipfile.ZipFile(os.path.join(d, "e-bundle.zip"), "w", zipfile.ZIP_STORED) as z:
    z.writestr("inside.txt", "Microsoft met Unit 8200 about Azure.\n")
# More kinds: tar (and tar.gz), bzip2, xz, SQLite, an ELF header, random
# bytes with NULs (no known signature).
article = b"Microsoft met Unit 8200 about Azure.\n"
def tar_bytes():
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode="w") as t:
        info = tarfile.TarInfo("inside.txt")
        info.size = len(article)
        t.addfile(info, io.BytesIO(article))
    return b.getvalue()
open(os.path.join(d, "f-bundle.tar"), "wb").write(tar_bytes())
import gzip
open(os.path.join(d, "g-bundle.tar.gz"), "wb").write(gzip.compress(tar_bytes(), mtime=0))
open(os.path.join(d, "h-article.txt.bz2"), "wb").write(bz2.compress(article))
open(os.path.join(d, "i-article.txt.xz"), "wb").write(lzma.compress(article))
db = sqlite3.connect(os.path.join(d, "j-store.db"))
db.execute("create table t (body text)")
db.execute("insert into t values (?)", (article.decode(),))
db.commit()
db.close()
open(os.path.join(d, "k-program"), "wb").write(b"\x7fELF\x02\x01\x01" + b"\0" * 57 + article)
open(os.path.join(d, "l-blob"), "wb").write(bytes(range(256)) * 4 + article)
# UTF-16 HTML without a byte order mark, for the HTML reader, and UTF-16
# text beside it: neither is a binary file.
html = "<html><body><p>Microsoft and Unit 8200 talked about Azure.</p></body></html>"
open(os.path.join(d, "m-page.html"), "wb").write(html.encode("utf-16-le"))
open(os.path.join(d, "n-notes"), "wb").write("Notes on Azure.\n".encode("utf-16-be"))
PY

expect_status 1 "$ENTGRAPH" extract -w paragraph -o "$TMP/mixed.graphml" "$dir"
for pair in "c-photo.png:PNG image" "d-report.pdf:PDF document" "e-bundle.zip:ZIP archive" \
	"f-bundle.tar:tar archive" "g-bundle.tar.gz:tar archive" "h-article.txt.bz2:bzip2 archive" \
	"i-article.txt.xz:xz archive" "j-store.db:SQLite database" "k-program:ELF executable" \
	"l-blob:unrecognised binary data"; do
	expect_stderr "entgraph: $dir/${pair%%:*}: binary file (${pair#*:}), skipped"
done
expect_stderr "entgraph: 10 inputs skipped"
[ "$(grep -c 'binary file' "$TMP/err")" -eq 10 ] || fail "not 10 binary files reported: $(cat "$TMP/err")"
grep -q "m-page\|n-notes" "$TMP/err" && fail "UTF-16 was taken for binary: $(cat "$TMP/err")"
grep -qi 'IHDR\|IEND\|endobj\|ustar\|SQLite' "$TMP/mixed.graphml" && fail "a node or snippet comes from a binary file"
# Same nodes and edges as the text alone, plus what the UTF-16 page adds
# (its own document: it names the same entities, so no new node).
$PYTHON - "$TMP/text.graphml" "$TMP/mixed.graphml" "$dir" <<'PY' || fail "the binary files changed the graph"
import sys
import networkx as nx
a, b = nx.read_graphml(sys.argv[1]), nx.read_graphml(sys.argv[2])
if sorted(a.nodes) != sorted(b.nodes):
    sys.exit(f"nodes {sorted(a.nodes)} became {sorted(b.nodes)}")
for _, _, d in b.edges(data=True):
    for doc in (x.strip() for x in str(d.get("evidence", "")).split("|")):
        if doc and not (doc.endswith("-article.txt") or doc.endswith("m-page.html")):
            sys.exit(f"evidence from {doc}")
PY
rm "$dir/m-page.html" "$dir/n-notes"
expect_status 1 "$ENTGRAPH" extract -w paragraph -o "$TMP/mixed.graphml" "$dir"
cmp -s "$TMP/text.graphml" "$TMP/mixed.graphml" ||
	fail "the text articles' graph differs with binary files beside them: $(diff "$TMP/text.graphml" "$TMP/mixed.graphml" | head -10)"

# Named directly, and through mentions too.
expect_status 1 "$ENTGRAPH" extract -o "$TMP/one.graphml" "$dir/c-photo.png" "$dir/a-article.txt"
expect_stderr "entgraph: $dir/c-photo.png: binary file (PNG image), skipped"
expect_stderr "entgraph: 1 input skipped"
expect_status 1 "$ENTGRAPH" mentions -o "$TMP/m.jsonl" "$dir/d-report.pdf" "$dir/b-article.txt"
expect_stderr "entgraph: $dir/d-report.pdf: binary file (PDF document), skipped"
grep -q "d-report.pdf" "$TMP/m.jsonl" && fail "mentions read the PDF"
grep -q "b-article.txt" "$TMP/m.jsonl" || fail "mentions missed the article beside the PDF"
# Whatever --input-format says, a binary file is not read as text.
expect_status 1 "$ENTGRAPH" extract --input-format text -o "$TMP/forced.graphml" "$dir/e-bundle.zip"
expect_stderr "entgraph: $dir/e-bundle.zip: binary file (ZIP archive), skipped"
finish
