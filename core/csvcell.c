/*
 * csvcell.c - CSV cells safe to open in a spreadsheet: see csvcell.h.
 */
#include <string.h>

#include "csvcell.h"

/* "-", or "-" then digits with at most one '.' between digits: a figure. */
static int negative_number(const char *s)
{
	int digits = 0, dot = 0;

	if (s[0] != '-')
		return 0;
	if (s[1] == '\0')
		return 1;
	for (s++; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			digits++;
		} else if (*s == '.' && digits && !dot && s[1] >= '0' && s[1] <= '9') {
			dot = 1;
		} else {
			return 0;
		}
	}
	return digits > 0;
}

int csvcell_is_formula(const char *s)
{
	if (!s || !s[0] || !strchr("=+-@\t\r", s[0]))
		return 0;
	return !negative_number(s);
}

void csvcell_write(FILE *out, const char *s, int flags)
{
	int quote;

	if (!s)
		s = "";
	/* A cell starting with any formula character is quoted, a figure too. */
	quote = strpbrk(s, ",\"\n\r") != NULL || (s[0] && strchr("=+-@\t\r", s[0]));
	if (quote)
		fputc('"', out);
	if (csvcell_is_formula(s))
		fputc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		if ((flags & CSVCELL_FLAT) && (*s == '\n' || *s == '\r'))
			fputc(' ', out);
		else
			fputc(*s, out);
	}
	if (quote)
		fputc('"', out);
}
