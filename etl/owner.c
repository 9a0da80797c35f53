/*
 * owner.c - whose log a file is: see owner.h.
 */
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/msg.h"
#include "owner.h"

void owner_row(struct load_owner *o, const char *p, const char *by, const char *with)
{
	if (o->rows++ == 0)
		snprintf(o->partnership, sizeof(o->partnership), "%s", p);
	else if (strcmp(o->partnership, p))
		o->mixed = 1;
	if (!by || !with) {
		o->ncand = 0;
		return;
	}
	if (o->rows == 1) {
		snprintf(o->cand[0], OWNER_ID, "%s", by);
		snprintf(o->cand[1], OWNER_ID, "%s", with);
		o->ncand = strcmp(by, with) ? 2 : 1;
		return;
	}
	/* Keep the candidates this row names too. */
	for (int i = 0; i < o->ncand;) {
		if (!strcmp(o->cand[i], by) || !strcmp(o->cand[i], with)) {
			i++;
			continue;
		}
		if (i == 0 && o->ncand == 2)
			memcpy(o->cand[0], o->cand[1], OWNER_ID);
		o->ncand--;
	}
}

const char *owner_partnership(const struct load_owner *o)
{
	return o->rows && !o->mixed ? o->partnership : NULL;
}

const char *owner_agency(const struct load_owner *o)
{
	return owner_partnership(o) && o->ncand == 1 ? o->cand[0] : NULL;
}

int owner_resolve(const struct load_source *s, const struct ref *r, const char *file,
		  const char **pp, const char **pa)
{
	const char *p = owner_partnership(&s->own), *a = owner_agency(&s->own);
	const struct ref_partnership *rp;

	if (!p && !s->own.mixed)
		p = s->partnership;
	if (s->agency && !s->agency[0]) {
		a = NULL; /* load --shared */
	} else if (s->agency && p) {
		rp = ref_find_partnership(r, p);
		if (!rp || ref_agency_index(rp, s->agency) < 0)
			return error("%s: --agency: '%s' is not an agency of %s", file, s->agency, p);
		a = s->agency;
	}
	*pp = p;
	*pa = p ? a : NULL;
	return 0;
}

int owner_bind(const struct load_source *s, const struct ref *r, const char *file, int today,
	       sqlite3_stmt *st)
{
	const char *p, *a;
	char day[11];

	if (owner_resolve(s, r, file, &p, &a))
		return -1;
	sqlite3_bind_text(st, wh_param(st, ":partnership"), p, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, wh_param(st, ":agency"), a, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, wh_param(st, ":exported_on"),
			  date_format(s->exported != DATE_NONE ? s->exported : today, day), 10,
			  SQLITE_TRANSIENT);
	return 0;
}
