/*
 * loadfile.c - a file to load, read once: see loadfile.h.
 */
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core/msg.h"
#include "loadfile.h"

/* Hash the rest of in; copy it to copy when that is not NULL. */
static int hash_copy(FILE *in, FILE *copy, char out[65])
{
	crypto_hash_sha256_state st;
	unsigned char buf[65536], h[crypto_hash_sha256_BYTES];
	size_t n;

	crypto_hash_sha256_init(&st);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0) {
		crypto_hash_sha256_update(&st, buf, n);
		if (copy && fwrite(buf, 1, n, copy) != n)
			return -1;
	}
	if (ferror(in))
		return -1;
	crypto_hash_sha256_final(&st, h);
	sodium_bin2hex(out, 65, h, sizeof(h));
	return 0;
}

FILE *loadfile_open(const char *path, char sha[65])
{
	FILE *fp = fopen(path, "rb"), *copy;
	struct stat sb;

	if (!fp) {
		error("%s: cannot open: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fileno(fp), &sb) == 0 && S_ISREG(sb.st_mode)) {
		if (hash_copy(fp, NULL, sha) == 0) {
			rewind(fp);
			return fp;
		}
		error("%s: read error: %s", path, strerror(errno));
		fclose(fp);
		return NULL;
	}
	/* A pipe: its bytes are read once, into a copy that can be rewound. */
	copy = tmpfile();
	if (!copy) {
		error("%s: cannot make a temporary copy: %s", path, strerror(errno));
		fclose(fp);
		return NULL;
	}
	if (hash_copy(fp, copy, sha) || fflush(copy) != 0) {
		error("%s: read error: %s", path, strerror(errno));
		fclose(fp);
		fclose(copy);
		return NULL;
	}
	fclose(fp);
	rewind(copy);
	return copy;
}
