/*
 * pseudo.c - keys and keyed hashes with libsodium: see pseudo.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/msg.h"
#include "core/text.h"
#include "core/util.h"
#include "pseudo.h"

void pseudo_init(void)
{
	if (sodium_init() < 0)
		die(EXIT_ENV, "libsodium: cannot initialise");
}

int pseudo_key_create(const char *path)
{
	unsigned char key[PSEUDO_KEY_BYTES];
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	ssize_t n;

	if (fd < 0) {
		if (errno == EEXIST)
			return 0;
		return error("%s: cannot create key file: %s", path, strerror(errno));
	}
	randombytes_buf(key, sizeof(key));
	n = write(fd, key, sizeof(key));
	sodium_memzero(key, sizeof(key));
	if (n != (ssize_t)sizeof(key) || fsync(fd) != 0) {
		close(fd);
		unlink(path);
		return error("%s: cannot write key file: %s", path, strerror(errno));
	}
	if (close(fd) != 0)
		return error("%s: cannot write key file: %s", path, strerror(errno));
	return 1;
}

/* Whoever can read the key can re-identify every pseudonym: say so when
 * the file is open to its group or to others. */
static void key_mode_check(int fd, const char *path)
{
	struct stat st;

	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077))
		warning("%s: the key file can be read by others (mode %04o); run 'chmod 600 %s'",
			path, (unsigned)(st.st_mode & 07777), path);
}

int pseudo_key_read(const char *path, unsigned char key[PSEUDO_KEY_BYTES])
{
	int fd = open(path, O_RDONLY);
	ssize_t n;
	unsigned char extra;

	if (fd < 0)
		return error("%s: cannot read key file: %s (run 'oversight init', or give --key-file)",
			     path, strerror(errno));
	n = read(fd, key, PSEUDO_KEY_BYTES);
	if (n == PSEUDO_KEY_BYTES && read(fd, &extra, 1) == 0) {
		key_mode_check(fd, path);
		close(fd);
		return 0;
	}
	close(fd);
	return error("%s: not a key file (it must hold exactly %d bytes)", path, PSEUDO_KEY_BYTES);
}

void pseudo_fingerprint(const unsigned char key[PSEUDO_KEY_BYTES], char out[17])
{
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	static const char label[] = "oversight key fingerprint";

	crypto_auth_hmacsha256(mac, (const unsigned char *)label, sizeof(label) - 1, key);
	util_hex(mac, 8, out);
}

struct pseudo_hmac {
	crypto_auth_hmacsha256_state keyed; /* after init with the key */
};

struct pseudo_hmac *pseudo_hmac_new(const unsigned char key[PSEUDO_KEY_BYTES])
{
	struct pseudo_hmac *h = xmalloc(sizeof(*h));

	crypto_auth_hmacsha256_init(&h->keyed, key, PSEUDO_KEY_BYTES);
	return h;
}

void pseudo_hmac_free(struct pseudo_hmac *h)
{
	if (!h)
		return;
	sodium_memzero(h, sizeof(*h));
	free(h);
}

int pseudo_case_key_h(const struct pseudo_hmac *h, const char *partnership, const char *raw,
		      size_t len, char out[PSEUDO_HEX])
{
	crypto_auth_hmacsha256_state st;
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	unsigned char norm[256];
	/* Cut at sizeof(norm): the loader rejects references this long. */
	size_t n = text_case_norm(raw, len, norm, sizeof(norm));

	if (n == 0)
		return -1;
	st = h->keyed;
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)partnership, strlen(partnership));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"\n", 1);
	crypto_auth_hmacsha256_update(&st, norm, n);
	crypto_auth_hmacsha256_final(&st, mac);
	sodium_memzero(norm, sizeof(norm));
	sodium_memzero(&st, sizeof(st));
	util_hex(mac, 16, out);
	return 0;
}

int pseudo_case_key(const unsigned char key[PSEUDO_KEY_BYTES], const char *partnership,
		    const char *raw, size_t len, char out[PSEUDO_HEX])
{
	struct pseudo_hmac *h = pseudo_hmac_new(key);
	int rc = pseudo_case_key_h(h, partnership, raw, len, out);

	pseudo_hmac_free(h);
	return rc;
}

void pseudo_short_ref_h(const struct pseudo_hmac *h, const char *partnership, const char *ref,
			char out[9])
{
	crypto_auth_hmacsha256_state st = h->keyed;
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	char x[9];

	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"ref\n", 4);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)partnership, strlen(partnership));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"\n", 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)ref, strlen(ref));
	crypto_auth_hmacsha256_final(&st, mac);
	sodium_memzero(&st, sizeof(st));
	util_hex(mac, 4, x);
	out[0] = 'E';
	for (int i = 0; i < 7; i++)
		out[i + 1] = (char)(x[i] >= 'a' ? x[i] - 'a' + 'A' : x[i]);
	out[8] = '\0';
}

void pseudo_short_ref(const unsigned char key[PSEUDO_KEY_BYTES], const char *partnership,
		      const char *ref, char out[9])
{
	struct pseudo_hmac *h = pseudo_hmac_new(key);

	pseudo_short_ref_h(h, partnership, ref, out);
	pseudo_hmac_free(h);
}

void pseudo_digest(const void *data, size_t len, char out[PSEUDO_HEX])
{
	unsigned char d[16];

	crypto_generichash(d, sizeof(d), data, len, NULL, 0);
	util_hex(d, sizeof(d), out);
}
