/*
 * owner.c - whose log a file is: see owner.h.
 */
#include <stdio.h>
#include <string.h>

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
