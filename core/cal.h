/*
 * cal.h - the working-day calendar: bank holidays of England and Wales and
 * of Scotland for any year, and working-day arithmetic on top of them.
 *
 * DESIGN.md, "Calendar": "working days are Monday–Friday less the bank
 * holidays of the partnership's jurisdiction — England and Wales, or
 * Scotland (2 January, first Monday of August, St Andrew's Day; no Easter
 * Monday) — with substitute days and the one-off days (e.g. 2022-06-03,
 * 2022-09-19, 2023-05-08), computed for any year, with an override file for
 * days announced later."
 *
 * Contract:
 *   - Days are day numbers (date.h).  A jurisdiction is an enum cal_jur;
 *     every function taking one expects CAL_ENGLAND_WALES or CAL_SCOTLAND
 *     (anything else is a programming error and aborts).
 *   - Holidays come from rules (Easter, "first Monday of May", fixed dates
 *     with gov.uk's substitute days), a built-in table of moved and one-off
 *     days, and the days of any override files loaded.  Names are spelled
 *     as gov.uk's bank-holidays.json spells them ("New Year’s Day", with a
 *     typographic apostrophe).
 *   - cal.c computes; cal_file.c reads the override files (cal_int.h is
 *     what they share).
 *   - Results are cached per jurisdiction and year, so a lookup costs a
 *     date split and an array index: the loader may call these per row.
 *     cal_load_overrides() drops the cache; cal_release() frees everything.
 *     Not thread-safe (the tool is single-threaded).
 *   - Holiday names are owned by the module: built-in ones are static,
 *     override ones live until cal_release().
 *   - Today's rules are applied to every year, except that early May starts
 *     in 1978, New Year's Day (England and Wales) and Boxing Day (Scotland)
 *     in 1974 and St Andrew's Day in 2007; before 1971, when spring and
 *     summer holidays followed Whitsun and other rules, the days returned are
 *     not history.  One-off days are listed from 1995.
 *   - DATE_NONE given as a day yields DATE_NONE (day results), 0
 *     (predicates, cal_wd_le) or NULL.
 *
 *   enum cal_jur j = cal_jur_parse("scotland");
 *   int due = cal_by_working_day(j, raised_on, 2);   stage 1 "by day 2"
 */
#ifndef OVERSIGHT_CAL_H
#define OVERSIGHT_CAL_H

enum cal_jur {
	CAL_ENGLAND_WALES = 0, /* "england-wales" (gov.uk: "england-and-wales") */
	CAL_SCOTLAND = 1,      /* "scotland" */
	CAL_NJUR = 2           /* number of jurisdictions, not one itself */
};

/* Most holidays one jurisdiction can have in one year, overrides included. */
#define CAL_YEAR_MAX 32

/*
 * The fixed day from which cal_wd_le() counts: 1990-01-01.  Any day works
 * as an origin for differences; this one keeps the numbers small and
 * positive over the years the warehouse holds.
 */
#define CAL_EPOCH_YEAR 1990

struct cal_holiday {
	int day;          /* day number */
	const char *name; /* gov.uk title, e.g. "Boxing Day"; owned by cal */
	int substitute;   /* 1 for a substitute day (gov.uk notes "Substitute day") */
};

/*
 * The jurisdiction named by s: "england-wales" (also gov.uk's
 * "england-and-wales") or "scotland".  Returns it, or -1 for any other name.
 */
int cal_jur_parse(const char *s);

/* "england-wales" or "scotland": the name the command line uses. */
const char *cal_jur_name(enum cal_jur jur);

/*
 * Read an override file in the format gov.uk serves bank-holidays.json:
 *   {"england-and-wales": {"events": [{"title", "date", ...}]},
 *    "scotland": {...}}
 * ("england-wales" is accepted as a key too; other divisions are ignored).
 * Every event's date is ADDED as a bank holiday of its jurisdiction (named
 * by its title, "Bank holiday" when it has none); days that already are
 * holidays keep their built-in name.  Nothing is removed.  Several files
 * may be loaded; the cache is dropped.
 * Returns 0; -1 after error() when the file cannot be read (the caller's
 * exit code 3, environment); -2 after error() naming the file, the place
 * and the reason when its content is wrong (exit code 1, data).  Nothing
 * of a file that fails is kept.
 */
int cal_load_overrides(const char *path);

/* Forget every override and free the cache (NULL-safe to call twice). */
void cal_release(void);

/*
 * The bank holidays of jur in year, sorted by day, copied into out (room
 * for CAL_YEAR_MAX).  Returns how many.
 */
int cal_year_holidays(enum cal_jur jur, int year, struct cal_holiday *out);

/* 1 if day is a bank holiday of jur (whatever its weekday), else 0. */
int cal_is_holiday(enum cal_jur jur, int day);

/* The gov.uk name of the bank holiday on day, or NULL when it is none. */
const char *cal_holiday_name(enum cal_jur jur, int day);

/* 1 if day is a working day: Monday–Friday and not a bank holiday. */
int cal_is_working_day(enum cal_jur jur, int day);

/* The first working day strictly after day. */
int cal_next_working_day(enum cal_jur jur, int day);

/*
 * DESIGN.md: "Working days from A to B (A ≤ B): the working days d with
 * A < d ≤ B."  Returns that count; for a > b it returns minus the count
 * from b to a, so the function is a difference of cal_wd_le().
 */
int cal_working_days_between(enum cal_jur jur, int a, int b);

/*
 * DESIGN.md: "By working day N": the N-th working day counting raised_on
 * as day 1 if it is a working day (else the next working day is day 1).
 * Returns that day for n >= 1, or DATE_NONE when n < 1.
 */
int cal_by_working_day(enum cal_jur jur, int raised, int n);

/*
 * DESIGN.md: "Within N working days of S": the N-th working day strictly
 * after S.  Returns that day for n >= 1, s itself for n == 0, and
 * DATE_NONE when n < 0.
 */
int cal_within_working_days(enum cal_jur jur, int s, int n);

/*
 * The cumulative working-day number of day: the count of working days d
 * with 1990-01-01 < d <= day (minus the count with day < d <= 1990-01-01
 * for days before it).  Working days from a to b are
 * cal_wd_le(b) - cal_wd_le(a); the warehouse stores it per day so SQL can
 * do the same subtraction.
 */
int cal_wd_le(enum cal_jur jur, int day);

#endif
