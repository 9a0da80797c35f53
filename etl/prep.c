/*
 * prep.c - a source row made ready for the warehouse: see prep.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/util.h"
#include "prep.h"

struct prep {
	const struct ref *r;
	int today;              /* the last day any date may be */
	struct pseudo_hmac *hm; /* the key's HMAC state, copied per row */
};

struct prep *prep_new(const struct ref *r, const unsigned char key[PSEUDO_KEY_BYTES], int today)
{
	struct prep *pp = xcalloc(1, sizeof(*pp));

	pp->r = r;
	pp->today = today;
	pp->hm = pseudo_hmac_new(key);
	return pp;
}

void prep_free(struct prep *pp)
{
	if (!pp)
		return;
	pseudo_hmac_free(pp->hm);
	free(pp);
}

/* The canonical values, in a fixed order, for the "unchanged" digest. */
static void row_digest(const struct canon *c, const char *case_key, char out[PSEUDO_HEX])
{
	char buf[2048], d[11];
	size_t n = 0;

#define PUT(s)                                                                   \
	do {                                                                     \
		const char *s_ = (s) ? (s) : "";                                 \
		size_t l_ = strlen(s_);                                          \
		if (n + l_ + 1 < sizeof(buf)) {                                  \
			memcpy(buf + n, s_, l_);                                 \
			n += l_;                                                 \
			buf[n++] = '\x1f';                                       \
		}                                                                \
	} while (0)
	PUT(c->raised_by);
	PUT(c->raised_with);
	PUT(case_key);
	PUT(c->subject);
	PUT(date_format(c->raised_on, d));
	PUT(c->theme);
	PUT(c->category);
	PUT(c->serious ? "y" : "n");
	PUT(c->stuck ? "y" : "n");
	for (int s = 1; s <= MODEL_STAGES; s++)
		PUT(c->stage[s] == DATE_NONE ? "" : date_format(c->stage[s], d));
	PUT(c->status);
	PUT(c->closed_on == DATE_NONE ? "" : date_format(c->closed_on, d));
	PUT(c->learning ? "y" : "n");
	PUT(c->learning_theme);
	/* The columns added later join the digest only when one is given,
	 * so a row that gives none keeps the digest it always had (and a
	 * reload of an older export stays "unchanged"). */
	if (c->stage[0] != DATE_NONE || c->outcome || c->feedback_on != DATE_NONE ||
	    c->immediate_risk) {
		PUT(c->stage[0] == DATE_NONE ? "" : date_format(c->stage[0], d));
		PUT(c->outcome);
		PUT(c->feedback_on == DATE_NONE ? "" : date_format(c->feedback_on, d));
		PUT(c->immediate_risk ? "y" : "n");
	}
#undef PUT
	pseudo_digest(buf, n, out);
}

/* out is rejected for e (kept in b). */
static void rejected(struct prep_row *out, int kind, struct prep_buf *b)
{
	out->kind = kind;
	out->col = b->e.col;
	out->field = canon_field_name(b->e.field);
	out->reason = b->e.msg;
}

void prep_row(const struct prep *pp, const struct canon_in *in, const char *raw,
	      struct prep_row *out, struct prep_buf *b)
{
	const struct canon_in *t = &b->tin;
	struct canon *c = &out->c;

	memset(out, 0, sizeof(*out));
	out->line = in->line;
	out->raw = raw;
	/* Every value is tidied first (tidy.h): trimmed, a NUL refused. */
	if (tidy_row(in, &b->tin, &b->t, &b->e)) {
		rejected(out, PREP_EARLY, b);
		return;
	}
	if (canon_validate(t, pp->r, pp->today, c, &b->e)) {
		rejected(out, PREP_INVALID, b);
		return;
	}
	/* A subject the partnership's protocol does not cover (an adult in a
	 * children's partnership) is a mistake in the log. */
	if (!ref_covers_subject(c->p, c->subject)) {
		b->e.field = CF_SUBJECT;
		b->e.col = t->col[CF_SUBJECT];
		snprintf(b->e.msg, sizeof(b->e.msg), "%s: %s's protocol does not cover subject '%s'",
			 t->src[CF_SUBJECT] ? t->src[CF_SUBJECT] : "subject", c->p->id, c->subject);
		rejected(out, PREP_SUBJECT, b);
		return;
	}
	out->kind = PREP_STORE;
	if (c->case_ref &&
	    pseudo_case_key_h(pp->hm, c->p->id, c->case_ref, c->case_len, out->case_key) == 0)
		out->has_case_key = 1;
	c->case_ref = NULL; /* hashed: never kept, never handed on */
	c->case_len = 0;
	row_digest(c, out->has_case_key ? out->case_key : NULL, out->digest);
	/* Made here, on the reader's thread, for the storing one (handoff.h):
	 * the short reference of the escalation the row may be the first of,
	 * and where it falls in a first load's filters. */
	pseudo_short_ref_h(pp->hm, c->p->id, c->ref, c->pseudo);
	settle_place(&out->place, (int)(c->p - pp->r->partnership),
		     out->has_case_key ? out->case_key : NULL, c->ref);
	out->ref_col = t->col[CF_REF];
	out->ref_src = t->src[CF_REF];
}

void prep_buf_free(struct prep_buf *b)
{
	tidy_free(&b->t);
}
