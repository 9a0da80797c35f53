/*
 * record.c - building one canonical record from a source row (or a long
 * group, or a JSON record) through a profile: codes through the value
 * maps, dates in the profile's formats, defaults, the stage events.  See
 * the "Building one canonical record" part of profile.h.  The shapes call
 * in here; nothing here reads a file.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/date.h"
#include "core/msg.h"
#include "core/text.h"
#include "core/util.h"
#include "profile.h"

void profile_rec_init(struct profile_rec *r, const struct profile *pf)
{
	memset(r, 0, sizeof(*r));
	r->pf = pf;
}

void profile_rec_free(struct profile_rec *r)
{
	for (int f = 0; f < CF_COUNT; f++) {
		free(r->val[f]);
		free(r->given[f]);
	}
	memset(r, 0, sizeof(*r));
}

void profile_rec_start(struct profile_rec *r, long line)
{
	memset(&r->in, 0, sizeof(r->in));
	r->in.line = line;
	for (int f = 0; f < CF_COUNT; f++) {
		r->vline[f] = 0;
		r->src[f][0] = '\0';
	}
	r->events = 0;
	r->closed_by_event = 0;
	r->fail = 0;
	r->fail_field = -1;
	r->fail_col = 0;
	r->why[0] = '\0';
}

static void keep(char **buf, size_t *cap, const char *s, size_t n)
{
	if (n + 1 > *cap) {
		size_t c = *cap ? *cap : 64;

		while (c < n + 1)
			c *= 2;
		*buf = xrealloc(*buf, c);
		*cap = c;
	}
	if (n)
		memcpy(*buf, s, n);
	(*buf)[n] = '\0';
}

/* A value of field f for a message (text_quote(): a case reference is
 * masked). */
static const char *shown(int f, const char *s, size_t n, char *buf, size_t cap)
{
	return text_quote(s, n, f == CF_CASE_REF, buf, cap);
}

/* Keep the record's first failure: "<source> (<field>): <why>".  A
 * stage code belongs to no field yet: f is CF_STAGE1, shown as "stage". */
#define FAIL_STAGE_CODE (-1 - CF_STAGE1)

static void failf(struct profile_rec *r, int f, int col, const char *src, long line,
		  const char *fmt, ...) MSG_PRINTF(6, 7);
static void failf(struct profile_rec *r, int f, int col, const char *src, long line,
		  const char *fmt, ...)
{
	const char *label;
	va_list ap;
	int n;

	if (r->fail)
		return;
	label = f == FAIL_STAGE_CODE ? "stage" : canon_field_name(f);
	if (f == FAIL_STAGE_CODE)
		f = CF_STAGE1;
	r->fail = 1;
	r->fail_field = f;
	r->fail_col = col;
	n = snprintf(r->why, sizeof(r->why), "%s (%s): ", src && *src ? src : label, label);
	if (n < 0 || (size_t)n >= sizeof(r->why))
		n = 0;
	va_start(ap, fmt);
	vsnprintf(r->why + n, sizeof(r->why) - (size_t)n, fmt, ap);
	va_end(ap);
	/* A long group's value may come from a later row than the first. */
	if (line && line != r->in.line) {
		size_t l = strlen(r->why);

		snprintf(r->why + l, sizeof(r->why) - l, " (line %ld)", line);
	}
}

/* Store canonical text t for field f, unless a different non-blank value
 * is there already (a long group whose rows disagree). */
static void put(struct profile_rec *r, int f, const char *t, size_t tlen, const char *given,
		size_t glen, int col, const char *src, long line)
{
	char a[64], b[64];

	if (r->in.v[f] && r->in.len[f]) {
		if (!tlen)
			return;
		if (tlen == r->in.len[f] && memcmp(t, r->in.v[f], tlen) == 0)
			return;
		/* One case however it is spelt: the pseudonym's rule. */
		if (f == CF_CASE_REF && text_case_same(t, tlen, r->in.v[f], r->in.len[f]))
			return;
		failf(r, f, col, src, line, "'%s' differs from '%s' at line %ld: the rows of one "
		      "escalation must agree", shown(f, given, glen, a, sizeof(a)),
		      shown(f, r->given[f], strlen(r->given[f]), b, sizeof(b)), r->vline[f]);
		return;
	}
	keep(&r->val[f], &r->cap[f], t, tlen);
	keep(&r->given[f], &r->gcap[f], given, glen);
	r->in.v[f] = r->val[f];
	r->in.len[f] = tlen;
	r->in.col[f] = col;
	r->vline[f] = line;
	if (src) {
		snprintf(r->src[f], sizeof(r->src[f]), "%s", src);
		r->in.src[f] = r->src[f];
	} else {
		r->in.src[f] = NULL;
	}
}

static int yes_no(const struct profile *pf, const char *s, size_t len)
{
	for (int i = 0; i < pf->nyes; i++)
		if (strlen(pf->yes[i]) == len &&
		    (pf->yn_case ? !strncmp(pf->yes[i], s, len) : !strncasecmp(pf->yes[i], s, len)))
			return 1;
	for (int i = 0; i < pf->nno; i++)
		if (strlen(pf->no[i]) == len &&
		    (pf->yn_case ? !strncmp(pf->no[i], s, len) : !strncasecmp(pf->no[i], s, len)))
			return 0;
	return -1;
}

/* Where the profile gave field f's codes. */
static const char *vmap_key(const struct profile *pf, int f)
{
	return pf->vmap_agency & (1 << f) ? "agency" : canon_field_name(f);
}

void profile_rec_set(struct profile_rec *r, int f, const char *v, size_t len, int col,
		     const char *src, long line)
{
	const struct profile *pf = r->pf;
	char b[64], iso[11], *pre = NULL;
	const char *t = v;
	size_t tlen;
	int day, i;

	text_trim(&v, &len);
	t = v;
	tlen = len;
	if (r->fail)
		return;
	if (len == 0) {
		put(r, f, "", 0, "", 0, col, src, line);
		return;
	}
	if (f == CF_REF && pf->ref_prefix) {
		size_t pl = strlen(pf->ref_prefix);

		pre = xmalloc(pl + len + 1);
		memcpy(pre, pf->ref_prefix, pl);
		memcpy(pre + pl, v, len);
		pre[pl + len] = '\0';
		t = pre;
		tlen = pl + len;
	} else if (pf->vmap[f].n) {
		if ((i = profile_vmap_find(&pf->vmap[f], v, len)) < 0) {
			failf(r, f, col, src, line, "'%s' is not a code of the profile's values.%s",
			      shown(f, v, len, b, sizeof(b)), vmap_key(pf, f));
			return;
		}
		t = pf->vmap[f].to[i];
		tlen = strlen(t);
	} else if (canon_is_yes_no_field(f)) {
		int yn = yes_no(pf, v, len);

		if (yn < 0) {
			failf(r, f, col, src, line, "'%s' is not a yes/no spelling of the profile "
			      "(yes: %s%s, no: %s%s)", shown(f, v, len, b, sizeof(b)), pf->yes[0],
			      pf->nyes > 1 ? ", ..." : "", pf->no[0], pf->nno > 1 ? ", ..." : "");
			return;
		}
		t = yn ? "y" : "n";
		tlen = 1;
	} else if (profile_is_date_field(f)) {
		if (profile_parse_date(pf->datefmt[f], v, len, &day)) {
			failf(r, f, col, src, line, "\"%s\" is not a date (%s)", shown(f, v, len, b, sizeof(b)),
			      profile_datefmt_name(pf->datefmt[f]));
			return;
		}
		t = date_format(day, iso);
		tlen = 10;
	}
	put(r, f, t, tlen, v, len, col, src, line);
	free(pre);
}

void profile_rec_event(struct profile_rec *r, const char *code, size_t clen, int ccol,
		       const char *csrc, const char *date, size_t dlen, int dcol,
		       const char *dsrc, long line)
{
	const struct profile *pf = r->pf;
	char b[64], iso[11];
	int stage = -1, i, day, f;

	text_trim(&code, &clen);
	text_trim(&date, &dlen);
	r->events++;
	if (r->fail)
		return;
	if (!clen) {
		failf(r, FAIL_STAGE_CODE, ccol, csrc, line, "blank: each stage event names its stage");
		return;
	}
	if (pf->stage.n) {
		if ((i = profile_vmap_find(&pf->stage, code, clen)) >= 0)
			stage = pf->stage.to[i][0] - '0';
	} else if (clen == 1 && code[0] >= '0' && code[0] <= '0' + CANON_MAX_STAGE) {
		stage = code[0] - '0';
	}
	/* stage 0: the step before stage 1 (stage0_on), where the protocol
	 * has one; canon.c rejects it for a protocol without. */
	if (stage >= 0) {
		f = stage == 0 ? CF_STAGE0 : CF_STAGE1 + stage - 1;
		if (!dlen) {
			failf(r, f, dcol, dsrc, line, "blank: the stage %d event has no date", stage);
			return;
		}
		if (profile_parse_date(pf->datefmt[f], date, dlen, &day)) {
			failf(r, f, dcol, dsrc, line, "\"%s\" is not a date (%s)",
			      shown(f, date, dlen, b, sizeof(b)), profile_datefmt_name(pf->datefmt[f]));
			return;
		}
		date_format(day, iso);
		/* A stage entered twice: the escalation entered it on the
		 * first of them (DESIGN.md: "date the escalation entered
		 * stage N"). */
		if (r->in.v[f] && r->in.len[f] && memcmp(iso, r->in.v[f], 10) >= 0)
			return;
		r->in.v[f] = NULL;
		r->in.len[f] = 0;
		put(r, f, iso, 10, date, dlen, dcol, dsrc, line);
		return;
	}
	if ((i = profile_vmap_find(&pf->vmap[CF_STATUS], code, clen)) >= 0) {
		const char *st = pf->vmap[CF_STATUS].to[i];

		put(r, CF_STATUS, st, strlen(st), code, clen, ccol, csrc, line);
		r->closed_by_event = 1;
		if (strcmp(st, "open") == 0 || !dlen)
			return;
		if (profile_parse_date(pf->datefmt[CF_CLOSED_ON], date, dlen, &day)) {
			failf(r, CF_CLOSED_ON, dcol, dsrc, line, "\"%s\" is not a date (%s)",
			      shown(CF_CLOSED_ON, date, dlen, b, sizeof(b)),
			      profile_datefmt_name(pf->datefmt[CF_CLOSED_ON]));
			return;
		}
		put(r, CF_CLOSED_ON, date_format(day, iso), 10, date, dlen, dcol, dsrc, line);
		return;
	}
	if (pf->stage.n)
		failf(r, FAIL_STAGE_CODE, ccol, csrc, line, "'%s' is not a stage of the profile's "
		      "values.stage%s", shown(FAIL_STAGE_CODE, code, clen, b, sizeof(b)),
		      pf->vmap[CF_STATUS].n ? " nor a closure of values.status" : "");
	else
		failf(r, FAIL_STAGE_CODE, ccol, csrc, line, "'%s' is not a stage number 0..%d%s",
		      shown(FAIL_STAGE_CODE, code, clen, b, sizeof(b)), CANON_MAX_STAGE,
		      pf->vmap[CF_STATUS].n ? " nor a closure of values.status" : "");
}

int profile_rec_finish(struct profile_rec *r)
{
	const struct profile *pf = r->pf;

	if (r->fail)
		return -1;
	if ((!r->in.v[CF_PARTNERSHIP] || !r->in.len[CF_PARTNERSHIP]) && pf->partnership)
		put(r, CF_PARTNERSHIP, pf->partnership, strlen(pf->partnership), pf->partnership,
		    strlen(pf->partnership), 0, "source.partnership", r->in.line);
	for (int f = 0; f < CF_COUNT; f++)
		if ((!r->in.v[f] || !r->in.len[f]) && pf->dflt[f])
			put(r, f, pf->dflt[f], strlen(pf->dflt[f]), pf->dflt[f], strlen(pf->dflt[f]), 0,
			    "defaults", r->in.line);
	/* An escalation whose events hold no closure is still open. */
	if (pf->shape != PROFILE_WIDE && (!r->in.v[CF_STATUS] || !r->in.len[CF_STATUS]))
		put(r, CF_STATUS, "open", 4, "", 0, 0, "no closure event", r->in.line);
	return r->fail ? -1 : 0;
}
