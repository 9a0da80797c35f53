/*
 * fuzz_text.c - the text rules every value passes on its way in:
 * text_trim(), text_quote(), text_case_norm(), text_json_mark_nul() and
 * tidy_row() over a record of the input's \x1f-separated values.
 *
 * Checked: a trimmed value lies inside the value and trims no further; a
 * masked quote is the mask whatever the value, and an unmasked one holds
 * no control character and is at most 43 bytes; a case reference's normal
 * form is its own normal form and names the same case; the JSON marking
 * never grows the text and keeps it NUL-terminated; a tidied record's
 * values lie inside their trimmed copies or the input, and hold no NUL.
 */
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "core/text.h"
#include "etl/tidy.h"

static void check_text(const char *s, size_t n)
{
	const char *t = s;
	size_t tl = n;
	char q[64];
	unsigned char norm[256], again[256];
	size_t nn, na;

	text_trim(&t, &tl);
	if (t < s || t + tl > s + n)
		abort();
	if (text_trim(&t, &tl))
		abort(); /* trimming is idempotent */
	if (strcmp(text_quote(s, n, 1, q, sizeof(q)), TEXT_MASKED) != 0)
		abort();
	text_quote(s, n, 0, q, sizeof(q));
	if (strlen(q) > 43)
		abort();
	for (const unsigned char *p = (const unsigned char *)q; *p; p++)
		if (*p < 32 || *p == 127)
			abort();
	nn = text_case_norm(s, n, norm, sizeof(norm));
	if (nn > sizeof(norm))
		abort();
	na = text_case_norm((const char *)norm, nn, again, sizeof(again));
	if (na != nn || memcmp(norm, again, nn) != 0)
		abort();
	if (nn < sizeof(norm) && !text_case_same(s, n, (const char *)norm, nn))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), *p;
	struct canon_in in, out;
	struct canon_err err;
	struct tidy t;
	size_t n;
	int f = 0;

	if (!buf)
		abort();
	memcpy(buf, data, size);
	buf[size] = '\0';
	check_text(buf, size);

	memset(&in, 0, sizeof(in));
	in.line = 2;
	p = buf;
	while (f < CF_COUNT) {
		char *e = memchr(p, 0x1f, size - (size_t)(p - buf));

		in.v[f] = p;
		in.len[f] = e ? (size_t)(e - p) : size - (size_t)(p - buf);
		in.col[f] = f + 1;
		f++;
		if (!e)
			break;
		p = e + 1;
	}
	memset(&t, 0, sizeof(t));
	if (tidy_row(&in, &out, &t, &err) == 0)
		for (f = 0; f < CF_COUNT; f++)
			if (out.v[f] && memchr(out.v[f], '\0', out.len[f]))
				abort();
	tidy_free(&t);

	/* Last: the marking rewrites buf in place. */
	n = text_json_mark_nul(buf, size);
	if (n > size || buf[n] != '\0')
		abort();
	free(buf);
	return 0;
}
