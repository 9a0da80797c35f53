/*
 * xlsx_sheet.c - stream one sheet's rows out of its part: each <row> is
 * gathered cell by cell (the cell's text as xlsx.h describes it, placed at
 * its column) and handed on when it ends, so only one row is held at a
 * time.  The reading stops at </sheetData>: what follows (merged cells,
 * page setup) says nothing about the values.
 */
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "xlsx_int.h"

#define NONE ((size_t)-1)

enum cell_type { CELL_NUMBER, CELL_SHARED, CELL_BOOL, CELL_TEXT };

struct sheet {
	struct xlsx_parse ps;      /* first: the handlers' user data */
	struct xlsx_book *b;
	long header_row;
	csvin_row_fn fn;
	void *ctx;
	struct xlsx_info *info;
	int in_data;               /* inside <sheetData> */
	int in_row;
	long row;                  /* the row being read (its number) */
	/* the cell being read */
	int in_cell, in_is, in_rph, collect;
	int col;                   /* its column, 1-based */
	enum cell_type type;
	long style;                /* its cellXfs index */
	char *val;                 /* its <v> or inline text */
	size_t vlen, vcap;
	/* the row's cells */
	char *arena;               /* texts, each followed by a NUL */
	size_t alen, acap;
	size_t *off;               /* per column: start in arena, or NONE */
	size_t *len;
	int capcol;
	int maxcol;                /* columns touched (off[] to reset) */
	int lastcol;               /* the last column with a value, 0: none */
	int width;                 /* the header row's, once delivered */
	char **ptr;                /* delivery */
	size_t *plen;
	int capptr;
};

static char empty[1];

/* Print an error at the cell being read and stop the parse. */
static void cell_error(struct sheet *s, const char *what, const char *value)
{
	char cell[320];

	error("%s:%s: %s '%s'", s->b->path,
	      xlsx_cell(cell, sizeof(cell), s->info->sheet, s->row, s->col), what, value);
	s->ps.error_class = ERR_DATA;
	xlsx_fail(&s->ps, what);
}

/* The column of a reference like "C14", or 0 when it is not one. */
static int ref_column(const char *r)
{
	int col = 0;

	for (; *r >= 'A' && *r <= 'Z'; r++) {
		col = col * 26 + (*r - 'A' + 1);
		if (col > XLSX_COL_MAX)
			return 0;
	}
	return *r >= '0' && *r <= '9' ? col : 0;
}

static void cell_start(struct sheet *s, const XML_Char **atts)
{
	const char *r = xlsx_attr(atts, "r"), *t = xlsx_attr(atts, "t");
	const char *st = xlsx_attr(atts, "s");

	s->col = r ? ref_column(r) : s->col + 1;
	if (s->col < 1 || s->col > XLSX_COL_MAX) {
		s->col = 1;
		cell_error(s, "a cell reference out of range", r ? r : "");
		return;
	}
	s->in_cell = 1;
	s->vlen = 0;
	s->type = CELL_NUMBER;
	if (t && !strcmp(t, "s"))
		s->type = CELL_SHARED;
	else if (t && !strcmp(t, "b"))
		s->type = CELL_BOOL;
	else if (t && strcmp(t, "n"))
		s->type = CELL_TEXT; /* str, inlineStr, e, d: the text as written */
	s->style = st ? strtol(st, NULL, 10) : 0;
}

static void XMLCALL sheet_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct sheet *s = data;
	const char *local = xlsx_local(name);

	if (!strcmp(local, "sheetData")) {
		s->in_data = 1;
	} else if (!s->in_data) {
		return;
	} else if (!strcmp(local, "row")) {
		const char *r = xlsx_attr(atts, "r");
		long n = r ? strtol(r, NULL, 10) : 0;

		s->row = n > 0 ? n : s->row + 1;
		s->in_row = 1;
		s->col = 0;
		/* A row within a cell (no sound sheet has one) closes the
		 * cell: its end must not place a value at column 0. */
		s->in_cell = s->in_is = s->in_rph = s->collect = 0;
	} else if (!strcmp(local, "c") && s->in_row) {
		cell_start(s, atts);
	} else if (!s->in_cell) {
		return;
	} else if (!strcmp(local, "v")) {
		s->collect = 1;
	} else if (!strcmp(local, "is")) {
		s->in_is = 1;
	} else if (!strcmp(local, "rPh")) {
		s->in_rph = 1;
	} else if (!strcmp(local, "t") && s->in_is && !s->in_rph) {
		s->collect = 1;
	}
}

/* Put text at the cell's column of the row. */
static void place(struct sheet *s, const char *text, size_t n)
{
	if (!n)
		return;
	if (s->alen + n > XLSX_ROW_MAX) {
		xlsx_fail(&s->ps, "a row longer than 64 MB");
		return;
	}
	if (s->col > s->capcol) {
		int cap = s->capcol ? s->capcol : 32;

		while (cap < s->col)
			cap *= 2;
		s->off = xrealloc(s->off, (size_t)cap * sizeof(*s->off));
		s->len = xrealloc(s->len, (size_t)cap * sizeof(*s->len));
		for (int i = s->capcol; i < cap; i++)
			s->off[i] = NONE;
		s->capcol = cap;
	}
	if (s->alen + n + 1 > s->acap) {
		s->acap = 2 * (s->alen + n + 1);
		s->arena = xrealloc(s->arena, s->acap);
	}
	memcpy(s->arena + s->alen, text, n);
	s->arena[s->alen + n] = '\0';
	s->off[s->col - 1] = s->alen;
	s->len[s->col - 1] = n;
	s->alen += n + 1;
	if (s->col > s->maxcol)
		s->maxcol = s->col;
	if (s->col > s->lastcol)
		s->lastcol = s->col;
}

static void cell_end(struct sheet *s)
{
	struct xlsx_book *b = s->b;
	char num[64], *end;
	unsigned long i;
	double v;
	int date;

	s->in_cell = s->in_is = s->in_rph = s->collect = 0;
	if (!s->val)
		s->val = xmalloc(s->vcap = 64);
	s->val[s->vlen] = '\0';
	switch (s->type) {
	case CELL_SHARED:
		i = strtoul(s->val, &end, 10);
		if (!s->vlen || *end || i >= b->nshared)
			cell_error(s, "no such shared string", s->val);
		else
			place(s, b->shared[i], b->shared_len[i]);
		break;
	case CELL_BOOL:
		if (!strcmp(s->val, "1"))
			place(s, "TRUE", 4);
		else if (!strcmp(s->val, "0"))
			place(s, "FALSE", 5);
		else
			place(s, s->val, s->vlen);
		break;
	case CELL_NUMBER:
		if (!s->vlen)
			break;
		v = strtod(s->val, &end);
		if (*end || end == s->val) {
			place(s, s->val, s->vlen); /* not a number after all */
			break;
		}
		date = s->style >= 0 && (size_t)s->style < b->nxf && b->xf_date[s->style];
		xlsx_number_text(num, sizeof(num), v, date, b->date1904);
		place(s, num, strlen(num));
		break;
	case CELL_TEXT:
		place(s, s->val, xlsx_unescape(s->val, s->vlen));
		break;
	}
}

static void row_end(struct sheet *s)
{
	int n = s->lastcol;
	struct csvin_row row = {0};

	s->in_row = 0;
	if (s->row >= s->header_row && s->lastcol) {
		if (!s->width)
			s->width = s->lastcol;
		if (n < s->width)
			n = s->width;
		if (n > s->capptr) {
			s->capptr = n;
			s->ptr = xrealloc(s->ptr, (size_t)n * sizeof(*s->ptr));
			s->plen = xrealloc(s->plen, (size_t)n * sizeof(*s->plen));
		}
		for (int i = 0; i < n; i++) {
			int set = i < s->maxcol && s->off[i] != NONE;

			s->ptr[i] = set ? s->arena + s->off[i] : empty;
			s->plen[i] = set ? s->len[i] : 0;
		}
		row.line = s->row;
		row.nfield = n;
		row.field = s->ptr;
		row.len = s->plen;
		s->info->stop = s->fn(&row, s->ctx);
		s->info->rows++;
		if (s->info->stop)
			xlsx_stop(&s->ps);
	}
	for (int i = 0; i < s->maxcol; i++)
		s->off[i] = NONE;
	s->maxcol = s->lastcol = 0;
	s->alen = 0;
}

static void XMLCALL sheet_end(void *data, const XML_Char *name)
{
	struct sheet *s = data;
	const char *local = xlsx_local(name);

	if (!s->in_data)
		return;
	if (!strcmp(local, "c") && s->in_cell)
		cell_end(s);
	else if (!strcmp(local, "row") && s->in_row)
		row_end(s);
	else if (!strcmp(local, "v") || !strcmp(local, "t"))
		s->collect = 0;
	else if (!strcmp(local, "is"))
		s->in_is = 0;
	else if (!strcmp(local, "rPh"))
		s->in_rph = 0;
	else if (!strcmp(local, "sheetData"))
		xlsx_stop(&s->ps);
}

static void XMLCALL sheet_text(void *data, const XML_Char *text, int n)
{
	struct sheet *s = data;

	if (!s->collect || n <= 0)
		return;
	if (s->vlen + (size_t)n > XLSX_CELL_MAX) {
		xlsx_fail(&s->ps, "a cell longer than 1 MB");
		return;
	}
	if (s->vlen + (size_t)n + 1 > s->vcap) {
		s->vcap = 2 * (s->vlen + (size_t)n + 1);
		s->val = xrealloc(s->val, s->vcap);
	}
	memcpy(s->val + s->vlen, text, (size_t)n);
	s->vlen += (size_t)n;
}

enum err xlsx_sheet(struct xlsx_book *b, int header_row, csvin_row_fn fn, void *ctx,
		    struct xlsx_info *info)
{
	struct sheet s = {
		.b = b, .header_row = header_row > 0 ? header_row : 1,
		.fn = fn, .ctx = ctx, .info = info,
	};
	int rc;

	s.ps.start = sheet_start;
	s.ps.end = sheet_end;
	s.ps.text = sheet_text;
	rc = xlsx_part(b, b->sheet[b->pick].part, &s.ps, 1);
	free(s.val);
	free(s.arena);
	free(s.off);
	free(s.len);
	free(s.ptr);
	free(s.plen);
	return rc < 0 ? b->err : ERR_NONE;
}
