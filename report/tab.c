/*
 * tab.c - report tables, disclosure control, markdown: see tab.h.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/cli.h"
#include "core/csvcell.h"
#include "core/msg.h"
#include "core/util.h"
#include "share.h"
#include "tab.h"

static char *copy(const char *s)
{
	return xstrdup(s ? s : "");
}

struct tab *tab_new(const char *name, const char *title, const char *definition)
{
	struct tab *t = xcalloc(1, sizeof(*t));

	t->name = copy(name);
	t->title = copy(title);
	t->definition = copy(definition);
	t->total_row = -1;
	t->row_total = -1;
	t->decimals = 1;
	return t;
}

void tab_free(struct tab *t)
{
	if (!t)
		return;
	for (int r = 0; r < t->nrow; r++) {
		for (int c = 0; c < t->ncol; c++) {
			free(t->rows[r][c].text);
			free(t->rows[r][c].key);
		}
		free(t->rows[r]);
	}
	free(t->rows);
	for (int c = 0; c < t->ncol; c++)
		free(t->header[c]);
	free(t->header);
	free(t->kind);
	free(t->from);
	free(t->title);
	free(t->definition);
	free(t->name);
	free(t);
}

void tab_col(struct tab *t, const char *header, enum tab_kind kind)
{
	if (t->nrow)
		die(EXIT_INTERNAL, "tab_col after rows");
	t->header = xrealloc(t->header, (size_t)(t->ncol + 1) * sizeof(char *));
	t->kind = xrealloc(t->kind, (size_t)(t->ncol + 1) * sizeof(enum tab_kind));
	t->from = xrealloc(t->from, (size_t)(t->ncol + 1) * sizeof(unsigned long));
	t->header[t->ncol] = copy(header);
	t->kind[t->ncol] = kind;
	t->from[t->ncol] = 0;
	t->ncol++;
}

void tab_derived(struct tab *t, unsigned long from)
{
	if (!t->ncol || t->nrow)
		die(EXIT_INTERNAL, "tab_derived without a column or after rows");
	t->from[t->ncol - 1] = from;
}

void tab_row(struct tab *t)
{
	if (t->nrow == t->caprow) {
		t->caprow = t->caprow ? 2 * t->caprow : 16;
		t->rows = xrealloc(t->rows, (size_t)t->caprow * sizeof(*t->rows));
	}
	t->rows[t->nrow] = xcalloc((size_t)(t->ncol ? t->ncol : 1), sizeof(struct tab_cell));
	for (int c = 0; c < t->ncol; c++) {
		t->rows[t->nrow][c].kind = t->kind[c];
		t->rows[t->nrow][c].empty = 1;
	}
	t->nrow++;
	t->cur = 0;
}

void tab_aside(struct tab *t)
{
	if (!t->nrow)
		die(EXIT_INTERNAL, "tab_aside before a row");
	for (int c = 0; c < t->ncol; c++)
		t->rows[t->nrow - 1][c].aside = 1;
}

static struct tab_cell *next(struct tab *t)
{
	if (!t->nrow || t->cur >= t->ncol)
		die(EXIT_INTERNAL, "table '%s': too many cells in a row", t->title);
	struct tab_cell *c = &t->rows[t->nrow - 1][t->cur++];
	c->empty = 0;
	return c;
}

void tab_text(struct tab *t, const char *s)
{
	struct tab_cell *c = next(t);

	c->text = copy(s);
}

void tab_count(struct tab *t, long n)
{
	struct tab_cell *c = next(t);

	c->count = n;
}

void tab_rate(struct tab *t, double r)
{
	struct tab_cell *c = next(t);

	c->value = r;
}

void tab_cell_share(struct tab_cell *c, long num, long den)
{
	c->share = 1;
	c->num = num;
	c->den = den;
	c->value = den ? (double)num / (double)den : NAN;
	c->empty = 0;
}

void tab_share(struct tab *t, long num, long den)
{
	tab_cell_share(next(t), num, den);
}

void tab_number(struct tab *t, double v)
{
	struct tab_cell *c = next(t);

	c->value = v;
}

void tab_note(struct tab *t, const char *s)
{
	struct tab_cell *c = next(t);

	c->text = copy(s);
}

void tab_change(struct tab *t, long d)
{
	struct tab_cell *c = next(t);

	/* in a column of any kind (the headline's is text: left-aligned) */
	c->kind = TAB_NUMBER;
	c->value = (double)d;
	c->change = 1;
}

void tab_total(struct tab *t, const char *label)
{
	int n = t->nrow;

	tab_row(t);
	t->total_row = n;
	for (int c = 0; c < t->ncol; c++) {
		struct tab_cell *cell = &t->rows[n][c];

		if (c == 0) {
			cell->text = copy(label);
			cell->empty = 0;
			continue;
		}
		if (t->kind[c] != TAB_COUNT)
			continue;
		cell->count = 0;
		cell->empty = 0;
		for (int r = 0; r < n; r++)
			if (!t->rows[r][c].empty && !t->rows[r][c].text && !t->rows[r][c].aside)
				cell->count += t->rows[r][c].count;
	}
	t->cur = t->ncol;
}

int tab_small(int n, long v)
{
	return n >= 2 && v >= 1 && v < n;
}

static int is_count(const struct tab_cell *c)
{
	return c->kind == TAB_COUNT && !c->empty && !c->text;
}

/*
 * In a group of count cells that add up to a shown total, one hidden cell
 * alone can be worked out; hide the smallest other shown cell (a non-zero
 * one first: hiding a zero hides nothing a reader could not guess).
 * Returns 1 when it hid something.
 */
static int protect(struct tab_cell **cells, int n, struct tab_cell *total)
{
	int hidden = 0, best = -1;

	if (total && total->suppressed)
		return 0;
	for (int i = 0; i < n; i++)
		hidden += cells[i]->suppressed;
	if (hidden != 1)
		return 0;
	for (int i = 0; i < n; i++) {
		if (cells[i]->suppressed)
			continue;
		if (best < 0 || (cells[best]->count == 0 && cells[i]->count > 0) ||
		    (cells[i]->count > 0 && cells[i]->count < cells[best]->count))
			best = i;
	}
	if (best < 0) {
		if (total)
			total->suppressed = 1;
		return total != NULL;
	}
	cells[best]->suppressed = 1;
	return 1;
}

/* A derived cell beside a hidden count would give it away. */
static void blank_derived(struct tab *t)
{
	for (int c = 0; c < t->ncol; c++) {
		if (!t->from[c])
			continue;
		for (int r = 0; r < t->nrow; r++) {
			struct tab_cell *cell = &t->rows[r][c];
			int hide = 0;

			if (t->from[c] == TAB_FROM_TABLE)
				hide = !cell->text;
			else
				for (int k = 0; !hide && k < t->ncol && k < 64; k++)
					if ((t->from[c] & TAB_COL(k)) && t->rows[r][k].suppressed)
						hide = 1;
			if (hide)
				cell->empty = 1;
		}
	}
}

void tab_suppress(struct tab *t, int n)
{
	struct tab_cell **group;
	int changed = 1, total_col = -1;

	if (n < 2)
		return;
	t->suppress_n = n;
	for (int r = 0; r < t->nrow; r++)
		for (int c = 0; c < t->ncol; c++) {
			struct tab_cell *cell = &t->rows[r][c];

			if (is_count(cell) && tab_small(n, cell->count))
				cell->suppressed = 1;
		}
	/* The row total of the count columns: as declared, else a column
	 * headed "Total". */
	total_col = t->row_total;
	for (int c = 0; total_col < 0 && c < t->ncol; c++)
		if (t->kind[c] == TAB_COUNT && strcmp(t->header[c], "Total") == 0)
			total_col = c;
	group = xcalloc((size_t)(t->nrow + t->ncol + 1), sizeof(*group));
	while (changed) {
		changed = 0;
		/* columns: cells above the total row add up to it */
		if (t->total_row >= 0)
			for (int c = 1; c < t->ncol; c++) {
				int k = 0;

				for (int r = 0; r < t->nrow; r++)
					if (r != t->total_row && is_count(&t->rows[r][c]) &&
					    !t->rows[r][c].aside)
						group[k++] = &t->rows[r][c];
				if (k && is_count(&t->rows[t->total_row][c]))
					changed |= protect(group, k, &t->rows[t->total_row][c]);
			}
		/* rows: count cells left of a "Total" column add up to it */
		if (total_col >= 0)
			for (int r = 0; r < t->nrow; r++) {
				int k = 0;

				for (int c = 1; c < t->ncol; c++)
					if (c != total_col && is_count(&t->rows[r][c]))
						group[k++] = &t->rows[r][c];
				if (k)
					changed |= protect(group, k, &t->rows[r][total_col]);
			}
	}
	free(group);
	blank_derived(t);
}

int tab_hidden(const struct tab *t)
{
	for (int i = 0; i < t->nrow; i++)
		for (int c = 0; c < t->ncol; c++)
			if (t->rows[i][c].suppressed)
				return 1;
	return 0;
}

const char *tab_cell_text(const struct tab *t, const struct tab_cell *c, char *buf, size_t cap)
{
	if (c->empty)
		return "";
	if (c->text)
		return c->text;
	if (c->suppressed) {
		/* A count hidden only to protect another (secondary
		 * suppression) is 0 or at least n: "<n" would misstate it. */
		if (c->kind == TAB_COUNT && (c->count < 1 || c->count >= t->suppress_n))
			snprintf(buf, cap, "[c]");
		else
			snprintf(buf, cap, "<%d", t->suppress_n);
		return buf;
	}
	switch (c->kind) {
	case TAB_COUNT:
		snprintf(buf, cap, "%ld", c->count);
		break;
	case TAB_RATE:
		if (c->share) {
			share_text(c->num, c->den, 1, buf, cap);
			break;
		}
		return cli_show_figure(100.0 * c->value, 'f', 1, "%", buf, cap);
	case TAB_NUMBER:
		if (c->change) {
			/* in words: a board reads "up 5", never "+0" */
			long d = (long)c->value;

			if (!d)
				snprintf(buf, cap, "no change");
			else
				snprintf(buf, cap, "%s %ld", d > 0 ? "up" : "down", d > 0 ? d : -d);
			break;
		}
		return cli_show_figure(c->value, 'f', t->decimals, "", buf, cap);
	default:
		snprintf(buf, cap, "%s", c->text ? c->text : "");
	}
	return buf;
}

void md_escape(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '\n' || ch == '\r') {
			fputc(' ', out);
		} else if (strchr("\\|*_`#<>[]~!$", ch)) {
			fputc('\\', out);
			fputc(ch, out);
		} else if (ch < 0x20) {
			fputc(' ', out);
		} else {
			fputc(ch, out);
		}
	}
}

void tab_md(const struct tab *t, FILE *out)
{
	char buf[64];

	if (t->title[0]) {
		fprintf(out, "### ");
		md_escape(out, t->title);
		fprintf(out, "\n\n");
	}
	if (t->definition[0]) {
		md_escape(out, t->definition);
		fprintf(out, "\n\n");
	}
	fprintf(out, "|");
	for (int c = 0; c < t->ncol; c++) {
		fputc(' ', out);
		md_escape(out, t->header[c]);
		fprintf(out, " |");
	}
	fprintf(out, "\n|");
	for (int c = 0; c < t->ncol; c++)
		fprintf(out, "%s|", t->kind[c] == TAB_TEXT ? ":---" : "---:");
	fputc('\n', out);
	for (int r = 0; r < t->nrow; r++) {
		int bold = r == t->total_row;

		fputc('|', out);
		for (int c = 0; c < t->ncol; c++) {
			const char *s = tab_cell_text(t, &t->rows[r][c], buf, sizeof(buf));

			fputc(' ', out);
			if (bold && *s)
				fputs("**", out);
			md_escape(out, s);
			if (bold && *s)
				fputs("**", out);
			fputs(" |", out);
		}
		fputc('\n', out);
	}
	fputc('\n', out);
}

/* One cell for tools: see tab_csv(). */
static void csv_cell(const struct tab *t, const struct tab_cell *c, FILE *out)
{
	char buf[64];
	double v = c->value;

	if (c->empty || c->text || c->suppressed || c->kind == TAB_TEXT) {
		csvcell_write(out, tab_cell_text(t, c, buf, sizeof(buf)), CSVCELL_FLAT);
		return;
	}
	if (c->kind == TAB_COUNT) {
		fprintf(out, "%ld", c->count);
		return;
	}
	if (c->kind == TAB_RATE)
		v = 100.0 * c->value;
	if (v == v)
		fprintf(out, "%.10g", v);
}

void tab_csv(const struct tab *t, FILE *out)
{
	for (int c = 0; c < t->ncol; c++) {
		if (c)
			fputc(',', out);
		csvcell_write(out, t->header[c], CSVCELL_FLAT);
	}
	fputs("\r\n", out);
	for (int r = 0; r < t->nrow; r++) {
		for (int c = 0; c < t->ncol; c++) {
			if (c)
				fputc(',', out);
			if (t->rows[r][c].key)
				csvcell_write(out, t->rows[r][c].key, CSVCELL_FLAT);
			else
				csv_cell(t, &t->rows[r][c], out);
		}
		fputs("\r\n", out);
	}
}

void tab_text_id(struct tab *t, const char *name, const char *id)
{
	tab_text(t, name);
	if (id && t->cur > 0) {
		struct tab_cell *c = &t->rows[t->nrow - 1][t->cur - 1];

		free(c->key);
		c->key = xstrdup(id);
	}
}

const char *tab_cell_csv(const struct tab *t, const struct tab_cell *c, char *buf, size_t cap)
{
	return c->key ? c->key : tab_cell_text(t, c, buf, cap);
}

struct tab *tab_copy(const struct tab *t)
{
	struct tab *u = tab_new(t->name, t->title, t->definition);

	for (int c = 0; c < t->ncol; c++) {
		tab_col(u, t->header[c], t->kind[c]);
		u->from[c] = t->from[c];
	}
	for (int r = 0; r < t->nrow; r++) {
		tab_row(u);
		for (int c = 0; c < t->ncol; c++) {
			u->rows[r][c] = t->rows[r][c];
			u->rows[r][c].text = t->rows[r][c].text ? xstrdup(t->rows[r][c].text) : NULL;
			u->rows[r][c].key = t->rows[r][c].key ? xstrdup(t->rows[r][c].key) : NULL;
		}
	}
	u->total_row = t->total_row;
	u->row_total = t->row_total;
	u->cur = u->ncol;
	u->suppress_n = t->suppress_n;
	u->decimals = t->decimals;
	return u;
}
