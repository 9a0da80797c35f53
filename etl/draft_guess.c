/*
 * draft_guess.c - the guesses of a profile draft (draft.h): which canonical
 * field a column is, by its name first and its values second; the date
 * format its values are written in; the shape; the canonical value each
 * code most likely means.  What stays undecided is said on stderr.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/util.h"
#include "draft.h"
#include "profile.h"

/* name lower-cased, letters and digits only: "Child/Person ID" -> "childpersonid" */
static void squash(const char *s, char *out, size_t cap)
{
	size_t n = 0;

	for (; *s && n + 1 < cap; s++)
		if (isalnum((unsigned char)*s))
			out[n++] = (char)tolower((unsigned char)*s);
	out[n] = '\0';
}

static int has(const char *s, const char *part)
{
	return strstr(s, part) != NULL;
}

static int is(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/*
 * The field a column name means, or DRAFT_NONE.  The order matters: the
 * more particular names first ("Learning Theme" before "Theme", "Subject
 * Type" before "Type").
 */
static int field_of_name(const char *name, int event)
{
	static const char *const refs[] = {"ref", "reference", "id", "incidentno", "incidentnumber",
					   "escalationref", "escalationid", "escalationno",
					   "escalationreference", "referenceno", "concernid", "logref",
					   NULL};
	static const char *const cases[] = {"caseref", "casenumber", "caseno", "caseid",
					    "childpersonid", "personid", "childid", "nhsnumber",
					    "patientidentifier", "patientid", "clientid", NULL};
	static const char *const drops[] = {"note", "notes", "comment", "comments", "summary",
					    "narrative", "description", "details", NULL};
	char s[256];

	squash(name, s, sizeof(s));
	if (event) {
		if (is(s, (const char *const[]){"stage", "level", "stageno", "escalationstage", NULL}))
			return DRAFT_STAGE;
		if (has(s, "date") || has(s, "entered") || has(s, "on") || has(s, "at"))
			return DRAFT_EVDATE;
		return DRAFT_NONE;
	}
	if (has(s, "name") || has(s, "officer") || has(s, "discussion") || is(s, drops) ||
	    has(s, "casenote"))
		return DRAFT_DROP;
	if (has(s, "learning"))
		return has(s, "theme") || has(s, "detail") ? CF_LEARNING_THEME : CF_LEARNING;
	/* the step before stage 1 (DESIGN.md "Informal resolution") */
	if (has(s, "preescalation") || has(s, "informalresolution") ||
	    has(s, "attemptresolution") || has(s, "stage0"))
		return CF_STAGE0;
	if (has(s, "stage") && (has(s, "date") || has(s, "on"))) {
		for (const char *p = s; *p; p++)
			if (*p >= '1' && *p <= '9')
				return CF_STAGE1 + (*p - '1');
		return DRAFT_EVDATE;
	}
	if (has(s, "feedback"))
		return CF_FEEDBACK_ON;
	if (is(s, (const char *const[]){"stage", "level", "stageno", "escalationstage", NULL}))
		return DRAFT_STAGE;
	if (is(s, cases) || has(s, "identifier"))
		return CF_CASE_REF;
	if (is(s, refs))
		return CF_REF;
	if (has(s, "raisedby") || has(s, "raising") || has(s, "raisedfrom"))
		return CF_RAISED_BY;
	if (has(s, "raisedwith") || has(s, "challenged") || has(s, "against") ||
	    has(s, "escalatedto"))
		return CF_RAISED_WITH;
	if (has(s, "partnership"))
		return CF_PARTNERSHIP;
	if (has(s, "subject") || is(s, (const char *const[]){"person", "patienttype",
							    "persontype", "client", NULL}))
		return CF_SUBJECT;
	if (has(s, "closed") || has(s, "closure"))
		return CF_CLOSED_ON;
	if (has(s, "raised") || has(s, "opened") || is(s, (const char *const[]){"date", NULL}))
		return CF_RAISED_ON;
	if (has(s, "theme") || has(s, "concerntype") || has(s, "issue"))
		return CF_THEME;
	if (has(s, "category") || is(s, (const char *const[]){"type", NULL}))
		return CF_CATEGORY;
	if (has(s, "serious"))
		return CF_SERIOUS;
	if (has(s, "stuck"))
		return CF_STUCK;
	if (has(s, "risk"))
		return CF_IMMEDIATE_RISK;
	if (has(s, "status"))
		return CF_STATUS;
	/* an "Outcome" column may hold either: its values decide (draft_guess()) */
	if (has(s, "outcome") || has(s, "result"))
		return CF_OUTCOME;
	return DRAFT_NONE;
}

/* A column named like the outcome whose values read as statuses (most of
 * them "Agreed", "Resolved", "Withdrawn", "Open"): the status, as many
 * logs call it. */
static int holds_statuses(const struct draft *d, const struct draft_col *c)
{
	int n = 0;

	for (int i = 0; i < c->nv; i++)
		n += draft_guess_value(d, CF_STATUS, c->v[i]) != NULL;
	return c->nv && 2 * n > c->nv;
}

/* A column of mostly long free text (narrative): half its values over 40
 * characters with spaces in them. */
static int narrative(const struct draft_col *c)
{
	int n = 0;

	for (int i = 0; i < c->nv; i++)
		n += strlen(c->v[i]) > 40 && strchr(c->v[i], ' ');
	return c->nv && 2 * n >= c->nv;
}

static int is_date_field(int f)
{
	return f == DRAFT_EVDATE || (f >= 0 && profile_is_date_field(f));
}

/* The date format nearly all (19 in 20) of a column's values parse in, or -1. */
static int guess_datefmt(const struct draft_col *c)
{
	int best = -1, bestn = 0;

	for (int fmt = 0; fmt < PD_COUNT; fmt++) {
		int n = 0, day;

		for (int i = 0; i < c->nv; i++)
			n += profile_parse_date(fmt, c->v[i], strlen(c->v[i]), &day) == 0;
		if (n > bestn)
			best = fmt, bestn = n;
	}
	return bestn && 20L * bestn >= 19L * c->nv ? best : -1;
}

/* Long: some value of the ref column repeats (one row per stage event). */
static int refs_repeat(const struct draft_col *c)
{
	for (int i = 1; i < c->nv; i++)
		if (strcmp(c->v[i], c->v[i - 1]) == 0)
			return 1;
	return 0;
}

void draft_guess(struct draft *d)
{
	int taken[CF_COUNT] = {0}, ref = -1;

	for (int i = 0; i < d->ncol; i++) {
		struct draft_col *c = &d->col[i];
		int f = field_of_name(c->name, c->event);

		if (f == CF_OUTCOME && !taken[CF_STATUS] && holds_statuses(d, c))
			f = CF_STATUS;
		if (f >= 0 && taken[f]) {
			fprintf(stderr, "draft: column '%s' looks like %s too; left out (dropped)\n",
				c->name, canon_field_name(f));
			f = DRAFT_NONE;
		}
		if (f >= 0 && f != CF_LEARNING_THEME && narrative(c)) {
			fprintf(stderr, "draft: column '%s' is named like %s but holds free text; dropped\n",
				c->name, canon_field_name(f));
			f = DRAFT_DROP;
		}
		if (f == DRAFT_NONE && !c->event && narrative(c))
			f = DRAFT_DROP;
		if (f >= 0)
			taken[f] = 1;
		c->field = f;
		if (f == CF_REF)
			ref = i;
		if (f == DRAFT_NONE && !c->event)
			fprintf(stderr, "draft: column '%s': no canonical field found; it is dropped "
				"(map it in \"columns\" if it is one)\n", c->name);
		if (is_date_field(f)) {
			c->datefmt = guess_datefmt(c);
			if (c->datefmt < 0 && c->nv)
				fprintf(stderr, "draft: column '%s': no one date format fits its "
					"values (e.g. \"%s\"); \"dates\" needs it\n", c->name, c->v[0]);
		}
	}
	if (d->shape != PROFILE_JSON)
		d->shape = ref >= 0 && refs_repeat(&d->col[ref]) ? PROFILE_LONG : PROFILE_WIDE;
	if (ref < 0)
		fprintf(stderr, "draft: no column looks like the escalation's reference (ref)\n");
	if (!taken[CF_RAISED_ON])
		fprintf(stderr, "draft: no column looks like the date raised (raised_on)\n");
	if (d->shape == PROFILE_WIDE && ref >= 0 && d->col[ref].nv &&
	    !isalpha((unsigned char)d->col[ref].v[0][0]))
		fprintf(stderr, "draft: the refs start with a digit: a \"ref_prefix\" in \"source\" "
			"may be needed to keep them apart from other agencies' refs\n");
	if (!d->p)
		fprintf(stderr, "draft: %s: agency codes and themes are guessed against no list "
			"(give --partnership, with a warehouse made by 'oversight init')\n",
			d->partnership ? "the warehouse could not be read" : "no partnership");
}

/* ------------------------------------------------------------------ */
/* Codes                                                                */

/* initials of the words of s: "Devon & Cornwall Police" -> "dcp" */
static void initials(const char *s, char *out, size_t cap)
{
	size_t n = 0;
	int start = 1;

	for (; *s && n + 1 < cap; s++) {
		if (isalnum((unsigned char)*s)) {
			if (start)
				out[n++] = (char)tolower((unsigned char)*s);
			start = 0;
		} else if (*s != '\'') {
			start = 1;
		}
	}
	out[n] = '\0';
}

/* every word of id ("drift-delay") is in code ("drift and delay") */
static int words_in(const char *id, const char *code)
{
	char low[256], word[64];
	size_t n = 0;

	squash(code, low, sizeof(low));
	for (const char *p = id;; p++) {
		if (*p && *p != '-' && n + 1 < sizeof(word)) {
			word[n++] = *p;
			continue;
		}
		word[n] = '\0';
		if (n && !strstr(low, word))
			return 0;
		n = 0;
		if (!*p)
			return 1;
	}
}

/* code's letters in order in s, the first at its start: "asm" in "assessment" */
static int subsequence(const char *code, const char *s)
{
	if (strlen(code) < 2 || *code != *s)
		return 0;
	for (; *code && *s; s++)
		if (*s == *code)
			code++;
	return !*code;
}

/*
 * How well code matches a canonical value id (or its long name): 4 the
 * same letters, 3 every word of it, 2 the initials, 1 a prefix or its
 * letters in order; 0 none.
 */
static int score(const char *code, const char *id, const char *name)
{
	char c[256], i[256], ini[64];

	squash(code, c, sizeof(c));
	squash(id, i, sizeof(i));
	if (!*c)
		return 0;
	if (strcmp(c, i) == 0)
		return 4;
	if (name) {
		char nm[256];

		squash(name, nm, sizeof(nm));
		if (strcmp(c, nm) == 0)
			return 4;
	}
	if (words_in(id, code))
		return 3;
	initials(name ? name : id, ini, sizeof(ini));
	if (strlen(c) > 1 && strcmp(c, ini) == 0)
		return 2;
	if (strchr(id, '-')) {
		char idini[64];
		char tmp[256];

		snprintf(tmp, sizeof(tmp), "%s", id);
		for (char *p = tmp; *p; p++)
			if (*p == '-')
				*p = ' ';
		initials(tmp, idini, sizeof(idini));
		if (strlen(c) > 1 && strcmp(c, idini) == 0)
			return 2;
	}
	if (strncmp(i, c, strlen(c)) == 0)
		return 1;
	/* in order within the id only: a long name holds too many letters */
	return subsequence(c, i);
}

/* The best of n candidates, or NULL when none scores or two tie. */
static const char *best_of(const char *code, const char *const *id, const char *const *name,
			   int n)
{
	int best = 0, tie = 0;
	const char *pick = NULL;

	for (int k = 0; k < n; k++) {
		int s = score(code, id[k], name ? name[k] : NULL);

		if (s > best)
			best = s, pick = id[k], tie = 0;
		else if (s && s == best && strcmp(pick, id[k]) != 0)
			tie = 1;
	}
	return tie ? NULL : pick;
}

static int count(const char *const *v)
{
	int n = 0;

	while (v && v[n])
		n++;
	return n;
}

static const char *stage_number(const char *code)
{
	static const char *const digits[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};
	const char *p = code;
	int n = 0;

	while (*p && !isdigit((unsigned char)*p))
		p++;
	for (; *p && n < 2; p++)
		if (isdigit((unsigned char)*p))
			n = *p - '0' + 10 * n;
		else
			break;
	return n >= 1 && n <= 9 ? digits[n - 1] : NULL;
}

const char *draft_guess_value(const struct draft *d, int f, const char *code)
{
	if (f == DRAFT_STAGE)
		return stage_number(code);
	if (f == CF_RAISED_BY || f == CF_RAISED_WITH) {
		const char *hit;

		if (!d->p)
			return NULL;
		hit = best_of(code, (const char *const *)d->p->agency,
			      (const char *const *)d->p->agency_name, d->p->nagency);
		return hit;
	}
	if (f == CF_THEME)
		return d->r ? best_of(code, (const char *const *)d->r->theme, NULL, d->r->ntheme)
			    : NULL;
	if (f == CF_STATUS) {
		char s[256];

		squash(code, s, sizeof(s));
		if (has(s, "withdr"))
			return "withdrawn";
		if (has(s, "resolv") || has(s, "agreed"))
			return "resolved";
		if (is(s, (const char *const[]){"open", "live", "active", "inprogress", "ongoing",
						NULL}))
			return "open";
		return NULL;
	}
	if (f == CF_OUTCOME) {
		char s[256];

		squash(code, s, sizeof(s));
		if (has(s, "partly") || has(s, "partial") || has(s, "inpart"))
			return "partly";
		if (has(s, "nochange") || has(s, "unchanged") || has(s, "notchanged") ||
		    has(s, "upheld") || has(s, "stood") || has(s, "maintained"))
			return "upheld";
		if (has(s, "change") || has(s, "revised") || has(s, "amended"))
			return "changed";
		return NULL;
	}
	if (f == CF_SUBJECT || f == CF_CATEGORY) {
		const char *const *set = canon_allowed(f);
		char s[256];

		squash(code, s, sizeof(s));
		if (f == CF_SUBJECT && (has(s, "noindividual") || has(s, "nosubject")))
			return "none";
		for (int k = 0; set[k]; k++)
			if (has(s, set[k]) && strlen(set[k]) > 2)
				return set[k];
		return best_of(code, set, NULL, count(set));
	}
	return NULL;
}
