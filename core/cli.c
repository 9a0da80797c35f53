/*
 * cli.c - global options, data folder and period parsing: see cli.h.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "date.h"
#include "msg.h"

struct ov_global ov;

const char *cli_key_path(void)
{
	static char buf[PATH_MAX];

	if (ov.key_file)
		return ov.key_file;
	snprintf(buf, sizeof(buf), "%s.key", ov.warehouse);
	return buf;
}

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *cli_data_dir(void)
{
	static char buf[PATH_MAX + 32];
	char exe[PATH_MAX], probe[PATH_MAX + 32];
	const char *env = getenv("OVERSIGHT_DATA");
	ssize_t n;
	char *slash;

	if (env && *env)
		return env;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return ".";
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (!slash)
		return ".";
	*slash = '\0';
	snprintf(probe, sizeof(probe), "%s/protocols", exe);
	if (is_dir(probe)) {
		snprintf(buf, sizeof(buf), "%s", exe);
		return buf;
	}
	snprintf(buf, sizeof(buf), "%s/../share/oversight", exe);
	return buf;
}

int cli_parse_quarter(const char *s, int *year, int *q)
{
	int y = 0;

	if (strlen(s) != 7 || s[4] != '-' || (s[5] != 'Q' && s[5] != 'q') ||
	    s[6] < '1' || s[6] > '4')
		return -1;
	for (int i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		y = y * 10 + (s[i] - '0');
	}
	*year = y;
	*q = s[6] - '0';
	return 0;
}

void cli_fin_quarter(int year, int q, char *buf, int len)
{
	/* UK financial year runs April to March: Apr-Jun is Q1. */
	int fy = q == 1 ? year - 1 : year;
	int fq = q == 1 ? 4 : q - 1;

	snprintf(buf, (size_t)len, "%d/%02d Q%d", fy, (fy + 1) % 100, fq);
}

void cli_period_init(struct period *p)
{
	p->from = p->to = p->as_of = DATE_NONE;
	p->is_quarter = 0;
	p->year = p->q = 0;
	p->subject = CLI_SUBJECT_ALL;
}

static int parse_day(const char *cmd, const char *opt, const char *arg)
{
	int day;

	if (date_parse_iso(arg, strlen(arg), &day))
		usage_error(cmd, "%s: '%s' is not a date (YYYY-MM-DD)", opt, arg);
	return day;
}

void cli_period_opt(const char *cmd, struct period *p, int opt, const char *arg)
{
	switch (opt) {
	case PERIOD_OPT_QUARTER:
		if (cli_parse_quarter(arg, &p->year, &p->q))
			usage_error(cmd, "--quarter: '%s' is not a quarter (YYYY-Qn)", arg);
		/* The warehouse's calendar starts in 2000 (loads refuse earlier
		 * dates), and a paper's trend counts quarters back from this one. */
		if (p->year < 2000)
			usage_error(cmd, "--quarter: '%s' is before 2000, outside the warehouse calendar", arg);
		p->is_quarter = 1;
		break;
	case PERIOD_OPT_FROM:
		p->from = parse_day(cmd, "--from", arg);
		break;
	case PERIOD_OPT_TO:
		p->to = parse_day(cmd, "--to", arg);
		break;
	case PERIOD_OPT_ASOF:
		p->as_of = parse_day(cmd, "--as-of", arg);
		break;
	case PERIOD_OPT_SUBJECT:
		p->subject = cli_subject_parse(arg);
		if (p->subject < 0)
			usage_error(cmd, "--subject: '%s' is not children or adults", arg);
		break;
	}
}

int cli_subject_parse(const char *s)
{
	if (strcmp(s, "children") == 0)
		return CLI_SUBJECT_CHILDREN;
	if (strcmp(s, "adults") == 0)
		return CLI_SUBJECT_ADULTS;
	return -1;
}

const char *cli_subject_name(int group)
{
	return group == CLI_SUBJECT_CHILDREN ? "children" : group == CLI_SUBJECT_ADULTS ? "adults" : NULL;
}

int cli_subject_in(int group, const char *subject)
{
	if (group == CLI_SUBJECT_CHILDREN)
		return !strcmp(subject, "child") || !strcmp(subject, "unborn");
	if (group == CLI_SUBJECT_ADULTS)
		return !strcmp(subject, "adult");
	return 1;
}

void cli_period_done(const char *cmd, struct period *p)
{
	if (p->is_quarter) {
		if (p->from != DATE_NONE || p->to != DATE_NONE)
			usage_error(cmd, "give --quarter or --from/--to, not both");
		p->from = date_quarter_start(p->year, p->q);
		p->to = date_quarter_end(p->year, p->q);
	} else {
		if (p->from == DATE_NONE || p->to == DATE_NONE)
			usage_error(cmd, "a period is needed: --quarter YYYY-Qn or --from DATE --to DATE");
		if (p->from > p->to)
			usage_error(cmd, "--from is after --to");
		/* A --from/--to period that is exactly a quarter is named as one. */
		int y, m, d;
		date_to_ymd(p->from, &y, &m, &d);
		if (d == 1 && (m - 1) % 3 == 0 &&
		    p->to == date_quarter_end(y, (m - 1) / 3 + 1)) {
			p->year = y;
			p->q = (m - 1) / 3 + 1;
		}
	}
	if (p->as_of == DATE_NONE)
		p->as_of = p->to;
}

const char *cli_show_figure(double v, char style, int digits, const char *unit, char *buf,
			    size_t len)
{
	if (isnan(v))
		snprintf(buf, len, "-");
	else if (style == 'f')
		snprintf(buf, len, "%.*f%s", digits, v, unit);
	else
		snprintf(buf, len, "%.*g%s", digits, v, unit);
	return buf;
}

const char *cli_show_number(double v, char *buf, size_t len)
{
	return cli_show_figure(v, 'g', 4, "", buf, len);
}

int cli_list_next(const char *list, int *pos, char *buf, size_t cap)
{
	const char *s = list + *pos, *e;
	size_t n;

	if (!*s)
		return 0;
	e = strchr(s, ',');
	n = e ? (size_t)(e - s) : strlen(s);
	snprintf(buf, cap, "%.*s", (int)n, s);
	*pos += (int)n + (e != NULL);
	return 1;
}
