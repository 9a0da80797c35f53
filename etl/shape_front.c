/*
 * shape_front.c - the one CSV front end the CSV shapes read through: the
 * header and row checks, done once.  See shape_front.h.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/msg.h"
#include "core/text.h"
#include "core/util.h"
#include "shape_front.h"
#include "xlsx.h"

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

struct front {
	struct shape_front f;
	const struct shape_front_ops *o;
	void *ctx;
};

/* The file cannot be taken: the error is printed. */
static int refuse(struct front *s)
{
	s->f.status = EXIT_DATA;
	return 1;
}

/* The sink failed (a warehouse error, reported): abandon the file. */
static int sink_failed(struct front *s)
{
	s->f.status = EXIT_INTERNAL;
	return 1;
}

int shape_front_dup(const struct shape_front *f, int i)
{
	for (int j = 0; j < i; j++)
		if (strcmp(f->colname[j], f->colname[i]) == 0)
			return j;
	return -1;
}

static int header(struct front *s, const struct csvin_row *row)
{
	struct shape_front *f = &s->f;
	char at[400];

	if (row->has_nul)
		goto binary;
	for (int i = 0; i < row->nfield; i++)
		if (!shape_utf8_valid(row->field[i], row->len[i]))
			goto binary;
	if (row->malformed) {
		error("%s: %s", shape_front_where(at, sizeof(at), f, row->line, row->malformed),
		      CSVIN_MALFORMED);
		return refuse(s);
	}
	f->ncol = row->nfield;
	f->colname = xcalloc((size_t)f->ncol, sizeof(char *));
	f->drop = xcalloc((size_t)f->ncol, 1);
	f->case_col = -1;
	for (int i = 0; i < f->ncol; i++) {
		const char *n = row->field[i];
		size_t len = row->len[i];

		if (i == 0 && len >= 3 && memcmp(n, "\xef\xbb\xbf", 3) == 0) {
			n += 3; /* a UTF-8 byte order mark */
			len -= 3;
		}
		if (s->o->trim_names)
			text_trim(&n, &len);
		f->colname[i] = xstrndup(n, len);
	}
	if (s->o->header(s->ctx, f, row->line))
		return refuse(s);
	f->header_done = 1;
	return 0;
binary:
	error("%s: %s", shape_front_where(at, sizeof(at), f, row->line, 0), s->o->not_utf8_file);
	return refuse(s);
}

/* A row whose columns cannot be trusted, or NULL when it can. */
static const char *untrusted(const struct front *s, const struct csvin_row *row, char *msg,
			     size_t cap)
{
	if (row->unterminated)
		return "the file ends inside a quoted field";
	if (row->malformed)
		return CSVIN_MALFORMED;
	if (row->nfield != s->f.ncol) {
		snprintf(msg, cap, "row has %d fields, the header has %d", row->nfield, s->f.ncol);
		return msg;
	}
	return NULL;
}

static int on_row(const struct csvin_row *row, void *ctx)
{
	struct front *s = ctx;
	const struct shape_front_ops *o = s->o;
	const struct shape_front *f = &s->f;
	char raw[SHAPE_RAW_MAX], msg[256], at[400];
	const char *why;
	int whole = row->nfield == f->ncol;

	if (!f->header_done)
		return header(s, row);
	s->f.cur = row;
	if ((why = untrusted(s, row, msg, sizeof(msg)))) {
		shape_raw_row(raw, sizeof(raw), row->field, row->len, row->nfield,
			      whole ? f->case_col : -1, whole ? f->drop : NULL);
		/* Keep nothing of the row but where it was: any field may
		 * be the case reference or narrative.  (A long group loses
		 * this row only.) */
		return o->reject(s->ctx, row->line, row->malformed, NULL, why,
				 row->unterminated && whole && o->raw_unterminated ? raw : NULL) ?
			       sink_failed(s) : 0;
	}
	for (int i = 0; i < row->nfield; i++) {
		if (!shape_utf8_valid(row->field[i], row->len[i])) {
			error("%s: %s: %s", shape_front_where(at, sizeof(at), f, row->line, i + 1),
			      f->colname[i], o->not_utf8_field);
			return refuse(s);
		}
		if (row->len[i] && memchr(row->field[i], '\0', row->len[i]) &&
		    (o->nul_everywhere || !f->drop[i])) {
			snprintf(msg, sizeof(msg), "%s: holds a NUL byte", f->colname[i]);
			shape_front_raw(f, raw, sizeof(raw));
			return o->reject(s->ctx, row->line, i + 1,
					 o->nul_names_column ? f->colname[i] : NULL, msg, raw) ?
				       sink_failed(s) : 0;
		}
	}
	/* The masked copy is made here only for a shape that keeps it with
	 * every row; the others ask shape_front_raw() when a row is rejected. */
	if (!o->lazy_raw)
		shape_front_raw(f, raw, sizeof(raw));
	return o->row(s->ctx, row, o->lazy_raw ? NULL : raw) ? sink_failed(s) : 0;
}

const char *shape_front_raw(const struct shape_front *f, char *buf, size_t cap)
{
	const struct csvin_row *row = f->cur;
	int whole = row->nfield == f->ncol;

	shape_raw_row(buf, cap, row->field, row->len, row->nfield, whole ? f->case_col : -1,
		      whole ? f->drop : NULL);
	return buf;
}

char *shape_front_where(char *buf, size_t size, const struct shape_front *f, long line, int col)
{
	char cell[300];

	if (!f->sheet) {
		if (col > 0)
			snprintf(buf, size, "%s:%ld:%d", f->name, line, col);
		else
			snprintf(buf, size, "%s:%ld", f->name, line);
	} else if (col > 0) {
		snprintf(buf, size, "%s:%s", f->name, xlsx_cell(cell, sizeof(cell), f->sheet, line, col));
	} else {
		/* the whole row, as Excel names it: Escalations!14:14 */
		xlsx_cell(cell, sizeof(cell), f->sheet, line, 1);
		*strrchr(cell, '!') = '\0';
		snprintf(buf, size, "%s:%s!%ld:%ld", f->name, cell, line, line);
	}
	return buf;
}

/* After the last row: the end of the file, the header, the clean up. */
static int finish(struct front *s, int rc, const char *nohead)
{
	const struct shape_front_ops *o = s->o;

	if (rc == 0 && s->f.header_done && o->flush && o->flush(s->ctx))
		rc = sink_failed(s);
	if (rc == 0 && !s->f.header_done) {
		error("%s: %s", s->f.name, nohead);
		s->f.status = EXIT_DATA;
	} else if (rc != 0 && !s->f.status) {
		s->f.status = o->read_error; /* reported by csvin (or the decoder) */
	}
	for (int i = 0; i < s->f.ncol; i++)
		free(s->f.colname[i]);
	free(s->f.colname);
	free(s->f.drop);
	return s->f.status;
}

int shape_front_read(FILE *fp, const char *name, unsigned char delim,
		     const struct shape_front_ops *o, void *ctx)
{
	struct front s;

	memset(&s, 0, sizeof(s));
	s.f.name = name;
	s.o = o;
	s.ctx = ctx;
	return finish(&s, csvin_read(fp, name, delim, on_row, &s), "empty file: no header row");
}

/* A workbook's rows, handed to the same checks as a CSV file's. */
struct xfront {
	struct front s;
	const struct shape_workbook *wb;
	struct xlsx_info info;
	char **field;
	size_t *len;
	int cap;
};

/* Whether the row's cells hold every name of find. */
static int holds(const struct csvin_row *row, const char *const *find)
{
	for (; *find; find++) {
		int i = 0;

		while (i < row->nfield && strcmp(row->field[i], *find) != 0)
			i++;
		if (i == row->nfield)
			return 0;
	}
	return 1;
}

static int on_cells(const struct csvin_row *row, void *ctx)
{
	struct xfront *x = ctx;
	struct csvin_row r = *row;
	int ncol = x->s.f.ncol;

	x->s.f.sheet = x->info.sheet;
	if (!x->s.f.header_done)
		return x->wb->header_row == 0 && !holds(row, x->wb->find) ? 0 : on_row(row, &x->s);
	/* A workbook keeps no trailing empty cells, and may keep styled
	 * empty ones beyond the table: neither makes a row ragged. */
	while (r.nfield > ncol && r.len[r.nfield - 1] == 0)
		r.nfield--;
	if (r.nfield < ncol) {
		if (x->cap < ncol) {
			x->cap = ncol;
			x->field = xrealloc(x->field, (size_t)ncol * sizeof(char *));
			x->len = xrealloc(x->len, (size_t)ncol * sizeof(size_t));
		}
		for (int i = 0; i < ncol; i++) {
			x->field[i] = i < r.nfield ? r.field[i] : (char *)"";
			x->len[i] = i < r.nfield ? r.len[i] : 0;
		}
		r.field = x->field;
		r.len = x->len;
		r.nfield = ncol;
	}
	return on_row(&r, &x->s);
}

int shape_front_read_xlsx(const char *path, const struct shape_workbook *wb,
			  const struct shape_front_ops *o, void *ctx)
{
	struct xfront x;
	enum err e;
	int rc;

	memset(&x, 0, sizeof(x));
	x.s.f.name = path;
	x.s.o = o;
	x.s.ctx = ctx;
	x.wb = wb;
	e = xlsx_read(path, wb->sheet, wb->header_row > 0 ? wb->header_row : 1, on_cells, &x,
		      &x.info);
	if (e) {
		x.s.f.status = e == ERR_ENV ? EXIT_ENV : EXIT_DATA;
		rc = 1;
	} else {
		rc = x.info.stop;
	}
	x.s.f.sheet = x.info.sheet;
	if (rc == 0 && !x.s.f.header_done && wb->header_row == 0) {
		char names[200] = "";

		for (const char *const *n = wb->find; *n; n++)
			snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s'%s'",
				 n == wb->find ? "" : (n[1] ? ", " : " and "), *n);
		error("%s: sheet %s: no row holds the columns %s (give --sheet, --header-row)",
		      path, x.info.sheet, names);
		x.s.f.status = EXIT_DATA;
		rc = 1;
	}
	rc = finish(&x.s, rc, "empty sheet: no header row");
	free(x.field);
	free(x.len);
	return rc;
}

int shape_is_workbook(FILE *fp, const char *name)
{
	unsigned char m[4];
	size_t n = strlen(name), got;

	if ((n > 5 && strcasecmp(name + n - 5, ".xlsx") == 0) ||
	    (n > 4 && strcasecmp(name + n - 4, ".xls") == 0))
		return 1;
	/* A zip archive is a workbook unless it is named as CSV text (then
	 * it is refused as binary, as every other binary file is). */
	if (n > 4 && (strcasecmp(name + n - 4, ".csv") == 0 || strcasecmp(name + n - 4, ".tsv") == 0 ||
		      strcasecmp(name + n - 4, ".txt") == 0))
		return 0;
	got = fread(m, 1, 4, fp);
	rewind(fp);
	return got == 4 && memcmp(m, "PK\x03\x04", 4) == 0;
}
