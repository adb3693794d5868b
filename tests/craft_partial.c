/* craft_partial IN OUT FIELD VALUE: copies the partial result IN to OUT
 * with one header field changed, or one date replaced, and the checksum
 * made right again, so the file reaches the reader's field checks the way
 * a crafted one would (tests/e2e/merge.sh).  FIELD is version, kind,
 * tokens, shards (the shard count N), held (K) or documents (u64), VALUE
 * a number; or FIELD is date, VALUE a 10-byte string replacing the first
 * date field (a YYYY-MM-DD string of its own).  The checksum is the one of the version IN has.
 * Format version 1 (entgraph before the window budget: no budget field,
 * XXH3-64) is crafted too, so the test can show what an older entgraph
 * did with such files. */
#include "store/partial.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

static void put32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static void put64(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static int is_date_at(const unsigned char *p)
{
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? p[i] != '-' : !(p[i] >= '0' && p[i] <= '9'))
			return 0;
	return 1;
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: craft_partial IN OUT version|kind|tokens|shards|held|documents|date VALUE\n");
		return 2;
	}
	size_t size;
	eg_error err;
	unsigned char *data = (unsigned char *)eg_read_file(argv[1], &size, &err);
	if (!data || size < 64) {
		fprintf(stderr, "craft_partial: %s: not a partial\n", argv[1]);
		return 2;
	}
	uint32_t version = data[8] | (uint32_t)data[9] << 8 | (uint32_t)data[10] << 16 | (uint32_t)data[11] << 24;
	size_t sum = version == 1 ? 8 : 16;
	/* Header offsets: magic 8, version 4, fingerprint 16, then u32 fields. */
	/* Version 2 added the window budget, version 3 the evidence cap. */
	size_t kind = 28, tokens = 32, shards = version == 1 ? 36 : version == 2 ? 40 : 44, held = shards + 4;
	const char *field = argv[3];
	if (strcmp(field, "date") == 0) {
		/* A date field: a string of 10 bytes (its u32 length before it),
		 * not a date inside a longer string such as a file name. */
		size_t at = 4;
		while (at + 10 <= size - sum && !(is_date_at(data + at) && data[at - 4] == 10 && !data[at - 3] &&
						  !data[at - 2] && !data[at - 1]))
			at++;
		if (at + 10 > size - sum || strlen(argv[4]) != 10) {
			fprintf(stderr, "craft_partial: no date to replace, or the new one is not 10 bytes\n");
			free(data);
			return 2;
		}
		memcpy(data + at, argv[4], 10);
	} else {
		uint32_t k = data[held] | (uint32_t)data[held + 1] << 8 | (uint32_t)data[held + 2] << 16 |
			     (uint32_t)data[held + 3] << 24;
		if (strcmp(field, "documents") == 0) {
			if (held + 4 + 4 * (size_t)k + 8 > size) {
				fprintf(stderr, "craft_partial: no documents field\n");
				free(data);
				return 2;
			}
			put64(data + held + 4 + 4 * (size_t)k, strtoull(argv[4], NULL, 10));
		} else {
			size_t at = strcmp(field, "version") == 0 ? 8
				    : strcmp(field, "kind") == 0   ? kind
				    : strcmp(field, "tokens") == 0 ? tokens
				    : strcmp(field, "shards") == 0 ? shards
				    : strcmp(field, "held") == 0   ? held
								   : 0;
			if (!at) {
				fprintf(stderr, "craft_partial: unknown field %s\n", field);
				return 2;
			}
			put32(data + at, (uint32_t)strtoul(argv[4], NULL, 10));
		}
	}
	if (version == 1) {
		XXH64_hash_t h = XXH3_64bits(data, size - 8);
		for (int i = 0; i < 8; i++)
			data[size - 8 + (size_t)i] = (unsigned char)(h >> (8 * i));
	} else {
		eg_partial_checksum(data, size - 16, data + size - 16);
	}
	FILE *fp = fopen(argv[2], "wb");
	if (!fp || fwrite(data, 1, size, fp) != size || fclose(fp) != 0) {
		fprintf(stderr, "craft_partial: cannot write %s\n", argv[2]);
		return 2;
	}
	free(data);
	return 0;
}
