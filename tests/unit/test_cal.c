/*
 * test_cal.c - the working-day calendar (core/cal.c).
 *
 * Every expected value was worked out by hand from a printed calendar and
 * the rules gov.uk applies (or read off gov.uk's bank-holidays.json), not
 * taken from the program's output.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/cal.h"
#include "core/date.h"
#include "core/msg.h"
#include "tests/unit/unit.h"
#include "tests/unit/unit_days.h"

#define EW CAL_ENGLAND_WALES
#define SC CAL_SCOTLAND

/* date_format() keeps the text of the days it made lately, one a slot of
 * 256: a day made again, and a day 256 days on that takes its slot, each
 * still read as themselves (2024-02-29 + 256 days: 31 to 03-31, 61 to
 * 04-30, 92, 122, 153, 184, 214, 245 to 10-31, then 11 more). */
static void test_format(void)
{
	char a[11], b[11];
	int day = D("2024-02-29"), bad = 0;

	CHECK_STR(date_format(day, a), "2024-02-29", "format a leap day");
	CHECK_STR(date_format(day, b), "2024-02-29", "format the same day again");
	CHECK_STR(date_format(day + 256, a), "2024-11-11", "format a day 256 days on");
	CHECK_STR(date_format(day, b), "2024-02-29", "format the first day after the other took its slot");
	CHECK_STR(date_format(-1, a), "1969-12-31", "format day -1");
	CHECK_STR(date_format(-1, b), "1969-12-31", "format day -1 again");
	for (int d = D("1990-01-01"); d <= D("2060-12-31"); d++) {
		int back = DATE_NONE;

		for (int k = 0; k < 2; k++)
			if (date_parse_iso(date_format(d, a), 10, &back) || back != d)
				bad++;
	}
	CHECK_INT(bad, 0, "every day 1990-2060, twice, reads back as itself");
}

/* date_of_text(): the warehouse's date text, or DATE_NONE.  Day numbers
 * count from 1970-01-01 (day 0): 2026-09-30 is 56 years of 365 days
 * (20,440) plus 14 leap days (1972 .. 2024) plus 272 days of 2026
 * (31+28+31+30+31+30+31+31+29) = 20,726. */
static void test_of_text(void)
{
	CHECK_INT(date_of_text("2026-09-30"), 20726, "of_text: 2026-09-30 is day 20726");
	CHECK_INT(date_of_text("1970-01-01"), 0, "of_text: day 0");
	CHECK_INT(date_of_text(NULL), DATE_NONE, "of_text: NULL, no date");
	CHECK_INT(date_of_text(""), DATE_NONE, "of_text: empty, no date");
	CHECK_INT(date_of_text("2025-02-29"), DATE_NONE, "of_text: no such day");
	CHECK_INT(date_of_text("2026-09-30 "), DATE_NONE, "of_text: more than the date");
	CHECK_INT(date_of_text("30/09/2026"), DATE_NONE, "of_text: another form");
}

static void test_jurisdictions(void)
{
	CHECK_INT(cal_jur_parse("england-wales"), EW, "jur england-wales");
	CHECK_INT(cal_jur_parse("england-and-wales"), EW, "jur england-and-wales (gov.uk key)");
	CHECK_INT(cal_jur_parse("scotland"), SC, "jur scotland");
	CHECK_INT(cal_jur_parse("northern-ireland"), -1, "jur northern-ireland not ours");
	CHECK_INT(cal_jur_parse("Scotland"), -1, "jur names are lower case");
	CHECK_INT(cal_jur_parse(""), -1, "jur empty");
	CHECK_STR(cal_jur_name(EW), "england-wales", "jur name ew");
	CHECK_STR(cal_jur_name(SC), "scotland", "jur name scotland");
}

static void test_easter(void)
{
	/* Easter Sundays: 2024-03-31, 2025-04-20, 2026-04-05, 2038-04-25,
	 * 2000-04-23, 2008-03-23 (early), 2011-04-24 (late). */
	CHECK_STR(cal_holiday_name(EW, D("2024-03-29")), "Good Friday", "good friday 2024");
	CHECK_STR(cal_holiday_name(EW, D("2024-04-01")), "Easter Monday", "easter monday 2024");
	CHECK_STR(cal_holiday_name(EW, D("2025-04-18")), "Good Friday", "good friday 2025");
	CHECK_STR(cal_holiday_name(EW, D("2025-04-21")), "Easter Monday", "easter monday 2025");
	CHECK_STR(cal_holiday_name(EW, D("2026-04-03")), "Good Friday", "good friday 2026");
	CHECK_STR(cal_holiday_name(EW, D("2026-04-06")), "Easter Monday", "easter monday 2026");
	CHECK_STR(cal_holiday_name(EW, D("2038-04-23")), "Good Friday", "good friday 2038 (easter 04-25)");
	CHECK_STR(cal_holiday_name(EW, D("2038-04-26")), "Easter Monday", "easter monday 2038");
	CHECK(!cal_is_holiday(EW, D("2038-04-16")), "2038-04-16 is no good friday");
	CHECK_STR(cal_holiday_name(EW, D("2000-04-21")), "Good Friday", "good friday 2000");
	CHECK_STR(cal_holiday_name(EW, D("2008-03-21")), "Good Friday", "good friday 2008 (early)");
	CHECK_STR(cal_holiday_name(EW, D("2011-04-25")), "Easter Monday", "easter monday 2011 (late)");
	/* DESIGN.md: Scotland has no Easter Monday. */
	CHECK_STR(cal_holiday_name(SC, D("2025-04-18")), "Good Friday", "scotland good friday 2025");
	CHECK(!cal_is_holiday(SC, D("2025-04-21")), "scotland: no easter monday 2025");
	CHECK(cal_is_working_day(SC, D("2026-04-06")), "scotland: easter monday 2026 is worked");
}

static void test_christmas(void)
{
	/* 2021: Christmas Saturday, Boxing Day Sunday: Monday 27, Tuesday 28. */
	CHECK_STR(cal_holiday_name(EW, D("2021-12-27")), "Christmas Day", "2021 christmas substitute mon 27");
	CHECK_STR(cal_holiday_name(EW, D("2021-12-28")), "Boxing Day", "2021 boxing substitute tue 28");
	/* gov.uk lists the substitute days, not the weekend days themselves. */
	CHECK(!cal_is_holiday(EW, D("2021-12-25")), "2021-12-25 (saturday) not listed");
	/* 2022: Christmas Sunday: Boxing Day keeps Monday 26, Christmas moves to 27. */
	CHECK_STR(cal_holiday_name(EW, D("2022-12-26")), "Boxing Day", "2022 boxing day mon 26");
	CHECK_STR(cal_holiday_name(EW, D("2022-12-27")), "Christmas Day", "2022 christmas substitute tue 27");
	CHECK(cal_is_working_day(EW, D("2022-12-28")), "2022-12-28 worked");
	/* 2027 is like 2021. */
	CHECK_STR(cal_holiday_name(SC, D("2027-12-27")), "Christmas Day", "2027 scotland christmas mon 27");
	CHECK_STR(cal_holiday_name(SC, D("2027-12-28")), "Boxing Day", "2027 scotland boxing tue 28");
	/* 2020: Christmas Friday, Boxing Day Saturday: Monday 28. */
	CHECK_STR(cal_holiday_name(EW, D("2020-12-28")), "Boxing Day", "2020 boxing substitute mon 28");

	struct cal_holiday h[CAL_YEAR_MAX];
	int n = cal_year_holidays(EW, 2022, h);
	/* 3 Jan, 15 Apr, 18 Apr, 2 May, 2 Jun, 3 Jun, 29 Aug, 19 Sep, 26 Dec, 27 Dec. */
	CHECK_INT(n, 10, "england-wales 2022 has 10 bank holidays");
	if (n == 10) {
		CHECK_STR(S(h[9].day), "2022-12-27", "2022 last holiday is 27 dec");
		CHECK_INT(h[9].substitute, 1, "2022-12-27 is a substitute day");
		CHECK_INT(h[8].substitute, 0, "2022-12-26 is not a substitute day");
		int sorted = 1;
		for (int i = 1; i < n; i++)
			sorted &= h[i - 1].day < h[i].day;
		CHECK(sorted, "2022 list sorted by day");
	}
}

static void test_new_year(void)
{
	/* 2022: 1 January Saturday, 2 January Sunday. */
	CHECK_STR(cal_holiday_name(EW, D("2022-01-03")), "New Year\xe2\x80\x99s Day", "2022 ew new year mon 3");
	CHECK(cal_is_working_day(EW, D("2022-01-04")), "2022 ew tue 4 worked");
	CHECK_STR(cal_holiday_name(SC, D("2022-01-03")), "New Year\xe2\x80\x99s Day", "2022 scot new year mon 3");
	CHECK_STR(cal_holiday_name(SC, D("2022-01-04")), "2nd January", "2022 scot 2nd january tue 4");
	/* 2023: 1 January Sunday, 2 January Monday (gov.uk's names of 2023). */
	CHECK_STR(cal_holiday_name(EW, D("2023-01-02")), "New Year\xe2\x80\x99s Day", "2023 ew new year mon 2");
	CHECK(cal_is_working_day(EW, D("2023-01-03")), "2023 ew tue 3 worked");
	CHECK_STR(cal_holiday_name(SC, D("2023-01-02")), "New Year\xe2\x80\x99s Day", "2023 scot new year mon 2");
	CHECK_STR(cal_holiday_name(SC, D("2023-01-03")), "2nd January", "2023 scot 2nd january tue 3");
	CHECK(cal_is_working_day(SC, D("2023-01-04")), "2023 scot wed 4 worked");
	/* 2021 and 2027: 1 January Friday, 2 January Saturday: Monday 4. */
	CHECK_STR(cal_holiday_name(SC, D("2021-01-01")), "New Year\xe2\x80\x99s Day", "2021 scot new year fri 1");
	CHECK_STR(cal_holiday_name(SC, D("2021-01-04")), "2nd January", "2021 scot 2nd january mon 4");
	CHECK(cal_is_working_day(EW, D("2021-01-04")), "2021 ew mon 4 worked");
	CHECK_STR(cal_holiday_name(SC, D("2027-01-04")), "2nd January", "2027 scot 2nd january mon 4");
	/* 2033 starts on a Saturday like 2022. */
	CHECK(cal_is_holiday(SC, D("2033-01-03")) && cal_is_holiday(SC, D("2033-01-04")),
	      "2033 scot mon 3 and tue 4");
	CHECK(cal_is_working_day(EW, D("2033-01-04")), "2033 ew tue 4 worked");
	/* 2025: Wednesday and Thursday, no substitutes. */
	CHECK_STR(cal_holiday_name(SC, D("2025-01-02")), "2nd January", "2025 scot thu 2");
	CHECK(cal_is_working_day(EW, D("2025-01-02")), "2025 ew thu 2 worked");
}

static void test_scotland(void)
{
	/* St Andrew's Day: 2024-11-30 Saturday and 2025-11-30 Sunday move to
	 * Monday; 2026-11-30 is a Monday; 2030-11-30 a Saturday. */
	CHECK_STR(cal_holiday_name(SC, D("2024-12-02")), "St Andrew\xe2\x80\x99s Day", "st andrew 2024 mon 2 dec");
	CHECK_STR(cal_holiday_name(SC, D("2025-12-01")), "St Andrew\xe2\x80\x99s Day", "st andrew 2025 mon 1 dec");
	CHECK_STR(cal_holiday_name(SC, D("2026-11-30")), "St Andrew\xe2\x80\x99s Day", "st andrew 2026 mon 30 nov");
	CHECK(cal_is_holiday(SC, D("2030-12-02")), "st andrew 2030 mon 2 dec");
	CHECK(!cal_is_holiday(EW, D("2026-11-30")), "no st andrew in england-wales");
	/* Summer: first Monday of August in Scotland, last in England and Wales. */
	CHECK_STR(cal_holiday_name(SC, D("2025-08-04")), "Summer bank holiday", "scot summer 2025-08-04");
	CHECK(cal_is_working_day(SC, D("2025-08-25")), "scot works 2025-08-25");
	CHECK_STR(cal_holiday_name(EW, D("2025-08-25")), "Summer bank holiday", "ew summer 2025-08-25");
	CHECK(cal_is_working_day(EW, D("2025-08-04")), "ew works 2025-08-04");
	CHECK(cal_is_holiday(SC, D("2026-08-03")), "scot summer 2026-08-03");
	CHECK(cal_is_holiday(EW, D("2026-08-31")), "ew summer 2026-08-31");
	/* Early May and spring are common to both. */
	CHECK_STR(cal_holiday_name(SC, D("2025-05-05")), "Early May bank holiday", "scot early may 2025");
	CHECK_STR(cal_holiday_name(SC, D("2025-05-26")), "Spring bank holiday", "scot spring 2025");

	struct cal_holiday h[CAL_YEAR_MAX];
	CHECK_INT(cal_year_holidays(EW, 2025, h), 8, "england-wales 2025: 8 bank holidays");
	CHECK_INT(cal_year_holidays(SC, 2025, h), 9, "scotland 2025: 9 bank holidays");
}

static void test_one_offs(void)
{
	CHECK_STR(cal_holiday_name(EW, D("2020-05-08")), "Early May bank holiday (VE day)", "2020 VE day");
	CHECK(cal_is_working_day(EW, D("2020-05-04")), "2020-05-04 worked (moved)");
	CHECK(cal_is_holiday(SC, D("1995-05-08")), "1995 VE day");
	CHECK(cal_is_working_day(SC, D("1995-05-01")), "1995-05-01 worked (moved)");
	CHECK(cal_is_holiday(EW, D("2002-06-03")) && cal_is_holiday(EW, D("2002-06-04")), "2002 jubilee days");
	CHECK(cal_is_working_day(EW, D("2002-05-27")), "2002-05-27 worked (moved)");
	CHECK_STR(cal_holiday_name(EW, D("2012-06-04")), "Spring bank holiday", "2012 spring 4 jun");
	CHECK_STR(cal_holiday_name(EW, D("2012-06-05")), "Queen\xe2\x80\x99s Diamond Jubilee", "2012 jubilee 5 jun");
	CHECK(cal_is_working_day(EW, D("2012-05-28")), "2012-05-28 worked (moved)");
	CHECK_STR(cal_holiday_name(SC, D("2022-06-02")), "Spring bank holiday", "2022 spring thu 2 jun");
	CHECK_STR(cal_holiday_name(SC, D("2022-06-03")), "Platinum Jubilee bank holiday", "2022 jubilee fri 3 jun");
	CHECK(cal_is_working_day(SC, D("2022-05-30")), "2022-05-30 worked (moved)");
	CHECK(cal_is_holiday(EW, D("2022-09-19")), "2022 state funeral");
	CHECK_STR(cal_holiday_name(EW, D("2023-05-08")),
		  "Bank holiday for the coronation of King Charles III", "2023 coronation");
	CHECK(cal_is_holiday(EW, D("2023-05-01")), "2023 early may still 1 may");
	CHECK(cal_is_holiday(EW, D("2011-04-29")), "2011 royal wedding");
	CHECK(cal_is_holiday(SC, D("1999-12-31")), "1999 millennium");
	CHECK(cal_is_holiday(EW, D("2000-01-03")), "2000 new year substitute");
	CHECK_STR(cal_holiday_name(SC, D("2026-06-15")), "World Cup bank holiday", "2026 scotland world cup day");
	CHECK(cal_is_working_day(EW, D("2026-06-15")), "2026-06-15 worked in england-wales");
	CHECK(cal_is_working_day(EW, D("2024-06-03")), "no jubilee in 2024");
}

static void test_deadlines(void)
{
	/* Raised on Saturday 2025-07-05: working day 1 is Monday 7th. */
	CHECK_STR(S(cal_by_working_day(EW, D("2025-07-05"), 1)), "2025-07-07", "by wd 1 from saturday");
	CHECK_STR(S(cal_by_working_day(EW, D("2025-07-05"), 2)), "2025-07-08", "by wd 2 from saturday");
	/* Raised on a working day: it is day 1 itself. */
	CHECK_STR(S(cal_by_working_day(EW, D("2025-07-07"), 1)), "2025-07-07", "by wd 1 from monday");
	CHECK_STR(S(cal_by_working_day(EW, D("2025-07-07"), 5)), "2025-07-11", "by wd 5 from monday");
	/* Raised on Good Friday 2025-04-18: Easter Monday follows in England
	 * and Wales only. */
	CHECK_STR(S(cal_by_working_day(EW, D("2025-04-18"), 1)), "2025-04-22", "by wd 1 from good friday (ew)");
	CHECK_STR(S(cal_by_working_day(SC, D("2025-04-18"), 1)), "2025-04-21", "by wd 1 from good friday (scot)");
	/* Within 1 working day of Friday 2025-07-04: Monday. */
	CHECK_STR(S(cal_within_working_days(EW, D("2025-07-04"), 1)), "2025-07-07", "within 1 of friday");
	CHECK_STR(S(cal_within_working_days(EW, D("2025-07-05"), 1)), "2025-07-07", "within 1 of saturday");
	CHECK_STR(S(cal_within_working_days(EW, D("2025-07-04"), 0)), "2025-07-04", "within 0 is s");
	CHECK(cal_within_working_days(EW, D("2025-07-04"), -1) == DATE_NONE, "within -1 is none");
	CHECK(cal_by_working_day(EW, D("2025-07-04"), 0) == DATE_NONE, "by wd 0 is none");
	CHECK(cal_by_working_day(EW, DATE_NONE, 3) == DATE_NONE, "by wd of no date is none");
	/* Across Christmas 2025 (Thursday, Boxing Day Friday). */
	CHECK_STR(S(cal_within_working_days(EW, D("2025-12-24"), 1)), "2025-12-29", "within 1 of christmas eve");
	CHECK_STR(S(cal_within_working_days(EW, D("2025-12-24"), 3)), "2025-12-31", "within 3 of christmas eve");
	CHECK_STR(S(cal_within_working_days(EW, D("2025-12-24"), 4)), "2026-01-02", "within 4 of christmas eve (ew)");
	CHECK_STR(S(cal_within_working_days(SC, D("2025-12-24"), 4)), "2026-01-05", "within 4 of christmas eve (scot)");
	/* NEL: stages by working day 15 and 22 from Monday 2025-12-01. */
	CHECK_STR(S(cal_by_working_day(EW, D("2025-12-01"), 15)), "2025-12-19", "by wd 15 from 1 dec (ew)");
	CHECK_STR(S(cal_by_working_day(EW, D("2025-12-01"), 22)), "2026-01-02", "by wd 22 from 1 dec (ew)");
	/* In Scotland 1 December 2025 is St Andrew's substitute: day 1 is the 2nd. */
	CHECK_STR(S(cal_by_working_day(SC, D("2025-12-01"), 15)), "2025-12-22", "by wd 15 from 1 dec (scot)");
	/* D&G: within 7 working days of entering a stage. */
	CHECK_STR(S(cal_within_working_days(SC, D("2025-07-30"), 7)), "2025-08-11",
		  "within 7 of wed 30 jul 2025 (scot, summer 4 aug)");
	CHECK_STR(S(cal_within_working_days(EW, D("2025-07-30"), 7)), "2025-08-08",
		  "within 7 of wed 30 jul 2025 (ew)");
	CHECK_STR(S(cal_next_working_day(EW, D("2025-12-24"))), "2025-12-29", "next working day after 24 dec");
	CHECK_STR(S(cal_next_working_day(EW, D("2025-12-31"))), "2026-01-02", "next working day over new year");
	/* Across a year end with the year's last working day the target. */
	CHECK_STR(S(cal_within_working_days(EW, D("2025-12-30"), 1)), "2025-12-31", "within 1 of 30 dec");
	/* A long reach across several years: 2025 has 253 working days (ew). */
	CHECK_STR(S(cal_within_working_days(EW, D("2024-12-31"), 253)), "2025-12-31", "within 253 of 31 dec 2024");
}

static void test_between(void)
{
	CHECK_INT(cal_working_days_between(EW, D("2025-12-24"), D("2026-01-02")), 4, "between christmas (ew)");
	CHECK_INT(cal_working_days_between(SC, D("2025-12-24"), D("2026-01-02")), 3, "between christmas (scot)");
	CHECK_INT(cal_working_days_between(EW, D("2025-07-04"), D("2025-07-04")), 0, "between a day and itself");
	CHECK_INT(cal_working_days_between(EW, D("2025-07-04"), D("2025-07-07")), 1, "between fri and mon");
	CHECK_INT(cal_working_days_between(EW, D("2025-07-05"), D("2025-07-06")), 0, "between sat and sun");
	CHECK_INT(cal_working_days_between(EW, D("2025-07-07"), D("2025-07-04")), -1, "between reversed");
	/* 2025: 261 weekdays less 8 (ew) or 9 (scot) on weekdays. */
	CHECK_INT(cal_working_days_between(EW, D("2024-12-31"), D("2025-12-31")), 253, "working days 2025 (ew)");
	CHECK_INT(cal_working_days_between(SC, D("2024-12-31"), D("2025-12-31")), 252, "working days 2025 (scot)");
	/* Before the epoch: Fri 1989-12-29 to Tue 1990-01-02 (Mon 1st is New Year). */
	CHECK_INT(cal_working_days_between(EW, D("1989-12-29"), D("1990-01-02")), 1, "between across the epoch");
}

static void test_wd_le(void)
{
	CHECK_INT(cal_wd_le(EW, D("1990-01-01")), 0, "wd_le at the epoch");
	CHECK_INT(cal_wd_le(EW, D("1990-01-02")), 1, "wd_le 1990-01-02 (ew)");
	CHECK_INT(cal_wd_le(SC, D("1990-01-02")), 0, "wd_le 1990-01-02 (scot: 2nd january)");
	CHECK_INT(cal_wd_le(SC, D("1990-01-03")), 1, "wd_le 1990-01-03 (scot)");
	CHECK_INT(cal_wd_le(EW, D("1989-12-31")), 0, "wd_le 1989-12-31");
	/* (1989-12-29, 1990-01-01] holds a weekend and New Year: no working day. */
	CHECK_INT(cal_wd_le(EW, D("1989-12-29")), 0, "wd_le 1989-12-29");
	CHECK_INT(cal_wd_le(EW, D("1989-12-28")), -1, "wd_le 1989-12-28 (friday 29th counts)");

	/* wd_le steps by one on each working day and stays put otherwise,
	 * over 1985-2045 and both jurisdictions, including year ends. */
	for (int j = 0; j < CAL_NJUR; j++) {
		int bad = 0, from = D("1985-01-01"), to = D("2045-12-31");
		int prev = cal_wd_le(j, from);

		for (int d = from + 1; d <= to; d++) {
			int cur = cal_wd_le(j, d);

			if (cur - prev != cal_is_working_day(j, d))
				bad++;
			prev = cur;
		}
		CHECK_INT(bad, 0, j ? "wd_le consistent 1985-2045 (scot)" : "wd_le consistent 1985-2045 (ew)");
	}
	/* Within agrees with a day-by-day walk. */
	int bad = 0;
	for (int s = D("2024-11-01"); s <= D("2026-02-01"); s++)
		for (int n = 1; n <= 25; n++) {
			int d = s, k = 0;

			while (k < n)
				k += cal_is_working_day(SC, ++d);
			if (cal_within_working_days(SC, s, n) != d)
				bad++;
		}
	CHECK_INT(bad, 0, "within agrees with a walk (scot, 2024-11 .. 2026-02, n 1..25)");

	/* Years outside the cache (beyond 9999) still add up. */
	int a = D("9999-12-24"), b = a + 20, walk = 0;
	for (int d = a + 1; d <= b; d++)
		walk += cal_is_working_day(EW, d);
	CHECK_INT(cal_working_days_between(EW, a, b), walk, "between across year 10000");
	CHECK(cal_is_holiday(EW, date_from_ymd(10000, 12, 25)), "christmas 10000 (outside the cache)");
}

static const char *write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
	return path;
}

static void test_overrides(void)
{
	char dir[] = "/tmp/test_cal.XXXXXX", path[64];

	if (!mkdtemp(dir)) {
		CHECK(0, "mkdtemp");
		return;
	}
	snprintf(path, sizeof(path), "%s/o.json", dir);

	CHECK(cal_is_working_day(EW, D("2031-03-03")), "2031-03-03 worked before overrides");
	write_file(path, "{\"england-and-wales\": {\"division\": \"england-and-wales\", \"events\": ["
			 "{\"title\": \"Extra day\", \"date\": \"2031-03-03\", \"notes\": \"\", \"bunting\": true},"
			 "{\"title\": \"Boxing Day\", \"date\": \"2025-12-26\", \"notes\": \"\", \"bunting\": true}]},"
			 "\"scotland\": {\"events\": [{\"title\": \"\", \"date\": \"2031-03-04\"}]},"
			 "\"northern-ireland\": {\"events\": 7}}");
	CHECK_INT(cal_load_overrides(path), 0, "override file loads");
	CHECK_STR(cal_holiday_name(EW, D("2031-03-03")), "Extra day", "override day added (ew)");
	CHECK(cal_is_working_day(SC, D("2031-03-03")), "ew override not in scotland");
	CHECK_STR(cal_holiday_name(SC, D("2031-03-04")), "Bank holiday", "override without title (scot)");
	CHECK_STR(S(cal_within_working_days(EW, D("2031-02-28"), 1)), "2031-03-04", "within skips the override");
	struct cal_holiday h[CAL_YEAR_MAX];
	CHECK_INT(cal_year_holidays(EW, 2025, h), 8, "override on a holiday adds nothing");

	/* Bad files: nothing of them is kept. */
	write_file(path, "{\"scotland\": {\"events\": [{\"title\": \"A\", \"date\": \"2032-03-01\"},\n"
			 "{\"title\": \"B\", \"date\": \"2032-02-30\"}]}}");
	CHECK_INT(cal_load_overrides(path), -2, "impossible date rejected");
	CHECK(cal_is_working_day(SC, D("2032-03-01")), "failed file keeps nothing");
	CHECK_STR(cal_holiday_name(EW, D("2031-03-03")), "Extra day", "earlier file still loaded");
	write_file(path, "{\"scotland\": {\"events\": [\n{\"date\": 2032}]}}");
	CHECK_INT(cal_load_overrides(path), -2, "numeric date rejected");
	write_file(path, "{\"scotland\": {\"events\": [\n{\"date\": \"2032-03-01\",]}}");
	CHECK_INT(cal_load_overrides(path), -2, "invalid JSON rejected");
	write_file(path, "{\"scotland\": []}");
	CHECK_INT(cal_load_overrides(path), -2, "division without events rejected");
	write_file(path, "[]");
	CHECK_INT(cal_load_overrides(path), -2, "array at the top rejected");
	unlink(path);
	CHECK_INT(cal_load_overrides(path), -1, "missing file");
	rmdir(dir);

	cal_release();
	CHECK(cal_is_working_day(EW, D("2031-03-03")), "cal_release forgets overrides");
	CHECK(cal_is_holiday(EW, D("2025-12-25")), "built-ins back after release");
}

/* Several files add up; a file that fails keeps nothing of itself, not
 * even its good events; at most 16 added days (CAL_YEAR_MAX 32 less the
 * 16 kept for built-in days) per jurisdiction and year. */
static void test_override_files(void)
{
	char dir[] = "/tmp/test_cal.XXXXXX", path[64], text[2048];
	size_t n;

	if (!mkdtemp(dir)) {
		CHECK(0, "mkdtemp");
		return;
	}
	snprintf(path, sizeof(path), "%s/o.json", dir);
	write_file(path, "{\"england-wales\": {\"events\": [{\"title\": \"First\", \"date\": \"2033-03-01\"}]}}");
	CHECK_INT(cal_load_overrides(path), 0, "first file loads");
	write_file(path, "{\"england-wales\": {\"events\": [{\"title\": \"Second\", \"date\": \"2033-03-02\"}]}}");
	CHECK_INT(cal_load_overrides(path), 0, "second file loads");
	CHECK_STR(cal_holiday_name(EW, D("2033-03-01")), "First", "first file kept");
	CHECK_STR(cal_holiday_name(EW, D("2033-03-02")), "Second", "second file added");

	write_file(path, "{\"england-wales\": {\"events\": [{\"date\": \"2033-03-03\"},"
			 "{\"date\": \"2033-02-30\"}]}}");
	CHECK_INT(cal_load_overrides(path), -2, "file with an impossible date fails");
	CHECK(cal_is_working_day(EW, D("2033-03-03")), "its good event is not kept");
	CHECK(cal_is_holiday(EW, D("2033-03-01")), "earlier files still hold");

	/* 2032-02-02 .. 2032-02-18: 17 days, none a holiday already. */
	n = (size_t)snprintf(text, sizeof(text), "{\"scotland\": {\"events\": [");
	for (int d = 2; d <= 18; d++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "%s{\"date\": \"2032-02-%02d\"}",
				      d > 2 ? "," : "", d);
	snprintf(text + n, sizeof(text) - n, "]}}");
	write_file(path, text);
	CHECK_INT(cal_load_overrides(path), -2, "17 added days in a year rejected");
	CHECK(cal_is_working_day(SC, D("2032-02-02")), "nothing of the rejected file kept");
	/* The same less the last day: 16, the most a year takes. */
	strcpy(strstr(text, ",{\"date\": \"2032-02-18\"}"), "]}}");
	write_file(path, text);
	CHECK_INT(cal_load_overrides(path), 0, "16 added days in a year load");
	CHECK(cal_is_holiday(SC, D("2032-02-02")), "first of the 16 added");
	CHECK(cal_is_holiday(SC, D("2032-02-17")), "last of the 16 added");
	CHECK(cal_is_working_day(SC, D("2032-02-18")), "the 17th day stays a working day");
	CHECK(cal_is_working_day(EW, D("2032-02-02")), "scotland's days not in england-wales");
	unlink(path);
	rmdir(dir);
	cal_release();
}

int main(void)
{
	msg_quiet = 1;
	test_format();
	test_of_text();
	test_jurisdictions();
	test_easter();
	test_christmas();
	test_new_year();
	test_scotland();
	test_one_offs();
	test_deadlines();
	test_between();
	test_wd_le();
	test_overrides();
	test_override_files();
	cal_release();
	return unit_done();
}
