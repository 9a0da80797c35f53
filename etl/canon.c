/*
 * canon.c - the rejection rules for one canonical record (docs/log-format.md
 * lists them with their messages: keep it in step), and the
 * one list of the values its coded fields may hold (canon_allowed()).
 *
 * The order of the checks decides which reason a row with several faults
 * is quarantined under: required values first, then ids, then dates, then
 * the rules that relate one field to another.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "canon.h"
#include "core/date.h"
#include "core/text.h"

static const char *const names[CF_COUNT] = {
	[CF_REF] = "ref",
	[CF_PARTNERSHIP] = "partnership",
	[CF_RAISED_BY] = "raised_by",
	[CF_RAISED_WITH] = "raised_with",
	[CF_CASE_REF] = "case_ref",
	[CF_SUBJECT] = "subject",
	[CF_RAISED_ON] = "raised_on",
	[CF_THEME] = "theme",
	[CF_CATEGORY] = "category",
	[CF_SERIOUS] = "serious_concern",
	[CF_STUCK] = "stuck",
	[CF_STAGE1] = "stage1_on",
	[CF_STAGE1 + 1] = "stage2_on",
	[CF_STAGE1 + 2] = "stage3_on",
	[CF_STAGE1 + 3] = "stage4_on",
	[CF_STAGE1 + 4] = "stage5_on",
	[CF_STAGE1 + 5] = "stage6_on",
	[CF_STAGE1 + 6] = "stage7_on",
	[CF_STAGE1 + 7] = "stage8_on",
	[CF_STAGE9] = "stage9_on",
	[CF_STATUS] = "status",
	[CF_CLOSED_ON] = "closed_on",
	[CF_LEARNING] = "learning",
	[CF_LEARNING_THEME] = "learning_theme",
	[CF_STAGE0] = "stage0_on",
	[CF_OUTCOME] = "outcome",
	[CF_FEEDBACK_ON] = "feedback_on",
	[CF_IMMEDIATE_RISK] = "immediate_risk",
};

/* Longest value accepted per field: ids and labels are short, and a
 * multi-megabyte "ref" is a broken export, not a reference. */
#define MAX_ID 100
#define MAX_CASE_REF 64
#define MAX_LEARNING_THEME 200

/* The earliest date the warehouse calendar covers. */
#define FIRST_YEAR 2000

const char *canon_field_name(int f)
{
	return f >= 0 && f < CF_COUNT ? names[f] : "?";
}

int canon_field_lookup(const char *name)
{
	for (int f = 0; f < CF_COUNT; f++)
		if (strcmp(names[f], name) == 0)
			return f;
	return -1;
}

int canon_yes_no(const char *s, int dflt)
{
	if (!s || !*s)
		return dflt;
	if (!strcasecmp(s, "y") || !strcasecmp(s, "yes"))
		return 1;
	if (!strcasecmp(s, "n") || !strcasecmp(s, "no"))
		return 0;
	return -1;
}

static int fail(struct canon_err *err, const struct canon_in *in, int f, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#include <stdarg.h>
static int fail(struct canon_err *err, const struct canon_in *in, int f, const char *fmt, ...)
{
	va_list ap;
	int n;

	err->field = f;
	err->col = in->col[f];
	/* "raised_on: ..." or, from a profile, "Date Raised (raised_on): ..." */
	if (in->src[f])
		n = snprintf(err->msg, sizeof(err->msg), "%s (%s): ", in->src[f], names[f]);
	else
		n = snprintf(err->msg, sizeof(err->msg), "%s: ", names[f]);
	if (n < 0 || (size_t)n >= sizeof(err->msg))
		n = 0;
	va_start(ap, fmt);
	vsnprintf(err->msg + n, sizeof(err->msg) - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

static int empty(const struct canon_in *in, int f)
{
	return !in->v[f] || !in->v[f][0];
}

/* Quote a value for a message, shortened: it may be anything (and a case
 * reference is masked: text_quote()). */
static const char *shown(const struct canon_in *in, int f, char *buf, size_t cap)
{
	return text_quote(in->v[f], in->len[f], f == CF_CASE_REF, buf, cap);
}

static int parse_date(const struct canon_in *in, int f, int today, int *out, struct canon_err *err)
{
	char b[64];
	int rc = date_parse_iso(in->v[f], in->len[f], out);
	int y;

	if (rc == DATE_ERR_FORM)
		return fail(err, in, f, "\"%s\" is not a date (YYYY-MM-DD)", shown(in, f, b, sizeof(b)));
	if (rc == DATE_ERR_IMPOSSIBLE)
		return fail(err, in, f, "%s is not a real date", shown(in, f, b, sizeof(b)));
	date_to_ymd(*out, &y, NULL, NULL);
	if (y < FIRST_YEAR)
		return fail(err, in, f, "%s is before %d-01-01", in->v[f], FIRST_YEAR);
	if (*out > today)
		return fail(err, in, f, "%s is in the future", in->v[f]);
	return 0;
}

static int check_len(const struct canon_in *in, int f, size_t max, struct canon_err *err)
{
	if (in->len[f] > max)
		return fail(err, in, f, "longer than %zu characters", max);
	return 0;
}

/* The values of the coded fields (docs/log-format.md), listed once: a record is
 * held to them here, and a profile's value maps and defaults are checked
 * against them (profile_parse.c).  A yes/no field's canonical spellings
 * are "y" and "n"; canon_yes_no() reads a few more. */
static const char *const subjects[] = {"child", "unborn", "adult", "none", NULL};
static const char *const categories[] = {"case", "policy", "iru", NULL};
static const char *const statuses[] = {"open", "resolved", "withdrawn", NULL};
static const char *const yes_no[] = {"y", "n", NULL};
/* DESIGN.md "Outcome": changed (the decision or plan challenged was
 * changed), partly, upheld (it stood). */
static const char *const outcomes[] = {"changed", "partly", "upheld", NULL};

static const char *const *const allowed[CF_COUNT] = {
	[CF_SUBJECT] = subjects,
	[CF_CATEGORY] = categories,
	[CF_STATUS] = statuses,
	[CF_SERIOUS] = yes_no,
	[CF_STUCK] = yes_no,
	[CF_LEARNING] = yes_no,
	[CF_OUTCOME] = outcomes,
	[CF_IMMEDIATE_RISK] = yes_no,
};

const char *const *canon_allowed(int f)
{
	return f >= 0 && f < CF_COUNT ? allowed[f] : NULL;
}

int canon_is_yes_no_field(int f)
{
	return canon_allowed(f) == yes_no;
}

int canon_is_allowed(int f, const char *s)
{
	const char *const *set = canon_allowed(f);

	if (!set)
		return 1;
	for (; *set; set++)
		if (strcmp(s, *set) == 0)
			return 1;
	return 0;
}

const char *canon_allowed_text(int f, char *buf, size_t cap)
{
	const char *const *set = canon_allowed(f);
	size_t n = 0, used;

	if (!set) {
		snprintf(buf, cap, "?");
		return buf;
	}
	while (set[n])
		n++;
	used = (size_t)snprintf(buf, cap, "%s", n > 2 ? "one of " : "");
	for (size_t i = 0; i < n && used < cap; i++)
		used += (size_t)snprintf(buf + used, cap - used, "%s%s",
					 i == 0 ? "" : n > 2 ? ", " : " or ", set[i]);
	return buf;
}

/* "'Open' is not one of open, resolved, withdrawn; did you mean 'open'?" */
static int not_allowed(const struct canon_in *in, int f, struct canon_err *err)
{
	const char *const *set = canon_allowed(f);
	const char *near = NULL;
	char b[64], text[80];
	int n = 0;

	while (set[n])
		n++;
	for (int i = 0; i < n && !near; i++)
		if (in->v[f] && !strcasecmp(in->v[f], set[i]))
			near = set[i];
	/* a near spelling, but not a guess at what "maybe" or "1" meant */
	if (!near && in->v[f] && strlen(in->v[f]) >= 3 && !canon_is_yes_no_field(f))
		near = ref_suggest(in->v[f], (char *const *)set, n);
	return fail(err, in, f, "'%s' is not %s%s%s%s", shown(in, f, b, sizeof(b)),
		    canon_allowed_text(f, text, sizeof(text)), near ? "; did you mean '" : "",
		    near ? near : "", near ? "'?" : "");
}

static int check_agency(const struct canon_in *in, int f, const struct ref_partnership *p,
			struct canon_err *err)
{
	char b[64], hint[320];

	if (ref_agency_index(p, in->v[f]) >= 0)
		return 0;
	return fail(err, in, f, "unknown agency '%s' in %s%s", shown(in, f, b, sizeof(b)), p->id,
		    ref_hint(hint, sizeof(hint), "agencies", in->v[f], p->agency, p->nagency));
}

/* Required values present, and no value too long. */
static int check_present(const struct canon_in *in, struct canon_err *err)
{
	static const char *const required[] = {"ref", "partnership", "raised_by", "raised_with",
					       "raised_on", "theme", "status", NULL};

	for (int i = 0; required[i]; i++) {
		int f = canon_field_lookup(required[i]);

		if (empty(in, f))
			return fail(err, in, f, "required value missing");
	}
	for (int f = 0; f < CF_COUNT; f++) {
		if (f == CF_CASE_REF || f == CF_LEARNING_THEME)
			continue;
		if (check_len(in, f, MAX_ID, err))
			return -1;
	}
	if (check_len(in, CF_CASE_REF, MAX_CASE_REF, err) ||
	    check_len(in, CF_LEARNING_THEME, MAX_LEARNING_THEME, err))
		return -1;
	return 0;
}

/* The coded values, the date raised and the theme. */
static int check_values(const struct canon_in *in, const struct ref *r, int today,
			struct canon *out, struct canon_err *err)
{
	char b[64];

	out->subject = empty(in, CF_SUBJECT) ? "child" : in->v[CF_SUBJECT];
	if (!canon_is_allowed(CF_SUBJECT, out->subject))
		return not_allowed(in, CF_SUBJECT, err);
	if (parse_date(in, CF_RAISED_ON, today, &out->raised_on, err))
		return -1;
	if (!ref_is_theme(r, in->v[CF_THEME])) {
		const char *hint = ref_suggest(in->v[CF_THEME], r->theme, r->ntheme);

		if (hint)
			return fail(err, in, CF_THEME, "unknown theme '%s'; did you mean '%s'?",
				    shown(in, CF_THEME, b, sizeof(b)), hint);
		return fail(err, in, CF_THEME, "unknown theme '%s'", shown(in, CF_THEME, b, sizeof(b)));
	}
	out->theme = in->v[CF_THEME];
	out->category = empty(in, CF_CATEGORY) ? "case" : in->v[CF_CATEGORY];
	if (!canon_is_allowed(CF_CATEGORY, out->category))
		return not_allowed(in, CF_CATEGORY, err);
	if ((out->serious = canon_yes_no(in->v[CF_SERIOUS], 0)) < 0)
		return not_allowed(in, CF_SERIOUS, err);
	if ((out->stuck = canon_yes_no(in->v[CF_STUCK], 0)) < 0)
		return not_allowed(in, CF_STUCK, err);
	if ((out->learning = canon_yes_no(in->v[CF_LEARNING], 0)) < 0)
		return not_allowed(in, CF_LEARNING, err);
	if ((out->immediate_risk = canon_yes_no(in->v[CF_IMMEDIATE_RISK], 0)) < 0)
		return not_allowed(in, CF_IMMEDIATE_RISK, err);
	out->outcome = empty(in, CF_OUTCOME) ? NULL : in->v[CF_OUTCOME];
	if (out->outcome && !canon_is_allowed(CF_OUTCOME, out->outcome))
		return not_allowed(in, CF_OUTCOME, err);
	out->learning_theme = empty(in, CF_LEARNING_THEME) ? NULL : in->v[CF_LEARNING_THEME];
	return 0;
}

/* The stage dates; *top_f and *top_day: the highest stage given and its day. */
static int check_stages(const struct canon_in *in, const struct ref_partnership *p, int today,
			struct canon *out, struct canon_err *err, int *top_f, int *top_day)
{
	int last_f = -1, last_day = DATE_NONE, first_f = -1, first_day = DATE_NONE;

	/* Stages: at least one; none beyond the protocol's last; dates never
	 * decrease up the ladder (gaps are allowed: a protocol may start at a
	 * higher stage where a child is at risk). */
	for (int n = 0; n <= MODEL_STAGES; n++)
		out->stage[n] = DATE_NONE;
	for (int n = 0; n <= CANON_MAX_STAGE; n++) {
		int f = n == 0 ? CF_STAGE0 : CF_STAGE1 + n - 1, day;

		if (empty(in, f))
			continue;
		/* DESIGN.md "Informal resolution": only a protocol with a
		 * step before stage 1 (its pre_stage) has a stage 0. */
		if (n == 0 && !p->has_pre_stage)
			return fail(err, in, f, "%s's protocol has no step before stage 1 "
				    "(informal resolution is not recorded for it)", p->id);
		if (n > p->last_stage)
			return fail(err, in, f, "%s's protocol has %d stages; there is no stage %d",
				    p->id, p->last_stage, n);
		if (parse_date(in, f, today, &day, err))
			return -1;
		if (last_day != DATE_NONE && day < last_day)
			return fail(err, in, f, "%s is before %s %s", in->v[f], names[last_f],
				    in->v[last_f]);
		if (first_f < 0) {
			first_f = f;
			first_day = day;
		}
		last_f = f;
		last_day = day;
		out->stage[n] = day;
		out->top_stage = n;
	}
	if (first_f < 0)
		return fail(err, in, CF_STAGE1, "no stage date given (at least one stage%s is required)",
			    p->has_pre_stage ? ", or stage0_on," : "");
	if (out->raised_on > first_day)
		return fail(err, in, CF_RAISED_ON, "%s is after the first stage date (%s %s)",
			    in->v[CF_RAISED_ON], names[first_f], in->v[first_f]);
	*top_f = last_f;
	*top_day = last_day;
	return 0;
}

/* The status, and the day an escalation that is not open closed on. */
static int check_status(const struct canon_in *in, int today, struct canon *out,
			struct canon_err *err, int last_f, int last_day)
{
	out->status = in->v[CF_STATUS];
	if (!canon_is_allowed(CF_STATUS, out->status))
		return not_allowed(in, CF_STATUS, err);
	out->closed_on = DATE_NONE;
	if (strcmp(out->status, "open") == 0) {
		if (!empty(in, CF_CLOSED_ON))
			return fail(err, in, CF_CLOSED_ON, "given on an open escalation");
	} else {
		if (empty(in, CF_CLOSED_ON))
			return fail(err, in, CF_CLOSED_ON, "required when status is %s", out->status);
		if (parse_date(in, CF_CLOSED_ON, today, &out->closed_on, err))
			return -1;
		if (out->closed_on < last_day)
			return fail(err, in, CF_CLOSED_ON, "%s is before the last stage date (%s %s)",
				    in->v[CF_CLOSED_ON], names[last_f], in->v[last_f]);
	}
	return 0;
}

/* The outcome and the feedback: an outcome only once the escalation is
 * closed; feedback never before it was raised (DESIGN.md's rejection
 * rules). */
static int check_outcome(const struct canon_in *in, int today, struct canon *out,
			 struct canon_err *err)
{
	if (out->outcome && strcmp(out->status, "open") == 0)
		return fail(err, in, CF_OUTCOME, "'%s' given on an open escalation (an outcome is "
			    "recorded once it is resolved)", out->outcome);
	out->feedback_on = DATE_NONE;
	if (empty(in, CF_FEEDBACK_ON))
		return 0;
	if (parse_date(in, CF_FEEDBACK_ON, today, &out->feedback_on, err))
		return -1;
	if (out->feedback_on < out->raised_on)
		return fail(err, in, CF_FEEDBACK_ON, "%s is before raised_on %s", in->v[CF_FEEDBACK_ON],
			    in->v[CF_RAISED_ON]);
	return 0;
}

int canon_validate(const struct canon_in *in, const struct ref *r, int today,
		   struct canon *out, struct canon_err *err)
{
	const struct ref_partnership *p;
	char b[64];
	int last_f = -1, last_day = DATE_NONE;

	memset(out, 0, sizeof(*out));
	if (check_present(in, err))
		return -1;
	out->ref = in->v[CF_REF];
	p = ref_find_partnership(r, in->v[CF_PARTNERSHIP]);
	if (!p) {
		char *ids[64], hint[320];
		int n = r->npartnership < 64 ? r->npartnership : 64;

		for (int i = 0; i < n; i++)
			ids[i] = r->partnership[i].id;
		return fail(err, in, CF_PARTNERSHIP, "unknown partnership '%s'%s",
			    shown(in, CF_PARTNERSHIP, b, sizeof(b)),
			    ref_hint(hint, sizeof(hint), "partnerships", in->v[CF_PARTNERSHIP], ids, n));
	}
	out->p = p;
	if (check_agency(in, CF_RAISED_BY, p, err) || check_agency(in, CF_RAISED_WITH, p, err))
		return -1;
	out->raised_by = in->v[CF_RAISED_BY];
	out->raised_with = in->v[CF_RAISED_WITH];
	out->case_ref = empty(in, CF_CASE_REF) ? NULL : in->v[CF_CASE_REF];
	out->case_len = out->case_ref ? in->len[CF_CASE_REF] : 0;

	if (check_values(in, r, today, out, err) ||
	    check_stages(in, p, today, out, err, &last_f, &last_day) ||
	    check_status(in, today, out, err, last_f, last_day) ||
	    check_outcome(in, today, out, err))
		return -1;
	return 0;
}
