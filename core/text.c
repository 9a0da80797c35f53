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

/* The length of the white space character at s[0..n], or 0. */
static size_t space_at(const unsigned char *s, size_t n)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r'))
		return 1;
	if (n >= 2 && s[0] == 0xc2 && s[1] == 0xa0)
		return 2;
	if (n < 3)
		return 0;
	if ((s[0] == 0xe1 && s[1] == 0x9a && s[2] == 0x80) ||
	    (s[0] == 0xe2 && s[1] == 0x80 && ((s[2] >= 0x80 && s[2] <= 0x8a) || s[2] == 0xaf)) ||
	    (s[0] == 0xe2 && s[1] == 0x81 && s[2] == 0x9f) ||
	    (s[0] == 0xe3 && s[1] == 0x80 && s[2] == 0x80) ||
	    (s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf))
		return 3;
	return 0;
}

/* The length of the white space character ending at s[n - 1], or 0. */
static size_t space_before(const unsigned char *s, size_t n)
{
	for (size_t k = 1; k <= 3 && k <= n; k++)
		if (space_at(s + n - k, k) == k)
			return k;
	return 0;
}

int text_trim(const char **s, size_t *len)
{
	const unsigned char *p = (const unsigned char *)*s;
	size_t n = *len, k;

	while ((k = space_at(p, n)) != 0) {
		p += k;
		n -= k;
	}
	while ((k = space_before(p, n)) != 0)
		n -= k;
	if (n == *len)
		return 0;
	*s = (const char *)p;
	*len = n;
	return 1;
}

size_t text_json_mark_nul(char *body, size_t len)
{
	int in_string = 0;

	for (size_t i = 0; i < len; i++) {
		if (!in_string) {
			in_string = body[i] == '"';
			continue;
		}
		if (body[i] == '"') {
			in_string = 0;
		} else if (body[i] == '\\' && i + 1 < len) {
			if (i + 5 < len && memcmp(body + i + 1, "u0000", 5) == 0) {
				body[i] = TEXT_JSON_NUL;
				memmove(body + i + 1, body + i + 6, len - i - 6 + 1);
				len -= 5;
			} else {
				i++; /* the escaped character, a quote perhaps */
			}
		}
	}
	return len;
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
