/*
 * text.c - values quoted in messages, case references compared: see text.h.
 */
#include <string.h>

#include "text.h"

const char *text_quote(const char *s, size_t n, int mask, char *buf, size_t cap)
{
	size_t keep_n = n > 40 ? 40 : n, j = 0;

	if (mask)
		return TEXT_MASKED;
	for (size_t i = 0; i < keep_n && j + 4 < cap; i++) {
		unsigned char c = (unsigned char)s[i];

		buf[j++] = (c < 32 || c == 127) ? '?' : (char)c;
	}
	if (keep_n < n && j + 4 < cap) {
		memcpy(buf + j, "...", 3);
		j += 3;
	}
	buf[j] = '\0';
	return buf;
}

size_t text_case_norm(const char *raw, size_t len, unsigned char *out, size_t cap)
{
	size_t n = 0;

	for (size_t i = 0; i < len && n < cap; i++) {
		unsigned char c = (unsigned char)raw[i];

		if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (unsigned char)(c - 'a' + 'A');
		out[n++] = c;
	}
	return n;
}

int text_case_same(const char *a, size_t alen, const char *b, size_t blen)
{
	unsigned char na[256], nb[256];
	size_t la = text_case_norm(a, alen, na, sizeof(na));
	size_t lb = text_case_norm(b, blen, nb, sizeof(nb));

	return la == lb && memcmp(na, nb, la) == 0;
}
