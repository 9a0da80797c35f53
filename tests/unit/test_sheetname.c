/*
 * test_sheetname.c - unit tests of report/sheetname.c: the names the
 * paper's workbook gives its sheets, as Excel requires them.
 */
#include "report/sheetname.h"
#include "tests/unit/unit.h"

static const char *make(const char *want, const char (*taken)[SHEETNAME_CAP], int n)
{
	static char out[SHEETNAME_CAP];

	sheetname_make(want, taken, n, out);
	return out;
}

/* The number of characters (UTF-8 code points) in s. */
static int chars(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

int main(void)
{
	char taken[4][SHEETNAME_CAP] = {"Themes", "Escalations against activity", "", ""};
	const char(*t)[SHEETNAME_CAP] = (const char(*)[SHEETNAME_CAP])taken;

	CHECK_STR(make("Headline", t, 2), "Headline", "a plain name is kept");
	CHECK_STR(make("Raised [A/B]: who? *all* \\ x", t, 2), "Raised AB who all  x",
		  "[]:*?/\\ are dropped");
	CHECK_STR(make("'quoted'", t, 2), "quoted", "no apostrophe at either end");
	CHECK_STR(make("Children's", t, 2), "Children's", "an apostrophe inside is kept");
	CHECK_STR(make("", t, 2), "Sheet", "an empty name is not left empty");
	CHECK_STR(make("history", t, 2), "history Sheet", "Excel's own History is not taken");
	CHECK_STR(make("line\nbreak", t, 2), "linebreak", "no control character");
	/* A name over 31 characters is cut where a word of it ends, without a
	 * comma or a joining word at its end: "Escalations against activity,
	 * four quarters" (43) is cut to 31, "Escalations against activity, f",
	 * then back to the end of "activity". */
	CHECK_STR(make("Escalations against activity, four quarters", t, 1),
		  "Escalations against activity", "cut at the end of a word, not inside one");
	/* "Timescales, resolution and over|due": "over" is cut inside, "and"
	 * joins, the comma goes: "Timescales, resolution" */
	CHECK_STR(make("Timescales, resolution and overdue", t, 2), "Timescales, resolution",
		  "no joining word or comma left at the end");
	CHECK_STR(make("Outcomes by highest stage reached", t, 2), "Outcomes by highest stage",
		  "\"reached\" cut inside: the words before it");
	/* A cut at a word that would leave less than half: the 31 characters */
	CHECK_STR(make("Abcdefghijklmnopqrstuvwxyzabcdefghij klm", t, 2), "Abcdefghijklmnopqrstuvwxyzabcde",
		  "one long word: cut at 31 characters");
	/* Cut at a word, the name is taken ("Escalations against activity"):
	 * cut at 31 characters instead, as Excel would show it. */
	CHECK_STR(make("Escalations against activity, four quarters", t, 2),
		  "Escalations against activity, f", "cut at a word but taken: cut to 31 characters");
	CHECK_STR(make("themes", t, 2), "themes (2)", "a name taken (in any case) gets (2)");
	/* 28 characters + " (2)" = 32 would not fit: the name is cut to 27 */
	CHECK_STR(make("Escalations against activity", t, 2), "Escalations against activit (2)",
		  "... within 31 characters");
	snprintf(taken[2], SHEETNAME_CAP, "themes (2)");
	CHECK_STR(make("Themes", t, 3), "Themes (3)", "then (3)");
	/* 40 two-byte characters (é): cut to 31 characters, 62 bytes, never
	 * inside one. */
	{
		char want[200] = "";

		for (int i = 0; i < 40; i++)
			strcat(want, "\xc3\xa9");
		CHECK_INT(chars(make(want, t, 2)), 31, "UTF-8: 31 characters, not bytes");
		CHECK_INT((int)strlen(make(want, t, 2)), 62, "UTF-8: no character cut in two");
	}
	/* a cut that ends on a space leaves none at the end: 10 + 1 + 10 + 1 +
	 * 8 = 30 characters, and the 31st is a space */
	CHECK_STR(make("abcdefghij abcdefghij abcdefgh xyz", t, 2), "abcdefghij abcdefghij abcdefgh",
		  "a cut does not end on a space");
	return unit_done();
}
