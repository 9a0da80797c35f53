/*
 * shape_canonical.c - the canonical CSV log and the activity CSV.
 */
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "csvin.h"
#include "shape.h"

#define RAW_MAX 2048 /* what a quarantined row keeps of itself */

int shape_utf8_valid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t k;
		unsigned cp;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			k = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			k = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			k = 3;
			cp = c & 0x07;
		} else {
			return 0;
		}
		if (i + k >= n)
			return 0;
		for (size_t j = 1; j <= k; j++) {
			if ((s[i + j] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + j] & 0x3f);
		}
		/* overlong forms, surrogates, beyond U+10FFFF */
		if ((k == 2 && cp < 0x800) || (k == 3 && cp < 0x10000) || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += k + 1;
	}
	return 1;
}

void shape_raw_row(char *buf, size_t cap, char *const *field, const size_t *len, int n,
		   int mask_col, const unsigned char *drop)
{
	size_t used = 0;
	int first = 1;

	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		const char *v = field[i];
		size_t l = len[i];
		int quote;

		if (drop && drop[i])
			continue;
		if (i == mask_col && l) {
			v = "[case ref masked]";
			l = strlen(v);
		}
		quote = memchr(v, ',', l) || memchr(v, '"', l) || memchr(v, '\n', l);
		if (!first && used + 1 < cap)
			buf[used++] = ',';
		first = 0;
		if (quote && used + 1 < cap)
			buf[used++] = '"';
		for (size_t j = 0; j < l && used + 5 < cap; j++) {
			char c = v[j];

			if (c == '\0')
				c = '?';
			if (c == '"')
				buf[used++] = '"';
			buf[used++] = c;
		}
		if (quote && used + 1 < cap)
			buf[used++] = '"';
		if (used + 5 >= cap) {
			/* Right after the text kept (at cap - 4 at most): a gap
			 * before it would be a byte never written. */
			memcpy(buf + (used < cap - 4 ? used : cap - 4), "...", 4);
			return;
		}
	}
	buf[used] = '\0';
}

struct canon_state {
	struct ingest *g;
	const char *name;
	const struct shape_opts *o;
	int header_done;
	int ncol;
	int *map;               /* column -> canonical field, -1 = dropped */
	unsigned char *drop;    /* column is dropped (unknown, ignored) */
	char **colname;
	int case_col;           /* 0-based column of case_ref, -1 none */
	int status;             /* exit code when the file cannot be taken */
	int is_activity;
	int act_col[5];
};

static const char *const activity_cols[5] = {"partnership", "agency", "quarter", "measure", "value"};

static void strip_bom(char **f, size_t *len)
{
	if (*len >= 3 && memcmp(*f, "\xef\xbb\xbf", 3) == 0) {
		*f += 3;
		*len -= 3;
	}
}

static int header(struct canon_state *s, const struct csvin_row *row)
{
	char *f0 = row->field[0];
	size_t l0 = row->len[0];
	int have[CF_COUNT] = {0};

	if (row->has_nul || !shape_utf8_valid(row->field[0], row->len[0]))
		goto binary;
	for (int i = 0; i < row->nfield; i++)
		if (!shape_utf8_valid(row->field[i], row->len[i]))
			goto binary;
	if (row->malformed) {
		s->status = EXIT_DATA;
		return error("%s:%ld:%d: %s", s->name, row->line, row->malformed, CSVIN_MALFORMED);
	}
	strip_bom(&f0, &l0);
	if (row->nfield == 1 && l0 == 0) { /* a byte order mark and nothing else */
		s->status = EXIT_DATA;
		return error("%s: empty file: no header row", s->name);
	}
	s->ncol = row->nfield;
	s->map = calloc((size_t)row->nfield, sizeof(int));
	s->drop = calloc((size_t)row->nfield, 1);
	s->colname = calloc((size_t)row->nfield, sizeof(char *));
	if (!s->map || !s->drop || !s->colname)
		die(EXIT_INTERNAL, "out of memory");
	s->case_col = -1;
	for (int i = 0; i < 5; i++)
		s->act_col[i] = -1;
	for (int i = 0; i < row->nfield; i++) {
		const char *name = i == 0 ? f0 : row->field[i];
		int f;

		s->colname[i] = strdup(name);
		if (s->is_activity) {
			f = -1;
			for (int k = 0; k < 5; k++)
				if (strcmp(name, activity_cols[k]) == 0)
					f = k;
			if (f >= 0 && s->act_col[f] >= 0) {
				s->status = EXIT_DATA;
				return error("%s:%ld:%d: column '%s' appears twice", s->name, row->line, i + 1, name);
			}
			if (f >= 0) {
				s->act_col[f] = i;
				continue;
			}
		} else {
			f = canon_field_lookup(name);
			if (f >= 0 && have[f]) {
				s->status = EXIT_DATA;
				return error("%s:%ld:%d: column '%s' appears twice", s->name, row->line, i + 1, name);
			}
			if (f >= 0) {
				have[f] = 1;
				s->map[i] = f;
				if (f == CF_CASE_REF)
					s->case_col = i;
				continue;
			}
		}
		if (!s->o->ignore_unknown) {
			s->status = EXIT_DATA;
			return error("%s:%ld:%d: unknown column '%.60s' (the canonical columns are in "
				     "DESIGN.md; --ignore-unknown drops others)", s->name, row->line, i + 1, name);
		}
		s->map[i] = -1;
		s->drop[i] = 1; /* unknown columns may be narrative: never kept */
	}
	if (s->is_activity) {
		for (int k = 0; k < 5; k++)
			if (s->act_col[k] < 0) {
				s->status = EXIT_DATA;
				return error("%s:%ld: required column '%s' missing", s->name, row->line,
					     activity_cols[k]);
			}
	} else {
		static const int required[] = {CF_REF, CF_PARTNERSHIP, CF_RAISED_BY, CF_RAISED_WITH,
					       CF_RAISED_ON, CF_THEME, CF_STATUS};
		int any_stage = 0;

		for (size_t k = 0; k < sizeof(required) / sizeof(required[0]); k++)
			if (!have[required[k]]) {
				s->status = EXIT_DATA;
				return error("%s:%ld: required column '%s' missing", s->name, row->line,
					     canon_field_name(required[k]));
			}
		for (int n = 0; n < CANON_MAX_STAGE; n++)
			any_stage |= have[CF_STAGE1 + n];
		if (!any_stage) {
			s->status = EXIT_DATA;
			return error("%s:%ld: no stage column (stage1_on ... stage5_on)", s->name, row->line);
		}
	}
	s->header_done = 1;
	return 0;
binary:
	s->status = EXIT_DATA;
	return error("%s:%ld: not a UTF-8 CSV file (binary, or another encoding: a profile can "
		     "read windows-1252)", s->name, row->line);
}

static int on_row(const struct csvin_row *row, void *ctx)
{
	struct canon_state *s = ctx;
	char raw[RAW_MAX];
	char msg[256];

	if (!s->header_done)
		return header(s, row) ? 1 : 0;

	shape_raw_row(raw, sizeof(raw), row->field, row->len, row->nfield,
		      row->nfield == s->ncol ? s->case_col : -1, row->nfield == s->ncol ? s->drop : NULL);
	if (row->unterminated)
		return ingest_reject(s->g, row->line, 0, NULL, "the file ends inside a quoted field",
				     row->nfield == s->ncol ? raw : NULL) ? -1 : 0;
	if (row->malformed) /* the columns cannot be trusted: as a ragged row */
		return ingest_reject(s->g, row->line, row->malformed, NULL, CSVIN_MALFORMED, NULL) ? -1 : 0;
	if (row->nfield != s->ncol) {
		/* The columns cannot be trusted: keep nothing of the row but
		 * where it was, since any field may be the case reference. */
		snprintf(msg, sizeof(msg), "row has %d fields, the header has %d", row->nfield, s->ncol);
		return ingest_reject(s->g, row->line, 0, NULL, msg, NULL) ? -1 : 0;
	}
	for (int i = 0; i < row->nfield; i++) {
		if (!shape_utf8_valid(row->field[i], row->len[i])) {
			s->status = EXIT_DATA;
			error("%s:%ld:%d: %s: not UTF-8 text (is the file windows-1252? a profile can read it)",
			      s->name, row->line, i + 1, s->colname[i]);
			return 1;
		}
		if (row->len[i] && memchr(row->field[i], '\0', row->len[i])) {
			snprintf(msg, sizeof(msg), "%s: holds a NUL byte", s->colname[i]);
			return ingest_reject(s->g, row->line, i + 1, s->colname[i], msg, raw) ? -1 : 0;
		}
	}
	if (s->is_activity) {
		char *v[5];
		int col[5];

		for (int k = 0; k < 5; k++) {
			v[k] = row->field[s->act_col[k]];
			col[k] = s->act_col[k] + 1;
		}
		return ingest_activity(s->g, row->line, v, col, raw) ? -1 : 0;
	}

	struct canon_in in;

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

static int read_shape(struct ingest *g, FILE *fp, const char *name, const struct shape_opts *o,
		      int is_activity)
{
	struct canon_state s;
	int rc;

	memset(&s, 0, sizeof(s));
	s.g = g;
	s.name = name;
	s.o = o;
	s.is_activity = is_activity;
	rc = csvin_read(fp, name, ',', on_row, &s);
	if (rc == 0 && !s.header_done) {
		error("%s: empty file: no header row", name);
		s.status = EXIT_DATA;
	} else if (rc < 0 && !s.status) {
		s.status = EXIT_INTERNAL;
	} else if (rc > 0 && !s.status) {
		s.status = EXIT_DATA;
	} else if (rc != 0 && !s.status) {
		s.status = EXIT_DATA;
	}
	for (int i = 0; i < s.ncol; i++)
		free(s.colname[i]);
	free(s.colname);
	free(s.map);
	free(s.drop);
	return s.status;
}

int shape_canonical(struct ingest *g, FILE *fp, const char *name, const struct shape_opts *o)
{
	return read_shape(g, fp, name, o, 0);
}

int shape_activity(struct ingest *g, FILE *fp, const char *name, const struct shape_opts *o)
{
	return read_shape(g, fp, name, o, 1);
}
