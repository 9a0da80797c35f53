/*
 * test_tab.c - unit tests of report/tab.c: the one disclosure-control rule
 * (small counts, the counts that would reveal them, derived cells).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "report/share.h"
#include "report/tab.h"
#include "tests/unit/unit.h"

static const char *cell(const struct tab *t, int r, int c)
{
	static char buf[64];

	return tab_cell_text(t, &t->rows[r][c], buf, sizeof(buf));
}

static void test_small(void)
{
	CHECK(!tab_small(0, 1), "small: no threshold hides nothing");
	CHECK(!tab_small(1, 1), "small: threshold 1 hides nothing");
	CHECK(!tab_small(5, 0), "small: 0 is never hidden");
	CHECK(tab_small(5, 1), "small: 1 under 5 is hidden");
	CHECK(tab_small(5, 4), "small: 4 under 5 is hidden");
	CHECK(!tab_small(5, 5), "small: 5 under 5 is shown");
}

/* Label, two counts, a rate from both, a share of the whole table. */
static struct tab *sample(void)
{
	struct tab *t = tab_new("sample", "Sample", "Counts.");

	tab_col(t, "Label", TAB_TEXT);
	tab_col(t, "A", TAB_COUNT);
	tab_col(t, "B", TAB_COUNT);
	tab_col(t, "Rate", TAB_RATE);
	tab_derived(t, TAB_COL(1) | TAB_COL(2));
	tab_col(t, "Share", TAB_RATE);
	tab_derived(t, TAB_FROM_TABLE);
	tab_row(t);
	tab_text(t, "x");
	tab_count(t, 2);
	tab_count(t, 10);
	tab_rate(t, 0.2);
	tab_rate(t, 0.1);
	tab_row(t);
	tab_text(t, "y");
	tab_count(t, 9);
	tab_count(t, 12);
	tab_rate(t, 0.5);
	tab_note(t, "n/a");
	tab_row(t);
	tab_text(t, "z");
	tab_count(t, 7);
	tab_count(t, 8);
	tab_rate(t, 0.5);
	tab_rate(t, 0.3);
	tab_total(t, "Total");
	return t;
}

static void test_suppress(void)
{
	struct tab *t = sample();

	tab_suppress(t, 1);
	CHECK(!tab_hidden(t), "threshold 1: nothing hidden");
	CHECK_STR(cell(t, 0, 3), "20.0%", "threshold 1: rate shown");
	CHECK_STR(cell(t, 0, 4), "10.0%", "threshold 1: share shown");
	tab_free(t);

	t = sample();
	tab_suppress(t, 5);
	CHECK(tab_hidden(t), "threshold 5: something hidden");
	CHECK_STR(cell(t, 0, 1), "<5", "primary: 2 shown as <5");
	CHECK_STR(cell(t, 2, 1), "[c]", "secondary: the smallest other count in the column");
	CHECK_STR(cell(t, 1, 1), "9", "a count not needed stays");
	CHECK_STR(cell(t, 3, 1), "18", "the column total stays");
	CHECK_STR(cell(t, 0, 3), "", "derived: blank beside a hidden count");
	CHECK_STR(cell(t, 2, 3), "", "derived: blank beside a secondary hidden count");
	CHECK_STR(cell(t, 1, 3), "50.0%", "derived: kept where its counts show");
	CHECK_STR(cell(t, 0, 4), "", "from the table: blank under disclosure control");
	CHECK_STR(cell(t, 1, 4), "n/a", "from the table: a note is kept");
	tab_free(t);
}

/*
 * A row set aside (a stage under the protocol's other reading) is outside
 * its columns' totals: tab_total leaves it out, and a small count in it is
 * hidden without standing in for the second hidden cell a column needs.
 * Rows: a 2, b 9, aside 3, c 7; total a + b + c = 18.  Under threshold 5:
 * a (2) and aside (3) are hidden; the column a, b, c still has one hidden
 * cell, so its smallest other count, c (7), is hidden too.
 */
static void test_aside(void)
{
	static const char *const name[] = {"a", "b", "aside", "c"};
	static const long n[] = {2, 9, 3, 7};
	struct tab *t = tab_new("t", "", "");

	tab_col(t, "Row", TAB_TEXT);
	tab_col(t, "N", TAB_COUNT);
	for (int i = 0; i < 4; i++) {
		tab_row(t);
		if (i == 2)
			tab_aside(t);
		tab_text(t, name[i]);
		tab_count(t, n[i]);
	}
	tab_total(t, "Total");
	CHECK_STR(cell(t, 4, 1), "18", "aside: not added into the total (2 + 9 + 7)");
	tab_suppress(t, 5);
	CHECK_STR(cell(t, 0, 1), "<5", "aside: a's 2 hidden");
	CHECK_STR(cell(t, 2, 1), "<5", "aside: its own 3 hidden");
	CHECK_STR(cell(t, 3, 1), "[c]", "aside: c hidden, so a cannot be worked out from the total");
	CHECK_STR(cell(t, 1, 1), "9", "aside: b stays");
	tab_free(t);
}

/* DESIGN.md "Small numbers": under a denominator of 5, the counts. */
static void test_share(void)
{
	char buf[32];
	struct tab *t;

	CHECK_STR(share_text(1, 1, 1, buf, sizeof(buf)), "1 of 1", "share: 1 of 1, not 100.0%");
	CHECK_STR(share_text(0, 4, 1, buf, sizeof(buf)), "0 of 4", "share: 0 of 4, not 0.0%");
	CHECK_STR(share_text(3, 5, 1, buf, sizeof(buf)), "60.0%", "share: 3 of 5 is 60.0%");
	CHECK_STR(share_text(3, 4, 0, buf, sizeof(buf)), "3 of 4", "share: a sentence's 3 of 4");
	CHECK_STR(share_text(7, 8, 0, buf, sizeof(buf)), "88%", "share: 7 of 8 rounds to 88%");
	CHECK_STR(share_text(0, 0, 1, buf, sizeof(buf)), "-", "share: nothing to measure");
	t = tab_new("s", "", "");
	tab_col(t, "Rate", TAB_RATE);
	tab_row(t);
	tab_share(t, 2, 2);
	tab_row(t);
	tab_share(t, 1, 5);
	CHECK_STR(cell(t, 0, 0), "2 of 2", "tab_share: counts under 5");
	CHECK_STR(cell(t, 1, 0), "20.0%", "tab_share: a percentage from 5");
	CHECK_NEAR(t->rows[0][0].value, 1.0, 1e-12, "tab_share: the value is kept");
	tab_free(t);
}

/* The CSV for tools: figures as plain numbers (tab.h, tab_csv). */
static void test_csv(void)
{
	struct tab *t = tab_new("c", "C", "Counts."), *u;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	tab_col(t, "Label", TAB_TEXT);
	tab_col(t, "N", TAB_COUNT);
	tab_col(t, "Change", TAB_TEXT);
	tab_col(t, "Rate", TAB_RATE);
	tab_col(t, "Days", TAB_NUMBER);
	tab_row(t);
	tab_text(t, "a");
	tab_count(t, 8);
	tab_change(t, 8);
	tab_rate(t, 0.125);
	tab_number(t, 4.5);
	tab_row(t);
	tab_text(t, "b\nc");
	tab_count(t, 2);
	tab_change(t, -5);
	tab_share(t, 1, 4);
	tab_number(t, NAN);
	CHECK_STR(cell(t, 0, 2), "up 8", "tab_change: a rise in words");
	CHECK_STR(cell(t, 1, 2), "down 5", "tab_change: a fall in words");
	u = tab_copy(t);
	tab_free(t);
	CHECK_STR(cell(u, 0, 2), "up 8", "tab_copy: the cells copied");
	CHECK_STR(cell(u, 1, 0), "b\nc", "tab_copy: texts copied");
	fp = open_memstream(&buf, &len);
	tab_csv(u, fp);
	fclose(fp);
	/* 8, +8 as 8, 12.5% as 12.5, 4.5; then 1 of 4 as 25, no number: empty;
	 * the line break in a label a space (the cell still quoted) */
	CHECK_STR(buf, "Label,N,Change,Rate,Days\r\na,8,8,12.5,4.5\r\n\"b c\",2,-5,25,\r\n",
		  "tab_csv: figures as plain numbers");
	free(buf);
	tab_suppress(u, 5);
	fp = open_memstream(&buf, &len);
	tab_csv(u, fp);
	fclose(fp);
	CHECK(strstr(buf, "\"b c\",<5,") != NULL, "tab_csv: a suppressed count as the paper shows it");
	free(buf);
	tab_free(u);
}

int main(void)
{
	test_small();
	test_suppress();
	test_share();
	test_csv();
	test_aside();
	return unit_done();
}
