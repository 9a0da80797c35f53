/*
 * shape_canonical.c - the canonical CSV log (docs/log-format.md) and the activity CSV, read through the one CSV front
 * end (shape_front.h): their column names are the canonical ones, so the
 * header maps each column to itself.
 */
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/util.h"
#include "shape.h"
#include "shape_front.h"
#include "text.h"

struct canon_state {
	struct ingest *g;
	const char *name;
	const struct shape_opts *o;
	int *map;               /* column -> canonical field, -1 = dropped */
	int is_activity;
	int act_col[5];
	const struct shape_front *f; /* for the quarantine text of a row */
	char raw[SHAPE_RAW_MAX];
};

/* The quarantine text of the current row, made only when it is rejected. */
static const char *row_raw(void *ctx)
{
	struct canon_state *s = ctx;

	return shape_front_raw(s->f, s->raw, sizeof(s->raw));
}

static const char *const activity_cols[5] = {"partnership", "agency", "quarter", "measure", "value"};

static int header(void *ctx, struct shape_front *f, long line)
{
	struct canon_state *s = ctx;
	int have[CF_COUNT] = {0};
	char at[400];

	if (f->ncol == 1 && !f->colname[0][0]) /* a byte order mark and nothing else */
		return error("%s: empty file: no header row", s->name);
	if (f->sheet)
		ingest_set_sheet(s->g, f->sheet); /* rejects name their cell */
	s->f = f;
	ingest_set_raw_source(s->g, row_raw, s);
	s->map = xcalloc((size_t)f->ncol, sizeof(int));
	for (int i = 0; i < 5; i++)
		s->act_col[i] = -1;
	for (int i = 0; i < f->ncol; i++) {
		const char *name = f->colname[i];
		int k = -1;

		if (s->is_activity) {
			for (int a = 0; a < 5; a++)
				if (strcmp(name, activity_cols[a]) == 0)
					k = a;
		} else {
			k = canon_field_lookup(name);
		}
		if (k >= 0 && shape_front_dup(f, i) >= 0)
			return error("%s: column '%s' appears twice",
				     shape_front_where(at, sizeof(at), f, line, i + 1), name);
		if (k >= 0 && s->is_activity) {
			s->act_col[k] = i;
			continue;
		}
		if (k >= 0) {
			have[k] = 1;
			s->map[i] = k;
			if (k == CF_CASE_REF)
				f->case_col = i;
			continue;
		}
		if (!s->o->ignore_unknown)
			return error("%s: unknown column '%.60s' (the canonical columns are in "
				     "docs/log-format.md; --ignore-unknown drops others)",
				     shape_front_where(at, sizeof(at), f, line, i + 1), name);
		s->map[i] = -1;
		f->drop[i] = 1; /* unknown columns may be narrative: never kept */
	}
	if (s->is_activity) {
		for (int k = 0; k < 5; k++)
			if (s->act_col[k] < 0)
				return error("%s: required column '%s' missing",
					     shape_front_where(at, sizeof(at), f, line, 0), activity_cols[k]);
	} else {
		static const int required[] = {CF_REF, CF_PARTNERSHIP, CF_RAISED_BY, CF_RAISED_WITH,
					       CF_RAISED_ON, CF_THEME, CF_STATUS};
		int any_stage = 0;

		for (size_t k = 0; k < sizeof(required) / sizeof(required[0]); k++)
			if (!have[required[k]])
				return error("%s: required column '%s' missing",
					     shape_front_where(at, sizeof(at), f, line, 0),
					     canon_field_name(required[k]));
		for (int n = 0; n < CANON_MAX_STAGE; n++)
			any_stage |= have[CF_STAGE1 + n];
		any_stage |= have[CF_STAGE0];
		if (!any_stage)
			return error("%s: no stage column (stage1_on ... stage5_on)",
				     shape_front_where(at, sizeof(at), f, line, 0));
	}
	return 0;
}

static int on_row(void *ctx, const struct csvin_row *row, const char *raw)
{
	struct canon_state *s = ctx;
	struct canon_in in;

	if (s->is_activity) {
		char *v[5];
		int col[5];

		for (int k = 0; k < 5; k++) {
			v[k] = row->field[s->act_col[k]];
			col[k] = s->act_col[k] + 1;
		}
		return ingest_activity(s->g, row->line, v, col, raw) ? -1 : 0;
	}
	memset(&in, 0, sizeof(in));
	in.line = row->line;
	for (int i = 0; i < row->nfield; i++) {
		int f = s->map[i];

		if (f < 0)
			continue;
		in.v[f] = row->field[i];
		in.len[f] = row->len[i];
		in.col[f] = i + 1;
	}
	return ingest_row(s->g, &in, raw) ? -1 : 0;
}

static int on_reject(void *ctx, long line, int col, const char *field, const char *reason,
		     const char *raw)
{
	struct canon_state *s = ctx;

	return ingest_reject(s->g, line, col, field, reason, raw) ? -1 : 0;
}

static const struct shape_front_ops canonical_ops = {
	.not_utf8_file = "not a UTF-8 CSV file (binary, or another encoding: a profile can read "
			 "windows-1252)",
	.not_utf8_field = "not UTF-8 text (is the file windows-1252? a profile can read it)",
	.raw_unterminated = 1,
	.lazy_raw = 1,
	.nul_everywhere = 1,
	.nul_names_column = 1,
	.read_error = EXIT_INTERNAL,
	.header = header,
	.row = on_row,
	.reject = on_reject,
};

static int read_shape(struct ingest *g, FILE *fp, const char *name, const struct shape_opts *o,
		      int is_activity)
{
	static const char *const find_log[] = {"ref", "raised_on", NULL};
	static const char *const find_activity[] = {"partnership", "quarter", "measure", NULL};
	struct canon_state s;
	FILE *text;
	int rc;

	memset(&s, 0, sizeof(s));
	s.g = g;
	s.name = name;
	s.o = o;
	s.is_activity = is_activity;
	if (shape_is_workbook(fp, name)) {
		struct shape_workbook wb = {o->sheet, o->header_row,
					    is_activity ? find_activity : find_log};

		rc = shape_front_read_xlsx(name, &wb, &canonical_ops, &s);
		free(s.map);
		return rc;
	}
	if (!(text = text_open(fp, name, NULL)))
		return EXIT_DATA;
	rc = shape_front_read(text, name, ',', &canonical_ops, &s);
	text_close(text, fp);
	free(s.map);
	return rc;
}

int shape_canonical(struct ingest *g, FILE *fp, const char *name, const struct shape_opts *o)
{
	return read_shape(g, fp, name, o, 0);
}

int shape_activity(struct ingest *g, FILE *fp, const char *name, const struct shape_opts *o)
{
	return read_shape(g, fp, name, o, 1);
}
