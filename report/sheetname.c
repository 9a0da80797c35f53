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

/* Words a name cut short should not end on: it would read as unfinished. */
static int dangling(const char *w, size_t n)
{
	static const char *const words[] = {"and", "or", "of", "the", "a", "an", "by", "to",
					    "in", "on", "for", "with", "from", "at", NULL};

	for (int i = 0; words[i]; i++)
		if (strlen(words[i]) == n && strncasecmp(w, words[i], n) == 0)
			return 1;
	return 0;
}

/* s was cut from a longer name: end it where a word of the name ended,
 * not inside one ("Timescales, resolution and over" becomes "Timescales,
 * resolution"), without a joining word or a comma at its end, unless
 * that would leave less than half of it. */
static void cut_at_word(char *s, int cut_inside)
{
	size_t k = strlen(s), keep = k;

	if (cut_inside) {
		while (keep && s[keep - 1] != ' ')
			keep--;
	}
	for (;;) {
		size_t w;

		while (keep && strchr(" ,;-", s[keep - 1]))
			keep--;
		w = keep;
		while (w && s[w - 1] != ' ')
			w--;
		if (!keep || !dangling(s + w, keep - w))
			break;
		keep = w;
	}
	if (keep * 2 >= k)
		s[keep] = '\0';
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

/* cand: clean with tail (" (2)", or ""), cut to fit; at a word when
 * word (cut_at_word()).  1 when no name in taken is cand. */
static int candidate(char *cand, const char *clean, const char *tail, int word,
		     const char (*taken)[SHEETNAME_CAP], int ntaken)
{
	cut_chars(cand, SHEETNAME_CAP - strlen(tail), clean, SHEETNAME_MAX - (int)strlen(tail));
	if (word && strlen(cand) < strlen(clean))
		cut_at_word(cand, clean[strlen(cand)] != ' ');
	trim_ends(cand); /* a cut may end on a space or an apostrophe */
	strcat(cand, tail);
	for (int i = 0; i < ntaken; i++)
		if (strcasecmp(taken[i], cand) == 0)
			return 0;
	return 1;
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
	/* cut at a word; if that name is taken, cut where the 31 characters
	 * end; then numbered */
	if (!candidate(cand, clean, "", 1, taken, ntaken) && !candidate(cand, clean, "", 0, taken, ntaken))
		for (int n = 2;; n++) {
			snprintf(tail, sizeof(tail), " (%d)", n);
			if (candidate(cand, clean, tail, 0, taken, ntaken))
				break;
		}
	snprintf(out, SHEETNAME_CAP, "%s", cand);
}
