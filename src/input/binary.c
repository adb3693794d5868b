#include "input/binary.h"

#include <string.h>

typedef struct signature {
	size_t offset;
	const char *bytes;
	size_t length;
	const char *kind;
} signature;

#define SIG(offset, bytes, kind) {offset, bytes, sizeof(bytes) - 1, kind}

/* Signatures long or odd enough that no article starts with them (file(1)'s
 * magic, shortened); the weak ones (BMP's "BM", DOS's "MZ") are left to the
 * NUL test, which their headers fail. */
static const signature signatures[] = {
	SIG(0, "\x89PNG\r\n\x1a\n", "PNG image"),
	SIG(0, "\xff\xd8\xff", "JPEG image"),
	SIG(0, "GIF87a", "GIF image"),
	SIG(0, "GIF89a", "GIF image"),
	SIG(0, "II*\0", "TIFF image"),
	SIG(0, "MM\0*", "TIFF image"),
	SIG(0, "\0\0\1\0", "ICO image"),
	SIG(4, "ftypavif", "AVIF image"),
	SIG(4, "ftypheic", "HEIC image"),
	SIG(0, "%PDF-", "PDF document"),
	SIG(0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"),
	SIG(0, "PK\3\4", "ZIP archive"),
	SIG(0, "PK\5\6", "ZIP archive"),
	SIG(0, "PK\7\x08", "ZIP archive"),
	SIG(0, "7z\xbc\xaf\x27\x1c", "7z archive"),
	SIG(0, "Rar!\x1a\x07", "RAR archive"),
	SIG(0, "\xfd" "7zXZ\0", "xz archive"),
	SIG(0, "\x28\xb5\x2f\xfd", "zstd archive"),
	SIG(257, "ustar", "tar archive"),
	SIG(0, "\x7f" "ELF", "ELF executable"),
	SIG(0, "\xfe\xed\xfa\xce", "Mach-O executable"),
	SIG(0, "\xfe\xed\xfa\xcf", "Mach-O executable"),
	SIG(0, "\xce\xfa\xed\xfe", "Mach-O executable"),
	SIG(0, "\xcf\xfa\xed\xfe", "Mach-O executable"),
	SIG(0, "\xca\xfe\xba\xbe", "Mach-O executable"),
	SIG(0, "\0asm", "WebAssembly module"),
	SIG(0, "SQLite format 3\0", "SQLite database"),
	SIG(0, "OggS", "Ogg audio"),
	SIG(0, "fLaC", "FLAC audio"),
	SIG(0, "MThd", "MIDI audio"),
	SIG(0, "\x1a\x45\xdf\xa3", "Matroska video"),
	SIG(0, "FLV\1", "FLV video"),
	SIG(0, "\0\0\1\xba", "MPEG video"),
	SIG(0, "\0\0\1\xb3", "MPEG video"),
	SIG(4, "ftyp", "MP4 video"),
};

static int at(const unsigned char *p, size_t n, size_t offset, const char *bytes, size_t length)
{
	return n >= offset + length && memcmp(p + offset, bytes, length) == 0;
}

const char *eg_binary_kind(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < sizeof(signatures) / sizeof(signatures[0]); i++) {
		const signature *s = &signatures[i];
		if (at(p, n, s->offset, s->bytes, s->length))
			return s->kind;
	}
	/* RIFF holds WAV, AVI and WebP: the form type says which. */
	if (at(p, n, 0, "RIFF", 4)) {
		if (at(p, n, 8, "WAVE", 4))
			return "WAV audio";
		if (at(p, n, 8, "AVI ", 4))
			return "AVI video";
		if (at(p, n, 8, "WEBP", 4))
			return "WebP image";
	}
	/* bzip2: "BZh", the block size 1-9, then the block magic (pi). */
	if (n >= 10 && at(p, n, 0, "BZh", 3) && p[3] >= '1' && p[3] <= '9' && at(p, n, 4, "1AY&SY", 6))
		return "bzip2 archive";
	if (n >= 10 && at(p, n, 0, "BZh", 3) && p[3] >= '1' && p[3] <= '9' && at(p, n, 4, "\x17\x72\x45\x38\x50\x90", 6))
		return "bzip2 archive"; /* an empty stream */
	/* MP3: an ID3v2 tag (version 2 to 4), or a frame header at once. */
	if (n >= 10 && at(p, n, 0, "ID3", 3) && p[3] >= 2 && p[3] <= 4 && p[4] < 0xff)
		return "MP3 audio";
	if (n >= 4 && p[0] == 0xff && (p[1] & 0xe0) == 0xe0 && (p[1] & 0x18) != 0x08 && (p[1] & 0x06) &&
	    (p[2] & 0xf0) != 0xf0)
		return "MP3 audio";
	/* A Windows executable: "MZ", and at the offset its header gives, "PE\0\0". */
	if (n >= 64 && at(p, n, 0, "MZ", 2)) {
		size_t pe = (size_t)p[60] | (size_t)p[61] << 8 | (size_t)p[62] << 16 | (size_t)p[63] << 24;
		if (at(p, n, pe, "PE\0\0", 4))
			return "Windows executable";
	}
	return NULL;
}

/* UTF-16 text (without a byte order mark, which the readers look for
 * themselves): in its ASCII every other byte is NUL, on one side only. */
static int looks_utf16(const unsigned char *p, size_t n)
{
	size_t zeros[2] = {0, 0};
	for (size_t i = 0; i < n; i++)
		if (!p[i])
			zeros[i & 1]++;
	size_t pairs = n / 2;
	return pairs && (zeros[0] * 2 >= pairs || zeros[1] * 2 >= pairs) && (!zeros[0] || !zeros[1]);
}

int eg_binary_data(const unsigned char *p, size_t n)
{
	if (n > EG_BINARY_SAMPLE)
		n = EG_BINARY_SAMPLE;
	if (n >= 2 && ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe && p[1] == 0xff)))
		return 0; /* a UTF-16 byte order mark */
	/* A stray NUL or control byte in an article (a bad copy, a broken
	 * encoding) leaves it text; compressed or encoded data has one byte in
	 * ten of them, headers and tables more. */
	size_t controls = 0, nuls = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		if (!c)
			nuls++;
		else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) || c == 0x7f)
			controls++;
	}
	if (nuls && looks_utf16(p, n))
		nuls = 0;
	return (controls + nuls) * EG_BINARY_CONTROL_SHARE > n;
}
