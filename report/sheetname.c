/*
 * sheetname.c - a worksheet name Excel accepts: see sheetname.h.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "sheetname.h"

/* Copy s into out (cap bytes) cut to at most max characters (UTF-8 code
 * points), never inside one. */
static void cut_chars(char *out, size_t cap, const char *s, int max)
{
	size_t i = 0;
	int n = 0;

	for (; s[i] && i + 1 < cap; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80 && n++ == max)
			break;
		out[i] = s[i];
	}
	/* a character cut by cap: drop its first bytes too */
	while (i && s[i] && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	out[i] = '\0';
}

/* Drop apostrophes and spaces from both ends of s. */
static void trim_ends(char *s)
{
	size_t k = strlen(s), from = 0;

	while (k && (s[k - 1] == '\'' || s[k - 1] == ' '))
		s[--k] = '\0';
	while (s[from] == '\'' || s[from] == ' ')
		from++;
	memmove(s, s + from, strlen(s + from) + 1);
}

void sheetname_make(const char *want, const char (*taken)[SHEETNAME_CAP], int ntaken, char *out)
{
	char clean[512], cand[SHEETNAME_CAP], tail[16];
	size_t k = 0;

	for (const char *s = want ? want : ""; *s && k + 1 < sizeof(clean); s++)
		if (!strchr("[]:*?/\\", *s) && (unsigned char)*s >= 0x20 && *s != 0x7f)
			clean[k++] = *s;
	clean[k] = '\0';
	trim_ends(clean);
	if (!clean[0] || strcasecmp(clean, "History") == 0)
		snprintf(clean + strlen(clean), sizeof(clean) - strlen(clean), "%sSheet",
			 clean[0] ? " " : "");
	for (int n = 1;; n++) {
		int dup = 0;

		tail[0] = '\0';
		if (n > 1)
			snprintf(tail, sizeof(tail), " (%d)", n);
		cut_chars(cand, sizeof(cand) - strlen(tail), clean, SHEETNAME_MAX - (int)strlen(tail));
		trim_ends(cand); /* a cut may end on a space or an apostrophe */
		strcat(cand, tail);
		for (int i = 0; i < ntaken && !dup; i++)
			dup = strcasecmp(taken[i], cand) == 0;
		if (!dup)
			break;
	}
	snprintf(out, SHEETNAME_CAP, "%s", cand);
}
