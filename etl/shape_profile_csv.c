/*
 * shape_profile_csv.c - an agency's CSV export read through its profile:
 * the "wide" shape (one row per escalation) and the "long" shape (one row
 * per stage event), through the CSV front end (shape_front.h), each record
 * built by record.c.  See profile.h and docs/profiles.md.
 *
 * Long shape: the rows that share a reference (the column mapped to ref)
 * are one record, whatever their order in the file; its line in messages
 * is the line of its first row.  The rows are spooled (shape_long.h) and
 * the records built at the end of the file, in the order of their first
 * rows.  A quarantined row stands alone; the other rows of its
 * escalation still make one record.
 */
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/text.h"
#include "core/util.h"
#include "profile.h"
#include "shape_front.h"
#include "shape_long.h"
#include "text.h"

struct pcsv {
	const struct profile *pf;
	const struct profile_sink *sink;
	const char *name;
	const char *const *colname; /* the file's column names, trimmed */
	int *field;              /* column -> canonical field, -1 none */
	int key_col;             /* long: the column grouping rows (ref) */
	int stage_col, date_col; /* long: the stage event's code and date */
	struct profile_rec rec;
	/* long: the rows spooled, the columns they keep; the group being built */
	struct long_spool *spool;
	unsigned char *keep;
	char raw[SHAPE_RAW_MAX];
	size_t rawlen;
};

/* Which column is which: the profile's "columns", "drop" and "stages". */
static int header(void *ctx, struct shape_front *f, long line)
{
	struct pcsv *s = ctx;
	const struct profile *pf = s->pf;
	int *found = xcalloc((size_t)pf->ncol + 1, sizeof(int)), rc = -1, j;
	char at[400];

	s->colname = (const char *const *)f->colname;
	s->field = xcalloc((size_t)f->ncol, sizeof(int));
	s->key_col = s->stage_col = s->date_col = -1;
	for (int i = 0; i < f->ncol; i++) {
		const char *name = f->colname[i];
		int known = 0;

		s->field[i] = -1;
		if ((j = shape_front_dup(f, i)) >= 0) {
			error("%s: column '%s' appears twice (also column %d)",
			      shape_front_where(at, sizeof(at), f, line, i + 1), name, j + 1);
			goto out;
		}
		for (int k = 0; k < pf->ncol; k++)
			if (strcmp(pf->col[k].name, name) == 0) {
				s->field[i] = pf->col[k].field;
				found[k] = 1;
				known = 1;
				if (s->field[i] == CF_CASE_REF)
					f->case_col = i;
				if (s->field[i] == CF_REF)
					s->key_col = i;
			}
		for (int k = 0; k < pf->ndrop; k++)
			if (strcmp(pf->drop[k], name) == 0) {
				f->drop[i] = 1; /* narrative or names: never kept */
				known = 1;
			}
		if (pf->shape == PROFILE_LONG && strcmp(pf->ev_stage, name) == 0) {
			s->stage_col = i;
			known = 1;
		}
		if (pf->shape == PROFILE_LONG && strcmp(pf->ev_date, name) == 0) {
			s->date_col = i;
			known = 1;
		}
		if (!known) {
			if (!pf->ignore_unmapped) {
				error("%s: column '%.60s' is not in profile %s (map it in \"columns\", "
				      "list it in \"drop\", or set \"ignore_unmapped\": true)",
				      shape_front_where(at, sizeof(at), f, line, i + 1), name, pf->name);
				goto out;
			}
			f->drop[i] = 1; /* it may be narrative: never kept */
		}
	}
	/* An export whose columns changed needs a new profile version: a
	 * mapped column that is missing is not taken to be blank. */
	for (int k = 0; k < pf->ncol; k++)
		if (!found[k]) {
			error("%s: column '%s' of profile %s (%s) is not in the file",
			      shape_front_where(at, sizeof(at), f, line, 0), pf->col[k].name, pf->name,
			      canon_field_name(pf->col[k].field));
			goto out;
		}
	if (pf->shape == PROFILE_LONG && (s->stage_col < 0 || s->date_col < 0)) {
		error("%s: column '%s' of profile %s (stages) is not in the file",
		      shape_front_where(at, sizeof(at), f, line, 0),
		      s->stage_col < 0 ? pf->ev_stage : pf->ev_date, pf->name);
		goto out;
	}
	if (pf->shape == PROFILE_LONG) {
		s->keep = xcalloc((size_t)f->ncol, 1);
		for (int i = 0; i < f->ncol; i++)
			s->keep[i] = s->field[i] >= 0 || i == s->stage_col || i == s->date_col;
	}
	rc = 0;
out:
	free(found);
	return rc;
}

/* Hand the record built in s->rec to the sink. */
static int emit(struct pcsv *s, const char *raw)
{
	struct profile_rec *r = &s->rec;

	if (profile_rec_finish(r) == 0)
		return s->sink->row(s->sink->ctx, &r->in, raw);
	return s->sink->reject(s->sink->ctx, r->in.line, r->fail_col, canon_field_name(r->fail_field),
			       r->why, raw);
}

static void add_raw(struct pcsv *s, const char *raw)
{
	size_t n = strlen(raw);

	if (s->rawlen && s->rawlen + 3 < sizeof(s->raw)) {
		memcpy(s->raw + s->rawlen, " | ", 3);
		s->rawlen += 3;
	}
	if (s->rawlen + n >= sizeof(s->raw)) {
		n = sizeof(s->raw) - s->rawlen - 1;
		if (n > 3)
			memcpy(s->raw + s->rawlen + n - 3, "...", 3);
		else
			n = 0;
		if (n > 3)
			memcpy(s->raw + s->rawlen, raw, n - 3);
	} else {
		memcpy(s->raw + s->rawlen, raw, n);
	}
	s->rawlen += n;
	s->raw[s->rawlen] = '\0';
}

/* The mapped fields of one row into the record. */
static void set_fields(struct pcsv *s, const struct csvin_row *row)
{
	for (int i = 0; i < row->nfield; i++)
		if (s->field[i] >= 0)
			profile_rec_set(&s->rec, s->field[i], row->field[i], row->len[i], i + 1,
					s->colname[i], row->line);
}

/* A row that passed the front end's checks: a record (wide), or spooled
 * with its escalation's other rows (long). */
static int on_row(void *ctx, const struct csvin_row *row, const char *raw)
{
	struct pcsv *s = ctx;
	const char *key;
	size_t keylen;

	if (s->pf->shape == PROFILE_WIDE) {
		profile_rec_start(&s->rec, row->line);
		set_fields(s, row);
		return emit(s, raw);
	}
	key = row->field[s->key_col];
	keylen = row->len[s->key_col];
	text_trim(&key, &keylen);
	return long_spool_row(s->spool, key, keylen, row, s->keep, raw);
}

static int on_reject(void *ctx, long line, int col, const char *field, const char *reason,
		     const char *raw)
{
	struct pcsv *s = ctx;

	if (s->spool)
		return long_spool_reject(s->spool, line, col, field, reason, raw);
	return s->sink->reject(s->sink->ctx, line, col, field, reason, raw);
}

/* The long shape's records, from the spool. */
static int group_start(void *ctx, long line)
{
	struct pcsv *s = ctx;

	profile_rec_start(&s->rec, line);
	s->rawlen = 0;
	s->raw[0] = '\0';
	return 0;
}

static int group_row(void *ctx, const struct csvin_row *row, const char *raw)
{
	struct pcsv *s = ctx;

	set_fields(s, row);
	profile_rec_event(&s->rec, row->field[s->stage_col], row->len[s->stage_col], s->stage_col + 1,
			  s->colname[s->stage_col], row->field[s->date_col], row->len[s->date_col],
			  s->date_col + 1, s->colname[s->date_col], row->line);
	add_raw(s, raw);
	return 0;
}

static int group_end(void *ctx)
{
	struct pcsv *s = ctx;

	return emit(s, s->raw);
}

static int group_reject(void *ctx, long line, int col, const char *field, const char *reason,
			const char *raw)
{
	struct pcsv *s = ctx;

	return s->sink->reject(s->sink->ctx, line, col, field, reason, raw);
}

static const struct long_spool_ops group_ops = {
	.start = group_start,
	.row = group_row,
	.end = group_end,
	.reject = group_reject,
};

/* The end of the file: the long shape's records. */
static int on_flush(void *ctx)
{
	struct pcsv *s = ctx;

	return s->spool ? long_spool_drain(s->spool, &group_ops, s) : 0;
}

static const struct shape_front_ops profile_ops = {
	.not_utf8_file = "not UTF-8 text (binary, or another encoding: is the profile's encoding "
			 "right?)",
	.not_utf8_field = "not UTF-8 text (is the profile's encoding right?)",
	.trim_names = 1,
	.read_error = EXIT_DATA,
	.header = header,
	.row = on_row,
	.reject = on_reject,
	.flush = on_flush,
};

int profile_read_csv(const struct profile *pf, FILE *fp, const char *name,
		     const struct profile_sink *sink)
{
	struct pcsv s;
	FILE *text;
	int rc;

	memset(&s, 0, sizeof(s));
	s.pf = pf;
	s.sink = sink;
	s.name = name;
	profile_rec_init(&s.rec, pf);
	if (shape_is_workbook(fp, name)) {
		struct shape_workbook wb = {pf->wb_sheet, pf->wb_header_row, NULL};

		text = NULL;
		if (pf->shape == PROFILE_LONG && !(s.spool = long_spool_open(name)))
			rc = EXIT_INTERNAL;
		else
			rc = shape_front_read_xlsx(name, &wb, &profile_ops, &s);
		goto done;
	}
	text = profile_text_open(pf, fp, name);
	if (!text) {
		profile_rec_free(&s.rec);
		return EXIT_DATA;
	}
	if (pf->shape == PROFILE_LONG && !(s.spool = long_spool_open(name))) {
		text_close(text, fp);
		profile_rec_free(&s.rec);
		return EXIT_INTERNAL;
	}
	rc = shape_front_read(text, name, pf->delim, &profile_ops, &s);
	text_close(text, fp);
done:
	long_spool_close(s.spool);
	free(s.field);
	free(s.keep);
	profile_rec_free(&s.rec);
	return rc;
}
