/*
 * profile_ref.c - the ids a profile names, checked against the
 * warehouse's reference data: see profile_check_ref() in profile.h.
 */
#include <stdio.h>

#include "core/msg.h"
#include "profile.h"

/* One id the profile maps to, checked: 0 or -1 after an error. */
static int check_id(const struct profile *pf, const struct ref *r,
		    const struct ref_partnership *p, int f, const char *where, const char *id)
{
	const char *hint = NULL;

	if (f == CF_PARTNERSHIP) {
		if (ref_find_partnership(r, id))
			return 0;
		return error("%s: %s: '%s' is not a partnership of the warehouse", pf->path, where, id);
	}
	if (f == CF_THEME) {
		if (ref_is_theme(r, id))
			return 0;
		hint = ref_suggest(id, r->theme, r->ntheme);
		return error("%s: %s: '%s' is not a theme%s%s%s", pf->path, where, id,
			     hint ? "; did you mean '" : "", hint ? hint : "", hint ? "'?" : "");
	}
	if ((f == CF_RAISED_BY || f == CF_RAISED_WITH) && p) {
		if (ref_agency_index(p, id) >= 0)
			return 0;
		hint = ref_suggest(id, p->agency, p->nagency);
		return error("%s: %s: '%s' is not an agency of %s%s%s%s", pf->path, where, id, p->id,
			     hint ? "; did you mean '" : "", hint ? hint : "", hint ? "'?" : "");
	}
	return 0;
}

int profile_check_ref(const struct profile *pf, const struct ref *r)
{
	static const int fields[] = {CF_PARTNERSHIP, CF_RAISED_BY, CF_RAISED_WITH, CF_THEME};
	const struct ref_partnership *p = NULL;
	char where[200];

	if (pf->partnership) {
		if (check_id(pf, r, NULL, CF_PARTNERSHIP, "source.partnership", pf->partnership))
			return -1;
		p = ref_find_partnership(r, pf->partnership);
		if (check_id(pf, r, p, CF_RAISED_BY, "source.agency", pf->agency))
			return -1;
	}
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		int f = fields[i];
		const struct profile_vmap *m = &pf->vmap[f];

		for (int k = 0; k < m->n; k++) {
			snprintf(where, sizeof(where), "values.%s.\"%.60s\"",
				 pf->vmap_agency & (1 << f) ? "agency" : canon_field_name(f), m->from[k]);
			if (check_id(pf, r, p, f, where, m->to[k]))
				return -1;
		}
		snprintf(where, sizeof(where), "defaults.%s", canon_field_name(f));
		if (pf->dflt[f] && check_id(pf, r, p, f, where, pf->dflt[f]))
			return -1;
	}
	return 0;
}
