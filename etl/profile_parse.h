/*
 * profile_parse.h - reading the sections of a profile's JSON into a
 * struct profile (profile_parse.c), for profile.c, which reads the whole
 * file.  Every reader returns 0, or -1 after one error naming the profile
 * file and the field ("police-v2.json: values.status.\"X\": ...").
 */
#ifndef OVERSIGHT_PROFILE_PARSE_H
#define OVERSIGHT_PROFILE_PARSE_H

#include "core/msg.h"
#include "profile.h"

struct cJSON;

/* The profile being read, and the file it is read from (for messages). */
struct pctx {
	const char *path;
	struct profile *pf;
};

/* Print "<path>: <message>"; returns -1. */
int pctx_err(const struct pctx *c, const char *fmt, ...) MSG_PRINTF(2, 3);

/* Every key of obj is one of known (NULL-terminated); where prefixes the
 * message ("source.", "" for the top level). */
int pctx_keys(const struct pctx *c, const struct cJSON *obj, const char *where,
	      const char *const *known);

/* A string member key of obj: *out, or NULL when absent and optional. */
int pctx_string(const struct pctx *c, const struct cJSON *obj, const char *key,
		const char *where, int optional, const char **out);

/* A list of non-blank strings (drop, yes_no.yes ...), copied to *out. */
int pctx_strings(const struct pctx *c, const struct cJSON *arr, const char *where,
		 char ***out, int *n);

/* The sections, each into c->pf. */
int pctx_columns(const struct pctx *c, const struct cJSON *cols);
int pctx_dates(const struct pctx *c, const struct cJSON *dates);
int pctx_values(const struct pctx *c, const struct cJSON *values);
int pctx_defaults(const struct pctx *c, const struct cJSON *d);
int pctx_yes_no(const struct pctx *c, const struct cJSON *yn);
int pctx_stages(const struct pctx *c, const struct cJSON *st);

/* Free a value map's codes and values. */
void profile_vmap_free(struct profile_vmap *m);

#endif
