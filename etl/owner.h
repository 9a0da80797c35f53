/*
 * owner.h - whose log a file is (DESIGN.md "Whose log, and how recent").
 *
 * A load belongs to one agency: the profile's source.agency, else
 * `load --agency A`, else, for a canonical file, the one agency named in
 * every row (as raiser or receiver).  A file with no such agency is its
 * partnership's shared log.  The loader feeds owner_row() every row it
 * takes (rejected rows name nobody) and asks at the end.
 *
 *   struct load_owner o = {0};
 *   owner_row(&o, "devon", "dc-police", "devon-cs");
 *   owner_agency(&o);   -> NULL: two agencies are named in every row
 */
#ifndef OVERSIGHT_OWNER_H
#define OVERSIGHT_OWNER_H

#include "core/wh.h"
#include "model/proto.h"

#define OWNER_ID 65

struct load_owner {
	char partnership[OWNER_ID]; /* the one partnership named, "" for none */
	int mixed;                  /* rows of more than one partnership */
	char cand[2][OWNER_ID];     /* agencies named in every row so far */
	int ncand;                  /* how many of cand[] are still in */
	long rows;                  /* rows seen */
};

/* One row of partnership p, raised by by with with (either may be NULL:
 * an activity row names its partnership only). */
void owner_row(struct load_owner *o, const char *p, const char *by, const char *with);

/* The one partnership of the rows, or NULL (none, or more than one). */
const char *owner_partnership(const struct load_owner *o);

/* The one agency named in every row, or NULL (the shared log). */
const char *owner_agency(const struct load_owner *o);

/* A load's source: what its rows show, and what the profile or the
 * command line says (load --agency, --shared, --exported). */
struct load_source {
	struct load_owner own;   /* what the rows show */
	const char *partnership; /* the profile's, NULL: the rows say */
	const char *agency;      /* given; NULL: inferred; "": the shared log */
	int exported;            /* export date; DATE_NONE: today */
};

/* Whose log the load is: a given agency, which must be one of the
 * partnership's (else an error naming file), else the one its rows name.
 * Sets *pp (NULL: no one partnership) and *pa (NULL: the shared log).
 * Returns 0 or -1 after an error. */
int owner_resolve(const struct load_source *s, const struct ref *r, const char *file,
		  const char **pp, const char **pa);

/* Bind :partnership, :agency and :exported_on (today when no export date
 * was given) of st.  Returns 0 or -1 after an error. */
int owner_bind(const struct load_source *s, const struct ref *r, const char *file, int today,
	       sqlite3_stmt *st);

#endif
