/*
 * report_xlsx.c - a paper as an Excel workbook (--format xlsx), written
 * with libxlsxwriter from the tables the paper wrote, as it wrote them
 * (report_book_keep(): the same cells the markdown shows, after disclosure
 * control), never from the markdown.
 *
 * "<dir>/<stem>.xlsx": a Contents sheet (the paper's title, its as-of
 * date, then each sheet's name, linked, with its title and definition),
 * then a sheet per table in the paper's order and a sheet per chart's
 * data.  A table's sheet: its title, its definition, a bold header row,
 * the rows (the total row bold), panes frozen below the header and right
 * of the first column, columns as wide as their contents.  Counts are
 * numbers, rates percentage-formatted numbers (a share over fewer than 5
 * stays "3 of 4", as the paper shows it), changes signed numbers, a date
 * (YYYY-MM-DD) a date; a suppressed cell is the text the paper shows
 * ("<5", "[c]"), a figure that is not "-".
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/date.h"
#include "core/msg.h"
#include "core/util.h"
#include "report.h"
#include "share.h"
#include "sheetname.h"

#define WIDTH_MIN 8
#define WIDTH_MAX 60

/* Formats: [bold (the total row)][what]. */
enum { F_TEXT, F_COUNT, F_PCT, F_NUM0, F_NUM1, F_NUM2, F_CHANGE, F_DATE, F_GENERAL, F_N };

struct book {
	lxw_workbook *wb;
	lxw_format *f[2][F_N];
	lxw_format *title, *header, *link;
	char (*names)[SHEETNAME_CAP]; /* each sheet's name (UTF-8) */
	int nnames;
};

static void make_formats(struct book *b)
{
	static const char *const num[F_N] = {NULL, "0", "0.0%", "0", "0.0", "0.00", "+0;-0;+0",
					     "yyyy-mm-dd", NULL};

	for (int bold = 0; bold < 2; bold++)
		for (int i = 0; i < F_N; i++) {
			lxw_format *f = workbook_add_format(b->wb);

			if (num[i])
				format_set_num_format(f, num[i]);
			if (bold)
				format_set_bold(f);
			if (bold)
				format_set_top(f, LXW_BORDER_THIN);
			if (i != F_TEXT && i != F_DATE)
				format_set_align(f, LXW_ALIGN_RIGHT);
			b->f[bold][i] = f;
		}
	b->title = workbook_add_format(b->wb);
	format_set_bold(b->title);
	format_set_font_size(b->title, 14);
	b->header = workbook_add_format(b->wb);
	format_set_bold(b->header);
	format_set_text_wrap(b->header);
	format_set_align(b->header, LXW_ALIGN_VERTICAL_BOTTOM);
	format_set_bottom(b->header, LXW_BORDER_THIN);
	b->link = workbook_add_format(b->wb);
	format_set_underline(b->link, LXW_UNDERLINE_SINGLE);
	format_set_font_color(b->link, LXW_COLOR_BLUE);
}

/* The number of characters (UTF-8 code points) in s. */
static int chars(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* A sheet name Excel accepts for want, kept in b->names. */
static const char *sheet_name(struct book *b, const char *want)
{
	sheetname_make(want, (const char (*)[SHEETNAME_CAP])b->names, b->nnames, b->names[b->nnames]);
	return b->names[b->nnames++];
}

/* 1 when s is a whole ISO date, into *y, *m, *d. */
static int is_date(const char *s, int *y, int *m, int *d)
{
	int day = date_of_text(s);

	if (day == DATE_NONE)
		return 0;
	date_to_ymd(day, y, m, d);
	return 1;
}

/* 1 when s is a plain number (a p-value the table holds as text). */
static int is_number(const char *s, double *v)
{
	char *end;

	if (!*s || strchr("+ ", *s) || (s[0] == '0' && s[1] >= '0' && s[1] <= '9'))
		return 0;
	errno = 0;
	*v = strtod(s, &end);
	return !*end && !errno && isfinite(*v);
}

/* Write cell c of t at (row, col); its shown width into *width. */
static void put_cell(struct book *b, lxw_worksheet *ws, const struct tab *t,
		     const struct tab_cell *c, int row, int col, int bold, int *width)
{
	lxw_format *const *f = b->f[bold];
	char buf[64];
	const char *shown = tab_cell_text(t, c, buf, sizeof(buf));
	lxw_datetime dt = {0};
	double v;

	*width = chars(shown);
	if (c->empty || (!*shown && !c->text))
		return;
	if (c->text || c->suppressed || c->kind == TAB_TEXT ||
	    (c->kind == TAB_RATE && c->share && share_small(c->den)) || isnan(c->value)) {
		if (!c->suppressed && is_date(shown, &dt.year, &dt.month, &dt.day))
			worksheet_write_datetime(ws, row, col, &dt, f[F_DATE]);
		else if (!c->suppressed && c->text && c->kind != TAB_TEXT && is_number(shown, &v))
			worksheet_write_number(ws, row, col, v, f[F_GENERAL]);
		else if (!c->suppressed && c->kind == TAB_TEXT && col > 0 && is_number(shown, &v))
			worksheet_write_number(ws, row, col, v, f[F_GENERAL]);
		else
			worksheet_write_string(ws, row, col, shown,
					       c->kind == TAB_TEXT && !c->suppressed ? f[F_TEXT] : f[F_COUNT]);
		return;
	}
	if (c->kind == TAB_COUNT)
		worksheet_write_number(ws, row, col, (double)c->count, f[F_COUNT]);
	else if (c->kind == TAB_RATE)
		worksheet_write_number(ws, row, col, c->value, f[F_PCT]);
	else if (c->change)
		worksheet_write_number(ws, row, col, c->value, f[F_CHANGE]);
	else
		worksheet_write_number(ws, row, col, c->value,
				       f[t->decimals <= 0 ? F_NUM0 : t->decimals == 1 ? F_NUM1 : F_NUM2]);
}

/* One table on a sheet of its own: title, definition, header, rows. */
static void put_table(struct book *b, const char *name, const struct tab *t)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
	int *width = xcalloc((size_t)(t->ncol ? t->ncol : 1), sizeof(int));
	const int head = 3;

	worksheet_write_string(ws, 0, 0, t->title[0] ? t->title : name, b->title);
	if (t->definition[0])
		worksheet_write_string(ws, 1, 0, t->definition, NULL);
	for (int c = 0; c < t->ncol; c++) {
		int w = chars(t->header[c]);

		worksheet_write_string(ws, head, c, t->header[c], b->header);
		/* a long heading wraps rather than widening its column */
		width[c] = w < 20 ? w : 20;
	}
	for (int r = 0; r < t->nrow; r++)
		for (int c = 0; c < t->ncol; c++) {
			int w;

			put_cell(b, ws, t, &t->rows[r][c], head + 1 + r, c, r == t->total_row, &w);
			if (w > width[c])
				width[c] = w;
		}
	for (int c = 0; c < t->ncol; c++) {
		int w = width[c] + 2;

		worksheet_set_column(ws, c, c, w < WIDTH_MIN ? WIDTH_MIN : w > WIDTH_MAX ? WIDTH_MAX : w,
				     NULL);
	}
	worksheet_freeze_panes(ws, head + 1, t->ncol > 1 ? 1 : 0);
	free(width);
}

/* The Contents sheet: the paper, then a row per sheet. */
static void put_contents(struct book *b, const struct report *r, const char *const *names)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, b->names[0]);
	lxw_datetime dt = {0};
	char url[SHEETNAME_CAP * 2 + 32];

	worksheet_write_string(ws, 0, 0, r->paper_title[0] ? r->paper_title : r->stem, b->title);
	worksheet_write_string(ws, 1, 0, r->paper_subtitle, NULL);
	worksheet_write_string(ws, 2, 0, r->name, NULL);
	worksheet_write_string(ws, 3, 0, "As of", b->f[1][F_TEXT]);
	date_to_ymd(r->period.as_of, &dt.year, &dt.month, &dt.day);
	worksheet_write_datetime(ws, 3, 1, &dt, b->f[0][F_DATE]);
	worksheet_write_string(ws, 5, 0, "Sheet", b->header);
	worksheet_write_string(ws, 5, 1, "Table", b->header);
	worksheet_write_string(ws, 5, 2, "What it shows", b->header);
	for (int i = 0; i < r->nbook; i++) {
		const struct tab *t = r->book[i];
		size_t k = 0;

		/* internal:'name'!A1, an apostrophe in the name doubled */
		k += (size_t)snprintf(url, sizeof(url), "internal:'");
		for (const char *s = names[i]; *s && k + 8 < sizeof(url); s++) {
			if (*s == '\'')
				url[k++] = '\'';
			url[k++] = *s;
		}
		snprintf(url + k, sizeof(url) - k, "'!A1");
		worksheet_write_url_opt(ws, 6 + i, 0, url, b->link, names[i], NULL);
		worksheet_write_string(ws, 6 + i, 1, t->title[0] ? t->title : names[i], NULL);
		worksheet_write_string(ws, 6 + i, 2, t->definition, NULL);
	}
	worksheet_set_column(ws, 0, 0, 34, NULL);
	worksheet_set_column(ws, 1, 1, 50, NULL);
	worksheet_set_column(ws, 2, 2, 100, NULL);
	worksheet_freeze_panes(ws, 6, 0);
}

/* The sheet name a kept table asks for: its title, else its name in
 * words ("resolved_at_stage": "Resolved at stage"). */
static void wanted_name(const struct tab *t, int chart, char *buf, size_t cap)
{
	const char *name = t->name + (chart && strncmp(t->name, "chart-", 6) == 0 ? 6 : 0);

	if (!chart && t->title[0]) {
		snprintf(buf, cap, "%s", t->title);
		return;
	}
	snprintf(buf, cap, "%s%s", chart ? "Chart data - " : "", name[0] ? name : "Table");
	for (char *p = buf; *p; p++)
		if (*p == '_' || (*p == '-' && !chart))
			*p = ' ';
	if (!chart && buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
}

int report_xlsx(struct report *r)
{
	struct book b = {0};
	const char **names = xcalloc((size_t)r->nbook + 1, sizeof(char *));
	char path[4400], tmp[4400], want[512];
	lxw_error e;

	snprintf(path, sizeof(path), "%s/%s.xlsx", r->dir, r->stem);
	snprintf(tmp, sizeof(tmp), "%s/.%ld-%s.xlsx", r->dir, (long)getpid(), r->stem);
	b.names = xcalloc((size_t)r->nbook + 1, sizeof(*b.names));
	b.wb = workbook_new(tmp);
	if (!b.wb) {
		free(names);
		free(b.names);
		return error("%s: cannot write", path), EXIT_ENV;
	}
	make_formats(&b);
	sheet_name(&b, "Contents");
	for (int i = 0; i < r->nbook; i++) {
		wanted_name(r->book[i], r->book_chart[i], want, sizeof(want));
		names[i] = sheet_name(&b, want);
	}
	put_contents(&b, r, names);
	for (int i = 0; i < r->nbook; i++)
		put_table(&b, names[i], r->book[i]);
	e = workbook_close(b.wb);
	free(names);
	free(b.names);
	if (e != LXW_NO_ERROR) {
		unlink(tmp);
		return error("%s: cannot write: %s", path, lxw_strerror(e)), EXIT_ENV;
	}
	chmod(tmp, 0644);
	if (rename(tmp, path) != 0) {
		unlink(tmp);
		return error("%s: cannot write: %s", path, strerror(errno)), EXIT_ENV;
	}
	printf("%s\n", path);
	return 0;
}
