/* Binary inputs: the signatures name their kind, text in any of its usual
 * shapes (UTF-8, escapes, UTF-16, a stray NUL) is not taken for binary, and
 * words that start like weak signatures ("BMW", "MZ", "ID3") stay text. */
#include "check.h"
#include "input/binary.h"

#include <string.h>

static const char *kind(const char *bytes, size_t n)
{
	const char *k = eg_binary_kind((const unsigned char *)bytes, n);
	return k ? k : "(text)";
}

#define KIND(literal) kind(literal, sizeof(literal) - 1)
#define DATA(literal) eg_binary_data((const unsigned char *)(literal), sizeof(literal) - 1)

int main(void)
{
	CHECK_STR(KIND("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), "PNG image");
	CHECK_STR(KIND("\xff\xd8\xff\xe0\0\x10JFIF"), "JPEG image");
	CHECK_STR(KIND("GIF89a\1\0"), "GIF image");
	CHECK_STR(KIND("RIFF\0\0\0\0WEBPVP8 "), "WebP image");
	CHECK_STR(KIND("RIFF\0\0\0\0WAVEfmt "), "WAV audio");
	CHECK_STR(KIND("RIFF\0\0\0\0AVI LIST"), "AVI video");
	CHECK_STR(KIND("%PDF-1.7\n"), "PDF document");
	CHECK_STR(KIND("PK\3\4\x14\0"), "ZIP archive");
	CHECK_STR(KIND("7z\xbc\xaf\x27\x1c\0\4"), "7z archive");
	CHECK_STR(KIND("Rar!\x1a\x07\1\0"), "RAR archive");
	CHECK_STR(KIND("\xfd" "7zXZ\0\0"), "xz archive");
	CHECK_STR(KIND("BZh91AY&SY\0"), "bzip2 archive");
	CHECK_STR(KIND("\x28\xb5\x2f\xfd\0"), "zstd archive");
	CHECK_STR(KIND("\x7f" "ELF\2\1\1"), "ELF executable");
	CHECK_STR(KIND("\xcf\xfa\xed\xfe\7\0\0\1"), "Mach-O executable");
	CHECK_STR(KIND("SQLite format 3\0\x10\0"), "SQLite database");
	CHECK_STR(KIND("ID3\4\0\0\0\0\0\0"), "MP3 audio");
	CHECK_STR(KIND("OggS\0\2"), "Ogg audio");
	CHECK_STR(KIND("\0\0\0\x20" "ftypisom"), "MP4 video");
	CHECK_STR(KIND("\x1a\x45\xdf\xa3\x9f"), "Matroska video");
	/* tar: "ustar" at 257. */
	char tar[512];
	memset(tar, 0, sizeof(tar));
	memcpy(tar, "inside.txt", 10);
	memcpy(tar + 257, "ustar", 5);
	CHECK_STR(kind(tar, sizeof(tar)), "tar archive");
	CHECK_STR(kind(tar, 200), "(text)"); /* too short to hold the mark */
	/* Windows: "MZ" with the PE header where it points. */
	char pe[256];
	memset(pe, 0, sizeof(pe));
	memcpy(pe, "MZ", 2);
	pe[60] = (char)128;
	memcpy(pe + 128, "PE\0\0", 4);
	CHECK_STR(kind(pe, sizeof(pe)), "Windows executable");

	/* Text that starts like a weak signature. */
	CHECK_STR(KIND("BMW said on Monday that its profits rose sharply in the quarter."), "(text)");
	CHECK_STR(KIND("MZ Capital, a fund, bought the stake; the deal closed on Friday after talks."), "(text)");
	CHECK_STR(KIND("ID3 was the name of the project, the ministry said."), "(text)");
	CHECK_STR(KIND("PKK fighters"), "(text)");
	CHECK_STR(KIND(""), "(text)");

	/* The NUL and control test. */
	CHECK_INT(DATA("Microsoft met Unit 8200.\n\tIndented.\r\n\f"), 0);
	CHECK_INT(DATA("Z\xc3\xbcrich \xe2\x80\x94 a \x1b[1mbold\x1b[0m word\v"), 0);
	CHECK_INT(DATA("M\0i\0c\0r\0o\0s\0o\0f\0t\0 \0m\0e\0t\0.\0"), 0);  /* UTF-16LE */
	CHECK_INT(DATA("\0M\0i\0c\0r\0o\0s\0o\0f\0t\0 \0m\0e\0t\0."), 0);  /* UTF-16BE */
	CHECK_INT(DATA("\xff\xfeM\0\0\0\0\0\0\0"), 0);                       /* a BOM */
	CHECK_INT(DATA("A stray NUL\0 in a line of plain text, as a bad copy leaves."), 0);
	CHECK_INT(DATA("one \x01 control in a long enough line of plain text"), 0);
	CHECK_INT(DATA("Micro\0soft\0met\0Unit\08200."), 1);
	CHECK_INT(DATA("\x01\x02\x03\x04 text \x05\x06"), 1);
	/* Bytes as compressed data has them: every value alike. */
	unsigned char spread[1024];
	for (size_t i = 0; i < sizeof(spread); i++)
		spread[i] = (unsigned char)(i * 7 + 3);
	CHECK_INT(eg_binary_data(spread, sizeof(spread)), 1);
	CHECK_INT(DATA(""), 0);
	return check_result("binary");
}
