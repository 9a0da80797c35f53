/*
 * loadfile.c - a file to load, read once: see loadfile.h.
 */
#include <errno.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core/msg.h"
#include "core/util.h"
#include "loadfile.h"

/* Hash the rest of in (SHA-256 by libcrypto, which uses the processor's
 * SHA instructions where it has them); copy it to copy when that is not
 * NULL. */
static int hash_copy(FILE *in, FILE *copy, char out[65])
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	unsigned char buf[65536], h[EVP_MAX_MD_SIZE];
	unsigned int hn = 0;
	size_t n;
	int rc = -1;

	if (!ctx || !EVP_DigestInit_ex(ctx, EVP_sha256(), NULL))
		goto out;
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0) {
		if (!EVP_DigestUpdate(ctx, buf, n) || (copy && fwrite(buf, 1, n, copy) != n))
			goto out;
	}
	if (ferror(in) || !EVP_DigestFinal_ex(ctx, h, &hn) || hn != 32)
		goto out;
	util_hex(h, hn, out);
	rc = 0;
out:
	EVP_MD_CTX_free(ctx);
	return rc;
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
