/*
 * test_msg.c - the error classes of core/msg.h and their exit codes, and
 * the shared command-line helpers of core/cli.h.
 */
#include <math.h>

#include "core/cli.h"
#include "core/msg.h"
#include "unit.h"

static void test_exit_codes(void)
{
	CHECK_INT(err_exit(ERR_NONE), 0, "no error exits 0");
	CHECK_INT(err_exit(ERR_DATA), 1, "a data problem exits 1");
	CHECK_INT(err_exit(ERR_USAGE), 2, "a usage mistake exits 2");
	CHECK_INT(err_exit(ERR_ENV), 3, "an environment problem exits 3");
	CHECK_INT(err_exit(ERR_INTERNAL), 4, "an internal error (SQL) exits 4");
	for (int c = 0; c <= 4; c++)
		CHECK_INT(err_exit(err_of_exit(c)), c, "err_of_exit is err_exit's inverse");
	CHECK_INT(err_of_exit(99), ERR_INTERNAL, "an unknown exit code is internal");
	CHECK_INT(err_worse(ERR_DATA, ERR_ENV), ERR_ENV, "the graver class wins");
	CHECK_INT(err_worse(ERR_INTERNAL, ERR_NONE), ERR_INTERNAL, "the graver class wins, either side");
}

static void test_cli(void)
{
	char buf[64];
	int y, q, pos = 0, n = 0;

	CHECK(cli_parse_quarter("2026-Q3", &y, &q) == 0 && y == 2026 && q == 3, "2026-Q3");
	CHECK(cli_parse_quarter("2026-q1", &y, &q) == 0 && q == 1, "lower-case q");
	CHECK(cli_parse_quarter("2026-Q5", &y, &q) != 0, "no fifth quarter");
	CHECK(cli_parse_quarter("26-Q1", &y, &q) != 0, "a four-digit year");
	CHECK_STR(cli_show_number(NAN, buf, sizeof(buf)), "-", "NAN shows as -");
	CHECK_STR(cli_show_number(0.0123456, buf, sizeof(buf)), "0.01235", "four significant digits");
	CHECK_STR(cli_show_figure(12.345, 'f', 1, "%", buf, sizeof(buf)), "12.3%", "a rate, one place");
	CHECK_STR(cli_show_figure(NAN, 'f', 1, "%", buf, sizeof(buf)), "-", "no rate shows as - alone");
	CHECK_STR(cli_show_figure(2.5, 'f', 0, "", buf, sizeof(buf)), "2", "no places");
	CHECK_STR(cli_show_figure(0.000123456, 'g', 3, "", buf, sizeof(buf)), "0.000123", "three significant digits");
	while (cli_list_next("md,html,,pdf", &pos, buf, sizeof(buf)))
		n++;
	CHECK_INT(n, 4, "a comma list's items, an empty one too");
}

int main(void)
{
	test_exit_codes();
	test_cli();
	return unit_done();
}
