/*
 * pseudo.h - pseudonymisation: the warehouse key and keyed hashes.
 *
 * Case references never reach the warehouse: each is replaced at load by
 * HMAC-SHA256(key, partnership "\n" normalised reference), written as 32
 * hex digits (the first 128 bits).  The key is 32 random bytes in a file
 * of mode 0600 beside the warehouse ("<warehouse>.key"); whoever lacks it
 * cannot link a case_key back to a child, and the same key gives the same
 * case_key in every load, which is what reconciliation needs.  The
 * warehouse stores the key's fingerprint and refuses a different key.
 */
#ifndef OVERSIGHT_MODEL_PSEUDO_H
#define OVERSIGHT_MODEL_PSEUDO_H

#include <stddef.h>

#define PSEUDO_KEY_BYTES 32
#define PSEUDO_HEX 33 /* 32 hex digits and a NUL */

/* Initialise libsodium; dies when it cannot. */
void pseudo_init(void);

/* Create the key file (0600) unless it exists.  Returns 1 created, 0 it
 * already existed, -1 on error (printed). */
int pseudo_key_create(const char *path);

/* Read the key file into key; 0 or -1 with an error printed. */
int pseudo_key_read(const char *path, unsigned char key[PSEUDO_KEY_BYTES]);

/* The key's fingerprint: 16 hex digits, not reversible to the key. */
void pseudo_fingerprint(const unsigned char key[PSEUDO_KEY_BYTES], char out[17]);

/*
 * The case_key of a raw case reference: white space removed and ASCII
 * letters upper-cased first, so "cs 104 233" and "CS104233" agree.  Returns
 * 0, or -1 when nothing is left after normalising (treated as no case).
 */
int pseudo_case_key(const unsigned char key[PSEUDO_KEY_BYTES], const char *partnership,
		    const char *raw, size_t len, char out[PSEUDO_HEX]);

/* A short pseudonymous reference for reports: "E" and 7 hex digits of the
 * keyed hash of partnership and the source ref. */
void pseudo_short_ref(const unsigned char key[PSEUDO_KEY_BYTES], const char *partnership,
		      const char *ref, char out[9]);

/*
 * The same two keyed hashes for many rows: the HMAC's keyed state is
 * computed once (pseudo_hmac_new()) and copied for each row, instead of
 * hashing the key's pads again every time.  pseudo_hmac_free() wipes it.
 */
struct pseudo_hmac;
struct pseudo_hmac *pseudo_hmac_new(const unsigned char key[PSEUDO_KEY_BYTES]);
void pseudo_hmac_free(struct pseudo_hmac *h);
int pseudo_case_key_h(const struct pseudo_hmac *h, const char *partnership, const char *raw,
		      size_t len, char out[PSEUDO_HEX]);
void pseudo_short_ref_h(const struct pseudo_hmac *h, const char *partnership, const char *ref,
			char out[9]);

/* Unkeyed digest (BLAKE2b-128, hex) of a byte string: row "unchanged" tests. */
void pseudo_digest(const void *data, size_t len, char out[PSEUDO_HEX]);

#endif
