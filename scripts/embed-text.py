"""Turns a text file into a C file that holds it as one NUL-terminated
array: embed-text.py INPUT OUTPUT NAME (meson runs it at build time)."""
import sys

source, target, name = sys.argv[1:4]
data = open(source, "rb").read()
with open(target, "w", encoding="ascii") as out:
    out.write("/* Written by scripts/embed-text.py from %s; do not edit. */\n" % source.split("/")[-1])
    out.write("#include <stddef.h>\n\n")
    out.write("const char %s[] = {\n" % name)
    for i in range(0, len(data), 16):
        out.write("\t" + ", ".join("%d" % b for b in data[i:i + 16]) + ",\n")
    out.write("\t0,\n};\nconst size_t %s_size = %d;\n" % (name, len(data)))
