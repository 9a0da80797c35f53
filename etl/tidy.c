/*
 * tidy.c - trimmed values, NUL refused: see tidy.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/util.h"
#include "tidy.h"

/* 1 if what text_trim() cut from s[0..len], leaving t[0..n], holds a
 * Unicode space (any byte above ASCII: only those spaces are cut). */
static int cut_unicode(const char *s, size_t len, const char *t, size_t n)
{
	for (const char *p = s; p < t; p++)
		if ((unsigned char)*p >= 0x80)
			return 1;
	for (const char *p = t + n; p < s + len; p++)
		if ((unsigned char)*p >= 0x80)
			return 1;
	return 0;
}

int tidy_row(const struct canon_in *in, struct canon_in *out, struct tidy *t,
	     struct canon_err *err)
{
	memset(t, 0, sizeof(*t));
	*out = *in;
	for (int f = 0; f < CF_COUNT; f++) {
		const char *v = in->v[f];
		size_t n = in->len[f];

		if (!v || !n)
			continue;
		if (memchr(v, '\0', n)) {
			err->field = f;
			err->col = in->col[f];
			if (in->src[f])
				snprintf(err->msg, sizeof(err->msg), "%s (%s): holds a NUL character",
					 in->src[f], canon_field_name(f));
			else
				snprintf(err->msg, sizeof(err->msg), "%s: holds a NUL character",
					 canon_field_name(f));
			return -1;
		}
		/* A learning theme is any text, stored as written.  Only white
		 * space that holds a Unicode space is cut: ASCII spaces are as
		 * the shape left them (a CSV field's quoted spaces stay). */
		if (f == CF_LEARNING_THEME || !text_trim(&v, &n) || !cut_unicode(in->v[f], in->len[f], v, n))
			continue;
		t->held[f] = xstrndup(v, n);
		out->v[f] = t->held[f];
		out->len[f] = n;
	}
	return 0;
}

void tidy_free(struct tidy *t)
{
	for (int f = 0; f < CF_COUNT; f++)
		free(t->held[f]);
}
