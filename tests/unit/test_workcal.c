/*
 * test_workcal.c - a jurisdiction's calendar read into memory
 * (model/workcal.c): each day's working-day count, the working day of
 * each count, and whether the calendar is whole, from calendar rows
 * written here by hand.
 *
 * January 2026: Thursday the 1st is a holiday, the 3rd and 4th a weekend.
 * Counting working days from the 1st: the 2nd is working day 1, Monday
 * the 5th 2, the 6th 3, and (with Wednesday the 7th's row left out) the
 * 8th 4.
 */
#include "model/workcal.h"
#include "tests/unit/unit.h"
#include "tests/unit/unit_days.h"
#include "tests/unit/unit_wh.h"

int main(void)
{
	struct unit_wh u;
	struct wh *w = unit_wh_new(&u, "workcal");
	struct workcal c;

	CHECK(w != NULL, "a new warehouse");
	if (!w)
		return unit_done();
	CHECK(wh_exec(w, "INSERT INTO calendar (jurisdiction, day, is_working, wd_le) VALUES"
			 " ('gap', '2026-01-01', 0, 0), ('gap', '2026-01-02', 1, 1),"
			 " ('gap', '2026-01-03', 0, 1), ('gap', '2026-01-04', 0, 1),"
			 " ('gap', '2026-01-05', 1, 2), ('gap', '2026-01-06', 1, 3),"
			 " ('gap', '2026-01-08', 1, 4),"
			 " ('whole', '2026-01-01', 0, 0), ('whole', '2026-01-02', 1, 1),"
			 " ('whole', '2026-01-03', 0, 1),"
			 " ('falls', '2026-01-01', 1, 1), ('falls', '2026-01-02', 1, 2),"
			 " ('falls', '2026-01-03', 1, 1);") == 0,
	      "calendar rows written");

	CHECK(workcal_read(w, "gap", &c) == 0, "a calendar with a day missing is read");
	CHECK_STR(S(c.first), "2026-01-01", "its first day");
	CHECK_INT(c.n, 8, "eight days, the 1st to the 8th, one of them missing");
	CHECK_INT(workcal_wd_le(&c, D("2026-01-01")), 0, "the holiday: none yet");
	CHECK_INT(workcal_wd_le(&c, D("2026-01-04")), 1, "Sunday: still one");
	CHECK_INT(workcal_wd_le(&c, D("2026-01-05")), 2, "Monday: two");
	CHECK_INT(workcal_wd_le(&c, D("2026-01-08")), 4, "Thursday: four");
	CHECK(workcal_wd_le(&c, D("2026-01-07")) == WORKCAL_MISSING, "the missing day: no count");
	CHECK(workcal_wd_le(&c, D("2025-12-31")) == WORKCAL_MISSING, "the day before: no count");
	CHECK(workcal_wd_le(&c, D("2026-01-09")) == WORKCAL_MISSING, "the day after: no count");
	CHECK(workcal_wd_le(&c, DATE_NONE) == WORKCAL_MISSING, "no day: no count");
	CHECK_STR(S(workcal_day(&c, 1)), "2026-01-02", "working day 1");
	CHECK_STR(S(workcal_day(&c, 2)), "2026-01-05", "working day 2, after the weekend");
	CHECK_STR(S(workcal_day(&c, 4)), "2026-01-08", "working day 4");
	CHECK_STR(S(workcal_day(&c, 0)), "none", "no working day 0");
	CHECK_STR(S(workcal_day(&c, 5)), "none", "no working day 5");
	CHECK_INT(c.whole, 0, "a day missing: not whole");
	workcal_free(&c);

	CHECK(workcal_read(w, "whole", &c) == 0 && c.whole == 1 && c.n == 3,
	      "three days in a row, the count never falling: whole");
	workcal_free(&c);
	CHECK(workcal_read(w, "falls", &c) == 0 && c.whole == 0, "a count that falls: not whole");
	CHECK_STR(S(workcal_day(&c, 2)), "2026-01-02", "... its working day 2 still the 2nd");
	workcal_free(&c);
	CHECK(workcal_read(w, "none", &c) == 0 && c.n == 0 && c.whole == 0,
	      "a jurisdiction without days: empty, not whole");
	CHECK(workcal_wd_le(&c, D("2026-01-01")) == WORKCAL_MISSING, "... no day has a count");
	CHECK_STR(S(workcal_day(&c, 1)), "none", "... nor a working day");
	workcal_free(&c);

	wh_close(w);
	unit_wh_remove(&u);
	return unit_done();
}
